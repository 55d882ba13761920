"""Rendering every score in a folder to a folder of wavs, one bad score never stopping the rest.

    report = sing_folder("scores/", "renders/", SingerSpec("zh-sing-demo"), jobs=2)

- Score files are the folder's files whose extension a score reader is registered for (hidden
  files and sub-folders are left alone; other files are listed as ignored). ``song.ds`` renders to
  ``renders/song.wav``; when two scores share a stem (``song.ds``, ``song.mid``) each keeps its
  full name (``song.ds.wav``).
- An existing output is skipped unless ``force``; outputs are written atomically, so an
  interrupted or failed render leaves no partial file and a re-run picks up where it stopped.
- ``jobs`` > 1 renders in that many worker processes (spawned), each loading the voice once.
- Under ``torchrun`` the sorted list of scores is sharded by rank (score ``i`` goes to rank
  ``i % world_size``); each rank writes its part of the report, and rank 0 merges the parts into
  ``report.json`` once every rank has finished.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import time
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any, Callable, Literal, Optional, Union

from tts.errors import InputError, TTSError
from tts.fileio import atomic_write_text
from tts.synth.singer import Singer, check_controls

PathLike = Union[str, os.PathLike]
SingerLoader = Callable[[], Singer]  # picklable (for worker processes): loads the singer
Status = Literal["rendered", "skipped", "failed"]
STATUSES: tuple[Status, ...] = ("rendered", "skipped", "failed")

REPORT_FILE = "report.json"
REPORT_PART = ".report.rank{rank}.json"  # one per rank under torchrun, merged by rank 0
OUTPUT_SUFFIX = ".wav"
# Score extensions used only while no reader is registered in tts.registry.SCORE_READERS.
FALLBACK_SCORE_EXTENSIONS = ("ds", "musicxml", "xml", "mxl", "mid", "midi", "ust", "ustx")
RANK_WAIT = timedelta(hours=72)  # how long a rank that finished waits for the slowest shard


# ----------------------------------------------------------------------------- what to render


@dataclass(frozen=True)
class SingerSpec:
    """Which singer each process loads; picklable, so worker processes and ranks load their own.

    ``device`` "auto" means this rank's GPU (``LOCAL_RANK``) when there is one, else the CPU.
    """

    voice: str
    device: str = "auto"
    vocoder: Optional[str] = None
    precision: str = "auto"  # the vocoder's inference precision (tts.models.vocoder.pick_precision)

    def __call__(self) -> Singer:
        from tts.train.distributed import pick_device

        device = pick_device(self.device, int(os.environ.get("LOCAL_RANK", "0")))
        return Singer.from_voice(self.voice, device=device, vocoder=self.vocoder, precision=self.precision)


@dataclass(frozen=True)
class SingOptions:
    """How every score of a batch is sung (see :meth:`Singer.sing`)."""

    key_shift: float = 0.0  # semitones
    tempo: float = 1.0  # 2.0 is twice as fast
    steps: Optional[int] = None  # sampler steps; None = the voice's default
    seed: Optional[int] = None  # sampler seed; None = random
    vibrato: float = 1.0  # depth of the predicted vibrato: 0 none, 1 as learned

    def __post_init__(self) -> None:
        check_controls(self.key_shift, self.tempo, self.steps, self.vibrato)


@dataclass(frozen=True)
class Job:
    """One score and where its render goes."""

    score: Path
    output: Path


@dataclass
class SongRecord:
    """What happened to one score."""

    score: str  # the score file
    status: Status
    output: Optional[str] = None  # the wav (written, or already there when skipped)
    seconds: float = 0.0  # audio duration
    rtf: float = 0.0  # wall time / audio duration
    reason: Optional[str] = None  # why it was skipped or failed

    def to_json(self) -> dict[str, Any]:
        return {key: value for key, value in asdict(self).items() if value is not None}


@dataclass
class SingReport:
    """The outcome of a batch: one record per score, and the files that are not scores."""

    folder: str
    out_dir: str
    records: list[SongRecord] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)  # files with no score reader for their extension

    def with_status(self, status: Status) -> list[SongRecord]:
        return [r for r in self.records if r.status == status]

    @property
    def failed(self) -> list[SongRecord]:
        return self.with_status("failed")

    def to_json(self) -> dict[str, Any]:
        counts = {status: len(self.with_status(status)) for status in STATUSES}
        audio = sum(r.seconds for r in self.with_status("rendered"))
        return {"folder": self.folder, "out_dir": self.out_dir,
                "counts": {**counts, "ignored": len(self.ignored)}, "seconds_rendered": round(audio, 3),
                **{status: [r.to_json() for r in self.with_status(status)] for status in counts},
                "ignored": list(self.ignored)}  # fmt: skip

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "SingReport":
        records = [SongRecord(**entry) for status in STATUSES for entry in data[status]]
        return cls(data["folder"], data["out_dir"], records, list(data["ignored"]))

    def describe(self) -> str:
        counts = self.to_json()["counts"]
        lines = [f"{counts['rendered']} rendered, {counts['skipped']} skipped (output exists; --force "
                 f"re-renders), {counts['failed']} failed; report in {Path(self.out_dir) / REPORT_FILE}"]
        lines += [f"failed: {r.score}: {r.reason}" for r in self.failed]
        if self.ignored:
            lines.append(f"ignored (not a score format): {', '.join(self.ignored)}")
        return "\n".join(lines)


def score_extensions() -> tuple[str, ...]:
    """Lower-case extensions (no dot) that a score reader is registered for."""
    try:
        import tts.score  # noqa: F401  (registers the score readers)
    except ImportError:
        pass
    from tts.registry import SCORE_READERS

    names = tuple(name.lower().lstrip(".") for name in SCORE_READERS.names())
    return names or FALLBACK_SCORE_EXTENSIONS


def plan(folder: PathLike, out_dir: PathLike) -> tuple[list[Job], list[str]]:
    """The folder's scores (sorted by name) with their outputs, and the names of other files."""
    root = Path(folder)
    if not root.is_dir():
        raise InputError(f"score folder not found: {root}")
    known = set(score_extensions())
    files = sorted(p for p in root.iterdir() if p.is_file() and not p.name.startswith("."))
    scores = [p for p in files if p.suffix.lower().lstrip(".") in known]
    ignored = [p.name for p in files if p.suffix.lower().lstrip(".") not in known]
    stems: dict[str, int] = {}
    for path in scores:
        stems[path.stem] = stems.get(path.stem, 0) + 1
    jobs = [Job(path, Path(out_dir) / ((path.stem if stems[path.stem] == 1 else path.name) + OUTPUT_SUFFIX))
            for path in scores]  # fmt: skip
    return jobs, ignored


def shard(jobs: list[Job], rank: int, world_size: int) -> list[Job]:
    """This rank's share of ``jobs``: the ``i``-th job goes to rank ``i % world_size``."""
    return [job for i, job in enumerate(jobs) if i % world_size == rank]


# ----------------------------------------------------------------------------- rendering


def render_score(singer: Singer, score: PathLike, output: PathLike, options: SingOptions = SingOptions(),
                 plot: Optional[PathLike] = None) -> SongRecord:
    """Sing one score into ``output`` (atomically) and, when asked, a mel/F0 PNG at ``plot``.

    Raises:
        TTSError: the score is unreadable or malformed, or the controls are out of range.
    """
    start = time.perf_counter()
    result = singer.sing(score, key_shift=options.key_shift, tempo=options.tempo, steps=options.steps,
                         seed=options.seed, keep_features=plot is not None, vibrato=options.vibrato)  # fmt: skip
    if result.seconds == 0:
        raise InputError(f"{score}: the score has nothing to sing")
    singer.write(output, result)
    if plot is not None:
        singer.plot(plot, result, title=Path(score).name)
    elapsed = time.perf_counter() - start
    return SongRecord(str(score), "rendered", str(output), round(result.seconds, 3),
                      round(elapsed / result.seconds, 4))


def _render_job(singer: Singer, job: Job, options: SingOptions) -> SongRecord:
    """Render one job; any failure is recorded, never raised (one bad score never stops a batch)."""
    try:
        return render_score(singer, job.score, job.output, options)
    except TTSError as error:
        reason = str(error)
    except Exception as error:  # a reader or model bug on this score: report it, render the rest
        reason = f"unexpected {type(error).__name__}: {error}"
    return SongRecord(str(job.score), "failed", reason=reason)


_WORKER: dict[str, Any] = {}  # per worker process: the loader and options, and the singer once loaded


def _init_worker(load_singer: SingerLoader, options: SingOptions, threads: int) -> None:
    import torch

    torch.set_num_threads(threads)
    _WORKER.update(load=load_singer, options=options)


def _worker_render(job: Job) -> SongRecord:
    if "singer" not in _WORKER:  # loaded on the first score; a voice error reaches the parent
        _WORKER["singer"] = _WORKER["load"]()
    return _render_job(_WORKER["singer"], job, _WORKER["options"])


def _render_all(todo: list[Job], load_singer: SingerLoader, options: SingOptions, jobs: int,
                progress: bool, label: str) -> list[SongRecord]:
    from tqdm import tqdm

    if not todo:
        return []
    bar = tqdm(total=len(todo), desc=label, unit="score", disable=not progress)
    records: list[SongRecord] = []
    try:
        if jobs <= 1:
            singer = load_singer()
            for job in todo:
                records.append(_render_job(singer, job, options))
                bar.update()
            return records
        workers = min(jobs, len(todo))
        threads = max(1, (os.cpu_count() or 1) // workers)
        pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_init_worker, initargs=(load_singer, options, threads))
        try:
            futures: list[Future[SongRecord]] = [pool.submit(_worker_render, job) for job in todo]
            for future in as_completed(futures):
                records.append(future.result())  # re-raises a worker's voice-loading error
                bar.update()
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
        return records
    finally:
        bar.close()


# ----------------------------------------------------------------------------- ranks


def _rank_and_world() -> tuple[int, int]:
    try:
        rank, world = int(os.environ.get("RANK", "0")), int(os.environ.get("WORLD_SIZE", "1"))
    except ValueError:
        raise InputError("RANK and WORLD_SIZE must be integers (as torchrun sets them)") from None
    if world < 1 or not 0 <= rank < world:
        raise InputError(f"RANK={rank} is not within WORLD_SIZE={world}")
    return rank, world


def _join_ranks() -> Any:
    """Join the torchrun job (gloo: only a barrier is needed; models pick their own device)."""
    from tts.train.distributed import init_distributed

    return init_distributed("cpu")


def _wait_for_ranks(env: Any) -> None:
    """Block until every rank has written its part of the report."""
    import torch.distributed as dist

    try:
        if dist.get_backend() == "gloo":
            dist.monitored_barrier(timeout=RANK_WAIT, wait_all_ranks=True)
        else:
            dist.barrier()
    except RuntimeError as error:
        raise TTSError(f"not every rank finished rendering ({str(error).splitlines()[0]})") from None


def _leave_ranks(env: Any) -> None:
    from tts.train.distributed import shutdown

    shutdown(env)


def _merge_parts(out_dir: Path, world: int, own: SingReport) -> SingReport:
    merged = SingReport(own.folder, own.out_dir, ignored=own.ignored)
    for rank in range(world):
        part = out_dir / REPORT_PART.format(rank=rank)
        try:
            merged.records += SingReport.from_json(json.loads(part.read_text(encoding="utf-8"))).records
        except (OSError, json.JSONDecodeError, KeyError, TypeError) as error:
            raise TTSError(f"the report of rank {rank} ({part}) is missing or unreadable: {error}") from None
    for rank in range(world):
        (out_dir / REPORT_PART.format(rank=rank)).unlink(missing_ok=True)
    merged.records.sort(key=lambda r: r.score)
    return merged


# ----------------------------------------------------------------------------- the batch


def sing_folder(folder: PathLike, out_dir: PathLike, load_singer: SingerLoader,
                options: SingOptions = SingOptions(), jobs: int = 1, force: bool = False,
                progress: bool = True) -> SingReport:
    """Render every score in ``folder`` to ``out_dir`` and write ``out_dir/report.json``.

    Args:
        load_singer: loads the singer in each process that renders (e.g. a :class:`SingerSpec`);
            it is not called when every output already exists.
        jobs: worker processes on this machine (or this rank).
        force: re-render scores whose output already exists.
    Returns:
        The report (on rank 0 under torchrun: merged over all ranks; elsewhere this rank's part).
    Raises:
        InputError: ``folder`` is not a folder. VoiceError: the voice does not load.
    """
    if jobs < 1:
        raise InputError(f"jobs must be at least 1, got {jobs}")
    out = Path(out_dir)
    all_jobs, ignored = plan(folder, out)
    rank, world = _rank_and_world()
    mine = shard(all_jobs, rank, world) if world > 1 else all_jobs
    env = _join_ranks() if world > 1 else None
    try:
        records: list[SongRecord] = []
        todo: list[Job] = []
        for job in mine:
            if job.output.exists() and not force:
                records.append(SongRecord(str(job.score), "skipped", str(job.output), reason="output exists"))
            else:
                todo.append(job)
        label = "sing" if world == 1 else f"sing (rank {rank}/{world})"
        records += _render_all(todo, load_singer, options, jobs, progress, label)
        records.sort(key=lambda r: r.score)
        report = SingReport(str(folder), str(out), records, ignored)
        out.mkdir(parents=True, exist_ok=True)
        if world == 1:
            atomic_write_text(out / REPORT_FILE, json.dumps(report.to_json(), indent=1, ensure_ascii=False) + "\n")
            return report
        text = json.dumps(report.to_json(), ensure_ascii=False)
        atomic_write_text(out / REPORT_PART.format(rank=rank), text)
        _wait_for_ranks(env)
        if rank != 0:
            return report
        merged = _merge_parts(out, world, report)
        atomic_write_text(out / REPORT_FILE, json.dumps(merged.to_json(), indent=1, ensure_ascii=False) + "\n")
        return merged
    finally:
        if env is not None:
            _leave_ranks(env)
