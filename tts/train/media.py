"""Validation media of acoustic models: Griffin-Lim audio and mel / F0 / duration plots."""

from __future__ import annotations

import numpy as np
import torch

from tts.audio.params import AudioConfig
from tts.models.base import AcousticBatch, AcousticModel
from tts.text.symbols import PHONEMES
from tts.train.task import ValidationMedia


class AcousticMedia:
    """Renders the first items of a dev batch: the model's mel, vocoded and plotted."""

    def __init__(self, audio: AudioConfig) -> None:
        from tts.models.griffinlim import GriffinLim

        self.vocoder = GriffinLim(audio)

    @torch.no_grad()
    def __call__(self, model: AcousticModel, batch: AcousticBatch) -> list[ValidationMedia]:
        from tts.plots import figure_to_array, plot_synthesis

        inputs = AcousticBatch(phonemes=batch.phonemes, tones=batch.tones,
                               phoneme_lengths=batch.phoneme_lengths, speakers=batch.speakers,
                               note_pitch=batch.note_pitch, note_durations=batch.note_durations,  # notes: singing
                               word_index=batch.word_index, word_lengths=batch.word_lengths)  # words: PortaSpeech
        out = model.infer(inputs)
        self.vocoder.to(out.mel.device)
        wav = self.vocoder(out.mel)  # [B, samples]
        media = []
        for b in range(out.mel.shape[0]):
            frames = int(out.mel_lengths[b])
            n_ph = int(batch.phoneme_lengths[b])
            phones = [PHONEMES[i] for i in batch.phonemes[b, :n_ph].tolist()]
            durations = out.durations[b, :n_ph].tolist()
            mel = out.mel[b, :, :frames].float().cpu().numpy()
            f0 = out.f0[b, :frames].float().cpu().numpy() if out.f0 is not None else None
            figure = plot_synthesis(mel, f0, durations, phones, path=None, title=f"dev item {b}")
            samples = wav[b, : frames * self.vocoder.hop_length].float().cpu().numpy()
            peak = float(np.abs(samples).max()) if samples.size else 0.0
            media.append(ValidationMedia(
                id=f"item{b}",
                audio=(samples / peak * 0.9 if peak > 0 else samples).astype(np.float32),
                images={"synthesis": figure_to_array(figure)},
            ))
            import matplotlib.pyplot as plt

            plt.close(figure)
        return media
