"""Tone sandhi, neutral tones and erhua: unit rules on built words, and through the frontend."""

from __future__ import annotations

import pytest

from tts.text.erhua import apply_erhua, erhua_phones
from tts.text.frontend import Frontend
from tts.text.sandhi import apply_sandhi
from tts.text.types import Reading, Word

KNOWN_WORDS = {"展览", "老虎", "展览馆", "小老虎"}


def words(spec: str) -> list[Word]:
    """``"你好:ni3,hao3 世界:shi4,jie4"`` → two words with those lexical readings."""
    out = []
    for item in spec.split():
        text, _, syllables = item.partition(":")
        out.append(Word(text, [Reading(c, s) for c, s in zip(text, syllables.split(","))]))
    return out


def sandhi(spec: str) -> str:
    clause = words(spec)
    apply_sandhi(clause, lambda w: w in KNOWN_WORDS)
    return " ".join(r.pinyin for w in clause for r in w.readings)


@pytest.mark.parametrize("spec, expected", [
    ("你好:ni3,hao3", "ni2 hao3"),
    ("展览馆:zhan3,lan3,guan3", "zhan2 lan2 guan3"),
    ("小老虎:xiao3,lao3,hu3", "xiao3 lao2 hu3"),
    ("我:wo3 也:ye3 想:xiang3", "wo2 ye2 xiang3"),
    ("很:hen3 好:hao3", "hen2 hao3"),
    ("买:mai3 水果:shui3,guo3", "mai3 shui2 guo3"),  # 水 is already 2 when 买 is looked at
    ("好:hao3 老虎:lao3,hu3", "hao3 lao2 hu3"),
    ("美好:mei3,hao3 理想:li3,xiang3", "mei2 hao3 li2 xiang3"),
    ("老:lao3 师:shi1", "lao3 shi1"),
    ("水果:shui3,guo3 很:hen3 好吃:hao3,chi1", "shui2 guo3 hen2 hao3 chi1"),  # 很 leans right
    ("老李:lao3,li3 也:ye3 想:xiang3", "lao2 li3 ye2 xiang3"),
    ("我:wo3 很:hen3 好:hao3", "wo2 hen2 hao3"),  # but joins a single syllable before it
])
def test_third_tone(spec: str, expected: str) -> None:
    assert sandhi(spec) == expected


@pytest.mark.parametrize("spec, expected", [
    ("一:yi1 个:ge4 人:ren2", "yi2 ge4 ren2"),
    ("一天:yi1,tian1", "yi4 tian1"),
    ("一年:yi1,nian2", "yi4 nian2"),
    ("一点:yi1,dian3", "yi4 dian3"),
    ("一样:yi1,yang4", "yi2 yang4"),
    ("第一:di4,yi1", "di4 yi1"),
    ("统一:tong3,yi1", "tong3 yi1"),
    ("十一:shi2,yi1", "shi2 yi1"),
    ("一九八四:yi1,jiu3,ba1,si4", "yi1 jiu3 ba1 si4"),
    ("一月:yi1,yue4 一号:yi1,hao4", "yi1 yue4 yi1 hao4"),
    ("二零一:er4,ling2,yi1", "er4 ling2 yi1"),
    ("看:kan4 一:yi1 看:kan4", "kan4 yi5 kan4"),
    ("一个:yi1,ge4 一个:yi1,ge4", "yi2 ge4 yi2 ge4"),  # 一A一A: both 一 count
    ("一步:yi1,bu4 一步:yi1,bu4", "yi2 bu4 yi2 bu4"),
    ("一:yi1", "yi1"),
    ("不对:bu4,dui4", "bu2 dui4"),
    ("不好:bu4,hao3", "bu4 hao3"),
    ("不:bu4 是:shi4", "bu2 shi4"),
    ("是不是:shi4,bu4,shi4", "shi4 bu5 shi4"),
    ("好不好:hao3,bu4,hao3", "hao3 bu5 hao3"),
    ("先生:xian1,sheng1 一生:yi1,sheng1", "xian1 sheng5 yi4 sheng1"),  # not A一A: 生 ends 先生
    ("谁:shei2 说:shuo1 不:bu4 说:shuo1", "shei2 shuo1 bu5 shuo1"),
])
def test_yi_bu(spec: str, expected: str) -> None:
    assert sandhi(spec) == expected


@pytest.mark.parametrize("spec, expected", [
    ("妈妈:ma1,ma1", "ma1 ma5"),
    ("看看:kan4,kan4", "kan4 kan5"),
    ("想想:xiang3,xiang3", "xiang2 xiang5"),
    ("姐姐:jie3,jie3", "jie3 jie5"),
    ("天天:tian1,tian1", "tian1 tian1"),  # not a neutral-tone reduplication
    ("东西:dong1,xi1", "dong1 xi5"),
    ("知道:zhi1,dao4", "zhi1 dao5"),
    ("明白:ming2,bai2", "ming2 bai5"),
    ("我们:wo3,men2", "wo3 men5"),
    ("好:hao3 吗:ma1", "hao3 ma5"),
    ("吗啡:ma3,fei1", "ma3 fei1"),  # not a suffix
    ("走:zou3 了:le4", "zou3 le5"),
    ("了:liao3 解:jie3", "liao2 jie3"),  # 了 read liao is not the particle
    ("名字:ming2,zi4", "ming2 zi5"),  # CC-CEDICT's neutral-tone words (neutral_words.tsv)
    ("学生:xue2,sheng1", "xue2 sheng5"),
    ("显得:xian3,dei3", "xian2 dei3"),  # listed as de5: a 得 read otherwise keeps its tone
    ("小姐:xiao3,jie3", "xiao2 jie5"),  # a neutral third tone raises the one before
    ("哪里:na3,li3", "na2 li5"),
    ("耳朵:er3,duo3", "er3 duo5"),  # but not in these
    ("椅子:yi3,zi3", "yi3 zi5"),
])
def test_neutral_tones(spec: str, expected: str) -> None:
    assert sandhi(spec) == expected


def test_fixed_readings_are_kept_but_count_as_context() -> None:
    clause = words("你好:ni3,hao3")
    clause[0].readings[0].fixed = True
    apply_sandhi(clause, lambda w: False)
    assert [r.pinyin for r in clause[0].readings] == ["ni3", "hao3"]
    clause = words("很:hen3 好:hao3")
    clause[1].readings[0].fixed = True
    apply_sandhi(clause, lambda w: False)
    assert [r.pinyin for w in clause for r in w.readings] == ["hen2", "hao3"]


# ---------------------------------------------------------------- erhua


def erhua(spec: str) -> list[str]:
    return [r.pinyin for w in apply_erhua(words(spec)) for r in w.readings]


@pytest.mark.parametrize("spec, expected", [
    ("花儿:hua1,er2", ["huar1"]),
    ("一点儿:yi4,dian3,er2", ["yi4", "dianr3"]),
    ("哪儿:na3,er2", ["nar3"]),
    ("老头:lao3,tou2 儿:er2", ["lao3", "tour2"]),
    ("女儿:nv3,er2", ["nv3", "er2"]),
    ("儿子:er2,zi5", ["er2", "zi5"]),
    ("婴儿:ying1,er2", ["ying1", "er2"]),
    ("儿童:er2,tong2", ["er2", "tong2"]),
    ("孤儿:gu1,er2", ["gu1", "er2"]),
    ("幼儿:you4,er2", ["you4", "er2"]),
    ("儿:er2", ["er2"]),
    ("好样儿的:hao3,yang4,er2,de5", ["hao3", "yangr4", "de5"]),  # before a particle inside a word
    ("女儿红:nv3,er2,hong2", ["nv3", "er2", "hong2"]),  # but not before a noun
    ("裤兜:ku4,dou1 儿里:er2,li3", ["ku4", "dour1", "li3"]),  # jieba's HMM glued 儿里
    ("浪孛:lang4,bo2 儿罕:er2,han3", ["lang4", "bo2", "er2", "han3"]),  # a name
    ("体育健儿:ti3,yu4,jian4,er2", ["ti3", "yu4", "jian4", "er2"]),  # 健儿 ending a longer word
    ("婴幼儿:ying1,you4,er2", ["ying1", "you4", "er2"]),
    ("察罕帖:cha2,han3,tie1 木儿:mu4,er2", ["cha2", "han3", "tie1", "mu4", "er2"]),  # Timur, cut apart
    ("从小儿:cong2,xiao3,er2", ["cong2", "xiaor3"]),  # 小儿 "child" only as a whole word
    ("发:fa1 小儿:xiao3,er2", ["fa1", "xiaor3"]),  # 发|小儿 "childhood friend"
    ("一儿:yi1,er2 一女:yi1,nv3", ["yi1", "er2", "yi1", "nv3"]),  # 一儿一女 "a son"
    ("家一儿:jia1,yi1,er2 一女:yi1,nv3", ["jia1", "yi1", "er2", "yi1", "nv3"]),  # jieba's 家一儿|一女
    ("打:da3 小儿:xiao3,er2", ["da3", "xiaor3"]),  # 打小儿 "since childhood"
    ("歇了:xie1,le5 一会儿:yi2,hui4,er2 一女:yi1,nv3", ["xie1", "le5", "yi2", "huir4", "yi1", "nv3"]),  # not "son"
    ("个儿:ge4,er2 皇帝:huang2,di4", ["ge4", "er2", "huang2", "di4"]),  # 个|儿皇帝, a puppet emperor
    ("今儿个:jin1,er2,ge4", ["jinr1", "ge4"]),  # before 个 and 俩 inside a word
    ("爷儿俩:ye2,er2,lia3", ["yer2", "lia3"]),
    ("儿媳妇儿:er2,xi2,fu5,er2", ["er2", "xi2", "fur5"]),  # the first 儿 opens a word, the last closes it
    ("毛病儿:mao2,bing4,er2", ["mao2", "bingr4"]),  # 病儿 "sick child" only as a whole word
    ("儿儿:er2,er2", ["er2", "er2"]),  # no 儿 merges into another
    ("玩儿命:wan2,er2,ming4", ["wanr2", "ming4"]),  # an erhua 儿 inside one of jieba's words
    ("活儿干:huo2,er2,gan4", ["huor2", "gan4"]),
    ("一会儿站:yi2,hui4,er2,zhan4", ["yi2", "huir4", "zhan4"]),  # jieba's glue after 一会儿
    ("托儿所:tuo1,er2,suo3", ["tuo1", "er2", "suo3"]),  # but a syllable in 托儿所
])
def test_erhua(spec: str, expected: list[str]) -> None:
    assert erhua(spec) == expected


def test_erhua_keeps_the_words_text_with_the_syllable_it_merged_into() -> None:
    clause = apply_erhua(words("裤兜:ku4,dou1 儿里:er2,li3"))
    assert [w.text for w in clause] == ["裤兜儿", "里"]


def test_blind_erhua_set_is_read_well() -> None:
    """``benchmarks/data/erhua_blind.tsv`` (162 written 儿, merged or a syllable, written blind by a
    helper; see bench_spoken.py): 154 blind, 162 since."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from bench_spoken import ERHUA2, ERHUA3, ERHUA4, ERHUA5, ERHUA6, ERHUA7, ERHUA8, ERHUA9, ERHUA10, erhua_of, load_erhua

    examples = load_erhua()
    assert len(examples) == 162
    assert sum(s == e.label for s, e in zip(erhua_of(examples), examples)) >= 158
    harder = load_erhua(ERHUA2)  # 130 blind, all 134 since (jieba's 门口|儿站 merges too)
    assert len(harder) == 134
    assert sum(s == e.label for s, e in zip(erhua_of(harder), harder)) >= 130
    colloquial = load_erhua(ERHUA3)  # 146 blind, all 150 since (发小儿, 小人儿书, 一儿一女, 个儿|皇帝)
    assert len(colloquial) == 150
    assert sum(s == e.label for s, e in zip(erhua_of(colloquial), colloquial)) >= 146
    mixed = load_erhua(ERHUA4)  # 153 blind, all 159 since (兔儿爷, 孛儿帖, 娇儿, 乞儿, jieba's 被窝|儿真)
    assert len(mixed) == 159
    assert sum(s == e.label for s, e in zip(erhua_of(mixed), mixed)) >= 155
    beijing = load_erhua(ERHUA5)  # 143 blind, all 150 since (片儿警, 门儿清, jieba's 馅|儿调得, 阿爷无大儿)
    assert len(beijing) == 150
    assert sum(s == e.label for s, e in zip(erhua_of(beijing), beijing)) >= 146
    children = load_erhua(ERHUA6)  # 149 blind, all 150 since (馅儿饼)
    assert len(children) == 150
    assert sum(s == e.label for s, e in zip(erhua_of(children), children)) >= 146
    northern = load_erhua(ERHUA7)  # 148 blind, all 150 since (打小儿, 家一儿|一女)
    assert len(northern) == 150
    assert sum(s == e.label for s, e in zip(erhua_of(northern), northern)) >= 146
    prose = load_erhua(ERHUA8)  # 148 blind, all 150 since (玩儿命, jieba's 活儿干)
    assert len(prose) == 150
    assert sum(s == e.label for s, e in zip(erhua_of(prose), prose)) >= 146
    street = load_erhua(ERHUA9)  # 149 blind, 150 since (吾儿)
    assert len(street) == 150
    assert sum(s == e.label for s, e in zip(erhua_of(street), street)) >= 146
    drama = load_erhua(ERHUA10)  # 148 blind, 150 since (孩儿给母亲请安)
    assert len(drama) == 150
    assert sum(s == e.label for s, e in zip(erhua_of(drama), drama)) >= 146


def test_erhua_phones_append_er_with_neutral_tone() -> None:
    phones, tones = erhua_phones(Reading("花儿", "huar1", erhua=True))
    assert phones == ["h", "ua", "er"] and tones == [1, 1, 5]
    phones, tones = erhua_phones(Reading("好", "hao3"))
    assert phones == ["h", "ao"] and tones == [3, 3]


# ---------------------------------------------------------------- through the frontend


@pytest.fixture(scope="module")
def fe() -> Frontend:
    return Frontend()


@pytest.mark.parametrize("text, expected", [
    ("你好", "ni2 hao3"),
    ("展览馆", "zhan2 lan2 guan3"),
    ("小老虎", "xiao3 lao2 hu3"),
    ("我也想去", "wo2 ye2 xiang3 qu4"),
    ("一个人", "yi2 ge4 ren2"),
    ("第一名", "di4 yi1 ming2"),
    ("不要", "bu2 yao4"),
    ("妈妈看看", "ma1 ma5 kan4 kan5"),
    ("花儿红了", "huar1 huar1 hong2 le5"),  # one entry per character: 儿 repeats its syllable
    ("我的女儿", "wo3 de5 nv3 er2"),
    ("重{chong3}要", "chong3 yao4"),
    ("一个一个地来", "yi2 ge4 yi2 ge4 de5 lai2"),
    ("谢谢你", "xie4 xie5 ni3"),
    ("对不起", "dui4 bu5 qi3"),  # 不 of a potential complement is neutral
    ("来不及了", "lai2 bu5 ji2 le5"),
    ("只不过是个梦", "zhi3 bu2 guo4 shi4 ge4 meng4"),  # but 不 that negates keeps its tone
    ("要不是你", "yao4 bu2 shi4 ni3"),
    ("大不了重来", "da4 bu5 liao3 chong2 lai2"),
    ("不得不承认", "bu4 de2 bu4 cheng2 ren4"),
    ("我去过北京", "wo3 qu4 guo5 bei3 jing1"),  # the aspect particle 过
    ("他吃过饭了", "ta1 chi1 guo5 fan4 le5"),
    ("他经过这里", "ta1 jing1 guo4 zhe4 li5"),  # but not in compounds
    ("他跑过去了", "ta1 pao3 guo5 qu5 le5"),  # 过去 after a verb: a directional complement, said light
    ("我们来过年", "wo3 men5 lai2 guo4 nian2"),  # nor where 过 begins a word (过年: the verb)
    ("他去过河南", "ta1 qu4 guo5 he2 nan2"),
    ("我们要了解情况", "wo3 men5 yao4 liao2 jie3 qing2 kuang4"),
    ("把课文背下来", "ba3 ke4 wen2 bei4 xia5 lai5"),  # directional complements
    ("把书拿出去", "ba3 shu1 na2 chu5 qu5"),
    ("他的名字", "ta1 de5 ming2 zi5"),
    ("小朋友们", "xiao3 peng2 you5 men5"),  # a compound ending in a neutral-tone word
    ("他是大学生", "ta1 shi4 da4 xue2 sheng5"),
    ("书放在桌子上", "shu1 fang4 zai4 zhuo1 zi5 shang5"),  # locatives in a place phrase
    ("他在教室里看书", "ta1 zai4 jiao4 shi4 li5 kan4 shu1"),
    ("他住在城里", "ta1 zhu4 zai4 cheng2 li5"),
    ("孩子们在操场上踢足球", "hai2 zi5 men5 zai4 cao1 chang3 shang5 ti1 zu2 qiu2"),
    ("他在北京上大学", "ta1 zai4 bei3 jing1 shang4 da4 xue2"),  # 上 the verb
    ("他在100公里外", "ta1 zai4 gong1 li3 wai4"),  # a unit
    ("锅里的粥煮糊了", "guo1 li5 de5 zhou1 zhu3 hu2 le5"),  # 里 needs no preposition
    ("我心里很难受", "wo3 xin1 li5 hen3 nan2 shou4"),
    ("古文里的句读", "gu3 wen2 li5 de5 ju4 dou4"),
    ("走了三十里路", "zou3 le5 san1 shi2 li3 lu4"),  # but a unit after a number
    ("马里共和国", "ma2 li3 gong4 he2 guo2"),  # and names
    ("我一个人拿不动", "wo3 yi2 ge4 ren2 na2 bu5 dong4"),  # jieba's 拿|不动: a potential complement
    ("我听不清楚", "wo3 ting1 bu5 qing1 chu5"),  # 听|不|清楚
    ("我真受不了", "wo3 zhen1 shou4 bu5 liao3"),  # jieba's HMM word 真受不了
    ("这个问题暂时解决不了", "zhe4 ge5 wen4 ti2 zan4 shi2 jie3 jue2 bu5 liao3"),  # jieba's word 解决不了
    ("这事儿没完没了", "zhe4 shir4 shir4 mei2 wan2 mei2 liao3"),
    ("请保管好随身物品，谢谢合作", "qing3 bao2 guan2 hao3 sui2 shen1 wu4 pin3 xie4 xie5 he2 zuo4"),  # jieba's 谢谢合作
    ("你考考我吧", "ni3 kao2 kao5 wo3 ba5"),
    ("这孩子准有出息", "zhe4 hai2 zi5 zhun2 you3 chu1 xi5"),
    ("他把桩子给撞倒了", "ta1 ba3 zhuang1 zi5 gei3 zhuang4 dao3 le5"),
    ("这得多少钱呐", "zhe4 dei3 duo1 shao5 qian2 na5"),
    ("他近乎痴迷", "ta1 jin4 hu1 chi1 mi2"),  # 近乎 "nearly"; 套近乎 below
    ("他总想跟领导套近乎", "ta1 zong2 xiang3 gen1 ling2 dao3 tao4 jin4 hu5"),
    ("上客点在地下一层", "shang4 ke4 dian3 zai4 di4 xia4 yi1 ceng2"),  # a floor by its number
    ("一层楼高三米", "yi4 ceng2 lou2 gao1 san1 mi3"),
    ("这是国家一级文物", "zhe4 shi4 guo2 jia1 yi1 ji2 wen2 wu4"),  # a grade
    ("一级一级往上爬", "yi4 ji2 yi4 ji2 wang3 shang4 pa2"),
    ("一是成本高，二是周期长", "yi1 shi4 cheng2 ben3 gao1 er4 shi4 zhou1 qi1 chang2"),  # counting points
    ("他家一是缺钱，二是缺人", "ta1 jia1 yi1 shi4 que1 qian2 er4 shi4 que1 ren2"),
    ("一则消息在网上疯传", "yi4 ze2 xiao1 xi5 zai4 wang3 shang4 feng1 chuan2"),  # one piece of news
    ("一要钱他就躲着走", "yi2 yao4 qian2 ta1 jiu4 duo3 zhe5 zou3"),  # 一…就
    ("他把地下一层灰扫干净了", "ta1 ba3 di4 xia4 yi4 ceng2 hui1 sao3 gan1 jing5 le5"),
    ("他想跟领导套个近乎", "ta1 xiang3 gen1 ling2 dao3 tao4 ge4 jin4 hu5"),
    ("他俩关系挺近乎的", "ta1 lia3 guan1 xi5 ting3 jin4 hu5 de5"),
    ("我的天呐", "wo3 de5 tian1 na5"),
    ("大杯加一元", "da4 bei1 jia1 yi4 yuan2"),
    ("你能从一数到十吗", "ni3 neng2 cong2 yi1 shu3 dao4 shi2 ma5"),  # counting from one
    ("从一开始就错了", "cong2 yi4 kai1 shi3 jiu4 cuo4 le5"),
    ("揪揪你的小耳朵", "jiu1 jiu1 ni3 de5 xiao2 er3 duo5"),  # 耳朵 keeps its third tone inside 小耳朵
    ("他今天很有精神的样子", "ta1 jin1 tian1 hen2 you3 jing1 shen5 de5 yang4 zi5"),
    ("一则材料不全，二则时间太紧", "yi1 ze2 cai2 liao4 bu4 quan2 er4 ze2 shi2 jian1 tai4 jin3"),  # a second point settles a list
    ("我们一要加强管理，二要提高效率", "wo3 men5 yi1 yao4 jia1 qiang2 guan2 li3 er4 yao4 ti2 gao1 xiao4 lv4"),
    ("一则通告贴在门口", "yi4 ze2 tong1 gao4 tie1 zai4 men2 kou3"),  # one notice
    ("一要钱，他就跑了", "yi2 yao4 qian2 ta1 jiu4 pao3 le5"),  # 一…就
    ("这种牌真是万里挑一啊", "zhe4 zhong3 pai2 zhen1 shi5 wan4 li3 tiao1 yi1 a5"),  # 一 ending the phrase
    ("外卖放一楼门口就行", "wai4 mai4 fang4 yi1 lou2 men2 kou3 jiu4 xing2"),  # the ground floor
    ("堆了一楼道的杂物", "dui1 le5 yi4 lou2 dao4 de5 za2 wu4"),  # a corridor full
    ("这药苦不苦啊", "zhe4 yao4 ku3 bu5 ku3 a5"),  # jieba's 这药苦|不苦
    ("一是就业压力大，二是房价太高", "yi1 shi4 jiu4 ye4 ya1 li4 da4 er4 shi4 fang2 jia4 tai4 gao1"),
    ("一则天气太冷，二则路也不好走", "yi1 ze2 tian1 qi4 tai4 leng3 er4 ze2 lu4 ye3 bu4 hao2 zou3"),
    ("请到地下一层取车", "qing3 dao4 di4 xia4 yi1 ceng2 qu3 che1"),
    ("这是一个近乎完美的计划", "zhe4 shi4 yi2 ge4 jin4 hu1 wan2 mei3 de5 ji4 hua4"),
    ("屈原曾任三闾大夫", "qu1 yuan2 ceng2 ren4 san1 lv2 da4 fu1"),
    ("好生伺候着", "hao3 sheng1 ci4 hou5 zhe5"),
    ("先见见再说", "xian1 jian4 jian5 zai4 shuo1"),
    ("一个民族不能没有精神", "yi2 ge4 min2 zu2 bu4 neng2 mei2 you3 jing1 shen2"),
    ("一则公益广告让人感动", "yi4 ze2 gong1 yi4 guang3 gao4 rang4 ren2 gan3 dong4"),
    ("早上起来，地下一层白霜", "zao3 shang5 qi3 lai5 di4 xia4 yi4 ceng2 bai2 shuang1"),
    ("地下一层白天人很少", "di4 xia4 yi1 ceng2 bai2 tian1 ren2 hen2 shao3"),
    ("一则我的腿伤还没好，二则家里也离不开人", "yi1 ze2 wo3 de5 tui3 shang1 hai2 mei2 hao3 er4 ze2 jia1 li5 ye3 li2 bu5 kai1 ren2"),
    ("他特别有精神", "ta1 te4 bie2 you3 jing1 shen5"),
    ("这部作品十分有精神的力量", "zhe4 bu4 zuo4 pin3 shi2 fen1 you3 jing1 shen2 de5 li4 liang5"),
    ("一则我们公司的招聘广告登在了报上", "yi4 ze2 wo3 men5 gong1 si1 de5 zhao1 pin4 guang3 gao4 deng1 zai4 le5 bao4 shang5"),
    ("老人今天看着挺有精神的", "lao3 ren2 jin1 tian1 kan4 zhe5 ting2 you3 jing1 shen5 de5"),
    ("他一动不动", "ta1 yi2 dong4 bu2 dong4"),  # not A不A
    ("钱不多", "qian2 bu4 duo1"),  # nor after a noun
    ("我可弹不了", "wo2 ke3 tan2 bu5 liao3"),  # jieba's HMM glued 可 to the verb
    ("我举不起来", "wo2 ju3 bu5 qi3 lai5"),
    ("对手接不住", "dui4 shou3 jie1 bu5 zhu4"),
    ("吉他背在身上去上课", "ji2 ta1 bei1 zai4 shen1 shang5 qu4 shang4 ke4"),  # 身上|去: no complement
    ("土里的水分太多", "tu3 li5 de5 shui3 fen4 tai4 duo1"),
    ("解决老百姓的问题", "jie3 jue2 lao2 bai3 xing4 de5 wen4 ti2"),  # 老|百姓: 百 stays third, 老 rises
    ("一只小老虎", "yi4 zhi1 xiao3 lao2 hu3"),  # 小|老虎: 老 rose, 小 stays
    ("下降零点一个百分点", "xia4 jiang4 ling2 dian3 yi1 ge4 bai3 fen1 dian3"),  # a decimal in characters
    ("三点一刻见", "san1 dian3 yi2 ke4 jian4"),  # a time
    ("小学一年级新生", "xiao3 xue2 yi1 nian2 ji2 xin1 sheng1"),  # jieba's 一年|级新生
    ("沪上一流氓", "hu4 shang4 yi4 liu2 mang2"),  # 一|流氓 is no 一流
    ("该地区曾发生过地震", "gai1 di4 qu1 ceng2 fa1 sheng1 guo5 di4 zhen4"),
    ("粮食产量保持稳定", "liang2 shi5 chan3 liang4 bao3 chi2 wen3 ding4"),  # a compound led by 粮食
    ("可以便宜从事", "ke2 yi3 bian4 yi2 cong2 shi4"),
    ("老人精神很好", "lao3 ren2 jing1 shen5 hen2 hao3"),  # "vigour"
    ("严厉打击非法买卖野生动物", "yan2 li4 da3 ji1 fei1 fa2 mai3 mai4 ye3 sheng1 dong4 wu4"),
    ("中秋节吃月饼", "zhong1 qiu1 jie2 chi1 yue4 bing5"),
    ("放一撮盐就够了", "fang4 yi4 cuo1 yan2 jiu4 gou4 le5"),  # jieba's HMM word 放一: no 统一
    ("他一月份出差", "ta1 yi1 yue4 fen4 chu1 chai1"),  # January
    ("他一个月没回家", "ta1 yi2 ge4 yue4 mei2 hui2 jia1"),
    ("西瓜多少钱", "xi1 gua5 duo1 shao5 qian2"),  # 多少 "how many"
    ("他多少有点不高兴", "ta1 duo1 shao3 you2 dian3 bu4 gao1 xing4"),  # "somewhat"
    ("别动人家的书包", "bie2 dong4 ren2 jia5 de5 shu1 bao1"),  # "other people's"
    ("这是人家的玩具", "zhe4 shi4 ren2 jia5 de5 wan2 ju4"),
    ("我给他捶捶背", "wo2 gei3 ta1 chui2 chui5 bei4"),  # jieba's 捶|捶背: the verb said twice
    ("婶婶来了", "shen3 shen5 lai2 le5"),
    ("小熊舒舒服服地躺着", "xiao3 xiong2 shu1 shu1 fu2 fu2 de5 tang3 zhe5"),  # AABB keeps 服 fu2
    ("奶奶给孙子扇扇子", "nai3 nai5 gei3 sun1 zi5 shan1 shan4 zi5"),  # 扇|扇子: no reduplication
    ("他读过孙子兵法", "ta1 du2 guo5 sun1 zi3 bing1 fa3"),  # the strategist
    ("爷爷奶奶都来了", "ye2 ye5 nai3 nai5 dou1 lai2 le5"),
    ("他看了看表", "ta1 kan4 le5 kan5 biao3"),
    ("我可不太敢试", "wo2 ke3 bu2 tai4 gan3 shi4"),  # 可不 "not at all", not "exactly"
    ("可不是嘛", "ke3 bu2 shi4 ma5"),
    ("过去的事就别提了", "guo4 qu4 de5 shi4 jiu4 bie2 ti2 le5"),  # "the past"
    ("你过去看看", "ni3 guo4 qu5 kan4 kan5"),  # "go over"
    ("把肩膀扭伤了", "ba3 jian1 bang5 niu3 shang1 le5"),
    ("连口水都咽不下去", "lian2 kou2 shui3 dou1 yan4 bu5 xia4 qu5"),
    ("我看不清楚", "wo3 kan4 bu5 qing1 chu5"),
    ("人家不想去嘛", "ren2 jia5 bu4 xiang3 qu4 ma5"),
    ("老子今天不干了", "lao3 zi5 jin1 tian1 bu2 gan4 le5"),
    ("你的笔掉地下了", "ni3 de5 bi3 diao4 di4 xia5 le5"),
    ("地下停车场", "di4 xia4 ting2 che1 chang3"),
    ("他在网吧待了一宿", "ta1 zai4 wang3 ba1 dai1 le5 yi4 xiu3"),  # 吧 "bar", no particle
    ("好吧，走吧", "hao3 ba5 zou3 ba5"),
    ("他走过去的时候", "ta1 zou3 guo4 qu5 de5 shi2 hou5"),  # the complement, not "the past"
    ("你跟过去看看", "ni3 gen1 guo4 qu5 kan4 kan5"),
    ("过去十年", "guo4 qu4 shi2 nian2"),
    ("老子说", "lao2 zi3 shuo1"),  # the philosopher
    ("孙子的军事思想", "sun1 zi3 de5 jun1 shi4 si1 xiang3"),
    ("他是我的孙子", "ta1 shi4 wo3 de5 sun1 zi5"),
    ("我问问题", "wo3 wen4 wen4 ti2"),  # 问|问题 is no reduplication
    ("走了走了", "zou3 le5 zou3 le5"),
    ("那我们去上网吧", "na4 wo3 men5 qu4 shang4 wang3 ba5"),
    ("看会儿书吧", "kan4 huir4 huir4 shu1 ba5"),
    ("孩子们喜欢跳跳虎", "hai2 zi5 men5 xi3 huan5 tiao4 tiao4 hu3"),
    ("男子汉大丈夫", "nan2 zi3 han4 da4 zhang4 fu1"),  # "a real man" keeps fū
    ("她把一把米撒在院子里", "ta1 ba3 yi4 ba2 mi2 sa3 zai4 yuan4 zi5 li5"),  # 把|一把: no A一A
    ("奶奶家的菜园", "nai3 nai5 jia1 de5 cai4 yuan2"),
    ("我在外婆家", "wo3 zai4 wai4 po2 jia1"),  # 外婆|家, not 婆家
    ("她的婆家在北京", "ta1 de5 po2 jia5 zai4 bei3 jing1"),
    ("楼上网吧很多", "lou2 shang4 wang3 ba1 hen3 duo1"),
    ("本馆每周一闭馆", "ben2 guan2 mei3 zhou1 yi1 bi4 guan3"),  # Monday
    ("您需要多少份", "nin2 xu1 yao4 duo1 shao5 fen4"),
    ("跟过去相比", "gen1 guo4 qu4 xiang1 bi3"),
    ("儿子和孙子都来了", "er2 zi5 he2 sun1 zi5 dou1 lai2 le5"),
    ("他孙子认为这样不好", "ta1 sun1 zi5 ren4 wei2 zhe4 yang4 bu4 hao3"),
    ("老子就不信这个邪", "lao3 zi5 jiu4 bu2 xin4 zhe4 ge5 xie2"),
    ("老子才是道家学派的创始人", "lao2 zi3 cai2 shi4 dao4 jia1 xue2 pai4 de5 chuang4 shi3 ren2"),
    ("大夫给我把一把脉", "dai4 fu5 gei2 wo2 ba3 yi5 ba3 mai4"),
    ("她的丈夫", "ta1 de5 zhang4 fu5"),
    ("小说在网上很火", "xiao3 shuo1 zai4 wang3 shang4 hen2 huo3"),  # 网上 "online"
    ("老先生一生淡泊名利", "lao3 xian1 sheng5 yi4 sheng1 dan4 bo2 ming2 li4"),  # not A一A
    ("每次冲泡加一汤匙奶粉即可", "mei3 ci4 chong1 pao4 jia1 yi4 tang1 chi2 nai2 fen3 ji2 ke3"),  # jieba's 加一|汤匙
    ("一加一等于二", "yi1 jia1 yi1 deng3 yu2 er4"),
    ("能换小一号吗", "neng2 huan4 xiao3 yi2 hao4 ma5"),  # a size, not a date
    ("早上去菜市场买菜", "zao3 shang5 qu4 cai4 shi4 chang3 mai3 cai4"),  # 早上|去: no complement
    ("三月一号开学", "san1 yue4 yi1 hao4 kai1 xue2"),
    ("周末去公园放风筝", "zhou1 mo4 qu4 gong1 yuan2 fang4 feng1 zheng5"),
    ("航班延误了", "hang2 ban1 yan2 wu4 le5"),  # 延误 keeps its tone (CC-CEDICT has wu5)
    ("看来要下雨了", "kan4 lai2 yao4 xia4 yu3 le5"),
    ("马路两边", "ma3 lu4 liang3 bian1"),
    ("这个颜色你们喜不喜欢", "zhe4 ge5 yan2 se4 ni3 men5 xi3 bu5 xi3 huan5"),  # A不AB
    ("买一送一", "mai3 yi1 song4 yi1"),  # a bare numeral
    ("他能举一反三", "ta1 neng2 ju3 yi1 fan3 san1"),
    ("孩子刚上一年级", "hai2 zi5 gang1 shang4 yi1 nian2 ji2"),  # jieba's 上一年|级: still an ordinal
    ("向过来人请教", "xiang4 guo4 lai2 ren2 qing3 jiao4"),  # 过来人 keeps its tone
    ("面积是多少平方厘米", "mian4 ji1 shi4 duo1 shao5 ping2 fang1 li2 mi3"),
    ("正品假一赔十", "zheng4 pin2 jia3 yi1 pei2 shi2"),  # jieba's 假一|赔十
    ("房租押一付三", "fang2 zu1 ya1 yi1 fu4 san1"),
    ("今年一季度增长", "jin1 nian2 yi1 ji4 du4 zeng1 zhang3"),  # the first quarter
    ("火候很关键", "huo3 hou5 hen3 guan1 jian4"),
    ("他低下头", "ta1 di1 xia4 tou2"),  # 低下|头, not 下头 xia4 tou5
    ("声音发不出来", "sheng1 yin1 fa1 bu5 chu1 lai5"),  # a potential complement jieba cuts
    ("三年级一班的同学", "san1 nian2 ji2 yi1 ban1 de5 tong2 xue2"),
    ("考试安排在一月中旬", "kao3 shi4 an1 pai2 zai4 yi1 yue4 zhong1 xun2"),
    ("谁来说说你的想法", "shui2 lai2 shuo1 shuo5 ni3 de5 xiang2 fa3"),  # jieba's 来说|说
    ("请仔细阅读本说明书", "qing2 zi3 xi4 yue4 du2 ben3 shuo1 ming2 shu1"),  # one syllable joins the word after
    ("我市有小到中雨", "wo3 shi4 you2 xiao3 dao4 zhong1 yu3"),
    ("棒球等体育项目", "bang4 qiu2 deng3 ti3 yu4 xiang4 mu4"),  # 等 closes the list before it
    ("这锅底洗不干净了", "zhe4 guo1 di2 xi3 bu5 gan1 jing5 le5"),  # jieba's 洗|不|干净
    ("他穿不干净的衣服", "ta1 chuan1 bu4 gan1 jing5 de5 yi1 fu5"),  # "unclean", no complement
    ("人家老王早就买好了", "ren2 jia5 lao3 wang2 zao3 jiu4 mai2 hao3 le5"),
    ("她咬着嘴唇", "ta1 yao3 zhe5 zui3 chun2"),
    ("房间有点儿小", "fang2 jian1 you2 dianr2 dianr2 xiao3"),  # a merged third tone rises before a third
    ("回顾过去", "hui2 gu4 guo4 qu4"),
    ("一定要是开水", "yi2 ding4 yao4 shi4 kai1 shui3"),
    ("跟老婆商量", "gen1 lao3 po5 shang1 liang5"),
    ("路边坐着一位老婆婆", "lu4 bian1 zuo4 zhe5 yi2 wei4 lao3 po2 po5"),
    ("老周一个人坐在办公室里", "lao3 zhou1 yi2 ge4 ren2 zuo4 zai4 ban4 gong1 shi4 li5"),
    ("太阳正一点一点地沉下去", "tai4 yang5 zheng4 yi4 dian3 yi4 dian3 de5 chen2 xia5 qu5"),
    ("先把身份证拿出来。", "xian1 ba3 shen1 fen4 zheng4 na2 chu5 lai5"),  # a directional complement said light
    ("他走进去了", "ta1 zou3 jin5 qu5 le5"),
    ("你过来", "ni3 guo4 lai5"),  # 过来 as the verb
    ("就出来了", "jiu4 chu1 lai5 le5"),
    ("站起来", "zhan4 qi3 lai5"),  # 起 keeps its tone
    ("接下来的几天", "jie1 xia4 lai5 de5 ji3 tian1"),  # "next"
    ("连口水都咽不下去", "lian2 kou2 shui3 dou1 yan4 bu5 xia4 qu5"),  # a potential complement keeps it
    ("必修一第一章", "bi4 xiu1 yi1 di4 yi1 zhang1"),  # Book One
    ("吾儿，此去多加小心。", "wu2 er2 ci3 qu4 duo1 jia1 xiao3 xin1"),  # 儿 "my son" is a syllable
    ("过马路要走地道。", "guo4 ma3 lu4 yao4 zou3 di4 dao4"),  # a tunnel
    ("这菜很地道", "zhe4 cai4 hen3 di4 dao5"),
    ("盘缠早已用尽", "pan2 chan5 zao2 yi3 yong4 jin4"),
    ("骑着一匹枣红马", "qi2 zhe5 yi4 pi2 zao3 hong2 ma3"),  # a measure word groups with its noun
    ("85mm F1.4一开大光圈", "yi4 kai1 da4 guang1 quan1"),  # a written 一 after a number is no digit of it
    ("我想回去了。", "wo2 xiang3 hui2 qu5 le5"),  # 想 "want to": 回去 the verb
    ("你还回来吗？", "ni3 hai2 hui2 lai5 ma5"),
    ("回头看过去的一年", "hui2 tou2 kan4 guo4 qu4 de5 yi4 nian2"),  # "the past"
    ("他选修一学期的法语。", "ta1 xuan3 xiu1 yi4 xue2 qi1 de5 fa2 yu3"),  # one term
    ("这家店走地道的湘菜路线。", "zhe4 jia1 dian4 zou3 di4 dao5 de5 xiang1 cai4 lu4 xian4"),
    ("年假我打算一月再休。", "nian2 jia4 wo2 da3 suan5 yi1 yue4 zai4 xiu1"),  # January
    ("住了一月就走", "zhu4 le5 yi2 yue4 jiu4 zou3"),  # a month
    ("出门记得把门关上。", "chu1 men2 ji4 de5 ba3 men2 guan1 shang5"),
    ("穿上衣服", "chuan1 shang5 yi1 fu5"),
    ("他今天看起来挺精神的。", "ta1 jin1 tian1 kan4 qi3 lai5 ting3 jing1 shen5 de5"),
    ("孩儿给母亲请安。", "hai2 er2 gei2 mu3 qin1 qing3 an1"),  # a child speaking of itself
    ("这小孩儿真可爱", "zhe4 xiao3 hair2 hair2 zhen1 ke3 ai4"),
    ("服药一月后复查。", "fu2 yao4 yi2 yue4 hou4 fu4 cha2"),  # a month
    ("数学必修一知识点总结。", "shu4 xue2 bi4 xiu1 yi1 zhi1 shi2 dian3 zong3 jie2"),
    ("走地道的时候要注意安全。", "zou3 di4 dao4 de5 shi2 hou5 yao4 zhu4 yi4 an1 quan2"),
    ("请往前走几步", "qing2 wang3 qian2 zou2 ji3 bu4"),  # a verb and its count
    ("别老打游戏打到半夜", "bie2 lao2 da3 you2 xi4 da3 dao4 ban4 ye4"),  # an adverb leaning right
    ("明天同一时间", "ming2 tian1 tong2 yi1 shi2 jian1"),
    ("如：大一班张小米", "ru2 da4 yi1 ban1 zhang1 xiao2 mi3"),
    ("心里头特别想念故乡", "xin1 li3 tou5 te4 bie2 xiang3 nian4 gu4 xiang1"),
    ("他心里头一阵发慌。", "ta1 xin1 li3 tou5 yi2 zhen4 fa1 huang1"),
])
def test_surface_pinyin(fe: Frontend, text: str, expected: str) -> None:
    assert " ".join(fe(text).pinyin) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("车费在80到100元之间", "che1 fei4 zai4 ba1 shi2 dao4 yi4 bai3 yuan2 zhi1 jian1"),  # 一 begins the number
    ("比分是112比108", "bi3 fen1 shi4 yi4 bai3 yi1 shi2 er4 bi3 yi4 bai3 ling2 ba1"),
    ("一比零", "yi1 bi3 ling2"),  # a bare digit by an operator
    ("请乘坐G1次列车", "qing3 cheng2 zuo4 ji2 yi1 ci4 lie4 che1"),  # a code after a letter
    ("这件衣服399元", "zhe4 jian4 yi1 fu5 san1 bai2 jiu3 shi2 jiu3 yuan2"),  # jieba's 三百|九十九: one number
    ("海拔1800米", "hai3 ba2 yi4 qian1 ba1 bai2 mi3"),  # a number and its measure
    ("增长了15.6%", "zeng1 zhang3 le5 bai3 fen1 zhi1 shi2 wu2 dian3 liu4"),
    ("在1到100之间", "zai4 yi1 dao4 yi4 bai3 zhi1 jian1"),
    ("收入为21745元", "shou1 ru4 wei2 liang3 wan4 yi4 qian1 qi1 bai3 si4 shi2 wu3 yuan2"),  # 一 begins 一千
    ("1班和2班的同学", "yi1 ban1 he2 er4 ban1 de5 tong2 xue2"),  # a class named by its number
    ("大家把1打在公屏上", "da4 jia1 ba3 yi1 da3 zai4 gong1 ping2 shang5"),  # the digit typed
    ("5kg一袋", "wu3 qian1 ke4 yi2 dai4"),  # a written 一 after a unit counts
    ("一日3次", "yi2 ri4 san1 ci4"),  # a day, not the first of a month
    ("1月1日开始", "yi1 yue4 yi1 ri4 kai1 shi3"),
    ("报每盎司2685美元", "bao4 mei3 ang4 si1 liang3 qian1 liu4 bai3 ba1 shi2 wu2 mei3 yuan2"),  # a number and its unit
    ("F1.4一开", "ai4 fu2 yi1 dian3 si4 yi4 kai1"),  # a written 一 after the number begins a word
    ("如图①所示", "ru2 tu2 yi1 suo3 shi4"),  # a circled label keeps yi1
])
def test_numbers_written_in_digits_are_said_whole(fe: Frontend, text: str, expected: str) -> None:
    said = " ".join(" ".join(syllables) for _, syllables in fe(text).spoken)
    assert said == expected


def test_a_decimal_point_binds_the_digit_after_it(fe: Frontend) -> None:
    """jieba cuts 一点五公里 as 一点|五公里; the point still rises before the third tone of 五."""
    said = " ".join(" ".join(syllables) for _, syllables in fe("全程约1.5公里").spoken)
    assert said == "quan2 cheng2 yue1 yi1 dian2 wu3 gong1 li3"


def yi_tones(fe: Frontend, text: str) -> list[int]:
    """The tones the frontend gives to every 一 (phonemes ``y i``) of ``text``, written or not."""
    spoken = fe(text).combined
    return [spoken.tones[k] for k in range(len(spoken) - 1)
            if spoken.phonemes[k:k + 2] == ["y", "i"] and spoken.tones[k] == spoken.tones[k + 1]]


@pytest.mark.parametrize("text, expected", [
    ("1.5公斤", [1]),  # before a decimal point
    ("0.1秒", [1]),  # after one
    ("全长1.2万公里", [1]),
    ("v1.1版", [1, 1]),
    ("1+1=2", [1, 1]),  # around operators
    ("一加一等于二", [1, 1]),
    ("三减一等于二", [1]),
    ("1比0获胜", [1]),  # scores
    ("一比一打平", [1, 1]),
    ("1-3天送达", [1]),  # a range written with a symbol
    ("今年1至10月", [1]),  # or with 至
    ("他得了一等奖", [1]),  # ordinals
    ("一年级的孩子", [1]),
    ("他在一楼等你", [1]),
    ("一线城市", [1]),
    ("一线希望", [2]),  # but "a thread of" hope
    ("一比较就知道了", [4]),  # 比 that is not between numbers
    ("产量增加一倍", [2]),  # 加 that is not an operator
    ("再加一点盐", [4]),  # a written 点 is not a decimal point
    ("他一到家就睡了", [2]),
    ("下午1点开会", [4]),  # nor is a clock's
    ("一战成名", [2]),
    ("1个人", [2]),  # a number before a measure word changes tone
])
def test_yi_as_a_number(fe: Frontend, text: str, expected: list[int]) -> None:
    assert yi_tones(fe, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("这条路是东西走向的。", "dong1 xi1"),  # "east-west" keeps its tone …
    ("我买了很多东西。", "dong1 xi5"),  # … "things" does not
    ("中央和地方要密切配合。", "di4 fang1"),  # "local"
    ("地方政府出台了新政策。", "di4 fang1"),
    ("这个地方很美。", "di4 fang5"),  # "place"
    ("战士们挖了一条地道。", "di4 dao4"),  # "tunnel"
    ("他说一口地道的北京话。", "di4 dao5"),  # "genuine"
    ("他做事太大意了。", "da4 yi5"),  # "careless"
    ("千万不能大意。", "da4 yi5"),
    ("文章的大意是什么？", "da4 yi4"),  # "the gist"
    ("他这几天忙得不得了。", "bu4 de2 liao3"),  # not a 得不得 question
    ("他真了不得。", "liao3 bu5 de2"),  # 现代汉语词典 liǎo·bu·dé
    ("你去不去？", "qu4 bu5 qu4"),
    ("你兴许是记错了，再找找。", "zhao2 zhao5"),  # jieba's 找|找 is the same reduplication
    ("这条裤子太长了，得拿去改改。", "gai2 gai5"),
    ("我实在太累了。", "shi2 zai4"),  # 实在 keeps its tone (现代汉语词典 shízài)
    ("吃得我直恶心。", "e3 xin5"),
    ("这座城市的空气质量在全国数一数二。", "shu3 yi1 shu3 er4"),  # an idiom, no A一A; one against two
    ("该项目占地面积约三十公顷。", "mian4 ji1"),  # CC-CEDICT's neutral 占地面积 is left out
    ("田里的庄稼都精神了。", "jing1 shen5"),  # "lively"
    ("这种精神值得学习。", "jing1 shen2"),  # "spirit"
    ("人家都已经走了。", "ren2 jia5"),  # "others"
    ("村里有一户人家。", "ren2 jia1"),  # "household"
    ("村民们挖了很长的地道。", "di4 dao4"),  # "tunnel", 挖 further back
    ("这个孩子做事太马虎了。", "ma3 hu5"),  # a half third before the neutral 虎
    ("这小子真行。", "xiao3 zi5"),
    ("他是我们班唯一一个去过南极的人。", "wei2 yi1 yi2 ge4"),  # 唯一|一个: no number goes on
    ("他说话向来说一不二。", "shuo1 yi1 bu2 er4"),  # one against two
    ("妈妈把苹果放在桌子上了。", "zhuo1 zi5 shang5 le5"),  # a locative before a final 了
    ("他在北京上了大学。", "shang4 le5 da4 xue2"),  # the verb "attend"
    ("请到三楼诊室找李大夫复诊。", "li3 dai4 fu5"),  # a doctor
    ("他被任命为光禄大夫。", "da4 fu1"),  # an official
    ("请个大夫来。", "fu5"),  # a doctor by default
    ("这部剧越看越上头。", "shang4 tou2"),  # "hooked"
    ("在上头放着。", "shang4 tou5"),  # "above"
    ("今天和闺蜜一起来打卡。", "yi4 qi3 lai2"),  # jieba's 一|起来 is no complement
    ("记得收藏店铺哦。", "o5"),  # the particle
    ("还好上头没发现。", "shang4 tou5"),  # 还好|上头 "above"
    ("鼓励地方和企业加大投入。", "di4 fang1"),
    ("哎哟，疼死我了。", "ai1 yo1"),  # 哟 in a word is no particle
    ("他哦了一声。", "o4"),
    ("晚上大夫来查房了。", "dai4 fu5"),  # 上 of 晚上 is no 上大夫
    ("士大夫阶层。", "da4 fu1"),
    ("王大爷在公园。", "da4 ye5"),
    ("我闺女在银行上班。", "gui1 nv5"),
    ("你数数一共有几个。", "shu2 shu5"),  # a verb said twice
    ("你教教奶奶。", "jiao1 jiao5"),
    ("这个地方和那个地方不一样。", "di4 fang5 he2"),  # 和 alone shows no "local"
    ("他是个地道的北京人。", "di4 dao5"),
    ("千万不要精神上放松。", "jing1 shen2 shang4"),
])
def test_words_with_two_senses_and_tones(fe: Frontend, text: str, expected: str) -> None:
    """A word read with a neutral tone in one sense keeps the full tone in the other, as its
    neighbours show."""
    spoken = " ".join(fe(text).pinyin)
    assert expected in spoken



# The blind spoken-tone sets (benchmarks/data/, written by helpers that saw neither this system nor any
# pinyin tool; see bench_spoken.py): file, items, fewest said right allowed.
SPOKEN_SETS = [
    ("spoken_tones_blind.tsv", 173, 168),  # 167 blind, 172 now (2026-12-07)
    ("spoken_tones_blind2.tsv", 170, 165),  # 162 blind, 169 now (2026-12-07)
    ("spoken_tones_blind3.tsv", 178, 172),  # 170 blind, 177 now (2026-12-07)
    ("spoken_tones_blind4.tsv", 177, 171),  # 165 blind, 176 now (2026-12-07)
    ("spoken_tones_blind5.tsv", 170, 166),  # 165 blind, 169 now (2026-12-07)
    ("spoken_tones_blind6.tsv", 159, 155),  # 154 blind, 158 now (2026-12-07)
    ("spoken_tones_blind7.tsv", 153, 150),  # 152 blind, 153 now (2026-12-07)
    ("spoken_tones_blind8.tsv", 154, 151),  # 152 blind, 154 now (2026-12-07)
    ("spoken_tones_blind9.tsv", 158, 155),  # 156 blind, 158 now (2026-12-07)
    ("spoken_tones_blind10.tsv", 154, 151),  # 150 blind, 153 now (2026-12-07)
    ("spoken_tones_blind11.tsv", 152, 149),  # 150 blind, 152 now (2026-12-07)
    ("spoken_tones_blind12.tsv", 153, 150),  # 153 blind, 153 now (2026-12-07)
    ("spoken_tones_blind13.tsv", 159, 156),  # 157 blind (one a mark on 板 for 老板's lao2, moved to 老), 159 now
    ("spoken_tones_blind14.tsv", 155, 152),  # 154 blind (不难 read nan4), 155 now
    ("spoken_tones_blind15.tsv", 158, 154),  # 154 blind, 156 now (电子体温计 zi2 and 想吐 xiang3 left: 吐 is tù there)
    ("spoken_tones_blind16.tsv", 158, 154),  # 155 blind, 157 now (电子表 zi2 left: sandhi inside the word)
    ("spoken_tones_blind17.tsv", 160, 156),  # 156 blind, 159 now (jieba's 单一|共 left)
    ("spoken_tones_blind18.tsv", 157, 154),  # 155 blind, 157 now
    ("spoken_tones_blind19.tsv", 160, 156),  # 156 blind, 159 now (电子版 zi2 left: sandhi inside the word)
]


@pytest.mark.parametrize(("name", "size", "fewest_right"), SPOKEN_SETS)
def test_blind_spoken_tone_sets_are_said_well(name: str, size: int, fewest_right: int) -> None:
    """Each blind set stays said about as well as when last measured (the misses left are in the README)."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from bench_spoken import load_spoken, ours

    examples = load_spoken(Path(__file__).resolve().parents[1] / "benchmarks" / "data" / name)
    said = ours(examples)
    assert len(examples) == size
    assert sum(s == e.label for s, e in zip(said, examples)) >= fewest_right


def test_spelled_letters_are_no_reduplication(fe: Frontend) -> None:
    """BBB is spelled 比比比: no neutral tone as in a reduplicated word (评级下调至BBB-)."""
    said = [syllable for _, syllables in fe("主体评级下调至BBB-。").spoken for syllable in syllables]
    assert said[-4:-1] == ["bi2", "bi3", "bi2"] and "bi5" not in said
