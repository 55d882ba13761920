"""Numbers on farm labels and in crop news, as an agricultural broadcaster reads them: a fertilizer's
N-P-K ratio (复合肥（15-15-15） 十五杠十五杠十五), crop varieties and farm inputs known by their numbers
(郑单958 郑单九五八, 5406菌肥, 喷施920), and an engine oil's grade on farm machinery and cars (0W-20).
"""

from __future__ import annotations

from tts.text.normalize.latin import spell
from tts.text.normalize.numbers import read_digits, read_int
from tts.text.normalize.rules import START_DIGITS, Rule, group, rule

# A fertilizer's N-P-K ratio, each part said and the dashes 杠 (复合肥（15-15-15） 十五杠十五杠十五, 磷酸二铵
# 18-46-0): three numbers in brackets or right after the fertilizer; not a range.
NPK_RATIO = rule(
    "npk_ratio",
    r"(?:(?<=[（(])|(?<=肥)|(?<=型)|(?<=铵)|(?<=钾)|(?<=NPK)|(?<=NPK )|(?<=配方)|(?<=养分)|(?<=配比))"
    r"(?P<a>[0-9]{1,2})-(?P<b>[0-9]{1,2})-(?P<c>[0-9]{1,2})(?![0-9.-])",
    lambda m: [group(m, 0, "杠".join(read_int(m[k], liang=False) for k in "abc"))],
    START_DIGITS,
)
# Crop varieties and farm inputs named by a number, digit by digit (郑单958 郑单九五八, 先玉335, 5406菌肥,
# 喷施920 — gibberellin): after a variety's name, or the number the product is known by.
_VARIETY_NAMES = ("郑单", "先玉", "百农", "登海", "浚单", "济麦", "中麦", "扬麦", "周麦", "西农", "鲁原", "烟农", "豫麦", "良星",
                  "中单", "伟科", "秋乐", "裕丰", "联创", "川单", "苏玉", "宁麦", "山农", "泰农", "鲁单", "冀麦",
                  "石麦", "矮抗", "漯麦", "洛旱", "濮麦", "淮麦", "中黄", "齐黄", "冀豆", "黑农", "合丰", "绥农", "东农", "中棉",
                  "鲁棉", "冀棉", "湘杂", "南粳", "淮稻", "龙粳", "绥粳", "吉粳", "隆平", "德美亚", "迪卡")
VARIETY_NUMBER = rule(
    "variety_number",
    "(?:" + "|".join(f"(?<={name})" for name in _VARIETY_NAMES) + r")(?P<n>[0-9]{3})(?![0-9.])"
    r"|(?<![0-9.])(?:5406(?=菌|抗生菌|细胞分裂素)|(?<=喷施)920|(?<=喷洒)920|920(?=溶液|粉剂|[（(]赤霉素))",
    lambda m: [group(m, 0, read_digits(m.group()))],
    START_DIGITS,
)
# An engine oil's viscosity grade: 0W-20 → 零W二十, 5W-30 (the W a letter, the dash silent).
OIL_GRADE = rule(
    "oil_grade",
    r"(?<![0-9A-Za-z.])(?P<a>0|5|10|15|20|25)[Ww]-?(?P<b>8|12|16|20|30|40|50|60)(?![0-9A-Za-z万])",
    lambda m: [group(m, 0, read_int(m["a"], liang=False) + spell("W") + read_int(m["b"], liang=False))],
    START_DIGITS,
)

RULES: tuple[Rule, ...] = (NPK_RATIO, VARIETY_NUMBER, OIL_GRADE)
