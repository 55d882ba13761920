"""NSF-iSTFT-HiFi-GAN: the NSF harmonic-plus-noise source filtered by an iSTFT-HiFi-GAN.

The singing path's fast CPU vocoder. :mod:`tts.models.nsf` makes the output follow the F0 it is
given by injecting a sine excitation into every upsampling stage, up to the sample rate;
:mod:`tts.models.istft` stops upsampling at 1/16 of the sample rate and lets an inverse STFT make
the waveform. Combining them by injection alone does not work: measured on the demo singing corpus,
a generator whose only view of the source is strided-convolution features learns to rebuild pitch
from the mel instead (median 150 cents off the given F0 after 24 k steps, dev mel loss still lower
than NSF-HiFi-GAN's). So the head is a source-filter one (:class:`SourceFilterHead`): the output
spectrum is a per-bin, per-frame gain applied to the short spectrum of the excitation itself —
which keeps the excitation's phase, hence its pitch, exactly — plus a free spectrum for what the
source lacks: a learned magnitude and phase (``free_part: learned``), or a learned magnitude on the
spectrum of white noise (``free_part: noise``, :class:`FilteredNoiseHead`). A learned phase can make
periodic sound of its own: trained on the demo speech corpus, whose voice sits near 90 Hz, such a head
(and HiFi-GAN V3 alike) buzzed at the mel frame rate (22050 / 256 = 86.1 Hz) whatever F0 it was given.
So did filtered noise alone, its gains pulsing within each frame; with ``filter_rate: mel`` the gains
change only from mel frame to mel frame and every periodic component comes from the excitation, so
the pitch is the F0's. The excitation still reaches every stage through the injectors, so the
features that choose the gains know where the harmonics are. No convolution runs above
1/16 of the sample rate, which is where NSF-HiFi-GAN spends most of its time.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Literal, Optional

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from tts.audio.params import AudioConfig
from tts.errors import ConfigError
from tts.models.istft import (MAX_LOG_MAGNITUDE, ISTFT_PRESETS, ISTFTHead, ISTFTHiFiGANConfig, build_istft_generator,
                              head_field)
from tts.models.layers.vocoder_blocks import FINAL_LRELU_SLOPE, derived_from, index_noise
from tts.models.nsf import (NSFHiFiGANConfig, SourceFilterVocoder, build_injectors, build_source, injector_field,
                            noise_seed)
from tts.models.vocoder import ChunkPosition, full_precision, widen
from tts.registry import VOCODERS


FREE_LOG_MAGNITUDE_INIT = -4.0  # initial bias of the free part's log-magnitude (exp(-4) ~ 0.02)
FREE_NOISE_SEED_OFFSET = 0x2545F491  # the free part's noise differs from the source's (same noise_seed)


@dataclass
class NSFISTFTHiFiGANConfig(ISTFTHiFiGANConfig, NSFHiFiGANConfig):
    """iSTFT-HiFi-GAN fields plus the NSF source's. Scope: network (retrain) except ``noise_seed``."""

    # network: the head's free spectrum — "learned" magnitude and phase, or "noise": a learned
    # magnitude on white noise's spectrum, so nothing periodic can come but from the excitation
    free_part: Literal["learned", "noise"] = "learned"
    # network (free_part: noise): how often the head's gains may change — every "head" frame, or at
    # "mel" frames only (each mel frame's mean, linearly interpolated between frame centres): a filter
    # that cannot change within a mel frame cannot pulse at the frame rate
    filter_rate: Literal["head", "mel"] = "head"

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.free_part not in ("learned", "noise"):
            raise ConfigError(f"free_part must be 'learned' or 'noise', got {self.free_part!r}")
        if self.filter_rate not in ("head", "mel"):
            raise ConfigError(f"filter_rate must be 'head' or 'mel', got {self.filter_rate!r}")
        if self.filter_rate == "mel" and self.free_part != "noise":
            raise ConfigError("filter_rate: mel needs free_part: noise (a learned phase is not a filter)")


_FAST_HN = NSFISTFTHiFiGANConfig(**{**asdict(ISTFT_PRESETS["istft_hifigan_small"]), "resblock_kernel_sizes": (3, 7),
                                    "resblock_dilations": ((1, 2), (3, 12))}, free_part="noise", filter_rate="mel")
NSF_ISTFT_PRESETS: dict[str, NSFISTFTHiFiGANConfig] = {
    # istft_hifigan_small's generator (V3-style blocks, two x4 stages, 64-point iSTFT) + the NSF source
    "nsf_istft_hifigan_small": NSFISTFTHiFiGANConfig(**asdict(ISTFT_PRESETS["istft_hifigan_small"])),
    # the same with a harmonic-plus-noise head: filtered noise for the free part, a mel-rate filter
    # (the shipped speech vocoder's settings, recipes/demo_zh_nsf_istft.yaml)
    "nsf_istft_hifigan_small_hn": NSFISTFTHiFiGANConfig(**asdict(ISTFT_PRESETS["istft_hifigan_small"]),
                                                        free_part="noise", filter_rate="mel"),
    # the hn model with two residual blocks per stage instead of three (kernels 3 and 7, the same reach):
    # 0.93 M parameters, a third fewer convolution taps, the same copy-synthesis quality; the shipped
    # speech vocoder zh-demo-nsf-istft (recipes/demo_zh_nsf_istft.yaml)
    "nsf_istft_hifigan_fast_hn": _FAST_HN,
    # the fast model at 192 initial channels (192 -> 96 -> 48): 0.56 M parameters, for the slowest CPUs
    "nsf_istft_hifigan_tiny_hn": replace(_FAST_HN, upsample_initial_channel=192),
    # the fast model's blocks with a finer head: a 256-point iSTFT (86 Hz bins at 22.05 kHz, hop 64) after
    # one x4 stage. The hn head shapes the excitation and the noise only through its per-bin gains, so
    # its frequency resolution bounds what it can render: 64-point heads (344 Hz bins) all stopped
    # at the same copy-synthesis MCD whatever their backbone's size
    "nsf_istft_hifigan_fine_hn": replace(_FAST_HN, upsample_rates=(4,), upsample_kernel_sizes=(8,),
                                         istft_n_fft=256, istft_hop=64),
}


class SourceFilterHead(ISTFTHead):
    """Features ``[B, C, N]`` and the excitation ``[B, 1, N * hop]`` → waveform ``[B, N * hop]``.

    Per bin and frame: ``gain * STFT(excitation) + magnitude * exp(i * phase)``, gain and magnitude
    as exponentials of the convolution's outputs (clipped like :class:`ISTFTHead`'s).
    """

    outputs_per_bin = 3  # log-gain on the excitation, log-magnitude and phase of the free part
    mel_rate = 0  # head frames per mel frame when the filter changes at mel frames only; 0 = every head frame

    def __init__(self, channels: int, n_fft: int, hop: int, kernel: int, kept_bins: int = 0) -> None:
        super().__init__(channels, n_fft, hop, kernel, kept_bins)
        with torch.no_grad():  # start as the (filtered) source, the free part faint: learn what to add
            self.conv.bias[self.bins: 2 * self.bins].fill_(FREE_LOG_MAGNITUDE_INIT)

    def _coefficients(self, x: Tensor) -> Tensor:
        """Features ``[B, C, N]`` → the convolution's ``outputs_per_bin * F`` values per frame, float32,
        held to the mel rate when ``mel_rate`` is set (same values as :func:`at_mel_rate` on the
        convolution's output, by :func:`mel_frame_means`: ``mel_rate`` times fewer positions)."""
        x = F.leaky_relu(widen(x), FINAL_LRELU_SLOPE)
        if not self.mel_rate:
            return self.conv(x).float()  # [B, K * F, N]
        return between_frames(mel_frame_means(self.conv, x, self.mel_rate).float(), x.shape[-1])

    def _filtered_source(self, log_gain: Tensor, excitation: Tensor) -> Tensor:
        """``exp(log_gain) [B, F, N]`` times the excitation's spectrum: its phase, hence its pitch, kept."""
        return torch.exp(log_gain.clamp(max=MAX_LOG_MAGNITUDE)) * self.spectrum(excitation[:, 0].float())

    def forward(self, x: Tensor, excitation: Tensor) -> Tensor:  # type: ignore[override]
        with full_precision(x):
            out, bins = self._coefficients(x), self.bins  # [B, 3F, N]
            free = torch.polar(torch.exp(out[:, bins: 2 * bins].clamp(max=MAX_LOG_MAGNITUDE)), out[:, 2 * bins:])
            return self.inverse(self._filtered_source(out[:, :bins], excitation) + free).to(x.dtype)  # [B, N * hop]


def at_mel_rate(values: Tensor, per_frame: int) -> Tensor:
    """``[B, C, T * per_frame]`` head-frame values → each mel frame's mean, linearly interpolated
    between the mel frames' centres back onto the head frames (edges held), same shape."""
    b, c, n = values.shape
    return between_frames(values.reshape(b, c, n // per_frame, per_frame).mean(dim=-1), n)  # means [B, C, T]


def between_frames(means: Tensor, length: int) -> Tensor:
    """Per-mel-frame values ``[B, C, T]`` → linearly interpolated between the frames' centres onto
    ``length`` head frames ``[B, C, length]`` (edges held)."""
    # align_corners=False puts head frame k at mel coordinate (k + 0.5) / per_frame - 0.5: the centres
    return F.interpolate(means, size=length, mode="linear", align_corners=False)


def mel_frame_means(conv: nn.Conv1d, x: Tensor, per_frame: int) -> Tensor:
    """``conv(x)`` ``[B, O, T * per_frame]`` averaged over each mel frame's ``per_frame`` outputs
    → ``[B, O, T]``, without computing the outputs: the mean of ``per_frame`` neighbouring outputs
    of a convolution is one output of the same convolution with its kernel box-filtered over
    ``per_frame`` taps, taken with stride ``per_frame``. ``conv``: stride 1, "same" padding."""
    box = derived_from(conv, f"box{per_frame}", conv.weight, lambda w: box_filtered(w, per_frame))  # [O, I, K + P - 1]
    return F.conv1d(x, box, conv.bias, stride=per_frame, padding=conv.padding)


def box_filtered(weight: Tensor, per_frame: int) -> Tensor:
    """Kernels ``[O, I, K]`` convolved with a ``per_frame``-tap box of height ``1 / per_frame``
    → ``[O, I, K + per_frame - 1]`` (a sliding mean over the zero-padded taps)."""
    padded = F.pad(weight, (per_frame - 1, per_frame - 1))  # [O, I, K + 2P - 2]
    return padded.unfold(-1, per_frame, 1).mean(dim=-1)  # [O, I, K + P - 1]


class FilteredNoiseHead(SourceFilterHead):
    """Features ``[B, C, N]``, the excitation and white noise (both ``[B, 1, N * hop]``) → waveform.

    Per bin and frame: ``gain * STFT(excitation) + magnitude * STFT(noise)``: a harmonic-plus-noise
    source-filter model whose only periodic part is the excitation's.
    """

    outputs_per_bin = 2  # log-gain on the excitation, log-magnitude on the noise

    def forward(self, x: Tensor, excitation: Tensor, noise: Optional[Tensor] = None) -> Tensor:  # type: ignore[override]
        if noise is None:
            raise ValueError("FilteredNoiseHead needs the noise signal [B, 1, N * hop]")
        with full_precision(x):
            out, bins = self._coefficients(x), self.bins  # [B, 2F, N]
            noisy = torch.exp(out[:, bins:].clamp(max=MAX_LOG_MAGNITUDE)) * self.spectrum(noise[:, 0].float())
            return self.inverse(self._filtered_source(out[:, :bins], excitation) + noisy).to(x.dtype)  # [B, N * hop]


@VOCODERS.register("nsf-istft-hifigan")
class NSFISTFTHiFiGAN(SourceFilterVocoder):
    """``mel [B, n_mels, T]`` + ``f0 [B, T]`` Hz → ``wav [B, T * hop_length]``: follows the F0, fast on CPUs."""

    config_class = NSFISTFTHiFiGANConfig
    presets = NSF_ISTFT_PRESETS
    quality = "neural (NSF-iSTFT-HiFi-GAN)"

    def __init__(self, config: NSFISTFTHiFiGANConfig, audio: AudioConfig) -> None:
        super().__init__(audio)
        self.config = config
        self.source = build_source(config, audio)
        head = FilteredNoiseHead if config.free_part == "noise" else SourceFilterHead
        self.backbone, self.head = build_istft_generator(config, audio, head)
        if config.filter_rate == "mel":
            self.head.mel_rate = self.backbone.samples_per_frame  # head frames per mel frame
        self.injectors = build_injectors(self.backbone.channels, config.upsample_rates, config.istft_hop)

    def receptive_field(self) -> float:
        smoothing = 1.0 if self.config.filter_rate == "mel" else 0.0  # interpolation reaches the next frame
        return (self.backbone.receptive_field()
                + head_field(self.config, self.backbone.samples_per_frame, self.hop_length)
                + injector_field(self.injectors, self.hop_length, self.config.pre_kernel_size) + smoothing)

    def generate(self, mel: Tensor, f0: Optional[Tensor], position: ChunkPosition) -> Tensor:
        excitation, inject = self.excite(f0, position)  # [B, 1, T * hop], one map per stage
        features = self.backbone(mel, inject)
        if self.config.free_part == "learned":
            return self.head(features, excitation)  # [B, T * hop]
        seed = noise_seed(self.training, self.config.noise_seed)
        noise = index_noise(excitation.shape[0], position.start_frame * self.hop_length, excitation.shape[-1],
                            seed + FREE_NOISE_SEED_OFFSET, excitation.device)[:, None, :]  # [B, 1, T * hop]
        return self.head(features, excitation, noise)  # [B, T * hop]
