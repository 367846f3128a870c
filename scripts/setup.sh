#!/usr/bin/env bash
# Installs what veivalg's build and tests need, and nothing that is already there.
#
#   scripts/setup.sh                     # every step
#   scripts/setup.sh rust wasm-bindgen   # only these steps
#
# Steps: rust, wasm-bindgen, node, browser (the default set), and two optional
# ones that no test needs: python (for `make bench` only: a virtualenv under
# target/ with scikit-learn and statsmodels) and twiggy (the wasm size
# profiler, for the byte breakdown that `make size` and `make bench` print).
# Each is idempotent and silent when there is nothing to do; it prints one
# line when it installs something.
# Works as root on a fresh Debian 12 machine with access to crates.io, npm and
# Debian's package archive (and nothing else: no step downloads a prebuilt
# binary or a browser build of its own).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

say() { printf 'setup: %s\n' "$*" >&2; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

step_rust() {
    command -v rustup >/dev/null || die "rustup not found; install Rust from https://rustup.rs first"
    if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
        say "adding rust target wasm32-unknown-unknown"
        rustup target add wasm32-unknown-unknown >/dev/null 2>&1 || die "rustup target add wasm32-unknown-unknown failed"
    fi
    local installed
    installed="$(rustup component list --installed)"
    local c
    for c in rustfmt clippy; do
        if ! grep -q "^$c" <<<"$installed"; then
            say "adding rust component $c"
            rustup component add "$c" >/dev/null 2>&1 || die "rustup component add $c failed"
        fi
    done
}

# The wasm-bindgen CLI must be exactly the version of the wasm-bindgen crate in
# Cargo.lock (Cargo.toml pins it with `=`).
wasm_bindgen_version() {
    awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

step_wasm_bindgen() {
    local want
    want="$(wasm_bindgen_version)"
    [ -n "$want" ] || die "no wasm-bindgen entry in Cargo.lock"
    if command -v wasm-bindgen >/dev/null &&
        [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $want" ] &&
        command -v wasm-bindgen-test-runner >/dev/null; then
        return 0
    fi
    say "installing wasm-bindgen-cli $want (cargo install, about 2-3 minutes)"
    local log
    log="$(mktemp)"
    # `--locked` fails on this registry (a locked dependency is missing);
    # the unlocked build works. Try the locked one first all the same.
    if ! cargo install wasm-bindgen-cli --version "$want" --locked --quiet >"$log" 2>&1; then
        if ! cargo install wasm-bindgen-cli --version "$want" --quiet >"$log" 2>&1; then
            cat "$log" >&2
            rm -f "$log"
            die "cargo install wasm-bindgen-cli $want failed"
        fi
    fi
    rm -f "$log"
}

step_node() {
    command -v node >/dev/null || die "node not found; install Node.js 20 or later"
    command -v npm >/dev/null || die "npm not found"
    local stamp=node_modules/.veivalg-npm-ci
    if [ ! -d node_modules ] || [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ] ||
        [ package.json -nt "$stamp" ]; then
        say "installing npm dev dependencies (npm ci)"
        npm ci --no-audit --no-fund --loglevel=error >/dev/null
        touch "$stamp"
    fi
}

step_browser() {
    # Debian's chromium and chromedriver; never Debian's binaryen (broken with
    # current rustc output: wasm-opt comes from npm).
    if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
        say "installing chromium and chromium-driver (apt-get)"
        local sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        local log
        log="$(mktemp)"
        if ! { $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
            $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; } \
            >"$log" 2>&1 </dev/null; then
            cat "$log" >&2
            rm -f "$log"
            die "apt-get install chromium chromium-driver failed"
        fi
        rm -f "$log"
    fi
}

# A virtualenv for the benchmark's comparison with scikit-learn and
# statsmodels (never a runtime or test dependency).
step_python() {
    command -v python3 >/dev/null || die "python3 not found (needed by make bench only)"
    local venv=target/bench-venv
    if ! "$venv/bin/python" -c "import numpy, sklearn, statsmodels" >/dev/null 2>&1; then
        say "making $venv with scikit-learn and statsmodels (pip, about a minute)"
        local log
        log="$(mktemp)"
        if ! { python3 -m venv "$venv" &&
            "$venv/bin/pip" install --quiet --disable-pip-version-check \
                "numpy<3" "scikit-learn==1.*" "statsmodels==0.14.*"; } >"$log" 2>&1; then
            cat "$log" >&2
            rm -f "$log"
            die "could not make $venv"
        fi
        rm -f "$log"
    fi
}

# twiggy, the wasm code-size profiler: only for the breakdown of where the
# bytes go (scripts/size.mjs prints `twiggy top` when a package is over its
# budget; `make size` and `make bench` always do). Optional: when it cannot be
# installed, this step warns and the size table is printed without it.
step_twiggy() {
    command -v twiggy >/dev/null && return 0
    say "installing twiggy (cargo install, about 1-2 minutes)"
    local log
    log="$(mktemp)"
    if ! cargo install twiggy --locked --quiet >"$log" 2>&1; then
        if ! cargo install twiggy --quiet >"$log" 2>&1; then
            sed 's/^/setup:   /' "$log" | tail -n 20 >&2
            rm -f "$log"
            say "warning: cargo install twiggy failed; the size breakdown will be missing"
            return 0
        fi
    fi
    rm -f "$log"
}

steps=("$@")
[ ${#steps[@]} -gt 0 ] || steps=(rust wasm-bindgen node browser)
for s in "${steps[@]}"; do
    case "$s" in
        rust) step_rust ;;
        wasm-bindgen) step_wasm_bindgen ;;
        node) step_node ;;
        browser) step_browser ;;
        python) step_python ;;
        twiggy) step_twiggy ;;
        *) die "unknown step '$s' (expected rust, wasm-bindgen, node, browser, python, twiggy)" ;;
    esac
done
