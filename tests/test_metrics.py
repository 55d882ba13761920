"""Objective metrics on synthetic speech-like signals with known answers."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from scipy.signal import lfilter

from tts.errors import InputError
from tts.eval import (
    AlignmentPath,
    EvalTable,
    WaveComparison,
    align_frames,
    all_pass_alpha,
    compare_waves,
    duration_mae_ms,
    dtw_path,
    f0_metrics,
    mcd,
    mel_cepstral_distortion,
    mel_cepstrum,
    world_analysis,
)
from tts.eval.metrics import freqt_matrix, non_silent_frames, power_to_cepstrum

SR = 16000
VOWELS = np.array([[700, 1200, 2600], [300, 2300, 3000], [350, 800, 2400], [500, 1800, 2500]])
BANDWIDTHS = np.array([90.0, 110.0, 160.0])  # Hz, per formant


def formant_gain(freqs: np.ndarray, formants: np.ndarray) -> np.ndarray:
    """|H(f)| of three cascaded 2nd-order resonators and a -6 dB/oct tilt.

    ``freqs [T, K]`` Hz, ``formants [T, 3]`` Hz -> gain ``[T, K]``.
    """
    gain = np.ones_like(freqs)
    for k in range(3):
        f, bw = formants[:, k : k + 1], BANDWIDTHS[k]
        gain *= f**2 / np.sqrt((f**2 - freqs**2) ** 2 + (bw * freqs) ** 2)
    return gain / (1.0 + freqs / 500.0)


def speechlike(
    duration: float, f0: float = 140.0, cents: float = 0.0, pad: float = 0.15
) -> np.ndarray:
    """A vowel sequence /a i u e/ with gliding formants and a slow F0 wave, framed by silence.

    Everything is a function of normalized time, so a longer ``duration`` is a time-stretched copy
    (same pitch, same spectra). Additive synthesis: harmonic k has the formant gain at k * F0(t).
    """
    n = int(duration * SR)
    u = np.arange(n) / n  # [T] normalized time
    f0_t = f0 * 2 ** (cents / 1200) * (1 + 0.1 * np.sin(2 * np.pi * 1.5 * u))  # [T] Hz
    seg = u * (len(VOWELS) - 1)
    i = np.minimum(seg.astype(int), len(VOWELS) - 2)
    frac = (seg - i)[:, None]
    formants = VOWELS[i] * (1 - frac) + VOWELS[i + 1] * frac  # [T, 3]
    harmonics = np.arange(1, int(SR / 2 / f0_t.min()) + 1)  # [K]
    freqs = f0_t[:, None] * harmonics  # [T, K]
    amp = formant_gain(freqs, formants) * (freqs < SR / 2 - 200)
    phase = 2 * np.pi * np.cumsum(f0_t) / SR  # [T]
    x = np.sum(amp * np.sin(phase[:, None] * harmonics), axis=1)
    x *= np.clip(np.minimum(u, 1 - u) / 0.05, 0, 1) * 0.3 / np.abs(x).max()  # fade in / out
    silence = np.zeros(int(pad * SR))
    return np.concatenate([silence, x, silence])


@pytest.fixture(scope="module")
def speech() -> np.ndarray:
    return speechlike(1.2)


# ---------------------------------------------------------------------------- mel-cepstrum


def test_freqt_matches_warping_the_log_spectrum_numerically() -> None:
    alpha, n, order = 0.42, 257, 24
    rng = np.random.default_rng(0)
    c = np.zeros(n)
    c[:40] = rng.normal(size=40) * np.exp(-np.arange(40) / 8)
    # reference: evaluate log|X| on the inverse-warped axis, cosine-transform over the warped axis
    warped = np.linspace(0, np.pi, 4001)
    omega = np.arctan2((1 - alpha**2) * np.sin(warped), (1 + alpha**2) * np.cos(warped) + 2 * alpha)
    log_amp = np.cos(np.outer(omega, np.arange(n))) @ c
    expect = [
        np.trapezoid(log_amp * np.cos(m * warped), warped) / np.pi * (1 if m == 0 else 2)
        for m in range(order + 1)
    ]
    np.testing.assert_allclose(freqt_matrix(n, order, alpha) @ c, expect, atol=1e-6)
    np.testing.assert_allclose(freqt_matrix(n, order, 0.0) @ c, c[: order + 1], atol=1e-12)


def test_cepstrum_reproduces_the_log_amplitude_on_fft_bins() -> None:
    rng = np.random.default_rng(1)
    power = np.exp(rng.normal(size=(3, 129)))  # [frames, fft/2+1]
    c = power_to_cepstrum(power)
    bins = np.linspace(0, np.pi, 129)
    rebuilt = c @ np.cos(np.outer(np.arange(129), bins))  # sum_m c_m cos(m w)
    np.testing.assert_allclose(rebuilt, 0.5 * np.log(power), atol=1e-10)


def test_all_pass_alpha_by_rate() -> None:
    assert all_pass_alpha(16000) == 0.42
    assert all_pass_alpha(22050) == 0.455
    assert all_pass_alpha(44100) == 0.544
    assert all_pass_alpha(48000) == pytest.approx(0.554)  # mel-scale fit for unlisted rates
    assert all_pass_alpha(24000) == pytest.approx(0.466)


def test_mel_cepstrum_shape_and_frame_grid(speech: np.ndarray) -> None:
    mc = mel_cepstrum(speech, SR, order=24)
    assert mc.shape == (1 + speech.shape[0] // 80, 25)  # 5 ms = 80 samples at 16 kHz
    assert np.all(np.isfinite(mc))
    assert world_analysis(speech[:22050], 22050).hop == 110


# ---------------------------------------------------------------------------- waveforms


def test_identical_signals_score_zero(speech: np.ndarray) -> None:
    result = compare_waves(speech, speech.copy(), SR)
    assert result.mcd_db < 0.1
    assert result.f0_rmse_cents == pytest.approx(0.0, abs=1e-6)
    assert result.vuv_error == 0.0


def test_dtw_absorbs_a_time_stretch(speech: np.ndarray) -> None:
    stretched = speechlike(1.44)  # same utterance 20 % slower
    ref, syn = world_analysis(speech, SR), world_analysis(stretched, SR)
    frames = min(len(ref), len(syn))
    naive = mel_cepstral_distortion(
        ref.mcep[:frames],
        syn.mcep[:frames],
        AlignmentPath.identity(frames),
        non_silent_frames(ref)[:frames],
    )
    result = compare_waves(speech, stretched, SR)
    assert naive > 3.0  # frame by frame the vowels no longer line up
    assert result.mcd_db < 0.5
    assert result.f0_rmse_cents < 5.0
    assert result.vuv_error < 0.02


def test_same_timeline_pairs_frames_one_to_one(speech: np.ndarray) -> None:
    """Copy synthesis keeps the timing: frame t against frame t, so a stretch is no longer forgiven."""
    assert compare_waves(speech, speech.copy(), SR, same_timeline=True).mcd_db < 0.1
    stretched = speechlike(1.44)
    assert compare_waves(speech, stretched, SR, same_timeline=True).mcd_db > 3.0
    shifted = speechlike(1.2, cents=100.0)
    result = compare_waves(speech, shifted, SR, same_timeline=True)
    assert result.f0_rmse_cents == pytest.approx(100.0, abs=5.0)


def test_pitch_shift_of_100_cents(speech: np.ndarray) -> None:
    shifted = speechlike(1.2, cents=100.0)
    result = compare_waves(speech, shifted, SR)
    assert result.f0_rmse_cents == pytest.approx(100.0, abs=5.0)
    assert result.vuv_error < 0.02


def test_noise_against_speech_is_far(speech: np.ndarray) -> None:
    noise = 0.1 * np.random.default_rng(0).standard_normal(speech.shape[0])
    assert mcd(speech, noise, SR) > 10.0


def test_silent_reference_frames_are_not_scored(speech: np.ndarray) -> None:
    noisy = speech.copy()
    pad = int(0.15 * SR)
    rumble = lfilter([1.0], [1.0, -0.95], np.random.default_rng(2).standard_normal(pad))  # low-pass
    noisy[:pad] = 1e-4 * rumble  # quiet coloured noise where the reference is silent
    ref, syn = world_analysis(speech, SR), world_analysis(noisy, SR)
    path = align_frames(ref.mcep[:, 1:], syn.mcep[:, 1:])
    silent = ~non_silent_frames(ref)
    assert silent[:10].all() and not silent[100:200].any()
    assert mel_cepstral_distortion(ref.mcep, syn.mcep, path, silent) > 2.0  # these frames differ
    assert compare_waves(speech, noisy, SR).mcd_db < 0.5


def test_silent_reference_is_rejected(speech: np.ndarray) -> None:
    with pytest.raises(InputError, match="silent"):
        compare_waves(np.zeros(8000), speech, SR)
    with pytest.raises(InputError, match="mono"):
        compare_waves(np.zeros((2, 8000)), speech, SR)


# ---------------------------------------------------------------------------- arrays


def test_mcd_formula_on_known_cepstra() -> None:
    ref = np.zeros((4, 25))
    syn = np.zeros((4, 25))
    syn[:, 0] = 5.0  # energy is not scored
    syn[:, 1] = 1.0
    syn[3, 1:] = 1.0  # last frame: 24 unit differences
    path = AlignmentPath.identity(4)
    per_unit = 10 / math.log(10) * math.sqrt(2)  # 6.1415 dB for one unit difference
    expect = (3 * per_unit + per_unit * math.sqrt(24)) / 4
    assert mel_cepstral_distortion(ref, syn, path) == pytest.approx(expect)
    mask = np.array([True, True, True, False])
    assert mel_cepstral_distortion(ref, syn, path, mask) == pytest.approx(per_unit)
    with pytest.raises(InputError, match="outside"):
        mel_cepstral_distortion(ref, syn, AlignmentPath.identity(5))


def test_voicing_mismatch_fraction_and_cents() -> None:
    ref_f0 = np.full(100, 200.0)
    syn_f0 = np.full(100, 200.0 * 2 ** (50 / 1200))
    syn_f0[70:] = 0.0  # unvoiced in the last 30 frames
    ref_voiced = np.ones(100, bool)
    ref_voiced[:10] = False  # and the reference is unvoiced in the first 10
    result = f0_metrics(ref_f0, ref_voiced, syn_f0, syn_f0 > 0, AlignmentPath.identity(100))
    assert result.vuv_error == pytest.approx(0.4)
    assert result.rmse_cents == pytest.approx(50.0)
    assert (
        f0_metrics(ref_f0, ref_voiced, syn_f0, syn_f0 > 0) == result
    )  # equal lengths: frame by frame


def test_f0_default_alignment_follows_a_stretched_contour() -> None:
    t_ref, t_syn = np.linspace(0, 1, 200), np.linspace(0, 1, 260)
    ref = 220 * 2 ** np.sin(2 * np.pi * t_ref)
    syn = 220 * 2 ** np.sin(2 * np.pi * t_syn)
    result = f0_metrics(ref, ref > 0, syn, syn > 0)
    assert result.rmse_cents < 10.0 and result.vuv_error == 0.0
    nothing = f0_metrics(ref, np.zeros(200, bool), syn, syn > 0)
    assert math.isnan(nothing.rmse_cents) and nothing.vuv_error == 1.0


def test_dtw_path_is_the_cheapest_monotonic_path() -> None:
    rng = np.random.default_rng(3)
    for n, m in [(1, 1), (1, 7), (9, 1), (12, 17), (20, 13)]:
        cost = rng.random((n, m))
        acc = np.full((n + 1, m + 1), np.inf)  # brute-force DP with a padded border
        acc[0, 0] = 0.0
        for i in range(1, n + 1):
            for j in range(1, m + 1):
                acc[i, j] = cost[i - 1, j - 1] + min(
                    acc[i - 1, j - 1], acc[i - 1, j], acc[i, j - 1]
                )
        path = dtw_path(cost)
        assert (path.ref[0], path.syn[0]) == (0, 0) and (path.ref[-1], path.syn[-1]) == (
            n - 1,
            m - 1,
        )
        steps = np.stack([np.diff(path.ref), np.diff(path.syn)], axis=1)
        assert {tuple(s) for s in steps} <= {(1, 1), (1, 0), (0, 1)}
        assert cost[path.ref, path.syn].sum() == pytest.approx(acc[n, m])
    with pytest.raises(InputError):
        align_frames(np.zeros((0, 3)), np.zeros((4, 3)))


def test_duration_mae_ms() -> None:
    mae = duration_mae_ms(np.array([10, 20, 5]), [12, 20, 2], hop_length=256, sample_rate=22050)
    assert mae == pytest.approx(5 / 3 * 256 / 22050 * 1000)
    assert duration_mae_ms([4, 4], [4, 4], 80, 16000) == 0.0
    with pytest.raises(InputError):
        duration_mae_ms([1, 2], [1, 2, 3], 256, 22050)


# ---------------------------------------------------------------------------- tables


def test_eval_table_format_json_and_mean() -> None:
    table = EvalTable(title="demo", precision=2)
    table.add("fastspeech2", WaveComparison(mcd_db=5.123, f0_rmse_cents=30.0, vuv_error=0.08))
    table.add(
        "diffsinger-long-name", {"mcd_db": 4.0, "f0_rmse_cents": math.nan, "dur_mae_ms": 12.5}
    )
    text = table.format()
    lines = text.splitlines()
    assert lines[0] == "demo"
    assert lines[1].split() == ["system", "mcd_db", "f0_rmse_cents", "vuv_error", "dur_mae_ms"]
    assert lines[3].split() == ["fastspeech2", "5.12", "30.00", "0.08", "-"]
    assert lines[4].split() == ["diffsinger-long-name", "4.00", "-", "-", "12.50"]
    ends = {
        line.index(value) + len(value)
        for line, value in [(lines[1], "mcd_db"), (lines[3], "5.12"), (lines[4], "4.00")]
    }
    assert len(ends) == 1  # numbers right-aligned under their header
    mean = table.mean()
    assert mean.metrics["mcd_db"] == pytest.approx(4.5615)
    assert mean.metrics["f0_rmse_cents"] == 30.0  # NaN ignored
    data = json.loads(table.to_json())
    assert data["rows"][1]["f0_rmse_cents"] is None
    back = EvalTable.from_json(table.to_json())
    assert back.title == "demo" and [r.name for r in back.rows] == [
        "fastspeech2",
        "diffsinger-long-name",
    ]
    assert math.isnan(back.rows[1].metrics["f0_rmse_cents"])
    assert back.rows[0].metrics["mcd_db"] == pytest.approx(5.123)
