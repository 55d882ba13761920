"""Singer (score → song) and folder rendering, with a deterministic echo model and vocoder.

The echo model is a real registered acoustic model (exported and loaded as a voice), whose
"prediction" is transparent: phoneme durations are the given ones (or half the note length),
F0 is the given curve (or the note's pitch), and each mel frame encodes that F0. The vocoder turns
every frame into ``hop`` samples, louder on voiced frames, so placement and lengths are exact.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, Optional

import numpy as np
import pytest
import soundfile as sf
import torch
from torch import Tensor, nn

import tts.synth.sing_batch as sing_batch
from tests.test_synthesizer import AUDIO, STATS, tiny_acoustic
from tts.config import ModelConfig, RunConfig
from tts.errors import InputError, VoiceError
from tts.models.base import AcousticBatch, AcousticModel, AcousticOutput, Controls, ModelOutputs
from tts.registry import ACOUSTIC_MODELS
from tts.synth.sing_batch import REPORT_FILE, SingOptions, render_score, shard, sing_folder
from tts.synth.singer import Singer, frame_durations
from tts.synth.voice import export_voice, load_voice
from tts.text.symbols import NUM_TONES, PHONEMES

REPO = Path(__file__).resolve().parents[1]
HOP, SR = AUDIO.hop_length, AUDIO.sample_rate
FPS = SR / HOP  # 250 frames per second
PREDICTED_SHARE = 0.5  # the echo model's predicted phoneme length: this × its note's length
UNVOICED_LEVEL, VOICED_LEVEL = 0.1, 0.2  # the echo vocoder's sample values


# ----------------------------------------------------------------------------- test parts


@dataclass
class EchoSingerConfig:
    share: float = PREDICTED_SHARE  # predicted phoneme frames = share × note frames


@dataclass
class EchoCall:
    batch: AcousticBatch
    controls: Controls


class EchoSinger(AcousticModel):
    """A singing model whose output is a transparent function of its input (see module doc)."""

    config_class = EchoSingerConfig
    presets = {"echo": EchoSingerConfig()}
    sings = True

    def __init__(self, config: EchoSingerConfig, n_mels: int, n_vocab: int, n_tones: int, n_speakers: int,
                 stats: Any) -> None:
        super().__init__()
        self.config, self.n_mels, self.stats = config, n_mels, stats
        self.level = nn.Parameter(torch.zeros(()))  # exported and loaded like any weight
        self.calls: list[EchoCall] = []

    def forward(self, batch: AcousticBatch) -> ModelOutputs:
        raise NotImplementedError("the echo model is for inference tests only")

    def loss(self, batch: AcousticBatch, outputs: ModelOutputs) -> dict[str, Tensor]:
        raise NotImplementedError("the echo model is for inference tests only")

    @property
    def loss_names(self) -> tuple[str, ...]:
        return ()

    def infer(self, batch: AcousticBatch, controls: Optional[Controls] = None) -> AcousticOutput:
        self.calls.append(EchoCall(batch, controls or Controls()))
        assert batch.note_pitch is not None and batch.note_durations is not None
        if batch.durations is not None:
            durations = batch.durations
        else:
            durations = (batch.note_durations * self.config.share).round().long().clamp(min=1)
        frames = int(durations[0].sum())
        notes = torch.repeat_interleave(batch.note_pitch[0], durations[0])  # [T]
        f0 = torch.where(notes > 0, 440.0 * 2 ** ((notes - 69) / 12), torch.zeros_like(notes))
        if batch.pitch is not None:
            given = self.stats.denormalize_f0(batch.pitch[0])[:frames]
            f0 = torch.cat([given, given[-1:].expand(frames - len(given))]) if len(given) < frames else given
        mel = (torch.log1p(f0) + self.level)[None, None].expand(1, self.n_mels, frames)  # [1, n_mels, T]
        return AcousticOutput(mel=mel.contiguous(), mel_lengths=torch.tensor([frames]), durations=durations,
                              f0=f0[None])  # fmt: skip


if "test-echo-singer" not in ACOUSTIC_MODELS:
    ACOUSTIC_MODELS.register("test-echo-singer")(EchoSinger)


class EchoVocoder(nn.Module):
    """Each frame → ``hop`` samples of VOICED_LEVEL (f0 > 0) or UNVOICED_LEVEL; records its f0."""

    def __init__(self) -> None:
        super().__init__()
        self.f0s: list[Optional[Tensor]] = []

    def forward(self, mel: Tensor, f0: Optional[Tensor] = None) -> Tensor:  # [B, n_mels, T] → [B, T*hop]
        self.f0s.append(f0)
        voiced = (f0 > 0).float() if f0 is not None else torch.zeros(mel.shape[0], mel.shape[-1])
        level = UNVOICED_LEVEL + (VOICED_LEVEL - UNVOICED_LEVEL) * voiced  # [B, T]
        return level.repeat_interleave(HOP, dim=1)


def load_echo_singer(folder: str) -> Singer:
    """A picklable singer loader (worker processes import this module, which registers the model)."""
    return Singer(load_voice(folder), EchoVocoder(), AUDIO, "echo-vocoder")


@pytest.fixture(scope="module")
def voices(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("voices")
    config = RunConfig(name="echo", audio=AUDIO, model=ModelConfig(name="test-echo-singer", preset="echo"))
    model = EchoSinger(EchoSingerConfig(), AUDIO.n_mels, len(PHONEMES), NUM_TONES, 1, STATS)
    export_voice(root / "echo", model, config, STATS, name="echo", trained_on="test")
    speaking, speaking_config = tiny_acoustic()
    export_voice(root / "speech", speaking, speaking_config, STATS, name="speech", trained_on="test")
    return root


@pytest.fixture()
def singer(voices: Path) -> Singer:
    return load_echo_singer(str(voices / "echo"))


# ----------------------------------------------------------------------------- scores

# A "啦啦" phrase: words start at the vowel, so each syllable's consonant closes the word before.
PHRASE = {"text": "啦啦", "ph_seq": "SP l a l a SP", "ph_num": "2 2 1 1", "note_seq": "rest C4 D4 rest",
          "note_dur": "0.2 0.4 0.4 0.2", "note_slur": "0 0 0 0", "ph_dur": "0.15 0.05 0.35 0.05 0.4 0.2"}
PHRASE_SECONDS = 1.2
SHORT = {"text": "啊", "ph_seq": "SP a SP", "ph_num": "1 1 1", "note_seq": "rest E4 rest",
         "note_dur": "0.1 0.5 0.1", "note_slur": "0 0 0", "ph_dur": "0.1 0.5 0.1"}
SHORT_SECONDS = 0.7
SECOND_OFFSET = 2.0


def write_ds(path: Path, *segments: dict[str, Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(list(segments), ensure_ascii=False), encoding="utf-8")
    return path


def two_segments(path: Path) -> Path:
    return write_ds(path, {"offset": 0.0, **PHRASE}, {"offset": SECOND_OFFSET, **SHORT})


def samples(seconds: float) -> int:
    return round(seconds * SR)


# ----------------------------------------------------------------------------- Singer


def test_segments_are_placed_at_their_offsets(singer: Singer, tmp_path: Path) -> None:
    result = singer.sing(two_segments(tmp_path / "song.ds"))
    first, second = samples(PHRASE_SECONDS), samples(SHORT_SECONDS)
    start = samples(SECOND_OFFSET)
    assert result.sample_rate == SR and result.wav.dtype == np.float32
    assert result.wav.shape == (start + second,)
    assert [s.start for s in result.sentences] == [0.0, SECOND_OFFSET]
    assert [s.seconds for s in result.sentences] == [pytest.approx(PHRASE_SECONDS), pytest.approx(SHORT_SECONDS)]
    assert bool((result.wav[:first] > 0).all()) and bool((result.wav[start:] > 0).all())
    assert not result.wav[first:start].any()  # the gap between segments is silence
    # the score's phoneme timing reaches the model in frames, boundaries rounded
    batch = singer.model.calls[0].batch  # type: ignore[attr-defined]
    expected = frame_durations(np.array([0.15, 0.05, 0.35, 0.05, 0.4, 0.2]), FPS)
    assert batch.durations is not None and batch.durations[0].tolist() == expected.tolist()
    assert int(expected.sum()) == round(PHRASE_SECONDS * FPS)
    assert batch.tones.tolist() == [[0] * 6] and batch.phonemes.shape == (1, 6)
    # voiced phonemes (the vowels on C4 / D4) come out louder: the vocoder got the model's F0
    vowel = slice(samples(0.2), samples(0.55))  # "a" on C4
    assert bool((result.wav[vowel] == VOICED_LEVEL).all())
    f0 = singer.vocoder.f0s[0]  # type: ignore[attr-defined]
    assert f0 is not None and f0.shape == (1, int(expected.sum()))


def test_key_shift_reaches_the_model_as_note_pitch_plus_k(singer: Singer, tmp_path: Path) -> None:
    score = two_segments(tmp_path / "song.ds")
    singer.sing(score)
    singer.sing(score, key_shift=3)
    calls = singer.model.calls  # type: ignore[attr-defined]
    plain, shifted = calls[0].batch.note_pitch[0], calls[2].batch.note_pitch[0]
    sung = plain > 0
    assert float(plain.max()) == 62.0 and bool(sung.any()) and not bool(sung.all())  # D4; rests are 0
    np.testing.assert_allclose(shifted[sung].numpy(), plain[sung].numpy() + 3)
    assert not bool(shifted[~sung].any())  # rests stay rests
    assert calls[2].controls.pitch_shift == 0.0  # the notes carry the shift, not the prosody controls


def test_tempo_scales_durations_and_offsets(singer: Singer, tmp_path: Path) -> None:
    score = two_segments(tmp_path / "song.ds")
    normal, fast = singer.sing(score), singer.sing(score, tempo=2.0)
    calls = singer.model.calls  # type: ignore[attr-defined]
    for base, quick in ((calls[0], calls[2]), (calls[1], calls[3])):
        assert abs(int(quick.batch.durations.sum()) * 2 - int(base.batch.durations.sum())) <= 2
        np.testing.assert_allclose(quick.batch.note_durations.numpy() * 2, base.batch.note_durations.numpy(),
                                   rtol=1e-5)  # fmt: skip
    assert fast.sentences[1].start == pytest.approx(SECOND_OFFSET / 2)
    assert len(fast.wav) == pytest.approx(len(normal.wav) / 2, abs=2 * HOP)


def test_note_durations_are_frames_and_missing_ph_dur_is_predicted(singer: Singer, tmp_path: Path) -> None:
    phrase = {key: value for key, value in PHRASE.items() if key != "ph_dur"}
    result = singer.sing(write_ds(tmp_path / "free.ds", {"offset": 0.5, **phrase}))
    batch = singer.model.calls[0].batch  # type: ignore[attr-defined]
    assert batch.durations is None and batch.pitch is None
    assert batch.note_durations is not None
    sung = batch.note_pitch[0] > 0
    # every phoneme's note is 0.2 s (rests) or 0.4 s (C4, D4) long: 50 or 100 frames
    assert set(batch.note_durations[0].round().tolist()) <= {50.0, 100.0}
    assert bool((batch.note_durations[0][sung].round() == 100).any())
    predicted = (batch.note_durations * PREDICTED_SHARE).round().long()
    assert len(result.wav) == samples(0.5) + int(predicted.sum()) * HOP


def test_the_scores_f0_curve_is_followed(singer: Singer, tmp_path: Path) -> None:
    step, hz = 0.005, 300.0
    count = round(PHRASE_SECONDS / step)
    curve = np.full(count, hz)
    curve[100:120] = 0.0  # an unvoiced stretch is filled from its neighbours
    segment = {"offset": 0.0, **PHRASE, "f0_seq": " ".join(f"{v:.1f}" for v in curve), "f0_timestep": str(step)}
    score = write_ds(tmp_path / "curve.ds", segment)
    singer.sing(score, keep_features=True)
    singer.sing(score, key_shift=12, keep_features=True)
    calls = singer.model.calls  # type: ignore[attr-defined]
    pitch = calls[0].batch.pitch
    assert pitch is not None and pitch.shape == (1, round(PHRASE_SECONDS * FPS))
    np.testing.assert_allclose(STATS.denormalize_f0(pitch).numpy(), hz, rtol=1e-4)
    up = STATS.denormalize_f0(calls[1].batch.pitch)
    np.testing.assert_allclose(up.numpy(), 2 * hz, rtol=1e-3)  # an octave up: the curve moves too


def test_steps_and_seed_reach_the_model_per_segment(singer: Singer, tmp_path: Path) -> None:
    singer.sing(two_segments(tmp_path / "song.ds"), steps=5, seed=7)
    controls = [call.controls for call in singer.model.calls]  # type: ignore[attr-defined]
    assert [c.diffusion_steps for c in controls] == [5, 5]
    assert [c.seed for c in controls] == [7, 8]  # segments do not share their noise
    with pytest.raises(InputError, match="steps"):
        singer.sing(tmp_path / "song.ds", steps=0)


def test_bad_controls_and_scores_are_clear_errors(singer: Singer, tmp_path: Path) -> None:
    score = two_segments(tmp_path / "song.ds")
    with pytest.raises(InputError, match="tempo"):
        singer.sing(score, tempo=0.0)
    with pytest.raises(InputError, match="key shift"):
        singer.sing(score, key_shift=float("nan"))
    with pytest.raises(InputError, match="vibrato"):
        singer.sing(score, vibrato=-1.0)
    with pytest.raises(InputError, match="score not found.*nope.ds"):
        singer.sing(tmp_path / "nope.ds")
    bad = write_ds(tmp_path / "bad.ds", {"offset": 0.0, **PHRASE, "ph_seq": "SP l qq l a SP"})
    with pytest.raises(InputError, match="qq"):
        singer.sing(bad)
    assert not singer.model.calls  # type: ignore[attr-defined]  # nothing rendered before the checks


def test_plot_and_write(singer: Singer, tmp_path: Path) -> None:
    result = singer.sing(two_segments(tmp_path / "song.ds"), keep_features=True)
    assert result.sentences[0].mel is not None and result.sentences[0].mel.shape == (AUDIO.n_mels, 300)
    png = singer.plot(tmp_path / "song.png", result, title="song")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    data, rate = sf.read(singer.write(tmp_path / "song.wav", result))
    assert rate == SR and len(data) == len(result.wav)


def test_voices_that_cannot_sing_are_refused(voices: Path) -> None:
    with pytest.raises(VoiceError, match="speaking voice.*fastspeech2"):
        Singer.from_voice(voices / "speech")
    singer = Singer.from_voice(voices / "echo")  # the card names no vocoder: Griffin-Lim
    assert singer.low_quality_vocoder and singer.sample_rate == SR
    with pytest.raises(VoiceError, match="unknown voice 'no-such-singer'"):
        Singer.from_voice("no-such-singer")


# ----------------------------------------------------------------------------- folders


def score_folder(root: Path) -> Path:
    two_segments(root / "good.ds")
    write_ds(root / "short.ds", {"offset": 0.0, **SHORT})
    (root / "broken.ds").write_text('[{"offset": 0.0, "ph_seq": ', encoding="utf-8")
    write_ds(root / "unknown.ds", {"offset": 0.0, **PHRASE, "ph_seq": "SP l qq l a SP"})
    (root / "cover.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (root / ".hidden.ds").write_text("not even json", encoding="utf-8")
    return root


class CountingLoader:
    """Loads the echo singer in this process and counts the loads."""

    def __init__(self, folder: Path) -> None:
        self.folder, self.loads = str(folder), 0

    def __call__(self) -> Singer:
        self.loads += 1
        return load_echo_singer(self.folder)


def no_temporary_files(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_batch_renders_the_good_and_reports_the_bad(voices: Path, tmp_path: Path) -> None:
    scores, out = score_folder(tmp_path / "scores"), tmp_path / "renders"
    report = sing_folder(scores, out, CountingLoader(voices / "echo"), progress=False)
    data = json.loads((out / REPORT_FILE).read_text(encoding="utf-8"))
    assert data == report.to_json()
    assert data["counts"] == {"rendered": 2, "skipped": 0, "failed": 2, "ignored": 1}
    assert [Path(r["score"]).name for r in data["rendered"]] == ["good.ds", "short.ds"]
    failed = {Path(r["score"]).name: r["reason"] for r in data["failed"]}
    assert set(failed) == {"broken.ds", "unknown.ds"}
    assert "broken.ds" in failed["broken.ds"] and "qq" in failed["unknown.ds"]
    assert data["ignored"] == ["cover.png"]
    assert sorted(p.name for p in out.iterdir()) == ["good.wav", REPORT_FILE, "short.wav"]
    wav, rate = sf.read(out / "good.wav")
    assert rate == SR and len(wav) == samples(SECOND_OFFSET + SHORT_SECONDS)
    assert data["seconds_rendered"] == pytest.approx(SECOND_OFFSET + SHORT_SECONDS + SHORT_SECONDS, abs=1e-3)
    assert "2 rendered, 0 skipped" in report.describe() and "unknown.ds" in report.describe()


def test_batch_skips_existing_outputs_unless_forced(voices: Path, tmp_path: Path) -> None:
    scores, out = tmp_path / "scores", tmp_path / "renders"
    two_segments(scores / "a.ds")
    write_ds(scores / "b.ds", {"offset": 0.0, **SHORT})
    write_ds(scores / "b.ustx.ds", {"offset": 0.0, **SHORT})  # stems differ: b, b.ustx
    sing_folder(scores, out, CountingLoader(voices / "echo"), progress=False)
    (out / "a.wav").write_bytes(b"kept")
    loader = CountingLoader(voices / "echo")
    again = sing_folder(scores, out, loader, progress=False)
    assert [r.status for r in again.records] == ["skipped"] * 3 and loader.loads == 0
    assert (out / "a.wav").read_bytes() == b"kept"
    forced = sing_folder(scores, out, loader, force=True, progress=False)
    assert [r.status for r in forced.records] == ["rendered"] * 3 and loader.loads == 1
    assert sf.read(out / "a.wav")[0].shape == (samples(SECOND_OFFSET + SHORT_SECONDS),)


def test_scores_sharing_a_stem_keep_their_full_names(tmp_path: Path) -> None:
    write_ds(tmp_path / "song.ds", {"offset": 0.0, **SHORT})
    (tmp_path / "song.ust").write_text("[#SETTING]\n", encoding="utf-8")
    write_ds(tmp_path / "solo.ds", {"offset": 0.0, **SHORT})
    jobs, _ = sing_batch.plan(tmp_path, tmp_path / "out")
    assert [j.output.name for j in jobs] == ["solo.wav", "song.ds.wav", "song.ust.wav"]


def test_a_failed_write_leaves_no_partial_file(voices: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import tts.audio.io

    scores, out = tmp_path / "scores", tmp_path / "renders"
    write_ds(scores / "a.ds", {"offset": 0.0, **SHORT})

    def half_written(file: Any, data: np.ndarray, *args: Any, **kwargs: Any) -> None:
        Path(file).write_bytes(b"RIFF....WAVE")  # a few bytes, then the disk fills up
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tts.audio.io.sf, "write", half_written)
    report = sing_folder(scores, out, CountingLoader(voices / "echo"), progress=False)
    assert [r.status for r in report.records] == ["failed"]
    assert "No space left" in (report.records[0].reason or "")
    assert sorted(p.name for p in out.iterdir()) == [REPORT_FILE] and no_temporary_files(out)


def test_batch_is_sharded_by_rank(voices: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scores, out = score_folder(tmp_path / "scores"), tmp_path / "renders"
    jobs, _ = sing_batch.plan(scores, out)
    names = [j.score.name for j in jobs]
    assert names == ["broken.ds", "good.ds", "short.ds", "unknown.ds"]
    assert [j.score.name for j in shard(jobs, 0, 2)] == ["broken.ds", "short.ds"]
    assert [j.score.name for j in shard(jobs, 1, 2)] == ["good.ds", "unknown.ds"]
    waits: list[int] = []
    monkeypatch.setattr(sing_batch, "_join_ranks", lambda: "env")
    monkeypatch.setattr(sing_batch, "_leave_ranks", lambda env: None)
    monkeypatch.setattr(sing_batch, "_wait_for_ranks", lambda env: waits.append(int(os.environ["RANK"])))
    monkeypatch.setenv("WORLD_SIZE", "2")
    monkeypatch.setenv("RANK", "1")
    part = sing_folder(scores, out, CountingLoader(voices / "echo"), progress=False)
    assert [(Path(r.score).name, r.status) for r in part.records] == [("good.ds", "rendered"), ("unknown.ds", "failed")]
    assert not (out / REPORT_FILE).exists() and (out / ".report.rank1.json").is_file()
    monkeypatch.setenv("RANK", "0")
    merged = sing_folder(scores, out, CountingLoader(voices / "echo"), progress=False)
    assert waits == [1, 0]
    assert [(Path(r.score).name, r.status) for r in merged.records] == [
        ("broken.ds", "failed"), ("good.ds", "rendered"), ("short.ds", "rendered"), ("unknown.ds", "failed")]
    assert json.loads((out / REPORT_FILE).read_text(encoding="utf-8")) == merged.to_json()
    assert sorted(p.name for p in out.iterdir()) == ["good.wav", REPORT_FILE, "short.wav"]  # parts merged away
    monkeypatch.setenv("RANK", "2")
    with pytest.raises(InputError, match="RANK=2"):
        sing_folder(scores, out, CountingLoader(voices / "echo"), progress=False)


def test_worker_processes_render_the_same(voices: Path, tmp_path: Path) -> None:
    scores = score_folder(tmp_path / "scores")
    one = sing_folder(scores, tmp_path / "one", CountingLoader(voices / "echo"), progress=False)
    two = sing_folder(scores, tmp_path / "two", partial(load_echo_singer, str(voices / "echo")), jobs=2,
                      progress=False)  # fmt: skip
    assert [(r.score, r.status, r.reason) for r in two.records] == [(r.score, r.status, r.reason) for r in one.records]
    for name in ("good.wav", "short.wav"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_render_score_writes_wav_and_plot(singer: Singer, tmp_path: Path) -> None:
    record = render_score(singer, two_segments(tmp_path / "song.ds"), tmp_path / "o" / "song.wav",
                          SingOptions(key_shift=2, seed=1), plot=tmp_path / "o" / "song.png")  # fmt: skip
    assert record.status == "rendered" and record.seconds == pytest.approx(SECOND_OFFSET + SHORT_SECONDS)
    assert (tmp_path / "o" / "song.png").read_bytes()[:4] == b"\x89PNG"
    assert singer.model.calls[0].controls.seed == 1  # type: ignore[attr-defined]


# ----------------------------------------------------------------------------- command line


def run_cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "200", "TTS_VOICES": ""}
    return subprocess.run([sys.executable, str(REPO / "cli.py"), *args], cwd=REPO, capture_output=True,
                          text=True, env=env, timeout=300)  # fmt: skip


def run_main(monkeypatch: pytest.MonkeyPatch, *args: str) -> int:
    """``tts ARGS`` in this process (the echo model is registered here); returns the exit status."""
    from tts import cli

    monkeypatch.setattr(sys, "argv", ["tts", *args])
    try:
        cli.main()
    except SystemExit as exit_:
        return int(exit_.code or 0)
    return 0


def one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    lines = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:"), lines
    return lines[0]


def test_cli_errors_are_one_line(voices: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    score = two_segments(tmp_path / "song.ds")
    result = run_cli("sing", str(score), "-o", str(tmp_path / "x.wav"), "--voice", "no-such-singer")
    assert result.returncode == 1 and "Traceback" not in result.stderr + result.stdout
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "unknown voice 'no-such-singer'" in lines[0], result.stderr
    assert run_main(monkeypatch, "sing", str(score), "--voice", str(voices / "speech")) == 1
    assert "speaking voice" in one_line_error(capsys)
    assert run_main(monkeypatch, "sing", str(tmp_path), "--voice", "x") == 1
    assert "--out-dir" in one_line_error(capsys)
    assert run_main(monkeypatch, "sing", str(score), "--voice", str(voices / "echo"), "--tempo", "-1") == 1
    assert "tempo" in one_line_error(capsys)
    assert run_main(monkeypatch, "sing", str(score), "--voice", str(voices / "echo"), "--vibrato", "9") == 1
    assert "vibrato must be a depth factor from 0 (none) to 4" in one_line_error(capsys)
    assert run_main(monkeypatch, "sing", str(tmp_path / "nope.ds"), "--voice", str(voices / "echo")) == 1
    assert "score not found" in one_line_error(capsys)
    assert not (tmp_path / "x.wav").exists() and not (tmp_path / "song.wav").exists()


def test_cli_sings_a_score_and_a_folder(voices: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    voice = str(voices / "echo")  # Griffin-Lim: the card names no vocoder
    song = two_segments(tmp_path / "scores" / "song.ds")
    wav, png = tmp_path / "song.wav", tmp_path / "song.png"
    assert run_main(monkeypatch, "sing", str(song), "--voice", voice, "-o", str(wav), "--plot", str(png),
                    "--key", "2", "--seed", "3", "--vibrato", "0.5", "--device", "cpu", "--json") == 0  # fmt: skip
    record = json.loads(capsys.readouterr().out)
    assert record["output"] == str(wav) and record["seconds"] == pytest.approx(SECOND_OFFSET + SHORT_SECONDS)
    assert sf.info(str(wav)).frames == samples(SECOND_OFFSET + SHORT_SECONDS) and png.is_file()
    (tmp_path / "scores" / "bad.ds").write_text("{", encoding="utf-8")
    renders = str(tmp_path / "r")
    code = run_main(monkeypatch, "sing", str(tmp_path / "scores"), "--voice", voice, "--out-dir", renders, "--json")
    report = json.loads(capsys.readouterr().out)
    assert code == 1 and report["counts"]["rendered"] == 1 and report["counts"]["failed"] == 1
    assert run_main(monkeypatch, "sing", str(tmp_path / "scores"), "--voice", voice, "--out-dir", renders) == 1
    printed = capsys.readouterr().out
    assert "0 rendered, 1 skipped" in printed and "failed: " in printed and "bad.ds" in printed


# ----------------------------------------------------------------------------- real models


TINY_DIFFSINGER = dict(hidden_dim=32, encoder_layers=1, aux_decoder_layers=1, ffn_dim=64, predictor_hidden=32,
                       residual_channels=16, residual_layers=2, timesteps=20, k_step=8, sampler_steps=4)
TINY_NSF = dict(upsample_rates=[8, 8], upsample_kernel_sizes=[16, 16], upsample_initial_channel=16,
                resblock_kernel_sizes=[3], resblock_dilations=[[1]])


@pytest.fixture(scope="module")
def diffsinger_voice(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An untrained tiny DiffSinger voice paired with an untrained tiny NSF-HiFi-GAN beside it."""
    from tts.config import resolve_model_config
    from tts.registry import VOCODERS

    root = tmp_path_factory.mktemp("singing")
    torch.manual_seed(0)
    acoustic_cls = ACOUSTIC_MODELS.get("diffsinger")
    config = RunConfig(name="ds", audio=AUDIO,
                       model=ModelConfig(name="diffsinger", preset="diffsinger_small", params=TINY_DIFFSINGER))
    model_config = resolve_model_config(acoustic_cls, "diffsinger_small", TINY_DIFFSINGER, "test")
    model = acoustic_cls(model_config, n_mels=AUDIO.n_mels, n_vocab=len(PHONEMES), n_tones=NUM_TONES, n_speakers=1,
                         stats=STATS)
    export_voice(root / "ds", model, config, STATS, name="ds", trained_on="test", vocoder="../nsf")
    vocoder_cls = VOCODERS.get("nsf-hifigan")
    vocoder_config = RunConfig(name="nsf", audio=AUDIO,
                               model=ModelConfig(name="nsf-hifigan", preset="nsf_hifigan_small", params=TINY_NSF))
    vocoder = vocoder_cls(resolve_model_config(vocoder_cls, "nsf_hifigan_small", TINY_NSF, "test"), audio=AUDIO)
    export_voice(root / "nsf", vocoder, vocoder_config, None, name="nsf", trained_on="test")
    return root / "ds"


def test_diffsinger_with_nsf_vocoder_sings_a_score(diffsinger_voice: Path, tmp_path: Path) -> None:
    singer = Singer.from_voice(diffsinger_voice)
    assert getattr(singer.vocoder, "needs_f0", False) and not singer.low_quality_vocoder
    step, hz = 0.01, 220.0
    curve = " ".join(["220.0"] * round(SHORT_SECONDS / step))
    score = write_ds(tmp_path / "song.ds", {"offset": 0.0, **PHRASE},
                     {"offset": SECOND_OFFSET, **SHORT, "f0_seq": curve, "f0_timestep": str(step)})
    result = singer.sing(score, seed=3, keep_features=True)
    assert result.wav.shape == (samples(SECOND_OFFSET + SHORT_SECONDS),) and bool(np.isfinite(result.wav).all())
    assert not result.wav[samples(PHRASE_SECONDS) : samples(SECOND_OFFSET)].any()
    assert np.array_equal(singer.sing(score, seed=3).wav, result.wav)
    assert not np.array_equal(singer.sing(score, seed=4).wav, result.wav)
    sung = result.sentences[1].f0
    assert sung is not None and result.sentences[1].durations.tolist() == frame_durations(
        np.array([0.1, 0.5, 0.1]), FPS).tolist()
    voiced = sung > 0
    assert voiced.any()
    np.testing.assert_allclose(sung[voiced], hz, rtol=1e-3)  # the score's curve is what is sung
    up = singer.sing(score, key_shift=-12, seed=3, keep_features=True).sentences[1].f0
    np.testing.assert_allclose(up[up > 0], hz / 2, rtol=1e-3)  # type: ignore[index]
