#include "bench/seed/session_loader.h"

#include <cppconn/exception.h>
#include <cppconn/resultset.h>

#include <algorithm>
#include <atomic>
#include <iostream>
#include <set>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "bench/seed/insert_sql.h"
#include "bench/seed/seeded_sessions.h"
#include "services/store/connection.h"

namespace corebalance::bench {
namespace {

constexpr char kDoneTable[] =
    "CREATE TABLE IF NOT EXISTS bench_seed_done ("
    " patient_id VARCHAR(63) NOT NULL, sessions INT NOT NULL,"
    " PRIMARY KEY (patient_id)"
    ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin";

absl::StatusOr<std::unique_ptr<store::Connection>> Open(
    const store::MysqlConfig& mysql) {
  return store::Connection::Open(mysql, absl::Now() + absl::Seconds(10));
}

absl::StatusOr<std::set<std::string>> DonePatients(store::Connection& c) {
  try {
    c.Execute(kDoneTable);
    std::set<std::string> done;
    auto rs = c.Query("SELECT patient_id FROM bench_seed_done");
    while (rs->next()) done.insert(rs->getString(1).asStdString());
    return done;
  } catch (const sql::SQLException& e) {
    return absl::UnavailableError(
        absl::StrCat("reading bench_seed_done: ", e.what()));
  }
}

// Writes one batch of whole patients in one transaction.
void WriteBatch(store::Connection& c,
                const std::vector<const SeedPatient*>& patients,
                const std::vector<progress::StoredSession>& sessions,
                int batch_rows) {
  std::vector<const progress::StoredSession*> rows;
  for (const auto& s : sessions) rows.push_back(&s);
  std::string done =
      "INSERT INTO bench_seed_done (patient_id, sessions) VALUES ";
  for (size_t i = 0; i < patients.size(); ++i) {
    absl::StrAppend(&done, i == 0 ? "" : ",", "(",
                    SqlString(patients[i]->patient_id), ",",
                    patients[i]->sessions, ")");
  }
  c.Execute("START TRANSACTION");
  try {
    for (const std::string& sql : SessionInserts(rows, batch_rows)) {
      c.Execute(sql);
    }
    for (const std::string& sql : ExerciseInserts(rows, 2 * batch_rows)) {
      c.Execute(sql);
    }
    c.Execute(done);
    c.Execute("COMMIT");
  } catch (const sql::SQLException&) {
    try {
      c.Execute("ROLLBACK");
    } catch (const sql::SQLException&) {
    }
    throw;
  }
}

}  // namespace

absl::Status LoadSessions(const std::vector<SeedPatient>& patients,
                          const LoaderOptions& options) {
  auto first = Open(options.mysql);
  if (!first.ok()) return first.status();
  auto done = DonePatients(**first);
  if (!done.ok()) return done.status();
  std::vector<const SeedPatient*> todo;
  int64_t total = 0;
  for (const SeedPatient& p : patients) {
    if (p.sessions > 0 && !p.plan_id.empty() && !done->count(p.patient_id)) {
      todo.push_back(&p);
      total += p.sessions;
    }
  }
  if (todo.empty()) {
    std::cerr << "seed: every patient's sessions are loaded already\n";
    return absl::OkStatus();
  }
  // Patient by patient in id order: each worker appends to its own part
  // of the (clinic, patient, performed_at) index.
  std::sort(todo.begin(), todo.end(), [](const auto* a, const auto* b) {
    return a->patient_id < b->patient_id;
  });
  std::cerr << "seed: loading " << total << " sessions of " << todo.size()
            << " patients (" << done->size() << " patients loaded earlier), "
            << options.workers << " connections\n";

  const absl::Time now = absl::Now();
  const absl::Time start = now;
  std::atomic<int64_t> loaded{0};
  std::atomic<bool> failed{false};
  absl::Mutex mu;
  absl::Status first_error;
  auto fail = [&](absl::Status s) {
    absl::MutexLock lock(&mu);
    if (first_error.ok()) first_error = std::move(s);
    failed = true;
  };
  const int workers = std::max(1, options.workers);
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    const size_t begin = todo.size() * w / workers;
    const size_t end = todo.size() * (w + 1) / workers;
    threads.emplace_back([&, w, begin, end] {
      auto c = Open(options.mysql);
      if (!c.ok()) return fail(c.status());
      Rng rng = SeededRng(5000 + w);
      SortableIds ids(w);
      std::vector<const SeedPatient*> batch;
      std::vector<progress::StoredSession> sessions;
      for (size_t i = begin; i < end && !failed; ++i) {
        auto made = SeededSessions(*todo[i], options.clinic_id, now, ids, rng);
        if (!made.ok()) return fail(made.status());
        batch.push_back(todo[i]);
        std::move(made->begin(), made->end(), std::back_inserter(sessions));
        const bool last = i + 1 == end;
        if (static_cast<int>(sessions.size()) < options.batch_rows && !last) {
          continue;
        }
        try {
          WriteBatch(**c, batch, sessions, options.batch_rows);
        } catch (const sql::SQLException& e) {
          return fail(absl::UnavailableError(
              absl::StrCat("inserting sessions: ", e.what(),
                           " (run the same command again to resume)")));
        }
        loaded += static_cast<int64_t>(sessions.size());
        batch.clear();
        sessions.clear();
      }
    });
  }
  absl::Notification finished;
  std::thread progress([&] {
    while (!finished.WaitForNotificationWithTimeout(absl::Seconds(10))) {
      const double seconds = absl::ToDoubleSeconds(absl::Now() - start);
      const double rate = loaded / std::max(seconds, 1e-3);
      std::cerr << absl::StrFormat(
          "seed: %d/%d sessions (%.0f/s, about %.0f s left)\n", loaded.load(),
          total, rate, rate > 0 ? (total - loaded) / rate : 0.0);
    }
  });
  for (auto& t : threads) t.join();
  finished.Notify();
  progress.join();
  if (!first_error.ok()) return first_error;
  const double seconds = absl::ToDoubleSeconds(absl::Now() - start);
  std::cerr << absl::StrFormat("seed: %d sessions in %.1f s (%.0f/s)\n",
                               loaded.load(), seconds, loaded / seconds);
  return absl::OkStatus();
}

}  // namespace corebalance::bench
