// An independent gRPC client (Node's @grpc/grpc-js, not our C++ stack): lists
// the server's services through server reflection (v1alpha), then calls
// AccessService.GetCallerIdentity with a descriptor fetched by reflection.
// Usage: node reflection_check.js HOST:PORT TOKEN
// Prints one JSON line: {"services": [...], "caller": {...}}.
'use strict';

const path = require('path');
const grpc = require(path.join(process.env.COREBALANCE_NODE_MODULES, '@grpc/grpc-js'));
const loader = require(path.join(process.env.COREBALANCE_NODE_MODULES, '@grpc/proto-loader'));

const [address, token] = process.argv.slice(2);
const reflectionProto = loader.loadSync('grpc/reflection/v1alpha/reflection.proto', {
  includeDirs: ['/usr/share/grpc-proto'],
  keepCase: true,
});
const reflection = grpc.loadPackageDefinition(reflectionProto).grpc.reflection.v1alpha;
const client = new reflection.ServerReflection(address, grpc.credentials.createInsecure());

function ask(request) {
  return new Promise((resolve, reject) => {
    const call = client.ServerReflectionInfo();
    call.on('data', (response) => {
      resolve(response);
      call.end();
    });
    call.on('error', reject);
    call.write(request);
  });
}

async function main() {
  const listed = await ask({ list_services: '' });
  const services = listed.list_services_response.service.map((s) => s.name).sort();
  const files = await ask({ file_containing_symbol: 'corebalance.v1.AccessService' });
  const descriptors = files.file_descriptor_response.file_descriptor_proto;
  const definition = loader.loadFileDescriptorSetFromBuffer(
    Buffer.concat(descriptors.map((d) => {
      // Wrap each FileDescriptorProto as field 1 of a FileDescriptorSet.
      const header = Buffer.from([0x0a, ...varint(d.length)]);
      return Buffer.concat([header, d]);
    })), { keepCase: true });
  const Access = grpc.loadPackageDefinition(definition).corebalance.v1.AccessService;
  const access = new Access(address, grpc.credentials.createInsecure());
  const metadata = new grpc.Metadata();
  metadata.add('authorization', 'Bearer ' + token);
  const caller = await new Promise((resolve, reject) =>
    access.GetCallerIdentity({}, metadata, (err, res) => (err ? reject(err) : resolve(res))));
  console.log(JSON.stringify({ services, caller }));
}

function varint(n) {
  const bytes = [];
  while (n > 127) {
    bytes.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  bytes.push(n);
  return bytes;
}

main().catch((err) => {
  console.error(err.message || err);
  process.exit(1);
});
