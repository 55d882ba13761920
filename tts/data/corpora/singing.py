"""What the singing corpora (Opencpop, M4Singer) share: per-phoneme note sequences.

Both annotate one note name, note duration and slur flag *per phoneme* (a syllable's note is
repeated for each of its phonemes), so all sequences must have the same length. Items carry
``extra = {"notes": [str], "note_midi": [int], "note_durs": [float], "slurs": [int]}``
(``note_midi`` 0 is a rest) and an alignment built from the phoneme durations.
"""

from __future__ import annotations

import re
from typing import Sequence

from tts.data.items import PhoneInterval
from tts.errors import InputError
from tts.text.symbols import BREATH, INITIALS, PAD, PHONEME_TO_ID, SILENCE

REST = "rest"
_NOTE_RE = re.compile(r"([A-Ga-g])([#b]?)(-?\d+)")
_PITCH_CLASSES = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}
_NAMES = ("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B")

_SPECIAL = {"<SP>": SILENCE, "<SIL>": SILENCE, "<AP>": BREATH, "sil": SILENCE, "sp": SILENCE}
# Older Opencpop-style labels → opencpop-extension finals, keyed by (preceding initial, final).
_AFTER = {
    ("y", "an"): "En", ("y", "e"): "E", ("y", "u"): "v", ("y", "uan"): "van", ("y", "un"): "vn",
    ("y", "ue"): "ve",
    **{(i, f): v for i in ("j", "q", "x") for f, v in
       (("u", "v"), ("uan", "van"), ("un", "vn"), ("ue", "ve"))},
    **{(i, f): "ir" for i in ("zh", "ch", "sh", "r") for f in ("i", "iii")},
    **{(i, f): "i0" for i in ("z", "c", "s") for f in ("i", "ii")},
}
_SPELLINGS = {"iou": "iu", "uei": "ui", "uen": "un"}


def normalize_phones(phones: Sequence[str]) -> list[str]:
    """Map singing-corpus phone labels onto the inventory without changing their number.

    A phone repeated for a melisma follows whatever its first occurrence became. Raises
    :class:`InputError` naming a phone that has no inventory equivalent.
    """
    result: list[str] = []
    raw_prev, norm_prev = "", ""
    for phone in phones:
        if phone == raw_prev and phone not in INITIALS:
            mapped = norm_prev
        else:
            mapped = _SPECIAL.get(phone, phone)
            mapped = _AFTER.get((raw_prev, mapped), _SPELLINGS.get(mapped, mapped))
        if mapped not in PHONEME_TO_ID or mapped == PAD:
            raise InputError(f"phoneme {phone!r} is not in the phoneme inventory")
        result.append(mapped)
        raw_prev, norm_prev = phone, mapped
    return result


def check_lengths(sequences: dict[str, Sequence[object]]) -> None:
    """Raise :class:`InputError` listing the counts when the per-phoneme sequences differ."""
    counts = {name: len(values) for name, values in sequences.items()}
    if len(set(counts.values())) > 1:
        shown = ", ".join(f"{name} {count}" for name, count in counts.items())
        raise InputError(f"per-phoneme fields have different counts ({shown})")


def alignment_from_durations(phones: Sequence[str], durations: Sequence[float]) -> list[PhoneInterval]:
    """Phone intervals laid end to end from 0 s."""
    intervals: list[PhoneInterval] = []
    start = 0.0
    for phone, duration in zip(phones, durations):
        if duration < 0:
            raise InputError(f"phoneme {phone!r} has a negative duration {duration}")
        intervals.append(PhoneInterval(phone, start, start + duration))
        start += duration
    return intervals


def note_to_midi(name: str) -> int:
    """``"D#4/Eb4"`` → 63 (the first spelling is used); ``"rest"`` → 0."""
    if name == REST:
        return 0
    match = _NOTE_RE.fullmatch(name.split("/")[0])
    if not match:
        raise InputError(f"not a note name: {name!r}")
    letter, accidental, octave = match.groups()
    shift = {"#": 1, "b": -1, "": 0}[accidental]
    return 12 * (int(octave) + 1) + _PITCH_CLASSES[letter.upper()] + shift


def midi_to_note(midi: int) -> str:
    """60 → ``"C4"``, sharps for black keys; 0 → ``"rest"``."""
    if midi == 0:
        return REST
    if not 0 < midi < 128:
        raise InputError(f"MIDI note {midi} is outside 1-127")
    return f"{_NAMES[midi % 12]}{midi // 12 - 1}"


def parse_floats(values: Sequence[object], field: str) -> list[float]:
    """Durations as floats; :class:`InputError` naming the field on the first bad value."""
    try:
        return [float(v) for v in values]  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise InputError(f"{field} holds a value that is not a number") from None


def parse_slurs(values: Sequence[object], field: str) -> list[int]:
    """Slur flags as 0/1; :class:`InputError` naming the field otherwise."""
    slurs: list[int] = []
    for value in values:
        if value in ("0", "1") or (isinstance(value, (int, float)) and value in (0, 1)):
            slurs.append(int(value))  # type: ignore[arg-type]
        else:
            raise InputError(f"{field} must hold 0 or 1, found {value!r}")
    return slurs


def singing_extra(notes: list[str], note_durs: list[float], slurs: list[int]) -> dict:
    """The ``Item.extra`` of a sung item."""
    return {"notes": notes, "note_midi": [note_to_midi(n) for n in notes],
            "note_durs": note_durs, "slurs": slurs}
