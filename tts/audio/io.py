"""Reading, writing and resampling audio files, plus simple level checks.

Samples are float32 in [-1, 1]. Mono audio is ``[T]``; multichannel audio is ``[C, T]``
(channels first, like the tensors the models use).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Union

import numpy as np
import soundfile as sf
import soxr

from tts.errors import InputError
from tts.fileio import atomic_path

PathLike = Union[str, os.PathLike]

# Output container and sample encoding per file suffix.
_WRITE_FORMATS: dict[str, tuple[str, str]] = {
    ".wav": ("WAV", "PCM_16"),
    ".flac": ("FLAC", "PCM_16"),
    ".ogg": ("OGG", "VORBIS"),
}

SILENCE_FLOOR_DB = -120.0  # loudness reported for digital silence
CLIP_LEVEL = 0.999  # |sample| at or above this counts as clipped
CLIP_WARN_FRACTION = 1e-3  # warn when more than 0.1 % of samples are clipped
QUIET_WARN_DB = -50.0  # warn when RMS level is below this (dBFS)
DC_WARN_LEVEL = 0.05  # warn when the mean sample value exceeds this


@dataclass
class Audio:
    """Decoded audio: ``samples`` float32 ``[T]`` (or ``[C, T]`` when read with mono=False)."""

    samples: np.ndarray
    sample_rate: int

    @property
    def duration(self) -> float:
        """Length in seconds."""
        return self.samples.shape[-1] / self.sample_rate


def _check_rate(sample_rate: int, what: str) -> None:
    if not isinstance(sample_rate, (int, np.integer)) or sample_rate <= 0:
        raise InputError(f"{what}: sample rate must be a positive integer, got {sample_rate!r}")


def read_audio(path: PathLike, sample_rate: int | None = None, mono: bool = True) -> Audio:
    """Read a wav / flac / ogg file as float32, mixed to mono and resampled if asked.

    Args:
        path: audio file.
        sample_rate: target rate in Hz; the file is resampled (soxr, high quality) when it differs.
        mono: average all channels into one ``[T]`` signal; otherwise return ``[C, T]``.
    Raises:
        InputError: the file is missing, cannot be decoded, is empty or holds NaN / inf.
    """
    path = Path(path)
    if sample_rate is not None:
        _check_rate(sample_rate, str(path))
    if not path.is_file():
        raise InputError(f"{path}: audio file not found")
    try:
        data, file_rate = sf.read(str(path), dtype="float32", always_2d=True)  # [T, C]
    except (sf.SoundFileError, RuntimeError, TypeError) as err:
        raise InputError(f"{path}: cannot read audio ({err})") from None
    if data.shape[0] == 0:
        raise InputError(f"{path}: audio file holds no samples")
    if not np.all(np.isfinite(data)):
        raise InputError(f"{path}: audio holds NaN or infinite samples")
    samples = data.mean(axis=1) if mono else data.T  # [T] or [C, T]
    if sample_rate is not None and sample_rate != file_rate:
        samples = resample(samples, file_rate, sample_rate)
        file_rate = sample_rate
    return Audio(samples=np.ascontiguousarray(samples, dtype=np.float32), sample_rate=int(file_rate))


def resample(samples: np.ndarray, sr_from: int, sr_to: int) -> np.ndarray:
    """Resample ``[T]`` or ``[C, T]`` float audio with soxr (high quality); returns float32."""
    _check_rate(sr_from, "resample")
    _check_rate(sr_to, "resample")
    x = np.asarray(samples, dtype=np.float32)
    if sr_from == sr_to:
        return x.copy()
    if x.ndim == 1:
        return soxr.resample(x, sr_from, sr_to, quality="HQ").astype(np.float32, copy=False)
    if x.ndim == 2:  # soxr wants [T, C]
        out = soxr.resample(np.ascontiguousarray(x.T), sr_from, sr_to, quality="HQ")
        return np.ascontiguousarray(out.T, dtype=np.float32)
    raise InputError(f"resample: expected samples of shape [T] or [C, T], got {x.shape}")


def write_audio(path: PathLike, samples: np.ndarray, sample_rate: int) -> Path:
    """Write ``[T]`` or ``[C, T]`` float samples atomically; the suffix picks wav / flac / ogg.

    Samples are clipped to [-1, 1] and stored as 16-bit PCM (Vorbis for ogg). The file is first
    written to a temporary file in the same folder, then renamed over ``path``, so readers never
    see a half-written file. Parent folders are created. Returns the path written.
    """
    path = Path(path)
    _check_rate(sample_rate, str(path))
    fmt = _WRITE_FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(_WRITE_FORMATS)
        raise InputError(f"{path}: unsupported audio suffix {path.suffix!r}; use one of {known}")
    x = np.asarray(samples, dtype=np.float32)
    if x.ndim not in (1, 2) or x.shape[-1] == 0:
        raise InputError(f"{path}: expected non-empty samples of shape [T] or [C, T], got {x.shape}")
    if not np.all(np.isfinite(x)):
        raise InputError(f"{path}: refusing to write NaN or infinite samples")
    data = np.clip(x, -1.0, 1.0)
    if data.ndim == 2:
        data = data.T  # soundfile wants [T, C]
    with atomic_path(path) as tmp:
        sf.write(tmp, data, int(sample_rate), format=fmt[0], subtype=fmt[1])
    return path


def peak(samples: np.ndarray) -> float:
    """Largest absolute sample value (0.0 for empty input)."""
    x = np.asarray(samples)
    return float(np.max(np.abs(x))) if x.size else 0.0


def loudness_db(samples: np.ndarray) -> float:
    """RMS level in dBFS (a full-scale square wave is 0 dB), floored at ``SILENCE_FLOOR_DB``."""
    x = np.asarray(samples, dtype=np.float64)
    if x.size == 0:
        return SILENCE_FLOOR_DB
    rms = float(np.sqrt(np.mean(np.square(x))))
    if rms <= 0.0:
        return SILENCE_FLOOR_DB
    return max(20.0 * float(np.log10(rms)), SILENCE_FLOOR_DB)


def check_levels(samples: np.ndarray, path: PathLike) -> list[str]:
    """Human-readable warnings about clipping, near silence and DC offset; empty when all is well."""
    x = np.asarray(samples, dtype=np.float32)
    if x.size == 0:
        return [f"{path}: audio is empty"]
    warnings: list[str] = []
    clipped = float(np.mean(np.abs(x) >= CLIP_LEVEL))
    if clipped > CLIP_WARN_FRACTION:
        warnings.append(f"{path}: {clipped:.2%} of samples are clipped (|x| >= {CLIP_LEVEL})")
    level = loudness_db(x)
    if level < QUIET_WARN_DB:
        warnings.append(f"{path}: nearly silent (RMS {level:.1f} dBFS < {QUIET_WARN_DB:.0f} dBFS)")
    dc = float(np.mean(x))
    if abs(dc) > DC_WARN_LEVEL:
        warnings.append(f"{path}: DC offset {dc:+.3f}; consider high-pass filtering")
    return warnings
