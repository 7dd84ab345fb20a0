#ifndef COREBALANCE_CLIENTS_CLI_NAMES_H_
#define COREBALANCE_CLIENTS_CLI_NAMES_H_

// Lets users name resources by id or by full resource name:
// "abc123" and "patients/abc123" are the same patient.

#include <string>

namespace corebalance::cli {

// Prefixes `collection/` unless `id_or_name` already starts with it.
// Throws CliError(kExitUsage) when empty.
std::string ResourceName(const std::string& collection,
                         const std::string& id_or_name);

// A child of a patient: "p1/plans/x", "patients/p1/plans/x", or "x" with the
// patient given separately.
std::string PatientChildName(const std::string& patient,
                             const std::string& collection,
                             const std::string& id_or_name);

}  // namespace corebalance::cli

#endif  // COREBALANCE_CLIENTS_CLI_NAMES_H_
