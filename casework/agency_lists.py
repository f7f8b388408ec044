"""Combining agencies' client lists: who is served twice, who was missed (동 단위 사례관리).

Source: 광진구청 복지정책과 희망나눔팀 「사례관리 학습 동아리 교재」. Two of the three 동 goals
are served here: no one is missed (대상자 누락 방지), by sharing records (DB 공유) to overcome
the fragmentation of separate case management; and resources are linked without needless
overlap (the lecture slides: 서비스 중복 지양).

A *service list* is a CSV with the columns ``이름, 생년월일, 주소(동), 기관, 서비스``: one row
per person and service. A *need list* is a CSV with ``이름, 생년월일, 주소(동), 욕구``: the people
whose needs the 동 has assessed, one row per need.

Teaching rules of the workbook (the textbook does not say how to match lists):

* Two rows are the same person when the normalised name and the birth year-month are equal.
  Names are normalised by Unicode NFC and by removing every space ("바사 아" → "바사아").
  Birth dates are compared as ``YYYY-MM``: 1943-09, 1943.09, 1943/9, 194309 and 1943년 9월
  all read the same, and a full date (1943-09-15) keeps only its year and month, so the lists
  carry less personal data than they could. ``주소(동)`` is not part of the match, because
  people move; a person whose 동 differs between lists gets a note to check.
* Same name and birth month can still be two people, and one person can be written two ways.
  Every result is a list of *possible* overlaps or gaps to confirm with the agencies, not a
  verdict.
* "Served twice" means listed by two or more different agencies (the ``기관`` column). Two
  services from one agency are that agency's own matter, not an overlap between agencies.
* "Missed" means on the need list but on none of the service lists given. The lists do not say
  which need a service meets, so the check is per person, not per need.
* Outputs show names masked with :func:`casework.privacy.mask_names` (가나다 → 가○○): the
  workbook's notebooks are shared in the study group. Columns that hold 주민등록번호 or phone
  numbers are refused: matching needs only the name and the birth month.

Bad input raises :class:`casework.errors.CaseworkError` with a Korean message that names the
file (or table), the line and the problem. Nothing is fixed silently except the normalisation
above, which is the documented matching rule.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import cast

import pandas as pd

from casework._util.text import particle
from casework.errors import CaseworkError
from casework.privacy import mask_names

__all__ = [
    "NAME",
    "BIRTH",
    "DONG",
    "AGENCY",
    "SERVICE",
    "NEED",
    "SERVICE_COLUMNS",
    "NEED_COLUMNS",
    "SAMPLE_DIR",
    "Person",
    "normalise_name",
    "normalise_birth",
    "load_agency_list",
    "read_agency_list",
    "load_need_list",
    "read_need_list",
    "validate_agency_list",
    "validate_need_list",
    "sample_agency_lists",
    "sample_need_list",
    "masked_view",
    "combine",
    "served_twice",
    "missed",
    "person_choices",
    "compare_answers", "ListAnswerCheck",
]

NAME = "이름"
BIRTH = "생년월일"
DONG = "주소(동)"
AGENCY = "기관"
SERVICE = "서비스"
NEED = "욕구"
SERVICE_COLUMNS: tuple[str, ...] = (NAME, BIRTH, DONG, AGENCY, SERVICE)
NEED_COLUMNS: tuple[str, ...] = (NAME, BIRTH, DONG, NEED)

SAMPLE_DIR = Path(__file__).parent / "data" / "agency_lists"
_SAMPLE_AGENCY_FILES = ("dong_center.csv", "welfare_center.csv", "home_care.csv")
_SAMPLE_NEED_FILE = "needs.csv"

# Headers people often write instead of ours: suggested in the error, never renamed silently.
_ALIASES = {
    "성명": NAME, "이름(성명)": NAME, "대상자명": NAME, "대상자": NAME,
    "생년월": BIRTH, "생일": BIRTH, "출생": BIRTH, "출생연월": BIRTH,
    "주소": DONG, "동": DONG, "행정동": DONG, "거주동": DONG,
    "기관명": AGENCY, "제공기관": AGENCY, "서비스기관": AGENCY,
    "서비스명": SERVICE, "제공서비스": SERVICE, "사업명": SERVICE,
    "욕구내용": NEED, "필요": NEED, "욕구(사정)": NEED,
}
_SENSITIVE = ("주민", "전화", "연락처", "휴대", "핸드폰")

_KEY = "_key"  # internal column: (normalised name, YYYY-MM)
_LINE = "_line"  # internal column: line number in the source file (header = line 1)


# --------------------------------------------------------------------------- normalising


def normalise_name(value: object) -> str:
    """A name for matching: NFC, every space removed. Raises CaseworkError if unusable."""
    if not isinstance(value, str):
        raise CaseworkError(f"이름은 글자로 적어야 합니다. 받은 값: {value!r}")
    name = re.sub(r"\s+", "", unicodedata.normalize("NFC", value))
    if not name:
        raise CaseworkError("이름이 비어 있습니다. 성과 이름을 적어 주세요.")
    if any(c.isdigit() for c in name):
        raise CaseworkError(
            f"이름 {value!r}에 숫자가 들어 있습니다. 열이 뒤바뀌지 않았는지(이름 칸에 생년월일 등) 확인해 주세요."
        )
    if len(name) < 2:
        raise CaseworkError(f"이름 {value!r}{particle(repr(value), '이')} 한 글자입니다. 성과 이름을 함께 적어 주세요.")
    return name


_BIRTH_PATTERNS = (
    re.compile(r"(?P<y>\d{4})\s*[-./]\s*(?P<m>\d{1,2})(?:\s*[-./]\s*(?P<d>\d{1,2}))?\s*\.?"),
    re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})?"),
    re.compile(r"(?P<y>\d{4})\s*년\s*(?P<m>\d{1,2})\s*월(?:\s*(?P<d>\d{1,2})\s*일)?"),
)
_BIRTH_HELP = "1943-09 처럼 연도 네 자리와 월을 적어 주세요 (1943.09, 194309, 1943년 9월도 됩니다)"


def normalise_birth(value: object) -> str:
    """A birth date as ``YYYY-MM``; a full date keeps only year and month.

    Accepts 1943-09, 1943.09, 1943/9, 194309, 1943년 9월, the same with a day, and date objects.
    """
    if isinstance(value, date):  # also datetime and pandas.Timestamp
        value = f"{value.year:04d}-{value.month:02d}"
    if not isinstance(value, str):
        raise CaseworkError(f"생년월일은 글자로 적어야 합니다. 받은 값: {value!r}. {_BIRTH_HELP}.")
    text = unicodedata.normalize("NFKC", value).strip()
    if not text:
        raise CaseworkError(f"생년월일이 비어 있습니다. {_BIRTH_HELP}.")
    for pattern in _BIRTH_PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            break
    else:
        raise CaseworkError(f"생년월일 {value!r}{particle(repr(value), '을')} 읽을 수 없습니다. {_BIRTH_HELP}.")
    year, month = int(match["y"]), int(match["m"])
    day = int(match["d"]) if match["d"] else 1
    if not 1900 <= year <= date.today().year:
        raise CaseworkError(f"생년월일 {value!r}의 연도 {year}는 있을 수 없는 해입니다. 연도를 확인해 주세요.")
    try:
        date(year, month, day)
    except ValueError:
        raise CaseworkError(
            f"생년월일 {value!r}{particle(repr(value), '은')} 달력에 없는 날짜입니다 (월은 1~12, 일은 그 달의 날수 안). 다시 확인해 주세요."
        ) from None
    return f"{year:04d}-{month:02d}"


# --------------------------------------------------------------------------- reading files


def _decode(raw: bytes, where: str) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise CaseworkError(
            f"{where}: UTF-16으로 저장된 파일이라 읽을 수 없습니다. 엑셀에서 '다른 이름으로 저장' → "
            "'CSV UTF-8(쉼표로 분리)'로 다시 저장해 주세요."
        )
    for encoding in ("utf-8-sig", "cp949"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CaseworkError(
        f"{where}: 글자 인코딩을 알 수 없어 읽지 못했습니다 (UTF-8과 CP949 모두 실패). 엑셀에서 "
        "'CSV UTF-8(쉼표로 분리)'로 다시 저장해 주세요."
    )


def _read_csv(path: str | Path) -> tuple[pd.DataFrame, str]:
    """Read a CSV file as text columns; return the frame (with line numbers) and its name."""
    if not isinstance(path, (str, Path)):
        raise CaseworkError(f"명단 파일의 경로를 글자로 주세요. 받은 값: {path!r}")
    p = Path(path)
    where = f"명단 파일 '{p.name}'"
    if not p.is_file():
        raise CaseworkError(f"{where}{particle(str(where), '을')} 찾을 수 없습니다 (찾은 곳: {p}). 파일 이름과 폴더를 확인해 주세요.")
    return _parse_csv(p.read_bytes(), where)


def _parse_csv(raw: bytes, where: str) -> tuple[pd.DataFrame, str]:
    """Parse a CSV file's bytes (``where`` names it in errors) as in :func:`_read_csv`."""
    text = _decode(raw, where)
    if not text.strip():
        raise CaseworkError(f"{where}{particle(str(where), '이')} 비어 있습니다. 제목 줄({', '.join(SERVICE_COLUMNS)})과 명단을 넣어 주세요.")
    rows = list(csv.reader(io.StringIO(text)))
    header = [h.strip().lstrip("\ufeff") for h in rows[0]]
    if len(header) == 1 and any(sep in header[0] for sep in ("\t", ";", "|")):
        raise CaseworkError(
            f"{where}의 칸이 쉼표(,)로 나뉘어 있지 않습니다 (탭이나 세미콜론으로 보입니다). "
            "엑셀에서 'CSV(쉼표로 분리)'로 다시 저장해 주세요."
        )
    blank_headers = [i + 1 for i, h in enumerate(header) if not h]
    if blank_headers:
        raise CaseworkError(
            f"{where}의 제목 줄에 이름이 없는 열이 있습니다 ({', '.join(map(str, blank_headers))}번째 열). "
            "빈 열을 지우거나 열 이름을 적어 주세요."
        )
    repeated = sorted({h for h in header if header.count(h) > 1})
    if repeated:
        raise CaseworkError(
            f"{where}의 제목 줄에 같은 열 이름이 두 번 있습니다: {', '.join(repeated)}. 하나만 남겨 주세요."
        )
    sensitive = [h for h in header if any(word in h for word in _SENSITIVE)]
    if sensitive:
        raise CaseworkError(
            f"{where}에 '{sensitive[0]}' 열이 있습니다. 명단을 맞춰 보는 데는 이름과 생년월(연·월)이면 "
            "충분하니, 합의된 최소한의 정보만 나눈다는 원칙에 따라 그 열을 지운 파일을 써 주세요."
        )
    body: list[list[str]] = []
    lines: list[int] = []
    # csv.reader may span lines inside quotes; line_num tracking keeps numbers honest.
    reader = csv.reader(io.StringIO(text))
    next(reader)
    for fields in reader:
        line = reader.line_num
        if not fields or all(not f.strip() for f in fields):
            continue  # blank lines (often at the end of an Excel export) carry nothing
        if [f.strip().lstrip("\ufeff") for f in fields] == header:
            raise CaseworkError(
                f"{where}의 {line}번째 줄에 제목 줄이 한 번 더 들어 있습니다 (두 파일을 이어 붙이면 생깁니다). "
                "그 줄을 지워 주세요."
            )
        if len(fields) != len(header):
            raise CaseworkError(
                f"{where}의 {line}번째 줄은 칸이 {len(fields)}개인데 제목 줄은 {len(header)}칸입니다. "
                "글 안에 쉼표가 있다면 그 칸을 큰따옴표로 감싸 주세요."
            )
        body.append([f.strip() for f in fields])
        lines.append(line)
    if not body:
        raise CaseworkError(f"{where}에 제목 줄만 있고 명단이 없습니다. 한 사람 이상 적어 주세요.")
    frame = pd.DataFrame(body, columns=header, dtype=object)
    frame[_LINE] = lines
    return frame, where


# --------------------------------------------------------------------------- validating


def _suggest(missing: str, present: Iterable[str]) -> str:
    for header in present:
        if _ALIASES.get(header) == missing:
            return f" ('{header}' 열을 '{missing}'{particle(str(missing), '으로')} 바꾸면 됩니다)"
    return ""


def _validate(table: object, columns: tuple[str, ...], where: str, *, what: str) -> pd.DataFrame:
    if not isinstance(table, pd.DataFrame):
        raise CaseworkError(
            f"{what}{particle(str(what), '은')} 표(pandas DataFrame)로 주세요. 받은 값의 종류: {type(table).__name__}. "
            "파일이라면 load_agency_list('파일.csv')나 load_need_list('파일.csv')로 먼저 읽어 주세요."
        )
    present = [str(c) for c in table.columns if c not in (_KEY, _LINE)]
    missing = [c for c in columns if c not in present]
    if missing:
        hints = "".join(_suggest(m, present) for m in missing)
        raise CaseworkError(
            f"{where}에 {', '.join(repr(m) for m in missing)} 열이 없습니다{hints}. "
            f"필요한 열: {', '.join(columns)}. 지금 있는 열: {', '.join(present) or '없음'}."
        )
    if table.empty:
        raise CaseworkError(f"{where}에 명단이 없습니다. 한 사람 이상 적어 주세요.")
    lines = table[_LINE].tolist() if _LINE in table.columns else [None] * len(table)
    out = table[list(columns)].copy()
    names: list[str] = []
    births: list[str] = []
    for (_, row), line in zip(out.iterrows(), lines):
        at = f"{where}의 {line}번째 줄" if line is not None else f"{where}의 {len(names) + 1}번째 사람"
        for col in columns:
            value = row[col]
            if value is None or (isinstance(value, float) and pd.isna(value)) or not str(value).strip():
                raise CaseworkError(f"{at}: '{col}' 칸이 비어 있습니다. 채워 넣거나 그 줄을 지워 주세요.")
        try:
            names.append(normalise_name(row[NAME]))
            birth = row[BIRTH]
            births.append(normalise_birth(birth if isinstance(birth, date) else str(birth)))
        except CaseworkError as err:
            raise CaseworkError(f"{at}: {err}") from None
    out[NAME] = names
    out[BIRTH] = births
    for col in columns[2:]:
        out[col] = [re.sub(r"\s+", " ", str(v)).strip() for v in out[col]]
    out[_KEY] = list(zip(names, births))
    out[_LINE] = lines
    dup = out.duplicated(subset=list(columns), keep=False)
    if dup.any():
        rows = out[dup]
        first = rows.iloc[0]
        where_lines = [str(x) for x in rows[_LINE] if x is not None]
        place = f" ({', '.join(where_lines)}번째 줄)" if where_lines else ""
        raise CaseworkError(
            f"{where}에 같은 내용의 줄이 두 번 이상 있습니다{place}: "
            f"{mask_names(first[NAME], [first[NAME]])}, {first[BIRTH]}, {first[columns[-1]]}. 하나만 남겨 주세요."
        )
    out = out.reset_index(drop=True)
    out.attrs["source"] = where
    return out


def _where(source: object) -> str:
    if not isinstance(source, str) or not source.strip():
        raise CaseworkError(f"명단의 이름(source)은 글자로 주세요. 받은 값: {source!r}")
    return source if source.startswith(("명단 파일", "'")) else f"'{source}'"


def validate_agency_list(table: pd.DataFrame, *, source: str = "기관 명단") -> pd.DataFrame:
    """Check and normalise a service list given as a DataFrame (columns ``SERVICE_COLUMNS``).

    ``source`` names the list in error messages. Extra columns are dropped from the result.
    """
    return _validate(table, SERVICE_COLUMNS, _where(source), what="기관 명단")


def validate_need_list(table: pd.DataFrame, *, source: str = "욕구 사정 명단") -> pd.DataFrame:
    """Check and normalise a need list given as a DataFrame (columns ``NEED_COLUMNS``)."""
    return _validate(table, NEED_COLUMNS, _where(source), what="욕구 사정 명단")


def load_agency_list(path: str | Path) -> pd.DataFrame:
    """Read and validate one agency's service list (CSV, UTF-8 or CP949)."""
    frame, where = _read_csv(path)
    return validate_agency_list(frame, source=where)


def load_need_list(path: str | Path) -> pd.DataFrame:
    """Read and validate the 동's list of people with assessed needs (CSV, UTF-8 or CP949)."""
    frame, where = _read_csv(path)
    return validate_need_list(frame, source=where)


def _uploaded(raw: object, name: object) -> tuple[bytes, str]:
    if not isinstance(raw, (bytes, bytearray, memoryview)):
        raise CaseworkError(f"올린 파일의 내용을 읽을 수 없습니다 (받은 값의 종류: {type(raw).__name__}).")
    file_name = str(name or "").strip() or "이름 없는 파일"
    if not file_name.lower().endswith(".csv"):
        raise CaseworkError(
            f"명단 파일 '{file_name}': CSV 파일이 아닙니다. 엑셀에서 '다른 이름으로 저장' → "
            "'CSV UTF-8(쉼표로 분리)'로 저장한 .csv 파일을 올려 주세요."
        )
    return bytes(raw), f"명단 파일 '{file_name}'"


def read_agency_list(raw: bytes, name: str) -> pd.DataFrame:
    """Read and validate an uploaded service list: the file's bytes and its name (for errors)."""
    frame, where = _parse_csv(*_uploaded(raw, name))
    return validate_agency_list(frame, source=where)


def read_need_list(raw: bytes, name: str) -> pd.DataFrame:
    """Read and validate an uploaded need list: the file's bytes and its name (for errors)."""
    frame, where = _parse_csv(*_uploaded(raw, name))
    return validate_need_list(frame, source=where)


def sample_agency_lists() -> dict[str, pd.DataFrame]:
    """The workbook's fictional service lists, keyed by agency name (가나1동 주민센터, …)."""
    lists: dict[str, pd.DataFrame] = {}
    for file in _SAMPLE_AGENCY_FILES:
        table = load_agency_list(SAMPLE_DIR / file)
        lists[" · ".join(dict.fromkeys(table[AGENCY]))] = table
    return lists


def sample_need_list() -> pd.DataFrame:
    """The workbook's fictional need list of 가나1동 (people whose needs were assessed)."""
    return load_need_list(SAMPLE_DIR / _SAMPLE_NEED_FILE)


# --------------------------------------------------------------------------- people


@dataclass(frozen=True, order=True)
class Person:
    """One person as matched across lists: normalised name and birth year-month."""

    name: str
    birth: str

    @property
    def masked(self) -> str:
        """The name with all but the family name hidden: 가나다 → 가○○."""
        return mask_names(self.name, [self.name])

    @property
    def label(self) -> str:
        """How the person is shown to learners: ``가○○ (1941-03)``."""
        return f"{self.masked} ({self.birth})"


def _person(key: object) -> Person:
    # pandas types a group key as any scalar; a _KEY value is a (name, birth) pair
    return Person(*cast(tuple[str, str], key))


def _service_lists(lists: object) -> list[pd.DataFrame]:
    if isinstance(lists, pd.DataFrame):
        lists = [lists]
    if isinstance(lists, Mapping):
        lists = list(lists.values())
    if isinstance(lists, (str, bytes)) or not isinstance(lists, Iterable):
        raise CaseworkError(
            f"기관 명단은 표(DataFrame)들의 목록으로 주세요. 예: [주민센터_명단, 복지관_명단]. 받은 값: {lists!r}"
        )
    checked: list[pd.DataFrame] = []
    for i, table in enumerate(lists, start=1):
        source = table.attrs.get("source") if isinstance(table, pd.DataFrame) else None
        current = validate_agency_list(table, source=source or f"{i}번째 기관 명단")
        for j, earlier in enumerate(checked, start=1):
            if current[list(SERVICE_COLUMNS)].equals(earlier[list(SERVICE_COLUMNS)]):
                raise CaseworkError(
                    f"{j}번째와 {i}번째 기관 명단이 똑같습니다. 같은 명단을 두 번 넣은 것 같으니, "
                    "서로 다른 기관의 명단을 골라 주세요."
                )
        checked.append(current)
    if not checked:
        raise CaseworkError("기관 명단이 하나도 없습니다. 합칠 명단을 넣어 주세요.")
    return checked


def _need_list(table: object) -> pd.DataFrame:
    source = table.attrs.get("source") if isinstance(table, pd.DataFrame) else None
    # anything but a DataFrame gets validate_need_list's Korean error
    return validate_need_list(table, source=source or "욕구 사정 명단")  # type: ignore[arg-type]


def _mask_column(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    frame[NAME] = [Person(n, b).masked for n, b in zip(frame[NAME], frame[BIRTH])]
    return frame


def _public(frame: pd.DataFrame, mask: bool) -> pd.DataFrame:
    frame = frame.drop(columns=[c for c in (_KEY, _LINE) if c in frame.columns])
    frame = _mask_column(frame) if mask else frame
    return frame.reset_index(drop=True)


def masked_view(table: pd.DataFrame) -> pd.DataFrame:
    """A validated copy of a service or need list with names masked, for showing on screen."""
    if isinstance(table, pd.DataFrame) and NEED in table.columns and AGENCY not in table.columns:
        return _public(_need_list(table), True)
    return _public(_service_lists([table])[0], True)


def combine(lists: Iterable[pd.DataFrame], *, mask: bool = True) -> pd.DataFrame:
    """All rows of the given service lists in one table, ordered by person (names masked)."""
    tables = _service_lists(lists)
    merged = pd.concat(tables, ignore_index=True)
    merged = merged.sort_values([NAME, BIRTH, AGENCY, SERVICE], kind="stable")
    return _public(merged, mask)


def _by_person(tables: list[pd.DataFrame]) -> dict[Person, pd.DataFrame]:
    merged = pd.concat(tables, ignore_index=True)
    return {_person(key): rows for key, rows in merged.groupby(_KEY, sort=True)}


def _services_text(rows: pd.DataFrame) -> str:
    parts = []
    for agency, group in rows.groupby(AGENCY, sort=False):
        parts.append(f"{agency}({', '.join(dict.fromkeys(group[SERVICE]))})")
    return " / ".join(parts)


def _twice(tables: list[pd.DataFrame]) -> dict[Person, pd.DataFrame]:
    return {p: rows for p, rows in _by_person(tables).items() if rows[AGENCY].nunique() >= 2}


def _namesakes(person: Person, rows_by_person: Mapping[Person, pd.DataFrame]) -> list[tuple[Person, pd.DataFrame]]:
    return [(p, r) for p, r in rows_by_person.items() if p.name == person.name and p.birth != person.birth]


def served_twice(lists: Iterable[pd.DataFrame], *, mask: bool = True) -> pd.DataFrame:
    """People listed by two or more agencies, with each agency's services: overlaps to coordinate.

    Columns: 이름 (masked unless ``mask=False``), 생년월일, 주소(동), 기관 수, 기관별 서비스,
    확인할 점 (e.g. the 동 differs between lists). One row per person, ordered by name.
    """
    tables = _service_lists(lists)
    records = []
    for person, rows in _twice(tables).items():
        dongs = list(dict.fromkeys(rows[DONG]))
        note = ""
        if len(dongs) > 1:
            note = "주소(동)이 명단마다 다릅니다. 이사했는지, 다른 사람은 아닌지 기관과 확인하세요."
        records.append({
            NAME: person.masked if mask else person.name,
            BIRTH: person.birth,
            DONG: ", ".join(dongs),
            "기관 수": int(rows[AGENCY].nunique()),
            "기관별 서비스": _services_text(rows),
            "확인할 점": note,
        })
    columns = [NAME, BIRTH, DONG, "기관 수", "기관별 서비스", "확인할 점"]
    return pd.DataFrame(records, columns=columns)


def _missed(need_list: pd.DataFrame, tables: list[pd.DataFrame]) -> dict[Person, pd.DataFrame]:
    served = set().union(*(set(t[_KEY]) for t in tables))
    return {_person(key): rows for key, rows in need_list.groupby(_KEY, sort=True) if key not in served}


def missed(need_list: pd.DataFrame, service_lists: Iterable[pd.DataFrame], *, mask: bool = True) -> pd.DataFrame:
    """People on the need list whom none of the service lists serves: nobody has picked them up.

    Columns: 이름 (masked unless ``mask=False``), 생년월일, 주소(동), 욕구, 확인할 점 (e.g. a
    namesake with another birth month is on a service list). One row per person.
    """
    needs = _need_list(need_list)
    tables = _service_lists(service_lists)
    by_person = _by_person(tables)
    records = []
    for person, rows in _missed(needs, tables).items():
        note = ""
        namesakes = _namesakes(person, by_person)
        if namesakes:
            other, other_rows = namesakes[0]
            agencies = ", ".join(dict.fromkeys(other_rows[AGENCY]))
            note = (
                f"이름이 같고 생년월이 다른 사람({other.birth})이 {agencies} 명단에 있습니다. "
                "생년월일을 잘못 적은 것인지 기관과 확인하세요."
            )
        records.append({
            NAME: person.masked if mask else person.name,
            BIRTH: person.birth,
            DONG: ", ".join(dict.fromkeys(rows[DONG])),
            NEED: ", ".join(dict.fromkeys(rows[NEED])),
            "확인할 점": note,
        })
    return pd.DataFrame(records, columns=[NAME, BIRTH, DONG, NEED, "확인할 점"])


# --------------------------------------------------------------------------- the exercise


def person_choices(service_lists: Iterable[pd.DataFrame], need_list: pd.DataFrame) -> dict[str, Person]:
    """Everyone on the given lists, keyed by the label a learner sees (``가○○ (1941-03)``).

    Two people whose labels would be equal get a running number (``가○○ (1941-03) ·2``).
    """
    tables = _service_lists(service_lists)
    needs = _need_list(need_list)
    people = sorted({Person(*k) for t in [*tables, needs] for k in t[_KEY]})
    choices: dict[str, Person] = {}
    for person in people:
        label, n = person.label, 1
        while label in choices:
            n += 1
            label = f"{person.label} ·{n}"
        choices[label] = person
    return choices


def _agencies(rows: pd.DataFrame) -> str:
    return ", ".join(dict.fromkeys(rows[AGENCY]))


def _why_not_twice(person: Person, by_person: Mapping[Person, pd.DataFrame]) -> str:
    rows = by_person.get(person)
    namesakes = _namesakes(person, by_person)
    if namesakes and (rows is None or rows[AGENCY].nunique() < 2):
        births = ", ".join(sorted({person.birth, *(p.birth for p, _ in namesakes)}))
        return (
            f"{person.label}: 이름은 같아도 생년월이 다릅니다({births}). 이름과 생년월이 모두 같아야 "
            "같은 사람으로 봅니다. 동명이인일 수 있습니다."
        )
    if rows is None:
        return f"{person.label}: 고른 기관 명단 어디에도 없는 사람입니다. 오히려 누락이 아닌지 살펴보세요."
    services = ", ".join(dict.fromkeys(rows[SERVICE]))
    if len(rows) > 1:
        return (
            f"{person.label}: {_agencies(rows)} 한 기관 안에서 여러 서비스({services})를 받습니다. "
            "기관 사이의 중복이 아니라 그 기관 안에서 조정할 일입니다."
        )
    return f"{person.label}: {_agencies(rows)} 한 곳에서만 서비스({services})를 받습니다."


def _why_not_missed(person: Person, by_person: Mapping[Person, pd.DataFrame], need_people: set[Person]) -> str:
    rows = by_person.get(person)
    if rows is not None:
        what = _services_text(rows)
        if person not in need_people:
            return f"{person.label}: 욕구 사정 명단에 없는 사람이고, 이미 서비스를 받고 있습니다({what})."
        return f"{person.label}: 이미 서비스를 받고 있어 누락이 아닙니다({what})."
    return (
        f"{person.label}: 욕구 사정 명단에 없는 사람입니다. 누락은 욕구가 확인된 사람 가운데 "
        "아무 기관도 돕지 않는 사람입니다."
    )


def _resolve(answers: object, choices: Mapping[str, Person], what: str) -> set[Person]:
    if answers is None:
        return set()
    if isinstance(answers, str) or not isinstance(answers, Iterable):
        raise CaseworkError(f"{what}{particle(str(what), '은')} 사람 표시의 목록으로 주세요. 예: ['가○○ (1941-03)']. 받은 값: {answers!r}")
    picked: set[Person] = set()
    for answer in answers:
        if isinstance(answer, Person):
            picked.add(answer)
            continue
        if not isinstance(answer, str) or answer.strip() not in choices:
            known = ", ".join(choices)
            raise CaseworkError(f"{what}에 명단에 없는 사람이 있습니다: {answer!r}. 고를 수 있는 사람: {known}")
        picked.add(choices[answer.strip()])
    return picked


@dataclass(frozen=True)
class ListAnswerCheck:
    """A learner's picks compared with the lists: what was right, what was wrong and why.

    ``right`` and ``wrong`` hold Korean explanations, one per person; ``left_twice`` and
    ``left_missed`` count the people not found (never named, so the answer is not given away).
    """

    expected_twice: int
    expected_missed: int
    right: tuple[str, ...]
    wrong: tuple[str, ...]
    left_twice: int
    left_missed: int
    picked_any: bool


def compare_answers(
    service_lists: Iterable[pd.DataFrame],
    need_list: pd.DataFrame,
    *,
    twice: Iterable[str | Person] | None,
    missed: Iterable[str | Person] | None,
) -> ListAnswerCheck:
    """Compare a learner's picks (labels from :func:`person_choices`) with the combined lists.

    Each wrong pick gets its reason (a namesake, one agency with two services, already served,
    not on the need list).
    """
    tables = _service_lists(service_lists)
    needs = _need_list(need_list)
    choices = person_choices(tables, needs)
    picked_twice = _resolve(twice, choices, "'두 곳 이상' 답")
    picked_missed = _resolve(missed, choices, "'누락' 답")
    expected_twice = set(_twice(tables))
    expected_missed = set(_missed(needs, tables))
    by_person = _by_person(tables)
    need_people = {Person(*k) for k in needs[_KEY]}
    right: list[str] = []
    for person in sorted(picked_twice & expected_twice):
        rows = by_person[person]
        right.append(f"{person.label}: {rows[AGENCY].nunique()}개 기관에서 서비스를 받습니다({_services_text(rows)}). "
                     "기관끼리 역할을 나눌지 협의해 보세요.")
    for person in sorted(picked_missed & expected_missed):
        own = [need for key, need in zip(needs[_KEY], needs[NEED]) if key == (person.name, person.birth)]
        right.append(f"{person.label}: 욕구({', '.join(dict.fromkeys(own))})가 있는데 돕는 기관이 없습니다.")
    wrong = [f"두 곳 이상이 아닙니다 — {_why_not_twice(p, by_person)}" for p in sorted(picked_twice - expected_twice)]
    wrong += [f"누락이 아닙니다 — {_why_not_missed(p, by_person, need_people)}"
              for p in sorted(picked_missed - expected_missed)]
    return ListAnswerCheck(
        expected_twice=len(expected_twice), expected_missed=len(expected_missed),
        right=tuple(right), wrong=tuple(wrong),
        left_twice=len(expected_twice - picked_twice), left_missed=len(expected_missed - picked_missed),
        picked_any=bool(picked_twice or picked_missed),
    )


