# veivalg: build, demo and test. Every target installs what it needs first
# (scripts/setup.sh is quiet when everything is already there).
#
#   make demo   build the npm package and serve www/ on http://127.0.0.1:$(PORT)
#   make test   everything CI runs (.ci/run calls exactly this)

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:
MAKEFLAGS += --no-print-directory

export PATH := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(CURDIR)/node_modules/.bin:$(PATH)
# The wasm-bindgen test runner looks for a WebDriver on PATH (geckodriver
# first); pin Debian's chromedriver so the browser tests always use Chromium.
export CHROMEDRIVER ?= /usr/bin/chromedriver

SETUP := scripts/setup.sh
WASM := wasm32-unknown-unknown
PORT ?= 8000
WASM_OPT_FLAGS := -Oz --strip-debug --strip-producers

.PHONY: help setup pkg demo size size-check bench test fmt-check clippy test-native \
	test-wasm-node test-wasm-browser test-js test-e2e clean

help:
	@echo "make demo    build pkg/ and serve www/ on http://127.0.0.1:$(PORT) (PORT=… to change)"
	@echo "make test    fmt, clippy (native + wasm32), cargo test, wasm tests in Node and"
	@echo "             headless Chromium, the npm package from Node, browser end-to-end tests"
	@echo "make pkg     build the npm package into pkg/"
	@echo "make size    raw and gzip sizes of the package's wasm and JS, against the budget"
	@echo "make bench   benchmarks: native (cargo bench), the package in Node and in Chromium"
	@echo "make setup   install every tool the targets need (idempotent)"
	@echo "make clean   remove target/ build output and pkg/"

setup:
	$(SETUP)

# --- the npm package --------------------------------------------------------

pkg:
	$(SETUP) rust wasm-bindgen node
	cargo build --lib --profile wasm-release --target $(WASM)
	$(MAKE) pkg/veivalg_bg.wasm
	node scripts/package-json.mjs
	cp pkg-config/npm-README.md pkg/README.md
	@echo "pkg/: $$(wc -c < pkg/veivalg_bg.wasm) bytes of wasm"

# wasm-opt takes about 10 s: redo the bindings only when cargo's output changed.
pkg/veivalg_bg.wasm: target/$(WASM)/wasm-release/veivalg.wasm Cargo.lock Makefile
	rm -rf pkg
	wasm-bindgen --target web --out-dir pkg --out-name veivalg $<
	# wasm-bindgen types the raw exports of InitOutput (externrefs) as `any`.
	sed -i -E '/^export interface InitOutput/,/^}/ s/\bany\b/unknown/g' pkg/veivalg.d.ts
	# The docs ship in veivalg.d.ts; the JS glue goes without them.
	node scripts/strip-js-docs.mjs pkg/veivalg.js
	wasm-opt $(WASM_OPT_FLAGS) pkg/veivalg_bg.wasm -o pkg/veivalg_bg.wasm

# Raw and gzip -9 sizes of the wasm and the JS glue; fails above the budget
# in the README (120 KB gzip for both together).
size: pkg
	$(MAKE) size-check

size-check:
	node scripts/size.mjs

# --- benchmarks -------------------------------------------------------------

# Native figures (benches/bench.rs, compared with scikit-learn and
# statsmodels in a virtualenv that `scripts/setup.sh python` makes under
# target/), then the package in Node and in headless Chromium
# (benches/wasm/). The figures go into docs/benchmarks.md by hand.
BENCH_PYTHON := $(CURDIR)/target/bench-venv/bin/python

bench:
	$(SETUP) rust wasm-bindgen node browser python
	$(MAKE) pkg
	VEIVALG_BENCH_PYTHON=$(BENCH_PYTHON) cargo bench --bench bench
	node benches/wasm/node.mjs
	node benches/wasm/browser.mjs

# --- demo -------------------------------------------------------------------

demo:
	$(SETUP) rust wasm-bindgen node
	$(MAKE) pkg
	node scripts/serve.mjs --port $(PORT)

# --- tests ------------------------------------------------------------------

# One native debug build (clippy's check metadata aside), one wasm32 debug
# build shared by the Node and browser wasm tests, one wasm32 release build
# for pkg/.
test:
	$(SETUP)
	$(MAKE) fmt-check
	$(MAKE) clippy
	$(MAKE) test-native
	$(MAKE) test-wasm-node
	$(MAKE) test-wasm-browser
	$(MAKE) pkg
	$(MAKE) test-js
	$(MAKE) test-e2e
	$(MAKE) size-check

fmt-check:
	cargo fmt --check

# src/wasm and the wasm test files are compiled only for wasm32: lint them there too.
clippy:
	cargo clippy --all-targets -- -D warnings
	cargo clippy --lib --test wasm_node --test wasm_browser --target $(WASM) -- -D warnings

test-native:
	cargo test

test-wasm-node:
	cargo test --target $(WASM) --test wasm_node

test-wasm-browser:
	cargo test --target $(WASM) --test wasm_browser

test-js:
	node --test tests/js/

test-e2e:
	node --test tests/e2e/

clean:
	cargo clean
	rm -rf pkg

# --- reproduction report and the shipped proposal models ---------------------
#
#   make report   docs/reproduction.md: the report's Tabell 3, 5 and 8 next to
#                 the default SYNTHETIC cohort (`veivalg report --markdown`)
#   make models   refit variants A and B on the default synthetic cohort and
#                 REWRITE pkg-config/{models,policies}/variant-{a,b}.json

.PHONY: report models

VEIVALG := target/release/veivalg

# `veivalg report` exits 1 when a line fails: the file is still written (it
# says which lines fail) and make fails, so nobody misses it. Any other
# failure leaves the old file in place.
report:
	$(SETUP) rust
	cargo build --release --bin veivalg
	mkdir -p docs
	status=0; $(VEIVALG) report --markdown > docs/reproduction.md.tmp || status=$$?; \
	if [ "$$status" -le 1 ]; then mv docs/reproduction.md.tmp docs/reproduction.md; \
	else rm -f docs/reproduction.md.tmp; fi; \
	if [ "$$status" -eq 1 ]; then echo "make report: some lines FAIL (see docs/reproduction.md)" >&2; fi; \
	$(VEIVALG) report --model-cards > docs/models.md; \
	exit "$$status"

models:
	$(SETUP) rust
	cargo build --release --bin veivalg
	$(VEIVALG) refit-defaults --write pkg-config
