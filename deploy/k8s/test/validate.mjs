// Renders one kustomize overlay and checks every object it makes: against the
// Kubernetes schemas (kubernetes-models), then what those schemas cannot
// know: probes, resources, non-root, --target values and COREBALANCE_*
// variables the real binary accepts, ports that agree across Deployments,
// Services and probes, and references that resolve.
//
// Usage: node validate.mjs OVERLAY_DIR SERVER_BINARY
import {existsSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

import {renderOverlay, serverFacts} from './render.mjs';

const [overlay, binary] = process.argv.slice(2);
if (!overlay || !binary) {
  console.error('usage: node validate.mjs OVERLAY_DIR SERVER_BINARY');
  process.exit(2);
}
const repo = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const models = join(repo, '.tools/node_modules/kubernetes-models');

const problems = [];
const fail = (what, message) => problems.push(`${what}: ${message}`);

const objects = renderOverlay(overlay);
const {targets, envNames} = serverFacts(binary);
const id = (o) => `${o.kind}/${o.metadata?.name}`;
const byKind = (kind) => objects.filter((o) => o.kind === kind);

// 1. The Kubernetes schemas.
for (const o of objects) {
  const [group, version] =
      o.apiVersion.includes('/') ? o.apiVersion.split('/') : [null, o.apiVersion];
  const file = join(models, group ?? '', version, `${o.kind}.js`);
  if (!existsSync(file)) {
    fail(id(o), `no schema for ${o.apiVersion} ${o.kind}`);
    continue;
  }
  const Model = (await import(pathToFileURL(file)))[o.kind];
  try {
    new Model(o).validate();
  } catch (e) {
    fail(id(o), `schema: ${e.message}`);
  }
}

// 2. Pods: probes, resources, a restricted security context.
const workloads = objects.filter(
    (o) => ['Deployment', 'StatefulSet', 'Job'].includes(o.kind));
const configMaps = new Map(byKind('ConfigMap').map((c) => [c.metadata.name, c]));
const secrets = new Map(byKind('Secret').map((s) => [s.metadata.name, s]));
const portOf = (address) => Number(address.split(':').pop());

for (const w of workloads) {
  const pod = w.spec.template.spec;
  const podSc = pod.securityContext ?? {};
  for (const c of pod.containers) {
    const what = `${id(w)} container ${c.name}`;
    const sc = c.securityContext ?? {};
    if (w.kind !== 'Job') {
      if (!c.readinessProbe) fail(what, 'no readinessProbe');
      if (!c.livenessProbe) fail(what, 'no livenessProbe');
    }
    for (const kind of ['requests', 'limits']) {
      for (const r of ['cpu', 'memory']) {
        if (!c.resources?.[kind]?.[r]) fail(what, `no resources.${kind}.${r}`);
      }
    }
    if ((sc.runAsNonRoot ?? podSc.runAsNonRoot) !== true) {
      fail(what, 'runAsNonRoot is not true');
    }
    const uid = sc.runAsUser ?? podSc.runAsUser;
    if (!(uid > 0)) fail(what, `runAsUser ${uid} is not a non-root uid`);
    if (sc.allowPrivilegeEscalation !== false) {
      fail(what, 'allowPrivilegeEscalation is not false');
    }
    if (!(sc.capabilities?.drop ?? []).includes('ALL')) {
      fail(what, 'capabilities do not drop ALL');
    }
    if ((sc.seccompProfile ?? podSc.seccompProfile)?.type !== 'RuntimeDefault') {
      fail(what, 'seccompProfile is not RuntimeDefault');
    }
    // Every ConfigMap and Secret a container reads exists with that key.
    for (const from of c.envFrom ?? []) {
      const name = from.configMapRef?.name;
      if (name && !configMaps.has(name)) fail(what, `no ConfigMap ${name}`);
    }
    for (const e of c.env ?? []) {
      const ref = e.valueFrom?.secretKeyRef;
      if (ref && !(secrets.get(ref.name)?.data ?? {})[ref.key]) {
        fail(what, `no Secret ${ref.name} with key ${ref.key}`);
      }
    }
    if (!c.image.split(':')[0].endsWith('corebalance')) continue;

    // corebalance's own containers.
    if (sc.readOnlyRootFilesystem !== true) {
      fail(what, 'readOnlyRootFilesystem is not true');
    }
    const tmp = (c.volumeMounts ?? []).find((m) => m.mountPath === '/tmp');
    if (!tmp || !pod.volumes?.find((v) => v.name === tmp.name && v.emptyDir)) {
      fail(what, 'no emptyDir mounted at /tmp');
    }
    const env = {};
    for (const from of c.envFrom ?? []) {
      Object.assign(env, configMaps.get(from.configMapRef?.name)?.data ?? {});
    }
    for (const e of c.env ?? []) env[e.name] = e.value ?? '(from a reference)';
    for (const name of Object.keys(env)) {
      if (!envNames.has(name)) {
        fail(what, `${name} is no flag's environment variable (see --help)`);
      }
    }
    for (const arg of c.args ?? []) {
      const flag = arg.match(/^--([a-z-]+)/)?.[1];
      if (flag && !envNames.has(`COREBALANCE_${flag.toUpperCase().replaceAll('-', '_')}`)) {
        fail(what, `${arg} is not a flag of the server`);
      }
    }
    if (w.kind === 'Job') {
      if (c.args?.[0] !== 'migrate') fail(what, 'a Job that does not migrate');
      continue;
    }
    const target = (c.args ?? []).find((a) => a.startsWith('--target='));
    for (const t of (target?.slice('--target='.length) ?? '').split(',')) {
      if (!targets.includes(t)) {
        fail(what, `--target "${t}" is not one of ${targets.join(', ')}`);
      }
    }
    // Ports: the listen addresses, the container ports and the probes agree.
    const named = Object.fromEntries((c.ports ?? []).map((p) => [p.name, p.containerPort]));
    if (!env.COREBALANCE_LISTEN || portOf(env.COREBALANCE_LISTEN) !== named.grpc) {
      fail(what, `COREBALANCE_LISTEN ${env.COREBALANCE_LISTEN} is not the grpc port ${named.grpc}`);
    }
    if (!env.COREBALANCE_HEALTH_LISTEN ||
        portOf(env.COREBALANCE_HEALTH_LISTEN) !== named.health) {
      fail(what, `COREBALANCE_HEALTH_LISTEN is not the health port ${named.health}`);
    }
    for (const [probe, services] of [['readinessProbe', ['', ...targets.map(
                                          (t) => `corebalance.v1.${t[0].toUpperCase()}${t.slice(1)}Service`)]],
                                     ['livenessProbe', ['liveness']]]) {
      const grpc = c[probe]?.grpc;
      if (!grpc) {
        fail(what, `${probe} is not a native grpc probe`);
      } else {
        if (grpc.port !== named.health) fail(what, `${probe} port ${grpc.port} is not the health port`);
        if (!services.includes(grpc.service ?? '')) {
          fail(what, `${probe} checks service "${grpc.service}"`);
        }
      }
    }
    // The grace period outlasts the server's own drain.
    const seconds = (d) => Number(d.match(/^(\d+)s$/)?.[1] ?? NaN);
    const drain = seconds(env.COREBALANCE_DRAIN_DELAY ?? '0s') +
        seconds(env.COREBALANCE_DRAIN_TIMEOUT ?? '20s');
    if (!(pod.terminationGracePeriodSeconds > drain)) {
      fail(what, `terminationGracePeriodSeconds ${pod.terminationGracePeriodSeconds} does not outlast drain ${drain}s`);
    }
  }
}

// 3. Services select pods and reach a port those pods have.
const podsOf = (selector) => workloads.filter((w) => Object.entries(selector ?? {}).every(
    ([k, v]) => w.spec.template.metadata?.labels?.[k] === v));
const services = new Map(byKind('Service').map((s) => [s.metadata.name, s]));
for (const s of services.values()) {
  const selected = podsOf(s.spec.selector);
  if (!s.spec.selector || selected.length === 0) fail(id(s), 'selects no pods');
  for (const p of s.spec.ports) {
    for (const w of selected) {
      const ports = w.spec.template.spec.containers.flatMap((c) => c.ports ?? []);
      if (!ports.some((cp) => cp.name === p.targetPort || cp.containerPort === (p.targetPort ?? p.port))) {
        fail(id(s), `port ${p.name} targets ${p.targetPort}, which ${id(w)} does not expose`);
      }
    }
  }
}

// 4. Peer addresses: dns:/// on a headless Service of the right service.
const servers = workloads.filter((w) => w.kind === 'Deployment');
const targetOf = (w) => w.spec.template.spec.containers[0].args
    ?.find((a) => a.startsWith('--target='))?.slice('--target='.length);
for (const cm of configMaps.values()) {
  for (const [name, value] of Object.entries(cm.data ?? {})) {
    const peer = name.match(/^COREBALANCE_([A-Z]+)_ADDR$/)?.[1]?.toLowerCase();
    if (!peer) continue;
    const what = `${id(cm)} ${name}`;
    const m = value.match(/^dns:\/\/\/([a-z0-9-]+):(\d+)$/);
    if (!m) {
      fail(what, `${value} is not dns:///SERVICE:PORT`);
      continue;
    }
    const s = services.get(m[1]);
    if (!s) {
      fail(what, `no Service ${m[1]}`);
      continue;
    }
    if (s.spec.clusterIP !== 'None') fail(what, `Service ${m[1]} is not headless`);
    if (!s.spec.ports.some((p) => p.port === Number(m[2]))) fail(what, `Service ${m[1]} has no port ${m[2]}`);
    if (!podsOf(s.spec.selector).every((w) => targetOf(w)?.split(',').includes(peer))) {
      fail(what, `Service ${m[1]} selects pods that do not host ${peer}`);
    }
  }
}

// 5. Disruption budgets for every server; autoscalers when split up.
const split = servers.some((w) => targetOf(w) && targetOf(w) !== 'all');
for (const w of servers) {
  const matched = (o) => Object.entries(o.spec.selector.matchLabels ?? {}).every(
      ([k, v]) => w.spec.template.metadata.labels[k] === v);
  if (!byKind('PodDisruptionBudget').some(matched)) fail(id(w), 'no PodDisruptionBudget');
  if (split && !byKind('HorizontalPodAutoscaler').some(
      (h) => h.spec.scaleTargetRef.kind === 'Deployment' && h.spec.scaleTargetRef.name === w.metadata.name)) {
    fail(id(w), 'no HorizontalPodAutoscaler');
  }
}
if (split) {
  const hosted = new Set(servers.flatMap((w) => targetOf(w).split(',')));
  for (const t of targets.filter((t) => t !== 'all')) {
    if (!hosted.has(t)) fail(overlay, `no Deployment hosts ${t}`);
  }
}
if (!byKind('Job').some((j) => j.spec.template.spec.containers[0].args?.[0] === 'migrate')) {
  fail(overlay, 'no migration Job');
}
if (!byKind('NetworkPolicy').length) fail(overlay, 'no NetworkPolicy');

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`${overlay}: ${objects.length} objects valid`);
