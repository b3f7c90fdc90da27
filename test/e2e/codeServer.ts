// Starts code-server (VS Code 1.100 in the browser, with a real Node extension host) on
// 127.0.0.1 and drives it with the system's Chromium through playwright-core. Shared by the
// extension-host suite runner, the UI test, the VSIX test and `npm start`.
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

export const ROOT = resolve(__dirname, '../../..');
export const DEMO = join(ROOT, 'test', 'fixtures', 'demo');
const ENTRY = join(ROOT, '.vscode-test', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM = '/usr/bin/chromium';

/** Installs code-server into its cache folder on first use (see setup-code-server.mjs). */
export function codeServerEntry(): string {
  if (!existsSync(ENTRY)) {
    execFileSync(process.execPath, [join(ROOT, 'test', 'e2e', 'setup-code-server.mjs')], { stdio: 'inherit' });
  }
  return ENTRY;
}

export interface CodeServerOptions {
  /** Extra user settings on top of the quiet defaults. */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** Where installed extensions live; a fresh empty folder by default. */
  readonly extensionsDir?: string;
  /** Keep Workspace Trust on, so that a folder opens in Restricted Mode. */
  readonly workspaceTrust?: boolean;
  /** Fixed port (for `npm start`); a free one by default. */
  readonly port?: number;
  readonly env?: Readonly<Record<string, string>>;
}

export interface CodeServer {
  readonly port: number;
  readonly origin: string;
  readonly home: string;
  readonly extensionsDir: string;
  /** Workbench URL that opens `folder` with extension-development `payload` entries. */
  url(folder: string, payload?: readonly (readonly [string, string])[]): string;
  /** The `vscode-remote:` form of a local path, as the payload wants it. */
  remote(path: string): string;
  /** A throwaway copy of the demo workspace (removed by stop()): tests edit files, never the fixtures. */
  demoCopy(): string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForHealth(origin: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with code ${child.exitCode} before it was ready`);
    try {
      const response = await fetch(`${origin}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`code-server did not answer ${origin}/healthz within ${timeoutMs} ms`);
}

export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  const entry = codeServerEntry();
  // HOME and XDG_* in a throwaway folder: code-server otherwise writes under the real home.
  const home = mkdtempSync(join(tmpdir(), 'smtp-status-code-server-'));
  const userData = join(home, 'user-data');
  const extensionsDir = options.extensionsDir ?? join(home, 'extensions');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': options.workspaceTrust === true,
    'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.untrustedFiles': 'open',
    'telemetry.telemetryLevel': 'off',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'editor.hover.delay': 100,
    'files.autoSave': 'off',
    'files.hotExit': 'off',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'chat.disableAIFeatures': true,
    // The demo folder sits inside this repository: keep Git's prompts out of the screenshots.
    'git.enabled': false,
    'git.openRepositoryInParentFolders': 'never',
    ...options.settings,
  };
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  const port = options.port ?? (await freePort());
  const origin = `http://127.0.0.1:${port}`;
  const args = [entry, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-getting-started-override', '--user-data-dir', userData, '--extensions-dir', extensionsDir];
  if (options.workspaceTrust !== true) args.push('--disable-workspace-trust');
  const child = spawn(process.execPath, args, {
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, 'config'), XDG_DATA_HOME: join(home, 'data'), XDG_CACHE_HOME: join(home, 'cache'), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.setEncoding('utf8').on('data', (d: string) => output.push(d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => output.push(d));
  try {
    await waitForHealth(origin, child, 30_000);
  } catch (error) {
    child.kill();
    throw new Error(`${(error as Error).message}\n${output.join('')}`);
  }
  const remote = (path: string): string => `vscode-remote://127.0.0.1:${port}${path}`;
  return {
    port,
    origin,
    home,
    extensionsDir,
    remote,
    demoCopy: () => {
      const copy = mkdtempSync(join(home, 'demo-'));
      cpSync(DEMO, copy, { recursive: true });
      return copy;
    },
    url: (folder, payload = []) => {
      const query = new URLSearchParams({ folder });
      if (payload.length > 0) query.set('payload', JSON.stringify(payload));
      return `${origin}/?${query.toString()}`;
    },
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill();
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** Headless Chromium with a fresh profile, as the notes on offline VS Code prescribe. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'smtp-status-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Log lines the web workbench prints that say nothing about this extension. */
export function isNoise(text: string): boolean {
  return /vsda|open-vsx|gallery|Failed to load resource|connection token|Creating a socket|builtin extensions cache|Service Worker|ChatSessionStore/i.test(text);
}

export type { Page };
