"""The demo singing corpus (``tts corpus demo-sing``): its layout, its records, and its reader.

Layout under the corpus root (written by :mod:`tts.data.demo_sing`)::

    segments/transcriptions.txt   Opencpop lines id|lyrics|phonemes|notes|note_durs|phone_durs|slurs
    segments/wavs/<id>.wav        mono 16-bit PCM
    scores/<id>.json              the exact record of one song (notes, phones, F0 file), see below
    f0/<id>.npy                   float32 [frames] target F0 in Hz (0 = unvoiced), frame i at i * timestep
    metadata.json, README.md      counts, seconds, seed, settings; a description of all this

A record (``scores/<id>.json``)::

    {"version": 1, "id": "sing_000001", "text": "今天我们去公园", "pinyin": ["jin1", …],
     "sample_rate": 22050, "num_samples": 187425, "duration": 8.5, "fingerprint": "…",
     "f0": {"path": "f0/sing_000001.npy", "timestep": 0.005, "frames": 1701},
     "notes": [{"midi": 0, "start": 0.0, "end": 0.42, "slur": 0, "syllable": null, "rest": "SP"},
               {"midi": 62, "start": 0.42, "end": 0.9, "slur": 0, "syllable": 0, "rest": null}, …],
     "phones": [{"phone": "SP", "start": 0.0, "end": 0.33, "note": 0},
                {"phone": "j", "start": 0.33, "end": 0.42, "note": 1}, …]}

Times are seconds (sample positions / sample rate, rounded to 1 µs). Phones are contiguous from 0
to ``duration``; each names the note it is sung on: an initial consonant carries its syllable's
note but sits *before* that note's onset (the vowel starts exactly on the onset), a melisma's
vowel is one phone per note (slur 1 on the extra notes), and a rest note holds one ``SP``
(silence) or ``AP`` (breath) phone. The reader yields items with the exact alignment, tones all 0,
and ``extra`` = ``{"notes", "note_midi", "note_durs", "slurs"}`` per phone (as the Opencpop and
M4Singer readers do) plus ``"f0_path"`` and ``"f0_timestep"`` (the ground-truth F0 curve).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

from tts.data.corpora.base import Corpus, CorpusBuilder, corpus_reader, read_lines, require_file
from tts.data.corpora.singing import midi_to_note, singing_extra
from tts.data.items import Item, PhoneInterval
from tts.errors import InputError
from tts.text.symbols import BREATH, PAD, PHONEME_TO_ID, SILENCE

SPEAKER = "demo-sing"  # one singer for the whole corpus
RECORD_VERSION = 1  # of scores/<id>.json; raise it when the rendering changes, to re-render
TRANSCRIPT = Path("segments") / "transcriptions.txt"
WAV_DIR = Path("segments") / "wavs"
SCORE_DIR = Path("scores")
F0_DIR = Path("f0")
CONTIGUITY_TOLERANCE_S = 2e-6  # two 1 µs roundings between one phone's end and the next start
REST_PHONES = (SILENCE, BREATH)
REQUIRED_KEYS = ("id", "text", "sample_rate", "num_samples", "f0")  # besides notes, phones, duration


def wav_path(root: Path, item_id: str) -> Path:
    return root / WAV_DIR / f"{item_id}.wav"


def score_path(root: Path, item_id: str) -> Path:
    return root / SCORE_DIR / f"{item_id}.json"


def f0_path(root: Path, item_id: str) -> Path:
    return root / F0_DIR / f"{item_id}.npy"


def opencpop_line(record: dict) -> str:
    """The Opencpop transcription line of a record (durations with 6 decimals)."""
    notes = record["notes"]
    phones = record["phones"]
    names, note_durs, phone_durs, slurs = [], [], [], []
    for phone in phones:
        note = notes[phone["note"]]
        names.append(midi_to_note(int(note["midi"])))
        note_durs.append(f"{note['end'] - note['start']:.6f}")
        phone_durs.append(f"{phone['end'] - phone['start']:.6f}")
        slurs.append(str(int(note["slur"])))
    fields = [record["id"], record["text"], " ".join(p["phone"] for p in phones), " ".join(names),
              " ".join(note_durs), " ".join(phone_durs), " ".join(slurs)]
    return "|".join(fields)


def load_record(path: Path) -> dict:
    """Read and check one ``scores/<id>.json``; any defect is an InputError naming the file."""
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        notes, phones = record["notes"], record["phones"]
        duration = float(record["duration"])
        missing = [key for key in REQUIRED_KEYS if key not in record]
        if missing:
            raise KeyError(", ".join(missing))
    except FileNotFoundError:
        raise InputError(f"{path}: score record is missing") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, ValueError) as err:
        raise InputError(f"{path}: malformed score record ({type(err).__name__}: {err})") from None
    if record.get("version") != RECORD_VERSION:
        raise InputError(f"{path}: record version {record.get('version')!r}, expected {RECORD_VERSION}")
    if not phones or not notes:
        raise InputError(f"{path}: record has no phones or no notes")
    previous_end = 0.0
    for number, phone in enumerate(phones, 1):
        name = phone.get("phone")
        if name not in PHONEME_TO_ID or name == PAD:
            raise InputError(f"{path}: phone {number}: {name!r} is not in the phoneme inventory")
        if abs(phone["start"] - previous_end) > CONTIGUITY_TOLERANCE_S or phone["end"] <= phone["start"]:
            raise InputError(f"{path}: phone {number} ({name}) spans {phone['start']}-{phone['end']} "
                             f"but the previous phone ends at {previous_end}")
        if not isinstance(phone.get("note"), int) or not 0 <= phone["note"] < len(notes):
            raise InputError(f"{path}: phone {number} ({name}) names no valid note")
        rest = notes[phone["note"]].get("rest")
        if (name in REST_PHONES) != (rest is not None):
            raise InputError(f"{path}: phone {number} ({name}) sits on a "
                             f"{'rest' if rest else 'pitched note'}")
        previous_end = phone["end"]
    if abs(previous_end - duration) > CONTIGUITY_TOLERANCE_S:
        raise InputError(f"{path}: phones end at {previous_end} s but the audio lasts {duration} s")
    return record


def item_from_record(record: dict, root: Path) -> Item:
    """The corpus item of a checked record."""
    notes, phones = record["notes"], record["phones"]
    names = [midi_to_note(int(notes[p["note"]]["midi"])) for p in phones]
    note_durs = [round(notes[p["note"]]["end"] - notes[p["note"]]["start"], 6) for p in phones]
    slurs = [int(notes[p["note"]]["slur"]) for p in phones]
    extra = singing_extra(names, note_durs, slurs)
    extra["f0_path"] = str(root / record["f0"]["path"])
    extra["f0_timestep"] = float(record["f0"]["timestep"])
    return Item(
        id=record["id"],
        audio_path=wav_path(root, record["id"]),
        text=record["text"],
        speaker=SPEAKER,
        alignment=[PhoneInterval(p["phone"], float(p["start"]), float(p["end"])) for p in phones],
        tones=[0] * len(phones),
        extra=extra,
    )


def _transcript_id(line: str) -> Optional[str]:
    head = line.split("|", 1)[0].strip()
    return head or None


@corpus_reader("demo-sing")
def read_demo_sing(root: Path, options: dict) -> Corpus:
    """Items of a ``tts corpus demo-sing`` folder, with exact alignment, notes and F0 files.

    The transcript lists the songs (it is written last, so a half-built folder is refused);
    each song's record supplies the exact times. A record that is missing, malformed or
    disagrees with its transcript line is reported as a problem and skipped.
    """
    transcript = require_file(root / TRANSCRIPT, "demo-sing")
    builder = CorpusBuilder()
    for number, raw in enumerate(read_lines(transcript), start=1):
        if not raw.strip():
            continue
        item_id = _transcript_id(raw)
        if item_id is None:
            builder.problem(transcript, number, "empty segment id")
            continue
        try:
            record = load_record(score_path(root, item_id))
            if opencpop_line(record) != raw.strip():
                raise InputError(f"{score_path(root, item_id)}: record disagrees with the transcript line")
            if not f0_path(root, item_id).is_file():
                raise InputError(f"{f0_path(root, item_id)}: F0 curve is missing")
        except InputError as error:
            builder.problem(transcript, number, str(error))
            continue
        builder.add(item_from_record(record, root), transcript, number)
    return builder.build()
