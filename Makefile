# Two commands: `make run` and `make test`. Everything else is set up by them.
SHELL := /bin/bash
PYTHON ?= python3
PORT ?= 8000
UV_VERSION := 0.13.9
UV := .tools/bin/uv
PY := .venv/bin/python
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := .venv

.PHONY: run test setup lint typecheck check bench bench-growth screenshots messages clean

.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

.venv/.synced: .tools/bin/uv uv.lock pyproject.toml
	$(UV) sync --frozen --python $(PYTHON) --quiet
	touch $@

setup: .venv/.synced

run: setup
	$(PY) manage.py migrate --noinput
	SAMENOPWEG_DEMO=1 $(PY) manage.py load_demo
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# In parallel (pytest-xdist): one worker per core; PYTEST_WORKERS=0 runs in one process. Each
# worker that gets browser tests starts its own server on its own database (tests/browser).
PYTEST_WORKERS ?= auto
test: setup
	$(PY) -m pytest -q -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

lint: setup
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

typecheck: setup
	$(PY) -m mypy .

# The whole gate except the PostgreSQL run (see .ci/run).
check: setup lint typecheck
	.venv/bin/lint-imports
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	DJANGO_DEBUG=0 DJANGO_SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))') DJANGO_ALLOWED_HOSTS=example.org SAMENOPWEG_SITE_URL=https://example.org $(PY) manage.py check --deploy --fail-level WARNING

bench: setup
	$(PY) bench/run.py $(BENCH_ARGS)

# PostgreSQL at 10,000, 100,000 and 1,000,000 trajectories (about 30 minutes; bench/growth.py).
bench-growth: setup
	$(PY) bench/growth.py $(GROWTH_ARGS)

# PNGs of the main pages at 1280 and 390 px in docs/screenshots/ (chromium; bench/screenshots.py).
screenshots: setup
	$(PY) bench/screenshots.py $(SCREENSHOTS_ARGS)

# Needs GNU gettext; the compiled .mo files are committed.
messages: setup
	$(PY) manage.py makemessages -l en --no-location --ignore=.venv --ignore=.tools --ignore=bench --ignore=tests
	$(PY) manage.py compilemessages --ignore=.venv --ignore=.tools

clean:
	rm -rf .venv .tools var
