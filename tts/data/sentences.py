"""A seeded generator of natural-ish Mandarin sentences that covers the whole phoneme inventory.

Sentences come from templates (``{time}，{person}在{place}{activity}。``) filled from built-in word
lists. The lists deliberately hold words with the rare finals (``iong ve vn van ua uai o er E En``)
and every slot is filled by drawing a few candidates and keeping the one whose rarest unit
(initial, final or tone) has been used least so far, so coverage grows evenly: at 2,000
sentences (seed 0) the rarest unit, the final En, occurs about 200 times. Same seed → same
sentences, and the first ``n`` sentences never depend on how many are asked for.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from typing import Callable, Iterator

from tts.text.pinyin import syllable_to_phones
from tts.text.symbols import FINALS, INITIALS

MIN_CHARS = 6  # Han characters per sentence, punctuation not counted
MAX_CHARS = 25
CANDIDATES_PER_SLOT = 3  # words drawn per slot; the one with the least-covered unit wins

TEMPLATES: tuple[str, ...] = (
    "{time}，{person}在{place}{activity}。",
    "{person}{degree}喜欢{activity}。",
    "{person}觉得{noun}{degree}{adj}。",
    "{place}有{counted}。",
    "{person}{time}{want}去{place}{activity}。",
    "{person}买了{counted}，{degree}{adj}。",
    "{person}问{person2}：{noun}在哪里？",
    "{time}的{place}{degree}{adj}啊！",
    "{person}正在{place}{activity}呢。",
    "{person}和{person2}一起{activity}。",
    "你{time}要不要{activity}？",
    "{person}把{noun}送给了{person2}。",
    "{person}的{noun}是{color}的。",
    "如果{time}下雨，{person}就在家{activity}。",
    "{person}一边{activity}，一边{activity2}。",
    "{person}说{noun}{degree}{adj}，{person2}也这么觉得。",
    "{person}不想{activity}，{person2}也不想。",
    "{person}已经{activity}了。",
    "{person}每天{daytime}都{activity}。",
    "别{activity}了，{person}在等你呢。",
    "{person}{manner}{activity}，{person2}在旁边看着。",
    "{this}{degree}{adj}，我很喜欢。",
    "{person}从{place}回来了，{degree}{feeling}。",
    "{person}是不是{time}去{place}了？",
    "{place}的{noun}{degree}{adj}。",
    "{time}，{place}的{noun}都不见了！",
    "{person}听说{place}有很多{noun}。",
    "请你帮{person}{activity}，好吗？",
    "{person}为什么不{activity}呢？",
    "{daytime}的时候，{person}{manner}{activity}。",
    "{person}{want}{activity}，可是{degree}{feeling}。",
    "虽然{degree}{feeling}，{person}还是去{place}{activity}了。",
)

PEOPLE: tuple[str, ...] = (
    "我", "你", "他", "她", "我们", "他们", "老师", "妈妈", "爸爸", "哥哥", "姐姐", "妹妹",
    "弟弟", "爷爷", "奶奶", "小明", "小红", "王阿姨", "李叔叔", "邻居", "同学们", "医生", "司机",
    "我女儿", "她儿子", "表哥", "小伙子", "老奶奶", "孩子们", "那位英雄", "我兄弟", "校长",
    "运动员", "船长", "作家", "农民", "厨师", "记者", "队长", "月月", "小熊", "老婆婆", "伯伯",
    "外婆", "舅舅", "小雪", "云云", "小军", "小帅", "少年", "女孩", "男孩", "村长", "穷书生",
    "音乐家", "画家", "工人", "售货员", "导游", "律师", "教练", "游客", "小朋友", "学生们",
)
TIMES: tuple[str, ...] = (
    "今天", "昨天", "明天", "今天早上", "昨天晚上", "明天下午", "周末", "夏天", "秋天", "春天",
    "冬天", "每年夏天", "刚才", "夜里", "上个月", "下个月", "有一天", "月底", "中午", "傍晚",
    "半夜", "去年", "后年", "前天", "星期三", "元旦", "假期里", "国庆节", "下雪的时候", "月初",
    "下午", "晚上", "清早", "这几天", "那年冬天", "暑假", "寒假", "过年的时候",
)
DAYTIMES: tuple[str, ...] = ("早上", "中午", "下午", "晚上", "傍晚", "夜里", "清晨", "午饭后")
PLACES: tuple[str, ...] = (
    "公园", "学校", "家里", "河边", "花园", "山上", "博物馆", "火车站", "村子", "野外", "超市",
    "森林", "广场", "医院", "图书馆", "动物园", "海边", "操场", "厨房", "院子", "窗户旁边",
    "大街上", "教室", "饭馆", "银行", "机场", "剧院", "菜市场", "游泳池", "体育馆", "小区",
    "农村", "郊外", "湖边", "草原", "沙漠", "树林", "桥上", "楼下", "车站", "邮局", "音乐厅",
    "熊猫基地", "军营", "云南", "花园小区", "学院", "乐园", "月亮湾", "元宝山", "雪山", "瓜田",
    "外滩", "远方", "寺庙", "画廊", "酒店", "快餐店", "怀柔", "广元", "宣城", "雄安", "琼海",
)
ACTIVITIES: tuple[str, ...] = (
    "看书", "唱歌", "跳舞", "散步", "吃西瓜", "喝热茶", "写作业", "画画", "刷牙", "打篮球",
    "买水果", "学音乐", "训练", "做运动", "听音乐", "休息", "看月亮", "找钥匙", "选礼物", "种花",
    "拍照片", "洗衣服", "划船", "骑自行车", "踢足球", "准备考试", "读小说", "研究语言",
    "打扫房间", "包饺子", "放风筝", "看熊猫", "喂小鸟", "练书法", "写日记", "弹钢琴",
    "拉小提琴", "爬山", "游泳", "钓鱼", "看云彩", "抓蝴蝶", "擦玻璃", "摸小猫", "握手", "聊天",
    "喝酸奶", "吃烤鸭", "买裙子", "收拾行李", "缝衣服", "捡树叶", "堆雪人", "看烟花", "追蝴蝶",
    "晒太阳", "煮米饭", "切西瓜", "挑选颜色", "夸奖孩子", "参观展览", "排队买票", "修理窗户",
    "养金鱼", "表演节目", "翻译文章", "劝朋友", "寻找宝藏", "扔垃圾", "擦桌子", "刷碗",
    "学习英语", "阅读报纸", "看军队游行", "跑步", "打乒乓球", "吃快餐", "喝果汁", "编故事",
    "说笑话", "做蛋糕", "摘苹果", "浇花", "欣赏风景", "练习书法", "做作业", "看电影",
    "画熊猫", "学游泳", "选座位", "穿袜子", "耍杂技", "抓螃蟹", "挖土豆", "观察云朵", "熬粥",
    "学跳远", "玩耍", "训练小狗", "写文章", "学外语", "拍雪景", "踩水坑", "学画画",
)
NOUNS: tuple[tuple[str, str], ...] = (  # (noun, its classifier)
    ("熊猫", "只"), ("西瓜", "个"), ("雪花", "片"), ("云彩", "朵"), ("筷子", "双"),
    ("玻璃杯", "个"), ("铅笔", "支"), ("眼镜", "副"), ("树叶", "片"), ("钥匙", "把"),
    ("手机", "部"), ("书包", "个"), ("裙子", "条"), ("自行车", "辆"), ("蛋糕", "块"),
    ("苹果", "个"), ("面包", "块"), ("饺子", "盘"), ("衣服", "件"), ("房子", "座"),
    ("小狗", "只"), ("小鸟", "只"), ("蝴蝶", "只"), ("汽车", "辆"), ("礼物", "份"),
    ("照片", "张"), ("雨伞", "把"), ("耳机", "副"), ("椰子", "个"), ("小船", "条"),
    ("金鱼", "条"), ("花瓶", "个"), ("袜子", "双"), ("报纸", "份"), ("杂志", "本"),
    ("小说", "本"), ("地图", "张"), ("帽子", "顶"), ("围巾", "条"), ("手表", "块"),
    ("橘子", "个"), ("葡萄", "串"), ("鸡蛋", "个"), ("牛奶", "瓶"), ("酸奶", "瓶"),
    ("咖啡", "杯"), ("桌子", "张"), ("椅子", "把"), ("沙发", "张"), ("电脑", "台"),
    ("钢琴", "架"), ("风筝", "只"), ("气球", "个"), ("星星", "颗"), ("石头", "块"),
    ("贝壳", "个"), ("窗花", "张"), ("花裙子", "条"), ("熊宝宝", "只"), ("月饼", "块"),
    ("元宵", "碗"), ("军帽", "顶"), ("靴子", "双"), ("卷尺", "把"), ("圆规", "个"),
    ("快递", "个"), ("筷子筒", "个"), ("挂钟", "个"), ("耳环", "对"), ("画册", "本"),
    ("雪糕", "根"), ("西瓜汁", "杯"), ("窝头", "个"), ("馒头", "个"), ("被子", "床"),
    ("乐谱", "本"), ("椰子糖", "颗"), ("烟花", "盒"), ("胸针", "枚"), ("琼脂", "块"),
    ("拖鞋", "双"), ("刷子", "把"), ("瓜子", "包"), ("香蕉", "根"), ("大象", "头"),
)
ADJECTIVES: tuple[str, ...] = (
    "快乐", "漂亮", "奇怪", "可爱", "雄伟", "安静", "热闹", "干净", "新鲜", "暖和", "凉快",
    "舒服", "好看", "好吃", "便宜", "冷", "热", "远", "乖", "帅", "圆", "软", "酸", "甜",
    "均匀", "宽", "窄", "轻", "重", "短", "厚", "薄", "亮", "黑", "胖", "瘦", "香", "脆",
    "酷", "旧", "坏", "勇敢", "温柔", "认真", "聪明", "幽默", "活泼", "优秀", "特别", "普通",
    "有趣", "精彩", "整齐", "雪白", "金黄", "碧绿", "宽阔", "遥远", "熟悉", "圆润", "美味",
    "完美", "古怪", "灵活", "怀旧", "柔软", "雄壮", "别致", "乖巧", "时髦",
)
FEELINGS: tuple[str, ...] = (
    "累", "高兴", "困", "饿", "渴", "开心", "快乐", "难过", "紧张", "失望", "兴奋", "感动",
    "委屈", "无聊", "着急", "害怕", "疲倦", "满足", "愉快", "窘迫",
)
DEGREES: tuple[str, ...] = (
    "很", "非常", "特别", "真", "有点", "比较", "十分", "挺", "太", "越来越", "格外", "相当",
)
COLORS: tuple[str, ...] = (
    "红色", "黄色", "绿色", "蓝色", "白色", "黑色", "紫色", "灰色", "粉色", "橙色", "金色",
    "银色", "咖啡色", "雪白色", "乳白色",
)
NUMBERS: tuple[str, ...] = (
    "一", "两", "三", "四", "五", "六", "七", "八", "九", "十", "几", "好几", "二十", "十二",
)
WANTS: tuple[str, ...] = (
    "想", "打算", "准备", "喜欢", "愿意", "决定", "计划", "希望", "要", "总是", "常常", "偶尔",
)
MANNERS: tuple[str, ...] = (  # adverbs without 地, whose reading (de5 / di4) pypinyin guesses wrong
    "慢慢", "悄悄", "默默", "高高兴兴", "认真", "轻轻", "仔细", "耐心", "努力", "开开心心",
    "安安静静", "偷偷", "静静",
)

_SLOT_RE = re.compile(r"\{(\w+)\}")
_HAN_RE = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class Coverage:
    """How often each initial, final and tone of the inventory occurs (a tone once per syllable)."""

    initials: dict[str, int] = field(default_factory=lambda: dict.fromkeys(INITIALS, 0))
    finals: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FINALS, 0))
    tones: dict[int, int] = field(default_factory=lambda: dict.fromkeys(range(1, 6), 0))

    def add_syllable(self, syllable: str) -> None:
        """Count one tone-numbered pinyin syllable (``"xiong2"``)."""
        parsed = syllable_to_phones(syllable)
        *initial, final = parsed.phones
        for phone in initial:
            self.initials[phone] += 1
        self.finals[final] += 1
        self.tones[parsed.tone] += 1

    def add_phone(self, phone: str, tone: int) -> None:
        """Count one aligned phone; a final also counts its syllable's tone. Silence is ignored."""
        if phone in self.initials:
            self.initials[phone] += 1
        elif phone in self.finals:
            self.finals[phone] += 1
            self.tones[tone] += 1

    def counts(self) -> dict[str, int]:
        """Every unit under one key space: ``I:zh``, ``F:ong``, ``T:3``."""
        return {**{f"I:{k}": v for k, v in self.initials.items()},
                **{f"F:{k}": v for k, v in self.finals.items()},
                **{f"T:{k}": v for k, v in self.tones.items()}}

    def minimum(self) -> int:
        return min(self.counts().values())

    def below(self, threshold: int) -> list[str]:
        """Units seen fewer than ``threshold`` times, e.g. ``["F:iong"]``."""
        return sorted(unit for unit, count in self.counts().items() if count < threshold)

    def to_dict(self) -> dict[str, dict[str, int]]:
        return {"initials": dict(self.initials), "finals": dict(self.finals),
                "tones": {str(k): v for k, v in self.tones.items()}}


def han_count(text: str) -> int:
    """Number of Han characters (what the 6-25 length limit counts)."""
    return len(_HAN_RE.findall(text))


def _units(syllables: list[str]) -> list[str]:
    units: list[str] = []
    for syllable in syllables:
        parsed = syllable_to_phones(syllable)
        *initial, final = parsed.phones
        units += [f"I:{p}" for p in initial] + [f"F:{final}", f"T:{parsed.tone}"]
    return units


@dataclass(frozen=True)
class Sentence:
    """A generated sentence and its pinyin (one tone-numbered syllable per Han character)."""

    text: str
    pinyin: tuple[str, ...]


class SentenceGenerator:
    """Endless, deterministic stream of template sentences steered towards even unit coverage.

    ``to_pinyin`` turns a word or sentence into tone-numbered syllables (one per Han character);
    it is the same function that later labels the audio, so coverage is counted as recorded.
    """

    def __init__(self, seed: int, to_pinyin: Callable[[str], list[str]],
                 candidates: int = CANDIDATES_PER_SLOT) -> None:
        self._rng = random.Random(seed)
        self._to_pinyin = to_pinyin
        self._candidates = candidates
        self._unit_cache: dict[str, list[str]] = {}
        self._counts: dict[str, int] = Coverage().counts()
        self._pools: dict[str, Callable[[], str]] = {
            "person": lambda: self._rng.choice(PEOPLE),
            "time": lambda: self._rng.choice(TIMES),
            "daytime": lambda: self._rng.choice(DAYTIMES),
            "place": lambda: self._rng.choice(PLACES),
            "activity": lambda: self._rng.choice(ACTIVITIES),
            "noun": lambda: self._rng.choice(NOUNS)[0],
            "counted": self._counted,
            "this": self._this,
            "adj": lambda: self._rng.choice(ADJECTIVES),
            "feeling": lambda: self._rng.choice(FEELINGS),
            "degree": lambda: self._rng.choice(DEGREES),
            "color": lambda: self._rng.choice(COLORS),
            "want": lambda: self._rng.choice(WANTS),
            "manner": lambda: self._rng.choice(MANNERS),
        }

    def _counted(self) -> str:
        noun, classifier = self._rng.choice(NOUNS)
        return self._rng.choice(NUMBERS) + classifier + noun

    def _this(self) -> str:
        noun, classifier = self._rng.choice(NOUNS)
        return self._rng.choice(("这", "那")) + classifier + noun

    def _word_units(self, word: str) -> list[str]:
        if word not in self._unit_cache:
            self._unit_cache[word] = _units(self._to_pinyin(word))
        return self._unit_cache[word]

    def _novelty(self, word: str) -> float:
        return max((1.0 / (1 + self._counts[u]) for u in self._word_units(word)), default=0.0)

    def _fill(self, slot: str, used: set[str]) -> str:
        draw = self._pools[slot.rstrip("0123456789")]
        best, best_score = "", -1.0
        for _ in range(self._candidates):
            word = draw()
            score = self._novelty(word) if word not in used else -0.5
            if score > best_score:
                best, best_score = word, score
        return best

    def _attempt(self) -> str:
        template = self._rng.choice(TEMPLATES)
        used: set[str] = set()
        filled: dict[str, str] = {}
        for slot in _SLOT_RE.findall(template):
            filled[slot] = self._fill(slot, used)
            used.add(filled[slot])
        return template.format(**filled)

    def next(self) -> Sentence:
        """The next sentence (6-25 Han characters); coverage counts are updated with it."""
        while True:
            text = self._attempt()
            if MIN_CHARS <= han_count(text) <= MAX_CHARS:
                break
        pinyin = tuple(self._to_pinyin(text))
        for unit in _units(list(pinyin)):
            self._counts[unit] += 1
        return Sentence(text, pinyin)

    def __iter__(self) -> Iterator[Sentence]:
        while True:
            yield self.next()


def generate_sentences(count: int, seed: int,
                       to_pinyin: Callable[[str], list[str]]) -> list[Sentence]:
    """The first ``count`` sentences of :class:`SentenceGenerator` ``(seed, to_pinyin)``."""
    generator = SentenceGenerator(seed, to_pinyin)
    return [generator.next() for _ in range(count)]
