"""UTAU ``.ust`` reader: INI-like ``[#0000]`` note sections.

``[#SETTING]`` holds the song tempo (``Tempo``); each note section has ``Length`` (ticks, 480
per quarter note), ``Lyric`` (``R`` is a rest) and ``NoteNum`` (MIDI), and may set ``Tempo``
from that note on. Plugin context sections (``[#PREV]``, ``[#NEXT]``, ``[#INSERT]``,
``[#DELETE]``) are not part of the song and are skipped.

UST files carry no encoding mark and come as Shift-JIS (Japanese UTAU), GBK (Chinese systems)
or UTF-8 (newer editors). :func:`decode_ust` tries UTF-8 first (it almost never decodes other
text by accident) and otherwise picks, among GBK and Shift-JIS decodings, the one whose lyrics
look like lyrics: kana or common Chinese characters rather than half-width katakana or rare
characters, which is what the wrong codec turns the other's bytes into.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from tts.errors import InputError
from tts.registry import SCORE_READERS
from tts.score.assemble import BeatNote, assemble
from tts.score.model import MAX_BPM, REST_PITCH, Score, Segment, TempoMap

RESOLUTION = 480  # UTAU ticks per quarter note
REST_LYRICS = frozenset({"r", "R", ""})
SKIPPED_SECTIONS = frozenset({"#PREV", "#NEXT", "#INSERT", "#DELETE", "#VERSION", "#TRACKEND"})
_SECTION_RE = re.compile(r"^\[(#[^\]]*)\]\s*$")
_NOTE_SECTION_RE = re.compile(r"^#\d+$")
_DECLARED_RE = re.compile(rb"^charset\s*=\s*([A-Za-z0-9_\-]+)", re.IGNORECASE | re.MULTILINE)
LEGACY_ENCODINGS = ("gbk", "shift_jis")
GB2312_LEVEL1 = (0xB0, 0xD7)  # GB2312 lead bytes of the 3,755 most common Chinese characters


@dataclass
class _Section:
    name: str
    line: int
    values: dict[str, tuple[str, int]] = field(default_factory=dict)  # key -> (value, line)


def read_ust(path: Path, part: Optional[str] = None) -> Score:
    source = str(path)
    text, _ = decode_ust(path.read_bytes(), source)
    sections = _sections(text, source)
    setting = next((s for s in sections if s.name == "#SETTING"), None)
    bpm = _tempo(setting, source) if setting is not None and "Tempo" in setting.values else None
    tempos: list[tuple[float, float]] = [(0.0, bpm)] if bpm is not None else []
    raw: list[BeatNote] = []
    position = 0.0  # ticks
    notes = [s for s in sections if _NOTE_SECTION_RE.match(s.name)]
    if not notes:
        raise InputError(f"{source}: the UST has no note sections ([#0000] ...)")
    for section in notes:
        where = f"line {section.line} [{section.name}]"
        if "Length" not in section.values:
            raise InputError(f"{source}: {where}: missing Length")
        length = _number(section, "Length", source)
        if not (math.isfinite(length) and length > 0):
            raise InputError(f"{source}: {where}: Length {length:g} is not a positive number of ticks")
        if "Tempo" in section.values:
            tempos.append((position / RESOLUTION, _tempo(section, source)))
        lyric = section.values.get("Lyric", ("", 0))[0].strip()
        if lyric in REST_LYRICS:
            pitch = REST_PITCH
        else:
            if "NoteNum" not in section.values:
                raise InputError(f"{source}: {where}: missing NoteNum")
            pitch = _number(section, "NoteNum", source)
            if not 0 < pitch <= 127:
                raise InputError(f"{source}: {where}: NoteNum {pitch:g} is outside the MIDI range")
        raw.append(BeatNote(position / RESOLUTION, length / RESOLUTION, pitch, lyric, where=where))
        position += length
    tempo = TempoMap.build(tempos, source)
    title = setting.values.get("ProjectName", ("", 0))[0] if setting is not None else ""
    return Score(source=source, format="ust", tempo=tempo,
                 segments=[Segment(0.0, assemble(raw, tempo, source), where="song")], title=title)


SCORE_READERS.register("ust")(read_ust)


def decode_ust(data: bytes, source: str) -> tuple[str, str]:
    """The file's text and the encoding it was read with (see the module docs)."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8", errors="strict"), "utf-8"
        except UnicodeDecodeError as error:
            line = data[3:error.start + 3].count(b"\n") + 1
            raise InputError(f"{source}: line {line}: not valid UTF-8 although the file starts with a UTF-8 "
                             f"byte-order mark") from None
    declared = _DECLARED_RE.search(data)
    candidates = ["utf-8"]
    if declared:
        candidates.insert(0, declared.group(1).decode("ascii").lower())
    for encoding in candidates:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError):
            continue
    decoded: list[tuple[float, int, str, str]] = []
    for rank, encoding in enumerate(LEGACY_ENCODINGS):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        decoded.append((_plausibility(text), -rank, text, encoding))
    if not decoded:
        raise InputError(f"{source}: cannot tell the text encoding (not UTF-8, GBK or Shift-JIS)")
    best = max(decoded)
    return best[2], best[3]


def _plausibility(text: str) -> float:
    """How much the lyrics of a decoded UST look like real lyrics (higher is likelier)."""
    score = 0.0
    for line in text.splitlines():
        if not line.startswith("Lyric="):
            continue
        for char in line[len("Lyric="):]:
            code = ord(char)
            if 0x3040 <= code <= 0x30FF:  # hiragana / katakana: Japanese lyrics
                score += 1.0
            elif 0xFF61 <= code <= 0xFF9F:  # half-width katakana: GBK bytes read as Shift-JIS
                score -= 1.0
            elif 0x4E00 <= code <= 0x9FFF:
                score += 1.0 if _common_chinese(char) else -0.5
    return score


def _common_chinese(char: str) -> bool:
    try:
        encoded = char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return GB2312_LEVEL1[0] <= encoded[0] <= GB2312_LEVEL1[1]


def _sections(text: str, source: str) -> list[_Section]:
    sections: list[_Section] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        match = _SECTION_RE.match(line)
        if match:
            sections.append(_Section(match.group(1).strip().upper(), number))
            continue
        if not sections:
            raise InputError(f"{source}: line {number}: expected a [#SECTION] header, found {line[:40]!r}")
        if sections[-1].name in SKIPPED_SECTIONS:
            continue
        if "=" not in line:
            raise InputError(f"{source}: line {number}: expected Key=Value, found {line[:40]!r}")
        key, value = line.split("=", 1)
        sections[-1].values[key.strip()] = (value, number)
    return [s for s in sections if s.name not in SKIPPED_SECTIONS]


def _tempo(section: _Section, source: str) -> float:
    bpm = _number(section, "Tempo", source)
    if not (math.isfinite(bpm) and 0 < bpm <= MAX_BPM):
        line = section.values["Tempo"][1]
        raise InputError(f"{source}: line {line} [{section.name}]: Tempo {bpm:g} is not a usable tempo "
                         f"(0 < BPM <= {MAX_BPM:g})")
    return bpm


def _number(section: _Section, key: str, source: str) -> float:
    value, line = section.values[key]
    try:
        return float(value.strip())
    except ValueError:
        raise InputError(f"{source}: line {line} [{section.name}]: {key}={value.strip()!r} is not a number") from None
