#ifndef COREBALANCE_SERVICES_COMMON_STATUS_MACROS_H_
#define COREBALANCE_SERVICES_COMMON_STATUS_MACROS_H_

// Early returns for absl::Status / absl::StatusOr, which Abseil 20220623 does
// not ship.

#define CB_CONCAT_INNER_(a, b) a##b
#define CB_CONCAT_(a, b) CB_CONCAT_INNER_(a, b)

#define CB_RETURN_IF_ERROR(expr)                                       \
  do {                                                                 \
    if (auto cb_status_ = (expr); !cb_status_.ok()) return cb_status_; \
  } while (false)

#define CB_ASSIGN_OR_RETURN(lhs, expr) \
  CB_ASSIGN_OR_RETURN_IMPL_(CB_CONCAT_(cb_statusor_, __LINE__), lhs, expr)

#define CB_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                              \
  if (!tmp.ok()) return std::move(tmp).status();  \
  lhs = std::move(tmp).value()

#endif  // COREBALANCE_SERVICES_COMMON_STATUS_MACROS_H_
