"""Figures for training logs and synthesis reports: mel + F0 + phonemes, attention, F0 curves.

Figures are built on :class:`matplotlib.figure.Figure` with an explicit Agg canvas, never through
``pyplot``: no display is needed, no global figure list grows during training, and importing this
module leaves matplotlib's backend setting alone. PNGs are written atomically (a temporary file in
the target folder, then ``os.replace``), so a reader never sees half an image.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional, Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from tts.errors import InputError
from tts.fileio import atomic_path

DPI = 100  # pixels per inch of saved PNGs and of figure_to_array
FRAME_WIDTH_IN = 0.02  # figure width per mel frame, inches (clamped to [WIDTH_MIN, WIDTH_MAX])
WIDTH_MIN_IN, WIDTH_MAX_IN = 8.0, 24.0
BOUNDARY_COLOR = "white"  # phoneme boundary lines over the mel image
F0_BOUNDARY_COLOR = "0.6"  # the same boundaries in the F0 panel (grey)
LABEL_FONT_SIZE = 7  # phoneme labels


def _new_figure(width: float, height: float) -> Figure:
    fig = Figure(figsize=(width, height), dpi=DPI, layout="constrained")
    FigureCanvasAgg(fig)  # attaches itself as fig.canvas
    return fig


def _width_for(frames: int) -> float:
    return float(np.clip(frames * FRAME_WIDTH_IN, WIDTH_MIN_IN, WIDTH_MAX_IN))


def save_figure(fig: Figure, path: Path) -> Path:
    """Write ``fig`` as a PNG at ``path`` atomically, creating parent folders; returns ``path``."""
    path = Path(path)
    with atomic_path(path) as tmp:
        fig.savefig(tmp, format="png", dpi=DPI)
    return path


def figure_to_array(fig: Figure) -> np.ndarray:
    """Render ``fig`` to RGB pixels ``[H, W, 3]`` uint8.

    For TensorBoard: ``writer.add_image(tag, figure_to_array(fig), step, dataformats="HWC")``.
    """
    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    canvas.draw()
    rgba = np.asarray(canvas.buffer_rgba())  # [H, W, 4]
    return np.ascontiguousarray(rgba[..., :3])


def _unvoiced_to_nan(f0: np.ndarray, voiced: Optional[np.ndarray]) -> np.ndarray:
    """F0 ``[T]`` as float, NaN where unvoiced (``voiced`` False or f0 <= 0) so the line breaks."""
    out = np.asarray(f0, dtype=np.float64).copy()
    mask = out > 0 if voiced is None else np.asarray(voiced, dtype=bool) & (out > 0)
    out[~mask] = np.nan
    return out


def _draw_phonemes(
    ax: Axes, durations: Sequence[int], phonemes: Optional[Sequence[str]], color: str
) -> None:
    """Vertical lines at phoneme boundaries; ``phonemes`` on a top axis at segment centres."""
    edges = np.concatenate([[0], np.cumsum(np.asarray(durations, dtype=np.int64))])  # [T_ph + 1]
    for x in edges[1:-1]:
        ax.axvline(x - 0.5, color=color, linewidth=0.6, alpha=0.8)
    if phonemes is not None:
        top = ax.secondary_xaxis("top")
        top.set_xticks((edges[:-1] + edges[1:]) / 2 - 0.5)
        rotation = 90 if len(phonemes) > 30 else 0
        top.set_xticklabels(list(phonemes), fontsize=LABEL_FONT_SIZE, rotation=rotation)
        top.tick_params(length=0)


def _check_synthesis_inputs(
    mel: np.ndarray,
    f0: Optional[np.ndarray],
    durations: Optional[Sequence[int]],
    phonemes: Optional[Sequence[str]],
) -> None:
    if mel.ndim != 2 or mel.shape[1] == 0:
        raise InputError(f"plot_synthesis: mel must be [n_mels, T] with T > 0, got {mel.shape}")
    frames = mel.shape[1]
    if f0 is not None and np.asarray(f0).shape != (frames,):
        raise InputError(f"plot_synthesis: f0 must be [T] = [{frames}], got {np.asarray(f0).shape}")
    if phonemes is not None and durations is None:
        raise InputError("plot_synthesis: phoneme labels need durations to be placed")
    if durations is not None:
        if any(int(d) < 0 for d in durations):
            raise InputError("plot_synthesis: durations must be non-negative frame counts")
        if int(sum(durations)) != frames:
            raise InputError(
                f"plot_synthesis: durations sum to {int(sum(durations))} frames "
                f"but the mel has {frames}"
            )
        if phonemes is not None and len(phonemes) != len(durations):
            raise InputError(
                f"plot_synthesis: {len(phonemes)} phoneme labels for {len(durations)} durations"
            )


def plot_synthesis(
    mel: np.ndarray,
    f0: Optional[np.ndarray] = None,
    durations: Optional[Sequence[int]] = None,
    phonemes: Optional[Sequence[str]] = None,
    path: Optional[Path] = None,
    title: str = "",
) -> Figure:
    """Mel spectrogram ``[n_mels, T]`` over frames, with F0 ``[T]`` (Hz, 0 = unvoiced) in a panel
    below and phoneme boundaries (``durations`` in frames, summing to T) labelled with ASCII pinyin
    ``phonemes``. Saved as PNG when ``path`` is given."""
    mel = np.asarray(mel, dtype=np.float32)
    _check_synthesis_inputs(mel, f0, durations, phonemes)
    frames = mel.shape[1]
    panels = 2 if f0 is not None else 1
    fig = _new_figure(_width_for(frames), 3.2 * panels)
    axes = fig.subplots(panels, 1, sharex=True, squeeze=False, height_ratios=[3, 1.6][:panels])[
        :, 0
    ]
    ax_mel = axes[0]
    image = ax_mel.imshow(mel, origin="lower", aspect="auto", interpolation="none", cmap="magma")
    fig.colorbar(image, ax=list(axes), pad=0.01, fraction=0.03, label="log-mel")  # keeps x aligned
    ax_mel.set_ylabel("mel bin")
    if durations is not None:
        _draw_phonemes(ax_mel, durations, phonemes, color=BOUNDARY_COLOR)
    if f0 is not None:
        ax_f0 = axes[1]
        ax_f0.plot(np.arange(frames), _unvoiced_to_nan(f0, None), color="tab:blue", linewidth=1.2)
        ax_f0.set_ylabel("F0 (Hz)")
        ax_f0.grid(alpha=0.3)
        if durations is not None:
            _draw_phonemes(ax_f0, durations, None, color=F0_BOUNDARY_COLOR)
    axes[-1].set_xlabel("frame")
    axes[-1].set_xlim(-0.5, frames - 0.5)
    if title:
        fig.suptitle(title)
    if path is not None:
        save_figure(fig, path)
    return fig


def plot_alignment(
    attn: np.ndarray, path: Optional[Path] = None, title: str = "alignment"
) -> Figure:
    """Attention or duration alignment ``[T_text, T_frames]`` as an image (text on the y axis)."""
    attn = np.asarray(attn, dtype=np.float32)
    if attn.ndim != 2 or 0 in attn.shape:
        raise InputError(
            f"plot_alignment: expected a non-empty [T_text, T_frames] array, got {attn.shape}"
        )
    fig = _new_figure(_width_for(attn.shape[1]) * 0.75, 4.5)
    ax = fig.add_subplot()
    image = ax.imshow(attn, origin="lower", aspect="auto", interpolation="none", cmap="viridis")
    fig.colorbar(image, ax=ax, pad=0.01, fraction=0.03)
    ax.set_xlabel("frame")
    ax.set_ylabel("text position")
    ax.set_title(title)
    if path is not None:
        save_figure(fig, path)
    return fig


def plot_f0(
    ref: np.ndarray,
    syn: np.ndarray,
    path: Optional[Path] = None,
    ref_voiced: Optional[np.ndarray] = None,
    syn_voiced: Optional[np.ndarray] = None,
    title: str = "F0",
) -> Figure:
    """Reference ``[T_ref]`` and synthesized ``[T_syn]`` F0 in Hz over frames; unvoiced frames
    (mask False, or f0 <= 0) are left as gaps. The lengths may differ."""
    ref, syn = np.asarray(ref), np.asarray(syn)
    for name, f0, voiced in (("ref", ref, ref_voiced), ("syn", syn, syn_voiced)):
        if f0.ndim != 1 or f0.shape[0] == 0:
            raise InputError(f"plot_f0: {name} must be a non-empty [T] array, got {f0.shape}")
        if voiced is not None and np.asarray(voiced).shape != f0.shape:
            raise InputError(f"plot_f0: {name}_voiced must match {name} shape {f0.shape}")
    fig = _new_figure(_width_for(max(ref.shape[0], syn.shape[0])), 3.5)
    ax = fig.add_subplot()
    ax.plot(
        np.arange(ref.shape[0]), _unvoiced_to_nan(ref, ref_voiced), label="reference", linewidth=1.4
    )
    ax.plot(
        np.arange(syn.shape[0]),
        _unvoiced_to_nan(syn, syn_voiced),
        label="synthesized",
        linewidth=1.2,
    )
    ax.set_xlabel("frame")
    ax.set_ylabel("F0 (Hz)")
    ax.set_title(title)
    ax.grid(alpha=0.3)
    ax.legend(loc="upper right")
    if path is not None:
        save_figure(fig, path)
    return fig
