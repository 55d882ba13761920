"""FastSpeech 2 (Ren et al., "FastSpeech 2: Fast and High-Quality End-to-End Text to Speech", 2021).

phoneme + tone embeddings → FFT encoder → (+ speaker embedding) → variance adaptor (duration,
pitch + voicing, energy; length regulator) → FFT decoder → linear → mel → optional residual
post-net. Pitch is z-scored log-F0 (see :mod:`tts.models.base`); the paper's continuous wavelet
transform of the pitch contour is not used: the predictor regresses the contour directly, which is
what most re-implementations found to work as well.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Optional

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from tts.errors import ConfigError, InputError
from tts.models.base import (
    AcousticBatch,
    AcousticModel,
    AcousticOutput,
    Controls,
    FeatureStats,
    ModelOutputs,
)
from tts.models.layers import masked_mean, sequence_mask
from tts.models.layers.conv import PostNet
from tts.models.layers.transformer import FFTStack, PositionKind
from tts.models.variance import (
    UNVOICED_THRESHOLD,
    AdaptorOutput,
    VarianceAdaptor,
    VarianceControls,
    VarianceLevel,
    VarianceTargets,
)
from tts.registry import ACOUSTIC_MODELS


@dataclass
class FastSpeech2Config:
    """Network hyper-parameters. Scope: all change the weights' shapes or meaning (retrain), except
    the ``*_dropout`` fields, which only affect training. Defaults follow the paper's appendix."""

    hidden_dim: int = 256  # encoder/decoder width and embedding size (paper: 256)
    encoder_layers: int = 4  # FFT blocks over phonemes (paper: 4)
    decoder_layers: int = 4  # FFT blocks over frames (paper: 4)
    attention_heads: int = 2  # heads per self-attention (paper: 2)
    ffn_dim: int = 1024  # channels inside the conv feed-forward (paper: filter size 1024)
    ffn_kernel_sizes: tuple[int, int] = (9, 1)  # FFN conv kernels (paper: 9, then a 1x1)
    encoder_dropout: float = 0.2  # training only (paper: 0.2)
    decoder_dropout: float = 0.2  # training only (paper: 0.2)
    positions: PositionKind = "sinusoidal"  # fixed sinusoids work for any length, as in the paper
    max_positions: int = 2000  # longest sequence for "learned" positions; unused by sinusoids
    predictor_hidden: int = 256  # conv channels of duration/pitch/energy predictors (paper: 256)
    predictor_kernel_size: int = 3  # predictor conv kernel (paper: 3)
    predictor_layers: int = 2  # convs per predictor (paper: 2, ReLU + LayerNorm + dropout)
    predictor_dropout: float = 0.5  # training only (paper: 0.5)
    variance_level: VarianceLevel = "frame"  # pitch/energy per frame (paper) or phoneme (FastPitch)
    n_bins: int = 256  # quantization bins of the pitch / energy embeddings (paper: 256)
    pitch_range: tuple[float, float] = (-4.0, 4.0)  # z-scored log-F0 span of the bins
    energy_range: tuple[float, float] = (-4.0, 4.0)  # z-scored energy span of the bins
    predict_uv: bool = True  # voiced/unvoiced head next to pitch, so inferred f0 has unvoiced zeros
    phoneme_position: bool = False  # add each frame's place in its phoneme after length regulation
    use_postnet: bool = True  # Tacotron 2 post-net: not in the paper, common in re-implementations
    postnet_channels: int = 512  # post-net conv channels (Tacotron 2: 512)
    postnet_layers: int = 5  # post-net convs (Tacotron 2: 5)
    postnet_kernel_size: int = 5  # post-net kernel (Tacotron 2: 5)
    postnet_dropout: float = 0.5  # training only (Tacotron 2: 0.5)

    def __post_init__(self) -> None:
        # YAML gives lists where the dataclass wants pairs
        self.ffn_kernel_sizes = (int(self.ffn_kernel_sizes[0]), int(self.ffn_kernel_sizes[1]))
        self.pitch_range = (float(self.pitch_range[0]), float(self.pitch_range[1]))
        self.energy_range = (float(self.energy_range[0]), float(self.energy_range[1]))
        problems = []
        if self.hidden_dim % self.attention_heads:
            problems.append("hidden_dim must be divisible by attention_heads")
        if self.positions == "sinusoidal" and self.hidden_dim % 2:
            problems.append("hidden_dim must be even for sinusoidal positions")
        if self.positions not in ("sinusoidal", "learned"):
            problems.append(f"positions must be 'sinusoidal' or 'learned', got {self.positions!r}")
        if self.variance_level not in ("frame", "phoneme"):
            problems.append(
                f"variance_level must be 'frame' or 'phoneme', got {self.variance_level!r}"
            )
        kernels = (*self.ffn_kernel_sizes, self.predictor_kernel_size, self.postnet_kernel_size)
        if any(k % 2 == 0 for k in kernels):
            problems.append("all kernel sizes must be odd")
        if self.n_bins < 2:
            problems.append("n_bins must be at least 2")
        for name in ("pitch_range", "energy_range"):
            low, high = getattr(self, name)
            if not low < high:
                problems.append(f"{name} must be increasing")
        if problems:
            raise ConfigError("FastSpeech2Config: " + "; ".join(problems))


FASTSPEECH2_PRESETS: dict[str, FastSpeech2Config] = {
    # the paper's model (about 27 M parameters) plus a Tacotron 2 post-net
    "fastspeech2": FastSpeech2Config(),
    # for CPU training and laptop synthesis: narrower and shallower (about 3 M parameters), with the
    # phoneme-position features (demo corpus, 3000 vs 3125 steps: eval MCD 4.99 → 3.77 dB, pitch
    # contour RMSE inside utterances 71 → 57 cents, uv frame error 4.8 → 3.4 %)
    "fastspeech2_small": FastSpeech2Config(
        hidden_dim=128,
        encoder_layers=3,
        decoder_layers=3,
        attention_heads=2,
        ffn_dim=256,
        ffn_kernel_sizes=(9, 1),
        encoder_dropout=0.1,
        decoder_dropout=0.1,
        predictor_hidden=128,
        predictor_dropout=0.3,
        n_bins=128,
        postnet_channels=128,
        postnet_dropout=0.3,
        phoneme_position=True,
    ),
}


@dataclass
class FastSpeech2Outputs(ModelOutputs):
    """Teacher-forced training outputs."""

    mel: Tensor  # [B, n_mels, T] decoder mel (normalized)
    postnet_mel: Optional[Tensor]  # [B, n_mels, T] mel plus post-net residual; None without one
    frame_mask: Tensor  # [B, T] bool, frames that count in the loss
    phoneme_mask: Tensor  # [B, T_ph] bool
    variance: AdaptorOutput  # predictions, level targets and the frame-level values used


@ACOUSTIC_MODELS.register("fastspeech2")
class FastSpeech2(AcousticModel):
    """The FastSpeech 2 acoustic model. Pitch in the model is z-scored natural-log F0."""

    config_class = FastSpeech2Config
    presets = FASTSPEECH2_PRESETS

    def __init__(
        self,
        config: FastSpeech2Config,
        n_mels: int,
        n_vocab: int,
        n_tones: int,
        n_speakers: int,
        stats: FeatureStats,
    ) -> None:
        super().__init__()
        self.config = config
        self.n_mels = n_mels
        self.n_speakers = n_speakers
        self.stats = stats
        dim = config.hidden_dim
        self.phoneme_embedding = nn.Embedding(n_vocab, dim, padding_idx=0)
        self.tone_embedding = nn.Embedding(n_tones, dim)
        self.speaker_embedding = nn.Embedding(n_speakers, dim) if n_speakers > 1 else None
        self.encoder = self._fft_stack(config, config.encoder_layers, config.encoder_dropout)
        self.variance = VarianceAdaptor(
            dim=dim,
            predictor_hidden=config.predictor_hidden,
            predictor_kernel_size=config.predictor_kernel_size,
            predictor_layers=config.predictor_layers,
            predictor_dropout=config.predictor_dropout,
            n_bins=config.n_bins,
            pitch_range=config.pitch_range,
            energy_range=config.energy_range,
            level=config.variance_level,
            predict_uv=config.predict_uv,
            phoneme_position=config.phoneme_position,
        )
        self.decoder = self._fft_stack(config, config.decoder_layers, config.decoder_dropout)
        self.mel_out = nn.Linear(dim, n_mels)
        self.postnet: Optional[PostNet] = None
        if config.use_postnet:
            self.postnet = PostNet(
                n_mels=n_mels,
                channels=config.postnet_channels,
                n_layers=config.postnet_layers,
                kernel_size=config.postnet_kernel_size,
                dropout=config.postnet_dropout,
            )
        self._register_mel_stats(stats, n_mels)

    @staticmethod
    def _fft_stack(config: FastSpeech2Config, n_layers: int, dropout: float) -> FFTStack:
        return FFTStack(
            n_layers=n_layers,
            dim=config.hidden_dim,
            n_heads=config.attention_heads,
            ffn_dim=config.ffn_dim,
            ffn_kernel_sizes=config.ffn_kernel_sizes,
            dropout=dropout,
            positions=config.positions,
            max_positions=config.max_positions,
        )

    def _register_mel_stats(self, stats: FeatureStats, n_mels: int) -> None:
        """Per-bin mel de-normalization for inference; from ``stats``, so not in the state dict."""
        mean = torch.zeros(n_mels) if stats.mel_mean is None else torch.tensor(stats.mel_mean)
        std = torch.ones(n_mels) if stats.mel_std is None else torch.tensor(stats.mel_std)
        if mean.numel() != n_mels or std.numel() != n_mels:
            raise InputError(f"feature statistics have {mean.numel()} mel bins, the model {n_mels}")
        self.register_buffer("mel_mean", mean.float()[:, None], persistent=False)  # [n_mels, 1]
        self.register_buffer("mel_std", std.float()[:, None], persistent=False)  # [n_mels, 1]

    @property
    def loss_names(self) -> tuple[str, ...]:
        names = ["mel"] + (["postnet_mel"] if self.postnet is not None else [])
        names += ["duration", "pitch"] + (["uv"] if self.config.predict_uv else []) + ["energy"]
        return tuple(names)

    # ------------------------------------------------------------------ passes

    def _encode(self, batch: AcousticBatch, mask: Tensor) -> Tensor:
        """Phonemes, tones and speaker → encoder states [B, T_ph, C], zero on padding."""
        x = self.phoneme_embedding(batch.phonemes)  # [B, T_ph, C]
        x = x + self.tone_embedding(batch.tones)
        x = self.encoder(x * mask[..., None].to(x.dtype), mask)
        if self.speaker_embedding is not None:
            if batch.speakers is None:
                raise InputError(f"this model has {self.n_speakers} speakers; the batch names none")
            x = x + self.speaker_embedding(batch.speakers)[:, None, :] * mask[..., None].to(x.dtype)
        return x

    def _decode(
        self, variance: AdaptorOutput, frame_mask: Tensor
    ) -> tuple[Tensor, Optional[Tensor]]:
        """Frame states → (decoder mel, post-net mel or None), each [B, n_mels, T]."""
        hidden = self.decoder(variance.x, frame_mask)  # [B, T, C]
        mel = self.mel_out(hidden) * frame_mask[..., None].to(hidden.dtype)  # [B, T, n_mels]
        refined = None if self.postnet is None else mel + self.postnet(mel, frame_mask)
        return mel.transpose(1, 2), None if refined is None else refined.transpose(1, 2)

    def forward(self, batch: AcousticBatch) -> FastSpeech2Outputs:
        """Teacher-forced pass; needs mel, mel_lengths, durations, pitch and energy in ``batch``."""
        targets = _variance_targets(batch)
        assert batch.mel is not None and batch.mel_lengths is not None  # checked just above
        phoneme_mask = _phoneme_mask(batch)  # [B, T_ph]
        n_frames = batch.mel.shape[-1]
        x = self._encode(batch, phoneme_mask)
        variance = self.variance(x, phoneme_mask, targets, n_frames)
        frame_mask = variance.frame_mask & sequence_mask(batch.mel_lengths, n_frames)  # [B, T]
        mel, postnet_mel = self._decode(variance, frame_mask)
        return FastSpeech2Outputs(mel, postnet_mel, frame_mask, phoneme_mask, variance)

    @torch.no_grad()
    def infer(self, batch: AcousticBatch, controls: Optional[Controls] = None) -> AcousticOutput:
        """Phonemes → de-normalized log-mel [B, n_mels, T], durations, f0 in Hz (0 = unvoiced)."""
        controls = controls or Controls()
        phoneme_mask = _phoneme_mask(batch)
        x = self._encode(batch, phoneme_mask)
        variance = self.variance.infer(x, phoneme_mask, self._variance_controls(controls))
        frame_mask = variance.frame_mask  # [B, T]
        mel, postnet_mel = self._decode(variance, frame_mask)
        final = postnet_mel if postnet_mel is not None else mel  # [B, n_mels, T]
        keep = frame_mask.to(final.dtype)
        voiced = frame_mask.clone()
        uv = None
        if variance.frame_uv is not None:
            uv = (variance.frame_uv > UNVOICED_THRESHOLD) & frame_mask  # [B, T]
            voiced = voiced & ~uv
        f0 = self.stats.denormalize_f0(variance.frame_pitch) * voiced.to(final.dtype)
        return AcousticOutput(
            mel=(final * self.mel_std + self.mel_mean) * keep[:, None, :],
            mel_lengths=variance.mel_lengths,
            durations=variance.durations,
            f0=f0,
            uv=uv,
            energy=self.stats.denormalize_energy(variance.frame_energy) * keep,
        )

    def _variance_controls(self, controls: Controls) -> VarianceControls:
        """User controls (semitones, linear energy) → the adaptor's normalized domains."""
        gain, bias = self.stats.energy_scale_affine(controls.energy_scale)
        return VarianceControls(
            speed=controls.speed,
            pitch_offset=self.stats.semitones_to_normalized(controls.pitch_shift),
            pitch_scale=controls.pitch_scale,
            energy_gain=gain,
            energy_bias=bias,
        )

    # ------------------------------------------------------------------ loss

    def loss(self, batch: AcousticBatch, outputs: ModelOutputs) -> dict[str, Tensor]:
        """Mel L1 (decoder, post-net), MSE on log(1 + duration), pitch and energy, BCE on uv."""
        if not isinstance(outputs, FastSpeech2Outputs):
            raise TypeError(
                f"FastSpeech2.loss takes FastSpeech2Outputs, got {type(outputs).__name__}"
            )
        assert batch.mel is not None and batch.durations is not None  # forward checked them
        frames = outputs.frame_mask
        losses = {"mel": masked_mean((outputs.mel - batch.mel).abs().transpose(1, 2), frames)}
        if outputs.postnet_mel is not None:
            losses["postnet_mel"] = masked_mean(
                (outputs.postnet_mel - batch.mel).abs().transpose(1, 2), frames
            )
        pred, target = outputs.variance.predictions, outputs.variance.targets
        assert target is not None  # teacher-forced outputs always carry level targets
        log_duration = torch.log1p(batch.durations.to(pred.log_duration.dtype))
        losses["duration"] = masked_mean(
            (pred.log_duration - log_duration) ** 2, outputs.phoneme_mask
        )
        # frame level: only frames that are also inside the target mel count
        level_mask = frames if self.config.variance_level == "frame" else pred.mask  # [B, T_v]
        losses["pitch"] = masked_mean((pred.pitch - target.pitch) ** 2, level_mask)
        if pred.uv_logits is not None and target.uv is not None:
            bce = F.binary_cross_entropy_with_logits(pred.uv_logits, target.uv, reduction="none")
            losses["uv"] = masked_mean(bce, level_mask)
        losses["energy"] = masked_mean((pred.energy - target.energy) ** 2, level_mask)
        return losses


def _variance_targets(batch: AcousticBatch) -> VarianceTargets:
    """The teacher-forcing targets of a training batch; names whatever is missing."""
    needed = ("mel", "mel_lengths", "durations", "pitch", "energy")
    missing = [name for name in needed if getattr(batch, name) is None]
    if missing or batch.durations is None or batch.pitch is None or batch.energy is None:
        raise InputError(f"training batch lacks {', '.join(missing)}")
    return VarianceTargets(
        durations=batch.durations, pitch=batch.pitch, energy=batch.energy, uv=batch.uv
    )


def _phoneme_mask(batch: AcousticBatch) -> Tensor:
    """``[B, T_ph]`` mask from the lengths; every utterance needs at least one phoneme."""
    if bool((batch.phoneme_lengths < 1).any()):
        raise InputError("every utterance needs at least one phoneme")
    return sequence_mask(batch.phoneme_lengths, batch.phonemes.shape[1])


def fastspeech2_preset(name: str, **overrides: object) -> FastSpeech2Config:
    """A copy of preset ``name`` with ``overrides`` applied (validated again)."""
    if name not in FASTSPEECH2_PRESETS:
        raise ConfigError(
            f"unknown FastSpeech 2 preset {name!r}; available: {', '.join(FASTSPEECH2_PRESETS)}"
        )
    try:
        return replace(FASTSPEECH2_PRESETS[name], **overrides)  # type: ignore[arg-type]
    except TypeError as error:  # an unknown field name
        raise ConfigError(f"FastSpeech2Config: {error}") from None


__all__ = [
    "FASTSPEECH2_PRESETS",
    "FastSpeech2",
    "FastSpeech2Config",
    "FastSpeech2Outputs",
    "fastspeech2_preset",
]
