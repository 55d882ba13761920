"""Config loading: base inheritance, deep merge, overrides, strictness with file names in errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from tts.config import dump_config, load_config
from tts.errors import ConfigError

ROOT = Path(__file__).resolve().parents[1]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_base_chain_and_deep_merge(tmp_path: Path) -> None:
    write(tmp_path / "configs/a.yaml", "audio:\n  sample_rate: 16000\n  n_mels: 64\ntrain:\n  steps: 5\n")
    write(tmp_path / "configs/b.yaml", "base: a.yaml\naudio:\n  n_mels: 100\n")
    recipe = write(tmp_path / "recipes/r.yaml", "base: [../configs/b.yaml]\nname: demo\ntrain:\n  lr: 0.5\n")
    loaded = load_config(recipe)
    cfg = loaded.config
    assert cfg.audio.sample_rate == 16000  # from a.yaml
    assert cfg.audio.n_mels == 100  # b.yaml wins over a.yaml
    assert cfg.train.steps == 5 and cfg.train.lr == 0.5  # merged, not replaced
    assert cfg.audio.hop_length == 256  # untouched default
    assert loaded.origins["audio.n_mels"].endswith("b.yaml")
    assert loaded.origins["train.lr"].endswith("r.yaml")


def test_override_parses_yaml_values(tmp_path: Path) -> None:
    recipe = write(tmp_path / "r.yaml", "name: x\n")
    cfg = load_config(recipe, ["train.batch_size=8", "audio.fmax=null", "train.amp=false",
                               "train.loss_weights={mel: 2.0}"]).config
    assert cfg.train.batch_size == 8
    assert cfg.audio.fmax is None
    assert cfg.train.amp is False
    assert cfg.train.loss_weights == {"mel": 2.0}


def test_override_never_evaluates_code(tmp_path: Path) -> None:
    recipe = write(tmp_path / "r.yaml", "name: x\n")
    marker = tmp_path / "pwned"
    code = f"__import__('pathlib').Path({str(marker)!r}).touch()"
    cfg = load_config(recipe, [f"name={code}"]).config
    assert cfg.name == code  # kept as a plain string
    assert not marker.exists()
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_config(recipe, ["name=!!python/object/apply:os.system ['true']"])


@pytest.mark.parametrize(
    "text, override, message",
    [
        ("audio:\n  n_melz: 80\n", None, r"unknown config key 'audio.n_melz' \(in .*r.yaml\)"),
        ("audio:\n  n_mels: eighty\n", None, r"'audio.n_mels' \(in .*r.yaml\): expected int"),
        ("pitch:\n  method: crepe\n", None, r"'pitch.method'.*'crepe' is not one of"),
        ("name: x\n", "train.stepz=3", r"unknown config key 'train.stepz' \(in --set\)"),
        ("name: x\n", "train.steps=1.5", r"'train.steps' \(in --set\): expected int"),
        ("name: x\n", "trainsteps", r"expected KEY=VALUE"),
        ("audio: [1, 2]\n", None, r"'audio'.*expected AudioConfig"),
        ("base: missing.yaml\n", None, r"base config not found: missing.yaml"),
        ("audio: {n_mels: 80\n", None, r"r.yaml:\d+: not valid YAML"),
        ("- 1\n- 2\n", None, r"top level must be a mapping"),
    ],
)
def test_strict_errors_name_key_and_file(tmp_path: Path, text: str, override: str | None, message: str) -> None:
    recipe = write(tmp_path / "r.yaml", text)
    with pytest.raises(ConfigError, match=message):
        load_config(recipe, [override] if override else [])


def test_missing_recipe_and_circular_base(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="recipe not found"):
        load_config(tmp_path / "nope.yaml")
    write(tmp_path / "a.yaml", "base: b.yaml\n")
    write(tmp_path / "b.yaml", "base: a.yaml\n")
    with pytest.raises(ConfigError, match="circular base"):
        load_config(tmp_path / "a.yaml")


def test_dump_round_trips(tmp_path: Path) -> None:
    recipe = write(tmp_path / "r.yaml", "name: x\naudio:\n  n_mels: 64\n")
    cfg = load_config(recipe).config
    again = write(tmp_path / "dumped.yaml", dump_config(cfg))
    assert load_config(again).config == cfg


@pytest.mark.parametrize("recipe", sorted((ROOT / "recipes").glob("*.yaml")), ids=lambda p: p.name)
def test_shipped_recipes_load(recipe: Path) -> None:
    load_config(recipe)
