// corebalance login: verify a token and store it in the config file.

#include <iostream>
#include <memory>

#include "clients/cli/commands.h"
#include "clients/cli/config_file.h"
#include "clients/cli/output.h"
#include "corebalance/v1/access.grpc.pb.h"

namespace corebalance::cli {

void AddLoginCommand(CLI::App& app, CliContext& context) {
  CLI::App* login = app.add_subcommand(
      "login", "Check a token with the server and save it in a profile");
  login->footer(
      "Stores addr and token (and --ca/--cert/--key when given) in\n"
      "$XDG_CONFIG_HOME/corebalance/config (default "
      "~/.config/corebalance/config),\n"
      "mode 0600, under [profile NAME] (--profile, default \"default\").\n\n"
      "Examples:\n"
      "  corebalance login --token cbt_...\n"
      "  corebalance login --token cbt_... --addr api.example.org:443 "
      "--profile clinic");
  login->callback([&context] {
    context.action = [&context] {
      if (context.flags.token.empty()) {
        throw CliError(kExitUsage, "login needs --token TOKEN");
      }
      ConnectionSettings settings = ResolveSettings(context.flags, true);
      Connection connection(settings);
      auto stub = v1::AccessService::NewStub(connection.channel());
      v1::CallerIdentity who;
      connection.Call(true, [&](grpc::ClientContext* c) {
        return stub->GetCallerIdentity(c, v1::GetCallerIdentityRequest(), &who);
      });
      const std::string path = ConfigFilePath();
      ProfileMap profiles = ReadConfigFile(path);
      Profile& profile = profiles[settings.profile];
      profile["addr"] = settings.addr;
      profile["token"] = context.flags.token;
      if (!settings.ca.empty()) profile["ca"] = settings.ca;
      if (!settings.cert.empty()) profile["cert"] = settings.cert;
      if (!settings.key.empty()) profile["key"] = settings.key;
      WriteConfigFile(path, profiles);
      if (context.json()) return PrintJson(who);
      std::cout << "Logged in to " << settings.addr << " as "
                << who.display_name() << " ("
                << EnumWords(v1::Role_Name(who.role()), "ROLE_") << ") of "
                << who.clinic_display_name() << ".\n"
                << "Saved to " << path << " [profile " << settings.profile
                << "].\n";
    };
  });
}

}  // namespace corebalance::cli
