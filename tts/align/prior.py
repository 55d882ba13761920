"""The beta-binomial alignment prior (Badlani et al. 2021, "One TTS Alignment To Rule Them All").

For an utterance of ``N`` tokens and ``T`` frames, frame ``t`` (1-based) gets a beta-binomial
distribution over token index ``k = 0 .. N-1`` with ``alpha = w * t`` and ``beta = w * (T - t + 1)``:
its mass sits near the diagonal ``k / N ~ t / T`` and widens as ``w`` (the scaling) shrinks. Added
in the log domain to the attention scores, it makes the first steps of training find a near-diagonal
alignment instead of a degenerate one.

Computed in torch with ``lgamma`` so a padded batch gets its priors in one call, on any device.
"""

from __future__ import annotations

import torch
from torch import Tensor


def _log_beta(a: Tensor, b: Tensor) -> Tensor:
    return torch.lgamma(a) + torch.lgamma(b) - torch.lgamma(a + b)


def beta_binomial_log_prior(text_lengths: Tensor, mel_lengths: Tensor, max_text: int, max_frames: int,
                            scaling: float = 1.0) -> Tensor:
    """Log prior ``[B, T, N]`` (frames × tokens); 0 outside each item's ``[T_b, N_b]`` block.

    text_lengths / mel_lengths: ``[B]`` long. Inside the block every frame's row is a normalized
    log-distribution over its item's tokens.
    """
    device = text_lengths.device
    n = text_lengths.to(torch.float64)[:, None, None]  # [B, 1, 1]
    frames = mel_lengths.to(torch.float64)[:, None, None]  # [B, 1, 1]
    k = torch.arange(max_text, device=device, dtype=torch.float64)[None, None, :]  # [1, 1, N]
    t = torch.arange(1, max_frames + 1, device=device, dtype=torch.float64)[None, :, None]  # [1, T, 1]
    alpha = scaling * t
    beta = scaling * (frames - t + 1).clamp(min=1.0)
    trials = (n - 1).clamp(min=0.0)
    k_in = torch.minimum(k, trials)  # keep lgamma arguments positive on padded tokens
    log_choose = torch.lgamma(trials + 1) - torch.lgamma(k_in + 1) - torch.lgamma(trials - k_in + 1)
    log_prior = log_choose + _log_beta(k_in + alpha, trials - k_in + beta) - _log_beta(alpha, beta)  # [B, T, N]
    inside = (k < n) & (t <= frames)
    return torch.where(inside, log_prior, torch.zeros_like(log_prior)).to(torch.float32)
