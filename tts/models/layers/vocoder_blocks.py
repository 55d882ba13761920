"""Building blocks of the HiFi-GAN family of generators (HiFi-GAN, NSF-HiFi-GAN, iSTFT-HiFi-GAN).

Facts from Kong, Kim & Bae, "HiFi-GAN: Generative Adversarial Networks for Efficient and High
Fidelity Speech Synthesis" (2020): a mel is lifted to ``upsample_initial_channel`` channels, then
each stage halves the channels and upsamples time with a transposed convolution followed by a
multi-receptive-field fusion (MRF): the mean of residual blocks with different kernels and
dilations. Every convolution carries weight normalization (``torch.nn.utils.parametrizations``),
which :func:`remove_weight_norm` folds away for inference.

Also here: :func:`index_noise`, Gaussian noise that is a pure function of the absolute sample
index, so a chunked render draws exactly the noise a whole-utterance render draws.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from typing import Callable, Literal, Optional, Sequence

import torch
import torch.nn.functional as F
from torch import Tensor, nn
from torch.nn.utils import parametrize
from torch.nn.utils.parametrizations import weight_norm

from tts.errors import ConfigError

LRELU_SLOPE = 0.1  # leaky-ReLU slope inside the generator and discriminators (paper)
FINAL_LRELU_SLOPE = 0.01  # slope before the output conv (torch's default, as in the reference model)
INIT_STD = 0.01  # std of the normal init of upsampling and residual convs (paper's reference model)
ResBlockKind = Literal[1, 2]
TILE_ELEMENTS = 1 << 20  # values per MRF tile at inference (4 MiB of float32; fastest of 2^17..2^24 channels-last)
TILE_MIN_FIELDS = 8  # a tile is at least this many halos long, so halos cost <= 25 % extra work


def conv_padding(kernel_size: int, dilation: int = 1) -> int:
    """'Same' padding of an odd kernel: output length equals input length."""
    return (kernel_size * dilation - dilation) // 2


def wn_conv1d(in_ch: int, out_ch: int, kernel: int, dilation: int = 1, init: bool = True) -> nn.Conv1d:
    """A length-preserving weight-normalized Conv1d (odd ``kernel``)."""
    conv = nn.Conv1d(in_ch, out_ch, kernel, dilation=dilation, padding=conv_padding(kernel, dilation))
    if init:
        nn.init.normal_(conv.weight, 0.0, INIT_STD)
    return weight_norm(conv)


class ResBlock1(nn.Module):
    """HiFi-GAN residual block type 1: per dilation d, ``x += conv_k(lrelu(conv_{k,d}(lrelu(x))))``."""

    def __init__(self, channels: int, kernel: int, dilations: Sequence[int]) -> None:
        super().__init__()
        self.dilated = nn.ModuleList(wn_conv1d(channels, channels, kernel, d) for d in dilations)
        self.plain = nn.ModuleList(wn_conv1d(channels, channels, kernel) for _ in dilations)

    def forward(self, x: Tensor) -> Tensor:  # [B, C, L] -> [B, C, L]
        for dilated, plain in zip(self.dilated, self.plain):
            y = plain(F.leaky_relu(dilated(F.leaky_relu(x, LRELU_SLOPE)), LRELU_SLOPE))
            x = x + y
        return x

    def forward_nhwc(self, x: Tensor) -> Tensor:  # [B, C, 1, L] channels-last -> same
        """:meth:`forward` on a channels-last 4-D view (inference; see :func:`nhwc_conv`)."""
        for dilated, plain in zip(self.dilated, self.plain):
            x = x + nhwc_conv(F.leaky_relu(nhwc_conv(F.leaky_relu(x, LRELU_SLOPE), dilated), LRELU_SLOPE), plain)
        return x


class ResBlock2(nn.Module):
    """HiFi-GAN residual block type 2 (V3): per dilation d, ``x += conv_{k,d}(lrelu(x))``."""

    def __init__(self, channels: int, kernel: int, dilations: Sequence[int]) -> None:
        super().__init__()
        self.dilated = nn.ModuleList(wn_conv1d(channels, channels, kernel, d) for d in dilations)

    def forward(self, x: Tensor) -> Tensor:  # [B, C, L] -> [B, C, L]
        for conv in self.dilated:
            x = x + conv(F.leaky_relu(x, LRELU_SLOPE))
        return x

    def forward_nhwc(self, x: Tensor) -> Tensor:  # [B, C, 1, L] channels-last -> same
        """:meth:`forward` on a channels-last 4-D view (inference; see :func:`nhwc_conv`)."""
        for conv in self.dilated:
            x = x + nhwc_conv(F.leaky_relu(x, LRELU_SLOPE), conv)
        return x


def to_nhwc(x: Tensor) -> Tensor:
    """``[B, C, L]`` → ``[B, C, 1, L]`` in channels-last memory (one copy)."""
    return x[:, :, None, :].contiguous(memory_format=torch.channels_last)


def from_nhwc(x: Tensor) -> Tensor:
    """``[B, C, 1, L]`` → ``[B, C, L]`` (a view; channels-last strides kept)."""
    return x[:, :, 0, :]


def nhwc_conv(x: Tensor, conv: nn.Conv1d) -> Tensor:
    """``conv`` applied to ``x`` ``[B, C, 1, L]`` in channels-last layout (time-major, channels
    innermost) as a 2-D convolution → ``[B, C_out, 1, L]`` channels-last. oneDNN runs these layouts
    directly, where a 1-D convolution on ``[B, C, L]`` is reordered at every call: measured on the
    2-core CPU, 1.5-2.4× faster for the 32-128-channel convolutions of the residual blocks. The
    generators' inference path (:meth:`UpsampleBackbone.forward_nhwc`) stays in this layout from the
    first convolution to the last."""
    weight = derived_from(conv, "nhwc", conv.weight,
                          lambda w: w[:, :, None, :].contiguous(memory_format=torch.channels_last))  # [O, I, 1, K]
    return F.conv2d(x, weight, conv.bias, padding=(0, conv.padding[0]), dilation=(1, conv.dilation[0]))


class MultiReceptiveField(nn.Module):
    """MRF: the mean of one residual block per (kernel, dilations) pair.

    Without gradients, long inputs are processed channels-last in tiles of about :data:`TILE_ELEMENTS`
    values (plus a halo of the MRF's receptive field on each side, so the result is unchanged): a tile
    stays in the CPU's caches through all of the MRF's convolutions and activations (on the 2-core
    machine this was tuned on, untiled HiFi-GAN V3 ran about 25 % slower).
    """

    def __init__(self, channels: int, kind: ResBlockKind, kernels: Sequence[int],
                 dilations: Sequence[Sequence[int]]) -> None:
        super().__init__()
        block = ResBlock1 if kind == 1 else ResBlock2
        self.blocks = nn.ModuleList(block(channels, k, d) for k, d in zip(kernels, dilations))
        self.field = _mrf_field(kind, kernels, dilations)  # samples either side that reach an output

    def forward(self, x: Tensor) -> Tensor:  # [B, C, L] -> [B, C, L]
        if torch.is_grad_enabled():
            total = self.blocks[0](x)
            for block in self.blocks[1:]:
                total = total + block(x)
            return total / len(self.blocks)
        return from_nhwc(self.forward_nhwc(to_nhwc(x))).contiguous()

    def forward_nhwc(self, x: Tensor) -> Tensor:  # [B, C, 1, L] channels-last -> same (inference)
        """The MRF on a channels-last view (see :func:`nhwc_conv`), in cache-sized tiles."""
        tile = max(TILE_ELEMENTS // (x.shape[0] * x.shape[1]), TILE_MIN_FIELDS * self.field)
        length = x.shape[-1]
        if length <= tile + 2 * self.field:
            return self._mean_nhwc(x)
        out = torch.empty_like(x)
        for start in range(0, length, tile):
            end = min(start + tile, length)
            lo, hi = max(0, start - self.field), min(length, end + self.field)
            out[..., start:end] = self._mean_nhwc(x[..., lo:hi])[..., start - lo: end - lo]
        return out

    def _mean_nhwc(self, x: Tensor) -> Tensor:
        total = self.blocks[0].forward_nhwc(x)
        for block in self.blocks[1:]:
            total = total + block.forward_nhwc(x)
        return total / len(self.blocks)


class PolyphaseConvTranspose1d(nn.ConvTranspose1d):
    """``nn.ConvTranspose1d`` (same parameters and state dict) computed as an ordinary convolution
    with ``stride`` times the output channels, whose phases are then interleaved.

    Output sample ``n * u + r`` of a transposed convolution (rate u, padding p) is
    ``Σ_q W[q u + r + p] x[n - q]``: for each phase r an ordinary convolution over x. oneDNN runs
    ordinary convolutions several times faster than transposed ones on CPUs.
    Needs ``kernel - 2 * padding == stride`` (output length = input length × stride), so the taps
    reach as far back as forward: every phase is a "same"-padded convolution of ``reach`` taps each side.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        rate, pad, kernel = self.stride[0], self.padding[0], self.kernel_size[0]
        if kernel - 2 * pad != rate:
            raise ConfigError(f"polyphase upsampling needs kernel - 2 * padding == stride, got kernel {kernel}, "
                              f"padding {pad}, stride {rate}")
        self.reach = (kernel - 1 - pad) // rate  # taps either side of the current input sample

    def forward(self, x: Tensor, output_size: Optional[list[int]] = None) -> Tensor:  # [B, Cin, L]
        rate = self.stride[0]
        phases = derived_from(self, "phases", self.weight, self._phases)  # [Cout * u, Cin, taps]
        bias = None if self.bias is None else derived_from(self, "bias", self.bias,
                                                          lambda b: b.repeat_interleave(rate))  # [Cout * u]
        y = F.conv1d(x, phases, bias, padding=self.reach)  # [B, Cout * u, L]
        batch, _, length = y.shape
        return y.view(batch, -1, rate, length).transpose(2, 3).reshape(batch, -1, length * rate)

    def forward_nhwc(self, x: Tensor) -> Tensor:  # [B, Cin, 1, L] channels-last -> [B, Cout, 1, L * u]
        """The same upsampling on a channels-last view (inference). The phases are ordered phase-major,
        so the convolution's output ``[B, L, u, Cout]`` in memory already is ``[B, L * u, Cout]``: the
        interleaving costs no copy."""
        rate, cout = self.stride[0], self.out_channels
        phases = derived_from(self, "phases_nhwc", self.weight, lambda w: self._phases(w).reshape(
            cout, rate, w.shape[0], -1).transpose(0, 1).reshape(cout * rate, w.shape[0], 1, -1).contiguous(
            memory_format=torch.channels_last))  # [u * Cout, Cin, 1, taps], row r * Cout + c
        bias = None if self.bias is None else derived_from(self, "bias_nhwc", self.bias, lambda b: b.repeat(rate))
        y = F.conv2d(x, phases, bias, padding=(0, self.reach))  # [B, u * Cout, 1, L]
        batch, length = y.shape[0], y.shape[-1]
        time_major = y.permute(0, 2, 3, 1)  # [B, 1, L, u * Cout], contiguous
        return time_major.reshape(batch, 1, length * rate, cout).permute(0, 3, 1, 2)  # [B, Cout, 1, L * u]

    def _phases(self, weight: Tensor) -> Tensor:
        """The transposed kernel ``weight [Cin, Cout, k]`` as ``rate`` ordinary kernels ``[Cout * u, Cin, taps]``."""
        rate, pad, kernel, reach = self.stride[0], self.padding[0], self.kernel_size[0], self.reach
        taps = 2 * reach + 1
        # tap t of phase r reads x[n + t - reach], i.e. q = reach - t, weight index m = q u + r + p
        t = torch.arange(taps, device=weight.device)
        r = torch.arange(rate, device=weight.device)
        m = (reach - t)[None, :] * rate + r[:, None] + pad  # [u, taps]
        valid = (m >= 0) & (m < kernel)
        weight = weight.permute(1, 0, 2)  # [Cout, Cin, k]
        phases = weight[:, :, m.clamp(0, kernel - 1)] * valid.to(weight.dtype)  # [Cout, Cin, u, taps]
        return phases.permute(0, 2, 1, 3).reshape(-1, weight.shape[1], taps)


@dataclass
class _Derived:
    source: Tensor  # held, so the identity check below cannot be fooled by a reused address
    version: int
    data_ptr: int
    inference: bool
    value: Tensor


def derived_from(module: nn.Module, name: str, source: Tensor, compute: Callable[[Tensor], Tensor]) -> Tensor:
    """``compute(source)``, a tensor made from ``source`` (one of ``module``'s weights), remembered on the module
    while no gradient is recorded and ``source`` is the same, unchanged tensor (same object, version
    counter and storage), so inference stops rebuilding rearranged weights at every call; with
    gradients on it is computed afresh every time (the result must stay part of the graph), and so it
    is for an inference tensor ``source`` (e.g. a weight-norm weight computed in inference mode), which
    keeps no version counter."""
    if torch.is_grad_enabled() or source.is_inference():
        return compute(source)
    cache: dict[str, _Derived] = module.__dict__.setdefault("_derived_weights", {})
    entry = cache.get(name)
    inference = torch.is_inference_mode_enabled()
    if (entry is None or entry.source is not source or entry.version != source._version
            or entry.data_ptr != source.data_ptr() or entry.inference != inference):
        entry = _Derived(source, source._version, source.data_ptr(), inference, compute(source))
        cache[name] = entry
    return entry.value


def check_upsampling(name: str, rates: Sequence[int], kernels: Sequence[int], expected_product: int,
                     what: str) -> None:
    """ConfigError unless the stages are well formed and ``prod(rates) == expected_product``.

    ``what`` says where the expected product comes from (e.g. ``"audio.hop_length = 256"``).
    """
    if len(rates) != len(kernels):
        raise ConfigError(f"{name}: upsample_rates {list(rates)} and upsample_kernel_sizes {list(kernels)} "
                          "must have the same length")
    for rate, kernel in zip(rates, kernels):
        if rate < 1 or kernel < rate or (kernel - rate) % 2:
            raise ConfigError(f"{name}: upsample kernel {kernel} does not fit rate {rate}; a kernel must be "
                              ">= its rate and differ from it by an even number (e.g. kernel = 2 * rate)")
    product = math.prod(rates)
    if product != expected_product:
        raise ConfigError(
            f"{name}: the upsampling stages multiply to {product} (upsample_rates {list(rates)}), but "
            f"{what}; set model.params.upsample_rates to factors multiplying to {expected_product}, "
            f"e.g. {suggest_rates(expected_product)}, with upsample_kernel_sizes twice each rate"
        )


def suggest_rates(product: int) -> list[int]:
    """A factorization of ``product`` into upsampling rates, largest first (8s, then 4, 2, others)."""
    rates: list[int] = []
    rest = product
    for factor in (8, 4, 2):
        while rest % factor == 0 and rest > 1:
            rates.append(factor)
            rest //= factor
    prime = 3
    while rest > 1:
        while rest % prime == 0:
            rates.append(prime)
            rest //= prime
        prime += 2
    return rates or [1]


class UpsampleBackbone(nn.Module):
    """mel ``[B, n_mels, T]`` → features ``[B, C_last, T * prod(rates)]``; ``C_last = C0 / 2**stages``.

    ``inject`` (NSF) adds one tensor per stage right after its transposed convolution; each is
    ``[B, C_i, T * prod(rates[: i + 1])]``. Without gradients it runs channels-last
    (:meth:`forward_nhwc`), the same function several convolution reorders cheaper; the result is then
    a view with channels-last strides.
    """

    def __init__(self, n_mels: int, initial_channel: int, rates: Sequence[int], kernels: Sequence[int],
                 kind: ResBlockKind, res_kernels: Sequence[int], res_dilations: Sequence[Sequence[int]],
                 pre_kernel: int) -> None:
        super().__init__()
        self.conv_pre = weight_norm(nn.Conv1d(n_mels, initial_channel, pre_kernel, padding=pre_kernel // 2))
        self.ups = nn.ModuleList()
        self.mrfs = nn.ModuleList()
        self.channels: list[int] = []  # output channels of each stage
        for i, (rate, kernel) in enumerate(zip(rates, kernels)):
            in_ch, out_ch = initial_channel >> i, initial_channel >> (i + 1)
            up = PolyphaseConvTranspose1d(in_ch, out_ch, kernel, stride=rate, padding=(kernel - rate) // 2)
            nn.init.normal_(up.weight, 0.0, INIT_STD)
            self.ups.append(weight_norm(up))
            self.mrfs.append(MultiReceptiveField(out_ch, kind, res_kernels, res_dilations))
            self.channels.append(out_ch)
        self.out_channels = initial_channel >> len(rates)
        self.samples_per_frame = math.prod(rates)  # output samples per mel frame
        self._field = _stack_field(pre_kernel, rates, kernels, kind, res_kernels, res_dilations)

    def receptive_field(self) -> float:
        """How many mel frames either side of a frame can change its features (an upper bound)."""
        return self._field

    def forward(self, mel: Tensor, inject: Optional[list[Tensor]] = None) -> Tensor:
        if not torch.is_grad_enabled():  # inference: channels-last from the first convolution to the last
            return from_nhwc(self.forward_nhwc(mel, inject))
        x = self.conv_pre(mel)  # [B, C0, T]
        for i, (up, mrf) in enumerate(zip(self.ups, self.mrfs)):
            x = up(F.leaky_relu(x, LRELU_SLOPE))  # [B, C_i, T * prod(rates[:i+1])]
            if inject is not None:
                x = x + inject[i]
            x = mrf(x)
        return x

    def forward_nhwc(self, mel: Tensor, inject: Optional[list[Tensor]] = None) -> Tensor:
        """:meth:`forward` as channels-last 2-D convolutions (inference): ``[B, C_last, 1, L]`` out."""
        x = nhwc_conv(to_nhwc(mel), self.conv_pre)  # [B, C0, 1, T]
        for i, (up, mrf) in enumerate(zip(self.ups, self.mrfs)):
            x = up.forward_nhwc(F.leaky_relu(x, LRELU_SLOPE))  # [B, C_i, 1, T * prod(rates[:i+1])]
            if inject is not None:
                x = x + inject[i][:, :, None, :]  # keeps x's channels-last layout
            x = mrf.forward_nhwc(x)
        return x


def _mrf_field(kind: int, kernels: Sequence[int], dilations: Sequence[Sequence[int]]) -> int:
    """Half-width in samples of an MRF's receptive field: its widest residual block."""
    widths = []
    for kernel, dils in zip(kernels, dilations):
        half = (kernel - 1) // 2
        widths.append(sum(half * d + (half if kind == 1 else 0) for d in dils))
    return max(widths)


def _stack_field(pre_kernel: int, rates: Sequence[int], kernels: Sequence[int], kind: int,
                 res_kernels: Sequence[int], res_dilations: Sequence[Sequence[int]]) -> float:
    """Receptive half-width of conv_pre + stages, in mel frames (a transposed conv of kernel k and
    rate u reads at most ``ceil(k / u)`` inputs, counted whole here to stay an upper bound)."""
    field = (pre_kernel - 1) / 2
    rate = 1
    mrf = _mrf_field(kind, res_kernels, res_dilations)
    for up, kernel in zip(rates, kernels):
        field += math.ceil(kernel / up) / rate
        rate *= up
        field += mrf / rate
    return field


def check_channels(name: str, initial_channel: int, stages: int) -> None:
    """ConfigError unless every stage can halve the channels and keeps at least one."""
    if initial_channel < 1 or initial_channel % (1 << stages):
        raise ConfigError(f"{name}: upsample_initial_channel {initial_channel} must be divisible by "
                          f"2**{stages} (each of the {stages} upsampling stages halves the channels)")


def check_resblocks(name: str, kind: int, kernels: Sequence[int], dilations: Sequence[Sequence[int]]) -> None:
    """ConfigError unless the MRF kernels are odd and paired with non-empty dilation lists."""
    if kind not in (1, 2):
        raise ConfigError(f"{name}: resblock_type must be 1 or 2, got {kind}")
    if not kernels or len(kernels) != len(dilations):
        raise ConfigError(f"{name}: resblock_kernel_sizes {list(kernels)} needs one dilation list each, "
                          f"got {len(dilations)}")
    if any(k % 2 == 0 or k < 1 for k in kernels) or any(not d or min(d) < 1 for d in dilations):
        raise ConfigError(f"{name}: residual kernels must be odd and dilations positive")


def remove_weight_norm(module: nn.Module) -> int:
    """Fold every weight-norm parametrization of ``module`` into a plain weight; returns how many.

    The output does not change (the folded weight is the parametrized one); state-dict keys do
    (``….parametrizations.weight.original0/1`` → ``….weight``), so export before removing.
    """
    removed = 0
    for sub in module.modules():
        if parametrize.is_parametrized(sub, "weight"):
            parametrize.remove_parametrizations(sub, "weight", leave_parametrized=True)
            removed += 1
    return removed


# ----------------------------------------------------------------------------- index noise

_MASK32 = 0xFFFFFFFF
_HASH_MULTIPLIER = 0x45D9F3B  # a 32-bit integer-hash multiplier with good avalanche
_HASH_SHIFT = 16
_ROW_STRIDE = 0x9E3779B1  # golden-ratio odd constant: separates the batch rows' streams
_TWO_POW_32 = float(1 << 32)


def _hash32(x: Tensor) -> Tensor:
    """A 32-bit integer mixing function on int64 tensors holding values in [0, 2**32)."""
    x = ((x >> _HASH_SHIFT) ^ x) * _HASH_MULTIPLIER & _MASK32
    x = ((x >> _HASH_SHIFT) ^ x) * _HASH_MULTIPLIER & _MASK32
    return (x >> _HASH_SHIFT) ^ x


NOISE_PERIOD = 1 << 20  # index noise repeats after this many samples (47.6 s at 22.05 kHz, 21.8 s at 48 kHz)


def _hashed_normal(n: Tensor, key: int) -> Tensor:
    """Standard normal values ``[L]`` float32, a fixed function of each int64 index in ``n`` and ``key``
    (two hashed uniforms through Box-Muller). Products stay below 2**59: no int64 overflow."""
    u1 = _hash32((2 * n + key) & _MASK32)
    u2 = _hash32(_hash32((2 * n + 1 + key) & _MASK32) ^ key)
    uniform1 = (u1.double() + 0.5) / _TWO_POW_32  # (0, 1)
    uniform2 = (u2.double() + 0.5) / _TWO_POW_32
    radius = torch.sqrt(-2.0 * torch.log(uniform1))
    return (radius * torch.cos(2.0 * math.pi * uniform2)).float()


@functools.lru_cache(maxsize=4)
def _noise_table(device: torch.device) -> Tensor:
    """:data:`NOISE_PERIOD` standard normal samples ``[N]`` on ``device``, made once per process (about
    50 ms on a CPU core) and read by every :func:`index_noise` call."""
    return _hashed_normal(torch.arange(NOISE_PERIOD, dtype=torch.int64), key=0).to(device)


def noise_offset(seed: int, row: int) -> int:
    """Where row ``row`` of the noise seeded ``seed`` starts in the table: a hash of both."""
    key = torch.tensor([(seed + row * _ROW_STRIDE) & _MASK32], dtype=torch.int64)
    return int(_hash32(_hash32(key) ^ 0x5BD1E995)) % NOISE_PERIOD


def index_noise(batch: int, start: int, length: int, seed: int, device: torch.device) -> Tensor:
    """Standard normal noise ``[B, length]`` for absolute samples ``start .. start + length - 1``.

    Sample n of row b is a fixed function of (n, b, seed) — entry ``(n + offset(seed, b)) mod``
    :data:`NOISE_PERIOD` of one fixed table of hashed Box-Muller samples — so any chunking of a signal
    sees the same noise. Reading the table is one copy; hashing every sample cost an NSF-iSTFT
    vocoder a tenth of its time. A noise that repeats after 47 s is heard as noise all the same.
    """
    table = _noise_table(torch.device(device))
    rows = []
    for row in range(batch):
        position, pieces, left = (start + noise_offset(seed, row)) % NOISE_PERIOD, [], length
        while left > 0:
            take = min(left, NOISE_PERIOD - position)
            pieces.append(table[position: position + take])
            left, position = left - take, 0
        rows.append(torch.cat(pieces) if pieces else table[:0])
    return torch.stack(rows) if rows else table.new_zeros(0, length)  # [B, length]
