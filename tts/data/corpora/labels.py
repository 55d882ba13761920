"""Phone labels from aligners and corpus annotations → inventory phonemes with tones.

Labels come in three dialects, all handled here:

- CSMSC ``PhoneLabeling``: initials as-is, tonal finals without y/w (``uai4`` for 外, ``iou3``,
  ``uei4``, ``ii``/``iii`` for the apical vowels), erhua as an r-suffixed final (``uar4``), and
  ``sil``/``sp`` for silence.
- Pinyin-style MFA dictionaries: the same, sometimes with ``y``/``w`` as separate phones.
- Inventory labels (opencpop-extension): ``zh ir4``, ``y En3``, ``z i0``.

Every syllable is spelled back into pinyin and split with :func:`tts.text.pinyin.syllable_to_phones`
so the result matches what the text frontend produces for the same syllable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional, Sequence

from tts.data.items import PhoneInterval
from tts.errors import InputError
from tts.text.pinyin import syllable_to_phones
from tts.text.symbols import BREATH, FINALS, INITIALS, SILENCE

if TYPE_CHECKING:
    from tts.data.corpora.textgrid import Interval

SILENCE_LABELS = frozenset({"", "sil", "sp", "sp1", "spn", "pau", "<sil>", "<sp>"})
BREATH_LABELS = frozenset({"ap", "<ap>", "br"})

# When one annotated interval holds two inventory phones (CSMSC writes 鱼 as a single ``v2``, the
# inventory has ``y v``), the interval is split. These shares are estimates of typical proportions
# (a glide is short; an r-colouring takes the end of the vowel), not measurements.
GLIDE_SHARE = 0.25
ERHUA_SHARE = 0.35

# CSMSC / pinyin-dictionary spellings of finals → standard pinyin finals.
_FINAL_SPELLINGS = {
    "ii": "i", "iii": "i", "iou": "iu", "uei": "ui", "uen": "un", "ü": "v", "üe": "ve",
    "üan": "van", "ün": "vn", "u:": "v", "u:e": "ve",
}
# A final written without an initial → its pinyin spelling with y/w.
_ZERO_INITIAL = {
    "i": "yi", "ia": "ya", "ian": "yan", "iang": "yang", "iao": "yao", "ie": "ye", "in": "yin",
    "ing": "ying", "iong": "yong", "iu": "you", "io": "yo", "u": "wu", "ua": "wa", "uai": "wai",
    "uan": "wan", "uang": "wang", "ui": "wei", "un": "wen", "ueng": "weng", "uo": "wo",
    "v": "yu", "van": "yuan", "ve": "yue", "ue": "yue", "vn": "yun",
}
_TONAL_RE = re.compile(r"(i0|[A-Za-zü:]+)([1-5])")
_TONELESS_RE = re.compile(r"[A-Za-zü:]+")


@dataclass
class PhoneAlignment:
    """Aligned inventory phonemes; ``tones`` is parallel, or None when no label carried a tone."""

    phones: list[PhoneInterval]
    tones: Optional[list[int]]


@dataclass(frozen=True)
class _Final:
    """A parsed final label: pinyin base, tone (None when unmarked) and whether it is r-coloured."""

    base: str
    tone: Optional[int]
    erhua: bool


def labels_to_alignment(intervals: Sequence["Interval"]) -> PhoneAlignment:
    """Convert labelled intervals (initials, tonal finals, silences) to inventory phonemes.

    Raises :class:`InputError` naming the label and its start time when a label is not a phone
    or an initial is not followed by its final.
    """
    phones: list[PhoneInterval] = []
    tones: list[int] = []
    saw_tone = False
    pending: Optional["Interval"] = None  # an initial waiting for its final
    for interval in intervals:
        label = interval.label.strip()
        lowered = label.lower()
        if lowered in SILENCE_LABELS or lowered in BREATH_LABELS:
            _require_no_pending(pending)
            symbol = BREATH if lowered in BREATH_LABELS else SILENCE
            phones.append(PhoneInterval(symbol, interval.start, interval.end))
            tones.append(0)
        elif label in INITIALS:
            _require_no_pending(pending)
            pending = interval
        else:
            final = _parse_final(label, interval.start)
            syllable = _syllable_phones(pending.label if pending else "", final, label,
                                        interval.start)
            tone = final.tone or 0
            saw_tone = saw_tone or final.tone is not None
            spans = _place(syllable, pending, interval)
            phones.extend(spans)
            tones.extend([tone] * len(spans))
            pending = None
    _require_no_pending(pending)
    return PhoneAlignment(phones, tones if saw_tone else None)


def _require_no_pending(pending: Optional["Interval"]) -> None:
    if pending is not None:
        raise InputError(f"initial {pending.label!r} at {pending.start:.3f}s is not followed by a final")


def _parse_final(label: str, start: float) -> _Final:
    if label in FINALS:
        base, tone = label, None
    elif match := _TONAL_RE.fullmatch(label):
        base, tone = match.group(1), int(match.group(2))
    elif _TONELESS_RE.fullmatch(label):
        base, tone = label, None
    else:
        raise InputError(f"phone label {label!r} at {start:.3f}s is not a Mandarin phone")
    lowered = base.lower()
    erhua = len(lowered) >= 2 and lowered.endswith("r") and lowered not in ("er", "ir")
    return _Final(base[:-1] if erhua else base, tone, erhua)


def _syllable_phones(initial: str, final: _Final, label: str, start: float) -> tuple[str, ...]:
    """Inventory phones of one syllable (erhua adds a trailing ``er``)."""
    base = final.base.lower()
    base = _FINAL_SPELLINGS.get(base, base)
    spellings = [initial + base] if initial else [_ZERO_INITIAL.get(base, base)]
    if initial in ("y", "w") and base in _ZERO_INITIAL:
        spellings.append(_ZERO_INITIAL[base])
    phones: Optional[tuple[str, ...]] = None
    for spelling in spellings:
        try:
            phones = syllable_to_phones(f"{spelling}{final.tone or 5}").phones
            break
        except InputError:
            continue
    if phones is None and final.base in FINALS:  # already an inventory final (``i0``, ``En``)
        phones = (initial, final.base) if initial else (final.base,)
    if phones is None:
        shown = f"{initial} {label}" if initial else label
        raise InputError(f"phone labels {shown!r} at {start:.3f}s are not a Mandarin syllable")
    return phones + ("er",) if final.erhua else phones


def _place(phones: tuple[str, ...], initial: Optional["Interval"], final: "Interval") -> list[PhoneInterval]:
    """Give each phone of a syllable its time span, splitting the final's interval if needed."""
    spans: list[PhoneInterval] = []
    rest = list(phones)
    if initial is not None:
        if len(rest) < 2 or rest[0] not in INITIALS:
            raise InputError(f"initial {initial.label!r} at {initial.start:.3f}s does not fit "
                             f"its syllable {' '.join(phones)!r}")
        spans.append(PhoneInterval(rest.pop(0), initial.start, initial.end))
    weights = _shares(rest)
    length = final.end - final.start
    cursor = final.start
    for index, (phone, weight) in enumerate(zip(rest, weights)):
        end = final.end if index == len(rest) - 1 else cursor + weight * length
        spans.append(PhoneInterval(phone, cursor, end))
        cursor = end
    return spans


def _shares(phones: list[str]) -> list[float]:
    """Fractions of one interval for its phones: glide and r-colouring short, the vowel the rest."""
    fixed: dict[int, float] = {}
    if len(phones) > 1 and phones[0] in INITIALS:
        fixed[0] = GLIDE_SHARE
    if len(phones) > 1 and phones[-1] == "er" and len(phones) - 1 not in fixed:
        fixed[len(phones) - 1] = ERHUA_SHARE
    free = [i for i in range(len(phones)) if i not in fixed]
    if not free:
        return [1.0 / len(phones)] * len(phones)
    spare = (1.0 - sum(fixed.values())) / len(free)
    return [fixed.get(i, spare) for i in range(len(phones))]
