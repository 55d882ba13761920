"""Vocoder training data: random crops of (wav, mel, F0) from a prepared feature store.

Each example is ``segment_frames`` mel frames and exactly ``segment_frames * hop_length`` samples
of the source audio, starting at sample ``start_frame * hop_length``: with centred STFT frames, mel
frame t is centred on sample ``t * hop``, which is the HiFi-GAN convention (frame t → samples
``[t * hop, (t + 1) * hop)``). Audio is read from the file the manifest names (only the crop when
the file is already at the configured rate); mel and F0 come from the store, or the mel from a
folder of ground-truth-aligned mels (``<id>.npy``, see :mod:`tts.train.gta`).

Nothing here needs phonemes or durations: a vocoder trains from audio alone.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Optional

import numpy as np
import soundfile as sf
import torch
from torch import Tensor
from torch.utils.data import Dataset

from tts.audio.features import num_frames
from tts.audio.io import read_audio
from tts.audio.params import AudioConfig
from tts.data.store import FeatureStore, ManifestEntry
from tts.errors import InputError

DEV_MAX_FRAMES = 256  # validation renders at most this many frames per item (~3 s at 22.05 kHz / 256)


@dataclass
class VocoderExample:
    """One crop: mel [n_mels, S] natural-log mel, f0 [S] Hz (0 unvoiced), wav [S * hop] float32."""

    id: str
    mel: Tensor
    f0: Tensor
    wav: Tensor


@dataclass
class VocoderBatch:
    """A padded batch of crops. Frames at or past ``lengths[b]`` (and their samples) are padding."""

    mel: Tensor  # [B, n_mels, S] vocoder input (ground-truth or ground-truth-aligned log-mel)
    f0: Tensor  # [B, S] Hz, 0 on unvoiced and padding frames
    wav: Tensor  # [B, S * hop] target audio
    lengths: Tensor  # [B] long, real frames per item

    @property
    def batch_size(self) -> int:
        return int(self.mel.shape[0])

    def to(self, device: torch.device | str) -> "VocoderBatch":
        """A copy with every tensor moved to ``device``."""
        return VocoderBatch(**{f.name: getattr(self, f.name).to(device) for f in fields(self)})


@dataclass
class _Features:
    """What is kept in memory per item: mel [n_mels, T] float32 and f0 [T] (0 where unvoiced)."""

    mel: np.ndarray
    f0: np.ndarray


class VocoderDataset(Dataset):
    """The items of one split as (mel, f0, wav) crops.

    Args:
        store: the prepared feature store (mel, F0 and voicing per item).
        entries: manifest entries of the split (``entry.audio`` is the source file).
        audio: the audio parameters the store was prepared with.
        segment_frames: crop length in frames; shorter items are padded (silence, floor mel, 0 Hz).
        random_segments: a random crop per access (training); otherwise the first
            ``max_frames`` frames of each item, unpadded (validation).
        mel_dir: a folder of ``<id>.npy`` ground-truth-aligned mels ``[n_mels, T]`` to use instead
            of the store's mels (GTA fine-tuning); items without one keep their real mel.
        max_frames: frame cap of non-random items.
    """

    def __init__(self, store: FeatureStore, entries: list[ManifestEntry], audio: AudioConfig, segment_frames: int,
                 random_segments: bool = True, mel_dir: Optional[Path] = None,
                 max_frames: int = DEV_MAX_FRAMES) -> None:
        if not entries:
            raise InputError(f"no items in this split of {store.root}")
        if segment_frames < 1:
            raise InputError(f"data.segment_frames must be >= 1, got {segment_frames}")
        missing = [e.id for e in entries if not e.audio]
        if missing:
            raise InputError(f"{store.manifest_path}: item {missing[0]} names no audio file; run `tts prepare` again")
        self.store = store
        self.entries = entries
        self.audio = audio
        self.segment_frames = segment_frames
        self.random_segments = random_segments
        self.mel_dir = mel_dir
        self.max_frames = max_frames
        self.floor = math.log(audio.log_floor)  # log-mel of silence, used for padding
        self._features: dict[int, _Features] = {}

    @property
    def lengths(self) -> list[int]:
        """Frames per example (all crops have the same length; for the batch sampler)."""
        if self.random_segments:
            return [self.segment_frames] * len(self.entries)
        return [min(e.frames, self.max_frames) for e in self.entries]

    def __len__(self) -> int:
        return len(self.entries)

    def features(self, index: int) -> _Features:
        """Mel and voiced-only F0 of item ``index`` (cached: a few hundred bytes per frame)."""
        cached = self._features.get(index)
        if cached is not None:
            return cached
        entry = self.entries[index]
        item = self.store.read_item(entry.id, entry.speaker)
        mel = item.mel.astype(np.float32)
        if self.mel_dir is not None and (self.mel_dir / f"{entry.id}.npy").is_file():
            path = self.mel_dir / f"{entry.id}.npy"
            mel = np.load(path, allow_pickle=False).astype(np.float32)
            if mel.shape != item.mel.shape:
                raise InputError(f"{path}: ground-truth-aligned mel has shape {mel.shape}, the item's features "
                                 f"{item.mel.shape}; delete {self.mel_dir} to regenerate it")
        f0 = np.where(item.voiced, item.f0, 0.0).astype(np.float32)
        found = _Features(mel=mel, f0=f0)
        self._features[index] = found
        return found

    def _read_wav(self, entry: ManifestEntry, frames: int, start: int, count: int) -> np.ndarray:
        """Samples ``[start * hop, (start + count) * hop)`` of the item's audio, zero-padded past its end."""
        hop = self.audio.hop_length
        path = Path(entry.audio)
        try:
            info = sf.info(str(path))
        except (sf.SoundFileError, RuntimeError) as err:
            raise InputError(f"{path}: cannot read audio ({err})") from None
        if info.samplerate == self.audio.sample_rate:
            total = int(info.frames)
            data, _ = sf.read(str(path), start=start * hop, frames=count * hop, dtype="float32", always_2d=True,
                              fill_value=0.0)
            wav = data.mean(axis=1)
        else:  # resample the whole file exactly as prepare did, then cut
            full = read_audio(path, sample_rate=self.audio.sample_rate).samples
            total = full.shape[0]
            wav = full[start * hop:(start + count) * hop]
        if num_frames(total, self.audio) != frames:
            raise InputError(f"{path}: {num_frames(total, self.audio)} frames of audio but {frames} frames of "
                             f"features in {self.store.root}; the features were made from other audio, "
                             "run `tts prepare` into a new features_dir")
        wav = np.asarray(wav, dtype=np.float32)
        return np.pad(wav, (0, count * hop - wav.shape[0]))

    def __getitem__(self, index: int) -> VocoderExample:
        entry = self.entries[index]
        feats = self.features(index)
        frames = feats.mel.shape[1]
        if self.random_segments:
            count = self.segment_frames
            start = int(torch.randint(0, frames - count + 1, ()).item()) if frames > count else 0
        else:
            count = min(frames, self.max_frames)
            start = 0
        mel = feats.mel[:, start:start + count]
        f0 = feats.f0[start:start + count]
        real = mel.shape[1]
        mel = np.pad(mel, ((0, 0), (0, count - real)), constant_values=self.floor)
        f0 = np.pad(f0, (0, count - real))
        wav = self._read_wav(entry, frames, start, count)
        wav[real * self.audio.hop_length:] = 0.0
        return VocoderExample(id=entry.id, mel=torch.from_numpy(mel), f0=torch.from_numpy(f0),
                              wav=torch.from_numpy(wav))


class VocoderCollate:
    """Stacks crops into a :class:`VocoderBatch`, right-padding shorter ones (silence, mel at ``floor``).

    A class rather than a closure so that DataLoader worker processes can pickle it.
    """

    def __init__(self, audio: AudioConfig) -> None:
        self.floor = math.log(audio.log_floor)  # log-mel of silence
        self.hop = audio.hop_length

    def __call__(self, examples: list[VocoderExample]) -> VocoderBatch:
        longest = max(int(e.mel.shape[1]) for e in examples)
        pad = torch.nn.functional.pad
        return VocoderBatch(
            mel=torch.stack([pad(e.mel, (0, longest - e.mel.shape[1]), value=self.floor) for e in examples]),
            f0=torch.stack([pad(e.f0, (0, longest - e.f0.shape[0])) for e in examples]),
            wav=torch.stack([pad(e.wav, (0, longest * self.hop - e.wav.shape[0])) for e in examples]),
            lengths=torch.tensor([e.mel.shape[1] for e in examples], dtype=torch.long),
        )
