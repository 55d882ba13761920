"""OpenUtau ``.ustx`` reader (YAML, loaded with ``yaml.safe_load``).

The project has ``resolution`` (ticks per quarter note, 480 by default), a tempo map in
``tempos`` (``position`` ticks, ``bpm``; older files only a single ``bpm``) and ``voice_parts``,
each on a track (``track_no``) at a ``position``, holding ``notes`` with ``position`` (ticks from
the part's start), ``duration`` (ticks), ``tone`` (MIDI) and ``lyric``. The track sung is the one
the caller names (its number from 1, or a voice part's name), else the track of the first voice
part with notes; all voice parts of that track are joined. OpenUtau's extender lyrics ``+``,
``+~``, ``+*`` continue the previous syllable.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, Optional

import yaml

from tts.errors import InputError
from tts.registry import SCORE_READERS
from tts.score.assemble import BeatNote, assemble
from tts.score.model import MAX_BPM, Score, Segment, TempoMap

DEFAULT_RESOLUTION = 480  # OpenUtau's ticks per quarter note


def read_ustx(path: Path, part: Optional[str] = None) -> Score:
    source = str(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(f"{source}: not a UTF-8 text file") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        reason = getattr(error, "problem", None) or "malformed"
        raise InputError(f"{source}: {where}not valid YAML ({reason})") from None
    except RecursionError:
        raise InputError(f"{source}: not an OpenUtau project (YAML nested too deeply)") from None
    if not isinstance(data, dict):
        raise InputError(f"{source}: not an OpenUtau project (expected a YAML mapping at the top)")
    resolution = _int(data.get("resolution", DEFAULT_RESOLUTION), "resolution", source)
    if resolution <= 0:
        raise InputError(f"{source}: resolution {resolution} is not positive")
    tempos = _tempos(data, resolution, source)
    parts = data.get("voice_parts")
    if not isinstance(parts, list) or not parts:
        raise InputError(f"{source}: no voice_parts (the project has no notes)")
    for k, voice_part in enumerate(parts, 1):
        if not isinstance(voice_part, dict):
            raise InputError(f"{source}: voice part {k} is not a mapping")
    track = _choose_track(parts, part, source)
    raw: list[BeatNote] = []
    names: list[str] = []
    for k, voice_part in enumerate(parts, 1):
        if _int(voice_part.get("track_no", 0), f"voice part {k} track_no", source) != track:
            continue
        name = str(voice_part.get("name") or f"part {k}")
        names.append(name)
        start = _int(voice_part.get("position", 0), f"voice part {name!r} position", source)
        notes = voice_part.get("notes") or []
        if not isinstance(notes, list):
            raise InputError(f"{source}: voice part {name!r}: notes is not a list")
        for i, note in enumerate(notes, 1):
            raw.append(_note(note, start, resolution, f"voice part {name!r}, note {i}", source))
    tempo = TempoMap.build(tempos, source)
    return Score(source=source, format="ustx", tempo=tempo,
                 segments=[Segment(0.0, assemble(raw, tempo, source), where="song")],
                 title=str(data.get("name") or ""), part=", ".join(names))


SCORE_READERS.register("ustx")(read_ustx)


def _tempos(data: dict[str, Any], resolution: int, source: str) -> list[tuple[float, float]]:
    tempos = data.get("tempos")
    if tempos is None:
        bpm = data.get("bpm")
        return [] if bpm is None else [(0.0, _float(bpm, "bpm", source))]
    if not isinstance(tempos, list):
        raise InputError(f"{source}: tempos is not a list")
    out: list[tuple[float, float]] = []
    for k, entry in enumerate(tempos, 1):
        if not isinstance(entry, dict) or "bpm" not in entry:
            raise InputError(f"{source}: tempo {k}: missing field 'bpm'")
        position = _int(entry.get("position", 0), f"tempo {k} position", source)
        bpm = _float(entry["bpm"], f"tempo {k} bpm", source)
        if not 0 < bpm <= MAX_BPM:
            raise InputError(f"{source}: tempo {k}: bpm {bpm:g} is not a usable tempo (0 < BPM <= {MAX_BPM:g})")
        if position < 0:
            raise InputError(f"{source}: tempo {k}: position {position} is before the song's start")
        out.append((position / resolution, bpm))
    return out


def _choose_track(parts: list[dict[str, Any]], wanted: Optional[str], source: str) -> int:
    tracks = [_int(p.get("track_no", 0), "track_no", source) for p in parts]
    if wanted is not None:
        text = wanted.strip()
        for voice_part, track in zip(parts, tracks):
            if text.lower() == str(voice_part.get("name", "")).lower():
                return track
        if text.isdigit() and int(text) - 1 in tracks:
            return int(text) - 1
        raise InputError(f"{source}: no track or voice part {wanted!r}; tracks: "
                         f"{', '.join(str(t + 1) for t in sorted(set(tracks)))}")
    for voice_part, track in zip(parts, tracks):
        if voice_part.get("notes"):
            return track
    raise InputError(f"{source}: the project has no notes")


def _note(note: Any, part_start: int, resolution: int, where: str, source: str) -> BeatNote:
    if not isinstance(note, dict):
        raise InputError(f"{source}: {where}: not a mapping")
    for key in ("position", "duration", "tone"):
        if key not in note:
            raise InputError(f"{source}: {where}: missing field {key!r}")
    position = _int(note["position"], f"{where} position", source)
    duration = _int(note["duration"], f"{where} duration", source)
    tone = _int(note["tone"], f"{where} tone", source)
    if duration <= 0:
        raise InputError(f"{source}: {where}: duration {duration} is not positive")
    if not 0 < tone <= 127:
        raise InputError(f"{source}: {where}: tone {tone} is outside the MIDI range")
    if part_start + position < 0:
        raise InputError(f"{source}: {where}: starts at tick {part_start + position}, before the song's start")
    lyric = str(note.get("lyric") or "").strip()
    return BeatNote((part_start + position) / resolution, duration / resolution, float(tone), lyric, where=where)


def _int(value: Any, field: str, source: str) -> int:
    if (isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value)
            or value != int(value)):
        raise InputError(f"{source}: {field} {value!r} is not a whole number")
    return int(value)


def _float(value: Any, field: str, source: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise InputError(f"{source}: {field} {value!r} is not a number")
    return float(value)
