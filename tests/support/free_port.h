#ifndef COREBALANCE_TESTS_SUPPORT_FREE_PORT_H_
#define COREBALANCE_TESTS_SUPPORT_FREE_PORT_H_

namespace corebalance::test {

// A TCP port on 127.0.0.1 that was free a moment ago: the kernel picks it
// when binding port 0, then the socket is closed. Another process could take
// it in between, which tests accept. Aborts the test binary if no socket can
// be bound at all.
int PickFreePort();

}  // namespace corebalance::test

#endif  // COREBALANCE_TESTS_SUPPORT_FREE_PORT_H_
