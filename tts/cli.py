"""The ``tts`` command. Each command parses its options, makes one library call and reports.

Heavy imports (torch, librosa) happen inside the commands so that ``tts --help`` is instant.
Errors the user can fix (:class:`tts.errors.TTSError`) print one line and exit with status 1.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.markup import escape

from tts.errors import TTSError

app = typer.Typer(
    name="tts",
    help="Mandarin text-to-speech and singing synthesis: prepare corpora, train voices, render speech.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
corpus_app = typer.Typer(help="Build demo corpora and inspect corpora on disk.", no_args_is_help=True)
config_app = typer.Typer(help="Inspect recipes and configs.", no_args_is_help=True)
app.add_typer(corpus_app, name="corpus")
app.add_typer(config_app, name="config")

out = Console()
err = Console(stderr=True)

DEFAULT_VOICE = "zh-demo"  # the speech voice shipped in the package (tts/resources/voices)
PRECISION_HELP = ("Vocoder arithmetic: auto (bfloat16 where the CPU or GPU runs it natively, else float32), "
                  "float32 or bfloat16. bfloat16 measured the same quality, 1.4-1.6x faster on an AVX512-BF16 CPU.")

SetOption = typer.Option(
    None, "--set", "-s", metavar="KEY=VALUE",
    help="Override a config value, e.g. --set train.batch_size=8 (repeatable; values are YAML).",
)


@corpus_app.command("demo-zh")
def corpus_demo_zh(
    out_dir: Path = typer.Argument(..., help="Folder to write wavs/, metadata.csv and alignments into."),
    utterances: int = typer.Option(2000, "--utterances", "-n", min=1, help="Number of sentences to render."),
    seed: int = typer.Option(0, help="Seed of the sentence generator and prosody variation."),
    sample_rate: int = typer.Option(22050, "--sample-rate", help="Sample rate of the written wavs (Hz)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes (default: all cores)."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Render a Mandarin demo speech corpus with espeak-ng (offline), with exact phone alignments.

    The sentences come from a seeded generator that covers every initial, final and tone; the
    layout is the plain folder one (wavs/ + metadata.csv), so `data.corpus: folder` reads it.
    A second run skips utterances that are already complete.
    """
    from tts.data.demo_zh import build_demo_zh

    summary = build_demo_zh(out_dir, utterances=utterances, seed=seed, sample_rate=sample_rate,
                            jobs=jobs, progress=not as_json)
    if as_json:
        out.print_json(json.dumps(summary.to_json()))
    else:
        out.print(f"wrote {summary.utterances} utterances, {summary.seconds / 60:.1f} min of audio, to {out_dir}")


@corpus_app.command("demo-sing")
def corpus_demo_sing(
    out_dir: Path = typer.Argument(..., help="Folder to write segments/ (Opencpop layout), f0/, scores/ into."),
    utterances: int = typer.Option(500, "--utterances", "-n", min=1, help="Number of songs (a generated sentence each; a long one makes several)."),
    seed: int = typer.Option(0, help="Seed of lyrics, melodies and every rendering choice."),
    sample_rate: int = typer.Option(22050, "--sample-rate", help="Sample rate of the written wavs (Hz)."),
    low: int = typer.Option(53, "--low", help="Lowest MIDI note of the singer's range (53 = F3)."),
    high: int = typer.Option(69, "--high", help="Highest MIDI note of the singer's range (69 = A4)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes (default: all cores)."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Render a demo singing corpus: espeak-ng syllables re-timed and re-pitched with WORLD onto
    generated melodies (vibrato, glides, melismas, breaths), with exact notes, phones and F0.

    Readable as `demo-sing` (exact alignment + F0 curves) and as `opencpop`. A second run skips
    songs that are already complete.
    """
    from tts.data.demo_sing import SingStyle, build_demo_sing

    summary = build_demo_sing(out_dir, songs=utterances, seed=seed, sample_rate=sample_rate, jobs=jobs,
                              progress=not as_json, style=SingStyle(midi_low=low, midi_high=high))
    if as_json:
        out.print_json(json.dumps(summary.to_json()))
    else:
        out.print(f"wrote {summary.songs} songs, {summary.seconds / 60:.1f} min of singing, to {out_dir}")


@corpus_app.command("info")
def corpus_info(
    name: str = typer.Argument(..., help="Corpus reader: csmsc, aishell3, ljspeech, folder, opencpop, m4singer, demo-sing."),
    root: Path = typer.Argument(..., help="Corpus root folder."),
    as_json: bool = typer.Option(False, "--json", help="Print the counts and problems as JSON."),
) -> None:
    """Read a corpus and report items, speakers and malformed lines (file:line: reason)."""
    from tts.data.corpora import read_corpus

    corpus = read_corpus(name, root)
    speakers = sorted({item.speaker for item in corpus.items})
    aligned = sum(item.alignment is not None for item in corpus.items)
    if as_json:
        out.print_json(json.dumps({"items": len(corpus.items), "speakers": speakers, "aligned": aligned,
                                   "problems": [str(p) for p in corpus.problems]}))
        return
    out.print(f"{len(corpus.items)} items, {len(speakers)} speakers, {aligned} with alignments")
    for problem in corpus.problems:
        err.print(f"[yellow]skipped[/] {problem}")


@config_app.command("show")
def config_show(
    recipe: Path = typer.Argument(..., help="A recipe or config YAML file."),
    overrides: Optional[List[str]] = SetOption,
    origins: bool = typer.Option(False, "--origins", help="Also list which file set each key."),
) -> None:
    """Print the fully resolved config of a recipe (bases merged, overrides applied, checked)."""
    from tts.config import dump_config, load_config

    loaded = load_config(recipe, overrides or [])
    out.print(dump_config(loaded.config), end="", markup=False, highlight=False)
    if origins:
        for key, origin in sorted(loaded.origins.items()):
            out.print(f"# {key}: {origin}", markup=False, highlight=False)


@app.command("prepare")
def prepare(
    recipe: Path = typer.Argument(..., help="Recipe YAML naming the corpus and the audio parameters."),
    overrides: Optional[List[str]] = SetOption,
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes (default: all cores)."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Extract mel, F0, energy and durations for every item into the run's feature store.

    Writes a manifest with a train/dev/test split and normalization statistics. Idempotent: a
    second run skips finished items; bad items are skipped with a reason and counted.
    """
    from tts.config import load_config
    from tts.data.prepare import prepare_features

    loaded = load_config(recipe, overrides or [])
    summary = prepare_features(loaded, jobs=jobs, progress=not as_json)
    if as_json:
        out.print_json(json.dumps(summary.to_json()))
    else:
        out.print(summary.describe())


@app.command("g2p")
def g2p(
    text: str = typer.Argument(..., help="Text to read, a path to a UTF-8 text file (one item per line), or - for stdin."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per input line: line, text, normalized, pinyin (one per Han character as written), words (every word said, with its pinyin), phonemes, tones, error."),
    lexicon: Optional[Path] = typer.Option(None, "--lexicon", "-l", help="User lexicon: word<TAB>pinyin per line, or a reading pinned in a context: [和]面<TAB>huo2."),
) -> None:
    """Show how text is read: normalized text, pinyin (surface tones) and phonemes.

    The pinyin line has every syllable said, numbers and symbols included
    (1.5公斤 → yi1 dian2 wu3 gong1 jin1). With --json, "pinyin" has one
    syllable per Han character of the input as written, and "words" every
    word said with its syllables.

    Inline overrides win over everything: 重{chong2}庆, or a whole word
    {zhong4 yao4}. A file or stdin is read line by line (blank lines
    skipped); a line that cannot be read is reported with its number (with
    --json as an object whose "error" says why) and the rest are read; the
    exit status is 1 when any line failed.
    """
    from tts.text.frontend import Frontend
    from tts.text.overrides import Lexicon

    frontend = Frontend(lexicon=Lexicon.from_file(lexicon) if lexicon else None)
    lines = _text_lines(text)
    failed = 0
    for number, line in lines:
        try:
            result = frontend(line)
        except TTSError as error:
            failed += 1
            if as_json:
                record = {"line": number, "text": line, "error": str(error)}
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                where = f"line {number}: " if len(lines) > 1 else ""
                err.print(f"error: {where}{error}", markup=False, highlight=False)
            continue
        if as_json:
            record = {"line": number, "text": line, "normalized": result.normalized, "pinyin": result.pinyin,
                      "words": [{"text": w, "pinyin": list(p)} for w, p in result.spoken],
                      "phonemes": result.phonemes, "tones": result.tones, "error": None}
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            # soft_wrap: one line per item however long, so the output can be parsed
            out.print(f"[bold]{escape(result.normalized)}[/]", highlight=False, soft_wrap=True)
            out.print("  " + " ".join(s for _, syllables in result.spoken for s in syllables),
                      markup=False, highlight=False, soft_wrap=True)
            out.print("  " + " ".join(f"{p}{t or ''}" for p, t in zip(result.phonemes, result.tones)),
                      markup=False, highlight=False, soft_wrap=True)
    if failed:
        raise typer.Exit(1)


@app.command("train")
def train(
    recipe: Path = typer.Argument(..., help="Recipe YAML (dataset x model), e.g. recipes/demo_zh_fastspeech2.yaml."),
    overrides: Optional[List[str]] = SetOption,
    device: str = typer.Option("auto", help="auto (a GPU when there is one), cpu, cuda, cuda:1 ..."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Prepare features, train, and export a voice. Run it again to resume from the last checkpoint.

    Several GPUs or machines: `torchrun --nproc_per_node=N -m tts.cli train RECIPE` (DDP).
    Logs: `tensorboard --logdir RUN_DIR/logs` (losses, dev audio, mel/F0/duration plots).
    """
    from tts.config import load_config
    from tts.train.run import train as run_training

    loaded = load_config(recipe, overrides or [])
    summary = run_training(loaded, device=device, progress=not as_json,
                           log=(lambda m: err.print(m, markup=False, highlight=False)))
    if as_json:
        sys.stdout.write(json.dumps(summary.to_json()) + "\n")
    else:
        out.print(summary.describe(), markup=False, highlight=False)


@app.command("align")
def align(
    recipe: Path = typer.Argument(..., help="Recipe YAML whose corpus lacks phone alignments (or sets data.duration_source: aligner)."),
    overrides: Optional[List[str]] = SetOption,
    device: str = typer.Option("auto", help="auto (a GPU when there is one), cpu, cuda, cuda:1 ..."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Prepare features, then train the built-in aligner and write phone durations into the store.

    `tts train` runs this stage by itself when items lack durations; run it alone to inspect the
    alignments first (`tensorboard --logdir RUN_DIR/align/logs`). Items whose text does not fit
    their audio are reported and left out. Run it again to resume.
    """
    from tts.align.stage import align_run, check_recipe
    from tts.config import load_config
    from tts.data.prepare import prepare_features

    loaded = load_config(recipe, overrides or [])
    check_recipe(loaded)  # before the (long) prepare step
    log = (lambda m: err.print(m, markup=False, highlight=False))
    prepared = prepare_features(loaded, progress=not as_json)
    if not as_json:
        log(prepared.describe())
    summary = align_run(loaded, device=device, progress=not as_json, log=log)
    if as_json:
        sys.stdout.write(json.dumps(summary.to_json()) + "\n")
    else:
        out.print(summary.describe(), markup=False, highlight=False)


@app.command("export")
def export(
    run_dir: Path = typer.Argument(..., help="A training run folder (holds config.yaml, features/ and checkpoints/)."),
    name: str = typer.Option(..., "--name", help="Voice name (also the folder name unless --out is given)."),
    out_dir: Optional[Path] = typer.Option(None, "--out", "-o", help="Where to write the voice folder."),
    fp16: bool = typer.Option(False, "--fp16", help="Store weights in half precision (half the size)."),
    vocoder: Optional[str] = typer.Option(
        None, "--vocoder", help="Pair an acoustic voice with this vocoder voice (name or folder; default: the recipe's model.vocoder)."),
) -> None:
    """Export the newest checkpoint of a run as a self-contained voice folder (a vocoder run exports its generator)."""
    from tts.synth.export import export_from_run

    path = export_from_run(run_dir, name=name, out_dir=out_dir, fp16=fp16, vocoder=vocoder)
    out.print(f"voice written to {path}")


@app.command("voices")
def voices(as_json: bool = typer.Option(False, "--json", help="Print the list as JSON.")) -> None:
    """List the voices found: shipped with the package, in $TTS_VOICES, and in the user data folder."""
    from tts.synth.registry import list_voices

    found = list_voices()
    if as_json:
        sys.stdout.write(json.dumps([v.to_json() for v in found], ensure_ascii=False) + "\n")
        return
    if not found:
        out.print("no voices found; train one with `tts train RECIPE` or set $TTS_VOICES")
    for voice in found:
        line = f"{voice.name:20} {voice.kind:9} {voice.sample_rate:6d} Hz  {voice.source}: {voice.path}"
        out.print(line + (f"  (unreadable: {voice.problem})" if voice.problem else ""), markup=False, highlight=False,
                  soft_wrap=True)


@app.command("synth")
def synth(
    text: str = typer.Argument(..., help="Text to speak, - for stdin, or a text file (one utterance per line with --out-dir)."),
    voice: Optional[str] = typer.Option(None, "--voice", "-v", help="Voice name or folder (see `tts voices`)."),
    output: Path = typer.Option(Path("out.wav"), "--output", "-o", help="Output wav (single text)."),
    out_dir: Optional[Path] = typer.Option(None, "--out-dir", help="Render each line of a text file to OUT_DIR/NNNN.wav."),
    speed: float = typer.Option(1.0, "--speed", min=0.25, max=4.0, help="Speaking rate: 2.0 is twice as fast."),
    pitch: float = typer.Option(0.0, "--pitch", min=-24.0, max=24.0, help="Pitch shift in semitones."),
    energy: float = typer.Option(1.0, "--energy", min=0.1, max=4.0, help="Loudness (energy) scale."),
    device: str = typer.Option("cpu", "--device", help="cpu, cuda, cuda:1 ... or auto (a GPU when there is one)."),
    plot: bool = typer.Option(False, "--plot", help="Also write a PNG of mel, F0 and durations next to each wav."),
    lexicon: Optional[Path] = typer.Option(None, "--lexicon", "-l", help="User lexicon: word<TAB>pinyin per line, or a reading pinned in a context: [和]面<TAB>huo2."),
    vocoder: Optional[str] = typer.Option(None, "--vocoder", help="A vocoder voice (name or folder) or griffin-lim, instead of the voice's own."),
    precision: str = typer.Option("auto", "--precision", help=PRECISION_HELP),
    noise_scale: Optional[float] = typer.Option(None, "--noise-scale", help="Sampling temperature of generative voices (PortaSpeech), 0-2; default: the voice's."),
    seed: Optional[int] = typer.Option(None, "--seed", help="Seed of the sampling noise: the same seed gives the same audio."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON record per rendered file."),
) -> None:
    """Speak Mandarin text with a voice and write a wav.

    Inline pronunciations win over everything: 重{chong2}庆, {zhong4 yao4}.
    """
    from tts.synth.batch import synthesize_lines
    from tts.synth.synthesizer import Synthesizer

    frontend = None
    if lexicon is not None:
        from tts.text.frontend import Frontend
        from tts.text.overrides import Lexicon

        frontend = Frontend(lexicon=Lexicon.from_file(lexicon))
    synthesizer = Synthesizer.from_voice(voice or DEFAULT_VOICE, device=device, frontend=frontend, vocoder=vocoder,
                                         precision=precision)
    if synthesizer.low_quality_vocoder and not as_json:
        err.print("note: this voice has no neural vocoder; using Griffin-Lim (low quality)")
    lines = _text_lines(text)
    if out_dir is None and len(lines) > 1:
        lines = [(1, " ".join(line for _, line in lines))]
    if not lines:
        raise TTSError("no text given (the input is empty)")
    records = synthesize_lines(synthesizer, lines, output=output, out_dir=out_dir, speed=speed, pitch=pitch,
                               energy=energy, plot=plot, progress=not as_json and len(lines) > 1,
                               noise_scale=noise_scale, seed=seed)
    failed = [r for r in records if r.error]
    for record in records:
        if as_json:
            sys.stdout.write(json.dumps(record.to_json(), ensure_ascii=False) + "\n")
        elif record.error:
            err.print(f"error: line {record.line}: {record.error}", markup=False, highlight=False)
        elif len(records) == 1:
            out.print(f"wrote {record.path} ({record.seconds:.2f} s, real-time factor {record.rtf:.3f})",
                      markup=False, highlight=False)
    if len(records) > 1 and not as_json:
        out.print(f"rendered {len(records) - len(failed)} of {len(records)} lines into {out_dir}")
    if failed:
        raise typer.Exit(1)


@app.command("vocode")
def vocode(
    source: Path = typer.Argument(..., help="Audio to re-synthesize (wav/flac/ogg), or a saved mel: a .npy of n_mels x frames."),
    output: Path = typer.Option(Path("out.wav"), "--output", "-o", help="Output audio file (wav, flac or ogg)."),
    voice: str = typer.Option(..., "--voice", "-v", help="Vocoder voice name or folder (see `tts voices`)."),
    f0: Optional[Path] = typer.Option(None, "--f0", help="With a mel: F0 per frame, a .npy vector in Hz, 0 = unvoiced (NSF vocoders)."),
    device: str = typer.Option("cpu", "--device", help="cpu, cuda, cuda:1 ... or auto (a GPU when there is one)."),
    chunk_seconds: float = typer.Option(20.0, "--chunk-seconds", help="Audio rendered per chunk; long files stream in chunks."),
    precision: str = typer.Option("auto", "--precision", help=PRECISION_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Turn audio (copy synthesis) or a saved mel into audio with a vocoder voice."""
    from tts.synth.vocode import vocode_file

    summary = vocode_file(source, output, voice, f0_path=f0, device=device, chunk_seconds=chunk_seconds,
                          precision=precision)
    if as_json:
        sys.stdout.write(json.dumps(summary.to_json()) + "\n")
        return
    for warning in summary.warnings:
        err.print(f"note: {warning}", markup=False, highlight=False)
    out.print(f"wrote {summary.output} ({summary.seconds:.2f} s, real-time factor {summary.rtf:.3f})",
              markup=False, highlight=False)


@app.command("eval")
def evaluate(
    voice: str = typer.Argument(..., help="Voice name or folder to evaluate."),
    run_dir: Path = typer.Option(..., "--run", help="The training run whose held-out items to use (RUN_DIR)."),
    split: str = typer.Option("test", help="Which split of the run: test or dev."),
    limit: Optional[int] = typer.Option(None, min=1, help="Evaluate only the first N items."),
    vocoder: Optional[str] = typer.Option(None, help="A vocoder voice (or griffin-lim) instead of the voice's own."),
    device: str = typer.Option("cpu", help="cpu, cuda, ..."),
    precision: str = typer.Option("auto", "--precision", help=PRECISION_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print the table as JSON."),
) -> None:
    """Objective scores on held-out recordings: MCD (dB), F0 RMSE (cents), V/UV error, duration MAE (ms)."""
    from tts.eval.evaluate import evaluate_voice

    report = evaluate_voice(voice, run_dir, split=split, limit=limit, device=device, vocoder=vocoder,
                            precision=precision, progress=not as_json)
    if as_json:
        sys.stdout.write(report.table.to_json() + "\n")
    else:
        out.print(report.describe(), markup=False, highlight=False)


DEFAULT_SING_VOICE = "zh-sing-demo"  # the singing voice shipped in the package (tts/resources/voices)


@app.command("sing")
def sing(
    score: Path = typer.Argument(..., help="A score (.ds, .musicxml/.xml/.mxl, .mid, .ust, .ustx, Opencpop lines) or a folder of scores."),
    voice: Optional[str] = typer.Option(None, "--voice", "-v", help="Singing voice name or folder (see `tts voices`)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Output wav of a single score (default: the score's name as .wav, here)."),
    out_dir: Optional[Path] = typer.Option(None, "--out-dir", help="Where a folder of scores renders to (NAME.wav each, plus report.json)."),
    key: float = typer.Option(0.0, "--key", help="Transpose by this many semitones (e.g. -3, 2.5)."),
    tempo: float = typer.Option(1.0, "--tempo", help="Tempo factor: 2.0 sings twice as fast."),
    steps: Optional[int] = typer.Option(None, "--steps", help="Diffusion sampler steps (default: the voice's; fewer is faster)."),
    seed: Optional[int] = typer.Option(None, "--seed", help="Seed of the sampler's noise, for a reproducible render."),
    vibrato: float = typer.Option(1.0, "--vibrato", help="Depth of the voice's vibrato: 0 none, 1 as learned, 2 twice as deep (a score's own F0 curve is sung as written)."),
    plot: Optional[Path] = typer.Option(None, "--plot", help="Also write a PNG of mel, F0 and phonemes (single score)."),
    device: str = typer.Option("auto", "--device", help="auto (this rank's GPU when there is one), cpu, cuda, cuda:1 ..."),
    vocoder: Optional[str] = typer.Option(None, "--vocoder", help="A vocoder voice (name or folder) or griffin-lim, instead of the voice's own."),
    precision: str = typer.Option("auto", "--precision", help=PRECISION_HELP),
    jobs: int = typer.Option(1, "--jobs", "-j", help="Folder: worker processes, each loading the voice once."),
    force: bool = typer.Option(False, "--force", help="Folder: re-render scores whose output already exists."),
    as_json: bool = typer.Option(False, "--json", help="Print the result (folder: the report) as JSON."),
) -> None:
    """Sing a song score with a singing voice and write a wav, or render a whole folder of scores.

    A folder renders every score in it to --out-dir, skipping finished ones, and writes
    report.json (rendered / skipped / failed, with reasons); one bad score never stops the rest.
    Several GPUs or machines: `torchrun --nproc_per_node=N -m tts.cli sing SCORES/ --out-dir R/`.
    """
    import os

    from tts.synth.sing_batch import SingerSpec, SingOptions, render_score, sing_folder

    spec = SingerSpec(voice or DEFAULT_SING_VOICE, device=device, vocoder=vocoder, precision=precision)
    options = SingOptions(key_shift=key, tempo=tempo, steps=steps, seed=seed, vibrato=vibrato)
    if score.is_dir():
        if out_dir is None:
            raise TTSError(f"{score} is a folder: pass --out-dir for its renders")
        if output is not None or plot is not None:
            raise TTSError("--output and --plot are for a single score; a folder renders into --out-dir")
        report = sing_folder(score, out_dir, spec, options, jobs=jobs, force=force, progress=not as_json)
        if os.environ.get("RANK", "0") == "0":
            if as_json:
                sys.stdout.write(json.dumps(report.to_json(), ensure_ascii=False) + "\n")
            else:
                out.print(report.describe(), markup=False, highlight=False)
        if report.failed:
            raise typer.Exit(1)
        return
    if not score.exists():  # before loading the voice, so the one error is the one that matters
        raise TTSError(f"score not found: {score}")
    target = output or (out_dir or Path.cwd()) / (score.stem + ".wav")
    singer = spec()
    if singer.low_quality_vocoder and not as_json:
        err.print("note: this voice has no neural vocoder; using Griffin-Lim (low quality)")
    record = render_score(singer, score, target, options, plot=plot)
    if as_json:
        sys.stdout.write(json.dumps(record.to_json(), ensure_ascii=False) + "\n")
    else:
        out.print(f"wrote {record.output} ({record.seconds:.2f} s, real-time factor {record.rtf:.3f})",
                  markup=False, highlight=False)


score_app = typer.Typer(help="Inspect song scores (MusicXML, MIDI, UST, USTX, .ds, Opencpop lines).",
                        no_args_is_help=True)
app.add_typer(score_app, name="score")


@score_app.command("info")
def score_info(
    file: Path = typer.Argument(..., help="A score: .musicxml/.xml/.mxl, .mid, .ust, .ustx, .ds or Opencpop lines (.txt)."),
    part: Optional[str] = typer.Option(None, "--part", help="Part / track / voice part to read (name or number from 1); default: the one with lyrics."),
    as_json: bool = typer.Option(False, "--json", help="Print notes, lyrics, phonemes and segments as JSON."),
) -> None:
    """Show a score as the singer reads it: notes (seconds and beats), lyrics, and the phonemes
    each note sings, with their durations (the file's, else the consonant-borrowing rule's)."""
    from tts.score import read
    from tts.score.info import render, summarize

    summary = summarize(read(file, part=part))
    if as_json:
        sys.stdout.write(json.dumps(summary.to_json(), ensure_ascii=False) + "\n")
    else:
        for piece in render(summary):
            out.print(piece, highlight=False)
    if summary.problem is not None:
        raise TTSError(summary.problem)


def _text_lines(text: str) -> list[tuple[int, str]]:
    """The argument as numbered lines: stdin for '-', a file's lines when it names a file, else itself."""
    if text == "-":
        raw = sys.stdin.read().splitlines()
    else:
        path = Path(text)
        try:
            is_file = len(text) < 4096 and path.is_file()
        except OSError:
            is_file = False
        if not is_file:
            return [(1, text)]
        try:
            raw = path.read_text(encoding="utf-8-sig").splitlines()
        except UnicodeDecodeError:
            raise TTSError(f"{path}: not a UTF-8 text file") from None
    return [(i, line) for i, line in enumerate(raw, 1) if line.strip()]


def main() -> None:
    """Entry point of the installed ``tts`` command."""
    try:
        app()
    except TTSError as error:
        err.print(f"error: {error}", style="red", markup=False, highlight=False, soft_wrap=True)  # one line
        sys.exit(1)
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)


if __name__ == "__main__":
    main()
