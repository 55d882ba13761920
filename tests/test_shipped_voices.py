"""The voices shipped in the package: complete, verified on load, and used by default."""

from __future__ import annotations

import numpy as np
import pytest

from tts.synth.registry import SHIPPED_VOICES, find_voice
from tts.synth.voice import load_voice

SHIPPED = ("zh-demo", "zh-demo-hifigan", "zh-demo-istft", "zh-sing-demo", "zh-sing-nsf")
EXAMPLE_SCORE = SHIPPED_VOICES.parent / "scores" / "ni_hao_shi_jie.musicxml"
MAX_SHIPPED_BYTES = 80 * 1024 * 1024  # the budget for everything shipped


@pytest.fixture(autouse=True)
def one_thread():
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_voice_loads_with_its_hashes(name: str) -> None:
    voice = load_voice(find_voice(name))  # checks every file's SHA-256 against the card
    assert voice.card.name == name and voice.audio.sample_rate == 22050


def test_shipped_files_fit_the_budget() -> None:
    total = sum(p.stat().st_size for p in SHIPPED_VOICES.rglob("*") if p.is_file())
    assert total <= MAX_SHIPPED_BYTES


def test_default_speech_voice_speaks() -> None:
    from tts.cli import DEFAULT_VOICE
    from tts.synth.synthesizer import Synthesizer

    synth = Synthesizer.from_voice(DEFAULT_VOICE)
    assert not synth.low_quality_vocoder  # paired with its shipped neural vocoder
    result = synth.tts("你好，世界。")
    assert result.sample_rate == 22050 and 0.5 < len(result.wav) / result.sample_rate < 5.0
    assert np.isfinite(result.wav).all() and np.abs(result.wav).max() > 0.01


def test_default_singing_voice_sings_the_example_score() -> None:
    from tts.cli import DEFAULT_SING_VOICE
    from tts.synth.singer import Singer

    singer = Singer.from_voice(DEFAULT_SING_VOICE)
    assert not singer.low_quality_vocoder
    result = singer.sing(EXAMPLE_SCORE, seed=0)
    assert len(result.wav) / result.sample_rate > 2.0
    assert np.isfinite(result.wav).all() and np.abs(result.wav).max() > 0.01
