#ifndef COREBALANCE_BENCH_SEED_SEED_WRITER_H_
#define COREBALANCE_BENCH_SEED_SEED_WRITER_H_

// Appends finished patients to the seed file, one flushed line each, so an
// interrupted seeding loses at most the patients in progress. Thread-safe.

#include <fstream>
#include <string>

#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "bench/common/seed_file.h"

namespace corebalance::bench {

class SeedWriter {
 public:
  // Opens `path` for appending; writes the header when the file is new.
  absl::Status Open(const std::string& path);
  absl::Status Append(const SeedPatient& patient);

 private:
  absl::Mutex mu_;
  std::ofstream out_ ABSL_GUARDED_BY(mu_);
  std::string path_;
};

}  // namespace corebalance::bench

#endif  // COREBALANCE_BENCH_SEED_SEED_WRITER_H_
