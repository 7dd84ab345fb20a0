// Prints how an overlay configures corebalance, one tab-separated line each,
// for tests that run the same configuration locally:
//   config  NAME  VALUE   a ConfigMap variable the server containers read
//   secret  NAME          a variable they read from a Secret
//   server  DEPLOYMENT  ARG...   a server Deployment and its arguments
//   job     JOB  ARG...          a Job and its arguments
// Usage: node print-env.mjs OVERLAY_DIR
import {renderOverlay} from './render.mjs';

const objects = renderOverlay(process.argv[2]);
const configMaps = new Map(objects.filter((o) => o.kind === 'ConfigMap')
                               .map((c) => [c.metadata.name, c.data ?? {}]));
const lines = new Set();
for (const w of objects.filter((o) => ['Deployment', 'Job'].includes(o.kind))) {
  for (const c of w.spec.template.spec.containers) {
    if (!c.image.split(':')[0].endsWith('corebalance')) continue;
    for (const from of c.envFrom ?? []) {
      for (const [k, v] of Object.entries(configMaps.get(from.configMapRef?.name) ?? {})) {
        lines.add(['config', k, v].join('\t'));
      }
    }
    for (const e of c.env ?? []) {
      lines.add(e.valueFrom?.secretKeyRef ? ['secret', e.name].join('\t')
                                          : ['config', e.name, e.value].join('\t'));
    }
    lines.add([w.kind === 'Job' ? 'job' : 'server', w.metadata.name, ...(c.args ?? [])].join('\t'));
  }
}
console.log([...lines].join('\n'));
