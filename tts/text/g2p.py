"""Word segmentation and dictionary pronunciation: jieba words, pypinyin's dictionaries.

A sentence (normalized text: Han characters and Chinese punctuation) is cut into words with
jieba; each word is read from pypinyin's phrase dictionary when it is a phrase there, else by
the longest dictionary phrases inside it, else character by character (each character's most
common reading). Polyphonic characters are then re-decided by :mod:`tts.text.polyphone`, and
user lexicon words and inline overrides replace everything (:mod:`tts.text.overrides`).
Readings here are lexical; :mod:`tts.text.sandhi` turns them into surface tones.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from tts.errors import InputError
from tts.text.normalize.chars import is_han
from tts.text.pinyin import syllable_to_phones
from tts.text.polyphone_rules import SURNAME_READINGS, surname_reading

if TYPE_CHECKING:
    from tts.text.overrides import Lexicon
    from tts.text.polyphone import PolyphoneModel, Target

MAX_PHRASE = 8  # longest dictionary phrase looked for inside a word


@cache
def tone3(marked: str) -> str | None:
    """pypinyin's tone-marked syllable → tone-numbered (``hǎo`` → ``hao3``, ``de`` → ``de5``).

    ``None`` when the result is not a syllable of the phoneme inventory (a handful of rare
    dialect readings such as ``wong4``).
    """
    from pypinyin.contrib.tone_convert import to_tone3

    syllable = to_tone3(marked, neutral_tone_with_five=True).replace("ü", "v")
    if not syllable or not syllable[-1].isdigit():
        syllable += "5"
    try:
        syllable_to_phones(syllable)
    except InputError:
        return None
    return syllable


# Characters whose standard reading (现代汉语词典, 普通话异读词审音表) pypinyin does not list first: 框 kuàng
# (相框, 框架; kuāng is the old reading).
STANDARD_FIRST: dict[str, str] = {"框": "kuang4"}


class PinyinDictionary:
    """pypinyin's character and phrase dictionaries, read in tone-numbered pinyin."""

    def __init__(self) -> None:
        from pypinyin.constants import PHRASES_DICT, PINYIN_DICT

        self._phrases = PHRASES_DICT
        self._chars = PINYIN_DICT
        self._prefixes = {w[:n] for w in PHRASES_DICT for n in range(2, min(len(w), MAX_PHRASE) + 1)}
        self._phrase_cache: dict[str, tuple[str | None, ...] | None] = {}  # bounded by the dictionary
        self._char_cache: dict[str, tuple[str, ...]] = {}

    def phrase(self, word: str) -> tuple[str | None, ...] | None:
        """The dictionary reading of a phrase of two or more characters, or ``None``."""
        entry = self._phrases.get(word) if len(word) >= 2 else None
        if entry is None or len(entry) != len(word):
            return None
        cached = self._phrase_cache.get(word)
        if cached is None:
            cached = self._phrase_cache[word] = tuple(tone3(options[0]) for options in entry)
        return cached

    def has_phrase(self, word: str) -> bool:
        return len(word) >= 2 and word in self._phrases

    def readings(self, char: str) -> tuple[str, ...]:
        """All readings of one character, the most common first (empty when unknown)."""
        cached = self._char_cache.get(char)
        if cached is not None:
            return cached
        entry = self._chars.get(ord(char)) if len(char) == 1 else None
        out = [tone3(p) for p in entry.split(",")] if entry is not None else []
        first = STANDARD_FIRST.get(char)
        cached = tuple(dict.fromkeys(p for p in ([first] if first else []) + out if p is not None))
        if entry is not None:  # only dictionary characters are cached, so the cache stays bounded
            self._char_cache[char] = cached
        return cached

    def char(self, char: str) -> str | None:
        """The most common reading of one character, or ``None`` when it has none."""
        options = self.readings(char)
        return options[0] if options else None

    def read(self, word: str) -> list[str | None]:
        """Read a word: whole phrase, else longest phrases inside it, else char by char."""
        whole = self.phrase(word)
        if whole is not None:
            return list(whole)
        out: list[str | None] = []
        i = 0
        while i < len(word):
            for size in range(min(MAX_PHRASE, len(word) - i), 1, -1):
                part = self.phrase(word[i:i + size])
                if part is not None:
                    out += part
                    i += size
                    break
            else:
                out.append(self.char(word[i]))
                i += 1
        return out

    def phrase_matches(self, text: str) -> list[tuple[int, int]]:
        """``[start, end)`` of every dictionary phrase (two or more characters) inside ``text``."""
        phrases, prefixes = self._phrases, self._prefixes
        found = []
        for start in range(len(text) - 1):
            end = start + 2
            while end <= len(text) and end - start <= MAX_PHRASE and text[start:end] in prefixes:
                if text[start:end] in phrases:
                    found.append((start, end))
                end += 1
        return found

    def covering(self, text: str, index: int, matches: list[tuple[int, int]]) -> list[str]:
        """The readings of ``text[index]`` in the phrase matches (from :meth:`phrase_matches`)
        that cover it."""
        found: list[str] = []
        for start, end in matches:
            if start <= index < end:
                reading = self.phrase(text[start:end])
                if reading is not None and reading[index - start] is not None:
                    found.append(reading[index - start])  # type: ignore[arg-type]
        return found


class Segmenter:
    """jieba word segmentation (the shared default tokenizer; it is never modified)."""

    def __init__(self) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # jieba imports the deprecated pkg_resources
            import jieba
        jieba.setLogLevel(logging.WARNING)
        jieba.dt.check_initialized()
        self._jieba = jieba

    def cut(self, text: str) -> list[str]:
        """Words of a run of Han characters, in order; they join back to ``text``."""
        if not text:
            return []
        return self._jieba.lcut(text, HMM=True)

    def is_word(self, text: str) -> bool:
        """True when jieba's dictionary lists ``text`` as a word."""
        return self._jieba.dt.FREQ.get(text, 0) > 0


@dataclass(frozen=True)
class WordSpan:
    """A word of a sentence: ``sentence[start:end]``; ``fixed`` holds a lexicon reading."""

    start: int
    end: int
    fixed: tuple[str, ...] | None = None


def han_runs(sentence: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each maximal run of Han characters."""
    runs: list[tuple[int, int]] = []
    start = None
    for i, char in enumerate(sentence + "\0"):
        if i < len(sentence) and is_han(char):
            if start is None:
                start = i
        elif start is not None:
            runs.append((start, i))
            start = None
    return runs


class G2P:
    """Segment a normalized sentence and give every character its lexical reading."""

    def __init__(self, dictionary: PinyinDictionary | None = None,
                 segmenter: Segmenter | None = None,
                 polyphone: PolyphoneModel | None = None) -> None:
        self.dictionary = dictionary or PinyinDictionary()
        self.segmenter = segmenter or Segmenter()
        self.polyphone = polyphone
        # surname characters the model does not cover (员, 阚, 繁): the surname rules read them
        self._uncovered_surnames = frozenset(
            c for c in SURNAME_READINGS if polyphone is not None and not polyphone.covers(c))

    @classmethod
    def load(cls) -> G2P:
        """Dictionary, segmenter and the shipped polyphone model."""
        from tts.text.polyphone import PolyphoneModel

        dictionary = PinyinDictionary()
        return cls(dictionary, Segmenter(), PolyphoneModel.load(dictionary))

    def segment(self, sentence: str, lexicon: Lexicon | None = None) -> list[WordSpan]:
        """Words of the sentence: lexicon words first, jieba on the rest of each Han run; every
        other character is a span of its own."""
        spans: list[WordSpan] = []
        position = 0
        for start, end in han_runs(sentence):
            spans += [WordSpan(i, i + 1) for i in range(position, start)]
            cursor = start
            run = sentence[start:end]
            found = list(lexicon.matches(run)) if lexicon is not None else []
            for offset, word in found:
                spans += self._cut(sentence, cursor, start + offset)
                spans.append(WordSpan(start + offset, start + offset + len(word),
                                      lexicon.entries[word]))  # type: ignore[union-attr]
                cursor = start + offset + len(word)
            spans += self._cut(sentence, cursor, end)
            position = end
        spans += [WordSpan(i, i + 1) for i in range(position, len(sentence))]
        return spans

    def _cut(self, sentence: str, start: int, end: int) -> list[WordSpan]:
        spans = []
        for word in self.segmenter.cut(sentence[start:end]):
            spans.append(WordSpan(start, start + len(word)))
            start += len(word)
        return spans

    def read(self, sentence: str, spans: list[WordSpan]) -> list[str | None]:
        """Lexical reading of each character (``None`` for non-Han or unreadable characters)."""
        readings: list[str | None] = [None] * len(sentence)
        for span in spans:
            if span.fixed is not None:
                readings[span.start:span.end] = list(span.fixed)
            elif is_han(sentence[span.start]):
                readings[span.start:span.end] = self.dictionary.read(sentence[span.start:span.end])
        if self.polyphone is not None:
            bounds = self.word_bounds(sentence, spans)
            targets = self.targets(sentence, spans, readings, bounds)
            for target, reading in zip(targets, self.polyphone.decide(sentence, targets)):
                readings[target.index] = reading
            # characters the model does not cover (嚼) follow the collocations, and surnames
            # (员女士, 阚教授) the surname rules
            collocations = self.polyphone.collocations
            for span in spans:
                if span.fixed is None:
                    for i in range(span.start, span.end):
                        if collocations.covers(sentence[i]) and not self.polyphone.covers(sentence[i]):
                            readings[i] = collocations.reading(sentence, i, bounds) or readings[i]
            if not self._uncovered_surnames.isdisjoint(sentence):
                for target in self.targets(sentence, spans, readings, bounds, self._uncovered_surnames.__contains__):
                    readings[target.index] = surname_reading(sentence, target) or readings[target.index]
        return readings

    def word_bounds(self, sentence: str, spans: list[WordSpan]) -> frozenset[int]:
        """Positions where a word starts or ends, and every position inside a word that jieba's
        HMM made up (他弹: not in its dictionary), which binds nothing."""
        bounds = {0, len(sentence)}
        for span in spans:
            if span.fixed is None and span.end - span.start >= 2 \
                    and not self.segmenter.is_word(sentence[span.start:span.end]):
                bounds.update(range(span.start, span.end + 1))
            else:
                bounds.update((span.start, span.end))
        return frozenset(bounds)

    def targets(self, sentence: str, spans: list[WordSpan], readings: list[str | None],
                bounds: frozenset[int] = frozenset(),
                chosen: Callable[[str], bool] | None = None) -> list[Target]:
        """The characters the polyphone model decides (or those ``chosen`` picks), with their
        segmentation context (``bounds``: see word_bounds)."""
        from tts.text.polyphone import Target

        assert self.polyphone is not None
        out = []
        previous = ""
        for span in spans:
            word = sentence[span.start:span.end]
            before, previous = previous, word
            if span.fixed is not None:
                continue
            phrase = self.dictionary.phrase(word) if len(word) >= 2 else None
            for i in range(span.start, span.end):
                if not (chosen or self.polyphone.covers)(sentence[i]):
                    continue
                out.append(Target(
                    index=i, word=word, word_start=span.start,
                    word_reading=phrase[i - span.start] if phrase is not None else None,
                    dict_reading=readings[i], previous_word=before, bounds=bounds,
                ))
        return out
