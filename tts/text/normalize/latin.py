"""Latin letters, acronyms, English words, letter–digit codes, Greek letters, e-mail addresses and URLs.

:func:`spell` reads a run of Latin letters with Chinese characters the G2P can read. A word in the
small ``WORDS`` table has its established reading (OK → 欧开, Wi-Fi → 歪飞). An acronym — a run of
capitals (GDP, NBA, UP, OS) or a single letter — is spelled letter by letter with the letters'
Chinese names (``A`` → 诶, ``B`` → 比, ..., GDP → 吉迪批). Anything else is split at its case
changes (iPhone → i + Phone, HyperOS → Hyper + OS, ChatGPT → Chat + GPT, macOS → mac + OS); capital
runs and single letters among the parts are spelled, and a part that looks pronounceable (it has a
vowel letter, begins like an English word and is no consonant cluster like xyz or kcal) is read as
an English word in Mandarin syllables by :mod:`tts.text.normalize.english` (Python → 牌森,
iPhone → 艾丰, ChatGPT → 茶特吉批提), falling back to spelling when espeak-ng is unavailable. A
word in pinyin (Wang, liming: a name) and a lower-case word of three letters or fewer (abc, gov:
an abbreviation or a variable) are spelled as before. Addresses and codes are read
part by part with the same :func:`spell`: ``user@mail.com`` → 尤泽艾特梅尔点康姆, a user name
with underscores likewise (``abc_123`` → …下划线幺二三), CA1234 → 西诶幺二三四.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from tts.text.normalize.english import read_english
from tts.text.normalize.numbers import read_digits, read_int
from tts.text.normalize.rules import (
    START_DIGITS,
    START_LETTERS,
    Piece,
    Rule,
    group,
    rule,
)

LETTERS: dict[str, str] = {
    "a": "诶", "b": "比", "c": "西", "d": "迪", "e": "伊", "f": "艾弗", "g": "吉", "h": "艾尺",
    "i": "艾", "j": "杰", "k": "开", "l": "艾乐", "m": "艾姆", "n": "恩", "o": "欧", "p": "批",
    "q": "丘", "r": "阿尔", "s": "艾斯", "t": "提", "u": "优", "v": "维", "w": "达布留",
    "x": "艾克斯", "y": "歪", "z": "贼德",
}

# Words with an established Chinese reading; everything else is spelled (acronyms) or read as
# English (see spell). Keys are lower case, without hyphens (Wi-Fi is wifi, said wai-fai).
WORDS: dict[str, str] = {
    "ok": "欧开", "email": "伊妹儿", "com": "康姆", "net": "耐特", "vs": "对", "wifi": "歪飞",
    # product names and their suffixes, said as words (Redmi Note 13 Pro, iPhone 15 Plus, Mate 60 Pro)
    "redmi": "红米", "note": "诺特", "pro": "普罗", "max": "麦克斯", "plus": "普拉斯", "mini": "迷你", "air": "艾尔",
    "ultra": "奥特拉", "bug": "巴格",
    # said letter by letter although they are words, and brand names said in Chinese
    "app": "诶批批", "xiaomi": "小米", "huawei": "华为",
    # capitals said as words, brands known by their Chinese names, and English words common in chat
    "nasa": "纳萨", "nato": "北约", "covid": "扣维德", "fifa": "菲法", "imax": "艾麦克斯", "toefl": "托福", "ielts": "雅思",
    "oppo": "欧珀", "zara": "飒拉", "ikea": "宜家", "uniqlo": "优衣库", "lego": "乐高", "alibaba": "阿里巴巴",
    "google": "谷歌", "harvard": "哈佛", "vlog": "维洛格", "emo": "伊莫", "get": "盖特", "low": "漏", "out": "奥特",
    "man": "曼", "hi": "嗨", "bye": "拜", "mcdonalds": "麦当劳", "tshirt": "提恤", "hiphop": "嘻哈",
}

GREEK: dict[str, str] = {
    "α": "阿尔法", "β": "贝塔", "γ": "伽马", "δ": "德尔塔", "ε": "艾普西隆", "ζ": "泽塔",
    "η": "伊塔", "θ": "西塔", "ι": "约塔", "κ": "卡帕", "λ": "兰姆达", "μ": "谬", "ν": "纽",
    "ξ": "克西", "ο": "奥密克戎", "π": "派", "ρ": "肉", "σ": "西格玛", "ς": "西格玛", "τ": "陶",
    "υ": "宇普西隆", "φ": "斐", "χ": "希", "ψ": "普西", "ω": "欧米伽",
}

# How separators inside addresses are read.
_ADDRESS_SYMBOLS: dict[str, str] = {
    ".": "点", "@": "艾特", "/": "斜杠", "-": "杠", "_": "下划线", ":": "冒号", "?": "问号",
    "=": "等于", "&": "和", "#": "井号", "+": "加", "%": "百分号", "~": "波浪号",
}
_ADDRESS_TOKEN = re.compile(r"[A-Za-z]+|[0-9]+|.")
_CODE_TOKEN = re.compile(r"[A-Za-z]+|[0-9]+|\.")


# A word's parts at its case changes: a capital run (a trailing plural s stays with it: APIs), a
# word with at most its first letter capital, a lone capital (iPhone → i Phone, HyperOS → Hyper OS).
_PARTS = re.compile(r"[A-Z]+(?:s(?![a-z]))?(?![a-z])|[A-Z]?[a-z]+|[A-Z]")
# Letters a word is made of, for :func:`_pronounceable`.
_VOWEL_LETTER = re.compile("[aeiou]")
_CONSONANT_RUN = re.compile("[b-df-hj-np-tv-xz]{5,}")
_ONSET = re.compile("[b-df-hj-np-tv-xz]+")
# Consonant letters that can begin an English word (a y after them is a vowel: Python, Skype).
_ENGLISH_ONSETS = frozenset("""
bl br ch chl chr cl cr dr dw fl fr gh gl gn gr kl kn kr ph phl phr pl pr ps qu rh sc sch schl schm schn
schw scr sh shr sk sl sm sn sp sph spl spr sq st str sv sw th thr thw tr ts tw wh wr
""".split())
# A lower-case word this short is spelled: in Chinese text it is an abbreviation, a variable or
# part of a code (abc, gov, 802.11ac, 2ab), seldom an English word.
_SHORT = 3
# Pinyin syllables, toneless (ü as v): a word made of them is a Chinese name or a user name (Wang,
# li_ming, taobao), said letter by letter as before rather than as English.
_PINYIN = frozenset("""
a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ce
cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chuai chuan chuang chui chun chuo ci
cong cou cu cuan cui cun cuo da dai dan dang dao de dei deng di dian diao die ding diu dong dou du duan
dui dun duo e ei en er fa fan fang fei fen feng fo fou fu ga gai gan gang gao ge gei gen geng gong gou
gu gua guai guan guang gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang
hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke ken
keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei leng li lia lian liang liao
lie lin ling liu long lou lu luan lun luo lv lve ma mai man mang mao me mei men meng mi mian miao mie
min ming miu mo mou mu na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nu
nuan nuo nv nve ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pu qi qia qian qiang
qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru ruan rui run ruo sa
sai san sang sao se sen seng sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan
shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te teng ti tian tiao tie ting
tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing
xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yong you yu yuan yue yun za zai zan zang zao
ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang
zhui zhun zhuo zi zong zou zu zuan zui zun zuo
""".split())
_LONGEST_PINYIN = max(map(len, _PINYIN))
_CONSONANT_LETTERS = frozenset("bcdfghjklmnpqrstvwxyz")
# Ends like an English silent e (mile, like, mate) although mi-le, li-ke, ma-te are pinyin.
_SILENT_E = re.compile(r"[aeiouy][bcdfgklmnprstvz]{1,2}e$")
# Function names of formulas, spelled like acronyms (sin x, log₂ 8),
_SPELLED = frozenset("sin cos tan cot sec csc log ln lg lim exp arcsin arccos arctan sinh cosh tanh "
                     "mod det gcd lcm aaa baa caa".split())  # … and credit ratings (Aaa, Baa1)


@functools.lru_cache(maxsize=8192)
def spell(word: str) -> str:
    """Read a run of Latin letters: a known word (``"Wi-Fi"`` → 歪飞; hyphens are dropped), an
    acronym letter by letter (``"GDP"`` → 吉迪批), an English word in Mandarin syllables
    (``"Python"`` → 牌森), a mixed-case word part by part (``"iPhone"`` → 艾丰)."""
    letters = word.replace("-", "")
    known = WORDS.get(letters.lower())
    if known is not None:
        return known
    if letters.islower() and len(letters) <= _SHORT:
        return spell_letters(letters)  # abc, ac, gov, id: abbreviations and names in codes, not words
    parts = _parts(letters)
    if len(parts) == 1 and _is_pinyin(letters.lower()):
        return spell_letters(letters)  # Wang, liming: a Chinese name, not English
    if len(parts) == 1 and len(letters) <= 2:
        return spell_letters(letters)  # Ca, Fe, No, Dr standing alone: symbols and abbreviations (My|SQL is read)
    if all(len(part) <= 2 for part in parts):
        return spell_letters(letters)  # NaCl, NaOH, IoT: element symbols and short capitals, no word among them
    return "".join(_read_part(part) for part in parts)


def spell_letters(word: str) -> str:
    """Letter by letter, case ignored: ``"GDP"`` → 吉迪批."""
    return "".join(LETTERS.get(c, "") for c in word.lower())


def _parts(word: str) -> list[str]:
    """``word`` split at its case changes (:data:`_PARTS`); a two-letter part without a vowel
    letter joins a capitalized word after it (``"McDonald"`` stays whole, ``"HbA"`` does not)."""
    parts = _PARTS.findall(word)
    for k in range(len(parts) - 1, 0, -1):
        before, part = parts[k - 1], parts[k]
        if len(before) == 2 and before[1].islower() and not _VOWEL_LETTER.search(before.lower()) \
                and len(part) > 1 and part[1:].islower():
            parts[k - 1:k + 1] = [before + part]
    return parts


def _read_part(part: str) -> str:
    """One part of :func:`_parts`: a known word, an acronym spelled, else an English word when it
    is pronounceable and espeak can read it, else spelled."""
    lower = part.lower()
    known = WORDS.get(lower)
    if known is not None:
        return known
    if len(part) == 1 or part.isupper() or (len(part) > 2 and part[-1] == "s" and part[:-1].isupper()) or lower in _SPELLED \
            or not _pronounceable(lower):
        return spell_letters(part)
    return read_english(part) or spell_letters(part)


def _is_pinyin(letters: str) -> bool:
    """True when lower-case ``letters`` are written pinyin: a sequence of :data:`_PINYIN` syllables,
    each after the first starting with a consonant (pinyin writes xi'an with an apostrophe), not
    ending like an English silent e (``"wang"``, ``"liming"``, ``"taobao"``; not ``"mile"``)."""
    if len(letters) > 2 and _SILENT_E.search(letters):
        return False
    return pinyin_syllables(letters, lambda part: part in _PINYIN) is not None


def pinyin_syllables(letters: str, is_syllable: Callable[[str], bool]) -> list[str] | None:
    """``letters`` cut into syllables that ``is_syllable`` accepts, each after the first starting with
    a consonant letter (pinyin writes xi'an with an apostrophe); ``None`` if they cannot be. A tone mark
    takes the place of its vowel, so toned syllables (``jiàoshì``) are cut the same way."""
    cuts: dict[int, list[str]] = {0: []}  # where a sequence of syllables can end, and the syllables
    for end in range(1, len(letters) + 1):
        for start in range(max(0, end - _LONGEST_PINYIN), end):
            part = letters[start:end]
            if start in cuts and (start == 0 or part[0].lower() in _CONSONANT_LETTERS) and is_syllable(part):
                cuts[end] = cuts[start] + [part]
                break
    return cuts.get(len(letters))


def _pronounceable(letters: str) -> bool:
    """True for lower-case ``letters`` that can be said as a word: a vowel letter (a y counts when
    it is not the first letter and the word is long or ends in it: Lynx, fly, not xyz), consonants
    before the first vowel that can begin an English word (not kcal, mmol) and no run of five
    consonant letters."""
    onset = _ONSET.match(letters[2:] if letters.startswith("mc") else letters)  # McDonald, McLaren
    if _CONSONANT_RUN.search(letters) or (onset and len(onset.group()) > 1
                                          and onset.group() not in _ENGLISH_ONSETS):
        return False
    if _VOWEL_LETTER.search(letters):
        return True
    return "y" in letters[1:] and (len(letters) >= 4 or letters.endswith("y"))


def read_address(address: str) -> str:
    """Read an e-mail address or URL part by part; digits one by one with 幺."""
    out: list[str] = []
    for token in _ADDRESS_TOKEN.findall(address):
        if token[0].isascii() and token[0].isalpha():
            out.append(spell(token))
        elif token[0].isdigit():
            out.append(read_digits(token, yao=True))
        else:
            out.append(_ADDRESS_SYMBOLS.get(token, ""))
    return "".join(out)


def _code_digits(digits: str) -> str:
    """Digits inside a code: short runs as a number (G20 → 二十), longer ones digit by digit."""
    if len(digits) >= 3 or digits[0] == "0":
        return read_digits(digits, yao=True)
    return read_int(digits, liang=False)


# Letters before a number that counts (TOP100 → TOP一百) and video resolutions read digit by digit
# without 幺 (1080P → 一零八零P, 720p, 2160P).
_COUNTING_LETTERS = frozenset(["top"])
_RESOLUTIONS = frozenset(["480", "720", "1080", "1440", "2160"])
# Airliners by their model numbers, digit by digit without 幺 (C919 → C九一九, A321 → 诶三二一).
_AIRLINERS = re.compile(r"(?:C9|A3|B7)[0-9]{2}")


def _code(match: re.Match[str]) -> list[Piece]:
    start = match.start()
    pieces: list[Piece] = []
    letters = ""
    for token in _CODE_TOKEN.finditer(match.group()):
        text = token.group()
        if text == ".":
            reading = "点"
        elif text[0].isdigit() and letters.lower() in _COUNTING_LETTERS:
            reading = read_int(text)
        elif text[0].isdigit() and _AIRLINERS.fullmatch(match.group()):
            reading = read_digits(text)
        elif text[0].isdigit():
            reading = _code_digits(text)
        else:
            letters = text
            reading = spell(text)
        pieces.append((reading, start + token.start(), start + token.end()))
    return pieces


def _url(match: re.Match[str]) -> list[Piece]:
    body = match["body"]
    return [group(match, "body", read_address(body))]


_EMAIL = r"[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
_URL_TAIL = r"(?:[/?#][A-Za-z0-9._~/?#=&%+:@-]*[A-Za-z0-9/_=&#-])?"
_TLD = r"(?:com|cn|net|org|edu|gov|io|cc|co|info|tv|me|hk|tw|uk|jp|de)"

EMAIL = rule(
    "email", _EMAIL, lambda m: [group(m, 0, read_address(m.group()))], START_LETTERS + START_DIGITS
)
URL = rule(
    "url",
    r"(?:(?:https?|ftp)://)?(?P<body>"
    r"(?:www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
    r"|(?<![A-Za-z0-9@.])(?:[A-Za-z0-9-]+\.)+" + _TLD + r"(?![A-Za-z0-9])"
    r"|(?<=://)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*)(?::[0-9]+)?" + _URL_TAIL + r")",
    _url,
    START_LETTERS + START_DIGITS,
)
# A user name or ID joined by underscores (微信号abc_123, li_ming2023): an identifier, read like an
# address — letters spelled, digits one by one with 幺, each _ 下划线. Not a piece of an address
# (a_b.com, li_ming@qq.com are read whole by their rules or not at all). It holds a letter: digits
# alone joined by _ are a number written with its thousands apart (1_000_000).
IDENTIFIER = rule(
    "identifier",
    r"(?<![A-Za-z0-9_./@])(?=[0-9_]*[A-Za-z])[A-Za-z0-9]+(?:_+[A-Za-z0-9]+)+"
    r"(?![A-Za-z0-9_@]|\.[A-Za-z0-9])",
    lambda m: [group(m, 0, read_address(m.group()))],
    START_LETTERS + START_DIGITS,
)
# A standard by its number: ISO 9001 → ISO九零零一, GB/T 19001 → GBT一九零零一, GB2312 → GB二三一二,
# IEEE 802.11 → 八零二点一一 (digit by digit, no 幺; the slash of GB/T silent); an edition year after a
# colon or a dash is read digit by digit too (ISO 9001:2015 → 九零零一二零一五, GB/T 19001-2016 → …杠二零一六).
# ISO before a film speed is a camera's sensitivity, a number (ISO 100 → ISO一百, ISO 25600).
_FILM_SPEEDS = frozenset("50 64 80 100 125 160 200 250 320 400 500 640 800 1000 1250 1600 2000 2500 3200 4000 "
                         "5000 6400 8000 10000 12800 16000 20000 25600 32000 51200 102400 204800 409600".split())


def _standard(match: re.Match[str]) -> list[Piece]:
    org, number = match["org"], match["n"]
    if org == "ISO" and number in _FILM_SPEEDS and not match["ed"]:
        spoken = read_int(number)
        if match["to"] and match["to"][1:].isdigit() and len(match["to"]) > 2:  # a range of film speeds: ISO 100-6400
            return [group(match, "org", spell(org)), group(match, "sp", ""), group(match, "n", spoken),
                    group(match, "to", "到" + read_int(match["to"][1:]))]
    else:
        whole, _, fraction = number.partition(".")
        spoken = read_digits(whole) + ("点" + read_digits(fraction) if fraction else "")
    pieces = [group(match, "org", _read_org(org)), group(match, "sp", ""), group(match, "n", spoken)]
    if match["ed"]:
        dash = "杠" if match["ed"].startswith("-") else "，"  # ISO 9001:2015 → 九零零一，二零一五
        pieces.append(group(match, "ed", dash + read_digits(match["ed"])))
    if match["to"]:  # its parts after the standard's number: ISO 3166-1 → …杠一, IEC 60335-2-15 → …杠二杠一五
        parts = re.findall("([-~])([0-9]+)", match["to"])
        pieces.append(group(match, "to", "".join(("杠" if sep == "-" else "到") + read_digits(n) for sep, n in parts)))
    return pieces


def _read_org(org: str) -> str:
    """A standard's prefix: letters spelled, a province's code digit by digit, the slash silent
    (GB/T → GBT, DB37/T → DB三七T)."""
    return "".join(read_digits(part) if part.isdigit() else spell(part) for part in re.findall("[A-Za-z]+|[0-9]+", org))


STANDARD = rule(
    "standard",
    r"(?<![A-Za-z])(?P<org>ISO|IEC|IEEE|GB/T|GB|EN|NY/T|NY|HJ|QB/T|JB/T|YY/T|YY|HG/T|SN/T|DB[0-9]{2}/T)(?P<sp>\s?)(?P<n>[0-9]{3,6}(?:\.[0-9]+)?)"
    r"(?P<ed>[:-](?:19|20)[0-9]{2})?(?P<to>(?:[-~][0-9]{1,6}){1,3})?(?![0-9])",
    _standard,
    "IGENHQJYSD",
)
# A road's kilometre stake: K123+500 → K一百二十三加五百 (kilometre 123 plus 500 metres).
STAKE = rule(
    "stake",
    r"(?<![A-Za-z0-9])(?P<k>[Kk])(?P<a>[0-9]{1,4})(?P<p>\+)(?P<b>[0-9]{1,3})(?![0-9])",
    lambda m: [group(m, "k", spell(m["k"].upper())), group(m, "a", read_int(m["a"], liang=False)),
               group(m, "p", "加"), group(m, "b", read_int(m["b"], liang=False))],
    "Kk",
)
# Letters glued to digits: CA1234 → 西诶幺二三四, MP3 → 艾姆批三, H7N9 → 艾尺七恩九,
# v1.2 → 维一点二.
CODE = rule(
    "code", r"(?:[A-Za-z]+[0-9]+(?:\.[0-9]+)*)+[A-Za-z]*(?![A-Za-z0-9])", _code, START_LETTERS
)
# A video resolution: 1080P → 一零八零P (the digits one by one, no 幺).
RESOLUTION = rule(
    "resolution",
    rf"(?<![0-9.])(?P<n>{'|'.join(sorted(_RESOLUTIONS, key=len, reverse=True))})(?P<p>[PpIi])(?![A-Za-z0-9])",
    lambda m: [group(m, "n", read_digits(m["n"])), group(m, "p", spell(m["p"]))],
    START_DIGITS,
)
# A title before a capitalized name, said as the word it abbreviates, its dot silent:
# Mr. Smith → 米丝特丝米丝, Dr. Brown → 多克特…; a common Chinese surname in pinyin after it is said
# as the surname (Dr. Wang → 多克特王, Prof. Zhang), not spelled like another pinyin word.
_TITLES: dict[str, str] = {"Mr": "Mister", "Mrs": "Missus", "Ms": "Miz", "Dr": "Doctor", "Prof": "Professor"}
_SURNAMES: dict[str, str] = {
    "wang": "王", "li": "李", "zhang": "张", "liu": "刘", "chen": "陈", "yang": "杨", "huang": "黄", "zhao": "赵",
    "wu": "吴", "zhou": "周", "xu": "徐", "sun": "孙", "ma": "马", "zhu": "朱", "hu": "胡", "guo": "郭", "he": "何",
    "gao": "高", "lin": "林", "luo": "罗", "zheng": "郑", "liang": "梁", "xie": "谢", "song": "宋", "tang": "唐",
    "han": "韩", "feng": "冯", "deng": "邓", "cao": "曹", "peng": "彭", "zeng": "曾", "xiao": "肖", "tian": "田",
    "dong": "董", "pan": "潘", "yuan": "袁", "cai": "蔡", "jiang": "江", "yu": "余", "du": "杜", "ye": "叶",
    "cheng": "程", "wei": "魏", "su": "苏", "lv": "吕", "ding": "丁", "ren": "任", "lu": "卢", "yao": "姚",
    "shen": "沈", "zhong": "钟", "cui": "崔", "tan": "谭", "fan": "范", "wan": "万", "qian": "钱",
}
TITLE = rule(
    "title",
    rf"(?<![A-Za-z])(?P<t>{'|'.join(sorted(_TITLES, key=len, reverse=True))})(?P<dot>\.?)(?= ?[A-Z][a-z])"
    rf"(?:(?P<sp> ?)(?P<name>[A-Z][a-z]+)(?P<poss>['’]s)?(?![A-Za-z]))?",
    lambda m: [group(m, "t", read_english(_TITLES[m["t"]]) or spell_letters(m["t"])),
               *([group(m, "dot", "")] if m["dot"] else []), *_title_name(m)],
    "MDP",
)


def _title_name(match: re.Match[str]) -> list[Piece]:
    """The name after a title: a pinyin surname as its character, anything else as a word."""
    if not match["name"]:
        return []
    name = match["name"]
    spoken = _SURNAMES.get(name.lower()) or spell(name)
    return [*([group(match, "sp", "")] if match["sp"] else []), group(match, "name", spoken),
            *([group(match, "poss", "丝")] if match["poss"] else [])]


# A word with an apostrophe: a possessive or a contraction, read whole (Tom's → 托姆丝, don't,
# McDonald's → 麦当劳 from WORDS); capitals before 's are spelled and the s said (CEO's → …丝).
_CONTRACTIONS = ("s", "t", "m", "re", "ve", "ll", "d")
APOSTROPHE_WORD = rule(
    "apostrophe_word",
    rf"(?<![A-Za-z0-9])(?P<stem>[A-Za-z]+)['’](?P<end>{'|'.join(_CONTRACTIONS)})(?![A-Za-z0-9])",
    lambda m: [group(m, 0, _apostrophe_word(m["stem"], m["end"]))],
    START_LETTERS,
)


def _apostrophe_word(stem: str, end: str) -> str:
    known = WORDS.get((stem + end).lower())
    if known is not None:
        return known
    if end == "s" and (stem.lower() in WORDS or stem.isupper()):
        return spell(stem) + "丝"  # NASA's 纳萨丝, CEO's 西伊欧丝, A's 诶丝
    return read_english(f"{stem}'{end}") or spell(stem) + spell_letters(end)


# Clothing sizes and weekdays joined by a hyphen, in any case: S-XL → S到XL, Mon-Fri → 周一到周五.
_SIZE = "(?:xxs|xs|s|m|l|xl|xxl|xxxl|[2-4]xl)"
_DAY = "(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)"
SIZE_OR_DAY_RANGE = rule(
    "size_or_day_range",
    rf"(?<![A-Za-z0-9-])(?i:{_SIZE}-{_SIZE}|{_DAY}-{_DAY})(?![A-Za-z0-9-])",
    lambda m: [group(m, 0, _hyphenated(m.group().lower()))],
    START_LETTERS + "234",
)
# Words joined by hyphens, one of them a lower-case word of two or more letters (hip-hop, K-pop,
# check-in, x-ray, e-mail, T-shirt): each part read as an English word, short ones too, a single
# letter spelled — not the short-abbreviation spelling of a lone ``pop`` or ``in``.
HYPHENATED_WORD = rule(
    "hyphenated_word",
    r"(?<![A-Za-z0-9-])(?=[A-Za-z-]*(?<![A-Za-z])[a-z]{2,}(?![A-Za-z]))[A-Za-z]+(?:-[A-Za-z]+){1,3}"
    r"(?![A-Za-z0-9]|-[A-Za-z0-9])",
    lambda m: [group(m, 0, _hyphenated(m.group()))],
    START_LETTERS,
)


# Clothing sizes and weekdays joined by a hyphen are a range (s-xl → S到XL, mon-fri → 周一到周五).
_SIZES = frozenset("xxs xs s m l xl xxl xxxl 2xl 3xl 4xl".split())
_WEEKDAYS = {"mon": "周一", "tue": "周二", "tues": "周二", "wed": "周三", "thu": "周四", "thur": "周四", "thurs": "周四",
             "fri": "周五", "sat": "周六", "sun": "周日"}


def _hyphenated(word: str) -> str:
    known = WORDS.get(word.replace("-", "").lower())
    if known is not None:
        return known
    parts = word.split("-")
    lower = [part.lower() for part in parts]
    if len(parts) == 2 and all(part in _SIZES for part in lower):
        return "到".join(spell_letters(part) for part in parts)
    if len(parts) == 2 and all(part in _WEEKDAYS for part in lower):
        return "到".join(_WEEKDAYS[part] for part in lower)
    return "".join(_hyphen_part(part) for part in parts)


def _hyphen_part(part: str) -> str:
    if len(part) > 1 and part.islower() and part not in WORDS and _pronounceable(part):
        return read_english(part) or spell_letters(part)
    return spell(part)


# Programming languages and frameworks written with symbols: C# 西夏普, F# 艾弗夏普, .NET 点耐特 (a key
# such as C#大调 is read by the music rules before this one).
SYMBOL_NAME = rule(
    "symbol_name",
    r"(?<![A-Za-z0-9])(?:(?P<sharp>[CF])#|(?P<net>\.NET))(?![A-Za-z0-9#])",
    lambda m: [group(m, 0, spell_letters(m["sharp"]) + "夏普" if m["sharp"] else "点耐特")],
    "CF.",
)
WORD = rule("word", r"[A-Za-z]+", lambda m: [group(m, 0, spell(m.group()))], START_LETTERS)
GREEK_LETTER = rule(
    "greek",
    "[" + "".join(GREEK) + "".join(GREEK).upper() + "]",
    lambda m: [group(m, 0, GREEK.get(m.group().lower(), ""))],
    "".join(GREEK) + "".join(GREEK).upper(),
)

RULES: tuple[Rule, ...] = (
    EMAIL, URL, IDENTIFIER, STANDARD, STAKE, CODE, RESOLUTION, TITLE, APOSTROPHE_WORD, SIZE_OR_DAY_RANGE, HYPHENATED_WORD, SYMBOL_NAME,
    WORD,
    GREEK_LETTER,
)
