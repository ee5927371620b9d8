# Two commands set up a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test fuzz docs lint typecheck layers bench fmt snapshot lock dist clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

# stdout is the MCP protocol stream: everything else (the install, make's own words) goes to stderr.
demo:
	@$(MAKE) --no-print-directory --silent $(STAMP) >&2
	@echo "tiflux-mcp on the demo tenant (stdio). Connect a client with:" >&2
	@echo "  claude mcp add tiflux -- $(CURDIR)/$(BIN)/tiflux-mcp --demo" >&2
	@echo "Waiting for an MCP client on stdin (Ctrl-C to stop)." >&2
	@exec $(BIN)/tiflux-mcp --demo

CLIENTS := clients/node_modules/.installed

# Real MCP clients from npm (the Inspector CLI, the conformance suite), pinned by clients/package-lock.json.
$(CLIENTS): clients/package.json clients/package-lock.json
	cd clients && npm ci --no-audit --no-fund --loglevel=error
	touch $(CLIENTS)

test: $(STAMP) $(CLIENTS) lint typecheck layers
	$(BIN)/python -m pytest -q -p no:cacheprovider

# The tool fuzzer at full strength (6,400+ calls; `make test` runs a few hundred), and the rich-text fuzzer
# at 5,000 texts per property (`make test` runs 150).
fuzz: $(STAMP)
	TIFLUX_FUZZ_EXAMPLES=100 $(BIN)/python -m pytest -q -p no:cacheprovider tests/unit/adapters/test_fuzz_tools.py
	TIFLUX_RICHTEXT_EXAMPLES=5000 $(BIN)/python -m pytest -q -p no:cacheprovider tests/unit/adapters/test_fuzz_richtext.py

# docs/tools.md from the tool registry (a test fails when it is stale).
docs: $(STAMP)
	$(BIN)/python -m adapters.docs --output docs/tools.md --readme README.md

lint: $(STAMP)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

typecheck: $(STAMP)
	$(BIN)/mypy --no-incremental

layers: $(STAMP)
	$(BIN)/lint-imports

bench: $(STAMP)
	$(BIN)/python -m benchmarks

fmt: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

snapshot: $(STAMP)
	UPDATE_SNAPSHOTS=1 $(BIN)/python -m pytest -q -p no:cacheprovider tests/unit/adapters/test_tools_snapshot.py

dist: $(STAMP)
	rm -rf dist build
	$(BIN)/python -m pip wheel --quiet --no-deps --no-build-isolation --wheel-dir dist .
	rm -rf build *.egg-info
	@ls dist/*.whl

lock: $(STAMP)
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^-e' > constraints.txt

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache dist build *.egg-info clients/node_modules
