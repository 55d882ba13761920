"""Vocoder training and use: crops, the shipped recipes (2 GAN steps each), resume, export → vocode,
GTA fine-tuning on a tiny FastSpeech 2 run, pairing with an acoustic voice, and `tts vocode` errors."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
import torch

from tests.helpers import SR, make_folder_corpus, voiced_wave, write_recipe
from tts.audio.features import MelExtractor
from tts.audio.io import read_audio
from tts.config import load_config
from tts.data.prepare import prepare_features
from tts.data.store import FeatureStore
from tts.data.vocoder_dataset import VocoderCollate, VocoderDataset
from tts.errors import ConfigError, InputError, VoiceError
from tts.train.run import train

REPO = Path(__file__).resolve().parents[1]
RECIPES = ["demo_zh_hifigan", "demo_zh_istft", "demo_zh_nsf_istft", "csmsc_hifigan", "demo_sing_nsf_hifigan"]
SEGMENT = 8  # frames per training crop (2048 samples)
# Tiny generators and discriminators: the shipped layouts at a few channels.
TINY_GENERATOR = "{upsample_initial_channel: 16}"
TINY_DISCRIMINATOR = "{mpd_channels: [4, 4, 8, 8, 8], msd_channels: [16, 16, 16, 16, 16, 16, 16]}"
TWO_STEPS = ["train.steps=2", "train.batch_size=2", "train.eval_every=0", "train.checkpoint_every=1",
             "train.log_every=1", "train.max_minutes=0", "train.adversarial_start=0", f"data.segment_frames={SEGMENT}"]


def vocoder_overrides(corpus: Path, run_dir: Path, features: Path) -> list[str]:
    """Point a shipped recipe at the generated corpus, a temp run and a shared (vocoder) store, tiny nets."""
    return ["data.corpus=folder", f"data.path={corpus}", f"run_dir={run_dir}", f"data.features_dir={features}",
            "data.dev_items=1", "data.test_items=1", f"model.params={TINY_GENERATOR}",
            f"model.discriminator={TINY_DISCRIMINATOR}", *TWO_STEPS]


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("vocoder")
    make_folder_corpus(tmp / "corpus", count=6)
    overrides = vocoder_overrides(tmp / "corpus", tmp / "run_prepare", tmp / "features")
    prepare_features(load_config(REPO / "recipes" / "demo_zh_hifigan.yaml", overrides), jobs=1, progress=False)
    return tmp  # the vocoder recipes share this store (same audio and pitch settings): in-process, no pool


def quiet(message: str) -> None:
    pass


def train_recipe(name: str, workspace: Path, *extra: str, log=quiet):
    overrides = vocoder_overrides(workspace / "corpus", workspace / f"run_{name}", workspace / "features") + list(extra)
    return train(load_config(REPO / "recipes" / f"{name}.yaml", overrides), device="cpu", progress=False, log=log)


# ----------------------------------------------------------------------------- data


def test_crops_are_sample_exact_and_need_no_text(tmp_path: Path) -> None:
    corpus = make_folder_corpus(tmp_path / "corpus", count=5)
    shutil.rmtree(corpus / "alignments")  # audio alone: no alignments, and text no frontend can read
    (corpus / "metadata.csv").write_text("".join(f"utt{i:03d}|@@@\n" for i in range(5)), encoding="utf-8")
    overrides = vocoder_overrides(corpus, tmp_path / "run", tmp_path / "run" / "features")
    loaded = load_config(REPO / "recipes" / "demo_zh_hifigan.yaml", overrides)
    summary = prepare_features(loaded, jobs=1, progress=False)
    assert summary.items == 5 and not summary.skipped
    store = FeatureStore(tmp_path / "run" / "features")
    entries = store.read_manifest("train")
    dataset = VocoderDataset(store, entries, loaded.config.audio, SEGMENT)
    hop = loaded.config.audio.hop_length
    samples = read_audio(entries[0].audio, SR).samples
    mel = MelExtractor(loaded.config.audio)(torch.from_numpy(samples))[0].numpy()  # [n_mels, T]
    torch.manual_seed(3)
    starts = set()
    for _ in range(4):
        crop = dataset[0]
        assert crop.mel.shape == (80, SEGMENT) and crop.wav.shape == (SEGMENT * hop,) and crop.f0.shape == (SEGMENT,)
        matches = [s for s in range(mel.shape[1] - SEGMENT + 1)
                   if np.allclose(mel[:, s:s + SEGMENT], crop.mel.numpy(), atol=1e-5)]
        assert matches, "the crop's mel is not a window of the recording's mel"
        start = matches[0]
        starts.add(start)
        np.testing.assert_allclose(crop.wav.numpy(), samples[start * hop:(start + SEGMENT) * hop], atol=1e-6)
    assert len(starts) > 1  # random positions
    # a store prepared for a vocoder has no phonemes: an acoustic run must not reuse it
    acoustic = write_recipe(tmp_path / "a.yaml", corpus, tmp_path / "run")
    with pytest.raises(ConfigError, match="prepared for a vocoder"):
        prepare_features(load_config(acoustic), jobs=1, progress=False)


def test_dev_items_are_whole_and_padded_batches_keep_lengths(workspace: Path) -> None:
    loaded = load_config(REPO / "recipes" / "demo_zh_hifigan.yaml",
                         vocoder_overrides(workspace / "corpus", workspace / "run_x", workspace / "features"))
    store = FeatureStore(workspace / "features")
    entries = store.read_manifest()
    dev = VocoderDataset(store, entries[:2], loaded.config.audio, SEGMENT, random_segments=False)
    batch = VocoderCollate(loaded.config.audio)([dev[0], dev[1]])
    assert batch.lengths.tolist() == [entries[0].frames, entries[1].frames]
    longest = max(entries[0].frames, entries[1].frames)
    assert batch.mel.shape == (2, 80, longest) and batch.wav.shape == (2, longest * 256)
    short = int(np.argmin(batch.lengths.numpy()))
    assert float(batch.wav[short, int(batch.lengths[short]) * 256:].abs().max()) == 0.0


# ----------------------------------------------------------------------------- training


# generator parameters (M) at the shipped sizes: the paper's V1 13.92, V2 0.92, V3 1.46; iSTFTNet C8C8I ~13.3
PARAMETERS_M = {"hifigan_v1": (13.0, 15.0), "hifigan_v2": (0.8, 1.0), "hifigan_v3": (1.3, 1.6),
                "nsf_hifigan": (13.0, 15.0), "istft_hifigan": (12.0, 14.0)}


@pytest.mark.parametrize("config", sorted(PARAMETERS_M))
def test_shipped_vocoder_configs_build_at_full_size(config: str) -> None:
    from tts.train.gan_task import build_discriminators, build_vocoder

    loaded = load_config(REPO / "configs" / "vocoder" / f"{config}.yaml")
    assert loaded.config.model.preset == config and loaded.config.train.loss_weights["gen/mel"] == 45.0
    generator = build_vocoder(loaded).eval()
    low, high = PARAMETERS_M[config]
    assert low <= sum(p.numel() for p in generator.parameters()) / 1e6 <= high
    mel = torch.full((1, 80, 6), -4.0)
    f0 = torch.full((1, 6), 150.0) if generator.needs_f0 else None
    with torch.inference_mode():
        assert generator(mel, f0).shape == (1, 6 * 256)
    discriminators = build_discriminators(loaded)
    outputs = discriminators(torch.zeros(1, 1, 2048))
    assert len(outputs) == 5 + 3  # MPD periods 2, 3, 5, 7, 11 and MSD's 3 scales


@pytest.mark.parametrize("recipe", RECIPES)
def test_shipped_vocoder_recipe_trains_two_steps(recipe: str, workspace: Path) -> None:
    logs: list[str] = []
    validate = ["train.eval_every=2"] if recipe == "demo_zh_hifigan" else []  # dev losses + media, once
    summary = train_recipe(recipe, workspace, *validate, log=logs.append)
    assert summary.step == 2 and summary.vocoder and summary.stopped_by == "steps"
    names = {"discriminator/disc/adv", "generator/gen/adv", "generator/gen/feature_matching", "generator/gen/mel"}
    assert names <= set(summary.last_losses)
    assert all(np.isfinite(v) for v in summary.last_losses.values())
    card = json.loads((Path(summary.voice_dir) / "card.json").read_text())
    assert card["kind"] == "vocoder" and card["model"] == load_config(REPO / "recipes" / f"{recipe}.yaml").config.model.name
    run_dir = workspace / f"run_{recipe}"
    assert list((run_dir / "logs").glob("events.out.tfevents.*"))
    if validate:
        dev = next(line for line in logs if line.startswith("step 2 dev:"))
        assert "generator/gen/mel" in dev and "discriminator/disc/adv" in dev


def test_resume_continues_both_phases(workspace: Path) -> None:
    run_dir = workspace / "run_demo_zh_hifigan"
    if not (run_dir / "checkpoints").is_dir():
        train_recipe("demo_zh_hifigan", workspace)
    state = torch.load(sorted((run_dir / "checkpoints").glob("ckpt_*.pt"))[-1], weights_only=True)
    assert set(state["networks"]) == {"generator", "discriminator"}
    assert set(state["optimizers"]) == {"discriminator", "generator"}
    again = train_recipe("demo_zh_hifigan", workspace, "train.steps=3")
    assert again.resumed_from == 2 and again.step == 3


def test_generator_warm_up_leaves_the_discriminators_alone(workspace: Path) -> None:
    from tts.train.distributed import init_distributed
    from tts.train.run import build_setup

    loaded = load_config(REPO / "recipes" / "demo_zh_istft.yaml",
                         vocoder_overrides(workspace / "corpus", workspace / "run_warm", workspace / "features")
                         + ["train.adversarial_start=1"])
    trainer = build_setup(loaded, init_distributed("cpu"), log=quiet, progress=False).trainer
    discriminator = trainer.task.networks()["discriminator"]
    generator = trainer.task.networks()["generator"]
    before_d = [p.detach().clone() for p in discriminator.parameters()]
    before_g = [p.detach().clone() for p in generator.parameters()]
    batch = next(iter(torch.utils.data.DataLoader(trainer.train_set, batch_size=2, collate_fn=trainer.collate)))
    warm = trainer.train_step(batch)  # step 0 < adversarial_start: mel loss only
    assert set(warm) == {"generator/gen/mel", "generator/total", "generator/grad_norm"}
    assert all(torch.equal(a, b) for a, b in zip(before_d, discriminator.parameters()))
    assert not all(torch.equal(a, b) for a, b in zip(before_g, generator.parameters()))
    assert trainer.schedulers["discriminator"].last_epoch == 0  # no optimizer step, no schedule step
    adversarial = trainer.train_step(batch)  # step 1: both phases
    assert {"discriminator/disc/adv", "generator/gen/adv", "generator/gen/feature_matching"} <= set(adversarial)
    assert not all(torch.equal(a, b) for a, b in zip(before_d, discriminator.parameters()))


def test_mel_loss_can_look_above_the_input_mel(workspace: Path) -> None:
    """train.mel_loss_fmax widens the loss's mel band: a difference above audio.fmax only counts then."""
    from tts.train.distributed import init_distributed
    from tts.train.gan_task import GanVocoderTask
    from tts.models.gan_losses import mel_l1_loss
    from tts.train.run import build_setup

    overrides = vocoder_overrides(workspace / "corpus", workspace / "run_band", workspace / "features")
    loaded = load_config(REPO / "recipes" / "demo_zh_nsf_istft.yaml", overrides)
    task = build_setup(loaded, init_distributed("cpu"), log=quiet, progress=False).trainer.task
    assert isinstance(task, GanVocoderTask) and loaded.config.audio.fmax == 8000.0
    t = torch.arange(SR) / SR
    real = 0.1 * torch.randn(1, SR, generator=torch.Generator().manual_seed(0))  # [1, SR] white noise
    fake = real + 0.3 * torch.sin(2 * torch.pi * 10000.0 * t)[None]  # plus a tone above 8 kHz
    below = float(mel_l1_loss(task.mel, fake, real))
    full = float(mel_l1_loss(task.loss_mel, fake, real))
    assert below < 0.005 < full  # the 8 kHz input mel barely sees the 10 kHz tone (0.0009); the loss mel does (0.03)

    bad = load_config(REPO / "recipes" / "demo_zh_nsf_istft.yaml", overrides + ["train.mel_loss_fmax=20000"])
    with pytest.raises(ConfigError, match="train.mel_loss_fmax"):
        build_setup(bad, init_distributed("cpu"), log=quiet, progress=False)


def test_lr_schedule_and_betas_come_from_the_config(workspace: Path) -> None:
    from tts.train.distributed import init_distributed
    from tts.train.run import build_setup

    loaded = load_config(REPO / "recipes" / "demo_zh_hifigan.yaml",
                         vocoder_overrides(workspace / "corpus", workspace / "run_sched", workspace / "features"))
    setup = build_setup(loaded, init_distributed("cpu"), log=quiet, progress=False)
    optimizer = setup.trainer.optimizers["generator"]
    assert optimizer.param_groups[0]["betas"] == (0.8, 0.99)
    assert optimizer.param_groups[0]["lr"] == pytest.approx(2e-4)
    factor = setup.trainer.schedulers["generator"].lr_lambdas[0]
    assert factor(800) == pytest.approx(0.999) and factor(1600) == pytest.approx(0.999**2)  # per 800 steps


# ----------------------------------------------------------------------------- use


@pytest.fixture(scope="module")
def vocoder_voice(workspace: Path) -> Path:
    voice = workspace / "run_demo_zh_hifigan" / "voice"
    if not voice.is_dir():
        train_recipe("demo_zh_hifigan", workspace)
    return voice


def test_export_load_vocode_round_trip(vocoder_voice: Path, tmp_path: Path) -> None:
    from tts.synth.vocode import load_vocoder, vocode_file
    from tts.synth.voice import WEIGHTS_FILE
    from safetensors.torch import load_file

    weights = load_file(str(vocoder_voice / WEIGHTS_FILE))
    assert weights and not any(key.startswith(("mpd", "msd", "discriminator")) for key in weights)  # generator only
    voice = load_vocoder(vocoder_voice)
    wav = voiced_wave(1.3, 140.0, 5)
    sf.write(tmp_path / "in.wav", wav, SR)
    whole = vocode_file(tmp_path / "in.wav", tmp_path / "whole.wav", voice, chunk_seconds=60)
    chunked = vocode_file(tmp_path / "in.wav", tmp_path / "chunked.wav", voice, chunk_seconds=0.1)
    assert whole.chunks == 1 and chunked.chunks > 5
    a, rate = sf.read(tmp_path / "whole.wav")
    b, _ = sf.read(tmp_path / "chunked.wav")
    assert rate == SR and len(a) == len(wav) == len(b)
    assert np.abs(a - b).max() < 2e-4  # chunking is invisible (16-bit output)
    with torch.inference_mode():
        mel = MelExtractor(voice.audio)(torch.from_numpy(wav))  # [1, n_mels, T]
        direct = voice.model(mel)[0].numpy()[: len(wav)]
    assert np.abs(a - direct).max() < 2e-4  # copy synthesis = the generator on the file's mel
    np.save(tmp_path / "mel.npy", mel[0].numpy())
    vocode_file(tmp_path / "mel.npy", tmp_path / "from_mel.wav", voice)
    c, _ = sf.read(tmp_path / "from_mel.wav")
    assert len(c) == mel.shape[-1] * voice.audio.hop_length and np.abs(c[: len(a)] - a).max() < 2e-4


def test_vocode_input_problems(vocoder_voice: Path, tmp_path: Path) -> None:
    from tts.synth.vocode import vocode_file

    np.save(tmp_path / "wrong.npy", np.zeros((40, 20), dtype=np.float32))
    with pytest.raises(InputError, match=r"shape \[80, frames\]"):
        vocode_file(tmp_path / "wrong.npy", tmp_path / "o.wav", vocoder_voice)
    np.save(tmp_path / "transposed.npy", np.zeros((20, 80), dtype=np.float32))
    with pytest.raises(InputError, match="transposed"):
        vocode_file(tmp_path / "transposed.npy", tmp_path / "o.wav", vocoder_voice)
    sf.write(tmp_path / "silence.wav", np.zeros(SR // 2, dtype=np.float32), SR)
    summary = vocode_file(tmp_path / "silence.wav", tmp_path / "s.wav", vocoder_voice)
    assert any("silence" in w for w in summary.warnings) and summary.seconds == pytest.approx(0.5)
    loud = np.clip(voiced_wave(0.6, 150.0, 1) * 8, -1, 1)
    sf.write(tmp_path / "clipped.wav", loud, 16000)  # another rate: resampled to the vocoder's
    summary = vocode_file(tmp_path / "clipped.wav", tmp_path / "c.wav", vocoder_voice)
    assert any("clipped" in w for w in summary.warnings) and any("resampled" in w for w in summary.warnings)
    assert sf.info(str(tmp_path / "c.wav")).samplerate == SR


def test_nsf_vocoder_needs_f0_for_a_mel(workspace: Path, tmp_path: Path) -> None:
    from tts.synth.vocode import vocode_file

    voice = workspace / "run_demo_sing_nsf_hifigan" / "voice"
    if not voice.is_dir():
        train_recipe("demo_sing_nsf_hifigan", workspace)
    wav = voiced_wave(0.8, 200.0, 2)
    mel = MelExtractor(load_config(REPO / "recipes" / "demo_sing_nsf_hifigan.yaml").config.audio)(torch.from_numpy(wav))
    np.save(tmp_path / "mel.npy", mel[0].numpy())
    with pytest.raises(InputError, match="needs F0"):
        vocode_file(tmp_path / "mel.npy", tmp_path / "o.wav", voice)
    np.save(tmp_path / "f0.npy", np.full(mel.shape[-1] - 1, 200.0, dtype=np.float32))
    with pytest.raises(InputError, match="one value per mel frame"):
        vocode_file(tmp_path / "mel.npy", tmp_path / "o.wav", voice, f0_path=tmp_path / "f0.npy")
    np.save(tmp_path / "f0.npy", np.full(mel.shape[-1], 200.0, dtype=np.float32))
    summary = vocode_file(tmp_path / "mel.npy", tmp_path / "o.wav", voice, f0_path=tmp_path / "f0.npy")
    assert summary.seconds == pytest.approx(mel.shape[-1] * 256 / SR)
    copy = vocode_file(tmp_path / "o.wav", tmp_path / "copy.wav", voice)  # F0 tracked from the audio
    assert copy.seconds == pytest.approx(summary.seconds)


# ----------------------------------------------------------------------------- GTA and pairing


TINY_FS2 = ("model:\n  params: {hidden_dim: 16, encoder_layers: 1, decoder_layers: 1, attention_heads: 2, ffn_dim: 32,"
            " ffn_kernel_sizes: [3, 1], predictor_hidden: 16, n_bins: 8, use_postnet: false}\n"
            "train:\n  steps: 2\n  batch_size: 3\n  eval_every: 0\n  checkpoint_every: 2\n")


@pytest.fixture(scope="module")
def acoustic_run(workspace: Path) -> Path:
    recipe = write_recipe(workspace / "fs2.yaml", workspace / "corpus", workspace / "fs2_run", extra=TINY_FS2)
    prepare_features(load_config(recipe), jobs=1, progress=False)
    train(load_config(recipe), device="cpu", progress=False, log=quiet)
    return workspace / "fs2_run"


def test_gta_mels_are_made_once_and_used(workspace: Path, acoustic_run: Path) -> None:
    from tts.train.gta import SOURCE_FILE

    logs: list[str] = []
    overrides = vocoder_overrides(workspace / "corpus", workspace / "run_gta", workspace / "features")
    loaded = load_config(REPO / "recipes" / "demo_zh_hifigan.yaml", overrides + [f"data.gta_from={acoustic_run}"])
    summary = train(loaded, device="cpu", progress=False, log=logs.append)
    assert summary.step == 2
    assert any("GTA mels" in line and "6 generated" in line for line in logs), logs
    gta = workspace / "run_gta" / "gta"
    assert json.loads((gta / SOURCE_FILE).read_text())["step"] == 2
    store = FeatureStore(workspace / "features")
    entry = store.read_manifest()[0]
    predicted = np.load(gta / f"{entry.id}.npy")
    real = store.read_item(entry.id).mel
    assert predicted.shape == real.shape and not np.allclose(predicted, real, atol=0.1)
    dataset = VocoderDataset(store, [entry], loaded.config.audio, 10_000, random_segments=True, mel_dir=gta)
    np.testing.assert_allclose(dataset[0].mel.numpy()[:, : real.shape[1]], predicted)  # training sees the GTA mel
    logs.clear()
    train(load_config(REPO / "recipes" / "demo_zh_hifigan.yaml",
                      overrides + [f"data.gta_from={acoustic_run}", "train.steps=3"]),
          device="cpu", progress=False, log=logs.append)
    assert any("0 generated, 6 reused" in line for line in logs), logs


def test_gta_source_must_share_the_mel(acoustic_run: Path, tmp_path: Path) -> None:
    from dataclasses import replace

    from tts.train.gta import prepare_gta

    audio = load_config(REPO / "recipes" / "demo_zh_hifigan.yaml").config.audio
    with pytest.raises(ConfigError, match="audio.n_mels"):
        prepare_gta(acoustic_run, ["utt000"], replace(audio, n_mels=64), tmp_path / "gta", log=quiet)
    with pytest.raises(InputError, match="not a training run"):
        prepare_gta(tmp_path, ["utt000"], audio, tmp_path / "gta", log=quiet)


def test_acoustic_voice_pairs_with_the_vocoder(acoustic_run: Path, vocoder_voice: Path, tmp_path: Path) -> None:
    from tts.synth.export import export_from_run
    from tts.synth.synthesizer import Synthesizer

    voice = export_from_run(acoustic_run, name="paired", out_dir=tmp_path / "paired", vocoder=str(vocoder_voice))
    card = json.loads((voice / "card.json").read_text())
    assert (voice / card["vocoder"]).resolve() == vocoder_voice.resolve()  # stored relative to the voice
    synthesizer = Synthesizer.from_voice(voice)
    assert not synthesizer.low_quality_vocoder and Path(synthesizer.vocoder_name).resolve() == vocoder_voice.resolve()
    result = synthesizer.render_phonemes(["SP", "n", "i", "h", "ao", "SP"], [0, 3, 3, 3, 3, 0])
    assert result.wav.shape[0] == int(result.render.durations.sum()) * 256 and np.all(np.isfinite(result.wav))
    with pytest.raises(VoiceError, match="not a vocoder"):
        export_from_run(acoustic_run, name="bad", out_dir=tmp_path / "bad", vocoder=str(voice))
    from tts.synth.vocode import load_vocoder

    with pytest.raises(VoiceError, match="needs a vocoder voice"):
        load_vocoder(voice)


# ----------------------------------------------------------------------------- CLI


def tts(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "200", "TTS_VOICES": ""}
    return subprocess.run([sys.executable, str(REPO / "cli.py"), *args], capture_output=True, text=True, env=env,
                          timeout=300)


def test_cli_vocode_errors_are_one_line(vocoder_voice: Path, tmp_path: Path) -> None:
    missing = tts("vocode", str(tmp_path / "missing.wav"), "-o", str(tmp_path / "o.wav"), "--voice", str(vocoder_voice))
    assert missing.returncode == 1 and "Traceback" not in missing.stderr
    assert missing.stderr.strip().count("\n") == 0 and "missing.wav" in missing.stderr
    np.save(tmp_path / "m.npy", np.zeros((64, 10), dtype=np.float32))
    wrong = tts("vocode", str(tmp_path / "m.npy"), "-o", str(tmp_path / "o.wav"), "--voice", str(vocoder_voice))
    assert wrong.returncode == 1 and "Traceback" not in wrong.stderr
    assert wrong.stderr.strip().count("\n") == 0 and "[80, frames]" in wrong.stderr
    np.save(tmp_path / "ok.npy", np.full((80, 12), -5.0, dtype=np.float32))
    done = tts("vocode", str(tmp_path / "ok.npy"), "-o", str(tmp_path / "ok.wav"), "--voice", str(vocoder_voice))
    assert done.returncode == 0, done.stderr
    assert sf.info(str(tmp_path / "ok.wav")).frames == 12 * 256
