"""The workbook's user dictionary for Kiwi: known mis-tags, each with a correction and a reason.

The entries live in ``casework/data/language/user_dictionary.yaml``; each names a surface
form, the morphemes it should be read as, and an example sentence. A test checks that every
example is analysed as written in the file.
"""

from __future__ import annotations

from functools import cache

from pydantic import BaseModel, ConfigDict, Field, StrictStr, field_validator

from casework.language.rules import RULES_DIR

__all__ = ["UserWord", "UserDictionary", "user_dictionary", "apply_user_dictionary"]

# Higher than Kiwi's own candidates for these forms (measured: 0 loses to 드세/VA, 5 wins).
_SCORE = 5.0
_TO_KIWI = str.maketrans({"ㄱ": "\u11a8", "ㄴ": "\u11ab", "ㄹ": "\u11af", "ㅁ": "\u11b7",
                          "ㅂ": "\u11b8", "ㅅ": "\u11ba", "ㅆ": "\u11bb", "ㅇ": "\u11bc"})


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class UserWord(_Strict):
    """One surface form and the morphemes it is to be read as."""

    form: StrictStr = Field(min_length=1)
    analysis: list[StrictStr] = Field(min_length=1, description="'형태/품사' 목록")
    why: StrictStr = Field(min_length=1)
    example: StrictStr = Field(min_length=1)

    @field_validator("analysis")
    @classmethod
    def _morphemes(cls, items: list[str]) -> list[str]:
        for item in items:
            form, sep, tag = item.partition("/")
            if not sep or not form or not tag.isupper():
                raise ValueError(f"'{item}'은 '형태/품사' 꼴이어야 합니다(예: 드시/VV).")
        return items

    def morphemes(self) -> list[tuple[str, str]]:
        """The analysis as Kiwi wants it (an ending's first consonant as a conjoining jamo)."""
        return [(form.translate(_TO_KIWI), tag) for form, tag in (i.split("/", 1) for i in self.analysis)]


class UserDictionary(_Strict):
    words: list[UserWord] = Field(min_length=1)


@cache
def user_dictionary() -> UserDictionary:
    """The bundled user dictionary, validated on first use."""
    from casework.datafiles import load_yaml_model

    return load_yaml_model(RULES_DIR / "user_dictionary.yaml", UserDictionary)


def apply_user_dictionary(kiwi) -> None:
    """Register every entry with a Kiwi instance."""
    for word in user_dictionary().words:
        kiwi.add_pre_analyzed_word(word.form, word.morphemes(), _SCORE)
