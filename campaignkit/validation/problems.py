"""Clear, user-facing data problems, each with a stable code from a small catalogue.

Every problem names the file, the line (as a spreadsheet shows it: the header is line 1), the
row's key and the column, says what is wrong, and carries a ``code`` (``dangling-reference``,
``date-precision`` ...) that stays the same when the wording of the message changes. Tests and
tools match on ``(file, line, column, code)``; people read the message. The data card lists the
catalogue (datasets/README.md, "Validation problems").

>>> p = Problem("campaigns.csv", 7, "first_published", "'2023-02-30' is not a real date", key="cia-x",
...             code="date-invalid")
>>> print(p)
campaigns.csv, line 7 [cia-x], column first_published: '2023-02-30' is not a real date
>>> p.where
('campaigns.csv', 7, 'first_published', 'date-invalid')
>>> print(Problem("events.csv", None, None, "file not found", code="file-missing"))
events.csv: file not found
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Problem", "DataError", "CODES"]

#: code -> what it means (the data card's table is checked against this by a test)
CODES: dict[str, str] = {
    "descriptor-error": "datapackage.json is missing, is not JSON, or is not a data package descriptor",
    "unknown-table": "a table name that the descriptor does not define",
    "file-missing": "a table's CSV file is not in the folder",
    "file-empty": "a table's CSV file is empty (not even a header line)",
    "encoding-error": "the file is not UTF-8 text",
    "delimiter-error": "the file separates columns with something other than commas",
    "header-error": "a column is missing from the header, unexpected, or named twice",
    "row-length": "a row has more or fewer cells than the header has columns",
    "csv-syntax": "the file is not well-formed CSV (e.g. an unclosed quote)",
    "required-missing": "a required cell is empty",
    "source-missing": "a fact cites no source",
    "date-invalid": "a date is not a real YYYY-MM-DD date",
    "date-out-of-range": "a date is before the kit's earliest date or in the future",
    "date-precision": "a date disagrees with its precision (e.g. precision month but not the 1st)",
    "not-a-number": "a number cell holds something other than digits",
    "number-out-of-range": "a number is outside the range the descriptor allows",
    "not-a-boolean": "a true/false cell holds something else",
    "not-in-vocabulary": "a value is not one of the allowed codes",
    "list-error": "a ';'-separated list has an empty item or an unknown code",
    "pattern-mismatch": "a value does not have the required form (e.g. an id pattern)",
    "duplicate-key": "two rows have the same primary key",
    "dangling-reference": "a value refers to a row that does not exist in another table",
    "unknown-source": "a fact cites a source id that is not in sources.csv",
    "confidence-mismatch": "a fact is 'confirmed' but cites fewer than two sources",
    "date-sequence": "a response or figure is dated before the release it is about",
    "contact-detail": "an operational contact detail (onion address, phone number, handle ...)",
    "quote-too-long": "a quote of 25 words or more",
    "bad-parameter": "a notebook parameter has a value that is not in the data",
}


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data package."""

    file: str
    line: int | None
    column: str | None
    message: str
    key: str | None = None
    code: str = "invalid"

    def __post_init__(self):
        if self.code not in CODES:
            raise ValueError(f"unknown problem code {self.code!r}; add it to CODES")

    @property
    def where(self) -> tuple[str, int | None, str | None, str]:
        """``(file, line, column, code)``: what tests and tools compare."""
        return (self.file, self.line, self.column, self.code)

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", line {self.line}"
            if self.key:
                where += f" [{self.key}]"
        if self.column:
            where += f", column {self.column}"
        return f"{where}: {self.message}"


class DataError(ValueError):
    """Raised by the loaders when the data package has problems.

    ``problems`` holds every :class:`Problem` found; the message lists them one per line.
    """

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        shown = self.problems[:20]
        lines = [str(p) for p in shown]
        if len(self.problems) > len(shown):
            lines.append(f"... and {len(self.problems) - len(shown)} more problems")
        n = len(self.problems)
        head = f"the data package has {n} problem{'s' if n != 1 else ''}:"
        super().__init__("\n".join([head, *lines]))
