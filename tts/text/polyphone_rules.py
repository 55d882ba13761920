"""Grammar rules for polyphones: contexts that fix a reading before the models are asked.

Each rule looks at the sentence around the character and at the segmentation (:class:`Target`):
认真地学习 de5, 很重 zhong4, 数一数 shu3, 这只小狗 zhi1, 上得起 de5, 做不了 liao3, 种玉米 zhong4, 系好 ji4.
They were written for everyday contexts where g2pM's BiLSTM, trained on encyclopedia text, is
confidently wrong; ``benchmarks/bench_polyphone.py`` reports how often they fire on each set and how
often rightly. A context that is only a fixed string of neighbouring words (倒进, 切成, 量身高) belongs
in the collocation table (:mod:`tts.text.collocations`), which is consulted first; the rules here
test grammar: a degree adverb before, a clause boundary after, a 把 earlier in the clause.
"""

from __future__ import annotations

import re
import warnings
from functools import cache
from typing import TYPE_CHECKING

from tts.text.normalize.chars import is_han

if TYPE_CHECKING:
    from tts.text.polyphone import Target

DEGREE_ADVERBS = ("很", "太", "真", "最", "更", "挺", "好", "多", "非常", "特别", "比较", "相当",
                  "十分", "这么", "那么", "越来越", "较", "极", "不够", "够", "有点", "有些", "有点儿")
_LONG_NOT_AFTER = frozenset("大者官子辈老相")  # 长大, 长者, 长官 … read zhang3
_GROWN_TO = ("这么高", "那么高", "这么大", "那么大", "这么胖", "这么壮")  # 长这么高了
_GROWS_AFTER = frozenset("进在出胖高毛满成大了")  # 有些长进, 有点长胖了: "grow" after 有点 / 有些
_SUBJECTS = ("我", "你", "他", "她", "它", "们", "咱", "俩", "大家", "谁", "明天", "今天", "每天", "现在", "马上", "前", "夏天", "冬天",
             "春天", "秋天", "平时", "平常", "周末",
             "还", "就", "也", "都", "又", "总", "必须", "一定", "非", "中午", "晚上", "早上", "上午", "下午",
             "今晚", "明早")
_MUST_VERBS = frozenset("去走来做赶把先花等想吃好早马抓给跟让请回找买准写考学问告带交练睡起陪接送加注小读搬换直在熬听禁停戒补办再当留休另记败从有受穿用配喝擦排")
# Words ending in 落 that keep luò before 在 (把东西掉落在地上); jieba's other glue (把粉|扑落|在) is "leave behind".
_FALLEN_WORDS = frozenset(["降落", "坐落", "散落", "跌落", "掉落", "滑落", "脱落", "飘落", "洒落", "坠落", "陨落", "回落",
                           "着落", "失落", "下落", "角落", "段落", "部落", "村落", "院落", "冷落", "错落", "零落", "衰落",
                           "没落", "低落", "沦落", "流落", "撒落", "滚落", "抖落", "剥落", "飞落", "落落", "吹落", "击落", "扫落",
                           "遗落", "碰落", "滴落", "打落", "敲落", "摇落", "震落", "拍落", "砸落", "搁落", "踢落", "甩落"])
# Places whose air is 闷 "stuffy" (mēn): 殿里太闷, 屋子里闷得喘不过气, 天气闷热.
_STUFFY_PLACE = re.compile("(?:屋|殿|房间|房|车厢|车|屋子|教室|帐篷|船舱|舱|洞|地下室|宿舍)里[^，。！？；]{0,3}$|天气[^，。！？；]{0,3}$|空气[^，。！？；]{0,3}$")
# Words before a 当 that opens "when …" (只有当你是真心的; 尤其是当你是独生子女).
_WHEN_OPENERS = ("只有", "尤其是", "特别是", "所以", "因为", "其实", "然而", "可是", "但是", "而且", "每", "只要")
# … and after 时 "when" (考试时得带准考证, 到时得看情况): a prize or a score "got" then takes other words (时得奖, 时得了).
_AT_TIME_MUST = (_MUST_VERBS - frozenset("有受败从在")) | frozenset("看麻细关换系戴提记")
# A time of day a lone 得 "must" sets after its subject: 我们得四点就出发.
_CLOCK_DEADLINE = re.compile(r"[零一二两三四五六七八九十几0-9]+点(?:半|钟)?(?:就|前|以前|之前|起|到|出)")
# Verbs after which a lone 得 that follows a word of two or more characters is "must" (这个型号得等
# 下周, 这件事得去问他): the verbs a complement rarely starts with.
_MUST_AFTER_TOPIC = ("等", "去", "走", "赶", "花", "买", "交", "补", "换", "搬", "找", "请", "办", "打", "修", "洗",
                     "拿", "带", "留", "加把劲", "对准", "保持", "提前", "重新", "搭", "浇", "施肥", "修剪", "晒", "签字")
# Words in 长 that name a length before a number (全长, 身长); 班长, 增长, 生长 do not.
_LENGTH_WORDS = frozenset(["全长", "总长", "身长", "体长", "口长", "通长", "边长", "周长", "臂长", "河长", "桥长", "线长",
                           "船长", "段长"])
# Nouns jieba's HMM glues to a 得 "must" after them (番茄|苗得|搭个架子).
_NOUN_GLUED_TO_MUST = frozenset("苗树花草菜车房门窗墙锅药")
# Last characters of words of state or feeling, after which 得 is a complement (疲惫得走不动, 激动得打翻了杯子).
_STATE_WORD_ENDS = ("急", "惫", "动", "奋", "心", "兴", "气", "怕", "慌", "累", "饿", "渴", "困", "乐", "喜", "愁", "恼",
                    "傻", "呆", "懵", "疼", "痛", "冷", "热", "忙")
# Adverbs after which a lone 得 is "must" whatever comes before (这病得赶紧治, 计划得重新做).
# What before a word 不了 is no verb it completes (他不了 cannot happen; 少不了 is one word anyway).
_NOT_VERB_BEFORE_BULIAO = frozenset("，。！？、；：的")
# One-character verbs after which a lone 得 brings in how it is done: 跑得最快, 做得仔细, 洗得干净.
_QUALITY_VERBS = frozenset("跑跳飞游走说唱写做吃学干考打踢画笑哭活站睡读背算弹拉演讲洗擦扫切煮炒蒸烤缝织修"
                           "装搬摆穿剪教练收拿送卖听想变爬坐躺喝染涂刷刨磨压削锯碾弄搞熬炖焖煎烙")
# What is swallowed when 呛 is choking (qiāng): 喝奶呛到, 吃饭呛着.
_SWALLOWED = frozenset("喝吃奶水饭咽汤")
# 多 and a verb after a lone 得: "must do more" (你得多练练, 汤得多炖一会儿; not 他得多少分).
_MUST_MORE = ("多练", "多说", "多写", "多做", "多交流", "多沟通", "多实践", "多注意", "多喝", "多吃", "多穿", "多休息", "多学", "多看", "多锻炼", "多读", "多听",
              "多想", "多跑", "多加", "多带", "多问", "多陪", "多走", "多动", "多炖", "多煮", "多放", "多等",
              "多泡", "多晒", "多洗", "多花", "多准备", "多留", "天天", "每天", "多少钱", "多久", "多长时间", "多跟", "多和", "多关心", "多给")
# How far after 转 a 圈 shows spinning (zhuàn), and the adjectives of X得多 "much more X".
_TURN_WINDOW = 6
_COMPARED = frozenset("大小好快慢多少高低长短强弱重轻远近早晚难易冷热贵深浅宽厚")
# How far after 落了 a 在 shows something left behind (落了一把镰刀在地里), and what falls (luò) instead.
_LEFT_WINDOW = 8
_FALLING = ("叶", "叶子", "花", "雨", "雪", "太阳", "灰", "头发", "果子")
# What 上调 raises (tiáo) rather than transfers: rates, prices, pay.
_RATES = ("利率", "价格", "油价", "房价", "票价", "电价", "水价", "税率", "费率", "工资", "薪资", "基准", "比例",
          "标准", "评级", "目标价", "准备金", "指导价", "售价")
_RATE_WINDOW = 12
# Adverbs standing before a lone 得 "must" whatever follows (还得总经理签字, 一定得他同意).
_MUST_ADVERBS_BEFORE = frozenset(["还", "必须", "一定", "总", "还是"])  # (就得, 又得, 都得 may be "got")
# Before a lone 教 that is no "teach": the religions and their law jieba cuts (佛|教, 道|教, 法|教).
_NOT_TEACH_BEFORE = frozenset("佛道儒回基督法宗政")
# Counts before 行 "row" and what rows hold: 三行四列, 两行字, 几行诗.
_ROW_COUNTS = frozenset("一二两三四五六七八九十几每")
_ROW_THINGS = frozenset("列字诗泪数代码文")
# Crops planted in rows after a verb of planting (种了三行生菜, 栽了两行树).
_ROW_CROPS = ("生菜", "白菜", "青菜", "菠菜", "玉米", "葱", "蒜", "韭菜", "树", "豆", "花生", "萝卜", "辣椒", "茄子", "番茄",
              "西红柿", "土豆", "红薯", "秧", "苗", "花", "菜")
# How far after 扎 a 辫 (braid) shows "tie up" (za1): 扎了两个小辫子.
_BRAID_WINDOW = 6
_MUST_ADVERBS = ("重新", "赶紧", "马上", "尽快", "提前", "立刻", "赶快", "抓紧", "亲自", "按时", "按期", "先")
# What follows 得 as a complement marker beside _DEGREE_AFTER: 闹得这么大, 堵得厉害, 下得不好.
_COMPLEMENT_STARTS = ("这么", "那么", "这样", "那样", "厉害", "不好", "不错", "漂亮", "开心", "愉快", "尽兴", "不对", "不够", "不太", "不怎么",
                      "扎实", "有效", "顺利", "圆满", "红火", "热烈", "十分", "相当", "比较", "有声有色",
                      "井井有条", "有条不紊", "如火如荼", "卓有成效")
_HEAVY_NOT_AFTER = frozenset("新复叠庆阳申")  # 重新, 重复, 重叠 … read chong2
# Verbs that 重 "again" (chong2) goes before when jieba leaves it alone: 重来, 重写, 重做.
_AGAIN_VERBS = frozenset("来写做画读说讲唱建装修拍算选考排开启播演填印发")
_BREAKS = frozenset("，。！？；：、…—“”‘’（）《》")


# Verbs read one way when tried out (数一数, 量了量, 称一下): the verb's reading.
_TRY_VERBS = {"数": "shu3", "量": "liang2", "称": "cheng1", "扇": "shan1", "教": "jiao1",
              "卷": "juan3"}
_PRONOUNS = frozenset("我你他她它咱")
_MEASURES = frozenset("个块片亩座处")
_TIRED_AFTER = frozenset("得死坏极了垮的")
_TAUGHT_AFTER = frozenset("了过着书课")  # 教了, 教过 (not 教会 "church": jiao4)
_LEARNERS = ("大家", "你们", "他们", "孩子", "学生", "大伙", "新手", "小朋友")  # 教大家怎么和面
# Characters read differently as a surname (after 姓 "surnamed").
SURNAME_READINGS = {"曾": "zeng1", "单": "shan4", "解": "xie4", "仇": "qiu2", "朴": "piao2",
                    "区": "ou1", "查": "zha1", "盖": "ge3", "乐": "yue4", "缪": "miao4",
                    "华": "hua4", "任": "ren2", "覃": "qin2", "翟": "zhai2", "种": "chong2",
                    "秘": "bi4", "召": "shao4", "宁": "ning4", "折": "she2", "纪": "ji3",
                    "那": "nuo2", "燕": "yan1", "员": "yun4", "繁": "po2", "阚": "kan4", "过": "guo1",
                    "柏": "bai3", "曲": "qu1", "都": "du1", "蔚": "yu4"}
# Surnames read so where the text shows a person: before a title (单师傅, 任局长, 查先生) or as
# the first character of a name jieba's HMM made up (记者单小红报道). Not the surnames whose
# character is also a frequent word on its own (都, 过, 曲, 那, 任 …: 都先生 is rare, 都来了 common).
_PERSON_SURNAMES = frozenset("曾单解仇朴区查盖缪华覃翟种秘召宁员繁阚柏蔚")
_TITLE_SURNAMES = _PERSON_SURNAMES | frozenset("任乐曲")
# Words ending in 姓 after which a character is no surname: 老百姓都知道, 同姓都是一家.
_NOT_SURNAMED = frozenset(["百姓", "同姓", "贵姓", "异姓", "外姓"])
# What may stand before 任 the surname (任局长说, 据任老师介绍); elsewhere 任 before a post is the
# verb "hold office" (李四任书记, 他于2010年任市长).
_BEFORE_REN_VERB = frozenset("曾现历出改兼升转调又再")
_TITLES = ("先生", "女士", "小姐", "老师", "教授", "医生", "大夫", "师傅", "老板", "总", "董", "经理", "局长",
           "处长", "科长", "院长", "校长", "主任", "书记", "县长", "市长", "省长", "部长", "队长", "教练",
           "警官", "律师", "同学", "阿姨", "大爷", "大妈", "奶奶", "爷爷", "某", "氏", "家族", "姓")
# After 华氏 / 摄氏 a temperature scale, not a clan: 华氏度, 华氏温标, 华氏98度.
_SCALE_AFTER = frozenset("度温零一二三四五六七八九十负0123456789")
# Characters that open what follows a surname-like 曾 / 单 … rather than a given name (代表曾多次,
# 主任曾经): adverbs, prepositions, verbs of being.
_NOT_IN_NAMES = frozenset("多经一在任于是为有因被把对向与和以将也又还就都不没")
# Words naming who someone is, before a name: 记者单小红, 评书艺术家单田芳, 主帅盖志勇.
_WHO_BEFORE_NAMES = ("记者", "艺术家", "画家", "作家", "书法家", "教练", "主帅", "队长", "律师", "民警", "网格员",
                     "主持人", "歌手", "演员", "导演", "教授", "院士", "专家", "医生", "老师", "选手", "运动员",
                     "球员", "工程师", "局长", "主任", "书记", "委员", "代表", "董事长", "总经理", "市长",
                     "县长", "校长", "院长", "村民", "居民", "市民", "网友", "同学", "名叫", "叫", "议员")
_DEGREE_AFTER = frozenset("很太要多更真好非够满挺特越比像既直跟正")
# Verbs and adjectives of feeling and affecting: a 得 after them is the complement marker
# whatever follows (吓得孩子直哭, 冻得浑身发抖, 挤得水泄不通, 晃得人睁不开眼).
_AFFECT_VERBS = frozenset("吓气急逗冻热晒累饿疼乐笑哭惊愁忙闹吵晃馋羞憋挤撑熏震烫呛辣痒胀困渴闷挺开晕蓝绿黄黑紫清"
                          "慢快贵脏乱美丑远近高低短亮暗静闲浅甜咸酸苦香臭软硬胖瘦冷湿早晚轻涨红肿鼓薄厚宽窄")
# Complements of degree after a verb's or an adjective's 得 (薄得吓人, 争得面红耳赤, 疼得要命).
_DEGREE_COMPLEMENTS = ("吓人", "要命", "厉害", "出奇", "离谱", "面红耳赤", "发慌", "发麻", "够呛", "一塌糊涂", "乱七八糟",
                       "还行", "还可以", "还不错", "眉毛都",
                       "不可开交", "不像话", "不得了", "没边", "浑身", "遍体", "落花流水",
                       "七零八落", "一干二净", "体无完肤")
# Verbs of distance after which 得远 / 得近 is the complement (离得远, 住得近, 扔得远).
_DISTANCE_VERBS = frozenset("离隔住坐站挨走跑飞扔跳传踢射躲")
# Words of feeling before a 得 that is the complement marker: 开心得原地转圈, 激动得说不出话.
_FEELINGS = ("开心", "高兴", "激动", "兴奋", "紧张", "着急", "伤心", "难过", "感动", "害怕", "生气", "委屈",
             "尴尬", "得意", "痛苦", "难受", "舒服", "后悔", "惭愧", "慌张", "满意", "失望", "疲惫", "疲倦",
             "疼", "痛", "痒", "哽咽", "抽泣")  # and aches: 牙疼得睡不着, 腰痛得直不起来
_COUNT_BEFORE = frozenset("这那哪一两几每半多二三四五六七八九十百千万")
_ONLY_AFTER = frozenset("是有要能会好不需得可够见顾管在为怕剩差")
# Verbs that make a standalone 为 before them "for" (wei4) rather than "be / as" (wei2).
_FOR_VERBS = ("服务", "提供", "带来", "送去", "送来", "做准备", "准备", "解决", "创造", "举办", "作传", "立传",
              "保障", "丰富", "确保", "提高", "加强", "促进", "推动", "保证", "防止", "避免", "满足", "迎接", "纪念",
              "弘扬", "增强", "改善", "落实",
              "作序", "题字", "饯行", "送行", "求情", "报仇", "伸冤", "供水", "供电", "供暖", "供气", "供应",
              "带路", "引路", "开路", "站岗", "放哨", "包扎", "治疗", "看病", "流血", "牺牲", "献身", "奉献",
              "捐", "献", "付出", "操", "贡献", "奋斗", "努力", "操心", "担心", "着想", "加油", "庆祝",
              "骄傲", "高兴", "争光", "出力", "效力", "打造", "开辟", "买单", "埋单", "让路",
              "做出", "作出", "赢得", "争取", "祈祷", "鼓掌", "喝彩", "调拨", "发放", "捐赠", "筹集",
              "筹措", "购置", "开通", "办理", "颁发", "解答", "讲解", "定制", "搭建",
              "开设", "减免", "撑腰", "护航", "点赞", "祝福", "送行", "接风", "庆生", "安排",
              "做了", "做饭", "做手术", "写信", "输血", "送餐", "挡下", "挡住", "挡了", "干杯", "发挥", "配备", "减负", "奠定", "打下", "铺平", "奔走", "缴纳", "考虑", "分担",
              "办实事") + (_WEAK_FOR_VERBS := ("设计", "购买", "挣钱", "赋能", "发愁", "着急", "写的", "做的", "买的", "唱的"))
# Those last verbs follow 为 "is" as often (外观为全新设计, 均为妈妈亲手做的, 表现为着急): they make it "for" only
# after a person, an adverb or a counted thing (他一直为这件事发愁, 这首歌是为妈妈写的, 一款为女性设计的跑鞋).
_FOR_ONLY_AFTER = re.compile("(?:[我你他她您是正别在还又再要会来去不没总常就得该能专特]|[我你他她您]们?[也都]|我们|你们|他们|她们|咱们|大家|专门|特意|特地|"
                             "亲手|一直|始终|总是|不再|不必|不用|何必|应该|必须|可以|[一两几这那每][款个本首件种位份套张部台辆只双条])$")
# What 以 … 为 takes as (以此为目标而努力, 以苦为乐): after 为 and before 而 only these keep 为 wéi
# (以实际行动为祖国而战, 以自己的方式为梦想而努力: "for").
_TAKEN_AS_OBJECTS = frozenset(["目标", "荣", "傲", "乐", "耻", "重", "主", "本", "先", "准", "基础", "核心", "动力", "榜样",
                               "中心", "宗旨", "原则", "己任", "起点", "契机", "依托", "出发点", "前提", "代价", "借口",
                               "理由", "幌子", "手段", "武器", "标准", "方向", "指针", "导向", "荣耀", "骄傲", "快乐"])
# Things learned, as the subject of 好学 "easy to learn" (这门课很好学; 他很好学 "fond of learning").
_LEARNED_THING = ("课|语言|外语|英语|汉语|日语|学科|专业|技术|手艺|知识|乐器|钢琴|吉他|软件|编程|方法|功夫|东西|舞|曲子|"
                  "菜|游戏|数学|物理|化学|开车|游泳|驾照|书法")
# … right before 好学, with nobody between (这门课很好学; not 游泳队的小队员们都很好学).
_LEARNED_SUBJECT = re.compile(f"(?:{_LEARNED_THING})(?:(?![们人员生孩他她])[^，。！？；]){{0,4}}$")
# Verbs after a 得 "must" that opens a clause (…，得花上好几年: not 得来全不费工夫).
_MUST_AT_START = frozenset("花去走做赶买先等找交带写考练跑请")
# What asks someone to do more for others before jieba's word 多为 (请大家多为新同事提供帮助).
_URGING = ("请", "要", "应", "该", "能", "可以", "大家", "你", "您", "我", "他", "她", "也", "还", "更")
# Verbs of purpose right after 为 (为规范行政处罚行为, 公司为减少成本裁掉了一批人: "in order to"); after
# the nouns below 为 is "is" (主题为推进乡村振兴, 职责为维护网络安全).
_STATED_AS = ("目标", "任务", "主题", "职责", "重点", "宗旨", "初衷", "作用", "目的", "思路", "原则", "方向", "要求",
              "内容", "步骤", "爱好", "措施", "办法", "重心", "核心", "使命", "功能", "意义", "用途", "方针", "要点",
              "职能", "定位", "理念", "愿景", "口号", "主旨", "诉求", "关键", "难点", "特点", "标准", "依次",
              "项", "之一", "项目", "部分", "步", "贡献", "成就", "功绩", "原因", "理由", "方式", "外观", "关键词", "议题", "亮点", "症状", "结论", "名称")
# Verbs of naming before 为 "as" (确定为推进试点的城市).
_NAMED_AS = frozenset(["确定", "认定", "指定", "选定", "评定", "任命", "命名", "定", "称", "视", "列", "评", "选", "改",
                       "理解", "解释", "解读", "翻译", "概括", "归纳", "总结", "描述", "形容", "比喻",
                       "划", "变", "转", "定为"])
# Verbs later in the clause that make 为 "for" even after such a noun (这个措施为促进消费提供了保障).
_FOR_EVEN_STATED = ("提供", "创造", "奠定", "发挥", "设计", "做出", "作出", "带来", "打下", "铺平", "贡献")
_PURPOSE_VERBS = ("规范", "推进", "进一步", "贯彻", "切实", "做好", "方便", "减少", "深入", "更好", "维护", "适应",
                  "实现", "缓解", "解决", "加强", "促进", "确保", "提高", "推动", "保障", "满足", "落实")
# Last characters of verbs that 为 completes as "as, into" (确定为, 任命为, 划定为, 评为): wei2.
_NAMING_VERB_ENDS = ("定", "命", "选", "评", "列", "称", "视", "作", "成", "改", "分", "转", "变", "化", "划", "认")
# Verbs of naming or choosing before their object and 为 "as" (选他为代表, 推举老李为领头人).
_NAMING_VERBS = ("选", "推举", "推选", "任命", "称", "视", "认", "封", "立", "聘")
# What a passive 为 … comes to (为大家熟知, 为你们所用): wei2.
_KNOWN_BY = ("熟知", "熟悉", "认可", "喜爱", "接受", "知晓", "称道", "所")
# People a standalone 为 does something for (为旅客测量体温, 为新生安排宿舍).
_BENEFICIARIES = ("旅客", "乘客", "群众", "患者", "病人", "学生", "新生", "孩子", "市民", "顾客", "客户", "用户",
                  "居民", "村民", "老人", "员工", "职工", "百姓", "老百姓", "游客", "考生", "家长", "农民",
                  "广大", "消费者", "灾民", "贫困", "你们", "大家", "您", "各位", "家人", "你", "我", "他", "她", "自己")
# Complements after 得 in a potential form (买得起, 看得见, 做得到, 拿得动; 干得了 below).
_POTENTIAL_COMPLEMENTS = frozenset("起见懂到及完动着开清住上下过去来出成通惯")
_CAN_GET_VERBS = frozenset("做办找买看听想拿吃用等收碰摸闻猜学借租订抢")
# 系 "tie" (ji4): before 好 / 上 … after these (or at the start), or before what is tied.
_TIE_BEFORE = frozenset("请先要快紧没未不再都也得你您我他她帮给和来，。！？、：；")
_TIE_AFTER = frozenset("好上紧牢")
_SYSTEM_BEFORE = frozenset("关联体派维干院文语谱直水星母父嫡世银")  # 关系 联系 体系 …
_TIED_THINGS = ("鞋带", "安全带", "领带", "围巾", "扣子", "红领巾", "绳子", "腰带", "丝带", "蝴蝶结", "带子", "围裙")
_CAPITAL_BEFORE = frozenset("首古故陪旧帝建迁定国京")  # 首都, 建都于: "capital" du1
# Words in 都 that name a city or a capital (成都, 花都, 魔都) whatever follows; and what follows an
# adverb 都 "all" that jieba glued to the noun before it (药都|分好, 钱都|花了).
_CITIES_IN_DU = frozenset(["成都", "花都", "魔都", "帝都", "商都", "瓷都", "煤都", "钢都", "港都", "南都", "东都",
                           "西都", "北都", "中都", "上都", "汽都", "乐都", "丰都", "宇都", "江都", "京都", "皇都", "泉都", "佛都",
                           "冰都", "影都"])
_AFTER_ALL = frozenset("分是不没要会已在得很给被把让有能可该快挺特非太")
# 种 "kind" after a determiner, a number or a measure word (这种, 一种, 各种, 一个种).
_KIND_BEFORE = frozenset("这那哪一两几每多各某此该何本其另同个类二三四五六七八九十百千万余0123456789")
_CHOSE_AFTER = frozenset("了几一出中好选")
_SHOULDERED = ("担", "水", "扁担", "筐", "桶", "箩筐", "挑子", "柴", "粪")
# Loads a 挑着 carries further on in its clause: 挑着一副沉甸甸的担子.
_SHOULDER_LOADS = ("担子", "扁担", "水桶", "筐", "桶", "担水")
# What 场 cháng measures (一场大雨, 一场误会); 一场比赛, 一场电影 are chǎng.
_HAPPENINGS = ("雨", "大雨", "暴雨", "雷阵雨", "阵雨", "雷雨", "暴风雨", "小雨", "中雨", "雪", "大雪", "病", "大病", "战争", "大战", "灾难", "大难",
               "风波", "误会", "梦", "噩梦", "空欢喜", "虚惊", "浩劫", "劫难", "大火", "冰雹", "官司",
               "大风", "狂风", "暴风雪", "沙尘暴", "寒潮", "洪水", "山火", "火灾", "横祸", "灾祸")
_CARRIED = ("书包", "背包", "电脑包", "双肩包", "挎包", "包", "大提琴", "小提琴", "提琴", "二胡", "琵琶", "古筝", "画板",
            "画夹", "行囊", "包袱", "孩子", "行李", "篓", "筐", "柴", "枪", "麻袋", "老人", "小孙子", "孙女", "娃",
            "宝宝", "病人", "伤员", "房子", "壳", "吉他", "水壶", "竹篓", "背篓", "箩筐", "弓", "剑")
# What may come between 背 "carry" and what is carried: 背着个大包, 背了一个旧书包.
_CARRY_ASPECT = ("着", "了", "上", "起")
_CARRY_COUNT = ("一大捆", "一捆", "一大筐", "一筐", "一个", "两个", "几个", "个", "一只", "只", "一", "两", "几")
# Whose the thing carried is: 蜗牛背着自己的房子, 背着他的吉他.
_CARRY_OWNER = ("自己的", "我的", "你的", "他的", "她的", "它的")
_CARRY_SIZE = ("大", "小", "旧", "新", "重")
# After these, a clause-final 蒙了 is "fooled, dazed" (meng1): 给蒙了, 吓蒙了, 打蒙了.
_DAZED_AFTER = frozenset("给吓打听看问搞弄骗说讲绕都全就")
# What a 不着 / 得着 potential complement (睡不着, 够得着) is not followed by: 不着边际 (zhuo2).
_NOT_REACHED_AFTER = frozenset("边痕陆")
_SENTENCE_PARTICLES = frozenset("啊吧吗呀么呢嘛了")
# Things that get wet and dry: a clause-final 干 after them is "dry" (衣服还没干).
_DRYABLE = ("衣服", "头发", "被子", "床单", "毛巾", "袜子", "鞋", "裤子", "油漆", "水泥", "颜料", "墨水",
            "嗓子", "嘴唇", "皮肤", "眼泪", "泪水", "池塘", "河水", "井水", "汗", "墙", "盆土", "土壤", "表土", "土表面", "土表")
_MEDICINES = ("中药", "汤药", "草药", "药")
# Words of two ending in 率 shuài "lead; frank" (亲率, 轻率 …): not a rate at the end of a longer word.
_LEADING = frozenset(["亲率", "轻率", "草率", "坦率", "直率", "表率", "统率", "督率", "相率", "粗率", "真率"])
# Children looked after (看着 kān), then the clause ends: 在家看着弟弟。
_LOOKED_AFTER = "(?:弟弟|妹妹|孩子|小孩|孩子们|宝宝|娃|小孙子|孙子|孙女|外孙)(?:点|些)?(?:[，。！？；]|$)"
# 以 "take" before a 为 "as" (以此为满足, 以创新为推动力); not 以 inside 可以, 所以, 以及, 以后 ….
_TAKE_AS = re.compile("(?<![可所难足得用加予借据赖])以(?![及后前上下来外内为便免至致往色南北东西])")
# 为 "for" people and a performance given them: 为日本人演出, 为大家表演了 (为钟声演奏: "is").
_PERFORMED_FOR = ("[^，。！？；0-9]{0,5}?(?:人|们|大家|观众|群众|官兵|战士|士兵|孩子|老人|嘉宾|他|她|我|你|您)"
                  "(?:演出|表演|献唱|献艺)(?:了|过)?(?:[，。！？；]|$|节目)")
# What grows on the skin or in the body after 长了 (zhǎng): 长了口疮, 长了几颗痘, 长了个结节.
_GROWTHS = re.compile("(?:一脸|一身|不少|好多|很多|一|几|两|好几)?(?:个|颗|块|片|些|根|道|层)?(?:口疮|冻疮|疮|痘痘|痘|疹子|湿疹|霉斑|霉|青苔|苔藓|杂草|"
                      "疙瘩|(?<=[个颗])包|大包|斑|皱纹|白头发|白发|肿块|结节|息肉|茧子|茧|溃疡|针眼|麦粒肿|痱子|老年斑|痣|"
                      "牙齿|牙|赘肉|肉|膘|新枝|新芽|嫩芽|新叶|叶子|见识|大个子)")
# What is long (cháng) when 长 closes the clause after it: 周期长, 战线拉得太长 is a complement anyway.
_LASTING = ("周期", "时间", "寿命", "距离", "路程", "历史", "工期", "疗程", "跨度", "战线", "时效", "期限", "流程",
            "篇幅", "链条", "假期", "队伍", "耗时", "用时", "时长")
# Things wet that 干 "dry" (gān) is said of: 地面油漆还没干, 衣服一天都干不了.
_WET_THINGS = "油漆|漆|墙|地面|地板|衣服|衣物|被子|床单|袜子|鞋|头发|水泥|胶|颜料|墨|泥|毛巾|裤子|眼泪|泪|盆土|土壤|表土"
_WET_ANYWHERE = re.compile(_WET_THINGS)
_WET_SUBJECT = re.compile(f"(?:{_WET_THINGS})[^，。！？；]{{0,6}}$")  # the wet thing, and at most an adverb after it
# What 长 after a measure of length is (十丈长, 两米长的绳子: cháng).
_LENGTH_MEASURES = frozenset("丈尺米里寸码")
# What 大夫 names as an office (光禄大夫, 士大夫 dàfū); elsewhere 大夫 is a doctor, dàifu.
_OFFICE_BEFORE = ("士", "卿", "光禄", "荣禄", "资政", "通议", "谏议", "御史", "太中", "朝散", "三闾", "部", "武功", "五", "、",
                  "上", "中", "下")
# What 每行 "each line" counts (每行七个字, 每行两句).
_COUNTED_LINES = re.compile("[一二两三四五六七八九十百千几0-9]+[个字句格列首]")
# 之 that ends a word of its own before 都 "all" (总之都怪我).
_THEREFORE = ("总之", "反之", "言之", "要之", "久之")
# What 空 "leave blank" (kòng) leaves: 空两拍, 空一行, 空三天.
_LEFT_BLANK = re.compile("[一二两三四五六七八九十几半0-9]+[格行拍天位字个间排列小节]")
_CHINESE_COUNTS = frozenset("一二两三四五六七八九十百千几数余")
_CHINESE_COUNTS_CHARS = "".join(sorted(_CHINESE_COUNTS))
# What 结 "bear" (jiē) bears: 结了好多枣, 结满了果子, 结出硕果.
_FRUIT_BORNE = re.compile("(?:[了满出着])?(?:好多|很多|不少|许多|一|两|三|几|个|颗|串|些|大|小|满|了){0,3}"
                          "(?:果子|果实|果儿|硕果|青果|苹果|枣|桃|瓜|葡萄|柿子|梨|杏|李子|石榴|籽|穗|荚|果(?=[，。！？；]|$))")
# Things one leaves behind (落 là): 钥匙落在车上了; and places a thing falls onto (落在地上 luò).
_LEFT_BEHIND = ("钥匙", "手机", "钱包", "雨伞", "书包", "背包", "外套", "眼镜", "身份证", "充电器", "作业",
                "东西", "证件", "帽子", "电脑", "本子", "课本", "水杯", "充电宝", "耳机", "行李", "安全帽", "工牌", "工作证", "饭卡", "水壶", "校服",
                "喷壶", "剪刀", "修枝剪", "手套", "围巾", "雨衣", "保温杯", "U盘", "笔记本", "头灯", "手电", "手电筒", "鱼竿", "钱袋")
# Places a thing is left at without 在 (把手机落家里了).
_LEFT_AT = ("家里", "家了", "车上", "车里", "办公室", "学校", "公司", "店里", "酒店", "宿舍", "教室", "出租车")
# How a thing fell before 落在 "land on" (luò): 掉下去正好落在…, 滑下来落在键盘上, 飞出去落在…, 从阳台落在….
_DROPPED = ("掉", "滑", "摔", "飘", "砸", "跌")
_FALLEN_ONTO = ("地上", "地下", "地板", "水里", "水中", "河里", "头上", "肩上", "身上", "脸上", "屋顶")
# One-character verbs whose 得 is the complement marker before a degree (放得有点儿多, 给得也不少).
_ONE_CHARACTER_VERBS = frozenset("放给照说写做吃喝睡走跑跳唱哭笑讲读画洗切煮炒烤炖熬煎蒸拌剪修装搞弄打拍看听学练烧花"
                                 "来去买卖开关收穿戴盖铺擦扫等烂熟化坏")
# … and those whose 得 begins a potential complement (数得清, 稳得住; jieba's 吃|得惯, 搬|得出).
_VERBS_OF_POTENTIAL = _ONE_CHARACTER_VERBS | frozenset("数认分稳搬吃")
_VERBS_OF_GLUED_POTENTIAL = _ONE_CHARACTER_VERBS | frozenset("稳搬吃")
_DEGREE_PHRASES = ("有点", "有些", "有一点", "如同", "仿佛", "犹如", "宛如", "也不", "也很", "也太", "也挺",
                   "也够", "过于", "格外", "极其", "出奇", "快", "慢", "足够", "不多", "不少", "不好", "不错", "不够")
# 还给 "also … for" (hái gěi) before whom a thing is done for and the deed: 还给每桌送了一份西瓜.
_GIVES_AGAIN = re.compile("[^，。！？；]{1,5}?(?:送|发|做|买|准备|倒|添|端|讲|唱|介绍|留|寄|煮|炒|包)(?:了|着|一|个|点)")
# The commonest surnames: 大夫 after one is a doctor (李大夫, 王大夫).
_SURNAMES = frozenset("李王张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈彭吕苏"
                      "卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵"
                      "孟龙万段钱汤尹黎易常武乔贺赖龚文")
# Before 大夫 a doctor (dàifu): a common surname, a measure for people or a verb of sending for one
# (李大夫, 这位大夫, 请来了大夫).
_DOCTOR_BEFORE = _SURNAMES | frozenset("位名请找问叫喊了来")
# Characters jieba's HMM glues to a modal 应 before them (患者应少吃, 应尽快, 应按时).
_AFTER_SHOULD = frozenset("少多尽按及避立当在从由把将对予")
# Characters jieba's HMM glues to a following modal 应 (后应注意, 均应, 都应).
_SHOULD_GLUED_AFTER = frozenset("后前均都亦也皆仍还更理本时")
# Around 弄 "handle" (nòng): who does it or what it turns out (the lane 弄 lòng is a place name).
_HANDLE_BEFORE = frozenset("来去别再先我你他她帮给要会能想就都也还又乱瞎把被个")
_HANDLE_AFTER = frozenset("了吧着过坏好清脏干伤瞎错丢懂明到得成乱掉死")
_NUMERALS = frozenset("一二两三四五六七八九十几半0123456789")
# A setting after 调到: a number and its unit (三十八度, 五档, 百分之五十), the lowest or highest, silent, an alarm's hour.
_SETTING = re.compile(r"(?:[零一二两三四五六七八九十百几点0-9.]+(?:度|档|挡|级|格|分贝|摄氏度)|百分之|静音|震动|振动|最(?:高|低|大|小|亮|暗|快|慢)(?!人民|检|法|管理|层|领导|级别的(?:警卫|部门|单位|岗位|机关))"
                      r"|(?:凌晨|早上|早晨|上午|中午|下午|晚上|夜里)?[零一二两三四五六七八九十0-9]+点)")
# A price after 调为 / 调至 "adjusted to" (票价由两元调为三元).
_PRICE_SET = re.compile(r"[零一二两三四五六七八九十百千万几点0-9.]+(?:元|块|角|毛|分钱|美元)")
# Adjectives read one way after a degree adverb (太好了 "good", 很难 "difficult", 太冲 "pungent", 太差 "poor").
_ADJECTIVE_AFTER_DEGREE = {"好": "hao3", "难": "nan2", "冲": "chong4", "差": "cha4"}
_RETURNED_AFTER = frozenset("钱债清款")  # not 给: 他还给我打了电话 is "still"
_WRITTEN_LINES = ("字", "诗", "代码", "泪", "眼泪", "热泪", "清泪", "文字", "小字", "大字", "句子", "标语", "数字",
                  "大雁", "雁", "白鹭", "脚印", "杨树", "柳树")
_DEMONSTRATIVES = frozenset("这那哪")
# What stands before 当 X 用 "use as X" (dàng): 可以当抹布用, 拿来当凳子用.
_USED_AS_BEFORE = frozenset(["可以", "能", "可", "就", "拿来", "拿", "只能", "暂时", "也", "先", "还能", "都"])
# What stands before 当 X 是 Y "take X for Y" (dàng): 我还当你是朋友呢, 都当他是傻子.
_TAKEN_FOR_BEFORE = frozenset(["还", "只", "就", "都", "真", "竟", "一直", "原来", "本来", "还以为"])
# Verbs before 着|想 "…ing, want to" that jieba reads as 着想 "consider" (挣扎着想跑, 哭着想回家).
_QUALITY_VERBS_OR_STRUGGLE = frozenset("扎哭喊叫笑挣跑走躺坐站趴跪扭抖")
# Verbs that jieba's HMM glues after 应 "should" (应去医院, 也应带孩子去).
_SHOULD_VERBS = frozenset("去带做把让立找避注保向给从")
# Idioms of how a thing must be done, after 得 "must" (这事得想方设法, 我们得全力以赴).
_MUST_IDIOMS = frozenset(["想方设法", "全力以赴", "三思而行", "实事求是", "一心一意", "争分夺秒", "小心翼翼", "小心谨慎",
                          "脚踏实地", "未雨绸缪", "精打细算", "从长计议", "当机立断", "速战速决", "按部就班", "循序渐进",
                          "齐心协力", "同心协力", "量力而行", "认认真真", "踏踏实实", "老老实实", "一步一步", "加班加点",
                          "千方百计", "尽心尽力", "全心全意", "谨言慎行", "慎之又慎", "严阵以待"])
# Syllables ending in -n before which a clause-final 哪 is the particle (天哪, 您哪, 人哪, 心哪).
_N_FINAL_BEFORE_NA = frozenset("天您人心们钱难门山年看干完烦亲真")
# Animals penned in with 圈 juān.
_PENNED = ("羊", "鸡", "鸭", "鹅", "牛", "猪", "马", "兔")
# Games and shows counted with 场 chǎng (这场比赛, 一场电影), and what stands before that 场.
_SHOWS = ("比赛", "球赛", "球", "演出", "演唱会", "音乐会", "电影", "戏", "决赛", "半决赛", "赛事", "对决", "表演",
          "直播", "发布会", "讲座", "考试", "晚会", "话剧", "歌剧", "京剧", "篮球", "足球", "友谊赛", "联赛")
_SHOW_COUNTS = frozenset("这那本每上下首整半几一两三四五六七八九十")
# Verbs of V得了 "can manage" before 这么 / 那么 in a question (弹得|了这么难的曲子吗？).
_POTENTIAL_LIAO_VERBS = frozenset("弹唱吃喝拿搬扛背写画做干修学跑走爬跳受挑装穿用花喝记背读算办管")
# Who a 背着 "behind the back of" (bèi) hides from, right after it: 背着老公偷偷买的包.
_BEHIND_BACK_OF = ("老公", "老婆", "丈夫", "妻子", "父母", "爸妈", "家人", "妈妈", "爸爸", "领导", "老师", "大家",
                   "别人", "同事", "我", "你", "他", "她")
# What follows 打的 "take a taxi" (dǎdī): 打的直奔机场 (打的到底是谁: de).
_BY_TAXI_NEXT = ("去", "直奔", "回家", "回去", "回学校", "回公司", "回宿舍", "回酒店", "回单位", "回老家", "过去", "过来", "赶往", "赶去", "赶到", "上班", "走了")
# What follows 服药 "take medicine" (fú): 你这服药的方法 (我这服药是老中医开的: a dose, fù).
_TAKING_MEDICINE_NEXT = ("的方法", "的习惯", "的时间", "方法", "时间", "期间", "后", "前")
# What a person is a member of before 分子 fènzǐ (不法分子); elsewhere 分子 is a molecule.
_MEMBERS_OF = ("不法", "恐怖", "知识", "积极", "犯罪", "反动", "好战", "极端", "敌对", "危险", "腐败", "黑恶", "暴力",
               "激进", "武装", "爱国", "右派", "左派", "反革命", "骨干", "投机", "异己", "中坚", "坏", "落后", "先进")
# Units whose head is their 长 zhǎng: 营长, 校长.
_POSTS = frozenset("营连排班团师军旅科处局部校院所站村镇县市省队组厂社会")
# Verbs of holding before a split potential complement 得|住 (握得|住, 拿得|动).
_HOLD_VERBS = frozenset("握拿抓扛抬挡拦守顶撑抱按压扶背")
# People carried on the back after 把: 把受伤的老人背出了废墟.
_PEOPLE_CARRIED = ("老人", "孩子", "伤员", "病人", "伤者", "老乡", "奶奶", "爷爷", "妈妈", "群众", "战友", "小孩", "宝宝", "娃",
                   "孙子", "孙女", "弟弟", "妹妹", "新娘")
# 背着 … 的 and what is carried: 背着发高烧的孩子.
_CARRIED_AFTER_OF = re.compile(
    r"着(?:[^，。！？；]{1,8}的(?:孩子|老人|病人|伤员|娃|宝宝|书包|背包|双肩包|电脑包|挎包|包|行李|行囊|包袱|背篓|麻袋|竹篓|箩筐|壳|装备|粮食|柴火|水"
    r"|师妹|师弟|师兄|师姐|师父|同伴|伙伴|队友|战友|兄弟)"
    r"|(?!公司|老板|父母|家人|家里|老婆|老公|领导|大家|别人|组织|单位|学校|老师|[我你他她])"
    r"(?:一个|一只|个|只|两个|一)?(?:(?!玩(?!具))[^，。！？；的了卖买偷拿翻藏扔找弹吃喝抽看]){0,4}(?:书包|背包|双肩包|电脑包|挎包|行李|行囊|背篓|麻袋|竹篓|箩筐|壳|竹筐|柴火|猎枪|电脑|笔记本|相机|吉他"
    r"|(?<![钱红皮面荷腰外承打])包|(?<!一)筐|篓|(?<=[一两几大])袋|氧气瓶|药箱|工具箱))")
# Verbs after which a lone 差 before 了 / 的 is "poorly" (考差了, 弄差了).
_TURNED_OUT_POOR = frozenset("考变弄搞做写画唱演")
# What 冲着 "brewing, rinsing" (chōng) acts on; before anything else 冲着 is "towards" (chòng).
_BREWED_OR_RINSED = ("咖啡", "茶", "奶粉", "澡", "凉", "水", "碗", "马桶", "厕所", "洗", "麦片", "蜂蜜", "药",
                     "冲着", "头发", "地", "车")
# What 供着 "enshrine" (gòng) holds.
_ENSHRINED = ("神", "佛", "像", "牌位", "祖宗", "菩萨", "观音", "财神", "香火", "灵位", "关公", "遗像", "锦鲤", "土地爷", "土地公", "灶王爷", "老爷", "神像", "佛像")
# What is bought by the dozen (打 dá): 两打签字笔, 一打鸡蛋.
_BY_THE_DOZEN = ("签字笔", "铅笔", "笔", "啤酒", "鸡蛋", "毛巾", "袜子", "玫瑰", "信封", "饼干", "羽毛球", "网球", "发圈", "黑色发圈")
# How much heavier after 重了: 重了一斤, 重了两公斤 (重了两个 "duplicated").
_HEAVIER_BY = re.compile(r"了?[零一二两三四五六七八九十几半0-9]+(?:斤|公斤|千克|克|两|吨|磅)")
# What a 吐 "spit out" (tǔ) gets rid of: 口香糖嚼完就吐了.
_SPAT_OUT = ("口香糖", "核", "籽", "瓜子皮", "果皮", "葡萄皮", "骨头", "痰", "口水", "刺", "烟圈", "泡泡")
# What follows 某 when it is "a certain" (查某公司), not the unnamed person after a surname (查某).
_SOMETHING_AFTER_MOU = ("公司", "单位", "人", "些", "地", "种", "个", "处", "项", "件", "事", "年", "月", "日", "天",
                        "一", "部", "机关", "企业", "集团", "医院", "学校", "商", "店", "银行", "网", "平台", "品牌",
                        "市", "县", "区", "镇", "村", "省", "国", "厂", "位", "家")
# Characters ending an adverbial before 地 "-ly": 一心一意地, 认真地, 努力地.
_ADVERBIAL_ENDS = frozenset("意真力心命劲快慢细静悄默")
# Last characters of the adjectives jieba's HMM glues to an adverbial 地 (敏锐地, 倔强地, 更多地).
_ADVERB_LAST = _ADVERBIAL_ENDS | frozenset("多少锐强抖速烈重轻乐喜奋张怒冷热狠淡缓急紧稳坚柔然切")
# First characters of jieba's words V得 whose 得 brings in how it turned out (长得, 吹得, 塞得).
_MANNER_BEFORE_DE = frozenset("长吹塞刮晒冻吓累饿热冷哭笑跑说写做唱画洗擦扫推刨磨压熬炖毁")
_PRONOUNS_ALL = frozenset(["你", "我", "他", "她", "咱", "你们", "我们", "他们", "咱们", "您"])
_BEAR_FRUIT_BEFORE = ("开始", "已经", "没", "不", "会", "才", "就", "能", "开花")
_FRUIT_BEARERS = ("果树", "苹果树", "桃树", "梨树", "枣树", "杏树", "橘树", "这棵树", "那棵树", "小树", "瓜秧", "葡萄藤",
                  "果园")  # 苹果树开始结果了 (not 一切都没结果)
# Forces that snap what they act on: 刮折, 压折, 摔折 (shé).
_FORCES = frozenset("刮吹压摔踩砸撞碰")
# Habitats a plant is fond of after 喜X好Y (喜阴好湿, 喜光好肥).
_HABITATS = frozenset("阴光温湿暖凉肥水干")
# What 刨 "dig" (páo) turns up, looked for this far after it.
_DIG_WINDOW = 6
_DUG = ("坑", "土", "地", "根", "洞", "出")
# What comes undone: 鞋带散了, 辫子散了.
_COME_UNDONE = ("鞋带", "辫子", "头发", "绳子", "绳结", "毛线", "线团", "架子", "包装", "扣子")
# How a thing must be done, after 就得 / 还得: 一心一意, 好好.
_WHOLEHEARTEDLY = ("一心一意", "好好", "认真", "老老实实", "踏踏实实", "一步一步", "专心", "耐心", "慢慢")
# What 好 "be fond of" (hào) goes before, in words jieba's HMM makes up (好学, 好奇 are listed).
_FOND_OF = frozenset("学奇客胜强色逸动斗赌酒吹战管")
# Before a clause-final lone 差 that is no "poor": 出差, 偏差 and such are words; 参差 cen1 ci1.
_NOT_POOR_BEFORE = frozenset("出交偏误落时温相参当")
# Words of a medical scene in which 大夫 is a doctor (dàifu) wherever it stands.
_MEDICAL = ("医院", "医生", "看病", "诊所", "门诊", "开药", "吃药", "中药", "药方", "护士", "手术", "患者", "病人",
            "病情", "体温", "发烧", "咳嗽", "方子", "针灸", "住院", "把脉", "号脉", "输液", "打针", "科室", "会诊",
            "症状", "病历", "挂号", "复诊", "化验", "血压")
# Times to come after which a lone 得 before a verb is "must" (以后得控制饮食, 明天得早起).
_LATER = frozenset(["以后", "今后", "往后", "将来", "回头", "下次", "下回", "明天", "后天", "明年", "到时候"])
# What stands before a lone 少 "less" before a verb (要少弯腰, 应少吃, 尽量少用).
_SHOULD_BEFORE_LESS = frozenset("要应该得请多更可也就都还别")
# Around a lone 弹 that is a shell or a pellet (dàn): 弹壳, 弹药, 中弹.
_SHELL_AFTER = frozenset("药弓壳道头丸片坑孔夹匣")
_SHELL_BEFORE = frozenset("子炮导炸枪飞榴中霰")
# Adverbs before a lone 得 that is "must" when a verb follows (都得下苦功, 也得去, 就得等).
_ALSO_ADVERBS = frozenset(["都", "也", "就", "又"])
# Characters before 数 that make it the noun "number" (函数, 分数, 整数, 倍数).
_NUMBER_KINDS = frozenset("函分整倍系参指奇偶质正负小实虚约总人次岁个的这那")
_SLEEP_WINDOW = 4
# What follows 哄 "coax" (hǒng): 哄了半天, 哄着, 哄孩子.
_COAXED = frozenset("了着孩好住骗人")
# People a clause-final 背着 is done by: "carried on the back" (让儿子背着).
_BEARERS = frozenset(["儿子", "女儿", "爸爸", "妈妈", "爷爷", "奶奶", "哥哥", "姐姐", "弟弟", "父亲", "母亲",
                      "丈夫", "老公", "大人", "别人", "他", "她", "我", "你", "人", "战友", "同伴", "孙子"])
# Foods a 炸 deep-fries, looked for this far after it.
_FRY_WINDOW = 8
_FRIED = ("丸子", "油条", "薯条", "春卷", "鸡腿", "鸡翅", "鸡块", "排骨", "带鱼", "小鱼", "虾", "花生", "藕盒",
          "茄盒", "年糕", "麻花", "馓子", "馒头片", "豆腐", "酥肉", "麻团", "油饼", "里脊", "鸡排", "臭豆腐")
_ORGAN_BEFORE = frozenset("心内五肝肾脾肺")
_VIGOROUS_BEFORE = frozenset("强刚苍遒雄疾")
_VIGOROUS_AFTER = frozenset("骑旅敌松草射爆风歌舞卒兵弩弓")
_GROUND_NEXT = frozenset("铁区方上下面点址图位带球震质形势理名步毯板道域主产标段盘基")


@cache
def _word_tags() -> dict[str, str]:
    """jieba's part-of-speech tag of each dictionary word (成语 are ``i``, set phrases ``l``)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # jieba imports the deprecated pkg_resources
        import jieba.posseg
    return jieba.posseg.dt.word_tag_tab


def _in_jieba(text: str) -> bool:
    """``text`` is a word of jieba's main dictionary (loaded with the segmenter; the part-of-speech
    table of :func:`_word_tags` takes another half second to load)."""
    import jieba

    return jieba.dt.FREQ.get(text, 0) > 0


def is_idiom(word: str) -> bool:
    """``word`` is an idiom or set phrase in jieba's dictionary (称心如意, 想方设法), or a
    reduplication AABB (干干净净)."""
    if len(word) == 4 and word[0] == word[1] and word[2] == word[3]:
        return True
    return _word_tags().get(word) in ("i", "l")


def _next_word_length(target: Target) -> int:
    """The length of the word after ``target.word`` (0 at the end or without boundaries)."""
    end = target.word_start + len(target.word)
    later = [b for b in target.bounds if b > end]
    return min(later) - end if later else 0


def _wet_subject(sentence: str, index: int) -> bool:
    """Something wet is what 干 at ``index`` is said of (油漆还没干, 衣服一天都干不了), not a job (刷油漆的活他干不了)."""
    clause = _clause_before(sentence, index)
    return _WET_SUBJECT.search(clause) is not None \
        and re.search("活|事|工|任务|作业", clause) is None


def _for_verb(sentence: str, index: int, scope: str) -> str | None:
    """The first verb of ``scope`` (the clause after the 为 at ``index``) that makes that 为 "for"
    (see _FOR_VERBS), or ``None``."""
    for verb in _FOR_VERBS:
        if verb in scope and not _as_noun(scope, verb) and (
                verb not in _WEAK_FOR_VERBS or _FOR_ONLY_AFTER.search(sentence[:index])):
            return verb
    return None


def _taken_as(sentence: str, index: int, tail: str, cut: int) -> bool:
    """The 为 at ``index`` is "take as" after 以 (以此为满足; 以此为目标而努力), ``tail`` the text after it
    and ``cut`` where its clause ends."""
    if _TAKE_AS.search(_clause_before(sentence, index)) is None:
        return False
    before_er = re.match("([^，。！？；]{1,4})而", tail)
    return (0 < cut <= 3 and before_er is None) or (before_er is not None and before_er[1] in _TAKEN_AS_OBJECTS)


def _as_noun(text: str, verb: str) -> bool:
    """The first ``verb`` in ``text`` heads a noun (定制款, 纪念馆): 本商品为定制款, 辟为纪念馆 are "is"."""
    at = text.find(verb) + len(verb)
    return text[at:at + 1] in ("款", "品", "版", "型", "服", "馆", "碑", "日", "堂", "册", "章", "塔", "像", "师", "图", "稿", "意")


def rule_reading(sentence: str, target: Target) -> str | None:
    """A reading fixed by a grammatical context, or ``None``."""
    index = target.index
    char = sentence[index]
    before = sentence[max(0, index - 4):index]
    after = sentence[index + 1:index + 2]
    if char == "重" and (target.word == "重" or target.word.endswith("重")) \
            and re.search("[0-9零一二两三四五六七八九十百千几半][两斤吨克]$", before):
        return "zhong4"  # 约莫五两重, 三斤重: a weight
    if char == "得" and target.word == "得" and (target.previous_word in _ALSO_ADVERBS
                                                 or target.previous_word in _MUST_ADVERBS_BEFORE) \
            and sentence.startswith(_WHOLEHEARTEDLY, index + 1):
        return "dei3"  # 就得一心一意地干, 还得好好学: "must" before how it must be done
    if char == "得" and (target.word == "得" or (len(target.word) == 2 and index == target.word_start + 1)) \
            and re.match("又[^，。！？；]又", sentence[index + 1:index + 4]) and not before.endswith(_SUBJECTS):
        return "de5"  # 他划船划得又快又稳: how it is done
    if char == "得" and target.word == "得" and re.match("好好[^的地，。！？；]", sentence[index + 1:index + 4]):
        return "dei3"  # 你这病得好好养着: "must" (考得好好的: de)
    if char == "得" and target.word == "得" and _next_word_length(target) == 4 \
            and all(is_han(c) for c in sentence[index + 1:index + 5]):
        idiom = sentence[index + 1:index + 5]
        if idiom in _MUST_IDIOMS or (before.endswith(_SUBJECTS) and is_idiom(idiom)):
            return "dei3"  # 这事得想方设法解决, 我们得全力以赴: "must" and how
        if len(target.previous_word) >= 2 and is_han(target.previous_word[-1]) and is_idiom(idiom):
            return "de5"  # 装修得称心如意, 掌握得恰到好处: the result, in an idiom (争取得诺贝尔奖: "win")
    if char == "得" and len(target.word) == 2 and index == target.word_start + 1 \
            and target.word[0] in _MANNER_BEFORE_DE and is_han(after or " ") and after not in "了到出起":
        return "de5"  # 长得简直一模一样, 吹得散了架, 塞得喘不过气: jieba's V得 before how it turned out
    if char == "得" and target.word in ("问得", "骂得", "说得", "逼得", "打得") and target.previous_word == "被":
        return "de5"  # 他被问得一时语塞: what it did to him (都问得实情 "got": dé)
    if char == "得" and target.word == "可得" and target.previous_word in _PRONOUNS_ALL \
            and is_han(after or " ") and after not in "到出的":
        return "dei3"  # 你可得争气: "really must" (随处可得 "obtainable")
    if char == "着" and before[-1:] in "空拉牵握挽携" and after == "手":
        return "zhe5"  # jieba's 别空|着手, 手拉|着手: the aspect, no 着手 "set about"
    if char == "盛" and (target.word == "盛" or target.word_reading is None) \
            and (after == "满" or sentence.startswith("太满", index + 1)):
        return "cheng2"  # 别盛太满: "ladle"
    if char == "干" and index > 0 and sentence[index - 1] == "地" and target.word in ("干", "地干") \
            and after and after in "了得" and (index == 1 or sentence[index - 2] in _BREAKS
                                           or sentence[index - 2] in "块片田这那" or before.endswith(("以后", "雨后"))):
        return "gan1"  # 雨停以后，地干了: "dry"
    if char == "干" and index > 2 and sentence[index - 1] == "地" and target.word in ("干", "地干") \
            and (sentence[index - 3] == sentence[index - 2] or sentence[index - 2] in _ADVERBIAL_ENDS):
        return "gan4"  # 一心一意地干: "do, work"
    if char == "好" and index == target.word_start and len(target.word) >= 2 and target.word_reading is None \
            and after not in _FOND_OF:
        return "hao3"  # jieba's 好想你, 好冷啊: "so, very" (好学, 好奇 are words of their own)
    if char == "地" and index >= 2 and sentence[index - 1] == sentence[index - 2] \
            and sentence[index - 1] not in _BREAKS:
        return "de5"  # adverbial 地 after a reduplication: 慢慢地, 高高兴兴地
    if char == "地" and index >= 4 and sentence[index - 4:index - 2] == sentence[index - 2:index] \
            and not _BREAKS.intersection(sentence[index - 2:index]):
        return "de5"  # 一个一个地, 一步一步地
    if char == "地" and _adverbial_de(sentence, target):
        return "de5"  # 认真地学习, 高兴地跳
    if char == "长" and before.endswith(DEGREE_ADVERBS) and after not in _LONG_NOT_AFTER \
            and not (before.endswith(("有点", "有些")) and after in _GROWS_AFTER):
        return "chang2"  # 很长, 最长, 这么长: the adjective "long"
    if char == "长" and before.endswith("又") and (after in ("", "又") or after in _BREAKS):
        return "chang2"  # 又黑又长。
    if char == "圈" and target.word == "圈" and any(a in _clause_before(sentence, index) for a in _PENNED) \
            and after not in "子内外住":
        return "juan1"  # 把刚买的小羊羔圈了起来, 得把鸡都圈在棚子里: "pen in" (羊圈 is juàn, a word)
    if char == "长" and _ends_clause(sentence, index + 1) and after != "了" and before.endswith(_LASTING) \
            and (target.word == "长" or (target.word_reading is None and target.word[:-1] in _LASTING)):
        return "chang2"  # 一是成本高，二是周期长: "long"
    if char == "长" and target.word == "长" and re.match(
            "[零一二两三四五六七八九十百千万点]+(?:米|厘米|毫米|公里|千米|里|尺|寸|英寸|码)", sentence[index + 1:]):
        return "chang2"  # 画卷长五百二十八点七厘米: a length
    if char == "长" and target.word == "长" and after == "了" \
            and re.search("(?:体重|身高|个子|个头)$", _clause_before(sentence, index)):
        return "zhang3"  # 宝宝这个月体重长了一斤: "grow"
    if char == "着" and target.word == "着想" and index == target.word_start \
            and not re.search("[为替]", _clause_before(sentence, index)) and target.previous_word[-1:] in _QUALITY_VERBS_OR_STRUGGLE:
        return "zhe5"  # 它拼命挣扎|着想|跑: the aspect 着 before 想 "want" (为孩子着想 zhuó: "consider")
    if char == "长" and after == "得":
        # 长得很漂亮 "looks", but 长得多 "much longer"
        return "chang2" if sentence[index + 2:index + 3] == "多" else "zhang3"
    if char == "长" and (after in ("高", "胖") or sentence.startswith(_GROWN_TO, index + 1)):
        return "zhang3"  # 长高了, 长胖了, 长这么高了 "grow"
    if char == "重" and before.endswith(DEGREE_ADVERBS) and not before.endswith("多") \
            and after not in _HEAVY_NOT_AFTER:
        return "zhong4"  # 很重, 太重了: "heavy" (but 多重 chong2)
    if char == "重" and "重重地" in sentence[max(0, index - 1):index + 3]:
        return "zhong4"  # 重重地摔了一跤: "heavily" (困难重重 are "layers": chong2)
    if char == "重" and _loose(target) and index == target.word_start and after in _AGAIN_VERBS \
            and not before.endswith(DEGREE_ADVERBS):
        return "chong2"  # 重来, 重写, 重新: "again" (很重 is "heavy", above)
    if char in _TRY_VERBS and _tried_out(sentence, index):
        return _TRY_VERBS[char]
    if char in _TRY_VERBS and _reduplicated(sentence, target):
        return _TRY_VERBS[char]  # 量量体温, 教教奶奶: a verb said twice
    if char == "倒" and target.word == "倒" and after in ("在", "进", "入") and _ba_in_clause(sentence, index):
        return "dao4"  # 把药材倒在秤盘里: "pour" (他倒在地上 "fell" stays with the model)
    if char == "倒" and target.word == "倒" and after == "了" \
            and (index + 2 == len(sentence) or sentence[index + 2] in _BREAKS):
        return "dao4" if _ba_in_clause(sentence, index) else "dao3"  # 墙倒了 "fell"; 把酒倒了 "poured away"
    if char == "教" and target.word == "教" and (
            after in _PRONOUNS or after in _TAUGHT_AFTER or sentence.startswith(_LEARNERS, index + 1)):
        return "jiao1"  # 教我们唱歌, 教了二十年: "teach"
    if char == "教" and sentence.startswith("得好", index + 1) and sentence[index + 3:index + 4] not in "几多些久" \
            and not target.word.startswith("家教") and (target.word == "教" or index == target.word_start or _loose(target)):
        return "jiao1"  # 都是师傅教得好, 王老师教得好: "teach" (请家教得好几千块: 家教, and 得 dei3)
    if char == "教" and target.word == "教会" and index == target.word_start \
            and (sentence[index + 2:index + 3] == "了" or sentence[index + 2:index + 3] in _PRONOUNS):
        return "jiao1"  # 教会了我游泳 "taught" (去教会 "church" jiao4)
    surname = surname_reading(sentence, target)
    if surname is not None:
        return surname
    if char == "没" and target.word == "没过" and index == target.word_start and (
            _ends_clause(sentence, index + 2) or before.endswith(("都", "还", "也", "从", "从来", "一直", "并"))) \
            and not re.search("积水|洪水|河水|雨水|潮水|海水|湖水|雪|泥浆|淤泥|泥水", _clause_before(sentence, index)):
        return "mei2"  # 考了三次都没过, 我还没过去: "not" (积水没过膝盖 mò: "submerge")
    if char == "没" and (target.word == "没" or (index == target.word_start and target.word_reading is None)):
        return "mei2"  # 没赶上, 没能, jieba's 没来 (沉没, 没收 are dictionary words of their own)
    if char == "累" and _loose(target) and (
            after in _TIRED_AFTER or after in _BREAKS or not after
            or before.endswith(DEGREE_ADVERBS) or before.endswith("又")):
        return "lei4"  # 累得要命, 他累了, 又累又饿: "tired"
    if char == "切" and target.word == "切" and before[-1:] not in "一切" and after not in "切莫勿记忌":
        return "qie1"  # 这样切的时候, 别用刀切: "cut" (一切, 切实, 亲切 are words)
    if char == "哗" and target.word in ("哗", "哗哗", "哗哗哗") and not before.endswith("喧"):
        return "hua1"  # “哗”地一下, 雨哗哗地下: the sound (喧哗, 哗然 huá are words)
    if char == "地" and target.word == "地" and before[-1:] in "”』」" and is_han(before[-2:-1] or " ") \
            and sentence[index + 1:index + 2] in ("一", "响", "叫", "笑", "哭", "喊", "跳", "冲", "飞", "打", "摔", "关"):
        return "de5"  # “哗”地一下, “砰”地关上门: an adverb's marker after a sound
    if char == "干" and target.word in ("干不了", "干得了", "干不透") and index == target.word_start \
            and _wet_subject(sentence, index):
        return "gan1"  # 衣服一天都干不了: "dry"
    if char == "干" and (target.word == "干" or _loose(target)) and re.search("活|工作|事", _clause_before(sentence, index)) \
            and not _WET_ANYWHERE.search(_clause_before(sentence, index)) and before.endswith(("没", "未", "还没", "不")):
        return "gan4"  # 这活儿还没干: "do"
    if char == "干" and (target.word == "干" or _loose(target)) and _wet_subject(sentence, index) \
            and (before.endswith(("没", "未", "还没", "不")) or sentence.startswith(("不了", "得了", "透", "了没", "不透"), index + 1)) \
            and (_ends_clause(sentence, index + 1) or sentence.startswith(("不了", "得了", "透", "不透", "就", "呢", "吗"), index + 1)):
        return "gan1"  # 地面油漆还没干, 衣服一天都干不了: "dry" (活儿还没干: 干 gàn has no wet thing)
    if char == "盛" and target.word in ("盛放", "盛装") and index == target.word_start \
            and re.search("[用拿以][^，。！？；]{0,4}(?:桶|盆|碗|罐|瓶|箱|袋|盒|容器|器皿|缸|坛|篮|筐|杯)|(?:桶|罐|瓶|箱|盒|容器|器皿|缸)"
                          "[^，。！？；]{0,3}(?:可以|能|不能|用来|用于|适合)|(?:碗|袋|盘|杯|(?<![这那一每])盆(?![栽景]))[^，。！？；]{0,2}(?:能|不能|可以)",
                          _clause_before(sentence, index)) \
            and not re.search("鲜花|花朵|花儿|(?<![用瓶])花(?![瓶生椒茶盆])|樱花|桃花|玫瑰(?!花茶)|牡丹|杜鹃|百合|月季|一身", _clause_before(sentence, index)):
        return "cheng2"  # 用铁桶盛放废机油, 这些容器可以盛放液体: "hold" (鲜花盛放, 一身盛装 shèng)
    if char == "少" and (target.word == "少" or (_loose(target) and index == target.word_start + 1)) \
            and before.endswith(("请", "要", "应", "尽量", "可以", "应该")) \
            and is_han(after or " ") and after not in _BREAKS:
        return "shao3"  # 请少聚集: "less" before a verb
    if char == "大" and target.word.endswith("大夫") and index == target.word_start + len(target.word) - 2 \
            and (not sentence[:index].endswith(_OFFICE_BEFORE) or sentence[:index].endswith(("乡下", "晚上", "早上", "马上", "手下"))) \
            and not re.search("[楚齐秦晋燕赵魏韩鲁宋郑卫吴越周陈蔡]国|春秋|战国|朝廷|古代|官至|官拜|为官|诸侯|天子|追赠|受封|册封|封为|追封|勾践|曾任",
                              _clause_before(sentence, index)):
        return "dai4"  # 社区卫生服务站的大夫: a doctor (光禄大夫 dà)
    if char == "长" and target.word == "长" and before[-1:] in _LENGTH_MEASURES and after != "了":
        return "chang2"  # 足有十丈长, 两米长的绳子: a length
    if char == "划" and (target.word in ("划", "划着") or _loose(target)) and after not in "到为给归拨入分定" \
            and re.match("[着了]?[^，。！？；]{0,5}(?:船|舟|桨|艇)", sentence[index + 1:]):
        return "hua2"  # 划着猪槽船: "row"
    if char == "得" and (target.word == "得" or _loose(target)) and before[-1:] not in _ONE_CHARACTER_VERBS \
            and before[-1:] not in _AFFECT_VERBS and not before.endswith(("表现", "显", "变")) \
            and re.match("(?:格外|多加|更加|特别)(?:小心|注意)", sentence[index + 1:]):
        return "dei3"  # 下山时得格外小心: "must" (走得格外小心: the complement)
    if char == "得" and len(target.word) == 3 and target.word[1] == "得" and index == target.word_start + 1 \
            and target.word_reading is None and target.word[0] in _ONE_CHARACTER_VERBS and target.word[2] in "好快慢多少早晚对错":
        return "de5"  # jieba's 做得好, 跑得快: the complement marker
    if char == "了" and len(target.word) >= 3 and target.word.endswith("不了") and index == target.word_start + len(target.word) - 1 \
            and target.word != "不了了之":
        return "liao3"  # jieba's 控制不了, 解决不了: the potential complement
    if char == "呗" and not before.endswith("梵") and _ends_clause(sentence, index + 1):
        return "bei5"  # 谁有空谁做呗: the particle (梵呗 bài)
    if char == "圈" and after == "在" and (re.search(
            "把[^，。！？；]{0,4}(?:鸡|鸭|鹅|羊|牛|猪|狗|驴|骡|马|兔|骆驼|鹌鹑|鸽|鸟|牲口)(?![上奶肉])[^，。！？；]{0,2}$",
            _clause_before(sentence, index)) or (_clause_before(sentence, index).endswith("把它") and re.search(
                "鸡|鸭|鹅|羊|猪|狗|驴|骡|兔|猫|鸟|牲口", sentence[:index]))):
        return "juan1"  # 把鸡圈在院子里: "pen in"
    if char == "还" and target.word == "还给" and index == target.word_start \
            and not re.search("把[^，。！？；]{1,4}$", _clause_before(sentence, index)) \
            and re.match("[^，。！？；]{1,5}?(?:放过|干过|做过|打过|当过|扛过|洗过)", sentence[index + 2:]):
        return "hai2"  # 你爸小时候还给地主家放过牛: "also … for"
    if char == "调" and (target.word == "调" or _loose(target)) and after not in "走去往任动离回入职" \
            and re.search("饵|汁|酱|调料|口味|味道|配方|颜色", _clause_before(sentence, index)) \
            and not (after == "到" and not re.search("(?:汁|酱|料|颜色|色|味|味道|口味)[^，。！？；]{0,2}$",
                                                      _clause_before(sentence, index))):
        return "tiao2"  # 饵料我调了两种: "mix"
    if char == "得" and before.endswith("时") and target.word_reading is None and target.word in ("得", "时得", "时得系") \
            and after in _AT_TIME_MUST and not (after == "小" and not sentence.startswith("小心", index + 1)) \
            and not sentence.startswith(("多少", "来的", "来得"), index + 1) \
            and not re.match("好(?:多|几)[^，。！？；]{0,2}(?:奖|次|分(?!钟))", sentence[index + 1:]) \
            and not before.endswith(("守时", "过时", "准时", "及时", "按时", "适时", "顿时", "一时")):
        return "dei3"  # 到时得早点出门, 进门时得换鞋, jieba's 时得|换鞋 and 时得系|好: "must" (时得小红花, 时得多少分: "got")
    if char == "得" and target.word == "得" and before.endswith("估计") and after == "有" \
            and not sentence.startswith(("有点", "有些", "有一点"), index + 1):
        return "dei3"  # 我估计得有五六斤: "must be, probably"
    if char == "还" and target.word == "还" and after == "到" and _ba_in_clause(sentence, index) \
            and re.search("(?:书|绘本|钱|东西|工具|伞|车|钥匙|图书|材料|桌椅|充电宝|贷|贷款|债|借款)$", before):
        return "huan2"  # 把上次发的绘本还到班里: "return"
    if char == "得" and (target.word == "得" or _loose(target)) and re.match("(.)一(.)", sentence[index + 1:index + 4]) \
            and sentence[index + 1] == sentence[index + 3] and before.endswith(_SUBJECTS + ("路", "法", "划", "案")):
        return "dei3"  # 出装思路得变一变: "must" before V一V
    if char == "背" and (target.word in ("背", "背起") or _loose(target)) and after == "起" \
            and re.match("起[^，。！？；]{0,8}(?:病人|老人|伤员|伤者|孩子|母亲|父亲|娃|背包|书包|行囊|行李|受伤的)", sentence[index + 1:]) \
            and not re.match("起[^，。！？；]{0,6}来", sentence[index + 1:]):
        return "bei1"  # 护工不宜独自背起体重较大的病人: "carry" (背起课文来: bèi)
    if char == "看" and (target.word == "看" or _loose(target)) \
            and re.match("(?:果园|园子|仓库|库房|大门|菜园|瓜地|场子|羊(?!驼|肉|毛)|鸭子|鹅|摊子)(?:[了呢啊]?$|[了呢啊]?[，。！？；]|看了)",
                         sentence[index + 1:]) \
            and re.search("雇|让|派|负责|专门|帮|给人|在(?:山|坡|村|地里)", _clause_before(sentence, index)) \
            and not re.search("去|到|带|参观|来", _clause_before(sentence, index)) \
            and not (re.match("..?看了", sentence[index + 1:]) and not re.search("在(?:山|坡|村|厂)|给人|帮人|替人|雇|负责",
                                                                            _clause_before(sentence, index))):
        return "kan1"  # 他家雇了个老头看果园: "guard" (我们去看果园的樱桃开花: kàn)
    if char == "担" and before[-1:] in _CHINESE_COUNTS and (
            target.word == "担" or (target.word[-1] == "担" and all(c in _CHINESE_COUNTS for c in target.word[:-1]))):
        return "dan4"  # 挑三担水: the measure of a carrying pole's load
    if char == "当" and (target.word == "当" or _loose(target)) and re.match("(?:我|你|他|她|我们|你们|他们)是", sentence[index + 1:]) \
            and index > 0 and sentence[index - 1] not in _BREAKS and not sentence[index - 1] in "“‘「而但每且" \
            and not before.endswith(_WHEN_OPENERS) \
            and not re.search("(?<![临及准按同暂随小计定守当有平那过超实])时(?![间代装髦尚刻常速薪效差工器])|那年|那天|期间|以后|之后"
                              "|(?<![落最然之以])后(?![妈爸爹勤面台边头来果悔代盾宫院路援卫])|那几年|那段时间|那会儿|那阵子",
                              _clause_after(sentence, index)):
        return "dang4"  # 你当我是傻子吗: "take for" (当你是个孩子时: "when")
    if char == "当" and target.word == "当" and _ba_in_clause(sentence, index) and after not in _BREAKS \
            and before[-1:] not in "来去要想能会该可做再就也还都":
        return "dang4"  # 你别把我当外人: "treat as"
    if char == "当" and (target.word == "当" or (_loose(target) and index == target.word_start)) \
            and "把" in _clause_before(sentence, index) and after not in _BREAKS \
            and re.match("[^，。！？；]{1,8}?(?:一样|似的|看待|对待|来用|来养|卖了|卖掉|扔了|处理了)", sentence[index + 1:]):
        return "dang4"  # 婆婆把儿媳当亲闺女一样疼, 把旧零件当废品卖了: "treat as"
    if char == "行" and target.word in ("这行", "那行", "哪行", "行") and re.search("[干入做](?:[^，。！？；]{0,4})$", before) \
            and (target.word != "行" or before[-1:] in "这那哪") and not sentence.startswith(("不", "吗", "啊", "旅客", "游客"), index + 1):
        return "hang2"  # 他干木匠这行有二十年了: a trade (这行不通, 这行吗: xíng)
    if char == "饮" and (target.word == "饮" or _loose(target)) and _ba_in_clause(sentence, index) \
            and re.search("牲口|马|牛|羊|骡|驴", _clause_before(sentence, index)):
        return "yin4"  # 你去把牲口饮了: "water (animals)"
    if char == "还" and target.word == "还" and before.endswith(("要", "得", "该", "会", "没", "迟早", "早晚", "去", "想")) \
            and (_ends_clause(sentence, index + 1) or sentence.startswith(("的", "的。", "的，"), index + 1)
                 and _ends_clause(sentence, index + 2)):
        return "huan2"  # 这个人情我迟早要还的: "pay back"
    if char == "背" and target.word in ("背", "背着") and index == target.word_start \
            and re.match("着?(?:(?:孩子|弟弟|妹妹|娃|小孩|儿子|女儿)[^，。！？；]{0,4}(?:去|走|跑|上|下|回|过|爬)|"
                         "(?:我|你|他|她|老人|伤员|(?:年迈|受伤|生病|昏迷)的[^，。！？；]{1,3})(?!们)[^，。！？；]{0,6}"
                         "(?:一步一步|逃|下山|上山|爬|过河|回家|去医院|上楼|下楼|走了很远|走了多远|走了好远|跑到医院|跑进医院|送到医院|赶到医院))",
                         sentence[index + 1:]) \
            and not re.search("偷偷|悄悄|私下|瞒|没告诉|没跟我说|背地里|不知道(?!自己)", sentence[index + 1:]) \
            and not re.search("瞒|背地里|偷偷", sentence[:index]):
        return "bei1"  # 他背着我一步一步走下山: "carry" (背着我偷偷跟他见面: "behind my back")
    if char == "只" and before[-1:] in _COUNT_BEFORE and after not in _ONLY_AFTER and not before.endswith("千万"):
        return "zhi1"  # 这只小狗, 一只猫: the measure word (but 这只是 zhi3)
    if char == "为" and (target.word == "为" or (_loose(target) and index == target.word_start + 1)) \
            and "着想" in sentence[index + 1:index + 10].split("，")[0]:
        return "wei4"  # 设身处地|地为|顾客着想: "for"
    if char == "好" and target.word == "好学":
        easy = _LEARNED_SUBJECT.search(_clause_before(sentence, index)) or sentence.startswith(("吗", "么"), index + 2)
        return "hao3" if easy else "hao4"  # 这门课很好学, 开车好学吗 / 这个孩子很好学
    if char == "为" and len(target.word) == 2 and target.word[0] in "正别在又还也" and index == target.word_start + 1 \
            and target.word_reading is None and _for_verb(sentence, index, _clause_after(sentence, index)[:15]):
        return "wei4"  # jieba's 正为|房租发愁, 别为|我着急: "for"
    if char == "为" and target.word == "多为" and sentence[:target.word_start].endswith(_URGING):
        tail = _clause_after(sentence, index)[:15]
        verb = _for_verb(sentence, index, tail)
        if verb is not None and tail[tail.find(verb) + len(verb):][:1] != "的":
            return "wei4"  # 请大家多为新同事提供帮助: "for" (参与者多为学生, 患者也多为需要做手术的老人: "are")
    if char == "为" and target.word == "为":
        tail = sentence[index + 1:index + 16]
        cut = min((tail.find(b) for b in _BREAKS if b in tail), default=len(tail))
        # 以此为满足, 以创新为推动力: 以 … 为 "take as" before a short object
        if "为" in tail[:cut]:
            cut = tail.index("为")  # a verb after the next 为 is that one's (为人父母后才懂得为孩子着急)
        taken_as = _taken_as(sentence, index, tail, cut)
        for_verb = _for_verb(sentence, index, tail[:cut])
        stated = target.previous_word.endswith(_STATED_AS) or target.previous_word in _NAMED_AS \
            or (sentence[:index].endswith(("多", "大多", "均", "皆", "大都", "多数"))
                and not sentence[:index].endswith(("要多", "请多", "应多", "该多", "能多", "可以多", "得多", "许多", "很多",
                                                    "诸多", "众多", "好多", "更多", "太多")))
        # 患者也多为需要做手术的老人: "are" (做事要多为别人考虑: "for")
        stated = stated and (tail.startswith(("向", "以", "通过", "把", "让")) or not any(
            v in tail[:cut] and not tail.startswith(v) for v in _FOR_EVEN_STATED))  # 措施为促进消费提供保障: "for"
        # (目标为向社会提供优质服务: "is")
        if target.previous_word in _NAMED_AS and for_verb is not None and "的" not in tail[tail.find(for_verb):cut]:
            stated = False  # 公司确定为员工提供免费午餐: "decided to … for" (确定为推进试点的城市: "as")
        if (not stated and not taken_as and tail.startswith(_PURPOSE_VERBS)) or (
                not taken_as and not stated and for_verb is not None) or (
                tail.startswith(_BENEFICIARIES) and "所" not in tail[:cut] and "本人" not in tail[:cut]
                and "被" not in _clause_before(sentence, index)
                and not target.previous_word.endswith(_NAMING_VERB_ENDS)
                and not any(v in _clause_before(sentence, index) for v in _NAMING_VERBS)
                and not any(w in tail[:cut] for w in _KNOWN_BY)):
            return "wei4"  # 为人民服务, 为灾区送去粮食, 为旅客测量体温: "for" (为他们所用 is wei2)
        if re.match(r"[^，。！？；]{1,8}(?:作曲|谱曲|作词|主持|证婚|干杯|干一杯|举杯|鼓掌|祈福|送行|接风)(?:[，。！？；了]|$)", tail) \
                and not re.search("指定|任命|选(?!了个)|推举|聘", _clause_before(sentence, index)):
            return "wei4"  # 她为这部电影作曲: "for" (其父为作曲家: "is")
    if char == "得" and ((before.endswith(_SUBJECTS) and ((after in _MUST_VERBS and not (after == "小" and not sentence.startswith("小心", index + 1)))
                                                         or sentence.startswith(("快点", "快些", "快一点"), index + 1))
                         and not sentence.startswith(("再多的", "再多也", "来的", "来得", "来全"), index + 1))
                        or ((target.word == "得" or (target.word_reading is None and index == target.word_start))
                            and sentence.startswith(_MUST_MORE, index + 1)
                            and target.previous_word[-1:] not in _QUALITY_VERBS)):
        return "dei3"  # 我得去, 明天得走, 你得多练练, 这锅汤得多炖一会儿: "must"
    if char == "得" and (target.word == "得" or (_loose(target) and index == target.word_start + 1)) \
            and sentence.startswith(("多少钱", "多久", "多长时间"), index + 1):
        return "dei3"  # jieba's 这得|多少钱: "cost, take"
    if char == "得" and target.word == "得" and before.endswith(_SUBJECTS) \
            and re.match("[零一二两三四五六七八九十百千万几0-9]+多?(?:块|元|万|千|百)", sentence[index + 1:]):
        return "dei3"  # 一年伙食费就得八千多块: "cost, take"
    if char == "得" and target.word == "得" and before.endswith(_SUBJECTS) and _CLOCK_DEADLINE.match(sentence, index + 1):
        return "dei3"  # 我们得四点就出发: "must" by a time (他得了四分: "got")
    if char == "得" and ((target.word == "得" and len(target.previous_word) >= 2 and is_han(target.previous_word[-1])
                         and not target.previous_word.endswith(_STATE_WORD_ENDS))
                        or (_loose(target) and index == target.word_start + 1 and target.word[0] in _NOUN_GLUED_TO_MUST)) \
            and sentence.startswith(_MUST_AFTER_TOPIC, index + 1) and not _after_feeling(target, before):
        return "dei3"  # 这个型号得等下周: "must" after a topic (做完|得 … would be a verb's complement)
    if char == "得" and _after_its_verb(target) \
            and not before.endswith(_SUBJECTS) \
            and is_han(before[-1:] or " ") and after in _DEGREE_AFTER:
        return "de5"  # 累得要命, 跑得很快: the complement marker
    if char == "得" and len(target.word) == 3 and index == target.word_start + 1 \
            and (target.word[2] in _POTENTIAL_COMPLEMENTS or (target.word[2] == "了" and target.word[0] != "不")):
        return "de5"  # 上得起, 看得见, 来得及, 干得了: the potential complement (不得了 is dé)
    if char == "得" and target.word_reading is None and len(target.word) == 2 and index == target.word_start \
            and after in "惯出够完动起" and before[-1:] in _VERBS_OF_GLUED_POTENTIAL:
        return "de5"  # jieba's 吃|得惯, 搬|得出: a potential complement glued to 得
    if char == "得" and _after_its_verb(target) and is_han(before[-1:] or " ") and not before.endswith(_SUBJECTS) \
            and before[-1:] not in "不没也还就都又总只" and (
                sentence.startswith(_DEGREE_COMPLEMENTS, index + 1)
                or (before[-1:] in _DISTANCE_VERBS and after in "远近"
                    and sentence[index + 2:index + 3] in ("", "，", "。", "！", "？", "；", "了", "点", "些", "的", "呢"))
                or (after in _POTENTIAL_COMPLEMENTS and before[-1:] in _VERBS_OF_POTENTIAL
                    and sentence[index + 1:index + 3] not in ("到了", "起来") and (
                        sentence[index + 2:index + 3] in ("", "，", "。", "！", "？", "；", "吗", "楚") or after in "惯住出够"))):
        return "de5"  # 薄得吓人, 大家离得远, 睫毛都数得清: the complement marker
    if char == "得" and target.word == "得" and sentence.startswith(_MUST_ADVERBS, index + 1) \
            and not _after_feeling(target, before) and target.previous_word not in _QUALITY_VERBS:
        return "dei3"  # 这病得赶紧治, 计划得重新做: "must"
    if char == "得" and target.word == "得" and target.previous_word.endswith(("疼", "痛", "痒")) \
            and sentence.startswith(("去医院", "去看", "去买", "看医生", "吃药", "上医院"), index + 1):
        return "dei3"  # 牙疼得去医院看看: "must" (牙疼得睡不着 is the complement marker)
    if char == "得" and _after_its_verb(target) \
            and _after_feeling(target, before):
        return "de5"  # 吓得孩子直往怀里钻, 冻得浑身颤栗: the complement marker after a verb of feeling
    if char == "得" and _after_its_verb(target) \
            and is_han(before[-1:] or " ") and not before.endswith(_SUBJECTS) \
            and (sentence.startswith(_COMPLEMENT_STARTS, index + 1)
                 or (after and sentence[index + 2:index + 3] == after and is_han(after)
                     and (sentence[index + 3:index + 4] == sentence[index + 4:index + 5] != ""
                          or sentence[index + 3:index + 4] in ("的", "地")))):
        return "de5"  # 闹得这么大, 堵得厉害, 穿得破破烂烂, 过得好好的 (这事得慢慢来 is "must")
    if char == "得" and target.word == "得到" and index == target.word_start and sentence[index + 2:index + 3] == "处":
        return "de5"  # 扔得|到处都是: jieba's 得到|处
    if char == "得" and target.word == "得到" and index == target.word_start \
            and target.previous_word in _CAN_GET_VERBS:
        return "de5"  # 做|得到, 买|得到: "can do", "can buy" (not 得到 "obtain")
    if char == "系" and (
            (after in _TIE_AFTER and (index == 0 or sentence[index - 1] in _TIE_BEFORE)
             and not sentence.startswith(("好几", "好多"), index + 1))
            or (sentence.startswith(_TIED_THINGS, index + 1) and sentence[index - 1:index] not in _SYSTEM_BEFORE)):
        return "ji4"  # 请系好安全带, 弯腰系鞋带: "tie"
    if char == "系" and target.word == "系" and _ends_clause(sentence, index + 1) \
            and any(thing in _clause_before(sentence, index) for thing in _TIED_THINGS):
        return "ji4"  # 连鞋带都不会系: "tie", what is tied said first
    if char == "系" and after in _TIE_AFTER and sentence[:index].endswith(_TIED_THINGS):
        return "ji4"  # 把围巾系好: "tie", right after what is tied
    if char == "落" and target.index == target.word_start and target.word in ("落", "落下", "落了") \
            and re.match("下?了?一(?:个|只|件|把|样|本|部|台|张|份|双|副|顶|条|支|串|道)(?![^，。！？；]{0,4}(?:病|残疾|伤|毛病))", sentence[index + 1:]) \
            and (re.search("把|忘|现场|家里|车上|没(?:说|讲|带|拿|写)|漏|考试", sentence)
                 or (re.search("折回|回去拿|回来拿|回头拿", sentence[index:])
                     and not re.search("树|天上|空中|掉|从", _clause_before(sentence, index)))):
        return "la4"  # 在现场落下了一只手套, 落了一个赠品没说: "leave out, leave behind" (落了一地 luò)
    if char == "落" and (target.word in ("落", "落下") or (target.word.endswith("落") and target.word not in _FALLEN_WORDS)) \
            and (after in ("在", "下") or sentence.startswith(_LEFT_AT, index + 1)) and _ba_in_clause(sentence, index) \
            and not re.search("灰|雨|汗|泪|户口|责任|目光|视线|眼光", _clause_before(sentence, index)):
        return "la4"  # 把钥匙落在家里, 把手机落下了, jieba's 把粉|扑落|在: "leave behind"
    if char == "落" and target.index == target.word_start and target.word in ("落", "落下", "落了") and (
            (re.match("下?了?(?:一大截|一截|好远|老远|一大段|不少课|好几节课|很多课)", sentence[index + 1:])
             and re.search("被|进度|功课|课程|学习|成绩|同学|跑|追|骑|游|爬", _clause_before(sentence, index)))
            or (before.endswith(("别", "可别", "千万别"))
                and re.match("下(?:东西|什么|了?[，。！？；啊]|了?$)", sentence[index + 1:]))):
        return "la4"  # 进度被同学落下了一大截, 别落下东西: "fall behind, leave behind"
    if char == "都" and before.endswith("之") and not before.endswith(_THEREFORE) and is_han(before[-2:-1] or " ") \
            and (not after or after in _BREAKS or after in "的吗呢啊吧"):
        return "du1"  # 维也纳被称为音乐之都: "capital" (总之都怪我: the adverb)
    if char == "中" and target.word == "正中" and index == target.word_start + 1 \
            and "下怀" in _clause_after(sentence, index)[:10]:
        return "zhong4"  # 正中双方老人的下怀: "hit" (正中间 zhōng)
    if char == "差" and ((target.word == "差" and before.endswith(("只", "就", "还", "仅", "才", "只是", "还是")))
                        or (target.word in ("只差", "就差", "还差", "仅差", "才差") and index == target.word_start + 1)) \
            and re.match("[零一二两三四五六七八九十几半0-9]+(?:个|分|秒|步|米|厘米|公分|天|年|岁|块|元|分钟|小时|名|票|环)", sentence[index + 1:]):
        return "cha4"  # 只差两秒就能打破纪录: "short by"
    if char == "当" and target.word == "家当" and index == target.word_start + 1 and after in ("了", "过", "上", "起") \
            and re.search("在[^，。！？；]{0,6}$", before) and sentence[index + 2:index + 3] not in ("", "，", "。", "！"):
        return "dang1"  # jieba's 在雇主家当|了三年保姆: "work as" (家当 "belongings" takes no 了)
    if char == "教" and index == target.word_start + len(target.word) - 1 and target.word not in ("宗教", "佛教", "道教", "请教", "领教", "求教", "指教", "讨教", "就教", "赐教") \
            and re.match("[^，。！？；]{1,8}?(?:怎么|如何|怎样)", sentence[index + 1:]):
        return "jiao1"  # 月嫂教新手妈妈怎么抱孩子: "teach" someone how
    if char == "调" and target.word == "调" and _ends_clause(sentence, index + 1) and before.endswith("重新") \
            and re.search("漂|音|琴|弦|温|参数|色|座椅|闹钟|焦|亮度|音量|时间|表", _clause_before(sentence, index)):
        return "tiao2"  # 浮漂得重新调: "adjust" ending the clause (重新调岗 diào is a word of its own)
    if char == "划" and (target.word == "划" or _loose(target)) and after and after in "到过向回走着" \
            and re.search("(?:船|桨|舟|筏|皮划艇)[^，。！？；]{0,3}$", before) \
            and not re.search("费|钱|款|账|卡|名下|区域|范围|以外|归", _clause_before(sentence, index) + _clause_after(sentence, index)):
        return "hua2"  # 租了条小船划到对岸: "row"
    if char == "和" and target.word == "和" and after in ("好", "匀") and not sentence.startswith("好如初", index + 1) \
            and sentence[index + 2:index + 3] not in ("几", "多", "些", "大", "长", "久") \
            and (target.previous_word in ("饵料", "饵", "面", "面团", "面粉", "白面", "玉米面", "荞麦面", "泥", "黄泥", "水泥", "灰浆",
                                          "砂浆", "馅", "馅儿", "饺子馅", "粉")
                 or (target.previous_word == "水" and re.search("面粉|面团|玉米面|白面|泥", _clause_before(sentence, index)))):
        return "huo2"  # 饵料和好以后, 把面和匀: "mix, knead" (和好如初: hé)
    if char == "结" and target.word == "结果" and index == target.word_start \
            and sentence[index + 2:index + 3] in ("了", "", "，", "。", "！", "啦") \
            and re.search("(?:树|藤|秧苗|瓜秧|庄稼|植株)(?:终于|今年|已经|开始|都|也|又|才|总算|不|没)?$", before):
        return "jie1"  # 石榴树结果了: "bear fruit" (jié guǒ is "result")
    if char == "背" and target.word in ("背", "背着") and sentence.startswith("背着", index) \
            and re.match("着(?:很|太|挺|好|真|怪|可)?(?:累|沉|吃力|费劲|重)", sentence[index + 1:]) \
            and not re.search("课文|单词|公式|台词|诗|文章|稿子|知识|古文|题", sentence[:index]):
        return "bei1"  # 书包太沉，背着很累: carried (背着手 bèi)
    if char == "少" and target.word == "少" and re.match("了[一两几三四五六七八九十半0-9]", sentence[index + 1:]):
        return "shao3"  # 练习册少了一页, 少了五块钱: "lack"
    if char == "吐" and target.word == "吐" and (_ends_clause(sentence, index + 1) or (after == "了" and _ends_clause(sentence, index + 2))) \
            and not _ba_in_clause(sentence, index) \
            and re.search("晕车|晕船|晕机|恶心|喝多|醉|反胃|孕吐|肠胃|发烧|吃坏", _clause_before(sentence, index) + sentence[:index][-12:]):
        return "tu4"  # 孩子晕车，一上车就吐: "vomit" (吐痰, 吐口水: tǔ)
    if char == "倒" and target.word == "倒" and after in ("挺", "很", "蛮", "真"):
        return "dao4"  # 学习倒挺认真: "rather, on the other hand"
    if char == "为" and target.word == "为" and re.match("[^，。！？；]{1,8}?的(?:事|小事)(?:情)?(?:(?:跟|和|与|同)[^，。！？；]{0,4})?(?:吵|闹|争|打|翻脸|红脸|较劲|闹翻)", sentence[index + 1:]):
        return "wei4"  # 室友为水电费的事跟我吵了一架: "over, because of"
    if char == "的" and target.word == "美的" and (index == 1 or sentence[index - 2] in "台款个买选用牌的是家了和装荐卖与跟及或，。！？；、：“") \
            and re.match("(?:冰箱|空调|电饭煲|洗衣机|热水器|微波炉|集团|电器|品牌|净水器|烤箱)", sentence[index + 1:]):
        return "di4"  # 买了一台美的冰箱: the brand Midea (一台很美的冰箱: de)
    if char == "横" and target.word == "横" and before.endswith(("这么", "那么", "特别", "很", "真", "挺")) \
            and not re.search("得(?:这么|那么|特别|很|真|挺)$", before) \
            and (_ends_clause(sentence, index + 1) or after in "啊呢吧"):
        return "heng4"  # 他说话怎么这么横: "rude" (这么横着放: héng)
    if char == "炸" and (target.word in ("炸", "炸好") or target.word_reading is None) and sentence.startswith("炸好", index) \
            and re.search("薯条|鸡翅|油条|丸子|春卷|排骨|鸡腿|麻花|油饼|臭豆腐|带鱼|小鱼|虾|鸡块|馓子|乳扇", _clause_before(sentence, index)):
        return "zha2"  # 薯条刚炸好: "deep-fry" (工兵炸好通道: zhà)
    if char == "着" and target.word in ("打着", "着") and before.endswith(("没打", "没打")) and sentence[index - 1] == "打" \
            and (_ends_clause(sentence, index + 1) or sentence.startswith(("猎物", "火"), index + 1)):
        return "zhao2"  # 他开了一枪，没打着: "hit" (没打着伞: zhe)
    if char == "还" and target.word in ("还给", "还") and sentence.startswith("还给", index) and not _ba_in_clause(sentence, index) \
            and re.match("给(?:你们|我们|他们|你|我|他|她|您|孩子|女儿|儿子)(?:织|做|买|烧|煮|炒|准备|包|缝|讲|唱|泡|熬|炖|带|写|打|拿)(?!来|去|回|过|到)",
                         sentence[index + 1:]):
        return "hai2"  # 你妈还给你织了一条围巾: "also … for you" (还给你钱: huán)
    if char == "还" and target.word == "还" and re.match("[零一二两三四五六七八九十百千万几0-9]+(?:点[零一二三四五六七八九]+)?[万千百]?(?:元|块)", sentence[index + 1:]) \
            and before.endswith(("大概", "大约", "要", "得", "需要", "需", "能", "每月", "每个月", "一个月", "月供", "分期", "先", "再", "呗", "少")) \
            and re.search("每月|每个月|月供|贷款|房贷|车贷|欠|借|分期|信用卡|花呗", sentence) \
            and not re.search("还完|还清|剩|打完|折后", _clause_before(sentence, index)):
        return "huan2"  # 房贷每个月大概还一万零五百零一元: "repay"
    if char == "长" and (target.word in _LENGTH_WORDS or (
                (target.word == "长" or (_loose(target) and index == target.word_start + 1))
                and before[-1:] not in "能会又再可要就已都还才刚每概约月天周年期岁增生成班队院校组部"))\
            and re.match("[零一二两三四五六七八九十百千万几0-9]+(?:点[零一二三四五六七八九]+)?(?:厘米|毫米|公分|米|公里|千米|英寸|尺|寸|丈)",
                         sentence[index + 1:]) \
            and not re.search("长了|长高|长到|个子|身高", sentence[max(0, index - 2):index + 3]) \
            and not re.match("一米[五六七八九]", sentence[index + 1:]):
        return "chang2"  # 它长55.7厘米, 口长112厘米: a length (长了5厘米: zhǎng)
    if char == "塞" and target.word == "要塞" and index == target.word_start + 1 \
            and re.match("(?:[一两几半][团块张把根条](?!废|瓦)|进(?!行|攻|驻|犯|可)|满(?!目|足)|紧(?!邻|靠|挨)|住(?!着|了|在))",
                         sentence[index + 1:]):
        return "sai1"  # jieba's 试管口要塞|一团棉花: "must stuff" (要塞 "fortress" is sài)
    if char == "都" and len(target.word) == 2 and index == target.word_start + 1 \
            and target.word[0] not in _CAPITAL_BEFORE and target.word not in _CITIES_IN_DU \
            and after in _AFTER_ALL and not re.match("[市城会区]", sentence[index + 1:index + 2]):
        return "dou1"  # jieba's 把一周的药都|分好, 钱都|花了: the adverb after a noun it glued on
    if char == "都" and target.word == "都" and sentence[index - 1:index] not in _CAPITAL_BEFORE:
        return "dou1"  # 每天都要, 大家都来: the adverb "all" (首都, 成都 are words of their own)
    if char == "了" and before.endswith("不") and is_han(before[-2:-1] or " ") \
            and (not after or after in _BREAKS or after == "了" or after in _PRONOUNS):
        return "liao3"  # 做不了, 受不了了, 便宜不了他: the potential complement "manage to"
    if char == "种" and _loose(target) and sentence[index - 1:index] not in _KIND_BEFORE \
            and is_han(after or " ") and after != "种" and after not in _BREAKS:
        return "zhong4"  # 在地里种玉米, 种了很多树: "plant" (这种, 一种, 各种: "kind" zhong3)
    if char == "挑" and ((target.word == "挑" and after in _CHOSE_AFTER) or (
            (target.word == "挑" or (_loose(target) and index == target.word_start))
            and (_carries(sentence, index, _SHOULDERED)
                 or (after == "着" and any(t in _clause_after(sentence, index)[:10] for t in _SHOULDER_LOADS))))):
        return "tiao1"  # 挑了几个西瓜, 挑着担子: "pick", "shoulder" (挑战, 挑起 "provoke": tiao3)
    if char == "哪" and target.word in ("哪", "天哪", "您哪") and _ends_clause(sentence, index + 1) \
            and before[-1:] in _N_FINAL_BEFORE_NA:
        return "na5"  # 我的天哪, 谢谢您哪: the particle 啊 after -n (你在哪？ is "where")
    if char == "场" and ((target.word in ("本场", "全场") and index == target.word_start + 1) or (
            before[-1:] in _SHOW_COUNTS and sentence.startswith(_SHOWS, index + 1))):
        return "chang3"  # 本场比赛, 全场观众, 这场比赛: the measure for games and shows
    if char == "场" and before[-1:] in _COUNT_BEFORE and (
            (sentence.startswith(_HAPPENINGS, index + 1) and not sentence.startswith(("大风车", "风车"), index + 1))
            or (sentence[index + 2:index + 3] in ("雨", "雪") and sentence[index + 3:index + 4] not in ("盛", "景", "山"))):
        return "chang2"  # 一场大雨, 一场透雨, 一场误会: the measure for things that run their course
    if char == "应" and (target.word == "应" or _loose(target)) and index == target.word_start and (index == 0 or sentence[index - 1] in _BREAKS) \
            and re.match("[^，。！？；的]{1,6}?的?(?:要求|邀请|之邀|所请|请求)", sentence[index + 1:]) \
            and not re.match("(?:该|当|是|有|尽|用|付|答|按|根据|严格|满足|符合|遵守|执行|尊重|响应|充分|积极|认真|考虑|配合)", sentence[index + 1:]):
        return "ying4"  # 应中国政府邀请, 应公司要求: "at the invitation / request of" opening a clause
    if char == "应" and (target.word == "应" or _loose(target)) and index == target.word_start \
            and re.match("(?:广大)?(?:粉丝|观众|网友|同学们|同学|群众|大家|客户|家长|读者|朋友们|朋友|对方|市民|村民|用户|买家|顾客|我们|你们|他们|租客|房客|业主|患者"
                         "|学生们|学生|他|她|其|主办方|组委会|[^，。！？；]{1,4}(?=之))们?(?:的|之)?(?:要求|邀请|邀|所请|请求|号召)",
                         sentence[index + 1:]) \
            and not re.match("(?:该|当|是|有|尽|对|用|付|答)", sentence[index + 1:]):
        return "ying4"  # 主播应粉丝要求加单, 应朋友之邀: "in answer to" (应该, 应当 are "should")
    if char == "应" and _loose(target) and is_han(after or " ") and (
            (index == target.word_start and (after in "尽得有" or (target.word == "应" and before[-1:] != "的")
                                             or (len(target.word) == 2 and after in _SHOULD_VERBS)))
            or (index == target.word_start + 1 and target.word[0] in _SHOULD_GLUED_AFTER)
            or (index == target.word_start and len(target.word) in (2, 3) and target.word[1] in _AFTER_SHOULD)):
        return "ying1"  # 均应在, 应尽的本分, 应得, jieba's 后应|注意: the modal "should" (应用, 反应 are words)
    if char == "背" and (target.word == "背" or (_loose(target) and index == target.word_start)) \
            and _carries(sentence, index, _CARRIED):
        return "bei1"  # 背着书包, 背了个大包: "carry on the back" (背着我 "behind my back": bei4)
    if char == "还" and target.word == "还" and (not after or after in _BREAKS or after in _RETURNED_AFTER):
        return "huan2"  # 借的钱要还。 还钱: "give back" (the adverb never ends a clause)
    if char == "还" and target.word == "还" and re.match(
            "(?:你们|我们|他们|她们|你|您|我|他|她|人家)(?:那|这)?(?:些|笔|个)?[零一二两三四五六七八九十百千万几半0-9]*"
            "(?:贯|两|块|元|万|千|百|文|笔|本)?(?:钱|银子|债|款|书|东西|贯|两银子|块钱|元|万块|文钱|本书|人情|一半|清白|公道"
            "|(?<=[零一二两三四五六七八九十百千万几0-9])(?:块|元|万|本|张)(?=[，。！？；吧啊呢]|$))", sentence[index + 1:]):
        return "huan2"  # 我来还你那五十贯钱, 明天还你钱: "pay back"
    if char == "还" and target.word == "还" and after in _PRONOUNS and _ends_clause(sentence, index + 2):
        return "huan2"  # 你啥时候还我啊？: "give back" to someone (the adverb needs a verb after it)
    if char == "还" and target.word == "还" and (
            re.match(r"(?:上|回去|回来)(?:了)?(?:[，。！？；]|$)", sentence[index + 1:])
            or re.match(r"了[^，。！？；]{0,6}的?价", sentence[index + 1:])):
        return "huan2"  # 秋后一定还上。 用完赶紧还回去。 买家又还了两万块的价: "give back", "bargain"
    if char == "还" and target.word == "还" and (
            re.match(r"[你我他她][^，。！？；]{0,4}命来", sentence[index + 1:])
            or re.match(r"[^，。！？；]{1,6}一个(?:清白|公道|说法)", sentence[index + 1:])):
        return "huan2"  # 还我师兄命来！ 还师父一个清白: "give back"
    if char == "着" and before[-1:] in ("不", "得") and is_han(before[-2:-1] or " ") \
            and (target.word == "着" or (len(target.word) == 3 and index == target.word_start + 2)) \
            and after not in _NOT_REACHED_AFTER:
        return "zhao2"  # 睡不着, 够得着, 用不着: the potential complement "reach"
    if char == "了" and len(target.word) == 3 and target.word[1] == "得" \
            and index == target.word_start + 2 and _ends_clause(sentence, index + 1):
        return "liao3"  # 干得了吗, 受得了, 不得了: the potential complement "manage"
    if char == "了" and target.word == "了" and before[-1:] == "得" and before[-2:-1] in _POTENTIAL_LIAO_VERBS \
            and target.previous_word in (before[-2:], "得") \
            and (sentence.startswith(("吗", "么"), index + 1) or (sentence.startswith(("这么", "那么", "这", "那"), index + 1)
                 and re.search("[吗吧]?[？?]", sentence[index + 1:]) is not None)):
        return "liao3"  # 弹得|了这么难的曲子吗？: the potential complement "manage" (吃得了这么多吗)
    if char == "了" and target.word == "不了" and index == target.word_start + 1 and before[-2:-1] \
            and is_han(before[-2]) and before[-2] not in _NOT_VERB_BEFORE_BULIAO:
        return "liao3"  # 唱|不了|高音, 去|不了: the potential complement "manage"
    if char == "得" and target.word == "得" and not before.endswith(_SUBJECTS) and (
            re.match("[\u4e00-\u9fff]不[好着了下完动见清懂起住]", sentence[index + 1:index + 4])
            or re.match("直[跺哭笑冒哆流喊叫摇点发打喘不]|发[亮紫黑白红青抖慌烫麻酸疼痒毛呆愣光颤]", sentence[index + 1:index + 3])):
        return "de5"  # 鼻塞得睡不好, 气得直跺脚, 蓝得发亮: a complement of degree (我得睡不好? is no sentence)
    if char == "得" and is_han(after or " ") and (
            (len(target.word) == 1 and target.previous_word in _QUALITY_VERBS)
            or (_loose(target) and len(target.word) == 2 and index == target.word_start + 1
                and target.word[0] in _QUALITY_VERBS)):
        return "de5"  # 跑得最快, 做得仔细, jieba's 染得|战袍: a manner after its verb (比赛中得最高分: "get")
    if char == "呛" and any(c in _clause_before(sentence, index) for c in _SWALLOWED):
        return "qiang1"  # 喝奶容易呛到: choking on what is swallowed (烟呛人 qiang4: a smell)
    if char == "差" and target.word == "差" and (after in _NUMERALS or "比" in _clause_before(sentence, index)):
        return "cha4"  # 还差一百块, 差五分钟: "short of"; 成绩比上次差了不少: "worse"
    if char == "蒙" and target.word == "蒙" and (before[-1:] in _DAZED_AFTER or before.endswith("一下子")) and after == "了" \
            and _ends_clause(sentence, index + 2):
        return "meng1"  # 把我妈给蒙了, 一下子吓蒙了: "fooled", "dazed"
    if char == "行" and before[-1:] in _COUNT_BEFORE and sentence.startswith(_WRITTEN_LINES, index + 1):
        return "hang2"  # 一行字, 两行诗, 一行大雁: the measure word for lines
    if char == "行" and target.word == "行" and before.endswith("在") \
            and (not after or after in _BREAKS or after in "了的"):
        return "hang2"  # 他很在行: "expert"
    if char in _ADJECTIVE_AFTER_DEGREE and before.endswith(DEGREE_ADVERBS) \
            and not (char == "冲" and before.endswith("有些") and after in "上进出向到") \
            and not (index == target.word_start and target.word_reading is not None):
        return _ADJECTIVE_AFTER_DEGREE[char]  # 太好了 hao3, 很难 nan2 (好奇, 苦难 keep their dictionary reading)
    if char == "得" and target.word == "得" and target.previous_word in _MUST_ADVERBS_BEFORE \
            and is_han(after or " ") and after not in "了到过着":
        return "dei3"  # 合同还得总经理签字, 这事一定得他同意: "must" (他还得了奖: "got")
    if char == "教" and (target.word == "教" or (_loose(target) and index == target.word_start + 1
                                                  and target.word[0] in "没不他她我你又再也还都就来去要会能想给帮")) \
            and is_han(after or " ") and after not in _BREAKS \
            and before[-1:] not in _NOT_TEACH_BEFORE:
        return "jiao1"  # 在夜校教成本会计, 教孩子画画: "teach" (教 jiào is inside words: 宗教, 请教)
    if char == "调" and (target.word == "上调" or (target.word == "调" and before[-1:] == "上")) \
            and any(w in sentence[index + 1:index + 1 + _RATE_WINDOW] for w in _RATES):
        return "tiao2"  # 上调一年期贷款利率: "raise" (上调天津队: "transfer up", diào)
    if char == "落" and (target.word == "落" or (_loose(target) and index > target.word_start)) and after == "了" and "在" in sentence[index + 2:index + 2 + _LEFT_WINDOW] \
            and not _clause_before(sentence, index).endswith(_FALLING):
        return "la4"  # 他落了一把镰刀在地里: "left behind" (叶子落了一地 luo4)
    if char == "转" and "圈" in sentence[index + 1:index + 1 + _TURN_WINDOW] and target.word_reading is None:
        return "zhuan4"  # 转了好几圈, 转过的圈数: "spin" (转身, 转弯 are words)
    if char == "得" and len(target.word) == 3 and index == target.word_start + 1 and target.word[2] == "多" \
            and target.word[0] in _COMPARED:
        return "de5"  # 大得多, 好得多: "much more"
    if char == "数" and target.word == "倒数" and index == target.word_start + 1:
        return "shu3" if sentence[index + 1:index + 2] in ("第", "计", "着") else "shu4"  # 倒数第三 / 它的倒数
    if char == "切" and (target.word == "切" or (_loose(target) and index > target.word_start)) and after in _NUMERALS:
        return "qie1"  # 给我切两斤牛肉: "cut" a quantity (一切 is a word)
    if char == "挑" and target.word == "挑" and (not after or after in _BREAKS or after in "吧了呀啊"):
        return "tiao1"  # 坚果可以自己挑: "choose" ends the clause (挑起, 挑战 "stir up" are words)
    if char == "行" and before[-1:] in _ROW_COUNTS and (
            after in _ROW_THINGS or (after in _ROW_COUNTS and sentence[index + 2:index + 3] == "列")
            or (sentence.startswith(_ROW_CROPS, index + 1) and re.search("(?:种|栽|插)(?:了|着|上|下)[^，。]{0,2}$", before))):
        return "hang2"  # 排成三行四列, 两行字: rows (一行人: a party, xíng)
    if char == "扎" and ("辫" in sentence[index + 1:index + 1 + _BRAID_WINDOW]
                        or re.match("(?:了|着|起了?|好|上)?(?:一个|个)?(?:低|高|小|双)?(?:马尾|丸子头|发髻|头发)", sentence[index + 1:])):
        return "za1"  # 扎了两个小辫子, 扎辫子: "tie up" (扎针 zha1)
    if char == "扇" and sentence.startswith(("两下", "几下"), index + 1):
        return "shan1"  # 拿扇子扇两下: "fan"
    if char == "扇" and target.word_reading is None and (index == target.word_start or _loose(target)) \
            and sentence.startswith(("扇子", "风", "扇", "着"), index + 1) \
            and before[-1:] not in _COUNT_BEFORE:
        return "shan1"  # 扇扇子, 扇风, 扇着炉火, jieba's 不停地扇|着: "fan" (一扇门: the measure shan4)
    if char == "啊" and after in ("？", "?") and (index == 0 or sentence[index - 1] in _BREAKS):
        return "a2"  # 啊？你说什么？: the questioning interjection
    if char == "着" and target.word == "着" and after == "了" and is_han(before[-1:] or " "):
        return "zhao2"  # 找着了, 猜着了, 睡着了: the result "reached" (the aspect 着 takes no 了)
    if char == "得" and (index == 0 or sentence[index - 1] in _BREAKS) and (
            target.word == "得" or (_loose(target) and index == target.word_start and after in _MUST_AT_START)) \
            and is_han(after or " ") and after not in "了过到着嘞啦咧" \
            and not re.match("(?:了)?(?:满分|第[一二三]名?|优秀|冠军|亚军|季军|奖|金牌|银牌|铜牌|高分|[一二三]等奖|[0-9一二三四五六七八九十百]+分)的",
                             sentence[index + 1:]) \
            and not ((after in _CHINESE_COUNTS or sentence.startswith("多少", index + 1)) and re.search("[0-9一二三四五六七八九十][加减][0-9一二三四五六七八九十]|乘(?=[0-9一二三四五六七八九十两])|乘以"
                                                          "|除以|相加|相乘|相减|代入|方程|移项|加起来",
                                                          sentence[:index])):
        return "dei3"  # ……没电了，得充电, jieba's 得花|上好几年: "must" opening a clause (得了吧, 得嘞, 得满分的有三人 are "get")
    if char == "和" and target.word == "和" and after == "了" and _ends_clause(sentence, index + 2) \
            and (before[-1:] in _BREAKS or index == 0) and sentence[index + 2:index + 3] in "！!":
        return "hu2"  # 哈哈，和了！: a winning hand called out
    if char == "和" and target.word == "和" and after == "了" and _ends_clause(sentence, index + 2) \
            and (before[-1:] in _PRONOUNS or (before[-1:] in "又就也终" and before[-2:-1] in _PRONOUNS)
                 or "麻将" in _clause_before(sentence, index)
                 or (before[-1:] in "就又也" and re.search("摸|打牌|手牌|好牌|听牌|麻将", sentence[:index]))) \
            and not {"棋", "面", "泥"}.intersection(_clause_before(sentence, index)):
        return "hu2"  # 我和了！ 这把我又和了: a winning hand at mahjong (这盘棋和了 is a draw, he2)
    if char == "折" and target.word == "折" and after == "了" and _ends_clause(sentence, index + 2) \
            and not _ba_in_clause(sentence, index) and not _PRONOUNS.intersection(_clause_before(sentence, index)):
        return "she2"  # 扁担咔嚓一声折了: "snapped" (把树枝折了, 信纸我折了: zhe2 "broke, folded")
    if char == "干" and target.word == "干" and (not after or after in _BREAKS or after in "了呢吗透") \
            and _strip_adverbs(_clause_before(sentence, index)).endswith(_DRYABLE):
        return "gan1"  # 衣服还没干呢, 油漆已经干了: "dry" (还没干完, 洗衣服的活我干了: "do")
    if char == "弄" and target.word == "弄" and not before[-1:].isdigit() \
            and (before[-1:] in _HANDLE_BEFORE or after in _HANDLE_AFTER):
        return "nong4"  # 我来弄吧, 别弄了, 一个一个弄: "handle, make" (王家弄, 593弄 are lanes: long4)
    if char == "调" and target.word in ("调", "调到", "调至", "调为") and sentence[index + 1:index + 2] in ("到", "至", "为") \
            and (_SETTING.match(sentence, index + 2 + sentence.startswith("了", index + 2))
                 or re.match("[^，。！？；]{1,4}最(?:高|低)(?!人民|检|法|管理|层|领导|级别的(?:警卫|部门|单位|岗位|机关))", sentence[index + 2:]) or (
                "由" in _clause_before(sentence, index) and _PRICE_SET.match(sentence, index + 2))):
        return "tiao2"  # 水温调到三十八度, 票价由两元调为三元: "adjust" (调到北京, 调为副局长: "transfer")
    if char == "服" and (before[-1:] in _NUMERALS or before[-1:] in _DEMONSTRATIVES) \
            and sentence.startswith(_MEDICINES, index + 1) \
            and not sentence.startswith(_TAKING_MEDICINE_NEXT, index + 2):
        return "fu4"  # 七服中药, 这服药: the measure for doses of Chinese medicine
    if char in "大夫" and target.word[-2:] == "大夫" and (
            (target.word == "大夫" and target.word_start > 0 and sentence[target.word_start - 1] in _DOCTOR_BEFORE)
            or (target.word == "大夫" and sentence[max(0, target.word_start - 2):target.word_start] in ("请个", "找个", "叫个", "看个"))
            or (len(target.word) == 3 and target.word[0] in _SURNAMES)
            or (target.word in ("大夫", "大夫们") and any(w in sentence for w in _MEDICAL))):
        return "dai4" if char == "大" else "fu5"  # 找李大夫复诊: "doctor" (光禄大夫, 士大夫: officials)
    if char == "薄" and target.word == "薄" and (
            (after and after in "的得点些") or sentence.startswith(("一些", "一点"), index + 1)
            or before.endswith(DEGREE_ADVERBS)
            or (before and before[-1] in "皮纸层片衣被布冰脸")):
        return "bao2"  # 西瓜皮薄, 衬衫太薄了: "thin" alone is báo (薄弱, 单薄 bó; 薄先生, 薄辽省 names)
    if char == "好" and target.word == "好" and is_han(before[-1:] or " ") and _ends_clause(sentence, index + 1):
        return "hao3"  # 一宿没睡好, 准备好了: the result "well"
    if char == "得" and target.word == "得" and target.previous_word in _ALSO_ADVERBS \
            and (after in _MUST_VERBS or after in "下上") and after not in "了到过着" \
            and not (after in "上下" and sentence[index + 2:index + 3] == "了") \
            and not sentence.startswith(("再多的", "再多也"), index + 1):
        return "dei3"  # 哪一门都得下苦功, 你也得去: "must" (都得了奖, 也得到了: "got")
    if char == "数" and (_loose(target) or (target.word_reading is None
                                             and index == target.word_start + len(target.word) - 1)) \
            and sentence.startswith(("一次", "一遍", "一下"), index + 1) \
            and not sentence.startswith("一次比", index + 1) and before[-1:] not in _NUMBER_KINDS:
        return "shu3"  # jieba's 来数|一次脉搏: "count" (函数一次 is the noun)
    if char == "觉" and target.word == "觉" and "睡" in sentence[max(0, index - _SLEEP_WINDOW):index] \
            and (before[-1:] in "好个大懒午长一" or not after or after in _BREAKS or after == "了"
                 or re.search(r"睡[个了一场顿][^，。！？；]{0,4}$", sentence[max(0, index - 7):index]) is not None):
        return "jiao4"  # 睡不好觉, 睡个好觉: "sleep" (感觉, 觉得 are words)
    if char == "哄" and target.word == "哄" and sentence.startswith(("了起来", "起来"), index + 1):
        return "hong4"  # 台下观众哄了起来: "uproar"
    if char == "哄" and target.word == "哄" and (after in _COAXED or after in _PRONOUNS) \
            and before[-1:] != "起" and not sentence.startswith(("了起来", "起来"), index + 1):
        return "hong3"  # 奶奶哄了半天, 哄孩子睡觉: "coax" (起哄 hong4, 哄堂大笑 hong1 are words)
    if char == "背" and target.word in ("背", "背着") and target.previous_word in _BEARERS \
            and sentence.startswith("背着", index) and _ends_clause(sentence, index + 2):
        return "bei1"  # 下楼得让儿子背着: "carry on the back" (手背着 is bei4)
    if char == "炸" and target.word == "炸" \
            and any(f in _clause_after(sentence, index)[:_FRY_WINDOW] for f in _FRIED):
        return "zha2"  # 家里炸了一大盆丸子: "deep-fry" (炸了一座碉堡: "blow up")
    if char == "脏" and target.word == "脏" and before[-1:] not in _ORGAN_BEFORE:
        return "zang1"  # 病号服脏了: "dirty" (心脏, 内脏 are words)
    if char == "劲" and target.word == "劲" and before[-1:] not in _VIGOROUS_BEFORE and after not in _VIGOROUS_AFTER:
        return "jin4"  # 一点儿劲都没有: "strength" (强劲, 刚劲, 劲骑五百 jing4)
    if char == "得" and target.word == "得" and target.previous_word in _LATER \
            and is_han(after or " ") and after not in "了到过着第奖分冠金":
        return "dei3"  # 以后得控制饮食: "must" after a time to come
    if char == "得" and len(target.word) >= 2 and index == target.word_start + len(target.word) - 1 and after == "又" \
            and (target.word[-2] in _QUALITY_VERBS or target.word[-2] in _MANNER_BEFORE_DE) \
            and sentence[index + 3:index + 4] == "又":
        return "de5"  # jieba's 推得|又平又光: the complement marker
    if char == "重" and target.word in ("重", "重了") and (
            _HEAVIER_BY.match(sentence, index + 1) is not None
            or re.search(r"比(?![对赛较例如方分率重值])", _clause_before(sentence, index)) is not None):
        return "zhong4"  # 比上个月重了一斤: "heavier"
    if char == "少" and target.word == "少" and before[-1:] in _SHOULD_BEFORE_LESS and is_han(after or " "):
        return "shao3"  # 要少弯腰, 应少吃: "less" (the young 少 shào is in words: 少年, 少女)
    if char == "拓" and (target.word == "拓" or (_loose(target) and target.word != "开拓")) \
            and sentence.startswith(("下来", "下", "印", "片", "本"), index + 1):
        return "ta4"  # 从碑上拓下来: "take a rubbing" (开拓 tuò)
    if char == "弹" and target.word == "弹" and after not in _SHELL_AFTER and before[-1:] not in _SHELL_BEFORE:
        return "tan2"  # 弹古筝, 用古琴弹: "play, pluck" (a bullet 弹 dàn is in words: 子弹, 导弹)
    if char == "钻" and "空子" in sentence[index + 1:index + 8]:
        return "zuan1"  # 专钻政策的空子: "exploit a loophole"
    if char == "还" and index == target.word_start and len(target.word) == 2 and target.word_reading is None \
            and sentence[index + 2:index + 3] == "着":
        return "hai2"  # jieba's 还供|着: "still" before a verb with 着
    if char == "行" and (sentence[index - 1:index + 1] == "一行" or sentence[index - 2:index] == "一行") \
            and "行行" in sentence[index - 1:index + 2] and any(w in sentence for w in ("排", "整齐", "列")):
        return "hang2"  # 秧苗一行行排得整整齐齐: rows
    if char == "行" and re.search(r"[排列站连分写变划]成[一两三四五六七八九十几]$", before):
        return "hang2"  # 大雁排成一行: a row
    if char == "结" and target.word == "结果" and index == target.word_start and (
            sentence[index + 2:index + 3] == "了" or before.endswith(_BEAR_FRUIT_BEFORE)) \
            and _ends_clause(sentence, index + 2) and any(w in _clause_before(sentence, index) for w in _FRUIT_BEARERS):
        return "jie1"  # 苹果树开始结果了: "bear fruit" (结果 jiéguǒ "result")
    if char == "折" and len(target.word) == 2 and index == target.word_start + 1 and target.word[0] in _FORCES \
            and after == "了":
        return "she2"  # 把树枝刮折了: "snapped"
    if char == "好" and index >= 2 and sentence[index - 2] == "喜" and sentence[index - 1] in _HABITATS:
        return "hao4"  # 喜阴好湿: "be fond of"
    if char == "刨" and target.word == "刨" and after not in "花床子平光刀" \
            and any(w in _clause_after(sentence, index)[:_DIG_WINDOW] for w in _DUG):
        return "pao2"  # 在雪地里刨了一个坑: "dig" (刨木板 bào "plane")
    if char == "还" and target.word == "还" and after == "了" and _ends_clause(sentence, index + 2):
        return "huan2"  # 书明天就要还了: "return"
    if char == "奔" and target.word == "奔" and after in _NUMERALS:
        return "ben4"  # 快奔五十的人了: "approach" an age
    if char == "吐" and target.word == "吐" and after == "了" \
            and re.match(r"[一两三四五六七八九十几好]+[次回遍趟]|一口[^，。！？；]{0,2}血", sentence[index + 2:]) \
            and not _ba_in_clause(sentence, index):
        return "tu4"  # 狗狗昨晚吐了两回, 吐了一口黑血: "vomit", counted
    if char == "吐" and target.word == "吐" and after == "了" and _ends_clause(sentence, index + 2) \
            and not _ba_in_clause(sentence, index) \
            and not any(w in _clause_before(sentence, index) for w in _SPAT_OUT):
        return "tu4"  # 刚喝完奶就吐了: "vomit" (把核吐了 tǔ "spit out")
    if char == "散" and target.word == "散" and after == "了" \
            and _strip_adverbs(_clause_before(sentence, index)).endswith(_COME_UNDONE):
        return "san3"  # 鞋带又散了: "come undone"
    if char == "只" and index >= 2 and sentence[index - 1] in "余来多" and sentence[index - 2] in _NUMERALS \
            and after not in _ONLY_AFTER:
        return "zhi1"  # 鸡鸭二十余只: the measure after an approximate number (其余只有 is zhǐ)
    if char == "重" and (target.word == "重" or re.fullmatch(r"第?[一二两三四五六七八九十几]+重", target.word)) \
            and re.search(r"(?:第[一二三四五六七八九十]+|(?<![斤克吨两])[两三四五六七八九几])$", sentence[max(0, index - 4):index]) \
            and after not in "量要视点大":
        return "chong2"  # 修到了第七重, 境界连降两重: layers
    if char == "行" and (target.word == "行" or re.fullmatch(r"第[零一二两三四五六七八九十百千0-9]+行", target.word)) \
            and re.search(r"第[零一二两三四五六七八九十百千0-9]+$", sentence[max(0, index - 9):index]):
        return "hang2"  # 日志的第三十二行: a line
    if char == "差" and target.word == "差" and (not after or after in _BREAKS or after in "了的") \
            and is_han(before[-1:] or " ") and before[-1:] not in _NOT_POOR_BEFORE \
            and not any(w in _clause_before(sentence, index) for w in ("减", "和与")) \
            and not before.endswith(("的", "的是", "之")):
        return "cha4"  # 食品质量差，: "poor" after what it judges
    if char == "车" and target.word == "车" and ("象棋" in sentence[:index] or "棋盘" in sentence[:index]) \
            and before[-1:] not in "骑开坐乘上下推修":
        return "ju1"  # 象棋里，车走直线: the chariot of Chinese chess
    if char == "冲" and sentence.startswith("冲着", index) and (target.word in ("冲", "冲着") or _loose(target)) \
            and is_han(sentence[index + 2:index + 3] or " ") \
            and not _clause_after(sentence, index + 1).startswith(_BREWED_OR_RINSED):
        return "chong4"  # 冲着执勤民警大声叫骂: "towards" (冲着咖啡, 冲着澡: chōng)
    if char == "供" and (target.word in ("供", "供着") or _loose(target)) and (
            (sentence.startswith("供着", index) and (any(w in _clause_after(sentence, index + 1)[:10] for w in _ENSHRINED)
                                                    or before.endswith(("像", "似的", "当宝贝"))))
            or (re.match("[了上]?(?:一|两|几)?[尊张座幅个]", sentence[index + 1:])
                and any(w in _clause_after(sentence, index)[:8] for w in _ENSHRINED))):
        return "gong4"  # 庙里供着山神, 客厅供一尊财神, 像供着一样: "enshrine" (供着孩子上学: gōng)
    if char == "打" and ((target.word == "打" and before and before[-1] in "两几半一三四五六七八九十")
                        or target.word in ("半打", "几打", "两打", "一打")) \
            and sentence.startswith(_BY_THE_DOZEN, index + 1):
        return "da2"  # 订了两打签字笔: a dozen
    if char == "背" and (target.word in ("背", "背着") or _loose(target)) and (
            "黑锅" in _clause_before(sentence, index) or "黑锅" in sentence[index + 1:index + 7]
            or (_CARRIED_AFTER_OF.match(sentence, index + 1) is not None
                and not sentence.startswith(_BEHIND_BACK_OF, index + 2))):
        return "bei1"  # 这口黑锅我可不替你背, 背这个黑锅, 背着发高烧的孩子: "carry"
    if char == "倒" and target.word == "倒" and before[-1:] == "得" and is_han(after or " ") \
            and after not in _BREAKS and after not in "了下向在进地":
        return "dao4"  # 你说得倒轻巧, 想得倒美: "and yet"
    if char == "差" and _loose(target) and before[-1:] in _TURNED_OUT_POOR and after and after in "了的":
        return "cha4"  # 他这次考试又考差了: "poorly"
    if char == "的" and before[-1:] == "打" and sentence.startswith(_BY_TAXI_NEXT, index + 1) \
            and not re.match("回[^，。！？；]{0,3}的", sentence[index + 1:]):
        return "di1"  # 打的直奔机场: "take a taxi"
    if char == "晃" and after == "得" and any(w in _clause_after(sentence, index) for w in ("睁不开", "刺眼", "晃眼")):
        return "huang3"  # 太阳晃得她睁不开眼: "dazzle"
    if char == "假" and target.word == "假" and (not after or after in _BREAKS or after in "了的") \
            and re.search(r"[请休放销][了过]?[^，。！？；]{0,4}$", sentence[max(0, index - 7):index]):
        return "jia4"  # 请了一周假: leave
    if char == "划" and (target.word in ("划", "划着") or (index == target.word_start and target.word_reading is None)) \
            and any(w in sentence[max(0, index - 10):index] for w in ("桨", "船", "艇", "龙舟")) \
            and after not in "到为给归拨入分定":
        return "hua2"  # 用桨划着走: "row"
    if char == "供" and (target.word == "供" or _loose(target)) and after == "在" and not sentence.startswith("在座", index + 1) \
            and (_ba_in_clause(sentence, index) or re.search("面前|桌上|堂屋|神龛|佛前|灵前|供桌|香案", _clause_after(sentence, index))
                 or re.search("遗像|牌位|佛像|神像|照片|香炉|灵位", _clause_before(sentence, index))) \
            and not re.search("工作|居住|使用|学习|享用", _clause_after(sentence, index)):
        return "gong4"  # 把外婆的照片供在客厅里, 供在菩萨面前: "enshrine" (供在外地工作的人居住: gōng)
    if char == "划" and (target.word == "划" or _loose(target)) and after == "在" \
            and re.match("(?:[我你他她]的?)?(?:心|脸|手|胳膊|腿|背|脖子|皮肤|身)上", sentence[index + 2:index + 8]):
        return "hua2"  # 刀子一样划在我心上, 划在手上: "scratch, cut" (划在开发区内: huà)
    if char == "晕" and (target.word == "晕" or _loose(target)) and _ends_clause(sentence, index + 1) and after != "了" \
            and before.endswith(("容易", "会", "就", "老", "总", "常", "爱", "也", "又", "不")) \
            and re.search("坐(?:车|船|飞机|大巴|汽车)", _clause_before(sentence, index)):
        return "yun4"  # 我坐车容易晕: motion sickness (晕车 yùn)
    if char == "背" and (target.word == "背" or _loose(target)) and after and after in "出回到上下起进过在" \
            and not before.endswith(("在", "的")) and _ba_in_clause(sentence, index) and any(w in _clause_before(sentence, index) for w in _PEOPLE_CARRIED):
        return "bei1"  # 把受伤的老人背出了废墟: "carry" (把课文背下来: bèi)
    if char == "背" and (target.word == "背" or _loose(target)) and after and after in "出回进上下过" \
            and re.match("[出回进上下过]了?(?:家门|大门|门|屋子|屋|房间|病房|医院|山|楼|河|火场|废墟|村子|轿子|花轿)",
                         sentence[index + 1:]):
        return "bei1"  # 新娘要由哥哥背出家门, 把他背回了家: carried to a place (课文背下来: bèi)
    if char == "分" and after == "子" and sentence[:index].endswith(_MEMBERS_OF):
        return "fen4"  # 不法分子, 好战分子: members (高分子, 水分子: molecules, fēnzǐ)
    if char == "长" and len(target.word) == 2 and index == target.word_start + 1 and target.word[0] in _POSTS:
        return "zhang3"  # 营长, 连长, 校长: the head of a unit
    if char == "得" and len(target.word) == 2 and index == target.word_start + 1 and target.word[0] in _HOLD_VERBS \
            and after and after in "住起动下上过来去完":
        return "de5"  # jieba's 握得|住: the potential complement
    if char == "挑" and (target.word == "挑" or _loose(target)) and "扁担" in _clause_before(sentence, index):
        return "tiao1"  # 用扁担挑来了饭菜: "carry on a pole"
    if char == "中" and target.word == "中" and target.previous_word in ("砸", "击", "射", "踢", "猜", "抽", "投", "打") \
            and not _clause_after(sentence, index).startswith(("国", "间", "心", "央", "年")):
        return "zhong4"  # jieba's 砸|中|脑袋: "hit"
    if char == "长" and target.word == "见长" and index == target.word_start + 1 and "以" in _clause_before(sentence, index):
        return "chang2"  # 以削球见长: "be good at" (长势见长 "grow": zhǎng)
    if char == "地" and target.word_reading is None and len(target.word) == 3 and index == target.word_start + 2 \
            and target.word[1] in _ADVERB_LAST and is_han(after or " ") and after not in _BREAKS:
        return "de5"  # jieba's 敏锐地|找到: the adverbial ending
    if char == "中" and re.search(r"[一二三四五六七八九十两几百]+[投射][一二三四五六七八九十两几百]+$", before):
        return "zhong4"  # 三分球十投八中: "hit"
    if char == "场" and _ends_clause(sentence, index + 1) \
            and re.search("(?:病|哭|醉|梦|闹|欢喜|虚惊)[了完过]?一$", sentence[max(0, index - 5):index]):
        return "chang2"  # 他年轻时大病了一场: the course of an event
    if char == "当" and target.word == "当" and target.previous_word in _TAKEN_FOR_BEFORE \
            and re.match(r"[你我他她它][们]?是", sentence[index + 1:]):
        return "dang4"  # 我还当你是朋友呢: "take for" (当你是孩子时: "when", after no such adverb)
    if char == "当" and target.word == "当" and target.previous_word in _USED_AS_BEFORE \
            and re.match(r"[^，。！？；]{1,5}用", sentence[index + 1:]):
        return "dang4"  # 这件旧衬衫可以当抹布用: "use as"
    if char == "卡" and before[-1:] == "哨":
        return "qia3"  # 边防哨卡: a checkpoint
    if char == "校" and after == "场" and target.word in ("校", "在校", "校场"):
        return "jiao4"  # 在校场上操练: the drill ground (学校场馆 is a school's)
    if char == "色" and after == "子" and before[-1:] in ("掷", "扔", "摇", "投", "丢"):
        return "shai3"  # jieba's 掷|色|子玩: dice
    if char == "得" and target.word == "得" and before.endswith(("起码", "少说也", "至少也", "最少也", "至少")) \
            and is_han(after or " ") and after not in "了到过着":
        return "dei3"  # 这一走少说也得一年半载: "it takes" (起码得了二十分: "got")
    if char == "晃" and before[-1:] == "一" and (after in _NUMERALS or after in "就已而又"
                                                or sentence.startswith(("几年", "多年", "半年"), index + 1)
                                                or ((not after or after in _BREAKS)
                                                    and sentence[:index].endswith(("时光一", "时间一", "日子一", "岁月一", "光阴一", "转眼一")))):
        return "huang3"  # 一晃三年过去了: time flashing by (身子一晃: sways, huàng)
    if char == "咽" and target.word == "咽" and after and after in "也不下了得着进":
        return "yan4"  # 咽也咽不下去: "swallow"
    if char == "朝" and _is_morning(sentence, index):
        return "zhao1"  # 朝霞, 朝气, 今朝, 朝阳 (the sun, not 朝阳区)
    if char == "行" and before[-1:] == "每" and _COUNTED_LINES.match(sentence, index + 1):
        return "hang2"  # 这幅对联每行七个字: a line of text (每行驶一百公里 is a word of its own)
    if char == "行" and (target.word == "行" or (target.word_reading is None and target.word[-1] == "行" and all(
            c in _CHINESE_COUNTS for c in target.word[:-1]))) and before[-1:] in _CHINESE_COUNTS \
            and (_COUNTED_LINES.match(sentence, index + 1) or re.search("(?:第|共)[一二两三四五六七八九十百千几]+$", before)):
        return "hang2"  # 铭文十二行一百二十二字, 第三行, 共八行: lines of text
    if char == "空" and (target.word == "空" or _loose(target) or index == target.word_start) \
            and _LEFT_BLANK.match(sentence, index + 1):
        return "kong4"  # 要空两拍再进, jieba's 空两格: "leave blank"
    if char == "载" and before[-1:] in _CHINESE_COUNTS and (not after or after in _BREAKS or after in "有后来间过"):
        return "zai3"  # 连演三载: years
    if char == "背" and (target.word in ("背", "背着") or _loose(target)) and _ends_clause(sentence, index + 1) \
            and re.search("(?:这|那|这个|那个|这口|那口)锅", _clause_before(sentence, index)):
        return "bei1"  # 这锅我可不背: "take the blame" (背锅)
    if char == "处" and (target.word == "处" or _loose(target)) and after in "了过着" \
            and "对象" in _clause_after(sentence, index)[:8]:
        return "chu3"  # 他俩处了三年对象: "go out with"
    if char == "处" and (target.word == "处" or _loose(target)) and before.endswith(("被", "判")) \
            and re.search("刑|罚|徒刑|拘役|罚款|死刑|管制", _clause_after(sentence, index)):
        return "chu3"  # 被处三年有期徒刑: "sentence" (判处 chǔ)
    if char == "处" and (target.word == "处" or _loose(target)) and after == "了" \
            and re.match(f"[{_CHINESE_COUNTS_CHARS}]+(?:年|个月|天|周)", sentence[index + 2:index + 6]) \
            and re.search("[和跟与同](?:[^，。！？；]{1,6})$", _clause_before(sentence, index)):
        return "chu3"  # 和婆婆处了五年: "get along with" (处了三年刑 has no 和)
    if char == "结" and (target.word in ("结", "结了", "结满", "结出") or _loose(target)) \
            and _FRUIT_BORNE.match(sentence, target.word_start + len(target.word)):
        return "jie1"  # 枣树今年结了好多枣: "bear fruit" (结了婚, 结了账: jié)
    if char == "落" and (target.word == "落" or _loose(target)) and after == "在" \
            and any(item in _clause_before(sentence, index) for item in _LEFT_BEHIND) \
            and not any(place in _clause_after(sentence, index) for place in _FALLEN_ONTO) \
            and not any(fall in _clause_before(sentence, index) for fall in _DROPPED) \
            and not re.search("飞出|飞了出|从(?:(?!回来|出来|出去|回家|下班|放学)[^，。！？；]){1,8}$",
                              _clause_before(sentence, index)):
        return "la4"  # 我钥匙好像落在你车上了: "leave behind" (手机落在地上: fell, luò)
    if char == "得" and ((target.word == "得" and target.previous_word in _ONE_CHARACTER_VERBS) or (
            _loose(target) and index == target.word_start + 1 and target.word[0] in _ONE_CHARACTER_VERBS)) \
            and sentence.startswith(_DEGREE_PHRASES, index + 1):
        return "de5"  # 辣椒油放得有点儿多, 照得如同白昼, 牛肉给得也不少: the complement marker
    if char == "还" and target.word == "还给" and index == target.word_start and _GIVES_AGAIN.match(sentence, index + 2) \
            and "把" not in _clause_before(sentence, index):
        return "hai2"  # 老板还给每桌送了一份西瓜: "also" before 给 "for" (把书还给我: huán)
    if char == "干" and (target.word in ("干", "没干") or _loose(target)) \
            and (not after or after in _BREAKS or after in "了呢吗透") and before[-1:] != "不" \
            and not before.endswith(("也没", "都没", "也不")) \
            and re.search("晾|烘(?!焙)|晒(?!太阳|娃|朋友圈|图|照)", _clause_before(sentence, index)) \
            and any(thing in _clause_before(sentence, index) for thing in _DRYABLE):
        return "gan1"  # 衣服晾了三天还没干: "dry"
    if char == "转" and target.word == "转" and (not after or after in _BREAKS or (
            after == "了" and not sentence.startswith("了个", index + 1))) \
            and (re.search("[围绕]着", _clause_before(sentence, index))
                 or (before.endswith(("慢慢", "轻轻", "来回", "不停地", "一直"))
                     and (not after or after in _BREAKS or sentence.startswith(("了起来", "起来"), index + 1)))):
        return "zhuan4"  # 地球围着太阳转, 卷发棒要慢慢转: "revolve" (话锋一转: zhuǎn)
    if char == "看" and target.word in ("看", "看着") and sentence.startswith("看着", index) \
            and re.match(_LOOKED_AFTER, sentence[index + 2:]) \
            and re.search("让|帮|替|在家|负责|留下", _clause_before(sentence, index)):
        return "kan1"  # 妈妈让我在家看着弟弟: "look after" (他看着孩子笑了: kàn)
    if char == "为" and (target.word == "为" or (target.word[:1] in "只专特就都正" and target.word[1:] == "为")) \
            and not _taken_as(sentence, index, sentence[index + 1:index + 16], 0) \
            and re.match("(?:(?!所|不容|被)[^，。！？；0-9零一二两三四五六七八九十百千万]){1,6}?而(?!非|不|是|已|且|言|后|今|外|上|下|成)"
                         if _TAKE_AS.search(_clause_before(sentence, index)) is None
                         and not sentence[:index].endswith(("化", "解", "变", "成", "分", "报价", "身高", "气温", "温度", "体重", "价格"))
                         else
                         "[^，。！？；]{1,6}?而(?:来|生|战|设计|存在|努力|奋斗|准备|付出|骄傲|奔波|拼搏|忙碌|工作|学习|牺牲|献身)",
                                                         sentence[index + 1:]):
        return "wei4"  # 只为你而来, 为梦想而战: 为 … 而 "for … (to)"
    if char == "为" and target.word == "为" and re.match(_PERFORMED_FOR, sentence[index + 1:]):
        return "wei4"  # 拒绝为日本人演出: "for" (规模为6个演出场地: "is")
    if char == "还" and target.word == "还" and len(sentence) > index + 2 and is_han(after or " ") and (
            sentence[index + 2] == after or (sentence[index + 2] == "一" and sentence[index + 3:index + 4] == after)):
        return "hai2"  # 还闻一闻, 还看看: "also" before a verb said twice
    if char == "结" and (target.word == "结" or _loose(target)) and after in ("得", "了", "满", "出") \
            and re.search("苹果|果树|果子|果实|果园|桃子|桃树|梨|枣|瓜|葡萄|柿子|橘子|石榴|种子|籽|穗",
                          _clause_before(sentence, index) + _clause_after(sentence, index)[:6]) \
            and not re.search("婚|冰|霜|账|案|仇|盟|梁子|款", _clause_before(sentence, index) + _clause_after(sentence, index)[:4]):
        return "jie1"  # 苹果今年结得特别多, 树上结满了果子: "bear fruit"
    if char == "背" and target.word in ("背上", "背下") and index == target.word_start and sentence[index + 2:index + 3] in ("楼", "山"):
        return "bei1"  # 工人只能把水泥一袋袋背上楼: "carry" up the stairs
    if char == "处" and (target.word in ("处", "处得") or _loose(target)) and after == "得" and before[-1:] not in "到各好难益长短一几两这那此多某每" \
            and re.match("得(?:不错|很|挺|好|来|怎么样|还|非常|融洽|像|跟)", sentence[index + 1:]):
        return "chu3"  # 跟工长处得不错: "get along"
    if char == "划" and (target.word == "划" or _loose(target)) and re.match("了?出?一?道(?:长|深|浅|细|大|小|深深的|浅浅的|长长的)?(?:口子|印子|印|伤口|划痕|痕迹|痕|血)", sentence[index + 1:]):
        return "hua2"  # 把新地板划了一道印子: "scratch" (划一道线 huà)
    if char == "看" and target.word in ("看", "看着") and sentence.startswith("看着", index) \
            and re.search("帮我|帮忙|替我|得有人|要有人|你帮|交给|托给|留给", _clause_before(sentence, index)) \
            and (_ends_clause(sentence, index + 2)
                 or re.match("着(?:点|(?:座位|行李|东西|包|摊|店|门|材料|孩子|车|锅|火|炉子|花|家|房子|狗|猫)(?:[，。！？；呢啊吧]|$|里|一会儿|一下))",
                             sentence[index + 1:])):
        return "kan1"  # 你帮我看着座位, 晚上得有人看着: "keep an eye on"
    if char == "看" and target.word == "看" and sentence.startswith("看一下", index) \
            and re.search("帮我|帮忙|替我|你帮", _clause_before(sentence, index)) \
            and re.match("(?:座位|行李|东西|包|摊子|摊|店|孩子|竿|鱼竿)(?:[，。！？；呢啊吧]|$)", sentence[index + 3:]) \
            and re.search("我(?:先|得|要)?(?:去|上|出去|走开)|去趟|去一下|马上回|一会儿就回", sentence[index + 3:]):
        return "kan1"  # 帮我看一下包，我去换泳衣: "mind" (帮我看一下这道题: kàn)
    if char == "和" and target.word == "和" and sentence.startswith(("水泥", "泥", "灰浆", "砂浆"), index + 1) \
            and not re.match("(?:水泥|泥|灰浆|砂浆)(?:厂|土|公司|企业|行业|按|差|一样|混|的|打交道|供应|生意|商)", sentence[index + 1:]) \
            and before[-1:] in "在去来先再着下里边上要得正就":
        return "huo2"  # 瓦工在楼下和水泥: "mix" (沙子和水泥 is "and")
    if char == "涨" and (target.word in ("涨", "涨起来", "涨起", "涨了") or _loose(target)) and after in "起了得开" \
            and re.search("泡(?:了|在|过|水)|浸|受潮|吸水|发胀", sentence[:index]) \
            and not re.search("价|租|费|钱|工资|薪", _clause_before(sentence, index)):
        return "zhang4"  # 木地板泡了水都涨起来了: "swell" (价格涨起来: zhǎng)
    if char == "当" and target.word == "当" and index > 0 and sentence[index - 1] not in _BREAKS \
            and sentence[index - 1] not in "而可但每且" and not before.endswith(_WHEN_OPENERS) \
            and re.match("[^，。！？；我你他她咱]{1,5}用(?:[也都了吧呢啊，。！？；]|$)", sentence[index + 1:]) \
            and not re.match("[^，。！？；]{1,5}不能用", sentence[index + 1:]):
        return "dang4"  # 这个色号当腮红用: "use as"
    if char == "调" and target.word in ("调", "调出") and index == target.word_start \
            and re.match("出(?:的(?:颜色|色|味道)|[^，。！？；]{0,4}(?:色|颜色|味道|口味)(?:[，。！？；来了]|$))", sentence[index + 1:]):
        return "tiao2"  # 叠涂也能调出高级色: "mix"
    if char == "数" and (target.word == "数" or _loose(target)) and after in "这那他她" \
            and "最" in sentence[index + 2:index + 6] and before[-1:] in "里中就要得":
        return "shu3"  # 这些好物里数这支最好用: "count as the most"
    if char == "长" and target.word == "长" and _ends_clause(sentence, index + 1) and "比" in _clause_before(sentence, index) \
            and before.endswith(("还要", "更", "还", "要")):
        return "chang2"  # 比预想的还要长: "long"
    if char == "系" and target.word == "系" and re.match("一条[^，。！？；]{0,3}(?:腰带|皮带|丝巾|围巾|领带|绳|带子)", sentence[index + 1:]):
        return "ji4"  # 在腰间系一条细腰带: "tie"
    if char == "撒" and (target.word == "撒" or _loose(target)) and re.match("(?:[0-9零一二两三四五六七八九十几半]|上|点|些|在|一把|一层|入)", sentence[index + 1:]) \
            and not re.match("[^，。！？；]{0,8}(?:娇|野|谎|酒疯|尿)|[^，。！？；]{0,3}(?:欢|泼|手|腿|气|网)", sentence[index + 1:]):
        return "sa3"  # 每盆撒10克, 撒上葱花, 撒在土上: "sprinkle" (撒手, 撒谎 sā)
    if char == "相" and target.word == "相" and re.match("了?[^，。！？；]{0,5}亲", sentence[index + 1:]):
        return "xiang1"  # 我相了十一次亲: "meet for a match"
    if char == "行" and target.word == "一行" and index == target.word_start + 1 \
            and re.match("(?:红|黑|小|大|蓝)?(?:字|诗|代码|文字|标语|泪|眼泪|小字)", sentence[index + 1:]):
        return "hang2"  # 写了一行红字, 流下一行泪: a line (一行人 xíng)
    if char == "当" and (target.word == "当" or (target.word_reading is None and index == target.word_start)) and before.endswith("就") \
            and re.match("(?:没|[^，。！？；]{1,8}?(?:都是|是我|是你|是他|是她|是在|没)|(?:交个朋友|交朋友|做好事|做善事|白送|买个教训|积德|练手))",
                         sentence[index + 1:]) \
            and not re.match("[^，。！？；]{0,3}(?:时|的时候)", sentence[index + 1:]):
        return "dang4"  # 就当底下坐的都是你的亲戚, 就当我没说: "treat as"
    if char == "没" and target.word in ("没", "没过") and sentence.startswith("没过", index) \
            and re.search("水|汤|油|淹", _clause_before(sentence, index)) \
            and re.match("过(?:食材|头顶|膝盖|脚踝|腰|肉|菜|表面|鸡|排骨|米|豆)", sentence[index + 1:]):
        return "mo4"  # 炖排骨的水要没过食材: "cover, submerge"
    if char == "落" and target.word in ("落", "落在") and after == "在" \
            and re.search("包裹|钥匙|手机|钱包|眼镜|老花镜|雨伞|伞|包|证件|卡|书|本子|衣服|外套|帽子|文件|东西|快递|我的|你的|他的|她的",
                          _clause_before(sentence, index)) \
            and re.match("在(?:车上|家里|食堂|教室|办公室|公司|出租车上|出租车里|店里|宿舍|酒店|饭店|包间|会议室|工地|现场|单位|学校)",
                         sentence[index + 1:]):
        return "la4"  # 包裹落在车上了, 老花镜落在食堂了: "leave behind"
    if char == "只" and before.endswith("有") and re.match("(?:大|小|黑|白|花|黄)?(?:狗|猫|鸟|鸡|鸭|鹅|羊|兔|老鼠|猴|虫)", sentence[index + 1:]):
        return "zhi1"  # 家里有只大狗: the measure word
    if char == "背" and target.word == "背" and _ends_clause(sentence, index + 1) and "锅" in _clause_before(sentence, index):
        return "bei1"  # 这次事故的锅不能让实习生一个人背: "take the blame"
    if char == "闷" and (target.word == "闷" or _loose(target)) and _STUFFY_PLACE.search(_clause_before(sentence, index)) \
            and not re.search("心|情|气氛|脑|头", _clause_before(sentence, index)):
        return "men1"  # 殿里太闷, 屋子里闷得喘不过气: the air "stuffy" (心里闷 is gloomy, mèn)
    if char == "卡" and (target.word == "卡" or target.word[:-1].endswith(("钥匙", "鱼刺", "骨头", "轮子", "零件", "硬币", "戒指"))) \
            and target.word_reading is None and after in ("在", "住") \
            and before[-1:] not in "张的这那卡" \
            and re.search("钥匙|鱼刺|骨头|轮子|车轮|拉链|抽屉|零件|风筝|硬币|戒指", _clause_before(sentence, index)):
        return "qia3"  # 车钥匙卡在了铁栅里, 鱼刺卡住了: "stuck" (这张卡在哪: the card)
    if char == "冲" and target.word in ("冲", "不冲") and before.endswith("不") and _ends_clause(sentence, index + 1) \
            and re.search("味|气味|香气|香味|香水|酒(?!的?杯)|烟|口气|语气|说话|脾气", _clause_before(sentence, index)):
        return "chong4"  # 这香水味道一点都不冲: "strong, pungent"
    if char == "系" and target.word in ("系", "系好", "系上", "系紧") and after in "好上紧住" \
            and re.search("鞋带|领带|腰带|安全带|丝带|皮带|带子|扣子|纽扣|绳|结|围巾|围裙|披风|斗篷|披肩|头巾|丝巾|红领巾",
                          _clause_after(sentence, index)[:10]) \
            and sentence[index - 1:index] not in _SYSTEM_BEFORE and before[-1:] != "们":
        return "ji4"  # 他仔细系好了靠旗的带子: "tie" (我们系好几个老师: the department)
    if char == "调" and target.word in ("调升", "调降", "调") and re.match(
            "[升降]?[^，。！？；]{0,3}?[0-9零一二两三四五六七八九十百]+个?(?:基点|百分点)", sentence[index + 1:]):
        return "tiao2"  # 调升56个基点: rates (被调升为副局长: diào, a transfer)
    if char == "长" and (target.word == "长" or (_loose(target) and index == target.word_start + 1)) and after == "了" \
            and _GROWTHS.match(sentence, index + 2) \
            and not before.endswith(("时间", "日子", "时候", "年头", "时日")):
        return "zhang3"  # 嘴角长了口疮, 脸上长了几颗痘: "grow"
    if char == "觉" and target.word == "觉" and (not after or after in _BREAKS or after in "了吧啊呢去") \
            and "睡" in _clause_before(sentence, index):
        return "jiao4"  # 睡了一个回笼觉, 要去睡一个长长的觉了: sleep
    if char == "中" and re.search("[零一二两三四五六七八九十]+[投罚][零一二两三四五六七八九十]+$", sentence[max(0, index - 8):index]) \
            and (not after or not is_han(after) or after in _BREAKS):
        return "zhong4"  # 十二投五中, 八罚七中: "hit" (简历投一中: the school)
    if char == "率" and len(target.word) >= 3 and index == target.word_start + len(target.word) - 1 \
            and target.word[-2:] not in _LEADING and _in_jieba(target.word[:-1]):
        return "lv4"  # 资产负债率, 支持率: a rate after a word (李祎率…, a name, leads: shuài)
    return None


def _after_feeling(target: Target, before: str) -> bool:
    """得 right after a verb or adjective of feeling standing as a word of its own or glued to it
    by jieba's HMM (吓得, 慢得), or after a word of feeling (开心得); not 今晚得 (晚 in 今晚)."""
    single = before[-1:] in _AFFECT_VERBS and (target.word != "得" or target.index - 1 in target.bounds)
    return single or target.previous_word.endswith(_FEELINGS)


def _after_its_verb(target: Target) -> bool:
    """The target (得) stands alone or ends a word jieba's HMM glued to the verb before it (调得,
    球传得)."""
    return len(target.word) == 1 or (_loose(target) and target.index > target.word_start) or (
        target.word_reading is None and len(target.word) == 3
        and target.index == target.word_start + 2)


def _loose(target: Target) -> bool:
    """The target's word is the character alone, or two characters jieba's HMM glued together
    (调得, 地转) that no dictionary lists: the character is as good as a word of its own."""
    return target.word_reading is None and len(target.word) <= 2


def _adverbial_de(sentence: str, target: Target) -> bool:
    """地 standing alone after a word of two or more characters, before a verb phrase (认真地学习);
    not after a measure word (这块地) and not before punctuation (主要地：)."""
    index = target.index
    nxt = sentence[index + 1:index + 2]
    # jieba's HMM can glue 地 to what follows (着急|地走了); 地铁, 地区 … stay nouns
    alone = target.word == "地" or (target.word_start == index and target.word_reading is None
                                    and nxt not in _GROUND_NEXT)
    previous = target.previous_word
    return alone and len(previous) >= 2 and index == target.word_start \
        and previous[-1] not in _MEASURES and previous[-1] not in "一二三四五六七八九十两几" \
        and index + 1 < len(sentence) and is_han(sentence[index + 1])


def surname_reading(sentence: str, target: Target) -> str | None:
    """The target's reading as a surname where the text shows a person (also for characters the
    polyphone model does not cover: 员女士, 阚教授), else ``None``."""
    index = target.index
    char = sentence[index]
    if char not in SURNAME_READINGS:
        return None
    if index > 0 and sentence[index - 1] == "姓" and sentence[max(0, index - 2):index] not in _NOT_SURNAMED:
        return SURNAME_READINGS[char]  # 他姓曾 zeng1, 姓单 shan4 (not 老百姓都, 同姓都)
    if char in _TITLE_SURNAMES and _before_title(sentence, target) \
            and (char != "任" or not _holds_office(sentence, target)):
        return SURNAME_READINGS[char]  # 单师傅, 任局长, 查先生说: a surname before a title
    if char in _TITLE_SURNAMES and target.word == char + "某" and index == target.word_start \
            and not sentence.startswith(_SOMETHING_AFTER_MOU, index + 2):
        return SURNAME_READINGS[char]  # 被告人解某, 审判员查某: a person the report does not name
    if char in _PERSON_SURNAMES and (
            (target.word == "老" + char and _made_up(target))
            or (target.word == char + "氏" and char != "盖"
                and sentence[target.word_start + 2:target.word_start + 3] not in _SCALE_AFTER)):
        return SURNAME_READINGS[char]  # 查氏家族, 叫他老解 (华氏度 is Fahrenheit, 盖氏虎尾草 Gay's)
    if char in "任解查仇曾朴盖缪翟覃" and index > 0 and sentence[index - 1] in "老小" \
            and (index == 1 or sentence[index - 2] in _BREAKS) and sentence[index + 1:index + 2] in ("，", "！", "啊", "呀") \
            and not (char == "解" and "大解" in sentence):
        return SURNAME_READINGS[char]  # 老任，你下午有空吗; 小查，把文件拿来: someone called by name
    if char in _PERSON_SURNAMES and target.index == target.word_start and len(target.word) == 3 \
            and target.word_reading is None and target.previous_word.endswith(_WHO_BEFORE_NAMES) \
            and target.word[1] not in _NOT_IN_NAMES:
        return SURNAME_READINGS[char]  # 记者单小红报道, 民警名叫解晓东: a name after who he is
    return None


def _holds_office(sentence: str, target: Target) -> bool:
    """任 before a post is the verb "hold office" after a person's name, a time or 曾 / 现 / 历 / 出 /
    改 / 兼 / 升 (李四任书记, 他于2010年任市长, 曾任局长); elsewhere it is the surname (任老师说)."""
    index = target.index
    if index == 0:
        return False
    previous = target.previous_word
    return previous[-1:] in _BEFORE_REN_VERB or previous[-1:] in _PRONOUNS or previous[-1:] == "其" \
        or previous.endswith(("年", "月", "日", "后", "时")) \
        or (len(previous) in (2, 3) and previous[0] in _SURNAMES and target.word_start == index)


def _before_title(sentence: str, target: Target) -> bool:
    """The target stands as a word of its own (or opens one of two characters, 老解) and a title
    follows as a whole word: 单|师傅, 查|先生|说 (not 检查|先生, 查|总数)."""
    index = target.index
    alone = target.word == sentence[index] or (target.word[:1] == "老" and len(target.word) == 2)
    if not alone or (index + 1 not in target.bounds and target.word != sentence[index]):
        return False
    end = index + 1
    return any(sentence.startswith(title, end) and end + len(title) in target.bounds for title in _TITLES)


def _made_up(target: Target) -> bool:
    """The target's word is one jieba's HMM made up, no word of its dictionary (单小红, 老解)."""
    return target.word_reading is None and len(target.word) >= 2 \
        and all(target.word_start + k in target.bounds for k in range(1, len(target.word)))


# Adverbs between a subject and its verb: 衣服|还没|干, 油漆|已经|干了.
_ADVERBS_BEFORE_VERB = ("还没有", "还没", "没有", "已经", "早就", "都", "快", "没", "也", "全", "还", "不", "又", "就")


def _strip_adverbs(text: str) -> str:
    """``text`` without the adverbs that end it (衣服还没 → 衣服)."""
    while text.endswith(_ADVERBS_BEFORE_VERB):
        text = text[:-len(next(a for a in _ADVERBS_BEFORE_VERB if text.endswith(a)))]
    return text


def _clause_after(sentence: str, index: int) -> str:
    """The text after ``index`` up to the next punctuation mark."""
    ends = [sentence.find(b, index + 1) for b in _BREAKS]
    end = min((e for e in ends if e != -1), default=len(sentence))
    return sentence[index + 1:end]


def _clause_before(sentence: str, index: int) -> str:
    """The text from the last punctuation mark before ``index`` up to it."""
    start = max((sentence.rfind(b, 0, index) for b in _BREAKS), default=-1) + 1
    return sentence[start:index]


def _ends_clause(sentence: str, index: int) -> bool:
    """Nothing but a sentence particle (啊 吧 吗 了 …) lies between ``index`` and the clause's end."""
    if index < len(sentence) and sentence[index] in _SENTENCE_PARTICLES:
        index += 1
    return index >= len(sentence) or sentence[index] in _BREAKS


def _carries(sentence: str, index: int, things: tuple[str, ...]) -> bool:
    """The verb at ``index`` before one of ``things``, maybe after 着 / 了, an owner, a count and a
    size: 背书包, 背着孩子, 背了个大包, 背着自己的房子, 挑着两筐红薯."""
    rest = sentence[index + 1:index + 12]
    for skippable in (_CARRY_ASPECT, _CARRY_OWNER, _CARRY_COUNT, _CARRY_SIZE):
        if rest.startswith(things):
            return True
        rest = next((rest[len(p):] for p in skippable if rest.startswith(p)), rest)
    return rest.startswith(things)


def _ba_in_clause(sentence: str, index: int) -> bool:
    """A 把 at most eight characters before ``index`` with no punctuation between them."""
    return "把" in _clause_before(sentence, index)[-8:]


def _reduplicated(sentence: str, target: Target) -> bool:
    """The verb at the target said twice, as one word (量量) or as two words of its own (数|数);
    not 代数|数 or 天主教|教会, where one of the two ends a longer word."""
    index, char = target.index, sentence[target.index]
    if target.word == char * 2:
        return True
    if target.word != char:
        return False
    before_alone = index >= 1 and sentence[index - 1] == char and index - 1 in target.bounds
    after_alone = sentence[index + 1:index + 2] == char and sentence[index + 2:index + 3] != "子"  # not 扇|扇子
    return before_alone or after_alone


def _tried_out(sentence: str, index: int) -> bool:
    """The verb at ``index`` in 数一数 / 数了数 (either one) or 数一下."""
    char = sentence[index]
    nxt = sentence[index + 1:index + 3]
    prev = sentence[max(0, index - 2):index]
    return nxt in (f"一{char}", f"了{char}", "一下") or prev in (f"{char}一", f"{char}了")


_MORNING_NEXT = frozenset("霞晖露夕气暮")
_PLACE_SUFFIX = frozenset("区门路市县街镇村乡站桥寺园院里沟山")


def _is_morning(sentence: str, index: int) -> bool:
    after = sentence[index + 1:index + 2]
    if after in _MORNING_NEXT or (index > 0 and sentence[index - 1] == "今"):
        return True
    return after == "阳" and sentence[index + 2:index + 3] not in _PLACE_SUFFIX \
        and sentence[index + 2:index + 3] != "" and not sentence[index + 2:index + 3].isspace() \
        and (index == 0 or sentence[index - 1] in "的轮一" or sentence[index - 1] in _BREAKS)
