"""Do the chapter quizzes for 00, 01 and 03 cover what their chapters promise?"""

import re

import pytest

from casework import quiz

PRINCIPLES = ["개별화", "의도적 감정표현", "통제된 정서적 관여", "수용", "비심판적 태도", "자기결정", "비밀보장"]
AUTHORS_01 = ["NASW (1984)", "Moxley (1989)", "Ballew & Mink (1996)", "Kumar (2000)",
              "Austin & Caragonne (1980)", "Baker & Intagliata (1992)", "Rose & Moore(1995)",
              "O'Connor(1988)", "Rothman(1991)"]


def _all_text(q) -> str:
    return q.model_dump_json()


def test_ch00_shows_every_question_kind_once():
    """Does the first chapter let the learner try each of the four question kinds?"""
    kinds = sorted(q.kind for q in quiz.load_quiz("ch00").questions)
    assert kinds == sorted(["choice", "choice", "match", "categorize", "order"])


def test_ch01_names_all_nine_definitions():
    """Does chapter 01's quiz mention each of the nine definitions the chapter teaches?"""
    text = "".join(_all_text(q) for q in quiz.load_quiz("ch01").questions)
    missing = [a for a in AUTHORS_01 if a not in text]
    assert not missing, missing


def test_ch01_comparison_uses_the_seven_table_rows():
    """Does the casework-vs-case-management sort cover the table's seven rows?"""
    compare = quiz.load_quiz("ch01").question("compare")
    rows = {item.text.split(" — ")[0] for item in compare.items if " — " in item.text}
    assert rows == {"목적", "철학", "대상", "기능", "범위", "장소", "역할"}
    assert set(compare.categories) == {"개별사회사업", "사례관리"}


def test_ch03_has_enough_scenes_and_each_principle_is_an_answer():
    """Are there at least eight scenes, is every principle the answer to one, and are both kept and broken used?"""
    questions = quiz.load_quiz("ch03").questions
    scenes = [q for q in questions if q.id.startswith("scene_")]
    assert len(scenes) >= 8
    answers = [next(o.text for o in q.options if o.correct) for q in scenes]
    named = {p for a in answers for p in PRINCIPLES if a.startswith(p)}
    assert named == set(PRINCIPLES)
    assert any(a.endswith("지켰다") for a in answers) and any(a.endswith("어겼다") for a in answers)


def test_ch03_scene_options_each_name_a_principle_and_a_verdict():
    """Does every scene option name one principle and say kept or broken, with its own why?"""
    for q in quiz.load_quiz("ch03").questions:
        if not q.id.startswith("scene_"):
            continue
        assert q.prompt.startswith(f"[장면 {int(q.id[-2:])}]"), q.id
        whys = [o.why for o in q.options]
        assert len(set(whys)) == len(whys), q.id
        for option in q.options:
            assert re.fullmatch(rf"({'|'.join(PRINCIPLES)})(을|를) (지켰다|어겼다)", option.text), option.text


def test_ch03_principle_match_and_remarks_use_the_seven_names():
    """Do the matching and the remarks sort use exactly Biestek's seven principles?"""
    ch03 = quiz.load_quiz("ch03")
    assert sorted(ch03.question("principles").choices) == sorted(PRINCIPLES)
    remarks = ch03.question("remarks")
    assert remarks.categories == PRINCIPLES
    assert {i.category for i in remarks.items} == set(PRINCIPLES)


@pytest.mark.parametrize("quiz_id", ["ch00", "ch01", "ch03"])
def test_every_categorize_item_explains_itself(quiz_id):
    """Does every item to sort carry a why, so a wrong sort gets a specific reason?"""
    for q in quiz.load_quiz(quiz_id).questions:
        if q.kind == "categorize":
            assert all(i.why for i in q.items), q.id


@pytest.mark.parametrize("quiz_id", ["ch00", "ch01", "ch03"])
def test_correct_option_is_not_always_in_the_same_place(quiz_id):
    """Since choice options are shown in file order, does the right answer move around?"""
    positions = [[o.correct for o in q.options].index(True)
                 for q in quiz.load_quiz(quiz_id).questions if q.kind == "choice"]
    assert len(set(positions)) > 1, positions
    if len(positions) >= 8:
        assert max(positions.count(p) for p in set(positions)) <= len(positions) // 2
