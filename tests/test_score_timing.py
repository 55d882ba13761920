"""Lyrics → phonemes, phoneme timing, segment splitting, `tts score info`, and the demo score."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path
from typing import Optional

import pytest
from typer.testing import CliRunner

from tts.errors import InputError
from tts.score import Score, Segment, TempoMap, plan_segments, read, rule_durations, to_phoneme_input
from tts.score.lyrics import note_syllables
from tts.score.model import Note
from tts.score.timing import (
    CONSONANT_MAX_SHARE,
    CONSONANT_SECONDS,
    EDGE_SILENCE_SECONDS,
    SPLIT_REST_SECONDS,
)

REPO = Path(__file__).resolve().parents[1]
BPM = 60.0  # one beat = one second: beats and seconds read the same in these scores


def make_score(notes: list[tuple[float, Optional[float], str]], rest_first: float = 0.0) -> Score:
    """Notes (seconds, MIDI pitch or None for a rest, lyric) laid end to end at 60 BPM."""
    built: list[Note] = []
    onset = 0.0
    if rest_first:
        built.append(Note(0.0, 0.0, rest_first, 0.0, rest_first, where="rest 0"))
        onset = rest_first
    for k, (duration, pitch, lyric) in enumerate(notes, 1):
        built.append(Note(pitch or 0.0, onset, duration, onset, duration, lyric=lyric, where=f"note {k}"))
        onset += duration
    return Score("song", "test", TempoMap.constant(BPM), [Segment(0.0, built)])


def phones_of(score: Score) -> list[list[str]]:
    return [segment.input.phonemes for segment in to_phoneme_input(score)]


def test_polyphones_read_in_lyric_context() -> None:
    line = [(0.5, 60.0, c) for c in "我们重新开始"] + [(0.5, None, "")] + [(0.5, 62.0, c) for c in "长大了"]
    syllables = note_syllables(make_score(line).notes, "song")
    readings = [s.reading for s in syllables]
    assert readings[2] == "chong"  # 重新, not zhong
    assert readings[7:] == ["zhang", "da", "le"]  # 长大了: zhang (not chang), le (not liao)
    river = note_syllables(make_score([(0.5, 60.0, c) for c in "长江"]).notes, "song")
    assert river[0].phones == ("ch", "ang")


def test_pinyin_breath_silence_melisma_and_erhua() -> None:
    score = make_score([(0.5, 60.0, "hao3"), (0.5, 62.0, "-"), (0.5, 64.0, "+"), (0.5, 65.0, "_"),
                        (0.3, 60.0, "AP"), (0.5, 60.0, "Lü"), (0.5, 62.0, "花儿"), (0.5, 60.0, "~")],
                       rest_first=0.5)
    assert phones_of(score) == [["SP", "h", "ao", "ao", "ao", "ao", "AP", "l", "v", "h", "ua", "er", "er", "SP"]]
    (segment,) = to_phoneme_input(score)
    # melisma phonemes sing their own note; AP and SP sing no pitch; tones are all 0
    assert segment.input.note_pitch == [0, 60, 60, 62, 64, 65, 0, 60, 60, 62, 62, 62, 60, 0]
    assert set(segment.input.tones) == {0}


@pytest.mark.parametrize("lyric, message", [
    ("", r"song: note 2: the note has no lyric"),
    ("hello", r"song: note 2: lyric 'hello' is neither a Chinese character nor a pinyin syllable"),
    ("你好", r"song: note 2: lyric '你好' has 2 syllables on one note"),
    ("あ", r"song: note 2: lyric 'あ' is neither a Chinese character nor a pinyin syllable"),
])
def test_bad_lyrics_name_the_note(lyric: str, message: str) -> None:
    score = make_score([(0.5, None, ""), (0.5, 60.0, lyric)])
    with pytest.raises(InputError, match=message):
        to_phoneme_input(score)


def test_melisma_after_a_rest_is_refused() -> None:
    score = make_score([(0.5, 60.0, "la"), (0.5, None, ""), (0.5, 60.0, "-")])
    with pytest.raises(InputError, match=r"note 3: melisma '-' has no sung syllable before it"):
        to_phoneme_input(score)


def test_vowel_lands_on_the_onset_consonant_borrows_from_the_previous_note() -> None:
    # a 0.1 s note before "sha": the consonant is capped at CONSONANT_MAX_SHARE of it
    score = make_score([(1.0, 60.0, "ma"), (0.1, 62.0, "ta"), (1.0, 64.0, "sha")], rest_first=1.0)
    (segment,) = to_phoneme_input(score, durations="rule")
    inp = segment.input
    assert inp.phonemes == ["SP", "m", "a", "t", "a", "sh", "a", "SP"]
    assert segment.offset == pytest.approx(1.0 - EDGE_SILENCE_SECONDS)
    m, t, sh = CONSONANT_SECONDS["m"], CONSONANT_MAX_SHARE * 1.0, CONSONANT_MAX_SHARE * 0.1
    t = min(CONSONANT_SECONDS["t"], t)
    sh = min(CONSONANT_SECONDS["sh"], sh)
    assert inp.ph_dur == pytest.approx([EDGE_SILENCE_SECONDS - m, m, 1.0 - t, t, 0.1 - sh, sh, 1.0,
                                        EDGE_SILENCE_SECONDS])
    starts = [segment.offset + sum(inp.ph_dur[:i]) for i in range(len(inp.ph_dur))]
    assert [starts[i] for i in (2, 4, 6)] == pytest.approx([1.0, 2.0, 2.1])  # vowels on the onsets
    # every phoneme carries its own syllable's note, the consonant included
    assert inp.note_pitch == [0, 60, 60, 62, 62, 64, 64, 0]
    assert inp.note_dur == pytest.approx([EDGE_SILENCE_SECONDS, 1.0, 1.0, 0.1, 0.1, 1.0, 1.0, EDGE_SILENCE_SECONDS])
    assert to_phoneme_input(score)[0].input.ph_dur is None  # default: the model predicts them


def test_first_note_at_zero_keeps_its_consonant_inside() -> None:
    durations = rule_durations(*_plan(make_score([(0.5, 60.0, "sa")])))
    assert durations == pytest.approx([CONSONANT_SECONDS["s"], 0.5 - CONSONANT_SECONDS["s"], EDGE_SILENCE_SECONDS])


def _plan(score: Score) -> tuple[list[Note], list]:
    (plan,) = plan_segments(score)
    return plan.slots, plan.phones


def test_long_rests_split_segments() -> None:
    long_rest = SPLIT_REST_SECONDS + 1.0
    score = make_score([(0.5, 60.0, "la"), (0.4, None, ""), (0.5, 62.0, "la"), (long_rest, None, ""),
                        (0.5, 64.0, "la")], rest_first=2.0)
    first, second = to_phoneme_input(score, durations="rule")
    assert first.offset == pytest.approx(2.0 - EDGE_SILENCE_SECONDS)
    assert first.input.phonemes == ["SP", "l", "a", "SP", "l", "a", "SP"]  # a short rest stays inside
    end_of_first = first.offset + sum(first.input.ph_dur)
    assert end_of_first == pytest.approx(2.0 + 0.5 + 0.4 + 0.5 + EDGE_SILENCE_SECONDS)
    assert second.offset == pytest.approx(2.0 + 1.4 + long_rest - EDGE_SILENCE_SECONDS)
    assert second.input.phonemes == ["SP", "l", "a", "SP"]
    assert second.offset + second.input.ph_dur[0] + second.input.ph_dur[1] == pytest.approx(2.0 + 1.4 + long_rest)


def test_key_shift_and_tempo_scale_a_lyric_score() -> None:
    score = make_score([(1.0, 60.0, "la"), (1.0, 62.0, "li")], rest_first=1.0)
    (base,) = to_phoneme_input(score, durations="rule")
    (fast,) = to_phoneme_input(score, key_shift=-2.5, tempo=2.0, durations="rule")
    # song time is divided by the tempo factor; the edge silences stay EDGE_SILENCE_SECONDS long
    assert base.offset == pytest.approx(1.0 - EDGE_SILENCE_SECONDS)
    assert fast.offset == pytest.approx(1.0 / 2 - EDGE_SILENCE_SECONDS)
    assert fast.input.note_pitch == [p - 2.5 if p else 0 for p in base.input.note_pitch]
    edge = [0, len(base.input.note_dur) - 1]
    assert [fast.input.note_dur[i] for i in edge] == pytest.approx([EDGE_SILENCE_SECONDS] * 2)
    inner = slice(1, -1)
    assert fast.input.note_dur[inner] == pytest.approx([d / 2 for d in base.input.note_dur[inner]])
    with pytest.raises(InputError, match="tempo factor must be a positive number"):
        to_phoneme_input(score, tempo=0)
    with pytest.raises(InputError, match="note 2: pitch 62 shifted by 66 semitones leaves the MIDI range"):
        to_phoneme_input(score, key_shift=66)  # 60 + 66 fits, 62 + 66 does not


def test_rule_durations_fill_the_segment_exactly() -> None:
    score = make_score([(0.45, 60.0, "chuang"), (0.3, 62.0, "qian"), (0.6, 64.0, "-"), (0.25, None, ""),
                        (0.7, 65.0, "ming"), (0.5, 67.0, "yue"), (0.2, 60.0, "AP"), (0.9, 64.0, "guang")],
                       rest_first=0.5)
    (segment,) = to_phoneme_input(score, durations="rule")
    assert all(d > 0 for d in segment.input.ph_dur)
    total = sum(segment.input.ph_dur)
    assert segment.offset + total == pytest.approx(score.duration + EDGE_SILENCE_SECONDS)


# --------------------------------------------------------------------------- CLI and the demo score


DEMO = "ni_hao_shi_jie.musicxml"


def demo_path() -> Path:
    return Path(str(resources.files("tts") / "resources" / "scores" / DEMO))


def test_demo_score_ships_and_reads() -> None:
    path = demo_path()
    assert path.is_file()
    score = read(path)
    sung = [n for n in score.notes if not n.is_rest]
    assert "".join(n.lyric for n in sung) == "你好世界春风吹来我们一起唱"
    assert len(sung) == 14 and sum(n.slur for n in sung) == 1
    assert score.tempo.changes[0].bpm == 90 and score.duration == pytest.approx(15 * 60 / 90)
    (segment,) = to_phoneme_input(score)
    assert segment.input.phonemes[:9] == ["SP", "n", "i", "h", "ao", "sh", "ir", "j", "ie"]
    assert segment.input.phonemes[-3:] == ["ch", "ang", "SP"]
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert 'tts = ["resources/**/*"]' in pyproject  # package data carries resources/scores


def test_score_info_json() -> None:
    from tts.cli import app

    result = CliRunner().invoke(app, ["score", "info", str(demo_path()), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["format"] == "musicxml" and data["part"] == "Voice"
    assert [n["lyric"] for n in data["notes"][:3]] == ["", "你", "好"]
    assert data["notes"][1]["phonemes"] == ["n", "i"] and data["notes"][1]["name"] == "E4"
    assert data["notes"][1]["onset"] == pytest.approx(60 / 90) and data["notes"][1]["onset_beats"] == 1.0
    (segment,) = data["segments"]
    assert segment["durations_from"] == "rule" and segment["phonemes"][-1] == "SP"
    table = CliRunner().invoke(app, ["score", "info", str(demo_path())], env={"COLUMNS": "160"})
    assert table.exit_code == 0 and "ch(0.12) ang(2.00)" in table.stdout and "slur" in table.stdout


def test_score_info_errors_are_one_line(tmp_path: Path) -> None:
    (tmp_path / "song.abc").write_text("X:1\n", encoding="utf-8")
    env = {**os.environ, "COLUMNS": "200"}
    result = subprocess.run([sys.executable, str(REPO / "cli.py"), "score", "info", str(tmp_path / "song.abc")],
                            capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "song.abc: unknown score format '.abc'" in result.stderr
