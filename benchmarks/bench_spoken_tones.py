"""Spoken tones: the frontend's surface tones (after sandhi) against a blind hand-labelled set.

    python benchmarks/bench_spoken_tones.py [--data benchmarks/data/spoken_tones_blind.tsv]

Each sentence marks one character with the tone a careful Putonghua speaker says there: 一 and 不
before other tones (一定 yi2, 一天 yi4, 第一 yi1, 看一看 yi5, 不是 bu2, 是不是 bu5), neutral-tone
particles, suffixes and words with their full-tone contrasts (东西 "thing" xi5, 东西走向 xi1; 桌子
zi5, 孔子 zi3), and third-tone sandhi in tight two-syllable units (你好 ni2, with 姐姐 jie3 and 耳朵
er3 as half-third contrasts). The set was written by a helper that saw neither this system nor any
pinyin tool. Printed per section: ours (the frontend's ``pinyin``) and pypinyin with its
tone-sandhi converter (``pypinyin.contrib.tone_sandhi``), then each of our misses.
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    examples = load_spoken(args.data)
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


if __name__ == "__main__":
    main()
