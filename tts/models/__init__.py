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
from tts.models.diffsinger import DIFFSINGER_PRESETS, DiffSinger, DiffSingerConfig
from tts.models.fastspeech2 import (
    FASTSPEECH2_PRESETS,
    FastSpeech2,
    FastSpeech2Config,
    FastSpeech2Outputs,
    fastspeech2_preset,
)
from tts.models.portaspeech import PORTASPEECH_PRESETS, PortaSpeech, PortaSpeechConfig

# vocoders (registered in tts.registry.VOCODERS on import): "hifigan", "nsf-hifigan", "istft-hifigan",
# "nsf-istft-hifigan"
import tts.models.hifigan  # noqa: E402,F401
import tts.models.istft  # noqa: E402,F401
import tts.models.nsf  # noqa: E402,F401
import tts.models.nsf_istft  # noqa: E402,F401

SINGING_MODELS = ("diffsinger",)  # acoustic models that render notes (scores), not text prosody

__all__ = [
    "DIFFSINGER_PRESETS",
    "DiffSinger",
    "DiffSingerConfig",
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
    "PORTASPEECH_PRESETS",
    "PortaSpeech",
    "PortaSpeechConfig",
    "SINGING_MODELS",
    "fastspeech2_preset",
]
