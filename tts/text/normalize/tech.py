"""Numbers and names in computing and gadget text that other rules would misread.

A product or program named by a word and a number (``RTX 4090`` 四零九零, ``Office 2021`` 二零二一,
``iPhone 5s`` 五s — no seconds), a name with dots in it (``Node.js`` Node点js, ``M.2 2280`` M点二二二八零), a host
and its port (``localhost:3000`` …冒号三零零零), a processor (``i9-14900K`` i九一四九零零K), ``C++`` (C加加), ``Wi-Fi``, the Wi-Fi standards
(``802.11ax`` 八零二点一一ax), two bands at once (``2.4G/5G`` 二点四G和五G), counts of ten thousand
written ``w`` (``10w+`` 十万加, ``120w粉丝``; ``100w的灯泡`` is watts), the length of a clip
(``时长3:24`` 三分二十四秒), a shutter speed (``1/8000s`` 八千分之一秒), a model year (``23款的`` 二三款)
and a lead of generations (``领先2代`` 两代). Written for this project.
"""

from __future__ import annotations

import re

from tts.text.normalize.latin import read_address, spell
from tts.text.normalize.money_units import UNIT
from tts.text.normalize.numbers import read_decimal, read_digits, read_fraction, read_int
from tts.text.normalize.rules import START_DIGITS, START_LETTERS, Piece, Rule, context_after, context_before, group, rule

# Words read as counts before a number, not as names or codes (TOP 100 → TOP一百).
_COUNTING_WORDS = frozenset(["top", "no", "level", "lv", "vol", "chapter", "day", "part", "round"])
# What after ``word number`` makes the number count something (MacBook Air 7999起, Pro 5999元).
_COUNTED_AFTER = re.compile(r"\s?(?:[元块起万亿多余人个次台部年月日号岁件款%‰]|美元|英镑|欧元|小时|分钟|秒)")


def _model(match: re.Match[str]) -> list[Piece]:
    """A word and its number: four digits digit by digit unless a round thousand (RTX 4090 四零九零,
    Office 2021 二零二一, Windows 2000 两千), fewer as a number (iPhone 15 十五, AQI 120 一百二十)."""
    word, number, suffix = match["w"], match["n"], match["suf"]
    if word.lower() in _COUNTING_WORDS or len(number) < 4 or number.endswith("000") \
            or _COUNTED_AFTER.match(match.string, match.end()):
        spoken = read_int(number, liang=number.endswith("000"))
    else:
        spoken = read_digits(number)
    pieces = [group(match, "w", spell(word)), group(match, "sp", ""), group(match, "n", spoken)]
    if suffix:
        pieces.append(group(match, "suf", spell(suffix)))
    return pieces


MODEL = rule(
    "model",
    r"(?<![A-Za-z0-9.@_/-])(?P<w>[A-Za-z]{2,})(?P<sp> )(?P<n>[0-9]{1,4})(?P<suf>[a-z]{1,2})?"
    rf"(?![A-Za-z0-9.:/%+\-]|{UNIT})",
    _model,
    START_LETTERS,
)


def _dotted(match: re.Match[str]) -> list[Piece]:
    """Each part of the name, 点 between (Node.js → Node点js, ASP.NET → ASP点NET; Lv.60 and No.1 are
    abbreviations before a number, read elsewhere);
    single letters with dots are an abbreviation, spelled without them (U.S → U S)."""
    parts = match.group().split(".")
    abbreviation = all(len(p) == 1 and p.isalpha() for p in parts)
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


DOTTED_NAME = rule(
    "dotted_name",
    r"(?<![A-Za-z0-9.@_/\\-])(?:[A-Za-z]+\.[A-Za-z][A-Za-z0-9]*|[A-Za-z]+[0-9]+\.[A-Za-z]+)(?:\.[A-Za-z0-9]+)*"
    r"(?![A-Za-z0-9@_]|\.[A-Za-z0-9])",
    _dotted,
    START_LETTERS,
)

HOST_PORT = rule(
    "host_port",
    r"(?<![A-Za-z0-9.@])(?P<host>localhost|(?:[0-9]{1,3}\.){3}[0-9]{1,3}|(?=[A-Za-z0-9.-]*[A-Za-z])[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)"
    r"(?P<c>[:：])(?P<p>[0-9]{2,5})(?![0-9])",
    lambda m: [group(m, "host", read_address(m["host"])), group(m, "c", "冒号"),
               group(m, "p", read_digits(m["p"], yao=True))],
    START_LETTERS + START_DIGITS,
)
# A number before 端口 is the port's, said digit by digit (8080端口).
PORT = rule(
    "port",
    r"(?<![0-9.])(?P<n>[0-9]{2,5})(?=\s?端口)",
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

# Words near a number with w that make it watts (功率100w), not ten thousands (120w粉丝).
_POWER_CONTEXT = re.compile("功率|瓦|灯泡|充电|快充|电源|功耗|输出|电机|马达|音箱|额定|充电器|LED")


def _wan(match: re.Match[str]) -> list[Piece]:
    number, plus = match["n"], match["p"]
    near = context_before(match, 8) + context_after(match, 6)
    if not plus and _POWER_CONTEXT.search(near):
        return [group(match, "n", read_decimal(number, liang=False)), group(match, "w", "瓦")]
    spoken = "两" if number == "2" else read_decimal(number)
    pieces = [group(match, "n", spoken), group(match, "w", "万")]
    if plus:
        pieces.append(group(match, "p", "加"))
    return pieces


# A count of ten thousands written w (10w+, 120w粉丝); with + also W (阅读量10W+).
WAN = rule(
    "wan",
    r"(?<![0-9.A-Za-z])(?P<n>[0-9]{1,4}(?:\.[0-9]{1,2})?)(?:(?P<w>w)|(?P<W>W)(?=\+))(?P<p>\+)?(?![A-Za-z0-9])",
    lambda m: _wan(m) if m["w"] else _wan_plus(m),
    START_DIGITS,
)


def _wan_plus(match: re.Match[str]) -> list[Piece]:
    return [group(match, "n", read_decimal(match["n"])), group(match, "W", "万"), group(match, "p", "加")]


def _clip_length(match: re.Match[str]) -> list[Piece]:
    minutes, seconds = match["m"], match["s"]
    spoken_minutes = "两" if minutes == "2" else read_int(minutes, liang=False)
    spoken_seconds = "" if seconds == "00" else (
        "零" + read_int(seconds[1]) if seconds[0] == "0" else read_int(seconds, liang=False)) + "秒"
    return [group(match, "m", spoken_minutes + "分"), group(match, "c", ""), group(match, "s", spoken_seconds)]


# M:SS after the words of a clip's or a race's length (时长3:24, 成绩3:45): minutes and seconds.
CLIP_LENGTH = rule(
    "clip_length",
    r"(?:(?<=时长)|(?<=用时)|(?<=耗时)|(?<=成绩)|(?<=片长)|(?<=时长为)|(?<=时长：)|(?<=时长:))(?P<m>[0-9]{1,2})(?P<c>[:：])(?P<s>[0-5][0-9])(?![0-9:：])",
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
# A model year (这台是23款的, 23款新车): 二三款.
MODEL_YEAR = rule(
    "model_year",
    r"(?<![0-9.])(?P<n>1[0-9]|2[0-9])(?=款(?:的(?:$|[，。！？；、])|新车|老车|[A-Z]))",
    lambda m: [group(m, "n", read_digits(m["n"]))],
    START_DIGITS,
)
# Words of a lead or a lag before N代: a count of generations (领先对手2代 两代), elsewhere a name (2代 二代).
_LEAD_BEFORE = re.compile("领先|落后|相差|差了|隔了|超前|晚了|早了")


def _generations(match: re.Match[str]) -> list[Piece]:
    counted = _LEAD_BEFORE.search(context_before(match, 8)) is not None
    return [group(match, "n", "两" if counted else "二")]


GENERATIONS = rule("generations", r"(?<![0-9.第])(?P<n>2)(?=代(?![码表理言替价购]))", _generations, "2")

RULES: tuple[Rule, ...] = (HOST_PORT, WIFI_STANDARD, M2_SLOT, CPU_MODEL, ABBREVIATION, CPP, WIFI, DUAL_BAND, CLIP_LENGTH, SHUTTER, MODEL_YEAR, PORT,
                           WAN, GENERATIONS)
