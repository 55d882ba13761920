"""``tts export``: the newest checkpoint of a training run → a voice folder."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

from tts.audio.params import AudioConfig

from tts.config import load_config
from tts.data.dataset import model_stats
from tts.data.store import FeatureStore
from tts.errors import InputError, VoiceError
from tts.train.checkpoint import load_latest
from tts.train.run import export_run, is_vocoder_run
from tts.train.task import build_acoustic_model


def vocoder_reference(vocoder: str, voice_dir: Path, audio: AudioConfig) -> str:
    """The card's ``vocoder`` value pairing the voice exported to ``voice_dir`` with ``vocoder``.

    ``vocoder`` is "griffin-lim", an installed vocoder voice's name (kept as the name) or a path
    (relative to the current folder; stored relative to ``voice_dir`` so the pair can move
    together). The vocoder must be a vocoder voice with the same mel definition as ``audio``.
    """
    from tts.synth.registry import find_voice
    from tts.synth.synthesizer import check_compatible
    from tts.synth.voice import GRIFFIN_LIM, load_voice

    if vocoder == GRIFFIN_LIM:
        return vocoder
    folder = find_voice(vocoder)
    voice = load_voice(folder)
    if voice.card.kind != "vocoder":
        raise VoiceError(f"--vocoder {vocoder}: {folder} is an {voice.card.kind} voice, not a vocoder")
    check_compatible(audio, str(voice_dir), voice.audio, str(folder))
    if not (Path(vocoder).expanduser() / "card.json").is_file():  # found by name in the voice folders
        return vocoder
    return os.path.relpath(folder.resolve(), voice_dir.resolve())


def export_from_run(run_dir: Path, name: str, out_dir: Optional[Path] = None, fp16: bool = False,
                    vocoder: Optional[str] = None) -> Path:
    """Build the run's model, load its newest readable checkpoint and write a voice bundle.

    ``vocoder`` pairs an acoustic voice with a vocoder voice (default: the recipe's ``model.vocoder``);
    a vocoder run exports its generator as a vocoder voice.
    """
    config_path = run_dir / "config.yaml"
    if not config_path.is_file():
        raise InputError(f"{run_dir} is not a training run: {config_path.name} is missing")
    loaded = load_config(config_path, [f"run_dir={run_dir.resolve()}"])
    if is_vocoder_run(loaded.config):
        from tts.train.gan_task import build_vocoder

        if vocoder is not None:
            raise InputError(f"{run_dir} trains a vocoder; --vocoder pairs acoustic voices only")
        model, stats, speakers, network = build_vocoder(loaded), None, [], "generator"
    else:
        store = FeatureStore(run_dir / loaded.config.data.features_dir)
        record = store.read_stats()
        stats = model_stats(record)
        model = build_acoustic_model(loaded, stats, n_speakers=len(record.speakers))
        speakers, network = record.speakers, "model"
    latest = load_latest(run_dir / "checkpoints")
    if latest.resumed is None:
        raise InputError(f"no readable checkpoint in {run_dir / 'checkpoints'}" +
                         (f" ({latest.skipped[0]})" if latest.skipped else ""))
    try:
        model.load_state_dict(latest.resumed.state["networks"][network])
    except (KeyError, RuntimeError) as err:
        raise InputError(f"{latest.resumed.path} does not match the run's model ({str(err).splitlines()[0]})") from None
    return export_run(loaded, model, stats, speakers, latest.resumed.step,
                      out_dir=out_dir or Path(name), name=name, fp16=fp16, vocoder=vocoder)
