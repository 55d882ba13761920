"""A plain folder: ``wavs/*.wav`` plus one transcript file.

The transcript is ``metadata.csv`` or ``transcript.txt`` (or the file named by option
``transcript``, relative to the root). Each line is ``name|text``, ``name<TAB>text`` or
``name|speaker|text``; ``name`` may carry ``.wav``. Blank lines and ``#`` comments are ignored.
Items without a speaker field get option ``speaker`` (default ``"default"``). When
``alignments/<name>.json`` exists (option ``alignments`` names another folder under the root), its
exact phone intervals, tones and pinyin are attached (see :mod:`tts.data.corpora.alignment_json`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Union

from tts.data.corpora.alignment_json import read_alignment_json
from tts.data.corpora.base import Corpus, CorpusBuilder, corpus_reader, read_lines
from tts.data.items import Item
from tts.errors import InputError

DEFAULT_TRANSCRIPTS = ("metadata.csv", "transcript.txt")


@dataclass(frozen=True)
class _Line:
    name: str
    speaker: Optional[str]
    text: str


@corpus_reader("folder", {"transcript": None, "speaker": "default", "alignments": "alignments"})
def read_folder(root: Path, options: dict) -> Corpus:
    """Items of a ``wavs/`` folder with a ``name|text`` transcript."""
    transcript = _find_transcript(root, options["transcript"])
    builder = CorpusBuilder()
    for number, raw in enumerate(read_lines(transcript), start=1):
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            continue
        parsed = _parse(stripped)
        if isinstance(parsed, str):
            builder.problem(transcript, number, parsed)
            continue
        relative = Path(parsed.name).with_suffix("") if parsed.name.endswith(".wav") else Path(parsed.name)
        item = Item(
            id=relative.as_posix().replace("/", "_"),
            audio_path=root / "wavs" / relative.with_name(relative.name + ".wav"),
            text=parsed.text,
            speaker=parsed.speaker or str(options["speaker"]),
        )
        aligned = root / str(options["alignments"]) / relative.with_name(relative.name + ".json")
        if aligned.is_file():
            try:
                alignment = read_alignment_json(aligned)
            except InputError as error:
                builder.problem(transcript, number, f"alignment ignored: {error}")
            else:
                item.alignment, item.tones = alignment.intervals, alignment.tones
                item.pinyin = alignment.pinyin
        builder.add(item, transcript, number)
    return builder.build()


def _find_transcript(root: Path, named: Optional[object]) -> Path:
    if named is not None:
        path = root / str(named)
        if not path.is_file():
            raise InputError(f"{path}: transcript file named by option 'transcript' does not exist")
        return path
    for name in DEFAULT_TRANSCRIPTS:
        if (root / name).is_file():
            return root / name
    raise InputError(f"{root}: no transcript file; expected {' or '.join(DEFAULT_TRANSCRIPTS)} "
                     "(or set option 'transcript')")


def _parse(line: str) -> Union[_Line, str]:
    """The fields of one transcript line, or the reason it is malformed."""
    if "|" in line:
        fields = [f.strip() for f in line.split("|")]
        if len(fields) == 2:
            name, speaker, text = fields[0], None, fields[1]
        elif len(fields) == 3:
            name, speaker, text = fields
        else:
            return f"expected name|text or name|speaker|text, found {len(fields)} fields"
    elif "\t" in line:
        name, _, text = (f.strip() for f in line.partition("\t"))
        speaker = None
    else:
        return "expected name|text, name<TAB>text or name|speaker|text"
    if not name or not text or speaker == "":
        return "empty name, speaker or text"
    if Path(name).is_absolute() or ".." in Path(name).parts:
        return f"name {name!r} must be a path inside wavs/"
    return _Line(name, speaker, text)
