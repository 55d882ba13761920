"""Runs the rules over cleaned text in one left-to-right pass.

Rules are tried in priority order; the first that matches at a position wins. Each rule names the
characters it can start with, so the scanner jumps from one such character to the next (Han text
and Chinese punctuation never start a rule) and there tries only the rules that can start with
it, joined into one alternation. Between matches, Han characters and Chinese punctuation are
copied and anything else is dropped.
"""

from __future__ import annotations

import re

from tts.text.normalize import (
    dates_times,
    farming,
    finance,
    formulas,
    latin,
    media,
    pinyin_text,
    money_units,
    named_numbers,
    phones_serials,
    punctuation,
    quantities,
    specs,
    sports,
    tech,
)
from tts.text.normalize.chars import KEPT_CLASS
from tts.text.normalize.rules import Piece, Rule

RULES: tuple[Rule, ...] = (
    named_numbers.ROMAN_ORDINAL,  # before the letters: 第II卷 is 第二卷
    specs.IP_RATING,  # before the letters: IP68 is 艾批六八
    formulas.ELECTRON_CONFIGURATION,  # before the units and letters: 1s²2s² is no time
    formulas.HYBRID_ORBITAL,  # before the formulas: sp³ is no square
    *media.RULES,  # before the dates, ratios and codes: 3/4拍, 4:2:2, H.265, Op.27
    *farming.RULES,  # before the ranges and numbers: 复合肥（15-15-15）, 郑单958, 0W-20
    punctuation.ARROW_STEP,  # before the formulas: 小蝌蚪→长出后腿 is no limit
    phones_serials.PLATE,  # before the letters: 京A·12345 is a plate
    specs.PAGE_RANGE,
    specs.PRICE_TIERS,  # before the money: ¥380/480/680 are three prices
    specs.ASPECT_RATIO,  # before the clocks: 9:16竖屏
    specs.FLOOR_OF_TOTAL,  # before the fractions: 18/32层
    specs.BENCHMARK_MINUS,  # before the letters: LPR-20BP
    specs.PER_AREA_MONTH,
    specs.NEWTONS,
    *tech.RULES,  # before the addresses, clocks and numbers: localhost:3000, 时长3:24, 10w+
    *finance.RULES,  # before the numbers and letters: USD/CNY, 2024H1, 23国债01, BBB-
    *sports.RULES,  # before the clocks, fractions and numbers: 3'45", 3:56.40, 5/12 after 三分球, 4x400米
    pinyin_text.PINYIN_WORD,  # before the addresses and letters: 读jiào is the syllable
    latin.EMAIL,
    latin.URL,
    latin.IDENTIFIER,
    latin.STANDARD,  # before the numbers: ISO 9001 is read digit by digit
    latin.STAKE,
    tech.MODEL,  # after the standards (ISO 100 is a film speed): RTX 4090, iPhone 5s
    formulas.LAT_LONG,  # before the angles and letters: 23°26′N 北纬
    formulas.ISOTOPE,
    formulas.PRIME_END,
    formulas.MAGNIFICATION,
    formulas.FORMULA,  # before the numbers and letters: x²-4=0 is read as one formula
    formulas.ANGLE,
    specs.VOLT_AMP,  # before the units: 5V/2A is no rate
    specs.CLOTHING_SIZE,  # before the fractions: 175/92A is a size
    specs.DUAL_RATING,
    specs.DIMENSIONS,
    specs.ROOM_NUMBER,
    specs.SPEAKER_ROOM,
    specs.ADDRESS_PART,
    specs.BASEMENT,
    specs.DELIVERY_DATE,
    specs.KDA,
    specs.THOUSANDS,
    phones_serials.ISBN,
    phones_serials.SPACED_CODE,
    phones_serials.LOCAL_PHONE,
    phones_serials.COUNTRY_CODE,
    phones_serials.NUMBERED,
    phones_serials.MOBILE,
    phones_serials.LANDLINE,
    phones_serials.SERVICE,
    phones_serials.DASHED_CODE,
    specs.ADDRESS_TRIPLE,  # after the codes: 取件码3-2-1108 keeps its 幺
    phones_serials.NUMBER_SIGN,
    phones_serials.KEYPAD,
    *dates_times.RULES,
    phones_serials.DOTTED,
    money_units.MONEY_SIGN,
    money_units.POINTS_PLUS,
    money_units.PRICE_PLUS,
    money_units.THRESHOLD_DISCOUNT,
    money_units.MONEY,
    money_units.UNIT_AFTER_EACH,
    money_units.MEDICAL_U,  # before the letters: 胰岛素8U is 八单位  # before the powers: 每m² is a unit, no letter squared
    latin.RESOLUTION,  # before the quantities: 1080P is no number and a unit
    *named_numbers.RULES,
    *quantities.RULES,
    money_units.MAGNITUDE_UNIT,
    money_units.PER_WEIGHT_AND_TIME,
    money_units.PER,
    latin.TITLE,  # before the dotted names: Dr.Wang is a doctor
    latin.SYMBOL_NAME,  # before the dotted names and punctuation: .NET, C#
    tech.DOTTED_NAME,  # before the codes and letters: Node.js, M.2
    latin.CODE,
    latin.APOSTROPHE_WORD,
    latin.SIZE_OR_DAY_RANGE,
    latin.HYPHENATED_WORD,
    latin.WORD,
    latin.GREEK_LETTER,
    *punctuation.RULES,
)

_GROUP_NAME = re.compile(r"\(\?P<[A-Za-z_][A-Za-z0-9_]*>")


def _compose(rules: tuple[Rule, ...]) -> re.Pattern[str]:
    """One alternation with a group ``r<i>`` per rule; the rules' own groups lose their names."""
    parts = [f"(?P<r{i}>{_GROUP_NAME.sub('(?:', r.regex.pattern)})" for i, r in enumerate(rules)]
    return re.compile("|".join(parts))


def _dispatch_table(rules: tuple[Rule, ...]) -> dict[str, tuple[re.Pattern[str], tuple[Rule, ...]]]:
    """For each starting character: the alternation of the rules that can start with it."""
    by_rules: dict[tuple[Rule, ...], re.Pattern[str]] = {}
    table = {}
    for char in sorted(set().union(*(r.first for r in rules))):
        candidates = tuple(r for r in rules if char in r.first)
        if candidates not in by_rules:
            by_rules[candidates] = _compose(candidates)
        table[char] = (by_rules[candidates], candidates)
    return table


_DISPATCH = _dispatch_table(RULES)
_TRIGGER = re.compile("[" + "".join(re.escape(c) for c in _DISPATCH) + "]")


_KEPT_RUN = re.compile(f"[{KEPT_CLASS}]+")


def _gap(text: str, start: int, end: int) -> list[Piece]:
    """Copy the Han characters and Chinese punctuation of ``text[start:end]``; drop the rest."""
    return [(run.group(), run.start(), run.end()) for run in _KEPT_RUN.finditer(text, start, end)]


def scan(text: str) -> list[Piece]:
    """Read cleaned ``text`` into pieces of output, each with the cleaned span it reads."""
    pieces: list[Piece] = []
    copied = 0  # text[:copied] has been read
    position = 0
    while True:
        trigger = _TRIGGER.search(text, position)
        if trigger is None:
            break
        start = trigger.start()
        master, candidates = _DISPATCH[text[start]]
        found = master.match(text, start)
        if found is None or found.end() == start:
            position = start + 1
            continue
        if copied < start:
            pieces.extend(_gap(text, copied, start))
        position = copied = found.end()
        current = candidates[int(found.lastgroup[1:])]  # type: ignore[index]
        match = current.regex.match(text, start)
        if match is None or match.end() != position:  # cannot happen: same pattern, same place
            raise AssertionError(f"rule {current.name} disagrees with the scanner at {start}")
        pieces.extend(current.handle(match))
    if copied < len(text):
        pieces.extend(_gap(text, copied, len(text)))
    return pieces
