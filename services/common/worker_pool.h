#ifndef COREBALANCE_SERVICES_COMMON_WORKER_POOL_H_
#define COREBALANCE_SERVICES_COMMON_WORKER_POOL_H_

#include <deque>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

namespace corebalance {

// A fixed set of threads for blocking work (database calls, calls to other
// services), so gRPC's callback threads never block. Each hosted service has
// its own pool: a service waiting on another can never starve it.
class WorkerPool {
 public:
  struct Hooks {
    // Run on each worker thread at start and exit (e.g. the MySQL driver's
    // per-thread init).
    std::function<void()> on_thread_start;
    std::function<void()> on_thread_exit;
  };

  WorkerPool(std::string name, int threads, int max_queued, Hooks hooks = {});
  ~WorkerPool();

  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // False when the queue is full or the pool is stopping: the caller should
  // shed the load (RESOURCE_EXHAUSTED) rather than queue without bound.
  bool TrySubmit(std::function<void()> task);

  // Runs every queued task, then joins the threads. Idempotent.
  void Stop();

  const std::string& name() const { return name_; }

 private:
  void Loop();

  const std::string name_;
  const int max_queued_;
  const Hooks hooks_;
  absl::Mutex mu_;
  std::deque<std::function<void()>> queue_ ABSL_GUARDED_BY(mu_);
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::vector<std::thread> threads_;
};

}  // namespace corebalance

#endif  // COREBALANCE_SERVICES_COMMON_WORKER_POOL_H_
