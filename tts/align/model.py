"""The alignment network: phoneme mel templates × mel frames, L2-distance attention with a diagonal prior.

After Badlani et al. 2021 ("One TTS Alignment To Rule Them All"): the score of frame ``t`` against
token ``n`` is ``-temperature * ||q_t - k_n||^2``; a softmax over tokens plus the log beta-binomial
prior gives the soft alignment. Two losses train it:

- forward-sum: the likelihood of the text given the frames summed over every monotonic alignment,
  computed as CTC with the tokens as the target sequence (each token once, in order) over the soft
  alignment (renormalized after the prior) with a blank of fixed log-probability;
- binarization: the cross-entropy between the soft alignment and its MAS-hardened version, so the
  soft attention sharpens towards the hard durations that are finally extracted.

Where we depart from the paper, measured on the demo corpus (exact boundaries; 600 steps, 300 items,
mean |boundary error|, ``benchmarks/bench_aligner.py`` for the full figures):

- **No mel encoder**: the query is the normalized log-mel frame itself and each token's key is a
  *template*, the mean frame the text encoder predicts for it, so the score is a fixed-variance
  Gaussian log-likelihood. With the paper's learned mel encoder nothing ties a frame's code to its
  sound: the encoder learned to map the loud tail of an utterance's last final onto the silence
  token, which then ate 50-70 ms of speech at every pause (mean error 57 ms with 3-frame kernels,
  16 ms with kernel-1 encoders on both sides but still 40-70 ms at pauses, 13 ms comparing frames
  directly).
- **Tokens are encoded without context** (``kernel_size: 1``): a key that sees its neighbours learned
  to stand for "consonant plus the onset of the next vowel" and put consonant→vowel boundaries 22 ms
  late on average (10 ms with kernel 1).
- **Flat start**: the template layer starts at zero, so every token looks alike and the prior alone
  places the first alignment on the diagonal (the HMM recipe): 12.8 ms against 13.0-13.2 ms from
  random templates.
- **CTC over the renormalized alignment**: the paper feeds CTC the prior-weighted scores before they
  are renormalized; there, with frames compared directly, the blank at the paper's -1 left pauses to
  the blank (the silence token drifted onto speech: 16 ms after 1500 steps), -4 worked and -5 stalled.
  Over the renormalized alignment the paper's -1 works (three seeds: 12.8-13.0 ms; 13.1 ms after
  1500 steps) and 0 too (13.9 ms). Any blank rarer than that (-2 and below) stalls: training stays
  at the flat start's saddle, where every alignment follows the prior (about 300 ms error).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F
from torch import Tensor, nn

from tts.align.mas import durations_to_hard, mas_durations
from tts.align.prior import beta_binomial_log_prior
from tts.errors import ConfigError
from tts.models.base import AcousticBatch
from tts.models.layers import sequence_mask
from tts.models.layers.conv import ConvBlock, ConvStack

MASKED_SCORE = -1e4  # stands for log(0) on padding: finite, so no inf - inf in gradients (and fp16-safe)
LOG_EPS = 1e-8  # floor of probabilities before a log


@dataclass
class AlignerConfig:
    """Network hyper-parameters of the aligner. Scope: all change the weights or the durations it
    extracts (re-run ``tts align`` with a new checkpoint folder), except ``dropout`` (training only)."""

    channels: int = 192  # width of the token embedding and the text encoder
    text_layers: int = 3  # conv layers over tokens (phoneme + tone)
    kernel_size: int = 1  # conv kernel of the text encoder; 1 = no context (see the module docs)
    # scale of squared distances into scores. Normalized 80-bin frames lie tens of units apart, so
    # 1.0 is sharp from the first step; the paper's 0.0005 suits its unnormalized encoders
    temperature: float = 1.0
    prior_scaling: float = 1.0  # beta-binomial prior width w (paper: 1.0; smaller = wider)
    blank_logprob: float = -1.0  # score of CTC's blank in the forward-sum loss (paper: -1)
    dropout: float = 0.0  # training only; the aligner fits one corpus, where dropout only slows it

    def __post_init__(self) -> None:
        problems = []
        if self.kernel_size % 2 == 0:
            problems.append("kernel_size must be odd")
        if min(self.channels, self.text_layers) < 1:
            problems.append("channels and text_layers must be >= 1")
        if self.temperature <= 0 or self.prior_scaling <= 0:
            problems.append("temperature and prior_scaling must be positive")
        if problems:
            raise ConfigError("AlignerConfig: " + "; ".join(problems))


ALIGNER_PRESETS: dict[str, AlignerConfig] = {
    # the default: about 0.2 M parameters, trains on a CPU in minutes
    "aligner": AlignerConfig(),
    # for tests and tiny corpora
    "aligner_tiny": AlignerConfig(channels=32, text_layers=1),
}


@dataclass
class AlignerOutput:
    """Soft alignment of a batch. Scores on padding are ``MASKED_SCORE``."""

    log_attention: Tensor  # [B, T, N] log soft alignment (log-softmax over tokens of scores + prior)
    token_mask: Tensor  # [B, N] bool
    frame_mask: Tensor  # [B, T] bool


@dataclass
class ItemAlignment:
    """The hard alignment of one utterance."""

    durations: np.ndarray  # [N] int64 frames per token, >= 1, summing to T
    cost: float  # mean -log soft-alignment probability of the chosen token per frame (lower = surer)


class Aligner(nn.Module):
    """Soft alignment of phonemes to mel frames; :meth:`align` hardens it into durations."""

    config_class = AlignerConfig
    presets = ALIGNER_PRESETS

    def __init__(self, config: AlignerConfig, n_mels: int, n_vocab: int, n_tones: int) -> None:
        super().__init__()
        self.config = config
        c = config.channels
        self.phoneme_embedding = nn.Embedding(n_vocab, c, padding_idx=0)
        self.tone_embedding = nn.Embedding(n_tones, c)
        self.text_encoder = ConvStack(c, c, config.text_layers, config.kernel_size, config.dropout)
        self.text_head = nn.ModuleList([ConvBlock(c, 2 * c, config.kernel_size, 0.0, "relu", False),
                                        ConvBlock(2 * c, n_mels, 1, 0.0, None, False)])
        nn.init.zeros_(self.text_head[-1].conv.weight)  # flat start: every key alike, the prior leads
        nn.init.zeros_(self.text_head[-1].conv.bias)

    def forward(self, batch: AcousticBatch) -> AlignerOutput:
        """Soft alignment of ``batch`` (phonemes, tones, lengths, normalized mel [B, n_mels, T])."""
        if batch.mel is None or batch.mel_lengths is None:
            raise ValueError("the aligner needs mels and mel lengths")
        token_mask = sequence_mask(batch.phoneme_lengths, batch.phonemes.shape[1])  # [B, N]
        frame_mask = sequence_mask(batch.mel_lengths, batch.mel.shape[2])  # [B, T]
        keys = self.phoneme_embedding(batch.phonemes) + self.tone_embedding(batch.tones)  # [B, N, C]
        keys = self.text_encoder(keys, token_mask)
        for layer in self.text_head:
            keys = layer(keys, token_mask)  # [B, N, n_mels]: the mel template of every token
        queries = batch.mel.transpose(1, 2) * frame_mask[..., None]  # [B, T, n_mels]
        with torch.autocast(queries.device.type, enabled=False):  # distances need float32 range
            queries, keys = queries.float(), keys.float()
            # ||q - k||^2 = |q|^2 - 2 q.k + |k|^2, without a [B, T, N, n_mels] difference tensor
            distance = ((queries ** 2).sum(-1, keepdim=True) - 2 * queries @ keys.transpose(1, 2)
                        + (keys ** 2).sum(-1)[:, None, :]).clamp(min=0.0)  # [B, T, N]
        scores = -self.config.temperature * distance
        pair_mask = frame_mask[:, :, None] & token_mask[:, None, :]  # [B, T, N]
        scores = scores.masked_fill(~token_mask[:, None, :], MASKED_SCORE)
        prior = beta_binomial_log_prior(batch.phoneme_lengths, batch.mel_lengths, batch.phonemes.shape[1],
                                        batch.mel.shape[2], self.config.prior_scaling)  # [B, T, N]
        scores = torch.log_softmax(scores, dim=-1) + prior
        scores = scores.masked_fill(~pair_mask, MASKED_SCORE)
        log_attention = torch.log_softmax(scores, dim=-1).masked_fill(~pair_mask, MASKED_SCORE)
        return AlignerOutput(log_attention=log_attention, token_mask=token_mask,
                             frame_mask=frame_mask)

    @torch.no_grad()
    def align(self, batch: AcousticBatch) -> list[ItemAlignment]:
        """Hard durations of every item of ``batch`` by MAS over its soft alignment."""
        out = self.forward(batch)
        log_attention = out.log_attention.cpu().numpy()
        results = []
        for b in range(batch.batch_size):
            n, t = int(batch.phoneme_lengths[b]), int(batch.mel_lengths[b])
            item = log_attention[b, :t, :n].T  # [N, T]
            durations = mas_durations(item)
            chosen = (durations_to_hard(durations, t) * item).sum()
            results.append(ItemAlignment(durations=durations, cost=float(-chosen / t)))
        return results


def hard_alignment(out: AlignerOutput, text_lengths: Tensor, mel_lengths: Tensor) -> Tensor:
    """MAS-hardened alignment ``[B, T, N]`` (0/1, one token per real frame) of a soft one."""
    log_attention = out.log_attention.detach().float().cpu().numpy()
    hard = np.zeros(log_attention.shape, dtype=np.float32)
    for b in range(log_attention.shape[0]):
        n, t = int(text_lengths[b]), int(mel_lengths[b])
        durations = mas_durations(log_attention[b, :t, :n].T)
        hard[b, :t, :n] = durations_to_hard(durations, t).T
    return torch.from_numpy(hard).to(out.log_attention.device)


def forward_sum_loss(out: AlignerOutput, text_lengths: Tensor, mel_lengths: Tensor, blank_logprob: float) -> Tensor:
    """CTC loss of the token sequence ``1..N`` given the soft alignment (a blank column prepended)."""
    batch, _, n_max = out.log_attention.shape
    scores = F.pad(out.log_attention.float(), (1, 0), value=blank_logprob)  # [B, T, 1 + N]
    scores = scores.masked_fill(~F.pad(out.token_mask, (1, 0), value=True)[:, None, :], MASKED_SCORE)
    log_probs = torch.log_softmax(scores, dim=-1).transpose(0, 1)  # [T, B, 1 + N]
    targets = torch.arange(1, n_max + 1, device=scores.device).expand(batch, n_max)  # [B, N]
    return F.ctc_loss(log_probs, targets, mel_lengths, text_lengths, blank=0, reduction="mean", zero_infinity=True)


def binarization_loss(out: AlignerOutput, hard: Tensor) -> Tensor:
    """Mean -log soft-alignment probability of the tokens the hard alignment ``[B, T, N]`` picked."""
    log_p = out.log_attention.float().clamp(min=np.log(LOG_EPS))
    return -(hard * log_p).sum() / hard.sum().clamp(min=1.0)
