"""Tests for casework.plan_export: the service plan as HWPX, and xlsx rows that never overprint.

All people, numbers and dates are fictional (홍길동, 관리-0000-001, 1940-01-01).
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import stat
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest

from casework import cases, plan_export
from casework.errors import CaseworkError
from casework.planning import ITEM_COLUMNS, PlanResult, ServicePlan, ServicePlanItem, consent_text

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build"


def _full_plan() -> ServicePlan:
    """Every field of the form filled, including the consent date and both signatures."""
    return ServicePlan(
        case_number="관리-0000-001",
        client_name="홍길동",
        case_manager="임꺽정 (가나동 주민센터)",
        birth_date=date(1940, 1, 1),
        short_term_goal="어르신이 3개월 안에 주 3회 이상 경로당에 나간다",
        long_term_goal="어르신이 이웃과 함께 지역에서 안전하게 지낸다",
        items=(
            ServicePlanItem(
                objective="어르신이 3개월 동안 예정된 정기 진료를 한 번도 빠뜨리지 않고 받는다",
                service="병원 동행 서비스 연계", priority=1, timing="즉시",
                start=date(2025, 3, 3), end=date(2025, 5, 30), times_per_week=2,
                provider="가나종합사회복지관", staff="김담당", check_method="진료 기록 확인, 월 1회",
                result=PlanResult.ACHIEVED,
            ),
            ServicePlanItem(
                objective="어르신이 3개월 안에 하루 두 끼 이상 거르지 않는다", service="밑반찬 배달",
                priority=2, start=date(2025, 3, 10),
                provider="가나재가노인지원센터", check_method="동행 일지 확인",
            ),
        ),
        consent_from=date(2025, 3, 1),
        signed_on=date(2025, 3, 2),
        client_signature="홍길동",
        manager_signature="임꺽정",
    )


# --------------------------------------------------------------------------- HWPX


def test_hwpx_round_trip_keeps_every_field(tmp_path):
    """Does a plan written as HWPX and reopened come back equal, field by field?"""
    plan = _full_plan()
    path = plan_export.to_hwpx(plan, tmp_path / "계획표.hwpx")
    back = plan_export.from_hwpx(path)
    for field in dataclasses.fields(ServicePlan):
        assert getattr(back, field.name) == getattr(plan, field.name), field.name
    assert back.items[0].result is PlanResult.ACHIEVED
    assert back.items[1].times_per_week is None and back.items[1].end is None


def test_hwpx_carries_the_consent_statement_and_labels(tmp_path):
    """Does the document's own text hold the consent sentence, ①–⑮ labels and signatures?"""
    from hwpx import HwpxDocument

    plan = _full_plan()
    path = plan_export.to_hwpx(plan, tmp_path / "계획표.hwpx")
    doc = HwpxDocument.open(path)
    paragraphs = [p.text for p in doc.paragraphs]
    assert paragraphs[0] == "서비스제공 계획 및 점검표"
    assert consent_text(date(2025, 3, 1)) in paragraphs
    assert "2025년 3월 1일부터" in consent_text(date(2025, 3, 1))
    assert "2025년 3월 2일" in paragraphs
    assert doc.validate().issues == ()
    with zipfile.ZipFile(path) as package:
        xml = package.read("Contents/section0.xml").decode("utf-8")
    for label in (*ITEM_COLUMNS, "① 관리번호", "⑭ 성명", "⑮ 사례관리자", "(인)"):
        assert label in xml, label


def test_hwpx_blank_plan_round_trips(tmp_path):
    """Does a plan with no items, dates or signatures survive the trip too?"""
    plan = ServicePlan(case_number="연습-1", client_name="홍길동", case_manager="임꺽정")
    back = plan_export.from_hwpx(plan_export.to_hwpx(plan, tmp_path / "빈.hwpx"))
    assert back == plan


def test_hwpx_refuses_bad_names_and_never_overwrites(tmp_path):
    """Are a wrong suffix, a missing folder and an existing file refused in Korean?"""
    plan = _full_plan()
    with pytest.raises(CaseworkError, match=r"'\.hwpx'로 끝나야"):
        plan_export.to_hwpx(plan, tmp_path / "계획표.hwp")
    with pytest.raises(CaseworkError, match="폴더가 없습니다"):
        plan_export.to_hwpx(plan, tmp_path / "없는폴더" / "계획표.hwpx")
    target = tmp_path / "계획표.hwpx"
    target.write_bytes(b"old")
    with pytest.raises(CaseworkError, match="이미 파일이 있습니다"):
        plan_export.to_hwpx(plan, target)
    assert target.read_bytes() == b"old"
    plan_export.to_hwpx(plan, target, overwrite=True)
    assert plan_export.from_hwpx(target) == plan
    assert [p.name for p in tmp_path.iterdir()] == ["계획표.hwpx"], "a temporary file was left"
    with pytest.raises(CaseworkError, match="ServicePlan"):
        plan_export.to_hwpx("계획", tmp_path / "x.hwpx")


def test_from_hwpx_names_what_is_wrong(tmp_path):
    """Do a missing file, another document and a changed label give Korean errors?"""
    from hwpx import HwpxDocument

    with pytest.raises(CaseworkError, match="파일이 없습니다"):
        plan_export.from_hwpx(tmp_path / "없음.hwpx")
    other = tmp_path / "다른문서.hwpx"
    doc = HwpxDocument.new()
    doc.add_paragraph("회의록")
    doc.save_to_path(other)
    with pytest.raises(CaseworkError, match="표가 3개"):
        plan_export.from_hwpx(other)
    path = plan_export.to_hwpx(_full_plan(), tmp_path / "계획표.hwpx")
    doc = HwpxDocument.open(path)
    doc.paragraphs[1].tables[0].set_cell_text(0, 0, "번호")
    doc.save_to_path(path)
    with pytest.raises(CaseworkError, match="① 관리번호"):
        plan_export.from_hwpx(path)


@pytest.mark.parametrize("typed, message", [("①", "우선순위는 정수로 넣어야 합니다: '①'"), ("３", None)])
def test_from_hwpx_reads_decimal_digits_only(tmp_path, typed, message):
    """Is a circled number typed as 우선순위 refused in Korean (not a bare ValueError), and a full-width one read?"""
    from hwpx import HwpxDocument

    path = plan_export.to_hwpx(_full_plan(), tmp_path / "계획표.hwpx")
    doc = HwpxDocument.open(path)
    plan_export._tables(doc)[1].set_cell_text(1, ITEM_COLUMNS.index("⑤ 우선순위"), typed)
    doc.save_to_path(path)
    if message is None:
        assert plan_export.from_hwpx(path).items[0].priority == 3
    else:
        with pytest.raises(CaseworkError, match=re.escape(f"계획표.hwpx 서비스 표 1행: ⑤ {message}")):
            plan_export.from_hwpx(path)


# --------------------------------------------------------------------------- xlsx


def test_text_lines_counts_wrapped_lines():
    """Does the wrap estimate count Hangul as double width and break at spaces?"""
    assert plan_export.text_lines("", 10) == 1
    assert plan_export.text_lines("abc", 10) == 1
    assert plan_export.text_lines("가나다라마", 10) == 2  # 10 digits wide, 9 usable
    assert plan_export.text_lines("가나 다라", 10) == 1
    assert plan_export.text_lines("가나다 라마바 사아자", 10) == 3
    assert plan_export.text_lines("첫 줄\n둘째 줄", 30) == 2
    assert plan_export.text_lines("가" * 20, 11) == 4  # one long word breaks anywhere


def test_xlsx_rows_are_tall_enough_for_their_wrapped_text(tmp_path):
    """Does every row hold the lines its longest wrapped cell needs?"""
    from openpyxl import load_workbook

    path = _full_plan().to_excel(tmp_path / "계획표.xlsx")
    ws = load_workbook(path).active
    widths = {letter: dim.width for letter, dim in ws.column_dimensions.items()}
    objective = ws["A7"].value
    assert objective.startswith("어르신이 3개월 동안")
    needed = plan_export.text_lines(objective, widths["A"])
    assert needed >= 2
    assert ws.row_dimensions[7].height >= needed * 15
    assert ws.row_dimensions[8].height is not None


def test_xlsx_and_hwpx_files_get_the_usual_file_mode(tmp_path):
    """Are the plan files readable like the project's other outputs (0644), not owner-only?"""
    import os

    mask = os.umask(0o022)
    os.umask(mask)
    expected = 0o666 & ~mask
    plan = _full_plan()
    for path in (plan.to_excel(tmp_path / "a.xlsx"), plan_export.to_hwpx(plan, tmp_path / "a.hwpx")):
        assert stat.S_IMODE(path.stat().st_mode) == expected, path.name


SOFFICE = shutil.which("soffice")
PDFTOPPM = shutil.which("pdftoppm")
PDFTOTEXT = shutil.which("pdftotext")


def _word_boxes(pdf: Path) -> list[tuple[str, float, float, float, float]]:
    html = subprocess.run([PDFTOTEXT, "-bbox", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    pattern = re.compile(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
    return [(m[5], float(m[1]), float(m[2]), float(m[3]), float(m[4])) for m in pattern.finditer(html)]


@pytest.mark.skipif(
    not (SOFFICE and PDFTOPPM and PDFTOTEXT),
    reason="LibreOffice (libreoffice-calc-nogui) or poppler-utils is missing; "
    "python3 tasks.py test installs them as root",
)
def test_xlsx_printed_by_libreoffice_has_no_overprinted_text(tmp_path):
    """Printed through LibreOffice, does any word of the form overlap another?

    The bundled elderly-case plan has the wrapped cells the spreadsheet review found running
    into the next row. The PNG is kept at build/plan_xlsx.png for a person to look at.
    """
    case = cases.load_case("elderly_alone")
    plan = case.practice_data.service_plan.to_service_plan("김○○")
    plan = dataclasses.replace(plan, consent_from=date(2025, 3, 1), signed_on=date(2025, 3, 1))
    xlsx = plan.to_excel(tmp_path / "plan.xlsx")
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(xlsx)],
        check=True, capture_output=True, timeout=120,
    )
    pdf = tmp_path / "plan.pdf"
    assert pdf.is_file()
    words = _word_boxes(pdf)
    text = " ".join(w[0] for w in words)
    assert "서비스제공" in text and "동의합니다." in text and "⑮" in text
    overlaps = []
    for i, (a, ax0, ay0, ax1, ay1) in enumerate(words):
        for b, bx0, by0, bx1, by1 in words[i + 1:]:
            dx = min(ax1, bx1) - max(ax0, bx0)
            dy = min(ay1, by1) - max(ay0, by0)
            if dx > 1.0 and dy > 1.0:
                overlaps.append((a, b))
    assert not overlaps, f"overprinted words: {overlaps[:5]}"
    BUILD.mkdir(exist_ok=True)
    subprocess.run([PDFTOPPM, "-png", "-r", "110", "-singlefile", str(pdf), str(BUILD / "plan_xlsx")],
                   check=True, timeout=60)
    assert (BUILD / "plan_xlsx.png").stat().st_size > 10_000
