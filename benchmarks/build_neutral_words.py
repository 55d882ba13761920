"""Build ``tts/resources/sandhi/neutral_words.tsv``: words whose last syllable is neutral.

    python benchmarks/build_neutral_words.py    # needs pip install pypinyin-dict (build time only)

A word is listed when CC-CEDICT (its copy in the ``pypinyin-dict`` package) reads its last
syllable with a neutral tone and gives no other reading there (名字 ming2 zi5, 学生 xue2 sheng5,
任务 ren4 wu5 — the syllables 现代汉语词典 marks ``·``), and jieba's dictionary holds the word, so
segmentation can yield it. Words ending in 儿 are left to erhua, and the few where 现代汉语词典
keeps the last tone (了不得 liǎo·bu·dé, 占地面积, 正人君子, 淮南子) are left out. Each line is
``word<TAB>syllable`` (toneless): sandhi makes the last syllable neutral only when the reading the
frontend chose is that syllable (a polyphone read otherwise keeps its tone).
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tts.text.sandhi import NEUTRAL_WORDS_FILE  # noqa: E402


# Words CC-CEDICT reads with a neutral last syllable where 现代汉语词典 does not.
FULL_LAST = frozenset([
    "了不得", "占地面积", "多个", "实习生", "赫鲁晓夫", "赫鲁雪夫", "破体字",
    # 子 zǐ "master, seed, particle", not the noun suffix: 君子, 淮南子, 舍利子, 启动子 …
    "正人君子", "淑人君子", "隐君子", "淮南子", "贩夫俗子", "舍利子", "启动子", "续随子", "青葙子",
    "阿月浑子", "石龙子", "金铃子", "眸子", "密码子", "惠子", "端子",
    # full-toned in 现代汉语词典, found by a review of the list: 延误 yánwù, 看来 kànlái, 两边 liǎngbiān …
    "延误", "不安分", "两边", "刚刚", "二里头", "年份", "篇幅", "益处", "苦处", "看来", "迷惑", "孝道", "神父",
    "憨厚", "大丈夫", "咖哩", "阿们", "倏地", "蓦地", "逍遥自在", "一塌糊涂", "稀里糊涂", "邋里邋遢", "滴里嘟噜",
    "絮絮",
    # AABB reduplications keep the full tone of their last syllable (舒舒服服 shū·shufúfú)
    "糊糊涂涂", "舒舒服服", "结结巴巴", "密密实实",
])


def neutral_words() -> dict[str, str]:
    """{word: toneless last syllable} for the words described in the module doc."""
    import jieba
    from pypinyin_dict.phrase_pinyin_data import cc_cedict

    from tts.text.g2p import tone3

    jieba.dt.check_initialized()
    out = {}
    for word, readings in cc_cedict.phrases_dict.items():
        if len(word) < 2 or len(readings) != len(word) or word.endswith("儿") \
                or not jieba.dt.FREQ.get(word) or len(readings[-1]) != 1 or word in FULL_LAST:
            continue
        last = tone3(readings[-1][0])
        if last.endswith("5"):
            out[word] = last[:-1]
    return dict(sorted(out.items()))


def main() -> None:
    words = neutral_words()
    NEUTRAL_WORDS_FILE.parent.mkdir(parents=True, exist_ok=True)
    NEUTRAL_WORDS_FILE.write_text("".join(f"{w}\t{s}\n" for w, s in words.items()), encoding="utf-8")
    print(f"{NEUTRAL_WORDS_FILE.relative_to(REPO)}: {len(words)} words")


if __name__ == "__main__":
    main()
