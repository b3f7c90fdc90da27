// `npm test`: builds, then runs every suite and ends with one summary line
// ("N passed, N failed"). A suite that cannot run counts as failed, never skipped.
import { spawnSync } from 'node:child_process';

const node = process.execPath;

/**
 * A counting phase prints node:test's "ℹ pass N" / "ℹ fail N" lines; any other phase
 * counts as one test that passes when it exits 0.
 */
const phases = [
  { name: 'build', cmd: [node, 'build.mjs'], counts: false },
  // Compares the knowledge base with ../shared/reference when that folder is there.
  { name: 'knowledge base vs reference tables', cmd: [node, 'test/reference-check.mjs'], counts: false },
  { name: 'core, grammar, LSP and MCP tests', cmd: [node, '--test', '--test-reporter=spec', 'out/test/unit', 'out/test/grammar', 'out/test/lsp', 'out/test/mcp'], counts: true },
  // Installs code-server into .vscode-test/ on first use, then runs the extension-host suite in it.
  { name: 'VS Code extension-host suite', cmd: [node, 'test/e2e/run.mjs'], counts: true },
  { name: 'VS Code UI and packaged VSIX', cmd: [node, '--test', '--test-concurrency=1', '--test-reporter=spec', 'out/test/e2e/ui.test.js', 'out/test/e2e/vsix.test.js'], counts: true },
];

let passed = 0;
let failed = 0;
for (const phase of phases) {
  console.log(`\n=== ${phase.name} ===`);
  const result = spawnSync(phase.cmd[0], phase.cmd.slice(1), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 256 * 1024 * 1024 });
  process.stdout.write(result.stdout ?? '');
  if (!phase.counts) {
    if (result.status === 0) passed += 1;
    else failed += 1;
    continue;
  }
  const pass = Number(/^ℹ pass (\d+)$/m.exec(result.stdout ?? '')?.[1] ?? 0);
  const fail = Number(/^ℹ fail (\d+)$/m.exec(result.stdout ?? '')?.[1] ?? 0);
  passed += pass;
  // A suite that crashed before reporting still fails the run.
  failed += result.status !== 0 && fail === 0 ? 1 : fail;
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
