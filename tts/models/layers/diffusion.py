"""Gaussian diffusion (DDPM, Ho et al. 2020) over mels: schedules, noising, the loss, two samplers.

Steps are indexed ``t = 0 … T-1``; ``x_t = sqrt(ᾱ_t) x_0 + sqrt(1 - ᾱ_t) ε`` with
``ᾱ_t = Π_{s<=t} (1 - β_s)``. A denoiser predicts ``ε`` from ``(x_t, t)``.

Shallow diffusion (DiffSinger, Liu et al. 2022) starts the reverse process not from pure noise at
``T`` but from a coarse mel noised to step ``K < T``: :meth:`GaussianDiffusion.q_sample` at
``t = K - 1``, then either

- :meth:`GaussianDiffusion.sample_ddpm`: the ancestral DDPM sampler, exactly ``K`` denoiser calls;
- :meth:`GaussianDiffusion.sample_dpm_solver`: DPM-Solver++(2M) (Lu et al. 2022), a deterministic
  second-order multistep solver of the probability-flow ODE in data-prediction form, ``n`` calls on
  an evenly spaced subset of ``K-1 … 0`` plus a last jump to the clean mel.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Literal, Optional

import torch
from torch import Tensor, nn

from tts.errors import InputError

ScheduleKind = Literal["linear", "cosine"]
Denoiser = Callable[[Tensor, Tensor], Tensor]  # (x_t [B, ...], t [B] long) -> predicted noise

LINEAR_BETA_START = 1e-4  # first β of the linear schedule (Ho et al. 2020)
COSINE_OFFSET = 0.008  # s of the cosine schedule (Nichol & Dhariwal 2021)
MAX_BETA = 0.999  # cosine betas are clipped here so the last step is not singular


def beta_schedule(kind: ScheduleKind, n_steps: int, beta_max: float) -> Tensor:
    """``[n_steps]`` float64 betas: linear from 1e-4 to ``beta_max``, or the cosine schedule."""
    if n_steps < 1:
        raise ValueError(f"a diffusion needs at least one step, got {n_steps}")
    if kind == "linear":
        return torch.linspace(LINEAR_BETA_START, beta_max, n_steps, dtype=torch.float64)
    if kind == "cosine":
        grid = torch.arange(n_steps + 1, dtype=torch.float64) / n_steps
        alpha_bar = torch.cos((grid + COSINE_OFFSET) / (1 + COSINE_OFFSET) * math.pi / 2) ** 2
        return (1 - alpha_bar[1:] / alpha_bar[:-1]).clamp(max=MAX_BETA)
    raise ValueError(f"unknown beta schedule {kind!r}")


@dataclass
class DiffusionTerms:
    """What one training pass of the denoiser produced."""

    noise: Tensor  # [B, ...] the ε that was added
    predicted: Tensor  # [B, ...] the denoiser's estimate of it
    steps: Tensor  # [B] long, the t each item was noised to


class GaussianDiffusion(nn.Module):
    """The forward process and its reverse samplers. Holds no weights: only schedule buffers."""

    betas: Tensor  # [T]
    alpha_bar: Tensor  # [T] ᾱ_t
    sqrt_alpha_bar: Tensor  # [T] α_t
    sqrt_one_minus_alpha_bar: Tensor  # [T] σ_t
    posterior_c0: Tensor  # [T]
    posterior_ct: Tensor  # [T]
    posterior_var: Tensor  # [T]
    lambdas: Tensor  # [T] float64 log(α_t / σ_t)

    def __init__(self, n_steps: int, schedule: ScheduleKind = "linear", beta_max: float = 0.06) -> None:
        super().__init__()
        betas = beta_schedule(schedule, n_steps, beta_max)  # [T] float64
        alpha_bar = torch.cumprod(1 - betas, dim=0)  # [T]
        alpha_bar_prev = torch.cat([torch.ones(1, dtype=torch.float64), alpha_bar[:-1]])
        self.n_steps = n_steps
        # derived from the arguments, so not saved in state dicts
        for name, value in {
            "betas": betas,
            "alpha_bar": alpha_bar,
            "sqrt_alpha_bar": alpha_bar.sqrt(),
            "sqrt_one_minus_alpha_bar": (1 - alpha_bar).sqrt(),
            # posterior q(x_{t-1} | x_t, x_0) = N(c0 * x_0 + ct * x_t, var)
            "posterior_c0": betas * alpha_bar_prev.sqrt() / (1 - alpha_bar),
            "posterior_ct": (1 - alpha_bar_prev) * (1 - betas).sqrt() / (1 - alpha_bar),
            "posterior_var": betas * (1 - alpha_bar_prev) / (1 - alpha_bar),
        }.items():
            self.register_buffer(name, value.float(), persistent=False)
        # log-SNR half λ_t = log(α_t / σ_t), kept in float64 for the solver's exponentials
        self.register_buffer("lambdas", 0.5 * (alpha_bar.log() - (1 - alpha_bar).log()), persistent=False)

    # ------------------------------------------------------------------ forward process

    def q_sample(self, x0: Tensor, t: Tensor, noise: Tensor) -> Tensor:
        """``x_t`` from ``x0`` [B, ...], steps ``t`` [B] long and ``noise`` shaped like ``x0``."""
        shape = (-1,) + (1,) * (x0.dim() - 1)
        return self.sqrt_alpha_bar[t].view(shape) * x0 + self.sqrt_one_minus_alpha_bar[t].view(shape) * noise

    def training_terms(self, denoise: Denoiser, x0: Tensor, generator: Optional[torch.Generator] = None,
                       max_step: Optional[int] = None, start: Optional[Tensor] = None) -> DiffusionTerms:
        """Noise ``x0`` [B, ...] to steps drawn uniformly from ``0 … max_step - 1`` (all ``T`` when None)
        and let ``denoise`` estimate ε. Shallow diffusion only ever denoises below its start step K,
        so DiffSinger's reference code trains on ``t < K`` alone (``max_step = K``). ``start`` (same
        shape) is noised instead of ``x0`` when given: what the caller's denoiser is to clean up."""
        top = self.n_steps if max_step is None else max_step
        if not 1 <= top <= self.n_steps:
            raise ValueError(f"max_step must be 1..{self.n_steps}, got {max_step}")
        steps = torch.randint(0, top, (x0.shape[0],), device=x0.device, generator=generator)
        noise = torch.randn(x0.shape, device=x0.device, dtype=x0.dtype, generator=generator)
        noised = self.q_sample(x0 if start is None else start, steps, noise)
        return DiffusionTerms(noise=noise, predicted=denoise(noised, steps), steps=steps)

    def check_start(self, start_step: int) -> None:
        if not 1 <= start_step <= self.n_steps:
            raise InputError(f"the diffusion start step must be 1..{self.n_steps}, got {start_step}")

    # ------------------------------------------------------------------ samplers

    def predict_x0(self, x: Tensor, t: int, eps: Tensor) -> Tensor:
        """The clean estimate ``(x_t - σ_t ε) / α_t`` at integer step ``t``."""
        return (x - self.sqrt_one_minus_alpha_bar[t] * eps) / self.sqrt_alpha_bar[t]

    def ddpm_step(self, x: Tensor, t: int, eps: Tensor, generator: Optional[torch.Generator] = None) -> Tensor:
        """One ancestral step ``x_t → x_{t-1}`` (no noise is added at ``t = 0``)."""
        x0 = self.predict_x0(x, t, eps)
        mean = self.posterior_c0[t] * x0 + self.posterior_ct[t] * x
        if t == 0:
            return mean
        noise = torch.randn(x.shape, device=x.device, dtype=x.dtype, generator=generator)
        return mean + self.posterior_var[t].sqrt() * noise

    def sample_ddpm(self, denoise: Denoiser, x_start: Tensor, start_step: int,
                    generator: Optional[torch.Generator] = None) -> Tensor:
        """Reverse ``start_step`` ancestral steps from ``x_start`` at ``t = start_step - 1``."""
        self.check_start(start_step)
        x = x_start
        for t in range(start_step - 1, -1, -1):
            steps = torch.full((x.shape[0],), t, device=x.device, dtype=torch.long)
            x = self.ddpm_step(x, t, denoise(x, steps), generator)
        return x

    def solver_steps(self, start_step: int, n_steps: int) -> list[int]:
        """``n_steps`` distinct integer steps from ``start_step - 1`` down to 0, evenly spaced in
        log-SNR (λ), the spacing DPM-Solver recommends; where λ crowds near t = 0 the steps are
        pushed apart to stay distinct, so ``n_steps = start_step`` visits every step."""
        self.check_start(start_step)
        if not 1 <= n_steps <= start_step:
            raise InputError(f"the sampler can take 1..{start_step} steps from step {start_step}, got {n_steps}")
        if n_steps == 1:
            return [start_step - 1]
        lambdas = self.lambdas[:start_step].cpu()  # increasing as t decreases
        targets = torch.linspace(float(lambdas[-1]), float(lambdas[0]), n_steps, dtype=torch.float64)
        # nearest integer step to each target λ (λ decreases with t)
        nearest = (lambdas[None, :] - targets[:, None]).abs().argmin(dim=1).tolist()
        steps: list[int] = []
        for i, t in enumerate(nearest):
            upper = start_step - 1 if not steps else steps[-1] - 1  # strictly decreasing
            lower = n_steps - 1 - i  # room left for the remaining steps
            steps.append(max(min(int(t), upper), lower))
        return steps

    def sample_dpm_solver(self, denoise: Denoiser, x_start: Tensor, start_step: int, n_steps: int) -> Tensor:
        """DPM-Solver++(2M) from ``x_start`` at ``t = start_step - 1`` to the clean sample.

        Calls ``denoise`` exactly ``n_steps`` times. Between two grid steps ``s → t`` with
        ``h = λ_t - λ_s``: ``x_t = (σ_t/σ_s) x_s - α_t (e^{-h} - 1) D``, where ``D`` is the x0
        estimate at ``s`` corrected with the previous one (``D = (1 + 1/2r) x0_s - (1/2r) x0_prev``,
        ``r = h_prev / h``); the first step is first order, and so is the last jump to σ = 0, where
        the update reduces to the x0 estimate itself.
        """
        grid = self.solver_steps(start_step, n_steps)
        x = x_start
        previous: Optional[tuple[Tensor, float]] = None  # (x0 estimate, its λ)
        for i, s in enumerate(grid):
            steps = torch.full((x.shape[0],), s, device=x.device, dtype=torch.long)
            x0 = self.predict_x0(x, s, denoise(x, steps))
            if i == len(grid) - 1:
                return x0
            t = grid[i + 1]
            lam_s, lam_t = float(self.lambdas[s]), float(self.lambdas[t])
            h = lam_t - lam_s
            estimate = x0
            if previous is not None:
                r = (lam_s - previous[1]) / h
                estimate = (1 + 0.5 / r) * x0 - (0.5 / r) * previous[0]
            sigma_ratio = float(self.sqrt_one_minus_alpha_bar[t] / self.sqrt_one_minus_alpha_bar[s])
            x = sigma_ratio * x - float(self.sqrt_alpha_bar[t]) * math.expm1(-h) * estimate
            previous = (x0, lam_s)
        return x  # unreachable: the loop returns at its last grid step
