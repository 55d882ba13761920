"""Throughput of the Mandarin demo-corpus builder (espeak-ng rendering, alignment, writing).

Builds ``--utterances`` utterances into a temporary folder and prints the audio produced, the
wall-clock time, the speed as × real time (audio seconds per wall second), the CPU time of the
parent and its workers, and the machine it ran on. A second build of the same folder measures
the skip path (everything already complete). Wall time includes loading pypinyin / jieba and
starting the worker processes.

    python benchmarks/bench_demo_corpus.py --utterances 200 --jobs 2
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tts.data.demo_zh import build_demo_zh  # noqa: E402


def _cpu_seconds() -> float:
    """User + system CPU of this process and of its finished children (the workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--utterances", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: CPUs)")
    parser.add_argument("--sample-rate", type=int, default=22050)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"machine: {platform.platform()}, python {platform.python_version()}, "
          f"{os.cpu_count()} CPUs, load average {load:.2f} at start")
    with tempfile.TemporaryDirectory(prefix="bench-demo-zh-") as folder:
        out = Path(folder) / "demo_zh"
        cpu0, wall0 = _cpu_seconds(), time.perf_counter()
        summary = build_demo_zh(out, args.utterances, seed=args.seed,
                                sample_rate=args.sample_rate, jobs=args.jobs, progress=False)
        wall = time.perf_counter() - wall0
        cpu = _cpu_seconds() - cpu0
        again0 = time.perf_counter()
        repeat = build_demo_zh(out, args.utterances, seed=args.seed,
                               sample_rate=args.sample_rate, jobs=args.jobs, progress=False)
        again = time.perf_counter() - again0
    jobs = args.jobs or os.cpu_count()
    print(f"utterances:        {summary.utterances} ({summary.rendered} rendered), "
          f"{jobs} jobs, {args.sample_rate} Hz")
    print(f"audio:             {summary.seconds:.1f} s")
    print(f"wall:              {wall:.2f} s")
    print(f"speed:             {summary.seconds / wall:.1f} x real time")
    print(f"cpu (all procs):   {cpu:.2f} s = {summary.seconds / cpu:.1f} audio s per cpu s")
    print(f"second run:        {again:.2f} s, {repeat.skipped} skipped, {repeat.rendered} rendered")
    print(f"coverage minimum:  {summary.coverage.minimum()} "
          f"(least covered: {', '.join(summary.coverage.below(summary.coverage.minimum() + 1))})")


if __name__ == "__main__":
    main()
