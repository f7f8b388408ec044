"""The ten life domains of 통합사례관리 needs assessment, plus 기타."""

from __future__ import annotations

from enum import Enum

from casework.labels import parse_member


class Domain(str, Enum):
    """A needs domain (욕구 영역). The value is the Korean label learners see."""

    SAFETY = "안전"
    HEALTH = "건강"
    DAILY_LIVING = "일상생활유지"
    FAMILY = "가족관계"
    SOCIAL = "사회적 관계"
    ECONOMY = "경제"
    EDUCATION = "교육"
    EMPLOYMENT = "고용"
    LIVING_ENVIRONMENT = "생활환경"
    LEGAL_RIGHTS = "법률 및 권익보장"
    OTHER = "기타"

    @classmethod
    def parse(cls, value: Domain | str) -> Domain:
        """Accept a Domain, its Korean label or its English name; refuse anything else."""
        return parse_member(cls, value, "욕구 영역")
