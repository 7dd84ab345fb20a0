#ifndef COREBALANCE_TESTS_UNIT_COMMON_STATUS_DETAILS_H_
#define COREBALANCE_TESTS_UNIT_COMMON_STATUS_DETAILS_H_

// Reads the google.rpc details an absl::Status carries as payloads, the way a
// caller of errors.h would see them.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "google/rpc/error_details.pb.h"

namespace corebalance::testing {

template <typename Message>
std::optional<Message> DetailOf(const absl::Status& status) {
  const auto payload = status.GetPayload(
      absl::StrCat("type.googleapis.com/", Message::descriptor()->full_name()));
  if (!payload) return std::nullopt;
  Message message;
  if (!message.ParseFromString(std::string(*payload))) return std::nullopt;
  return message;
}

// The field paths of the BadRequest detail, in order; empty without one.
inline std::vector<std::string> ViolatedFields(const absl::Status& status) {
  std::vector<std::string> fields;
  if (auto bad_request = DetailOf<google::rpc::BadRequest>(status)) {
    for (const auto& v : bad_request->field_violations()) {
      fields.push_back(v.field());
    }
  }
  return fields;
}

// Every google.rpc detail payload, by type URL.
inline std::map<std::string, std::string> DetailPayloads(
    const absl::Status& status) {
  std::map<std::string, std::string> out;
  status.ForEachPayload([&](absl::string_view url, const absl::Cord& payload) {
    if (absl::StartsWith(url, "type.googleapis.com/")) {
      out[std::string(url)] = std::string(payload);
    }
  });
  return out;
}

}  // namespace corebalance::testing

#endif  // COREBALANCE_TESTS_UNIT_COMMON_STATUS_DETAILS_H_
