"""M4Singer: ``meta.json``, a list of per-segment objects, audio in per-song folders.

Each object has ``item_name`` (``"Alto-1#newboy#0000"``: singer, song, index), ``txt``, and the
per-phoneme lists ``phs``, ``ph_dur``, ``notes`` (MIDI numbers, 0 = rest), ``notes_dur`` and
``is_slur``. Audio: ``<root>/Alto-1#newboy/0000.wav``. The speaker is the singer.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Sequence

from tts.data.corpora.base import Corpus, CorpusBuilder, corpus_reader, read_text, require_file
from tts.data.corpora.singing import (
    alignment_from_durations,
    check_lengths,
    midi_to_note,
    normalize_phones,
    parse_floats,
    parse_slurs,
    singing_extra,
)
from tts.data.items import Item
from tts.errors import InputError

SEQUENCE_KEYS = ("phs", "ph_dur", "notes", "notes_dur", "is_slur")
_ITEM_NAME_RE = re.compile(r'"item_name"\s*:\s*"((?:[^"\\]|\\.)*)"')


@corpus_reader("m4singer")
def read_m4singer(root: Path, options: dict) -> Corpus:
    """Items of an M4Singer copy at ``root`` (the folder holding ``meta.json``)."""
    meta_path = require_file(root / "meta.json", "m4singer")
    text = read_text(meta_path)
    try:
        entries = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"{meta_path}:{error.lineno}: not valid JSON ({error.msg})") from None
    if not isinstance(entries, list):
        raise InputError(f"{meta_path}: expected a JSON list of segments")
    lines = _item_name_lines(text)
    builder = CorpusBuilder()
    for index, entry in enumerate(entries):
        name = entry.get("item_name") if isinstance(entry, dict) else None
        line = lines.get(name) if isinstance(name, str) else None
        try:
            item = _parse(entry, root)
        except InputError as error:
            builder.problem(meta_path, line, f"segment {index} ({name!r}): {error}")
            continue
        builder.add(item, meta_path, line)
    return builder.build()


def _item_name_lines(text: str) -> dict[str, int]:
    """1-based line of each ``item_name`` in the raw JSON, so problems can point at it."""
    lines: dict[str, int] = {}
    for match in _ITEM_NAME_RE.finditer(text):
        name = json.loads(f'"{match.group(1)}"')
        lines.setdefault(name, text.count("\n", 0, match.start()) + 1)
    return lines


def _parse(entry: object, root: Path) -> Item:
    if not isinstance(entry, dict):
        raise InputError("expected a JSON object")
    missing = [key for key in ("item_name", "txt", *SEQUENCE_KEYS) if key not in entry]
    if missing:
        raise InputError(f"missing key(s) {', '.join(missing)}")
    parts = str(entry["item_name"]).split("#")
    if len(parts) != 3 or not all(parts):
        raise InputError("item_name must look like 'Singer#song#0000'")
    singer, song, index = parts
    sequences = {key: _as_list(entry[key], key) for key in SEQUENCE_KEYS}
    check_lengths(sequences)
    if not sequences["phs"]:
        raise InputError("no phonemes")
    phones = normalize_phones([str(p) for p in sequences["phs"]])
    notes = [midi_to_note(_midi(value)) for value in sequences["notes"]]
    txt = entry["txt"]
    return Item(
        id=str(entry["item_name"]),
        audio_path=root / f"{singer}#{song}" / f"{index}.wav",
        text="".join(txt) if isinstance(txt, list) else str(txt),
        speaker=singer,
        alignment=alignment_from_durations(phones, parse_floats(sequences["ph_dur"], "ph_dur")),
        extra=singing_extra(notes, parse_floats(sequences["notes_dur"], "notes_dur"),
                            parse_slurs(sequences["is_slur"], "is_slur")),
    )


def _as_list(value: object, key: str) -> Sequence[object]:
    """A JSON list, or a space-separated string split into one."""
    if isinstance(value, str):
        return value.split()
    if isinstance(value, list):
        return value
    raise InputError(f"{key} must be a list")


def _midi(value: object) -> int:
    try:
        return int(round(float(value)))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise InputError(f"notes holds {value!r}, not a MIDI number") from None
