#include "services/common/worker_pool.h"

#include <atomic>
#include <set>
#include <thread>

#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace corebalance {
namespace {

using ::testing::IsSubsetOf;

constexpr absl::Duration kPatience = absl::Seconds(10);

TEST(WorkerPool, RunsEverySubmittedTask) {
  std::atomic<int> ran{0};
  WorkerPool pool("test", 4, 1000);
  for (int i = 0; i < 500; ++i) {
    ASSERT_TRUE(pool.TrySubmit([&ran] { ++ran; })) << i;
  }
  pool.Stop();
  EXPECT_EQ(ran.load(), 500);
}

TEST(WorkerPool, ThreadsRunTasksAtTheSameTime) {
  constexpr int kThreads = 3;
  std::atomic<int> running{0};
  std::atomic<int> met{0};
  WorkerPool pool("test", kThreads, 100);
  for (int i = 0; i < kThreads; ++i) {
    ASSERT_TRUE(pool.TrySubmit([&] {
      ++running;
      const absl::Time deadline = absl::Now() + kPatience;
      while (running.load() < kThreads && absl::Now() < deadline) {
        absl::SleepFor(absl::Milliseconds(1));
      }
      if (running.load() == kThreads) ++met;
    }));
  }
  pool.Stop();
  EXPECT_EQ(met.load(), kThreads);
}

TEST(WorkerPool, TrySubmitFailsWhenTheQueueIsFull) {
  absl::Notification started, release;
  std::atomic<int> ran{0};
  WorkerPool pool("test", 1, 2);
  ASSERT_TRUE(pool.TrySubmit([&] {
    started.Notify();
    release.WaitForNotification();
  }));
  ASSERT_TRUE(started.WaitForNotificationWithTimeout(kPatience));
  // The only thread is busy: two tasks fit in the queue, the third does not.
  EXPECT_TRUE(pool.TrySubmit([&ran] { ++ran; }));
  EXPECT_TRUE(pool.TrySubmit([&ran] { ++ran; }));
  EXPECT_FALSE(pool.TrySubmit([&ran] { ran += 100; }));
  release.Notify();
  pool.Stop();
  EXPECT_EQ(ran.load(), 2);
}

TEST(WorkerPool, TrySubmitFailsAfterStop) {
  std::atomic<int> ran{0};
  WorkerPool pool("test", 2, 100);
  pool.Stop();
  EXPECT_FALSE(pool.TrySubmit([&ran] { ++ran; }));
  pool.Stop();  // idempotent
  EXPECT_EQ(ran.load(), 0);
}

TEST(WorkerPool, StopRunsTheQueuedTasksFirst) {
  absl::Notification started, release;
  std::atomic<int> ran{0};
  WorkerPool pool("test", 1, 1000);
  ASSERT_TRUE(pool.TrySubmit([&] {
    started.Notify();
    release.WaitForNotification();
  }));
  ASSERT_TRUE(started.WaitForNotificationWithTimeout(kPatience));
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(pool.TrySubmit([&ran] { ++ran; }));

  std::thread stopper([&pool] { pool.Stop(); });
  // The queue has room, so a refusal means Stop has begun while the tasks
  // are still queued behind the busy thread.
  int accepted = 5;
  const absl::Time deadline = absl::Now() + kPatience;
  while (pool.TrySubmit([&ran] { ++ran; }) && absl::Now() < deadline) {
    ++accepted;
    absl::SleepFor(absl::Milliseconds(1));
  }
  release.Notify();
  stopper.join();
  EXPECT_EQ(ran.load(), accepted);
}

TEST(WorkerPool, HooksRunOncePerThreadAroundItsTasks) {
  constexpr int kThreads = 3;
  absl::Mutex mu;
  std::multiset<std::thread::id> started, exited, task_threads;
  WorkerPool::Hooks hooks;
  hooks.on_thread_start = [&] {
    absl::MutexLock lock(&mu);
    started.insert(std::this_thread::get_id());
  };
  hooks.on_thread_exit = [&] {
    absl::MutexLock lock(&mu);
    exited.insert(std::this_thread::get_id());
  };
  {
    WorkerPool pool("test", kThreads, 1000, hooks);
    for (int i = 0; i < 50; ++i) {
      ASSERT_TRUE(pool.TrySubmit([&] {
        absl::MutexLock lock(&mu);
        task_threads.insert(std::this_thread::get_id());
      }));
    }
    pool.Stop();
  }
  absl::MutexLock lock(&mu);
  EXPECT_EQ(started.size(), static_cast<size_t>(kThreads));
  EXPECT_EQ(std::set<std::thread::id>(started.begin(), started.end()).size(),
            static_cast<size_t>(kThreads));
  EXPECT_EQ(exited, started);
  EXPECT_THAT(
      std::set<std::thread::id>(task_threads.begin(), task_threads.end()),
      IsSubsetOf(std::set<std::thread::id>(started.begin(), started.end())));
  EXPECT_EQ(task_threads.size(), 50u);
}

TEST(WorkerPool, DestructorStopsAfterRunningQueuedTasks) {
  std::atomic<int> ran{0};
  {
    WorkerPool pool("test", 2, 100);
    for (int i = 0; i < 20; ++i) ASSERT_TRUE(pool.TrySubmit([&ran] { ++ran; }));
  }
  EXPECT_EQ(ran.load(), 20);
}

}  // namespace
}  // namespace corebalance
