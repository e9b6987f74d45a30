# Shortcuts for people who have make; scripts/serve and scripts/test work without it.
PYTHON := .venv/bin/python

.PHONY: setup build serve test check pdf clean

setup:
	scripts/setup

build: setup
	$(PYTHON) -m build_tools build

serve: setup
	$(PYTHON) -m build_tools serve

check: setup
	$(PYTHON) -m build_tools check

pdf: setup
	$(PYTHON) -m build_tools pdf

test:
	scripts/test

clean:
	rm -rf site docs build
