"""The phoneme inventory (opencpop-extension) shared by speech and singing.

Ids are fixed by the order below and saved into every voice, so a voice trained today still reads
correctly after the table grows: new symbols are only ever appended.
"""

from __future__ import annotations

PAD = "<pad>"
SILENCE = "SP"
BREATH = "AP"

INITIALS: tuple[str, ...] = tuple(
    "b p m f d t n l g k h j q x zh ch sh r z c s y w".split()
)
FINALS: tuple[str, ...] = tuple(
    (
        "a ai an ang ao e ei en eng er i i0 ia ian iang iao ie in ing iong ir iu o ong ou "
        "u ua uai uan uang ui un uo v van ve vn E En"
    ).split()
)
SPECIALS: tuple[str, ...] = (SILENCE, BREATH)

PHONEMES: tuple[str, ...] = (PAD,) + INITIALS + FINALS + SPECIALS
PHONEME_TO_ID: dict[str, int] = {p: i for i, p in enumerate(PHONEMES)}

NUM_TONES = 6  # 0 = none (initial-free specials, silence), 1-4 lexical tones, 5 neutral


def is_initial(phone: str) -> bool:
    return phone in INITIALS


def is_final(phone: str) -> bool:
    return phone in FINALS
