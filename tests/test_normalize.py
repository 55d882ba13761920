"""Text normalization: a table of (input, expected reading) pairs per category, plus properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tts.errors import InputError
from tts.text.normalize import normalize, normalize_with_spans
from tts.text.normalize.chars import is_kept
from tts.text.normalize.numbers import read_int

CARDINALS = [
    ("0", "零"), ("5", "五"), ("10", "十"), ("15", "十五"), ("20", "二十"), ("22", "二十二"),
    ("102", "一百零二"), ("110", "一百一十"), ("200", "二百"), ("1005", "一千零五"),
    ("2000", "两千"), ("10010", "一万零一十"), ("20000", "两万"), ("22000", "两万二千"),
    ("100010", "十万零一十"), ("150000", "十五万"), ("1000500", "一百万零五百"),
    ("12003000", "一千二百万三千"), ("12000300", "一千二百万零三百"), ("100000000", "一亿"),
    ("100003000", "一亿零三千"), ("100010000", "一亿零一万"), ("200000000", "两亿"),
]

CASES = [
    # integers, decimals, signs, thousands separators
    ("1,299.50", "一千二百九十九点五零"),
    ("1,000,000", "一百万"),
    ("3.14", "三点一四"),
    ("0.5", "零点五"),
    ("-5", "负五"),
    ("-1.5", "负一点五"),
    ("他有12个苹果", "他有十二个苹果"),
    ("1.5亿", "一点五亿"),
    ("30多个", "三十多个"),
    ("007", "零零七"),
    ("12345678901234567890", "一二三四五六七八九零一二三四五六七八九零"),
    # 二 versus 两
    ("2个人", "两个人"),
    ("我有2本书", "我有两本书"),
    ("2次", "两次"),
    ("2万", "两万"),
    ("2亿", "两亿"),
    ("2米", "两米"),
    ("2年", "两年"),
    ("22个", "二十二个"),
    ("2", "二"),
    ("第2个", "第二个"),
    ("2月", "二月"),
    ("2号", "二号"),
    ("2年级", "二年级"),
    ("三年级2班", "三年级二班"),
    ("1-2个", "一到两个"),
    ("放2汤匙糖", "放两汤匙糖"),
    ("3局2胜制", "三局两胜制"),
    ("第2局", "第二局"),
    ("2季度", "二季度"),  # the second quarter
    ("沿318国道", "沿三一八国道"),  # a road's number, digit by digit
    ("共有318人", "共有三百一十八人"),
    ("2024财年", "二零二四财年"),
    ("(2023)京01民初123号", "（二零二三）京零一民初一百二十三号"),  # a case number's year
    ("“618”大促", "“六一八”大促"),
    ("康熙在位61年", "康熙在位六十一年"),  # a duration, not the year 61
    ("师生比为1:18", "师生比为一比十八"),  # a ratio, not a clock time
    ("他10:18到", "他十点十八分到"),
    ("如图3-1所示", "如图三杠一所示"),  # a figure's number
    ("地图3-5张", "地图三到五张"),
    ("光速约为3×10⁸米/秒", "光速约为三乘十的八次方米每秒"),  # superscript exponents
    ("1纳米等于10⁻⁹米", "一纳米等于十的负九次方米"),
    ("约6.02×10²³", "约六点零二乘十的二十三次方"),
    ("g取9.8米/秒²", "吉取九点八米每二次方秒"),
    ("面积100m²", "面积一百平方米"),
    ("若y=-x", "若歪等于负艾克斯"),
    ("∠C=90°", "角西等于九十度"),
    ("预计送达时间：18:45", "预计送达时间：十八点四十五分"),  # a clock after a full-width colon
    ("剩余时长01:23:45", "剩余时长一小时二十三分四十五秒"),  # a duration
    ("订单将在29:59后取消", "订单将在二十九分五十九秒后取消"),
    ("比分21:19", "比分二十一比十九"),
    ("会员85折", "会员八五折"),
    ("年度TOP100", "年度提欧批一百"),
    ("1080P高清", "一零八零批高清"),
    ("评论区一片666", "评论区一片六六六"),
    ("笑死我了 2333", "笑死我了二三三三"),
    ("共2333人", "共两千三百三十三人"),
    ("在线人数2w+", "在线人数两万加"),
    ("共计¥2,580.50", "共计两千五百八十点五元"),
    ("2.5元", "二点五元"),
    # ordinals
    ("第3", "第三"),
    ("第22名", "第二十二名"),
    ("第2000", "第二千"),
    # fractions and percentages
    ("3/4", "四分之三"),
    ("1/2", "二分之一"),
    ("50%", "百分之五十"),
    ("50 %", "百分之五十"),
    ("增长0.2%", "增长百分之零点二"),
    ("-5%", "负百分之五"),
    ("3‰", "千分之三"),
    ("3-5%", "百分之三到百分之五"),
    ("10.5%~12%", "百分之十点五到百分之十二"),
    # ranges, ratios, equations
    ("3-5", "三到五"),
    ("10~20", "十到二十"),
    ("3-5个", "三到五个"),
    ("2010-2020年", "二零一零到二零二零年"),
    ("比分3:2", "比分三比二"),
    ("1+1=2", "一加一等于二"),
    ("5-3=2", "五减三等于二"),
    ("3×4", "三乘四"),
    # dates and years
    ("2023年6月9日", "二零二三年六月九日"),
    ("2023-06-09", "二零二三年六月九日"),
    ("2023/6/9", "二零二三年六月九日"),
    ("2023.6.9", "二零二三年六月九日"),
    ("06月09日", "六月九日"),
    ("2023-06", "二零二三年六月"),
    ("1999年12月31日", "一九九九年十二月三十一日"),
    ("86年", "八六年"),
    ("10年", "十年"),
    ("近20年", "近二十年"),
    ("公元前221年", "公元前二二一年"),
    ("80年代", "八十年代"),
    ("20世纪90年代", "二十世纪九十年代"),
    ("1980年代", "一九八零年代"),
    ("90后", "九零后"),
    # clock times
    ("14:30", "十四点三十分"),
    ("14:30:05", "十四点三十分零五秒"),
    ("12:00:00", "十二点"),
    ("北京时间12:00:00", "北京时间十二点整"),
    ("2^10=1024", "二的十次方等于一千零二十四"),  # powers, roots, scientific notation
    ("x^2+y^2=1", "艾克斯的平方加歪的平方等于一"),
    ("10^-3", "十的负三次方"),
    ("√2", "根号二"),
    ("1.5E+8", "一点五乘十的八次方"),
    ("1.5万-2万元", "一点五万到两万元"),  # a range whose first end has its own 万
    ("第Ⅲ卷", "第三卷"),  # Unicode roman numerals
    ("1天2夜", "一天两夜"),
    ("2两白酒", "二两白酒"),  # the weight 两 takes 二
    ("06/09/2023", "二零二三年六月九日"),  # dates with the year last
    ("25/12/2023", "二零二三年十二月二十五日"),
    ("6.1儿童节", "六一儿童节"),  # days named by their numbers
    ("3.15晚会", "三一五晚会"),
    ("10.1国庆", "十一国庆"),
    ("11.11购物节", "双十一购物节"),
    ("2.5节课", "二点五节课"),  # but a decimal stays one
    ("2室1厅", "两室一厅"),
    ("3楼302", "三楼三零二"),  # a room number after the floor
    ("大楼2000平米", "大楼两千平米"),  # but not an amount
    ("14:00", "十四点"),  # a full hour is only the hour …
    ("北京时间14:00", "北京时间十四点整"),  # … but for the time signal
    ("2:30", "两点三十分"),
    ("9点半", "九点半"),
    ("2点半", "两点半"),
    ("用时2分05秒", "用时两分零五秒"),  # a duration: 两分
    ("得了2分", "得了两分"),
    ("3点2分", "三点二分"),  # the minute of a clock time: 二
    ("门牌号是22号", "门牌号是二十二号"),  # a house number is a number; a room is read digit by digit
    ("房间号是305", "房间号是三零五"),
    ("14时05分", "十四时零五分"),
    ("8:00-9:30", "八点到九点三十分"),  # 整 only for a time alone
    # money
    ("¥12.5", "十二点五元"),
    ("¥1,299.50", "一千二百九十九点五元"),  # trailing zeros of a sum are not read
    ("¥100.00", "一百元"),
    ("$0.50", "零点五美元"),
    ("￥100元", "一百元"),
    ("12块5", "十二块五"),
    ("20.1万元", "二十点一万元"),
    ("$3", "三美元"),
    ("¥20万", "二十万元"),
    ("€50", "五十欧元"),
    ("HK$100", "一百港元"),
    ("100USD", "一百美元"),
    ("2元", "两元"),
    ("5元/斤", "五元每斤"),
    ("9.9元/kg", "九点九元每千克"),
    ("$3,000", "三千美元"),
    ("$3.5万", "三点五万美元"),
    ("1990-2000元", "一千九百九十到两千元"),
    # temperatures
    ("-3.5°C", "零下三点五摄氏度"),
    ("-3℃", "零下三摄氏度"),
    ("25°C", "二十五摄氏度"),
    ("气温-5~3℃", "气温零下五到三摄氏度"),
    ("20-25℃", "二十到二十五摄氏度"),
    ("-5度", "零下五度"),
    ("98.6°F", "九十八点六华氏度"),
    # units
    ("5kg", "五千克"),
    ("2kg", "两千克"),
    ("100km", "一百公里"),
    ("5 kg", "五千克"),
    ("100m²", "一百平方米"),
    ("60km/h", "六十公里每小时"),
    ("3-5km/h", "三到五公里每小时"),
    ("500ml", "五百毫升"),
    ("10cm", "十厘米"),
    ("5mm", "五毫米"),
    ("500g", "五百克"),
    ("30mg", "三十毫克"),
    ("100kW", "一百千瓦"),
    ("16GB", "十六吉比"),  # data sizes as people say them: the letters
    ("512MB", "五百一十二艾姆比"),
    ("2TB", "两提比"),
    ("6.1mmol/L", "六点一毫摩尔每升"),
    ("35μg/m³", "三十五微克每立方米"),
    ("50Hz", "五十赫兹"),
    ("5000mAh", "五千毫安时"),
    ("5㎏", "五千克"),
    ("PM2.5浓度为35μg/m³", "批艾姆二点五浓度为三十五微克每立方米"),
    ("km", "开艾姆"),
    # phone numbers, codes, serials
    ("13812345678", "幺三八幺二三四五六七八"),
    ("+86 138 1234 5678", "加八六幺三八幺二三四五六七八"),
    ("010-12345678", "零幺零幺二三四五六七八"),
    ("0755-1234567", "零七五五幺二三四五六七"),
    ("(010)12345678", "零幺零幺二三四五六七八"),
    ("400-810-8888", "四零零八幺零八八八八"),
    ("拨打110", "拨打幺幺零"),
    ("请拨打110或者120", "请拨打幺幺零或者幺二零"),  # service numbers where a call is spoken of
    ("火警119", "火警幺幺九"),
    ("120急救车来了", "幺二零急救车来了"),
    ("有120人参加", "有一百二十人参加"),  # but a count stays a count
    ("他打了120分", "他打了一百二十分"),
    ("编号0101", "编号零幺零幺"),
    ("房间302", "房间三零二"),
    ("302室", "三零二室"),
    ("No.1", "第一"),
    ("No.12345", "编号幺二三四五"),
    ("CA1234航班", "西诶幺二三四航班"),
    ("192.168.1.1", "幺九二点幺六八点幺点幺"),
    ("版本1.2.3", "版本一点二点三"),
    # full-width characters
    ("２０２３年", "二零二三年"),
    ("１２３", "一百二十三"),
    ("ＡＢＣ", "诶比西"),
    ("３．５", "三点五"),
    # Latin letters, acronyms, words, e-mail, URLs, Greek
    ("GDP", "吉迪批"),
    ("NBA", "恩比诶"),
    ("AI", "诶艾"),
    ("OK", "欧开"),
    ("ok", "欧开"),
    ("hello", "艾尺伊艾乐艾乐欧"),
    ("A4纸", "诶四纸"),
    ("MP3", "艾姆批三"),
    ("H7N9", "艾尺七恩九"),
    ("5G", "五吉"),
    ("café", "西诶艾弗伊"),
    ("user@example.com", "优艾斯伊阿尔艾特伊艾克斯诶艾姆批艾乐伊点康姆"),
    ("www.gov.cn", "达布留达布留达布留点吉欧维点西恩"),
    ("https://abc.com/x", "诶比西点康姆斜杠艾克斯"),
    ("α", "阿尔法"),
    ("@张三", "艾特张三"),
    ("C++", "西加加"),
    # punctuation, whitespace, control characters, emoji
    ("什么?", "什么？"),
    ("真的!", "真的！"),
    ("如下:", "如下："),
    ("你好,世界.", "你好，世界。"),
    ("(注)", "（注）"),
    ("等等...", "等等……"),
    ("“引号”", "“引号”"),
    ("你好\n世界", "你好。世界"),
    ("你好。\n世界", "你好。世界"),
    ("你好  世界", "你好世界"),
    ("共 3 个", "共三个"),
    ("控制\x00字符\u200b", "控制字符"),
    ("😀你好🎉", "你好"),
    ("今天是个好日子，我们一起去公园散步吧。", "今天是个好日子，我们一起去公园散步吧。"),
]

# A slash in a rate reads 每, after an amount with a unit or a bare (or priced) amount before a
# measure word or unit; elsewhere it is silent.
RATES = [
    ("自助餐¥80/人。", "自助餐八十元每人。"),
    ("$5/次", "五美元每次"),
    ("100元/天", "一百元每天"),
    ("3000元/月", "三千元每月"),
    ("¥50/小时", "五十元每小时"),
    ("20元/件", "二十元每件"),
    ("5kg/人", "五千克每人"),
    ("¥1.2万/月", "一点二万元每月"),
    ("80元/人/天", "八十元每人每天"),
    ("¥9.9/kg", "九点九元每千克"),
    ("限购2件/人", "限购两件每人"),
    ("120/小时", "一百二十每小时"),
    # not rates
    ("男/女", "男女"),
    ("和/或", "和或"),
    ("a/kg", "诶开吉"),
    ("3/4", "四分之三"),
]

# A range between two numbers that each carry a unit keeps its 到.
UNIT_RANGES = [
    ("明天白天气温-5℃~3℃。", "明天白天气温零下五摄氏度到三摄氏度。"),
    ("-5°C~3°C", "零下五摄氏度到三摄氏度"),
    ("-10℃~-3℃", "零下十摄氏度到零下三摄氏度"),
    ("5℃-10℃", "五摄氏度到十摄氏度"),
    ("5度-10度", "五度到十度"),
    ("10kg~20kg", "十千克到二十千克"),
    ("2kg-3kg", "两千克到三千克"),
    ("500g~1kg", "五百克到一千克"),
    ("5 kg - 10 kg", "五千克到十千克"),
    # a unit at the end only, or percentages: as before
    ("5~10℃", "五到十摄氏度"),
    ("20%~30%", "百分之二十到百分之三十"),
    ("3-5km/h", "三到五公里每小时"),
]

# A unit symbol after 万 / 亿 is still a unit.
MAGNITUDE_UNITS = [
    ("中国陆地面积约960万km²。", "中国陆地面积约九百六十万平方公里。"),
    ("3.5万km", "三点五万公里"),
    ("20万kg", "二十万千克"),
    ("2万kg", "两万千克"),
    ("1.2亿m³", "一点二亿立方米"),
    ("1.2万亿m³", "一点二万亿立方米"),
    ("10万USD", "十万美元"),
    ("1.5万-2万km", "一点五万到两万公里"),
    ("10万kg/年", "十万千克每年"),
    # letters that are no unit, or no number before 万: spelled as before
    ("5万A股", "五万诶股"),
    ("万km", "万开艾姆"),
]

# M/D is a date where the words around say so, else a fraction.
MONTH_DAYS = [
    ("您的快递预计12/25送达。", "您的快递预计十二月二十五日送达。"),
    ("活动时间：1/2-1/5", "活动时间：一月二日到一月五日"),
    ("1/2~1/5放假", "一月二日到一月五日放假"),
    ("12/20-12/25", "十二月二十日到十二月二十五日"),  # not both common fractions
    ("12/28-1/3", "十二月二十八日到一月三日"),  # across the new year
    ("请在12/20-12/25之间送达", "请在十二月二十日到十二月二十五日之间送达"),  # falls as fractions
    ("时间1/2至1/5", "时间一月二日至一月五日"),
    ("从12/1到12/31", "从十二月一日到十二月三十一日"),
    ("截至3/31", "截至三月三十一日"),
    ("日期:12/25", "日期：十二月二十五日"),
    ("在12/25", "在十二月二十五日"),
    ("到11/30", "到十一月三十日"),
    ("预计在1/20", "预计在一月二十日"),  # a date lead before the weak one
    ("从1/20起", "从一月二十日起"),  # a date word after
    ("于3/5举行", "于三月五日举行"),
    ("12/25前", "十二月二十五日前"),
    ("1/5起", "一月五日起"),
    ("12/25日", "十二月二十五日"),
    ("10/1放假", "十月一日放假"),
    # fractions stay fractions
    ("完成了3/4", "完成了四分之三"),
    ("1/3的人", "三分之一的人"),
    ("占3/5", "占五分之三"),
    ("3/4杯", "四分之三杯"),
    ("12/25", "二十五分之十二"),
    ("大于1/2", "大于二分之一"),
    ("在1/3的人中", "在三分之一的人中"),
    ("从1/3提高到1/2", "从三分之一提高到二分之一"),
    ("-1/2", "负二分之一"),
    ("13/25送达", "二十五分之十三送达"),
    # after a weak lead: one part of many, or words of a share or change around it
    ("体积缩小到1/20", "体积缩小到二十分之一"),
    ("成本降到1/12", "成本降到十二分之一"),
    ("概率从1/20提高到1/15", "概率从二十分之一提高到十五分之一"),
    ("在1/16的比例下", "在十六分之一的比例下"),
    ("到1/20", "到二十分之一"),
    ("比例在3/20", "比例在二十分之三"),
    # a range out of order as dates, of common fractions, or among words of a share
    ("概率在1/6-1/3之间", "概率在六分之一到三分之一之间"),
    ("在1/4～1/3之间", "在四分之一到三分之一之间"),
    ("占比约1/4-1/3", "占比约四分之一到三分之一"),
    ("1/2~1/5", "二分之一到五分之一"),
    ("1/4-3/4", "四分之一到四分之三"),
    ("比例为2/15-3/20", "比例为十五分之二到二十分之三"),
    # 约在 / 约于 arrange a day (no share); 约 alone and a share before 约在 stay fractions
    ("我们约在12/25见面", "我们约在十二月二十五日见面"),
    ("工期约在3/20完成", "工期约在三月二十日完成"),
    ("约3/20", "约二十分之三"),
    ("比例约在3/20", "比例约在二十分之三"),
]

# A-B next to the words of a match result is a score (比), elsewhere a range (到).
SCORES = [
    ("最终主队3-5不敌客队。", "最终主队三比五不敌客队。"),
    ("以3-1战胜", "以三比一战胜"),
    ("2-2战平", "二比二战平"),
    ("中国队以3-1战胜日本队", "中国队以三比一战胜日本队"),
    ("比分定格在2-1", "比分定格在二比一"),
    ("湖人队102-98击败勇士", "湖人队一百零二比九十八击败勇士"),
    ("3-1胜出", "三比一胜出"),
    ("半场1—0", "半场一比零"),
    # ranges stay ranges
    ("3-5天", "三到五天"),
    ("气温3-5度", "气温三到五度"),
    ("每次3-5粒", "每次三到五粒"),
    ("以3-5为宜", "以三到五为宜"),
    ("主队3-5名球员", "主队三到五名球员"),
    ("3~1胜", "三到一胜"),
    # scores listed together share the result words after the last one and before the first
    ("郑钦文以6-4、7-5击败对手。", "郑钦文以六比四、七比五击败对手。"),
    ("以6-4和7-5战胜", "以六比四和七比五战胜"),
    ("以6-4、7-5的比分获胜", "以六比四、七比五的比分获胜"),
    ("比分定格在6-4、7-5", "比分定格在六比四、七比五"),
    # a list of ranges is no score
    ("3-5天、6-8周", "三到五天、六到八周"),
    ("以3-5为宜，2-1战胜", "以三到五为宜，二比一战胜"),
]

# Events and days named by their month and day, read digit by digit (1 as 一).
EVENT_NAMES = [
    ("911事件", "九一一事件"),
    ("9·11", "九一一"),
    ("9·11事件", "九一一事件"),
    ("3·15晚会", "三一五晚会"),
    ("5·12汶川地震", "五一二汶川地震"),
    ("7·21特大暴雨", "七二一特大暴雨"),
    ("12·9运动", "一二九运动"),
    ("1·28事变", "一二八事变"),
    ("918事变", "九一八事变"),
    ("512地震", "五一二地震"),
    ("12·12事变", "双十二事变"),
    ("10·1", "十一"),
    ("9・11", "九一一"),  # the katakana middle dot
    # numbers that name no event
    ("911", "九百一十一"),
    ("100事件", "一百事件"),
    ("125运动员", "一百二十五运动员"),
]

# Race times: two digits after N秒 are hundredths, read digit by digit.
RACE_TIMES = [
    ("苏炳添跑出了9秒83的好成绩。", "苏炳添跑出了九秒八三的好成绩。"),
    ("10秒05", "十秒零五"),
    ("3分45秒12", "三分四十五秒一二"),
    # seconds alone, or a count after them
    ("45秒", "四十五秒"),
    ("用时2分05秒", "用时两分零五秒"),
    ("跑了10秒50米", "跑了十秒五十米"),
    ("5秒123", "五秒一百二十三"),
]


# A six-digit stock code in brackets after a company's name (or after a code word) is read digit by
# digit with 幺 — when the name or the words nearby are of a company or the market and no unit
# follows.
STOCK_CODES = [
    ("贵州茅台（600519）股价报1,688元。", "贵州茅台（六零零五幺九）股价报一千六百八十八元。"),
    ("平安银行（000001）今日放量上涨。", "平安银行（零零零零零幺）今日放量上涨。"),
    ("宁德时代(300750)", "宁德时代（三零零七五零）"),
    ("股票代码300750", "股票代码三零零七五零"),
    ("证券代码：000001", "证券代码：零零零零零幺"),
    # other bracketed numbers stay numbers
    ("（600519）", "（六十万零五百一十九）"),
    ("全年营收（12345）", "全年营收（一万二千三百四十五）"),
    ("收入600519元", "收入六十万零五百一十九元"),
    ("这个数字（123456）不对", "这个数字（十二万三千四百五十六）不对"),  # no company, no market
    ("共有（150000）元", "共有（十五万）元"),  # a unit after the bracket
    ("共有（150000）股", "共有（十五万）股"),
    # a company's name, or the market spoken of nearby
    ("中国平安（601318）", "中国平安（六零幺三幺八）"),
    ("该股（600519）今日涨停", "该股（六零零五幺九）今日涨停"),
    ("茅台（600519）收报1688元", "茅台（六零零五幺九）收报一千六百八十八元"),
]

# A written sign after 同比 / 环比 / 较去年同期 is the change (增长 / 下降); beside a word that says
# the change a sign that agrees with it is silent; elsewhere + reads 正 and - 负.
SIGNED_CHANGES = [
    ("公司净利润2.35亿元，同比+3.2%。", "公司净利润二点三五亿元，同比增长百分之三点二。"),
    ("同比-1.5%", "同比下降百分之一点五"),
    ("环比-0.8%", "环比下降百分之零点八"),
    ("同比：+3%", "同比：增长百分之三"),
    ("同比+3.2个百分点", "同比增长三点二个百分点"),
    ("同比+1.5万元", "同比增长一点五万元"),
    ("较去年同期+3.2%", "较去年同期增长百分之三点二"),
    ("比上年-1.5%", "比上年下降百分之一点五"),
    # after (or right before) a word that says the change, a sign that agrees with it is silent
    ("营收同比增长+3.2%", "营收同比增长百分之三点二"),
    ("CPI同比上涨+2.1%", "西批艾同比上涨百分之二点一"),
    ("股价下跌-2%", "股价下跌百分之二"),
    ("同比下降-2%", "同比下降百分之二"),
    ("同比+3.2%增长", "同比百分之三点二增长"),
    ("同比增长-3.2%", "同比增长负百分之三点二"),  # a fall, said as growth below zero
    ("从-3降到-5", "从负三降到负五"),  # a level before such a word keeps its sign
    # elsewhere the signs read 正 and 负
    ("+3.2%", "正百分之三点二"),
    ("涨跌幅为-1.25%", "涨跌幅为负百分之一点二五"),
    ("+5", "正五"),
    ("同比增长3%", "同比增长百分之三"),
    ("涨跌幅为+1.25%", "涨跌幅为正百分之一点二五"),
]

# A/B right before a unit of pressure is a blood pressure, read with 比.
BLOOD_PRESSURES = [
    ("成人正常血压应低于120/80mmHg。", "成人正常血压应低于一百二十比八十毫米汞柱。"),
    ("血压130/85 mmHg", "血压一百三十比八十五毫米汞柱"),
    ("120/80毫米汞柱", "一百二十比八十毫米汞柱"),
    ("16/10.7kPa", "十六比十点七千帕"),
    ("收缩压140mmHg", "收缩压一百四十毫米汞柱"),
    # a slash before no unit of pressure: a fraction as before
    ("120/80", "八十分之一百二十"),
    ("血压下降了1/3", "血压下降了三分之一"),
]

# Powers: a unit symbol after a power or scientific notation is a unit; ² and ³ are powers too
# (的平方, 的立方, as 10^2 reads), after a number or a letter.
POWERS = [
    ("光速约为3×10^8 m/s。", "光速约为三乘十的八次方米每秒。"),
    ("3×10^8m/s", "三乘十的八次方米每秒"),
    ("6.02×10^23个", "六点零二乘十的二十三次方个"),
    ("10^3 kg", "十的立方千克"),
    ("1.5e8kg", "一点五乘十的八次方千克"),
    ("勾股定理：a²+b²=c²。", "勾股定理：诶的平方加比的平方等于西的平方。"),
    ("x²", "艾克斯的平方"),
    ("3²+4²=5²", "三的平方加四的平方等于五的平方"),
    ("10²", "十的平方"),
    ("10³", "十的立方"),
    # units with their own ² and ³, and letters after a letter's power: as before
    ("5m²", "五平方米"),
    ("1.2亿m³", "一点二亿立方米"),
    ("价格5万元/m²", "价格五万元每平方米"),
    ("x^2 m", "艾克斯的平方艾姆"),
    # after a number's power a unit of one letter may stand a space apart
    ("1.5e8 m", "一点五乘十的八次方米"),
    ("10^3 t", "十的立方吨"),
]

# A unit symbol right after 每 is a unit.
UNITS_AFTER_EACH = [
    ("每m²", "每平方米"),
    ("单价每m²5万元", "单价每平方米五万元"),
    ("每kg", "每千克"),
    ("每h", "每小时"),
    # letters that are no unit: spelled, a letter's power as before
    ("每x²", "每艾克斯的平方"),
    ("每mile", "每艾姆艾艾乐伊"),
]

# Years in the brackets of a document number are read digit by digit, as years are.
DOCUMENT_YEARS = [
    ("国务院办公厅印发国办发〔2023〕15号文件。", "国务院办公厅印发国办发〔二零二三〕十五号文件。"),
    ("国发[2024]3号", "国发二零二四三号"),
    ("京政发［2022］1号", "京政发二零二二一号"),
    ("【2023】", "【二零二三】"),
    # not a year
    ("〔20230〕", "〔两万零二百三十〕"),
    ("（2023）", "（两千零二十三）"),
]

# Numbers that name something — the 985 / 211 programmes, internet slang, shopping days — are
# read digit by digit where they count nothing.
NAMED_NUMBERS = [
    ("该校是985、211重点高校。", "该校是九八五、二幺幺重点高校。"),
    ("报考985/211高校", "报考九八五二幺幺高校"),
    ("985和211", "九八五和二幺幺"),
    ("985高校", "九八五高校"),
    ("211工程", "二幺幺工程"),
    ("520当天很多情侣去登记结婚。", "五二零当天很多情侣去登记结婚。"),
    ("网友在评论区刷了一排666。", "网友在评论区刷了一排六六六。"),
    ("1314寓意一生一世。", "一三一四寓意一生一世。"),
    ("520代表我爱你", "五二零代表我爱你"),
    ("520代表着爱", "五二零代表着爱"),
    ("1314代表的是一生一世", "一三一四代表的是一生一世"),
    ("618年中大促即将开始。", "六一八年中大促即将开始。"),
    ("618购物节", "六一八购物节"),
    ("今天是520，", "今天是五二零，"),
    # amounts, ranks, years and other names stay numbers
    ("985所高校", "九百八十五所高校"),
    ("有211人", "有二百一十一人"),
    ("第985", "第九百八十五"),
    ("520元", "五百二十元"),
    ("666个", "六百六十六个"),
    ("共520", "共五百二十"),
    ("大会共有520代表出席", "大会共有五百二十代表出席"),  # delegates, not a meaning
    ("520代表团", "五百二十代表团"),
    ("第618", "第六百一十八"),
    ("618年，唐朝建立", "六百一十八年，唐朝建立"),
    ("公元618年", "公元六一八年"),
    ("233路公交车", "二百三十三路公交车"),
    ("520-1314", "五百二十到一千三百一十四"),
    ("5.20", "五点二零"),
    # slang said as a reaction alone as a clause, or sent after 爱你
    ("666，太强了！", "六六六，太强了！"),
    ("我爱你1314。", "我爱你一三一四。"),
    ("886！", "八八六！"),
    ("233。", "二三三。"),
    ("5201314", "五二零一三一四"),
    # but not an answer, an amount or a list
    ("多少钱？520。", "多少钱？五百二十。"),
    ("价格：666。", "价格：六百六十六。"),
    ("666元，太贵了", "六百六十六元，太贵了"),
    ("1、233、456", "一、二百三十三、四百五十六"),
    ("第666，", "第六百六十六，"),
]

# After a code word a number is a code unless it counts something (a unit or measure word follows);
# words that pick digits out make a code too; after a code word digits joined by dashes are one
# code (杠 for each dash); keypad keys are named (星号, 井号).
CODE_NUMBERS = [
    ("新出的手机1999元，值不值？", "新出的手机一千九百九十九元，值不值？"),
    ("手机2021年", "手机二零二一年"),
    ("密码6位", "密码六位"),
    ("拨打2次", "拨打两次"),
    ("热线24小时", "热线二十四小时"),
    ("航班2点起飞", "航班两点起飞"),
    ("有事打分机8021。", "有事打分机八零二幺。"),  # codes that count nothing stay codes
    ("验证码是846312，5分钟内有效。", "验证码是八四六三幺二，五分钟内有效。"),
    ("他的工号是1024号", "他的工号是幺零二四号"),
    ("房间302室", "房间三零二室"),
    ("订单号后四位4521。", "订单号后四位四五二幺。"),
    ("卡号后四位是8888", "卡号后四位是八八八八"),
    ("手机号后4位是1234", "手机号后四位是幺二三四"),
    ("尾数37", "尾数三七"),
    ("排名前3位的选手", "排名前三位的选手"),  # no number after, or one that counts
    ("卡号后四位100元", "卡号后四位一百元"),
    ("后3位选手得了120分", "后三位选手得了一百二十分"),
    ("你的取件码3-2-1108，记得去拿。", "你的取件码三杠二杠幺幺零八，记得去拿。"),
    ("取件码是：3-2-1108", "取件码是：三杠二杠幺幺零八"),
    ("编号3-1108", "编号三杠幺幺零八"),
    ("订单号2023-0815-001", "订单号二零二三杠零八幺五杠零零幺"),
    ("编号1-10的选手", "编号一到十的选手"),  # two numbers that can be a range stay one
    ("电话010-12345678", "电话零幺零幺二三四五六七八"),
    ("电话400-810-8888", "电话四零零八幺零八八八八"),
    ("门禁密码是1234#。", "门禁密码是幺二三四井号。"),
    ("拨打*123#查询话费", "拨打星号幺二三井号查询话费"),
    ("输入*#06#", "输入星号井号零六井号"),
    ("按#键结束", "按井号键结束"),
    ("按#号键", "按井号键"),
    ("按*号键", "按星号键"),
    ("5#楼", "五号楼"),  # a # before a building is 号; topic tags and Markdown are no keys
    ("#双11#", "双十一"),
    ("#双11#购物", "双十一购物"),
    ("#话题12#34#", "话题十二三十四"),
    ("**50%**", "百分之五十"),
    # after 车次 / 航班 / 班次 a train or flight number is a code even before 次
    ("车次1461次列车", "车次幺四六幺次列车"),
    ("航班2次延误", "航班两次延误"),
    # 多 before a measure word, or a unit symbol, makes the number count something
    ("手机200多块钱", "手机二百多块钱"),
    ("这款手机128G内存", "这款手机一百二十八吉内存"),
    ("手机5000mAh", "手机五千毫安时"),
    ("分机8021多", "分机八零二幺多"),
    # pickup and other codes; digits picked out by 末尾N位
    ("你的取件码是5106", "你的取件码是五幺零六"),
    ("取餐码5106", "取餐码五幺零六"),
    ("取件码2个", "取件码两个"),
    ("银行卡末尾4位是6688", "银行卡末尾四位是六六八八"),
    ("银行卡里有6688元", "银行卡里有六千六百八十八元"),
    # keys pressed or sent after 按 / 回复 / 输入
    ("请输入密码后按#", "请输入密码后按井号"),
    ("回复1#确认", "回复幺井号确认"),
    ("回复1确认", "回复一确认"),
]

# A user name or ID joined by underscores reads like an address: letters spelled, digits one by one
# with 幺, each _ 下划线.
IDENTIFIERS = [
    ("我微信号abc_123。", "我微信号诶比西下划线幺二三。"),
    ("li_ming2023，", "艾乐艾下划线艾姆艾恩吉二零二三，"),
    ("user_id", "优艾斯伊阿尔下划线艾迪"),
    # an e-mail address is read whole; a lone underscore is dropped
    ("li_ming2023@qq.com", "艾乐艾下划线艾姆艾恩吉二零二三艾特丘丘点康姆"),
    ("abc_", "诶比西"),
    ("abc123", "诶比西幺二三"),
    # digits alone joined by _ are a number with its thousands apart, no identifier
    ("1_000_000", "一百万"),
    ("12_345元", "一万二千三百四十五元"),
    ("123_abc", "幺二三下划线诶比西"),
]

# Two digits after N米 are the centimetres of a height or a jump, read digit by digit.
HEIGHTS = [
    ("他1米72，不算矮。", "他一米七二，不算矮。"),
    ("1米65", "一米六五"),
    ("跳出了8米35", "跳出了八米三五"),
    ("2米05", "两米零五"),
    ("1米8", "一米八"),
    # a unit after the digits: a count
    ("1米72厘米", "一米七十二厘米"),
    ("跑了10米50秒", "跑了十米五十秒"),
    ("2秒", "两秒"),
]

# V between two small numbers is versus, not volts.
VERSUS = [
    ("今晚开黑5V5。", "今晚开黑五维五。"),
    ("敢不敢1v1？", "敢不敢一维一？"),
    ("3v3", "三维三"),
    # volts
    ("5V", "五伏"),
    ("12V电池", "十二伏电池"),
    ("220V50Hz", "二百二十伏五十赫兹"),
]

# A:B written like a clock time is a score next to the words of a match result; where it cannot be
# a time (11:9, 25:23) it is a score anyway.
CLOCK_SCORES = [
    ("羽毛球打到21:19才赢。", "羽毛球打到二十一比十九才赢。"),
    ("比分21:19", "比分二十一比十九"),
    ("第一局21:19", "第一局二十一比十九"),
    ("中国队以21:15拿下首局", "中国队以二十一比十五拿下首局"),
    ("以21:19的比分获胜", "以二十一比十九的比分获胜"),
    ("以21:19、21:17战胜对手", "以二十一比十九、二十一比十七战胜对手"),
    ("乒乓球11:9拿下第1局", "乒乓球十一比九拿下第一局"),
    ("25:23", "二十五比二十三"),
    # clock times
    ("游戏打到23:45才睡", "游戏打到二十三点四十五分才睡"),
    ("截至21:45的比分", "截至二十一点四十五分的比分"),
    ("比赛将于19:30开始", "比赛将于十九点三十分开始"),
    ("公安局19:30发布通报", "公安局十九点三十分发布通报"),
    ("我们19:30见，别输了", "我们十九点三十分见，别输了"),
    # a time word shortly before: a clock time even beside a win or a loss
    ("他晚上10:30才赢下这盘棋", "他晚上十点三十分才赢下这盘棋"),
    ("他在21:30输给了对手", "他在二十一点三十分输给了对手"),
    ("中国队在21:30领先对手", "中国队在二十一点三十分领先对手"),
    ("比赛于北京时间今晚22:10拿下首局", "比赛于北京时间今晚二十二点十分拿下首局"),
    ("这场比赛在19:45拿下首局后逆转", "这场比赛在十九点四十五分拿下首局后逆转"),
    # unless the words before name a score
    ("比分定格在21:19", "比分定格在二十一比十九"),
    ("以2:1获胜", "以二比一获胜"),
]

# M.D before a festival or 那天 / 当天: a day known by its numbers reads as its name, any other as
# its date.
FESTIVAL_DAYS = [
    ("5.20那天送什么礼物好？", "五二零那天送什么礼物好？"),
    ("6.18大促开始了。", "六一八大促开始了。"),
    ("5.1劳动节", "五一劳动节"),
    ("8.1建军节", "八一建军节"),
    ("12.12大促", "双十二大促"),
    ("12.25圣诞节快乐！", "十二月二十五日圣诞节快乐！"),
    ("2.14情人节你有约吗？", "二月十四日情人节你有约吗？"),
    ("12.24平安夜", "十二月二十四日平安夜"),
    ("9.10教师节", "九月十日教师节"),
    # decimals before no such word
    ("2.14", "二点一四"),
    ("3.14是圆周率", "三点一四是圆周率"),
    # 促销 / 活动 / 当天 make a date only of a day known by its numbers; elsewhere a price
    ("限时6.8促销", "限时六点八促销"),
    ("每斤3.5活动价", "每斤三点五活动价"),
    ("票价5.2当天有效", "票价五点二当天有效"),
    ("5.1当天", "五一当天"),
    ("11.11活动", "双十一活动"),
    ("12.25那天", "十二月二十五日那天"),
]

# Two digits in steps of five before 后 name a generation, read digit by digit.
GENERATIONS = [
    ("他是95后。", "他是九五后。"),
    ("85后、90后", "八五后、九零后"),
    ("00后", "零零后"),
    ("05后", "零五后"),
    ("10后的小朋友", "一零后的小朋友"),
    # a unit before 后, 以后, or a number counted up to
    ("5年后", "五年后"),
    ("3天后", "三天后"),
    ("10分钟后", "十分钟后"),
    ("95以后", "九十五以后"),
    ("数到10后", "数到十后"),
    ("排在35后面的是36号", "排在三十五后面的是三十六号"),
    ("数字45后面是46", "数字四十五后面是四十六"),
    ("年龄在35后开始下降", "年龄在三十五后开始下降"),
    ("90后的消费观", "九零后的消费观"),
]

# Numbers listed after 第N are ordinals too: 2 reads 二.
ORDINAL_LISTS = [
    ("有本条第1、2项规定情形之一的", "有本条第一、二项规定情形之一的"),
    ("第3、4款", "第三、四款"),
    ("第1、2、3条", "第一、二、三条"),
    ("第1至2条", "第一至二条"),
    ("第1、2名", "第一、二名"),
    # no 第: a count
    ("1、2项", "一、两项"),
    ("第1项和2个附件", "第一项和两个附件"),
]

# A dash between dates or clock readings written with their words is a range (到), never a minus;
# a time range may end on the next day.
CALENDAR_RANGES = [
    ("假期为2024年5月1日—5月5日。", "假期为二零二四年五月一日到五月五日。"),
    ("5月1日-3日", "五月一日到三日"),
    ("5月1日~5月5日", "五月一日到五月五日"),
    ("10月-12月", "十月到十二月"),
    ("2020年-2023年", "二零二零年到二零二三年"),
    ("活动时间为上午10点-12点。", "活动时间为上午十点到十二点。"),
    ("10点-12点半", "十点到十二点半"),
    ("10点半-12点", "十点半到十二点"),
    ("10时-12时", "十时到十二时"),
    ("22点-次日6点", "二十二点到次日六点"),
    ("施工时间为20:00-次日6:00。", "施工时间为二十点到次日六点。"),
    # a negative number after a date stays one
    ("12月1日-3℃", "十二月一日零下三摄氏度"),
    ("3小时-5", "三小时负五"),
]

# A season, school or fiscal year spanning two years; the second year is read in full.
YEAR_SPANS = [
    ("2025/26赛季英超联赛即将揭幕。", "二零二五到二零二六赛季英超联赛即将揭幕。"),
    ("2011/12赛季", "二零一一到二零一二赛季"),
    ("1999/00赛季", "一九九九到二零零零赛季"),
    ("2023-24学年", "二零二三到二零二四学年"),
    ("2024/2025财年", "二零二四到二零二五财年"),
    ("2020-21年度", "二零二零到二零二一年度"),
    ("2023—2024学年", "二零二三到二零二四学年"),
    # before no such word: a year and month, or a fraction, as before
    ("2023/12", "二零二三年十二月"),
    ("2025/26", "二十六分之二千零二十五"),
]

# Comparison and other mathematical symbols are read where they stand.
SYMBOLS = [
    ("圆周率≈3.14。", "圆周率约等于三点一四。"),
    ("a≈b", "诶约等于比"),
    ("报名者年龄须≥18岁。", "报名者年龄须大于等于十八岁。"),
    ("x≤5", "艾克斯小于等于五"),
    ("产品不良率<5%。", "产品不良率小于百分之五。"),
    ("3≠4", "三不等于四"),
    ("误差为±0.5毫米。", "误差为正负零点五毫米。"),
    ("6×7", "六乘七"),
    ("8÷2", "八除以二"),
    # < and > before no number are dropped
    ("<b>", "比"),
    # computing and gadgets (blind normalization set 14), each with what it must leave alone
    ("显卡是RTX 4090", "显卡是阿尔提艾克斯四零九零"),
    ("激活Office 2021", "激活欧艾弗艾弗艾西伊二零二一"),
    ("Windows 2000", "达布留艾恩迪欧达布留艾斯两千"),
    ("MacBook Air 7999起", "艾姆诶西比欧欧开诶艾阿尔七千九百九十九起"),
    ("AQI 120，轻度污染", "诶丘艾一百二十，轻度污染"),
    ("iPhone 5s", "艾批艾尺欧恩伊五艾斯"),
    ("3.5s", "三点五秒"),
    ("Node.js 20已发布", "恩欧迪伊点杰艾斯二十已发布"),
    ("角色等级达到Lv.60", "角色等级达到艾乐维六十"),
    ("支持M.2 2280固态硬盘", "支持艾姆点二二二八零固态硬盘"),
    ("本地服务地址localhost:3000", "本地服务地址艾乐欧西诶艾乐艾尺欧艾斯提冒号三零零零"),
    ("服务器192.168.1.1:8080", "服务器幺九二点幺六八点幺点幺冒号八零八零"),
    ("按1.5:1配比", "按一点五比一配比"),
    ("服务运行在8080端口", "服务运行在八零八零端口"),
    ("安装时报错1603", "安装时报错幺六零三"),
    ("学习C++17新特性", "学习西加加十七新特性"),
    ("连接Wi-Fi 6", "连接歪飞六"),
    ("支持802.11ax协议", "支持八零二点一一诶艾克斯协议"),
    ("支持2.4G/5G双频", "支持二点四吉和五吉双频"),
    ("粉丝突破120w", "粉丝突破一百二十万"),
    ("文章阅读量10w+", "文章阅读量十万加"),
    ("阅读量10W+", "阅读量十万加"),
    ("功率100w的灯泡", "功率一百瓦的灯泡"),
    ("65W快充", "六十五瓦快充"),
    ("视频时长3:24", "视频时长三分二十四秒"),
    ("歌曲时长2:05", "歌曲时长两分零五秒"),
    ("会议14:30开始", "会议十四点三十分开始"),
    ("最高快门1/8000s", "最高快门八千分之一秒"),
    ("峰值亮度2600nits", "峰值亮度两千六百尼特"),
    ("这台是23款的", "这台是二三款的"),
    ("共有23款。", "共有二十三款。"),
    ("性能领先对手2代", "性能领先对手两代"),
    ("AirPods 2代", "诶艾阿尔批欧迪艾斯二代"),
    ("处理器为i9-14900K", "处理器为艾九一四九零零开"),
]


@pytest.mark.parametrize(("digits", "expected"), CARDINALS)
def test_read_int(digits: str, expected: str) -> None:
    assert read_int(digits) == expected


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_normalize(text: str, expected: str) -> None:
    assert normalize(text) == expected


def test_news_sentence() -> None:
    text = "2023年6月9日14:30，全市1,299辆公交车投入运营，气温-3.5°C，客流达20.1万人次。"
    expected = (
        "二零二三年六月九日十四点三十分，全市一千二百九十九辆公交车投入运营，"
        "气温零下三点五摄氏度，客流达二十点一万人次。"
    )
    assert normalize(text) == expected


def test_spans_mark_written_han_characters() -> None:
    result = normalize_with_spans("在2023年")
    assert result.text == "在二零二三年"
    written = [result.is_written(i) for i in range(len(result.text))]
    assert written == [True, False, False, False, False, True]
    assert result.source_of(1) == "2023"
    assert result.spans[0] == (0, 1) and result.spans[5] == (5, 6)


def test_spans_follow_removed_and_full_width_characters() -> None:
    result = normalize_with_spans("😀 你好，ＯＫ")
    assert result.text == "你好，欧开"
    sources = [result.source_of(i) for i in range(len(result.text))]
    assert sources == ["你", "好", "，", "ＯＫ", "ＯＫ"]
    assert result.is_written(0) and not result.is_written(3)


def test_rejects_non_strings() -> None:
    with pytest.raises(InputError):
        normalize(123)  # type: ignore[arg-type]


_TRICKY = st.text(
    alphabet=st.sampled_from(list("0123456789.,:-~/%‰°CF+=×@#*_$¥€kgmhsV年月日号点个第万亿时元度后米 \n")),
    max_size=40,
)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=60), _TRICKY))
def test_never_raises_and_yields_only_readable_characters(text: str) -> None:
    result = normalize_with_spans(text)
    assert isinstance(result.text, str)
    assert all(is_kept(c) for c in result.text)
    assert len(result.spans) == len(result.text)
    assert all(0 <= start < end <= len(text) for start, end in result.spans)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=60), _TRICKY))
def test_idempotent_on_its_own_output(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


_CHINESE = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        st.sampled_from(list("，。、；：？！“”‘’（）《》")),
    ),
    max_size=60,
)


@settings(max_examples=200, deadline=None)
@given(_CHINESE)
def test_normalized_chinese_text_is_unchanged(text: str) -> None:
    assert normalize(text) == text


# From blind normalization set 7 (official documents, reports and statistics), with counter-cases.
OFFICIAL_TEXT = [
    ("三次产业结构为7.1:38.3:54.6", "三次产业结构为七点一比三十八点三比五十四点六"),
    ("按1:1:2配比", "按一比一比二配比"),
    ("剩余29:59后", "剩余二十九分五十九秒后"),
    ("通过ISO 9001质量管理体系认证", "通过艾艾斯欧九零零一质量管理体系认证"),
    ("GB2312编码", "吉比二三一二编码"),
    ("3#楼2单元", "三号楼二单元"),
    ("C919大型客机", "西九一九大型客机"),
    ("CA1234航班", "西诶幺二三四航班"),
    ("歼-20、运-20", "歼二十、运二十"),
    ("最低气温-5℃", "最低气温零下五摄氏度"),
    ("获得3金2银1铜", "获得三金两银一铜"),
    ("第1考场08号座位", "第一考场零八号座位"),
    ("8月08号开会", "八月八号开会"),
    ("门诊3号楼2层", "门诊三号楼二层"),
    ("楼高2层", "楼高两层"),
    # from blind set 8 (live commentary and services)
    ("首班车6:00，末班车22:30", "首班车六点，末班车二十二点三十分"),
    ("G4京港澳高速K123+500处", "吉四京港澳高速开一百二十三加五百处"),
    ("联系电话010-6512 3456", "联系电话零幺零六五幺二三四五六"),
    ("会议在3楼301会议室举行", "会议在三楼三零幺会议室举行"),
    ("双色球第2024035期开奖", "双色球第二零二四零三五期开奖"),
    ("第12期", "第十二期"),
    # counter-cases a review found
    ("这张照片是用ISO 100拍的。", "这张照片是用艾艾斯欧一百拍的。"),  # a film speed
    ("公司通过ISO 9001:2015认证。", "公司通过艾艾斯欧九零零一，二零一五认证。"),
    ("依据GB/T 19001-2016标准。", "依据吉比提一九零零一杠二零一六标准。"),
    ("支持IEEE 802.11ac协议。", "支持艾伊伊伊八零二点一一诶西协议。"),
    ("一座2层小楼突然起火。", "一座两层小楼突然起火。"),
    ("今天是08号。", "今天是八号。"),
    ("他穿08号球衣", "他穿零八号球衣"),
    ("人民日报今天出版第25000期。", "人民日报今天出版第二万五千期。"),
    ("今晚气温一直-10℃以下。", "今晚气温一直零下十摄氏度以下。"),
    ("北京时间14:00整，神舟飞船发射。", "北京时间十四点整，神舟飞船发射。"),
    ("北京时间14:00", "北京时间十四点整"),
    ("1#、2#楼已封顶", "一号、二号楼已封顶"),
    ("电话010 8888 6666", "电话零幺零八八八八六六六六"),
    ("中国队已获2金。", "中国队已获两金。"),
]

# Formulas with letters (from blind set 9), with what stays with other rules.
FORMULAS = [
    ("x²-4=0", "艾克斯的平方减四等于零"),
    ("1/2+1/3=5/6", "二分之一加三分之一等于六分之五"),
    ("若a>b，则a-c>b-c", "若诶大于比，则诶减西大于比减西"),
    ("sin30°=1/2", "艾斯艾恩三十度等于二分之一"),
    ("(a+b)²=a²+2ab+b²", "诶加比的和的平方等于诶的平方加二诶比加比的平方"),
    ("(-2)³=-8", "负二的立方等于负八"),
    ("|-5|=5", "负五的绝对值等于五"),
    ("∛27=3", "三次根号二十七等于三"),
    ("√(x+1)≥0", "根号下艾克斯加一大于等于零"),
    ("△ABC≌△DEF", "三角形诶比西全等于三角形迪伊艾弗"),
    ("AB∥CD", "诶比平行于西迪"),
    ("当x→∞时", "当艾克斯趋向于无穷大时"),
    ("∠α=30°15′", "角阿尔法等于三十度十五分"),
    ("A∩B=∅", "诶交比等于空集"),
    ("∵a=b，∴b=a", "因为诶等于比，所以比等于诶"),
    ("2ⁿ>100", "二的恩次方大于一百"),
    ("v=s/t", "维等于艾斯除以提"),
    ("3+4=7", "三加四等于七"),
    ("A→B", "诶到比"),
    ("iPhone15", "艾批艾尺欧恩伊十五"),
    ("拉力F=100N", "拉力艾弗等于一百牛"),
    # counter-cases a second review found: what the formula reader must leave alone or read whole
    ("好可爱(>ω<)", "好可爱（欧米伽）"),  # an emoticon: its > has no operand beside it
    ("x=50%", "艾克斯等于百分之五十"),
    ("水温t=25℃", "水温提等于二十五摄氏度"),
    ("面积S=20m²", "面积艾斯等于二十平方米"),
    ("光速c=3×10⁸m/s", "光速西等于三乘十的八次方米每秒"),
    ("1kW·h=3.6×10⁶J", "一千瓦时等于三点六乘十的六次方焦"),
    ("1h=60min", "一小时等于六十分钟"),
    ("s=v0t", "艾斯等于维零提"),
    ("等级A=90-100分", "等级诶等于九十到一百分"),
    ("x=5-3", "艾克斯等于五减三"),
    ("显卡RTX4090>RTX3090", "显卡阿尔提艾克斯四零九零大于阿尔提艾克斯三零九零"),
    ("IP=192.168.1.1", "艾批等于幺九二点幺六八点幺点幺"),
    ("P=1,000W", "批等于一千瓦"),
    ("x=2000", "艾克斯等于两千"),
    ("BP<140/90mmHg", "比批小于一百四十比九十毫米汞柱"),
    ("比分A：B=3：2", "比分诶：比等于三比二"),
    ("a-(b+c)=a-b-c", "诶减比加西的和等于诶减比减西"),
    ("(1)a=2时，求b。", "（一）诶等于二时，求比。"),
    ("x=1（舍去）", "艾克斯等于一（舍去）"),
    ("电阻R=10Ω", "电阻阿尔等于十欧"),
    ("Δ=b²-4ac", "德尔塔等于比的平方减四诶西"),
    ("5x3=15", "五乘三等于十五"),
    ("他跑了2′30″", "他跑了两分三十秒"),
    ("东经116°23′", "东经一百一十六度二十三分"),
    ("△本报记者", "本报记者"),  # a caption marker, not a triangle
    ("体彩大乐透第24035期开奖。", "体彩大乐透第二四零三五期开奖。"),
    ("直-20直升机首次亮相。", "直二十直升机首次亮相。"),
    ("加强-5", "加强负五"),
    ("办公室在B座2层。", "办公室在比座二层。"),
    ("请08号到3号窗口。", "请零八号到三号窗口。"),
    ("8月08号到10号", "八月八号到十号"),
    # from blind set 10 (bills and service messages)
    ("账户余额-¥126.40", "账户余额负一百二十六点四元"),
    ("优惠-¥10.00，实付¥49.80", "优惠减十元，实付四十九点八元"),
    ("签到成功，积分+200", "签到成功，积分加二百"),
    ("温度+5℃", "温度正五摄氏度"),
    ("新设备于12-05 22:18登录", "新设备于十二月五日二十二点十八分登录"),
    ("缴费户号3100456789", "缴费户号三幺零零四五六七八九"),
    ("92#汽油", "九十二号汽油"),
    # counter-cases a third review found
    ("满100-¥20", "满一百减二十元"),
    ("大杯-¥20，中杯-¥15", "大杯二十元，中杯十五元"),
    ("存入账户2000", "存入账户两千"),
    ("最终比分2-1 21:50", "最终比分二比一二十一点五十分"),
    ("每天8-10 20:00", "每天八到十二十点"),
    ("Q：x=2", "丘：艾克斯等于二"),
    ("结论：a>b", "结论：诶大于比"),
    ("GPT-4>GPT-3", "吉批提四大于吉批提三"),
    ("3栋2层楼房", "三栋两层楼房"),
    ("在3栋2层。", "在三栋二层。"),
    ("g=10N/kg", "吉等于十牛每千克"),
    ("电阻为10Ω", "电阻为十欧"),
    ("3N协议", "三恩协议"),  # N alone is a letter
    ("端口号8080", "端口号八零八零"),
    ("页面显示404错误", "页面显示四零四错误"),
    ("世界人口超过8000000000", "世界人口超过八十亿"),
    ("拨打800-820-8820", "拨打八零零八二零八八二零"),
    ("8:30-11:30", "八点三十分到十一点三十分"),
]

# Encyclopedia and history text (the eleventh blind set), with counter-cases.
REFERENCE_TEXT = [
    ("公元25年，刘秀称帝", "公元二十五年，刘秀称帝"),  # one or two digits after 公元 are counted
    ("公元618年", "公元六一八年"),
    ("公元前221年", "公元前二二一年"),
    ("康熙61年（1722年）", "康熙六十一年（一七二二年）"),  # the years of a reign
    ("民国38年", "民国三十八年"),
    ("我在86年入伍", "我在八六年入伍"),  # no reign: a year of the 1900s
    ("鲁迅（1881—1936），原名周树人", "鲁迅（一八八一到一九三六），原名周树人"),  # a life span
    ("“双奥之城”（2008、2022）", "“双奥之城”（二零零八、二零二二）"),
    ("价格区间（1000-2000）元", "价格区间（一千到两千）元"),  # a unit after the bracket: amounts
    ("统一了文字和度量衡。[1]", "统一了文字和度量衡。"),  # footnote marks are not read
    ("见于《左传》。[注2]", "见于《左传》。"),
    ("来自官方统计[3]，尚存争议", "来自官方统计，尚存争议"),
    ("选项[1]和[2]", "选项一和二"),  # labels listed together are read
    ("国发[2023]12号", "国发二零二三十二号"),
    ("该书第II卷第3章", "该书第二卷第三章"),  # roman numerals numbering parts
    ("参见第IV部分", "参见第四部分"),
    ("第Ⅳ卷", "第四卷"),
    ("第X届", "第艾克斯届"),  # a lone X is a placeholder
    ("碳-14的半衰期", "碳十四的半衰期"),  # isotopes: the hyphen is silent
    ("铀-235可用作燃料", "铀二三五可用作燃料"),
    ("波音747客机", "波音七四七客机"),
    ("99式主战坦克", "九九式主战坦克"),
    ("合同1式两份", "合同一式两份"),
    ("北京大学的邮政编码是100871", "北京大学的邮政编码是幺零零八七幺"),
    ("编码1024位", "编码一千零二十四位"),  # a count after 编码
    ("国际电话区号为+86", "国际电话区号为加八六"),
    ("该书ISBN为978-7-5086-4735-9", "该书艾艾斯比恩为九七八七五零八六四七三五九"),
    ("总价128.50元", "总价一百二十八点五元"),  # money drops its trailing zeros, as after ¥
    ("价格128.00元", "价格一百二十八元"),
    ("身高1.70米", "身高一点七零米"),  # a measurement keeps them
    ("交通事故请拨122", "交通事故请拨幺二二"),  # a service number after 拨
    ("12306怎么改签？", "幺二三零六怎么改签？"),  # five digits name the service
    ("你当前排在第10086位", "你当前排在第一万零八十六位"),
    ("第2关血量10000", "第二关血量一万"),
    ("有12306人参加", "有一万二千三百零六人参加"),
    ("血压150/95", "血压一百五十比九十五"),  # a blood pressure without its unit
    ("比例150/95", "比例九十五分之一百五十"),
    ("国足0比2负于对手", "国足零比二负于对手"),  # a score, not two losses
    ("3胜2负", "三胜两负"),
    ("适合2到4人", "适合两到四人"),  # the range counts people
    ("第2到4名", "第二到四名"),
    ("采用316不锈钢内胆", "采用三一六不锈钢内胆"),  # a steel grade
    ("钢材300吨", "钢材三百吨"),
    ("阿莫西林按40mg/(kg·d)计算", "阿莫西林按四十毫克每千克每天计算"),  # medicine (the twelfth blind set)
    ("多巴胺5μg/(kg·min)泵入", "多巴胺五微克每千克每分钟泵入"),
    ("维生素D滴剂每日400IU", "维生素迪滴剂每日四百国际单位"),
    ("皮下注射胰岛素8U", "皮下注射胰岛素八单位"),
    ("谷丙转氨酶56U/L", "谷丙转氨酶五十六单位每升"),
    ("乘坐3U8633航班", "乘坐三优八六三三航班"),  # a flight code, no unit
    ("降钙素原0.05ng/mL", "降钙素原零点零五纳克每毫升"),
    ("孕28周+3天", "孕二十八周加三天"),
    ("孕38+2周", "孕三十八加二周"),
    ("护士站：0571-87236108转8021", "护士站：零五七幺八七二三六幺零八转八零二幺"),
    ("死亡率下降至15.1/10万", "死亡率下降至十万分之十五点一"),
    ("3/4万", "四分之三万"),
    ("腾讯会议号是836 215 447", "腾讯会议号是八三六二幺五四四七"),  # a third audit: codes in groups
    ("数学练习册P23-25", "数学练习册批二十三到二十五"),  # pages
    ("防水等级为IP68", "防水等级为艾批六八"),
    ("输入电压为5V/2A", "输入电压为五伏二安"),  # no rate
    ("经济差已经拉到了2k", "经济差已经拉到了两开"),
    ("收藏5.6k", "收藏五点六开"),
    ("2K屏幕", "二开屏幕"),
    ("他这局的KDA是12/1/8", "他这局的开迪诶是十二杠一杠八"),
    ("物业电话：8765-4321", "物业电话：八七六五四三二幺"),  # a fourth audit (long paragraphs)
    ("联系电话010-6512 3456", "联系电话零幺零六五幺二三四五六"),
    ("2024届毕业生", "二零二四届毕业生"),
    ("××物业", "某某物业"),
    ("电源50/60Hz", "电源五十、六十赫兹"),
    ("长宽高4780/1875/1470毫米", "长宽高四千七百八十、一千八百七十五、一千四百七十毫米"),
    ("贞观（626年—649年）", "贞观（六二六年到六四九年）"),
    ("收货地址：幸福小区5-2-301", "收货地址：幸福小区五杠二杠三零一"),  # addresses (the thirteenth blind set)
    ("碧桂园18栋1单元1102", "碧桂园十八栋一单元一一零二"),
    ("团结湖北里3号楼2门401", "团结湖北里三号楼二门四零一"),
    ("5栋楼1200平米", "五栋楼一千二百平米"),
    ("地下2层088号车位", "地下二层零八八号车位"),
    ("还有2站到达", "还有两站到达"),
    ("车辆京A·12345已入场", "车辆京诶幺二三四五已入场"),
    ("预计12-06送达", "预计十二月六日送达"),
]

IN_CONTEXT = [
    *REFERENCE_TEXT, *OFFICIAL_TEXT, *FORMULAS, *RATES, *UNIT_RANGES, *MAGNITUDE_UNITS, *MONTH_DAYS, *SCORES, *EVENT_NAMES, *RACE_TIMES,
    *STOCK_CODES, *SIGNED_CHANGES, *BLOOD_PRESSURES, *POWERS, *UNITS_AFTER_EACH, *DOCUMENT_YEARS, *NAMED_NUMBERS,
    *ORDINAL_LISTS, *CALENDAR_RANGES, *YEAR_SPANS, *SYMBOLS, *CODE_NUMBERS, *IDENTIFIERS,
    *HEIGHTS, *VERSUS, *CLOCK_SCORES, *FESTIVAL_DAYS, *GENERATIONS,
]


@pytest.mark.parametrize(("text", "expected"), IN_CONTEXT)
def test_normalize_in_context(text: str, expected: str) -> None:
    """Readings that the words around a number decide, each table with its counter-cases."""
    assert normalize(text) == expected


def test_blind_normalization_set_reads_as_expected() -> None:
    """``benchmarks/data/normalization_blind.tsv`` (183 sentences written blind by a helper; see
    bench_normalize.py) stays read as expected: 174 blind, all 183 since."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from bench_normalize import load_cases, misses

    cases = load_cases()
    assert len(cases) == 183
    assert len(misses(cases)) <= 3


def test_second_blind_normalization_set_reads_as_expected() -> None:
    """``benchmarks/data/normalization_blind2.tsv`` (179 harder sentences written blind by a
    helper): 157 blind, all 179 since."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from bench_normalize import load_cases, misses

    cases = load_cases(Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "normalization_blind2.tsv")
    assert len(cases) == 179
    assert len(misses(cases)) <= 4


def test_third_blind_normalization_set_reads_as_expected() -> None:
    """``benchmarks/data/normalization_blind3.tsv`` (182 chat sentences written blind by a helper):
    168 blind, all 182 since."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from bench_normalize import load_cases, misses

    cases = load_cases(Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "normalization_blind3.tsv")
    assert len(cases) == 182
    assert len(misses(cases)) <= 3


def test_fourth_blind_normalization_set_reads_as_expected() -> None:
    """``benchmarks/data/normalization_blind4.tsv`` (188 sentences of recipes, health, product
    specifications, sports, weather and travel written blind by a helper): 176 blind, all 188 since."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from bench_normalize import load_cases, misses

    cases = load_cases(Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "normalization_blind4.tsv")
    assert len(cases) == 188
    assert len(misses(cases)) <= 3


def test_fifth_blind_normalization_set_reads_as_expected() -> None:
    """``benchmarks/data/normalization_blind5.tsv`` (187 sentences of finance, law, science and
    history written blind by a helper): 166 blind, 185 since (the two misses: a stock code and 12315
    read with 幺, where the set wants 一)."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from bench_normalize import load_cases, misses

    cases = load_cases(Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "normalization_blind5.tsv")
    assert len(cases) == 187
    assert len(misses(cases)) <= 4


def test_sixth_blind_normalization_set_reads_as_expected() -> None:
    """``benchmarks/data/normalization_blind6.tsv`` (188 lines of messy web and app text written
    blind by a helper): 157 blind, 177 since."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from bench_normalize import load_cases, misses

    cases = load_cases(Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "normalization_blind6.tsv")
    assert len(cases) == 188
    assert len(misses(cases)) <= 10


def test_seventh_blind_normalization_set_reads_as_expected() -> None:
    """``benchmarks/data/normalization_blind7.tsv`` (189 lines of official documents, reports and
    statistics written blind by a helper): 179 blind, 187 since (211 and CO₂ are read otherwise)."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from bench_normalize import load_cases, misses

    cases = load_cases(Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "normalization_blind7.tsv")
    assert len(cases) == 189
    assert len(misses(cases)) <= 3


def test_eighth_blind_normalization_set_reads_as_expected() -> None:
    """``benchmarks/data/normalization_blind8.tsv`` (190 lines of live commentary and services written
    blind by a helper): 182 blind, 190 since."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from bench_normalize import load_cases, misses

    cases = load_cases(Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "normalization_blind8.tsv")
    assert len(cases) == 190
    assert len(misses(cases)) <= 2


def test_ninth_blind_normalization_set_reads_as_expected() -> None:
    """``benchmarks/data/normalization_blind9.tsv`` (187 lines of maths, science and computing written
    blind by a helper): 134 blind, 163 since formulas with letters and units of physics are read."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from bench_normalize import load_cases, misses

    cases = load_cases(Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "normalization_blind9.tsv")
    assert len(cases) == 187
    assert len(misses(cases)) <= 26


def test_tenth_blind_normalization_set_reads_as_expected() -> None:
    """``benchmarks/data/normalization_blind10.tsv`` (189 lines of bills, receipts and service messages
    written blind by a helper): 171 blind, 179 since."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from bench_normalize import load_cases, misses

    cases = load_cases(Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "normalization_blind10.tsv")
    assert len(cases) == 189
    assert len(misses(cases)) <= 11


def test_eleventh_blind_normalization_set_reads_as_expected() -> None:
    """``benchmarks/data/normalization_blind11.tsv`` (186 lines of encyclopedia and history text written
    blind by a helper): 164 blind, 185 since."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from bench_normalize import load_cases, misses

    cases = load_cases(Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "normalization_blind11.tsv")
    assert len(cases) == 186
    assert len(misses(cases)) <= 3


def test_twelfth_blind_normalization_set_reads_as_expected() -> None:
    """``benchmarks/data/normalization_blind12.tsv`` (188 lines of medicine and health records written
    blind by a helper): 170 blind, 188 since."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from bench_normalize import load_cases, misses

    cases = load_cases(Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "normalization_blind12.tsv")
    assert len(cases) == 188
    assert len(misses(cases)) <= 2


def test_thirteenth_blind_normalization_set_reads_as_expected() -> None:
    """``benchmarks/data/normalization_blind13.tsv`` (182 lines of addresses, navigation and logistics
    written blind by a helper): 173 blind, 182 since."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from bench_normalize import load_cases, misses

    cases = load_cases(Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "normalization_blind13.tsv")
    assert len(cases) == 182
    assert len(misses(cases)) <= 2


def test_fourteenth_blind_normalization_set_reads_as_expected() -> None:
    """``benchmarks/data/normalization_blind14.tsv`` (186 lines of technology, gadgets and games written blind
    by a helper): 166 blind, 183 since (Wi-Fi 歪飞 is the project's reading of the name)."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from bench_normalize import load_cases, misses

    cases = load_cases(Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "normalization_blind14.tsv")
    assert len(cases) == 186
    assert len(misses(cases)) <= 5
