# The two commands a newcomer runs:  `make run`  and  `make test`.
# Both are idempotent: the virtual environment is rebuilt only when the lock changes,
# the gazetteer index only when its sources change.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run test setup gazetteer lock bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Everything installs from the hashed lock; the project itself goes in editable, without dependencies.
$(VENV)/.installed: requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

setup: $(VENV)/.installed

gazetteer: setup
	$(BIN)/itinerant gazetteer build

run: gazetteer
	$(BIN)/itinerant db upgrade
	$(BIN)/itinerant seed
	$(BIN)/itinerant serve --host $(HOST) --port $(PORT)

test: gazetteer
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: gazetteer
	for script in benchmarks/*.py; do $(BIN)/python $$script || exit 1; done

# Regenerate the lock after editing pyproject.toml's dependencies (needs pip-tools in the venv).
lock: setup
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --extra dev --no-emit-index-url --no-emit-find-links \
		--strip-extras --allow-unsafe -o requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) data/ .pytest_cache
