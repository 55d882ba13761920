"""Word boundaries for models that read words (PortaSpeech): per-phoneme word numbers.

A word index is a list (or ``[B, T_ph]`` tensor) parallel to the phonemes, counting words from 0
within the utterance; an ``SP`` / ``AP`` is a word of its own, as in
:class:`tts.text.types.PhonemeInput`. Padding positions of a batch hold :data:`WORD_PAD`.

When no segmentation is known (phoneme-level callers, stores prepared before word boundaries
existed), :func:`syllable_word_index` treats every syllable as a word: a syllable starts at an
initial, at a final that does not follow an initial, and at every special symbol; an ``er`` right
after a final is the erhua ending of that final's syllable (the frontend's ``huar`` → ``h ua er``).
"""

from __future__ import annotations

from typing import Sequence

import torch
from torch import Tensor

from tts.errors import InputError
from tts.text.symbols import PHONEMES, is_final, is_initial

WORD_PAD = -1  # word index of padding positions in a batch
ERHUA_FINAL = "er"  # the final the frontend appends for erhua


def syllable_word_index(phones: Sequence[str]) -> list[int]:
    """One word per syllable (see the module notes): ``phones`` [N] → word numbers [N]."""
    index: list[int] = []
    word = -1
    previous = ""
    for phone in phones:
        joins = is_final(phone) and (is_initial(previous) or (phone == ERHUA_FINAL and is_final(previous)))
        if not joins:
            word += 1
        index.append(word)
        previous = phone
    return index


def check_word_index(index: Sequence[int], n_phonemes: int, where: str = "word_index") -> None:
    """InputError unless ``index`` numbers ``n_phonemes`` phonemes 0, 0.., 1, .. without gaps."""
    if len(index) != n_phonemes:
        raise InputError(f"{where} has {len(index)} entries for {n_phonemes} phonemes")
    previous = -1
    for position, value in enumerate(index):
        if not (value == previous + 1 or (value == previous and position > 0)):
            raise InputError(f"{where}[{position}] = {value}: word numbers must start at 0 and grow by 0 or 1")
        previous = value


def batch_syllable_word_index(phonemes: Tensor, lengths: Tensor) -> tuple[Tensor, Tensor]:
    """Syllable words of a padded batch: ids [B, T_ph], lengths [B] → (word_index, word_lengths)."""
    index = torch.full(phonemes.shape, WORD_PAD, dtype=torch.long)
    counts = torch.zeros(phonemes.shape[0], dtype=torch.long)
    for b, (row, length) in enumerate(zip(phonemes.tolist(), lengths.tolist())):
        words = syllable_word_index([PHONEMES[i] for i in row[:length]])
        index[b, :length] = torch.tensor(words, dtype=torch.long)
        counts[b] = words[-1] + 1 if words else 0
    return index.to(phonemes.device), counts.to(phonemes.device)


def pad_word_indices(indices: Sequence[Sequence[int]], length: int) -> tuple[Tensor, Tensor]:
    """Word numbers of several utterances → (``[B, length]`` padded with WORD_PAD, ``[B]`` counts)."""
    out = torch.full((len(indices), length), WORD_PAD, dtype=torch.long)
    counts = torch.zeros(len(indices), dtype=torch.long)
    for b, words in enumerate(indices):
        out[b, : len(words)] = torch.as_tensor(list(words), dtype=torch.long)
        counts[b] = int(max(words)) + 1 if len(words) else 0
    return out, counts
