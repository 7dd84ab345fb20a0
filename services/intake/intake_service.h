#ifndef COREBALANCE_SERVICES_INTAKE_INTAKE_SERVICE_H_
#define COREBALANCE_SERVICES_INTAKE_INTAKE_SERVICE_H_

// corebalance.v1.IntakeService: patients and their scored intake
// assessments. The handlers live in handlers/: patient_handlers.cc
// (create, read, update, archive, restore) and assessment_handlers.cc
// (submit, read). Writes go through the use cases in use_cases/; reads go
// to the repositories directly.

#include <string>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "corebalance/v1/intake.grpc.pb.h"
#include "services/common/field_violation.h"
#include "services/common/service_kit.h"
#include "services/intake/repositories/assessment_repository.h"
#include "services/intake/repositories/patient_repository.h"
#include "services/intake/staff_directory.h"
#include "services/intake/use_cases/create_patient.h"
#include "services/intake/use_cases/submit_assessment.h"
#include "services/intake/use_cases/update_patient.h"

namespace corebalance::intake {

class IntakeServiceImpl final : public v1::IntakeService::CallbackService {
 public:
  // The workflows that change something (named in full: the RPCs share
  // their names).
  struct UseCases {
    intake::CreatePatient* create_patient;
    intake::UpdatePatient* update_patient;
    intake::SubmitAssessment* submit_assessment;
  };

  IntakeServiceImpl(ServiceKit* kit, PatientRepository* patients,
                    AssessmentRepository* assessments, UseCases use_cases,
                    absl::TimeZone clinic_zone)
      : kit_(kit),
        patients_(patients),
        assessments_(assessments),
        create_patient_(use_cases.create_patient),
        update_patient_(use_cases.update_patient),
        submit_assessment_(use_cases.submit_assessment),
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
  PatientRepository* patients_;
  AssessmentRepository* assessments_;
  intake::CreatePatient* create_patient_;
  intake::UpdatePatient* update_patient_;
  intake::SubmitAssessment* submit_assessment_;
  const absl::TimeZone clinic_zone_;
  StaffDirectory* staff_ = nullptr;
};

}  // namespace corebalance::intake

#endif  // COREBALANCE_SERVICES_INTAKE_INTAKE_SERVICE_H_
