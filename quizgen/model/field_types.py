"""Field types shared by every model: ids, non-blank text, and dates of day, month or year precision."""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
)
from pydantic_core import core_schema

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
HEX64_PATTERN = r"^[0-9a-f]{64}$"


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("expected text, found an empty string")
    return value


Id = Annotated[str, Field(pattern=ID_PATTERN, description="An id: lowercase letters, digits and single hyphens, like `town-mayor-2020`.")]
Number = Annotated[float, Field(allow_inf_nan=False)]
"""A finite number: `1.0e400` reads as infinity, which no figure is."""
Text = Annotated[str, Field(min_length=1, pattern=r"\S"), AfterValidator(_not_blank)]


class StrictModel(BaseModel):
    """Base of every corpus model: no unknown fields, no type coercion, immutable."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, use_attribute_docstrings=True)


_DATE = re.compile(r"(?P<year>[0-9]{4})(?:-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?)?")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


@functools.total_ordering
@dataclass(frozen=True)
class PartialDate:
    """A calendar date known to the year, the month or the day: ``2003``, ``2003-03``, ``2021-04-07``.

    Dates sort chronologically; a less precise date sorts before the more precise ones it contains.
    """

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self.sort_key < other.sort_key

    @classmethod
    def parse(cls, value: Any) -> "PartialDate":
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise ValueError(f"expected a date as YYYY-MM-DD, YYYY-MM or YYYY, found {value!r}")
        text = str(value)
        match = _DATE.fullmatch(text)
        if not match:
            raise ValueError(f"expected a date as YYYY-MM-DD, YYYY-MM or YYYY, found '{text}'")
        year = int(match["year"])
        month = int(match["month"]) if match["month"] else None
        day = int(match["day"]) if match["day"] else None
        if year == 0:
            raise ValueError(f"expected a year from 0001, found '{text}' (the calendar has no year 0)")
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"expected a month from 01 to 12, found '{text}'")
        if day is not None and not 1 <= day <= calendar.monthrange(year, month or 1)[1]:
            raise ValueError(f"expected a real calendar date, found '{text}' ({_MONTHS[(month or 1) - 1]} {year} has {calendar.monthrange(year, month or 1)[1]} days)")
        return cls(year, month, day)

    def in_definite_order_with(self, other: "PartialDate") -> bool:
        """Whether one date is surely before the other: neither period contains the other (``2020``
        and ``2020-06`` are not in a definite order; ``2020-01`` and ``2020-06`` are)."""
        def span(d: PartialDate) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
            return (d.year, d.month or 1, d.day or 1), (d.year, d.month or 12, d.day or 31)
        (a0, a1), (b0, b1) = span(self), span(other)
        return a1 < b0 or b1 < a0

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def iso(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    @property
    def display(self) -> str:
        """How a reader sees it: ``7 April 2021``, ``April 2021`` or ``2021``."""
        if self.day and self.month:  # a day comes with its month
            return f"{self.day} {_MONTHS[self.month - 1]} {self.year}"
        if self.month:
            return f"{_MONTHS[self.month - 1]} {self.year}"
        return str(self.year)

    def __str__(self) -> str:
        return self.iso

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            lambda v: v if isinstance(v, cls) else cls.parse(v),
            serialization=core_schema.plain_serializer_function_ser_schema(lambda d: d.iso),
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        return {
            "anyOf": [
                {"type": "string", "pattern": r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"},
                {"type": "integer", "minimum": 1000, "maximum": 9999},
            ],
            "description": "A date to the day (2021-04-07), the month (2021-04) or the year (2021).",
        }


class FullDate(PartialDate):
    """A date known to the day, written YYYY-MM-DD."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        def validate(value: Any) -> FullDate:
            if isinstance(value, FullDate):
                return value
            partial = PartialDate.parse(value)
            if partial.precision != "day":
                raise ValueError(f"expected a full date as YYYY-MM-DD, found '{partial.iso}'")
            return cls(partial.year, partial.month, partial.day)

        return core_schema.no_info_plain_validator_function(
            validate, serialization=core_schema.plain_serializer_function_ser_schema(lambda d: d.iso))

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        return {"type": "string", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description": "A date written YYYY-MM-DD."}
