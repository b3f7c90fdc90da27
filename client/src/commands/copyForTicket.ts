// "Copy for a ticket": the message under the cursor (all its lines, hops included) or, elsewhere,
// the deliverability report, with address local parts and client IPs replaced, on the clipboard.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TicketRequest, type TicketResult } from '../protocol';

export async function copyForTicket(client: LanguageClient, wants: (document: vscode.TextDocument) => boolean): Promise<TicketResult | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (editor === undefined || !wants(editor.document)) {
    void vscode.window.showInformationMessage('Open a mail log first; put the cursor on a queue id to copy that message, or elsewhere to copy the report.');
    return undefined;
  }
  const result = await client.sendRequest(TicketRequest, {
    uri: client.code2ProtocolConverter.asUri(editor.document.uri),
    position: client.code2ProtocolConverter.asPosition(editor.selection.active),
  });
  if (result === null) return undefined;
  await vscode.env.clipboard.writeText(result.text);
  void vscode.window.showInformationMessage(result.kind === 'trace'
    ? 'Copied the message\'s log lines for a ticket, with address local parts and client IPs replaced.'
    : 'Copied the deliverability report for a ticket, with address local parts and client IPs replaced.');
  return result;
}
