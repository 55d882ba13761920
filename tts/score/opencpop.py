"""Opencpop transcription lines as a score (``.txt``): ``id|text|phonemes|notes|note_durs|phone_durs|slurs``.

Each line is one segment; lines follow each other in the song (a line starts where the previous
one's phonemes end). Fields 3-7 are aligned per phoneme (see :mod:`tts.score.spelled`); older
Opencpop phoneme spellings are mapped onto the inventory as the corpus reader maps them. As a
score every line must be consistent: the first bad one raises :class:`InputError` naming it
(the corpus reader, which may skip lines, is :mod:`tts.data.corpora.opencpop`).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Optional

from tts.errors import InputError
from tts.registry import SCORE_READERS
from tts.score.model import Score, Segment, TempoMap
from tts.score.notes import name_to_midi
from tts.score.spelled import label_notes, per_phoneme_notes

FIELDS = ("id", "text", "phonemes", "notes", "note_durs", "phone_durs", "slurs")
MAX_DURATION_SECONDS = 60.0  # one phoneme or note longer than this is a broken line


def read_opencpop(path: Path, part: Optional[str] = None) -> Score:
    from tts.data.corpora.singing import normalize_phones

    source = str(path)
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except UnicodeDecodeError:
        raise InputError(f"{source}: not a UTF-8 text file") from None
    tempo = TempoMap.constant()
    segments: list[Segment] = []
    start = 0.0
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = f"line {number}"
        fields = [f.strip() for f in line.split("|")]
        if len(fields) != len(FIELDS):
            raise InputError(f"{source}: {where}: expected {len(FIELDS)} '|'-separated fields "
                             f"({'|'.join(FIELDS)}), found {len(fields)}")
        seg_id, text = fields[0], fields[1]
        columns = {name: value.split() for name, value in zip(FIELDS[2:], fields[2:])}
        counts = {name: len(values) for name, values in columns.items()}
        if not columns["phonemes"]:
            raise InputError(f"{source}: {where}: no phonemes")
        if len(set(counts.values())) > 1:
            shown = ", ".join(f"{name} {count}" for name, count in counts.items())
            raise InputError(f"{source}: {where}: the per-phoneme fields have different counts ({shown})")
        try:
            symbols = normalize_phones(columns["phonemes"])
        except InputError as error:
            raise InputError(f"{source}: {where}: {error}") from None
        pitches = []
        for i, name in enumerate(columns["notes"], 1):
            try:
                pitches.append(name_to_midi(name))
            except ValueError as error:
                raise InputError(f"{source}: {where}: phoneme {i}: {error}") from None
        note_durs = _durations(columns["note_durs"], "note_durs", where, source)
        ph_durs = _durations(columns["phone_durs"], "phone_durs", where, source)
        slurs = []
        for i, value in enumerate(columns["slurs"], 1):
            if value not in ("0", "1"):
                raise InputError(f"{source}: {where}: slur {i} is {value!r}, not 0 or 1")
            slurs.append(int(value))
        notes, phones = per_phoneme_notes(symbols, pitches, note_durs, slurs, ph_durs, start, tempo,
                                          f"{where} ({seg_id})", source)
        label_notes(notes, text)
        segments.append(Segment(offset=start, notes=notes, phones=phones, text=text, where=f"{where} ({seg_id})"))
        start += sum(ph_durs)
    if not segments:
        raise InputError(f"{source}: no Opencpop lines in the file")
    return Score(source=source, format="opencpop", tempo=tempo, segments=segments)


SCORE_READERS.register("txt")(read_opencpop)


def _durations(values: list[str], field: str, where: str, source: str) -> list[float]:
    out = []
    for i, value in enumerate(values, 1):
        try:
            number = float(value)
        except ValueError:
            raise InputError(f"{source}: {where}: {field} value {i} {value!r} is not a number") from None
        if not (math.isfinite(number) and 0 < number <= MAX_DURATION_SECONDS):
            raise InputError(f"{source}: {where}: {field} value {i} ({value}) is not a usable duration")
        out.append(number)
    return out
