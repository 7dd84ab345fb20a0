#ifndef COREBALANCE_TESTS_FUZZ_FUZZ_CHECK_H_
#define COREBALANCE_TESTS_FUZZ_FUZZ_CHECK_H_

// A property the parser must keep for every input; a violation aborts, which
// libFuzzer reports as a crash with the input that caused it.

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(condition)                                          \
  do {                                                                 \
    if (!(condition)) {                                                \
      std::fprintf(stderr, "%s:%d: FUZZ_CHECK failed: %s\n", __FILE__, \
                   __LINE__, #condition);                              \
      std::abort();                                                    \
    }                                                                  \
  } while (false)

#endif  // COREBALANCE_TESTS_FUZZ_FUZZ_CHECK_H_
