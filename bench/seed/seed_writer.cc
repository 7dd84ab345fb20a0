#include "bench/seed/seed_writer.h"

#include <filesystem>

#include "absl/strings/str_cat.h"

namespace corebalance::bench {

absl::Status SeedWriter::Open(const std::string& path) {
  absl::MutexLock lock(&mu_);
  path_ = path;
  std::error_code ignored;
  const bool is_new = !std::filesystem::exists(path, ignored) ||
                      std::filesystem::file_size(path, ignored) == 0;
  out_.open(path, std::ios::app);
  if (!out_) return absl::UnavailableError(absl::StrCat("cannot write ", path));
  if (is_new) out_ << SeedFileHeader() << std::flush;
  return absl::OkStatus();
}

absl::Status SeedWriter::Append(const SeedPatient& patient) {
  absl::MutexLock lock(&mu_);
  out_ << SeedLine(patient) << std::flush;
  if (!out_)
    return absl::UnavailableError(absl::StrCat("cannot write ", path_));
  return absl::OkStatus();
}

}  // namespace corebalance::bench
