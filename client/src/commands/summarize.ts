// "Summarise SMTP codes in this file": events per class and per code as coloured bars in a
// webview, with line:column links that move the editor to each occurrence.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ReportRequest, SummaryRequest, type SummaryResult } from '../protocol';
import { REVEAL_COMMAND, renderSummaryHtml } from '../summaryHtml';

/** One summary panel, reused: a new summary replaces the last one. */
let panel: vscode.WebviewPanel | undefined;

/** Shows `html` in the results view (the summary and the report), whose links run REVEAL_COMMAND only. */
export function showPage(title: string, html: string): void {
  if (panel === undefined) {
    panel = vscode.window.createWebviewPanel('smtpStatus.summary', title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, {
      // The links run one command of ours; the page has no script and loads nothing.
      enableCommandUris: [REVEAL_COMMAND],
      enableScripts: false,
      localResourceRoots: [],
    });
    panel.onDidDispose(() => (panel = undefined));
  } else {
    panel.reveal(undefined, false);
  }
  panel.title = title;
  panel.webview.html = html;
}

/** Returns the page shown, or undefined when there was nothing to summarise. */
export async function summarize(client: LanguageClient, reads: (document: vscode.TextDocument) => boolean, target?: vscode.Uri): Promise<string | undefined> {
  const document = target !== undefined ? await vscode.workspace.openTextDocument(target) : vscode.window.activeTextEditor?.document;
  if (document === undefined) {
    void vscode.window.showInformationMessage('Open a mail log, SMTP transcript, bounce or mail-server config first, then summarise its SMTP codes.');
    return undefined;
  }
  if (!reads(document)) {
    void vscode.window.showWarningMessage(
      `SMTP Status does not read "${document.languageId}" documents. Change the file's language, or add "${document.languageId}" to the setting smtpStatus.extraLanguages.`,
    );
    return undefined;
  }
  const uri = client.code2ProtocolConverter.asUri(document.uri);
  const summary = await client.sendRequest(SummaryRequest, { uri });
  // A log that names messages gets its deliverability report first, then the events chart.
  const report = await client.sendRequest(ReportRequest, { uri });
  const reportHtml = report !== null && report.messages > 0 ? await renderReport(report.markdown) : '';
  return showSummary(summary, document.uri.path.split('/').pop() || document.uri.toString(), document.uri.toString(), reportHtml);
}

/** The report's Markdown as HTML, rendered by VS Code's own Markdown engine as the preview does. */
export async function renderReport(markdown: string): Promise<string> {
  return vscode.commands.executeCommand<string>('markdown.api.render', markdown);
}

/** Shows a summary in the summary view, its links opening `documentUri`; returns the page. */
export function showSummary(summary: SummaryResult, name: string, documentUri: string, reportHtml = ''): string {
  const html = renderSummaryHtml(summary, name, documentUri, randomBytes(16).toString('base64'), reportHtml);
  showPage(`SMTP summary: ${name}`, html);
  return html;
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** Run by the summary's links: opens the document with the occurrence selected, where it is already shown if it is. */
export async function revealOccurrence(uri: unknown, line: unknown, start: unknown, end: unknown): Promise<vscode.TextEditor | undefined> {
  if (typeof uri !== 'string' || !isCount(line) || !isCount(start) || !isCount(end)) {
    void vscode.window.showErrorMessage('SMTP Status: this link does not point at a place in a file.');
    return undefined;
  }
  const target = vscode.Uri.parse(uri);
  const shown = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === target.toString());
  const selection = new vscode.Range(line, start, line, end);
  const editor = await vscode.window.showTextDocument(target, { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One, selection, preserveFocus: false });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
