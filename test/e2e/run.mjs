// `npm test`'s end-to-end phase: runs the extension-host suite in code-server (browser VS Code,
// works offline on Linux x64) or, where that cannot run, in desktop VS Code. Fails, never
// skips, when neither runner works.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

function codeServerUsable() {
  if (process.platform !== 'linux' || process.arch !== 'x64') return `code-server set-up supports linux-x64 only`;
  if (!existsSync('/usr/bin/chromium')) return 'Chromium is not installed (/usr/bin/chromium)';
  if (!existsSync('/usr/bin/rg')) return 'ripgrep is not installed (/usr/bin/rg)';
  return undefined;
}

const run = (script) => spawnSync(process.execPath, [join(here, script)], { stdio: 'inherit' }).status;

const unusable = codeServerUsable();
if (unusable === undefined) {
  console.log('runner: code-server + Chromium');
  process.exit(run('run-code-server.mjs') ?? 1);
}
console.log(`runner: desktop VS Code (code-server cannot run here: ${unusable})`);
const status = run('run-electron.mjs');
if (status === 2) {
  console.log('no VS Code runner works on this machine: the end-to-end suite did not run');
  console.log('ℹ pass 0');
  console.log('ℹ fail 1');
}
process.exit(status ?? 1);
