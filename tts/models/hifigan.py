"""HiFi-GAN generator (Kong, Kim & Bae 2020) in the paper's V1, V2 and V3 configurations.

mel → conv_pre → [leaky ReLU → transposed conv (×rate) → MRF] per stage → leaky ReLU → conv_post
→ tanh. V1 (~13.9 M parameters) is the quality model, V2 the same shape with 128 initial channels
(~0.9 M), V3 (~1.5 M) the fast one with three stages and type-2 residual blocks. The stages must
multiply to ``audio.hop_length`` (256 at 22.05 kHz; a 44.1 kHz hop of 512 needs another ×2 stage).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import torch
import torch.nn.functional as F
from torch import Tensor, nn
from torch.nn.utils.parametrizations import weight_norm

from tts.audio.params import AudioConfig
from tts.errors import ConfigError
from tts.models.layers.vocoder_blocks import (
    FINAL_LRELU_SLOPE,
    ResBlockKind,
    UpsampleBackbone,
    check_channels,
    check_resblocks,
    check_upsampling,
    nhwc_conv,
)
from tts.models.vocoder import ChunkPosition, VocoderModel, full_precision, widen
from tts.registry import VOCODERS


@dataclass
class HiFiGANConfig:
    """Generator hyper-parameters. Scope: network; every field changes the weights (retrain)."""

    upsample_rates: tuple[int, ...] = (8, 8, 2, 2)  # time upsampling per stage; product = audio.hop_length
    upsample_kernel_sizes: tuple[int, ...] = (16, 16, 4, 4)  # transposed-conv kernels (paper: 2 × rate)
    upsample_initial_channel: int = 512  # channels after conv_pre; each stage halves them (V1: 512)
    resblock_type: ResBlockKind = 1  # 1: two convs per dilation (V1, V2); 2: one conv per dilation (V3)
    resblock_kernel_sizes: tuple[int, ...] = (3, 7, 11)  # one residual block per kernel in each MRF
    resblock_dilations: tuple[tuple[int, ...], ...] = ((1, 3, 5), (1, 3, 5), (1, 3, 5))  # per block
    pre_kernel_size: int = 7  # conv_pre kernel over mel frames (paper: 7)
    post_kernel_size: int = 7  # conv_post kernel over samples (paper: 7)

    def __post_init__(self) -> None:  # YAML gives lists where the dataclass wants tuples
        self.upsample_rates = tuple(int(r) for r in self.upsample_rates)
        self.upsample_kernel_sizes = tuple(int(k) for k in self.upsample_kernel_sizes)
        self.resblock_kernel_sizes = tuple(int(k) for k in self.resblock_kernel_sizes)
        self.resblock_dilations = tuple(tuple(int(d) for d in ds) for ds in self.resblock_dilations)
        name = type(self).__name__
        check_resblocks(name, self.resblock_type, self.resblock_kernel_sizes, self.resblock_dilations)
        check_channels(name, self.upsample_initial_channel, len(self.upsample_rates))
        if self.pre_kernel_size % 2 == 0 or self.post_kernel_size % 2 == 0:
            raise ConfigError(f"{name}: pre_kernel_size and post_kernel_size must be odd")


HIFIGAN_PRESETS: dict[str, HiFiGANConfig] = {
    # paper V1: the quality model
    "hifigan_v1": HiFiGANConfig(),
    # paper V2: V1's shape at 128 initial channels
    "hifigan_v2": HiFiGANConfig(upsample_initial_channel=128),
    # paper V3: three stages, type-2 residual blocks, 256 initial channels
    "hifigan_v3": HiFiGANConfig(
        upsample_rates=(8, 8, 4),
        upsample_kernel_sizes=(16, 16, 8),
        upsample_initial_channel=256,
        resblock_type=2,
        resblock_kernel_sizes=(3, 5, 7),
        resblock_dilations=((1, 2), (2, 6), (3, 12)),
    ),
}


def build_backbone(config: HiFiGANConfig, audio: AudioConfig, upsample_product: int, what: str) -> UpsampleBackbone:
    """The shared conv_pre + upsampling stack, after checking its stages multiply to ``upsample_product``."""
    check_upsampling(type(config).__name__, config.upsample_rates, config.upsample_kernel_sizes,
                     upsample_product, what)
    return UpsampleBackbone(
        n_mels=audio.n_mels,
        initial_channel=config.upsample_initial_channel,
        rates=config.upsample_rates,
        kernels=config.upsample_kernel_sizes,
        kind=config.resblock_type,
        res_kernels=config.resblock_kernel_sizes,
        res_dilations=config.resblock_dilations,
        pre_kernel=config.pre_kernel_size,
    )


def waveform_head(channels: int, kernel: int) -> nn.Conv1d:
    """conv_post: the last features → one sample channel (weight-normalized)."""
    return weight_norm(nn.Conv1d(channels, 1, kernel, padding=kernel // 2))


def tanh_waveform(conv_post: nn.Conv1d, x: Tensor) -> Tensor:
    """Backbone features ``[B, C, L]`` → waveform ``[B, L]`` through leaky ReLU, ``conv_post`` and tanh,
    in float32 even under bfloat16 inference."""
    with full_precision(x):
        x = F.leaky_relu(widen(x), FINAL_LRELU_SLOPE)
        if torch.is_grad_enabled():
            return torch.tanh(conv_post(x)).squeeze(1)
        # inference: the backbone's channels-last features go in as they are (no [B, C, L] copy)
        return torch.tanh(nhwc_conv(x[:, :, None, :], conv_post))[:, 0, 0, :]


@VOCODERS.register("hifigan")
class HiFiGAN(VocoderModel):
    """HiFi-GAN generator: ``mel [B, n_mels, T]`` → ``wav [B, T * hop_length]`` in [-1, 1]."""

    config_class = HiFiGANConfig
    presets = HIFIGAN_PRESETS
    quality = "neural (HiFi-GAN)"

    def __init__(self, config: HiFiGANConfig, audio: AudioConfig) -> None:
        super().__init__(audio)
        self.config = config
        self.backbone = build_backbone(config, audio, audio.hop_length,
                                       f"audio.hop_length = {audio.hop_length}")
        self.conv_post = waveform_head(self.backbone.out_channels, config.post_kernel_size)

    def receptive_field(self) -> float:
        post = (self.config.post_kernel_size - 1) / 2 / self.hop_length
        return self.backbone.receptive_field() + post

    def generate(self, mel: Tensor, f0: Optional[Tensor], position: ChunkPosition) -> Tensor:
        return tanh_waveform(self.conv_post, self.backbone(mel))  # [B, T * hop]
