#ifndef COREBALANCE_SERVICES_STORE_BIND_H_
#define COREBALANCE_SERVICES_STORE_BIND_H_

// Short forms for the repositories: bind parameters in order, run a query,
// read nullable columns and UTC times. Header-only; repositories link
// corebalance_common for sql_time.

#include <cppconn/datatype.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "services/common/sql_time.h"
#include "services/store/connection.h"

namespace corebalance::store {

inline void BindOne(sql::PreparedStatement& st, int i, int64_t v) {
  st.setInt64(i, v);
}
inline void BindOne(sql::PreparedStatement& st, int i, int v) {
  st.setInt(i, v);
}
inline void BindOne(sql::PreparedStatement& st, int i, bool v) {
  st.setBoolean(i, v);
}
inline void BindOne(sql::PreparedStatement& st, int i, double v) {
  st.setDouble(i, v);
}
inline void BindOne(sql::PreparedStatement& st, int i, const std::string& v) {
  st.setString(i, v);
}
inline void BindOne(sql::PreparedStatement& st, int i, const char* v) {
  st.setString(i, v);
}
inline void BindOne(sql::PreparedStatement& st, int i, absl::string_view v) {
  st.setString(i, std::string(v));
}
inline void BindOne(sql::PreparedStatement& st, int i, absl::Time v) {
  st.setDateTime(i, ToSqlTime(v));
}
template <typename T>
void BindOne(sql::PreparedStatement& st, int i, const std::optional<T>& v) {
  if (v.has_value()) {
    BindOne(st, i, *v);
  } else {
    st.setNull(i, sql::DataType::VARCHAR);
  }
}

template <typename... Args>
sql::PreparedStatement& Bind(sql::PreparedStatement& st, const Args&... args) {
  st.clearParameters();
  int i = 1;
  (BindOne(st, i++, args), ...);
  return st;
}

template <typename... Args>
std::unique_ptr<sql::ResultSet> Query(Connection& c, const std::string& sql,
                                      const Args&... args) {
  return std::unique_ptr<sql::ResultSet>(
      Bind(c.Prepare(sql), args...).executeQuery());
}

// Rows changed (for UPDATE: rows matched and changed).
template <typename... Args>
int Update(Connection& c, const std::string& sql, const Args&... args) {
  return Bind(c.Prepare(sql), args...).executeUpdate();
}

inline std::string GetString(const sql::ResultSet& rs, const char* column) {
  return rs.getString(column).asStdString();
}
inline std::optional<std::string> GetOptionalString(const sql::ResultSet& rs,
                                                    const char* column) {
  if (rs.isNull(column)) return std::nullopt;
  return rs.getString(column).asStdString();
}
inline absl::Time GetTime(const sql::ResultSet& rs, const char* column) {
  return FromSqlTime(rs.getString(column).asStdString());
}
inline std::optional<absl::Time> GetOptionalTime(const sql::ResultSet& rs,
                                                 const char* column) {
  if (rs.isNull(column)) return std::nullopt;
  return GetTime(rs, column);
}

}  // namespace corebalance::store

#endif  // COREBALANCE_SERVICES_STORE_BIND_H_
