"""DiffSinger: shapes and losses, shallow diffusion and its samplers, note-driven durations and F0,
notes through prepare / batches, and the shipped singing recipes on a tiny generated Opencpop."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
import torch

from tests.helpers import SR, SYLLABLES
from tts.config import load_config
from tts.data.corpora.singing import midi_to_note
from tts.data.dataset import Example, collate
from tts.data.prepare import prepare_features
from tts.data.store import FeatureStore
from tts.errors import ConfigError, InputError
from tts.models.base import AcousticBatch, Controls, FeatureStats
from tts.models.diffsinger import DiffSinger, _bridge, diffsinger_preset
from tts.models.layers.diffusion import GaussianDiffusion
from tts.models.singing_variance import fit_durations, group_note_frames, group_sum, note_groups
from tts.text.symbols import NUM_TONES, PHONEME_TO_ID, PHONEMES

REPO = Path(__file__).resolve().parents[1]
N_MELS = 16
TINY = dict(hidden_dim=32, encoder_layers=1, aux_decoder_layers=1, ffn_dim=64, predictor_hidden=32,
            residual_channels=16, residual_layers=4, timesteps=20, k_step=8, sampler_steps=0)
TINY_SET = [f"model.params.{k}={v}" for k, v in TINY.items()] + ["model.preset=diffsinger_small"]
STATS = FeatureStats(pitch_mean=math.log(260.0), pitch_std=0.25, energy_mean=1.0, energy_std=1.0)
HOP = 256


@pytest.fixture(autouse=True, scope="module")
def one_thread():
    """Tiny convolutions run fastest on one thread (and do not fight other processes for cores)."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


# --------------------------------------------------------------------------- a synthetic batch

PHONES = [["SP", "n", "i", "h", "ao", "SP"], ["AP", "w", "o", "o", "SP"]]
NOTES = [[0, 60, 60, 62, 62, 0], [0, 64, 64, 65, 0]]
NOTE_FRAMES = [[10, 20, 20, 25, 25, 8], [6, 30, 30, 12, 7]]
DURATIONS = [[8, 2, 15, 5, 25, 8], [4, 2, 30, 12, 7]]


def _pad(rows: list[list[float]], dtype: torch.dtype) -> torch.Tensor:
    width = max(len(r) for r in rows)
    return torch.tensor([r + [0] * (width - len(r)) for r in rows], dtype=dtype)


def synthetic_batch(targets: bool = True) -> AcousticBatch:
    ids = _pad([[PHONEME_TO_ID[p] for p in row] for row in PHONES], torch.long)
    batch = AcousticBatch(
        phonemes=ids, tones=torch.zeros_like(ids), phoneme_lengths=torch.tensor([len(r) for r in PHONES]),
        note_pitch=_pad(NOTES, torch.float32), note_durations=_pad(NOTE_FRAMES, torch.float32),
    )
    if targets:
        frames = [sum(d) for d in DURATIONS]
        t = max(frames)
        gen = torch.Generator().manual_seed(0)
        batch.mel = torch.randn(2, N_MELS, t, generator=gen)
        batch.mel_lengths = torch.tensor(frames)
        batch.durations = _pad(DURATIONS, torch.long)
        batch.pitch = 0.3 * torch.randn(2, t, generator=gen)
        batch.uv = (torch.rand(2, t, generator=gen) > 0.8).float()
    return batch


def tiny_model(**overrides: object) -> DiffSinger:
    torch.manual_seed(0)
    config = diffsinger_preset("diffsinger_small", **{**TINY, **overrides})
    return DiffSinger(config, n_mels=N_MELS, n_vocab=len(PHONEMES), n_tones=NUM_TONES, n_speakers=1, stats=STATS)


def test_training_pass_shapes_and_named_losses() -> None:
    model = tiny_model()
    batch = synthetic_batch()
    outputs = model(batch)
    assert outputs.mels.aux_mel.shape == batch.mel.shape and outputs.mels.diff_mel is None
    assert outputs.diffusion_pred.shape == batch.mel.shape
    losses = model.loss(batch, outputs)
    assert tuple(losses) == model.loss_names
    assert all(v.dim() == 0 and torch.isfinite(v) for v in losses.values())
    sum(losses.values()).backward()
    assert model.denoiser.output_proj.weight.grad is not None
    assert model.phoneme_embedding.weight.grad is not None and model.note_pitch_proj.weight.grad.abs().sum() > 0
    # padding frames of the shorter item never count: changing them leaves the losses unchanged
    torch.manual_seed(1)
    before = model.loss(batch, model(batch))["mel/aux"]
    batch.mel[1, :, int(batch.mel_lengths[1]):] = 100.0
    torch.manual_seed(1)
    assert torch.allclose(model.loss(batch, model(batch))["mel/aux"], before)


def test_missing_notes_is_a_clear_error() -> None:
    model = tiny_model().eval()
    batch = synthetic_batch(targets=False)
    batch.note_pitch = None
    with pytest.raises(InputError, match="note_pitch"):
        model.infer(batch)
    batch = synthetic_batch(targets=False)
    batch.note_durations = None
    with pytest.raises(InputError, match="note_durations"):
        model.infer(batch)
    with pytest.raises(ConfigError, match="k_step"):
        diffsinger_preset("diffsinger_small", timesteps=20, k_step=30)
    with pytest.raises(ConfigError, match="must not exceed train_k_step"):
        diffsinger_preset("diffsinger_small", k_step=40, train_k_step=30)
    with pytest.raises(InputError, match="diffusion steps"):
        Controls(diffusion_steps=0)


class CountingDenoiser(torch.nn.Module):
    """Wraps the model's denoiser and records the step of every call."""

    def __init__(self, inner: torch.nn.Module) -> None:
        super().__init__()
        self.inner = inner
        self.steps: list[int] = []

    def project(self, cond, mask):
        return self.inner.project(cond, mask)

    def forward(self, x, steps, cond, mask):
        self.steps.append(int(steps[0]))
        return self.inner(x, steps, cond, mask)


def test_denoiser_condition_projected_once_is_the_same() -> None:
    model = tiny_model()
    torch.nn.init.normal_(model.denoiser.output_proj.weight, std=0.1)
    x, cond = torch.randn(2, N_MELS, 12), torch.randn(2, 32, 12)
    mask = torch.arange(12)[None, :] < torch.tensor([[12], [7]])
    steps = torch.tensor([3, 17])
    direct = model.denoiser(x, steps, cond, mask)
    torch.testing.assert_close(model.denoiser(x, steps, model.denoiser.project(cond, mask), mask), direct)
    assert bool((direct[1, :, 7:] == 0).all()) and direct[1, :, :7].abs().sum() > 0


def test_shallow_diffusion_starts_at_k_and_runs_k_or_given_steps() -> None:
    model = tiny_model().eval()
    counter = CountingDenoiser(model.denoiser)
    model.denoiser = counter
    render = model.render(synthetic_batch(targets=False), Controls(seed=0))
    k = model.config.k_step
    assert counter.steps == list(range(k - 1, -1, -1)) and render.steps == k
    counter.steps.clear()
    render = model.render(synthetic_batch(targets=False), Controls(seed=0, diffusion_steps=3))
    assert render.steps == 3 and counter.steps == model.diffusion.solver_steps(k, 3)
    assert counter.steps[0] == k - 1 and counter.steps[-1] == 0 and counter.steps == sorted(set(counter.steps))[::-1]
    counter.steps.clear()
    model.config.sampler_steps = 2  # the config default applies when controls give none
    assert model.render(synthetic_batch(targets=False), Controls(seed=0)).steps == 2 and len(counter.steps) == 2
    with pytest.raises(InputError, match="1..8"):
        model.render(synthetic_batch(targets=False), Controls(diffusion_steps=k + 1))


def test_untrained_denoiser_returns_the_noised_start_denoised_by_nothing() -> None:
    """A zero-initialized denoiser predicts no noise, so DDPM maps x_K back by the posterior means
    alone: the result is the aux mel plus noise scaled down, i.e. closer to it than the start."""
    model = tiny_model().eval()
    render = model.render(synthetic_batch(targets=False), Controls(seed=3))
    aux, mel = render.mels.aux_mel, render.mels.diff_mel
    assert mel is not None and mel.shape == aux.shape
    keep = torch.arange(aux.shape[-1])[None, :] < render.output.mel_lengths[:, None]
    assert torch.all(mel[~keep[:, None, :].expand_as(mel)] == 0)
    assert not torch.allclose(mel, aux)


def test_seed_reproducibility() -> None:
    model = tiny_model().eval()
    torch.nn.init.normal_(model.denoiser.output_proj.weight, std=0.1)  # a denoiser that does something
    batch = synthetic_batch(targets=False)
    for controls in ({}, {"diffusion_steps": 4}):
        first = model.infer(batch, Controls(seed=7, **controls)).mel
        again = model.infer(batch, Controls(seed=7, **controls)).mel
        other = model.infer(batch, Controls(seed=8, **controls)).mel
        assert torch.equal(first, again)
        assert (first - other).abs().max() > 1e-3


def test_inferred_durations_fill_the_notes() -> None:
    model = tiny_model().eval()
    torch.nn.init.normal_(model.variance.duration_predictor.proj.weight, std=1.0)  # uneven shares
    batch = synthetic_batch(targets=False)
    out = model.infer(batch, Controls(seed=0))
    mask = torch.arange(batch.phonemes.shape[1])[None, :] < batch.phoneme_lengths[:, None]
    groups = note_groups(batch.phonemes, mask)
    sums = group_sum(out.durations.float(), groups)
    notes = group_note_frames(batch.note_durations, groups)
    assert torch.equal(sums, notes)  # whole-frame notes: exact
    assert bool((out.durations[mask] >= 1).all()) and bool((out.durations[~mask] == 0).all())
    assert out.mel_lengths.tolist() == [63, 55]  # SP+n 10, i+h 20, ao 25, SP 8 | AP+w 6, o 30, o 12, SP 7
    # the group of "SP n" is the rest before "i": the consonant sits before the vowel's onset
    starts = out.durations[0].cumsum(0) - out.durations[0]
    assert int(starts[2]) == 10  # "i" starts exactly where its note does
    assert out.f0 is not None and out.f0.shape == (2, 63)


def test_fit_durations_shares_and_rounding() -> None:
    phonemes = torch.tensor([[PHONEME_TO_ID[p] for p in ["a", "n", "i", "SP"]]])
    mask = torch.ones_like(phonemes, dtype=torch.bool)
    groups = note_groups(phonemes, mask)
    assert groups.index.tolist() == [[0, 0, 1, 2]]
    log_d = torch.log1p(torch.tensor([[9.0, 3.0, 5.0, 1.0]]))
    note_frames = torch.tensor([[10.5, 10.5, 7.0, 3.25]])
    durations = fit_durations(log_d, groups, note_frames)
    # group 0 ("a n", note 10.5): one frame each + 8.5 split 9:3 → 7.375, 3.125; then 7 and 3.25.
    # Running sums 7.375, 10.5, 17.5, 20.75 round (half to even) to 7, 10, 18, 21.
    assert durations.tolist() == [[7, 3, 8, 3]]
    assert int(durations.sum()) == round(10.5 + 7.0 + 3.25)


def test_given_pitch_curve_is_sung() -> None:
    model = tiny_model().eval()
    batch = synthetic_batch(targets=False)
    batch.durations = _pad(DURATIONS, torch.long)
    curve = torch.linspace(-1.0, 1.0, 80).expand(2, 80).clone()  # 80 frames, the batch needs 60
    batch.pitch = curve
    batch.uv = torch.zeros(2, 80)
    out = model.infer(batch, Controls(seed=0, pitch_shift=12.0))
    expected = STATS.denormalize_f0(curve[:, :60]) * 2.0  # an octave up
    torch.testing.assert_close(out.f0[0, :60], expected[0], rtol=1e-4, atol=1e-3)
    assert out.durations.tolist()[0] == DURATIONS[0]
    # a curve from a file has 0 Hz where unvoiced: those frames come out unvoiced, and the model is
    # conditioned on the curve bridged across them
    hz = torch.full((1, 8), 220.0)
    hz[0, 2:5] = 0.0
    hz[0, 5:] = 440.0
    given = STATS.normalize_f0(hz)
    bridged = _bridge(given, hz > 0)
    torch.testing.assert_close(STATS.denormalize_f0(bridged[0, 1:6]),
                               torch.tensor([220.0, 220 * 2 ** 0.25, 220 * 2 ** 0.5, 220 * 2 ** 0.75, 440.0]))
    batch.pitch = torch.cat([given, torch.zeros(1, 52)], 1).expand(2, 60).clone()
    batch.uv = None
    out = model.infer(batch, Controls(seed=0))
    assert bool((out.f0[:, 2:5] == 0).all()) and bool(out.uv[:, 2:5].all())


def test_predicted_f0_follows_notes_with_vibrato() -> None:
    """With the residual head silenced, F0 is the notes plus a vibrato of the predicted amplitude."""
    model = tiny_model().eval()
    proj = model.variance.pitch_predictor.proj
    torch.nn.init.zeros_(proj.weight)
    with torch.no_grad():
        proj.bias.copy_(torch.tensor([0.0, -10.0, math.log(math.expm1(0.1))]))  # voiced, amplitude 0.1 z
    batch = synthetic_batch(targets=False)
    batch.durations = _pad(DURATIONS, torch.long)
    out = model.infer(batch, Controls(seed=0))
    f0 = out.f0[0]
    # "ao" (MIDI 62) spans frames 30-54 of item 0; its note opens at frame 30
    frames = torch.arange(30, 55)
    vibrato = 0.1 * STATS.pitch_std * torch.sin(2 * math.pi * (frames - 30) / model.config.vibrato_period_frames)
    expected = 440.0 * 2 ** ((62 - 69) / 12) * torch.exp(vibrato)
    torch.testing.assert_close(f0[30:55], expected, rtol=1e-4, atol=1e-3)
    flat = model.infer(batch, Controls(seed=0, pitch_scale=0.0)).f0[0]
    torch.testing.assert_close(flat[30:55], torch.full((25,), 440.0 * 2 ** ((62 - 69) / 12)), rtol=1e-4, atol=1e-3)
    # the vibrato control scales the depth alone: none at 0, twice the deviation at 2
    still = model.infer(batch, Controls(seed=0, vibrato=0.0)).f0[0]
    torch.testing.assert_close(still[30:55], flat[30:55], rtol=1e-4, atol=1e-3)
    deep = model.infer(batch, Controls(seed=0, vibrato=2.0)).f0[0]
    torch.testing.assert_close(deep[30:55], expected * torch.exp(vibrato), rtol=1e-4, atol=1e-3)
    for bad in (-0.5, float("nan"), 10.0):
        with pytest.raises(InputError, match="vibrato must be a depth factor"):
            Controls(vibrato=bad)


# --------------------------------------------------------------------------- samplers, analytically


MU, S = 0.7, 0.5  # the data distribution N(MU, S^2)


def gaussian_denoiser(diffusion: GaussianDiffusion):
    """The exact E[ε | x_t] for Gaussian data: σ (x - α μ) / (α² s² + σ²)."""

    def denoise(x: torch.Tensor, t: torch.Tensor) -> torch.Tensor:
        alpha = diffusion.sqrt_alpha_bar[t].double().view(-1, 1)
        sigma = diffusion.sqrt_one_minus_alpha_bar[t].double().view(-1, 1)
        return (sigma * (x - alpha * MU) / (alpha**2 * S**2 + sigma**2)).to(x.dtype)

    return denoise


def test_dpm_solver_approaches_the_exact_flow_and_ddpm() -> None:
    diffusion = GaussianDiffusion(100, "linear", 0.06)
    k = 60
    alpha, sigma = float(diffusion.sqrt_alpha_bar[k - 1]), float(diffusion.sqrt_one_minus_alpha_bar[k - 1])
    gen = torch.Generator().manual_seed(0)
    start = alpha * MU + math.sqrt(alpha**2 * S**2 + sigma**2) * torch.randn(20000, 1, generator=gen, dtype=torch.float64)
    # the probability-flow ODE of Gaussian data maps x_s to μ + (x_s - α_s μ) s / sqrt(α_s² s² + σ_s²)
    exact = MU + (start - alpha * MU) * S / math.sqrt(alpha**2 * S**2 + sigma**2)
    errors = {n: float((diffusion.sample_dpm_solver(gaussian_denoiser(diffusion), start, k, n) - exact).abs().max())
              for n in (2, 3, 5, 10, 20, 60)}
    assert errors[10] < errors[5] < errors[3] < errors[2]
    # the floor is the integer grid near t = 0, where log-SNR jumps; 1e-2 is 2 % of the data's spread
    assert max(errors[10], errors[20], errors[60]) < 1e-2
    ddpm = diffusion.sample_ddpm(gaussian_denoiser(diffusion), start, k, torch.Generator().manual_seed(1))
    solved = diffusion.sample_dpm_solver(gaussian_denoiser(diffusion), start, k, 60)
    # DDPM's output is Gaussian too: track its mean and variance through the K ancestral steps,
    # written from the betas (Ho et al. eq. 6-7), independently of the module's coefficients
    betas = diffusion.betas.double()
    alpha_bar = torch.cumprod(1 - betas, 0)
    mean, var = alpha * MU, alpha**2 * S**2 + sigma**2
    for t in range(k - 1, -1, -1):
        a_t, s2_t = float(alpha_bar[t].sqrt()), float(1 - alpha_bar[t])
        prev = float(alpha_bar[t - 1]) if t > 0 else 1.0
        c0 = float(betas[t]) * math.sqrt(prev) / s2_t
        ct = (1 - prev) * math.sqrt(1 - float(betas[t])) / s2_t
        gain = a_t * S**2 / (a_t**2 * S**2 + s2_t)  # E[x0 | x_t] = MU + gain (x_t - a_t MU)
        mean = c0 * (MU + gain * (mean - a_t * MU)) + ct * mean
        var = (c0 * gain + ct) ** 2 * var + (float(betas[t]) * (1 - prev) / s2_t if t > 0 else 0.0)
    assert abs(float(ddpm.mean()) - mean) < 0.015 and abs(float(ddpm.std()) - math.sqrt(var)) < 0.01
    assert abs(float(solved.mean()) - MU) < 0.015 and abs(float(solved.std()) - S) < 0.01  # the flow is exact
    assert abs(float(ddpm.std()) - float(solved.std())) < 0.05 and abs(math.sqrt(var) - S) < 0.05


def test_ddpm_training_terms_noise_to_all_steps() -> None:
    diffusion = GaussianDiffusion(50, "cosine", 0.06)
    assert float(diffusion.alpha_bar[0]) > 0.99 and float(diffusion.alpha_bar[-1]) < 1e-3
    seen = diffusion.training_terms(lambda x, t: torch.zeros_like(x), torch.zeros(4000, 1),
                                    torch.Generator().manual_seed(0)).steps
    assert int(seen.min()) == 0 and int(seen.max()) == 49
    x0 = torch.full((3, 2), 2.0)
    noise = torch.ones(3, 2)
    t = torch.tensor([0, 10, 49])
    a, s = diffusion.sqrt_alpha_bar[t][:, None], diffusion.sqrt_one_minus_alpha_bar[t][:, None]
    torch.testing.assert_close(diffusion.q_sample(x0, t, noise), (a * 2.0 + s).expand(3, 2))
    shallow = diffusion.training_terms(lambda x, t: torch.zeros_like(x), torch.zeros(4000, 1),
                                       torch.Generator().manual_seed(0), max_step=20).steps
    assert int(shallow.min()) == 0 and int(shallow.max()) == 19  # only the steps shallow diffusion visits
    with pytest.raises(ValueError, match="max_step"):
        diffusion.training_terms(lambda x, t: torch.zeros_like(x), torch.zeros(4, 1), max_step=51)


def test_train_k_step_limits_the_noised_steps_of_a_training_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    model = tiny_model()
    model.config.train_k_step = 3
    seen: list[int] = []
    original = model.diffusion.training_terms

    def spy(denoise, x0, generator=None, max_step=None, start=None):
        terms = original(denoise, x0, generator, max_step, start)
        seen.extend(terms.steps.tolist())
        return terms

    monkeypatch.setattr(model.diffusion, "training_terms", spy)
    for _ in range(20):
        model(synthetic_batch())
    assert seen and max(seen) <= 2


# --------------------------------------------------------------------------- data: a tiny Opencpop


def _tone(seconds: float, midi: float, rng: np.random.Generator) -> np.ndarray:
    t = np.arange(int(round(seconds * SR))) / SR
    freq = 440.0 * 2 ** ((midi - 69) / 12) * 2 ** (0.3 / 12 * np.sin(2 * np.pi * 5.5 * t))
    phase = 2 * np.pi * np.cumsum(freq) / SR
    wave = sum(np.sin(k * phase) / k for k in range(1, 6))
    return 0.3 * wave / np.abs(wave).max() + 0.002 * rng.standard_normal(t.size)


def make_opencpop_corpus(root: Path, count: int = 6, seed: int = 0) -> Path:
    """``segments/transcriptions.txt`` + generated tones in ``segments/wavs`` (Opencpop layout)."""
    (root / "segments" / "wavs").mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    lines = []
    for index in range(count):
        seg = f"20010000{index:02d}"
        syllables = [SYLLABLES[int(i)] for i in rng.integers(0, len(SYLLABLES), int(rng.integers(2, 4)))]
        phones, notes, note_durs, ph_durs, audio = ["SP"], ["rest"], [0.15], [0.15], [np.zeros(int(0.15 * SR))]
        for initial, final, _ in syllables:
            midi = int(rng.integers(57, 70))
            note = round(float(rng.uniform(0.25, 0.45)), 3)
            consonant = round(0.25 * note, 3)
            phones += [initial, final]
            notes += [midi_to_note(midi)] * 2
            note_durs += [note, note]
            ph_durs += [consonant, round(note - consonant, 3)]
            audio += [0.02 * rng.standard_normal(int(round(consonant * SR))), _tone(note - consonant, midi, rng)]
        phones.append("SP")
        notes.append("rest")
        note_durs.append(0.15)
        ph_durs.append(0.15)
        audio.append(np.zeros(int(0.15 * SR)))
        sf.write(root / "segments" / "wavs" / f"{seg}.wav", np.concatenate(audio).astype(np.float32), SR)
        lines.append("|".join([seg, "你好", " ".join(phones), " ".join(notes), " ".join(map(str, note_durs)),
                               " ".join(map(str, ph_durs)), " ".join("0" * len(phones))]))
    (root / "segments" / "transcriptions.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def opencpop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_opencpop_corpus(tmp_path_factory.mktemp("opencpop") / "corpus")


def _overrides(corpus: Path, run_dir: Path, steps: int = 2) -> list[str]:
    return ["data.corpus=opencpop", f"data.path={corpus}", f"run_dir={run_dir}", "data.dev_items=1",
            "data.test_items=1", f"train.steps={steps}", "train.batch_size=2", "train.max_frames=0",
            f"train.eval_every={steps}", f"train.checkpoint_every={steps}", "train.log_every=1",
            "train.max_minutes=0", *TINY_SET]


def test_prepare_stores_notes_per_phoneme(opencpop: Path, tmp_path: Path) -> None:
    loaded = load_config(REPO / "recipes" / "demo_sing_diffsinger.yaml", _overrides(opencpop, tmp_path / "run"))
    summary = prepare_features(loaded, jobs=1, progress=False)
    assert summary.items == 6 and not summary.skipped
    store = FeatureStore(tmp_path / "run" / "features")
    lines = (opencpop / "segments" / "transcriptions.txt").read_text(encoding="utf-8").splitlines()
    for line in lines:
        seg, _, phones, notes, note_durs, _, _ = line.split("|")
        item = store.read_item(seg)
        assert [PHONEMES[i] for i in item.phonemes] == phones.split()
        expected_midi = [0 if n == "rest" else 12 * (int(n[-1]) + 1) + "C C# D D# E F F# G G# A A# B".split().index(n[:-1])
                         for n in notes.split()]
        assert item.note_pitch is not None and item.note_pitch.tolist() == expected_midi
        frames = np.array([float(d) for d in note_durs.split()]) * SR / HOP
        assert item.note_durations is not None
        np.testing.assert_allclose(item.note_durations, frames, rtol=1e-5)
    dataset_examples = [store.read_item(line.split("|")[0]) for line in lines[:2]]
    assert all(len(i.note_pitch) == len(i.phonemes) for i in dataset_examples)  # type: ignore[arg-type]


def test_collate_fills_notes_only_when_every_item_has_them() -> None:
    def example(notes: bool) -> Example:
        n = 3
        return Example(id="x", phonemes=torch.ones(n, dtype=torch.long), tones=torch.zeros(n, dtype=torch.long),
                       speaker=0, mel=torch.zeros(4, 5), durations=None, pitch=torch.zeros(5), uv=torch.zeros(5),
                       energy=torch.zeros(5), note_pitch=torch.full((n,), 60.0) if notes else None,
                       note_durations=torch.full((n,), 5.0) if notes else None)

    batch = collate([example(True), example(True)])
    assert batch.note_pitch is not None and batch.note_pitch.shape == (2, 3)
    assert batch.note_durations is not None and float(batch.note_durations.sum()) == 30.0
    speech = collate([example(False), example(True)])
    assert speech.note_pitch is None and speech.note_durations is None


@pytest.mark.parametrize("recipe", ["demo_sing_diffsinger.yaml", "opencpop_diffsinger.yaml"])
def test_shipped_recipes_train_two_steps_and_export(recipe: str, opencpop: Path, tmp_path: Path) -> None:
    from tts.synth.voice import load_voice
    from tts.train.run import train

    loaded = load_config(REPO / "recipes" / recipe, _overrides(opencpop, tmp_path / "run"))
    assert loaded.config.model.name == "diffsinger"
    prepare_features(loaded, jobs=1, progress=False)  # in-process (train's own pass then reuses it)
    summary = train(loaded, device="cpu", progress=False, log=lambda m: None)
    assert summary.step == 2 and set(model_losses := summary.last_losses) >= {"mel/aux", "diff/noise", "pitch"}
    assert all(math.isfinite(v) for v in model_losses.values())
    voice = load_voice(tmp_path / "run" / "voice")
    batch = synthetic_batch(targets=False)
    out = voice.model.infer(batch, Controls(seed=0, diffusion_steps=2))
    assert out.mel.shape[:2] == (2, loaded.config.audio.n_mels) and out.f0 is not None
    assert torch.isfinite(out.mel).all()

    from tts.eval.evaluate import evaluate_voice  # tts eval sings the held-out items from their notes

    report = evaluate_voice(tmp_path / "run" / "voice", tmp_path / "run", limit=1, vocoder="griffin-lim",
                            progress=False)
    mean = report.table.rows[-1]
    assert report.items == 1 and set(mean.metrics) >= {"mcd_db", "f0_rmse_cents", "vuv_error", "dur_mae_ms"}


def test_aux_conditioned_denoiser_grows_from_a_voice_and_computes_the_same(tmp_path: Path) -> None:
    """train.init_from widens the denoiser's conditioning with zero columns: same function at the start."""
    from safetensors.torch import save_file

    from tts.train.init_from import init_from_voice

    plain = tiny_model().eval()
    (tmp_path / "voice").mkdir()
    save_file({k: v.contiguous() for k, v in plain.state_dict().items()}, str(tmp_path / "voice" / "model.safetensors"))
    grown = tiny_model(aux_condition=True).eval()
    report = init_from_voice(grown, tmp_path)  # a run folder: its voice/ is found
    assert report.widened and all(name.endswith("cond_proj.weight") for name in report.widened)
    assert not report.fresh and not report.unused and report.copied
    batch = synthetic_batch(targets=False)
    a = plain.render(batch, Controls(seed=3))
    b = grown.render(batch, Controls(seed=3))
    torch.testing.assert_close(b.mels.aux_mel, a.mels.aux_mel)
    torch.testing.assert_close(b.mels.diff_mel, a.mels.diff_mel)
    torch.nn.init.normal_(grown.denoiser.output_proj.weight, std=0.1)  # a denoiser that predicts something
    grown.denoiser.blocks[0].cond_proj.weight.data[:, -1] = 1.0  # and now reads the coarse mel
    assert not torch.allclose(grown.render(batch, Controls(seed=3)).mels.diff_mel, a.mels.diff_mel)
    # train.init_exclude: matching tensors keep their fresh initialization (here the zero output)
    trained = {k: v.contiguous() for k, v in grown.state_dict().items()}
    save_file(trained, str(tmp_path / "voice" / "model.safetensors"))
    renewed = tiny_model(aux_condition=True, prediction="residual")
    report = init_from_voice(renewed, tmp_path, exclude=["denoiser.output_proj.*"])
    assert report.fresh == ["denoiser.output_proj.weight"] and len(report.copied) == len(trained) - 1
    assert float(renewed.denoiser.output_proj.weight.detach().abs().max()) == 0.0
    torch.testing.assert_close(renewed.denoiser.blocks[0].cond_proj.weight, grown.denoiser.blocks[0].cond_proj.weight)

    with pytest.raises(ConfigError, match="no model.safetensors"):
        init_from_voice(grown, tmp_path / "nowhere")
    save_file({"unrelated": torch.zeros(3)}, str(tmp_path / "voice" / "model.safetensors"))
    with pytest.raises(ConfigError, match="no tensor"):
        init_from_voice(grown, tmp_path / "voice")


def test_a_run_can_start_from_a_voice(opencpop: Path, tmp_path: Path) -> None:
    from tts.train.run import train

    first = load_config(REPO / "recipes" / "demo_sing_diffsinger.yaml", _overrides(opencpop, tmp_path / "a"))
    prepare_features(first, jobs=1, progress=False)
    train(first, device="cpu", progress=False, log=lambda m: None)
    messages: list[str] = []
    second = load_config(REPO / "recipes" / "demo_sing_diffsinger.yaml",
                         _overrides(opencpop, tmp_path / "b") + [f"train.init_from={tmp_path / 'a'}",
                                                                 "model.params.aux_condition=true"])
    prepare_features(second, jobs=1, progress=False)
    assert train(second, device="cpu", progress=False, log=messages.append).step == 2
    assert any("initialized from" in m and "widened" in m for m in messages)
    messages.clear()
    again = load_config(REPO / "recipes" / "demo_sing_diffsinger.yaml",
                        _overrides(opencpop, tmp_path / "b") + [f"train.init_from={tmp_path / 'a'}",
                                                                "model.params.aux_condition=true", "train.steps=3"])
    assert train(again, device="cpu", progress=False, log=messages.append).resumed_from == 2
    assert not any("initialized from" in m for m in messages)  # a checkpoint wins over init_from


def test_x0_prediction_trains_on_the_mel_and_samples_through_the_same_estimate() -> None:
    model = tiny_model(prediction="x0")
    torch.nn.init.normal_(model.denoiser.output_proj.weight, std=0.1)
    batch = synthetic_batch()
    outputs = model(batch)
    keep = outputs.forced.frame_mask[:, None, :].to(batch.mel.dtype)
    torch.testing.assert_close(outputs.diffusion_target, batch.mel * keep)  # the clean mel, not the noise
    assert set(model.loss(batch, outputs)) >= {"diff/noise", "mel/aux"}
    model.eval()
    with torch.no_grad():
        tf = model.teacher_forced(batch)
        x = torch.randn_like(batch.mel) * keep
        for t in (0, 5, 7):
            steps = torch.full((x.shape[0],), t)
            raw = model._denoiser_output(tf.cond, tf.aux_mel, tf.frame_mask)(x, steps)
            eps = model.denoiser_fn(tf.cond, tf.aux_mel, tf.frame_mask)(x, steps)
            torch.testing.assert_close(model.diffusion.predict_x0(x, t, eps), raw, atol=1e-4, rtol=1e-4)
    with pytest.raises(ConfigError, match="prediction"):
        diffsinger_preset("diffsinger_small", prediction="v")


def test_aux_start_noises_the_coarse_mel_towards_the_recording(monkeypatch: pytest.MonkeyPatch) -> None:
    """With ``aux_start: 1`` every training x_t is the noised coarse mel (what shallow diffusion starts
    from) while the target stays the recording; evaluation passes and ``aux_start: 0`` noise the recording."""
    model = tiny_model(prediction="x0", aux_condition=True, train_k_step=1, k_step=1, sampler_steps=0, aux_start=1.0)
    seen: list[torch.Tensor] = []
    original = model.denoiser.forward

    def spy(x, t, *args, **kwargs):
        seen.append(x.detach().clone())
        return original(x, t, *args, **kwargs)

    monkeypatch.setattr(model.denoiser, "forward", spy)
    batch = synthetic_batch()
    outputs = model(batch)
    keep = outputs.forced.frame_mask[:, None, :].to(batch.mel.dtype)
    scale = model.diffusion.sqrt_alpha_bar[0]  # t = 0: x_t is the start, barely noised
    aux, target = outputs.mels.aux_mel.detach() * keep, batch.mel * keep
    torch.testing.assert_close(outputs.diffusion_target, target)
    assert float((seen[-1] / scale - aux).abs().max()) < 0.1 < float((seen[-1] / scale - target).abs().max())
    model.eval()  # evaluation (dev losses) noises the recording, as DiffSinger does
    model(batch)
    assert float((seen[-1] / scale - target).abs().max()) < 0.1
    sum(model.loss(batch, outputs).values()).backward()  # the coarse mel gets no gradient through x_t
    with pytest.raises(ConfigError, match="aux_start needs prediction: x0"):
        diffsinger_preset("diffsinger_small", aux_start=0.5)
    with pytest.raises(ConfigError, match="aux_start must be 0..1"):
        diffsinger_preset("diffsinger_small", prediction="x0", aux_start=1.5)


def test_residual_prediction_starts_as_the_coarse_mel() -> None:
    """``prediction: residual`` estimates the clean mel as the coarse mel plus the denoiser's output:
    a fresh denoiser (zero output) makes shallow diffusion return the coarse mel exactly, by either
    sampler; its training target is the recording, like x0's."""
    model = tiny_model(prediction="residual", aux_condition=True, train_k_step=8, k_step=8, sampler_steps=0)
    batch = synthetic_batch()
    outputs = model(batch)
    keep = outputs.forced.frame_mask[:, None, :].to(batch.mel.dtype)
    torch.testing.assert_close(outputs.diffusion_target, batch.mel * keep)
    torch.testing.assert_close(outputs.diffusion_pred, outputs.mels.aux_mel.detach())
    model.eval()
    for steps in (None, 3):  # DDPM over all K steps, DPM-Solver
        rendered = model.render(batch, Controls(seed=0, diffusion_steps=steps))
        torch.testing.assert_close(rendered.mels.diff_mel, rendered.mels.aux_mel, atol=1e-4, rtol=0)
    torch.nn.init.normal_(model.denoiser.output_proj.weight, std=0.1)  # a trained output moves it
    moved = model.render(batch, Controls(seed=0)).mels
    assert float((moved.diff_mel - moved.aux_mel).abs().max()) > 1e-2
