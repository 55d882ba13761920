"""Learning-rate schedules: warm-up then inverse square-root decay (Transformer), or exponential decay (HiFi-GAN)."""

from __future__ import annotations

import math

import torch

from tts.errors import ConfigError


def warmup_inverse_sqrt(optimizer: torch.optim.Optimizer, warmup_steps: int) -> torch.optim.lr_scheduler.LambdaLR:
    """Scale the base LR by ``step / warmup`` during warm-up, then by ``sqrt(warmup / step)``."""
    warmup = max(1, warmup_steps)

    def factor(step: int) -> float:
        step = max(1, step)
        return step / warmup if step < warmup else math.sqrt(warmup / step)

    return torch.optim.lr_scheduler.LambdaLR(optimizer, factor)


def exponential_decay(optimizer: torch.optim.Optimizer, decay: float, every: int) -> torch.optim.lr_scheduler.LambdaLR:
    """Scale the base LR by ``decay ** (step / every)``: HiFi-GAN's per-epoch decay, smooth and corpus-size free."""
    if not 0.0 < decay <= 1.0 or every < 1:
        raise ConfigError(f"train.lr_decay must be in (0, 1] and train.lr_decay_steps >= 1, got {decay} and {every}")

    def factor(step: int) -> float:
        return decay ** (step / every)

    return torch.optim.lr_scheduler.LambdaLR(optimizer, factor)
