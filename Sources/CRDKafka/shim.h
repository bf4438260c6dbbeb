#ifndef HOTLINE_CRDKAFKA_SHIM_H
#define HOTLINE_CRDKAFKA_SHIM_H
#include <librdkafka/rdkafka.h>
/* The in-process mock cluster (`test.mock.num.brokers`) that the wrapper's tests run against. */
#include <librdkafka/rdkafka_mock.h>
#endif
