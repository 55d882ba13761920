"""PortaSpeech's variational generator and flow post-net (Ren et al., 2021).

- :class:`VariationalGenerator`: a conditional VAE over mel frames. The posterior encoder reads the
  mel, downsampled in time by a strided conv, through a WaveNet into a latent ``z`` with a
  diagonal Gaussian; the decoder upsamples ``z`` and, conditioned on the frame-level linguistic
  features, produces a coarse mel. The prior is a standard normal pushed through a small
  conditional flow (affine couplings on the latent), so the KL term is estimated with the one
  posterior sample: ``log q(z|x) − log p(z|text)``.
- :class:`FlowPostNet`: Glow steps over the mel (two frames folded into channels), conditioned on
  the coarse mel and the linguistic features, trained by negative log-likelihood. The condition
  is detached: the post-net learns the detail the VAE misses without pulling the VAE towards it.
- :class:`PitchReader`: a small conv net that reads z-scored log-F0 and voicing off a mel. The
  paper's model predicts no pitch; this reader gives the synthesizer (plots, NSF vocoders) an F0
  that belongs to the sampled mel, so two seeds give two F0 curves.

Sampling takes ``noise_scale`` (the temperature of the standard normals) and an optional
``torch.Generator`` for reproducible output.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from tts.models.layers.conditional_wavenet import ConditionalWaveNet
from tts.models.layers.conv import ConvStack
from tts.models.layers.flows import (
    LOG_2PI,
    coupling_flow,
    glow_flow,
    pad_to_multiple,
    squeeze,
    standard_normal_logp,
    unsqueeze,
)


def sample_normal(shape: tuple[int, ...], like: Tensor, scale: float, generator: Optional[torch.Generator]) -> Tensor:
    """``scale`` × standard normal noise of ``shape``, on ``like``'s device and dtype."""
    noise = torch.randn(shape, generator=generator, device=like.device if generator is None else generator.device)
    return (noise * scale).to(device=like.device, dtype=like.dtype)


@dataclass
class VAESettings:
    """Shapes of the VAE (from the model config)."""

    latent_channels: int
    channels: int
    downsample: int
    kernel_size: int
    encoder_layers: int
    decoder_layers: int
    prior_steps: int
    prior_hidden: int
    prior_layers: int
    dropout: float


@dataclass
class VAEOutput:
    """Teacher-forced VAE pass."""

    coarse: Tensor  # [B, n_mels, T] decoded mel (normalized)
    kl: Tensor  # scalar, KL per latent element (one-sample estimate with the flow prior)


class VariationalGenerator(nn.Module):
    """Mel ↔ latent with a text-conditioned flow prior; decodes coarse mels."""

    def __init__(self, n_mels: int, cond_dim: int, s: VAESettings) -> None:
        super().__init__()
        self.s = s
        self.encoder_in = nn.Conv1d(n_mels, s.channels, s.downsample, stride=s.downsample)
        self.encoder = ConditionalWaveNet(s.channels, s.kernel_size, 1, s.encoder_layers, 0, s.dropout)
        self.encoder_out = nn.Conv1d(s.channels, 2 * s.latent_channels, 1)
        self.decoder_in = nn.ConvTranspose1d(s.latent_channels, s.channels, s.downsample, stride=s.downsample)
        self.decoder = ConditionalWaveNet(s.channels, s.kernel_size, 1, s.decoder_layers, cond_dim, s.dropout)
        self.decoder_out = nn.Conv1d(s.channels, n_mels, 1)
        self.prior_cond = nn.Conv1d(cond_dim, s.prior_hidden, s.downsample, stride=s.downsample)
        self.prior = coupling_flow(s.latent_channels, s.prior_steps, s.prior_hidden, s.kernel_size,
                                   s.prior_layers, s.prior_hidden, s.dropout)

    def _pad(self, x: Tensor, mask: Tensor) -> tuple[Tensor, Tensor, Tensor]:
        """Pad [B, C, T] and mask [B, 1, T] to a multiple of the downsampling; latent mask [B, 1, T']."""
        x, mask = pad_to_multiple(x, mask, self.s.downsample)
        return x, mask, mask[:, :, :: self.s.downsample]

    def decode(self, z: Tensor, cond: Tensor, mask: Tensor) -> Tensor:
        """z [B, L, T'] with cond [B, C, T] / mask [B, 1, T] (T = T' × downsample) → mel [B, n_mels, T]."""
        h = self.decoder_in(z) * mask
        return self.decoder_out(self.decoder(h, mask, cond)) * mask

    def forward(self, mel: Tensor, cond: Tensor, mask: Tensor) -> VAEOutput:
        """mel [B, n_mels, T], cond [B, C, T], mask [B, 1, T] → coarse mel and KL."""
        length = mel.shape[-1]
        mel, _, z_mask = self._pad(mel, mask)
        cond, mask, _ = self._pad(cond, mask)
        h = self.encoder(self.encoder_in(mel) * z_mask, z_mask)
        mean, log_std = self.encoder_out(h).chunk(2, dim=1)  # each [B, L, T']
        eps = torch.randn_like(mean)
        z = (mean + torch.exp(log_std) * eps) * z_mask
        log_q = (-0.5 * (eps**2 + LOG_2PI) - log_std) * z_mask
        u, logdet = self.prior(z, z_mask, self.prior_cond(cond) * z_mask)
        log_p = standard_normal_logp(u, z_mask) + logdet  # [B]
        elements = (z_mask.sum() * self.s.latent_channels).clamp(min=1.0)
        kl = (log_q.sum() - log_p.sum()) / elements
        return VAEOutput(coarse=self.decode(z, cond, mask)[..., :length], kl=kl)

    def sample(self, cond: Tensor, mask: Tensor, noise_scale: float,
               generator: Optional[torch.Generator]) -> Tensor:
        """Prior sample → coarse mel [B, n_mels, T]; cond [B, C, T], mask [B, 1, T]."""
        length = cond.shape[-1]
        cond, mask, z_mask = self._pad(cond, mask)
        u = sample_normal((cond.shape[0], self.s.latent_channels, z_mask.shape[-1]), cond, noise_scale, generator)
        z, _ = self.prior(u * z_mask, z_mask, self.prior_cond(cond) * z_mask, reverse=True)
        return self.decode(z, cond, mask)[..., :length]


@dataclass
class PostNetSettings:
    """Shapes of the flow post-net (from the model config)."""

    steps: int
    hidden: int
    layers: int
    kernel_size: int
    squeeze: int
    cond_channels: int
    dequantize_noise: float  # std of the noise added to target mels in training (normalized units)
    dropout: float


class FlowPostNet(nn.Module):
    """Glow over mels, conditioned on (coarse mel, linguistic features)."""

    def __init__(self, n_mels: int, text_dim: int, s: PostNetSettings) -> None:
        super().__init__()
        self.s = s
        channels = n_mels * s.squeeze
        self.cond = nn.Conv1d((n_mels + text_dim) * s.squeeze, s.cond_channels, 3, padding=1)
        self.flow = glow_flow(channels, s.steps, s.hidden, s.kernel_size, s.layers, s.cond_channels, s.dropout)

    def _condition(self, coarse: Tensor, text: Tensor, mask: Tensor) -> tuple[Tensor, Tensor]:
        """Squeezed condition [B, C_cond, T/f] and group mask [B, 1, T/f] (inputs padded to T % f == 0)."""
        g, mask = pad_to_multiple(torch.cat([coarse, text], dim=1).detach(), mask, self.s.squeeze)
        g, group_mask = squeeze(g, mask, self.s.squeeze)
        return self.cond(g) * group_mask, group_mask

    def nll(self, mel: Tensor, coarse: Tensor, text: Tensor, mask: Tensor) -> Tensor:
        """Negative log-likelihood per mel element (nats): mel / coarse [B, n_mels, T], text [B, C, T]."""
        cond, group_mask = self._condition(coarse, text, mask)
        if self.training and self.s.dequantize_noise > 0:
            mel = mel + torch.randn_like(mel) * self.s.dequantize_noise
        x, mask = pad_to_multiple(mel * mask, mask, self.s.squeeze)
        x, _ = squeeze(x, mask, self.s.squeeze)
        z, logdet = self.flow(x * group_mask, group_mask, cond)
        log_p = standard_normal_logp(z, group_mask) + logdet  # [B]
        elements = (group_mask.sum() * x.shape[1]).clamp(min=1.0)
        return -log_p.sum() / elements

    def sample(self, coarse: Tensor, text: Tensor, mask: Tensor, noise_scale: float,
               generator: Optional[torch.Generator]) -> Tensor:
        """A mel [B, n_mels, T] drawn given the coarse mel and text features."""
        length = coarse.shape[-1]
        cond, group_mask = self._condition(coarse, text, mask)
        shape = (coarse.shape[0], coarse.shape[1] * self.s.squeeze, group_mask.shape[-1])
        z = sample_normal(shape, coarse, noise_scale, generator) * group_mask
        x, _ = self.flow(z, group_mask, cond, reverse=True)
        return unsqueeze(x, self.s.squeeze)[..., :length] * mask


class PitchReader(nn.Module):
    """Normalized mel [B, n_mels, T] → (z-scored log-F0 [B, T], unvoiced logit [B, T])."""

    def __init__(self, n_mels: int, hidden: int, n_layers: int, kernel_size: int, dropout: float) -> None:
        super().__init__()
        self.body = ConvStack(n_mels, hidden, n_layers, kernel_size, dropout)
        self.head = nn.Linear(hidden, 2)

    def forward(self, mel: Tensor, mask: Tensor) -> tuple[Tensor, Tensor]:
        """mel [B, n_mels, T], mask [B, T] bool."""
        out = self.head(self.body(mel.transpose(1, 2), mask)) * mask[..., None].to(mel.dtype)  # [B, T, 2]
        return out[..., 0], out[..., 1]


def masked_l1(prediction: Tensor, target: Tensor, mask: Tensor) -> Tensor:
    """Mean |prediction − target| over real frames: [B, C, T] tensors, mask [B, T] bool."""
    weights = mask[:, None, :].to(prediction.dtype).expand_as(prediction)
    return ((prediction - target).abs() * weights).sum() / weights.sum().clamp(min=1.0)


def masked_bce(logits: Tensor, target: Tensor, mask: Tensor) -> Tensor:
    """Mean binary cross-entropy over real positions: logits / target [B, T], mask [B, T]."""
    loss = F.binary_cross_entropy_with_logits(logits, target, reduction="none")
    weights = mask.to(logits.dtype)
    return (loss * weights).sum() / weights.sum().clamp(min=1.0)
