# The alert drill against a real Prometheus (Debian's): scrapes the running cluster every second
# with the rules of Deploy/prometheus/alerts.yml, checks that every service exposes its health
# figures (PostgreSQL reachable, outbox backlog, consumer lag per partition, late SLA timers) and
# that every query of the dashboard (Deploy/grafana) runs,
# stops the dispatcher and waits for HotlineServiceDown to fire, starts it again and waits for the
# alert to resolve, printing how long each took. The restarted dispatcher is a child of the
# calling shell; the caller stops Prometheus (`stop_process prometheus`), also when this fails.

: "${HOTLINE_PROMETHEUS_PORT:=59090}"

# prom_query PROMQL: the instant vector as lines "labels<TAB>value" (labels as JSON, keys sorted).
prom_query() {
    curl -fsS --get "http://127.0.0.1:$HOTLINE_PROMETHEUS_PORT/api/v1/query" --data-urlencode "query=$1" \
        | python3 -c 'import json, sys
for r in json.load(sys.stdin)["data"]["result"]:
    print(json.dumps(r["metric"], sort_keys=True) + "\t" + r["value"][1])'
}

# alert_state NAME SERVICE: firing, pending or nothing for that alert of that service.
alert_state() {
    curl -fsS "http://127.0.0.1:$HOTLINE_PROMETHEUS_PORT/api/v1/alerts" | python3 -c 'import json, sys
states = [a["state"] for a in json.load(sys.stdin)["data"]["alerts"]
          if a["labels"].get("alertname") == sys.argv[1] and a["labels"].get("service") == sys.argv[2]]
print(states[0] if states else "")' "$1" "$2"
}

# wait_until SECONDS WHAT COMMAND...: runs COMMAND every second until it succeeds.
wait_until() {
    local seconds=$1 what=$2; shift 2
    for _ in $(seq "$seconds"); do
        "$@" && return 0
        sleep 1
    done
    die "alert drill: not within $seconds s: $what (Prometheus log: $HOTLINE_LOG_DIR/prometheus.log)"
}

series_count() { prom_query "$1" | wc -l; }
has_series() { [[ $(series_count "$1") -ge $2 ]]; }
all_up() { [[ $(series_count 'up{job="hotline"} == 1') -eq 5 ]]; }
dispatcher_down_firing() { [[ $(alert_state HotlineServiceDown dispatcher) == firing ]]; }
dispatcher_down_resolved() { [[ -z $(alert_state HotlineServiceDown dispatcher) ]]; }

# start_prometheus: Prometheus scraping the five services of this shell's ports every second.
start_prometheus() {
    command -v prometheus >/dev/null || die "prometheus is not installed (scripts/cluster install)"
    local directory="$HOTLINE_RUN_DIR/prometheus" entry port_variable
    rm -rf "$directory"
    mkdir -p "$directory"
    {
        echo "global: {scrape_interval: 1s, evaluation_interval: 1s}"
        echo "rule_files: ['$HOTLINE_ROOT/Deploy/prometheus/alerts.yml']"
        echo "scrape_configs:"
        echo "  - job_name: hotline"
        echo "    static_configs:"
        for entry in $hotline_services; do
            port_variable=${entry#*:}
            echo "      - {targets: ['127.0.0.1:${!port_variable}'], labels: {service: ${entry%%:*}}}"
        done
    } >"$directory/prometheus.yml"
    promtool check config "$directory/prometheus.yml" >/dev/null || die "the drill's Prometheus configuration is invalid"
    start_process prometheus prometheus --config.file="$directory/prometheus.yml" \
        --storage.tsdb.path="$directory/data" --web.listen-address="127.0.0.1:$HOTLINE_PROMETHEUS_PORT"
    wait_for_port prometheus "$HOTLINE_PROMETHEUS_PORT" 30
}

# check_dashboard: every query of Deploy/grafana/hotline-operations.json is valid PromQL that
# Prometheus runs (a rate of something that has not happened since the services started finds
# no series, which is no fault).
check_dashboard() {
    local expr count=0 found=0 answer
    while IFS= read -r expr; do
        answer=$(prom_query "$expr") || die "alert drill: Prometheus refuses the dashboard's query: $expr"
        count=$((count + 1))
        [[ -n $answer ]] && found=$((found + 1))
    done < <(python3 -c 'import json, sys
for panel in json.load(open(sys.argv[1]))["panels"]:
    for target in panel["targets"]:
        print(target["expr"])' "$HOTLINE_ROOT/Deploy/grafana/hotline-operations.json")
    say "alert drill: the dashboard's $count queries run in Prometheus ($found find series now)"
}

alert_drill() {
    start_prometheus
    wait_until 60 "Prometheus scrapes all five services" all_up
    # A consumer's lag appears once its first fetch reported a watermark.
    wait_until 60 "PostgreSQL reachable, seen by all five services" has_series 'hotline_database_reachable == 1' 5
    wait_until 60 "the outbox backlog of all five producers" has_series 'hotline_outbox_backlog' 5
    wait_until 60 "the age of the oldest unpublished event of all five producers" \
        has_series 'hotline_outbox_oldest_unpublished_seconds' 5
    wait_until 60 "the consumer lag of the four consumer groups" \
        has_series 'count by (consumer) (hotline_consumer_lag)' 4
    wait_until 60 "the late SLA timers" has_series 'hotline_sla_timers_late' 1
    say "alert drill: Prometheus scrapes 5 services; consumer lag of $(series_count 'hotline_consumer_lag') partitions," \
        "outbox backlog $(prom_query 'sum(hotline_outbox_backlog)' | cut -f2)," \
        "late SLA timers $(prom_query 'max(hotline_sla_timers_late)' | cut -f2)"
    check_dashboard
    dispatcher_down_resolved || die "alert drill: HotlineServiceDown is active for the dispatcher before the drill"

    local started=$SECONDS fired_after
    stop_process dispatcher
    wait_until 120 "HotlineServiceDown fires for the stopped dispatcher" dispatcher_down_firing
    fired_after=$((SECONDS - started))
    started=$SECONDS
    start_process dispatcher "$(bin_dir)/dispatcher"
    wait_for_ready dispatcher "$HOTLINE_DISPATCHER_PORT"
    wait_until 60 "HotlineServiceDown resolves once the dispatcher runs again" dispatcher_down_resolved
    say "alert drill: HotlineServiceDown fired $fired_after s after the dispatcher stopped (rule: for 30s)," \
        "resolved $((SECONDS - started)) s after it was started again"
}
