"""Opencpop: ``segments/transcriptions.txt`` with 7 ``|``-separated fields per segment.

``id|lyrics|phonemes|notes|note_durs|phoneme_durs|slurs``; fields 3-7 are space-separated and
aligned per phoneme. Audio: ``segments/wavs/<id>.wav``. The labels are known to contain errors,
so inconsistent lines are reported and skipped.
"""

from __future__ import annotations

from pathlib import Path

from tts.data.corpora.base import Corpus, CorpusBuilder, corpus_reader, read_lines, require_file
from tts.data.corpora.singing import (
    alignment_from_durations,
    check_lengths,
    normalize_phones,
    note_to_midi,
    parse_floats,
    parse_slurs,
    singing_extra,
)
from tts.data.items import Item
from tts.errors import InputError

SPEAKER = "opencpop"
FIELDS = ("id", "lyrics", "phonemes", "notes", "note_durs", "phoneme_durs", "slurs")


@corpus_reader("opencpop")
def read_opencpop(root: Path, options: dict) -> Corpus:
    """Items of an Opencpop copy at ``root`` (the folder holding ``segments/``)."""
    transcript = require_file(root / "segments" / "transcriptions.txt", "opencpop")
    builder = CorpusBuilder()
    for number, raw in enumerate(read_lines(transcript), start=1):
        if not raw.strip():
            continue
        try:
            item = _parse(raw, root)
        except InputError as error:
            builder.problem(transcript, number, str(error))
            continue
        builder.add(item, transcript, number)
    return builder.build()


def _parse(line: str, root: Path) -> Item:
    fields = [f.strip() for f in line.split("|")]
    if len(fields) != len(FIELDS):
        raise InputError(f"expected {len(FIELDS)} '|'-separated fields ({'|'.join(FIELDS)}), "
                         f"found {len(fields)}")
    seg_id, lyrics, phonemes, notes, note_durs, ph_durs, slurs = fields
    if not seg_id:
        raise InputError("empty segment id")
    sequences = {name: value.split() for name, value in zip(FIELDS[2:], fields[2:])}
    check_lengths(sequences)
    if not sequences["phonemes"]:
        raise InputError("no phonemes")
    phones = normalize_phones(phonemes.split())
    note_names = notes.split()
    for name in note_names:
        note_to_midi(name)  # validates the spelling
    durations = parse_floats(ph_durs.split(), "phoneme_durs")
    return Item(
        id=seg_id,
        audio_path=root / "segments" / "wavs" / f"{seg_id}.wav",
        text=lyrics,
        speaker=SPEAKER,
        alignment=alignment_from_durations(phones, durations),
        extra=singing_extra(note_names, parse_floats(note_durs.split(), "note_durs"),
                            parse_slurs(slurs.split(), "slurs")),
    )
