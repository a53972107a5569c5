#!/usr/bin/env bash
# The GitHub Action's script (.github/action/run.sh), run locally with a fake
# GITHUB_* environment: a throwaway content repository, a "pull request" that
# adds a paragraph with a slip to an old story (whose own old slip is not
# this change's business) and a new story with a slip, and the annotations
# the script prints, compared exactly.
#
# Run by .ci/run after `cargo build --release`; COPYDESK may name another
# binary.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
copydesk=${COPYDESK:-$root/target/release/copydesk}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() {
  echo "action test: $*" >&2
  exit 1
}

repo="$work/content"
git init --quiet -b main "$repo"
cd "$repo"
git config user.name "Copy Desk"
git config user.email "desk@example.com"
git config commit.gpgsign false
mkdir stories
printf 'Jen Daskal spoke on Monday.\n\nLater, Jennifer Deskal said so.\n' > stories/old.md
printf 'title = "desk"\n' > settings.toml
git add .
git commit --quiet -m "archive"
base=$(git rev-parse HEAD)
printf 'Jen Daskal spoke on Monday.\n\nLater, Jennifer Deskal said so.\n\nOn Tuesday, Jennifer Deskel left.\n' > stories/old.md
printf 'Jen Daskal arrived. Jennifer Daskel waved.\n' > stories/new.md
printf 'title = "Jennifer Deskel"\n' > settings.toml
git add .
git commit --quiet -m "a pull request"

printf '{"pull_request": {"base": {"sha": "%s"}}}\n' "$base" > "$work/event.json"
run() {
  env GITHUB_EVENT_NAME=pull_request GITHUB_EVENT_PATH="$work/event.json" \
    GITHUB_WORKSPACE="$repo" GITHUB_OUTPUT="$work/output" COPYDESK="$copydesk" \
    INPUT_PATHS=. INPUT_FAIL_ON=error "$@" "$root/.github/action/run.sh"
}

# Only the changed files, only the added lines.
status=0
run INPUT_ONLY_CHANGED=true > "$work/annotations.txt" || status=$?
[ "$status" -eq 1 ] || fail "exit status $status, expected 1 (errors)"
expected='::error file=stories/new.md,line=1,col=21,endLine=1,endColumn=36,title=CD001 misspelled-name::`Jennifer Daskel` looks like a misspelling of `Jennifer Daskal` (did you mean `Jennifer Daskal`?)
::error file=stories/old.md,line=5,col=13,endLine=5,endColumn=28,title=CD001 misspelled-name::`Jennifer Deskel` looks like a misspelling of `Jennifer Daskal` (did you mean `Jennifer Daskal`?)'
if [ "$(cat "$work/annotations.txt")" != "$expected" ]; then
  diff <(echo "$expected") "$work/annotations.txt" >&2 || true
  fail "unexpected annotations for the changed lines"
fi

# Everything under the paths: the archive's slip too.
run INPUT_ONLY_CHANGED=false > "$work/all.txt" || true
[ "$(grep -c '^::error file=stories/old.md' "$work/all.txt")" -eq 2 ] || { cat "$work/all.txt" >&2; fail "the whole-repository run misses the archive's slip"; }

# SARIF beside the annotations.
run INPUT_ONLY_CHANGED=true INPUT_SARIF="$work/copydesk.sarif" > /dev/null || true
python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); assert d["version"] == "2.1.0" and len(d["runs"][0]["results"]) == 2, d' "$work/copydesk.sarif" \
  || fail "no SARIF with the two findings"
grep -qx "sarif=$work/copydesk.sarif" "$work/output" || fail "the sarif output is not set"

# Nothing to check: a notice, success.
printf '{"pull_request": {"base": {"sha": "%s"}}}\n' "$(git rev-parse HEAD)" > "$work/event.json"
out=$(run INPUT_ONLY_CHANGED=true)
[ "$out" = "::notice title=copydesk::no changed Markdown, HTML or text file to check" ] || fail "unexpected output with no change: $out"

echo "action test: annotations for the added lines only, SARIF written, no-change notice"
