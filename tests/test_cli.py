"""The `tts` command: help that teaches, and one-line errors with a non-zero exit, no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import make_folder_corpus, write_recipe

REPO = Path(__file__).resolve().parents[1]
COMMANDS = ["prepare", "g2p", "train", "export", "voices", "synth", "eval", "corpus", "config"]


def tts(*args: str, cwd: Path = REPO, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "200", "TTS_VOICES": ""}
    return subprocess.run([sys.executable, str(REPO / "cli.py"), *args], cwd=cwd, input=stdin,
                          capture_output=True, text=True, env=env, timeout=300)


def test_help_lists_every_command() -> None:
    result = tts("--help")
    assert result.returncode == 0
    for command in COMMANDS:
        assert command in result.stdout


@pytest.mark.parametrize("command", [["prepare"], ["train"], ["synth"], ["corpus", "demo-zh"], ["config", "show"],
                                     ["g2p"], ["eval"], ["export"]])
def test_command_help(command: list[str]) -> None:
    result = tts(*command, "--help")
    assert result.returncode == 0 and "Usage" in result.stdout and "--" in result.stdout


def assert_clean_error(result: subprocess.CompletedProcess, *fragments: str) -> None:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    for fragment in fragments:
        assert fragment in result.stderr, result.stderr


def test_missing_recipe(tmp_path: Path) -> None:
    assert_clean_error(tts("prepare", str(tmp_path / "nope.yaml")), "recipe not found", "nope.yaml")


def test_unknown_config_key(tmp_path: Path) -> None:
    corpus = make_folder_corpus(tmp_path / "corpus", count=3)
    recipe = write_recipe(tmp_path / "r.yaml", corpus, tmp_path / "run", extra="train:\n  batchsize: 3\n")
    assert_clean_error(tts("config", "show", str(recipe)), "train.batchsize", "r.yaml")


def test_corpus_without_transcript(tmp_path: Path) -> None:
    (tmp_path / "corpus" / "wavs").mkdir(parents=True)
    recipe = write_recipe(tmp_path / "r.yaml", tmp_path / "corpus", tmp_path / "run")
    assert_clean_error(tts("prepare", str(recipe)), "no transcript file")


def test_unknown_voice_lists_available(tmp_path: Path) -> None:
    assert_clean_error(tts("synth", "你好", "--voice", "no-such-voice", "-o", str(tmp_path / "x.wav")),
                       "no-such-voice")


@pytest.mark.parametrize("device, fragment", [("--json", "unknown device '--json'"), ("mps", "'mps' is not supported"),
                                              ("cuda:7", "'cuda:7' asked for")])
@pytest.mark.parametrize("command", ["synth", "sing"])
def test_bad_device_is_a_clean_error(tmp_path: Path, command: str, device: str, fragment: str) -> None:
    what = "你好" if command == "synth" else str(REPO / "tts/resources/scores/ni_hao_shi_jie.musicxml")
    assert_clean_error(tts(command, what, "--device", device, "-o", str(tmp_path / "x.wav")), fragment)
    assert not (tmp_path / "x.wav").exists()


def test_bad_precision_is_a_clean_error(tmp_path: Path) -> None:
    assert_clean_error(tts("synth", "你好", "--precision", "fp8", "-o", str(tmp_path / "x.wav")),
                       "unknown vocoder precision 'fp8'")


def test_config_show_prints_resolved_yaml(tmp_path: Path) -> None:
    corpus = make_folder_corpus(tmp_path / "corpus", count=3)
    recipe = write_recipe(tmp_path / "r.yaml", corpus, tmp_path / "run")
    result = tts("config", "show", str(recipe), "--set", "train.batch_size=7")
    assert result.returncode == 0
    assert "batch_size: 7" in result.stdout and "sample_rate: 22050" in result.stdout


def test_g2p_lines_report_failures_and_read_the_rest(tmp_path: Path) -> None:
    """One JSON object per input line (numbered, blank lines skipped); a bad line carries its
    error, the others are read, and the exit status says that something failed."""
    import json

    lines = tmp_path / "lines.txt"
    lines.write_text("你好。\n重{chong2庆\n\n再见。\n", encoding="utf-8")
    result = tts("g2p", str(lines), "--json")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["line"] for r in records] == [1, 2, 4]
    assert records[0]["pinyin"] == ["ni2", "hao3"] and records[0]["error"] is None
    assert "no closing" in records[1]["error"] and "pinyin" not in records[1]
    assert records[2]["pinyin"] == ["zai4", "jian4"]
    assert records[2]["words"] == [{"text": "再见", "pinyin": ["zai4", "jian4"]}]
    plain = tts("g2p", "-", stdin="你好。\n重{chong2庆\n")
    assert plain.returncode == 1 and "line 2:" in plain.stderr and "ni2 hao3" in plain.stdout



def test_g2p_shows_what_is_said_numbers_included() -> None:
    """The pinyin line of the plain output has the syllables normalization produced too; with
    --json they are in "words" while "pinyin" keeps to the characters as written."""
    import json

    plain = tts("g2p", "1.5公斤")
    assert plain.returncode == 0 and "yi1 dian2 wu3 gong1 jin1" in plain.stdout
    long = tts("g2p", "我们明天早上八点在学校门口集合，然后一起坐车去博物馆参观，中午在附近的饭店吃饭。" * 2)
    assert len(long.stdout.splitlines()) == 3  # one line each, never wrapped (COLUMNS is 200 here)
    record = json.loads(tts("g2p", "1.5公斤", "--json").stdout)
    assert record["pinyin"] == ["gong1", "jin1"]
    assert [s for w in record["words"] for s in w["pinyin"]] == ["yi1", "dian2", "wu3", "gong1", "jin1"]
