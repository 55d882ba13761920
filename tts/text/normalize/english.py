"""English words read with Mandarin syllables: ``Python`` → 牌森, ``Office`` → 欧飞丝, ``Linux`` → 林纳克丝.

A Chinese speaker says an English word inside Mandarin as a word, in Mandarin syllables, not letter
by letter. :func:`read_english` does the same in four steps:

1. **English pronunciation.** espeak-ng's American English (voice ``en-us``) reads the word as IPA
   (``Python`` → ``pˈaɪθən``), through :meth:`tts.data.espeak.Espeak.text_to_ipa`; cached per word.
2. **Phones.** Stress and length marks go; diphthongs (aɪ aʊ eɪ oʊ ɔɪ), r-coloured vowels (ɚ ɝ ɜ)
   and affricates (tʃ dʒ) are single phones; the flap ɾ is t or d, the glottal stop t; ɔɪ is two
   vowels (o + i: Point → 珀因特), so is a final iə (Nokia → 诺基亚). Vowels fall into a few classes.
   American English says the ɑ of ``lot`` and the ɑ of ``father`` alike and reduces many vowels to
   ə, where the conventions follow the spelling (Tok 托克, Tesla 特丝辣), so those vowels take
   their class from the vowel letters they are written with when the counts match.
3. **Syllables.** Each vowel takes the consonant before it as its onset (a j or w between a
   consonant and a vowel is a glide: cute → 丘特, Queen → 坤); a following n or ŋ is its nasal
   coda when no vowel follows (Windows 文…, Android 安…), and an n after a stressed short vowel is
   both coda and onset (Linux 林纳…); r after a vowel is silent (Starbucks 丝挞巴…); ə before a
   final l is dropped (Google 顾戈尔). Every other consonant is a syllable of its own with the
   conventional vowel (s 丝, t 特, k 克, l 尔, m 姆, ...).
4. **Mandarin syllables and characters.** Onset + vowel class + coda → a valid Mandarin syllable
   (:data:`_ROWS`, :data:`_FINALS`, :data:`_OVERRIDES`: si → xi, fi → fei, bə → bo, wi → wei,
   the -ton of Clinton → dun), then one character per syllable (:data:`CHARS`).

The tables follow the conventions of the standard transliteration tables for English names, the
英汉译音表 of Xinhua's 《英语姓名译名手册》 (新华社译名室): its rows are English consonants, its
columns vowels, and its cells the syllables used here (be 贝, de 德, te 特, ke 凯 / 克, go 戈,
tʃo 乔, dʒæ 杰, -ton 顿, s / t / k alone 斯 / 特 / 克). Where the table's character has more than
one reading in pypinyin (斯 sī / shǐ, 拉, 赫, 什, 夫, 提 …) a character with the same syllable and a
single reading stands in (丝, 辣, 贺, 诗, 弗, 替 …), so the G2P cannot read it otherwise; a syllable
without such a character is mapped to a near one (卡 ka → 克 ke, 哈 ha → 贺 he, 勒 le → 蕾 lei).

If espeak cannot be loaded or fails, :func:`read_english` returns ``None`` and the caller spells
the word letter by letter; nothing here raises on a word.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from tts.data.espeak import Espeak

VOICE = "en-us"

# ------------------------------------------------------------------------------------------------
# Step 1: espeak's IPA
# ------------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _engine() -> Optional[Espeak]:
    """This process's espeak-ng (imported and loaded on first use, so text without English words
    never loads it); ``None``, remembered, if it cannot load."""
    try:
        from tts.data.espeak import get_espeak

        return get_espeak(None)
    except Exception:  # a missing or broken library (ImportError, OSError, InputError): spell instead
        return None


@functools.lru_cache(maxsize=4096)
def english_ipa(word: str) -> Optional[str]:
    """espeak-ng's American English IPA for ``word`` (``"Python"`` → ``"pˈaɪθən"``); ``None`` if
    espeak is unavailable or fails."""
    engine = _engine()
    if engine is None:
        return None
    try:
        return engine.text_to_ipa(word, VOICE)
    except Exception:  # any failure of the library falls back to spelling
        return None


# ------------------------------------------------------------------------------------------------
# Step 2: IPA → phones
# ------------------------------------------------------------------------------------------------

# IPA vowels → vowel class. "ɑ" and "ə" are resolved from the spelling (see _resolve); "iə" is an
# i, then a ə unless an r follows (Siri); "oi" is two vowels, o and i.
_VOWELS: dict[str, str] = {
    "aɪ": "ai", "aʊ": "ao", "eɪ": "ei", "oʊ": "o", "əʊ": "o", "ɔɪ": "oi", "iə": "iə", "ɪə": "iə",
    "eə": "e", "ɛə": "e", "ʊə": "u",
    "i": "i", "ɪ": "i", "ᵻ": "i", "ɨ": "i", "y": "i", "e": "e", "ɛ": "e", "æ": "æ", "a": "a",
    "ɐ": "a", "ʌ": "a", "ɑ": "ɑ", "ɒ": "o", "ɔ": "o", "o": "o", "ɵ": "o", "u": "u", "ʊ": "u",
    "ɯ": "u", "ə": "ə", "ɘ": "ə", "ɚ": "er", "ɝ": "er", "ɜ": "er", "œ": "er", "ø": "er",
}
_LAX = frozenset("ɪ ɛ æ ʌ".split())  # short vowels after which a single n closes the syllable too
# IPA consonants → the consonants used below (ɾ and ʔ are decided from the spelling).
_CONSONANTS: dict[str, str] = {
    "tʃ": "tʃ", "dʒ": "dʒ", "p": "p", "b": "b", "t": "t", "d": "d", "k": "k", "ɡ": "ɡ", "g": "ɡ",
    "f": "f", "v": "v", "θ": "θ", "ð": "ð", "s": "s", "z": "z", "ʃ": "ʃ", "ʒ": "ʒ", "h": "h",
    "x": "h", "ç": "h", "m": "m", "n": "n", "ŋ": "ŋ", "ɲ": "n", "l": "l", "ɫ": "l", "ɹ": "ɹ",
    "r": "ɹ", "ɾ": "ɾ", "ʔ": "ʔ", "w": "w", "j": "j",
}
_SYMBOLS = sorted(list(_VOWELS) + list(_CONSONANTS), key=len, reverse=True)
_STRESS = "ˈˌ"
_SYLLABIC = "\u0329"  # n̩ l̩: a ə before the consonant


@dataclass(frozen=True)
class _Phone:
    """One phone: a consonant, or a vowel's class (``vowel`` True)."""

    sound: str
    vowel: bool = False
    stressed: bool = False
    lax: bool = False
    ipa: str = ""  # the IPA vowel it came from


def _tokens(ipa_word: str) -> list[_Phone]:
    """One espeak word's IPA as phones, before vowels are resolved from the spelling."""
    text = re.sub(r"\([^)]*\)", "", ipa_word).replace("ː", "").replace("ˑ", "")
    phones: list[_Phone] = []
    stressed = False
    i = 0
    while i < len(text):
        if text[i] in _STRESS:
            stressed, i = True, i + 1
            continue
        if text[i] == _SYLLABIC:
            if phones and not phones[-1].vowel:
                phones.insert(len(phones) - 1, _Phone("ə", vowel=True, ipa="ə"))
            i += 1
            continue
        symbol = next((s for s in _SYMBOLS if text.startswith(s, i)), None)
        if symbol is None:  # anything else espeak writes (ties, unknown marks) is skipped
            i += 1
            continue
        if symbol in _VOWELS:
            phones.append(_Phone(_VOWELS[symbol], True, stressed, symbol in _LAX, symbol))
            stressed = False
        else:
            phones.append(_Phone(_CONSONANTS[symbol]))
        i += len(symbol)
    return phones


def _final_ng(phones: list[_Phone]) -> list[_Phone]:
    """A g after a word-final ŋ is dropped (espeak says Wang as wæŋɡ; English has no such g)."""
    if len(phones) >= 2 and phones[-1].sound == "ɡ" and phones[-2].sound == "ŋ":
        return phones[:-1]
    return phones


def _vowel_letters(word: str) -> list[str]:
    """The groups of vowel letters of ``word``, one per spoken vowel where the spelling is plain:
    ``"Photoshop"`` → ``["o", "o", "o"]``; a y before a vowel is a consonant, a final silent e
    (Chrome, Code) is dropped."""
    letters = word.lower()
    if letters[:1] == "y" and letters[1:2] in tuple("aeiou"):
        letters = letters[1:]
    groups = re.findall(r"[aeiouy]+", letters)
    if len(groups) > 1 and groups[-1] == "e" and re.search(r"[^aeiouyl]e$", letters):
        groups.pop()
    return groups


def _resolve(phone: _Phone, group: Optional[str], word: str, last: bool, before_r: bool) -> str:
    """The class of an ɑ or ə from its vowel letters (``group``, when the counts matched)."""
    lower = word.lower()
    if phone.sound == "ɑ":
        if group:
            return "o" if group[0] == "o" else "a"
        if before_r:
            return "a"
        return "o" if "o" in lower and "a" not in lower else "a"
    if group:
        first = group[-1] if phone.ipa in ("iə", "ɪə") else group[0]
    elif last and lower[-1:] in ("a", "o"):
        first = lower[-1]
    else:
        first = ""
    return {"a": "a", "o": "o"}.get(first, "ə")


def _phones(ipa: str, word: str) -> list[list[_Phone]]:
    """espeak's IPA for ``word`` as phones per espeak word, every vowel in its final class."""
    words = [_final_ng(_tokens(w)) for w in ipa.split()]
    vowels = [p for w in words for p in w if p.vowel]
    groups = _vowel_letters(word)
    aligned = len(groups) == len(vowels)
    flap = "d" if "d" in word.lower() and "t" not in word.lower() else "t"
    out: list[list[_Phone]] = []
    index = 0
    for phones in words:
        resolved: list[_Phone] = []
        for k, phone in enumerate(phones):
            if not phone.vowel:
                _append_consonant(resolved, phone, flap)
                continue
            group = groups[index] if aligned else None
            resolved.extend(_vowel_phones(phone, group, word, index == len(vowels) - 1,
                                          phones[k + 1:k + 3]))
            index += 1
        out.append(_drop_syllabic_schwa(resolved))
    return out


def _append_consonant(phones: list[_Phone], phone: _Phone, flap: str) -> None:
    """Append a consonant: the flap as ``flap`` (t or d, as written), the glottal stop as t; a
    repeated consonant once (espeak's ɹɹ in Safari)."""
    sound = flap if phone.sound == "ɾ" else "t" if phone.sound == "ʔ" else phone.sound
    if not (phones and not phones[-1].vowel and phones[-1].sound == sound):
        phones.append(replace(phone, sound=sound))


def _vowel_phones(phone: _Phone, group: Optional[str], word: str, last: bool,
                  following: list[_Phone]) -> list[_Phone]:
    """A vowel as one or two phones of final classes (ɔɪ → o + i, iə → i + ə); ``following`` are
    the two phones after it."""
    before_r = bool(following) and following[0].sound == "ɹ"
    closing_nasal = bool(following) and following[0].sound in ("n", "ŋ") \
        and (len(following) == 1 or not following[1].vowel)
    if phone.sound == "oi":
        return [replace(phone, sound="o"), _Phone("i", vowel=True, ipa="ɪ")]
    if phone.sound == "iə":
        if before_r:
            return [replace(phone, sound="i")]
        schwa = _resolve(phone, group, word, last, before_r)
        return [replace(phone, sound="i"), _Phone(schwa, vowel=True, ipa="ə")]
    if phone.sound == "ə" and closing_nasal:
        return [phone]  # ən is 恩 / 森 / 顿 whatever the letter (Python 牌森)
    if phone.sound in ("ɑ", "ə"):
        return [replace(phone, sound=_resolve(phone, group, word, last, before_r))]
    return [phone]


def _drop_syllabic_schwa(phones: list[_Phone]) -> list[_Phone]:
    """A ə before an l that no vowel follows is dropped: the l is syllabic (Google → …戈尔)."""
    out: list[_Phone] = []
    for k, phone in enumerate(phones):
        following = phones[k + 1:k + 3]
        after_nasal = k > 0 and phones[k - 1].sound in ("n", "m")  # Kernel 克纳尔, not 肯尔
        if phone.vowel and phone.ipa in ("ə", "ɘ") and following and following[0].sound == "l" \
                and (len(following) == 1 or not following[1].vowel) and not after_nasal:
            continue
        out.append(phone)
    return out


# ------------------------------------------------------------------------------------------------
# Step 3: phones → syllables
# ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Syllable:
    """A vowel with its onset, glide and nasal coda, or (``vowel`` empty) a consonant alone."""

    onset: str = ""
    glide: str = ""
    vowel: str = ""
    coda: str = ""


_GLIDE_ONSETS = {"j": frozenset("p b t d k ɡ f v m n l h s z θ".split()), "w": frozenset("k ɡ t".split())}


_I_ENDING = frozenset(["i", "ai", "ei"])  # vowels that end in an i glide
_OPEN = frozenset(["a", "æ", "e"])  # vowels that take that glide as their onset


def _syllables(phones: list[_Phone]) -> list[_Syllable]:
    """Group one espeak word's phones into syllables (see the module docstring, step 3)."""
    out: list[_Syllable] = []
    previous: Optional[int] = None  # index in out of the last vowel's syllable
    previous_phone: Optional[_Phone] = None
    cluster: list[str] = []
    for phone in phones + [_Phone("", vowel=True)]:  # a sentinel closes the last cluster
        if not phone.vowel:
            cluster.append(phone.sound)
            continue
        has_vowel = bool(phone.sound)
        if previous is not None and previous_phone is not None:
            cluster = _close(out, previous, previous_phone, cluster, has_vowel)
        onset = glide = ""
        if has_vowel and not cluster and previous_phone is not None \
                and previous_phone.sound in _I_ENDING and phone.sound in _OPEN:
            onset = "j"  # a vowel after an i glides: Seattle 西亚特尔, Miami 迈亚米
        if has_vowel and cluster:
            onset = cluster.pop()
            if onset in _GLIDE_ONSETS and cluster and cluster[-1] in _GLIDE_ONSETS[onset]:
                glide, onset = onset, cluster.pop()
        out.extend(_Syllable(onset=c) for c in cluster)
        if has_vowel:
            out.append(_Syllable(onset, glide, phone.sound))
            previous, previous_phone = len(out) - 1, phone
        cluster = []
    return out


def _close(out: list[_Syllable], previous: int, vowel: _Phone, cluster: list[str],
           has_vowel: bool) -> list[str]:
    """Take what closes the last vowel's syllable off the front of ``cluster``: a silent r, a
    nasal coda; the rest is returned."""
    ends = not has_vowel
    if cluster and cluster[0] == "ɹ" and (len(cluster) > 1 or ends):
        cluster = cluster[1:]
    if cluster and (cluster[0] == "ŋ" or cluster[0] == "n" and (len(cluster) > 1 or ends)):
        out[previous] = replace(out[previous], coda=cluster[0])
        return cluster[1:]
    if cluster == ["n"] and vowel.stressed and vowel.lax:
        out[previous] = replace(out[previous], coda="n")  # Linux 林纳克丝: the n is said twice
    return cluster


# ------------------------------------------------------------------------------------------------
# Step 4: syllables → pinyin → characters
# ------------------------------------------------------------------------------------------------

# Onsets → the initials of the tables below. English-only onsets get rows of their own: "S" ʃ,
# "Z" ʒ, "C" tʃ, "J" dʒ; v is read w (Vision 维…, Java 加挖), θ s, ð d, r l.
_INITIALS: dict[str, str] = {
    "": "", "p": "p", "b": "b", "t": "t", "d": "d", "k": "k", "ɡ": "g", "f": "f", "v": "w",
    "θ": "s", "ð": "d", "s": "s", "z": "z", "ʃ": "S", "ʒ": "Z", "tʃ": "C", "dʒ": "J", "h": "h",
    "m": "m", "n": "n", "ŋ": "n", "l": "l", "ɹ": "l", "w": "w", "j": "y",
}
# A consonant said alone, with the conventional vowel (a z that ends a word is 丝, Windows 文多丝).
_ALONE: dict[str, str] = {
    "p": "pu", "b": "bu", "t": "te", "d": "de", "k": "ke", "ɡ": "ge", "f": "fu", "v": "fu",
    "θ": "si", "ð": "de", "s": "si", "z": "zi", "ʃ": "shi", "ʒ": "ri", "tʃ": "qi", "dʒ": "ji",
    "h": "he", "m": "mu", "n": "en", "ŋ": "en", "l": "er", "ɹ": "er", "j": "yi", "w": "wu",
}
# Vowel class and coda → the key of a column of the tables. None: the vowel's own syllable
# followed by 恩 (Line → 莱恩, Jane → 杰恩).
_KEYS: dict[tuple[str, str], Optional[str]] = {
    **{(v, ""): v for v in ("a", "æ", "o", "e", "ei", "i", "u", "ai", "ao", "er", "ə")},
    ("a", "n"): "an", ("æ", "n"): "an", ("o", "n"): "ong", ("e", "n"): "en", ("i", "n"): "in",
    ("u", "n"): "un", ("er", "n"): "ən", ("ə", "n"): "ən", ("ao", "n"): "ang",
    ("a", "ŋ"): "ang", ("æ", "ŋ"): "ang", ("o", "ŋ"): "ong", ("u", "ŋ"): "ong", ("e", "ŋ"): "eng",
    ("er", "ŋ"): "eng", ("ə", "ŋ"): "eng", ("i", "ŋ"): "ing", ("ao", "ŋ"): "ang",
    ("ei", "n"): None, ("ei", "ŋ"): None, ("ai", "n"): None, ("ai", "ŋ"): None,
}
_COLUMNS = ("a", "æ", "o", "e", "ei", "i", "u", "ai", "ao", "er", "ə",
            "an", "ang", "ong", "en", "ən", "eng", "in", "ing", "un")


def _row(*syllables: str) -> dict[str, str]:
    """A full row of the table, one syllable per column of :data:`_COLUMNS`."""
    assert len(syllables) == len(_COLUMNS)
    return dict(zip(_COLUMNS, syllables))


# Initials whose syllables are not "initial + final": full rows (columns as in _COLUMNS).
_ROWS: dict[str, dict[str, str]] = {
    #          a     æ     o      e      ei     i     u     ai     ao     er    ə
    #          an    ang   ong    en     ən     eng   in    ing    un
    "": _row("ya", "ai", "ou", "ai", "ai", "yi", "wu", "ai", "ao", "er", "e",
             "an", "ang", "an", "en", "en", "en", "yin", "ying", "wen"),
    "y": _row("ya", "ya", "yue", "ye", "ye", "yi", "you", "ya", "yao", "ye", "ye",
              "yan", "yang", "yong", "yan", "yan", "ying", "yin", "ying", "yun"),
    "w": _row("wa", "wa", "wo", "wei", "wei", "wei", "wu", "wai", "wo", "wo", "wo",
              "wan", "wang", "wang", "wen", "wen", "wen", "wen", "wen", "wen"),
    "S": _row("sha", "sha", "shao", "xie", "xie", "xi", "shu", "shai", "shao", "she", "she",
              "shan", "shang", "shang", "shen", "shen", "sheng", "xin", "xing", "shun"),
    "Z": _row("zha", "zha", "zhuo", "zhe", "zhe", "ji", "zhu", "zhai", "zhao", "zhe", "zhe",
              "zhan", "zhang", "zhong", "zhen", "zhen", "zheng", "jin", "jing", "zhun"),
    "C": _row("cha", "cha", "qiao", "qie", "qie", "qi", "chu", "chai", "chao", "che", "che",
              "chan", "chang", "qiong", "chen", "chen", "cheng", "qin", "qing", "chun"),
    "J": _row("jia", "jie", "qiao", "jie", "jie", "ji", "zhu", "zhai", "jiao", "zhe", "jie",
              "zhan", "jiang", "qiong", "zhen", "zhen", "zheng", "jin", "jing", "zhun"),
}
# After the other initials: initial + this final, unless _OVERRIDES says otherwise.
_FINALS: dict[str, str] = {
    "a": "a", "æ": "a", "o": "uo", "e": "ai", "ei": "ei", "i": "i", "u": "u", "ai": "ai", "ao": "ao",
    "er": "e", "ə": "e", "an": "an", "ang": "ang", "ong": "ong", "en": "en", "ən": "en",
    "eng": "eng", "in": "in", "ing": "ing", "un": "un",
}
# Syllables the translation tables write otherwise, or that Mandarin lacks (fi, si, bong …);
# a value with a space is two syllables.
_OVERRIDES: dict[str, dict[str, str]] = {
    "b": {"o": "bo", "e": "bei", "er": "bo", "ə": "bo", "ong": "bang", "en": "bin", "ən": "bin",
          "eng": "beng", "un": "ban"},
    "p": {"o": "po", "e": "pei", "er": "po", "ə": "po", "ong": "pang", "un": "pen"},
    "m": {"o": "mo", "e": "mei", "er": "mo", "ə": "mo", "ong": "meng", "un": "men"},
    "f": {"o": "fu", "e": "fei", "i": "fei", "er": "fu", "ə": "fu", "ai": "fei", "ao": "fa",
          "ong": "feng", "in": "fen", "ing": "feng", "un": "fen"},
    "d": {"e": "de", "ei": "dai", "er": "de", "ə": "de", "en": "deng", "ən": "dun", "in": "ding",
          "ing": "ding", "un": "dun"},
    "t": {"e": "te", "ei": "tai", "er": "te", "ə": "te", "en": "teng", "ən": "dun", "in": "ting",
          "un": "tu en"},
    "n": {"e": "nai", "ei": "nai", "er": "na", "ə": "na", "ang": "nan", "in": "ning", "eng": "ning",
          "ing": "ning", "un": "nu en"},
    "l": {"e": "lai", "ei": "lai", "er": "lei", "ə": "lei", "en": "lun", "ən": "lun", "eng": "ling"},
    "g": {"a": "jia", "æ": "gai", "o": "ge", "e": "gai", "ei": "gai", "i": "ji", "er": "ge",
          "ə": "ge", "ao": "gao", "in": "jin", "ing": "jing", "un": "gu en", "eng": "geng"},
    "k": {"a": "ke", "æ": "kai", "o": "ke", "e": "kai", "ei": "kai", "i": "ji", "er": "ke",
          "ə": "ke", "ang": "kan", "in": "jin", "ing": "jing", "eng": "ken"},
    "h": {"a": "he", "æ": "hai", "o": "huo", "e": "he", "ei": "hai", "i": "xi", "er": "he",
          "ə": "he", "en": "heng", "ən": "heng", "in": "xin", "ing": "xing"},
    "z": {"a": "sa", "æ": "sa", "e": "ze", "ei": "zai", "i": "qi", "er": "ze", "ə": "ze",
          "ang": "sang", "in": "qin", "ing": "qing", "eng": "zen"},
    "s": {"ei": "sai", "i": "xi", "er": "se", "ə": "se", "ao": "shao", "in": "xin", "ing": "xing", "eng": "sen"},
}
# A j glide after a consonant: the consonant's i-syllable (pju → 皮尤) unless Mandarin has the
# syllable with i (nju 纽, kju 丘, hju 修). Palatal initials for the consonants that need one.
_PALATAL: dict[str, str] = {"g": "j", "k": "q", "h": "x", "s": "x", "z": "j"}
_I_FINALS: dict[str, str] = {
    "a": "ia", "æ": "ia", "o": "iao", "e": "ie", "ei": "ie", "i": "i", "u": "iu", "ao": "iao",
    "er": "ie", "ə": "ie", "an": "ian", "ang": "iang", "ong": "iong", "en": "in", "ən": "in",
    "eng": "ing", "in": "in", "ing": "ing", "un": "un",
}
# A w glide after k, g or t: the u-syllable (Queen → 坤, Twitter → 推特) where Mandarin has it.
_GLIDE_ALONE: dict[str, str] = {"k": "k", "g": "ɡ", "t": "t"}
_U_FINALS: dict[str, str] = {
    "a": "ua", "æ": "ua", "o": "uo", "e": "ui", "ei": "ui", "i": "ui", "u": "u", "ai": "uai",
    "er": "uo", "ə": "uo", "an": "uan", "ang": "uang", "en": "un", "ən": "un", "in": "un",
}

# One character per syllable: common, with exactly one reading in pypinyin (the test checks it),
# preferably the one the translation tables use.
CHARS: dict[str, str] = {
    "ya": "亚", "ai": "爱", "an": "安", "ang": "盎", "ao": "翱", "ou": "欧", "e": "额", "er": "尔",
    "en": "恩", "yi": "伊", "wu": "伍", "yin": "因", "ying": "鹰", "wen": "文", "wei": "维",
    "wa": "挖", "wo": "沃", "wai": "外", "wan": "湾", "wang": "旺", "ye": "椰", "yue": "悦",
    "you": "尤", "yao": "尧", "yan": "延", "yang": "扬", "yong": "永", "yun": "云",
    "ba": "巴", "bai": "摆", "bi": "毕", "ban": "班", "bang": "邦", "bao": "鲍", "bei": "贝", "bin": "宾",
    "bing": "兵", "bo": "博", "bu": "布", "beng": "蹦",
    "pa": "爬", "pai": "牌", "pan": "盘", "pang": "庞", "pao": "抛", "pei": "佩", "pen": "盆",
    "peng": "鹏", "pi": "皮", "pin": "品", "ping": "萍", "po": "珀", "pu": "普",
    "ma": "马", "mai": "迈", "man": "曼", "mang": "忙", "mao": "茂", "mei": "梅", "men": "门",
    "meng": "孟", "mi": "米", "min": "民", "ming": "铭", "mo": "默", "mu": "姆",
    "fa": "法", "fan": "凡", "fang": "芳", "fei": "飞", "fen": "芬", "feng": "丰", "fu": "弗",
    "da": "妲", "dai": "戴", "dan": "丹", "dang": "档", "dao": "导", "de": "德", "deng": "等",
    "di": "迪", "ding": "定", "diu": "丢", "dong": "东", "du": "督", "dun": "墩", "duo": "多",
    "ta": "挞", "tai": "泰", "tan": "坦", "tang": "唐", "tao": "涛", "te": "特", "teng": "腾",
    "ti": "替", "ting": "廷", "tong": "铜", "tu": "图", "tuo": "托", "tui": "推",
    "na": "纳", "nai": "奈", "nan": "楠", "nao": "瑙", "nen": "嫩", "ni": "霓", "ning": "凝",
    "niu": "纽", "nong": "农", "nu": "努", "nuo": "诺",
    "la": "辣", "lai": "莱", "lan": "兰", "lang": "朗", "lao": "劳", "lei": "蕾", "li": "利",
    "lin": "林", "ling": "玲", "liu": "柳", "long": "龙", "lu": "卢", "lun": "伦", "luo": "洛",
    "gai": "该", "gan": "赣", "gang": "刚", "gao": "糕", "ge": "戈", "gen": "根", "geng": "耕",
    "gong": "贡", "gu": "顾", "gua": "瓜", "gui": "规", "guo": "国", "guan": "关",
    "kai": "凯", "kan": "刊", "kao": "考", "ke": "克", "ken": "肯", "kong": "孔", "ku": "库",
    "kun": "坤", "kuo": "阔", "kuan": "宽", "kuai": "快", "kui": "葵",
    "hai": "海", "han": "汉", "hang": "航", "hao": "豪", "he": "贺", "heng": "恒", "hong": "洪",
    "hu": "胡", "huo": "获", "hun": "婚",
    "sa": "萨", "zai": "再", "zan": "赞", "zao": "藻", "ze": "泽", "zen": "怎", "zi": "孜",
    "zong": "宗", "zu": "组", "zun": "尊", "zuo": "佐",
    "sai": "赛", "san": "三", "sang": "桑", "se": "瑟", "sen": "森", "si": "丝", "song": "松",
    "su": "苏", "sun": "孙", "suo": "索",
    "sha": "纱", "shai": "晒", "shan": "珊", "shang": "商", "shao": "绍", "she": "社", "shen": "申",
    "sheng": "生", "shi": "诗", "shu": "书", "shun": "顺",
    "zha": "闸", "zhai": "斋", "zhan": "展", "zhang": "张", "zhao": "赵", "zhe": "哲", "zhen": "真",
    "zheng": "争", "zhong": "钟", "zhu": "珠", "zhun": "准", "zhuo": "灼", "ri": "日",
    "cha": "茶", "chai": "钗", "chan": "婵", "chang": "常", "chao": "潮", "che": "彻", "chen": "陈",
    "cheng": "成", "chu": "楚", "chun": "纯",
    "ji": "吉", "jia": "加", "jiang": "江", "jiao": "交", "jie": "杰", "jin": "津", "jing": "京",
    "jiu": "久", "qi": "琪", "qiao": "乔", "qie": "惬", "qin": "琴", "qing": "晴", "qiong": "琼",
    "qiu": "丘", "xi": "西", "xie": "谢", "xin": "辛", "xing": "星", "xiu": "修",
}


def _pinyin(initial: str, key: str) -> list[str]:
    """The syllable(s) for ``initial`` (a key of :data:`_INITIALS`' values) before column ``key``."""
    if initial in _ROWS:
        return [_ROWS[initial][key]]
    syllable = _OVERRIDES.get(initial, {}).get(key) or initial + _FINALS[key]
    return syllable.split()


def _with_glide(initial: str, glide: str, key: str) -> list[str]:
    """A consonant, a j or w glide and a vowel: one syllable where Mandarin has it, else two."""
    if glide == "j":
        joined = _PALATAL.get(initial, initial) + _I_FINALS.get(key, "")
        if joined in CHARS and initial not in _ROWS:
            return [joined]
        return _pinyin(initial, "i") + _pinyin("y", key)
    joined = initial + _U_FINALS.get(key, "")
    if key in _U_FINALS and joined in CHARS:
        return [joined]
    return [_ALONE[_GLIDE_ALONE[initial]]] + _pinyin("w", key)


def _syllable_pinyin(syllable: _Syllable, final: bool) -> list[str]:
    """One syllable of :func:`_syllables` as Mandarin syllables."""
    if not syllable.vowel:
        if syllable.onset == "z" and final:
            return ["si"]
        return [_ALONE[syllable.onset]] if syllable.onset in _ALONE else []
    initial = _INITIALS.get(syllable.onset, "")
    key = _KEYS.get((syllable.vowel, syllable.coda), syllable.vowel)
    tail: list[str] = []
    if key is None:  # a diphthong before n: the diphthong, then 恩
        key, tail = syllable.vowel, ["en"]
    if syllable.glide:
        return _with_glide(initial, syllable.glide, key) + tail
    return _pinyin(initial, key) + tail


def transliterate(ipa: str, word: str) -> list[str]:
    """espeak's IPA for ``word`` → Mandarin syllables (toneless pinyin), by the rules above:
    ``transliterate("pˈaɪθən", "Python")`` → ``["pai", "sen"]``."""
    out: list[str] = []
    for phones in _phones(ipa, word):
        syllables = _syllables(phones)
        for k, syllable in enumerate(syllables):
            out.extend(_syllable_pinyin(syllable, final=k == len(syllables) - 1))
    return out


def to_chars(syllables: list[str]) -> str:
    """Toneless pinyin → one character each from :data:`CHARS` (a syllable without one is
    dropped; the tests keep every reachable syllable in the table)."""
    return "".join(CHARS.get(s, "") for s in syllables)


def read_english(word: str) -> Optional[str]:
    """``word`` read as English with Mandarin syllables (``"Python"`` → ``"牌森"``); ``None``
    when espeak is unavailable or reads it as nothing, so the caller spells it instead."""
    return _read(word)


@functools.lru_cache(maxsize=4096)
def _read(word: str) -> Optional[str]:
    ipa = english_ipa(word)
    if not ipa or not ipa.strip():
        return None
    try:
        chars = to_chars(transliterate(ipa, word))
    except (KeyError, IndexError, ValueError):  # an IPA shape the rules do not know: spell
        return None
    return chars or None
