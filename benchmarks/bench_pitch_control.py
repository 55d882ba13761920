"""Does the speech voice sing the pitch it predicts, and does ``--pitch`` move it? Text → wav, F0 tracked back.

    python benchmarks/bench_pitch_control.py [--voice zh-demo] [--vocoder NAME_OR_PATH ...] [--shifts -4,0,4]

Each sentence below is rendered by the voice (and each ``--vocoder``, else the voice's own) at each
pitch shift (``tts synth --pitch``, semitones). The acoustic model's F0 (what it asked the vocoder
for, 0 where unvoiced) is compared with the F0 tracked back from the wav (WORLD DIO + StoneMask,
hop-aligned frames): per vocoder and shift, the median absolute error in cents and the share of
gross errors (> 300 cents) on frames voiced in both, and the median F0 of the wav, whose change
against shift 0 should equal the requested semitones. A vocoder that rebuilds pitch from the mel
alone, or makes a periodic sound of its own, shows up here although its MCD may look fine.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import warnings
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tts.audio.params import PitchConfig  # noqa: E402
from tts.synth.synthesizer import Synthesizer  # noqa: E402

with warnings.catch_warnings():  # pyworld imports the deprecated pkg_resources
    warnings.simplefilter("ignore", UserWarning)
    import pyworld

SENTENCES = [
    "今天下午三点，我们在图书馆门口见面。",
    "他把那本书放在桌子上就走了。",
    "明天的天气预报说会下雨，记得带伞。",
    "这家餐厅的菜很好吃，价格也不贵。",
    "我们一起去公园散步吧。",
    "请把窗户关上，外面风太大了。",
]
GROSS_CENTS = 300.0


def tracked_f0(wav: np.ndarray, sample_rate: int, hop: int, frames: int, pitch: PitchConfig) -> np.ndarray:
    """F0 ``[frames]`` Hz (0 unvoiced) of ``wav`` on the acoustic model's frame grid (frame t at t * hop)."""
    x = wav.astype(np.float64)
    period = 1000.0 * hop / sample_rate
    f0, times = pyworld.dio(x, sample_rate, f0_floor=pitch.f0_min, f0_ceil=pitch.f0_max, frame_period=period)
    f0 = pyworld.stonemask(x, f0, times, sample_rate)
    out = np.zeros(frames)
    out[: min(frames, f0.shape[0])] = f0[:frames]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--voice", default="zh-demo")
    parser.add_argument("--vocoder", nargs="*", default=[None], help="vocoder voices (default: the voice's own)")
    parser.add_argument("--shifts", default="-4,0,4", help="pitch shifts in semitones")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    shifts = [float(s) for s in args.shifts.split(",")]
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, torch {torch.__version__}; "
          f"{len(SENTENCES)} sentences, voice {args.voice}")
    print("vocoder | shift st | asked-vs-rendered F0: median |cents|, > 300 c | wav median F0 Hz | moved st")
    for vocoder in args.vocoder:
        synth = Synthesizer.from_voice(args.voice, vocoder=vocoder, precision="float32")
        pitch, hop = synth.voice.config.pitch, synth.voice.audio.hop_length
        medians: dict[float, float] = {}
        rows: list[tuple[float, np.ndarray]] = []
        for shift in shifts:
            errors, rendered = [], []
            for k, text in enumerate(SENTENCES):
                for piece in synth.stream(text, pitch=shift, keep_features=True, seed=k):
                    asked = piece.render.f0
                    assert asked is not None
                    got = tracked_f0(piece.wav, synth.sample_rate, hop, asked.shape[0], pitch)
                    both = (asked > 0) & (got > 0)
                    errors.append(1200.0 * np.abs(np.log2(got[both] / asked[both])))
                    rendered.append(got[got > 0])
            cents = np.concatenate(errors)
            medians[shift] = float(np.median(np.concatenate(rendered)))
            rows.append((shift, cents))
        for shift, cents in rows:  # "moved" is against shift 0, wherever it comes in the list
            moved = 12.0 * np.log2(medians[shift] / medians[0.0]) if 0.0 in medians else float("nan")
            print(f"{synth.vocoder_name} | {shift:+.0f} | {np.median(cents):.1f}, "
                  f"{100.0 * np.mean(cents > GROSS_CENTS):.1f} % | {medians[shift]:.1f} | {moved:+.2f}")


if __name__ == "__main__":
    main()
