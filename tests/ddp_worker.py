"""One rank of the DDP test (a module so that torch.multiprocessing can spawn it)."""

from __future__ import annotations

import os
from pathlib import Path

import torch


def run_rank(rank: int, world: int, recipe: str, out_dir: str, port: int) -> None:
    os.environ.update(MASTER_ADDR="127.0.0.1", MASTER_PORT=str(port), RANK=str(rank),
                      WORLD_SIZE=str(world), LOCAL_RANK=str(rank))
    torch.set_num_threads(1)
    from tts.config import load_config
    from tts.train.distributed import init_distributed, shutdown
    from tts.train.run import build_setup

    env = init_distributed("cpu")
    try:
        setup = build_setup(load_config(recipe), env, log=lambda m: None, progress=False)
        if rank == 0:
            torch.save({k: v.detach().clone() for k, v in setup.model.state_dict().items()},
                       Path(out_dir) / "initial.pt")
        setup.trainer.fit(None)
        state = {k: v.detach().clone() for k, v in setup.model.state_dict().items()}
        torch.save(state, Path(out_dir) / f"rank{rank}.pt")
    finally:
        shutdown(env)
