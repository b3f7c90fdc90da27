// Small helpers for the extension-host suite: open demo files, wait for the server's answers.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SmtpStatusApi } from '../../../client/src/extension';

export const EXTENSION_ID = 'smtp-status.smtp-status';

/** A file of the workspace the runners open: a throwaway copy of test/fixtures/demo. */
export function demoUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the runner opens a copy of the demo workspace');
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

export async function api(): Promise<SmtpStatusApi> {
  const extension = vscode.extensions.getExtension<SmtpStatusApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
  const extensionApi = await extension.activate();
  await extensionApi.ready();
  return extensionApi;
}

export async function open(relative: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(demoUri(relative));
  await vscode.window.showTextDocument(document);
  return document;
}

/** Polls until `check` returns a value other than undefined (the server answers asynchronously). */
export async function eventually<T>(what: string, check: () => T | undefined | Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}${last === undefined ? '' : `: ${String(last)}`}`);
}

export function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
}

/** Our diagnostics on `uri`, once at least one satisfies `until` (default: any exist). */
export function diagnostics(uri: vscode.Uri, until: (d: vscode.Diagnostic) => boolean = () => true): Promise<vscode.Diagnostic[]> {
  return eventually(`diagnostics on ${uri.path}`, () => {
    const ours = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'smtp-status');
    return ours.some(until) ? ours : undefined;
  });
}

export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  return eventually('a hover', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
    const text = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n');
    return text.trim() === '' ? undefined : text;
  });
}

/** Position of the `nth` (0-based) occurrence of `needle` in the document, plus `offset`. */
export function positionOf(document: vscode.TextDocument, needle: string, offset = 0, nth = 0): vscode.Position {
  const text = document.getText();
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.notEqual(at, -1, `"${needle}" (#${i}) not found in ${document.uri.path}`);
  }
  return document.positionAt(at + offset);
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration().update(key, value, vscode.ConfigurationTarget.Global);
}

export async function revert(document: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.files.revert');
}
