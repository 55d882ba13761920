"""F0 extraction behind one interface, frame-aligned with :class:`~tts.audio.features.MelExtractor`.

Extractors live in ``PITCH_EXTRACTORS`` under ``"dio"`` (WORLD DIO + StoneMask, the fast default),
``"harvest"`` (WORLD Harvest, slower, more robust) and ``"parselmouth"`` (Praat autocorrelation).
Each one maps a signal onto the frame grid ``t * hop / sr`` (t = 0 .. frames-1) and returns
F0 in Hz with 0 for unvoiced frames; :func:`extract_f0` then fixes the length, builds the voiced
mask and interpolates if asked.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass
from typing import Callable

import numpy as np
import parselmouth

from tts.audio.features import num_frames
from tts.audio.params import AudioConfig, PitchConfig
from tts.errors import ConfigError, InputError
from tts.registry import PITCH_EXTRACTORS


def _pyworld():  # imported on first use: the Praat extractor and F0 curves work without it
    """The ``pyworld`` module (its import warns about the deprecated ``pkg_resources``)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        import pyworld
    return pyworld

# signal float64 [T], sample rate, hop (samples), frames, f0_min, f0_max -> f0 float64 [frames]
F0Function = Callable[[np.ndarray, int, int, int, float, float], np.ndarray]


@dataclass
class PitchTrack:
    """F0 per mel frame: ``f0`` float32 ``[frames]`` in Hz, ``voiced`` bool ``[frames]``.

    Unvoiced frames hold 0 Hz unless the track was interpolated; ``voiced`` is always the
    extractor's decision.
    """

    f0: np.ndarray
    voiced: np.ndarray

    def __len__(self) -> int:
        return int(self.f0.shape[0])


def _fit_length(f0: np.ndarray, frames: int) -> np.ndarray:
    """Trim, or pad with unvoiced (0 Hz) frames, to exactly ``frames`` values."""
    if f0.shape[0] >= frames:
        return f0[:frames]
    return np.pad(f0, (0, frames - f0.shape[0]))


def _frame_period_ms(sample_rate: int, hop: int) -> float:
    return 1000.0 * hop / sample_rate


DIO_RATE_PER_F0_MAX = 5.0  # DIO may decimate the signal down to this many times f0_max


def dio_speed(sample_rate: int, f0_max: float) -> int:
    """DIO's decimation factor (1..12): the coarse search runs at >= 5 * f0_max Hz.

    Measured on harmonic tones of 70-750 Hz at 22.05 and 44.1 kHz: after StoneMask (which always
    runs at the full rate) the error matches speed 1 to within 0.05 cents, while DIO itself runs
    about 5x faster. Decimating further (to 2 kHz) does produce octave errors at 600 Hz.
    """
    return int(min(12, max(1, sample_rate // (DIO_RATE_PER_F0_MAX * f0_max))))


@PITCH_EXTRACTORS.register("dio")
def dio_f0(
    x: np.ndarray, sample_rate: int, hop: int, frames: int, f0_min: float, f0_max: float
) -> np.ndarray:
    """WORLD DIO coarse F0 refined by StoneMask; WORLD frame i lies at ``i * hop / sr``."""
    period = _frame_period_ms(sample_rate, hop)
    pyworld = _pyworld()
    f0, times = pyworld.dio(
        x,
        sample_rate,
        f0_floor=f0_min,
        f0_ceil=f0_max,
        frame_period=period,
        speed=dio_speed(sample_rate, f0_max),
    )
    return pyworld.stonemask(x, f0, times, sample_rate)


@PITCH_EXTRACTORS.register("harvest")
def harvest_f0(
    x: np.ndarray, sample_rate: int, hop: int, frames: int, f0_min: float, f0_max: float
) -> np.ndarray:
    """WORLD Harvest; WORLD frame i lies at ``i * hop / sr``.

    Harvest scores F0 candidates by the consistency of the first harmonics, so a pure sinusoid
    (no harmonics) comes out mostly unvoiced; voices and harmonic tones are tracked accurately.
    """
    period = _frame_period_ms(sample_rate, hop)
    f0, _ = _pyworld().harvest(x, sample_rate, f0_floor=f0_min, f0_ceil=f0_max, frame_period=period)
    return f0


PRAAT_PERIODS_PER_WINDOW = 3.0  # Praat's default for to_pitch_ac


@PITCH_EXTRACTORS.register("parselmouth")
def praat_f0(
    x: np.ndarray, sample_rate: int, hop: int, frames: int, f0_min: float, f0_max: float
) -> np.ndarray:
    """Praat autocorrelation pitch, resampled in time onto the grid ``t * hop / sr``.

    Praat centres its own frame grid inside the signal and needs a window of 3 / f0_min s, so the
    signal is zero-padded by that window on both sides; a target frame between two voiced Praat
    frames is linearly interpolated, otherwise it takes the nearer Praat frame's decision.
    """
    pad = int(math.ceil(PRAAT_PERIODS_PER_WINDOW / f0_min * sample_rate))
    padded = np.pad(x, (pad, pad))
    sound = parselmouth.Sound(padded, sampling_frequency=sample_rate)
    step = hop / sample_rate
    pitch = sound.to_pitch_ac(time_step=step, pitch_floor=f0_min, pitch_ceiling=f0_max)
    praat = np.nan_to_num(pitch.selected_array["frequency"])  # [n_praat], 0 = unvoiced
    start = pitch.xs()[0] if pitch.n_frames else 0.0
    targets = pad / sample_rate + np.arange(frames) * step  # target times in the padded signal
    pos = (targets - start) / step  # fractional Praat frame index
    lo = np.clip(np.floor(pos).astype(np.int64), 0, len(praat) - 1)
    hi = np.clip(lo + 1, 0, len(praat) - 1)
    frac = np.clip(pos - lo, 0.0, 1.0)
    both = (praat[lo] > 0) & (praat[hi] > 0)
    nearest = np.where(frac < 0.5, praat[lo], praat[hi])
    return np.where(both, (1.0 - frac) * praat[lo] + frac * praat[hi], nearest)


def interpolate_unvoiced(f0: np.ndarray, voiced: np.ndarray) -> np.ndarray:
    """Linearly interpolate ``f0 [frames]`` across unvoiced gaps; edges hold the nearest value.

    Returns zeros when no frame is voiced.
    """
    if not voiced.any():
        return np.zeros_like(f0)
    idx = np.flatnonzero(voiced)
    return np.interp(np.arange(f0.shape[0]), idx, f0[idx]).astype(f0.dtype)


def curve_to_frames(curve_hz: np.ndarray, timestep: float, frames: int, audio: AudioConfig,
                    pitch: PitchConfig) -> PitchTrack:
    """A known F0 curve (``curve_hz [K]``, value k at ``k * timestep`` s, 0 = unvoiced) on the mel grid.

    For corpora that ship the exact curve their audio was made with (the demo singing corpus): F0 is
    interpolated linearly at each mel frame's centre, voicing taken from the nearest curve point,
    unvoiced frames filled as :func:`extract_f0` fills them (``pitch.interpolate``).
    """
    curve = np.asarray(curve_hz, dtype=np.float64)
    if curve.ndim != 1 or curve.shape[0] == 0 or not np.all(np.isfinite(curve)) or np.any(curve < 0):
        raise InputError(f"an F0 curve must be a non-empty [K] array of finite Hz values >= 0, got {curve.shape}")
    if not timestep > 0:
        raise InputError(f"an F0 curve's timestep must be positive, got {timestep}")
    offset = 0 if audio.center else audio.n_fft // 2
    times = (np.arange(frames) * audio.hop_length + offset) / audio.sample_rate
    nearest = np.clip(np.round(times / timestep).astype(np.int64), 0, curve.shape[0] - 1)
    voiced = curve[nearest] > 0
    points = np.flatnonzero(curve > 0)
    f0 = np.zeros(frames, dtype=np.float32)
    if points.size:  # through the voiced points only, so a frame next to a gap is not pulled towards 0 Hz
        f0[voiced] = np.interp(times[voiced], points * timestep, curve[points])
    if pitch.interpolate:
        f0 = interpolate_unvoiced(f0, voiced)
    return PitchTrack(f0=f0, voiced=voiced)


def _check_pitch_config(audio: AudioConfig, pitch: PitchConfig) -> None:
    nyquist = audio.sample_rate / 2
    if not 0 < pitch.f0_min < pitch.f0_max < nyquist:
        raise ConfigError(
            f"pitch.f0_min / pitch.f0_max must satisfy 0 < f0_min < f0_max < {nyquist:g} Hz, "
            f"got f0_min={pitch.f0_min}, f0_max={pitch.f0_max}"
        )


def extract_f0(samples: np.ndarray, audio: AudioConfig, pitch: PitchConfig) -> PitchTrack:
    """F0 of ``samples [T]`` (at ``audio.sample_rate``) with one value per mel frame.

    Returns exactly ``num_frames(T, audio)`` frames; frame t is centred where mel frame t is
    (``t * hop / sr``, shifted by ``n_fft / 2`` samples when ``audio.center`` is False).
    Silent input gives an all-unvoiced track of zeros.
    """
    _check_pitch_config(audio, pitch)
    extractor: F0Function = PITCH_EXTRACTORS.get(pitch.method)
    x = np.asarray(samples, dtype=np.float64)
    if x.ndim != 1:
        raise InputError(f"extract_f0: expected mono samples of shape [T], got {x.shape}")
    frames = num_frames(x.shape[0], audio)
    if not np.all(np.isfinite(x)):
        raise InputError("extract_f0: samples hold NaN or infinite values")
    if not audio.center:  # mel frame t is centred at t * hop + n_fft // 2: start the grid there
        x = x[audio.n_fft // 2 :]
    x = np.ascontiguousarray(x)
    if not np.any(x):
        f0 = np.zeros(frames)
    else:
        f0 = extractor(x, audio.sample_rate, audio.hop_length, frames, pitch.f0_min, pitch.f0_max)
        f0 = _fit_length(np.nan_to_num(np.asarray(f0, dtype=np.float64)), frames)
    f0 = f0.astype(np.float32)
    voiced = f0 > 0
    if pitch.interpolate:
        f0 = interpolate_unvoiced(f0, voiced)
    return PitchTrack(f0=f0, voiced=voiced)
