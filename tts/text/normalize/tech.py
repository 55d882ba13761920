"""Numbers and names in computing and gadget text that other rules would misread.

A product or program named by a word and a number (``RTX 4090`` 四零九零, ``Office 2021`` 二零二一,
``iPhone 5s`` 五s — no seconds), a name with dots in it (``Node.js`` Node点js, ``M.2 2280`` M点二二二八零), a host
and its port (``localhost:3000`` …冒号三零零零), a processor (``i9-14900K`` i九一四九零零K), ``C++`` (C加加),
``Wi-Fi``, the Wi-Fi standards
(``802.11ax`` 八零二点一一ax), two bands at once (``2.4G/5G`` 二点四G和五G), counts of ten thousand
written ``w`` (``10w+`` 十万加, ``120w粉丝``; ``100w的灯泡`` is watts), the length of a clip
(``时长3:24`` 三分二十四秒), a shutter speed (``1/8000s`` 八千分之一秒), a model year (``23款的`` 二三款)
and a count of generations (``领先2代`` 两代, ``AirPods 2代`` 二代). Written for this project.
"""

from __future__ import annotations

import re

from tts.text.normalize.latin import read_address, spell
from tts.text.normalize.money_units import UNIT
from tts.text.normalize.numbers import read_decimal, read_digits, read_fraction, read_int
from tts.text.normalize.rules import (
    START_DIGITS,
    START_LETTERS,
    Piece,
    Rule,
    context_after,
    context_before,
    group,
    rule,
)
from tts.text.normalize.sports import read_time_length

# Words read as counts before a number, not as names or codes (TOP 100 → TOP一百), and measures
# whose number is an amount (QPS 2500, DAU 3500, Elo 2750, AQI 120).
_COUNTING_WORDS = frozenset(["top", "no", "level", "lv", "vol", "chapter", "day", "part", "round", "qps", "tps",
                             "dau", "mau", "pv", "uv", "gmv", "elo", "aqi", "bmi", "iq", "eq", "kpi", "hp", "mp",
                             "fps", "rpm", "dpi", "ppi", "mmr", "rank", "score", "size", "usd", "rmb", "cny", "eur",
                             "hkd", "jpy", "gbp", "gre", "toefl", "ielts", "gmat", "sat", "act", "eth", "btc", "spx",
                             "geekbench", "antutu"])
# What after ``word number`` makes the number count something (MacBook Air 7999起, Pro 5999元, GitHub 2300星).
_COUNTED_AFTER = re.compile(r"\s?(?:[元块起万亿多余人个次台部年月日号岁件款星票%‰]|点(?![不评赞亮开击])|分(?!期|辨)|美元|英镑|欧元|"
                            r"小时|分钟|秒|左右)")


def _model(match: re.Match[str]) -> list[Piece]:
    """A word and its number: three or four digits digit by digit unless round hundreds (RTX 4090 四零九零,
    GTX 970 九七零, Office 365, Boeing 747, Windows 2000 两千), fewer as a number (iPhone 15 十五); a measure
    before or a count after makes it an amount (AQI 120, QPS 2500, GitHub 2300星)."""
    word, number, suffix = match["w"], match["n"], match["suf"]
    if word.lower() in _COUNTING_WORDS or len(number) < 3 or number.endswith("00") \
            or _COUNTED_AFTER.match(match.string, match.end()):
        spoken = read_int(number)
    else:
        spoken = read_digits(number)
    pieces = [group(match, "w", spell(word)), group(match, "sp", ""), group(match, "n", spoken)]
    if suffix:
        pieces.append(group(match, "suf", spell(suffix)))
    return pieces


MODEL = rule(
    "model",
    r"(?<![A-Za-z0-9.@_/-])(?P<w>[A-Za-z]{2,})(?P<sp> )(?P<n>[0-9]{1,4})"
    r"(?P<suf>(?!(?:ms|s|h|min|mm|cm|km|kg|mg|ml|mAh|Hz|GB|MB|TB|KB|G|M|T|K|P|p|W|w|V|nm|fps)(?![A-Za-z]))"
    r"[A-Za-z]{1,3}|(?<=[^0-9][0-9])s)?"
    rf"(?![A-Za-z0-9.:/%+\-]|{UNIT})",
    _model,
    START_LETTERS,
)


def _dotted(match: re.Match[str]) -> list[Piece]:
    """Each part of the name, 点 between (Node.js → Node点js, ASP.NET → ASP点NET; Lv.60 and No.1 are
    abbreviations before a number, read elsewhere); after capital initials or a shortened word the dots
    are silent (U.S, J.K.Rowling, Dr.Wang; a.out and index.d.ts keep them)."""
    parts = match.group().split(".")
    abbreviation = all(len(p) == 1 and p.isalpha() for p in parts) or any(
        (len(p) == 1 and p.isupper()) or (p[:1].isupper() and p.lower() in _ABBREVIATIONS) for p in parts[:-1])
    pieces: list[Piece] = []
    at = match.start()
    for i, part in enumerate(parts):
        if i:
            pieces.append(("" if abbreviation else "点", at, at + 1))
            at += 1
        spoken = "".join(spell(t) if t[0].isalpha() else read_int(t, liang=False) if len(t) < 3 else read_digits(t)
                         for t in re.findall(r"[A-Za-z]+|[0-9]+", part))
        pieces.append((spoken, at, at + len(part)))
        at += len(part)
    return pieces


# Shortened words before a dot that stands for no 点 (Mr.Bean, Dr.Wang, Ph.D, St.Louis, J.K.Rowling).
_ABBREVIATIONS = frozenset(["mr", "mrs", "ms", "dr", "st", "ph", "jr", "sr", "prof", "mt", "vs", "etc", "inc", "ltd",
                            "co", "corp", "dept", "fig", "vol", "ep", "no"])
DOTTED_NAME = rule(
    "dotted_name",
    r"(?<![A-Za-z0-9.@_/\\-])(?:[A-Za-z]+\.[A-Za-z][A-Za-z0-9]*|[A-Za-z]+[0-9]+\.[A-Za-z]+)(?:\.[A-Za-z0-9]+)*"
    r"(?![A-Za-z0-9@_]|\.[A-Za-z0-9])",
    _dotted,
    START_LETTERS,
)

HOST_PORT = rule(
    "host_port",
    r"(?<![A-Za-z0-9.@])(?:(?P<host>localhost|(?:[0-9]{1,3}\.){3}[0-9]{1,3})(?P<c>[:：])"
    r"|(?P<host2>(?=[A-Za-z0-9.-]*[A-Za-z])[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)(?P<c2>:))"
    r"(?P<p>[0-9]{2,5})(?![0-9]|\s?(?:小时|分钟|秒|天|年|月|日|号|点|个|次|人|元|块))",
    lambda m: ([group(m, "host", read_address(m["host"])), group(m, "c", "冒号")] if m["host"]
               else [group(m, "host2", read_address(m["host2"])), group(m, "c2", "冒号")])
    + [group(m, "p", read_digits(m["p"], yao=True))],
    START_LETTERS + START_DIGITS,
)
# A number of three digits or more before 端口 is the port's, said digit by digit (8080端口; 48端口交换机
# counts ports).
PORT = rule(
    "port",
    r"(?<![0-9.])(?P<n>[0-9]{3,5})(?=\s?端口)",
    lambda m: [group(m, "n", read_digits(m["n"], yao=True))],
    START_DIGITS,
)
# The M.2 slot for drives and a drive's size after it (M.2 2280 → M点二二二八零).
M2_SLOT = rule(
    "m2_slot",
    r"(?<![A-Za-z0-9])M\.2(?:(?P<sp>\s?)(?P<n>2[0-9]{3}))?(?![0-9.])",
    lambda m: [(spell("M") + "点二", m.start(), m.start() + 3)]
    + ([group(m, "sp", ""), group(m, "n", read_digits(m["n"]))] if m["n"] else []),
    "M",
)
# A processor by its family and number (i9-14900K, R7-7840HS): the dash silent, the number digit by digit.
CPU_MODEL = rule(
    "cpu_model",
    r"(?<![A-Za-z0-9])(?P<a>[A-Za-z]{1,2}[0-9]{1,2})(?P<d>-)(?P<b>[0-9]{4,5})(?P<s>[A-Z]{1,2})?(?![A-Za-z0-9])",
    lambda m: [group(m, "a", "".join(spell(t) if t.isalpha() else read_int(t, liang=False)
                                     for t in re.findall("[A-Za-z]+|[0-9]+", m["a"]))),
               group(m, "d", ""), group(m, "b", read_digits(m["b"]))]
    + ([group(m, "s", spell(m["s"]))] if m["s"] else []),
    START_LETTERS,
)
# The abbreviated word before a number, its dot silent (Lv.60 → Lv六十, Vol.3, Ep.12, Fig.2).
ABBREVIATION = rule(
    "abbreviation",
    r"(?<![A-Za-z])(?P<w>[Ll][Vv]|[Ll]vl|Vol|vol|Ep|ep|EP|Fig|fig)(?P<d>\.)(?=\s?[0-9])",
    lambda m: [group(m, "w", spell(m["w"])), group(m, "d", "")],
    "LlVvEeFf",
)
CPP = rule("cpp", r"(?<![A-Za-z])[Cc]\+\+", lambda m: [group(m, 0, spell("C") + "加加")], "Cc")
WIFI = rule("wifi", r"(?<![A-Za-z])[Ww][Ii]-?[Ff][Ii](?![A-Za-z])", lambda m: [group(m, 0, spell("wifi"))], "Ww")
WIFI_STANDARD = rule(
    "wifi_standard",
    r"(?<![0-9.])(?P<n>802\.11)(?P<l>[a-z]{0,2})(?![A-Za-z0-9])",
    lambda m: [group(m, "n", "八零二点一一"), group(m, "l", spell(m["l"]) if m["l"] else "")],
    "8",
)
DUAL_BAND = rule(
    "dual_band",
    r"(?<![0-9.])(?P<a>[0-9]+(?:\.[0-9]+)?)(?P<u>G)(?P<s>/)(?P<b>[0-9]+(?:\.[0-9]+)?)(?P<v>G)(?![A-Za-z])",
    lambda m: [group(m, "a", read_decimal(m["a"], liang=False)), group(m, "u", spell("G")), group(m, "s", "和"),
               group(m, "b", read_decimal(m["b"], liang=False)), group(m, "v", spell("G"))],
    START_DIGITS,
)

# Words near a number with w that make it watts (功率100w, 吹风机1800w, 支持120w), unless a count or a
# price follows it (3w字, 3w多); elsewhere w is ten thousand (120w粉丝, 1.2w).
_POWER_CONTEXT = re.compile("功率|瓦|灯|充电器|快充|闪充|氮化镓|电源|功耗|电机|马达|额定|吹风机|电饭煲|电磁炉|微波炉|"
                            "电暖|空调|冰箱|洗衣机|烤箱|热水器|风扇|吸尘器|电器|插座|支持")
_COUNT_AFTER = re.compile("[字人元块多粉次条个赞台名位件单辆套]|游客|左右")
# What right after a number with W makes it watts whatever came before (买了个65W充电器, 超过100W的充电宝).
_POWER_AFTER = re.compile("的?小?(?:充电器|充电宝|快充|闪充|电源|灯泡|台灯|灯|功率|电机|马达|氮化镓|适配器|插头)")
# Words before a number with w or W that make it ten thousands (粉丝突破10W, 首付30W, 销量突破100w).
_COUNT_CONTEXT = re.compile("粉丝|粉|阅读|播放|点赞|浏览|销量|下载|观看|关注|评论|转发|收藏|订阅|月薪|年薪|工资|存款|"
                            "收入|身价|人气|热度|流量|曝光|预约|月入|年入|首付|存了|预算|彩礼|卖了|售价|赚|花了|估值|"
                            "市值|营收|欠|借|贷款|房贷|突破|超过|吸引|支持者|卖出|买了|价格|报价|要价|花费|成本")


def _wan(match: re.Match[str]) -> list[Piece]:
    number, plus, letter = match["n"], match["p"], match["w"]
    before = context_before(match, 8)
    powered = _POWER_AFTER.match(context_after(match, 5)) is not None or "功率" in before
    counted = _COUNT_CONTEXT.search(before) is not None or _COUNT_AFTER.match(context_after(match, 2)) is not None
    watts = powered or (not counted and (letter == "W" or _POWER_CONTEXT.search(before + context_after(match, 6)) is not None))
    if not plus and watts:
        return [group(match, "n", "两" if number == "2" else read_decimal(number)), group(match, "w", "瓦")]
    spoken = "两" if number == "2" else read_decimal(number)
    pieces = [group(match, "n", spoken), group(match, "w", "万")]
    if plus:
        pieces.append(group(match, "p", "加"))
    return pieces


# A count of ten thousands written w or W (10w+, 120w粉丝, 粉丝突破10W), or watts (65W快充, 吹风机1800w).
WAN = rule(
    "wan",
    r"(?<![0-9.A-Za-z])(?P<n>[0-9]{1,4}(?:\.[0-9]{1,2})?)(?P<w>[wW])(?P<p>\+)?(?![A-Za-z0-9])",
    _wan,
    START_DIGITS,
)


# What makes H:MM hours and minutes after those words: a film, a marathon, a long race.
_HOURS_CONTEXT = re.compile("片长|电影|影片|马拉松|半马|全马|越野|铁人|骑行|徒步")
# …but not a pace (配速4:45, per kilometre) or what is left of a game (第4节还剩2:15).
_MINUTES_CONTEXT = re.compile("配速|还剩|只剩|剩余|(?<![0-9.])[1-9]公里(?:用时|跑出|配速|成绩)|预告|主题曲|歌|曲|片段|花絮")


def _clip_length(match: re.Match[str]) -> list[Piece]:
    first, second = match["m"], match["s"]
    before = context_before(match, 12)
    hours = _HOURS_CONTEXT.search(before) is not None and _MINUTES_CONTEXT.search(before) is None \
        and int(first) <= 6
    big, small = ("小时", "分") if hours else ("分", "秒")
    spoken = read_time_length(first, second, big, small) or "零" + small  # 还剩0:00
    spoken_first = read_time_length(first, "0", big, small)
    return [group(match, "m", spoken_first), group(match, "c", ""), group(match, "s", spoken[len(spoken_first):])]


# M:SS after the words of a clip's or a race's length (时长3:24, 成绩3:45): minutes and seconds; hours and
# minutes for a film or a marathon (片长2:15, 全马成绩3:45).
CLIP_LENGTH = rule(
    "clip_length",
    r"(?:(?<=时长)|(?<=用时)|(?<=耗时)|(?<=成绩)|(?<=片长)|(?<=时长为)|(?<=时长：)|(?<=时长:)|(?<=还剩)|(?<=只剩)|(?<=剩余)"
    r"|(?<=配速)|(?<=跑出)|(?<=游出)|(?<=全马)|(?<=半马))"
    r"(?P<m>[0-9]{1,2})(?P<c>[:：])(?P<s>[0-5][0-9])(?![0-9:：]|\.[0-9]|\s?(?:鸣枪|起跑|开跑|出发|开始|开赛|准时|开枪|那|这))",
    _clip_length,
    START_DIGITS,
)

# A shutter speed: a fraction of a second (1/8000s 八千分之一秒).
SHUTTER = rule(
    "shutter",
    r"(?<![0-9./])(?P<a>1)/(?P<b>[0-9]{1,5})(?P<s>s)(?![A-Za-z0-9])",
    lambda m: [group(m, 0, read_fraction(m["a"], m["b"]) + "秒")],
    START_DIGITS,
)
# A model year at the end after 是 (这台是23款的), after a car counted (一辆23款的车) or before a car's name
# (23款Model Y, 23款的凯美瑞, 24款理想L7, 22款汉EV): 二三款; 23款新车亮相, 一共是23款, 26款SUV, 15款App, 共有23款奥迪
# 车型, 20款理想的手机 count them.
_CAR_NAMES = ("Model|理想(?=[A-Z])|宝马|奔驰|奥迪|大众(?!点评|喜爱)|丰田|本田|特斯拉|比亚迪|凯美瑞|卡罗拉|思域|雅阁|朗逸|途观|"
              "小鹏|蔚来|问界|极氪|领克|哈弗|汉(?=EV|DM)|小米(?=SU)")
# What counts the 款 before a car's name (共有23款奥迪车型, 这20款奥迪都打折了).
_MODELS_COUNTED = re.compile("(?:共|共有|这|那|超过|展出了|推出了|涉及|整理了|筛选出|近|多达|约)$")


def _model_year(match: re.Match[str]) -> list[Piece]:
    if match["n"]:
        return [group(match, "n", read_digits(match["n"]))]
    if match["c"]:
        return [group(match, "c", read_digits(match["c"]))]
    counted = _MODELS_COUNTED.search(context_before(match, 3)) is not None
    return [group(match, "k", read_int(match["k"], liang=False) if counted else read_digits(match["k"]))]


MODEL_YEAR = rule(
    "model_year",
    r"(?:(?<=是)(?P<n>1[89]|2[0-9])(?=款的(?:$|[，。！？；]))|(?<=[一这那][辆台部])(?P<c>1[89]|2[0-9])(?=款)"
    rf"|(?<![0-9.])(?P<k>1[89]|2[0-9])(?=款的?(?:{_CAR_NAMES})(?!车型|新车|汽车|车|的|都|打折|降价)))",
    _model_year,
    START_DIGITS,
)
# After the words of passing down or a lead, 2代 counts generations (传了2代, 经过2代人, 祖孙2代, 领先对手2代
# 两代); elsewhere it names one (AirPods 2代, 小米手环2代, 2代身份证, 富2代 二代).
_GENERATIONS_COUNTED = re.compile("(?:传了|传到|传承|流传|相传|经过了?|历经|祖孙|父子|母女|父女|母子|"
                                  "(?:领先|落后)(?:竞争)?(?:对手|竞品|同行)?|相差|差了|隔了|超前|延续|繁衍|连续)(?:整整|足足)?$")


def _generations(match: re.Match[str]) -> list[Piece]:
    counted = _GENERATIONS_COUNTED.search(context_before(match, 8)) is not None or context_before(match, 1) in ("这", "那") \
        or (context_before(match, 2) == "一家" and context_after(match, 2) in ("代人", "代都", "代同", "代均"))
    # 一家2代人, 一家2代都是医生 (一家2代店: one shop)
    return [group(match, "n", "两" if counted else "二")]


GENERATIONS = rule("generations", r"(?<![0-9.第])(?P<n>2)(?=代(?![码表理言替价购]))", _generations, "2")

# A model number after 型号 (型号BCD-520W, 型号：KFR-35GW): letters spelled, digits one by one, a hyphen 杠 —
# not a power of 520 watts.
_MODEL_TOKEN = re.compile(r"[A-Za-z]+|[0-9]+|[-/]")


def _model_number(match: re.Match[str]) -> list[Piece]:
    pieces: list[Piece] = []
    start = match.start("code")
    for token in _MODEL_TOKEN.finditer(match["code"]):
        text = token.group()
        reading = spell(text) if text[0].isalpha() else read_digits(text) if text[0].isdigit() \
            else "杠" if text == "-" else "斜杠"
        pieces.append((reading, start + token.start(), start + token.end()))
    return pieces


MODEL_NUMBER = rule(
    "model_number",
    r"(?:(?<=型号)|(?<=型号：)|(?<=型号:)|(?<=型号为)|(?<=型号是))"
    r"(?P<code>[A-Z]+-?[0-9][A-Z0-9]*(?:[-/][A-Z0-9]+)*)(?![A-Za-z0-9])",
    _model_number,
    START_LETTERS,
)

RULES: tuple[Rule, ...] = (
    MODEL_NUMBER,
    HOST_PORT, WIFI_STANDARD, M2_SLOT, CPU_MODEL, ABBREVIATION, CPP, WIFI, DUAL_BAND, CLIP_LENGTH, SHUTTER,
    MODEL_YEAR, PORT, WAN, GENERATIONS,
)
