"""Pinyin syllables → opencpop-extension phonemes (the examples of FORMATS.md and more)."""

from __future__ import annotations

import pytest

from tts.errors import InputError
from tts.text.pinyin import syllable_to_phones
from tts.text.symbols import PHONEME_TO_ID

CASES = [
    ("zhi1", ("zh", "ir"), 1), ("zi1", ("z", "i0"), 1), ("yu2", ("y", "v"), 2), ("yuan2", ("y", "van"), 2),
    ("yue4", ("y", "ve"), 4), ("yun2", ("y", "vn"), 2), ("yan1", ("y", "En"), 1), ("ye4", ("y", "E"), 4),
    ("ju1", ("j", "v"), 1), ("quan2", ("q", "van"), 2), ("xue2", ("x", "ve"), 2), ("jun1", ("j", "vn"), 1),
    ("lv4", ("l", "v"), 4), ("lve4", ("l", "ve"), 4), ("nu:3", ("n", "v"), 3), ("nüe4", ("n", "ve"), 4),
    ("wo3", ("w", "o"), 3), ("wu3", ("w", "u"), 3), ("wei4", ("w", "ei"), 4), ("ai4", ("ai",), 4),
    ("er2", ("er",), 2), ("ou3", ("ou",), 3), ("xiong2", ("x", "iong"), 2), ("guai4", ("g", "uai"), 4),
    ("de", ("d", "e"), 5), ("ma5", ("m", "a"), 5), ("huar1", ("h", "ua", "er"), 1), ("shir4", ("sh", "ir", "er"), 4),
    ("ri4", ("r", "ir"), 4), ("si4", ("s", "i0"), 4), ("ci2", ("c", "i0"), 2), ("liu2", ("l", "iu"), 2),
    ("gui4", ("g", "ui"), 4), ("lun2", ("l", "un"), 2), ("n2", ("en",), 2), ("ng4", ("eng",), 4),
]


@pytest.mark.parametrize("syllable, phones, tone", CASES)
def test_syllables(syllable: str, phones: tuple[str, ...], tone: int) -> None:
    result = syllable_to_phones(syllable)
    assert result.phones == phones and result.tone == tone
    assert all(p in PHONEME_TO_ID for p in result.phones)


@pytest.mark.parametrize("bad", ["xyz1", "zhi9", "", "i1", "bv2", "ni hao"])
def test_rejects_non_pinyin(bad: str) -> None:
    with pytest.raises(InputError):
        syllable_to_phones(bad)
