"""English words read with Mandarin syllables (tts.text.normalize.english) and how latin.spell
decides what is a word: readings of well-known words against their conventional transliterations,
the transliteration rules on fixed IPA, acronyms and codes still spelled, case splits, espeak
failures, the character table, and the frontend on a sentence."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest
from pypinyin import lazy_pinyin
from pypinyin.contrib.tone_convert import to_normal
from pypinyin.pinyin_dict import pinyin_dict

from tts.errors import InputError
from tts.text.normalize import english, latin, normalize
from tts.text.normalize.english import CHARS, read_english, to_chars, transliterate
from tts.text.normalize.latin import spell, spell_letters


@pytest.fixture
def fresh_caches() -> Iterator[None]:
    """Clear the per-word caches before and after a test that changes how espeak answers."""
    def clear() -> None:
        spell.cache_clear()
        english.english_ipa.cache_clear()
        english._read.cache_clear()
        english._engine.cache_clear()

    clear()
    yield
    clear()


# Well-known words: our reading and the conventional transliteration a Chinese listener knows
# (the brief's list; 爱疯 is the iPhone's nickname). Ours must have as many syllables and share at
# least half of them (toneless); the characters differ where the conventional ones have several
# readings (斯 拉 佛 肖 奥 古 …).
WELL_KNOWN = [
    ("Python", "牌森", "派森"),
    ("Office", "欧飞丝", "奥菲斯"),
    ("iPhone", "艾丰", "爱疯"),
    ("Windows", "文多丝", "温多斯"),
    ("Linux", "林纳克丝", "林纳克斯"),
    ("Java", "加挖", "加瓦"),
    ("Tesla", "特丝辣", "特斯拉"),
    ("Chrome", "克洛姆", "克罗姆"),
    ("Android", "安德洛伊德", "安德罗伊德"),
    ("Nike", "奈克", "耐克"),
    ("Excel", "爱克赛尔", "艾克赛尔"),
    ("Photoshop", "弗托绍普", "佛托肖普"),
    ("TikTok", "替克托克", "提克托克"),
    ("Obama", "欧巴马", "奥巴马"),
    ("Houston", "修丝墩", "休斯顿"),
]


@pytest.mark.parametrize(("word", "ours", "conventional"), WELL_KNOWN)
def test_well_known_words(word: str, ours: str, conventional: str) -> None:
    assert spell(word) == ours
    mine, theirs = lazy_pinyin(ours), lazy_pinyin(conventional)
    assert len(mine) == len(theirs)
    assert sum(a == b for a, b in zip(mine, theirs)) * 2 >= len(theirs), (mine, theirs)


@pytest.mark.parametrize(("word", "reading"), [
    ("Google", "谷歌"), ("IKEA", "宜家"), ("NASA", "纳萨"), ("vlog", "维洛格"), ("get", "盖特"),
    ("MySQL", "迈艾斯丘艾乐"), ("WeChat", "维茶特"), ("APIs", "诶批艾艾斯"),
])
def test_words_said_their_own_way(word: str, reading: str) -> None:
    """Brands known by Chinese names, capitals said as words, chat words and two-letter parts (My, We)."""
    assert spell(word) == reading


@pytest.mark.parametrize(("word", "reading"), [
    ("Python", "牌森"), ("Office", "欧飞丝"), ("Windows", "文多丝"), ("Linux", "林纳克丝"), ("Tesla", "特丝辣"),
])
def test_read_english(word: str, reading: str) -> None:
    assert read_english(word) == reading


@pytest.mark.parametrize(("text", "expected"), [
    ("我在学Python编程", "我在学牌森编程"),
    ("用Office写文档", "用欧飞丝写文档"),
    ("打开iPhone", "打开艾丰"),
    ("python", "牌森"),  # lower case is a word too
    ("Starbucks", "丝挞巴克丝"),
    ("YouTube", "尤图布"),
    ("PowerPoint", "抛尔珀因特"),
    ("Kindle", "津德尔"),
])
def test_words_in_text(text: str, expected: str) -> None:
    assert normalize(text) == expected


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


# Acronyms, letters and codes keep their spelling.
@pytest.mark.parametrize(("text", "expected"), [
    ("GDP", "吉迪批"),
    ("NBA", "恩比诶"),
    ("USB", "优艾斯比"),
    ("UP主", "优批主"),
    ("OS", "欧艾斯"),
    ("APIs", "诶批艾艾斯"),  # a plural s stays with its acronym
    ("A", "诶"),
    ("OK", "欧开"),  # WORDS first
    ("Wi-Fi", "歪飞"),
    ("MP3", "艾姆批三"),
    ("CA1234", "西诶幺二三四"),
    ("xyz", "艾克斯歪贼德"),  # no word: a consonant cluster
    ("bcd", "比西迪"),
    ("abc_123", "诶比西下划线幺二三"),  # short lower-case: an abbreviation
    ("www.gov.cn", "达布留达布留达布留点吉欧维点西恩"),
    ("li_ming2023", "艾乐艾下划线艾姆艾恩吉二零二三"),  # pinyin: a name, spelled
    ("sin", "艾斯艾恩"),  # a formula's function name
    ("Baa1级", "比诶诶一级"),  # a credit rating
    ("HbA1c", "艾尺比诶一西"),
    ("kcal", "开西诶艾乐"),  # no English word begins with kc, mm, vl
    ("mmol", "艾姆艾姆欧艾乐"),
])
def test_acronyms_and_codes_still_spelled(text: str, expected: str) -> None:
    assert normalize(text) == expected


@pytest.mark.parametrize(("word", "parts", "reading"), [
    ("iPhone", ["i", "Phone"], "艾丰"),  # the i is the letter's name
    ("HyperOS", ["Hyper", "OS"], "海珀欧艾斯"),
    ("ChatGPT", ["Chat", "GPT"], "茶特吉批提"),
    ("TikTok", ["Tik", "Tok"], "替克托克"),
    ("iOS", ["i", "OS"], "艾欧艾斯"),
    ("macOS", ["mac", "OS"], "马克欧艾斯"),
    ("McDonald", ["McDonald"], "默克妲纳尔德"),  # a two-letter part without a vowel joins a word
    ("HbA", ["Hb", "A"], "艾尺比诶"),  # … not a letter
    ("XMLHttp", ["XML", "Http"], "艾克斯艾姆艾乐艾尺提提批"),
])
def test_case_splits(word: str, parts: list[str], reading: str) -> None:
    assert latin._parts(word) == parts
    assert spell(word) == reading


@pytest.mark.parametrize(("letters", "pinyin"), [
    ("wang", True), ("liming", True), ("zhangsan", True), ("taobao", True),
    ("mile", False), ("change", False), ("language", False),  # English spellings
    ("python", False), ("hello", False), ("xian", True),
])
def test_pinyin_detection(letters: str, pinyin: bool) -> None:
    assert latin._is_pinyin(letters) is pinyin


def test_spelled_when_espeak_is_missing(fresh_caches: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(english, "_engine", lambda: None)
    assert read_english("Python") is None
    assert spell("Python") == spell_letters("Python") == "批歪提艾尺欧恩"
    assert normalize("用Office写文档") == "用欧艾弗艾弗艾西伊写文档"


def test_spelled_when_espeak_fails(fresh_caches: None, monkeypatch: pytest.MonkeyPatch) -> None:
    class Broken:
        def text_to_ipa(self, text: str, voice: str) -> str:
            raise InputError("espeak-ng could not load voice")

    monkeypatch.setattr(english, "_engine", lambda: Broken())
    assert spell("Windows") == "达布留艾恩迪欧达布留艾斯"


def test_spelled_when_espeak_reads_nothing(fresh_caches: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(english, "english_ipa", lambda word: "")
    assert spell("Linux") == "艾乐艾恩优艾克斯"


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


def test_frontend_reads_english_words_with_inventory_phonemes() -> None:
    from tts.text.frontend import Frontend
    from tts.text.symbols import PHONEME_TO_ID

    result = Frontend()("我在学Python编程，用Office写文档，打开iPhone。")
    assert not any(c.isascii() and c.isalpha() for c in result.normalized)
    phonemes = [p for s in result.sentences for p in s.phonemes]
    assert all(p in PHONEME_TO_ID for p in phonemes)
    assert phonemes[6:10] == ["p", "ai", "s", "en"]  # 我 在 学 | 牌 森


def test_chinese_text_does_not_load_espeak() -> None:
    code = ("import sys; from tts.text.normalize import normalize; "
            "normalize('今天气温-3.5°C，GDP增长5%，MP3和CA1234，UP主。'); "
            "print('tts.data.espeak' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(("text", "expected"), [
    ("Mr. Smith来了", "米丝特丝米丝来了"),  # a title said as its word, the dot silent
    ("Dr.Wang", "多克特王"),  # a pinyin surname after a title said as the surname
    ("Prof. Zhang的课", "普洛飞瑟张的课"),
    ("Mr.Bean", "米丝特宾"),
    ("J.K.Rowling", "杰开劳玲"),  # initials stay spelled
    ("Dr", "迪阿尔"),  # no name after it: an abbreviation, spelled
    ("Tom's book", "托姆丝布克"),  # a possessive read whole
    ("don't worry", "东特挖利"),  # a contraction
    ("CEO's", "西伊欧丝"),  # capitals spelled, the s said
    ("McDonald's的薯条", "麦当劳的薯条"),
    ("听hip-hop", "听嘻哈"),
    ("喜欢K-pop", "喜欢开珀普"),  # a short part of a hyphenated word is a word, not an abbreviation
    ("办理check-in", "办理惬克因"),
    ("买了件T-shirt", "买了件提恤"),
    ("发e-mail给我", "发伊妹儿给我"),
    ("A-B两组", "诶比两组"),  # letters joined by a hyphen stay letters
    ("GPT-4", "吉批提四"),
    ("NASA's mission", "纳萨丝米申"),  # a capital word said as a word keeps its reading
    ("她这学期拿了三个A's。", "她这学期拿了三个诶丝。"),
    ("Mr. Wang's office", "米丝特王丝欧飞丝"),
    ("尺码是s-xl，请按身高选择。", "尺码是艾斯到艾克斯艾乐，请按身高选择。"),  # sizes: a range
    ("营业时间mon-fri，周末休息。", "营业时间周一到周五，周末休息。"),
    ("门铃ding-dong响了。", "门铃定东响了。"),
    ("尺码S-XL。", "尺码艾斯到艾克斯艾乐。"),  # sizes in capitals
    ("营业时间Sat-Sun。", "营业时间周六到周日。"),
    ("我在学C#。", "我在学西夏普。"),  # languages written with symbols
    (".NET框架", "点耐特框架"),
    ("C#大调", "升西大调"),  # a key
])
def test_titles_possessives_and_hyphenated_words(text: str, expected: str) -> None:
    assert normalize(text) == expected
