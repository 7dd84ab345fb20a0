#include "clients/cli/names.h"

#include "clients/cli/cli_context.h"

namespace corebalance::cli {

std::string ResourceName(const std::string& collection,
                         const std::string& id_or_name) {
  if (id_or_name.empty()) {
    throw CliError(kExitUsage, "missing " + collection + " name or id");
  }
  const std::string prefix = collection + "/";
  return id_or_name.rfind(prefix, 0) == 0 ? id_or_name : prefix + id_or_name;
}

std::string PatientChildName(const std::string& patient,
                             const std::string& collection,
                             const std::string& id_or_name) {
  if (id_or_name.rfind("patients/", 0) == 0) return id_or_name;
  if (id_or_name.find("/" + collection + "/") != std::string::npos) {
    return "patients/" + id_or_name;
  }
  if (patient.empty()) {
    throw CliError(kExitUsage,
                   "name the patient too: --patient ID, or give "
                   "the full name patients/ID/" +
                       collection + "/" + id_or_name);
  }
  return ResourceName("patients", patient) + "/" + collection + "/" +
         id_or_name;
}

}  // namespace corebalance::cli
