"""The Mandarin demo speech corpus, rendered locally with espeak-ng (``tts corpus demo-zh``).

Layout written under ``out_dir`` (the plain-folder layout that the ``folder`` corpus reader reads):

- ``wavs/<id>.wav``: mono 16-bit PCM at the requested rate (espeak renders at 22,050 Hz; other
  rates are resampled with soxr).
- ``metadata.csv``: ``id|text`` per line, text in Chinese characters with their punctuation.
- ``alignments/<id>.json``: one file per utterance (so each is written atomically with its wav)::

      {"version": 1, "id": "demo_000001", "text": "…", "pinyin": ["jin1", "tian1", …],
       "sample_rate": 22050, "num_samples": 61740, "duration": 2.8,
       "espeak": {"voice": "cmn", "rate": 183, "pitch": 51, "range": 47, "volume": 70,
                  "lead_s": 0.21, "trail_s": 0.3},
       "intervals": [{"phone": "SP", "tone": 0, "start": 0.0, "end": 0.21}, …]}

  ``pinyin`` holds the surface syllables actually spoken (after tone sandhi), one per Han
  character; ``intervals`` are inventory phones (``tts.text.symbols``) with the tone of their
  syllable (0 for ``SP``), contiguous, starting at 0 and ending at ``duration``. Boundaries are
  espeak's own phoneme events (sample-exact at 22,050 Hz). ``SP`` marks the leading and trailing
  silence (digital zeros, 0.10-0.35 s) and the pauses at punctuation. Times are rounded to 1 µs,
  identically on both sides of a boundary.
- ``coverage.json``: counts of every initial, final and tone in the alignments, plus totals.

The text → pinyin step is :func:`text_to_pinyin`, the project's own frontend; espeak is fed that
pinyin as cmn phoneme mnemonics, so it speaks exactly the labelled pronunciation. Outputs are
deterministic for a seed (whatever the number of worker processes), written atomically (temporary
file, then rename), and a second run skips utterances that are already complete. One build per
folder at a time.
"""

from __future__ import annotations

import json
import os
import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Optional, Sequence

import numpy as np
import soundfile as sf
from tqdm import tqdm

from tts.fileio import atomic_write_text
from tts.audio.io import resample, write_audio
from tts.data.espeak import (Prosody, SampleInterval, SpelledPhrase, align_events, get_espeak, ordered_in_workers,
                             spell_phrase)
from tts.data.sentences import Coverage, Sentence, SentenceGenerator
from tts.errors import InputError
from tts.text.normalize.chars import is_han

_ERHUA_SYLLABLE_RE = re.compile(r"[a-z]+r[1-5]")  # huar1 (but not er2)


def text_to_pinyin(text: str) -> list[str]:
    """Surface pinyin of ``text``: one tone-numbered syllable (1-5) per Han character, as the
    project's frontend says it (:func:`tts.text.frontend.text_to_pinyin`: polyphones, tone
    sandhi, neutral tones), so the corpus is labelled the way synthesis will read.

    Everything except Han characters is skipped. Raises :class:`InputError` for text the frontend
    cannot read, and for erhua (花儿 shares one syllable between two characters, which the
    one-syllable-per-character alignment cannot hold; the sentence generator writes none).
    """
    from tts.text.frontend import text_to_pinyin as frontend_pinyin  # loads the G2P once

    syllables = frontend_pinyin(text)
    han = sum(1 for char in text if is_han(char))
    if len(syllables) != han:
        raise InputError(f"{len(syllables)} syllables for {han} Han characters in {text!r}")
    erhua = [s for s in syllables if _ERHUA_SYLLABLE_RE.fullmatch(s) and s[:-1] != "er"]
    if erhua:
        raise InputError(f"erhua ({erhua[0]}) in {text!r}: the demo corpus speaks one syllable "
                         f"per character")
    return syllables


# --------------------------------------------------------------------------------------------
# Planning: sentences, phrases and per-utterance prosody (all seeded, all in the parent process)
# --------------------------------------------------------------------------------------------

VOICE = "cmn"  # espeak-ng Mandarin; one speaker for the whole corpus
ID_FORMAT = "demo_{:06d}"  # utterance ids, numbered from 1; independent of the corpus size
# Punctuation that ends a phrase → the clause mark espeak gets (it sets pause and intonation).
PHRASE_BREAKS: dict[str, str] = {
    "，": ",", "、": ",", "：": ",", "；": ",", "。": ".", "？": "?", "！": "!",
    ",": ",", ";": ",", ":": ",", ".": ".", "?": "?", "!": "!",
}
RATE_RANGE = (165, 205)  # espeak words per minute, drawn per utterance: about 4-5 syllables/s
PITCH_RANGE = (44, 56)  # espeak base pitch (0-100), drawn per utterance
PITCH_SPAN_RANGE = (42, 58)  # espeak pitch range (0-100), drawn per utterance
MAX_PHRASE_SYLLABLES = 30  # longer stretches without punctuation are cut (espeak's word limit)
LEAD_SILENCE_S = (0.10, 0.30)  # digital silence added before the speech, seconds
TRAIL_SILENCE_S = (0.15, 0.35)  # and after it
SILENCE = "SP"
FORMAT_VERSION = 1  # of the alignment files; raise it when the rendering changes, to re-render


@dataclass(frozen=True)
class Phrase:
    """Syllables between two pauses, and the clause mark that ends them."""

    syllables: tuple[str, ...]
    mark: str  # one of , . ? !


@dataclass(frozen=True)
class UtterancePlan:
    """Everything needed to render one utterance; rendering it twice gives identical files."""

    id: str
    text: str
    pinyin: tuple[str, ...]
    phrases: tuple[Phrase, ...]
    prosody: Prosody
    lead_s: float
    trail_s: float


def split_phrases(text: str, pinyin: Sequence[str]) -> list[Phrase]:
    """Group the syllables of ``text`` into phrases at its punctuation.

    A stretch of more than :data:`MAX_PHRASE_SYLLABLES` syllables without punctuation is cut
    into equal parts, each ending like a comma. Raises :class:`InputError` for characters that
    are neither Han nor phrase punctuation, or
    when ``pinyin`` does not hold one syllable per Han character.
    """
    phrases: list[Phrase] = []
    current: list[str] = []
    syllables = iter(pinyin)
    for char in text:
        if is_han(char):
            syllable = next(syllables, None)
            if syllable is None:
                raise InputError(f"fewer pinyin syllables than Han characters in {text!r}")
            current.append(syllable)
        elif char in PHRASE_BREAKS:
            if current:
                phrases.append(Phrase(tuple(current), PHRASE_BREAKS[char]))
                current = []
        elif not char.isspace():
            raise InputError(f"cannot speak {char!r} in {text!r}: only Han characters and "
                             f"punctuation {''.join(k for k in PHRASE_BREAKS if ord(k) > 127)}")
    if next(syllables, None) is not None:
        raise InputError(f"more pinyin syllables than Han characters in {text!r}")
    if current:
        phrases.append(Phrase(tuple(current), "."))
    if not phrases:
        raise InputError(f"nothing to speak in {text!r}")
    return [part for phrase in phrases for part in _cut(phrase)]


def _cut(phrase: Phrase) -> list[Phrase]:
    count = len(phrase.syllables)
    parts = -(-count // MAX_PHRASE_SYLLABLES)  # ceil
    bounds = [round(i * count / parts) for i in range(parts + 1)]
    return [Phrase(phrase.syllables[a:b], "," if b < count else phrase.mark)
            for a, b in zip(bounds, bounds[1:])]


def plan_utterance(index: int, sentence: Sentence, seed: int) -> UtterancePlan:
    """The plan of utterance ``index`` (0-based): phrases and seeded prosody."""
    text, pinyin = sentence.text, sentence.pinyin
    rng = random.Random(f"demo-zh:{seed}:{index}")
    prosody = Prosody(rate=rng.randint(*RATE_RANGE), pitch=rng.randint(*PITCH_RANGE),
                      range=rng.randint(*PITCH_SPAN_RANGE))
    return UtterancePlan(id=ID_FORMAT.format(index + 1), text=text, pinyin=tuple(pinyin),
                         phrases=tuple(split_phrases(text, pinyin)), prosody=prosody,
                         lead_s=round(rng.uniform(*LEAD_SILENCE_S), 3),
                         trail_s=round(rng.uniform(*TRAIL_SILENCE_S), 3))


def iter_plans(utterances: int, seed: int) -> Iterator[UtterancePlan]:
    """Plans for the first ``utterances`` sentences of the seeded generator, made lazily."""
    generator = SentenceGenerator(seed, text_to_pinyin)
    for index in range(utterances):
        yield plan_utterance(index, generator.next(), seed)


# --------------------------------------------------------------------------------------------
# Rendering one utterance (runs in worker processes)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RenderedUtterance:
    """Audio and alignment of one utterance at the output rate."""

    samples: np.ndarray  # float32 [T]
    sample_rate: int
    intervals: list[SampleInterval]  # in output samples, contiguous over [0, T)


def espeak_input(phrases: Sequence[SpelledPhrase], marks: Sequence[str]) -> str:
    """``[[mnemonics]], [[mnemonics]].``: phoneme input, one clause per phrase."""
    return " ".join(f"[[{p.mnemonics}]]{mark}" for p, mark in zip(phrases, marks))


def render(plan: UtterancePlan, sample_rate: int) -> RenderedUtterance:
    """Synthesize ``plan`` with espeak, align it from the phoneme events, pad and resample."""
    spelled = [spell_phrase(p.syllables) for p in plan.phrases]
    synthesis = get_espeak(VOICE).synthesize(espeak_input(spelled, [p.mark for p in plan.phrases]),
                                            plan.prosody)
    native = synthesis.sample_rate
    intervals = align_events(spelled, synthesis.events, len(synthesis.samples), SILENCE)
    lead, trail = round(plan.lead_s * native), round(plan.trail_s * native)
    audio = np.concatenate([np.zeros(lead, np.float32),
                            synthesis.samples.astype(np.float32) / 32768.0,
                            np.zeros(trail, np.float32)])
    intervals = _pad(intervals, lead, trail)
    if sample_rate != native:
        audio = resample(audio, native, sample_rate)
        intervals = _rescale(intervals, native, sample_rate, len(audio))
    return RenderedUtterance(audio, sample_rate, intervals)


def _pad(intervals: list[SampleInterval], lead: int, trail: int) -> list[SampleInterval]:
    """Shift by ``lead`` samples and widen (or add) the leading and trailing silences."""
    shifted = [SampleInterval(i.phone, i.tone, i.start + lead, i.end + lead) for i in intervals]
    if shifted[0].phone == SILENCE:
        shifted[0] = SampleInterval(SILENCE, 0, 0, shifted[0].end)
    elif lead:
        shifted.insert(0, SampleInterval(SILENCE, 0, 0, lead))
    last = shifted[-1]
    if last.phone == SILENCE:
        shifted[-1] = SampleInterval(SILENCE, 0, last.start, last.end + trail)
    elif trail:
        shifted.append(SampleInterval(SILENCE, 0, last.end, last.end + trail))
    return shifted


def _rescale(intervals: list[SampleInterval], rate_from: int, rate_to: int,
             num_samples: int) -> list[SampleInterval]:
    """Boundaries moved to another sample rate (rounded); the last one is the new length."""
    bounds = [round(i.start * rate_to / rate_from) for i in intervals] + [num_samples]
    if any(b >= a for a, b in zip(bounds[1:], bounds)):
        raise InputError(f"an interval vanished when resampling {rate_from} → {rate_to} Hz")
    return [SampleInterval(i.phone, i.tone, start, end)
            for i, start, end in zip(intervals, bounds, bounds[1:])]


def alignment_record(plan: UtterancePlan, rendered: RenderedUtterance) -> dict:
    """The JSON object written to ``alignments/<id>.json``."""
    sr = rendered.sample_rate
    return {
        "version": FORMAT_VERSION,
        "id": plan.id,
        "text": plan.text,
        "pinyin": list(plan.pinyin),
        "sample_rate": sr,
        "num_samples": len(rendered.samples),
        "duration": round(len(rendered.samples) / sr, 6),
        "espeak": _espeak_settings(plan),
        "intervals": [{"phone": i.phone, "tone": i.tone, "start": round(i.start / sr, 6),
                       "end": round(i.end / sr, 6)} for i in rendered.intervals],
    }


def dump_alignment(record: dict) -> str:
    """JSON text of an alignment record: the header on one line, then one line per interval."""
    head = {k: v for k, v in record.items() if k != "intervals"}
    lines = ",\n".join(json.dumps(i, ensure_ascii=False) for i in record["intervals"])
    return json.dumps(head, ensure_ascii=False)[:-1] + ',\n"intervals": [\n' + lines + "\n]}\n"


def _espeak_settings(plan: UtterancePlan) -> dict:
    return {"voice": VOICE, "rate": plan.prosody.rate, "pitch": plan.prosody.pitch,
            "range": plan.prosody.range, "volume": plan.prosody.volume, "lead_s": plan.lead_s,
            "trail_s": plan.trail_s}


# --------------------------------------------------------------------------------------------
# Building the corpus folder
# --------------------------------------------------------------------------------------------


@dataclass
class DemoSummary:
    """What :func:`build_demo_zh` wrote."""

    out_dir: Path
    utterances: int
    seconds: float  # total audio duration
    coverage: Coverage  # initials / finals / tones counted in the written alignments
    rendered: int = 0  # utterances synthesized by this run
    skipped: int = 0  # utterances already complete on disk

    def to_json(self) -> dict:
        counts = self.coverage.counts()
        return {"out_dir": str(self.out_dir), "utterances": self.utterances, "seconds": round(self.seconds, 2),
                "rendered": self.rendered, "skipped": self.skipped,
                "rarest_unit": min(counts.items(), key=lambda kv: kv[1]) if counts else None}


@dataclass(frozen=True)
class _Task:
    plan: UtterancePlan
    out_dir: str
    sample_rate: int


@dataclass(frozen=True)
class _Done:
    id: str
    seconds: float
    phones: tuple[tuple[str, int], ...]  # (phone, tone) of every interval, for coverage
    rendered: bool


def _paths(out_dir: Path, utterance_id: str) -> tuple[Path, Path]:
    return out_dir / "wavs" / f"{utterance_id}.wav", out_dir / "alignments" / f"{utterance_id}.json"


def write_text_atomic(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) beside ``path`` and rename it over ``path``."""
    atomic_write_text(path, text)


def _existing(task: _Task) -> Optional[dict]:
    """The alignment record of an already complete utterance made from the same plan, else None."""
    wav, json_path = _paths(Path(task.out_dir), task.plan.id)
    if not (wav.is_file() and json_path.is_file()):
        return None
    try:
        record = json.loads(json_path.read_text(encoding="utf-8"))
        info = sf.info(str(wav))
    except (ValueError, OSError, RuntimeError):
        return None
    plan = task.plan
    same = (record.get("version") == FORMAT_VERSION and record.get("text") == plan.text
            and record.get("pinyin") == list(plan.pinyin)
            and record.get("sample_rate") == task.sample_rate
            and record.get("espeak") == _espeak_settings(plan))
    complete = info.samplerate == task.sample_rate and info.frames == record.get("num_samples")
    return record if same and complete else None


def _done_from_record(record: dict, rendered: bool) -> _Done:
    phones = tuple((i["phone"], int(i["tone"])) for i in record["intervals"])
    return _Done(record["id"], float(record["duration"]), phones, rendered)


def _run_task(task: _Task) -> _Done:
    """Render one utterance unless it is complete on disk; wav first, then its alignment."""
    record = _existing(task)
    if record is not None:
        return _done_from_record(record, rendered=False)
    rendered = render(task.plan, task.sample_rate)
    record = alignment_record(task.plan, rendered)
    wav, json_path = _paths(Path(task.out_dir), task.plan.id)
    write_audio(wav, rendered.samples, rendered.sample_rate)
    write_text_atomic(json_path, dump_alignment(record))
    return _done_from_record(record, rendered=True)


def _warm_worker() -> int:
    """Load espeak in a fresh worker while the parent is still planning."""
    return get_espeak(VOICE).sample_rate


def _results(tasks: Iterable[_Task], jobs: int) -> Iterator[_Done]:
    """Results in task order. Tasks are planned lazily and submitted as soon as they exist, so
    workers render while the parent is still generating sentences."""
    return ordered_in_workers(_run_task, tasks, jobs, _warm_worker)


def _remove_temporaries(out_dir: Path) -> None:
    """Delete temporary files a killed run left behind (dot-files in the two output folders)."""
    for folder in (out_dir / "wavs", out_dir / "alignments", out_dir):
        for path in folder.glob(".*"):
            if path.is_file() and path.name.startswith((".demo_", ".metadata.csv.",
                                                        ".coverage.json.")):
                path.unlink()


def build_demo_zh(out_dir: Path, utterances: int, seed: int = 0, sample_rate: int = 22050,
                  jobs: Optional[int] = None, progress: bool = True) -> DemoSummary:
    """Render the Mandarin demo corpus into ``out_dir`` (layout in this module's docstring).

    Args:
        out_dir: corpus folder; created if missing. Complete utterances already there are kept.
        utterances: number of sentences (the first ``utterances`` of the seeded generator).
        seed: picks sentences and per-utterance prosody; same seed → byte-identical files.
        sample_rate: output rate in Hz (espeak renders at 22,050; others are resampled).
        jobs: worker processes (default: CPU count); 1 renders in this process. Workers are
            spawned, so a script calling this with ``jobs > 1`` needs the usual
            ``if __name__ == "__main__":`` guard.
        progress: show a progress bar on stderr.
    Raises:
        InputError: bad arguments, or espeak did not speak what was spelled.
    """
    if not isinstance(utterances, int) or utterances < 1:
        raise InputError(f"utterances must be a positive integer, got {utterances!r}")
    if not isinstance(sample_rate, int) or not 8000 <= sample_rate <= 192000:
        raise InputError(f"sample_rate must be an integer Hz in 8000..192000, got {sample_rate!r}")
    if jobs is not None and (not isinstance(jobs, int) or jobs < 1):
        raise InputError(f"jobs must be a positive integer, got {jobs!r}")
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"{out_dir} exists and is not a folder")
    (out_dir / "wavs").mkdir(parents=True, exist_ok=True)
    (out_dir / "alignments").mkdir(parents=True, exist_ok=True)
    _remove_temporaries(out_dir)
    plans: list[UtterancePlan] = []

    def tasks() -> Iterator[_Task]:
        for plan in iter_plans(utterances, seed):
            plans.append(plan)
            yield _Task(plan, str(out_dir), sample_rate)

    workers = min(jobs or os.cpu_count() or 1, utterances)
    coverage, seconds, rendered = Coverage(), 0.0, 0
    with tqdm(total=utterances, desc="demo-zh", unit="utt", disable=not progress) as bar:
        for done in _results(tasks(), workers):
            for phone, tone in done.phones:
                coverage.add_phone(phone, tone)
            seconds += done.seconds
            rendered += done.rendered
            bar.update(1)
    write_text_atomic(out_dir / "metadata.csv", "".join(f"{p.id}|{p.text}\n" for p in plans))
    summary = DemoSummary(out_dir, len(plans), round(seconds, 6), coverage, rendered,
                          len(plans) - rendered)
    write_text_atomic(out_dir / "coverage.json", json.dumps(coverage_record(summary, seed),
                                                            ensure_ascii=False, indent=1) + "\n")
    return summary


def coverage_record(summary: DemoSummary, seed: int) -> dict:
    """The JSON object written to ``coverage.json``."""
    return {"utterances": summary.utterances, "seconds": summary.seconds, "seed": seed,
            "minimum": summary.coverage.minimum(), **summary.coverage.to_dict()}
