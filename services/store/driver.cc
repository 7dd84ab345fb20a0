#include "services/store/driver.h"

#include <cppconn/driver.h>

namespace corebalance::store {
namespace {

// Calls threadEnd() when a thread that used the driver exits.
struct ThreadState {
  bool active = false;
  ~ThreadState() {
    if (active) Driver().threadEnd();
  }
};

ThreadState& ThisThread() {
  thread_local ThreadState state;
  return state;
}

}  // namespace

sql::Driver& Driver() {
  // A function-local static: initialised once, thread-safely.
  static sql::Driver* const driver = get_driver_instance();
  return *driver;
}

void EnsureDriverThread() {
  ThreadState& state = ThisThread();
  if (state.active) return;
  Driver().threadInit();
  state.active = true;
}

void DriverThreadInit() { EnsureDriverThread(); }

void DriverThreadEnd() {
  ThreadState& state = ThisThread();
  if (!state.active) return;
  Driver().threadEnd();
  state.active = false;
}

}  // namespace corebalance::store
