"""The frontend entry point: result structure, breaks, sentences, overrides, errors, robustness."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tts.errors import InputError
from tts.text.frontend import Frontend, frontend, text_to_pinyin
from tts.text.overrides import Lexicon
from tts.text.symbols import INITIALS, PHONEME_TO_ID, SILENCE
from tts.text.types import BREAK_NONE, BREAK_PHRASE, BREAK_SENTENCE, BREAK_WORD, FrontendResult, PhonemeInput


@pytest.fixture(scope="module")
def fe() -> Frontend:
    return Frontend()


def check_consistent(result: FrontendResult) -> None:
    assert result.sentences
    for sentence, words in zip(result.sentences, result.sentence_words):
        n = len(sentence.phonemes)
        assert n == len(sentence.tones) == len(sentence.word_index) == len(sentence.breaks) > 0
        assert sentence.phonemes[-1] == SILENCE and sentence.breaks[-1] == BREAK_SENTENCE
        assert all(p in PHONEME_TO_ID for p in sentence.phonemes)
        assert all(0 <= t <= 5 for t in sentence.tones)
        assert sorted(set(sentence.word_index)) == list(range(len(words)))
        assert sentence.word_index == sorted(sentence.word_index)
        for p, t in zip(sentence.phonemes, sentence.tones):
            assert (t == 0) == (p == SILENCE)


def test_structure(fe: Frontend) -> None:
    result = fe("你好，世界。")
    check_consistent(result)
    assert result.normalized == "你好，世界。"
    assert result.pinyin == ["ni2", "hao3", "shi4", "jie4"]
    s = result.sentences[0]
    assert s.phonemes == ["n", "i", "h", "ao", SILENCE, "sh", "ir", "j", "ie", SILENCE]
    assert s.tones == [2, 2, 3, 3, 0, 4, 4, 4, 4, 0]
    assert s.breaks == [BREAK_NONE, BREAK_NONE, BREAK_NONE, BREAK_WORD, BREAK_PHRASE,
                        BREAK_NONE, BREAK_NONE, BREAK_NONE, BREAK_WORD, BREAK_SENTENCE]
    assert result.sentence_words == [["你好", "，", "世界", "。"]]
    assert s.word_index == [0, 0, 0, 0, 1, 2, 2, 2, 2, 3]
    assert s.ids() == [PHONEME_TO_ID[p] for p in s.phonemes]
    assert result.phonemes == s.phonemes and result.tones == s.tones


def test_word_boundaries_inside_clause(fe: Frontend) -> None:
    s = fe("我们去北京").sentences[0]
    assert s.breaks == [0, 0, 0, BREAK_WORD, 0, BREAK_WORD, 0, 0, 0, BREAK_WORD, BREAK_SENTENCE]


def test_sentence_splitting(fe: Frontend) -> None:
    result = fe("今天下雨。明天呢？后天晴！他说：“好。”然后走了；结束…")
    check_consistent(result)
    assert len(result.sentences) == 6
    assert result.sentence_words[3][-1] == "。”"  # the closing quote stays with its sentence
    combined = result.combined
    assert combined.phonemes == result.phonemes
    assert max(combined.word_index) == len(result.words) - 1
    assert combined.breaks.count(BREAK_SENTENCE) == 6


def test_quotes_separate_words_without_a_pause(fe: Frontend) -> None:
    s = fe("他读了《红楼梦》这本书").sentences[0]
    assert s.phonemes.count(SILENCE) == 1  # only the final one


def test_consecutive_punctuation_gives_one_pause(fe: Frontend) -> None:
    s = fe("好，，，、好").sentences[0]
    assert s.phonemes.count(SILENCE) == 2


def test_length_limit_splits_at_commas_then_words() -> None:
    text = "我们今天去公园玩，然后去商店买东西，最后回家吃饭睡觉看电视。"  # every syllable has an initial
    result = Frontend(max_syllables=8)(text)
    check_consistent(result)
    assert len(result.sentences) == 4  # 7 | 8 | 8 + 3 syllables: the last clause is cut at words
    for sentence in result.sentences:
        assert sum(p in INITIALS for p in sentence.phonemes) <= 8
    assert result.pinyin == Frontend()(text).pinyin


def test_long_paragraph(fe: Frontend) -> None:
    text = "今天的天气很好，我们一起去公园散步吧。" * 530  # about 10,000 characters
    result = fe(text)
    check_consistent(result)
    assert len(result.sentences) == 530
    assert len(result.pinyin) == 17 * 530


def test_spoken_words_hold_every_syllable(fe: Frontend) -> None:
    result = fe("花儿1.5元。")
    assert [s for _, syllables in result.spoken for s in syllables] == ["huar1", "yi1", "dian2", "wu3", "yuan2"]
    assert "".join(w for w, _ in result.spoken) == "花儿一点五元"


def test_pinyin_has_one_entry_per_han_character_with_erhua(fe: Frontend) -> None:
    """A merged erhua 儿 repeats the syllable it merged into, so ``pinyin`` lines up with the
    characters as written (儿子 and 女儿 keep their own er2)."""
    text = "等一会儿，我儿子和女儿在公园儿玩儿。"
    result = fe(text)
    assert len(result.pinyin) == sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
    assert result.pinyin[2:4] == ["huir4", "huir4"] and result.pinyin[5] == "er2"
    assert result.pinyin[-2:] == ["wanr2", "wanr2"]


def test_normalized_characters_are_not_in_pinyin(fe: Frontend) -> None:
    result = fe("我有3个苹果")
    assert "三" in result.normalized
    assert result.pinyin == ["wo2", "you3", "ge4", "ping2", "guo3"]
    assert "s" in result.phonemes and "an" in result.phonemes


def test_inline_overrides_win(fe: Frontend) -> None:
    assert fe("你{ni3}好").pinyin == ["ni3", "hao3"]  # not ni2: sandhi leaves it alone
    assert fe("银行{xing2}").pinyin == ["yin2", "xing2"]
    result = fe("这很{zhong4 yao4}。")
    assert result.pinyin == ["zhe4", "hen3"]  # an override word has no written characters
    assert result.sentences[0].phonemes[4:8] == ["zh", "ong", "y", "ao"]
    assert "{zhong4 yao4}" not in result.pinyin


def test_override_only(fe: Frontend) -> None:
    result = fe("{ni3 hao3}")
    assert result.sentences[0].phonemes == ["n", "i", "h", "ao", SILENCE]
    assert result.sentences[0].tones == [3, 3, 3, 3, 0]


def test_bad_override_raises(fe: Frontend) -> None:
    with pytest.raises(InputError, match="xx9"):
        fe("好{xx9}")


def test_lexicon_context_pins_a_reading_where_its_words_are(tmp_path) -> None:
    path = tmp_path / "lex.tsv"
    # a deliberately unusual reading, so the test sees the lexicon and not the shipped table
    path.write_text("[和]面\thu2\n[重]来\tzhong4\n面包\tmian4 bao5\n", encoding="utf-8")
    lexicon = Lexicon.from_file(path)
    assert len(lexicon) == 3
    fe = Frontend(lexicon=lexicon)
    assert fe("厨房里和面。").pinyin[3] == "hu2"
    assert fe("我和面包师傅聊天。").pinyin[1:4] == ["he2", "mian4", "bao5"]  # 面 is in the word 面包
    assert fe("我们重来一遍。").pinyin[2] == "zhong4"
    assert fe("和{he2}面").pinyin[0] == "he2"  # an inline override wins over the context


def test_lexicon(tmp_path) -> None:
    path = tmp_path / "lex.tsv"
    path.write_text("行长\thang2 zhang3\n长城\tchang2 cheng2\n", encoding="utf-8")
    lexicon = Lexicon.from_file(path)
    assert frontend("行长去长城", lexicon=lexicon).pinyin == ["hang2", "zhang3", "qu4", "chang2", "cheng2"]
    fe = Frontend(lexicon=Lexicon({"你好": ("ni3", "hao3")}))
    assert fe("你好").pinyin == ["ni3", "hao3"]  # lexicon readings are fixed: no sandhi


def test_text_to_pinyin() -> None:
    assert text_to_pinyin("银行") == ["yin2", "hang2"]


@pytest.mark.parametrize("text", ["", "   ", "，。！", "😀🎉", "\x00\x01\x1b", "{}", "\ue000"])
def test_nothing_to_read(fe: Frontend, text: str) -> None:
    with pytest.raises(InputError, match="text yields no phonemes"):
        fe(text)


def test_unreadable_characters(fe: Frontend) -> None:
    with pytest.raises(InputError, match="𥦷"):
        fe("𥦷")
    assert fe("你好𥦷").pinyin == ["ni2", "hao3"]  # skipped when something else is readable


def test_not_a_string(fe: Frontend) -> None:
    with pytest.raises(InputError):
        fe(None)  # type: ignore[arg-type]


def test_phoneme_input_validates() -> None:
    with pytest.raises(InputError, match="tones"):
        PhonemeInput(["a"], [1, 2], [0], [0])
    with pytest.raises(InputError, match="inventory"):
        PhonemeInput(["xx"], [1], [0], [0])
    with pytest.raises(InputError, match="tone"):
        PhonemeInput(["a"], [7], [0], [0])
    sung = PhonemeInput(["a"], [1], [0], [0], note_pitch=[60.0], note_dur=[0.5], ph_dur=[0.5])
    assert sung.ids() == [PHONEME_TO_ID["a"]]


MIXED = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        st.sampled_from(list("，。！？；…、：“”《》{}()0123456789 abcXYZ%.-:儿一不\n\t")),
        st.characters(),
    ),
    max_size=60,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MIXED)
def test_any_unicode_reads_or_raises_input_error(text: str) -> None:
    try:
        result = frontend(text)
    except InputError:
        return
    check_consistent(result)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=40))
def test_arbitrary_unicode(text: str) -> None:
    try:
        check_consistent(frontend(text))
    except InputError:
        pass
