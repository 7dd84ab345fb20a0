#ifndef COREBALANCE_SERVICES_STORE_DRIVER_H_
#define COREBALANCE_SERVICES_STORE_DRIVER_H_

// The process-wide Connector/C++ driver and its per-thread set-up.
//
// get_driver_instance() initialises the client library and is not safe to
// call from two threads at once, so it is called exactly once here. The
// client library also keeps per-thread state: a thread must call
// sql::Driver::threadInit() before its first use of a connection and
// threadEnd() before it exits (libmysqlclient leaks and complains at exit
// otherwise; MariaDB Connector/C treats both as no-ops). Pool::Acquire calls
// EnsureDriverThread() itself and a thread_local guard calls threadEnd() when
// the thread exits, so callers need nothing; worker pools may still call
// DriverThreadInit/End from their thread hooks to make it explicit.

namespace sql {
class Driver;
}  // namespace sql

namespace corebalance::store {

sql::Driver& Driver();

// Idempotent per thread.
void EnsureDriverThread();
// Same as EnsureDriverThread(), for thread start hooks.
void DriverThreadInit();
// Releases this thread's client state now instead of at thread exit.
void DriverThreadEnd();

}  // namespace corebalance::store

#endif  // COREBALANCE_SERVICES_STORE_DRIVER_H_
