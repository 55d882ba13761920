"""Acoustic models and vocoders. Importing this package registers the acoustic models.

``ACOUSTIC_MODELS.get("fastspeech2")`` is a class built as
``cls(config, n_mels=…, n_vocab=…, n_tones=…, n_speakers=…, stats=…)``; see
:mod:`tts.models.base` for the batch / output / control dataclasses every model shares.
"""

from tts.models.base import (
    AcousticBatch,
    AcousticModel,
    AcousticOutput,
    Controls,
    FeatureStats,
    ModelOutputs,
)
from tts.models.fastspeech2 import (
    FASTSPEECH2_PRESETS,
    FastSpeech2,
    FastSpeech2Config,
    FastSpeech2Outputs,
    fastspeech2_preset,
)

__all__ = [
    "FASTSPEECH2_PRESETS",
    "AcousticBatch",
    "AcousticModel",
    "AcousticOutput",
    "Controls",
    "FastSpeech2",
    "FastSpeech2Config",
    "FastSpeech2Outputs",
    "FeatureStats",
    "ModelOutputs",
    "fastspeech2_preset",
]
