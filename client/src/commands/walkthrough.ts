// The walkthrough's buttons: open a demo mail log (as an untitled document, so nothing of the
// extension's own files can be changed) and the guide.
import * as vscode from 'vscode';

const DEMO_LOG = ['client', 'walkthrough', 'demo-mail.log'];

export async function openDemoLog(extensionUri: vscode.Uri): Promise<vscode.TextEditor> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, ...DEMO_LOG));
  const document = await vscode.workspace.openTextDocument({ language: 'mail-log', content: new TextDecoder().decode(bytes) });
  return vscode.window.showTextDocument(document);
}

export async function openGuide(extensionUri: vscode.Uri): Promise<void> {
  await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.joinPath(extensionUri, 'README.md'));
}
