"""The generated site kept between builds, by a digest of everything it is made from.

A small site's build was mostly quizgen's fixed cost: importing the model (pydantic builds its
classes at import), loading and validating the corpus, generating the questions and rendering
the pages, though with the same corpus, templates, quizgen and options every page comes out the
same, byte for byte. ``site_content_from_folders`` is the door both adapters go through: it
computes ``page_cache_key`` (the corpus files, the template folders, quizgen's own code, the
versions of Python and of the libraries that shape the output, and the options) and returns the
site kept under that key, or builds it (`quizgen.emit.site_build`, imported only then) and keeps
it. A build from the cache imports nothing of the model.

Nothing is skipped on a changed input: any change to a corpus file, a template or quizgen's code
gives another key, and the corpus is loaded and validated again, so a corpus that breaks a rule
still fails with its problems. Only a site that built without warnings is kept, and only the
latest. The teachers' files are kept as the paths of their entries in the teachers' cache, each
checked (size and sha256) before the site is used: an entry another build replaced is a miss.

The file holds `marshal` data, which Python trusts as it trusts its own `.pyc` files: written by
quizgen's builds into the project's cache folder, and read only if its sha256 matches, from a
plain file (no link, no device). A cache that cannot be read is a miss; one that cannot be
written is skipped (the next build builds again).
"""

from __future__ import annotations

import hashlib
import marshal
import os
import stat
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quizgen.atomic_files import write_file_atomically
from quizgen.emit.site import SiteContent
from quizgen.load.input_digest import CODE_FOLDER, file_digest, inputs_digest
from quizgen.render.environment import builtin_templates_dir

CACHE_FORMAT = "quizgen-site-pages-1"
CACHE_FILE = "site.marshal"
LIBRARIES = ("genanki", "jinja2", "markupsafe", "openpyxl", "pydantic", "pydantic-core", "pydyf", "pyyaml", "rcssmin",
             "rjsmin", "weasyprint")
"""Libraries whose version can change what the corpus validates to, or the bytes of a page or file."""
_DIGEST_SIZE = hashlib.sha256().digest_size


@dataclass(frozen=True)
class BuildCaches:
    """The folders where a build keeps what the next one can reuse."""

    yaml: Path
    """The corpus's parsed YAML (`YamlCache`): unchanged files are read back, still validated."""
    pdf: Path
    """Rendered worksheets, by content: unchanged ones are not rendered again."""
    teachers: Path
    """The teachers' files (exports and worksheets) of the last build (`TeacherCache`)."""
    pages: Path | None = None
    """The whole generated site of the last build (`PageCache`); None: built every time."""


DEFAULT_CACHE_FOLDERS = {"yaml": ".cache/quizgen/yaml", "pdf": ".cache/quizgen/pdf", "teachers": ".cache/quizgen/teachers",
                         "pages": ".cache/quizgen/pages"}
"""Where each cache is kept unless the user names another folder, relative to the project."""


@dataclass(frozen=True)
class PageCache:
    folder: Path
    """Where the site of the last build is kept (one file)."""
    key: str
    """``page_cache_key`` of this build's inputs and options."""


def page_cache_key(seeds: Path, template_dirs: tuple[Path, ...], *options: str, code: Path = CODE_FOLDER) -> str:
    """sha256 of everything a site is made from: quizgen's ``code``, its built-in templates, the
    corpus under ``seeds``, ``template_dirs``, the versions of Python and ``LIBRARIES``, and ``options``.
    OSError if a file or folder of them cannot be read: a key that left it out could match a build
    that read it."""
    folders = [("code", code), ("builtin-templates", builtin_templates_dir()), ("seeds", seeds)]
    folders += [(f"templates-{at}", folder) for at, folder in enumerate(template_dirs)]
    return inputs_digest(CACHE_FORMAT, folders, LIBRARIES, (f"python={sys.version}", f"marshal={marshal.version}", *options),
                         unreadable_is_error=True)


def _record(content: SiteContent) -> dict[str, Any]:
    """The site as marshal can hold it: the teachers' files as (path, size, sha256)."""
    paths = {uri: (str(data.absolute()), *file_digest(data)) for uri, data in content.files.items() if isinstance(data, Path)}
    return {"pages": content.pages, "files": {uri: data for uri, data in content.files.items() if not isinstance(data, Path)},
            "paths": paths, "order": tuple(content.files), "nav": content.nav, "abbreviations": content.abbreviations,
            "not_in_nav": content.not_in_nav, "title": content.title, "latest": content.latest_publication_timestamp}


def _content(record: dict[str, Any]) -> SiteContent:
    """The site of ``record``; ValueError if a teachers' file it names is no longer the same."""
    files: dict[str, bytes | Path] = {}
    for uri in record["order"]:
        if uri in record["paths"]:
            path, size, sha256 = record["paths"][uri]
            if file_digest(Path(path)) != (size, sha256):
                raise ValueError(f"{path}: changed since the site was cached")
            files[uri] = Path(path)
        else:
            files[uri] = record["files"][uri]
    return SiteContent(record["pages"], files, record["nav"], record["abbreviations"], record["not_in_nav"],
                       title=record["title"], latest_publication_timestamp=record["latest"])


def _read(cache: PageCache) -> SiteContent | None:
    """The site kept under ``cache.key``, or None."""
    try:  # a plain file only: a link (to /dev/zero, say) or a device is never read
        fd = os.open(cache.folder / CACHE_FILE, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        with os.fdopen(fd, "rb") as stream:
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                return None
            data = stream.read()
        blob = data[_DIGEST_SIZE:]
        if hashlib.sha256(blob).digest() != data[:_DIGEST_SIZE]:
            return None
        cache_format, key, record = marshal.loads(blob)
        if cache_format != CACHE_FORMAT or key != cache.key:
            return None
        return _content(record)
    except (OSError, EOFError, ValueError, TypeError, KeyError, AttributeError):  # not a site this module wrote
        return None


def _write(cache: PageCache, content: SiteContent) -> None:
    try:
        blob = marshal.dumps((CACHE_FORMAT, cache.key, _record(content)))
    except ValueError:  # a value marshal cannot hold exactly (a subclass of str): not kept rather than changed
        return
    try:
        write_file_atomically(cache.folder / CACHE_FILE, hashlib.sha256(blob).digest() + blob)
    except OSError:
        pass  # a read-only project, a full disk: the next build builds again


def cached_site_content(cache: PageCache, make: Callable[[], SiteContent]) -> SiteContent:
    """The site kept under ``cache.key``, or ``make()``'s, kept for the next build unless it has warnings
    (what a build warns about, every build with it must say)."""
    kept = _read(cache)
    if kept is not None:
        return kept
    content = make()
    if not content.warnings:
        _write(cache, content)
    return content


def site_content_from_folders(seeds: Path, templates: Path, caches: BuildCaches, *, directory_urls: bool, worksheets: str,
                              display_root: str | None = None) -> SiteContent:
    """``build_site_from_folders``'s site, from ``caches.pages`` when nothing it is made from changed.

    ``display_root`` (how corpus paths start in messages) is no part of the key: a site is kept only
    when it built, and then no message of the corpus is in it."""
    def make() -> SiteContent:
        from quizgen.emit.site_build import build_site_from_folders

        return build_site_from_folders(seeds, templates, caches, directory_urls=directory_urls, worksheets=worksheets,
                                       display_root=display_root)[1]

    if caches.pages is None:
        return make()
    try:
        key = page_cache_key(seeds, (templates,), f"directory_urls={directory_urls}", f"worksheets={worksheets}")
    except OSError:  # an input that cannot be read: the build reports it where it is (the loader, a template)
        return make()
    return cached_site_content(PageCache(caches.pages, key), make)
