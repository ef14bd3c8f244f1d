"""Reading a corpus file as text, refusing what is not plain UTF-8 text of a sane size."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from quizgen.errors import Problem

MAX_FILE_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True)
class SourceText:
    """A corpus file's text, with line ends made ``\\n``, any UTF-8 byte-order mark dropped, and
    in Unicode's composed form (NFC).

    ``display`` is the path as it appears in messages (relative to where quizgen was run).
    """

    path: Path
    display: str
    text: str


def _position_of_offset(data: bytes, offset: int) -> tuple[int, int]:
    """The line and column of byte ``offset`` as an editor shows them: lines end at LF, CRLF or
    CR (as quizgen reads them), columns count characters, not bytes (nor a byte-order mark)."""
    before = data[3 if data.startswith(b"\xef\xbb\xbf") else 0:offset].replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    line_start = before.rfind(b"\n") + 1
    column = len(before[line_start:].decode("utf-8", "replace")) + 1
    return before.count(b"\n") + 1, column


_WIDE_BOMS = ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"), (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"))


def _wide_encoding(data: bytes) -> str | None:
    """``UTF-16`` or ``UTF-32`` when the file is saved so (Windows editors offer both), else None.

    Without a byte-order mark, ASCII text in UTF-16 has a NUL in every other byte.
    """
    for bom, name in _WIDE_BOMS:
        if data.startswith(bom):
            return name
    head = data[:64]
    if len(head) >= 4 and (head[0::2].count(0) == len(head[0::2]) or head[1::2].count(0) == len(head[1::2])):
        return "UTF-16"
    return None


def unreadable(display: str, exc: OSError, what: str = "file") -> Problem:
    """The problem for a file (or folder) of the corpus that the system does not let quizgen read."""
    reason = exc.strerror or type(exc).__name__
    return Problem(display, 1, 1, f"expected a {what} quizgen can read, found one it cannot read ({reason}); check its permissions")


def read_source_text(path: Path, display: str) -> SourceText | Problem:
    """Read ``path`` as UTF-8 text, or return the one problem that prevents it.

    Accepted quietly: a UTF-8 byte-order mark, CRLF or CR line ends (Windows editors write them).
    Refused: files over ``MAX_FILE_BYTES``, UTF-16/UTF-32 text, files with NUL bytes (binary), text
    that is not UTF-8.
    """
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return Problem(display, 1, 1, f"expected a corpus file of at most {MAX_FILE_BYTES // (1024 * 1024)} MiB, found {size:,} bytes; split it into several files")
        data = path.read_bytes()
    except OSError as exc:  # no permission to read it, an I/O error: the file is there but cannot be read
        return unreadable(display, exc)
    wide = _wide_encoding(data)
    if wide:
        return Problem(display, 1, 1, f"expected UTF-8 text, found {wide} text; save the file as UTF-8")
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
    if not unicodedata.is_normalized("NFC", text):
        # One spelling for what looks the same: "é" typed as one character or as "e" and a
        # combining accent. Two names, or a quote and its article, then compare as they look.
        text = unicodedata.normalize("NFC", text)
    return SourceText(path, display, text)
