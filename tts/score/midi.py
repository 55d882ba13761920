"""Standard MIDI file reader (``.mid``, ``.midi``) through mido.

The tempo map comes from every ``set_tempo`` event of the file. The track sung is the one the
caller names (track name, or its number from 1), else the first track whose notes carry lyrics,
else the first track with notes. Lyrics are the track's ``lyrics`` meta events (type 0x05) — or,
when it has none, its ``text`` events — each attached to the note that starts at its tick (or
the nearest note start within :data:`LYRIC_SNAP_BEATS`). MIDI stores lyric bytes without naming
an encoding: UTF-8 is tried first, then GBK and Shift-JIS. Lyric events on a track without notes
(while the sung track has none) are refused, naming both tracks, rather than left unsung.

Notes that overlap by at most :data:`LEGATO_OVERLAP_BEATS` (legato playing) are cut to meet;
chords and longer overlaps are refused.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from tts.errors import InputError
from tts.registry import SCORE_READERS
from tts.score.assemble import BeatNote, assemble
from tts.score.model import Score, Segment, TempoMap

LYRIC_SNAP_BEATS = 0.25  # a lyric this close to a note start (a sixteenth) belongs to that note
LEGATO_OVERLAP_BEATS = 0.125  # overlaps up to a thirty-second note are legato, not two voices
LYRIC_ENCODINGS = ("utf-8", "gbk", "shift_jis")
LYRIC_JUNK = "\r\n/\\\x00"  # karaoke line/paragraph marks and padding inside lyric events


@dataclass
class _Track:
    index: int  # from 1
    name: str
    notes: list[BeatNote] = field(default_factory=list)
    lyrics: list[tuple[int, str]] = field(default_factory=list)  # (tick, text)
    texts: list[tuple[int, str]] = field(default_factory=list)


def read_midi(path: Path, part: Optional[str] = None) -> Score:
    import mido

    source = str(path)
    try:
        midi = mido.MidiFile(str(path), clip=True)
    except EOFError:
        raise InputError(f"{source}: not a readable MIDI file (it ends early: truncated?)") from None
    except Exception as error:  # mido raises many kinds (OSError, ValueError, KeySignatureError...) on corrupt data
        raise InputError(f"{source}: not a readable MIDI file ({str(error) or type(error).__name__})") from None
    resolution = midi.ticks_per_beat
    if resolution <= 0:
        raise InputError(f"{source}: the MIDI header gives {resolution} ticks per beat (SMPTE timing is not supported)")
    tempos: list[tuple[float, float]] = []
    tracks: list[_Track] = []
    for index, track in enumerate(midi.tracks, 1):
        parsed, track_tempos = _read_track(index, track, resolution, source)
        tracks.append(parsed)
        tempos += track_tempos
    tempo = TempoMap.build(tempos, source)
    chosen = _choose_track(tracks, part, source)
    lyrics = chosen.lyrics
    starts = [n.start for n in chosen.notes]
    if not lyrics and chosen.texts and all(_nearest(starts, tick / resolution) is not None
                                           for tick, _ in chosen.texts):
        lyrics = chosen.texts  # an editor that wrote the lyrics as text events, one per note
    if not lyrics:
        _refuse_lyrics_elsewhere(chosen, tracks, source)
    _attach_lyrics(chosen.notes, lyrics, resolution, source, chosen.index)
    notes = assemble(chosen.notes, tempo, source, allow_overlap=LEGATO_OVERLAP_BEATS)
    return Score(source=source, format="midi", tempo=tempo, segments=[Segment(0.0, notes, where="song")],
                 part=chosen.name)


for _extension in ("mid", "midi"):
    SCORE_READERS.register(_extension)(read_midi)


def _read_track(index: int, track: object, resolution: int, source: str) -> tuple[_Track, list[tuple[float, float]]]:
    import mido

    parsed = _Track(index, "")
    tempos: list[tuple[float, float]] = []
    sounding: dict[tuple[int, int], tuple[int, int]] = {}  # (channel, key) -> (start tick, note number in track)
    tick = 0
    count = 0
    for message in track:  # type: ignore[attr-defined]
        tick += message.time
        kind = message.type
        if kind == "set_tempo":
            if message.tempo <= 0:
                raise InputError(f"{source}: track {index}: set_tempo at beat {tick / resolution:g} gives "
                                 f"{message.tempo} microseconds per beat (not a usable tempo)")
            tempos.append((tick / resolution, mido.tempo2bpm(message.tempo)))
        elif kind == "track_name" and not parsed.name:
            parsed.name = _decode(message.name)
        elif kind == "lyrics":
            parsed.lyrics.append((tick, _decode(message.text)))
        elif kind == "text":
            parsed.texts.append((tick, _decode(message.text)))
        elif kind == "note_on" and message.velocity > 0:
            key = (message.channel, message.note)
            if key in sounding:  # re-struck without a note-off: the first one ends here
                _close(parsed, sounding.pop(key), tick, message.note, resolution, index)
            count += 1
            sounding[key] = (tick, count)
        elif kind in ("note_off", "note_on"):
            key = (message.channel, message.note)
            if key in sounding:
                _close(parsed, sounding.pop(key), tick, message.note, resolution, index)
    for (channel, key), started in sounding.items():
        _close(parsed, started, tick, key, resolution, index)  # still sounding at the track's end
    parsed.notes.sort(key=lambda n: n.start)
    return parsed, tempos


def _close(track: _Track, started: tuple[int, int], tick: int, key: int, resolution: int, index: int) -> None:
    start, number = started
    if tick > start:
        where = f"track {index}, note {number} (beat {start / resolution:g})"
        track.notes.append(BeatNote(start / resolution, (tick - start) / resolution, float(key), where=where))


def _decode(text: str) -> str:
    """mido reads meta text as latin-1; recover the bytes and decode them properly."""
    raw = text.encode("latin-1", errors="replace")
    for encoding in LYRIC_ENCODINGS:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return text


def _choose_track(tracks: list[_Track], wanted: Optional[str], source: str) -> _Track:
    with_notes = [t for t in tracks if t.notes]
    if not with_notes:
        raise InputError(f"{source}: the MIDI file has no notes")
    if wanted is not None:
        for track in tracks:
            if wanted.strip().lower() in (track.name.lower(), str(track.index)):
                if not track.notes:
                    raise InputError(f"{source}: track {wanted!r} has no notes")
                return track
        names = ", ".join(f"{t.index} ({t.name or 'unnamed'})" for t in with_notes)
        raise InputError(f"{source}: no track {wanted!r}; tracks with notes: {names}")
    for track in with_notes:
        if track.lyrics:
            return track
    return with_notes[0]


def _refuse_lyrics_elsewhere(chosen: _Track, tracks: list[_Track], source: str) -> None:
    """The sung track has no lyrics but a track without notes has some: say so, naming both."""
    elsewhere = [t for t in tracks if t.lyrics and not t.notes]
    if elsewhere and chosen.notes:
        other = elsewhere[0]
        raise InputError(f"{source}: {chosen.notes[0].where}: the notes of track {chosen.index} have no lyrics, "
                         f"but track {other.index} ({other.name or 'unnamed'}) has lyric events and no notes; "
                         f"put each lyric event on the track of the note it is sung on")


def _nearest(starts: list[float], beat: float) -> Optional[int]:
    """Index of the note start (sorted) nearest ``beat``, if within the snap distance."""
    k = bisect.bisect_left(starts, beat)
    candidates = [i for i in (k - 1, k) if 0 <= i < len(starts)]
    if not candidates:
        return None
    best = min(candidates, key=lambda i: abs(starts[i] - beat))
    return best if abs(starts[best] - beat) <= LYRIC_SNAP_BEATS else None


def _attach_lyrics(notes: list[BeatNote], lyrics: list[tuple[int, str]], resolution: int, source: str,
                   track: int) -> None:
    starts = [n.start for n in notes]
    for tick, text in lyrics:
        clean = "".join(c for c in text if c not in LYRIC_JUNK).strip()
        if not clean:
            continue
        beat = tick / resolution
        k = _nearest(starts, beat)
        if k is None:
            raise InputError(f"{source}: track {track}: lyric {clean!r} at beat {beat:g} is on no note")
        notes[k].lyric += clean
