"""Reading a corpus file as text, refusing what is not plain UTF-8 text of a sane size."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from quizgen.errors import Problem

MAX_FILE_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True)
class SourceText:
    """A corpus file's text, with line ends made ``\\n`` and any UTF-8 byte-order mark dropped.

    ``display`` is the path as it appears in messages (relative to where quizgen was run).
    """

    path: Path
    display: str
    text: str


def _position_of_offset(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    line = before.count(b"\n") + 1
    column = offset - (before.rfind(b"\n") + 1) + 1
    return line, column


def read_source_text(path: Path, display: str) -> SourceText | Problem:
    """Read ``path`` as UTF-8 text, or return the one problem that prevents it.

    Accepted quietly: a UTF-8 byte-order mark, CRLF or CR line ends (Windows editors write them).
    Refused: files over ``MAX_FILE_BYTES``, files with NUL bytes (binary), text that is not UTF-8.
    """
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return Problem(display, 1, 1, f"expected a corpus file of at most {MAX_FILE_BYTES // (1024 * 1024)} MiB, found {size:,} bytes; split it into several files")
    data = path.read_bytes()
    nul = data.find(b"\x00")
    if nul >= 0:
        line, column = _position_of_offset(data, nul)
        return Problem(display, line, column, "expected UTF-8 text, found a NUL byte: this looks like a binary file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _position_of_offset(data, exc.start)
        return Problem(display, line, column, f"expected UTF-8 text, found the byte 0x{data[exc.start]:02x} that is not UTF-8; save the file as UTF-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return SourceText(path, display, text)
