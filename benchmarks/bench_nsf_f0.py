"""How exactly an NSF vocoder follows the F0 it is given, on held-out demo songs.

    python benchmarks/bench_nsf_f0.py --run runs/demo_sing_nsf_hifigan [VOICE ...] [--corpus data/demo-sing] [--limit 10]

The demo singing corpus stores each song's exact F0 curve (``f0/<id>.npy``, the curve WORLD sang it
with). Every test song's mel is vocoded twice: conditioned on that exact curve (what a singing voice
gives the vocoder: the curve it rendered), and on the F0 that the project's extractor (the voice's
``pitch`` config, DIO by default) tracks from the recording (what copy synthesis does). The F0 of
each output (DIO, 5 ms) is compared with the exact curve on sustained frames — inside a vowel, 60 ms
away from every note boundary (:func:`tts.data.demo_sing.f0_errors`). Printed per condition: median,
90th percentile and RMS error in cents, and the share of gross errors (> 300 cents).

Why both: the extractor itself misses the pitch on about 1.4 % of the recordings' voiced frames
(octave-and-worse errors); a vocoder conditioned on such a track sings the wrong note there, so the
copy-synthesis RMSE measures the extractor as much as the vocoder.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tts.audio.features import MelExtractor  # noqa: E402
from tts.audio.io import read_audio  # noqa: E402
from tts.audio.pitch import curve_to_frames, extract_f0  # noqa: E402
from tts.config import load_config  # noqa: E402
from tts.data.demo_sing import f0_errors  # noqa: E402
from tts.data.store import FeatureStore  # noqa: E402
from tts.synth.vocode import load_vocoder  # noqa: E402

GROSS_CENTS = 300.0  # an error this large is a wrong note (octave errors and worse), not a detuning


def summary(cents: np.ndarray) -> str:
    return (f"median {np.median(cents):6.2f}, p90 {np.percentile(cents, 90):6.2f}, RMS {np.sqrt(np.mean(cents ** 2)):7.1f} "
            f"cents; gross (> {GROSS_CENTS:.0f} c) {100 * np.mean(cents > GROSS_CENTS):.2f} % of {cents.size} frames")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("voices", nargs="*", help="NSF vocoder voices (default: RUN/voice)")
    parser.add_argument("--run", type=Path, required=True, help="a demo-sing vocoder run (its test split)")
    parser.add_argument("--corpus", type=Path, default=Path("data/demo-sing"))
    parser.add_argument("--limit", type=int, default=10)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--precision", default="float32",
                        help="comma-separated inference precisions to measure (float32, bfloat16)")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)

    loaded = load_config(args.run / "config.yaml", [f"run_dir={args.run.resolve()}"])
    entries = FeatureStore(args.run / loaded.config.data.features_dir).read_manifest("test")[: args.limit]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, {torch.get_num_threads()} threads, "
          f"load average {load:.2f}; {len(entries)} test songs of {args.run}")
    precisions = [p.strip() for p in args.precision.split(",") if p.strip()]
    for name, precision in [(n, p) for n in args.voices or [str(args.run / "voice")] for p in precisions]:
        voice = load_vocoder(name)
        voice.model.set_precision(precision)
        if not voice.model.needs_f0:
            raise SystemExit(f"{name} is not an F0-driven (NSF) vocoder")
        audio = voice.audio
        mel_fn = MelExtractor(audio)
        cents: dict[str, list[np.ndarray]] = {"exact F0": [], "extracted F0": []}
        for entry in entries:
            record = json.loads((args.corpus / "scores" / f"{entry.id}.json").read_text(encoding="utf-8"))
            target = np.load(args.corpus / record["f0"]["path"]).astype(np.float64)
            samples = read_audio(entry.audio, sample_rate=audio.sample_rate).samples
            with torch.inference_mode():
                mel = mel_fn(torch.from_numpy(samples.astype(np.float32)))  # [1, n_mels, T]
            frames = mel.shape[-1]
            exact = curve_to_frames(target, float(record["f0"]["timestep"]), frames, audio, voice.config.pitch)
            tracks = {"exact F0": exact.f0,
                      "extracted F0": extract_f0(samples, audio, voice.config.pitch).f0[:frames]}
            for condition, f0 in tracks.items():
                with torch.inference_mode():
                    wav = voice.model.infer(mel, torch.from_numpy(np.ascontiguousarray(f0, dtype=np.float32))[None])
                rendered = wav[0].float().numpy()[: samples.shape[0]]
                cents[condition].append(f0_errors(rendered, audio.sample_rate, record, target).cents)
        print(f"{voice.card.name} ({voice.config.model.preset}, {precision}):")
        for condition, values in cents.items():
            print(f"  conditioned on the {condition:12s}: {summary(np.concatenate(values))}")
    print("target (vocoder issue): F0 RMSE <= 10 cents on the singing demo data")


if __name__ == "__main__":
    main()
