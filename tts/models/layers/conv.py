"""Masked 1-D convolution stacks over ``[B, T, C]``: variance-predictor bodies and the post-net.

Padded frames are zeroed before every convolution, so they read as the conv's own zero padding
and never change a real frame. Normalization is LayerNorm over channels (per frame) rather than
BatchNorm, whose batch statistics would mix in padded frames and other utterances.
"""

from __future__ import annotations

from typing import Literal, Optional

from torch import Tensor, nn

Activation = Literal["relu", "tanh"]


class ConvBlock(nn.Module):
    """Conv1d over time → optional LayerNorm → optional activation → dropout."""

    def __init__(
        self,
        in_dim: int,
        out_dim: int,
        kernel_size: int,
        dropout: float,
        activation: Optional[Activation],
        norm: bool,
    ) -> None:
        super().__init__()
        if kernel_size % 2 == 0:
            raise ValueError(f"kernel size must be odd to keep frames aligned, got {kernel_size}")
        self.conv = nn.Conv1d(in_dim, out_dim, kernel_size, padding=kernel_size // 2)
        self.norm = nn.LayerNorm(out_dim) if norm else nn.Identity()
        self.activation: nn.Module
        if activation == "relu":
            self.activation = nn.ReLU()
        elif activation == "tanh":
            self.activation = nn.Tanh()
        elif activation is None:
            self.activation = nn.Identity()
        else:
            raise ValueError(f"unknown activation {activation!r}")
        self.dropout = nn.Dropout(dropout)

    def forward(self, x: Tensor, mask: Tensor) -> Tensor:
        """x [B, T, C_in], mask [B, T] → [B, T, C_out], zero on padding."""
        keep = mask[..., None].to(x.dtype)  # [B, T, 1]
        y = self.conv((x * keep).transpose(1, 2)).transpose(1, 2)  # [B, T, C_out]
        return self.dropout(self.activation(self.norm(y))) * keep


class ConvStack(nn.Module):
    """``n_layers`` ConvBlocks with ReLU and LayerNorm, ``in_dim`` → ``hidden_dim`` channels."""

    def __init__(
        self, in_dim: int, hidden_dim: int, n_layers: int, kernel_size: int, dropout: float
    ) -> None:
        super().__init__()
        self.blocks = nn.ModuleList(
            ConvBlock(
                in_dim if i == 0 else hidden_dim, hidden_dim, kernel_size, dropout, "relu", True
            )
            for i in range(n_layers)
        )

    def forward(self, x: Tensor, mask: Tensor) -> Tensor:
        """x [B, T, C_in], mask [B, T] → [B, T, hidden_dim]."""
        for block in self.blocks:
            x = block(x, mask)
        return x


class PostNet(nn.Module):
    """Tacotron 2's residual post-net: ``n_layers`` convs, tanh between, a linear last layer.

    Returns the correction to add to the decoder's mel, not the refined mel itself.
    """

    def __init__(
        self, n_mels: int, channels: int, n_layers: int, kernel_size: int, dropout: float
    ) -> None:
        super().__init__()
        if n_layers < 2:
            raise ValueError(f"a post-net needs at least 2 layers, got {n_layers}")
        layers = [ConvBlock(n_mels, channels, kernel_size, dropout, "tanh", True)]
        layers += [
            ConvBlock(channels, channels, kernel_size, dropout, "tanh", True)
            for _ in range(n_layers - 2)
        ]
        layers.append(ConvBlock(channels, n_mels, kernel_size, dropout, None, False))
        self.layers = nn.ModuleList(layers)

    def forward(self, mel: Tensor, mask: Tensor) -> Tensor:
        """mel [B, T, n_mels], mask [B, T] → residual [B, T, n_mels], zero on padding."""
        x = mel
        for layer in self.layers:
            x = layer(x, mask)
        return x
