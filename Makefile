# Blockade Map: set-up, run and test on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8501

.PHONY: install run test test-fast fuzz bench clean

install: $(STAMP)

# Re-install only when the pins change; the stamp makes `make install` idempotent.
$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[test]'
	touch $(STAMP)

run: install
	$(BIN)/streamlit run app.py --server.port $(PORT)

test: install
	$(BIN)/python -m pytest -q

# The edit-test loop: unit, data and docs tests and doctests, no browser, no slow test (< 30 s).
test-fast: install
	$(BIN)/python -m pytest -q -m "not slow and not browser" tests/unit tests/data tests/docs geo

# Property-based tests over hostile input with many more examples than `make test` (minutes).
fuzz: install
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q -m fuzz tests/fuzz

bench: install
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .pytest_cache static/vendor
