"""Finding voices by name or path.

A voice argument is either a path to a voice folder (one holding ``card.json``) or a name, looked
up as ``<root>/<name>`` in these roots, first match wins:

1. ``shipped``: the voices installed with the package (``tts/resources/voices``);
2. ``TTS_VOICES``: each folder of the ``$TTS_VOICES`` environment variable (``os.pathsep``-separated);
3. ``user``: the platform's user data folder (``platformdirs.user_data_dir("tts")/voices``).

Only ``card.json`` is read here; checksums and weights are verified when a voice is loaded.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Union

import platformdirs

from tts.errors import VoiceError
from tts.synth.voice import CARD_FILE, GRIFFIN_LIM, read_card

PathLike = Union[str, os.PathLike]
VOICES_ENV = "TTS_VOICES"
SHIPPED_VOICES = Path(__file__).resolve().parent.parent / "resources" / "voices"


@dataclass
class VoiceRoot:
    """A folder searched for voices, and what to call it when listing."""

    path: Path
    source: str  # "shipped", "TTS_VOICES" or "user"


@dataclass
class VoiceInfo:
    """One voice found on disk (from its card only; not yet verified)."""

    name: str  # the folder name, which is what a voice argument looks up
    kind: str  # "acoustic" or "vocoder"; "?" when the card is unreadable
    path: Path
    sample_rate: int  # 0 when the card is unreadable
    source: str  # the root it was found in: "shipped", "TTS_VOICES" or "user"
    display_name: str = ""  # the card's name field
    problem: Optional[str] = None  # why the card could not be read, if it could not


def user_voices_dir() -> Path:
    """Where `tts` keeps a user's voices on this platform."""
    return Path(platformdirs.user_data_dir("tts")) / "voices"


def voice_roots() -> list[VoiceRoot]:
    """The folders searched for voice names, in search order."""
    roots = [VoiceRoot(SHIPPED_VOICES, "shipped")]
    for entry in os.environ.get(VOICES_ENV, "").split(os.pathsep):
        if entry.strip():
            roots.append(VoiceRoot(Path(entry.strip()).expanduser(), VOICES_ENV))
    roots.append(VoiceRoot(user_voices_dir(), "user"))
    return roots


def _is_voice(folder: Path) -> bool:
    return (folder / CARD_FILE).is_file()


def _looks_like_path(value: str) -> bool:
    return os.sep in value or (os.altsep is not None and os.altsep in value) or value.startswith((".", "~"))


def list_voices() -> list[VoiceInfo]:
    """Every voice folder in every root, in search order (a name found twice is listed twice)."""
    found: list[VoiceInfo] = []
    for root in voice_roots():
        if not root.path.is_dir():
            continue
        for folder in sorted(p for p in root.path.iterdir() if p.is_dir() and _is_voice(p)):
            try:
                card = read_card(folder)
            except VoiceError as err:
                found.append(VoiceInfo(folder.name, "?", folder, 0, root.source, problem=str(err)))
                continue
            found.append(VoiceInfo(folder.name, card.kind, folder, card.sample_rate, root.source, card.name))
    return found


def find_voice(name_or_path: PathLike) -> Path:
    """The folder of a voice given by path or by name (see the module docstring for the search).

    Raises:
        VoiceError: nothing matches; the message lists the voices that are available.
    """
    value = os.fspath(name_or_path)
    if not value.strip():
        raise VoiceError("no voice given: pass a voice name or a path to a voice folder")
    candidate = Path(value).expanduser()
    if _is_voice(candidate):
        return candidate
    if candidate.is_dir():
        raise VoiceError(f"{candidate} is not a voice folder: it has no {CARD_FILE}")
    if _looks_like_path(value) or isinstance(name_or_path, os.PathLike):
        raise VoiceError(f"voice folder not found: {candidate}")
    for root in voice_roots():
        folder = root.path / value
        if _is_voice(folder):
            return folder
    available = sorted({info.name for info in list_voices()})
    searched = ", ".join(str(root.path) for root in voice_roots())
    listing = ", ".join(available) if available else "none installed"
    raise VoiceError(f"unknown voice {value!r}; available voices: {listing} (searched {searched})")


def find_vocoder(reference: str, relative_to: Path) -> Optional[Path]:
    """Resolve a card's ``vocoder`` field: None for Griffin-Lim, else a vocoder voice folder.

    A reference is first tried as a path relative to the acoustic voice's folder (so a voice can
    ship its vocoder beside it), then as a voice name or path.
    """
    if reference == GRIFFIN_LIM:
        return None
    beside = relative_to / reference
    if _is_voice(beside):
        return beside
    return find_voice(reference)
