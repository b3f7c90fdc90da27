// Installs code-server (a browser VS Code with a real Node extension host) into a cache folder,
// the way @vscode/test-electron caches desktop VS Code in `.vscode-test/`. Idempotent.
// Works offline apart from the package registry: ripgrep's download is pre-seeded from the
// system's `rg` (Debian package `ripgrep`).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const codeServerDir = join(root, '.vscode-test', 'code-server');
export const codeServerEntry = join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** The tarball @vscode/ripgrep 1.15.11 would download, rebuilt from the system's `rg`. */
function seedRipgrepCache() {
  const rg = '/usr/bin/rg';
  if (!existsSync(rg)) throw new Error(`${rg} is missing: install the system package "ripgrep" first`);
  const cache = join(tmpdir(), 'vscode-ripgrep-cache-1.15.11');
  const tarball = join(cache, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');
  if (existsSync(tarball)) return;
  mkdirSync(cache, { recursive: true });
  const staging = mkdtempSync(join(tmpdir(), 'rg-seed-'));
  try {
    copyFileSync(rg, join(staging, 'rg'));
    execFileSync('tar', ['-czf', tarball, '-C', staging, 'rg']);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

export function ensureCodeServer() {
  if (existsSync(codeServerEntry)) return codeServerEntry;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`code-server set-up supports linux-x64 only (this is ${process.platform}-${process.arch})`);
  }
  seedRipgrepCache();
  mkdirSync(codeServerDir, { recursive: true });
  // A private package.json so the install never touches the project's own node_modules.
  writeFileSync(join(codeServerDir, 'package.json'), JSON.stringify({ name: 'code-server-cache', private: true }, null, 2));
  console.log(`installing code-server@${CODE_SERVER_VERSION} into ${codeServerDir} (about a minute)...`);
  const started = Date.now();
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: codeServerDir,
    stdio: 'inherit',
    // Root installs: code-server's postinstall refuses without unsafe-perm; node-pty's runs `npx node-gyp`.
    env: { ...process.env, npm_config_unsafe_perm: 'true', npm_config_yes: 'true' },
  });
  if (!existsSync(codeServerEntry)) throw new Error(`code-server install finished but ${codeServerEntry} is missing`);
  console.log(`code-server installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return codeServerEntry;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(ensureCodeServer());
}
