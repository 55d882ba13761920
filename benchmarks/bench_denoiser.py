"""How much a DiffSinger voice's denoiser knows: clean-mel estimates per noise step, and shallow diffusion.

    python benchmarks/bench_denoiser.py --run runs/demo_sing_diffsinger [--voice RUN/voice] [--items 8]
        [--steps 0,5,10,20,39,60,99] [--k 10,20,40] [--sampler-steps 0,1,2] [--threads 2]

On held-out items (the run's test split), teacher-forced (the recorded durations and F0), in the
normalized mel domain (each bin z-scored), all errors mean absolute over voiced and unvoiced frames:

* for each noise step t: the target mel noised to t (``x_t / sqrt(ᾱ_t)``, what the noise alone does)
  and the denoiser's one-call estimate of the clean mel from it. A denoiser that uses its
  conditioning brings the estimate near (or below) the auxiliary decoder's error even at large t; one
  that only removes noise stays near the noised input;
* the auxiliary decoder's mel, and the shallow-diffusion mel started from it at each ``--k`` (the
  voice's own sampler, seeded), with the ratio of their per-bin standard deviations over time to the
  target's (1 = as detailed as the recording; below 1 over-smoothed, above 1 noisy).

The error of a sample from the right distribution is not the smallest error (the mean is), so this
measures the denoiser's skill; the vocoded MCD is ``bench_sing_quality.py``'s.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tts.data.dataset import AcousticDataset, collate  # noqa: E402
from tts.data.store import FeatureStore  # noqa: E402
from tts.models.base import Controls  # noqa: E402
from tts.synth.voice import load_voice  # noqa: E402


def masked_l1(a: torch.Tensor, b: torch.Tensor, keep: torch.Tensor) -> float:
    """Mean |a - b| over the kept frames; a, b [B, n_mels, T], keep [B, 1, T]."""
    return float(((a - b).abs() * keep).sum() / (keep.sum() * a.shape[1]))


def detail_ratio(mel: torch.Tensor, target: torch.Tensor, keep: torch.Tensor) -> float:
    """Per-bin standard deviation over the kept frames, mel's over the target's, averaged over bins."""
    def spread(x: torch.Tensor) -> torch.Tensor:
        n = keep.sum()
        mean = (x * keep).sum(dim=(0, 2)) / n
        return (((x - mean[None, :, None]) ** 2 * keep).sum(dim=(0, 2)) / n).sqrt()  # [n_mels]
    return float((spread(mel) / spread(target).clamp(min=1e-6)).mean())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--run", type=Path, required=True)
    parser.add_argument("--voice", type=Path, default=None, help="default: RUN/voice")
    parser.add_argument("--items", type=int, default=8)
    parser.add_argument("--steps", default="0,5,10,20,39,60,99")
    parser.add_argument("--k", default="10,20,40", help="shallow starts K to render from")
    parser.add_argument("--sampler-steps", default="0", help="DPM-Solver steps per K (0: the voice's own)")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    voice = load_voice(args.voice or args.run / "voice")
    model = voice.model
    store = FeatureStore(args.run / voice.config.data.features_dir)
    entries = store.read_manifest("test")[: args.items]
    items = AcousticDataset(store, entries, voice.stats, voice.speakers)
    batch = collate([items[i] for i in range(len(items))])
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, torch {torch.__version__}")
    print(f"voice {voice.path} ({model.config.timesteps} steps, trained on t < "
          f"{model.config.train_k_step or model.config.timesteps}, aux_condition {model.config.aux_condition}); "
          f"{len(entries)} test items of {args.run}")
    generator = torch.Generator().manual_seed(0)
    with torch.no_grad():
        tf = model.teacher_forced(batch)
        keep = tf.frame_mask[:, None, :].float()  # [B, 1, T]
        target = batch.mel * keep
        denoise = model.denoiser_fn(tf.cond, tf.aux_mel, tf.frame_mask)
        aux_error = masked_l1(tf.aux_mel, target, keep)
        print(f"auxiliary decoder: L1 {aux_error:.3f}, detail {detail_ratio(tf.aux_mel, target, keep):.2f}")
        print("step t | noised x_t/sqrt(abar) L1 | denoiser's clean estimate L1")
        for t in (int(s) for s in args.steps.split(",") if int(s) < model.config.timesteps):
            steps = torch.full((target.shape[0],), t)
            noise = torch.randn(target.shape, generator=generator)
            x_t = model.diffusion.q_sample(target, steps, noise) * keep
            estimate = model.diffusion.predict_x0(x_t, t, denoise(x_t, steps))
            noised = x_t / model.diffusion.sqrt_alpha_bar[t]
            print(f"{t:6d} | {masked_l1(noised, target, keep):.3f} | {masked_l1(estimate, target, keep):.3f}")
        print("shallow start K | sampler | diffusion mel L1 | detail | its coarse mel L1 (rendered)")
        k_saved = model.config.k_step
        for k in (int(s) for s in args.k.split(",")):
            if not 1 <= k <= (model.config.train_k_step or model.config.timesteps):
                continue
            model.config.k_step = k
            for steps in (int(s) for s in args.sampler_steps.split(",")):
                steps = min(k, steps or model.config.sampler_steps) or None
                rendered = model.render(batch, Controls(seed=0, diffusion_steps=steps))
                mel = rendered.mels.diff_mel
                assert mel is not None
                n = min(mel.shape[-1], target.shape[-1])
                mel, tgt, kp = mel[..., :n], target[..., :n], keep[..., :n]
                coarse = rendered.mels.aux_mel[..., :n]
                print(f"{k:15d} | {rendered.steps:2d} calls | {masked_l1(mel * kp, tgt, kp):.3f} | "
                      f"{detail_ratio(mel, tgt, kp):.2f} | {masked_l1(coarse * kp, tgt, kp):.3f}")
        model.config.k_step = k_saved


if __name__ == "__main__":
    main()
