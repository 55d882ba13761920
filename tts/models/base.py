"""What every acoustic model takes and returns, and the statistics it normalizes features with.

Conventions shared by all acoustic models:

- ``B`` batch, ``T_ph`` phonemes, ``T`` mel frames, ``C`` channels; lengths are ``[B]`` long.
- Masks are boolean, ``True`` on real (non-padding) positions.
- Mels are log-mels. Inside a batch they are normalized per bin with :class:`FeatureStats`
  (``mel_mean`` / ``mel_std``) when those exist; :meth:`AcousticModel.infer` returns them
  de-normalized, ready for a vocoder.
- Pitch is natural-log F0 in Hz, z-scored with ``FeatureStats.pitch_mean`` / ``pitch_std`` and
  continuous (unvoiced frames interpolated); the parallel ``uv`` tensor is 1.0 on unvoiced frames.
- Energy is z-scored with ``FeatureStats.energy_mean`` / ``energy_std``.
"""

from __future__ import annotations

import math
from abc import ABCMeta, abstractmethod
from dataclasses import dataclass, fields
from typing import Any, ClassVar, Optional

import torch
from torch import Tensor, nn

from tts.errors import InputError

SEMITONES_PER_OCTAVE = 12
F0_FLOOR_HZ = 1.0  # log(F0) is taken of max(F0, this); real voices are far above it
# Allowed sampling temperatures: 0 gives the prior's mean; beyond 2 the noise swamps what the
# model learned (a standard normal scaled past 2 sigma puts most samples out of distribution).
NOISE_SCALE_RANGE = (0.0, 2.0)
VIBRATO_LIMIT = 4.0  # vibrato depth factors beyond this are a typo (4x a learned ±40 cents is ±1.6 semitones)


@dataclass
class FeatureStats:
    """Corpus statistics a model is built with; saved in the voice bundle next to the weights.

    Pitch statistics are of natural-log F0 (log Hz) over voiced frames, so a shift of ``n``
    semitones is the constant ``n * ln(2) / 12`` in the log domain. Energy statistics are of the
    per-frame energy the prepare step computes: linear magnitude unless ``energy_is_log``.
    """

    pitch_mean: float  # mean of ln(F0 / Hz) over voiced frames
    pitch_std: float  # standard deviation of ln(F0 / Hz) over voiced frames
    energy_mean: float  # mean of frame energy over all frames
    energy_std: float  # standard deviation of frame energy over all frames
    energy_is_log: bool = False  # True when frame energy is a log value (scaling becomes a shift)
    mel_mean: Optional[list[float]] = None  # per-bin log-mel mean [n_mels]; None = not normalized
    mel_std: Optional[list[float]] = None  # per-bin std of log-mel [n_mels]

    def __post_init__(self) -> None:
        if self.pitch_std <= 0 or self.energy_std <= 0:
            raise InputError("feature statistics need positive pitch_std and energy_std")
        if (self.mel_mean is None) != (self.mel_std is None):
            raise InputError("feature statistics need both mel_mean and mel_std, or neither")
        if self.mel_mean is not None and len(self.mel_mean) != len(self.mel_std or []):
            raise InputError("mel_mean and mel_std have different lengths")

    def normalize_f0(self, f0_hz: Tensor) -> Tensor:
        """F0 in Hz (any shape, must be voiced or interpolated) → z-scored log-F0, same shape."""
        return (torch.log(f0_hz.clamp(min=F0_FLOOR_HZ)) - self.pitch_mean) / self.pitch_std

    def denormalize_f0(self, pitch: Tensor) -> Tensor:
        """Z-scored log-F0 (any shape) → F0 in Hz, same shape."""
        return torch.exp(pitch * self.pitch_std + self.pitch_mean)

    def semitones_to_normalized(self, semitones: float) -> float:
        """A pitch shift in semitones as an offset in the z-scored log-F0 domain."""
        return semitones * math.log(2.0) / SEMITONES_PER_OCTAVE / self.pitch_std

    def normalize_energy(self, energy: Tensor) -> Tensor:
        return (energy - self.energy_mean) / self.energy_std

    def denormalize_energy(self, energy: Tensor) -> Tensor:
        return energy * self.energy_std + self.energy_mean

    def energy_scale_affine(self, scale: float) -> tuple[float, float]:
        """``(gain, bias)``: scaling energy by ``scale`` is ``gain * e + bias`` on z-scores.

        Linear energy: ``((e*s + m) * scale - m) / s``; log energy: ``e + ln(scale) / s``.
        """
        if self.energy_is_log:
            return 1.0, math.log(scale) / self.energy_std
        return scale, self.energy_mean * (scale - 1.0) / self.energy_std

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "FeatureStats":
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise InputError(f"unknown feature statistics keys: {', '.join(unknown)}")
        return cls(**data)


@dataclass
class AcousticBatch:
    """A padded batch of utterances. Training fills the targets; inference leaves them None."""

    phonemes: Tensor  # [B, T_ph] long, ids into tts.text.symbols.PHONEMES (0 = padding)
    tones: Tensor  # [B, T_ph] long, 0 = none, 1-5 tones
    phoneme_lengths: Tensor  # [B] long, real phonemes per utterance (>= 1)
    speakers: Optional[Tensor] = None  # [B] long speaker ids; None for single-speaker models
    mel: Optional[Tensor] = None  # [B, n_mels, T] normalized log-mel
    mel_lengths: Optional[Tensor] = None  # [B] long, real frames per utterance
    durations: Optional[Tensor] = None  # [B, T_ph] long frames per phoneme; sums to mel_lengths
    pitch: Optional[Tensor] = None  # [B, T] z-scored log-F0, unvoiced frames interpolated
    uv: Optional[Tensor] = None  # [B, T] float, 1.0 on unvoiced frames
    energy: Optional[Tensor] = None  # [B, T] z-scored frame energy
    note_pitch: Optional[Tensor] = None  # [B, T_ph] float MIDI note per phoneme, 0 = rest (singing)
    note_durations: Optional[Tensor] = None  # [B, T_ph] float frames of the phoneme's note (singing)
    word_index: Optional[Tensor] = None  # [B, T_ph] long word number per phoneme (0-based), -1 on padding
    word_lengths: Optional[Tensor] = None  # [B] long, words per utterance (max word_index + 1)

    @property
    def batch_size(self) -> int:
        return int(self.phonemes.shape[0])

    def to(self, device: torch.device | str) -> "AcousticBatch":
        """A copy with every tensor moved to ``device``."""
        moved: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            moved[f.name] = value.to(device) if isinstance(value, Tensor) else value
        return AcousticBatch(**moved)


@dataclass
class Controls:
    """Inference-time prosody controls."""

    speed: float = 1.0  # duration scale: frames are divided by it, so 2.0 is twice as fast
    pitch_shift: float = 0.0  # semitones added to every voiced frame
    pitch_scale: float = 1.0  # scale of pitch excursions around the utterance mean (0 = flat)
    energy_scale: float = 1.0  # multiplies the (linear) frame energy
    noise_scale: Optional[float] = None  # sampling temperature of generative models; None = model default
    seed: Optional[int] = None  # seed of the sampling noise (reproducible output); None = global RNG
    diffusion_steps: Optional[int] = None  # diffusion models: fast-sampler steps; None = model default
    vibrato: float = 1.0  # singing models: depth of the rendered vibrato (0 = none, 1 = as learned)

    def __post_init__(self) -> None:
        low, high = NOISE_SCALE_RANGE
        if self.noise_scale is not None and not low <= self.noise_scale <= high:
            raise InputError(f"noise scale must be in [{low:g}, {high:g}], got {self.noise_scale}")
        if not self.speed > 0:
            raise InputError(f"speed must be positive, got {self.speed}")
        if self.diffusion_steps is not None and self.diffusion_steps < 1:
            raise InputError(f"diffusion steps must be at least 1, got {self.diffusion_steps}")
        if not self.pitch_scale >= 0:
            raise InputError(f"pitch_scale must be >= 0, got {self.pitch_scale}")
        if not self.energy_scale > 0:
            raise InputError(f"energy_scale must be positive, got {self.energy_scale}")
        if not (math.isfinite(self.vibrato) and 0.0 <= self.vibrato <= VIBRATO_LIMIT):
            raise InputError(f"vibrato must be a depth factor from 0 (none) to {VIBRATO_LIMIT:g}, got {self.vibrato}")


@dataclass
class AcousticOutput:
    """What inference hands to a vocoder. Frames at or past ``mel_lengths[b]`` are padding."""

    mel: Tensor  # [B, n_mels, T] log-mel, de-normalized (vocoder domain)
    mel_lengths: Tensor  # [B] long
    durations: Tensor  # [B, T_ph] long frames per phoneme, 0 on padding
    f0: Optional[Tensor] = None  # [B, T] Hz, 0 on unvoiced and padding frames
    uv: Optional[Tensor] = None  # [B, T] bool, True on unvoiced frames
    energy: Optional[Tensor] = None  # [B, T] frame energy, de-normalized


@dataclass
class ModelOutputs:
    """Base of each model's training outputs (its own dataclass), consumed by its ``loss``."""


class AcousticModel(nn.Module, metaclass=ABCMeta):
    """Phonemes (+ tones, speaker) → mel. Subclasses register with ``ACOUSTIC_MODELS``.

    A registered class is built as
    ``cls(config, n_mels=…, n_vocab=…, n_tones=…, n_speakers=…, stats=…)``
    where ``config`` is a ``cls.config_class`` instance; ``cls.presets`` names ready-made configs.
    """

    config_class: ClassVar[type]
    presets: ClassVar[dict[str, Any]]

    @abstractmethod
    def forward(self, batch: AcousticBatch) -> ModelOutputs:
        """Teacher-forced training pass (ground-truth durations / pitch / energy)."""

    @abstractmethod
    def infer(self, batch: AcousticBatch, controls: Optional[Controls] = None) -> AcousticOutput:
        """Synthesis from phonemes alone; call ``eval()`` first."""

    @abstractmethod
    def loss(self, batch: AcousticBatch, outputs: ModelOutputs) -> dict[str, Tensor]:
        """Named, unweighted scalar losses; the trainer weights them by name from its config."""

    @property
    @abstractmethod
    def loss_names(self) -> tuple[str, ...]:
        """The keys ``loss`` returns when every optional target is present."""
