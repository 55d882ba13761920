"""``tts prepare``: features, durations, split, statistics, resumability and bad items."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from tests.helpers import make_folder_corpus, write_recipe
from tts.config import load_config
from tts.data.prepare import prepare_features
from tts.data.store import FeatureStore
from tts.errors import InputError


@pytest.fixture()
def recipe(tmp_path: Path) -> Path:
    corpus = make_folder_corpus(tmp_path / "corpus", count=8)
    return write_recipe(tmp_path / "recipe.yaml", corpus, tmp_path / "run")


def test_prepare_writes_aligned_features(recipe: Path, tmp_path: Path) -> None:
    summary = prepare_features(load_config(recipe), jobs=1, progress=False)
    assert summary.items == 8 and summary.computed == 8 and not summary.skipped
    assert summary.splits == {"train": 6, "dev": 1, "test": 1}
    store = FeatureStore(tmp_path / "run" / "features")
    entries = store.read_manifest()
    for entry in entries:
        item = store.read_item(entry.id)
        assert item.mel.shape == (80, entry.frames)
        assert item.f0.shape == item.energy.shape == item.voiced.shape == (entry.frames,)
        assert item.durations is not None and int(item.durations.sum()) == entry.frames
        assert len(item.phonemes) == len(item.tones) == len(item.durations)
    stats = store.read_stats()
    assert 100 < np.exp(stats.log_f0_mean) < 300  # the generated voices sit at 120-225 Hz
    assert len(stats.mel_mean) == 80
    assert (tmp_path / "run" / "config.yaml").is_file()


def test_second_run_reuses_and_resumes(recipe: Path, tmp_path: Path) -> None:
    prepare_features(load_config(recipe), jobs=1, progress=False)
    store = FeatureStore(tmp_path / "run" / "features")
    store.item_path("utt003").unlink()  # as if killed before this item was written
    again = prepare_features(load_config(recipe), jobs=1, progress=False)
    assert again.computed == 1 and again.reused == 7 and again.items == 8
    assert not list(store.items_dir.glob("*.tmp"))


def test_bad_items_are_skipped_with_reasons(recipe: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "wavs" / "utt001.wav").write_bytes(b"not a wav at all")
    record = json.loads((corpus / "alignments" / "utt002.json").read_text())
    record["intervals"][-1]["end"] += 1.0  # alignment a second longer than the audio
    (corpus / "alignments" / "utt002.json").write_text(json.dumps(record))
    summary = prepare_features(load_config(recipe), jobs=1, progress=False)
    reasons = {s.id: s.reason for s in summary.skipped}
    assert set(reasons) == {"utt001", "utt002"}
    assert "utt001" in reasons and reasons["utt002"]
    assert summary.items == 6


def test_changed_audio_settings_are_refused(recipe: Path) -> None:
    prepare_features(load_config(recipe), jobs=1, progress=False)
    with pytest.raises(Exception, match="other 'audio' settings"):
        prepare_features(load_config(recipe, ["audio.n_mels=64"]), jobs=1, progress=False)


def test_parallel_matches_serial(tmp_path: Path) -> None:
    corpus = make_folder_corpus(tmp_path / "corpus", count=6)
    serial = write_recipe(tmp_path / "a.yaml", corpus, tmp_path / "a")
    parallel = write_recipe(tmp_path / "b.yaml", corpus, tmp_path / "b")
    prepare_features(load_config(serial), jobs=1, progress=False)
    prepare_features(load_config(parallel), jobs=2, progress=False)
    for entry in FeatureStore(tmp_path / "a" / "features").read_manifest():
        a = FeatureStore(tmp_path / "a" / "features").read_item(entry.id)
        b = FeatureStore(tmp_path / "b" / "features").read_item(entry.id)
        np.testing.assert_allclose(a.mel, b.mel, atol=1e-5)
        np.testing.assert_array_equal(a.durations, b.durations)


def test_empty_corpus_is_a_clear_error(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "wavs").mkdir(parents=True)
    (corpus / "metadata.csv").write_text("# nothing here\n")
    recipe = write_recipe(tmp_path / "r.yaml", corpus, tmp_path / "run")
    with pytest.raises(InputError, match="no usable items"):
        prepare_features(load_config(recipe), jobs=1, progress=False)
