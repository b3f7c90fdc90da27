// `npm start`: builds, then opens the demo workspace in a real VS Code with the extension
// loaded from this folder: desktop VS Code when `code` is on PATH, otherwise the browser
// VS Code (code-server, installed into .vscode-test/ on first use) on 127.0.0.1.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DEMO = join(ROOT, 'test', 'fixtures', 'demo');

if (spawnSync(process.execPath, [join(ROOT, 'build.mjs')], { cwd: ROOT, stdio: 'inherit' }).status !== 0) {
  console.error('npm start: the build failed (errors above); nothing was opened.');
  process.exit(1);
}

const desktop = spawnSync('code', ['--version'], { encoding: 'utf8' });
if (desktop.status === 0) {
  console.log(`opening ${DEMO} in VS Code ${desktop.stdout.split('\n')[0]} with the extension from ${ROOT}`);
  spawn('code', ['--new-window', `--extensionDevelopmentPath=${ROOT}`, DEMO], { stdio: 'inherit', detached: true }).unref();
} else {
  const require = createRequire(import.meta.url);
  const { startCodeServer } = require('../../out/test/e2e/codeServer.js');
  const port = Number(process.env.PORT ?? 8080);
  const server = await startCodeServer({ port, settings: { 'workbench.startupEditor': 'readme' } });
  const url = server.url(DEMO, [['extensionDevelopmentPath', server.remote(ROOT)]]);
  console.log(`\nNo desktop VS Code ("code") on PATH: the browser VS Code is serving the demo workspace.\nOpen this address in a browser on this machine (set PORT to change the port):\n\n  ${url}\n\nPress Ctrl+C to stop.`);
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
