#ifndef HOTLINE_CRDKAFKA_SHIM_H
#define HOTLINE_CRDKAFKA_SHIM_H
#include <librdkafka/rdkafka.h>
/* The in-process mock cluster (`test.mock.num.brokers`) that the wrapper's tests run against. */
#include <librdkafka/rdkafka_mock.h>

/* Delays the mock broker's answer to its next request of type `api_key` by `rtt_ms` (the
   variadic librdkafka call cannot be imported into Swift). */
static inline rd_kafka_resp_err_t hotline_mock_delay_next_request(
    rd_kafka_mock_cluster_t *cluster, int32_t broker_id, int16_t api_key, int rtt_ms) {
    return rd_kafka_mock_broker_push_request_error_rtts(
        cluster, broker_id, api_key, 1, RD_KAFKA_RESP_ERR_NO_ERROR, rtt_ms);
}
#endif
