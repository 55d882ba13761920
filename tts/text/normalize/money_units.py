"""Money, temperatures and measurement units written after a number.

``¥12.5`` → 十二点五元, ``$3`` → 三美元, ``-3.5°C`` → 零下三点五摄氏度, ``5kg`` → 五千克,
``3-5km/h`` → 三到五公里每小时, ``5元/斤`` → 五元每斤, ``¥80/人`` → 八十元每人, ``960万km²`` →
九百六十万平方公里, ``每m²`` → 每平方米. Unit symbols are read only after a number (or its 万 / 亿),
a slash or 每.
"""

from __future__ import annotations

import re

from tts.text.normalize.latin import spell
from tts.text.normalize.numbers import NUMBER, RANGE_SEP, SIGNED, read_int, read_signed
from tts.text.normalize.rules import START_DIGITS, Piece, Rule, group, rule, verbatim

# Unit symbols (case-sensitive) and their reading.
UNITS: dict[str, str] = {
    # length, area, volume
    "km": "公里", "Km": "公里", "KM": "公里", "m": "米", "dm": "分米", "cm": "厘米", "CM": "厘米",
    "mm": "毫米", "μm": "微米", "um": "微米", "nm": "纳米", "ft": "英尺", "mi": "英里",
    "km²": "平方公里", "km2": "平方公里", "m²": "平方米", "m2": "平方米", "cm²": "平方厘米",
    "cm2": "平方厘米", "mm²": "平方毫米", "m³": "立方米", "m3": "立方米", "cm³": "立方厘米",
    "cm3": "立方厘米", "L": "升", "l": "升", "ml": "毫升", "mL": "毫升", "ML": "毫升",
    # mass
    "kg": "千克", "Kg": "千克", "KG": "千克", "g": "克", "mg": "毫克", "μg": "微克", "t": "吨",
    "lb": "磅", "lbs": "磅", "oz": "盎司",
    # time and speed
    "s": "秒", "ms": "毫秒", "min": "分钟", "mins": "分钟", "h": "小时", "hr": "小时",
    "mS/cm": "毫西门子每厘米", "μS/cm": "微西门子每厘米",
    "hrs": "小时", "km/h": "公里每小时", "kph": "公里每小时", "m/s": "米每秒", "m/s²": "米每二次方秒", "m/s2": "米每二次方秒",
    "mph": "英里每小时",
    # electricity, energy, pressure, sound, frequency
    "W": "瓦", "mW": "毫瓦", "kW": "千瓦", "KW": "千瓦", "MW": "兆瓦", "GW": "吉瓦", "kWh": "千瓦时",
    "kW·h": "千瓦时", "Wh": "瓦时", "KWh": "千瓦时", "MWh": "兆瓦时", "GWh": "吉瓦时", "TWh": "太瓦时", "V": "伏", "kV": "千伏", "mA": "毫安", "mAh": "毫安时", "Hz": "赫兹",
    "kHz": "千赫兹", "MHz": "兆赫兹", "GHz": "吉赫兹", "Pa": "帕", "kPa": "千帕", "MPa": "兆帕",
    "hPa": "百帕", "mmHg": "毫米汞柱", "J": "焦", "kJ": "千焦", "Ω": "欧", "kΩ": "千欧", "MΩ": "兆欧", "N/kg": "牛每千克",
    "N·m": "牛米", "cal": "卡", "kcal": "千卡", "dB": "分贝",
    "mol": "摩尔", "mmol": "毫摩尔", "eV": "电子伏", "keV": "千电子伏", "MeV": "兆电子伏", "μF": "微法", "uF": "微法",
    "nF": "纳法", "pF": "皮法", "mF": "毫法", "μA": "微安", "μs": "微秒", "ns": "纳秒", "r/min": "转每分钟", "rpm": "转每分钟",
    "atm": "个标准大气压", "mol⁻¹": "每摩尔", "mol·L⁻¹": "摩尔每升", "mmol·L⁻¹": "毫摩尔每升", "g·mol⁻¹": "克每摩尔",
    "g/mol": "克每摩尔", "kJ/mol": "千焦每摩尔", "kJ·mol⁻¹": "千焦每摩尔", "J/(kg·℃)": "焦每千克摄氏度",
    "J/(kg·°C)": "焦每千克摄氏度", "J/(kg·K)": "焦每千克开", "mol/(L·min)": "摩尔每升每分钟", "mol/(L·s)": "摩尔每升每秒",
    "mol·L⁻¹·min⁻¹": "摩尔每升每分钟", "J·s": "焦秒", "Ω·m": "欧米", "N·m²/kg²": "牛平方米每平方千克", "kg·m/s": "千克米每秒",
    "N/m": "牛每米", "V/m": "伏每米", "W/m²": "瓦每平方米",
    # medicine: international units, nanograms, femtolitres (U alone is read in context, see MEDICAL_U)
    "IU": "国际单位", "mIU": "毫国际单位", "ng": "纳克", "pg": "皮克", "fL": "飞升",
    # concentration
    "mol/L": "摩尔每升", "mmol/L": "毫摩尔每升", "μmol/L": "微摩尔每升", "umol/L": "微摩尔每升",
    "g/L": "克每升", "mg/L": "毫克每升", "mg/dL": "毫克每分升", "μg/m³": "微克每立方米",
    "μg/m3": "微克每立方米", "mg/m³": "毫克每立方米", "mg/kg": "毫克每千克", "kg/m³": "千克每立方米",
    # data sizes and rates (KB, MB, GB, TB, Mbps …) are not here: people say their letters
    # (八GB, 二十M), which the Latin rules spell, not 吉字节 or 兆比特每秒
    "px": "像素", "nits": "尼特", "nit": "尼特", "hm²": "公顷", "hm2": "公顷",
    # currency codes written after the amount
    "USD": "美元", "RMB": "元", "CNY": "元", "EUR": "欧元", "GBP": "英镑", "JPY": "日元",
    "HKD": "港元",
}

# Currency signs and codes written before the amount, and the word read after it.
CURRENCY_PREFIXES: dict[str, str] = {
    "US$": "美元", "HK$": "港元", "NT$": "新台币", "¥": "元", "$": "美元", "€": "欧元",
    "£": "英镑", "₩": "韩元", "₹": "卢比", "RMB": "元", "CNY": "元", "USD": "美元",
    "EUR": "欧元", "GBP": "英镑", "JPY": "日元", "HKD": "港元",
}

TEMPERATURE_UNITS = {"°C": "摄氏度", "°F": "华氏度", "°Bx": "度", "°": "度", "度": "度"}
TEMPERATURE_UNIT = r"\s?(?:°C|°F|°Bx|°|度)"


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_MULTI = _alternation([u for u in UNITS if len(u) > 1])
_SINGLE = _alternation([u for u in UNITS if len(u) == 1])
# Multi-letter units may follow a space; a single letter must touch the number.
UNIT = rf"(?:\s?(?:{_MULTI})|(?:{_SINGLE}))(?![A-Za-z])"
# After a power of ten (3×10^8 m/s, 1.5e8 m) no variable follows, so a unit symbol may stand a
# space apart from the number even when it is one letter.
UNIT_AFTER_POWER = rf"\s?(?:{_MULTI}|{_SINGLE})(?![A-Za-z])"
_CURRENCY = _alternation(list(CURRENCY_PREFIXES))
# A temperature unit or a unit symbol (the temperatures first, so that °C is one unit).
ANY_UNIT = rf"(?:{TEMPERATURE_UNIT}|{UNIT})"


def read_range(
    match: re.Match[str],
    *,
    measure: bool,
    negative_word: str = "负",
    positive_word: str = "正",
    amount: bool = False,
) -> list[Piece]:
    """Read groups ``a`` and optional ``sep`` + ``b`` as a number or a range (三到五), the signs
    as ``negative_word`` and ``positive_word``.

    ``amount``: a sum of money, whose trailing zeros after the point are not read
    (¥1,299.50 → 一千二百九十九点五元, ¥100.00 → 一百元).
    """
    def read(number: str) -> str:
        if amount and "." in number:
            number = number.rstrip("0").rstrip(".")
        return read_signed(
            number, measure=measure, negative_word=negative_word, positive_word=positive_word
        )

    pieces = [group(match, "a", read(match["a"]))]
    if match["b"] is not None:
        pieces.append(group(match, "sep", "到"))
        pieces.append(group(match, "b", read(match["b"])))
    return pieces


def _money(match: re.Match[str]) -> list[Piece]:
    pieces = read_range(match, measure=True, amount=True)
    if match["mult"]:
        pieces.append(verbatim(match, "mult"))
    word = CURRENCY_PREFIXES[match["cur"]]
    if match["yuan"] is not None and word == "元":
        pieces.append(verbatim(match, "yuan"))  # ¥12元: the 元 is already written
    else:
        pieces.append(group(match, "cur", word))
        if match["yuan"] is not None:
            pieces.append(verbatim(match, "yuan"))
    return pieces


# Words before a temperature that make it a difference, whose sign reads 负 (距平-1.5℃ 负一点五摄氏度), not 零下.
_DIFFERENCE_BEFORE = re.compile("距平|偏差|变幅|差值|误差")


def _below_zero(match: re.Match[str]) -> str:
    start = match.start()
    return "负" if _DIFFERENCE_BEFORE.search(match.string, max(0, start - 6), start) else "零下"


def temperature_pieces(match: re.Match[str], unit_group: str) -> list[Piece]:
    """A temperature (or range) with its unit: below zero reads 零下 (零下三点五摄氏度), a difference
    负 (距平-1.5℃)."""
    pieces = read_range(match, measure=False, negative_word=_below_zero(match))
    unit = match[unit_group].strip()
    pieces.append(group(match, unit_group, TEMPERATURE_UNITS[unit]))
    return pieces


def unit_pieces(match: re.Match[str], unit_group: str) -> list[Piece]:
    """An amount (or range) with a unit symbol: 5kg → 五千克, 2m → 两米."""
    pieces = read_range(match, measure=True)
    pieces.append(group(match, unit_group, UNITS[match[unit_group].strip()]))
    return pieces


def measured_pieces(match: re.Match[str], number_group: str, unit_group: str) -> list[Piece]:
    """One number with its own unit (a match of ``ANY_UNIT``): a temperature below zero reads
    零下 (-5°C → 零下五摄氏度), an amount counts (2kg → 两千克)."""
    number, unit = match[number_group], match[unit_group].strip()
    if unit in TEMPERATURE_UNITS:
        spoken, word = read_signed(number, negative_word=_below_zero(match)), TEMPERATURE_UNITS[unit]
    else:
        spoken, word = read_signed(number, measure=True), UNITS[unit]
    return [group(match, number_group, spoken), group(match, unit_group, word)]


# An amount with its unit just before the slash (5元/斤, 9.9元/kg, 3万/人, 10万kg/年, 3×10⁸米/秒),
# perhaps already divided once (80元/人/天).
_PER_CONTEXT = re.compile(
    r"[0-9⁰¹²³⁴⁵⁶⁷⁸⁹](?:[\u4e00-\u9fff]{1,2}|(?:万亿|[万亿])?[A-Za-zμ²³]{1,3})(?:/[\u4e00-\u9fff]{1,2})?$"
)
_PER_CONTEXT_WIDTH = 9  # the most characters _PER_CONTEXT can match

# Words a rate is given per; after a bare amount (¥80/人, 120/小时) they make the slash 每.
RATE_WORDS = (
    "人 位 户 家 桌 间 套 晚 夜 天 日 周 月 年 季 小时 分钟 秒 次 场 节 课时 件 个 只 台 辆 张 "
    "本 份 瓶 盒 箱 包 袋 杯 碗 双 条 支 斤 两 公斤 千克 克 吨 升 米 公里 平米 平方米 亩 盎司 桶 股 手 磅 克拉"
).split()
_RATE_WORD = re.compile("|".join(sorted(RATE_WORDS, key=len, reverse=True)))


def _is_rate(match: re.Match[str]) -> bool:
    """True when the slash divides an amount by a unit: an amount with a unit before it, or a
    bare amount (perhaps after a currency sign: ¥80/人) before a unit symbol or a word from
    ``RATE_WORDS``."""
    text, start = match.string, match.start()
    if _PER_CONTEXT.search(text, max(0, start - _PER_CONTEXT_WIDTH), start):
        return True
    return start > 0 and text[start - 1].isdigit() and (
        match["u"] is not None or _RATE_WORD.match(text, match.end()) is not None
    )


def _per(match: re.Match[str]) -> list[Piece]:
    """``/`` in a rate reads 每 (``5元/斤``, ``¥80/人``); elsewhere it is silent."""
    if not _is_rate(match):
        if match["u"] is None:
            return []
        return [group(match, "u", spell(match["u"]))]
    squared = match.string.startswith("秒²", match.end())  # 9.8米/秒² → 九点八米每二次方秒 (² is dropped)
    pieces = [group(match, "slash", "每二次方" if squared else "每")]
    if match["u"] is not None:
        pieces.append(group(match, "u", UNITS[match["u"]]))
    return pieces


# A sign before a currency symbol: 余额-¥126.40 → 负 after the words of a balance or a payment,
# 优惠-¥10.00 and 满100-¥20 → 减 (a discount); elsewhere the hyphen only separates (大杯-¥20: silent).
_TAKEN_OFF = ("优惠", "立减", "折扣", "抵扣", "减免", "红包", "满减", "优惠券", "券")
_BALANCE = ("余额", "支出", "金额", "合计", "应付", "退款", "支付", "消费", "扣款", "收支", "变动")


def _money_sign(match: re.Match[str]) -> list[Piece]:
    if match["s"] == "+":
        return [group(match, "s", "加")]
    before = match.string[:match.start()].rstrip(" ")
    if before.rstrip("：:").endswith(_TAKEN_OFF) or re.search(r"满[0-9]+$", before):
        word = "减"
    elif before.endswith(("：", ":")) or before.endswith(_BALANCE):
        word = "负"
    else:
        word = ""
    return [group(match, "s", word)]


MONEY_SIGN = rule("money_sign", r"(?P<s>[-+])(?=[¥￥$]\s?[0-9])", _money_sign, "-+")
# Points and miles credited with a plus: 积分+200 → 积分加二百, 里程累积+1,832.
POINTS_PLUS = rule(
    "points_plus",
    "(?:" + "|".join(f"(?<={w})" for w in ("积分", "里程", "经验", "金币", "点数", "奖励", "累积", "成长值", "攻击力", "防御力",
                                             "血量", "生命值", "法力", "属性"))
    + r")(?P<s>\+)(?=[0-9])",
    lambda m: [group(m, "s", "加")],
    "+",
)
# A price added after a Han character (大杯+1元, 加米饭+3元): 加; and a threshold discount without a
# currency sign (满99-10 → 满九十九减十; 年满18-35周岁 and 满6-12个月 are ranges).
PRICE_PLUS = rule(
    "price_plus",
    r"(?<=[\u4e00-\u9fff])(?P<s>\+)(?=[0-9]+(?:\.[0-9]+)?(?:元|块))",
    lambda m: [group(m, "s", "加")],
    "+",
)
THRESHOLD_DISCOUNT = rule(
    "threshold_discount",
    r"(?<=满)(?P<a>[0-9]+)(?P<s>-)(?P<b>[0-9]+)(?![0-9.]|年|个|岁|周|天|月|小时|分)",
    lambda m: [group(m, "a", read_int(m["a"])), group(m, "s", "减" if int(m["b"]) < int(m["a"]) else "到"),
               group(m, "b", read_int(m["b"]))],
    START_DIGITS,
)
MONEY = rule(
    "money",
    rf"(?P<cur>{_CURRENCY})\s?(?P<a>{SIGNED})"
    rf"(?:(?P<sep>{RANGE_SEP}(?:{_CURRENCY})?)(?P<b>{NUMBER}))?"
    r"(?P<mult>[十百千万亿]*)(?P<yuan>元)?",
    _money,
    "".join({c[0] for c in CURRENCY_PREFIXES}),
)
# A unit symbol after an amount written with 万 / 亿 (960万km², 1.2万亿m³, 10万USD): the number
# and its 万 are read by the other rules, the unit here.
MAGNITUDE_UNIT = rule(
    "magnitude_unit",
    rf"(?:(?<=[0-9][万亿])|(?<=[0-9]万亿))(?P<u>{_MULTI}|{_SINGLE})(?![A-Za-z])",
    lambda m: [group(m, "u", UNITS[m["u"]])],
    "".join({u[0] for u in UNITS}),
)
# A unit symbol right after 每 is the unit it is given per (每m² → 每平方米, 每kg → 每千克), no
# letters to spell nor a letter raised to a power.
UNIT_AFTER_EACH = rule(
    "unit_after_each",
    rf"(?<=每)(?P<u>{_MULTI}|{_SINGLE})(?![A-Za-z])",
    lambda m: [group(m, "u", UNITS[m["u"]])],
    "".join({u[0] for u in UNITS}),
)
PER = rule("per", rf"(?P<slash>/)(?:(?P<u>{_MULTI}|{_SINGLE})(?![A-Za-z]))?", _per, "/")
# A dose per body weight and time: 40mg/(kg·d) → 每千克每天, 5μg/(kg·min) → 每千克每分钟.
_PER_TIME = {"d": "天", "min": "分钟", "h": "小时"}
PER_WEIGHT_AND_TIME = rule(
    "per_weight_and_time",
    r"/\((?P<a>kg|Kg|m²|m2)[·.•*](?P<b>d|min|h)\)",
    lambda m: [group(m, 0, "每" + UNITS[m["a"]] + "每" + _PER_TIME[m["b"]])],
    "/",
)
# U after a number is a unit of activity (胰岛素8U, 肝素钠12500U, 56U/L) where medicine is spoken of
# or a rate follows; elsewhere its letter is spelled (2U服务器).
_MEDICINE_WORDS = re.compile("素|酶|注射|单位|剂|针|滴|静脉|皮下|肌肉|输液|血|尿")
MEDICAL_U = rule(
    "medical_u",
    r"(?<=[0-9万])(?P<u>U)(?![A-Za-z0-9])",
    lambda m: [group(m, "u", "单位" if m.string.startswith("/", m.end()) or _MEDICINE_WORDS.search(
        m.string, max(0, m.start() - 12), m.start()) else spell("U"))],
    "U",
)

RULES: tuple[Rule, ...] = (MONEY, MAGNITUDE_UNIT, UNIT_AFTER_EACH, PER)
