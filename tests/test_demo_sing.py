"""The demo singing corpus: plans, target F0 curves, WORLD rendering, files, resume, readers."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from tts.audio.params import AudioConfig, PitchConfig
from tts.audio.pitch import extract_f0
from tts.data.corpora import read_corpus
from tts.data import demo_sing
from tts.data.corpora.demo_sing import load_record, score_path
from tts.data.demo_sing import (
    FRAME_PERIOD_S,
    SingStyle,
    SingSummary,
    build_demo_sing,
    check_f0,
    iter_plans,
    midi_to_hz,
    plan_song,
    split_lyrics,
    target_pitch,
)
from tts.data.demo_zh import text_to_pinyin
from tts.errors import InputError
from tts.text.pinyin import syllable_to_phones
from tts.text.symbols import FINALS, INITIALS, PHONEMES

SONGS = 4
SEED = 5
SR = 22050
# Short songs (6 syllables, a quick tempo) keep the test fast; melismas and breaths made likely.
STYLE = SingStyle(max_song_syllables=6, max_line_syllables=3, tempo_bpm=(100.0, 116.0),
                  line_end_beats=(1.0, 1.5), rest_beats=(1.0,), lead_silence_s=(0.2, 0.3),
                  trail_silence_s=(0.2, 0.3), melisma_probability=0.5, breath_probability=0.7)
REPO = Path(__file__).resolve().parents[1]
UNVOICED_INITIALS = frozenset("b p d t g k j q x zh ch sh z c s f h".split())


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, SingSummary]:
    out = tmp_path_factory.mktemp("sing") / "demo_sing"
    return out, build_demo_sing(out, SONGS, seed=SEED, jobs=1, progress=False, style=STYLE)


def _records(out: Path) -> list[dict]:
    return [load_record(p) for p in sorted((out / "scores").glob("*.json"))]


def _files(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def _wav(out: Path, record: dict) -> np.ndarray:
    samples, rate = sf.read(str(out / "segments" / "wavs" / f"{record['id']}.wav"), dtype="float32")
    assert rate == SR
    return samples


def _f0(out: Path, record: dict) -> np.ndarray:
    return np.load(out / record["f0"]["path"])


# --- layout and alignment -----------------------------------------------------------------------


def test_summary_and_layout(corpus: tuple[Path, SingSummary]) -> None:
    out, summary = corpus
    assert (summary.songs, summary.rendered, summary.skipped) == (SONGS, SONGS, 0)
    assert summary.melismas > 0 and summary.breaths > 0
    lines = (out / "segments" / "transcriptions.txt").read_text(encoding="utf-8").splitlines()
    assert [ln.split("|")[0] for ln in lines] == [f"sing_{i:06d}" for i in range(1, SONGS + 1)]
    meta = json.loads((out / "metadata.json").read_text(encoding="utf-8"))
    assert meta["songs"] == SONGS and meta["seed"] == SEED and meta["f0_timestep"] == FRAME_PERIOD_S
    assert meta["seconds"] == pytest.approx(sum(r["duration"] for r in _records(out)), abs=1e-3)
    assert "Opencpop" in (out / "README.md").read_text(encoding="utf-8")


def test_alignment_covers_every_sample(corpus: tuple[Path, SingSummary]) -> None:
    out, _ = corpus
    lines = (out / "segments" / "transcriptions.txt").read_text(encoding="utf-8").splitlines()
    for record, line in zip(_records(out), lines):
        info = sf.info(str(out / "segments" / "wavs" / f"{record['id']}.wav"))
        assert (info.channels, info.samplerate, info.frames) == (1, SR, record["num_samples"])
        phones = record["phones"]
        assert phones[0]["start"] == 0.0
        assert phones[-1]["end"] == pytest.approx(info.frames / SR, abs=1e-6)
        for left, right in zip(phones, phones[1:]):
            assert left["end"] == right["start"] and left["end"] > left["start"]
        fields = line.split("|")
        assert sum(float(d) for d in fields[5].split()) == pytest.approx(info.frames / SR, abs=1e-4)
        notes = record["notes"]
        assert sum(n["end"] - n["start"] for n in notes) == pytest.approx(info.frames / SR, abs=1e-5)
        curve = _f0(out, record)
        assert curve.dtype == np.float32 and curve.shape == (record["f0"]["frames"],)
        assert (curve.shape[0] - 1) * FRAME_PERIOD_S >= record["duration"] - FRAME_PERIOD_S


def test_phones_are_the_lyrics(corpus: tuple[Path, SingSummary]) -> None:
    """Non-rest phones spell the lyrics' pinyin, a melisma repeating its final per extra note."""
    out, _ = corpus
    for record in _records(out):
        assert {p["phone"] for p in record["phones"]} <= set(PHONEMES[1:])
        assert 1 <= len(record["text"]) == len(record["pinyin"]) <= STYLE.max_song_syllables
        sung = [p["phone"] for p in record["phones"] if p["phone"] not in ("SP", "AP")]
        expected: list[str] = []
        for k, syllable in enumerate(record["pinyin"]):
            expected += syllable_to_phones(syllable).phones
            extra = sum(1 for n in record["notes"] if n["syllable"] == k) - 1
            expected += [expected[-1]] * extra
        assert sung == expected
        rests = [p for p in record["phones"] if p["phone"] in ("SP", "AP")]
        assert rests[0]["start"] == 0.0 and rests[-1]["phone"] == "SP"
        assert all(record["notes"][p["note"]]["rest"] == p["phone"] for p in rests)


def test_vowel_starts_on_the_note_onset(corpus: tuple[Path, SingSummary]) -> None:
    """Labels: initials end and finals start exactly on note onsets. Audio: after an unvoiced
    initial, voicing (F0 extracted from the wav) begins within a few ms of the onset."""
    out, _ = corpus
    offsets = []
    hop = 110  # 5 ms
    audio = AudioConfig(sample_rate=SR, hop_length=hop, n_fft=4 * hop, win_length=4 * hop)
    for record in _records(out):
        notes, phones = record["notes"], record["phones"]
        onsets = {n["start"] for n in notes if n["rest"] is None}
        for phone in phones:
            if phone["phone"] in INITIALS:
                assert phone["end"] == notes[phone["note"]]["start"]
            if phone["phone"] in FINALS:
                assert phone["start"] in onsets
        track = extract_f0(_wav(out, record), audio, PitchConfig(interpolate=False))
        times = np.arange(len(track)) * hop / SR
        for phone in phones:
            if phone["phone"] not in UNVOICED_INITIALS:
                continue
            a, b = phone["start"], phone["end"]
            voiced = np.flatnonzero(track.voiced & (times >= (a + b) / 2) & (times < b + 0.1))
            assert voiced.size, f"{record['id']}: no voicing after {phone['phone']} at {b}"
            offsets.append(times[voiced[0]] - b)
    assert len(offsets) >= 6
    assert np.median(np.abs(offsets)) <= 0.015
    assert np.max(np.abs(offsets)) <= 0.03


# --- pitch --------------------------------------------------------------------------------------


def test_rendered_f0_follows_the_target(corpus: tuple[Path, SingSummary]) -> None:
    out, _ = corpus
    for record in _records(out):
        check = check_f0(_wav(out, record), SR, record, _f0(out, record).astype(np.float64))
        assert check.frames >= 100
        assert check.median_cents <= 20.0, check
        assert check.vuv_error <= 0.1, check


def test_target_curve_shape() -> None:
    """Notes hold their pitch, glides pass the midpoint on the onset, vibrato stays within depth."""
    plan = next(iter_plans(1, SEED, replace(STYLE, max_song_syllables=10, melisma_probability=0.0,
                                             tempo_bpm=(72.0, 80.0)), SR))
    midi = target_pitch(plan)
    times = np.arange(midi.shape[0]) * FRAME_PERIOD_S
    pitched = [n for n in plan.notes if n.rest is None]
    assert any(n.vibrato for n in pitched)
    for previous, note in zip(plan.notes, plan.notes[1:]):
        if previous.rest is None and note.rest is None and previous.midi != note.midi:
            onset = note.start / SR
            at = np.interp(onset, times, midi)
            assert at == pytest.approx((previous.midi + note.midi) / 2, abs=0.08)
            assert 0.05 <= note.glide_s <= 0.08
    for note in pitched:
        start, end = note.start / SR, note.end / SR
        inside = (times >= start + 0.05) & (times < end - 0.05)
        deviation = 100 * (midi[inside] - note.midi)  # cents
        if note.vibrato is None:
            assert np.abs(deviation).max() == pytest.approx(0.0, abs=1e-9)
            continue
        assert 30 <= note.vibrato.depth_cents <= 50 and 5 <= note.vibrato.rate_hz <= 6
        assert np.abs(deviation).max() <= note.vibrato.depth_cents + 1e-6
        early = inside & (times < start + note.vibrato.delay_s)
        assert np.abs(100 * (midi[early] - note.midi)).max(initial=0.0) == pytest.approx(0.0, abs=1e-9)
        if end - start - note.vibrato.delay_s > 0.5:
            assert np.abs(deviation).max() >= 0.9 * note.vibrato.depth_cents
    for index, note in enumerate(plan.notes[:-1]):  # a line starts on pitch: no jump after a rest
        if note.rest is not None:
            inside = (times >= note.start / SR) & (times < note.end / SR)
            assert np.all(midi[inside] == plan.notes[index + 1].midi)
    assert midi_to_hz(np.array([69.0, 57.0])) == pytest.approx([440.0, 220.0])
    low, high = STYLE.midi_low, STYLE.midi_high
    assert all(low <= n.midi <= high for n in pitched)


def test_long_sentences_become_several_short_songs() -> None:
    text = "今天早上，小明和小红在公园里一边唱歌一边跳舞，老师觉得他们非常快乐。"
    pinyin = text_to_pinyin(text)
    style = SingStyle(max_line_syllables=6, max_song_syllables=12)
    songs = split_lyrics(text, pinyin, style)
    assert "".join(song.text for song in songs) == "".join(c for c in text if c not in "，。")
    assert [s for song in songs for s in song.pinyin] == pinyin
    for song in songs:
        assert len(song.pinyin) <= 12 and song.lines[0][0] == 0 and song.lines[-1][1] == len(song.pinyin)
        assert all(b - a <= 6 for a, b in song.lines)
        assert all(l1[1] == l2[0] for l1, l2 in zip(song.lines, song.lines[1:]))
    slow = replace(style, tempo_bpm=(40.0, 40.0), max_song_s=8.0)
    for index, song in enumerate(songs):
        plan = plan_song(index, song, SEED, slow, SR)
        assert plan.num_samples <= 8.0 * SR + 1 and plan.tempo_bpm >= 40.0
    with pytest.raises(InputError, match="max_line_syllables <= max_song_syllables"):
        SingStyle(max_line_syllables=12, max_song_syllables=10)


# --- determinism, resume ------------------------------------------------------------------------


def test_same_seed_same_files_with_workers(corpus: tuple[Path, SingSummary],
                                           tmp_path: Path) -> None:
    """The first songs do not depend on the song count nor on the number of processes."""
    out, _ = corpus
    again = tmp_path / "again"
    build_demo_sing(again, 2, seed=SEED, jobs=2, progress=False, style=STYLE)
    first = _files(out)
    for name, data in _files(again).items():
        if name.startswith(("segments/wavs", "scores", "f0")):
            assert first[name] == data, name
    other = next(iter_plans(1, SEED + 1, STYLE, SR))
    assert other.fingerprint() != next(iter_plans(1, SEED, STYLE, SR)).fingerprint()


def test_resume_skips_complete_songs(corpus: tuple[Path, SingSummary]) -> None:
    out, _ = corpus
    before = _files(out)
    (out / "segments" / "wavs" / "sing_000002.wav").unlink()
    (out / "f0" / ".sing_000003.npy.tmp").write_bytes(b"left by a killed run")
    summary = build_demo_sing(out, SONGS, seed=SEED, jobs=1, progress=False, style=STYLE)
    assert (summary.rendered, summary.skipped) == (1, SONGS - 1)
    assert _files(out) == before  # the re-rendered song is byte-identical; temporaries are gone


def test_a_failing_song_is_reported_and_skipped(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    real_render = demo_sing.render

    def render(plan: demo_sing.SongPlan) -> demo_sing.RenderedSong:
        if plan.id == "sing_000001":
            raise InputError("espeak spoke 'x' where 'y' was spelled")
        return real_render(plan)

    monkeypatch.setattr(demo_sing, "render", render)
    out = tmp_path / "partial"
    summary = build_demo_sing(out, 2, seed=SEED, jobs=1, progress=False, style=STYLE)
    assert (summary.songs, summary.rendered) == (1, 1)
    assert summary.failed == [demo_sing.SongFailure("sing_000001", "espeak spoke 'x' where 'y' was spelled")]
    assert summary.to_json()["failed"][0]["id"] == "sing_000001"
    lines = (out / "segments" / "transcriptions.txt").read_text(encoding="utf-8").splitlines()
    assert [line.split("|")[0] for line in lines] == ["sing_000002"]
    assert not (out / "segments" / "wavs" / "sing_000001.wav").exists()


# --- readers ------------------------------------------------------------------------------------


def test_demo_sing_reader(corpus: tuple[Path, SingSummary]) -> None:
    out, _ = corpus
    result = read_corpus("demo-sing", out)
    assert not result.problems and len(result.items) == SONGS
    for item, record in zip(result.items, _records(out)):
        assert item.id == record["id"] and item.speaker == "demo-sing"
        assert [(p.phone, p.start, p.end) for p in item.alignment] == [
            (p["phone"], p["start"], p["end"]) for p in record["phones"]]
        assert item.tones == [0] * len(item.alignment)
        extra = item.extra
        assert len(extra["notes"]) == len(extra["note_midi"]) == len(extra["note_durs"]) == len(extra["slurs"]) == len(item.alignment)
        assert extra["note_midi"] == [record["notes"][p["note"]]["midi"] for p in record["phones"]]
        assert sum(extra["slurs"]) == sum(n["slur"] for n in record["notes"])
        assert Path(extra["f0_path"]).is_file() and extra["f0_timestep"] == FRAME_PERIOD_S


def test_opencpop_reader_reads_the_transcript(corpus: tuple[Path, SingSummary]) -> None:
    out, _ = corpus
    opencpop = read_corpus("opencpop", out)
    demo = read_corpus("demo-sing", out)
    assert not opencpop.problems and len(opencpop.items) == SONGS
    for a, b in zip(opencpop.items, demo.items):
        assert [p.phone for p in a.alignment] == [p.phone for p in b.alignment]
        assert a.alignment[-1].end == pytest.approx(b.alignment[-1].end, abs=1e-4)
        assert a.extra["note_midi"] == b.extra["note_midi"] and a.extra["slurs"] == b.extra["slurs"]
        assert a.extra["note_durs"] == pytest.approx(b.extra["note_durs"], abs=1e-6)


def test_reader_reports_a_broken_record(corpus: tuple[Path, SingSummary], tmp_path: Path) -> None:
    out, _ = corpus
    copy = tmp_path / "copy"
    for name, data in _files(out).items():
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        (copy / name).write_bytes(data)
    record = json.loads(score_path(copy, "sing_000001").read_text(encoding="utf-8"))
    record["phones"][1]["phone"] = "zz"
    score_path(copy, "sing_000001").write_text(json.dumps(record), encoding="utf-8")
    (copy / "f0" / "sing_000004.npy").unlink()
    result = read_corpus("demo-sing", copy)
    assert [item.id for item in result.items] == ["sing_000002", "sing_000003"]
    reasons = [str(p) for p in result.problems]
    assert len(reasons) == 2
    assert "transcriptions.txt:1" in reasons[0] and "'zz' is not in the phoneme inventory" in reasons[0]
    assert "F0 curve is missing" in reasons[1]


# --- bad input ----------------------------------------------------------------------------------


def test_bad_arguments(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="songs must be a positive integer"):
        build_demo_sing(tmp_path / "x", 0, progress=False)
    with pytest.raises(InputError, match="singer range"):
        SingStyle(midi_low=70, midi_high=60)
    with pytest.raises(InputError, match="probability"):
        SingStyle(melisma_probability=1.5)
    (tmp_path / "file").write_text("x")
    with pytest.raises(InputError, match="is not a folder"):
        build_demo_sing(tmp_path / "file", 1, progress=False)
    result = subprocess.run([sys.executable, str(REPO / "cli.py"), "corpus", "demo-sing",
                             str(tmp_path / "y"), "--low", "70", "--high", "60"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "singer range" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not (tmp_path / "y").exists()


def test_prepare_takes_f0_from_the_corpus_curves(corpus: tuple[Path, SingSummary], tmp_path: Path) -> None:
    """data.f0_source auto: the store holds the curve the songs were sung with; extract: DIO's track,
    and a store made one way refuses the other (its fingerprint names f0_source)."""
    from tests.helpers import write_recipe
    from tts.config import load_config
    from tts.data.prepare import prepare_features
    from tts.data.store import FeatureStore
    from tts.errors import ConfigError

    out, _ = corpus
    recipe = write_recipe(tmp_path / "r.yaml", out, tmp_path / "run", model="diffsinger_small")
    base = ["data.corpus=demo-sing", "data.dev_items=0", "data.test_items=0"]
    prepare_features(load_config(recipe, base), jobs=1, progress=False)
    prepare_features(load_config(recipe, base + ["data.f0_source=extract", f"run_dir={tmp_path / 'dio'}"]),
                     jobs=1, progress=False)
    exact, dio = FeatureStore(tmp_path / "run" / "features"), FeatureStore(tmp_path / "dio" / "features")
    for entry in exact.read_manifest():
        record = load_record(score_path(out, entry.id))
        curve = np.load(out / record["f0"]["path"])
        item, tracked = exact.read_item(entry.id), dio.read_item(entry.id)
        times = np.arange(item.num_frames) * 256 / 22050
        on_curve = np.interp(times, np.arange(curve.shape[0]) * record["f0"]["timestep"], curve)
        inside = item.voiced & (np.interp(times, np.arange(curve.shape[0]) * record["f0"]["timestep"],
                                          (curve > 0).astype(float)) == 1.0)
        np.testing.assert_allclose(item.f0[inside], on_curve[inside], rtol=1e-4)
        assert not np.array_equal(item.f0, tracked.f0)  # DIO's track is close, not identical
    with pytest.raises(ConfigError, match="f0_source"):
        prepare_features(load_config(recipe, base + ["data.f0_source=extract"]), jobs=1, progress=False)
