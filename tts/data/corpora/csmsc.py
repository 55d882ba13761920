"""CSMSC / Baker (BZNSYP): one female speaker, prosody-marked text, pinyin, phone intervals.

Layout::

    Wave/000001.wav
    ProsodyLabeling/000001-010000.txt     two lines per utterance: "id<TAB>text#1…", "<TAB>pinyin"
    PhoneLabeling/000001.interval         optional; short-format TextGrid, one tier
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from tts.data.corpora.base import Corpus, CorpusBuilder, corpus_reader, read_lines, require_file
from tts.data.corpora.labels import labels_to_alignment
from tts.data.corpora.textgrid import read_textgrid
from tts.data.items import Item
from tts.errors import InputError

SPEAKER = "csmsc"
TRANSCRIPT = Path("ProsodyLabeling") / "000001-010000.txt"
#: Utterances whose labels are known to be wrong; common practice leaves them out.
MISANNOTATED = frozenset({"000611", "000662", "002365", "005107"})

_ID_LINE_RE = re.compile(r"(\d{6})\s+(\S.*)")
_PROSODY_MARK_RE = re.compile(r"#\d")
_PINYIN_RE = re.compile(r"[a-zü]+[1-5]")


@corpus_reader("csmsc")
def read_csmsc(root: Path, options: dict) -> Corpus:
    """Items of a CSMSC copy at ``root`` (the folder holding Wave/ and ProsodyLabeling/)."""
    transcript = require_file(root / TRANSCRIPT, "csmsc")
    intervals_dir = root / "PhoneLabeling"
    builder = CorpusBuilder()
    pending: Optional[tuple[int, str, str]] = None  # (line, id, prosody text) awaiting pinyin
    for number, raw in enumerate(read_lines(transcript), start=1):
        if not raw.strip():
            continue
        header = None if raw[:1].isspace() else _ID_LINE_RE.fullmatch(raw.strip())
        if header:
            if pending:
                builder.problem(transcript, pending[0], f"utterance {pending[1]} has no pinyin line")
            pending = (number, header.group(1), header.group(2).strip())
            continue
        if pending is None:
            builder.problem(transcript, number, "expected '<6-digit id><TAB><text>', found "
                            f"{raw.strip()[:40]!r}")
            continue
        line, utt_id, prosody_text = pending
        pending = None
        _add_utterance(builder, root, transcript, intervals_dir, line, utt_id, prosody_text,
                       raw.split(), number)
    if pending:
        builder.problem(transcript, pending[0], f"utterance {pending[1]} has no pinyin line")
    return builder.build()


def _add_utterance(builder: CorpusBuilder, root: Path, transcript: Path, intervals_dir: Path,
                   line: int, utt_id: str, prosody_text: str, pinyin: list[str],
                   pinyin_line: int) -> None:
    if utt_id in MISANNOTATED:
        builder.problem(transcript, line, f"skipped {utt_id}: known to be mis-annotated")
        return
    bad = next((syllable for syllable in pinyin if not _PINYIN_RE.fullmatch(syllable)), None)
    if bad is not None or not pinyin:
        reason = f"not a tone-numbered pinyin syllable: {bad!r}" if bad else "empty pinyin line"
        builder.problem(transcript, pinyin_line, reason)
        return
    item = Item(
        id=utt_id,
        audio_path=root / "Wave" / f"{utt_id}.wav",
        text=_PROSODY_MARK_RE.sub("", prosody_text),
        speaker=SPEAKER,
        pinyin=pinyin,
        extra={"prosody_text": prosody_text},
    )
    if builder.add(item, transcript, line) and intervals_dir.is_dir():
        _attach_intervals(builder, item, intervals_dir / f"{utt_id}.interval")


def _attach_intervals(builder: CorpusBuilder, item: Item, path: Path) -> None:
    """Alignment and tones from a PhoneLabeling file; a Problem (no alignment) if it is bad."""
    if not path.is_file():
        builder.problem(path, None, "no phone interval file; item kept without alignment")
        return
    try:
        tiers = read_textgrid(path)
        if not tiers:
            raise InputError(f"{path}: no interval tier")
        alignment = labels_to_alignment(next(iter(tiers.values())))
    except InputError as error:
        builder.problem_from(path, error, "alignment not used")
        return
    item.alignment, item.tones = alignment.phones, alignment.tones
