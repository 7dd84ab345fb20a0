#include "tests/support/test_certificates.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

#include "absl/strings/str_cat.h"

namespace corebalance::test {
namespace {

namespace fs = std::filesystem;

constexpr char kNewKey[] =
    "-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes";

void Run(const std::string& command) {
  if (std::system((command + " >/dev/null 2>&1").c_str()) != 0) {
    throw std::runtime_error("failed: " + command);
  }
}

}  // namespace

TestCertificates::TestCertificates()
    : dir_(fs::temp_directory_path() /
           absl::StrCat("cb-certs-", getpid(), "-", std::random_device()())) {
  fs::create_directories(dir_);
  const std::string d = dir_.string();
  for (const char* ca : {"ca", "rogue-ca"}) {
    Run(absl::StrCat("openssl req -x509 ", kNewKey, " -days 1 -subj /CN=", ca,
                     " -keyout ", d, "/", ca, ".key -out ", d, "/", ca,
                     ".pem"));
  }
  Sign("server", "ca",
       "subjectAltName=DNS:localhost,IP:127.0.0.1\n"
       "extendedKeyUsage=serverAuth");
  Sign("wrong-host", "ca",
       "subjectAltName=DNS:db.example\nextendedKeyUsage=serverAuth");
  Sign("client", "ca", "extendedKeyUsage=clientAuth");
  Sign("rogue-client", "rogue-ca", "extendedKeyUsage=clientAuth");
}

TestCertificates::~TestCertificates() {
  std::error_code ignored;
  fs::remove_all(dir_, ignored);
}

std::string TestCertificates::path(const std::string& name) const {
  return (dir_ / name).string();
}

std::string TestCertificates::pem(const std::string& name) const {
  std::ifstream in(dir_ / name);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void TestCertificates::Sign(const std::string& name, const std::string& ca,
                            const std::string& extensions) {
  const std::string d = dir_.string();
  std::ofstream(dir_ / (name + ".ext")) << extensions << "\n";
  Run(absl::StrCat("openssl req ", kNewKey, " -subj /CN=", name, " -keyout ", d,
                   "/", name, ".key -out ", d, "/", name, ".csr"));
  Run(absl::StrCat("openssl x509 -req -days 1 -in ", d, "/", name, ".csr -CA ",
                   d, "/", ca, ".pem -CAkey ", d, "/", ca,
                   ".key -CAcreateserial -extfile ", d, "/", name, ".ext -out ",
                   d, "/", name, ".pem"));
}

}  // namespace corebalance::test
