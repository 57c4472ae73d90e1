# The kit's commands. Each sets up .venv first if needed (README shows the plain pip equivalents).
#   make lab       set up and open JupyterLab on notebooks/00-start-here.ipynb
#   make test      set up the test tools and run the whole test suite
#   make validate  check the data package (datasets/)
#   make site      build a static HTML copy of the learning path in site/ (works offline)
#   make dashboard serve the three explorers with Voila (no code shown)
#   make bench     print the explorers' response times (kernel and browser)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
LAB_ARGS ?=
DASHBOARD_ARGS ?=

.PHONY: lab test validate coverage site dashboard bench strip clean check-python

check-python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || \
	  { echo "The kit needs Python 3.11 or newer; '$(PYTHON)' is $$($(PYTHON) --version 2>&1)." \
	         "Run e.g.: make lab PYTHON=python3.11"; exit 1; }

$(VENV)/.runtime: requirements.txt pyproject.toml | check-python
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(BIN)/python -m pip install -r requirements-dev.txt
	touch $@

# The repository is the server's root (so the file browser shows datasets/ and exercises/ too);
# JupyterLab opens the first notebook.
lab: $(VENV)/.runtime
	$(BIN)/jupyter lab --ServerApp.root_dir="$(CURDIR)" notebooks/00-start-here.ipynb $(LAB_ARGS)

test: $(VENV)/.dev
	$(BIN)/python -m pytest

validate: $(VENV)/.runtime
	$(BIN)/python -m campaignkit validate

coverage: $(VENV)/.runtime
	$(BIN)/python -m campaignkit coverage

site: $(VENV)/.runtime
	$(BIN)/python -m campaignkit.site site

dashboard: $(VENV)/.runtime
	$(BIN)/voila notebooks/dashboard.ipynb $(DASHBOARD_ARGS)

bench: $(VENV)/.dev
	$(BIN)/python benchmarks/explorers.py

strip: $(VENV)/.dev
	$(BIN)/nbstripout notebooks/*.ipynb

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
