"""Objective evaluation: mel-cepstral distortion, F0 RMSE, V/UV error, duration error, tables.

The same functions score every acoustic model and vocoder; see :mod:`tts.eval.metrics`.
"""

from tts.eval.dtw import AlignmentPath, align_frames, dtw_path
from tts.eval.metrics import (
    EvalRow,
    EvalTable,
    F0Metrics,
    WaveComparison,
    WorldAnalysis,
    all_pass_alpha,
    compare_waves,
    duration_mae_ms,
    f0_metrics,
    mcd,
    mel_cepstral_distortion,
    mel_cepstrum,
    world_analysis,
)

__all__ = [
    "AlignmentPath",
    "EvalRow",
    "EvalTable",
    "F0Metrics",
    "WaveComparison",
    "WorldAnalysis",
    "align_frames",
    "all_pass_alpha",
    "compare_waves",
    "dtw_path",
    "duration_mae_ms",
    "f0_metrics",
    "mcd",
    "mel_cepstral_distortion",
    "mel_cepstrum",
    "world_analysis",
]
