// `npm run package`: builds the bundles and packs the extension with @vscode/vsce into
// smtp-status-<version>.vsix at the top level, then prints its size and contents.
// Everything the extension needs is bundled, hence --no-dependencies.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function packageVsix() {
  const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const out = join(ROOT, `${name}-${version}.vsix`);
  const vsce = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  // vsce runs the `vscode:prepublish` script (the esbuild bundles) before packing.
  execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out], { cwd: ROOT, stdio: 'inherit' });
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const vsix = packageVsix();
  const bytes = statSync(vsix).size;
  console.log(`${vsix}: ${(bytes / 1024).toFixed(0)} KiB (${bytes} bytes)`);
  execFileSync(process.execPath, [join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], { cwd: ROOT, stdio: 'inherit' });
}
