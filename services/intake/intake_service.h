#ifndef COREBALANCE_SERVICES_INTAKE_INTAKE_SERVICE_H_
#define COREBALANCE_SERVICES_INTAKE_INTAKE_SERVICE_H_

#include <string>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "corebalance/v1/intake.grpc.pb.h"
#include "services/common/field_violation.h"
#include "services/common/service_kit.h"
#include "services/intake/assessment_store.h"
#include "services/intake/patient_store.h"
#include "services/intake/scoring/scoring_policy.h"
#include "services/intake/staff_directory.h"

namespace corebalance::intake {

// corebalance.v1.IntakeService: patients and their scored intake
// assessments. Handlers for patients are in patient_handlers.cc, for
// assessments in assessment_handlers.cc.
class IntakeServiceImpl final : public v1::IntakeService::CallbackService {
 public:
  IntakeServiceImpl(ServiceKit* kit, PatientStore* patients,
                    AssessmentStore* assessments, ScoringPolicy policy,
                    absl::TimeZone clinic_zone)
      : kit_(kit),
        patients_(patients),
        assessments_(assessments),
        policy_(policy),
        clinic_zone_(clinic_zone) {}

  // Call before the kit is wired (calls wait for that).
  void SetStaffDirectory(StaffDirectory* staff) { staff_ = staff; }

  grpc::ServerUnaryReactor* CreatePatient(
      grpc::CallbackServerContext* context,
      const v1::CreatePatientRequest* request, v1::Patient* response) override;
  grpc::ServerUnaryReactor* GetPatient(grpc::CallbackServerContext* context,
                                       const v1::GetPatientRequest* request,
                                       v1::Patient* response) override;
  grpc::ServerUnaryReactor* ListPatients(
      grpc::CallbackServerContext* context,
      const v1::ListPatientsRequest* request,
      v1::ListPatientsResponse* response) override;
  grpc::ServerUnaryReactor* UpdatePatient(
      grpc::CallbackServerContext* context,
      const v1::UpdatePatientRequest* request, v1::Patient* response) override;
  grpc::ServerUnaryReactor* ArchivePatient(
      grpc::CallbackServerContext* context,
      const v1::ArchivePatientRequest* request, v1::Patient* response) override;
  grpc::ServerUnaryReactor* RestorePatient(
      grpc::CallbackServerContext* context,
      const v1::RestorePatientRequest* request, v1::Patient* response) override;

  grpc::ServerUnaryReactor* SubmitAssessment(
      grpc::CallbackServerContext* context,
      const v1::SubmitAssessmentRequest* request,
      v1::Assessment* response) override;
  grpc::ServerUnaryReactor* GetAssessment(
      grpc::CallbackServerContext* context,
      const v1::GetAssessmentRequest* request,
      v1::Assessment* response) override;
  grpc::ServerUnaryReactor* ListAssessments(
      grpc::CallbackServerContext* context,
      const v1::ListAssessmentsRequest* request,
      v1::ListAssessmentsResponse* response) override;

 private:
  absl::CivilDay Today() const;
  // Appends a violation on `field` unless `staff_id` is an active
  // practitioner (or admin) of the caller's clinic. UNAVAILABLE when the
  // access service cannot tell.
  absl::Status CheckPractitioner(const RpcCall& call,
                                 const std::string& staff_id,
                                 const std::string& field,
                                 FieldViolations& out);
  // Archive and restore.
  absl::Status SetState(RpcCall& call, const std::string& name,
                        const std::string& etag, v1::Patient::State state,
                        v1::Patient* response);

  ServiceKit* kit_;
  PatientStore* patients_;
  AssessmentStore* assessments_;
  const ScoringPolicy policy_;
  const absl::TimeZone clinic_zone_;
  StaffDirectory* staff_ = nullptr;
};

}  // namespace corebalance::intake

#endif  // COREBALANCE_SERVICES_INTAKE_INTAKE_SERVICE_H_
