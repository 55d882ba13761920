"""The words of a match result, which make two numbers a score read with 比.

A-B reads 到 and A:B a clock time elsewhere; next to these words they are a score: ``3-1战胜`` →
三比一战胜 (the range rule in :mod:`quantities`), ``羽毛球打到21:19才赢`` → 二十一比十九 (the
time rule in :mod:`dates_times`). Scores listed together share the words (6-4、7-5击败). A colon
that cannot be a time (``11:9``, ``25:23``) is read 比 by the ratio rule anyway.
"""

from __future__ import annotations

import re

# Words that report a result; before or after A-B or A:B they make it a score.
RESULT_WORDS = "不敌|战胜|击败|负于|获胜|取胜|落败|惜败|大胜|险胜|完胜|力克|战平|打平|逆转|告负"

# Scores listed together share the words of the result: those after the last one (6-4、7-5击败
# 六比四、七比五) and those before the first (比分定格在6-4、7-5).
_SCORE_ITEM = r"[0-9]{1,3}\s?[-—:：]\s?[0-9]{1,3}"
_SCORE_JOINER = r"\s?[、，,和]\s?"
_SCORE_LIST_REST = re.compile(rf"(?:{_SCORE_JOINER}{_SCORE_ITEM}(?![0-9]))*")
_SCORE_LIST_HEAD = re.compile(rf"(?<![0-9.])(?:{_SCORE_ITEM}{_SCORE_JOINER})+$")
_SCORE_LIST_HEAD_WIDTH = 30

_CLAUSE_GAP = r"[^，。！？；,.!?;0-9]"
# Before A:B written like a clock time: a score named or a result (比分定格在21:19), a lead, a
# team scoring (中国队以21:19), a game of a match (第一局21:19, 决胜局), and 打到 / 打成 after a
# ball game or a game (羽毛球打到21:19 — but 游戏打到23:45才睡 stays a time).
_CLOCK_SCORE_BEFORE = re.compile(
    rf"(?:比分|{RESULT_WORDS}|领先|落后|打成|战成|队以|(?:第[一二三四五六七0-9]|首|决胜|这|本|该)[局盘]"
    rf"|(?:球|局|盘|赛)(?:又|就|才|一直|最终)?打到){_CLAUSE_GAP}{{0,3}}$"
)
_CLOCK_SCORE_BEFORE_WIDTH = 12
# After it: a result, a win or a loss (21:19才赢, 21:19拿下第一局, 以21:19的比分获胜 — but
# 截至21:45的比分 is a time).
_WIN_OR_LOSS = rf"{RESULT_WORDS}|赢|输了|输给|输掉|拿下|胜出|扳平|领先|落后"
_CLOCK_SCORE_AFTER = re.compile(
    rf"(?:又|就|才|再|终于|最终|险|的比分{_CLAUSE_GAP}{{0,2}})?(?:{_WIN_OR_LOSS})"
)


# A time word shortly before A:B makes it a clock time even beside a win or a loss (他晚上10:30才赢,
# 他在21:30输给了对手, 比赛于北京时间今晚22:10拿下首局) — unless the words before it name a score
# (比分定格在21:19, 羽毛球打到21:19才赢: 打到 is no time word).
_TIME_WORD_BEFORE = re.compile(
    rf"(?:晚上|今晚|明晚|昨晚|傍晚|北京时间|当地时间|上午|下午|凌晨|早上|中午|在|于|截至|(?<!打)到|从)"
    rf"{_CLAUSE_GAP}{{0,2}}$"
)
_TIME_WORD_BEFORE_WIDTH = 8


def score_list_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the list of scores that ``text[start:end]`` belongs to (6-4、7-5) starts and ends;
    ``(start, end)`` for a score on its own."""
    head = _SCORE_LIST_HEAD.search(text, max(0, start - _SCORE_LIST_HEAD_WIDTH), start)
    rest = _SCORE_LIST_REST.match(text, end)
    return (start if head is None else head.start()), (end if rest is None else rest.end())


def is_clock_score(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]``, written like a clock time (21:19), is a score: the words of
    a match result stand just before it or after it, or around the list of scores it is in
    (21:19、21:17战胜); not when only a win or a loss follows and a time word stands shortly
    before it (他晚上10:30才赢)."""
    first_start, last_end = score_list_bounds(text, start, end)
    if _CLOCK_SCORE_BEFORE.search(
            text, max(0, first_start - _CLOCK_SCORE_BEFORE_WIDTH), first_start) is not None:
        return True
    if _TIME_WORD_BEFORE.search(
            text, max(0, first_start - _TIME_WORD_BEFORE_WIDTH), first_start) is not None:
        return False
    return _CLOCK_SCORE_AFTER.match(text, last_end) is not None
