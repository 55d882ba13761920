"""Which utterances the aligner must not align: text far too long or short for the audio, and
alignments far less certain than the rest of the corpus.

Forced alignment always returns *some* path, so a transcript that belongs to another recording, or
that misses half its sentence, would be aligned into garbage durations that silently hurt the
voice. Two screens catch that before and after alignment:

- before: the frames-per-phoneme ratio. Fewer frames than phonemes cannot be aligned at all; a
  ratio more than ``ratio_tolerance`` times off the corpus median means the text does not fit
  (speaking rate varies by far less than a factor of three within one corpus).
- after: the alignment cost (mean -log probability of the chosen phoneme per frame). Items whose
  cost lies more than ``cost_tolerance`` robust standard deviations (scaled MAD) above the corpus
  median matched their audio much worse than their peers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

MAD_TO_STD = 1.4826  # median absolute deviation → standard deviation of a normal distribution
MIN_MAD = 0.02  # floor of the cost spread, so a corpus of near-identical costs keeps its near-misses


@dataclass
class Rejection:
    """An item the aligner leaves without durations, and why."""

    id: str
    reason: str


def ratio_rejections(ids: Sequence[str], frames: Sequence[int], phones: Sequence[int],
                     tolerance: float) -> list[Rejection]:
    """Items whose frames per phoneme is impossible (< 1) or ``tolerance`` times off the median."""
    ratios = np.asarray(frames, dtype=np.float64) / np.maximum(np.asarray(phones, dtype=np.float64), 1.0)
    median = float(np.median(ratios)) if len(ratios) else 0.0
    rejected = []
    for item_id, n_frames, n_phones, ratio in zip(ids, frames, phones, ratios):
        if n_phones > n_frames:
            rejected.append(Rejection(item_id, f"text too long for its audio: {n_phones} phonemes "
                                               f"but only {n_frames} frames"))
        elif ratio < median / tolerance:
            rejected.append(Rejection(item_id, f"text too long for its audio: {ratio:.1f} frames per phoneme, "
                                               f"corpus median {median:.1f}"))
        elif ratio > median * tolerance:
            rejected.append(Rejection(item_id, f"text too short for its audio: {ratio:.1f} frames per phoneme, "
                                               f"corpus median {median:.1f}"))
    return rejected


@dataclass
class CostLimit:
    """The highest alignment cost accepted, and the corpus figures it came from."""

    median: float
    spread: float  # robust standard deviation (scaled MAD, floored)
    limit: float


def cost_limit(costs: Sequence[float], tolerance: float) -> CostLimit:
    """``median + tolerance * spread`` over every aligned item's cost."""
    values = np.asarray(costs, dtype=np.float64)
    median = float(np.median(values))
    spread = max(MIN_MAD, MAD_TO_STD * float(np.median(np.abs(values - median))))
    return CostLimit(median, spread, median + tolerance * spread)


def cost_rejection(item_id: str, cost: float, limit: CostLimit) -> Rejection:
    return Rejection(item_id, f"alignment failed: cost {cost:.2f} far above the corpus "
                              f"(median {limit.median:.2f}, limit {limit.limit:.2f}); check its transcript")
