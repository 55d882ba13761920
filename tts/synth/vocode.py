"""Vocoding with a vocoder voice: copy synthesis of a recording, or a saved mel to audio.

Long inputs are streamed: features are computed and rendered one chunk of frames at a time, each
chunk with ``CONTEXT_FRAMES`` of extra frames on both sides that are rendered and dropped (past the
generator's receptive field, so a chunk's samples equal those of whole-file rendering), and
neighbouring chunks crossfaded over ``CROSSFADE_FRAMES``. Output is written to the file as it is
rendered, so memory does not grow with the length of the input.

Features are computed exactly as ``prepare`` computes them (:class:`~tts.audio.features.MelExtractor`,
:func:`~tts.audio.pitch.extract_f0` with the vocoder's own audio and pitch settings), so copy
synthesis measures the vocoder alone.
"""

from __future__ import annotations

import os
import tempfile
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterator, Optional, Protocol, Union

import numpy as np
import soundfile as sf
import soxr
import torch

from tts.audio.features import MelExtractor, num_frames
from tts.audio.io import _WRITE_FORMATS, CLIP_LEVEL, CLIP_WARN_FRACTION, DC_WARN_LEVEL, QUIET_WARN_DB, loudness_db
from tts.audio.params import AudioConfig, PitchConfig
from tts.errors import InputError, VoiceError
from tts.fileio import atomic_path
from tts.models.vocoder import VocoderModel
from tts.synth.voice import LoadedVoice, load_voice

PathLike = Union[str, os.PathLike]

DEFAULT_CHUNK_SECONDS = 20.0  # audio rendered per chunk; memory grows with this, not with the input
CONTEXT_FRAMES = 32  # frames rendered and dropped on each side of a chunk (> the generators' receptive field)
CROSSFADE_FRAMES = 2  # frames over which neighbouring chunks are crossfaded
F0_CONTEXT_FRAMES = 64  # extra frames of audio each side of a chunk for F0 tracking (~0.75 s at 22.05 kHz)
READ_BLOCK_SAMPLES = 1 << 16  # block size when resampling a file in a stream
MEL_SUFFIX = ".npy"


@dataclass
class VocodeSummary:
    """What one vocoding did."""

    input: str
    output: str
    seconds: float  # of audio written
    sample_rate: int
    input_sample_rate: int  # of the input audio (0 for a mel input)
    chunks: int
    wall_seconds: float
    warnings: list[str] = field(default_factory=list)

    @property
    def rtf(self) -> float:
        """Wall seconds per second of audio (< 1 is faster than real time)."""
        return self.wall_seconds / self.seconds if self.seconds > 0 else 0.0

    def to_json(self) -> dict:
        return {"input": self.input, "output": self.output, "seconds": round(self.seconds, 3),
                "sample_rate": self.sample_rate, "input_sample_rate": self.input_sample_rate,
                "chunks": self.chunks, "rtf": round(self.rtf, 4), "warnings": self.warnings}


class FrameSource(Protocol):
    """Random access to the vocoder's inputs, a window of frames at a time."""

    frames: int  # total mel frames

    def window(self, start: int, end: int) -> tuple[np.ndarray, Optional[np.ndarray]]:
        """mel ``[n_mels, end - start]`` and F0 ``[end - start]`` Hz (0 = unvoiced), or None without F0."""


# ----------------------------------------------------------------------------- sources


SampleReader = Callable[[int, int], np.ndarray]  # (first, last) sample → [last - first] float32, 0 outside


class AudioFrames:
    """Mel (and F0) of a signal at the vocoder's rate, computed window by window exactly as whole-file.

    ``read(a, b)`` gives samples ``[a, b)`` with zeros outside the signal, so a window's frames see
    exactly the samples (and the centre padding) they would see in a whole-signal STFT.
    """

    def __init__(self, read: SampleReader, total_samples: int, audio: AudioConfig,
                 pitch: Optional[PitchConfig]) -> None:
        self.read = read
        self.audio = audio
        self.pitch = pitch  # None: no F0 (the vocoder does not use it)
        self.frames = num_frames(total_samples, audio)
        self.extractor = MelExtractor(replace(audio, center=False))  # windows are cut with their padding
        self.offset = audio.n_fft // 2 if audio.center else 0  # frame t starts at t * hop - offset

    def window(self, start: int, end: int) -> tuple[np.ndarray, Optional[np.ndarray]]:
        hop = self.audio.hop_length
        first = start * hop - self.offset
        samples = self.read(first, (end - 1) * hop - self.offset + self.audio.n_fft)
        with torch.inference_mode():
            mel = self.extractor(torch.from_numpy(samples))[0].numpy()  # [n_mels, end - start]
        return mel, (self._f0(start, end) if self.pitch is not None else None)

    def _f0(self, start: int, end: int) -> np.ndarray:
        from tts.audio.pitch import extract_f0

        assert self.pitch is not None
        hop = self.audio.hop_length
        lo, hi = max(0, start - F0_CONTEXT_FRAMES), min(self.frames, end + F0_CONTEXT_FRAMES)
        track = extract_f0(self.read(lo * hop, hi * hop), self.audio, self.pitch)  # frame k ↔ global lo + k
        f0 = np.where(track.voiced, track.f0, 0.0).astype(np.float32)
        return f0[start - lo:end - lo]


class MelFrames:
    """A saved mel ``[n_mels, T]`` (memory-mapped) and an optional F0 ``[T]``, checked against the vocoder."""

    def __init__(self, path: Path, n_mels: int, f0_path: Optional[Path]) -> None:
        self.mel = _load_npy(path, "mel")
        if self.mel.ndim != 2 or self.mel.shape[0] != n_mels:
            hint = (" (it looks transposed: save it as [n_mels, frames])"
                    if self.mel.ndim == 2 and self.mel.shape[1] == n_mels else "")
            raise InputError(f"{path}: expected a mel of shape [{n_mels}, frames] for this vocoder, "
                             f"got {list(self.mel.shape)}{hint}")
        self.frames = int(self.mel.shape[1])
        if self.frames == 0:
            raise InputError(f"{path}: the mel has no frames")
        self.f0: Optional[np.ndarray] = None
        if f0_path is not None:
            self.f0 = _load_npy(f0_path, "F0")
            if self.f0.shape != (self.frames,):
                raise InputError(f"{f0_path}: expected F0 of shape [{self.frames}] (one value per mel frame), "
                                 f"got {list(self.f0.shape)}")
        self.path, self.f0_path = path, f0_path

    def window(self, start: int, end: int) -> tuple[np.ndarray, Optional[np.ndarray]]:
        mel = np.array(self.mel[:, start:end], dtype=np.float32)  # a writable copy
        if not np.all(np.isfinite(mel)):
            raise InputError(f"{self.path}: the mel holds NaN or infinite values (frames {start}-{end})")
        if self.f0 is None:
            return mel, None
        f0 = np.array(self.f0[start:end], dtype=np.float32)
        if not np.all(np.isfinite(f0)) or np.any(f0 < 0):
            raise InputError(f"{self.f0_path}: F0 must be finite and >= 0 Hz (0 = unvoiced), frames {start}-{end}")
        return mel, f0


def _load_npy(path: Path, what: str) -> np.ndarray:
    if not path.is_file():
        raise InputError(f"{path}: {what} file not found")
    try:
        array = np.load(path, mmap_mode="r", allow_pickle=False)
    except (ValueError, OSError) as err:
        raise InputError(f"{path}: not a readable .npy {what} array ({err})") from None
    if not np.issubdtype(array.dtype, np.floating):
        raise InputError(f"{path}: expected a floating-point {what} array, got {array.dtype}")
    return array


def array_reader(samples: np.ndarray) -> SampleReader:
    """Sample access to an in-memory mono signal ``[T]``."""
    x = np.asarray(samples, dtype=np.float32)

    def read(first: int, last: int) -> np.ndarray:
        out = np.zeros(last - first, dtype=np.float32)
        lo, hi = max(first, 0), min(last, x.shape[0])
        if hi > lo:
            out[lo - first:hi - first] = x[lo:hi]
        return out

    return read


def _file_reader(handle: sf.SoundFile) -> SampleReader:
    """Sample access to an open file at its own rate, mixed to mono, NaN-checked."""

    def read(first: int, last: int) -> np.ndarray:
        out = np.zeros(last - first, dtype=np.float32)
        lo, hi = max(first, 0), min(last, handle.frames)
        if hi > lo:
            handle.seek(lo)
            block = handle.read(hi - lo, dtype="float32", always_2d=True).mean(axis=1)
            if not np.all(np.isfinite(block)):
                raise InputError(f"{handle.name}: audio holds NaN or infinite samples")
            out[lo - first:lo - first + block.shape[0]] = block
        return out

    return read


def _resample_to_file(handle: sf.SoundFile, rate: int, target: Path) -> int:
    """Stream the file, mixed to mono and resampled to ``rate``, into raw float32 ``target``; returns samples."""
    stream = soxr.ResampleStream(handle.samplerate, rate, 1, dtype="float32", quality="HQ")
    written = 0
    with open(target, "wb") as out:
        for block in handle.blocks(blocksize=READ_BLOCK_SAMPLES, dtype="float32", always_2d=True):
            mono = np.ascontiguousarray(block.mean(axis=1))
            if not np.all(np.isfinite(mono)):
                raise InputError(f"{handle.name}: audio holds NaN or infinite samples")
            chunk = stream.resample_chunk(mono, last=False)
            out.write(chunk.astype(np.float32).tobytes())
            written += chunk.shape[0]
        tail = stream.resample_chunk(np.zeros(0, dtype=np.float32), last=True)
        out.write(tail.astype(np.float32).tobytes())
        written += tail.shape[0]
    return written


# ----------------------------------------------------------------------------- rendering


def render_chunks(vocoder: torch.nn.Module, source: FrameSource, chunk_frames: int,
                  device: torch.device | str = "cpu") -> Iterator[np.ndarray]:
    """Samples of ``source`` rendered chunk by chunk, in order (concatenated: ``frames * hop`` samples)."""
    if chunk_frames < 1:
        raise InputError(f"chunk length must be at least one frame, got {chunk_frames}")
    hop = int(vocoder.hop_length)
    total = source.frames
    fade = np.linspace(0.0, 1.0, CROSSFADE_FRAMES * hop + 2, dtype=np.float32)[1:-1]  # fade-in ramp
    pending: Optional[np.ndarray] = None  # the previous chunk's rendering of this chunk's first frames
    for start in range(0, total, chunk_frames):
        end = min(total, start + chunk_frames)
        keep_end = min(total, end + CROSSFADE_FRAMES)
        lo, hi = max(0, start - CONTEXT_FRAMES), min(total, keep_end + CONTEXT_FRAMES)
        mel, f0 = source.window(lo, hi)
        with torch.inference_mode():
            mel_t = torch.from_numpy(mel).to(device)[None]  # [1, n_mels, hi - lo]
            f0_t = torch.from_numpy(f0).to(device)[None] if f0 is not None else None  # [1, hi - lo]
            wav = vocoder.infer(mel_t, f0_t)[0].float().cpu().numpy()  # [(hi - lo) * hop]
        piece = wav[(start - lo) * hop:(keep_end - lo) * hop].copy()
        if pending is not None:
            n = pending.shape[0]
            piece[:n] = pending * fade[::-1][:n] + piece[:n] * fade[:n]
        split = (end - start) * hop
        pending = piece[split:] if keep_end > end else None
        yield piece[:split]


def load_vocoder(name_or_path: PathLike, device: torch.device | str = "cpu", precision: str = "auto") -> LoadedVoice:
    """A vocoder voice by name or folder (VoiceError for acoustic voices and unknown names), set to
    run in ``precision`` (``auto``, ``float32``, ``bfloat16``: :func:`tts.models.vocoder.pick_precision`)."""
    from tts.synth.registry import find_voice

    voice = load_voice(find_voice(name_or_path), device)
    if voice.card.kind != "vocoder":
        raise VoiceError(f"{voice.path} is an {voice.card.kind} voice; `tts vocode` needs a vocoder voice")
    if isinstance(voice.model, VocoderModel):
        voice.model.set_precision(precision)
    return voice


def copy_synthesis(voice: LoadedVoice, samples: np.ndarray, sample_rate: int,
                   chunk_seconds: float = DEFAULT_CHUNK_SECONDS, device: torch.device | str = "cpu") -> np.ndarray:
    """Re-synthesize an in-memory signal ``[T]`` (resampled to the vocoder's rate first) → ``[T']`` at its rate."""
    audio = voice.audio
    x = np.asarray(samples, dtype=np.float32)
    if x.ndim != 1 or x.shape[0] == 0:
        raise InputError(f"copy synthesis needs mono samples of shape [T], got {x.shape}")
    if sample_rate != audio.sample_rate:
        x = soxr.resample(x, sample_rate, audio.sample_rate, quality="HQ").astype(np.float32)
    pitch = voice.config.pitch if voice.model.needs_f0 else None
    source = AudioFrames(array_reader(x), x.shape[0], audio, pitch)
    chunks = render_chunks(voice.model, source, _chunk_frames(chunk_seconds, audio), device)
    return np.concatenate(list(chunks))[: x.shape[0]]


def _chunk_frames(chunk_seconds: float, audio: AudioConfig) -> int:
    if not chunk_seconds > 0:
        raise InputError(f"--chunk-seconds must be positive, got {chunk_seconds}")
    return max(1, round(chunk_seconds * audio.sample_rate / audio.hop_length))


def vocode_file(input_path: PathLike, output_path: PathLike, voice: Union[PathLike, LoadedVoice],
                f0_path: Optional[PathLike] = None, device: str = "cpu",
                chunk_seconds: float = DEFAULT_CHUNK_SECONDS, precision: str = "auto") -> VocodeSummary:
    """Vocode ``input_path`` — an audio file (copy synthesis) or a ``.npy`` mel ``[n_mels, T]`` — to ``output_path``.

    Audio at another rate is resampled to the vocoder's; F0 is tracked when the vocoder needs it
    (for a mel, give ``f0_path``: a ``.npy`` ``[T]`` in Hz, 0 = unvoiced). The output is written
    atomically, chunk by chunk. ``precision`` applies to a vocoder loaded here (not to a given one).

    Raises:
        InputError: a missing or unreadable input, a mel with the wrong number of bins, missing F0.
        VoiceError: the voice is not a vocoder voice.
    """
    started = time.perf_counter()
    source_path, target = Path(input_path), Path(output_path)
    if target.suffix.lower() not in _WRITE_FORMATS:
        raise InputError(f"{target}: unsupported output suffix {target.suffix!r}; use one of {', '.join(_WRITE_FORMATS)}")
    if not source_path.is_file():
        raise InputError(f"{source_path}: input file not found")
    loaded = voice if isinstance(voice, LoadedVoice) else load_vocoder(voice, device, precision)
    audio, needs_f0 = loaded.audio, bool(loaded.model.needs_f0)
    chunk_frames = _chunk_frames(chunk_seconds, audio)
    warnings: list[str] = []
    if source_path.suffix.lower() == MEL_SUFFIX:
        if needs_f0 and f0_path is None:
            raise InputError(f"vocoder {loaded.path} needs F0: pass --f0 F0.npy ([frames] in Hz, 0 = unvoiced)")
        if f0_path is not None and not needs_f0:
            warnings.append(f"{f0_path}: ignored, this vocoder does not use F0")
            f0_path = None
        source = MelFrames(source_path, audio.n_mels, Path(f0_path) if f0_path is not None else None)
        summary = _write(loaded, source, target, chunk_frames, device, warnings)
        summary.input, summary.input_sample_rate = str(source_path), 0
    else:
        if f0_path is not None:
            warnings.append(f"{f0_path}: ignored, F0 is tracked from the input audio")
        summary = _vocode_audio(loaded, source_path, target, chunk_frames, device, warnings)
    summary.wall_seconds = time.perf_counter() - started
    return summary


def _vocode_audio(voice: LoadedVoice, path: Path, target: Path, chunk_frames: int, device: str,
                  warnings: list[str]) -> VocodeSummary:
    audio = voice.audio
    pitch = voice.config.pitch if voice.model.needs_f0 else None
    try:
        handle = sf.SoundFile(str(path))
    except (sf.SoundFileError, RuntimeError, TypeError) as err:
        raise InputError(f"{path}: cannot read audio ({err})") from None
    with handle, tempfile.TemporaryDirectory(prefix="tts-vocode-") as scratch:
        if handle.frames == 0:
            raise InputError(f"{path}: audio file holds no samples")
        rate = handle.samplerate
        if rate == audio.sample_rate:
            read, total = _file_reader(handle), int(handle.frames)
        else:
            warnings.append(f"{path}: resampled from {rate} Hz to the vocoder's {audio.sample_rate} Hz")
            raw = Path(scratch) / "resampled.f32"
            total = _resample_to_file(handle, audio.sample_rate, raw)
            read = array_reader(np.memmap(raw, dtype=np.float32, mode="r", shape=(total,)))
        warnings += _level_warnings(read, total, path)
        frames = AudioFrames(read, total, audio, pitch)
        summary = _write(voice, frames, target, chunk_frames, device, warnings, max_samples=total)
    summary.input, summary.input_sample_rate = str(path), rate
    return summary


def _level_warnings(read: SampleReader, total: int, path: Path) -> list[str]:
    """Clipping, silence and DC-offset notes about the input, from one streamed pass."""
    clipped, square, dc = 0, 0.0, 0.0
    for first in range(0, total, READ_BLOCK_SAMPLES):
        block = read(first, min(total, first + READ_BLOCK_SAMPLES)).astype(np.float64)
        clipped += int(np.count_nonzero(np.abs(block) >= CLIP_LEVEL))
        square += float(np.sum(block**2))
        dc += float(np.sum(block))
    notes = []
    if clipped / total > CLIP_WARN_FRACTION:
        notes.append(f"{path}: {clipped / total:.2%} of input samples are clipped (|x| >= {CLIP_LEVEL}); "
                     "the vocoder reproduces the distortion")
    level = loudness_db(np.array([np.sqrt(square / total)]))
    if square == 0.0:
        notes.append(f"{path}: the input is digital silence; the output is (near) silence")
    elif level < QUIET_WARN_DB:
        notes.append(f"{path}: nearly silent input (RMS {level:.1f} dBFS)")
    if abs(dc / total) > DC_WARN_LEVEL:
        notes.append(f"{path}: DC offset {dc / total:+.3f}")
    return notes


def _write(voice: LoadedVoice, source: FrameSource, target: Path, chunk_frames: int, device: str,
           warnings: list[str], max_samples: Optional[int] = None) -> VocodeSummary:
    """Render ``source`` chunk by chunk into ``target`` (atomically), at most ``max_samples`` samples
    (copy synthesis keeps the input's length; the last frame would add up to a hop more)."""
    audio = voice.audio
    fmt, subtype = _WRITE_FORMATS[target.suffix.lower()]
    written = chunks = clipped = 0
    with atomic_path(target) as tmp:
        with sf.SoundFile(str(tmp), "w", samplerate=audio.sample_rate, channels=1, format=fmt,
                          subtype=subtype) as out:
            for piece in render_chunks(voice.model, source, chunk_frames, device):
                if max_samples is not None:
                    piece = piece[: max(0, max_samples - written)]
                if not np.all(np.isfinite(piece)):
                    raise VoiceError(f"vocoder {voice.path} produced NaN or infinite samples")
                clipped += int(np.count_nonzero(np.abs(piece) > 1.0))
                out.write(np.clip(piece, -1.0, 1.0))
                written += piece.shape[0]
                chunks += 1
    if clipped:
        warnings.append(f"{target}: {clipped} output samples exceeded full scale and were clipped")
    return VocodeSummary(input="", output=str(target), seconds=written / audio.sample_rate,
                         sample_rate=audio.sample_rate, input_sample_rate=0, chunks=chunks, wall_seconds=0.0,
                         warnings=warnings)
