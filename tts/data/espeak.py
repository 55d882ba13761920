"""espeak-ng through the ``espeakng-loader`` wheel: phonemes in, samples and phoneme events out.

The wheel bundles ``libespeak-ng`` and its data (Mandarin is voice ``cmn``); nothing is looked up
on the system and nothing is downloaded. The library is driven through ctypes in synchronous
mode: :meth:`Espeak.synthesize` returns the 16-bit samples of one call together with every
phoneme event espeak reported, each carrying the index of the first sample of that phoneme
(espeak's event ``sample`` field counts samples from the start of the call, so positions are
exact, not rounded milliseconds).

Input in ``[[...]]`` is read as espeak phoneme mnemonics (Kirshenbaum-like names from the
voice's phoneme table, ``|`` between two of them, e.g. ``[[ts.|'ong55|k|'uo35]]`` for 中国), which
pins the pronunciation of every syllable instead of leaving it to espeak's dictionary.

espeak-ng keeps global state (one voice, one callback, one set of parameters per process), so
there is one :class:`Espeak` per process (:func:`get_espeak`), and calls are serialized with a
lock. Use worker processes, not threads, for parallel synthesis. Some of that state would leak
from one call into the next (a pitch-flutter phase and a roughness cycle counter that are C
statics, formant settings derived from the first pitch parameter, the gain control after
clipping). So voices are loaded with flutter and roughness off, reloaded before every call, and
spoken below full volume: the same input always gives the same samples, whatever came before.

:meth:`Espeak.text_to_ipa` reads text in another voice without leaving it loaded (``en-us`` IPA
for English words, ``tts.text.normalize.english``).

The second half of the module spells inventory syllables (``tts.text.pinyin``) in the cmn
voice's mnemonics and maps the phoneme events of such a spelling back onto inventory phones.
"""

from __future__ import annotations

import ctypes
import getpass
import hashlib
import multiprocessing
import tempfile
import threading
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Sequence, TypeVar

import numpy as np

from tts.errors import InputError
from tts.fileio import atomic_write_text
from tts.text.pinyin import syllable_to_phones

# Values from espeak-ng's speak_lib.h (API revision 12).
_AUDIO_OUTPUT_SYNCHRONOUS = 2
_INITIALIZE_PHONEME_EVENTS = 0x0001
_CHARS_UTF8 = 1
_PHONEMES = 0x100  # text inside [[ ]] is phoneme mnemonics
_POS_CHARACTER = 1
_EVENT_LIST_TERMINATED = 0
_EVENT_PHONEME = 7
_PARAM_RATE = 1
_PARAM_VOLUME = 2
_PARAM_PITCH = 3
_PARAM_RANGE = 4
_EE_OK = 0
_PHONEME_MNEMONICS = 0  # espeak_TextToPhonemes' phonememode: espeak's own phoneme names
_PHONEME_IPA = 2  # … bit 1 set: IPA
_BUFFER_MS = 500  # audio per callback; larger buffers mean fewer Python callbacks
_RANDOM_SEED = 1  # espeak's noise generator, re-seeded before every call
# Appended to the voice file: no pitch flutter and no roughness, whose phase / cycle counters
# are C statics that run on across calls and would make equal inputs sound different.
_STEADY_SETTINGS = "flutter 0\nroughness 0\n"

RATE_MIN, RATE_MAX = 80, 450  # espeak's speaking-rate limits, words per minute
PAUSE_PREFIX = "_"  # espeak pause phonemes: "_", "_:", "_!", "_|" …
STRESS_MARKS = "',%="  # stress marks espeak may prefix to a reported phoneme name


class _EventId(ctypes.Union):
    _fields_ = [("number", ctypes.c_int), ("name", ctypes.c_char_p), ("string", ctypes.c_char * 8)]


class _Event(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("unique_identifier", ctypes.c_uint),
        ("text_position", ctypes.c_int),
        ("length", ctypes.c_int),
        ("audio_position", ctypes.c_int),  # milliseconds, truncated
        ("sample", ctypes.c_int),  # samples since the start of this synthesis call
        ("user_data", ctypes.c_void_p),
        ("id", _EventId),
    ]


_SynthCallback = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int,
                                  ctypes.POINTER(_Event))


@dataclass(frozen=True)
class PhonemeEvent:
    """One phoneme espeak spoke: its mnemonic (stress marks removed) and its first sample."""

    name: str
    sample: int

    @property
    def is_pause(self) -> bool:
        return self.name.startswith(PAUSE_PREFIX)


@dataclass(frozen=True)
class Synthesis:
    """The result of one synthesis call."""

    samples: np.ndarray  # int16 [T]
    sample_rate: int  # Hz (espeak-ng renders at 22050)
    events: tuple[PhonemeEvent, ...]  # in time order; event.sample in [0, T]

    @property
    def duration(self) -> float:
        return len(self.samples) / self.sample_rate


@dataclass(frozen=True)
class Prosody:
    """espeak speech parameters for one call, all set before every call."""

    rate: int = 175  # words per minute, RATE_MIN..RATE_MAX
    pitch: int = 50  # base pitch, 0..100
    range: int = 50  # pitch range, 0..100
    volume: int = 70  # amplitude, 0..200; below espeak's 100 so its gain control never engages

    def __post_init__(self) -> None:
        if not RATE_MIN <= self.rate <= RATE_MAX:
            raise InputError(f"espeak rate must be in {RATE_MIN}..{RATE_MAX}, got {self.rate}")
        limits = {"pitch": 100, "range": 100, "volume": 200}
        for name, top in limits.items():
            value = getattr(self, name)
            if not 0 <= value <= top:
                raise InputError(f"espeak {name} must be in 0..{top}, got {value}")


def _steady_voice_file(voice: str, content: str) -> Path:
    """A voice file holding ``content``, in a per-user folder under the temporary directory.

    The name carries a hash of the content, so processes share one file, it is never stale, and
    nothing accumulates; it is written to a temporary name first and renamed into place.
    """
    digest = hashlib.sha1(content.encode("utf-8")).hexdigest()[:12]
    folder = Path(tempfile.gettempdir()) / f"tts-espeak-{getpass.getuser()}"
    path = folder / f"{voice}-steady-{digest}"
    if path.is_file() and path.read_text(encoding="utf-8") == content:
        return path
    atomic_write_text(path, content)
    return path


def _library_and_data() -> tuple[str, str]:
    try:
        import espeakng_loader
    except ImportError:  # pragma: no cover - a declared dependency
        raise InputError("espeak-ng is unavailable: install 'espeakng-loader'") from None
    return espeakng_loader.get_library_path(), espeakng_loader.get_data_path()


class Espeak:
    """A loaded espeak-ng with one voice. Create through :func:`get_espeak` (one per process)."""

    def __init__(self, voice: str = "cmn") -> None:
        lib_path, data_path = _library_and_data()
        self._lib = ctypes.CDLL(lib_path)
        self._lib.espeak_Initialize.restype = ctypes.c_int
        self._lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p,
                                                ctypes.c_int]
        self._lib.espeak_Synth.restype = ctypes.c_int
        self._lib.espeak_Synth.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_uint,
                                           ctypes.c_int, ctypes.c_uint, ctypes.c_uint,
                                           ctypes.c_void_p, ctypes.c_void_p]
        self._lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
        self._lib.espeak_SetVoiceByFile.argtypes = [ctypes.c_char_p]
        self._lib.espeak_ng_SetRandSeed.argtypes = [ctypes.c_long]
        self._lib.espeak_TextToPhonemes.restype = ctypes.c_char_p
        self._lib.espeak_TextToPhonemes.argtypes = [ctypes.POINTER(ctypes.c_char_p), ctypes.c_int,
                                                    ctypes.c_int]
        rate = self._lib.espeak_Initialize(_AUDIO_OUTPUT_SYNCHRONOUS, _BUFFER_MS,
                                           data_path.encode(), _INITIALIZE_PHONEME_EVENTS)
        if rate <= 0:
            raise InputError(f"espeak-ng failed to initialize with data at {data_path}")
        self.sample_rate = int(rate)
        self._data_path = Path(data_path)
        self._voice_file = b""
        self._other_voices: dict[str, bytes] = {}  # voice → its steady file, for text_to_ipa
        self._lock = threading.Lock()
        self.voice = ""
        self.set_voice(voice)
        self._chunks: list[bytes] = []
        self._events: list[PhonemeEvent] = []
        self._callback = _SynthCallback(self._on_audio)  # kept alive as long as self
        self._lib.espeak_SetSynthCallback(self._callback)

    def set_voice(self, voice: str) -> None:
        """Switch to espeak voice ``voice`` (``cmn`` is Mandarin), in its deterministic form.

        The voice file is copied with :data:`_STEADY_SETTINGS` appended (see
        :func:`_steady_voice_file`), and that copy is reloaded before every call.
        """
        voice_file = self._steady_voice(voice)
        with self._lock:
            self._voice_file = voice_file
            self._load_voice()
            self.voice = voice

    def _steady_voice(self, voice: str) -> bytes:
        """The path of the deterministic copy of voice file ``voice``, as espeak takes it."""
        matches = [p for p in sorted((self._data_path / "lang").rglob("*"))
                   if p.is_file() and p.name.lower() == voice.lower()]
        if not matches:
            raise InputError(f"espeak-ng has no voice {voice!r} under {self._data_path / 'lang'}")
        text = matches[0].read_text(encoding="utf-8", errors="replace")
        return str(_steady_voice_file(voice, f"{text}\n{_STEADY_SETTINGS}")).encode()

    def _load_voice(self) -> None:
        status = self._lib.espeak_SetVoiceByFile(self._voice_file)
        if status != _EE_OK:
            raise InputError(f"espeak-ng could not load voice {self._voice_file!r} "
                             f"(status {status})")

    def _on_audio(self, wav: ctypes.POINTER(ctypes.c_short), count: int,
                  events: ctypes.POINTER(_Event)) -> int:
        if wav and count > 0:
            self._chunks.append(ctypes.string_at(wav, count * 2))
        i = 0
        while events[i].type != _EVENT_LIST_TERMINATED:
            event = events[i]
            if event.type == _EVENT_PHONEME:
                name = event.id.string.decode("utf-8", errors="replace").lstrip(STRESS_MARKS)
                self._events.append(PhonemeEvent(name, int(event.sample)))
            i += 1
        return 0  # continue synthesis

    def synthesize(self, text: str, prosody: Prosody = Prosody()) -> Synthesis:
        """Speak ``text`` (``[[...]]`` parts are phoneme mnemonics); samples and events."""
        if not text.strip():
            raise InputError("espeak: nothing to synthesize (empty text)")
        data = text.encode("utf-8") + b"\0"
        with self._lock:
            self._chunks, self._events = [], []
            self._load_voice()  # resets voice state a previous call's pitch setting leaves behind
            self._lib.espeak_ng_SetRandSeed(_RANDOM_SEED)
            self._lib.espeak_SetParameter(_PARAM_RATE, prosody.rate, 0)
            self._lib.espeak_SetParameter(_PARAM_PITCH, prosody.pitch, 0)
            self._lib.espeak_SetParameter(_PARAM_RANGE, prosody.range, 0)
            self._lib.espeak_SetParameter(_PARAM_VOLUME, prosody.volume, 0)
            status = self._lib.espeak_Synth(data, len(data), 0, _POS_CHARACTER, 0,
                                            _CHARS_UTF8 | _PHONEMES, None, None)
            chunks, events = self._chunks, self._events
            self._chunks, self._events = [], []
        if status != _EE_OK:
            raise InputError(f"espeak-ng could not synthesize {text!r} (status {status})")
        samples = np.frombuffer(b"".join(chunks), dtype=np.int16).copy()
        if samples.size == 0:
            raise InputError(f"espeak-ng produced no audio for {text!r}")
        if any(not 0 <= e.sample <= samples.size for e in events):
            raise InputError(f"espeak-ng reported phoneme events outside the audio for {text!r}")
        return Synthesis(samples, self.sample_rate, tuple(events))

    def text_to_phonemes(self, text: str) -> str:
        """espeak's own mnemonics for ``text`` (its dictionary's reading), for inspection."""
        with self._lock:
            return self._phonemes(text, _PHONEME_MNEMONICS)

    def text_to_ipa(self, text: str, voice: str) -> str:
        """``text`` as espeak reads it in voice ``voice``, in IPA with stress marks: ``"Python"``
        in ``en-us`` → ``"pˈaɪθən"``; words are separated by spaces.

        The engine keeps its own voice: ``voice`` is loaded for this call only, and the engine's
        voice is loaded back before the lock is released, so synthesis is unaffected. Raises
        :class:`InputError` when espeak has no such voice or cannot load it.
        """
        if voice not in self._other_voices:
            self._other_voices[voice] = self._steady_voice(voice)
        with self._lock:
            status = self._lib.espeak_SetVoiceByFile(self._other_voices[voice])
            try:
                if status != _EE_OK:
                    raise InputError(f"espeak-ng could not load voice {voice!r} (status {status})")
                return self._phonemes(text, _PHONEME_IPA)
            finally:
                self._load_voice()

    def _phonemes(self, text: str, mode: int) -> str:
        """espeak_TextToPhonemes over the whole of ``text`` (call with the lock held)."""
        pointer = ctypes.c_char_p(text.encode("utf-8"))
        parts: list[str] = []
        while pointer.value:
            out = self._lib.espeak_TextToPhonemes(ctypes.byref(pointer), _CHARS_UTF8, mode)
            parts.append((out or b"").decode("utf-8", errors="replace"))
        return " ".join(p for p in parts if p)


_ENGINE: Optional[Espeak] = None
_ENGINE_LOCK = threading.Lock()


def get_espeak(voice: Optional[str] = "cmn") -> Espeak:
    """This process's espeak-ng, switched to ``voice`` (loaded on first use); ``None`` leaves
    the voice it has (``cmn`` when this call loads it), for :meth:`Espeak.text_to_ipa`."""
    global _ENGINE
    with _ENGINE_LOCK:
        if _ENGINE is None:
            _ENGINE = Espeak(voice or "cmn")
        elif voice is not None and _ENGINE.voice != voice:
            _ENGINE.set_voice(voice)
        return _ENGINE


# --------------------------------------------------------------------------------------------
# Mandarin: inventory syllables spelled in the cmn voice's phoneme mnemonics, and the phoneme
# events of such a spelling mapped back onto inventory phones.
# --------------------------------------------------------------------------------------------

# Chao tone letters of the cmn phoneme table. Within a clause espeak itself then speaks a third
# tone before another syllable as the half third (21), a fourth tone before a fourth as 53, and
# sets the pitch of a neutral tone from the tone before it (22 / 33 / 44), shortening it.
TONE_MNEMONICS: dict[int, str] = {1: "55", 2: "35", 3: "214", 4: "51", 5: "11"}
TOKEN_SEPARATOR = "|"  # splits adjacent mnemonics without a pause ("n|j", not the phoneme "nj")
STRESS = "'"

# Initial → cmn mnemonics (espeak's own cmn dictionary uses the same consonants).
_INITIAL_TOKENS: dict[str, tuple[str, ...]] = {
    "b": ("p",), "p": ("ph",), "m": ("m",), "f": ("f",), "d": ("t",), "t": ("th",),
    "n": ("n",), "l": ("l",), "g": ("k",), "k": ("kh",), "h": ("X",), "j": ("tS;",),
    "q": ("tS;h",), "x": ("S;",), "zh": ("ts.",), "ch": ("ts.h",), "sh": ("s.",), "r": ("z.",),
    "z": ("ts",), "c": ("tsh",), "s": ("s",), "y": ("j",), "w": ("w",),
}
# Final → cmn mnemonics: vowel nucleus (stress and tone attach to it) plus glide / nasal coda.
_FINAL_TOKENS: dict[str, tuple[str, ...]] = {
    "a": ("A",), "ai": ("ai",), "an": ("a", "n"), "ang": ("A", "N"), "ao": ("Au",),
    "e": ("o-",), "ei": ("ei",), "en": ("@", "n"), "eng": ("@", "N"), "er": ("@r",),
    "i": ("i",), "i0": ("i[",), "ir": ("i.",), "ia": ("iA",), "ian": ("iE", "n"),
    "iang": ("iA", "N"), "iao": ("iAu",), "ie": ("iE",), "in": ("i", "n"), "ing": ("i", "N"),
    "iong": ("j", "ong"), "iu": ("iou",), "o": ("o",), "ong": ("ong",), "ou": ("ou",),
    "u": ("u",), "ua": ("uA",), "uai": ("uai",), "uan": ("ua", "n"), "uang": ("uA", "N"),
    "ui": ("uei",), "un": ("u@", "n"), "uo": ("uo",), "v": ("y",), "van": ("y&", "n"),
    "ve": ("yE",), "vn": ("y@", "n"), "E": ("E",), "En": ("E", "n"),
}
# After the y glide the inventory writes the final without its i (ya = y + a); espeak's
# dictionary keeps the i-onset vowels there, so these finals are spelled as after consonants.
_FINAL_TOKENS_AFTER_Y: dict[str, tuple[str, ...]] = {
    "a": ("iA",), "ang": ("iA", "N"), "ao": ("Au",), "E": ("iE",), "En": ("iE", "n"),
    "o": ("io",), "ou": ("iou",),
}
# espeak holds one word in a fixed array of about 200 phoneme codes (stress marks and tones
# included) and crashes beyond it; a phrase is spelled as one word, so it is capped well below.
MAX_WORD_CODES = 180
_SCHWA_E_INITIALS = frozenset("d t n l".split())  # de te ne le: espeak's dictionary says @
_NON_NUCLEUS = frozenset({"j", "w", "n", "N"})


@dataclass(frozen=True)
class SpelledPhone:
    """One inventory phone of a syllable and the cmn mnemonics espeak reports for it, in order."""

    phone: str
    tone: int
    tokens: tuple[str, ...]


@dataclass(frozen=True)
class SpelledPhrase:
    """A phrase (syllables between two pauses) as inventory phones and as espeak phoneme input."""

    phones: tuple[SpelledPhone, ...]
    mnemonics: str  # e.g. "ts.|'ong55|k|'uo35" for zhong1 guo2


def _final_tokens(initial: str, final: str, tone: int) -> tuple[str, ...]:
    if final == "e" and (initial in _SCHWA_E_INITIALS or tone == 5):
        return ("@",)
    if initial == "y" and final in _FINAL_TOKENS_AFTER_Y:
        return _FINAL_TOKENS_AFTER_Y[final]
    return _FINAL_TOKENS[final]


def spell_syllable(syllable: str) -> tuple[list[SpelledPhone], str]:
    """``"zhong1"`` → its inventory phones with cmn tokens, and the mnemonics ``"ts.|'ong55"``.

    Raises :class:`InputError` for text that is not a Mandarin syllable.
    """
    parsed = syllable_to_phones(syllable)
    *initials, final = parsed.phones
    initial = initials[0] if initials else ""
    final_tokens = _final_tokens(initial, final, parsed.tone)
    nucleus = next(i for i, token in enumerate(final_tokens) if token not in _NON_NUCLEUS)
    written = list(final_tokens)
    written[nucleus] = STRESS + written[nucleus] + TONE_MNEMONICS[parsed.tone]
    phones = [SpelledPhone(final, parsed.tone, final_tokens)]
    if initial:
        phones.insert(0, SpelledPhone(initial, parsed.tone, _INITIAL_TOKENS[initial]))
        written = list(_INITIAL_TOKENS[initial]) + written
    return phones, TOKEN_SEPARATOR.join(written)


def spell_phrase(syllables: Sequence[str]) -> SpelledPhrase:
    """Spell the syllables of one phrase as a single espeak word (no gaps between syllables).

    Raises :class:`InputError` for an empty phrase or one too long for one espeak word (more
    than :data:`MAX_WORD_CODES` codes, about 36 syllables): split such phrases first.
    """
    if not syllables:
        raise InputError("cannot spell an empty phrase")
    phones: list[SpelledPhone] = []
    parts: list[str] = []
    for syllable in syllables:
        spelled, mnemonics = spell_syllable(syllable)
        phones.extend(spelled)
        parts.append(mnemonics)
    codes = sum(len(p.tokens) for p in phones) + 2 * len(syllables)  # + stress and tone each
    if codes > MAX_WORD_CODES:
        raise InputError(f"phrase of {len(syllables)} syllables is too long for one espeak word "
                         f"({codes} > {MAX_WORD_CODES} phoneme codes); split it")
    return SpelledPhrase(tuple(phones), TOKEN_SEPARATOR.join(parts))


@dataclass(frozen=True)
class SampleInterval:
    """One aligned phone in samples: ``[start, end)``; ``tone`` is 0 for silence."""

    phone: str
    tone: int
    start: int
    end: int


def align_events(phrases: Sequence[SpelledPhrase], events: Sequence[PhonemeEvent],
                 num_samples: int, silence: str = "SP") -> list[SampleInterval]:
    """Map espeak's phoneme events for ``phrases`` onto contiguous inventory intervals.

    A phone starts at the event of its first token and ends where the next phone or pause
    starts; espeak's pause events (and the audio before the first phoneme) become ``silence``.
    The intervals cover ``[0, num_samples)`` exactly. Raises :class:`InputError` when espeak
    reported phonemes other than the spelled ones (the audio would not match the labels).
    """
    all_phones = [phone for phrase in phrases for phone in phrase.phones]
    expected = [(index, token) for index, phone in enumerate(all_phones) for token in phone.tokens]
    starts: list[tuple[int, Optional[int]]] = []  # (sample, phone index or None for silence)
    cursor = 0
    for event in events:
        if event.is_pause:
            if not starts or starts[-1][1] is not None:
                starts.append((event.sample, None))
            continue
        if cursor >= len(expected):
            raise InputError(f"espeak spoke an extra phoneme {event.name!r} "
                             f"at sample {event.sample}")
        index, token = expected[cursor]
        if event.name != token:
            raise InputError(f"espeak spoke {event.name!r} where {token!r} (of "
                             f"{all_phones[index].phone!r}) was spelled, at sample {event.sample}")
        if cursor == 0 or expected[cursor - 1][0] != index:
            starts.append((event.sample, index))
        cursor += 1
    if cursor != len(expected):
        raise InputError(f"espeak spoke {cursor} of {len(expected)} spelled phonemes")
    if not starts or starts[0][0] > 0:
        starts.insert(0, (0, None))
    intervals: list[SampleInterval] = []
    for (start, index), (end, _) in zip(starts, starts[1:] + [(num_samples, None)]):
        if index is None:
            if end > start:
                if intervals and intervals[-1].phone == silence:
                    intervals[-1] = SampleInterval(silence, 0, intervals[-1].start, end)
                else:
                    intervals.append(SampleInterval(silence, 0, start, end))
            continue
        if end <= start:
            raise InputError(f"espeak gave phone {all_phones[index].phone!r} no samples "
                             f"(at sample {start})")
        phone = all_phones[index]
        intervals.append(SampleInterval(phone.phone, phone.tone, start, end))
    return intervals


Task = TypeVar("Task")
Result = TypeVar("Result")


def ordered_in_workers(run: Callable[[Task], Result], tasks: Iterable[Task], jobs: int,
                       warm: Callable[[], object]) -> Iterator[Result]:
    """``run`` over ``tasks``, results in task order, in ``jobs`` spawned worker processes.

    espeak-ng keeps global state, so each renderer gets its own process (spawned, not forked).
    Tasks are submitted as the iterable yields them, so workers render while the caller is still
    planning; ``warm`` (a module-level function, like ``run``) is submitted once per worker first
    to load the library. On an error or interrupt, tasks not yet started are dropped; finished
    ones are whole. ``jobs <= 1`` runs everything in this process.
    """
    if jobs <= 1:
        yield from map(run, tasks)
        return
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"))
    try:
        warmed = [pool.submit(warm) for _ in range(jobs)]
        pending: deque[Future] = deque()
        for task in tasks:
            pending.append(pool.submit(run, task))
            while pending and pending[0].done():
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
        for future in warmed:
            future.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
