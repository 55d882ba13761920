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
CC-CEDICT reads the character there with a neutral tone (包子 zi5, where the BiLSTM says zi3;
``confirmed.tsv``), that reading is taken, unless the CPP dev split labels this phrase differently
(its house conventions, e.g. 部分 fen1, 挣脱 zheng1: ``dev_exceptions`` in ``reranker.json``). The
BiLSTM, trained on encyclopedia sentences, is confidently wrong on many everyday words (了解 le5,
目的 de5, 种植 zhong3, 人参 can1); on CPP dev the check costs nothing (cross-validated), on the
hand-written everyday set of ``benchmarks/data/everyday_polyphones.tsv`` it is most of the gain.

Only characters the model was trained on (the 623 polyphonic characters of CPP) are decided here;
every other character keeps its dictionary reading. A few grammatical contexts where the BiLSTM is
confidently wrong on everyday text (很长, 长得, 认真地, 很重, 数一数, 为学生提供, 这只小狗, 累得,
我得去, 上得起, 系好, 都要, 会计, 朝霞) are fixed by rules (:func:`rule_reading`); on CPP dev they fire on 6 sentences,
all rightly (``benchmarks/bench_polyphone.py`` reports it).
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

from tts.text.normalize.chars import is_han

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
                 dev_exceptions: frozenset[str] = frozenset()) -> None:
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
        return cls(scorer, candidates, np.asarray(stacker["dense"], dtype=np.float32),
                   stacker["sparse"], dictionary, float(stacker.get("confident", 2.0)),
                   confirmed, frozenset(stacker.get("dev_exceptions", ())))

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
        """What decides before the models: a grammar rule, else a confirmed phrase (see
        confirmed_reading; ``exceptions`` as there)."""
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


# ---------------------------------------------------------------------------- grammar rules
# A few high-precision contexts where the BiLSTM (trained on encyclopedia text) is confidently
# wrong on everyday sentences. They override the model; benchmarks/bench_polyphone.py reports how
# often they fire on each test set and how often they are right there.

DEGREE_ADVERBS = ("很", "太", "真", "最", "更", "挺", "好", "多", "非常", "特别", "比较", "相当",
                  "十分", "这么", "那么", "越来越", "较", "极", "不够", "够")
_LONG_NOT_AFTER = frozenset("大者官子辈老相")  # 长大, 长者, 长官 … read zhang3
_SUBJECTS = ("我", "你", "他", "她", "它", "们", "咱", "大家", "谁", "明天", "今天", "现在", "马上",
             "还", "就", "也", "都", "总", "必须", "一定", "非")
_MUST_VERBS = frozenset("去走来做赶把先花等想吃好")
_HEAVY_NOT_AFTER = frozenset("新复叠庆阳申")  # 重新, 重复, 重叠 … read chong2
_BREAKS = frozenset("，。！？；：、…—“”‘’（）《》")


# Verbs read one way when tried out (数一数, 量了量, 称一下): the verb's reading.
_TRY_VERBS = {"数": "shu3", "量": "liang2", "称": "cheng1", "扇": "shan1", "教": "jiao1",
              "卷": "juan3"}
_POURED_AFTER = frozenset("进入水茶酒掉出满")  # 倒进, 倒水, 倒掉: dao4 "pour"
_PRONOUNS = frozenset("我你他她它咱")
_MEASURES = frozenset("个块片亩座处")
_TIRED_AFTER = frozenset("得死坏极了垮")
_TAUGHT_AFTER = frozenset("了过着书课")  # 教了, 教过 (not 教会 "church": jiao4)
# Characters read differently as a surname (after 姓 "surnamed").
SURNAME_READINGS = {"曾": "zeng1", "单": "shan4", "解": "xie4", "仇": "qiu2", "朴": "piao2",
                    "区": "ou1", "查": "zha1", "盖": "ge3", "乐": "yue4", "缪": "miao4",
                    "华": "hua4", "任": "ren2", "覃": "qin2", "翟": "zhai2", "种": "chong2",
                    "秘": "bi4", "召": "shao4", "宁": "ning4", "折": "she2", "纪": "ji3",
                    "那": "nuo2", "燕": "yan1"}
_DEGREE_AFTER = frozenset("很太要多更真好非够满挺特越")
_COUNT_BEFORE = frozenset("这那哪一两几每半多二三四五六七八九十")
_ONLY_AFTER = frozenset("是有要能会好不需得可够见顾管在为怕剩差")
# Verbs that make a standalone 为 before them "for" (wei4) rather than "be / as" (wei2).
_FOR_VERBS = ("服务", "提供", "带来", "送去", "送来", "做准备", "准备", "解决", "创造", "举办",
              "捐", "献", "付出", "操", "贡献", "奋斗", "努力", "操心", "担心", "着想", "加油", "庆祝",
              "骄傲", "高兴", "争光", "出力", "效力", "打造", "开辟", "买单", "埋单", "让路",
              "做出", "作出", "赢得", "争取", "祈祷", "鼓掌", "喝彩")
# Complements after 得 in a potential form (买得起, 看得见, 做得到, 拿得动).
_POTENTIAL_COMPLEMENTS = frozenset("起见懂到及完动着开清住上下过去来出成通惯")
_CAN_GET_VERBS = frozenset("做办找买看听想拿吃用等收碰摸闻猜学借租订抢")
# 系 "tie" (ji4): before 好 / 上 … after these (or at the start), or before what is tied.
_TIE_BEFORE = frozenset("请先要快没未不再都也得你我他她们帮给和，。！？、：；")
_TIE_AFTER = frozenset("好上紧牢")
_SYSTEM_BEFORE = frozenset("关联体派维干院文语谱直水星母父嫡世银")  # 关系 联系 体系 …
_TIED_THINGS = ("鞋带", "安全带", "领带", "围巾", "扣子", "红领巾", "绳子", "腰带", "丝带", "蝴蝶结")
_CAPITAL_BEFORE = frozenset("首古故陪旧帝建迁定国京")  # 首都, 建都于: "capital" du1
_GROUND_NEXT = frozenset("铁区方上下面点址图位带球震质形势理名步毯板道域主产标段盘基")


def rule_reading(sentence: str, target: Target) -> str | None:
    """A reading fixed by a grammatical context, or ``None``."""
    index = target.index
    char = sentence[index]
    before = sentence[max(0, index - 4):index]
    after = sentence[index + 1:index + 2]
    if char == "地" and index >= 2 and sentence[index - 1] == sentence[index - 2] \
            and sentence[index - 1] not in _BREAKS:
        return "de5"  # adverbial 地 after a reduplication: 慢慢地, 高高兴兴地
    if char == "地" and index >= 4 and sentence[index - 4:index - 2] == sentence[index - 2:index] \
            and not _BREAKS.intersection(sentence[index - 2:index]):
        return "de5"  # 一个一个地, 一步一步地
    if char == "地" and _adverbial_de(sentence, target):
        return "de5"  # 认真地学习, 高兴地跳
    if char == "长" and before.endswith(DEGREE_ADVERBS) and after not in _LONG_NOT_AFTER:
        return "chang2"  # 很长, 最长, 这么长: the adjective "long"
    if char == "长" and before.endswith("又") and (after in ("", "又") or after in _BREAKS):
        return "chang2"  # 又黑又长。
    if char == "长" and after == "得":
        # 长得很漂亮 "looks", but 长得多 "much longer"
        return "chang2" if sentence[index + 2:index + 3] == "多" else "zhang3"
    if char == "长" and after in ("高", "胖"):
        return "zhang3"  # 长高了, 长胖了 "grow"
    if char == "重" and before.endswith(DEGREE_ADVERBS) and not before.endswith("多") \
            and after not in _HEAVY_NOT_AFTER:
        return "zhong4"  # 很重, 太重了: "heavy" (but 多重 chong2)
    if char in _TRY_VERBS and _tried_out(sentence, index):
        return _TRY_VERBS[char]
    if char == "倒" and after in _POURED_AFTER and target.word == "倒":
        return "dao4"
    if char == "教" and (after in _PRONOUNS or after in _TAUGHT_AFTER) and target.word == "教":
        return "jiao1"  # 教我们唱歌, 教了二十年: "teach"
    if char == "教" and target.word == "教会" and index == target.word_start \
            and (sentence[index + 2:index + 3] == "了" or sentence[index + 2:index + 3] in _PRONOUNS):
        return "jiao1"  # 教会了我游泳 "taught" (去教会 "church" jiao4)
    if index > 0 and sentence[index - 1] == "姓" and char in SURNAME_READINGS:
        return SURNAME_READINGS[char]  # 他姓曾 zeng1, 姓单 shan4
    if char == "没" and target.word == "没":
        return "mei2"  # 没赶上, 没能 (沉没, 埋没 are words of their own)
    if char == "累" and target.word == "累" and (
            after in _TIRED_AFTER or after in _BREAKS or not after
            or before.endswith(DEGREE_ADVERBS) or before.endswith("又")):
        return "lei4"  # 累得要命, 他累了, 又累又饿: "tired"
    if char == "只" and before[-1:] in _COUNT_BEFORE and after not in _ONLY_AFTER:
        return "zhi1"  # 这只小狗, 一只猫: the measure word (but 这只是 zhi3)
    if char == "为" and target.word == "为":
        tail = sentence[index + 1:index + 16]
        cut = min((tail.find(b) for b in _BREAKS if b in tail), default=len(tail))
        if any(verb in tail[:cut] for verb in _FOR_VERBS):
            return "wei4"  # 为人民服务, 为灾区送去粮食, 为比赛做准备: "for"
    if char == "得" and before.endswith(_SUBJECTS) and after in _MUST_VERBS:
        return "dei3"  # 我得去, 明天得走: "must"
    if char == "得" and target.word == "得" and not before.endswith(_SUBJECTS) \
            and is_han(before[-1:] or " ") and after in _DEGREE_AFTER:
        return "de5"  # 累得要命, 跑得很快: the complement marker
    if char == "得" and len(target.word) == 3 and index == target.word_start + 1 \
            and target.word[2] in _POTENTIAL_COMPLEMENTS:
        return "de5"  # 上得起, 看得见, 来得及: the potential complement
    if char == "得" and target.word == "得到" and index == target.word_start \
            and target.previous_word in _CAN_GET_VERBS:
        return "de5"  # 做|得到, 买|得到: "can do", "can buy" (not 得到 "obtain")
    if char == "系" and (
            (after in _TIE_AFTER and (index == 0 or sentence[index - 1] in _TIE_BEFORE))
            or (sentence.startswith(_TIED_THINGS, index + 1) and sentence[index - 1:index] not in _SYSTEM_BEFORE)):
        return "ji4"  # 请系好安全带, 弯腰系鞋带: "tie"
    if char == "落" and target.word in ("落", "落下") and after in ("在", "下") \
            and "把" in sentence[max(0, index - 8):index] \
            and not _BREAKS.intersection(sentence[max(0, index - 8):index]):
        return "la4"  # 把钥匙落在家里, 把手机落下了: "leave behind"
    if char == "都" and target.word == "都" and sentence[index - 1:index] not in _CAPITAL_BEFORE:
        return "dou1"  # 每天都要, 大家都来: the adverb "all" (首都, 成都 are words of their own)
    if char == "会" and after == "计" and sentence[index + 2:index + 3] != "较":
        return "kuai4"  # 会计 (but 会计较: hui4)
    if char == "朝" and _is_morning(sentence, index):
        return "zhao1"  # 朝霞, 朝气, 今朝, 朝阳 (the sun, not 朝阳区)
    return None


def _adverbial_de(sentence: str, target: Target) -> bool:
    """地 standing alone after a word of two or more characters, before a verb phrase (认真地学习);
    not after a measure word (这块地) and not before punctuation (主要地：)."""
    index = target.index
    nxt = sentence[index + 1:index + 2]
    # jieba's HMM can glue 地 to what follows (着急|地走了); 地铁, 地区 … stay nouns
    alone = target.word == "地" or (target.word_start == index and target.word_reading is None
                                    and nxt not in _GROUND_NEXT)
    previous = target.previous_word
    return alone and len(previous) >= 2 and index == target.word_start \
        and previous[-1] not in _MEASURES and previous[-1] not in "一二三四五六七八九十两几" \
        and index + 1 < len(sentence) and is_han(sentence[index + 1])


def _tried_out(sentence: str, index: int) -> bool:
    """The verb at ``index`` in 数一数 / 数了数 (either one) or 数一下."""
    char = sentence[index]
    nxt = sentence[index + 1:index + 3]
    prev = sentence[max(0, index - 2):index]
    return nxt in (f"一{char}", f"了{char}", "一下") or prev in (f"{char}一", f"{char}了")


_MORNING_NEXT = frozenset("霞晖露夕气暮")
_PLACE_SUFFIX = frozenset("区门路市县街镇村乡站桥寺园院里沟山")


def _is_morning(sentence: str, index: int) -> bool:
    after = sentence[index + 1:index + 2]
    if after in _MORNING_NEXT or (index > 0 and sentence[index - 1] == "今"):
        return True
    return after == "阳" and sentence[index + 2:index + 3] not in _PLACE_SUFFIX \
        and sentence[index + 2:index + 3] != "" and not sentence[index + 2:index + 3].isspace() \
        and (index == 0 or sentence[index - 1] in "的轮一" or sentence[index - 1] in _BREAKS)
