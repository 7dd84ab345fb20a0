#ifndef COREBALANCE_SERVICES_COMMON_RESOURCE_ID_H_
#define COREBALANCE_SERVICES_COMMON_RESOURCE_ID_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace corebalance {

// A new opaque resource id: 16 random characters from [a-z0-9] (AIP-122),
// unguessable so that ids leak nothing about other records.
std::string NewResourceId();

// True for ids NewResourceId could have made or a catalogue slug
// (lower-case letters, digits and hyphens, 1..63 characters).
bool IsValidResourceId(absl::string_view id);

// The id at the end of a resource name ("patients/p/plans/x" -> "x"); a bare
// id as it is (request ids recorded before names were).
std::string LastSegment(absl::string_view name);

// "clinics/{id}" <-> id. 0 when the name is malformed.
std::string ClinicName(int64_t clinic_id);
int64_t ClinicIdFromName(absl::string_view name);

}  // namespace corebalance

#endif  // COREBALANCE_SERVICES_COMMON_RESOURCE_ID_H_
