// Entry point VS Code calls inside the extension host (extensionTestsPath): runs every
// `*.e2e.js` file next to this one with mocha and prints node:test-style totals
// ("ℹ pass N" / "ℹ fail N") so that test/run-all.mjs can add them up.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type MochaType from 'mocha';

export async function run(): Promise<void> {
  // mocha 12 is an ES module; `require` returns its namespace object.
  const loaded = require('mocha') as typeof MochaType & { default?: typeof MochaType };
  const Mocha = loaded.default ?? loaded;
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  const grep = process.env['SMTP_STATUS_E2E_GREP'];
  if (grep) mocha.grep(grep);
  for (const file of readdirSync(__dirname).filter((name) => name.endsWith('.e2e.js')).sort()) {
    mocha.addFile(join(__dirname, file));
  }
  await mocha.loadFilesAsync();
  const stats = await new Promise<{ passes: number; failures: number }>((resolve) => {
    const runner = mocha.run(() => resolve({ passes: runner.stats?.passes ?? 0, failures: runner.stats?.failures ?? 0 }));
  });
  console.log(`ℹ pass ${stats.passes}`);
  console.log(`ℹ fail ${stats.failures}`);
  if (stats.failures > 0) throw new Error(`${stats.failures} end-to-end test(s) failed`);
}
