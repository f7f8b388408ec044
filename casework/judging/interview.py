"""Judging an interview with a scripted client: the learner's questions, replayed.

The answer is the transcript as the learner wrote it: one line per thing said to the person
(a ``%%답`` cell in an exercise, the saved questions of the chapter widget). The replies are never
read from the answer: :class:`casework.conversation.Interview` recomputes them from the client
file and the seed, so a transcript cannot forge what the person said. The verdict (a teaching
rule of the workbook): the share of the client's facts learned is the score, and an interview
that learned at least the client's ``pass_share`` (80 % unless the file says otherwise) without
the person closing down is *correct*. The 확인 step shows the conversation turn by turn with a
light cue on each question, the facts learned, how many were missed (their content only at 풀이),
the questioning mistakes by kind, Biestek's principles kept and broken with the turns that showed
them, and the share of turns spent listening.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from casework.judging import rubric
from casework.judging.answers import answer_lines, is_unanswered, strip_bullet, unanswered_hint
from casework.judging.feedback import Feedback, Status

__all__ = [
    "INTERVIEW_HINTS",
    "SIMULATION_NOTE",
    "Transcript",
    "interview_summary",
    "judge_interview",
    "read_transcript",
    "run_interview",
    "turn_cue",
]

INTERVIEW_HINTS = (
    "'어떻게', '어떤', '무엇이'로 한 번에 하나씩 열어 물으면 당사자가 자기 말로 길게 이야기합니다.",
    ("당사자가 한 말을 '~셨군요', '~다는 말씀이시죠'처럼 돌려주거나 '많이 힘드셨겠어요'처럼 알아주면, "
     "당사자는 묻지 않은 이야기까지 꺼냅니다. 면접의 80%는 듣는 일입니다."),
    "'왜 그러셨어요?'처럼 따지거나, '~하셔야 해요'처럼 가르치면 당사자는 입을 닫습니다.",
)

SIMULATION_NOTE = (
    "이 당사자는 워크북이 파일로 정해 둔 대답만 하는 연습 상대입니다. 질문은 낱말과 말끝을 워크북의 규칙 표와 견주어 "
    "읽으므로 틀릴 수 있고, 목소리·표정·침묵, 말의 속뜻, 질문이 그 사람에게 맞는지는 판단하지 못합니다."
)

_SELF = re.compile(r"^(?:나|저|질문|사회복지사|사례관리자|주무관|담당자|학습자)\s*[:：]\s*")
_OTHERS = ("당사자", "대답", "답", "내담자", "클라이언트")


@dataclass(frozen=True)
class Transcript:
    """The lines read as things said to the person, and what was left out."""

    lines: tuple[str, ...]
    replies_skipped: int = 0
    cut_after: int = 0


def read_transcript(answer: object, client) -> Transcript:
    """The learner's lines: one per turn, without bullets, speaker labels, notes or the person's replies.

    A line that starts with the person's label ("어르신:", "당사자:", "→") is a copied reply and is
    skipped. Lines past the client's ``max_turns`` + 1 are not read (the person has left by then).
    """
    if isinstance(answer, (list, tuple)):
        raw = [str(x) for x in answer if isinstance(x, str) and x.strip()]
    else:
        raw = answer_lines(answer)
    others = {*_OTHERS, client.person.role, *(f"{n} {client.person.role}" for n in client.person.names), *client.person.names}
    lines: list[str] = []
    skipped = 0
    limit = client.max_turns + 1
    cut_after = 0
    for line in raw:
        line = strip_bullet(line)
        if line.startswith(("→", "->", "⇒", "(")):
            skipped += 1
            continue
        label, sep, _ = line.partition(":") if ":" in line[:20] else line.partition("：")
        if sep and label.strip() in others:
            skipped += 1
            continue
        line = _SELF.sub("", line).strip()
        if not line:
            continue
        if len(lines) >= limit:
            cut_after = limit
            break
        lines.append(line)
    return Transcript(tuple(lines), skipped, cut_after)


def run_interview(answer: object, client, seed: int):
    """The interview the learner's lines make with this client and seed (replies recomputed)."""
    from casework.conversation import Interview

    return Interview.replay(client, seed, read_transcript(answer, client).lines)


# --------------------------------------------------------------------------- one turn

_CUE = {
    "LEADING": "답을 정해 두고 묻는 말투로 들립니다. 당사자는 사실과 달라도 '네'라고 맞춰 주기 쉽습니다.",
    "BAD_TIMING": "당사자가 마음이 실린 이야기를 꺼낸 바로 뒤입니다. 알아주는 말 없이 다음 질문으로 넘어갔습니다.",
    "CLOSED_WHEN_INFO_NEEDED": "'예/아니오'로 끝날 수 있는 질문이라 짧은 대답만 돌아옵니다.",
    "MULTIPLE": "한 번에 여러 가지를 물었습니다. 당사자는 보통 마지막 것에만 짧게 답합니다.",
    "COMPLEX": "길거나 어려운 말이 있어 답하기 어려운 질문입니다.",
    "WHY_INTERROGATION": "지난 일을 두고 따지는 말로 들립니다.",
}


def turn_cue(turn) -> str:
    """A short Korean note on one thing the learner said (the 확인 step; it reveals no fact)."""
    notes: list[str] = []
    if turn.rule in ("gone", "leaving"):
        return ""
    if turn.rule == "unreadable":
        return "한국어 문장으로 읽을 수 없어 당사자가 알아듣지 못했습니다."
    for mistake in turn.mistakes:
        notes.append(f"[{mistake.value}] {_CUE[mistake.name]}")
    for principle in turn.broken:
        notes.append(f"[{principle.value}] 이 원칙을 어기는 말로 들립니다.")
    if turn.rule == "misheard":
        notes.append("되비추기를 했지만 당사자가 방금 한 말과 닿지 않습니다.")
    elif turn.listening and not notes:
        notes.append("들은 말을 돌려주거나 알아주는 말(듣기)입니다.")
    if any(name == "rapid" for name, _ in turn.effects):
        notes.append("듣는 말 없이 질문만 이어져 당사자가 지쳐 갑니다.")
    for principle in turn.kept:
        notes.append(f"[{principle.value}] 이 원칙을 지키는 말입니다.")
    return " ".join(notes)


# --------------------------------------------------------------------------- the whole interview


def _turn_list(numbers: list[int]) -> str:
    return ", ".join(str(n) for n in numbers) + "번째"


def interview_summary(interview) -> dict[str, Any]:
    """Counts and turn numbers the feedback is built from (also what a widget shows)."""
    turns = [t for t in interview.turns if t.rule not in ("gone", "leaving")]
    mistakes: dict[object, list[int]] = defaultdict(list)
    kept: dict[object, list[int]] = defaultdict(list)
    broken: dict[object, list[int]] = defaultdict(list)
    for t in turns:
        for m in t.mistakes:
            mistakes[m].append(t.number)
        for p in t.kept:
            kept[p].append(t.number)
        for p in t.broken:
            broken[p].append(t.number)
    listening = [t.number for t in turns if t.listening]
    mine = sum(len(t.question) for t in turns)
    theirs = len(interview.opening) + sum(len(t.reply) for t in turns)
    closed_at = next((t.number for t in interview.turns if t.rule == "closing"), None)
    return {
        "turns": len(turns), "found": len(interview.told), "total": len(interview.client.facts),
        "mistakes": dict(mistakes), "kept": dict(kept), "broken": dict(broken), "listening": listening,
        "talk_share": theirs / (theirs + mine) if theirs + mine else 0.0, "closed_at": closed_at,
    }


def _conversation_points(interview) -> list[str]:
    who = interview.person.called
    points = [f"처음 — {who}: “{interview.opening}”"]
    for t in interview.turns:
        cue = turn_cue(t)
        points.append(f"{t.number}번째 — 나: “{t.question}” → {who}: “{t.reply}”" + (f" ({cue})" if cue else ""))
    return points


def _found_points(interview, s: dict) -> list[str]:
    points = []
    found = interview.facts_found()
    if found:
        points.append(f"알아낸 것({len(found)}가지): " + "; ".join(f.summary for f in found))
    missed = s["total"] - s["found"]
    if missed:
        points.append(f"아직 알아내지 못한 것: {missed}가지. 무엇인지는 '풀이'에서 볼 수 있습니다.")
    return points


def _manner_points(s: dict) -> list[str]:
    from casework.listening import Principle
    from casework.questions import QuestionMistake

    points = []
    if s["mistakes"]:
        parts = [f"{m.value} {len(n)}번({_turn_list(n)})" for m, n in
                 sorted(s["mistakes"].items(), key=lambda kv: list(QuestionMistake).index(kv[0]))]
        points.append("질문의 실수: " + "; ".join(parts) + ".")
    else:
        points.append("질문할 때 흔히 하는 실수는 보이지 않았습니다.")
    order = list(Principle)
    if s["kept"]:
        points.append("지킨 관계 원칙: " + "; ".join(
            f"{p.value}({_turn_list(n)})" for p, n in sorted(s["kept"].items(), key=lambda kv: order.index(kv[0]))) + ".")
    if s["broken"]:
        points.append("어긴 관계 원칙: " + "; ".join(
            f"{p.value}({_turn_list(n)})" for p, n in sorted(s["broken"].items(), key=lambda kv: order.index(kv[0]))) + ".")
    if s["turns"]:
        share = len(s["listening"]) / s["turns"]
        points.append(
            f"듣는 말(되비추기·요약·공감)을 한 차례: {len(s['listening'])}/{s['turns']}({share:.0%}). "
            f"당사자가 말한 분량: 전체의 {s['talk_share']:.0%}. 교재는 면접의 20%는 묻고 80%는 듣는 것이라고 합니다."
        )
    return points


def _hints(interview) -> tuple[str, ...]:
    from casework.topics import topic_label

    asked = {topic for t in interview.turns for topic in t.topics}
    waiting = []
    for fact in interview.facts_missed():
        for topic in fact.topics:
            if topic not in asked and topic not in waiting:
                waiting.append(topic)
    hints = list(INTERVIEW_HINTS)
    if waiting:
        hints.insert(0, "아직 묻지 않은 이야깃거리: " + ", ".join(topic_label(t) for t in waiting) + ".")
    return tuple(hints)


def _solution(interview) -> str:
    client = interview.client
    missed = interview.facts_missed()
    parts = []
    if missed:
        parts.append("놓친 사실: " + "; ".join(f.summary for f in missed) + ".")
    parts.append("모범 질문의 예: " + " / ".join(client.model_interview))
    if client.needs:
        parts.append("이 사람의 욕구(예): " + ", ".join(client.needs) + ".")
    return " ".join(parts)


def judge_interview(answer: object, client, seed: int) -> Feedback:
    """The verdict on a whole interview: facts learned, mistakes, principles and listening."""
    if is_unanswered(answer):
        return Feedback.unanswered(
            unanswered_hint(answer, "당사자에게 건넬 말을 한 줄에 하나씩 적어 보세요. 예: 요즘 어떻게 지내세요?"),
            hints=INTERVIEW_HINTS)
    transcript = read_transcript(answer, client)
    if not transcript.lines:
        return rubric.wrong("당사자에게 한 말이 없습니다.", (
            ("답 칸에는 내가 당사자에게 한 말만 한 줄에 하나씩 적습니다. 당사자의 대답은 적지 않아도 "
             "다시 계산됩니다."),)).with_ladder(INTERVIEW_HINTS)
    from casework.conversation import Interview

    interview = Interview.replay(client, seed, transcript.lines)
    s = interview_summary(interview)
    share = s["found"] / s["total"]
    summary = (f"사실 {s['total']}가지 가운데 {s['found']}가지를 알아냈습니다({share:.0%})." if s["found"] else
               f"사실 {s['total']}가지 가운데 아직 하나도 알아내지 못했습니다.")
    if s["closed_at"]:
        summary += f" {interview.person.called}께서 {s['closed_at']}번째 차례에 이야기를 그만두셨습니다."
    points = _conversation_points(interview) + _found_points(interview, s) + _manner_points(s)
    if transcript.replies_skipped:
        points.append(f"당사자의 대답처럼 보이는 줄 {transcript.replies_skipped}개는 읽지 않았습니다. 대답은 적지 않아도 "
                      "워크북이 다시 계산합니다.")
    if transcript.cut_after:
        points.append(f"면접은 {client.max_turns}차례까지입니다. 앞의 {transcript.cut_after}줄만 읽었습니다.")
    points.append(SIMULATION_NOTE)
    hints, solution = _hints(interview), _solution(interview)
    if share >= client.pass_share and not interview.closed_down:
        verdict = rubric.right(summary, points)
    elif s["found"] == 0:
        verdict = rubric.wrong(summary, points)
    else:
        verdict = Feedback(Status.PARTIAL, summary, tuple(points), min(round(share, 4), 0.99))
    return verdict.with_ladder(hints, solution)
