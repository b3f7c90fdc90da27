// Read-only Markdown documents (explanations) under the `smtp-status:` scheme,
// shown in VS Code's own Markdown preview: nothing executes, no webview of ours.
import * as vscode from 'vscode';

export const SCHEME = 'smtp-status';

export class VirtualDocuments implements vscode.TextDocumentContentProvider {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  /** Stores `markdown` under `path` (e.g. '/explain/5.1.1.md') and returns its URI. */
  set(path: string, markdown: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: SCHEME, path });
    this.contents.set(uri.toString(), markdown);
    this.changed.fire(uri);
    return uri;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Opens the document in the Markdown preview, or as plain text if Markdown support is disabled. */
export async function showMarkdown(uri: vscode.Uri): Promise<void> {
  try {
    // Activates the built-in Markdown extension on first use.
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    await vscode.window.showTextDocument(uri, { preview: true });
  }
}
