"""Numbers read digit by digit: phone numbers, codes, room numbers, IP addresses, versions.

Phone and code digits read 1 as 幺 (``13812345678`` → 幺三八幺二三四五六七八), as people read
them out; a number after a word such as 编号 / 房间 / 电话 is read the same way.
"""

from __future__ import annotations

import re

from tts.text.normalize.chars import is_han
from tts.text.normalize.numbers import read_digits, read_int
from tts.text.normalize.rules import START_DIGITS, Piece, Rule, group, rule

# Words after which a number is a code or phone number, read digit by digit.
CODE_WORDS = (
    "编号", "房间", "房号", "工号", "学号", "卡号", "尾号", "账号", "帐号", "单号", "批号", "型号",
    "邮编", "验证码", "密码", "车次", "航班", "代码", "证号", "车牌", "电话", "热线",
    "手机", "拨打", "致电", "号码", "传真", "客服", "联系方式", "微信", "QQ", "qq", "分机",
)
_CODE_CONTEXT = re.compile(
    "(?:" + "|".join(CODE_WORDS) + r")(?:号|是|为|：|:|\s)*$"
)
_ROOM_AFTER = re.compile(r"室|房间|号房")
# What may follow a room number given after its floor or building (3楼302, 3楼302的), unlike an
# amount (大楼2000平米).
_AFTER_ROOM = re.compile(r"$|[，。！？；、：,.!?;:\s的门号]")


# A stock code is six digits; written in brackets right after the company's name it needs no
# code word (贵州茅台（600519）, 平安银行（000001）).
STOCK_CODE_DIGITS = 6
_BRACKETS = {"（": "）", "(": ")"}


def is_stock_code(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is six digits alone in brackets right after a name
    (贵州茅台（600519）), the way a listed company's stock code is written."""
    if end - start != STOCK_CODE_DIGITS or start < 2 or not is_han(text[start - 2]):
        return False
    closing = _BRACKETS.get(text[start - 1])
    return closing is not None and text.startswith(closing, end)


def is_code_context(text: str, start: int, end: int) -> bool:
    """True when the number ``text[start:end]`` follows a code word (编号：0101, 股票代码300750),
    is a stock code in brackets after a name (贵州茅台（600519）) or names a room (302室,
    3楼302)."""
    if _CODE_CONTEXT.search(text, max(0, start - 8), start) or is_stock_code(text, start, end):
        return True
    return 3 <= end - start <= 4 and (
        _ROOM_AFTER.match(text, end) is not None
        or (text[max(0, start - 1):start] in ("楼", "栋", "座") and _AFTER_ROOM.match(text, end) is not None))


# Short service numbers (emergency, hotlines) that people say digit by digit — when the text
# speaks of calling them; 有120人 stays a count.
SERVICE_NUMBERS = frozenset(
    "110 119 120 122 114 12110 12306 12315 12345 12333 12320 12355 12380 "
    "10086 10010 10000 95588 95533 95566 95599 95555".split()
)
_CALL_BEFORE = re.compile("(?:拨打|打|电话|报警|急救|火警|匪警|求助|热线|呼叫|致电|投诉|举报|求救)[^。！？；]{0,8}$")
_CALL_AFTER = re.compile("急救|报警|热线|电话|求助|投诉|举报|救护|火警|服务|求救")


def is_service_call(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is a service number (120) and a call is spoken of around it:
    拨打110或者120, 火警119, 120急救车."""
    if text[start:end] not in SERVICE_NUMBERS:
        return False
    return _CALL_AFTER.match(text, end) is not None \
        or _CALL_BEFORE.search(text, max(0, start - 12), start) is not None


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
    r"(?<![0-9])[(（]?(?P<area>0[0-9]{2,3})(?:[)）]|-)\s?"
    r"(?P<local>[1-9][0-9]{6,7})(?:-(?P<ext>[0-9]{1,5}))?(?![0-9])",
    _landline,
    "0(（",
)
SERVICE = rule(
    "service",
    r"(?<![0-9])(?P<num>[48]00-?[0-9]{3}-?[0-9]{4})(?![0-9])",
    lambda m: [_digits_of(m, "num")],
    "48",
)
NUMBERED = rule("numbered", r"(?P<no>No\.|NO\.|no\.)\s?(?P<num>[0-9]+)(?![0-9])", _numbered, "Nn")
DOTTED = rule("dotted", r"(?<![0-9.])[0-9]+(?:\.[0-9]+){2,}(?![0-9])", _dotted, START_DIGITS)

RULES: tuple[Rule, ...] = (MOBILE, LANDLINE, SERVICE, NUMBERED, DOTTED)
