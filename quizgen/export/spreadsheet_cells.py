"""Cells for spreadsheets and CSV files that a spreadsheet program can open.

A cell that begins with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return, which some
programs skip before reading a formula) is run as a formula by Excel, LibreOffice and Google
Sheets: ``=HYPERLINK(...)`` in a question would become a live link. Such cells get a leading
apostrophe, which those programs read as "this is text" (OWASP's advice for CSV injection).
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(text: str) -> str:
    """``text`` unchanged, or with a leading ``'`` when a spreadsheet would read it as a formula.

    >>> neutralise_formula('=HYPERLINK("x")')
    '\\'=HYPERLINK("x")'
    """
    return "'" + text if text.startswith(FORMULA_STARTS) else text
