"""Pinyin written with tone marks inside Chinese text, said as the syllables it spells.

A textbook or a dictionary entry writes 教 读 jiào 在"教室"里 — a reader says jiào, not the letters
j-i-a-o. :data:`PINYIN_WORD` reads such a word as Chinese characters of exactly those readings: for each
toned syllable a common character (GB 2312 level 1) that has that one reading in pypinyin, so the
G2P can read it no other way (jiào → 叫, jiāo → 交, lǜ → 律), else a common character whose first
reading it is (hǎo → 好). Words among Latin words that are no pinyin (Lei è italiana) are another
language's and are read as before. A word with tone marks that is no pinyin
(café) is read as before, its accents dropped.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from tts.text.normalize.latin import _PINYIN, pinyin_syllables, spell
from tts.text.normalize.rules import Piece, Rule, group, rule

# Tone-marked vowels → (vowel, tone).
_TONED: dict[str, tuple[str, int]] = {}
for _base, _marks in (("a", "āáǎà"), ("e", "ēéěè"), ("i", "īíǐì"), ("o", "ōóǒò"), ("u", "ūúǔù"), ("v", "ǖǘǚǜ"),
                      ("a", "ĀÁǍÀ"), ("e", "ĒÉĚÈ"), ("i", "ĪÍǏÌ"), ("o", "ŌÓǑÒ"), ("u", "ŪÚǓÙ")):
    for _tone, _mark in enumerate(_marks, start=1):
        _TONED[_mark] = (_base, _tone)
TONE_MARKS = "".join(_TONED)
_LETTERS = "a-zA-Zü" + TONE_MARKS


@functools.lru_cache(maxsize=1)
def _characters() -> dict[str, str]:
    """Tone-numbered syllable (``jiao4``) → a character the G2P reads so: a common one (GB 2312 level 1)
    with that reading alone, else a common one whose first reading it is (好 hǎo), else a rarer one with
    that reading alone; a neutral tone (``ma5``) takes the character of the syllable's first tone."""
    from pypinyin import pinyin_dict

    ranked: dict[str, tuple[int, str]] = {}
    for code, readings in sorted(pinyin_dict.pinyin_dict.items()):
        if not 0x4E00 <= code <= 0x9FFF:
            continue
        char = chr(code)
        try:
            encoded = char.encode("gb2312")
            level = 1 if 0xB0 <= encoded[0] <= 0xD7 else 2
        except UnicodeEncodeError:
            level = 3
        single = "," not in readings
        if not single and level != 1:
            continue
        # common and of one reading; common, its first reading (好 hǎo, 北 běi); rarer, of one reading
        rank = {(1, True): 0, (1, False): 1, (2, True): 2, (3, True): 3}[(level, single)]
        syllable = _numbered(readings.split(",")[0])
        if syllable is not None and (syllable not in ranked or rank < ranked[syllable][0]):
            ranked[syllable] = (rank, char)
    table = {syllable: char for syllable, (_, char) in ranked.items()}
    for syllable in {s[:-1] for s in table}:
        fallback = next((table[f"{syllable}{tone}"] for tone in (1, 2, 3, 4) if f"{syllable}{tone}" in table), None)
        if fallback is not None:
            table.setdefault(f"{syllable}5", fallback)
    return table


def _numbered(toned: str) -> str | None:
    """``jiào`` → ``jiao4``; ``None`` for what is no toned pinyin syllable."""
    tone = 5
    plain = []
    for c in toned.lower():
        if c in _TONED:
            base, tone = _TONED[c]
            plain.append(base)
        elif c == "ü":
            plain.append("v")
        elif "a" <= c <= "z":
            plain.append(c)
        else:
            return None
    syllable = "".join(plain)
    return f"{syllable}{tone}" if syllable.replace("v", "u") in _PINYIN or syllable in _PINYIN else None


def _syllables(word: str) -> list[str] | None:
    """``jiàoshì`` → ``["jiào", "shì"]``: the word cut into toned pinyin syllables (at most one tone
    mark each); ``None`` if it cannot be."""
    return pinyin_syllables(word, lambda part: sum(c in _TONED for c in part) <= 1 and _numbered(part) is not None)


def _read(match: re.Match[str]) -> list[Piece]:
    word = match.group()
    parts = _syllables(word)
    table = _characters()
    if parts is not None and all(_numbered(p) in table for p in parts) and not _foreign(match):
        return [group(match, 0, "".join(table[_numbered(p)] for p in parts))]  # type: ignore[index]
    plain = "".join(c for c in unicodedata.normalize("NFD", word) if c.isascii())
    return [group(match, 0, spell(plain))]  # café: no pinyin, read as a word as before


def _foreign(match: re.Match[str]) -> bool:
    """The word stands among Latin words that are no pinyin (Lei è italiana, ¿Qué tal?), or is a bare
    vowel (è, é): another language's."""
    word = match.group()
    if len(word) == 1:
        return True
    text = match.string
    start, end = match.start(), match.end()
    while start > 0 and (text[start - 1].isascii() and (text[start - 1].isalpha() or text[start - 1] in "' ")
                         or text[start - 1] in _TONED):
        start -= 1
    while end < len(text) and (text[end].isascii() and (text[end].isalpha() or text[end] in "' ")
                               or text[end] in _TONED):
        end += 1
    others = [w for w in re.split("[ ']+", text[start:end]) if w and w != word]
    return any(_syllables(w) is None for w in others)


PINYIN_WORD = rule(
    "pinyin_word",
    rf"(?<![{_LETTERS}])(?=[{_LETTERS}]*[{TONE_MARKS}])[{_LETTERS}]+(?![{_LETTERS}])",
    _read,
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZü" + TONE_MARKS,
)

RULES: tuple[Rule, ...] = (PINYIN_WORD,)
