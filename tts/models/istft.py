"""iSTFT-HiFi-GAN: a HiFi-GAN with fewer upsampling stages and an inverse-STFT output head.

The idea of iSTFTNet (Kaneko et al. 2022) and Vocos (Siuzdenko 2023): the last, most expensive
upsampling stages of HiFi-GAN run at or near the sample rate, yet what they compute is locally a
short spectrum. So stop upsampling early, predict log-magnitude and phase of a small STFT
(``n_fft`` bins every ``istft_hop`` samples) and let ``torch.istft`` make the waveform.
``prod(upsample_rates) * istft_hop`` must equal ``audio.hop_length``.

Presets: ``istft_hifigan`` is iSTFTNet's V1-C8C8I (HiFi-GAN V1 blocks, two ×8 stages,
``n_fft`` 16), the quality model; ``istft_hifigan_small`` is the CPU model: V3-style blocks, two ×4
stages and ``n_fft`` 64, so no convolution runs above 1/16 of the sample rate.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Optional

import torch
import torch.nn.functional as F
from torch import Tensor, nn
from torch.nn.utils.parametrizations import weight_norm

from tts.audio.params import AudioConfig
from tts.errors import ConfigError
from tts.models.hifigan import HiFiGANConfig, build_backbone
from tts.models.layers.vocoder_blocks import FINAL_LRELU_SLOPE, UpsampleBackbone
from tts.models.vocoder import ChunkPosition, VocoderModel, full_precision, widen
from tts.registry import VOCODERS

MAX_LOG_MAGNITUDE = math.log(100.0)  # predicted magnitudes are clipped at 100 (Vocos), keeping exp finite
HOPS_PER_WINDOW = 4  # n_fft / istft_hop: a Hann window at 75 % overlap sums to a constant


@dataclass
class ISTFTHiFiGANConfig(HiFiGANConfig):
    """HiFi-GAN backbone fields plus the iSTFT head. Scope: network (retrain)."""

    istft_n_fft: int = 16  # FFT size of the predicted spectrum (iSTFTNet C8C8I: 16)
    istft_hop: int = 4  # samples between predicted frames; prod(upsample_rates) * istft_hop = hop_length
    # Zero the predicted spectrum above this frequency (0: keep every bin). A generator trained on a
    # mel loss that stops at audio.fmax is unconstrained above it; on a corpus with nothing up there
    # (the demo singing corpus: -35 dB above 8 kHz) its output there is noise, so cut it.
    band_limit_hz: float = 0.0

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.band_limit_hz < 0:
            raise ConfigError(f"ISTFTHiFiGANConfig: band_limit_hz must be >= 0 (0: none), got {self.band_limit_hz}")
        if self.istft_hop < 1 or self.istft_n_fft != HOPS_PER_WINDOW * self.istft_hop:
            raise ConfigError(f"ISTFTHiFiGANConfig: istft_n_fft must be {HOPS_PER_WINDOW} × istft_hop "
                              f"(Hann at 75 % overlap), got n_fft {self.istft_n_fft}, hop {self.istft_hop}")


ISTFT_PRESETS: dict[str, ISTFTHiFiGANConfig] = {
    # iSTFTNet V1-C8C8I: HiFi-GAN V1 minus its two last stages, n_fft 16
    "istft_hifigan": ISTFTHiFiGANConfig(
        upsample_rates=(8, 8),
        upsample_kernel_sizes=(16, 16),
        istft_n_fft=16,
        istft_hop=4,
    ),
    # CPU model: V3-style type-2 blocks at 256 channels, two x4 stages, n_fft 64 (hop 16)
    "istft_hifigan_small": ISTFTHiFiGANConfig(
        upsample_rates=(4, 4),
        upsample_kernel_sizes=(8, 8),
        upsample_initial_channel=256,
        resblock_type=2,
        resblock_kernel_sizes=(3, 5, 7),
        resblock_dilations=((1, 2), (2, 6), (3, 12)),
        istft_n_fft=64,
        istft_hop=16,
    ),
}


class ISTFTHead(nn.Module):
    """Features ``[B, C, N]`` → log-magnitude and phase of ``N`` frames → waveform ``[B, N * hop]``."""

    window: Tensor

    outputs_per_bin = 2  # log-magnitude, phase

    def __init__(self, channels: int, n_fft: int, hop: int, kernel: int, kept_bins: int = 0) -> None:
        super().__init__()
        self.n_fft = n_fft
        self.hop = hop
        self.bins = n_fft // 2 + 1
        self.kept_bins = kept_bins or self.bins  # bins below the band limit; those above are zeroed
        self.conv = weight_norm(nn.Conv1d(channels, self.outputs_per_bin * self.bins, kernel, padding=kernel // 2))
        self.register_buffer("window", torch.hann_window(n_fft, periodic=True), persistent=False)

    def forward(self, x: Tensor) -> Tensor:
        with full_precision(x):
            return self._waveform(widen(x))

    def _waveform(self, x: Tensor) -> Tensor:
        out = self.conv(F.leaky_relu(x, FINAL_LRELU_SLOPE))  # [B, 2F, N]
        magnitude = torch.exp(out[:, : self.bins].clamp(max=MAX_LOG_MAGNITUDE))  # [B, F, N]
        phase = out[:, self.bins:]  # [B, F, N] radians
        spec = torch.polar(magnitude.float(), phase.float())  # [B, F, N] complex
        return self.inverse(spec).to(x.dtype)  # [B, N * hop]

    def inverse(self, spec: Tensor) -> Tensor:
        """Complex spectrum ``[B, F, N]`` → waveform ``[B, N * hop]`` (frame k centred on sample k * hop)."""
        if self.kept_bins < self.bins:
            spec = torch.cat([spec[:, : self.kept_bins], spec.new_zeros(spec.shape[0], self.bins - self.kept_bins,
                                                                         spec.shape[-1])], dim=1)
        return torch.istft(spec, n_fft=self.n_fft, hop_length=self.hop, win_length=self.n_fft,
                           window=self.window.float(), center=True, length=spec.shape[-1] * self.hop)

    def spectrum(self, wav: Tensor) -> Tensor:
        """Waveform ``[B, S]`` → its complex spectrum ``[B, F, S / hop]`` on the same frames as :meth:`inverse`."""
        spec = torch.stft(wav.float(), n_fft=self.n_fft, hop_length=self.hop, win_length=self.n_fft,
                          window=self.window.float(), center=True, return_complex=True)
        return spec[:, :, : wav.shape[-1] // self.hop]


def build_istft_generator(config: ISTFTHiFiGANConfig, audio: AudioConfig,
                          head_class: type[ISTFTHead] = ISTFTHead) -> tuple[UpsampleBackbone, ISTFTHead]:
    """The upsampling stack (stages multiplying to ``hop_length / istft_hop``) and a ``head_class``
    head on it."""
    if audio.hop_length % config.istft_hop:
        raise ConfigError(f"{type(config).__name__}: istft_hop {config.istft_hop} does not divide "
                          f"audio.hop_length = {audio.hop_length}")
    stages = audio.hop_length // config.istft_hop
    backbone = build_backbone(config, audio, stages,
                              f"audio.hop_length / istft_hop = {audio.hop_length} / {config.istft_hop} = {stages}")
    head = head_class(backbone.out_channels, config.istft_n_fft, config.istft_hop, config.post_kernel_size,
                      kept_bins(config, audio))
    return backbone, head


def kept_bins(config: ISTFTHiFiGANConfig, audio: AudioConfig) -> int:
    """How many of the head's bins lie at or below ``config.band_limit_hz`` (0 when there is no limit)."""
    if config.band_limit_hz <= 0:
        return 0
    return max(1, min(config.istft_n_fft // 2 + 1, int(config.band_limit_hz * config.istft_n_fft / audio.sample_rate) + 1))


def head_field(config: ISTFTHiFiGANConfig, head_frames_per_mel_frame: int, hop_length: int) -> float:
    """Receptive half-width in mel frames that the iSTFT head adds to its backbone: its convolution
    plus the overlap-add (a frame's window spans ``istft_n_fft`` samples)."""
    head = (config.post_kernel_size - 1) / 2 / head_frames_per_mel_frame
    return head + config.istft_n_fft / 2 / hop_length


@VOCODERS.register("istft-hifigan")
class ISTFTHiFiGAN(VocoderModel):
    """``mel [B, n_mels, T]`` → ``wav [B, T * hop_length]``; fast on CPUs (see module docstring)."""

    config_class = ISTFTHiFiGANConfig
    presets = ISTFT_PRESETS
    quality = "neural (iSTFT-HiFi-GAN)"

    def __init__(self, config: ISTFTHiFiGANConfig, audio: AudioConfig) -> None:
        super().__init__(audio)
        self.config = config
        self.backbone, self.head = build_istft_generator(config, audio)

    def receptive_field(self) -> float:
        return self.backbone.receptive_field() + head_field(self.config, self.backbone.samples_per_frame,
                                                            self.hop_length)

    def generate(self, mel: Tensor, f0: Optional[Tensor], position: ChunkPosition) -> Tensor:
        return self.head(self.backbone(mel))  # [B, T * hop]
