"""Mathematical formulas with letters, as a teacher reads them aloud.

``x²-4=0`` → 艾克斯的平方减四等于零, ``若a>b`` → 若诶大于比, ``sin30°=1/2`` → sin三十度等于二分之一,
``√(x+1)≥0`` → 根号下艾克斯加一大于等于零, ``|-5|=5`` → 负五的绝对值等于五, ``(a+b)²`` → 诶加比的和的平方,
``AB∥CD`` → AB平行于CD, ``△ABC≌△DEF`` → 三角形ABC全等于三角形DEF, ``x→∞`` → 艾克斯趋向于无穷大,
``5!`` → 五的阶乘; numbers on both sides of a slash are a fraction (``1/2+1/3=5/6`` → 二分之一加三分之一
等于六分之五), letters a quotient (``v=s/t`` → 维等于艾斯除以提); units of measurement after numbers are
read as units (``S=20m²`` → 二十平方米, ``c=3×10⁸m/s`` → …米每秒, ``t=25℃``, ``F=100N``, ``x=50%``).

A run of such characters is a formula only when a relation (= > ≥ ∥ ∈ …) stands between two operands
and the run holds a letter (or a fraction beside an equals sign). Runs that are names or numbers of
another kind stay with the other rules: words of three small letters but the names of functions
(``iPhone``), names joined by a hyphen to a number (``GPT-4``, ``COVID-19``, ``i7-13700K``), dotted
numbers (``192.168.1.1``, ``v1.2.3``), an item number opening a line (``(1)``) and emoticons such as
``(>ω<)``, whose relation has no operand beside it. Letters are spelled
(:func:`~tts.text.normalize.latin.spell`), as everywhere else.

``2′30″`` → 两分三十秒 and ``116°23′`` → 一百一十六度二十三分 are read by :data:`ANGLE`.
"""

from __future__ import annotations

import re

from tts.text.normalize.latin import GREEK, spell
from tts.text.normalize.money_units import UNITS
from tts.text.normalize.numbers import read_decimal, read_digits, read_fraction, read_int
from tts.text.normalize.rules import START_DIGITS, START_LETTERS, Piece, Rule, group, rule

_GREEK_CLASS = "".join(GREEK) + "".join(GREEK).upper()
# What a formula may be written with (no spaces; a comma only inside a number: 1,000).
_CHARS = (
    rf"A-Za-z0-9.{_GREEK_CLASS}²³¹⁰⁴-⁹ⁿ⁻⁺₀-₉°′″!+\-−×÷·*/=≠≈<>≥≤±:∥⊥≌∽∈∉∩∪⊂⊆→()（）√∛|△∠∞∅%^"
)
_CHAR = rf"(?:[{_CHARS}]|(?<=[0-9]),(?=[0-9]{{3}}(?![0-9])))"
_RELATIONS = "=≠≈<>≥≤∥⊥≌∽∈∉∩∪⊂⊆→"
# A relation with an operand on each side (not the > of an emoticon such as (>ω<)).
_LEFT = rf"[A-Za-z0-9{_GREEK_CLASS}²³ⁿ)）|°%!∞∅]"
_RIGHT = rf"[-−A-Za-z0-9{_GREEK_CLASS}(（√∛|△∠∞∅]"
_FUNCTIONS = ("sin", "cos", "tan", "cot", "log", "lg", "ln", "lim", "max", "min")
_GUARDS = (
    rf"(?=(?:{_CHAR})*?{_LEFT}[{_RELATIONS}]{_RIGHT})"  # a relation between operands
    rf"(?!(?:{_CHAR})*?(?<![a-z])(?!(?:{'|'.join(_FUNCTIONS)})(?![a-z]))[a-z]{{3}})"  # no word: iPhone
    rf"(?!(?:{_CHAR})*?(?:[A-Za-z]{{2}}|[A-Za-z][0-9]+)-[0-9A-Za-z])"  # no name: GPT-4, i7-13700K
    r"(?![^，。\s]*?[0-9]\.[0-9]+\.[0-9])"  # no dotted number: 192.168.1.1, v1.2.3
    r"(?![(（][0-9]+[)）])"  # no item number opening it: (1)
    r"(?![(（][0-9.]+[-~][0-9.]+[A-Za-zμ%°]+[)）])"  # no range with a unit in brackets opening it: (1.00-4.75mm)≥90%
)
_HOLDS_MATH = (
    rf"(?=(?:{_CHAR})*[A-Za-z{_GREEK_CLASS}√∛△∠∞∅ⁿ]"
    rf"|(?:{_CHAR})*[0-9]/[0-9](?:{_CHAR})*=|(?:{_CHAR})*=(?:{_CHAR})*[0-9]/[0-9]"
    rf"|(?=(?:{_CHAR})*=)(?:{_CHAR})*[²³ⁿ√∛|!()（）])"
)
_PATTERN = (
    rf"(?<![{_CHARS}])(?<![0-9A-Za-z]：){_HOLDS_MATH}{_GUARDS}(?:{_CHAR}){{3,}}(?<![.:：(（,])(?![{_CHARS}])"
    r"(?!：[0-9A-Za-z])"  # not a piece of a ratio written with a full-width colon: A：B=3：2
)

_TOKEN = re.compile(
    rf"(?P<num>[0-9]{{1,3}}(?:,[0-9]{{3}})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)"
    rf"|(?P<func>{'|'.join(_FUNCTIONS)})(?![a-z])|(?P<letters>[A-Za-z]+)"
    r"|(?P<sup>[²³¹⁰⁴-⁹ⁿ⁻⁺]+)|(?P<sub>[₀-₉]+)|(?P<other>.)"
)
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_SUBSCRIPTS = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")
_WORDS = {
    "+": "加", "×": "乘", "*": "乘", "·": "乘", "÷": "除以", "/": "除以", "=": "等于", "≠": "不等于",
    "≈": "约等于", ">": "大于", "<": "小于", "≥": "大于等于", "≤": "小于等于", "±": "正负", ":": "比",
    "：": "比", "∥": "平行于", "⊥": "垂直于", "≌": "全等于", "∽": "相似于", "∈": "属于", "∉": "不属于",
    "∩": "交", "∪": "并", "⊂": "包含于", "⊆": "包含于", "∞": "无穷大", "∅": "空集", "△": "三角形",
    "∠": "角", "√": "根号", "∛": "三次根号", "°": "度", "′": "分", "″": "秒", "!": "的阶乘",
}
_OPERAND_ENDS = ("num", "letters", "greek", "close", "sup", "sub", "abs", "unit")
# What a bracketed sum, difference or product is called when it is raised to a power or operated on.
_RESULTS = {"加": "的和", "减": "的差", "乘": "的积"}
# Units inside a formula beyond the unit table (N is too often a letter elsewhere: N95, 3N), and the
# one-letter units that count as units only closing the formula or before / · ² ³ (x=2t is 2t).
_FORMULA_UNITS = {"N": "牛", "A": "安", "Ω": "欧", "T": "特", "Wb": "韦伯", "C": "库"}
_ONE_LETTER_UNITS = frozenset("mstghLNAVWJTC")
# A single capital letter squared in statistics (R² = 0.96, I² = 35%) is said "R 平方"; χ² is 卡方.
_STAT_SQUARES = frozenset("RI")
_UNIT_KEYS = sorted(set(UNITS) | set(_FORMULA_UNITS), key=len, reverse=True)
_PRESSURE_UNITS = ("mmHg", "kPa")
_RESOLUTIONS = frozenset(["480", "720", "1080", "1440", "2160"])
_CHEMICAL = re.compile(r"[A-Z][a-z]?[0-9₀-₉]")


def _power(exponent: str, *, after_function: bool) -> str:
    """² → 的平方 (平方 right after a function: sin²x), ⁿ → 的n次方, ⁻¹ → 的负一次方."""
    plain = exponent.translate(_SUPERSCRIPTS)
    words = {"2": "平方", "3": "立方"}.get(plain)
    if words is None:
        sign = "负" if plain.startswith("-") else ""
        digits = plain.lstrip("+-")
        words = sign + (read_decimal(digits, liang=False) if digits.isdigit() else spell("n")) + "次方"
    return words if after_function else "的" + words


def _unit_at(text: str, position: int) -> str | None:
    """The longest unit symbol of the table written at ``text[position:]`` and ending a word."""
    for key in _UNIT_KEYS:
        if text.startswith(key, position):
            end = position + len(key)
            if end == len(text) or not (text[end].isascii() and text[end].isalpha()):
                return key
    return None


def _formula(match: re.Match[str]) -> list[Piece]:
    text = match.group()
    tokens = [(t.lastgroup or "other", t.group(), t.start()) for t in _TOKEN.finditer(text)]
    chemical = _CHEMICAL.search(text) is not None
    out: list[str] = []
    previous = ""  # the kind of the token before: num, letters, func, unit, close, op …
    brackets: list[tuple[str, str]] = []  # per open bracket: the kind before it, the first operator inside
    in_abs = False
    k = 0
    while k < len(tokens):
        kind, word, start = tokens[k]
        nxt = tokens[k + 1] if k + 1 < len(tokens) else ("", "", len(text))
        after = tokens[k + 2] if k + 2 < len(tokens) else ("", "", len(text))
        unit = _unit_at(text, start) if previous in ("num", "per", "power") and kind in ("letters", "func", "other") else None
        if unit is not None and len(unit) == 1 and unit in _ONE_LETTER_UNITS:
            end = start + 1
            glued = k >= 2 and tokens[k - 2][0] == "letters" and tokens[k - 1][2] == tokens[k - 2][2] + len(tokens[k - 2][1])
            if (end < len(text) and text[end] not in "/·²³)）=≠≈<>≥≤") or glued:
                unit = None  # x=2t+1, 2a·3b, s=v0t: a letter after a coefficient or a subscript
        if unit is not None:
            end = start + len(unit)
            square = text[end:end + 1] if text[end:end + 1] in ("²", "³") else ""
            inverse = "⁻¹" if text.startswith("⁻¹", end) else ""
            spoken = UNITS.get(unit) or _FORMULA_UNITS[unit]
            out.append(("每" if inverse else "") + {"²": "平方", "³": "立方"}.get(square, "") + spoken)  # 20m² → 二十平方米, mol⁻¹ 每摩尔
            end += len(square) + len(inverse)
            while k < len(tokens) and tokens[k][2] < end:
                k += 1
            previous = "unit"
            continue
        if kind == "num":
            if nxt[1] == "%":
                out.append("百分之" + read_decimal(word))  # x=50% → 艾克斯等于百分之五十
                k += 2
                previous = "num"
                continue
            if previous == "letters" and len(tokens[k - 1][1]) >= 2 and tokens[k - 1][1].isupper() \
                    and start == tokens[k - 1][2] + len(tokens[k - 1][1]):
                out.append(read_digits(word) if len(word) >= 3 else read_int(word, liang=False))  # RTX4090
                k += 1
                previous = "num"
                continue
            if nxt[0] == "letters" and nxt[1] in ("P", "p", "K") and word in _RESOLUTIONS:
                out.append(read_digits(word) + spell(nxt[1]))  # 1080P → 一零八零P
                k += 2
                previous = "num"
                continue
            if nxt[1] == "/" and after[0] == "num" and previous not in ("letters", "greek"):
                if text.startswith(_PRESSURE_UNITS, after[2] + len(after[1])):
                    out.append(read_decimal(word) + "比" + read_decimal(after[1]))  # 120/80mmHg
                else:
                    out.append(read_fraction(word, after[1]))  # 1/2 → 二分之一
                k += 3
                previous = "num"
                continue
            if nxt[1] in "-−" and after[0] == "num" and "," not in word + after[1] \
                    and float(word) < float(after[1]) and previous in ("", "op") \
                    and (k + 3 >= len(tokens) or tokens[k + 3][0] in ("letters", "other") and tokens[k + 3][1] not in "+-−×÷*/^"):
                out.append(read_decimal(word) + "到" + read_decimal(after[1]))  # A=90-100分, pH=6-8
                k += 3
                previous = "num"
                continue
            out.append(read_decimal(word))
        elif kind == "letters" and word == "x" and previous == "num" and nxt[0] == "num":
            out.append("乘")  # 5x3=15: the times sign written as x
            kind = "op"
        elif kind in ("func", "letters"):
            out.append(spell(word))
            kind = "func" if kind == "func" else "letters"
        elif kind == "sup" and previous == "num" and tokens[k - 1][1] == "10" and word.translate(_SUPERSCRIPTS).lstrip("-").isdigit():
            plain = word.translate(_SUPERSCRIPTS)
            out.append("的" + ("负" if plain.startswith("-") else "") + read_decimal(plain.lstrip("-"), liang=False) + "次方")  # 10³ → 十的三次方
            kind = "power"
        elif kind == "sup" and word == "²" and previous in ("letters", "greek") and tokens[k - 1][1] in _STAT_SQUARES | {"χ"}:
            out[-1] = "卡方" if tokens[k - 1][1] == "χ" else out[-1] + "平方"  # χ² 卡方, R² R 平方
            kind = "letters"
        elif kind == "sup":
            out.append(_power(word, after_function=previous == "func"))
            kind = "power" if previous in ("num", "unit") else "sup"
        elif kind == "sub":
            out.append(read_decimal(word.translate(_SUBSCRIPTS), liang=False))  # x₁ → 艾克斯一
        elif word.lower() in GREEK:
            out.append(GREEK[word.lower()])
            kind = "greek"
        elif word in "(（":
            brackets.append((previous, ""))
            kind = "open"
        elif word in ")）" and brackets and brackets[-1][0] == "per":
            brackets.pop()
            kind = "unit"
        elif word in ")）":
            opened_after, operator = brackets.pop() if brackets else ("", "")
            operand_next = nxt[0] == "sup" or (nxt[1] != "" and nxt[1] in "×*·÷/")
            if operator and (operand_next or opened_after == "op"):
                out.append(_RESULTS[operator])  # (a+b)² → 诶加比的和的平方, a-(b+c) → …比加西的和
            kind = "close"
        elif word == "|":
            if in_abs:
                out.append("的绝对值")  # |-5| → 负五的绝对值
                kind = "abs"
            in_abs = not in_abs
        elif word in "-−":
            binary = previous in _OPERAND_ENDS
            out.append("减" if binary else "负")  # a-c 减, -5 负
            if binary and brackets and not brackets[-1][1]:
                brackets[-1] = (brackets[-1][0], "减")
            kind = "op"
        elif word == "√" and nxt[1] != "" and nxt[1] in "(（":
            out.append("根号下")  # √(x+1) → 根号下艾克斯加一
            kind = "root"
        elif word == "^" and (nxt[0] == "num" or (nxt[1] in "-−" and after[0] == "num")):
            negative = nxt[0] != "num"
            exponent = after[1] if negative else nxt[1]
            power = ("负" if negative else "") + read_decimal(exponent, liang=False) + "次方"
            if not negative and previous != "num" or (previous == "num" and tokens[k - 1][1] != "10" and not negative):
                power = {"2": "平方", "3": "立方"}.get(exponent, power)
            out.append("的" + power)  # 10^8 → 十的八次方, 10^-19 → 十的负十九次方, x^2 → 艾克斯的平方
            k += 3 if negative else 2
            previous = "power" if tokens[k - (3 if negative else 2) - 1][0] == "num" else "sup"
            continue
        elif word == "·" and previous == "unit":
            kind = "per"  # J·s → 焦秒, Ω·m → 欧米: units multiplied are said one after the other
            previous = kind
            k += 1
            continue
        elif word in "(（" and previous == "per" and tokens[k - 1][1] == "/":
            brackets.append(("per", ""))  # J/(kg·℃) → 焦每千克摄氏度
            previous = "per"
            k += 1
            continue
        elif word == "!" and nxt[1] == "=":
            out.append("不等于")  # a!=b
            k += 2
            previous = "op"
            continue
        elif word == "°" and nxt[0] == "letters" and nxt[1] in ("C", "F"):
            out.append("摄氏度" if nxt[1] == "C" else "华氏度")  # t=25℃
            k += 2
            previous = "unit"
            continue
        elif word == ".":
            kind = "op"
        elif word == "→":
            if previous == "letters" and tokens[k - 1][1].islower() and len(tokens[k - 1][1]) == 1:
                out.append("趋向于")  # x→∞, x→0
            else:
                out.append("生成" if chemical else "到")  # 2H₂O→2H₂+O₂; A→B
            kind = "op"
        elif word == "/" and previous == "unit":
            out.append("每")  # 10N/kg → 十牛每千克
            kind = "per"
        else:
            out.append(_WORDS.get(word, ""))
            kind = "close" if word in "°′″!∞∅" else "op"
            if word in "+×*·" and brackets and not brackets[-1][1]:
                brackets[-1] = (brackets[-1][0], _WORDS[word])
        previous = kind
        k += 1
    return [group(match, 0, "".join(out))]


FORMULA = rule(
    "formula",
    _PATTERN,
    _formula,
    START_LETTERS + START_DIGITS + _GREEK_CLASS + "(（√∛|△∠-−",
)


def _degrees_minutes_seconds(deg: str | None, minutes: str | None, sec: str | None, *, two_minutes: str = "二") -> str:
    """度, 分 and 秒 read from their digits (``two_minutes`` for a lone 2 of minutes: 两分 in a race time)."""
    spoken = read_decimal(deg) + "度" if deg else ""
    if minutes:
        spoken += (two_minutes if minutes == "2" else read_decimal(minutes)) + "分"
    if sec:
        spoken += read_decimal(sec) + "秒"
    return spoken


def _angle(match: re.Match[str]) -> list[Piece]:
    """116°23′ → 一百一十六度二十三分, 2′30″ → 两分三十秒 (a race time or the minutes of an angle)."""
    return [group(match, 0, _degrees_minutes_seconds(match["deg"], match["min"], match["sec"], two_minutes="两"))]


ANGLE = rule(
    "angle",
    r"(?<![0-9.])(?:(?P<deg>[0-9]+(?:\.[0-9]+)?)°(?=[0-9]+′))?(?P<min>[0-9]+(?:\.[0-9]+)?)′"
    r"(?:(?P<sec>[0-9]+(?:\.[0-9]+)?)″)?",
    _angle,
    START_DIGITS,
)

_COMPASS = {"N": "北纬", "S": "南纬", "E": "东经", "W": "西经"}


def _lat_long(match: re.Match[str]) -> list[Piece]:
    """23°26′N → 北纬二十三度二十六分, 120°E → 东经一百二十度: the hemisphere said first."""
    named = match.string[max(0, match.start() - 2):match.start()] in _COMPASS.values()  # 北纬39°54′N: said once
    spoken = _degrees_minutes_seconds(match["deg"], match["min"], match["sec"])
    return [group(match, 0, ("" if named else _COMPASS[match["dir"]]) + spoken)]


LAT_LONG = rule(
    "lat_long",
    r"(?<![0-9.])(?P<deg>[0-9]{1,3}(?:\.[0-9]+)?)°(?:(?P<min>[0-9]{1,2}(?:\.[0-9]+)?)[′']"
    r"(?:(?P<sec>[0-9]{1,2}(?:\.[0-9]+)?)[″\"])?)?(?P<dir>[NSEW])(?![A-Za-z弯])",
    _lat_long,
    START_DIGITS,
)
# An isotope, its mass number a superscript before the element (¹⁴C, ³²P): the number, then the element's letters.
# Chinese names of the elements whose isotopes are commonly written with a superscript mass number.
ELEMENT_NAMES: dict[str, str] = {
    "H": "氢", "He": "氦", "Li": "锂", "Be": "铍", "B": "硼", "C": "碳", "N": "氮", "O": "氧", "F": "氟",
    "Ne": "氖", "Na": "钠", "Mg": "镁", "Al": "铝", "Si": "硅", "P": "磷", "S": "硫", "Cl": "氯", "Ar": "氩",
    "K": "钾", "Ca": "钙", "Fe": "铁", "Co": "钴", "Ni": "镍", "Cu": "铜", "Zn": "锌", "Se": "硒", "Br": "溴",
    "Kr": "氪", "Sr": "锶", "Tc": "锝", "I": "碘", "Xe": "氙", "Cs": "铯", "Ba": "钡", "Au": "金", "Pb": "铅",
    "Po": "钋", "Rn": "氡", "Ra": "镭", "Th": "钍", "U": "铀", "Pu": "钚", "Am": "镅",
}


_LIGHT_ELEMENTS = frozenset(["H", "He", "Li", "Be"])


def _isotope(match: re.Match[str]) -> list[Piece]:
    """¹⁴C → 碳十四, ³²P → 磷三十二, ²³⁵U → 铀二三五 (the element named first, as 碳-14 is said; three
    digits one by one); an element without a Chinese name here keeps the number first: ⁹⁹Mo → 九十九…"""
    number = match["n"].translate(_SUPERSCRIPTS)
    name = ELEMENT_NAMES.get(match["e"])
    if len(number) == 1 and match["e"] not in _LIGHT_ELEMENTS:
        name = None  # ²S, ³P: a spectroscopic term, no isotope (only H to Be have one-digit mass numbers)
    if name is None:
        return [group(match, "n", read_int(number, liang=False)), group(match, "e", spell(match["e"]))]
    spoken = read_digits(number) if len(number) == 3 else read_int(number, liang=False)
    return [group(match, "n", ""), group(match, "e", name + spoken)]


ISOTOPE = rule(
    "isotope",
    r"(?<![A-Za-z0-9⁰¹²³⁴-⁹)）])(?P<n>[¹²³⁰⁴-⁹]{1,3})(?P<e>[A-Z][a-z]?)(?![a-z])",
    _isotope,
    "¹²³⁰⁴⁵⁶⁷⁸⁹",
)
# An electron configuration: 1s²2s²2p⁶ → 一艾斯二二艾斯二二批六 (each shell's number, its letter
# spelled, the superscript count), after a noble-gas core in brackets ([Ar]3d⁶4s² → 诶阿尔三迪六…); one
# orbital alone only before 轨道 / 电子 (4p² alone is algebra).
_ORBITAL = re.compile(r"(?P<shell>[1-7])(?P<l>[spdf])(?P<count>[⁰¹²³⁴-⁹]{1,2})")
ELECTRON_CONFIGURATION = rule(
    "electron_configuration",
    r"(?<![A-Za-z0-9⁰¹²³⁴-⁹\]])(?:(?P<core>\[(?:He|Ne|Ar|Kr|Xe|Rn)\])(?:[1-7][spdf][⁰¹²³⁴-⁹]{1,2})+"
    r"|(?:[1-7][spdf][⁰¹²³⁴-⁹]{1,2}){2,}|[1-7][spdf][⁰¹²³⁴-⁹]{1,2}(?=轨道|电子|能级|亚层))"
    r"(?![A-Za-z0-9⁰¹²³⁴-⁹])",
    lambda m: [group(m, 0, (spell(m["core"][1:-1]) if m["core"] else "") + "".join(
        read_digits(o["shell"]) + spell(o["l"]) + read_int(o["count"].translate(_SUPERSCRIPTS), liang=False)
        for o in _ORBITAL.finditer(m.group())))],
    "1234567[",
)
# A hybrid orbital: sp³ → 艾斯批三, sp³d² → 艾斯批三迪二, dsp² (not the square of sp).
HYBRID_ORBITAL = rule(
    "hybrid_orbital",
    r"(?<![A-Za-z0-9])(?P<h>d?sp)(?P<n>[²³])(?P<d>d[¹²]?)?(?![A-Za-z0-9⁰¹²³⁴-⁹])",
    lambda m: [group(m, 0, spell(m["h"]) + read_int(m["n"].translate(_SUPERSCRIPTS), liang=False)
                     + (spell("d") + read_int(m["d"][1:].translate(_SUPERSCRIPTS), liang=False)
                        if m["d"] and len(m["d"]) > 1 else spell("d") if m["d"] else ""))],
    "ds",
)
# The 5′ and 3′ ends of a DNA strand: 五撇端, 三撇端 (not minutes).
PRIME_END = rule(
    "prime_end",
    r"(?<![0-9.°])(?P<n>[35])[′'](?=端)",
    lambda m: [group(m, 0, read_decimal(m["n"]) + "撇")],
    "35",
)
# A magnification written after its number (目镜10×, 物镜40×): 十倍.
MAGNIFICATION = rule(
    "magnification",
    r"(?<![0-9.×xX*])(?:(?P<n>[0-9]{1,4})×|(?:(?<=镜)|(?<=放大))(?P<m>[0-9]{1,4})[xX])(?=[，。、；;,）)]|$)",
    lambda m: [group(m, 0, read_decimal(m["n"] or m["m"]) + "倍")],
    START_DIGITS,
)

RULES: tuple[Rule, ...] = (LAT_LONG, ISOTOPE, ELECTRON_CONFIGURATION, HYBRID_ORBITAL, PRIME_END, MAGNIFICATION, FORMULA, ANGLE)
