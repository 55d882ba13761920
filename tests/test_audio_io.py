"""tts.audio.io: round trips, mixing, resampling, atomic writes, errors and level checks."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from tts.audio import io as audio_io
from tts.audio.io import (
    SILENCE_FLOOR_DB,
    check_levels,
    loudness_db,
    peak,
    read_audio,
    resample,
    write_audio,
)
from tts.errors import InputError

SR = 22050


def tone(freq: float, seconds: float, sr: int = SR, amp: float = 0.5) -> np.ndarray:
    t = np.arange(int(seconds * sr)) / sr
    return (amp * np.sin(2 * np.pi * freq * t)).astype(np.float32)


def dominant_frequency(x: np.ndarray, sr: int) -> float:
    spectrum = np.abs(np.fft.rfft(x * np.hanning(len(x))))
    return float(np.argmax(spectrum) * sr / len(x))


@pytest.mark.parametrize("suffix", [".wav", ".flac"])
def test_pcm16_round_trip(tmp_path: Path, suffix: str) -> None:
    x = tone(440, 0.3)
    path = write_audio(tmp_path / f"a{suffix}", x, SR)
    audio = read_audio(path)
    assert audio.sample_rate == SR
    assert audio.samples.dtype == np.float32 and audio.samples.shape == x.shape
    assert np.max(np.abs(audio.samples - x)) <= 1.0 / 32768 + 1e-7
    assert audio.duration == pytest.approx(len(x) / SR)


def test_ogg_round_trip_keeps_pitch(tmp_path: Path) -> None:
    x = tone(440, 0.5)
    audio = read_audio(write_audio(tmp_path / "a.ogg", x, SR))
    assert audio.sample_rate == SR
    assert abs(audio.samples.shape[0] - len(x)) < SR // 100
    assert dominant_frequency(audio.samples, SR) == pytest.approx(440, abs=5)


def test_stereo_is_mixed_to_mono(tmp_path: Path) -> None:
    left, right = tone(440, 0.2), tone(660, 0.2, amp=0.25)
    path = tmp_path / "st.wav"
    sf.write(path, np.stack([left, right], axis=1), SR, subtype="FLOAT")
    mono = read_audio(path)
    np.testing.assert_allclose(mono.samples, (left + right) / 2, atol=1e-6)
    both = read_audio(path, mono=False)
    assert both.samples.shape == (2, len(left))
    np.testing.assert_allclose(both.samples[1], right, atol=1e-6)


def test_read_resamples_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "hi.wav"
    sf.write(path, tone(1000, 1.0, sr=44100), 44100, subtype="FLOAT")
    audio = read_audio(path, sample_rate=SR)
    assert audio.sample_rate == SR
    assert abs(audio.samples.shape[0] - SR) <= 1
    assert dominant_frequency(audio.samples, SR) == pytest.approx(1000, abs=2)
    assert peak(audio.samples) == pytest.approx(0.5, abs=0.01)


def test_resample_multichannel_shape() -> None:
    x = np.stack([tone(300, 0.5, sr=16000), tone(500, 0.5, sr=16000)])  # [2, 8000]
    y = resample(x, 16000, 24000)
    assert y.shape[0] == 2 and abs(y.shape[1] - 12000) <= 1
    assert dominant_frequency(y[1], 24000) == pytest.approx(500, abs=3)
    assert resample(x, 16000, 16000).shape == x.shape


def test_write_clips_and_creates_parents(tmp_path: Path) -> None:
    x = np.array([0.0, 1.7, -3.0, 0.25], dtype=np.float32)
    path = write_audio(tmp_path / "deep" / "er" / "x.wav", x, SR)
    info = sf.info(path)
    assert info.subtype == "PCM_16"
    y = read_audio(path).samples
    assert y[1] == pytest.approx(1.0, abs=1e-4) and y[2] == pytest.approx(-1.0, abs=1e-4)
    assert y[3] == pytest.approx(0.25, abs=1e-4)


def test_write_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_audio(tmp_path / "keep.wav", tone(220, 0.1), SR)
    original = path.read_bytes()

    def broken_write(file: str, *args: object, **kwargs: object) -> None:
        Path(file).write_bytes(b"partial")
        raise OSError("disk full")

    monkeypatch.setattr(audio_io.sf, "write", broken_write)
    with pytest.raises(OSError, match="disk full"):
        write_audio(path, tone(880, 0.1), SR)
    assert path.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.wav"]


def test_overwrite_leaves_no_temp_files(tmp_path: Path) -> None:
    path = tmp_path / "x.flac"
    write_audio(path, tone(220, 0.1), SR)
    write_audio(path, tone(330, 0.2), SR)
    assert [p.name for p in tmp_path.iterdir()] == ["x.flac"]
    assert read_audio(path).samples.shape[0] == int(0.2 * SR)


def test_written_files_get_ordinary_permissions(tmp_path: Path) -> None:
    """Atomic writes go through mkstemp (0o600); the result gets what open() would give under
    the umask, or keeps the mode of the file it replaces."""
    from tts import fileio

    path = tmp_path / "x.wav"
    write_audio(path, tone(220, 0.1), SR)
    assert path.stat().st_mode & 0o777 == 0o666 & ~fileio._UMASK
    path.chmod(0o640)
    write_audio(path, tone(330, 0.1), SR)
    assert path.stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize(
    "samples, name, message",
    [
        (np.zeros(10, np.float32), "x.mp4", "unsupported audio suffix"),
        (np.array([0.0, np.nan], np.float32), "x.wav", "NaN"),
        (np.zeros(0, np.float32), "x.wav", "non-empty"),
    ],
)
def test_write_rejects_bad_input(tmp_path: Path, samples: np.ndarray, name: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        write_audio(tmp_path / name, samples, SR)
    assert list(tmp_path.iterdir()) == []


def test_read_errors_name_the_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.wav"
    with pytest.raises(InputError, match="nope.wav: audio file not found"):
        read_audio(missing)
    garbage = tmp_path / "text.wav"
    garbage.write_text("this is not audio")
    with pytest.raises(InputError, match="text.wav: cannot read audio"):
        read_audio(garbage)
    empty = tmp_path / "empty.wav"
    sf.write(empty, np.zeros(0, np.float32), SR)
    with pytest.raises(InputError, match="empty.wav: audio file holds no samples"):
        read_audio(empty)
    with pytest.raises(InputError, match="sample rate"):
        read_audio(missing, sample_rate=0)


def test_levels() -> None:
    full_sine = tone(100, 1.0, amp=1.0)
    assert loudness_db(full_sine) == pytest.approx(-3.0103, abs=0.01)
    assert loudness_db(np.ones(100)) == pytest.approx(0.0)
    assert loudness_db(np.zeros(100)) == SILENCE_FLOOR_DB
    assert peak(np.array([0.1, -0.7, 0.3])) == pytest.approx(0.7)
    assert peak(np.zeros(0)) == 0.0


def test_check_levels_warnings() -> None:
    assert check_levels(tone(220, 0.5), "ok.wav") == []
    clipped = np.clip(tone(220, 0.5, amp=3.0), -1, 1)
    (warning,) = check_levels(clipped, "loud.wav")
    assert warning.startswith("loud.wav:") and "clipped" in warning
    (warning,) = check_levels(tone(220, 0.5, amp=1e-3), "quiet.wav")
    assert "nearly silent" in warning
    (warning,) = check_levels(tone(220, 0.5) + 0.2, "dc.wav")
    assert "DC offset" in warning
    assert check_levels(np.zeros(0), "e.wav") == ["e.wav: audio is empty"]
