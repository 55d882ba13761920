"""Text → speech with a voice bundle: frontend → acoustic model → vocoder, one sentence at a time.

    synth = Synthesizer.from_voice("my-voice")
    result = synth.tts("你好，世界。", speed=1.1, pitch=2.0)
    synth.write("hello.wav", result)
    wav, sample_rate = result  # a result also unpacks like a (wav, sr) pair

Sentences are rendered one by one and only their samples are kept (mels and F0 only when asked
for with ``keep_features=True``), so memory does not grow with the length of the text beyond the
audio itself; :meth:`Synthesizer.stream` yields sentence by sentence for callers that write as
they go.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterator, Optional, Protocol, Union

import numpy as np
import torch
from torch import Tensor

from tts.audio.io import write_audio
from tts.audio.params import AudioConfig
from tts.errors import InputError, VoiceError
from tts.models.base import AcousticBatch, AcousticModel, Controls
from tts.models.griffinlim import GriffinLim
from tts.models.vocoder import VocoderModel
from tts.synth.registry import find_vocoder, find_voice
from tts.synth.voice import GRIFFIN_LIM, LoadedVoice, load_voice
from tts.text.symbols import PHONEME_TO_ID
from tts.train.distributed import pick_device

PathLike = Union[str, os.PathLike]

SENTENCE_PAUSE_SECONDS = 0.25  # silence after each sentence but the last, divided by the speed
# Audio parameters that define the mel a vocoder consumes; acoustic model and vocoder must agree.
MEL_PARAMETERS = ("sample_rate", "hop_length", "n_mels", "n_fft", "win_length", "fmin", "fmax")


class Vocoder(Protocol):
    """Anything that turns a mel into audio: ``(mel [B, n_mels, T], f0 [B, T] | None) → [B, samples]``."""

    def __call__(self, mel: Tensor, f0: Optional[Tensor] = None) -> Tensor: ...


@dataclass
class SentenceRender:
    """What was rendered for one sentence. ``mel``/``f0`` are kept only with ``keep_features``."""

    phonemes: list[str]
    durations: np.ndarray  # [T_ph] int frames per phoneme
    mel: Optional[np.ndarray] = None  # [n_mels, T] log-mel fed to the vocoder
    f0: Optional[np.ndarray] = None  # [T] Hz, 0 on unvoiced frames
    start: float = 0.0  # seconds from the start of the output where the sentence begins
    seconds: float = 0.0  # length of the sentence's audio


@dataclass
class SynthesisResult:
    """Rendered speech: mono float32 ``wav [samples]`` at ``sample_rate``, and per-sentence details."""

    wav: np.ndarray
    sample_rate: int
    sentences: list[SentenceRender] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return len(self.wav) / self.sample_rate

    def __iter__(self) -> Iterator[Any]:
        """``wav, sr = result``, matching the ``(wav, sr)`` interface of the architecture notes."""
        yield self.wav
        yield self.sample_rate


@dataclass
class SentenceAudio:
    """One sentence from :meth:`Synthesizer.stream`: its details and its samples ``[n]`` float32."""

    render: SentenceRender
    wav: np.ndarray


def check_compatible(acoustic: AudioConfig, acoustic_name: str, vocoder: AudioConfig, vocoder_name: str) -> None:
    """Raise VoiceError unless both sides use the same mel definition (rate, hop, mels, STFT)."""
    for key in MEL_PARAMETERS:
        mine, theirs = getattr(acoustic, key), getattr(vocoder, key)
        if mine != theirs:
            raise VoiceError(
                f"acoustic voice {acoustic_name} and vocoder {vocoder_name} disagree on {key}: "
                f"{mine} vs {theirs}; pair the voice with a vocoder trained on the same audio settings"
            )


def _load_vocoder_voice(path: Path, device: str | torch.device) -> LoadedVoice:
    voice = load_voice(path, device)
    if voice.card.kind != "vocoder":
        raise VoiceError(f"{path} is an {voice.card.kind} voice, not a vocoder")
    return voice


@dataclass
class PairedVocoder:
    """The vocoder an acoustic voice renders with, and the audio settings it was trained on."""

    model: Vocoder
    audio: AudioConfig
    name: str  # its folder, or "griffin-lim"


def load_paired_vocoder(voice: LoadedVoice, vocoder: Optional[str], device: str | torch.device,
                        precision: str = "auto") -> PairedVocoder:
    """The vocoder for an acoustic ``voice``: ``vocoder`` if given (a vocoder voice name or path, or
    ``"griffin-lim"``), else the one its card names (relative paths are relative to the voice folder).
    A neural vocoder runs in ``precision`` (see :func:`tts.models.vocoder.pick_precision`)."""
    if vocoder is not None:  # the caller's choice: relative paths are relative to the cwd
        folder = find_vocoder(vocoder, Path.cwd())
    else:  # the card's choice: relative paths are relative to the voice folder
        try:
            folder = find_vocoder(voice.card.vocoder, voice.path)
        except VoiceError as err:
            raise VoiceError(
                f"{voice.path / 'card.json'} pairs the voice with vocoder {voice.card.vocoder!r}, "
                f"which cannot be found ({err}); install it, or use the {GRIFFIN_LIM} vocoder"
            ) from None
    if folder is None:
        return PairedVocoder(GriffinLim(voice.audio).to(device), voice.audio, GRIFFIN_LIM)
    vocoder_voice = _load_vocoder_voice(folder, device)
    model = vocoder_voice.model
    if isinstance(model, VocoderModel):  # not every registered vocoder is one (e.g. a test's)
        model.set_precision(precision)
    return PairedVocoder(model, vocoder_voice.audio, str(vocoder_voice.path))


def phoneme_ids(voice: LoadedVoice, phonemes: list[str]) -> list[int]:
    """Ids of ``phonemes`` in the voice's phoneme table (InputError on one it lacks)."""
    n_vocab = len(voice.phonemes)
    ids = []
    for phoneme in phonemes:
        index = PHONEME_TO_ID.get(phoneme)
        if index is None or index >= n_vocab:
            raise InputError(f"phoneme {phoneme!r} is not in this voice's phoneme table")
        ids.append(index)
    return ids


def speaker_ids(voice: LoadedVoice, speaker: Optional[str], device: torch.device) -> Optional[Tensor]:
    """``[1]`` speaker id of ``speaker`` (a name, or a number for unnamed multi-speaker voices),
    the first speaker when None, or None for single-speaker voices."""
    names, count = voice.speakers, voice.card.n_speakers
    if names:
        if speaker is None:
            index = 0
        elif speaker in names:
            index = names.index(speaker)
        else:
            raise InputError(f"unknown speaker {speaker!r}; this voice has: {', '.join(names)}")
    elif count > 1:
        if speaker is None:
            index = 0
        elif speaker.isdigit() and int(speaker) < count:
            index = int(speaker)
        else:
            raise InputError(f"speaker must be a number from 0 to {count - 1} for this voice, got {speaker!r}")
    elif speaker is not None:
        raise InputError(f"this voice has a single speaker; got speaker {speaker!r}")
    else:
        return None
    return torch.tensor([index], dtype=torch.long, device=device)


def _word_index_of(sentence: Any) -> Optional[list[int]]:
    """A frontend sentence's word numbers, or None for frontends that give no words."""
    words = getattr(sentence, "word_index", None)
    return None if words is None else [int(w) for w in words]


class Synthesizer:
    """Renders Mandarin text with an acoustic voice and a vocoder (a vocoder voice or Griffin-Lim).

    Build it with :meth:`from_voice`; the constructor takes already-loaded parts.
    """

    def __init__(
        self,
        voice: LoadedVoice,
        vocoder: Vocoder,
        vocoder_audio: AudioConfig,
        vocoder_name: str,
        frontend: Optional[Any] = None,
        device: str | torch.device = "cpu",
    ) -> None:
        if voice.card.kind != "acoustic" or not isinstance(voice.model, AcousticModel):
            raise VoiceError(f"{voice.path} is a {voice.card.kind} voice; synthesis needs an acoustic voice")
        check_compatible(voice.audio, str(voice.path), vocoder_audio, vocoder_name)
        self.voice = voice
        self.model: AcousticModel = voice.model
        self.vocoder = vocoder
        self.vocoder_name = vocoder_name
        self.device = pick_device(device)
        self._frontend = frontend  # built on first use: phoneme-level callers never need it

    @classmethod
    def from_voice(
        cls,
        name_or_path: PathLike,
        device: str | torch.device = "cpu",
        vocoder: Optional[str] = None,
        frontend: Optional[Any] = None,
        precision: str = "auto",
    ) -> "Synthesizer":
        """Load a voice by name or path, and its vocoder: ``vocoder`` if given, else the card's.

        ``vocoder`` is ``"griffin-lim"`` or a vocoder voice name or path. ``frontend`` replaces the
        default text frontend (``tts.text.frontend.Frontend`` with the voice's lexicon, if any).
        """
        device = pick_device(device)  # once: the voice, its vocoder and the renderer share it
        voice = load_voice(find_voice(name_or_path), device)
        if voice.card.kind != "acoustic":
            raise VoiceError(f"{voice.path} is a vocoder voice; pass an acoustic voice to synthesize with")
        paired = load_paired_vocoder(voice, vocoder, device, precision)
        return cls(voice, paired.model, paired.audio, paired.name, frontend, device)

    @property
    def frontend(self) -> Any:
        """The text frontend (the voice's lexicon applied), loaded when text is first read."""
        if self._frontend is None:
            self._frontend = self._default_frontend(self.voice)
        return self._frontend

    @staticmethod
    def _default_frontend(voice: LoadedVoice) -> Any:
        from tts.text.frontend import Frontend

        if voice.lexicon_path is None:
            return Frontend()
        from tts.text.overrides import Lexicon

        try:
            lexicon = Lexicon.from_file(voice.lexicon_path)
        except InputError as err:
            raise VoiceError(f"the voice's lexicon is malformed: {err}") from None
        return Frontend(lexicon=lexicon)

    # ------------------------------------------------------------------ properties

    @property
    def sample_rate(self) -> int:
        return self.voice.audio.sample_rate

    @property
    def speakers(self) -> list[str]:
        return list(self.voice.speakers)

    @property
    def low_quality_vocoder(self) -> bool:
        """True when the vocoder is a low-quality fallback (Griffin-Lim): worth a note to the user."""
        return str(getattr(self.vocoder, "quality", "")).startswith("low")

    # ------------------------------------------------------------------ rendering

    def _speaker_tensor(self, speaker: Optional[str]) -> Optional[Tensor]:
        return speaker_ids(self.voice, speaker, self.device)

    def _batch(self, phonemes: list[str], tones: list[int], speakers: Optional[Tensor],
               word_index: Optional[list[int]] = None) -> AcousticBatch:
        n_tones = self.voice.card.n_tones
        ids = phoneme_ids(self.voice, phonemes)
        if len(tones) != len(ids):
            raise InputError(f"{len(ids)} phonemes but {len(tones)} tones")
        bad = [t for t in tones if not 0 <= int(t) < n_tones]
        if bad:
            raise InputError(f"tone {bad[0]} is outside this voice's range 0..{n_tones - 1}")
        return AcousticBatch(
            phonemes=torch.tensor([ids], dtype=torch.long, device=self.device),  # [1, T_ph]
            tones=torch.tensor([list(tones)], dtype=torch.long, device=self.device),  # [1, T_ph]
            phoneme_lengths=torch.tensor([len(ids)], dtype=torch.long, device=self.device),  # [1]
            speakers=speakers,
            **self._words(word_index, len(ids)),
        )

    def _words(self, word_index: Optional[list[int]], n_phonemes: int) -> dict[str, Tensor]:
        """``word_index`` / ``word_lengths`` batch fields for word-reading models ({} when unknown)."""
        if word_index is None:
            return {}
        from tts.models.words import check_word_index

        check_word_index(word_index, n_phonemes)
        return {"word_index": torch.tensor([list(word_index)], dtype=torch.long, device=self.device),  # [1, T_ph]
                "word_lengths": torch.tensor([max(word_index) + 1], dtype=torch.long, device=self.device)}

    def _render(self, phonemes: list[str], tones: list[int], controls: Controls,
                speakers: Optional[Tensor], keep_features: bool,
                word_index: Optional[list[int]] = None) -> SentenceAudio:
        """One sentence: acoustic model (batch of 1) → vocoder → samples."""
        batch = self._batch(phonemes, tones, speakers, word_index)
        hop = self.voice.audio.hop_length
        with torch.inference_mode():
            out = self.model.infer(batch, controls)
            frames = int(out.mel_lengths[0])
            mel = out.mel[:, :, :frames]  # [1, n_mels, T]
            f0 = out.f0[:, :frames] if out.f0 is not None else None  # [1, T]
            if frames > 0:
                wav = self.vocoder(mel, f0)[0, : frames * hop]  # [samples]
            else:
                wav = mel.new_zeros(0)
        samples = wav.float().cpu().numpy()
        render = SentenceRender(
            phonemes=list(phonemes),
            durations=out.durations[0, : len(phonemes)].cpu().numpy().astype(np.int64),
            mel=mel[0].float().cpu().numpy() if keep_features else None,
            f0=f0[0].float().cpu().numpy() if keep_features and f0 is not None else None,
            seconds=len(samples) / self.sample_rate,
        )
        return SentenceAudio(render=render, wav=samples)

    def render_phonemes(self, phonemes: list[str], tones: list[int], controls: Optional[Controls] = None,
                        speaker: Optional[str] = None, keep_features: bool = False,
                        word_index: Optional[list[int]] = None) -> SentenceAudio:
        """One sentence from phonemes and tones directly (evaluation, scores, external frontends).

        ``word_index`` (word number per phoneme, from 0) helps word-reading models (PortaSpeech);
        without it they treat each syllable as a word.
        """
        return self._render(phonemes, tones, controls or Controls(), self._speaker_tensor(speaker), keep_features,
                            word_index)

    def stream(self, text: str, speed: float = 1.0, pitch: float = 0.0, energy: float = 1.0,
               speaker: Optional[str] = None, keep_features: bool = False, noise_scale: Optional[float] = None,
               seed: Optional[int] = None) -> Iterator[SentenceAudio]:
        """Render ``text`` sentence by sentence (no pauses added; see :meth:`pause_samples`).

        The text, controls and speaker are checked before the first sentence is rendered.

        Args:
            speed: speaking-rate factor (2.0 is twice as fast).
            pitch: semitones added to every voiced frame.
            energy: loudness factor on the predicted frame energy.
            speaker: a speaker name of a multi-speaker voice (default: its first speaker).
            keep_features: keep each sentence's mel and F0 (for plots).
            noise_scale: sampling temperature of generative voices (PortaSpeech); None = the voice's default.
            seed: makes sampling reproducible (sentence k uses seed + k); None = random each time.
        Raises:
            InputError: empty or unpronounceable text, bad controls or an unknown speaker.
        """
        controls = Controls(speed=speed, pitch_shift=pitch, energy_scale=energy, noise_scale=noise_scale, seed=seed)
        speakers = self._speaker_tensor(speaker)
        sentences = self.frontend(text).sentences
        self.model.eval()
        return (
            self._render(list(s.phonemes), [int(t) for t in s.tones],
                         controls if seed is None else replace(controls, seed=seed + k), speakers, keep_features,
                         _word_index_of(s))
            for k, s in enumerate(sentences)
        )

    def pause_samples(self, speed: float = 1.0) -> int:
        """Samples of silence between two sentences at ``speed``."""
        return round(SENTENCE_PAUSE_SECONDS / speed * self.sample_rate)

    def tts(self, text: str, speed: float = 1.0, pitch: float = 0.0, energy: float = 1.0,
            speaker: Optional[str] = None, keep_features: bool = False, noise_scale: Optional[float] = None,
            seed: Optional[int] = None) -> SynthesisResult:
        """Render ``text`` to one waveform, sentences joined by a short pause (see :meth:`stream`)."""
        chunks: list[np.ndarray] = []
        renders: list[SentenceRender] = []
        offset = 0
        for piece in self.stream(text, speed, pitch, energy, speaker, keep_features, noise_scale, seed):
            if chunks:
                gap = np.zeros(self.pause_samples(speed), dtype=np.float32)
                chunks.append(gap)
                offset += len(gap)
            piece.render.start = offset / self.sample_rate
            chunks.append(piece.wav)
            renders.append(piece.render)
            offset += len(piece.wav)
        wav = np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.float32)
        return SynthesisResult(wav=wav.astype(np.float32, copy=False), sample_rate=self.sample_rate,
                               sentences=renders)  # fmt: skip

    __call__ = tts

    # ------------------------------------------------------------------ output

    @staticmethod
    def write(path: PathLike, result: SynthesisResult) -> Path:
        """Write the result as wav / flac / ogg (by suffix), atomically."""
        return write_audio(path, result.wav, result.sample_rate)

    @staticmethod
    def plot(path: PathLike, result: SynthesisResult, title: str = "") -> Path:
        """Mel, F0 and phoneme boundaries of all sentences (concatenated) as a PNG."""
        from tts.plots import plot_synthesis

        kept = [s for s in result.sentences if s.mel is not None]
        if not kept or len(kept) != len(result.sentences):
            raise InputError("nothing to plot: render with keep_features=True to keep mels for plotting")
        mel = np.concatenate([s.mel for s in kept], axis=1)  # type: ignore[misc]  # [n_mels, T]
        f0 = (np.concatenate([s.f0 for s in kept]) if all(s.f0 is not None for s in kept)  # type: ignore[misc]
              else None)  # fmt: skip
        durations = np.concatenate([s.durations for s in kept]).tolist()
        phonemes = [p for s in kept for p in s.phonemes]
        plot_synthesis(mel, f0, durations, phonemes, path=Path(path), title=title)
        return Path(path)
