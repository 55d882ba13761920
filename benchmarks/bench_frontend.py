"""Frontend speed: sentences per second, one thread, resources loaded once.

    python benchmarks/bench_frontend.py [--sentences 2000] [--data /work/shared/data/cpp]

Reads encyclopedia/news-style sentences (the CPP dev sentences, markers removed; they carry
numbers, dates and Latin names, so normalization is exercised too) and runs the whole frontend
(overrides, normalization, segmentation, dictionary, polyphone model, sandhi, erhua, phonemes) on
each, one call per sentence. Loading is timed separately. Target: >= 500 sentences/s on one core.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=2000)
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data/cpp"))
    args = parser.parse_args()

    import torch

    torch.set_num_threads(1)
    from tts.text.frontend import Frontend

    lines = (args.data / "dev.sent").read_text(encoding="utf-8").replace("\u2581", "").splitlines()
    sentences = lines[:args.sentences]
    start = time.perf_counter()
    frontend = Frontend()
    frontend("预热一下：银行行长。")  # a polyphone, so the BiLSTM kernel is loaded (or compiled) here
    load = time.perf_counter() - start

    start = time.perf_counter()
    phonemes = 0
    for sentence in sentences:
        phonemes += len(frontend(sentence).phonemes)
    elapsed = time.perf_counter() - start
    chars = sum(len(s) for s in sentences)
    print(f"machine: {platform.processor() or platform.machine()}, torch threads: {torch.get_num_threads()}")
    print(f"load: {load:.2f} s")
    print(f"{len(sentences)} sentences ({chars / len(sentences):.1f} characters on average), "
          f"{phonemes} phonemes in {elapsed:.2f} s")
    print(f"{len(sentences) / elapsed:.0f} sentences/s, {chars / elapsed:.0f} characters/s")


if __name__ == "__main__":
    main()
