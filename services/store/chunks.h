#ifndef COREBALANCE_SERVICES_STORE_CHUNKS_H_
#define COREBALANCE_SERVICES_STORE_CHUNKS_H_

// Multi-row statements in few shapes: `count` items go as chunks of 32, then
// the rest by powers of two, so that at most six distinct statements are
// prepared per table however many rows there are.

#include <cstddef>
#include <string>

#include "absl/strings/str_cat.h"

namespace corebalance::store {

// Calls fn(first, size) for consecutive chunks covering [0, count).
template <typename Fn>
void ForEachChunk(size_t count, Fn fn) {
  size_t at = 0;
  for (size_t chunk = 32; chunk > 0; chunk /= 2) {
    while (count - at >= chunk) {
      fn(at, chunk);
      at += chunk;
      if (chunk < 32) break;
    }
  }
}

// "(?, ?, ?), (?, ?, ?)" for `rows` rows of `row` placeholders ("?, ?, ?").
inline std::string RowPlaceholders(size_t rows, const char* row) {
  std::string out;
  for (size_t i = 0; i < rows; ++i)
    absl::StrAppend(&out, i ? ", " : "", "(", row, ")");
  return out;
}

}  // namespace corebalance::store

#endif  // COREBALANCE_SERVICES_STORE_CHUNKS_H_
