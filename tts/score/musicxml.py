"""MusicXML reader (``.musicxml``, ``.xml``, compressed ``.mxl``) through music21.

The part sung is the one the caller names (part name, or its number from 1), else the first
part that carries lyrics, else the first part. music21 lays out measures (pickup measures
included) as quarter-note offsets; tempo marks from every part build the tempo map that turns
them into seconds. Lyric number 1 is sung; a note without a lyric right after a sung note
continues that syllable (the extender-line convention of melismas); ties are merged; chords
sing their top note; grace notes are skipped.

Before music21 sees the file, the XML is parsed and every ``<note>`` checked (step, octave,
alter, duration), as are each measure's divisions and time signature (values music21 would divide
by zero or hang on), so a malformed file fails naming the line, or the measure and note at fault.
"""

from __future__ import annotations

import math
import warnings
import zipfile
import zlib
from pathlib import Path
from typing import Any, Optional
from xml.etree import ElementTree

from tts.errors import InputError
from tts.registry import SCORE_READERS
from tts.score.assemble import BeatNote, assemble
from tts.score.model import REST_PITCH, Score, Segment, TempoMap

STEPS = frozenset("ABCDEFG")
MAX_TIME_SIGNATURE_BEATS = 256  # music21 slows down with the beats per bar (hangs at ~10^4): a corrupt file
MXL_CONTAINER = "META-INF/container.xml"


def read_musicxml(path: Path, part: Optional[str] = None) -> Score:
    source = str(path)
    root = _parse_xml(_xml_bytes(path), source)
    _check_notes(root, source)
    stream = _music21_score(path, source)
    chosen, name = _choose_part(stream, part, source)
    tempo = TempoMap.build(_tempo_marks(stream, source), source)
    notes = assemble(_beat_notes(chosen), tempo, source)
    title = ""
    if stream.metadata is not None and stream.metadata.title:
        title = str(stream.metadata.title)
    return Score(source=source, format="musicxml", tempo=tempo, segments=[Segment(0.0, notes, where="song")],
                 title=title, part=name)


for _extension in ("musicxml", "xml", "mxl"):
    SCORE_READERS.register(_extension)(read_musicxml)


# --------------------------------------------------------------------------- validation


def _xml_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    if not zipfile.is_zipfile(path):
        if path.suffix.lower() == ".mxl":
            raise InputError(f"{path}: not a compressed MusicXML (.mxl) file (not a zip archive)")
        return data
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            inner = _rootfile(archive) if MXL_CONTAINER in names else None
            if inner is None:
                candidates = [n for n in names if n.lower().endswith((".xml", ".musicxml")) and not n.startswith("META-INF")]
                if not candidates:
                    raise InputError(f"{path}: the .mxl archive holds no MusicXML file")
                inner = candidates[0]
            return archive.read(inner)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, OSError, EOFError, ValueError, RuntimeError,
            NotImplementedError, zlib.error) as error:  # what zipfile raises on a corrupt or unusual archive
        raise InputError(f"{path}: broken .mxl archive ({str(error) or type(error).__name__})") from None


def _rootfile(archive: zipfile.ZipFile) -> Optional[str]:
    try:
        container = ElementTree.fromstring(archive.read(MXL_CONTAINER))
    except ElementTree.ParseError:
        return None
    for element in container.iter():
        if element.tag.endswith("rootfile") and element.get("full-path"):
            return element.get("full-path")
    return None


def _parse_xml(data: bytes, source: str) -> ElementTree.Element:
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        line, column = error.position
        raise InputError(f"{source}: line {line}, column {column}: malformed XML ({_reason(error)})") from None
    except LookupError as error:  # the XML declaration names an unknown encoding
        raise InputError(f"{source}: line 1: malformed XML ({error})") from None
    if root.tag not in ("score-partwise", "score-timewise"):
        raise InputError(f"{source}: not a MusicXML score (root element <{root.tag}>)")
    return root


def _reason(error: ElementTree.ParseError) -> str:
    return str(error).split(":")[0]


def _check_notes(root: ElementTree.Element, source: str) -> None:
    """Every note's pitch and duration must be readable; name the measure and note if not."""
    for part in root.iter("part"):
        part_id = part.get("id", "?")
        for measure in part.iter("measure"):
            number = measure.get("number", "?")
            _check_attributes(measure, f"part {part_id}, measure {number}", source)
            for k, note in enumerate(measure.iter("note"), 1):
                where = f"part {part_id}, measure {number}, note {k}"
                pitch = note.find("pitch")
                if pitch is not None:
                    step = (pitch.findtext("step") or "").strip()
                    if step not in STEPS:
                        raise InputError(f"{source}: {where}: {step!r} is not a note name (A-G)")
                    octave = (pitch.findtext("octave") or "").strip()
                    if not octave.lstrip("-").isdigit():
                        raise InputError(f"{source}: {where}: octave {octave!r} is not a number")
                    alter = pitch.findtext("alter")
                    if alter is not None and not _is_number(alter):
                        raise InputError(f"{source}: {where}: alter {alter!r} is not a number")
                duration = note.findtext("duration")
                if duration is not None and not (_is_number(duration) and float(duration) >= 0):
                    raise InputError(f"{source}: {where}: duration {duration!r} is not a length")


def _check_attributes(measure: ElementTree.Element, where: str, source: str) -> None:
    """Divisions and time signatures that music21 would divide by zero or hang on."""
    for divisions in measure.iter("divisions"):
        text = (divisions.text or "").strip()
        if not (_is_number(text) and math.isfinite(float(text)) and float(text) > 0):
            raise InputError(f"{source}: {where}: divisions {text!r} is not a positive number")
    for beats in measure.iter("beats"):
        text = (beats.text or "").strip()
        counts = [c.strip() for c in text.split("+")]
        if all(_is_number(c) for c in counts) and not 0 < sum(float(c) for c in counts) <= MAX_TIME_SIGNATURE_BEATS:
            raise InputError(f"{source}: {where}: a time signature of {text} beats per bar is not plausible "
                             f"(1 to {MAX_TIME_SIGNATURE_BEATS})")
    for beat_type in measure.iter("beat-type"):
        text = (beat_type.text or "").strip()
        if _is_number(text) and not 0 < float(text) <= MAX_TIME_SIGNATURE_BEATS:
            raise InputError(f"{source}: {where}: time signature beat-type {text!r} is not a note value")


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


# --------------------------------------------------------------------------- music21


def _music21_score(path: Path, source: str) -> Any:
    from music21 import converter

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            stream = converter.parse(str(path), format="musicxml", forceSource=True)
        except Exception as error:  # music21 raises many kinds; all mean "cannot read this file"
            where = [str(w.message) for w in caught if "took place in" in str(w.message)]
            hint = f" ({where[-1].strip()})" if where else ""
            reason = " ".join(f"{error}{hint}".split())  # one line: music21 may quote the file's text
            raise InputError(f"{source}: cannot read the MusicXML: {reason}") from None
    if not hasattr(stream, "parts") or not len(stream.parts):
        raise InputError(f"{source}: the MusicXML has no parts")
    return stream


def _choose_part(stream: Any, wanted: Optional[str], source: str) -> tuple[Any, str]:
    parts = list(stream.parts)
    names = [str(p.partName or p.id or f"part {i}") for i, p in enumerate(parts, 1)]
    if wanted is not None:
        for i, (p, name) in enumerate(zip(parts, names), 1):
            if wanted.strip().lower() in (name.lower(), str(i), str(p.id).lower()):
                return _first_voice(p), name
        raise InputError(f"{source}: no part {wanted!r}; parts: {', '.join(names)}")
    for p, name in zip(parts, names):
        if any(n.lyrics for n in p.recurse().notes):
            return _first_voice(p), name
    return _first_voice(parts[0]), names[0]


def _first_voice(part: Any) -> Any:
    """A part written with several voices per measure sings its first voice."""
    from music21 import stream as m21stream

    if part.recurse().getElementsByClass(m21stream.Voice):
        return part.voicesToParts().parts[0]
    return part


def _tempo_marks(stream: Any, source: str) -> list[tuple[float, float]]:
    from music21 import tempo

    marks: list[tuple[float, float]] = []
    flat = stream.flatten()
    for mark in flat.getElementsByClass(tempo.MetronomeMark):
        try:
            bpm = mark.getQuarterBPM()
        except ZeroDivisionError:  # a tempo of 0 per minute
            raise InputError(f"{source}: measure {mark.measureNumber}: tempo {mark.number!r} per minute is not "
                             f"a usable tempo") from None
        if bpm is not None:
            marks.append((float(mark.getOffsetBySite(flat)), float(bpm)))
    return marks


def _beat_notes(part: Any) -> list[BeatNote]:
    from music21 import chord, note

    out: list[BeatNote] = []
    flat = part.flatten()
    counters: dict[Any, int] = {}
    previous_pitched = False
    for element in flat.notesAndRests:
        measure = element.measureNumber
        counters[measure] = counters.get(measure, 0) + 1
        where = f"measure {measure}, note {counters[measure]}"
        length = float(element.quarterLength)
        if length <= 0:  # grace notes take no time of their own
            continue
        start = float(element.getOffsetBySite(flat))
        if isinstance(element, note.Rest):
            out.append(BeatNote(start, length, REST_PITCH, where=where))
            previous_pitched = False
            continue
        pitch = max(p.ps for p in element.pitches) if isinstance(element, chord.Chord) else element.pitch.ps
        lyric = _lyric(element)
        tie = element.tie is not None and element.tie.type in ("stop", "continue")
        slur = not lyric and not tie and previous_pitched
        out.append(BeatNote(start, length, float(pitch), lyric, tie, slur, where))
        previous_pitched = True
    return out


def _lyric(element: Any) -> str:
    lyrics = list(element.lyrics)
    if not lyrics:
        return ""
    first = next((ly for ly in lyrics if ly.number == 1), lyrics[0])
    return (first.text or "").strip()
