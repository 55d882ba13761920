"""Rendering lines of text to wav files, one failure never stopping the rest."""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Optional

from tts.errors import TTSError


@dataclass
class RenderRecord:
    """One rendered (or failed) line."""

    line: int
    text: str
    path: Optional[str] = None
    seconds: float = 0.0  # audio duration
    rtf: float = 0.0  # wall time / audio duration
    error: Optional[str] = None

    def to_json(self) -> dict:
        return asdict(self)


def synthesize_lines(synthesizer, lines: list[tuple[int, str]], output: Path, out_dir: Optional[Path],
                     speed: float = 1.0, pitch: float = 0.0, energy: float = 1.0, plot: bool = False,
                     progress: bool = False, noise_scale: Optional[float] = None,
                     seed: Optional[int] = None) -> list[RenderRecord]:
    """Render each ``(line_number, text)``: to ``output`` for one line, else ``out_dir/NNNN.wav``."""
    from tqdm import tqdm

    records = []
    for number, text in tqdm(lines, desc="synth", unit="line", disable=not progress):
        path = output if out_dir is None else out_dir / f"{number:04d}.wav"
        start = time.perf_counter()
        try:
            result = synthesizer.tts(text, speed=speed, pitch=pitch, energy=energy, keep_features=plot,
                                     noise_scale=noise_scale, seed=seed)
            synthesizer.write(path, result)
            if plot:
                synthesizer.plot(path.with_suffix(".png"), result)
        except TTSError as error:
            records.append(RenderRecord(number, text, error=str(error)))
            continue
        seconds = len(result.wav) / result.sample_rate
        elapsed = time.perf_counter() - start
        records.append(RenderRecord(number, text, str(path), round(seconds, 3),
                                    round(elapsed / seconds, 4) if seconds else 0.0))
    return records
