"""HiFi-GAN's discriminators: multi-period (MPD) and multi-scale (MSD), as one module.

Facts from Kong, Kim & Bae (2020): each MPD sub-discriminator folds the waveform into a 2-D grid of
``period`` columns and runs strided (k × 1) convolutions over it, so it sees equally spaced samples
(periods 2, 3, 5, 7, 11 avoid overlaps); the MSD (from MelGAN) runs grouped strided 1-D convolutions
on the raw waveform and on ×2 and ×4 average-pooled copies, the raw scale with spectral
normalization, the others with weight normalization. Every sub-discriminator returns its final
logits and the feature map after each hidden layer (for the feature-matching loss).
"""

from __future__ import annotations

from dataclasses import dataclass

import torch.nn.functional as F
from torch import Tensor, nn
from torch.nn.utils.parametrizations import spectral_norm, weight_norm

from tts.errors import ConfigError
from tts.models.layers.vocoder_blocks import LRELU_SLOPE

MPD_KERNEL = 5  # (k × 1) kernel of the MPD's hidden convs (paper: 5)
MPD_STRIDE = 3  # stride of all but the MPD's last hidden conv (paper: 3)
POST_KERNEL = 3  # kernel of the final 1-channel conv of both discriminators
POOL_KERNEL = 4  # MSD average pooling between scales (MelGAN: kernel 4, stride 2, padding 2)
POOL_STRIDE = 2
POOL_PADDING = 2


@dataclass
class DiscriminatorConfig:
    """MPD + MSD hyper-parameters. Scope: training only (a vocoder voice carries no discriminator)."""

    periods: tuple[int, ...] = (2, 3, 5, 7, 11)  # one MPD sub-discriminator per period (paper)
    mpd_channels: tuple[int, ...] = (32, 128, 512, 1024, 1024)  # MPD hidden convs; all but the last stride 3
    scales: int = 3  # MSD sub-discriminators: raw, ×2 and ×4 average-pooled waveform (paper: 3)
    msd_channels: tuple[int, ...] = (128, 128, 256, 512, 1024, 1024, 1024)  # MSD hidden convs (MelGAN)
    msd_kernels: tuple[int, ...] = (15, 41, 41, 41, 41, 41, 5)  # MSD kernel per hidden conv (MelGAN)
    msd_strides: tuple[int, ...] = (1, 2, 2, 4, 4, 1, 1)  # MSD stride per hidden conv (MelGAN)
    msd_groups: tuple[int, ...] = (1, 4, 16, 16, 16, 16, 1)  # MSD conv groups per hidden conv (MelGAN)

    def __post_init__(self) -> None:  # YAML gives lists where the dataclass wants tuples
        for name in ("periods", "mpd_channels", "msd_channels", "msd_kernels", "msd_strides", "msd_groups"):
            setattr(self, name, tuple(int(v) for v in getattr(self, name)))
        problems = []
        if any(p < 1 for p in self.periods) or not self.mpd_channels:
            problems.append("periods must be >= 1 and mpd_channels non-empty")
        if self.scales < 0:
            problems.append("scales must be >= 0")
        if not self.periods and not self.scales:
            problems.append("at least one period or scale is needed")
        lengths = {len(self.msd_channels), len(self.msd_kernels), len(self.msd_strides), len(self.msd_groups)}
        if len(lengths) != 1:
            problems.append("msd_channels, msd_kernels, msd_strides and msd_groups need equal lengths")
        else:
            in_channels = (1, *self.msd_channels[:-1])
            for c_in, c_out, g in zip(in_channels, self.msd_channels, self.msd_groups):
                if g < 1 or c_in % g or c_out % g:
                    problems.append(f"MSD conv {c_in}→{c_out} channels cannot be split into {g} groups")
        if any(k % 2 == 0 for k in self.msd_kernels):
            problems.append("msd_kernels must be odd")
        if problems:
            raise ConfigError("DiscriminatorConfig: " + "; ".join(problems))


@dataclass
class DiscriminatorOutput:
    """One sub-discriminator's verdict on a batch."""

    logits: Tensor  # [B, N] per-patch realness scores (LSGAN target: 1 real, 0 fake)
    features: list[Tensor]  # hidden feature maps, input to the feature-matching loss


class PeriodDiscriminator(nn.Module):
    """MPD sub-discriminator: ``wav [B, 1, S]`` folded to ``[B, 1, ⌈S / p⌉, p]``."""

    def __init__(self, period: int, channels: tuple[int, ...]) -> None:
        super().__init__()
        self.period = period
        pad = (MPD_KERNEL // 2, 0)
        ins = (1, *channels[:-1])
        self.convs = nn.ModuleList(
            weight_norm(nn.Conv2d(c_in, c_out, (MPD_KERNEL, 1), (MPD_STRIDE if i < len(channels) - 1 else 1, 1), pad))
            for i, (c_in, c_out) in enumerate(zip(ins, channels))
        )
        self.post = weight_norm(nn.Conv2d(channels[-1], 1, (POST_KERNEL, 1), 1, (POST_KERNEL // 2, 0)))

    def forward(self, wav: Tensor) -> DiscriminatorOutput:
        batch, chans, samples = wav.shape
        if samples % self.period:  # reflect-pad to a whole number of periods
            wav = F.pad(wav, (0, self.period - samples % self.period), mode="reflect")
        x = wav.view(batch, chans, -1, self.period)  # [B, 1, S / p, p]
        features = []
        for conv in self.convs:
            x = F.leaky_relu(conv(x), LRELU_SLOPE)
            features.append(x)
        x = self.post(x)
        features.append(x)
        return DiscriminatorOutput(logits=x.flatten(1), features=features)


class ScaleDiscriminator(nn.Module):
    """MSD sub-discriminator over ``wav [B, 1, S]`` (already pooled to its scale)."""

    def __init__(self, config: DiscriminatorConfig, spectral: bool) -> None:
        super().__init__()
        norm = spectral_norm if spectral else weight_norm
        ins = (1, *config.msd_channels[:-1])
        self.convs = nn.ModuleList(
            norm(nn.Conv1d(c_in, c_out, k, s, groups=g, padding=k // 2))
            for c_in, c_out, k, s, g in zip(ins, config.msd_channels, config.msd_kernels,
                                           config.msd_strides, config.msd_groups)
        )
        self.post = norm(nn.Conv1d(config.msd_channels[-1], 1, POST_KERNEL, 1, padding=POST_KERNEL // 2))

    def forward(self, wav: Tensor) -> DiscriminatorOutput:
        x = wav
        features = []
        for conv in self.convs:
            x = F.leaky_relu(conv(x), LRELU_SLOPE)
            features.append(x)
        x = self.post(x)
        features.append(x)
        return DiscriminatorOutput(logits=x.flatten(1), features=features)


class Discriminators(nn.Module):
    """MPD + MSD: ``wav [B, 1, S]`` → one :class:`DiscriminatorOutput` per sub-discriminator
    (the periods in order, then the scales from raw to most pooled)."""

    def __init__(self, config: DiscriminatorConfig) -> None:
        super().__init__()
        self.config = config
        self.periods = nn.ModuleList(PeriodDiscriminator(p, config.mpd_channels) for p in config.periods)
        self.scales = nn.ModuleList(ScaleDiscriminator(config, spectral=(i == 0)) for i in range(config.scales))
        self.pool = nn.AvgPool1d(POOL_KERNEL, POOL_STRIDE, padding=POOL_PADDING)

    def forward(self, wav: Tensor) -> list[DiscriminatorOutput]:
        if wav.dim() != 3 or wav.shape[1] != 1:
            raise ValueError(f"discriminators expect a waveform [B, 1, S], got {tuple(wav.shape)}")
        outputs = [d(wav) for d in self.periods]
        x = wav
        for i, d in enumerate(self.scales):
            if i > 0:
                x = self.pool(x)  # [B, 1, ~S / 2**i]
            outputs.append(d(x))
        return outputs
