"""Serialising a long list of XML elements one at a time, as ElementTree would the whole tree.

Building the tree of 40,000 questions before writing it took more than 800 MiB; each question's
element is serialised and dropped here instead. The text is the same, byte for byte, as
``ET.indent(root, "  ")`` followed by ``ET.tostring(root)`` with the elements appended to ``parent``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable

_INDENT = "  "
_PLACEHOLDER = "quizgen-elements-go-here"


def tostring_with_elements(root: ET.Element, parent: ET.Element, level: int, elements: Iterable[ET.Element]) -> bytes:
    """``root`` indented and serialised as UTF-8, with ``elements`` as the last children of
    ``parent``, which stands ``level`` levels below ``root``. Each element is encoded as soon as it
    is serialised: the text is held once, as bytes."""
    parent.append(ET.Element(_PLACEHOLDER))
    ET.indent(root, space=_INDENT)
    head, placeholder, tail = ET.tostring(root, encoding="unicode").partition(f"<{_PLACEHOLDER} />")
    parent.remove(parent[-1])
    assert placeholder, "the placeholder must appear in the serialised tree"
    parts = []
    for element in elements:
        ET.indent(element, space=_INDENT, level=level + 1)
        element.tail = None
        parts.append(ET.tostring(element, encoding="unicode").encode("utf-8"))
    if not parts:  # ElementTree writes an element without children as <tag /> or with its text only
        ET.indent(root, space=_INDENT)
        return ET.tostring(root, encoding="unicode").encode("utf-8")
    separator = f"\n{_INDENT * (level + 1)}".encode()
    return head.encode("utf-8") + separator.join(parts) + tail.encode("utf-8")
