"""What every corpus reader shares: results, problems, option checks, and the reader decorator.

A reader is ``read_<name>(root, options=None) -> Corpus``. Files that are missing altogether raise
:class:`InputError`; a malformed line becomes a :class:`Problem` (file and 1-based line) and is
skipped, so one bad line never costs the rest of a corpus.
"""

from __future__ import annotations

import functools
import importlib
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping, Optional, Sequence, Union

from tts.data.corpora.textgrid import find_textgrid, read_mfa_alignments
from tts.data.items import Item, PhoneInterval
from tts.errors import ConfigError, InputError
from tts.registry import CORPORA

#: Options every reader accepts, with their defaults.
COMMON_OPTIONS: dict[str, object] = {"textgrids": None}


@dataclass(frozen=True)
class Problem:
    """A line or file a reader skipped (or read partially), and why."""

    path: Path
    line: Optional[int]
    reason: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else str(self.path)
        return f"{where}: {self.reason}"


@dataclass
class Corpus:
    """The items a reader loaded and the problems it reported along the way."""

    items: list[Item]
    problems: list[Problem] = field(default_factory=list)

    def speakers(self) -> list[str]:
        """Sorted speaker names present in the items."""
        return sorted({item.speaker for item in self.items})


class CorpusBuilder:
    """Collects items and problems; rejects items whose audio is missing or whose id repeats."""

    def __init__(self) -> None:
        self.items: list[Item] = []
        self.problems: list[Problem] = []
        self._seen: set[str] = set()

    def problem(self, path: Path, line: Optional[int], reason: str) -> None:
        self.problems.append(Problem(path, line, reason))

    def problem_from(self, path: Path, error: InputError, prefix: str) -> None:
        """Record ``error`` about ``path`` as a Problem, lifting its line number if it has one."""
        self.problems.append(problem_from_error(path, error, prefix))

    def add(self, item: Item, source: Path, line: Optional[int]) -> bool:
        """Keep ``item`` unless its audio file is missing or its id was already used."""
        if item.id in self._seen:
            self.problem(source, line, f"duplicate id {item.id!r}; keeping the first")
            return False
        if not item.audio_path.is_file():
            self.problem(source, line, f"audio file {item.audio_path} does not exist")
            return False
        self._seen.add(item.id)
        self.items.append(item)
        return True

    def build(self) -> Corpus:
        return Corpus(self.items, self.problems)


def problem_from_error(path: Path, error: InputError, prefix: str) -> Problem:
    """A Problem for ``path`` from an error whose message may start with ``path[:line]: ``."""
    message = str(error)
    line: Optional[int] = None
    head = f"{path}:"
    if message.startswith(head):
        message = message[len(head):]
        number, sep, rest = message.partition(":")
        if sep and number.isdigit():
            line, message = int(number), rest
    return Problem(path, line, f"{prefix}: {message.strip()}")


# --- files ------------------------------------------------------------------------------------

def require_root(root: Union[Path, str], corpus: str) -> Path:
    """``root`` as a Path, or :class:`InputError` when it is not a directory."""
    root = Path(root)
    if not root.is_dir():
        raise InputError(f"{root}: {corpus} corpus root does not exist or is not a directory")
    return root


def require_file(path: Path, corpus: str) -> Path:
    """``path`` if it is a file, else :class:`InputError` saying which file was expected."""
    if not path.is_file():
        raise InputError(f"{path}: expected the {corpus} transcript file {path.name!r} here, "
                         "but it does not exist")
    return path


def read_text(path: Path) -> str:
    """A UTF-8 text file (a BOM is dropped); :class:`InputError` with the line if it is not."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(f"{path}:{line}: not UTF-8 text") from None


def read_lines(path: Path) -> list[str]:
    """Lines of a UTF-8 text file, without line endings."""
    return read_text(path).splitlines()


# --- options ----------------------------------------------------------------------------------

def resolve_options(corpus: str, options: Optional[Mapping[str, object]],
                    defaults: Mapping[str, object]) -> dict[str, object]:
    """Defaults overlaid with ``options``; an unknown key is a :class:`ConfigError`."""
    allowed = {**COMMON_OPTIONS, **defaults}
    if options is not None and not isinstance(options, Mapping):
        raise ConfigError(f"options of corpus {corpus!r} must be a mapping, got {type(options).__name__}")
    given = dict(options or {})
    for key in given:
        if key not in allowed:
            known = ", ".join(sorted(allowed))
            raise ConfigError(f"unknown option {key!r} for corpus {corpus!r}; known: {known}")
    return {**allowed, **given}


def choice(corpus: str, key: str, value: object, allowed: Sequence[str]) -> str:
    """``value`` if it is one of ``allowed``, else a :class:`ConfigError` naming the option."""
    if value not in allowed:
        raise ConfigError(f"option {key!r} of corpus {corpus!r} must be one of "
                          f"{', '.join(allowed)}; got {value!r}")
    return str(value)


# --- registration -----------------------------------------------------------------------------

ReaderBody = Callable[[Path, dict], Corpus]
Reader = Callable[..., Corpus]


def corpus_reader(name: str, defaults: Optional[Mapping[str, object]] = None) -> Callable[[ReaderBody], Reader]:
    """Turn ``body(root, options)`` into the public reader and register it in ``CORPORA``.

    The public reader checks the root exists, validates options against ``defaults`` (plus the
    common ``textgrids``), runs the body, then attaches MFA alignments when ``textgrids`` is set.
    """
    reader_defaults = dict(defaults or {})

    def wrap(body: ReaderBody) -> Reader:
        @functools.wraps(body)
        def read(root: Union[Path, str], options: Optional[dict] = None) -> Corpus:
            resolved = resolve_options(name, options, reader_defaults)
            corpus = body(require_root(root, name), resolved)
            if resolved["textgrids"] is not None:
                attach_textgrids(corpus, Path(str(resolved["textgrids"])))
            return corpus

        CORPORA.register(name)(read)
        return read

    return wrap


def read_corpus(name: str, root: Union[Path, str], options: Optional[dict] = None) -> Corpus:
    """Read the corpus at ``root`` with the reader registered as ``name``."""
    importlib.import_module("tts.data.corpora")  # importing the package registers every reader
    return CORPORA.get(name)(root, options)


def attach_textgrids(corpus: Corpus, textgrid_dir: Path) -> None:
    """Replace each item's alignment with its MFA TextGrid's, where one exists."""
    if not textgrid_dir.is_dir():
        raise InputError(f"{textgrid_dir}: TextGrid directory (option 'textgrids') does not exist")
    for item in corpus.items:
        path = find_textgrid(item.id, textgrid_dir, item.speaker)
        if path is None:
            continue
        try:
            alignment = read_mfa_alignments(item.id, textgrid_dir, item.speaker)
        except InputError as error:
            corpus.problems.append(problem_from_error(path, error, "alignment not used"))
            continue
        item.alignment, item.tones = alignment.phones, alignment.tones


# --- durations --------------------------------------------------------------------------------

class AlignmentMismatch(InputError):
    """An alignment does not cover the audio it belongs to (prepare skips the item)."""


def frames_from_intervals(intervals: Sequence[PhoneInterval], sample_rate: int, hop_length: int,
                          num_frames: int, tolerance: int = 2) -> list[int]:
    """Per-phone durations in frames that sum to ``num_frames``.

    Boundaries are rounded to frames (``round(t * sr / hop)``, halves up) so no rounding error
    accumulates; the last duration absorbs the difference to ``num_frames``. Raises
    :class:`AlignmentMismatch` when that difference exceeds ``tolerance`` frames, or when
    intervals are unordered.
    """
    if not intervals:
        raise AlignmentMismatch("alignment is empty")
    frames_per_second = sample_rate / hop_length

    def to_frame(seconds: float) -> int:
        return math.floor(seconds * frames_per_second + 0.5)

    durations = [to_frame(p.end) - to_frame(p.start) for p in intervals]
    for phone, duration in zip(intervals, durations):
        if duration < 0:
            raise AlignmentMismatch(f"phone {phone.phone!r} ends before it starts "
                                    f"({phone.start:.3f}s → {phone.end:.3f}s)")
    difference = num_frames - sum(durations)
    if abs(difference) > tolerance:
        covered = sum(durations) / frames_per_second
        audio = num_frames / frames_per_second
        raise AlignmentMismatch(f"alignment covers {covered:.3f}s but the audio has {audio:.3f}s "
                                f"({abs(difference)} frames apart, more than {tolerance})")
    durations[-1] += difference
    if durations[-1] < 0:
        raise AlignmentMismatch(f"last phone {intervals[-1].phone!r} would get a negative duration")
    return durations
