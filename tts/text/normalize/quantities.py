"""Numbers with what surrounds them: cardinals in context, ranges (-5°C~3°C 零下五摄氏度到三摄氏度),
scores (3-1战胜 三比一战胜, 6-4、7-5击败 六比四、七比五), sides (5V5 五V五, no volts),
percentages, temperatures, amounts with units, ratios, fractions, blood pressures (120/80mmHg
一百二十比八十毫米汞柱), simple equations, powers (2^10 二的十次方, a² 诶的平方, 3×10^8m/s
…十的八次方米每秒), roots (√2 根号二) and scientific notation (1.5e-5 一点五乘十的负五次方).

Context picks the reading of a bare integer: after 第, or in a list that 第 heads (第1、2项), it
is an ordinal (第二, never 第两); before a measure word a lone 2 is 两 (两个, 两点); before 年 a
year is read digit by digit (二零二三年); after 编号 / 电话 (when it counts nothing), in room
numbers and stock codes digits are read one by one with 幺; zero-padded numbers outside dates and
clock times keep their zeros (007 → 零零七); the hundredths of a race time (9秒83 → 九秒八三),
the centimetres of a height (1米72 → 一米七二), numbers naming an event (911事件 → 九一一事件)
and numbers used as names (985高校, 520当天, 95后) are read digit by digit too.
After 同比 / 环比 / 较去年同期 a written sign is the change: 同比+3.2% → 同比增长百分之三点二;
beside a word that already says the change the sign is silent when it agrees (同比增长+3.2% →
同比增长百分之三点二, 同比+3.2%增长 → 同比百分之三点二增长).
"""

from __future__ import annotations

import re

from tts.text.normalize.dates_times import (
    event_reading,
    is_month_day,
    month_day_pieces,
    year_reading,
)
from tts.text.normalize.money_units import (
    ANY_UNIT,
    TEMPERATURE_UNIT,
    UNIT,
    UNIT_AFTER_POWER,
    UNITS,
    measured_pieces,
    read_range,
    temperature_pieces,
    unit_pieces,
)
from tts.text.normalize.named_numbers import named_reading
from tts.text.normalize.numbers import (
    MAX_CARDINAL_DIGITS,
    NUMBER,
    RANGE_SEP,
    SIGNED,
    read_decimal,
    read_digits,
    read_fraction,
    read_int,
    read_percent,
    read_signed,
)
from tts.text.normalize.phones_serials import is_code_context, is_service_call
from tts.text.normalize.scores import RESULT_WORDS, score_list_bounds
from tts.text.normalize.latin import spell
from tts.text.normalize.rules import START_DIGITS, START_LETTERS, START_SIGNS, Piece, Rule, context_before, group, rule

# Measure words and units after which a lone 2 reads 两.
MEASURE_WORDS = (
    "个 位 名 本 次 件 条 张 只 头 匹 辆 架 艘 台 部 座 栋 间 家 所 项 份 种 类 批 群 "
    "组 对 双 副 套 把 支 根 枝 棵 朵 片 块 层 口 道 句 首 篇 页 段 顿 场 届 轮 趟 遍 "
    "声 步 斤 两 里 米 吨 克 升 元 角 毛 天 夜 晚 周 岁 倍 点 成 万 千 百 亿 亩 箱 瓶 杯 碗 "
    "盘 包 袋 罐 颗 粒 滴 枚 封 笔 股 户 人 分 秒 室 厅 卫 小时 分钟 秒钟 公里 千米 公斤 千克 公顷 星期 "
    "毫升 厘米 毫米 平方 立方 英里 美元 欧元 港元 日元 英镑 勺 汤匙 茶匙 匙 节 圈 门 扇 盏 幅 盒 串 "
    "束 捆 款 样 胜 负 平 局 球 站 孔 学分 学时 课时 集 票 居 居室 小节"
).split()
_MEASURE = re.compile(
    "(?:" + "|".join(sorted(MEASURE_WORDS, key=len, reverse=True))
    + r"|年(?!级|代)|季(?!度)|房(?=改|变|[0-9一二两三四]厅|[0-9一二两三四]卫|出租|户型|的户型|朝|带|[，。、；]|$)|梯(?=[0-9一二两三四五六七八]户|[，。、；]|$)|(?:[KMGTP]i?B|[kKMG]bps|[wW])(?![A-Za-z])"  # 两GB, 两w (万): read as letters
    + r"|[金银](?=[0-9])|[金银铜]牌|(?<=[0-9]银[0-9])铜|[金银铜](?=[，。、；！？]|$))"  # 3金2银1铜 → 两银, 获2金
)
_CALENDAR_AFTER = re.compile("[月日号时点]")
# What follows N号 when it numbers a seat, a jersey or a bed rather than a day: 08号座位 → 零八号.
_SEAT_AFTER = ("座", "球衣", "床", "房", "楼", "窗口", "考生", "选手", "队员", "机位", "车厢", "线", "顾客",
               "患者", "病人", "客人", "到", "车位", "柜", "格")
# What names the building before N层, a floor then (3号楼2层, 住院部2层).
_FLOOR_OF = ("楼", "单元", "部", "馆", "看台")
# Measures of buildings that name one (B座, 3栋) unless a number counts them (一座2层小楼: two storeys).
_BUILDING_MEASURES = ("座", "栋", "幢", "院")
_COUNTING = frozenset("一二两三四五六七八九十几每这那")
# What follows N层 when it counts storeys (一座2层小楼, 3栋2层楼房), not a floor.
_STOREYED = ("楼", "小楼", "楼房", "建筑", "别墅", "房", "高")
# A-B is a score (三比五), not a range, next to the words of a match result: after a result
# (主队3-5不敌客队, 比分定格在2-1), or before one (2-2战平, 以3-1战胜). 以 alone is no cue (以3-5为宜).
_SCORE_BEFORE = re.compile(rf"(?:(?:比分|主队|客队|半场|全场|点球大战|局分|大比分|总比分|{RESULT_WORDS})[^，。！？；,.!?;]{{0,3}}|队以?)$")
_SCORE_AFTER = re.compile(rf"{RESULT_WORDS}|[胜负]|平(?!方|米)|的?比分|直落|晋级|淘汰|出线|绝杀")
_SCORE_DASHES = ("-", "—")
# What names a figure, table or equation numbered by chapter before A-B (图3-1, 表2-4, 式(5-2)).
_FIGURE_BEFORE = re.compile(r"(?:图|表|式|例|附图|附表)[(（]?$")
_SCORE_BEFORE_WIDTH = 8
_SCORE_MAX_DIGITS = 3
# Two digits right after N秒 are the hundredths of a race time, and after N米 the centimetres of
# a height or a jump, read digit by digit (9秒83 → 九秒八三, 10秒05 → 十秒零五, 1米72 → 一米七二,
# 8米05 → 八米零五; 1米72厘米 and 跑了10秒50米 count, as a unit follows).
_MINOR_PART_BEFORE = re.compile(r"(?:[0-9]秒|(?<![0-9.])[0-9]{1,2}米)$")
_MINOR_PART_BEFORE_WIDTH = 3
# After the words of a comparison with an earlier period a written sign is the change: 同比+3.2%
# → 同比增长百分之三点二, 环比-0.8% → 环比下降百分之零点八, 较去年同期+3.2% → 较去年同期增长….
# Elsewhere + reads 正 and - 负.
_EARLIER_PERIOD = "上年|去年|上月|上周|上季度|上一季度|昨日|昨天|前一日|前一天"
_CHANGE_BEFORE = re.compile(
    rf"(?:同比|环比|[较比](?:(?:{_EARLIER_PERIOD})(?:同期)?|同期))[：:]?$"
)
_CHANGE_BEFORE_WIDTH = 8
_SIGN_WORDS = ("正", "负")  # (+, -)
_CHANGE_WORDS = ("增长", "下降")
# Words that already say which way a number changed: a sign that agrees with one right before
# the number (同比增长+3.2%, 下跌-2%) or right after it (同比+3.2%增长) is silent; one that
# disagrees is read (增长-3% → 增长负百分之三, a fall).
_RISE_WORDS = "增长|上涨|上升|提高|提升|增加|攀升|上扬|走高|增|涨"  # not 升, the litre
_FALL_WORDS = "下降|下跌|减少|降低|回落|下滑|走低|跌|降"
_RISE_BEFORE = re.compile(rf"(?:{_RISE_WORDS})了?[：:]?$")
_FALL_BEFORE = re.compile(rf"(?:{_FALL_WORDS})了?[：:]?$")
_DIRECTION_BEFORE_WIDTH = 4
_RISE_AFTER = re.compile(_RISE_WORDS)
_FALL_AFTER = re.compile(_FALL_WORDS)
# Units of blood pressure: A/B before one is a pressure pair read with 比 (120/80mmHg).
_PRESSURE_UNITS = "mmHg|kPa"
_PRESSURE_WORD = "毫米汞柱"
# Words before A/B that make it a blood pressure without a unit (血压150/95).
_PRESSURE_BEFORE = re.compile(r"血压[^，。！？；0-9]{0,3}$")
# Exponents written as superscripts (x², 10³), and the exponents read as words.
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_POWER_WORDS = {"2": "平方", "3": "立方"}
_OPERATORS = {"+": "加", "-": "减", "*": "乘", "×": "乘", "/": "除以", "÷": "除以", "=": "等于"}
_EQUATION_TOKEN = re.compile(r"[0-9][0-9,]*(?:\.[0-9]+)?|[-+*/×÷=]")


# Words before M:SS (no clock: 29:59) that make it a countdown of minutes and seconds.
_COUNTDOWN_BEFORE = re.compile(r"(?:倒计时|剩余|还剩|计时)[:：]?\s*$")
# Numbers listed after 第N are ordinals too: 第1、2项 → 第一、二项, 第3至5条.
_LIST_JOINERS = "、和及或至到"
_ORDINAL_LIST_BEFORE = re.compile(rf"第(?:[0-9]{{1,4}}[{_LIST_JOINERS}])+$")
_ORDINAL_LIST_WIDTH = 16


def is_ordinal(text: str, start: int) -> bool:
    """True when 第 precedes the number at ``text[start]``, right before it or heading a list
    the number ends (第1、2项): an ordinal, so 2 reads 二, never 两."""
    if start == 0:
        return False
    if text[start - 1] == "第":
        return True
    return text[start - 1] in _LIST_JOINERS and _ORDINAL_LIST_BEFORE.search(
        text, max(0, start - _ORDINAL_LIST_WIDTH), start) is not None


def counts_something(text: str, start: int, end: int) -> bool:
    """True when a measure word follows ``text[start:end]`` (so a lone 2 reads 两) and it is no
    ordinal (第2个, 第1、2项)."""
    if is_ordinal(text, start):
        return False
    if text.startswith("分", end) and text[:start].endswith("点"):
        return False  # the minute of a clock time: 三点2分 → 三点二分 (but 2分05秒 → 两分)
    if text.startswith("两", end):
        return False  # the weight 两: 2两 → 二两, never 两两
    if text.startswith("层", end) and not text.startswith(_STOREYED, end + 1) and (
            text[:start].endswith(_FLOOR_OF) or (text[:start].endswith(_BUILDING_MEASURES)
                                                and text[start - 2:start - 1] not in _COUNTING)):
        return False  # the floor of a building: 3号楼2层, B座2层 → 二层 (楼高2层, 一座2层小楼 → 两层)
    if text.startswith("档", end):
        return text[:start].endswith(("有", "共", "分", "分为", "设", "设有", "设置了", "推出了", "新增", "支持", "提供", "多达"))
        # 有2档火力, 分为2档, 推出了2档新节目 (调到2档: 二档)
    if text.startswith("更", end):  # 每周2更 两更 (方案2更省钱: 更 "more")
        return text[:start].endswith(("每周", "每天", "每日", "日", "周")) or end + 1 == len(text) or text[end + 1] in "，。！？；、"
    if text.startswith("栋", end) and re.match("栋[0-9]+单元", text[end:]):
        return False  # 他家住2栋3单元: a building named by its number (小区共2栋: two)
    return _MEASURE.match(text, end) is not None


def _direction_words(text: str, start: int, end: int, *, after: bool) -> tuple[str, str] | None:
    """How + and - read when a word of rise or fall stands right before ``text[start:end]`` (or,
    with ``after``, right after it): silent when they agree with it (增长+3% → 增长百分之三), 正 /
    负 when not (增长-3% → 增长负百分之三); ``None`` without such a word."""
    window = max(0, start - _DIRECTION_BEFORE_WIDTH)
    if _RISE_BEFORE.search(text, window, start) or (after and _RISE_AFTER.match(text, end)):
        return ("", _SIGN_WORDS[1])
    if _FALL_BEFORE.search(text, window, start) or (after and _FALL_AFTER.match(text, end)):
        return (_SIGN_WORDS[0], "")
    return None


def _sign_words(match: re.Match[str]) -> tuple[str, str]:
    """How a + and a - written before the match read: as a word of rise or fall before it allows
    (:func:`_direction_words`); after 同比, 环比 or 较去年同期 as such a word after it allows
    (同比+3.2%增长), else 增长 / 下降; elsewhere 正 / 负 (从-3降到-5 keeps its 负)."""
    text, start, end = match.string, match.start(), match.end()
    if text[start] not in "+-":
        return _SIGN_WORDS
    if text[start] == "+" and start > 0 and text[start - 1] in _COUNTED_BEFORE_PLUS:
        return ("加", "负")  # 孕28周+3天: weeks and days added

    if not _CHANGE_BEFORE.search(text, max(0, start - _CHANGE_BEFORE_WIDTH), start):
        return _direction_words(text, start, end, after=False) or _SIGN_WORDS
    return _direction_words(text, start, end, after=True) or _CHANGE_WORDS


def _is_minor_part(text: str, start: int, end: int) -> bool:
    """True when the integer ``text[start:end]`` is two digits after N秒 or N米 with no measure
    word after them: the hundredths of a second in a race time (9秒83), the centimetres of a
    height (1米72)."""
    return (
        end - start == 2
        and _MINOR_PART_BEFORE.search(
            text, max(0, start - _MINOR_PART_BEFORE_WIDTH), start) is not None
        and not counts_something(text, start, end)
    )


def _integer_reading(text: str, start: int, end: int) -> str | None:
    """A digit-by-digit reading for codes, years and zero-padded numbers, else ``None``."""
    digits = text[start:end]
    if is_code_context(text, start, end, counts_something) or (
            is_service_call(text, start, end) and not counts_something(text, start, end)):
        return read_digits(digits, yao=True)
    named = (
        year_reading(text, start, end)
        or event_reading(text, start, end)
        or named_reading(text, start, end, counts_something)
    )
    if named is not None:
        return named
    if _is_minor_part(text, start, end):
        return read_digits(digits)
    if len(digits) > 1 and digits[0] == "0":
        seat = text.startswith("号", end) and "月" not in text[max(0, start - 3):start] and (
            text.startswith(_SEAT_AFTER, end + 1) or text[max(0, start - 1):start] in ("请", "第"))
        if _CALENDAR_AFTER.match(text, end) and not seat:
            return read_int(digits, liang=False)  # 06月09日 → 六月九日, 8月08号 (but 08号座位 → 零八号)
        return read_digits(digits)
    if len(digits) > MAX_CARDINAL_DIGITS:
        return read_digits(digits)
    return None


# Measure words after which a + adds a further count (孕28周+3天, 1岁+2个月).
_COUNTED_BEFORE_PLUS = frozenset("周天月岁年")
# The upper end of a range written with 到 / 至 after a number (2到4人).
_RANGE_UPPER = re.compile(r"[到至]([0-9]+)(?![0-9.])")
# Words of money after an amount, whose trailing zeros after the point are not read.
_MONEY_AFTER = re.compile(r"(?:元|块|美元|欧元|港元|港币|日元|英镑|人民币)")


def _number(match: re.Match[str]) -> list[Piece]:
    number, text = match["a"], match.string
    start, end = match.span("a")
    if number.isdigit():
        special = _integer_reading(text, start, end)
        if special is not None:
            return [group(match, "a", special)]
    if "." in number and _MONEY_AFTER.match(text, end):
        number = number.rstrip("0").rstrip(".")  # 128.50元 → 一百二十八点五元, as with ¥128.50
    positive, negative = _sign_words(match)
    scored = start >= 2 and text[start - 1] in "比+" and text[start - 2].isdigit()  # 0比2负于, 38+2周: no count
    upper = _RANGE_UPPER.match(text, end)  # 2到4人: the lower end of a range counts what the upper counts
    counts = counts_something(text, start, end) or (
        upper is not None and counts_something(text, upper.start(1), upper.end(1)))
    spoken = read_signed(
        number,
        liang=not is_ordinal(text, start) and not scored,
        measure=counts and not scored,
        negative_word=negative,
        positive_word=positive,
    )
    return [group(match, "a", spoken)]


def _is_year_range(match: re.Match[str]) -> bool:
    a, b = match["a"], match["b"]
    if not (a.isdigit() and b.isdigit() and len(a) == len(b) == 4):
        return False
    text, start, end = match.string, match.start(), match.end()
    if text.startswith("年", end):
        return True
    return 1900 <= int(a) < int(b) <= 2100 and not counts_something(text, start, end)


def _is_score(match: re.Match[str]) -> bool:
    """True when a dash joins two small whole numbers in the words of a match result, said
    before or after it or after the last of the scores listed with it (6-4、7-5击败)."""
    a, b, text = match["a"], match["b"], match.string
    start, end = match.start(), match.end()
    if match["sep"].strip() not in _SCORE_DASHES or not (a.isdigit() and b.isdigit()):
        return False
    if max(len(a), len(b)) > _SCORE_MAX_DIGITS or (
            counts_something(text, start, end) and _SCORE_AFTER.match(text, end) is None):
        return False  # 3-5个 is a range (3-1胜出: 胜 counts games but follows a score here)
    first_start, last_end = score_list_bounds(text, start, end)
    return _SCORE_AFTER.match(text, last_end) is not None or _SCORE_BEFORE.search(
        text, max(0, first_start - _SCORE_BEFORE_WIDTH), first_start) is not None


def _is_figure_number(match: re.Match[str]) -> bool:
    """True when A-B numbers a figure, table or equation by chapter (图3-1, 表2-4, 式(5-2)):
    read 三杠一, not a range — unless a measure word follows (地图3-5张; 所 of 图3-1所示 is none)."""
    text, start = match.string, match.start()
    return match["sep"].strip() == "-" and match["a"].isdigit() and match["b"].isdigit() \
        and _FIGURE_BEFORE.search(text, max(0, start - 2), start) is not None \
        and (text.startswith("所示", match.end()) or not counts_something(text, start, match.end()))


def _range(match: re.Match[str]) -> list[Piece]:
    if _is_figure_number(match):
        return [
            group(match, "a", read_int(match["a"], liang=False)),
            group(match, "sep", "杠"),
            group(match, "b", read_int(match["b"], liang=False)),
        ]
    if _is_score(match):
        return [
            group(match, "a", read_int(match["a"], liang=False)),
            group(match, "sep", "比"),
            group(match, "b", read_int(match["b"], liang=False)),
        ]
    if _is_year_range(match):
        return [
            group(match, "a", read_digits(match["a"])),
            group(match, "sep", "到"),
            group(match, "b", read_digits(match["b"])),
        ]
    positive, negative = _sign_words(match)
    return read_range(
        match,
        measure=counts_something(match.string, match.start(), match.end()),
        negative_word=negative,
        positive_word=positive,
    )


def _percent(match: re.Match[str]) -> list[Piece]:
    symbol = (match["pct"] or match["pa"]).strip()
    positive, negative = _sign_words(match)

    def percent(number: str, sign: str) -> str:
        return read_percent(number, sign, negative_word=negative, positive_word=positive)

    if match["b"] is None:
        return [group(match, "a", percent(match["a"], symbol))]
    second = percent(match["b"], symbol) if match["pct"] else read_signed(
        match["b"], negative_word=negative, positive_word=positive)
    return [
        group(match, "a", percent(match["a"], (match["pa"] or symbol).strip())),
        group(match, "sep", "到"),
        group(match, "b", second),
    ]


def _quantity(match: re.Match[str]) -> list[Piece]:
    """A number or range, optionally followed by %, a temperature unit or a unit symbol."""
    if match["pct"] is not None or match["pa"] is not None:
        return _percent(match)
    if match["deg"] is not None:
        return temperature_pieces(match, "deg")
    if match["u"] is not None:
        return unit_pieces(match, "u")
    if match["b"] is not None:
        return _range(match)
    return _number(match)


def _is_pressure_pair(match: re.Match[str]) -> bool:
    """True when A/B is a blood pressure, systolic over diastolic: a unit of pressure follows
    it (120/80mmHg, 120/80毫米汞柱), or 血压 comes just before it (血压150/95)."""
    return match["pu"] is not None or match.string.startswith(_PRESSURE_WORD, match.end()) or (
        _PRESSURE_BEFORE.search(match.string, max(0, match.start() - 6), match.start()) is not None
        and match["a"].isdigit() and match["b"].isdigit() and 2 <= len(match["b"]) <= 3
        and int(match["a"]) > int(match["b"]))


def _fraction(match: re.Match[str]) -> list[Piece]:
    """``3/4`` → 四分之三, unless the context makes it a month and day (预计12/25送达) or a blood
    pressure (120/80mmHg → 一百二十比八十毫米汞柱)."""
    text, start, end = match.string, match.start(), match.end()
    if _is_pressure_pair(match):
        pieces = _ratio(match)
        if match["pu"] is not None:
            pieces.append(group(match, "pu", UNITS[match["pu"].strip()]))
        return pieces
    if is_month_day(text, start, end):
        return month_day_pieces(text, start, end)
    numerator = match["a"]
    sign = ""
    if numerator[0] in "+-":
        sign = "负" if numerator[0] == "-" else "正"
        numerator = numerator[1:]
    if match["bm"]:  # 15.1/10万 → 十万分之十五点一: a rate per ten thousand
        return [group(match, 0, sign + read_fraction(numerator, match["b"]).replace("分之", match["bm"] + "分之", 1))]
    return [group(match, 0, sign + read_fraction(numerator, match["b"]))]


def _ratio(match: re.Match[str]) -> list[Piece]:
    a, b = match["a"], match["b"]
    if not match.groupdict().get("r") and a.isdigit() and b.isdigit() and len(b) == 2 and int(a) < 60 and int(b) < 60 and (
            match.string.startswith(("后", "内"), match.end())
            or _COUNTDOWN_BEFORE.search(match.string, max(0, match.start() - 6), match.start())):
        return [group(match, "a", read_int(a, liang=False) + "分"), group(match, "c", ""),
                group(match, "b", read_int(b, liang=False) + "秒")]  # 29:59后自动取消: minutes and seconds
    pieces = [
        group(match, "a", read_signed(match["a"], liang=False)),
        group(match, "c", "比"),
        group(match, "b", read_signed(match["b"], liang=False)),
    ]
    if match.groupdict().get("r"):  # 7.1:38.3:54.6 → 七点一比三十八点三比五十四点六
        pieces.append(group(match, "r", "".join("比" + read_signed(n, liang=False)
                                              for n in re.split("[:：]", match["r"])[1:])))
    return pieces


def _equation(match: re.Match[str]) -> list[Piece]:
    """``3+4=7`` → 三加四等于七; a sign right after an operator makes the next number negative."""
    pieces: list[Piece] = []
    sign = ""
    expect_number = True
    base = match.start()
    for token in _EQUATION_TOKEN.finditer(match.group()):
        text, start, end = token.group(), base + token.start(), base + token.end()
        if text[0].isdigit():
            pieces.append((sign + read_signed(text, liang=False), start, end))
            sign, expect_number = "", False
        elif expect_number and text in "+-":
            sign = "负" if text == "-" else "正"
        else:
            pieces.append((_OPERATORS[text], start, end))
            expect_number = True
    return pieces


def _unit_after(match: re.Match[str], *, numeric: bool) -> list[Piece]:
    """The unit symbol (group ``u``) after a power or scientific notation, if any, perhaps a space
    apart even when one letter: read as a unit after a number (3×10^8 m/s → …米每秒, 1.5e8 m →
    …米), spelled after a letter (x^2 m → 艾克斯的平方艾姆)."""
    unit = match["u"]
    if unit is None:
        return []
    unit = unit.strip()
    return [group(match, "u", UNITS[unit] if numeric else spell(unit))]


def _power(match: re.Match[str]) -> list[Piece]:
    """``2^10`` → 二的十次方, ``x^2`` and ``x²`` → 艾克斯的平方, ``10^-3`` and ``10⁻³`` → 十的负三次方,
    ``10^8m/s`` → 十的八次方米每秒."""
    base = match["base"]
    numeric = base[0].isdigit()
    spoken_base = read_signed(base, liang=False) if numeric else spell(base)
    exponent_group = "exp" if match["exp"] is not None else "sup"
    exponent = match[exponent_group].translate(_SUPERSCRIPTS).lstrip("+")
    spoken = (None if base == "10" else _POWER_WORDS.get(exponent)) or read_signed(exponent, liang=False) + "次方"  # 10³ 十的三次方
    return [
        group(match, "base", spoken_base),
        group(match, exponent_group, "的" + spoken),
        *_unit_after(match, numeric=numeric),
    ]


def _scientific(match: re.Match[str]) -> list[Piece]:
    """``1.5e-5`` → 一点五乘十的负五次方, ``1.5e8 m`` → 一点五乘十的八次方米."""
    return [group(match, "m", read_signed(match["m"], liang=False)),
            group(match, "e", "乘十的" + read_signed(match["x"].lstrip("+"), liang=False) + "次方"),
            *_unit_after(match, numeric=True)]


def _root(match: re.Match[str]) -> list[Piece]:
    """``√2`` → 根号二."""
    return [group(match, 0, "根号" + read_signed(match["n"], liang=False))]


def _magnitude_range(match: re.Match[str]) -> list[Piece]:
    """``1.5万-2万元`` → 一点五万到两万元: a range whose first end carries its own 万 / 亿 (both ends
    count, as a 万 / 亿 follows each)."""
    first, *rest = read_range(match, measure=True)
    return [first, group(match, "ma", match["ma"]), *rest]


def _unit_range(match: re.Match[str]) -> list[Piece]:
    """``-5°C~3°C`` → 零下五摄氏度到三摄氏度, ``10kg~20kg`` → 十千克到二十千克: a range whose
    ends each carry a unit keeps both units and the 到 between them."""
    return [
        *measured_pieces(match, "a", "ua"),
        group(match, "sep", "到"),
        *measured_pieces(match, "b", "ub"),
    ]


def _versus(match: re.Match[str]) -> list[Piece]:
    """5V5 → 五V五 (the letter spelled): two sides facing each other, not volts."""
    return [
        group(match, "a", read_int(match["a"], liang=False)),
        group(match, "v", spell(match["v"])),
        group(match, "b", read_int(match["b"], liang=False)),
    ]


# A V between two small numbers is "versus" (5V5, 3v3, 1v1 in games and matches), no unit of
# voltage — V is the one unit letter also written for versus; 12V5A and 220V50Hz stay units.
VERSUS = rule(
    "versus",
    r"(?<![0-9.A-Za-z])(?P<a>[0-9]{1,2})(?P<v>[vV])(?P<b>[0-9]{1,2})(?![0-9A-Za-z.])",
    _versus,
    START_DIGITS,
)
# A letter raised to a power (x², a^2); after an amount with 万 / 亿 the letter is a unit (1.2亿m³).
_LETTER_BASE = r"(?<![0-9][万亿])(?<![0-9]万亿)[A-Za-z]"
POWER = rule(
    "power",
    rf"(?<![0-9A-Za-z.])(?P<base>{NUMBER}|{_LETTER_BASE})"
    rf"(?:\^(?P<exp>-?[0-9]+)(?![0-9])|(?P<sup>[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+))(?P<u>{UNIT_AFTER_POWER})?",
    _power,
    START_DIGITS + START_LETTERS,
)
SCIENTIFIC = rule(
    "scientific",
    rf"(?<![0-9A-Za-z.])(?P<m>{NUMBER})(?P<e>[eE](?P<x>[-+]?[0-9]+))(?![0-9])"
    rf"(?:(?P<u>{UNIT_AFTER_POWER})|(?![A-Za-z]))",
    _scientific,
    START_DIGITS,
)
ROOT = rule("root", rf"√(?P<n>{NUMBER})", _root, "√")
MAGNITUDE_RANGE = rule(
    "magnitude_range",
    rf"(?<![0-9.])(?P<a>{NUMBER})(?P<ma>[万亿])(?P<sep>{RANGE_SEP})(?P<b>{NUMBER})(?=[万亿])",
    _magnitude_range,
    START_DIGITS,
)
EQUATION = rule(
    "equation",
    rf"{SIGNED}(?:\s?[-+*/×÷]\s?{SIGNED})+\s?=\s?{SIGNED}(?![0-9])",
    _equation,
    START_DIGITS + START_SIGNS,
)
FRACTION = rule(
    "fraction",
    rf"(?<![0-9/.])(?P<a>{SIGNED})(?P<c>/)(?P<b>{NUMBER})(?P<bm>(?<=[^0-9.]1)[万亿]|(?<=[^0-9.]10)[万亿]|(?<=[^0-9.]100)[万亿]|(?<=[^0-9.]1000)[万亿])?(?![0-9/])"
    rf"(?P<pu>\s?(?:{_PRESSURE_UNITS})(?![A-Za-z]))?",
    _fraction,
    START_DIGITS + START_SIGNS,
)
RATIO = rule(
    "ratio",
    rf"(?<![0-9.])(?P<a>{NUMBER})(?P<c>[:：])(?P<b>{NUMBER})(?P<r>(?:[:：]{NUMBER})*)(?![0-9])",
    _ratio,
    START_DIGITS,
)
# _UNIT_AHEAD fails, in one cheap scan, a number that no unit follows (most numbers) before the
# long alternation of units is tried.
_UNIT_AHEAD = r"(?=[-+]?[0-9][0-9.,]*\s?[°度A-Za-zμ])"
UNIT_RANGE = rule(
    "unit_range",
    rf"{_UNIT_AHEAD}(?P<a>{SIGNED})(?P<ua>{ANY_UNIT})(?P<sep>{RANGE_SEP})"
    rf"(?P<b>{SIGNED})(?P<ub>{ANY_UNIT})",
    _unit_range,
    START_DIGITS + START_SIGNS,
)
QUANTITY = rule(
    "quantity",
    rf"(?P<a>{SIGNED})(?P<pa>\s?[%‰])?(?:(?P<sep>{RANGE_SEP})(?P<b>{SIGNED}))?"
    rf"(?:(?P<pct>\s?[%‰])|(?P<deg>{TEMPERATURE_UNIT})|(?P<u>{UNIT}))?",
    _quantity,
    START_DIGITS + START_SIGNS,
)

# A compound unit a space after a power of ten that a formula read (c=3.0×10^8 m/s → …十的八次方米每秒): only units
# of two or more characters, so that a lone letter after a number (iPhone 15 Pro, 第2 h) is not taken for one.
_SPACED_UNITS = sorted((u for u in UNITS if len(u) >= 2 and any(c in u for c in "/·²³")), key=len, reverse=True)
# … and a unit symbol of one letter a space after a number when a Han character follows it (5.85 g氯化钠, 1 L容量瓶,
# 10 N的力): 克, 升, 牛 — not A (3 A股) nor a capital model letter.
_SPACED_LETTER_UNITS = {"g": "克", "L": "升", "m": "米", "s": "秒", "h": "小时", "t": "吨", "N": "牛", "V": "伏", "W": "瓦", "J": "焦"}
SPACED_UNIT = rule(
    "spaced_unit",
    rf"(?<=[0-9²³⁰¹⁴-⁹]) (?:(?P<u>{'|'.join(re.escape(u) for u in _SPACED_UNITS)})(?![A-Za-z0-9])"
    rf"|(?P<l>[{''.join(_SPACED_LETTER_UNITS)}])(?=[\u4e00-\u9fff]))",
    lambda m: [group(m, 0, UNITS[m["u"]] if m["u"] else _SPACED_LETTER_UNITS[m["l"]])],
    " ",
)

# An age in days written d, as concrete and cultures are timed (28d抗压强度, 养护7d后, 3d内): 天 — only
# before the words that follow such an age, so 3D打印, 2d、3d动画, 3d后期 and a bar's diameter (35d，) are left alone.
DAYS = rule(
    "days",
    r"(?<![0-9A-Za-z.])(?P<n>[0-9]{1,3})d(?=龄期|强度|抗压|抗折|养护|后(?!期)|内|以内|以后|之内|左右|拆线|拆模)",
    lambda m: [group(m, 0, read_signed(m["n"], measure=True) + "天")],
    START_DIGITS,
)

# Amperes, written A like the letter: an A after a number is 安 where electricity is spoken of
# (电流就是0.2A, 请使用10A的插座, 5V/2A充电, 5V2A), else the letter as before (5A景区, 4A以上景区, 3A股 三诶).
_ELECTRIC_BEFORE = re.compile("(?:电流|额定|插座|充电器|适配器|输出(?!画面)|输入(?!法)|保险丝|空开|断路器)[^，。；！？]{0,4}$"
                              "|[0-9]V ?[/⎓，,、]? ?$")
_ELECTRIC_AFTER = re.compile("(?:以上|以下|以内)?的?(?:插座|电流|保险丝|空开|电源线|断路器)|快充|充电|大电流")


def _ampere(match: re.Match[str]) -> list[Piece]:
    number = match["n"]
    if _ELECTRIC_BEFORE.search(context_before(match, 12)) or _ELECTRIC_AFTER.match(match.string, match.end()):
        return [group(match, 0, read_signed(number, measure=True) + "安")]
    return [group(match, 0, read_decimal(number, liang=False) + "诶")]


AMPERE = rule(
    "ampere",
    r"(?<![0-9.A-Za-z])(?P<n>[0-9]{1,3}(?:\.[0-9]{1,2})?)A(?![A-Za-z0-9])",
    _ampere,
    START_DIGITS,
)

# Alcohol by volume on a label, said in degrees: 52%vol → 五十二度.
ALCOHOL = rule(
    "alcohol",
    r"(?<![0-9.])(?P<n>[0-9]{1,2}(?:\.[0-9])?) ?% ?(?:vol|VOL|Vol)(?![A-Za-z])",
    lambda m: [group(m, 0, read_decimal(m["n"]) + "度")],
    START_DIGITS,
)

RULES: tuple[Rule, ...] = (
    DAYS, AMPERE, ALCOHOL, VERSUS, POWER, SCIENTIFIC, ROOT, MAGNITUDE_RANGE, EQUATION, FRACTION, RATIO, UNIT_RANGE,
    QUANTITY, SPACED_UNIT,
)
