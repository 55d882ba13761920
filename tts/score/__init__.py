"""Song scores: read them (MusicXML, MIDI, UTAU .ust, OpenUtau .ustx, DiffSinger .ds, Opencpop
lines) into one :class:`Score` model, and turn them into phonemes with notes for a singing model.

    score = read("song.musicxml")
    for segment in to_phoneme_input(score, key_shift=2, tempo=1.1):
        segment.offset, segment.input.phonemes, segment.input.note_pitch, segment.f0

Readers are registered by file extension in :data:`tts.registry.SCORE_READERS`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional, Union

from tts.errors import InputError
from tts.registry import SCORE_READERS
from tts.score import ds, midi, musicxml, opencpop, ust, ustx  # noqa: F401  (register the readers)
from tts.score.model import (
    Curve,
    F0Curve,
    Note,
    Phone,
    Score,
    ScoreSegment,
    Segment,
    TempoChange,
    TempoMap,
)
from tts.score.timing import plan_segments, rule_durations, to_phoneme_input


def read(path: Union[str, Path], part: Optional[str] = None) -> Score:
    """Read a score file; the reader is chosen by extension.

    ``part`` picks the part / track / voice part to sing in formats that have several (by name
    or number from 1); by default the one with lyrics. Raises :class:`InputError` naming the file
    (and the line, measure or note) for a missing, unknown or malformed file.
    """
    path = Path(path)
    extension = path.suffix.lower().lstrip(".")
    if extension not in SCORE_READERS:
        known = ", ".join("." + name for name in SCORE_READERS.names())
        raise InputError(f"{path}: unknown score format {path.suffix or '(no extension)'!r}; known: {known}")
    if not path.is_file():
        raise InputError(f"score not found: {path}")
    if path.stat().st_size == 0:
        raise InputError(f"{path}: the file is empty")
    return SCORE_READERS.get(extension)(path, part)


__all__ = [
    "Curve", "F0Curve", "Note", "Phone", "Score", "ScoreSegment", "Segment", "TempoChange", "TempoMap",
    "plan_segments", "read", "rule_durations", "to_phoneme_input",
]
