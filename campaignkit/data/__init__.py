"""Data: the package's tables by name, typed; their sources; counts; the one CSV writer.

Everything here may read the data package's folder (default: the kit's ``datasets/``, or a copy
passed as ``directory``); the layers above take the DataFrames these functions return.

>>> from campaignkit import data
>>> data.load("agencies").columns[:2].tolist()
['agency_id', 'name']
"""

from .citations import cite, sources_for, sources_markdown, sources_section
from .counts import (
                     CAMPAIGN_FACT_TABLES,
                     FACT_TABLES,
                     LEVELS,
                     confidence_by_sponsor,
                     confidence_by_table,
                     coverage,
                     fact_counts,
)
from .editing import append_row, update_row
from .loading import describe, load, load_all, table_names
from .overview import campaign_overview
from .parameters import check_parameter, parameter_values
from .readings import further_reading, readings_markdown

__all__ = ["load", "load_all", "table_names", "describe", "campaign_overview", "sources_for",
           "sources_markdown", "cite", "coverage", "confidence_by_table", "confidence_by_sponsor",
           "fact_counts", "FACT_TABLES", "CAMPAIGN_FACT_TABLES", "LEVELS", "parameter_values",
           "check_parameter", "append_row", "update_row", "sources_section", "further_reading",
           "readings_markdown"]
