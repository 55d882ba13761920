"""Vocoder models: HiFi-GAN V1-V3, NSF-HiFi-GAN, iSTFT-HiFi-GAN, NSF-iSTFT-HiFi-GAN, discriminators, GAN losses.

Shapes of every preset, hop / config validation, chunked inference against whole-utterance
inference, the receptive-field bound that chunking relies on, bad input, the NSF source's F0,
weight-norm removal, discriminator structure and loss values on known inputs.
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest
import torch
from torch import nn

import tts.models  # noqa: F401  (registers the vocoders)
from tts.audio.features import MelExtractor
from tts.audio.params import AudioConfig, PitchConfig
from tts.audio.pitch import extract_f0
from tts.config import resolve_model_config
from tts.errors import ConfigError, InputError
from tts.models.discriminators import DiscriminatorConfig, DiscriminatorOutput, Discriminators
from tts.models.gan_losses import (
    discriminator_loss,
    feature_matching_loss,
    generator_adversarial_loss,
    mel_l1_loss,
)
from tts.models.hifigan import HIFIGAN_PRESETS, HiFiGAN, HiFiGANConfig
from tts.models.istft import ISTFTHiFiGAN, ISTFTHiFiGANConfig
from tts.models.layers.vocoder_blocks import index_noise
from tts.models.nsf import NSFHiFiGAN, NSFHiFiGANConfig
from tts.models.nsf_istft import NSFISTFTHiFiGAN, NSFISTFTHiFiGANConfig
from tts.models.vocoder import DEFAULT_OVERLAP_FRAMES, ChunkPosition, VocoderModel, pick_precision
from tts.registry import VOCODERS

AUDIO = AudioConfig()
HOP = AUDIO.hop_length
SR = AUDIO.sample_rate
NEURAL = [name for name in VOCODERS.names() if issubclass(VOCODERS.get(name), VocoderModel)]  # not Griffin-Lim
ALL_PRESETS = [(name, preset) for name in NEURAL for preset in VOCODERS.get(name).presets]
DEFAULT_PRESETS = {"hifigan": "hifigan_v1", "nsf-hifigan": "nsf_hifigan", "istft-hifigan": "istft_hifigan",
                   "nsf-istft-hifigan": "nsf_istft_hifigan_small"}
SOURCE_FILTER = {"nsf-hifigan", "nsf-istft-hifigan"}  # the vocoders that need F0
PAPER_PARAMETERS = {"hifigan_v1": 13.92e6, "hifigan_v2": 0.92e6, "hifigan_v3": 1.46e6}  # HiFi-GAN, Table 1
CHUNK_TOLERANCE = 1e-4  # chunked vs whole output: max |difference| relative to max |output|

# tiny but complete configs of each family (two residual blocks, 32 channels)
TINY_HIFIGAN = HiFiGANConfig(upsample_initial_channel=32, resblock_kernel_sizes=(3, 5),
                             resblock_dilations=((1, 3), (1, 2)))
TINY_NSF = NSFHiFiGANConfig(**dataclasses.asdict(TINY_HIFIGAN))
TINY_ISTFT = ISTFTHiFiGANConfig(upsample_rates=(4, 4), upsample_kernel_sizes=(8, 8), upsample_initial_channel=32,
                                resblock_type=2, resblock_kernel_sizes=(3, 5), resblock_dilations=((1, 2), (2, 6)),
                                istft_n_fft=64, istft_hop=16)
TINY_NSF_ISTFT = NSFISTFTHiFiGANConfig(**dataclasses.asdict(TINY_ISTFT))
TINY_NSF_ISTFT_NOISE = dataclasses.replace(TINY_NSF_ISTFT, free_part="noise")
TINY_NSF_ISTFT_MEL = dataclasses.replace(TINY_NSF_ISTFT, free_part="noise", filter_rate="mel")
TINY = {"hifigan": (HiFiGAN, TINY_HIFIGAN), "nsf": (NSFHiFiGAN, TINY_NSF), "istft": (ISTFTHiFiGAN, TINY_ISTFT),
        "nsf-istft": (NSFISTFTHiFiGAN, TINY_NSF_ISTFT), "nsf-istft-noise": (NSFISTFTHiFiGAN, TINY_NSF_ISTFT_NOISE),
        "nsf-istft-mel": (NSFISTFTHiFiGAN, TINY_NSF_ISTFT_MEL)}
KINDS = list(TINY)
TINY_DISCRIMINATOR = DiscriminatorConfig(
    mpd_channels=(4, 8, 8), msd_channels=(16, 16, 32, 32), msd_kernels=(15, 41, 41, 5),
    msd_strides=(1, 4, 4, 1), msd_groups=(1, 4, 16, 1),
)


@pytest.fixture(autouse=True)
def one_thread():
    """One intra-op thread: on a shared 2-core machine, two threads wait on each other at every
    OpenMP barrier and tiny convolutions get many times slower."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


def build(name: str, preset: str = "", audio: AudioConfig = AUDIO, **params: object) -> VocoderModel:
    """A registered vocoder exactly as a voice bundle builds it (registry + preset + params)."""
    cls = VOCODERS.get(name)
    return cls(resolve_model_config(cls, preset, dict(params), "test"), audio=audio)


def tiny(kind: str, seed: int = 0) -> VocoderModel:
    torch.manual_seed(seed)
    cls, config = TINY[kind]
    return cls(config, AUDIO).eval()


def inputs(frames: int, batch: int = 1, seed: int = 0) -> tuple[torch.Tensor, torch.Tensor]:
    """A random log-mel ``[B, 80, T]`` and a voiced/unvoiced F0 glide ``[B, T]`` in Hz."""
    gen = torch.Generator().manual_seed(seed)
    mel = torch.randn(batch, AUDIO.n_mels, frames, generator=gen) - 4.0
    f0 = torch.linspace(150.0, 300.0, frames).repeat(batch, 1)
    f0[:, frames // 3: frames // 3 + 5] = 0.0  # an unvoiced gap
    return mel, f0


def render(model: VocoderModel, mel: torch.Tensor, f0: torch.Tensor, **chunking: int) -> torch.Tensor:
    f0_arg = f0 if model.needs_f0 else None
    with torch.no_grad():
        return model.infer(mel, f0_arg, **chunking) if chunking else model(mel, f0_arg)


# ----------------------------------------------------------------------------- presets and configs


@pytest.mark.parametrize("name, preset", ALL_PRESETS)
def test_every_preset_renders_hop_samples_per_frame(name: str, preset: str) -> None:
    torch.manual_seed(0)
    model = build(name, preset).eval()
    mel, f0 = inputs(frames=5, batch=2)
    wav = render(model, mel, f0)
    assert wav.shape == (2, 5 * HOP) and wav.dtype == torch.float32
    assert bool(torch.isfinite(wav).all()) and float(wav.abs().max()) > 0
    assert (model.sample_rate, model.hop_length, model.n_mels) == (SR, HOP, AUDIO.n_mels)
    assert model.needs_f0 == (name in SOURCE_FILTER)
    assert model.quality.startswith("neural")
    assert DEFAULT_OVERLAP_FRAMES / 2 >= model.receptive_field()  # default chunking reproduces forward


def test_registry_defaults_and_paper_sizes() -> None:
    assert set(VOCODERS.names()) >= set(DEFAULT_PRESETS)
    for name, preset in DEFAULT_PRESETS.items():
        assert next(iter(VOCODERS.get(name).presets)) == preset
    assert list(HIFIGAN_PRESETS) == ["hifigan_v1", "hifigan_v2", "hifigan_v3"]
    for preset, expected in PAPER_PARAMETERS.items():
        count = sum(p.numel() for p in HiFiGAN(HIFIGAN_PRESETS[preset], AUDIO).parameters())
        assert abs(count - expected) / expected < 0.02, (preset, count)
    v3 = HIFIGAN_PRESETS["hifigan_v3"]
    assert (v3.upsample_rates, v3.resblock_type, v3.resblock_dilations) == ((8, 8, 4), 2, ((1, 2), (2, 6), (3, 12)))


def test_upsampling_must_multiply_to_the_hop() -> None:
    hop512 = dataclasses.replace(AUDIO, sample_rate=44100, hop_length=512, n_fft=2048, win_length=2048)
    with pytest.raises(ConfigError, match=r"multiply to 256.*audio.hop_length = 512"):
        build("hifigan", "hifigan_v1", audio=hop512)
    with pytest.raises(ConfigError, match=r"multiply to 16.*hop_length / istft_hop = 512 / 16 = 32"):
        build("istft-hifigan", "istft_hifigan_small", audio=hop512)
    # the error's suggestion works: one more x2 stage (lists, as YAML gives them)
    model = build("hifigan", "hifigan_v2", audio=hop512, upsample_rates=[8, 8, 2, 2, 2],
                  upsample_kernel_sizes=[16, 16, 4, 4, 4])
    assert render(model.eval(), torch.zeros(1, 80, 3), torch.zeros(1, 3)).shape == (1, 3 * 512)
    with pytest.raises(ConfigError, match="does not fit rate"):
        build("hifigan", upsample_kernel_sizes=[16, 15, 4, 4])
    with pytest.raises(ConfigError, match="divisible by"):
        build("hifigan", upsample_initial_channel=100)
    with pytest.raises(ConfigError, match="istft_n_fft must be 4"):
        build("istft-hifigan", istft_n_fft=20)
    with pytest.raises(ConfigError, match="unknown config key 'model.params.channels'"):
        build("hifigan", channels=3)


# ----------------------------------------------------------------------------- chunked inference


@pytest.mark.parametrize("kind", KINDS)
def test_chunked_inference_matches_whole_utterance(kind: str) -> None:
    model = tiny(kind)
    mel, f0 = inputs(frames=100, batch=2)
    whole = render(model, mel, f0)
    overlap = 2 * math.ceil(model.receptive_field())
    scale = float((whole - whole.mean()).abs().max())  # the signal's excursion (random init adds an offset)
    for chunk in (overlap, 41, 1000):  # many chunks, a short last chunk, one chunk
        chunked = render(model, mel, f0, chunk_frames=max(chunk, overlap), overlap_frames=overlap)
        assert chunked.shape == whole.shape
        assert float((chunked - whole).abs().max()) <= CHUNK_TOLERANCE * scale, chunk
    # the overlap is what makes it work: without context the chunk seams show
    seams = render(model, mel, f0, chunk_frames=30, overlap_frames=0)
    assert float((seams - whole).abs().max()) > 100 * CHUNK_TOLERANCE * scale


@pytest.mark.parametrize("kind", KINDS)
def test_receptive_field_bounds_the_influence_of_a_frame(kind: str) -> None:
    """What chunking relies on: changing mel frame t changes no sample farther than the bound.
    (F0 shifts the phase of everything after it; chunks carry that phase in closed form.)"""
    assert_frame_reach_within_field(tiny(kind), frames=70)


def assert_frame_reach_within_field(model: VocoderModel,
                                    frames: int) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Raise the middle mel frame of random inputs and check that no sample farther than
    ``model.receptive_field()`` frames changes; returns the raised ``mel``, ``f0`` and their whole-utterance output."""
    t = frames // 2
    mel, f0 = inputs(frames)
    base = render(model, mel, f0)
    mel[:, :, t] += 3.0
    raised = render(model, mel, f0)
    changed = torch.nonzero((raised - base).abs()[0] > 0)[:, 0]
    field = model.receptive_field()
    assert len(changed) > 0
    assert int(changed.min()) >= (t - field) * HOP and int(changed.max()) < (t + 1 + field) * HOP
    return mel, f0, raised


def test_fine_head_preset_bounds_its_reach_and_chunks_like_the_whole() -> None:
    """The 256-point head (hop 64, one x4 stage) of the shipped speech vocoder: its 4-frame window
    spans more of a mel frame than the 64-point heads', which its receptive field must count."""
    torch.manual_seed(0)
    model = build("nsf-istft-hifigan", "nsf_istft_hifigan_fine_hn").eval()
    assert (model.head.n_fft, model.head.hop, model.backbone.samples_per_frame) == (256, 64, 4)
    mel, f0, whole = assert_frame_reach_within_field(model, frames=90)
    scale = float((whole - whole.mean()).abs().max())
    chunked = render(model, mel, f0, chunk_frames=44)  # three chunks, the default overlap
    assert float((chunked - whole).abs().max()) <= CHUNK_TOLERANCE * scale


def test_chunks_bound_the_working_memory() -> None:
    """Each generator call sees at most chunk + 2 * overlap frames, however long the input:
    activations are those of one chunk, only the output buffer grows with length."""
    model = tiny("hifigan")
    seen: list[int] = []
    original = model.generate

    def spy(mel: torch.Tensor, f0: object, position: object) -> torch.Tensor:
        seen.append(mel.shape[-1])
        return original(mel, None, position)  # type: ignore[arg-type]

    model.generate = spy  # type: ignore[method-assign]
    for frames in (250, 1000):
        seen.clear()
        wav = model.infer(torch.randn(1, 80, frames), chunk_frames=100, overlap_frames=20)
        assert wav.shape == (1, frames * HOP)
        assert len(seen) == math.ceil(frames / 100)
        assert max(seen) == 100 + 2 * 20
    with pytest.raises(InputError, match="chunk_frames"):
        model.infer(torch.randn(1, 80, 10), chunk_frames=10, overlap_frames=11)


# ----------------------------------------------------------------------------- bad input


def test_bad_input_is_an_input_error() -> None:
    model, nsf = tiny("hifigan"), tiny("nsf")
    mel, f0 = inputs(frames=6)
    with pytest.raises(InputError, match=r"\[B, 80, T\].*\(1, 40, 6\)"):
        model(torch.zeros(1, 40, 6))
    with pytest.raises(InputError, match=r"\[B, 80, T\]"):
        model(torch.zeros(80, 6))
    with pytest.raises(InputError, match="empty"):
        model(torch.zeros(1, 80, 0))
    bad = mel.clone()
    bad[0, 3, 2] = float("nan")
    with pytest.raises(InputError, match="NaN"):
        model.infer(bad)
    with pytest.raises(InputError, match="needs an F0 curve"):
        nsf(mel)
    with pytest.raises(InputError, match=r"shape \[B, T\]"):
        nsf(mel, f0[:, :4])
    for value, message in ((float("nan"), "NaN"), (-5.0, r"\[0, 11025\)"), (SR / 2, r"\[0, 11025\)")):
        wrong = f0.clone()
        wrong[0, 1] = value
        with pytest.raises(InputError, match=message):
            nsf.infer(mel, wrong)
    # silence (the log floor everywhere) and an all-unvoiced F0 are fine
    quiet = torch.full((1, 80, 6), math.log(AUDIO.log_floor))
    assert bool(torch.isfinite(render(nsf, quiet, torch.zeros(1, 6))).all())


# ----------------------------------------------------------------------------- NSF source


def _cents(measured: np.ndarray, reference: np.ndarray) -> np.ndarray:
    return 1200 * np.abs(np.log2(measured / reference))


@pytest.mark.parametrize("contour", ["110", "220", "440", "glide"])
def test_nsf_source_fundamental_follows_f0(contour: str) -> None:
    """The sine source's fundamental, measured with the project's pitch tracker, is the input F0."""
    model = tiny("nsf")
    frames = 120
    target = (np.geomspace(180.0, 360.0, frames) if contour == "glide"
              else np.full(frames, float(contour)))
    f0 = torch.tensor(target, dtype=torch.float32)[None]
    waves, voiced = model.source.sines(f0, ChunkPosition())
    assert waves.shape == (1, model.config.harmonics + 1, frames * HOP) and bool(voiced.all())
    track = extract_f0(waves[0, 0].numpy(), AUDIO, PitchConfig(method="dio"))
    inner = slice(3, frames - 3)  # the tracker's own edge frames
    assert track.voiced[inner].all()
    error = _cents(track.f0[inner].astype(np.float64), target[inner])
    assert np.median(error) < 3.0 and error.max() < 10.0, error.max()  # the tracker's own accuracy
    # tracker-free: one upward zero crossing per elapsed F0 period
    fundamental = waves[0, 0].numpy()
    upward = int(np.sum((fundamental[:-1] < 0) & (fundamental[1:] >= 0)))
    periods = float(model.source.frame_cycles(f0).sum())
    assert math.floor(periods) - 1 <= upward <= math.floor(periods)  # the last period may be unfinished


def test_nsf_source_harmonics_voicing_and_phase_bookkeeping() -> None:
    model = tiny("nsf")
    source = model.source
    f0 = torch.tensor([[0.0, 0.0, 200.0, 210.0, 220.0, 0.0, 3000.0, 3000.0]])
    waves, voiced = source.sines(f0, ChunkPosition())
    # voicing switches half-way between frames (frame t sits at sample t * hop)
    assert voiced[0, 0, : 2 * HOP - HOP // 2].sum() == 0 and voiced[0, 0, 2 * HOP - HOP // 2] == 1
    assert bool((waves[:, :, voiced[0, 0] == 0] == 0).all())
    # harmonics above Nyquist are silent: at 3 kHz only orders 1-3 are below 11.025 kHz
    tail = waves[0, :, 7 * HOP:]
    assert float(tail[:3].abs().max()) > 0.9 and float(tail[3:].abs().max()) == 0.0
    # per-frame cycles agree with integrating the upsampled F0, so chunks start in phase
    cycles = source.frame_cycles(f0)
    assert torch.allclose(cycles.sum(1), source.upsample(f0).sum(1) / SR, atol=1e-9)
    # noise: a function of the absolute sample index, normal, and fresh per call in training
    noise = index_noise(2, 0, 40000, seed=3, device=torch.device("cpu"))
    assert torch.equal(index_noise(2, 100, 50, seed=3, device=torch.device("cpu")), noise[:, 100:150])
    assert abs(float(noise.mean())) < 0.03 and abs(float(noise.std()) - 1.0) < 0.03
    assert float(torch.corrcoef(noise)[0, 1]) < 0.03
    # the table wraps: a chunk that crosses the period's end continues the same sequence
    from tts.models.layers.vocoder_blocks import NOISE_PERIOD
    long = index_noise(1, NOISE_PERIOD - 1000, 3000, seed=3, device=torch.device("cpu"))
    assert torch.equal(index_noise(1, NOISE_PERIOD + 500, 20, seed=3, device=torch.device("cpu")),
                       long[:, 1500:1520])
    assert not torch.equal(index_noise(1, 0, 50, seed=4, device=torch.device("cpu")), noise[:1, :50])
    mel, g = inputs(frames=8)
    model.train()
    with torch.no_grad():
        assert not torch.equal(model(mel, g), model(mel, g))
    model.eval()
    assert torch.equal(render(model, mel, g), render(model, mel, g))


@pytest.mark.parametrize("kind", ["nsf", "nsf-istft", "nsf-istft-noise"])
def test_source_filter_output_depends_on_f0(kind: str) -> None:
    model = tiny(kind)
    with pytest.raises(InputError, match="needs an F0 curve"):
        model(inputs(frames=4)[0])
    mel, f0 = inputs(frames=20)
    low, high = render(model, mel, f0), render(model, mel, f0 * 2)
    assert low.shape == high.shape == (1, 20 * HOP)
    assert float((low - high).abs().max()) > 0.01 * float(low.abs().max())


def test_source_filter_head_passes_the_excitation_through() -> None:
    """NSF-iSTFT's head with unit gain and no free part returns the excitation itself (the STFT and
    inverse STFT on the same frames reconstruct it), so the output carries the source's pitch exactly."""
    model = tiny("nsf-istft")
    head = model.head
    with torch.no_grad():
        head.conv.parametrizations.weight.original0.zero_()  # weight-norm magnitude 0: no weights
        head.conv.bias.zero_()  # log-gain 0: unit gain on every bin
        head.conv.bias[head.bins: 2 * head.bins].fill_(-60.0)  # free magnitude e^-60: nothing
    mel, f0 = inputs(frames=40)
    with torch.no_grad():
        wav = model(mel, f0)
        excitation = model.excitation(f0)[:, 0]
    assert wav.shape == excitation.shape == (1, 40 * HOP)
    torch.testing.assert_close(wav, excitation, atol=1e-5, rtol=0)


def test_filtered_noise_head_adds_noise_not_a_learned_phase() -> None:
    """With free_part: noise, the head's free part is the spectrum of white noise under a learned
    magnitude: with no excitation and unit magnitude the output is that noise itself, the same
    noise for any chunking, and different from the source's own noise."""
    model = tiny("nsf-istft-noise")
    head = model.head
    assert head.outputs_per_bin == 2
    with torch.no_grad():
        head.conv.parametrizations.weight.original0.zero_()
        head.conv.bias.zero_()  # unit magnitude on the noise
        head.conv.bias[: head.bins].fill_(-60.0)  # gain e^-60 on the excitation: nothing
    mel, f0 = inputs(frames=40)
    with torch.no_grad():
        wav = model(mel, f0)[0]
        again = model(mel, f0 * 2)[0]
    assert float(wav.std()) > 0.5  # unit-variance noise, reconstructed by the STFT and its inverse
    torch.testing.assert_close(wav, again)  # no excitation: the F0 does not matter
    with torch.no_grad():
        excitation = model.excitation(f0)[0, 0]
    assert abs(float(torch.corrcoef(torch.stack([wav, excitation]))[0, 1])) < 0.05
    with pytest.raises(ConfigError, match="free_part"):
        dataclasses.replace(TINY_NSF_ISTFT, free_part="phase")
    with pytest.raises(ConfigError, match="filter_rate: mel needs free_part: noise"):
        dataclasses.replace(TINY_NSF_ISTFT, filter_rate="mel")


def test_a_mel_rate_filter_cannot_pulse_within_a_frame() -> None:
    """at_mel_rate keeps what changes from frame to frame (a ramp) and removes any pattern that
    repeats inside every mel frame (what would make a pulse at the frame rate)."""
    from tts.models.nsf_istft import at_mel_rate

    per_frame, frames = 16, 10
    pulse = torch.zeros(per_frame)
    pulse[0] = 5.0  # one spike per mel frame: a frame-rate pulse train
    values = pulse.repeat(frames)[None, None, :]  # [1, 1, 160]
    torch.testing.assert_close(at_mel_rate(values, per_frame), torch.full_like(values, 5.0 / per_frame))
    ramp = torch.arange(frames, dtype=torch.float32).repeat_interleave(per_frame)[None, None, :]
    smooth = at_mel_rate(ramp, per_frame)[0, 0]
    inner = torch.arange(1, frames - 1)
    centres = (smooth[inner * per_frame + per_frame // 2 - 1] + smooth[inner * per_frame + per_frame // 2]) / 2
    torch.testing.assert_close(centres, inner.float())  # each frame's value at its centre
    assert torch.all(smooth[per_frame // 2 : -per_frame // 2].diff() > 0)  # and a steady rise between them


@pytest.mark.parametrize("top_hz", [400.0, 3000.0])
def test_nsf_source_is_the_merged_harmonics_plus_noise(top_hz: float) -> None:
    """The source's shortcuts (the sine series by Clenshaw's recurrence below 1.1 kHz, one matrix
    product above, the shared noise entering once) give the NSF definition: tanh of the 1x1 merge of
    ``sine_amplitude * sines + noise * noise_amplitude`` over every harmonic."""
    from tts.models.nsf import UNVOICED_NOISE_RATIO, sine_series

    theta = torch.linspace(-20.0, 20.0, 1001, dtype=torch.float64)
    weights = torch.randn(9, dtype=torch.float64)
    explicit = sum(w * torch.sin((k + 1) * theta) for k, w in enumerate(weights))
    torch.testing.assert_close(sine_series(theta, weights), explicit, atol=1e-10, rtol=0)
    source = tiny("nsf").eval().source
    torch.nn.init.normal_(source.merge.weight)
    f0 = torch.cat([torch.zeros(1, 3), torch.linspace(90.0, top_hz, 20)[None], torch.zeros(1, 3)], dim=1)
    waves, voiced = source.sines(f0, ChunkPosition())
    noise = index_noise(1, 0, waves.shape[-1], source.noise_seed, torch.device("cpu"))[:, None, :]
    noise_amp = voiced * source.noise_std + (1 - voiced) * source.sine_amplitude * UNVOICED_NOISE_RATIO
    with torch.no_grad():
        expected = torch.tanh(source.merge(waves * source.sine_amplitude + noise * noise_amp))
        torch.testing.assert_close(source(f0, ChunkPosition()), expected, atol=2e-6, rtol=0)


def test_polyphase_upsampling_equals_the_transposed_convolution_and_follows_weight_changes() -> None:
    """The polyphase form gives ``conv_transpose1d``'s output with gradients on and off; without
    gradients its rearranged kernel is kept between calls, and rebuilt when the weights change in place
    (as ``load_state_dict`` changes them)."""
    from tts.models.layers.vocoder_blocks import PolyphaseConvTranspose1d

    torch.manual_seed(0)
    up = PolyphaseConvTranspose1d(6, 4, 8, stride=4, padding=2)
    x = torch.randn(2, 6, 11)
    reference = nn.functional.conv_transpose1d(x, up.weight, up.bias, stride=4, padding=2)  # [B, 4, 44]
    torch.testing.assert_close(up(x), reference, atol=1e-5, rtol=1e-5)
    with torch.inference_mode():
        torch.testing.assert_close(up(x), reference, atol=1e-5, rtol=1e-5)
        kept = up._derived_weights["phases"].value
        up(x)
        assert up._derived_weights["phases"].value is kept  # unchanged weights: not rebuilt
    with torch.no_grad():
        up.weight.mul_(-2.0)
        up.bias.add_(1.0)
    changed = nn.functional.conv_transpose1d(x, up.weight, up.bias, stride=4, padding=2)
    with torch.inference_mode():
        torch.testing.assert_close(up(x), changed, atol=1e-5, rtol=1e-5)
    (grad,) = torch.autograd.grad(up(x).square().sum(), up.weight)  # with gradients: part of the graph
    (grad_ref,) = torch.autograd.grad(nn.functional.conv_transpose1d(x, up.weight, up.bias, stride=4,
                                                                     padding=2).square().sum(), up.weight)
    torch.testing.assert_close(grad, grad_ref, atol=1e-4, rtol=1e-4)


@pytest.mark.parametrize("kind", KINDS)
def test_inference_path_computes_what_training_computes(kind: str) -> None:
    """Without gradients the generators run channels-last (upsampling, residual blocks, NSF injection);
    with them, plain 1-D convolutions: the same waveform."""
    model = tiny(kind)
    mel, f0 = inputs(frames=40, batch=2)
    f0_arg = f0 if model.needs_f0 else None
    trained_path = model(mel, f0_arg)  # gradients on
    assert trained_path.requires_grad
    with torch.inference_mode():
        fast = model(mel, f0_arg)
    scale = float(trained_path.detach().abs().max())
    torch.testing.assert_close(fast, trained_path.detach(), atol=1e-5 * max(scale, 1.0), rtol=1e-4)


@pytest.mark.parametrize("kind", [1, 2])
def test_residual_blocks_compute_the_same_channels_last_at_inference(kind: int) -> None:
    """Without gradients the MRF runs channels-last 2-D convolutions (faster on CPUs); the result is
    the 1-D path's, tiled or not."""
    from tts.models.layers.vocoder_blocks import TILE_ELEMENTS, MultiReceptiveField

    torch.manual_seed(0)
    mrf = MultiReceptiveField(16, kind, (3, 5), ((1, 2), (2, 6))).eval()
    for length in (50, 3 * TILE_ELEMENTS // (2 * 16)):  # one call; three tiles with halos
        x = torch.randn(2, 16, length)
        reference = mrf(x)  # gradients on: the 1-D path
        with torch.inference_mode():
            fast = mrf(x)
        assert fast.shape == reference.shape and fast.is_contiguous()
        torch.testing.assert_close(fast, reference.detach(), atol=1e-5, rtol=1e-5)


def test_mel_frame_means_equal_averaging_the_convolution() -> None:
    """The head's mel-rate shortcut (one strided convolution with a box-filtered kernel) gives what
    averaging the full-rate convolution's outputs over each mel frame gives, gradients included."""
    from tts.models.nsf_istft import at_mel_rate, between_frames, mel_frame_means

    torch.manual_seed(0)
    conv = nn.Conv1d(6, 5, 7, padding=3)
    x = torch.randn(2, 6, 8 * 12, requires_grad=True)
    reference = conv(x).reshape(2, 5, 12, 8).mean(dim=-1)  # [B, O, T]
    shortcut = mel_frame_means(conv, x, 8)
    torch.testing.assert_close(shortcut, reference, atol=1e-5, rtol=1e-5)
    torch.testing.assert_close(between_frames(shortcut, 96), at_mel_rate(conv(x), 8), atol=1e-5, rtol=1e-5)
    (grad_short,) = torch.autograd.grad(shortcut.square().sum(), conv.weight)
    (grad_ref,) = torch.autograd.grad(reference.square().sum(), conv.weight)
    torch.testing.assert_close(grad_short, grad_ref, atol=1e-4, rtol=1e-4)
    with torch.no_grad():  # without gradients the box-filtered kernel is kept, and rebuilt when the weights change
        torch.testing.assert_close(mel_frame_means(conv, x, 8), reference, atol=1e-5, rtol=1e-5)
        conv.weight.mul_(0.5)
        torch.testing.assert_close(mel_frame_means(conv, x, 8), conv(x).reshape(2, 5, 12, 8).mean(dim=-1),
                                   atol=1e-5, rtol=1e-5)


@pytest.mark.parametrize("kind", ["istft", "nsf-istft"])
def test_band_limit_silences_the_bins_above_it(kind: str) -> None:
    """``band_limit_hz`` zeroes the head's bins above it: no energy beyond the next bin's main lobe."""
    cls, config = TINY[kind]
    mel, f0 = inputs(frames=60)
    above = {}
    for limit in (0.0, 4000.0):
        torch.manual_seed(0)
        model = cls(dataclasses.replace(config, band_limit_hz=limit), AUDIO).eval()
        with torch.no_grad():
            wav = model(mel, f0)[0].numpy()
        power = np.abs(np.fft.rfft(wav)) ** 2
        freqs = np.fft.rfftfreq(wav.shape[0], 1 / SR)
        above[limit] = power[freqs > 4000 + 2 * SR / 64].sum() / power.sum()  # past the kept bins' window lobes
    assert model.head.kept_bins == 12  # 64-point bins every 344.5 Hz: 0 .. 3790 Hz kept
    assert above[4000.0] < 1e-3 and above[4000.0] < 0.05 * above[0.0], above
    with pytest.raises(ConfigError, match="band_limit_hz"):
        dataclasses.replace(config, band_limit_hz=-1.0)


# ----------------------------------------------------------------------------- inference precision


@pytest.mark.parametrize("kind", KINDS)
def test_bfloat16_inference_stays_close_to_float32(kind: str) -> None:
    model = tiny(kind)
    model.remove_weight_norm()
    mel, f0 = inputs(frames=60)
    full = render(model, mel, f0)
    model.set_precision("bfloat16")
    half = render(model, mel, f0)
    chunked = render(model, mel, f0, chunk_frames=25, overlap_frames=2 * math.ceil(model.receptive_field()))
    assert half.dtype == chunked.dtype == torch.float32  # the waveform head runs in float32
    error = float((half - full).pow(2).mean() / full.pow(2).mean())
    assert 0.0 < error < 1e-3, error  # it does change the arithmetic, by well under -30 dB
    model.set_precision("float32")
    assert torch.equal(render(model, mel, f0), full)


def test_precision_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    cpu = torch.device("cpu")
    assert pick_precision("float32", cpu) == "float32" and pick_precision("bfloat16", cpu) == "bfloat16"
    monkeypatch.setattr(torch.cpu, "_is_avx512_bf16_supported", lambda: False)
    monkeypatch.setattr(torch.cpu, "_is_amx_tile_supported", lambda: False)
    assert pick_precision("auto", cpu) == "float32"  # emulated bfloat16 would be slower
    monkeypatch.setattr(torch.cpu, "_is_avx512_bf16_supported", lambda: True)
    assert pick_precision("auto", cpu) == "bfloat16"
    with pytest.raises(InputError, match="unknown vocoder precision 'fp8'"):
        pick_precision("fp8", cpu)
    with pytest.raises(InputError, match="unknown vocoder precision"):
        tiny("hifigan").set_precision("half")


# ----------------------------------------------------------------------------- weight norm, training


@pytest.mark.parametrize("kind", KINDS)
def test_weight_norm_removal_keeps_the_output(kind: str) -> None:
    model = tiny(kind)
    mel, f0 = inputs(frames=12)
    before = render(model, mel, f0)
    keys = set(model.state_dict())
    assert any("parametrizations.weight" in k for k in keys)
    assert model.remove_weight_norm() > 0
    assert not any("parametrizations" in k for k in model.state_dict())
    assert torch.allclose(render(model, mel, f0), before, atol=1e-6 * float(before.abs().max()) + 1e-9)


@pytest.mark.parametrize("kind", KINDS)
def test_generators_train(kind: str) -> None:
    """A few Adam steps on one waveform lower the mel-L1 loss (gradients reach every weight)."""
    model = tiny(kind).train()
    mel_fn = MelExtractor(AUDIO)
    t = torch.arange(16 * HOP) / SR
    target = 0.3 * torch.sin(2 * math.pi * 220.0 * t)[None]
    mel = mel_fn(target)[:, :, :16]
    f0 = torch.full((1, 16), 220.0)
    optimizer = torch.optim.Adam(model.parameters(), lr=2e-3)
    losses = []
    for _ in range(20):  # filtered-noise heads start slower (faint output) and then fall faster
        loss = mel_l1_loss(mel_fn, model(mel, f0), target)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(float(loss.detach()))
    assert losses[-1] < 0.8 * losses[0]
    assert all(p.grad is not None for p in model.parameters())


# ----------------------------------------------------------------------------- discriminators, losses


def test_discriminator_output_structure() -> None:
    torch.manual_seed(0)
    disc = Discriminators(TINY_DISCRIMINATOR)
    wav = torch.randn(2, 1, 4001, requires_grad=True)  # not a multiple of any period
    outputs = disc(wav)
    config = TINY_DISCRIMINATOR
    assert len(outputs) == len(config.periods) + config.scales == 8
    for i, out in enumerate(outputs):
        assert isinstance(out, DiscriminatorOutput) and out.logits.dim() == 2 and out.logits.shape[0] == 2
        layers = len(config.mpd_channels if i < len(config.periods) else config.msd_channels) + 1
        assert len(out.features) == layers and all(f.shape[0] == 2 for f in out.features)
    mpd2 = outputs[0].features[0]  # period 2: [B, C, ceil(S / 2 / 3), 2]
    assert mpd2.shape == (2, 4, math.ceil(math.ceil(4001 / 2) / 3), 2)
    scale_lengths = [out.logits.shape[1] for out in outputs[len(config.periods):]]
    assert scale_lengths[0] > scale_lengths[1] > scale_lengths[2]  # pooled x2 per scale
    discriminator_loss(outputs, outputs).backward()
    assert wav.grad is not None and float(wav.grad.abs().sum()) > 0
    full = sum(p.numel() for p in Discriminators(DiscriminatorConfig()).parameters())
    assert abs(full - 70.7e6) / 70.7e6 < 0.01  # the paper's MPD + MSD
    with pytest.raises(ConfigError, match="groups"):
        DiscriminatorConfig(msd_channels=(16, 18, 32, 32))
    with pytest.raises(ConfigError, match="equal lengths"):
        DiscriminatorConfig(msd_kernels=(15, 41))


def _outputs(logit: float, feature: float, discriminators: int = 3, layers: int = 2) -> list[DiscriminatorOutput]:
    return [DiscriminatorOutput(logits=torch.full((2, 5), logit), features=[torch.full((2, 3, 4), feature)] * layers)
            for _ in range(discriminators)]


def test_least_squares_losses_on_known_outputs() -> None:
    real_ok, fake_ok = _outputs(1.0, 0.0), _outputs(0.0, 0.0)
    assert float(discriminator_loss(real_ok, fake_ok)) == 0.0  # a perfect discriminator
    assert float(discriminator_loss(fake_ok, real_ok)) == pytest.approx(3 * 2.0)  # exactly wrong: 1 + 1 each
    assert float(discriminator_loss(_outputs(0.5, 0), _outputs(0.5, 0))) == pytest.approx(3 * 0.5)
    assert float(generator_adversarial_loss(real_ok)) == 0.0  # fakes taken for real
    assert float(generator_adversarial_loss(fake_ok)) == pytest.approx(3.0)
    assert float(feature_matching_loss(_outputs(0, 1.0), _outputs(0, 1.0))) == 0.0
    assert float(feature_matching_loss(_outputs(0, 1.0), _outputs(0, 1.25))) == pytest.approx(3 * 2 * 0.25)
    with pytest.raises(ValueError):
        discriminator_loss(real_ok, fake_ok[:2])
    # feature matching pulls the fake towards the real features only
    fake = _outputs(0, 1.0)
    fake[0].features[0] = torch.zeros(2, 3, 4, requires_grad=True)
    real = _outputs(0, 2.0)
    real[0].features[0] = torch.ones(2, 3, 4, requires_grad=True)
    feature_matching_loss(real, fake).backward()
    assert fake[0].features[0].grad is not None and real[0].features[0].grad is None


def test_mel_l1_loss_values() -> None:
    mel = MelExtractor(AUDIO)
    t = torch.arange(8000) / SR
    wav = (0.5 * torch.sin(2 * math.pi * 330.0 * t) + 0.3 * torch.sin(2 * math.pi * 1234.0 * t))[None]
    assert float(mel_l1_loss(mel, wav, wav)) == 0.0
    # doubling the amplitude adds ln 2 to every log-mel value above the floor
    loud = mel(wav) > math.log(AUDIO.log_floor) + 1.0
    diff = (mel(2 * wav) - mel(wav))[loud]
    assert torch.allclose(diff, torch.full_like(diff, math.log(2.0)), atol=1e-4)
    assert float(mel_l1_loss(mel, 2 * wav, wav)) > 0.3
    # a shorter fake is compared over its own frames
    short = wav[:, :-300]
    frames = mel(short).shape[-1]
    expected = (mel(short) - mel(wav)[..., :frames]).abs().mean()
    assert float(mel_l1_loss(mel, short, wav)) == pytest.approx(float(expected))
