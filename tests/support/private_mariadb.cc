#include "tests/support/private_mariadb.h"

#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "services/store/connection.h"
#include "services/store/pool.h"
#include "services/store/run.h"
#include "tests/support/free_port.h"

namespace corebalance::test {
namespace {

namespace fs = std::filesystem;

constexpr absl::Duration kStartTimeout = absl::Seconds(30);
constexpr absl::Duration kStopTimeout = absl::Seconds(30);

// mariadbd lives in /usr/sbin, which a non-root PATH may lack.
std::string FindProgram(const std::string& name) {
  std::vector<std::string> dirs;
  if (const char* path = std::getenv("PATH")) {
    dirs = absl::StrSplit(path, ':', absl::SkipEmpty());
  }
  for (const char* extra : {"/usr/sbin", "/usr/bin", "/usr/local/sbin",
                            "/usr/local/bin", "/sbin", "/bin"}) {
    dirs.emplace_back(extra);
  }
  for (const std::string& dir : dirs) {
    const std::string candidate = dir + "/" + name;
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return "";
}

std::string CurrentUser() {
  if (const passwd* pw = getpwuid(geteuid()); pw != nullptr) return pw->pw_name;
  return "root";
}

std::string Tail(const std::string& path, size_t bytes = 2000) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  std::string all = text.str();
  return all.size() > bytes ? all.substr(all.size() - bytes) : all;
}

// fork+exec with stdout and stderr appended to `log`. With die_with_parent the
// child gets SIGKILL when the calling thread exits.
absl::StatusOr<pid_t> Spawn(const std::vector<std::string>& args,
                            const std::string& log, bool die_with_parent) {
  // Everything the child needs is prepared before fork: after it, only
  // async-signal-safe calls are allowed.
  std::vector<char*> argv;
  for (const std::string& a : args)
    argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  const pid_t parent = getpid();

  const pid_t pid = fork();
  if (pid < 0) {
    return absl::InternalError(absl::StrCat("fork: ", std::strerror(errno)));
  }
  if (pid == 0) {
    const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd >= 0) {
      dup2(fd, STDOUT_FILENO);
      dup2(fd, STDERR_FILENO);
      close(fd);
    }
    const int null_fd = open("/dev/null", O_RDONLY);
    if (null_fd >= 0) dup2(null_fd, STDIN_FILENO);
    if (die_with_parent) {
      prctl(PR_SET_PDEATHSIG, SIGKILL);
      if (getppid() != parent) _exit(1);
    }
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

absl::Status RunToCompletion(const std::vector<std::string>& args,
                             const std::string& log) {
  auto pid = Spawn(args, log, /*die_with_parent=*/true);
  if (!pid.ok()) return pid.status();
  int status = 0;
  while (waitpid(*pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return absl::InternalError(
        absl::StrCat(args[0], " failed; its output:\n", Tail(log)));
  }
  return absl::OkStatus();
}

std::string MakeTempDir() {
  const char* tmp = std::getenv("TMPDIR");
  std::string templ = absl::StrCat(
      tmp != nullptr && *tmp != '\0' ? tmp : "/tmp", "/cb-mariadb.XXXXXX");
  return mkdtemp(templ.data()) != nullptr ? templ : "";
}

// Small redo log and no syncing: these servers hold throwaway test data.
const std::vector<std::string>& InnoDbFastArgs() {
  static const auto* args = new std::vector<std::string>{
      "--innodb-log-file-size=4M", "--innodb-flush-method=nosync",
      "--innodb-doublewrite=0", "--innodb-flush-log-at-trx-commit=2",
      "--innodb-buffer-pool-size=32M"};
  return *args;
}

// mariadb-install-db runs once per test process; each server starts from a
// copy of its result, which is much faster than installing again.
struct PristineDataDir {
  std::string dir;
  absl::Status status;

  static const PristineDataDir& Get() {
    static PristineDataDir pristine;  // initialised once, thread-safely
    return pristine;
  }

  PristineDataDir() : dir(MakeTempDir()) {
    if (dir.empty()) {
      status = absl::InternalError("PrivateMariaDb: cannot create a temp dir");
      return;
    }
    const std::string install = FindProgram("mariadb-install-db");
    if (install.empty()) {
      status = absl::FailedPreconditionError(
          "mariadb-install-db not found (apt-get install mariadb-server)");
      return;
    }
    std::vector<std::string> args = {
        install, "--no-defaults", "--user=" + CurrentUser(),
        "--auth-root-authentication-method=normal", "--skip-test-db",
        "--datadir=" + dir + "/data",
        // Its own temp dir: concurrent installs
        // sharing /tmp trip over each other's
        // temporary tables.
        "--tmpdir=" + dir};
    args.insert(args.end(), InnoDbFastArgs().begin(), InnoDbFastArgs().end());
    status = RunToCompletion(args, dir + "/install-db.log");
  }
  ~PristineDataDir() {
    std::error_code ignored;
    if (!dir.empty()) fs::remove_all(dir, ignored);
  }
};

}  // namespace

PrivateMariaDb::PrivateMariaDb() : PrivateMariaDb(Options{}) {}

PrivateMariaDb::PrivateMariaDb(Options options)
    : dir_(MakeTempDir()),
      port_(PickFreePort()),
      options_(std::move(options)) {}

PrivateMariaDb::~PrivateMariaDb() {
  (void)Stop();
  if (!dir_.empty()) {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
}

store::MysqlConfig PrivateMariaDb::config() const {
  store::MysqlConfig config;
  config.host = "127.0.0.1";
  config.port = port_;
  config.user = "root";
  config.password.clear();
  config.database = "corebalance";
  config.checkout_timeout = absl::Seconds(1);
  config.connect_timeout = absl::Seconds(1);
  config.io_timeout = absl::Seconds(10);
  config.tls = options_.client_tls;
  return config;
}

absl::Status PrivateMariaDb::Initialise() {
  if (dir_.empty()) {
    return absl::InternalError("PrivateMariaDb: could not create a temp dir");
  }
  const PristineDataDir& pristine = PristineDataDir::Get();
  if (!pristine.status.ok()) return pristine.status;
  std::error_code error;
  fs::copy(pristine.dir + "/data", dir_ + "/data", fs::copy_options::recursive,
           error);
  if (error) {
    return absl::InternalError(
        absl::StrCat("copying the pristine data directory: ", error.message()));
  }
  return absl::OkStatus();
}

absl::Status PrivateMariaDb::Start() {
  if (running()) return absl::OkStatus();
  if (!fs::exists(dir_ + "/data")) {
    if (absl::Status s = Initialise(); !s.ok()) return s;
  }
  const std::string mariadbd = FindProgram("mariadbd");
  if (mariadbd.empty()) {
    return absl::FailedPreconditionError(
        "mariadbd not found (apt-get install mariadb-server)");
  }
  // Unix socket paths are limited to ~107 bytes.
  std::string socket = dir_ + "/s.sock";
  if (socket.size() > 100)
    socket = absl::StrCat("/tmp/cb-mariadb-", port_, ".sock");
  std::vector<std::string> args = {mariadbd,
                                   "--no-defaults",
                                   "--user=" + CurrentUser(),
                                   "--datadir=" + dir_ + "/data",
                                   absl::StrCat("--port=", port_),
                                   "--bind-address=127.0.0.1",
                                   "--socket=" + socket,
                                   "--pid-file=" + dir_ + "/mariadbd.pid",
                                   "--tmpdir=" + dir_,
                                   "--character-set-server=utf8mb4",
                                   "--collation-server=utf8mb4_unicode_ci",
                                   "--skip-name-resolve"};
  args.insert(args.end(), InnoDbFastArgs().begin(), InnoDbFastArgs().end());
  args.insert(args.end(), options_.server_args.begin(),
              options_.server_args.end());
  auto pid = Spawn(args, log_path(), /*die_with_parent=*/true);
  if (!pid.ok()) return pid.status();
  pid_ = *pid;

  if (absl::Status ready = WaitUntilReady(); !ready.ok()) {
    (void)Stop();
    return ready;
  }
  if (!database_created_) {
    store::MysqlConfig admin = config();
    admin.database.clear();
    store::Pool pool(admin);
    absl::Status created = store::WithConnection(
        pool, absl::Now() + absl::Seconds(10), [](store::Connection& c) {
          c.Execute(
              "CREATE DATABASE IF NOT EXISTS corebalance CHARACTER SET utf8mb4 "
              "COLLATE utf8mb4_unicode_ci");
          return absl::OkStatus();
        });
    if (!created.ok()) return created;
    database_created_ = true;
  }
  return absl::OkStatus();
}

absl::Status PrivateMariaDb::WaitUntilReady() {
  store::MysqlConfig probe = config();
  probe.database.clear();
  const absl::Time deadline = absl::Now() + kStartTimeout;
  absl::Status last = absl::UnavailableError("not tried");
  while (absl::Now() < deadline) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return absl::InternalError(absl::StrCat(
          "mariadbd exited during start-up; its log:\n", Tail(log_path())));
    }
    auto connection =
        store::Connection::Open(probe, absl::Now() + absl::Seconds(1));
    if (connection.ok()) return absl::OkStatus();
    last = connection.status();
    absl::SleepFor(absl::Milliseconds(50));
  }
  return absl::DeadlineExceededError(
      absl::StrCat("mariadbd did not accept logins within ",
                   absl::FormatDuration(kStartTimeout), ": ",
                   MessageAndDetail(last), "\nits log:\n", Tail(log_path())));
}

absl::Status PrivateMariaDb::Stop() {
  if (!running()) return absl::OkStatus();
  kill(pid_, SIGTERM);
  const absl::Time deadline = absl::Now() + kStopTimeout;
  int status = 0;
  while (true) {
    const pid_t done = waitpid(pid_, &status, WNOHANG);
    if (done == pid_ || (done < 0 && errno == ECHILD)) break;
    if (absl::Now() > deadline) {
      kill(pid_, SIGKILL);
      waitpid(pid_, &status, 0);
      pid_ = -1;
      return absl::DeadlineExceededError("mariadbd ignored SIGTERM; killed");
    }
    absl::SleepFor(absl::Milliseconds(10));
  }
  pid_ = -1;
  return absl::OkStatus();
}

void PrivateMariaDb::Kill() {
  if (!running()) return;
  kill(pid_, SIGKILL);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
}

absl::Status PrivateMariaDb::Restart() {
  if (absl::Status stopped = Stop(); !stopped.ok()) return stopped;
  return Start();
}

}  // namespace corebalance::test
