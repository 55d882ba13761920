"""``tts prepare``: corpus items → mel, F0, energy, phonemes and durations in a feature store.

Runs items in worker processes with a progress bar. Idempotent: an item whose feature file
exists is not recomputed, and files are written atomically, so a run killed halfway resumes
where it stopped. Bad items are skipped with a reason and never stop the run.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Optional, Union

import numpy as np

from tts.audio.params import AudioConfig, PitchConfig
from tts.config import LoadedConfig, RunConfig, dump_config
from tts.data.items import Item
from tts.data.store import FeatureItem, FeatureStatsRecord, FeatureStore, ManifestEntry
from tts.data.words import item_word_index
from tts.errors import ConfigError, InputError, TTSError
from tts.fileio import atomic_write_text
from tts.text.symbols import PHONEME_TO_ID, SILENCE

if TYPE_CHECKING:
    from tts.audio.pitch import PitchTrack

MIN_ITEMS_FOR_SPLIT = 3  # fewer usable items than this cannot be split train/dev/test


@dataclass
class Prepared:
    """What one worker made of one item."""

    id: str
    speaker: str
    text: str
    frames: int
    phones: int
    seconds: float
    has_durations: bool
    audio: str


@dataclass
class Skipped:
    """An item that was skipped, and why."""

    id: str
    reason: str


@dataclass
class PrepareSummary:
    """Counts and speed of one ``prepare`` run."""

    features_dir: str
    items: int
    computed: int
    reused: int
    skipped: list[Skipped]
    corpus_problems: list[str]
    audio_seconds: float
    wall_seconds: float
    splits: dict[str, int] = field(default_factory=dict)

    @property
    def realtime(self) -> float:
        """Audio seconds processed per wall second (computed items only)."""
        return self.audio_seconds / self.wall_seconds if self.wall_seconds > 0 else 0.0

    def to_json(self) -> dict:
        data = asdict(self)
        data["realtime"] = round(self.realtime, 1)
        return data

    def describe(self) -> str:
        lines = [
            f"features: {self.features_dir}",
            f"items: {self.items} usable ({self.computed} computed, {self.reused} reused), "
            f"{len(self.skipped)} skipped, {len(self.corpus_problems)} corpus lines rejected",
            "split: " + ", ".join(f"{k} {v}" for k, v in self.splits.items()),
        ]
        if self.computed:
            lines.append(f"speed: {self.audio_seconds:.0f} s of audio in {self.wall_seconds:.1f} s "
                         f"({self.realtime:.0f}x real time)")
        reasons = Counter(s.reason.split(":")[0] for s in self.skipped)
        for reason, count in reasons.most_common():
            lines.append(f"  skipped {count}: {reason}")
        return "\n".join(lines)


# ----------------------------------------------------------------------------- one item


@dataclass
class _WorkerParams:
    audio: AudioConfig
    pitch: PitchConfig
    min_seconds: float
    max_seconds: float
    require_alignment: bool
    store_root: str
    need_phonemes: bool = True  # False for vocoder runs, which learn from audio alone
    aligner_durations: bool = False  # data.duration_source "aligner": drop alignment timing (tts align)
    corpus_f0: bool = False  # data.f0_source "auto" on a corpus with F0 curves: use them, do not extract


_EXTRACTOR = None  # per-process MelExtractor, built once by the pool initializer


def _init_worker(audio: AudioConfig) -> None:
    global _EXTRACTOR
    import torch

    from tts.audio.features import MelExtractor

    torch.set_num_threads(1)
    _EXTRACTOR = MelExtractor(audio)


def _phonemes_of(item: Item, params: _WorkerParams, num_frames: int) -> tuple[list[str], list[int], Optional[list[int]]]:
    """Phonemes, tones and (when aligned) frame durations of one item."""
    from tts.data.corpora.base import frames_from_intervals

    if item.alignment:
        phones = [iv.phone for iv in item.alignment]
        tones = list(item.tones) if item.tones else [0] * len(phones)
        if params.aligner_durations:  # the alignment's phones; the built-in aligner gives the timing
            return phones, tones, None
        durations = frames_from_intervals(item.alignment, params.audio.sample_rate,
                                          params.audio.hop_length, num_frames)
        return phones, tones, durations
    if params.require_alignment:
        raise InputError("no alignment (data.duration_source is 'alignment')")
    if item.pinyin:
        from tts.text.pinyin import syllable_to_phones

        phones, tones = [SILENCE], [0]
        for syllable in item.pinyin:
            parsed = syllable_to_phones(syllable)
            phones += list(parsed.phones)
            tones += [parsed.tone] * len(parsed.phones)
        return phones + [SILENCE], tones + [0], None
    from tts.text.frontend import frontend

    result = frontend(item.text)  # every sentence already ends in SP
    return [SILENCE] + list(result.phonemes), [0] + list(result.tones), None


def _notes_of(item: Item, params: _WorkerParams, n_phones: int) -> dict[str, np.ndarray]:
    """Singing items (``extra`` has "note_midi" and "note_durs", seconds): per-phoneme note pitch
    (MIDI, 0 = rest) and note length in frames; nothing for speech."""
    if not n_phones or "note_midi" not in item.extra:
        return {}
    midi = np.asarray(item.extra["note_midi"], dtype=np.float32)
    seconds = np.asarray(item.extra.get("note_durs", []), dtype=np.float64)
    if len(midi) != n_phones or len(seconds) != n_phones:
        raise InputError(f"{len(midi)} note pitches and {len(seconds)} note durations for {n_phones} phonemes")
    if (midi < 0).any() or (seconds < 0).any():
        raise InputError("negative note pitch or note duration")
    frames = seconds * params.audio.sample_rate / params.audio.hop_length
    return {"note_pitch": midi, "note_durations": frames.astype(np.float32)}


def _process(job: tuple[Item, _WorkerParams]) -> Union[Prepared, Skipped]:
    item, params = job
    try:
        return _process_item(item, params)
    except TTSError as err:
        return Skipped(item.id, str(err))
    except (OSError, ValueError, RuntimeError) as err:  # a broken file must not stop the run
        return Skipped(item.id, f"unreadable: {type(err).__name__}: {err}")


def _corpus_f0(item: Item, frames: int, params: _WorkerParams) -> "PitchTrack":
    """The item's own F0 curve (``extra["f0_path"]``, ``extra["f0_timestep"]``) on the mel grid."""
    from tts.audio.pitch import curve_to_frames

    path = Path(item.extra["f0_path"])
    try:
        curve = np.load(path, allow_pickle=False)
    except (OSError, ValueError) as err:
        raise InputError(f"{path}: unreadable F0 curve ({err})") from None
    return curve_to_frames(curve, float(item.extra["f0_timestep"]), frames, params.audio, params.pitch)


def _process_item(item: Item, params: _WorkerParams) -> Prepared:
    import torch

    from tts.audio.io import read_audio
    from tts.audio.pitch import extract_f0

    if params.need_phonemes and not item.text.strip() and not item.pinyin and not item.alignment:
        raise InputError("empty text")
    audio = read_audio(item.audio_path, sample_rate=params.audio.sample_rate)
    seconds = len(audio.samples) / audio.sample_rate
    if seconds < params.min_seconds or seconds > params.max_seconds:
        raise InputError(f"duration out of range: {seconds:.2f} s (allowed {params.min_seconds}-{params.max_seconds} s)")
    assert _EXTRACTOR is not None
    with torch.inference_mode():
        feats = _EXTRACTOR.features(torch.from_numpy(audio.samples))
    mel = feats.log_mel[0].numpy()  # [n_mels, T]
    energy = feats.energy[0].numpy()  # [T]
    track = (_corpus_f0(item, mel.shape[1], params) if params.corpus_f0
             else extract_f0(audio.samples, params.audio, params.pitch))
    phones, tones, durations = _phonemes_of(item, params, mel.shape[1]) if params.need_phonemes else ([], [], None)
    if params.need_phonemes and (not phones or all(p == SILENCE for p in phones)):
        raise InputError("text yields no phonemes")
    unknown = [p for p in phones if p not in PHONEME_TO_ID]
    if unknown:
        raise InputError(f"phoneme not in the inventory: {unknown[0]!r}")
    FeatureStore(Path(params.store_root)).write_item(FeatureItem(
        id=item.id, speaker=item.speaker, mel=mel.astype(np.float32), f0=track.f0.astype(np.float32),
        voiced=track.voiced.astype(bool), energy=energy.astype(np.float32),
        phonemes=np.array([PHONEME_TO_ID[p] for p in phones], dtype=np.int64),
        tones=np.array(tones, dtype=np.int64),
        durations=None if durations is None else np.array(durations, dtype=np.int64),
        word_index=np.array(item_word_index(phones, item.text).index, dtype=np.int64) if phones else None,
        **_notes_of(item, params, len(phones)),
    ))
    return Prepared(item.id, item.speaker, item.text, mel.shape[1], len(phones), seconds, durations is not None,
                    str(item.audio_path))


# ----------------------------------------------------------------------------- the run


def needs_phonemes(cfg: RunConfig) -> bool:
    """Acoustic models learn from phonemes; a vocoder run (model.name in VOCODERS) needs audio alone."""
    import tts.models  # noqa: F401  (registers the acoustic models and vocoders)
    from tts.registry import VOCODERS

    return cfg.model.name not in VOCODERS


def _fingerprint(cfg: RunConfig, corpus_f0: bool) -> dict:
    fingerprint = {"audio": asdict(cfg.audio), "pitch": asdict(cfg.pitch),
                   "corpus": cfg.data.corpus, "options": cfg.data.options, "phonemes": needs_phonemes(cfg)}
    if corpus_f0:  # only then: stores of corpora without F0 curves keep their fingerprint
        fingerprint["f0_source"] = "corpus"
    return fingerprint


def _uses_corpus_f0(cfg: RunConfig, items: list[Item]) -> bool:
    """Whether F0 comes from the corpus's own curves (every item has one and the recipe allows it)."""
    return cfg.data.f0_source == "auto" and bool(items) and all("f0_path" in item.extra for item in items)


def _check_fingerprint(store: FeatureStore, fingerprint: dict) -> None:
    path = store.root / "fingerprint.json"
    if path.is_file():
        old = json.loads(path.read_text(encoding="utf-8"))
        if fingerprint["phonemes"] and not old.get("phonemes", True):  # stores before this key had phonemes
            raise ConfigError(f"{store.root} was prepared for a vocoder (audio only, no phonemes); "
                              "set data.features_dir to a new folder for an acoustic model")
        for section in sorted(set(fingerprint) | set(old)):
            if section != "phonemes" and old.get(section) != fingerprint.get(section):
                raise ConfigError(
                    f"{store.root} holds features made with other '{section}' settings; "
                    f"delete it or set data.features_dir to a new folder"
                )
    else:
        atomic_write_text(path, json.dumps(fingerprint, indent=1))


def _split(entries: list[ManifestEntry], dev: int, test: int, seed: int) -> None:
    """Assign splits in place: a seeded shuffle, ``test`` then ``dev`` items held out."""
    if len(entries) < MIN_ITEMS_FOR_SPLIT:
        raise InputError(f"only {len(entries)} usable items: too few to train on")
    order = sorted(range(len(entries)), key=lambda i: entries[i].id)
    random.Random(seed).shuffle(order)
    held = len(entries) - 1  # keep at least one training item
    test = min(test, held // 2)
    dev = min(dev, held - test)
    for rank, index in enumerate(order):
        entries[index].split = "test" if rank < test else "dev" if rank < test + dev else "train"


def compute_stats(store: FeatureStore, entries: list[ManifestEntry]) -> FeatureStatsRecord:
    """Mel (per bin), log-F0 (voiced frames) and energy statistics over ``entries``."""
    mel_sum = mel_sq = None
    frames = 0
    log_f0: list[np.ndarray] = []
    energy: list[np.ndarray] = []
    for entry in entries:
        item = store.read_item(entry.id)
        mel = item.mel.astype(np.float64)
        mel_sum = mel.sum(1) if mel_sum is None else mel_sum + mel.sum(1)
        mel_sq = (mel**2).sum(1) if mel_sq is None else mel_sq + (mel**2).sum(1)
        frames += mel.shape[1]
        voiced = item.f0[item.voiced]
        log_f0.append(np.log(voiced[voiced > 0]))
        energy.append(item.energy)
    mel_mean = mel_sum / frames
    mel_std = np.sqrt(np.maximum(mel_sq / frames - mel_mean**2, 1e-8))
    lf0 = np.concatenate(log_f0) if log_f0 else np.zeros(0)
    if lf0.size == 0:
        raise InputError("no voiced frames in the training items: check the audio and the pitch range")
    en = np.concatenate(energy)
    return FeatureStatsRecord(
        mel_mean=mel_mean.tolist(), mel_std=mel_std.tolist(),
        log_f0_mean=float(lf0.mean()), log_f0_std=float(lf0.std() + 1e-8),
        f0_min=float(np.exp(np.percentile(lf0, 1))), f0_max=float(np.exp(np.percentile(lf0, 99))),
        energy_mean=float(en.mean()), energy_std=float(en.std() + 1e-8),
        speakers=sorted({e.speaker for e in entries}),
    )


def prepare_features(loaded: LoadedConfig, jobs: Optional[int] = None, progress: bool = True) -> PrepareSummary:
    """Run the whole prepare stage of a recipe; returns what was done."""
    from tqdm import tqdm

    from tts.data.corpora import read_corpus

    cfg = loaded.config
    if not cfg.data.path:
        raise ConfigError(f"data.path is empty in {loaded.source}: set it to the corpus folder")
    root = loaded.resolve_path(cfg.data.path)
    options = dict(cfg.data.options)
    if isinstance(options.get("textgrids"), str):  # relative to the corpus root
        options["textgrids"] = str(root / options["textgrids"])
    corpus = read_corpus(cfg.data.corpus, root, options)
    if not corpus.items:
        raise InputError(f"corpus {root} has no usable items "
                         f"({len(corpus.problems)} lines rejected)")
    run_dir = loaded.run_dir
    store = FeatureStore(run_dir / cfg.data.features_dir)
    store.root.mkdir(parents=True, exist_ok=True)
    atomic_write_text(run_dir / "config.yaml", dump_config(cfg))
    corpus_f0 = _uses_corpus_f0(cfg, corpus.items)
    _check_fingerprint(store, _fingerprint(cfg, corpus_f0))

    params = _WorkerParams(cfg.audio, cfg.pitch, cfg.data.min_seconds, cfg.data.max_seconds,
                           cfg.data.duration_source == "alignment", str(store.root), needs_phonemes(cfg),
                           aligner_durations=cfg.data.duration_source == "aligner", corpus_f0=corpus_f0)
    done_before = {item.id for item in corpus.items if store.has_item(item.id)}
    todo = [item for item in corpus.items if item.id not in done_before]
    reused = [item for item in corpus.items if item.id in done_before]
    results: list[Union[Prepared, Skipped]] = []
    start = time.perf_counter()
    workers = max(1, min(jobs or os.cpu_count() or 1, len(todo) or 1))
    jobs_iter = ((item, params) for item in todo)
    bar = tqdm(total=len(todo), desc="prepare", unit="utt", disable=not progress or not todo)
    if workers == 1:
        _init_worker(cfg.audio)
        for job in jobs_iter:
            results.append(_process(job))
            bar.update()
    else:
        context = multiprocessing.get_context("spawn")
        with context.Pool(workers, initializer=_init_worker, initargs=(cfg.audio,)) as pool:
            for result in pool.imap_unordered(_process, jobs_iter, chunksize=4):
                results.append(result)
                bar.update()
    bar.close()
    wall = time.perf_counter() - start

    for item in reused:
        results.append(_describe_existing(store, item, cfg.audio))
    prepared = [r for r in results if isinstance(r, Prepared)]
    skipped = [r for r in results if isinstance(r, Skipped)]
    if corpus.items and len(skipped) > 0.5 * len(corpus.items):
        examples = "; ".join(f"{s.id}: {s.reason}" for s in skipped[:3])
        raise InputError(f"{len(skipped)} of {len(corpus.items)} items failed (e.g. {examples})")
    entries = [ManifestEntry(p.id, p.speaker, "train", p.frames, p.phones, round(p.seconds, 3),
                             p.has_durations, p.text, p.audio) for p in sorted(prepared, key=lambda p: p.id)]
    _split(entries, cfg.data.dev_items, cfg.data.test_items, cfg.data.split_seed)
    store.write_manifest(entries)
    store.write_stats(compute_stats(store, [e for e in entries if e.split == "train"]))
    atomic_write_text(store.root / "skipped.jsonl",
                      "".join(json.dumps(asdict(s), ensure_ascii=False) + "\n" for s in skipped))
    computed = [p for p in prepared if p.id not in done_before]
    return PrepareSummary(
        features_dir=str(store.root), items=len(entries), computed=len(computed),
        reused=len(prepared) - len(computed), skipped=skipped,
        corpus_problems=[str(p) for p in corpus.problems],
        audio_seconds=sum(p.seconds for p in computed), wall_seconds=wall,
        splits=dict(Counter(e.split for e in entries)),
    )


def _describe_existing(store: FeatureStore, item: Item, audio: AudioConfig) -> Union[Prepared, Skipped]:
    """A manifest record for an item whose features a previous run already wrote."""
    try:
        feats = store.read_item(item.id, item.speaker)
    except InputError as err:
        return Skipped(item.id, str(err))
    seconds = feats.num_frames * audio.hop_length / audio.sample_rate
    return Prepared(item.id, item.speaker, item.text, feats.num_frames, len(feats.phonemes),
                    seconds, feats.durations is not None, str(item.audio_path))
