#ifndef COREBALANCE_TESTS_SUPPORT_TEST_CERTIFICATES_H_
#define COREBALANCE_TESTS_SUPPORT_TEST_CERTIFICATES_H_

#include <filesystem>
#include <string>

namespace corebalance::test {

// Certificates made with openssl in a temporary directory, deleted with the
// object: "ca" and an unrelated "rogue-ca"; "server" (signed by ca, for
// localhost and 127.0.0.1), "wrong-host" (signed by ca, for db.example
// only), "client" (signed by ca) and "rogue-client" (signed by rogue-ca).
// Each NAME has NAME.pem and NAME.key. Throws std::runtime_error, failing
// the test, when openssl fails.
class TestCertificates {
 public:
  TestCertificates();
  ~TestCertificates();
  TestCertificates(const TestCertificates&) = delete;
  TestCertificates& operator=(const TestCertificates&) = delete;

  // The file `name`, e.g. path("server.pem").
  std::string path(const std::string& name) const;
  // Its contents.
  std::string pem(const std::string& name) const;

 private:
  void Sign(const std::string& name, const std::string& ca,
            const std::string& extensions);

  std::filesystem::path dir_;
};

}  // namespace corebalance::test

#endif  // COREBALANCE_TESTS_SUPPORT_TEST_CERTIFICATES_H_
