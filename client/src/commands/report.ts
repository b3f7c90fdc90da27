// "Deliverability report": the server's report on the open log (messages and recipients by
// outcome, failures by reason, provider and domain, deferral delays, top replies, over time),
// its Markdown rendered by VS Code's own Markdown engine into the results view, where each
// entry's line links move the editor to that line.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ReportRequest } from '../protocol';
import { pageHtml } from '../summaryHtml';
import { renderReport, showPage } from './summarize';

/** Returns the page shown, or undefined when there is no log to report on. */
export async function showReport(client: LanguageClient, wants: (document: vscode.TextDocument) => boolean): Promise<string | undefined> {
  const document = vscode.window.activeTextEditor?.document;
  if (document === undefined || !wants(document)) {
    void vscode.window.showInformationMessage('Open a mail log first, then ask for its deliverability report.');
    return undefined;
  }
  const report = await client.sendRequest(ReportRequest, { uri: client.code2ProtocolConverter.asUri(document.uri) });
  if (report === null) return undefined;
  const name = document.uri.path.split('/').pop() || document.uri.toString();
  // Whatever the log holds, the page runs no script (CSP, scripts off).
  const body = await renderReport(report.markdown);
  const html = pageHtml(`Deliverability report: ${name}`, body, randomBytes(16).toString('base64'));
  showPage(`SMTP report: ${name}`, html);
  return html;
}
