"""The training loop: batches → phases → weighted losses → optimizer steps, with checkpoints,
validation and TensorBoard logs. One process, or one per GPU/CPU rank under ``torchrun`` (DDP).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

import torch
from torch import Tensor, nn
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DataLoader, Dataset

from tts.config import TrainConfig
from tts.data.sampler import BucketBatchSampler
from tts.errors import ConfigError, InputError
from tts.train.checkpoint import load_latest, save_checkpoint
from tts.train.distributed import DistEnv, all_reduce_mean
from tts.train.freeze import freeze_parameters
from tts.train.schedule import exponential_decay, warmup_inverse_sqrt
from tts.train.task import TrainTask

MEDIA_ITEMS = 2  # validation items rendered to audio and images


@dataclass
class TrainResult:
    """How a call of :meth:`Trainer.fit` ended."""

    step: int
    resumed_from: Optional[int]
    stopped_by: str  # "steps", "time budget" or "interrupt"
    last_losses: dict[str, float] = field(default_factory=dict)
    seconds_per_step: float = 0.0
    warnings: list[str] = field(default_factory=list)


class Trainer:
    """Drives a :class:`TrainTask` over a dataset with the settings of a :class:`TrainConfig`."""

    def __init__(self, task: TrainTask, train_set: Dataset, dev_set: Optional[Dataset], collate: Callable,
                 lengths: list[int], config: TrainConfig, run_dir: Path, env: DistEnv, sample_rate: int,
                 log: Callable[[str], None] = print, progress: bool = True) -> None:
        self.task = task
        self.train_set = train_set
        self.dev_set = dev_set
        self.collate = collate
        self.lengths = lengths
        self.cfg = config
        self.run_dir = run_dir
        self.env = env
        self.sample_rate = sample_rate  # of validation audio in TensorBoard
        self.log = log
        self.progress = progress and env.is_main
        self.checkpoint_dir = run_dir / "checkpoints"
        self._check_weights()
        nets = task.networks()
        frozen = freeze_parameters(nets, config.freeze)
        if frozen:
            log(f"train.freeze: {frozen} parameter tensors kept fixed")
        for net in nets.values():
            net.to(env.device)
        self.nets: dict[str, nn.Module] = {
            name: DistributedDataParallel(net, device_ids=[env.device.index] if env.device.type == "cuda" else None)
            if env.distributed else net
            for name, net in nets.items()
        }
        if len(config.adam_betas) != 2:
            raise ConfigError(f"train.adam_betas must be two numbers (beta1, beta2), got {config.adam_betas}")
        betas = (config.adam_betas[0], config.adam_betas[1])
        self.optimizers: dict[str, torch.optim.Optimizer] = {}
        for phase in task.phases:
            trained = [p for p in task.phase_parameters(phase) if p.requires_grad]
            if not trained:
                raise ConfigError(f"train.freeze leaves nothing to train in phase {phase!r}")
            self.optimizers[phase] = torch.optim.AdamW(trained, lr=config.lr, betas=betas,
                                                       weight_decay=config.weight_decay)
        self.schedulers = {p: _scheduler(o, config) for p, o in self.optimizers.items()}
        self.use_amp = config.amp and env.device.type == "cuda"
        self.scaler = torch.amp.GradScaler("cuda", enabled=self.use_amp)
        self.step = 0
        self.epoch = 0

    # ------------------------------------------------------------------------------ setup

    def _check_weights(self) -> None:
        known = {name for phase in self.task.phases for name in self.task.loss_names(phase)}
        unknown = sorted(set(self.cfg.loss_weights) - known)
        if unknown:
            raise ConfigError(f"train.loss_weights has {unknown[0]!r}, which no loss of this model is called; "
                              f"losses: {', '.join(sorted(known))}")

    def _state(self) -> dict[str, Any]:
        return {
            "networks": {n: m.state_dict() for n, m in self.task.networks().items()},
            "optimizers": {p: o.state_dict() for p, o in self.optimizers.items()},
            "schedulers": {p: s.state_dict() for p, s in self.schedulers.items()},
            "scaler": self.scaler.state_dict(),
            "epoch": self.epoch,
        }

    def resume(self) -> Optional[int]:
        """Load the newest readable checkpoint; returns its step (None when starting fresh)."""
        latest = load_latest(self.checkpoint_dir)
        for message in latest.skipped:
            self.log(f"warning: {message}")
        if latest.resumed is None:
            return None
        state = latest.resumed.state
        try:
            for name, net in self.task.networks().items():
                net.load_state_dict(state["networks"][name])
            for phase, opt in self.optimizers.items():
                opt.load_state_dict(state["optimizers"][phase])
            for phase, sched in self.schedulers.items():
                sched.load_state_dict(state["schedulers"][phase])
            if state.get("scaler"):
                self.scaler.load_state_dict(state["scaler"])
        except (KeyError, RuntimeError, ValueError) as err:
            raise InputError(f"checkpoint {latest.resumed.path} does not fit this recipe's model "
                             f"({str(err).splitlines()[0]}); use a new run_dir") from None
        self.step = latest.resumed.step
        self.epoch = int(state.get("epoch", 0))
        return self.step

    def save(self) -> None:
        if self.env.is_main:
            save_checkpoint(self.checkpoint_dir, self.step, self._state(), self.cfg.keep_checkpoints)

    # ------------------------------------------------------------------------------ steps

    def _loader(self) -> DataLoader:
        sampler = BucketBatchSampler(self.lengths, self.cfg.batch_size, self.cfg.max_frames, shuffle=True,
                                     seed=self.cfg.seed, rank=self.env.rank, num_replicas=self.env.world_size)
        sampler.set_epoch(self.epoch)
        return DataLoader(self.train_set, batch_sampler=sampler, collate_fn=self.collate,
                          num_workers=self.cfg.num_workers, persistent_workers=False)

    def _weighted(self, losses: dict[str, Tensor]) -> Tensor:
        total = sum(self.cfg.loss_weights.get(name, 1.0) * value for name, value in losses.items())
        return total  # type: ignore[return-value]

    def train_step(self, batch: Any) -> dict[str, float]:
        """One optimizer step of every phase on one batch; returns the named losses."""
        logged: dict[str, float] = {}
        for net in self.nets.values():
            net.train()
        for phase in self.task.phases:
            optimizer = self.optimizers[phase]
            with torch.autocast(self.env.device.type, dtype=torch.float16, enabled=self.use_amp):
                losses = self.task.losses(phase, batch, self.nets, self.step)
            if not losses:  # the task skips this phase at this step (e.g. a GAN's warm-up)
                continue
            total = self._weighted(losses)
            if not torch.isfinite(total):
                raise InputError(f"step {self.step}: {phase} loss is not finite ({ {k: float(v) for k, v in losses.items()} }); "
                                 "lower train.lr or check the features")
            optimizer.zero_grad(set_to_none=True)
            self.scaler.scale(total).backward()
            self.scaler.unscale_(optimizer)
            params = [p for group in optimizer.param_groups for p in group["params"]]
            grad_norm = torch.nn.utils.clip_grad_norm_(params, self.cfg.grad_clip)
            self.scaler.step(optimizer)
            self.scaler.update()
            self.schedulers[phase].step()
            prefix = "" if len(self.task.phases) == 1 else f"{phase}/"
            logged.update({f"{prefix}{k}": float(all_reduce_mean(v.detach(), self.env)) for k, v in losses.items()})
            logged[f"{prefix}total"] = float(total.detach())
            logged[f"{prefix}grad_norm"] = float(grad_norm)
        self.step += 1
        return logged

    @torch.no_grad()
    def validate(self) -> tuple[dict[str, float], list[Any]]:
        """Mean losses over the dev set, and media for its first items (main rank only)."""
        if self.dev_set is None or len(self.dev_set) == 0:  # type: ignore[arg-type]
            return {}, []
        networks = self.task.networks()
        for net in networks.values():
            net.eval()
        loader = DataLoader(self.dev_set, batch_size=max(1, self.cfg.batch_size), collate_fn=self.collate)
        sums: dict[str, float] = {}
        batches = 0
        media: list[Any] = []
        for batch in loader:
            batch = batch.to(self.env.device)
            for phase in self.task.phases:
                for name, value in self.task.losses(phase, batch, networks, self.step).items():
                    key = name if len(self.task.phases) == 1 else f"{phase}/{name}"
                    sums[key] = sums.get(key, 0.0) + float(value)
            if not media:
                media = self.task.media(_head(batch, MEDIA_ITEMS))
            batches += 1
        for net in networks.values():
            net.train()
        return {k: v / batches for k, v in sums.items()}, media

    # ------------------------------------------------------------------------------ the loop

    def fit(self, writer: Optional[Any] = None) -> TrainResult:
        """Train until ``train.steps`` or the time budget; checkpoints survive interruption."""
        resumed = self.resume()
        if resumed is not None:
            self.log(f"resumed from step {resumed}")
        start = time.perf_counter()
        budget = self.cfg.max_minutes * 60.0
        losses: dict[str, float] = {}
        stopped_by = "steps"
        timed_steps = 0
        from tqdm import tqdm

        bar = tqdm(total=self.cfg.steps, initial=self.step, desc="train", unit="step", disable=not self.progress)
        try:
            while self.step < self.cfg.steps:
                for batch in self._loader():
                    losses = self.train_step(batch.to(self.env.device))
                    timed_steps += 1
                    bar.update()
                    bar.set_postfix(loss=f"{losses.get('total', next(iter(losses.values()))):.3f}", refresh=False)
                    self._periodic(losses, writer)
                    if self._out_of_time(start, budget):
                        stopped_by = "time budget"
                        break
                    if self.step >= self.cfg.steps:
                        break
                else:
                    self.epoch += 1
                    continue
                if stopped_by == "time budget":
                    break
        except KeyboardInterrupt:
            stopped_by = "interrupt"
        finally:
            bar.close()
        self.save()
        elapsed = time.perf_counter() - start
        return TrainResult(step=self.step, resumed_from=resumed, stopped_by=stopped_by, last_losses=losses,
                           seconds_per_step=elapsed / max(1, timed_steps))

    def _out_of_time(self, start: float, budget: float) -> bool:
        """True on every rank once the main rank's clock passes the budget."""
        if budget <= 0:
            return False
        flag = torch.tensor(float(time.perf_counter() - start > budget))
        if self.env.distributed:
            flag = all_reduce_mean(flag.to(self.env.device), self.env).cpu()
        return bool(flag > 0)

    def _periodic(self, losses: dict[str, float], writer: Optional[Any]) -> None:
        step = self.step
        if writer is not None and step % self.cfg.log_every == 0:
            for name, value in losses.items():
                writer.add_scalar(f"train/{name}", value, step)
            for phase, sched in self.schedulers.items():
                writer.add_scalar(f"lr/{phase}", sched.get_last_lr()[0], step)
        if step % self.cfg.checkpoint_every == 0:
            self.save()
        if self.cfg.eval_every and step % self.cfg.eval_every == 0 and self.env.is_main:
            dev_losses, media = self.validate()
            if writer is not None:
                log_validation(writer, step, dev_losses, media, self.sample_rate)
            if dev_losses:
                shown = ", ".join(f"{k} {v:.3f}" for k, v in dev_losses.items())
                self.log(f"step {step} dev: {shown}")


def _scheduler(optimizer: torch.optim.Optimizer, config: TrainConfig) -> torch.optim.lr_scheduler.LRScheduler:
    """The LR schedule ``train.lr_schedule`` names, stepped once per optimizer step."""
    if config.lr_schedule == "exponential":
        return exponential_decay(optimizer, config.lr_decay, config.lr_decay_steps)
    return warmup_inverse_sqrt(optimizer, config.warmup_steps)


def _head(batch: Any, n: int) -> Any:
    """The first ``n`` items of a batch dataclass (tensors sliced on dim 0)."""
    from dataclasses import fields, replace

    return replace(batch, **{f.name: getattr(batch, f.name)[:n] for f in fields(batch)
                             if isinstance(getattr(batch, f.name), Tensor)})


def log_validation(writer: Any, step: int, losses: dict[str, float], media: Iterable[Any], sample_rate: int) -> None:
    """Dev losses, audio and images into TensorBoard."""
    for name, value in losses.items():
        writer.add_scalar(f"dev/{name}", value, step)
    for item in media:
        if item.audio is not None:
            writer.add_audio(f"dev/{item.id}/audio", torch.from_numpy(item.audio).unsqueeze(0), step, sample_rate)
        for name, image in item.images.items():
            writer.add_image(f"dev/{item.id}/{name}", image, step, dataformats="HWC")
    writer.flush()
