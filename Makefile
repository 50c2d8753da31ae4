# gensep: `make test`, `make demo`, `make lab`. Every target sets the project up first (idempotent, seconds when done).
VENV   := .venv
BIN    := $(VENV)/bin
PROFILE ?= cpu
FORCE  ?=
DEMO   := runs/demo

.PHONY: setup test test-nbs test-py demo lab export clean-nbs lock gpu-check

setup:
	@bash scripts/setup.sh

## Library notebooks through nbdev_test (ci profile), then pytest: chapters through papermill, CLI, data scripts, DDP.
test: setup
	@bash scripts/test.sh

test-nbs: setup
	IN_TEST=1 GENSEP_NO_PROGRESS=1 $(BIN)/nbdev_test --n_workers 2 --timing

test-py: setup
	GENSEP_NO_PROGRESS=1 $(BIN)/python -m pytest tests -q

## The main job: executed chapter notebooks, tables (CSV) and audio under runs/demo (FORCE=1 to redo).
demo: setup
	$(BIN)/gensep demo --out $(DEMO) --profile $(PROFILE) $(if $(FORCE),--force,)

lab: setup
	$(BIN)/jupyter lab --notebook-dir nbs

## Refresh requirements.lock from settings.ini's ranges (UPGRADE=all, or UPGRADE="pkg ..."); then `make test`.
lock:
	@UPGRADE="$(UPGRADE)" bash scripts/lock.sh

## On a machine with a CUDA GPU: CUDA tests + gpu-profile benchmarks, report in runs/gpu-check/ (QUICK=1: shorter;
## ONLY=GMSDI,diffusion: the steps whose name holds one of the words).
gpu-check: setup
	$(BIN)/python scripts/gpu_check.py $(if $(QUICK),--quick,) $(if $(ONLY),--only "$(ONLY)",)

## After editing notebooks: regenerate gensep/ and strip outputs.
export: setup
	$(BIN)/nbdev_export && $(BIN)/nbdev_clean
