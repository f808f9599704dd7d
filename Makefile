# The two set-up commands of the README: `make demo` and `make test`.
# Each creates .venv on a fresh machine and installs what it needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint bench clean java

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/trucewatch demo --workspace workspace

# The Spark tests need a Java runtime Spark supports: .ci/install-java.sh installs Debian's
# OpenJDK 17 when none is there (it needs root then, and says so otherwise). Without one the
# Spark tests skip, saying why; CI (.ci/run) installs it first and fails if it cannot.
java:
	@bash .ci/install-java.sh || echo "make: no Java 17+ for Spark: the Spark tests will skip" >&2

test: $(STAMP) java
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .

bench: $(STAMP)
	@for script in benchmarks/*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) workspace .pytest_cache .ruff_cache
