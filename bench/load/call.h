#ifndef COREBALANCE_BENCH_LOAD_CALL_H_
#define COREBALANCE_BENCH_LOAD_CALL_H_

// One RPC in flight on a completion queue. Scenarios build them with
// MakeUnary; the driver sets the context (deadline, token), starts them and
// collects them from the queue.

#include <grpcpp/client_context.h>
#include <grpcpp/completion_queue.h>
#include <grpcpp/support/async_unary_call.h>
#include <grpcpp/support/status.h>

#include <memory>
#include <utility>

#include "absl/time/time.h"
#include "bench/common/run_clock.h"

namespace corebalance::bench {

class Call {
 public:
  explicit Call(int op) : op_(op) {}
  virtual ~Call() = default;

  // Starts the call; `cq` hands back `tag` when it has finished.
  virtual void Start(grpc::CompletionQueue* cq, void* tag) = 0;

  int op() const { return op_; }
  grpc::ClientContext& context() { return context_; }
  const grpc::Status& status() const { return status_; }

  // The driver's bookkeeping.
  int slot = 0;
  RunClock::Phase phase = RunClock::Phase::kWarmup;
  absl::Time start;

 protected:
  grpc::ClientContext context_;
  grpc::Status status_;

 private:
  const int op_;
};

// `prepare(context, request, cq)` is a stub's PrepareAsync<Method>.
template <typename Request, typename Response, typename Prepare>
class UnaryCall final : public Call {
 public:
  UnaryCall(int op, Request request, Prepare prepare)
      : Call(op), request_(std::move(request)), prepare_(std::move(prepare)) {}

  void Start(grpc::CompletionQueue* cq, void* tag) override {
    reader_ = prepare_(&context_, request_, cq);
    reader_->StartCall();
    reader_->Finish(&response_, &status_, tag);
  }

 private:
  Request request_;
  Response response_;
  Prepare prepare_;
  std::unique_ptr<grpc::ClientAsyncResponseReader<Response>> reader_;
};

template <typename Response, typename Request, typename Prepare>
std::unique_ptr<Call> MakeUnary(int op, Request request, Prepare prepare) {
  return std::make_unique<UnaryCall<Request, Response, Prepare>>(
      op, std::move(request), std::move(prepare));
}

}  // namespace corebalance::bench

#endif  // COREBALANCE_BENCH_LOAD_CALL_H_
