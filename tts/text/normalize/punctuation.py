"""Punctuation and symbols left after the word-level rules.

ASCII sentence punctuation becomes its Chinese form (``,`` → ``，``), which the frontend uses to
place breaks; a line break ends a sentence (``。``); a few symbols are read as words
(``+`` → 加, ``@`` → 艾特, ``×`` → 乘, ``≈`` → 约等于); every other symbol is dropped by the scanner.
"""

from __future__ import annotations

import re

from tts.text.normalize.chars import ASCII_PUNCT, NEWLINE, is_han
from tts.text.normalize.numbers import read_int
from tts.text.normalize.rules import Piece, Rule, group, rule

SYMBOL_WORDS: dict[str, str] = {
    "+": "加", "=": "等于", "×": "乘", "÷": "除以", "≤": "小于等于", "≥": "大于等于",
    "≠": "不等于", "≈": "约等于", "±": "正负", "&": "和", "@": "艾特", "<": "小于", ">": "大于",
    "°C": "摄氏度", "°F": "华氏度", "∠": "角", "△": "三角形", "∵": "因为", "∴": "所以",
}


def _punct(match: re.Match[str]) -> list[Piece]:
    text = match.group()
    if text == NEWLINE:
        return [group(match, 0, "。")]
    if text == "<<":
        return [group(match, 0, "《")]
    if text == ">>":
        return [group(match, 0, "》")]
    if text.startswith(".."):
        return [group(match, 0, "……")]
    if text.startswith("--"):
        return [group(match, 0, "——")]
    return [group(match, 0, ASCII_PUNCT[text])]


ELLIPSIS = rule("ellipsis", r"\.{3,}|-{2,}", _punct, ".-")
# A dot inside an abbreviation (U.S.A, e.g) is silent rather than a full stop.
ABBREVIATION_DOT = rule("abbreviation_dot", r"(?<=[A-Za-z])\.(?=[A-Za-z])", lambda m: [], ".")
PUNCT = rule("punct", r"<<|>>|[,.?!;:()\n]", _punct, "<>,.?!;:()\n")
# < and > compare only before a number; elsewhere (tags, arrows) they are dropped.
SYMBOL = rule(
    "symbol",
    r"°[CF]|[+=×÷≤≥≠≈±&@∠∵∴]|△(?=[A-Z])|[<>](?=\s?[-+]?[0-9])|(?<=[A-Za-z0-9])[<>](?=[A-Za-z0-9])",
    lambda m: [group(m, 0, SYMBOL_WORDS[m.group()])],
    "°+=×÷≤≥≠≈±&@<>∠△∵∴",
)
# A minus before a letter after a comparison or an opening bracket is a sign: y=-x → 歪等于负艾克斯.
NEGATIVE_LETTER = rule(
    "negative_letter",
    r"(?<=[=≤≥≠<>(（])\s?-(?=[A-Za-z])",
    lambda m: [group(m, 0, "负")],
    " -",
)

# A footnote mark after a word or a sentence ([1], [注2], ［12］) is not read; four digits in brackets
# are a document's year (国发[2023]12号), letters a code (a[1]), and marks listed together labels
# (选项[1]和[2]).
FOOTNOTE = rule(
    "footnote",
    r"(?<=[\u4e00-\u9fff。，、；：！？”’）》」』])(?<![和或与及、项])[\[［](?:注|注释)?[0-9]{1,3}[\]］]"
    r"(?![0-9号和或与及、至到~-])",
    lambda m: [],
    "[［",
)

# Multiplication signs standing for a name left out (××物业, ×××同志) read 某.
PLACEHOLDER = rule("placeholder", r"×{2,}", lambda m: [(("某" * len(m.group())), m.start(), m.end())], "×")

_PLACE_END = "站南北东西京海州港桥城市省县区岛湾津庆都安沙阳宁门口"


def _is_route(match: re.Match[str]) -> bool:
    """One arrow from a place to a place (北京→上海, 广州南→深圳北) or after 从 (从小→大): 到; a menu path,
    a cause and its effect or a correction (设置→隐私, 吸烟→肺癌) stay a pause."""
    text = match.string
    before, after = text[:match.start()], text[match.end():]
    if re.search("从[^，。！？；]{0,6}$", before):
        return True
    return before[-1:] in _PLACE_END and re.match(f"[\u4e00-\u9fff]{{1,4}}?[{_PLACE_END}]", after) is not None


def _arrows_in_clause(match: re.Match[str]) -> int:
    """How many arrows the clause around ``match`` holds."""
    text = match.string
    start = max((text.rfind(p, 0, match.start()) for p in "，。！？；\n"), default=-1) + 1
    ends = [i for i in (text.find(p, match.end()) for p in "，。！？；\n") if i != -1]
    return text.count("→", start, min(ends) if ends else len(text))


# A circled number opening a line or a clause labels a list item: ①本店… → 一、本店… (a pause after it); inside a
# sentence it is the number (将①代入②, 第①组, ②号楼 → 将一代入二, 第一组, 二号楼).
CIRCLED = "".join(chr(0x2460 + k) for k in range(20))
CIRCLED_NUMBER = rule(
    "circled_number",
    f"[{CIRCLED}]",
    lambda m: [group(m, 0, read_int(str(ord(m.group()) - 0x2460 + 1), liang=False) + (
        "、" if _opens_item(m) else ""))],
    CIRCLED,
)


def _opens_item(match: re.Match[str]) -> bool:
    before = match.string[match.start() - 1:match.start()]
    after = match.string[match.end():match.end() + 1]
    label_before = before in ("", "\n", " ", "。", "；", "：", "，", "！", "？", "】", "）") or (
        is_han(before or " ") and any(c in CIRCLED for c in match.string[:match.start()]))  # …的②太阳: the next option
    return label_before and is_han(after or " ") and after not in "号组楼栋队班式图中和与或都的得所代"


# An arrow between words: a route (北京→上海, 从小→大) 到; anything else — a chain of steps, a menu path, a cause and
# its effect (小蝌蚪→长出后腿→青蛙, 设置→隐私) — a pause. x→∞ stays a formula.
ARROW_STEP = rule(
    "arrow_step",
    r"(?<=[\u4e00-\u9fff）)])\s?→\s?(?=[\u4e00-\u9fff（(])",
    lambda m: [group(m, 0, "到" if _arrows_in_clause(m) == 1 and _is_route(m) else "，")],
    "→ ",
)

RULES: tuple[Rule, ...] = (PLACEHOLDER, FOOTNOTE, ELLIPSIS, ABBREVIATION_DOT, PUNCT, SYMBOL, NEGATIVE_LETTER, CIRCLED_NUMBER)
