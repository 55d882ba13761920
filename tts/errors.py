"""User-facing errors.

Anything a user can cause (bad text, a malformed file, a missing voice) raises a subclass of
:class:`TTSError`. The command line prints its message on one line and exits non-zero without a
traceback; library users catch it like any exception.
"""

from __future__ import annotations


class TTSError(Exception):
    """An error caused by input the user controls; its message says what to fix."""


class ConfigError(TTSError):
    """A config or recipe is missing, malformed, or has unknown / mistyped / missing keys."""


class InputError(TTSError):
    """Bad text, audio, score or corpus content; the message names the file, line or character."""


class VoiceError(TTSError):
    """A voice bundle is missing, incomplete, tampered with, or incompatible."""
