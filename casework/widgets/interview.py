"""Chapter 04's interview practice: type a question, read the scripted client's reply.

Wiring only. The replies come from :class:`casework.conversation.Interview` (the client file and
the seed), each question's short cue and the end-of-interview verdict from
:mod:`casework.judging.interview`, and the need and goal written afterwards from the same
``judge_need`` and ``judge_goal`` as everywhere else. The questions asked are saved in the
learner's progress file after every question (:meth:`casework.widgets.base.Ladder.keep`); when the
widget is made again they are replayed, which gives back the same replies.
"""

from __future__ import annotations

import html

import ipywidgets as w

from casework.client import load_client, render
from casework.conversation import MAX_LINE, Interview, Turn
from casework.errors import CaseworkError
from casework.judging.goals import judge_goal
from casework.judging.interview import judge_interview, turn_cue
from casework.judging.needs import judge_need
from casework.widgets.base import checked_box, with_attrs
from casework.widgets.quiz import text_checker

__all__ = ["interview_feedback", "interview_widget"]

_BOX = "border:1px solid #ddd;border-radius:6px;padding:8px 10px;margin:4px 0;text-align:left"


def _intro_html(interview: Interview) -> str:
    client, values = interview.client, interview.person.values
    return (f"<div style='{_BOX};background:#f7f7f7'><b>{html.escape(client.title)}</b><br>"
            f"{html.escape(render(client.setting, values))}<br>"
            f"<span style='color:#555'>면접 전에 아는 것: {html.escape(render(client.person.about, values))}</span></div>")


def _turn_html(who: str, turn: Turn) -> str:
    cue = turn_cue(turn)
    cue_html = f"<div style='color:#666;font-size:90%;margin:2px 0 0 1.5em'>점검: {html.escape(cue)}</div>" if cue else ""
    return (f"<div style='margin:6px 0'><b>{turn.number}. 나</b>: {html.escape(turn.question)}{cue_html}"
            f"<div style='margin:2px 0 0 1.5em'><b>{html.escape(who)}</b>: {html.escape(turn.reply)}</div></div>")


def _transcript_html(interview: Interview) -> str:
    who = interview.person.called
    parts = [f"<div style='margin:6px 0'><b>{html.escape(who)}</b>: {html.escape(interview.opening)}</div>"]
    parts += [_turn_html(who, t) for t in interview.turns]
    return f"<div class='casework-interview-transcript' style='{_BOX}'>{''.join(parts)}</div>"


def _facts_html(interview: Interview) -> str:
    found = interview.facts_found()
    items = "".join(f"<li>{html.escape(f.summary)}</li>" for f in found) or "<li>아직 없습니다.</li>"
    return (f"<div class='casework-interview-facts' style='{_BOX}'><b>알게 된 것</b> "
            f"({len(found)}/{len(interview.client.facts)})<ul style='margin:2px 0;padding-left:1.4em'>{items}</ul></div>")


def _manner_html(interview: Interview) -> str:
    return (f"<div class='casework-interview-manner' style='color:#1b4f72;margin:4px 0'>"
            f"지금 모습: {html.escape(interview.manner)}</div>")


def interview_feedback(lines: list[str], client_id: str = "elderly_alone", *, seed: int = 0):
    """The whole-interview verdict for these lines (what 면접 돌아보기 shows), for a worked example."""
    return judge_interview(list(lines), load_client(client_id), seed)


def interview_widget(client_id: str = "elderly_alone", *, seed: int = 0, chapter: str = "ch04") -> w.VBox:
    """The interview: a text box and 묻기, the conversation, what has been learned and the person's manner.

    Below it, 면접 돌아보기 judges the whole interview (the 확인/힌트/풀이 ladder), and two boxes take
    a need and a goal written from what was learned. The box has ``ask(text)``, ``reset()``,
    ``questions``, ``interview()``, ``input``, ``ask_button``, ``transcript``, ``facts`` and ``manner``.
    """
    if not isinstance(seed, int) or isinstance(seed, bool) or seed < 0:
        raise CaseworkError(f"seed(연습 자료 번호)에는 0 이상의 정수를 넣어 주세요. 받은 값: {seed!r}")
    client = load_client(client_id)
    state = {"interview": Interview(client, seed)}
    questions: list[str] = []

    intro = w.HTML(_intro_html(state["interview"]))
    transcript, facts, manner = w.HTML(), w.HTML(), w.HTML()
    box_in = w.Text(placeholder=f"{client.person.role}께 할 말을 적고 [묻기]를 누르세요. 예: 요즘 어떻게 지내세요?",
                    layout=w.Layout(width="70%"))
    ask_button = w.Button(description="묻기", button_style="primary", icon="comment", layout=w.Layout(width="auto"))
    reset_button = w.Button(description="처음부터 다시", icon="undo", layout=w.Layout(width="auto"))

    def redraw() -> None:
        interview = state["interview"]
        transcript.value = _transcript_html(interview)
        facts.value = _facts_html(interview)
        manner.value = _manner_html(interview)

    def replay(saved: object) -> None:
        if not isinstance(saved, list) or not all(isinstance(q, str) for q in saved):
            raise ValueError("saved questions must be a list of text")
        questions[:] = [q[:MAX_LINE] for q in saved[: client.max_turns + 1]]
        state["interview"] = Interview.replay(client, seed, questions)
        redraw()

    review = checked_box(
        [], lambda: judge_interview(list(questions), client, seed), key=(chapter, f"interview-{client.id}"),
        read=lambda: list(questions), write=replay, button_label="면접 돌아보기", compact=True,
    )

    def ask(text: object = None) -> Turn | None:
        line = box_in.value if text is None or isinstance(text, w.Button) else str(text)
        if not line.strip():
            return None
        questions.append(line.strip()[:MAX_LINE])
        turn = state["interview"].ask(questions[-1])
        box_in.value = ""
        redraw()
        review.ladder.keep()
        return turn

    def reset(_: object = None) -> None:
        questions.clear()
        state["interview"] = Interview(client, seed)
        redraw()
        review.ladder.keep()

    ask_button.on_click(ask)
    reset_button.on_click(reset)
    redraw()
    need = text_checker(judge_need, placeholder="면접에서 알게 된 것으로 욕구 하나를 적어 보세요. 예: 사회적 관계 형성의 욕구",
                        key=(chapter, f"interview-need-{client.id}"))
    goal = text_checker(judge_goal, placeholder="그 욕구에 맞는 목표 한 문장을 적어 보세요. 예: 어르신이 3개월 안에 주 2회 이상 경로당 모임에 나간다",
                        key=(chapter, f"interview-goal-{client.id}"))
    after = w.HTML("<div style='margin-top:10px'><b>면접을 마쳤다면</b>: 알게 된 것으로 욕구 하나와 목표 하나를 적어 보세요.</div>")
    box = w.VBox([intro, transcript, manner, w.HBox([box_in, ask_button, reset_button]), facts, review, after, need, goal])
    box.add_class("casework-interview")
    return with_attrs(box, ask=ask, reset=reset, questions=questions, interview=lambda: state["interview"],
                      input=box_in, ask_button=ask_button, reset_button=reset_button, transcript=transcript,
                      facts=facts, manner=manner, review=review, need=need, goal=goal)
