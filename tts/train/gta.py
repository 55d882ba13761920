"""Ground-truth-aligned (GTA) mels: what a trained acoustic run predicts with teacher forcing.

Fine-tuning a vocoder on these mels (instead of the real ones) teaches it the acoustic model's
blur. The acoustic model runs with the ground-truth durations, pitch and energy of each item, so
its mel has exactly the item's frames and lines up sample for sample with the recording. The mels
are generated once into ``<vocoder run>/gta/<id>.npy``; ``source.json`` records the acoustic run
and checkpoint step they came from, and a newer checkpoint regenerates them.
"""

from __future__ import annotations

import io
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable

import numpy as np
import torch
from torch import Tensor, nn

from tts.audio.params import AudioConfig
from tts.data.dataset import AcousticDataset, collate
from tts.errors import ConfigError
from tts.fileio import atomic_write_bytes, atomic_write_text
from tts.models.base import AcousticBatch, FeatureStats
from tts.train.trained_run import load_acoustic_run

GTA_DIR = "gta"  # folder of the vocoder run that holds the cached mels
SOURCE_FILE = "source.json"
GTA_BATCH = 8  # utterances per teacher-forced pass
MEL_PARAMETERS = ("sample_rate", "hop_length", "n_mels", "n_fft", "win_length", "window", "fmin", "fmax",
                  "log_floor", "center")  # what must agree for two runs' mels to be interchangeable


@dataclass
class GtaSource:
    """Where cached GTA mels came from (``source.json``)."""

    run: str  # the acoustic run folder, resolved
    step: int  # its checkpoint step


@dataclass
class GtaSummary:
    """What :func:`prepare_gta` did."""

    folder: Path
    generated: int
    reused: int
    without: int  # vocoder items the acoustic run has no features or durations for (real mels used)
    source: GtaSource

    def describe(self) -> str:
        return (f"GTA mels from {self.source.run} (step {self.source.step}) in {self.folder}: "
                f"{self.generated} generated, {self.reused} reused"
                + (f", {self.without} items without (their real mels are used)" if self.without else ""))


def teacher_forced_mel(model: nn.Module, batch: AcousticBatch) -> Tensor:
    """The model's normalized mel ``[B, n_mels, T]`` under teacher forcing (post-net output when it has one)."""
    outputs = model(batch)
    mel = getattr(outputs, "postnet_mel", None)
    if mel is None:
        mel = getattr(outputs, "mel", None)
    if not isinstance(mel, Tensor):
        raise ConfigError(f"{type(model).__name__} returns no teacher-forced mel; GTA fine-tuning needs one")
    return mel


def _check_audio(mine: AudioConfig, theirs: AudioConfig, run: Path) -> None:
    for key in MEL_PARAMETERS:
        if getattr(mine, key) != getattr(theirs, key):
            raise ConfigError(f"data.gta_from={run}: that run's audio.{key} is {getattr(theirs, key)!r}, "
                              f"this recipe's {getattr(mine, key)!r}; the mels must be made the same way")


def _save_npy(path: Path, array: np.ndarray) -> None:
    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=False)
    atomic_write_bytes(path, buffer.getvalue())


def prepare_gta(acoustic_run: Path, item_ids: list[str], audio: AudioConfig, out_dir: Path,
                device: torch.device | str = "cpu", log: Callable[[str], None] = print) -> GtaSummary:
    """Write the teacher-forced mel of each of ``item_ids`` that the acoustic run knows to ``out_dir/<id>.npy``.

    Args:
        acoustic_run: a training run folder of an acoustic model (config.yaml, features/, checkpoints/).
        item_ids: the vocoder run's items.
        audio: the vocoder run's audio settings (must define the same mel as the acoustic run's).
    Raises:
        InputError: the folder is not a run, or has no readable checkpoint.
        ConfigError: its mel differs from this recipe's, or its model cannot be teacher-forced.
    """
    run = load_acoustic_run(acoustic_run, label=f"data.gta_from={acoustic_run}")
    _check_audio(audio, run.loaded.config.audio, run.folder)
    acoustic_run, store, stats = run.folder, run.store, run.stats
    source = GtaSource(run=str(acoustic_run), step=run.step)

    out_dir.mkdir(parents=True, exist_ok=True)
    source_path = out_dir / SOURCE_FILE
    if not source_path.is_file() or json.loads(source_path.read_text(encoding="utf-8")) != asdict(source):
        for stale in out_dir.glob("*.npy"):  # from another run or checkpoint
            stale.unlink()
        atomic_write_text(source_path, json.dumps(asdict(source), indent=1))
    wanted = set(item_ids)
    known = [e for e in store.read_manifest() if e.id in wanted and e.has_durations]
    todo = [e for e in known if not (out_dir / f"{e.id}.npy").is_file()]
    if todo:
        _generate(run.model, AcousticDataset(store, todo, stats, run.record.speakers, cache=False), stats, out_dir, device)
    summary = GtaSummary(folder=out_dir, generated=len(todo), reused=len(known) - len(todo),
                         without=len(wanted) - len(known), source=source)
    log(summary.describe())
    return summary


@torch.no_grad()
def _generate(model: nn.Module, dataset: AcousticDataset, stats: FeatureStats, out_dir: Path, device: torch.device | str) -> None:
    """Teacher-forced passes over ``dataset``; each item's de-normalized mel [n_mels, T] to ``<id>.npy``."""
    model.to(device).eval()
    n_mels = int(dataset[0].mel.shape[0])
    mean = torch.tensor(stats.mel_mean or [0.0] * n_mels, device=device)[:, None]  # [n_mels, 1]
    std = torch.tensor(stats.mel_std or [1.0] * n_mels, device=device)[:, None]
    for start in range(0, len(dataset), GTA_BATCH):
        examples = [dataset[i] for i in range(start, min(start + GTA_BATCH, len(dataset)))]
        batch = collate(examples).to(device)
        mel = teacher_forced_mel(model, batch) * std + mean  # [B, n_mels, T]
        for b, example in enumerate(examples):
            frames = int(example.mel.shape[1])
            _save_npy(out_dir / f"{example.id}.npy", mel[b, :, :frames].float().cpu().numpy())
