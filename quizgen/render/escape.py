"""Escaping text from the corpus for the format it lands in.

Markdown: characters that would start formatting, links, HTML or attribute lists are escaped, so
that corpus text always renders as the text itself. HTML: the usual five characters.
"""

from __future__ import annotations

import html
import re

from markupsafe import Markup

_MD_INLINE = re.compile(r"([\\`*_{}\[\]()|!])")
_MD_LINE_START = re.compile(r"^(\s*)([#+\->=]|\d+\.)", re.MULTILINE)


def escape_markdown(text: str) -> str:
    """`a <b> *c*` → `a &lt;b&gt; \\*c\\*`: safe anywhere in a Markdown paragraph or heading."""
    escaped = html.escape(text, quote=False)
    escaped = _MD_INLINE.sub(r"\\\1", escaped)
    return _MD_LINE_START.sub(_escape_line_start, escaped)


def _escape_line_start(match: re.Match[str]) -> str:
    indent, mark = match.group(1), match.group(2)
    if mark[0].isdigit():
        return indent + mark[:-1] + "\\."  # "12." would start an ordered list
    if mark == "=":
        return indent + "&#61;"  # a line of "=" would make the line above a heading; "=" has no escape
    return indent + "\\" + mark


def markdown_finalize(value: object) -> object:
    """Jinja `finalize` for Markdown templates: escape everything not already marked safe."""
    if isinstance(value, Markup):
        return value
    if value is None:
        return ""
    return escape_markdown(str(value))
