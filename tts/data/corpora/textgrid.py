"""Praat TextGrid reading (long and short text formats) and MFA phone alignments.

Hand-written rather than a PyPI package: both text formats carry the same values in the same
order (long format only adds ``key =`` names and ``item [1]:`` headings), so one tokenizer that
keeps strings, numbers and ``<exists>`` flags reads both in ~80 lines, with file:line errors, and
without adding a dependency (``praatio`` is larger and raises its own error types; ``textgrid``
is not maintained).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional, Union

from tts.data.corpora.labels import PhoneAlignment, labels_to_alignment
from tts.errors import InputError

TEXTGRID_SUFFIX = ".TextGrid"

_TOKEN_RE = re.compile(
    r'(?P<string>"(?:[^"]|"")*")'
    r"|(?P<index>\[\s*\d*\s*\])"
    r"|(?P<flag><exists>|<absent>)"
    r"|(?P<number>[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)(?=[\s\]]|$)"
    r"|(?P<comment>![^\n]*)"
    r"|(?P<word>[^\s\"\[]+)"
)


# The only bare words a text TextGrid contains: long-format keys and header words.
_KEYS = frozenset("File type Object class xmin xmax tiers size item intervals points text name "
                  "number mark time".split()) | {""}
_HEADER_RE = re.compile(r'\s*File\s+type\s*=\s*"ooTextFile"')


@dataclass(frozen=True)
class Interval:
    """One labelled span of an interval tier, in seconds."""

    start: float
    end: float
    label: str


@dataclass(frozen=True)
class _Token:
    kind: str  # "string", "number" or "flag"
    value: str
    line: int


class _Tokens:
    """The values of a TextGrid in file order, with typed accessors that fail with file:line."""

    def __init__(self, text: str, path: Path) -> None:
        self.path = path
        self._tokens = list(_tokenize(text, path))
        self._pos = 0

    def _next(self, kind: str) -> _Token:
        if self._pos >= len(self._tokens):
            last = self._tokens[-1].line if self._tokens else 1
            raise InputError(f"{self.path}:{last}: TextGrid ends early; expected a {kind}")
        token = self._tokens[self._pos]
        self._pos += 1
        if token.kind != kind:
            raise InputError(f"{self.path}:{token.line}: expected a {kind} in TextGrid, "
                             f"found {token.value!r}")
        return token

    def string(self) -> str:
        return self._next("string").value[1:-1].replace('""', '"')

    def number(self) -> float:
        return float(self._next("number").value)

    def count(self) -> int:
        token = self._next("number")
        if not token.value.isdigit():
            raise InputError(f"{self.path}:{token.line}: expected a count, found {token.value!r}")
        return int(token.value)

    def flag(self) -> str:
        return self._next("flag").value


def _tokenize(text: str, path: Path) -> Iterator[_Token]:
    line, counted_to = 1, 0
    for match in _TOKEN_RE.finditer(text):
        line += text.count("\n", counted_to, match.start())
        counted_to = match.start()
        kind = match.lastgroup
        if kind in ("string", "number", "flag"):
            yield _Token(kind, match.group(), line)
        elif kind == "word" and match.group().rstrip(":?=") not in _KEYS:
            raise InputError(f"{path}:{line}: unexpected {match.group()!r} in TextGrid")


def read_textgrid(path: Union[Path, str]) -> dict[str, list[Interval]]:
    """Interval tiers of a TextGrid file by tier name (point tiers are skipped)."""
    path = Path(path)
    return parse_textgrid(_decode(path), path)


def parse_textgrid(text: str, path: Path) -> dict[str, list[Interval]]:
    """Parse TextGrid text (long or short format); ``path`` only names the file in errors."""
    if not _HEADER_RE.match(text):
        raise InputError(f'{path}:1: not a Praat text TextGrid (expected File type = "ooTextFile")')
    tokens = _Tokens(text, path)
    tokens.string()  # "ooTextFile"
    object_class = tokens.string()
    if object_class != "TextGrid":
        raise InputError(f"{path}:2: object class is {object_class!r}, not 'TextGrid'")
    tokens.number(), tokens.number()  # xmin, xmax of the whole grid
    if tokens.flag() == "<absent>":
        return {}
    tiers: dict[str, list[Interval]] = {}
    for _ in range(tokens.count()):
        tier_class, name = tokens.string(), tokens.string()
        tokens.number(), tokens.number()
        size = tokens.count()
        if tier_class == "IntervalTier":
            tiers[name] = [Interval(tokens.number(), tokens.number(), tokens.string())
                           for _ in range(size)]
        elif tier_class == "TextTier":
            for _ in range(size):
                tokens.number(), tokens.string()
        else:
            raise InputError(f"{path}: unknown TextGrid tier class {tier_class!r}")
    return tiers


def _decode(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot read TextGrid ({error.strerror})") from None
    if data.startswith(b"ooBinaryFile"):
        raise InputError(f"{path}: binary TextGrids are not supported; save it as text in Praat")
    encoding = "utf-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(f"{path}:{line}: TextGrid is not {encoding} text") from None


def find_textgrid(item_id: str, textgrid_dir: Path, speaker: Optional[str] = None) -> Optional[Path]:
    """MFA writes ``<dir>/<id>.TextGrid``, or ``<dir>/<speaker>/<id>.TextGrid`` per speaker."""
    candidates = [textgrid_dir / f"{item_id}{TEXTGRID_SUFFIX}"]
    if speaker is not None:
        candidates.append(textgrid_dir / speaker / f"{item_id}{TEXTGRID_SUFFIX}")
    return next((path for path in candidates if path.is_file()), None)


def phones_tier(tiers: dict[str, list[Interval]], path: Path) -> list[Interval]:
    """The MFA ``phones`` tier (MFA 1.x names it ``<speaker> - phones``)."""
    for name, intervals in tiers.items():
        if name == "phones" or name.endswith(" - phones"):
            return intervals
    known = ", ".join(repr(name) for name in tiers) or "none"
    raise InputError(f"{path}: no 'phones' tier (tiers: {known})")


def read_mfa_alignments(item_id: str, textgrid_dir: Union[Path, str],
                        speaker: Optional[str] = None) -> PhoneAlignment:
    """Inventory phones (and tones, when labels carry them) from an item's MFA TextGrid.

    Empty labels and ``sp``/``sil``/``spn`` become ``SP``; pinyin-style tonal finals become
    inventory finals plus a tone. Raises :class:`InputError` naming the file when it is missing
    or does not parse.
    """
    textgrid_dir = Path(textgrid_dir)
    path = find_textgrid(item_id, textgrid_dir, speaker)
    if path is None:
        raise InputError(f"{textgrid_dir}: no TextGrid for {item_id!r} "
                         f"(expected {item_id}{TEXTGRID_SUFFIX})")
    intervals = phones_tier(read_textgrid(path), path)
    try:
        return labels_to_alignment(intervals)
    except InputError as error:
        raise InputError(f"{path}: {error}") from None
