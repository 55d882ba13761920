"""Building blocks shared by the models, plus the two mask helpers every block uses.

Import blocks from their modules (``tts.models.layers.transformer``, ``…conv``); masks are boolean
``[B, T]`` tensors, ``True`` on real positions.
"""

from __future__ import annotations

from typing import Optional

import torch
from torch import Tensor


def sequence_mask(lengths: Tensor, max_length: Optional[int] = None) -> Tensor:
    """``[B]`` lengths → ``[B, max_length]`` bool mask, True where ``t < lengths[b]``."""
    size = int(lengths.max()) if max_length is None else max_length
    steps = torch.arange(size, device=lengths.device)  # [T]
    return steps[None, :] < lengths[:, None]  # [B, T]


def masked_mean(values: Tensor, mask: Tensor) -> Tensor:
    """Mean of ``values`` over positions where ``mask`` is True.

    ``mask`` broadcasts from the left: ``values`` [B, T, …] with ``mask`` [B, T] averages every
    trailing element of the real positions. Returns a scalar; 0 when nothing is real.
    """
    while mask.dim() < values.dim():
        mask = mask.unsqueeze(-1)
    weights = mask.to(values.dtype).expand_as(values)
    return (values * weights).sum() / weights.sum().clamp(min=1.0)
