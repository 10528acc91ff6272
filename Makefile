# Two commands do all the set-up: `make demo` and `make test`.
# Each builds .venv from requirements.txt when it is missing or out of date.

VENV   := .venv
PYTHON := $(VENV)/bin/python
# nbgrader calls alembic and jupyter by name: the venv's bin must come first.
export PATH := $(abspath $(VENV))/bin:$(PATH)

.PHONY: demo test venv clean outputs bwrap chromium

# Release, sample students, grading, class report: the whole instructor's job on the defaults.
demo: $(VENV)/.installed bwrap
	$(PYTHON) -m autograder demo

test: $(VENV)/.installed bwrap chromium
	$(PYTHON) -m pytest

# Grading runs students' kernels in bubblewrap (Debian's package; needs root to install).
bwrap:
	@command -v bwrap >/dev/null || { apt-get update -qq && apt-get install -y -qq bubblewrap >/dev/null; }

# The browser tests (tests/test_browser.py) drive Debian's Chromium through its chromedriver (needs root to install).
chromium:
	@test -x /usr/bin/chromium && test -x /usr/bin/chromedriver || \
		{ apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null; }

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.txt pyproject.toml
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet -r requirements.txt
	$(PYTHON) -m pip install --quiet --no-deps -e .
	touch $@

clean:
	rm -rf $(VENV) release course build .pytest_cache

# Re-run the instructor notebooks in place, so their stored outputs (checked by nbval) are current.
outputs: $(VENV)/.installed
	$(PYTHON) notebooks/execute.py
