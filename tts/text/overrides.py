"""Pronunciations the user dictates: inline ``{...}`` overrides and a user lexicon.

Inline, in the text to read:

* ``重{chong2}庆`` — one syllable in braces right after a Han character sets that character's
  reading.
* ``{zhong4 yao4}`` — braces anywhere else, or holding several syllables, are a word of their
  own that is read exactly as written (it has no characters).

Only braces holding Latin letters, tone digits and spaces are overrides; other braces (``{家}``,
a lone ``{``) are ordinary text, which normalization drops.

A lexicon file has one entry per line, ``word<TAB>syllables``: ``行长\thang2 zhang3``; blank
lines and lines starting with ``#`` are skipped. Both always win over the dictionary, the
polyphone model, tone sandhi and erhua: the syllables are read as written.

A lexicon line may instead pin a reading in a context only, with the characters to read in
brackets: ``[和]面\thuo2`` reads 和 as huo2 in 和面 but leaves 我和面包 alone — the context applies
only where its ends fall on word boundaries (see :mod:`tts.text.collocations`, the same format the
shipped table uses). A lexicon word wins over a context; an inline override wins over both.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from tts.errors import InputError
from tts.text.collocations import Collocation, Collocations
from tts.text.normalize.chars import is_han
from tts.text.pinyin import split_tone, syllable_to_phones


def check_syllable(syllable: str, where: str = "") -> str:
    """Return ``syllable`` as canonical tone-numbered pinyin (``lü4`` → ``lv4``, ``ma`` → ``ma5``).

    Raises :class:`InputError` naming the syllable (and ``where``) when it is not Mandarin pinyin.
    """
    try:
        syllable_to_phones(syllable)
        base, tone = split_tone(syllable)
    except InputError:
        place = f" ({where})" if where else ""
        raise InputError(f"not a Mandarin pinyin syllable: {syllable!r}{place}") from None
    return f"{base}{tone}"


@dataclass(frozen=True)
class CharOverride:
    """The character at ``index`` of the cleaned text reads ``syllable``."""

    index: int
    syllable: str


@dataclass(frozen=True)
class WordOverride:
    """A word read as ``syllables``; it stands between ``Segment`` texts."""

    syllables: tuple[str, ...]


@dataclass(frozen=True)
class Segment:
    """Plain text with the braces taken out, and the characters the braces set."""

    text: str
    char_overrides: tuple[CharOverride, ...] = ()


ParsedPiece = Segment | WordOverride

_BRACE = re.compile(r"\{([A-Za-z0-9:üÜ\s]*[A-Za-züÜ][A-Za-z0-9:üÜ\s]*)\}")
# "{" then a tone-numbered syllable with no "}" to close it: a typo in an override.
_UNCLOSED = re.compile(r"\{\s*[A-Za-z:üÜ]+[1-5](?:\s+[A-Za-z:üÜ]+[1-5])*(?![A-Za-z0-9:üÜ\s]*\})")


def parse_overrides(text: str) -> list[ParsedPiece]:
    """Split ``text`` into plain segments and whole-word overrides, in order.

    ``"去重{chong2}庆{zhong4 yao4}"`` → ``[Segment("去重庆", (CharOverride(1, "chong2"),)),
    WordOverride(("zhong4", "yao4"))]``. A syllable that is not pinyin, or an override left
    unclosed (``重{chong2庆``), raises :class:`InputError` naming it.
    """
    unclosed = _UNCLOSED.search(text)
    if unclosed is not None:
        raise InputError(f"override {unclosed.group()!r} at character {unclosed.start() + 1} "
                         "has no closing '}' (write 重{chong2}庆)")
    pieces: list[ParsedPiece] = []
    plain: list[str] = []
    chars: list[CharOverride] = []
    position = 0
    for match in _BRACE.finditer(text):
        plain.append(text[position:match.start()])
        syllables = match.group(1).split()
        where = f"override {match.group()!r}"
        syllables = [check_syllable(s, where) for s in syllables]
        before = "".join(plain)
        if len(syllables) == 1 and before and is_han(before[-1]):
            chars.append(CharOverride(len(before) - 1, syllables[0]))
        else:
            if before or chars:
                pieces.append(Segment(before, tuple(chars)))
            pieces.append(WordOverride(tuple(syllables)))
            plain, chars = [], []
        position = match.end()
    rest = "".join(plain) + text[position:]
    if rest or chars or not pieces:
        pieces.append(Segment(rest, tuple(chars)))
    return pieces


@dataclass
class Lexicon:
    """User words with fixed readings; the longest entry matching at a position wins."""

    entries: dict[str, tuple[str, ...]] = field(default_factory=dict)
    contexts: list[Collocation] = field(default_factory=list)  # readings pinned in a context only

    def __post_init__(self) -> None:
        checked: dict[str, tuple[str, ...]] = {}
        for word, syllables in self.entries.items():
            checked[word] = self._checked(word, tuple(syllables), f"lexicon entry {word!r}")
        self.entries = checked
        self._longest = max((len(w) for w in self.entries), default=0)
        self.contexts = [self._checked_context(c, f"lexicon context {c.text!r}") for c in self.contexts]
        self._contexts = Collocations(self.contexts)

    @staticmethod
    def _checked_context(context: Collocation, where: str) -> Collocation:
        if not all(is_han(c) for c in context.text):
            raise InputError(f"{where}: a lexicon context must be Han characters, got {context.text!r}")
        return replace(context, syllables=tuple(check_syllable(s, where) for s in context.syllables))

    @staticmethod
    def _checked(word: str, syllables: tuple[str, ...], where: str) -> tuple[str, ...]:
        if not word or not all(is_han(c) for c in word):
            raise InputError(f"{where}: a lexicon word must be Han characters, got {word!r}")
        if len(syllables) != len(word):
            raise InputError(f"{where}: {len(word)} characters but {len(syllables)} syllables")
        return tuple(check_syllable(s, where) for s in syllables)

    @classmethod
    def from_file(cls, path: str | Path) -> Lexicon:
        """Read ``word<TAB>syllables`` lines; a malformed line raises InputError naming file:line."""
        path = Path(path)
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            raise InputError(f"cannot read lexicon {path}: {error}") from None
        entries: dict[str, tuple[str, ...]] = {}
        contexts: list[Collocation] = []
        for number, line in enumerate(lines, start=1):
            stripped = line.strip()
            if not stripped or stripped.startswith("#"):
                continue
            where = f"{path}:{number}"
            if "\t" not in stripped:
                raise InputError(f"{where}: expected 'word<TAB>pinyin syllables', got {stripped!r}")
            word, _, reading = stripped.partition("\t")
            if "[" in word or "]" in word:
                context = Collocations.parse_line(f"{word.strip()}\t{reading}", where)
                contexts.append(cls._checked_context(context, where))
                continue
            entries[word.strip()] = cls._checked(word.strip(), tuple(reading.split()), where)
        return cls(entries, contexts)

    def __len__(self) -> int:
        return len(self.entries) + len(self.contexts)

    def pinned(self, text: str, bounds: frozenset[int]) -> dict[int, str]:
        """Readings the context entries pin in ``text`` (index → syllable), given its word
        boundaries (see G2P.word_bounds)."""
        out: dict[int, str] = {}
        for i, char in enumerate(text):
            if self._contexts.covers(char):
                reading = self._contexts.reading(text, i, bounds)
                if reading is not None:
                    out[i] = reading
        return out

    def matches(self, text: str) -> Iterator[tuple[int, str]]:
        """Non-overlapping ``(start, word)`` matches in ``text``, longest first, left to right."""
        if not self.entries:
            return
        i = 0
        while i < len(text):
            for size in range(min(self._longest, len(text) - i), 0, -1):
                word = text[i:i + size]
                if word in self.entries:
                    yield i, word
                    i += size
                    break
            else:
                i += 1
