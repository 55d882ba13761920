"""Learning-rate schedule: linear warm-up, then inverse square-root decay (as in the Transformer)."""

from __future__ import annotations

import math

import torch


def warmup_inverse_sqrt(optimizer: torch.optim.Optimizer, warmup_steps: int) -> torch.optim.lr_scheduler.LambdaLR:
    """Scale the base LR by ``step / warmup`` during warm-up, then by ``sqrt(warmup / step)``."""
    warmup = max(1, warmup_steps)

    def factor(step: int) -> float:
        step = max(1, step)
        return step / warmup if step < warmup else math.sqrt(warmup / step)

    return torch.optim.lr_scheduler.LambdaLR(optimizer, factor)
