"""What the training loop trains: a task owns the networks, their optimizer phases and losses.

An acoustic model has one phase ("model"); a GAN vocoder has two ("discriminator", "generator"),
each with its own optimizer and its own named losses. The loop is the same for both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Optional, Protocol

import numpy as np
import torch
from torch import Tensor, nn

from tts.config import LoadedConfig, resolve_model_config
from tts.models.base import AcousticBatch, AcousticModel, FeatureStats
from tts.registry import ACOUSTIC_MODELS
from tts.text.symbols import NUM_TONES, PHONEMES


@dataclass
class ValidationMedia:
    """What one validation item shows in TensorBoard."""

    id: str
    audio: Optional[np.ndarray] = None  # [samples] float32
    images: dict[str, np.ndarray] = field(default_factory=dict)  # name → [H, W, 3] uint8


class TrainTask(Protocol):
    """The interface the training loop drives."""

    phases: tuple[str, ...]

    def networks(self) -> dict[str, nn.Module]:
        """Every trained module by name (saved in checkpoints, wrapped in DDP when distributed)."""

    def phase_parameters(self, phase: str) -> Iterable[nn.Parameter]:
        """The parameters one phase's optimizer updates."""

    def losses(self, phase: str, batch: Any, nets: dict[str, nn.Module], step: int) -> dict[str, Tensor]:
        """Named unweighted losses of one phase; ``nets`` may be DDP-wrapped versions of ``networks()``.

        An empty dict skips the phase for this step (no optimizer or scheduler step), e.g. the
        discriminator of a GAN during its generator-only warm-up."""

    def loss_names(self, phase: str) -> tuple[str, ...]:
        """Every loss name a phase can return (to check ``train.loss_weights``)."""

    def media(self, batch: Any) -> list[ValidationMedia]:
        """Audio and images for a validation batch."""


def build_acoustic_model(loaded: LoadedConfig, stats: FeatureStats, n_speakers: int) -> AcousticModel:
    """The recipe's acoustic model: a registered class, a named preset and strict overrides."""
    cfg = loaded.config
    cls = ACOUSTIC_MODELS.get(cfg.model.name)
    where = str(loaded.origins.get("model.preset", loaded.source))
    model_config = resolve_model_config(cls, cfg.model.preset, cfg.model.params, where)
    return cls(model_config, n_mels=cfg.audio.n_mels, n_vocab=len(PHONEMES), n_tones=NUM_TONES,
               n_speakers=n_speakers, stats=stats)


class AcousticTask:
    """Trains one acoustic model (FastSpeech 2, PortaSpeech, ...) with a single optimizer."""

    phases = ("model",)

    def __init__(self, model: AcousticModel, media_fn: Optional[Any] = None) -> None:
        self.model = model
        self.media_fn = media_fn  # callable(model, batch) -> list[ValidationMedia]

    def networks(self) -> dict[str, nn.Module]:
        return {"model": self.model}

    def phase_parameters(self, phase: str) -> Iterable[nn.Parameter]:
        return self.model.parameters()

    def losses(self, phase: str, batch: AcousticBatch, nets: dict[str, nn.Module], step: int) -> dict[str, Tensor]:
        outputs = nets["model"](batch)
        return self.model.loss(batch, outputs)

    def loss_names(self, phase: str) -> tuple[str, ...]:
        return tuple(self.model.loss_names)

    @torch.no_grad()
    def media(self, batch: AcousticBatch) -> list[ValidationMedia]:
        return self.media_fn(self.model, batch) if self.media_fn else []
