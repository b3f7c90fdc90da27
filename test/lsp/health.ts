// Is the server still well after something nasty? Alive, memory bounded, and answering a real
// request with a real answer. Used by the pathological, misuse and settings tests.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver/node';
import { LspClient } from './client';

/** A generous bound: the server keeps a 50 MB log in a few hundred MB. */
export const RSS_LIMIT_BYTES = 1.5 * 1024 ** 3;

/** Hang guard for each test (never a timing assertion: a healthy run takes a fraction of it). */
export const HANG_GUARD_MS = 180_000;
/** Hang guard for one wait inside such a test (diagnostics of a pathological document). */
export const WAIT_GUARD_MS = 120_000;

/** A small transcript opened before the nasty part, hovered after it. */
export const PROBE = { uri: 'file:///robustness/probe.smtp', languageId: 'smtp-transcript', text: 'S: 550 5.1.1 No such user\n' } as const;

/** Fields of /proc/PID/status (Linux), e.g. State and VmRSS. */
function procStatus(pid: number): Map<string, string> | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return new Map(text.split('\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]));
  } catch {
    return undefined;
  }
}

/** Running (not exited, not a zombie waiting to be reaped). */
export function isAlive(pid: number): boolean {
  const state = procStatus(pid)?.get('State');
  return state !== undefined && !state.startsWith('Z');
}

/** Resident memory in bytes. */
export function rssBytes(pid: number): number {
  const rss = procStatus(pid)?.get('VmRSS');
  assert.ok(rss !== undefined && /^\d+ kB$/.test(rss), `VmRSS of ${pid}: ${rss}`);
  return Number(rss.split(' ')[0]) * 1024;
}

/** Stops the server, gracefully if it answers; LspClient.stop kills one stuck in a computation. */
export async function stopServer(client: LspClient): Promise<void> {
  await client.stop().catch(() => undefined);
}

export async function openProbe(client: LspClient): Promise<void> {
  client.open(PROBE.uri, PROBE.languageId, PROBE.text);
  await client.waitForDiagnostics(PROBE.uri);
}

/**
 * For a `describe` block whose tests share one server: started with the probe open before them,
 * stopped after them. The returned function gives that server's client inside a test.
 */
export function sharedProbeServer(): () => LspClient {
  let client: LspClient | undefined;
  before(async () => {
    client = await LspClient.start({ settings: {} });
    await openProbe(client);
  });
  after(async () => {
    if (client !== undefined) await stopServer(client);
  });
  return () => {
    assert.ok(client, 'the shared server has started');
    return client;
  };
}

/** The server is alive, within the memory bound, and explains the probe's code on hover. */
export async function assertHealthy(client: LspClient): Promise<void> {
  assert.ok(isAlive(client.pid), 'the server process is alive');
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: PROBE.uri }, position: { line: 0, character: 4 } });
  assert.ok(hover, 'the server answers a hover with an explanation');
  assert.match((hover.contents as MarkupContent).value, /550/);
  const rss = rssBytes(client.pid);
  assert.ok(rss < RSS_LIMIT_BYTES, `server RSS ${(rss / 2 ** 20).toFixed(0)} MB stays below ${(RSS_LIMIT_BYTES / 2 ** 20).toFixed(0)} MB`);
}
