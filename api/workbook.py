"""Rows as an ``.xlsx`` workbook (openpyxl): one sheet, a header row, one value per cell.

Money (two-place decimal strings, as the views hold it) is written as numbers formatted
``0.00``, so a finance office can sum a column; everything else as text or integers.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

import orjson
from openpyxl import Workbook

_MONEY = re.compile(r"^-?\d+\.\d{2}$")
MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _cell(value: Any) -> Any:
    if isinstance(value, dict | list):
        return orjson.dumps(value).decode()
    if isinstance(value, str) and _MONEY.match(value):
        return Decimal(value)
    return value


def workbook_bytes(rows: Sequence[Mapping[str, Any]], title: str) -> bytes:
    """``rows`` as a workbook whose one sheet is ``title`` (cut to Excel's 31 characters)."""
    book = Workbook()
    for empty in book.worksheets:  # the default sheet: the rows get one named for them
        book.remove(empty)
    sheet = book.create_sheet(title[:31])
    columns = list(rows[0]) if rows else []
    sheet.append(columns)
    for row in rows:
        sheet.append([_cell(row[c]) for c in columns])
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            if isinstance(cell.value, Decimal):
                cell.number_format = "0.00"
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
