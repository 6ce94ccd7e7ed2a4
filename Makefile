# Set-up and the two everyday commands:  make report   and   make test
# Everything installs into ./.venv from plain python3, with the versions pinned in requirements.lock.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: report test lab bench validity scale clean

# uv (pinned in requirements.lock) installs the same pins as pip, several times faster; if it fails, plain pip does
# the job. uv does not read pip's configuration, so the indexes, find-links and constraints pip is configured with
# on this machine (pip config, PIP_* variables) are passed on, with pip's rule of taking the best match across them.
# Like pip, it compiles the packages' bytecode once at install: without it every kernel a lesson starts compiles
# pandas, matplotlib, spaCy … again wherever PYTHONDONTWRITEBYTECODE is set (about 2.5 s per process here).
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -c requirements.lock uv
	cfg() { $(BIN)/python -m pip config get "global.$$1" 2>/dev/null || true; }; \
	idx=$$(cfg index-url); args=""; \
	for u in $$(cfg extra-index-url); do args="$$args --extra-index-url $$u"; done; \
	for u in $$(cfg find-links); do args="$$args --find-links $$u"; done; \
	for u in $$(cfg constraint); do args="$$args --constraint $$u"; done; \
	$(BIN)/uv pip install --quiet --python $(BIN)/python $${idx:+--index-url $$idx} $$args \
	    --index-strategy unsafe-best-match --compile-bytecode -c requirements.lock -e ".[dev]" \
	|| { echo "uv failed: installing with pip"; $(BIN)/python -m pip install --quiet -c requirements.lock -e ".[dev]"; }
	$(BIN)/python -m ipykernel install --sys-prefix --name newsframes --display-name "Python (newsframes)" >/dev/null
	touch $(STAMP)

## main job: run the curated notebooks on the bundled corpus, write charts and an HTML report to reports/
report: $(STAMP)
	$(BIN)/python -m toolkit report data/corpus --groups data/corpus-groups.csv --notebooks notebooks \
	    --target Soleimani --aliases "Soleimani,Suleimani,Qassem,Qasem,Quds Force commander" --out reports

## the test suite (this is what CI runs)
test: $(STAMP)
	$(BIN)/python -m pytest

## JupyterLab on the project's kernel
lab: $(STAMP)
	$(BIN)/jupyter lab notebooks

## speed benchmarks (ratios against references measured in the same run)
bench: $(STAMP)
	$(BIN)/python benchmarks/speed.py

## validation against human labels (needs ../shared/eval; prints tables: sentiment, then frames, about 2 min)
validity: $(STAMP)
	$(BIN)/python benchmarks/validity.py
	$(BIN)/python benchmarks/frames_dev.py

## whole pipeline at scale: 10,000 articles end to end, streaming with flat memory, and quotes/agency/labels;
## reused passages among 10,000 articles with planted copies, and streams of 10,000-40,000 with and without a date window
scale: $(STAMP)
	$(BIN)/python benchmarks/scale.py
	$(BIN)/python benchmarks/speed_discourse.py
	$(BIN)/python benchmarks/reuse.py

clean:
	rm -rf $(VENV) reports
