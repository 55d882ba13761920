"""Spoken syllables: the frontend's surface tones (after sandhi) and its erhua against blind sets.

    python benchmarks/bench_spoken.py [--data SET.tsv ...] [--erhua SET.tsv ...]

Each sentence marks one character with the tone a careful Putonghua speaker says there: 一 and 不
before other tones (一定 yi2, 一天 yi4, 第一 yi1, 看一看 yi5, 不是 bu2, 是不是 bu5), neutral-tone
particles, suffixes and words with their full-tone contrasts (东西 "thing" xi5, 东西走向 xi1; 桌子
zi5, 孔子 zi3), and third-tone sandhi in tight two-syllable units (你好 ni2, with 姐姐 jie3 and 耳朵
er3 as half-third contrasts). The set was written by a helper that saw neither this system nor any
pinyin tool; a second, harder set (``spoken_tones_blind2.tsv``) puts 一 in idioms and numbers,
neutral-tone words beside their full-tone senses (人家, 精神) and half-thirds (马虎) in longer
sentences; a third (``spoken_tones_blind3.tsv``) is everyday conversation (一月份, 拿不动, 听不清楚,
多少钱, 动人家的书包), a fourth (``spoken_tones_blind4.tsv``) news and formal speech (零点一, 一年级,
非法买卖, 粮食产量, 老百姓), a fifth (``spoken_tones_blind5.tsv``) children's stories and family dialogue
(尝尝, 捶捶背, 婶婶, 舒舒服服, 这是人家的), a sixth (``spoken_tones_blind6.tsv``) radio drama and phone talk
(看不清楚, 人家不想去, 老子今天不干了, 掉地下了), a seventh (``spoken_tones_blind7.tsv``) texts read
aloud (大丈夫), an eighth (``spoken_tones_blind8.tsv``) announcements and service speech (每周一, 多少份), a ninth
(``spoken_tones_blind9.tsv``) vlogs and live streams (喜不喜欢, 毛呢大衣), a tenth (``spoken_tones_blind10.tsv``)
classroom teaching (三年级一班, 一月中旬, 谁来说说), an eleventh (``spoken_tones_blind11.tsv``) markets and
chores (洗不干净, 人家老王), a twelfth (``spoken_tones_blind12.tsv``) radio and talk shows, a thirteenth
(``spoken_tones_blind13.tsv``) workplace speech (解决不了), a fourteenth (``spoken_tones_blind14.tsv``)
sport, coaching and the outdoors (不难), a fifteenth (``spoken_tones_blind15.tsv``) at the
doctor's and the pharmacy (苦不苦, 有精神), a sixteenth (``spoken_tones_blind16.tsv``) parents and
children at home (从一数到十, 小耳朵), a seventeenth (``spoken_tones_blind17.tsv``) friends playing
cards and games (万里挑一啊, 放一楼门口), an eighteenth (``spoken_tones_blind18.tsv``) shopkeepers and
customers (拿出来, 地道), a nineteenth (``spoken_tones_blind19.tsv``) office colleagues (一月再休, 把门关上, 挺精神的). Printed per set and section: ours (the frontend's ``pinyin``) and pypinyin with its
tone-sandhi converter (``pypinyin.contrib.tone_sandhi``), then each of our misses.

The erhua set marks one written 儿 per sentence, labelled ``r`` (merged into the syllable before:
花儿 huar1, 好样儿的, 裤兜儿里) or ``er`` (its own syllable: 儿子, 女儿, 体育健儿, 托儿所); ours is
the frontend's syllable for that 儿 (``pinyin`` repeats a merged syllable for its 儿); a second
erhua set (``erhua_blind2.tsv``) is harder (今儿个, 儿媳妇儿, 体育健儿们), a third
(``erhua_blind3.tsv``) northern colloquial speech (发小儿, 小人儿书, 挂个儿科, 儿皇帝), a fourth
(``erhua_blind4.tsv``) a hard mix (兔儿爷, 孛儿只斤, 娇儿恶卧, jieba's 被窝|儿真), a fifth (``erhua_blind5.tsv``)
Beijing speech and crosstalk (包袱儿, 片儿警, 门儿清, jieba's 馅|儿调得), a sixth (``erhua_blind6.tsv``) children's
talk, snacks and 儿 as a syllable (一块|儿童手表, 馅儿饼), a seventh (``erhua_blind7.tsv``) northern street
and family talk (打小儿, 一儿一女), an eighth (``erhua_blind8.tsv``) Beijing prose and formal news
(玩儿命, jieba's 活儿干, 小儿麻痹症, 女儿红), a ninth (``erhua_blind9.tsv``) northern
street talk and 儿 as a syllable (吾儿), a tenth (``erhua_blind10.tsv``) period drama and daily speech (孩儿给母亲请安). All the sets were written
by helpers that saw neither this system nor any pinyin tool.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

MARK = "\u2581"
DATA = REPO / "benchmarks" / "data" / "spoken_tones_blind.tsv"
DATA2 = REPO / "benchmarks" / "data" / "spoken_tones_blind2.tsv"
DATA3 = REPO / "benchmarks" / "data" / "spoken_tones_blind3.tsv"
DATA4 = REPO / "benchmarks" / "data" / "spoken_tones_blind4.tsv"
DATA5 = REPO / "benchmarks" / "data" / "spoken_tones_blind5.tsv"
DATA6 = REPO / "benchmarks" / "data" / "spoken_tones_blind6.tsv"
DATA7 = REPO / "benchmarks" / "data" / "spoken_tones_blind7.tsv"
DATA8 = REPO / "benchmarks" / "data" / "spoken_tones_blind8.tsv"
DATA9 = REPO / "benchmarks" / "data" / "spoken_tones_blind9.tsv"
DATA10 = REPO / "benchmarks" / "data" / "spoken_tones_blind10.tsv"
DATA11 = REPO / "benchmarks" / "data" / "spoken_tones_blind11.tsv"
DATA12 = REPO / "benchmarks" / "data" / "spoken_tones_blind12.tsv"
DATA13 = REPO / "benchmarks" / "data" / "spoken_tones_blind13.tsv"
DATA14 = REPO / "benchmarks" / "data" / "spoken_tones_blind14.tsv"
DATA15 = REPO / "benchmarks" / "data" / "spoken_tones_blind15.tsv"
DATA16 = REPO / "benchmarks" / "data" / "spoken_tones_blind16.tsv"
DATA17 = REPO / "benchmarks" / "data" / "spoken_tones_blind17.tsv"
DATA18 = REPO / "benchmarks" / "data" / "spoken_tones_blind18.tsv"
DATA19 = REPO / "benchmarks" / "data" / "spoken_tones_blind19.tsv"
ERHUA = REPO / "benchmarks" / "data" / "erhua_blind.tsv"
ERHUA2 = REPO / "benchmarks" / "data" / "erhua_blind2.tsv"
ERHUA3 = REPO / "benchmarks" / "data" / "erhua_blind3.tsv"
ERHUA4 = REPO / "benchmarks" / "data" / "erhua_blind4.tsv"
ERHUA5 = REPO / "benchmarks" / "data" / "erhua_blind5.tsv"
ERHUA6 = REPO / "benchmarks" / "data" / "erhua_blind6.tsv"
ERHUA7 = REPO / "benchmarks" / "data" / "erhua_blind7.tsv"
ERHUA8 = REPO / "benchmarks" / "data" / "erhua_blind8.tsv"
ERHUA9 = REPO / "benchmarks" / "data" / "erhua_blind9.tsv"
ERHUA10 = REPO / "benchmarks" / "data" / "erhua_blind10.tsv"


@dataclass(frozen=True)
class SpokenExample:
    """One sentence, the position of its marked character, the spoken syllable, the section."""

    sentence: str
    index: int
    label: str
    section: str


def load_spoken(path: Path = DATA) -> list[SpokenExample]:
    """Read the set: ``## name`` lines open a section, ``#`` lines are comments."""
    examples, section = [], ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            section = line[3:].strip()
        if not line or line.startswith("#"):
            continue
        marked, label = line.split("\t")
        index = marked.index(MARK)
        examples.append(SpokenExample(marked.replace(MARK, ""), index, label.strip(), section))
    return examples


def han_index(sentence: str, index: int) -> int:
    """Position of ``sentence[index]`` among the sentence's Han characters (the frontend's
    ``pinyin`` has one syllable per Han character of the input)."""
    from tts.text.normalize.chars import is_han

    return sum(1 for c in sentence[:index] if is_han(c))


def ours(examples: list[SpokenExample]) -> list[str]:
    from tts.text.frontend import text_to_pinyin

    return [text_to_pinyin(e.sentence)[han_index(e.sentence, e.index)] for e in examples]


def pypinyin_sandhi(examples: list[SpokenExample]) -> list[str]:
    from pypinyin import Style
    from pypinyin.contrib.tone_sandhi import ToneSandhiMixin
    from pypinyin.converter import DefaultConverter
    from pypinyin.core import Pinyin

    class Converter(ToneSandhiMixin, DefaultConverter):
        pass

    reader = Pinyin(Converter())
    out = []
    for e in examples:
        syllables = [s[0] for s in reader.pinyin(e.sentence, style=Style.TONE3, errors=lambda t: list(t))]
        syllable = syllables[e.index] if len(syllables) == len(e.sentence) else "?"
        out.append(syllable if syllable[-1:].isdigit() else syllable + "5")
    return out


def load_erhua(path: Path = ERHUA) -> list[SpokenExample]:
    """Read the erhua set (label ``r`` or ``er`` for the marked 儿)."""
    return load_spoken(path)


def erhua_of(examples: list[SpokenExample]) -> list[str]:
    """``er`` where the frontend says the marked 儿 as a syllable of its own, else ``r``."""
    return ["er" if syllable[:-1] == "er" else "r" for syllable in ours(examples)]


def report_tones(examples: list[SpokenExample]) -> None:
    """Per section: ours and pypinyin's sandhi converter right, then our misses."""
    mine, theirs = ours(examples), pypinyin_sandhi(examples)
    sections = list(dict.fromkeys(e.section for e in examples))
    print(f"{'section':<16} {'n':>4} {'ours':>6} {'pypinyin':>9}")
    for section in sections + ["all"]:
        rows = [k for k, e in enumerate(examples) if section in ("all", e.section)]
        right = sum(mine[k] == examples[k].label for k in rows)
        right_pp = sum(theirs[k] == examples[k].label for k in rows)
        print(f"{section:<16} {len(rows):>4} {right:>6} {right_pp:>9}")
    for e, got in zip(examples, mine):
        if got != e.label:
            print(f"  miss: {e.sentence[e.index]} said {got}, want {e.label}  {e.sentence}")


def report_erhua(er_examples: list[SpokenExample]) -> None:
    """Merged (r) and full-syllable (er) 儿 read right, then our misses."""
    said = erhua_of(er_examples)
    for label in ("r", "er", "all"):
        rows = [k for k, e in enumerate(er_examples) if label in ("all", e.label)]
        right = sum(said[k] == er_examples[k].label for k in rows)
        print(f"erhua {label:<10} {len(rows):>4} {right:>6}")
    for e, got in zip(er_examples, said):
        if got != e.label:
            print(f"  miss: 儿 said as {got}, want {e.label}  {e.sentence}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, nargs="*", default=[DATA, DATA2, DATA3, DATA4, DATA5, DATA6, DATA7, DATA8, DATA9, DATA10, DATA11, DATA12, DATA13, DATA14, DATA15, DATA16, DATA17, DATA18, DATA19])
    parser.add_argument("--erhua", type=Path, nargs="*", default=[ERHUA, ERHUA2, ERHUA3, ERHUA4, ERHUA5, ERHUA6, ERHUA7, ERHUA8, ERHUA9, ERHUA10])
    args = parser.parse_args()
    for path in args.data:
        print(path.name)
        report_tones(load_spoken(path))
    for path in args.erhua:
        print(path.name)
        report_erhua(load_erhua(path))


if __name__ == "__main__":
    main()
