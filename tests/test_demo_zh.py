"""The Mandarin demo corpus: espeak wrapper, sentence generator, text → pinyin, corpus builder."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from tts.data import demo_zh
from tts.data.demo_zh import build_demo_zh, split_phrases, text_to_pinyin
from tts.data.espeak import (PhonemeEvent, Prosody, align_events, get_espeak, spell_phrase,
                             spell_syllable)
from tts.data.sentences import MAX_CHARS, MIN_CHARS, Coverage, generate_sentences, han_count
from tts.errors import InputError
from tts.text.pinyin import syllable_to_phones
from tts.text.symbols import FINALS, INITIALS, PHONEMES

UTTERANCES = 10
PUNCTUATION = "，、：；。？！"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, demo_zh.DemoSummary]:
    out = tmp_path_factory.mktemp("demo") / "demo_zh"
    return out, build_demo_zh(out, UTTERANCES, seed=3, jobs=1, progress=False)


def _records(out: Path) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8"))
            for p in sorted((out / "alignments").glob("*.json"))]


def _files(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


# --- the built corpus --------------------------------------------------------------------------


def test_layout_and_metadata(corpus: tuple[Path, demo_zh.DemoSummary]) -> None:
    out, summary = corpus
    lines = (out / "metadata.csv").read_text(encoding="utf-8").splitlines()
    assert len(lines) == UTTERANCES == summary.utterances == summary.rendered
    for line in lines:
        utt_id, text = line.split("|")
        assert (out / "wavs" / f"{utt_id}.wav").is_file()
        assert (out / "alignments" / f"{utt_id}.json").is_file()
        assert MIN_CHARS <= han_count(text) <= MAX_CHARS
        assert all("\u4e00" <= c <= "\u9fff" or c in PUNCTUATION for c in text)
    assert sorted(p.stem for p in (out / "wavs").iterdir()) == [ln.split("|")[0] for ln in lines]
    assert json.loads((out / "coverage.json").read_text())["utterances"] == UTTERANCES


def test_alignments_cover_every_sample(corpus: tuple[Path, demo_zh.DemoSummary]) -> None:
    out, summary = corpus
    total = 0.0
    for record in _records(out):
        info = sf.info(str(out / "wavs" / f"{record['id']}.wav"))
        assert (info.channels, info.samplerate, info.frames) == (1, 22050, record["num_samples"])
        intervals = record["intervals"]
        assert intervals[0]["start"] == 0.0
        for left, right in zip(intervals, intervals[1:]):
            assert left["end"] == right["start"]
        assert all(i["end"] > i["start"] for i in intervals)
        assert abs(intervals[-1]["end"] - info.frames / info.samplerate) <= 1 / info.samplerate
        total += record["duration"]
    assert summary.seconds == pytest.approx(total, abs=1e-3)


def test_alignment_phones_are_the_pinyin(corpus: tuple[Path, demo_zh.DemoSummary]) -> None:
    """Non-silent intervals spell exactly the recorded pinyin; silences sit at the punctuation."""
    out, _ = corpus
    for record in _records(out):
        intervals = record["intervals"]
        assert {i["phone"] for i in intervals} <= set(PHONEMES[1:])
        spoken = [(i["phone"], i["tone"]) for i in intervals if i["phone"] != "SP"]
        expected = [(phone, s.tone) for s in map(syllable_to_phones, record["pinyin"])
                    for phone in s.phones]
        assert spoken == expected
        assert all(i["tone"] == 0 for i in intervals if i["phone"] == "SP")
        assert intervals[0]["phone"] == intervals[-1]["phone"] == "SP"
        pauses = sum(c in PUNCTUATION for c in record["text"].rstrip(PUNCTUATION))
        assert sum(i["phone"] == "SP" for i in intervals) == pauses + 2
        assert len(record["pinyin"]) == han_count(record["text"])


def test_silences_are_silent_and_speech_is_not(corpus: tuple[Path, demo_zh.DemoSummary]) -> None:
    out, _ = corpus
    for record in _records(out)[:4]:
        audio, rate = sf.read(str(out / "wavs" / f"{record['id']}.wav"), dtype="float32")
        for interval in record["intervals"]:
            segment = audio[round(interval["start"] * rate):round(interval["end"] * rate)]
            rms = float(np.sqrt(np.mean(segment ** 2)))
            if interval["phone"] == "SP":
                assert rms < 1e-3, interval
            elif interval["phone"] in FINALS:
                assert rms > 1e-2, interval


def test_coverage_counts_the_written_alignments(corpus: tuple[Path, demo_zh.DemoSummary]) -> None:
    out, summary = corpus
    recount = Coverage()
    for record in _records(out):
        for syllable in record["pinyin"]:
            recount.add_syllable(syllable)
    assert recount == summary.coverage
    written = json.loads((out / "coverage.json").read_text())
    assert written["finals"] == summary.coverage.finals
    assert written["minimum"] == summary.coverage.minimum()


def test_builds_are_byte_identical_across_runs_and_jobs(
        corpus: tuple[Path, demo_zh.DemoSummary], tmp_path: Path) -> None:
    out, _ = corpus
    again = build_demo_zh(tmp_path / "parallel", UTTERANCES, seed=3, jobs=2, progress=False)
    assert again.rendered == UTTERANCES
    assert _files(out) == _files(tmp_path / "parallel")
    other = build_demo_zh(tmp_path / "other", 2, seed=4, jobs=1, progress=False)
    assert (tmp_path / "other" / "metadata.csv").read_text() != (out / "metadata.csv").read_text()
    assert other.utterances == 2


def test_second_run_skips_complete_utterances(corpus: tuple[Path, demo_zh.DemoSummary],
                                              tmp_path: Path) -> None:
    out, _ = corpus
    copy = tmp_path / "copy"
    for name, data in _files(out).items():
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        (copy / name).write_bytes(data)
    (copy / "alignments" / "demo_000004.json").unlink()  # as if killed before its alignment
    (copy / "wavs" / ".demo_000009.tmp123.wav").write_bytes(b"half")  # a killed write
    before = {n: (copy / n).stat().st_mtime_ns for n in _files(copy) if n.startswith("wavs/demo")}
    summary = build_demo_zh(copy, UTTERANCES, seed=3, jobs=1, progress=False)
    assert (summary.rendered, summary.skipped) == (1, UTTERANCES - 1)
    after = {n: (copy / n).stat().st_mtime_ns for n in before}
    assert [n for n in before if before[n] != after[n]] == ["wavs/demo_000004.wav"]
    assert _files(copy) == _files(out)  # including the re-rendered one; the temp file is gone


def test_resampled_build_keeps_alignment_exact(corpus: tuple[Path, demo_zh.DemoSummary],
                                               tmp_path: Path) -> None:
    out, _ = corpus
    build_demo_zh(tmp_path / "16k", 2, seed=3, sample_rate=16000, jobs=1, progress=False)
    for native, record in zip(_records(out), _records(tmp_path / "16k")):
        info = sf.info(str(tmp_path / "16k" / "wavs" / f"{record['id']}.wav"))
        assert info.samplerate == record["sample_rate"] == 16000
        assert record["intervals"][-1]["end"] == pytest.approx(info.frames / 16000, abs=1 / 16000)
        phones = [i["phone"] for i in record["intervals"]]
        assert phones == [i["phone"] for i in native["intervals"]]
        for a, b in zip(native["intervals"], record["intervals"]):
            assert abs(a["start"] - b["start"]) <= 1 / 16000 + 1e-6


def test_bad_arguments_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="utterances"):
        build_demo_zh(tmp_path, 0, progress=False)
    with pytest.raises(InputError, match="sample_rate"):
        build_demo_zh(tmp_path, 1, sample_rate=100, progress=False)
    (tmp_path / "file").write_text("x")
    with pytest.raises(InputError, match="not a folder"):
        build_demo_zh(tmp_path / "file", 1, progress=False)


# --- sentences and coverage ----------------------------------------------------------------------


def test_generator_covers_the_inventory_at_2000_sentences() -> None:
    sentences = generate_sentences(2000, seed=0, to_pinyin=text_to_pinyin)
    coverage = Coverage()
    for sentence in sentences:
        assert MIN_CHARS <= han_count(sentence.text) <= MAX_CHARS
        for syllable in sentence.pinyin:
            coverage.add_syllable(syllable)
    assert coverage.below(20) == []
    assert set(coverage.initials) == set(INITIALS) and set(coverage.finals) == set(FINALS)
    assert sum("，" in s.text for s in sentences) > 200  # commas sometimes
    assert len({s.text for s in sentences}) > 1900


def test_generator_is_seeded_and_prefix_stable() -> None:
    first = generate_sentences(30, seed=7, to_pinyin=text_to_pinyin)
    assert first == generate_sentences(30, seed=7, to_pinyin=text_to_pinyin)
    assert first[:10] == generate_sentences(10, seed=7, to_pinyin=text_to_pinyin)
    assert first != generate_sentences(30, seed=8, to_pinyin=text_to_pinyin)


def test_coverage_counts() -> None:
    coverage = Coverage()
    for phone, tone in [("SP", 0), ("x", 2), ("iong", 2), ("y", 3), ("En", 3), ("SP", 0),
                        ("er", 4), ("AP", 0)]:
        coverage.add_phone(phone, tone)
    assert coverage.initials["x"] == coverage.initials["y"] == 1
    assert sum(coverage.initials.values()) == 2
    assert (coverage.finals["iong"], coverage.finals["En"], coverage.finals["er"]) == (1, 1, 1)
    assert sum(coverage.finals.values()) == 3
    assert coverage.tones == {1: 0, 2: 1, 3: 1, 4: 1, 5: 0}
    assert coverage.minimum() == 0 and "F:iong" not in coverage.below(1)
    syllables = Coverage()
    for syllable in ["xiong2", "yan3", "er4"]:
        syllables.add_syllable(syllable)
    assert syllables == coverage


# --- text → pinyin ------------------------------------------------------------------------------


@pytest.mark.parametrize("text, pinyin", [
    ("你好", "ni2 hao3"),
    ("我很好", "wo2 hen2 hao3"),
    ("展览馆", "zhan2 lan2 guan3"),
    ("小老虎", "xiao3 lao2 hu3"),
    ("一个人", "yi2 ge4 ren2"),
    ("一天", "yi4 tian1"),
    ("第一", "di4 yi1"),
    ("十一月", "shi2 yi1 yue4"),
    ("不对", "bu2 dui4"),
    ("不好", "bu4 hao3"),
    ("看一看", "kan4 yi5 kan4"),
    ("姐姐", "jie3 jie5"),
    ("这只熊，只有两只", "zhe4 zhi1 xiong2 zhi2 you2 liang3 zhi1"),
    ("绿色的桌子", "lv4 se4 de5 zhuo1 zi5"),
    ("熊猫，雪花！", "xiong2 mao1 xue3 hua1"),
])
def test_text_to_pinyin(text: str, pinyin: str) -> None:
    assert text_to_pinyin(text) == pinyin.split()


def test_split_phrases() -> None:
    phrases = split_phrases("今天，我们去公园吧？", text_to_pinyin("今天，我们去公园吧？"))
    assert [(len(p.syllables), p.mark) for p in phrases] == [(2, ","), (6, "?")]
    with pytest.raises(InputError, match="cannot speak"):
        split_phrases("我有3个", ["wo3", "you3", "ge4"])
    with pytest.raises(InputError, match="fewer pinyin"):
        split_phrases("我们", ["wo3"])
    long = split_phrases("好" * 70 + "。", ["hao3"] * 70)
    assert [(len(p.syllables), p.mark) for p in long] == [(23, ","), (24, ","), (23, ".")]
    with pytest.raises(InputError, match="too long"):
        spell_phrase(["xiong2"] * 40)


# --- espeak ---------------------------------------------------------------------------------------


def _one_syllable_per_unit() -> list[str]:
    """A syllable for every final and every initial of the inventory (with a y- / w- form)."""
    return ("ba bo ta ge er zi zhi bi jia bian liang xiao xie lin ming xiong niu mo dong gou lu "
            "hua kuai duan guang gui lun guo lv juan xue xun ye yan ya yu yuan yue yun wo wa "
            "pa fa na ka qi ri ca sa chu shu").split()


def test_espeak_speaks_every_spelled_phone() -> None:
    """espeak's phoneme events name exactly the spelled tokens, for every unit and tone."""
    engine = get_espeak()
    for tone in range(1, 6):
        syllables = [f"{s}{tone}" for s in _one_syllable_per_unit()]
        phrases = [spell_phrase(syllables[:25]), spell_phrase(syllables[25:])]
        synthesis = engine.synthesize(demo_zh.espeak_input(phrases, [",", "."]))
        intervals = align_events(phrases, synthesis.events, len(synthesis.samples))
        spoken = [(i.phone, i.tone) for i in intervals if i.phone != "SP"]
        assert spoken == [(p, tone) for s in syllables for p in syllable_to_phones(s).phones]
        assert [i.phone for i in intervals].count("SP") == 3  # start, comma, end
        assert intervals[-1].end == len(synthesis.samples)


def test_phoneme_events_are_sample_exact() -> None:
    """A listening proxy: fricatives are noisy and vowels are not exactly between the events;
    moving every boundary by 2 or 5 ms blurs that contrast."""
    engine = get_espeak()
    syllables = "sa1 si4 shi2 xi1 sha1 fa1 su4 xia4 sang1 suo3 sha3 xu1 shu1 si1 sa4 fu2".split()
    phrase = spell_phrase(syllables)
    synthesis = engine.synthesize(f"[[{phrase.mnemonics}]].")
    audio = synthesis.samples.astype(np.float64)
    intervals = align_events([phrase], synthesis.events, len(audio))

    def contrast(shift: int) -> float:
        def zcr(kind: set[str]) -> float:
            rates = [np.mean(np.abs(np.diff(np.sign(audio[i.start + shift:i.end + shift]))) > 0)
                     for i in intervals if i.phone in kind]
            return float(np.mean(rates))
        return zcr({"s", "sh", "x", "f"}) - zcr(set(FINALS))

    best = contrast(0)
    assert best > 0.25
    for ms in (2, 5):
        shift = round(ms * synthesis.sample_rate / 1000)
        assert contrast(shift) < best and contrast(-shift) < best


def test_espeak_output_does_not_depend_on_history() -> None:
    engine = get_espeak()
    text = f"[[{spell_phrase('wo3 de5 jie3 jie5 mai3 le5 hua1'.split()).mnemonics}]]."
    first = engine.synthesize(text, Prosody(rate=180))
    for n in (1, 2, 3):
        engine.synthesize("[[" + "|".join(["t|'A55"] * n) + "]].", Prosody(rate=230, pitch=30))
        assert np.array_equal(engine.synthesize(text, Prosody(rate=180)).samples, first.samples)


def test_espeak_dictionary_reading_for_inspection() -> None:
    assert get_espeak().text_to_phonemes("中国") == "ts.'ong55_| k'uo35_|"


def test_spelling_and_alignment_errors() -> None:
    assert spell_syllable("zhong1")[1] == "ts.|'ong55"
    assert spell_syllable("xiong2")[1] == "S;|j|'ong35"
    with pytest.raises(InputError):
        spell_syllable("qx1")
    phrase = spell_phrase(["ma1"])
    wrong = [PhonemeEvent("p", 10), PhonemeEvent("A", 100), PhonemeEvent("_", 200)]
    with pytest.raises(InputError, match="'p' where 'm'"):
        align_events([phrase], wrong, 300)
    with pytest.raises(InputError, match="1 of 2"):
        align_events([phrase], [PhonemeEvent("m", 10)], 300)
    with pytest.raises(InputError, match="rate"):
        Prosody(rate=10)
