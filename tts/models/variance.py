"""FastSpeech 2's variance adaptor: duration, pitch (+ voicing), energy, and length regulation.

The duration predictor works on phonemes and predicts ``log(1 + frames)``. Pitch and energy are
predicted either per frame (after length regulation, as in the FastSpeech 2 paper) or per phoneme
(before it, as in FastPitch; targets are frame values averaged over each phoneme's frames). Each is
quantized into bins over its normalized range and the bin's embedding is added to the hidden
sequence, the target's in training and the (controlled) prediction's at inference.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Optional, Sequence

import torch
from torch import Tensor, nn

from tts.models.layers.conv import ConvStack

VarianceLevel = Literal["frame", "phoneme"]
UNVOICED_THRESHOLD = 0.5  # a position is unvoiced when its predicted uv probability exceeds this
MIN_FRAMES_PER_PHONEME = 1  # inference never drops a real phoneme entirely


# --------------------------------------------------------------------------- length regulation


@dataclass
class FrameIndex:
    """Which phoneme each frame repeats."""

    phoneme: Tensor  # [B, T] long index into the phoneme axis (clamped on padding frames)
    mask: Tensor  # [B, T] bool, True on frames covered by some phoneme
    lengths: Tensor  # [B] long, covered frames per utterance (capped at T)


def frame_index(durations: Tensor, n_frames: Optional[int] = None) -> FrameIndex:
    """Map frames to phonemes from ``durations`` [B, T_ph] long (0 on padding).

    ``n_frames`` fixes T (frames past it are cut, missing ones are padding); default: the longest
    utterance. Vectorized with cumsum + searchsorted, no loop over phonemes.
    """
    ends = durations.cumsum(dim=1)  # [B, T_ph], exclusive end frame of each phoneme
    totals = ends[:, -1]  # [B]
    size = int(totals.max()) if n_frames is None else n_frames
    frames = torch.arange(size, device=durations.device)  # [T]
    # the first phoneme whose end lies beyond the frame is the one covering it
    phoneme = torch.searchsorted(ends, frames.expand(ends.shape[0], size).contiguous(), right=True)
    lengths = totals.clamp(max=size)
    mask = frames[None, :] < lengths[:, None]  # [B, T]
    return FrameIndex(phoneme=phoneme.clamp(max=durations.shape[1] - 1), mask=mask, lengths=lengths)


def expand_to_frames(values: Tensor, index: FrameIndex) -> Tensor:
    """Phoneme ``values`` [B, T_ph] or [B, T_ph, C] → frames [B, T] or [B, T, C], 0 on padding."""
    if values.dim() == 2:
        return values.gather(1, index.phoneme) * index.mask.to(values.dtype)
    gather_index = index.phoneme[..., None].expand(-1, -1, values.shape[-1])  # [B, T, C]
    return values.gather(1, gather_index) * index.mask[..., None].to(values.dtype)


def average_by_duration(values: Tensor, durations: Tensor) -> Tensor:
    """Frame ``values`` [B, T] → the mean over each phoneme's frames [B, T_ph]; 0 where none."""
    index = frame_index(durations, n_frames=values.shape[1])
    weights = index.mask.to(values.dtype)  # [B, T]
    shape = durations.shape
    sums = values.new_zeros(shape).scatter_add(1, index.phoneme, values * weights)  # [B, T_ph]
    counts = values.new_zeros(shape).scatter_add(1, index.phoneme, weights)  # [B, T_ph]
    return sums / counts.clamp(min=1.0)


POSITION_FEATURES = 8  # features of a frame's place inside its phoneme (see phoneme_position_features)
POSITION_HARMONICS = 3  # sine/cosine pairs over the phoneme


def phoneme_position_features(index: FrameIndex, durations: Tensor) -> Tensor:
    """Where each frame lies inside its phoneme: ``[B, T, POSITION_FEATURES]``, 0 on padding.

    For a frame at offset ``k`` in a phoneme of ``d`` frames, ``r = (k + 0.5) / d`` in (0, 1); the
    features are ``r``, ``sin(πjr)`` and ``cos(πjr)`` for j = 1..3, and ``log(1 + d) / 4``. Length
    regulation repeats one vector over a phoneme's frames, and a predictor's few-frame convolutions
    only see a phoneme's edges, so without these a frame-level pitch contour is flat inside long
    vowels, where Mandarin tones rise, fall and dip. ``durations`` [B, T_ph] long, ``index`` from them.
    """
    ends = durations.cumsum(dim=1)  # [B, T_ph]
    length = durations.gather(1, index.phoneme).to(torch.float32)  # [B, T] frames of the frame's phoneme
    start = (ends - durations).gather(1, index.phoneme).to(torch.float32)  # [B, T]
    frames = torch.arange(index.phoneme.shape[1], device=durations.device, dtype=torch.float32)
    r = ((frames[None, :] - start + 0.5) / length.clamp(min=1.0)).clamp(0.0, 1.0)  # [B, T]
    angles = torch.pi * r[..., None] * torch.arange(1, POSITION_HARMONICS + 1, device=r.device)  # [B, T, 3]
    features = torch.cat([r[..., None], angles.sin(), angles.cos(), torch.log1p(length)[..., None] / 4.0], dim=-1)
    return features * index.mask[..., None].to(features.dtype)


def durations_from_log(log_durations: Tensor, mask: Tensor, speed: float) -> Tensor:
    """Predicted ``log(1 + frames)`` [B, T_ph] → frames / ``speed`` (long), >= 1 if real."""
    frames = torch.round(torch.expm1(log_durations.clamp(min=0.0)) / speed).long()  # [B, T_ph]
    return frames.clamp(min=MIN_FRAMES_PER_PHONEME) * mask.long()


# --------------------------------------------------------------------------- predictors


class VariancePredictor(nn.Module):
    """FastSpeech 2 variance predictor: conv stack + linear head, ``out_dim`` values per position."""

    def __init__(
        self,
        in_dim: int,
        hidden_dim: int,
        kernel_size: int,
        n_layers: int,
        dropout: float,
        out_dim: int,
    ) -> None:
        super().__init__()
        self.body = ConvStack(in_dim, hidden_dim, n_layers, kernel_size, dropout)
        self.proj = nn.Linear(hidden_dim, out_dim)

    def forward(self, x: Tensor, mask: Tensor) -> Tensor:
        """x [B, T, C], mask [B, T] → [B, T, out_dim], zero on padding."""
        return self.proj(self.body(x, mask)) * mask[..., None].to(x.dtype)


class QuantizedEmbedding(nn.Module):
    """Continuous values → one of ``n_bins`` even bins over ``value_range`` → embedding.

    Values beyond the range fall into the edge bins.
    """

    def __init__(self, n_bins: int, dim: int, value_range: Sequence[float]) -> None:
        super().__init__()
        low, high = value_range
        if not low < high:
            raise ValueError(f"bin range must be increasing, got {tuple(value_range)}")
        # n_bins - 1 inner boundaries make n_bins buckets; derived from arguments, so not saved
        self.register_buffer("boundaries", torch.linspace(low, high, n_bins - 1), persistent=False)
        self.embedding = nn.Embedding(n_bins, dim)

    def forward(self, values: Tensor) -> Tensor:
        """values [B, T] → [B, T, dim]."""
        return self.embedding(torch.bucketize(values.contiguous(), self.boundaries))


# --------------------------------------------------------------------------- adaptor


@dataclass
class VarianceTargets:
    """Ground truth for teacher forcing; pitch / uv / energy are frame level at either level."""

    durations: Tensor  # [B, T_ph] long frames
    pitch: Tensor  # [B, T] z-scored log-F0, interpolated over unvoiced frames
    energy: Tensor  # [B, T] z-scored energy
    uv: Optional[Tensor] = None  # [B, T] float, 1.0 = unvoiced


@dataclass
class VarianceControls:
    """Prosody controls already mapped into the normalized domains the adaptor works in."""

    speed: float = 1.0  # frames are divided by it
    pitch_offset: float = 0.0  # added to z-scored log-F0
    pitch_scale: float = 1.0  # excursions around the utterance's voiced mean are scaled by it
    energy_gain: float = 1.0  # z-scored energy becomes gain * e + bias
    energy_bias: float = 0.0


@dataclass
class VariancePredictions:
    """Predictor outputs at the adaptor's level (``T_v`` = T_ph or T)."""

    log_duration: Tensor  # [B, T_ph] predicted log(1 + frames)
    pitch: Tensor  # [B, T_v] predicted z-scored log-F0
    energy: Tensor  # [B, T_v] predicted z-scored energy
    uv_logits: Optional[Tensor]  # [B, T_v], > 0 leans unvoiced; None when uv is not predicted
    mask: Tensor  # [B, T_v] bool, real positions at the level


@dataclass
class LevelTargets:
    """Training targets brought to the adaptor's level (phoneme averages or frames)."""

    pitch: Tensor  # [B, T_v]
    energy: Tensor  # [B, T_v]
    uv: Optional[Tensor]  # [B, T_v] unvoiced fraction (phoneme level) or flag (frame level)


@dataclass
class AdaptorOutput:
    """The frame-level sequence for the decoder and everything the loss or the vocoder needs."""

    x: Tensor  # [B, T, C] hidden sequence for the decoder
    frame_mask: Tensor  # [B, T] bool
    mel_lengths: Tensor  # [B] long
    durations: Tensor  # [B, T_ph] long frames used (targets or controlled predictions)
    predictions: VariancePredictions
    targets: Optional[LevelTargets]  # set in teacher-forced passes
    frame_pitch: Tensor  # [B, T] z-scored log-F0 embedded (target or controlled prediction)
    frame_energy: Tensor  # [B, T] z-scored energy fed to the embedding
    frame_uv: Optional[Tensor]  # [B, T] predicted probability of unvoiced


@dataclass
class _VarianceStep:
    """Result of predicting and embedding pitch and energy at one level."""

    x: Tensor  # [B, T_v, C] input plus pitch and energy embeddings
    pitch: Tensor  # [B, T_v] prediction
    energy: Tensor  # [B, T_v] prediction
    uv_logits: Optional[Tensor]  # [B, T_v]
    pitch_used: Tensor  # [B, T_v] value embedded
    energy_used: Tensor  # [B, T_v] value embedded


class VarianceAdaptor(nn.Module):
    """Duration / pitch / energy prediction and embedding, and length regulation."""

    def __init__(
        self,
        dim: int,
        predictor_hidden: int,
        predictor_kernel_size: int,
        predictor_layers: int,
        predictor_dropout: float,
        n_bins: int,
        pitch_range: Sequence[float],
        energy_range: Sequence[float],
        level: VarianceLevel,
        predict_uv: bool,
        phoneme_position: bool = False,
    ) -> None:
        super().__init__()
        if level not in ("frame", "phoneme"):
            raise ValueError(f"unknown variance level {level!r}")
        self.level = level
        self.predict_uv = predict_uv
        # frame sequence += a projection of each frame's place in its phoneme (phoneme_position_features)
        self.position = nn.Linear(POSITION_FEATURES, dim) if phoneme_position else None

        def predictor(out_dim: int) -> VariancePredictor:
            return VariancePredictor(
                dim,
                predictor_hidden,
                predictor_kernel_size,
                predictor_layers,
                predictor_dropout,
                out_dim,
            )

        self.duration_predictor = predictor(1)
        self.pitch_predictor = predictor(2 if predict_uv else 1)  # channel 0 pitch, 1 uv logit
        self.energy_predictor = predictor(1)
        self.pitch_embedding = QuantizedEmbedding(n_bins, dim, pitch_range)
        self.energy_embedding = QuantizedEmbedding(n_bins, dim, energy_range)

    def forward(
        self, x: Tensor, mask: Tensor, targets: VarianceTargets, n_frames: int
    ) -> AdaptorOutput:
        """Teacher-forced pass. x [B, T_ph, C], mask [B, T_ph]; output has ``n_frames`` frames."""
        log_duration = self.duration_predictor(x, mask)[..., 0]  # [B, T_ph]
        durations = targets.durations * mask.long()  # [B, T_ph]
        index = frame_index(durations, n_frames)
        if self.level == "phoneme":
            level_targets = LevelTargets(
                pitch=average_by_duration(targets.pitch, durations),
                energy=average_by_duration(targets.energy, durations),
                uv=None if targets.uv is None else average_by_duration(targets.uv, durations),
            )
            step = self._variance(x, mask, level_targets, None)
            hidden, level_mask = self._frames(step.x, index, durations), mask
        else:
            frame_keep = index.mask.to(targets.pitch.dtype)
            level_targets = LevelTargets(
                pitch=targets.pitch * frame_keep,
                energy=targets.energy * frame_keep,
                uv=None if targets.uv is None else targets.uv * frame_keep,
            )
            step = self._variance(self._frames(x, index, durations), index.mask, level_targets, None)
            hidden, level_mask = step.x, index.mask
        return self._output(hidden, index, durations, log_duration, step, level_mask, level_targets)

    def infer(self, x: Tensor, mask: Tensor, controls: VarianceControls) -> AdaptorOutput:
        """Prediction pass. x [B, T_ph, C], mask [B, T_ph]; T is the longest predicted utterance."""
        log_duration = self.duration_predictor(x, mask)[..., 0]  # [B, T_ph]
        durations = durations_from_log(log_duration, mask, controls.speed)  # [B, T_ph]
        index = frame_index(durations)
        if self.level == "phoneme":
            step = self._variance(x, mask, None, controls)
            hidden, level_mask = self._frames(step.x, index, durations), mask
        else:
            step = self._variance(self._frames(x, index, durations), index.mask, None, controls)
            hidden, level_mask = step.x, index.mask
        return self._output(hidden, index, durations, log_duration, step, level_mask, None)

    def _frames(self, x: Tensor, index: FrameIndex, durations: Tensor) -> Tensor:
        """Length regulation: phoneme vectors x [B, T_ph, C] → frames [B, T, C], plus position if on."""
        frames = expand_to_frames(x, index)
        if self.position is None:
            return frames
        features = phoneme_position_features(index, durations).to(frames.dtype)  # [B, T, 8]
        return frames + self.position(features) * index.mask[..., None].to(frames.dtype)

    def _variance(
        self,
        x: Tensor,
        mask: Tensor,
        targets: Optional[LevelTargets],
        controls: Optional[VarianceControls],
    ) -> _VarianceStep:
        """Predict pitch, then energy, on x [B, T_v, C]; embed targets or controlled predictions."""
        keep = mask[..., None].to(x.dtype)  # [B, T_v, 1]
        pitch_out = self.pitch_predictor(x, mask)  # [B, T_v, 1 or 2]
        pitch = pitch_out[..., 0]
        uv_logits = pitch_out[..., 1] if self.predict_uv else None
        if targets is not None:
            pitch_used = targets.pitch
        else:
            pitch_used = self._control_pitch(pitch, mask, uv_logits, controls or VarianceControls())
        x = x + self.pitch_embedding(pitch_used) * keep

        energy = self.energy_predictor(x, mask)[..., 0]  # [B, T_v]
        if targets is not None:
            energy_used = targets.energy
        else:
            ctl = controls or VarianceControls()
            energy_used = (energy * ctl.energy_gain + ctl.energy_bias) * mask.to(energy.dtype)
        x = x + self.energy_embedding(energy_used) * keep
        return _VarianceStep(x, pitch, energy, uv_logits, pitch_used, energy_used)

    @staticmethod
    def _control_pitch(
        pitch: Tensor, mask: Tensor, uv_logits: Optional[Tensor], controls: VarianceControls
    ) -> Tensor:
        """Scale excursions around the utterance's voiced mean, then shift; [B, T_v]."""
        weights = mask.to(pitch.dtype)  # [B, T_v]
        if uv_logits is not None:
            voiced = (torch.sigmoid(uv_logits) <= UNVOICED_THRESHOLD).to(pitch.dtype) * weights
            has_voiced = voiced.sum(dim=1, keepdim=True) > 0  # [B, 1]
            weights = torch.where(has_voiced, voiced, weights)
        total = weights.sum(dim=1, keepdim=True).clamp(min=1.0)  # [B, 1]
        mean = (pitch * weights).sum(dim=1, keepdim=True) / total  # [B, 1]
        controlled = mean + (pitch - mean) * controls.pitch_scale + controls.pitch_offset
        return controlled * mask.to(pitch.dtype)

    def _output(
        self,
        hidden: Tensor,
        index: FrameIndex,
        durations: Tensor,
        log_duration: Tensor,
        step: _VarianceStep,
        level_mask: Tensor,
        targets: Optional[LevelTargets],
    ) -> AdaptorOutput:
        """Bring the variance values to frame level and package everything."""
        uv_prob = None if step.uv_logits is None else torch.sigmoid(step.uv_logits)
        if self.level == "phoneme":
            frame_pitch = expand_to_frames(step.pitch_used, index)
            frame_energy = expand_to_frames(step.energy_used, index)
            frame_uv = None if uv_prob is None else expand_to_frames(uv_prob, index)
        else:
            frame_pitch, frame_energy, frame_uv = step.pitch_used, step.energy_used, uv_prob
        predictions = VariancePredictions(
            log_duration=log_duration,
            pitch=step.pitch,
            energy=step.energy,
            uv_logits=step.uv_logits,
            mask=level_mask,
        )
        return AdaptorOutput(
            x=hidden,
            frame_mask=index.mask,
            mel_lengths=index.lengths,
            durations=durations,
            predictions=predictions,
            targets=targets,
            frame_pitch=frame_pitch,
            frame_energy=frame_energy,
            frame_uv=frame_uv,
        )
