#include "services/intake/patient_fields.h"

#include "absl/strings/str_cat.h"
#include "services/common/validation.h"
#include "services/intake/dates.h"

namespace corebalance::intake {
namespace {

constexpr size_t kMaxNameChars = 200;
constexpr size_t kMaxPhoneChars = 40;

struct FieldName {
  PatientField field;
  const char* name;
};
constexpr FieldName kFieldNames[] = {
    {PatientField::kGivenName, "given_name"},
    {PatientField::kFamilyName, "family_name"},
    {PatientField::kBirthDate, "birth_date"},
    {PatientField::kSex, "sex"},
    {PatientField::kPhone, "phone"},
    {PatientField::kEmail, "email"},
    {PatientField::kAssignedPractitioner, "assigned_practitioner"},
};

void CheckPhone(const std::string& phone, FieldViolations& out) {
  if (phone.empty()) return;
  bool has_digit = false;
  bool allowed = phone.size() <= kMaxPhoneChars;
  for (char ch : phone) {
    has_digit = has_digit || (ch >= '0' && ch <= '9');
    allowed = allowed && ((ch >= '0' && ch <= '9') || ch == ' ' || ch == '+' ||
                          ch == '-' || ch == '(' || ch == ')' || ch == '.');
  }
  if (!allowed || !has_digit) {
    out.push_back({"patient.phone",
                   absl::StrCat("must be at most ", kMaxPhoneChars,
                                " digits, spaces and + - ( ) . characters, "
                                "e.g. \"+1 (949) 555-0100\"")});
  }
}

}  // namespace

PatientFields AllPatientFields() {
  PatientFields all;
  for (const auto& f : kFieldNames) all.insert(f.field);
  return all;
}

std::string StaffIdFromName(const std::string& name, const std::string& field,
                            FieldViolations& out) {
  if (name.empty()) return {};
  std::string id = IdFromName(name, "staffMembers");
  if (id.empty()) {
    out.push_back({field, absl::StrCat("must be a staff member's name like "
                                       "\"staffMembers/abc123\", got \"",
                                       name, "\"")});
  }
  return id;
}

PatientRecord ReadPatientFields(const v1::Patient& patient,
                                const PatientFields& fields,
                                absl::CivilDay today, FieldViolations& out) {
  PatientRecord r;
  auto has = [&](PatientField f) { return fields.count(f) > 0; };
  if (has(PatientField::kGivenName)) {
    r.given_name = patient.given_name();
    CheckRequiredName("patient.given_name", r.given_name, kMaxNameChars, out);
  }
  if (has(PatientField::kFamilyName)) {
    r.family_name = patient.family_name();
    CheckRequiredName("patient.family_name", r.family_name, kMaxNameChars, out);
  }
  if (has(PatientField::kBirthDate)) {
    r.birth_date =
        DateFromProto(patient.birth_date(), "patient.birth_date", out);
    if (r.birth_date && *r.birth_date > today) {
      out.push_back({"patient.birth_date",
                     absl::StrCat("must not be in the future (today is ",
                                  absl::FormatCivilTime(today), ")")});
    }
  }
  if (has(PatientField::kSex)) {
    r.sex = patient.sex();
    if (!v1::Patient::Sex_IsValid(patient.sex())) {
      out.push_back(
          {"patient.sex", absl::StrCat("unknown value ", patient.sex())});
    }
  }
  if (has(PatientField::kPhone)) {
    r.phone = patient.phone();
    CheckPhone(r.phone, out);
  }
  if (has(PatientField::kEmail)) {
    r.email = patient.email();
    CheckOptionalEmail("patient.email", r.email, out);
  }
  if (has(PatientField::kAssignedPractitioner)) {
    r.assigned_practitioner_id = StaffIdFromName(
        patient.assigned_practitioner(), "patient.assigned_practitioner", out);
  }
  return r;
}

PatientFields ParseUpdateMask(const google::protobuf::FieldMask& mask,
                              FieldViolations& out) {
  PatientFields fields;
  if (mask.paths_size() == 0) {
    out.push_back(
        {"update_mask", "is required: name the fields to update, or \"*\""});
  }
  for (int i = 0; i < mask.paths_size(); ++i) {
    const std::string& path = mask.paths(i);
    if (path == "*") {
      fields = AllPatientFields();
      continue;
    }
    bool known = false;
    for (const auto& f : kFieldNames) {
      if (path == f.name) {
        fields.insert(f.field);
        known = true;
      }
    }
    if (!known) {
      out.push_back({absl::StrCat("update_mask.paths[", i, "]"),
                     absl::StrCat("\"", path,
                                  "\" is not an updatable field; updatable: "
                                  "given_name, family_name, birth_date, sex, "
                                  "phone, email, assigned_practitioner")});
    }
  }
  return fields;
}

void CopyPatientFields(const PatientRecord& from, const PatientFields& fields,
                       PatientRecord& to) {
  for (PatientField f : fields) {
    switch (f) {
      case PatientField::kGivenName:
        to.given_name = from.given_name;
        break;
      case PatientField::kFamilyName:
        to.family_name = from.family_name;
        break;
      case PatientField::kBirthDate:
        to.birth_date = from.birth_date;
        break;
      case PatientField::kSex:
        to.sex = from.sex;
        break;
      case PatientField::kPhone:
        to.phone = from.phone;
        break;
      case PatientField::kEmail:
        to.email = from.email;
        break;
      case PatientField::kAssignedPractitioner:
        to.assigned_practitioner_id = from.assigned_practitioner_id;
        break;
    }
  }
}

}  // namespace corebalance::intake
