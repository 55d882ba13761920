"""Would everyday reading frequencies help the polyphone reranker? The cost on CPP dev.

    python benchmarks/polyphone_prior_shift.py [--data /work/shared/data/cpp] [--shift 0,0.25,0.5,1]

CPP's sentences are chosen per polyphonic character, so the readings it labels are spread more
evenly than in running text, and the BiLSTM and reranker learned those proportions. This adds
``shift * (log p_everyday(r) - log p_cpp(r))`` to the reranker's score of each reading ``r`` of the
character, where p_everyday counts the character's readings in pypinyin's phrases weighted by
jieba's word counts (plus the single character at its most common reading) and p_cpp counts the
labels of the training folds (both add-one smoothed). The targets the grammar rules, the
confirmed-word check or the fast path decide are left as the shipped model decides them. Prints
the 10-fold cross-validated accuracy for each shift (0 is the shipped model), and the accuracy on
the two everyday sets with a reranker trained on all of dev.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from bench_polyphone import EVERYDAY, EVERYDAY_BLIND, load_everyday
from train_polyphone import (dev_exceptions, fast_path, featurize, find_targets, fit, load_cpp,
                             ruled_choice, score)


def everyday_counts(model) -> dict[str, Counter]:
    """Readings of each model character in pypinyin's phrases, weighted by jieba's word counts."""
    import jieba
    from pypinyin.constants import PHRASES_DICT

    freq = jieba.dt.FREQ
    counts: dict[str, Counter] = defaultdict(Counter)
    for word in PHRASES_DICT:
        if len(word) < 2 or not any(model.covers(c) for c in word):
            continue
        reading = model.dictionary.phrase(word)
        if reading is None:
            continue
        for char, syllable in zip(word, reading):
            if model.covers(char) and syllable is not None:
                counts[char][syllable] += freq.get(word, 0) + 1
    for char in model.candidates:
        default = model.dictionary.char(char)
        if default is not None:
            counts[char][default] += freq.get(char, 0) + 1
    return counts


def log_share(counts: Counter, reading: str, k: int) -> float:
    return math.log((counts.get(reading, 0) + 1) / (sum(counts.values()) + k))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data/cpp"))
    parser.add_argument("--shift", default="0,0.25,0.5,1")
    args = parser.parse_args()
    shifts = [float(s) for s in args.shift.split(",")]
    examples = load_cpp(args.data)
    data = featurize(examples)
    model, feats, gold = data.model, data.feats, np.array(data.gold)
    everyday = everyday_counts(model)
    chosen = {s: np.zeros(len(feats), np.int64) for s in shifts}
    order = np.random.RandomState(0).permutation(len(feats))
    for held in np.array_split(order, 10):
        held_set = set(held.tolist())
        train = [i for i in range(len(feats)) if i not in held_set]
        dense_w, sparse_w = fit([feats[i] for i in train], [data.gold[i] for i in train])
        exceptions = dev_exceptions(data, train, model)
        cpp: dict[str, Counter] = defaultdict(Counter)
        for i in train:
            cpp[examples[i].sentence[examples[i].index]][examples[i].label] += 1
        for i in held:
            decided = ruled_choice(data, i, model, exceptions)
            if decided is None:
                decided = fast_path(feats[i], model.confident)
            f = feats[i]
            char = examples[i].sentence[examples[i].index]
            scores = score(f, dense_w, sparse_w)
            k = len(f.candidates)
            ratio = np.array([log_share(everyday[char], r, k) - log_share(cpp[char], r, k)
                              for r in f.candidates])
            for s in shifts:
                chosen[s][i] = decided if decided is not None else int(np.argmax(scores + s * ratio))
    dense_w, sparse_w = fit(feats, data.gold)
    cpp_all: dict[str, Counter] = defaultdict(Counter)
    for ex in examples:
        cpp_all[ex.sentence[ex.index]][ex.label] += 1
    everyday_right = {s: [0, 0] for s in shifts}
    for path in (EVERYDAY, EVERYDAY_BLIND):
        sentences = load_everyday(path)
        for ex, target in zip(sentences, find_targets(sentences)):
            if target is None:
                continue
            fixed = model.decide(ex.sentence, [target])[0]  # the shipped decision
            f = model.features(ex.sentence, [target])[0]
            scores = np.array(model.scores(f))
            k = len(f.candidates)
            char = ex.sentence[ex.index]
            ratio = np.array([log_share(everyday[char], r, k) - log_share(cpp_all[char], r, k)
                              for r in f.candidates])
            left_to_reranker = (model.ruled_reading(ex.sentence, target) is None
                                and fast_path(f, model.confident) is None)
            for s in shifts:
                reading = f.candidates[int(np.argmax(scores + s * ratio))] if left_to_reranker else fixed
                everyday_right[s][0] += reading == ex.label
                everyday_right[s][1] += 1
    for s in shifts:
        right, total = everyday_right[s]
        print(f"shift {s:<5} CPP dev 10-fold CV accuracy {np.mean(chosen[s] == gold):.4f}; "
              f"both everyday sets {right}/{total} (characters the model decides)")


if __name__ == "__main__":
    main()
