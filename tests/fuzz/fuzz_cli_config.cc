// The CLI's config file: a user may edit it by hand, or get one from anyone.

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "clients/cli/config_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  corebalance::cli::ParseConfigFile(in);
  return 0;
}
