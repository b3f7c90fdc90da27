// "Deliverability report": the server's report on the open log (messages and recipients by
// outcome, failures by reason, provider and domain, deferral delays, top replies, over time),
// shown in the Markdown preview with a link to each entry's lines.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ReportRequest } from '../protocol';
import { showMarkdown, type VirtualDocuments } from '../virtualDocuments';

/** Returns the URI of the report document, or undefined when there is no log to report on. */
export async function showReport(client: LanguageClient, docs: VirtualDocuments, wants: (document: vscode.TextDocument) => boolean): Promise<vscode.Uri | undefined> {
  const document = vscode.window.activeTextEditor?.document;
  if (document === undefined || !wants(document)) {
    void vscode.window.showInformationMessage('Open a mail log first, then ask for its deliverability report.');
    return undefined;
  }
  const report = await client.sendRequest(ReportRequest, { uri: client.code2ProtocolConverter.asUri(document.uri) });
  if (report === null) return undefined;
  const name = document.uri.path.split('/').pop() || document.uri.toString();
  const uri = docs.set(`/report/${name.replace(/[^\w.-]+/g, '_')}.md`, report.markdown);
  await showMarkdown(uri);
  return uri;
}
