#!/usr/bin/env bash
# The pre-commit hook, end to end: install the `pre-commit` package from PyPI
# into a virtual environment, make a throwaway content repository whose
# .pre-commit-config.yaml points at this checkout (at its HEAD commit), and
# show that a commit with "Jennifer Deskel" after "Jen Daskal" is refused
# with the diagnostic, and that the corrected commit passes.
#
# Run by .ci/run. Needs git, python3 and cargo; pre-commit builds copydesk
# from the commit with `cargo install` (CARGO_TARGET_DIR is shared with this
# checkout's target/ so that the dependencies are not built twice).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check pre-commit
export PRE_COMMIT_HOME="$work/pre-commit-cache"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"

rev=$(git -C "$root" rev-parse HEAD)
repo="$work/content"
git init --quiet -b main "$repo"
cd "$repo"
git config user.name "Copy Desk"
git config user.email "desk@example.com"
git config commit.gpgsign false
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $root
    rev: $rev
    hooks:
      - id: copydesk
YAML
git add .pre-commit-config.yaml
git commit --quiet --no-verify -m "pre-commit configuration"
"$work/venv/bin/pre-commit" install >/dev/null

fail() {
  echo "pre-commit test: $*" >&2
  exit 1
}

# A story with the slip: the commit is refused, with the diagnostic.
printf 'Jen Daskal chaired the meeting.\n\nLater, Jennifer Deskel said the group would meet again.\n' > story.md
git add story.md
if git commit --quiet -m "story with a slip" > "$work/refused.txt" 2>&1; then
  cat "$work/refused.txt" >&2
  fail "the commit with \"Jennifer Deskel\" was accepted"
fi
grep -F 'story.md:3:8: CD001 [error] `Jennifer Deskel` looks like a misspelling of `Jennifer Daskal`' "$work/refused.txt" >/dev/null \
  || { cat "$work/refused.txt" >&2; fail "the refusal does not show the diagnostic"; }

# The corrected story: the commit passes.
printf 'Jen Daskal chaired the meeting.\n\nLater, Jennifer Daskal said the group would meet again.\n' > story.md
git add story.md
git commit --quiet -m "story" > "$work/passed.txt" 2>&1 \
  || { cat "$work/passed.txt" >&2; fail "the clean commit was refused"; }

echo "pre-commit test: the slip is refused with its diagnostic, the clean commit passes"
