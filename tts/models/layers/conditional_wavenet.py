"""A non-causal, gated WaveNet stack with an optional frame-level condition (the "WN" of WaveGlow,
Glow-TTS and VITS, written for this project): the network inside affine couplings and the
PortaSpeech VAE encoder / decoder.

Each layer: dilated conv ``C → 2C`` (dilation ``rate ** i``), plus the layer's slice of one 1x1
projection of the condition, gated ``tanh · sigmoid``, then a 1x1 conv into a residual half and a
skip half (the last layer has only a skip). The output is the sum of the skips, zero on padding.
"""

from __future__ import annotations

from typing import Optional

import torch
from torch import Tensor, nn


class ConditionalWaveNet(nn.Module):
    """``x [B, C, T]`` (+ ``cond [B, C_cond, T]``) → ``[B, C, T]``; padded frames stay zero."""

    def __init__(self, channels: int, kernel_size: int, dilation_rate: int, n_layers: int,
                 cond_channels: int = 0, dropout: float = 0.0) -> None:
        super().__init__()
        if kernel_size % 2 == 0:
            raise ValueError(f"WaveNet kernel size must be odd to keep frames aligned, got {kernel_size}")
        if n_layers < 1:
            raise ValueError(f"a WaveNet needs at least one layer, got {n_layers}")
        self.channels = channels
        self.n_layers = n_layers
        self.dropout = nn.Dropout(dropout)
        self.cond = nn.Conv1d(cond_channels, 2 * channels * n_layers, 1) if cond_channels > 0 else None
        self.dilated = nn.ModuleList()
        self.res_skip = nn.ModuleList()
        for i in range(n_layers):
            dilation = dilation_rate**i
            self.dilated.append(nn.Conv1d(channels, 2 * channels, kernel_size, dilation=dilation,
                                          padding=dilation * (kernel_size // 2)))
            out = 2 * channels if i < n_layers - 1 else channels  # the last layer only feeds the skips
            self.res_skip.append(nn.Conv1d(channels, out, 1))

    def forward(self, x: Tensor, mask: Tensor, cond: Optional[Tensor] = None) -> Tensor:
        """x [B, C, T], mask [B, 1, T] float, cond [B, C_cond, T] or None → [B, C, T]."""
        if (cond is None) != (self.cond is None):
            raise ValueError("this WaveNet was built " + ("with" if self.cond is not None else "without")
                             + " a condition")
        conditions = self.cond(cond) if self.cond is not None and cond is not None else None  # [B, 2CL, T]
        skips = torch.zeros_like(x)
        width = 2 * self.channels
        for i, (dilated, res_skip) in enumerate(zip(self.dilated, self.res_skip)):
            h = dilated(x * mask)  # [B, 2C, T]
            if conditions is not None:
                h = h + conditions[:, i * width:(i + 1) * width]
            filt, gate = h.chunk(2, dim=1)
            acts = self.dropout(torch.tanh(filt) * torch.sigmoid(gate))  # [B, C, T]
            out = res_skip(acts)
            if i < self.n_layers - 1:
                residual, skip = out.chunk(2, dim=1)
                x = (x + residual) * mask
                skips = skips + skip
            else:
                skips = skips + out
        return skips * mask
