# The kit's commands. Each sets up .venv first if needed (README shows the plain pip equivalents).
#   make lab       set up and open JupyterLab on notebooks/00-start-here.ipynb
#   make test      set up the test tools and run the whole test suite (what CI runs)
#   make test-fast the fast tier while you work: no browser, Binder, sweep, offline or wheel tests
#   make validate  check the data package (datasets/)
#   make exercises regenerate the exercise sets' student copies from exercises/source/ (nbgrader)
#   make grade     grade submitted exercise notebooks into a gradebook CSV (exercises/INSTRUCTORS.md):
#                  make grade SUBMISSIONS=folder/of/students GRADEBOOK=gradebook.csv [WORKDIR=folder]
#   make hub       start a rehearsal JupyterHub on 127.0.0.1 (students' logins, nbgitpuller, nbgrader
#                  exchange, idle culler; exercises/INSTRUCTORS.md): make hub HUB_ARGS="--users ana,ben"
#   make site      build a static HTML copy of the learning path in site/ (works offline)
#   make handouts  print the handout edition into handouts/: a PDF per notebook, the exercise sets'
#                  student copies, the instructor guide, the chronology (offline; Chromium + Playwright)
#   make dashboard serve the three explorers with Voila (no code shown; notebooks/ beside them)
#   make bench     print the performance figures: explorers, notebooks, memory, imports, data load,
#                  a class of 25 on the rehearsal hub (root only), install size and time, full test time (benchmarks/README.md). It takes a while:
#                  `make bench QUICK=1` skips the fresh-venv installs and the full `make test` run
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
LAB_ARGS ?=
DASHBOARD_ARGS ?=
HUB_ARGS ?=
# The hub's proxy, from npm (needs node and npm): installed into the venv by the $(VENV)/.hub step
CHP := configurable-http-proxy@5.3.0
SUBMISSIONS ?= submissions
GRADEBOOK ?= gradebook.csv
WORKDIR ?=
QUICK ?=
# Removed after every install: rfc3987-syntax builds a grammar at import and adds about 1 s to every
# notebook run and Jupyter start; `pip check` stays clean without it (benchmarks/README.md).
TRIM := rfc3987-syntax

.PHONY: lab test test-fast validate summary coverage site handouts dashboard bench strip clean check-python exercises grade hub

check-python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || \
	  { echo "The kit needs Python 3.11 or newer; '$(PYTHON)' is $$($(PYTHON) --version 2>&1)." \
	         "Run e.g.: make lab PYTHON=python3.11"; exit 1; }

$(VENV)/.runtime: requirements.txt pyproject.toml | check-python
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install -r requirements.txt
	$(BIN)/python -m pip uninstall --yes --quiet $(TRIM)
	touch $@

$(VENV)/.instructor: $(VENV)/.runtime requirements-instructor.txt
	$(BIN)/python -m pip install -r requirements-instructor.txt
	$(BIN)/python -m pip uninstall --yes --quiet $(TRIM)
	touch $@

$(VENV)/.hub: $(VENV)/.instructor
	npm install --prefix $(VENV)/node --no-fund --no-audit $(CHP)
	touch $@

$(VENV)/.dev: $(VENV)/.hub requirements-dev.txt
	$(BIN)/python -m pip install -r requirements-dev.txt
	$(BIN)/python -m pip uninstall --yes --quiet $(TRIM)
	touch $@

# The repository is the server's root (so the file browser shows datasets/ and exercises/ too);
# JupyterLab opens the first notebook.
lab: $(VENV)/.runtime
	$(BIN)/jupyter lab --ServerApp.root_dir="$(CURDIR)" notebooks/00-start-here.ipynb $(LAB_ARGS)

test: $(VENV)/.dev
	$(BIN)/python -m pytest

# The fast tier (about a minute and a half): unit tests, doctests, data validation, broken packages,
# lint, layers, notebooks under nbval. No browser, no Binder imitation, no papermill sweep, no
# offline namespace, no wheel build, no hub. Run it while you work; run `make test` before you push.
test-fast: $(VENV)/.dev
	$(BIN)/python -m pytest -m "not slow"

validate: $(VENV)/.runtime
	$(BIN)/campaignkit validate

summary coverage: $(VENV)/.runtime
	$(BIN)/campaignkit summary

site: $(VENV)/.runtime
	$(BIN)/campaignkit site site

# Playwright drives Debian's Chromium (never `playwright install`); it comes with the dev tools.
handouts: $(VENV)/.dev
	$(BIN)/campaignkit handouts handouts

# Voila serves notebooks/, so the dashboard's links to notebooks 06-08 open (rendered by Voila, on
# demand). voila.json (read from this folder) preheats a kernel for the dashboard only (it has
# already run the notebook when a page asks for it) and shuts down kernels of pages closed for
# 10 minutes. tests/servers.py and benchmarks/dashboard.py start the dashboard through this target.
DASHBOARD_PAGE = voila/render/dashboard.ipynb
dashboard: $(VENV)/.runtime
	@echo "The dashboard: http://localhost:8866/$(DASHBOARD_PAGE) (other port: see Voila's address below)"
	JUPYTER_PATH="$(CURDIR)/share/jupyter$${JUPYTER_PATH:+:$$JUPYTER_PATH}" $(BIN)/voila notebooks --template=campaignkit --preheat_kernel=True $(DASHBOARD_ARGS)

exercises: $(VENV)/.instructor
	$(BIN)/campaignkit exercises generate

hub: $(VENV)/.hub
	$(BIN)/campaignkit hub $(HUB_ARGS)

grade: $(VENV)/.instructor
	$(BIN)/campaignkit exercises grade "$(SUBMISSIONS)" --out "$(GRADEBOOK)" $(if $(WORKDIR),--workdir "$(WORKDIR)")

bench: $(VENV)/.dev
	$(BIN)/python benchmarks/explorers.py
	$(BIN)/python benchmarks/dashboard.py --burst 10
	$(BIN)/python benchmarks/notebooks.py
	$(BIN)/python benchmarks/grading.py
	$(BIN)/python benchmarks/scaling.py
	$(BIN)/python benchmarks/hub.py
	$(BIN)/python benchmarks/environment.py $(if $(QUICK),--quick)

strip: $(VENV)/.dev
	$(BIN)/nbstripout notebooks/*.ipynb exercises/source/*/*.ipynb

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
