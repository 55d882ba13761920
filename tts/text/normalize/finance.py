"""Numbers and signs of the markets that other rules would misread.

Currency pairs (``USD/CNY`` 美元兑人民币; ``USD/EUR均可`` 美元、欧元), halves and quarters of a year
(``2024H1`` 二零二四年上半年, ``24Q3`` 二四年Q三), a run of quarters (``Q1-Q3`` Q一到Q三), bond names led by their year (``23国债01`` 二三国债零一, ``22万科MTN001``),
credit ratings with a sign (``BBB-`` BBB减, ``AA+`` AA加), settlement days (``T+1`` T加一), stocks
under special treatment (``*ST`` 星ST), index names with a letter (``中证A500`` A五百) and two lots or
two doublings (``卖出2手`` 两手, ``翻了2番`` 两番). Written for this project.
"""

from __future__ import annotations

import re

from tts.text.normalize.latin import spell
from tts.text.normalize.numbers import read_digits, read_int
from tts.text.normalize.rules import START_DIGITS, Piece, Rule, group, rule

CURRENCY_CODES: dict[str, str] = {
    "USD": "美元", "CNY": "人民币", "CNH": "离岸人民币", "RMB": "人民币", "EUR": "欧元", "JPY": "日元",
    "GBP": "英镑", "HKD": "港元", "AUD": "澳元", "CAD": "加元", "CHF": "瑞士法郎", "NZD": "新西兰元",
    "SGD": "新加坡元", "KRW": "韩元",
}
_CODES = "|".join(CURRENCY_CODES)
# Two currencies either of which serves (CNY/USD两种结算币种, USD/EUR均可): 、, not 兑.
_EITHER_AFTER = re.compile(r"\s?(?:两种|均可|都可|皆可|任选|可选)")


def _currency_pair(match: re.Match[str]) -> list[Piece]:
    either = _EITHER_AFTER.match(match.string, match.end()) is not None
    return [group(match, "a", CURRENCY_CODES[match["a"]]), group(match, "s", "、" if either else "兑"),
            group(match, "b", CURRENCY_CODES[match["b"]])]


CURRENCY_PAIR = rule(
    "currency_pair",
    rf"(?<![A-Za-z])(?P<a>{_CODES})(?P<s>/)(?P<b>{_CODES})(?![A-Za-z])",
    _currency_pair,
    "".join(sorted({c[0] for c in CURRENCY_CODES})),
)
# What a two-digit year before H1 / H2 reports (24H1营收; 升级到了23H2 is a Windows version).
_RESULTS = "的?(?:财报|业绩|营收|报告|净利|利润|收入|营业|销量|出货|毛利)"
HALF_YEAR = rule(
    "half_year",
    r"(?<![0-9.])(?P<y>(?:19|20)[0-9]{2}|(?:(?<=[\u4e00-\u9fff])|^)[0-9]{2}(?=年?H[12]" + _RESULTS + r")|^[0-9]{2}(?=年))"
    r"(?P<n>年)?(?P<h>H[12])(?![A-Za-z0-9])",
    lambda m: [group(m, "y", read_digits(m["y"]) + "年"), *([group(m, "n", "")] if m["n"] else []),
               group(m, "h", "上半年" if m["h"] == "H1" else "下半年")],
    START_DIGITS,
)
QUARTER_RANGE = rule(
    "quarter_range",
    r"(?<![A-Za-z])(?P<q1>Q)(?P<a>[1-4])(?P<s>[-~—至])(?P<q2>Q)(?P<b>[1-4])(?![0-9])",
    lambda m: [group(m, "q1", spell("Q")), group(m, "a", read_int(m["a"], liang=False)), group(m, "s", "到"),
               group(m, "q2", spell("Q")), group(m, "b", read_int(m["b"], liang=False))],
    "Q",
)
# A bond named by the year it was issued (23国债01, 24特别国债02, 22万科MTN001): the year digit by digit.
BOND_YEAR = rule(
    "bond_year",
    r"(?<![0-9.])(?P<y>[12][0-9])(?=(?:特别|附息|记账式)?国债|地方债|专项债|[\u4e00-\u9fff]{2,4}(?:MTN|SCP|CP|PPN)[0-9])",
    lambda m: [group(m, "y", read_digits(m["y"]))],
    START_DIGITS,
)
# A credit rating with its sign (BBB- BBB减, AA+); a single letter only before a pause (B+。, not C-反应蛋白).
RATING_SIGN = rule(
    "rating_sign",
    r"(?<![A-Za-z])(?:(?P<r>AAA|AA|BBB|BB|CCC|CC)(?P<s>[+-])(?![A-Za-z0-9+\-])"
    r"|(?P<r1>[ABC])(?P<s1>[+-])(?=$|[\s，。！？；、,.!?;）)]))",
    lambda m: [group(m, "r", spell(m["r"])), group(m, "s", "加" if m["s"] == "+" else "减")] if m["r"]
    else [group(m, "r1", spell(m["r1"])), group(m, "s1", "加" if m["s1"] == "+" else "减")],
    "ABC",
)
SETTLEMENT_DAY = rule(
    "settlement_day",
    r"(?<![A-Za-z])(?P<t>T)(?P<s>[+-])(?P<n>[0-9])(?![0-9])",
    lambda m: [group(m, "t", spell("T")), group(m, "s", "加" if m["s"] == "+" else "减"),
               group(m, "n", read_int(m["n"], liang=False))],
    "T",
)
SPECIAL_TREATMENT = rule(
    "special_treatment",
    r"(?P<star>\*)(?P<st>ST)(?![A-Za-z])",
    lambda m: [group(m, "star", "星"), group(m, "st", spell("ST"))],
    "*",
)
# A quarter after its year (2024Q3, 公司24Q3, 2023年Q4): the year digit by digit; a two-digit year only after
# Han text or opening the text (Win11 23H2 is a version).
YEAR_QUARTER = rule(
    "year_quarter",
    r"(?<![0-9.])(?P<y>(?:19|20)[0-9]{2}|(?<=[\u4e00-\u9fff])[0-9]{2}|^[0-9]{2})(?P<n>年)?(?P<q>Q)(?P<k>[1-4])"
    r"(?![0-9A-Za-z]|[-~—至]Q)",
    lambda m: [group(m, "y", read_digits(m["y"]) + "年"), *([group(m, "n", "")] if m["n"] else []),
               group(m, "q", spell("Q")), group(m, "k", read_int(m["k"], liang=False))],
    START_DIGITS,
)
INDEX_LETTER = rule(
    "index_letter",
    r"(?<=中证|富时|新华)(?P<a>A)(?P<n>[0-9]{2,4})(?![0-9])",
    lambda m: [group(m, "a", spell("A")), group(m, "n", read_int(m["n"]))],
    "A",
)


def _two(match: re.Match[str]) -> list[Piece]:
    return [group(match, next(name for name in ("n", "k", "f") if match[name]), "两")]


# Two lots of shares (卖出2手) and two doublings (翻了2番): 两.
TWO_LOTS = rule(
    "two_lots",
    r"(?:(?:(?<=买入)|(?<=卖出)|(?<=加仓)|(?<=减仓)|(?<=挂单)|(?<=成交)|(?<=开仓)|(?<=平仓)|(?<=持有))(?P<n>2)"
    r"(?=手(?![房车货书机表]))|(?:(?<=买了)|(?<=卖了))(?P<k>2)(?=手(?![房车货书机表的]))|(?:(?<=翻了)|(?<=翻))(?P<f>2)(?=番))",
    _two,
    "2",
)

RULES: tuple[Rule, ...] = (CURRENCY_PAIR, HALF_YEAR, YEAR_QUARTER, QUARTER_RANGE, BOND_YEAR, RATING_SIGN, SETTLEMENT_DAY,
                           SPECIAL_TREATMENT, INDEX_LETTER, TWO_LOTS)
