"""The aligner as a :class:`~tts.train.task.TrainTask`: one phase, forward-sum + binarization losses,
alignment images of the validation items."""

from __future__ import annotations

from typing import Iterable

import torch
from torch import Tensor, nn

from tts.align.mas import durations_to_hard
from tts.align.model import Aligner, binarization_loss, forward_sum_loss, hard_alignment
from tts.models.base import AcousticBatch
from tts.train.task import ValidationMedia


class AlignTask:
    """Trains an :class:`Aligner`; the binarization loss joins after ``binarization_start`` steps
    (the paper switches it on once the soft alignment has settled)."""

    phases = ("aligner",)

    def __init__(self, model: Aligner, binarization_start: int) -> None:
        self.model = model
        self.binarization_start = binarization_start

    def networks(self) -> dict[str, nn.Module]:
        return {"aligner": self.model}

    def phase_parameters(self, phase: str) -> Iterable[nn.Parameter]:
        return self.model.parameters()

    def loss_names(self, phase: str) -> tuple[str, ...]:
        return ("forward_sum", "binarization")

    def losses(self, phase: str, batch: AcousticBatch, nets: dict[str, nn.Module], step: int) -> dict[str, Tensor]:
        out = nets["aligner"](batch)
        assert batch.mel_lengths is not None
        losses = {"forward_sum": forward_sum_loss(out, batch.phoneme_lengths, batch.mel_lengths,
                                                  self.model.config.blank_logprob)}
        if step >= self.binarization_start:
            hard = hard_alignment(out, batch.phoneme_lengths, batch.mel_lengths)
            losses["binarization"] = binarization_loss(out, hard)
        return losses

    @torch.no_grad()
    def media(self, batch: AcousticBatch) -> list[ValidationMedia]:
        """Soft alignment and its MAS durations, ``[N, T]`` images, per item."""
        from tts.plots import figure_to_array, plot_alignment

        assert batch.mel_lengths is not None
        soft = self.model(batch).log_attention.exp()  # [B, T, N]
        hard = self.model.align(batch)
        media = []
        for b, item in enumerate(hard):
            n, t = int(batch.phoneme_lengths[b]), int(batch.mel_lengths[b])
            images = {
                "alignment": figure_to_array(plot_alignment(soft[b, :t, :n].T.float().cpu().numpy(),
                                                            title=f"soft alignment, dev item {b}")),
                "durations": figure_to_array(plot_alignment(durations_to_hard(item.durations, t),
                                                            title=f"MAS durations (cost {item.cost:.2f})")),
            }
            media.append(ValidationMedia(id=f"item{b}", images=images))
        return media
