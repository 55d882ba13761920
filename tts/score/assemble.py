"""Beat-timed notes as readers find them → the :class:`Note` list of a score.

Shared by the readers of formats written in beats or ticks (MusicXML, MIDI, UST, USTX):
tied notes are merged, every gap (written rests included) becomes one rest, overlapping notes are
refused (a singer sings one note at a time), and every note gets its seconds from the tempo map.
"""

from __future__ import annotations

from dataclasses import dataclass

from tts.errors import InputError
from tts.score.model import MAX_SONG_SECONDS, REST_PITCH, Note, TempoMap
from tts.score.notes import MIDI_RANGE

BEAT_EPSILON = 1e-6  # beats: closer than this counts as the same position (float offsets)
MAX_NOTE_SECONDS = 60.0  # a single note longer than this is a corrupt file, not music


@dataclass
class BeatNote:
    """A note (or rest) as a reader finds it, timed in quarter-note beats."""

    start: float  # quarter-note beats from the song start
    length: float  # quarter-note beats
    pitch: float  # MIDI (fractional allowed); REST_PITCH for a rest
    lyric: str = ""
    tie_from_previous: bool = False  # the previous note is tied into this one
    slur: bool = False  # continues the previous syllable (melisma)
    where: str = ""  # location in the file, for messages


def assemble(raw: list[BeatNote], tempo: TempoMap, source: str, allow_overlap: float = 0.0) -> list[Note]:
    """Notes in time order from beat 0, rests filling the gaps (before the first note too).

    ``allow_overlap`` (beats): a note that starts this little before the previous one ends cuts
    that one short (legato MIDI); longer overlaps and simultaneous notes raise :class:`InputError`.
    """
    notes = sorted(raw, key=lambda n: n.start)
    for n in notes:
        if not n.length > 0:
            raise InputError(f"{source}: {n.where}: duration {n.length:g} beats is not positive")
        if not n.start >= 0:
            raise InputError(f"{source}: {n.where}: starts at beat {n.start:g}, before the song's start")
        if n.pitch != REST_PITCH and not MIDI_RANGE[0] < n.pitch <= MIDI_RANGE[1]:
            raise InputError(f"{source}: {n.where}: pitch {n.pitch:g} is outside the MIDI range")
    merged: list[BeatNote] = []
    tied: list[bool] = []  # parallel to merged: absorbed a tied continuation
    for n in notes:
        if n.pitch == REST_PITCH:
            continue  # rests are rebuilt from the gaps below
        if merged:
            prev = merged[-1]
            prev_end = prev.start + prev.length
            if n.start < prev_end - BEAT_EPSILON:
                overlap = prev_end - n.start
                if n.start - prev.start > BEAT_EPSILON and overlap <= allow_overlap + BEAT_EPSILON:
                    prev.length = n.start - prev.start
                else:
                    raise InputError(f"{source}: {n.where} overlaps {prev.where} (one voice sings one "
                                     f"note at a time; pick a single-voice part)")
            elif (n.tie_from_previous and prev.pitch == n.pitch and abs(n.start - prev_end) <= BEAT_EPSILON):
                prev.length = n.start + n.length - prev.start
                tied[-1] = True
                continue
        merged.append(BeatNote(n.start, n.length, n.pitch, n.lyric, False, n.slur, n.where))
        tied.append(False)
    if not merged:
        raise InputError(f"{source}: the score has no notes")
    out: list[Note] = []
    position = 0.0
    for n, was_tied in zip(merged, tied):
        if n.start > position + BEAT_EPSILON:
            out.append(_note(position, n.start - position, REST_PITCH, "", False, False, tempo, f"rest before {n.where}"))
        out.append(_note(n.start, n.length, n.pitch, n.lyric, n.slur, was_tied, tempo, n.where))
        position = n.start + n.length
    for note in out:
        if note.duration > MAX_NOTE_SECONDS and not note.is_rest:
            raise InputError(f"{source}: {note.where}: a {note.duration:.1f} s note is not plausible "
                             f"(limit {MAX_NOTE_SECONDS:g} s)")
        if note.onset > MAX_SONG_SECONDS and not note.is_rest:
            raise InputError(f"{source}: {note.where}: starts {note.onset:.0f} s into the song, which is not "
                             f"plausible (limit {MAX_SONG_SECONDS:g} s)")
    return out


def _note(start: float, length: float, pitch: float, lyric: str, slur: bool, tied: bool,
          tempo: TempoMap, where: str) -> Note:
    onset = tempo.seconds(start)
    return Note(pitch=pitch, onset=onset, duration=tempo.seconds(start + length) - onset,
                onset_beats=start, duration_beats=length, lyric=lyric, slur=slur, tied=tied, where=where)
