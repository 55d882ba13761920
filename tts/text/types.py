"""What the text frontend hands to the models: phonemes with parallel tones, words and breaks.

``PhonemeInput`` is shared with the score readers (singing), which fill the optional note fields.
``FrontendResult`` is what :func:`tts.text.frontend.frontend` returns for a whole text: the
normalized text, the pinyin of the characters as written, and one ``PhonemeInput`` per sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tts.errors import InputError
from tts.text.symbols import NUM_TONES, PHONEME_TO_ID

# Break levels, one per phoneme, telling what follows that phoneme.
BREAK_NONE = 0  # inside a word
BREAK_WORD = 1  # the last phoneme of a word
BREAK_PHRASE = 2  # a pause at comma-like punctuation (on the SP standing for it)
BREAK_SENTENCE = 3  # the end of a sentence (on the final SP)


@dataclass
class PhonemeInput:
    """One utterance for an acoustic model; every list is parallel to ``phonemes``.

    ``word_index`` counts words from 0 within this utterance; an SP is a word of its own.
    The note fields stay ``None`` for speech; score readers fill them (MIDI pitch, seconds).
    """

    phonemes: list[str]
    tones: list[int]
    word_index: list[int]
    breaks: list[int]
    note_pitch: list[float] | None = None
    note_dur: list[float] | None = None
    ph_dur: list[float] | None = None

    def __post_init__(self) -> None:
        n = len(self.phonemes)
        for name in ("tones", "word_index", "breaks", "note_pitch", "note_dur", "ph_dur"):
            values = getattr(self, name)
            if values is not None and len(values) != n:
                raise InputError(f"PhonemeInput.{name} has {len(values)} entries for {n} phonemes")
        unknown = [p for p in self.phonemes if p not in PHONEME_TO_ID]
        if unknown:
            raise InputError(f"phoneme not in the inventory: {unknown[0]!r}")
        bad_tones = [t for t in self.tones if not 0 <= t < NUM_TONES]
        if bad_tones:
            raise InputError(f"tone out of range 0-{NUM_TONES - 1}: {bad_tones[0]}")

    def __len__(self) -> int:
        return len(self.phonemes)

    def ids(self) -> list[int]:
        """Phoneme ids into :data:`tts.text.symbols.PHONEMES`."""
        return [PHONEME_TO_ID[p] for p in self.phonemes]


@dataclass
class FrontendResult:
    """The frontend's reading of a text.

    ``pinyin`` holds one tone-numbered syllable (surface tone after sandhi, neutral = 5, an erhua
    syllable ends in ``r``: ``huar1``) per Han character of the input as written, in order;
    characters that normalization produced (digits read out, symbols) are not in it, and a
    character merged as erhua ``儿`` repeats the syllable it merged into (花儿 → ``huar1 huar1``),
    so the list stays one entry per character.
    ``sentence_words[k]`` lists the words of ``sentences[k]``, indexed by its ``word_index``.
    ``spoken`` lists every word as said, with the surface pinyin of each of its syllables — the
    characters normalization produced included (1.5 → ``("一点", ("yi1", "dian3"))``, ``("五",
    ("wu3",))``); an override word has the text ``""``.
    """

    normalized: str
    pinyin: list[str]
    sentences: list[PhonemeInput]
    sentence_words: list[list[str]] = field(default_factory=list)
    spoken: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)

    @property
    def words(self) -> list[str]:
        """All words in order; :attr:`combined` indexes this list."""
        return [w for words in self.sentence_words for w in words]

    @property
    def combined(self) -> PhonemeInput:
        """All sentences as one utterance (word indices offset into :attr:`words`)."""
        phonemes: list[str] = []
        tones: list[int] = []
        word_index: list[int] = []
        breaks: list[int] = []
        offset = 0
        for k, sentence in enumerate(self.sentences):
            phonemes += sentence.phonemes
            tones += sentence.tones
            word_index += [offset + i for i in sentence.word_index]
            breaks += sentence.breaks
            offset += len(self.sentence_words[k]) if k < len(self.sentence_words) else 0
        return PhonemeInput(phonemes, tones, word_index, breaks)

    @property
    def phonemes(self) -> list[str]:
        return [p for s in self.sentences for p in s.phonemes]

    @property
    def tones(self) -> list[int]:
        return [t for s in self.sentences for t in s.tones]


@dataclass
class Reading:
    """One syllable of a word as the frontend reads it.

    ``pinyin`` is tone-numbered (``hao3``, neutral ``de5``): the lexical reading after G2P, the
    surface reading after tone sandhi. ``fixed`` marks a reading the user dictated (an override or
    a lexicon word): sandhi and erhua leave it alone. ``written`` is False for characters that
    normalization produced (they are not reported in ``FrontendResult.pinyin``); ``source`` then
    holds the input characters they read (``"1.5"`` for each of 一点五, ``"+"`` for 加), so
    sandhi can tell a decimal point or an operator from a written 点 or 加.
    """

    text: str
    pinyin: str
    fixed: bool = False
    written: bool = True
    erhua: bool = False  # an erhua 儿 was merged into this syllable (pinyin ends in "r")
    source: str = ""

    @property
    def tone(self) -> int:
        return int(self.pinyin[-1])

    def with_tone(self, tone: int) -> str:
        return self.pinyin[:-1] + str(tone)


@dataclass
class Word:
    """A word from segmentation (or a user lexicon entry, or an inline override)."""

    text: str
    readings: list[Reading]
