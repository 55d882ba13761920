"""Voice bundles: a folder that holds everything needed to synthesize, and nothing executable.

Layout of a voice folder::

    card.json          name, kind, model, language, audio parameters, provenance, format version,
                       the paired vocoder, speakers, and the sha256 of every other file
    model.safetensors  weights (optionally stored as fp16; loading casts back to the model's dtype)
    config.yaml        the fully resolved RunConfig (tts.config.dump_config)
    phonemes.json      the phoneme table the model was trained with (acoustic voices)
    stats.json         FeatureStats.to_dict() (acoustic voices)
    lexicon.tsv        optional user lexicon carried with the voice

Voices come from strangers, so loading only ever parses data: JSON, ``yaml.safe_load``, and
safetensors. Every problem is a :class:`~tts.errors.VoiceError` naming the file at fault.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal, Optional, Union

import torch
import yaml
from safetensors import SafetensorError
from safetensors.torch import load_file as load_safetensors
from safetensors.torch import save as save_safetensors
from torch import Tensor, nn

import tts
import tts.models  # noqa: F401  (registers the acoustic models)
import tts.models.griffinlim  # noqa: F401  (registers the "griffin-lim" vocoder name)
from tts.audio.params import AudioConfig
from tts.config import RunConfig, build_dataclass, dump_config, resolve_model_config
from tts.errors import ConfigError, InputError, VoiceError
from tts.models.base import AcousticModel, FeatureStats
from tts.registry import ACOUSTIC_MODELS, VOCODERS, Registry
from tts.text.symbols import NUM_TONES, PHONEMES

PathLike = Union[str, os.PathLike]
VoiceKind = Literal["acoustic", "vocoder"]

FORMAT_VERSION = 1  # bump when a bundle written now could not be read by the previous toolkit
GRIFFIN_LIM = "griffin-lim"  # the card's vocoder value for the weight-free fallback vocoder

CARD_FILE = "card.json"
WEIGHTS_FILE = "model.safetensors"
CONFIG_FILE = "config.yaml"
PHONEMES_FILE = "phonemes.json"
STATS_FILE = "stats.json"
LEXICON_FILE = "lexicon.tsv"
REQUIRED_FILES: dict[str, tuple[str, ...]] = {
    "acoustic": (WEIGHTS_FILE, CONFIG_FILE, PHONEMES_FILE, STATS_FILE),
    "vocoder": (WEIGHTS_FILE, CONFIG_FILE),
}
KNOWN_FILES = (WEIGHTS_FILE, CONFIG_FILE, PHONEMES_FILE, STATS_FILE, LEXICON_FILE)
_HASH_CHUNK = 1 << 20  # bytes read at a time while hashing


@dataclass
class VoiceCard:
    """``card.json``: what a voice is, where it came from, and checksums of its other files."""

    name: str  # display name; the folder name is what `--voice NAME` looks up
    kind: VoiceKind  # "acoustic" (text → mel) or "vocoder" (mel → wav)
    model: str  # registry key in ACOUSTIC_MODELS (acoustic) or VOCODERS (vocoder)
    language: str  # "zh"
    sample_rate: int  # Hz of the audio the voice was trained on
    hop_length: int  # samples per mel frame
    n_mels: int  # mel bands
    trained_on: str  # free text: corpus and steps
    toolkit_version: str  # tts.__version__ that wrote the bundle
    format_version: int  # bundle layout version (FORMAT_VERSION)
    vocoder: str = GRIFFIN_LIM  # paired vocoder voice: a name, a path relative to this folder, or griffin-lim
    speakers: list[str] = field(default_factory=list)  # speaker names in embedding order; [] = single
    n_speakers: int = 1  # the model's speaker count as built (0 or 1: no speaker embedding)
    n_tones: int = NUM_TONES  # the model's tone embedding size (as built)
    files: dict[str, str] = field(default_factory=dict)  # file name → sha256 hex of every other file

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=1, ensure_ascii=False) + "\n"


@dataclass
class LoadedVoice:
    """A verified voice, its model built and loaded (eval mode) on the requested device."""

    card: VoiceCard
    config: RunConfig
    model: nn.Module  # an AcousticModel for acoustic voices, a vocoder module for vocoder voices
    stats: Optional[FeatureStats]  # None for vocoder voices that carry no statistics
    speakers: list[str]
    path: Path
    phonemes: list[str] = field(default_factory=list)  # the voice's phoneme table ([] for vocoders)
    lexicon_path: Optional[Path] = None  # the voice's lexicon.tsv, when it carries one

    @property
    def audio(self) -> AudioConfig:
        return self.config.audio


# ----------------------------------------------------------------------------- small helpers


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(_HASH_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _registry(kind: str) -> Registry:
    return ACOUSTIC_MODELS if kind == "acoustic" else VOCODERS


# ----------------------------------------------------------------------------- export


def _state_for_export(model: nn.Module, fp16: bool) -> dict[str, Tensor]:
    """Contiguous CPU copies of the state dict (no shared storage), floats optionally as fp16."""
    state: dict[str, Tensor] = {}
    for key, value in model.state_dict().items():
        tensor = value.detach().to("cpu")
        if tensor.is_floating_point():
            if not bool(torch.isfinite(tensor).all()):
                raise VoiceError(f"cannot export: weight {key!r} holds NaN or infinite values")
            if fp16:
                tensor = tensor.half()
                if not bool(torch.isfinite(tensor).all()):
                    raise VoiceError(f"cannot export as fp16: weight {key!r} overflows half precision")
        state[key] = tensor.contiguous().clone()
    return state


def _model_kind(model: nn.Module, model_name: str) -> VoiceKind:
    kind: VoiceKind = "acoustic" if isinstance(model, AcousticModel) else "vocoder"
    cls = _registry(kind).get(model_name)  # ConfigError listing known names when unregistered
    if not isinstance(model, cls):
        raise ConfigError(
            f"model.name {model_name!r} names {cls.__name__}, but the model to export is a "
            f"{type(model).__name__}"
        )
    return kind


def _write_bundle(
    folder: Path,
    model: nn.Module,
    run_config: RunConfig,
    stats: Optional[FeatureStats],
    card: VoiceCard,
    fp16: bool,
    lexicon: Optional[Path],
) -> None:
    """Write every file of a bundle into the fresh staging ``folder`` (card last, with checksums).

    Plain writes suffice: the whole folder is published with one rename once complete.
    """
    payloads: dict[str, bytes] = {
        WEIGHTS_FILE: save_safetensors(
            _state_for_export(model, fp16), metadata={"format": "pt", "dtype": "fp16" if fp16 else "native"}
        ),
        CONFIG_FILE: dump_config(run_config).encode("utf-8"),
    }
    if card.kind == "acoustic":
        payloads[PHONEMES_FILE] = (json.dumps(list(PHONEMES), ensure_ascii=False) + "\n").encode("utf-8")
    if stats is not None:
        payloads[STATS_FILE] = (json.dumps(stats.to_dict(), indent=1) + "\n").encode("utf-8")
    if lexicon is not None:
        from tts.text.overrides import Lexicon

        Lexicon.from_file(lexicon)  # a malformed lexicon is an InputError naming file:line
        payloads[LEXICON_FILE] = lexicon.read_bytes()
    for name, data in payloads.items():
        (folder / name).write_bytes(data)
        card.files[name] = hashlib.sha256(data).hexdigest()
    (folder / CARD_FILE).write_text(card.to_json(), encoding="utf-8")


def _same_voice(old: Path, new: Path) -> bool:
    """Whether two bundles hold the same voice: equal cards (but for the weights' checksum, since
    safetensors headers are not byte-stable) and equal weights, tensor by tensor."""
    try:
        cards = [json.loads((folder / CARD_FILE).read_text(encoding="utf-8")) for folder in (old, new)]
        for card in cards:
            card["files"].pop(WEIGHTS_FILE)
        if cards[0] != cards[1]:
            return False
        a, b = (load_safetensors(str(folder / WEIGHTS_FILE)) for folder in (old, new))
    except (OSError, ValueError, KeyError, TypeError, AttributeError, SafetensorError):
        return False  # an unreadable old voice is not the same voice
    return a.keys() == b.keys() and all(a[k].dtype == b[k].dtype and torch.equal(a[k], b[k]) for k in a)


def _install(staged: Path, target: Path, overwrite: bool) -> None:
    """Move the finished bundle ``staged`` to ``target``, replacing an old voice only if allowed."""
    if target.is_symlink() or target.is_file():
        raise VoiceError(f"cannot export to {target}: it exists and is not a folder")
    if target.is_dir():
        old_card = target / CARD_FILE
        if old_card.is_file():
            if not overwrite and not _same_voice(target, staged):
                raise VoiceError(
                    f"{target} already holds a different voice; choose another folder or overwrite it"
                )
        elif any(target.iterdir()):
            raise VoiceError(f"cannot export to {target}: the folder is not empty and is not a voice")
        backup = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.old-"))
        os.replace(target, backup / target.name)
        try:
            os.replace(staged, target)
        except BaseException:
            os.replace(backup / target.name, target)  # put the old voice back
            raise
        finally:
            shutil.rmtree(backup, ignore_errors=True)
        return
    os.replace(staged, target)


def export_voice(
    out_dir: PathLike,
    model: nn.Module,
    run_config: RunConfig,
    stats: Optional[FeatureStats],
    name: str,
    trained_on: str,
    vocoder: str = GRIFFIN_LIM,
    fp16: bool = False,
    speakers: Optional[list[str]] = None,
    lexicon: Optional[PathLike] = None,
    overwrite: bool = False,
) -> Path:
    """Write ``model`` as a voice folder at ``out_dir`` and return its path.

    The bundle is written into a temporary sibling folder, verified by loading it back, then
    renamed into place, so ``out_dir`` is never half-written. An existing *different* voice at
    ``out_dir`` is only replaced when ``overwrite`` is true; a non-empty folder that is not a voice
    is never touched.

    Args:
        model: an AcousticModel (kind "acoustic") or a registered vocoder module (kind "vocoder"),
            whose class is registered under ``run_config.model.name``.
        stats: the FeatureStats the model was built with (required for acoustic models).
        vocoder: for acoustic voices, the vocoder voice to pair with: a voice name, a path relative
            to the exported folder, or "griffin-lim".
        fp16: store floating-point weights in half precision (half the size).
        speakers: speaker names in embedding-id order, for multi-speaker models.
        lexicon: a user lexicon (``word<TAB>pinyin`` lines) to carry with the voice.
    """
    target = Path(out_dir).expanduser().absolute()
    kind = _model_kind(model, run_config.model.name)
    if kind == "acoustic" and stats is None:
        raise VoiceError("cannot export an acoustic voice without its feature statistics")
    if kind == "acoustic" and not vocoder:
        raise VoiceError(f"an acoustic voice needs a vocoder: a vocoder voice name or {GRIFFIN_LIM!r}")
    speaker_list = list(speakers or [])
    n_speakers = getattr(model, "n_speakers", None)
    if not isinstance(n_speakers, int):
        n_speakers = max(1, len(speaker_list))
    if speaker_list and len(speaker_list) != n_speakers:
        raise VoiceError(f"{len(speaker_list)} speaker names given, but the model has {n_speakers} speakers")
    audio = run_config.audio
    card = VoiceCard(
        name=name, kind=kind, model=run_config.model.name, language="zh",
        sample_rate=audio.sample_rate, hop_length=audio.hop_length, n_mels=audio.n_mels,
        trained_on=trained_on, toolkit_version=tts.__version__, format_version=FORMAT_VERSION,
        vocoder=vocoder if kind == "acoustic" else "", speakers=speaker_list, n_speakers=n_speakers,
    )  # fmt: skip
    target.parent.mkdir(parents=True, exist_ok=True)
    staged = target.parent / f".{target.name}.new-{secrets.token_hex(6)}"
    staged.mkdir()  # unlike mkdtemp, honours the umask: the published voice is readable as usual
    try:
        _write_bundle(staged, model, run_config, stats, card,
                      fp16, Path(lexicon) if lexicon is not None else None)  # fmt: skip
        try:
            load_voice(staged)  # the bundle must load before it is published
        except VoiceError as err:
            raise VoiceError(f"not exporting to {target}: the written voice does not load back ({err})") from None
        _install(staged, target, overwrite)
    finally:
        shutil.rmtree(staged, ignore_errors=True)
    return target


# ----------------------------------------------------------------------------- loading


def _incomplete(folder: Path, file: str) -> VoiceError:
    return VoiceError(f"{folder / file} is missing: the voice folder {folder} is incomplete")


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise VoiceError(f"{path} is not valid JSON ({err})") from None


def _card_value(data: dict[str, Any], key: str, kind: type, path: Path) -> Any:
    if key not in data:
        raise VoiceError(f"{path} has no {key!r} field")
    value = data[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise VoiceError(f"{path}: field {key!r} has the wrong type ({type(value).__name__})")
    return value


def read_card(folder: Path) -> VoiceCard:
    """Parse and check ``card.json`` of a voice folder (checksums are verified by load_voice)."""
    path = folder / CARD_FILE
    if not path.is_file():
        raise VoiceError(f"{folder} is not a voice folder: {CARD_FILE} is missing")
    data = _read_json(path)
    if not isinstance(data, dict):
        raise VoiceError(f"{path} must hold a JSON object")
    version = _card_value(data, "format_version", int, path)
    toolkit = data.get("toolkit_version", "unknown")
    if version > FORMAT_VERSION:
        raise VoiceError(
            f"{path}: voice format version {version} is newer than this toolkit (tts {tts.__version__}) "
            f"reads (up to {FORMAT_VERSION}); it was written by tts {toolkit}: upgrade to tts {toolkit} "
            "or later to use it"
        )
    if version < 1:
        raise VoiceError(f"{path}: invalid format_version {version}")
    strings = ("name", "kind", "model", "language", "trained_on", "toolkit_version")
    values: dict[str, Any] = {key: _card_value(data, key, str, path) for key in strings}
    for key in ("sample_rate", "hop_length", "n_mels"):
        values[key] = _card_value(data, key, int, path)
        if values[key] <= 0:
            raise VoiceError(f"{path}: field {key!r} must be positive, got {values[key]}")
    if values["kind"] not in REQUIRED_FILES:
        raise VoiceError(f"{path}: kind must be 'acoustic' or 'vocoder', got {values['kind']!r}")
    values["vocoder"] = data.get("vocoder", GRIFFIN_LIM if values["kind"] == "acoustic" else "")
    speakers = data.get("speakers", [])
    if not isinstance(values["vocoder"], str):
        raise VoiceError(f"{path}: field 'vocoder' must be a string")
    if not isinstance(speakers, list) or not all(isinstance(s, str) for s in speakers):
        raise VoiceError(f"{path}: field 'speakers' must be a list of names")
    files = _card_value(data, "files", dict, path)
    for file, digest in files.items():
        if file not in KNOWN_FILES or not isinstance(digest, str):
            raise VoiceError(f"{path}: unexpected entry {file!r} in 'files'")
    n_speakers = data.get("n_speakers", max(1, len(speakers)))
    n_tones = data.get("n_tones", NUM_TONES)
    for key, value, least in (("n_speakers", n_speakers, 0), ("n_tones", n_tones, 1)):
        if isinstance(value, bool) or not isinstance(value, int) or value < least:
            raise VoiceError(f"{path}: field {key!r} must be an integer >= {least}")
    if speakers and len(speakers) != n_speakers:
        raise VoiceError(f"{path}: {len(speakers)} speaker names for a model with {n_speakers} speakers")
    return VoiceCard(**values, format_version=version, speakers=list(speakers),
                     n_speakers=n_speakers, n_tones=n_tones, files=dict(files))  # fmt: skip


def verify_files(folder: Path, card: VoiceCard) -> None:
    """Every required file exists and every file matches its checksum in the card."""
    for file in REQUIRED_FILES[card.kind]:
        if not (folder / file).is_file():
            raise _incomplete(folder, file)
        if file not in card.files:
            raise VoiceError(f"{folder / CARD_FILE} lists no checksum for {file}; the card is incomplete")
    if (folder / LEXICON_FILE).exists() and LEXICON_FILE not in card.files:
        raise VoiceError(f"{folder / LEXICON_FILE} is not listed in {CARD_FILE}: the voice has been modified")
    for file, expected in card.files.items():
        path = folder / file
        if not path.is_file():
            raise _incomplete(folder, file)
        if sha256_file(path) != expected.lower():
            raise VoiceError(
                f"{path} has been modified since the voice was exported (sha256 mismatch); "
                "re-export or re-download the voice"
            )


def read_phoneme_table(path: Path) -> list[str]:
    """``phonemes.json``: must equal this toolkit's PHONEMES or a prefix of it (an older table)."""
    table = _read_json(path)
    if not isinstance(table, list) or not all(isinstance(p, str) for p in table) or not table:
        raise VoiceError(f"{path} must be a non-empty JSON list of phoneme symbols")
    if len(table) > len(PHONEMES) or tuple(table) != PHONEMES[: len(table)]:
        first = next((i for i, (a, b) in enumerate(zip(table, PHONEMES)) if a != b), len(PHONEMES))
        got = table[first] if first < len(table) else "?"
        expected = PHONEMES[first] if first < len(PHONEMES) else "(end of table)"
        raise VoiceError(
            f"{path}: the voice's phoneme table does not match this toolkit's (id {first}: voice has "
            f"{got!r}, toolkit has {expected!r}); the voice needs a different tts version"
        )
    return table


def _read_stats(path: Path) -> FeatureStats:
    data = _read_json(path)
    if not isinstance(data, dict):
        raise VoiceError(f"{path} must hold a JSON object of feature statistics")
    try:
        return FeatureStats.from_dict(data)
    except (InputError, TypeError) as err:
        raise VoiceError(f"{path}: invalid feature statistics ({err})") from None


def _read_config(path: Path) -> RunConfig:
    try:
        tree = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as err:
        raise VoiceError(f"{path} is not valid YAML ({err})") from None
    if not isinstance(tree, dict):
        raise VoiceError(f"{path} must hold a mapping of config keys")
    try:
        return build_dataclass(RunConfig, tree, {})
    except ConfigError as err:
        raise VoiceError(f"{path}: {err}") from None


def _check_card_matches_config(card: VoiceCard, config: RunConfig, folder: Path) -> None:
    audio = config.audio
    for key in ("sample_rate", "hop_length", "n_mels"):
        if getattr(card, key) != getattr(audio, key):
            raise VoiceError(
                f"{folder}: {CARD_FILE} says {key}={getattr(card, key)} but {CONFIG_FILE} says "
                f"audio.{key}={getattr(audio, key)}"
            )
    if card.model != config.model.name:
        raise VoiceError(f"{folder}: {CARD_FILE} names model {card.model!r}, {CONFIG_FILE} {config.model.name!r}")


def _build_model(card: VoiceCard, config: RunConfig, stats: Optional[FeatureStats],
                 n_vocab: int, folder: Path) -> nn.Module:
    """The untrained network the weights belong to, exactly as training built it."""
    where = str(folder / CONFIG_FILE)
    try:
        cls = _registry(card.kind).get(card.model)
        model_config = resolve_model_config(cls, config.model.preset, config.model.params, where)
        if card.kind == "acoustic":
            return cls(model_config, n_mels=card.n_mels, n_vocab=n_vocab, n_tones=card.n_tones,
                       n_speakers=card.n_speakers, stats=stats)  # fmt: skip
        return cls(model_config, audio=config.audio)
    except (ConfigError, InputError) as err:
        raise VoiceError(f"{folder}: cannot build the voice's model ({err})") from None


def _load_weights(model: nn.Module, path: Path) -> None:
    """Load ``model.safetensors`` strictly, casting stored dtypes to the model's (fp16 → fp32)."""
    try:
        stored = load_safetensors(str(path), device="cpu")
    except (SafetensorError, OSError, ValueError, RuntimeError) as err:
        raise VoiceError(f"{path} is not a readable safetensors file ({err})") from None
    expected = model.state_dict()
    missing = sorted(set(expected) - set(stored))
    unexpected = sorted(set(stored) - set(expected))
    if missing or unexpected:
        detail = (f"missing {', '.join(missing[:3])}" if missing else "") + (
            f"{'; ' if missing else ''}unexpected {', '.join(unexpected[:3])}" if unexpected else "")
        raise VoiceError(f"{path} does not match the model in {CONFIG_FILE}: {detail}")
    state: dict[str, Tensor] = {}
    for key, want in expected.items():
        have = stored[key]
        if tuple(have.shape) != tuple(want.shape):
            raise VoiceError(
                f"{path}: weight {key!r} has shape {tuple(have.shape)}, the model in {CONFIG_FILE} "
                f"expects {tuple(want.shape)}"
            )
        if have.is_floating_point() != want.is_floating_point():
            raise VoiceError(f"{path}: weight {key!r} has dtype {have.dtype}, expected {want.dtype}")
        state[key] = have.to(want.dtype)
    try:
        model.load_state_dict(state, strict=True)
    except RuntimeError as err:
        raise VoiceError(f"{path} does not fit the model ({str(err).splitlines()[0]})") from None


def load_voice(path: PathLike, device: str | torch.device = "cpu") -> LoadedVoice:
    """Verify and load a voice folder; the model is in eval mode on ``device`` (see
    :func:`tts.train.distributed.pick_device`: ``auto``, ``cpu``, ``cuda``, ``cuda:N``)."""
    from tts.train.distributed import pick_device

    device = pick_device(device)
    folder = Path(path).expanduser()
    if not folder.is_dir():
        raise VoiceError(f"voice folder not found: {folder}")
    card = read_card(folder)
    verify_files(folder, card)
    config = _read_config(folder / CONFIG_FILE)
    _check_card_matches_config(card, config, folder)
    phonemes: list[str] = []
    stats: Optional[FeatureStats] = None
    if card.kind == "acoustic":
        phonemes = read_phoneme_table(folder / PHONEMES_FILE)
        stats = _read_stats(folder / STATS_FILE)
    elif STATS_FILE in card.files:
        stats = _read_stats(folder / STATS_FILE)
    model = _build_model(card, config, stats, len(phonemes), folder)
    _load_weights(model, folder / WEIGHTS_FILE)
    model.eval().to(device)
    lexicon = folder / LEXICON_FILE if LEXICON_FILE in card.files else None
    return LoadedVoice(card=card, config=config, model=model, stats=stats, speakers=list(card.speakers),
                       path=folder, phonemes=phonemes, lexicon_path=lexicon)  # fmt: skip
