"""Mathematical formulas with letters, as a teacher reads them aloud.

``x²-4=0`` → 艾克斯的平方减四等于零, ``若a>b`` → 若诶大于比, ``sin30°=1/2`` → sin三十度等于二分之一,
``log₂8=3`` → 以二为底八的对数等于三, ``√(x+1)≥0`` → 根号下艾克斯加一大于等于零, ``|-5|=5`` → 负五的绝对值
等于五, ``AB∥CD`` → AB平行于CD, ``△ABC≌△DEF`` → 三角形ABC全等于三角形DEF, ``x→∞`` → 艾克斯趋向于无穷大,
``5!`` → 五的阶乘; numbers on both sides of a slash are a fraction (``1/2+1/3=5/6`` → 二分之一加三分之一
等于六分之五), letters a quotient (``v=s/t`` → 维等于艾斯除以提). A run of such characters is a formula
only when it holds a relation (= > ≥ ∥ ∈ …) and a letter, or a fraction beside an equals sign, and no
word of three small letters but the names of functions (sin, log …): ``iPhone``, ``v2.0`` and ``A-B``
stay with the other rules. Letters are spelled (:func:`~tts.text.normalize.latin.spell`), as
everywhere else.
"""

from __future__ import annotations

import re

from tts.text.normalize.latin import GREEK, spell
from tts.text.normalize.money_units import UNITS
from tts.text.normalize.numbers import read_decimal, read_fraction
from tts.text.normalize.rules import START_DIGITS, START_LETTERS, Piece, Rule, group, rule

_GREEK_CLASS = "".join(GREEK)
# What a formula may be written with (no spaces, no commas: a formula ends there).
_CHARS = (
    rf"A-Za-z0-9.{_GREEK_CLASS}²³¹⁰⁴-⁹ⁿ⁻⁺₀-₉°′″!+\-−×÷·*/=≠≈<>≥≤±:∥⊥≌∽∈∉∩∪⊂⊆→()（）√∛|△∠∞∅"
)
_RELATIONS = "=≠≈<>≥≤∥⊥≌∽∈∉∩∪⊂⊆→"
_FUNCTIONS = ("sin", "cos", "tan", "cot", "log", "lg", "ln", "lim", "max", "min")
_NO_LONG_WORD = (
    rf"(?![{_CHARS}]*?(?<![a-z])(?!(?:{'|'.join(_FUNCTIONS)})(?![a-z]))[a-z]{{3}})"
)
_HOLDS_MATH = (
    rf"(?=[{_CHARS}]*[{_RELATIONS}])(?=[{_CHARS}]*[A-Za-z{_GREEK_CLASS}√∛△∠∞∅ⁿ]"
    rf"|[{_CHARS}]*[0-9]/[0-9][{_CHARS}]*=|[{_CHARS}]*=[{_CHARS}]*[0-9]/[0-9]"
    rf"|(?=[{_CHARS}]*=)[{_CHARS}]*[²³ⁿ√∛|!()（）])"
)
_PATTERN = rf"(?<![{_CHARS}]){_HOLDS_MATH}{_NO_LONG_WORD}[{_CHARS}]{{3,}}(?<![.:])(?![{_CHARS}])"

_TOKEN = re.compile(
    rf"(?P<num>[0-9]+(?:\.[0-9]+)?)|(?P<func>{'|'.join(_FUNCTIONS)})(?![a-z])|(?P<letters>[A-Za-z]+)"
    r"|(?P<sup>[²³¹⁰⁴-⁹ⁿ⁻⁺]+)|(?P<sub>[₀-₉]+)|(?P<other>.)"
)
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_SUBSCRIPTS = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")
_WORDS = {
    "+": "加", "×": "乘", "*": "乘", "·": "乘", "÷": "除以", "/": "除以", "=": "等于", "≠": "不等于",
    "≈": "约等于", ">": "大于", "<": "小于", "≥": "大于等于", "≤": "小于等于", "±": "正负", ":": "比",
    "∥": "平行于", "⊥": "垂直于", "≌": "全等于", "∽": "相似于", "∈": "属于", "∉": "不属于", "∩": "交",
    "∪": "并", "⊂": "包含于", "⊆": "包含于", "∞": "无穷大", "∅": "空集", "△": "三角形",
    "∠": "角", "√": "根号", "∛": "三次根号", "°": "度", "′": "分", "″": "秒", "!": "的阶乘",
}
_OPERAND_ENDS = ("num", "letters", "greek", "close", "sup", "sub", "abs")
# Units of physics a number carries inside a formula that the unit table leaves out (N is too
# often a letter elsewhere: N95, 3N).
_FORCE_UNITS = {"N": "牛"}


def _power(exponent: str, *, after_function: bool) -> str:
    """² → 的平方 (平方 right after a function: sin²x), ⁿ → 的n次方, ⁻¹ → 的负一次方."""
    plain = exponent.translate(_SUPERSCRIPTS)
    words = {"2": "平方", "3": "立方"}.get(plain)
    if words is None:
        sign = "负" if plain.startswith("-") else ""
        digits = plain.lstrip("+-")
        words = sign + (read_decimal(digits, liang=False) if digits.isdigit() else spell("n")) + "次方"
    return words if after_function else "的" + words


def _formula(match: re.Match[str]) -> list[Piece]:
    tokens = [(t.lastgroup or "other", t.group()) for t in _TOKEN.finditer(match.group())]
    out: list[str] = []
    previous = ""  # the kind of the token before: num, letters, func, close, op …
    in_abs = False
    k = 0
    while k < len(tokens):
        kind, text = tokens[k]
        nxt = tokens[k + 1] if k + 1 < len(tokens) else ("", "")
        if kind == "num":
            after = tokens[k + 2] if k + 2 < len(tokens) else ("", "")
            if nxt[1] == "/" and after[0] == "num" and previous not in ("letters", "greek"):
                out.append(read_fraction(text, after[1]))  # 1/2 → 二分之一
                k += 3
                previous = "num"
                continue
            out.append(read_decimal(text, liang=False))
        elif kind == "func" and text == "log" and nxt[0] == "sub":
            base = read_decimal(nxt[1].translate(_SUBSCRIPTS), liang=False)
            argument = tokens[k + 2] if k + 2 < len(tokens) else ("", "")
            read = read_decimal(argument[1], liang=False) if argument[0] == "num" else spell(argument[1])
            out.append(f"以{base}为底{read}的对数")  # log₂8 → 以二为底八的对数
            k += 3
            previous = "num"
            continue
        elif kind == "letters" and previous in ("num", "per") and (text in UNITS or text in _FORCE_UNITS) \
                and nxt[0] not in ("letters", "num"):
            out.append(UNITS.get(text) or _FORCE_UNITS[text])  # F=100N → 一百牛, g=10N/kg
            kind = "close"
        elif kind in ("func", "letters"):
            out.append(spell(text))
            kind = "func" if kind == "func" else "letters"
        elif kind == "sup":
            out.append(_power(text, after_function=previous == "func"))
        elif kind == "sub":
            out.append(read_decimal(text.translate(_SUBSCRIPTS), liang=False))  # x₁ → 艾克斯一
        elif text in GREEK:
            out.append(GREEK[text])
            kind = "greek"
        elif text in "(（":
            kind = "open"
        elif text in ")）":
            kind = "close"
        elif text == "|":
            if in_abs:
                out.append("的绝对值")  # |-5| → 负五的绝对值
                kind = "abs"
            in_abs = not in_abs
        elif text in "-−":
            out.append("减" if previous in _OPERAND_ENDS else "负")  # a-c 减, -5 负
            kind = "op"
        elif text == "√" and nxt[1] in "(（":
            out.append("根号下")  # √(x+1) → 根号下艾克斯加一
            kind = "op"
        elif text == ".":
            kind = "op"
        elif text == "→":
            out.append("趋向于" if nxt[1] == "∞" or nxt[0] == "num" else "到")  # x→∞, x→0 (A→B: 到)
            kind = "op"
        elif text == "/" and previous == "close" and nxt[0] == "letters" and (nxt[1] in UNITS or nxt[1] in _FORCE_UNITS):
            out.append("每")  # 10N/kg → 十牛每千克
            kind = "per"
        else:
            out.append(_WORDS.get(text, ""))
            kind = "close" if text in "°′″!∞∅" else "op"
        previous = kind
        k += 1
    return [group(match, 0, "".join(out))]


FORMULA = rule(
    "formula",
    _PATTERN,
    _formula,
    START_LETTERS + START_DIGITS + _GREEK_CLASS + "(（√∛|△∠-−",
)

RULES: tuple[Rule, ...] = (FORMULA,)
