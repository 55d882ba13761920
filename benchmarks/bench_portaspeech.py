"""PortaSpeech vs FastSpeech 2: parameters, acoustic-model real-time factor and peak memory on CPU.

    nice -n 10 python benchmarks/bench_portaspeech.py [--threads 2] [--repeats 10]

Parameter counts are of the presets as built (80 mel bins, the project's phoneme table). Each
model's synthesis is measured in a fresh subprocess: import, build the model, then synthesize the
same sentence (one batch of 1, as ``tts synth`` does; the vocoder is left out, it is the same for
both). Models are untrained, so durations are forced to the same speaking rate: FastSpeech 2 gets
``--frames-per-phoneme`` frames per phoneme, PortaSpeech that many times the phonemes of each word
(its duration model is per word), so both produce about the same number of frames. The real-time
factor is the median wall time of ``--repeats`` runs (after one warm-up) divided by the seconds of
mel produced; the CPU-time real-time factor (process CPU seconds instead of wall seconds) is the
steadier figure on a shared machine. Peak memory is the process's peak resident set size (``ru_maxrss``) minus the peak
after the imports, i.e. what building the model and synthesizing add.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SENTENCE = "今天下午三点，我们在图书馆门口见面，然后一起去看电影。"
MODELS = {  # preset → registry name
    "fastspeech2": "fastspeech2",
    "fastspeech2_small": "fastspeech2",
    "portaspeech": "portaspeech",
    "portaspeech_small": "portaspeech",
}
N_MELS = 80
HOP_SECONDS = 256 / 22050  # one frame of the 22 kHz configs


def _maxrss_mb() -> float:
    """Peak resident set size of this process in MiB (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / (1024 if sys.platform == "darwin" else 1)


def _build(preset: str):
    import torch

    from tts.models.base import FeatureStats
    from tts.registry import ACOUSTIC_MODELS
    from tts.text.symbols import NUM_TONES, PHONEMES

    torch.manual_seed(0)
    cls = ACOUSTIC_MODELS.get(MODELS[preset])
    stats = FeatureStats(pitch_mean=5.0, pitch_std=0.3, energy_mean=0.0, energy_std=1.0)
    return cls(cls.presets[preset], n_mels=N_MELS, n_vocab=len(PHONEMES), n_tones=NUM_TONES, n_speakers=1,
               stats=stats).eval()


def _force_rate(preset: str, model, frames_per_phoneme: int, phonemes_per_word: float) -> None:
    """Constant durations for an untrained model (see the module notes)."""
    import torch

    if MODELS[preset] == "fastspeech2":
        head, frames = model.variance.duration_predictor.proj, float(frames_per_phoneme)
    else:
        head, frames = model.duration_predictor.proj, frames_per_phoneme * phonemes_per_word
    with torch.no_grad():
        head.weight.zero_()
        head.bias.fill_(math.log1p(frames))


def child(preset: str, threads: int, repeats: int, frames_per_phoneme: int) -> dict:
    """Runs in a fresh process: build one model and time its synthesis of SENTENCE."""
    import torch

    import tts.models  # noqa: F401  (registers the models)
    from tts.models.base import AcousticBatch, Controls
    from tts.text.frontend import Frontend
    from tts.text.symbols import PHONEME_TO_ID

    torch.set_num_threads(threads)
    sentence = Frontend()(SENTENCE).sentences[0]
    baseline = _maxrss_mb()
    model = _build(preset)
    words = max(sentence.word_index) + 1
    _force_rate(preset, model, frames_per_phoneme, len(sentence.phonemes) / words)
    batch = AcousticBatch(phonemes=torch.tensor([[PHONEME_TO_ID[p] for p in sentence.phonemes]]),
                          tones=torch.tensor([sentence.tones]), phoneme_lengths=torch.tensor([len(sentence.phonemes)]),
                          word_index=torch.tensor([sentence.word_index]), word_lengths=torch.tensor([words]))
    walls, cpus = [], []
    with torch.inference_mode():
        for k in range(repeats + 1):
            start, cpu_start = time.perf_counter(), time.process_time()
            out = model.infer(batch, Controls(seed=k))
            walls.append(time.perf_counter() - start)
            cpus.append(time.process_time() - cpu_start)
    frames = int(out.mel_lengths[0])
    seconds = frames * HOP_SECONDS
    wall, cpu = statistics.median(walls[1:]), statistics.median(cpus[1:])
    return {"preset": preset, "frames": frames, "seconds": seconds, "wall": wall, "cpu": cpu,
            "rtf": wall / seconds, "cpu_rtf": cpu / seconds, "peak_mb": _maxrss_mb() - baseline,
            "params": sum(p.numel() for p in model.parameters())}


def _parameter_counts() -> dict[str, int]:
    import torch

    import tts.models  # noqa: F401

    counts = {}
    for preset in MODELS:
        with torch.device("meta"):  # shapes only
            counts[preset] = sum(p.numel() for p in _build(preset).parameters())
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=1, help="torch threads (1 makes CPU time comparable)")
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument("--frames-per-phoneme", type=int, default=7, help="forced speaking rate (about 12 phonemes/s)")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.threads, args.repeats, args.frames_per_phoneme)))
        return

    import torch

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"machine: {platform.platform()}, {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
          f"python {platform.python_version()}, torch {torch.__version__}, {args.threads} threads, "
          f"load average {load:.2f} at start")
    counts = _parameter_counts()
    reference = counts["fastspeech2"]
    print("\nparameters")
    for preset, count in counts.items():
        print(f"  {preset:<18} {count / 1e6:6.2f} M  ({count / reference:6.1%} of fastspeech2)")

    print()
    print(f"synthesis of {len(SENTENCE)} characters, acoustic model only, batch 1, median of {args.repeats}")
    print(f"  {'preset':<18} {'frames':>6} {'audio s':>8} {'wall s':>8} {'RTF':>8} {'CPU s':>8} {'CPU RTF':>8} "
          f"{'peak MiB':>9}")
    results = {}
    for preset in MODELS:
        command = [sys.executable, __file__, "--child", preset, "--threads", str(args.threads),
                   "--repeats", str(args.repeats), "--frames-per-phoneme", str(args.frames_per_phoneme)]
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        r = json.loads(done.stdout.strip().splitlines()[-1])
        results[preset] = r
        print(f"  {preset:<18} {r['frames']:>6} {r['seconds']:>8.2f} {r['wall']:>8.4f} {r['rtf']:>8.4f} "
              f"{r['cpu']:>8.4f} {r['cpu_rtf']:>8.4f} {r['peak_mb']:>9.1f}")
    ps, fs, fs_small = results["portaspeech_small"], results["fastspeech2"], results["fastspeech2_small"]
    for name, other in (("fastspeech2", fs), ("fastspeech2_small", fs_small)):
        print(f"portaspeech_small vs {name + ':':<19} wall RTF x{ps['rtf'] / other['rtf']:.2f}, "
              f"CPU RTF x{ps['cpu_rtf'] / other['cpu_rtf']:.2f}, peak memory x{ps['peak_mb'] / other['peak_mb']:.2f}")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"load average {load:.2f} at the end (other processes share these CPUs: timings are noisy)")


if __name__ == "__main__":
    main()
