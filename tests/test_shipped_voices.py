"""The voices shipped in the package: complete, verified on load, and used by default."""

from __future__ import annotations

import numpy as np
import pytest

from tts.synth.registry import SHIPPED_VOICES, find_voice
from tts.synth.voice import load_voice

SHIPPED = ("zh-demo", "zh-demo-hifigan", "zh-demo-istft", "zh-demo-nsf-istft", "zh-sing-demo", "zh-sing-nsf", "zh-sing-nsf-istft")
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


@pytest.mark.parametrize("vocoder", ["zh-sing-nsf", "zh-sing-nsf-istft"])
def test_shipped_singing_vocoders_follow_the_rendered_f0(vocoder: str) -> None:
    """The fast path (2 sampler steps, NSF-iSTFT) and the default vocoder sing the F0 the model rendered:
    the pitch tracked from the wav matches it within a few cents on most voiced frames."""
    from tts.audio.params import PitchConfig
    from tts.audio.pitch import extract_f0
    from tts.cli import DEFAULT_SING_VOICE
    from tts.synth.singer import Singer

    singer = Singer.from_voice(DEFAULT_SING_VOICE, vocoder=vocoder)
    result = singer.sing(EXAMPLE_SCORE, steps=2, seed=0, keep_features=True)
    audio = singer.voice.audio
    cents = []
    for sentence in result.sentences:
        assert sentence.f0 is not None
        start = round(sentence.start * audio.sample_rate)
        wav = result.wav[start: start + len(sentence.f0) * audio.hop_length]
        track = extract_f0(wav.astype(np.float64), audio, PitchConfig(method="dio", interpolate=False))
        n = min(len(track), len(sentence.f0))
        target, heard = sentence.f0[:n], track.f0[:n]
        both = (target > 0) & track.voiced[:n]
        cents.append(np.abs(1200 * np.log2(heard[both] / target[both])))
    error = np.concatenate(cents)
    assert error.size > 100 and np.median(error) < 15.0, np.median(error)


def test_default_speech_voice_renders_its_f0_and_obeys_the_pitch_control() -> None:
    """The shipped speech vocoder sings the F0 the acoustic model asked for, and ``--pitch 4`` moves the
    heard pitch by about 4 semitones (HiFi-GAN V3, the earlier pairing, buzzed at the 86 Hz frame rate
    whatever it was asked: median 107 cents off, 0.0 semitones moved)."""
    from tts.audio.params import PitchConfig
    from tts.audio.pitch import extract_f0
    from tts.cli import DEFAULT_VOICE
    from tts.synth.synthesizer import Synthesizer

    synth = Synthesizer.from_voice(DEFAULT_VOICE)
    audio = synth.voice.audio
    heard_median = {}
    for shift in (0.0, 4.0):
        cents, heard_all = [], []
        for piece in synth.stream("今天下午三点，我们在图书馆门口见面。", pitch=shift, keep_features=True, seed=0):
            asked = piece.render.f0
            assert asked is not None
            track = extract_f0(piece.wav.astype(np.float64), audio, PitchConfig(method="dio", interpolate=False))
            n = min(len(track), len(asked))
            both = (asked[:n] > 0) & track.voiced[:n]
            cents.append(np.abs(1200 * np.log2(track.f0[:n][both] / asked[:n][both])))
            heard_all.append(track.f0[:n][track.voiced[:n]])
        error = np.concatenate(cents)
        assert error.size > 50 and np.median(error) < 15.0, (shift, np.median(error))
        heard_median[shift] = float(np.median(np.concatenate(heard_all)))
    moved = 12 * np.log2(heard_median[4.0] / heard_median[0.0])
    assert 3.5 < moved < 4.5, moved
