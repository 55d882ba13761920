"""Erhua: a suffix 儿 merges into the syllable before it (花儿 → huar1).

The inventory has no r-coloured finals, so an erhua syllable is spelled as the plain syllable
followed by one extra phoneme ``er`` with the neutral tone 5: 花儿 → ``h ua er`` with tones
``1 1 5``. In pinyin it is written with an ``r`` before the tone (``huar1``).

儿 merges when it closes a word of two or more characters (花儿, 一点儿, 哪儿, 玩儿), stands
alone right after a word (jieba sometimes cuts 老头|儿), sits inside a word before a particle
(jieba's 好样儿的, 小孩儿们, 今儿个), or starts a word jieba's HMM glued together that no
dictionary lists (裤兜|儿里 → 裤兜儿|里, 馅|儿调得 → 馅儿|调得) — unless what it closes
is one where 儿 is a full syllable (儿子, 女儿, 婴儿, 儿童, 孤儿, 幼儿 …, listed below, also at the
end of a longer word: 体育健儿, 婴幼儿). A 儿 starting a dictionary word (儿子, 儿童) or a word
inside one (中华|儿女, 留守儿童) is a full syllable, and so is a 儿 after another 儿.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from tts.text.pinyin import syllable_to_phones
from tts.text.types import Reading, Word

ER = "er"
ER_TONE = 5
IsWord = Callable[[str], bool]

# Words ending in 儿 where 儿 is its own syllable "er2" (also at the end of a longer word: 体育健儿).
NOT_ERHUA: frozenset[str] = frozenset(
    ["女儿", "婴儿", "孤儿", "幼儿", "健儿", "胎儿", "男儿", "乳儿", "育儿", "宠儿", "弃儿", "新生儿", "少儿",
     "早产儿", "混血儿", "患儿", "幸运儿", "低能儿", "私生儿", "畸形儿", "试管婴儿", "妻儿", "小儿", "孙儿",
     "犬儿", "宁馨儿", "弄潮儿", "产儿", "病儿", "流浪儿", "一儿", "娇儿", "乞儿", "无大儿",
     # names and transliterations, where 儿 is a syllable: Timur, Mughal, Tatar, Descartes,
     # 上官婉儿, the plant genus Caragana
     "帖木儿", "铁木儿", "莫卧儿", "塔塔儿", "笛卡儿", "婉儿", "锦鸡儿", "孛儿",
     # a disciple speaking of himself (请受徒儿一拜), a parent of a son in period speech (吾儿, 我儿)
     "徒儿", "吾儿", "我儿",
     # a son or daughter speaking of themselves to a parent (孩儿给母亲请安); 小孩儿, 男孩儿 are words of their own
     "孩儿"]
)
# … except these, which count only as whole words: 从小儿, 大小儿 merge (cóngxiǎor).
_WHOLE_WORD_ONLY = frozenset(["小儿", "病儿", "一儿", "孩儿"])  # 病儿 "sick child"; 毛病儿 merges; 一儿一女 "a son"
# Erhua words that the rules above would miss: jieba cuts 发|小儿 ("childhood friend", where 小儿 alone is
# "child", xiǎo'ér; so do 打|小儿 and 从|小儿, "since childhood") or lists 小人儿书 with 儿 inside before a noun.
_ERHUA_ENDINGS = ("发小儿", "打小儿", "从小儿")
_ERHUA_INSIDE = frozenset(["小人儿书", "兔儿爷", "片儿警", "门儿清", "馅儿饼",
                           # jieba's words with an erhua 儿 inside (玩儿命 wánrmìng, 正儿八经 zhèngrbājīng)
                           "玩儿命", "玩儿完", "玩儿票", "玩儿闹", "玩儿不转", "活儿干", "花儿匠", "刺儿头", "猫儿腻",
                           "份儿饭", "倒儿爷", "片儿汤", "片儿长", "猴儿精", "蔫儿坏", "靠边儿站", "顺杆儿爬", "豆瓣儿酱",
                           "辣瓣儿酱", "一头儿沉", "千儿八百", "百儿八十", "万儿八千", "块儿八毛", "正儿八经", "正儿巴经",
                           "吊儿郎当", "鼓儿词", "鸭儿梨", "叭儿狗", "巴儿狗", "花点儿钱", "喷鼻儿香", "猫儿眼", "外面儿光",
                           "街面儿上", "桌面儿上", "粉条儿菜", "罗圈儿揖", "老头儿鱼", "跑堂儿的", "棍儿茶", "棒儿香"])
# Erhua words that open one of jieba's glued words (一会儿|站, 一会儿|开): the 儿 merges whatever follows.
_ERHUA_OPENERS = ("一会儿", "一点儿", "一块儿", "活儿", "玩儿", "这儿", "那儿", "哪儿")
# Words after which a 儿 closing the word before is "son", a syllable: 个儿|皇帝 (儿皇帝, a puppet emperor),
# 家一儿|一女 (a son and a daughter), 一儿|半女.
_SON_BEFORE = ("皇帝", "一女", "半女", "两女")
_SUFFIX_MATCHED_TUPLE = tuple(NOT_ERHUA - _WHOLE_WORD_ONLY)
# What may follow an erhua 儿 inside one of jieba's words (好样儿的, 小孩儿们, 哥儿们).
_PARTICLE_TAILS = frozenset(["的", "们", "似的", "了", "呢", "啊", "吧", "也", "都", "里", "上", "个", "俩"])
_TAIL_STARTS = tuple(_PARTICLE_TAILS)


def _full_syllable(closed: str, clause_so_far: str) -> bool:
    """Whether a 儿 closing the word ``closed`` is a syllable ér; ``clause_so_far`` is the clause's
    text up to and including it (so that jieba's 罕帖|木儿 still ends in 帖木儿)."""
    return closed in NOT_ERHUA or clause_so_far.endswith(_SUFFIX_MATCHED_TUPLE)


def _is_suffix(done: list[Word], text: str, j: int, is_word: IsWord, after: str = "") -> bool:
    """Whether the 儿 at ``text[j]`` (``text`` a word of the clause, ``done`` the clause's words
    before it, already processed, ``after`` the next word's text) is an erhua suffix; see the
    module doc."""
    so_far = "".join(w.text for w in done) + text[:j + 1]
    if text in _ERHUA_INSIDE or (so_far.endswith(_ERHUA_ENDINGS) and j == len(text) - 1):
        return bool(done) or j > 0  # 发|小儿, 小人儿书
    if j == len(text) - 1 and after.startswith(_SON_BEFORE) and (after.startswith("皇帝") or text[j - 1:j] == "一"):
        return False  # 个儿|皇帝: 儿皇帝
    if j == 0:
        if not done or not done[-1].readings or done[-1].readings[-1].text == "":
            return False  # nothing (or a dictated override) to merge into
        if len(text) > 1 and (is_word(text) or is_word(text[:2])) \
                and not (is_word(done[-1].text + "儿") and not is_word(text[:2])):
            return False  # 儿子, 儿童 (but jieba's HMM chunks merge: 被窝|儿真, 馅|儿调得, 门口|儿站)
        closed = done[-1].text + "儿"
    else:
        closed = text[:j + 1]
        if j + 1 < len(text) and (text[j + 1:] not in _PARTICLE_TAILS or is_word(text[j:j + 2])) \
                and not text[:j + 1].endswith(_ERHUA_OPENERS):
            return False  # 女儿红, 婴儿车, 托儿所, 儿童 inside a longer word (but 今儿个, 爷儿俩)
    return not _full_syllable(closed, so_far)


def apply_erhua(clause: list[Word], is_word: IsWord = lambda text: False) -> list[Word]:
    """Merge suffix 儿 into the syllable before it; a 儿 that opens a word merges into the word
    before, which then holds it (裤兜|儿里 → 裤兜儿|里)."""
    out: list[Word] = []
    for k, word in enumerate(clause):
        if "儿" not in word.text or len(word.readings) != len(word.text):
            out.append(word)
            continue
        text, readings = "", []  # what stays in this word
        after = clause[k + 1].text if k + 1 < len(clause) else ""
        for j, er in enumerate(word.readings):
            if er.text == "儿" and not er.fixed and _is_suffix(out, word.text, j, is_word, after):
                host_word = Word(text, readings) if readings else out[-1]
                host = host_word.readings[-1]
                if not (host.fixed or host.erhua or host.text == "儿" or not host.written or not er.written):
                    merged = Reading(host.text + er.text, f"{host.pinyin[:-1]}r{host.tone}", False, True, True)
                    if readings:
                        readings[-1] = merged
                        text += er.text
                    else:
                        out[-1] = Word(host_word.text + er.text, host_word.readings[:-1] + [merged])
                    continue  # not 1儿 (a syllable normalization produced is no host)
            text += er.text
            readings.append(er)
        if readings:
            out.append(Word(text, readings))
    _rise_before_third(out)
    return out


def _rise_before_third(clause: list[Word]) -> None:
    """A merged third-tone syllable before a third tone rises, as it would have without its 儿
    (有点儿小 dianr2 xiao3, 多喝点儿水): sandhi ran before the merge, when 儿 stood between them."""
    readings = [r for word in clause for r in word.readings]
    for left, right in zip(readings, readings[1:]):
        if left.erhua and not left.fixed and left.tone == 3 and right.tone == 3:
            left.pinyin = left.with_tone(2)


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
