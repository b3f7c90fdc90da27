// Read-only documents holding the part of a large file a filter selected, under the
// `smtp-status-part:` scheme. Each keeps the line numbers its lines had in the file: shown
// before every visible line, and used to jump to the same line in the original.
import * as vscode from 'vscode';

export const PART_SCHEME = 'smtp-status-part';

export interface LargePart {
  readonly original: vscode.Uri;
  readonly text: string;
  /** The 0-based line in the original of each line of the part. */
  readonly lineNumbers: readonly number[];
}

export class LargeParts implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly parts = new Map<string, LargePart>();
  private readonly decoration = vscode.window.createTextEditorDecorationType({
    before: { color: new vscode.ThemeColor('editorLineNumber.foreground'), margin: '0 1ch 0 0' },
  });
  private readonly subscriptions: vscode.Disposable[];
  private count = 0;

  constructor() {
    this.subscriptions = [
      vscode.window.onDidChangeTextEditorVisibleRanges(({ textEditor }) => this.showLineNumbers(textEditor)),
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((editor) => this.showLineNumbers(editor))),
    ];
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.parts.get(uri.toString())?.text ?? '';
  }

  /** Stores a part and returns its URI, named after the original and what was asked for. */
  add(part: LargePart, label: string): vscode.Uri {
    const name = part.original.path.split('/').pop() ?? 'log';
    const uri = vscode.Uri.from({ scheme: PART_SCHEME, path: `/${++this.count}/${name} (${label.replace(/[/\\]/g, '_')})` });
    this.parts.set(uri.toString(), part);
    return uri;
  }

  get(uri: vscode.Uri): LargePart | undefined {
    return this.parts.get(uri.toString());
  }

  /** `<n> |` before each visible line (only those: a part may hold hundreds of thousands of lines). */
  showLineNumbers(editor: vscode.TextEditor): void {
    const part = this.get(editor.document.uri);
    if (part === undefined) return;
    const width = String((part.lineNumbers[part.lineNumbers.length - 1] ?? 0) + 1).length;
    const options: vscode.DecorationOptions[] = [];
    for (const visible of editor.visibleRanges) {
      for (let line = visible.start.line; line <= visible.end.line && line < part.lineNumbers.length; line++) {
        // Figure spaces keep the numbers right-aligned; the bar sets them off from the log text.
        const original = String(part.lineNumbers[line]! + 1).padStart(width, '\u2007');
        options.push({ range: new vscode.Range(line, 0, line, 0), renderOptions: { before: { contentText: `${original} \u2502` } } });
      }
    }
    editor.setDecorations(this.decoration, options);
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.decoration.dispose();
  }
}
