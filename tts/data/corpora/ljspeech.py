"""LJSpeech: ``metadata.csv`` with ``id|raw text|normalized text`` and ``wavs/<id>.wav``."""

from __future__ import annotations

from pathlib import Path

from tts.data.corpora.base import Corpus, CorpusBuilder, corpus_reader, read_lines, require_file
from tts.data.items import Item

SPEAKER = "ljspeech"
FIELDS = 3


@corpus_reader("ljspeech")
def read_ljspeech(root: Path, options: dict) -> Corpus:
    """Items of an LJSpeech-layout folder; the text is the normalized (third) field."""
    transcript = require_file(root / "metadata.csv", "ljspeech")
    builder = CorpusBuilder()
    for number, raw in enumerate(read_lines(transcript), start=1):
        if not raw.strip():
            continue
        fields = raw.split("|")
        if len(fields) != FIELDS:
            builder.problem(transcript, number,
                            f"expected {FIELDS} '|'-separated fields (id|raw|normalized), "
                            f"found {len(fields)}")
            continue
        utt_id, _, text = (f.strip() for f in fields)
        if not utt_id or not text:
            builder.problem(transcript, number, "empty id or normalized text")
            continue
        item = Item(id=utt_id, audio_path=root / "wavs" / f"{utt_id}.wav", text=text,
                    speaker=SPEAKER)
        builder.add(item, transcript, number)
    return builder.build()
