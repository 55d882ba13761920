"""tts.audio.features: the one log-mel, pinned to librosa, plus energy, batching and frame counts."""

from __future__ import annotations

import librosa
import numpy as np
import pytest
import scipy.signal
import torch

from tts.audio.features import MelExtractor, num_frames
from tts.audio.params import AudioConfig
from tts.errors import ConfigError, InputError

CONFIGS = {
    "default": AudioConfig(),
    "hamming-short-window-uncentred": AudioConfig(
        sample_rate=16000,
        n_fft=512,
        hop_length=160,
        win_length=400,
        window="hamming",
        n_mels=64,
        fmin=50.0,
        fmax=None,
        center=False,
    ),
}


def assert_close(actual: torch.Tensor, expected: torch.Tensor, atol: float = 1e-6) -> None:
    """Same shape, values within ``atol`` (numpy's check: torch.testing costs seconds to import)."""
    assert actual.shape == expected.shape
    np.testing.assert_allclose(
        actual.detach().double().numpy(), expected.detach().double().numpy(), rtol=0, atol=atol
    )


def random_signal(n: int, seed: int = 0) -> np.ndarray:
    return (0.3 * np.random.default_rng(seed).standard_normal(n)).astype(np.float32)


def chirp_signal(n: int, sr: int) -> np.ndarray:
    t = np.arange(n) / sr
    return (0.8 * scipy.signal.chirp(t, f0=60, t1=t[-1], f1=sr * 0.45, method="log")).astype(
        np.float32
    )


def librosa_log_mel(y: np.ndarray, a: AudioConfig) -> np.ndarray:
    mel = librosa.feature.melspectrogram(
        y=y,
        sr=a.sample_rate,
        n_fft=a.n_fft,
        hop_length=a.hop_length,
        win_length=a.win_length,
        window=a.window,
        center=a.center,
        pad_mode="constant",
        power=1.0,
        n_mels=a.n_mels,
        fmin=a.fmin,
        fmax=a.fmax,
    )
    return np.log(np.maximum(mel, a.log_floor))


def make_signal(kind: str, a: AudioConfig) -> np.ndarray:
    n = a.sample_rate + 123
    return random_signal(n) if kind == "random" else chirp_signal(n, a.sample_rate)


@pytest.mark.parametrize("name", sorted(CONFIGS))
@pytest.mark.parametrize("signal", ["random", "chirp"])
def test_log_mel_definition_matches_librosa_in_float64(name: str, signal: str) -> None:
    """Same window, padding, mel basis and log as librosa: exact up to float64 rounding."""
    a = CONFIGS[name]
    y = make_signal(signal, a).astype(np.float64)
    ours = MelExtractor(a)(torch.from_numpy(y))
    ref = librosa_log_mel(y, a)
    assert ours.shape == (1, a.n_mels, ref.shape[1])
    assert np.max(np.abs(ours[0].numpy() - ref)) <= 1e-6


def librosa_magnitude(y: np.ndarray, a: AudioConfig) -> np.ndarray:
    return np.abs(
        librosa.stft(
            y,
            n_fft=a.n_fft,
            hop_length=a.hop_length,
            win_length=a.win_length,
            window=a.window,
            center=a.center,
            pad_mode="constant",
        )
    )


@pytest.mark.parametrize("name", sorted(CONFIGS))
@pytest.mark.parametrize("signal", ["random", "chirp"])
def test_float32_log_mel_matches_librosa(name: str, signal: str) -> None:
    """float32 log-mel within 1e-3 of librosa, except below float32 resolution.

    librosa windows in float64 internally. In float32 a bin that lies ~100 dB under its frame
    (the chirp's far Hann sidelobes, just above log_floor) holds rounding noise of a few 1e-9 of
    the frame's energy, up to ~6e-3 in the log there; such a bin passes when its linear error is
    below 1e-7 of the frame's energy (about 2 float32 epsilons).
    """
    a = CONFIGS[name]
    y = make_signal(signal, a)
    ours = MelExtractor(a)(torch.from_numpy(y))
    assert ours.dtype == torch.float32
    ref = librosa_log_mel(y, a)
    assert ours.shape == (1, a.n_mels, ref.shape[1])
    ours64 = ours[0].numpy().astype(np.float64)
    log_error = np.abs(ours64 - ref)
    frame_energy = np.linalg.norm(librosa_magnitude(y.astype(np.float64), a), axis=0)
    linear_error = np.abs(np.exp(ours64) - np.exp(ref)) / frame_energy
    assert np.all((log_error <= 1e-3) | (linear_error <= 1e-7))
    assert np.mean(log_error <= 1e-3) >= 0.95
    if signal == "random":  # broadband: every bin is well above float32 resolution
        assert log_error.max() <= 1e-3


@pytest.mark.parametrize("name", sorted(CONFIGS))
def test_energy_is_l2_norm_of_librosa_magnitude(name: str) -> None:
    a = CONFIGS[name]
    y = chirp_signal(a.sample_rate // 2, a.sample_rate)
    mag = librosa_magnitude(y, a)
    energy = MelExtractor(a).energy(torch.from_numpy(y))[0].numpy()
    np.testing.assert_allclose(energy, np.linalg.norm(mag, axis=0), rtol=1e-4, atol=1e-4)


def test_batch_equals_items_and_features_equals_parts() -> None:
    a = AudioConfig()
    extractor = MelExtractor(a)
    batch = torch.from_numpy(np.stack([random_signal(8000, s) for s in range(3)]))  # [3, 8000]
    mel = extractor(batch)
    assert mel.shape == (3, a.n_mels, extractor.num_frames(8000))
    for i in range(3):
        assert_close(mel[i : i + 1], extractor(batch[i]), atol=1e-5)
    both = extractor.features(batch)
    assert_close(both.log_mel, mel)
    assert_close(both.energy, extractor.energy(batch))
    assert both.energy.shape == (3, mel.shape[-1])
    spec = extractor.spectrogram(batch)
    assert spec.shape == (3, a.n_fft // 2 + 1, mel.shape[-1])


def test_dtypes() -> None:
    extractor = MelExtractor(AudioConfig())
    y = random_signal(4000)
    as64 = extractor(torch.from_numpy(y).double())
    assert as64.dtype == torch.float64
    as16 = extractor(torch.from_numpy(y).to(torch.bfloat16))
    assert as16.dtype == torch.float32
    assert_close(extractor(torch.from_numpy(y)), as64, atol=1e-3)


@pytest.mark.parametrize("n", [1, 255, 256, 257, 1023, 1024, 4097, 22050])
def test_frame_count_centred(n: int) -> None:
    a = AudioConfig()
    extractor = MelExtractor(a)
    frames = extractor(torch.zeros(n)).shape[-1]
    assert frames == extractor.num_frames(n) == num_frames(n, a) == 1 + n // a.hop_length


@pytest.mark.parametrize("n", [512, 671, 672, 5000])
def test_frame_count_uncentred(n: int) -> None:
    a = CONFIGS["hamming-short-window-uncentred"]
    extractor = MelExtractor(a)
    frames = extractor.energy(torch.zeros(n)).shape[-1]
    assert frames == extractor.num_frames(n) == 1 + (n - a.n_fft) // a.hop_length


def test_silence_hits_the_floor_and_gradients_are_finite() -> None:
    a = AudioConfig()
    wav = torch.zeros(2, 3000)
    wav[1] = torch.from_numpy(random_signal(3000))
    wav.requires_grad_(True)
    mel = MelExtractor(a)(wav)
    assert_close(mel[0], torch.full_like(mel[0], float(np.log(a.log_floor))))
    mel.mean().backward()
    assert wav.grad is not None and torch.isfinite(wav.grad).all()
    assert wav.grad[1].abs().sum() > 0


def test_buffers_are_not_saved_and_follow_dtype() -> None:
    extractor = MelExtractor(AudioConfig())
    assert dict(extractor.state_dict()) == {}
    assert extractor.mel_basis.shape == (80, 513)
    assert extractor.window.dtype == torch.float32 and extractor.mel_basis.dtype == torch.float32


@pytest.mark.parametrize(
    "changes, key",
    [
        ({"win_length": 2048}, "audio.win_length"),
        ({"fmax": 12000.0}, "audio.fmin / audio.fmax"),
        ({"fmin": 9000.0}, "audio.fmin / audio.fmax"),
        ({"hop_length": 0}, "audio.hop_length"),
        ({"window": "blackman"}, "audio.window"),
        ({"log_floor": 0.0}, "audio.log_floor"),
    ],
)
def test_bad_config_names_the_key(changes: dict, key: str) -> None:
    with pytest.raises(ConfigError, match=key.replace(".", r"\.")):
        MelExtractor(AudioConfig(**changes))


def test_bad_input_shapes() -> None:
    extractor = MelExtractor(AudioConfig())
    with pytest.raises(InputError, match=r"\[T\] or \[B, T\]"):
        extractor(torch.zeros(1, 1, 100))
    with pytest.raises(InputError, match="floating-point"):
        extractor(torch.zeros(100, dtype=torch.int16))
    with pytest.raises(InputError, match="at least 1"):
        extractor(torch.zeros(0))
    with pytest.raises(InputError, match="fewer than n_fft"):
        MelExtractor(CONFIGS["hamming-short-window-uncentred"])(torch.zeros(100))
