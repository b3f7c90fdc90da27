// Runs the extension-host suite (out/test/e2e/suite) inside code-server, driven by headless
// Chromium: once with a trusted workspace and once in Restricted Mode. Prints the summed
// totals as node:test-style "ℹ pass N" / "ℹ fail N" lines. Needs `node build.mjs` first.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { format } from 'node:util';

const require = createRequire(import.meta.url);
const { ROOT, startCodeServer, launchBrowser, isNoise } = require('../../out/test/e2e/codeServer.js');
const SUITE = join(ROOT, 'out', 'test', 'e2e', 'suite', 'index.js');
const SUITE_TIMEOUT_MS = 5 * 60 * 1000;

/** One run of the suite; resolves with the pass/fail counts the suite printed. */
async function runSuite(trust) {
  const server = await startCodeServer({ workspaceTrust: trust === 'untrusted', env: { SMTP_STATUS_E2E_TRUST: trust } });
  const { context, close } = await launchBrowser();
  try {
    const page = await context.newPage();
    const lines = [];
    const exited = new Promise((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code) => resolve(code));
    });
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      // The workbench forwards console calls as printf-style argument lists.
      const text = format(...(Array.isArray(args) ? args : [args]));
      if (isNoise(text)) return;
      for (const line of text.split('\n')) {
        lines.push(line);
        console.log(`  [${trust}] ${line.replace(/^ℹ /, '')}`);
      }
    });
    page.on('pageerror', (error) => console.log(`  [${trust}] page error: ${error.message}`));
    await page.goto(server.url(server.demoCopy(), [
      ['extensionDevelopmentPath', server.remote(ROOT)],
      ['extensionTestsPath', server.remote(SUITE)],
    ]));
    const code = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('timeout'), SUITE_TIMEOUT_MS))]);
    const count = (name) => Number(lines.map((l) => new RegExp(`^ℹ ${name} (\\d+)$`).exec(l)?.[1]).find((n) => n !== undefined) ?? 0);
    const pass = count('pass');
    let fail = count('fail');
    if (code !== 0 && fail === 0) {
      console.log(`  [${trust}] the suite ended with ${code === 'timeout' ? 'a timeout' : `exit code ${code}`} before reporting failures`);
      fail = 1;
    }
    return { pass, fail };
  } finally {
    await close();
    await server.stop();
  }
}

let pass = 0;
let fail = 0;
for (const trust of ['trusted', 'untrusted']) {
  try {
    const result = await runSuite(trust);
    pass += result.pass;
    fail += result.fail;
  } catch (error) {
    console.log(`  [${trust}] could not run the suite in code-server: ${error instanceof Error ? error.message : String(error)}`);
    fail += 1;
  }
}
console.log(`ℹ pass ${pass}`);
console.log(`ℹ fail ${fail}`);
process.exit(fail > 0 ? 1 : 0);
