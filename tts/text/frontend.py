"""Text → phonemes: the Mandarin frontend's entry point.

    result = frontend("银行行长说：我们重{chong2}新开始。")
    result.pinyin        # ['yin2', 'hang2', 'hang2', 'zhang3', 'shuo1', 'wo3', 'men5', 'chong2', ...]
    result.sentences[0]  # PhonemeInput(phonemes=['y', 'in', 'h', 'ang', ...], tones=[2, 2, 2, ...])

Steps: inline overrides are taken out (:mod:`tts.text.overrides`), the rest is normalized
(:mod:`tts.text.normalize`), split into sentences at 。！？；… (and, past ``max_syllables``, at
commas or words), segmented and read (:mod:`tts.text.g2p`, :mod:`tts.text.polyphone`), then tone
sandhi (:mod:`tts.text.sandhi`) and erhua (:mod:`tts.text.erhua`) give the surface syllables, and
:func:`tts.text.pinyin.syllable_to_phones` the phonemes.

Breaks: the last phoneme of each word has break 1; comma-like punctuation (，、：— and brackets)
becomes an ``SP`` with break 2; every sentence ends in an ``SP`` with break 3. Quotes and book-title
marks separate words without a pause. Characters that have no reading (a handful of rare Han
characters; anything non-Han that survives normalization) are skipped; when nothing in the text
can be read, :class:`InputError` says so and names the first unreadable character.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tts.errors import InputError
from tts.text.erhua import apply_erhua, erhua_phones
from tts.text.g2p import G2P
from tts.text.normalize import normalize_with_spans
from tts.text.normalize.chars import is_han
from tts.text.overrides import Lexicon, WordOverride, parse_overrides
from tts.text.sandhi import apply_sandhi
from tts.text.symbols import SILENCE
from tts.text.types import (
    BREAK_NONE,
    BREAK_PHRASE,
    BREAK_SENTENCE,
    BREAK_WORD,
    FrontendResult,
    PhonemeInput,
    Reading,
    Word,
)

# How many clauses after one sandhi looks at (a later 二是 / 二则 makes its 一是 / 一则 a list).
_FOLLOWING_CLAUSES = 3

SENTENCE_END = frozenset("。！？；…")
PHRASE_BREAK = frozenset("，、：—（）〔〕【】")
CLOSING = frozenset("”’）》」』】〉〕")
OVERRIDE_MARK = "\ue000"  # stands for a whole-word override inside a sentence string
MAX_SYLLABLES = 60  # a longer sentence is split at commas (or words) to at most this many


@dataclass
class _Unit:
    """One character of the normalized text, or an override word (``OVERRIDE_MARK``)."""

    char: str
    written: bool = False
    forced: str | None = None
    syllables: tuple[str, ...] = ()
    source: str = ""  # the input characters a produced character reads (see Reading.source)


@dataclass
class _Clause:
    """Words up to a punctuation mark (``punct``: the marks that end it, possibly empty)."""

    words: list[Word]
    punct: str = ""

    @property
    def syllables(self) -> int:
        return sum(len(w.readings) for w in self.words)


@dataclass
class _Sentence:
    clauses: list[_Clause] = field(default_factory=list)

    @property
    def syllables(self) -> int:
        return sum(c.syllables for c in self.clauses)


class Frontend:
    """The frontend with its resources loaded once (dictionary, segmenter, polyphone model)."""

    def __init__(self, lexicon: Lexicon | None = None, g2p: G2P | None = None,
                 max_syllables: int = MAX_SYLLABLES) -> None:
        if max_syllables < 1:
            raise InputError(f"max_syllables must be positive, got {max_syllables}")
        self.lexicon = lexicon
        self.g2p = g2p if g2p is not None else _shared_g2p()
        self.max_syllables = max_syllables

    def __call__(self, text: str) -> FrontendResult:
        if not isinstance(text, str):
            raise InputError(f"text must be a string, got {type(text).__name__}")
        units = self._units(text)
        unreadable: list[str] = []
        sentences: list[_Sentence] = []
        for chunk in _split_sentences(units):
            sentence = self._read_sentence(chunk, unreadable)
            sentences += _limit_length(sentence, self.max_syllables)
        sentences = [s for s in sentences if s.syllables > 0]
        if not sentences:
            why = f"cannot read {unreadable[0]!r}" if unreadable else "nothing to read"
            raise InputError(f"text yields no phonemes: {why} in {_preview(text)}")
        normalized = "".join("{" + " ".join(u.syllables) + "}" if u.syllables else u.char for u in units)
        pinyin: list[str] = []
        inputs: list[PhonemeInput] = []
        words: list[list[str]] = []
        spoken: list[tuple[str, tuple[str, ...]]] = []
        for sentence in sentences:
            phoneme_input, sentence_words = _to_phonemes(sentence)
            inputs.append(phoneme_input)
            words.append(sentence_words)
            pinyin += [r.pinyin for c in sentence.clauses for w in c.words for r in w.readings
                       if r.written for _ in r.text]  # a merged erhua 儿 repeats its syllable
            spoken += [(w.text, tuple(r.pinyin for r in w.readings))
                       for c in sentence.clauses for w in c.words if w.readings]
        return FrontendResult(normalized, pinyin, inputs, words, spoken)

    def _units(self, text: str) -> list[_Unit]:
        units: list[_Unit] = []
        for piece in parse_overrides(text):
            if isinstance(piece, WordOverride):
                units.append(_Unit(OVERRIDE_MARK, syllables=piece.syllables))
                continue
            normalized = normalize_with_spans(piece.text)
            forced = {o.index: o.syllable for o in piece.char_overrides}
            for j, char in enumerate(normalized.text):
                written = normalized.is_written(j)
                start = normalized.spans[j][0]
                units.append(_Unit(char, written, forced.get(start) if written else None,
                                   source="" if written else normalized.source_of(j)))
        return units

    def _read_sentence(self, units: list[_Unit], unreadable: list[str]) -> _Sentence:
        text = "".join(u.char for u in units)
        spans = self.g2p.segment(text, self.lexicon)
        readings = self.g2p.read(text, spans)
        pinned = self.lexicon.pinned(text, self.g2p.word_bounds(text, spans)) \
            if self.lexicon is not None and self.lexicon.contexts else {}
        sentence = _Sentence()
        current: list[Word] = []
        for span in spans:
            word_text = text[span.start:span.end]
            first = units[span.start]
            if first.char == OVERRIDE_MARK:
                current.append(Word("", [Reading("", s, fixed=True, written=False) for s in first.syllables]))
                continue
            if not is_han(word_text[0]):  # punctuation: the clause ends here
                sentence.clauses.append(_Clause(current, word_text))
                current = []
                continue
            word_readings = []
            for i in range(span.start, span.end):
                unit = units[i]
                context = pinned.get(i) if span.fixed is None else None  # a lexicon word wins
                reading = unit.forced or context or readings[i]
                if reading is None:
                    unreadable.append(unit.char)
                    continue
                fixed = unit.forced is not None or span.fixed is not None or context is not None
                word_readings.append(Reading(unit.char, reading, fixed, unit.written, source=unit.source))
            if word_readings:
                current.append(Word("".join(r.text for r in word_readings), word_readings))
        sentence.clauses.append(_Clause(current, ""))
        texts = ["".join(w.text for w in clause.words) for clause in sentence.clauses]
        for c, clause in enumerate(sentence.clauses):
            # the next few clauses, where a list's second point (…，二则…) stands; bounded, so a long run of
            # clauses costs linear time
            apply_sandhi(clause.words, self._is_word, "".join(texts[c + 1:c + 1 + _FOLLOWING_CLAUSES]))
            clause.words = apply_erhua(clause.words, self._is_word)
        sentence.clauses = _merge_punct(sentence.clauses)
        return sentence

    def _is_word(self, text: str) -> bool:
        return self.g2p.segmenter.is_word(text) or self.g2p.dictionary.has_phrase(text)


def _merge_punct(clauses: list[_Clause]) -> list[_Clause]:
    """Fold empty clauses (punctuation after punctuation) into the clause before."""
    out: list[_Clause] = []
    for clause in clauses:
        if out and not clause.words:
            out[-1].punct += clause.punct
        else:
            out.append(clause)
    return out


def _split_sentences(units: list[_Unit]) -> list[list[_Unit]]:
    """Cut after sentence-final punctuation (and the closing quotes right after it)."""
    out: list[list[_Unit]] = []
    current: list[_Unit] = []
    for k, unit in enumerate(units):
        current.append(unit)
        nxt = units[k + 1].char if k + 1 < len(units) else ""
        ended = unit.char in SENTENCE_END or (unit.char in CLOSING and current[-2:-1]
                                             and current[-2].char in SENTENCE_END)
        if ended and nxt not in SENTENCE_END and nxt not in CLOSING:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def _limit_length(sentence: _Sentence, limit: int) -> list[_Sentence]:
    """Split a sentence longer than ``limit`` syllables at clause, else word, boundaries."""
    if sentence.syllables <= limit:
        return [sentence]
    pieces: list[_Clause] = []
    for clause in sentence.clauses:
        pieces += _split_clause(clause, limit)
    out: list[_Sentence] = [_Sentence()]
    for clause in pieces:
        if out[-1].clauses and out[-1].syllables + clause.syllables > limit:
            out.append(_Sentence())
        out[-1].clauses.append(clause)
    return out


def _split_clause(clause: _Clause, limit: int) -> list[_Clause]:
    if clause.syllables <= limit:
        return [clause]
    out = [_Clause([])]
    for word in clause.words:
        if out[-1].words and out[-1].syllables + len(word.readings) > limit:
            out.append(_Clause([]))
        out[-1].words.append(word)
    out[-1].punct = clause.punct
    return out


def _to_phonemes(sentence: _Sentence) -> tuple[PhonemeInput, list[str]]:
    phonemes: list[str] = []
    tones: list[int] = []
    word_index: list[int] = []
    breaks: list[int] = []
    words: list[str] = []

    def silence(text: str, level: int) -> None:
        words.append(text)
        phonemes.append(SILENCE)
        tones.append(0)
        word_index.append(len(words) - 1)
        breaks.append(level)

    clauses = sentence.clauses
    for c, clause in enumerate(clauses):
        for word in clause.words:
            if not word.readings:
                continue
            words.append(word.text or " ".join(r.pinyin for r in word.readings))
            for reading in word.readings:
                phones, phone_tones = erhua_phones(reading)
                phonemes += phones
                tones += phone_tones
                word_index += [len(words) - 1] * len(phones)
                breaks += [BREAK_NONE] * len(phones)
            breaks[-1] = BREAK_WORD
        last = c == len(clauses) - 1
        if last:
            silence(clause.punct, BREAK_SENTENCE)
        elif any(p in PHRASE_BREAK or p in SENTENCE_END for p in clause.punct) and phonemes \
                and phonemes[-1] != SILENCE:
            silence(clause.punct, BREAK_PHRASE)
    return PhonemeInput(phonemes, tones, word_index, breaks), words


def _preview(text: str, size: int = 30) -> str:
    return repr(text if len(text) <= size else text[:size] + "…")


_SHARED: dict[str, G2P] = {}


def _shared_g2p() -> G2P:
    """The dictionary, segmenter and polyphone model, loaded once per process."""
    if "g2p" not in _SHARED:
        _SHARED["g2p"] = G2P.load()
    return _SHARED["g2p"]


_DEFAULT: dict[str, Frontend] = {}


def frontend(text: str, lexicon: Lexicon | None = None) -> FrontendResult:
    """Read ``text`` (see the module doc); resources are loaded on the first call only."""
    if lexicon is not None:
        return Frontend(lexicon=lexicon)(text)
    if "default" not in _DEFAULT:
        _DEFAULT["default"] = Frontend()
    return _DEFAULT["default"](text)


def text_to_pinyin(text: str, lexicon: Lexicon | None = None) -> list[str]:
    """Tone-numbered surface pinyin of the Han characters of ``text`` as written."""
    return frontend(text, lexicon).pinyin
