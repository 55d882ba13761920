"""Build the shipped polyphone model (tts/resources/polyphone/) and estimate its accuracy.

    python benchmarks/train_polyphone.py [--data /work/shared/data/cpp] [--folds 10] [--convert]
                                         [--confirm]

``--convert`` first converts the BiLSTM of the installed ``g2pM`` wheel (Apache-2.0; trained by
its authors on the CPP *train* split) into ``bilstm.safetensors`` + ``bilstm.json``; it is the only
step that needs ``g2pM`` and the only one that reads pickles (from that wheel).

``--confirm`` rewrites ``confirmed.tsv`` (see confirmed_words; needs the ``pypinyin-dict``
package for CC-CEDICT). Such a word keeps its reading at run time unless CPP dev reads it otherwise
(``dev_exceptions``, collected here from the labels).

The reranker is then trained on the CPP *dev* split, the only split here. Its accuracy on dev is
therefore reported as a k-fold cross-validation estimate: for each fold, a reranker is trained on
the other folds and scored on that fold only. The shipped reranker is trained on all of dev.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tts.text.polyphone import (
    CONFIRMED_FILE,
    RESOURCE_DIR,
    CandidateFeatures,
    PolyphoneModel,
    Target,
    read_confirmed,
)

MARK = "\u2581"
DENSE_L2 = 1e-4  # on the few dense weights
SPARSE_L2 = 0.1  # on the sparse context weights (per example in a batch)
PRUNE = 0.05  # sparse weights smaller than this are not stored
EPOCHS = 30
LEARNING_RATE = 0.05
BATCH = 512


@dataclass(frozen=True)
class Example:
    """One CPP sentence: the text without markers, the marked position and its reading."""

    sentence: str
    index: int
    label: str


def load_cpp(folder: Path, split: str = "dev") -> list[Example]:
    sents = (folder / f"{split}.sent").read_text(encoding="utf-8").splitlines()
    labels = (folder / f"{split}.lb").read_text(encoding="utf-8").splitlines()
    out = []
    for sent, label in zip(sents, labels):
        index = sent.index(MARK)
        text = sent.replace(MARK, "")
        out.append(Example(text, index, label.strip().replace("u:", "v")))
    return out


def convert_g2pm(out: Path, chars: set[str]) -> None:
    """Copy g2pM's weights, vocabulary, classes and candidate readings (for ``chars``)."""
    import os
    import pickle

    import g2pM
    from safetensors.numpy import save_file

    folder = Path(os.path.dirname(g2pM.__file__))

    def load(name: str):
        with open(folder / name, "rb") as handle:
            return pickle.load(handle)

    state = {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in load("np_ckpt.pkl").items()}
    char2idx = load("char2idx.pkl")
    class2idx = load("class2idx.pkl")
    cedict = load("digest_cedict.pkl")
    vocab = [""] * len(char2idx)
    for char, i in char2idx.items():
        vocab[i] = {"시": "<BOS>", "끝": "<EOS>"}.get(char, char)
    classes = [""] * len(class2idx)
    for reading, i in class2idx.items():
        classes[i] = reading.replace("u:", "v")
    candidates = {c: [r.replace("u:", "v") for r in cedict[c]] for c in sorted(chars)}
    out.mkdir(parents=True, exist_ok=True)
    save_file(state, str(out / "bilstm.safetensors"))
    meta = {"source": "g2pM 0.1.2.5 (Apache-2.0)", "vocab": vocab, "classes": classes,
            "candidates": candidates}
    (out / "bilstm.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")


def confirmed_words(candidates: dict[str, tuple[str, ...]], cedict_neutral: bool = True,
                    cedict_names: bool = True) -> dict[str, tuple[str, ...]]:
    """Words holding a character of ``candidates`` (character → its readings) on whose reading of
    it two dictionaries agree, with their syllables: the words of pypinyin's phrase dictionary
    that CC-CEDICT (as packaged in ``pypinyin-dict``) reads the same way; and, with
    ``cedict_neutral``, words of jieba's dictionary (so segmentation can yield them) that
    pypinyin lacks and CC-CEDICT reads with a neutral tone there (包子 bao1 zi5, 木头 mu4 tou5),
    their other syllables ``-`` (left to the models). Those neutral suffixes are where the BiLSTM,
    trained on encyclopedia text, reads 包子 as zi3. With ``cedict_names``, such words whose first
    character CC-CEDICT reads as a surname (SURNAME_READINGS: 曾国藩 zeng1, 华罗庚 hua4, 翟志刚
    zhai2) keep CC-CEDICT's syllables for all of the model's characters in them (曾都区 zeng1 du1):
    names and places the BiLSTM reads with the common reading."""
    import jieba
    from pypinyin.constants import PHRASES_DICT
    from pypinyin_dict.phrase_pinyin_data import cc_cedict

    from tts.text.g2p import PinyinDictionary, tone3
    from tts.text.polyphone_rules import SURNAME_READINGS

    jieba.dt.check_initialized()
    dictionary = PinyinDictionary()
    out: dict[str, tuple[str, ...]] = {}
    for word, readings in cc_cedict.phrases_dict.items():
        if len(word) < 2 or len(readings) != len(word) or not any(c in candidates for c in word):
            continue
        theirs = [tone3(r[0]) for r in readings]
        if word in PHRASES_DICT:
            ours = dictionary.phrase(word)
            if ours is not None and all(ours[j] == theirs[j] for j, c in enumerate(word) if c in candidates):
                out[word] = tuple(s or "-" for s in ours)
        elif (cedict_neutral or cedict_names) and jieba.dt.FREQ.get(word):
            kept = tuple(r if cedict_neutral and len(readings[j]) == 1 and r.endswith("5")
                         and r in candidates.get(c, ()) else "-" for j, (c, r) in enumerate(zip(word, theirs)))
            if cedict_names and word[0] in candidates and len(readings[0]) == 1 \
                    and theirs[0] == SURNAME_READINGS.get(word[0]):  # a name: all its syllables
                kept = tuple(r if len(readings[j]) == 1 and r in candidates.get(c, ()) else "-"
                             for j, (c, r) in enumerate(zip(word, theirs)))
            if any(r != "-" for r in kept):
                out[word] = kept
    return dict(sorted(out.items()))


def write_confirmed(path: Path, words: dict[str, tuple[str, ...]]) -> None:
    path.write_text("".join(f"{w}\t{' '.join(s)}\n" for w, s in words.items()), encoding="utf-8")


@dataclass
class Featurized:
    """CPP examples as the frontend sees them: the target, its features, the gold candidate."""

    examples: list[Example]
    targets: list[Target]
    feats: list[CandidateFeatures]
    gold: list[int]
    model: PolyphoneModel  # the one that computed them (its rules and confirmed phrases)


def find_targets(examples: list[Example], g2p=None) -> list[Target | None]:
    """The marked character of each example as the frontend's polyphone stage sees it (``None``
    for a character the model does not cover, which keeps its dictionary reading)."""
    from tts.text.g2p import G2P

    g2p = g2p or G2P.load()
    out = []
    for ex in examples:
        spans = g2p.segment(ex.sentence)
        readings: list = [None] * len(ex.sentence)
        for span in spans:
            readings[span.start:span.end] = g2p.dictionary.read(ex.sentence[span.start:span.end])
        bounds = g2p.word_bounds(ex.sentence, spans)
        out.append(next((t for t in g2p.targets(ex.sentence, spans, readings, bounds) if t.index == ex.index),
                        None))
    return out


def featurize(examples: list[Example]) -> Featurized:
    """Features exactly as the frontend computes them, and the gold candidate of each."""
    from tts.text.g2p import G2P

    g2p = G2P.load()
    model = g2p.polyphone
    assert model is not None
    targets = find_targets(examples, g2p)
    if None in targets:
        raise ValueError("a marked character the polyphone model does not cover")
    out = Featurized(examples, targets, [], [], model)  # type: ignore[arg-type]
    for ex, target in zip(examples, out.targets):
        f = model.features(ex.sentence, [target])[0]
        out.feats.append(f)
        out.gold.append(f.candidates.index(ex.label))
    return out


def dev_exceptions(data: Featurized, indices, model: PolyphoneModel) -> frozenset[str]:
    """Keys of confirmed phrases that some of these examples read otherwise than the dictionary
    (CPP's conventions, which the models then decide)."""
    out = set()
    for i in indices:
        found = model.confirmed_source(data.examples[i].sentence, data.targets[i])
        if found is not None and found[0] != data.examples[i].label:
            out.add(found[1])
    return frozenset(out)


def ruled_choice(data: Featurized, i: int, model: PolyphoneModel,
                 exceptions: frozenset[str]) -> int | None:
    """The candidate a grammar rule or else the confirmed-word check takes for example ``i``
    (as PolyphoneModel.decide does before its models), or ``None``."""
    reading = model.ruled_reading(data.examples[i].sentence, data.targets[i], exceptions)
    if reading is None:
        return None
    candidates = data.feats[i].candidates
    return candidates.index(reading) if reading in candidates else -1  # -1: never the gold one


Sparse = dict[str, dict[str, float]]  # context key -> candidate reading -> weight


def fit(feats: list[CandidateFeatures], gold: list[int], seed: int = 0) -> tuple[np.ndarray, Sparse]:
    """Train the reranker: softmax over each example's candidates, Adam, L2."""
    import torch

    torch.manual_seed(seed)
    keys: dict[tuple[str, str], int] = {}
    for f in feats:
        for cand in f.candidates:
            for key in f.context:
                keys.setdefault((key, cand), len(keys))
    k_max = max(len(f.candidates) for f in feats)
    n_sparse = len(feats[0].context)
    dim = feats[0].dense.shape[1]
    dense = np.zeros((len(feats), k_max, dim), np.float32)
    mask = np.full((len(feats), k_max), -1e9, np.float32)
    sparse = np.zeros((len(feats), k_max, n_sparse), np.int64)
    for i, f in enumerate(feats):
        k = len(f.candidates)
        dense[i, :k] = f.dense
        mask[i, :k] = 0.0
        sparse[i, :k] = [[keys[(key, cand)] for key in f.context] for cand in f.candidates]
    x, m, s, y = (torch.from_numpy(dense), torch.from_numpy(mask), torch.from_numpy(sparse),
                  torch.tensor(gold))
    w = torch.zeros(dim, requires_grad=True)
    e = torch.zeros(len(keys), requires_grad=True)
    opt = torch.optim.Adam([w, e], lr=LEARNING_RATE)
    for _ in range(EPOCHS):
        order = torch.randperm(len(feats))
        for b in range(0, len(feats), BATCH):
            ix = order[b:b + BATCH]
            picked = e[s[ix]]  # [b, K, S]
            logits = x[ix] @ w + picked.sum(-1) + m[ix]  # [b, K]
            loss = torch.nn.functional.cross_entropy(logits, y[ix])
            loss = loss + DENSE_L2 * (w ** 2).sum() + SPARSE_L2 * (picked ** 2).sum() / len(ix)
            opt.zero_grad()
            loss.backward()
            opt.step()
    values = e.detach().numpy()
    sparse_weights: Sparse = {}
    for (key, cand), i in keys.items():
        if abs(values[i]) >= PRUNE:
            sparse_weights.setdefault(key, {})[cand] = round(float(values[i]), 4)
    return w.detach().numpy(), sparse_weights


def score(f: CandidateFeatures, dense_w: np.ndarray, sparse_w: Sparse) -> np.ndarray:
    """The reranker's score of each candidate ``[K]``."""
    scores = f.dense @ dense_w
    for key in f.context:
        for j, cand in enumerate(f.candidates):
            scores[j] += sparse_w.get(key, {}).get(cand, 0.0)
    return scores


def predict(f: CandidateFeatures, dense_w: np.ndarray, sparse_w: Sparse) -> int:
    return int(np.argmax(score(f, dense_w, sparse_w)))


THRESHOLDS = (0.9, 0.95, 0.98, 0.99, 0.995, 0.999)


def fast_path(f: CandidateFeatures, threshold: float) -> int | None:
    """The candidate the shipped model takes without the reranker (see PolyphoneModel.decide):
    BiLSTM probability >= threshold, the dictionary pass agrees, the phrase entry does not object."""
    best = int(np.argmax(f.dense[:, 0]))
    row = f.dense[best]
    if np.exp(row[0]) >= threshold and row[4] == 1.0 and row[3] == 0.0:
        return best
    return None


def cross_validate(data: Featurized, folds: int) -> dict[float, float]:
    """Held-out accuracy of the reranker alone (key 2.0) and with each fast-path threshold; key
    3.0 is the reranker after the grammar rules and the confirmed-word check, whose exceptions
    come from the training folds only. Every other key also includes those, as the shipped model
    decides."""
    feats, gold, model = data.feats, data.gold, data.model
    order = np.random.RandomState(0).permutation(len(feats))
    predicted = np.zeros(len(feats), np.int64)
    checked: list[int | None] = [None] * len(feats)
    for k, held in enumerate(np.array_split(order, folds)):
        held_set = set(held.tolist())
        train = [i for i in range(len(feats)) if i not in held_set]
        dense_w, sparse_w = fit([feats[i] for i in train], [gold[i] for i in train])
        exceptions = dev_exceptions(data, train, model)
        for i in held:
            predicted[i] = predict(feats[i], dense_w, sparse_w)
            checked[i] = ruled_choice(data, i, model, exceptions)
        print(f"  fold {k + 1}/{folds} done", flush=True)
    gold_arr = np.array(gold)
    fired = sum(c is not None for c in checked)
    with_check = np.array([p if c is None else c for p, c in zip(predicted, checked)])
    results = {2.0: float(np.mean(predicted == gold_arr)), 3.0: float(np.mean(with_check == gold_arr))}
    print(f"  grammar rules and confirmed-word check: decide {fired / len(feats):.1%} of targets, "
          f"accuracy {results[2.0]:.4f} -> {results[3.0]:.4f}")
    for threshold in THRESHOLDS:
        fast = [fast_path(f, threshold) for f in feats]
        final = np.array([c if c is not None else (p if q is None else q)
                          for p, q, c in zip(predicted, fast, checked)])
        results[threshold] = float(np.mean(final == gold_arr))
        skipped = sum(q is not None for q in fast) / len(feats)
        print(f"  fast path at p >= {threshold}: accuracy {results[threshold]:.4f}, "
              f"{skipped:.1%} of targets skip the reranker")
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data" / "cpp")
    parser.add_argument("--folds", type=int, default=10)
    parser.add_argument("--convert", action="store_true", help="convert the g2pM wheel's BiLSTM first")
    parser.add_argument("--confirm", action="store_true",
                        help=f"rebuild {CONFIRMED_FILE} from CC-CEDICT (needs pypinyin-dict)")
    parser.add_argument("--no-cedict-neutral", action="store_true",
                        help="with --confirm: leave out the neutral-tone words only CC-CEDICT has")
    parser.add_argument("--no-cedict-names", action="store_true",
                        help="with --confirm: leave out the surname readings of names only CC-CEDICT has")
    parser.add_argument("--out", type=Path, default=RESOURCE_DIR)
    args = parser.parse_args()
    if not args.data.exists():
        args.data = Path("/work/shared/data/cpp")
    examples = load_cpp(args.data)
    if args.convert:
        convert_g2pm(args.out, {ex.sentence[ex.index] for ex in examples})
        (args.out / "reranker.json").write_text(json.dumps({"dense": [0.0] * 14, "sparse": {}}),
                                                encoding="utf-8")
    confirmed_file = args.out / CONFIRMED_FILE
    if args.confirm:
        meta = args.out / "bilstm.json" if (args.out / "bilstm.json").exists() else RESOURCE_DIR / "bilstm.json"
        model_candidates = json.loads(meta.read_text(encoding="utf-8"))["candidates"]
        words = confirmed_words({c: tuple(model_candidates[c]) for c in {ex.sentence[ex.index] for ex in examples}},
                                not args.no_cedict_neutral, not args.no_cedict_names)
        write_confirmed(confirmed_file, words)
        print(f"{CONFIRMED_FILE}: {len(words)} words")
    start = time.perf_counter()
    data = featurize(examples)
    if confirmed_file.exists():  # the list just written, when --out is not the shipped folder
        data.model.confirmed = read_confirmed(confirmed_file)
    feats, gold = data.feats, data.gold
    print(f"features for {len(examples)} dev sentences in {time.perf_counter() - start:.1f} s")
    previous = args.out / "reranker.json"
    # without cross-validation to choose it, keep the fast-path threshold already there (2.0: none)
    confident = float(json.loads(previous.read_text(encoding="utf-8")).get("confident", 2.0)) \
        if previous.exists() else 2.0
    if args.folds > 1:
        results = cross_validate(data, args.folds)
        print(f"reranker, {args.folds}-fold cross-validated accuracy on CPP dev: {results[2.0]:.4f}; "
              f"after the grammar rules and the confirmed-word check: {results[3.0]:.4f}")
        confident = min((t for t in THRESHOLDS if results[t] >= results[3.0]), default=2.0)
        print(f"fast-path threshold chosen: {confident} "
              f"(accuracy {results[confident] if confident < 2.0 else results[3.0]:.4f})")
    dense_w, sparse_w = fit(feats, gold)
    train_acc = np.mean([predict(f, dense_w, sparse_w) == g for f, g in zip(feats, gold)])
    print(f"final reranker (trained on all of dev): {sum(map(len, sparse_w.values()))} sparse weights, "
          f"training accuracy {train_acc:.4f} (not an estimate of held-out accuracy)")
    (args.out / "reranker.json").write_text(json.dumps({
        "trained_on": "CPP dev split (9,893 sentences)",
        "dense": [round(float(v), 6) for v in dense_w],
        "confident": confident,
        "dev_exceptions": sorted(dev_exceptions(data, range(len(examples)), data.model)),
        "sparse": dict(sorted(sparse_w.items())),
    }, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


if __name__ == "__main__":
    main()
