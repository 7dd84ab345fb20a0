// IntakeService's patient RPCs.

#include "absl/strings/str_cat.h"
#include "services/common/errors.h"
#include "services/common/page_token.h"
#include "services/common/status_macros.h"
#include "services/common/validation.h"
#include "services/intake/convert.h"
#include "services/intake/dates.h"
#include "services/intake/intake_service.h"
#include "services/intake/names.h"
#include "services/intake/patient_fields.h"

namespace corebalance::intake {
namespace {

#define INTAKE_METHOD(name) "corebalance.v1.IntakeService/" name
constexpr MethodSpec kCreatePatient{INTAKE_METHOD("CreatePatient"),
                                    Permission::kDemographicsWrite, true};
constexpr MethodSpec kGetPatient{INTAKE_METHOD("GetPatient"),
                                 Permission::kDemographicsRead, true};
constexpr MethodSpec kListPatients{INTAKE_METHOD("ListPatients"),
                                   Permission::kDemographicsRead, true};
constexpr MethodSpec kUpdatePatient{INTAKE_METHOD("UpdatePatient"),
                                    Permission::kDemographicsWrite, true};
constexpr MethodSpec kArchivePatient{INTAKE_METHOD("ArchivePatient"),
                                     Permission::kDemographicsWrite, true};
constexpr MethodSpec kRestorePatient{INTAKE_METHOD("RestorePatient"),
                                     Permission::kDemographicsWrite, true};
#undef INTAKE_METHOD

constexpr size_t kMaxFilterChars = 200;

// The patient id of `name`, or INVALID_ARGUMENT naming `field`.
absl::StatusOr<std::string> PatientIdOf(const std::string& name,
                                        const std::string& field) {
  std::string id = ParsePatientName(name);
  if (id.empty()) {
    return InvalidArgumentError(
        field, absl::StrCat("must be a patient name like \"patients/abc123\", "
                            "got \"",
                            name, "\""));
  }
  return id;
}

// The patient to name in the audit event: the request's, when well formed.
std::string AuditPatient(const std::string& name) {
  return ParsePatientName(name).empty() ? std::string() : name;
}

}  // namespace

absl::CivilDay IntakeServiceImpl::Today() const {
  return intake::Today(clinic_zone_);
}

absl::Status IntakeServiceImpl::CheckPractitioner(const RpcCall& call,
                                                  const std::string& staff_id,
                                                  const std::string& field,
                                                  FieldViolations& out) {
  CB_ASSIGN_OR_RETURN(auto member, staff_->Find(call.principal().clinic_id,
                                                staff_id, call.deadline()));
  std::string problem = PractitionerProblem(member);
  if (!problem.empty()) out.push_back({field, std::move(problem)});
  return absl::OkStatus();
}

grpc::ServerUnaryReactor* IntakeServiceImpl::CreatePatient(
    grpc::CallbackServerContext* context,
    const v1::CreatePatientRequest* request, v1::Patient* response) {
  return kit_->Unary(
      context, request, kCreatePatient,
      [=, this](RpcCall& call) -> absl::Status {
        call.SetRequestId(request->request_id());
        call.AuditResource("patients");
        FieldViolations violations;
        CheckRequestId(request->request_id(), violations);
        if (!request->has_patient()) {
          violations.push_back({"patient", "is required"});
          return InvalidArgumentError(violations);
        }
        PatientRecord patient = ReadPatientFields(
            request->patient(), AllPatientFields(), Today(), violations);
        if (!patient.assigned_practitioner_id.empty()) {
          CB_RETURN_IF_ERROR(
              CheckPractitioner(call, patient.assigned_practitioner_id,
                                "patient.assigned_practitioner", violations));
        }
        if (!violations.empty()) return InvalidArgumentError(violations);

        CreatePatientInput input;
        input.patient = std::move(patient);
        input.request_key = call.IdempotencyKey("");
        CB_ASSIGN_OR_RETURN(
            PatientRecord stored,
            create_patient_->Run(call.caller(), input, call.Change()));
        *response = ToProto(stored);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* IntakeServiceImpl::GetPatient(
    grpc::CallbackServerContext* context, const v1::GetPatientRequest* request,
    v1::Patient* response) {
  return kit_->Unary(
      context, request, kGetPatient, [=, this](RpcCall& call) -> absl::Status {
        call.AuditResource(request->name(), AuditPatient(request->name()));
        CB_ASSIGN_OR_RETURN(std::string id,
                            PatientIdOf(request->name(), "name"));
        CB_ASSIGN_OR_RETURN(
            PatientRecord patient,
            patients_->Get(call.principal().clinic_id, id, call.deadline()));
        *response = ToProto(patient);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* IntakeServiceImpl::ListPatients(
    grpc::CallbackServerContext* context,
    const v1::ListPatientsRequest* request,
    v1::ListPatientsResponse* response) {
  return kit_->Unary(
      context, request, kListPatients,
      [=, this](RpcCall& call) -> absl::Status {
        call.AuditResource("patients");
        FieldViolations violations;
        PatientFilter filter;
        filter.name_contains = request->name_contains();
        CheckOptionalText("name_contains", filter.name_contains,
                          kMaxFilterChars, violations);
        if (request->state() != v1::Patient::STATE_UNSPECIFIED) {
          filter.state = request->state();
          if (!v1::Patient::State_IsValid(request->state())) {
            violations.push_back(
                {"state", absl::StrCat("unknown value ", request->state())});
          }
        }
        filter.assigned_practitioner_id =
            StaffIdFromName(request->assigned_practitioner(),
                            "assigned_practitioner", violations);
        if (!violations.empty()) return InvalidArgumentError(violations);

        // Length-prefixed so that no two filter sets share a fingerprint.
        const std::string filters = absl::StrCat(
            filter.name_contains.size(), ":", filter.name_contains, "|",
            filter.state, "|", filter.assigned_practitioner_id);
        CB_ASSIGN_OR_RETURN(int page_size,
                            EffectivePageSize(request->page_size()));
        CB_ASSIGN_OR_RETURN(auto cursor, PatientCursorFromToken(
                                             request->page_token(), filters));
        CB_ASSIGN_OR_RETURN(
            std::vector<PatientRecord> patients,
            patients_->List(call.principal().clinic_id, filter, cursor,
                            page_size + 1, call.deadline()));
        if (patients.size() > static_cast<size_t>(page_size)) {
          patients.resize(page_size);
          response->set_next_page_token(
              PatientPageToken(patients.back(), filters));
        }
        // Who saw whose record: one event per patient shown (HIPAA).
        std::vector<std::string> disclosed;
        for (const auto& p : patients) {
          *response->add_patients() = ToProto(p);
          disclosed.push_back(PatientName(p.id));
        }
        call.Disclose(std::move(disclosed));
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* IntakeServiceImpl::UpdatePatient(
    grpc::CallbackServerContext* context,
    const v1::UpdatePatientRequest* request, v1::Patient* response) {
  return kit_->Unary(
      context, request, kUpdatePatient,
      [=, this](RpcCall& call) -> absl::Status {
        const v1::Patient& in = request->patient();
        call.AuditResource(in.name(), AuditPatient(in.name()));
        FieldViolations violations;
        const std::string id = ParsePatientName(in.name());
        if (id.empty()) {
          violations.push_back(
              {"patient.name", absl::StrCat("must be a patient name like "
                                            "\"patients/abc123\", got \"",
                                            in.name(), "\"")});
        }
        const PatientFields fields =
            ParseUpdateMask(request->update_mask(), violations);
        const PatientRecord values =
            ReadPatientFields(in, fields, Today(), violations);
        const std::string& staff_id = values.assigned_practitioner_id;
        if (!id.empty() && !staff_id.empty() &&
            fields.count(PatientField::kAssignedPractitioner)) {
          // Only a new assignment is checked: a practitioner disabled since
          // stays assigned until someone changes it.
          CB_ASSIGN_OR_RETURN(
              PatientRecord current,
              patients_->Get(call.principal().clinic_id, id, call.deadline()));
          if (current.assigned_practitioner_id != staff_id) {
            CB_RETURN_IF_ERROR(CheckPractitioner(
                call, staff_id, "patient.assigned_practitioner", violations));
          }
        }
        if (!violations.empty()) return InvalidArgumentError(violations);

        UpdatePatientInput input;
        input.patient_id = id;
        CB_ASSIGN_OR_RETURN(input.revision,
                            RevisionFromEtag(in.etag(), in.name()));
        input.fields = fields;
        input.values = values;
        CB_ASSIGN_OR_RETURN(
            PatientRecord updated,
            update_patient_->Run(call.caller(), input, call.Change()));
        *response = ToProto(updated);
        return absl::OkStatus();
      });
}

absl::Status IntakeServiceImpl::SetState(RpcCall& call, const std::string& name,
                                         const std::string& etag,
                                         v1::Patient::State state,
                                         v1::Patient* response) {
  call.AuditResource(name, AuditPatient(name));
  UpdatePatientInput input;
  CB_ASSIGN_OR_RETURN(input.patient_id, PatientIdOf(name, "name"));
  CB_ASSIGN_OR_RETURN(input.revision, RevisionFromEtag(etag, name));
  // Archiving an archived patient (or restoring an active one) changes
  // nothing and succeeds, so a retry is harmless.
  input.state = state;
  CB_ASSIGN_OR_RETURN(
      PatientRecord patient,
      update_patient_->Run(call.caller(), input, call.Change()));
  *response = ToProto(patient);
  return absl::OkStatus();
}

grpc::ServerUnaryReactor* IntakeServiceImpl::ArchivePatient(
    grpc::CallbackServerContext* context,
    const v1::ArchivePatientRequest* request, v1::Patient* response) {
  return kit_->Unary(context, request, kArchivePatient,
                     [=, this](RpcCall& call) {
                       return SetState(call, request->name(), request->etag(),
                                       v1::Patient::STATE_ARCHIVED, response);
                     });
}

grpc::ServerUnaryReactor* IntakeServiceImpl::RestorePatient(
    grpc::CallbackServerContext* context,
    const v1::RestorePatientRequest* request, v1::Patient* response) {
  return kit_->Unary(context, request, kRestorePatient,
                     [=, this](RpcCall& call) {
                       return SetState(call, request->name(), request->etag(),
                                       v1::Patient::STATE_ACTIVE, response);
                     });
}

}  // namespace corebalance::intake
