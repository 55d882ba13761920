"""Numbers of sport, fitness and school that other rules would misread.

Minutes and seconds written with primes (``3'45"`` 三分四十五秒, a pace ``5'30"/km`` 五分三十秒每公里, a
match minute ``第90+4'`` 九十加四分钟), a swimmer's time (``3:56.40`` 三分五十六秒四零), a pace of three
digits (``530配速`` 五三零), a relay (``4x400米`` 四乘四百米), weight classes (``-60kg级`` 六十公斤级,
``+78kg级`` 七十八公斤以上级), shooting (``3分球5/12`` 十二投五中, ``罚球7/8`` 八罚七中), the year of a
championship (``2022卡塔尔世界杯`` 二零二二), dives by their codes (``跳水107B`` 一零七B) and a formula's
minus before a word (``=220-年龄`` 减); at school a GPA out of its scale (``3.8/4.0`` 三点八斜杠四点零),
a textbook's volume (``选修3-1`` 三杠一), a year by two digits (``23级新生`` 二三) and the days of an event
(``6.7—6.8全国高考`` 六月七日到六月八日). Written for this project.
"""

from __future__ import annotations

import re

from tts.text.normalize.latin import spell
from tts.text.normalize.numbers import read_decimal, read_digits, read_int, read_percent
from tts.text.normalize.rules import START_DIGITS, Piece, Rule, context_after, context_before, group, rule


def read_time_length(first: str, second: str, big: str = "分", small: str = "秒") -> str:
    """A length of time in two parts, the zeros unsaid: 3, 45 → 三分四十五秒; 2, 05 → 两分零五秒; 0, 45 →
    四十五秒; 0, 02 → 两秒; 0, 00 → nothing; 6, 00 → 六分; with ``big``, ``small`` = 小时, 分 hours and minutes."""
    spoken = "" if int(first) == 0 else ("两" if int(first) == 2 else read_int(first.lstrip("0"), liang=False)) + big
    if int(second):
        rest = second.lstrip("0")
        spoken += ("零" if spoken and second[0] == "0" else "") + ("两" if rest == "2" and not spoken
                                                                  else read_int(rest, liang=False)) + small
    return spoken


def _primes(match: re.Match[str]) -> list[Piece]:
    """3'45" 三分四十五秒, 6'00" 六分; after 身高 or 个子, feet and inches (5'11" 五英尺十一英寸, 2'3" 两英尺三英寸;
    not 小个子选手3'45"完赛 — no height has 45 inches — nor 身高不高，但3'05"就能跑完)."""
    around = context_before(match, 8) + context_after(match, 8)
    if re.search("身高|身长|个子|个头|英尺", context_before(match, 8)) and int(match["m"]) <= 8 and int(match["s"]) <= 11 \
            and not re.search("跑|游|用时|成绩|配速|完赛|骑", around):
        feet = "两" if int(match["m"]) == 2 else read_int(match["m"])
        return [group(match, 0, feet + "英尺" + read_int(match["s"]) + "英寸")]
    return [group(match, 0, read_time_length(match["m"], match["s"]))]


# Minutes and seconds written with primes: 3'45" 三分四十五秒, 6'00" 六分.
PRIMES = rule(
    "primes",
    r"(?<![0-9.])(?P<m>[0-9]{1,2})['′](?P<s>[0-5]?[0-9])[\"″](?![0-9])",
    _primes,
    START_DIGITS,
)
# A pace per kilometre after it (5'30"/km): 每公里.
PER_KILOMETRE = rule(
    "per_kilometre",
    r"(?<=[\"″])/(?:km|公里)",
    lambda m: [group(m, 0, "每公里")],
    "/",
)
# A minute of a football match, perhaps with stoppage time: 第90+4' 九十加四分钟, 第35'.
MATCH_MINUTE = rule(
    "match_minute",
    r"(?<=第)(?P<a>[0-9]{1,3})(?:(?P<p>\+)(?P<b>[0-9]{1,2}))?(?P<q>['′])",
    lambda m: [group(m, "a", read_int(m["a"], liang=False))]
    + ([group(m, "p", "加"), group(m, "b", read_int(m["b"], liang=False))] if m["p"] else [])
    + [group(m, "q", "分钟")],
    START_DIGITS,
)
def _race_time(minutes: str, seconds: str, fraction: str) -> str:
    """3:56.40 三分五十六秒四零, 1:00.00 一分零秒零零, 0:58.12 五十八秒一二."""
    return read_time_length(minutes, seconds) + ("" if int(seconds) else "零秒") + read_digits(fraction)


# A swimmer's or a runner's time to the hundredth: 3:56.40 三分五十六秒四零.
RACE_TIME = rule(
    "race_time",
    r"(?<![0-9.:：])(?P<m>[0-9]{1,2})[:：](?P<s>[0-5][0-9])\.(?P<h>[0-9]{1,2})(?![0-9])",
    lambda m: [group(m, 0, _race_time(m["m"], m["s"], m["h"]))],
    START_DIGITS,
)
# A pace of three digits before 配速 is minutes and seconds said digit by digit (530配速 五三零).
PACE_DIGITS = rule(
    "pace_digits",
    r"(?<![0-9.])(?P<n>[0-9]{3})(?=配速)",
    lambda m: [group(m, "n", read_digits(m["n"]))],
    START_DIGITS,
)
# Times written x in a relay or a resolution: 4x400米 四乘四百米, 1920x1080 (× is read as such elsewhere).
TIMES_X = rule(
    "times_x",
    r"(?<![0-9.A-Za-z])(?P<a>[1-9][0-9]{0,3})(?P<x>[xX])(?P<b>[0-9]{1,4})(?![0-9A-Za-z^⁰¹²³⁴⁵⁶⁷⁸⁹])",
    lambda m: [group(m, "a", read_int(m["a"])), group(m, "x", "乘"), group(m, "b", read_int(m["b"]))],
    START_DIGITS,
)
# A weight class: -60kg级 六十公斤级, +78kg级 七十八公斤以上级.
WEIGHT_CLASS = rule(
    "weight_class",
    r"(?<![0-9A-Za-z])(?P<s>[+\-－])(?P<n>[0-9]{2,3})(?P<u>kg|KG|公斤)(?=级)",
    lambda m: [group(m, "s", ""), group(m, "n", read_int(m["n"])),
               group(m, "u", "公斤以上" if m["s"] == "+" else "公斤")],
    "+-－",
)
def _shots(match: re.Match[str]) -> list[Piece]:
    made, taken = match["a"], match["b"]
    verb = "罚" if context_before(match, 3).endswith("罚球") else "投"
    def count(n: str) -> str:
        return "两" if n == "2" else read_int(n)

    return [group(match, 0, count(taken) + verb + count(made) + "中")]


# Shots made of shots taken after the words of shooting (三分球, 3分球, 投篮, 罚球): 3分球5/12 十二投五中,
# 罚球7/8 八罚七中.
SHOTS = rule(
    "shots",
    r"(?:(?<=分球)|(?<=投篮)|(?<=罚球)|(?<=三分))"
    r"(?P<a>[0-9]{1,2})/(?P<b>[0-9]{1,2})(?![0-9])",
    _shots,
    START_DIGITS,
)
# The year of a championship or a games (2022卡塔尔世界杯, 2008北京奥运会): digit by digit.
EVENT_YEAR = rule(
    "event_year",
    r"(?<![0-9.])(?P<y>(?:19|20)[0-9]{2})(?![名元所个位人次块台件万亿多余张届场])"
    r"(?=[\u4e00-\u9fff]{0,6}(?:世界杯|奥运会|冬奥会|残奥会|亚运会|全运会|欧洲杯|亚洲杯|美洲杯|世锦赛|世博会|春晚)|赛季)",
    lambda m: [group(m, "y", read_digits(m["y"]))],
    START_DIGITS,
)
# A dive by its code after 跳水 or before 难度 (跳水107B 一零七B, 5255B难度系数).
DIVE_CODE = rule(
    "dive_code",
    r"(?:(?<=跳水)(?P<a>[0-9]{3,4})(?P<l>[A-D])|(?P<b>[0-9]{3,4})(?P<k>[A-D])(?=难度|动作))(?![A-Za-z0-9])",
    lambda m: [group(m, "a", read_digits(m["a"])), group(m, "l", spell(m["l"]))] if m["a"]
    else [group(m, "b", read_digits(m["b"])), group(m, "k", spell(m["k"]))],
    START_DIGITS,
)
# A number minus a word in a formula after = (最大心率=220-年龄): 减.
MINUS_WORD = rule(
    "minus_word",
    r"(?<==)(?P<n>[0-9]{1,4})(?P<m>-)(?=[\u4e00-\u9fff])",
    lambda m: [group(m, "n", read_int(m["n"])), group(m, "m", "减")],
    START_DIGITS,
)
# Two percentages set against each other (控球率62%:38%): 比.
PERCENT_RATIO = rule(
    "percent_ratio",
    r"(?<![0-9.])(?P<a>[0-9]{1,3}(?:\.[0-9])?)%(?P<c>[:：])(?P<b>[0-9]{1,3}(?:\.[0-9])?)%",
    lambda m: [group(m, "a", read_percent(m["a"])), group(m, "c", "比"), group(m, "b", read_percent(m["b"]))],
    START_DIGITS,
)

# Letters set against each other in a ratio (复合肥N:P:K为15:15:15): N比P比K.
LETTER_RATIO = rule(
    "letter_ratio",
    r"(?<![A-Za-z])[A-Z](?:[:：][A-Z]){1,3}(?![A-Za-z])",
    lambda m: [group(m, 0, "比".join(spell(c) for c in re.split("[:：]", m.group())))],
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
)

# School: a GPA out of its scale (GPA是3.8/4.0 三点八斜杠四点零), a textbook's volume (选修3-1 三杠一), a class
# or a graduating year by two digits (23级新生, 24届毕业生 二四).
GPA = rule(
    "gpa",
    r"(?:(?<=GPA)|(?<=GPA )|(?<=GPA是)|(?<=GPA为)|(?<=绩点)|(?<=绩点是)|(?<=绩点为))"
    r"(?P<a>[0-9](?:\.[0-9]{1,2})?)/(?P<b>[0-9](?:\.[0-9]{1,2})?)(?![0-9])",
    lambda m: [group(m, 0, read_decimal(m["a"]) + "斜杠" + read_decimal(m["b"]))],
    START_DIGITS,
)
TEXTBOOK_VOLUME = rule(
    "textbook_volume",
    r"(?:(?<=选修)|(?<=必修))(?P<a>[0-9])-(?P<b>[0-9])(?![0-9]|门|节|个|学分|次|科|课时|种|项|本|篇|部|名)",
    lambda m: [group(m, 0, read_int(m["a"], liang=False) + "杠" + read_int(m["b"], liang=False))],
    START_DIGITS,
)
# What counts 届 / 级 instead (培养了12届毕业生, 近10届, 已有15届学员) or grades a skill (钢琴10级学生).
_COHORTS_COUNTED = re.compile("(?:了|过|近|有|共|这|那|前|后|每|连续|多达|超过|历|钢琴|小提琴|提琴|古筝|二胡|琵琶|考级|舞蹈|书法|"
                              "围棋|象棋|跆拳道|英语|日语)$")


def _school_year(match: re.Match[str]) -> list[Piece]:
    before = context_before(match, 3)
    if match.string[match.end("y")] == "级":  # 24级新生 is a cohort even after 了 / 过 / 有; 钢琴10级 a grade
        counted = re.search("(?:钢琴|小提琴|提琴|古筝|二胡|琵琶|考级|舞蹈|书法|围棋|象棋|跆拳道|英语|日语)$", before) is not None
    else:
        counted = _COHORTS_COUNTED.search(before) is not None
    return [group(match, "y", read_int(match["y"], liang=False) if counted else read_digits(match["y"]))]


SCHOOL_YEAR = rule(
    "school_year",
    r"(?<![0-9.第])(?P<y>[0-9]{2})(?=[级届]的?[^，。！？；0-9]{0,6}?(?:新生|学生|本科|本科生|研究生|硕士|博士|毕业生|校友|同学|学员))",
    _school_year,
    START_DIGITS,
)
# Two days written M.D before the words of an event (6.7—6.8全国高考): 六月七日到六月八日.
_EVENT_WORDS = "全国高考|高考|中考|期间|放假|休假|举行|举办|召开|开展|展出|营业|暂停|停电|停水|报名|考试|比赛|开幕|闭幕"


def _day_range(match: re.Match[str]) -> list[Piece]:
    def day(m: str, d: str) -> str:
        return read_int(m, liang=False) + "月" + read_int(d, liang=False) + "日"

    return [group(match, 0, day(match["m1"], match["d1"]) + "到" + day(match["m2"], match["d2"]))]


DAY_RANGE = rule(
    "day_range",
    r"(?<![0-9.])(?<!版本)(?<![A-Za-z版])(?<![A-Za-z] )(?P<m1>1[0-2]|[1-9])\.(?P<d1>3[01]|[12][0-9]|[1-9])[—–~至-](?P<m2>1[0-2]|[1-9])\.(?P<d2>3[01]|[12][0-9]|[1-9])"
    rf"(?![0-9])(?={_EVENT_WORDS})",
    _day_range,
    START_DIGITS,
)

RULES: tuple[Rule, ...] = (GPA, TEXTBOOK_VOLUME, SCHOOL_YEAR, DAY_RANGE, LETTER_RATIO, PRIMES, PER_KILOMETRE, MATCH_MINUTE, RACE_TIME, PACE_DIGITS, TIMES_X, WEIGHT_CLASS, SHOTS,
                           EVENT_YEAR, DIVE_CODE, MINUS_WORD, PERCENT_RATIO)
