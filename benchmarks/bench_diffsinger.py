"""DiffSinger speed: training step time and acoustic real-time factor per sampler, on CPU threads.

    python benchmarks/bench_diffsinger.py [--preset diffsinger_small] [--threads 2] [--seconds 10]
        [--device cuda] [--batch-size 32] [--train-seconds 5] [--amp]

A singing model's frame count comes from the notes, so an untrained model renders exactly as many
frames as a trained one: the real-time factor here (acoustic model only: wall seconds per second
of song; the vocoder is extra) holds for trained voices of the same preset. The song is a
synthetic segment of syllables "SP h ao …" on 0.4 s notes. The training step (forward, loss,
backward, AdamW) is timed on a batch of ``--batch-size`` such segments of ``--train-seconds`` each
with random targets: the cost of a step does not depend on the targets' values.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time

import torch

FRAMES_PER_SECOND = 22050 / 256  # the demo singing audio settings (44.1 kHz / 512 is the same)
NOTE_SECONDS = 0.4
SYLLABLE = ("h", "ao")
N_MELS = 80


def build(preset: str):
    from tts.models.base import FeatureStats
    from tts.models.diffsinger import DIFFSINGER_PRESETS, DiffSinger
    from tts.text.symbols import NUM_TONES, PHONEMES

    torch.manual_seed(0)
    stats = FeatureStats(pitch_mean=5.5, pitch_std=0.25, energy_mean=0.0, energy_std=1.0)
    model = DiffSinger(DIFFSINGER_PRESETS[preset], n_mels=N_MELS, n_vocab=len(PHONEMES), n_tones=NUM_TONES,
                       n_speakers=1, stats=stats)
    torch.nn.init.normal_(model.denoiser.output_proj.weight, std=0.02)  # not the zero shortcut
    return model


def song_batch(seconds: float):
    from tts.models.base import AcousticBatch
    from tts.text.symbols import PHONEME_TO_ID

    notes = max(1, round(seconds / NOTE_SECONDS))
    phones = ["SP"] + [p for _ in range(notes) for p in SYLLABLE] + ["SP"]
    midi = [0.0] + [float(60 + (i % 7)) for i in range(notes) for _ in SYLLABLE] + [0.0]
    frames = [NOTE_SECONDS * FRAMES_PER_SECOND] * len(phones)
    ids = torch.tensor([[PHONEME_TO_ID[p] for p in phones]])
    return AcousticBatch(phonemes=ids, tones=torch.zeros_like(ids), phoneme_lengths=torch.tensor([len(phones)]),
                         note_pitch=torch.tensor([midi]), note_durations=torch.tensor([frames]))


def training_batch(batch_size: int, seconds: float):
    """``batch_size`` copies of :func:`song_batch` with random mel, F0 and voicing targets."""
    from dataclasses import replace

    one = song_batch(seconds)
    note = round(NOTE_SECONDS * FRAMES_PER_SECOND)  # frames per note; each SP is one note long
    onset = note // 4  # the consonant's share of its note, the vowel takes the rest
    per_note = {"SP": [note], SYLLABLE: [onset, note - onset]}
    notes = (one.phonemes.shape[1] - 2) // len(SYLLABLE)
    durations = torch.tensor([per_note["SP"] + per_note[SYLLABLE] * notes + per_note["SP"]])  # [1, phonemes]
    frames = int(durations.sum())  # (notes + 2) * note: the segment is about ``seconds`` long
    gen = torch.Generator().manual_seed(0)
    tile = {name: value.repeat(batch_size, 1) for name, value in
            (("phonemes", one.phonemes), ("tones", one.tones), ("note_pitch", one.note_pitch),
             ("note_durations", one.note_durations), ("durations", durations))}
    return replace(one, **tile, phoneme_lengths=one.phoneme_lengths.repeat(batch_size),
                   mel=torch.randn(batch_size, N_MELS, frames, generator=gen),
                   mel_lengths=torch.full((batch_size,), frames), pitch=0.3 * torch.randn(batch_size, frames, generator=gen),
                   uv=(torch.rand(batch_size, frames, generator=gen) > 0.8).float())


def step_time(model, batch, device: str, amp: bool, repeats: int) -> float:
    """Median seconds of one optimizer step (forward, summed losses, backward, AdamW), after 2 warm-ups."""
    model.train()
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4)
    scaler = torch.amp.GradScaler(enabled=amp)
    times = []
    for _ in range(repeats + 2):
        start = time.perf_counter()
        with torch.autocast(torch.device(device).type, dtype=torch.float16, enabled=amp):
            loss = sum(model.loss(batch, model(batch)).values())
        optimizer.zero_grad(set_to_none=True)
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
        if device.startswith("cuda"):
            torch.cuda.synchronize()
        times.append(time.perf_counter() - start)
    return statistics.median(times[2:])


def rtf(model, batch, steps, repeats: int) -> tuple[float, float, int]:
    from tts.models.base import Controls

    model.eval()
    times, frames, calls = [], 0, 0
    for repeat in range(repeats + 1):
        start = time.perf_counter()
        render = model.render(batch, Controls(seed=repeat, diffusion_steps=steps))
        if render.output.mel.is_cuda:
            torch.cuda.synchronize()
        if repeat:  # the first call warms up
            times.append(time.perf_counter() - start)
        frames, calls = int(render.output.mel_lengths[0]), render.steps
    audio = frames / FRAMES_PER_SECOND
    return statistics.median(times) / audio, audio, calls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preset", default="diffsinger_small")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--device", default="cpu", help="cpu or cuda")
    parser.add_argument("--batch-size", type=int, default=16, help="segments per training step")
    parser.add_argument("--train-seconds", type=float, default=5.0, help="seconds per training segment")
    parser.add_argument("--amp", action="store_true", help="CUDA only: time the training step under float16 autocast")
    args = parser.parse_args()
    if args.amp and not args.device.startswith("cuda"):
        raise SystemExit("--amp needs --device cuda")
    torch.set_num_threads(args.threads)
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"torch {torch.__version__}, {args.threads} threads, load {os.getloadavg()[0]:.1f}, device {args.device}"
          + (f" ({torch.cuda.get_device_name()})" if args.device.startswith("cuda") else ""))
    model = build(args.preset).to(args.device)
    print(f"preset {args.preset}: {sum(p.numel() for p in model.parameters()) / 1e6:.2f} M parameters, "
          f"T = {model.config.timesteps}, K = {model.config.k_step}, "
          f"default sampler steps = {model.config.sampler_steps or 'DDPM K'}")
    seconds = step_time(model, training_batch(args.batch_size, args.train_seconds).to(args.device), args.device,
                        args.amp, args.repeats)
    print(f"  training step, batch {args.batch_size} x {args.train_seconds:g} s{' (AMP)' if args.amp else ''}: "
          f"{seconds * 1000:.1f} ms")
    batch = song_batch(args.seconds).to(args.device)
    k = model.config.k_step
    for steps in (None, k, 20, 10, 5, 3):
        if steps is not None and steps > k:
            continue
        factor, audio, calls = rtf(model, batch, steps, args.repeats)
        name = "config default" if steps is None else f"DPM-Solver++ {steps}" if steps < k else f"DPM-Solver++ {k} (=K)"
        print(f"  {name:>22}: {calls:3d} denoiser calls, RTF {factor:.4f} on {audio:.1f} s of song")
    with torch.no_grad():
        model.config.sampler_steps = 0
        factor, audio, calls = rtf(model, batch, None, args.repeats)
    print(f"  {'DDPM (K steps)':>22}: {calls:3d} denoiser calls, RTF {factor:.4f}")
    aux = model.render(batch, use_diffusion=False)
    start = time.perf_counter()
    model.render(batch, use_diffusion=False)
    if args.device.startswith("cuda"):
        torch.cuda.synchronize()
    print(f"  {'aux decoder only':>22}:   0 denoiser calls, RTF {(time.perf_counter() - start) / audio:.4f} "
          f"({int(aux.output.mel_lengths[0])} frames)")


if __name__ == "__main__":
    main()
