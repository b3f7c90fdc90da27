// Static security checks: the extension and the server read only what the editor
// sends them. Our sources (client/src, server/src) start no processes (except the
// client forking our own server), open no network connections, write no files and
// evaluate no code; the CLI may read the files its user names. The built bundles hold no eval/new Function in our modules,
// and the manifest declares support for untrusted and virtual workspaces.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SourceMap, type SourceMapPayload } from 'node:module';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Where the CLI lives: the one part of our code that may read files (those its user names). */
/** The adapters that read the files a user names (the CLI, the MCP server) and the input module they and the large-file commands share. */
const READING_DIRS = [path.join('server', 'src', 'cli'), path.join('server', 'src', 'mcp'), path.join('server', 'src', 'io')];

/** What the client may take from child_process: `fork`, to start our server module (and its types). */
const CLIENT_SPAWN_NAMES = new Set(['fork', 'ChildProcess', 'ForkOptions']);

/** Node modules that run programs or talk to the network. */
const FORBIDDEN_MODULES = new Set(['child_process', 'cluster', 'worker_threads', 'http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'inspector', 'vm']);
const FS_MODULES = new Set(['fs', 'fs/promises']);
/** Globals that reach the network or evaluate code. */
const FORBIDDEN_GLOBALS = new Set(['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'eval', 'Function']);
/** fs functions that change the file system (or may, like `open`). */
const FS_WRITES = /^(writeFile|appendFile|createWriteStream|mkdir|mkdtemp|rm|rmdir|unlink|rename|copyFile|cp|truncate|ftruncate|symlink|link|chmod|chown|lchown|utimes|lutimes|write|writev|open|opendir)(Sync)?$/;

function sourceFiles(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  return fs.readdirSync(abs, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith('.ts'))
    .map((d) => path.relative(ROOT, path.join(d.parentPath, d.name)))
    .sort();
}

const bareModule = (specifier: string): string => specifier.replace(/^node:/, '');

/** Everything a file does that this policy cares about, each as `file:line what`. */
interface ImportSite { readonly at: string; readonly names: readonly string[] | 'all' }

function findings(rel: string): { modules: Map<string, ImportSite>; uses: string[] } {
  const file = ts.createSourceFile(rel, fs.readFileSync(path.join(ROOT, rel), 'utf8'), ts.ScriptTarget.Latest, true);
  const where = (node: ts.Node): string => `${rel}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  /** Imported module by local binding name, e.g. `fs` -> 'fs', `writeFileSync` -> 'fs.writeFileSync'. */
  const bindings = new Map<string, string>();
  const modules = new Map<string, ImportSite>();
  const uses: string[] = [];
  const importModule = (specifier: string, node: ts.Node, names: readonly string[] | 'all'): string => {
    const name = bareModule(specifier);
    const earlier = modules.get(name)?.names ?? [];
    modules.set(name, { at: where(node), names: earlier === 'all' || names === 'all' ? 'all' : [...earlier, ...names] });
    return name;
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const names = named && ts.isNamedImports(named) && !clause.name
        ? named.elements.map((el) => (el.propertyName ?? el.name).text) : 'all';
      const name = importModule(node.moduleSpecifier.text, node, names);
      if (clause?.name) bindings.set(clause.name.text, name);
      if (named && ts.isNamespaceImport(named)) bindings.set(named.name.text, name);
      if (named && ts.isNamedImports(named)) {
        for (const el of named.elements) bindings.set(el.name.text, `${name}.${(el.propertyName ?? el.name).text}`);
      }
    } else if (ts.isCallExpression(node) && node.arguments.length >= 1 && ts.isStringLiteralLike(node.arguments[0]!)
      && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) {
      importModule(node.arguments[0].text, node, 'all');
    } else if (ts.isIdentifier(node) && FORBIDDEN_GLOBALS.has(node.text)) {
      const parent = node.parent;
      const isCalled = (ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression === node;
      if (isCalled) uses.push(`${where(node)} ${node.text}(...)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  // Uses of fs write functions, through named imports or a namespace (`fs.writeFileSync`).
  const visitFs = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && !ts.isImportSpecifier(node.parent)) {
      const bound = bindings.get(node.text);
      const member = ts.isPropertyAccessExpression(node.parent) && node.parent.expression === node ? node.parent.name.text : undefined;
      const target = bound && member && FS_MODULES.has(bound) ? `${bound}.${member}` : bound;
      const [mod, fn] = (target ?? '').split('.');
      if (mod && fn && FS_MODULES.has(mod) && FS_WRITES.test(fn)) uses.push(`${where(node)} ${target}`);
    }
    ts.forEachChild(node, visitFs);
  };
  visitFs(file);
  return { modules, uses };
}

const OUR_FILES = [...sourceFiles('client/src'), ...sourceFiles('server/src')];

test('the sources the policy covers are found', () => {
  assert.ok(OUR_FILES.some((f) => f.startsWith(path.join('server', 'src', 'lsp'))), 'server/src/lsp sources');
  assert.ok(OUR_FILES.some((f) => f.startsWith(path.join('client', 'src'))), 'client/src sources');
  for (const dir of READING_DIRS) assert.ok(OUR_FILES.some((f) => f.startsWith(dir)), `${dir} sources`);
});

/**
 * The CLI's threads: `workers.ts` starts our own `chunk-worker.js` (a fixed file beside it, no
 * code from elsewhere) and the worker answers through its port.
 */
const THREAD_NAMES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  [path.join('server', 'src', 'cli', 'workers.ts'), new Set(['Worker'])],
  [path.join('server', 'src', 'cli', 'chunk-worker.ts'), new Set(['parentPort'])],
]);

/** The client may fork our server, the CLI may start its threads; nothing else may use a forbidden module. */
function allowedImport(rel: string, module: string, site: ImportSite): boolean {
  if (site.names === 'all') return false;
  const threadNames = THREAD_NAMES.get(rel);
  if (module === 'worker_threads') return threadNames !== undefined && site.names.every((n) => threadNames.has(n));
  return module === 'child_process' && rel.startsWith(path.join('client', 'src')) && site.names.every((n) => CLIENT_SPAWN_NAMES.has(n));
}

test('no source starts processes, opens connections or loads code at run time', () => {
  const violations: string[] = [];
  for (const rel of OUR_FILES) {
    const { modules } = findings(rel);
    for (const [name, site] of modules) {
      if (FORBIDDEN_MODULES.has(name) && !allowedImport(rel, name, site)) {
        violations.push(`${site.at} imports ${site.names === 'all' ? name : `{ ${site.names.join(', ')} } from ${name}`}`);
      }
    }
  }
  assert.deepEqual(violations, []);
});

test('no source evaluates code or calls network APIs', () => {
  assert.deepEqual(OUR_FILES.flatMap((rel) => findings(rel).uses.filter((u) => !/\bfs(\/promises)?\./.test(u))), []);
});

test('only the CLI, the MCP server and the input module touch the file system, and they only read', () => {
  const violations: string[] = [];
  for (const rel of OUR_FILES) {
    const { modules, uses } = findings(rel);
    const fsImport = [...modules].find(([name]) => FS_MODULES.has(name));
    if (fsImport && !READING_DIRS.some((dir) => rel.startsWith(dir))) violations.push(`${fsImport[1].at} imports ${fsImport[0]} outside the reading adapters and server/src/io`);
    violations.push(...uses.filter((u) => /\bfs(\/promises)?\./.test(u)).map((u) => `${u} writes`));
  }
  assert.deepEqual(violations, []);
});

test('the policy checker catches what it is meant to catch', () => {
  const dir = fs.mkdtempSync(path.join(ROOT, 'out', 'security-probe-'));
  try {
    const rel = path.relative(ROOT, path.join(dir, 'probe.ts'));
    fs.writeFileSync(path.join(ROOT, rel), [
      "import { execFile } from 'node:child_process';",
      "import * as fs from 'fs';",
      "import { appendFileSync as add } from 'node:fs';",
      "const https = require('https');",
      "fs.writeFileSync('x', 'y'); add('x', 'y'); fs.readFileSync('x');",
      "eval('1'); new Function('return 1'); fetch('http://127.0.0.1/');",
      'export { execFile, https };',
    ].join('\n'));
    const { modules, uses } = findings(rel);
    assert.deepEqual([...modules.keys()].sort(), ['child_process', 'fs', 'https']);
    assert.deepEqual(modules.get('child_process')?.names, ['execFile']);
    assert.equal(allowedImport(path.join('client', 'src', 'x.ts'), 'child_process', modules.get('child_process')!), false);
    assert.equal(allowedImport(path.join('client', 'src', 'x.ts'), 'child_process', { at: '', names: ['fork'] }), true);
    assert.equal(allowedImport(path.join('server', 'src', 'x.ts'), 'child_process', { at: '', names: ['fork'] }), false);
    assert.equal(allowedImport(path.join('server', 'src', 'cli', 'workers.ts'), 'worker_threads', { at: '', names: ['Worker'] }), true);
    assert.equal(allowedImport(path.join('server', 'src', 'cli', 'workers.ts'), 'worker_threads', { at: '', names: ['Worker', 'SHARE_ENV'] }), false);
    assert.equal(allowedImport(path.join('server', 'src', 'lsp', 'x.ts'), 'worker_threads', { at: '', names: ['Worker'] }), false);
    assert.deepEqual(uses.map((u) => u.slice(u.indexOf(' ') + 1)).sort(),
      ['Function(...)', 'eval(...)', 'fetch(...)', 'fs.appendFileSync', 'fs.writeFileSync']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the client never trusts rendered Markdown (no command links, no HTML)', () => {
  // vscode-languageclient renders hovers untrusted unless told otherwise (its `markdown` option,
  // or a MarkdownString made trusted by hand).
  const trusting = sourceFiles('client/src').filter((rel) => /\b(isTrusted|supportHtml)\s*[:=]\s*(true|\{)/.test(fs.readFileSync(path.join(ROOT, rel), 'utf8')));
  assert.deepEqual(trusting, []);
});

/** Where each match of `pattern` in a built bundle comes from, per its source map (`../server/src/x.ts`). */
function bundleOrigins(bundle: string, pattern: RegExp): { sources: readonly string[]; origins: string[] } {
  const code = fs.readFileSync(bundle, 'utf8');
  const map = new SourceMap(JSON.parse(fs.readFileSync(`${bundle}.map`, 'utf8')) as SourceMapPayload);
  const lineStarts = [0, ...[...code.matchAll(/\n/g)].map((m) => m.index + 1)];
  const origins = [...code.matchAll(pattern)].map((m) => {
    let line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= m.index) line += 1;
    const entry = map.findEntry(line, m.index - lineStarts[line]!) as { originalSource?: string };
    return entry.originalSource ?? '(unmapped)';
  });
  return { sources: map.payload.sources, origins };
}

const isOurs = (source: string): boolean => /(^|\/)(client|server)\/src\//.test(source) && !source.includes('node_modules');

test('the built bundles hold no eval or new Function from our sources', () => {
  for (const name of ['extension.js', 'server.js', 'cli.js', 'mcp.js']) {
    const file = path.join(ROOT, 'dist', name);
    assert.ok(fs.existsSync(file) && fs.existsSync(`${file}.map`), `dist/${name} and its source map are built`);
    const { sources, origins } = bundleOrigins(file, /\beval\s*\(|\bnew\s+Function\s*\(/g);
    assert.ok(sources.some(isOurs), `dist/${name}: the source map names our sources`);
    assert.deepEqual(origins.filter(isOurs), [], `dist/${name}`);
    // Only the client starts a process (the server); the server and the CLI bundle no such code of ours.
    if (name !== 'extension.js') {
      assert.deepEqual(bundleOrigins(file, /require\("(node:)?child_process"\)/g).origins.filter(isOurs), [], `dist/${name}: child_process`);
    }
  }
});

test('the manifest supports untrusted and virtual workspaces', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    capabilities?: { untrustedWorkspaces?: { supported?: unknown }; virtualWorkspaces?: unknown };
  };
  assert.equal(manifest.capabilities?.untrustedWorkspaces?.supported, true);
  const virtual = manifest.capabilities?.virtualWorkspaces;
  assert.ok(virtual === true || (typeof virtual === 'object' && virtual !== null && 'supported' in virtual),
    'capabilities.virtualWorkspaces is declared');
});
