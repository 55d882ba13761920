"""What every score reader produces: notes on a tempo map, grouped in segments.

Times are kept twice: seconds (what the singer renders) and quarter-note beats (what the score
was written in). Formats timed in seconds (``.ds``, Opencpop lines) get a constant tempo map of
:data:`DEFAULT_BPM` so that beats are defined for them too.

A :class:`Segment` is a stretch of the song rendered on its own: the whole song for formats
written as notes with lyrics (MusicXML, MIDI, UST, USTX — :mod:`tts.score.timing` later cuts it
at long rests), or one entry of a ``.ds`` file / one Opencpop line, which come with their own
phonemes (:class:`Phone`) and possibly an F0 curve.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field
from typing import Any, Optional

import numpy as np

from tts.errors import InputError
from tts.text.types import PhonemeInput

DEFAULT_BPM = 120.0  # tempo of a score that names none (MusicXML/MIDI/UST defaults agree)
MAX_BPM = 2000.0  # a tempo beyond this is a corrupt file, not music
MAX_SONG_SECONDS = 2 * 3600.0  # a note or segment starting later than this is a corrupt file, not a song
REST_PITCH = 0.0  # the pitch of a rest note (MIDI note 0 is never sung)
SECONDS_PER_MINUTE = 60.0


@dataclass(frozen=True)
class TempoChange:
    """From ``beat`` (quarter notes from the song start) on, the tempo is ``bpm`` quarters/minute."""

    beat: float
    bpm: float


@dataclass
class TempoMap:
    """Piecewise-constant tempo: beats ↔ seconds. The first change is at beat 0."""

    changes: list[TempoChange]
    _start_seconds: list[float] = field(default_factory=list, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.changes or self.changes[0].beat != 0:
            raise InputError("a tempo map needs a tempo at beat 0")
        for a, b in zip(self.changes, self.changes[1:]):
            if b.beat <= a.beat:
                raise InputError(f"tempo changes out of order at beat {b.beat:g}")
        seconds = [0.0]
        for a, b in zip(self.changes, self.changes[1:]):
            seconds.append(seconds[-1] + (b.beat - a.beat) * SECONDS_PER_MINUTE / a.bpm)
        self._start_seconds = seconds

    @classmethod
    def build(cls, changes: list[tuple[float, float]], where: str) -> "TempoMap":
        """Tempo changes ``(beat, bpm)`` in any order; the last one at a beat wins; a map
        starting after beat 0 begins with the first tempo given. ``where`` names the file for
        error messages."""
        by_beat: dict[float, float] = {}
        for beat, bpm in changes:
            if not (math.isfinite(bpm) and 0 < bpm <= MAX_BPM):
                raise InputError(f"{where}: tempo {bpm!r} BPM at beat {beat:g} is not a usable tempo "
                                 f"(0 < BPM <= {MAX_BPM:g})")
            if not (math.isfinite(beat) and beat >= 0):
                raise InputError(f"{where}: tempo change at beat {beat!r} is not a position in the song")
            by_beat[float(beat)] = float(bpm)
        if not by_beat:
            by_beat[0.0] = DEFAULT_BPM
        beats = sorted(by_beat)
        if beats[0] > 0:
            by_beat[0.0] = by_beat[beats[0]]
            beats.insert(0, 0.0)
        merged: list[TempoChange] = []
        for beat in beats:
            if merged and merged[-1].bpm == by_beat[beat]:
                continue
            merged.append(TempoChange(beat, by_beat[beat]))
        return cls(merged)

    @classmethod
    def constant(cls, bpm: float = DEFAULT_BPM) -> "TempoMap":
        return cls([TempoChange(0.0, bpm)])

    def seconds(self, beat: float) -> float:
        """Seconds from the song start at ``beat`` quarter notes."""
        i = max(0, bisect.bisect_right([c.beat for c in self.changes], beat) - 1)
        change = self.changes[i]
        return self._start_seconds[i] + (beat - change.beat) * SECONDS_PER_MINUTE / change.bpm

    def beats(self, seconds: float) -> float:
        """Quarter-note beats from the song start at ``seconds``."""
        i = max(0, bisect.bisect_right(self._start_seconds, seconds) - 1)
        change = self.changes[i]
        return change.beat + (seconds - self._start_seconds[i]) * change.bpm / SECONDS_PER_MINUTE

    def to_json(self) -> list[dict[str, float]]:
        return [{"beat": c.beat, "bpm": c.bpm, "seconds": s} for c, s in zip(self.changes, self._start_seconds)]


@dataclass
class Note:
    """One note (or rest) of the melody; onsets are song time.

    ``slur`` marks a note that continues the previous note's syllable (a melisma: its lyric was
    ``-``/``+``/``_``, it sat under a MusicXML extender, or the file flagged it); ``tied`` marks a
    note merged from tied notes. ``where`` locates it in the file for error messages.
    """

    pitch: float  # MIDI number, fractional for cents; REST_PITCH (0) for a rest
    onset: float  # seconds from the song start
    duration: float  # seconds
    onset_beats: float  # quarter-note beats from the song start
    duration_beats: float  # quarter-note beats
    lyric: str = ""  # as written in the file ("" for rests and notes without a lyric)
    slur: bool = False  # continues the previous note's syllable (melisma)
    tied: bool = False  # made from two or more tied notes
    glide: str = "none"  # .ds note_glide: none / up / down
    where: str = ""  # "measure 3, note 2", "line 12", "segment 1, note 4": for messages

    @property
    def is_rest(self) -> bool:
        return self.pitch == REST_PITCH

    @property
    def end(self) -> float:
        return self.onset + self.duration

    def to_json(self) -> dict[str, Any]:
        from tts.score.notes import midi_to_name

        return {"pitch": self.pitch, "name": midi_to_name(self.pitch), "onset": self.onset,
                "duration": self.duration, "onset_beats": self.onset_beats,
                "duration_beats": self.duration_beats, "lyric": self.lyric, "slur": self.slur,
                "tied": self.tied, "glide": self.glide, "where": self.where}


@dataclass(frozen=True)
class Phone:
    """A phoneme the file spelled out (``.ds``, Opencpop): it sings ``segment.notes[note]``.

    An initial consonant points at its own syllable's note even when (``.ds`` convention) it
    sounds before that note's onset.
    """

    symbol: str  # inventory phoneme (tts.text.symbols)
    note: int  # index into the segment's notes
    duration: Optional[float] = None  # seconds, when the file gives phoneme durations


@dataclass
class F0Curve:
    """An F0 curve in Hz sampled every ``timestep`` seconds from its segment's start (0 = unvoiced)."""

    timestep: float
    hz: np.ndarray  # [K] Hz


@dataclass
class Curve:
    """Another sampled parameter curve of a ``.ds`` segment (energy, breathiness, ...)."""

    timestep: float
    values: np.ndarray  # [K]


@dataclass
class Segment:
    """A stretch of the song rendered on its own, starting ``offset`` seconds into the song."""

    offset: float  # seconds from the song start
    notes: list[Note]  # in order, rests included; onsets are song time
    phones: Optional[list[Phone]] = None  # spelled out by the file; None: read from the lyrics
    f0: Optional[F0Curve] = None  # the pitch to sing, when the file gives one
    text: str = ""  # informational
    curves: dict[str, Curve] = field(default_factory=dict)  # other .ds curves by name
    extras: dict[str, Any] = field(default_factory=dict)  # .ds seed, lang, spk_mix
    where: str = ""  # "segment 2", "line 7"


@dataclass
class Score:
    """A song read from a file."""

    source: str  # the file it came from (for messages)
    format: str  # reader name: musicxml, midi, ust, ustx, ds, opencpop
    tempo: TempoMap
    segments: list[Segment]
    title: str = ""
    part: str = ""  # the part / track / voice part that was read

    @property
    def notes(self) -> list[Note]:
        return [n for s in self.segments for n in s.notes]

    @property
    def duration(self) -> float:
        """Seconds from the song start to the end of its last note."""
        return max((n.end for n in self.notes), default=0.0)


@dataclass
class ScoreSegment:
    """One segment ready for a singing model: phonemes with notes, placed ``offset`` s into the song.

    ``input.note_pitch`` is MIDI per phoneme (0 for SP/AP), ``input.note_dur`` the seconds of the
    phoneme's note, ``input.ph_dur`` seconds per phoneme or None (the model predicts them);
    ``f0`` is relative to ``offset``.
    """

    offset: float
    input: PhonemeInput
    f0: Optional[F0Curve] = None
