"""Parsed YAML kept between builds, by its text.

Parsing is half of loading a corpus (1.1 of 2.2 s at 1,000 articles): PyYAML's events are read one
by one in Python to keep every value's position. A site build keeps what it parsed in one file,
and the next build reads a document back from there when its text is the same, byte for byte, as
are quizgen's parser and the versions of Python and PyYAML. Nothing else is kept: every document
is still checked against the schema, every quote against its article.

The file holds `marshal` data, which Python trusts as it trusts its own `.pyc` files: it is
written by quizgen's own builds into the project's cache folder. A file that cannot be read, or
was written by another version, is ignored; one that cannot be written is left as it was (the
next build parses again). Each build writes only the documents it used, so the file does not grow
with every edit.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import stat
import sys
from pathlib import Path

import yaml

from quizgen.atomic_files import write_file_atomically
from quizgen.load import yaml_tree
from quizgen.load.yaml_tree import YamlDocument, parse_yaml

CACHE_FILE = "documents.marshal"


def parser_version() -> str:
    """What a cached document depends on besides its text: the parser's code and its libraries."""
    digest = hashlib.sha256(Path(yaml_tree.__file__).read_bytes())
    digest.update(f"\x1f{yaml.__version__}\x1f{yaml_tree.LOADER_NAME}\x1f{sys.version}\x1f{marshal.version}".encode())
    return digest.hexdigest()


class YamlCache:
    """Parses YAML as `parse_yaml` does, reading back the documents the last build parsed."""

    def __init__(self, folder: Path):
        self.path = folder / CACHE_FILE
        self.version = parser_version()
        self._before = self._read()
        self._used: dict[bytes, bytes] = {}

    def _read(self) -> dict[bytes, bytes]:
        try:  # a plain file only: a link (to /dev/zero, say) or a device is never read
            fd = os.open(self.path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        except OSError:
            return {}
        try:
            with os.fdopen(fd, "rb") as stream:
                if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                    return {}
                version, entries = marshal.loads(stream.read())
        except (OSError, EOFError, ValueError, TypeError):
            return {}
        if version != self.version or not isinstance(entries, dict):
            return {}
        return entries

    def parse(self, text: str, *, line_offset: int = 0) -> YamlDocument:
        """``parse_yaml(text, line_offset=line_offset)``; a document that does not parse is never kept."""
        key = hashlib.sha256(f"{line_offset}\n{text}".encode("utf-8", "surrogatepass")).digest()
        blob = self._used.get(key) or self._before.get(key)
        if blob is not None:
            try:
                data, value_marks, key_marks = marshal.loads(blob)
                doc = YamlDocument(data, value_marks, key_marks)
            except (EOFError, ValueError, TypeError):
                blob = None
        if blob is None:
            doc = parse_yaml(text, line_offset=line_offset)
            blob = marshal.dumps((doc.data, doc.value_marks, doc.key_marks))
        self._used[key] = blob
        return doc

    def save(self) -> None:
        """Keep the documents parsed or read back since this cache was opened (only those)."""
        if self._used == self._before:
            return
        try:
            write_file_atomically(self.path, marshal.dumps((self.version, self._used)))
        except OSError:
            pass  # a read-only project: the next build parses again
