# PostgreSQL as an unprivileged user, in $HOTLINE_DATA_DIR/postgres, on a loopback port.

PG_BIN=$(pg_config --bindir 2>/dev/null || echo /usr/lib/postgresql/15/bin)

# The server refuses to run as root, and the `postgres` user must reach its data directory. When
# the project lives where `postgres` cannot enter (under /root, say), the data goes to
# /var/lib/hotline/<project path hash> instead.
pg_data_dir() {
    if [[ $(id -u) -eq 0 ]] && ! runuser -u postgres -- test -x "$HOTLINE_ROOT" 2>/dev/null; then
        echo "/var/lib/hotline/$(printf '%s' "$HOTLINE_ROOT" | sha1sum | cut -c1-12)/postgres"
    else
        echo "$HOTLINE_DATA_DIR/postgres"
    fi
}
PG_DATA=${HOTLINE_PG_DATA:-$(pg_data_dir)}

# Runs a PostgreSQL server command as the `postgres` user when we are root (it refuses root).
as_pg_owner() {
    if [[ $(id -u) -eq 0 ]]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

start_postgres() {
    mkdir -p "$HOTLINE_DATA_DIR" "$HOTLINE_LOG_DIR"
    if [[ ! -f $PG_DATA/PG_VERSION ]]; then
        say "initialising PostgreSQL in $PG_DATA"
        mkdir -p "$PG_DATA"
        local pwfile="$PG_DATA/../.pgpass-init"
        printf '%s\n' "$HOTLINE_PG_PASSWORD" >"$pwfile"
        if [[ $(id -u) -eq 0 ]]; then
            id postgres >/dev/null 2>&1 || die "user 'postgres' is missing (install the postgresql package)"
            chown postgres "$PG_DATA" "$pwfile"
            chmod 700 "$PG_DATA"
            as_pg_owner test -x "$PG_DATA" || die "user 'postgres' cannot reach $PG_DATA; make its parent folders traversable"
        fi
        as_pg_owner "$PG_BIN/initdb" -D "$PG_DATA" -U "$HOTLINE_PG_USER" --pwfile="$pwfile" \
            --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$HOTLINE_LOG_DIR/initdb.log" 2>&1 \
            || { rm -f "$pwfile"; tail -n 20 "$HOTLINE_LOG_DIR/initdb.log" >&2; die "initdb failed"; }
        rm -f "$pwfile"
    fi
    if ! as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
        local log="$PG_DATA/server.log" archiving=""
        # With HOTLINE_PG_WAL_ARCHIVE set, every finished WAL segment is copied there (for
        # point-in-time recovery: scripts/backup, scripts/restore).
        [[ -n ${HOTLINE_PG_WAL_ARCHIVE:-} ]] \
            && archiving="-c archive_mode=on -c archive_timeout=10 -c archive_command='test ! -f $HOTLINE_PG_WAL_ARCHIVE/%f && cp %p $HOTLINE_PG_WAL_ARCHIVE/%f'"
        # Autovacuum looks at each database every 10 s (not every minute), so that the outbox's
        # dead index entries are cleared soon after a storm (migration 0031).
        # pg_stat_statements counts every statement, so that `make bench` can say how many a
        # ticket costs and which take PostgreSQL's time (it loads with the server only).
        local statements=""
        [[ -f $("$PG_BIN/pg_config" --pkglibdir 2>/dev/null)/pg_stat_statements.so ]] \
            && statements="-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track_planning=on"
        as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$log" -w -t 60 \
            -o "-c listen_addresses=$HOTLINE_PG_HOST -p $HOTLINE_PG_PORT -c unix_socket_directories='' -c max_connections=200 -c shared_buffers=256MB -c fsync=on -c synchronous_commit=on -c autovacuum_naptime=10s $statements $archiving" \
            start >/dev/null || { tail -n 20 "$log" >&2; die "PostgreSQL did not start (log: $log)"; }
        say "started PostgreSQL on $HOTLINE_PG_HOST:$HOTLINE_PG_PORT"
    fi
    create_database "$HOTLINE_PG_DATABASE"
}

pg_psql() { PGPASSWORD="$HOTLINE_PG_PASSWORD" psql -h "$HOTLINE_PG_HOST" -p "$HOTLINE_PG_PORT" -U "$HOTLINE_PG_USER" -X -q "$@"; }

create_database() {
    local name=$1
    [[ $(pg_psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'") == 1 ]] && return 0
    pg_psql -d postgres -c "CREATE DATABASE \"$name\"" >/dev/null || die "cannot create database $name"
}

postgres_running() { [[ -f $PG_DATA/postmaster.pid ]] && as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; }

stop_postgres() {
    postgres_running || return 0
    as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null && say "stopped PostgreSQL"
}
