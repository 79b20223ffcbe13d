# Shared by backup-database.sh and restore-database.sh (sourced, not run).
#
# Connection settings come from the environment or from an option file, never from the command line, so that no
# password shows up in `ps` or in a shell history:
#   TERP_BACKUP_DEFAULTS_FILE  a MySQL/MariaDB option file ([client] user=..., password=..., host=..., ssl-ca=...)
#   TERP_BACKUP_DB_HOST        (127.0.0.1)   TERP_BACKUP_DB_PORT (3306)
#   TERP_BACKUP_DB_USER        TERP_BACKUP_DB_PASSWORD
#   TERP_DB_CLIENT_DIR         directory holding mariadb-dump/mariadb (or mysqldump/mysql); default: PATH
# The variables win over the option file. They are written to a private temporary option file that the client reads
# with --defaults-extra-file and that is removed on exit.

fail() {
  echo "$(basename "$0"): ERROR: $*" >&2
  exit 1
}

info() {
  echo "$(basename "$0"): $*" >&2
}

# Resolves one of several client program names, in the client directory if given, else on PATH.
find_client() {
  local name
  for name in "$@"; do
    if [[ -n "${TERP_DB_CLIENT_DIR:-}" ]]; then
      if [[ -x "$TERP_DB_CLIENT_DIR/$name" ]]; then
        echo "$TERP_DB_CLIENT_DIR/$name"
        return 0
      fi
    elif command -v "$name" >/dev/null 2>&1; then
      command -v "$name"
      return 0
    fi
  done
  fail "none of [$*] found in ${TERP_DB_CLIENT_DIR:-PATH} (set TERP_DB_CLIENT_DIR)"
}

# Only letters, digits and underscores: the name ends up in SQL (CREATE/DROP DATABASE) and in file names.
require_database_name() {
  [[ "$1" =~ ^[A-Za-z0-9_]{1,64}$ ]] || fail "database name '$1' must be 1-64 letters, digits or underscores"
}

# Writes the private option file and sets CLIENT_OPTIONS_FILE; the caller's EXIT trap removes it.
write_client_options() {
  CLIENT_OPTIONS_FILE="$(umask 077 && mktemp "${TMPDIR:-/tmp}/terp-db-client.XXXXXX")" \
    || fail "cannot create a temporary option file"
  {
    if [[ -n "${TERP_BACKUP_DEFAULTS_FILE:-}" ]]; then
      [[ -r "$TERP_BACKUP_DEFAULTS_FILE" ]] || fail "option file $TERP_BACKUP_DEFAULTS_FILE is not readable"
      # Its own groups stay in force; our [client] group below is read after it and wins.
      cat "$TERP_BACKUP_DEFAULTS_FILE"
      echo
    fi
    echo "[client]"
    [[ -n "${TERP_BACKUP_DB_HOST:-}" ]] && echo "host=$TERP_BACKUP_DB_HOST"
    [[ -n "${TERP_BACKUP_DB_PORT:-}" ]] && echo "port=$TERP_BACKUP_DB_PORT"
    [[ -n "${TERP_BACKUP_DB_USER:-}" ]] && echo "user=$TERP_BACKUP_DB_USER"
    if [[ -n "${TERP_BACKUP_DB_PASSWORD+set}" ]]; then
      # Quoted so that '#' or spaces in a password survive; backslashes and quotes escaped for the option parser.
      local escaped="${TERP_BACKUP_DB_PASSWORD//\\/\\\\}"
      escaped="${escaped//\"/\\\"}"
      echo "password=\"$escaped\""
    fi
    if [[ -z "${TERP_BACKUP_DEFAULTS_FILE:-}" && -z "${TERP_BACKUP_DB_HOST:-}" ]]; then
      echo "host=127.0.0.1"
    fi
  } >"$CLIENT_OPTIONS_FILE" || fail "cannot write the temporary option file"
}
