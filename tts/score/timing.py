"""Score → what a singing model reads: segments of phonemes with their notes (and times).

**Where phonemes sit.** A sung syllable's vowel lands on its note's onset; its initial consonant
sounds *before* the onset, in time borrowed from the previous note or rest — the convention of
DiffSinger scores (and of the demo singing corpus). A melisma note adds a repeat of the vowel,
a rest an ``SP``, a breath an ``AP``. Every phoneme is tagged with *its own syllable's* note
(pitch and duration), as Opencpop-style data tags them: a consonant carries the note it leads
into, even though it sounds during the previous one.

**How long a consonant is** when the score gives no phoneme durations and rule timing is asked
for (``durations="rule"``): :data:`CONSONANT_SECONDS`, capped at :data:`CONSONANT_MAX_SHARE` of
the previous note (or rest). By default (``durations="score"``) ``ph_dur`` stays ``None`` for
such scores and the singing model's duration predictor places the phonemes within the notes;
files that spell out phoneme durations (``.ds`` with ``ph_dur``, Opencpop lines) keep theirs.

**Segments.** A ``.ds`` file's segments and Opencpop lines are kept as they are. A score written
as notes (MusicXML, MIDI, UST, USTX) is cut at every rest of at least :data:`SPLIT_REST_SECONDS`
(after tempo scaling): each side keeps at most :data:`EDGE_SILENCE_SECONDS` of that rest as an
``SP``, so a segment starts with silence its first consonant can borrow from.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Optional

import numpy as np

from tts.errors import InputError
from tts.score.lyrics import REST, note_syllables
from tts.score.model import REST_PITCH, F0Curve, Note, Score, ScoreSegment, Segment
from tts.score.notes import MIDI_RANGE, semitones_to_ratio
from tts.text.symbols import BREATH, INITIALS, SILENCE
from tts.text.types import BREAK_NONE, BREAK_PHRASE, BREAK_SENTENCE, BREAK_WORD, PhonemeInput

if TYPE_CHECKING:
    from tts.text.g2p import G2P

# Typical length (s) of each Mandarin initial when sung, before the vowel's onset. A phonetic
# heuristic, not a measurement: unaspirated stops are a closure plus a short burst; aspiration
# (p t k, c ch q) adds about 40-70 ms of voice onset time; fricatives are the longest; nasals,
# laterals and the glides y/w (which begin zero-initial syllables) are short transitions into
# the vowel. The values sit in the range Mandarin read-speech studies report for these classes
# and stay below the 0.2 s ceiling the demo singing corpus uses for its consonants.
CONSONANT_SECONDS: dict[str, float] = {
    "b": 0.05, "d": 0.05, "g": 0.05,  # unaspirated stops
    "p": 0.09, "t": 0.09, "k": 0.09,  # aspirated stops
    "z": 0.08, "zh": 0.08, "j": 0.08,  # unaspirated affricates
    "c": 0.12, "ch": 0.12, "q": 0.12,  # aspirated affricates
    "f": 0.10, "s": 0.12, "sh": 0.12, "x": 0.12, "h": 0.09,  # fricatives
    "m": 0.07, "n": 0.07, "l": 0.06, "r": 0.07,  # nasals, lateral, retroflex approximant
    "y": 0.04, "w": 0.04,  # glides
}
CONSONANT_MAX_SHARE = 0.4  # a consonant takes at most this share of the note (or rest) it borrows from
CODA_SHARE = 0.3  # an erhua "er" after its final gets this share of the note; the final the rest
SPLIT_REST_SECONDS = 0.6  # a rest at least this long (after tempo scaling) cuts the score in two
EDGE_SILENCE_SECONDS = 0.3  # silence kept at each side of a cut (and before/after the song)

Durations = Literal["score", "rule"]


@dataclass(frozen=True)
class PlannedPhone:
    """A phoneme of a segment and the slot (note or silence) whose pitch it sings."""

    symbol: str
    slot: int  # index into SegmentPlan.slots
    duration: Optional[float] = None  # seconds, when the file gives it (tempo applied)


@dataclass
class SegmentPlan:
    """A segment laid out: its slots (the notes it spans, edge rests clipped) and phonemes."""

    offset: float  # seconds into the song (tempo applied)
    slots: list[Note]  # song-time notes and rests, tempo applied
    phones: list[PlannedPhone]
    f0: Optional[F0Curve] = None  # relative to offset, tempo and key applied
    sources: list[int] = dataclasses.field(default_factory=list)  # per slot: index into Score.notes, -1 if added

    def rule_durations(self) -> list[float]:
        """Phoneme durations (s) by the consonant-borrowing rule (see the module docs)."""
        return rule_durations(self.slots, self.phones)

    @property
    def durations_given(self) -> bool:
        return bool(self.phones) and all(p.duration is not None for p in self.phones)


def to_phoneme_input(score: Score, key_shift: float = 0.0, tempo: float = 1.0,
                     durations: Durations = "score", g2p: Optional["G2P"] = None) -> list[ScoreSegment]:
    """The score as model input: one :class:`ScoreSegment` per segment, in song order.

    Args:
        key_shift: semitones added to every note and to the score's F0 curves.
        tempo: tempo factor; 2.0 sings twice as fast (every time is divided by it).
        durations: ``"score"`` keeps ``ph_dur`` only when the file gives phoneme durations
            (else ``None``: the model predicts them); ``"rule"`` fills missing ones by the rule.
        g2p: the G2P for Chinese lyrics (default: the frontend's shared one).
    """
    if durations not in ("score", "rule"):
        raise InputError(f"durations must be 'score' or 'rule', got {durations!r}")
    out: list[ScoreSegment] = []
    for plan in plan_segments(score, key_shift, tempo, g2p):
        ph_dur: Optional[list[float]] = None
        if plan.durations_given:
            ph_dur = [float(p.duration) for p in plan.phones]  # type: ignore[arg-type]
        elif durations == "rule":
            ph_dur = plan.rule_durations()
        out.append(ScoreSegment(offset=plan.offset, input=_phoneme_input(plan, key_shift, score.source, ph_dur),
                                f0=plan.f0))
    return out


def plan_segments(score: Score, key_shift: float = 0.0, tempo: float = 1.0,
                  g2p: Optional["G2P"] = None) -> list[SegmentPlan]:
    """Every segment of the score laid out as slots and phonemes (tempo applied, key checked)."""
    if not (math.isfinite(tempo) and tempo > 0):
        raise InputError(f"tempo factor must be a positive number, got {tempo}")
    if not math.isfinite(key_shift):
        raise InputError(f"key shift must be a number of semitones, got {key_shift}")
    plans: list[SegmentPlan] = []
    first = 0  # index in Score.notes of the segment's first note
    for segment in score.segments:
        if segment.phones is not None:
            plans.append(_spelled_plan(segment, key_shift, tempo, first))
        else:
            plans += _lyric_plans(score, segment, tempo, g2p, first)
        first += len(segment.notes)
    if not plans:
        raise InputError(f"{score.source}: the score has nothing to sing (no sung notes)")
    return plans


# --------------------------------------------------------------------------- building plans


def _scaled(note: Note, tempo: float) -> Note:
    return dataclasses.replace(note, onset=note.onset / tempo, duration=note.duration / tempo)


def _spelled_plan(segment: Segment, key_shift: float, tempo: float, first: int) -> SegmentPlan:
    """A segment whose file spelled out the phonemes (.ds, Opencpop)."""
    slots = [_scaled(n, tempo) for n in segment.notes]
    phones = [PlannedPhone(p.symbol, p.note, None if p.duration is None else p.duration / tempo)
              for p in segment.phones or []]
    f0 = None
    if segment.f0 is not None:
        f0 = F0Curve(timestep=segment.f0.timestep / tempo,
                     hz=np.asarray(segment.f0.hz, dtype=np.float64) * semitones_to_ratio(key_shift))
    return SegmentPlan(offset=segment.offset / tempo, slots=slots, phones=phones, f0=f0,
                       sources=list(range(first, first + len(slots))))


@dataclass
class _Unit:
    """A note (consecutive rests joined) with what it sings."""

    note: Note
    kind: str
    phones: tuple[str, ...]
    source: int = -1  # index into Score.notes (-1: silence added after the song)


def _lyric_plans(score: Score, segment: Segment, tempo: float, g2p: Optional["G2P"],
                 first: int) -> list[SegmentPlan]:
    notes = [_scaled(n, tempo) for n in segment.notes]
    syllables = note_syllables(notes, score.source, g2p)
    units: list[_Unit] = []
    for k, (note, syllable) in enumerate(zip(notes, syllables)):
        if syllable.kind == REST and units and units[-1].kind == REST:
            joined = units[-1].note
            units[-1].note = dataclasses.replace(joined, duration=note.end - joined.onset,
                                                 duration_beats=note.onset_beats + note.duration_beats - joined.onset_beats)
            continue
        units.append(_Unit(note, syllable.kind, syllable.phones, first + k))
    chunks: list[list[_Unit]] = [[]]
    for k, unit in enumerate(units):
        inner = 0 < k < len(units) - 1
        if unit.kind == REST and inner and unit.note.duration >= SPLIT_REST_SECONDS:
            keep = min(EDGE_SILENCE_SECONDS, unit.note.duration / 2)
            chunks[-1].append(_Unit(_clip(unit.note, unit.note.onset, keep, score), REST, unit.phones, unit.source))
            chunks.append([_Unit(_clip(unit.note, unit.note.end - keep, keep, score), REST, unit.phones, unit.source)])
        else:
            chunks[-1].append(unit)
    plans: list[SegmentPlan] = []
    for chunk in chunks:
        if all(u.kind == REST for u in chunk):
            continue
        head, last = chunk[0], chunk[-1]
        if head.kind == REST:  # song start: keep only the silence just before the first note
            keep = min(EDGE_SILENCE_SECONDS, head.note.duration)
            chunk[0] = _Unit(_clip(head.note, head.note.end - keep, keep, score), REST, head.phones, head.source)
        if last.kind == REST:
            keep = min(EDGE_SILENCE_SECONDS, last.note.duration)
            chunk[-1] = _Unit(_clip(last.note, last.note.onset, keep, score), REST, last.phones, last.source)
        else:  # the song ends on a note: close it with a silence after the score's end
            end = last.note.end
            chunk.append(_Unit(_clip(last.note, end, EDGE_SILENCE_SECONDS, score, rest=True), REST, (SILENCE,)))
        slots = [u.note for u in chunk]
        phones = [PlannedPhone(symbol, k) for k, u in enumerate(chunk) for symbol in u.phones]
        plans.append(SegmentPlan(offset=slots[0].onset, slots=slots, phones=phones,
                                 sources=[u.source for u in chunk]))
    return plans


def _clip(note: Note, onset: float, duration: float, score: Score, rest: bool = False) -> Note:
    """A piece of a rest (song time), its beats read from the tempo map."""
    start_beats = score.tempo.beats(onset)
    return dataclasses.replace(note, onset=onset, duration=duration, onset_beats=start_beats,
                               duration_beats=score.tempo.beats(onset + duration) - start_beats,
                               pitch=REST_PITCH if rest else note.pitch, lyric="" if rest else note.lyric,
                               slur=False, tied=False, where=f"silence after {note.where}" if rest else note.where)


# --------------------------------------------------------------------------- timing rule


def rule_durations(slots: list[Note], phones: list[PlannedPhone]) -> list[float]:
    """Seconds per phoneme: within each slot, the leading initial consonants sound before the
    slot's onset (borrowed from the slot before it, at most ``CONSONANT_MAX_SHARE`` of it) and
    the remaining phonemes fill the slot up to the next slot's borrowed consonants. A first slot
    has nothing to borrow from: its consonants take their time from the start of its own note."""
    members: list[list[int]] = [[] for _ in slots]
    for i, phone in enumerate(phones):
        members[phone.slot].append(i)
    borrowers: list[list[int]] = []
    fillers: list[list[int]] = []
    for group in members:
        lead = 0
        while lead < len(group) and phones[group[lead]].symbol in INITIALS:
            lead += 1
        if lead == len(group):  # consonants only: they fill their own slot
            lead = 0
        borrowers.append(group[:lead])
        fillers.append(group[lead:])
    out = [0.0] * len(phones)
    borrowed = [0.0] * len(slots)  # seconds slot s takes from slot s-1
    inside = [0.0] * len(slots)  # seconds the first slot's consonants take from itself
    for s, group in enumerate(borrowers):
        if not group:
            continue
        source = slots[s - 1].duration if s > 0 else slots[s].duration
        cap = CONSONANT_MAX_SHARE * source / len(group)
        for i in group:
            out[i] = min(CONSONANT_SECONDS.get(phones[i].symbol, max(CONSONANT_SECONDS.values())), cap)
        if s > 0:
            borrowed[s] = sum(out[i] for i in group)
        else:
            inside[s] = sum(out[i] for i in group)
    for s, group in enumerate(fillers):
        if not group:
            continue
        span = slots[s].duration - inside[s] - (borrowed[s + 1] if s + 1 < len(slots) else 0.0)
        if len(group) == 1:
            out[group[0]] = span
        else:
            out[group[-1]] = CODA_SHARE * span
            for i in group[:-1]:
                out[i] = (1.0 - CODA_SHARE) * span / (len(group) - 1)
    return out


# --------------------------------------------------------------------------- model input


def _phoneme_input(plan: SegmentPlan, key_shift: float, source: str,
                   ph_dur: Optional[list[float]]) -> PhonemeInput:
    symbols = [p.symbol for p in plan.phones]
    pitch: list[float] = []
    note_dur: list[float] = []
    for phone in plan.phones:
        slot = plan.slots[phone.slot]
        silent = phone.symbol in (SILENCE, BREATH) or slot.is_rest
        value = REST_PITCH if silent else slot.pitch + key_shift
        if not silent and not MIDI_RANGE[0] < value <= MIDI_RANGE[1]:
            raise InputError(f"{source}: {slot.where}: pitch {slot.pitch:g} shifted by {key_shift:g} "
                             f"semitones leaves the MIDI range")
        pitch.append(value)
        note_dur.append(slot.duration)
    word_index: list[int] = []
    breaks: list[int] = []
    word = -1
    for i, phone in enumerate(plan.phones):
        previous = plan.phones[i - 1] if i > 0 else None
        # a word is a syllable: a final joins the initial (or final) before it on the same note
        joins = (previous is not None and previous.slot == phone.slot and phone.symbol not in INITIALS
                 and SILENCE not in (phone.symbol, previous.symbol) and BREATH not in (phone.symbol, previous.symbol))
        if not joins:
            word += 1
            if breaks:
                breaks[-1] = BREAK_PHRASE if plan.phones[i - 1].symbol == SILENCE else BREAK_WORD
        word_index.append(word)
        breaks.append(BREAK_NONE)
    if breaks:
        breaks[-1] = BREAK_SENTENCE
    try:
        return PhonemeInput(phonemes=symbols, tones=[0] * len(symbols), word_index=word_index, breaks=breaks,
                            note_pitch=pitch, note_dur=note_dur, ph_dur=ph_dur)
    except InputError as error:
        raise InputError(f"{source}: {error}") from None

