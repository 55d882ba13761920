"""Voice bundles: export → load round trip, fp16, integrity checks, overwrite rules, discovery."""

from __future__ import annotations

import hashlib
import json
import math
import os
from pathlib import Path

import pytest
import torch
import yaml
from safetensors import safe_open

import tts
from tts.audio.params import AudioConfig
from tts.config import ModelConfig, RunConfig
from tts.errors import ConfigError, InputError, VoiceError
from tts.models import AcousticBatch, FastSpeech2, FeatureStats
from tts.synth import registry as voice_registry
from tts.synth.registry import find_voice, list_voices
from tts.synth.voice import (
    CARD_FILE,
    CONFIG_FILE,
    FORMAT_VERSION,
    LEXICON_FILE,
    PHONEMES_FILE,
    STATS_FILE,
    WEIGHTS_FILE,
    export_voice,
    load_voice,
    read_phoneme_table,
    resolve_model_config,
)
from tts.text.symbols import NUM_TONES, PHONEMES

AUDIO = AudioConfig(sample_rate=16000, n_fft=256, hop_length=64, win_length=256, n_mels=20, fmax=8000.0)
TINY_PARAMS = {
    "hidden_dim": 16, "encoder_layers": 1, "decoder_layers": 1, "attention_heads": 2, "ffn_dim": 32,
    "ffn_kernel_sizes": [3, 1], "predictor_hidden": 16, "n_bins": 8, "use_postnet": False,
}  # fmt: skip
STATS = FeatureStats(
    pitch_mean=math.log(200.0), pitch_std=0.3, energy_mean=30.0, energy_std=12.0,
    mel_mean=[-5.0 + 0.1 * i for i in range(AUDIO.n_mels)], mel_std=[2.0] * AUDIO.n_mels,
)  # fmt: skip


def run_config(**params: object) -> RunConfig:
    model = ModelConfig(name="fastspeech2", preset="fastspeech2_small", params={**TINY_PARAMS, **params})
    return RunConfig(name="tiny", audio=AUDIO, model=model)


def tiny_model(config: RunConfig, n_speakers: int = 1, seed: int = 0) -> FastSpeech2:
    torch.manual_seed(seed)
    cls_config = resolve_model_config(FastSpeech2, config.model.preset, config.model.params, "test")
    return FastSpeech2(cls_config, n_mels=AUDIO.n_mels, n_vocab=len(PHONEMES), n_tones=NUM_TONES,
                       n_speakers=n_speakers, stats=STATS)  # fmt: skip


def export_tiny(folder: Path, name: str = "tiny", seed: int = 0, **kwargs: object) -> Path:
    config = run_config()
    return export_voice(folder, tiny_model(config, seed=seed).eval(), config, STATS, name=name,
                        trained_on="unit test, 0 steps", **kwargs)  # fmt: skip


def rehash(folder: Path, file: str) -> None:
    """Update the card's checksum of ``file`` (simulates a consistent but bad bundle)."""
    card = json.loads((folder / CARD_FILE).read_text())
    card["files"][file] = hashlib.sha256((folder / file).read_bytes()).hexdigest()
    (folder / CARD_FILE).write_text(json.dumps(card))


def sample_batch() -> AcousticBatch:
    ids = [PHONEMES.index(p) for p in ("n", "i", "h", "ao", "SP")]
    return AcousticBatch(phonemes=torch.tensor([ids]), tones=torch.tensor([[0, 3, 0, 3, 0]]),
                         phoneme_lengths=torch.tensor([5]))  # fmt: skip


@pytest.fixture(scope="module")
def voice_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export_tiny(tmp_path_factory.mktemp("voices") / "tiny")


@pytest.fixture()
def voice_copy(voice_dir: Path, tmp_path: Path) -> Path:
    target = tmp_path / "copy"
    target.mkdir()
    for file in voice_dir.iterdir():
        (target / file.name).write_bytes(file.read_bytes())
    return target


# ----------------------------------------------------------------------------- round trip


def test_round_trip_restores_weights_config_and_outputs(voice_dir: Path) -> None:
    config = run_config()
    original = tiny_model(config).eval()
    voice = load_voice(voice_dir)
    assert not voice.model.training
    assert voice.config == config
    assert voice.stats == STATS
    assert voice.phonemes == list(PHONEMES)
    assert voice.speakers == [] and voice.lexicon_path is None
    for key, value in original.state_dict().items():
        assert torch.equal(voice.model.state_dict()[key], value), key
    a, b = original.infer(sample_batch()), voice.model.infer(sample_batch())
    assert torch.equal(a.mel, b.mel) and torch.equal(a.durations, b.durations)


def test_card_describes_the_voice(voice_dir: Path) -> None:
    card = json.loads((voice_dir / CARD_FILE).read_text())
    assert card["name"] == "tiny" and card["kind"] == "acoustic" and card["model"] == "fastspeech2"
    assert (card["language"], card["sample_rate"], card["hop_length"], card["n_mels"]) == ("zh", 16000, 64, 20)
    assert card["format_version"] == FORMAT_VERSION and card["toolkit_version"] == tts.__version__
    assert card["vocoder"] == "griffin-lim" and card["trained_on"] == "unit test, 0 steps"
    assert set(card["files"]) == {WEIGHTS_FILE, CONFIG_FILE, PHONEMES_FILE, STATS_FILE}
    for file, digest in card["files"].items():
        assert hashlib.sha256((voice_dir / file).read_bytes()).hexdigest() == digest
    assert json.loads((voice_dir / PHONEMES_FILE).read_text()) == list(PHONEMES)
    assert yaml.safe_load((voice_dir / CONFIG_FILE).read_text())["model"]["params"]["hidden_dim"] == 16


def test_fp16_export_is_half_size_and_loads_as_fp32(voice_dir: Path, tmp_path: Path) -> None:
    half = export_tiny(tmp_path / "half", fp16=True)
    with safe_open(str(half / WEIGHTS_FILE), framework="pt") as handle:
        dtypes = {handle.get_slice(key).get_dtype() for key in handle.keys()}
    assert "F16" in dtypes and "F32" not in dtypes
    size_full = (voice_dir / WEIGHTS_FILE).stat().st_size
    assert (half / WEIGHTS_FILE).stat().st_size < 0.6 * size_full
    loaded = load_voice(half).model.state_dict()
    reference = load_voice(voice_dir).model.state_dict()
    for key, value in loaded.items():
        if value.is_floating_point():
            assert value.dtype == torch.float32
            torch.testing.assert_close(value, reference[key], atol=2e-3, rtol=1e-3)


def test_speakers_and_lexicon_travel_with_the_voice(tmp_path: Path) -> None:
    lexicon = tmp_path / "words.tsv"
    lexicon.write_text("重庆\tchong2 qing4\n", encoding="utf-8")
    config = run_config()
    model = tiny_model(config, n_speakers=2).eval()
    folder = export_voice(tmp_path / "multi", model, config, STATS, name="multi", trained_on="test",
                          speakers=["alice", "bob"], lexicon=lexicon)  # fmt: skip
    voice = load_voice(folder)
    assert voice.speakers == ["alice", "bob"] and voice.card.n_speakers == 2
    assert voice.lexicon_path == folder / LEXICON_FILE
    assert voice.lexicon_path.read_text(encoding="utf-8") == "重庆\tchong2 qing4\n"
    broken = tmp_path / "broken.tsv"
    broken.write_text("重庆 chong2 qing4\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"broken\.tsv:1"):
        export_voice(tmp_path / "bad", model, config, STATS, name="bad", trained_on="test",
                     speakers=["alice", "bob"], lexicon=broken)  # fmt: skip
    with pytest.raises(VoiceError, match="3 speaker names"):
        export_voice(tmp_path / "bad", model, config, STATS, name="bad", trained_on="test",
                     speakers=["a", "b", "c"])  # fmt: skip


def test_export_refuses_mismatched_model_name(tmp_path: Path) -> None:
    config = run_config()
    config.model.name = "no-such-model"
    with pytest.raises(ConfigError, match="no-such-model"):
        export_voice(tmp_path / "x", tiny_model(run_config()), config, STATS, name="x", trained_on="t")
    with pytest.raises(VoiceError, match="statistics"):
        export_voice(tmp_path / "y", tiny_model(run_config()), run_config(), None, name="y", trained_on="t")


# ----------------------------------------------------------------------------- overwrite rules


def test_export_overwrite_rules(tmp_path: Path) -> None:
    target = export_tiny(tmp_path / "voice", name="first")
    export_tiny(target, name="first")  # the same voice again is fine
    with pytest.raises(VoiceError, match="different voice"):
        export_tiny(target, name="second", seed=1)
    assert load_voice(target).card.name == "first"
    export_tiny(target, name="second", seed=1, overwrite=True)
    assert load_voice(target).card.name == "second"
    stranger = tmp_path / "stuff"
    stranger.mkdir()
    (stranger / "notes.txt").write_text("mine")
    with pytest.raises(VoiceError, match="not a voice"):
        export_tiny(stranger, overwrite=True)
    assert (stranger / "notes.txt").read_text() == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["stuff", "voice"]  # no temp folders left


# ----------------------------------------------------------------------------- integrity


@pytest.mark.parametrize("file", [WEIGHTS_FILE, CONFIG_FILE, PHONEMES_FILE, STATS_FILE, CARD_FILE])
def test_missing_file_is_named(voice_copy: Path, file: str) -> None:
    (voice_copy / file).unlink()
    with pytest.raises(VoiceError, match=file.replace(".", r"\.")) as info:
        load_voice(voice_copy)
    assert ("incomplete" in str(info.value)) or file == CARD_FILE


@pytest.mark.parametrize("file", [WEIGHTS_FILE, CONFIG_FILE, STATS_FILE])
def test_modified_file_is_detected(voice_copy: Path, file: str) -> None:
    data = bytearray((voice_copy / file).read_bytes())
    data[-2] ^= 0x01
    (voice_copy / file).write_bytes(bytes(data))
    with pytest.raises(VoiceError, match=rf"{file.replace('.', '[.]')} has been modified"):
        load_voice(voice_copy)


def test_unlisted_lexicon_counts_as_modification(voice_copy: Path) -> None:
    (voice_copy / LEXICON_FILE).write_text("你\tni3\n", encoding="utf-8")
    with pytest.raises(VoiceError, match="modified"):
        load_voice(voice_copy)


def test_newer_format_names_the_toolkit_version(voice_copy: Path) -> None:
    card = json.loads((voice_copy / CARD_FILE).read_text())
    card.update(format_version=FORMAT_VERSION + 1, toolkit_version="9.4.0")
    (voice_copy / CARD_FILE).write_text(json.dumps(card))
    with pytest.raises(VoiceError, match=r"newer.*9\.4\.0"):
        load_voice(voice_copy)


def test_corrupt_safetensors(voice_copy: Path) -> None:
    (voice_copy / WEIGHTS_FILE).write_bytes(b"\xff" * 64)
    rehash(voice_copy, WEIGHTS_FILE)
    with pytest.raises(VoiceError, match="safetensors"):
        load_voice(voice_copy)


def test_shape_mismatch_between_config_and_weights(voice_copy: Path) -> None:
    tree = yaml.safe_load((voice_copy / CONFIG_FILE).read_text())
    tree["model"]["params"]["ffn_dim"] = 48
    (voice_copy / CONFIG_FILE).write_text(yaml.safe_dump(tree))
    rehash(voice_copy, CONFIG_FILE)
    with pytest.raises(VoiceError, match=r"shape \(32, 16, 3\).*\(48, 16, 3\)"):
        load_voice(voice_copy)


def test_config_is_loaded_strictly(voice_copy: Path) -> None:
    tree = yaml.safe_load((voice_copy / CONFIG_FILE).read_text())
    tree["train"]["learning_rate"] = 0.1
    (voice_copy / CONFIG_FILE).write_text(yaml.safe_dump(tree))
    rehash(voice_copy, CONFIG_FILE)
    with pytest.raises(VoiceError, match=r"config\.yaml.*train\.learning_rate"):
        load_voice(voice_copy)


def test_yaml_tags_are_not_executed(voice_copy: Path) -> None:
    (voice_copy / CONFIG_FILE).write_text("name: !!python/object/apply:os.system ['echo pwned']\n")
    rehash(voice_copy, CONFIG_FILE)
    with pytest.raises(VoiceError, match="not valid YAML"):
        load_voice(voice_copy)


def test_phoneme_table_must_be_a_prefix(voice_copy: Path, tmp_path: Path) -> None:
    prefix = tmp_path / "old.json"
    prefix.write_text(json.dumps(list(PHONEMES[:-2])))
    assert read_phoneme_table(prefix) == list(PHONEMES[:-2])
    swapped = list(PHONEMES)
    swapped[1], swapped[2] = swapped[2], swapped[1]
    (voice_copy / PHONEMES_FILE).write_text(json.dumps(swapped))
    rehash(voice_copy, PHONEMES_FILE)
    with pytest.raises(VoiceError, match=r"phonemes\.json.*id 1"):
        load_voice(voice_copy)
    (voice_copy / PHONEMES_FILE).write_text(json.dumps(list(PHONEMES) + ["xx"]))
    rehash(voice_copy, PHONEMES_FILE)
    with pytest.raises(VoiceError, match="phoneme table"):
        load_voice(voice_copy)


def test_card_and_config_must_agree(voice_copy: Path) -> None:
    card = json.loads((voice_copy / CARD_FILE).read_text())
    card["sample_rate"] = 22050
    (voice_copy / CARD_FILE).write_text(json.dumps(card))
    with pytest.raises(VoiceError, match="sample_rate=22050.*sample_rate=16000"):
        load_voice(voice_copy)


def test_card_file_names_cannot_escape_the_folder(voice_copy: Path) -> None:
    card = json.loads((voice_copy / CARD_FILE).read_text())
    card["files"]["../secret"] = "0" * 64
    (voice_copy / CARD_FILE).write_text(json.dumps(card))
    with pytest.raises(VoiceError, match="unexpected entry"):
        load_voice(voice_copy)


# ----------------------------------------------------------------------------- discovery


def test_find_voice_by_path_env_and_user_dir(voice_dir: Path, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    assert find_voice(voice_dir) == voice_dir
    assert find_voice(str(voice_dir)) == voice_dir
    env_root, user_root = tmp_path / "env", tmp_path / "user"
    export_tiny(env_root / "alpha", name="Alpha")
    export_tiny(user_root / "beta", name="Beta")
    export_tiny(user_root / "alpha", name="Shadowed")
    monkeypatch.setenv("TTS_VOICES", os.pathsep.join([str(tmp_path / "missing"), str(env_root)]))
    monkeypatch.setattr(voice_registry, "user_voices_dir", lambda: user_root)
    assert find_voice("alpha") == env_root / "alpha"  # $TTS_VOICES comes before the user folder
    assert find_voice("beta") == user_root / "beta"
    infos = [(v.name, v.kind, v.sample_rate, v.source, v.display_name) for v in list_voices()]
    assert ("alpha", "acoustic", 16000, "TTS_VOICES", "Alpha") in infos
    assert ("beta", "acoustic", 16000, "user", "Beta") in infos
    assert ("alpha", "acoustic", 16000, "user", "Shadowed") in infos
    with pytest.raises(VoiceError, match=r"unknown voice 'gamma'.*alpha, beta"):
        find_voice("gamma")
    with pytest.raises(VoiceError, match="not found"):
        find_voice(str(tmp_path / "nowhere"))
    with pytest.raises(VoiceError, match="no card.json"):
        find_voice(tmp_path)
