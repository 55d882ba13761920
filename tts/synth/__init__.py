"""Synthesis with voice bundles: finding and loading voices, rendering text to speech and scores to song.

The names below are imported on first use, so ``import tts.synth.batch`` stays light.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "Synthesizer": "tts.synth.synthesizer",
    "SynthesisResult": "tts.synth.synthesizer",
    "SentenceRender": "tts.synth.synthesizer",
    "SentenceAudio": "tts.synth.synthesizer",
    "Singer": "tts.synth.singer",
    "SingerSpec": "tts.synth.sing_batch",
    "SingReport": "tts.synth.sing_batch",
    "sing_folder": "tts.synth.sing_batch",
    "LoadedVoice": "tts.synth.voice",
    "VoiceCard": "tts.synth.voice",
    "export_voice": "tts.synth.voice",
    "load_voice": "tts.synth.voice",
    "VoiceInfo": "tts.synth.registry",
    "find_voice": "tts.synth.registry",
    "list_voices": "tts.synth.registry",
}

__all__ = list(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'tts.synth' has no attribute {name!r}")
    return getattr(import_module(module), name)
