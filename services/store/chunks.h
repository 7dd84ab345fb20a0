#ifndef COREBALANCE_SERVICES_STORE_CHUNKS_H_
#define COREBALANCE_SERVICES_STORE_CHUNKS_H_

// Multi-row statements in few shapes: `count` items go as chunks of 32, then
// the rest by powers of two, so that at most six distinct statements are
// prepared per table however many rows there are.

#include <algorithm>
#include <bit>
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

// Calls fn(first, count, padded) for consecutive chunks of at most `max`
// items covering [0, count), where padded = bit_ceil(count): a statement
// with an IN list repeats the chunk's last item up to `padded` entries, so
// that few distinct statements are prepared.
template <typename Fn>
void ForEachPaddedChunk(size_t count, size_t max, Fn fn) {
  for (size_t first = 0; first < count; first += max) {
    const size_t n = std::min(max, count - first);
    fn(first, n, std::bit_ceil(n));
  }
}

// "?, ?, ?" for `count` values.
inline std::string ListPlaceholders(size_t count) {
  std::string out;
  for (size_t i = 0; i < count; ++i) absl::StrAppend(&out, i ? ", ?" : "?");
  return out;
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
