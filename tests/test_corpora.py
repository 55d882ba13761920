"""Corpus readers on tiny fixture corpora of each layout, TextGrids, labels and frame durations."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from tts.data.corpora import (
    AlignmentMismatch,
    Interval,
    frames_from_intervals,
    labels_to_alignment,
    read_corpus,
    read_mfa_alignments,
    read_textgrid,
)
from tts.data.items import PhoneInterval
from tts.errors import ConfigError, InputError
from tts.registry import CORPORA


def touch(path: Path) -> Path:
    """An empty placeholder where a reader only checks that audio exists."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"")
    return path


def write(path: Path, text: str, bom: bool = False) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def short_textgrid(intervals: list[tuple[float, float, str]], tier: str = "phones") -> str:
    """A Praat short-format TextGrid with one interval tier (the CSMSC .interval layout)."""
    end = intervals[-1][1]
    lines = ['File type = "ooTextFile"', 'Object class = "TextGrid"', "", "0", str(end),
             "<exists>", "1", '"IntervalTier"', f'"{tier}"', "0", str(end), str(len(intervals))]
    for start, stop, label in intervals:
        lines += [str(start), str(stop), f'"{label}"']
    return "\n".join(lines) + "\n"


def long_textgrid(tiers: dict[str, list[tuple[float, float, str]]]) -> str:
    """A Praat long-format TextGrid, as MFA writes it."""
    end = max(iv[-1][1] for iv in tiers.values())
    out = ['File type = "ooTextFile"', 'Object class = "TextGrid"', "", "xmin = 0 ",
           f"xmax = {end} ", "tiers? <exists> ", f"size = {len(tiers)} ", "item []: "]
    for number, (name, intervals) in enumerate(tiers.items(), start=1):
        out += [f"    item [{number}]:", '        class = "IntervalTier" ', f'        name = "{name}" ',
                "        xmin = 0 ", f"        xmax = {end} ", f"        intervals: size = {len(intervals)} "]
        for index, (start, stop, label) in enumerate(intervals, start=1):
            out += [f"        intervals [{index}]:", f"            xmin = {start} ",
                    f"            xmax = {stop} ", f'            text = "{label}" ']
    return "\n".join(out) + "\n"


def lines_of(problems) -> list[int]:
    return [p.line for p in problems]


# --- CSMSC ------------------------------------------------------------------------------------

CSMSC_TEXT = (
    "000001\t卡尔普#2陪外孙#1玩滑梯#4。\n"
    "\tka2 er2 pu3 pei2 wai4 sun1 wan2 hua2 ti1\n"
    "000002\t鱼#1儿#4。\n"
    "\tyu2 er2\n"
    "000611\t坏#4。\n"
    "\thuai4\n"
    "garbage line\n"
    "000003\t没有#4。\n"
    "\tmei2 you3\n"
    "000004\t错#4。\n"
    "\tcuo4 X\n"
)


def make_csmsc(root: Path) -> Path:
    write(root / "ProsodyLabeling" / "000001-010000.txt", CSMSC_TEXT, bom=True)
    for utt in ("000001", "000002", "000611", "000004"):  # 000003 has no wav
        touch(root / "Wave" / f"{utt}.wav")
    write(root / "PhoneLabeling" / "000002.interval", short_textgrid(
        [(0, 0.1, "sil"), (0.1, 0.5, "v2"), (0.5, 0.8, "er2"), (0.8, 1.0, "sil")], "000002"))
    write(root / "PhoneLabeling" / "000001.interval", "not a textgrid at all\n")
    return root


def test_csmsc_items_text_pinyin_and_problems(tmp_path: Path) -> None:
    corpus = read_corpus("csmsc", make_csmsc(tmp_path))
    assert [item.id for item in corpus.items] == ["000001", "000002"]
    first = corpus.items[0]
    assert first.text == "卡尔普陪外孙玩滑梯。"
    assert first.extra["prosody_text"] == "卡尔普#2陪外孙#1玩滑梯#4。"
    assert first.pinyin == "ka2 er2 pu3 pei2 wai4 sun1 wan2 hua2 ti1".split()
    assert first.speaker == "csmsc" and corpus.speakers() == ["csmsc"]
    assert first.alignment is None  # its interval file does not parse
    transcript = tmp_path / "ProsodyLabeling" / "000001-010000.txt"
    problems = {(p.path, p.line) for p in corpus.problems}
    assert (transcript, 5) in problems  # 000611 skipped as mis-annotated
    assert (transcript, 7) in problems  # garbage line
    assert (transcript, 8) in problems  # 000003: wav missing
    assert (transcript, 11) in problems  # bad pinyin "X" on the pinyin line
    assert any(p.path.name == "000001.interval" for p in corpus.problems)
    assert "mis-annotated" in str([p for p in corpus.problems if p.line == 5][0])


def test_csmsc_intervals_become_inventory_alignment(tmp_path: Path) -> None:
    item = read_corpus("csmsc", make_csmsc(tmp_path)).items[1]
    assert [p.phone for p in item.alignment] == ["SP", "y", "v", "er", "SP"]
    assert item.tones == [0, 2, 2, 2, 0]
    assert item.alignment[1].start == pytest.approx(0.1)
    assert item.alignment[2].end == pytest.approx(0.5)
    assert item.alignment[-1].end == pytest.approx(1.0)


def test_csmsc_missing_transcript_names_the_path(tmp_path: Path) -> None:
    (tmp_path / "Wave").mkdir()
    with pytest.raises(InputError, match=r"000001-010000\.txt"):
        read_corpus("csmsc", tmp_path)


def test_missing_root_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="nowhere"):
        read_corpus("ljspeech", tmp_path / "nowhere")


# --- AISHELL-3 --------------------------------------------------------------------------------

def make_aishell3(root: Path) -> Path:
    write(root / "train" / "content.txt",
          "SSB00050001.wav\t广 guang3 州 zhou1\n"
          "SSB00050002.wav\t你 ni3 好\n"
          "SSB01120001.wav\t好 hao3\n")
    touch(root / "train" / "wav" / "SSB0005" / "SSB00050001.wav")
    touch(root / "train" / "wav" / "SSB0112" / "SSB01120001.wav")
    write(root / "test" / "content.txt", "SSB00090001.wav\t是 shi4\n")
    touch(root / "test" / "wav" / "SSB0009" / "SSB00090001.wav")
    return root


def test_aishell3_speakers_text_pinyin(tmp_path: Path) -> None:
    corpus = read_corpus("aishell3", make_aishell3(tmp_path))
    assert [(i.id, i.speaker, i.text, i.pinyin) for i in corpus.items] == [
        ("SSB00050001", "SSB0005", "广州", ["guang3", "zhou1"]),
        ("SSB01120001", "SSB0112", "好", ["hao3"]),
    ]
    assert lines_of(corpus.problems) == [2]
    test = read_corpus("aishell3", tmp_path, {"subset": "test"})
    assert [i.id for i in test.items] == ["SSB00090001"]


def test_options_are_checked(tmp_path: Path) -> None:
    make_aishell3(tmp_path)
    with pytest.raises(ConfigError, match="subsett"):
        read_corpus("aishell3", tmp_path, {"subsett": "test"})
    with pytest.raises(ConfigError, match="subset"):
        read_corpus("aishell3", tmp_path, {"subset": "dev"})
    with pytest.raises(ConfigError, match="nosuch"):
        read_corpus("nosuch", tmp_path)


# --- LJSpeech and plain folders ---------------------------------------------------------------

def test_ljspeech_uses_normalized_text(tmp_path: Path) -> None:
    write(tmp_path / "metadata.csv",
          "LJ001-0001|Raw 1 text|Raw one text\nLJ001-0002|only two\n\nLJ001-0003|a|b\n")
    touch(tmp_path / "wavs" / "LJ001-0001.wav")
    corpus = read_corpus("ljspeech", tmp_path)
    assert [(i.id, i.text) for i in corpus.items] == [("LJ001-0001", "Raw one text")]
    assert lines_of(corpus.problems) == [2, 4]  # malformed; wav missing
    assert "does not exist" in corpus.problems[1].reason


def test_folder_line_forms(tmp_path: Path) -> None:
    write(tmp_path / "metadata.csv",
          "# a comment\n\nutt1|你好\nutt2.wav\t再见\nutt3|alice|早上好\nno separator\nutt1|again\n")
    (tmp_path / "wavs").mkdir()
    for name in ("utt1", "utt2", "utt3"):
        sf.write(tmp_path / "wavs" / f"{name}.wav", np.zeros(160), 16000)
    corpus = read_corpus("folder", tmp_path, {"speaker": "me"})
    assert [(i.id, i.speaker, i.text) for i in corpus.items] == [
        ("utt1", "me", "你好"), ("utt2", "me", "再见"), ("utt3", "alice", "早上好")]
    assert lines_of(corpus.problems) == [6, 7]
    assert "duplicate" in corpus.problems[1].reason
    assert str(corpus.problems[0]).startswith(f"{tmp_path / 'metadata.csv'}:6: ")


def test_folder_transcript_option_and_missing_transcript(tmp_path: Path) -> None:
    touch(tmp_path / "wavs" / "a.wav")
    with pytest.raises(InputError, match="metadata.csv or transcript.txt") as error:
        read_corpus("folder", tmp_path)
    assert str(tmp_path) in str(error.value)
    write(tmp_path / "lists" / "mine.txt", "a|text\n")
    corpus = read_corpus("folder", tmp_path, {"transcript": "lists/mine.txt"})
    assert [i.id for i in corpus.items] == ["a"]
    with pytest.raises(InputError, match="other.txt"):
        read_corpus("folder", tmp_path, {"transcript": "other.txt"})


# --- singing ----------------------------------------------------------------------------------

OPENCPOP_LINES = (
    "2002000043|疯狂|f eng k uang SP|D#4/Eb4 D#4/Eb4 D4 D4 rest|0.6 0.6 0.5 0.5 0.2|"
    "0.1 0.5 0.2 0.3 0.2|0 0 0 0 0\n"
    "2002000044|烟|y an an|C4 C4 D4|0.4 0.4 0.3|0.1 0.3 0.3|0 0 1\n"
    "2002000045|坏|h uai|C4|0.4 0.4|0.1 0.3|0 0\n"
    "2002000046|坏|h uai|C4 H4|0.4 0.4|0.1 0.3|0 0\n"
    "only|three|fields\n"
)


def test_opencpop_alignment_notes_and_bad_lines(tmp_path: Path) -> None:
    write(tmp_path / "segments" / "transcriptions.txt", OPENCPOP_LINES)
    for seg in ("2002000043", "2002000044", "2002000045", "2002000046"):
        touch(tmp_path / "segments" / "wavs" / f"{seg}.wav")
    corpus = read_corpus("opencpop", tmp_path)
    assert [i.id for i in corpus.items] == ["2002000043", "2002000044"]
    first = corpus.items[0]
    assert [p.phone for p in first.alignment] == ["f", "eng", "k", "uang", "SP"]
    assert [p.start for p in first.alignment] == pytest.approx([0, 0.1, 0.6, 0.8, 1.1])
    assert first.alignment[-1].end == pytest.approx(1.3)
    assert first.extra["notes"] == ["D#4/Eb4", "D#4/Eb4", "D4", "D4", "rest"]
    assert first.extra["note_midi"] == [63, 63, 62, 62, 0]
    assert first.extra["note_durs"] == pytest.approx([0.6, 0.6, 0.5, 0.5, 0.2])
    assert first.extra["slurs"] == [0, 0, 0, 0, 0]
    assert first.text == "疯狂" and first.tones is None
    assert [p.phone for p in corpus.items[1].alignment] == ["y", "En", "En"]  # extension + slur
    assert lines_of(corpus.problems) == [3, 4, 5]
    assert "different counts" in corpus.problems[0].reason
    assert "H4" in corpus.problems[1].reason


def test_m4singer_paths_speakers_and_bad_entries(tmp_path: Path) -> None:
    entries = [
        {"item_name": "Alto-1#newboy#0000", "txt": "你好", "phs": ["<AP>", "n", "i", "h", "ao"],
         "ph_dur": [0.2, 0.1, 0.3, 0.1, 0.4], "notes": [0, 60, 60, 62, 62],
         "notes_dur": [0.2, 0.4, 0.4, 0.5, 0.5], "is_slur": [0, 0, 0, 0, 0]},
        {"item_name": "Tenor-2#song#0001", "txt": "好", "phs": ["h", "ao"], "ph_dur": [0.1],
         "notes": [60, 60], "notes_dur": [0.4, 0.4], "is_slur": [0, 0]},
    ]
    write(tmp_path / "meta.json", json.dumps(entries, ensure_ascii=False, indent=2))
    touch(tmp_path / "Alto-1#newboy" / "0000.wav")
    touch(tmp_path / "Tenor-2#song" / "0001.wav")
    corpus = read_corpus("m4singer", tmp_path)
    [item] = corpus.items
    assert item.audio_path == tmp_path / "Alto-1#newboy" / "0000.wav"
    assert item.speaker == "Alto-1" and item.text == "你好"
    assert [p.phone for p in item.alignment] == ["AP", "n", "i", "h", "ao"]
    assert item.alignment[-1].end == pytest.approx(1.1)
    assert item.extra["notes"] == ["rest", "C4", "C4", "D4", "D4"]
    [problem] = corpus.problems
    text = (tmp_path / "meta.json").read_text(encoding="utf-8").splitlines()
    assert "Tenor-2#song#0001" in text[problem.line - 1]
    assert "different counts" in problem.reason


def test_m4singer_bad_json_names_line(tmp_path: Path) -> None:
    write(tmp_path / "meta.json", '[\n  {"item_name": "a#b#0",\n  oops\n]')
    with pytest.raises(InputError, match=r"meta\.json:3:"):
        read_corpus("m4singer", tmp_path)


# --- TextGrids and labels ---------------------------------------------------------------------

MFA_TIERS = {
    "words": [(0, 0.2, ""), (0.2, 0.9, "ni3hao3"), (0.9, 1.0, "")],
    "phones": [(0, 0.2, ""), (0.2, 0.3, "n"), (0.3, 0.5, "i3"), (0.5, 0.6, "h"),
               (0.6, 0.9, "ao3"), (0.9, 1.0, "sp")],
}


def test_long_and_short_textgrids_read_alike(tmp_path: Path) -> None:
    long_path = write(tmp_path / "long.TextGrid", long_textgrid(MFA_TIERS))
    short_path = write(tmp_path / "short.TextGrid", short_textgrid(MFA_TIERS["phones"]))
    long_tiers, short_tiers = read_textgrid(long_path), read_textgrid(short_path)
    assert list(long_tiers) == ["words", "phones"]
    assert long_tiers["phones"] == short_tiers["phones"]
    assert long_tiers["words"][1] == Interval(0.2, 0.9, "ni3hao3")


def test_utf16_textgrid_and_quote_escapes(tmp_path: Path) -> None:
    text = short_textgrid([(0, 0.5, 'say ""hi""'), (0.5, 1.0, "好")])
    path = tmp_path / "u16.TextGrid"
    path.write_bytes(text.encode("utf-16"))
    assert [i.label for i in read_textgrid(path)["phones"]] == ['say "hi"', "好"]


def test_malformed_textgrid_names_file_and_line(tmp_path: Path) -> None:
    text = short_textgrid(MFA_TIERS["phones"]).replace("0.3\n0.5", "0.3\noops", 1)
    path = write(tmp_path / "bad.TextGrid", text)
    with pytest.raises(InputError, match=r"bad\.TextGrid:20: unexpected .oops."):
        read_textgrid(path)


def test_mfa_alignments_and_textgrids_option(tmp_path: Path) -> None:
    grids = tmp_path / "aligned"
    write(grids / "utt1.TextGrid", long_textgrid(MFA_TIERS))
    write(grids / "alice" / "utt2.TextGrid", long_textgrid({"phones": [(0, 1.0, "zz9")]}))
    alignment = read_mfa_alignments("utt1", grids)
    assert [p.phone for p in alignment.phones] == ["SP", "n", "i", "h", "ao", "SP"]
    assert alignment.tones == [0, 3, 3, 3, 3, 0]
    with pytest.raises(InputError, match="utt9"):
        read_mfa_alignments("utt9", grids)

    write(tmp_path / "corpus" / "metadata.csv", "utt1|你好\nutt2|alice|坏\nutt3|没有\n")
    for name in ("utt1", "utt2", "utt3"):
        touch(tmp_path / "corpus" / "wavs" / f"{name}.wav")
    corpus = read_corpus("folder", tmp_path / "corpus", {"textgrids": str(grids)})
    first, second, third = corpus.items
    assert first.alignment == alignment.phones and first.tones == alignment.tones
    assert second.alignment is None and third.alignment is None
    [problem] = corpus.problems
    assert problem.path == grids / "alice" / "utt2.TextGrid" and "zz9" in problem.reason


@pytest.mark.parametrize(
    ("labels", "phones", "tone"),
    [
        (["uai4"], ["w", "ai"], 4),
        (["ian1"], ["y", "En"], 1),
        (["v3"], ["y", "v"], 3),
        (["zh", "iii1"], ["zh", "ir"], 1),
        (["z", "ii4"], ["z", "i0"], 4),
        (["j", "v2"], ["j", "v"], 2),
        (["d", "uei4"], ["d", "ui"], 4),
        (["l", "iou2"], ["l", "iu"], 2),
        (["uen2"], ["w", "en"], 2),
        (["h", "uar2"], ["h", "ua", "er"], 2),
        (["y", "En3"], ["y", "En"], 3),
        (["z", "i0"], ["z", "i0"], 0),
        (["y", "i4"], ["y", "i"], 4),
    ],
)
def test_labels_map_to_inventory(labels: list[str], phones: list[str], tone: int) -> None:
    intervals = [Interval(i * 0.1, (i + 1) * 0.1, label) for i, label in enumerate(labels)]
    alignment = labels_to_alignment(intervals)
    assert [p.phone for p in alignment.phones] == phones
    assert alignment.phones[0].start == 0 and alignment.phones[-1].end == pytest.approx(len(labels) * 0.1)
    assert alignment.tones == ([tone] * len(phones) if tone else None)


@pytest.mark.parametrize("labels", [["zh"], ["zh", "sil"], ["qqq7"], ["x", "ong9"]])
def test_bad_labels_raise(labels: list[str]) -> None:
    with pytest.raises(InputError):
        labels_to_alignment([Interval(i, i + 1.0, label) for i, label in enumerate(labels)])


# --- durations in frames ----------------------------------------------------------------------

def test_frames_from_intervals_sum_to_mel_length() -> None:
    intervals = [PhoneInterval("SP", 0.0, 0.013), PhoneInterval("n", 0.013, 0.0371),
                 PhoneInterval("i", 0.0371, 0.1)]
    durations = frames_from_intervals(intervals, sample_rate=16000, hop_length=160, num_frames=11)
    assert durations == [1, 3, 7]  # boundaries 1.3→1, 3.71→4, 10→10; last absorbs +1
    assert sum(durations) == 11


def test_frames_from_intervals_rejects_mismatch() -> None:
    intervals = [PhoneInterval("a", 0.0, 1.0)]
    assert frames_from_intervals(intervals, 100, 1, 102) == [102]
    with pytest.raises(AlignmentMismatch, match="3 frames"):
        frames_from_intervals(intervals, 100, 1, 103)
    with pytest.raises(InputError):
        frames_from_intervals([PhoneInterval("a", 0.5, 0.2)], 100, 1, 0)


def test_every_reader_is_registered() -> None:
    assert {"csmsc", "aishell3", "ljspeech", "folder", "opencpop", "m4singer"} <= set(CORPORA.names())
