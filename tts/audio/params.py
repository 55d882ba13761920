"""Audio and pitch parameters shared by feature extraction, models and vocoders."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Optional


@dataclass
class AudioConfig:
    """Signal parameters. Changing any of them invalidates prepared features and trained models."""

    sample_rate: int = 22050  # Hz; corpora are resampled to this on read
    n_fft: int = 1024  # FFT size of the STFT
    hop_length: int = 256  # samples between frames; one mel frame = hop_length / sample_rate s
    win_length: int = 1024  # analysis window length, <= n_fft
    window: Literal["hann", "hamming"] = "hann"  # analysis window function
    n_mels: int = 80  # mel bands
    fmin: float = 0.0  # lowest mel band edge, Hz
    fmax: Optional[float] = 8000.0  # highest mel band edge, Hz (None = sample_rate / 2)
    log_floor: float = 1e-5  # log-mel = log(max(mel, log_floor))
    center: bool = True  # pad n_fft // 2 on both sides so frame t is centred at t * hop_length


@dataclass
class PitchConfig:
    """F0 extraction. Changing it invalidates prepared features."""

    method: Literal["dio", "harvest", "parselmouth"] = "dio"  # extractor from PITCH_EXTRACTORS
    f0_min: float = 65.0  # Hz, lowest F0 searched
    f0_max: float = 800.0  # Hz, highest F0 searched
    interpolate: bool = True  # fill unvoiced frames by linear interpolation (the uv mask is kept)
