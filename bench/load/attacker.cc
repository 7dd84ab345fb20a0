#include "bench/load/attacker.h"

#include <random>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"

namespace corebalance::bench {
namespace {

// Calls the spray keeps in flight at most: beyond, a slow server would
// only queue them in this process.
constexpr int kMaxInFlight = 2000;

struct SprayCall {
  grpc::ClientContext context;
  v1::GetPatientRequest request;
  v1::Patient response;
};

std::string MadeUpToken(std::mt19937_64& rng) {
  return absl::StrFormat("cbt_%016x%016x", rng(), rng());
}

}  // namespace

Attacker::Attacker(std::shared_ptr<grpc::Channel> channel, double rate)
    : stub_(v1::IntakeService::NewStub(std::move(channel))), rate_(rate) {}

Attacker::~Attacker() { Stop(); }

void Attacker::Start() {
  thread_ = std::thread([this] { Loop(); });
}

void Attacker::Stop() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
  absl::MutexLock lock(&mu_);
  auto idle = [this]()
                  ABSL_SHARED_LOCKS_REQUIRED(mu_) { return in_flight_ == 0; };
  mu_.AwaitWithTimeout(absl::Condition(&idle), absl::Seconds(30));
}

void Attacker::Answered(grpc::StatusCode code) {
  absl::MutexLock lock(&mu_);
  --in_flight_;
  ++codes_[code];
}

void Attacker::Loop() {
  std::mt19937_64 rng(std::random_device{}());
  const absl::Time start = absl::Now();
  while (!stop_) {
    // As many calls as the rate owes by now, then a short sleep.
    const auto due = static_cast<int64_t>(
        absl::ToDoubleSeconds(absl::Now() - start) * rate_);
    while (sent_ + skipped_ < due && !stop_) {
      {
        absl::MutexLock lock(&mu_);
        if (in_flight_ >= kMaxInFlight) {
          ++skipped_;
          continue;
        }
        ++in_flight_;
      }
      auto* call = new SprayCall;
      call->context.AddMetadata("authorization", "Bearer " + MadeUpToken(rng));
      call->context.set_deadline(
          absl::ToChronoTime(absl::Now() + absl::Seconds(5)));
      call->request.set_name("patients/sprayed0000000");
      ++sent_;
      stub_->async()->GetPatient(&call->context, &call->request,
                                 &call->response,
                                 [this, call](grpc::Status status) {
                                   Answered(status.error_code());
                                   delete call;
                                 });
    }
    absl::SleepFor(absl::Milliseconds(1));
  }
}

std::string Attacker::Summary() {
  absl::MutexLock lock(&mu_);
  std::string codes;
  for (const auto& [code, n] : codes_) {
    absl::StrAppend(&codes, codes.empty() ? "" : ", ", "code ", code, ": ", n);
  }
  return absl::StrCat("alongside, a spray of made-up tokens: ", sent_.load(),
                      " GetPatient calls at ", rate_, "/s (", skipped_.load(),
                      " not sent, ", kMaxInFlight,
                      " already in flight); answered ", codes);
}

}  // namespace corebalance::bench
