"""Vocoder speed: real-time factor of every preset on 10 s of 22.05 kHz audio (random-init weights).

    nice -n 10 python benchmarks/bench_vocoder_speed.py [--threads 2] [--seconds 10] [--repeats 3]
        [--presets hifigan_v3,istft_hifigan_small] [--path infer|forward] [--device cuda --batch 16] [--precision bfloat16]

Speed does not depend on the weights' values, so untrained generators are timed. Each preset is
built as a voice would build it, put in eval mode with weight norm folded away, warmed up on one
second, then timed rendering ``--seconds`` of audio through ``infer`` (the chunked path every
command uses) or one whole-utterance ``forward``, the presets taking turns in every repeat (a machine
whose speed drifts during the run slows them alike). The real-time factor is wall seconds per second of
audio (lower is faster); "CPU s / audio s" is the process's CPU time per audio second, which a busy
shared machine inflates less than wall time. The machine's load average is printed before and after:
on a shared machine, compare presets within one run only.

Issue targets (2-core CPU, 22.05 kHz): HiFi-GAN V3 RTF <= 0.03; the iSTFT variant >= 5x faster than V3
(reported for every iSTFT preset, NSF ones included).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time
from dataclasses import dataclass
from typing import Callable

import torch

ALL_PRESETS = ("hifigan_v1", "hifigan_v2", "hifigan_v3", "istft_hifigan", "istft_hifigan_small",
               "nsf_hifigan", "nsf_hifigan_small", "nsf_istft_hifigan_small", "nsf_istft_hifigan_small_hn",
               "nsf_istft_hifigan_fast_hn", "nsf_istft_hifigan_tiny_hn",
               "nsf_istft_hifigan_fine_hn")
REFERENCE = "hifigan_v3"  # speed-ups are relative to this preset
WARMUP_SECONDS = 1.0  # audio rendered once before timing (oneDNN builds its kernels per shape)
NSF_F0_HZ = 220.0  # the F0 given to NSF presets


@dataclass
class Timing:
    preset: str
    parameters: int
    rtf: float  # median wall seconds per audio second
    best_rtf: float  # fastest repeat
    cpu_per_second: float  # median process CPU seconds per audio second


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def find_vocoder(preset: str) -> str:
    import tts.models  # noqa: F401  (registers the vocoders)
    from tts.registry import VOCODERS

    for name in VOCODERS.names():
        if preset in VOCODERS.get(name).presets:
            return name
    raise SystemExit(f"unknown preset {preset!r}; known: {', '.join(ALL_PRESETS)}")


@dataclass
class Prepared:
    preset: str
    parameters: int
    render: Callable[[], None]  # one timed render of the whole length
    audio_seconds: float


def prepare(preset: str, seconds: float, path: str, device: str, batch: int,
            precision: str = "float32") -> Prepared:
    """Build ``preset`` as a voice would, warm it up, and return its timed render."""
    from tts.audio.params import AudioConfig
    from tts.config import resolve_model_config
    from tts.registry import VOCODERS

    audio = AudioConfig()
    cls = VOCODERS.get(find_vocoder(preset))
    torch.manual_seed(0)
    model = cls(resolve_model_config(cls, preset, {}, "benchmark"), audio=audio).eval().to(device)
    parameters = sum(p.numel() for p in model.parameters())
    model.remove_weight_norm()
    model.set_precision(precision)
    frames = int(round(seconds * audio.sample_rate / audio.hop_length))
    mel = torch.randn(batch, audio.n_mels, frames, device=device) - 5.0  # [B, n_mels, T] log-mel
    f0 = torch.full((batch, frames), NSF_F0_HZ, device=device) if model.needs_f0 else None

    def render(n_frames: int) -> None:
        with torch.inference_mode():
            f0_part = None if f0 is None else f0[:, :n_frames]
            if path == "infer":
                model.infer(mel[:, :, :n_frames], f0_part)
            else:
                model(mel[:, :, :n_frames], f0_part)
        if device.startswith("cuda"):
            torch.cuda.synchronize()

    render(int(WARMUP_SECONDS * audio.sample_rate / audio.hop_length))
    render(frames)  # the full length once too: first calls at a new length build kernels
    return Prepared(preset, parameters, lambda: render(frames), batch * frames * audio.hop_length / audio.sample_rate)


def time_presets(prepared: list[Prepared], repeats: int) -> list[Timing]:
    """Median timings, the presets taking turns within each repeat, so a machine that slows down
    or speeds up during the run affects every preset alike (the speed-ups stay fair)."""
    walls: dict[str, list[float]] = {p.preset: [] for p in prepared}
    cpus: dict[str, list[float]] = {p.preset: [] for p in prepared}
    for _ in range(repeats):
        for p in prepared:
            cpu, wall = time.process_time(), time.perf_counter()
            p.render()
            walls[p.preset].append(time.perf_counter() - wall)
            cpus[p.preset].append(time.process_time() - cpu)
    return [Timing(p.preset, p.parameters, statistics.median(walls[p.preset]) / p.audio_seconds,
                   min(walls[p.preset]) / p.audio_seconds, statistics.median(cpus[p.preset]) / p.audio_seconds)
            for p in prepared]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threads", type=int, default=2, help="torch intra-op threads (default 2)")
    parser.add_argument("--seconds", type=float, default=10.0, help="audio seconds per render")
    parser.add_argument("--repeats", type=int, default=3, help="timed renders per preset (median reported)")
    parser.add_argument("--presets", default=",".join(ALL_PRESETS), help="comma-separated presets")
    parser.add_argument("--path", choices=("infer", "forward"), default="infer", help="chunked infer or forward")
    parser.add_argument("--device", default="cpu", help="cpu or cuda")
    parser.add_argument("--batch", type=int, default=1, help="utterances per render (GPU throughput: 16)")
    parser.add_argument("--precision", choices=("float32", "bfloat16"), default="float32",
                        help="inference precision (bfloat16: autocast, fast on CPUs with AVX512-BF16/AMX and GPUs)")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    presets = [p.strip() for p in args.presets.split(",") if p.strip()]
    for preset in presets:
        find_vocoder(preset)

    print(f"machine: {cpu_model()}, {os.cpu_count()} CPUs, torch {torch.__version__}, "
          f"threads {torch.get_num_threads()}, device {args.device}"
          + (f" ({torch.cuda.get_device_name()})" if args.device.startswith("cuda") else ""))
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"rendering {args.seconds:g} s x batch {args.batch} at 22050 Hz through {args.path}"
          f" in {args.precision}, "
          f"median of {args.repeats} (presets taking turns)\n")
    timings = time_presets([prepare(p, args.seconds, args.path, args.device, args.batch, args.precision)
                            for p in presets], args.repeats)
    reference = next((t for t in timings if t.preset == REFERENCE), None)
    header = f"{'preset':<28}{'params':>9}{'RTF':>9}{'best RTF':>10}{'x realtime':>12}{'CPU s/audio s':>15}"
    header += f"{'vs V3':>8}" if reference else ""
    print(header)
    for t in timings:
        row = (f"{t.preset:<28}{t.parameters / 1e6:>8.2f}M{t.rtf:>9.4f}{t.best_rtf:>10.4f}"
               f"{1 / t.rtf:>12.1f}{t.cpu_per_second:>15.4f}")
        if reference:
            row += f"{reference.rtf / t.rtf:>7.1f}x"
        print(row)
    print(f"\nload average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if reference and args.device == "cpu":
        print(f"target V3 RTF <= 0.03: {'met' if reference.rtf <= 0.03 else 'NOT met'} ({reference.rtf:.4f})")
        for t in timings:
            if "istft" in t.preset:
                speedup = reference.rtf / t.rtf
                print(f"target {t.preset} >= 5x faster than V3: {'met' if speedup >= 5 else 'NOT met'} "
                      f"({speedup:.1f}x)")


if __name__ == "__main__":
    main()
