"""FastSpeech 2 speed: training step time (batch 16) and acoustic real-time factor on 2 threads.

    python benchmarks/bench_fastspeech2.py [--preset fastspeech2_small] [--voice runs/demo_zh_fastspeech2/voice]

Step time uses a synthetic batch shaped like the demo corpus (16 utterances, 40 phonemes, about
3.3 s each). The real-time factor (acoustic model only, mel seconds per wall second inverted)
needs a trained voice, since an untrained model predicts meaningless durations.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time

import torch

PHONES = 40  # phonemes per utterance of the synthetic batch
FRAMES = 290  # frames per utterance (~3.4 s at 22.05 kHz, hop 256)
SENTENCE = "今天下午三点，我们在图书馆门口见面，然后一起去看电影。"


def build(preset: str):
    """An untrained FastSpeech 2 of ``preset`` (the step cost does not depend on the weights)."""
    from tts.models.base import FeatureStats
    from tts.models.fastspeech2 import FASTSPEECH2_PRESETS, FastSpeech2
    from tts.text.symbols import NUM_TONES, PHONEMES

    torch.manual_seed(0)
    stats = FeatureStats(pitch_mean=5.0, pitch_std=0.3, energy_mean=0.0, energy_std=1.0)
    return FastSpeech2(FASTSPEECH2_PRESETS[preset], n_mels=80, n_vocab=len(PHONEMES), n_tones=NUM_TONES,
                       n_speakers=1, stats=stats)


def training_batch(batch_size: int, phones: int = PHONES, frames: int = FRAMES):
    """``batch_size`` utterances of ``phones`` phonemes and ``frames`` frames with random targets."""
    from tts.models.base import AcousticBatch
    from tts.text.symbols import NUM_TONES, PHONEMES

    durations = torch.full((batch_size, phones), frames // phones)
    durations[:, -1] += frames - durations.sum(1)
    return AcousticBatch(
        phonemes=torch.randint(1, len(PHONEMES), (batch_size, phones)),
        tones=torch.randint(0, NUM_TONES, (batch_size, phones)),
        phoneme_lengths=torch.full((batch_size,), phones), mel=torch.randn(batch_size, 80, frames),
        mel_lengths=torch.full((batch_size,), frames), durations=durations,
        pitch=torch.randn(batch_size, frames), uv=torch.zeros(batch_size, frames),
        energy=torch.randn(batch_size, frames),
    )


def step_time(preset: str, batch_size: int, repeats: int) -> tuple[float, int]:
    model = build(preset)
    batch = training_batch(batch_size)
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4)
    times = []
    for _ in range(repeats + 1):
        start = time.perf_counter()
        loss = sum(model.loss(batch, model(batch)).values())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        times.append(time.perf_counter() - start)
    return statistics.median(times[1:]), sum(p.numel() for p in model.parameters())


def realtime_factor(voice: str, repeats: int) -> tuple[float, float]:
    from tts.models.base import AcousticBatch
    from tts.synth.voice import load_voice
    from tts.text.frontend import Frontend
    from tts.text.symbols import PHONEME_TO_ID

    loaded = load_voice(voice)
    sentence = Frontend()(SENTENCE).sentences[0]
    batch = AcousticBatch(phonemes=torch.tensor([[PHONEME_TO_ID[p] for p in sentence.phonemes]]),
                          tones=torch.tensor([sentence.tones]), phoneme_lengths=torch.tensor([len(sentence.phonemes)]))
    times = []
    with torch.inference_mode():
        for _ in range(repeats + 1):
            start = time.perf_counter()
            out = loaded.model.infer(batch)
            times.append(time.perf_counter() - start)
    seconds = int(out.mel_lengths[0]) * loaded.config.audio.hop_length / loaded.config.audio.sample_rate
    wall = statistics.median(times[1:])
    return wall / seconds, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preset", default="fastspeech2_small")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--voice", default="runs/demo_zh_fastspeech2/voice")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, torch {torch.__version__}, {args.threads} threads")
    seconds, params = step_time(args.preset, args.batch_size, args.repeats)
    print(f"{args.preset}: {params / 1e6:.2f} M parameters; training step (batch {args.batch_size}, "
          f"{PHONES} phonemes, {FRAMES} frames): {seconds:.3f} s (median of {args.repeats})")
    if os.path.isdir(args.voice):
        rtf, audio = realtime_factor(args.voice, args.repeats * 4)
        print(f"acoustic model real-time factor on {args.threads} threads: {rtf:.4f} "
              f"({len(SENTENCE)}-character sentence, {audio:.2f} s of mel)")
    else:
        print(f"no voice at {args.voice}: real-time factor skipped (train one with `tts train`)")


if __name__ == "__main__":
    main()
