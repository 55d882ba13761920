"""Strict YAML configs with ``base:`` inheritance and ``--set a.b=c`` overrides.

A recipe names its bases (a path or a list of paths, relative to the file); bases are merged in
order, then the file itself on top, dicts deep-merged and everything else replaced. Every key
remembers the file that set it, so an unknown key, a wrong type or a missing required key is an
error that names both the key and the file. Values given with ``--set`` are parsed with
``yaml.safe_load``; nothing is ever ``eval``-ed.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Optional, Union

import yaml

from tts.audio.params import AudioConfig, PitchConfig
from tts.errors import ConfigError

Origins = dict[str, str]  # dotted key → file (or "--set") that gave it its value


@dataclass
class DataConfig:
    """Where the corpus is and how it is split. Changing it invalidates prepared features."""

    corpus: str = "folder"  # corpus reader name (tts.registry.CORPORA)
    path: str = ""  # corpus root, relative to the recipe file or absolute
    options: dict[str, Any] = field(default_factory=dict)  # reader-specific options
    features_dir: str = "features"  # feature store, relative to the run directory
    dev_items: int = 50  # utterances held out for validation
    test_items: int = 50  # utterances held out for evaluation
    split_seed: int = 1234  # seed of the train/dev/test shuffle
    min_seconds: float = 0.3  # shorter items are skipped
    max_seconds: float = 20.0  # longer items are skipped
    # "auto": exact alignments when the corpus has them, else the built-in aligner (tts align);
    # "alignment": exact alignments only (items without are skipped); "aligner": always the aligner
    duration_source: Literal["auto", "alignment", "aligner"] = "auto"
    # "auto": the corpus's own F0 curve where it ships one (the demo singing corpus: the curve the audio was
    # sung with), else pitch.method; "extract": always pitch.method. Measured on 40 demo songs, DIO misses
    # the pitch by more than 300 cents on 1.4 % of the voiced frames, and every model learns from these
    f0_source: Literal["auto", "extract"] = "auto"
    trim_silence: bool = False  # trim leading/trailing silence (only without alignments)
    segment_frames: int = 32  # vocoder training: random crop length in mel frames (HiFi-GAN: 8192 samples)
    gta_from: str = ""  # vocoder fine-tuning: an acoustic RUN_DIR whose teacher-forced mels replace the real ones


@dataclass
class ModelConfig:
    """Which acoustic model or vocoder to build, from a named preset plus overrides."""

    name: str = "fastspeech2"  # registry name (tts.registry.ACOUSTIC_MODELS / VOCODERS)
    preset: str = ""  # a named size, e.g. "fastspeech2_small"; empty = the model's default
    params: dict[str, Any] = field(default_factory=dict)  # fields of the model's config dataclass
    discriminator: dict[str, Any] = field(default_factory=dict)  # GAN vocoders: DiscriminatorConfig fields (training only)
    vocoder: str = "griffin-lim"  # acoustic runs: vocoder voice paired in the exported card (name or path)


@dataclass
class TrainConfig:
    """The training loop. Changing it does not invalidate features or checkpoints."""

    steps: int = 20000  # total optimizer steps
    batch_size: int = 16  # utterances per batch (upper bound; max_frames also applies)
    max_frames: int = 0  # frame budget per batch for length bucketing; 0 = no budget
    lr: float = 1e-3  # peak learning rate
    lr_schedule: Literal["warmup_inverse_sqrt", "exponential"] = "warmup_inverse_sqrt"  # Transformer / HiFi-GAN
    warmup_steps: int = 1000  # linear warm-up, then inverse-sqrt decay (warmup_inverse_sqrt only)
    lr_decay: float = 0.999  # exponential schedule: LR factor per lr_decay_steps steps
    lr_decay_steps: int = 1000  # exponential schedule: steps per lr_decay factor (smooth in between)
    adam_betas: list[float] = field(default_factory=lambda: [0.9, 0.98])  # AdamW (beta1, beta2)
    weight_decay: float = 0.0  # AdamW weight decay
    grad_clip: float = 1.0  # max gradient norm
    amp: bool = True  # mixed precision on CUDA (ignored on CPU)
    seed: int = 1234  # seed of initialization and batch order
    num_workers: int = 0  # dataloader worker processes
    log_every: int = 50  # steps between scalar logs
    eval_every: int = 1000  # steps between validation passes (losses, audio, plots)
    checkpoint_every: int = 1000  # steps between checkpoints
    keep_checkpoints: int = 3  # the last K checkpoints are kept
    loss_weights: dict[str, float] = field(default_factory=dict)  # keyed like the loss dict
    max_minutes: float = 0.0  # stop after this wall-clock budget; 0 = no budget
    # GAN vocoders: steps of generator-only warm-up on the mel loss before the discriminators join
    # (ParallelWaveGAN's discriminator_train_start_steps); 0 = adversarial from the first step
    adversarial_start: int = 0
    # GAN vocoders: upper edge (Hz) of the mel used by the mel loss; None = audio.fmax. HiFi-GAN's
    # fmax_for_loss: the input mel may stop at 8 kHz while the loss looks up to sample_rate / 2, so
    # the bins above audio.fmax are learned instead of left to the generator's whim.
    mel_loss_fmax: Optional[float] = None
    # a voice folder (or a finished run directory) whose weights start this run: fine-tuning, or a
    # grown model (tts.train.init_from); ignored once the run has a checkpoint to resume from
    init_from: str = ""
    # tensor names (fnmatch patterns, e.g. "denoiser.output_proj.*") that init_from leaves at their
    # fresh initialization: a head to be learned anew (ESPnet's init_param exclude keys)
    init_exclude: tuple[str, ...] = ()
    # parameter names (fnmatch patterns, e.g. "variance.*") kept fixed during training: the optimizer
    # never sees them (ESPnet's freeze_param), so a fine-tuning leaves the rest of a voice as it was
    freeze: tuple[str, ...] = ()


@dataclass
class AlignConfig:
    """The built-in aligner (``tts align``; ``tts train`` runs it when items lack durations).
    Scope: preset/params/steps/lr change the extracted durations (use a new run folder); the
    tolerances only change which items are kept; other TrainConfig settings (seed, AMP, logging,
    workers) are shared with ``train``."""

    preset: str = "aligner"  # network size, a name in tts.align.model.ALIGNER_PRESETS
    params: dict[str, Any] = field(default_factory=dict)  # AlignerConfig fields laid over the preset
    steps: int = 1000  # optimizer steps; the alignment settles long before an acoustic model would
    batch_size: int = 16  # utterances per batch
    max_frames: int = 4000  # frame budget per batch (length bucketing); 0 = none
    lr: float = 1e-3  # peak AdamW learning rate, warm-up then inverse-sqrt decay
    warmup_steps: int = 200  # linear warm-up steps
    binarization_start: float = 0.3  # fraction of steps before the binarization loss joins (soft first)
    binarization_weight: float = 1.0  # weight of the binarization loss (paper: 1.0)
    eval_every: int = 500  # steps between validations (losses, alignment images in TensorBoard)
    checkpoint_every: int = 500  # steps between checkpoints of RUN_DIR/align/checkpoints
    max_minutes: float = 0.0  # wall-clock budget of aligner training; 0 = none
    ratio_tolerance: float = 3.0  # skip items whose frames per phoneme is this factor off the corpus median
    cost_tolerance: float = 6.0  # skip items whose alignment cost is this many MADs above the corpus median
    max_failed_fraction: float = 0.5  # stop with an error when more of the items than this fail


@dataclass
class RunConfig:
    """A whole recipe: everything a run reads, fully resolved."""

    name: str = "run"  # run name, used for the default run directory and the voice name
    run_dir: str = ""  # where features, checkpoints, logs and the voice go; "" = runs/<name>
    audio: AudioConfig = field(default_factory=AudioConfig)
    pitch: PitchConfig = field(default_factory=PitchConfig)
    data: DataConfig = field(default_factory=DataConfig)
    model: ModelConfig = field(default_factory=ModelConfig)
    train: TrainConfig = field(default_factory=TrainConfig)
    align: AlignConfig = field(default_factory=AlignConfig)  # the built-in aligner, for corpora without alignments


@dataclass
class LoadedConfig:
    """A resolved config, where each key came from, and the recipe it was loaded from."""

    config: RunConfig
    origins: Origins
    source: Path

    def resolve_path(self, value: str) -> Path:
        """A path from the config: absolute as is, else relative to the recipe's folder."""
        path = Path(value).expanduser()
        return path if path.is_absolute() else (self.source.parent / path)

    @property
    def run_dir(self) -> Path:
        value = self.config.run_dir or f"runs/{self.config.name}"
        path = Path(value).expanduser()
        return path if path.is_absolute() else Path.cwd() / path


# ----------------------------------------------------------------------------- loading YAML


def _read_yaml(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise ConfigError(f"config file not found: {path}")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        raise ConfigError(f"{path}{where}: not valid YAML ({getattr(err, 'problem', err)})") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not a UTF-8 text file") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the top level must be a mapping of keys, not {type(data).__name__}")
    return data


def _merge(dst: dict, dst_origins: Origins, src: dict, origin: str, prefix: str = "") -> None:
    """Deep-merge ``src`` into ``dst`` in place, recording the origin of every leaf."""
    for key, value in src.items():
        if not isinstance(key, str):
            raise ConfigError(f"{origin}: key {key!r} under {prefix or 'top level'} must be a string")
        dotted = f"{prefix}{key}"
        if isinstance(value, dict) and isinstance(dst.get(key), dict):
            _merge(dst[key], dst_origins, value, origin, dotted + ".")
        else:
            for old in [k for k in dst_origins if k == dotted or k.startswith(dotted + ".")]:
                del dst_origins[old]
            dst[key] = _copy(value)
            _record(dst_origins, dotted, value, origin)


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


def _record(origins: Origins, dotted: str, value: Any, origin: str) -> None:
    origins[dotted] = origin
    if isinstance(value, dict):
        for key, sub in value.items():
            _record(origins, f"{dotted}.{key}", sub, origin)


def load_tree(path: Path, _stack: tuple[Path, ...] = ()) -> tuple[dict[str, Any], Origins]:
    """Load a YAML file and its ``base:`` chain into one merged dict plus key origins."""
    path = path.resolve()
    if path in _stack:
        chain = " -> ".join(str(p) for p in _stack + (path,))
        raise ConfigError(f"circular base: {chain}")
    own = _read_yaml(path)
    bases = own.pop("base", [])
    if isinstance(bases, str):
        bases = [bases]
    if not isinstance(bases, list) or not all(isinstance(b, str) for b in bases):
        raise ConfigError(f"{path}: 'base' must be a path or a list of paths")
    merged: dict[str, Any] = {}
    origins: Origins = {}
    for base in bases:
        base_path = Path(base) if Path(base).is_absolute() else path.parent / base
        if not base_path.is_file():
            raise ConfigError(f"{path}: base config not found: {base}")
        tree, tree_origins = load_tree(base_path, _stack + (path,))
        _merge(merged, origins, tree, "")
        origins.update({k: v for k, v in tree_origins.items()})
    _merge(merged, origins, own, str(path))
    return merged, origins


def apply_override(tree: dict[str, Any], origins: Origins, assignment: str) -> None:
    """Apply one ``a.b.c=value`` override (value parsed with ``yaml.safe_load``)."""
    if "=" not in assignment:
        raise ConfigError(f"--set {assignment!r}: expected KEY=VALUE, e.g. train.batch_size=8")
    dotted, raw = assignment.split("=", 1)
    dotted = dotted.strip()
    if not dotted or any(not part for part in dotted.split(".")):
        raise ConfigError(f"--set {assignment!r}: empty key")
    try:
        value = yaml.safe_load(raw) if raw.strip() else ""
    except yaml.YAMLError:
        raise ConfigError(f"--set {assignment!r}: value is not valid YAML") from None
    *parents, leaf = dotted.split(".")
    node = tree
    for part in parents:
        child = node.setdefault(part, {})
        if not isinstance(child, dict):
            raise ConfigError(f"--set {dotted}: {part!r} is not a section")
        node = child
    _merge(node, origins, {leaf: value}, "--set", ".".join(parents) + "." if parents else "")


# ----------------------------------------------------------------------------- strict building


def _type_name(tp: Any) -> str:
    return getattr(tp, "__name__", None) or str(tp).replace("typing.", "")


def _where(origins: Origins, dotted: str) -> str:
    origin = origins.get(dotted)
    while origin is None and "." in dotted:
        dotted = dotted.rsplit(".", 1)[0]
        origin = origins.get(dotted)
    return f" (in {origin})" if origin else ""


def _coerce(tp: Any, value: Any, dotted: str, origins: Origins) -> Any:
    """Check ``value`` against the annotation ``tp``; return it (ints widen to floats)."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    bad = ConfigError(
        f"config key {dotted!r}{_where(origins, dotted)}: expected {_type_name(tp)}, "
        f"got {type(value).__name__} {value!r}"
    )
    if tp is Any:
        return value
    if origin in (Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        errors = []
        for arg in (a for a in args if a is not type(None)):
            try:
                return _coerce(arg, value, dotted, origins)
            except ConfigError as err:
                errors.append(err)
        raise bad
    if origin is Literal:
        if value not in args:
            allowed = ", ".join(repr(a) for a in args)
            raise ConfigError(f"config key {dotted!r}{_where(origins, dotted)}: {value!r} is not one of {allowed}")
        return value
    if dataclasses.is_dataclass(tp):
        if not isinstance(value, dict):
            raise bad
        return build_dataclass(tp, value, origins, dotted + ".")
    if origin is list:
        if not isinstance(value, list):
            raise bad
        return [_coerce(args[0], v, f"{dotted}[{i}]", origins) for i, v in enumerate(value)]
    if origin is tuple:
        if not isinstance(value, (list, tuple)):
            raise bad
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_coerce(args[0], v, f"{dotted}[{i}]", origins) for i, v in enumerate(value))
        if len(value) != len(args):
            raise bad
        return tuple(_coerce(a, v, f"{dotted}[{i}]", origins) for i, (a, v) in enumerate(zip(args, value)))
    if origin is dict:
        if not isinstance(value, dict):
            raise bad
        return {k: _coerce(args[1], v, f"{dotted}.{k}", origins) for k, v in value.items()}
    if tp is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise bad
        return float(value)
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise bad
        return value
    if tp in (str, bool):
        if not isinstance(value, tp):
            raise bad
        return value
    raise TypeError(f"unsupported config annotation {tp!r} for {dotted}")


def build_dataclass(cls: type, data: dict[str, Any], origins: Origins, prefix: str = "") -> Any:
    """Build dataclass ``cls`` from ``data``; unknown keys, wrong types and missing keys are errors."""
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls)}
    unknown = [k for k in data if k not in fields]
    if unknown:
        key = prefix + unknown[0]
        known = ", ".join(fields)
        raise ConfigError(f"unknown config key {key!r}{_where(origins, key)}; known keys here: {known}")
    kwargs = {}
    for name, spec in fields.items():
        dotted = prefix + name
        if name in data:
            kwargs[name] = _coerce(hints[name], data[name], dotted, origins)
        elif spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING:
            raise ConfigError(f"missing required config key {dotted!r}{_where(origins, prefix.rstrip('.'))}")
    return cls(**kwargs)


def load_config(path: str | Path, overrides: list[str] | tuple[str, ...] = ()) -> LoadedConfig:
    """Load a recipe with its bases and overrides into a strict :class:`RunConfig`."""
    source = Path(path)
    if not source.is_file():
        raise ConfigError(f"recipe not found: {source}")
    tree, origins = load_tree(source)
    for assignment in overrides:
        apply_override(tree, origins, assignment)
    config = build_dataclass(RunConfig, tree, origins)
    return LoadedConfig(config=config, origins=origins, source=source.resolve())


def to_dict(config: Any) -> dict[str, Any]:
    """A plain dict of a (nested) config dataclass."""
    return dataclasses.asdict(config)


def dump_config(config: Any) -> str:
    """The fully resolved config as YAML text (what is saved next to every run's outputs)."""
    return yaml.safe_dump(to_dict(config), sort_keys=False, allow_unicode=True)


def params_for(cls: type, preset: Any, params: dict[str, Any], where: str) -> Any:
    """A model config dataclass: ``preset`` with ``params`` laid over it, strictly checked."""
    base = dataclasses.asdict(preset) if preset is not None else {}
    base.update(params)
    return build_dataclass(cls, base, {f"model.params.{k}": where for k in params}, "model.params.")


def resolve_model_config(cls: Any, preset: str, params: dict[str, Any], where: str) -> Any:
    """A registered model's config dataclass: preset ``preset`` (empty = the class's first) + ``params``.

    Training and voice loading both build models through this, so a voice rebuilds exactly the
    trained network.
    """
    presets: dict[str, Any] = getattr(cls, "presets", {}) or {}
    name = preset or next(iter(presets), "")
    if name and name not in presets:
        known = ", ".join(presets) or "none"
        raise ConfigError(f"{where}: model.preset {name!r} is not a preset of this model; available: {known}")
    return params_for(cls.config_class, presets.get(name), params, where)
