# The two commands of the README's quick start:
#   make site   installs what is needed and builds the study site from seeds/ into site/
#   make test   installs what is needed and runs every test (what .ci/run runs)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.quizgen-installed

.PHONY: site test check clean

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

test: $(STAMP)
	$(BIN)/python -m pytest

clean:
	rm -rf site $(VENV)
