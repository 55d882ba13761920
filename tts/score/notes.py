"""Note names ↔ MIDI numbers: ``C4`` = 60, ``D#4/Eb4`` (Opencpop spelling), cents ``C4+12``.

Octave numbers follow scientific pitch notation (A4 = 440 Hz = MIDI 69), the convention of
MusicXML, DiffSinger ``.ds`` files and Opencpop labels.
"""

from __future__ import annotations

import math
import re

from tts.score.model import REST_PITCH

REST_NAMES = frozenset({"rest", "r", "sp", "ap"})
_NOTE_RE = re.compile(r"^([A-Ga-g])(#|b|##|bb|x)?(-?\d+)(?:([+-])(\d+(?:\.\d+)?))?$")
_STEPS = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}
_ACCIDENTALS = {None: 0, "": 0, "#": 1, "b": -1, "##": 2, "x": 2, "bb": -2}
_NAMES = ("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B")
CENTS_PER_SEMITONE = 100.0
MIDI_RANGE = (0.0, 127.0)  # what a MIDI number can be
A4_MIDI = 69.0
A4_HZ = 440.0
SEMITONES_PER_OCTAVE = 12.0


def name_to_midi(name: str) -> float:
    """``"C4"`` → 60.0, ``"D#4/Eb4"`` → 63.0 (first spelling), ``"A4-50"`` → 68.5, ``"rest"`` → 0.

    Raises ``ValueError`` with the reason; readers turn it into an :class:`InputError` that
    names the file and note.
    """
    text = name.strip()
    if text.lower() in REST_NAMES:
        return REST_PITCH
    match = _NOTE_RE.match(text.split("/")[0])
    if not match:
        raise ValueError(f"not a note name: {name!r} (expected e.g. C4, D#3, Eb5, A4+12 or rest)")
    step, accidental, octave, sign, cents = match.groups()
    midi = 12 * (int(octave) + 1) + _STEPS[step.upper()] + _ACCIDENTALS[accidental]
    if cents:
        midi += (1 if sign == "+" else -1) * float(cents) / CENTS_PER_SEMITONE
    if not MIDI_RANGE[0] < midi <= MIDI_RANGE[1]:
        raise ValueError(f"note {name!r} is outside the MIDI range")
    return float(midi)


def midi_to_name(midi: float) -> str:
    """60 → ``"C4"``, 60.25 → ``"C4+25"``, 0 → ``"rest"`` (sharps for black keys)."""
    if midi == REST_PITCH:
        return "rest"
    nearest = int(round(midi))
    cents = round((midi - nearest) * CENTS_PER_SEMITONE)
    name = f"{_NAMES[nearest % 12]}{nearest // 12 - 1}"
    return name if cents == 0 else f"{name}{cents:+d}"


def midi_to_hz(midi: float) -> float:
    return A4_HZ * 2.0 ** ((midi - A4_MIDI) / SEMITONES_PER_OCTAVE)


def semitones_to_ratio(semitones: float) -> float:
    """Frequency ratio of a transposition: 12 → 2.0."""
    return float(math.pow(2.0, semitones / SEMITONES_PER_OCTAVE))
