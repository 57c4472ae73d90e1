"""Clear, user-facing data errors.

Every problem names the file, the line (as a spreadsheet shows it: the header is line 1),
the row's key and the column, and says what is wrong.

>>> p = Problem("campaigns.csv", 7, "first_published", "'2023-02-30' is not a real date", key="cia-x")
>>> print(p)
campaigns.csv, line 7 [cia-x], column first_published: '2023-02-30' is not a real date
>>> print(Problem("events.csv", None, None, "file not found"))
events.csv: file not found
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Problem", "DataError"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data package."""

    file: str
    line: int | None
    column: str | None
    message: str
    key: str | None = None

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
