#!/usr/bin/env bash
# Whole-process throughput and peak memory of `copydesk check` (every built-in
# dictionary) against typos and codespell, over the same ~50 MB prose corpus.
# Prints a Markdown table, writes it to $OUT, and appends it, with the date,
# time, machine and commit, to $BENCH_LOG/YYYY-MM-DD.md (UTC). See
# tests/bench/README.md.
#
#   tests/bench/compare.sh
#   CORPUS=/path/corpus TOOLS=/path/tools RUNS=3 tests/bench/compare.sh
#   tests/bench/compare.sh --record TABLE.md   # only append a table already made
#
# Environment, with defaults (relative paths are taken from the repository root):
#   CORPUS         corpus folder of *.txt        target/bench-corpus, built if missing
#                                                with ../shared/bench/build_corpus.py
#   TOOLS          typos-cli and codespell       target/bench-tools, installed if missing
#   COPYDESK       copydesk binary               target/release/copydesk, built if missing
#   RUNS           timed runs per command        5
#   COPYDESK_RUNS  timed runs of copydesk        $RUNS
#   WARMUP         warm-up runs per command      1
#   OUT            the Markdown table            target/bench-compare.md; the hyperfine
#                                                JSON goes to target/bench-compare/
#   BENCH_LOG      the dated record of runs      docs/bench-runs; empty: no record
#   TYPOS_VERSION, CODESPELL_VERSION, HYPERFINE_VERSION
#                                                versions installed when missing
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
abs() { realpath -m -- "$1"; }

CORPUS=$(abs "${CORPUS:-target/bench-corpus}")
TOOLS=$(abs "${TOOLS:-target/bench-tools}")
COPYDESK=$(abs "${COPYDESK:-target/release/copydesk}")
OUT=$(abs "${OUT:-target/bench-compare.md}")
BENCH_LOG=${BENCH_LOG-docs/bench-runs}
[[ -z $BENCH_LOG ]] || BENCH_LOG=$(abs "$BENCH_LOG")
RUNS=${RUNS:-5}
COPYDESK_RUNS=${COPYDESK_RUNS:-$RUNS}
WARMUP=${WARMUP:-1}
TYPOS_VERSION=${TYPOS_VERSION:-1.52.0}
CODESPELL_VERSION=${CODESPELL_VERSION:-2.4.3}
# hyperfine 2 needs a newer rustc than this toolchain's 1.95.
HYPERFINE_VERSION=${HYPERFINE_VERSION:-1.20.0}

shared=$(abs ../shared/bench)
# The Debian packages build_corpus.py reads (../shared/bench/README.md).
corpus_debs=(bible-kjv bible-kjv-text dict-devil debian-handbook debian-reference-en
  python3.11-doc linux-doc-6.1 manpages manpages-dev gnu-standards man-db groff-base)

die() { printf 'compare.sh: %s\n' "$*" >&2; exit 1; }
say() { printf '== %s\n' "$*" >&2; }

# record_run TABLE [HOW]: append the table of one run (the Markdown this script
# prints) to $BENCH_LOG/YYYY-MM-DD.md, the UTC date of the run, as a section
# headed by its time, with the machine and the commit of the checkout; the file is
# started with a title when it is new. HOW says how the table was made (by
# default, this script with its settings). Nothing when BENCH_LOG is empty.
record_run() {
  local table=$1 how=${2:-} day time cpu commit file
  [[ -n $BENCH_LOG ]] || return 0
  [[ -s $table ]] || die "no table to record in $table"
  # When the table says when it was measured (its first line), that day and
  # time; else now.
  if [[ $(head -n 1 -- "$table") =~ ^Measured\ ([0-9]{4}-[0-9]{2}-[0-9]{2})\ ([0-9]{2}:[0-9]{2})\ UTC ]]; then
    day=${BASH_REMATCH[1]} time=${BASH_REMATCH[2]}
  else
    day=$(date -u +%F) time=$(date -u +%H:%M)
  fi
  cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
  commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null) || commit=unknown
  # Changes to tracked files other than the record itself.
  if [[ $commit != unknown && -n $(git -C "$root" status --porcelain --untracked-files=no \
    -- . ':(exclude)docs/bench-runs' 2>/dev/null) ]]; then
    commit+=" + uncommitted changes"
  fi
  mkdir -p "$BENCH_LOG"
  file=$BENCH_LOG/$day.md
  if [[ ! -s $file ]]; then
    printf '# Benchmark runs, %s\n\nRuns of `tests/bench/compare.sh`, one section each, appended by the script\nas they finish (times in UTC). How to read them: docs/performance.md.\n' \
      "$day" >"$file"
  fi
  {
    printf '\n## %s UTC, commit %s\n\n' "$time" "${commit%% *}"
    printf -- '- machine: %s, %s cores\n' "${cpu:-unknown CPU}" "$(nproc)"
    printf -- '- commit: `%s`\n' "$commit"
    printf -- '- command: %s\n\n' \
      "${how:-\`tests/bench/compare.sh\` (RUNS=$RUNS, COPYDESK_RUNS=$COPYDESK_RUNS, WARMUP=$WARMUP)}"
    cat -- "$table"
  } >>"$file"
  say "recorded in $file"
}

case ${1:-} in
  "") ;;
  --record)
    [[ $# -eq 2 ]] || die "usage: $0 --record TABLE.md"
    record_run "$(abs "$2")" "a table made earlier, \`$2\`, recorded with \`tests/bench/compare.sh --record\`"
    exit 0
    ;;
  *) die "usage: $0 [--record TABLE.md] (settings come from the environment)" ;;
esac

command -v python3 >/dev/null || die "python3 is needed"
[[ -x /usr/bin/time ]] || die "GNU time is needed for peak memory: apt-get install time"

# --- Corpus -----------------------------------------------------------------
if ! compgen -G "$CORPUS/*.txt" >/dev/null; then
  [[ -f $shared/build_corpus.py ]] || die "no corpus in $CORPUS, and no $shared/build_corpus.py
to build one. Build it from the steering repo's shared/bench/ (see its README.md):
  python3 shared/bench/build_corpus.py /some/dir && CORPUS=/some/dir $0"
  missing=()
  for p in "${corpus_debs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
  done
  ((${#missing[@]} == 0)) || die "the corpus needs Debian packages; install them first:
  apt-get install -y --no-install-recommends ${missing[*]}"
  say "building the corpus in $CORPUS (a few minutes)"
  python3 "$shared/build_corpus.py" "$CORPUS" >&2
fi

# --- Peers and copydesk -----------------------------------------------------
typos=$TOOLS/bin/typos
if [[ ! -x $typos ]]; then
  say "installing typos-cli $TYPOS_VERSION into $TOOLS"
  CARGO_TARGET_DIR=$TOOLS/target cargo install typos-cli --version "$TYPOS_VERSION" \
    --locked --root "$TOOLS"
fi
codespell=$TOOLS/venv/bin/codespell
if [[ ! -x $codespell ]]; then
  say "installing codespell $CODESPELL_VERSION into $TOOLS/venv"
  python3 -m venv "$TOOLS/venv"
  "$TOOLS/venv/bin/pip" install -q "codespell==$CODESPELL_VERSION"
fi
if ! command -v hyperfine >/dev/null; then
  if [[ ! -x $TOOLS/bin/hyperfine ]]; then
    say "installing hyperfine $HYPERFINE_VERSION into $TOOLS"
    CARGO_TARGET_DIR=$TOOLS/target cargo install hyperfine --version "$HYPERFINE_VERSION" \
      --locked --root "$TOOLS"
  fi
  PATH=$TOOLS/bin:$PATH
fi
if [[ ! -x $COPYDESK ]]; then
  [[ $COPYDESK == "$root/target/release/copydesk" ]] || die "no copydesk binary at $COPYDESK"
  say "building copydesk (release)"
  cargo build --release --locked
fi

# --- Runs -------------------------------------------------------------------
results=${OUT%.md}
mkdir -p "$results" "$(dirname "$OUT")"
rm -f "$results"/*.json "$results"/*.rss "$results/runs.tsv"
# Run the tools from an empty folder, so that no copydesk.toml, typos.toml or
# .codespellrc of the caller's tree applies; the corpus is passed whole.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$scratch"
ncpu=$(nproc)

# bench SLUG TOOL THREADS RUNS OK_STATUSES CMD...: one plain run under GNU time
# (peak RSS, and a check that the exit status is one the tool gives for
# findings), then hyperfine. Linters exit non-zero on findings, hence -i.
bench() {
  local slug=$1 tool=$2 threads=$3 runs=$4 ok=$5 status=0
  shift 5
  say "$tool, $threads thread(s): $*"
  /usr/bin/time -f %M -o "$results/$slug.rss" "$@" >/dev/null 2>"$scratch/stderr" || status=$?
  [[ " $ok " == *" $status "* ]] ||
    die "$* exited with status $status: $(tail -n 5 "$scratch/stderr")"
  hyperfine -N -i --output=null --style basic --warmup "$WARMUP" --runs "$runs" \
    --export-json "$results/$slug.json" "$(printf '%q ' "$@")" >&2
  printf '%s\t%s\t%s\t%s\t%s\n' "$slug" "$tool" "$threads" "$runs" "$*" >>"$results/runs.tsv"
}

# Exit statuses on findings: copydesk 1, typos 2, codespell 65.
# The single-threaded pair first and back to back: their ratio is the headline.
# Two corpus files hold NUL bytes (rendered man pages): copydesk refuses them
# as binary with exit 2, as typos skips binary files.
bench copydesk-1 copydesk 1 "$COPYDESK_RUNS" "0 1 2" "$COPYDESK" check --threads 1 --format json "$CORPUS"
bench typos-1 typos 1 "$RUNS" "0 2" "$typos" --threads 1 "$CORPUS"
bench copydesk-n copydesk "$ncpu" "$COPYDESK_RUNS" "0 1 2" "$COPYDESK" check --format json "$CORPUS"
bench typos-n typos "$ncpu" "$RUNS" "0 2" "$typos" "$CORPUS"
bench codespell codespell 1 "$RUNS" "0 65" "$codespell" "$CORPUS"

# --- Table ------------------------------------------------------------------
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
expected=$(grep -oE '\b[0-9a-f]{64}\b' "$shared/README.md" 2>/dev/null | head -n 1 || true)
V_COPYDESK=$("$COPYDESK" --version)
V_TYPOS=$("$typos" --version)
V_CODESPELL="codespell $("$codespell" --version)"
V_HYPERFINE=$(hyperfine --version)
export RESULTS=$results CORPUS WARMUP CPU=$cpu NCPU=$ncpu EXPECTED=$expected \
  V_COPYDESK V_TYPOS V_CODESPELL V_HYPERFINE
python3 - <<'EOF' | tee "$OUT"
import datetime, hashlib, json, os
from pathlib import Path

e = os.environ
files = sorted(Path(e["CORPUS"]).glob("*.txt"))
size = sum(f.stat().st_size for f in files)
sha = hashlib.sha256()
for f in files:  # the same as `cat corpus/*.txt | sha256sum`
    sha.update(f.read_bytes())
sha = sha.hexdigest()
if not e["EXPECTED"]:
    check = "no reference checksum"
elif sha == e["EXPECTED"]:
    check = "the reference corpus"
else:
    check = "**not** the reference corpus"

rows = [l.rstrip("\n").split("\t") for l in open(Path(e["RESULTS"]) / "runs.tsv")]
res = {}
ncpu = int(e["NCPU"])
print(f"Measured {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC "
      f"on {e['CPU']} ({ncpu} cores). Corpus: {len(files)} files, {size / 1e6:.1f} MB, "
      f"sha256 {sha[:12]}… ({check}). {e['V_COPYDESK']}, {e['V_TYPOS']}, "
      f"{e['V_CODESPELL']}, {e['V_HYPERFINE']}.\n")
print("| tool | threads | median s | MB/s | MB/s per core | peak RSS MB |")
print("|---|---:|---:|---:|---:|---:|")
for slug, tool, threads, runs, cmd in rows:
    med = json.load(open(Path(e["RESULTS"]) / f"{slug}.json"))["results"][0]["median"]
    rss = int(open(Path(e["RESULTS"]) / f"{slug}.rss").read().split()[-1]) * 1024 / 1e6
    mbs = size / 1e6 / med
    res[slug] = mbs
    t = int(threads)
    shown = f"{t}" if slug.endswith("-1") or tool == "codespell" else f"{t} (default)"
    print(f"| {tool} | {shown} | {med:.2f} | {mbs:.1f} | {mbs / min(t, ncpu):.1f} | {rss:.0f} |")

print()
if "copydesk-1" in res and "typos-1" in res:
    r = res["copydesk-1"] / res["typos-1"]
    print(f"Single-threaded, copydesk / typos: **{r:.3f}** (typos {1 / r:.1f}× as fast).")
for tool in ("copydesk", "typos"):
    if f"{tool}-1" in res and f"{tool}-n" in res:
        print(f"{tool} on {ncpu} threads: {res[f'{tool}-n'] / res[f'{tool}-1']:.2f}× its single-threaded speed.")
print(f"\nMedians of hyperfine runs (whole process, output to /dev/null, after {e['WARMUP']} "
      "warm-up); peak RSS from one run under `/usr/bin/time -f %M`. MB = 10^6 bytes. Commands:\n")
for slug, tool, threads, runs, cmd in rows:
    exe, args = cmd.split(" ", 1)
    args = args.replace(e["CORPUS"], "CORPUS")
    print(f"- `{os.path.basename(exe)} {args}` ({runs} runs)")
EOF
say "written to $OUT; hyperfine JSON in $results/"
record_run "$OUT"
