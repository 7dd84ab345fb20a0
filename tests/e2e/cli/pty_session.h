#ifndef COREBALANCE_TESTS_E2E_CLI_PTY_SESSION_H_
#define COREBALANCE_TESTS_E2E_CLI_PTY_SESSION_H_

// A program run on a pseudo-terminal (forkpty), driven like a person at a
// keyboard: wait for a prompt, type an answer.

#include <sys/types.h>

#include <map>
#include <string>
#include <vector>

namespace corebalance::test {

class PtySession {
 public:
  // `env` is added to the current environment of the child.
  PtySession(const std::vector<std::string>& argv,
             const std::map<std::string, std::string>& env);
  ~PtySession();  // SIGKILL if still running
  PtySession(const PtySession&) = delete;
  PtySession& operator=(const PtySession&) = delete;

  // Reads until `text` appears after the previous match (true), or until
  // the timeout or end of output (false).
  bool Expect(const std::string& text, int timeout_ms = 10000);
  // Types `line` and Enter.
  void Send(const std::string& line);
  // Reads the rest of the output and returns the exit code (-1 on signal).
  int Wait(int timeout_ms = 20000);
  // Everything the terminal showed so far.
  const std::string& output() const { return output_; }

 private:
  bool ReadSome(int timeout_ms);
  pid_t pid_ = -1;
  int fd_ = -1;
  std::string output_;
  size_t matched_ = 0;
};

}  // namespace corebalance::test

#endif  // COREBALANCE_TESTS_E2E_CLI_PTY_SESSION_H_
