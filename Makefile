# The two commands of the README's quick start:
#   make site   installs what is needed and builds the study site from seeds/ into site/
#   make test   installs what is needed and runs every test (what .ci/run runs)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.quizgen-installed

AXE := .cache/npm/node_modules/axe-core/axe.min.js

.PHONY: site test check clean chromium

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

check: $(STAMP)
	$(BIN)/quizgen check

site: $(STAMP)
	$(BIN)/quizgen check
	$(BIN)/mkdocs build

# The browser tests drive Debian's Chromium (never a downloaded browser) and run axe-core in it.
chromium:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium; } \
	  || echo "quizgen: could not install chromium (apt-get needs root); browser tests skip, except under CI where they fail"

$(AXE):
	npm install --silent --no-audit --no-fund --prefix .cache/npm axe-core@4.14.1

test: $(STAMP) chromium $(AXE)
	$(BIN)/python -m pytest

clean:
	rm -rf site $(VENV)
