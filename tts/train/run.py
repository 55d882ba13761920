"""``tts train RECIPE``: prepare → train → export, resumable, one process or many under torchrun."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable, Optional

import torch

from tts.config import LoadedConfig, RunConfig, dump_config
from tts.data.dataset import AcousticDataset, collate, model_stats
from tts.data.store import FeatureStore
from tts.fileio import atomic_write_text
from tts.models import SINGING_MODELS
from tts.models.base import FeatureStats
from tts.train.distributed import DistEnv, barrier, init_distributed, shutdown
from tts.train.loop import Trainer, TrainResult
from tts.train.media import AcousticMedia
from tts.train.task import AcousticTask, build_acoustic_model


@dataclass
class TrainSummary:
    """What ``tts train`` did."""

    run_dir: str
    step: int
    resumed_from: Optional[int]
    stopped_by: str
    seconds_per_step: float
    parameters: int
    voice_dir: Optional[str]
    last_losses: dict[str, float]
    vocoder: bool = False  # a vocoder run (the voice is a vocoder voice)
    sings: bool = False  # a singing acoustic model (its voice renders scores with `tts sing`)

    def to_json(self) -> dict:
        return asdict(self)

    def describe(self) -> str:
        shown = [k for k in self.last_losses if "/" not in k] or [k for k in self.last_losses if k.count("/") == 2]
        losses = ", ".join(f"{k} {self.last_losses[k]:.3f}" for k in shown)
        lines = [
            f"run: {self.run_dir}",
            f"step {self.step} ({self.stopped_by}; {self.seconds_per_step:.3f} s/step"
            + (f", resumed from step {self.resumed_from}" if self.resumed_from is not None else "") + ")",
            f"model: {self.parameters / 1e6:.2f} M parameters; last losses: {losses}",
        ]
        if self.voice_dir and self.vocoder:
            lines.append(f"vocoder voice: {self.voice_dir}  (try: tts vocode IN.wav -o OUT.wav --voice {self.voice_dir})")
        elif self.voice_dir and self.sings:
            lines.append(f"singing voice: {self.voice_dir}  (try: tts sing SCORE -o song.wav --voice {self.voice_dir})")
        elif self.voice_dir:
            lines.append(f"voice: {self.voice_dir}  (try: tts synth \"你好\" --voice {self.voice_dir})")
        return "\n".join(lines)


@dataclass
class Setup:
    """Everything a training run is made of, built the same way on every rank."""

    trainer: Trainer
    model: torch.nn.Module  # what the voice exports: the acoustic model, or a vocoder's generator
    stats: Optional[FeatureStats]  # None for vocoders
    speakers: list[str]


def is_vocoder_run(cfg: RunConfig) -> bool:
    """Whether ``model.name`` is a trainable vocoder (registered in VOCODERS with weights, unlike Griffin-Lim)."""
    import tts.models  # noqa: F401  (registers the vocoders)
    from tts.registry import VOCODERS

    if cfg.model.name not in VOCODERS:
        return False
    from tts.models.vocoder import VocoderModel

    cls = VOCODERS.get(cfg.model.name)
    return isinstance(cls, type) and issubclass(cls, VocoderModel)


def build_setup(loaded: LoadedConfig, env: DistEnv, log: Callable[[str], None] = print,
                progress: bool = True) -> Setup:
    """Datasets, model, task and trainer of a recipe whose features are prepared."""
    cfg = loaded.config
    torch.manual_seed(cfg.train.seed)
    if is_vocoder_run(cfg):
        return build_vocoder_setup(loaded, env, log=log, progress=progress)
    store = FeatureStore(loaded.run_dir / cfg.data.features_dir)
    record = store.read_stats()
    stats = model_stats(record)
    train_set = AcousticDataset(store, store.read_manifest("train"), stats, record.speakers)
    dev_entries = store.read_manifest("dev")
    dev_set = AcousticDataset(store, dev_entries, stats, record.speakers) if dev_entries else None
    model = build_acoustic_model(loaded, stats, n_speakers=len(record.speakers))
    _maybe_init_from(loaded, model, log)
    task = AcousticTask(model, media_fn=AcousticMedia(cfg.audio))
    trainer = Trainer(task, train_set, dev_set, collate, train_set.lengths, cfg.train, loaded.run_dir, env,
                      sample_rate=cfg.audio.sample_rate, log=log, progress=progress)
    return Setup(trainer, model, stats, record.speakers)


def build_vocoder_setup(loaded: LoadedConfig, env: DistEnv, log: Callable[[str], None] = print,
                        progress: bool = True) -> Setup:
    """A GAN vocoder run: random (wav, mel, F0) crops, generator + discriminators, two optimizer phases."""
    from tts.data.vocoder_dataset import VocoderCollate, VocoderDataset
    from tts.train.gan_task import GanVocoderTask, build_discriminators, build_vocoder
    from tts.train.gta import GTA_DIR

    cfg = loaded.config
    store = FeatureStore(loaded.run_dir / cfg.data.features_dir)
    mel_dir = loaded.run_dir / GTA_DIR if cfg.data.gta_from else None
    train_set = VocoderDataset(store, store.read_manifest("train"), cfg.audio, cfg.data.segment_frames,
                               mel_dir=mel_dir)
    dev_entries = store.read_manifest("dev")
    dev_set = (VocoderDataset(store, dev_entries, cfg.audio, cfg.data.segment_frames, random_segments=False,
                              mel_dir=mel_dir) if dev_entries else None)
    generator = build_vocoder(loaded)
    _maybe_init_from(loaded, generator, log)
    task = GanVocoderTask(generator, build_discriminators(loaded), cfg.audio,
                          adversarial_start=cfg.train.adversarial_start, mel_loss_fmax=cfg.train.mel_loss_fmax)
    trainer = Trainer(task, train_set, dev_set, VocoderCollate(cfg.audio), train_set.lengths, cfg.train,
                      loaded.run_dir, env, sample_rate=cfg.audio.sample_rate, log=log, progress=progress)
    return Setup(trainer, generator, None, [])


def _config_path(loaded: LoadedConfig, key: str, value: str) -> Path:
    """A path-valued setting: from --set relative to the current folder, from a recipe to its folder."""
    return Path(value).expanduser() if loaded.origins.get(key) == "--set" else loaded.resolve_path(value)


def _maybe_init_from(loaded: LoadedConfig, model: torch.nn.Module, log: Callable[[str], None]) -> None:
    """Start ``model`` from ``train.init_from``'s weights, unless the run resumes from a checkpoint."""
    from tts.train.checkpoint import checkpoint_paths
    from tts.train.init_from import init_from_voice

    source = loaded.config.train.init_from
    if not source or checkpoint_paths(loaded.run_dir / "checkpoints"):
        return
    log(init_from_voice(model, _config_path(loaded, "train.init_from", source),
                        exclude=loaded.config.train.init_exclude).describe())


def _prepare_gta(loaded: LoadedConfig, env: DistEnv, log: Callable[[str], None]) -> None:
    """Teacher-forced mels of ``data.gta_from`` for every item of this run (cached in RUN_DIR/gta)."""
    from tts.train.gta import GTA_DIR, prepare_gta

    cfg = loaded.config
    store = FeatureStore(loaded.run_dir / cfg.data.features_dir)
    ids = [e.id for e in store.read_manifest()]
    source = _config_path(loaded, "data.gta_from", cfg.data.gta_from)
    prepare_gta(source, ids, cfg.audio, loaded.run_dir / GTA_DIR, device=env.device, log=log)


def train(loaded: LoadedConfig, device: str = "auto", progress: bool = True,
          log: Callable[[str], None] = print, export: bool = True) -> TrainSummary:
    """Run a recipe end to end. A second call resumes from the newest checkpoint."""
    from tts.data.prepare import prepare_features

    cfg = loaded.config
    env = init_distributed(device)
    run_dir = loaded.run_dir
    try:
        if env.is_main:
            summary = prepare_features(loaded, progress=progress)
            log(summary.describe())
            from tts.align.stage import align_run, needs_alignment

            if needs_alignment(loaded):  # items without durations: the built-in aligner (tts align) first
                log(align_run(loaded, device=env.device, progress=progress, log=log).describe())
            if cfg.data.gta_from:
                _prepare_gta(loaded, env, log)
        barrier(env)
        setup = build_setup(loaded, env, log=log, progress=progress)
        writer = None
        if env.is_main:
            from torch.utils.tensorboard import SummaryWriter

            atomic_write_text(run_dir / "config.yaml", dump_config(cfg))
            writer = SummaryWriter(str(run_dir / "logs"))
        try:
            result: TrainResult = setup.trainer.fit(writer)
        finally:
            if writer is not None:
                writer.close()
        voice_dir = None
        if env.is_main and export:
            voice_dir = str(export_run(loaded, setup.model, setup.stats, setup.speakers, result.step))
        barrier(env)
        return TrainSummary(
            run_dir=str(run_dir), step=result.step, resumed_from=result.resumed_from,
            stopped_by=result.stopped_by, seconds_per_step=result.seconds_per_step,
            parameters=sum(p.numel() for p in setup.model.parameters()), voice_dir=voice_dir,
            last_losses=result.last_losses, vocoder=setup.stats is None,
            sings=loaded.config.model.name in SINGING_MODELS,
        )
    finally:
        shutdown(env)


def export_run(loaded: LoadedConfig, model: torch.nn.Module, stats, speakers: list[str], step: int,
               out_dir: Optional[Path] = None, name: Optional[str] = None, fp16: bool = False,
               vocoder: Optional[str] = None) -> Path:
    """Write the run's voice bundle (``<run_dir>/voice`` unless ``out_dir`` is given).

    ``vocoder`` (acoustic runs): the vocoder voice to pair with, a name or path; default the
    recipe's ``model.vocoder``. A vocoder run exports its generator only.
    """
    from tts.synth.export import vocoder_reference
    from tts.synth.voice import export_voice

    cfg = loaded.config
    target = (out_dir or loaded.run_dir / "voice").expanduser().absolute()
    trained_on = f"{cfg.data.corpus} corpus at {cfg.data.path}, {step} steps"
    if cfg.data.gta_from:
        trained_on += f", fine-tuned on ground-truth-aligned mels of {cfg.data.gta_from}"
    pairing = vocoder_reference(vocoder or cfg.model.vocoder, target, cfg.audio) if stats is not None else ""
    return export_voice(target, model.cpu().eval(), cfg, stats, name=name or cfg.name, trained_on=trained_on,
                        vocoder=pairing, fp16=fp16, speakers=speakers, overwrite=True)
