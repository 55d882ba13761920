"""Objective metrics shared by every model: MCD, F0 RMSE, V/UV error, duration error, tables.

Speech and singing from any acoustic model + vocoder are scored the same way, on waveforms:

1. **WORLD analysis** (:func:`world_analysis`). F0 comes from the project's pitch extractor
   (``PitchConfig.method``: DIO + StoneMask by default), the spectral envelope from WORLD
   CheapTrick, both on a 5 ms grid (``hop = round(0.005 * sample_rate)`` samples: exactly 5 ms
   at 16, 24 and 48 kHz, 4.99 ms at 22.05 and 44.1 kHz).
2. **Mel-cepstrum** (:func:`spectrum_to_mcep`). The envelope's log power is turned into a minimum-
   phase real cepstrum by an inverse FFT, then mapped onto a mel-like frequency axis by the first-
   order all-pass frequency transform ``z~^-1 = (z^-1 - a) / (1 - a z^-1)``, using the recursion of
   SPTK's ``freqt``. The recursion is linear, so it is run once on the identity to get a
   ``[order+1, fft/2+1]`` matrix (cached) that is applied to every frame. The result satisfies
   ``log|X(w)| ~= sum_m c~_m cos(m * beta(w))`` with the warped frequency
   ``beta(w) = atan2((1 - a^2) sin w, (1 + a^2) cos w - 2a)``; this is the same quantity SPTK's
   ``mcep`` estimates iteratively, computed here non-iteratively from the smooth WORLD envelope.
3. **One DTW path** (:func:`~tts.eval.dtw.align_frames`) on c1..c_order pairs reference and
   synthesized frames; MCD, F0 RMSE and V/UV error are all measured on it.

All-pass constant ``alpha`` (:func:`all_pass_alpha`): 0.42 at 16 kHz (the value SPTK's manual and
most published MCD numbers use), 0.455 at 22.05 kHz and 0.544 at 44.1 kHz. Those two, and any other
rate, are the alpha whose warped axis ``beta`` fits the mel scale ``ln(1 + f / 1000)`` best in the
least-squares sense over 0..Nyquist (the fit gives 0.41 at 16 kHz, 0.466 at 24 kHz and 0.554 at
48 kHz).

MCD follows Kubichek (1993): ``10 / ln 10 * sqrt(2 * sum_{m=1}^{order} (c_m - c'_m)^2)`` dB per
frame pair, c0 (energy) excluded, averaged over the aligned path, skipping pairs whose reference
frame is silent (envelope power more than ``silence_db`` below the loudest reference frame).
"""

from __future__ import annotations

import json
import math
import warnings
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Mapping, Optional, Sequence, Union

import numpy as np

import tts.audio.pitch  # noqa: F401  (fills PITCH_EXTRACTORS)
from tts.audio.params import PitchConfig
from tts.errors import ConfigError, InputError
from tts.eval.dtw import AlignmentPath, align_frames
from tts.registry import PITCH_EXTRACTORS

with warnings.catch_warnings():  # pyworld imports the deprecated pkg_resources
    warnings.simplefilter("ignore", UserWarning)
    import pyworld

FRAME_PERIOD_S = 0.005  # analysis frame period of every metric here
MCEP_ORDER = 24  # c0..c24: the usual order for MCD at 16-48 kHz
SILENCE_DB = 40.0  # reference frames this far below the loudest one are not scored by MCD
SPECTRUM_FLOOR = 1e-12  # envelope power floor (-120 dB) before the log, for digital silence
MCD_SCALE = 10.0 / math.log(10.0)  # natural-log cepstral distance -> dB
CENTS_PER_OCTAVE = 1200.0

# alpha by sample rate; rates not listed use the mel-scale fit (see the module docstring)
ALL_PASS_ALPHA: dict[int, float] = {16000: 0.42, 22050: 0.455, 44100: 0.544}


# ----------------------------------------------------------------------------- mel-cepstrum


@lru_cache(maxsize=None)
def _fitted_alpha(sample_rate: int, points: int = 1000, step: float = 0.001) -> float:
    """Alpha whose normalized warped axis is closest (RMS) to the normalized mel scale."""
    freqs = np.arange(points) * (sample_rate / 2) / points  # [P] Hz
    mel = np.log1p(freqs / 1000.0)
    mel = mel / mel[-1]
    omega = np.arange(points) * np.pi / points  # [P] rad
    alphas = np.arange(0.0, 1.0, step)[:, None]  # [A, 1]
    warped = np.arctan2(
        (1 - alphas**2) * np.sin(omega), (1 + alphas**2) * np.cos(omega) - 2 * alphas
    )
    warped = warped / warped[:, -1:]  # [A, P]
    rms = np.sqrt(np.mean((warped - mel) ** 2, axis=1))  # [A]
    return round(float(alphas[int(np.argmin(rms)), 0]), 3)


def all_pass_alpha(sample_rate: int) -> float:
    """Frequency-warping constant for ``sample_rate`` (0.42 at 16 kHz, 0.455 at 22.05 kHz, ...)."""
    if sample_rate <= 0:
        raise InputError(f"all_pass_alpha: sample rate must be positive, got {sample_rate}")
    return ALL_PASS_ALPHA.get(int(sample_rate), _fitted_alpha(int(sample_rate)))


@lru_cache(maxsize=16)
def freqt_matrix(in_len: int, order: int, alpha: float) -> np.ndarray:
    """Matrix ``[order+1, in_len]`` of the all-pass frequency transform (SPTK ``freqt``).

    ``mc = freqt_matrix(n, order, alpha) @ c`` maps a cepstrum ``c [n]`` (c0..c_{n-1}) onto the
    warped axis. Built by running SPTK's recursion on every unit vector at once; alpha = 0 gives
    the truncation ``mc = c[:order+1]``.
    """
    b = 1.0 - alpha * alpha
    g = np.zeros((order + 1, in_len))  # [order+1, in_len]: column k = response to unit c_k
    for i in range(in_len - 1, -1, -1):  # SPTK feeds c_{n-1} first, c_0 last
        d = g.copy()
        g[0] = alpha * d[0]
        g[0, i] += 1.0
        if order >= 1:
            g[1] = b * d[0] + alpha * d[1]
        for m in range(2, order + 1):
            g[m] = d[m - 1] + alpha * (d[m] - g[m - 1])
    g.setflags(write=False)
    return g


def power_to_cepstrum(power: np.ndarray) -> np.ndarray:
    """Minimum-phase cepstrum of log amplitude from a power spectrum.

    ``power [frames, fft/2+1]`` -> ``c [frames, fft/2+1]`` with
    ``log|X(w_k)| = c_0 + sum_{m>=1} c_m cos(m w_k)`` on the FFT bins.
    """
    fft_size = 2 * (power.shape[-1] - 1)
    real = np.fft.irfft(np.log(power), n=fft_size, axis=-1)  # real cepstrum of log|X|^2
    c = real[..., : fft_size // 2 + 1].copy()
    c[..., 0] /= 2.0  # log|X|^2 doubles every term; the one-sided m >= 1 terms double back
    c[..., -1] /= 2.0  # the Nyquist quefrency appears once, like c0
    return c


def spectrum_to_mcep(power: np.ndarray, order: int, alpha: float) -> np.ndarray:
    """Mel-cepstrum ``[frames, order+1]`` of a power envelope ``[frames, fft/2+1]``."""
    cep = power_to_cepstrum(np.maximum(power, SPECTRUM_FLOOR))  # [frames, fft/2+1]
    return cep @ freqt_matrix(cep.shape[-1], order, float(alpha)).T


def frame_hop(sample_rate: int) -> int:
    """Samples between analysis frames: the nearest integer to 5 ms."""
    return max(1, int(round(FRAME_PERIOD_S * sample_rate)))


@dataclass
class WorldAnalysis:
    """WORLD features of one signal on the 5 ms grid (frame t at ``t * hop / sample_rate`` s).

    ``f0`` float64 ``[frames]`` Hz, 0 where unvoiced; ``voiced`` bool ``[frames]``;
    ``mcep`` float64 ``[frames, order+1]``; ``power_db`` float64 ``[frames]`` envelope power.
    """

    f0: np.ndarray
    voiced: np.ndarray
    mcep: np.ndarray
    power_db: np.ndarray
    hop: int
    sample_rate: int

    def __len__(self) -> int:
        return int(self.f0.shape[0])


def _as_signal(wav: np.ndarray, name: str) -> np.ndarray:
    x = np.asarray(wav, dtype=np.float64)
    if x.ndim != 1 or x.shape[0] == 0:
        raise InputError(f"{name}: expected mono samples of shape [T] with T > 0, got {x.shape}")
    if not np.all(np.isfinite(x)):
        raise InputError(f"{name}: samples hold NaN or infinite values")
    return np.ascontiguousarray(x)


def world_analysis(
    wav: np.ndarray, sample_rate: int, order: int = MCEP_ORDER, pitch: Optional[PitchConfig] = None
) -> WorldAnalysis:
    """F0, voicing and mel-cepstrum of ``wav [T]`` (float, full scale ±1) on the 5 ms grid."""
    pitch = pitch or PitchConfig()
    if not 0 < pitch.f0_min < pitch.f0_max < sample_rate / 2:
        raise ConfigError(
            f"pitch.f0_min / f0_max must satisfy 0 < f0_min < f0_max < {sample_rate / 2:g} Hz, "
            f"got {pitch.f0_min} / {pitch.f0_max}"
        )
    if order < 1:
        raise InputError(f"world_analysis: mel-cepstrum order must be >= 1, got {order}")
    x = _as_signal(wav, "world_analysis")
    hop = frame_hop(sample_rate)
    frames = 1 + x.shape[0] // hop
    f0 = np.zeros(frames)
    if np.any(x):
        extractor = PITCH_EXTRACTORS.get(pitch.method)
        raw = np.nan_to_num(
            np.asarray(extractor(x, sample_rate, hop, frames, pitch.f0_min, pitch.f0_max))
        )
        f0[: min(frames, raw.shape[0])] = raw[:frames]
    f0 = np.ascontiguousarray(np.clip(f0, 0.0, None))
    times = np.arange(frames) * hop / sample_rate  # [frames] s
    fft_size = pyworld.get_cheaptrick_fft_size(sample_rate, pitch.f0_min)
    sp = pyworld.cheaptrick(x, f0, times, sample_rate, f0_floor=pitch.f0_min, fft_size=fft_size)
    sp = np.maximum(sp, SPECTRUM_FLOOR)  # [frames, fft/2+1]
    return WorldAnalysis(
        f0=f0,
        voiced=f0 > 0,
        mcep=spectrum_to_mcep(sp, order, all_pass_alpha(sample_rate)),
        power_db=10.0 * np.log10(np.mean(sp, axis=1)),
        hop=hop,
        sample_rate=sample_rate,
    )


def mel_cepstrum(wav: np.ndarray, sample_rate: int, order: int = MCEP_ORDER) -> np.ndarray:
    """Mel-cepstrum ``[frames, order+1]`` of ``wav [T]`` from its WORLD envelope, 5 ms frames."""
    return world_analysis(wav, sample_rate, order).mcep


# ----------------------------------------------------------------------------- distances


def _check_path(path: AlignmentPath, ref_frames: int, syn_frames: int) -> None:
    """Raise unless ``path`` is non-empty and indexes inside both sequences."""
    if len(path) == 0 or path.ref.shape != path.syn.shape:
        raise InputError("alignment path is empty or its two index arrays differ in length")
    if (
        path.ref.min() < 0
        or path.syn.min() < 0
        or path.ref.max() >= ref_frames
        or path.syn.max() >= syn_frames
    ):
        raise InputError(
            f"alignment path indexes outside the sequences ({ref_frames} reference, "
            f"{syn_frames} synthesized frames)"
        )


def mel_cepstral_distortion(
    ref_mcep: np.ndarray,
    syn_mcep: np.ndarray,
    path: Optional[AlignmentPath] = None,
    ref_mask: Optional[np.ndarray] = None,
) -> float:
    """MCD in dB between ``ref_mcep [N, order+1]`` and ``syn_mcep [M, order+1]``, c0 excluded.

    ``path`` pairs the frames (DTW on c1..c_order when None); ``ref_mask`` bool ``[N]`` marks the
    reference frames to score (all when None).
    """
    if ref_mcep.ndim != 2 or syn_mcep.shape[1:] != ref_mcep.shape[1:] or ref_mcep.shape[1] < 2:
        raise InputError(
            f"mel_cepstral_distortion: expected [N, order+1] and [M, order+1] with order >= 1, "
            f"got {ref_mcep.shape} and {syn_mcep.shape}"
        )
    if path is None:
        path = align_frames(ref_mcep[:, 1:], syn_mcep[:, 1:])
    _check_path(path, ref_mcep.shape[0], syn_mcep.shape[0])
    diff = ref_mcep[path.ref, 1:] - syn_mcep[path.syn, 1:]  # [L, order]
    per_pair = MCD_SCALE * np.sqrt(2.0 * np.sum(diff**2, axis=1))  # [L] dB
    if ref_mask is not None:
        per_pair = per_pair[np.asarray(ref_mask, dtype=bool)[path.ref]]
    if per_pair.shape[0] == 0:
        raise InputError("mel_cepstral_distortion: no reference frame left to score")
    return float(np.mean(per_pair))


def non_silent_frames(analysis: WorldAnalysis, silence_db: float = SILENCE_DB) -> np.ndarray:
    """Bool ``[frames]``: frames within ``silence_db`` of the loudest frame of ``analysis``."""
    return analysis.power_db >= analysis.power_db.max() - silence_db


@dataclass
class F0Metrics:
    """F0 accuracy on aligned frames.

    ``rmse_cents``: RMS of ``1200 log2(syn / ref)`` over pairs voiced in both (NaN if none);
    ``vuv_error``: fraction of aligned pairs whose voicing decisions differ, in [0, 1].
    """

    rmse_cents: float
    vuv_error: float


def _log_f0_feature(f0: np.ndarray, voiced: np.ndarray) -> np.ndarray:
    """Octaves ``[frames]`` with unvoiced gaps linearly interpolated (0 when nothing is voiced)."""
    if not voiced.any():
        return np.zeros(f0.shape[0])
    idx = np.flatnonzero(voiced)
    return np.interp(np.arange(f0.shape[0]), idx, np.log2(f0[idx]))


def f0_metrics(
    ref_f0: np.ndarray,
    ref_voiced: np.ndarray,
    syn_f0: np.ndarray,
    syn_voiced: np.ndarray,
    path: Optional[AlignmentPath] = None,
) -> F0Metrics:
    """F0 RMSE (cents) and V/UV error of ``syn_f0 [M]`` against ``ref_f0 [N]`` (Hz).

    ``path`` pairs the frames. When None, tracks of equal length are compared frame by frame
    (the usual case: predicted and ground-truth F0 on the same mel grid), and tracks of different
    lengths are aligned by DTW on interpolated log-F0. That DTW sees neither voicing nor spectra and
    partly minimizes the very error it reports, so prefer a spectral path when the signals are
    available (:func:`compare_waves` does that).
    """
    ref_f0, syn_f0 = np.asarray(ref_f0, np.float64), np.asarray(syn_f0, np.float64)
    ref_voiced = np.asarray(ref_voiced, bool) & (ref_f0 > 0)
    syn_voiced = np.asarray(syn_voiced, bool) & (syn_f0 > 0)
    if (
        ref_f0.ndim != 1
        or syn_f0.ndim != 1
        or ref_f0.shape != ref_voiced.shape
        or syn_f0.shape != syn_voiced.shape
    ):
        raise InputError(
            f"f0_metrics: expected f0 and voiced of matching shape [frames], got ref "
            f"{ref_f0.shape}/{ref_voiced.shape} and syn {syn_f0.shape}/{syn_voiced.shape}"
        )
    if path is None and ref_f0.shape == syn_f0.shape:
        path = AlignmentPath.identity(ref_f0.shape[0])
    elif path is None:
        path = align_frames(
            _log_f0_feature(ref_f0, ref_voiced), _log_f0_feature(syn_f0, syn_voiced)
        )
    _check_path(path, ref_f0.shape[0], syn_f0.shape[0])
    rv, sv = ref_voiced[path.ref], syn_voiced[path.syn]  # [L]
    both = rv & sv
    if both.any():
        cents = CENTS_PER_OCTAVE * np.log2(syn_f0[path.syn][both] / ref_f0[path.ref][both])
        rmse = float(np.sqrt(np.mean(cents**2)))
    else:
        rmse = math.nan
    return F0Metrics(rmse_cents=rmse, vuv_error=float(np.mean(rv != sv)))


@dataclass
class WaveComparison:
    """Everything measured between a reference and a synthesized waveform on one DTW path."""

    mcd_db: float  # mel-cepstral distortion over non-silent reference frames, dB
    f0_rmse_cents: float  # over pairs voiced in both; NaN when there are none
    vuv_error: float  # fraction of aligned pairs with differing voicing

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


def compare_waves(
    ref_wav: np.ndarray,
    syn_wav: np.ndarray,
    sample_rate: int,
    pitch: Optional[PitchConfig] = None,
    order: int = MCEP_ORDER,
    silence_db: float = SILENCE_DB,
    same_timeline: bool = False,
) -> WaveComparison:
    """MCD, F0 RMSE and V/UV error of ``syn_wav [M]`` against ``ref_wav [N]`` (same rate).

    WORLD features are extracted once per signal; one DTW on c1..c_order pairs the frames.
    ``same_timeline``: the synthesized signal shares the reference's timing (copy synthesis by a
    vocoder), so frame t is paired with frame t instead: DTW could only find a cheaper pairing than
    the true one, flattering the score (on NSF copy synthesis of demo songs the two differ by
    0.01-0.03 dB MCD and up to 1.3 cents F0 RMSE).
    """
    if not np.any(_as_signal(ref_wav, "compare_waves")):
        raise InputError("compare_waves: the reference signal is silent (all zeros)")
    ref = world_analysis(ref_wav, sample_rate, order, pitch)
    syn = world_analysis(syn_wav, sample_rate, order, pitch)
    if same_timeline:
        path = AlignmentPath.identity(min(len(ref.f0), len(syn.f0)))
    else:
        path = align_frames(ref.mcep[:, 1:], syn.mcep[:, 1:])
    f0 = f0_metrics(ref.f0, ref.voiced, syn.f0, syn.voiced, path)
    mcd_db = mel_cepstral_distortion(ref.mcep, syn.mcep, path, non_silent_frames(ref, silence_db))
    return WaveComparison(mcd_db=mcd_db, f0_rmse_cents=f0.rmse_cents, vuv_error=f0.vuv_error)


def mcd(
    ref_wav: np.ndarray, syn_wav: np.ndarray, sample_rate: int, order: int = MCEP_ORDER
) -> float:
    """Mel-cepstral distortion (dB) with DTW, c0 and silent reference frames excluded."""
    return compare_waves(ref_wav, syn_wav, sample_rate, order=order).mcd_db


def duration_mae_ms(
    pred_frames: Union[np.ndarray, Sequence[float]],
    ref_frames: Union[np.ndarray, Sequence[float]],
    hop_length: int,
    sample_rate: int,
) -> float:
    """Mean absolute per-phoneme duration error in ms.

    Durations ``[T_ph]`` count frames of ``hop_length`` samples; predictions may be fractional.
    """
    pred = np.asarray(pred_frames, dtype=np.float64)
    ref = np.asarray(ref_frames, dtype=np.float64)
    if pred.ndim != 1 or pred.shape != ref.shape or pred.shape[0] == 0:
        raise InputError(
            f"duration_mae_ms: expected two non-empty [T_ph] arrays of equal length, got "
            f"{pred.shape} and {ref.shape}"
        )
    if hop_length <= 0 or sample_rate <= 0:
        raise InputError(
            f"duration_mae_ms: hop {hop_length} and sample rate {sample_rate} must be > 0"
        )
    return float(np.mean(np.abs(pred - ref)) * 1000.0 * hop_length / sample_rate)


# ----------------------------------------------------------------------------- tables


@dataclass
class EvalRow:
    """One system or utterance and its metric values (NaN where not measured)."""

    name: str
    metrics: dict[str, float]


@dataclass
class EvalTable:
    """Metrics per system, printed as an aligned text table or saved as JSON."""

    rows: list[EvalRow] = field(default_factory=list)
    title: str = ""
    precision: int = 3  # decimals shown by format()

    def add(
        self, name: str, metrics: Union[Mapping[str, float], WaveComparison, F0Metrics]
    ) -> EvalRow:
        """Append a row; dataclass results are flattened to their fields."""
        values = (
            asdict(metrics) if isinstance(metrics, (WaveComparison, F0Metrics)) else dict(metrics)
        )
        row = EvalRow(name=name, metrics={k: float(v) for k, v in values.items()})
        self.rows.append(row)
        return row

    @property
    def columns(self) -> list[str]:
        """Metric names in order of first appearance."""
        seen: dict[str, None] = {}
        for row in self.rows:
            seen.update(dict.fromkeys(row.metrics))
        return list(seen)

    def mean(self, name: str = "mean") -> EvalRow:
        """Per-column mean over the rows, ignoring NaN and missing values (NaN if none left)."""
        out: dict[str, float] = {}
        for col in self.columns:
            vals = [
                r.metrics[col]
                for r in self.rows
                if col in r.metrics and not math.isnan(r.metrics[col])
            ]
            out[col] = float(np.mean(vals)) if vals else math.nan
        return EvalRow(name=name, metrics=out)

    def format(self) -> str:
        """Fixed-width text: a name column, then one right-aligned column per metric."""
        cols = self.columns
        header = ["system", *cols]
        body = [
            [row.name, *(self._cell(row.metrics.get(c, math.nan)) for c in cols)]
            for row in self.rows
        ]
        widths = [max(len(line[i]) for line in [header, *body]) for i in range(len(header))]

        def render(line: list[str]) -> str:
            first = line[0].ljust(widths[0])
            rest = (cell.rjust(w) for cell, w in zip(line[1:], widths[1:]))
            return "  ".join([first, *rest]).rstrip()

        lines = [self.title] if self.title else []
        lines += [render(header), "  ".join("-" * w for w in widths)]
        lines += [render(line) for line in body]
        return "\n".join(lines)

    def _cell(self, value: float) -> str:
        return "-" if math.isnan(value) else f"{value:.{self.precision}f}"

    def to_json(self) -> str:
        """JSON object with title, columns and rows; NaN is written as null."""

        def clean(v: float) -> Optional[float]:
            return None if math.isnan(v) else v

        data = {
            "title": self.title,
            "columns": self.columns,
            "rows": [
                {"name": r.name, **{k: clean(v) for k, v in r.metrics.items()}} for r in self.rows
            ],
        }
        return json.dumps(data, indent=2, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> "EvalTable":
        """Inverse of :meth:`to_json` (null becomes NaN)."""
        data = json.loads(text)
        table = cls(title=data.get("title", ""))
        for row in data["rows"]:
            metrics = {
                k: math.nan if v is None else float(v) for k, v in row.items() if k != "name"
            }
            table.rows.append(EvalRow(name=row["name"], metrics=metrics))
        return table
