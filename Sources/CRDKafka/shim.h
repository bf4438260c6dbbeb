#ifndef HOTLINE_CRDKAFKA_SHIM_H
#define HOTLINE_CRDKAFKA_SHIM_H
#include <librdkafka/rdkafka.h>
#endif
