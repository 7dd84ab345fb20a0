#include "services/access/rules/audit_chain.h"

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace corebalance::access {
namespace {

using ::testing::HasSubstr;

AuditRow Event(int64_t seq) {
  AuditRow row;
  row.seq = seq;
  row.event_time = absl::FromUnixMicros(1795982468123456 + seq * 1000);
  row.actor = "staffMembers/k3j9x0a1b2c3d4e5";
  row.actor_role = 2;
  row.action = "corebalance.v1.IntakeService/SubmitAssessment";
  row.resource = absl::StrCat("patients/p", seq, "/assessments/a", seq);
  row.patient = absl::StrCat("patients/p", seq);
  row.outcome = 1;
  row.status_code = "OK";
  row.request_id = absl::StrCat("req-", seq);
  row.peer = "ipv4:10.0.0.7:51234";
  return row;
}

// Links and hashes rows the way the audit store writes them.
void Rehash(std::vector<AuditRow>& rows, std::string prev_hash) {
  for (AuditRow& row : rows) {
    row.prev_hash = prev_hash;
    row.hash = ChainHash(row);
    prev_hash = row.hash;
  }
}

std::vector<AuditRow> Chain(int events) {
  std::vector<AuditRow> rows;
  for (int seq = 1; seq <= events; ++seq) rows.push_back(Event(seq));
  Rehash(rows, GenesisHash());
  return rows;
}

TEST(GenesisHash, LooksLikeAHashAndIsStable) {
  EXPECT_EQ(GenesisHash().size(), 64u);
  EXPECT_EQ(GenesisHash(), GenesisHash());
}

TEST(ChainHash, IsHexSha256AndIgnoresTheStoredHash) {
  AuditRow row = Chain(1)[0];
  const std::string hash = ChainHash(row);
  EXPECT_EQ(hash.size(), 64u);
  EXPECT_EQ(hash.find_first_not_of("0123456789abcdef"), std::string::npos);
  row.hash = "something else";
  EXPECT_EQ(ChainHash(row), hash);
}

struct FieldEdit {
  std::string field;
  std::function<void(AuditRow&)> edit;
};

// One edit per field the hash must cover.
std::vector<FieldEdit> EveryFieldEdit() {
  return {
      {"seq", [](AuditRow& r) { r.seq += 1; }},
      {"event_time",
       [](AuditRow& r) { r.event_time += absl::Microseconds(1); }},
      {"actor", [](AuditRow& r) { r.actor += "x"; }},
      {"actor_role", [](AuditRow& r) { r.actor_role = 1; }},
      {"action", [](AuditRow& r) { r.action = "DeletePatient"; }},
      {"resource", [](AuditRow& r) { r.resource = "patients/other"; }},
      {"patient", [](AuditRow& r) { r.patient = ""; }},
      {"outcome", [](AuditRow& r) { r.outcome = 2; }},
      {"status_code", [](AuditRow& r) { r.status_code = "PERMISSION_DENIED"; }},
      {"request_id", [](AuditRow& r) { r.request_id = "req-forged"; }},
      {"peer", [](AuditRow& r) { r.peer = "ipv4:10.0.0.8:51234"; }},
      {"prev_hash", [](AuditRow& r) { r.prev_hash = GenesisHash(); }},
  };
}

TEST(ChainHash, ChangesWhenAnyFieldChanges) {
  const AuditRow original = Chain(2)[1];
  for (const FieldEdit& e : EveryFieldEdit()) {
    AuditRow edited = original;
    e.edit(edited);
    EXPECT_NE(ChainHash(edited), ChainHash(original)) << e.field;
  }
}

TEST(VerifyChain, AcceptsAnIntactChain) {
  EXPECT_EQ(VerifyChain(Chain(5), GenesisHash(), 1), std::nullopt);
  EXPECT_EQ(VerifyChain({}, GenesisHash(), 1), std::nullopt);
}

TEST(VerifyChain, AcceptsATailGivenItsPredecessor) {
  const std::vector<AuditRow> rows = Chain(5);
  const std::vector<AuditRow> tail(rows.begin() + 2, rows.end());
  EXPECT_EQ(VerifyChain(tail, rows[1].hash, 3), std::nullopt);
  const auto wrong_start = VerifyChain(tail, GenesisHash(), 3);
  ASSERT_TRUE(wrong_start.has_value());
  EXPECT_EQ(wrong_start->seq, 3);
}

TEST(VerifyChain, FindsAnEditedFieldAtItsEvent) {
  for (const FieldEdit& e : EveryFieldEdit()) {
    if (e.field == "seq" || e.field == "prev_hash") continue;  // below
    std::vector<AuditRow> rows = Chain(5);
    e.edit(rows[2]);
    const auto broken = VerifyChain(rows, GenesisHash(), 1);
    ASSERT_TRUE(broken.has_value()) << e.field;
    EXPECT_EQ(broken->seq, 3) << e.field;
    EXPECT_THAT(broken->problem, HasSubstr("edited")) << e.field;
  }
}

TEST(VerifyChain, ARehashedEditBreaksTheNextLink) {
  // Whoever edits a row and recomputes its hash still breaks the link of
  // the event after it.
  std::vector<AuditRow> rows = Chain(5);
  rows[2].action = "ReadPatient";
  rows[2].hash = ChainHash(rows[2]);
  const auto broken = VerifyChain(rows, GenesisHash(), 1);
  ASSERT_TRUE(broken.has_value());
  EXPECT_EQ(broken->seq, 4);
  EXPECT_THAT(broken->problem, HasSubstr("previous"));
}

TEST(VerifyChain, FindsAWrongPrevHashLink) {
  std::vector<AuditRow> rows = Chain(5);
  rows[3].prev_hash = rows[1].hash;
  rows[3].hash = ChainHash(rows[3]);
  const auto broken = VerifyChain(rows, GenesisHash(), 1);
  ASSERT_TRUE(broken.has_value());
  EXPECT_EQ(broken->seq, 4);
  EXPECT_THAT(broken->problem, HasSubstr("previous"));
}

TEST(VerifyChain, FindsAGapInSeq) {
  std::vector<AuditRow> rows = Chain(5);
  rows.erase(rows.begin() + 2);  // event 3 deleted
  const auto broken = VerifyChain(rows, GenesisHash(), 1);
  ASSERT_TRUE(broken.has_value());
  EXPECT_EQ(broken->seq, 4);
  EXPECT_THAT(broken->problem, HasSubstr("expected event 3"));
  EXPECT_THAT(broken->problem, HasSubstr("missing"));
}

TEST(VerifyChain, FindsAGapEvenWhenTheChainIsRelinked) {
  std::vector<AuditRow> rows = Chain(5);
  rows.erase(rows.begin() + 2);
  Rehash(rows, GenesisHash());
  const auto broken = VerifyChain(rows, GenesisHash(), 1);
  ASSERT_TRUE(broken.has_value());
  EXPECT_EQ(broken->seq, 4);
}

TEST(VerifyChain, FindsReorderedRows) {
  std::vector<AuditRow> rows = Chain(5);
  std::swap(rows[1], rows[2]);
  const auto broken = VerifyChain(rows, GenesisHash(), 1);
  ASSERT_TRUE(broken.has_value());
  EXPECT_EQ(broken->seq, 3);
}

TEST(VerifyChain, FindsReorderedRowsWithRenumberedSeqs) {
  // Swapped and renumbered so the seqs look right: the links give it away.
  std::vector<AuditRow> rows = Chain(5);
  std::swap(rows[1], rows[2]);
  rows[1].seq = 2;
  rows[2].seq = 3;
  for (AuditRow* row : {&rows[1], &rows[2]}) row->hash = ChainHash(*row);
  const auto broken = VerifyChain(rows, GenesisHash(), 1);
  ASSERT_TRUE(broken.has_value());
  EXPECT_EQ(broken->seq, 2);
}

TEST(VerifyChain, FindsAChainStartingElsewhere) {
  const auto broken = VerifyChain(Chain(3), GenesisHash(), 2);
  ASSERT_TRUE(broken.has_value());
  EXPECT_EQ(broken->seq, 1);
}

struct Collision {
  std::string label;
  std::function<void(AuditRow&)> first;
  std::function<void(AuditRow&)> second;
};

class FieldBoundaries : public ::testing::TestWithParam<Collision> {};

// Two events whose fields concatenate to the same text must still differ.
TEST_P(FieldBoundaries, DoNotCollide) {
  AuditRow a = Event(1), b = Event(1);
  a.prev_hash = b.prev_hash = GenesisHash();
  GetParam().first(a);
  GetParam().second(b);
  EXPECT_NE(ChainHash(a), ChainHash(b));
}

INSTANTIATE_TEST_SUITE_P(
    Pairs, FieldBoundaries,
    ::testing::Values(
        Collision{"actor_action",
                  [](AuditRow& r) { r.actor = "ab", r.action = "c"; },
                  [](AuditRow& r) { r.actor = "a", r.action = "bc"; }},
        Collision{
            "resource_patient",
            [](AuditRow& r) { r.resource = "patients/p1", r.patient = ""; },
            [](AuditRow& r) { r.resource = "", r.patient = "patients/p1"; }},
        Collision{"action_resource",
                  [](AuditRow& r) { r.action = "ab", r.resource = "c"; },
                  [](AuditRow& r) { r.action = "a", r.resource = "bc"; }},
        // A plain separator could be forged from inside a field.
        Collision{"separator_in_field",
                  [](AuditRow& r) { r.resource = "a;", r.patient = "b"; },
                  [](AuditRow& r) { r.resource = "a", r.patient = ";b"; }},
        Collision{"length_prefix_in_field",
                  [](AuditRow& r) {
                    r.request_id = "x;4:peer";
                    r.peer = "p";
                  },
                  [](AuditRow& r) {
                    r.request_id = "x";
                    r.peer = "4:peer;1:p";
                  }},
        Collision{"adjacent_numbers",
                  [](AuditRow& r) {
                    r.seq = 1;
                    r.event_time = absl::FromUnixMicros(23);
                  },
                  [](AuditRow& r) {
                    r.seq = 12;
                    r.event_time = absl::FromUnixMicros(3);
                  }},
        Collision{"outcome_status",
                  [](AuditRow& r) { r.outcome = 1, r.status_code = "2OK"; },
                  [](AuditRow& r) { r.outcome = 12, r.status_code = "OK"; }}),
    [](const auto& info) { return info.param.label; });

}  // namespace
}  // namespace corebalance::access
