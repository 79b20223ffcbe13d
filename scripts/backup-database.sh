#!/usr/bin/env bash
# Consistent, compressed, checksummed dump of the TERP database, with retention and an optional S3 copy.
#
# Usage: scripts/backup-database.sh [--database NAME] [--dir DIR] [--retention-days N]
#   --database        database to dump (TERP_BACKUP_DB_NAME, default terp)
#   --dir             where backups are kept (TERP_BACKUP_DIR, default ./backups)
#   --retention-days  delete local backups older than N days, always keeping the newest good one
#                     (TERP_BACKUP_RETENTION_DAYS, default 14; 0 keeps everything)
# Connection: see scripts/lib/db-client.sh (environment or option file, never the command line).
# S3: set TERP_BACKUP_S3_URI=s3://bucket/prefix to copy the dump and its checksum there with the AWS CLI
#     (credentials the usual AWS way: IAM role, AWS_* variables; TERP_BACKUP_S3_ENDPOINT for S3-compatible stores).
#
# Writes <dir>/<database>-<UTC timestamp>.sql.gz and <same>.sha256 (sha256sum format), prints the dump's path on
# stdout, and exits non-zero with a message on stderr on any failure. A dump is written under a .partial name and
# only renamed once complete, so a failed run never leaves something that looks like a backup.
set -euo pipefail
umask 077
source "$(dirname "$0")/lib/db-client.sh"

database="${TERP_BACKUP_DB_NAME:-terp}"
backup_dir="${TERP_BACKUP_DIR:-./backups}"
retention_days="${TERP_BACKUP_RETENTION_DAYS:-14}"

while [[ $# -gt 0 ]]; do
  case "$1" in
    --database) database="${2:?--database needs a value}"; shift 2 ;;
    --dir) backup_dir="${2:?--dir needs a value}"; shift 2 ;;
    --retention-days) retention_days="${2:?--retention-days needs a value}"; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) fail "unknown argument '$1' (see --help)" ;;
  esac
done

require_database_name "$database"
[[ "$retention_days" =~ ^[0-9]+$ ]] || fail "--retention-days must be a whole number of days, not '$retention_days'"
mkdir -p "$backup_dir" || fail "cannot create the backup directory $backup_dir"
[[ -w "$backup_dir" ]] || fail "backup directory $backup_dir is not writable"
command -v gzip >/dev/null || fail "gzip not found"
command -v sha256sum >/dev/null || fail "sha256sum not found"
dump="$(find_client mariadb-dump mysqldump)"

partial=""
claim=""
cleanup() {
  [[ -n "${CLIENT_OPTIONS_FILE:-}" ]] && rm -f "$CLIENT_OPTIONS_FILE"
  [[ -n "$partial" ]] && rm -f "$partial"
  [[ -n "$claim" ]] && rmdir "$claim" 2>/dev/null
  return 0
}
trap cleanup EXIT
write_client_options

# Names are per second. Two backups started in the same second (a scheduled and a manual one) must not share one:
# the name is claimed with an atomic mkdir, and the later backup takes the next free second.
for _ in 1 2 3 4 5; do
  name="$database-$(date -u +%Y%m%dT%H%M%SZ)"
  final="$backup_dir/$name.sql.gz"
  if [[ ! -e "$final" ]] && mkdir "$final.claim" 2>/dev/null; then
    claim="$final.claim"
    break
  fi
  sleep 1
done
[[ -n "$claim" ]] || fail "could not claim a backup name in $backup_dir (another backup keeps starting at the same time)"
partial="$final.partial"

info "dumping database $database with $(basename "$dump") to $final"
# --single-transaction: one consistent InnoDB snapshot without locking the tables the application writes.
# --no-tablespaces: MySQL 8 would otherwise need the PROCESS privilege. No --databases: the dump carries no
# CREATE DATABASE/USE, so restore-database.sh can load it into a database of any name.
if ! "$dump" --defaults-extra-file="$CLIENT_OPTIONS_FILE" \
    --single-transaction --routines --triggers --events --no-tablespaces \
    --hex-blob --default-character-set=utf8mb4 --quick \
    "$database" | gzip -6 >"$partial"; then
  fail "the dump of $database failed (see the client's message above); nothing was kept"
fi
gzip -t "$partial" || fail "the compressed dump fails its integrity check; nothing was kept"
# A dump cut short still compresses fine: the client writes this trailer only when it finished.
gzip -dc "$partial" | tail -n 1 | grep -q "^-- Dump completed" \
  || fail "the dump of $database is incomplete (no completion trailer); nothing was kept"
mv "$partial" "$final"
partial=""
(cd "$backup_dir" && sha256sum "$name.sql.gz" >"$name.sql.gz.sha256.partial" \
  && mv "$name.sql.gz.sha256.partial" "$name.sql.gz.sha256") || fail "cannot write the checksum of $final"

if [[ -n "${TERP_BACKUP_S3_URI:-}" ]]; then
  command -v aws >/dev/null || fail "TERP_BACKUP_S3_URI is set but the aws CLI is not installed"
  s3_args=()
  [[ -n "${TERP_BACKUP_S3_ENDPOINT:-}" ]] && s3_args+=(--endpoint-url "$TERP_BACKUP_S3_ENDPOINT")
  info "copying to ${TERP_BACKUP_S3_URI%/}/"
  # The dump first: a checksum file in S3 then always means its dump is there too.
  aws "${s3_args[@]}" s3 cp --only-show-errors "$final" "${TERP_BACKUP_S3_URI%/}/$name.sql.gz" \
    || fail "upload of $final to $TERP_BACKUP_S3_URI failed (the local backup is kept)"
  aws "${s3_args[@]}" s3 cp --only-show-errors "$final.sha256" "${TERP_BACKUP_S3_URI%/}/$name.sql.gz.sha256" \
    || fail "upload of $final.sha256 to $TERP_BACKUP_S3_URI failed (the local backup is kept)"
fi

if [[ "$retention_days" -gt 0 ]]; then
  # Only this database's finished backups; the one just written is never older than the limit.
  while IFS= read -r -d '' old; do
    [[ "$old" == "$final" ]] && continue
    info "retention: removing $old (older than $retention_days days)"
    rm -f "$old" "$old.sha256" || fail "cannot remove $old"
  done < <(find "$backup_dir" -maxdepth 1 -type f -name "$database-*.sql.gz" -mtime "+$((retention_days - 1))" -print0)
  find "$backup_dir" -maxdepth 1 -type f -name "$database-*.partial" -mmin +1440 -delete 2>/dev/null || true
fi

info "done: $(du -h "$final" | cut -f1) $final"
echo "$final"
