"""Photography, music and audio notation, as a presenter or a music teacher reads it.

``3/4拍`` → 四分之三拍 (a time signature, not a date), ``1/4音符`` → 四分音符, ``2分音符`` → 二分音符,
``♩=120`` → 四分音符等于一百二十, ``#F小调`` → 升F小调, ``Op.27 No.2`` → 作品第二十七号之二,
``2-5-1进行`` and ``卡农进行4536251`` digit by digit, ``车尔尼599`` → 车尔尼五九九, ``120胶片`` → 一二零胶片,
``4:2:2`` → 四二二 (chroma subsampling), ``H.265`` → H二六五, ``ND1000`` → ND一千, ``BPM 128`` → BPM一百二十八, ``2x增距镜`` → 两倍增距镜,
``48kHz/24bit`` → 四十八千赫兹二十四比特 (the slash between two specifications silent), ``33⅓转`` →
三十三又三分之一转.
"""

from __future__ import annotations

import re

from tts.text.normalize.latin import spell
from tts.text.normalize.numbers import read_decimal, read_digits, read_fraction, read_int, read_signed
from tts.text.normalize.rules import START_DIGITS, Rule, group, rule

# A time signature before 拍: 3/4拍 → 四分之三拍, 6/8拍 → 八分之六拍.
TIME_SIGNATURE = rule(
    "time_signature",
    r"(?<![0-9./])(?P<n>[1-9][0-9]?)/(?P<d>(?:2|4|8|16|32))(?=拍(?:$|[，。；、！？）)]|里|中|子|是|为|和|与|或|的(?:节奏|曲子|歌|音乐|舞曲|作品|乐曲|圆舞曲)))",
    lambda m: [group(m, 0, read_fraction(m["n"], m["d"]))],
    START_DIGITS,
)
# A note value: 1/4音符 → 四分音符, 2分音符 → 二分音符 (named by its fraction of a whole note).
NOTE_VALUE = rule(
    "note_value",
    r"(?<![0-9./])(?:1/(?P<d>(?:2|4|8|16|32|64))(?=音符)|(?P<n>(?:2|4|8|16|32|64))(?=分音符))",
    lambda m: [group(m, 0, read_int(m["d"], liang=False) + "分" if m["d"] else read_int(m["n"], liang=False))],
    START_DIGITS,
)
# A tempo mark: ♩=120 → 四分音符等于一百二十 (the note named; the number is read by the formulas).
_NOTE_SYMBOLS = {"♩": "四分音符", "♪": "八分音符"}
TEMPO_NOTE = rule(
    "tempo_note",
    r"[♩♪](?= ?= ?[0-9])",
    lambda m: [group(m, 0, _NOTE_SYMBOLS[m.group()])],
    "♩♪",
)
# A key or a note with its accidental: #F小调 → 升F小调, ♭B大调 → 降B大调, bE大调 → 降E大调.
_ACCIDENTALS = {"#": "升", "♯": "升", "♭": "降", "b": "降"}
_KEY_AFTER = "(?=大调|小调|调|和弦|m和弦|大三|小三|音(?!频|乐|响|箱))"
KEY = rule(
    "key",
    rf"(?<![A-Za-z0-9])(?P<a>[#♯♭]|b(?=[A-G]大调|[A-G]小调))(?P<k>[A-Ga-g]){_KEY_AFTER}",
    lambda m: [group(m, "a", _ACCIDENTALS[m["a"]]), group(m, "k", spell(m["k"]))],
    "#♯♭b",
)
# … or its accidental after the letter: F#小调 → 升F小调, Bb大调 → 降B大调, Eb调.
KEY_AFTER = rule(
    "key_after",
    rf"(?<![A-Za-z0-9])(?P<k>[A-G])(?P<a>[#♯♭b]){_KEY_AFTER}",
    lambda m: [(_ACCIDENTALS[m["a"]] + spell(m["k"]), m.start(), m.end())],
    "ABCDEFG",
)
# An opus number, with the number inside it: Op.27 No.2 → 作品第二十七号之二, Op.64 → 作品第六十四号
# (written Op or op. — OP1 is an anime's opening, OP07 an op-amp).
OPUS = rule(
    "opus",
    r"(?<![A-Za-z])(?:Op\.? ?|op\. ?)(?P<op>[0-9]{1,3})(?:[,，]? ?(?:No|no)\.? ?(?P<no>[0-9]{1,2}))?(?![0-9])",
    lambda m: [group(m, 0, "作品第" + read_int(m["op"], liang=False) + "号"
                     + ("之" + read_int(m["no"], liang=False) if m["no"] else ""))],
    "Oo",
)
# A chord progression in scale degrees, digit by digit: 2-5-1进行 → 二五一, 卡农进行4536251.
CHORD_PROGRESSION = rule(
    "chord_progression",
    r"(?<![0-9.-])(?:(?P<dashed>[1-7](?:-[1-7]){2,7})(?=进行|和弦|的和弦|走向|套路)"
    r"|(?<=进行)(?P<run>[1-7]{4,8})(?=$|[，。；、！？]|和弦|的和弦)|(?P<before>[1-7]{4,8})(?=和弦进行|和弦走向|和弦|进行))",
    lambda m: [group(m, 0, read_digits(re.sub("-", "", m.group())))],
    START_DIGITS,
)
# Numbered books and film formats said digit by digit: 车尔尼599 → 五九九 (but 车尔尼100 一百, its name),
# 120胶片 → 一二零胶片.
CATALOGUE_NUMBER = rule(
    "catalogue_number",
    r"(?:(?<=车尔尼)[0-9]{3}|(?<=[0-9]比)[0-9]{3}(?=难|简单|容易)|(?<![0-9])(?:120|135|220)(?=胶片|胶卷|底片|画幅|相机|的胶片|中画幅|格式))(?![0-9])",
    lambda m: [group(m, 0, "一百" if m.group() == "100" else read_digits(m.group()))],
    START_DIGITS,
)
# Chroma subsampling digit by digit after a bit depth or before what it describes (10bit 4:2:2内录 →
# 十比特四二二内录; a ratio 4:2:2 elsewhere is 四比二比二), and video codecs (H.265 → H二六五).
CHROMA = rule(
    "chroma",
    r"(?:(?<=bit)|(?<=bit )|(?<=色度)|(?<=采样)|(?<=色彩))(?:4:4:4|4:2:2|4:2:0|4:1:1)(?![0-9:])"
    r"|(?<![0-9:])(?:4:4:4|4:2:2|4:2:0|4:1:1)(?=内录|外录|色度|录制|视频|编码|格式| ?(?:8|10|12)bit| HQ)",
    lambda m: [group(m, 0, read_digits(m.group().replace(":", "")))],
    "4",
)
CODEC = rule(
    "codec",
    r"(?<![A-Za-z0-9])(?P<h>[Hh])\.?(?P<n>26[1-6])(?![0-9])",
    lambda m: [group(m, "h", spell(m["h"].upper())), (read_digits(m["n"]), m.end("h"), m.end())],
    "Hh",
)
# A neutral-density filter's strength, a number: ND1000 → ND一千, ND8.
ND_FILTER = rule(
    "nd_filter",
    r"(?<![A-Za-z0-9])ND(?P<n>[0-9]{1,4}(?:\.[0-9])?)(?:-(?P<to>[0-9]{1,4}))?(?![0-9A-Za-z.])",
    lambda m: [(spell("ND"), m.start(), m.start("n")), group(m, "n", read_decimal(m["n"], liang=False)),
               *([(("到" + read_int(m["to"], liang=False)), m.end("n"), m.end())] if m["to"] else [])],
    "N",
)
# A multiplier before a lens or a playback speed: 2x增距镜 → 两倍增距镜, 1.5x倍速 → 一点五倍速, 4x镜 → 四倍镜
# (not a phone's model, 荣耀9X, 小米12X).
_MULTIPLIED = ("增距镜", "增倍镜", "变焦", "光学变焦", "数码变焦", "倍速", "慢放", "快放", "快进", "长焦", "放大", "无损变焦",
               "镜(?!头)")
MULTIPLIER = rule(
    "multiplier",
    rf"(?<![0-9.A-Za-z])(?:(?P<n>[0-9]{{1,3}}(?:\.[0-9])?)[xX](?={'|'.join(_MULTIPLIED)})"
    r"|(?P<m>[0-9]{1,3}(?:\.[0-9])?)x(?=播放|速度|镜头)|(?<![\u4e00-\u9fff])(?P<u>[0-9]{1,3}(?:\.[0-9])?)X(?=播放|速度|镜头))",
    lambda m: [group(m, 0, read_signed(m["n"] or m["m"] or m["u"], liang=False, measure=True)
                     + ("" if m.string.startswith("倍速", m.end()) else "倍"))],
    START_DIGITS,
)
# A sample rate and a bit depth side by side, either way round, the slash silent: 48kHz/24bit → 四十八千赫兹二十四比特,
# 24bit/96kHz → 二十四比特九十六千赫兹.
_RATE = r"(?P<{}>[0-9]{{2,3}}(?:\.[0-9])?) ?kHz"
_DEPTH = r"(?P<{}>8|16|24|32) ?bit"
SAMPLE_FORMAT = rule(
    "sample_format",
    rf"(?<![0-9.])(?:{_RATE.format('rate')} ?/ ?{_DEPTH.format('depth')}|{_DEPTH.format('depth2')} ?/ ?{_RATE.format('rate2')})"
    r"(?![A-Za-z])",
    lambda m: [group(m, 0, (_rate(m["rate"]) + _depth(m["depth"])) if m["rate"] else (_depth(m["depth2"]) + _rate(m["rate2"])))],
    START_DIGITS,
)


def _rate(number: str) -> str:
    return read_decimal(number, liang=False) + "千赫兹"


def _depth(number: str) -> str:
    return read_int(number, liang=False) + "比特"


# Two beats said 两拍 where 拍 ends the phrase (占2拍。; 2拍子, the metre, and 2拍摄 keep 二).
TWO_BEATS = rule(
    "two_beats",
    r"(?<![0-9./:第])2(?=拍(?![摄照卖子的得下了完成出到戏片视]))",
    lambda m: [group(m, 0, "两")],
    "2",
)
# A bit depth alone: 10bit → 十比特.
BIT_DEPTH = rule(
    "bit_depth",
    r"(?<![0-9.])(?P<n>[0-9]{1,2}) ?bit(?![A-Za-z])",
    lambda m: [group(m, 0, _depth(m["n"]))],
    START_DIGITS,
)
# A tempo in beats per minute after its name, a number: BPM 128 → BPM一百二十八 (not a model's digits).
BPM = rule(
    "bpm",
    r"(?<![A-Za-z])(?P<b>BPM|bpm) ?(?P<n>[0-9]{2,3})(?![0-9])",
    lambda m: [(spell(m["b"]), m.start(), m.start("n")), group(m, "n", read_int(m["n"], liang=False))],
    "Bb",
)
# A mixed number with a vulgar fraction: 33⅓转 → 三十三又三分之一转, ½ → 二分之一.
_VULGAR = {"½": (1, 2), "⅓": (1, 3), "⅔": (2, 3), "¼": (1, 4), "¾": (3, 4), "⅕": (1, 5), "⅖": (2, 5), "⅗": (3, 5),
           "⅘": (4, 5), "⅙": (1, 6), "⅚": (5, 6), "⅛": (1, 8), "⅜": (3, 8), "⅝": (5, 8), "⅞": (7, 8)}
VULGAR_FRACTION = rule(
    "vulgar_fraction",
    rf"(?:(?P<i>[0-9]+))?(?P<f>[{''.join(_VULGAR)}])",
    lambda m: [group(m, 0, (read_int(m["i"]) + "又" if m["i"] else "")
                     + read_fraction(*(str(x) for x in _VULGAR[m["f"]])))],
    START_DIGITS + "".join(_VULGAR),
)

RULES: tuple[Rule, ...] = (
    VULGAR_FRACTION, TIME_SIGNATURE, NOTE_VALUE, TEMPO_NOTE, KEY, OPUS, CHORD_PROGRESSION, CATALOGUE_NUMBER, CHROMA,
    CODEC, ND_FILTER, MULTIPLIER, SAMPLE_FORMAT, TWO_BEATS, BIT_DEPTH, BPM, KEY_AFTER,
)
