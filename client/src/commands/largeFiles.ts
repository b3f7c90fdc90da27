// What the large-file commands share: picking a file, and a cancellable progress notification
// while the server streams it.
import * as vscode from 'vscode';
import type { CancellationToken } from 'vscode-languageclient/node';

export async function pickLargeFile(action: string): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: action, title: `${action}: a mail log of any size (.gz included)` });
  return picked?.[0];
}

/** Runs `work` under a cancellable notification; undefined when the user cancels. */
export async function withFileProgress<R>(title: string, work: (token: CancellationToken) => Promise<R>): Promise<R | undefined> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (_, token) => {
    const result = await work(token);
    return token.isCancellationRequested ? undefined : result;
  });
}
