"""The demo singing corpus, made locally (``tts corpus demo-sing``): espeak-ng sung by WORLD.

Each song is a generated sentence (:class:`~tts.data.sentences.SentenceGenerator`, which keeps
every initial and final well covered; a long one makes several songs) sung on a generated melody:

1. **Plan** (parent process, seeded): the lyrics are cut into lines at punctuation (and evenly
   when longer than ``max_line_syllables``), a long sentence into several songs; a melody is a random walk over a major or minor
   scale inside one singer's range, with note lengths from a tempo, a long note at each line end,
   rests between lines (``AP`` breath or ``SP`` silence) and some two-note melismas (slur 1).
   Every random choice — vibrato rate, depth and delay per long note, glide length per note
   change, loudness per note, consonant stretch per syllable, espeak prosody — is drawn here,
   so the rendering is a pure function of the plan.
2. **Render** (worker processes): each line is spoken by espeak-ng on a level tone, with its
   sample-exact phoneme events (:mod:`tts.data.espeak`). WORLD (pyworld DIO + StoneMask,
   CheapTrick, D4C) analyses it; every phone is time-warped onto the score: an initial consonant
   keeps about its spoken length and is placed *before* its note's onset, so the vowel starts
   exactly on the onset (the convention of Opencpop-style data); glides and nasal codas keep
   about their spoken length; the vowel nucleus is held (its steadiest part stretched) to fill
   the note. The F0 is replaced by the target curve — note pitches joined by raised-cosine glides
   of 50-80 ms, vibrato of 5-6 Hz and ±30-50 cents on long notes after a delay — voiced through
   every vowel, unvoiced where espeak's consonant was unvoiced; breaths are a quiet whispered
   vowel (WORLD noise excitation through a vowel envelope); ``SP`` is digital silence.
3. **Write** (atomic, resumable): wav, record and F0 curve per song, then the Opencpop
   transcription, ``metadata.json`` and ``README.md`` (layout in :mod:`tts.data.corpora.demo_sing`).

Same seed → byte-identical files whatever the number of worker processes; a second run skips
songs already complete; one build per folder at a time.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import random
import warnings
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional, Sequence, Union

import numpy as np
import soundfile as sf
from tqdm import tqdm

from tts.audio.io import resample, write_audio
from tts.data.corpora.demo_sing import (
    RECORD_VERSION,
    SPEAKER,
    TRANSCRIPT,
    f0_path,
    opencpop_line,
    score_path,
    wav_path,
)
from tts.data.corpora.singing import midi_to_note
from tts.data.demo_zh import split_phrases, text_to_pinyin
from tts.data.espeak import (PhonemeEvent, Prosody, SpelledPhrase, align_events, get_espeak, ordered_in_workers,
                             spell_phrase)
from tts.data.sentences import Coverage, SentenceGenerator
from tts.errors import InputError
from tts.fileio import atomic_path, atomic_write_text
from tts.text.pinyin import split_tone, syllable_to_phones
from tts.text.symbols import BREATH, FINALS, SILENCE

with warnings.catch_warnings():  # pyworld imports the deprecated pkg_resources
    warnings.simplefilter("ignore", UserWarning)
    import pyworld

VOICE = "cmn"  # espeak-ng Mandarin; one singer for the whole corpus
ID_FORMAT = "sing_{:06d}"  # song ids, numbered from 1; independent of the corpus size
FRAME_PERIOD_S = 0.005  # WORLD analysis / synthesis step, and the timestep of the stored F0 curves
SPOKEN_TONE = 1  # espeak speaks every syllable on the level tone; the melody replaces it anyway
ESPEAK_RATE = (150, 185)  # words per minute, drawn per song: sets the natural consonant lengths
ESPEAK_PITCH = (40, 60)  # base pitch (0-100), drawn per song; only the analysis sees it
ESPEAK_RANGE = 10  # small intonation range: a steady source for WORLD
ANALYSIS_F0_FLOOR = 71.0  # Hz; espeak's cmn voice speaks at about 100 Hz (CheapTrick FFT 1024 @ 22 kHz)
ANALYSIS_F0_CEIL = 400.0  # Hz
SILENCE_POWER = 1e-14  # WORLD spectral envelope in silent frames (about -140 dB)
SILENCE_RAMP_S = 0.005  # fade into and out of the digital silence of an SP phone
LOUDNESS_SMOOTHING_S = 0.03  # per-note loudness changes are smoothed over this window
PEAK_LIMIT = 0.95  # a song whose peak exceeds this is scaled down to PEAK_TARGET
PEAK_TARGET = 0.9
A4_MIDI, A4_HZ = 69, 440.0
VIBRATO_FADE_OUT_S = 0.05  # vibrato fades out over this time before the note (or its glide) ends

# Time-warp shares (fractions of the time available) and limits, in seconds.
CONSONANT_MAX_SHARE = 0.45  # an initial takes at most this share of the note (or rest) before it
CONSONANT_MIN_S = 0.02  # an initial is never squeezed below this (unless espeak spoke it shorter)
CONSONANT_MAX_S = 0.2
GLIDE_MAX_SHARE = 0.2  # glide tokens before the nucleus (the j of iong): at most this share of the vowel
CODA_STRETCH = 1.3  # nasal codas and final glides may be this much longer than spoken …
CODA_MAX_SHARE = 0.3  # … but take at most this share of the vowel time …
CODA_MAX_S = 0.18  # … and at most this long
HOLD_WIDTH = 0.3  # share of the nucleus token that is stretched (the rest keeps its spoken speed)
# Where a nucleus is steadiest (share of its length): early for falling diphthongs (ai: hold a),
# late for rising ones (ua: hold a), the middle otherwise.
_HOLD_POINT: dict[str, float] = {
    **dict.fromkeys(("ai", "ei", "Au", "ou"), 0.3),
    **dict.fromkeys(("iA", "iE", "uA", "ua", "uo", "yE", "y&", "y@", "u@", "io"), 0.65),
}
DEFAULT_HOLD_POINT = 0.5
_NON_NUCLEUS = frozenset({"j", "w", "n", "N"})  # glide and coda tokens inside a final


@dataclass(frozen=True)
class SingStyle:
    """How songs are made. Every field changes the plans, so changing one re-renders a corpus."""

    midi_low: int = 53  # lowest note of the singer's range (F3); espeak's cmn voice is male
    midi_high: int = 69  # highest note (A4): a comfortable tenor octave and a half
    tempo_bpm: tuple[float, float] = (72.0, 116.0)  # tempo drawn per song (quarter notes per minute)
    note_beats: tuple[float, ...] = (0.5, 1.0, 1.0, 1.5, 2.0)  # lengths a syllable's note is drawn from
    line_end_beats: tuple[float, ...] = (1.5, 2.0, 3.0)  # the last note of a line is held longer
    rest_beats: tuple[float, ...] = (1.0, 1.5, 2.0)  # rests between lines
    max_line_syllables: int = 10  # longer punctuation phrases are cut evenly into lines
    max_song_syllables: int = 16  # a longer sentence is sung as several songs (whole lines each)
    max_song_s: float = 16.0  # a song that would last longer is sung faster (stays under 20 s)
    melisma_probability: float = 0.12  # chance that a syllable of >= 1 beat is sung on two notes
    breath_probability: float = 0.6  # chance that a rest between lines is a breath (AP), not SP
    lead_silence_s: tuple[float, float] = (0.35, 0.6)  # silence before the first note
    trail_silence_s: tuple[float, float] = (0.3, 0.5)  # silence after the last note
    glide_s: tuple[float, float] = (0.05, 0.08)  # pitch glide between two notes, centred on the onset
    vibrato_min_note_s: float = 0.45  # shorter notes are sung without vibrato
    vibrato_rate_hz: tuple[float, float] = (5.0, 6.0)  # drawn per note
    vibrato_depth_cents: tuple[float, float] = (30.0, 50.0)  # semi-amplitude, drawn per note
    vibrato_delay_s: tuple[float, float] = (0.18, 0.3)  # after the onset, drawn per note
    vibrato_fade_s: float = 0.15  # vibrato depth ramps up over this time after the delay
    note_gain_db: tuple[float, float] = (-2.0, 1.5)  # loudness drawn per note
    breath_level_db: tuple[float, float] = (-28.0, -20.0)  # breath noise below the vowel envelope
    consonant_stretch: tuple[float, float] = (0.9, 1.2)  # initial length / spoken length, per syllable

    def __post_init__(self) -> None:
        if not 1 <= self.midi_low < self.midi_high <= 127:
            raise InputError(f"singer range must satisfy 1 <= midi_low < midi_high <= 127, "
                             f"got {self.midi_low}-{self.midi_high}")
        if self.midi_high - self.midi_low < 7:
            raise InputError("singer range must span at least a fifth (7 semitones)")
        if not 20 <= self.tempo_bpm[0] <= self.tempo_bpm[1] <= 300:
            raise InputError(f"tempo range must lie in 20-300 BPM, got {self.tempo_bpm}")
        if not 1 <= self.max_line_syllables <= self.max_song_syllables:
            raise InputError("need 1 <= max_line_syllables <= max_song_syllables, got "
                             f"{self.max_line_syllables} and {self.max_song_syllables}")
        if self.max_song_s < 2 * (self.lead_silence_s[1] + self.trail_silence_s[1]):
            raise InputError(f"max_song_s {self.max_song_s} leaves too little time to sing")
        for name in ("melisma_probability", "breath_probability"):
            if not 0.0 <= getattr(self, name) <= 1.0:
                raise InputError(f"{name} must be a probability, got {getattr(self, name)}")
        if min(self.note_beats + self.line_end_beats + self.rest_beats) <= 0:
            raise InputError("note and rest lengths must be positive")


# --------------------------------------------------------------------------------------------
# Planning (seeded, in the parent process)
# --------------------------------------------------------------------------------------------

MAJOR = (0, 2, 4, 5, 7, 9, 11)
MINOR = (0, 2, 3, 5, 7, 8, 10)
STEP_CHOICES = (-3, -2, -1, 0, 1, 2, 3, 4)  # melodic steps in scale degrees …
STEP_WEIGHTS = (1, 3, 6, 2, 6, 3, 1, 1)  # … mostly by step, sometimes a leap
CHORD_DEGREES = (0, 2, 4)  # a line ends on the tonic triad


@dataclass(frozen=True)
class Vibrato:
    rate_hz: float
    depth_cents: float  # semi-amplitude
    delay_s: float  # from the note onset
    fade_s: float  # the depth ramps up over this time after the delay


@dataclass(frozen=True)
class Note:
    """One note of a song, in output samples ``[start, end)``."""

    midi: int  # 0 for a rest
    start: int
    end: int
    slur: bool  # an extra note of a melisma (the vowel goes on)
    syllable: Optional[int]  # index into SongPlan.syllables; None for a rest
    rest: Optional[str]  # "SP" or "AP" for a rest, else None
    gain_db: float = 0.0  # loudness of the note
    glide_s: float = 0.0  # pitch glide from the previous note, centred on this note's onset
    vibrato: Optional[Vibrato] = None
    breath_db: float = 0.0  # level of an AP rest's breath


@dataclass(frozen=True)
class SongPlan:
    """Everything needed to render one song; rendering it twice gives identical files."""

    id: str
    text: str  # the lyrics, one Han character per syllable
    pinyin: tuple[str, ...]  # lexical tone-numbered pinyin of the lyrics
    syllables: tuple[tuple[str, ...], ...]  # inventory phones of each syllable (initial?, final)
    lines: tuple[tuple[int, int], ...]  # syllable index ranges [a, b) sung as one espeak phrase
    notes: tuple[Note, ...]
    consonant_stretch: tuple[float, ...]  # per syllable
    prosody: Prosody
    tempo_bpm: float
    key: str  # e.g. "D major"
    sample_rate: int
    num_samples: int

    def fingerprint(self) -> str:
        """A hash of the plan and the record version: equal only for identical renderings."""
        data = json.dumps([RECORD_VERSION, asdict(self)], sort_keys=True, default=str)
        return hashlib.sha1(data.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Lyrics:
    """The words of one song: Han characters, their pinyin, and its lines."""

    text: str
    pinyin: tuple[str, ...]
    lines: tuple[tuple[int, int], ...]  # syllable ranges [a, b), contiguous from 0


def split_lyrics(text: str, pinyin: Sequence[str], style: SingStyle) -> list[Lyrics]:
    """Cut a sentence into lines (at punctuation, and evenly when longer than
    ``max_line_syllables``), and the lines into songs of at most ``max_song_syllables``."""
    chars = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    lines: list[tuple[int, int]] = []
    start = 0
    for phrase in split_phrases(text, pinyin):
        count = len(phrase.syllables)
        parts = -(-count // style.max_line_syllables)
        bounds = [start + round(i * count / parts) for i in range(parts + 1)]
        lines += list(zip(bounds, bounds[1:]))
        start += count
    groups: list[list[tuple[int, int]]] = [[]]
    for a, b in lines:
        if groups[-1] and b - groups[-1][0][0] > style.max_song_syllables:
            groups.append([])
        groups[-1].append((a, b))
    songs = []
    for group in groups:
        first, last = group[0][0], group[-1][1]
        songs.append(Lyrics("".join(chars[first:last]), tuple(pinyin[first:last]),
                            tuple((a - first, b - first) for a, b in group)))
    return songs


def _scale_pitches(style: SingStyle, tonic: int, mode: Sequence[int]) -> list[int]:
    return [m for m in range(style.midi_low, style.midi_high + 1) if (m - tonic) % 12 in mode]


class _MelodyWriter:
    """Draws notes line by line; positions are in beats, converted to samples at the end."""

    def __init__(self, rng: random.Random, style: SingStyle) -> None:
        self.rng, self.style = rng, style
        self.tonic = rng.randrange(12)
        self.minor = rng.random() < 0.4
        self.scale = _scale_pitches(style, self.tonic, MINOR if self.minor else MAJOR)
        self.index = len(self.scale) // 2 + rng.randint(-2, 2)

    @property
    def key(self) -> str:
        return f"{midi_to_note(60 + self.tonic)[:-1]} {'minor' if self.minor else 'major'}"

    def step(self) -> int:
        move = self.rng.choices(STEP_CHOICES, STEP_WEIGHTS)[0]
        index = self.index + move
        if not 0 <= index < len(self.scale):  # reflect at the edges of the range
            index = self.index - move
        self.index = min(max(index, 0), len(self.scale) - 1)
        return self.scale[self.index]

    def cadence(self) -> int:
        """Move to the nearest tonic-triad pitch (ends a line)."""
        chord = [i for i, m in enumerate(self.scale)
                 if (m - self.tonic) % 12 in {(MINOR if self.minor else MAJOR)[d] for d in CHORD_DEGREES}]
        self.index = min(chord, key=lambda i: (abs(i - self.index), i))
        return self.scale[self.index]


def _vibrato(rng: random.Random, style: SingStyle, seconds: float) -> Optional[Vibrato]:
    if seconds < style.vibrato_min_note_s:
        return None
    return Vibrato(round(rng.uniform(*style.vibrato_rate_hz), 3),
                   round(rng.uniform(*style.vibrato_depth_cents), 2),
                   round(rng.uniform(*style.vibrato_delay_s), 3), style.vibrato_fade_s)


def plan_song(index: int, lyrics: Lyrics, seed: int, style: SingStyle, sample_rate: int) -> SongPlan:
    """The plan of song ``index`` (0-based) singing ``lyrics``."""
    rng = random.Random(f"demo-sing:{seed}:{index}")
    syllables = []
    for syllable in lyrics.pinyin:
        phones = syllable_to_phones(syllable).phones
        if any(phone in FINALS for phone in phones[:-1]):  # huar = h ua er: two finals
            raise InputError(f"cannot sing the erhua syllable {syllable!r} (one final per note)")
        syllables.append(phones)
    melody = _MelodyWriter(rng, style)
    # (beats, midi, slur, syllable, rest kind); the first and last rests are in seconds
    events: list[tuple[float, int, bool, Optional[int], Optional[str]]] = []
    for number, (a, b) in enumerate(lyrics.lines):
        for k in range(a, b):
            beats = rng.choice(style.line_end_beats if k == b - 1 else style.note_beats)
            pitch = melody.cadence() if k == b - 1 else melody.step()
            if k > a and beats >= 1.0 and rng.random() < style.melisma_probability:
                first = rng.choice([x for x in (0.5, 1.0) if x < beats])
                events.append((first, pitch, False, k, None))
                events.append((beats - first, melody.step(), True, k, None))
            else:
                events.append((beats, pitch, False, k, None))
        if number < len(lyrics.lines) - 1:
            kind = BREATH if rng.random() < style.breath_probability else SILENCE
            events.append((rng.choice(style.rest_beats), 0, False, None, kind))
    lead, trail = rng.uniform(*style.lead_silence_s), rng.uniform(*style.trail_silence_s)
    total_beats = sum(e[0] for e in events)
    tempo = max(rng.uniform(*style.tempo_bpm), 60.0 * total_beats / (style.max_song_s - lead - trail))
    beat = 60.0 / tempo
    times = np.cumsum([0.0, lead] + [e[0] * beat for e in events] + [trail])
    bounds = [round(t * sample_rate) for t in times]
    kinds = [(0, False, None, SILENCE)] + [e[1:] for e in events] + [(0, False, None, SILENCE)]
    notes: list[Note] = []
    previous_pitch = 0
    for (midi, slur, syllable, rest), start, end in zip(kinds, bounds, bounds[1:]):
        seconds = (end - start) / sample_rate
        gain = round(rng.uniform(*style.note_gain_db), 2) if rest is None else 0.0
        glide = round(rng.uniform(*style.glide_s), 4) if rest is None and previous_pitch else 0.0
        breath = round(rng.uniform(*style.breath_level_db), 2) if rest == BREATH else 0.0
        notes.append(Note(midi, start, end, slur, syllable, rest, gain, glide,
                          _vibrato(rng, style, seconds) if rest is None else None, breath))
        previous_pitch = midi  # a rest resets it: the voice starts the next line on pitch
    stretch = tuple(round(rng.uniform(*style.consonant_stretch), 3) for _ in syllables)
    prosody = Prosody(rate=rng.randint(*ESPEAK_RATE), pitch=rng.randint(*ESPEAK_PITCH),
                      range=ESPEAK_RANGE)
    return SongPlan(id=ID_FORMAT.format(index + 1), text=lyrics.text, pinyin=lyrics.pinyin,
                    syllables=tuple(syllables), lines=lyrics.lines, notes=tuple(notes),
                    consonant_stretch=stretch, prosody=prosody, tempo_bpm=round(tempo, 3),
                    key=melody.key, sample_rate=sample_rate, num_samples=bounds[-1])


def iter_plans(songs: int, seed: int, style: SingStyle, sample_rate: int) -> Iterator[SongPlan]:
    """Plans of the first ``songs`` songs, made lazily: the seeded generator's sentences in
    order, each sung as one song (or several, when longer than ``max_song_syllables``)."""
    generator = SentenceGenerator(seed, text_to_pinyin)
    index = 0
    while index < songs:
        sentence = generator.next()
        for lyrics in split_lyrics(sentence.text, sentence.pinyin, style):
            if index < songs:
                yield plan_song(index, lyrics, seed, style, sample_rate)
                index += 1


# --------------------------------------------------------------------------------------------
# The target F0 curve (a pure function of the plan)
# --------------------------------------------------------------------------------------------


def num_f0_frames(plan: SongPlan) -> int:
    """Frames of the F0 curve (and of WORLD synthesis): frame i at i * FRAME_PERIOD_S covers the song."""
    step = plan.sample_rate * FRAME_PERIOD_S
    return int(math.ceil((plan.num_samples - 1) / step)) + 1


def midi_to_hz(midi: np.ndarray) -> np.ndarray:
    return A4_HZ * np.power(2.0, (np.asarray(midi, dtype=np.float64) - A4_MIDI) / 12.0)


def target_pitch(plan: SongPlan) -> np.ndarray:
    """Target pitch in (fractional) MIDI on the F0 frame grid, float64 ``[frames]``.

    Each pitched note holds its pitch; a rest takes the pitch of the note after it (the last
    rest that of the note before), so a line starts on pitch. Between two adjacent pitched notes
    the pitch moves along a raised cosine of the next note's ``glide_s``, centred on its onset
    (at most half of either note). Vibrato (a sine of ``depth`` cents) starts ``delay`` after the
    onset, ramps up over ``vibrato_fade_s`` and fades out before the next glide or the note end.
    """
    sr = plan.sample_rate
    times = np.arange(num_f0_frames(plan)) * FRAME_PERIOD_S
    pitched = [n for n in plan.notes if n.rest is None]
    if not pitched:
        raise InputError(f"song {plan.id} has no pitched notes")
    midi = np.full(times.shape, float(pitched[0].midi))
    for index, note in enumerate(plan.notes):
        if note.rest is None:
            held = note.midi
        else:  # the next pitched note's pitch (the last rest keeps the pitch before it)
            held = next((n.midi for n in plan.notes[index + 1:] if n.rest is None), pitched[-1].midi)
        midi[times >= note.start / sr] = held
    for previous, note in zip(plan.notes, plan.notes[1:]):
        if previous.rest is not None or note.rest is not None or previous.midi == note.midi:
            continue
        onset = note.start / sr
        half = min(note.glide_s, (previous.end - previous.start) / sr, (note.end - note.start) / sr) / 2
        inside = (times >= onset - half) & (times < onset + half)
        u = (times[inside] - (onset - half)) / (2 * half)
        midi[inside] = previous.midi + (note.midi - previous.midi) * 0.5 * (1 - np.cos(np.pi * u))
    for index, note in enumerate(plan.notes):
        if note.vibrato is None:
            continue
        following = plan.notes[index + 1] if index + 1 < len(plan.notes) else None
        end = note.end / sr - (following.glide_s / 2 if following is not None and following.rest is None else 0)
        start = note.start / sr + note.vibrato.delay_s
        inside = (times >= start) & (times < end)
        if not inside.any():
            continue
        t = times[inside] - start
        ramp = np.minimum(t / note.vibrato.fade_s, (end - times[inside]) / VIBRATO_FADE_OUT_S)
        midi[inside] += (note.vibrato.depth_cents / 100.0) * np.clip(ramp, 0, 1) * np.sin(
            2 * np.pi * note.vibrato.rate_hz * t)
    return midi


# --------------------------------------------------------------------------------------------
# Rendering one song (worker processes)
# --------------------------------------------------------------------------------------------


@dataclass
class _Line:
    """WORLD analysis of one espeak-spoken line, and where each phone's tokens lie in it."""

    log_sp: np.ndarray  # float64 [frames, bins], log spectral envelope
    ap: np.ndarray  # float64 [frames, bins], aperiodicity
    voiced: np.ndarray  # bool [frames], DIO's decision
    tokens: list[list[tuple[str, float, float]]]  # per phone: (token, start s, end s)


@dataclass(frozen=True)
class _Piece:
    """Output time [out_start, out_end) plays source time [src_start, src_end) of a line."""

    out_start: float
    out_end: float
    src_start: float
    src_end: float
    line: int
    vowel: bool  # part of a final (always voiced) rather than an initial


@dataclass(frozen=True)
class PhoneSpan:
    """One labelled phone of a rendered song, in output samples, and the index of its note."""

    phone: str
    start: int
    end: int
    note: int


@dataclass
class RenderedSong:
    samples: np.ndarray  # float32 [num_samples]
    f0: np.ndarray  # float32 [frames] Hz, 0 = unvoiced: exactly what WORLD was given
    phones: list[PhoneSpan] = field(default_factory=list)


def _token_spans(spelled: SpelledPhrase, events: Sequence[PhonemeEvent], num_samples: int,
                 scale: float) -> list[list[tuple[str, float, float]]]:
    """Per phone of ``spelled``: its espeak tokens with start / end in seconds (``scale`` = 1 / sr)."""
    align_events([spelled], events, num_samples, SILENCE)  # raises if espeak strayed
    tokens: list[tuple[str, float, float]] = []
    for i, event in enumerate(events):
        if event.is_pause:
            continue
        end = events[i + 1].sample if i + 1 < len(events) else num_samples
        tokens.append((event.name, event.sample * scale, end * scale))
    per_phone, cursor = [], 0
    for phone in spelled.phones:
        per_phone.append(tokens[cursor:cursor + len(phone.tokens)])
        cursor += len(phone.tokens)
    return per_phone


def _analyse_line(plan: SongPlan, a: int, b: int) -> _Line:
    base = [split_tone(s)[0] + str(SPOKEN_TONE) for s in plan.pinyin[a:b]]
    spelled = spell_phrase(base)
    synthesis = get_espeak(VOICE).synthesize(f"[[{spelled.mnemonics}]].", plan.prosody)
    x = synthesis.samples.astype(np.float64) / 32768.0
    native, sr = synthesis.sample_rate, plan.sample_rate
    if sr != native:
        x = resample(x.astype(np.float32), native, sr).astype(np.float64)
    tokens = _token_spans(spelled, synthesis.events, len(synthesis.samples), 1.0 / native)
    period_ms = FRAME_PERIOD_S * 1000.0
    f0, times = pyworld.dio(x, sr, f0_floor=ANALYSIS_F0_FLOOR, f0_ceil=ANALYSIS_F0_CEIL,
                            frame_period=period_ms)
    f0 = pyworld.stonemask(x, f0, times, sr)
    sp = pyworld.cheaptrick(x, f0, times, sr, f0_floor=ANALYSIS_F0_FLOOR)
    ap = pyworld.d4c(x, f0, times, sr)
    return _Line(np.log(np.maximum(sp, SILENCE_POWER)), ap, f0 > 0, tokens)


def _nucleus_pieces(out_a: float, out_b: float, token: str, src_a: float, src_b: float,
                    line: int) -> list[_Piece]:
    """Fill [out_a, out_b) with one nucleus token: its steadiest part stretched, the rest as spoken."""
    length, target = src_b - src_a, out_b - out_a
    if target <= length or length <= 0:
        return [_Piece(out_a, out_b, src_a, src_b, line, True)]
    hold = _HOLD_POINT.get(token, DEFAULT_HOLD_POINT)
    h0 = src_a + max(0.0, hold - HOLD_WIDTH / 2) * length
    h1 = src_a + min(1.0, hold + HOLD_WIDTH / 2) * length
    head, tail = h0 - src_a, src_b - h1
    return [_Piece(out_a, out_a + head, src_a, h0, line, True),
            _Piece(out_a + head, out_b - tail, h0, h1, line, True),
            _Piece(out_b - tail, out_b, h1, src_b, line, True)]


def _final_pieces(out_a: float, out_b: float, tokens: list[tuple[str, float, float]],
                  line: int) -> list[_Piece]:
    """Warp a final's tokens (glides, nucleus, codas) onto [out_a, out_b)."""
    nucleus = next(i for i, (name, _, _) in enumerate(tokens) if name not in _NON_NUCLEUS)
    target = out_b - out_a
    pre = tokens[:nucleus]
    post = tokens[nucleus + 1:]
    pre_len = sum(e - s for _, s, e in pre)
    post_len = sum(e - s for _, s, e in post)
    pre_out = min(pre_len, GLIDE_MAX_SHARE * target)
    post_out = min(post_len * CODA_STRETCH, CODA_MAX_SHARE * target, CODA_MAX_S)
    pieces: list[_Piece] = []
    clock = out_a
    for _, s, e in pre:
        span = pre_out * (e - s) / pre_len if pre_len > 0 else 0.0
        pieces.append(_Piece(clock, clock + span, s, e, line, True))
        clock += span
    name, s, e = tokens[nucleus]
    nucleus_end = out_b - post_out
    pieces += _nucleus_pieces(clock, nucleus_end, name, s, e, line)
    clock = nucleus_end
    for _, s, e in post:
        span = post_out * (e - s) / post_len if post_len > 0 else 0.0
        pieces.append(_Piece(clock, clock + span, s, e, line, True))
        clock += span
    return [p for p in pieces if p.out_end > p.out_start]


def layout(plan: SongPlan, lines: Sequence[_Line]) -> tuple[list[PhoneSpan], list[_Piece]]:
    """Labelled phones (output samples) and the time-warp pieces (seconds) of a song.

    An initial gets ``stretch`` × its spoken length (at least ``CONSONANT_MIN_S``, at most
    ``CONSONANT_MAX_S`` and ``CONSONANT_MAX_SHARE`` of the note or rest before it) and ends on
    its note's onset; the final runs from the onset to the syllable's last note end, less the
    next syllable's initial.
    """
    sr = plan.sample_rate
    line_of = {k: i for i, (a, b) in enumerate(plan.lines) for k in range(a, b)}
    first_note = {}
    for index, note in enumerate(plan.notes):
        if note.syllable is not None and note.syllable not in first_note:
            first_note[note.syllable] = index
    consonant: dict[int, int] = {}  # syllable -> initial length in samples
    for k, phones in enumerate(plan.syllables):
        if len(phones) < 2:
            consonant[k] = 0
            continue
        line = line_of[k]
        tokens = lines[line].tokens[_phone_index(plan, k)]
        spoken = tokens[-1][2] - tokens[0][1]
        before = plan.notes[first_note[k] - 1]
        room = CONSONANT_MAX_SHARE * (before.end - before.start) / sr
        seconds = min(max(spoken * plan.consonant_stretch[k], min(CONSONANT_MIN_S, spoken)),
                      CONSONANT_MAX_S, room)
        consonant[k] = max(1, round(seconds * sr))
    phones: list[PhoneSpan] = []
    pieces: list[_Piece] = []
    for index, note in enumerate(plan.notes):
        following = plan.notes[index + 1] if index + 1 < len(plan.notes) else None
        end = note.end
        if following is not None and following.syllable is not None and not following.slur:
            end -= consonant[following.syllable]
        if note.rest is not None:
            phones.append(PhoneSpan(note.rest, note.start, end, index))
            continue
        k = note.syllable
        line = line_of[k]
        phone_tokens = lines[line].tokens[_phone_index(plan, k):]
        if not note.slur and consonant[k]:
            initial = phone_tokens[0]
            onset = note.start
            phones.append(PhoneSpan(plan.syllables[k][0], onset - consonant[k], onset, index))
            span = (onset - consonant[k]) / sr, onset / sr
            pieces.append(_Piece(span[0], span[1], initial[0][1], initial[-1][2], line, False))
        phones.append(PhoneSpan(plan.syllables[k][-1], note.start, end, index))
        if not note.slur:  # the whole vowel (over every note of a melisma) is warped at once
            last = index
            while last + 1 < len(plan.notes) and plan.notes[last + 1].slur:
                last += 1
            vowel_end = plan.notes[last].end
            after = plan.notes[last + 1] if last + 1 < len(plan.notes) else None
            if after is not None and after.syllable is not None:
                vowel_end -= consonant[after.syllable]
            final_tokens = phone_tokens[1] if len(plan.syllables[k]) == 2 else phone_tokens[0]
            pieces += _final_pieces(note.start / sr, vowel_end / sr, final_tokens, line)
    return phones, pieces


def _phone_index(plan: SongPlan, k: int) -> int:
    """Index of syllable ``k``'s first phone among the phones of its line."""
    a = next(a for a, b in plan.lines if a <= k < b)
    return sum(len(plan.syllables[j]) for j in range(a, k))


def _frame_features(plan: SongPlan, lines: Sequence[_Line], pieces: Sequence[_Piece],
                    phones: Sequence[PhoneSpan], pitch_hz: np.ndarray
                    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """WORLD parameters of the song: f0 [frames], spectral envelope and aperiodicity [frames, bins]."""
    frames = pitch_hz.shape[0]
    bins = lines[0].log_sp.shape[1]
    times = np.arange(frames) * FRAME_PERIOD_S
    log_sp = np.full((frames, bins), math.log(SILENCE_POWER))
    ap = np.ones((frames, bins))
    voiced = np.zeros(frames, dtype=bool)
    starts = np.array([p.out_start for p in pieces])
    which = np.searchsorted(starts, times, side="right") - 1
    for j in np.flatnonzero(which >= 0):  # piece boundaries are sorted; frames map in order
        piece = pieces[which[j]]
        if times[j] >= piece.out_end:
            continue
        u = (times[j] - piece.out_start) / (piece.out_end - piece.out_start)
        src = piece.src_start + u * (piece.src_end - piece.src_start)
        line = lines[piece.line]
        position = min(max(src / FRAME_PERIOD_S, 0.0), line.log_sp.shape[0] - 1.0)
        lo = int(position)
        hi = min(lo + 1, line.log_sp.shape[0] - 1)
        frac = position - lo
        log_sp[j] = (1 - frac) * line.log_sp[lo] + frac * line.log_sp[hi]
        ap[j] = (1 - frac) * line.ap[lo] + frac * line.ap[hi]
        voiced[j] = piece.vowel or bool(line.voiced[int(round(position))])
    _add_loudness(plan, log_sp, times)
    _add_breaths(plan, lines, phones, log_sp, ap, times)
    f0 = np.where(voiced, pitch_hz, 0.0)
    return f0, np.exp(log_sp), ap


def _add_loudness(plan: SongPlan, log_sp: np.ndarray, times: np.ndarray) -> None:
    """Scale each note's frames by its gain (power, in the log domain), smoothed over notes."""
    gain = np.zeros(times.shape)
    for note in plan.notes:
        gain[(times >= note.start / plan.sample_rate)] = note.gain_db
    width = max(1, round(LOUDNESS_SMOOTHING_S / FRAME_PERIOD_S))
    kernel = np.ones(width) / width
    smooth = np.convolve(np.pad(gain, (width // 2, width - 1 - width // 2), mode="edge"), kernel, "valid")
    silent = log_sp[:, 0] <= math.log(SILENCE_POWER)
    log_sp[~silent] += (smooth[~silent] * math.log(10) / 10)[:, None]


def _add_breaths(plan: SongPlan, lines: Sequence[_Line], phones: Sequence[PhoneSpan],
                 log_sp: np.ndarray, ap: np.ndarray, times: np.ndarray) -> None:
    """A whispered vowel (noise through the next line's first vowel envelope) in each AP phone."""
    sr = plan.sample_rate
    for phone in phones:
        if phone.phone != BREATH:
            continue
        note = plan.notes[phone.note]
        first = plan.notes[phone.note + 1].syllable  # a breath is followed by a line's first syllable
        next_line = next(i for i, (a, _) in enumerate(plan.lines) if a == first)
        line = lines[next_line]
        final_tokens = line.tokens[len(plan.syllables[first]) - 1]
        _, s, e = next(t for t in final_tokens if t[0] not in _NON_NUCLEUS)
        frame = min(int(round((s + e) / 2 / FRAME_PERIOD_S)), line.log_sp.shape[0] - 1)
        start, end = phone.start / sr, phone.end / sr
        a, b = start + 0.15 * (end - start), end - 0.05 * (end - start)
        inside = (times >= a) & (times < b)
        window = np.sin(np.pi * (times[inside] - a) / (b - a)) ** 2
        level = note.breath_db * math.log(10) / 10
        log_sp[inside] = (line.log_sp[frame] + level)[None, :] + np.log(np.maximum(window, 1e-6))[:, None]
        ap[inside] = 1.0


def _silence_mask(phones: Sequence[PhoneSpan], num_samples: int, sample_rate: int) -> np.ndarray:
    """1 everywhere except inside SP phones, which fade to exact zeros."""
    mask = np.ones(num_samples)
    ramp = max(1, round(SILENCE_RAMP_S * sample_rate))
    for phone in phones:
        if phone.phone != SILENCE:
            continue
        a, b = phone.start, phone.end
        mask[a:b] = 0.0
        if phone.start > 0 and b - a > 2 * ramp:
            mask[a:a + ramp] = np.linspace(1.0, 0.0, ramp, endpoint=False)
        if phone.end < num_samples and b - a > 2 * ramp:
            mask[b - ramp:b] = np.linspace(0.0, 1.0, ramp, endpoint=False)
    return mask


def render(plan: SongPlan) -> RenderedSong:
    """Sing ``plan``: espeak each line, WORLD-analyse it, time-warp, re-pitch and synthesize."""
    lines = [_analyse_line(plan, a, b) for a, b in plan.lines]
    phones, pieces = layout(plan, lines)
    pitch_hz = midi_to_hz(target_pitch(plan))
    f0, sp, ap = _frame_features(plan, lines, pieces, phones, pitch_hz)
    y = pyworld.synthesize(f0, np.ascontiguousarray(sp), np.ascontiguousarray(ap), plan.sample_rate,
                           FRAME_PERIOD_S * 1000.0)
    y = np.pad(y, (0, max(0, plan.num_samples - y.shape[0])))[:plan.num_samples]
    y = y * _silence_mask(phones, plan.num_samples, plan.sample_rate)
    peak = float(np.max(np.abs(y))) if y.size else 0.0
    if peak > PEAK_LIMIT:
        y = y * (PEAK_TARGET / peak)
    return RenderedSong(y.astype(np.float32), f0.astype(np.float32), phones)


# --------------------------------------------------------------------------------------------
# Records and files
# --------------------------------------------------------------------------------------------


def song_record(plan: SongPlan, phones: Sequence[PhoneSpan], frames: int) -> dict:
    """The JSON object written to ``scores/<id>.json`` (layout in tts.data.corpora.demo_sing)."""
    sr = plan.sample_rate

    def sec(samples: int) -> float:
        return round(samples / sr, 6)

    return {
        "version": RECORD_VERSION, "id": plan.id, "text": plan.text, "pinyin": list(plan.pinyin),
        "sample_rate": sr, "num_samples": plan.num_samples, "duration": sec(plan.num_samples),
        "fingerprint": plan.fingerprint(), "tempo_bpm": plan.tempo_bpm, "key": plan.key,
        "espeak": {"voice": VOICE, **asdict(plan.prosody)},
        "f0": {"path": f"f0/{plan.id}.npy", "timestep": FRAME_PERIOD_S, "frames": frames},
        "notes": [{"midi": n.midi, "start": sec(n.start), "end": sec(n.end), "slur": int(n.slur),
                   "syllable": n.syllable, "rest": n.rest,
                   "vibrato": asdict(n.vibrato) if n.vibrato else None} for n in plan.notes],
        "phones": [{"phone": p.phone, "start": sec(p.start), "end": sec(p.end), "note": p.note}
                   for p in phones],
    }


def dump_record(record: dict) -> str:
    """JSON text of a record: the header on one line, then one line per note and per phone."""
    head = {k: v for k, v in record.items() if k not in ("notes", "phones")}
    notes = ",\n".join(json.dumps(n, ensure_ascii=False) for n in record["notes"])
    phones = ",\n".join(json.dumps(p, ensure_ascii=False) for p in record["phones"])
    return (json.dumps(head, ensure_ascii=False)[:-1] + ',\n"notes": [\n' + notes
            + '\n],\n"phones": [\n' + phones + "\n]}\n")


@dataclass(frozen=True)
class _Task:
    plan: SongPlan
    out_dir: str


@dataclass(frozen=True)
class _Done:
    id: str
    seconds: float
    line: str  # the Opencpop transcription line
    pinyin: tuple[str, ...]
    notes: int
    melismas: int
    breaths: int
    rendered: bool


@dataclass(frozen=True)
class SongFailure:
    """A song that could not be rendered (it is left out of the transcript), and why."""

    id: str
    reason: str


def _existing(task: _Task) -> Optional[dict]:
    """The record of a song already complete on disk and made from the same plan, else None."""
    root, plan = Path(task.out_dir), task.plan
    wav, record_path, curve = wav_path(root, plan.id), score_path(root, plan.id), f0_path(root, plan.id)
    if not (wav.is_file() and record_path.is_file() and curve.is_file()):
        return None
    try:
        record = json.loads(record_path.read_text(encoding="utf-8"))
        info = sf.info(str(wav))
        frames = np.load(curve, mmap_mode="r").shape[0]
    except (ValueError, OSError, RuntimeError):
        return None
    same = record.get("version") == RECORD_VERSION and record.get("fingerprint") == plan.fingerprint()
    complete = (info.samplerate == plan.sample_rate and info.frames == plan.num_samples
                and frames == record.get("f0", {}).get("frames"))
    return record if same and complete else None


def _done(record: dict, rendered: bool) -> _Done:
    notes = [n for n in record["notes"] if n["rest"] is None]
    return _Done(record["id"], float(record["duration"]), opencpop_line(record), tuple(record["pinyin"]),
                 len(notes), sum(n["slur"] for n in notes),
                 sum(n["rest"] == BREATH for n in record["notes"]), rendered)


def _run_task(task: _Task) -> Union[_Done, SongFailure]:
    """Render one song unless it is complete on disk: F0 curve and wav first, then its record.

    A song espeak cannot speak as spelled becomes a :class:`SongFailure`; the build goes on.
    """
    record = _existing(task)
    if record is not None:
        return _done(record, rendered=False)
    root, plan = Path(task.out_dir), task.plan
    try:
        song = render(plan)
    except InputError as error:
        return SongFailure(plan.id, str(error))
    record = song_record(plan, song.phones, song.f0.shape[0])
    with atomic_path(f0_path(root, plan.id)) as tmp:
        with open(tmp, "wb") as handle:
            np.save(handle, song.f0)
    write_audio(wav_path(root, plan.id), song.samples, plan.sample_rate)
    atomic_write_text(score_path(root, plan.id), dump_record(record))
    return _done(record, rendered=True)


def _warm_worker() -> int:
    """Load espeak in a fresh worker while the parent is still planning."""
    return get_espeak(VOICE).sample_rate


def _results(tasks: Iterable[_Task], jobs: int) -> Iterator[Union[_Done, SongFailure]]:
    """Results in task order; tasks are submitted as they are planned."""
    return ordered_in_workers(_run_task, tasks, jobs, _warm_worker)


def _remove_temporaries(out_dir: Path) -> None:
    """Delete temporary files a killed run left behind (atomic writes' dot-files)."""
    for folder in (out_dir / "segments" / "wavs", out_dir / "scores", out_dir / "f0",
                   out_dir / "segments", out_dir):
        for path in folder.glob(".*.tmp"):
            if path.is_file():
                path.unlink()


@dataclass
class SingSummary:
    """What :func:`build_demo_sing` wrote."""

    out_dir: Path
    songs: int
    seconds: float  # total audio
    notes: int  # pitched notes (melisma notes included)
    melismas: int  # extra notes of melismas (slur 1)
    breaths: int  # AP rests
    coverage: Coverage  # lexical initials / finals / tones of the lyrics
    seed: int
    rendered: int = 0  # songs synthesized by this run
    skipped: int = 0  # songs already complete on disk
    failed: list[SongFailure] = field(default_factory=list)  # left out of the transcript

    def rarest(self) -> tuple[str, int]:
        counts = {k: v for k, v in self.coverage.counts().items() if not k.startswith("T:")}
        return min(counts.items(), key=lambda kv: (kv[1], kv[0]))

    def to_json(self) -> dict:
        return {"out_dir": str(self.out_dir), "songs": self.songs, "seconds": round(self.seconds, 2),
                "notes": self.notes, "melismas": self.melismas, "breaths": self.breaths,
                "seed": self.seed, "rendered": self.rendered, "skipped": self.skipped,
                "failed": [asdict(f) for f in self.failed], "rarest_phone": list(self.rarest())}


README = """# Demo singing corpus

Made by `tts corpus demo-sing` (tts.data.demo_sing): espeak-ng Mandarin syllables, time-warped and
re-pitched with WORLD (pyworld) onto generated melodies. One singer; {songs} songs, {minutes:.1f} min;
seed {seed}. Everything here is exact by construction: the phone and note times are the ones the
audio was rendered with, and the F0 curves are the ones WORLD synthesized.

- `segments/transcriptions.txt`: Opencpop lines `id|lyrics|phonemes|notes|note_durs|phone_durs|slurs`
  (phonemes in the opencpop-extension inventory; an initial consonant carries its syllable's note
  but sits before the note onset, so the vowel starts on the onset; slur 1 marks a melisma's extra
  note; `rest` notes hold `SP` silence or `AP` breath). `tts corpus info opencpop .` reads it.
- `segments/wavs/<id>.wav`: mono 16-bit PCM, {sample_rate} Hz.
- `f0/<id>.npy`: float32 target F0 in Hz, frame i at i × {timestep} s, 0 where unvoiced.
- `scores/<id>.json`: the exact record (notes with onsets and vibrato, phones with their note).
- `metadata.json`: counts, seconds, seed, style, coverage of initials and finals in the lyrics.

Read it with the `demo-sing` corpus reader (`tts corpus info demo-sing .`).
"""


def build_demo_sing(out_dir: Path, songs: int = 500, seed: int = 0, sample_rate: int = 22050,
                    jobs: Optional[int] = None, progress: bool = True,
                    style: SingStyle = SingStyle()) -> SingSummary:
    """Render the demo singing corpus into ``out_dir`` (layout in :mod:`tts.data.corpora.demo_sing`).

    Args:
        out_dir: corpus folder; created if missing. Complete songs already there are kept.
        songs: number of songs (the first ``songs`` sentences of the seeded generator).
        seed: picks lyrics, melodies and every rendering choice; same seed → identical files.
        sample_rate: output rate in Hz (espeak speaks at 22,050; other rates resample its audio
            before the WORLD analysis).
        jobs: worker processes (default: CPU count); 1 renders in this process. Workers are
            spawned, so a script calling this with ``jobs > 1`` needs the usual
            ``if __name__ == "__main__":`` guard.
        progress: show a progress bar on stderr.
        style: singer range, tempi, melisma and breath rates, vibrato, … (:class:`SingStyle`).
    Raises:
        InputError: bad arguments. A song that fails to render (espeak did not speak what was
            spelled) is left out and listed in the summary's ``failed``.
    """
    if not isinstance(songs, int) or songs < 1:
        raise InputError(f"songs must be a positive integer, got {songs!r}")
    if not isinstance(sample_rate, int) or not 16000 <= sample_rate <= 96000:
        raise InputError(f"sample_rate must be an integer Hz in 16000..96000, got {sample_rate!r}")
    if jobs is not None and (not isinstance(jobs, int) or jobs < 1):
        raise InputError(f"jobs must be a positive integer, got {jobs!r}")
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"{out_dir} exists and is not a folder")
    for folder in (out_dir / "segments" / "wavs", out_dir / "scores", out_dir / "f0"):
        folder.mkdir(parents=True, exist_ok=True)
    _remove_temporaries(out_dir)
    tasks = (_Task(plan, str(out_dir)) for plan in iter_plans(songs, seed, style, sample_rate))
    summary = SingSummary(out_dir, 0, 0.0, 0, 0, 0, Coverage(), seed)
    lines: list[str] = []
    with tqdm(total=songs, desc="demo-sing", unit="song", disable=not progress) as bar:
        for done in _results(tasks, min(jobs or os.cpu_count() or 1, songs)):
            bar.update(1)
            if isinstance(done, SongFailure):
                summary.failed.append(done)
                continue
            lines.append(done.line)
            for syllable in done.pinyin:
                summary.coverage.add_syllable(syllable)
            summary.songs += 1
            summary.seconds += done.seconds
            summary.notes += done.notes
            summary.melismas += done.melismas
            summary.breaths += done.breaths
            summary.rendered += done.rendered
            summary.skipped += not done.rendered
    summary.seconds = round(summary.seconds, 6)
    atomic_write_text(out_dir / TRANSCRIPT, "".join(f"{line}\n" for line in lines))
    run_only = ("out_dir", "rendered", "skipped")  # describe this run, not the corpus
    metadata = {**{k: v for k, v in summary.to_json().items() if k not in run_only},
                "seconds": summary.seconds, "speaker": SPEAKER, "sample_rate": sample_rate, "f0_timestep": FRAME_PERIOD_S,
                "style": asdict(style), "coverage": summary.coverage.to_dict()}
    atomic_write_text(out_dir / "metadata.json", json.dumps(metadata, ensure_ascii=False, indent=1) + "\n")
    atomic_write_text(out_dir / "README.md", README.format(
        songs=summary.songs, minutes=summary.seconds / 60, seed=seed, sample_rate=sample_rate,
        timestep=FRAME_PERIOD_S))
    return summary


# --------------------------------------------------------------------------------------------
# Checking a rendered song against its own ground truth
# --------------------------------------------------------------------------------------------

SUSTAIN_MARGIN_S = 0.06  # frames this close to a note boundary (a glide, a consonant) are not "sustained"
CHECK_HOP_S = 0.005  # frame step of the F0 extracted for the check


@dataclass(frozen=True)
class F0Errors:
    """F0 extracted from a rendered wav against the song's target curve, frame by frame."""

    cents: np.ndarray  # float64 [n]: absolute error on sustained frames voiced in both
    vuv_disagreements: int  # frames whose voicing differs from the target's
    frames: int  # frames extracted


@dataclass(frozen=True)
class F0Check:
    """How closely the F0 extracted from a rendered wav follows the song's target curve."""

    median_cents: float  # median absolute error on sustained voiced frames
    p90_cents: float  # 90th percentile of the same
    frames: int  # sustained frames compared
    vuv_error: float  # share of all frames where the extractor's voicing disagrees with the target


def sustained_mask(record: dict, times: np.ndarray) -> np.ndarray:
    """Frames inside a vowel phone and at least SUSTAIN_MARGIN_S away from every note boundary."""
    mask = np.zeros(times.shape, dtype=bool)
    notes = record["notes"]
    for phone in record["phones"]:
        note = notes[phone["note"]]
        if note["rest"] is not None or phone["phone"] not in FINALS:
            continue
        start = max(phone["start"], note["start"]) + SUSTAIN_MARGIN_S
        end = min(phone["end"], note["end"]) - SUSTAIN_MARGIN_S
        mask |= (times >= start) & (times < end)
    return mask


def f0_errors(samples: np.ndarray, sample_rate: int, record: dict, target_hz: np.ndarray,
              method: str = "dio") -> F0Errors:
    """Extract F0 from ``samples`` (tts.audio.pitch, ``method``, 5 ms hop) and compare it with
    ``target_hz``, the stored curve (frame i at i * record["f0"]["timestep"], 0 = unvoiced)."""
    from tts.audio.params import AudioConfig, PitchConfig
    from tts.audio.pitch import extract_f0

    hop = max(1, round(CHECK_HOP_S * sample_rate))
    audio = AudioConfig(sample_rate=sample_rate, hop_length=hop, n_fft=4 * hop, win_length=4 * hop)
    track = extract_f0(samples, audio, PitchConfig(method=method, f0_min=65.0, f0_max=1000.0,
                                                   interpolate=False))
    times = np.arange(len(track)) * hop / sample_rate
    step = float(record["f0"]["timestep"])
    nearest = np.clip(np.round(times / step).astype(np.int64), 0, target_hz.shape[0] - 1)
    target_voiced = target_hz[nearest] > 0
    reference = np.interp(times, np.arange(target_hz.shape[0]) * step, target_hz)
    compare = sustained_mask(record, times) & target_voiced & track.voiced
    cents = np.abs(1200.0 * np.log2(track.f0[compare] / reference[compare]))
    return F0Errors(cents, int(np.sum(target_voiced != track.voiced)), len(track))


def check_f0(samples: np.ndarray, sample_rate: int, record: dict, target_hz: np.ndarray,
             method: str = "dio") -> F0Check:
    """:func:`f0_errors` summarised: median and 90th percentile cents, V/UV error rate."""
    errors = f0_errors(samples, sample_rate, record, target_hz, method)
    cents = errors.cents
    return F0Check(float(np.median(cents)) if cents.size else float("nan"),
                   float(np.percentile(cents, 90)) if cents.size else float("nan"),
                   int(cents.size), errors.vuv_disagreements / max(1, errors.frames))
