"""NSF-HiFi-GAN: a HiFi-GAN generator driven by a harmonic-plus-noise source built from F0.

Facts from Wang, Takaki & Yamagishi, "Neural source-filter waveform models" (2019) and the
NSF-HiFi-GAN singing vocoders that followed: F0 is upsampled to the sample rate, integrated into a
phase, and turned into sines at the fundamental and its harmonics (voiced samples) plus Gaussian
noise (everywhere, louder where unvoiced); a learned 1×1 merge and tanh give one excitation
signal, which strided convolutions bring down to each upsampling stage's rate and add to its
features. The excitation carries the pitch, so the output follows the F0 it is given.

Frame t's F0 sits at sample ``t * hop`` (the mel frame centre). Between two voiced frames F0 is
interpolated linearly; next to an unvoiced frame each sample takes its nearest frame's value, so
voicing switches half-way between frames. Phase is accumulated in float64 and carried across
chunks in closed form (:meth:`HarmonicNoiseSource.frame_cycles`), and the noise is a function of
the absolute sample index, so chunked rendering equals whole-utterance rendering.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Optional

import torch
from torch import Tensor, nn

from tts.audio.params import AudioConfig
from tts.errors import ConfigError, InputError
from tts.models.hifigan import HiFiGANConfig, build_backbone, tanh_waveform, waveform_head
from tts.models.layers.vocoder_blocks import index_noise
from tts.models.vocoder import ChunkPosition, VocoderModel, full_precision, widen
from tts.registry import VOCODERS

UNVOICED_NOISE_RATIO = 1.0 / 3.0  # unvoiced noise amplitude relative to sine_amplitude (NSF papers)
_SEED_RANGE = 1 << 31  # training draws a fresh noise seed from [0, this) per call


@dataclass
class NSFHiFiGANConfig(HiFiGANConfig):
    """HiFi-GAN generator fields plus the source. Scope: network (retrain) except ``noise_seed``."""

    harmonics: int = 8  # overtones above the fundamental in the sine source (NSF-HiFi-GAN: 8)
    sine_amplitude: float = 0.1  # amplitude of each sine on voiced samples (NSF: 0.1)
    noise_std: float = 0.003  # std of the noise added on voiced samples (NSF: 0.003)
    noise_seed: int = 0  # inference only: seed of the deterministic source noise

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.harmonics < 0 or self.sine_amplitude <= 0 or self.noise_std < 0:
            raise ConfigError("NSFHiFiGANConfig: harmonics >= 0, sine_amplitude > 0 and noise_std >= 0 needed")


NSF_PRESETS: dict[str, NSFHiFiGANConfig] = {
    # V1-sized generator (512 initial channels, type-1 blocks): the singing-quality model
    "nsf_hifigan": NSFHiFiGANConfig(),
    # V2-sized generator (128 initial channels): about 1 M parameters, for CPUs
    "nsf_hifigan_small": NSFHiFiGANConfig(upsample_initial_channel=128),
}


class HarmonicNoiseSource(nn.Module):
    """F0 ``[B, T]`` Hz (0 = unvoiced) → excitation ``[B, 1, T * hop]`` in (-1, 1)."""

    def __init__(self, sample_rate: int, hop: int, harmonics: int, sine_amplitude: float,
                 noise_std: float, noise_seed: int) -> None:
        super().__init__()
        self.sample_rate = sample_rate
        self.hop = hop
        self.harmonics = harmonics
        self.sine_amplitude = sine_amplitude
        self.noise_std = noise_std
        self.noise_seed = noise_seed
        self.merge = nn.Conv1d(harmonics + 1, 1, 1)  # learned mix of the sines into one channel
        self.register_buffer("ramp", torch.arange(hop, dtype=torch.float64) / hop, persistent=False)  # [hop]

    def upsample(self, f0: Tensor) -> Tensor:
        """Frame F0 ``[B, L]`` → sample F0 ``[B, L * hop]`` float64 (the last frame holds its value)."""
        f0 = f0.double()
        here = f0.repeat_interleave(self.hop, dim=1)  # [B, S] frame t's value on its hop samples
        after = torch.cat([f0[:, 1:], f0[:, -1:]], dim=1).repeat_interleave(self.hop, dim=1)  # frame t+1
        frac = self.ramp.to(f0.device).repeat(f0.shape[1])  # [S] position between the two frames
        linear = here + (after - here) * frac
        nearest = torch.where(frac < 0.5, here, after)
        return torch.where((here > 0) & (after > 0), linear, nearest)

    def frame_cycles(self, f0: Tensor) -> Tensor:
        """F0 periods elapsed over each frame's hop samples ``[B, T]`` float64, exactly what
        :meth:`upsample` integrates to (so a chunk can start with the right phase)."""
        f0 = f0.double()
        after = torch.cat([f0[:, 1:], f0[:, -1:]], dim=1)
        hop = self.hop
        linear = hop * f0 + (after - f0) * (hop - 1) / 2  # sum of f0 + (after - f0) * j / hop
        first = math.ceil(hop / 2)  # samples with j / hop < 0.5 take frame t's value
        nearest = first * f0 + (hop - first) * after
        return torch.where((f0 > 0) & (after > 0), linear, nearest) / self.sample_rate

    def sines(self, f0: Tensor, position: ChunkPosition) -> tuple[Tensor, Tensor]:
        """Sines at F0 and its harmonics ``[B, H + 1, S]`` (unit amplitude; 0 above Nyquist and on
        unvoiced samples) and
        the voiced mask ``[B, 1, S]``; the phase starts at ``position.f0_cycles``."""
        f0_up = self.upsample(f0)  # [B, S] float64 Hz
        step = f0_up / self.sample_rate  # cycles per sample
        cycles = torch.cumsum(step, dim=1) - step  # [B, S] periods before each sample
        if position.f0_cycles is not None:
            cycles = cycles + position.f0_cycles.double().to(f0.device)[:, None]
        orders = torch.arange(1, self.harmonics + 2, device=f0.device, dtype=torch.float64)  # [H + 1]
        phase = torch.frac(cycles[:, None, :] * orders[None, :, None])  # [B, H + 1, S] in [0, 1)
        voiced = (f0_up > 0)[:, None, :]  # [B, 1, S]
        audible = (f0_up[:, None, :] * orders[None, :, None]) < self.sample_rate / 2  # below Nyquist
        waves = torch.sin(2.0 * math.pi * phase).to(f0.dtype) * (audible & voiced).to(f0.dtype)
        return waves, voiced.to(f0.dtype)

    def forward(self, f0: Tensor, position: ChunkPosition) -> Tensor:
        waves, voiced = self.sines(f0, position)  # [B, H + 1, S], [B, 1, S]
        seed = int(torch.randint(0, _SEED_RANGE, ())) if self.training else self.noise_seed
        noise = index_noise(f0.shape[0], position.start_frame * self.hop, waves.shape[-1], seed,
                            f0.device).to(f0.dtype)[:, None, :]  # [B, 1, S], shared by the harmonics
        noise_amp = voiced * self.noise_std + (1 - voiced) * (self.sine_amplitude * UNVOICED_NOISE_RATIO)
        source = waves * self.sine_amplitude + noise * noise_amp  # [B, H + 1, S]
        return torch.tanh(self.merge(source))  # [B, 1, S]


def _injector(channels: int, stride: int) -> nn.Conv1d:
    """Excitation ``[B, 1, S]`` → stage features ``[B, channels, S / stride]`` (strided conv)."""
    if stride == 1:
        return nn.Conv1d(1, channels, 1)
    return nn.Conv1d(1, channels, 2 * stride, stride=stride, padding=math.ceil(stride / 2))


@VOCODERS.register("nsf-hifigan")
class NSFHiFiGAN(VocoderModel):
    """``mel [B, n_mels, T]`` + ``f0 [B, T]`` Hz → ``wav [B, T * hop_length]`` that follows the F0."""

    config_class = NSFHiFiGANConfig
    presets = NSF_PRESETS
    needs_f0 = True
    quality = "neural (NSF-HiFi-GAN)"

    def __init__(self, config: NSFHiFiGANConfig, audio: AudioConfig) -> None:
        super().__init__(audio)
        self.config = config
        self.source = HarmonicNoiseSource(audio.sample_rate, audio.hop_length, config.harmonics,
                                          config.sine_amplitude, config.noise_std, config.noise_seed)
        self.backbone = build_backbone(config, audio, audio.hop_length, f"audio.hop_length = {audio.hop_length}")
        rates = config.upsample_rates
        self.injectors = nn.ModuleList(
            _injector(ch, math.prod(rates[i + 1:])) for i, ch in enumerate(self.backbone.channels)
        )
        self.conv_post = waveform_head(self.backbone.out_channels, config.post_kernel_size)

    def frame_cycles(self, f0: Tensor) -> Tensor:
        return self.source.frame_cycles(f0)

    def receptive_field(self) -> float:
        post = (self.config.post_kernel_size - 1) / 2 / self.hop_length
        widest_injector = max(conv.kernel_size[0] for conv in self.injectors) / self.hop_length
        next_frame = 1.0  # the source interpolates F0 towards the next frame
        return self.backbone.receptive_field() + post + widest_injector + next_frame

    def excitation(self, f0: Tensor, position: Optional[ChunkPosition] = None) -> Tensor:
        """The source signal alone: ``f0 [B, T]`` Hz → ``[B, 1, T * hop]``."""
        return self.source(f0, position or ChunkPosition())

    def generate(self, mel: Tensor, f0: Optional[Tensor], position: ChunkPosition) -> Tensor:
        if f0 is None:  # check_input guarantees it; generate may also be called directly
            raise InputError("NSF-HiFi-GAN needs an F0 curve [B, T] in Hz")
        with full_precision(mel):  # the harmonic source and its injection keep float32 phase detail
            excitation = self.source(widen(f0), position)  # [B, 1, T * hop]
            inject = [conv(excitation) for conv in self.injectors]  # [B, C_i, T * prod(rates[:i+1])]
        return tanh_waveform(self.conv_post, self.backbone(mel, inject))  # [B, T * hop]
