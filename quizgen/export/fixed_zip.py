"""Zip archives whose bytes depend only on their content: fixed timestamps, modes and order.

The Anki deck, the QTI package and the Kahoot spreadsheet are zip files. Python's zipfile stamps
each entry with the current time; here every entry gets 1980-01-01 (the earliest zip date), the
same permissions and the same compression, so two runs give identical bytes.
"""

from __future__ import annotations

import io
import zipfile

FIXED_DATE_TIME = (1980, 1, 1, 0, 0, 0)


def zip_bytes(entries: list[tuple[str, bytes]]) -> bytes:
    """A zip of ``entries`` (name, data), in the order given, deflated, with fixed metadata."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever the platform writing it
            info.external_attr = 0o644 << 16
            archive.writestr(info, data, compresslevel=6)
    return buffer.getvalue()


def rezip_with_fixed_metadata(data: bytes) -> bytes:
    """The same archive entries, in the same order, rewritten by ``zip_bytes``."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = [(info.filename, archive.read(info)) for info in archive.infolist()]
    return zip_bytes(entries)
