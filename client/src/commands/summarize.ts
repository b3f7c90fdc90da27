// "Summarise SMTP codes in this file": counts per class and per code as a bar chart in the
// Markdown preview, with links back to every occurrence.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SummaryRequest } from '../protocol';
import { renderSummaryMarkdown } from '../summaryMarkdown';
import { showMarkdown, VirtualDocuments } from '../virtualDocuments';

/** Returns the URI of the summary document, or undefined when there was nothing to summarise. */
export async function summarize(
  client: LanguageClient,
  docs: VirtualDocuments,
  selector: vscode.DocumentSelector,
  target?: vscode.Uri,
): Promise<vscode.Uri | undefined> {
  const document = target !== undefined ? await vscode.workspace.openTextDocument(target) : vscode.window.activeTextEditor?.document;
  if (document === undefined) {
    void vscode.window.showInformationMessage('Open a mail log, SMTP transcript, bounce or mail-server config first, then summarise its SMTP codes.');
    return undefined;
  }
  if (vscode.languages.match(selector, document) === 0) {
    void vscode.window.showWarningMessage(
      `SMTP Status does not read "${document.languageId}" documents. Change the file's language, or add "${document.languageId}" to the setting smtpStatus.extraLanguages.`,
    );
    return undefined;
  }
  const summary = await client.sendRequest(SummaryRequest, { uri: client.code2ProtocolConverter.asUri(document.uri) });
  const name = document.uri.path.split('/').pop() || document.uri.toString();
  const uri = docs.set(`/summary/${name.replace(/[^\w.-]+/g, '_')}.md`, renderSummaryMarkdown(summary, name, document.uri.toString()));
  await showMarkdown(uri);
  return uri;
}
