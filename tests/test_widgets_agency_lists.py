"""Tests for casework.widgets.agency_lists: does the exercise route clicks to the library and to
judging.lists (the judge of exercise 11), with the ladder and saved picks?"""

import base64
import html
from datetime import UTC, datetime

import pytest

pytest.importorskip("ipywidgets")

from casework import agency_lists as al
from casework.errors import CaseworkError
from casework.judging.feedback import Status
from casework.judging.lists import judge_agency_lists
from casework.widgets.agency_lists import CSS_CLASS, agency_list_exercise

CENTER, WELFARE, HOME = "가나1동 주민센터", "가나종합사회복지관", "가나재가노인지원센터"


def _walk(widget, kind):
    found = []
    if type(widget).__name__ == kind:
        found.append(widget)
    for child in getattr(widget, "children", ()):
        found += _walk(child, kind)
    return found


def _button(box, label):
    return next(b for b in _walk(box, "Button") if b.description == label)


def test_box_has_its_css_class_and_two_pickers():
    """Is the exercise a VBox with its CSS class and a picker per list?"""
    box = agency_list_exercise()
    assert CSS_CLASS in box._dom_classes
    assert [p.value for p in box.pickers] == [CENTER, WELFARE]
    assert list(box.pickers[0].options) == [CENTER, WELFARE, HOME]


def test_combine_button_shows_masked_table_and_tick_boxes():
    """Does clicking 명단 합치기 show the combined table (names masked) and a box per person?"""
    box = agency_list_exercise()
    _button(box, "명단 합치기").click()
    html = box.table_area.value
    assert "가○○" in html and "가나다" not in html
    assert "욕구 사정 명단" in html
    labels = [c.description for c in _walk(box, "Checkbox")]
    choices = list(al.person_choices([al.sample_agency_lists()[CENTER], al.sample_agency_lists()[WELFARE]],
                                     al.sample_need_list()))
    assert labels == choices + choices


def test_ticking_the_right_people_and_clicking_check_is_correct():
    """Does ticking the library's answer and clicking 답 확인 show a correct verdict?"""
    box = agency_list_exercise()
    box.combine()
    box.tick(twice=["가○○ (1941-03)", "바○○ (1943-09)"],
             missed=["라○○ (1950-01)", "마○○ (1936-05)", "차○○ (1944-06)"])
    _button(box, "답 확인").click()
    assert "data-status='correct'" in box.feedback_area.value


def test_other_pair_gives_its_own_answer():
    """After choosing 복지관 + 재가센터, is 나○○ (moved 동) the overlap and 사○○ (1940-02) missed?"""
    box = agency_list_exercise(first=WELFARE, second=HOME)
    box.combine()
    box.tick(twice=["나○○ (1938-11)"], missed=["사○○ (1952-08)"])
    fb = box.check()
    lists = al.sample_agency_lists()
    assert fb == judge_agency_lists((["나○○ (1938-11)"], ["사○○ (1952-08)"]), [lists[WELFARE], lists[HOME]],
                                    al.sample_need_list())
    assert fb.status is Status.PARTIAL
    assert "누락이 아닙니다" in box.feedback_area.value


def test_namesake_feedback_reaches_the_page():
    """Does a namesake pick show the birth-month explanation in the feedback area?"""
    box = agency_list_exercise()
    box.combine()
    box.tick(twice=["사○○ (1940-02)"])
    box.check()
    assert "생년월이 다릅니다" in box.feedback_area.value


def test_same_list_twice_shows_korean_error():
    """Does choosing one list twice show an error in the feedback area, not a traceback?"""
    box = agency_list_exercise()
    box.pickers[1].value = CENTER
    assert box.combine() is None
    assert "같은 명단을 두 번" in box.feedback_area.value


def test_changing_lists_without_combining_again_is_flagged():
    """If the learner picks a new list but does not combine again, is that said plainly?"""
    box = agency_list_exercise()
    box.combine()
    box.pickers[1].value = HOME
    fb = box.check()
    assert fb.status is Status.INCORRECT and "명단 합치기" in fb.points[0]


def test_nothing_ticked_is_unanswered():
    """Is clicking 답 확인 with nothing ticked 'unanswered'?"""
    box = agency_list_exercise()
    box.combine()
    assert box.check().status is Status.UNANSWERED


def test_bad_arguments():
    """Do an unknown list title, a single list and an unknown tick get Korean errors?"""
    with pytest.raises(CaseworkError, match="명단이 없습니다"):
        agency_list_exercise(first="없는 기관")
    one = {CENTER: al.sample_agency_lists()[CENTER]}
    with pytest.raises(CaseworkError, match="두 개 이상"):
        agency_list_exercise(one)
    box = agency_list_exercise()
    box.combine()
    with pytest.raises(CaseworkError, match="고를 수 없는 사람"):
        box.tick(twice=["홍○○ (1900-01)"])


def test_ladder_buttons_sit_under_the_tick_boxes_and_open_in_order():
    """After a partly right check, are 힌트 and 풀이 보기 offered, opening the hints then the people?"""
    box = agency_list_exercise()
    box.combine()
    assert [b.description for b in _walk(box, "Button")][-3:] == ["답 확인", "힌트", "풀이 보기"]
    box.tick(twice=["가○○ (1941-03)"])
    box.check()
    assert "힌트:" not in box.feedback_area.value
    box.hint()
    assert "힌트:" in box.feedback_area.value


def test_the_picks_come_back_after_a_rerun():
    """Are the chosen lists and ticks saved and set again (lists combined) when the cell runs again?"""
    box = agency_list_exercise(first=WELFARE, second=HOME)
    box.combine()
    box.tick(twice=["나○○ (1938-11)"])
    box.check()
    again = agency_list_exercise()
    assert [p.value for p in again.pickers] == [WELFARE, HOME]
    ticked = [c.description for c in _walk(again, "Checkbox") if c.value]
    assert ticked == ["나○○ (1938-11)"] and "합친 명단" in again.table_area.value


# --------------------------------------------------------------------------- uploading our own lists
# Fictional people; full birth dates in the files so that a leak of the file's text is visible.

WELFARE_CSV = ("이름,생년월일,주소(동),기관,서비스\n"
               "하늘별,1941-03-17,가나1동,가나복지관,별빛반찬 배달\n"
               "구름달,1950-07-02,가나2동,가나복지관,말벗 방문\n")
CENTER_CSV = ("이름,생년월일,주소(동),기관,서비스\n"
              "하늘별,1941-03-17,가나1동,가나1동 주민센터,긴급지원 생계비\n")
NEEDS_CSV = ("이름,생년월일,주소(동),욕구\n"
             "하늘별,1941-03-17,가나1동,식생활 유지의 욕구\n"
             "바람솔,1938-11-30,가나1동,안전한 일상 유지의 욕구\n")
# Never saved: names and full birth dates. The masked result tables (가린 이름, 생년월, 동,
# services, needs) are widget state while shown, so they are saved until [결과 지우기].
IDENTIFYING = ["하늘별", "구름달", "바람솔", "1941-03-17", "1950-07-02", "1938-11-30"]
SHOWN_UNTIL_CLEARED = ["하○○", "별빛반찬 배달", "말벗 방문", "식생활 유지의 욕구", "가나복지관"]


def _file(name, text, encoding="utf-8"):
    data = text.encode(encoding)
    return {"name": name, "type": "text/csv", "size": len(data), "content": memoryview(data),
            "last_modified": datetime(2026, 1, 1, tzinfo=UTC)}


def _upload(box, agencies=(("복지관.csv", WELFARE_CSV), ("주민센터.csv", CENTER_CSV)), needs=("욕구사정.csv", NEEDS_CSV)):
    box.agency_upload.value = tuple(_file(n, t) for n, t in agencies)
    if needs is not None:
        box.need_upload.value = (_file(*needs),)


def _saved_notebook_json(box):
    """The notebook JSON JupyterLab would save now: the state of every widget in ``box`` (with
    their layouts and styles) in the metadata, as the widget manager saves it."""
    import nbformat
    from ipywidgets import Widget

    def tree(widget):
        yield widget
        for name in ("layout", "style"):
            if isinstance(getattr(widget, name, None), Widget):
                yield getattr(widget, name)
        for child in getattr(widget, "children", ()):
            yield from tree(child)

    state = Widget.get_manager_state(drop_defaults=False, widgets=list(tree(box)))["state"]
    assert any(s["model_name"] == "FileUploadModel" for s in state.values())
    nb = nbformat.v4.new_notebook()
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {
        "version_major": 2, "version_minor": 0, "state": state}}
    return nbformat.writes(nb)


def test_upload_shows_served_twice_and_missed_with_names_masked():
    """Do uploaded lists give the exercise's two tables, masked, from the library's merge?"""
    from casework.widgets.agency_lists import agency_list_upload

    box = agency_list_upload()
    _upload(box)
    assert "복지관.csv" in box.files_area.value and "욕구사정.csv" in box.files_area.value
    twice, missed = box.match()
    agencies = list(box.lists.agencies.values())
    assert twice.equals(al.served_twice(agencies)) and missed.equals(al.missed(box.lists.needs, agencies))
    assert list(twice["이름"]) == ["하○○"] and list(missed["이름"]) == ["바○○"]
    assert "하○○" in box.table_area.value and "바○○" in box.table_area.value
    assert "하늘별" not in box.table_area.value and "바람솔" not in box.table_area.value


def test_upload_leaves_nothing_of_the_files_in_the_saved_notebook_or_progress():
    """After reading, are the upload boxes empty, no name or birth date in widget state or progress,
    and after [결과 지우기] nothing of the files at all?"""
    from casework import progress
    from casework.widgets.agency_lists import agency_list_upload

    before = progress.progress_path().read_bytes() if progress.progress_path().exists() else None
    box = agency_list_upload()
    _upload(box)
    box.match()
    assert box.agency_upload.value == () and box.need_upload.value == ()
    saved = _saved_notebook_json(box)
    assert "하○○" in saved, "the check would not see the tables"
    for text in IDENTIFYING:
        assert text not in saved, f"{text!r} would be saved in the notebook"
    assert WELFARE_CSV.splitlines()[1] not in saved and NEEDS_CSV.splitlines()[2] not in saved
    # FileUpload content is saved as base64 buffers: the files must not be there in that form either
    for text in (WELFARE_CSV, CENTER_CSV, NEEDS_CSV):
        assert base64.b64encode(text.encode()).decode()[:40] not in saved
    after = progress.progress_path().read_bytes() if progress.progress_path().exists() else None
    assert after == before, "the upload wrote to the progress file"
    box.clear()
    saved = _saved_notebook_json(box)
    for text in IDENTIFYING + SHOWN_UNTIL_CLEARED:
        assert text not in saved, f"{text!r} would be saved in the notebook after 결과 지우기"
    assert (box.lists.agencies, box.lists.needs, box.lists.need_name) == ({}, None, "")


def test_upload_error_names_file_and_line_in_korean():
    """Is a bad file refused in the box with its name and line, the box emptied all the same?"""
    from casework.widgets.agency_lists import agency_list_upload

    box = agency_list_upload()
    broken = "이름,생년월일,주소(동),기관,서비스\n하늘별,1941-13-01,가나1동,가나복지관,별빛반찬 배달\n"
    box.agency_upload.value = (_file("복지관.csv", broken),)
    assert "복지관.csv" in box.feedback_area.value and "2번째 줄" in box.feedback_area.value
    assert box.agency_upload.value == () and box.lists.agencies == {}
    box.agency_upload.value = (_file("명단.xlsx", WELFARE_CSV),)
    assert "CSV 파일이 아닙니다" in box.feedback_area.value
    box.agency_upload.value = (_file("복지관.csv", WELFARE_CSV.replace("이름", "성명")),)
    assert "'성명' 열을 '이름'으로 바꾸면 됩니다" in html.unescape(box.feedback_area.value)


def test_upload_reads_cp949_and_asks_for_what_is_missing():
    """Is a CP949 file read, and a missing need list asked for in Korean before matching?"""
    from casework.widgets.agency_lists import agency_list_upload

    box = agency_list_upload()
    box.agency_upload.value = (_file("복지관.csv", WELFARE_CSV, "cp949"),)
    assert "기관 명단: 복지관.csv (2줄)" in box.files_area.value
    box.match()
    assert "욕구 사정 명단을 먼저 올려 주세요" in box.feedback_area.value and box.table_area.value == ""
    box.need_upload.value = (_file("욕구사정.csv", NEEDS_CSV),)
    box.match()
    assert "하나뿐이라" in box.feedback_area.value and "바○○" in box.table_area.value
