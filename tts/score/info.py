"""What ``tts score info`` shows: a score's notes, lyrics and phonemes, as a table or JSON.

Phoneme durations are the file's own when it gives them, else the consonant-borrowing rule's
(:func:`tts.score.timing.rule_durations`) — what a render would use unless the voice's duration
predictor replaces them. When the lyrics cannot be read, the notes are still listed and
``problem`` says why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from tts.errors import TTSError
from tts.score.model import Score
from tts.score.notes import midi_to_name
from tts.score.timing import SegmentPlan, plan_segments


@dataclass
class TimedPhoneme:
    symbol: str
    start: float  # seconds, song time
    duration: float  # seconds


@dataclass
class SegmentSummary:
    offset: float  # seconds into the song
    phonemes: list[TimedPhoneme]
    durations_from: str  # "score" (the file's) or "rule"
    has_f0: bool


@dataclass
class ScoreSummary:
    score: Score
    note_phonemes: list[list[TimedPhoneme]]  # per note of score.notes
    segments: list[SegmentSummary] = field(default_factory=list)
    problem: Optional[str] = None  # why phonemes could not be made (notes are still listed)

    def to_json(self) -> dict[str, Any]:
        score = self.score
        notes = []
        for note, phones in zip(score.notes, self.note_phonemes):
            notes.append({**note.to_json(), "phonemes": [p.symbol for p in phones]})
        segments = [{"offset": s.offset, "phonemes": [p.symbol for p in s.phonemes],
                     "ph_dur": [p.duration for p in s.phonemes], "durations_from": s.durations_from,
                     "f0": s.has_f0} for s in self.segments]
        return {"source": score.source, "format": score.format, "title": score.title, "part": score.part,
                "duration": score.duration, "tempo": score.tempo.to_json(), "notes": notes,
                "segments": segments, "problem": self.problem}


def summarize(score: Score) -> ScoreSummary:
    """Notes with the phonemes each one sings (and when), and the segments."""
    note_phonemes: list[list[TimedPhoneme]] = [[] for _ in score.notes]
    summary = ScoreSummary(score, note_phonemes)
    try:
        plans = plan_segments(score)
    except TTSError as error:
        summary.problem = str(error)
        return summary
    for plan in plans:
        summary.segments.append(_segment_summary(plan, note_phonemes))
    return summary


def _segment_summary(plan: SegmentPlan, note_phonemes: list[list[TimedPhoneme]]) -> SegmentSummary:
    given = plan.durations_given
    durations = [float(p.duration) for p in plan.phones] if given else plan.rule_durations()  # type: ignore[arg-type]
    timed: list[TimedPhoneme] = []
    time = plan.offset
    for phone, duration in zip(plan.phones, durations):
        item = TimedPhoneme(phone.symbol, time, duration)
        timed.append(item)
        source = plan.sources[phone.slot] if phone.slot < len(plan.sources) else -1
        if source >= 0:
            note_phonemes[source].append(item)
        time += duration
    return SegmentSummary(plan.offset, timed, "score" if given else "rule", plan.f0 is not None)


def render(summary: ScoreSummary) -> list[Any]:
    """Rich renderables: a header line, the notes table, one line per segment."""
    from rich.table import Table
    from rich.text import Text

    score = summary.score
    tempos = ", ".join(f"{c.bpm:g} BPM at beat {c.beat:g}" for c in score.tempo.changes)
    head = Text(f"{score.source}: {score.format}, {len(score.notes)} notes, {score.duration:.2f} s"
                + (f", part {score.part!r}" if score.part else "") + (f", {score.title!r}" if score.title else "")
                + f"; tempo {tempos}")
    table = Table(show_lines=False)
    for column, justify in (("#", "right"), ("onset s", "right"), ("dur s", "right"), ("beat", "right"),
                            ("beats", "right"), ("note", "left"), ("lyric", "left"), ("", "left"),
                            ("phonemes", "left")):
        table.add_column(column, justify=justify, no_wrap=column == "phonemes")  # type: ignore[arg-type]
    for k, (note, phones) in enumerate(zip(score.notes, summary.note_phonemes), 1):
        flags = " ".join(flag for flag, on in (("slur", note.slur), ("tie", note.tied),
                                               (note.glide, note.glide != "none")) if on)
        table.add_row(str(k), f"{note.onset:.3f}", f"{note.duration:.3f}", f"{note.onset_beats:g}",
                      f"{note.duration_beats:.3g}", midi_to_name(note.pitch), note.lyric, flags,
                      " ".join(f"{p.symbol}({p.duration:.2f})" for p in phones))
    out: list[Any] = [head, table]
    for k, segment in enumerate(summary.segments, 1):
        source = "from the score" if segment.durations_from == "score" else "by rule (a voice predicts its own)"
        out.append(Text(f"segment {k} at {segment.offset:.3f} s: {len(segment.phonemes)} phonemes, durations "
                        f"{source}{', F0 curve given' if segment.has_f0 else ''}: "
                        + " ".join(p.symbol for p in segment.phonemes)))
    return out
