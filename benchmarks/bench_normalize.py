"""Text normalization against a blind hand-written set: how many sentences read as expected.

    python benchmarks/bench_normalize.py [--data benchmarks/data/normalization_blind.tsv]
    python benchmarks/bench_normalize.py --data benchmarks/data/normalization_blind2.tsv
    python benchmarks/bench_normalize.py --data benchmarks/data/normalization_blind3.tsv
    python benchmarks/bench_normalize.py --data benchmarks/data/normalization_blind4.tsv
    python benchmarks/bench_normalize.py --data benchmarks/data/normalization_blind5.tsv
    python benchmarks/bench_normalize.py --data benchmarks/data/normalization_blind6.tsv
    python benchmarks/bench_normalize.py --data benchmarks/data/normalization_blind7.tsv
    python benchmarks/bench_normalize.py --data benchmarks/data/normalization_blind8.tsv
    python benchmarks/bench_normalize.py --data benchmarks/data/normalization_blind9.tsv
    python benchmarks/bench_normalize.py --data benchmarks/data/normalization_blind10.tsv
    python benchmarks/bench_normalize.py --data benchmarks/data/normalization_blind11.tsv
    python benchmarks/bench_normalize.py --data benchmarks/data/normalization_blind12.tsv
    python benchmarks/bench_normalize.py --data benchmarks/data/normalization_blind13.tsv
    python benchmarks/bench_normalize.py --data benchmarks/data/normalization_blind14.tsv
    python benchmarks/bench_normalize.py --data benchmarks/data/normalization_blind15.tsv
    python benchmarks/bench_normalize.py --data benchmarks/data/normalization_blind16.tsv
    python benchmarks/bench_normalize.py --data benchmarks/data/normalization_blind17.tsv
    python benchmarks/bench_normalize.py --data benchmarks/data/normalization_blind18.tsv
    python benchmarks/bench_normalize.py --data benchmarks/data/normalization_blind19.tsv
    python benchmarks/bench_normalize.py --data benchmarks/data/normalization_blind20.tsv
    python benchmarks/bench_normalize.py --data benchmarks/data/normalization_blind21.tsv

Each line of the set is a sentence with digits and symbols (dates, times, money, units, ranges,
scores, phone and serial numbers, versions, e-mail addresses, URLs) and the fully spoken forms a
careful announcer would say, alternatives separated by `` || ``. The set keeps Latin letters as
written (NBA, iPhone, GB); they are spelled the project's way
(:func:`tts.text.normalize.latin.spell`) on the expected side before comparing, so the set judges
the numbers and symbols around them; Greek letters likewise (π). Full-width forms are folded (NFKC),
〇 counts as 零; spaces and punctuation (never read aloud: brackets, ·, the hyphen of Wi-Fi) are
ignored, so the set judges the words. Prints the count read as expected, every miss, and the speed of ``normalize``.
The second set (``normalization_blind2.tsv``) holds harder formats: stock codes, signed changes,
blood pressures, document numbers, internet numbers, date and time ranges, math symbols; the
third (``normalization_blind3.tsv``) everyday chat: 二 or 两, codes and IDs, heights, games,
dates known by their numbers, generations; the fourth (``normalization_blind4.tsv``) recipes,
health, product specifications, sports, weather and travel (2汤匙, 6.1mmol/L, 8GB+256GB, 3局2胜,
318国道, G1234次); the fifth (``normalization_blind5.tsv``) finance, law, science and history
(2024财年, 〔2023〕15号, 3×10⁸米/秒, 图3-1, 师生比1:18, 在位61年); the sixth
(``normalization_blind6.tsv``) messy web and app text (85折, 时间：18:45, 29:59后, TOP100, 1080P, 2333); the
seventh (``normalization_blind7.tsv``) official documents and statistics (7.1:38.3:54.6, ISO 9001, 3#楼, 歼-20,
3金2银1铜, 08号座位); the eighth (``normalization_blind8.tsv``) live commentary and services (6:00,
K123+500, 第2024035期, 010-6512 3456, 3楼301会议室); the ninth (``normalization_blind9.tsv``) maths,
science and computing (x²-4=0, 1/2+1/3=5/6, △ABC≌△DEF, |-5|, 10Ω); the tenth
(``normalization_blind10.tsv``) bills, receipts and service messages (余额-¥126.40, 积分+200, 12-05 22:18); the
eleventh (``normalization_blind11.tsv``) encyclopedia and history text (公元25年, 康熙61年, 鲁迅（1881—1936）, [1],
第II卷, 碳-14, 邮政编码100871, ISBN, +86, 波音747); the twelfth (``normalization_blind12.tsv``) medicine and
health records (40mg/(kg·d), 胰岛素8U, 400IU, 56U/L, 孕28周+3天, 转8021, 15.1/10万); the thirteenth
(``normalization_blind13.tsv``) addresses, navigation and logistics (5-2-301, 1单元1102, 京A·12345, 地下2层, 12-06送达);
the fourteenth (``normalization_blind14.tsv``) technology, gadgets and games (RTX 4090, Node.js 20, localhost:3000,
10w+, 时长3:24, 2.4G/5G, i9-14900K); the fifteenth (``normalization_blind15.tsv``) finance and market news
(工商银行（601398）, USD/CNY, 2024H1, 23国债01, BBB-, T-1, 卖出2手); the sixteenth (``normalization_blind16.tsv``)
sport and fitness (4-3晋级, 2:01:09夺冠, 3'45", 5'30"/km, -60kg级, 3分球5/12, 4x400米); the seventeenth
(``normalization_blind17.tsv``) weather, environment and farming (距平-1.5℃, 1#泵站, N:P:K为15:15:15, kg/hm²); the
eighteenth (``normalization_blind18.tsv``) education and exams (GPA 3.8/4.0, 选修3-1, 23级新生, 6.7—6.8全国高考, 2学分); the
nineteenth (``normalization_blind19.tsv``) home life, recipes, appliances and shopping (型号BCD-520W, 220V/50Hz, 满99-10, 175/92A);
the twentieth (``normalization_blind20.tsv``) entertainment and social media (5.1档, 《2046》, ¥380/480/680, 9:16竖屏); the
twenty-first (``normalization_blind21.tsv``) real estate and housing (18/32层, 2.8元/㎡·月, 11#-15#楼, LPR-20BP); the
twenty-second (``normalization_blind22.tsv``) law, government and statistics ((2023)京0105民初1234号, 国办发〔2024〕12号, 7.1:38.3:54.6, 12123交管App); the
twenty-third (``normalization_blind23.tsv``) science and engineering (3.0×10^8 m/s, mol·L⁻¹, J/(kg·℃), ³²P, 23°26′N, R², 10×); the
twenty-fourth (``normalization_blind24.tsv``) photography, music and audio (4/4拍, Op.27 No.2, #F小调, 48kHz/24bit, ISO 100-6400);
the twenty-fifth (``normalization_blind25.tsv``) farming and food industry (复合肥（15-15-15）, 郑单958, NY 525-2021, 52%vol).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

DATA = REPO / "benchmarks" / "data" / "normalization_blind.tsv"


def load_cases(path: Path = DATA) -> list[tuple[str, list[str]]]:
    """(input, its acceptable spoken forms) for every data line of the set."""
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            source, expected = line.split("\t")
            cases.append((source, [a.strip() for a in expected.split(" || ")]))
    return cases


def _is_punctuation(char: str) -> bool:
    """Punctuation is never read aloud (brackets, ·, the 。 of a list's 1.); the set judges words."""
    return unicodedata.category(char).startswith("P")


def canonical(text: str) -> str:
    """Fold what the set leaves open: full-width forms, 〇, spaces, punctuation, and Latin and Greek
    letters (spelled)."""
    from tts.text.normalize.latin import spell

    from tts.text.normalize.latin import GREEK

    text = unicodedata.normalize("NFKC", text).replace("〇", "零")
    text = re.sub(r"[A-Za-z]+(?:-[A-Za-z]+)*", lambda m: spell(m.group()), text)  # before punctuation goes: Ca(OH) is Ca and OH
    text = "".join(GREEK.get(c, c) for c in text if not _is_punctuation(c))  # π, 〔2023〕, 公式(2), ·
    return text.replace(" ", "")


def misses(cases: list[tuple[str, list[str]]]) -> list[tuple[str, str, str]]:
    """(input, our reading, the first expected reading) for each case read otherwise."""
    from tts.text.normalize import normalize

    out = []
    for source, expected in cases:
        got = normalize(source)
        if canonical(got) not in {canonical(e) for e in expected}:
            out.append((source, got, expected[0]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    from tts.text.normalize import normalize

    cases = load_cases(args.data)
    wrong = misses(cases)
    print(f"read as expected: {len(cases) - len(wrong)}/{len(cases)}")
    for source, got, want in wrong:
        print(f"  miss: {source}\n        got  {got}\n        want {want}")
    sources = [source for source, _ in cases]
    start = time.perf_counter()
    for _ in range(20):
        for source in sources:
            normalize(source)
    elapsed = time.perf_counter() - start
    print(f"normalize: {20 * len(sources) / elapsed:,.0f} sentences/s (one thread)")


if __name__ == "__main__":
    main()
