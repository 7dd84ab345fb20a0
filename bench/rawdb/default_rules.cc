#include "bench/rawdb/default_rules.h"

namespace corebalance::bench {

progress::ProgressRules DefaultProgressRules() {
  auto rules = progress::ProgressRulesFromConfig(config::v1::ProgressPolicy());
  return rules.ok() ? *rules : progress::ProgressRules{};
}

}  // namespace corebalance::bench
