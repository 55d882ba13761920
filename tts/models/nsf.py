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
from typing import Optional, Sequence

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


def noise_seed(training: bool, fixed: int) -> int:
    """The seed of a source noise: a fresh one per training call, ``fixed`` at inference (so chunks
    and repeated renders agree)."""
    return int(torch.randint(0, _SEED_RANGE, ())) if training else fixed


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
        here = f0[:, :, None]  # [B, L, 1] frame t's value, for its hop samples
        after = torch.cat([f0[:, 1:], f0[:, -1:]], dim=1)[:, :, None]  # [B, L, 1] frame t+1's
        frac = self.ramp.to(f0.device)  # [hop] position between the two frames
        linear = here + (after - here) * frac  # [B, L, hop]
        nearest = torch.where(frac < 0.5, here, after)
        return torch.where((here > 0) & (after > 0), linear, nearest).reshape(f0.shape[0], -1)

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

    def _phase(self, f0: Tensor, position: ChunkPosition) -> tuple[Tensor, Tensor]:
        """The fundamental's phase ``[B, S]`` float32 in cycles, in [0, 1), starting at
        ``position.f0_cycles``, and the sample-rate F0 ``[B, S]`` float32 Hz (0 = unvoiced)."""
        f0_up = self.upsample(f0)  # [B, S] float64 Hz
        step = f0_up / self.sample_rate  # cycles per sample
        cycles = torch.cumsum(step, dim=1) - step  # [B, S] periods before each sample
        if position.f0_cycles is not None:
            cycles = cycles + position.f0_cycles.double().to(f0.device)[:, None]
        # The fundamental's phase needs float64 to stay exact over long songs; once reduced to [0, 1)
        # float32 holds it to 6e-8 of a cycle (below 1e-6 at the 9th harmonic), and float32 sines
        # are several times cheaper than float64 ones.
        return torch.frac(cycles).float(), f0_up.float()

    def _all_audible(self, pitch: Tensor) -> bool:
        """Whether the top harmonic of every F0 in ``pitch`` is below Nyquist (F0 < 1.1 kHz at
        22.05 kHz with 9 harmonics: all of speech, nearly all song), so no harmonic needs masking."""
        return not pitch.numel() or bool(pitch.max() * (self.harmonics + 1) < self.sample_rate / 2)

    def _harmonics(self, base: Tensor, pitch: Tensor, all_audible: bool) -> Tensor:
        """Phase ``[B, S]`` (cycles) and F0 ``[B, S]`` → unit sines at F0 and its harmonics
        ``[B, H + 1, S]`` float32, 0 above Nyquist (not masked by voicing; no mask at all when
        ``all_audible``, :meth:`_all_audible`)."""
        orders = torch.arange(1, self.harmonics + 2, device=base.device, dtype=torch.float32)  # [H + 1]
        # one product and one sine: the largest argument, 2 pi (H + 1), keeps float32's phase error
        # below 5e-6 rad (-100 dB)
        waves = torch.sin(base[:, None, :] * (2.0 * math.pi * orders)[None, :, None])  # [B, H + 1, S]
        if all_audible:
            return waves
        return waves * ((pitch[:, None, :] * orders[None, :, None]) < self.sample_rate / 2).float()

    def sines(self, f0: Tensor, position: ChunkPosition) -> tuple[Tensor, Tensor]:
        """Sines at F0 and its harmonics ``[B, H + 1, S]`` (unit amplitude; 0 above Nyquist and on
        unvoiced samples) and the voiced mask ``[B, 1, S]``; the phase starts at ``position.f0_cycles``."""
        base, pitch = self._phase(f0, position)
        voiced = (pitch > 0)[:, None, :].float()
        waves = self._harmonics(base, pitch, self._all_audible(pitch))
        return (waves * voiced).to(f0.dtype), voiced.to(f0.dtype)

    def forward(self, f0: Tensor, position: ChunkPosition) -> Tensor:
        """``tanh(merge(sine_amplitude * sines + noise * noise_amplitude))``, the 1×1 merge expanded:
        the noise is shared by the harmonics, so it enters once, scaled by the merge weights' sum, and
        voicing masks the merged sines. The merged sines are one sine series in the phase, summed by
        :func:`sine_series` when no harmonic reaches Nyquist (one sine and one cosine per sample instead
        of ``H + 1`` sines, and no ``[B, H + 1, S]`` tensor); otherwise the masked sines are mixed by
        one matrix product."""
        base, pitch = self._phase(f0, position)  # [B, S], [B, S]
        voiced = (pitch > 0)[:, None, :].float()  # [B, 1, S]
        weight = self.merge.weight[0, :, 0].float()  # [H + 1]: order 1 (the fundamental) first
        if self._all_audible(pitch):
            harmonic = sine_series(2.0 * math.pi * base, weight)[:, None, :]  # [B, 1, S]
        else:
            harmonic = torch.matmul(weight[None, :], self._harmonics(base, pitch, all_audible=False))  # [B, 1, S]
        seed = noise_seed(self.training, self.noise_seed)
        noise = index_noise(f0.shape[0], position.start_frame * self.hop, base.shape[-1], seed,
                            f0.device)[:, None, :]  # [B, 1, S]
        unvoiced_amp = self.sine_amplitude * UNVOICED_NOISE_RATIO
        noise_amp = unvoiced_amp + voiced * (self.noise_std - unvoiced_amp)  # [B, 1, S]
        source = (self.sine_amplitude * harmonic * voiced + weight.sum() * noise * noise_amp
                  + self.merge.bias.float()[:, None])  # [B, 1, S]
        return torch.tanh(source).to(f0.dtype)


def sine_series(theta: Tensor, weights: Tensor) -> Tensor:
    """``sum_k weights[k - 1] * sin(k * theta)`` for k = 1 … K, elementwise over ``theta`` (any shape),
    by Clenshaw's recurrence ``b_k = w_k + 2 cos(theta) b_{k+1} - b_{k+2}``, sum ``= b_1 sin(theta)``:
    one sine and one cosine per element whatever K, two fused passes per order, stable in float32."""
    double_cos = 2.0 * torch.cos(theta)
    upper = torch.zeros_like(theta)  # b_{k+2}
    current = weights[-1].expand_as(theta)  # b_K
    for k in range(weights.shape[0] - 2, -1, -1):
        upper, current = current, torch.addcmul(weights[k] - upper, double_cos, current)
    return current * torch.sin(theta)


def _injector(channels: int, stride: int) -> nn.Conv1d:
    """Excitation ``[B, 1, S]`` → stage features ``[B, channels, S / stride]`` (strided conv)."""
    if stride == 1:
        return nn.Conv1d(1, channels, 1)
    return nn.Conv1d(1, channels, 2 * stride, stride=stride, padding=math.ceil(stride / 2))


def build_source(config: NSFHiFiGANConfig, audio: AudioConfig) -> HarmonicNoiseSource:
    """The harmonic-plus-noise source of an NSF config at ``audio``'s rate and hop."""
    return HarmonicNoiseSource(audio.sample_rate, audio.hop_length, config.harmonics,
                               config.sine_amplitude, config.noise_std, config.noise_seed)


def build_injectors(channels: Sequence[int], rates: Sequence[int], below: int = 1) -> nn.ModuleList:
    """One strided convolution per upsampling stage, bringing the sample-rate excitation to that
    stage's rate: stage ``i`` runs ``prod(rates[i + 1:]) * below`` times slower than the samples
    (``below`` is what follows the stack: 1 for a waveform head, the iSTFT hop for an iSTFT head)."""
    return nn.ModuleList(_injector(ch, math.prod(rates[i + 1:]) * below) for i, ch in enumerate(channels))


def injector_field(injectors: nn.ModuleList, hop_length: int, pre_kernel: int) -> float:
    """How far in mel frames the source path reaches beyond the mel path (an upper bound, often 0).

    F0 reaches the widest injector kernel plus the next frame (the source interpolates towards it)
    around a sample, and enters the stack after the first transposed convolution; the mel reaches the
    same point through ``conv_pre`` first, ``(pre_kernel - 1) / 2`` frames either side. Only what the
    source path exceeds that by widens the receptive field."""
    source = max(conv.kernel_size[0] for conv in injectors) / hop_length + 1.0
    return max(0.0, source - (pre_kernel - 1) / 2)


def inject_source(source: HarmonicNoiseSource, injectors: nn.ModuleList, f0: Tensor,
                  position: ChunkPosition) -> tuple[Tensor, list[Tensor]]:
    """``f0 [B, T]`` Hz → the excitation ``[B, 1, T * hop]`` and one feature map of it per stage
    ``[B, C_i, T * hop / stride_i]``, in float32 even under bfloat16 inference (the source keeps its
    phase detail)."""
    with full_precision(f0):
        excitation = source(widen(f0), position)  # [B, 1, T * hop]
        return excitation, [conv(excitation) for conv in injectors]


class SourceFilterVocoder(VocoderModel):
    """What the NSF vocoders share: F0 is required, a harmonic-plus-noise ``source`` and its
    ``injectors`` (one per upsampling stage), set by the subclass."""

    needs_f0 = True
    source: HarmonicNoiseSource
    injectors: nn.ModuleList

    def frame_cycles(self, f0: Tensor) -> Tensor:
        return self.source.frame_cycles(f0)

    def excitation(self, f0: Tensor, position: Optional[ChunkPosition] = None) -> Tensor:
        """The source signal alone: ``f0 [B, T]`` Hz → ``[B, 1, T * hop]``."""
        return self.source(f0, position or ChunkPosition())

    def excite(self, f0: Optional[Tensor], position: ChunkPosition) -> tuple[Tensor, list[Tensor]]:
        """:func:`inject_source` for ``generate``, which may be called without :meth:`check_input`."""
        if f0 is None:
            raise InputError(f"{type(self).__name__} needs an F0 curve [B, T] in Hz")
        return inject_source(self.source, self.injectors, f0, position)


@VOCODERS.register("nsf-hifigan")
class NSFHiFiGAN(SourceFilterVocoder):
    """``mel [B, n_mels, T]`` + ``f0 [B, T]`` Hz → ``wav [B, T * hop_length]`` that follows the F0."""

    config_class = NSFHiFiGANConfig
    presets = NSF_PRESETS
    quality = "neural (NSF-HiFi-GAN)"

    def __init__(self, config: NSFHiFiGANConfig, audio: AudioConfig) -> None:
        super().__init__(audio)
        self.config = config
        self.source = build_source(config, audio)
        self.backbone = build_backbone(config, audio, audio.hop_length, f"audio.hop_length = {audio.hop_length}")
        self.injectors = build_injectors(self.backbone.channels, config.upsample_rates)
        self.conv_post = waveform_head(self.backbone.out_channels, config.post_kernel_size)

    def receptive_field(self) -> float:
        post = (self.config.post_kernel_size - 1) / 2 / self.hop_length
        return (self.backbone.receptive_field() + post
                + injector_field(self.injectors, self.hop_length, self.config.pre_kernel_size))

    def generate(self, mel: Tensor, f0: Optional[Tensor], position: ChunkPosition) -> Tensor:
        _, inject = self.excite(f0, position)  # [B, C_i, T * prod(rates[:i+1])]
        return tanh_waveform(self.conv_post, self.backbone(mel, inject))  # [B, T * hop]
