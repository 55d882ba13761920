"""Thin launcher for running from a checkout: ``python cli.py --help`` is ``tts --help``."""

from tts.cli import main

if __name__ == "__main__":
    main()
