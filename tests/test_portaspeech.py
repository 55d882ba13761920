"""PortaSpeech: flows, word boundaries through the data path, the model, its recipe and its voice."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
import torch

from tests.helpers import make_folder_corpus
from tts.config import load_config
from tts.data.dataset import AcousticDataset, collate, model_stats
from tts.data.prepare import prepare_features
from tts.data.store import FeatureStore
from tts.data.words import item_word_index, merge_words
from tts.errors import InputError
from tts.models import FASTSPEECH2_PRESETS, PORTASPEECH_PRESETS, FastSpeech2, PortaSpeech
from tts.models.base import AcousticBatch, Controls, FeatureStats
from tts.models.layers.flows import coupling_flow, glow_flow, squeeze, unsqueeze
from tts.models.portaspeech_linguistic import relative_positions
from tts.models.words import WORD_PAD, check_word_index, syllable_word_index
from tts.config import resolve_model_config
from tts.text.symbols import NUM_TONES, PHONEME_TO_ID, PHONEMES

REPO = Path(__file__).resolve().parents[1]
N_MELS = 20
TINY = {
    "hidden_dim": 16, "attention_heads": 2, "phoneme_layers": 1, "word_layers": 1, "ffn_dim": 32,
    "ffn_kernel_sizes": [3, 1], "predictor_hidden": 16, "latent_channels": 4, "vae_channels": 16,
    "vae_kernel_size": 3, "vae_encoder_layers": 2, "vae_decoder_layers": 2, "prior_flow_steps": 2,
    "prior_flow_hidden": 8, "prior_flow_layers": 1, "postnet_steps": 2, "postnet_hidden": 16, "postnet_layers": 2,
    "postnet_cond_channels": 16, "pitch_reader_hidden": 16, "pitch_reader_layers": 1,
}  # fmt: skip
STATS = FeatureStats(pitch_mean=math.log(150.0), pitch_std=0.25, energy_mean=10.0, energy_std=5.0,
                     mel_mean=[-5.0] * N_MELS, mel_std=[2.0] * N_MELS)  # fmt: skip
SYLLABLE_CHARS = {("n", "i"): "你", ("h", "ao"): "好", ("sh", "ir"): "是", ("j", "ie"): "姐",
                  ("zh", "ong"): "中", ("g", "uo"): "国"}  # the syllables of tests.helpers, as characters


def tiny_model(seed: int = 0, n_speakers: int = 1) -> PortaSpeech:
    torch.manual_seed(seed)
    config = resolve_model_config(PortaSpeech, "portaspeech_small", TINY, "test")
    return PortaSpeech(config, n_mels=N_MELS, n_vocab=len(PHONEMES), n_tones=NUM_TONES, n_speakers=n_speakers,
                       stats=STATS)


def ids(phones: list[str]) -> list[int]:
    return [PHONEME_TO_ID[p] for p in phones]


PHONES_A = ["SP", "n", "i", "h", "ao", "SP", "zh", "ong", "SP"]  # words: SP | 你好 | SP | 中 | SP
WORDS_A = [0, 1, 1, 1, 1, 2, 3, 3, 4]
PHONES_B = ["SP", "g", "uo", "SP"]
WORDS_B = [0, 1, 1, 2]


def training_batch() -> AcousticBatch:
    n = len(PHONES_A)
    durations = torch.tensor([[3, 2, 4, 3, 5, 2, 3, 4, 2], [4, 3, 6, 5] + [0] * (n - 4)])
    frames = durations.sum(1)
    t = int(frames.max())
    torch.manual_seed(3)
    return AcousticBatch(
        phonemes=torch.tensor([ids(PHONES_A), ids(PHONES_B) + [0] * (n - 4)]),
        tones=torch.tensor([[0, 3, 3, 3, 3, 0, 1, 1, 0], [0, 2, 2, 0] + [0] * (n - 4)]),
        phoneme_lengths=torch.tensor([n, 4]),
        mel=torch.randn(2, N_MELS, t), mel_lengths=frames, durations=durations,
        pitch=torch.randn(2, t), uv=(torch.rand(2, t) > 0.7).float(),
        word_index=torch.tensor([WORDS_A, WORDS_B + [WORD_PAD] * (n - 4)]), word_lengths=torch.tensor([5, 3]),
    )


def inference_batch() -> AcousticBatch:
    return AcousticBatch(phonemes=torch.tensor([ids(PHONES_A)]), tones=torch.tensor([[0, 3, 3, 3, 3, 0, 1, 1, 0]]),
                         phoneme_lengths=torch.tensor([len(PHONES_A)]), word_index=torch.tensor([WORDS_A]),
                         word_lengths=torch.tensor([5]))


# ----------------------------------------------------------------------------- flows


def _randomize(flow: torch.nn.Module) -> None:
    """Move a freshly built flow away from the identity (zero-initialized coupling outputs)."""
    generator = torch.Generator().manual_seed(7)
    with torch.no_grad():
        for parameter in flow.parameters():
            parameter.add_(0.2 * torch.randn(parameter.shape, generator=generator, dtype=parameter.dtype))


@pytest.mark.parametrize("make", [glow_flow, coupling_flow])
def test_flow_inverts_and_log_det_matches_the_jacobian(make) -> None:
    channels, frames, cond_channels = 4, 5, 3
    flow = make(channels, 2, 8, 3, 2, cond_channels).double()
    _randomize(flow)
    x = torch.randn(1, channels, frames, dtype=torch.double)
    cond = torch.randn(1, cond_channels, frames, dtype=torch.double)
    mask = torch.ones(1, 1, frames, dtype=torch.double)
    with torch.no_grad():
        z, logdet = flow(x, mask, cond)
        back, inverse_logdet = flow(z, mask, cond, reverse=True)
    assert float((back - x).abs().max()) < 1e-4
    assert float((logdet + inverse_logdet).abs()) < 1e-8
    jacobian = torch.autograd.functional.jacobian(
        lambda v: flow(v.view(1, channels, frames), mask, cond)[0].reshape(-1), x.reshape(-1))
    brute = torch.linalg.slogdet(jacobian)[1]
    assert float(logdet) != 0.0 and abs(float(logdet) - float(brute)) < 1e-6


def test_flow_float32_round_trip_and_padding() -> None:
    flow = glow_flow(6, 3, 16, 3, 2, 4)
    _randomize(flow)
    x = torch.randn(2, 6, 10)
    cond = torch.randn(2, 4, 10)
    mask = torch.ones(2, 1, 10)
    mask[1, :, 7:] = 0
    x = x * mask
    with torch.no_grad():
        z, logdet = flow(x, mask, cond)
        back, _ = flow(z, mask, cond, reverse=True)
        alone, alone_logdet = flow(x[1:, :, :7], mask[1:, :, :7], cond[1:, :, :7])  # padding adds nothing
    assert bool((z[1, :, 7:] == 0).all())  # padding stays zero
    assert float((back - x).abs().max()) < 1e-4
    torch.testing.assert_close(alone, z[1:, :, :7], atol=1e-5, rtol=1e-5)
    torch.testing.assert_close(alone_logdet, logdet[1:], atol=1e-4, rtol=1e-5)


def test_squeeze_round_trip() -> None:
    x = torch.arange(2 * 3 * 8, dtype=torch.float32).view(2, 3, 8)
    folded, group_mask = squeeze(x, torch.ones(2, 1, 8), 2)
    assert folded.shape == (2, 6, 4) and group_mask.shape == (2, 1, 4)
    assert folded[0, :2, 0].tolist() == [x[0, 0, 0].item(), x[0, 0, 1].item()]
    assert torch.equal(unsqueeze(folded, 2), x)


# ----------------------------------------------------------------------------- words


def test_syllable_words_and_checks() -> None:
    assert syllable_word_index(["SP", "n", "i", "a", "h", "ua", "er", "SP", "AP"]) == [0, 1, 1, 2, 3, 3, 3, 4, 5]
    check_word_index([0, 0, 1, 2, 2], 5)
    with pytest.raises(InputError, match="grow by 0 or 1"):
        check_word_index([0, 2, 2], 3)
    with pytest.raises(InputError, match="start at 0"):
        check_word_index([1, 1], 2)
    with pytest.raises(InputError, match="3 entries for 2 phonemes"):
        check_word_index([0, 0, 1], 2)


def test_item_words_use_the_frontend_when_it_reads_the_same_phonemes() -> None:
    phones = ["SP", "n", "i", "h", "ao", "zh", "ong", "g", "uo", "SP"]
    words = item_word_index(phones, "你好中国")
    assert words.source == "frontend" and words.index == [0, 1, 1, 1, 1, 2, 2, 2, 2, 3]
    other = item_word_index(phones, "再见")  # the text reads other phonemes: one word per syllable
    assert other.source == "syllables" and other.index == [0, 1, 1, 2, 2, 3, 3, 4, 4, 5]
    # pauses on either side are words of their own, however the reference places them
    assert merge_words(["SP", "a", "SP", "b", "i"], ["a", "b", "i", "SP"], [0, 1, 1, 2]) == [0, 1, 2, 3, 3]


def test_relative_positions_inside_words() -> None:
    index = torch.tensor([[0, 1, 1, 1, 2, 0]])
    mask = torch.tensor([[True, True, True, True, True, False]])
    r = relative_positions(index, mask)
    expected = [0.5, 1 / 6, 0.5, 5 / 6, 0.5, 0.0]
    assert r[0].tolist() == pytest.approx(expected)


# ----------------------------------------------------------------------------- the model


def test_presets_sizes() -> None:
    def count(model: torch.nn.Module) -> int:
        return sum(p.numel() for p in model.parameters())

    with torch.device("meta"):  # shapes only: no memory, no initialization
        fs2 = count(FastSpeech2(FASTSPEECH2_PRESETS["fastspeech2"], 80, len(PHONEMES), NUM_TONES, 1, STATS_80))
        small = count(PortaSpeech(PORTASPEECH_PRESETS["portaspeech_small"], 80, len(PHONEMES), NUM_TONES, 1,
                                  STATS_80))
    assert small <= 0.3 * fs2


STATS_80 = FeatureStats(pitch_mean=5.0, pitch_std=0.25, energy_mean=10.0, energy_std=5.0)


def test_forward_shapes_and_losses() -> None:
    model = tiny_model()
    batch = training_batch()
    out = model(batch)
    t = batch.mel.shape[-1]
    assert out.coarse_mel.shape == (2, N_MELS, t)
    assert out.word_durations.tolist() == [[3, 14, 2, 7, 2], [4, 9, 5, 0, 0]]  # sums of phoneme frames
    assert out.attention.shape == (2, t, len(PHONES_A))
    # each frame attends only to phonemes of its own word, and its weights sum to one
    assert out.attention[0, 0, 1:].abs().max() == 0 and out.attention[0, 3:11, 5:].abs().max() == 0
    torch.testing.assert_close(out.attention[0].sum(-1), torch.ones(t))
    losses = model.loss(batch, out)
    assert tuple(losses) == model.loss_names
    assert all(bool(torch.isfinite(v)) for v in losses.values())
    frames = torch.arange(t)[None, :] < batch.mel_lengths[:, None]
    manual_l1 = ((out.coarse_mel - batch.mel).abs() * frames[:, None]).sum() / (frames.sum() * N_MELS)
    torch.testing.assert_close(losses["mel"], manual_l1)
    target = torch.log1p(out.word_durations.float())
    manual_duration = ((out.log_word_duration - target) ** 2)[out.word_mask].mean()
    torch.testing.assert_close(losses["duration"], manual_duration)
    sum(losses.values()).backward()
    missing = [n for n, p in model.named_parameters() if p.grad is None]
    assert not missing, missing


def test_untrained_postnet_nll_is_the_standard_normal_density() -> None:
    model = tiny_model().eval()  # couplings start at the identity, the 1x1 convs are rotations
    batch = training_batch()
    mask = torch.ones(1, 1, 12)
    mel = torch.randn(1, N_MELS, 12)
    nll = model.postnet.nll(mel, torch.zeros_like(mel), torch.zeros(1, 16, 12), mask)
    expected = 0.5 * (mel**2).mean() + 0.5 * math.log(2 * math.pi)
    torch.testing.assert_close(nll, expected, atol=1e-4, rtol=1e-4)
    assert batch.mel is not None


def test_sampling_is_seeded_and_seeds_differ() -> None:
    model = tiny_model().eval()
    batch = inference_batch()
    first = model.infer(batch, Controls(seed=11))
    again = model.infer(batch, Controls(seed=11))
    other = model.infer(batch, Controls(seed=12))
    assert torch.equal(first.mel, again.mel) and torch.equal(first.f0, again.f0)
    assert first.mel.shape[-1] == other.mel.shape[-1]  # durations do not depend on the noise
    assert float((first.mel - other.mel).abs().mean()) > 1e-3
    curves = torch.stack([model.infer(batch, Controls(seed=s)).f0[0] for s in range(4)])  # [seeds, T]
    assert float(curves.var(dim=0).mean()) > 0
    assert int(first.durations.sum()) == int(first.mel_lengths[0]) == first.mel.shape[-1]
    assert first.durations.shape == (1, len(PHONES_A))
    zero_a = model.infer(batch, Controls(seed=1, noise_scale=0.0))
    zero_b = model.infer(batch, Controls(seed=2, noise_scale=0.0))
    assert torch.equal(zero_a.mel, zero_b.mel)  # no noise: the prior's mean, whatever the seed


FRAMES_PER_WORD = 6  # forced through the duration predictor's bias


def test_controls() -> None:
    model = tiny_model().eval()
    with torch.no_grad():
        model.duration_predictor.proj.weight.zero_()
        model.duration_predictor.proj.bias.fill_(math.log1p(FRAMES_PER_WORD))
    batch = inference_batch()
    base = model.infer(batch, Controls(seed=5))
    louder = model.infer(batch, Controls(seed=5, energy_scale=2.0))
    frames = int(base.mel_lengths[0])
    torch.testing.assert_close(louder.mel[..., :frames] - base.mel[..., :frames],
                               torch.full_like(base.mel[..., :frames], math.log(2.0)))
    assert frames == len(set(WORDS_A)) * FRAMES_PER_WORD
    slow = model.infer(batch, Controls(seed=5, speed=0.5))
    assert int(slow.mel_lengths[0]) == 2 * frames
    with pytest.raises(InputError, match=r"noise scale must be in \[0, 2\], got 2.5"):
        Controls(noise_scale=2.5)
    with pytest.raises(InputError, match=r"\[0, 2\]"):
        Controls(noise_scale=-0.1)
    with pytest.raises(InputError, match="cannot shift or scale pitch"):
        model.infer(batch, Controls(pitch_shift=2.0))


def test_without_words_each_syllable_is_a_word() -> None:
    model = tiny_model().eval()
    batch = inference_batch()
    bare = AcousticBatch(phonemes=batch.phonemes, tones=batch.tones, phoneme_lengths=batch.phoneme_lengths)
    syllables = syllable_word_index(PHONES_A)
    explicit = AcousticBatch(phonemes=batch.phonemes, tones=batch.tones, phoneme_lengths=batch.phoneme_lengths,
                             word_index=torch.tensor([syllables]), word_lengths=torch.tensor([max(syllables) + 1]))
    torch.testing.assert_close(model.infer(bare, Controls(seed=3)).mel, model.infer(explicit, Controls(seed=3)).mel)


def test_fastspeech2_ignores_words() -> None:
    torch.manual_seed(0)
    fs2 = FastSpeech2(resolve_model_config(FastSpeech2, "fastspeech2_small", {"hidden_dim": 16, "ffn_dim": 32,
                      "predictor_hidden": 16, "postnet_channels": 16}, "test"), N_MELS, len(PHONEMES), NUM_TONES, 1,
                      STATS).eval()
    batch = inference_batch()
    bare = AcousticBatch(phonemes=batch.phonemes, tones=batch.tones, phoneme_lengths=batch.phoneme_lengths)
    assert torch.equal(fs2.infer(batch).mel, fs2.infer(bare).mel)


# ----------------------------------------------------------------------------- data path, recipe, voice


def _rewrite_texts(corpus: Path) -> dict[str, str]:
    """Give each generated item the characters of its syllables (item utt001 keeps a mismatching text)."""
    texts = {}
    for path in sorted((corpus / "alignments").glob("*.json")):
        phones = [i["phone"] for i in json.loads(path.read_text())["intervals"] if i["phone"] != "SP"]
        text = "".join(SYLLABLE_CHARS[(a, b)] for a, b in zip(phones[::2], phones[1::2]))
        texts[path.stem] = "再见" if path.stem == "utt001" else text
    (corpus / "metadata.csv").write_text("".join(f"{k}|{v}\n" for k, v in texts.items()), encoding="utf-8")
    return texts


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("portaspeech")
    corpus = make_folder_corpus(tmp / "corpus", count=8)
    _rewrite_texts(corpus)
    return tmp


def _recipe(tmp: Path, *extra: str):
    overrides = [f"data.path={tmp / 'corpus'}", f"run_dir={tmp / 'run'}", "data.dev_items=1", "data.test_items=1",
                 "train.steps=2", "train.batch_size=3", "train.eval_every=2", "train.checkpoint_every=2",
                 "train.log_every=1", "train.max_minutes=0", *extra]
    return load_config(REPO / "recipes" / "demo_zh_portaspeech.yaml", overrides)


def test_prepare_and_collate_carry_word_boundaries(run: Path) -> None:
    loaded = _recipe(run)
    prepare_features(loaded, jobs=1, progress=False)
    store = FeatureStore(loaded.run_dir / loaded.config.data.features_dir)
    entries = store.read_manifest()
    for entry in entries:
        item = store.read_item(entry.id)
        phones = [PHONEMES[i] for i in item.phonemes.tolist()]
        assert item.word_index is not None and len(item.word_index) == len(phones)
        n_syllables = sum(p != "SP" for p in phones) // 2
        words = item.word_index.tolist()
        if entry.id == "utt001":  # mismatching text: a word per syllable
            assert words == syllable_word_index(phones)
        else:  # segmented by the frontend: words of one or two syllables, pauses apart
            assert words[0] == 0 and words[-1] == max(words)
            assert max(words) + 1 <= n_syllables + 2
    record = store.read_stats()
    dataset = AcousticDataset(store, entries, model_stats(record), record.speakers)
    batch = collate([dataset[0], dataset[1]])
    assert batch.word_index is not None and batch.word_lengths is not None
    assert batch.word_index.shape == batch.phonemes.shape
    for b in range(2):
        n = int(batch.phoneme_lengths[b])
        assert bool((batch.word_index[b, n:] == WORD_PAD).all())
        assert int(batch.word_lengths[b]) == int(batch.word_index[b, :n].max()) + 1


def test_shipped_recipe_trains_exports_and_synthesizes(run: Path) -> None:
    from tts.synth.synthesizer import Synthesizer
    from tts.synth.voice import load_voice
    from tts.train.run import train

    tiny = "model.params=" + json.dumps(TINY)  # the shipped recipe and preset, narrowed for speed
    prepare_features(_recipe(run, tiny), jobs=1, progress=False)  # in-process (train would spawn workers)
    summary = train(_recipe(run, tiny), device="cpu", progress=False, log=lambda m: None)
    assert summary.step == 2 and all(math.isfinite(v) for v in summary.last_losses.values())
    voice_dir = Path(summary.voice_dir)
    voice = load_voice(voice_dir)
    assert voice.card.model == "portaspeech" and isinstance(voice.model, PortaSpeech)
    synth = Synthesizer.from_voice(voice_dir)
    first = synth.tts("你好中国。", seed=4, keep_features=True)
    again = synth.tts("你好中国。", seed=4)
    other = synth.tts("你好中国。", seed=5)
    assert first.wav.size > 0 and np.array_equal(first.wav, again.wav)
    assert not np.array_equal(first.wav, other.wav)
    assert first.sentences[0].f0 is not None and first.sentences[0].mel is not None
    with pytest.raises(InputError, match=r"\[0, 2\]"):
        synth.tts("你好。", noise_scale=3.0)

    from typer.testing import CliRunner

    from tts.cli import app

    runner = CliRunner()
    wavs = [run / "a.wav", run / "b.wav"]
    for path in wavs:
        result = runner.invoke(app, ["synth", "你好中国。", "--voice", str(voice_dir), "-o", str(path),
                                     "--seed", "7", "--noise-scale", "0.5"])
        assert result.exit_code == 0, result.output
    assert np.array_equal(sf.read(wavs[0])[0], sf.read(wavs[1])[0])
    bad = runner.invoke(app, ["synth", "你好。", "--voice", str(voice_dir), "-o", str(run / "c.wav"),
                              "--noise-scale", "2.5"])
    assert bad.exit_code == 1 and "noise scale must be in [0, 2], got 2.5" in bad.output
    assert not (run / "c.wav").exists()
