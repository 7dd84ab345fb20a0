#include "services/common/validation.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace corebalance {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

std::string Repeat(absl::string_view piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out.append(piece.data(), piece.size());
  return out;
}

// Text checks, limited to 5 code points: 'é' is 2 bytes, '€' 3, '😀' 4.
struct TextCase {
  std::string label;
  std::string value;
  // Empty: valid. Otherwise a piece of the expected description.
  std::string problem;
};

class RequiredText : public ::testing::TestWithParam<TextCase> {};

TEST_P(RequiredText, ReportsTheExpectedProblem) {
  FieldViolations out;
  CheckRequiredText("patient.family_name", GetParam().value, 5, out);
  if (GetParam().problem.empty()) {
    EXPECT_THAT(out, IsEmpty());
  } else {
    ASSERT_THAT(out, SizeIs(1));
    EXPECT_EQ(out[0].field, "patient.family_name");
    EXPECT_THAT(out[0].description, HasSubstr(GetParam().problem));
  }
}

const auto kLengthAndEncodingCases = ::testing::Values(
    TextCase{"one_char", "a", ""}, TextCase{"five_ascii", "abcde", ""},
    TextCase{"six_ascii", "abcdef", "at most 5"},
    TextCase{"padded_five", " abc ", ""},
    TextCase{"five_two_byte", Repeat("\xc3\xa9", 5), ""},
    TextCase{"six_two_byte", Repeat("\xc3\xa9", 6), "at most 5"},
    TextCase{"five_three_byte", Repeat("\xe2\x82\xac", 5), ""},
    TextCase{"five_four_byte", Repeat("\xf0\x9f\x98\x80", 5), ""},
    TextCase{"six_four_byte", Repeat("\xf0\x9f\x98\x80", 6), "at most 5"},
    TextCase{"lone_ff", "ab\xff", "UTF-8"},
    TextCase{"stray_continuation",
             "a\x80"
             "b",
             "UTF-8"},
    TextCase{"truncated_two_byte", "ab\xc3", "UTF-8"},
    TextCase{"truncated_three_byte", "\xe2\x82", "UTF-8"},
    TextCase{"bad_continuation", "\xc3(", "UTF-8"},
    TextCase{"overlong_nul", std::string("\xc0\x80"), "UTF-8"},
    TextCase{"surrogate", "\xed\xa0\x80", "UTF-8"},
    TextCase{"above_max_code_point", "\xf5\x80\x80\x80", "UTF-8"},
    TextCase{"five_byte_lead", "\xf8\x88\x80\x80\x80", "UTF-8"});

INSTANTIATE_TEST_SUITE_P(
    Blank, RequiredText,
    ::testing::Values(TextCase{"empty", "", "required"},
                      TextCase{"spaces", "   ", "required"},
                      TextCase{"mixed_whitespace", " \t\r\n ", "required"}),
    [](const auto& info) { return info.param.label; });
INSTANTIATE_TEST_SUITE_P(LengthAndEncoding, RequiredText,
                         kLengthAndEncodingCases,
                         [](const auto& info) { return info.param.label; });

class OptionalText : public ::testing::TestWithParam<TextCase> {};

TEST_P(OptionalText, ReportsTheExpectedProblem) {
  FieldViolations out;
  CheckOptionalText("patient.notes", GetParam().value, 5, out);
  if (GetParam().problem.empty()) {
    EXPECT_THAT(out, IsEmpty());
  } else {
    ASSERT_THAT(out, SizeIs(1));
    EXPECT_EQ(out[0].field, "patient.notes");
    EXPECT_THAT(out[0].description, HasSubstr(GetParam().problem));
  }
}

INSTANTIATE_TEST_SUITE_P(Empty, OptionalText,
                         ::testing::Values(TextCase{"empty", "", ""}),
                         [](const auto& info) { return info.param.label; });
INSTANTIATE_TEST_SUITE_P(LengthAndEncoding, OptionalText,
                         kLengthAndEncodingCases,
                         [](const auto& info) { return info.param.label; });

TEST(TextChecks, TooLongNamesTheActualLengthInCodePoints) {
  FieldViolations out;
  CheckRequiredText("name", Repeat("\xc3\xa9", 7), 5, out);
  ASSERT_THAT(out, SizeIs(1));
  EXPECT_THAT(out[0].description, HasSubstr("got 7"));
}

TEST(TextChecks, AppendToEarlierViolations) {
  FieldViolations out = {{"earlier", "was wrong"}};
  CheckRequiredText("a", "", 10, out);
  CheckOptionalText("b", "toolongvalue", 3, out);
  CheckOptionalEmail("c", "nope", out);
  CheckRequestId("has space", out);
  ASSERT_THAT(out, SizeIs(5));
  EXPECT_EQ(out[0].field, "earlier");
  EXPECT_EQ(out[1].field, "a");
  EXPECT_EQ(out[2].field, "b");
  EXPECT_EQ(out[3].field, "c");
  EXPECT_EQ(out[4].field, "request_id");
}

class GoodEmail : public ::testing::TestWithParam<std::string> {};

TEST_P(GoodEmail, IsAccepted) {
  FieldViolations out;
  CheckOptionalEmail("patient.email", GetParam(), out);
  EXPECT_THAT(out, IsEmpty()) << GetParam();
}

INSTANTIATE_TEST_SUITE_P(Emails, GoodEmail,
                         ::testing::Values("", "a@b.co", "jane.doe@example.com",
                                           "jane+pt@mail.example.org",
                                           "x_y-z@sub-domain.example.com",
                                           // 64 + 1 + 255 = 320 characters.
                                           Repeat("a", 64) + "@" +
                                               Repeat("b", 251) + ".com"));

class BadEmail : public ::testing::TestWithParam<std::string> {};

TEST_P(BadEmail, IsRefusedOnItsField) {
  FieldViolations out;
  CheckOptionalEmail("patient.email", GetParam(), out);
  ASSERT_THAT(out, SizeIs(1)) << GetParam();
  EXPECT_EQ(out[0].field, "patient.email");
}

INSTANTIATE_TEST_SUITE_P(
    Emails, BadEmail,
    ::testing::Values("jane", "jane.example.com", "@example.com", "jane@",
                      "jane@example", "jane@.com", "jane@example.",
                      "jane@@example.com", "a@b@example.com",
                      "jane doe@example.com", "jane@exa mple.com",
                      " jane@example.com", "jane@example.com\n",
                      "jane\t@example.com", "<jane@example.com>",
                      "a@example.com,b@example.com",
                      "a@example.com;b@example.com", "jane,doe@example.com",
                      Repeat("a", 65) + "@" + Repeat("b", 251) + ".com"));

TEST(RequestId, EmptyAndTypicalIdsAreAccepted) {
  for (const std::string& id :
       {std::string(), std::string("123e4567-e89b-12d3-a456-426614174000"),
        std::string("a"), Repeat("x", 100), std::string("!~{}")}) {
    FieldViolations out;
    CheckRequestId(id, out);
    EXPECT_THAT(out, IsEmpty()) << id;
  }
}

TEST(RequestId, TooLongOrUnprintableIsRefused) {
  for (const std::string& id :
       {Repeat("x", 101), std::string("has space"), std::string("tab\there"),
        std::string("new\nline"), std::string("caf\xc3\xa9"),
        std::string("del\x7f"), std::string("nul\0x", 5)}) {
    FieldViolations out;
    CheckRequestId(id, out);
    ASSERT_THAT(out, SizeIs(1)) << id;
    EXPECT_EQ(out[0].field, "request_id");
  }
}

struct NameCase {
  std::string name;
  std::string collection;
  std::string id;  // empty: not a name of that collection
};

class IdFromNameTest : public ::testing::TestWithParam<NameCase> {};

TEST_P(IdFromNameTest, ExtractsTheIdOnlyFromWellFormedNames) {
  EXPECT_EQ(IdFromName(GetParam().name, GetParam().collection), GetParam().id)
      << GetParam().name << " in " << GetParam().collection;
}

INSTANTIATE_TEST_SUITE_P(
    Names, IdFromNameTest,
    ::testing::Values(
        NameCase{"patients/k3j9x0a1b2c3d4e5", "patients", "k3j9x0a1b2c3d4e5"},
        NameCase{"exercises/bird-dog", "exercises", "bird-dog"},
        NameCase{"patients/" + Repeat("a", 63), "patients", Repeat("a", 63)},
        NameCase{"patients/" + Repeat("a", 64), "patients", ""},
        NameCase{"patients/abc", "staffMembers", ""},
        NameCase{"patientsx/abc", "patients", ""},
        NameCase{"patients/", "patients", ""},
        NameCase{"patients", "patients", ""},
        NameCase{"patients:abc", "patients", ""},
        NameCase{"/patients/abc", "patients", ""},
        NameCase{"patients/abc/plans/def", "patients", ""},
        NameCase{"patients/ABC", "patients", ""},
        NameCase{"patients/a_b", "patients", ""},
        NameCase{"patients/a b", "patients", ""},
        NameCase{"", "patients", ""}));

}  // namespace
}  // namespace corebalance

namespace corebalance {
namespace {

TEST(ControlCharacters, AreRefusedInTextButTabsAndLineBreaksAreNot) {
  FieldViolations out;
  CheckRequiredText("note", std::string("call back\0later", 15), 100, out);
  CheckOptionalText("notes", "line one\x1b[31m", 100, out);
  CheckOptionalText("notes", "C1 \xc2\x85 control", 100, out);
  ASSERT_THAT(out, SizeIs(3));
  for (const auto& v : out) EXPECT_THAT(v.description, HasSubstr("control"));
  out.clear();
  CheckOptionalText("notes", "first line\nsecond\tcolumn\r\n", 100, out);
  EXPECT_THAT(out, IsEmpty());
}

TEST(ControlCharacters, NamesAreOneLine) {
  FieldViolations out;
  CheckRequiredName("patient.given_name", "Ana\nDROP", 100, out);
  CheckOptionalName("display_name", "tab\there", 100, out);
  CheckRequiredName("patient.family_name", std::string("Ng\0", 3), 100, out);
  ASSERT_THAT(out, SizeIs(3));
  EXPECT_EQ(out[0].field, "patient.given_name");
  EXPECT_THAT(out[0].description, HasSubstr("one line"));
  EXPECT_THAT(out[2].description, HasSubstr("control"));
  out.clear();
  CheckRequiredName("patient.given_name", "Zoë O'Brien-Núñez", 100, out);
  EXPECT_THAT(out, IsEmpty());
}

TEST(Timestamps, OutOfRangeNanosOrSecondsAreRefused) {
  FieldViolations out;
  google::protobuf::Timestamp ts;
  ts.set_seconds(1767225600);
  ts.set_nanos(2000000000);  // would shift the time by 2 s
  EXPECT_FALSE(CheckTimestamp("session.perform_time", ts, out));
  ts.set_nanos(-1);
  EXPECT_FALSE(CheckTimestamp("session.perform_time", ts, out));
  ts.set_nanos(0);
  ts.set_seconds(253402300800);  // 10000-01-01
  EXPECT_FALSE(CheckTimestamp("end_time", ts, out));
  ASSERT_THAT(out, SizeIs(3));
  EXPECT_EQ(out[0].field, "session.perform_time");
  EXPECT_THAT(out[0].description, HasSubstr("nanos"));
  EXPECT_EQ(out[2].field, "end_time");
  out.clear();
  ts.set_seconds(1767225600);
  ts.set_nanos(999999999);
  EXPECT_TRUE(CheckTimestamp("end_time", ts, out));
  EXPECT_THAT(out, IsEmpty());
}

}  // namespace
}  // namespace corebalance
