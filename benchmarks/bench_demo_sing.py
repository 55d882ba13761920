"""Demo singing corpus: build rate and how exactly the rendered audio follows its target F0.

Builds ``--songs`` songs into a temporary folder and prints the audio produced, the wall-clock
time, the speed as × real time (audio seconds per wall second), the CPU time of the parent and
its workers, and the machine it ran on. Then, per song, F0 is extracted from the written wav
(tts.audio.pitch, 5 ms hop) with two extractors — WORLD DIO and Praat (parselmouth), the
latter independent of the WORLD synthesizer — and compared with the stored target curve on
sustained vowel frames (60 ms away from every note boundary, so outside glides and consonants):
the median and 90th percentile of the absolute error in cents, pooled over all songs, and the
share of frames whose voicing disagrees with the target. Wall time includes loading
pypinyin / jieba and starting the worker processes.

    nice -n 10 python benchmarks/bench_demo_sing.py --songs 20 --jobs 1
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import soundfile as sf

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tts.data.demo_sing import F0Errors, build_demo_sing, f0_errors  # noqa: E402

EXTRACTORS = ("dio", "parselmouth")


def _cpu_seconds() -> float:
    """User + system CPU of this process and of its finished children (the workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _errors(root: Path, record: dict, method: str) -> F0Errors:
    samples, sr = sf.read(str(root / "segments" / "wavs" / f"{record['id']}.wav"), dtype="float32")
    target = np.load(root / record["f0"]["path"]).astype(np.float64)
    return f0_errors(samples, sr, record, target, method)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--songs", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=1, help="worker processes")
    parser.add_argument("--sample-rate", type=int, default=22050)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"machine: {platform.platform()}, python {platform.python_version()}, "
          f"{os.cpu_count()} CPUs, load average {load:.2f} at start, nice {os.nice(0)}")
    with tempfile.TemporaryDirectory(prefix="bench-demo-sing-") as folder:
        out = Path(folder) / "demo_sing"
        cpu0, wall0 = _cpu_seconds(), time.perf_counter()
        summary = build_demo_sing(out, args.songs, seed=args.seed, sample_rate=args.sample_rate,
                                  jobs=args.jobs, progress=False)
        wall = time.perf_counter() - wall0
        cpu = _cpu_seconds() - cpu0
        records = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((out / "scores").glob("*.json"))]
        print(f"songs:             {summary.songs}, {summary.notes} notes ({summary.melismas} melisma notes), "
              f"{summary.breaths} breaths, {args.jobs} jobs, {args.sample_rate} Hz")
        print(f"audio:             {summary.seconds:.1f} s")
        print(f"wall:              {wall:.2f} s")
        print(f"speed:             {summary.seconds / wall:.1f} x real time")
        print(f"cpu (all procs):   {cpu:.2f} s = {summary.seconds / cpu:.1f} audio s per cpu s")
        for method in EXTRACTORS:
            pooled, wrong, total = [], 0, 0
            for record in records:
                errors = _errors(out, record, method)
                pooled.append(errors.cents)
                wrong += errors.vuv_disagreements
                total += errors.frames
            cents = np.concatenate(pooled)
            print(f"F0 vs target ({method:11s}): median {np.median(cents):.2f} cents, "
                  f"p90 {np.percentile(cents, 90):.2f}, max {cents.max():.1f} over {cents.size} sustained "
                  f"frames; V/UV disagreement {100 * wrong / total:.1f} % of {total} frames")


if __name__ == "__main__":
    main()
