# The five services as background processes, and the steps that prepare their world.

hotline_cli() { "$(bin_dir)/hotline" "$@"; }
hotline_lab() { "$(bin_dir)/hotline-lab" "$@"; }

migrate_and_create_topics() {
    hotline_cli migrate --quiet || die "migrations failed"
    hotline_cli topics create --quiet || die "topic creation failed"
}

# service_processes: one line per process of the five services: NAME BINARY PORT_VARIABLE PORT.
# With HOTLINE_WORKER_INSTANCES=N (default 1) every worker runs N times (the gateway once):
# instance K > 1 is NAME-K, on its service's port + 10 × (K - 1), in the same consumer group, so
# the topics' partitions are spread over the instances.
service_processes() {
    local entry name variable port k
    for entry in $hotline_services; do
        name=${entry%%:*} variable=${entry#*:} port=${!variable}
        echo "$name $name $variable $port"
        [[ $name == intake-gateway ]] && continue
        for ((k = 2; k <= ${HOTLINE_WORKER_INSTANCES:-1}; k++)); do
            echo "$name-$k $name $variable $((port + 10 * (k - 1)))"
        done
    done
}

# service_names: the names of the processes of service_processes.
service_names() { service_processes | cut -d ' ' -f 1; }

# start_service NAME: starts the process NAME of service_processes (no wait).
start_service() {
    local name binary variable port
    read -r name binary variable port < <(service_processes | awk -v name="$1" '$1 == name')
    [[ -n ${binary:-} ]] || die "no service process named $1"
    start_process "$name" env "$variable=$port" "$(bin_dir)/$binary"
}

start_services() {
    local name port
    for name in $(service_names); do start_service "$name"; done
    while read -r name _ _ port; do wait_for_healthy "$name" "$port"; done < <(service_processes)
    while read -r name _ _ port; do wait_for_ready "$name" "$port"; done < <(service_processes)
}

# wait_for_ready NAME PORT: until the service answers /readyz (PostgreSQL reachable and its
# warm-up done: the classifier trained, the reference data loaded), at most two minutes.
wait_for_ready() {
    local name=$1 port=$2
    for _ in $(seq 1200); do
        curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && return 0
        is_running "$name" || break
        sleep 0.1
    done
    tail -n 20 "$HOTLINE_LOG_DIR/$name.log" >&2 2>/dev/null || true
    die "$name is not ready on port $port (log: $HOTLINE_LOG_DIR/$name.log)"
}

wait_for_healthy() {
    local name=$1 port=$2
    for _ in $(seq 300); do
        curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return 0
        is_running "$name" || break
        sleep 0.1
    done
    tail -n 20 "$HOTLINE_LOG_DIR/$name.log" >&2 2>/dev/null || true
    die "$name is not healthy on port $port (log: $HOTLINE_LOG_DIR/$name.log)"
}

stop_services() {
    # Wait for these stops only: the broker may be a background child of the same shell.
    local stops=() name
    for name in $(service_names); do
        stop_process "$name" &
        stops+=($!)
    done
    wait "${stops[@]}"
}

cluster_status() {
    for name in broker $(service_names); do
        if is_running "$name"; then echo "process $name: running (pid $(cat "$(pid_file "$name")"))"; else echo "process $name: not running"; fi
    done
    if postgres_running; then echo "process postgres: running"; else echo "process postgres: not running"; fi
    [[ -x $(bin_dir)/hotline ]] && hotline_cli status
}

# isolate_cluster DIR DATABASE KAFKA_PORT HTTP_PORT: point this script at a cluster of its own
# (pids and logs under .local/DIR, database DATABASE on the shared PostgreSQL, a broker on
# KAFKA_PORT, the five services' HTTP ports from HTTP_PORT up), so a running local cluster is not
# disturbed.
isolate_cluster() {
    local dir=$1 database=$2 kafka_port=$3 http_port=$4
    export HOTLINE_RUN_DIR="$HOTLINE_LOCAL_DIR/$dir/run" HOTLINE_LOG_DIR="$HOTLINE_LOCAL_DIR/$dir/logs"
    export HOTLINE_PG_DATABASE=$database HOTLINE_KAFKA_PORT=$kafka_port HOTLINE_KAFKA_BROKERS=127.0.0.1:$kafka_port
    local offset=0 entry
    for entry in $hotline_services; do
        export "${entry#*:}=$((http_port + offset))"
        offset=$((offset + 1))
    done
    mkdir -p "$HOTLINE_RUN_DIR" "$HOTLINE_LOG_DIR"
}

# start_fresh_cluster: an empty database, the broker, migrations, topics and the five services.
start_fresh_cluster() {
    pg_psql -d postgres -c "DROP DATABASE IF EXISTS $HOTLINE_PG_DATABASE WITH (FORCE)" >/dev/null
    create_database "$HOTLINE_PG_DATABASE"
    start_broker
    migrate_and_create_topics
    start_services
}

# stop_cluster: the five services and the broker.
stop_cluster() {
    stop_services
    stop_broker
}

# service_log_digest: one line per service from its log, for a failed run's last lines (what a
# CI excerpt shows): how often it started, when it last started and last got partitions, and
# its last warning or error.
service_log_digest() {
    local name log
    for name in $(service_names); do
        log="$HOTLINE_LOG_DIR/$name.log"
        [[ -f $log ]] || continue
        awk -v name="$name" '
            / starting$/ { starts++; started = $1; assigned = "none since" }
            /Kafka partitions assigned/ { assigned = $1 }
            / (warning|error|critical) / { last = substr($0, 1, 220) }
            END { printf "%s: %d starts, last %s; partitions assigned: %s; last warning: %s\n",
                  name, starts, started, assigned, (last == "" ? "none" : last) }' "$log" >&2
    done
}
