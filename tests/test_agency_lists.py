"""Tests for casework.agency_lists: reading agency lists, finding people served twice or missed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from casework import agency_lists as al
from casework.errors import CaseworkError
from casework.feedback import Status
from casework.judging.lists import judge_agency_lists
from casework.privacy import mask_case_text
from tests.synthetic import rrn

HEADER = "이름,생년월일,주소(동),기관,서비스\n"
NEED_HEADER = "이름,생년월일,주소(동),욕구\n"


def _csv(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _service(rows: list[tuple[str, str, str, str, str]], source: str = "표") -> pd.DataFrame:
    table = pd.DataFrame(rows, columns=list(al.SERVICE_COLUMNS))
    return al.validate_agency_list(table, source=source)


def _needs(rows: list[tuple[str, str, str, str]]) -> pd.DataFrame:
    return al.validate_need_list(pd.DataFrame(rows, columns=list(al.NEED_COLUMNS)))


@pytest.fixture(scope="module")
def samples():
    lists = al.sample_agency_lists()
    return lists["가나1동 주민센터"], lists["가나종합사회복지관"], lists["가나재가노인지원센터"], al.sample_need_list()


# --------------------------------------------------------------------------- normalising


@pytest.mark.parametrize("raw", ["1943-09", "1943.09", "1943/9", "194309", "1943년 9월", "1943-09-15",
                                 "19430915", "1943. 9. 15.", "１９４３-０９"])
def test_birth_formats_read_the_same(raw):
    """Do the usual ways of writing a birth date all become 1943-09?"""
    assert al.normalise_birth(raw) == "1943-09"


def test_birth_from_a_date_object():
    """Does a date object (as Excel or pandas may give) become YYYY-MM?"""
    assert al.normalise_birth(date(1943, 9, 15)) == "1943-09"
    assert al.normalise_birth(pd.Timestamp("1950-01-31")) == "1950-01"


@pytest.mark.parametrize("raw, words", [
    ("43-09", "읽을 수 없습니다"),
    ("1943-13", "달력에 없는"),
    ("1943-02-30", "달력에 없는"),
    ("1850-01", "있을 수 없는 해"),
    ("Sep-43", "읽을 수 없습니다"),
    ("", "비어 있습니다"),
    (194309, "글자로"),
])
def test_bad_birth_dates_are_explained(raw, words):
    """Does an unreadable birth date raise a Korean error saying what is wrong?"""
    with pytest.raises(CaseworkError, match=words):
        al.normalise_birth(raw)


def test_names_lose_spaces_and_compose():
    """Are spaces dropped and decomposed Hangul composed, so the same name matches?"""
    decomposed = "\u1100\u1161\u1102\u1161\u1103\u1161"  # 가나다 as jamo
    assert al.normalise_name(" 가나 다 ") == "가나다"
    assert al.normalise_name(decomposed) == "가나다"


@pytest.mark.parametrize("raw, words", [("", "비어"), ("   ", "비어"), ("가", "한 글자"),
                                        ("1943-09", "숫자"), (None, "글자로")])
def test_bad_names_are_explained(raw, words):
    """Does an empty, one-letter or numeric name raise a Korean error?"""
    with pytest.raises(CaseworkError, match=words):
        al.normalise_name(raw)


# --------------------------------------------------------------------------- reading files


def test_reads_utf8_with_bom_and_cp949(tmp_path):
    """Are both an Excel UTF-8 (BOM) file and a CP949 file read into the same table?"""
    text = HEADER + "가나다,1941-03,가나1동,가나복지관,밑반찬 배달\n"
    a = al.load_agency_list(_csv(tmp_path, "a.csv", text, "utf-8-sig"))
    b = al.load_agency_list(_csv(tmp_path, "b.csv", text, "cp949"))
    assert a[list(al.SERVICE_COLUMNS)].equals(b[list(al.SERVICE_COLUMNS)])
    assert a.loc[0, al.NAME] == "가나다" and a.loc[0, al.BIRTH] == "1941-03"


def test_missing_column_names_file_and_suggests_rename(tmp_path):
    """Does a file with 성명 instead of 이름 get an error naming the file and the fix?"""
    path = _csv(tmp_path, "복지관.csv", "성명,생년월일,주소(동),기관,서비스\n가나다,1941-03,가나1동,가,나\n")
    with pytest.raises(CaseworkError) as err:
        al.load_agency_list(path)
    msg = str(err.value)
    assert "복지관.csv" in msg and "'이름'" in msg and "'성명' 열을 '이름'으로" in msg


@pytest.mark.parametrize("content, words", [
    ("", "비어 있습니다"),
    ("\n\n  \n", "비어 있습니다"),
    (HEADER, "제목 줄만"),
    (HEADER.replace("기관", "이름"), "같은 열 이름이 두 번"),
    (HEADER + "가나다,1941-03,가나1동,가,나\n" + HEADER, "3번째 줄에 제목 줄이 한 번 더"),
    (HEADER + "가나다,1941-03,가나1동,가\n", "2번째 줄은 칸이 4개"),
    (HEADER.replace(",", "\t"), "쉼표"),
    ("이름,,주소(동),기관,서비스\n", "이름이 없는 열"),
    (HEADER.strip() + f",주민등록번호\n가나다,1941-03,가나1동,가,나,{rrn('000101', '3000000')}\n", "주민등록번호"),
    (HEADER + "가나다,1941-03,가나1동,가,나\n가나다,1941-03,가나1동,가,나\n", "같은 내용의 줄이 두 번"),
    (HEADER + "가나다,,가나1동,가,나\n", "2번째 줄: '생년월일' 칸이 비어"),
    (HEADER + "가나다,1941-03,가나1동,가,나\n나다라,41-3,가나1동,가,나\n", "3번째 줄: 생년월일"),
])
def test_odd_files_get_korean_errors_naming_the_file(tmp_path, content, words):
    """Does each kind of broken CSV get an error that names the file and the problem?"""
    path = _csv(tmp_path, "명단.csv", content)
    with pytest.raises(CaseworkError) as err:
        al.load_agency_list(path)
    assert "명단.csv" in str(err.value)
    assert words in str(err.value)


def test_duplicate_rows_are_reported_with_a_masked_name(tmp_path):
    """Does the duplicate-row error hide the name (it may be shown in a shared notebook)?"""
    path = _csv(tmp_path, "d.csv", HEADER + "가나다,1941-03,가나1동,가,나\n가나다,1941-03,가나1동,가,나\n")
    with pytest.raises(CaseworkError) as err:
        al.load_agency_list(path)
    assert "가○○" in str(err.value) and "가나다" not in str(err.value)


def test_unknown_encoding_is_refused(tmp_path):
    """Does a file that is neither UTF-8 nor CP949 get an encoding error, not garbage?"""
    path = tmp_path / "x.csv"
    path.write_bytes(b"\x80\xff\xfe\x81" * 10)
    with pytest.raises(CaseworkError, match="인코딩"):
        al.load_agency_list(path)


def test_utf16_file_gets_its_own_advice(tmp_path):
    """Is a UTF-16 file (Excel's 'Unicode text') recognised and the fix named?"""
    path = _csv(tmp_path, "u.csv", HEADER, "utf-16")
    with pytest.raises(CaseworkError, match="UTF-16"):
        al.load_agency_list(path)


def test_missing_file_and_bad_path(tmp_path):
    """Do a missing file and a non-path argument get Korean errors?"""
    with pytest.raises(CaseworkError, match=r"없음.csv"):
        al.load_agency_list(tmp_path / "없음.csv")
    with pytest.raises(CaseworkError, match="경로"):
        al.load_agency_list(123)  # type: ignore[arg-type]


def test_blank_lines_are_skipped_and_quoted_commas_kept(tmp_path):
    """Are trailing blank lines ignored and a quoted comma kept inside its cell?"""
    text = HEADER + '가나다,1941-03,가나1동,가나복지관,"밑반찬, 국 배달"\n\n,,,,\n'
    table = al.load_agency_list(_csv(tmp_path, "q.csv", text))
    assert len(table) == 1 and table.loc[0, al.SERVICE] == "밑반찬, 국 배달"


def test_need_list_needs_its_own_columns(tmp_path):
    """Is a service list refused as a need list, naming the missing 욕구 column?"""
    path = _csv(tmp_path, "n.csv", HEADER + "가나다,1941-03,가나1동,가,나\n")
    with pytest.raises(CaseworkError, match="'욕구'"):
        al.load_need_list(path)
    ok = al.load_need_list(_csv(tmp_path, "m.csv", NEED_HEADER + "가나 다,1941.3,가나1동,외로움\n"))
    assert ok.loc[0, al.NAME] == "가나다" and ok.loc[0, al.BIRTH] == "1941-03"


def test_validate_refuses_non_tables():
    """Does passing a list or a path string where a table is expected explain what to do?"""
    with pytest.raises(CaseworkError, match="DataFrame"):
        al.validate_agency_list([["가나다"]])  # type: ignore[arg-type]
    with pytest.raises(CaseworkError, match="load_agency_list"):
        al.served_twice(["명단.csv"])  # type: ignore[list-item]
    with pytest.raises(CaseworkError, match="명단이 없습니다"):
        al.validate_agency_list(pd.DataFrame(columns=list(al.SERVICE_COLUMNS)))


def test_empty_cell_in_a_table_names_the_person_number():
    """Does a table (not a file) with an empty cell say which person it is?"""
    table = pd.DataFrame([("가나다", "1941-03", "가나1동", "가", None)], columns=list(al.SERVICE_COLUMNS))
    with pytest.raises(CaseworkError, match="1번째 사람: '서비스' 칸이 비어"):
        al.validate_agency_list(table, source="복지관 표")


# --------------------------------------------------------------------------- samples


def test_sample_data_is_fictional(samples):
    """Do the sample lists use only YYYY-MM birth dates and no digits that look like IDs?"""
    for path in al.SAMPLE_DIR.glob("*.csv"):
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()[1:]
        for line in lines:
            birth = line.split(",")[1]
            assert len(birth.replace(".", "-")) == 7, (path.name, line)
        counts = mask_case_text(text).counts  # no RRN- or phone-like numbers (names are expected)
        assert counts["주민등록번호"] == counts["전화번호"] == 0, path.name
    names = set().union(*(set(t[al.NAME]) for t in samples))
    assert names <= {"가나다", "나다라", "다라마", "라마바", "마바사", "바사아", "사아자", "아자차",
                     "자차카", "차카타", "카타파", "타파하"}


def test_sample_lists_are_keyed_by_agency(samples):
    """Are the three sample agencies there, each list from one agency?"""
    lists = al.sample_agency_lists()
    assert list(lists) == ["가나1동 주민센터", "가나종합사회복지관", "가나재가노인지원센터"]
    for name, table in lists.items():
        assert set(table[al.AGENCY]) == {name}


# --------------------------------------------------------------------------- served twice


def test_served_twice_finds_overlaps_across_agencies(samples):
    """Are 가나다 and 바사아 (written '바사 아', 1943.09 in one list) found as served twice?"""
    center, welfare, _, _ = samples
    result = al.served_twice([center, welfare], mask=False)
    assert list(result[al.NAME]) == ["가나다", "바사아"]
    row = result.iloc[0]
    assert row["기관 수"] == 2
    assert row["기관별 서비스"] == "가나1동 주민센터(이웃 도시락 배달) / 가나종합사회복지관(밑반찬 배달)"


def test_served_twice_masks_names_by_default(samples):
    """Does the default output show 가○○, never the full name?"""
    center, welfare, _, _ = samples
    result = al.served_twice([center, welfare])
    assert list(result[al.NAME]) == ["가○○", "바○○"]
    assert "가나다" not in result.to_string()


def test_namesake_and_one_agency_two_services_are_not_overlaps(samples):
    """Are 사아자 (two birth months) and 아자차 (two services at one agency) left out?"""
    center, welfare, _, _ = samples
    names = set(al.served_twice([center, welfare], mask=False)[al.NAME])
    assert "사아자" not in names and "아자차" not in names


def test_moved_person_gets_a_note(samples):
    """Does 나다라, listed in 가나1동 by one agency and 가나2동 by another, get a check note?"""
    _, welfare, home, _ = samples
    result = al.served_twice([welfare, home], mask=False)
    assert list(result[al.NAME]) == ["나다라"]
    assert result.loc[0, al.DONG] == "가나1동, 가나2동"
    assert "주소(동)이 명단마다 다릅니다" in result.loc[0, "확인할 점"]


def test_three_lists_and_a_dict_of_lists(samples):
    """Can all three lists be combined at once, also given as a dict?"""
    center, welfare, home, _ = samples
    result = al.served_twice(al.sample_agency_lists(), mask=False)
    assert list(result[al.NAME]) == ["가나다", "나다라", "바사아", "자차카"]
    assert al.served_twice([center, welfare, home], mask=False).equals(result)


def test_same_list_twice_is_refused(samples):
    """Is passing one list twice refused instead of counting everyone twice?"""
    center = samples[0]
    with pytest.raises(CaseworkError, match="똑같습니다"):
        al.served_twice([center, center.copy()])


def test_bad_lists_argument():
    """Do a string, None or an empty list get Korean errors?"""
    for bad in ("명단.csv", None, 5):
        with pytest.raises(CaseworkError, match="목록"):
            al.served_twice(bad)  # type: ignore[arg-type]
    with pytest.raises(CaseworkError, match="하나도 없습니다"):
        al.served_twice([])


def test_served_twice_with_no_overlap_is_empty_with_columns():
    """Does a pair with no overlap give an empty table that still has its columns?"""
    a = _service([("가나다", "1941-03", "가나1동", "가", "도시락")])
    b = _service([("나다라", "1941-03", "가나1동", "나", "도시락")])
    result = al.served_twice([a, b])
    assert result.empty and "기관별 서비스" in result.columns


# --------------------------------------------------------------------------- missed


def test_missed_depends_on_which_lists_are_combined(samples):
    """Is 마바사 missed by 주민센터+복지관 but not once the 재가센터 list is added?"""
    center, welfare, home, needs = samples
    two = al.missed(needs, [center, welfare], mask=False)
    three = al.missed(needs, [center, welfare, home], mask=False)
    assert list(two[al.NAME]) == ["라마바", "마바사", "차카타"]
    assert list(three[al.NAME]) == ["라마바", "차카타"]
    assert two.loc[0, al.NEED] == "안전한 주거 환경 확보의 욕구"


def test_missed_groups_needs_and_masks(samples):
    """Does a person with two needs appear once, both needs listed, name masked?"""
    _, _welfare, _home, needs = samples
    center_only = _service([("나다라", "1938-11", "가나1동", "가", "상담")])
    result = al.missed(needs, [center_only])
    first = result.iloc[0]
    assert first[al.NAME] == "가○○" and first[al.NEED] == "규칙적인 식생활 유지의 욕구, 사회적 관계 회복의 욕구"


def test_missed_points_out_a_namesake(samples):
    """Does missed 사아자 (1940-02) get a note that a 사아자 (1952-08) is on another list?"""
    _, welfare, home, needs = samples
    result = al.missed(needs, [welfare, home], mask=False)
    row = result[result[al.NAME] == "사아자"].iloc[0]
    assert "1952-08" in row["확인할 점"] and "가나종합사회복지관" in row["확인할 점"]


def test_missed_refuses_a_service_list_as_need_list(samples):
    """Is a service list given where the need list belongs refused with the column named?"""
    center, welfare, _, _ = samples
    with pytest.raises(CaseworkError, match="'욕구'"):
        al.missed(center, [welfare])


# --------------------------------------------------------------------------- views


def test_combine_orders_by_person_and_masks(samples):
    """Does the combined table put one person's rows together, names masked?"""
    center, welfare, _, _ = samples
    merged = al.combine([center, welfare])
    assert len(merged) == len(center) + len(welfare)
    assert list(merged[al.NAME][:2]) == ["가○○", "가○○"]
    assert set(merged[al.AGENCY][:2]) == {"가나1동 주민센터", "가나종합사회복지관"}
    assert "_key" not in merged.columns


def test_masked_view_of_each_kind(samples):
    """Does masked_view hide names in both a service list and a need list?"""
    center, _, _, needs = samples
    assert al.masked_view(center).loc[0, al.NAME] == "가○○"
    assert list(al.masked_view(needs).columns) == list(al.NEED_COLUMNS)


def test_person_choices_labels_are_unique():
    """Do two people with the same masked label get distinct labels?"""
    a = _service([("가나다", "1941-03", "가나1동", "가", "도시락")])
    needs = _needs([("가라마", "1941-03", "가나1동", "외로움")])
    choices = al.person_choices([a], needs)
    assert list(choices) == ["가○○ (1941-03)", "가○○ (1941-03) ·2"]
    assert {p.name for p in choices.values()} == {"가나다", "가라마"}


# --------------------------------------------------------------------------- the exercise


def check_answers(lists, needs, *, twice, missed):
    """The chapter-11 judge, given the widget's ticks."""
    return judge_agency_lists((twice, missed), lists, needs)


def test_right_answer_is_correct(samples):
    """Does the library's own answer get a correct verdict naming each overlap's services?"""
    center, welfare, _, needs = samples
    fb = check_answers([center, welfare], needs,
                          twice=["가○○ (1941-03)", "바○○ (1943-09)"],
                          missed=["라○○ (1950-01)", "마○○ (1936-05)", "차○○ (1944-06)"])
    assert fb.status is Status.CORRECT and fb.score == 1.0
    assert any("이웃 도시락 배달" in p and "밑반찬 배달" in p for p in fb.points)


def test_namesake_pick_gets_namesake_feedback(samples):
    """Does picking 사○○ (1940-02) as served twice explain that the birth months differ?"""
    center, welfare, _, needs = samples
    fb = check_answers([center, welfare], needs, twice=["사○○ (1940-02)"], missed=[])
    assert fb.status is Status.INCORRECT
    assert any("생년월이 다릅니다(1940-02, 1952-08)" in p for p in fb.points)


def test_one_agency_two_services_pick_is_explained(samples):
    """Does picking 아○○ (two services, one agency) say it is not an overlap between agencies?"""
    center, welfare, _, needs = samples
    fb = check_answers([center, welfare], needs, twice=["아○○ (1947-12)", "가○○ (1941-03)"], missed=[])
    assert fb.status is Status.PARTIAL
    assert any("한 기관 안에서 여러 서비스" in p for p in fb.points)


def test_served_person_picked_as_missed_is_explained(samples):
    """Does picking someone who is served as 'missed' name the service they already get?"""
    center, welfare, _, needs = samples
    fb = check_answers([center, welfare], needs, twice=[], missed=["다○○ (1945-07)"])
    assert any("긴급지원 생계비" in p and "누락이 아닙니다" in p for p in fb.points)


def test_not_on_need_list_picked_as_missed(samples):
    """Is someone who is not on the need list and not served told what 'missed' means?"""
    center, welfare, _, _ = samples
    needs = _needs([("라마바", "1950-01", "가나1동", "주거")])
    stranger = _service([("하가나", "1950-02", "가나2동", "다른기관", "상담")])
    choices = al.person_choices([center, welfare], needs)
    assert "하○○ (1950-02)" not in choices
    fb = check_answers([center, welfare, stranger], needs, twice=[], missed=["하○○ (1950-02)"])
    assert any("욕구 사정 명단에 없는 사람" in p for p in fb.points)


def test_unfound_people_are_counted_not_named(samples):
    """Does feedback say how many are still to find without naming them?"""
    center, welfare, _, needs = samples
    fb = check_answers([center, welfare], needs, twice=["가○○ (1941-03)"], missed=["라○○ (1950-01)"])
    assert fb.status is Status.PARTIAL
    text = fb.to_text()
    assert "1명 더" in text and "2명 더" in text
    assert "바○○" not in text and "마○○" not in text


def test_blank_answer_is_unanswered(samples):
    """Is pressing check with nothing ticked 'unanswered', not wrong?"""
    center, welfare, _, needs = samples
    assert check_answers([center, welfare], needs, twice=[], missed=None).status is Status.UNANSWERED


def test_unknown_label_is_an_error(samples):
    """Does a label that is not among the choices raise a Korean error listing the choices?"""
    center, welfare, _, needs = samples
    with pytest.raises(CaseworkError, match="고를 수 있는 사람"):
        check_answers([center, welfare], needs, twice=["홍○○ (1900-01)"], missed=[])
    one = check_answers([center, welfare], needs, twice="가○○ (1941-03)", missed=[])
    assert one == check_answers([center, welfare], needs, twice=["가○○ (1941-03)"], missed=[])


def test_person_objects_are_accepted(samples):
    """Can the answer be given as Person objects instead of labels?"""
    _, welfare, home, needs = samples
    fb = check_answers([welfare, home], needs, twice=[al.Person("나다라", "1938-11")],
                          missed=[al.Person(n, b) for n, b in [("다라마", "1945-07"), ("라마바", "1950-01"),
                                                               ("사아자", "1940-02"), ("차카타", "1944-06")]])
    assert fb.passed


# --------------------------------------------------------------------------- chapter 11 quiz


C, W = "주민센터", "복지관"
OTHER = ("하가나", "1930-01", "가나2동", W, "상담")  # keeps every list non-empty
QUIZ_SCENARIOS = [  # (words in the quiz item, 주민센터 rows, 복지관 rows, need rows, who)
    ("도시락과 복지관 밑반찬을 함께", [("가나다", "1941-03", "가나1동", C, "도시락")],
     [("가나다", "1941-03", "가나1동", W, "밑반찬")], [("가나다", "1941-03", "가나1동", "식사")], "가나다"),
    ("'바사 아', '바사아'", [("바사 아", "1943.09", "가나1동", C, "도시락")],
     [("바사아", "1943-09", "가나1동", W, "밑반찬")], [("바사아", "1943-09", "가나1동", "식사")], "바사아"),
    ("합친 명단 어디에도 없다", [("가나다", "1941-03", "가나1동", C, "도시락")], [OTHER],
     [("라마바", "1950-01", "가나1동", "주거")], "라마바"),
    ("생년월이 1940-02와 1952-08", [("사아자", "1940-02", "가나1동", C, "도시락")],
     [("사아자", "1952-08", "가나2동", W, "방문 상담")], [("가나다", "1941-03", "가나1동", "식사")], "사아자"),
    ("밑반찬 배달과 방문 상담을 함께", [("가나다", "1941-03", "가나1동", C, "도시락")],
     [("아자차", "1947-12", "가나2동", W, "밑반찬 배달"), ("아자차", "1947-12", "가나2동", W, "방문 상담")],
     [("가나다", "1941-03", "가나1동", "식사")], "아자차"),
]


@pytest.mark.parametrize("words, center_rows, welfare_rows, need_rows, who", QUIZ_SCENARIOS,
                         ids=[s[-1] for s in QUIZ_SCENARIOS])
def test_ch11_quiz_categories_agree_with_the_library(words, center_rows, welfare_rows, need_rows, who):
    """Does each case in the ch11 'twice_or_missed' question get the same verdict from the library?"""
    from casework import quiz

    question = quiz.load_quiz("ch11").question("twice_or_missed")
    [item] = [i for i in question.items if words in i.text]
    lists = [_service(center_rows, source=C), _service(welfare_rows, source=W)]
    needs = _needs(need_rows)
    twice = set(al.served_twice(lists, mask=False)[al.NAME])
    missed = set(al.missed(needs, lists, mask=False)[al.NAME])
    verdict = "기관 사이 중복 가능성" if who in twice else "누락" if who in missed else "어느 쪽도 아님"
    assert verdict == item.category


def test_ch11_quiz_facts_match_the_textbook():
    """Do the ch11 match questions pair 내부판정회의 with 긴급지원 and name the three 동 goals?"""
    from casework import quiz

    ch11 = quiz.load_quiz("ch11")
    supervisor = {p.left: p.right for p in ch11.question("supervisor").pairs}
    assert "긴급지원" in supervisor["내부판정회의"] and "공공부조" in supervisor["내부판정회의"]
    assert "일반사례" in supervisor["동 단위 통합사례회의"] and "전문사례" in supervisor["동 단위 통합사례회의"]
    goals = {p.left: p.right for p in ch11.question("dong_goals").pairs}
    assert set(goals) == {"당사자 욕구에 맞는 최적의 지역사회자원 연계", "대상자 누락 방지", "신속한 지원체계"}
    assert "DB" in goals["대상자 누락 방지"]
