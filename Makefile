# Set-up and the two everyday commands:  make report   and   make test
# Everything installs into ./.venv from plain python3, with the versions pinned in requirements.lock.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: report test lab bench validity scale clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[dev]"
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

## whole pipeline at scale: 10,000 articles end to end, and streaming with flat memory
scale: $(STAMP)
	$(BIN)/python benchmarks/scale.py

clean:
	rm -rf $(VENV) reports
