"""The quiz script and style as the site ships them: minified, so the readable templates can keep
their comments and layout while students download less.

rjsmin and rcssmin only drop comments and whitespace (no renaming, no rewriting), so the shipped
code behaves as the template does, and the same template always gives the same bytes.
"""

from __future__ import annotations

import rcssmin
import rjsmin


def shipped_asset(name: str, source: bytes) -> bytes:
    """The bytes the site serves for the asset ``name`` (``quizgen.js``, ``quizgen.css``).

    >>> shipped_asset("x.css", b"a {\\n  color: red; /* why */\\n}\\n")
    b'a{color:red}'
    """
    text = source.decode("utf-8")
    if name.endswith(".js"):
        return str(rjsmin.jsmin(text)).encode("utf-8")
    if name.endswith(".css"):
        return str(rcssmin.cssmin(text)).encode("utf-8")
    return source
