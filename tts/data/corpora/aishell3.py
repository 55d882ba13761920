"""AISHELL-3: 218 speakers; ``<subset>/content.txt`` alternates characters and pinyin.

Layout::

    train/content.txt          SSB00050001.wav<TAB>广 guang3 州 zhou1 …
    train/wav/SSB0005/SSB00050001.wav
    test/…                     the same for the test subset
"""

from __future__ import annotations

import re
from pathlib import Path

from tts.data.corpora.base import Corpus, CorpusBuilder, choice, corpus_reader, read_lines, require_file
from tts.data.items import Item

SUBSETS = ("train", "test")
SPEAKER_ID_LENGTH = 7  # "SSB0005" of "SSB00050001"

_PINYIN_RE = re.compile(r"[a-zü]+[1-5]")


@corpus_reader("aishell3", {"subset": "train"})
def read_aishell3(root: Path, options: dict) -> Corpus:
    """Items of one AISHELL-3 subset (option ``subset``: train or test)."""
    subset = choice("aishell3", "subset", options["subset"], SUBSETS)
    transcript = require_file(root / subset / "content.txt", "aishell3")
    builder = CorpusBuilder()
    for number, raw in enumerate(read_lines(transcript), start=1):
        if not raw.strip():
            continue
        name, *tokens = raw.split()
        reason = _check(name, tokens)
        if reason:
            builder.problem(transcript, number, reason)
            continue
        utt_id = name.removesuffix(".wav")
        speaker = utt_id[:SPEAKER_ID_LENGTH]
        item = Item(
            id=utt_id,
            audio_path=root / subset / "wav" / speaker / f"{utt_id}.wav",
            text="".join(tokens[0::2]),
            speaker=speaker,
            pinyin=tokens[1::2],
        )
        builder.add(item, transcript, number)
    return builder.build()


def _check(name: str, tokens: list[str]) -> str:
    """Why a content.txt line is malformed, or "" when it is fine."""
    if not name.endswith(".wav") or len(name) <= SPEAKER_ID_LENGTH + len(".wav"):
        return f"expected '<utterance>.wav<TAB>字 pin1 …', found {name[:40]!r}"
    if not tokens or len(tokens) % 2:
        return "characters and pinyin do not alternate (odd or zero number of tokens)"
    bad = next((p for p in tokens[1::2] if not _PINYIN_RE.fullmatch(p)), None)
    if bad is not None:
        return f"not a tone-numbered pinyin syllable: {bad!r}"
    return ""
