"""DiffSinger ``.ds`` reader: JSON, one segment object or a list of them.

Fields (every sequence is one space-separated string): ``offset`` (s, where the segment starts
in the song; default 0), ``text``, ``ph_seq``, ``ph_dur`` (optional: without it the model
predicts phoneme durations), ``ph_num`` (phonemes per word, words starting at the vowel),
``note_seq`` (names like ``D#3``, ``C4+12``, ``rest``), ``note_dur`` (s), ``note_slur`` (0/1),
``note_glide`` (none/up/down), ``f0_seq`` + ``f0_timestep`` (the pitch to sing), the curves
``energy``, ``breathiness``, ``voicing``, ``tension``, ``gender``, ``velocity`` each with its
``*_timestep``, ``spk_mix`` (+ ``spk_mix_timestep``), ``seed`` and ``lang``.

Without ``ph_num``, ``note_seq`` may instead list one note per phoneme (the older layout, as in
Opencpop, with ``note_dur``/``note_slur`` — or ``note_dur_seq``/``is_slur_seq`` — per phoneme);
per-word files without ``ph_num`` get it derived (a word starts at every non-initial phoneme).
See :mod:`tts.score.spelled` for how phonemes are tied to notes.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any, Optional

import numpy as np

from tts.errors import InputError
from tts.registry import SCORE_READERS
from tts.score.model import MAX_SONG_SECONDS, Curve, F0Curve, Score, Segment, TempoMap
from tts.score.notes import name_to_midi
from tts.score.spelled import label_notes, note_at, per_phoneme_notes, per_word_phones
from tts.text.symbols import INITIALS, PAD, PHONEME_TO_ID

CURVES = ("energy", "breathiness", "voicing", "tension", "gender", "velocity")
GLIDES = frozenset({"none", "up", "down"})
MAX_DURATION_SECONDS = 60.0  # one phoneme or note longer than this is a broken file
MAX_F0_HZ = 4000.0  # no voice sings above this; larger values are a broken curve
REQUIRED = ("ph_seq", "note_seq", "note_dur")


def read_ds(path: Path, part: Optional[str] = None) -> Score:
    source = str(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(f"{source}: not a UTF-8 text file") from None
    except json.JSONDecodeError as error:
        raise InputError(f"{source}: line {error.lineno}, column {error.colno}: not valid JSON ({error.msg})") from None
    except RecursionError:
        raise InputError(f"{source}: not a .ds file (JSON nested too deeply)") from None
    entries = data if isinstance(data, list) else [data]
    if not entries:
        raise InputError(f"{source}: the .ds file holds no segments")
    tempo = TempoMap.constant()
    segments = [_segment(entry, k, tempo, source) for k, entry in enumerate(entries, 1)]
    segments.sort(key=lambda s: s.offset)
    return Score(source=source, format="ds", tempo=tempo, segments=segments)


SCORE_READERS.register("ds")(read_ds)


def _segment(entry: Any, k: int, tempo: TempoMap, source: str) -> Segment:
    where = f"segment {k}"
    if not isinstance(entry, dict):
        raise InputError(f"{source}: {where}: expected a JSON object, found {type(entry).__name__}")
    for name in REQUIRED:
        if name not in entry and not (name == "note_dur" and "note_dur_seq" in entry):
            raise InputError(f"{source}: {where}: missing field {name!r}")
    offset = _number(entry.get("offset", 0.0), "offset", where, source)
    if offset < 0:
        raise InputError(f"{source}: {where}: offset {offset:g} s is negative")
    if offset > MAX_SONG_SECONDS:
        raise InputError(f"{source}: {where}: offset {offset:g} s is not plausible (a song lasts at most "
                         f"{MAX_SONG_SECONDS:g} s)")
    symbols = _words(entry["ph_seq"], "ph_seq", where, source)
    for i, symbol in enumerate(symbols):
        if symbol not in PHONEME_TO_ID or symbol == PAD:
            raise InputError(f"{source}: {where}: phoneme {i + 1} {symbol!r} is not in the phoneme inventory")
    ph_dur = None
    if entry.get("ph_dur") not in (None, ""):
        ph_dur = _durations(entry["ph_dur"], "ph_dur", len(symbols), where, source)
    names = _words(entry["note_seq"], "note_seq", where, source)
    pitches = []
    for i, name in enumerate(names):
        try:
            pitches.append(name_to_midi(name))
        except ValueError as error:
            raise InputError(f"{source}: {where}: note {i + 1}: {error}") from None
    note_dur = _durations(entry.get("note_dur", entry.get("note_dur_seq")), "note_dur", len(names), where, source)
    slur_field = "note_slur" if "note_slur" in entry else "is_slur_seq"
    slurs = _flags(entry.get(slur_field), slur_field, len(names), where, source)
    glides = _glides(entry.get("note_glide"), len(names), where, source)
    text = str(entry.get("text") or "")
    ph_num_field = entry.get("ph_num")
    if ph_num_field in (None, "") and len(names) == len(symbols):
        notes, phones = per_phoneme_notes(symbols, pitches, note_dur, slurs, ph_dur, offset, tempo, where, source)
    else:
        notes = []
        onset = offset
        for i, (pitch, duration) in enumerate(zip(pitches, note_dur)):
            notes.append(note_at(pitch, onset, duration, tempo, f"{where}, note {i + 1}", slur=bool(slurs[i]),
                                 glide=glides[i]))
            onset += duration
        if ph_num_field in (None, ""):
            ph_num = _derived_ph_num(symbols)
        else:
            ph_num = [int(v) for v in _integers(ph_num_field, "ph_num", where, source)]
        phones = per_word_phones(symbols, ph_num, notes, ph_dur, where, source)
    label_notes(notes, text)
    segment = Segment(offset=offset, notes=notes, phones=phones, text=text, where=where)
    segment.f0 = _f0(entry, where, source)
    for name in CURVES:
        if entry.get(name) not in (None, ""):
            values = np.asarray(_floats(entry[name], name, where, source))
            segment.curves[name] = Curve(_timestep(entry, name, where, source), values)
    if "spk_mix" in entry:
        segment.extras["spk_mix"] = _speaker_mix(entry, where, source)
    if entry.get("seed") is not None:
        seed = entry["seed"]
        if isinstance(seed, bool) or not isinstance(seed, int):
            raise InputError(f"{source}: {where}: seed {seed!r} is not a whole number")
        segment.extras["seed"] = seed
    if entry.get("lang") is not None:
        segment.extras["lang"] = str(entry["lang"])
    return segment


def _derived_ph_num(symbols: list[str]) -> list[int]:
    counts: list[int] = []
    for i, symbol in enumerate(symbols):
        if i == 0 or symbol not in INITIALS:
            counts.append(1)
        else:
            counts[-1] += 1
    return counts


def _words(value: Any, field: str, where: str, source: str) -> list[str]:
    if isinstance(value, list):
        value = " ".join(str(v) for v in value)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.split():
        raise InputError(f"{source}: {where}: {field} must be a non-empty space-separated string")
    return value.split()


def _floats(value: Any, field: str, where: str, source: str) -> list[float]:
    out = []
    for i, word in enumerate(_words(value, field, where, source)):
        try:
            number = float(word)
        except ValueError:
            raise InputError(f"{source}: {where}: {field} value {i + 1} {word!r} is not a number") from None
        if not math.isfinite(number):
            raise InputError(f"{source}: {where}: {field} value {i + 1} is {word!r}")
        out.append(number)
    return out


def _integers(value: Any, field: str, where: str, source: str) -> list[int]:
    numbers = _floats(value, field, where, source)
    for i, number in enumerate(numbers):
        if number != int(number):
            raise InputError(f"{source}: {where}: {field} value {i + 1} ({number:g}) is not a whole number")
    return [int(n) for n in numbers]


def _durations(value: Any, field: str, count: int, where: str, source: str) -> list[float]:
    if value is None:
        raise InputError(f"{source}: {where}: missing field {field!r}")
    numbers = _floats(value, field, where, source)
    if len(numbers) != count:
        other = "ph_seq" if field == "ph_dur" else "note_seq"
        raise InputError(f"{source}: {where}: {field} has {len(numbers)} values but {other} has {count}")
    for i, number in enumerate(numbers):
        if not 0 < number <= MAX_DURATION_SECONDS:
            raise InputError(f"{source}: {where}: {field} value {i + 1} ({number:g} s) is not a usable duration "
                             f"(0 < d <= {MAX_DURATION_SECONDS:g} s)")
    return numbers


def _flags(value: Any, field: str, count: int, where: str, source: str) -> list[int]:
    if value in (None, ""):
        return [0] * count
    numbers = _integers(value, field, where, source)
    if len(numbers) != count or any(n not in (0, 1) for n in numbers):
        raise InputError(f"{source}: {where}: {field} must hold one 0 or 1 per note ({count})")
    return numbers


def _glides(value: Any, count: int, where: str, source: str) -> list[str]:
    if value in (None, ""):
        return ["none"] * count
    glides = _words(value, "note_glide", where, source)
    if len(glides) != count or any(g not in GLIDES for g in glides):
        raise InputError(f"{source}: {where}: note_glide must hold one of none/up/down per note ({count})")
    return glides


def _number(value: Any, field: str, where: str, source: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        try:
            value = float(value)
        except (TypeError, ValueError):
            raise InputError(f"{source}: {where}: {field} {value!r} is not a number") from None
        if not math.isfinite(value):
            raise InputError(f"{source}: {where}: {field} {value!r} is not a number")
    return float(value)


def _timestep(entry: dict[str, Any], name: str, where: str, source: str) -> float:
    key = f"{name}_timestep"
    if key not in entry:
        raise InputError(f"{source}: {where}: {name} is given without {key!r}")
    step = _number(entry[key], key, where, source)
    if step <= 0:
        raise InputError(f"{source}: {where}: {key} {step:g} is not positive")
    return step


def _f0(entry: dict[str, Any], where: str, source: str) -> Optional[F0Curve]:
    if entry.get("f0_seq") in (None, ""):
        return None
    hz = np.asarray(_floats(entry["f0_seq"], "f0_seq", where, source), dtype=np.float64)
    bad = np.flatnonzero((hz < 0) | (hz > MAX_F0_HZ))
    if bad.size:
        raise InputError(f"{source}: {where}: f0_seq value {bad[0] + 1} ({hz[bad[0]]:g} Hz) is not a singing pitch")
    return F0Curve(timestep=_timestep(entry, "f0", where, source), hz=hz)


def _speaker_mix(entry: dict[str, Any], where: str, source: str) -> dict[str, Curve]:
    mix = entry["spk_mix"]
    if not isinstance(mix, dict):
        raise InputError(f"{source}: {where}: spk_mix must map speaker names to curves")
    step = _timestep(entry, "spk_mix", where, source) if len(mix) else 0.0
    return {str(name): Curve(step, np.asarray(_floats(values, f"spk_mix[{name}]", where, source)))
            for name, values in mix.items()}
