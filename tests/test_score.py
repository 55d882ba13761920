"""Score readers on generated files: MusicXML (music21), MIDI (mido), UST, USTX, .ds, Opencpop lines.

Each test writes a small file, reads it and checks exact onsets / durations in seconds, the
lyrics or phonemes, and the error message of a malformed variant.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional

import mido
import pytest

from tts.errors import InputError
from tts.registry import SCORE_READERS
from tts.score import read, to_phoneme_input
from tts.score.notes import midi_to_name, name_to_midi
from tts.score.ust import decode_ust


def timing(score: Any) -> list[tuple[float, float, float, str]]:
    """(onset s, duration s, MIDI pitch, lyric) of every note, rounded to µs."""
    return [(round(n.onset, 6), round(n.duration, 6), n.pitch, n.lyric) for n in score.notes]


# --------------------------------------------------------------------------- MusicXML


def write_musicxml(path: Path, *, lyric_2: str = "好", with_piano: bool = False) -> Path:
    """Pickup (1 beat) at 120 BPM, a tie, a rest, a tempo change to 60 BPM, a melisma."""
    from music21 import meter, note, stream, tempo, tie

    score = stream.Score()
    if with_piano:
        piano = stream.Part()
        piano.partName = "Piano"
        piano.append(note.Note("C3", quarterLength=9))
        score.insert(0, piano)
    part = stream.Part()
    part.partName = "Voice"
    pickup = stream.Measure(number=0)
    pickup.paddingLeft = 3.0  # an anacrusis: one beat of a 4/4 bar
    pickup.append(meter.TimeSignature("4/4"))
    pickup.append(tempo.MetronomeMark(number=120))
    first = note.Note("G4", quarterLength=1)
    first.lyric = "你"
    pickup.append(first)
    bar1 = stream.Measure(number=1)
    held = note.Note("C5", quarterLength=2)
    held.lyric = lyric_2
    held.tie = tie.Tie("start")
    rest_of_it = note.Note("C5", quarterLength=1)
    rest_of_it.tie = tie.Tie("stop")
    bar1.append([held, rest_of_it, note.Rest(quarterLength=1)])
    bar2 = stream.Measure(number=2)
    bar2.insert(0, tempo.MetronomeMark(number=60))
    shi = note.Note("D5", quarterLength=1)
    shi.lyric = "世"
    slurred = note.Note("E5", quarterLength=1)  # no lyric: the extender continues 世
    jie = note.Note("F5", quarterLength=2)
    jie.lyric = "界"
    bar2.append([shi, slurred, jie])
    part.append([pickup, bar1, bar2])
    score.insert(0, part)
    fmt = "mxl" if path.suffix == ".mxl" else "musicxml"
    written = Path(score.write(fmt, fp=str(path)))
    assert written == path and path.is_file()
    return path


EXPECTED_XML = [
    (0.0, 0.5, 67.0, "你"),  # pickup beat at 120 BPM
    (0.5, 1.5, 72.0, "好"),  # half + quarter tied = 3 beats
    (2.0, 0.5, 0.0, ""),  # rest
    (2.5, 1.0, 74.0, "世"),  # 60 BPM from beat 5
    (3.5, 1.0, 76.0, ""),  # melisma note
    (4.5, 2.0, 77.0, "界"),
]


@pytest.mark.parametrize("name", ["song.musicxml", "song.xml", "song.mxl"])
def test_musicxml_pickup_tie_rest_tempo_melisma(tmp_path: Path, name: str) -> None:
    score = read(write_musicxml(tmp_path / name))
    assert score.format == "musicxml" and score.part == "Voice"
    assert timing(score) == EXPECTED_XML
    assert [n.onset_beats for n in score.notes] == [0, 1, 4, 5, 6, 7]
    assert [c.bpm for c in score.tempo.changes] == [120, 60]
    assert score.notes[1].tied and score.notes[4].slur and not score.notes[3].slur
    assert score.notes[0].where == "measure 0, note 1"
    (segment,) = to_phoneme_input(score)
    assert segment.input.phonemes == ["n", "i", "h", "ao", "SP", "sh", "ir", "ir", "j", "ie", "SP"]
    assert segment.input.note_pitch == [67, 67, 72, 72, 0, 74, 74, 76, 77, 77, 0]
    assert segment.input.ph_dur is None and segment.offset == 0.0


def test_musicxml_picks_the_part_with_lyrics(tmp_path: Path) -> None:
    path = write_musicxml(tmp_path / "duet.musicxml", with_piano=True)
    assert read(path).part == "Voice"
    piano = read(path, part="piano")
    assert piano.part == "Piano" and [n.pitch for n in piano.notes] == [48.0]
    with pytest.raises(InputError, match="no part 'Bass'.*Piano, Voice"):
        read(path, part="Bass")


def test_musicxml_malformed(tmp_path: Path) -> None:
    good = write_musicxml(tmp_path / "good.musicxml").read_text(encoding="utf-8")
    truncated = tmp_path / "truncated.musicxml"
    truncated.write_text(good[: len(good) // 2], encoding="utf-8")
    with pytest.raises(InputError, match=r"truncated\.musicxml: line \d+, column \d+: malformed XML"):
        read(truncated)
    bad_step = tmp_path / "bad_step.musicxml"
    bad_step.write_text(good.replace("<step>D</step>", "<step>H</step>"), encoding="utf-8")
    with pytest.raises(InputError, match=r"bad_step\.musicxml: part P\w*, measure 2, note 1: 'H' is not a note name"):
        read(bad_step)
    not_a_score = tmp_path / "other.xml"
    not_a_score.write_text("<html><body/></html>", encoding="utf-8")
    with pytest.raises(InputError, match="not a MusicXML score"):
        read(not_a_score)


def test_musicxml_two_syllables_on_one_note(tmp_path: Path) -> None:
    score = read(write_musicxml(tmp_path / "crowded.musicxml", lyric_2="好呀"))
    with pytest.raises(InputError, match=r"crowded\.musicxml: measure 1, note 1: lyric '好呀' has 2 syllables"):
        to_phoneme_input(score)


# --------------------------------------------------------------------------- MIDI


def write_midi(path: Path, notes: list[tuple[int, int, int, Optional[str]]], tempos: list[tuple[int, float]],
               lyric_type: str = "lyrics") -> Path:
    """Type-1 file: tempo track + a vocal track; notes are (start tick, length ticks, key, lyric)."""
    midi = mido.MidiFile(ticks_per_beat=480, charset="utf-8")
    conductor = mido.MidiTrack()
    tick = 0
    for at, bpm in tempos:
        conductor.append(mido.MetaMessage("set_tempo", tempo=mido.bpm2tempo(bpm), time=at - tick))
        tick = at
    vocal = mido.MidiTrack([mido.MetaMessage("track_name", name="Vocal", time=0)])
    tick = 0
    for start, length, key, lyric in notes:
        if lyric is not None:
            vocal.append(mido.MetaMessage(lyric_type, text=lyric, time=start - tick))
            tick = start
        vocal.append(mido.Message("note_on", note=key, velocity=90, time=start - tick))
        vocal.append(mido.Message("note_off", note=key, velocity=0, time=length))
        tick = start + length
    midi.tracks += [conductor, vocal]
    midi.save(str(path))
    return path


def test_midi_lyrics_tempo_change_and_gap(tmp_path: Path) -> None:
    notes = [(0, 480, 60, "你"), (480, 480, 62, "好"), (1440, 480, 64, "世"), (1920, 240, 65, "-"),
             (2160, 240, 67, "界")]
    path = write_midi(tmp_path / "song.mid", notes, tempos=[(0, 120), (1440, 60)])
    score = read(path)
    assert score.format == "midi" and score.part == "Vocal"
    assert timing(score) == [
        (0.0, 0.5, 60.0, "你"), (0.5, 0.5, 62.0, "好"), (1.0, 0.5, 0.0, ""),  # gap → rest
        (1.5, 1.0, 64.0, "世"), (2.5, 0.5, 65.0, "-"), (3.0, 0.5, 67.0, "界"),  # 60 BPM from beat 3
    ]
    (segment,) = to_phoneme_input(score)
    assert segment.input.phonemes == ["n", "i", "h", "ao", "SP", "sh", "ir", "ir", "j", "ie", "SP"]


def test_midi_text_events_as_lyrics(tmp_path: Path) -> None:
    path = write_midi(tmp_path / "text.mid", [(0, 480, 60, "la"), (480, 480, 62, "lu")], [(0, 90)],
                      lyric_type="text")
    assert [n.lyric for n in read(path).notes] == ["la", "lu"]


def test_midi_errors(tmp_path: Path) -> None:
    empty = mido.MidiFile()
    empty.tracks.append(mido.MidiTrack([mido.MetaMessage("set_tempo", tempo=500000, time=0)]))
    empty.save(str(tmp_path / "empty.mid"))
    with pytest.raises(InputError, match=r"empty\.mid: the MIDI file has no notes"):
        read(tmp_path / "empty.mid")
    good = write_midi(tmp_path / "good.mid", [(0, 480, 60, "a")], [(0, 120)])
    (tmp_path / "cut.mid").write_bytes(good.read_bytes()[:30])
    with pytest.raises(InputError, match=r"cut\.mid: not a readable MIDI file"):
        read(tmp_path / "cut.mid")
    overlapping = mido.MidiFile(ticks_per_beat=480)
    overlapping.tracks.append(mido.MidiTrack([
        mido.Message("note_on", note=60, velocity=90, time=0), mido.Message("note_on", note=64, velocity=90, time=480),
        mido.Message("note_off", note=60, time=480), mido.Message("note_off", note=64, time=480)]))
    chord = tmp_path / "chord.mid"
    overlapping.save(str(chord))
    with pytest.raises(InputError, match=r"chord\.mid: track 1, note 2 \(beat 1\) overlaps track 1, note 1"):
        read(chord)


# --------------------------------------------------------------------------- UST


def ust_text(notes: list[tuple[int, str, int]], tempo: float = 120.0, extra: str = "") -> str:
    lines = ["[#VERSION]", "UST Version1.2", "[#SETTING]", f"Tempo={tempo:.2f}", "Tracks=1", "ProjectName=test"]
    for k, (length, lyric, key) in enumerate(notes):
        lines += [f"[#{k:04d}]", f"Length={length}", f"Lyric={lyric}", f"NoteNum={key}", "Intensity=100"]
        if k == 2 and extra:
            lines.append(extra)
    lines.append("[#TRACKEND]")
    return "\r\n".join(lines) + "\r\n"


@pytest.mark.parametrize("encoding, lyrics", [
    ("gbk", ["你", "好", "R", "世", "界"]),
    ("shift_jis", ["あ", "か", "R", "さ", "た"]),
    ("shift_jis", ["世", "界", "R", "上", "下"]),  # kanji only: common Chinese characters decide
    ("utf-8", ["你", "好", "R", "世", "界"]),
])
def test_ust_encodings(tmp_path: Path, encoding: str, lyrics: list[str]) -> None:
    notes = [(480, lyric, 60 + k) for k, lyric in enumerate(lyrics)]
    path = tmp_path / "song.ust"
    path.write_bytes(ust_text(notes).encode(encoding))
    text, used = decode_ust(path.read_bytes(), str(path))
    assert used == encoding
    score = read(path)
    assert [n.lyric for n in score.notes] == [lyric if lyric != "R" else "" for lyric in lyrics]
    assert [n.onset for n in score.notes] == [0.0, 0.5, 1.0, 1.5, 2.0]


def test_ust_tempo_change_and_phonemes(tmp_path: Path) -> None:
    notes = [(480, "你", 60), (960, "好", 62), (240, "R", 60), (480, "shi", 64), (480, "-", 65)]
    path = tmp_path / "tempo.ust"
    path.write_text(ust_text(notes, tempo=120, extra="Tempo=60.00"), encoding="utf-8")
    score = read(path)
    # the third note (a rest) switches to 60 BPM: 240 ticks = 0.25 s, then 480 ticks = 1 s
    assert timing(score) == [(0.0, 0.5, 60.0, "你"), (0.5, 1.0, 62.0, "好"), (1.5, 0.5, 0.0, ""),
                             (2.0, 1.0, 64.0, "shi"), (3.0, 1.0, 65.0, "-")]
    (segment,) = to_phoneme_input(score)
    assert segment.input.phonemes == ["n", "i", "h", "ao", "SP", "sh", "ir", "ir", "SP"]


def test_ust_malformed(tmp_path: Path) -> None:
    path = tmp_path / "bad.ust"
    path.write_text("[#SETTING]\nTempo=120\n[#0000]\nLyric=a\nNoteNum=60\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.ust: line 3 \[#0000\]: missing Length"):
        read(path)
    path.write_text("[#SETTING]\nTempo=120\n[#0000]\nLength=480\nLyric=a\nNoteNum=C4\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.ust: line 6 \[#0000\]: NoteNum='C4' is not a number"):
        read(path)
    path.write_text("Tempo=120\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"line 1: expected a \[#SECTION\] header"):
        read(path)


# --------------------------------------------------------------------------- USTX


USTX = """\
name: test song
ustx_version: '0.6'
resolution: 480
bpm: 120
tempos:
- position: 0
  bpm: 120
- position: 1920
  bpm: 60
tracks:
- singer: ''
  phonemizer: OpenUtau.Core.DefaultPhonemizer
voice_parts:
- name: Verse
  track_no: 0
  position: 480
  notes:
  - {position: 0, duration: 480, tone: 60, lyric: 你}
  - {position: 480, duration: 480, tone: 62, lyric: 好}
  - {position: 960, duration: 480, tone: 64, lyric: +~}
  - {position: 1920, duration: 480, tone: 65, lyric: shi}
- name: Harmony
  track_no: 1
  position: 0
  notes:
  - {position: 0, duration: 1920, tone: 48, lyric: a}
"""


def test_ustx_voice_part_position_tempos_melisma(tmp_path: Path) -> None:
    path = tmp_path / "song.ustx"
    path.write_text(USTX, encoding="utf-8")
    score = read(path)
    assert score.title == "test song" and score.part == "Verse"
    assert timing(score) == [(0.0, 0.5, 0.0, ""), (0.5, 0.5, 60.0, "你"), (1.0, 0.5, 62.0, "好"),
                             (1.5, 0.5, 64.0, "+~"), (2.0, 1.0, 0.0, ""), (3.0, 1.0, 65.0, "shi")]
    verse, tail = to_phoneme_input(score)  # the 1 s rest splits the song
    assert verse.input.phonemes == ["SP", "n", "i", "h", "ao", "ao", "SP"] and verse.offset == pytest.approx(0.2)
    assert tail.input.phonemes == ["SP", "sh", "ir", "SP"] and tail.offset == pytest.approx(2.7)
    harmony = read(path, part="2")
    assert [n.pitch for n in harmony.notes] == [48.0] and harmony.part == "Harmony"


def test_ustx_malformed(tmp_path: Path) -> None:
    path = tmp_path / "bad.ustx"
    path.write_text(USTX.replace("tone: 62, ", ""), encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.ustx: voice part 'Verse', note 2: missing field 'tone'"):
        read(path)
    path.write_text("voice_parts: [\n  {position: 0\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.ustx: line \d+: not valid YAML"):
        read(path)


# --------------------------------------------------------------------------- DiffSinger .ds


PHRASE = {"text": "啦啦", "ph_seq": "SP l a l a SP", "ph_num": "2 2 1 1", "note_seq": "rest C4 D4 rest",
          "note_dur": "0.2 0.4 0.4 0.2", "note_slur": "0 0 0 0", "ph_dur": "0.15 0.05 0.35 0.05 0.4 0.2",
          "f0_seq": "0 261.6 261.6 293.7 293.7 0", "f0_timestep": "0.2", "seed": 7, "lang": "zh",
          "energy": "0.1 0.2 0.3", "energy_timestep": "0.4"}
MELISMA = {"text": "你", "ph_seq": "SP n i SP", "ph_num": "2 1 1", "note_seq": "rest E4 G4+50 rest",
           "note_dur": "0.3 0.5 0.5 0.3", "note_slur": "0 0 1 0", "note_glide": "none up none none"}


def write_ds(path: Path, *segments: dict[str, Any]) -> Path:
    path.write_text(json.dumps(list(segments), ensure_ascii=False), encoding="utf-8")
    return path


def test_ds_two_segments_with_and_without_ph_dur(tmp_path: Path) -> None:
    score = read(write_ds(tmp_path / "song.ds", {"offset": 3.0, **MELISMA}, {"offset": 0.5, **PHRASE}))
    first, second = score.segments  # sorted by offset
    assert first.offset == 0.5 and second.offset == 3.0
    assert [(round(n.onset, 6), n.duration, n.pitch) for n in first.notes] == [
        (0.5, 0.2, 0.0), (0.7, 0.4, 60.0), (1.1, 0.4, 62.0), (1.5, 0.2, 0.0)]
    assert [n.lyric for n in first.notes] == ["", "啦", "啦", ""]
    assert first.extras == {"seed": 7, "lang": "zh"} and first.curves["energy"].timestep == 0.4
    assert second.notes[2].slur and second.notes[2].pitch == 67.5 and second.notes[1].glide == "up"
    seg_a, seg_b = to_phoneme_input(score)
    assert seg_a.offset == 0.5 and seg_a.input.phonemes == ["SP", "l", "a", "l", "a", "SP"]
    assert seg_a.input.note_pitch == [0, 60, 60, 62, 62, 0]  # an initial sings its own syllable's note
    assert seg_a.input.ph_dur == [0.15, 0.05, 0.35, 0.05, 0.4, 0.2]
    assert seg_a.f0 is not None and seg_a.f0.timestep == 0.2 and list(seg_a.f0.hz) == [0, 261.6, 261.6, 293.7, 293.7, 0]
    # no ph_dur: left for the model; the vowel held over the slurred note is repeated on it
    assert seg_b.input.phonemes == ["SP", "n", "i", "i", "SP"] and seg_b.input.ph_dur is None
    assert seg_b.input.note_pitch == [0, 64, 64, 67.5, 0] and seg_b.input.note_dur == [0.3, 0.5, 0.5, 0.5, 0.3]
    assert seg_b.f0 is None


def test_ds_key_shift_and_tempo(tmp_path: Path) -> None:
    score = read(write_ds(tmp_path / "song.ds", {"offset": 1.0, **PHRASE}))
    (segment,) = to_phoneme_input(score, key_shift=12, tempo=2.0)
    assert segment.offset == 0.5
    assert segment.input.note_pitch == [0, 72, 72, 74, 74, 0]
    assert segment.input.ph_dur == pytest.approx([0.075, 0.025, 0.175, 0.025, 0.2, 0.1])
    assert segment.f0 is not None and segment.f0.timestep == 0.1
    assert segment.f0.hz[1] == pytest.approx(2 * 261.6)


def test_ds_melisma_vowel_cut_at_the_note_boundary(tmp_path: Path) -> None:
    score = read(write_ds(tmp_path / "m.ds", {"offset": 0.0, **MELISMA, "ph_dur": "0.25 0.05 1.0 0.3"}))
    (segment,) = to_phoneme_input(score)
    assert segment.input.phonemes == ["SP", "n", "i", "i", "SP"]
    assert segment.input.ph_dur == pytest.approx([0.25, 0.05, 0.5, 0.5, 0.3])


def test_ds_single_object_per_phoneme_layout(tmp_path: Path) -> None:
    entry = {"offset": 0.0, "ph_seq": "SP h ao ao SP", "note_seq": "rest C4 C4 E4 rest",
             "note_dur": "0.2 0.5 0.5 0.4 0.2", "note_slur": "0 0 0 1 0", "ph_dur": "0.2 0.1 0.4 0.4 0.2"}
    (tmp_path / "old.ds").write_text(json.dumps(entry), encoding="utf-8")
    score = read(tmp_path / "old.ds")
    assert [(round(n.onset, 6), n.pitch, n.slur) for n in score.notes] == [
        (0.0, 0.0, False), (0.2, 60.0, False), (0.7, 64.0, True), (1.1, 0.0, False)]
    (segment,) = to_phoneme_input(score)
    assert segment.input.note_pitch == [0, 60, 60, 64, 0]


@pytest.mark.parametrize("change, message", [
    ({"ph_seq": "SP l qq l a SP"}, r"segment 1: phoneme 3 'qq' is not in the phoneme inventory"),
    ({"note_seq": "rest C4 H4 rest"}, r"segment 1: note 3: not a note name: 'H4'"),
    ({"note_dur": "0.2 -0.4 0.4 0.2"}, r"segment 1: note_dur value 2 \(-0.4 s\) is not a usable duration"),
    ({"ph_dur": "0.15 0.05 0.35 0.05 0.4"}, r"segment 1: ph_dur has 5 values but ph_seq has 6"),
    ({"ph_num": "2 2 2"}, r"segment 1: ph_num has 3 words but note_seq has 4"),
    ({"f0_timestep": None}, r"segment 1: f0 is given without 'f0_timestep'"),
])
def test_ds_bad_fields(tmp_path: Path, change: dict[str, Any], message: str) -> None:
    entry = {"offset": 0.0, **PHRASE, **change}
    entry = {k: v for k, v in entry.items() if v is not None}
    with pytest.raises(InputError, match=r"bad\.ds: " + message):
        read(write_ds(tmp_path / "bad.ds", entry))


def test_ds_missing_field_and_truncated(tmp_path: Path) -> None:
    second = {k: v for k, v in MELISMA.items() if k != "note_seq"}
    with pytest.raises(InputError, match=r"bad\.ds: segment 2: missing field 'note_seq'"):
        read(write_ds(tmp_path / "bad.ds", {"offset": 0.0, **PHRASE}, {"offset": 2.0, **second}))
    (tmp_path / "cut.ds").write_text('[{"offset": 0.0,\n "ph_seq": ', encoding="utf-8")
    with pytest.raises(InputError, match=r"cut\.ds: line 2, column \d+: not valid JSON"):
        read(tmp_path / "cut.ds")


# --------------------------------------------------------------------------- Opencpop lines


OPENCPOP = (
    "2002000043|疯狂|f eng k uang SP|D#4/Eb4 D#4/Eb4 D4 D4 rest|0.6 0.6 0.7 0.7 0.3|0.16 0.44 0.1 0.6 0.3|0 0 0 0 0\n"
    "2002000044|啊|AP a a SP|rest A3 C4 rest|0.2 0.5 0.4 0.1|0.2 0.5 0.4 0.1|0 0 1 0\n"
)


def test_opencpop_lines(tmp_path: Path) -> None:
    path = tmp_path / "transcriptions.txt"
    path.write_text(OPENCPOP, encoding="utf-8")
    score = read(path)
    assert [s.offset for s in score.segments] == [0.0, pytest.approx(1.6)]
    assert [(round(n.onset, 6), n.duration, n.pitch, n.lyric) for n in score.segments[0].notes] == [
        (0.0, 0.6, 63.0, "疯"), (0.6, 0.7, 62.0, "狂"), (1.3, 0.3, 0.0, "")]
    assert [n.slur for n in score.segments[1].notes] == [False, False, True, False]
    first, second = to_phoneme_input(score)
    assert first.input.phonemes == ["f", "eng", "k", "uang", "SP"]
    assert first.input.note_pitch == [63, 63, 62, 62, 0] and first.input.ph_dur == [0.16, 0.44, 0.1, 0.6, 0.3]
    assert second.input.phonemes == ["AP", "a", "a", "SP"] and second.input.note_pitch == [0, 57, 60, 0]


def test_opencpop_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text(OPENCPOP + "x|y|a SP|C4 rest|0.5 0.5|0.5|0 0\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"t\.txt: line 3: the per-phoneme fields have different counts"):
        read(path)
    path.write_text("x|y|a SP|C4 rest|0.5 0.5\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"t\.txt: line 1: expected 7 '\|'-separated fields"):
        read(path)
    path.write_text("x|y|a SP|C4 Q9|0.5 0.5|0.5 0.5|0 0\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"t\.txt: line 1: phoneme 2: not a note name: 'Q9'"):
        read(path)


# --------------------------------------------------------------------------- dispatch, notes


def test_unknown_extension_and_missing_file(tmp_path: Path) -> None:
    (tmp_path / "song.abc").write_text("X:1\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"song\.abc: unknown score format '\.abc'; known: .*\.ds.*\.musicxml"):
        read(tmp_path / "song.abc")
    with pytest.raises(InputError, match=r"score not found: .*nope\.ust"):
        read(tmp_path / "nope.ust")
    assert {"musicxml", "xml", "mxl", "mid", "midi", "ust", "ustx", "ds", "txt"} <= set(SCORE_READERS.names())


def test_note_names() -> None:
    assert name_to_midi("C4") == 60 and name_to_midi("D#4/Eb4") == 63 and name_to_midi("Bb3") == 58
    assert name_to_midi("A4-50") == 68.5 and name_to_midi("C-1+100") == 1 and name_to_midi("rest") == 0
    assert midi_to_name(61) == "C#4" and midi_to_name(60.25) == "C4+25" and midi_to_name(0) == "rest"
    for bad in ("H4", "C", "C4+", "#4"):
        with pytest.raises(ValueError, match="not a note name"):
            name_to_midi(bad)
