"""The singing variance model: phoneme durations from note durations, and F0 from notes.

**Durations.** Phonemes are grouped by note with the consonant-borrowing convention of DiffSinger
scores: a group starts at a phoneme that is not an initial consonant (a vowel, a melisma's extra
vowel, ``SP``/``AP``) and takes the initial consonants that follow it, so a syllable's initial
sounds *before* its note's onset, in time borrowed from the previous note, and the vowel lands on
the onset. A group's length is the note duration of its first phoneme. The predictor gives
``log(1 + frames)`` per phoneme; at inference each group's predictions are rescaled to its note
(at least one frame per phoneme) and boundaries are rounded cumulatively, so each group sums to
its note up to rounding of the note boundaries themselves (exactly for whole-frame notes).

**F0.** The notes give a baseline (MIDI → log Hz, rests take the neighbouring note). A predictor
over frames regresses the residual of the data's log-F0 over that baseline (transitions,
overshoot, drift) and the local vibrato amplitude, measured on the data as the envelope of the
residual's fast part on note interiors. At inference the F0 is baseline + residual + amplitude ·
sin(2π · frames since the note's onset / vibrato period). A score's own curve replaces all of it.
Everything is in the z-scored natural-log F0 domain of :class:`tts.models.base.FeatureStats`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Optional

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from tts.errors import InputError
from tts.models.base import FeatureStats
from tts.models.layers import masked_mean
from tts.models.variance import FrameIndex, VariancePredictor, expand_to_frames, frame_index
from tts.text.symbols import INITIALS, PHONEME_TO_ID

A4_MIDI = 69.0  # MIDI number of A4
A4_HZ = 440.0  # concert pitch
SEMITONES_PER_OCTAVE = 12.0
MIN_FRAMES_PER_PHONEME = 1  # a real phoneme never vanishes at inference
N_TIMING_FEATURES = 3  # baseline pitch, log(1 + frames since onset), log(1 + frames to the note's end)
PITCH_OUTPUTS = 3  # residual log-F0, uv logit, vibrato amplitude (before softplus)
INITIAL_IDS = tuple(PHONEME_TO_ID[p] for p in INITIALS)


def midi_to_log_hz(midi: Tensor) -> Tensor:
    """MIDI note numbers (fractional allowed) → natural-log Hz, same shape."""
    return math.log(A4_HZ) + (midi - A4_MIDI) / SEMITONES_PER_OCTAVE * math.log(2.0)


def fill_rests(note_pitch: Tensor, mask: Tensor) -> Tensor:
    """[B, N] MIDI with 0 on rests → every rest takes the previous note (else the next one).

    Utterances without any note keep 0; callers treat those as "no baseline".
    """
    n = note_pitch.shape[1]
    positions = torch.arange(n, device=note_pitch.device).expand_as(note_pitch)
    valid = (note_pitch > 0) & mask
    previous = torch.where(valid, positions, torch.full_like(positions, -1)).cummax(dim=1).values
    following = torch.where(valid, positions, torch.full_like(positions, n)).flip(1).cummin(dim=1).values.flip(1)
    source = torch.where(previous >= 0, previous, following).clamp(0, n - 1)  # [B, N]
    return note_pitch.gather(1, source) * (valid.any(dim=1, keepdim=True)).to(note_pitch.dtype)


# --------------------------------------------------------------------------- note groups


@dataclass
class NoteGroups:
    """Which note each phoneme's time comes from (group index ``g`` counts from 0 per utterance)."""

    index: Tensor  # [B, N] long group of each phoneme (0 on padding)
    anchor: Tensor  # [B, N] bool, the phoneme that opens its group (its note sets the length)
    mask: Tensor  # [B, N] bool real phonemes


def note_groups(phonemes: Tensor, mask: Tensor) -> NoteGroups:
    """Group phonemes by note: a group opens at each non-initial phoneme (see the module docs).

    Initial consonants before the first opener join the first group.
    """
    initials = torch.tensor(INITIAL_IDS, device=phonemes.device)
    opens = ~torch.isin(phonemes, initials) & mask  # [B, N]
    none = ~opens.any(dim=1)  # utterances of consonants only: one group opened by the first
    opens[:, 0] |= none & mask[:, 0]
    index = (opens.long().cumsum(dim=1) - 1).clamp(min=0) * mask.long()
    return NoteGroups(index=index, anchor=opens, mask=mask)


def group_sum(values: Tensor, groups: NoteGroups) -> Tensor:
    """Per-phoneme ``values`` [B, N] → per-group sums [B, N] (slot g; unused slots 0)."""
    weights = groups.mask.to(values.dtype)
    return values.new_zeros(values.shape).scatter_add(1, groups.index, values * weights)


def group_note_frames(note_frames: Tensor, groups: NoteGroups) -> Tensor:
    """[B, N] note frames per phoneme → [B, N] each group's length (its opener's note)."""
    opener = (groups.anchor & groups.mask).to(note_frames.dtype)
    return note_frames.new_zeros(note_frames.shape).scatter_add(1, groups.index, note_frames * opener)


def fit_durations(log_durations: Tensor, groups: NoteGroups, note_frames: Tensor) -> Tensor:
    """Predicted ``log(1 + frames)`` [B, N] → long frames [B, N] that fill each group's note.

    Each group gets ``max(note, members)`` frames: one per phoneme plus the rest shared in
    proportion to the predictions; boundaries are rounded on the running sum, so each group keeps
    its (rounded) note boundaries and no phoneme gets fewer than one frame.
    """
    keep = groups.mask.to(log_durations.dtype)
    predicted = torch.expm1(log_durations.clamp(min=0.0)).clamp(min=1e-3) * keep  # [B, N]
    totals = group_note_frames(note_frames.to(log_durations.dtype), groups)  # [B, G]
    members = group_sum(keep, groups)  # [B, G]
    spare = (totals - members * MIN_FRAMES_PER_PHONEME).clamp(min=0.0)  # [B, G]
    share = predicted / group_sum(predicted, groups).gather(1, groups.index).clamp(min=1e-6)
    frames = (MIN_FRAMES_PER_PHONEME + share * spare.gather(1, groups.index)) * keep  # [B, N] float
    ends = torch.round(frames.double().cumsum(dim=1)).long()
    starts = torch.cat([ends.new_zeros(ends.shape[0], 1), ends[:, :-1]], dim=1)
    return (ends - starts) * groups.mask.long()


# --------------------------------------------------------------------------- note timing on frames


@dataclass
class NoteTiming:
    """Where each frame sits inside its note group."""

    index: FrameIndex  # frame → phoneme
    since_onset: Tensor  # [B, T] float frames since the group's first frame
    to_end: Tensor  # [B, T] float frames until the group's last frame
    interior: Tensor  # [B, T] bool, at least ``margin`` frames from both ends of the group


def note_timing(durations: Tensor, groups: NoteGroups, n_frames: Optional[int], margin: int) -> NoteTiming:
    """Frame positions within note groups from phoneme ``durations`` [B, N] long."""
    index = frame_index(durations, n_frames)
    ends = durations.cumsum(dim=1)  # [B, N]
    starts = ends - durations
    big = torch.iinfo(torch.long).max
    group_start = torch.full_like(starts, big).scatter_reduce(
        1, groups.index, torch.where(groups.mask, starts, torch.full_like(starts, big)), reduce="amin")
    group_end = torch.zeros_like(ends).scatter_reduce(1, groups.index, ends * groups.mask.long(), reduce="amax")
    frame_group = groups.index.gather(1, index.phoneme)  # [B, T]
    frame = torch.arange(index.phoneme.shape[1], device=durations.device)[None, :]
    since = (frame - group_start.gather(1, frame_group)).clamp(min=0)
    to_end = (group_end.gather(1, frame_group) - 1 - frame).clamp(min=0)
    interior = (since >= margin) & (to_end >= margin) & index.mask
    keep = index.mask.to(torch.float32)
    return NoteTiming(index, since.float() * keep, to_end.float() * keep, interior)


def masked_moving_average(values: Tensor, weights: Tensor, window: int) -> Tensor:
    """Centred moving average of [B, T] ``values`` over positions with ``weights`` > 0."""
    kernel = values.new_ones(1, 1, window)
    total = F.conv1d((values * weights)[:, None], kernel, padding=window // 2)[:, 0]
    count = F.conv1d(weights[:, None], kernel, padding=window // 2)[:, 0]
    return total / count.clamp(min=1e-6)


# --------------------------------------------------------------------------- the model


@dataclass
class PitchTargets:
    """Training targets of the F0 predictor at frame level."""

    residual: Tensor  # [B, T] log-F0 (z) minus the note baseline (z)
    vibrato: Tensor  # [B, T] vibrato amplitude (z units) of the residual's fast part
    voiced: Tensor  # [B, T] bool, frames whose F0 counts
    vibrato_mask: Tensor  # [B, T] bool, voiced note interiors, where the amplitude is measured
    uv: Tensor  # [B, T] float, 1.0 unvoiced


@dataclass
class PitchPrediction:
    """The F0 predictor's outputs at frame level."""

    residual: Tensor  # [B, T] z units over the baseline
    vibrato: Tensor  # [B, T] amplitude, >= 0
    uv_logits: Tensor  # [B, T], > 0 leans unvoiced


class SingingVariance(nn.Module):
    """Duration predictor (phonemes) and F0 predictor (frames) of the singing model."""

    def __init__(self, dim: int, hidden: int, kernel_size: int, n_layers: int, dropout: float,
                 pitch_layers: int, pitch_kernel_size: int, vibrato_period_frames: float,
                 vibrato_window_frames: int, stats: FeatureStats) -> None:
        super().__init__()
        if vibrato_window_frames % 2 == 0 or vibrato_window_frames < 3:
            raise ValueError(f"vibrato_window_frames must be odd and >= 3, got {vibrato_window_frames}")
        self.stats = stats
        self.vibrato_period = vibrato_period_frames
        self.window = vibrato_window_frames
        self.duration_predictor = VariancePredictor(dim, hidden, kernel_size, n_layers, dropout, 1)
        self.pitch_predictor = VariancePredictor(dim + N_TIMING_FEATURES, hidden, pitch_kernel_size,
                                                 pitch_layers, dropout, PITCH_OUTPUTS)

    # -- durations

    def log_durations(self, x: Tensor, mask: Tensor) -> Tensor:
        """Encoder states [B, N, C] → predicted log(1 + frames) [B, N]."""
        return self.duration_predictor(x, mask)[..., 0]

    # -- pitch

    def baseline(self, note_pitch: Tensor, mask: Tensor) -> Tensor:
        """[B, N] MIDI (0 = rest) → z-scored log-F0 of the notes [B, N]; 0 where no note exists."""
        filled = fill_rests(note_pitch.float(), mask)
        z = (midi_to_log_hz(filled) - self.stats.pitch_mean) / self.stats.pitch_std
        return torch.where(filled > 0, z, torch.zeros_like(z)) * mask.to(z.dtype)

    def predict_pitch(self, frames: Tensor, baseline: Tensor, timing: NoteTiming) -> PitchPrediction:
        """Frame states [B, T, C], baseline [B, T] (z) → residual, vibrato amplitude, uv logits."""
        features = torch.stack([baseline, torch.log1p(timing.since_onset), torch.log1p(timing.to_end)], dim=-1)
        out = self.pitch_predictor(torch.cat([frames, features], dim=-1), timing.index.mask)  # [B, T, 3]
        keep = timing.index.mask.to(out.dtype)
        return PitchPrediction(residual=out[..., 0], uv_logits=out[..., 1], vibrato=F.softplus(out[..., 2]) * keep)

    def vibrato_wave(self, amplitude: Tensor, timing: NoteTiming) -> Tensor:
        """Amplitude [B, T] → vibrato [B, T], phase 0 at each note's onset."""
        return amplitude * torch.sin(2 * math.pi * timing.since_onset / self.vibrato_period)

    def targets(self, pitch: Tensor, uv: Optional[Tensor], baseline: Tensor, timing: NoteTiming) -> PitchTargets:
        """Residual and vibrato-amplitude targets from the data's z-scored log-F0 [B, T]."""
        n = timing.index.mask.shape[1]
        pitch = pitch[:, :n]
        unvoiced = torch.zeros_like(pitch) if uv is None else uv[:, :n].to(pitch.dtype)
        voiced = (unvoiced < 0.5) & timing.index.mask
        weights = voiced.to(pitch.dtype)
        residual = (pitch - baseline) * weights
        fast = (residual - masked_moving_average(residual, weights, self.window)) * weights
        amplitude = torch.sqrt(2 * masked_moving_average(fast**2, weights, self.window).clamp(min=0)) * weights
        return PitchTargets(residual=residual, vibrato=amplitude, voiced=voiced,
                            vibrato_mask=voiced & timing.interior, uv=unvoiced * timing.index.mask.to(pitch.dtype))

    def losses(self, prediction: PitchPrediction, targets: PitchTargets, mask: Tensor) -> dict[str, Tensor]:
        """"pitch" (residual MSE, voiced), "pitch/vibrato" (amplitude MSE, interiors), "uv" (BCE)."""
        bce = F.binary_cross_entropy_with_logits(prediction.uv_logits, targets.uv, reduction="none")
        return {
            "pitch": masked_mean((prediction.residual - targets.residual) ** 2, targets.voiced),
            "pitch/vibrato": masked_mean((prediction.vibrato - targets.vibrato) ** 2, targets.vibrato_mask),
            "uv": masked_mean(bce, mask),
        }


def duration_losses(log_durations: Tensor, durations: Tensor, groups: NoteGroups) -> dict[str, Tensor]:
    """"duration": MSE of log(1 + frames) per phoneme; "duration/word": the same on group sums."""
    target = durations.to(log_durations.dtype)
    predicted_frames = torch.expm1(log_durations.clamp(min=0.0))
    per_group = group_sum(predicted_frames, groups)  # [B, G]
    true_group = group_sum(target, groups)
    used = group_sum(groups.mask.to(target.dtype), groups) > 0  # [B, G] slots that are real groups
    return {
        "duration": masked_mean((log_durations - torch.log1p(target)) ** 2, groups.mask),
        "duration/word": masked_mean((torch.log1p(per_group) - torch.log1p(true_group)) ** 2, used),
    }


def require_notes(note_pitch: Optional[Tensor], note_durations: Optional[Tensor], need_durations: bool) -> None:
    """A clear error when a singing batch lacks its notes."""
    if note_pitch is None:
        raise InputError("a singing model needs note_pitch (MIDI per phoneme); the batch has none — "
                         "prepare the corpus from a singing corpus or read a score")
    if need_durations and note_durations is None:
        raise InputError("without phoneme durations the singing model needs note_durations to place them")


__all__ = [
    "NoteGroups", "NoteTiming", "PitchPrediction", "PitchTargets", "SingingVariance", "duration_losses",
    "expand_to_frames", "fill_rests", "fit_durations", "group_note_frames", "group_sum", "midi_to_log_hz",
    "note_groups", "note_timing", "require_notes",
]
