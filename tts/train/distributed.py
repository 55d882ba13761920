"""torch.distributed under ``torchrun`` (DDP); the same code runs as one plain process.

``torchrun --nproc_per_node=N -m tts.cli train RECIPE`` sets ``RANK``/``WORLD_SIZE``/``LOCAL_RANK``;
without them this is a single process and nothing distributed is initialized.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import torch
import torch.distributed as dist


@dataclass(frozen=True)
class DistEnv:
    """Where this process sits in the job."""

    rank: int
    world_size: int
    local_rank: int
    device: torch.device

    @property
    def is_main(self) -> bool:
        return self.rank == 0

    @property
    def distributed(self) -> bool:
        return self.world_size > 1


def pick_device(requested: str | torch.device = "auto", local_rank: int = 0) -> torch.device:
    """``auto`` → this rank's CUDA device when there is one, else CPU; anything else is checked.

    Raises:
        ConfigError: a string torch does not read as a device, or a GPU that is not there.
    """
    from tts.errors import ConfigError

    if isinstance(requested, torch.device):
        device = requested
    elif requested == "auto":
        return torch.device(f"cuda:{local_rank}") if torch.cuda.is_available() else torch.device("cpu")
    else:
        try:
            device = torch.device(requested)
        except (RuntimeError, TypeError):
            raise ConfigError(f"unknown device {requested!r}: use auto, cpu, cuda or cuda:N") from None
    if device.type == "cuda":
        if not torch.cuda.is_available():
            raise ConfigError(f"device {str(requested)!r} asked for, but no CUDA GPU is visible")
        if device.index is not None and device.index >= torch.cuda.device_count():
            raise ConfigError(f"device {str(requested)!r} asked for, but only {torch.cuda.device_count()} "
                              "CUDA GPU(s) are visible")
    elif device.type != "cpu":
        raise ConfigError(f"device {str(requested)!r} is not supported: use auto, cpu, cuda or cuda:N")
    return device


def init_distributed(requested_device: str = "auto") -> DistEnv:
    """Join the process group when launched by torchrun (gloo on CPU, NCCL on GPU)."""
    world_size = int(os.environ.get("WORLD_SIZE", "1"))
    rank = int(os.environ.get("RANK", "0"))
    local_rank = int(os.environ.get("LOCAL_RANK", "0"))
    device = pick_device(requested_device, local_rank)
    if world_size > 1 and not dist.is_initialized():
        if device.type == "cuda":
            torch.cuda.set_device(device)
        dist.init_process_group(backend="nccl" if device.type == "cuda" else "gloo")
    return DistEnv(rank=rank, world_size=world_size, local_rank=local_rank, device=device)


def barrier(env: DistEnv) -> None:
    if env.distributed:
        dist.barrier()


def shutdown(env: DistEnv) -> None:
    if env.distributed and dist.is_initialized():
        dist.destroy_process_group()


def all_reduce_mean(value: torch.Tensor, env: DistEnv) -> torch.Tensor:
    """The mean of ``value`` over ranks (a no-op in one process)."""
    if not env.distributed:
        return value
    value = value.detach().clone()
    dist.all_reduce(value, op=dist.ReduceOp.SUM)
    return value / env.world_size
