#!/bin/sh
# A bounded fuzzing session (`make fuzz`): the hostile-input fuzzer of
# tests/hostile.rs (random JSON, one-byte edits of valid inputs, type swaps,
# huge numbers, deep nesting at every entry point that takes outside data),
# run again and again with new seeds until FUZZ_SECONDS (default 300) have
# passed. Each run is VEIVALG_FUZZ_CASES inputs (default 200 000).
#
# A failing input is written to target/hostile-failures/<entry>/, or with
# FUZZ_SAVE=1 straight into tests/corpus/<entry>/ (one file per case), from
# where every `cargo test` replays it natively and tests/js/hostile.test.mjs
# through the package. The seed of a failing run is printed: rerun it with
# VEIVALG_FUZZ_SEED=<seed> cargo test --test hostile fuzz_every_entry_point.
#
# cargo-fuzz (libFuzzer) needs a nightly toolchain (-Zsanitizer); the
# project builds on stable, so the fuzzer is a seeded generator in a test.
set -eu
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-300}
cases=${VEIVALG_FUZZ_CASES:-200000}
seed=${FUZZ_SEED:-$(date +%s)}
[ "${FUZZ_SAVE:-0}" = 1 ] && export VEIVALG_FUZZ_SAVE=1
cargo test --features cli --test hostile --no-run -q
end=$(( $(date +%s) + seconds ))
runs=0
total=0
status=0
while [ "$(date +%s)" -lt "$end" ]; do
  echo "fuzz: seed $seed, $cases cases"
  log=target/fuzz-$seed.log
  mkdir -p target
  if VEIVALG_FUZZ_SEED=$seed VEIVALG_FUZZ_CASES=$cases \
      cargo test --features cli --test hostile -q fuzz_every_entry_point -- --nocapture >"$log" 2>&1; then
    grep -E '^hostile:' "$log" || true
    rm -f "$log"
  else
    grep -E '^hostile:|input in' "$log" || tail -20 "$log"
    echo "fuzz: seed $seed FAILED (log in $log; inputs in target/hostile-failures/ or tests/corpus/)"
    status=1
    break
  fi
  runs=$((runs + 1))
  total=$((total + cases))
  seed=$((seed + 1))
done
echo "fuzz: $runs runs, $total hostile inputs in ${seconds} s or less"
exit $status
