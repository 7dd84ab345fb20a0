#ifndef COREBALANCE_BENCH_SEED_INSERT_SQL_H_
#define COREBALANCE_BENCH_SEED_INSERT_SQL_H_

// Multi-row INSERT statements for progress_sessions and
// progress_session_exercises, with the columns session_store.cc writes.
// Values are literals: one statement carries a thousand rows, far more
// than a prepared statement's placeholders are worth.

#include <string>
#include <vector>

#include "services/progress/repositories/session_repository.h"

namespace corebalance::bench {

// Statements of at most `rows_per_statement` rows each.
std::vector<std::string> SessionInserts(
    const std::vector<const progress::StoredSession*>& sessions,
    int rows_per_statement);
std::vector<std::string> ExerciseInserts(
    const std::vector<const progress::StoredSession*>& sessions,
    int rows_per_statement);

// 'text' with quotes and backslashes escaped.
std::string SqlString(const std::string& text);

}  // namespace corebalance::bench

#endif  // COREBALANCE_BENCH_SEED_INSERT_SQL_H_
