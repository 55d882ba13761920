"""Least-squares GAN, feature-matching and mel-L1 losses of HiFi-GAN (Kong, Kim & Bae 2020).

Each returns one unweighted scalar summed over the sub-discriminators (the paper's sums); the
trainer weights them by name from ``train.loss_weights`` (paper: adversarial 1, feature matching
2, mel 45).
"""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import Tensor

from tts.audio.features import MelExtractor
from tts.models.discriminators import DiscriminatorOutput

REAL_TARGET = 1.0  # LSGAN label of real audio
FAKE_TARGET = 0.0  # LSGAN label of generated audio


def _check_pairs(real: list[DiscriminatorOutput], fake: list[DiscriminatorOutput]) -> None:
    if len(real) != len(fake) or not real:
        raise ValueError(f"need the same non-zero number of real and fake outputs, got {len(real)} and {len(fake)}")


def discriminator_loss(real: list[DiscriminatorOutput], fake: list[DiscriminatorOutput]) -> Tensor:
    """Σ_k E[(D_k(x) - 1)²] + E[D_k(G(s))²]: 0 for a perfect discriminator."""
    _check_pairs(real, fake)
    total = real[0].logits.new_zeros(())
    for r, f in zip(real, fake):
        total = total + torch.mean((r.logits - REAL_TARGET) ** 2) + torch.mean((f.logits - FAKE_TARGET) ** 2)
    return total


def generator_adversarial_loss(fake: list[DiscriminatorOutput]) -> Tensor:
    """Σ_k E[(D_k(G(s)) - 1)²]: 0 when every discriminator takes the fake for real."""
    if not fake:
        raise ValueError("need at least one discriminator output")
    total = fake[0].logits.new_zeros(())
    for f in fake:
        total = total + torch.mean((f.logits - REAL_TARGET) ** 2)
    return total


def feature_matching_loss(real: list[DiscriminatorOutput], fake: list[DiscriminatorOutput]) -> Tensor:
    """Σ_k Σ_layers E|D_k^l(x) - D_k^l(G(s))|, real features detached (no gradient to D)."""
    _check_pairs(real, fake)
    total = real[0].logits.new_zeros(())
    for r, f in zip(real, fake):
        if len(r.features) != len(f.features):
            raise ValueError("real and fake outputs have different numbers of feature maps")
        for real_map, fake_map in zip(r.features, f.features):
            total = total + F.l1_loss(fake_map, real_map.detach())
    return total


def mel_l1_loss(mel: MelExtractor, fake: Tensor, real: Tensor) -> Tensor:
    """Mean |log-mel(fake) - log-mel(real)| with the project's one mel (``fake``, ``real``: [B, S]).

    The frames of the shorter signal are compared (a generator's output is ``T * hop`` samples and
    may differ from a target crop by less than a frame).
    """
    fake_mel = mel(fake.float())  # [B, n_mels, F1]
    real_mel = mel(real.float())  # [B, n_mels, F2]
    frames = min(fake_mel.shape[-1], real_mel.shape[-1])
    return F.l1_loss(fake_mel[..., :frames], real_mel[..., :frames])
