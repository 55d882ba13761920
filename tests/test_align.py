"""The built-in aligner: MAS against brute force, the beta-binomial prior, the align stage on tiny
generated corpora (durations written, then training runs), bad transcripts skipped, CLI errors."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
import torch
from scipy.stats import betabinom

from tests.helpers import SR, make_folder_corpus, voiced_wave, write_recipe
from tts.align.mas import mas_durations, mas_path
from tts.align.model import Aligner, AlignerConfig, forward_sum_loss
from tts.align.prior import beta_binomial_log_prior
from tts.align.stage import ALIGN_DIR, RECORD_NAME, align_run
from tts.config import load_config
from tts.data.prepare import prepare_features
from tts.data.store import FeatureStore
from tts.errors import InputError
from tts.models.base import AcousticBatch
from tts.train.run import train

REPO = Path(__file__).resolve().parents[1]
TINY = ["data.duration_source=aligner", "align.preset=aligner_tiny", "align.steps=6", "align.batch_size=4",
        "align.eval_every=3", "align.checkpoint_every=3", "align.warmup_steps=2", "align.binarization_start=0.5"]
TRAIN = "train:\n  steps: 2\n  batch_size: 3\n  eval_every: 0\n  checkpoint_every: 100\n"
LONG_TEXT = "我们今天在北京的大学里面学习中文和数学还有历史"  # ~50 phonemes: far too many for 0.4 s


# ----------------------------------------------------------------------------- MAS


def _brute_force(log_p: np.ndarray) -> tuple[float, tuple[int, ...]]:
    """Best score and durations over every split of T frames into N non-empty runs."""
    n, t = log_p.shape
    best = (-np.inf, ())
    for cuts in itertools.combinations(range(1, t), n - 1):
        bounds = (0, *cuts, t)
        score = sum(log_p[k, bounds[k]:bounds[k + 1]].sum() for k in range(n))
        if score > best[0]:
            best = (score, tuple(b - a for a, b in zip(bounds, bounds[1:])))
    return best


def test_mas_finds_the_exact_optimum() -> None:
    rng = np.random.default_rng(0)
    for _ in range(200):
        n = int(rng.integers(1, 5))
        t = int(rng.integers(n, 9))
        log_p = np.log(rng.dirichlet(np.ones(n), size=t).T)  # [N, T]
        durations = mas_durations(log_p)
        score, expected = _brute_force(log_p)
        assert tuple(durations) == expected
        path = mas_path(log_p)
        assert np.isclose(log_p[path, np.arange(t)].sum(), score)


def test_mas_durations_cover_every_frame() -> None:
    rng = np.random.default_rng(1)
    for n, t in [(1, 1), (5, 5), (20, 200), (37, 41)]:
        durations = mas_durations(rng.standard_normal((n, t)))
        assert durations.sum() == t and durations.min() >= 1 and len(durations) == n
    assert list(mas_durations(np.zeros((3, 3)))) == [1, 1, 1]
    with pytest.raises(InputError, match="cannot align 4 phonemes to 3 frames"):
        mas_durations(np.zeros((4, 3)))


# ----------------------------------------------------------------------------- prior and losses


def test_beta_binomial_prior_matches_scipy_and_runs_diagonally() -> None:
    lengths, frames = torch.tensor([5, 3]), torch.tensor([12, 7])
    prior = beta_binomial_log_prior(lengths, frames, max_text=5, max_frames=12)  # [B, T, N]
    assert prior.shape == (2, 12, 5)
    for b in range(2):
        n, t = int(lengths[b]), int(frames[b])
        for frame in range(1, t + 1):
            expected = betabinom.logpmf(np.arange(n), n - 1, frame, t - frame + 1)
            np.testing.assert_allclose(prior[b, frame - 1, :n].numpy(), expected, rtol=1e-4, atol=1e-5)
        block = prior[b, :t, :n].exp()
        torch.testing.assert_close(block.sum(-1), torch.ones(t))
        modes = block.argmax(-1)
        assert modes[0] == 0 and modes[-1] == n - 1 and bool((modes[1:] >= modes[:-1]).all())
    assert bool((prior[1, 7:] == 0).all()) and bool((prior[1, :, 3:] == 0).all())  # padding


def test_forward_sum_prefers_the_true_alignment() -> None:
    """A mel whose frames spell the tokens in order gets a lower loss once the encoders match them."""
    torch.manual_seed(0)
    model = Aligner(AlignerConfig(channels=16, text_layers=1), 4, 10, 2)
    batch = AcousticBatch(phonemes=torch.tensor([[1, 2, 3]]), tones=torch.zeros(1, 3, dtype=torch.long),
                          phoneme_lengths=torch.tensor([3]), mel=torch.randn(1, 4, 9), mel_lengths=torch.tensor([9]))
    out = model(batch)
    assert out.log_attention.shape == (1, 9, 3)
    torch.testing.assert_close(out.log_attention.exp().sum(-1), torch.ones(1, 9))
    diagonal = torch.full((1, 9, 3), -20.0)
    for t in range(9):
        diagonal[0, t, t // 3] = 0.0
    reversed_ = diagonal.flip(-1)
    good = forward_sum_loss(type(out)(diagonal, out.token_mask, out.frame_mask), torch.tensor([3]),
                            torch.tensor([9]), -1.0)
    bad = forward_sum_loss(type(out)(reversed_, out.token_mask, out.frame_mask), torch.tensor([3]),
                           torch.tensor([9]), -1.0)
    assert float(good) < 1.0 < float(bad)


# ----------------------------------------------------------------------------- the stage


def _bad_item(root: Path, item_id: str, seconds: float, text: str) -> None:
    """An utterance without an alignment file, so its phonemes come from ``text``."""
    sf.write(root / "wavs" / f"{item_id}.wav", voiced_wave(seconds, 140.0, 7), SR)
    with open(root / "metadata.csv", "a", encoding="utf-8") as f:
        f.write(f"{item_id}|{text}\n")


def test_prepare_with_forced_aligner_leaves_durations_out(tmp_path: Path) -> None:
    corpus = make_folder_corpus(tmp_path / "corpus", count=5)
    recipe = write_recipe(tmp_path / "r.yaml", corpus, tmp_path / "run")
    loaded = load_config(recipe, TINY)
    prepare_features(loaded, jobs=1, progress=False)
    entries = FeatureStore(loaded.run_dir / "features").read_manifest()
    assert len(entries) == 5 and not any(e.has_durations for e in entries)
    exact = load_config(recipe, ["run_dir=" + str(tmp_path / "exact")])
    prepare_features(exact, jobs=1, progress=False)
    assert [e.phones for e in FeatureStore(exact.run_dir / "features").read_manifest()] == [e.phones for e in entries]


def test_train_runs_the_aligner_first_and_skips_bad_transcripts(tmp_path: Path) -> None:
    corpus = make_folder_corpus(tmp_path / "corpus", count=8)
    _bad_item(corpus, "toolong", 0.4, LONG_TEXT)
    _bad_item(corpus, "tooshort", 3.5, "好")
    recipe = write_recipe(tmp_path / "r.yaml", corpus, tmp_path / "run", extra=TRAIN)
    loaded = load_config(recipe, TINY)
    logs: list[str] = []
    summary = train(loaded, device="cpu", progress=False, log=logs.append, export=False)
    assert summary.step == 2
    text = "\n".join(logs)
    assert "aligner: 8 items aligned" in text and "2 rejected" in text

    store = FeatureStore(loaded.run_dir / "features")
    entries = store.read_manifest()
    assert sorted(e.id for e in entries) == [f"utt{i:03d}" for i in range(8)]
    for entry in entries:
        item = store.read_item(entry.id)
        assert entry.has_durations and item.durations is not None
        assert int(item.durations.sum()) == item.num_frames and int(item.durations.min()) >= 1
        assert len(item.durations) == len(item.phonemes)
    skipped = {json.loads(line)["id"]: json.loads(line)["reason"]
               for line in (store.root / "skipped.jsonl").read_text().splitlines()}
    assert "text too long for its audio" in skipped["toolong"]
    assert "text too short for its audio" in skipped["tooshort"]
    costs = json.loads((store.root / RECORD_NAME).read_text())["costs"]
    assert sorted(costs) == sorted(e.id for e in entries)
    align_dir = loaded.run_dir / ALIGN_DIR
    assert (align_dir / "checkpoints" / "ckpt_00000006.pt").is_file()
    assert _logged_images(align_dir / "logs") >= 2  # alignment images of the dev item(s)

    again = align_run(load_config(recipe, TINY), device="cpu", progress=False, log=lambda m: None)
    assert again.aligned == 0 and again.kept == 8  # nothing left to do; the checkpoint is reused


def _logged_images(log_dir: Path) -> int:
    from tensorboard.backend.event_processing.event_accumulator import EventAccumulator

    accumulator = EventAccumulator(str(log_dir), size_guidance={"images": 0})
    accumulator.Reload()
    return sum(len(accumulator.Images(tag)) for tag in accumulator.Tags()["images"] if "alignment" in tag)


def test_mostly_failing_corpus_stops_with_a_clear_error(tmp_path: Path) -> None:
    corpus = make_folder_corpus(tmp_path / "corpus", count=3)
    for index in range(4):
        _bad_item(corpus, f"wrong{index}", 0.4, LONG_TEXT)
    recipe = write_recipe(tmp_path / "r.yaml", corpus, tmp_path / "run")
    loaded = load_config(recipe, TINY)
    prepare_features(loaded, jobs=1, progress=False)
    with pytest.raises(InputError, match=r"rejected \d of 7 items .*transcripts belong to the audio"):
        align_run(loaded, device="cpu", progress=False, log=lambda m: None)


# ----------------------------------------------------------------------------- CLI


def _tts(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run([sys.executable, str(REPO / "cli.py"), *args], capture_output=True, text=True,
                          env=env, timeout=300)


@pytest.mark.parametrize("overrides, message", [
    ([], "duration_source is 'alignment'"),
    (["--set", "data.duration_source=auto", "--set", "align.preset=huge"], "align.preset 'huge'"),
    (["--set", "data.duration_source=auto", "--set", "align.params={width: 3}"], "align.params.width"),
    (["--set", "data.duration_source=auto", "--set", "model.name=hifigan", "--set", "model.preset=hifigan_v1"],
     "is a vocoder"),
])
def test_cli_align_errors_are_one_line(tmp_path: Path, overrides: list[str], message: str) -> None:
    recipe = write_recipe(tmp_path / "r.yaml", tmp_path / "corpus", tmp_path / "run")
    result = _tts("align", str(recipe), *overrides)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_shipped_aligner_recipes_use_the_aligner() -> None:
    for name in ("demo_zh_aligner.yaml", "folder_fastspeech2_aligner.yaml"):
        cfg = load_config(REPO / "recipes" / name).config
        assert cfg.data.duration_source in ("aligner", "auto")


# ----------------------------------------------------------------------------- accuracy


def test_aligner_finds_the_demo_corpus_boundaries(tmp_path: Path) -> None:
    """Trained on 48 demo utterances (exact espeak boundaries kept aside), the default aligner puts
    the phone boundaries within a few frames of the truth; a diagonal-only alignment is far off."""
    from tts.data.demo_zh import build_demo_zh

    corpus = tmp_path / "demo"
    build_demo_zh(corpus, 48, seed=5, jobs=1, progress=False)
    recipe = write_recipe(tmp_path / "r.yaml", corpus, tmp_path / "run")
    loaded = load_config(recipe, ["data.duration_source=aligner", "align.steps=400", "align.eval_every=0",
                                  "align.checkpoint_every=1000", "data.dev_items=0", "data.test_items=0"])
    prepare_features(loaded, jobs=1, progress=False)
    summary = align_run(loaded, device="cpu", progress=False, log=lambda m: None)
    assert summary.aligned >= 45

    store = FeatureStore(loaded.run_dir / "features")
    seconds_per_frame = 256 / 22050
    errors, uniform = [], []
    for entry in store.read_manifest():
        item = store.read_item(entry.id)
        record = json.loads((corpus / "alignments" / f"{entry.id}.json").read_text(encoding="utf-8"))
        exact = np.array([i["end"] for i in record["intervals"][:-1]])
        assert len(exact) == len(item.durations) - 1
        errors.append(np.abs(np.cumsum(item.durations)[:-1] * seconds_per_frame - exact))
        even = np.linspace(0, item.num_frames * seconds_per_frame, len(item.durations) + 1)[1:-1]
        uniform.append(np.abs(even - exact))
    error_ms, uniform_ms = 1000 * np.concatenate(errors), 1000 * np.concatenate(uniform)
    assert float(np.mean(uniform_ms)) > 60.0  # the task is not trivial
    assert float(np.mean(error_ms)) < 25.0, f"mean boundary error {np.mean(error_ms):.1f} ms"
    assert float(np.mean(error_ms < 25.0)) > 0.8
