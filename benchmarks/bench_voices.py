"""The shipped voices end to end: text → wav and score → wav real-time factors, start-up, peak memory.

    python benchmarks/bench_voices.py [--threads 2] [--repeats 5] [--vocoder zh-demo-istft] [--precision auto] \
        [--fast-sing-vocoder zh-sing-nsf-istft]

- Speech: the default voice (``tts.cli.DEFAULT_VOICE``) and its vocoder render a 27-character
  sentence (frontend, acoustic model, vocoder; the first render warms up); the median real-time
  factor of ``--repeats`` renders is printed.
- Singing: the default singing voice sings the shipped example score, with its default sampler steps
  and with the fastest (one DPM-Solver step); median real-time factors. ``--fast-sing-vocoder`` adds
  a row with the one-step sampler and that vocoder (the fastest singing path).
- Start-up: ``tts synth`` run as a new process on a short sentence — the wall time from launch to the
  written wav (Python start, imports, model loading included) and the process's peak resident memory.

Issue targets (2-core CPU): speech RTF ≤ 0.05 (aim 0.02), singing RTF ≤ 0.1, peak memory of
``tts synth`` ≤ 1 GB.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import torch

SENTENCE = "今天下午三点，我们在图书馆门口见面，然后一起去看电影。"  # 27 characters, 25 of them Han
SHORT = "你好，世界。"
REPO = Path(__file__).resolve().parents[1]


def median_rtf(render, repeats: int) -> float:
    """Median wall seconds per audio second of ``render() -> (samples, rate)``, after one warm-up."""
    render()
    factors = []
    for _ in range(repeats):
        start = time.perf_counter()
        samples, rate = render()
        factors.append((time.perf_counter() - start) / (len(samples) / rate))
    return statistics.median(factors)


def start_up(text: str, extra: list[str]) -> tuple[float, float]:
    """Wall seconds of a fresh ``tts synth`` process writing a wav, and its peak RSS in MiB."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.wav"
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        subprocess.run([sys.executable, str(REPO / "cli.py"), "synth", text, "-o", str(out), *extra],
                       check=True, capture_output=True)
        wall = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        if not out.is_file():
            raise SystemExit("tts synth wrote nothing")
    return wall, max(peak, before) / 1024.0  # ru_maxrss is in KiB on Linux


FASTEST_STEPS = 1  # DPM-Solver steps of the fastest singing path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--vocoder", default=None, help="speech vocoder instead of the voice's own")
    parser.add_argument("--precision", default="auto", help="vocoder precision: auto, float32, bfloat16")
    parser.add_argument("--fast-sing-vocoder", default=None, help="also sing one-step with this vocoder")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)

    from tts.cli import DEFAULT_SING_VOICE, DEFAULT_VOICE
    from tts.synth.registry import SHIPPED_VOICES
    from tts.synth.singer import Singer
    from tts.synth.synthesizer import Synthesizer

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, torch {torch.__version__}, "
          f"{torch.get_num_threads()} threads, load average {load:.2f}")
    synth = Synthesizer.from_voice(DEFAULT_VOICE, vocoder=args.vocoder, precision=args.precision)
    vocoder = getattr(synth.vocoder, "precision", "-")
    speech = median_rtf(lambda: (lambda r: (r.wav, r.sample_rate))(synth.tts(SENTENCE)), args.repeats)
    print(f"speech  {DEFAULT_VOICE} + {Path(synth.vocoder_name).name} ({vocoder}): {len(SENTENCE)} characters, "
          f"RTF {speech:.4f}   [target <= 0.05, aim 0.02]")

    score = SHIPPED_VOICES.parent / "scores" / "ni_hao_shi_jie.musicxml"
    runs = [(None, None, "default sampler"), (None, FASTEST_STEPS, "1-step sampler")]
    if args.fast_sing_vocoder:
        runs.append((args.fast_sing_vocoder, FASTEST_STEPS, "1-step sampler"))
    singers: dict = {}  # one load per vocoder
    for vocoder_name, steps, label in runs:
        if vocoder_name not in singers:
            singers[vocoder_name] = Singer.from_voice(DEFAULT_SING_VOICE, vocoder=vocoder_name, precision=args.precision)
        singer = singers[vocoder_name]
        factor = median_rtf(lambda s=steps: (lambda r: (r.wav, r.sample_rate))(singer.sing(score, steps=s, seed=0)),
                            args.repeats)
        print(f"singing {DEFAULT_SING_VOICE} + {Path(singer.vocoder_name).name}, {score.name}, {label}: RTF {factor:.4f}"
              f"   [target <= 0.1{'' if steps is None else '; fastest <= 0.03'}]")

    extra = (["--vocoder", args.vocoder] if args.vocoder else []) + ["--precision", args.precision]
    walls, peaks = zip(*(start_up(SHORT, extra) for _ in range(3)))
    print(f"start-up: `tts synth {SHORT}` from launch to the written wav {statistics.median(walls):.2f} s "
          f"(median of 3), peak memory {max(peaks):.0f} MiB   [target <= 1024 MiB]")


if __name__ == "__main__":
    main()
