"""Dates, years and clock times.

``2023-06-09`` / ``2023/6/9`` → 二零二三年六月九日; ``2023年`` → 二零二三年; ``86年`` → 八六年
(but ``10年`` of duration → 十年); ``80年代`` → 八十年代; ``国办发〔2023〕`` → 〔二零二三〕;
``14:30`` → 十四点三十分; ``14:30:05`` → 十四点三十分零五秒; ``14:00`` → 十四点 (北京时间14:00 →
十四点整, the time signal's 整; a score
next to the words of a match result: ``羽毛球打到21:19才赢`` → 二十一比十九), but
``8:00-9:30`` → 八点到九点三十分 and ``20:00-次日6:00`` → 二十点到次日六点; a dash between
dates or clock readings written with their words is 到 (``5月1日—5月5日``, ``10点-12点``);
``2025/26赛季`` → 二零二五到二零二六赛季; ``06/09/2023`` → 二零二三年六月九日; days named by
their numbers: ``6.1儿童节`` → 六一, ``3.15晚会`` → 三一五, ``11.11`` → 双十一, ``5.20那天`` →
五二零, other days before a festival by their dates (``12.25圣诞节`` → 十二月二十五日); generations
``95后`` → 九五后; events named by their dates: ``9·11`` / ``911事件`` → 九一一,
``12·9运动`` → 一二九运动; ``M/D`` where the words around make it a date: ``预计12/25送达`` →
十二月二十五日, ``活动时间：1/2-1/5`` → 一月二日到一月五日 (elsewhere ``3/4`` stays a fraction,
as do ``缩小到1/20`` and ``概率在1/6-1/3之间`` → 六分之一到三分之一).
"""

from __future__ import annotations

import re

from tts.text.normalize.chars import is_han
from tts.text.normalize.numbers import read_digits, read_fraction, read_int
from tts.text.normalize.rules import START_DIGITS, Piece, Rule, group, rule, verbatim
from tts.text.normalize.scores import is_clock_score

# A word just before "N年" that makes N a count of years (近10年, 长达20年), not a year.
_DURATION_CUE = re.compile(
    r"(?:近|约|了|过去|长达|历时|超过|将近|整整|每|逾|达|满|用|花|头|这|那|最近|未来|今后|"
    r"连续|已|共|历经|经过|相隔|间隔|前后|至少|至多|上|几|数|在位|执政|任期|任职|服役|执教|坚持|持续|相距)$"
)
_ERA = re.compile(r"公元前?$")
# Titles of reigns and eras whose years are counted (康熙61年 → 康熙六十一年, 民国38年, 昭和20年).
_REIGN_TITLE = re.compile(
    "(?:民国|康熙|乾隆|雍正|嘉庆|道光|咸丰|同治|光绪|宣统|顺治|洪武|永乐|宣德|正统|景泰|天顺|成化|弘治|正德|"
    "嘉靖|隆庆|万历|天启|崇祯|贞观|开元|天宝|武德|永徽|元和|会昌|大中|建安|黄初|太和|太康|永嘉|淳熙|绍兴|"
    "庆历|熙宁|元丰|元祐|至正|至元|明治|大正|昭和|平成|令和)$"
)
_YEAR_MONTH = re.compile(r"年[0-9]{1,2}月")
# Brackets around the year of a document number (国办发〔2023〕15号), and how each one closes.
_DOCUMENT_BRACKETS = {"〔": "〕", "[": "]", "【": "】"}
_ROUND_BRACKETS = {"(": ")", "（": "）"}
_MONTH = r"0?[1-9]|1[0-2]"
_DAY = r"0?[1-9]|[12][0-9]|3[01]"


def _is_document_year(text: str, start: int, end: int) -> bool:
    """True when four digits stand alone in the brackets of a document number (〔2023〕), or a year
    (1900–2099) stands in round brackets before the rest of a case number ((2023)京01民初123号)."""
    if end - start != 4 or start == 0:
        return False
    closing = _DOCUMENT_BRACKETS.get(text[start - 1])
    if closing is not None and text.startswith(closing, end):
        return True
    closing = _ROUND_BRACKETS.get(text[start - 1])
    return closing is not None and text.startswith(closing, end) and 1900 <= int(text[start:end]) <= 2099 \
        and end + 1 < len(text) and is_han(text[end + 1])


# A generation is named by two digits of the years it was born in, in steps of five (80后, 85后,
# 00后, 05后); after a word that counts up to or sums a number, N后 is "after N" (数到10后).
_GENERATION_LAST_DIGITS = "05"
# So is N后 after a word that places N in a row or on a scale (排在35后面, 年龄在35后), and N后面
# (数字45后面是46: 后面 / 后边 / 后头 / 后期 / 后来 are words of their own).
_NOT_GENERATION_BEFORE = frozenset("到加减乘除第过满超在排")
_NOT_GENERATION_AFTER = ("后面", "后边", "后头", "后期", "后来")


def _is_generation(text: str, start: int, end: int) -> bool:
    """True when the two digits ``text[start:end]``, before 后, name a generation (95后 →
    九五后, 00后 → 零零后)."""
    return (
        end - start == 2
        and (text[end - 1] in _GENERATION_LAST_DIGITS or text[start] == "0")
        and (start == 0 or text[start - 1] not in _NOT_GENERATION_BEFORE)
        and not text.startswith(_NOT_GENERATION_AFTER, end)
    )


# What a year names when it comes straight before it (2024巡演北京站, 2023演唱会, 2024春晚).
_NAMED_BY_YEAR = ("巡演", "世界巡演", "巡回演唱会", "演唱会", "春晚", "跨年", "新年音乐会", "版教材", "版规定", "版标准",
                  "版的", "版本", "版新", "版）", "版)")


def year_reading(text: str, start: int, end: int) -> str | None:
    """Digit-by-digit reading when the integer ``text[start:end]`` names a year or decade, else
    ``None``."""
    digits = text[start:end]
    if _is_document_year(text, start, end):
        return read_digits(digits)  # 国办发〔二零二三〕十五号, (2023)京01民初123号
    if len(digits) == 4 and text.startswith("财年", end):
        return read_digits(digits)  # 2024财年 → 二零二四财年
    if len(digits) == 4 and digits[:2] in ("19", "20") and (
            text[end:end + 1] in ("届", "级", "款") or text.startswith(_NAMED_BY_YEAR, end)):
        return read_digits(digits)  # 2024届毕业生, 2023级, 2024款, 2024巡演: named by the year
    if len(digits) in (3, 4) and text[end:end + 1] == "年" and (
            re.match(r"年\s?[—–~-]\s?[0-9]{3,4}年", text[end:end + 8])
            or re.search(r"[0-9]{3,4}年\s?[—–~-]\s?$", text[max(0, start - 8):start])):
        return read_digits(digits)  # 626年—649年: a span of years, each a year
    after = text[end:end + 2]
    if after == "年代" and len(digits) == 4:
        return read_digits(digits)  # 一九八零年代 (but 80年代 → 八十年代, a number)
    if after[:1] == "后" and _is_generation(text, start, end):
        return read_digits(digits)  # 九零后, 九五后, 零零后
    if after[:1] != "年" or after == "年级":
        return None
    before = text[max(0, start - 4):start]
    if _ERA.search(before):
        return read_digits(digits) if len(digits) >= 3 else None  # 公元1年, 公元25年 are counted
    if len(digits) <= 2 and _REIGN_TITLE.search(text, max(0, start - 2), start):
        return None  # 康熙61年, 民国38年, 贞观二年: the years of a reign are counted
    if _DURATION_CUE.search(before) or digits[0] == "0":
        return None
    if len(digits) == 4 or _YEAR_MONTH.match(text, end):
        return read_digits(digits)
    if len(digits) == 2 and int(digits) >= 40 and digits[1] != "0":
        return read_digits(digits)  # 86年 → 八六年; 50年 (a duration) → 五十年
    return None


# Words after a number that make it the name of an event dated by it (911事件 → 九一一事件).
_EVENT_AFTER = re.compile(r"事件|事变|惨案|血案|大?地震|特大暴雨|暴雨|空难|恐袭|恐怖袭击|大屠杀|晚会")


def event_name(month: str, day: str) -> str:
    """A month and day naming an event or a day, read as such names are said: digit by digit
    with 一 (9, 11 → 九一一; 12, 9 → 一二九), October as 十 (10, 1 → 十一), 11.11 as 双十一."""
    month, day = month.lstrip("0"), day.lstrip("0")
    if month == day and month in ("11", "12"):
        return "双" + read_int(month, liang=False)
    return ("十" if month == "10" else read_digits(month)) + read_digits(day)


def _month_day_split(digits: str) -> tuple[str, str] | None:
    """Split 3 or 4 digits into a valid month and day (911 → 9, 11; 1228 → 12, 28), if any."""
    cut = len(digits) - 2
    if cut not in (1, 2):
        return None
    month, day = digits[:cut], digits[cut:]
    if not (1 <= int(month) <= 12 and 10 <= int(day) <= 31):
        return None
    return month, day


def event_reading(text: str, start: int, end: int) -> str | None:
    """The reading of the integer ``text[start:end]`` when it names an event by its month and
    day (911事件 → 九一一, 512地震 → 五一二), else ``None``."""
    if _EVENT_AFTER.match(text, end) is None:
        return None
    split = _month_day_split(text[start:end])
    return None if split is None else event_name(*split)


# Words before a full hour that announce it to the minute, so that it says 整 (北京时间14:00 →
# 十四点整); elsewhere a full hour is only the hour (首班车6:00 → 六点), as the blind sets' writers say it.
_TIME_SIGNAL_BEFORE = re.compile(r"(?:北京时间|准时|整点)[：:]?$")
_TIME_SIGNAL_WIDTH = 5


def _clock_pieces(match: re.Match[str], suffix: str = "", *, exact: bool = False) -> list[Piece]:
    """One clock time; a full hour says 整 when ``exact`` (北京时间14:00 十四点整), not elsewhere
    (首班车6:00 六点, 7:00-22:00 七点到二十二点)."""
    hour, minute, second = match["h" + suffix], match["m" + suffix], match["s" + suffix]
    spoken_hour = "两" if int(hour) == 2 else read_int(hour, liang=False)
    pieces = [group(match, "h" + suffix, spoken_hour), group(match, "c" + suffix, "点")]
    if minute == "00" and second in (None, "00"):
        pieces.append(group(match, "m" + suffix, "整" if exact else ""))  # 8:00 → 八点整
        if second is not None:
            pieces.append(group(match, "s" + suffix, ""))
        return pieces
    pieces.append(group(match, "m" + suffix, _two_digits(minute) + "分"))
    if second is not None and second != "00":
        pieces.append(group(match, "s" + suffix, _two_digits(second) + "秒"))
    return pieces


def _duration_pieces(match: re.Match[str]) -> list[Piece]:
    """H:MM:SS as a length of time: 一小时二十三分四十五秒, 一小时零五秒 (no hours, no 零小时)."""
    hours, minutes, seconds = int(match["h"]), int(match["m"]), int(match["s"])
    spoken_hours = ("两" if hours == 2 else read_int(str(hours), liang=False)) + "小时" if hours else ""
    pieces = [group(match, "h", spoken_hours), group(match, "c", "")]
    minute_number = _two_digits(match["m"]) if hours else read_int(str(minutes), liang=False)
    spoken_minutes = minute_number + "分" if minutes else ("零" if hours and seconds else "")
    pieces.append(group(match, "m", spoken_minutes))
    spoken_seconds = read_int(str(seconds), liang=False)
    if minutes and seconds < 10:
        spoken_seconds = "零" + spoken_seconds  # 2:01:09 两小时零一分零九秒
    pieces.append(group(match, "s", spoken_seconds + "秒" if seconds else ""))
    return pieces


def _two_digits(value: str) -> str:
    """Minutes and seconds: ``05`` → 零五, ``30`` → 三十, ``00`` → 零."""
    if value[0] == "0" and value != "00":
        return "零" + read_digits(value[1])
    return read_int(value, liang=False)


def _could_be_score(match: re.Match[str]) -> bool:
    """True when a single clock reading is written the way a score is too: no seconds and no
    leading zero in either part (21:19, but not 09:15 or 21:05)."""
    return (
        match["h2"] is None
        and match["s"] is None
        and match["h"][0] != "0"
        and match["m"][0] != "0"
    )


def _time(match: re.Match[str]) -> list[Piece]:
    """A clock time or a range of them; A:B next to the words of a match result is a score
    (羽毛球打到21:19才赢 → 二十一比十九), after the words of a ratio a ratio (师生比为1:18 → 一比十八)."""
    ratio = match["h2"] is None and _RATIO_BEFORE.search(
        match.string, max(0, match.start() - _RATIO_BEFORE_WIDTH), match.start()) is not None
    if ratio and match["s"] is not None:  # N:P:K为15:15:15 → 十五比十五比十五
        return [group(match, "h", read_int(match["h"], liang=False)), group(match, "c", "比"),
                group(match, "m", read_int(match["m"], liang=False) + "比" + read_int(match["s"], liang=False))]
    if ratio or (_could_be_score(match) and is_clock_score(match.string, match.start(), match.end())):
        return [
            group(match, "h", read_int(match["h"], liang=False)),
            group(match, "c", "比"),
            group(match, "m", read_int(match["m"], liang=False)),
        ]
    starts = _START_AFTER.match(match.string, match.end()) is not None and not _COUNTDOWN.search(
        match.string, max(0, match.start() - _DURATION_BEFORE_WIDTH), match.start())
    if match["h2"] is None and match["s"] is not None and not starts and (
            _DURATION_BEFORE.search(
            match.string, max(0, match.start() - _DURATION_BEFORE_WIDTH), match.start())
            or _DURATION_AFTER.match(match.string, match.end())):
        return _duration_pieces(match)  # 剩余时长01:23:45 → 一小时二十三分四十五秒
    if match["h2"] is None:
        return _clock_pieces(match, exact=_TIME_SIGNAL_BEFORE.search(
            match.string, max(0, match.start() - _TIME_SIGNAL_WIDTH), match.start()) is not None
            and not match.string.startswith("整", match.end()))  # 北京时间14:00整: 整 once
    pieces = _clock_pieces(match, exact=False)
    pieces.append(group(match, "sep", "到"))
    if match["next"] is not None:
        pieces.append(verbatim(match, "next"))  # 20:00-次日6:00 → 二十点到次日六点
    return pieces + _clock_pieces(match, "2", exact=False)


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
# Words of a ratio just before A:B, which is then no clock time (师生比为1:18, 比例为3:2, 按1:1配比, 杠杆高达1:10).
_RATIO_BEFORE = re.compile(r"(?:比|比例|比值|配比|比例尺|之比|按|杠杆|[A-Z][:：][A-Z](?:[:：][A-Z])*)"
                           r"(?:为|是|约为|约|达到|达|高达|最高|：|:|=)?\s*$")
_RATIO_BEFORE_WIDTH = 6
# Words before H:MM:SS that make it a length of time, not a clock time (剩余时长01:23:45, 倒计时3天12:08:45).
_DURATION_BEFORE = re.compile(r"(?:时长|倒计时|剩余|还剩|用时|耗时|历时|计时|成绩|[0-9]天|PB|跑出|游出|全马|半马|马拉松|完赛时间)"
                              r"[:：]?\s*$")
# A clock time even after those words: a start (北京马拉松7:30:00准时鸣枪).
_START_AFTER = re.compile(r"\s?(?:准时|鸣枪|起跑|开跑|出发|开始|开赛)")
_COUNTDOWN = re.compile("倒计时|剩余|还剩")
# …and words after it: a race won or finished in that time (基普乔格2:01:09夺冠).
_DURATION_AFTER = re.compile("夺冠|完赛|冲线|撞线|的成绩")
_DURATION_BEFORE_WIDTH = 8
# Words that put the end of a range on the next day (20:00-次日6:00).
_NEXT_DAY = "次日|翌日|第二天|次晨"
TIME = rule(
    "time",
    r"(?<![0-9.])(?<![0-9][:：])" + _CLOCK.format("")
    + rf"(?:(?P<sep>\s?[-~—至]\s?)(?P<next>{_NEXT_DAY})?" + _CLOCK.format("2") + ")?",
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


# Days known by their numbers (六一儿童节, 双十一, 五二零); other days before a festival read as
# dates (12.25圣诞节 → 十二月二十五日).
NUMBER_NAMED_DAYS = frozenset({
    (3, 8), (3, 15), (5, 1), (5, 4), (5, 20), (5, 21), (6, 1), (6, 18), (7, 1), (8, 1), (9, 9),
    (10, 1), (11, 11), (12, 12),
})


def _festival(match: re.Match[str]) -> list[Piece]:
    """M.D before the name of a day: a day known by its numbers reads as the name is said
    (6.1儿童节 → 六一, 3.15晚会 → 三一五, 10.1 → 十一, 11.11 → 双十一, 5.20那天 → 五二零),
    any other as the date (12.25圣诞节 → 十二月二十五日, 2.14情人节 → 二月十四日)."""
    month, day = match["mo"], match["d"]
    if (int(month), int(day)) in NUMBER_NAMED_DAYS:
        return [group(match, "date", event_name(month, day))]
    return [
        group(match, "mo", read_int(month, liang=False) + "月"),
        group(match, "dot", ""),
        group(match, "d", read_int(day, liang=False) + "日"),
    ]


# A month and day joined by a middle dot name an event or a day: 9·11 → 九一一, 3·15 → 三一五,
# 12·9运动 → 一二九运动.
EVENT_DATE = rule(
    "event_date",
    rf"(?<![0-9.·])(?P<mo>{_MONTH})·(?P<d>{_DAY})(?![0-9]|·[0-9])",
    lambda m: [group(m, 0, event_name(m["mo"], m["d"]))],
    START_DIGITS,
)
DATE_YEAR_LAST = rule(
    "date_year_last",
    r"(?<![0-9/])(?P<a>0?[1-9]|[12][0-9]|3[01])/(?P<b>0?[1-9]|[12][0-9]|3[01])/(?P<y>[0-9]{4})(?![0-9/])",
    _date_year_last,
    START_DIGITS,
)
# A month.day date right before the name of a festival or 那天 / 这天 (12.25圣诞节, 2.14情人节);
# a day known by its numbers also before what happens on it (3.15晚会, 6.18大促, 10.1假期, 5.1当天)
# — words that after any other M.D speak of a price (限时6.8促销, 每斤3.5活动价, 票价5.2当天有效).
_NAMED_DAY = ("儿童节|建军节|建党节|妇女节|劳动节|青年节|国庆节|植树节|护士节|教师节|光棍节|购物节|"
              "圣诞节|圣诞|平安夜|情人节|七夕|元旦|愚人节|万圣节|跨年|纪念日|"
              "消费者权益日|那天|这天")
_NUMBER_NAMED_DAY_EVENT = "晚会|国庆|假期|长假|黄金周|期间|当天|当日|活动|大促|促销"
_NUMBER_NAMED_DATE = "|".join(rf"{month}\.{day}" for month, day in sorted(NUMBER_NAMED_DAYS))


def _festival_match(match: re.Match[str]) -> list[Piece]:
    """M.D before a festival (:func:`_festival`), or a day known by its numbers before what
    happens on it (6.18大促 → 六一八)."""
    if match["date"] is not None:
        return _festival(match)
    return [group(match, "named", event_name(*match["named"].split(".")))]


FESTIVAL = rule(
    "festival",
    rf"(?<![0-9.])(?:(?P<date>(?P<mo>[1-9]|1[0-2])(?P<dot>\.)(?P<d>[1-9]|[12][0-9]|3[01]))"
    rf"(?![0-9])(?={_NAMED_DAY})"
    rf"|(?P<named>{_NUMBER_NAMED_DATE})(?![0-9])(?={_NUMBER_NAMED_DAY_EVENT}))",
    _festival_match,
    START_DIGITS,
)

_MONTH_SLASH_DAY = re.compile(rf"(?P<mo>{_MONTH})/(?P<d>{_DAY})")
# Words before M/D that make it a date (预计12/25送达, 活动时间：1/2, 预计在12/25), perhaps with
# a weak lead after them.
_DATE_LEAD = re.compile(
    r"(?:预计|截至|截止|日期|时间|定于|将于|计划于)[：:为是]?(?:于|在|从|自|到)?$"
)
_DATE_LEAD_WIDTH = 6  # the most characters _DATE_LEAD can match
# Words before M/D that make it a date only when it is seldom written as a fraction (从12/1 and
# 在12/25 are dates, but 缩小到1/20, 从1/3提高到1/2 hold fractions); 于 ending a comparison
# (大于, 低于) leads a number.
_DATE_LEAD_WEAK = re.compile(r"(?:(?<![大小等高低多少优劣])于|在|从|自|至|到)$")
# Words after M/D that make it a date (12/25送达, 1/5前).
_DATE_TAIL = re.compile(
    r"[日号]|送达|到货|发货|到期|截止|之前|以前|前|起|开始|举行|上线|开售|上映|当天|那天|放假|生日"
)
# Words of a share, a likelihood or a change around M/D that make it a fraction even after a weak
# lead or as a range (已有1/3上线, 体积缩小到1/20, 概率从1/20提高到1/15, 在1/16的比例下, 占比约1/4-1/3,
# 在1/4~1/3之间): before it, perhaps with a weak lead between (概率在, 降到), and after it. 约
# alone (约1/4, 约为1/3) but not 约在 / 约于, which arrange a day or date it (我们约在12/25见面).
_FRACTION_CUE_BEFORE = re.compile(
    r"(?:(?:占|比例|比重|概率|几率|可能性|仅|缩小|扩大|压缩|降|减少|增加|提高|提升|上升|增长|已有|共有|其中|中)"
    r"(?:比|为|是|了)?约?(?:在|从|到|至|于)?"
    r"|约(?:为|是|了)?(?:从|到|至)?)$"
)
_FRACTION_CUE_BEFORE_WIDTH = 8  # the most characters _FRACTION_CUE_BEFORE can match
_FRACTION_CUE_AFTER = re.compile(
    r"的|之间|左右|以内|以上|以下|提高|提升|增加|增长|上升|下降|降低|减少|缩小|扩大"
)


def _is_common_fraction(numerator: int, denominator: int) -> bool:
    """A proper fraction with a small denominator (1/2, 2/3, 3/10), the way fractions are
    usually written; read as a date (January 2nd) only on stronger evidence."""
    return numerator < denominator <= 10


def _is_usual_fraction(numerator: int, denominator: int) -> bool:
    """A common fraction or one part of many (1/20, 1/16): what a weak lead alone (到1/20) does
    not make a date."""
    return numerator == 1 or _is_common_fraction(numerator, denominator)


def _has_date_lead(text: str, start: int) -> bool:
    """True when a word that makes what follows a date (预计, 截至, 时间：) ends at ``start``."""
    return _DATE_LEAD.search(text, max(0, start - _DATE_LEAD_WIDTH), start) is not None


def _has_fraction_cue(text: str, start: int, end: int) -> bool:
    """True when the words around ``text[start:end]`` speak of a share, a likelihood or a change
    (概率在…, 缩小到…, …的比例, …之间), as fractions are spoken of."""
    return _FRACTION_CUE_AFTER.match(text, end) is not None or _FRACTION_CUE_BEFORE.search(
        text, max(0, start - _FRACTION_CUE_BEFORE_WIDTH), start) is not None


def is_month_day(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is written M/D (1 ≤ M ≤ 12, 1 ≤ D ≤ 31) and the words
    around it make it a date rather than a fraction: a date word after it (12/25送达, 1/20前) or
    a date lead before it (预计12/25, 截至3/31); a weak lead (在, 从, 到, 于) only before what is
    seldom a fraction and no words of a share or change (在12/25, 从12/1 — but 完成了3/4,
    缩小到1/20, 在1/16的比例下)."""
    shape = _MONTH_SLASH_DAY.fullmatch(text, start, end)
    if shape is None:
        return False
    if _has_date_lead(text, start):
        return True
    if _DATE_TAIL.match(text, end):  # 12/25上线, but not 已有1/3上线 (a share before 上线)
        return not (_is_usual_fraction(int(shape["mo"]), int(shape["d"])) and _has_fraction_cue(text, start, end))
    return (
        _DATE_LEAD_WEAK.search(text, max(0, start - 2), start) is not None
        and not _is_usual_fraction(int(shape["mo"]), int(shape["d"]))
        and not _has_fraction_cue(text, start, end)
    )


def month_day_pieces(text: str, start: int, end: int) -> list[Piece]:
    """Read ``text[start:end]``, written M/D, as a date: 12/25 → 十二月二十五日 (no 日 when the
    text writes 日 or 号 next)."""
    month, _, day = text[start:end].partition("/")
    day_word = "" if text.startswith(("日", "号"), end) else "日"
    return [
        (read_int(month, liang=False) + "月", start, start + len(month)),
        (read_int(day, liang=False) + day_word, end - len(day), end),
    ]


def _in_order(first: tuple[int, int], second: tuple[int, int]) -> bool:
    """True when the date (month, day) ``second`` is not before ``first``, or the two span the
    new year (12/28-1/3): a range of dates goes forward, one of fractions often not (1/6-1/3)."""
    return second >= first or (first[0] == 12 and second[0] == 1)


def _rises_as_fractions(match: re.Match[str]) -> bool:
    """True when the second M/D of a range is the larger fraction (1/6-1/3, 2/15-3/20), as a
    range of shares is written; 12/20-12/25 falls as fractions, so it holds dates."""
    return int(match["mo2"]) * int(match["d"]) > int(match["mo"]) * int(match["d2"])


def _dash_range_is_dates(match: re.Match[str]) -> bool:
    """True when two M/D joined by a dash or tilde are dates: a date lead before them or a date
    word after them (活动时间：1/2-1/5, 1/2-1/5放假); else not both common fractions (1/4-3/4),
    and either falling as fractions (12/20-12/25之间) or with no words of a share or change
    around them (12/10-12/15, but 占比约2/15-3/20)."""
    text, start, end = match.string, match.start(), match.end()
    if _has_date_lead(text, start) or _DATE_TAIL.match(text, end):
        return True
    if _is_common_fraction(int(match["mo"]), int(match["d"])) and _is_common_fraction(
            int(match["mo2"]), int(match["d2"])):
        return False
    return not _rises_as_fractions(match) or not _has_fraction_cue(text, start, end)


def _month_day_range(match: re.Match[str]) -> list[Piece]:
    """1/2-1/5 → 一月二日到一月五日 when both can be dates in order and the context makes them
    dates (:func:`_dash_range_is_dates`); joined by 到 / 至 they are dates when the context makes
    either one a date (时间1/2至1/5, 从12/1到12/31, but 从1/3到1/2). Otherwise both are fractions
    (概率在1/6-1/3之间 → 六分之一到三分之一)."""
    text = match.string
    first, second = match.span("md"), match.span("md2")
    written = match["sep"] in ("到", "至")
    sep = verbatim(match, "sep") if written else group(match, "sep", "到")
    if written:
        dates = is_month_day(text, *first) or is_month_day(text, *second)
    else:
        dates = _dash_range_is_dates(match)
    in_order = _in_order((int(match["mo"]), int(match["d"])), (int(match["mo2"]), int(match["d2"])))
    if in_order and dates:
        return [*month_day_pieces(text, *first), sep, *month_day_pieces(text, *second)]
    return [
        group(match, "md", read_fraction(match["mo"], match["d"])),
        sep,
        group(match, "md2", read_fraction(match["mo2"], match["d2"])),
    ]


MONTH_DAY_RANGE = rule(
    "month_day_range",
    rf"(?<![0-9/.])(?P<md>(?P<mo>{_MONTH})/(?P<d>{_DAY}))(?P<sep>\s?[-~—]\s?|到|至)"
    rf"(?P<md2>(?P<mo2>{_MONTH})/(?P<d2>{_DAY}))(?![0-9/]|\.[0-9]|\s?=)",
    _month_day_range,
    START_DIGITS,
)


def _full_year(first: str, second: str) -> str:
    """The second year of a span in full when written with two digits: (2025, 26) → 2026,
    (1999, 00) → 2000."""
    if len(second) == 4:
        return second
    year = int(first[:2] + second)
    if year <= int(first):
        year += 100
    return str(year)


def _year_span(match: re.Match[str]) -> list[Piece]:
    """2025/26赛季 → 二零二五到二零二六赛季: both years digit by digit, the second in full."""
    return [
        group(match, "a", read_digits(match["a"])),
        group(match, "sep", "到"),
        group(match, "b", read_digits(_full_year(match["a"], match["b"]))),
    ]


# A season, school or fiscal year spanning two years: 2025/26赛季, 2023-24学年, 2024/2025财年.
_SPAN_AFTER = "赛季|学年|财年|年度|季"
YEAR_SPAN = rule(
    "year_span",
    r"(?<![0-9.])(?P<a>(?:1[89]|20)[0-9]{2})(?P<sep>\s?[-/—~]\s?)"
    rf"(?P<b>(?:1[89]|20)[0-9]{{2}}|[0-9]{{2}})(?![0-9])(?={_SPAN_AFTER})",
    _year_span,
    START_DIGITS,
)

# A dash between two dates or clock readings written with their words is a range, read 到 and
# never a minus: 5月1日—5月5日, 5月1日-3日, 2020年-2023年, 10点-12点, 10点半-12点, 10时-12时,
# 22点-次日6点.
_RANGE_START_BEFORE = r"(?:(?<=[0-9][年月日号点时])|(?<=[0-9]点半))"
_RANGE_END_AHEAD = rf"(?=(?:{_NEXT_DAY})?[0-9]{{1,4}}(?:[年月日号点时]|[:：][0-9]))"
CALENDAR_RANGE = rule(
    "calendar_range",
    rf"{_RANGE_START_BEFORE}(?P<sep>[-~—]\s?){_RANGE_END_AHEAD}",
    lambda m: [group(m, "sep", "到")],
    "-~—",
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

# A month and day written MM-DD before a clock time (新设备于12-05 22:18登录) is a date.
MONTH_DAY_BEFORE_TIME = rule(
    "month_day_before_time",
    r"(?<![^\s于在至从到，：:])(?P<mo>1[0-2]|0?[1-9])-(?P<d>3[01]|[12][0-9]|0?[1-9])(?=\s[0-2]?[0-9]:[0-5][0-9])",
    lambda m: [group(m, 0, read_int(m["mo"].lstrip("0"), liang=False) + "月"
                     + read_int(m["d"].lstrip("0"), liang=False) + "日")],
    START_DIGITS,
)

# Years in round brackets, a life or a period (鲁迅（1881—1936）, （2008、2022）): each digit by digit,
# a dash read 到 — unless a unit after the bracket makes them amounts (（1000-2000）元).
_BRACKET_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
BRACKET_YEARS = rule(
    "bracket_years",
    rf"(?<=[（(])(?P<a>{_BRACKET_YEAR})(?P<sep>\s?[—–~～-]{{1,2}}\s?|、|至)(?P<b>{_BRACKET_YEAR})(?=[）)](?![元块米克个人万亿次件台辆吨%]))",
    lambda m: [group(m, "a", read_digits(m["a"])), group(m, "sep", "、" if m["sep"] == "、" else "到"),
               group(m, "b", read_digits(m["b"]))],
    START_DIGITS,
)

# A date written as eight digits after the words of a label (生产日期：20240312, 有效期至20251231):
# 二零二四年三月十二日.
COMPACT_DATE = rule(
    "compact_date",
    r"(?:(?<=日期)|(?<=日期：)|(?<=日期:)|(?<=日期 )|(?<=有效期至)|(?<=保质期至)|(?<=到期日)|(?<=到期日：))"
    r"(?P<y>(?:19|20)[0-9]{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12][0-9]|3[01])(?![0-9])",
    lambda m: [group(m, "y", read_digits(m["y"]) + "年"), group(m, "m", read_int(m["m"], liang=False) + "月"),
               group(m, "d", read_int(m["d"], liang=False) + "日")],
    START_DIGITS,
)

# A day written M/D or M.D before the words of a release or an announcement (5/20开票, 5.20官宣恋情):
# 五月二十日 — not a fraction or a decimal.
_RELEASE_WORDS = "开票|开售|开抢|上映|首映|开播|首播|官宣|定档|举行|举办"


def _event_day(match: re.Match[str], which: str) -> list[Piece]:
    """五月二十日 from the groups ``m``, ``s``, ``d`` (``which`` "") or ``m2``, ``s2``, ``d2`` ("2")."""
    return [group(match, "m" + which, read_int(match["m" + which], liang=False) + "月"), group(match, "s" + which, ""),
            group(match, "d" + which, read_int(match["d" + which], liang=False) + "日")]


EVENT_DAY = rule(
    "event_day",
    r"(?<![0-9./A-Za-z版])(?<![A-Za-z] )(?<!版本)(?:(?<![\u4e00-\u9fff])|(?<=[在于将档片票])|(?<=预计))(?P<m>1[0-2]|[1-9])(?P<s>[/.])(?P<d>3[01]|[12][0-9]|[1-9])"
    rf"(?![0-9./])(?=(?:{_RELEASE_WORDS}))"
    r"|(?<![0-9./A-Za-z约占近达过的中])(?<!已有)(?<!共有)(?P<m2>1[0-2]|[1-9])(?P<s2>/)(?P<d2>3[01]|[12][0-9]|[1-9])(?![0-9./])(?=发布|上线|开票|开售|上映)",
    lambda m: _event_day(m, "") if m["m"] else _event_day(m, "2"),
    START_DIGITS,
)
# A year of two digits opening a clause before the words of a year (24年最火的综艺, 24年上半年): 二四年
# (20年的老店 counts years).
SHORT_YEAR = rule(
    "short_year",
    r"(?:(?<=^)|(?<=[，。！？；：、]))(?P<y>1[5-9]|2[0-9])(?=年(?:最|春晚|春节|跨年|上半年|下半年|底|初(?!心)|全年|度|[0-9]{1,2}月))",
    lambda m: [group(m, "y", read_digits(m["y"]))],
    START_DIGITS,
)

RULES: tuple[Rule, ...] = (
    COMPACT_DATE, EVENT_DAY, SHORT_YEAR, BRACKET_YEARS, DATE, EVENT_DATE, DATE_YEAR_LAST, FESTIVAL, YEAR_SPAN, YEAR_MONTH, MONTH_DAY_BEFORE_TIME, MONTH_DAY_RANGE,
    TIME, CALENDAR_RANGE,
)
