#!/usr/bin/env bash
# Restores a dump written by backup-database.sh into a named database, REPLACING that database.
#
# Usage: scripts/restore-database.sh --file DUMP.sql.gz --database NAME [--yes]
#   --file      the dump; its checksum file DUMP.sql.gz.sha256 must sit next to it
#   --database  the database to (re)create and load; everything in it now is dropped
#   --yes       confirm non-interactively; without it an interactive terminal must answer "yes", anything else
#               (or no terminal) refuses
# Connection: see scripts/lib/db-client.sh (environment or option file, never the command line).
#
# Views, routines and triggers are recreated with the restoring account as their DEFINER.
# Before touching the database it verifies the checksum and the gzip integrity of the file. Exits non-zero with a
# message on stderr on any failure.
set -euo pipefail
umask 077
source "$(dirname "$0")/lib/db-client.sh"

file=""
database=""
confirmed=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --file) file="${2:?--file needs a value}"; shift 2 ;;
    --database) database="${2:?--database needs a value}"; shift 2 ;;
    --yes) confirmed=true; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) fail "unknown argument '$1' (see --help)" ;;
  esac
done

[[ -n "$file" ]] || fail "--file is required"
[[ -n "$database" ]] || fail "--database is required"
require_database_name "$database"
[[ -f "$file" && -r "$file" ]] || fail "dump $file not found or not readable"
[[ -f "$file.sha256" ]] || fail "checksum file $file.sha256 not found: refusing an unverifiable dump"
command -v sha256sum >/dev/null || fail "sha256sum not found"

expected="$(awk 'NR == 1 { print $1 }' "$file.sha256")"
actual="$(sha256sum "$file" | awk '{ print $1 }')"
[[ "$expected" =~ ^[0-9a-f]{64}$ ]] || fail "checksum file $file.sha256 is malformed"
[[ "$expected" == "$actual" ]] || fail "checksum mismatch for $file (expected $expected, got $actual): refusing"
gzip -t "$file" 2>/dev/null || fail "$file is not intact gzip: refusing"
gzip -dc "$file" | tail -n 1 | grep -q "^-- Dump completed" || fail "$file is an incomplete dump: refusing"
info "checksum and gzip integrity of $file verified"

client="$(find_client mariadb mysql)"
trap '[[ -n "${CLIENT_OPTIONS_FILE:-}" ]] && rm -f "$CLIENT_OPTIONS_FILE"' EXIT
write_client_options

if [[ "$confirmed" != true ]]; then
  [[ -t 0 ]] || fail "refusing to replace database $database without --yes (no terminal to ask)"
  read -r -p "This DROPS database '$database' and loads $(basename "$file") into it. Type yes to continue: " answer
  [[ "$answer" == "yes" ]] || fail "not confirmed; database $database left untouched"
fi

info "replacing database $database"
"$client" --defaults-extra-file="$CLIENT_OPTIONS_FILE" --batch \
  -e "DROP DATABASE IF EXISTS \`$database\`; CREATE DATABASE \`$database\` CHARACTER SET utf8mb4" \
  || fail "cannot recreate database $database"
# DEFINER clauses are dropped (outside row data), so views, routines and triggers belong to the restoring account:
# the original definer may not exist on the target server, and managed servers refuse to set another definer.
if ! gzip -dc "$file" | sed -E '/^INSERT INTO /!s/DEFINER=`[^`]*`(@`[^`]*`)?//g' \
    | "$client" --defaults-extra-file="$CLIENT_OPTIONS_FILE" --batch --default-character-set=utf8mb4 "$database"; then
  fail "loading $file into $database failed: the database is incomplete, restore again before using it"
fi
info "restored $file into database $database"
