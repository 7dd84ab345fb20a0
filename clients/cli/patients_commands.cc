// corebalance patients add|list|show|edit|archive|restore

#include <memory>

#include "clients/cli/commands.h"
#include "clients/cli/names.h"
#include "clients/cli/output.h"
#include "clients/cli/paging.h"
#include "clients/cli/parse_values.h"
#include "corebalance/v1/intake.grpc.pb.h"

namespace corebalance::cli {
namespace {

using v1::Patient;

struct PatientFlags {
  std::string id;
  std::string given_name, family_name, birth_date, sex, phone, email,
      practitioner;
  std::string request_id;
  // list
  std::string name_contains, state;
  Paging paging;
};

std::string PatientSex(const Patient& p) {
  return EnumWords(Patient::Sex_Name(p.sex()), "SEX_");
}

void PrintPatient(const CliContext& context, const Patient& p) {
  if (context.json()) return PrintJson(p);
  PrintDetails({{"Name", p.name()},
                {"Given name", p.given_name()},
                {"Family name", p.family_name()},
                {"Birth date", FormatDate(p.birth_date())},
                {"Sex", PatientSex(p)},
                {"Phone", p.phone()},
                {"Email", p.email()},
                {"Practitioner", p.assigned_practitioner()},
                {"State", EnumWords(Patient::State_Name(p.state()), "STATE_")},
                {"Created", FormatTime(p.create_time())},
                {"Updated", FormatTime(p.update_time())}});
}

// Adds the demographic flags shared by add and edit.
void AddDemographicFlags(CLI::App* c, PatientFlags& f) {
  c->add_option("--given-name", f.given_name, "Given (first) name");
  c->add_option("--family-name", f.family_name, "Family (last) name");
  c->add_option("--birth-date", f.birth_date, "Birth date YYYY-MM-DD");
  c->add_option("--sex", f.sex, "female|male|other|undisclosed")
      ->check(CLI::IsMember({"female", "male", "other", "undisclosed"}));
  c->add_option("--phone", f.phone, "Phone number");
  c->add_option("--email", f.email, "Email address");
  c->add_option("--practitioner", f.practitioner,
                "Assigned practitioner (staffMembers/ID or ID)");
}

// Copies the flags that were given into `p`, and their paths into `mask`.
void ApplyDemographics(CLI::App* c, const PatientFlags& f, Patient& p,
                       google::protobuf::FieldMask* mask) {
  auto given = [&](const char* flag, const char* path) {
    const bool set = c->count(flag) > 0;
    if (set && mask != nullptr) mask->add_paths(path);
    return set;
  };
  if (given("--given-name", "given_name")) p.set_given_name(f.given_name);
  if (given("--family-name", "family_name")) p.set_family_name(f.family_name);
  if (given("--birth-date", "birth_date")) {
    *p.mutable_birth_date() = ParseDate("--birth-date", f.birth_date);
  }
  if (given("--sex", "sex")) {
    Patient::Sex sex;
    Patient::Sex_Parse("SEX_" + UpperSnake(f.sex), &sex);
    p.set_sex(sex);
  }
  if (given("--phone", "phone")) p.set_phone(f.phone);
  if (given("--email", "email")) p.set_email(f.email);
  if (given("--practitioner", "assigned_practitioner")) {
    p.set_assigned_practitioner(
        f.practitioner.empty() ? ""
                               : ResourceName("staffMembers", f.practitioner));
  }
}

}  // namespace

void AddPatientsCommands(CLI::App& app, CliContext& context) {
  CLI::App* group =
      app.add_subcommand("patients", "Register and find patients");
  group->require_subcommand(1);
  group->footer(
      "Examples:\n"
      "  corebalance patients add --given-name Ana --family-name Ruiz "
      "--birth-date 1970-04-02\n"
      "  corebalance patients list --search ruiz\n"
      "  corebalance patients show abc123      (or patients/abc123)\n"
      "  corebalance patients edit abc123 --phone '+1 949 555 0100'");
  auto f = std::make_shared<PatientFlags>();

  CLI::App* add = group->add_subcommand("add", "Register a patient");
  AddDemographicFlags(add, *f);
  add->get_option("--given-name")->required();
  add->get_option("--family-name")->required();
  add->add_option("--request-id", f->request_id,
                  "Idempotency key: a retry with the same key creates nothing");
  add->callback([&context, f, add] {
    context.action = [&context, f, add] {
      Connection connection = Connect(context);
      auto stub = v1::IntakeService::NewStub(connection.channel());
      v1::CreatePatientRequest request;
      ApplyDemographics(add, *f, *request.mutable_patient(), nullptr);
      request.set_request_id(f->request_id);
      Patient patient;
      connection.Call(false, [&](grpc::ClientContext* c) {
        return stub->CreatePatient(c, request, &patient);
      });
      PrintPatient(context, patient);
    };
  });

  CLI::App* list =
      group->add_subcommand("list", "List patients (by family name)");
  list->add_option("--search", f->name_contains,
                   "Only names containing this (case-insensitive)");
  list->add_option("--state", f->state, "active (default) or archived")
      ->check(CLI::IsMember({"active", "archived"}));
  list->add_option("--practitioner", f->practitioner,
                   "Only patients of this practitioner");
  AddPagingFlags(list, f->paging);
  list->callback([&context, f] {
    context.action = [&context, f] {
      Connection connection = Connect(context);
      auto stub = v1::IntakeService::NewStub(connection.channel());
      v1::ListPatientsRequest request;
      request.set_name_contains(f->name_contains);
      if (f->state == "archived") request.set_state(Patient::STATE_ARCHIVED);
      if (!f->practitioner.empty()) {
        request.set_assigned_practitioner(
            ResourceName("staffMembers", f->practitioner));
      }
      auto all = FetchPages<v1::ListPatientsResponse>(
          connection, f->paging,
          [&](grpc::ClientContext* c, int size, const std::string& token,
              v1::ListPatientsResponse* out) {
            request.set_page_size(size);
            request.set_page_token(token);
            return stub->ListPatients(c, request, out);
          },
          [](v1::ListPatientsResponse* r) { return r->mutable_patients(); });
      if (context.json()) return PrintJson(all);
      Table table(
          {"ID", "FAMILY NAME", "GIVEN NAME", "BIRTH DATE", "SEX", "STATE"});
      for (const Patient& p : all.patients()) {
        table.AddRow({LastSegment(p.name()), p.family_name(), p.given_name(),
                      FormatDate(p.birth_date()), PatientSex(p),
                      EnumWords(Patient::State_Name(p.state()), "STATE_")});
      }
      table.Print("patients");
      PrintMoreHint(all.next_page_token());
    };
  });

  CLI::App* show = group->add_subcommand("show", "Show one patient");
  show->add_option("patient", f->id, "Patient id or patients/ID")->required();
  show->callback([&context, f] {
    context.action = [&context, f] {
      Connection connection = Connect(context);
      auto stub = v1::IntakeService::NewStub(connection.channel());
      v1::GetPatientRequest request;
      request.set_name(ResourceName("patients", f->id));
      Patient patient;
      connection.Call(true, [&](grpc::ClientContext* c) {
        return stub->GetPatient(c, request, &patient);
      });
      PrintPatient(context, patient);
    };
  });

  CLI::App* edit = group->add_subcommand(
      "edit", "Change a patient's details (only the flags given)");
  edit->add_option("patient", f->id, "Patient id or patients/ID")->required();
  AddDemographicFlags(edit, *f);
  edit->callback([&context, f, edit] {
    context.action = [&context, f, edit] {
      v1::UpdatePatientRequest request;
      request.mutable_patient()->set_name(ResourceName("patients", f->id));
      ApplyDemographics(edit, *f, *request.mutable_patient(),
                        request.mutable_update_mask());
      if (request.update_mask().paths_size() == 0) {
        throw CliError(kExitUsage,
                       "nothing to change: give at least one of "
                       "--given-name, --family-name, --birth-date, "
                       "--sex, --phone, --email, --practitioner");
      }
      Connection connection = Connect(context);
      auto stub = v1::IntakeService::NewStub(connection.channel());
      Patient patient;
      connection.Call(false, [&](grpc::ClientContext* c) {
        return stub->UpdatePatient(c, request, &patient);
      });
      PrintPatient(context, patient);
    };
  });

  for (const bool archive : {true, false}) {
    CLI::App* c = group->add_subcommand(
        archive ? "archive" : "restore",
        archive ? "Archive a patient (hidden from lists; nothing is deleted)"
                : "Restore an archived patient");
    c->add_option("patient", f->id, "Patient id or patients/ID")->required();
    c->callback([&context, f, archive] {
      context.action = [&context, f, archive] {
        Connection connection = Connect(context);
        auto stub = v1::IntakeService::NewStub(connection.channel());
        Patient patient;
        const std::string name = ResourceName("patients", f->id);
        connection.Call(false, [&](grpc::ClientContext* c) {
          if (archive) {
            v1::ArchivePatientRequest request;
            request.set_name(name);
            return stub->ArchivePatient(c, request, &patient);
          }
          v1::RestorePatientRequest request;
          request.set_name(name);
          return stub->RestorePatient(c, request, &patient);
        });
        PrintPatient(context, patient);
      };
    });
  }
}

}  // namespace corebalance::cli
