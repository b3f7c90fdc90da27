// "Summarise SMTP Codes in a File of Any Size...": the deliverability summary of a file read
// as a stream by the server, without opening it in the editor.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FileSummaryRequest } from '../protocol';
import { pickLargeFile, withFileProgress } from './largeFiles';
import { showSummary } from './summarize';

/** Returns the page shown, or undefined when no file was picked or the summary was cancelled. */
export async function summarizeFile(client: LanguageClient, file?: vscode.Uri): Promise<string | undefined> {
  const target = file ?? (await pickLargeFile('Summarise'));
  if (target === undefined) return undefined;
  const name = target.path.split('/').pop() ?? target.fsPath;
  const summary = await withFileProgress(`Summarising ${name}`, (token) => client.sendRequest(FileSummaryRequest, { path: target.fsPath }, token));
  if (summary === undefined) return undefined;
  if (summary.error !== undefined) void vscode.window.showWarningMessage(`${name}: ${summary.error}; the summary covers lines 1-${summary.linesRead}.`);
  return showSummary(summary, name, target.toString());
}
