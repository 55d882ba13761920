"""Start a new run from a trained voice's weights (``train.init_from``): fine-tuning and model growth.

A tensor of the voice is copied into the new model when the name and shape agree. A weight whose
input dimension (dim 1 of a Linear ``[out, in]`` or Conv1d ``[out, in, k]`` weight) grew keeps the
voice's columns and starts the new ones at zero, so the grown network computes what the voice did
until training moves it (Net2Net's function-preserving widening); e.g. a DiffSinger denoiser that
now also sees the coarse mel (``aux_condition``). Every other tensor — and any named by ``train.init_exclude`` —
keeps its fresh initialization, and the report says which. The weights are read with safetensors: no code is unpickled.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import torch
from safetensors import SafetensorError
from safetensors.torch import load_file
from torch import nn

from tts.errors import ConfigError
from tts.synth.voice import WEIGHTS_FILE


@dataclass
class InitReport:
    """What :func:`init_from_voice` did, tensor name by tensor name."""

    source: Path
    copied: list[str] = field(default_factory=list)  # same name and shape
    widened: list[str] = field(default_factory=list)  # input dimension grew: old columns, new ones zero
    fresh: list[str] = field(default_factory=list)  # absent from the voice, of another shape, or excluded
    unused: list[str] = field(default_factory=list)  # in the voice, not in the model

    def describe(self) -> str:
        parts = [f"initialized from {self.source}: {len(self.copied)} tensors copied"]
        if self.widened:
            parts.append(f"{len(self.widened)} widened with zero columns ({', '.join(self.widened[:3])}"
                         f"{', ...' if len(self.widened) > 3 else ''})")
        if self.fresh:
            parts.append(f"{len(self.fresh)} left fresh ({', '.join(self.fresh[:3])}"
                         f"{', ...' if len(self.fresh) > 3 else ''})")
        if self.unused:
            parts.append(f"{len(self.unused)} of the voice's unused")
        return "; ".join(parts)


def weights_path(source: Path) -> Path:
    """``source``'s weights: a voice folder's, or the ``voice/`` folder's of a run directory."""
    for folder in (source, source / "voice"):
        if (folder / WEIGHTS_FILE).is_file():
            return folder / WEIGHTS_FILE
    raise ConfigError(f"train.init_from: no {WEIGHTS_FILE} in {source} or {source / 'voice'} "
                      "(give a voice folder or a finished run directory)")


def _widens(old: torch.Tensor, new: torch.Tensor) -> bool:
    """Whether ``new`` is ``old`` with a larger input dimension (dim 1) and every other dim equal."""
    return (old.dim() == new.dim() >= 2 and old.shape[1] < new.shape[1]
            and old.shape[:1] == new.shape[:1] and old.shape[2:] == new.shape[2:])


def init_from_voice(model: nn.Module, source: Path, exclude: Sequence[str] = ()) -> InitReport:
    """Copy ``source``'s weights into ``model`` (see the module docstring), except tensors whose name
    matches one of the ``exclude`` fnmatch patterns (left fresh); raise if nothing fits."""
    path = weights_path(source)
    try:
        voice = load_file(str(path))
    except (SafetensorError, OSError, ValueError, RuntimeError) as err:
        raise ConfigError(f"train.init_from: {path} is not a readable safetensors file ({err})") from None
    report = InitReport(source=path.parent)
    state = model.state_dict()
    with torch.no_grad():
        for name, target in state.items():
            given = voice.get(name)
            if given is None or any(fnmatch.fnmatchcase(name, pattern) for pattern in exclude):
                report.fresh.append(name)
            elif given.shape == target.shape:
                target.copy_(given.to(target.dtype))
                report.copied.append(name)
            elif _widens(given, target):
                target.zero_()
                target[:, : given.shape[1]].copy_(given.to(target.dtype))
                report.widened.append(name)
            else:
                report.fresh.append(name)
    report.unused = sorted(set(voice) - set(state))
    if not report.copied and not report.widened:
        raise ConfigError(f"train.init_from: no tensor of {path} fits this recipe's model "
                          "(a voice of another model or size?)")
    model.load_state_dict(state)
    return report
