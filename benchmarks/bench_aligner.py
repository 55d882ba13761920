"""Built-in aligner accuracy on the demo corpus, whose phone boundaries are sample-exact.

    tts align recipes/demo_zh_aligner.yaml --json > align.json    # trains the aligner, writes durations
    python benchmarks/bench_aligner.py --run runs/demo_zh_aligner [--corpus data/demo-zh] [--summary align.json]

For every item the aligner gave durations to (``<features>/aligner.json``), the phone boundaries
implied by its frame durations (cumulative frames x hop / sample rate) are compared with the
boundaries the demo corpus rendered the audio with (``alignments/<id>.json``, exact to the sample).
Printed: mean absolute boundary error (ms), the share of boundaries within 25 ms, the same two for
the exact alignments rounded to frames (the floor set by the frame hop alone), and, from the
summary ``tts align --json`` printed, the alignment throughput in audio hours per wall-clock hour.
Only inner boundaries count (not the utterance's own start and end, which are fixed).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tts.config import load_config  # noqa: E402
from tts.data.store import FeatureStore  # noqa: E402
from tts.text.symbols import PHONEMES  # noqa: E402

WITHIN_MS = 25.0


def exact_boundaries(corpus: Path, item_id: str) -> tuple[list[str], np.ndarray]:
    """Phones and inner boundary times (s) of the demo corpus's exact alignment."""
    record = json.loads((corpus / "alignments" / f"{item_id}.json").read_text(encoding="utf-8"))
    intervals = record["intervals"]
    return [i["phone"] for i in intervals], np.array([i["end"] for i in intervals[:-1]])


def frame_boundaries(durations: np.ndarray, seconds_per_frame: float) -> np.ndarray:
    """Inner boundary times (s) of integer frame durations ``[N]``."""
    return np.cumsum(durations)[:-1] * seconds_per_frame


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--run", type=Path, required=True, help="the run `tts align` wrote durations for")
    parser.add_argument("--corpus", type=Path, default=Path("data/demo-zh"))
    parser.add_argument("--summary", type=Path, default=None, help="what `tts align --json` printed (throughput)")
    args = parser.parse_args()

    cfg = load_config(args.run / "config.yaml").config
    store = FeatureStore(args.run / cfg.data.features_dir)
    record = json.loads((store.root / "aligner.json").read_text(encoding="utf-8"))
    aligned_ids = set(record["costs"])  # {"step": N, "costs": {id: alignment cost}}
    seconds_per_frame = cfg.audio.hop_length / cfg.audio.sample_rate
    errors, floor, skipped = [], [], 0
    for entry in store.read_manifest():
        if entry.id not in aligned_ids:
            continue
        item = store.read_item(entry.id, entry.speaker)
        phones, exact = exact_boundaries(args.corpus, entry.id)
        ours = [PHONEMES[i] for i in item.phonemes.tolist()]
        if ours != phones or item.durations is None:
            skipped += 1  # a different phone sequence cannot be compared boundary by boundary
            continue
        errors.append(np.abs(frame_boundaries(item.durations, seconds_per_frame) - exact))
        rounded = np.diff(np.round(np.concatenate([[0.0], exact, [item.num_frames * seconds_per_frame]])
                                   / seconds_per_frame)).astype(np.int64)
        floor.append(np.abs(frame_boundaries(rounded, seconds_per_frame) - exact))
    if not errors:
        raise SystemExit(f"no aligned item of {args.run} matches its exact alignment's phones")
    err_ms = 1000 * np.concatenate(errors)
    floor_ms = 1000 * np.concatenate(floor)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, load average {load:.2f}")
    print(f"items: {len(errors)} compared ({skipped} with a different phone sequence skipped), "
          f"{err_ms.size} inner boundaries, hop {1000 * seconds_per_frame:.1f} ms")
    print(f"aligner:        mean |error| {err_ms.mean():.2f} ms, median {np.median(err_ms):.2f} ms, "
          f"{100 * np.mean(err_ms <= WITHIN_MS):.1f} % within {WITHIN_MS:g} ms   [targets: <= 15 ms, >= 90 %]")
    print(f"exact, rounded: mean |error| {floor_ms.mean():.2f} ms, "
          f"{100 * np.mean(floor_ms <= WITHIN_MS):.1f} % within {WITHIN_MS:g} ms   (the frame-hop floor)")
    if args.summary is not None:
        summary = json.loads(args.summary.read_text(encoding="utf-8"))
        print(f"throughput: {summary['audio_seconds'] / 3600:.2f} h of audio in "
              f"{summary['train_seconds'] + summary['extract_seconds']:.0f} s (training {summary['train_seconds']:.0f} s "
              f"+ extraction {summary['extract_seconds']:.0f} s) = {summary['throughput']:.0f} audio hours per hour")


if __name__ == "__main__":
    main()
