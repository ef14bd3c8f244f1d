"""Safe, strict YAML parsing that remembers where every value came from.

PyYAML's parser turns text into events; this module builds plain Python values from those
events itself, instead of using PyYAML's constructors, because it needs to:

- keep the line and column of every key and value, so that later stages can report
  ``path:line:col`` for any field;
- resolve plain scalars conservatively: ``NO``, ``on``, ``12:30`` and ``017`` stay the text the
  curator typed (PyYAML's YAML 1.1 rules would make them ``False``, ``True``, ``750`` and ``15``).
  Only ``true``/``false``, ``null``/``~``, decimal integers without a leading zero and plain
  decimals become non-text values; the typed model then rejects text where it needs a number;
- reject duplicate keys, tags (no object construction of any kind), several documents in one
  file, nesting deeper than ``MAX_DEPTH`` and aliases that expand past ``MAX_NODES`` values
  ("billion laughs"), each with a position.

Aliases share the anchored Python object rather than copying it, and each value's expanded size
is counted once, so an alias bomb is rejected after reading it, never after expanding it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import yaml

from quizgen.load.yaml_errors import explain_yaml_error

try:  # the C parser is much faster; the pure-Python one gives the same events
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]  # the same interface, in Python
LOADER_NAME = _Loader.__name__
"""Which of PyYAML's loaders parses (`CSafeLoader` where PyYAML was built with libyaml): part of the YAML cache's key."""

MAX_DEPTH = 64
MAX_NODES = 2_000_000

DataPath = tuple[str | int, ...]
"""Where a value is in a YAML document: the keys and list indexes leading to it (not a file path)."""

_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_STR_TAGS = {"tag:yaml.org,2002:str", "!!str", "!"}
_SKIPPED = {yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent}


class Mark(NamedTuple):
    """A position in a source file; line and column count from 1."""

    line: int
    column: int


class YamlSyntaxError(Exception):
    """The text is not YAML quizgen accepts; carries the position of the problem."""

    def __init__(self, mark: Mark, message: str):
        super().__init__(message)
        self.mark = mark
        self.message = message


@dataclass
class YamlDocument:
    """Plain Python data from one YAML document, with the position of every key and value."""

    data: Any
    value_marks: dict[DataPath, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[DataPath, tuple[int, int]] = field(default_factory=dict)
    """Positions as plain (line, column) tuples, made faster than a `Mark` (a corpus of 1,000
    articles has a million of them) and kept as they are by `marshal` (the parse cache);
    ``mark_of`` gives a `Mark`."""

    def mark_of(self, path: DataPath, *, key: bool = False) -> Mark:
        """The position of the value (or, with ``key``, of the key) at ``path``.

        A path that does not exist (a missing field, say) falls back to its nearest parent.
        """
        marks = self.key_marks if key else self.value_marks
        probe = tuple(path)
        while probe:
            if probe in marks:
                return Mark(*marks[probe])
            if key and probe in self.value_marks:
                return Mark(*self.value_marks[probe])
            probe = probe[:-1]
        return Mark(*self.value_marks.get((), (1, 1)))


def resolve_plain_scalar(text: str) -> Any:
    """The value of an unquoted scalar, by quizgen's conservative rules (see module docstring)."""
    if text in _NULLS:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.fullmatch(text):
        try:
            return int(text)
        except ValueError:  # more digits than Python converts (4,300): no figure is that long
            return text
    if _FLOAT.fullmatch(text):
        return float(text)
    return text


class _Frame:
    """An open mapping or list while its events are being read."""

    __slots__ = ("value", "path", "size", "pending_key", "first_key_line", "anchor", "start")

    def __init__(self, value: Any, path: DataPath, anchor: str | None, start: tuple[int, int]):
        self.value = value
        self.path = path
        self.size = 1
        self.pending_key: str | None = None
        self.first_key_line: dict[str, int] = {}
        self.anchor = anchor
        self.start = start


def parse_yaml(text: str, *, line_offset: int = 0) -> YamlDocument:
    """Parse one YAML document. Raises ``YamlSyntaxError`` with a position on any problem.

    ``line_offset`` shifts every reported line (for front matter that starts below line 1).
    """
    _refuse_unusual_line_breaks(text, line_offset)
    try:
        return _parse_with(_Loader, text, line_offset)
    except _ParserNestingLimit:
        # libyaml (PyYAML 6.0.4 and later) has a nesting limit of its own, met while it scans
        # ahead, before quizgen sees the events that pass MAX_DEPTH. The pure-Python parser has
        # none, so quizgen's own limit decides, with the same message and position everywhere.
        return _parse_with(yaml.SafeLoader, text, line_offset)


_UNUSUAL_LINE_BREAKS = {"\x85": "next line", "\u2028": "line separator", "\u2029": "paragraph separator"}


def _refuse_unusual_line_breaks(text: str, line_offset: int) -> None:
    """Refuse U+0085, U+2028 and U+2029, with the position an editor shows.

    YAML counts them as line breaks (a plain value ends there, and every position after them is
    a line further down), while editors and the article reader do not: quizgen counts lines at
    ``\\n`` only. Written as YAML escapes (``"\\L"``) they are text like any other.
    """
    found = [at for at in (text.find(char) for char in _UNUSUAL_LINE_BREAKS) if at >= 0]
    if not found:
        return
    at = min(found)
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    char = text[at]
    raise YamlSyntaxError(Mark(line + line_offset, column),
                          f"expected printable text, found the invisible character U+{ord(char):04X} ({_UNUSUAL_LINE_BREAKS[char]}), "
                          "which YAML reads as a line break where editors show none; replace it with a space or a line break")


class _ParserNestingLimit(Exception):
    """The C parser stopped at its own nesting limit (not a verdict on the text)."""


def _parse_with(loader_class: Any, text: str, line_offset: int) -> YamlDocument:
    doc = YamlDocument(data=None)
    anchors: dict[str, tuple[Any, int]] = {}
    stack: list[_Frame] = []
    total = 0
    documents = 0
    root_done = False

    def attach(value: Any, size: int, mark: tuple[int, int], anchor: str | None, plain_key: bool = False) -> None:
        nonlocal root_done
        if anchor:
            anchors[anchor] = (value, size)
        if not stack:
            doc.data = value
            doc.value_marks[()] = mark
            root_done = True
            return
        parent = stack[-1]
        parent.size += size
        if isinstance(parent.value, list):
            path = parent.path + (len(parent.value),)
            parent.value.append(value)
            doc.value_marks.setdefault(path, mark)
            return
        key = parent.pending_key
        if key is None:  # this value is a key
            if not isinstance(value, str):
                raise YamlSyntaxError(Mark(*mark), "expected a plain text key, found a list or mapping used as a key")
            if value in parent.first_key_line:
                first = parent.first_key_line[value]
                raise YamlSyntaxError(Mark(*mark), f"duplicate key '{value}' (first given on line {first}); each key may appear once")
            if value == "<<" and plain_key:
                raise YamlSyntaxError(Mark(*mark), "expected a field name, found the merge key '<<' (quizgen does not merge mappings; write the fields out)")
            parent.first_key_line[value] = mark[0]
            parent.pending_key = value
            doc.key_marks.setdefault(parent.path + (value,), mark)
            return
        parent.value[key] = value
        parent.pending_key = None
        doc.value_marks.setdefault(parent.path + (key,), mark)

    def child_path() -> DataPath:
        if not stack:
            return ()
        parent = stack[-1]
        if isinstance(parent.value, list):
            return parent.path + (len(parent.value),)
        return parent.path + (parent.pending_key,) if parent.pending_key is not None else parent.path

    def check_tag(tag: str | None, is_scalar: bool, mark: tuple[int, int]) -> None:
        if tag is None or (is_scalar and tag in _STR_TAGS):
            return
        raise YamlSyntaxError(Mark(*mark), f"expected plain YAML without tags, found the tag '{tag}' (quizgen never constructs objects from tags)")

    loader = None
    try:
        loader = loader_class(text)  # the pure-Python reader checks the characters here
        # get_event until None, without yaml.parse's generator: this loop runs once per value
        while (event := loader.get_event()) is not None:
            kind = type(event)
            if kind in _SKIPPED:
                continue
            start = event.start_mark
            mark = (start.line + 1 + line_offset, start.column + 1)
            if kind is yaml.ScalarEvent:
                check_tag(event.tag, True, mark)
                total += 1
                plain = not event.style and event.implicit[0] and event.tag is None
                is_key = bool(stack) and stack[-1].pending_key is None and isinstance(stack[-1].value, dict)
                scalar = event.value
                if event.style == '"' and not unicodedata.is_normalized("NFC", scalar):
                    scalar = unicodedata.normalize("NFC", scalar)  # escapes ("e\\u0301") give the text NFC as read
                if is_key:
                    value = scalar  # keys are always text: `on:` is the key "on"
                else:
                    value = resolve_plain_scalar(scalar) if plain else scalar
                attach(value, 1, mark, event.anchor, plain_key=is_key and plain)
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                frame = stack.pop()
                attach(frame.value, frame.size, frame.start, frame.anchor)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                check_tag(event.tag, False, mark)
                if stack and isinstance(stack[-1].value, dict) and stack[-1].pending_key is None:
                    raise YamlSyntaxError(Mark(*mark), "expected a plain text key, found a list or mapping used as a key")
                total += 1
                if len(stack) >= MAX_DEPTH:
                    raise YamlSyntaxError(Mark(*mark), f"expected at most {MAX_DEPTH} levels of nesting, found deeper nesting")
                container: Any = {} if kind is yaml.MappingStartEvent else []
                stack.append(_Frame(container, child_path(), event.anchor, mark))
            elif kind is yaml.AliasEvent:
                if event.anchor not in anchors:
                    raise YamlSyntaxError(Mark(*mark), f"unknown alias '*{event.anchor}' (no '&{event.anchor}' anchor above it)")
                value, size = anchors[event.anchor]
                total += size
                if total > MAX_NODES:
                    raise YamlSyntaxError(Mark(*mark), f"aliases expand to more than {MAX_NODES:,} values; expected a document without alias bombs")
                attach(value, size, mark, None)
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise YamlSyntaxError(Mark(*mark), "expected one YAML document in the file, found a second one (a '---' line starts a new document)")
    except yaml.YAMLError as exc:  # syntax, or a reader error on a control character
        if loader_class is not yaml.SafeLoader and "maximum nesting depth" in str(exc):
            raise _ParserNestingLimit from None
        line, column, message = explain_yaml_error(exc, text, line_offset)
        raise YamlSyntaxError(Mark(line, column), message) from None
    finally:
        if loader is not None:
            loader.dispose()
    if not root_done:
        doc.value_marks[()] = (1 + line_offset, 1)
    return doc

