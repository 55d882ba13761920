"""Collocations: fixed contexts that settle a polyphone's reading (鱼刺[卡]在 qia3, [和]面 huo2).

Many everyday readings are verb senses that only the neighbouring words show: 卡 is "stuck" (qiǎ)
in 卡在 / 卡住, 盛 is "ladle" (chéng) in 盛饭, 铺 is "spread" (pū) in 铺好, 大夫 is "doctor"
(dàifu) after 看 or 找. pypinyin's phrase dictionary has some of them as words, but jieba cuts the
sentence elsewhere (鱼刺|卡|在), and the BiLSTM, trained on encyclopedia text, reads the noun sense.

``tts/resources/polyphone/collocations.tsv`` lists them, one per line::

    鱼刺[卡]在<TAB>qia3
    看[大夫]<TAB>dai4 fu5

The bracketed characters get the syllables; the text around them must match too. A collocation
applies only where its two ends fall on word boundaries of the segmentation, so [卡]在 reads
鱼刺卡在 but not 信用卡在哪 (卡 inside 信用卡), and [和]面 reads 和面 but not 我和面包 (面 inside 面包).
A word that jieba's dictionary does not know (its HMM glued 他弹) binds nothing: every position
inside it counts as a boundary. An end written ``…`` need not be a boundary: ``[切]成…`` reads
切|成细丝 too, where jieba's dictionary has the odd entry 成细丝, and ``…[行]驶`` reads 改道行驶.
The longest matching collocation wins.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tts.errors import InputError
from tts.text.pinyin import syllable_to_phones

OPEN = "…"  # marks an end of a collocation that need not be a word boundary
COLLOCATIONS_FILE = Path(__file__).resolve().parent.parent / "resources" / "polyphone" / "collocations.tsv"


@dataclass(frozen=True)
class Collocation:
    """``left + word + right`` in a sentence reads ``word`` as ``syllables``."""

    left: str
    word: str
    right: str
    syllables: tuple[str, ...]  # one per character of ``word``
    open_left: bool = False  # the left end need not be a word boundary (written ``…``)
    open_right: bool = False

    @property
    def text(self) -> str:
        return self.left + self.word + self.right


class Collocations:
    """A table of collocations, looked up by the character to read."""

    def __init__(self, entries: list[Collocation]) -> None:
        self.entries = entries
        # character → (its offset in the collocation's text, the collocation), longest first
        self._by_char: dict[str, list[tuple[int, Collocation]]] = {}
        for entry in sorted(entries, key=lambda e: -len(e.text)):
            for j, char in enumerate(entry.word):
                self._by_char.setdefault(char, []).append((len(entry.left) + j, entry))
        # The same, narrowed to what can match before a given next character (its collocations that
        # name that character next, and those that end at the character), still longest first:
        # (character, next character) → candidates, and character → those that end there.
        self._ending: dict[str, list[tuple[int, Collocation]]] = {}
        self._by_next: dict[tuple[str, str], list[tuple[int, Collocation]]] = {}
        for char, candidates in self._by_char.items():
            ending = [c for c in candidates if c[0] + 1 == len(c[1].text)]
            self._ending[char] = ending
            for nxt in {c[1].text[c[0] + 1] for c in candidates if c[0] + 1 < len(c[1].text)}:
                self._by_next[char, nxt] = [c for c in candidates
                                            if c[0] + 1 == len(c[1].text) or c[1].text[c[0] + 1] == nxt]

    @staticmethod
    def parse_line(line: str, where: str) -> Collocation:
        """One ``context<TAB>syllables`` line (see the module doc).

        Raises:
            InputError: naming ``where``.
        """
        pattern, _, syllables = line.partition("\t")
        open_left, open_right = pattern.startswith(OPEN), pattern.endswith(OPEN)
        pattern = pattern.removeprefix(OPEN).removesuffix(OPEN)
        left, bracket, rest = pattern.partition("[")
        word, close, right = rest.partition("]")
        readings = tuple(syllables.split())
        if not bracket or not close or not word or "[" in rest or "]" in right or OPEN in pattern:
            raise InputError(f"{where}: expected one bracketed word, as in 鱼刺[卡]在<TAB>qia3: {line!r}")
        if len(readings) != len(word):
            raise InputError(f"{where}: {len(word)} bracketed characters but {len(readings)} syllables")
        for syllable in readings:
            try:
                syllable_to_phones(syllable)
            except InputError as err:
                raise InputError(f"{where}: {err}") from None
        return Collocation(left, word, right, readings, open_left, open_right)

    @classmethod
    def parse(cls, text: str, source: str = "collocations") -> Collocations:
        """Read the table format (see the module doc); ``#`` starts a comment line.

        Raises:
            InputError: naming ``source`` and the line at fault.
        """
        entries: list[Collocation] = []
        seen: set[tuple[str, int]] = set()
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            where = f"{source}, line {number}"
            entry = cls.parse_line(line, where)
            key = (entry.text, len(entry.left))  # the same text with other ends is a duplicate too
            if key in seen:
                raise InputError(f"{where}: {entry.left}[{entry.word}]{entry.right} is listed twice")
            seen.add(key)
            entries.append(entry)
        return cls(entries)

    @classmethod
    def load(cls, path: Path = COLLOCATIONS_FILE) -> Collocations:
        return cls.parse(path.read_text(encoding="utf-8"), str(path))

    def covers(self, char: str) -> bool:
        return char in self._by_char

    def reading(self, sentence: str, index: int, bounds: frozenset[int]) -> str | None:
        """The syllable of ``sentence[index]`` fixed by the longest collocation matching there
        whose ends are in ``bounds`` (word boundary positions, see word_bounds), or ``None``."""
        char = sentence[index]
        nxt = sentence[index + 1:index + 2]
        candidates = self._by_next.get((char, nxt))
        if candidates is None:
            candidates = self._ending.get(char, ())
        for offset, entry in candidates:
            start = index - offset
            end = start + len(entry.text)
            if start >= 0 and (entry.open_left or start in bounds) and (entry.open_right or end in bounds) \
                    and sentence.startswith(entry.text, start):
                return entry.syllables[offset - len(entry.left)]
        return None
