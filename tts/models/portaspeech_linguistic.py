"""PortaSpeech's linguistic encoder: phonemes and words, a word-level duration model, and a
word-to-phoneme attention that aligns phonemes softly inside each word (Ren et al., "PortaSpeech:
Portable and High-Quality Generative Text-to-Speech", 2021).

Phoneme states (FFT encoder) are mean-pooled into words; a word encoder (FFT) reads the words;
words are stretched to frames by their durations; then every frame attends to the phonemes of its
own word only. Queries carry the frame's relative position inside its word and keys the
phoneme's relative position inside its word (``(k + 0.5) / n`` as sinusoidal features), which is
what lets the attention learn a monotonic order without phoneme durations. The frame features are
the stretched word state plus the attention's output.

Phoneme durations are still available in training (exact alignments), so the attention gets a
guidance target (the frame's aligned phoneme); at inference each frame's most-attended phoneme
gives the phoneme durations the synthesizer reports.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Optional

import torch
from torch import Tensor, nn

from tts.models.layers.transformer import FFTStack, PositionKind
from tts.models.variance import FrameIndex, frame_index

ATTENTION_FLOOR = 1e-6  # added inside the log of the guidance loss


@dataclass
class EncoderSettings:
    """Shapes of the FFT stacks (a subset of the model's config, passed explicitly)."""

    dim: int
    heads: int
    ffn_dim: int
    ffn_kernel_sizes: tuple[int, int]
    dropout: float
    positions: PositionKind
    max_positions: int


@dataclass
class Words:
    """Word structure of a padded batch."""

    index: Tensor  # [B, T_ph] long word per phoneme, clamped to 0 on padding
    phoneme_mask: Tensor  # [B, T_ph] bool
    mask: Tensor  # [B, W] bool, real words
    lengths: Tensor  # [B] long words per utterance


@dataclass
class EncodedText:
    """What the encoder made of the text."""

    phonemes: Tensor  # [B, T_ph, C] phoneme states
    words: Tensor  # [B, W, C] word states
    structure: Words


@dataclass
class FrameFeatures:
    """Frame-level linguistic features and the soft alignment behind them."""

    x: Tensor  # [B, T, C], zero on padding
    mask: Tensor  # [B, T] bool
    lengths: Tensor  # [B] long
    attention: Tensor  # [B, T, T_ph] head-averaged word-to-phoneme attention, 0 on padding
    frame_word: FrameIndex  # which word each frame belongs to


def make_words(word_index: Tensor, word_lengths: Tensor, phoneme_mask: Tensor) -> Words:
    """The batch's word structure from ``word_index`` [B, T_ph] (-1 on padding) and ``word_lengths`` [B]."""
    n_words = max(int(word_lengths.max()), 1)
    mask = torch.arange(n_words, device=word_index.device)[None, :] < word_lengths[:, None]
    return Words(index=word_index.clamp(min=0) * phoneme_mask.long(), phoneme_mask=phoneme_mask,
                 mask=mask, lengths=word_lengths)


def pool_words(x: Tensor, words: Words) -> Tensor:
    """Mean of phoneme states per word: x [B, T_ph, C] → [B, W, C], zero on padded words."""
    batch, _, channels = x.shape
    weights = words.phoneme_mask.to(x.dtype)[..., None]  # [B, T_ph, 1]
    index = words.index[..., None].expand(-1, -1, channels)  # [B, T_ph, C]
    n_words = words.mask.shape[1]
    sums = x.new_zeros(batch, n_words, channels).scatter_add(1, index, x * weights)
    counts = x.new_zeros(batch, n_words, 1).scatter_add(1, words.index[..., None], weights)
    return sums / counts.clamp(min=1.0)


def word_durations(durations: Tensor, words: Words) -> Tensor:
    """Phoneme frames [B, T_ph] long → frames per word [B, W] long."""
    kept = durations * words.phoneme_mask.long()
    return kept.new_zeros(words.mask.shape).scatter_add(1, words.index, kept)


def relative_positions(index: Tensor, mask: Tensor) -> Tensor:
    """Relative place of each element inside its group: ``(k + 0.5) / n`` for the k-th of n.

    ``index`` [B, L] long group of each element, nondecreasing along L; mask [B, L] bool → [B, L] float.
    """
    batch, length = index.shape
    keep = mask.long()
    n_groups = int(index.max()) + 1 if index.numel() else 1
    counts = index.new_zeros(batch, n_groups).scatter_add(1, index, keep)  # [B, G]
    starts = torch.cumsum(counts, dim=1) - counts  # [B, G], first element of each group
    position = torch.arange(length, device=index.device)[None, :] - starts.gather(1, index)  # [B, L]
    size = counts.gather(1, index).clamp(min=1)
    return (position.to(torch.float32) + 0.5) / size.to(torch.float32) * mask.to(torch.float32)


class RelativePositionFeatures(nn.Module):
    """A position in (0, 1) → ``[sin(π k r), cos(π k r)]`` for k = 1..K → linear → ``dim``."""

    def __init__(self, n_frequencies: int, dim: int) -> None:
        super().__init__()
        self.register_buffer("frequencies", math.pi * torch.arange(1, n_frequencies + 1).float(), persistent=False)
        self.proj = nn.Linear(2 * n_frequencies, dim)

    def forward(self, r: Tensor) -> Tensor:
        """r [B, L] → [B, L, dim]."""
        angles = r[..., None] * self.frequencies  # [B, L, K]
        return self.proj(torch.cat([angles.sin(), angles.cos()], dim=-1))


class WordToPhonemeAttention(nn.Module):
    """Multi-head attention from frames to the phonemes of the frame's own word."""

    def __init__(self, dim: int, heads: int, n_frequencies: int) -> None:
        super().__init__()
        if dim % heads:
            raise ValueError(f"dimension {dim} is not divisible by {heads} heads")
        self.heads = heads
        self.query = nn.Linear(dim, dim)
        self.key = nn.Linear(dim, dim)
        self.value = nn.Linear(dim, dim)
        self.out = nn.Linear(dim, dim)
        self.query_position = RelativePositionFeatures(n_frequencies, dim)
        self.key_position = RelativePositionFeatures(n_frequencies, dim)

    def forward(self, frames: Tensor, frame_r: Tensor, frame_words: Tensor, frame_mask: Tensor,
                phonemes: Tensor, phoneme_r: Tensor, words: Words) -> tuple[Tensor, Tensor]:
        """frames [B, T, C] (word states per frame), frame_r [B, T], frame_words [B, T] long,
        phonemes [B, T_ph, C], phoneme_r [B, T_ph] → (output [B, T, C], attention [B, T, T_ph])."""
        batch, n_frames, dim = frames.shape
        head_dim = dim // self.heads

        def split(x: Tensor) -> Tensor:  # [B, L, C] → [B, H, L, D]
            return x.view(batch, x.shape[1], self.heads, head_dim).transpose(1, 2)

        q = split(self.query(frames + self.query_position(frame_r)))
        k = split(self.key(phonemes + self.key_position(phoneme_r)))
        v = split(self.value(phonemes))
        allowed = (frame_words[:, :, None] == words.index[:, None, :]) & words.phoneme_mask[:, None, :]
        # padded frames may look anywhere real (their output is zeroed): keeps every softmax row finite
        allowed = allowed | (~frame_mask[:, :, None] & words.phoneme_mask[:, None, :])  # [B, T, T_ph]
        scores = q @ k.transpose(-1, -2) / math.sqrt(head_dim)  # [B, H, T, T_ph]
        weights = torch.softmax(scores.masked_fill(~allowed[:, None], float("-inf")), dim=-1)
        y = (weights @ v).transpose(1, 2).reshape(batch, n_frames, dim)  # [B, T, C]
        keep = frame_mask[..., None].to(frames.dtype)
        return self.out(y) * keep, weights.mean(dim=1) * keep


class LinguisticEncoder(nn.Module):
    """Phoneme encoder, word encoder and the word-to-phoneme attention."""

    def __init__(self, n_vocab: int, n_tones: int, n_speakers: int, settings: EncoderSettings,
                 phoneme_layers: int, word_layers: int, position_frequencies: int) -> None:
        super().__init__()
        dim = settings.dim
        self.phoneme_embedding = nn.Embedding(n_vocab, dim, padding_idx=0)
        self.tone_embedding = nn.Embedding(n_tones, dim)
        self.speaker_embedding = nn.Embedding(n_speakers, dim) if n_speakers > 1 else None
        self.phoneme_encoder = self._stack(settings, phoneme_layers)
        self.word_encoder = self._stack(settings, word_layers)
        self.attention = WordToPhonemeAttention(dim, settings.heads, position_frequencies)

    @staticmethod
    def _stack(s: EncoderSettings, n_layers: int) -> FFTStack:
        return FFTStack(n_layers, s.dim, s.heads, s.ffn_dim, s.ffn_kernel_sizes, s.dropout, s.positions,
                        s.max_positions)

    def encode(self, phonemes: Tensor, tones: Tensor, speakers: Optional[Tensor], words: Words) -> EncodedText:
        """ids / tones [B, T_ph], speakers [B] or None → phoneme and word states."""
        mask = words.phoneme_mask
        keep = mask[..., None].float()
        x = self.phoneme_embedding(phonemes) + self.tone_embedding(tones)  # [B, T_ph, C]
        x = self.phoneme_encoder(x * keep, mask)
        if self.speaker_embedding is not None and speakers is not None:
            x = x + self.speaker_embedding(speakers)[:, None, :] * keep
        word_states = self.word_encoder(pool_words(x, words), words.mask)  # [B, W, C]
        return EncodedText(phonemes=x, words=word_states, structure=words)

    def expand(self, text: EncodedText, durations: Tensor, n_frames: Optional[int] = None) -> FrameFeatures:
        """Word frames ``durations`` [B, W] long → frame features (T = ``n_frames`` or the longest)."""
        words = text.structure
        index = frame_index(durations * words.mask.long(), n_frames)  # frames → words
        frame_words = index.phoneme  # [B, T] word of each frame
        gather = frame_words[..., None].expand(-1, -1, text.words.shape[-1])
        stretched = text.words.gather(1, gather) * index.mask[..., None].to(text.words.dtype)  # [B, T, C]
        frame_r = relative_positions(frame_words, index.mask)
        phoneme_r = relative_positions(words.index, words.phoneme_mask)
        attended, attention = self.attention(stretched, frame_r, frame_words, index.mask, text.phonemes,
                                             phoneme_r, words)
        return FrameFeatures(x=stretched + attended, mask=index.mask, lengths=index.lengths,
                             attention=attention, frame_word=index)


def attention_durations(attention: Tensor, frame_mask: Tensor, phoneme_mask: Tensor) -> Tensor:
    """Frames per phoneme from each frame's most-attended phoneme: [B, T, T_ph] → [B, T_ph] long."""
    best = attention.argmax(dim=-1)  # [B, T]
    counts = torch.zeros(phoneme_mask.shape, dtype=torch.long, device=attention.device)
    counts.scatter_add_(1, best, frame_mask.long())
    return counts * phoneme_mask.long()


def guidance_loss(attention: Tensor, durations: Tensor, frame_mask: Tensor) -> Tensor:
    """Mean −log attention on each frame's aligned phoneme (``durations`` [B, T_ph] long)."""
    index = frame_index(durations, attention.shape[1])
    mask = frame_mask & index.mask
    picked = attention.gather(2, index.phoneme[..., None])[..., 0]  # [B, T]
    loss = -torch.log(picked + ATTENTION_FLOOR)
    return (loss * mask).sum() / mask.sum().clamp(min=1)
