"""Latin letters, acronyms, letter–digit codes, Greek letters, e-mail addresses and URLs.

Letters are spelled with Chinese characters the G2P can read (``A`` → 诶, ``B`` → 比, ...): an
acronym or any word not in the small ``WORDS`` table is spelled letter by letter, case ignored.
``user@mail.com`` → 优艾斯伊阿尔艾特艾姆诶艾艾乐点康姆; a user name with underscores is read
the same way (``abc_123`` → 诶比西下划线幺二三).
"""

from __future__ import annotations

import re

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

# Words with an established Chinese reading; everything else is spelled.
# Keys are lower case, without hyphens (Wi-Fi is wifi, said wai-fai).
WORDS: dict[str, str] = {
    "ok": "欧开", "email": "伊妹儿", "com": "康姆", "net": "耐特", "vs": "对", "wifi": "歪飞",
    # product names and their suffixes, said as words (Redmi Note 13 Pro, iPhone 15 Plus, Mate 60 Pro)
    "redmi": "红米", "note": "诺特", "pro": "普罗", "max": "麦克斯", "plus": "普拉斯", "mini": "迷你", "air": "艾尔",
    "ultra": "奥特拉", "bug": "巴格",
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


def spell(word: str) -> str:
    """Read a run of Latin letters: a known word, else letter by letter (``"GDP"`` → 吉迪批);
    hyphens inside are dropped (``"Wi-Fi"`` → 歪飞)."""
    known = WORDS.get(word.lower().replace("-", ""))
    if known is not None:
        return known
    return "".join(LETTERS.get(c, "") for c in word.lower())


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
    else:
        whole, _, fraction = number.partition(".")
        spoken = read_digits(whole) + ("点" + read_digits(fraction) if fraction else "")
    pieces = [group(match, "org", spell(org.replace("/", ""))), group(match, "sp", ""), group(match, "n", spoken)]
    if match["ed"]:
        dash = "杠" if match["ed"].startswith("-") else "，"  # ISO 9001:2015 → 九零零一，二零一五
        pieces.append(group(match, "ed", dash + read_digits(match["ed"])))
    return pieces


STANDARD = rule(
    "standard",
    r"(?<![A-Za-z])(?P<org>ISO|IEC|IEEE|GB/T|GB|EN)(?P<sp>\s?)(?P<n>[0-9]{3,6}(?:\.[0-9]+)?)"
    r"(?P<ed>[:-](?:19|20)[0-9]{2})?(?![0-9])",
    _standard,
    "IGE",
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
WORD = rule("word", r"[A-Za-z]+", lambda m: [group(m, 0, spell(m.group()))], START_LETTERS)
GREEK_LETTER = rule(
    "greek",
    "[" + "".join(GREEK) + "".join(GREEK).upper() + "]",
    lambda m: [group(m, 0, GREEK.get(m.group().lower(), ""))],
    "".join(GREEK) + "".join(GREEK).upper(),
)

RULES: tuple[Rule, ...] = (EMAIL, URL, IDENTIFIER, STANDARD, STAKE, CODE, RESOLUTION, WORD, GREEK_LETTER)
