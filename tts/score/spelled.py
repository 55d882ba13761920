"""Scores that spell out their phonemes (``.ds``, Opencpop lines): phonemes → notes and back.

Two layouts exist:

- **per phoneme** (Opencpop, older ``.ds``): every phoneme repeats its syllable's note name and
  note duration, and a slur flag marks the extra phonemes of a melisma. A new note starts at an
  initial consonant, at ``SP``/``AP``, at a slurred phoneme, and at a final that does not follow
  its initial; the phonemes of one note must agree on its name and duration.
- **per word** (DiffSinger variance ``.ds``): ``note_seq``/``note_dur``/``note_slur`` list the
  notes once; ``ph_num`` cuts ``ph_seq`` into words that start at the vowel, so a syllable's
  initial consonant sits at the end of the word before it. A word sings a non-slurred note and
  the slurred notes after it. Here each initial is given to the note of the syllable it starts;
  a word whose vowel spans more notes than it spells gets the vowel repeated on each extra note
  (cut at the note boundaries when phoneme durations are given), as per-phoneme data spells it.
"""

from __future__ import annotations

from typing import Optional

from tts.errors import InputError
from tts.score.model import Note, Phone, TempoMap
from tts.text.symbols import BREATH, INITIALS, SILENCE

DURATION_TOLERANCE = 1e-3  # seconds: note durations repeated per phoneme may differ by rounding
CUT_MARGIN = 1e-4  # seconds: a melisma cut must fall this far inside the vowel it splits


def note_at(pitch: float, onset: float, duration: float, tempo: TempoMap, where: str, slur: bool = False,
            lyric: str = "", glide: str = "none") -> Note:
    start = tempo.beats(onset)
    return Note(pitch=pitch, onset=onset, duration=duration, onset_beats=start,
                duration_beats=tempo.beats(onset + duration) - start, lyric=lyric, slur=slur,
                glide=glide, where=where)


def per_phoneme_notes(symbols: list[str], pitches: list[float], note_durs: list[float], slurs: list[int],
                      ph_durs: Optional[list[float]], start: float, tempo: TempoMap, where: str,
                      source: str) -> tuple[list[Note], list[Phone]]:
    """Notes and phones of a per-phoneme layout (see the module docs); onsets from ``start`` s."""
    notes: list[Note] = []
    phones: list[Phone] = []
    onset = start
    for i, symbol in enumerate(symbols):
        previous = symbols[i - 1] if i > 0 else None
        continues = (i > 0 and not slurs[i] and symbol not in INITIALS and symbol not in (SILENCE, BREATH)
                     and previous in INITIALS)
        if continues:
            note = notes[-1]
            if abs(pitches[i] - note.pitch) > 0 or abs(note_durs[i] - note.duration) > DURATION_TOLERANCE:
                raise InputError(f"{source}: {where}: phoneme {i + 1} ({symbol!r}) has a different note or note "
                                 f"duration than its initial {previous!r}")
        else:
            if notes:
                onset = notes[-1].end
            notes.append(note_at(pitches[i], onset, note_durs[i], tempo, f"{where}, note {len(notes) + 1}",
                                 slur=bool(slurs[i])))
        phones.append(Phone(symbol, len(notes) - 1, None if ph_durs is None else ph_durs[i]))
    return notes, phones


def per_word_phones(symbols: list[str], ph_num: list[int], notes: list[Note], ph_durs: Optional[list[float]],
                    where: str, source: str) -> list[Phone]:
    """Phones of a per-word ``.ds`` layout, each tagged with the note of its syllable."""
    if sum(ph_num) != len(symbols):
        raise InputError(f"{source}: {where}: ph_num adds up to {sum(ph_num)} but ph_seq has {len(symbols)} phonemes")
    groups: list[list[int]] = []
    for k, note in enumerate(notes):
        if k == 0 or not note.slur:
            groups.append([k])
        else:
            groups[-1].append(k)
    if len(groups) != len(ph_num):
        raise InputError(f"{source}: {where}: ph_num has {len(ph_num)} words but note_seq has {len(groups)} "
                         f"notes that start a word (not slurred)")
    starts = [0.0]
    if ph_durs is not None:
        for d in ph_durs:
            starts.append(starts[-1] + d)
    segment_start = notes[0].onset if notes else 0.0
    out: list[Phone] = []
    position = 0
    for w, (count, group) in enumerate(zip(ph_num, groups)):
        if count <= 0:
            raise InputError(f"{source}: {where}: ph_num word {w + 1} has {count} phonemes")
        indices = list(range(position, position + count))
        position += count
        next_note = groups[w + 1][0] if w + 1 < len(groups) else group[-1]
        vowels = [i for i in indices if symbols[i] not in INITIALS]
        first_vowel = vowels[0] if vowels else indices[-1] + 1
        for i in indices:
            if i < first_vowel:  # initials before the vowel (a word that starts with its consonant)
                out.append(Phone(symbols[i], group[0], _duration(ph_durs, i)))
        for j, i in enumerate(vowels):
            is_last = j == len(vowels) - 1
            spare = group[j:] if is_last else [group[min(j, len(group) - 1)]]
            if is_last and len(spare) > 1:
                out += _spread_vowel(symbols[i], i, spare, notes, ph_durs, starts, segment_start, where, source)
            else:
                out.append(Phone(symbols[i], group[min(j, len(group) - 1)], _duration(ph_durs, i)))
        for i in indices:
            if i > first_vowel and symbols[i] in INITIALS:  # the next syllable's initial
                out.append(Phone(symbols[i], next_note, _duration(ph_durs, i)))
    return out


def _duration(ph_durs: Optional[list[float]], i: int) -> Optional[float]:
    return None if ph_durs is None else ph_durs[i]


def _spread_vowel(symbol: str, i: int, group: list[int], notes: list[Note], ph_durs: Optional[list[float]],
                  starts: list[float], segment_start: float, where: str, source: str) -> list[Phone]:
    """One vowel sung over several notes → one phone per note (cut at the note onsets)."""
    if ph_durs is None:
        return [Phone(symbol, k) for k in group]
    begin, end = starts[i], starts[i + 1]
    cuts = [notes[k].onset - segment_start for k in group[1:]]
    edges = [begin, *cuts, end]
    for a, b in zip(edges, edges[1:]):
        if b - a < CUT_MARGIN:
            raise InputError(f"{source}: {where}: phoneme {i + 1} ({symbol!r}) spans notes "
                             f"{group[0] + 1}-{group[-1] + 1} but its ph_dur does not reach into each of them")
    return [Phone(symbol, k, b - a) for k, a, b in zip(group, edges, edges[1:])]


def label_notes(notes: list[Note], text: str) -> None:
    """Give the sung, non-slurred notes the characters of ``text`` as lyrics when counts match
    (display only: spelled scores sing their phonemes, not their text)."""
    chars = [c for c in text if not c.isspace() and c not in "，。！？、,.!?"]
    sung = [n for n in notes if not n.is_rest and not n.slur]
    if chars and len(chars) == len(sung):
        for note, char in zip(sung, chars):
            note.lyric = char
