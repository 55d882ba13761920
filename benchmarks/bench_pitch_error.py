"""Where an acoustic run's pitch error comes from: its pitch predictor, teacher-forced, on held-out items.

    python benchmarks/bench_pitch_error.py --run runs/demo_zh_fastspeech2 [--run OTHER …] [--split test] \
        [--corpus data/demo-zh] [--voice zh-demo]

With the recorded durations (so no alignment is needed and every frame pairs with its target), the
predicted F0 of each voiced frame is compared with the extracted one, in cents. Printed per run:

- RMSE and median |error| over the voiced frames of all items (the figure `tts eval` reports end
  to end also counts the vocoder, the extractor run on the rendering, and the DTW);
- the RMS of the per-utterance mean error (the level), and the RMSE left once each utterance's mean
  is removed (the contour);
- the floor of a contour that is flat inside each phoneme (each phoneme's frames replaced by their
  mean log-F0): what a predictor that only knows which phoneme a frame belongs to could reach;
- the frame voicing error of the uv head.

When the run's corpus has demo-corpus alignments (``espeak.pitch`` per utterance), it also prints
how much of the recordings' utterance-level F0 the randomly drawn espeak base pitch explains (R²):
the draw is independent of the text, so that part (about sqrt(R²) × the spread, in cents RMS) is a
floor under the level error of any model that reads only the text.

``--voice`` (with one ``--run``) measures the same split end to end, as ``tts eval`` does (the voice
renders each item from its phonemes; WORLD analysis and one DTW on mel-cepstra pair the frames; the
mean over items of each item's F0 RMSE), and then again with an oracle level: each item re-rendered
with the ``--pitch`` shift that removes its mean error on the first rendering. The second figure is
what a model that knew each recording's level would score with this voice's contours and vocoder.
"""

from __future__ import annotations

import argparse
import json
import platform
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import torch

if TYPE_CHECKING:
    from tts.train.trained_run import TrainedAcousticRun

CENTS_PER_OCTAVE = 1200.0
BATCH = 8


@dataclass
class PitchErrors:
    """Cents per voiced frame, grouped by utterance, and voicing counts."""

    errors: list[np.ndarray]  # per utterance, predicted vs extracted F0 on frames voiced in the recording
    flat: list[np.ndarray]  # per utterance, the flat-per-phoneme contour vs extracted F0, same frames
    level: list[float]  # per utterance, mean extracted log2-F0 of its voiced frames (octaves)
    ids: list[str]
    uv_wrong: int
    frames: int


def rms(values: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(values)))) if values.size else float("nan")


@torch.no_grad()
def measure(run: Path, split: str, threads: int) -> tuple[PitchErrors, TrainedAcousticRun]:
    """Teacher-forced pitch predictions of ``run``'s latest checkpoint on its ``split`` items."""
    from tts.data.dataset import AcousticDataset, collate
    from tts.train.trained_run import load_acoustic_run

    torch.set_num_threads(threads)
    trained = load_acoustic_run(run)
    store, record, stats, model = trained.store, trained.record, trained.stats, trained.model
    entries = store.read_manifest(split)
    dataset = AcousticDataset(store, entries, stats, record.speakers, cache=False)
    found = PitchErrors([], [], [], [], 0, 0)
    for start in range(0, len(entries), BATCH):
        examples = [dataset[i] for i in range(start, min(start + BATCH, len(entries)))]
        out = model(collate(examples))
        f0_pred = model.stats.denormalize_f0(out.variance.predictions.pitch.float()).numpy()  # [B, T]
        uv_logits = out.variance.predictions.uv_logits
        for b, entry in enumerate(entries[start : start + len(examples)]):
            item = store.read_item(entry.id, entry.speaker)
            frames = item.num_frames
            voiced = item.voiced[:frames].astype(bool)
            octaves = np.log2(np.maximum(item.f0[:frames], 1e-3))
            found.errors.append(CENTS_PER_OCTAVE * (np.log2(f0_pred[b, :frames][voiced]) - octaves[voiced]))
            phone = np.repeat(np.arange(len(item.durations)), item.durations)[:frames]
            sums = np.bincount(phone[voiced], octaves[voiced], minlength=len(item.durations))
            counts = np.bincount(phone[voiced], minlength=len(item.durations))
            flat = sums / np.maximum(counts, 1)
            found.flat.append(CENTS_PER_OCTAVE * (flat[phone[voiced]] - octaves[voiced]))
            found.level.append(float(octaves[voiced].mean()) if voiced.any() else float("nan"))
            found.ids.append(entry.id)
            if uv_logits is not None:
                found.uv_wrong += int(((uv_logits[b, :frames].numpy() > 0) == voiced).sum())
                found.frames += frames
    return found, trained


def oracle_level(voice: str, run: Path, split: str, threads: int) -> tuple[float, float, int]:
    """Mean per-item F0 RMSE (cents) of ``voice`` on ``run``'s ``split`` items, as rendered and with each
    item's level corrected by the shift that removes its mean error; and the item count."""
    from tts.audio.io import read_audio
    from tts.config import load_config
    from tts.data.store import FeatureStore
    from tts.eval.dtw import align_frames
    from tts.eval.metrics import f0_metrics, world_analysis
    from tts.models.base import Controls
    from tts.synth.synthesizer import Synthesizer
    from tts.text.symbols import PHONEMES

    torch.set_num_threads(threads)
    config = load_config(run / "config.yaml", [f"run_dir={run}"]).config
    store = FeatureStore(run / config.data.features_dir)
    synth = Synthesizer.from_voice(voice)
    rate = synth.voice.audio.sample_rate
    plain, oracle = [], []
    entries = store.read_manifest(split)
    for entry in entries:
        item = store.read_item(entry.id, entry.speaker)
        phonemes = [PHONEMES[i] for i in item.phonemes.tolist()]
        words = None if item.word_index is None else item.word_index.tolist()

        def render(shift: float) -> np.ndarray:
            return synth.render_phonemes(phonemes, item.tones.tolist(), Controls(pitch_shift=shift),
                                         speaker=entry.speaker, word_index=words).wav

        ref = world_analysis(read_audio(entry.audio, sample_rate=rate).samples, rate, pitch=config.pitch)

        def cents(shift: float) -> tuple[np.ndarray, float]:
            """The rendering's F0 error in cents on frames voiced in both, and its RMSE as `tts eval` scores it."""
            syn = world_analysis(render(shift), rate, pitch=config.pitch)
            path = align_frames(ref.mcep[:, 1:], syn.mcep[:, 1:])
            both = ref.voiced[path.ref] & syn.voiced[path.syn]
            error = CENTS_PER_OCTAVE * np.log2(syn.f0[path.syn][both] / ref.f0[path.ref][both])
            return error, f0_metrics(ref.f0, ref.voiced, syn.f0, syn.voiced, path).rmse_cents

        error, rmse = cents(0.0)
        if not error.size:
            continue
        plain.append(rmse)
        oracle.append(cents(-float(error.mean()) / 100.0)[1])
    return float(np.nanmean(plain)), float(np.nanmean(oracle)), len(plain)


def espeak_pitch_r2(corpus: Path, ids: list[str], level: list[float]) -> float | None:
    """R² of the utterances' mean log-F0 on their drawn espeak base pitch; None without demo alignments."""
    pitch = []
    for item_id in ids:
        path = corpus / "alignments" / f"{item_id}.json"
        if not path.is_file():
            return None
        pitch.append(json.loads(path.read_text(encoding="utf-8"))["espeak"]["pitch"])
    x, y = np.asarray(pitch, float), np.asarray(level)
    keep = np.isfinite(y)
    if keep.sum() < 3 or np.ptp(x[keep]) == 0:
        return None
    return float(np.corrcoef(x[keep], y[keep])[0, 1] ** 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--run", type=Path, action="append", required=True, help="an acoustic training run")
    parser.add_argument("--split", default="test", help="which items of the run (default: the held-out test items)")
    parser.add_argument("--corpus", type=Path, help="the runs' corpus folder, for the espeak pitch figure "
                        "(default: the run config's data.path, when it resolves from the run folder)")
    parser.add_argument("--voice", help="also measure this voice end to end, as rendered and with an oracle level")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    if args.voice and len(args.run) != 1:
        parser.error("--voice takes exactly one --run (whose items it renders)")
    print(f"# {platform.processor() or platform.machine()}, torch {torch.__version__}, {args.threads} threads")
    for run in args.run:
        run = run.expanduser().resolve()
        found, trained = measure(run, args.split, args.threads)
        errors = np.concatenate(found.errors)
        centred = np.concatenate([e - e.mean() for e in found.errors if e.size])
        levels = np.asarray([e.mean() for e in found.errors if e.size])
        print(f"{run.name} (step {trained.step}), {len(found.ids)} {args.split} items, {errors.size} voiced frames, teacher-forced:")
        print(f"  F0 RMSE {rms(errors):.1f} cents, median |error| {np.median(np.abs(errors)):.1f}")
        print(f"  level (per-utterance mean error) RMS {rms(levels):.1f} cents; contour RMSE with each utterance's "
              f"mean removed {rms(centred):.1f} (median |error| {np.median(np.abs(centred)):.1f})")
        flat = np.concatenate(found.flat)
        print(f"  floor of a contour flat inside each phoneme: RMSE {rms(flat):.1f} cents "
              f"(median |error| {np.median(np.abs(flat)):.1f})")
        if found.frames:
            print(f"  uv head frame error {found.uv_wrong / found.frames:.2%}")
        loaded = trained.loaded
        r2 = espeak_pitch_r2(args.corpus or loaded.resolve_path(loaded.config.data.path), found.ids, found.level)
        if r2 is not None:
            spread = CENTS_PER_OCTAVE * float(np.nanstd(found.level))
            print(f"  the recordings' utterance-level F0 spreads {spread:.1f} cents (SD); the drawn espeak base pitch "
                  f"explains R² = {r2:.2f} of it, {np.sqrt(r2) * spread:.1f} cents RMS that no model reading only the "
                  "text can predict")
        if args.voice:
            plain, oracle, items = oracle_level(args.voice, run, args.split, args.threads)
            print(f"  end to end, {args.voice} on {items} items (mean of per-item F0 RMSE, as `tts eval`): {plain:.1f} "
                  f"cents as rendered, {oracle:.1f} with each item's level set by an oracle")


if __name__ == "__main__":
    main()
