"""tts: Mandarin text-to-speech and singing-voice synthesis."""

__version__ = "0.1.0"
