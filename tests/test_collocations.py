"""Collocations: the table format, its errors, and word boundaries deciding where one applies."""

from __future__ import annotations

import pytest

from tts.errors import InputError
from tts.text.collocations import COLLOCATIONS_FILE, Collocations
from tts.text.g2p import G2P


@pytest.fixture(scope="module")
def g2p() -> G2P:
    return G2P.load()


def reading_of(g2p: G2P, sentence: str, char: str, occurrence: int = 0) -> str | None:
    index = [i for i, c in enumerate(sentence) if c == char][occurrence]
    return g2p.read(sentence, g2p.segment(sentence))[index]


def test_shipped_table_parses_and_is_used() -> None:
    table = Collocations.load(COLLOCATIONS_FILE)
    assert len(table.entries) > 100
    model = G2P.load().polyphone
    assert model is not None and len(model.collocations.entries) == len(table.entries)


@pytest.mark.parametrize("line, fragment", [
    ("卡在\tqia3", "one bracketed word"),
    ("[卡在\tqia3", "one bracketed word"),
    ("[卡][在]\tqia3 zai4", "one bracketed word"),
    ("[]卡\tqia3", "one bracketed word"),
    ("[卡]在\tqia3 zai4", "1 bracketed characters but 2 syllables"),
    ("[卡]在\tqiaa3", "qiaa3"),
])
def test_malformed_line_names_the_line(line: str, fragment: str) -> None:
    with pytest.raises(InputError) as err:
        Collocations.parse(f"# a comment\n\n{line}\n", "table.tsv")
    assert "table.tsv, line 3" in str(err.value) and fragment in str(err.value)


def test_open_ends_need_no_boundary() -> None:
    table = Collocations.parse("[切]成…\tqie1\n…[行]驶\txing2\n")
    assert table.entries[0].open_right and not table.entries[0].open_left
    sentence = "把土豆切成细丝"
    bounds = frozenset({0, 1, 3, 4, 7})  # 把|土豆|切|成细丝: 5 is inside a word
    assert table.reading(sentence, 3, bounds) == "qie1"
    assert table.reading("改道行驶", 2, frozenset({0, 4})) == "xing2"  # inside the word 改道行驶
    strict = Collocations.parse("[切]成\tqie1\n")
    assert strict.reading(sentence, 3, bounds) is None
    with pytest.raises(InputError, match="one bracketed word"):
        Collocations.parse("[切]…成\tqie1\n")


def test_duplicate_line_is_an_error() -> None:
    with pytest.raises(InputError, match="line 2: 鱼刺\\[卡\\]在 is listed twice"):
        Collocations.parse("鱼刺[卡]在\tqia3\n鱼刺[卡]在\tka3\n")


def test_longest_match_wins_and_ends_must_be_bounds() -> None:
    table = Collocations.parse("[空]着\tkong4\n[空]着手\tkong1\n")
    sentence = "他空着手来了"
    every = frozenset(range(len(sentence) + 1))
    assert table.reading(sentence, 1, every) == "kong1"
    assert table.reading(sentence, 1, every - {4}) == "kong4"  # 空着手 ends inside a word
    assert table.reading(sentence, 1, every - {1}) is None  # starts inside a word
    assert table.reading("空着", 0, frozenset({0, 1, 2})) == "kong4"  # at the sentence's edges


@pytest.mark.parametrize("sentence", ["他弹了一首曲子。", "老王踢了我一脚。"])
def test_words_jieba_made_up_bind_nothing(g2p: G2P, sentence: str) -> None:
    spans = g2p.segment(sentence)
    bounds = g2p.word_bounds(sentence, spans)
    for span in spans:
        assert span.start in bounds and span.end in bounds
        inside = set(range(span.start + 1, span.end))
        if g2p.segmenter.is_word(sentence[span.start:span.end]):
            assert not inside & bounds
        else:  # jieba's HMM made it up (他弹): it binds nothing
            assert inside <= bounds
    assert g2p.word_bounds("银行", g2p.segment("银行")) == frozenset({0, 2})  # a dictionary word does


@pytest.mark.parametrize("sentence, char, expected", [
    ("鱼刺卡在喉咙里了。", "卡", "qia3"),
    ("你的信用卡在哪里？", "卡", "ka3"),  # 卡 inside 信用卡
    ("妈妈在厨房里和面。", "和", "huo2"),
    ("我和面包师傅聊天。", "和", "he2"),  # 面 inside 面包
    ("睡觉前她把床铺好了。", "铺", "pu1"),
    ("床铺上堆满了衣服。", "铺", "pu4"),
    ("他给自己盛了一大碗饭。", "盛", "cheng2"),
    ("这里的花开得很茂盛了。", "盛", "sheng4"),
    ("小狗在嚼骨头。", "嚼", "jiao2"),  # not a character of the model: the table alone decides
    ("细嚼慢咽有助于消化。", "嚼", "jiao2"),
    ("要细细咀嚼这句话的意思。", "嚼", "jue2"),
    ("他昨天去医院看了大夫。", "大", "dai4"),
    ("他昨天去医院看了大夫。", "夫", "fu5"),
    ("他被任命为光禄大夫。", "大", "da4"),
    ("他上了骗子的当。", "当", "dang4"),
    ("这是我们的当务之急。", "当", "dang1"),
    ("他空出了一下午的时间。", "空", "kong4"),
    ("他空着手来了。", "空", "kong1"),
    ("孩子哭了，快去哄一哄。", "哄", "hong3"),
    ("他的话引得大家哄堂大笑。", "哄", "hong1"),
    ("他应了一声就出门了。", "应", "ying4"),
    ("这股味道太冲了。", "冲", "chong4"),
    ("你得早点睡觉了。", "得", "dei3"),
    ("他用布蒙住了眼睛。", "蒙", "meng2"),
    ("他脚下一滑，倒在了地上。", "倒", "dao3"),
    ("墙倒了。", "倒", "dao3"),
    ("他把酒倒了。", "倒", "dao4"),
    ("倒入锅中。", "倒", "dao4"),
    ("你在这儿待一会儿。", "待", "dai1"),
    ("我们要善待老人。", "待", "dai4"),
    ("他往汤里撒了点盐。", "撒", "sa3"),
    ("别撒谎。", "撒", "sa1"),
    ("他卷起了袖子。", "卷", "juan3"),
    ("这种胶水可以把纸粘在一起。", "粘", "zhan1"),
    ("她长着一双大眼睛。", "长", "zhang3"),
    ("委员会计划明年开工。", "会", "hui4"),  # not 会计
    ("她在公司当会计。", "会", "kuai4"),
    ("借你的钱，我明天就还你。", "还", "huan2"),
    ("我还你一起去吧。", "还", "hai2"),
    ("昨晚我终于睡了个好觉。", "觉", "jiao4"),
    ("我觉得这件外套有点大。", "觉", "jue2"),
    ("他给我剥了一个橘子。", "剥", "bao1"),
    ("大风把树枝吹折了。", "折", "she2"),
    ("衣服打八折。", "折", "zhe2"),
    ("这家店的服务态度太差了。", "差", "cha4"),
    ("他跑得比谁都快。", "得", "de5"),
    # session 15, from blind set 9 (colloquial speech)
    ("我昨晚翻来覆去，一直睡不着。", "着", "zhao2"),  # the potential complement "reach"
    ("这个架子太高，我够不着。", "着", "zhao2"),
    ("他说话总是不着边际。", "着", "zhuo2"),
    ("他一点也不着急。", "着", "zhao2"),
    ("这么多活儿，一个人哪儿干得了啊？", "了", "liao3"),  # "manage"
    ("他忙得不得了。", "了", "liao3"),
    ("他得了第一名。", "了", "le5"),
    ("你啥时候还我啊？", "还", "huan2"),  # "give back" to someone
    ("我还你一起去吧。", "还", "hai2"),
    ("我还差一百块钱。", "差", "cha4"),  # "short of"
    ("他又把我妈给蒙了，真气人。", "蒙", "meng1"),  # "fooled"
    ("完了，我把钥匙落在家里了。", "落", "la4"),  # 把 after the clause's comma
    ("鞋带开了，赶紧系好。", "系", "ji4"),
    ("我今天背了个大包。", "背", "bei1"),
    ("他背着我说坏话。", "背", "bei4"),
    ("你衣服破了，我帮你缝一下。", "缝", "feng2"),
    ("门缝里透进一点光。", "缝", "feng4"),
    ("你把我手机藏哪儿去了？", "藏", "cang2"),
    ("他从树上摔下来，腿折了。", "折", "she2"),
    ("他一开口就露馅儿了。", "露", "lou4"),
    ("你帮我择一下菜。", "择", "zhai2"),
    ("你要学会选择。", "择", "ze2"),
    ("这次发洪水，好多人家都遭了难。", "难", "nan4"),
    # session 15, from reading blind set 9's spoken output
    ("今晚又得熬夜了。", "得", "dei3"),
    ("你这病得赶紧去看。", "得", "dei3"),
    ("这个计划得重新做。", "得", "dei3"),
    ("这事儿闹得这么大。", "得", "de5"),
    ("早高峰路上堵塞得厉害。", "得", "de5"),
    ("他穿得破破烂烂的。", "得", "de5"),
    ("来得及时。", "得", "de5"),
    ("他又得了一个奖。", "得", "de2"),
    ("正月里天天走亲戚，比上班还累。", "累", "lei4"),
    ("我来弄吧。", "弄", "nong4"),
    ("这样一个一个弄，效率太低了。", "弄", "nong4"),
    ("王家弄和张家弄都在这条街上。", "弄", "long4"),  # a lane
    ("我小时候没少挨打。", "少", "shao3"),
    ("他手指头切破了。", "切", "qie1"),
    # session 15, from blind set 10 (news register)
    ("市中心血站呼吁广大市民积极参加无偿献血。", "血", "xue4"),
    ("他突发脑出血被送进医院。", "血", "xue4"),
    ("警方提醒老年人谨防上当受骗。", "当", "dang4"),
    ("本次展览展出了查良镛的手稿。", "查", "zha1"),
    ("市政府为受灾群众紧急调拨了一批物资。", "为", "wei4"),
    ("首届规模为六个演出场地。", "为", "wei2"),  # "is": 演出 is no verb of doing for someone
    ("飞机即将起飞，请您系好安全带。", "系", "ji4"),
    ("进站前工作人员将为旅客测量体温。", "为", "wei4"),  # for people
    ("学校为今年入学的新生统一安排了宿舍。", "为", "wei4"),
    ("这些资源为旅客所用。", "为", "wei2"),  # 为…所: the passive
    ("连续劳累后应注意休息。", "应", "ying1"),  # jieba's 后应
    ("专家提醒早晚温差大。", "差", "cha1"),
    ("衣服还没干呢，明天再穿吧。", "干", "gan1"),  # "dry", after something that dries
    ("墙上的油漆已经干了。", "干", "gan1"),
    ("衣服的活儿还没干完。", "干", "gan4"),  # "do"
    ("他把衣服洗了，活儿也干了。", "干", "gan4"),  # the clothes are in another clause
    # session 15, from blind set 11 (fiction prose)
    ("祖父挑着两筐红薯，天不亮就去赶集了。", "挑", "tiao1"),
    ("她用针尖轻轻挑出扎进指头里的那根刺。", "挑", "tiao3"),
    ("夜里下了一场透雨。", "场", "chang2"),
    ("奶奶一边扇着炉火，一边讲故事。", "扇", "shan1"),
    ("一行大雁排成人字，从头顶飞过。", "行", "hang2"),
    ("走到半路，扁担咔嚓一声折了。", "折", "she2"),
    ("他把树枝折了。", "折", "zhe2"),
    ("王婶把牌一推，笑着说：“我和了！”", "和", "hu2"),
    ("这盘棋和了。", "和", "he2"),  # a draw
    ("“这件事你得听我的。”父亲沉着脸说。", "得", "dei3"),
    ("他从小就好学。", "好", "hao4"),
    ("暮色里，江上漂着一叶扁舟。", "扁", "pian1"),
    # the blind names set: surnames where the text shows a person, names, places
    ("单师傅在这家修车铺干了整整二十年。", "单", "shan4"),
    ("这个单位的工作很忙。", "单", "dan1"),
    ("查先生说，他在这条街上已经住了三十多年。", "查", "zha1"),
    ("我去检查先生的作业。", "查", "cha2"),  # 检查|先生: no surname
    ("任局长在会上强调要做好防汛准备。", "任", "ren2"),
    ("记者单小红报道，本市新增三所幼儿园。", "单", "shan4"),
    ("当天值班的民警名叫解晓东。", "解", "xie4"),
    ("村里人都叫他老解。", "解", "xie4"),
    ("浙江海宁的查氏家族出过不少读书人。", "查", "zha1"),
    ("水的沸点是华氏二百一十二度。", "华", "hua2"),  # Fahrenheit
    ("五月二十日，华氏、向氏回来。", "华", "hua4"),  # a clan
    ("员女士今年当选为全国劳动模范。", "员", "yun4"),  # a character the model does not cover
    ("阚教授介绍了最新的考古发现。", "阚", "kan4"),
    ("评书艺术家单田芳的声音陪伴了几代人。", "单", "shan4"),
    ("宋高宗在会稽。", "会", "kuai4"),
    ("寒山、拾得一起隐居于天台山国清寺。", "台", "tai1"),
    ("他家楼顶有个天台。", "台", "tai2"),  # a rooftop
    ("四川荥经县出产的砂器颇有名气。", "荥", "ying2"),
    # from reading blind set 11's spoken output
    ("一声炸雷，吓得孩子直往娘怀里钻。", "得", "de5"),  # after a verb of feeling
    ("一声炸雷，吓得孩子直往娘怀里钻。", "钻", "zuan1"),
    ("寒风中，她冻得浑身颤栗。", "得", "de5"),
    ("院子里的牡丹开得正盛。", "得", "de5"),
    ("大病一场之后，他瘦了许多。", "场", "chang2"),
    ("她把钱一张张缝进了棉袄里。", "缝", "feng2"),
    ("他挑着一副沉甸甸的担子走上山坡。", "挑", "tiao1"),
    ("掌柜把药材倒在秤盘里。", "倒", "dao4"),
    ("他猛地咳嗽起来，吐了一口血。", "吐", "tu4"),
    ("金黄的落叶铺了一地。", "铺", "pu1"),
    ("那位少爷连鞋带都不会系。", "系", "ji4"),
    ("他累坏了，一觉睡到了大天亮。", "累", "lei4"),
    # from blind set 12 (specialist register)
    ("医生给他开了七服中药。", "服", "fu4"),  # the measure for doses
    ("饭后服药。", "服", "fu2"),
    ("抽血化验前一天晚上十点以后就得禁食了。", "得", "dei3"),
    ("护士每隔四小时给病人量一次体温。", "量", "liang2"),
    ("借款人应按期还款。", "还", "huan2"),
    ("注塑模具在使用前需要预热。", "模", "mu2"),
    ("物质发生相变时会吸收潜热。", "相", "xiang4"),
    ("待汤汁收浓后关火，将菜盛出装盘。", "盛", "cheng2"),
    # from blind set 13 (online register)
    ("亲，这个型号得等下周才能补货哦。", "得", "dei3"),  # "must" after a topic
    ("她高兴得跟个孩子似的。", "得", "de5"),
    ("我们会继续为你们挑好物！", "为", "wei4"),
    ("这款香水味道有点冲。", "冲", "chong4"),
    ("这次出问题又让客服背锅了。", "背", "bei1"),
    ("这道题我全靠蒙的。", "蒙", "meng1"),
    ("这盒曲奇饼干酥到掉渣。", "曲", "qu1"),
    # from reading blind set 13's spoken output
    ("物流慢得离谱，直接给个差评。", "得", "de5"),
    ("小狗开心得原地转圈圈。", "得", "de5"),
    ("教大家怎么和面。", "教", "jiao1"),
    ("这款空气炸锅是今年的爆款。", "炸", "zha2"),
    ("我们会继续为你们挑好物！", "挑", "tiao1"),
    # from reading blind set 12's spoken output
    ("野生人参价格昂贵，购买时要谨防假货。", "假", "jia3"),
    ("橡胶的弹性会随着温度降低而变差。", "差", "cha4"),
    ("蜜饯和果脯含糖量较高，糖尿病患者应少吃。", "应", "ying1"),
    # from blind set 14 (colloquial dialogue, second set)
    ("你给孩子量量体温，看烧退了没有。", "量", "liang2"),  # a verb said twice
    ("你教教奶奶怎么用手机视频。", "教", "jiao1"),
    ("显然代数整数是代数数的一部分。", "数", "shu4"),  # 代数|数: no verb said twice
    ("妈妈在扇扇子。", "扇", "shan1"),
    ("爷爷背着小孙子上了五楼。", "背", "bei1"),
    ("半年不见，这孩子长这么高了。", "长", "zhang3"),
    ("外头风大，把围巾系好。", "系", "ji4"),
    ("给我盛碗饭，要少一点儿。", "盛", "cheng2"),
    ("把电视声音调小点儿。", "调", "tiao2"),
    ("你把面和好，我来剁馅儿。", "和", "huo2"),
    ("把鸡圈起来，别让它们乱跑。", "圈", "juan1"),
    ("明天去地里刨花生。", "刨", "pao2"),
    # from reading blind set 14's spoken output
    ("墙上得打个眼儿。", "得", "dei3"),
    ("孩子中午得睡一觉。", "得", "dei3"),
    ("他喝了两杯酒脸涨得通红。", "得", "de5"),
    ("孩子把玩具扔得到处都是。", "得", "de5"),
    ("我们得到了很多。", "得", "de2"),
    ("我一宿没睡好。", "好", "hao3"),
    ("这种西瓜皮薄特别甜。", "薄", "bao2"),
    ("薄先生把老宅改成了民宿。", "薄", "bo2"),  # a surname
    ("他饭量大，多给他盛点儿。", "盛", "cheng2"),
    # counter-cases from a second review
    ("她着急得去敲门。", "得", "de5"),
    ("他疲惫得走不动路了。", "得", "de5"),
    ("他激动得走来走去。", "得", "de5"),
    ("他激动得打翻了杯子。", "得", "de5"),
    ("这个型号得等下周才能补货。", "得", "dei3"),
    ("墙上得打个眼儿。", "得", "dei3"),
    ("大家选他为大家的代表。", "为", "wei2"),
    ("这首歌早已为大家熟知。", "为", "wei2"),
    ("我们会继续为你们挑好物。", "为", "wei4"),
    ("他最近有些长进。", "长", "zhang3"),
    ("孩子有点长胖了。", "长", "zhang3"),
    ("这根绳子有点长。", "长", "chang2"),
    ("垃圾有些冲上了海滩。", "冲", "chong1"),
    ("这款香水味道有点冲。", "冲", "chong4"),
    ("他在背孙子兵法。", "背", "bei4"),
    ("他背着弟弟偷偷把糖吃了。", "背", "bei4"),
    ("爷爷背着小孙子上了五楼。", "背", "bei1"),
    ("一场春雨过后。", "场", "chang2"),
    ("一场冰雪盛会。", "场", "chang3"),
    ("感谢任老师的辛勤付出。", "任", "ren2"),
    ("这位是任老师。", "任", "ren2"),
    ("李四任书记。", "任", "ren4"),
    ("他任市长。", "任", "ren4"),
    ("请把面和菜都端上来。", "和", "he2"),
    ("你把面和好，我来剁馅儿。", "和", "huo2"),
    ("我看会儿孩子的作业。", "看", "kan4"),
    ("你帮我看会儿孩子，我下楼。", "看", "kan1"),
    ("这家店的量好大。", "量", "liang4"),
    ("这个学我不转了。", "转", "zhuan3"),
    ("吊扇怎么不转了？", "转", "zhuan4"),
    # counter-cases from a review of session 15's rules
    ("老百姓都知道这件事。", "都", "dou1"),  # 百姓 is no 姓
    ("老百姓过上了好日子。", "过", "guo4"),
    ("你找过律师吗？", "过", "guo4"),  # 过 is no title surname
    ("人家都局长了。", "都", "dou1"),
    ("李四任书记。", "任", "ren4"),  # "hold office"
    ("代表曾多次提出建议。", "曾", "ceng2"),  # jieba's 曾多次 is no name
    ("该村被确定为贫困村。", "为", "wei2"),  # 确定为 "as"
    ("他吓得赶紧躲了起来。", "得", "de5"),
    ("下周一要交实验报告，今晚得抓紧时间了。", "得", "dei3"),  # 晚 inside 今晚
    ("征方腊时，柴进带着燕青到方腊处做卧底，深得方腊信任。", "得", "de2"),
    ("我住在王家弄。", "弄", "long4"),
    ("洗衣服的活我已经干了。", "干", "gan4"),
    ("信纸我已经折了。", "折", "zhe2"),  # folded
    ("这盘棋我又和了。", "和", "he2"),  # a draw
    ("他违背了老人的遗愿。", "背", "bei4"),
    ("不可多服药。", "服", "fu2"),
    ("一场冰雪盛会。", "场", "chang3"),
    ("他挑着眉毛看着水面。", "挑", "tiao3"),
    ("他累得要命。", "累", "lei4"),
    ("先把土豆切成细丝，放在清水里。", "切", "qie1"),  # jieba's dictionary has 成细丝
    ("三路公交车临时改道行驶。", "行", "xing2"),  # and 改道行驶
    ("楼上天天装修，吵得人睡不着觉。", "得", "de5"),
    ("金额：人民币陆佰伍拾元整。", "陆", "liu4"),  # a capital numeral
    ("他住在陆家嘴。", "陆", "lu4"),
    ("孩子们在学校里教音乐。", "教", "jiao1"),
    ("孩子发烧了，我得请假在家陪他。", "得", "dei3"),
    ("明天我得上班。", "得", "dei3"),
    ("他得上了重感冒。", "得", "de2"),
    ("他一句玩笑话引得全场哄堂大笑。", "得", "de5"),
    ("这条裤子勒得慌。", "勒", "lei1"),
    ("出门前得把东西检查好几遍。", "得", "dei3"),
    ("出门前记得把门锁好。", "得", "de5"),
    ("婚礼办得既简单又隆重。", "得", "de5"),
    ("他热得直用手扇风。", "得", "de5"),
    ("我得直接去公司。", "得", "dei3"),
    ("村口每天早上排长队。", "长", "chang2"),
    ("他是我们的排长。", "长", "zhang3"),
    ("孩子们兴奋得一晚上都没睡着。", "得", "de5"),
    ("她害羞得脸都红了。", "得", "de5"),
    ("周六我得在家看孩子。", "得", "dei3"),
    ("我下午请了假去理发。", "假", "jia4"),
    ("天气太干，要多喝水。", "干", "gan1"),
    ("你要多干点活。", "干", "gan4"),
    ("做错了事就要承认。", "了", "le5"),  # not 了事 "settle"
    ("他闭着眼。", "着", "zhe5"),  # not 着眼 "focus on"
    ("我们要着眼于未来。", "着", "zhuo2"),
    ("他拿着笔写字。", "着", "zhe5"),
    ("耐心地陪孩子。", "地", "de5"),
    ("春天的花都开了。", "都", "dou1"),  # not the district 花都
    ("这个箱子有多重？", "重", "zhong4"),
    ("他有多重身份。", "重", "chong2"),
    ("阳光晃得我睁不开眼睛。", "得", "de5"),
    ("这事得我来办。", "得", "dei3"),
    ("他们在打麻将。", "将", "jiang4"),
    ("唐贞观年间。", "观", "guan4"),  # jieba's word 唐贞观: an open context
    ("他去地税局办事。", "地", "di4"),
    ("鼓乐声响起。", "乐", "yue4"),
    ("她高兴得跟个孩子似的。", "得", "de5"),
    ("房间很干净。", "干", "gan1"),
    ("孩子每天都要临字帖。", "帖", "tie4"),
    ("他在论坛上发了一个帖子。", "帖", "tie3"),
    ("他从钱包里掏出一沓钞票。", "沓", "da2"),
    ("猫逮住了一只老鼠。", "逮", "dai3"),
    ("我们去河边散散步。", "散", "san4"),
    ("他打的电话我没接到。", "的", "de5"),
    ("太晚了，打个的回去吧。", "的", "di1"),
    # from blind set 15 (mixed everyday register)
    ("老师把批改好的卷子发了下来。", "卷", "juan4"),
    ("他把袖子卷起来就干活。", "卷", "juan3"),
    ("陀螺转了好几圈才倒下。", "转", "zhuan4"),
    ("她早上把头发扎成了马尾。", "扎", "za1"),
    ("护士在他胳膊上扎了一针。", "扎", "zha1"),
    ("我感冒了，鼻子塞得难受。", "塞", "sai1"),
    ("苹果削了皮再吃。", "削", "xiao1"),
    ("这位大夫看病很仔细。", "大", "dai4"),
    ("他是朝中的一位士大夫。", "大", "da4"),
    # from blind set 16 (sports, hobbies and entertainment)
    ("周末去打彩弹，弄了一身颜料。", "弹", "dan4"),
    ("打了一下午麻将，他和了三把。", "和", "hu2"),
    ("他耐心地教我发球。", "教", "jiao1"),
    ("他把球拍背在身上就走了。", "背", "bei1"),
    ("屋里人太多，闷得慌。", "闷", "men1"),
    ("爬完山回来睡了一大觉。", "觉", "jiao4"),
    ("他这一着棋走得真妙。", "着", "zhao1"),
    ("他为球队立下了汗马功劳。", "为", "wei4"),
    ("你得多练练反手。", "得", "dei3"),  # "must" before 多 and a verb
    ("这盘棋我下得不好。", "得", "de5"),
    ("他的成绩比上次差了不少。", "差", "cha4"),
    # from blind set 17 (how-to instructions and household life)
    ("扣子掉了，妈妈帮我钉上了。", "钉", "ding4"),
    ("墙上有一颗钉子。", "钉", "ding1"),
    ("请师傅来抹墙。", "抹", "mo4"),
    ("小狗在门口撒了一泡尿。", "泡", "pao1"),
    ("衣服要在清水里多漂几遍。", "漂", "piao3"),
    ("床单还没干透。", "干", "gan1"),
    ("院子里搭了个鸡圈。", "圈", "juan4"),
    ("洗衣机转动的时候不要开门。", "转", "zhuan4"),
    ("他转动脖子看了看四周。", "转", "zhuan3"),
    ("用刀把皮削掉。", "削", "xiao1"),
    ("把汤上的浮沫撇干净。", "撇", "pie1"),
    ("宝宝喝完奶容易吐奶。", "吐", "tu4"),
    ("先别在屋里待太久。", "待", "dai1"),
    ("水温要调到三十八度左右。", "调", "tiao2"),
    ("他被调到北京工作。", "调", "diao4"),
    ("孩子得按时打疫苗。", "得", "dei3"),
    # from blind set 18 (travel and place names)
    ("武汉天河机场位于黄陂区。", "陂", "pi2"),
    ("广州有个地方叫车陂。", "陂", "bei1"),
    ("绍兴的会稽山风景很美。", "会", "kuai4"),
    ("吉林珲春与俄罗斯接壤。", "珲", "hun2"),
    ("河北任丘盛产石油。", "任", "ren2"),
    ("我们在古城里转了一下午。", "转", "zhuan4"),
    ("那位导游只露了个面就走了。", "露", "lou4"),
    ("火车一路钻山洞。", "钻", "zuan1"),
    # from blind set 19 (children's reading)
    ("奶奶不停地扇着扇子。", "扇", "shan1"),
    ("妈妈给我扎了两个小辫子。", "扎", "za1"),
    ("哭了一夜，她的眼泡都肿了。", "泡", "pao1"),
    ("熊妈妈请来了大夫。", "大", "dai4"),
    ("孙悟空一路降妖除魔。", "降", "xiang2"),
    ("飞机开始降落。", "降", "jiang4"),
    ("小蜗牛背着自己的房子慢慢爬。", "背", "bei1"),  # carried: whose, then the thing
    ("他背着我的父母做了决定。", "背", "bei4"),  # "behind the back of"
    # from reading the spoken output of blind set 16's sentences
    ("这么难的曲子，我可弹不了。", "弹", "tan2"),
    ("对他来说，弹吉他是最大的乐趣。", "弹", "tan2"),
    ("我被困在里面，动弹不得。", "弹", "tan5"),
    ("这个球传得真好。", "得", "de5"),  # 得 ending a word jieba's HMM made (球传得)
    ("打出来的球转得厉害。", "转", "zhuan4"),
    ("他嗓子哑，唱不了高音。", "了", "liao3"),  # 唱|不了
    ("他不了解情况。", "了", "liao3"),
    ("他重新系好鞋带。", "系", "ji4"),
    ("他是我见过跑得最快的人。", "得", "de5"),
    ("他这次比赛中得最高分。", "得", "de2"),
    ("人太多，有点闷得慌。", "慌", "huang5"),
    ("他脚崴了。", "崴", "wai3"),
    # from reading the spoken output of blind set 17's sentences
    ("床单还潮，不能直接铺到床上。", "铺", "pu1"),
    ("衬衫要趁半干的时候熨。", "干", "gan1"),
    ("把刀把儿擦干。", "干", "gan1"),
    ("最后撒几片薄荷叶。", "撒", "sa3"),
    ("针线活要做得仔细。", "得", "de5"),
    ("宝宝躺着喝奶容易呛到。", "呛", "qiang1"),
    ("烟太大，呛得人直咳嗽。", "呛", "qiang4"),
    # from blind sets 20-22 (food, historical drama, popular science)
    ("来一盘炮羊肉。", "炮", "bao1"),
    ("茶刚泡上，先闷一会儿。", "闷", "men1"),
    ("蒜蓉炒芥蓝很好吃。", "芥", "gai4"),
    ("老板，给我来一打鸡蛋。", "打", "da2"),
    ("放一撮盐就够了。", "撮", "cuo1"),
    ("广州的煲仔饭很有名。", "仔", "zai3"),
    ("这家店的面分量很足。", "分", "fen4"),
    ("这锅汤得多炖一会儿。", "得", "dei3"),
    ("锅里的饭糊了。", "糊", "hu2"),
    ("他行伍出身。", "行", "hang2"),
    ("如今朝中奸臣当道。", "朝", "chao2"),
    ("将军班师还朝。", "还", "huan2"),
    ("大军将至。", "将", "jiang1"),
    ("司马迁为李广作传。", "传", "zhuan4"),
    ("满朝文武都不敢作声。", "都", "dou1"),
    ("他官至尚书仆射。", "射", "ye4"),
    ("这小子的轻功倒是了得。", "了", "liao3"),
    ("量取液体时要看清刻度。", "量", "liang2"),
    ("过圆上一点作一条切线。", "切", "qie1"),
    ("把这些数排成三行四列。", "行", "hang2"),
    ("他们一行人去了北京。", "行", "xing2"),
    # from reading the spoken output of blind set 20's sentences
    ("牛肉丝切得太粗。", "切", "qie1"),
    ("卷饼的面皮要擀薄。", "卷", "juan3"),
    ("汤里撒点儿芫荽。", "撒", "sa3"),
    ("菜大多自己种。", "种", "zhong4"),
    ("坚果可以自己挑。", "挑", "tiao1"),
    ("老北京早点少不了豆汁。", "少", "shao3"),
    ("街头小吃多得数不过来。", "数", "shu3"),
    ("包饺子之前得先和面。", "得", "dei3"),
    # from blind set 23 (finance and business)
    ("央行宣布上调一年期贷款利率。", "调", "tiao2"),
    ("他从青年队上调一线队。", "调", "diao4"),
    ("财务正在数保险柜里的现金。", "数", "shu3"),
    ("这份合同还得总经理签字。", "得", "dei3"),
    ("他还得了奖。", "得", "de2"),
    ("他周末在夜校教成本会计。", "教", "jiao1"),
    ("新业务将在全国全面铺开。", "铺", "pu1"),
    ("项目组已经尽了最大努力。", "尽", "jin4"),
    # from blind set 24 (rural life and crafts)
    ("放学后他得去河边饮牛。", "饮", "yin4"),
    ("夜里爷爷要在地头看瓜。", "看", "kan1"),
    ("铁匠给马钉掌。", "钉", "ding4"),
    ("渔船泊在港湾里。", "泊", "bo2"),
    ("早上把剩馒头馏一馏。", "馏", "liu4"),
    ("她的大伯子是木匠。", "伯", "bai3"),
    ("那头小毛驴脾气特别倔。", "倔", "jue4"),
    ("他做事很倔强。", "倔", "jue2"),
    ("他落了一把镰刀在地里。", "落", "la4"),
    ("他背着一大捆柴火下山。", "背", "bei1"),
    # from reading the spoken output of blind set 21's sentences
    ("司马迁为李广作传。", "为", "wei4"),
    ("关键时刻守将阵前倒戈。", "将", "jiang4"),
    ("鲜血染得战袍一片殷红。", "得", "de5"),
    ("小二，给我切两斤牛肉。", "切", "qie1"),
    # from reading the spoken output of blind set 22's sentences
    ("单位时间内转过的圈数就越多。", "转", "zhuan4"),
    ("气体分子间的空隙大得多。", "得", "de5"),
    ("木板表面刨得又平又光。", "得", "de5"),
    ("当气温降到露点以下时。", "降", "jiang4"),
    ("阳光经过卷层云。", "卷", "juan3"),
    ("圆的曲率等于半径的倒数。", "数", "shu4"),
    ("他是倒数第三名。", "数", "shu3"),
    ("身体不舒服时应及时就医。", "应", "ying1"),
    ("毛发主要由角蛋白构成。", "角", "jiao3"),
    # from blind sets 25 (traditional culture) and 26 (the clinic), with contrasts
    ("老艺人手把手地教徒弟唱腔。", "教", "jiao1"),
    ("琴师先给京胡调弦。", "调", "tiao2"),
    ("口中念着南无观世音菩萨。", "南", "na1"),
    ("哪一门都得下苦功。", "得", "dei3"),
    ("大家都得了奖。", "得", "de2"),
    ("家里炸了一大盆丸子。", "炸", "zha2"),
    ("工兵炸了敌人的碉堡。", "炸", "zha4"),
    ("紫砂壶的壶把儿做得很顺手。", "把", "ba4"),
    ("象棋里，车走直线。", "车", "ju1"),
    ("这服药要用砂锅慢慢熬。", "服", "fu4"),
    ("他牙疼得整晚都睡不着。", "得", "de5"),
    ("伤口疼得我整夜睡不好觉。", "觉", "jiao4"),
    ("护士每隔一小时来数一次脉搏。", "数", "shu3"),
    ("病号服脏了。", "脏", "zang1"),
    ("他的心脏不好。", "脏", "zang4"),
    ("腿上一点儿劲都没有。", "劲", "jin4"),
    ("埋伏劲骑五百。", "劲", "jing4"),
    ("奶奶哄了半天才喝下去。", "哄", "hong3"),
    ("下楼得让儿子背着。", "背", "bei1"),
    ("妈妈把粥盛在小碗里。", "盛", "cheng2"),
    ("他一向好强。", "好", "hao4"),
    ("这个国家好强大。", "好", "hao3"),
    ("大风天沙子眯了眼。", "眯", "mi2"),
    ("她用针把刺挑了出来。", "挑", "tiao3"),
    ("他最近早上总要咯出几口黄痰。", "咯", "ka3"),
    ("孩子喝完奶又吐了一身。", "吐", "tu4"),
    # from reading the spoken output of blind sets 25 and 26
    ("大夫一共给我开了七服中药。", "大", "dai4"),  # a medical scene
    ("以后得控制饮食。", "得", "dei3"),
    ("可能是刚才爬楼梯累的。", "累", "lei4"),
    ("孩子比上个月重了一斤。", "重", "zhong4"),
    ("腰椎间盘突出的人要少弯腰。", "少", "shao3"),
    ("病好之前千万别干重活。", "重", "zhong4"),
    ("屋里要弄得暖和一点。", "得", "de5"),
    ("木匠用刨子把木板推得又平又光。", "得", "de5"),
    ("这是从汉碑上拓下来的。", "拓", "ta4"),
    ("弹古筝之前要先调弦。", "弹", "tan2"),
    ("他中弹倒下。", "弹", "dan4"),
    ("这首长诗讲的是文成公主的故事。", "长", "chang2"),
    ("伽蓝殿里供着护法神像。", "供", "gong4"),
    ("宫商角徵羽是五声音阶。", "徵", "zhi3"),
    # from blind sets 27 (law and government) and 28 (technology and the workplace)
    ("被告人解某，男，汉族。", "解", "xie4"),  # a surname before 某
    ("本案由审判员查某独任审理。", "查", "zha1"),
    ("被告人在村里盗窃鸡鸭二十余只。", "只", "zhi1"),
    ("其余只有两个人。", "只", "zhi3"),
    ("报错信息在日志的第三十二行。", "行", "hang2"),
    ("该批次食品质量差，已被下架。", "差", "cha4"),
    ("该公司的行为构成不正当竞争。", "当", "dang4"),
    ("醉酒男子冲着民警大声叫骂。", "冲", "chong4"),
    ("这个需求我得再看看。", "得", "dei3"),
    ("用这个应用就能量出房间的面积。", "量", "liang2"),
    ("这个网站的弹窗广告太多了。", "弹", "tan2"),
    ("他每天背着电脑包挤地铁。", "背", "bei1"),
    ("我居然抽中了一副耳机。", "中", "zhong4"),
    ("两张迅速通关卡和两张机票。", "卡", "ka3"),
    ("坚决清理违规设置的收费关卡。", "卡", "qia3"),
    ("有些公司前台还供着财神像。", "还", "hai2"),
    ("部分不法分子专钻政策的空子。", "钻", "zuan1"),
    ("年轻干部要勇挑重担。", "挑", "tiao1"),
    ("请清理后重试。", "重", "chong2"),
    ("你既然答应了，就得一心一意地干。", "得", "dei3"),
    ("就得一心一意地干。", "干", "gan4"),
    ("你们俩长得简直一模一样。", "得", "de5"),
    ("妈，我好想你啊！", "好", "hao3"),
    ("这孩子好学。", "好", "hao4"),
    ("学口语就得多说。", "得", "dei3"),
    # from blind sets 29 (nature and geography) and 30 (family and school), with contrasts
    ("大雁排成一行，向南方飞去。", "行", "hang2"),
    ("园里的苹果树今年开始结果了。", "结", "jie1"),
    ("但一切都没结果。", "结", "jie2"),
    ("昨夜大风把院里的树枝刮折了。", "折", "she2"),
    ("这种蕨类喜阴好湿。", "好", "hao4"),
    ("小狗在雪地里刨了一个坑。", "刨", "pao2"),
    ("明天一早就得出发。", "得", "dei3"),
    ("图书馆的书明天就要还了。", "还", "huan2"),
    ("你爸都快奔五十的人了。", "奔", "ben4"),
    ("宝宝刚喝完奶就吐了。", "吐", "tu4"),
    ("你的鞋带又散了，快系好。", "散", "san3"),
    ("你的鞋带开了，快蹲下来系好。", "系", "ji4"),
    ("盖房子要先用黄土和泥。", "和", "huo2"),
    ("细砂和泥质砂的沉积环境。", "和", "he2"),
    # from reading the spoken output of blind sets 29 and 30
    ("他从小就擅长画画，得过好几次奖。", "得", "de2"),
    ("这座水库为全城供水。", "为", "wei4"),
    ("你可得争气。", "得", "dei3"),
    ("随处可得。", "得", "de2"),
    ("帮爷爷盛碗饭，别盛太满。", "盛", "cheng2"),
    ("一场大风把帐篷吹得散了架。", "场", "chang2"),
    ("一场大风把帐篷吹得散了架。", "得", "de5"),
    ("湖水澄澈见底，游鱼可数。", "数", "shu3"),
    ("门缝里塞着一张小纸条。", "塞", "sai1"),
    ("去姥姥家别空着手。", "着", "zhe5"),
    # counter-cases a review of session 16's rules found (each read wrongly by a first version)
    ("他们家三口人都得上了流感。", "得", "de2"),
    ("他去年得第一，明年得第一也不难。", "得", "de2"),
    ("说得多做得少，这可不行。", "得", "de5"),
    ("就算你得再多的奖也没用。", "得", "de2"),
    ("牙疼得去医院看看。", "得", "dei3"),
    ("这是我们可得的利益。", "得", "de2"),
    ("他睡到半夜觉出身上发冷。", "觉", "jue2"),
    ("木匠铺里刨花落了一地。", "刨", "bao4"),
    ("他一口气狂奔五公里。", "奔", "ben1"),
    ("口香糖嚼完他就吐了。", "吐", "tu3"),
    ("红包发完大家就散了。", "散", "san4"),
    ("他才二十多只能算年轻人。", "只", "zhi3"),
    ("晋国大夫赵盾称病不朝。", "大", "da4"),
    ("好几个科室的大夫都参加了会诊。", "大", "dai4"),
    ("你这服药的方法不对。", "服", "fu2"),
    ("名单里的名字重了两个。", "重", "chong2"),
    ("这次比上次重了两斤。", "重", "zhong4"),
    ("开拓下沉市场是今年的重点。", "拓", "tuo4"),
    ("新冠疫苗的三期试验还没结果。", "结", "jie2"),
    ("厨房的高压锅炸了，一锅排骨全完了。", "炸", "zha4"),
    ("求这两个数的差。", "差", "cha1"),
    ("这个数一次比一次大。", "数", "shu4"),
    ("警方正在查某公司的账目。", "查", "cha2"),
    ("山上的树木长得很茂盛满山都是绿色。", "盛", "sheng4"),
    ("你到了得给我发个消息。", "了", "le5"),
    ("手上功夫真是了得。", "了", "liao3"),
    ("他一直供着两个孩子上大学。", "供", "gong1"),
    ("小庙里供着山神。", "供", "gong4"),
    ("她一边冲着咖啡一边跟我聊天。", "冲", "chong1"),
    ("你有气也别冲着妹妹发。", "冲", "chong4"),
    ("这个技能好强啊！", "好", "hao3"),
    ("这辆车走直线的时候有点跑偏。", "车", "che1"),
    ("你们几打一，算什么英雄？", "打", "da3"),
    ("打鸡蛋时小心别把蛋壳掉进碗里。", "打", "da3"),
    ("我们买了两打啤酒。", "打", "da2"),
    ("如果能重活一次，我想当老师。", "重", "chong2"),
    ("雨停以后，地干了。", "干", "gan1"),
    ("他好赌成性。", "好", "hao4"),
    ("台下观众哄了起来。", "哄", "hong4"),
    ("他参加了一场大风车比赛。", "场", "chang3"),
    ("两者有很大的差。", "差", "cha1"),
    # lines of classical poems taught in school
    ("少小离家老大回，乡音无改鬓毛衰。", "少", "shao4"),
    ("春风又绿江南岸，明月何时照我还？", "还", "huan2"),
    ("他最喜欢的诗句是“草长莺飞二月天”。", "长", "zhang3"),
    ("木兰诗里写道：可汗大点兵。", "汗", "han2"),
    ("辛弃疾写过一首《清平乐·村居》。", "乐", "yue4"),
    ("你还来吗？", "还", "hai2"),  # not 还来就菊花
])
def test_collocations_in_sentences(g2p: G2P, sentence: str, char: str, expected: str) -> None:
    assert reading_of(g2p, sentence, char) == expected
