"""Plots render headless, write complete PNGs atomically and convert to HWC pixel arrays."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from matplotlib.figure import Figure

from tts.errors import InputError
from tts.plots import figure_to_array, plot_alignment, plot_f0, plot_synthesis, save_figure

ROOT = Path(__file__).resolve().parents[1]
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
FRAMES = 120


@pytest.fixture
def mel() -> np.ndarray:
    return np.random.default_rng(0).normal(size=(80, FRAMES)).astype(np.float32)


def f0_track() -> np.ndarray:
    f0 = 220.0 + 30.0 * np.sin(np.arange(FRAMES) / 10.0)
    f0[40:55] = 0.0  # unvoiced gap
    return f0


def assert_png(path: Path) -> None:
    data = path.read_bytes()
    assert data[:8] == PNG_MAGIC and len(data) > 1000
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]  # no temp file left


def test_plot_synthesis_writes_png_with_labels(tmp_path: Path, mel: np.ndarray) -> None:
    durations = [20, 15, 25, 30, 30]
    phonemes = ["SP", "n", "i", "h", "ao"]
    target = tmp_path / "nested" / "syn.png"
    fig = plot_synthesis(mel, f0_track(), durations, phonemes, path=target, title="ni hao")
    assert isinstance(fig, Figure)
    assert_png(target)
    mel_ax, f0_ax = fig.axes[0], fig.axes[1]
    boundaries = [line.get_xdata()[0] for line in mel_ax.get_lines()]
    assert boundaries == pytest.approx([19.5, 34.5, 59.5, 89.5])
    (top,) = mel_ax.child_axes  # the secondary x axis that carries the labels
    assert [t.get_text() for t in top.get_xticklabels()] == phonemes
    assert top.get_xticks() == pytest.approx([9.5, 27, 47, 74.5, 104.5])  # segment centres
    f0_line = f0_ax.get_lines()[0].get_ydata()
    assert np.isnan(f0_line[40:55]).all() and not np.isnan(f0_line[:40]).any()


def test_plot_synthesis_mel_only_and_array(mel: np.ndarray) -> None:
    fig = plot_synthesis(mel)
    pixels = figure_to_array(fig)
    width, height = fig.get_size_inches() * fig.dpi
    assert pixels.shape == (round(height), round(width), 3) and pixels.dtype == np.uint8
    assert pixels.std() > 10  # something was drawn, not a blank canvas


def test_plot_synthesis_rejects_inconsistent_inputs(mel: np.ndarray) -> None:
    with pytest.raises(InputError, match="sum to 100"):
        plot_synthesis(mel, durations=[50, 50])
    with pytest.raises(InputError, match="labels"):
        plot_synthesis(mel, durations=[60, 60], phonemes=["a"])
    with pytest.raises(InputError, match="f0"):
        plot_synthesis(mel, f0=np.zeros(FRAMES - 1))
    with pytest.raises(InputError, match="n_mels, T"):
        plot_synthesis(mel[0])


def test_plot_alignment_and_f0(tmp_path: Path) -> None:
    attn = np.random.default_rng(1).random((12, FRAMES))
    fig = plot_alignment(attn, path=tmp_path / "align.png")
    assert_png(tmp_path / "align.png")
    assert fig.axes[0].images[0].get_array().shape == (12, FRAMES)
    ref = f0_track()
    fig = plot_f0(ref, ref[:100] * 1.05, path=tmp_path / "f0.png")
    assert_png(tmp_path / "f0.png")
    ref_line, syn_line = fig.axes[0].get_lines()
    assert len(ref_line.get_xdata()) == FRAMES and len(syn_line.get_xdata()) == 100
    with pytest.raises(InputError):
        plot_alignment(np.zeros((0, 5)))


def test_save_replaces_existing_file_atomically(tmp_path: Path, mel: np.ndarray) -> None:
    target = tmp_path / "out.png"
    target.write_bytes(b"old")
    save_figure(plot_synthesis(mel), target)
    assert_png(target)


def test_renders_without_display_or_pyplot(tmp_path: Path) -> None:
    script = (
        "import sys, numpy as np\n"
        "from tts.plots import plot_f0\n"
        f"plot_f0(np.full(50, 200.0), np.full(60, 210.0), path={str(tmp_path / 'h.png')!r})\n"
        "assert 'matplotlib.pyplot' not in sys.modules, 'plots must not import pyplot'\n"
    )
    env = {
        k: v for k, v in os.environ.items() if k not in ("DISPLAY", "MPLBACKEND", "WAYLAND_DISPLAY")
    }
    env["PYTHONPATH"] = str(ROOT)
    subprocess.run([sys.executable, "-c", script], check=True, env=env, timeout=60)
    assert_png(tmp_path / "h.png")
