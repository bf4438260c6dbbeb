# Background processes with pid files under $HOTLINE_RUN_DIR and logs under $HOTLINE_LOG_DIR.

say() { printf '%s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

pid_file() { echo "$HOTLINE_RUN_DIR/$1.pid"; }

is_running() {
    local file; file=$(pid_file "$1")
    [[ -f $file ]] && kill -0 "$(cat "$file")" 2>/dev/null
}

# start_process NAME COMMAND...: runs COMMAND in the background unless NAME already runs.
start_process() {
    local name=$1; shift
    is_running "$name" && return 0
    mkdir -p "$HOTLINE_RUN_DIR" "$HOTLINE_LOG_DIR"
    nohup "$@" >>"$HOTLINE_LOG_DIR/$name.log" 2>&1 &
    echo $! >"$(pid_file "$name")"
    say "started $name (pid $!, log $HOTLINE_LOG_DIR/$name.log)"
}

# stop_process NAME: SIGTERM, wait up to 15 s, then SIGKILL.
stop_process() {
    local name=$1 file pid
    file=$(pid_file "$name")
    [[ -f $file ]] || return 0
    pid=$(cat "$file")
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$pid" 2>/dev/null && { say "$name did not stop in 15 s; killing it"; kill -KILL "$pid" 2>/dev/null || true; }
        say "stopped $name"
    fi
    rm -f "$file"
}

# wait_for_port NAME PORT SECONDS: fails with the log's tail when nothing listens in time.
wait_for_port() {
    local name=$1 port=$2 seconds=$3
    for _ in $(seq $((seconds * 10))); do
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
        if ! is_running "$name"; then break; fi
        sleep 0.1
    done
    tail -n 20 "$HOTLINE_LOG_DIR/$name.log" >&2 2>/dev/null || true
    die "$name is not listening on port $port (log: $HOTLINE_LOG_DIR/$name.log)"
}
