"""Score → singing with a voice bundle: score segments → singing acoustic model → vocoder (with F0).

    singer = Singer.from_voice("zh-sing-demo")
    result = singer.sing("song.musicxml", key_shift=2, tempo=1.1, steps=20, seed=0)
    singer.write("song.wav", result)
    wav, sample_rate = result  # a result also unpacks like a (wav, sr) pair

A score is rendered one segment at a time (its phrases, or the segments of a ``.ds`` file), each
placed at its offset in one output; gaps are silence. Only each segment's samples are kept (its mel
and F0 too with ``keep_features=True``), so memory follows the length of the song's audio, not
the size of the model's intermediate tensors for the whole song.
"""

from __future__ import annotations

import math
import os
from typing import TYPE_CHECKING, Iterator, Optional, Union

import numpy as np
import torch
from torch import Tensor

from tts.audio.params import AudioConfig
from tts.errors import InputError, VoiceError
from tts.models import SINGING_MODELS
from tts.models.base import AcousticBatch, AcousticModel, Controls
from tts.synth.registry import find_voice
from tts.synth.synthesizer import (
    SentenceAudio,
    SentenceRender,
    SynthesisResult,
    Synthesizer,
    Vocoder,
    check_compatible,
    load_paired_vocoder,
    phoneme_ids,
    speaker_ids,
)
from tts.synth.voice import LoadedVoice, load_voice
from tts.train.distributed import pick_device

if TYPE_CHECKING:
    from tts.score import F0Curve, Score, ScoreSegment

PathLike = Union[str, os.PathLike]

# Registry names of acoustic models that sing (take notes); a model class may also say so itself
# with a truthy ``sings`` attribute, which is how a model outside this list is recognized.
SEMITONE_LIMIT = 48.0  # |key shift| beyond four octaves is a typo, not a transposition
TEMPO_RANGE = (0.1, 10.0)  # tempo factors outside this are a typo, not a performance choice


def check_controls(key_shift: float = 0.0, tempo: float = 1.0, steps: Optional[int] = None,
                   vibrato: float = 1.0) -> None:
    """InputError unless the singing controls are usable (callers check them before loading a voice)."""
    if not math.isfinite(key_shift) or abs(key_shift) > SEMITONE_LIMIT:
        raise InputError(f"key shift must be within ±{SEMITONE_LIMIT:g} semitones, got {key_shift}")
    if not (math.isfinite(tempo) and TEMPO_RANGE[0] <= tempo <= TEMPO_RANGE[1]):
        raise InputError(f"tempo must be a factor from {TEMPO_RANGE[0]:g} to {TEMPO_RANGE[1]:g}, got {tempo}")
    if steps is not None and steps < 1:
        raise InputError(f"steps must be at least 1, got {steps}")
    Controls(vibrato=vibrato)  # its own range check


def is_singing_voice(voice: LoadedVoice) -> bool:
    """True when the voice's acoustic model renders notes (a singing model), not text prosody."""
    return voice.card.model in SINGING_MODELS or bool(getattr(voice.model, "sings", False))


def _require_singing(voice: LoadedVoice) -> None:
    if voice.card.kind != "acoustic" or not isinstance(voice.model, AcousticModel):
        raise VoiceError(f"{voice.path} is a {voice.card.kind} voice; singing needs an acoustic singing voice")
    if not is_singing_voice(voice):
        raise VoiceError(
            f"{voice.path} is a speaking voice (model {voice.card.model!r}), it cannot sing a score; "
            f"use a singing voice (model {', '.join(SINGING_MODELS)}), or `tts synth` for speech"
        )


def frame_durations(seconds: np.ndarray, frames_per_second: float) -> np.ndarray:
    """Per-phoneme seconds ``[N]`` → whole frames ``[N]`` whose running sum tracks the running
    sum of the seconds (boundaries rounded, not lengths), so no rounding error accumulates."""
    edges = np.round(np.concatenate([[0.0], np.cumsum(seconds)]) * frames_per_second).astype(np.int64)
    return np.diff(edges)


def curve_on_frames(curve: "F0Curve", frames: int, frames_per_second: float) -> Optional[np.ndarray]:
    """An F0 curve resampled to ``frames`` mel frames ``[T]`` Hz, unvoiced stretches filled by
    linear interpolation between voiced neighbours (ends held). None when nothing is voiced."""
    hz = np.asarray(curve.hz, dtype=np.float64)  # [K]
    voiced = np.isfinite(hz) & (hz > 0)
    if frames <= 0 or not voiced.any():
        return None
    times = np.arange(len(hz)) * float(curve.timestep)  # [K] seconds from the segment start
    frame_times = np.arange(frames) / frames_per_second  # [T] frame centres (center=True STFT)
    return np.interp(frame_times, times[voiced], hz[voiced])


def mix_at_offsets(pieces: list[tuple[int, np.ndarray]]) -> np.ndarray:
    """One float32 track of ``(start sample, samples)`` pieces; overlapping pieces are summed."""
    song = np.zeros(max((start + len(wav) for start, wav in pieces), default=0), dtype=np.float32)
    for start, wav in pieces:
        song[start : start + len(wav)] += wav
    return song


class Singer:
    """Renders song scores with a singing voice (e.g. DiffSinger) and its vocoder (e.g. NSF-HiFi-GAN).

    Build it with :meth:`from_voice`; the constructor takes already-loaded parts.
    """

    def __init__(
        self,
        voice: LoadedVoice,
        vocoder: Vocoder,
        vocoder_audio: AudioConfig,
        vocoder_name: str,
        device: str | torch.device = "cpu",
    ) -> None:
        _require_singing(voice)
        check_compatible(voice.audio, str(voice.path), vocoder_audio, vocoder_name)
        if voice.stats is None:
            raise VoiceError(f"{voice.path} carries no feature statistics; an F0 curve cannot be given to it")
        self.voice = voice
        self.model: AcousticModel = voice.model  # type: ignore[assignment]
        self.vocoder = vocoder
        self.vocoder_name = vocoder_name
        self.device = pick_device(device)

    @classmethod
    def from_voice(
        cls, name_or_path: PathLike, device: str | torch.device = "cpu", vocoder: Optional[str] = None,
        precision: str = "auto",
    ) -> "Singer":
        """Load a singing voice by name or path, and its vocoder: ``vocoder`` if given (a vocoder
        voice name or path, or ``"griffin-lim"``), else the one its card names.

        Raises:
            VoiceError: unknown voice, a speaking or vocoder voice, or a vocoder that does not
                match the voice's audio settings.
        """
        device = pick_device(device)  # once: the voice, its vocoder and the renderer share it
        voice = load_voice(find_voice(name_or_path), device)
        _require_singing(voice)
        paired = load_paired_vocoder(voice, vocoder, device, precision)
        return cls(voice, paired.model, paired.audio, paired.name, device)

    # ------------------------------------------------------------------ properties

    @property
    def sample_rate(self) -> int:
        return self.voice.audio.sample_rate

    @property
    def frames_per_second(self) -> float:
        return self.voice.audio.sample_rate / self.voice.audio.hop_length

    @property
    def speakers(self) -> list[str]:
        return list(self.voice.speakers)

    @property
    def low_quality_vocoder(self) -> bool:
        """True when the vocoder is a low-quality fallback (Griffin-Lim): worth a note to the user."""
        return str(getattr(self.vocoder, "quality", "")).startswith("low")

    # ------------------------------------------------------------------ score → segments

    @staticmethod
    def segments(score_or_path: Union[PathLike, "Score"], key_shift: float = 0.0,
                 tempo: float = 1.0) -> list["ScoreSegment"]:
        """The score's segments (read from a file when given a path), transposed and re-timed."""
        check_controls(key_shift, tempo)
        from tts.score import read, to_phoneme_input

        score = read(score_or_path) if isinstance(score_or_path, (str, os.PathLike)) else score_or_path
        return to_phoneme_input(score, key_shift=key_shift, tempo=tempo)

    # ------------------------------------------------------------------ rendering

    def batch(self, segment: "ScoreSegment", speakers: Optional[Tensor] = None) -> AcousticBatch:
        """The acoustic model's input for one segment (batch of 1): ids, notes, and the score's
        phoneme durations / F0 curve in frames when it gives them."""
        inp = segment.input
        if inp.note_pitch is None or inp.note_dur is None:
            raise InputError("a score segment needs note pitch and note duration for every phoneme")
        device, fps = self.device, self.frames_per_second
        durations: Optional[Tensor] = None
        frames: Optional[int] = None
        if inp.ph_dur is not None:
            counts = frame_durations(np.asarray(inp.ph_dur, dtype=np.float64), fps)  # [N]
            durations = torch.from_numpy(counts)[None].to(device)  # [1, N] long
            frames = int(counts.sum())
        pitch: Optional[Tensor] = None
        if segment.f0 is not None:
            if frames is None:  # no phoneme timing: the curve's own length is the segment's
                frames = round(len(segment.f0.hz) * float(segment.f0.timestep) * fps)
            hz = curve_on_frames(segment.f0, frames, fps)
            if hz is not None:
                pitch = self.voice.stats.normalize_f0(torch.from_numpy(hz).float())[None].to(device)  # type: ignore[union-attr]  # [1, T]
        note_frames = torch.tensor(list(inp.note_dur), dtype=torch.float32) * fps  # [N]
        return self._note_batch(list(inp.phonemes), torch.tensor(list(inp.note_pitch), dtype=torch.float32),
                                note_frames, speakers, durations, pitch)

    def _note_batch(self, phonemes: list[str], note_pitch: Tensor, note_frames: Tensor, speakers: Optional[Tensor],
                    durations: Optional[Tensor] = None, pitch: Optional[Tensor] = None) -> AcousticBatch:
        """One line's acoustic-model input (batch of 1): ``note_pitch [N]`` MIDI per phoneme (0 = rest),
        ``note_frames [N]`` frames of each phoneme's note, optional ``durations [1, N]`` and ``pitch [1, T]``."""
        device, n = self.device, len(phonemes)
        return AcousticBatch(
            phonemes=torch.tensor([phoneme_ids(self.voice, phonemes)], dtype=torch.long, device=device),  # [1, N]
            tones=torch.zeros(1, n, dtype=torch.long, device=device),  # [1, N] singing has no tones
            phoneme_lengths=torch.tensor([n], dtype=torch.long, device=device),  # [1]
            speakers=speakers,
            durations=durations,
            pitch=pitch,
            note_pitch=note_pitch.to(device)[None],  # [1, N] MIDI
            note_durations=note_frames.to(device)[None],  # [1, N] frames
        )

    def _vocode(self, mel: Tensor, f0: Optional[Tensor]) -> Tensor:
        """``mel [1, n_mels, T]``, ``f0 [1, T]`` Hz → ``[1, T * hop]``; a vocoder with a chunked
        ``infer`` (flat memory on long segments) is called through it."""
        infer = getattr(self.vocoder, "infer", None)
        return infer(mel, f0) if callable(infer) else self.vocoder(mel, f0)

    def render_segment(self, segment: "ScoreSegment", controls: Optional[Controls] = None,
                       speaker: Optional[str] = None, keep_features: bool = False) -> SentenceAudio:
        """One segment: acoustic model (batch of 1) → vocoder with the rendered F0 → samples."""
        if segment.offset < 0 or not math.isfinite(segment.offset):
            raise InputError(f"a score segment starts at {segment.offset} s; offsets must be >= 0")
        batch = self.batch(segment, speaker_ids(self.voice, speaker, self.device))
        return self._render(batch, list(segment.input.phonemes), float(segment.offset), controls, keep_features)

    def render_notes(self, phonemes: list[str], note_pitch: np.ndarray, note_frames: np.ndarray,
                     controls: Optional[Controls] = None, speaker: Optional[str] = None) -> SentenceAudio:
        """One line from phonemes and their notes directly (evaluation, external score readers):
        ``note_pitch [N]`` MIDI per phoneme (0 = rest), ``note_frames [N]`` frames of each phoneme's
        note; phoneme durations and F0 are the voice's own predictions."""
        n = len(phonemes)
        if n == 0 or len(note_pitch) != n or len(note_frames) != n:
            raise InputError(f"render_notes needs one note pitch and length per phoneme: {n} phonemes, "
                             f"{len(note_pitch)} pitches, {len(note_frames)} lengths")
        batch = self._note_batch(list(phonemes), torch.as_tensor(np.asarray(note_pitch, dtype=np.float32)),
                                 torch.as_tensor(np.asarray(note_frames, dtype=np.float32)),
                                 speaker_ids(self.voice, speaker, self.device))
        return self._render(batch, list(phonemes), 0.0, controls, keep_features=False)

    def _render(self, batch: AcousticBatch, phonemes: list[str], start: float, controls: Optional[Controls],
                keep_features: bool) -> SentenceAudio:
        """Acoustic model on ``batch`` (one line) → vocoder with the rendered F0 → samples."""
        hop = self.voice.audio.hop_length
        with torch.inference_mode():
            out = self.model.infer(batch, controls or Controls())
            frames = int(out.mel_lengths[0])
            mel = out.mel[:, :, :frames]  # [1, n_mels, T]
            f0 = out.f0[:, :frames] if out.f0 is not None else None  # [1, T] Hz, 0 = unvoiced
            wav = self._vocode(mel, f0)[0, : frames * hop] if frames > 0 else mel.new_zeros(0)  # [samples]
        samples = wav.float().cpu().numpy()
        render = SentenceRender(
            phonemes=phonemes,
            durations=out.durations[0, : len(phonemes)].cpu().numpy().astype(np.int64),
            mel=mel[0].float().cpu().numpy() if keep_features else None,
            f0=f0[0].float().cpu().numpy() if keep_features and f0 is not None else None,
            start=start,
            seconds=len(samples) / self.sample_rate,
        )
        return SentenceAudio(render=render, wav=samples)

    def stream(self, score_or_path: Union[PathLike, "Score"], key_shift: float = 0.0, tempo: float = 1.0,
               steps: Optional[int] = None, seed: Optional[int] = None, speaker: Optional[str] = None,
               keep_features: bool = False, vibrato: float = 1.0) -> Iterator[SentenceAudio]:
        """Render a score segment by segment; each piece's ``render.start`` is its offset (s).

        The score, controls and speaker are checked before the first segment is rendered.
        Segment ``i`` samples with seed ``seed + i`` so segments do not share their noise.
        """
        check_controls(key_shift, tempo, steps, vibrato)
        segments = self.segments(score_or_path, key_shift, tempo)
        speaker_ids(self.voice, speaker, self.device)  # an unknown speaker fails before any rendering
        self.model.eval()
        for index, segment in enumerate(segments):
            controls = Controls(diffusion_steps=steps, seed=None if seed is None else seed + index, vibrato=vibrato)
            yield self.render_segment(segment, controls, speaker, keep_features)

    def sing(self, score_or_path: Union[PathLike, "Score"], key_shift: float = 0.0, tempo: float = 1.0,
             steps: Optional[int] = None, seed: Optional[int] = None, speaker: Optional[str] = None,
             keep_features: bool = False, vibrato: float = 1.0) -> SynthesisResult:
        """Render a score (a file path or a read ``Score``) to one waveform.

        Args:
            key_shift: semitones added to every note (and to the score's own F0 curve).
            tempo: tempo factor: 2.0 sings twice as fast.
            steps: diffusion sampler steps (None: the voice's default).
            seed: seed of the sampler's noise, for a reproducible render (None: random).
            speaker: a speaker of a multi-speaker voice (default: its first).
            keep_features: keep each segment's mel and F0 (for :meth:`plot`).
            vibrato: depth of the predicted vibrato: 0 none, 1 as the voice learned it, 2 twice as
                deep (a score's own F0 curve is sung as written).
        Raises:
            InputError: an unreadable or malformed score (naming the file and note or segment),
                or out-of-range controls.
        """
        pieces: list[tuple[int, np.ndarray]] = []
        renders: list[SentenceRender] = []
        for piece in self.stream(score_or_path, key_shift, tempo, steps, seed, speaker, keep_features, vibrato):
            pieces.append((round(piece.render.start * self.sample_rate), piece.wav))
            renders.append(piece.render)
        return SynthesisResult(wav=mix_at_offsets(pieces), sample_rate=self.sample_rate, sentences=renders)

    __call__ = sing

    # ------------------------------------------------------------------ output

    write = staticmethod(Synthesizer.write)
    plot = staticmethod(Synthesizer.plot)
