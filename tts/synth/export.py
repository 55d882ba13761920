"""``tts export``: the newest checkpoint of a training run → a voice folder."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from tts.config import load_config
from tts.data.dataset import model_stats
from tts.data.store import FeatureStore
from tts.errors import InputError
from tts.train.checkpoint import load_latest
from tts.train.run import export_run
from tts.train.task import build_acoustic_model


def export_from_run(run_dir: Path, name: str, out_dir: Optional[Path] = None, fp16: bool = False) -> Path:
    """Build the run's model, load its newest readable checkpoint and write a voice bundle."""
    config_path = run_dir / "config.yaml"
    if not config_path.is_file():
        raise InputError(f"{run_dir} is not a training run: {config_path.name} is missing")
    loaded = load_config(config_path, [f"run_dir={run_dir.resolve()}"])
    store = FeatureStore(run_dir / loaded.config.data.features_dir)
    record = store.read_stats()
    stats = model_stats(record)
    model = build_acoustic_model(loaded, stats, n_speakers=len(record.speakers))
    latest = load_latest(run_dir / "checkpoints")
    if latest.resumed is None:
        raise InputError(f"no readable checkpoint in {run_dir / 'checkpoints'}" +
                         (f" ({latest.skipped[0]})" if latest.skipped else ""))
    try:
        model.load_state_dict(latest.resumed.state["networks"]["model"])
    except (KeyError, RuntimeError) as err:
        raise InputError(f"{latest.resumed.path} does not match the run's model ({str(err).splitlines()[0]})") from None
    return export_run(loaded, model, stats, record.speakers, latest.resumed.step,
                      out_dir=out_dir or Path(name), name=name, fp16=fp16)
