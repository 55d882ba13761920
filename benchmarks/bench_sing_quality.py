"""Singing quality on held-out demo songs: F0 against the target curve, V/UV, MCD with and without diffusion.

    python benchmarks/bench_sing_quality.py --run runs/demo_sing_diffsinger \
        [--corpus data/demo-sing] [--voice runs/demo_sing_diffsinger/voice] [--vocoder runs/demo_sing_nsf_hifigan/voice] \
        [--limit 20] [--steps N] [--threads 2] [--vibrato 1.0]

Each item of the run's test split (held out from training) is sung from its Opencpop line — the
notes and the phoneme durations the demo corpus rendered it with — so the rendered song lines up
with the recording in time. Measured per item and pooled:

* F0 of the rendered wav (WORLD DIO, 5 ms) against the corpus's exact target curve on sustained
  frames (60 ms away from every note boundary, so outside note transitions): median and 90th
  percentile absolute error in cents (:func:`tts.data.demo_sing.f0_errors`, the same check the
  corpus builder's own benchmark uses), and the V/UV disagreement over all frames. For scale, the
  same error of the score's bare note pitches (no transitions, no vibrato) is printed: the corpus
  sings long notes with a vibrato of random rate, depth and delay that no score states, so a
  rendered vibrato (or none) cannot match it cycle for cycle. ``--vibrato 0`` renders without the
  voice's vibrato (``tts sing --vibrato``): its error is then the score's own floor plus what the
  model and vocoder add; with the learned vibrato, whose phase is unrelated to the corpus's, the
  error is larger;
* MCD (DTW, mel-cepstra without c0; :func:`tts.eval.metrics.compare_waves`) of the song rendered
  with the auxiliary decoder alone and with shallow diffusion, both vocoded with the same
  vocoder and F0: the diffusion must lower it;
* the real-time factor of the whole path (acoustic model + vocoder) with the voice's default
  sampler and with ``--fast-steps`` DPM-Solver steps, on ``--threads`` threads.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tts.audio.io import read_audio  # noqa: E402
from tts.config import load_config  # noqa: E402
from tts.data.demo_sing import f0_errors, midi_to_hz, sustained_mask  # noqa: E402
from tts.data.store import FeatureStore  # noqa: E402
from tts.eval.metrics import compare_waves  # noqa: E402
from tts.models.base import Controls  # noqa: E402
from tts.synth.singer import Singer, mix_at_offsets  # noqa: E402


@dataclass
class Rendered:
    wav: np.ndarray  # [samples] the whole song, segments at their offsets
    seconds: float  # wall time of rendering it


def transcription_lines(corpus: Path) -> dict[str, str]:
    """Opencpop lines of the demo corpus by item id."""
    lines = (corpus / "segments" / "transcriptions.txt").read_text(encoding="utf-8").splitlines()
    return {line.split("|", 1)[0]: line for line in lines if line.strip()}


def bare_notes_cents(record: dict, target_hz: np.ndarray) -> np.ndarray:
    """|cents| of each note's own pitch against the target curve on the sustained frames ``[n]``."""
    step = float(record["f0"]["timestep"])
    times = np.arange(target_hz.shape[0]) * step
    notes_hz = np.zeros_like(target_hz)
    for note in record["notes"]:
        if note["rest"] is None:
            notes_hz[(times >= note["start"]) & (times < note["end"])] = midi_to_hz(note["midi"])
    compare = sustained_mask(record, times) & (target_hz > 0) & (notes_hz > 0)
    return np.abs(1200.0 * np.log2(target_hz[compare] / notes_hz[compare]))


def render(singer: Singer, score: Path, use_diffusion: bool, steps: int | None, seed: int,
           vibrato: float = 1.0) -> Rendered:
    """Sing ``score`` through the model's ``render`` (diffusion on or off) and the singer's vocoder."""
    model = singer.model
    hop = singer.voice.audio.hop_length
    start = time.perf_counter()
    pieces = []
    with torch.inference_mode():
        for index, segment in enumerate(singer.segments(score)):
            batch = singer.batch(segment)
            controls = Controls(diffusion_steps=steps, seed=seed + index, vibrato=vibrato)
            out = model.render(batch, controls, use_diffusion=use_diffusion).output  # type: ignore[attr-defined]
            frames = int(out.mel_lengths[0])
            f0 = out.f0[:, :frames] if out.f0 is not None else None
            wav = singer._vocode(out.mel[:, :, :frames], f0)[0, : frames * hop].float().cpu().numpy()
            pieces.append((round(segment.offset * singer.sample_rate), wav))
    return Rendered(mix_at_offsets(pieces), time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--run", type=Path, required=True, help="the DiffSinger training run (its test split)")
    parser.add_argument("--corpus", type=Path, default=Path("data/demo-sing"), help="the run's demo-sing corpus")
    parser.add_argument("--voice", type=Path, default=None, help="default: RUN/voice")
    parser.add_argument("--vocoder", default=None, help="a vocoder voice instead of the voice's own")
    parser.add_argument("--limit", type=int, default=20)
    parser.add_argument("--steps", type=int, default=None, help="sampler steps (default: the voice's)")
    parser.add_argument("--fast-steps", type=int, default=1, help="DPM-Solver steps of the fast-sampler timing")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--precision", default="auto", help="the vocoder's: auto, float32 or bfloat16")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--vibrato", type=float, default=1.0, help="depth of the voice's vibrato (0: none)")
    parser.add_argument("--json", type=Path, default=None, help="also write the per-item rows here")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)

    loaded = load_config(args.run / "config.yaml")
    corpus = args.corpus
    store = FeatureStore(args.run / loaded.config.data.features_dir)
    entries = store.read_manifest("test")[: args.limit]
    lines = transcription_lines(corpus)
    singer = Singer.from_voice(args.voice or args.run / "voice", vocoder=args.vocoder, precision=args.precision)
    sr = singer.sample_rate
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, torch {torch.__version__}, "
          f"{torch.get_num_threads()} threads, load average {load:.2f} at start")
    print(f"voice: {args.voice or args.run / 'voice'}; vocoder: {singer.vocoder_name}; {len(entries)} test items; "
          f"vibrato depth {args.vibrato:g}")

    rows = []
    cents_all, bare_all, vuv_wrong, vuv_total = [], [], 0, 0
    audio_s = aux_time = diff_time = fast_time = 0.0
    with tempfile.TemporaryDirectory(prefix="bench-sing-") as tmp:
        for entry in entries:
            score = Path(tmp) / f"{entry.id}.txt"
            score.write_text(lines[entry.id] + "\n", encoding="utf-8")
            record = json.loads((corpus / "scores" / f"{entry.id}.json").read_text(encoding="utf-8"))
            target = np.load(corpus / record["f0"]["path"]).astype(np.float64)
            reference = read_audio(entry.audio, sample_rate=sr).samples
            aux = render(singer, score, False, args.steps, args.seed, args.vibrato)
            diff = render(singer, score, True, args.steps, args.seed, args.vibrato)
            fast = render(singer, score, True, args.fast_steps, args.seed, args.vibrato)
            errors = f0_errors(diff.wav, sr, record, target)
            cents_all.append(errors.cents)
            bare_all.append(bare_notes_cents(record, target))
            vuv_wrong += errors.vuv_disagreements
            vuv_total += errors.frames
            mcd_aux = compare_waves(reference, aux.wav, sr, pitch=loaded.config.pitch).as_dict()["mcd_db"]
            mcd_diff = compare_waves(reference, diff.wav, sr, pitch=loaded.config.pitch).as_dict()["mcd_db"]
            seconds = len(diff.wav) / sr
            audio_s += seconds
            aux_time += aux.seconds
            diff_time += diff.seconds
            fast_time += fast.seconds
            rows.append({"id": entry.id, "seconds": seconds, "mcd_aux_db": mcd_aux, "mcd_diffusion_db": mcd_diff,
                         "f0_median_cents": float(np.median(errors.cents)) if errors.cents.size else None,
                         "vuv_error": errors.vuv_disagreements / max(1, errors.frames)})
            print(f"  {entry.id}: {seconds:5.2f} s  MCD aux {mcd_aux:5.2f} dB, diffusion {mcd_diff:5.2f} dB, "
                  f"F0 median {rows[-1]['f0_median_cents']:.1f} cents, V/UV {100 * rows[-1]['vuv_error']:.1f} %")
    cents = np.concatenate(cents_all)
    mean_aux = float(np.mean([r["mcd_aux_db"] for r in rows]))
    mean_diff = float(np.mean([r["mcd_diffusion_db"] for r in rows]))
    print(f"F0 vs target (sustained frames): median {np.median(cents):.2f} cents, p90 {np.percentile(cents, 90):.2f} "
          f"over {cents.size} frames   [target: median <= 15]")
    bare = np.concatenate(bare_all)
    print(f"  for scale, the score's bare note pitches against the same curve: median {np.median(bare):.2f} cents, "
          f"p90 {np.percentile(bare, 90):.2f} (the corpus's vibrato is random per note)")
    print(f"V/UV error: {100 * vuv_wrong / vuv_total:.2f} % of {vuv_total} frames   [target: <= 5 %]")
    print(f"MCD: auxiliary decoder alone {mean_aux:.3f} dB, shallow diffusion {mean_diff:.3f} dB "
          f"({mean_diff - mean_aux:+.3f} dB)   [target: diffusion lower]")
    print(f"real-time factor (acoustic + vocoder, {torch.get_num_threads()} threads): aux only {aux_time / audio_s:.4f}, "
          f"default sampler {diff_time / audio_s:.4f}, {args.fast_steps}-step sampler {fast_time / audio_s:.4f}   "
          f"[targets: <= 0.1 default, <= 0.03 fastest]")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
