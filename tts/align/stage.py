"""``tts align RECIPE``: phone durations for corpora without alignments, learned from the corpus itself.

Design: a separate stage, not an aligner trained jointly inside the acoustic model. The stage trains
a small aligner (:mod:`tts.align.model`) on the prepared feature store, hardens its soft alignments
with monotonic alignment search, and writes integer durations (summing exactly to each item's mel
frames) into the store, exactly where exact alignments would have put them. Reasons:

- Every acoustic model (FastSpeech 2, PortaSpeech, DiffSinger) keeps training on fixed durations,
  unchanged: one training path whatever the corpus, and nothing aligner-specific inside the models.
- Durations are settled, inspected (alignment images in ``RUN_DIR/align/logs``) and screened (an
  utterance whose text does not fit its audio is reported and left out) *before* hours of acoustic
  training, instead of drifting while the decoder already learns from them.
- The aligner converges in a few thousand cheap steps; jointly, every acoustic step would also pay
  for the aligner and the decoder would spend its first steps on wrong durations.
  The price is one more stage; ``tts train`` runs it automatically when a training item lacks
  durations, so a folder of wavs plus a transcript trains with no extra command.

Where the durations come from is ``data.duration_source``: "auto" (exact alignments when the corpus
has them, this stage for the items without), "alignment" (exact only) or "aligner" (this stage for
every item; the alignment's phone sequence is still used when there is one).

Files: ``RUN_DIR/align/checkpoints`` and ``RUN_DIR/align/logs`` (the training engine's usual
resumable checkpoints and TensorBoard logs); ``<features>/aligner.json`` records the cost of every
item the aligner wrote durations for; rejected items go to ``<features>/skipped.jsonl`` with their
reason and leave the manifest (a later ``prepare`` re-lists them and this stage re-screens them).
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Callable, Optional, Union

import numpy as np
import torch
from torch.utils.data import DataLoader

from tts.align.model import ALIGNER_PRESETS, Aligner, AlignerConfig, ItemAlignment
from tts.align.screen import Rejection, cost_limit, cost_rejection, ratio_rejections
from tts.align.task import AlignTask
from tts.config import AlignConfig, LoadedConfig, TrainConfig, build_dataclass
from tts.data.dataset import AcousticDataset, collate, model_stats
from tts.data.store import FeatureStore, ManifestEntry
from tts.errors import ConfigError, InputError
from tts.fileio import atomic_write_text
from tts.text.symbols import NUM_TONES, PHONEMES

ALIGN_DIR = "align"  # RUN_DIR/align: the aligner's checkpoints and TensorBoard logs
RECORD_NAME = "aligner.json"  # in the feature store: costs of the items the aligner gave durations
EXAMPLES_SHOWN = 3  # rejected items quoted in an error message


@dataclass
class AlignSummary:
    """What one run of the align stage did."""

    features_dir: str
    aligned: int  # items given durations by this run
    kept: int  # items whose durations were already there (exact alignments, or an earlier run)
    rejected: list[Rejection] = field(default_factory=list)
    step: int = 0  # aligner training step reached
    resumed_from: Optional[int] = None
    stopped_by: str = ""
    train_seconds: float = 0.0
    extract_seconds: float = 0.0
    audio_seconds: float = 0.0  # audio of the items aligned by this run
    cost_limit: Optional[float] = None

    @property
    def throughput(self) -> float:
        """Audio hours aligned per wall-clock hour of training + extraction."""
        wall = self.train_seconds + self.extract_seconds
        return self.audio_seconds / wall if wall > 0 else 0.0

    def to_json(self) -> dict:
        data = asdict(self)
        data["throughput"] = round(self.throughput, 1)
        return data

    def describe(self) -> str:
        lines = [f"aligner: {self.aligned} items aligned, {self.kept} already had durations, "
                 f"{len(self.rejected)} rejected ({self.features_dir})"]
        if self.aligned:
            lines.append(f"aligner: step {self.step} ({self.stopped_by}), {self.train_seconds:.0f} s training + "
                         f"{self.extract_seconds:.0f} s extraction for {self.audio_seconds / 3600:.2f} h of audio "
                         f"({self.throughput:.0f}x real time)")
        for rejection in self.rejected:
            lines.append(f"  not aligned {rejection.id}: {rejection.reason}")
        return "\n".join(lines)


# ----------------------------------------------------------------------------- when and what


def needs_alignment(loaded: LoadedConfig) -> bool:
    """Whether ``tts train`` must run this stage: an acoustic run whose store has items without
    durations (or, with ``duration_source: aligner``, items the aligner has not done yet)."""
    from tts.data.prepare import needs_phonemes

    cfg = loaded.config
    if cfg.data.duration_source == "alignment" or not needs_phonemes(cfg):
        return False
    store = FeatureStore(loaded.run_dir / cfg.data.features_dir)
    return bool(_todo(store.read_manifest(), _read_record(store), cfg.data.duration_source == "aligner"))


def _todo(entries: list[ManifestEntry], record: dict[str, float], force: bool) -> list[ManifestEntry]:
    return [e for e in entries if not e.has_durations or (force and e.id not in record)]


def _read_record(store: FeatureStore) -> dict[str, float]:
    path = store.root / RECORD_NAME
    if not path.is_file():
        return {}
    try:
        return {str(k): float(v) for k, v in json.loads(path.read_text(encoding="utf-8"))["costs"].items()}
    except (json.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError):
        raise InputError(f"{path} is malformed; delete it and run `tts align` again") from None


# ----------------------------------------------------------------------------- building


def build_aligner(align: AlignConfig, n_mels: int, where: str = "align") -> Aligner:
    """The aligner of ``align.preset`` with ``align.params`` laid over it (strictly checked)."""
    if align.preset not in ALIGNER_PRESETS:
        raise ConfigError(f"align.preset {align.preset!r}{where_suffix(where)} is not an aligner preset; "
                          f"available: {', '.join(ALIGNER_PRESETS)}")
    fields = asdict(ALIGNER_PRESETS[align.preset])
    fields.update(align.params)
    config = build_dataclass(AlignerConfig, fields, {f"align.params.{k}": where for k in align.params},
                             "align.params.")
    return Aligner(config, n_mels=n_mels, n_vocab=len(PHONEMES), n_tones=NUM_TONES)


def where_suffix(where: str) -> str:
    return f" (in {where})" if where else ""


def aligner_train_config(align: AlignConfig, train: TrainConfig) -> TrainConfig:
    """The training loop's settings for the aligner: its own schedule, the run's seed/AMP/logging."""
    return replace(train, steps=align.steps, batch_size=align.batch_size, max_frames=align.max_frames,
                   lr=align.lr, lr_schedule="warmup_inverse_sqrt", warmup_steps=align.warmup_steps,
                   loss_weights={"binarization": align.binarization_weight}, eval_every=align.eval_every,
                   checkpoint_every=align.checkpoint_every, max_minutes=align.max_minutes)


# ----------------------------------------------------------------------------- the stage


def check_recipe(loaded: LoadedConfig) -> None:
    """A :class:`ConfigError` when the recipe has no use for the aligner (a vocoder, or exact-only durations)."""
    from tts.data.prepare import needs_phonemes

    cfg = loaded.config
    if not needs_phonemes(cfg):
        raise ConfigError(f"{loaded.source}: model {cfg.model.name!r} is a vocoder; it learns from audio "
                          "alone and needs no phone durations")
    if cfg.data.duration_source == "alignment":
        raise ConfigError(f"{loaded.source}: data.duration_source is 'alignment' (exact alignments only); "
                          "set it to 'auto' or 'aligner' to use the built-in aligner")
    build_aligner(cfg.align, cfg.audio.n_mels, str(loaded.origins.get("align.preset", loaded.source)))


def align_run(loaded: LoadedConfig, device: Union[str, torch.device] = "auto", progress: bool = True,
              log: Callable[[str], None] = print) -> AlignSummary:
    """Run the stage on a recipe whose features are prepared (``tts prepare`` or ``tts train``)."""
    from tts.train.distributed import pick_device

    check_recipe(loaded)
    cfg = loaded.config
    store = FeatureStore(loaded.run_dir / cfg.data.features_dir)
    torch_device = device if isinstance(device, torch.device) else pick_device(device)
    where = str(loaded.origins.get("align.preset", loaded.source))
    return align_store(store, cfg.align, cfg.train, loaded.run_dir / ALIGN_DIR, torch_device,
                       n_mels=cfg.audio.n_mels, sample_rate=cfg.audio.sample_rate,
                       hop_length=cfg.audio.hop_length, force=cfg.data.duration_source == "aligner",
                       progress=progress, log=log, where=where)


def align_store(store: FeatureStore, align: AlignConfig, train: TrainConfig, work_dir: Path,
                device: torch.device, n_mels: int, sample_rate: int, hop_length: int, force: bool = False,
                progress: bool = True, log: Callable[[str], None] = print, where: str = "") -> AlignSummary:
    """Train (or resume) the aligner on ``store`` and write durations for the items lacking them.

    ``force``: also re-align items whose durations came from elsewhere (exact alignments).
    Raises :class:`InputError` when more than ``align.max_failed_fraction`` of them fail.
    """
    entries = store.read_manifest()
    record = _read_record(store)
    todo = _todo(entries, record, force)
    summary = AlignSummary(features_dir=str(store.root), aligned=0, kept=len(entries) - len(todo))
    if not todo:
        return summary
    screened = ratio_rejections([e.id for e in entries], [e.frames for e in entries],
                                [e.phones for e in entries], align.ratio_tolerance)
    todo_ids = {e.id for e in todo}
    rejected = [r for r in screened if r.id in todo_ids]
    _check_failures(rejected, len(todo), align.max_failed_fraction)
    bad = {r.id for r in screened}
    candidates = [e for e in entries if e.id not in bad]

    model = build_aligner(align, n_mels, where)
    start = time.perf_counter()
    result = _train(model, store, candidates, align, train, work_dir, device, sample_rate, progress, log)
    summary.train_seconds = time.perf_counter() - start
    summary.step, summary.resumed_from, summary.stopped_by = result.step, result.resumed_from, result.stopped_by

    start = time.perf_counter()
    targets = [e for e in todo if e.id not in bad]
    alignments = extract(model, store, targets, align.batch_size, device)
    summary.extract_seconds = time.perf_counter() - start

    kept_costs = {k: v for k, v in record.items() if k not in alignments}
    limit = cost_limit(list(kept_costs.values()) + [a.cost for a in alignments.values()], align.cost_tolerance)
    rejected += [cost_rejection(i, a.cost, limit) for i, a in alignments.items() if a.cost > limit.limit]
    _check_failures(rejected, len(todo), align.max_failed_fraction)
    accepted = {i: a for i, a in alignments.items() if a.cost <= limit.limit}
    _write(store, entries, accepted, rejected, {**kept_costs, **{i: a.cost for i, a in accepted.items()}},
           result.step)
    summary.aligned = len(accepted)
    summary.rejected = rejected
    summary.cost_limit = limit.limit
    summary.audio_seconds = sum(e.frames for e in targets if e.id in accepted) * hop_length / sample_rate
    return summary


def _check_failures(rejected: list[Rejection], total: int, max_fraction: float) -> None:
    if total and len(rejected) > max_fraction * total:
        examples = "; ".join(f"{r.id}: {r.reason}" for r in rejected[:EXAMPLES_SHOWN])
        raise InputError(f"the aligner rejected {len(rejected)} of {total} items (e.g. {examples}); "
                         "check that the transcripts belong to the audio files")


def _train(model: Aligner, store: FeatureStore, candidates: list[ManifestEntry], align: AlignConfig,
           train: TrainConfig, work_dir: Path, device: torch.device, sample_rate: int, progress: bool,
           log: Callable[[str], None]):
    """Fit the aligner with the training engine (resumable; TensorBoard in ``work_dir/logs``)."""
    from torch.utils.tensorboard import SummaryWriter

    from tts.train.distributed import DistEnv
    from tts.train.loop import Trainer

    record = store.read_stats()
    stats = model_stats(record)
    torch.manual_seed(train.seed)
    train_set = AcousticDataset(store, candidates, stats, record.speakers, require_durations=False)
    dev = [e for e in candidates if e.split == "dev"]
    dev_set = AcousticDataset(store, dev, stats, record.speakers, require_durations=False) if dev else None
    task = AlignTask(model, binarization_start=int(align.binarization_start * align.steps))
    env = DistEnv(rank=0, world_size=1, local_rank=0, device=device)  # the main rank aligns alone
    trainer = Trainer(task, train_set, dev_set, collate, train_set.lengths, aligner_train_config(align, train),
                      work_dir, env, sample_rate=sample_rate, log=log, progress=progress)
    writer = SummaryWriter(str(work_dir / "logs"))
    try:
        return trainer.fit(writer)
    finally:
        writer.close()


@torch.no_grad()
def extract(model: Aligner, store: FeatureStore, entries: list[ManifestEntry], batch_size: int,
            device: torch.device) -> dict[str, ItemAlignment]:
    """Hard durations of ``entries`` by the trained ``model`` (batches of similar length)."""
    if not entries:
        return {}
    record = store.read_stats()
    dataset = AcousticDataset(store, sorted(entries, key=lambda e: e.frames), model_stats(record),
                              record.speakers, require_durations=False, cache=False)
    model.to(device).eval()
    results: dict[str, ItemAlignment] = {}
    loader = DataLoader(dataset, batch_size=max(1, batch_size), shuffle=False, collate_fn=collate)
    index = 0
    for batch in loader:
        for alignment in model.align(batch.to(device)):
            entry = dataset.entries[index]
            if int(alignment.durations.sum()) != entry.frames or int(alignment.durations.min()) < 1:
                raise RuntimeError(f"aligner produced invalid durations for {entry.id}")  # MAS guarantees both
            results[entry.id] = alignment
            index += 1
    return results


def _write(store: FeatureStore, entries: list[ManifestEntry], accepted: dict[str, ItemAlignment],
           rejected: list[Rejection], costs: dict[str, float], step: int) -> None:
    """Durations into the items, then the record, then the manifest and the skipped list."""
    speakers = {e.id: e.speaker for e in entries}
    for item_id, alignment in accepted.items():
        item = store.read_item(item_id, speakers[item_id])
        item.durations = alignment.durations.astype(np.int64)
        store.write_item(item)
    atomic_write_text(store.root / RECORD_NAME, json.dumps({"step": step, "costs": costs}, indent=1))
    gone = {r.id for r in rejected}
    kept = [replace(e, has_durations=True) if e.id in accepted else e for e in entries if e.id not in gone]
    store.write_manifest(kept)
    skipped_path = store.root / "skipped.jsonl"
    lines = skipped_path.read_text(encoding="utf-8").splitlines() if skipped_path.is_file() else []
    lines = [line for line in lines if line.strip() and json.loads(line).get("id") not in gone]
    lines += [json.dumps({"id": r.id, "reason": f"aligner: {r.reason}"}, ensure_ascii=False) for r in rejected]
    atomic_write_text(skipped_path, "".join(line + "\n" for line in lines))
