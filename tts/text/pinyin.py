"""Tone-numbered pinyin syllables ↔ opencpop-extension phonemes.

``syllable_to_phones("zhong1")`` → ``Syllable(phones=("zh", "ong"), tone=1)``. Every phoneme of
a syllable carries the syllable's tone in the parallel tone sequence. Erhua syllables
(``"huar1"``) are the base syllable's phonemes followed by ``er``: the inventory has no
r-coloured finals, and community Opencpop-style labels spell erhua the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tts.errors import InputError
from tts.text.symbols import FINALS, INITIALS

_INITIALS_LONGEST_FIRST = sorted(INITIALS, key=len, reverse=True)
_SYLLABLE_RE = re.compile(r"^([a-zü:v]+?)([1-5])?$")

# Zero-initial syllables written with y/w, spelled out in the inventory's terms.
_Y_SYLLABLES = {
    "ya": "a", "yan": "En", "yang": "ang", "yao": "ao", "ye": "E", "yi": "i", "yin": "in",
    "ying": "ing", "yo": "o", "yong": "ong", "you": "ou", "yu": "v", "yuan": "van", "yue": "ve",
    "yun": "vn",
}
_W_SYLLABLES = {
    "wa": "a", "wai": "ai", "wan": "an", "wang": "ang", "wei": "ei", "wen": "en", "weng": "eng",
    "wo": "o", "wu": "u",
}
# Interjections without a vowel letter, read with the nearest vowel of the inventory.
_SPECIAL_SYLLABLES = {"n": ("en",), "ng": ("eng",), "m": ("m", "u"), "hm": ("h", "en"),
                      "hng": ("h", "eng"), "ê": ("E",), "ei": ("ei",)}
_V_INITIALS = ("n", "l", "j", "q", "x")  # the only initials written before ü


@dataclass(frozen=True)
class Syllable:
    """One syllable: its phonemes (an optional initial, then the final) and its tone (1-5)."""

    phones: tuple[str, ...]
    tone: int


def split_tone(syllable: str) -> tuple[str, int]:
    """``"hao3"`` → ``("hao", 3)``; a syllable with no digit is neutral (5)."""
    match = _SYLLABLE_RE.match(syllable.strip().lower())
    if not match:
        raise InputError(f"not a pinyin syllable: {syllable!r}")
    base = match.group(1).replace("u:", "v").replace("ü", "v")
    tone = int(match.group(2)) if match.group(2) else 5
    return base, tone


def syllable_to_phones(syllable: str) -> Syllable:
    """Split one tone-numbered pinyin syllable into inventory phonemes.

    Raises :class:`InputError` naming the syllable when it is not Mandarin pinyin.
    """
    base, tone = split_tone(syllable)
    if base.endswith("r") and base != "er" and len(base) > 1:
        # erhua (r-suffixed syllable, e.g. "huar1"): the base syllable, then "er" with its tone
        inner = syllable_to_phones(f"{base[:-1]}{tone}")
        return Syllable(inner.phones + ("er",), tone)
    if base in _SPECIAL_SYLLABLES:
        return Syllable(_SPECIAL_SYLLABLES[base], tone)
    if base in _Y_SYLLABLES:
        return Syllable(("y", _Y_SYLLABLES[base]), tone)
    if base in _W_SYLLABLES:
        return Syllable(("w", _W_SYLLABLES[base]), tone)
    initial = next((i for i in _INITIALS_LONGEST_FIRST if base.startswith(i) and i not in "yw"), "")
    final = base[len(initial):]
    if initial in ("j", "q", "x") and final.startswith("u"):
        final = "v" + final[1:]
    if final == "i" and initial in ("zh", "ch", "sh", "r"):
        final = "ir"
    elif final == "i" and initial in ("z", "c", "s"):
        final = "i0"
    elif final == "ue":  # lue, nue
        final = "ve"
    if (
        final not in FINALS
        or (not initial and final[0] in "iuv")  # orthography writes these with y / w
        or (final[0] == "v" and initial not in _V_INITIALS)
    ):
        raise InputError(f"not a Mandarin pinyin syllable: {syllable!r}")
    phones = (initial, final) if initial else (final,)
    return Syllable(phones, tone)
