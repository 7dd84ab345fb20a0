#include "tests/support/process.h"

#include <fcntl.h>
#include <grpcpp/create_channel.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "grpc/health/v1/health.grpc.pb.h"

extern char** environ;

namespace corebalance::test {
namespace {

std::string TempPath(const std::string& what) {
  static int counter = 0;
  return absl::StrCat("/tmp/cb-proc-", getpid(), "-", ++counter, "-", what);
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

pid_t Spawn(const std::vector<std::string>& argv,
            const std::map<std::string, std::string>& env,
            const std::string& in_path, const std::string& out_path,
            const std::string& err_path) {
  std::vector<std::string> env_strings;
  for (char** e = environ; *e; ++e) {
    std::string entry(*e);
    const std::string key = entry.substr(0, entry.find('='));
    if (!env.count(key)) env_strings.push_back(entry);
  }
  for (const auto& [k, v] : env) env_strings.push_back(k + "=" + v);
  // Everything the child needs is prepared before fork: after it, only
  // async-signal-safe calls (gRPC's threads may hold the allocator's locks).
  std::vector<char*> args, envp;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  for (const auto& e : env_strings)
    envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);
  const char* in_file = in_path.empty() ? "/dev/null" : in_path.c_str();
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    int in = open(in_file, O_RDONLY);
    int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(in, 0);
    dup2(out, 1);
    dup2(err, 2);
    execve(args[0], args.data(), envp.data());
    _exit(127);
  }
  return pid;
}

int WaitPid(pid_t pid, absl::Duration timeout) {
  const absl::Time give_up = absl::Now() + timeout;
  int status = 0;
  for (;;) {
    pid_t r = waitpid(pid, &status, WNOHANG);
    if (r == pid) break;
    if (absl::Now() > give_up) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      return -1;
    }
    absl::SleepFor(absl::Milliseconds(10));
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

ProcessResult RunProcess(const std::vector<std::string>& argv,
                         const std::map<std::string, std::string>& env,
                         absl::Duration timeout,
                         const std::string& stdin_text) {
  const std::string in = TempPath("in"), out = TempPath("out"),
                    err = TempPath("err");
  std::ofstream(in) << stdin_text;
  ProcessResult result;
  result.exit_code = WaitPid(Spawn(argv, env, in, out, err), timeout);
  result.out = ReadFile(out);
  result.err = ReadFile(err);
  unlink(in.c_str());
  unlink(out.c_str());
  unlink(err.c_str());
  return result;
}

Process::Process(const std::vector<std::string>& argv,
                 const std::map<std::string, std::string>& env)
    : out_path_(TempPath("out")), err_path_(TempPath("err")) {
  pid_ = Spawn(argv, env, "", out_path_, err_path_);
}

Process::~Process() {
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  unlink(out_path_.c_str());
  unlink(err_path_.c_str());
}

void Process::Signal(int signal) {
  if (pid_ > 0) kill(pid_, signal);
}

int Process::Wait(absl::Duration timeout) {
  if (pid_ <= 0) return -1;
  const int code = WaitPid(pid_, timeout);
  pid_ = -1;
  return code;
}

bool Process::running() {
  return pid_ > 0 && waitpid(pid_, nullptr, WNOHANG) == 0;
}

std::string Process::out() const { return ReadFile(out_path_); }
std::string Process::err() const { return ReadFile(err_path_); }

std::string ServerBinary() {
  const char* path = std::getenv("COREBALANCE_SERVER_BIN");
  if (path == nullptr || *path == '\0') {
    throw std::runtime_error(
        "COREBALANCE_SERVER_BIN is not set (ctest sets it)");
  }
  return path;
}

std::string MigrateAndBootstrap(const std::string& mysql_url) {
  const std::map<std::string, std::string> env{
      {"COREBALANCE_MYSQL_URL", mysql_url}};
  if (RunProcess({ServerBinary(), "migrate"}, env).exit_code != 0) return {};
  const std::string out = RunProcess({ServerBinary(), "bootstrap", "--clinic",
                                      "San Clemente", "--admin-name", "A"},
                                     env)
                              .out;
  return out.substr(0, out.find('\n'));
}

bool WaitForServing(int port, absl::Duration timeout) {
  auto channel = grpc::CreateChannel(absl::StrCat("127.0.0.1:", port),
                                     grpc::InsecureChannelCredentials());
  auto stub = grpc::health::v1::Health::NewStub(channel);
  const absl::Time give_up = absl::Now() + timeout;
  while (absl::Now() < give_up) {
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(1)));
    grpc::health::v1::HealthCheckRequest request;
    grpc::health::v1::HealthCheckResponse response;
    if (stub->Check(&context, request, &response).ok() &&
        response.status() == grpc::health::v1::HealthCheckResponse::SERVING) {
      return true;
    }
    absl::SleepFor(absl::Milliseconds(50));
  }
  return false;
}

}  // namespace corebalance::test
