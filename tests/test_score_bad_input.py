"""Malformed scores of every format fail with one-line :class:`InputError`s naming the file and the place.

Each case writes a small generated file (empty, binary garbage, truncated, or well-formed with a bad
value: overlapping notes, no notes, more syllables than notes, an unknown phoneme, a negative or
absurd duration, mismatched list lengths...), reads it and turns it into model input. The error must
be an :class:`InputError` (what the command line prints as one line, never a traceback) whose
message starts with the file's path and names the note, segment, line or measure at fault.
"""

from __future__ import annotations

import io
import json
import re
import struct
import zipfile
from pathlib import Path
from typing import Any, Callable, Union

import mido
import pytest

from tts.errors import InputError
from tts.score import read, to_phoneme_input

GARBAGE = bytes(range(256)) * 4

# --------------------------------------------------------------------------- generators


def musicxml(body: str, attributes: str = "<divisions>1</divisions>", declaration: str = "") -> bytes:
    """One part (id P1), one measure (number 1) holding ``body``."""
    return (f'{declaration}<score-partwise><part-list><score-part id="P1"><part-name>Voice</part-name></score-part>'
            f'</part-list><part id="P1"><measure number="1"><attributes>{attributes}</attributes>{body}</measure>'
            f"</part></score-partwise>").encode()


def xml_note(step: str = "C", duration: str = "1", lyric: str = "la", octave: str = "4") -> str:
    text = f"<lyric number='1'><text>{lyric}</text></lyric>" if lyric else ""
    return (f"<note><pitch><step>{step}</step><octave>{octave}</octave></pitch>"
            f"<duration>{duration}</duration>{text}</note>")


GOOD_XML = musicxml(xml_note("C", lyric="你") + xml_note("D", lyric="好"))


def mxl(files: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=method) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def corrupt_deflate() -> bytes:
    """A .mxl whose compressed MusicXML bytes are damaged (the zip directory is intact)."""
    data = bytearray(mxl({"score.xml": GOOD_XML * 4}))
    header = 30 + len("score.xml")  # local file header + name; the deflate stream follows
    for i in range(header + 5, header + 25):
        data[i] ^= 0xFF
    return bytes(data)


def midi(*tracks: list[Any], ticks_per_beat: int = 480) -> bytes:
    song = mido.MidiFile(ticks_per_beat=ticks_per_beat, charset="utf-8")
    for messages in tracks:
        song.tracks.append(mido.MidiTrack(messages))
    buffer = io.BytesIO()
    song.save(file=buffer)
    return buffer.getvalue()


def on(key: int = 60, time: int = 0) -> mido.Message:
    return mido.Message("note_on", note=key, velocity=90, time=time)


def off(key: int = 60, time: int = 480) -> mido.Message:
    return mido.Message("note_off", note=key, time=time)


def lyric(text: str, time: int = 0) -> mido.MetaMessage:
    return mido.MetaMessage("lyrics", text=text, time=time)


GOOD_MIDI = midi([lyric("la"), on(), off(), lyric("lu"), on(62), off(62)])


def raw_midi(track: bytes) -> bytes:
    """A format-0 file with one hand-written track chunk (for events mido refuses to write)."""
    return b"MThd" + struct.pack(">IHHH", 6, 0, 1, 480) + b"MTrk" + struct.pack(">I", len(track)) + track


def ust(*notes: str, setting: str = "Tempo=120") -> bytes:
    """``[#SETTING]`` on lines 1-2; note section k (from 0) starts on line 3 + 4k with 3 key lines."""
    lines = ["[#SETTING]", setting]
    for k, body in enumerate(notes):
        lines += [f"[#{k:04d}]", *body.split(";")]
    return ("\n".join(lines) + "\n").encode()


def ust_note(length: str = "480", lyric: str = "la", key: str = "60") -> str:
    return f"Length={length};Lyric={lyric};NoteNum={key}"


def ustx(*notes: str, head: str = "") -> bytes:
    body = "".join(f"  - {{{n}}}\n" for n in notes)
    return f"{head}voice_parts:\n- name: v\n  track_no: 0\n  notes:\n{body}".encode()


def ustx_note(position: int = 0, duration: int = 480, tone: int = 60, lyric: str = "la") -> str:
    return f"position: {position}, duration: {duration}, tone: {tone}, lyric: {lyric}"


DS = {"text": "啦", "ph_seq": "SP l a SP", "ph_num": "2 1 1", "note_seq": "rest C4 rest",
      "note_dur": "0.2 0.4 0.2", "note_slur": "0 0 0", "ph_dur": "0.15 0.05 0.4 0.2"}


def ds(*changes: dict[str, Any]) -> bytes:
    """One segment per change (applied to :data:`DS`; ``None`` deletes a field), 2 s apart."""
    entries = []
    for k, change in enumerate(changes):
        entry = {"offset": 2.0 * k, **DS, **change}
        entries.append({key: value for key, value in entry.items() if value is not None})
    return json.dumps(entries, ensure_ascii=False).encode()


OPENCPOP_LINE = "1|啦|l a SP|C4 C4 rest|0.5 0.5 0.2|0.1 0.4 0.2|0 0 0"


def opencpop(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode()


# --------------------------------------------------------------------------- cases

Content = Union[bytes, Callable[[], bytes]]

EXTENSIONS = ["musicxml", "xml", "mxl", "mid", "midi", "ust", "ustx", "ds", "txt"]
GARBAGE_MESSAGE = {
    "musicxml": r"line 1, column 0: malformed XML", "xml": r"line 1, column 0: malformed XML",
    "mxl": r"not a compressed MusicXML \(\.mxl\) file", "mid": r"not a readable MIDI file",
    "midi": r"not a readable MIDI file", "ust": r"cannot tell the text encoding",
    "ustx": r"not a UTF-8 text file", "ds": r"not a UTF-8 text file", "txt": r"not a UTF-8 text file",
}

WHOLE_FILE = [
    *[pytest.param(f"empty.{e}", b"", r"the file is empty", id=f"empty-{e}") for e in EXTENSIONS],
    *[pytest.param(f"garbage.{e}", GARBAGE, GARBAGE_MESSAGE[e], id=f"garbage-{e}") for e in EXTENSIONS],
    pytest.param("cut.musicxml", GOOD_XML[: len(GOOD_XML) // 2], r"line 1, column \d+: malformed XML", id="cut-musicxml"),
    pytest.param("cut.mxl", lambda: mxl({"score.xml": GOOD_XML})[:60],
                 r"not a compressed MusicXML \(\.mxl\) file", id="cut-mxl"),
    pytest.param("cut.mid", GOOD_MIDI[:14], r"not a readable MIDI file \(it ends early", id="cut-mid-header-only"),
    pytest.param("cut.ust", ust(ust_note())[:-18], r"line 5: expected Key=Value, found 'Ly'", id="cut-ust"),
    pytest.param("cut.ustx", ustx(ustx_note())[:-10], r"line 5: not valid YAML", id="cut-ustx"),
    pytest.param("cut.ds", lambda: ds({})[:40], r"line 1, column \d+: not valid JSON", id="cut-ds"),
    pytest.param("cut.txt", opencpop(OPENCPOP_LINE[:20]), r"line 1: expected 7 '\|'-separated fields", id="cut-txt"),
]

MUSICXML = [
    pytest.param("overlap.musicxml", musicxml(xml_note("C", "4") + "<backup><duration>2</duration></backup>"
                                              + xml_note("D", "2")),
                 r"measure 1, note 2 overlaps measure 1, note 1", id="xml-overlapping-notes"),
    pytest.param("silent.musicxml", musicxml(""), r"the score has no notes", id="xml-no-notes"),
    pytest.param("neg.musicxml", musicxml(xml_note(duration="-1")),
                 r"part P1, measure 1, note 1: duration '-1' is not a length", id="xml-negative-duration"),
    pytest.param("long.musicxml", musicxml(xml_note(duration="100000")),
                 r"measure 1, note 1: a 50000\.0 s note is not plausible", id="xml-absurd-duration"),
    pytest.param("div.musicxml", musicxml(xml_note(), attributes="<divisions>0</divisions>"),
                 r"part P1, measure 1: divisions '0' is not a positive number", id="xml-zero-divisions"),
    pytest.param("bar.musicxml", musicxml(xml_note(), attributes="<divisions>1</divisions><time><beats>99999"
                                          "</beats><beat-type>4</beat-type></time>"),
                 r"part P1, measure 1: a time signature of 99999 beats per bar", id="xml-absurd-time-signature"),
    pytest.param("tempo.musicxml", musicxml("<direction><direction-type><metronome><beat-unit>quarter</beat-unit>"
                                            "<per-minute>0</per-minute></metronome></direction-type></direction>"
                                            + xml_note()),
                 r"measure 1: tempo 0 per minute is not a usable tempo", id="xml-zero-tempo"),
    pytest.param("high.musicxml", musicxml(xml_note(octave="99")),
                 r"measure 1, note 1: pitch 1200 is outside the MIDI range", id="xml-pitch-out-of-range"),
    pytest.param("step.musicxml", musicxml(xml_note(step="H")),
                 r"part P1, measure 1, note 1: 'H' is not a note name", id="xml-bad-step"),
    pytest.param("crowded.musicxml", musicxml(xml_note(lyric="你好")),
                 r"measure 1, note 1: lyric '你好' has 2 syllables on one note", id="xml-two-syllables-one-note"),
    pytest.param("encoding.musicxml", musicxml(xml_note(), declaration='<?xml version="1.0" encoding="nope"?>'),
                 r"line 1: malformed XML", id="xml-unknown-encoding"),
    pytest.param("empty.mxl", lambda: mxl({"readme.txt": b"hello"}), r"the \.mxl archive holds no MusicXML file",
                 id="mxl-without-musicxml"),
    pytest.param("broken.mxl", corrupt_deflate, r"broken \.mxl archive", id="mxl-corrupt-compressed-data"),
]

MIDI = [
    pytest.param("apart.mid", lambda: midi([lyric("la"), lyric("lu", 480)], [on(), off(), on(62, 0), off(62)]),
                 r"track 2, note 1 \(beat 0\): the notes of track 2 have no lyrics, but track 1 \(unnamed\) has "
                 r"lyric events", id="midi-lyrics-on-another-track"),
    pytest.param("late.mid", lambda: midi([lyric("la"), on(), off(), lyric("lu", 960)]),
                 r"track 1: lyric 'lu' at beat 3 is on no note", id="midi-lyric-on-no-note"),
    pytest.param("crowded.mid", lambda: midi([lyric("你"), lyric("好"), on(), off()]),
                 r"track 1, note 1 \(beat 0\): lyric '你好' has 2 syllables on one note",
                 id="midi-more-syllables-than-notes"),
    pytest.param("bare.mid", lambda: midi([on(), off()]),
                 r"track 1, note 1 \(beat 0\): the note has no lyric", id="midi-note-without-lyric"),
    pytest.param("chord.mid", lambda: midi([lyric("la"), on(60), on(64, 240), off(60, 240), off(64, 0)]),
                 r"track 1, note 2 \(beat 0\.5\) overlaps track 1, note 1 \(beat 0\)", id="midi-overlapping-notes"),
    pytest.param("tempo.mid", lambda: midi([mido.MetaMessage("set_tempo", tempo=0), lyric("la"), on(), off()]),
                 r"track 1: set_tempo at beat 0 gives 0 microseconds per beat", id="midi-zero-tempo"),
    pytest.param("long.mid", lambda: midi([lyric("la"), on(), off(time=480 * 1000)]),
                 r"track 1, note 1 \(beat 0\): a 500\.0 s note is not plausible", id="midi-absurd-duration"),
    pytest.param("far.mid", lambda: midi([lyric("la", 480 * 20000), on(), off()]),
                 r"track 1, note 1 \(beat 20000\): starts 10000 s into the song", id="midi-absurd-onset"),
    pytest.param("key.mid", raw_midi(b"\x00\xff\x59\x02\x56\x6f\x00\xff\x2f\x00"),
                 r"not a readable MIDI file \(Could not decode key", id="midi-corrupt-key-signature"),
    pytest.param("smpte.midi", raw_midi(b"\x00\xff\x2f\x00").replace(b"\x01\xe0", b"\xe7\x28"),
                 r"SMPTE timing is not supported", id="midi-smpte"),
]

UST = [
    pytest.param("zero.ust", ust(ust_note(), ust_note(length="0")),
                 r"line 7 \[#0001\]: Length 0 is not a positive number of ticks", id="ust-length-0"),
    pytest.param("neg.ust", ust(ust_note(length="-480")),
                 r"line 3 \[#0000\]: Length -480 is not a positive number of ticks", id="ust-negative-length"),
    pytest.param("nan.ust", ust(ust_note(length="nan")),
                 r"line 3 \[#0000\]: Length nan is not a positive number of ticks", id="ust-nan-length"),
    pytest.param("inf.ust", ust(ust_note(length="inf")),
                 r"line 3 \[#0000\]: Length inf is not a positive number of ticks", id="ust-infinite-length"),
    pytest.param("long.ust", ust(ust_note(length="48000000")),
                 r"line 3 \[#0000\]: a 50000\.0 s note is not plausible", id="ust-absurd-length"),
    pytest.param("far.ust", ust(ust_note(length="48000000", lyric="R"), ust_note()),
                 r"line 7 \[#0001\]: starts 50000 s into the song", id="ust-absurd-rest"),
    pytest.param("high.ust", ust(ust_note(key="200")),
                 r"line 3 \[#0000\]: NoteNum 200 is outside the MIDI range", id="ust-notenum-200"),
    pytest.param("low.ust", ust(ust_note(key="-5")),
                 r"line 3 \[#0000\]: NoteNum -5 is outside the MIDI range", id="ust-notenum-negative"),
    pytest.param("nokey.ust", ust("Length=480;Lyric=la"), r"line 3 \[#0000\]: missing NoteNum", id="ust-missing-notenum"),
    pytest.param("tempo.ust", ust(ust_note(), ust_note() + ";Tempo=0"),
                 r"line 11 \[#0001\]: Tempo 0 is not a usable tempo", id="ust-zero-tempo"),
    pytest.param("crowded.ust", ust(ust_note(lyric="你好")),
                 r"line 3 \[#0000\]: lyric '你好' has 2 syllables on one note", id="ust-two-syllables-one-note"),
    pytest.param("word.ust", ust(ust_note(lyric="hello")),
                 r"line 3 \[#0000\]: lyric 'hello' is neither a Chinese character nor a pinyin syllable",
                 id="ust-unknown-lyric"),
    pytest.param("rests.ust", ust(ust_note(lyric="R")), r"the score has no notes", id="ust-only-rests"),
    pytest.param("bom.ust", b"\xef\xbb\xbf[#SETTING]\nTempo=120\n\xff\xfe\n",
                 r"line 3: not valid UTF-8 although the file starts with a UTF-8 byte-order mark", id="ust-bad-utf8-bom"),
]

USTX = [
    pytest.param("zero.ustx", ustx(ustx_note(duration=0)),
                 r"voice part 'v', note 1: duration 0 is not positive", id="ustx-zero-duration"),
    pytest.param("neg.ustx", ustx(ustx_note(), ustx_note(480, duration=-5)),
                 r"voice part 'v', note 2: duration -5 is not positive", id="ustx-negative-duration"),
    pytest.param("long.ustx", ustx(ustx_note(duration=99999999)),
                 r"voice part 'v', note 1: a 104166\.7 s note is not plausible", id="ustx-absurd-duration"),
    pytest.param("early.ustx", ustx(ustx_note(position=-960)),
                 r"voice part 'v', note 1: starts at tick -960, before the song's start", id="ustx-negative-position"),
    pytest.param("overlap.ustx", ustx(ustx_note(duration=960), ustx_note(480)),
                 r"voice part 'v', note 2 overlaps voice part 'v', note 1", id="ustx-overlapping-notes"),
    pytest.param("high.ustx", ustx(ustx_note(tone=999)),
                 r"voice part 'v', note 1: tone 999 is outside the MIDI range", id="ustx-tone-out-of-range"),
    pytest.param("tone.ustx", ustx("position: 0, duration: 480, tone: C4"),
                 r"voice part 'v', note 1 tone 'C4' is not a whole number", id="ustx-tone-not-a-number"),
    pytest.param("tempo.ustx", ustx(ustx_note(), head="tempos:\n- {position: 0, bpm: 0}\n"),
                 r"tempo 1: bpm 0 is not a usable tempo", id="ustx-zero-tempo"),
    pytest.param("crowded.ustx", ustx(ustx_note(lyric="你好")),
                 r"voice part 'v', note 1: lyric '你好' has 2 syllables on one note", id="ustx-two-syllables-one-note"),
    pytest.param("silent.ustx", b"voice_parts:\n- name: v\n  notes: []\n", r"the project has no notes", id="ustx-no-notes"),
    pytest.param("list.ustx", b"- 1\n- 2\n", r"not an OpenUtau project", id="ustx-not-a-mapping"),
    pytest.param("deep.ustx", b"[" * 5000, r"(nested too deeply|not valid YAML)", id="ustx-deeply-nested"),
]

DS_CASES = [
    pytest.param("text.ds", b"ph_seq: SP a SP\n", r"line 1, column 1: not valid JSON", id="ds-not-json"),
    pytest.param("deep.ds", b"[" * 100000, r"not a \.ds file \(JSON nested too deeply\)", id="ds-deeply-nested"),
    pytest.param("number.ds", b"42", r"segment 1: expected a JSON object, found int", id="ds-not-an-object"),
    pytest.param("none.ds", b"[]", r"the \.ds file holds no segments", id="ds-no-segments"),
    pytest.param("short.ds", lambda: ds({}, {"note_dur": "0.2 0.4"}),
                 r"segment 2: note_dur has 2 values but note_seq has 3", id="ds-note_dur-shorter-than-note_seq"),
    pytest.param("long.ds", lambda: ds({"note_dur": "0.2 0.4 0.2 0.3"}),
                 r"segment 1: note_dur has 4 values but note_seq has 3", id="ds-note_dur-longer-than-note_seq"),
    pytest.param("phdur.ds", lambda: ds({"ph_dur": "0.1 0.1"}),
                 r"segment 1: ph_dur has 2 values but ph_seq has 4", id="ds-ph_dur-vs-ph_seq"),
    pytest.param("slur.ds", lambda: ds({"note_slur": "0 0"}),
                 r"segment 1: note_slur must hold one 0 or 1 per note \(3\)", id="ds-note_slur-vs-note_seq"),
    pytest.param("glide.ds", lambda: ds({"note_glide": "none up"}),
                 r"segment 1: note_glide must hold one of none/up/down per note \(3\)", id="ds-note_glide-vs-note_seq"),
    pytest.param("phone.ds", lambda: ds({}, {"ph_seq": "SP l zz SP"}),
                 r"segment 2: phoneme 3 'zz' is not in the phoneme inventory", id="ds-unknown-phoneme"),
    pytest.param("words.ds", lambda: ds({"ph_num": "1 1 1 1"}),
                 r"segment 1: ph_num has 4 words but note_seq has 3 notes", id="ds-more-syllables-than-notes"),
    pytest.param("sum.ds", lambda: ds({"ph_num": "2 1 2"}),
                 r"segment 1: ph_num adds up to 5 but ph_seq has 4 phonemes", id="ds-ph_num-vs-ph_seq"),
    pytest.param("empty_word.ds", lambda: ds({"ph_num": "3 0 1"}),
                 r"segment 1: ph_num word 2 has 0 phonemes", id="ds-ph_num-zero"),
    pytest.param("per_phone.ds", lambda: ds({"ph_num": None, "note_seq": "rest C4 D4 rest",
                                             "note_dur": "0.2 0.4 0.4 0.2", "note_slur": None}),
                 r"segment 1: phoneme 3 \('a'\) has a different note or note duration than its initial 'l'",
                 id="ds-per-phoneme-notes-disagree"),
    pytest.param("negdur.ds", lambda: ds({"note_dur": "0.2 -0.4 0.2"}),
                 r"segment 1: note_dur value 2 \(-0\.4 s\) is not a usable duration", id="ds-negative-note_dur"),
    pytest.param("hugedur.ds", lambda: ds({}, {"note_dur": "0.2 1e9 0.2"}),
                 r"segment 2: note_dur value 2 \(1e\+09 s\) is not a usable duration", id="ds-absurd-note_dur"),
    pytest.param("zerodur.ds", lambda: ds({"ph_dur": "0.15 0 0.4 0.2"}),
                 r"segment 1: ph_dur value 2 \(0 s\) is not a usable duration", id="ds-zero-ph_dur"),
    pytest.param("nandur.ds", lambda: ds({"ph_dur": "0.15 NaN 0.4 0.2"}),
                 r"segment 1: ph_dur value 2 is 'NaN'", id="ds-nan-ph_dur"),
    pytest.param("negoff.ds", lambda: ds({"offset": -1}), r"segment 1: offset -1 s is negative", id="ds-negative-offset"),
    pytest.param("faroff.ds", lambda: ds({"offset": 1e300}),
                 r"segment 1: offset 1e\+300 s is not plausible", id="ds-absurd-offset"),
    pytest.param("note.ds", lambda: ds({"note_seq": "rest H4 rest"}),
                 r"segment 1: note 2: not a note name: 'H4'", id="ds-bad-note-name"),
    pytest.param("f0.ds", lambda: ds({"f0_seq": "100 -5", "f0_timestep": 0.01}),
                 r"segment 1: f0_seq value 2 \(-5 Hz\) is not a singing pitch", id="ds-negative-f0"),
]

OPENCPOP = [
    pytest.param("neg.txt", opencpop(OPENCPOP_LINE, "2|啦|l a SP|C4 C4 rest|0.5 0.5 0.2|-0.1 0.4 0.2|0 0 0"),
                 r"line 2: phone_durs value 1 \(-0\.1\) is not a usable duration", id="txt-negative-duration"),
    pytest.param("huge.txt", opencpop("1|啦|l a SP|C4 C4 rest|1e9 1e9 0.2|0.1 0.4 0.2|0 0 0"),
                 r"line 1: note_durs value 1 \(1e9\) is not a usable duration", id="txt-absurd-duration"),
    pytest.param("nan.txt", opencpop("1|啦|l a SP|C4 C4 rest|nan nan 0.2|0.1 0.4 0.2|0 0 0"),
                 r"line 1: note_durs value 1 \(nan\) is not a usable duration", id="txt-nan-duration"),
    pytest.param("phone.txt", opencpop("1|啦|l zz SP|C4 C4 rest|0.5 0.5 0.2|0.1 0.4 0.2|0 0 0"),
                 r"line 1: .*'zz' is not in the phoneme inventory", id="txt-unknown-phoneme"),
    pytest.param("counts.txt", opencpop(OPENCPOP_LINE, "2|啦啦|l a l a SP|C4 C4 rest|0.5 0.5 0.2|0.1 0.4 0.2|0 0 0"),
                 r"line 2: the per-phoneme fields have different counts \(phonemes 5, notes 3",
                 id="txt-more-phonemes-than-notes"),
    pytest.param("note.txt", opencpop("1|啦|l a SP|C4 D4 rest|0.5 0.5 0.2|0.1 0.4 0.2|0 0 0"),
                 r"line 1 \(1\): phoneme 2 \('a'\) has a different note", id="txt-syllable-notes-disagree"),
    pytest.param("slur.txt", opencpop("1|啦|l a SP|C4 C4 rest|0.5 0.5 0.2|0.1 0.4 0.2|0 0 2"),
                 r"line 1: slur 3 is '2', not 0 or 1", id="txt-bad-slur"),
    pytest.param("comments.txt", opencpop("# nothing here"), r"no Opencpop lines in the file", id="txt-no-lines"),
]


@pytest.mark.parametrize("name, content, message", WHOLE_FILE + MUSICXML + MIDI + UST + USTX + DS_CASES + OPENCPOP)
def test_bad_score_names_the_file_and_the_place(tmp_path: Path, name: str, content: Content, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content() if callable(content) else content)
    with pytest.raises(InputError) as caught:
        to_phoneme_input(read(path))
    text = str(caught.value)
    assert text.startswith(f"{path}: "), text
    assert "\n" not in text, text
    assert re.search(message, text), text


def test_ust_fractional_lengths_do_not_drift(tmp_path: Path) -> None:
    """A fractional Length once advanced the next note by whole ticks only, so the notes 'overlapped'."""
    path = tmp_path / "frac.ust"
    path.write_bytes(ust(ust_note(length="240.5"), ust_note(lyric="lu")))
    notes = read(path).notes
    assert [n.onset_beats for n in notes] == [0.0, 240.5 / 480]
