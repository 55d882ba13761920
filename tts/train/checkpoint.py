"""Training checkpoints: written atomically, the last K kept, a corrupt latest one skipped.

A checkpoint is a ``torch.save`` of plain state dicts, read back with ``weights_only=True`` so
that loading never runs code from the file.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

import torch

from tts.fileio import atomic_write_bytes

_NAME = re.compile(r"^ckpt_(\d{8})\.pt$")


@dataclass
class Resumed:
    """A checkpoint read back."""

    path: Path
    step: int
    state: dict[str, Any]


@dataclass
class Latest:
    """The newest readable checkpoint (None when there is none) and the unreadable ones skipped."""

    resumed: Optional[Resumed]
    skipped: list[str] = field(default_factory=list)


def checkpoint_paths(directory: Path) -> list[Path]:
    """Checkpoints in ``directory``, oldest first."""
    if not directory.is_dir():
        return []
    found = [p for p in directory.iterdir() if _NAME.match(p.name)]
    return sorted(found, key=lambda p: int(_NAME.match(p.name).group(1)))  # type: ignore[union-attr]


def save_checkpoint(directory: Path, step: int, state: dict[str, Any], keep: int) -> Path:
    """Write ``state`` as ``ckpt_<step>.pt`` atomically, then delete all but the newest ``keep``."""
    buffer = io.BytesIO()
    torch.save({"step": step, **state}, buffer)
    path = directory / f"ckpt_{step:08d}.pt"
    atomic_write_bytes(path, buffer.getvalue())
    for old in checkpoint_paths(directory)[:-max(1, keep)]:
        old.unlink(missing_ok=True)
    return path


def load_latest(directory: Path) -> Latest:
    """The newest checkpoint that loads; unreadable ones are reported in ``skipped`` and passed over."""
    skipped: list[str] = []
    for path in reversed(checkpoint_paths(directory)):
        try:
            state = torch.load(path, map_location="cpu", weights_only=True)
            step = int(state["step"])
        except Exception as err:  # any corruption: truncated zip, bad pickle opcode, missing key
            skipped.append(f"{path}: unreadable ({type(err).__name__}); falling back to an older checkpoint")
            continue
        return Latest(Resumed(path=path, step=step, state=state), skipped)
    return Latest(None, skipped)
