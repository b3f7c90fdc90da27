// Runs the extension-host suite in desktop VS Code through @vscode/test-electron, which
// downloads VS Code into .vscode-test/ on first use. Offline that download cannot work, so the
// runner checks the update server's name first and fails fast (exit code 2) instead of hanging.
// The suite prints its "ℹ pass N" / "ℹ fail N" lines. Needs `node build.mjs` first.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { lookup } from 'node:dns/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const UPDATE_HOST = 'update.code.visualstudio.com';

// VS Code needs a display; on a headless Linux machine re-run under a virtual one.
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.SMTP_STATUS_UNDER_XVFB) {
  const result = spawnSync('xvfb-run', ['-a', process.execPath, fileURLToPath(import.meta.url)], {
    stdio: 'inherit',
    env: { ...process.env, SMTP_STATUS_UNDER_XVFB: '1' },
  });
  if (result.error) {
    console.log(`desktop VS Code needs a display and xvfb-run is not available: ${result.error.message}`);
    process.exit(2);
  }
  process.exit(result.status ?? 1);
}

try {
  await Promise.race([lookup(UPDATE_HOST), new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), 5000))]);
} catch (error) {
  console.log(`desktop VS Code cannot be downloaded (${UPDATE_HOST}: ${error instanceof Error ? error.message : String(error)})`);
  process.exit(2);
}

const { runTests } = await import('@vscode/test-electron');
// The suite edits documents: give it a copy of the demo workspace, never the fixtures.
const workspace = mkdtempSync(join(tmpdir(), 'smtp-status-demo-'));
cpSync(join(ROOT, 'test', 'fixtures', 'demo'), workspace, { recursive: true });
try {
  await runTests({
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: join(ROOT, 'out', 'test', 'e2e', 'suite', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
  process.exit(0);
} catch (error) {
  // The suite prints its own totals first when it ran; this line counts a run that never started.
  console.log(`desktop VS Code run failed: ${error instanceof Error ? error.message : String(error)}`);
  console.log('ℹ fail 1');
  process.exit(1);
}
