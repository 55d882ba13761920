"""``tts eval``: a voice against the held-out recordings of its training run.

Each held-out item is rendered from its reference phonemes and tones (so that the acoustic
model, not the text frontend, is measured) — a singing voice from its phonemes and notes, with
phoneme durations and F0 predicted as ``tts sing`` does — vocoded with the voice's vocoder, and compared with
the recording: MCD (DTW, mel-cepstra without c0), F0 RMSE in cents and V/UV error on the same DTW
path, and duration MAE in ms against the exact alignment. One implementation for every model.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

import numpy as np

from tts.audio.io import read_audio
from tts.config import load_config
from tts.data.store import FeatureStore
from tts.errors import InputError, VoiceError
from tts.eval.metrics import EvalTable, compare_waves, duration_mae_ms
from tts.text.symbols import PHONEMES


@dataclass
class EvalReport:
    """Per-item rows plus their mean, and what was measured."""

    table: EvalTable
    voice: str
    vocoder: str
    items: int

    def describe(self) -> str:
        return f"{self.voice} on {self.items} held-out items (vocoder: {self.vocoder})\n{self.table.format()}"


def evaluate_voice(voice: str | Path, run_dir: Path, split: str = "test", limit: Optional[int] = None,
                   device: str = "cpu", vocoder: Optional[str] = None, progress: bool = True,
                   precision: str = "auto") -> EvalReport:
    """Render and score the ``split`` items of ``run_dir`` with ``voice`` (its vocoder in ``precision``)."""
    from tqdm import tqdm

    from tts.synth.synthesizer import Synthesizer

    config_path = run_dir / "config.yaml"
    if not config_path.is_file():
        raise InputError(f"{run_dir} is not a training run: {config_path.name} is missing")
    run = load_config(config_path).config
    from tts.models import SINGING_MODELS
    from tts.synth.registry import find_voice
    from tts.synth.voice import read_card

    singing = read_card(find_voice(voice)).model in SINGING_MODELS
    if singing:  # notes in, durations and F0 predicted from them, as `tts sing` does
        from tts.synth.singer import Singer

        synth: Any = Singer.from_voice(voice, device=device, vocoder=vocoder, precision=precision)
    else:
        synth = Synthesizer.from_voice(voice, device=device, vocoder=vocoder, precision=precision)
    audio = synth.voice.audio
    if (audio.sample_rate, audio.hop_length, audio.n_mels) != (run.audio.sample_rate, run.audio.hop_length,
                                                               run.audio.n_mels):
        raise VoiceError(f"voice {voice} ({audio.sample_rate} Hz, hop {audio.hop_length}) does not match the "
                         f"features of {run_dir} ({run.audio.sample_rate} Hz, hop {run.audio.hop_length})")
    store = FeatureStore(run_dir / run.data.features_dir)
    entries = store.read_manifest(split)[:limit]
    if not entries:
        raise InputError(f"no '{split}' items in {store.manifest_path}")
    table = EvalTable(rows=[], title=f"{split} items")
    for entry in tqdm(entries, desc="eval", unit="utt", disable=not progress):
        item = store.read_item(entry.id, entry.speaker)
        phonemes = [PHONEMES[i] for i in item.phonemes.tolist()]
        if singing:
            if item.note_pitch is None or item.note_durations is None:
                raise InputError(f"{voice} sings notes, but item {entry.id} of {run_dir} has none "
                                 "(a speech corpus?)")
            rendered = synth.render_notes(phonemes, item.note_pitch, item.note_durations, speaker=entry.speaker)
        else:
            words = None if item.word_index is None else item.word_index.tolist()
            rendered = synth.render_phonemes(phonemes, item.tones.tolist(), speaker=entry.speaker, word_index=words)
        reference = read_audio(entry.audio, sample_rate=audio.sample_rate).samples
        scores = compare_waves(reference, rendered.wav, audio.sample_rate, pitch=run.pitch).as_dict()
        if item.durations is not None:
            scores["dur_mae_ms"] = duration_mae_ms(np.asarray(rendered.render.durations), item.durations,
                                                   audio.hop_length, audio.sample_rate)
        table.add(entry.id, scores)
    table.rows.append(table.mean())
    return EvalReport(table=table, voice=str(voice), vocoder=synth.vocoder_name, items=len(entries))
