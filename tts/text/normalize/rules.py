"""The shape shared by every normalization rule.

A rule is a regular expression plus a handler. The handler turns one match into *pieces*: output
text together with the span ``[start, end)`` of cleaned input it reads. A piece whose text equals
the input it covers is a verbatim copy (each output character then maps to its own input
character); any other piece maps all its characters to the whole span.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

Piece = tuple[str, int, int]
Handler = Callable[["re.Match[str]"], list[Piece]]
# Whether a measure word or unit follows ``text[start:end]``, so that the number counts something
# (quantities.counts_something); rules that read numbers as names or codes take it to ask.
CountsTest = Callable[[str, int, int], bool]


START_DIGITS = "0123456789"
START_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
START_SIGNS = "+-"


@dataclass(frozen=True)
class Rule:
    """One kind of non-standard word: how to find it and how to read it."""

    name: str
    regex: re.Pattern[str]
    handle: Handler
    first: frozenset[str]  # every character a match can start with; the scanner dispatches on it


def rule(name: str, pattern: str, handle: Handler, first: str) -> Rule:
    return Rule(name, re.compile(pattern), handle, frozenset(first))


def whole(match: re.Match[str], text: str) -> list[Piece]:
    """The whole match read as ``text``."""
    return [(text, match.start(), match.end())]


def group(match: re.Match[str], name: str | int, text: str) -> Piece:
    """The named group read as ``text``."""
    return (text, match.start(name), match.end(name))


def verbatim(match: re.Match[str], name: str | int) -> Piece:
    """The named group copied unchanged."""
    return (match.group(name), match.start(name), match.end(name))


def context_before(match: re.Match[str], width: int) -> str:
    """Up to ``width`` cleaned characters just before the match."""
    start = match.start()
    return match.string[max(0, start - width):start]


def context_after(match: re.Match[str], width: int) -> str:
    """Up to ``width`` cleaned characters just after the match."""
    end = match.end()
    return match.string[end:end + width]
