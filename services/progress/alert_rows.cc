#include "services/progress/alert_rows.h"

#include "absl/strings/str_cat.h"
#include "services/common/resource_id.h"
#include "services/common/sql_time.h"

namespace corebalance::progress {

v1::Alert::Kind ToProtoKind(AlertKind kind) {
  switch (kind) {
    case AlertKind::kPainFlare:
      return v1::Alert::KIND_PAIN_FLARE;
    case AlertKind::kWorsening:
      return v1::Alert::KIND_WORSENING;
    case AlertKind::kNonAdherence:
      return v1::Alert::KIND_NON_ADHERENCE;
    case AlertKind::kLowAdherence:
      return v1::Alert::KIND_LOW_ADHERENCE;
  }
  return v1::Alert::KIND_UNSPECIFIED;
}

StoredAlert NewAlertRow(const Alert& alert, int64_t clinic_id,
                        const std::string& patient_id) {
  StoredAlert a;
  a.id = NewResourceId();
  a.clinic_id = clinic_id;
  a.patient_id = patient_id;
  a.kind = ToProtoKind(alert.kind);
  a.cause_key = alert.cause_key;
  a.message = alert.message;
  a.state = v1::Alert::STATE_OPEN;
  a.create_time = NowMicros();
  return a;
}

std::string AlertName(const std::string& patient_id, const std::string& id) {
  return absl::StrCat("patients/", patient_id, "/alerts/", id);
}

v1::Alert ToProto(const StoredAlert& a) {
  v1::Alert out;
  out.set_name(AlertName(a.patient_id, a.id));
  out.set_kind(static_cast<v1::Alert::Kind>(a.kind));
  out.set_cause(a.cause_key);
  out.set_message(a.message);
  out.set_state(static_cast<v1::Alert::State>(a.state));
  *out.mutable_create_time() = ToProtoTime(a.create_time);
  if (a.acknowledge_time) {
    *out.mutable_acknowledge_time() = ToProtoTime(*a.acknowledge_time);
  }
  out.set_acknowledged_by(a.acknowledged_by);
  out.set_acknowledge_note(a.acknowledge_note);
  return out;
}

}  // namespace corebalance::progress
