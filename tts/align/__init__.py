"""Duration extraction without an external aligner: a small attention aligner trained on the
corpus itself, hardened by monotonic alignment search (see :mod:`tts.align.stage` for the design)."""

from tts.align.mas import mas_durations, mas_path
from tts.align.stage import AlignSummary, align_run, align_store, needs_alignment

__all__ = ["AlignSummary", "align_run", "align_store", "mas_durations", "mas_path", "needs_alignment"]
