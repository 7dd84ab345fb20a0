// A request that does not parse as its method's message is INVALID_ARGUMENT
// (reason MALFORMED_REQUEST) for every service the server hosts, not gRPC's
// UNIMPLEMENTED; a method of a service it does not host stays UNIMPLEMENTED.

#include <string>

#include "corebalance/v1/intake.pb.h"
#include "gtest/gtest.h"
#include "tests/support/error_details.h"
#include "tests/support/raw_call.h"
#include "tests/support/test_server.h"

namespace corebalance {
namespace {

TEST(MalformedRequestTest, BytesThatDoNotParseAreInvalidArgument) {
  test::TestServer server;
  grpc::GenericStub stub(server.channel());

  // A name that is not UTF-8: proto3 refuses to parse the message.
  v1::CreatePatientRequest create;
  create.mutable_patient()->set_given_name("Mar\xff\xfe");
  create.mutable_patient()->set_family_name("Ortega");
  const std::string bad_utf8 = create.SerializeAsString();
  // And bytes that are no message at all (a field of wire type 7).
  const std::string garbage = "\x0f\xff\xff\xff";
  for (const std::string& bytes : {bad_utf8, garbage}) {
    const grpc::Status s =
        test::RawCall(stub, "/corebalance.v1.IntakeService/CreatePatient",
                      bytes, server.admin_token());
    EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
        << s.error_code() << " " << s.error_message();
    EXPECT_EQ(test::ReasonOf(s), "MALFORMED_REQUEST");
    EXPECT_NE(s.error_message().find("UTF-8"), std::string::npos);
  }
  // The same call, well formed, works.
  create.mutable_patient()->set_given_name("Maria");
  EXPECT_TRUE(test::RawCall(stub, "/corebalance.v1.IntakeService/CreatePatient",
                            create.SerializeAsString(), server.admin_token())
                  .ok());
}

TEST(MalformedRequestTest, AMethodOfAServiceNotHostedHereIsUnimplemented) {
  test::TestServer::Options options;
  options.targets = {server::Target::kAccess};
  test::TestServer server(options);
  grpc::GenericStub stub(server.channel());
  const grpc::Status s =
      test::RawCall(stub, "/corebalance.v1.IntakeService/GetPatient", "",
                    server.admin_token());
  EXPECT_EQ(s.error_code(), grpc::StatusCode::UNIMPLEMENTED);
  const grpc::Status unknown =
      test::RawCall(stub, "/corebalance.v1.AccessService/NoSuchMethod", "",
                    server.admin_token());
  EXPECT_EQ(unknown.error_code(), grpc::StatusCode::UNIMPLEMENTED);
}

}  // namespace
}  // namespace corebalance
