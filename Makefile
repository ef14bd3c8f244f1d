# The two commands of the README's quick start:
#   make site   installs what is needed and builds the study site from seeds/ into site/
#   make test   installs what is needed, lints, type-checks and runs every test (what .ci/run runs)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.quizgen-installed

AXE := .cache/npm/node_modules/axe-core/axe.min.js
GIFT_PARSER := .cache/npm-gift/node_modules/gift-pegjs/pegjs-gift.js

PIP_VERSION := 26.3

.PHONY: site test lint check clean chromium pdf-tools lock latest

# Every Python package comes from requirements.lock, pinned with its hashes, so a fresh machine
# installs what the tests last passed with. quizgen itself is installed without its dependencies
# and without build isolation (setuptools and wheel are in the lock), so nothing unpinned comes in.
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet pip==$(PIP_VERSION)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

# Rewrites requirements.lock from pyproject.toml's ranges (after changing a dependency).
lock:
	$(PYTHON) -m venv .cache/pip-tools
	.cache/pip-tools/bin/python -m pip install --quiet pip-tools==7.6.2
	.cache/pip-tools/bin/pip-compile --quiet --generate-hashes --allow-unsafe --extra test --strip-extras \
	  --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

# Tries the newest versions pyproject.toml allows, in .venv-latest: lists what differs from the
# lock, then runs every test with them.
latest: chromium pdf-tools $(AXE) $(GIFT_PARSER)
	$(PYTHON) -m venv .venv-latest
	.venv-latest/bin/python -m pip install --quiet --upgrade pip
	.venv-latest/bin/python -m pip install --quiet --upgrade --upgrade-strategy eager -e ".[test]"
	.venv-latest/bin/python tools/compare_with_lock.py requirements.lock
	.venv-latest/bin/python -m pytest

check: $(STAMP)
	$(BIN)/quizgen check

site: $(STAMP) pdf-tools
	$(BIN)/quizgen check
	$(BIN)/mkdocs build

# The browser tests drive Debian's Chromium (never a downloaded browser) and run axe-core in it.
chromium:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium; } \
	  || echo "quizgen: could not install chromium (apt-get needs root); browser tests skip, except under CI where they fail"

# Worksheets are rendered to PDF by WeasyPrint (from PyPI), which needs Pango and HarfBuzz from
# Debian, and a font to embed (DejaVu); the PDF tests read the PDFs with poppler-utils.
PDF_DEBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core poppler-utils
pdf-tools:
	@missing=$$(for p in $(PDF_DEBS); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q "ok installed" || echo $$p; done); \
	[ -z "$$missing" ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; } \
	  || echo "quizgen: could not install $$missing (apt-get needs root); PDF tests skip, except under CI where they fail"

$(AXE):
	npm install --silent --no-audit --no-fund --prefix .cache/npm axe-core@4.14.1

# The GIFT export is read back by gift-pegjs, the PEG grammar of Moodle's GIFT format (tests/test_exports_gift.py).
$(GIFT_PARSER):
	npm install --silent --no-audit --no-fund --prefix .cache/npm-gift gift-pegjs@1.0.2

# ruff and mypy first (seconds): their settings are in pyproject.toml.
lint: $(STAMP)
	$(BIN)/ruff check
	$(BIN)/mypy

test: lint chromium pdf-tools $(AXE) $(GIFT_PARSER)
	$(BIN)/python -m pytest

clean:
	rm -rf site $(VENV) .venv-latest
