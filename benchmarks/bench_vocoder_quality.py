"""Vocoder copy-synthesis quality on held-out recordings: MCD, F0 RMSE (cents), V/UV error, speed.

    python benchmarks/bench_vocoder_quality.py --run runs/demo_zh_fastspeech2 \
        runs/demo_zh_hifigan/voice runs/demo_zh_istft/voice [--limit 20] [--griffin-lim]
        [--precision float32,bfloat16]

Each item of the run's test split (held out from every demo recipe, which share one split) is
read from its source recording, turned into a mel and (for NSF vocoders) an F0 track with the
vocoder's own settings, vocoded, and compared with the recording by
:func:`tts.eval.metrics.compare_waves` (WORLD analysis) frame by frame: a vocoder keeps the timing,
so the true pairing is known and a DTW path could only flatter the score. F0 errors here include the
extractor's own (for an NSF vocoder, ``bench_nsf_f0.py`` separates them). Copy synthesis measures the
vocoder alone: no acoustic model is involved. ``--griffin-lim`` adds the weight-free baseline.
The real-time factor is the vocoding wall time over the audio duration, on this machine's threads.
``--precision`` scores each vocoder in each listed inference precision (same weights), so the
quality cost of bfloat16 inference sits next to its speed.
"""

from __future__ import annotations

import argparse
import os
import platform
import time
from pathlib import Path

import numpy as np
import torch


def machine() -> str:
    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    return (f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, torch {torch.__version__} "
            f"with {torch.get_num_threads()} threads, load average {load[0]:.2f} (1 min)")


def reference_items(run_dir: Path, split: str, limit: int | None) -> tuple[list, object]:
    from tts.config import load_config
    from tts.data.store import FeatureStore

    loaded = load_config(run_dir / "config.yaml", [f"run_dir={run_dir.resolve()}"])
    entries = FeatureStore(run_dir / loaded.config.data.features_dir).read_manifest(split)[:limit]
    if not entries:
        raise SystemExit(f"no '{split}' items in {run_dir}")
    return entries, loaded.config


def score(name: str, render, entries: list, sample_rate: int, pitch) -> dict[str, float]:
    """Mean metrics of ``render(samples) -> samples`` over the entries, plus its real-time factor."""
    from tts.audio.io import read_audio
    from tts.eval.metrics import EvalTable, compare_waves

    table = EvalTable()
    wall = seconds = 0.0
    for entry in entries:
        reference = read_audio(entry.audio, sample_rate=sample_rate).samples
        start = time.perf_counter()
        synthesized = render(reference)
        wall += time.perf_counter() - start
        seconds += len(reference) / sample_rate
        table.add(entry.id, compare_waves(reference, synthesized[: len(reference)], sample_rate, pitch=pitch,
                                                  same_timeline=True))
    row = table.mean(name).metrics
    row["rtf"] = wall / seconds
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("voices", nargs="*", help="vocoder voice folders or names")
    parser.add_argument("--run", type=Path, required=True, help="a prepared run whose test split is held out")
    parser.add_argument("--split", default="test")
    parser.add_argument("--limit", type=int, default=None, help="only the first N items")
    parser.add_argument("--griffin-lim", action="store_true", help="also score the Griffin-Lim baseline")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--precision", default="float32",
                        help="comma-separated inference precisions to score each vocoder in (float32, bfloat16)")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)

    from tts.audio.features import MelExtractor
    from tts.eval.metrics import EvalTable
    from tts.models.griffinlim import GriffinLim
    from tts.synth.voice import GRIFFIN_LIM
    from tts.synth.vocode import copy_synthesis, load_vocoder

    entries, run = reference_items(args.run, args.split, args.limit)
    table = EvalTable(title=f"copy synthesis of {len(entries)} '{args.split}' items of {args.run}")
    precisions = [p.strip() for p in args.precision.split(",") if p.strip()]
    for name in args.voices:
        voice = load_vocoder(name)
        rate = voice.audio.sample_rate
        for precision in precisions:
            voice.model.set_precision(precision)
            label = f"{voice.card.name} ({voice.card.model}/{voice.config.model.preset or 'default'})"
            label += f" {precision}" if len(precisions) > 1 else ""
            table.add(label, score(label, lambda x, v=voice, r=rate: copy_synthesis(v, x, r), entries, rate,
                                   voice.config.pitch))
    if args.griffin_lim:
        extractor, vocoder = MelExtractor(run.audio), GriffinLim(run.audio)

        def griffin_lim(samples: np.ndarray) -> np.ndarray:
            with torch.inference_mode():
                return vocoder(extractor(torch.from_numpy(samples)))[0].numpy()

        table.add(GRIFFIN_LIM, score(GRIFFIN_LIM, griffin_lim, entries, run.audio.sample_rate, run.pitch))
    print(machine())
    print(table.format())


if __name__ == "__main__":
    main()
