"""Reading numbers aloud: cardinals, digit strings, decimals, signs, fractions, percentages.

Pure string functions plus the regular-expression fragments other rules build on.
``read_int("10010")`` → ``一万零一十``; ``read_decimal("1,299.50")`` → ``一千二百九十九点五零``.
"""

from __future__ import annotations

DIGITS = "零一二三四五六七八九"
DIGITS_YAO = "零幺二三四五六七八九"  # "1" as 幺, as phone, room and code numbers are read

_PLACES = ("千", "百", "十", "")
_GROUP_UNITS = ("", "万", "亿", "万亿")
MAX_CARDINAL_DIGITS = 16  # beyond 9999万亿 a number is read digit by digit

# Regex fragments (no capturing groups). INT takes thousands separators only in groups of three:
# commas, or underscores as code writes them (1_000_000).
INT = r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]{1,3}(?:_[0-9]{3})+(?![0-9_])|[0-9]+)"
NUMBER = INT + r"(?:\.[0-9]+)?"
# A sign opens a number; after a digit, a letter or a superscript power (3²+4²) it is an operator.
SIGN = r"(?:(?<![0-9A-Za-z.²³])[-+])"
SIGNED = SIGN + "?" + NUMBER
RANGE_SEP = r"(?:\s?[-~—]\s?)"


def read_digits(digits: str, *, yao: bool = False) -> str:
    """Read ASCII digits one by one (``"2023"`` → ``二零二三``); other characters are dropped."""
    table = DIGITS_YAO if yao else DIGITS
    return "".join(table[ord(c) - 48] for c in digits if "0" <= c <= "9")


def _read_group(group: str, *, first: bool, zero: bool) -> str:
    """Read one 4-digit group. ``first``: nothing precedes it, so its leading zeros are silent;
    ``zero``: a whole zero group came before, so a 零 is owed."""
    out: list[str] = []
    for digit, place in zip(group.rjust(4, "0"), _PLACES, strict=True):
        if digit == "0":
            zero = zero or bool(out) or not first
            continue
        if zero:
            out.append("零")
        zero = False
        out.append(DIGITS[ord(digit) - 48] + place)
    return "".join(out)


def read_int(digits: str, *, liang: bool = True) -> str:
    """Read a non-negative integer (ASCII digits, commas or underscores allowed) as an announcer
    would.

    Groups of four digits take 万 / 亿 / 万亿; runs of zeros read as one 零; a number starting
    with 10–19 reads 十X. With ``liang``, a leading 2 before 千 / 万 / 亿 reads 两 (两千, 两万).
    Numbers longer than 16 digits are read digit by digit.
    """
    plain = digits.replace(",", "").replace("_", "").lstrip("0")
    if not plain:
        return "零"
    if len(plain) > MAX_CARDINAL_DIGITS:
        return read_digits(plain)
    head = len(plain) % 4 or 4
    groups = [plain[:head]] + [plain[i:i + 4] for i in range(head, len(plain), 4)]
    out: list[str] = []
    zero = False
    for index, group in enumerate(groups):
        unit = _GROUP_UNITS[len(groups) - 1 - index]
        if group.strip("0") == "":
            zero = True
            continue
        out.append(_read_group(group, first=not out, zero=zero and bool(out)) + unit)
        zero = False
    result = "".join(out)
    if 10 <= int(groups[0]) <= 19:  # 十五, 十万, 十二亿 — not 一十五
        result = result[1:]
    if liang and result.startswith("二") and result[1:2] in ("千", "万", "亿"):
        result = "两" + result[1:]
    return result


def read_decimal(number: str, *, liang: bool = True) -> str:
    """Read an unsigned decimal; the fraction digit by digit (``"3.50"`` → ``三点五零``)."""
    whole, _, fraction = number.partition(".")
    if not fraction:
        return read_int(whole, liang=liang)
    return read_int(whole, liang=liang and len(whole) > 1) + "点" + read_digits(fraction)  # 两千点五, 二点五


def read_signed(
    number: str,
    *,
    liang: bool = True,
    measure: bool = False,
    negative_word: str = "负",
    positive_word: str = "正",
) -> str:
    """Read a decimal with an optional sign: ``-`` → 负 (or ``negative_word``), ``+`` → 正 (or
    ``positive_word``).

    ``measure``: the number counts something (a measure word or unit follows), so a bare 2
    reads 两 (两个, 两千克).
    """
    if number[:1] == "-":
        return negative_word + read_decimal(number[1:], liang=False)
    if number[:1] == "+":
        return positive_word + read_decimal(number[1:], liang=False)
    if measure and number == "2":
        return "两"
    return read_decimal(number, liang=liang)


def read_fraction(numerator: str, denominator: str) -> str:
    """``3``/``4`` → 四分之三."""
    return read_decimal(denominator, liang=False) + "分之" + read_decimal(numerator, liang=False)


def read_percent(
    number: str, symbol: str = "%", *, negative_word: str = "负", positive_word: str = "正"
) -> str:
    """``-5``, ``%`` → 负百分之五, ``+5`` → 正百分之五 (the sign as in :func:`read_signed`);
    ``‰`` reads 千分之."""
    prefix = "千分之" if symbol == "‰" else "百分之"
    sign = {"-": negative_word, "+": positive_word}.get(number[:1])
    if sign is not None:
        return sign + prefix + read_decimal(number[1:], liang=False)
    return prefix + read_decimal(number, liang=False)
