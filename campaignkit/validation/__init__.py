"""Validation: the data package's contract (the descriptor) and every check against it.

The lowest layer of the kit: it reads ``datapackage.json`` and the CSV files as text, and
reports :class:`Problem` objects (file, line, column, stable code, message). The loaders in
``campaignkit.data`` build typed tables only from a package that passes.

>>> from campaignkit import validation
>>> validation.check_package()[1]
[]
"""

from .contacts import PATTERNS, find_contact_details
from .descriptor import DESCRIPTOR, Field, Package, Table, read_package
from .package import check_package
from .problems import CODES, DataError, Problem
from .rules import EARLIEST_DATE, MAX_QUOTE_WORDS, parse_date, period

__all__ = ["check_package", "read_package", "Problem", "DataError", "CODES", "find_contact_details",
           "PATTERNS", "Field", "Table", "Package", "DESCRIPTOR", "parse_date", "period",
           "EARLIEST_DATE", "MAX_QUOTE_WORDS"]
