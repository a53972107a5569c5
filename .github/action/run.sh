#!/usr/bin/env bash
# The logic of the copydesk GitHub Action (action.yml): lint the files a pull
# request changes, annotate its lines (`--format github`), optionally write
# SARIF for code scanning. Kept here, not inline in action.yml, so that
# tests/integrations/action.sh can run it with a fake GITHUB_* environment.
#
# Inputs (environment, as action.yml passes them):
#   INPUT_PATHS         files or folders to lint (default: .)
#   INPUT_ARGS          extra arguments for `copydesk check`
#   INPUT_FAIL_ON       error | warning | info (default: error)
#   INPUT_ONLY_CHANGED  true: on a pull request, only the files it changes,
#                       and only findings on the lines it adds (default: true)
#   INPUT_SARIF         a file to write SARIF to, or empty
#   COPYDESK            the copydesk binary (default: copydesk on PATH)
# GitHub's own: GITHUB_EVENT_NAME, GITHUB_EVENT_PATH, GITHUB_WORKSPACE,
# GITHUB_OUTPUT.
set -euo pipefail

copydesk=${COPYDESK:-copydesk}
paths=${INPUT_PATHS:-.}
fail_on=${INPUT_FAIL_ON:-error}
only_changed=${INPUT_ONLY_CHANGED:-true}
sarif=${INPUT_SARIF:-}
cd "${GITHUB_WORKSPACE:-.}"

# shellcheck disable=SC2206 # word splitting is the point: a list of paths and arguments
path_list=($paths)
# shellcheck disable=SC2206
extra=(${INPUT_ARGS:-})

base=""
if [ "$only_changed" = "true" ] && [ "${GITHUB_EVENT_NAME:-}" = "pull_request" ] \
  && [ -n "${GITHUB_EVENT_PATH:-}" ] && [ -f "$GITHUB_EVENT_PATH" ]; then
  base=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["pull_request"]["base"]["sha"])' "$GITHUB_EVENT_PATH")
fi

if [ -n "$base" ]; then
  if ! git cat-file -e "$base^{commit}" 2>/dev/null; then
    git fetch --quiet --depth=1 origin "$base"
  fi
  # The changed files under the paths, in the formats copydesk reads.
  mapfile -t files < <(git diff --name-only --diff-filter=AMR --relative "$base" -- "${path_list[@]}" \
    | grep -E '\.(md|markdown|html?|txt)$' || true)
  if [ "${#files[@]}" -eq 0 ]; then
    echo "::notice title=copydesk::no changed Markdown, HTML or text file to check"
    exit 0
  fi
  targets=("${files[@]}")
  changed=(--changed-since "$base")
elif [ "${path_list[*]}" = "." ]; then
  # copydesk's own default: file names without a leading `./`.
  targets=()
  changed=()
else
  targets=("${path_list[@]}")
  changed=()
fi

status=0
"$copydesk" check --format github --fail-on "$fail_on" "${changed[@]}" "${extra[@]}" "${targets[@]}" || status=$?

if [ -n "$sarif" ]; then
  "$copydesk" check --format sarif --fail-on "$fail_on" "${changed[@]}" "${extra[@]}" "${targets[@]}" > "$sarif" || true
  if [ -n "${GITHUB_OUTPUT:-}" ]; then
    echo "sarif=$sarif" >> "$GITHUB_OUTPUT"
  fi
fi
exit "$status"
