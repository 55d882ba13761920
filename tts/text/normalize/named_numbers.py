"""Numbers that name something rather than count it, read digit by digit.

University programmes go by their numbers: ``985、211重点高校`` → 九八五、二幺幺重点高校,
``985/211高校`` → 九八五二幺幺高校 (211 said 二幺幺, as the programme is). Internet slang and
shopping days are numbers said for their sound: ``520当天`` → 五二零当天, ``刷了一排666`` →
六六六, ``1314寓意一生一世`` → 一三一四, ``618年中大促`` → 六一八年中大促, ``我爱你1314`` →
一三一四, ``666，太强了！`` → 六六六 — only beside the words of their day, their meaning or
their sending, or alone as a reaction (``票价520``, ``共666人`` stay amounts).
"""

from __future__ import annotations

import re

from tts.text.normalize.numbers import read_digits, read_int
from tts.text.normalize.rules import START_DIGITS, CountsTest, Piece, Rule, context_before, group, rule, verbatim

# Numbers naming China's university programmes (985工程, 211工程).
PROGRAMME_NUMBERS = ("985", "211")
_PROGRAMME = "|".join(PROGRAMME_NUMBERS)
# What a programme number names, perhaps after a word that grades it (211重点高校).
_PROGRAMME_AFTER = re.compile(r"(?:重点|知名|一流)?(?:高校|院校|大学|工程|学校|名校)")

# Numbers of internet slang (520 我爱你, 1314 一生一世, 666, 886 拜拜, 233 laughter) and of
# shopping days (618).
SLANG_NUMBERS = frozenset("520 521 1314 5201314 666 886 618 233 2333 23333 233333".split())
# Slang said as a reaction or a message of its own: alone as a clause it is slang (666，太强了！);
# 520, 521 and 618 alone may as well be answers (多少钱？520。).
REACTION_NUMBERS = frozenset("1314 5201314 666 886 233 2333 23333 233333".split())
# What may stand on either side of a number alone as a clause (the start and end of the text too;
# not 、, which lists numbers).
_CLAUSE_EDGES = frozenset("，。！？；,.!?;~…— \n")
# Words after a slang number that name the day it stands for; 618年中 holds no year.
_SLANG_DAY_AFTER = re.compile(r"[”’」』\"']?(?:年中|大促|购物节|狂欢节|房产节|家电节|当天|这天|那天|期间|档期|快乐|表白)")  # “618”大促
# Words after a slang number that say what it means (1314寓意一生一世, 520代表我爱你); 代表 only
# before a pronoun or 着 / 的是, as a number before 代表 alone counts delegates (520代表出席).
_SLANG_MEANING_AFTER = re.compile(
    r"寓意|谐音|象征|意思|的意思|意味着|代表(?:着|的是|的意思|[我你他她它])"
)
# Words before a slang number that send it as a message or name its day (刷了一排666, 今天是520).
_SLANG_SENT_BEFORE = re.compile(
    r"(?:刷|刷了|一排|一串|一片|满屏|刷屏|全是|弹幕|扣|打出|喊|爱你|今天是|明天是|昨天是|又是|正值|恰逢)$"
)
_SLANG_SENT_BEFORE_WIDTH = 3


def _programme_digits(number: str) -> str:
    """985 → 九八五, 211 → 二幺幺."""
    return read_digits(number, yao=True)


def _stands_alone(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is a clause of its own: between the start of the text or a
    break and a break or the end (666，太强了！)."""
    return (start == 0 or text[start - 1] in _CLAUSE_EDGES) and (
        end == len(text) or text[end] in _CLAUSE_EDGES)


def _is_slang(text: str, start: int, end: int, counts: CountsTest) -> bool:
    """True when the slang number ``text[start:end]`` is said for its sound: before the words
    of its day (520当天, 618大促) or of what it means (1314寓意), sent as a message (刷了一排666,
    我爱你1314) or a reaction alone as a clause (666，太强了！) — elsewhere it is an amount
    (票价520, 共666人)."""
    if _SLANG_DAY_AFTER.match(text, end) or _SLANG_MEANING_AFTER.match(text, end):
        return True
    if text[start:end].startswith("2333"):
        return not counts(text, start, end)  # 笑死我了2333: laughter, unless it counts (2333人)
    if text[start:end] in REACTION_NUMBERS and _stands_alone(text, start, end):
        return True
    return not counts(text, start, end) and \
        _SLANG_SENT_BEFORE.search(text, max(0, start - _SLANG_SENT_BEFORE_WIDTH), start) is not None


# A national or provincial road is named by three digits, read one by one (318国道, 101省道).
_ROAD_DIGITS = 3
_ROAD_AFTER = ("国道", "省道", "县道")


def named_reading(text: str, start: int, end: int, counts: CountsTest) -> str | None:
    """The digit-by-digit reading of the integer ``text[start:end]`` when it names a programme
    (985高校, 211工程), a road (318国道) or is slang (520当天), else ``None``."""
    number = text[start:end]
    if number in PROGRAMME_NUMBERS and _PROGRAMME_AFTER.match(text, end):
        return _programme_digits(number)
    if number in SLANG_NUMBERS and _is_slang(text, start, end, counts):
        return read_digits(number)
    if len(number) == _ROAD_DIGITS and text.startswith(_ROAD_AFTER, end):
        return read_digits(number)  # 318国道 → 三一八国道
    return None


def _programme_pair(match: re.Match[str]) -> list[Piece]:
    """985/211 → 九八五二幺幺 (the slash silent), 985、211 → 九八五、二幺幺."""
    sep = group(match, "sep", "") if match["sep"].strip() == "/" else verbatim(match, "sep")
    return [
        group(match, "a", _programme_digits(match["a"])),
        sep,
        group(match, "b", _programme_digits(match["b"])),
    ]


# The two programme numbers named together are programmes wherever they stand (985/211高校).
PROGRAMME_PAIR = rule(
    "programme_pair",
    rf"(?<![0-9.])(?P<a>{_PROGRAMME})(?P<sep>\s?[/、和及与]\s?)(?P<b>{_PROGRAMME})(?![0-9.])",
    _programme_pair,
    START_DIGITS,
)

# A discount of two digits is read digit by digit: 85折 → 八五折 (5折 五折, 8.5折 八点五折).
DISCOUNT = rule(
    "discount",
    r"(?<![0-9.])(?P<n>[1-9][1-9])(?=折)",
    lambda m: [group(m, "n", read_digits(m["n"]))],
    START_DIGITS,
)

# The hyphen of a model designation after its Chinese name is silent: 歼-20 → 歼二十, 运-20,
# 东风-41 → 东风四十一, 长征-5 (not a minus: 气温-5℃ is one).
_DESIGNATED = ("歼", "运", "轰", "东风", "红旗", "长征", "鹰击", "巨浪", "神舟", "天宫", "嫦娥")
# 直, 强, 教, 武 end common words (一直, 加强, 宗教, 威武): as designations only at the start, after no
# Han character, or after the words that lead a model's name (国产直-20, 新型强-5).
_DESIGNATED_IN_WORDS = "直强教武"
_LEADS_MODEL = "产型款架台的种辆是"
MODEL_DESIGNATION = rule(
    "model_designation",
    "(?:" + "|".join(f"(?<={name})" for name in _DESIGNATED)
    + "".join(f"|(?<=(?<![\u4e00-\u9fff]){c})|(?<=[{_LEADS_MODEL}]{c})" for c in _DESIGNATED_IN_WORDS)
    + r")(?P<d>-)(?P<n>[0-9]{1,3})(?![0-9.])",
    lambda m: [group(m, "d", ""), group(m, "n", read_int(m["n"], liang=False))],
    "-",
)

# Lotteries whose draws have five-digit numbers (大乐透第24035期).
_FIVE_DIGIT_DRAWS = ("大乐透", "排列三", "排列五", "排列3", "排列5", "七星彩", "七乐彩", "快乐8", "福彩3D")
# The number of a lottery draw, seven digits or more (a year and a count), is read digit by digit:
# 第2024035期 → 第二零二四零三五期 (第12期, a newspaper's 第25000期 stay counts).
ISSUE = rule(
    "issue",
    r"(?:(?<=第)(?P<n>[0-9]{7,})|(?:" + "|".join(f"(?<={name}第)" for name in _FIVE_DIGIT_DRAWS)
    + r")(?P<m>[0-9]{5}))(?=期)",
    lambda m: [group(m, "n" if m["n"] else "m", read_digits(m["n"] or m["m"]))],
    START_DIGITS,
)

# The mass number after a chemical element (碳-14 → 碳十四, 铀-235 → 铀二三五): the hyphen is
# silent, three digits are said one by one.
_ISOTOPE_ELEMENTS = "氢氘氚氦锂铍硼碳氮氧氟钠镁铝磷硫氯钾钙铁钴镍锶碘铯钡镭钍铀钚镅钋氡氪氙"
ISOTOPE = rule(
    "isotope",
    rf"(?<=[{_ISOTOPE_ELEMENTS}])(?P<d>-)(?P<n>[0-9]{{1,3}})(?![0-9.])",
    lambda m: [group(m, "d", ""),
               group(m, "n", read_digits(m["n"]) if len(m["n"]) == 3 else read_int(m["n"], liang=False))],
    "-",
)

# Airliners of three digits are said digit by digit (波音747 → 波音七四七, 图-154 → 图一五四).
AIRLINER = rule(
    "airliner",
    r"(?:(?<=波音)|(?<=图-)|(?<=伊尔-))(?P<n>[0-9]{3})(?![0-9])",
    lambda m: [group(m, "n", read_digits(m["n"]))],
    START_DIGITS,
)

# The type of a weapon named by two digits of its year (99式主战坦克 → 九九式, 05式 → 零五式), not a
# count (1式两份) or an ordinal (第8式).
_WEAPON_AFTER = ("主战", "坦克", "步枪", "自动", "突击", "冲锋", "手枪", "狙击", "通用", "装甲", "步兵", "战车",
                 "自行", "榴弹", "火箭", "导弹", "迷彩", "军服", "作训", "战斗", "军用", "驱逐", "护卫", "机枪")
WEAPON_TYPE = rule(
    "weapon_type",
    r"(?<![0-9第])(?P<n>[0-9]{2})(?=式(?:" + "|".join(_WEAPON_AFTER) + "))",
    lambda m: [group(m, "n", read_digits(m["n"]))],
    START_DIGITS,
)

# Roman numerals after 第 number volumes and parts (第II卷 → 第二卷, 第Ⅳ部分 → 第四部分); a lone X or L
# is a placeholder (第X届).
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}
_ROMAN_SIGNS = dict(zip("ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ", range(1, 13)))
_NUMBERED_PARTS = "卷部章册集期届节编篇幕季版条款辑分册次"


def roman_value(numeral: str) -> int:
    """The value of a Roman numeral written in ASCII (XIV → 14) or as one sign (Ⅳ → 4)."""
    if numeral in _ROMAN_SIGNS:
        return _ROMAN_SIGNS[numeral]
    values = [_ROMAN_VALUES[c] for c in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


ROMAN_ORDINAL = rule(
    "roman_ordinal",
    r"(?<=第)(?P<r>(?=[IVXL])(?![XL](?![IVX]))L?X{0,3}(?:IX|IV|V?I{0,3})|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ])"
    rf"(?=[{_NUMBERED_PARTS}])",
    lambda m: [group(m, "r", read_int(str(roman_value(m["r"])), liang=False))],
    "IVXLⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ",
)

# Grades of stainless steel are said digit by digit (316不锈钢 → 三一六不锈钢, 304钢).
STEEL_GRADE = rule(
    "steel_grade",
    r"(?<![0-9])(?P<n>[2-4][0-9]{2})(?=L?(?:不锈钢|钢))",
    lambda m: [group(m, "n", read_digits(m["n"]))],
    START_DIGITS,
)

# Household products named by a number, said digit by digit (84消毒液 → 八四, 502胶水 → 五零二, 999感冒灵),
# and the stage of infant formula (2段奶粉 → 二段, a stage, not two sections).
PRODUCT_NUMBER = rule(
    "product_number",
    r"(?<![0-9.])(?:(?P<n>84(?=消毒液|消毒水)|502(?=胶水|胶)|999(?=感冒灵|皮炎平))|(?P<s>[1-4])(?=段(?:奶粉|配方)))",
    lambda m: [group(m, "n", read_digits(m["n"]))] if m["n"] else [group(m, "s", read_int(m["s"], liang=False))],
    START_DIGITS,
)

# The holidays named by their dates before the words of their season: 5.1档 五一档, 10.1黄金周 十一黄金周.
HOLIDAY = rule(
    "holiday",
    r"(?<![0-9.])(?P<n>5\.1|10\.1)(?![0-9])(?=档|假期|小长假|黄金周|长假|出游)",
    lambda m: [group(m, "n", "五一" if m["n"] == "5.1" else "十一")],
    START_DIGITS,
)


def _title_number(match: re.Match[str]) -> list[Piece]:
    """A number of three or four digits inside a title (《2046》, 《创造101》, 《歌手2024》) is said digit by
    digit, as a name; the lookahead found a closing 》 close by, the opening 《 must be there too."""
    before = context_before(match, 12)
    named = "《" in before and "》" not in before[before.rfind("《"):]
    return [group(match, "n", read_digits(match["n"]) if named else read_int(match["n"]))]


TITLE_NUMBER = rule(
    "title_number",
    r"(?<![0-9.])(?P<n>[0-9]{3,4})(?![0-9.]|[年元万亿个人次天夜首米篇部集期号岁分秒件条张本页%])(?=[^《》\n]{0,12}》)",
    _title_number,
    START_DIGITS,
)
# A year in a show's or a topic's name (#乘风2024#, B站2024百大UP主): digit by digit; 2次元 二次元.
NAMED_YEAR = rule(
    "named_year",
    r"(?:(?<=[\u4e00-\u9fff])(?P<y>(?:19|20)[0-9]{2})(?=#|百大|年度盛典|跨年)|(?<![0-9])(?P<d>2)(?=次元(?!旦)))",
    lambda m: [group(m, "y", read_digits(m["y"]))] if m["y"] else [group(m, "d", "二")],
    START_DIGITS,
)

# An engine named by three digits before its letters (330TSI, 280TSI): said digit by digit.
ENGINE_CODE = rule(
    "engine_code",
    r"(?<![0-9.])(?P<n>[0-9]{3})(?=\s?(?:TSI|TFSI|TDI|THP|TGDI)(?![A-Za-z]))",
    lambda m: [group(m, "n", read_digits(m["n"]))],
    START_DIGITS,
)

RULES: tuple[Rule, ...] = (ENGINE_CODE, PROGRAMME_PAIR, DISCOUNT, MODEL_DESIGNATION, ISOTOPE, AIRLINER, WEAPON_TYPE, STEEL_GRADE, ISSUE,
                           PRODUCT_NUMBER, HOLIDAY, TITLE_NUMBER, NAMED_YEAR)
