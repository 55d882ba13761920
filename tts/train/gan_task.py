"""Training a GAN vocoder: a discriminator phase and a generator phase, each with its own optimizer.

One step, as in HiFi-GAN: the generator renders the batch's mels once; the discriminators learn
to tell the real crops from the (detached) fakes ("disc/adv", least squares); then the generator
learns from the updated discriminators ("gen/adv"), from matching their feature maps on real and
fake audio ("gen/feature_matching") and from the L1 distance of the log-mels ("gen/mel"). Loss
weights come from ``train.loss_weights`` keyed by these names (HiFi-GAN: 1, 2 and 45). The loss's
log-mel may reach higher than the input mel (``train.mel_loss_fmax``, HiFi-GAN's ``fmax_for_loss``),
so the band above ``audio.fmax`` is learned too.

Before step ``adversarial_start`` (``train.adversarial_start``) the generator learns from the mel
loss alone and the discriminators are neither run nor trained, as ParallelWaveGAN's warm-up does.
On a CPU this is what makes training affordable: the paper-size discriminators cost about 70 times
the small generators' forward and backward pass (benchmarks/bench_vocoder_speed.py).
"""

from __future__ import annotations

import dataclasses
from typing import Iterable, Optional

import numpy as np
import torch
from torch import Tensor, nn

from tts.audio.features import MelExtractor
from tts.audio.params import AudioConfig
from tts.config import LoadedConfig, build_dataclass, resolve_model_config
from tts.data.vocoder_dataset import VocoderBatch
from tts.errors import ConfigError
from tts.models.discriminators import DiscriminatorConfig, DiscriminatorOutput, Discriminators
from tts.models.gan_losses import discriminator_loss, feature_matching_loss, generator_adversarial_loss, mel_l1_loss
from tts.models.vocoder import VocoderModel
from tts.registry import VOCODERS
from tts.train.task import ValidationMedia

DISCRIMINATOR_LOSSES = ("disc/adv",)
GENERATOR_LOSSES = ("gen/adv", "gen/feature_matching", "gen/mel")


def build_vocoder(loaded: LoadedConfig) -> VocoderModel:
    """The recipe's generator: a registered vocoder class, a named preset and strict overrides."""
    cfg = loaded.config
    cls = VOCODERS.get(cfg.model.name)
    where = str(loaded.origins.get("model.preset", loaded.source))
    model_config = resolve_model_config(cls, cfg.model.preset, cfg.model.params, where)
    return cls(model_config, audio=cfg.audio)


def build_discriminators(loaded: LoadedConfig) -> Discriminators:
    """The multi-period + multi-scale discriminators, ``model.discriminator`` laid over the defaults."""
    params = loaded.config.model.discriminator
    where = {f"model.discriminator.{k}": loaded.origins.get(f"model.discriminator.{k}", str(loaded.source))
             for k in params}
    return Discriminators(build_dataclass(DiscriminatorConfig, dict(params), where, "model.discriminator."))


def _split(outputs: list[DiscriminatorOutput], n: int) -> tuple[list[DiscriminatorOutput], list[DiscriminatorOutput]]:
    """Outputs of one pass over ``cat([real, fake])`` → (outputs on the first ``n`` items, on the rest)."""
    first = [DiscriminatorOutput(o.logits[:n], [f[:n] for f in o.features]) for o in outputs]
    rest = [DiscriminatorOutput(o.logits[n:], [f[n:] for f in o.features]) for o in outputs]
    return first, rest


class GanVocoderTask:
    """Trains a vocoder generator against :class:`Discriminators` (see the module docstring)."""

    phases = ("discriminator", "generator")

    def __init__(self, generator: VocoderModel, discriminators: Discriminators, audio: AudioConfig,
                 adversarial_start: int = 0, mel_loss_fmax: Optional[float] = None) -> None:
        if adversarial_start < 0:
            raise ValueError(f"adversarial_start must be >= 0, got {adversarial_start}")
        self.generator = generator
        self.adversarial_start = adversarial_start
        self.discriminators = discriminators
        self.mel = MelExtractor(audio)  # the input log-mel, for the validation images
        if mel_loss_fmax is not None and not audio.fmin < mel_loss_fmax <= audio.sample_rate / 2:
            raise ConfigError(f"train.mel_loss_fmax must be above audio.fmin ({audio.fmin:g} Hz) and at most "
                              f"sample_rate / 2 = {audio.sample_rate / 2:g} Hz, got {mel_loss_fmax:g}")
        # the loss's log-mel, of the target audio and of the fakes
        self.loss_mel = (self.mel if mel_loss_fmax is None
                         else MelExtractor(dataclasses.replace(audio, fmax=float(mel_loss_fmax))))
        self.hop = audio.hop_length
        self._pending: Optional[tuple[VocoderBatch, Tensor]] = None  # the fake of the current step's batch

    def networks(self) -> dict[str, nn.Module]:
        return {"generator": self.generator, "discriminator": self.discriminators}

    def phase_parameters(self, phase: str) -> Iterable[nn.Parameter]:
        return (self.discriminators if phase == "discriminator" else self.generator).parameters()

    def loss_names(self, phase: str) -> tuple[str, ...]:
        return DISCRIMINATOR_LOSSES if phase == "discriminator" else GENERATOR_LOSSES

    def _render(self, batch: VocoderBatch, generator: nn.Module) -> Tensor:
        """Generator output ``[B, S * hop]`` for the batch's mels (and F0 when the vocoder needs it)."""
        return generator(batch.mel, batch.f0 if self.generator.needs_f0 else None)

    def losses(self, phase: str, batch: VocoderBatch, nets: dict[str, nn.Module], step: int) -> dict[str, Tensor]:
        real = batch.wav.unsqueeze(1)  # [B, 1, S * hop]
        if step < self.adversarial_start:  # warm-up: the generator alone, on the mel loss
            if phase == "discriminator":
                return {}
            fake = self._render(batch, nets["generator"])
            self.loss_mel.to(fake.device)
            return {"gen/mel": mel_l1_loss(self.loss_mel, fake, batch.wav)}
        if phase == "discriminator":
            fake = self._render(batch, nets["generator"])  # [B, S * hop]; kept for the generator phase
            self._pending = (batch, fake)
            both = nets["discriminator"](torch.cat([real, fake.detach().unsqueeze(1)]))
            on_real, on_fake = _split(both, real.shape[0])
            return {"disc/adv": discriminator_loss(on_real, on_fake)}
        pending, self._pending = self._pending, None
        fake = pending[1] if pending is not None and pending[0] is batch else self._render(batch, nets["generator"])
        with torch.no_grad():
            on_real = nets["discriminator"](real)
        on_fake = nets["discriminator"](fake.unsqueeze(1))
        self.loss_mel.to(fake.device)
        return {
            "gen/adv": generator_adversarial_loss(on_fake),
            "gen/feature_matching": feature_matching_loss(on_real, on_fake),
            "gen/mel": mel_l1_loss(self.loss_mel, fake, batch.wav),  # against the real audio, also on GTA mels
        }

    @torch.no_grad()
    def media(self, batch: VocoderBatch) -> list[ValidationMedia]:
        """Each item's rendered audio, and the target and rendered log-mels as images."""
        from tts.plots import figure_to_array, plot_synthesis

        wav = self._render(batch, self.generator).float()  # [B, S * hop]
        self.mel.to(wav.device)
        media = []
        for b in range(wav.shape[0]):
            frames = int(batch.lengths[b])
            samples = wav[b, : frames * self.hop]
            rendered_mel = self.mel(samples)[0, :, :frames].cpu().numpy()
            target = batch.mel[b, :, :frames].float().cpu().numpy()
            f0 = batch.f0[b, :frames].float().cpu().numpy()
            images = {
                "mel_input": figure_to_array(plot_synthesis(target, f0, title=f"dev item {b}: input mel")),
                "mel_rendered": figure_to_array(plot_synthesis(rendered_mel, title=f"dev item {b}: rendered")),
            }
            media.append(ValidationMedia(id=f"item{b}", audio=np.clip(samples.cpu().numpy(), -1.0, 1.0),
                                         images=images))
        return media
