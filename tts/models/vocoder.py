"""What every neural vocoder shares: the interface, input checks, and chunked inference.

A vocoder turns a natural-log magnitude mel ``[B, n_mels, T]`` (exactly what
:class:`~tts.audio.features.MelExtractor` makes) and, for source-filter vocoders, an F0 curve
``[B, T]`` in Hz (0 = unvoiced) into ``wav [B, T * hop_length]``: frame t → samples
``[t * hop, (t + 1) * hop)``.

:meth:`VocoderModel.infer` renders long inputs in chunks of ``chunk_frames`` frames. Each chunk is
generated with ``overlap_frames`` frames of context on both sides; neighbouring chunks are
crossfaded (raised cosine) over ``overlap_frames`` frames centred on their boundary, so each output
sample comes from a chunk that saw at least ``overlap_frames / 2`` frames on either side. When that
covers the generator's receptive field (:meth:`VocoderModel.receptive_field`: 14 frames for
HiFi-GAN V1, 19 for ``istft_hifigan_small``) the chunked result equals
the whole-utterance one up to float rounding. Working memory is that of one chunk of
``chunk_frames + 2 * overlap_frames`` frames, whatever the length; only the output grows.

Inference precision (:attr:`VocoderModel.precision`, set with :meth:`VocoderModel.set_precision`):
``"float32"``, or ``"bfloat16"``, which runs the network under bfloat16 autocast — convolutions in
bfloat16 with float32 accumulation, residual sums in float32 — while each model's waveform head
(:func:`full_precision`) and the NSF source stay in float32. On CPUs with native bfloat16
(AVX512-BF16, AMX) and on GPUs that is the faster path; ``benchmarks/bench_vocoder_quality.py
--precision`` measures what it costs in quality. Training never uses it (the trainer's own AMP does).
"""

from __future__ import annotations

import contextlib
import math
from abc import ABCMeta, abstractmethod
from dataclasses import dataclass
from typing import Any, ClassVar, Optional

import torch
from torch import Tensor, nn
from torch.nn.utils import parametrize

from tts.audio.features import check_audio_config
from tts.audio.params import AudioConfig
from tts.errors import InputError
from tts.models.layers.vocoder_blocks import remove_weight_norm

DEFAULT_CHUNK_FRAMES = 512  # ~6 s at 22.05 kHz / hop 256: a few tens of MB of activations for V1
DEFAULT_OVERLAP_FRAMES = 44  # context per side; half of it (22) exceeds every preset's receptive field
PRECISIONS = ("float32", "bfloat16")  # inference precisions a vocoder runs in


def native_bfloat16(device: torch.device) -> bool:
    """Whether ``device`` runs bfloat16 convolutions natively: a CUDA GPU that supports bfloat16, or a
    CPU with AVX512-BF16 or AMX (elsewhere oneDNN emulates bfloat16 and it is slower than float32)."""
    if device.type == "cuda":
        return torch.cuda.is_available() and torch.cuda.is_bf16_supported()
    if device.type != "cpu":
        return False
    cpu = getattr(torch, "cpu", None)
    checks = ("_is_avx512_bf16_supported", "_is_amx_tile_supported")
    return any(bool(getattr(cpu, name, lambda: False)()) for name in checks)


def pick_precision(requested: str, device: torch.device) -> str:
    """``"auto"`` → ``"bfloat16"`` where :func:`native_bfloat16`, else ``"float32"``; others are checked."""
    if requested == "auto":
        return "bfloat16" if native_bfloat16(device) else "float32"
    if requested not in PRECISIONS:
        raise InputError(f"unknown vocoder precision {requested!r}; choose auto or one of {', '.join(PRECISIONS)}")
    return requested


def full_precision(x: Tensor) -> contextlib.AbstractContextManager:
    """A region where autocast is off, for parts that must stay float32 under bfloat16 inference
    (waveform heads: the last convolution, tanh, the inverse STFT). Cast inputs with :func:`widen`."""
    return torch.autocast(x.device.type, enabled=False)


def widen(x: Tensor) -> Tensor:
    """``x`` in float32, or as it is when already float64."""
    return x if x.dtype == torch.float64 else x.float()


@dataclass
class ChunkPosition:
    """Where a chunk starts inside the whole utterance (what position-dependent parts need)."""

    start_frame: int = 0  # index of the chunk's first frame in the utterance
    f0_cycles: Optional[Tensor] = None  # [B] float64 F0 periods elapsed before the chunk; None = 0


class VocoderModel(nn.Module, metaclass=ABCMeta):
    """mel (+ F0) → waveform. Subclasses register with ``tts.registry.VOCODERS``.

    Built as ``cls(config, audio=AudioConfig)`` with ``config`` a ``cls.config_class`` instance;
    ``cls.presets`` names ready-made configs (the first is the default).
    """

    config_class: ClassVar[type]
    presets: ClassVar[dict[str, Any]]
    needs_f0: ClassVar[bool] = False  # True for source-filter vocoders (NSF): forward needs f0
    quality: ClassVar[str] = "neural"  # "low…" would mark a fallback vocoder to the synthesizer

    def __init__(self, audio: AudioConfig) -> None:
        super().__init__()
        check_audio_config(audio)
        self.audio = audio
        self.sample_rate = audio.sample_rate
        self.hop_length = audio.hop_length
        self.n_mels = audio.n_mels
        self.precision = "float32"  # inference precision, one of PRECISIONS (see set_precision)

    def set_precision(self, precision: str) -> "VocoderModel":
        """Run ``forward``/``infer`` in ``precision`` (``"float32"``, ``"bfloat16"``, or ``"auto"``:
        :func:`pick_precision` for the device the weights are on); returns self."""
        weight = next(self.parameters(), None)
        self.precision = pick_precision(precision, weight.device if weight is not None else torch.device("cpu"))
        return self

    # ------------------------------------------------------------------ to implement

    @abstractmethod
    def generate(self, mel: Tensor, f0: Optional[Tensor], position: ChunkPosition) -> Tensor:
        """The network on checked input: ``mel [B, n_mels, T]``, ``f0 [B, T]`` or None
        → ``wav [B, T * hop_length]``. ``position`` locates a chunk inside the utterance."""

    @abstractmethod
    def receptive_field(self) -> float:
        """Frames either side of a mel frame that can change its samples (an upper bound):
        ``infer`` reproduces ``forward`` when ``overlap_frames / 2`` is at least this."""

    # ------------------------------------------------------------------ public

    def forward(self, mel: Tensor, f0: Optional[Tensor] = None) -> Tensor:
        """``mel [B, n_mels, T]`` natural-log mel, ``f0 [B, T]`` Hz or None → ``wav [B, T * hop]``."""
        mel, f0 = self.check_input(mel, f0)
        return self._generate(mel, f0, ChunkPosition())

    def infer(
        self,
        mel: Tensor,
        f0: Optional[Tensor] = None,
        chunk_frames: int = DEFAULT_CHUNK_FRAMES,
        overlap_frames: int = DEFAULT_OVERLAP_FRAMES,
    ) -> Tensor:
        """Chunked, gradient-free rendering: same shapes as :meth:`forward`, flat working memory.

        Call ``eval()`` first (training-mode randomness differs between chunks).
        """
        mel, f0 = self.check_input(mel, f0)
        if chunk_frames < 1 or overlap_frames < 0 or overlap_frames > chunk_frames:
            raise InputError(f"chunked vocoding needs chunk_frames >= 1 and 0 <= overlap_frames <= "
                             f"chunk_frames, got {chunk_frames} and {overlap_frames}")
        with torch.inference_mode(), parametrize.cached():
            return self._render_chunks(mel, f0, chunk_frames, overlap_frames)

    def remove_weight_norm(self) -> int:
        """Fold weight normalization into plain weights for inference; returns the number folded.

        Output is unchanged; the state-dict keys change, so do this after loading, never before export.
        """
        return remove_weight_norm(self)

    def check_input(self, mel: Tensor, f0: Optional[Tensor]) -> tuple[Tensor, Optional[Tensor]]:
        """InputError naming the problem unless ``mel`` (and ``f0`` when needed) are usable."""
        name = type(self).__name__
        if mel.dim() != 3 or mel.shape[1] != self.n_mels:
            raise InputError(f"{name} expects a mel of shape [B, {self.n_mels}, T] (n_mels = {self.n_mels}), "
                             f"got {tuple(mel.shape)}")
        if mel.shape[0] == 0 or mel.shape[2] == 0:
            raise InputError(f"{name}: the mel is empty (shape {tuple(mel.shape)}); nothing to vocode")
        if not mel.is_floating_point():
            raise InputError(f"{name}: the mel must be floating point, got {mel.dtype}")
        if not bool(torch.isfinite(mel).all()):
            raise InputError(f"{name}: the mel holds NaN or infinite values")
        if not self.needs_f0:
            return mel, None
        if f0 is None:
            raise InputError(f"{name} is a source-filter vocoder and needs an F0 curve [B, T] in Hz "
                             "(0 = unvoiced) next to the mel")
        if f0.shape != (mel.shape[0], mel.shape[2]):
            raise InputError(f"{name}: F0 must have shape [B, T] = {(mel.shape[0], mel.shape[2])} to match "
                             f"the mel, got {tuple(f0.shape)}")
        f0 = f0.to(mel.dtype)
        if not bool(torch.isfinite(f0).all()):
            raise InputError(f"{name}: the F0 curve holds NaN or infinite values")
        nyquist = self.sample_rate / 2
        if bool((f0 < 0).any()) or bool((f0 >= nyquist).any()):
            raise InputError(f"{name}: F0 must lie in [0, {nyquist:g}) Hz (0 = unvoiced), got values in "
                             f"[{float(f0.min()):g}, {float(f0.max()):g}]")
        return mel, f0

    def _generate(self, mel: Tensor, f0: Optional[Tensor], position: ChunkPosition) -> Tensor:
        """:meth:`generate` in this model's inference precision; float32 ``[B, T * hop]`` out."""
        if self.precision == "float32" or self.training:
            return self.generate(mel, f0, position)
        # Outside inference mode (gradients still off) autocast caches each weight's bfloat16 copy for
        # the whole call; inference mode disables that cache and re-casts every weight at every call
        # of every convolution (measured: ~10 % of an NSF render).
        with torch.inference_mode(False), torch.no_grad(), torch.autocast(mel.device.type, dtype=torch.bfloat16):
            return self.generate(mel, f0, position).float()

    # ------------------------------------------------------------------ chunking

    def frame_cycles(self, f0: Tensor) -> Tensor:
        """F0 periods elapsed during each frame ``[B, T]`` float64 (source-filter vocoders override
        this to match how they upsample F0; the default holds F0 for the frame's ``hop`` samples)."""
        return f0.double() * self.hop_length / self.sample_rate

    def _render_chunks(self, mel: Tensor, f0: Optional[Tensor], chunk: int, overlap: int) -> Tensor:
        batch, _, frames = mel.shape
        hop = self.hop_length
        out = mel.new_empty(batch, frames * hop)
        cycles = None if f0 is None else torch.cumsum(self.frame_cycles(f0), dim=1)  # [B, T] inclusive
        half = overlap // 2  # crossfade half-width in frames
        carried: Optional[Tensor] = None  # previous chunk's samples over the next crossfade zone
        for start in range(0, frames, chunk):
            end = min(start + chunk, frames)
            lo, hi = max(0, start - overlap), min(frames, end + overlap)
            position = ChunkPosition(start_frame=lo, f0_cycles=None if cycles is None or lo == 0
                                     else cycles[:, lo - 1])
            wav = self._generate(mel[:, :, lo:hi], None if f0 is None else f0[:, lo:hi], position)
            # zone around the chunk's left boundary: [start - h_left, start + h_left)
            h_left = min(half, frames - start) if start > 0 else 0
            h_right = min(half, frames - end) if end < frames else 0
            write_from, write_to = (start + h_left) * hop, (end - h_right) * hop
            out[:, write_from:write_to] = wav[:, write_from - lo * hop: write_to - lo * hop]
            if h_left and carried is not None:  # carried was saved by the previous chunk
                zone = slice((start - h_left) * hop - lo * hop, (start + h_left) * hop - lo * hop)
                fade = _fade_in(2 * h_left * hop, wav)  # [Z] 0 → 1
                out[:, (start - h_left) * hop: write_from] = carried[:, : 2 * h_left * hop] * (1 - fade) + wav[:, zone] * fade
            if h_right:
                carried = wav[:, (end - h_right - lo) * hop: (end + h_right - lo) * hop].clone()
        return out


def _fade_in(length: int, like: Tensor) -> Tensor:
    """Raised-cosine ramp from 0 to 1 over ``length`` samples (sample centres), ``[length]``."""
    steps = (torch.arange(length, device=like.device, dtype=torch.float64) + 0.5) / length
    return (0.5 - 0.5 * torch.cos(math.pi * steps)).to(like.dtype)
