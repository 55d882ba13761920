"""A WaveNet-style non-causal denoiser for mel diffusion (as in DiffWave and DiffSinger).

Input ``x_t`` [B, n_mels, T] → 1x1 conv → ``n_layers`` residual blocks, each: add the projected
diffusion-step embedding, a dilated conv (dilation ``2 ** (i % cycle)``), add the projected
conditioning, gated tanh·sigmoid, 1x1 conv split into a residual and a skip path. The summed skips
go through two 1x1 convs to the predicted noise; the last one starts at zero, so an untrained
denoiser predicts no noise.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Union

import torch
import torch.nn.functional as F
from torch import Tensor, nn

STEP_EMBEDDING_BASE = 10000.0  # wavelength base of the sinusoidal step embedding
STEP_MLP_EXPANSION = 4  # hidden width of the step-embedding MLP, as a multiple of the channels


def step_embedding(steps: Tensor, dim: int) -> Tensor:
    """Diffusion steps [B] → sinusoidal features [B, dim] (sin half, cos half)."""
    half = dim // 2
    rates = torch.exp(-math.log(STEP_EMBEDDING_BASE) * torch.arange(half, device=steps.device) / max(half - 1, 1))
    angles = steps.float()[:, None] * rates[None, :]  # [B, dim/2]
    return torch.cat([angles.sin(), angles.cos()], dim=-1)


class ResidualBlock(nn.Module):
    """One gated, dilated residual block conditioned on the step and a frame-level sequence."""

    def __init__(self, channels: int, cond_channels: int, kernel_size: int, dilation: int) -> None:
        super().__init__()
        self.step_proj = nn.Linear(channels, channels)
        self.dilated = nn.Conv1d(channels, 2 * channels, kernel_size, padding=dilation * (kernel_size // 2),
                                 dilation=dilation)
        self.cond_proj = nn.Conv1d(cond_channels, 2 * channels, 1)
        self.out_proj = nn.Conv1d(channels, 2 * channels, 1)

    def forward(self, x: Tensor, step: Tensor, cond: Tensor, keep: Tensor) -> tuple[Tensor, Tensor]:
        """x [B, C, T], step [B, C], projected cond [B, 2C, T], keep [B, 1, T] → (residual out, skip)."""
        y = (x + self.step_proj(step)[:, :, None]) * keep
        y = self.dilated(y) + cond  # [B, 2C, T]
        gate, filt = y.chunk(2, dim=1)
        y = torch.sigmoid(gate) * torch.tanh(filt)  # [B, C, T]
        residual, skip = self.out_proj(y).chunk(2, dim=1)
        return (x + residual) / math.sqrt(2.0), skip


@dataclass
class ProjectedCondition:
    """The conditioning already projected for every block: it is the same at every sampler step,
    so samplers project it once (:meth:`WaveNetDenoiser.project`) instead of once per step."""

    per_block: list[Tensor]  # one [B, 2C, T] per residual block


class WaveNetDenoiser(nn.Module):
    """Predicts the noise in ``x_t`` given the step and the conditioning sequence."""

    def __init__(self, n_mels: int, cond_channels: int, channels: int, n_layers: int,
                 dilation_cycle: int, kernel_size: int) -> None:
        super().__init__()
        if kernel_size % 2 == 0:
            raise ValueError(f"the denoiser's kernel size must be odd, got {kernel_size}")
        if channels % 2:
            raise ValueError(f"the denoiser's channels must be even (sin/cos step features), got {channels}")
        self.channels = channels
        self.input_proj = nn.Conv1d(n_mels, channels, 1)
        self.step_mlp = nn.Sequential(
            nn.Linear(channels, channels * STEP_MLP_EXPANSION),
            nn.Mish(),
            nn.Linear(channels * STEP_MLP_EXPANSION, channels),
        )
        self.blocks = nn.ModuleList(
            ResidualBlock(channels, cond_channels, kernel_size, 2 ** (i % dilation_cycle)) for i in range(n_layers)
        )
        self.skip_proj = nn.Conv1d(channels, channels, 1)
        self.output_proj = nn.Conv1d(channels, n_mels, 1, bias=False)
        nn.init.zeros_(self.output_proj.weight)

    def project(self, cond: Tensor, mask: Tensor) -> ProjectedCondition:
        """cond [B, C_cond, T], mask [B, T] → each block's projection of it."""
        cond = cond * mask[:, None, :].to(cond.dtype)
        return ProjectedCondition([block.cond_proj(cond) for block in self.blocks])

    def forward(self, x: Tensor, steps: Tensor, cond: Union[Tensor, ProjectedCondition], mask: Tensor) -> Tensor:
        """x [B, n_mels, T], steps [B] long, cond [B, C_cond, T] (or projected), mask [B, T] → noise [B, n_mels, T]."""
        keep = mask[:, None, :].to(x.dtype)  # [B, 1, T]
        h = F.relu(self.input_proj(x * keep)) * keep  # [B, C, T]
        step = self.step_mlp(step_embedding(steps, self.channels))  # [B, C]
        projected = cond if isinstance(cond, ProjectedCondition) else self.project(cond, mask)
        skips = torch.zeros_like(h)
        for block, block_cond in zip(self.blocks, projected.per_block):
            h, skip = block(h, step, block_cond, keep)
            skips = skips + skip
        h = F.relu(self.skip_proj(skips / math.sqrt(len(self.blocks)))) * keep
        return self.output_proj(h) * keep
