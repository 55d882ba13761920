"""Polyphone disambiguation: which reading a polyphonic character has in its sentence.

Two stages, both shipped in ``tts/resources/polyphone/`` (see the NOTICE there):

1. A one-layer BiLSTM over the characters of the sentence (the g2pM model of Park & Lee 2020,
   weights converted from the Apache-2.0 ``g2pM`` wheel and run here with torch) gives, at the
   character, a log-probability for each of its readings.
2. A log-linear reranker over the character's candidate readings combines that with what the
   dictionary says (the reading of the segmented word in pypinyin's phrase dictionary, the
   dictionary pass's reading, phrases covering the character, reading statistics of neighbouring
   characters in the phrase dictionary) and with sparse context features (neighbouring
   characters and words conjoined with the candidate). It was trained on the CPP dev split
   (``benchmarks/train_polyphone.py``; the accuracy it reports is 10-fold cross-validated).

Before either stage, a word the dictionaries agree on keeps its reading: when the segmented word
(or else the longest phrase inside it that covers the character: 大[鼻子]) has an entry in
pypinyin's phrase dictionary and CC-CEDICT gives it the same reading, or pypinyin lacks it and
CC-CEDICT reads the character there with a neutral tone (包子 zi5, where the BiLSTM says zi3) or
reads its first character as a surname (曾国藩 zeng1; ``confirmed.tsv``), that reading is taken,
unless the CPP dev split labels this phrase differently (its house conventions, e.g. 部分 fen1,
挣脱 zheng1: ``dev_exceptions`` in ``reranker.json``). The
BiLSTM, trained on encyclopedia sentences, is confidently wrong on many everyday words (了解 le5,
目的 de5, 种植 zhong3, 人参 can1); on CPP dev the check costs nothing (cross-validated), on the
hand-written everyday set of ``benchmarks/data/everyday_polyphones.tsv`` it is most of the gain.

Only characters the model was trained on (the 623 polyphonic characters of CPP) are decided here;
every other character keeps its dictionary reading (or a collocation's, 嚼 jiao2: see G2P.read).
First of all, a collocation decides where the neighbouring words show the sense (鱼刺卡在 qia3,
盛饭 cheng2, 拧干 ning2: :mod:`tts.text.collocations`); then grammatical contexts where the BiLSTM is
confidently wrong on everyday text (很长, 长得, 认真地, 很重, 数一数, 为学生提供, 这只小狗, 累得, 我得去,
上得起, 做不了, 种玉米, 系好, 都要, 朝霞) are fixed by rules (:mod:`tts.text.polyphone_rules`). On CPP
dev the collocations decide 31 sentences, all rightly, the rules 32, 31 rightly
(``benchmarks/bench_polyphone.py`` reports both).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numba
import numpy as np

from tts.text.collocations import COLLOCATIONS_FILE, Collocations
from tts.text.polyphone_rules import rule_reading

if TYPE_CHECKING:
    from tts.text.g2p import PinyinDictionary

RESOURCE_DIR = Path(__file__).resolve().parent.parent / "resources" / "polyphone"
BOS, EOS, UNK = "<BOS>", "<EOS>", "<UNK>"
EDGE = "#"  # stands for "no character / word here" in context features


@dataclass(frozen=True)
class Target:
    """One polyphonic character of a sentence and what segmentation and the dictionary say."""

    index: int  # position in the sentence
    word: str  # the segmented word holding it
    word_start: int  # where that word starts in the sentence
    word_reading: str | None  # its reading in the phrase dictionary entry of ``word``
    dict_reading: str | None  # its reading from the dictionary pass over ``word``
    previous_word: str = ""  # the segmented word before ``word`` ("" at the start)
    bounds: frozenset[int] = frozenset()  # word boundaries of the sentence (see g2p.word_bounds)


@dataclass
class CandidateFeatures:
    """Features of one target: dense per candidate ``[K, D]``, and sparse context keys, each of
    which has a weight per candidate reading."""

    candidates: tuple[str, ...]
    dense: np.ndarray  # [K, D] float32
    context: list[str]  # keys such as "l1银|行" (feature, then the character)


def _jit(function):
    try:
        return numba.njit(cache=True, fastmath=True)(function)
    except RuntimeError:  # no writable cache location
        return numba.njit(fastmath=True)(function)


@numba.njit(fastmath=True, inline="always")
def _exp_neg(x: float) -> float:
    """exp(-x) in float32, x clamped to [-30, 30]: degree-9 Taylor at x/32, squared 5 times.

    Branch-free so the gate loops vectorize; relative error below 4e-6 (libm calls per gate
    would cost most of the BiLSTM's time).
    """
    y = -min(max(x, np.float32(-30.0)), np.float32(30.0)) * np.float32(1.0 / 32.0)
    p = np.float32(1.0) + y * (np.float32(1.0) + y * (np.float32(1 / 2) + y * (np.float32(1 / 6) + y * (
        np.float32(1 / 24) + y * (np.float32(1 / 120) + y * (np.float32(1 / 720) + y * (
            np.float32(1 / 5040) + y * (np.float32(1 / 40320) + y * np.float32(1 / 362880)))))))))
    p = p * p
    p = p * p
    p = p * p
    p = p * p
    return p * p


@_jit
def _lstm_direction(table: np.ndarray, ids: np.ndarray, w_hh: np.ndarray, scale: np.ndarray,
                    direction: int, steps: int, out: np.ndarray) -> None:
    """Run one LSTM direction for ``steps`` steps, writing hidden states to ``out[t, direction]``.

    ``table[v, direction]`` is the input projection (plus both biases) of vocabulary item ``v``,
    gates ordered i f g o; ``scale`` is 1 for sigmoid gates and 2 for the g gate, whose tanh is
    computed as 2 * sigmoid(2x) - 1.
    """
    n = ids.shape[0]
    hidden = w_hh.shape[1]
    h = np.zeros(hidden, np.float32)
    c = np.zeros(hidden, np.float32)
    g = np.empty(4 * hidden, np.float32)
    one = np.float32(1.0)
    two = np.float32(2.0)
    for s in range(steps):
        t = s if direction == 0 else n - 1 - s
        for k in range(4 * hidden):
            g[k] = table[ids[t], direction, k]
        for j in range(hidden):
            hj = h[j]
            for k in range(4 * hidden):
                g[k] += hj * w_hh[direction, j, k]
        for k in range(4 * hidden):
            g[k] = one / (one + _exp_neg(g[k] * scale[k]))
        for j in range(hidden):
            c[j] = g[hidden + j] * c[j] + g[j] * (two * g[2 * hidden + j] - one)
            h[j] = g[3 * hidden + j] * (two / (one + _exp_neg(two * c[j])) - one)
            out[t, direction, j] = h[j]


class BiLSTMScorer:
    """Character BiLSTM → logits over all readings (classes) at chosen positions.

    The forward pass runs up to the last position asked for and the backward pass down to the
    first, which gives exactly the full BiLSTM's outputs there. Input projections of every
    vocabulary character are computed once at load; the recurrence is a numba kernel.
    """

    def __init__(self, weights: dict[str, np.ndarray], vocab: list[str], classes: list[str]) -> None:
        self.char_to_id = {c: i for i, c in enumerate(vocab)}
        self.classes = classes
        self.class_to_id = {c: i for i, c in enumerate(classes)}
        embedding = weights["embedding.weight"].astype(np.float32)  # [V, E]
        self.hidden = weights["lstm.weight_hh_l0"].shape[1]  # H
        projections = []
        recurrent = []
        for suffix in ("", "_reverse"):
            w_ih = weights[f"lstm.weight_ih_l0{suffix}"]  # [4H, E], gates i f g o
            bias = weights[f"lstm.bias_ih_l0{suffix}"] + weights[f"lstm.bias_hh_l0{suffix}"]
            projections.append(embedding @ w_ih.T + bias)  # [V, 4H]
            recurrent.append(weights[f"lstm.weight_hh_l0{suffix}"].T)  # [H, 4H]
        self.input_table = np.ascontiguousarray(np.stack(projections, axis=1), dtype=np.float32)  # [V, 2, 4H]
        self.w_hh = np.ascontiguousarray(np.stack(recurrent), dtype=np.float32)  # [2, H, 4H]
        self.scale = np.ones(4 * self.hidden, np.float32)
        self.scale[2 * self.hidden:3 * self.hidden] = 2.0
        self.fc1_w = weights["logit_layer.0.weight"].T.astype(np.float32)  # [2H, F]
        self.fc1_b = weights["logit_layer.0.bias"].astype(np.float32)
        self.fc2_w = weights["logit_layer.2.weight"].T.astype(np.float32)  # [F, C]
        self.fc2_b = weights["logit_layer.2.bias"].astype(np.float32)
        self._unk = self.char_to_id[UNK]

    def logits(self, sentence: str, indices: Sequence[int],
               classes: Sequence[Sequence[int]]) -> list[list[float]]:
        """For each position ``indices[n]``, the logits of the classes ``classes[n]``."""
        get = self.char_to_id.get
        ids = np.array([self.char_to_id[BOS]] + [get(c, self._unk) for c in sentence]
                       + [self.char_to_id[EOS]], dtype=np.int64)  # [T]
        n = len(ids)
        pos = [i + 1 for i in indices]  # positions in ids (after BOS)
        out = np.zeros((n, 2, self.hidden), np.float32)  # [T, 2, H]
        _lstm_direction(self.input_table, ids, self.w_hh, self.scale, 0, max(pos) + 1, out)
        _lstm_direction(self.input_table, ids, self.w_hh, self.scale, 1, n - min(pos), out)
        states = out[pos].reshape(len(pos), 2 * self.hidden)  # [N, 2H]: forward, then backward
        z = np.maximum(states @ self.fc1_w + self.fc1_b, 0.0)  # [N, F]
        rows = [n for n, ids in enumerate(classes) for _ in ids]
        flat = [i for ids in classes for i in ids]
        values = (np.einsum("mf,fm->m", z[rows], self.fc2_w[:, flat]) + self.fc2_b[flat]).tolist()
        out_lists, start = [], 0
        for ids in classes:
            out_lists.append(values[start:start + len(ids)])
            start += len(ids)
        return out_lists


def _ratio_features(counts: dict[str, int], candidate: str, k: int) -> list[float]:
    """Smoothed share of ``candidate``, its evidence-weighted share, and 'seen but never'."""
    total = sum(counts.values())
    if total == 0:
        return [1.0 / k, 0.0, 0.0]
    own = counts.get(candidate, 0)
    return [(own + 0.5) / (total + 0.5 * k), math.log1p(total) * own / total, float(own == 0)]


class PhraseBigrams:
    """How often a character reads each way next to a given neighbour in dictionary phrases."""

    def __init__(self, dictionary: PinyinDictionary, chars: frozenset[str]) -> None:
        from pypinyin.constants import PHRASES_DICT

        self.left: dict[tuple[str, str], dict[str, int]] = {}
        self.right: dict[tuple[str, str], dict[str, int]] = {}
        for word in PHRASES_DICT:
            if not any(c in chars for c in word):
                continue
            reading = dictionary.phrase(word)
            if reading is None:
                continue
            for j, char in enumerate(word):
                if char not in chars or reading[j] is None:
                    continue
                if j > 0:
                    counts = self.left.setdefault((word[j - 1], char), {})
                    counts[reading[j]] = counts.get(reading[j], 0) + 1  # type: ignore[index]
                if j + 1 < len(word):
                    counts = self.right.setdefault((char, word[j + 1]), {})
                    counts[reading[j]] = counts.get(reading[j], 0) + 1  # type: ignore[index]


CONFIRMED_FILE = "confirmed.tsv"


def read_confirmed(path: Path) -> dict[str, tuple[str, ...]]:
    """``word<TAB>syllables`` lines → {word: syllables} (see PolyphoneModel.confirmed_source)."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, syllables = line.partition("\t")
        out[word] = tuple(syllables.split())
    return out


def phrase_key(phrase: str, place: int, char: str) -> str:
    """A phrase, the place of a character in it and the character: ``w银行1|行``."""
    return f"w{phrase}{place}|{char}"


def word_key(sentence: str, target: Target) -> str:
    """:func:`phrase_key` of the target's segmented word."""
    return phrase_key(target.word, target.index - target.word_start, sentence[target.index])


def context_keys(sentence: str, target: Target) -> list[str]:
    """Sparse context features of a target (each is later conjoined with char and candidate)."""
    i = target.index

    def at(j: int) -> str:
        return sentence[j] if 0 <= j < len(sentence) else EDGE

    return [
        "c", "l1" + at(i - 1), "r1" + at(i + 1), "l2" + at(i - 2) + at(i - 1),
        "r2" + at(i + 1) + at(i + 2), "L2" + at(i - 2), "R2" + at(i + 2),
        f"w{target.word}{i - target.word_start}", "lr" + at(i - 1) + at(i + 1),
    ]


class PolyphoneModel:
    """BiLSTM + reranker over the readings of the characters it was trained on."""

    def __init__(self, scorer: BiLSTMScorer, candidates: dict[str, tuple[str, ...]],
                 dense_weights: np.ndarray, sparse_weights: dict[str, dict[str, float]],
                 dictionary: PinyinDictionary, confident: float = 2.0,
                 confirmed: dict[str, tuple[str, ...]] | None = None,
                 dev_exceptions: frozenset[str] = frozenset(),
                 collocations: Collocations | None = None) -> None:
        self.scorer = scorer
        self.candidates = candidates
        self.dense_weights = dense_weights
        self.sparse_weights = sparse_weights
        self.dictionary = dictionary
        self.bigrams = PhraseBigrams(dictionary, frozenset(candidates))
        self.class_ids = {c: [scorer.class_to_id[r] for r in cands] for c, cands in candidates.items()}
        # Above this BiLSTM probability, a reading the dictionary pass agrees with (and the
        # word's phrase entry, if any, does not contradict) is taken without the reranker.
        self.confident = confident
        # Confirmed words with their syllables, and the word keys (see word_key) that CPP dev
        # reads otherwise: see the module doc.
        self.confirmed = confirmed if confirmed is not None else {}
        self.dev_exceptions = dev_exceptions
        self.collocations = collocations if collocations is not None else Collocations([])

    @classmethod
    def load(cls, dictionary: PinyinDictionary, folder: Path = RESOURCE_DIR) -> PolyphoneModel:
        from safetensors.numpy import load_file

        weights = load_file(str(folder / "bilstm.safetensors"))
        meta = json.loads((folder / "bilstm.json").read_text(encoding="utf-8"))
        stacker = json.loads((folder / "reranker.json").read_text(encoding="utf-8"))
        scorer = BiLSTMScorer(weights, meta["vocab"], meta["classes"])
        candidates = {c: tuple(r) for c, r in meta["candidates"].items()}
        confirmed_file = folder / CONFIRMED_FILE
        confirmed = read_confirmed(confirmed_file) if confirmed_file.exists() else {}
        collocations_file = folder / COLLOCATIONS_FILE.name
        collocations = Collocations.load(collocations_file) if collocations_file.exists() else None
        return cls(scorer, candidates, np.asarray(stacker["dense"], dtype=np.float32),
                   stacker["sparse"], dictionary, float(stacker.get("confident", 2.0)),
                   confirmed, frozenset(stacker.get("dev_exceptions", ())), collocations)

    def covers(self, char: str) -> bool:
        return char in self.candidates

    def confirmed_source(self, sentence: str, target: Target) -> tuple[str, str] | None:
        """``(reading, key)`` from the confirmed word that reads the target: its segmented word,
        or else, when that word is not in the phrase dictionary, the longest confirmed word
        inside it covering the target (大[鼻子]); ``key`` (see word_key) names that word and the
        place of the target in it."""
        offset = target.index - target.word_start
        whole = self.confirmed.get(target.word)
        if whole is not None:
            return (whole[offset], word_key(sentence, target)) if whole[offset] != "-" else None
        if target.word_reading is not None:  # a dictionary word CC-CEDICT reads otherwise
            return None
        word = target.word
        for size in range(len(word) - 1, 1, -1):
            for start in range(max(0, offset - size + 1), min(offset, len(word) - size) + 1):
                part = word[start:start + size]
                reading = self.confirmed.get(part)
                if reading is not None and reading[offset - start] != "-":
                    return reading[offset - start], phrase_key(part, offset - start, word[offset])
        return None

    def confirmed_reading(self, sentence: str, target: Target,
                          exceptions: frozenset[str] | None = None) -> str | None:
        """The reading of a confirmed phrase (see confirmed_source) unless CPP dev reads that
        phrase otherwise (``exceptions``, by default the shipped ``dev_exceptions``)."""
        found = self.confirmed_source(sentence, target)
        if found is None:
            return None
        exceptions = self.dev_exceptions if exceptions is None else exceptions
        return None if found[1] in exceptions else found[0]

    def ruled_reading(self, sentence: str, target: Target,
                      exceptions: frozenset[str] | None = None) -> str | None:
        """What decides before the models: a collocation (see :mod:`tts.text.collocations`),
        else a grammar rule, else a confirmed phrase (see confirmed_reading; ``exceptions`` as
        there)."""
        ruled = self.collocations.reading(sentence, target.index, target.bounds)
        if ruled is None:
            ruled = rule_reading(sentence, target)
        return ruled if ruled is not None else self.confirmed_reading(sentence, target, exceptions)

    def features(self, sentence: str, targets: Sequence[Target]) -> list[CandidateFeatures]:
        """Candidate features for each target (the BiLSTM runs once over the sentence)."""
        if not targets:
            return []
        matches = self.dictionary.phrase_matches(sentence)
        return [self._features(sentence, t, row, matches)
                for t, row in zip(targets, self._logits(sentence, targets))]

    def _logits(self, sentence: str, targets: Sequence[Target]) -> list[list[float]]:
        return self.scorer.logits(sentence, [t.index for t in targets],
                                  [self.class_ids[sentence[t.index]] for t in targets])

    def decide(self, sentence: str, targets: Sequence[Target]) -> list[str]:
        """The reading of each target character: a grammar rule's, else a confirmed dictionary
        word's, else the BiLSTM's when it is confident and the dictionary agrees, else the
        reranker's."""
        if not targets:
            return []
        out = []
        matches: list[tuple[int, int]] | None = None
        for target, picked in zip(targets, self._logits(sentence, targets)):
            ruled = self.ruled_reading(sentence, target)
            if ruled is not None:
                out.append(ruled)
                continue
            cands = self.candidates[sentence[target.index]]
            top = max(picked)
            best = cands[picked.index(top)]
            if (best == target.dict_reading and target.word_reading in (None, best)
                    and 1.0 / sum(math.exp(v - top) for v in picked) >= self.confident):
                out.append(best)
                continue
            if matches is None:
                matches = self.dictionary.phrase_matches(sentence)
            scores = self.scores(self._features(sentence, target, picked, matches))
            out.append(cands[scores.index(max(scores))])
        return out

    def _features(self, sentence: str, target: Target, picked: list[float],
                  matches: list[tuple[int, int]]) -> CandidateFeatures:
        char = sentence[target.index]
        cands = self.candidates[char]
        k = len(cands)
        top = max(picked)
        norm = top + math.log(sum(math.exp(v - top) for v in picked))
        best = picked.index(top)
        covering = self.dictionary.covering(sentence, target.index, matches)
        default = self.dictionary.char(char)
        left = self.bigrams.left.get((sentence[target.index - 1] if target.index > 0 else EDGE, char), {})
        right_char = sentence[target.index + 1] if target.index + 1 < len(sentence) else EDGE
        right = self.bigrams.right.get((char, right_char), {})
        keys = context_keys(sentence, target)
        rows: list[list[float]] = []
        for j, cand in enumerate(cands):
            agree = covering.count(cand)
            rows.append([
                picked[j] - norm, float(j == best),
                float(target.word_reading == cand),
                float(target.word_reading is not None and target.word_reading != cand),
                float(target.dict_reading == cand), float(default == cand),
                math.log1p(agree), math.log1p(len(covering) - agree),
                *_ratio_features(left, cand, k), *_ratio_features(right, cand, k),
            ])
        return CandidateFeatures(cands, np.array(rows, dtype=np.float32), [f"{key}|{char}" for key in keys])

    def scores(self, features: CandidateFeatures) -> list[float]:
        """Reranker score of each candidate."""
        out = (features.dense @ self.dense_weights).tolist()  # [K]
        for key in features.context:
            weights = self.sparse_weights.get(key)
            if weights is not None:
                for j, cand in enumerate(features.candidates):
                    out[j] += weights.get(cand, 0.0)
        return out
