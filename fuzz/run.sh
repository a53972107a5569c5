#!/usr/bin/env bash
# Seed the corpora from the repository (and ../shared's dev split when it is
# there), then run each fuzz target for SECONDS (default 20):
#   fuzz/run.sh [SECONDS] [TARGET...]
# Needs the nightly toolchain and cargo-fuzz. A crash leaves its input in
# fuzz/artifacts/<target>/ and stops with a non-zero status.
set -euo pipefail
cd "$(dirname "$0")"
secs=${1:-20}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(plain markdown html dictionary config run)

# Copy files into a corpus, named by their content (no clashes, no repeats).
seed() {
  local dir=corpus/$1
  shift
  mkdir -p "$dir"
  for f in "$@"; do
    [ -f "$f" ] || continue
    cp "$f" "$dir/$(sha1sum "$f" | cut -c1-16)"
  done
}
shopt -s nullglob
plain=(../tests/corpus/*.txt ../tests/fixtures/cross_file/*.txt ../tests/cmd/*.in/*.txt ../../shared/eval/dev/docs/*.txt)
markdown=(../tests/corpus/*.md ../tests/fixtures/cross_file/*.md ../tests/cmd/*.in/*.md)
seed plain "${plain[@]}"
seed markdown "${markdown[@]}"
seed html ../tests/cmd/*.in/*.htm ../tests/cmd/*.in/*.html
seed dictionary ../src/core/test-newsroom.toml ../tests/cmd/*.in/[!c]*.toml
seed config ../tests/cmd/*.in/copydesk.toml
seed run "${plain[@]}" "${markdown[@]}"

export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/../target/fuzz}
for t in "${targets[@]}"; do
  echo "== fuzz $t (${secs}s)"
  # -s none: copydesk is safe Rust, so the sanitizer would only slow the
  # search; -a keeps debug assertions and overflow checks on.
  cargo +nightly fuzz run -s none -a "$t" "corpus/$t" -- \
    -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 2>&1 |
    grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==|thread '|Test unit written)|panicked" || true
  # grep hides the progress lines; a crash is in artifacts/.
  if compgen -G "artifacts/$t/*" >/dev/null; then
    echo "fuzz $t: crash inputs in fuzz/artifacts/$t/" >&2
    exit 1
  fi
done
