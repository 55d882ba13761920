"""Keep named parameters fixed while the rest trains (``train.freeze``), e.g. fine-tuning a DiffSinger's
denoiser on top of a trained encoder, variance model and auxiliary decoder (ESPnet's ``freeze_param``).
"""

from __future__ import annotations

import fnmatch
from typing import Mapping, Sequence

from torch import nn

from tts.errors import ConfigError


def freeze_parameters(networks: Mapping[str, nn.Module], patterns: Sequence[str]) -> int:
    """Turn off ``requires_grad`` for every parameter whose name (as in the network's state dict, e.g.
    ``variance.pitch_head.weight``) matches one of the fnmatch ``patterns``; returns how many tensors.
    A pattern that matches nothing is a ConfigError (a typo would otherwise train everything)."""
    if not patterns:
        return 0
    unused = set(patterns)
    frozen = 0
    for net in networks.values():
        for name, parameter in net.named_parameters():
            hits = [p for p in patterns if fnmatch.fnmatchcase(name, p)]
            if hits:
                parameter.requires_grad_(False)
                unused.difference_update(hits)
                frozen += 1
    if unused:
        raise ConfigError(f"train.freeze: no parameter matches {', '.join(sorted(unused))} "
                          f"(names look like {_examples(networks)})")
    return frozen


def _examples(networks: Mapping[str, nn.Module], count: int = 3) -> str:
    names = [name for net in networks.values() for name, _ in net.named_parameters()]
    return ", ".join(names[:count]) + (", ..." if len(names) > count else "")
