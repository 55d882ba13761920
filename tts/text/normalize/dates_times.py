"""Dates, years and clock times.

``2023-06-09`` / ``2023/6/9`` → 二零二三年六月九日; ``2023年`` → 二零二三年; ``86年`` → 八六年
(but ``10年`` of duration → 十年); ``80年代`` → 八十年代; ``14:30`` → 十四点三十分;
``14:30:05`` → 十四点三十分零五秒; ``8:00-9:30`` → 八点整到九点三十分; ``06/09/2023`` →
二零二三年六月九日; days named by their numbers: ``6.1儿童节`` → 六一, ``3.15晚会`` → 三一五,
``11.11`` → 双十一.
"""

from __future__ import annotations

import re

from tts.text.normalize.numbers import read_digits, read_int
from tts.text.normalize.rules import START_DIGITS, Piece, Rule, group, rule, verbatim

# A word just before "N年" that makes N a count of years (近10年, 长达20年), not a year.
_DURATION_CUE = re.compile(
    r"(?:近|约|了|过去|长达|历时|超过|将近|整整|每|逾|达|满|用|花|头|这|那|最近|未来|今后|"
    r"连续|已|共|历经|经过|相隔|间隔|前后|至少|至多|上|几|数)$"
)
_ERA = re.compile(r"公元前?$")
_YEAR_MONTH = re.compile(r"年[0-9]{1,2}月")


def year_reading(text: str, start: int, end: int) -> str | None:
    """Digit-by-digit reading when the integer ``text[start:end]`` names a year or decade, else
    ``None``."""
    digits = text[start:end]
    after = text[end:end + 2]
    if after == "年代" and len(digits) == 4:
        return read_digits(digits)  # 一九八零年代 (but 80年代 → 八十年代, a number)
    if after[:1] == "后" and len(digits) == 2 and "0" in digits:
        return read_digits(digits)  # 九零后, 零零后
    if after[:1] != "年" or after == "年级":
        return None
    before = text[max(0, start - 4):start]
    if _ERA.search(before):
        return read_digits(digits)
    if _DURATION_CUE.search(before) or digits[0] == "0":
        return None
    if len(digits) == 4 or _YEAR_MONTH.match(text, end):
        return read_digits(digits)
    if len(digits) == 2 and int(digits) >= 40 and digits[1] != "0":
        return read_digits(digits)  # 86年 → 八六年; 50年 (a duration) → 五十年
    return None


def _clock_pieces(match: re.Match[str], suffix: str = "") -> list[Piece]:
    hour, minute, second = match["h" + suffix], match["m" + suffix], match["s" + suffix]
    spoken_hour = "两" if int(hour) == 2 else read_int(hour, liang=False)
    pieces = [group(match, "h" + suffix, spoken_hour), group(match, "c" + suffix, "点")]
    if minute == "00" and second in (None, "00"):
        pieces.append(group(match, "m" + suffix, "整"))  # 8:00 and 12:00:00 → 八点整, 十二点整
        if second is not None:
            pieces.append(group(match, "s" + suffix, ""))
        return pieces
    pieces.append(group(match, "m" + suffix, _two_digits(minute) + "分"))
    if second is not None and second != "00":
        pieces.append(group(match, "s" + suffix, _two_digits(second) + "秒"))
    return pieces


def _two_digits(value: str) -> str:
    """Minutes and seconds: ``05`` → 零五, ``30`` → 三十, ``00`` → 零."""
    if value[0] == "0" and value != "00":
        return "零" + read_digits(value[1])
    return read_int(value, liang=False)


def _time(match: re.Match[str]) -> list[Piece]:
    pieces = _clock_pieces(match)
    if match["h2"] is not None:
        pieces.append(group(match, "sep", "到"))
        pieces.extend(_clock_pieces(match, "2"))
    return pieces


def _date(match: re.Match[str]) -> list[Piece]:
    day_word = verbatim(match, "ri") if match["ri"] is not None else None
    pieces = [
        group(match, "y", read_digits(match["y"])),
        group(match, "s1", "年"),
        group(match, "mo", read_int(match["mo"], liang=False)),
        group(match, "s2", "月"),
        group(match, "d", read_int(match["d"], liang=False) + ("" if day_word else "日")),
    ]
    if day_word is not None:
        pieces.append(day_word)
    return pieces


_CLOCK = (
    r"(?P<h{0}>[01]?[0-9]|2[0-4])(?P<c{0}>[:：])(?P<m{0}>[0-5][0-9])"
    r"(?:[:：](?P<s{0}>[0-5][0-9]))?(?![0-9])"
)
TIME = rule(
    "time",
    r"(?<![0-9.:：])" + _CLOCK.format("")
    + r"(?:(?P<sep>\s?[-~—至]\s?)" + _CLOCK.format("2") + ")?",
    _time,
    START_DIGITS,
)
DATE = rule(
    "date",
    r"(?<![0-9])(?P<y>[0-9]{4})(?P<s1>[-/.])(?P<mo>0?[1-9]|1[0-2])(?P<s2>[-/.])"
    r"(?P<d>0?[1-9]|[12][0-9]|3[01])(?![0-9])(?P<ri>[日号])?",
    _date,
    START_DIGITS,
)

def _date_year_last(match: re.Match[str]) -> list[Piece]:
    """06/09/2023: month first (the common order of such dates), unless the first part cannot be a
    month (25/12/2023 → 十二月二十五日)."""
    first, second = int(match["a"]), int(match["b"])
    month, day = (first, second) if first <= 12 else (second, first)
    spoken = f"{read_digits(match['y'])}年{read_int(str(month), liang=False)}月{read_int(str(day), liang=False)}日"
    return [group(match, 0, spoken)]


def _festival(match: re.Match[str]) -> list[Piece]:
    """6.1儿童节 → 六一, 3.15晚会 → 三一五, 10.1 → 十一, 11.11 → 双十一: dates named by their
    numbers, read as the names are said."""
    month, day = match["mo"], match["d"]
    if month == day and month in ("11", "12"):
        spoken = "双" + read_int(month, liang=False)
    else:
        spoken = read_int(month, liang=False) + read_digits(day)
    return [group(match, "date", spoken)]


DATE_YEAR_LAST = rule(
    "date_year_last",
    r"(?<![0-9/])(?P<a>0?[1-9]|[12][0-9]|3[01])/(?P<b>0?[1-9]|[12][0-9]|3[01])/(?P<y>[0-9]{4})(?![0-9/])",
    _date_year_last,
    START_DIGITS,
)
# A month.day date right before a word that makes it a named day.
_NAMED_DAY = ("儿童节|建军节|建党节|妇女节|劳动节|青年节|国庆节|植树节|护士节|教师节|光棍节|购物节|"
              "消费者权益日|晚会|国庆|假期|长假|黄金周|期间|当天|活动|大促|促销")
FESTIVAL = rule(
    "festival",
    rf"(?<![0-9.])(?P<date>(?P<mo>[1-9]|1[0-2])\.(?P<d>[1-9]|[12][0-9]|3[01]))(?![0-9])(?={_NAMED_DAY})",
    _festival,
    START_DIGITS,
)

# 2023-06 / 2023/06: a year of this era and a zero-padded month.
YEAR_MONTH = rule(
    "year_month",
    r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})(?P<s1>[-/.])(?P<mo>0[1-9]|1[0-2])(?![0-9]|[-/.][0-9]|月)",
    lambda m: [
        group(m, "y", read_digits(m["y"])),
        group(m, "s1", "年"),
        group(m, "mo", read_int(m["mo"], liang=False) + "月"),
    ],
    START_DIGITS,
)

RULES: tuple[Rule, ...] = (DATE, DATE_YEAR_LAST, FESTIVAL, YEAR_MONTH, TIME)
