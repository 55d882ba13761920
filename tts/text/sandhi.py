"""Tone sandhi: lexical tones → the tones a speaker says.

Applied to one clause (the words between two punctuation marks) in this order:

1. Neutral tones: words of a fixed list (东西 知道 明白 …) and those CC-CEDICT reads with a
   neutral last syllable (名字 学生 包子, ``neutral_words.tsv``), sentence particles and suffixes
   (的 了 吗 呢 着 吧 啊 们 么 … after a word), reduplicated kinship terms, nouns and verbs
   (妈妈 看看 谢谢), 不 inside a three-character word (the potential complement: 对不起, 来不及),
   the aspect particle 过 after a verb (去过, 吃过饭), and 一 / 不 inside ``A一A`` / ``A不A``
   (看一看, 是不是).
2. 一 and 不: 一 is yi1 in numbers (十一, 一九八四), ordinals (第一, 一等奖, 一年级), dates and
   serials (一月一号), around a decimal point or an operator (1.5 一点五, 0.1 零点一, 1+1 一加一,
   一比零), at the end of a longer word (统一, 星期一) and at the end of a clause; otherwise yi2
   before a fourth tone and yi4 before tones 1–3. 不 is bu2 before a fourth tone.
3. Third tones: two third tones in a row make the first a second tone (你好 ni2 hao3). Inside a
   word of three, the split decides: ``[展览]馆`` → zhan2 lan2 guan3, ``小[老虎]`` → xiao3 lao2
   hu3; longer words are split into dictionary words first. Across a word boundary the rule
   applies when the two words are short enough to be one prosodic word (at most four syllables
   together, or the first is one syllable): 我也想 → wo2 ye2 xiang3, 请|仔细阅读 → qing2 zi3 xi4 —
   but not before a one-syllable adverb after a longer word, which starts a group of its own
   (水果|很好吃 → shui2 guo3 hen2 hao3 chi1), nor after 等 "and so on" (棒球等|体育项目).

Fixed readings (user overrides) are never changed, but their tones still count as context.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from itertools import pairwise
from pathlib import Path

from tts.text.normalize.chars import is_han
from tts.text.types import Reading, Word

IsWord = Callable[[str], bool]

# Words whose last syllable is neutral in standard speech.
NEUTRAL_LAST: frozenset[str] = frozenset(
    ["东西", "知道", "明白", "清楚", "喜欢", "觉得", "时候", "朋友", "衣服", "意思", "地方", "休息", "先生", "关系", "认识", "漂亮", "聪明", "舒服", "豆腐", "窗户", "耳朵", "眼睛", "眉毛", "头发", "脑袋", "嘴巴", "尾巴", "萝卜", "葡萄", "玻璃", "琵琶", "故事", "客气", "麻烦", "便宜", "热闹", "暖和", "凉快", "干净", "打扮", "打算", "商量", "告诉", "消息", "护士", "大夫", "师傅", "亲戚", "姑娘", "丈夫", "媳妇", "女婿", "队伍", "功夫", "困难", "学问", "生意", "事情", "买卖", "算盘", "特务", "规矩", "妥当", "稀罕", "老实", "结实", "踏实", "扎实", "厚道", "脾气", "力气", "运气", "福气", "骨头", "石头", "木头", "舌头", "馒头", "枕头", "念头", "跟头", "苗头", "甜头", "苦头", "来头", "看头", "想头", "盼头", "奔头", "琢磨", "折腾", "扎腾", "嘀咕", "嘟囔", "叨唠", "吆喝", "咳嗽", "哆嗦", "啰嗦", "糊涂", "马虎", "苗条", "痛快", "爽快", "勤快", "自在", "恶心", "小子", "大爷", "闺女", "明白", "记得", "晓得", "认得", "懂得", "舍得", "值得", "免得", "省得", "怪不得", "月亮", "太阳", "云彩", "地道", "味道", "黄瓜", "西瓜", "南瓜", "冬瓜", "丝瓜", "核桃", "芝麻", "高粱", "庄稼", "粮食", "石榴", "柿子", "胭脂", "胳膊", "指甲", "巴掌", "拳头", "眼皮", "下巴", "屁股", "老婆", "咱们", "我们", "你们", "他们", "她们", "它们", "人们", "这么", "那么", "什么", "怎么", "多么", "要么", "那个", "这个", "哪个", "这里", "那里", "哪里", "这边", "那边", "上边", "下边", "里边", "外边", "前边", "后边", "左边", "右边", "东边", "西边", "南边", "北边", "早上", "晚上", "上头", "下头", "外头", "里头", "前头", "后头", "出来", "起来", "进来", "回来", "过来", "下来", "上来", "出去", "进去", "回去", "过去", "下去", "上去", "起去", "本事", "事儿", "见识", "体面", "搭理", "答应", "收拾", "吩咐", "招呼", "打听", "打量", "合同", "报酬", "包袱", "行李", "铺盖", "被子", "蛤蟆", "蚂蚱", "蘑菇", "狐狸", "骆驼", "喇叭", "钥匙", "笤帚", "扫帚", "刺猬", "收成", "月饼", "灯笼", "肩膀", "风筝", "和气", "火候", "筋道", "见识", "吓唬", "盘算", "出息", "桩子", "蛋子", "生瓜蛋子", "硬朗", "天呐", "把式", "伺候", "盘缠", "祖宗"]
)

# The last characters of potential complements V不C (忍不住, 来不及, 差不多, 说不定), and first
# characters after which 不 negates what follows instead (只不过, 要不是, 决不能, 前不久, 殊不知).
_COMPLEMENTS = frozenset("住了及到得起开上下来去着过清动完懂见惯通成消掉出尽倒死定多迭止")
_NOT_VERB_BEFORE_BU = frozenset("只可决要前殊莫且岂倒远那终尚无君眼神鬼天人心二一三四小金狗言道高低玉温徐卧酒遇")

# One-character verbs that take a potential complement jieba cuts off (拿|不动, 听|不|清楚, 受|不了),
# and what may begin that complement then (not 多 or 定: 钱|不多 "not much").
_POTENTIAL_VERBS = frozenset("拿搬提抬举推拉打关看听说讲写读记想吃喝睡走跑跳爬飞坐站躺住买卖找等受忍忘赶追"
                             "挤塞装放穿戴洗擦修做干办用学认叫喊唱哭笑停算猜背抱扛挑搞弄管救挡拦离查念数发喘"
                             "进出回来去上下起过舍接抓握扶按压顶撑守防扔投射传踢弹")
# What jieba's HMM glues before such a verb (我举|不|起来, 可弹|不了).
_GLUED_BEFORE_VERB = frozenset("我你他她它真太也都就还可更又实")
_SPLIT_COMPLEMENTS = frozenset("住了及到起开上下来去着过清动完懂见惯通成掉出尽倒死明好赢透稳")
# Adverbs jieba's HMM glues before a verb and its potential complement (真受不了, 都吃不完).
_ADVERB_GLUED = frozenset("真太也都就还可更又实")


def _split_potential_complement(clause: list[Word], k: int) -> bool:
    """``clause[k]`` is the 不 of a potential complement that segmentation cut from its verb: 不X
    after a one-character verb (拿|不动, 受|不了), or 不 alone between the verb and the complement
    (听|不|清楚) — not A不A (动|不|动)."""
    text = clause[k].text
    verb = clause[k - 1].text if k > 0 else ""
    if len(verb) == 2 and verb[0] in _GLUED_BEFORE_VERB:
        verb = verb[1]  # jieba's HMM glued a pronoun or an adverb on: 我举|不|起来, 可弹|不了
    if len(clause[k].readings) != len(text) or verb not in _POTENTIAL_VERBS:
        return False
    if len(text) == 2 and text[0] == "不":
        return text[1] in _SPLIT_COMPLEMENTS and text[1] != verb
    if text == "不" and k + 1 < len(clause):
        first = clause[k + 1].text[:1]
        if clause[k + 1].text in _TWO_SYLLABLE_COMPLEMENTS:  # 洗|不|干净 (穿|不|干净|的衣服: "unclean")
            return not (k + 2 < len(clause) and clause[k + 2].text == "的")
        return first in _SPLIT_COMPLEMENTS and first != verb
    return False


# What jieba's HMM glues before a verb said twice (来说|说, 再想|想, 先看|看).
_GLUED_BEFORE_REDUPLICATION = frozenset("来去再先就也都还又快")
# Characters that in A一A are a preposition or a measure before 一, no verb said twice (把一把米).
_MEASURES_NOT_VERBS = frozenset("把个只条次")
# Complements of two syllables after V不 (看不清楚, 说不明白).
_TWO_SYLLABLE_COMPLEMENTS = frozenset(["清楚", "明白", "干净", "完整", "利索", "痛快", "踏实", "安稳"])
# Compound directional complements: their 来 / 去 is neutral after a verb (背下来, 走进去).
# One-character verbs that a two-syllable directional complement said light follows when jieba cuts
# it off (拿|出来, 跑|回来); after anything else (你|过来, 就|出来) the word is a verb of its own.
_COMPLEMENTED_VERBS = frozenset("拿走跑跳飞爬搬站坐躺看听写画做找送带拉推扔掏取抬提端举递挑冲追逃钻滚掉流倒吐"
                                "喊叫读念背抄算查认猜打踢抱扶牵领放摆挂贴插装收捡拾抓摘剪切砍挖拔运寄传接赶"
                                "买卖借租换吃喝吞咽交退搬转翻拖扛挤溜冒长")  # not 想 "want", 还 "still", 请 "please", 说
# Places before a jieba-cut 头 that makes their 里 into 里头 (心里|头, 屋里|头).
_INSIDE_PLACES = frozenset(["心里", "屋里", "家里", "城里", "村里", "肚里", "锅里", "院里", "山里", "手里", "嘴里", "箱子里", "被窝里"])
# Verbs of closing, covering and putting on whose 上 is a light complement (关上, 锁上, 穿上, 戴上).
_CLOSING_VERBS = frozenset("关锁盖合闭穿戴贴填套挂插缝扣系绑捂蒙罩涂抹拴")
def _past_noun(clause: list[Word], k: int) -> bool:
    """``clause[k]`` is 过去 "the past" before 的 or a length of time (看过去的一年, 查过去十年)."""
    if clause[k].text != "过去" or k + 1 >= len(clause):
        return False
    after = clause[k + 1].text
    return after.startswith("的") or after[:1] in "一二两三四五六七八九十几半数每这那"


DIRECTIONAL_COMPLEMENTS = frozenset(
    ["下来", "上来", "出来", "起来", "进来", "回来", "过来", "下去", "上去", "出去", "进去", "回去", "过去"]
)
# Words ending in 上 / 下 / 出 … that are no verb, so a 来 / 去 after them is the full verb.
_NOT_DIRECTIONAL_BEFORE = frozenset(["早上", "晚上", "马上", "一下", "以上", "以下", "上下", "眼下", "当下",
                                     "私下", "路上", "乡下", "天上", "地下", "底下", "身上", "手上", "脸上",
                                     "头上", "地上", "街上", "山上", "车上", "楼上", "楼下", "网上", "线上",
                                     "桌上", "床上", "墙上", "手下", "天下", "树下", "脚下"])

# Neutral-toned words that keep their full tone at the head of a compound (太阳能, 聪明才智, 关系式,
# 东西方, 地方性, 便宜从事) or have two senses (精神病, 买卖合同), and compounds that do (葡萄牙, 葡萄糖).
_FULL_HEADS = frozenset(["老婆", "太阳", "聪明", "关系", "东西", "地方", "地道", "这里", "那里", "哪里", "便宜",
                         "大夫", "上头", "起来", "人家", "精神", "大意", "多少", "买卖", "运气", "自在",
                         "过去"])
_FULL_COMPOUNDS = ("葡萄牙", "葡萄糖", "过来人")
# Compounds ending in a neutral-toned word that keep the full tone (大丈夫 dàzhàngfū "a real man").
_FULL_WORDS = frozenset(["大丈夫", "低下头"])

# Words CC-CEDICT reads with a neutral last syllable (名字 zi5, 学生 sheng5, 包子 zi5), with that
# syllable: built by benchmarks/build_neutral_words.py (see the NOTICE next to the file).
NEUTRAL_WORDS_FILE = Path(__file__).resolve().parent.parent / "resources" / "sandhi" / "neutral_words.tsv"


@cache
def neutral_words() -> dict[str, str]:
    """{word: its neutral last syllable without tone} from :data:`NEUTRAL_WORDS_FILE`."""
    lines = NEUTRAL_WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t") for line in lines if line)


# Words whose neutral last syllable, a third tone underneath, leaves the third tone before it
# (耳朵 er3 duo5, also at the end of a longer word: 小耳朵), as reduplications (姐姐) and 子 nouns (椅子) do; elsewhere it raises it (小姐
# xiao2 jie5, 哪里 na2 li5, 老鼠 lao2 shu5).
_NEUTRAL_KEEPS_THIRD = frozenset(["耳朵", "马虎", "指甲"])

# Sentence particles and suffixes: after a word, with this toneless reading, they are neutral.
PARTICLES: dict[str, str] = {
    "的": "de", "了": "le", "吗": "ma", "呢": "ne", "着": "zhe", "吧": "ba", "啊": "a",
    "呀": "ya", "嘛": "ma", "啦": "la", "哇": "wa", "们": "men", "么": "me", "呗": "bei",
    "喽": "lou", "咯": "lo",
}
# Interjections that are sentence particles only alone at the end of a clause (收藏店铺哦; not 哎哟).
_FINAL_PARTICLES = {"哦": "o", "哟": "yo", "呐": "na"}
# Nouns ending in 吧 "bar" (bā), no particle: 网吧, 酒吧.
_BARS = frozenset(["网吧", "酒吧", "贴吧", "氧吧", "陶吧", "迪吧", "清吧"])  # (去上|网吧: 上网 吧)

# Monosyllabic verbs whose reduplication (AA, "do a little") has a neutral second syllable.
_REDUPLICATED_VERBS = frozenset("看试说想走听问找聊玩尝等歇写读学练动摸拍揉洗擦敲摇算比转逛瞧讲笑跳唱坐谈查量谢"
                                "改修补搓收扫抱抹晒翻吹闻捏推捶按劝夸帮陪哄抖猜评数扇教考见变")
# Characters whose reduplication (AA) has a neutral second syllable: kinship terms, some nouns,
# and those verbs.
REDUPLICATED_NEUTRAL: frozenset[str] = (
    frozenset("妈爸哥姐弟妹爷奶姥叔婶舅姑伯嫂宝娃星猩蛐蝈") | _REDUPLICATED_VERBS
)
_KIN_NOUNS = frozenset("妈爸哥姐弟妹爷奶姥叔婶舅姑伯嫂")
# People whose home a 3-character word X家 is (外婆家, 奶奶家, 同学家).
_HOME_OF = frozenset(["外婆", "外公", "奶奶", "姥姥", "姥爷", "爷爷", "舅舅", "姑姑", "阿姨", "叔叔", "伯伯", "婶婶",
                      "姐姐", "哥哥", "老师", "同学", "朋友", "邻居", "亲戚"])
# What a verb said twice is done to, when jieba glues it to the second verb (捶|捶背, 擦|擦脸, 看了|看表).
_DONE_TO = frozenset("背脸手脚头腿肩腰脖澡牙表")
# Reduplicated nouns that keep a (half) third tone on the first syllable: 姐姐 jie3 jie5.
_KINSHIP = frozenset("姐奶姥嫂宝婶")

NUMERALS = frozenset("零〇一二三四五六七八九十百千万亿两")
_DIGITS = frozenset("零〇二三四五六七八九")
_DATE_AFTER = frozenset("号日")
_ORDINAL_BEFORE = frozenset("第初")
# Words jieba makes of a verb and the counting 一 that belongs with what follows (加一|汤匙).
_COUNTING_YI_WORDS = frozenset(["加一", "来一", "再一", "多一", "少一", "减一"])


# Monosyllabic verbs after which 过 is the experiential aspect particle (去过, 吃过饭, 做过):
# a closed list, because 过 keeps its tone in compounds (经过 通过 超过 难过 路过 穿过).
ASPECT_VERBS = frozenset("去看听吃见来做说写读学玩用住喝买坐想试干当有讲唱打骑养种梦")
# Two-character verbs after which a 过 of its own is the aspect particle (发生过地震, 参加过比赛).
ASPECT_VERBS2 = frozenset(["发生", "经历", "遇到", "遇见", "见到", "看到", "听到", "听说", "学习", "参加",
                           "参观", "访问", "出现", "担任", "使用", "尝试", "考虑", "讨论", "研究", "提到",
                           "获得", "得到", "受到", "接受", "举办", "举行", "来到", "到达", "生活", "工作",
                           "居住", "合作", "表演", "演出", "发表", "出版", "报道", "谈到", "想到", "爆发",
                           "遭受", "遭遇", "经受", "感受", "体验", "拥有", "有过", "出过", "去过"])


def apply_sandhi(clause: list[Word], is_word: IsWord, following: str = "") -> None:
    """Rewrite the readings of one clause in place, from lexical to surface tones; ``following`` is
    the text of the next few clauses (a later 二是 / 二则 makes a clause's 一是 / 一则 a list)."""
    _neutral_words(clause)
    _aspect_guo(clause)
    _neutral_patterns(clause)
    _yi_bu(clause, is_word, following)
    _third_tones(clause, is_word)


def _set(reading: Reading, tone: int) -> None:
    if not reading.fixed:
        reading.pinyin = reading.with_tone(tone)


def _neutral_words(clause: list[Word]) -> None:
    listed = neutral_words()
    for k, word in enumerate(clause):
        rs = word.readings
        if rs and not any(r.written for r in rs):
            continue  # words normalization wrote: spelled letters (BBB 比比比) are no reduplication
        tail = word.text[-2:]  # 小朋友, 大学生: a compound ending in such a word
        if len(word.text) == 3 and word.text[-1] == "家" and word.text[:2] in _HOME_OF:
            tail = ""  # 外婆|家, 奶奶|家: someone's home, not 婆家 or 奶家
            if word.text[0] == word.text[1] and len(rs) == 3:
                _set(rs[1], 5)  # 奶奶家 nai3 nai5 jia1
        sense = _neutral_sense(clause, k)
        if len(word.text) > 2 and tail in _FULL_SENSE_BEFORE and word.text[:-2].endswith(_FULL_SENSE_BEFORE[tail]):
            sense = False  # jieba's 回顾过去: "the past", as after 回顾 standing alone
        aabb = len(word.text) == 4 and word.text[0] == word.text[1] and word.text[2] == word.text[3]
        if len(rs) >= 2 and len(rs) == len(word.text) and sense is not False and not aabb \
                and word.text not in _FULL_WORDS and (
                sense or word.text in NEUTRAL_LAST or listed.get(word.text) == rs[-1].pinyin[:-1]
                or tail in NEUTRAL_LAST or listed.get(tail) == rs[-1].pinyin[:-1]):
            if rs[-1].tone == 3 and rs[-2].tone == 3 and word.text[-1] != word.text[-2] \
                    and word.text[-1] != "子" and word.text[-2:] not in _NEUTRAL_KEEPS_THIRD:
                _set(rs[-2], 2)  # a neutral third tone still raises the one before: 小姐 xiao2 jie5
            _set(rs[-1], 5)
        text = word.text
        if len(text) == len(rs) in (3, 4) and text[:2] in NEUTRAL_LAST and text[:2] not in _FULL_HEADS \
                and not text.startswith(_FULL_COMPOUNDS):
            _set(rs[1], 5)  # a compound that begins with such a word: 粮食产量, 朋友圈, 休息室
        if len(text) == len(rs) >= 3 and text[-2:] in DIRECTIONAL_COMPLEMENTS \
                and not (text[-2:] == "过去" and text[:-2].endswith(_FULL_SENSE_BEFORE["过去"])):
            _set(rs[-1], 5)  # 背下来 bei4 xia5 lai5, 走进去 (jieba's 回顾过去: "the past")
            if text[-2] != "起" and rs[-2].tone != 5 and text not in ("接下来", "接下去") and text[-3] not in "不得":
                _set(rs[-2], 5)  # … and its first syllable: 拿出来 na2 chu5 lai5 (起 keeps its tone: 站起来)
        if text == "头" and len(rs) == 1 and k > 0 and clause[k - 1].text in _INSIDE_PLACES \
                and len(clause[k - 1].readings) == 2 and not (k + 1 < len(clause) and clause[k + 1].text in ("一次", "一回", "一遍", "回", "次")):
            _set(clause[k - 1].readings[-1], 3)
            _set(rs[0], 5)  # jieba's 心里|头: 里头 "inside", li3 tou5
        if (len(text) == len(rs) == 2 and text[1] == "上" and text[0] in _CLOSING_VERBS) or (
                text == "上" and len(rs) == 1 and k > 0 and clause[k - 1].text in _CLOSING_VERBS):
            _set(rs[-1], 5)  # 把门关上, 穿|上衣服, 戴上: 上 a complement of closing or putting on, said light
        if text in ("来", "去") and len(rs) == 1 and k > 0 and (len(clause[k - 1].text) == 2 or (
                len(clause[k - 1].text) == 3 and clause[k - 1].text[1] in "不得")) \
                and clause[k - 1].text[-1] + text in DIRECTIONAL_COMPLEMENTS \
                and clause[k - 1].text not in _NOT_DIRECTIONAL_BEFORE:
            _set(rs[0], 5)  # segmented 拿出|去: the same complement (not 早上|去, 马上|去)
            if clause[k - 1].text[-1] != "起" and len(clause[k - 1].text) == len(clause[k - 1].readings) == 2 \
                    and clause[k - 1].text[0] in _COMPLEMENTED_VERBS:
                _set(clause[k - 1].readings[-1], 5)  # … said light as a whole: 拿出|去 na2 chu5 qu5
        if text in DIRECTIONAL_COMPLEMENTS and text[0] != "起" and len(rs) == 2 and k > 0 \
                and clause[k - 1].text in _COMPLEMENTED_VERBS and not _past_noun(clause, k):
            _set(rs[0], 5)  # 拿|出来 na2 chu5 lai5: a complement after a verb (你|过来: guo4)
        if _is_locative(clause, k):
            _set(rs[-1], 5)  # 在桌子上, 在教室里, 住在城里: the locative suffix
        if len(text) == len(rs) in (2, 3) and text[0] == text[1] and text[0] in REDUPLICATED_NEUTRAL \
                and (len(text) == 2 or (text[0] in _REDUPLICATED_VERBS and text[2] not in "子儿头虎糖")):
            if rs[0].tone == 3 and text[0] not in _KINSHIP:
                _set(rs[0], 2)  # 想想 xiang2 xiang5, jieba's 捶捶背
            _set(rs[1], 5)
        glued = k > 0 and len(clause[k - 1].text) == len(clause[k - 1].readings) == 2 \
            and clause[k - 1].text[0] in _GLUED_BEFORE_REDUPLICATION  # jieba's 来说|说, 再想|想
        if len(text) == len(rs) in (1, 2) and k > 0 and clause[k - 1].text[-1:] == text[0] \
                and (len(clause[k - 1].readings) == 1 or glued) and text[0] in REDUPLICATED_NEUTRAL \
                and (len(text) == 1 or (text[0] in _REDUPLICATED_VERBS and text[1] in _DONE_TO)) \
                and rs[0].pinyin == clause[k - 1].readings[-1].pinyin:
            if rs[0].tone == 3 and text[0] not in _KINSHIP:
                _set(clause[k - 1].readings[-1], 2)  # jieba's 找|找, 捶|捶背: the same reduplication
            _set(rs[0], 5)
        if len(text) == len(rs) in (1, 2) and k > 1 and clause[k - 1].text == "了" and clause[k - 2].text == text[0] \
                and text[0] in _REDUPLICATED_VERBS and (len(text) == 1 or text[1] in _DONE_TO) \
                and not (k + 1 < len(clause) and clause[k + 1].text == "了"):
            _set(rs[0], 5)  # 看了看表, 想了想: the verb said again after 了
        if len(text) == len(rs) == 4 and text[0] == text[1] and text[2] == text[3] \
                and text[0] in _KIN_NOUNS and text[2] in _KIN_NOUNS:
            _set(rs[1], 5)  # 爷爷奶奶, 爸爸妈妈: two reduplicated kinship terms
            _set(rs[3], 5)
        if len(text) > 2 and len(rs) == len(text) and text.startswith("谢谢"):
            _set(rs[1], 5)  # jieba's 谢谢合作, 谢谢大家
        if len(text) == len(rs) == 3 and text[1] == "不" and text[0] != text[2] \
                and text[2] in _COMPLEMENTS and text[0] not in _NOT_VERB_BEFORE_BU:
            _set(rs[1], 5)  # potential complements: 对不起, 来不及, 看不见 (A不A is below)
        if _split_potential_complement(clause, k):
            _set(rs[0], 5)  # jieba's 拿|不动, 听|不|清楚
        if len(text) == len(rs) == 4 and text[0] in _ADVERB_GLUED and text[2] == "不" \
                and text[3] in _COMPLEMENTS and text[1] in _POTENTIAL_VERBS:
            _set(rs[2], 5)  # jieba's HMM glued an adverb on: 真受不了
        if len(text) == len(rs) == 4 and text[2] == "不" and text[3] == "了" and text[0] != text[1]:
            _set(rs[2], 5)  # a two-syllable verb's potential complement jieba keeps whole: 解决不了, 控制不了
        if len(text) == len(rs) == 4 and text[1] == "不" and text[0] in _POTENTIAL_VERBS \
                and (text[2:] in _TWO_SYLLABLE_COMPLEMENTS or text[2:] in DIRECTIONAL_COMPLEMENTS):
            _set(rs[1], 5)  # 看不清楚, 说不明白, 爬不起来: a complement of two syllables
        if text in _FINAL_PARTICLES and k > 0 and k + 1 == len(clause) and rs[0].pinyin[:-1] == _FINAL_PARTICLES[text]:
            _set(rs[0], 5)  # 收藏店铺哦
        is_suffix = len(text) >= 2 or (len(text) == 1 and k > 0)
        if rs and is_suffix and text[-1:] in PARTICLES and rs[-1].pinyin[:-1] == PARTICLES[text[-1]] \
                and not (text in _BARS and not (k > 0 and clause[k - 1].text == "上")):
            _set(rs[-1], 5)


# Words with a neutral-toned and a full-toned sense, and the neighbouring words that show the
# full-toned one: 东西走向 "east-west" (东西 "thing" dōngxi), 地方政府 "local" (地方 "place"
# dìfang), 挖地道 "tunnel" (地道 "genuine" dìdao).
_FULL_SENSE_NEXT: dict[str, frozenset[str]] = {
    "东西": frozenset(["走向", "方向", "向", "宽", "两侧", "两边", "两端", "两岸", "距离", "跨度", "长约",
                     "长达", "全长", "横贯", "贯穿", "贯通", "南北"]),
    "地方": frozenset(["政府", "官员", "财政", "经济", "性", "志", "戏", "病", "特色", "当局", "选举", "部队",
                     "武装", "势力", "债", "债务", "干部", "党委", "口音", "风味", "小吃", "媒体", "银行",
                     "企业", "国企", "官", "人大", "立法", "法规", "治理", "政权", "主义", "税", "税收",
                     "自治", "领导", "层面", "分权", "割据", "军阀", "豪强", "官吏", "长官", "行政",
                     "法院", "议会", "政策", "标准", "保护主义", "行政区划", "行政区"]),
    "地道": frozenset(["战", "口", "里", "中", "内", "入口", "出口"]),
    "过去": frozenset(["的", "曾", "曾经", "一直", "常", "常常", "经常", "总", "总是", "多年", "几年", "那些",
                     "相比", "比", "一样", "不同", "相同"]),
    "买卖": frozenset(["野生", "野生动物", "人口", "毒品", "枪支", "股票", "房屋", "土地", "合同", "双方",
                     "关系", "妇女", "儿童", "器官", "文物", "象牙", "个人信息", "公民", "外汇"]),
}
_FULL_SENSE_BEFORE: dict[str, tuple[str, ...]] = {
    "东西": ("南北", "横贯", "贯穿", "呈"),
    "地方": ("中央和", "中央与", "中央到", "中央及", "各级"),
    "地道": ("挖", "条", "进", "钻", "修", "座"),
    "过去": ("在", "从", "和", "与", "比", "同", "回顾", "回忆", "告别", "忘记", "忘掉", "怀念", "想起", "相比",
             "代表", "属于", "缅怀", "留恋", "铭记", "总结", "反思"),
    "买卖": ("非法", "禁止", "严禁", "不得", "自由", "公平", "合法", "打击"),  # 非法买卖: "buy and sell"
}
# What follows 老子 "I" said with swagger (lǎozi), not the philosopher Lǎozǐ: 老子今天不干了.
_SWAGGER_NEXT = frozenset(["今天", "明天", "今儿", "偏", "偏要", "偏不", "这就", "跟你", "不干", "不管", "不怕",
                           "受够"])
# What follows 孙子 the strategist Sūnzǐ (elsewhere 孙子 is a grandson, sūnzi).
_STRATEGIST_NEXT = frozenset(["兵法", "吴起", "曰", "认为", "列传", "说过", "有云", "云", "指出", "提出"])
# Verbs of motion whose complement 过去 stays neutral whatever follows (走|过去的时候, 跑|过去的样子).
_MOTION_VERBS = frozenset("走跑飞冲扑追游爬开送转递传拿扔踢推滚划驶飘")
# Verbs of falling or putting before 地下 "on the floor" (dìxia): 掉地下, 扔在地下.
_DROPPED_ON = frozenset("掉扔放坐躺摔倒吐洒撒丢落蹲跪趴")
# What "others" (人家 rénjia) do first: 人家都走了, 人家不要.
_OTHERS_DO = frozenset(["都", "也", "已经", "早就", "不", "才", "就", "可", "还", "根本", "正在", "在", "说", "是",
                        "要", "想", "又", "没", "没有", "不是", "早"])
# What follows 多少 "how many" (duōshao): a measure or a counted noun (多少钱, 多少个, 多少人); before
# anything else, or after 的, it is "amount" or "somewhat" (duōshǎo: 多少有点, 数量的多少).
_HOW_MANY_NEXT = frozenset("钱个人年天次本件斤元块岁遍分种条张位名只家台辆米公小度号层页倍份瓶杯碗盒双间套"
                           "平千克升毫亿万吨秒周月句题道篇首部场回口")
# Verbs before 人家的 "other people's" (别动人家的东西, 用人家的钱, 这是人家的玩具).
_TOUCH_VERBS = frozenset("动用拿碰偷抢借占要吃穿看听拆翻是")
# 大意 is "careless" (dàyi) after these or before 了, "the gist" (dàyì) elsewhere; 精神 is "lively"
# (jīngshen) after these or before 了 / 起来, "spirit" (jīngshén) elsewhere.
_CARELESS_BEFORE = ("太", "很", "真", "过于", "有点", "有些", "一时", "别", "不能", "不可", "不要", "千万")
# After 精神 "vigour" (jīngshen): 老人精神很好, 精神不错.
_VIGOUR_AFTER = ("很好", "不错", "挺好", "还好", "也好", "特别好", "非常好", "极好", "头")
_LIVELY_BEFORE = ("太", "很", "真", "挺", "特别", "可", "都", "多", "更", "有点", "没")
# Words before 大夫 that make it an official (dàfū), not a doctor (dàifu): 光禄大夫, 御史大夫, 士大夫.
_OFFICIAL_BEFORE = ("光禄", "御史", "谏议", "太中", "晋国", "齐国", "楚国", "秦国", "鲁国", "郑国", "卫国", "宋国", "吴国",
                    "越国", "燕国", "赵国", "魏国")
_OFFICIAL_WORDS = ("中大夫", "上大夫", "下大夫", "士大夫", "卿大夫")


# What 精神 "spirit" (jīngshén) qualifies after 有精神的 (十分有精神的力量); 很有精神的样子 is "vigour" (jīngshen).
_SPIRIT_NOUNS = frozenset(["力量", "追求", "财富", "食粮", "支柱", "文明", "生活", "世界", "境界", "需求", "寄托", "内涵", "价值"])


def _neutral_sense(clause: list[Word], k: int) -> bool | None:
    """For a word with two senses, whether its neighbours show the neutral-toned one (True), the
    full-toned one (False), or neither (None)."""
    text = clause[k].text
    if text[-2:] == "大夫":
        lead = (clause[k - 1].text if k > 0 else "") + text[:-2]
        official = lead.endswith(_OFFICIAL_BEFORE) or text in _OFFICIAL_WORDS \
            or (k > 0 and clause[k - 1].text in ("中", "上", "下", "士", "卿")) \
            or (len(clause[k].readings) == len(text) and clause[k].readings[-2].pinyin == "da4")  # the polyphone rules' official
        return False if official else None  # 光禄大夫, 士大夫 dàfū; a doctor dàifu
    if text == "上头" and k > 0 and clause[k - 1].text in ("越", "太", "很", "真", "有点", "好", "特别", "超"):
        return False  # 越看越上头 "hooked" (shàngtóu), not 上头 "above" (shàngtou)
    if text == "起来" and k > 0 and clause[k - 1].text == "一":
        return False  # jieba's 一|起来打卡: 一起 来, no complement
    if text == "人家":
        before = clause[k - 1].text if k > 0 else ""
        after = clause[k + 1].text if k + 1 < len(clause) else ""
        if before and before[-1] in "户个家好穷富大小农":
            return False  # 一户人家, 好人家: "household"
        opens = k == 0 or before in ("你", "我", "他", "她", "看", "让", "给", "把", "被", "跟", "和")
        if opens and (after in _OTHERS_DO or after[:1] in ("不", "没") or (len(after) == 2 and after[0] in "老小")):
            return True  # 人家都走了, 人家老王: "others", "that person"
        return True if after == "的" and before[-1:] in _TOUCH_VERBS else None  # 别动人家的书包
    if text == "近乎":
        before = clause[k - 1].text if k > 0 else ""
        after = clause[k + 1].text if k + 1 < len(clause) else ""
        two_before = "".join(w.text for w in clause[max(0, k - 2):k])
        return before.endswith(("套", "拉", "攀")) or two_before.endswith(("套个", "拉个", "攀个")) \
            or after in ("", "的", "了", "啊", "呢")
        # 套(个)近乎, 关系挺近乎的 jìnhu; 近乎痴迷 jìnhū "nearly"
    if text == "要是" and k > 0 and clause[k - 1].text in ("一定", "必须", "应该", "最好", "得", "都", "就", "还"):
        return False  # 一定要是开水: "must be" (要是 "if" is yàoshi)
    if text == "多少":
        after = clause[k + 1].text if k + 1 < len(clause) else ""
        if k > 0 and clause[k - 1].text == "的":
            return None  # 数量的多少: "amount"
        return True if after[:1] in _HOW_MANY_NEXT or not after else None  # 多少钱 duōshao (多少有点 duōshǎo)
    if text == "地道" and k > 0 and clause[k - 1].text == "走" and (
            k + 1 == len(clause) or clause[k + 1].text != "的" or "".join(w.text for w in clause[k + 2:k + 3]) == "时候"):
        return False  # 过马路要走地道: "take the underpass" (走地道的湘菜路线: "authentic")
    if text == "地道" and any(w.text in ("挖", "修", "挖掘", "修建") for w in clause[:k]):
        return False  # 挖了很长的地道: "tunnel"
    if text == "精神":
        before = clause[k - 1].text if k > 0 else ""
        after = clause[k + 1].text if k + 1 < len(clause) else ""
        lively = after in ("了", "起来", "极了", "多了") or (k + 1 == len(clause) and before.endswith(_LIVELY_BEFORE)) \
            or (before in ("挺", "很", "真", "特别", "非常", "十分", "多", "更", "太", "蛮", "怪") and (
                after in ("", "啊", "呢") or (after == "的" and k + 2 == len(clause)))) \
            or (re.search("(?:挺|很|真|特别|非常|十分|多|更|太|比较)有$", "".join(w.text for w in clause[max(0, k - 2):k]))
                and (after in ("", "了", "啊", "呢") or (after == "的" and not (k + 2 < len(clause) and clause[k + 2].text in _SPIRIT_NOUNS)))) \
            or "".join(w.text for w in clause[k + 1:k + 3]).startswith(_VIGOUR_AFTER)
        return True if lively else None  # 都精神了, 长得真精神, 老人精神很好 (not 精神上, 精神文明)
    if text == "可不":
        after = clause[k + 1].text if k + 1 < len(clause) else ""
        return False if after and after not in ("是", "嘛", "吗", "么", "呢", "咋") else None  # 我可不太敢: "not at all"
    if text == "老子":
        before = clause[k - 1].text if k > 0 else ""
        after = clause[k + 1].text if k + 1 < len(clause) else ""
        then = clause[k + 2].text if k + 2 < len(clause) else ""
        swagger = after in _SWAGGER_NEXT or (after in ("就", "才", "可", "偏") and then[:1] in ("不", "没"))
        return True if swagger or before in ("你", "他", "你们", "他们") else None  # 老子今天不干了, 老子才不怕你
    if text == "地下":
        before = clause[k - 1].text if k > 0 else ""
        after = clause[k + 1].text if k + 1 < len(clause) else ""
        on_floor = before[-1:] in _DROPPED_ON or (before == "在" and k > 1 and clause[k - 2].text[-1:] in _DROPPED_ON)
        return True if on_floor and after in ("", "了", "啦", "吧", "呢", "去") else None  # 掉地下了: "on the floor"
    if text == "孙子":
        before = clause[k - 1].text if k > 0 else ""
        after = clause[k + 1].text if k + 1 < len(clause) else ""
        owned = before.endswith("的") or before in ("我", "你", "他", "她", "您", "咱", "大", "小", "亲")
        strategist = not owned and (
            after in _STRATEGIST_NEXT or before.endswith(("《", "·", "为", "即"))
            or any(w.text in ("军事", "兵法", "兵家", "战略") for w in clause[k + 1:k + 4]))
        return None if strategist else True  # 他的孙子, 给孙子: a grandson (孙子兵法, 孙子认为: Sūnzǐ)
    if text == "过去" and k > 0 and clause[k - 1].text[-1:] in _MOTION_VERBS:
        return None  # 走|过去的时候: the complement, whatever follows
    if text == "过去" and k + 1 < len(clause) and clause[k + 1].text[:1] in NUMERALS:
        return False  # 过去十年, 过去三个月: "the past"
    if text == "过去" and k == 0 and len(clause) == 1:
        return False  # 过去，这里是一片荒地: "in the past" before a comma
    if text not in _FULL_SENSE_NEXT and not text.endswith("大意"):
        return None
    after = clause[k + 1].text if k + 1 < len(clause) else ""
    if text == "地方" and after in ("和", "与") and k + 2 < len(clause) \
            and clause[k + 2].text in ("中央", "国家", "企业", "部门", "单位", "行业", "基层"):
        return False  # 地方和中央: "local" (这个地方和那个地方 stays "place")
    before = "".join(w.text for w in clause[max(0, k - 2):k])
    if text.endswith("大意"):
        lead = before + text[:-2]  # jieba has 太大意 as a word
        if text != "大意" and not lead.endswith(_CARELESS_BEFORE):
            return None  # 粗心大意, 麻痹大意: words of their own
        return True if lead.endswith(_CARELESS_BEFORE) or after in ("了", "失荆州") else None
    if after in _FULL_SENSE_NEXT[text] or before.endswith(_FULL_SENSE_BEFORE[text]):
        return False
    return None


# The locative suffixes with their lexical readings.
_PLACE_SUFFIXES = {"上": "shang4", "里": "li3"}
# Prepositions (or verbs ending in one) that open a place phrase: 在教室里, 放在桌上, 从家里.
_PLACE_OPENERS = frozenset("在从到往于")
# What may follow a locative 上 (在桌子上的书, 在会议上也): before anything else 上 may be a verb.
_AFTER_ON = frozenset(["的", "有", "是", "都", "也", "还", "就", "最", "又", "正", "还有", "放", "摆",
                       "挂", "贴", "写", "画", "躺", "坐", "站", "睡", "留", "发言", "讲话"])
# First characters of words ending in 上 that are not "on": 以上 之上 向上 马上 北上 …
_NOT_ON = frozenset("以之向往北南马至无而在朝加赶爱看迎网线")  # … and 网上, 线上 "online"
# Words ending in 里 that are not "inside": units and set phrases.
_NOT_INSIDE = frozenset(["公里", "英里", "千里", "万里", "海里", "故里", "邻里", "表里", "百里", "华里"])
# Words of jieba's dictionary that are a place and the suffix 里, read li5 with no preposition before
# them (心里很难受, 家里来了客人, 锅里的粥); others ending in 里 are names (阿里, 马里), units (五里) or set
# phrases, and need a place phrase.
_INSIDE = frozenset(["心里", "家里", "手里", "城里", "嘴里", "屋里", "眼里", "怀里", "夜里", "村里",
                     "山里", "房里", "地里", "院里", "宫里", "市里", "店里", "肚里", "庙里", "县里",
                     "河里", "厂里", "棚里", "省里", "寺里", "队里", "骨子里", "车里", "寨里",
                     "园里", "田里", "湖里", "团里", "班里", "厅里", "沟里", "头里", "部里", "兜里",
                     "营里", "大院里", "花园里", "区里", "林里", "馆里", "所里", "场里", "林子里",
                     "局里", "社里", "镇里", "鞋里", "锅里", "水里", "梦里", "雨里", "风里", "门里",
                     "话里", "信里", "书里", "课里", "网里", "洞里", "窝里", "屉里", "包里", "碗里",
                     "杯里", "瓶里", "盒里", "箱里", "柜里", "池里", "井里", "坑里", "缝里", "耳里",
                     "脑子里", "心眼里", "被窝里", "暗地里", "背地里", "私下里", "半夜里", "土里", "盆里",
                     "桶里", "缸里", "罐里", "袋里", "口袋里"])
# Last characters of a word before a bare 里 that is not the suffix: a number (三十里路, the unit), a
# particle (奄奄一息的|里佐) or a syllable of a foreign name (克莱|里河, 塔拉|里).
_NOT_BEFORE_INSIDE = NUMERALS | frozenset("几数多余半的之和与及拉莱斯尔克特德亚阿乌奥佩伊索")


def _is_locative(clause: list[Word], k: int) -> bool:
    """``clause[k]`` is 上 / 里 after a noun, or a word ending in 里 or 上 (家里, 操场上), inside a place
    phrase opened by 在 / 从 / 到 / 往 / 于 at most four words before; 上 also ends the clause or
    comes before a word of ``_AFTER_ON``. 里 needs no such phrase after a word of two or more Han
    characters not ending in a number, a particle or a name's syllable (古文|里的句读, 山谷|里), nor in a
    word of ``_INSIDE`` (心里很难受, 锅里的粥)."""
    word = clause[k]
    text = word.text
    if not word.readings or len(word.readings) != len(text) or word.readings[-1].fixed \
            or word.readings[-1].pinyin != _PLACE_SUFFIXES.get(text[-1]):
        return False
    if len(text) == 1:
        if k == 0 or clause[k - 1].text[-1:] in _PLACE_OPENERS:
            return False  # 在上: nothing between the preposition and the suffix
        if text == "上" and k + 1 < len(clause) and clause[k + 1].text not in _AFTER_ON \
                and not (clause[k + 1].text == "了" and k + 2 == len(clause)):  # 放在桌子上了
            return False  # 在北京上大学: 上 is the verb "attend"
    elif text[-2:] in _NOT_INSIDE or (text[-1] == "上" and text[-2] in _NOT_ON):
        return False  # a word ending in 里 / 上 (家里, 床上, 操场上): not 公里, 以上, 马上
    before = clause[k - 1].text if k > 0 else ""
    if text in _INSIDE or (text == "里" and len(before) >= 2 and all(is_han(c) for c in before)
                           and before[-1] not in _NOT_BEFORE_INSIDE):
        return True  # 锅里的粥, 古文|里的句读; not after a one-character word (答|里|巴, 让|里宰)
    return any(w.text[-1:] in _PLACE_OPENERS for w in clause[max(0, k - 4):k])


def _aspect_guo(clause: list[Word]) -> None:
    """过 right after a verb of ``ASPECT_VERBS`` is neutral (我去过北京 qu4 guo5), unless a
    direction follows (跑过去, 走过来) or 过 begins a word of its own (来|过年, 去|过河): then it
    is the verb."""
    flat: list[tuple[Reading, bool]] = []  # (reading, begins a word of two or more)
    for k, word in enumerate(clause):
        if word.text == "过" and k > 0 and clause[k - 1].text in ASPECT_VERBS2 and word.readings \
                and word.readings[0].pinyin[:-1] == "guo" \
                and (k + 1 == len(clause) or clause[k + 1].text[:1] not in ("来", "去")):
            _set(word.readings[0], 5)  # 曾多次发生|过|地震
        flat += [(r, j == 0 and len(word.readings) > 1) for j, r in enumerate(word.readings)]
    for i in range(1, len(flat)):
        reading, begins = flat[i]
        if reading.text == "过" and reading.pinyin[:-1] == "guo" and not begins \
                and flat[i - 1][0].text in ASPECT_VERBS \
                and (i + 1 == len(flat) or flat[i + 1][0].text not in ("来", "去")):
            _set(reading, 5)


def _is_a_bu_ab(word: Word) -> bool:
    """A word of four that asks A不AB (喜不喜欢, 漂不漂亮): its 不 is neutral, as in 是不是."""
    return len(word.text) == len(word.readings) == 4 and word.text[1] == "不" and word.text[0] == word.text[2]


def _neutral_patterns(clause: list[Word]) -> None:
    """``A一A`` and ``A不A``: the middle syllable is neutral (看一看, 是不是, 喜不喜欢) — but not the
    second 一 of ``一A一A`` (一个一个, 一步一步), where each 一 counts, and not where the first A
    ends a longer word (先生|一生)."""
    flat: list[Reading] = []
    starts: set[int] = set()  # positions in ``flat`` where a word starts
    long_starts: set[int] = set()  # … a word of three or more (不得了 in 忙得|不得了 is no 得不得)
    in_idiom: set[int] = set()  # positions inside a word of four or more (数一数二 counts)
    for word in clause:
        starts.add(len(flat))
        if len(word.readings) >= 3:
            long_starts.add(len(flat))
        if len(word.readings) >= 4 and not _is_a_bu_ab(word):
            in_idiom.update(range(len(flat), len(flat) + len(word.readings)))
        flat += word.readings
    for i in range(1, len(flat) - 1):
        middle = flat[i]
        if middle.text in ("一", "不") and flat[i - 1].text == flat[i + 1].text and flat[i - 1].text \
                and (i - 1 in starts or (middle.text == "不" and i in starts and (i + 2 in starts or i + 2 == len(flat)))) \
                and i not in long_starts and i not in in_idiom \
                and not (middle.text == "一" and i >= 2 and flat[i - 2].text == "一") \
                and not (middle.text == "一" and flat[i - 1].text in _MEASURES_NOT_VERBS
                         and not (i + 2 < len(flat) and flat[i + 2].text == "脉")):
            _set(middle, 5)


def _yi_bu(clause: list[Word], is_word: IsWord, following: str = "") -> None:
    flat: list[tuple[Reading, int, int]] = []  # (reading, word number, position in word)
    for k, word in enumerate(clause):
        flat += [(r, k, j) for j, r in enumerate(word.readings)]
    readings = [r for r, _, _ in flat]
    for i, (reading, k, j) in enumerate(flat):
        if reading.fixed or reading.tone == 5 or reading.text not in ("一", "不"):
            continue
        nxt = readings[i + 1] if i + 1 < len(readings) else None
        if reading.text == "一":
            word = clause[k]
            word_end = j == len(word.readings) - 1 and len(word.readings) > 1 \
                and word.text not in _COUNTING_YI_WORDS and is_word(word.text)  # 统一, not jieba's HMM 放一
            ordinal = (j == 0 and _is_ordinal_yi(clause, k)) or (
                j > 0 and (word.text[j:] + "".join(w.text for w in clause[k + 1:k + 2])).startswith("一年级")) or (
                j > 0 and word.text[j:] == "一级" and k + 1 < len(clause) and clause[k + 1].text in _GRADED_AFTER)
            counted = (len(word.text) == 4 and j == 1 and word.text[3] in "一二两三四五六七八九十百千万"
                       and word.text[2] != "一") or (  # 说一不二, 数一数二, 买一送一, 举一反三, 独一无二
                0 < i < len(readings) - 2
                and readings[i - 1].text + "一" + readings[i + 1].text + readings[i + 2].text in _COUNTED_IDIOMS)
            weekday = j == 0 and k > 0 and clause[k - 1].text.endswith(("周", "星期", "礼拜")) \
                and clause[k - 1].text not in ("老周", "小周")  # 每周|一: Monday (老周|一个人: a name)
            same = j == 1 and word.text.startswith("同一") and (nxt is None or nxt.text != "个")  # 同一时间
            book = j == 0 and len(word.readings) == 1 and k > 0 and clause[k - 1].text.endswith(("必修", "选修")) \
                and (nxt is None or nxt.text not in "学年门节次周天个些点下本")  # 必修|一: Book One
            # after a word that ends in 一 (唯一|一个) that 一 is no number the next one extends
            after_word = i > 0 and j == 0 and readings[i - 1].text == "一" and len(clause[k - 1].text) > 1 \
                and not all(c in NUMERALS for c in clause[k - 1].text)
            listed = j == 0 and nxt is not None and nxt.text in _LISTING_AFTER \
                and (len(word.readings) == 1 or word.text[:2] == "一" + nxt.text) \
                and _lists_points(clause, k, nxt.text, nxt.text == "是" or i == 0, following)
            # counting from one: 从一数到十, 从一写到一百 (从一开始 "from the very start" keeps its sandhi)
            count_from = j == 0 and i > 0 and readings[i - 1].text == "从" \
                and re.match("一?[数写念读排背]到[零一二两三四五六七八九十百千万0-9]", "".join(w.text for w in clause[k:])) is not None
            _set(reading, 1 if word_end or ordinal or counted or weekday or same or book or listed or count_from
                 else _yi_tone(readings, i, count_before=not after_word))
        elif nxt is not None and nxt.tone == 4:
            _set(reading, 2)
        else:
            _set(reading, 4)


def _yi_tone(readings: list[Reading], i: int, count_before: bool = True) -> int:
    """The tone of the 一 at ``readings[i]`` from its neighbours (see the module doc);
    ``count_before=False`` when the syllable before belongs to no number (唯一|一个)."""
    def at(k: int) -> Reading | None:
        return readings[k] if 0 <= k < len(readings) else None

    prev, nxt, after = at(i - 1) if count_before else None, at(i + 1), at(i + 2)
    if nxt is None:
        return 1
    if not readings[i].written and readings[i].source == "①":
        return 1  # ① as a label inside a sentence (将①代入②, 如图①所示)
    digit = not readings[i].written and readings[i].source == "1"  # 一 written as the digit 1 alone
    if digit and (nxt.text[:1] in _NUMBERED_AFTER or (prev is not None and prev.text[-1:] in _TYPED_AFTER)):
        return 1  # 1班, 1路, 1床: a number naming; 把1打在公屏上: the digit itself
    if prev is not None and prev.text[-1:] in _PLACE_VALUES and prev.text[-1:] != "十" \
            and nxt.text[:1] in _PLACE_VALUES:
        pass  # 两万一千, 三千一百: 一 begins the next part of the number
    elif prev is not None and _from_digits(prev) and readings[i].written and prev.text[-1:] in NUMERALS:
        pass  # F1.4一开: a written 一 after a number that digits wrote begins a word of its own
    elif prev is not None and (prev.text[-1:] in NUMERALS or prev.text[-1:] in _ORDINAL_BEFORE
                               or _is_decimal_point(prev)
                               or (_is_operator(prev, at(i - 2)) and nxt.text[:1] not in _PLACE_VALUES
                                   and not (prev.text == "加" and nxt.text[:1] in "元块角毛份个"))  # 大杯+1元: yi4
                               or (not readings[i].written and not prev.written
                                   and prev.source[-1:].isascii() and prev.source[-1:].isalpha())):
        return 1  # 十一, 一加一, G1次 (a code after a letter); but 80到100元 starts a number: yi4 bai3
    before_point = at(i - 2) if count_before else None
    if prev is not None and prev.text == "点" and before_point is not None \
            and before_point.text in _DIGIT_WORDS and nxt.text[:1] not in ("刻", "点", "滴") \
            and not (before_point.text == "一" and nxt.text[:1] in ("点", "滴")):
        return 1  # 零点一个百分点, 三点一四: a decimal written in characters (三点一刻 a time, 一点一滴 no number)
    if nxt.text[:1] in _DATE_AFTER and prev is not None and prev.text[-1:] in ("大", "小"):
        return 2 if nxt.tone == 4 else 4  # 小一号, 大一号: a size, not a date
    dose = nxt.text[:1] == "日" and after is not None and after.text[:1] in NUMERALS \
        and any(r is not None and r.text[:1] == "次" for r in (at(i + 3), at(i + 4)))  # 一日3次: a day
    if not dose and (nxt.text[:1] in _DIGITS or nxt.text[:1] == "一" or nxt.text[:1] in _DATE_AFTER
                     or _is_decimal_point(nxt) or _is_operator(nxt, after)):
        return 1
    if nxt.text[:1] in "层楼" and prev is not None and (
            prev.text == "负" or (prev.text == "下" and at(i - 2) is not None and at(i - 2).text == "地")) \
            and not (after is not None and (after.text[:1] in "灰土沙泥冰雪水油膜纸布皮霜" or "".join(
                r.text for r in readings[i + 2:i + 4]) in ("白霜", "落叶", "厚厚", "薄薄", "青苔"))):  # 地下一层灰: a layer
        return 1  # 地下一层, 负一楼: a floor named by its number
    if nxt.text[:1] == "楼" and not (prev is not None and prev.text[-1:] in "整满半") \
            and not (after is not None and after.text[:1] in "道梯"):
        return 1  # 放一楼门口, 一楼大厅: the ground floor
    if nxt.text in ("啊", "呀", "吧", "呢", "嘛", "啦", "哦") and nxt.tone == 5:
        return 1  # 万里挑一啊: 一 ends the phrase before a particle
    if nxt.text[:1] == "班" and prev is not None and (prev.text.endswith("级") or prev.text[-1:] in "大中小"):
        return 1  # 三年级一班: a class named by its number
    if nxt.text[:1] == "月" and after is not None and after.text[:1] in "上中下" \
            and at(i + 3) is not None and at(i + 3).text[:1] == "旬":
        return 1  # 一月中旬: January
    if nxt.text[:1] == "月" and (
        (prev is not None and prev.text[-1:] == "年")
        or (after is not None and (after.text[:1] in NUMERALS or after.text[:1] in _MONTH_AFTER))
    ):
        return 1  # 2023年一月, 一月五号, 一月份, 一月底: January (一个月 is a month)
    if nxt.text[:1] == "月" and after is not None and after.text[:1] in _JANUARY_NEXT \
            and (prev is None or prev.text[-1:] not in _LENGTH_BEFORE_MONTH):
        return 1  # 我打算一月再休: January (住了一月就走: a month's length)
    lexical = nxt.tone if nxt.tone != 5 else _LEXICAL_OF_NEUTRAL.get(nxt.text[:1], 4)
    return 2 if lexical == 4 else 4


def _counted(word: Word) -> bool:
    """``word`` is a number or a demonstrative and a measure word (一匹, 两把, 这本), which groups
    with the noun after it: 一匹枣红马 yi4 pi2 zao3."""
    return len(word.text) == len(word.readings) == 2 and word.text[0] in _COUNTERS_BEFORE_MEASURE \
        and word.text[1] in _THIRD_TONE_MEASURES


# Numbers and demonstratives before a measure word, and the third-tone measure words they count with.
_COUNTERS_BEFORE_MEASURE = frozenset("一二两三四五六七八九十几这那哪每某")
_THIRD_TONE_MEASURES = frozenset("匹把本两口种朵碗尺里水秒筐捆幅组点")


def _from_digits(reading: Reading) -> bool:
    """``reading`` was written by normalization for digits (1800 → 一千八百)."""
    return not reading.written and any(c.isdigit() for c in reading.source)


def _one_number(a: Reading, b: Reading) -> bool:
    """``a`` and ``b`` were both written by normalization for the same digits (399 → 三百|九十九)."""
    return not a.written and not b.written and a.source == b.source and any(c.isdigit() for c in a.source)


def _is_decimal_point(reading: Reading) -> bool:
    """点 that normalization wrote for a decimal point (1.5 一点五, v2.1 二点一), not a clock's."""
    return reading.text == "点" and not reading.written and any(c in reading.source for c in ".．")


# Sayings whose 一 is the number one, cut by jieba (假一|赔十, 押|一付|三).
_COUNTED_IDIOMS = frozenset(["假一赔十", "押一付三", "押一付一", "买一送一", "买一赠一", "举一反三", "以一当十",
                             "闻一知十", "说一不二", "数一数二", "独一无二", "一五一十"])
# Place values after the 一 that begins a number (到一百, 比一千).
_PLACE_VALUES = frozenset("百千万亿")
# What follows a digit 1 that names (1班, 1路, 1床), and what comes before the digit typed itself (把1打在公屏上).
_NUMBERED_AFTER = frozenset("班路栋排床区")
_TYPED_AFTER = frozenset("把按扣刷输")
# Digits before a written decimal point (零点一, 三点一四).
_DIGIT_WORDS = frozenset("零〇一二三四五六七八九十")
# What follows 一月 "January" but not a month's length: 一月份, 一月初, 一月底.
_MONTH_AFTER = frozenset("份初底")
# … what follows 一月 "January" before a verb or a time word (一月再休, 一月就开学), and what before it
# makes 一月 a length (住了一月, 每一月, 近一月).
_JANUARY_NEXT = frozenset("再去回开")
_LENGTH_BEFORE_MONTH = frozenset("了过每近半这那上下满隔")


# Operators between two numbers: arithmetic (除以), scores and ratios (一比零), ranges (1-3天 一到三天).
_OPERATORS = frozenset("加减乘除以比到至")


def _is_operator(reading: Reading, number_side: Reading | None) -> bool:
    """``reading`` stands between two numbers, with ``number_side`` the syllable on its far side:
    an operator normalization wrote for a symbol (1+1, 3:1, 1-3), or a written 加 减 乘 除 比 到 至
    with a number beyond it (一加一, 一比零, 1至10月)."""
    if reading.text not in _OPERATORS:
        return False
    return not reading.written or (number_side is not None and number_side.text[:1] in NUMERALS)


# What follows the 一 that opens a clause counting points (一是成本高，二是周期长; 一则…; 一要…).
# What follows the 一 that opens a point in a list (一是…，二是…; 一要…; 一则…).
_LISTING_AFTER = frozenset("是要则")


def _lists_points(clause: list[Word], k: int, after: str, opens: bool, following: str) -> bool:
    """The 一 opening ``clause[k]``, before ``after`` (是 要 则), opens a list of points: 他家一是缺钱，二是缺人,
    一则天气太冷 — not 一要钱他就躲 (一…就) nor 一则消息 (one piece of news). A second point later in the sentence
    (…，二则…) settles it; without one the 一 must open the clause (``opens``, or come before 是)."""
    if ("二" + after) in following or ("其二" in following and after == "是"):
        return True  # 一则材料不全，二则时间太紧; 我们一要加强管理，二要提高效率
    if not opens or any(w.text == "就" for w in clause[k:]) or (after == "要" and "就" in following[:4]):
        return False
    if after != "则":
        return True
    rest = "".join(w.text for w in clause[k:])
    return not any(w in rest for w in _COUNTED_BY_ZE + ("声明", "启事")) \
        and ((len(rest) <= 8 and "的" not in rest) or rest[2:3] in "我你他她这那因")


# What 则 counts after 一 (一则消息, one piece of news); before anything else 一则 opens a list (一则天气太冷).
_COUNTED_BY_ZE = ("消息", "新闻", "广告", "通知", "寓言", "故事", "笑话", "启事", "短讯", "报道", "公告", "日记", "评论",
                  "留言", "视频", "微博", "帖子", "趣闻", "轶事", "短文", "材料", "案例", "通告", "谣言", "传闻", "短信",
                  "段子", "趣事", "新闻稿", "快讯", "笔记", "报告")
# Grades after 一级 "first-class" (国家一级文物, 一级教师; 一级一级往上爬 counts steps).
_GRADED_AFTER = frozenset(["文物", "教师", "演员", "保护", "响应", "警报", "建造师", "运动员", "厨师", "作家", "医院",
                           "学科", "市场", "风险", "指标", "品", "证书", "资质", "公路", "军士长", "士官", "裁判"])
# Words whose 一 is an ordinal, "first", and keeps its tone before any syllable: 一等奖, 一流大学,
# 一年级, 一审判决, 一楼 (the ground floor). (一战 is left out: 一战成名 is "one battle".)
_ORDINAL_YI_PREFIXES = ("一等", "一流", "一年级", "一审", "一汽", "一楼", "一季度", "一血", "一月份")
# 一线 is "the front line" before these (一线城市, 一线医护) and at the end of a clause (奋战在一线);
# elsewhere it is "a thread of" (一线希望 yi2 xian4).
_FRONT_LINE_BEFORE = frozenset(["城市", "品牌", "明星", "员工", "工人", "医护", "人员", "岗位", "教师", "队员"])


def _is_ordinal_yi(clause: list[Word], k: int) -> bool:
    """The 一 that begins ``clause[k]`` means "first" (一等奖, 一线城市)."""
    text = clause[k].text
    if text.startswith(_ORDINAL_YI_PREFIXES) or (
            "".join(w.text for w in clause[k:k + 3]).startswith("一年级") and text in ("一", "一年")):
        return True  # also jieba's 一年|级新生 (but not 一|流氓)
    if text == "一级":
        return k + 1 < len(clause) and clause[k + 1].text in _GRADED_AFTER
    if text.startswith("一级") and len(text) > 2 and text[2] != "一":
        return True  # 一级文物, 一级棒 as jieba's words
    if text == "一线":
        return k + 1 == len(clause) or clause[k + 1].text in _FRONT_LINE_BEFORE
    return False


# Neutral syllables after 一 whose lexical tone decides (一个 yi2 ge4, 一下 yi2 xia4).
_LEXICAL_OF_NEUTRAL = {"个": 4, "下": 4, "些": 1, "点": 3, "样": 4, "会": 4, "次": 4}


# One-syllable adverbs that group with the words after them (很好吃, 也想去): after a word of two or
# more syllables they start a new prosodic group, so a third tone before them stays (水果很好吃
# shui2 guo3 hen2 hao3 chi1); after one syllable they join it (我很好 wo2 hen2 hao3).
LEANS_RIGHT = frozenset("很也都还就只最挺又再更太真总")
# … and the adverbs that end jieba's words (别老|打游戏, 也很|好): they group with the verb after them.
_ADVERBS_LEANING_RIGHT = frozenset("老也很总只")
# One-syllable words that close the phrase before them (棒球等|体育项目): the pause falls after them.
# Any other one-syllable word joins a longer word after it (请|仔细阅读 qing2, 有|小到中雨 you2).
_LEANS_LEFT = frozenset("等")


def _third_tones(clause: list[Word], is_word: IsWord) -> None:
    for word in clause:
        _third_in_word(word.readings, word.text, is_word)
    for left, right in pairwise(clause):
        if not left.readings or not right.readings:
            continue
        a, b = left.readings[-1], right.readings[0]
        if right.text in LEANS_RIGHT and len(left.readings) >= 2:
            continue  # 水果|很好吃: the adverb groups with what follows, after a longer word
        if a.tone == 3 and b.tone == 3 and (len(left.readings) + len(right.readings) <= 4
                                            or (len(left.readings) == 1 and left.text not in _LEANS_LEFT)
                                            or _is_decimal_point(a) or _one_number(a, b)
                                            or (not a.written and not b.written)
                                            or (_from_digits(a) and len(right.readings) <= 2)
                                            or _counted(left)
                                            or (right.text[:1] in "几五九两" and len(right.readings) <= 3)
                                            or (len(left.readings) == 2 and left.text[-1] in _ADVERBS_LEANING_RIGHT)):
            _set(a, 2)  # one number cut in two (一点|五公里 dian2, 三百|九十九 bai2), a number and its measure
            # (八百|米, 65W 五瓦), or words that normalization wrote for one expression (158/96 八|比|九十六)


def _third_in_word(readings: list[Reading], text: str, is_word: IsWord) -> None:
    n = len(readings)
    if n < 2:
        return
    if n == 2:
        if readings[0].tone == 3 and readings[1].tone == 3:
            _set(readings[0], 2)
        return
    if n == 3 and len(text) == 3:
        if is_word(text[1:]) and not is_word(text[:2]):  # 小[老虎]: 3 2 3, 老[百姓]: 2 3 4
            _third_in_word(readings[1:], text[1:], is_word)
            if readings[0].tone == 3 and readings[1].tone == 3:
                _set(readings[0], 2)  # the inner word kept its third tone: the first one rises
            return
        # [展览]馆, or no structure known: sandhi runs left to right (2 2 3)
        _third_in_word(readings[:2], text[:2], is_word)
        if readings[1].tone == 3 and readings[2].tone == 3:
            _set(readings[1], 2)
        return
    # longer words, or erhua-merged ones: pairs from the left, then across the pair boundaries
    for start in range(0, n - 1, 2):
        _third_in_word(readings[start:start + 2], text[start:start + 2], is_word)
    for i in range(1, n - 1, 2):
        if readings[i].tone == 3 and readings[i + 1].tone == 3:
            _set(readings[i], 2)
