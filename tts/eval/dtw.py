"""Dynamic time warping between a reference and a synthesized feature sequence.

Plain numpy: the accumulated cost is filled one anti-diagonal at a time (every cell of an
anti-diagonal depends only on the two before it), so a 2000 × 2000 alignment takes a fraction of a
second without a JIT compiler. Steps are (1, 1), (1, 0) and (0, 1) with equal weight, the path runs
from (0, 0) to (N-1, M-1), and ties prefer the diagonal.

Memory is one float64 matrix of N × M cells (2000 × 2000 frames = 32 MB).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.spatial.distance import cdist

from tts.errors import InputError


@dataclass
class AlignmentPath:
    """Monotonic frame pairing: reference frame ``ref[k]`` is matched to synthesized ``syn[k]``.

    ``ref`` and ``syn`` are int64 ``[L]`` with ``max(N, M) <= L <= N + M - 1``, both starting at 0
    and ending at the last frame of their sequence.
    """

    ref: np.ndarray
    syn: np.ndarray

    def __len__(self) -> int:
        return int(self.ref.shape[0])

    @classmethod
    def identity(cls, frames: int) -> "AlignmentPath":
        """Frame t paired with frame t, for sequences already on the same time grid."""
        idx = np.arange(frames, dtype=np.int64)
        return cls(ref=idx, syn=idx.copy())


def dtw_path(cost: np.ndarray) -> AlignmentPath:
    """Cheapest monotonic path through a local cost matrix ``cost [N, M]`` (N reference frames)."""
    if cost.ndim != 2 or cost.shape[0] == 0 or cost.shape[1] == 0:
        raise InputError(f"dtw_path: expected a non-empty [N, M] cost matrix, got {cost.shape}")
    if not np.all(np.isfinite(cost)):
        raise InputError("dtw_path: the cost matrix holds NaN or infinite values")
    acc = _accumulate(cost.astype(np.float64, copy=False))
    return _backtrack(acc)


def _accumulate(cost: np.ndarray) -> np.ndarray:
    """Accumulated cost with an infinite border, ``acc [N+1, M+1]``; cell (i, j) is acc[i+1, j+1].

    acc[i+1, j+1] = cost[i, j] + min(acc[i, j], acc[i, j+1], acc[i+1, j]). In the flattened
    padded matrix the cells of anti-diagonal i + j = k sit ``M`` apart, and so do their three
    predecessors, so each anti-diagonal is a few strided slices.
    """
    n, m = cost.shape
    acc = np.full((n + 1, m + 1), np.inf)
    acc[0, 0] = 0.0
    padded = np.zeros((n + 1, m + 1))
    padded[1:, 1:] = cost
    flat_acc, flat_cost = acc.reshape(-1), padded.reshape(-1)  # views
    for k in range(n + m - 1):  # anti-diagonal i + j = k
        first, last = max(0, k - m + 1), min(n - 1, k)  # range of i on it
        start = first * m + k + m + 2  # flat index of (first+1, k-first+1)
        cells = slice(start, start + (last - first) * m + 1, m)
        up = flat_acc[start - m - 1 : cells.stop - m - 1 : m]  # (i-1, j)
        left = flat_acc[start - 1 : cells.stop - 1 : m]  # (i, j-1)
        diag = flat_acc[start - m - 2 : cells.stop - m - 2 : m]  # (i-1, j-1)
        flat_acc[cells] = flat_cost[cells] + np.minimum(diag, np.minimum(up, left))
    return acc


def _backtrack(acc: np.ndarray) -> AlignmentPath:
    """Walk back from the last cell to (0, 0) along the cheapest predecessor (diagonal on ties).

    ``acc`` is the padded ``[N+1, M+1]`` matrix of :func:`_accumulate`.
    """
    i, j = acc.shape[0] - 2, acc.shape[1] - 2
    ref, syn = [i], [j]
    while i > 0 or j > 0:
        diag, up, left = acc[i, j], acc[i, j + 1], acc[i + 1, j]  # (i-1, j-1), (i-1, j), (i, j-1)
        if diag <= up and diag <= left:
            i, j = i - 1, j - 1
        elif up <= left:
            i -= 1
        else:
            j -= 1
        ref.append(i)
        syn.append(j)
    return AlignmentPath(
        ref=np.asarray(ref[::-1], dtype=np.int64), syn=np.asarray(syn[::-1], dtype=np.int64)
    )


def align_frames(ref_feat: np.ndarray, syn_feat: np.ndarray) -> AlignmentPath:
    """DTW on Euclidean frame distances between ``ref_feat [N, D]`` and ``syn_feat [M, D]``.

    One-dimensional inputs ``[N]`` / ``[M]`` (e.g. log-F0) are treated as D = 1.
    """
    ref = np.asarray(ref_feat, dtype=np.float64)
    syn = np.asarray(syn_feat, dtype=np.float64)
    ref = ref[:, None] if ref.ndim == 1 else ref
    syn = syn[:, None] if syn.ndim == 1 else syn
    if ref.ndim != 2 or syn.ndim != 2 or ref.shape[1] != syn.shape[1]:
        raise InputError(
            f"align_frames: expected [N, D] and [M, D] features, got {ref_feat.shape} "
            f"and {syn_feat.shape}"
        )
    if ref.shape[0] == 0 or syn.shape[0] == 0:
        raise InputError("align_frames: cannot align an empty sequence")
    return dtw_path(cdist(ref, syn))  # [N, M]
