"""Feed-forward Transformer (FFT) blocks of FastSpeech: self-attention plus a conv feed-forward.

Post-norm residual blocks as in FastSpeech (Ren et al., 2019): ``x = LN(x + Attn(x))`` then
``x = LN(x + ConvFFN(x))``. Tensors are ``[B, T, C]``; padded positions are excluded from
attention keys and zeroed after every sub-layer, so their content never reaches a real position.
"""

from __future__ import annotations

import math
from typing import Literal, Sequence

import torch
import torch.nn.functional as F
from torch import Tensor, nn

PositionKind = Literal["sinusoidal", "learned"]
SINUSOID_BASE = 10000.0  # wavelength base of "Attention Is All You Need" positions


def sinusoidal_positions(length: int, dim: int, device: torch.device) -> Tensor:
    """``[length, dim]`` sinusoidal position table: sin on even channels, cos on odd ones."""
    if dim % 2:
        raise ValueError(f"sinusoidal positions need an even dimension, got {dim}")
    position = torch.arange(length, device=device, dtype=torch.float32)[:, None]  # [T, 1]
    rates = torch.exp(
        torch.arange(0, dim, 2, device=device, dtype=torch.float32)
        * (-math.log(SINUSOID_BASE) / dim)
    )  # [C/2]
    table = torch.zeros(length, dim, device=device)
    table[:, 0::2] = torch.sin(position * rates)
    table[:, 1::2] = torch.cos(position * rates)
    return table


class PositionalEncoding(nn.Module):
    """Adds positions to ``[B, T, C]``: fixed sinusoids (any length) or a learned table."""

    def __init__(self, dim: int, kind: PositionKind, max_positions: int) -> None:
        super().__init__()
        self.dim = dim
        self.kind = kind
        self.max_positions = max_positions
        if kind == "learned":
            self.table = nn.Embedding(max_positions, dim)
        elif kind != "sinusoidal":
            raise ValueError(f"unknown position kind {kind!r}")

    def forward(self, x: Tensor) -> Tensor:
        length = x.shape[1]
        if self.kind == "sinusoidal":
            return x + sinusoidal_positions(length, self.dim, x.device).to(x.dtype)[None]
        if length > self.max_positions:
            raise ValueError(
                f"sequence of {length} steps exceeds max_positions={self.max_positions}"
            )
        return x + self.table.weight[:length][None]


class MultiHeadSelfAttention(nn.Module):
    """Scaled dot-product self-attention whose keys skip padded positions."""

    def __init__(self, dim: int, n_heads: int, dropout: float) -> None:
        super().__init__()
        if dim % n_heads:
            raise ValueError(f"dimension {dim} is not divisible by {n_heads} heads")
        self.n_heads = n_heads
        self.dropout = dropout
        self.qkv = nn.Linear(dim, 3 * dim)
        self.out = nn.Linear(dim, dim)

    def forward(self, x: Tensor, mask: Tensor) -> Tensor:
        """x [B, T, C], mask [B, T] → [B, T, C]."""
        batch, length, dim = x.shape
        head_dim = dim // self.n_heads
        qkv = self.qkv(x).view(batch, length, 3, self.n_heads, head_dim)
        q, k, v = qkv.permute(2, 0, 3, 1, 4)  # each [B, H, T, D]
        key_mask = mask[:, None, None, :]  # [B, 1, 1, T], True = may attend
        y = F.scaled_dot_product_attention(
            q, k, v, attn_mask=key_mask, dropout_p=self.dropout if self.training else 0.0
        )  # [B, H, T, D]
        return self.out(y.transpose(1, 2).reshape(batch, length, dim))


class ConvFeedForward(nn.Module):
    """Two 1-D convolutions over time with a ReLU between (FastSpeech's position-wise FFN)."""

    def __init__(
        self, dim: int, hidden_dim: int, kernel_sizes: Sequence[int], dropout: float
    ) -> None:
        super().__init__()
        first, second = kernel_sizes
        for kernel in (first, second):
            if kernel % 2 == 0:
                raise ValueError(f"feed-forward kernel sizes must be odd, got {kernel}")
        self.conv_in = nn.Conv1d(dim, hidden_dim, first, padding=first // 2)
        self.conv_out = nn.Conv1d(hidden_dim, dim, second, padding=second // 2)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x: Tensor, mask: Tensor) -> Tensor:
        """x [B, T, C], mask [B, T] → [B, T, C]; padded inputs are zeroed before each conv."""
        keep = mask[:, None, :].to(x.dtype)  # [B, 1, T]
        h = x.transpose(1, 2) * keep  # [B, C, T]
        h = self.dropout(F.relu(self.conv_in(h))) * keep  # [B, H, T]
        return self.conv_out(h).transpose(1, 2)  # [B, T, C]


class FFTBlock(nn.Module):
    """One post-norm FFT block: self-attention and conv feed-forward, each residual + LayerNorm."""

    def __init__(
        self, dim: int, n_heads: int, ffn_dim: int, ffn_kernel_sizes: Sequence[int], dropout: float
    ) -> None:
        super().__init__()
        self.attention = MultiHeadSelfAttention(dim, n_heads, dropout)
        self.attention_norm = nn.LayerNorm(dim)
        self.feed_forward = ConvFeedForward(dim, ffn_dim, ffn_kernel_sizes, dropout)
        self.feed_forward_norm = nn.LayerNorm(dim)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x: Tensor, mask: Tensor) -> Tensor:
        """x [B, T, C], mask [B, T] → [B, T, C], zero on padding."""
        keep = mask[..., None].to(x.dtype)  # [B, T, 1]
        x = self.attention_norm(x + self.dropout(self.attention(x, mask))) * keep
        x = self.feed_forward_norm(x + self.dropout(self.feed_forward(x, mask))) * keep
        return x


class FFTStack(nn.Module):
    """Positions + ``n_layers`` FFT blocks: FastSpeech's phoneme encoder and mel decoder."""

    def __init__(
        self,
        n_layers: int,
        dim: int,
        n_heads: int,
        ffn_dim: int,
        ffn_kernel_sizes: Sequence[int],
        dropout: float,
        positions: PositionKind,
        max_positions: int,
    ) -> None:
        super().__init__()
        self.positions = PositionalEncoding(dim, positions, max_positions)
        self.dropout = nn.Dropout(dropout)
        self.blocks = nn.ModuleList(
            FFTBlock(dim, n_heads, ffn_dim, ffn_kernel_sizes, dropout) for _ in range(n_layers)
        )

    def forward(self, x: Tensor, mask: Tensor) -> Tensor:
        """x [B, T, C], mask [B, T] → [B, T, C], zero on padding."""
        x = self.dropout(self.positions(x)) * mask[..., None].to(x.dtype)
        for block in self.blocks:
            x = block(x, mask)
        return x
