"""English words read with Mandarin syllables (tts.text.normalize.english): the transliteration rules
on fixed IPA, whole words through espeak-ng, the espeak call, and the character table."""

from __future__ import annotations

import pytest
from pypinyin.contrib.tone_convert import to_normal
from pypinyin.pinyin_dict import pinyin_dict

from tts.errors import InputError
from tts.text.normalize import english
from tts.text.normalize.english import CHARS, read_english, to_chars, transliterate


@pytest.mark.parametrize(("word", "reading"), [
    ("Python", "牌森"), ("Office", "欧飞丝"), ("Windows", "文多丝"), ("Linux", "林纳克丝"), ("Tesla", "特丝辣"),
])
def test_read_english(word: str, reading: str) -> None:
    assert read_english(word) == reading


# The rules on fixed IPA, so they hold whatever espeak's dictionary says.
@pytest.mark.parametrize(("ipa", "word", "syllables"), [
    ("pˈaɪθən", "Python", ["pai", "sen"]),  # ən whatever the letter
    ("ˈɑːfɪs", "Office", ["ou", "fei", "si"]),  # ɑ written o; fi → fei; s alone
    ("tˈɑːk", "Tok", ["tuo", "ke"]),
    ("dʒˈɑːvə", "Java", ["jia", "wa"]),  # ɑ written a; v read w; a final ə written a
    ("lˈɪnʌks", "Linux", ["lin", "na", "ke", "si"]),  # the n after a stressed short vowel twice
    ("ɡˈuːɡəl", "Google", ["gu", "ge", "er"]),  # syllabic l
    ("kˈɜːnəl", "Kernel", ["ke", "na", "er"]),  # … but not after n
    ("fˈoʊɾoʊʃˌɑːp", "Photoshop", ["fu", "tuo", "shao", "pu"]),  # the flap is t
    ("bˈɑːɾi", "Body", ["bo", "di"]),  # … or d, as written
    ("stˈɑːɹbʌks", "Starbucks", ["si", "ta", "ba", "ke", "si"]),  # r after a vowel is silent
    ("mˌoʊɾɚɹˈoʊlə", "Motorola", ["mo", "te", "luo", "la"]),  # … but not before a vowel
    ("wˈɪndoʊz", "Windows", ["wen", "duo", "si"]),  # nasal coda; a final z is 丝
    ("pˈɔɪnt", "Point", ["po", "yin", "te"]),  # ɔɪ is two vowels
    ("nˈoʊkiə", "Nokia", ["nuo", "ji", "ya"]),  # a final iə too
    ("sˈiəɹi", "Siri", ["xi", "li"]),  # … not before r
    ("siːˈæɾəl", "Seattle", ["xi", "ya", "te", "er"]),  # a vowel after i glides
    ("kjˈuːt", "Cute", ["qiu", "te"]),  # j glide: one syllable where Mandarin has it
    ("pjˈʊɹ", "Pure", ["pi", "you"]),  # … else two
    ("kwˈiːn", "Queen", ["kun"]),  # w glide after k
    ("twˈɪɾɚ", "Twitter", ["tui", "te"]),
    ("swˈɪtʃ", "Switch", ["si", "wei", "qi"]),  # not after s
    ("klˈɪntən", "Clinton", ["ke", "lin", "dun"]),  # -ton is 顿
    ("wˈæŋɡ", "Wang", ["wang"]),  # no g after a final ŋ
    ("ˈæpəl", "Apple", ["ai", "pu", "er"]),
    ("juː tˈuːb", "YouTube", ["you", "tu", "bu"]),  # several espeak words
    ("bˈʌʔn̩", "button", ["ba", "dun"]),  # glottal stop and syllabic n
])
def test_transliteration_rules(ipa: str, word: str, syllables: list[str]) -> None:
    assert transliterate(ipa, word) == syllables


def test_transliteration_never_raises_on_odd_ipa() -> None:
    assert transliterate("", "x") == []
    assert transliterate("(en)ˈ̩ːq", "x") == []  # only marks and unknown symbols
    assert to_chars(transliterate("ˈɛksbˈɑːks", "Xbox")) == "爱克丝博克丝"


def test_espeak_ipa_keeps_the_engines_voice() -> None:
    from tts.data.espeak import Prosody, get_espeak

    engine = get_espeak()
    before = engine.synthesize("[[ts.|'ong55]]", Prosody())
    assert engine.text_to_ipa("Python", "en-us") == "pˈaɪθən"
    assert engine.voice == "cmn"
    after = engine.synthesize("[[ts.|'ong55]]", Prosody())
    assert (before.samples == after.samples).all()
    with pytest.raises(InputError):
        engine.text_to_ipa("Python", "no-such-voice")
    assert (engine.synthesize("[[ts.|'ong55]]", Prosody()).samples == before.samples).all()


# The character table: one reading each, and it is the syllable the character stands for.
def test_every_character_has_exactly_its_syllable() -> None:
    for syllable, char in CHARS.items():
        readings = pinyin_dict[ord(char)].split(",")
        assert len(readings) == 1, (syllable, char, readings)
        assert to_normal(readings[0]) == syllable, (syllable, char, readings)
    assert len(set(CHARS.values())) == len(CHARS)


def test_no_rude_or_ominous_characters() -> None:
    assert not set(CHARS.values()) & set("死尸屎屁骚贼鬼魔杀毒病丧葬谬滚笨臀妓奸淫蠢")


def test_every_reachable_syllable_has_a_character() -> None:
    classes = ["a", "æ", "o", "e", "ei", "i", "u", "ai", "ao", "er", "ə"]
    for onset in english._INITIALS:
        for glide in ("", "j", "w"):
            if glide and onset not in english._GLIDE_ONSETS[glide]:
                continue
            for vowel in classes:
                for coda in ("", "n", "ŋ"):
                    syllable = english._Syllable(onset, glide, vowel, coda)
                    for pinyin in english._syllable_pinyin(syllable, final=False):
                        assert pinyin in CHARS, (syllable, pinyin)
    for consonant in english._ALONE:
        for final in (False, True):
            for pinyin in english._syllable_pinyin(english._Syllable(consonant), final):
                assert pinyin in CHARS, (consonant, pinyin)
