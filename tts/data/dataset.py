"""Feature-store items as normalized tensors, and padding them into an :class:`AcousticBatch`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import numpy as np
import torch
from torch import Tensor
from torch.utils.data import Dataset

from tts.data.store import FeatureStatsRecord, FeatureStore, ManifestEntry
from tts.errors import InputError
from tts.models.base import AcousticBatch, FeatureStats
from tts.models.words import pad_word_indices


def model_stats(record: FeatureStatsRecord) -> FeatureStats:
    """The statistics a model is built with, from what ``prepare`` measured."""
    return FeatureStats(
        pitch_mean=record.log_f0_mean, pitch_std=record.log_f0_std,
        energy_mean=record.energy_mean, energy_std=record.energy_std,
        mel_mean=list(record.mel_mean), mel_std=list(record.mel_std),
    )


@dataclass
class Example:
    """One normalized utterance. mel [n_mels, T]; pitch / uv / energy [T]; phonemes / tones / durations [N]."""

    id: str
    phonemes: Tensor
    tones: Tensor
    speaker: int
    mel: Tensor
    durations: Optional[Tensor]
    pitch: Tensor
    uv: Tensor
    energy: Tensor
    word_index: Optional[Tensor] = None  # [N] long word number per phoneme; None in stores without words
    note_pitch: Optional[Tensor] = None  # [N] float MIDI note per phoneme, 0 = rest; None for speech
    note_durations: Optional[Tensor] = None  # [N] float frames of each phoneme's note; None for speech


class AcousticDataset(Dataset):
    """The items of one split, normalized with the train-split statistics.

    ``require_durations`` rejects items without durations with a clear error (duration-based
    models need them; an aligner fills them in for corpora that lack alignments).
    """

    def __init__(self, store: FeatureStore, entries: list[ManifestEntry], stats: FeatureStats,
                 speakers: list[str], require_durations: bool = True, cache: bool = True) -> None:
        if not entries:
            raise InputError(f"no items in this split of {store.root}")
        missing = [e.id for e in entries if require_durations and not e.has_durations]
        if missing:
            raise InputError(f"{len(missing)} items in {store.root} have no phone durations (e.g. {missing[0]}); "
                             "use a corpus with alignments or the built-in aligner")
        self.store = store
        self.entries = entries
        self.stats = stats
        self.speaker_ids = {name: index for index, name in enumerate(speakers)}
        self._mel_mean = torch.tensor(stats.mel_mean).unsqueeze(1) if stats.mel_mean else None
        self._mel_std = torch.tensor(stats.mel_std).unsqueeze(1) if stats.mel_std else None
        self._cache: Optional[dict[int, Example]] = {} if cache else None

    @property
    def lengths(self) -> list[int]:
        """Mel frames per item (for length bucketing)."""
        return [e.frames for e in self.entries]

    def __len__(self) -> int:
        return len(self.entries)

    def __getitem__(self, index: int) -> Example:
        if self._cache is not None and index in self._cache:
            return self._cache[index]
        entry = self.entries[index]
        item = self.store.read_item(entry.id, entry.speaker)
        mel = torch.from_numpy(item.mel.astype(np.float32))
        if self._mel_mean is not None and self._mel_std is not None:
            mel = (mel - self._mel_mean) / self._mel_std
        f0 = torch.from_numpy(item.f0.astype(np.float32))
        uv = torch.from_numpy(~item.voiced).float()
        example = Example(
            id=entry.id,
            phonemes=torch.from_numpy(item.phonemes.astype(np.int64)),
            tones=torch.from_numpy(item.tones.astype(np.int64)),
            speaker=self.speaker_ids.get(entry.speaker, 0),
            mel=mel,
            durations=None if item.durations is None else torch.from_numpy(item.durations.astype(np.int64)),
            pitch=torch.where(f0 > 0, self.stats.normalize_f0(f0), torch.zeros_like(f0)),
            uv=uv,
            energy=self.stats.normalize_energy(torch.from_numpy(item.energy.astype(np.float32))),
            word_index=None if item.word_index is None else torch.from_numpy(item.word_index.astype(np.int64)),
            note_pitch=None if item.note_pitch is None else torch.from_numpy(item.note_pitch.astype(np.float32)),
            note_durations=None if item.note_durations is None else torch.from_numpy(
                item.note_durations.astype(np.float32)),
        )
        if self._cache is not None:
            self._cache[index] = example
        return example


def _pad(tensors: list[Tensor], length: int, value: float = 0.0) -> Tensor:
    """Stack 1-D or 2-D tensors, right-padding their last dimension to ``length``."""
    return torch.stack([torch.nn.functional.pad(t, (0, length - t.shape[-1]), value=value) for t in tensors])


def collate(examples: list[Example]) -> AcousticBatch:
    """Pad a list of examples into one batch (phonemes to the longest text, frames to the longest mel)."""
    max_ph = max(int(e.phonemes.shape[0]) for e in examples)
    max_t = max(int(e.mel.shape[1]) for e in examples)
    has_durations = all(e.durations is not None for e in examples)
    has_words = all(e.word_index is not None for e in examples)
    has_notes = all(e.note_pitch is not None and e.note_durations is not None for e in examples)
    words = pad_word_indices([e.word_index.tolist() for e in examples], max_ph) if has_words else (None, None)  # type: ignore[union-attr]
    return AcousticBatch(
        phonemes=_pad([e.phonemes for e in examples], max_ph),
        tones=_pad([e.tones for e in examples], max_ph),
        phoneme_lengths=torch.tensor([e.phonemes.shape[0] for e in examples]),
        speakers=torch.tensor([e.speaker for e in examples]),
        mel=_pad([e.mel for e in examples], max_t),
        mel_lengths=torch.tensor([e.mel.shape[1] for e in examples]),
        durations=_pad([e.durations for e in examples], max_ph) if has_durations else None,  # type: ignore[misc]
        pitch=_pad([e.pitch for e in examples], max_t),
        uv=_pad([e.uv for e in examples], max_t, value=1.0),
        energy=_pad([e.energy for e in examples], max_t),
        word_index=words[0], word_lengths=words[1],
        note_pitch=_pad([e.note_pitch for e in examples], max_ph) if has_notes else None,  # type: ignore[misc]
        note_durations=_pad([e.note_durations for e in examples], max_ph) if has_notes else None,  # type: ignore[misc]
    )
