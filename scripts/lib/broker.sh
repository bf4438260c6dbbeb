# The Kafka-protocol broker (tansu, in-memory: a restart starts it empty).

start_broker() {
    if ! is_running broker; then
        start_process broker "$(broker_binary)" broker \
            --listener-url "tcp://127.0.0.1:$HOTLINE_KAFKA_PORT" \
            --advertised-listener-url "tcp://127.0.0.1:$HOTLINE_KAFKA_PORT" \
            --storage-engine "memory://tansu/"
    fi
    wait_for_port broker "$HOTLINE_KAFKA_PORT" 30
}

stop_broker() { stop_process broker; }
