#!/usr/bin/env bash
# `aadmap deploy` (plan: with --dry-run) on each file, for the GitHub Action (action.yml) and the
# Azure Pipelines template (azure-pipelines-aadmap.yml), which both run it (docs/pipelines.md). A
# folder stands for its .aadmap files that say where they deploy (a deploy statement). Each file's
# Markdown goes to the log and is appended to the summary file, with its standard error when it
# fails. Exit status: the first failure's, 2 when no file is left, else 0.
#
# Read from the environment: AADMAP_CI (github or azure: how an error is reported to the runner),
# AADMAP_CLI (dist/cli.js), AADMAP_COMMAND (plan or deploy), AADMAP_FILES (files and folders,
# separated by white space; none: the current folder), AADMAP_SUMMARY (the Markdown file to append
# to), AADMAP_TEMP (a folder for this script's scratch files), and the options, each omitted when
# empty: AADMAP_BACKUP_DIR, AADMAP_GRAPH_ENDPOINT, AADMAP_SERVICE_PRINCIPAL, AADMAP_JOB,
# AADMAP_USERS, AADMAP_ALLOW_DISABLE, AADMAP_ALLOW_MATCH_CHANGE.
set -u +e -o pipefail

# error [FILE] MESSAGE: an error annotation in the runner's syntax.
error() {
  if [ "$AADMAP_CI" = azure ]; then
    echo "##vso[task.logissue type=error${2:+;sourcepath=$1}]${2:-$1}"
  else
    echo "::error title=aadmap::${2:-$1}"
  fi
}

set -f
given=($AADMAP_FILES)
set +f
[ ${#given[@]} -gt 0 ] || given=(.)
files=()
for path in "${given[@]}"; do
  if [ -d "$path" ]; then
    while IFS= read -r file; do files+=("$file"); done < <(find "$path" -name node_modules -prune -o -name '.?*' -prune -o -type f -name '*.aadmap' -print | LC_ALL=C sort | while IFS= read -r f; do grep -qE '^[[:space:]]*deploy[[:space:]]' "$f" && echo "$f"; done)
  else
    files+=("$path")
  fi
done
if [ ${#files[@]} -eq 0 ]; then
  error "No .aadmap file with a deploy statement in: ${given[*]}"
  exit 2
fi
options=(--format markdown)
[ "$AADMAP_COMMAND" = plan ] && options+=(--dry-run) || options+=(--yes --backup-dir "$AADMAP_BACKUP_DIR")
[ -n "$AADMAP_GRAPH_ENDPOINT" ] && options+=(--graph-endpoint "$AADMAP_GRAPH_ENDPOINT")
[ -n "$AADMAP_SERVICE_PRINCIPAL" ] && options+=(--service-principal "$AADMAP_SERVICE_PRINCIPAL")
[ -n "$AADMAP_JOB" ] && options+=(--job "$AADMAP_JOB")
[ -n "$AADMAP_USERS" ] && options+=(--users "$AADMAP_USERS")
[ -n "$AADMAP_ALLOW_DISABLE" ] && options+=(--allow-disable "$AADMAP_ALLOW_DISABLE")
[ -n "$AADMAP_ALLOW_MATCH_CHANGE" ] && options+=(--allow-match-change "$AADMAP_ALLOW_MATCH_CHANGE")
status=0
out="$AADMAP_TEMP/out.md"
err="$AADMAP_TEMP/err.txt"
for file in "${files[@]}"; do
  echo "aadmap deploy $file ${options[*]}"
  node "$AADMAP_CLI" deploy "$file" "${options[@]}" > "$out" 2> "$err"
  code=$?
  cat "$out"
  cat "$err" >&2
  {
    [ -s "$AADMAP_SUMMARY" ] && echo
    cat "$out"
    if [ "$code" -ne 0 ]; then
      echo
      printf '**❌ `aadmap deploy %s` %s (exit %s).**\n\n' "$file" "$([ "$AADMAP_COMMAND" = plan ] && echo 'would fail or be refused' || echo 'failed')" "$code"
      echo '~~~~~~~~~~text'
      cat "$err"
      echo '~~~~~~~~~~'
    fi
  } >> "$AADMAP_SUMMARY"
  if [ "$code" -ne 0 ]; then
    # Azure Pipelines shows issues, not the log, on the run's page; GitHub shows the failed step.
    [ "$AADMAP_CI" = azure ] && error "$file" "aadmap deploy $file exited $code."
    [ "$status" -eq 0 ] && status=$code
  fi
done
exit "$status"
