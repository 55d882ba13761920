"""Mandarin text normalization: non-standard words → Chinese characters an announcer would read.

``normalize("2023年6月9日14:30，气温-3.5°C")`` →
``二零二三年六月九日十四点三十分，气温零下三点五摄氏度``. The output holds only Han characters and
Chinese punctuation (which the frontend uses for breaks); it never raises on a string.
:func:`normalize_with_spans` also says which input characters each output character reads.
"""

from __future__ import annotations

from dataclasses import dataclass

from tts.errors import InputError
from tts.text.normalize.chars import clean, is_han
from tts.text.normalize.scanner import scan

__all__ = ["NormalizedText", "normalize", "normalize_with_spans"]


@dataclass(frozen=True)
class NormalizedText:
    """Normalized text and, per output character, the input span ``[start, end)`` it reads."""

    text: str
    source: str
    spans: tuple[tuple[int, int], ...]  # len(spans) == len(text)

    def source_of(self, index: int) -> str:
        """The input characters that output character ``index`` reads."""
        start, end = self.spans[index]
        return self.source[start:end]

    def is_written(self, index: int) -> bool:
        """True when output character ``index`` is a Han character written as such in the input
        (so its pronunciation is the writer's), False when normalization produced it."""
        start, end = self.spans[index]
        return end - start == 1 and is_han(self.source[start]) and is_han(self.text[index])


def normalize_with_spans(text: str) -> NormalizedText:
    """Normalize ``text`` and keep track of where every output character came from."""
    if not isinstance(text, str):
        raise InputError(f"text to normalize must be a string, got {type(text).__name__}")
    cleaned, origin = clean(text)
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    for piece, start, end in scan(cleaned):
        if not piece:
            continue
        if piece == cleaned[start:end]:  # a verbatim copy: character for character
            out.append(piece)
            spans.extend((origin[i], origin[i] + 1) for i in range(start, end))
        else:
            span = (origin[start], origin[end - 1] + 1)
            out.append(piece)
            spans.extend([span] * len(piece))
    return NormalizedText("".join(out), text, tuple(spans))


def normalize(text: str) -> str:
    """Rewrite numbers, dates, units, symbols and Latin letters as Chinese characters."""
    return normalize_with_spans(text).text
