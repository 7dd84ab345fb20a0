// corebalance admin staff add|list|disable, admin tokens issue|list|revoke,
// audit list

#include <iostream>
#include <memory>

#include "clients/cli/commands.h"
#include "clients/cli/names.h"
#include "clients/cli/output.h"
#include "clients/cli/paging.h"
#include "clients/cli/parse_values.h"
#include "corebalance/v1/access.grpc.pb.h"

namespace corebalance::cli {
namespace {

using v1::ApiToken;
using v1::StaffMember;

struct AdminFlags {
  std::string id, display_name, email, role, reason, staff_member, patient,
      actor;
  std::vector<std::string> scopes;
  bool show_all = false;
  Paging paging;
};

std::string RoleText(v1::Role role) {
  return EnumWords(v1::Role_Name(role), "ROLE_");
}

void PrintStaff(const CliContext& context, const StaffMember& s) {
  if (context.json()) return PrintJson(s);
  PrintDetails(
      {{"Name", s.name()},
       {"Display name", s.display_name()},
       {"Email", s.email()},
       {"Role", RoleText(s.role())},
       {"State", EnumWords(StaffMember::State_Name(s.state()), "STATE_")},
       {"Created", FormatTime(s.create_time())}});
}

void PrintToken(const CliContext& context, const ApiToken& t) {
  if (context.json()) return PrintJson(t);
  std::string scopes;
  for (const auto& s : t.scopes()) scopes += (scopes.empty() ? "" : ", ") + s;
  PrintDetails(
      {{"Name", t.name()},
       {"Display name", t.display_name()},
       {"Acts as", t.staff_member().empty() ? "integration" : t.staff_member()},
       {"Role", RoleText(t.role())},
       {"Scopes", scopes},
       {"State", EnumWords(ApiToken::State_Name(t.state()), "STATE_")},
       {"Prefix", t.secret_prefix()},
       {"Expires", FormatTime(t.expire_time())},
       {"Revoked", FormatTime(t.revoke_time())}});
}

void AddStaff(CLI::App* admin, CliContext& context,
              std::shared_ptr<AdminFlags> f) {
  CLI::App* staff = admin->add_subcommand("staff", "Staff accounts");
  staff->require_subcommand(1);
  staff->footer(
      "Examples:\n"
      "  corebalance admin staff add --name 'Dr. Lee' --role practitioner "
      "--email lee@example.org\n"
      "  corebalance admin staff list --all\n"
      "  corebalance admin staff disable STAFF_ID --reason 'left the clinic'");
  CLI::App* add = staff->add_subcommand("add", "Add a staff account");
  add->add_option("--name", f->display_name, "Full name")->required();
  add->add_option("--role", f->role, "admin|practitioner|front-desk")
      ->required()
      ->check(CLI::IsMember({"admin", "practitioner", "front-desk"}));
  add->add_option("--email", f->email, "Work email");
  add->callback([&context, f] {
    context.action = [&context, f] {
      v1::CreateStaffMemberRequest request;
      StaffMember* s = request.mutable_staff_member();
      s->set_display_name(f->display_name);
      s->set_email(f->email);
      v1::Role role;
      v1::Role_Parse("ROLE_" + UpperSnake(f->role), &role);
      s->set_role(role);
      Connection connection = Connect(context);
      auto stub = v1::AccessService::NewStub(connection.channel());
      StaffMember saved;
      connection.Call(false, [&](grpc::ClientContext* c) {
        return stub->CreateStaffMember(c, request, &saved);
      });
      PrintStaff(context, saved);
    };
  });
  CLI::App* list = staff->add_subcommand("list", "List staff accounts");
  list->add_flag("--show-disabled", f->show_all, "Include disabled accounts");
  AddPagingFlags(list, f->paging);
  list->callback([&context, f] {
    context.action = [&context, f] {
      Connection connection = Connect(context);
      auto stub = v1::AccessService::NewStub(connection.channel());
      v1::ListStaffMembersRequest request;
      request.set_show_disabled(f->show_all);
      auto all = FetchPages<v1::ListStaffMembersResponse>(
          connection, f->paging,
          [&](grpc::ClientContext* c, int size, const std::string& token,
              v1::ListStaffMembersResponse* out) {
            request.set_page_size(size);
            request.set_page_token(token);
            return stub->ListStaffMembers(c, request, out);
          },
          [](v1::ListStaffMembersResponse* r) {
            return r->mutable_staff_members();
          });
      if (context.json()) return PrintJson(all);
      Table table({"ID", "NAME", "ROLE", "EMAIL", "STATE"});
      for (const StaffMember& s : all.staff_members()) {
        table.AddRow({LastSegment(s.name()), s.display_name(),
                      RoleText(s.role()), s.email(),
                      EnumWords(StaffMember::State_Name(s.state()), "STATE_")});
      }
      table.Print("staff members");
      PrintMoreHint(all.next_page_token());
    };
  });
  CLI::App* disable = staff->add_subcommand(
      "disable", "Disable an account and revoke its tokens");
  disable->add_option("staff", f->id, "Staff id or staffMembers/ID")
      ->required();
  disable->add_option("--reason", f->reason, "Why, for the audit log");
  disable->callback([&context, f] {
    context.action = [&context, f] {
      v1::DisableStaffMemberRequest request;
      request.set_name(ResourceName("staffMembers", f->id));
      request.set_reason(f->reason);
      Connection connection = Connect(context);
      auto stub = v1::AccessService::NewStub(connection.channel());
      StaffMember saved;
      connection.Call(false, [&](grpc::ClientContext* c) {
        return stub->DisableStaffMember(c, request, &saved);
      });
      PrintStaff(context, saved);
    };
  });
}

void AddTokens(CLI::App* admin, CliContext& context,
               std::shared_ptr<AdminFlags> f) {
  CLI::App* tokens = admin->add_subcommand("tokens", "API tokens");
  tokens->require_subcommand(1);
  tokens->footer(
      "Examples:\n"
      "  corebalance admin tokens issue --name 'Dr. Lee laptop' "
      "--staff STAFF_ID\n"
      "  corebalance admin tokens issue --name 'Patient app' "
      "--scope sessions.write\n"
      "  corebalance admin tokens revoke TOKEN_ID");
  CLI::App* issue = tokens->add_subcommand(
      "issue", "Issue a token; its secret is shown once, on stdout");
  issue->add_option("--name", f->display_name, "What the token is for")
      ->required();
  issue->add_option("--staff", f->staff_member,
                    "Staff member it acts as (omit for an integration)");
  issue->add_option("--scope", f->scopes, "Integration scope (repeatable)");
  issue->callback([&context, f] {
    context.action = [&context, f] {
      v1::IssueApiTokenRequest request;
      ApiToken* t = request.mutable_api_token();
      t->set_display_name(f->display_name);
      if (!f->staff_member.empty()) {
        t->set_staff_member(ResourceName("staffMembers", f->staff_member));
      }
      for (const auto& s : f->scopes) t->add_scopes(s);
      Connection connection = Connect(context);
      auto stub = v1::AccessService::NewStub(connection.channel());
      v1::IssueApiTokenResponse response;
      connection.Call(false, [&](grpc::ClientContext* c) {
        return stub->IssueApiToken(c, request, &response);
      });
      if (context.json()) return PrintJson(response);
      PrintToken(context, response.api_token());
      std::cerr << "\nThe secret below is shown only once. Store it now.\n";
      std::cout << response.secret() << "\n";
    };
  });
  CLI::App* list = tokens->add_subcommand("list", "List API tokens");
  list->add_flag("--show-inactive", f->show_all,
                 "Include revoked and expired tokens");
  AddPagingFlags(list, f->paging);
  list->callback([&context, f] {
    context.action = [&context, f] {
      Connection connection = Connect(context);
      auto stub = v1::AccessService::NewStub(connection.channel());
      v1::ListApiTokensRequest request;
      request.set_show_inactive(f->show_all);
      auto all = FetchPages<v1::ListApiTokensResponse>(
          connection, f->paging,
          [&](grpc::ClientContext* c, int size, const std::string& token,
              v1::ListApiTokensResponse* out) {
            request.set_page_size(size);
            request.set_page_token(token);
            return stub->ListApiTokens(c, request, out);
          },
          [](v1::ListApiTokensResponse* r) { return r->mutable_api_tokens(); });
      if (context.json()) return PrintJson(all);
      Table table({"ID", "NAME", "ACTS AS", "ROLE", "PREFIX", "STATE"});
      for (const ApiToken& t : all.api_tokens()) {
        table.AddRow(
            {LastSegment(t.name()), t.display_name(),
             t.staff_member().empty() ? "integration" : t.staff_member(),
             RoleText(t.role()), t.secret_prefix(),
             EnumWords(ApiToken::State_Name(t.state()), "STATE_")});
      }
      table.Print("tokens");
      PrintMoreHint(all.next_page_token());
    };
  });
  CLI::App* revoke = tokens->add_subcommand("revoke", "Revoke a token");
  revoke->add_option("token", f->id, "Token id or apiTokens/ID")->required();
  revoke->callback([&context, f] {
    context.action = [&context, f] {
      v1::RevokeApiTokenRequest request;
      request.set_name(ResourceName("apiTokens", f->id));
      Connection connection = Connect(context);
      auto stub = v1::AccessService::NewStub(connection.channel());
      ApiToken saved;
      connection.Call(false, [&](grpc::ClientContext* c) {
        return stub->RevokeApiToken(c, request, &saved);
      });
      PrintToken(context, saved);
    };
  });
}

void AddAudit(CLI::App& app, CliContext& context,
              std::shared_ptr<AdminFlags> f) {
  CLI::App* audit = app.add_subcommand("audit", "The audit log (admins)");
  audit->require_subcommand(1);
  CLI::App* list = audit->add_subcommand("list", "Audit events, newest first");
  list->footer(
      "Examples:\n  corebalance audit list --patient abc123\n"
      "  corebalance audit list --actor staffMembers/s1 --all -o json");
  list->add_option("--patient", f->patient, "Only events about this patient");
  list->add_option("--actor", f->actor,
                   "Only events by staffMembers/ID or apiTokens/ID");
  AddPagingFlags(list, f->paging);
  list->callback([&context, f] {
    context.action = [&context, f] {
      Connection connection = Connect(context);
      auto stub = v1::AccessService::NewStub(connection.channel());
      v1::ListAuditEventsRequest request;
      if (!f->patient.empty())
        request.set_patient(ResourceName("patients", f->patient));
      request.set_actor(f->actor);
      auto all = FetchPages<v1::ListAuditEventsResponse>(
          connection, f->paging,
          [&](grpc::ClientContext* c, int size, const std::string& token,
              v1::ListAuditEventsResponse* out) {
            request.set_page_size(size);
            request.set_page_token(token);
            return stub->ListAuditEvents(c, request, out);
          },
          [](v1::ListAuditEventsResponse* r) {
            return r->mutable_audit_events();
          });
      if (context.json()) return PrintJson(all);
      Table table({"TIME", "ACTOR", "ACTION", "RESOURCE", "STATUS"});
      for (const v1::AuditEvent& e : all.audit_events()) {
        table.AddRow({FormatTime(e.event_time()), e.actor(),
                      LastSegment(e.action()), e.resource(), e.status_code()});
      }
      table.Print("audit events");
      PrintMoreHint(all.next_page_token());
    };
  });
}

}  // namespace

void AddAdminCommands(CLI::App& app, CliContext& context) {
  auto f = std::make_shared<AdminFlags>();
  CLI::App* admin =
      app.add_subcommand("admin", "Staff accounts and API tokens (admins)");
  admin->require_subcommand(1);
  AddStaff(admin, context, f);
  AddTokens(admin, context, f);
  AddAudit(app, context, f);
}

}  // namespace corebalance::cli
