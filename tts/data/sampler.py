"""Length-bucketed batches under a frame budget, sharded across distributed ranks."""

from __future__ import annotations

import random
from typing import Iterator, Sequence

from torch.utils.data import Sampler


class BucketBatchSampler(Sampler[list[int]]):
    """Batches of items of similar length.

    Items are sorted by length inside shuffled windows of ``bucket_batches`` batches, packed
    greedily so that a batch holds at most ``batch_size`` items and (when ``max_frames`` > 0) at
    most ``max_frames`` padded frames (``len(batch) * longest``), then the batches are shuffled.
    With ``num_replicas`` > 1 each rank takes every ``num_replicas``-th batch, and every rank gets
    the same number of batches so that DDP steps stay in lockstep.
    """

    def __init__(
        self,
        lengths: Sequence[int],
        batch_size: int,
        max_frames: int = 0,
        shuffle: bool = True,
        seed: int = 0,
        bucket_batches: int = 32,
        rank: int = 0,
        num_replicas: int = 1,
    ) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be >= 1")
        self.lengths = list(lengths)
        self.batch_size = batch_size
        self.max_frames = max_frames
        self.shuffle = shuffle
        self.seed = seed
        self.bucket_batches = bucket_batches
        self.rank = rank
        self.num_replicas = num_replicas
        self.epoch = 0

    def set_epoch(self, epoch: int) -> None:
        """Reshuffle differently for each epoch (same order on every rank)."""
        self.epoch = epoch

    def _batches(self) -> list[list[int]]:
        rng = random.Random(self.seed + self.epoch)
        order = list(range(len(self.lengths)))
        if self.shuffle:
            rng.shuffle(order)
        window = self.batch_size * self.bucket_batches
        batches: list[list[int]] = []
        for start in range(0, len(order), window):
            chunk = sorted(order[start:start + window], key=lambda i: self.lengths[i])
            batch: list[int] = []
            longest = 0
            for index in chunk:
                length = self.lengths[index]
                grown = max(longest, length) * (len(batch) + 1)
                if batch and (len(batch) >= self.batch_size or (self.max_frames and grown > self.max_frames)):
                    batches.append(batch)
                    batch, longest = [], 0
                batch.append(index)
                longest = max(longest, length)
            if batch:
                batches.append(batch)
        if self.shuffle:
            rng.shuffle(batches)
        if self.num_replicas > 1:
            per_rank = len(batches) // self.num_replicas
            if per_rank == 0:
                raise ValueError(f"{len(batches)} batches cannot feed {self.num_replicas} ranks")
            batches = batches[self.rank:per_rank * self.num_replicas:self.num_replicas]
        return batches

    def __iter__(self) -> Iterator[list[int]]:
        return iter(self._batches())

    def __len__(self) -> int:
        return len(self._batches())
