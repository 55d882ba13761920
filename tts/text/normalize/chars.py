"""Character-level cleanup: the first step of normalization.

Maps full-width ASCII to half-width, unifies look-alike symbols (``℃`` → ``°C``, ``￥`` → ``¥``),
strips control characters, emoji and scripts the frontend cannot read, and collapses whitespace.
Every cleaned character remembers the index of the input character it came from, so later steps
can report where each output character originated.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Chinese punctuation the frontend uses for breaks; it passes through normalization unchanged.
KEPT_PUNCT = frozenset("，。、；：？！“”‘’（）《》〈〉「」『』【】〔〕—…·")

# ASCII punctuation read as its Chinese counterpart.
ASCII_PUNCT = {
    ",": "，", ".": "。", "?": "？", "!": "！", ";": "；", ":": "：", "(": "（", ")": "）",
}

# Non-ASCII symbols that later rules interpret (units, currency, math, Greek letters).
_KEPT_SYMBOLS = frozenset("°²³⁰¹⁴⁵⁶⁷⁸⁹⁻⁺ⁿ‰×÷±≈≤≥≠¥€£₩₹μ√∛∠′″∞∅△∥⊥≌∽∈∉∩∪⊂⊆→∵∴♩♪♯♭½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"
                          "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙ"
                          "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳") | frozenset(
    chr(c) for c in range(0x391, 0x3CA) if unicodedata.category(chr(c)).startswith("L")
)

# Look-alikes mapped before anything else; "" drops the character.
_EXPLICIT = {
    "～": "~", "〜": "~", "－": "-", "−": "-", "–": "-", "‒": "-", "﹣": "-", "⁄": "/", "∕": "/",
    "・": "·", "•": "", "￥": "¥", "￡": "£", "％": "%", "℃": "°C", "℉": "°F", "µ": "μ",
    "〇": "〇", "﹐": "，", "﹑": "、", "﹒": ".", "﹔": "；", "﹕": "：", "﹖": "？", "﹗": "！",
    "｡": "。", "､": "、", "「": "「", "」": "」", "‧": "·", "﹏": "", "―": "—", "─": "—",
    "№": "No.", "™": "", "℠": "", "©": "", "®": "",
}

_NEWLINES = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")

SPACE = " "
NEWLINE = "\n"  # marks a line break that ends a sentence; read as "。"


# The same set as a regex character class (is_han plus KEPT_PUNCT).
KEPT_CLASS = (
    "\u4e00-\u9fff\u3400-\u4dbf\U00020000-\U0002ebef\U00030000-\U000323af\u3007"
    + "".join(sorted(KEPT_PUNCT))
)


def is_han(char: str) -> bool:
    """True for a CJK unified ideograph (basic block, extensions A–G) or ``〇``."""
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x2EBEF
        or 0x30000 <= code <= 0x323AF
        or code == 0x3007
    )


def is_kept(char: str) -> bool:
    """True for a character allowed in normalized output: a Han character or kept punctuation."""
    return char in KEPT_PUNCT or is_han(char)


def _map_simple(char: str) -> str | None:
    """Map one character without decomposition; ``None`` means "undecided"."""
    if char in _EXPLICIT:
        return _EXPLICIT[char]
    if is_han(char) or char in KEPT_PUNCT or char in _KEPT_SYMBOLS:
        return char
    code = ord(char)
    if 0x20 <= code <= 0x7E:
        return char
    if char in _NEWLINES:
        return NEWLINE
    category = unicodedata.category(char)
    if char in "\t" or category in ("Zs", "Zl", "Zp"):
        return SPACE
    if category[0] == "C" or category in ("Mn", "Me", "Mc"):
        return ""
    if category == "Nl":  # letter numbers: Ⅲ → 3, ⅻ → 12 (〇 is Han, taken above)
        value = unicodedata.numeric(char, None)
        if value is not None and value == int(value):
            return str(int(value))
    digit = unicodedata.decimal(char, None)
    if digit is not None:
        return str(digit)
    return None


@lru_cache(maxsize=8192)
def map_char(char: str) -> str:
    """The cleaned replacement of one input character (possibly several characters, or none)."""
    simple = _map_simple(char)
    if simple is not None:
        return simple
    compat = unicodedata.normalize("NFKC", char)
    if compat != char:  # ①→1, ㎏→kg, Ａ→A, ﬁ→fi, compatibility ideographs → unified ones
        parts = [_map_simple(c) for c in compat]
        if all(p is not None for p in parts):
            return "".join(p for p in parts if p is not None)
    base = "".join(c for c in unicodedata.normalize("NFD", char) if c.isascii() and c.isalpha())
    return base  # é→e; anything else unknown (emoji, kana, hangul, symbols) is dropped


_SENTENCE_ENDS = frozenset("。！？；，、…：.!?;,:")


def _is_break_neighbour(char: str) -> bool:
    return is_kept(char) or char in ASCII_PUNCT


def clean(text: str) -> tuple[str, list[int]]:
    """Clean ``text``; return the cleaned string and, per cleaned character, its input index.

    Whitespace next to Han characters or punctuation disappears; other runs become one space.
    A run containing a line break becomes ``NEWLINE`` unless punctuation already ends the line.
    """
    chars: list[str] = []
    origin: list[int] = []
    pending_space = -1  # input index of a whitespace run not yet emitted
    pending_newline = False
    for index, char in enumerate(text):
        mapped = map_char(char)
        if not mapped:
            continue
        if mapped in (SPACE, NEWLINE):
            if pending_space < 0:
                pending_space = index
            pending_newline = pending_newline or mapped == NEWLINE
            continue
        if pending_space >= 0:
            if chars:
                previous = chars[-1]
                if pending_newline:
                    if previous not in _SENTENCE_ENDS and mapped[0] not in _SENTENCE_ENDS:
                        chars.append(NEWLINE)
                        origin.append(pending_space)
                elif not (
                    _is_break_neighbour(previous) or _is_break_neighbour(mapped[0])
                ):
                    chars.append(SPACE)
                    origin.append(pending_space)
            pending_space = -1
            pending_newline = False
        for piece in mapped:
            chars.append(piece)
            origin.append(index)
    return "".join(chars), origin
