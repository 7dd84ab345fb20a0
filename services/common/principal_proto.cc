#include "services/common/principal_proto.h"

namespace corebalance {

Principal PrincipalFromIdentity(const v1::CallerIdentity& identity) {
  Principal p;
  p.clinic_id = ClinicIdFromName(identity.clinic());
  p.clinic_display_name = identity.clinic_display_name();
  p.name = identity.principal();
  p.display_name = identity.display_name();
  p.role = identity.role();
  p.scopes.assign(identity.scopes().begin(), identity.scopes().end());
  p.api_token = identity.api_token();
  return p;
}

v1::CallerIdentity IdentityFromPrincipal(const Principal& p) {
  v1::CallerIdentity identity;
  identity.set_clinic(ClinicName(p.clinic_id));
  identity.set_clinic_display_name(p.clinic_display_name);
  identity.set_principal(p.name);
  identity.set_display_name(p.display_name);
  identity.set_role(p.role);
  for (const auto& s : p.scopes) identity.add_scopes(s);
  identity.set_api_token(p.api_token);
  return identity;
}

}  // namespace corebalance
