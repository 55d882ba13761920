"""Lyrics → phonemes, one syllable per note (singing has no tones).

Each note's lyric is one of:

- one Chinese character (``长``), or a character with an erhua ``儿`` (``花儿`` → ``h ua er``):
  read with the text frontend's G2P *in the context of the whole lyric line*, so that polyphones
  read as the words around them decide (长大 → zh ang, 长江 → ch ang; 重新 → ch ong);
- a pinyin syllable, tone digit optional (``hao``, ``hao3``, ``lv``, ``lü``);
- ``AP`` (a breath) or ``SP`` / ``R`` (silence, the UTAU rest);
- a melisma mark ``-``, ``+``, ``_`` or ``~`` (OpenUtau's ``+~``/``+*`` too), or a note the reader
  flagged as slurred (e.g. under a MusicXML extender line): the previous vowel continues, so the
  note adds a repeat of the previous syllable's final (``h ao`` + melisma → ``ao``), the Opencpop
  convention for the extra notes of a melisma.

Punctuation around a lyric is ignored for the syllable (it still separates words for the G2P).
A pitched note with no lyric, several syllables on one note, or a lyric that is neither Chinese
nor pinyin raises :class:`InputError` naming the file and the note.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from tts.errors import InputError
from tts.score.model import Note
from tts.text.normalize.chars import is_han
from tts.text.pinyin import split_tone, syllable_to_phones
from tts.text.symbols import BREATH, INITIALS, SILENCE

if TYPE_CHECKING:
    from tts.text.g2p import G2P

MELISMA_MARKS = frozenset({"-", "+", "_", "~", "+~", "+*", "—", "～"})
BREATH_LYRICS = frozenset({"ap", "br", "breath"})
SILENCE_LYRICS = frozenset({"sp", "r", "rest"})
PUNCTUATION = frozenset("，。！？、；：,.!?;:\"'“”‘’()（）《》「」『』【】[] \t\u3000")
ERHUA = "儿"
LINE_BREAK = "，"  # joins the lyric line where a rest or non-Han lyric interrupts the Chinese text

SUNG = "sung"
MELISMA = "melisma"
REST = "rest"
BREATHING = "breath"


@dataclass(frozen=True)
class NoteSyllable:
    """What one note sings."""

    kind: str  # "sung" (a new syllable), "melisma" (continues one), "rest", "breath"
    phones: tuple[str, ...]  # the phonemes the note adds: initial? + final(s); the repeated final; SP; AP
    reading: str = ""  # toneless pinyin of a sung syllable (for display)

    @property
    def initial(self) -> Optional[str]:
        return self.phones[0] if self.phones and self.phones[0] in INITIALS else None


def note_syllables(notes: list[Note], source: str, g2p: Optional["G2P"] = None) -> list[NoteSyllable]:
    """One :class:`NoteSyllable` per note (rests included), in order."""
    kinds: list[str] = []
    texts: list[str] = []  # the lyric without punctuation
    for note in notes:
        kind, text = _classify(note, source)
        kinds.append(kind)
        texts.append(text)
    han_readings = _read_han(notes, kinds, texts, source, g2p) if any(
        k == SUNG and _is_han_lyric(t) for k, t in zip(kinds, texts)) else {}
    out: list[NoteSyllable] = []
    for i, (note, kind, text) in enumerate(zip(notes, kinds, texts)):
        if kind == REST:
            out.append(NoteSyllable(REST, (SILENCE,)))
        elif kind == BREATHING:
            out.append(NoteSyllable(BREATHING, (BREATH,)))
        elif kind == MELISMA:
            previous = out[-1] if out else None
            if previous is None or previous.kind not in (SUNG, MELISMA):
                raise InputError(f"{source}: {note.where}: melisma {note.lyric or '(slurred note)'!r} has "
                                 f"no sung syllable before it to continue")
            final = [p for p in previous.phones if p not in INITIALS][-1]
            out.append(NoteSyllable(MELISMA, (final,), previous.reading))
        elif i in han_readings:
            out.append(_syllable(han_readings[i], note, source))
        else:
            out.append(_syllable(text, note, source))
    return out


def _classify(note: Note, source: str) -> tuple[str, str]:
    """The note's kind and its lyric without punctuation."""
    text = "".join(c for c in note.lyric.strip() if c not in PUNCTUATION)
    raw = note.lyric.strip()
    if raw in MELISMA_MARKS or (note.slur and not text):
        return MELISMA, ""
    if text.lower() in BREATH_LYRICS:
        return BREATHING, ""
    if note.is_rest or text.lower() in SILENCE_LYRICS:
        return REST, ""
    if not text:
        what = f"lyric {note.lyric!r}" if note.lyric else "no lyric"
        raise InputError(f"{source}: {note.where}: the note has {what}; give each note a character, a "
                         f"pinyin syllable, a melisma mark (-, +, _) or AP/SP")
    return SUNG, text


def _is_han_lyric(text: str) -> bool:
    return any(is_han(c) for c in text)


def _read_han(notes: list[Note], kinds: list[str], texts: list[str], source: str,
              g2p: Optional["G2P"]) -> dict[int, str]:
    """Toneless readings (``zhang``, ``huar``) of the notes with Chinese lyrics, read as one line."""
    line: list[str] = []
    spans: dict[int, tuple[int, int]] = {}  # note index → [start, end) in the line
    for i, (note, kind, text) in enumerate(zip(notes, kinds, texts)):
        if kind == SUNG and _is_han_lyric(text):
            chars = [c for c in text if is_han(c)]
            if len(chars) != len(text):
                raise InputError(f"{source}: {note.where}: lyric {note.lyric!r} mixes Chinese characters "
                                 f"with other letters")
            if len(chars) > 1 and not (len(chars) == 2 and chars[1] == ERHUA):
                raise InputError(f"{source}: {note.where}: lyric {note.lyric!r} has {len(chars)} syllables "
                                 f"on one note; give each syllable its own note (or a melisma mark)")
            lyric = note.lyric.strip()
            start = len(line) + lyric.index(chars[0])
            spans[i] = (start, start + len(chars))
            line += list(lyric)
        elif kind != MELISMA:  # a melisma continues the word; anything else interrupts the line
            line.append(LINE_BREAK)
    sentence = "".join(line)
    if g2p is None:
        from tts.text.frontend import Frontend

        g2p = Frontend().g2p
    readings = g2p.read(sentence, g2p.segment(sentence))
    out: dict[int, str] = {}
    for i, (start, end) in spans.items():
        found = readings[start:end]
        if any(r is None for r in found):
            raise InputError(f"{source}: {notes[i].where}: no reading known for {notes[i].lyric!r}")
        base = split_tone(found[0])[0]  # type: ignore[arg-type]
        out[i] = base + "r" if end - start == 2 and base != "er" else base
    return out


def _syllable(reading: str, note: Note, source: str) -> NoteSyllable:
    try:
        base, _ = split_tone(reading)
        phones = syllable_to_phones(base + "1").phones
    except InputError:
        raise InputError(f"{source}: {note.where}: lyric {note.lyric!r} is neither a Chinese character "
                         f"nor a pinyin syllable") from None
    return NoteSyllable(SUNG, tuple(phones), base)
