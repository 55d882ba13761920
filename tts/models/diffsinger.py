"""DiffSinger (Liu et al., "DiffSinger: Singing Voice Synthesis via Shallow Diffusion Mechanism", 2022).

phoneme + tone + note pitch + note duration embeddings → FFT encoder → (+ speaker) → singing
variance (durations from notes, length regulation, F0 from notes) → frame states + F0 embedding →
auxiliary FFT decoder → coarse mel (L1) — and a WaveNet denoiser, conditioned on the same frame
states (and, with ``aux_condition``, on the coarse mel), trained on all ``T`` diffusion steps or,
with ``train_k_step``, on the steps below it as DiffSinger's reference code does. Inference noises
the coarse mel to step ``K`` and denoises only ``K`` steps (DDPM), or fewer with DPM-Solver++(2M).

Mels are normalized per bin (:class:`~tts.models.base.FeatureStats`); pitch is z-scored log-F0.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Literal, Optional

import torch
from torch import Tensor, nn

from tts.errors import ConfigError, InputError
from tts.models.base import AcousticBatch, AcousticModel, AcousticOutput, Controls, FeatureStats, ModelOutputs
from tts.models.layers import masked_mean, sequence_mask
from tts.models.layers.diffusion import GaussianDiffusion, ScheduleKind
from tts.models.layers.transformer import FFTStack, PositionKind
from tts.models.layers.wavenet import WaveNetDenoiser
from tts.models.singing_variance import (
    NoteGroups,
    NoteTiming,
    PitchPrediction,
    SingingVariance,
    duration_losses,
    expand_to_frames,
    fit_durations,
    note_groups,
    note_timing,
    require_notes,
)
from tts.models.variance import UNVOICED_THRESHOLD
from tts.registry import ACOUSTIC_MODELS

MIDDLE_C = 60.0  # note pitch enters the encoder as (MIDI - 60) / 12 octaves
MIN_VOICED_HZ = 20.0  # a given F0 curve below this (0 Hz in files) marks unvoiced frames
SEMITONES = 12.0


@dataclass
class DiffSingerConfig:
    """Scope: "network" fields change weights' shapes or meaning (retrain); "training" fields only
    affect training; "inference" fields can change on a trained voice (they are read at synthesis)."""

    hidden_dim: int = 256  # network: encoder / decoder width and embedding size (paper: 256)
    encoder_layers: int = 4  # network: FFT blocks over phonemes (paper: 4)
    aux_decoder_layers: int = 4  # network: FFT blocks of the auxiliary (coarse mel) decoder
    attention_heads: int = 2  # network: heads per self-attention
    ffn_dim: int = 1024  # network: channels inside the FFT conv feed-forward
    ffn_kernel_sizes: tuple[int, int] = (9, 1)  # network: FFN conv kernels
    dropout: float = 0.1  # training: dropout of encoder, decoder and predictors
    positions: PositionKind = "sinusoidal"  # network: fixed sinusoids work for any length
    max_positions: int = 4000  # network: longest sequence for "learned" positions
    predictor_hidden: int = 256  # network: conv channels of the duration and F0 predictors
    predictor_kernel_size: int = 3  # network: duration predictor kernel
    predictor_layers: int = 2  # network: convs of the duration predictor
    pitch_layers: int = 5  # network: convs of the F0 predictor (receptive field spans transitions)
    pitch_kernel_size: int = 5  # network: F0 predictor kernel
    vibrato_period_frames: float = 15.7  # network: vibrato period; 15.7 frames ≈ 5.5 Hz at 86 frames/s
    vibrato_window_frames: int = 31  # training: window (odd, ~2 periods) separating vibrato from drift
    residual_channels: int = 256  # network: WaveNet channels (paper: 256)
    residual_layers: int = 20  # network: WaveNet residual blocks (paper: 20)
    dilation_cycle: int = 4  # network: dilations 1, 2, 4, 8, 1, 2, ...
    denoiser_kernel_size: int = 3  # network: WaveNet dilated conv kernel
    timesteps: int = 100  # network: diffusion steps T the denoiser is trained on (paper: 100)
    k_step: int = 60  # inference: shallow start K < T (the paper's boundary search gave ~50-60)
    # training: the denoiser learns steps t < train_k_step only (DiffSinger's reference code trains on
    # t < K, the only steps shallow diffusion visits); 0 = all T steps. Keep k_step <= it at inference.
    train_k_step: int = 0
    # network: the denoiser also sees the coarse mel (detached), as Grad-TTS's decoder sees its prior
    # mean: at the shallow start it need not rebuild from the frame states what the coarse mel holds
    aux_condition: bool = False
    # network: what the denoiser outputs — the noise ε (DDPM, DiffSinger) or the clean mel x0 (as ProDiff
    # does). A denoiser narrower than the mel (the small preset: 64 channels, 80 bins) cannot pass white
    # 80-bin noise through, but a mel is smooth across bins and fits; samplers get ε derived from x0.
    # "residual": the clean mel as the coarse mel plus the denoiser's output (ResGrad's residual
    # diffusion), so a denoiser narrower than the mel need not pass the coarse mel through, and one
    # whose output starts at zero starts as the coarse mel exactly.
    prediction: Literal["epsilon", "x0", "residual"] = "epsilon"
    # training (prediction: x0 or residual): the share of training items whose x_t is noised from the (detached)
    # coarse mel rather than the recording, the target staying the recording. Shallow diffusion starts
    # from the noised coarse mel; a denoiser that has only seen noised recordings reads the coarse
    # mel's smoothness as signal and lands further from the recording than the coarse mel itself
    # (benchmarks/bench_denoiser.py). 0 = DiffSinger's training.
    aux_start: float = 0.0
    schedule: ScheduleKind = "linear"  # network: beta schedule
    beta_max: float = 0.06  # network: last beta of the linear schedule (paper: 0.06 with T = 100)
    diffusion_loss: Literal["l1", "l2"] = "l1"  # training: loss on the denoiser output (paper: L1 on the noise)
    sampler_steps: int = 0  # inference: default DPM-Solver steps; 0 = DDPM over all K steps

    def __post_init__(self) -> None:
        self.ffn_kernel_sizes = (int(self.ffn_kernel_sizes[0]), int(self.ffn_kernel_sizes[1]))
        problems = []
        if self.hidden_dim % self.attention_heads:
            problems.append("hidden_dim must be divisible by attention_heads")
        if self.hidden_dim % 2 or self.residual_channels % 2:
            problems.append("hidden_dim and residual_channels must be even")
        if not 1 <= self.k_step <= self.timesteps:
            problems.append(f"k_step must be 1..timesteps ({self.timesteps}), got {self.k_step}")
        if not 0 <= self.train_k_step <= self.timesteps:
            problems.append(f"train_k_step must be 0..timesteps ({self.timesteps}), got {self.train_k_step}")
        if self.train_k_step and self.k_step > self.train_k_step:
            problems.append(f"k_step ({self.k_step}) must not exceed train_k_step ({self.train_k_step}): "
                            "the denoiser never learned the steps above it")
        if not 0 <= self.sampler_steps <= self.k_step:
            problems.append(f"sampler_steps must be 0..k_step ({self.k_step}), got {self.sampler_steps}")
        if self.vibrato_window_frames % 2 == 0 or self.vibrato_window_frames < 3:
            problems.append("vibrato_window_frames must be odd and >= 3")
        if self.vibrato_period_frames <= 0:
            problems.append("vibrato_period_frames must be positive")
        kernels = (*self.ffn_kernel_sizes, self.predictor_kernel_size, self.pitch_kernel_size,
                   self.denoiser_kernel_size)
        if any(k % 2 == 0 for k in kernels):
            problems.append("all kernel sizes must be odd")
        if self.prediction not in ("epsilon", "x0", "residual"):
            problems.append(f"prediction must be 'epsilon', 'x0' or 'residual', got {self.prediction!r}")
        if not 0.0 <= self.aux_start <= 1.0:
            problems.append(f"aux_start must be 0..1, got {self.aux_start}")
        if self.aux_start and self.prediction == "epsilon":
            problems.append("aux_start needs prediction: x0 or residual (the noise added to the coarse "
                            "mel is not the recording's noise, so there is no ε to predict)")
        if self.schedule not in ("linear", "cosine"):
            problems.append(f"schedule must be 'linear' or 'cosine', got {self.schedule!r}")
        if problems:
            raise ConfigError("DiffSingerConfig: " + "; ".join(problems))


DIFFSINGER_PRESETS: dict[str, DiffSingerConfig] = {
    # the paper's size: 256-wide encoder, 20-layer 256-channel WaveNet, T = 100
    "diffsinger": DiffSingerConfig(),
    # CPU-trainable: narrow and shallow; DPM-Solver with 10 steps by default for fast synthesis
    "diffsinger_small": DiffSingerConfig(
        hidden_dim=128, encoder_layers=3, aux_decoder_layers=3, ffn_dim=256, predictor_hidden=128,
        residual_channels=64, residual_layers=8, k_step=40, sampler_steps=10,
    ),
}


@dataclass
class ShallowDiffusionOutput:
    """The two mels of shallow diffusion, both normalized [B, n_mels, T]."""

    aux_mel: Tensor  # the auxiliary decoder's coarse mel
    diff_mel: Optional[Tensor]  # the denoised mel; None in teacher-forced training passes


@dataclass
class TeacherForced:
    """The training pass up to the denoiser (:meth:`DiffSinger.teacher_forced`)."""

    cond: Tensor  # [B, T, C] frame states + F0: the denoiser's and the auxiliary decoder's conditioning
    aux_mel: Tensor  # [B, n_mels, T] the coarse mel, normalized
    frame_mask: Tensor  # [B, T] bool
    groups: NoteGroups
    log_duration: Tensor  # [B, T_ph] predicted log(1 + frames)
    pitch: PitchPrediction
    timing: NoteTiming
    baseline: Tensor  # [B, T] z-scored note pitch on frames


@dataclass
class DiffSingerOutputs(ModelOutputs):
    """Teacher-forced training outputs."""

    mels: ShallowDiffusionOutput
    diffusion_target: Tensor  # [B, n_mels, T] what the denoiser should output: the noise added, or the mel
    diffusion_pred: Tensor  # [B, n_mels, T] the denoiser's output
    forced: TeacherForced  # the pass up to the denoiser: masks, durations, F0 predictions

    @property
    def mel(self) -> Tensor:
        """The teacher-forced coarse mel (what GTA fine-tuning of a vocoder uses)."""
        return self.mels.aux_mel


@dataclass
class DiffSingerRender:
    """One inference pass: the vocoder-ready output and both normalized mels."""

    output: AcousticOutput
    mels: ShallowDiffusionOutput
    steps: int  # denoiser calls made


@ACOUSTIC_MODELS.register("diffsinger")
class DiffSinger(AcousticModel):
    """Shallow-diffusion singing acoustic model conditioned on phonemes and notes."""

    config_class = DiffSingerConfig
    presets = DIFFSINGER_PRESETS
    mel_mean: Tensor  # [n_mels, 1] buffers from the feature statistics
    mel_std: Tensor  # [n_mels, 1]

    def __init__(self, config: DiffSingerConfig, n_mels: int, n_vocab: int, n_tones: int, n_speakers: int,
                 stats: FeatureStats) -> None:
        super().__init__()
        self.config = config
        self.n_mels = n_mels
        self.n_speakers = n_speakers
        self.stats = stats
        dim = config.hidden_dim
        self.phoneme_embedding = nn.Embedding(n_vocab, dim, padding_idx=0)
        self.tone_embedding = nn.Embedding(n_tones, dim)
        self.note_pitch_proj = nn.Linear(1, dim)  # octaves from middle C
        self.rest_embedding = nn.Embedding(2, dim)  # 0 sung note, 1 rest
        self.note_duration_proj = nn.Linear(1, dim)  # log(1 + note frames)
        self.speaker_embedding = nn.Embedding(n_speakers, dim) if n_speakers > 1 else None
        self.encoder = self._fft_stack(config.encoder_layers)
        self.variance = SingingVariance(
            dim, config.predictor_hidden, config.predictor_kernel_size, config.predictor_layers, config.dropout,
            config.pitch_layers, config.pitch_kernel_size, config.vibrato_period_frames,
            config.vibrato_window_frames, stats,
        )
        self.pitch_proj = nn.Linear(1, dim)  # z-scored log-F0 → frame states
        self.aux_decoder = self._fft_stack(config.aux_decoder_layers)
        self.aux_out = nn.Linear(dim, n_mels)
        self.denoiser = WaveNetDenoiser(n_mels, dim + (n_mels if config.aux_condition else 0),
                                        config.residual_channels, config.residual_layers,
                                        config.dilation_cycle, config.denoiser_kernel_size)
        self.diffusion = GaussianDiffusion(config.timesteps, config.schedule, config.beta_max)
        mean = torch.zeros(n_mels) if stats.mel_mean is None else torch.tensor(stats.mel_mean)
        std = torch.ones(n_mels) if stats.mel_std is None else torch.tensor(stats.mel_std)
        if mean.numel() != n_mels or std.numel() != n_mels:
            raise InputError(f"feature statistics have {mean.numel()} mel bins, the model {n_mels}")
        self.register_buffer("mel_mean", mean.float()[:, None], persistent=False)  # [n_mels, 1]
        self.register_buffer("mel_std", std.float()[:, None], persistent=False)  # [n_mels, 1]

    def _fft_stack(self, n_layers: int) -> FFTStack:
        c = self.config
        return FFTStack(n_layers=n_layers, dim=c.hidden_dim, n_heads=c.attention_heads, ffn_dim=c.ffn_dim,
                        ffn_kernel_sizes=c.ffn_kernel_sizes, dropout=c.dropout, positions=c.positions,
                        max_positions=c.max_positions)

    @property
    def loss_names(self) -> tuple[str, ...]:
        return ("mel/aux", "diff/noise", "duration", "duration/word", "pitch", "pitch/vibrato", "uv")

    # ------------------------------------------------------------------ shared passes

    def _encode(self, batch: AcousticBatch, mask: Tensor, note_frames: Optional[Tensor]) -> Tensor:
        """Phonemes, tones, notes (and speaker) → encoder states [B, T_ph, C], zero on padding."""
        assert batch.note_pitch is not None  # require_notes checked it
        keep = mask[..., None].to(torch.float32)
        note = batch.note_pitch.float()  # [B, T_ph]
        rest = (note <= 0).long()
        x = self.phoneme_embedding(batch.phonemes) + self.tone_embedding(batch.tones)
        x = x + self.note_pitch_proj(((note - MIDDLE_C) / SEMITONES * (1 - rest))[..., None])
        x = x + self.rest_embedding(rest)
        if note_frames is not None:
            x = x + self.note_duration_proj(torch.log1p(note_frames.float().clamp(min=0))[..., None])
        x = self.encoder(x * keep, mask)
        if self.speaker_embedding is not None:
            if batch.speakers is None:
                raise InputError(f"this model has {self.n_speakers} speakers; the batch names none")
            x = x + self.speaker_embedding(batch.speakers)[:, None, :] * keep
        return x

    def _condition(self, frames: Tensor, pitch: Tensor, frame_mask: Tensor) -> Tensor:
        """Frame states [B, T, C] + z-scored log-F0 [B, T] → conditioning [B, T, C]."""
        return (frames + self.pitch_proj(pitch[..., None])) * frame_mask[..., None].to(frames.dtype)

    def _aux_mel(self, cond: Tensor, frame_mask: Tensor) -> Tensor:
        """Conditioning [B, T, C] → coarse normalized mel [B, n_mels, T]."""
        hidden = self.aux_decoder(cond, frame_mask)
        return (self.aux_out(hidden) * frame_mask[..., None].to(hidden.dtype)).transpose(1, 2)

    def _denoiser_output(self, cond: Tensor, aux: Tensor, frame_mask: Tensor) -> Callable[[Tensor, Tensor], Tensor]:
        """(x_t [B, n_mels, T], t [B]) → the denoiser's output as ``prediction`` names it (ε, or x0 —
        for ``residual`` the coarse mel plus the network's output), with
        the conditioning projected once. ``cond`` [B, T, C] frame states; ``aux`` [B, n_mels, T] the
        coarse mel, joined to them (without its gradient: the diffusion loss does not train the
        auxiliary decoder) when ``aux_condition``."""
        channels = cond.transpose(1, 2)  # [B, C, T]
        if self.config.aux_condition:
            channels = torch.cat([channels, aux.detach()], dim=1)  # [B, C + n_mels, T]
        projected = self.denoiser.project(channels, frame_mask)
        if self.config.prediction == "residual":
            coarse = aux.detach()
            return lambda x, t: coarse + self.denoiser(x, t, projected, frame_mask)
        return lambda x, t: self.denoiser(x, t, projected, frame_mask)

    def denoiser_fn(self, cond: Tensor, aux: Tensor, frame_mask: Tensor) -> Callable[[Tensor, Tensor], Tensor]:
        """(x_t [B, n_mels, T], t [B]) → predicted noise ε, what the samplers take (derived from the
        clean-mel estimate ``(x_t - sqrt(ᾱ_t) x0) / sqrt(1 - ᾱ_t)`` when the denoiser predicts x0)."""
        output = self._denoiser_output(cond, aux, frame_mask)
        if self.config.prediction == "epsilon":
            return output
        diffusion = self.diffusion

        def epsilon(x: Tensor, t: Tensor) -> Tensor:
            alpha = diffusion.sqrt_alpha_bar[t].view(-1, 1, 1)
            sigma = diffusion.sqrt_one_minus_alpha_bar[t].view(-1, 1, 1)
            return (x - alpha * output(x, t)) / sigma

        return epsilon

    # ------------------------------------------------------------------ training

    def teacher_forced(self, batch: AcousticBatch) -> TeacherForced:
        """The training pass up to the denoiser, on the batch's durations and F0.

        Needs mel, mel_lengths, durations, pitch, note_pitch, note_durations."""
        needed = ("mel", "mel_lengths", "durations", "pitch")
        missing = [name for name in needed if getattr(batch, name) is None]
        if missing:
            raise InputError(f"training batch lacks {', '.join(missing)}")
        require_notes(batch.note_pitch, batch.note_durations, need_durations=True)
        assert batch.mel is not None and batch.mel_lengths is not None and batch.durations is not None
        assert batch.pitch is not None and batch.note_pitch is not None
        mask = _phoneme_mask(batch)
        n_frames = batch.mel.shape[-1]
        groups = note_groups(batch.phonemes, mask)
        x = self._encode(batch, mask, batch.note_durations)
        log_duration = self.variance.log_durations(x, mask)
        durations = batch.durations * mask.long()
        timing = note_timing(durations, groups, n_frames, margin=self.config.vibrato_window_frames // 2)
        frame_mask = timing.index.mask & sequence_mask(batch.mel_lengths, n_frames)
        frames = expand_to_frames(x, timing.index)  # [B, T, C]
        baseline = expand_to_frames(self.variance.baseline(batch.note_pitch, mask), timing.index)  # [B, T]
        pitch_pred = self.variance.predict_pitch(frames, baseline, timing)
        cond = self._condition(frames, batch.pitch * frame_mask.to(batch.pitch.dtype), frame_mask)
        return TeacherForced(cond=cond, aux_mel=self._aux_mel(cond, frame_mask), frame_mask=frame_mask,
                             groups=groups, log_duration=log_duration, pitch=pitch_pred, timing=timing,
                             baseline=baseline)

    def forward(self, batch: AcousticBatch) -> DiffSingerOutputs:
        """Teacher-forced pass (:meth:`teacher_forced`) and one denoiser call at a random step."""
        tf = self.teacher_forced(batch)
        assert batch.mel is not None
        keep = tf.frame_mask[:, None, :].to(batch.mel.dtype)
        target = batch.mel * keep
        output = self._denoiser_output(tf.cond, tf.aux_mel, tf.frame_mask)
        start = None
        if self.training and self.config.aux_start > 0:
            from_aux = torch.rand(target.shape[0], 1, 1, device=target.device) < self.config.aux_start  # [B, 1, 1]
            start = torch.where(from_aux, tf.aux_mel.detach() * keep, target)
        terms = self.diffusion.training_terms(output, target, max_step=self.config.train_k_step or None, start=start)
        wanted = terms.noise * keep if self.config.prediction == "epsilon" else target
        return DiffSingerOutputs(mels=ShallowDiffusionOutput(aux_mel=tf.aux_mel, diff_mel=None),
                                 diffusion_target=wanted, diffusion_pred=terms.predicted, forced=tf)

    def loss(self, batch: AcousticBatch, outputs: ModelOutputs) -> dict[str, Tensor]:
        """Named unweighted losses: mel/aux (L1), diff/noise (L1 of the denoiser output: ε, or x0), duration(/word),
        pitch(/vibrato), uv."""
        if not isinstance(outputs, DiffSingerOutputs):
            raise TypeError(f"DiffSinger.loss takes DiffSingerOutputs, got {type(outputs).__name__}")
        assert batch.mel is not None and batch.durations is not None and batch.pitch is not None
        forced = outputs.forced
        frames = forced.frame_mask
        error = outputs.diffusion_pred - outputs.diffusion_target
        error = error.abs() if self.config.diffusion_loss == "l1" else error**2
        losses = {
            "mel/aux": masked_mean((outputs.mels.aux_mel - batch.mel).abs().transpose(1, 2), frames),
            "diff/noise": masked_mean(error.transpose(1, 2), frames),
        }
        losses.update(duration_losses(forced.log_duration, batch.durations, forced.groups))
        targets = self.variance.targets(batch.pitch, batch.uv, forced.baseline, forced.timing)
        losses.update(self.variance.losses(forced.pitch, targets, frames))
        return losses

    # ------------------------------------------------------------------ inference

    @torch.no_grad()
    def infer(self, batch: AcousticBatch, controls: Optional[Controls] = None) -> AcousticOutput:
        """Phonemes + notes → de-normalized log-mel [B, n_mels, T], durations, f0 in Hz (0 = unvoiced)."""
        return self.render(batch, controls).output

    @torch.no_grad()
    def render(self, batch: AcousticBatch, controls: Optional[Controls] = None, use_diffusion: bool = True
               ) -> DiffSingerRender:
        """Like :meth:`infer`, also returning the coarse and the denoised mel (normalized).

        ``batch.durations`` [B, T_ph] (frames) are used when given, else predicted from
        ``batch.note_durations``; ``batch.pitch`` [B, T'] (z-scored log-F0, cropped or edge-padded
        to the frame count) replaces the predicted F0: its 0 Hz frames count as unvoiced and are
        bridged linearly, ``batch.uv`` overrides the voicing if given. ``controls.speed`` divides
        the note lengths (tempo); ``pitch_shift`` shifts (semitones) and ``pitch_scale`` scales the
        predicted deviations from the notes (0 sings the bare notes); ``vibrato`` scales the depth of
        the predicted vibrato alone (0: none).
        ``controls.diffusion_steps`` picks DPM-Solver++ with that many steps (1..K), else the
        config's ``sampler_steps`` (0: DDPM over K steps); ``controls.seed`` seeds the noise.
        """
        controls = controls or Controls()
        require_notes(batch.note_pitch, batch.note_durations, need_durations=batch.durations is None)
        assert batch.note_pitch is not None
        mask = _phoneme_mask(batch)
        groups = note_groups(batch.phonemes, mask)
        note_frames = None if batch.note_durations is None else batch.note_durations.float() / controls.speed
        x = self._encode(batch, mask, note_frames)
        if batch.durations is not None:
            durations = batch.durations.long() * mask.long()
        else:
            assert note_frames is not None
            durations = fit_durations(self.variance.log_durations(x, mask), groups, note_frames)
        timing = note_timing(durations, groups, None, margin=self.config.vibrato_window_frames // 2)
        frame_mask = timing.index.mask  # [B, T]
        keep = frame_mask.to(x.dtype)
        frames = expand_to_frames(x, timing.index)
        baseline = expand_to_frames(self.variance.baseline(batch.note_pitch, mask), timing.index)
        predicted = self.variance.predict_pitch(frames, baseline, timing)
        pitch, uv = self._pitch(batch, predicted, baseline, timing, controls)
        cond = self._condition(frames, pitch, frame_mask)
        aux = self._aux_mel(cond, frame_mask)
        mel, steps = aux, 0
        if use_diffusion:
            mel, steps = self._shallow_diffusion(aux, cond, frame_mask, controls)
        voiced = frame_mask & ~uv
        output = AcousticOutput(
            mel=(mel * self.mel_std + self.mel_mean) * keep[:, None, :],
            mel_lengths=timing.index.lengths, durations=durations,
            f0=self.stats.denormalize_f0(pitch) * voiced.to(pitch.dtype), uv=uv & frame_mask,
        )
        return DiffSingerRender(output=output, mels=ShallowDiffusionOutput(aux, mel if use_diffusion else None),
                                steps=steps)

    def _pitch(self, batch: AcousticBatch, predicted: PitchPrediction, baseline: Tensor, timing: NoteTiming,
               controls: Controls) -> tuple[Tensor, Tensor]:
        """The z-scored log-F0 [B, T] to sing and its unvoiced mask [B, T] (given curve or predicted)."""
        n = timing.index.mask.shape[1]
        keep = timing.index.mask.to(baseline.dtype)
        shift = self.stats.semitones_to_normalized(controls.pitch_shift)
        uv = torch.sigmoid(predicted.uv_logits) > UNVOICED_THRESHOLD
        if batch.pitch is not None:
            given = _fit_length(batch.pitch.float(), n)
            # a curve's unvoiced frames (0 Hz, read as the F0 floor) are bridged, never embedded
            silent = self.stats.denormalize_f0(given) < MIN_VOICED_HZ
            pitch = torch.where(silent.all(dim=1, keepdim=True), baseline, _bridge(given, ~silent)) + shift
            uv = uv | silent
            if batch.uv is not None:
                uv = _fit_length(batch.uv.float(), n) > 0.5
        else:
            vibrato = self.variance.vibrato_wave(controls.vibrato * predicted.vibrato, timing)
            expression = predicted.residual + vibrato
            pitch = baseline + controls.pitch_scale * expression + shift
        return pitch * keep, uv

    def _shallow_diffusion(self, aux: Tensor, cond: Tensor, frame_mask: Tensor, controls: Controls
                           ) -> tuple[Tensor, int]:
        """Noise the coarse mel to step K and denoise; returns (mel [B, n_mels, T], denoiser calls)."""
        k = self.config.k_step
        generator = None
        if controls.seed is not None:
            generator = torch.Generator(device=aux.device).manual_seed(int(controls.seed))
        keep = frame_mask[:, None, :].to(aux.dtype)
        noise = torch.randn(aux.shape, device=aux.device, dtype=aux.dtype, generator=generator)
        start = self.diffusion.q_sample(aux, torch.full((aux.shape[0],), k - 1, device=aux.device), noise) * keep
        denoise = self.denoiser_fn(cond, aux, frame_mask)
        steps = controls.diffusion_steps if controls.diffusion_steps is not None else self.config.sampler_steps
        if steps:
            mel = self.diffusion.sample_dpm_solver(denoise, start, k, int(steps))
        else:
            mel, steps = self.diffusion.sample_ddpm(denoise, start, k, generator), k
        return mel * keep, int(steps)


def _bridge(values: Tensor, valid: Tensor) -> Tensor:
    """[B, T] ``values`` with the gaps between ``valid`` frames filled linearly (edges held)."""
    n = values.shape[1]
    frames = torch.arange(n, device=values.device).expand_as(values)
    before = torch.where(valid, frames, torch.full_like(frames, -1)).cummax(dim=1).values
    after = torch.where(valid, frames, torch.full_like(frames, n)).flip(1).cummin(dim=1).values.flip(1)
    left = torch.where(before >= 0, before, after).clamp(0, n - 1)
    right = torch.where(after < n, after, before).clamp(0, n - 1)
    span = (right - left).clamp(min=1).to(values.dtype)
    weight = ((frames - left).to(values.dtype) / span).clamp(0, 1)
    return values.gather(1, left) * (1 - weight) + values.gather(1, right) * weight


def _fit_length(values: Tensor, n: int) -> Tensor:
    """[B, T'] → [B, n]: cropped, or padded with each row's last value."""
    if values.shape[1] >= n:
        return values[:, :n]
    if values.shape[1] == 0:
        return values.new_zeros(values.shape[0], n)
    return torch.cat([values, values[:, -1:].expand(-1, n - values.shape[1])], dim=1)


def _phoneme_mask(batch: AcousticBatch) -> Tensor:
    if bool((batch.phoneme_lengths < 1).any()):
        raise InputError("every utterance needs at least one phoneme")
    return sequence_mask(batch.phoneme_lengths, batch.phonemes.shape[1])


def diffsinger_preset(name: str, **overrides: object) -> DiffSingerConfig:
    """A copy of preset ``name`` with ``overrides`` applied (validated again)."""
    if name not in DIFFSINGER_PRESETS:
        raise ConfigError(f"unknown DiffSinger preset {name!r}; available: {', '.join(DIFFSINGER_PRESETS)}")
    try:
        return replace(DIFFSINGER_PRESETS[name], **overrides)  # type: ignore[arg-type]
    except TypeError as error:
        raise ConfigError(f"DiffSingerConfig: {error}") from None


__all__ = [
    "DIFFSINGER_PRESETS", "DiffSinger", "DiffSingerConfig", "DiffSingerOutputs", "DiffSingerRender",
    "ShallowDiffusionOutput", "diffsinger_preset",
]
