# Every target installs into a local .venv first, so a fresh clone needs nothing else.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: install system-check demo test test-fast lint docs templates bench clean

install: $(STAMP) system-check

# weasyprint needs Pango; without libharfbuzz-subset0 each PDF takes ~4× as long. Only a
# hint: nothing fails when they are missing.
system-check: $(STAMP)
	@$(BIN)/python -c "import ctypes.util as u, sys; missing = [p for p, lib in (('libpango-1.0-0', 'pango-1.0'), ('libharfbuzz-subset0', 'harfbuzz-subset')) if not u.find_library(lib)]; missing and print('Let op: ' + ', '.join(missing) + ' ontbreekt; PDF-formulieren werken ' + ('niet' if 'libpango-1.0-0' in missing else 'trager') + '. Installeer: apt-get install ' + ' '.join(missing) + ' (Debian/Ubuntu)', file=sys.stderr)"

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,ocr]'
	touch $(STAMP)

demo: $(STAMP)
	@bash samples/demo.sh

# the whole suite (CI); test-fast leaves out the tests marked slow (subprocesses, wheel)
test: $(STAMP)
	$(BIN)/python -m pytest

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not slow"

lint: $(STAMP)
	$(BIN)/ruff check toolkit tests benchmarks docs
	$(BIN)/ruff format --check toolkit tests benchmarks docs
	$(BIN)/mypy

# the API reference from the docstrings (pdoc) in out/docs/; fails on any pdoc warning
docs: $(STAMP)
	$(BIN)/python docs/build_api.py out/docs

# rebuild templates/uwv/<form>.docx and .html from the layouts in toolkit/poortwachter/forms/
templates: $(STAMP)
	$(BIN)/python -m poortwachter.generate.template_build templates/uwv

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) out build dist .pytest_cache .mypy_cache .ruff_cache
