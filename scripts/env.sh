# Local defaults for every script. Each variable can be set in the environment first.
# The services read the same variables (see README, "Configuration").
: "${HOTLINE_ROOT:=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
: "${HOTLINE_LOCAL_DIR:=$HOTLINE_ROOT/.local}"
: "${HOTLINE_DATA_DIR:=$HOTLINE_LOCAL_DIR/data}"
: "${HOTLINE_LOG_DIR:=$HOTLINE_LOCAL_DIR/logs}"
: "${HOTLINE_RUN_DIR:=$HOTLINE_LOCAL_DIR/run}"
: "${HOTLINE_VENV:=$HOTLINE_LOCAL_DIR/venv}"
: "${HOTLINE_BUILD_CONFIG:=release}"

: "${HOTLINE_PG_HOST:=127.0.0.1}"
: "${HOTLINE_PG_PORT:=55432}"
: "${HOTLINE_PG_USER:=hotline}"
: "${HOTLINE_PG_PASSWORD:=hotline}"
: "${HOTLINE_PG_DATABASE:=hotline}"
: "${HOTLINE_KAFKA_PORT:=59092}"
: "${HOTLINE_KAFKA_BROKERS:=127.0.0.1:$HOTLINE_KAFKA_PORT}"

: "${HOTLINE_GATEWAY_PORT:=8080}"
: "${HOTLINE_CLASSIFIER_PORT:=8081}"
: "${HOTLINE_DISPATCHER_PORT:=8082}"
: "${HOTLINE_SLA_TIMER_PORT:=8083}"
: "${HOTLINE_SCORING_PORT:=8084}"
# The lab sends far more requests with one token than a deployment's per-token limit allows (load
# and pipeline bench from 64 connections, the city simulation's operators, the API fuzzing), so the
# gateways the scripts start keep the limiter on, with a limit none of them reaches; deployments
# keep the defaults (50 a second, bursts of 100).
: "${HOTLINE_RATE_LIMIT_PER_SECOND:=100000}"
: "${HOTLINE_RATE_LIMIT_BURST:=100000}"
# The local cluster follows the shared clock, so `hotline-lab simulate` can run a month in minutes
# (without a simulated clock set, that is real time).
: "${HOTLINE_CLOCK:=shared}"

export HOTLINE_ROOT HOTLINE_LOCAL_DIR HOTLINE_DATA_DIR HOTLINE_LOG_DIR HOTLINE_RUN_DIR HOTLINE_VENV HOTLINE_BUILD_CONFIG \
    HOTLINE_PG_HOST HOTLINE_PG_PORT HOTLINE_PG_USER HOTLINE_PG_PASSWORD HOTLINE_PG_DATABASE \
    HOTLINE_KAFKA_PORT HOTLINE_KAFKA_BROKERS \
    HOTLINE_GATEWAY_PORT HOTLINE_CLASSIFIER_PORT HOTLINE_DISPATCHER_PORT HOTLINE_SLA_TIMER_PORT HOTLINE_SCORING_PORT HOTLINE_CLOCK \
    HOTLINE_RATE_LIMIT_PER_SECOND HOTLINE_RATE_LIMIT_BURST

# The five services, each with the variable that holds its HTTP port.
hotline_services="intake-gateway:HOTLINE_GATEWAY_PORT classifier-worker:HOTLINE_CLASSIFIER_PORT dispatcher:HOTLINE_DISPATCHER_PORT sla-timer:HOTLINE_SLA_TIMER_PORT scoring-aggregator:HOTLINE_SCORING_PORT"
