"""Monotonic alignment search (MAS): the best hard alignment of text tokens to frames.

Given log-probabilities ``log_p[n, t]`` that frame ``t`` belongs to token ``n``, MAS finds the path
that assigns every frame to exactly one token, visits the tokens in order, gives every token at
least one frame, and maximizes the summed log-probability (Glow-TTS, Kim et al. 2020; used to
harden soft attention in Badlani et al. 2021). Dynamic programme, O(N * T):

    Q[n, t] = log_p[n, t] + max(Q[n, t - 1], Q[n - 1, t - 1]),  Q[0, 0] = log_p[0, 0]

then a backtrace from ``(N - 1, T - 1)``. Compiled with numba; ties go to staying on the same token.
"""

from __future__ import annotations

import numba
import numpy as np

from tts.errors import InputError

_NEG_INF = -np.inf


@numba.njit(cache=True)
def _mas_path(log_p: np.ndarray) -> np.ndarray:  # pragma: no cover  (compiled)
    """Token index per frame ``[T]`` of the best monotonic path through ``log_p`` ``[N, T]``."""
    n_tokens, n_frames = log_p.shape
    q = np.full((n_tokens, n_frames), _NEG_INF)
    q[0, 0] = log_p[0, 0]
    for t in range(1, n_frames):
        # token n can be reached at frame t only if n <= t and N - n <= T - t (room for the rest)
        low = max(0, n_tokens - (n_frames - t))
        high = min(n_tokens - 1, t)
        for n in range(low, high + 1):
            stay = q[n, t - 1]
            move = q[n - 1, t - 1] if n > 0 else _NEG_INF
            q[n, t] = log_p[n, t] + (stay if stay >= move else move)
    path = np.zeros(n_frames, dtype=np.int64)
    n = n_tokens - 1
    for t in range(n_frames - 1, -1, -1):
        path[t] = n
        if t > 0 and n > 0 and (n == t or q[n - 1, t - 1] > q[n, t - 1]):
            n -= 1
    return path


def mas_path(log_p: np.ndarray) -> np.ndarray:
    """Token index of every frame, ``[T]`` int64, non-decreasing from 0 to N - 1 in steps of 0 or 1.

    ``log_p``: ``[N, T]`` log-probabilities (any finite scores) with ``N <= T``.
    """
    log_p = np.ascontiguousarray(log_p, dtype=np.float64)
    if log_p.ndim != 2 or 0 in log_p.shape:
        raise InputError(f"monotonic alignment search needs a non-empty [N, T] matrix, got {log_p.shape}")
    n_tokens, n_frames = log_p.shape
    if n_tokens > n_frames:
        raise InputError(f"cannot align {n_tokens} phonemes to {n_frames} frames: "
                         "every phoneme needs at least one frame")
    if not np.isfinite(log_p).all():
        raise InputError("monotonic alignment search got non-finite scores")
    return _mas_path(log_p)


def path_to_durations(path: np.ndarray, n_tokens: int) -> np.ndarray:
    """Frames per token ``[N]`` int64 of a MAS path ``[T]`` (sums to T; every entry >= 1 for MAS paths)."""
    return np.bincount(np.asarray(path, dtype=np.int64), minlength=n_tokens).astype(np.int64)


def durations_to_hard(durations: np.ndarray, n_frames: int) -> np.ndarray:
    """The 0/1 alignment matrix ``[N, T]`` float32 of per-token frame counts ``[N]``."""
    hard = np.zeros((len(durations), n_frames), dtype=np.float32)
    start = 0
    for n, d in enumerate(np.asarray(durations, dtype=np.int64)):
        hard[n, start:start + d] = 1.0
        start += d
    return hard


def mas_durations(log_p: np.ndarray) -> np.ndarray:
    """Frames per token ``[N]`` of the best monotonic alignment of ``log_p`` ``[N, T]``."""
    return path_to_durations(mas_path(log_p), log_p.shape[0])
