"""Word boundaries of a prepared item: the frontend's segmentation when it reads the same phonemes.

``prepare`` stores a word index next to the phonemes (see :mod:`tts.models.words`). The phonemes
of an item come from its alignment, its pinyin or the frontend; the words come from segmenting
the item's text with the same frontend the synthesizer uses, so training and inference see the
same kind of words. That segmentation is used only when it reads exactly the item's phonemes,
pauses aside (silences and breaths are words of their own either way); when it does not (another
reading of a polyphone, a corpus with its own transcription, unreadable text), every syllable
becomes a word (:func:`tts.models.words.syllable_word_index`), which is honest about knowing less.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Optional, Sequence

from tts.errors import TTSError
from tts.models.words import syllable_word_index
from tts.text.symbols import SPECIALS

WordSource = Literal["frontend", "syllables"]


@dataclass
class ItemWords:
    """Word numbers [N] of an item's phonemes and where the boundaries came from."""

    index: list[int]
    source: WordSource


def _frontend_words(text: str) -> Optional[tuple[list[str], list[int]]]:
    """The frontend's phonemes and word numbers for ``text``, or None when it cannot read it."""
    from tts.text.frontend import frontend

    try:
        combined = frontend(text).combined
    except TTSError:
        return None
    return list(combined.phonemes), list(combined.word_index)


def merge_words(phones: Sequence[str], reference: Sequence[str], reference_words: Sequence[int]) -> Optional[list[int]]:
    """Words of ``phones`` from a reference reading, or None when the spoken phonemes differ.

    Specials (SP, AP) are ignored when comparing and are each a word of their own in the result.
    """
    spoken = [p for p in phones if p not in SPECIALS]
    ref = [(p, w) for p, w in zip(reference, reference_words) if p not in SPECIALS]
    if not spoken or spoken != [p for p, _ in ref]:
        return None
    out: list[int] = []
    word = -1
    previous_ref: Optional[int] = None  # reference word of the previous phone; None after a special
    k = 0
    for phone in phones:
        if phone in SPECIALS:
            word += 1
            previous_ref = None
        else:
            ref_word = ref[k][1]
            k += 1
            if ref_word != previous_ref:
                word += 1
            previous_ref = ref_word
        out.append(word)
    return out


def item_word_index(phones: Sequence[str], text: str) -> ItemWords:
    """Word numbers for ``phones`` (an item's phonemes) from segmenting ``text``; syllables if that fails."""
    reading = _frontend_words(text) if text.strip() else None
    if reading is not None:
        merged = merge_words(phones, *reading)
        if merged is not None:
            return ItemWords(merged, "frontend")
    return ItemWords(syllable_word_index(phones), "syllables")
