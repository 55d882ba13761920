"""THE one STFT / log-mel / energy implementation (torch, batched, runs on any device).

Everything that needs a mel spectrogram (prepare, training losses, vocoder objectives,
evaluation) goes through :class:`MelExtractor`, so features can never drift apart. The log-mel
is pinned by a test to ``librosa.feature.melspectrogram(..., power=1.0, pad_mode="constant")``.
"""

from __future__ import annotations

from dataclasses import dataclass

import librosa
import torch

from tts.audio.params import AudioConfig
from tts.errors import ConfigError, InputError

_WINDOWS = {"hann": torch.hann_window, "hamming": torch.hamming_window}


def num_frames(num_samples: int, audio: AudioConfig) -> int:
    """Frames the STFT yields for ``num_samples`` samples.

    Centred: ``1 + T // hop`` (frame t is centred at ``t * hop`` samples).
    Not centred: ``1 + (T - n_fft) // hop``; signals shorter than ``n_fft`` are an error.
    """
    if num_samples <= 0:
        raise InputError(f"audio has {num_samples} samples; need at least 1")
    if audio.center:
        return 1 + num_samples // audio.hop_length
    if num_samples < audio.n_fft:
        raise InputError(
            f"audio has {num_samples} samples, fewer than n_fft={audio.n_fft} (center=False)"
        )
    return 1 + (num_samples - audio.n_fft) // audio.hop_length


def check_audio_config(audio: AudioConfig) -> None:
    """Raise ConfigError naming the first inconsistent ``audio.*`` key."""
    if audio.sample_rate <= 0:
        raise ConfigError(f"audio.sample_rate must be positive, got {audio.sample_rate}")
    if audio.hop_length <= 0:
        raise ConfigError(f"audio.hop_length must be positive, got {audio.hop_length}")
    if not 0 < audio.win_length <= audio.n_fft:
        raise ConfigError(
            f"audio.win_length must be in 1..n_fft={audio.n_fft}, got {audio.win_length}"
        )
    if audio.window not in _WINDOWS:
        raise ConfigError(f"audio.window must be one of {sorted(_WINDOWS)}, got {audio.window!r}")
    if audio.n_mels <= 0:
        raise ConfigError(f"audio.n_mels must be positive, got {audio.n_mels}")
    nyquist = audio.sample_rate / 2
    fmax = nyquist if audio.fmax is None else audio.fmax
    if not 0 <= audio.fmin < fmax <= nyquist:
        raise ConfigError(
            f"audio.fmin / audio.fmax must satisfy 0 <= fmin < fmax <= {nyquist:g} Hz, "
            f"got fmin={audio.fmin}, fmax={audio.fmax}"
        )
    if audio.log_floor <= 0:
        raise ConfigError(f"audio.log_floor must be positive, got {audio.log_floor}")


@dataclass
class MelFeatures:
    """Log-mel and energy from one STFT: ``log_mel [B, n_mels, frames]``, ``energy [B, frames]``."""

    log_mel: torch.Tensor
    energy: torch.Tensor


class MelExtractor(torch.nn.Module):
    """STFT magnitude, log-mel and frame energy for ``wav: [B, T]`` or ``[T]``.

    The mel is a *magnitude* mel (power 1): ``mel = basis @ |STFT|``, and
    ``log_mel = ln(max(mel, log_floor))`` — the HiFi-GAN / FastSpeech 2 convention. The mel basis is
    ``librosa.filters.mel`` with its defaults (Slaney scale, Slaney area normalisation). With
    ``center=True`` the signal is zero-padded by ``n_fft // 2`` on both sides (librosa >= 0.10's
    ``pad_mode="constant"``), so frame t is centred at sample ``t * hop_length``.

    Window and mel basis are float32 buffers: ``.to(device)`` moves them; they are not saved in
    state dicts. Computation runs in float32 (half precision is promoted to float32); float64
    input is computed in float64 and matches librosa to ~1e-10.
    """

    def __init__(self, audio: AudioConfig) -> None:
        super().__init__()
        check_audio_config(audio)
        self.audio = audio
        window = self._make_window(torch.float64).float()  # computed in float64, rounded once
        basis = librosa.filters.mel(
            sr=audio.sample_rate,
            n_fft=audio.n_fft,
            n_mels=audio.n_mels,
            fmin=audio.fmin,
            fmax=audio.fmax,
        )
        self.register_buffer("window", window, persistent=False)  # [win_length]
        self.register_buffer(
            "mel_basis", torch.from_numpy(basis).float(), persistent=False
        )  # [n_mels, n_fft // 2 + 1]

    def _make_window(self, dtype: torch.dtype, device: torch.device | None = None) -> torch.Tensor:
        make = _WINDOWS[self.audio.window]
        return make(self.audio.win_length, periodic=True, dtype=dtype, device=device)

    def _window_for(self, wav: torch.Tensor) -> torch.Tensor:
        """The float32 buffer, or a fresh float64 window for float64 input (exact reference)."""
        if wav.dtype == torch.float64:
            return self._make_window(torch.float64, wav.device)
        return self.window.to(dtype=wav.dtype)

    def num_frames(self, num_samples: int) -> int:
        """Frames produced for ``num_samples`` samples (see :func:`num_frames`)."""
        return num_frames(num_samples, self.audio)

    def _as_batch(self, wav: torch.Tensor) -> torch.Tensor:
        if wav.dim() == 1:
            wav = wav.unsqueeze(0)
        if wav.dim() != 2:
            raise InputError(f"expected audio of shape [T] or [B, T], got {tuple(wav.shape)}")
        if not wav.is_floating_point():
            raise InputError(f"expected floating-point audio, got {wav.dtype}")
        if wav.dtype != torch.float64:
            wav = wav.float()
        self.num_frames(wav.shape[-1])  # validates the length
        return wav

    def spectrogram(self, wav: torch.Tensor) -> torch.Tensor:
        """STFT magnitude. ``wav: [B, T]`` or ``[T]`` -> ``[B, n_fft // 2 + 1, frames]``."""
        wav = self._as_batch(wav)
        a = self.audio
        spec = torch.stft(
            wav,
            n_fft=a.n_fft,
            hop_length=a.hop_length,
            win_length=a.win_length,
            window=self._window_for(wav),
            center=a.center,
            pad_mode="constant",
            return_complex=True,
        )  # [B, F, frames]
        return spec.abs()

    def mel_from_spectrogram(self, magnitude: torch.Tensor) -> torch.Tensor:
        """``magnitude: [B, F, frames]`` -> natural-log magnitude mel ``[B, n_mels, frames]``."""
        mel = torch.matmul(self.mel_basis.to(magnitude.dtype), magnitude)
        return torch.log(torch.clamp(mel, min=self.audio.log_floor))

    def forward(self, wav: torch.Tensor) -> torch.Tensor:
        """Log-mel. ``wav: [B, T]`` or ``[T]`` -> ``log_mel: [B, n_mels, frames]``."""
        return self.mel_from_spectrogram(self.spectrogram(wav))

    def energy(self, wav: torch.Tensor) -> torch.Tensor:
        """Frame energy, the L2 norm of the STFT magnitude. ``[B, T]`` -> ``[B, frames]``."""
        return torch.linalg.vector_norm(self.spectrogram(wav), dim=1)

    def features(self, wav: torch.Tensor) -> MelFeatures:
        """Log-mel and energy from a single STFT (what prepare stores)."""
        magnitude = self.spectrogram(wav)  # [B, F, frames]
        return MelFeatures(
            log_mel=self.mel_from_spectrogram(magnitude),
            energy=torch.linalg.vector_norm(magnitude, dim=1),
        )
