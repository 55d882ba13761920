"""Normalizing-flow steps over ``[B, C, T]`` sequences, each invertible with an exact log-determinant.

Every step maps ``x → y`` and returns ``logdet [B]`` = log |det ∂y/∂x| summed over real frames;
``reverse=True`` runs the inverse (and returns the log-determinant of the inverse map). Padded
frames (``mask`` 0) pass through as zeros and add nothing to the log-determinant.

Steps (Glow, Kingma & Dhariwal 2018; RealNVP, Dinh et al. 2017):

- :class:`ActNorm`: per-channel scale and bias, starting at the identity (no data-dependent
  initialization, so checkpoints and distributed runs need no special first batch).
- :class:`InvertibleConv1x1`: a learned channel mixing in Glow's LU form ``W = P L (U + diag(s))``,
  whose log-determinant is ``sum(log |s|)`` per frame.
- :class:`ChannelFlip`: reverses the channel order (log-determinant 0), the cheap alternative.
- :class:`AffineCoupling`: the first half of the channels, through a conditioned WaveNet, gives a
  shift and a log-scale for the second half. The log-scale is soft-clamped to
  ``±LOG_SCALE_LIMIT`` so an early step cannot blow up; the last conv starts at zero, so an
  untrained coupling is the identity.

:func:`squeeze` / :func:`unsqueeze` fold ``factor`` frames into channels (and back).
"""

from __future__ import annotations

import math
from typing import Optional

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from tts.models.layers.conditional_wavenet import ConditionalWaveNet

LOG_SCALE_LIMIT = 4.0  # |log-scale| of a coupling stays below this (scale within e^±4)
LOG_2PI = math.log(2.0 * math.pi)


def frames_of(mask: Tensor) -> Tensor:
    """Real frames per utterance: mask [B, 1, T] → [B]."""
    return mask.sum(dim=(1, 2))


class FlowStep(nn.Module):
    """One invertible map; subclasses implement :meth:`forward`."""

    def forward(self, x: Tensor, mask: Tensor, cond: Optional[Tensor] = None,
                reverse: bool = False) -> tuple[Tensor, Tensor]:  # pragma: no cover - interface
        """x [B, C, T], mask [B, 1, T], cond [B, C_cond, T] or None → (y [B, C, T], logdet [B])."""
        raise NotImplementedError


class ActNorm(FlowStep):
    """``y = x * exp(log_scale) + bias`` per channel."""

    def __init__(self, channels: int) -> None:
        super().__init__()
        self.log_scale = nn.Parameter(torch.zeros(1, channels, 1))
        self.bias = nn.Parameter(torch.zeros(1, channels, 1))

    def forward(self, x: Tensor, mask: Tensor, cond: Optional[Tensor] = None,
                reverse: bool = False) -> tuple[Tensor, Tensor]:
        logdet = self.log_scale.sum() * frames_of(mask)  # [B]
        if reverse:
            return (x - self.bias) * torch.exp(-self.log_scale) * mask, -logdet
        return (x * torch.exp(self.log_scale) + self.bias) * mask, logdet


class InvertibleConv1x1(FlowStep):
    """Glow's invertible 1x1 convolution in LU form, initialized to a random rotation."""

    def __init__(self, channels: int, seed: int = 0) -> None:
        super().__init__()
        generator = torch.Generator().manual_seed(seed)
        rotation = torch.linalg.qr(torch.randn(channels, channels, generator=generator))[0]
        permutation, lower, upper = torch.linalg.lu(rotation)
        diagonal = torch.diagonal(upper)
        self.register_buffer("permutation", permutation)
        self.register_buffer("sign_s", torch.sign(diagonal))
        self.register_buffer("lower_mask", torch.tril(torch.ones(channels, channels), -1))
        self.register_buffer("eye", torch.eye(channels))
        self.lower = nn.Parameter(lower)
        self.upper = nn.Parameter(torch.triu(upper, 1))
        self.log_s = nn.Parameter(torch.log(diagonal.abs()))

    def weight(self) -> Tensor:
        """The ``[C, C]`` mixing matrix."""
        lower = self.lower * self.lower_mask + self.eye
        upper = self.upper * self.lower_mask.T + torch.diag(self.sign_s * torch.exp(self.log_s))
        return self.permutation @ lower @ upper

    def forward(self, x: Tensor, mask: Tensor, cond: Optional[Tensor] = None,
                reverse: bool = False) -> tuple[Tensor, Tensor]:
        logdet = self.log_s.sum() * frames_of(mask)  # [B]
        weight = self.weight()
        if reverse:
            weight = torch.linalg.inv(weight.double()).to(x.dtype)
            logdet = -logdet
        return F.conv1d(x, weight[:, :, None]) * mask, logdet


class ChannelFlip(FlowStep):
    """Reverses the channel order so the next coupling transforms the other half."""

    def forward(self, x: Tensor, mask: Tensor, cond: Optional[Tensor] = None,
                reverse: bool = False) -> tuple[Tensor, Tensor]:
        return torch.flip(x, dims=[1]) * mask, x.new_zeros(x.shape[0])


class AffineCoupling(FlowStep):
    """``y_b = x_b * exp(s(x_a, c)) + m(x_a, c)``, ``y_a = x_a`` (halves ``a``, ``b`` of the channels)."""

    def __init__(self, channels: int, hidden: int, kernel_size: int, dilation_rate: int, n_layers: int,
                 cond_channels: int = 0, dropout: float = 0.0) -> None:
        super().__init__()
        if channels % 2:
            raise ValueError(f"an affine coupling needs an even channel count, got {channels}")
        self.half = channels // 2
        self.pre = nn.Conv1d(self.half, hidden, 1)
        self.net = ConditionalWaveNet(hidden, kernel_size, dilation_rate, n_layers, cond_channels, dropout)
        self.post = nn.Conv1d(hidden, 2 * (channels - self.half), 1)
        nn.init.zeros_(self.post.weight)
        nn.init.zeros_(self.post.bias)

    def forward(self, x: Tensor, mask: Tensor, cond: Optional[Tensor] = None,
                reverse: bool = False) -> tuple[Tensor, Tensor]:
        x_a, x_b = x[:, : self.half], x[:, self.half:]
        h = self.net(self.pre(x_a) * mask, mask, cond)  # [B, hidden, T]
        shift, raw_log_scale = self.post(h).chunk(2, dim=1)  # each [B, C - half, T]
        log_scale = LOG_SCALE_LIMIT * torch.tanh(raw_log_scale / LOG_SCALE_LIMIT) * mask
        logdet = log_scale.sum(dim=(1, 2))  # [B]
        if reverse:
            y_b = (x_b - shift) * torch.exp(-log_scale) * mask
            return torch.cat([x_a, y_b], dim=1), -logdet
        y_b = (x_b * torch.exp(log_scale) + shift) * mask
        return torch.cat([x_a, y_b], dim=1), logdet


class Flow(nn.Module):
    """A chain of flow steps; ``reverse`` runs them backwards, each inverted."""

    def __init__(self, steps: list[FlowStep]) -> None:
        super().__init__()
        self.steps = nn.ModuleList(steps)

    def forward(self, x: Tensor, mask: Tensor, cond: Optional[Tensor] = None,
                reverse: bool = False) -> tuple[Tensor, Tensor]:
        """x [B, C, T] → (y [B, C, T], total logdet [B])."""
        total = x.new_zeros(x.shape[0])
        for step in (reversed(self.steps) if reverse else self.steps):
            x, logdet = step(x, mask, cond, reverse=reverse)
            total = total + logdet
        return x, total


def glow_flow(channels: int, n_steps: int, hidden: int, kernel_size: int, n_layers: int,
              cond_channels: int, dropout: float = 0.0, dilation_rate: int = 1) -> Flow:
    """Glow steps: (ActNorm → invertible 1x1 conv → affine coupling) × ``n_steps``."""
    steps: list[FlowStep] = []
    for i in range(n_steps):
        steps += [ActNorm(channels), InvertibleConv1x1(channels, seed=i),
                  AffineCoupling(channels, hidden, kernel_size, dilation_rate, n_layers, cond_channels, dropout)]
    return Flow(steps)


def coupling_flow(channels: int, n_steps: int, hidden: int, kernel_size: int, n_layers: int,
                  cond_channels: int, dropout: float = 0.0, dilation_rate: int = 1) -> Flow:
    """Light steps for small latents: (affine coupling → channel flip) × ``n_steps``."""
    steps: list[FlowStep] = []
    for _ in range(n_steps):
        steps += [AffineCoupling(channels, hidden, kernel_size, dilation_rate, n_layers, cond_channels, dropout),
                  ChannelFlip()]
    return Flow(steps)


def standard_normal_logp(z: Tensor, mask: Tensor) -> Tensor:
    """Sum of log N(z; 0, 1) over real elements: z [B, C, T], mask [B, 1, T] → [B]."""
    return (-0.5 * (z**2 + LOG_2PI) * mask).sum(dim=(1, 2))


def pad_to_multiple(x: Tensor, mask: Tensor, factor: int) -> tuple[Tensor, Tensor]:
    """Right-pad x [B, C, T] and mask [B, 1, T] with zeros to a multiple of ``factor`` frames."""
    extra = (-x.shape[-1]) % factor
    if extra == 0:
        return x, mask
    return F.pad(x, (0, extra)), F.pad(mask, (0, extra))


def squeeze(x: Tensor, mask: Tensor, factor: int) -> tuple[Tensor, Tensor]:
    """x [B, C, T] (T divisible by ``factor``) → [B, C*factor, T/factor]; a group is real if its
    first frame is. Channel ``c * factor + k`` holds channel ``c`` of the group's frame ``k``."""
    batch, channels, length = x.shape
    if length % factor:
        raise ValueError(f"squeeze needs a multiple of {factor} frames, got {length}")
    folded = x.view(batch, channels, length // factor, factor).permute(0, 1, 3, 2)
    return folded.reshape(batch, channels * factor, length // factor), mask[:, :, ::factor]


def unsqueeze(x: Tensor, factor: int) -> Tensor:
    """Inverse of :func:`squeeze`: [B, C*factor, T'] → [B, C, T'*factor]."""
    batch, channels, length = x.shape
    unfolded = x.view(batch, channels // factor, factor, length).permute(0, 1, 3, 2)
    return unfolded.reshape(batch, channels // factor, length * factor)
