"""The training engine on the shipped FastSpeech 2 (small) config and tiny generated data."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
import torch
import torch.multiprocessing as mp

from tests.ddp_worker import run_rank
from tests.helpers import make_folder_corpus, write_recipe
from tts.config import load_config
from tts.data.prepare import prepare_features
from tts.errors import ConfigError
from tts.train.checkpoint import checkpoint_paths, load_latest
from tts.train.run import train

STEPS = "train:\n  steps: 4\n  batch_size: 3\n  eval_every: 2\n  checkpoint_every: 2\n  log_every: 1\n  keep_checkpoints: 2\n"


@pytest.fixture(scope="module")
def recipe(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("train")
    corpus = make_folder_corpus(tmp / "corpus", count=8)
    return write_recipe(tmp / "recipe.yaml", corpus, tmp / "run", extra=STEPS)


def test_train_resume_export(recipe: Path) -> None:
    run_dir = load_config(recipe).run_dir
    summary = train(load_config(recipe), device="cpu", progress=False, log=lambda m: None)
    assert summary.step == 4 and summary.resumed_from is None and summary.stopped_by == "steps"
    assert all(torch.isfinite(torch.tensor(v)) for v in summary.last_losses.values())
    assert [p.name for p in checkpoint_paths(run_dir / "checkpoints")] == ["ckpt_00000002.pt", "ckpt_00000004.pt"]
    assert list((run_dir / "logs").glob("events.out.tfevents.*"))
    assert (run_dir / "voice" / "model.safetensors").is_file() and (run_dir / "voice" / "card.json").is_file()
    assert (run_dir / "config.yaml").is_file()

    again = train(load_config(recipe, ["train.steps=6"]), device="cpu", progress=False, log=lambda m: None)
    assert again.resumed_from == 4 and again.step == 6


def test_corrupt_latest_checkpoint_falls_back(recipe: Path) -> None:
    run_dir = load_config(recipe).run_dir
    paths = checkpoint_paths(run_dir / "checkpoints")
    assert len(paths) >= 2
    paths[-1].write_bytes(paths[-1].read_bytes()[:1000])  # truncated, as by a crash mid-copy
    latest = load_latest(run_dir / "checkpoints")
    assert latest.resumed is not None and latest.resumed.path == paths[-2]
    assert latest.skipped and paths[-1].name in latest.skipped[0]


def test_unknown_loss_weight_is_rejected(recipe: Path) -> None:
    with pytest.raises(ConfigError, match="loss_weights has 'mell'"):
        train(load_config(recipe, ["train.loss_weights={mell: 2.0}", "run_dir=" + str(recipe.parent / "other")]),
              device="cpu", progress=False, log=lambda m: None, export=False)


def test_freeze_keeps_the_named_parameters_of_a_fine_tuning(recipe: Path) -> None:
    """train.freeze: a fine-tuning from a voice changes only the parameters no pattern names; a pattern
    that names nothing is a ConfigError."""
    from safetensors.torch import load_file

    source = load_config(recipe).run_dir / "voice"
    if not (source / "model.safetensors").is_file():
        train(load_config(recipe), device="cpu", progress=False, log=lambda m: None)
    run = recipe.parent / "frozen"
    tuned = train(load_config(recipe, [f"run_dir={run}", f"train.init_from={source}", "train.steps=2",
                                       "train.freeze=[encoder.*, 'variance.*', phoneme_embedding.*, tone_embedding.*]"]),
                  device="cpu", progress=False, log=lambda m: None)
    assert tuned.step == 2
    before, after = load_file(str(source / "model.safetensors")), load_file(str(run / "voice" / "model.safetensors"))
    frozen = ("encoder.", "variance.", "phoneme_embedding.", "tone_embedding.")
    assert all(torch.equal(after[k], before[k]) for k in before if k.startswith(frozen))
    assert any(not torch.equal(after[k], before[k]) for k in before if k.startswith("decoder."))
    with pytest.raises(ConfigError, match="train.freeze: no parameter matches encodr"):
        train(load_config(recipe, [f"run_dir={recipe.parent / 'typo'}", "train.freeze=[encodr.*]"]),
              device="cpu", progress=False, log=lambda m: None, export=False)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_ddp_two_cpu_ranks_stay_identical(tmp_path: Path) -> None:
    corpus = make_folder_corpus(tmp_path / "corpus", count=10)
    recipe = write_recipe(tmp_path / "r.yaml", corpus, tmp_path / "run",
                          extra="train:\n  steps: 3\n  batch_size: 2\n  eval_every: 0\n  checkpoint_every: 100\n")
    prepare_features(load_config(recipe), jobs=1, progress=False)
    mp.spawn(run_rank, args=(2, str(recipe), str(tmp_path), _free_port()), nprocs=2, join=True)
    rank0 = torch.load(tmp_path / "rank0.pt", weights_only=True)
    rank1 = torch.load(tmp_path / "rank1.pt", weights_only=True)
    assert rank0.keys() == rank1.keys()
    for key in rank0:
        torch.testing.assert_close(rank0[key], rank1[key], rtol=0, atol=1e-6, msg=key)
    initial = torch.load(tmp_path / "initial.pt", weights_only=True)
    assert any(not torch.equal(initial[k], v) for k, v in rank0.items())  # the steps did update


def test_paper_size_config_trains_a_step(tmp_path: Path) -> None:
    corpus = make_folder_corpus(tmp_path / "corpus", count=4)
    recipe = write_recipe(tmp_path / "r.yaml", corpus, tmp_path / "run", model="fastspeech2",
                          extra="train:\n  steps: 1\n  batch_size: 2\n  eval_every: 0\n")
    summary = train(load_config(recipe), device="cpu", progress=False, log=lambda m: None, export=False)
    assert summary.step == 1 and summary.parameters > 20_000_000


@pytest.mark.parametrize("recipe_path", sorted(Path(__file__).resolve().parents[1].glob("recipes/*.yaml")),
                         ids=lambda p: p.name)
def test_shipped_recipes_build(recipe_path: Path) -> None:
    """Every shipped recipe resolves, names a known corpus reader and builds its model."""
    from tts.data.corpora import read_corpus  # noqa: F401  (registers the readers)
    from tts.models.base import FeatureStats
    from tts.registry import CORPORA, VOCODERS
    from tts.train.task import build_acoustic_model

    loaded = load_config(recipe_path)
    assert loaded.config.data.corpus in CORPORA
    if loaded.config.model.name in VOCODERS:
        pytest.skip("a vocoder recipe: built and trained in tests/test_vocoder_train.py")
    stats = FeatureStats(pitch_mean=5.0, pitch_std=0.3, energy_mean=1.0, energy_std=1.0)
    model = build_acoustic_model(loaded, stats, n_speakers=2)
    assert sum(p.numel() for p in model.parameters()) > 0
