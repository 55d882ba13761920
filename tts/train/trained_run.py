"""A finished (or running) acoustic training run, loaded for inference: config, features, model."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from torch import nn

from tts.config import LoadedConfig, load_config
from tts.data.dataset import model_stats
from tts.data.store import FeatureStatsRecord, FeatureStore
from tts.errors import InputError
from tts.models.base import FeatureStats
from tts.train.checkpoint import load_latest
from tts.train.task import build_acoustic_model


@dataclass
class TrainedAcousticRun:
    """An acoustic run's resolved config, feature store and its newest checkpoint's model (eval mode)."""

    folder: Path  # the run folder, resolved
    loaded: LoadedConfig
    store: FeatureStore
    record: FeatureStatsRecord
    stats: FeatureStats
    model: nn.Module
    step: int  # the checkpoint's step


def load_acoustic_run(folder: Path, label: str = "") -> TrainedAcousticRun:
    """Load the run in ``folder`` (config.yaml, features/, checkpoints/) with its newest readable checkpoint.

    ``label`` names the run in errors (e.g. the config key that pointed at it); default: the folder.
    Raises:
        InputError: the folder is not a run, has no readable checkpoint, or the checkpoint does not fit
            its config.
    """
    folder = folder.expanduser().resolve()
    label = label or str(folder)
    config_path = folder / "config.yaml"
    if not config_path.is_file():
        raise InputError(f"{label} is not a training run: {config_path.name} is missing")
    loaded = load_config(config_path, [f"run_dir={folder}"])
    store = FeatureStore(folder / loaded.config.data.features_dir)
    record = store.read_stats()
    stats = model_stats(record)
    model = build_acoustic_model(loaded, stats, n_speakers=len(record.speakers))
    latest = load_latest(folder / "checkpoints")
    if latest.resumed is None:
        raise InputError(f"{label}: no readable checkpoint in {folder / 'checkpoints'}")
    try:
        model.load_state_dict(latest.resumed.state["networks"]["model"])
    except (KeyError, RuntimeError) as err:
        raise InputError(f"{latest.resumed.path} does not match {config_path} ({str(err).splitlines()[0]})") from None
    model.eval()
    return TrainedAcousticRun(folder, loaded, store, record, stats, model, latest.resumed.step)
