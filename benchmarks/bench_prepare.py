"""Prepare speed: audio seconds per wall second for mel + energy + F0 (dio) + durations.

    python benchmarks/bench_prepare.py [--utterances 200] [--jobs N]

Builds a demo corpus in a temporary folder (not timed), then times `prepare` on it with the
shipped 22.05 kHz config. Target (issue 2): >= 30x real time on a 2-core machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--utterances", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()

    from tts.config import load_config
    from tts.data.demo_zh import build_demo_zh
    from tts.data.prepare import prepare_features

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "demo"
        build_demo_zh(corpus, utterances=args.utterances, seed=0, progress=False)
        recipe = Path(tmp) / "recipe.yaml"
        recipe.write_text(
            f"base: [{REPO}/configs/audio/22k.yaml]\nname: bench\nrun_dir: {tmp}/run\n"
            f"data:\n  corpus: folder\n  path: {corpus}\n  duration_source: alignment\n",
            encoding="utf-8",
        )
        start = time.perf_counter()
        summary = prepare_features(load_config(recipe), jobs=args.jobs, progress=False)
        total = time.perf_counter() - start
    print(f"machine: {platform.machine()} {platform.system()}, {os.cpu_count()} CPUs, python {platform.python_version()}")
    print(f"items: {summary.computed} computed, {len(summary.skipped)} skipped, jobs {args.jobs}")
    print(f"audio: {summary.audio_seconds:.1f} s; extraction wall: {summary.wall_seconds:.2f} s "
          f"-> {summary.realtime:.1f}x real time")
    print(f"whole prepare incl. corpus read, split and statistics: {total:.2f} s "
          f"-> {summary.audio_seconds / total:.1f}x real time")


if __name__ == "__main__":
    main()
