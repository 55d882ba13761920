"""The feature store that ``prepare`` writes and datasets read.

Layout of a store (``<run_dir>/features``)::

    fingerprint.json   audio / pitch / corpus settings the features were made with
    items/<id>.npz     one file per utterance (see :class:`FeatureItem`), written atomically
    manifest.jsonl     one line per usable item: id, speaker, split, frames, phones, seconds
    stats.json         normalization statistics over the train split (:class:`FeatureStatsRecord`)
    skipped.jsonl      items that were skipped, with the reason
"""

from __future__ import annotations

import io
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable, Optional

import numpy as np

from tts.errors import InputError
from tts.fileio import atomic_write_bytes, atomic_write_text

@dataclass
class FeatureItem:
    """Features of one utterance, all frame-aligned with the mel.

    mel: [n_mels, T] log-mel; f0: [T] Hz (interpolated where unvoiced if so configured);
    voiced: [T] bool; energy: [T]; phonemes / tones: [N] int ids; durations: [N] frames summing
    to T, or None when the corpus has no alignment.
    """

    id: str
    speaker: str
    mel: np.ndarray
    f0: np.ndarray
    voiced: np.ndarray
    energy: np.ndarray
    phonemes: np.ndarray
    tones: np.ndarray
    durations: Optional[np.ndarray] = None
    word_index: Optional[np.ndarray] = None
    note_pitch: Optional[np.ndarray] = None  # [N] float MIDI note per phoneme, 0 = rest (singing corpora)
    note_durations: Optional[np.ndarray] = None  # [N] float frames of each phoneme's note (singing corpora)

    @property
    def num_frames(self) -> int:
        return int(self.mel.shape[1])


@dataclass
class ManifestEntry:
    """One usable item of the store."""

    id: str
    speaker: str
    split: str  # "train", "dev" or "test"
    frames: int
    phones: int
    seconds: float
    has_durations: bool
    text: str = ""
    audio: str = ""  # the source audio file (the reference in evaluation)


@dataclass
class FeatureStatsRecord:
    """Normalization statistics over the train split."""

    mel_mean: list[float]  # per mel bin
    mel_std: list[float]
    log_f0_mean: float  # over voiced frames, natural log of Hz
    log_f0_std: float
    f0_min: float  # Hz, 1st percentile of voiced frames
    f0_max: float  # Hz, 99th percentile of voiced frames
    energy_mean: float
    energy_std: float
    speakers: list[str] = field(default_factory=list)  # speaker id order for embeddings


class FeatureStore:
    """Read and write one feature store folder."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.items_dir = self.root / "items"

    def item_path(self, item_id: str) -> Path:
        return self.items_dir / f"{item_id}.npz"

    def has_item(self, item_id: str) -> bool:
        return self.item_path(item_id).is_file()

    def write_item(self, item: FeatureItem) -> None:
        arrays = {k: v for k, v in asdict(item).items() if isinstance(v, np.ndarray)}
        buffer = io.BytesIO()
        np.savez(buffer, **arrays)
        atomic_write_bytes(self.item_path(item.id), buffer.getvalue())

    def read_item(self, item_id: str, speaker: str = "default") -> FeatureItem:
        path = self.item_path(item_id)
        try:
            with np.load(path, allow_pickle=False) as data:
                arrays = {k: data[k] for k in data.files}
        except FileNotFoundError:
            raise InputError(f"feature file missing: {path} (run `tts prepare` again)") from None
        except (ValueError, OSError) as err:
            raise InputError(f"feature file unreadable: {path} ({err}); delete it and run `tts prepare`") from None
        return FeatureItem(id=item_id, speaker=speaker, **arrays)

    # manifest / stats -----------------------------------------------------------------------

    @property
    def manifest_path(self) -> Path:
        return self.root / "manifest.jsonl"

    def write_manifest(self, entries: Iterable[ManifestEntry]) -> None:
        lines = [json.dumps(asdict(e), ensure_ascii=False) for e in entries]
        atomic_write_text(self.manifest_path, "\n".join(lines) + "\n")

    def read_manifest(self, split: Optional[str] = None) -> list[ManifestEntry]:
        if not self.manifest_path.is_file():
            raise InputError(f"no feature manifest at {self.manifest_path}: run `tts prepare RECIPE` first")
        entries = []
        for number, line in enumerate(self.manifest_path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                entries.append(ManifestEntry(**json.loads(line)))
            except (json.JSONDecodeError, TypeError) as err:
                raise InputError(f"{self.manifest_path}:{number}: malformed manifest line ({err})") from None
        return [e for e in entries if split is None or e.split == split]

    @property
    def stats_path(self) -> Path:
        return self.root / "stats.json"

    def write_stats(self, stats: FeatureStatsRecord) -> None:
        atomic_write_text(self.stats_path, json.dumps(asdict(stats), indent=1))

    def read_stats(self) -> FeatureStatsRecord:
        if not self.stats_path.is_file():
            raise InputError(f"no feature statistics at {self.stats_path}: run `tts prepare RECIPE` first")
        return FeatureStatsRecord(**json.loads(self.stats_path.read_text(encoding="utf-8")))
