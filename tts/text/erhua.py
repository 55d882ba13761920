"""Erhua: a suffix 儿 merges into the syllable before it (花儿 → huar1).

The inventory has no r-coloured finals, so an erhua syllable is spelled as the plain syllable
followed by one extra phoneme ``er`` with the neutral tone 5: 花儿 → ``h ua er`` with tones
``1 1 5``. In pinyin it is written with an ``r`` before the tone (``huar1``).

儿 merges when it ends a word of two or more characters (花儿, 一点儿, 哪儿, 玩儿) or stands
alone right after a word (jieba sometimes cuts 老头|儿), unless the word is one where 儿 is a
full syllable (儿子, 女儿, 婴儿, 儿童, 孤儿, 幼儿 …, listed below). A 儿 starting a word is
always a full syllable.
"""

from __future__ import annotations

from functools import lru_cache

from tts.text.pinyin import syllable_to_phones
from tts.text.types import Reading, Word

ER = "er"
ER_TONE = 5

# Words ending in 儿 where 儿 is its own syllable "er2".
NOT_ERHUA: frozenset[str] = frozenset(
    ["女儿", "婴儿", "孤儿", "幼儿", "健儿", "胎儿", "男儿", "乳儿", "育儿", "宠儿", "弃儿", "新生儿", "少儿", "早产儿", "混血儿", "患儿", "幸运儿", "低能儿", "私生儿", "畸形儿", "试管婴儿", "妻儿", "小儿", "孙儿", "犬儿", "宁馨儿", "弄潮儿", "产儿", "病儿"]
)


def is_erhua(words: list[Word], k: int) -> bool:
    """Whether the 儿 ending word ``k`` (of one clause) merges into the syllable before it."""
    word = words[k]
    if not word.text.endswith("儿") or not word.readings or word.readings[-1].fixed:
        return False
    if word.readings[-1].text != "儿":
        return False
    if len(word.text) >= 2:
        return word.text not in NOT_ERHUA and not word.text.startswith("儿")
    if k == 0 or not words[k - 1].readings:  # a lone 儿 must follow a word to be a suffix
        return False
    before = words[k - 1]
    return before.readings[-1].text != "" and (before.text + "儿") not in NOT_ERHUA


def apply_erhua(clause: list[Word]) -> list[Word]:
    """Merge suffix 儿 into the syllable before it; a lone merged 儿 joins the word before."""
    out: list[Word] = []
    for k, word in enumerate(clause):
        if not is_erhua(clause, k):
            out.append(word)
            continue
        er = word.readings[-1]
        host_word = word if len(word.readings) >= 2 else out[-1]
        host = host_word.readings[-2] if host_word is word else host_word.readings[-1]
        if host.fixed or host.erhua or not (host.written and er.written):  # not 1儿 (yi1 is no host)
            out.append(word)
            continue
        merged = Reading(host.text + er.text, f"{host.pinyin[:-1]}r{host.tone}", False,
                         host.written or er.written, True)
        if host_word is word:
            out.append(Word(word.text, word.readings[:-2] + [merged]))
        else:
            out[-1] = Word(host_word.text + word.text, host_word.readings[:-1] + [merged])
    return out


def erhua_phones(reading: Reading) -> tuple[list[str], list[int]]:
    """Phonemes and tones of a syllable, with the ``er`` phoneme appended for erhua."""
    phones, tones = _phones(reading.pinyin, reading.erhua)
    return list(phones), list(tones)


@lru_cache(maxsize=4096)
def _phones(pinyin: str, erhua: bool) -> tuple[tuple[str, ...], tuple[int, ...]]:
    if erhua:  # "huar1": the syllable "hua1", then "er"
        base = syllable_to_phones(pinyin[:-2] + pinyin[-1])
        return base.phones + (ER,), (base.tone,) * len(base.phones) + (ER_TONE,)
    syllable = syllable_to_phones(pinyin)
    return syllable.phones, (syllable.tone,) * len(syllable.phones)
