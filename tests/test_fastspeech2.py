"""FastSpeech 2: shapes, masking, losses, controls, length regulation, sizes, and an overfit run."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest
import torch
import torch.nn.functional as F

from tts.errors import ConfigError, InputError
from tts.models import (
    FASTSPEECH2_PRESETS,
    AcousticBatch,
    Controls,
    FastSpeech2,
    FastSpeech2Config,
    FeatureStats,
    fastspeech2_preset,
)
from tts.models.layers import masked_mean, sequence_mask
from tts.models.variance import (
    POSITION_FEATURES,
    average_by_duration,
    expand_to_frames,
    frame_index,
    phoneme_position_features,
)
from tts.registry import ACOUSTIC_MODELS
from tts.text.symbols import NUM_TONES, PHONEMES

N_MELS = 20
STATS = FeatureStats(pitch_mean=math.log(200.0), pitch_std=0.3, energy_mean=30.0, energy_std=12.0)
PHONEME_LENGTHS = (9, 6, 3)  # a batch of 3 with different lengths
FORCED_FRAMES = 10  # durations forced through the duration predictor's bias in control tests
OVERFIT_STEPS = 120  # Adam steps on two utterances
OVERFIT_FACTOR = 5.0  # how much each loss must shrink in those steps

TINY = FastSpeech2Config(
    hidden_dim=32,
    encoder_layers=1,
    decoder_layers=1,
    attention_heads=2,
    ffn_dim=64,
    ffn_kernel_sizes=(3, 1),
    encoder_dropout=0.0,
    decoder_dropout=0.0,
    predictor_hidden=32,
    predictor_dropout=0.0,
    n_bins=16,
    postnet_channels=32,
    postnet_layers=3,
    postnet_dropout=0.0,
)


def build(config: FastSpeech2Config = TINY, n_speakers: int = 1, seed: int = 0) -> FastSpeech2:
    torch.manual_seed(seed)
    return FastSpeech2(
        config,
        n_mels=N_MELS,
        n_vocab=len(PHONEMES),
        n_tones=NUM_TONES,
        n_speakers=n_speakers,
        stats=STATS,
    )


def make_batch(
    lengths: tuple[int, ...] = PHONEME_LENGTHS, seed: int = 1, speakers: bool = False
) -> AcousticBatch:
    """Random padded training batch; padding positions hold zeros."""
    gen = torch.Generator().manual_seed(seed)
    n_ph = max(lengths)
    phoneme_lengths = torch.tensor(lengths)
    ph_mask = sequence_mask(phoneme_lengths, n_ph)
    durations = torch.randint(1, 5, (len(lengths), n_ph), generator=gen) * ph_mask.long()
    mel_lengths = durations.sum(dim=1)
    n_frames = int(mel_lengths.max())
    fr_mask = sequence_mask(mel_lengths, n_frames).float()
    return AcousticBatch(
        phonemes=torch.randint(1, len(PHONEMES), (len(lengths), n_ph), generator=gen)
        * ph_mask.long(),
        tones=torch.randint(0, NUM_TONES, (len(lengths), n_ph), generator=gen) * ph_mask.long(),
        phoneme_lengths=phoneme_lengths,
        speakers=torch.arange(len(lengths)) if speakers else None,
        mel=torch.randn(len(lengths), N_MELS, n_frames, generator=gen) * fr_mask[:, None, :],
        mel_lengths=mel_lengths,
        durations=durations,
        pitch=torch.randn(len(lengths), n_frames, generator=gen) * fr_mask,
        uv=(torch.rand(len(lengths), n_frames, generator=gen) > 0.7).float() * fr_mask,
        energy=torch.randn(len(lengths), n_frames, generator=gen) * fr_mask,
    )


def phonemes_only(batch: AcousticBatch) -> AcousticBatch:
    return AcousticBatch(
        phonemes=batch.phonemes,
        tones=batch.tones,
        phoneme_lengths=batch.phoneme_lengths,
        speakers=batch.speakers,
    )


def force_durations(model: FastSpeech2, frames: int) -> None:
    """Make the duration predictor output log(1 + frames) everywhere."""
    head = model.variance.duration_predictor.proj
    with torch.no_grad():
        head.weight.zero_()
        head.bias.fill_(math.log1p(frames))


def force_voicing(model: FastSpeech2, uv_logit: float) -> None:
    """Make the uv head output ``uv_logit`` everywhere (< 0 voiced, > 0 unvoiced)."""
    head = model.variance.pitch_predictor.proj
    with torch.no_grad():
        head.weight[1].zero_()
        head.bias[1] = uv_logit


# ----------------------------------------------------------------------------- shapes and losses


@pytest.mark.parametrize("level", ["frame", "phoneme"])
def test_forward_shapes_and_losses(level: str) -> None:
    model = build(replace(TINY, variance_level=level))
    batch = make_batch()
    out = model(batch)
    n_frames = batch.mel.shape[-1]
    assert out.mel.shape == (3, N_MELS, n_frames)
    assert out.postnet_mel is not None and out.postnet_mel.shape == out.mel.shape
    assert torch.equal(out.frame_mask.sum(dim=1), batch.mel_lengths)
    positions = max(PHONEME_LENGTHS) if level == "phoneme" else n_frames
    assert out.variance.predictions.pitch.shape == (3, positions)
    losses = model.loss(batch, out)
    expected = ("mel", "postnet_mel", "duration", "pitch", "uv", "energy")
    assert tuple(losses) == model.loss_names == expected
    for name, value in losses.items():
        assert value.dim() == 0 and torch.isfinite(value), name
    sum(losses.values()).backward()
    assert all(p.grad is not None for p in model.variance.pitch_predictor.parameters())


@pytest.mark.parametrize("level", ["frame", "phoneme"])
def test_infer_shapes(level: str) -> None:
    model = build(replace(TINY, variance_level=level)).eval()
    out = model.infer(phonemes_only(make_batch()))
    n_frames = int(out.mel_lengths.max())
    assert out.mel.shape == (3, N_MELS, n_frames)
    assert out.f0 is not None and out.f0.shape == (3, n_frames)
    assert out.durations.dtype == torch.long
    ph_mask = sequence_mask(torch.tensor(PHONEME_LENGTHS))
    assert bool((out.durations[ph_mask] >= 1).all()) and bool((out.durations[~ph_mask] == 0).all())
    assert torch.equal(out.durations.sum(dim=1), out.mel_lengths)
    frames = sequence_mask(out.mel_lengths, n_frames)
    assert bool((out.f0[~frames] == 0).all()) and bool((out.f0 >= 0).all())
    assert out.uv is not None and not bool(out.uv[~frames].any())


def test_without_postnet_and_uv_and_with_learned_positions() -> None:
    config = replace(
        TINY, use_postnet=False, predict_uv=False, positions="learned", max_positions=64
    )
    model = build(config)
    batch = make_batch()
    losses = model.loss(batch, model(batch))
    assert tuple(losses) == model.loss_names == ("mel", "duration", "pitch", "energy")
    out = model.eval().infer(phonemes_only(batch))
    assert out.uv is None
    frames = sequence_mask(out.mel_lengths, out.mel.shape[-1])
    assert bool((out.f0[frames] > 0).all())  # no voicing head: every real frame is voiced


def test_uv_loss_skipped_without_uv_target() -> None:
    model = build()
    batch = replace(make_batch(), uv=None)
    assert "uv" not in model.loss(batch, model(batch))


def test_durations_longer_than_mel_are_cut_to_the_mel() -> None:
    model = build()
    batch = make_batch()
    longer = batch.durations.clone()
    longer[1, PHONEME_LENGTHS[1] - 1] += 3  # utterance 1 now claims 3 frames more than its mel
    out = model(replace(batch, durations=longer))
    assert out.mel.shape[-1] == batch.mel.shape[-1]
    assert torch.equal(out.frame_mask.sum(dim=1), batch.mel_lengths)
    assert all(torch.isfinite(v) for v in model.loss(batch, out).values())


def test_training_batch_needs_targets() -> None:
    with pytest.raises(InputError, match="durations"):
        build()(replace(make_batch(), durations=None))


# ----------------------------------------------------------------------------- masking


@pytest.mark.parametrize("level", ["frame", "phoneme"])
@pytest.mark.parametrize("position", [False, True])
def test_padding_content_changes_nothing(level: str, position: bool) -> None:
    model = build(replace(TINY, variance_level=level, phoneme_position=position)).eval()
    batch = make_batch()
    dirty = replace(batch)
    ph_pad = ~sequence_mask(batch.phoneme_lengths, batch.phonemes.shape[1])
    fr_pad = ~sequence_mask(batch.mel_lengths, batch.mel.shape[-1])
    dirty.phonemes = batch.phonemes.masked_fill(ph_pad, 5)
    dirty.tones = batch.tones.masked_fill(ph_pad, 3)
    dirty.durations = batch.durations.masked_fill(ph_pad, 4)
    dirty.mel = batch.mel.masked_fill(fr_pad[:, None, :], 7.0)
    dirty.pitch = batch.pitch.masked_fill(fr_pad, -9.0)
    dirty.energy = batch.energy.masked_fill(fr_pad, 9.0)
    dirty.uv = batch.uv.masked_fill(fr_pad, 1.0)

    clean_out, dirty_out = model(batch), model(dirty)
    keep = ~fr_pad[:, None, :]
    assert torch.allclose(clean_out.postnet_mel * keep, dirty_out.postnet_mel * keep, atol=1e-5)
    clean_loss, dirty_loss = model.loss(batch, clean_out), model.loss(dirty, dirty_out)
    for name in clean_loss:
        assert torch.allclose(clean_loss[name], dirty_loss[name], atol=1e-5), name

    clean_inf, dirty_inf = model.infer(phonemes_only(batch)), model.infer(phonemes_only(dirty))
    assert torch.equal(clean_inf.durations, dirty_inf.durations)
    assert torch.allclose(clean_inf.mel, dirty_inf.mel, atol=1e-5)
    assert torch.allclose(clean_inf.f0, dirty_inf.f0, rtol=1e-4)


@pytest.mark.parametrize("level", ["frame", "phoneme"])
@pytest.mark.parametrize("position", [False, True])
def test_extra_padding_changes_nothing(level: str, position: bool) -> None:
    model = build(replace(TINY, variance_level=level, phoneme_position=position)).eval()
    batch = make_batch()
    extra_ph, extra_fr = 4, 7
    padded = replace(
        batch,
        phonemes=F.pad(batch.phonemes, (0, extra_ph)),
        tones=F.pad(batch.tones, (0, extra_ph)),
        durations=F.pad(batch.durations, (0, extra_ph)),
        mel=F.pad(batch.mel, (0, extra_fr)),
        pitch=F.pad(batch.pitch, (0, extra_fr)),
        uv=F.pad(batch.uv, (0, extra_fr)),
        energy=F.pad(batch.energy, (0, extra_fr)),
    )
    losses, padded_losses = model.loss(batch, model(batch)), model.loss(padded, model(padded))
    for name in losses:
        assert torch.allclose(losses[name], padded_losses[name], atol=1e-5), name


def test_utterance_alone_equals_utterance_in_padded_batch() -> None:
    model = build().eval()
    batch = phonemes_only(make_batch())
    together = model.infer(batch)
    n = PHONEME_LENGTHS[2]
    alone = model.infer(
        AcousticBatch(
            phonemes=batch.phonemes[2:, :n],
            tones=batch.tones[2:, :n],
            phoneme_lengths=batch.phoneme_lengths[2:],
        )
    )
    frames = int(alone.mel_lengths[0])
    assert int(together.mel_lengths[2]) == frames
    assert torch.allclose(together.mel[2, :, :frames], alone.mel[0], atol=1e-5)


def test_masked_mean_ignores_padding() -> None:
    values = torch.tensor([[1.0, 3.0, 100.0], [5.0, -50.0, -50.0]])
    mask = torch.tensor([[True, True, False], [True, False, False]])
    assert float(masked_mean(values, mask)) == pytest.approx(3.0)
    assert float(masked_mean(values[..., None].expand(2, 3, 4), mask)) == pytest.approx(3.0)


# ----------------------------------------------------------------------------- length regulation


def test_frame_index_matches_repeat_interleave() -> None:
    durations = torch.tensor([[2, 0, 3, 1], [1, 4, 0, 0]])
    x = torch.arange(8, dtype=torch.float32).view(2, 4, 1).expand(2, 4, 3)  # [B, T_ph, C]
    index = frame_index(durations)
    assert torch.equal(index.lengths, torch.tensor([6, 5]))
    expanded = expand_to_frames(x, index)
    for b in range(2):
        reference = torch.repeat_interleave(x[b], durations[b], dim=0)  # [T_b, C]
        assert torch.equal(expanded[b, : len(reference)], reference)
        assert bool((expanded[b, len(reference) :] == 0).all())
    cut = frame_index(durations, n_frames=4)  # fixed length: truncates the longer utterances
    assert torch.equal(cut.lengths, torch.tensor([4, 4]))
    assert torch.equal(frame_index(durations, n_frames=9).mask.sum(dim=1), torch.tensor([6, 5]))


def test_phoneme_position_features() -> None:
    durations = torch.tensor([[2, 0, 3, 1], [4, 0, 0, 0]])
    features = phoneme_position_features(frame_index(durations, n_frames=7), durations)  # [B, T, 8]
    assert features.shape == (2, 7, POSITION_FEATURES)
    r = torch.tensor([[1 / 4, 3 / 4, 1 / 6, 1 / 2, 5 / 6, 1 / 2, 0.0], [1 / 8, 3 / 8, 5 / 8, 7 / 8, 0.0, 0.0, 0.0]])
    length = torch.tensor([[2.0, 2, 3, 3, 3, 1, 0], [4, 4, 4, 4, 0, 0, 0]])
    keep = (length > 0).float()
    assert torch.allclose(features[..., 0], r)
    for j in (1, 2, 3):
        assert torch.allclose(features[..., j], torch.sin(torch.pi * j * r) * keep, atol=1e-6)
        assert torch.allclose(features[..., 3 + j], torch.cos(torch.pi * j * r) * keep, atol=1e-6)
    assert torch.allclose(features[..., 7], torch.log1p(length) / 4.0)
    assert bool((features[0, 6] == 0).all()) and bool((features[1, 4:] == 0).all())  # padding frames


def _long_phoneme_batch(frames: int = 24) -> AcousticBatch:
    """One utterance of three phonemes of ``frames`` frames each; pitch rises through every phoneme."""
    batch = make_batch(lengths=(3,), seed=5)
    durations = torch.full((1, 3), frames)
    ramp = torch.linspace(-1.5, 1.5, frames).repeat(3)[None]  # [1, T]: a rising tone on each phoneme
    n = 3 * frames
    return replace(batch, durations=durations, mel_lengths=torch.tensor([n]), mel=batch.mel.new_zeros(1, N_MELS, n),
                   pitch=ramp, energy=torch.zeros(1, n), uv=torch.zeros(1, n))


@pytest.mark.parametrize("position", [False, True])
def test_phoneme_position_lets_pitch_move_inside_a_phoneme(position: bool) -> None:
    """Length regulation repeats a phoneme's vector, so without the position features a frame-level
    pitch predictor (2 convs of width 3 in TINY: 2 frames each side) is flat away from the edges."""
    model = build(replace(TINY, phoneme_position=position)).eval()
    batch = _long_phoneme_batch()
    with torch.no_grad():
        pitch = model(batch).variance.predictions.pitch[0, 24 + 2 : 48 - 2]  # the middle phoneme's inside
    assert (float(pitch.std()) > 1e-3) == position


def test_phoneme_position_learns_a_contour_inside_phonemes(single_thread: None) -> None:
    """The same steps fit a rising tone on each phoneme only with the position features."""
    batch = _long_phoneme_batch()
    final = {}
    for position in (False, True):
        model = build(replace(TINY, phoneme_position=position))
        optimizer = torch.optim.Adam(model.variance.parameters(), lr=3e-3)
        for _ in range(60):
            loss = model.loss(batch, model(batch))["pitch"]
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        final[position] = float(loss.detach())
    assert final[False] > 0.3  # a flat line leaves most of the ramp's variance (0.82)
    assert final[True] < final[False] / 10, final


def test_average_by_duration() -> None:
    durations = torch.tensor([[2, 0, 3], [1, 2, 0]])
    values = torch.tensor([[1.0, 3.0, 4.0, 5.0, 6.0, 99.0], [7.0, 1.0, 2.0, 99.0, 99.0, 99.0]])
    expected = torch.tensor([[2.0, 0.0, 5.0], [7.0, 1.5, 0.0]])
    assert torch.allclose(average_by_duration(values, durations), expected)


# ----------------------------------------------------------------------------- controls


@pytest.mark.parametrize("level", ["frame", "phoneme"])
def test_speed_scales_total_frames(level: str) -> None:
    model = build(replace(TINY, variance_level=level)).eval()
    force_durations(model, FORCED_FRAMES)
    batch = phonemes_only(make_batch())
    normal = model.infer(batch).mel_lengths
    assert torch.equal(normal, torch.tensor(PHONEME_LENGTHS) * FORCED_FRAMES)
    fast = model.infer(batch, Controls(speed=2.0)).mel_lengths
    slow = model.infer(batch, Controls(speed=0.5)).mel_lengths
    assert torch.equal(fast * 2, normal)
    assert torch.equal(slow, normal * 2)


@pytest.mark.parametrize("level", ["frame", "phoneme"])
def test_pitch_shift_of_an_octave_doubles_f0(level: str) -> None:
    model = build(replace(TINY, variance_level=level)).eval()
    force_voicing(model, -5.0)
    batch = phonemes_only(make_batch())
    base = model.infer(batch)
    up = model.infer(batch, Controls(pitch_shift=12.0))
    assert torch.equal(base.uv, up.uv) and torch.equal(base.mel_lengths, up.mel_lengths)
    voiced = base.f0 > 0
    assert torch.equal(voiced, sequence_mask(base.mel_lengths, base.mel.shape[-1]))
    ratio = up.f0[voiced] / base.f0[voiced]
    assert torch.allclose(ratio, torch.full_like(ratio, 2.0), rtol=1e-4)
    assert not torch.allclose(base.mel, up.mel)  # the pitch embedding moved with the shift


@pytest.mark.parametrize("level", ["frame", "phoneme"])
def test_unvoiced_frames_have_zero_f0(level: str) -> None:
    model = build(replace(TINY, variance_level=level)).eval()
    force_voicing(model, 5.0)
    out = model.infer(phonemes_only(make_batch()))
    assert bool(out.uv.sum(dim=1).eq(out.mel_lengths).all())
    assert bool((out.f0 == 0).all())


def test_pitch_scale_zero_flattens_contour() -> None:
    model = build().eval()
    force_voicing(model, -5.0)
    out = model.infer(phonemes_only(make_batch()), Controls(pitch_scale=0.0))
    for b in range(3):
        voiced = out.f0[b][out.f0[b] > 0]
        assert len(voiced) > 0
        assert torch.allclose(voiced, voiced[0].expand_as(voiced), rtol=1e-4)


def test_energy_scale_multiplies_energy() -> None:
    model = build().eval()
    batch = phonemes_only(make_batch())
    base = model.infer(batch)
    louder = model.infer(batch, Controls(energy_scale=2.0))
    frames = sequence_mask(base.mel_lengths, base.mel.shape[-1])
    assert torch.allclose(louder.energy[frames], 2.0 * base.energy[frames], rtol=1e-4, atol=1e-3)


def test_invalid_controls_rejected() -> None:
    with pytest.raises(InputError):
        Controls(speed=0.0)
    with pytest.raises(InputError):
        Controls(energy_scale=-1.0)


# --------------------------------------------------------------------- speakers, stats, config


def test_speakers_change_output_and_are_required() -> None:
    model = build(n_speakers=3).eval()
    one = make_batch(lengths=(5,), speakers=True)
    same_text = AcousticBatch(  # one utterance three times, spoken by speakers 0, 1 and 2
        phonemes=one.phonemes.expand(3, -1),
        tones=one.tones.expand(3, -1),
        phoneme_lengths=one.phoneme_lengths.expand(3),
        speakers=torch.arange(3),
        mel=one.mel.expand(3, -1, -1),
        mel_lengths=one.mel_lengths.expand(3),
        durations=one.durations.expand(3, -1),
        pitch=one.pitch.expand(3, -1),
        energy=one.energy.expand(3, -1),
    )
    mel = model(same_text).postnet_mel
    assert not torch.allclose(mel[0], mel[1]) and not torch.allclose(mel[1], mel[2])
    batch = phonemes_only(same_text)
    assert model.infer(batch).mel.shape[0] == 3
    with pytest.raises(InputError, match="speakers"):
        model.infer(replace(batch, speakers=None))


def test_mel_stats_denormalize_inference_output() -> None:
    mean, std = [float(i) for i in range(N_MELS)], [2.0] * N_MELS
    stats = replace(STATS, mel_mean=mean, mel_std=std)
    torch.manual_seed(0)
    plain = build().eval()
    scaled = FastSpeech2(TINY, N_MELS, len(PHONEMES), NUM_TONES, 1, stats).eval()
    scaled.load_state_dict(plain.state_dict())  # stats are not part of the weights
    batch = phonemes_only(make_batch())
    a, b = plain.infer(batch), scaled.infer(batch)
    frames = sequence_mask(a.mel_lengths, a.mel.shape[-1])[:, None, :]
    expected = a.mel * 2.0 + torch.tensor(mean)[None, :, None]
    assert torch.allclose(b.mel * frames, expected * frames, atol=1e-5)


def test_feature_stats_round_trip() -> None:
    f0 = torch.tensor([100.0, 200.0, 400.0])
    assert torch.allclose(STATS.denormalize_f0(STATS.normalize_f0(f0)), f0, rtol=1e-5)
    assert STATS.semitones_to_normalized(12.0) * STATS.pitch_std == pytest.approx(math.log(2.0))
    assert FeatureStats.from_dict(STATS.to_dict()) == STATS
    with pytest.raises(InputError, match="unknown"):
        FeatureStats.from_dict({**STATS.to_dict(), "pitch_median": 1.0})


def test_config_validation_and_yaml_lists() -> None:
    from_yaml = {"ffn_kernel_sizes": [9, 1], "pitch_range": [-3, 3]}  # lists, as YAML gives them
    config = FastSpeech2Config(**from_yaml)  # type: ignore[arg-type]
    assert config.ffn_kernel_sizes == (9, 1) and config.pitch_range == (-3.0, 3.0)
    with pytest.raises(ConfigError, match="divisible"):
        FastSpeech2Config(hidden_dim=30, attention_heads=4)
    with pytest.raises(ConfigError, match="odd"):
        FastSpeech2Config(predictor_kernel_size=4)
    with pytest.raises(ConfigError, match="variance_level"):
        FastSpeech2Config(variance_level="word")  # type: ignore[arg-type]
    with pytest.raises(ConfigError):
        fastspeech2_preset("fastspeech2_small", hidden=3)
    assert fastspeech2_preset("fastspeech2_small", n_bins=64).n_bins == 64


def test_registered_and_parameter_counts() -> None:
    cls = ACOUSTIC_MODELS.get("fastspeech2")
    assert cls is FastSpeech2 and cls.config_class is FastSpeech2Config
    counts = {}
    for name, config in FASTSPEECH2_PRESETS.items():
        model = cls(
            config, n_mels=80, n_vocab=len(PHONEMES), n_tones=NUM_TONES, n_speakers=1, stats=STATS
        )
        counts[name] = sum(p.numel() for p in model.parameters())
    assert 2_000_000 <= counts["fastspeech2_small"] <= 8_000_000
    assert 20_000_000 <= counts["fastspeech2"] <= 40_000_000  # paper: 27 M, plus a 4 M post-net


# ----------------------------------------------------------------------------- learning


def piecewise_batch() -> AcousticBatch:
    """Two utterances whose mel is a per-phoneme template plus noise: learnable, as speech is."""
    gen = torch.Generator().manual_seed(3)
    templates = torch.randn(len(PHONEMES), N_MELS, generator=gen)  # [V, n_mels]
    batch = make_batch(lengths=(8, 6), seed=4)
    index = frame_index(batch.durations, batch.mel.shape[-1])
    frame_ph = batch.phonemes.gather(1, index.phoneme)  # [B, T] phoneme id per frame
    keep = index.mask.float()
    mel = templates[frame_ph].transpose(1, 2) + 0.1 * torch.randn(batch.mel.shape, generator=gen)
    return replace(batch, mel=mel * keep[:, None, :])


@pytest.fixture
def single_thread():
    """Tiny models train faster on one thread than on cores shared with other work."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


def test_overfits_two_utterances(single_thread: None) -> None:
    model = build()
    batch = piecewise_batch()
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
    first: dict[str, float] = {}
    for _ in range(OVERFIT_STEPS):
        losses = model.loss(batch, model(batch))
        first = first or {k: float(v.detach()) for k, v in losses.items()}
        optimizer.zero_grad()
        sum(losses.values()).backward()
        optimizer.step()
    with torch.no_grad():
        last = {k: float(v) for k, v in model.loss(batch, model(batch)).items()}
    for name in ("mel", "postnet_mel", "duration", "pitch", "energy"):
        assert last[name] < first[name] / OVERFIT_FACTOR, (name, first, last)
