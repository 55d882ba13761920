"""Training cost of the GPU recipes in floating-point operations, to scale one GPU-time figure to another.

    python benchmarks/bench_train_flops.py [--fs2-hours 10 14]

Counts the FLOPs of one training step (forward, summed losses, backward; PyTorch's FlopCounterMode,
matrix products and convolutions) for the two paper-size acoustic recipes on batches shaped like
their corpora, then the whole run (step count of the recipe):

- ``recipes/csmsc_fastspeech2.yaml``: FastSpeech 2, batch 16, CSMSC-like utterances (4.3 s: 12 h
  over 10,000 clips; 45 phonemes).
- ``recipes/opencpop_diffsinger.yaml``: DiffSinger, batch 32, Opencpop-like segments (5 s: 5.2 h
  over 3,756 segments; syllables on 0.4 s notes, see bench_diffsinger.py).

Both run 160 k steps, so a FastSpeech 2 GPU-time figure (``--fs2-hours``, itself an estimate)
bounds the DiffSinger one: from about the same hours, where per-step overheads (kernel launches,
data loading) dominate as they often do for models this small, to the hours times the FLOP ratio,
where arithmetic dominates. An estimate to replace with a timed run (benchmarks/gpu_check.sh)
when a GPU is at hand. Counting needs no GPU and no timing, so the
figures do not depend on the machine.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import torch
from torch.utils.flop_counter import FlopCounterMode

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_diffsinger  # noqa: E402  (sibling benchmark: the synthetic song batch)
import bench_fastspeech2  # noqa: E402  (sibling benchmark: the synthetic utterance batch)

FRAMES_PER_SECOND = 22050 / 256  # both recipes: 22.05 kHz / 256 and 44.1 kHz / 512
STEPS = 160_000  # recipes' train.steps (configs/train/default.yaml, opencpop_diffsinger.yaml)
CSMSC_SECONDS, CSMSC_PHONES, CSMSC_BATCH = 4.3, 45, 16
OPENCPOP_SECONDS, OPENCPOP_BATCH = 5.0, 32


def step_flops(model: torch.nn.Module, batch) -> int:
    """FLOPs of one training step of ``model`` on ``batch`` (forward, loss, backward)."""
    model.train()
    with FlopCounterMode(display=False) as counter:
        loss = sum(model.loss(batch, model(batch)).values())
        loss.backward()
    return int(counter.get_total_flops())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fs2-hours", type=float, nargs=2, default=[10.0, 14.0],
                        help="GPU hours of the FastSpeech 2 CSMSC recipe to scale from (low high)")
    args = parser.parse_args()
    torch.manual_seed(0)
    fs2_batch = bench_fastspeech2.training_batch(CSMSC_BATCH, CSMSC_PHONES,
                                                 round(CSMSC_SECONDS * FRAMES_PER_SECOND))
    fs2 = step_flops(bench_fastspeech2.build("fastspeech2"), fs2_batch)
    ds_batch = bench_diffsinger.training_batch(OPENCPOP_BATCH, OPENCPOP_SECONDS)
    ds = step_flops(bench_diffsinger.build("diffsinger"), ds_batch)
    ratio = ds / fs2
    print(f"FastSpeech 2 (paper size), batch {CSMSC_BATCH} x {fs2_batch.mel.shape[-1]} frames: "
          f"{fs2 / 1e12:.2f} TFLOP per step, {fs2 * STEPS / 1e15:.0f} PFLOP for {STEPS // 1000} k steps")
    print(f"DiffSinger (paper size), batch {OPENCPOP_BATCH} x {ds_batch.mel.shape[-1]} frames: "
          f"{ds / 1e12:.2f} TFLOP per step, {ds * STEPS / 1e15:.0f} PFLOP for {STEPS // 1000} k steps")
    low, high = args.fs2_hours
    print(f"DiffSinger / FastSpeech 2: {ratio:.2f}x the arithmetic per step, same step count: "
          f"{low:g}-{high:g} GPU hours for FastSpeech 2 on CSMSC means about {low:g} (overhead-bound) "
          f"to {high * ratio:.0f} (compute-bound) for DiffSinger on Opencpop (estimate)")


if __name__ == "__main__":
    main()
