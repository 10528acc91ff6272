# Two commands do all the set-up: `make demo` and `make test`.
# Each builds .venv from requirements.txt when it is missing or out of date.

VENV   := .venv
PYTHON := $(VENV)/bin/python
# nbgrader calls alembic and jupyter by name: the venv's bin must come first.
export PATH := $(abspath $(VENV))/bin:$(PATH)

.PHONY: demo test quick golden venv clean outputs bwrap chromium hub postgres axe

# Release, sample students, grading, class report: the whole instructor's job on the defaults, in a course of its
# own under build/demo/ (never the instructor's course/ and release/).
demo: $(VENV)/.installed bwrap
	$(PYTHON) -m autograder demo

# Every test, on two workers (pytest-xdist): each test file runs on one worker (nbval runs a notebook's cells in order).
test: $(VENV)/.installed bwrap chromium hub postgres axe
	$(PYTHON) -m pytest -n 2 --dist loadfile

# Everything but the slow, end-to-end and browser tests: about a minute, no sandbox, no browser.
quick: $(VENV)/.installed
	$(PYTHON) -m pytest -n 2 --dist loadfile -m "not slow and not end_to_end and not browser"

# After a change meant to alter grading's results (a message, a judge): store tests/golden/ again, then review the diff.
golden: $(VENV)/.installed bwrap
	LOGREG_WRITE_GOLDEN=1 $(PYTHON) -m pytest tests/grading/batch/test_pipeline.py -k stored

# Grading runs students' kernels in bubblewrap (Debian's package; needs root to install).
bwrap:
	@command -v bwrap >/dev/null || { apt-get update -qq && apt-get install -y -qq bubblewrap >/dev/null; }

# The browser tests (tests/end_to_end/test_browser.py) drive Debian's Chromium through its chromedriver (needs root to install).
chromium:
	@test -x /usr/bin/chromium && test -x /usr/bin/chromedriver || \
		{ apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null; }

# The database tests (tests/end_to_end/test_database.py) start a PostgreSQL server of their own (tests/postgres.py):
# Debian's, whose programs are under /usr/lib/postgresql/<version>/bin (needs root to install).
postgres:
	@ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || \
		{ apt-get update -qq && apt-get install -y -qq postgresql >/dev/null; }

# The hub test (tests/end_to_end/test_hub.py) runs JupyterHub, whose proxy is configurable-http-proxy from npm.
HUB_PROXY := build/hub/node_modules/.bin/configurable-http-proxy
hub: $(HUB_PROXY)

$(HUB_PROXY):
	@command -v npm >/dev/null || { apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null; }
	npm install --silent --no-save --no-audit --no-fund --prefix build/hub configurable-http-proxy@4.6.3

# The accessibility tests (tests/end_to_end/test_accessibility.py) run axe-core, Deque's rule engine, in Chromium.
AXE := build/axe/node_modules/axe-core/axe.min.js
axe: $(AXE)

$(AXE):
	@command -v npm >/dev/null || { apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null; }
	npm install --silent --no-save --no-audit --no-fund --prefix build/axe axe-core@4.14.1

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.txt pyproject.toml
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet -r requirements.txt
	$(PYTHON) -m pip install --quiet --no-deps -e .
	touch $@

clean:
	rm -rf $(VENV) release course build .pytest_cache

# Re-run in place the instructor notebooks whose sources changed, so their stored outputs (checked by nbval) are
# current; the others stay byte for byte. `make outputs ALL=1` runs every one.
outputs: $(VENV)/.installed
	$(PYTHON) notebooks/execute.py $(if $(ALL),--all)
