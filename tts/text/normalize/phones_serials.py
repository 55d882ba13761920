"""Numbers read digit by digit: phone numbers, codes, room numbers, IP addresses, versions.

Phone and code digits read 1 as 幺 (``13812345678`` → 幺三八幺二三四五六七八), as people read
them out; a number after a word such as 编号 / 房间 / 电话, or after words that pick digits out
(``订单号后四位4521`` → 四五二幺), is read the same way — unless it counts something
(``手机1999元`` → 一千九百九十九元). After a code word digits joined by dashes are one code
(``取件码3-2-1108`` → 三杠二杠幺幺零八); keypad keys are named (``拨打*123#`` →
星号幺二三井号, ``1234#`` → 幺二三四井号).
"""

from __future__ import annotations

import re

from tts.text.normalize.chars import is_han
from tts.text.normalize.latin import spell
from tts.text.normalize.money_units import UNIT
from tts.text.normalize.numbers import read_digits, read_int
from tts.text.normalize.rules import START_DIGITS, START_LETTERS, CountsTest, Piece, Rule, group, rule

# Words after which a number is a code or phone number, read digit by digit.
CODE_WORDS = (
    "编号", "房间", "房号", "工号", "学号", "卡号", "尾号", "账号", "帐号", "单号", "批号", "型号",
    "邮编", "验证码", "密码", "车次", "航班", "代码", "证号", "车牌", "电话", "热线",
    "手机", "拨打", "致电", "号码", "传真", "客服", "联系方式", "微信", "QQ", "qq", "分机",
    "班次", "取件码", "取票码", "取餐码", "取货码", "提货码", "兑换码", "券码", "校验码", "动态码",
    "端口", "端口号", "状态码", "错误码", "二进制数", "二进制", "户号", "账号尾号",
    "编码", "邮政编码", "区号", "报错", "错误代码", "ISBN", "书号", "刊号", "ISSN", "会议号", "会议ID", "房间号",
    "群号", "直播间号", "直播间", "粉丝群",
)
# Words that pick some digits of a number out, making them a code too (订单号后四位4521, 尾数37,
# 银行卡末尾4位是6688).
_DIGIT_POSITION = (
    r"(?:最?[前后末]|倒数|末尾)[一二三四五六七八九两几0-9]位(?:数字?|号码?)?|末尾|末位|尾数"
)
_CODE_LINKS = r"(?:号|是|为|：|:|\s)*"
_CODE_CONTEXT = re.compile(
    "(?:" + "|".join(CODE_WORDS) + "|" + _DIGIT_POSITION + ")" + _CODE_LINKS + "$"
)
_CODE_CONTEXT_WIDTH = 8
# Words after which the number of a train or a flight is a code even before 次 (车次1461次列车 →
# 幺四六幺次); three digits or more, as such numbers are (航班2次延误 counts).
_TRAIN_WORDS = re.compile(r"(?:车次|航班|班次)(?:号|是|为|：|:|\s)*$")
_TRAIN_MIN_DIGITS = 3
# What after the number makes it count something, besides a measure word: 多 / 余 / 来 before one
# (手机200多块钱), or a unit symbol (这款手机128G内存, 手机5000mAh).
_ROUGHLY = "多余来"
_UNIT_AFTER = re.compile(rf"{UNIT}|[KMGT](?![A-Za-z])")

_ROOM_AFTER = re.compile(r"室|房间|号房|会议室|教室|病房|宿舍|办公室|机房|错误|页面")  # (and 404错误)
# What may follow a room number given after its floor or building (3楼302, 3楼302的), unlike an
# amount (大楼2000平米).
_AFTER_ROOM = re.compile(r"$|[，。！？；、：,.!?;:\s的门号]")


# A stock code is six digits; written in brackets right after the company's name it needs no
# code word (贵州茅台（600519）, 平安银行（000001）) — when the name looks like a company's or the
# words nearby speak of the market, and no unit follows (这个数字（123456）, 共有（150000）元 are
# numbers).
STOCK_CODE_DIGITS = 6
_BRACKETS = {"（": "）", "(": ")"}
# How the names of listed companies often end (贵州茅台, 平安银行, 宁德时代, 中国平安).
_COMPANY_NAME_END = re.compile(
    "(?:股份|集团|控股|银行|证券|保险|信托|科技|技术|电子|通信|软件|信息|网络|智能|半导体|光电|"
    "医药|药业|制药|生物|医疗|能源|电力|电气|新能|石化|石油|化工|材料|钢铁|煤业|矿业|有色|黄金|"
    "汽车|重工|机械|装备|航空|航运|物流|地产|置业|建设|建工|传媒|文化|旅游|食品|酒业|乳业|"
    "实业|发展|国际|时代|茅台|五粮液|平安)$"
)
_COMPANY_NAME_WIDTH = 3
# Words of the stock market near the bracket (A股, 股价, 收报, 上涨, 代码).
_MARKET_WORDS = re.compile("股|代码|证券|上证|深证|沪深|创业板|科创板|涨|跌|收报|市值|停牌|开盘|收盘")
_MARKET_WINDOW = 12
# Words of the market after the bracket that open with a measure word (股 of 股价, 盘 of 盘中 count nothing).
_MARKET_WORD_AFTER = re.compile("股价|股票|股份|股市|股东|股民|股息|股权|股本|盘中|盘前|盘后|午盘|尾盘")


def _names_a_listed_company(text: str, start: int, end: int) -> bool:
    """True when the bracket holding ``text[start:end]`` follows a word that ends as company
    names do (贵州茅台, 平安银行) or words of the stock market stand near it (A股, 股价, 涨)."""
    bracket_start, bracket_end = start - 1, end + 1
    if _COMPANY_NAME_END.search(text, max(0, bracket_start - _COMPANY_NAME_WIDTH), bracket_start):
        return True
    before = _MARKET_WORDS.search(text, max(0, bracket_start - _MARKET_WINDOW), bracket_start)
    return before is not None or _MARKET_WORDS.search(
        text, bracket_end, bracket_end + _MARKET_WINDOW) is not None


def is_stock_code(text: str, start: int, end: int, counts: CountsTest) -> bool:
    """True when ``text[start:end]`` is six digits alone in brackets right after a name, the way
    a listed company's or a fund's stock code is written (贵州茅台（600519）, 360（601360）,
    沪深300ETF（510300）), the name or the words nearby are
    of a company or the market, and no unit or measure word follows the bracket (``counts`` says
    whether one does: 共有（150000）元 is an amount)."""
    if end - start != STOCK_CODE_DIGITS or start < 2 or not (is_han(text[start - 2]) or text[start - 2].isalnum()):
        return False
    closing = _BRACKETS.get(text[start - 1])
    if closing is None or not text.startswith(closing, end):
        return False
    after = end + len(closing)
    counted = counts(text, start, after) and _MARKET_WORD_AFTER.match(text, after) is None
    return not counted and _names_a_listed_company(text, start, end)


def _counts_after(text: str, start: int, end: int, counts: CountsTest) -> bool:
    """True when ``text[start:end]`` counts something: a measure word follows it, perhaps after
    多 / 余 / 来 (200多块钱), or a unit symbol does (128G, 5000mAh)."""
    if counts(text, start, end) or _UNIT_AFTER.match(text, end) is not None:
        return True
    return text[end:end + 1] in tuple(_ROUGHLY) and counts(text, start, end + 1)


def is_code_context(text: str, start: int, end: int, counts: CountsTest) -> bool:
    """True when the number ``text[start:end]`` follows a code word (编号：0101, 股票代码300750)
    or picks digits out (订单号后四位4521) and counts nothing (手机1999元, 密码6位 are amounts:
    ``counts`` says whether a measure word follows), is a stock code in brackets after a name
    (贵州茅台（600519）) or names a room (302室, 3楼302)."""
    if is_stock_code(text, start, end, counts):
        return True
    before = max(0, start - _CODE_CONTEXT_WIDTH)
    if _CODE_CONTEXT.search(text, before, start):
        if end - start >= _TRAIN_MIN_DIGITS and text.startswith("次", end) \
                and _TRAIN_WORDS.search(text, before, start):
            return True
        if not _counts_after(text, start, end, counts):
            return True
    return 3 <= end - start <= 4 and (
        _ROOM_AFTER.match(text, end) is not None
        or (text[max(0, start - 1):start] in ("楼", "栋", "座") and _AFTER_ROOM.match(text, end) is not None))


# Short service numbers (emergency, hotlines) that people say digit by digit — when the text
# speaks of calling them; 有120人 stays a count.
SERVICE_NUMBERS = frozenset(
    "110 119 120 122 114 12110 12123 12306 12315 12345 12333 12320 12355 12380 12348 12366 12368 "
    "10086 10010 10000 95588 95533 95566 95599 95555".split()
)
# Service numbers known by their digits alone, a railway's, the traffic police's app or a carrier's (12345 may be a sum).
_NAMED_SERVICES = frozenset("12306 12123 10086 10010 95588 95533 95566 95599 95555".split())
_CALL_BEFORE = re.compile("(?:拨打|拨|打|电话|报警|急救|火警|匪警|求助|热线|呼叫|致电|投诉|举报|求救)[^。！？；]{0,8}$")
_CALL_AFTER = re.compile("急救|报警|热线|电话|求助|投诉|举报|救护|火警|服务|求救")
# Who a 955xx hotline belongs to, or a call, just before it (人保是95518, 客服电话95511; not 卖95580).
_HOTLINE_OWNER_BEFORE = re.compile("(?:银行|保险(?!金|费)|电网|人保|平安|人寿|太平洋|太平|泰康|兴业|交行|银联|邮储|招行|工行|建行|农行|中行|浦发|中信|光大|民生|"
                                   "华夏|广发|客服|热线|电话|拨打|拨|致电|联系|咨询|来电显示|打)[^。！？；，0-9]{0,4}$")


def is_service_call(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is a service number (120) and a call is spoken of around it:
    拨打110或者120, 火警119, 120急救车."""
    number = text[start:end]
    bank_or_insurer = len(number) == 5 and number.startswith("955") and (  # 95518 人保, 95511 平安: hotlines
        _HOTLINE_OWNER_BEFORE.search(text, max(0, start - 10), start) is not None or _CALL_AFTER.match(text, end) is not None
        or re.match("(?:客服|是[^，。！？；]{0,6}(?:客服|热线|电话))", text[end:end + 12]) is not None)
    if number not in SERVICE_NUMBERS and not bank_or_insurer:
        return False
    if (number in _NAMED_SERVICES or bank_or_insurer) and text[start - 1:start] != "第":
        return True  # 12306怎么改签, 10086客服: these name the service wherever they stand (not 第10086位)
    return _CALL_AFTER.match(text, end) is not None \
        or _CALL_BEFORE.search(text, max(0, start - 12), start) is not None


# Words after which digits joined by dashes are one code, each group digit by digit and each
# dash 杠 (取件码3-2-1108 → 三杠二杠幺幺零八): the code words and those of parcels, orders and
# seats (订单号 and 运单号 end in 单号).
DASHED_CODE_WORDS = CODE_WORDS + (
    "取件码", "取餐码", "取货码", "提货码", "兑换码", "券码", "货号", "座位号", "座号",
    "取件号", "取餐号", "排队号",
)
_DASHED_CODE_MAX_LINKS = 2  # 编号：, 单号是：


def _after_any(words: tuple[str, ...], links: str, max_links: int) -> str:
    """A lookbehind that holds right after one of ``words`` and up to ``max_links`` characters
    of ``links``: Python's lookbehinds are fixed-width, so one per word length and link count."""
    by_length: dict[int, list[str]] = {}
    for word in words:
        by_length.setdefault(len(word), []).append(re.escape(word))
    return "(?:" + "|".join(
        f"(?<=(?:{'|'.join(same)}){links * count})"
        for _, same in sorted(by_length.items())
        for count in range(max_links + 1)
    ) + ")"


def _dashed_code(match: re.Match[str]) -> list[Piece]:
    """3-2-1108 → 三杠二杠幺幺零八: each group of digits digit by digit, each dash 杠."""
    start = match.start()
    return [
        (read_digits(token.group(), yao=True) if token.group() != "-" else "杠",
         start + token.start(), start + token.end())
        for token in re.finditer(r"[0-9]+|-", match.group())
    ]


# A number marked with # before the building, machine, line or grade it names: 3#楼 → 三号楼, 2#机组 → 二号机组,
# 1#电解铜 → 一号电解铜, 11#-15#楼 → 十一号到十五号楼.
NUMBER_SIGN = rule(
    "number_sign",
    r"(?<![0-9#*])(?P<n>[0-9]{1,4})(?P<h>#)(?=[楼机房线车井门库站台炉窗座栋泊仓厂汽柴电铜铝钢煤泵溢闸堤坝渠配箱桥墩柱罐塔梁区]|试[样验件块管]|[、和-][0-9]{1,4}#)"
    r"(?:(?P<r>-)(?P<m>[0-9]{1,4})(?P<k>#))?",
    lambda m: [group(m, "n", read_int(m["n"], liang=False)), group(m, "h", "号")] + (
        [group(m, "r", "到"), group(m, "m", read_int(m["m"], liang=False)), group(m, "k", "号")] if m["r"] else []),
    START_DIGITS,
)


# The keys of a phone keypad, read as their names (拨打*123# → 拨打星号幺二三井号).
KEY_NAMES = {"*": "星号", "#": "井号"}
# A # that opens a topic tag (#双11#), whose closing # is no key; at most this far back.
_TAG_OPENING = re.compile(r"#[^#\s，。！？；、,.!?;]*$")
_TAG_WIDTH = 20


def _keys(match: re.Match[str]) -> list[Piece]:
    """Digits and keypad keys: the digits one by one with 幺, * 星号 and # 井号 (1234# →
    幺二三四井号); a key named with its 号 says only 星 / 井 (按#号键 → 按井号键). In a topic tag
    (#双11#) the digits are a number and the # that closes the tag is silent."""
    text, start = match.string, match.start()
    in_tag = match.group()[0].isdigit() and _TAG_OPENING.search(
        text, max(0, start - _TAG_WIDTH), start) is not None
    pieces: list[Piece] = []
    for token in re.finditer(r"[0-9]+|[*#]", match.group()):
        key = token.group()
        if key.isdigit():
            year = in_tag and re.fullmatch("(?:19|20)[0-9]{2}", key) is not None  # #乘风2024#: a year, 二零二四
            reading = read_digits(key) if year else read_int(key, liang=False) if in_tag else read_digits(key, yao=True)
        elif in_tag:
            reading = ""
        else:
            reading = KEY_NAMES[key][:1] if text.startswith("号", match.end()) else KEY_NAMES[key]
        pieces.append((reading, start + token.start(), start + token.end()))
    return pieces


def _digits_of(match: re.Match[str], name: str) -> Piece:
    return group(match, name, read_digits(match[name], yao=True))


def _mobile(match: re.Match[str]) -> list[Piece]:
    pieces: list[Piece] = []
    if match["cc"] is not None:
        prefix = "加" if match["cc"].startswith("+") else ""
        pieces.append(group(match, "cc", prefix + read_digits(match["cc"])))
    pieces.append(_digits_of(match, "num"))
    return pieces


def _landline(match: re.Match[str]) -> list[Piece]:
    pieces = [_digits_of(match, "area"), _digits_of(match, "local")]
    if match["ext"] is not None:
        pieces.append(group(match, "ext", "转" + read_digits(match["ext"], yao=True)))
    return pieces


def _numbered(match: re.Match[str]) -> list[Piece]:
    """No.1 → 第一; No.0123 → 编号零幺二三."""
    digits = match["num"]
    if len(digits) <= 2 and digits[0] != "0":
        return [group(match, "no", "第"), group(match, "num", read_int(digits, liang=False))]
    return [group(match, "no", "编号"), _digits_of(match, "num")]


def _dotted(match: re.Match[str]) -> list[Piece]:
    """An IP address digit by digit (幺九二点幺六八...); a version number part by part."""
    parts = match.group().split(".")
    is_ip = len(parts) == 4 and all(len(p) <= 3 and int(p) <= 255 for p in parts)
    if is_ip:
        spoken = [read_digits(p, yao=True) for p in parts]
    else:
        spoken = [read_int(p, liang=False) if p[0] != "0" or p == "0" else read_digits(p)
                  for p in parts]
    return [group(match, 0, "点".join(spoken))]


MOBILE = rule(
    "mobile",
    r"(?<![0-9])(?P<cc>(?:\+|00)86[- ]?)?(?P<num>1[3-9][0-9](?:[- ]?[0-9]{4}){2})(?![0-9])",
    _mobile,
    START_DIGITS + "+",
)
LANDLINE = rule(
    "landline",
    r"(?<![0-9])[(（]?(?P<area>0[0-9]{2,3})(?:[)）]|-|\s(?=[1-9][0-9]{2,3}[ -]?[0-9]{4}(?![0-9])))\s?"
    r"(?P<local>[1-9][0-9]{6,7}|[1-9][0-9]{2,3}[ -][0-9]{4})(?:(?:-|转)(?P<ext>[0-9]{1,5}))?(?![0-9])",
    _landline,
    "0(（",
)
SERVICE = rule(
    "service",
    r"(?<![0-9])(?P<num>[48]00(?!-?000-?0000)-?[0-9]{3}-?[0-9]{4})(?![0-9])",  # (8000000000 is 八十亿)
    lambda m: [_digits_of(m, "num")],
    "48",
)
NUMBERED = rule("numbered", r"(?P<no>No\.|NO\.|no\.)\s?(?P<num>[0-9]+)(?![0-9])", _numbered, "Nn")
# Digits joined by dashes after a code word: three groups or more (取件码3-2-1108), or two that
# cannot be a range of numbers (编号3-1108, 单号12-0345; but 编号1-10 stays 一到十).
DASHED_CODE = rule(
    "dashed_code",
    r"(?=[0-9]+-[0-9])" + _after_any(DASHED_CODE_WORDS, "[号是为：:]", _DASHED_CODE_MAX_LINKS)
    + r"(?:[0-9]+(?:-[0-9]+){2,}|[0-9]{1,2}-[0-9]{4,}|0[0-9]*-[0-9]+|[0-9]+-0[0-9]*)"
    r"(?![0-9]|-[0-9])",
    _dashed_code,
    START_DIGITS,
)
# What a keypad sequence is written as: a service code opened by * and closed by # (拨打*123#,
# *#06#; **50%** is Markdown), digits closed by # at the end of a clause or before 键
# (门禁密码是1234#。; but 5#楼 and #双11#购物 are no keys), a key alone before 键 or 号键
# (按#键, 按*号键), or keys pressed or sent after 按 / 回复 / 输入 (请输入密码后按#, 回复1#确认).
KEYPAD = rule(
    "keypad",
    r"(?<![0-9A-Za-z*#])(?:\*[*#]*[0-9][0-9*#]*#[*#]*"
    r"|[0-9][0-9*#]*#(?=$|[^\u4e00-\u9fff0-9A-Za-z]|键)"
    r"|[*#](?=号?键)"
    r"|(?<=按|拨)[0-9]*[*#](?![0-9A-Za-z#*])"
    r"|(?<=回复|输入|键入)[0-9]*[*#](?![0-9A-Za-z#*]))",
    _keys,
    START_DIGITS + "*#",
)
DOTTED = rule("dotted", r"(?<![0-9.])[0-9]+(?:\.[0-9]+){2,}(?![0-9])", _dotted, START_DIGITS)

# A book number: its digits one by one, the hyphens silent (ISBN 978-7-5086-4735-9 → 九七八七五零八六…).
ISBN = rule(
    "isbn",
    _after_any(("ISBN", "ISSN", "书号"), r"[：:为是\s]", 2)
    + r"(?:[0-9]{1,7}(?:-[0-9]{1,7}){2,4}(?:-[0-9Xx])?|[0-9]{12}[0-9Xx]|[0-9]{9}[0-9Xx]|[0-9]{4}-[0-9]{3}[0-9Xx])"
    r"(?![0-9A-Za-z])",
    lambda m: [group(m, 0, "".join(read_digits(c) if c.isdigit() else "艾克斯" if c in "Xx" else ""
                                   for c in m.group()))],
    START_DIGITS,
)
# A country calling code after the word for it: 区号为+86 → 加八六.
COUNTRY_CODE = rule(
    "country_code",
    _after_any(("区号", "代码", "国家码", "国际区号"), r"[：:为是\s]", 2) + r"(?P<s>\+)(?P<n>[0-9]{1,4})(?![0-9])",
    lambda m: [group(m, "s", "加"), group(m, "n", read_digits(m["n"]))],
    "+",
)

# A local number of two groups of four after a word of phoning (电话：8765-4321): digit by digit, the
# dash silent.
LOCAL_PHONE = rule(
    "local_phone",
    _after_any(("电话", "热线", "传真", "手机", "致电", "拨打", "座机"), r"[：:是为\s]", 2)
    + r"(?P<a>[1-9][0-9]{2,3})(?P<d>-)(?P<b>[0-9]{4})(?![0-9-]|\s[0-9])",
    lambda m: [group(m, "a", read_digits(m["a"], yao=True)), group(m, "d", ""), group(m, "b", read_digits(m["b"], yao=True))],
    START_DIGITS,
)

# A car plate: province, letter, optional dot, five or six digits or letters (京A·12345): each said.
_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
PLATE = rule(
    "plate",
    rf"(?<=[{_PROVINCES}])(?P<l>[A-Z])(?P<dot>[·•.]?)(?P<n>[0-9A-Z]{{4}}[0-9])(?![0-9A-Za-z])",
    lambda m: [group(m, "l", spell(m["l"])), group(m, "dot", ""),
               group(m, "n", "".join(read_digits(c, yao=True) if c.isdigit() else spell(c) for c in m["n"]))],
    START_LETTERS,
)

# Digits in groups parted by spaces after a code word (会议号是836 215 447): each group digit by digit.
SPACED_CODE = rule(
    "spaced_code",
    _after_any(CODE_WORDS, r"[号是为：:\s]", 2) + r"[0-9]{3,4}(?: [0-9]{3,4}){1,3}(?![0-9])",
    lambda m: [group(m, 0, "".join(read_digits(g, yao=True) for g in m.group().split()))],
    START_DIGITS,
)

RULES: tuple[Rule, ...] = (MOBILE, LANDLINE, SERVICE, NUMBERED, DASHED_CODE, KEYPAD, DOTTED, ISBN, COUNTRY_CODE, SPACED_CODE)
