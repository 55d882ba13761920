"""Numbers in product specifications, game talk and homework that other rules would misread.

``5V/2A`` is a voltage and a current (五伏两安, no "per"; ``220V/50Hz`` 二百二十伏五十赫兹), ``IP68`` a protection rating said digit by
digit (艾批六八), ``P23-25`` a range of pages (批二十三到二十五), ``2k`` a count of thousands said with its letter
(经济差2k → 两k where money or a game's economy is spoken of, 收藏5.6k, 4K电视 as written), and a KDA
of ``12/1/8`` three counts (十二杠一杠八). Written for this project.
"""

from __future__ import annotations

import re

from tts.text.normalize.latin import spell
from tts.text.normalize.numbers import NUMBER, read_decimal, read_digits, read_fraction, read_int
from tts.text.normalize.rules import START_DIGITS, Piece, Rule, context_before, group, rule


def _volt_amp(match: re.Match[str]) -> list[Piece]:
    def amount(number: str) -> str:
        return "两" if number == "2" else read_decimal(number, liang=False)

    return [group(match, "v", amount(match["v"]) + "伏"), group(match, "s", ""),
            group(match, "a", amount(match["a"]) + ("安" if match["u"] == "A" else "赫兹"))]


VOLT_AMP = rule(
    "volt_amp",
    rf"(?<![0-9.])(?P<v>{NUMBER})V(?P<s>/)(?P<a>{NUMBER})(?P<u>A|Hz)(?![A-Za-z])",
    lambda m: _volt_amp(m),
    START_DIGITS,
)

# A garment size, height over chest or waist and a body type (175/92A): 一百七十五斜杠九十二A, no fraction.
CLOTHING_SIZE = rule(
    "clothing_size",
    r"(?<![0-9./])(?P<h>1[4-9][0-9])(?P<s>/)(?P<c>[4-9][0-9]|1[0-2][0-9])(?P<t>[ABCY])(?![A-Za-z0-9])",
    lambda m: [group(m, "h", read_int(m["h"])), group(m, "s", "斜杠"), group(m, "c", read_int(m["c"])),
               group(m, "t", spell(m["t"]))],
    START_DIGITS,
)

# Ticket tiers after a currency sign (¥380/480/680): each an amount in 元, listed.
def _price_tiers(match: re.Match[str]) -> list[Piece]:
    pieces: list[Piece] = [group(match, "c", "")]
    start = match.start("t")
    for k, part in enumerate(match["t"].split("/")):
        if k:
            pieces.append(("、", start - 1, start))
        pieces.append((read_int(part) + "元", start, start + len(part)))
        start += len(part) + 1
    return pieces


PRICE_TIERS = rule(
    "price_tiers",
    r"(?P<c>[¥￥])(?P<t>[0-9]+(?:/[0-9]+)+)(?![0-9./])",
    _price_tiers,
    "¥￥",
)
# A screen's shape (9:16竖屏, 16:9横屏): a ratio, 比, not a clock time.
ASPECT_RATIO = rule(
    "aspect_ratio",
    r"(?<![0-9:：])(?P<a>[0-9]{1,2})(?P<s>[:：])(?P<b>[0-9]{1,2})(?![0-9:：])(?=竖屏|横屏|画幅|宽屏|比例)",
    lambda m: [group(m, "a", read_int(m["a"], liang=False)), group(m, "s", "比"), group(m, "b", read_int(m["b"], liang=False))],
    START_DIGITS,
)

# A force in newtons (大小为10N的水平拉力, 合力是6N): 牛 where force is spoken of; elsewhere N is a letter.
_FORCE_WORDS = re.compile("拉力|压力|重力|摩擦力|合力|推力|支持力|弹力|浮力|阻力|牛顿|受力|力的大小|的力|弹簧|测力计|(?<![显表])示数|物体重|重为")


def _newtons(match: re.Match[str]) -> list[Piece]:
    force = _FORCE_WORDS.search(context_before(match, 16) + match.string[match.end():match.end() + 8]) is not None \
        or match.string.startswith(("/kg", "/m", "·m"), match.end()) or context_before(match, 2).endswith(("F=", "G=", "f="))
    return [group(match, "n", read_decimal(match["n"], liang=False)), group(match, "u", "牛" if force else spell("N"))]


NEWTONS = rule(
    "newtons",
    r"(?<![0-9.A-Za-z])(?P<n>[0-9]+(?:\.[0-9]+)?)(?P<u>N)(?![A-Za-z0-9·])",
    _newtons,
    START_DIGITS,
)

IP_RATING = rule(
    "ip_rating",
    r"(?<![A-Za-z])(?P<ip>IP)(?P<n>[0-9]{2})(?![0-9])",
    lambda m: [group(m, "ip", spell("IP")), group(m, "n", read_digits(m["n"]))],
    "I",
)

PAGE_RANGE = rule(
    "page_range",
    r"(?<![A-Za-z])(?P<p>[Pp])(?P<a>[0-9]{1,4})(?P<sep>\s?[-~—–]\s?)(?P<b>[0-9]{1,4})(?![0-9])",
    lambda m: [group(m, "p", spell(m["p"])), group(m, "a", read_int(m["a"], liang=False)),
               group(m, "sep", "到"), group(m, "b", read_int(m["b"], liang=False))],
    "Pp",
)

# Words near a number with k that make it thousands: money, pay, followers, game economy.
_THOUSANDS_CONTEXT = re.compile("经济|差|工资|月薪|年薪|薪|收入|粉丝|粉|播放|阅读|点赞|赞|评论|转发|金币|血量|伤害|奖金|预算")


def _thousands(match: re.Match[str]) -> list[Piece]:
    """The letter is said as written (五点六k, 四K电视); before it a 2 of money or a game's economy is 两."""
    number, k = match["n"], match["k"]
    text, start = match.string, match.start()
    counted = _THOUSANDS_CONTEXT.search(text, max(0, start - 10), start) is not None
    spoken = read_decimal(number) if "." in number else "两" if counted and number == "2" else read_int(number)
    return [group(match, "n", spoken), group(match, "k", spell(k))]


THOUSANDS = rule(
    "thousands",
    r"(?<![0-9.A-Za-z])(?P<n>[0-9]{1,3}(?:\.[0-9])?)(?P<k>[kK])(?![A-Za-z0-9])",
    _thousands,
    START_DIGITS,
)

KDA = rule(
    "kda",
    r"(?:(?<=KDA)|(?<=KDA[是为：: ]))(?P<a>[0-9]{1,2})/(?P<b>[0-9]{1,2})/(?P<c>[0-9]{1,2})(?![0-9/])",
    lambda m: [group(m, "a", read_int(m["a"], liang=False) + "杠"), group(m, "b", read_int(m["b"], liang=False) + "杠"),
               group(m, "c", read_int(m["c"], liang=False))],
    START_DIGITS,
)

# Two ratings of one unit, either of which holds (50/60Hz, 110/220V): 五十、六十赫兹.
DUAL_RATING = rule(
    "dual_rating",
    r"(?<![0-9./])(?P<a>[0-9]{1,4})(?P<s>/)(?P<b>[0-9]{1,4})(?P<u>Hz|kHz|V|W)(?![A-Za-z])",
    lambda m: [group(m, "a", read_int(m["a"], liang=False)), group(m, "s", "、"), group(m, "b", read_int(m["b"], liang=False)),
               group(m, "u", {"Hz": "赫兹", "kHz": "千赫兹", "V": "伏", "W": "瓦"}[m["u"]])],
    START_DIGITS,
)

# Dimensions given one after another (长宽高 4780/1875/1470毫米): each number, a pause between.
DIMENSIONS = rule(
    "dimensions",
    r"(?<![0-9./])(?P<a>[0-9]{2,5})/(?P<b>[0-9]{2,5})/(?P<c>[0-9]{2,5})(?=\s?(?:毫米|mm|厘米|cm|米|m)(?![A-Za-z]))",
    lambda m: [group(m, "a", read_int(m["a"]) + "、"), group(m, "b", read_int(m["b"]) + "、"), group(m, "c", read_int(m["c"]))],
    START_DIGITS,
)

# An address of building, unit and room joined by dashes (幸福小区5-2-301): 五杠二杠三零一.
ADDRESS_TRIPLE = rule(
    "address_triple",
    r"(?<=[\u4e00-\u9fff])(?P<a>[0-9]{1,3})-(?P<b>[0-9]{1,2})-(?P<c>[0-9]{3,4})(?![0-9-])",
    lambda m: [group(m, "a", read_int(m["a"], liang=False) + "杠"), group(m, "b", read_int(m["b"], liang=False) + "杠"),
               group(m, "c", read_digits(m["c"]))],
    START_DIGITS,
)

# A room after its unit, door or building (1单元1102, 2门401): digit by digit; a door or unit number
# after its building is a name, 二 not 两 (3号楼2门).
_ADDRESS_PART_BEFORE = "(?:(?<=单元)|(?<=号楼)|(?<=[门栋座]))"
ROOM_NUMBER = rule(
    "room_number",
    _ADDRESS_PART_BEFORE + r"(?P<n>[0-9]{3,4})(?![0-9.])(?!米|平|元|块|人|户|个|万|年)",
    lambda m: [group(m, "n", read_digits(m["n"]))],
    START_DIGITS,
)
# A flat number naming the speaker in a residents' group chat, digit by digit (302王阿姨：…,
# 501小刘：…, 1203陈哥：): at the start of a line or after a bracket or a stop, before a person and a colon.
SPEAKER_ROOM = rule(
    "speaker_room",
    r"(?:^|(?<=[\n】\]）)，。！？；【\[@]))(?P<n>[1-9][0-9]{2,3})"
    r"(?=(?:[小老](?![时学区组号])[\u4e00-\u9fff]|[\u4e00-\u9fff](?:阿姨|叔叔|叔|哥|姐|爷爷|奶奶|嫂子|嫂|妈妈|爸爸|老师|师傅|大爷|大妈|阿婆|伯伯|伯)"
    r"|业主|住户|宝妈)(?:[：:]|】[：:]))",
    lambda m: [group(m, "n", read_digits(m["n"]))],
    START_DIGITS,
)
ADDRESS_PART = rule(
    "address_part",
    r"(?:(?<=号楼)|(?<=栋))(?P<n>[0-9]{1,2})(?=门|单元)",
    lambda m: [group(m, "n", read_int(m["n"], liang=False))],
    START_DIGITS,
)

# A basement level (地下2层, 负2层) is a name, 二 not 两 — unless 地上 counts the storeys above it first
# (别墅地上3层，地下2层: 两层).
def _basement(match: re.Match[str]) -> list[Piece]:
    counted = "地上" in context_before(match, 12) and match.string[match.start() - 1] == "下"
    return [group(match, "n", read_int(match["n"], liang=not counted) if not counted or match["n"] != "2" else "两")]


BASEMENT = rule(
    "basement",
    r"(?:(?<=地下)|(?<=负))(?P<n>[0-9])(?=层|楼)",
    _basement,
    START_DIGITS,
)
# Floors out of a building's total (楼层：18/32层): 十八斜杠三十二层, no fraction.
FLOOR_OF_TOTAL = rule(
    "floor_of_total",
    r"(?<![0-9./])(?P<a>[0-9]{1,2})(?P<s>/)(?P<b>[0-9]{1,2})(?=层)",
    lambda m: [group(m, "a", read_int(m["a"], liang=False)), group(m, "s", "斜杠"), group(m, "b", read_int(m["b"], liang=False))]
    if int(m["b"]) >= 4 or "楼层" in context_before(m, 6) else [group(m, 0, read_fraction(m["a"], m["b"]))],
    START_DIGITS,
)
# A rate below a benchmark in basis points (LPR-20BP): 减.
BENCHMARK_MINUS = rule(
    "benchmark_minus",
    r"(?<=LPR)(?P<s>-)(?=[0-9]+\s?(?:BP|bp|个基点|基点))",
    lambda m: [group(m, "s", "减")],
    "-",
)
# A charge per area and month (2.8元/㎡·月): the dot between the units reads 每 (每平方米每月).
PER_AREA_MONTH = rule(
    "per_area_month",
    r"(?:(?<=㎡)|(?<=m²)|(?<=m2))(?P<d>·)(?=[月年天日])",
    lambda m: [group(m, "d", "每")],
    "·",
)

# A month and day with zero-padding before the words of delivery (预计12-06送达): a date.
DELIVERY_DATE = rule(
    "delivery_date",
    r"(?<![0-9-])(?P<mo>1[0-2]|0[1-9])-(?P<d>0[1-9]|[12][0-9]|3[01])(?![0-9-])(?=送达|到达|发货|签收|发出|前|之前|截止|起)",
    lambda m: [group(m, 0, read_int(m["mo"].lstrip("0"), liang=False) + "月" + read_int(m["d"].lstrip("0"), liang=False) + "日")],
    START_DIGITS,
)

RULES: tuple[Rule, ...] = (VOLT_AMP, DUAL_RATING, DIMENSIONS, IP_RATING, PAGE_RANGE, THOUSANDS, KDA, ADDRESS_TRIPLE,
                           ROOM_NUMBER, ADDRESS_PART, BASEMENT, DELIVERY_DATE)
