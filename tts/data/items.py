"""What a corpus reader yields: one :class:`Item` per utterance."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional


@dataclass(frozen=True)
class PhoneInterval:
    """One aligned phoneme: inventory symbol, start and end in seconds."""

    phone: str
    start: float
    end: float


@dataclass
class Item:
    """One utterance of a corpus.

    ``pinyin`` holds tone-numbered syllables when the corpus ships them (CSMSC, AISHELL-3, the demo
    corpus); ``alignment`` holds exact phone intervals when they exist (demo corpus, CSMSC
    intervals, MFA TextGrids); ``tones`` is parallel to ``alignment`` when both are known.
    """

    id: str
    audio_path: Path
    text: str
    speaker: str = "default"
    pinyin: Optional[list[str]] = None
    alignment: Optional[list[PhoneInterval]] = None
    tones: Optional[list[int]] = None
    extra: dict = field(default_factory=dict)
