"""Training step time of a run, read from its TensorBoard log: the wall-clock time between logged steps.

    python benchmarks/step_time.py RUN_DIR [--tag train/total] [--skip 1]

(Without ``--tag``, the first ``train/`` scalar is used: ``train/total`` for one-phase models,
``train/generator/total`` and the like for GANs.)

``tts train`` reports seconds per step over the whole call, which includes start-up (CUDA context,
first kernels) and the checkpoint and validation written at the end. The scalars it logs every
``train.log_every`` steps carry wall-clock stamps, so the time from the first kept stamp to the last
divided by the steps between them is the pure training-step time (periodic checkpoints or
validations falling strictly inside the window are included, as they are in a real run). The first
``--skip`` logged points are dropped as warm-up.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def logged_times(run_dir: Path, tag: str | None) -> list[tuple[int, float]]:
    """``(step, wall_time)`` of every ``tag`` scalar (default: the first ``train/`` one) in the run's
    event files, sorted by step."""
    from tensorboard.backend.event_processing.event_accumulator import EventAccumulator

    points: dict[int, float] = {}
    for events in sorted((run_dir / "logs").rglob("events.out.tfevents.*")):
        accumulator = EventAccumulator(str(events), size_guidance={"scalars": 0})
        accumulator.Reload()
        if tag is None:
            tag = next((t for t in sorted(accumulator.Tags().get("scalars", [])) if t.startswith("train/")), None)
        if tag in accumulator.Tags().get("scalars", []):
            for event in accumulator.Scalars(tag):
                points[event.step] = event.wall_time  # a resumed run re-logs a step: keep the latest
    return sorted(points.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("run_dir", type=Path)
    parser.add_argument("--tag", default=None, help="a scalar logged every train.log_every steps")
    parser.add_argument("--skip", type=int, default=1, help="logged points dropped as warm-up")
    args = parser.parse_args()
    points = logged_times(args.run_dir, args.tag)[args.skip:]
    if len(points) < 2:
        raise SystemExit(f"{args.run_dir}: fewer than two '{args.tag or 'train/...'}' points after skipping {args.skip}; "
                         "lower train.log_every or train longer")
    (first_step, first_time), (last_step, last_time) = points[0], points[-1]
    per_step = (last_time - first_time) / (last_step - first_step)
    print(f"{args.run_dir}: steps {first_step}-{last_step}: {per_step * 1000:.1f} ms/step "
          f"({1 / per_step:.2f} steps/s)")


if __name__ == "__main__":
    main()
