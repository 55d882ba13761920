"""The toolkit's own per-utterance alignment files, ``alignments/<id>.json`` beside ``wavs/``.

Written by ``tts corpus demo-zh`` (and any tool that wants exact durations without TextGrids)::

    {"id": "...", "pinyin": ["jin1", ...],
     "intervals": [{"phone": "SP", "tone": 0, "start": 0.0, "end": 0.21}, ...]}

Phones are inventory symbols, tones 0-5, times in seconds, contiguous from 0.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from tts.data.items import PhoneInterval
from tts.errors import InputError
from tts.text.symbols import PHONEME_TO_ID

CONTIGUITY_TOLERANCE_S = 1e-4  # rounding slack between one interval's end and the next start


@dataclass
class JsonAlignment:
    """One file's phones with their tones, and the pinyin when given."""

    intervals: list[PhoneInterval]
    tones: list[int]
    pinyin: Optional[list[str]]


def read_alignment_json(path: Path) -> JsonAlignment:
    """Parse and check one alignment file; any defect is an InputError naming the file."""
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        raw = record["intervals"]
        intervals = [PhoneInterval(str(i["phone"]), float(i["start"]), float(i["end"])) for i in raw]
        tones = [int(i.get("tone", 0)) for i in raw]
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, ValueError) as err:
        raise InputError(f"{path}: malformed alignment file ({type(err).__name__}: {err})") from None
    if not intervals:
        raise InputError(f"{path}: alignment has no intervals")
    for number, (interval, tone) in enumerate(zip(intervals, tones), 1):
        if interval.phone not in PHONEME_TO_ID:
            raise InputError(f"{path}: interval {number}: phone {interval.phone!r} is not in the inventory")
        if not 0 <= tone <= 5:
            raise InputError(f"{path}: interval {number}: tone {tone} outside 0-5")
        if interval.end <= interval.start:
            raise InputError(f"{path}: interval {number} ({interval.phone}) ends before it starts")
    for number, (a, b) in enumerate(zip(intervals, intervals[1:]), 2):
        if abs(b.start - a.end) > CONTIGUITY_TOLERANCE_S:
            raise InputError(f"{path}: interval {number} starts at {b.start} but the previous one ends at {a.end}")
    pinyin = record.get("pinyin")
    return JsonAlignment(intervals, tones, [str(s) for s in pinyin] if isinstance(pinyin, list) else None)
