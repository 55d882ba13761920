"""PortaSpeech (Ren et al., "PortaSpeech: Portable and High-Quality Generative Text-to-Speech", 2021).

phonemes + tones → phoneme encoder → words (mean-pooled) → word encoder → word durations →
frames, each attending to its word's phonemes (:mod:`tts.models.portaspeech_linguistic`) →
conditional VAE with a flow-enhanced prior → coarse mel → flow post-net → mel
(:mod:`tts.models.portaspeech_generator`).

Training uses the posterior (VAE reconstruction + KL) and the post-net's likelihood; inference
samples the prior and the post-net at temperature ``Controls.noise_scale`` (default
``PortaSpeechConfig.default_noise_scale``), reproducibly when ``Controls.seed`` is set.

Differences from the paper, by design:

- Word boundaries come in the batch (``word_index``); without them every syllable is a word
  (:func:`tts.models.words.syllable_word_index`), so phoneme-only callers still work.
- The corpus has exact phoneme alignments, so the word-to-phoneme attention also gets a guidance
  loss ("alignment"), and the reported phoneme durations at inference are each frame's
  most-attended phoneme.
- The paper predicts no pitch; a small :class:`~tts.models.portaspeech_generator.PitchReader` reads
  F0 off the generated mel for plots and NSF vocoders. Pitch can therefore not be steered: a pitch
  shift or scale is rejected with an InputError. ``energy_scale`` is exact: scaling every linear
  magnitude by ``s`` scales the frame energy by ``s`` and adds ``ln s`` to each log-mel bin.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Optional

import torch
from torch import Tensor

from tts.errors import ConfigError, InputError
from tts.models.base import AcousticBatch, AcousticModel, AcousticOutput, Controls, FeatureStats, ModelOutputs
from tts.models.layers import masked_mean, sequence_mask
from tts.models.layers.transformer import PositionKind
from tts.models.portaspeech_generator import (
    FlowPostNet,
    PitchReader,
    PostNetSettings,
    VAESettings,
    VariationalGenerator,
    masked_bce,
    masked_l1,
)
from tts.models.portaspeech_linguistic import (
    EncoderSettings,
    LinguisticEncoder,
    Words,
    attention_durations,
    guidance_loss,
    make_words,
    word_durations,
)
from tts.models.variance import UNVOICED_THRESHOLD, VariancePredictor, durations_from_log
from tts.models.words import batch_syllable_word_index
from tts.registry import ACOUSTIC_MODELS


@dataclass
class PortaSpeechConfig:
    """Network hyper-parameters. Scope: all change the weights' shapes or meaning (retrain), except
    ``*_dropout`` and ``postnet_dequantize_noise`` (training only) and ``default_noise_scale``
    (inference only). Defaults are the paper's normal model where it states them."""

    hidden_dim: int = 192  # phoneme/word/frame feature width (paper: 192)
    attention_heads: int = 2  # heads of the FFT self-attention and the word-to-phoneme attention
    phoneme_layers: int = 4  # FFT blocks over phonemes (paper: 4)
    word_layers: int = 4  # FFT blocks over words (paper: 4)
    ffn_dim: int = 768  # conv feed-forward channels in the FFT blocks (4 × hidden)
    ffn_kernel_sizes: tuple[int, int] = (5, 1)  # FFN conv kernels (paper's linguistic encoder: 5)
    encoder_dropout: float = 0.1  # training only
    positions: PositionKind = "sinusoidal"  # positions of the phoneme and word encoders
    max_positions: int = 2000  # longest sequence for "learned" positions; unused by sinusoids
    position_frequencies: int = 8  # sinusoid pairs encoding a place inside a word (attention)
    predictor_hidden: int = 192  # conv channels of the word duration predictor
    predictor_kernel_size: int = 3  # its kernel
    predictor_layers: int = 2  # its convs (as FastSpeech 2's predictor)
    predictor_dropout: float = 0.5  # training only
    latent_channels: int = 16  # VAE latent channels (paper: 16)
    vae_channels: int = 192  # WaveNet channels of the VAE encoder and decoder (paper: 192)
    vae_downsample: int = 4  # frames per latent step (paper: stride 4)
    vae_kernel_size: int = 5  # WaveNet kernel of the VAE and prior flow (paper: 5)
    vae_encoder_layers: int = 8  # posterior WaveNet layers (paper: 8)
    vae_decoder_layers: int = 4  # decoder WaveNet layers (paper: 4)
    vae_dropout: float = 0.0  # training only
    prior_flow_steps: int = 4  # affine couplings of the prior flow (paper: 4)
    prior_flow_hidden: int = 64  # their WaveNet channels
    prior_flow_layers: int = 3  # their WaveNet layers
    use_postnet: bool = True  # the flow post-net; off = the coarse mel is the output
    postnet_steps: int = 12  # Glow steps (paper: 12)
    postnet_hidden: int = 128  # coupling WaveNet channels (paper: 192 shared across blocks; 128 unshared)
    postnet_layers: int = 3  # coupling WaveNet layers (paper: 3)
    postnet_kernel_size: int = 3  # coupling WaveNet kernel
    postnet_squeeze: int = 2  # frames folded into channels (paper: 2)
    postnet_cond_channels: int = 128  # width of the (coarse mel, text) condition fed to every coupling
    postnet_dequantize_noise: float = 0.05  # training only: std of noise on target mels (normalized)
    postnet_dropout: float = 0.0  # training only
    pitch_reader_hidden: int = 128  # conv channels of the mel → F0 reader (not in the paper)
    pitch_reader_layers: int = 3  # its convs
    pitch_reader_kernel_size: int = 5  # its kernel
    default_noise_scale: float = 0.8  # inference only: sampling temperature when Controls gives none

    def __post_init__(self) -> None:
        self.ffn_kernel_sizes = (int(self.ffn_kernel_sizes[0]), int(self.ffn_kernel_sizes[1]))
        problems = []
        if self.hidden_dim % self.attention_heads:
            problems.append("hidden_dim must be divisible by attention_heads")
        if self.hidden_dim % 2:
            problems.append("hidden_dim must be even")
        if self.positions not in ("sinusoidal", "learned"):
            problems.append(f"positions must be 'sinusoidal' or 'learned', got {self.positions!r}")
        kernels = (*self.ffn_kernel_sizes, self.predictor_kernel_size, self.vae_kernel_size,
                   self.postnet_kernel_size, self.pitch_reader_kernel_size)
        if any(k % 2 == 0 for k in kernels):
            problems.append("all kernel sizes must be odd")
        if self.latent_channels % 2:
            problems.append("latent_channels must be even (affine couplings split it in halves)")
        for name in ("vae_downsample", "postnet_squeeze", "phoneme_layers", "word_layers", "vae_encoder_layers",
                     "vae_decoder_layers", "prior_flow_layers", "postnet_layers", "pitch_reader_layers"):
            if getattr(self, name) < 1:
                problems.append(f"{name} must be at least 1")
        if not 0.0 <= self.default_noise_scale <= 2.0:
            problems.append("default_noise_scale must be in [0, 2]")
        if problems:
            raise ConfigError("PortaSpeechConfig: " + "; ".join(problems))


PORTASPEECH_PRESETS: dict[str, PortaSpeechConfig] = {
    # the paper's normal model (about 22 M parameters, as the paper's 21.8 M)
    "portaspeech": PortaSpeechConfig(),
    # the paper's small model, for CPU training and laptop synthesis (under 30 % of fastspeech2)
    "portaspeech_small": PortaSpeechConfig(
        hidden_dim=128,
        phoneme_layers=3,
        word_layers=2,
        ffn_dim=384,
        predictor_hidden=128,
        predictor_dropout=0.3,
        vae_channels=128,
        vae_encoder_layers=4,
        vae_decoder_layers=3,
        prior_flow_hidden=48,
        prior_flow_layers=2,
        postnet_steps=8,
        postnet_hidden=96,
        postnet_layers=2,
        postnet_cond_channels=96,
        pitch_reader_hidden=96,
    ),
}


@dataclass
class PortaSpeechOutputs(ModelOutputs):
    """Teacher-forced training outputs."""

    coarse_mel: Tensor  # [B, n_mels, T] VAE decoder mel (normalized)
    kl: Tensor  # scalar KL per latent element
    postnet_nll: Optional[Tensor]  # scalar NLL per mel element; None without a post-net
    log_word_duration: Tensor  # [B, W] predicted log(1 + frames)
    word_durations: Tensor  # [B, W] long target frames
    word_mask: Tensor  # [B, W] bool
    attention: Tensor  # [B, T, T_ph] word-to-phoneme attention
    frame_mask: Tensor  # [B, T] bool
    pitch: Tensor  # [B, T] z-scored log-F0 read off the target mel
    uv_logits: Tensor  # [B, T]


@ACOUSTIC_MODELS.register("portaspeech")
class PortaSpeech(AcousticModel):
    """The PortaSpeech acoustic model (VAE + flows); see the module notes."""

    config_class = PortaSpeechConfig
    presets = PORTASPEECH_PRESETS

    def __init__(self, config: PortaSpeechConfig, n_mels: int, n_vocab: int, n_tones: int, n_speakers: int,
                 stats: FeatureStats) -> None:
        super().__init__()
        self.config = config
        self.n_mels = n_mels
        self.n_speakers = n_speakers
        self.stats = stats
        c = config
        settings = EncoderSettings(c.hidden_dim, c.attention_heads, c.ffn_dim, c.ffn_kernel_sizes,
                                   c.encoder_dropout, c.positions, c.max_positions)
        self.linguistic = LinguisticEncoder(n_vocab, n_tones, n_speakers, settings, c.phoneme_layers,
                                            c.word_layers, c.position_frequencies)
        self.duration_predictor = VariancePredictor(c.hidden_dim, c.predictor_hidden, c.predictor_kernel_size,
                                                    c.predictor_layers, c.predictor_dropout, 1)
        self.generator = VariationalGenerator(n_mels, c.hidden_dim, VAESettings(
            c.latent_channels, c.vae_channels, c.vae_downsample, c.vae_kernel_size, c.vae_encoder_layers,
            c.vae_decoder_layers, c.prior_flow_steps, c.prior_flow_hidden, c.prior_flow_layers, c.vae_dropout))
        self.postnet: Optional[FlowPostNet] = None
        if c.use_postnet:
            self.postnet = FlowPostNet(n_mels, c.hidden_dim, PostNetSettings(
                c.postnet_steps, c.postnet_hidden, c.postnet_layers, c.postnet_kernel_size, c.postnet_squeeze,
                c.postnet_cond_channels, c.postnet_dequantize_noise, c.postnet_dropout))
        self.pitch_reader = PitchReader(n_mels, c.pitch_reader_hidden, c.pitch_reader_layers,
                                        c.pitch_reader_kernel_size, c.encoder_dropout)
        mean = torch.zeros(n_mels) if stats.mel_mean is None else torch.tensor(stats.mel_mean)
        std = torch.ones(n_mels) if stats.mel_std is None else torch.tensor(stats.mel_std)
        if mean.numel() != n_mels or std.numel() != n_mels:
            raise InputError(f"feature statistics have {mean.numel()} mel bins, the model {n_mels}")
        self.register_buffer("mel_mean", mean.float()[:, None], persistent=False)  # [n_mels, 1]
        self.register_buffer("mel_std", std.float()[:, None], persistent=False)  # [n_mels, 1]

    @property
    def loss_names(self) -> tuple[str, ...]:
        names = ["mel", "kl"] + (["postnet"] if self.postnet is not None else [])
        return tuple(names + ["duration", "alignment", "pitch", "uv"])

    # ------------------------------------------------------------------ passes

    def _words(self, batch: AcousticBatch) -> Words:
        """The batch's words (syllables when it has none); checks shapes and speakers."""
        phoneme_mask = sequence_mask(batch.phoneme_lengths, batch.phonemes.shape[1])  # [B, T_ph]
        if batch.word_index is None or batch.word_lengths is None:
            index, lengths = batch_syllable_word_index(batch.phonemes, batch.phoneme_lengths)
        else:
            index, lengths = batch.word_index, batch.word_lengths
        if index.shape != batch.phonemes.shape:
            raise InputError(f"word_index has shape {tuple(index.shape)}, the phonemes {tuple(batch.phonemes.shape)}")
        if self.n_speakers > 1 and batch.speakers is None:
            raise InputError(f"this model has {self.n_speakers} speakers; the batch names none")
        return make_words(index, lengths, phoneme_mask)

    def forward(self, batch: AcousticBatch) -> PortaSpeechOutputs:
        """Teacher-forced pass; needs mel, mel_lengths and durations in ``batch``."""
        if batch.mel is None or batch.mel_lengths is None or batch.durations is None:
            raise InputError("PortaSpeech training needs mel, mel_lengths and durations in the batch")
        words = self._words(batch)
        text = self.linguistic.encode(batch.phonemes, batch.tones, batch.speakers, words)
        log_word_duration = self.duration_predictor(text.words, words.mask)[..., 0]  # [B, W]
        target_words = word_durations(batch.durations, words)  # [B, W]
        n_frames = batch.mel.shape[-1]
        frames = self.linguistic.expand(text, target_words, n_frames)
        frame_mask = frames.mask & sequence_mask(batch.mel_lengths, n_frames)  # [B, T]
        keep = frame_mask[:, None, :].to(batch.mel.dtype)  # [B, 1, T]
        cond = frames.x.transpose(1, 2) * keep  # [B, C, T]
        vae = self.generator(batch.mel * keep, cond, keep)
        nll = None if self.postnet is None else self.postnet.nll(batch.mel * keep, vae.coarse, cond, keep)
        pitch, uv_logits = self.pitch_reader(batch.mel * keep, frame_mask)
        return PortaSpeechOutputs(
            coarse_mel=vae.coarse, kl=vae.kl, postnet_nll=nll, log_word_duration=log_word_duration,
            word_durations=target_words, word_mask=words.mask, attention=frames.attention, frame_mask=frame_mask,
            pitch=pitch, uv_logits=uv_logits,
        )

    @torch.no_grad()
    def infer(self, batch: AcousticBatch, controls: Optional[Controls] = None) -> AcousticOutput:
        """Phonemes (+ words) → de-normalized log-mel [B, n_mels, T], durations, f0 read off the mel."""
        controls = controls or Controls()
        if controls.pitch_shift != 0.0 or controls.pitch_scale != 1.0:
            raise InputError("this voice (PortaSpeech) has no pitch predictor, so it cannot shift or scale pitch; "
                             "leave pitch at 0 semitones and pitch scale at 1, or use a FastSpeech 2 voice")
        noise = self.config.default_noise_scale if controls.noise_scale is None else controls.noise_scale
        generator = None
        if controls.seed is not None:
            generator = torch.Generator(device="cpu").manual_seed(int(controls.seed))
        words = self._words(batch)
        text = self.linguistic.encode(batch.phonemes, batch.tones, batch.speakers, words)
        log_word_duration = self.duration_predictor(text.words, words.mask)[..., 0]
        frames_per_word = durations_from_log(log_word_duration, words.mask, controls.speed)  # [B, W]
        frames = self.linguistic.expand(text, frames_per_word)
        keep = frames.mask[:, None, :].to(text.words.dtype)  # [B, 1, T]
        cond = frames.x.transpose(1, 2) * keep
        mel = self.generator.sample(cond, keep, noise, generator)
        if self.postnet is not None:
            mel = self.postnet.sample(mel, cond, keep, noise, generator)
        pitch, uv_logits = self.pitch_reader(mel, frames.mask)
        uv = (torch.sigmoid(uv_logits) > UNVOICED_THRESHOLD) & frames.mask  # [B, T]
        voiced = (frames.mask & ~uv).to(mel.dtype)
        gain = math.log(controls.energy_scale)  # exact in the log-mel domain (module notes)
        return AcousticOutput(
            mel=(mel * self.mel_std + self.mel_mean + gain) * keep,
            mel_lengths=frames.lengths,
            durations=attention_durations(frames.attention, frames.mask, words.phoneme_mask),
            f0=self.stats.denormalize_f0(pitch) * voiced,
            uv=uv,
            energy=None,
        )

    # ------------------------------------------------------------------ loss

    def loss(self, batch: AcousticBatch, outputs: ModelOutputs) -> dict[str, Tensor]:
        """Coarse-mel L1, KL, post-net NLL, word-duration MSE (log domain), attention guidance, pitch
        MSE and voicing BCE of the pitch reader (the last two only when the batch has pitch / uv)."""
        if not isinstance(outputs, PortaSpeechOutputs):
            raise TypeError(f"PortaSpeech.loss takes PortaSpeechOutputs, got {type(outputs).__name__}")
        assert batch.mel is not None and batch.durations is not None  # forward checked them
        frames = outputs.frame_mask
        losses = {"mel": masked_l1(outputs.coarse_mel, batch.mel, frames), "kl": outputs.kl}
        if outputs.postnet_nll is not None:
            losses["postnet"] = outputs.postnet_nll
        target = torch.log1p(outputs.word_durations.to(outputs.log_word_duration.dtype))
        losses["duration"] = masked_mean((outputs.log_word_duration - target) ** 2, outputs.word_mask)
        phoneme_mask = sequence_mask(batch.phoneme_lengths, batch.phonemes.shape[1])
        losses["alignment"] = guidance_loss(outputs.attention, batch.durations * phoneme_mask.long(), frames)
        if batch.pitch is not None:
            losses["pitch"] = masked_mean((outputs.pitch - batch.pitch) ** 2, frames)
        if batch.uv is not None:
            losses["uv"] = masked_bce(outputs.uv_logits, batch.uv, frames)
        return losses
