"""tts.audio.pitch: accuracy on tones of known F0, silence, frame alignment with the mel, gaps."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from tts.audio.features import num_frames
from tts.audio.params import AudioConfig, PitchConfig
from tts.audio.pitch import curve_to_frames, dio_speed, extract_f0, interpolate_unvoiced
from tts.errors import ConfigError, InputError
from tts.registry import PITCH_EXTRACTORS

AUDIO = AudioConfig()
SR = AUDIO.sample_rate
METHODS = ["dio", "harvest", "parselmouth"]


def harmonic_tone(f0: np.ndarray | float, n: int, sr: int = SR, kind: str = "saw") -> np.ndarray:
    """A sine, or a band-limited sawtooth (all harmonics below 0.45 sr, amplitude 1/k)."""
    freq = np.broadcast_to(np.asarray(f0, dtype=np.float64), (n,))
    phase = 2 * np.pi * np.cumsum(freq) / sr
    if kind == "sine":
        return (0.5 * np.sin(phase)).astype(np.float32)
    x = np.zeros(n)
    for k in range(1, int(0.45 * sr / freq.max()) + 1):
        x += np.sin(k * phase) / k
    return (0.5 * 2 / np.pi * x).astype(np.float32)


def cents(f: np.ndarray, ref: np.ndarray | float) -> np.ndarray:
    return 1200 * np.abs(np.log2(f / ref))


def config(method: str, interpolate: bool = False) -> PitchConfig:
    return PitchConfig(method=method, interpolate=interpolate)


# Harvest scores candidates by the first harmonics' agreement, so pure sines are unvoiced for it.
CASES = [(m, k) for m in METHODS for k in ("sine", "saw") if not (m == "harvest" and k == "sine")]


@pytest.mark.parametrize("method, kind", CASES)
@pytest.mark.parametrize("freq", [110.0, 220.0, 440.0])
def test_known_tones(method: str, kind: str, freq: float) -> None:
    n = int(0.4 * SR) + 7
    track = extract_f0(harmonic_tone(freq, n, kind=kind), AUDIO, config(method))
    assert len(track) == num_frames(n, AUDIO)
    assert track.f0.dtype == np.float32 and track.voiced.dtype == np.bool_
    assert track.voiced.mean() >= 0.9
    assert np.all(track.f0[~track.voiced] == 0)
    assert np.median(cents(track.f0[track.voiced], freq)) <= 5.0


@pytest.mark.parametrize("method", METHODS)
def test_silence_is_unvoiced(method: str) -> None:
    for interpolate in (False, True):
        track = extract_f0(np.zeros(5001, np.float32), AUDIO, config(method, interpolate))
        assert len(track) == num_frames(5001, AUDIO)
        assert not track.voiced.any() and not track.f0.any()


@pytest.mark.parametrize("method", METHODS)
def test_white_noise_is_mostly_unvoiced(method: str) -> None:
    noise = 0.1 * np.random.default_rng(0).standard_normal(SR // 2)
    track = extract_f0(noise.astype(np.float32), AUDIO, config(method))
    assert track.voiced.mean() < 0.5


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("n", [1, 301, 1001, 4097, 9999])
def test_length_equals_mel_frames(method: str, n: int) -> None:
    x = harmonic_tone(150.0, n)
    assert len(extract_f0(x, AUDIO, config(method, True))) == num_frames(n, AUDIO)


@pytest.mark.parametrize("method", METHODS)
def test_length_other_rates_and_uncentred(method: str) -> None:
    audio = dataclasses.replace(
        AUDIO, sample_rate=16000, hop_length=200, n_fft=800, win_length=800, center=False
    )
    n = 8001
    track = extract_f0(harmonic_tone(200.0, n, sr=16000), audio, config(method))
    assert len(track) == num_frames(n, audio) == 1 + (n - 800) // 200
    assert np.median(cents(track.f0[track.voiced], 200.0)) <= 5.0


@pytest.mark.parametrize("method", METHODS)
def test_frames_are_centred_at_t_hop(method: str) -> None:
    """200 Hz then 300 Hz from 0.3 s: frames clear of the step read the right side."""
    n = int(0.6 * SR)
    step = int(0.3 * SR)
    freq = np.where(np.arange(n) < step, 200.0, 300.0)
    track = extract_f0(harmonic_tone(freq, n), AUDIO, config(method))
    times = np.arange(len(track)) * AUDIO.hop_length / SR
    before = track.voiced & (times < 0.3 - 0.04) & (times > 0.05)
    after = track.voiced & (times > 0.3 + 0.04) & (times < 0.55)
    assert before.sum() >= 15 and after.sum() >= 15
    assert np.all(cents(track.f0[before], 200.0) < 50)
    assert np.all(cents(track.f0[after], 300.0) < 50)
    # The step is found within one frame of 0.3 s (the midpoint of 200 and 300 Hz is 250 Hz).
    crossing = times[np.flatnonzero(track.voiced & (track.f0 > 250.0))[0]]
    assert abs(crossing - 0.3) <= 1.5 * AUDIO.hop_length / SR


@pytest.mark.parametrize("method", METHODS)
def test_interpolation_fills_gap_and_keeps_mask(method: str) -> None:
    n = int(0.9 * SR)
    freq = np.where(np.arange(n) < n // 2, 200.0, 250.0)
    x = harmonic_tone(freq, n)
    x[int(0.35 * SR) : int(0.55 * SR)] = 0.0  # a silent gap of 0.2 s
    raw = extract_f0(x, AUDIO, config(method, interpolate=False))
    filled = extract_f0(x, AUDIO, config(method, interpolate=True))
    np.testing.assert_array_equal(raw.voiced, filled.voiced)
    times = np.arange(len(raw)) * AUDIO.hop_length / SR
    gap = (times > 0.38) & (times < 0.52)
    assert not raw.voiced[gap].any() and not raw.f0[gap].any()
    assert np.all(filled.f0 > 0)
    np.testing.assert_array_equal(filled.f0[raw.voiced], raw.f0[raw.voiced])
    # The gap is a straight line between the voiced frames on either side of it.
    left = np.flatnonzero(raw.voiced & (times < 0.4))[-1]
    right = np.flatnonzero(raw.voiced & (times > 0.5))[0]
    line = np.linspace(raw.f0[left], raw.f0[right], right - left + 1)
    np.testing.assert_allclose(filled.f0[left : right + 1], line, rtol=1e-5)
    assert cents(raw.f0[right + 5], 250.0) < 20 and cents(raw.f0[left - 5], 200.0) < 20


def test_interpolate_unvoiced_holds_edges() -> None:
    f0 = np.array([0, 0, 100, 0, 0, 200, 0], dtype=np.float32)
    filled = interpolate_unvoiced(f0, f0 > 0)
    np.testing.assert_allclose(filled, [100, 100, 100, 400 / 3, 500 / 3, 200, 200], rtol=1e-6)
    assert filled.dtype == np.float32
    assert not interpolate_unvoiced(np.zeros(4, np.float32), np.zeros(4, bool)).any()


def test_registry_and_errors() -> None:
    assert set(METHODS) <= set(PITCH_EXTRACTORS.names())
    x = harmonic_tone(200.0, 2000)
    with pytest.raises(ConfigError, match="unknown pitch extractor 'yin'"):
        extract_f0(x, AUDIO, PitchConfig(method="yin"))  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="pitch.f0_min / pitch.f0_max"):
        extract_f0(x, AUDIO, PitchConfig(f0_min=500.0, f0_max=400.0))
    with pytest.raises(InputError, match="shape"):
        extract_f0(np.zeros((2, 100)), AUDIO, PitchConfig())
    with pytest.raises(InputError, match="NaN"):
        extract_f0(np.array([0.0, np.inf, 0.0]), AUDIO, PitchConfig())


def test_dio_speed_keeps_search_rate_above_five_f0_max() -> None:
    for sr in (16000, 22050, 24000, 44100, 48000):
        speed = dio_speed(sr, 800.0)
        assert 1 <= speed <= 12 and sr / speed >= 4000.0
    assert dio_speed(22050, 1100.0) == 4
    assert dio_speed(8000, 800.0) == 2


def test_a_known_curve_lands_on_the_mel_grid() -> None:
    """200 Hz for 0.5 s, a 0.2 s gap, then a glide 300 -> 400 Hz, given every 5 ms."""
    step = 0.005
    t = np.arange(0, 1.2, step)
    curve = np.where(t < 0.5, 200.0, np.where(t < 0.7, 0.0, 300.0 + (t - 0.7) * 200.0))
    frames = 100
    track = curve_to_frames(curve, step, frames, AUDIO, PitchConfig(interpolate=False))
    times = np.arange(frames) * AUDIO.hop_length / AUDIO.sample_rate
    assert track.f0.shape == (frames,) and track.voiced.shape == (frames,)
    np.testing.assert_array_equal(track.voiced, curve[np.round(times / step).astype(int)] > 0)
    np.testing.assert_allclose(track.f0[times < 0.49], 200.0)
    glide = (times > 0.71) & (times < 1.19)
    np.testing.assert_allclose(track.f0[glide], 300.0 + (times[glide] - 0.7) * 200.0, rtol=1e-4)
    assert np.all(track.f0[~track.voiced] == 0.0)
    filled = curve_to_frames(curve, step, frames, AUDIO, PitchConfig(interpolate=True))
    gap = ~filled.voiced
    assert np.all((filled.f0[gap] >= 200.0) & (filled.f0[gap] <= 300.0))  # bridged, not 0 Hz
    with pytest.raises(InputError, match="F0 curve"):
        curve_to_frames(np.array([100.0, np.nan]), step, 10, AUDIO, PitchConfig())
    with pytest.raises(InputError, match="timestep"):
        curve_to_frames(curve, 0.0, 10, AUDIO, PitchConfig())
