"""Griffin-Lim copy synthesis, and the Synthesizer: sentences, controls, speakers, vocoder pairing."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
import torch
from torch import Tensor, nn

from tts.audio.features import MelExtractor
from tts.audio.params import AudioConfig
from tts.config import ModelConfig, RunConfig
from tts.errors import InputError, VoiceError
from tts.models import FastSpeech2, FeatureStats
from tts.models.griffinlim import GriffinLim
from tts.registry import VOCODERS
from tts.synth.synthesizer import Synthesizer
from tts.synth.voice import export_voice, load_voice, resolve_model_config
from tts.text.symbols import NUM_TONES, PHONEMES

AUDIO = AudioConfig(sample_rate=16000, n_fft=256, hop_length=64, win_length=256, n_mels=20, fmax=8000.0)
TINY_PARAMS = {
    "hidden_dim": 16, "encoder_layers": 1, "decoder_layers": 1, "attention_heads": 2, "ffn_dim": 32,
    "ffn_kernel_sizes": [3, 1], "predictor_hidden": 16, "n_bins": 8, "use_postnet": False,
}  # fmt: skip
STATS = FeatureStats(pitch_mean=math.log(200.0), pitch_std=0.3, energy_mean=30.0, energy_std=12.0,
                     mel_mean=[-4.0] * AUDIO.n_mels, mel_std=[1.5] * AUDIO.n_mels)  # fmt: skip
FRAMES_PER_PHONEME = 8  # forced through the duration predictor's bias
GL_MAX_ERROR = 0.25  # copy-synthesis log-mel error; measured 0.18 (default audio, 32 iterations)
GL_RANDOM_PHASE_MIN_ERROR = 0.5  # the same without any iteration measured 0.73


# ----------------------------------------------------------------------------- Griffin-Lim


def harmonic_tone(audio: AudioConfig, seconds: float = 1.0) -> Tensor:
    """A vibrato tone with 14 harmonics and 0.15 s of silence at both ends. ``[1, samples]``."""
    sr = audio.sample_rate
    t = torch.arange(int(sr * seconds), dtype=torch.float64) / sr
    f0 = 180 + 40 * torch.sin(2 * math.pi * 1.5 * t)
    phase = 2 * math.pi * torch.cumsum(f0, 0) / sr
    wav = sum((0.3 / k) * torch.sin(k * phase) for k in range(1, 15))
    edge = int(0.15 * sr)
    wav[:edge] = 0
    wav[-edge:] = 0
    return wav.float()[None]


def voiced_error(audio: AudioConfig, vocoder: GriffinLim) -> float:
    extractor = MelExtractor(audio)
    mel = extractor(harmonic_tone(audio, 0.6))  # [1, n_mels, T]
    wav = vocoder(mel)
    assert wav.shape == (1, mel.shape[-1] * audio.hop_length)
    again = extractor(wav)[..., : mel.shape[-1]]
    voiced = mel.max(dim=1).values > math.log(audio.log_floor) + 3  # [1, T] frames with signal
    return float((again - mel).abs().mean(dim=1)[voiced].mean())


def test_griffin_lim_copy_synthesis() -> None:
    audio = AudioConfig()
    assert voiced_error(audio, GriffinLim(audio)) < GL_MAX_ERROR
    assert voiced_error(audio, GriffinLim(audio, n_iter=0)) > GL_RANDOM_PHASE_MIN_ERROR


def test_griffin_lim_mel_inversion_is_nonnegative_least_squares() -> None:
    extractor = MelExtractor(AUDIO)
    mel = extractor(harmonic_tone(AUDIO, 0.5))
    refined = GriffinLim(AUDIO).magnitude(mel)
    clamped = GriffinLim(AUDIO, nnls_iter=0).magnitude(mel)
    assert bool((refined >= 0).all())

    def error(magnitude: Tensor) -> float:
        return float((extractor.mel_from_spectrogram(magnitude) - mel).abs().mean())

    assert error(refined) < 0.05 < error(clamped)


def test_griffin_lim_shapes_and_determinism() -> None:
    vocoder = GriffinLim(AUDIO, n_iter=4)
    mel = torch.randn(2, AUDIO.n_mels, 7) - 4
    wav = vocoder(mel, f0=torch.full((2, 7), 150.0))
    assert wav.shape == (2, 7 * AUDIO.hop_length) and wav.dtype == torch.float32
    assert torch.equal(wav, vocoder(mel))
    assert vocoder(mel[:, :, :1]).shape == (2, AUDIO.hop_length)
    assert VOCODERS.get("griffin-lim") is GriffinLim and "low" in GriffinLim.quality
    with pytest.raises(InputError, match="shape"):
        vocoder(torch.zeros(1, AUDIO.n_mels + 1, 5))


# ----------------------------------------------------------------------------- test parts


@dataclass
class FrameVocoderConfig:
    gain: float = 0.5  # output scale


class FrameVocoder(nn.Module):
    """A tiny real vocoder: each mel frame → ``hop`` samples through one linear layer."""

    config_class = FrameVocoderConfig
    presets = {"frame": FrameVocoderConfig()}

    def __init__(self, config: FrameVocoderConfig, audio: AudioConfig) -> None:
        super().__init__()
        self.gain = config.gain
        self.proj = nn.Linear(audio.n_mels, audio.hop_length)

    def forward(self, mel: Tensor, f0: Tensor | None = None) -> Tensor:  # [B, n_mels, T] → [B, T*hop]
        return self.gain * torch.tanh(self.proj(mel.transpose(1, 2))).flatten(1)


if "test-frame-vocoder" not in VOCODERS:
    VOCODERS.register("test-frame-vocoder")(FrameVocoder)


@dataclass
class FakeSentence:
    phonemes: list[str]
    tones: list[int]


@dataclass
class FakeResult:
    sentences: list[FakeSentence]


class FakeFrontend:
    """Each '。'-separated piece of text becomes a sentence of ``n i`` per character."""

    def __call__(self, text: str) -> FakeResult:
        pieces = [p for p in text.split("。") if p.strip()]
        if not pieces:
            raise InputError("no text to read")
        return FakeResult([FakeSentence(["n", "i"] * len(p), [0, 3] * len(p)) for p in pieces])


def tiny_acoustic(n_speakers: int = 1) -> tuple[FastSpeech2, RunConfig]:
    config = RunConfig(name="tiny", audio=AUDIO,
                       model=ModelConfig(name="fastspeech2", preset="fastspeech2_small", params=TINY_PARAMS))
    torch.manual_seed(0)
    model_config = resolve_model_config(FastSpeech2, "fastspeech2_small", TINY_PARAMS, "test")
    model = FastSpeech2(model_config, n_mels=AUDIO.n_mels, n_vocab=len(PHONEMES), n_tones=NUM_TONES,
                        n_speakers=n_speakers, stats=STATS)  # fmt: skip
    with torch.no_grad():
        duration_head = model.variance.duration_predictor.proj
        duration_head.weight.zero_()
        duration_head.bias.fill_(math.log1p(FRAMES_PER_PHONEME))
        pitch_head = model.variance.pitch_predictor.proj
        pitch_head.weight[1].zero_()
        pitch_head.bias[1] = -10.0  # every frame voiced
    return model.eval(), config


@pytest.fixture(scope="module")
def voices(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("voices")
    model, config = tiny_acoustic()
    export_voice(root / "gl", model, config, STATS, name="gl", trained_on="test")
    export_voice(root / "paired", model, config, STATS, name="paired", trained_on="test", vocoder="../voc")
    export_voice(root / "orphan", model, config, STATS, name="orphan", trained_on="test", vocoder="no-such-voc")
    multi, _ = tiny_acoustic(n_speakers=2)
    export_voice(root / "multi", multi, config, STATS, name="multi", trained_on="test", speakers=["ann", "bo"])
    torch.manual_seed(1)
    for name, audio in (("voc", AUDIO), ("voc22k", replace(AUDIO, sample_rate=22050))):
        vocoder_config = RunConfig(name=name, audio=audio, model=ModelConfig(name="test-frame-vocoder"))
        export_voice(root / name, FrameVocoder(FrameVocoderConfig(), audio), vocoder_config, None,
                     name=name, trained_on="test")  # fmt: skip
    return root


def synth_for(folder: Path, vocoder: str | None = None) -> Synthesizer:
    return Synthesizer.from_voice(folder, vocoder=vocoder, frontend=FakeFrontend())


# ----------------------------------------------------------------------------- Synthesizer


def test_sentences_are_rendered_and_joined_with_pauses(voices: Path) -> None:
    synth = synth_for(voices / "gl")
    assert synth.low_quality_vocoder and synth.sample_rate == AUDIO.sample_rate
    result = synth.tts("你好。再见吧。", keep_features=True)
    hop, pause = AUDIO.hop_length, int(0.25 * AUDIO.sample_rate)
    assert [len(s.phonemes) for s in result.sentences] == [4, 6]
    first, second = result.sentences
    assert first.durations.tolist() == [FRAMES_PER_PHONEME] * 4
    assert first.mel is not None and first.mel.shape == (AUDIO.n_mels, 4 * FRAMES_PER_PHONEME)
    assert first.f0 is not None and bool((first.f0 > 0).all())
    expected = (4 + 6) * FRAMES_PER_PHONEME * hop + pause
    assert result.wav.dtype == np.float32 and result.wav.shape == (expected,)
    assert second.start == pytest.approx((4 * FRAMES_PER_PHONEME * hop + pause) / AUDIO.sample_rate)
    gap = result.wav[4 * FRAMES_PER_PHONEME * hop : 4 * FRAMES_PER_PHONEME * hop + pause]
    assert not gap.any() and np.abs(result.wav).max() > 1e-3
    wav, sample_rate = synth("你好。再见吧。")
    assert sample_rate == AUDIO.sample_rate and np.array_equal(wav, result.wav)


def test_features_are_kept_only_on_request(voices: Path, tmp_path: Path) -> None:
    synth = synth_for(voices / "gl")
    result = synth.tts("你好。再见。")
    assert all(s.mel is None and s.f0 is None for s in result.sentences)
    with pytest.raises(InputError, match="keep_features"):
        synth.plot(tmp_path / "x.png", result)
    kept = synth.tts("你好。再见。", keep_features=True)
    png = synth.plot(tmp_path / "x.png", kept, title="test")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    written = synth.write(tmp_path / "out.wav", kept)
    data, sample_rate = sf.read(written)
    assert sample_rate == AUDIO.sample_rate and len(data) == len(kept.wav)


def test_controls_change_duration_and_pitch(voices: Path) -> None:
    synth = synth_for(voices / "gl")
    normal = synth.tts("你好。", keep_features=True)
    fast = synth.tts("你好。", speed=2.0, keep_features=True)
    high = synth.tts("你好。", pitch=12.0, keep_features=True)
    assert len(fast.wav) == len(normal.wav) // 2
    ratio = high.sentences[0].f0 / normal.sentences[0].f0  # type: ignore[operator]
    np.testing.assert_allclose(ratio, 2.0, rtol=0.05)
    assert synth.pause_samples(2.0) == synth.pause_samples(1.0) // 2
    with pytest.raises(InputError, match="speed"):
        synth.tts("你好。", speed=0.0)
    with pytest.raises(InputError, match="no text"):
        synth.tts("。")


def test_speakers(voices: Path) -> None:
    synth = synth_for(voices / "multi")
    assert synth.speakers == ["ann", "bo"]
    ann, bo = synth.tts("你好。", speaker="ann"), synth.tts("你好。", speaker="bo")
    assert np.array_equal(synth.tts("你好。").wav, ann.wav) and not np.array_equal(ann.wav, bo.wav)
    with pytest.raises(InputError, match="ann, bo"):
        synth.tts("你好。", speaker="cy")
    with pytest.raises(InputError, match="single speaker"):
        synth_for(voices / "gl").tts("你好。", speaker="ann")


def test_vocoder_voice_named_in_the_card(voices: Path) -> None:
    synth = synth_for(voices / "paired")
    assert not synth.low_quality_vocoder and isinstance(synth.vocoder, FrameVocoder)
    result = synth.tts("你好。", keep_features=True)
    mel = torch.from_numpy(result.sentences[0].mel)[None]  # type: ignore[arg-type]
    expected = load_voice(voices / "voc").model(mel)[0].detach().numpy()
    np.testing.assert_allclose(result.wav, expected, atol=1e-6)
    override = synth_for(voices / "paired", vocoder="griffin-lim")
    assert override.low_quality_vocoder


def test_vocoder_must_agree_with_the_voice(voices: Path) -> None:
    with pytest.raises(VoiceError, match=r"sample_rate: 16000 vs 22050"):
        Synthesizer.from_voice(voices / "gl", vocoder=str(voices / "voc22k"))
    with pytest.raises(VoiceError, match="not a vocoder"):
        Synthesizer.from_voice(voices / "gl", vocoder=str(voices / "multi"))
    with pytest.raises(VoiceError, match="vocoder voice"):
        Synthesizer.from_voice(voices / "voc")
    with pytest.raises(VoiceError, match=r"card\.json pairs the voice with vocoder 'no-such-voc'"):
        Synthesizer.from_voice(voices / "orphan")


def test_text_frontend_reads_with_the_voices_lexicon(tmp_path: Path) -> None:
    from tts.text.frontend import Frontend
    from tts.text.overrides import Lexicon

    lexicon = tmp_path / "words.tsv"
    lexicon.write_text("银行\tyin2 xing2\n", encoding="utf-8")  # a deliberately odd reading
    model, config = tiny_acoustic()
    folder = export_voice(tmp_path / "lex", model, config, STATS, name="lex", trained_on="test", lexicon=lexicon)
    text = "我去银行。明天见！"
    result = Synthesizer.from_voice(folder).tts(text)
    with_lexicon = Frontend(lexicon=Lexicon.from_file(lexicon))(text).sentences
    assert [r.phonemes for r in result.sentences] == [s.phonemes for s in with_lexicon]
    assert "x" in with_lexicon[0].phonemes and "x" not in Frontend()(text).sentences[0].phonemes
    assert len(result.wav) > 0
