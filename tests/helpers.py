"""Tiny generated corpora and recipes shared by the tests."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import soundfile as sf

SR = 22050
SYLLABLES = [("n", "i", 3), ("h", "ao", 3), ("sh", "ir", 4), ("j", "ie", 4), ("zh", "ong", 1), ("g", "uo", 2)]


def voiced_wave(seconds: float, f0: float, seed: int) -> np.ndarray:
    """A harmonic tone with a slow pitch glide and a little noise: speech-like enough for F0 and mel."""
    rng = np.random.default_rng(seed)
    t = np.arange(int(seconds * SR)) / SR
    freq = f0 * (1 + 0.1 * np.sin(2 * np.pi * 1.5 * t))
    phase = 2 * np.pi * np.cumsum(freq) / SR
    wave = sum(np.sin(k * phase) / k for k in range(1, 8))
    return (0.3 * wave / np.abs(wave).max() + 0.003 * rng.standard_normal(t.size)).astype(np.float32)


def make_folder_corpus(root: Path, count: int = 8, seed: int = 0) -> Path:
    """``wavs/`` + ``metadata.csv`` + ``alignments/<id>.json`` with exact phone intervals."""
    (root / "wavs").mkdir(parents=True, exist_ok=True)
    (root / "alignments").mkdir(exist_ok=True)
    rng = np.random.default_rng(seed)
    lines = []
    for index in range(count):
        item_id = f"utt{index:03d}"
        n_syl = int(rng.integers(2, 5))
        chosen = [SYLLABLES[int(i)] for i in rng.integers(0, len(SYLLABLES), n_syl)]
        phones = [("SP", 0)] + [(p, tone) for ini, fin, tone in chosen for p in (ini, fin)] + [("SP", 0)]
        lengths = rng.uniform(0.06, 0.16, len(phones))
        bounds = np.concatenate([[0.0], np.cumsum(lengths)])
        seconds = float(bounds[-1])
        sf.write(root / "wavs" / f"{item_id}.wav", voiced_wave(seconds, 120 + 15 * index, index), SR)
        intervals = [{"phone": p, "tone": t, "start": float(a), "end": float(b)}
                     for (p, t), a, b in zip(phones, bounds, bounds[1:])]
        (root / "alignments" / f"{item_id}.json").write_text(json.dumps({"id": item_id, "intervals": intervals}))
        lines.append(f"{item_id}|你好世界")
    (root / "metadata.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def write_recipe(path: Path, corpus: Path, run_dir: Path, extra: str = "", model: str = "fastspeech2_small") -> Path:
    """A recipe on the shipped configs, pointed at a generated corpus and a temp run folder."""
    repo = Path(__file__).resolve().parents[1]
    path.write_text(
        f"base: [{repo}/configs/audio/22k.yaml, {repo}/configs/model/{model}.yaml, "
        f"{repo}/configs/train/cpu.yaml]\n"
        f"name: test\nrun_dir: {run_dir}\n"
        f"data:\n  corpus: folder\n  path: {corpus}\n  duration_source: alignment\n"
        f"  dev_items: 1\n  test_items: 1\n" + extra,
        encoding="utf-8",
    )
    return path
