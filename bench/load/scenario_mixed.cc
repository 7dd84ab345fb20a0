// A clinic day: several scenarios at once, each call drawn by weight.

#include <numeric>

#include "absl/strings/str_cat.h"
#include "bench/load/scenarios.h"

namespace corebalance::bench {
namespace {

class MixedScenario final : public Scenario {
 public:
  explicit MixedScenario(std::vector<WeightedScenario> parts)
      : parts_(std::move(parts)) {
    for (const auto& p : parts_) total_ += p.weight;
  }
  std::vector<std::string> OpNames() const override {
    std::vector<std::string> names;
    for (const auto& p : parts_) names.push_back(p.name);
    return names;
  }
  std::unique_ptr<Call> NextCall(Stubs& stubs, Rng& rng, int) override {
    int roll = UniformInt(rng, 1, total_);
    for (size_t i = 0; i < parts_.size(); ++i) {
      roll -= parts_[i].weight;
      if (roll <= 0) {
        return parts_[i].scenario->NextCall(stubs, rng, static_cast<int>(i));
      }
    }
    return parts_.back().scenario->NextCall(
        stubs, rng, static_cast<int>(parts_.size() - 1));
  }
  std::vector<std::string> Notes() const override {
    std::string mix;
    for (const auto& p : parts_) {
      absl::StrAppend(&mix, mix.empty() ? "" : ", ", p.name, " ",
                      100 * p.weight / total_, "%");
    }
    return {absl::StrCat("clinic-day mix: ", mix)};
  }

 private:
  std::vector<WeightedScenario> parts_;
  int total_ = 0;
};

}  // namespace

std::unique_ptr<Scenario> NewMixedScenario(
    std::vector<WeightedScenario> parts) {
  return std::make_unique<MixedScenario>(std::move(parts));
}

}  // namespace corebalance::bench
