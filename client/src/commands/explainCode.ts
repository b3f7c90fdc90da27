// "Explain SMTP status code…": a searchable list of every code the server knows, then the
// full explanation in the Markdown preview.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CatalogEntry, CatalogRequest, ExplainRequest } from '../protocol';
import { showMarkdown, VirtualDocuments } from '../virtualDocuments';

const GROUPS: readonly { kind: CatalogEntry['kind']; label: string }[] = [
  { kind: 'enhanced', label: 'Enhanced status codes (IANA registry)' },
  { kind: 'reply', label: 'Reply codes (RFC 5321 and later)' },
  { kind: 'vendor', label: 'Vendor codes' },
];

interface CodePick extends vscode.QuickPickItem {
  readonly code?: string;
}

function pickItems(catalog: readonly CatalogEntry[]): CodePick[] {
  const items: CodePick[] = [];
  for (const group of GROUPS) {
    const entries = catalog.filter((e) => e.kind === group.kind);
    if (entries.length === 0) continue;
    items.push({ label: group.label, kind: vscode.QuickPickItemKind.Separator });
    for (const e of entries) items.push({ label: e.code, description: e.title, code: e.code });
  }
  return items;
}

/** The code under the cursor, if any, to pre-fill the search box. */
function codeAtCursor(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor === undefined) return undefined;
  const range = editor.document.getWordRangeAtPosition(editor.selection.active, /[245]\d{2}|[245]\.\d{1,3}\.\d{1,3}/);
  return range === undefined ? undefined : editor.document.getText(range);
}

async function pickCode(client: LanguageClient): Promise<string | undefined> {
  const quickPick = vscode.window.createQuickPick<CodePick>();
  quickPick.title = 'Explain SMTP status code';
  quickPick.placeholder = 'Type a code (550, 5.1.1) or words from its meaning (mailbox, relay, TLS)';
  quickPick.matchOnDescription = true;
  quickPick.value = codeAtCursor() ?? '';
  // Shown at once, busy until the server sends the list, so early typing is not lost.
  quickPick.busy = true;
  quickPick.show();
  client.sendRequest(CatalogRequest).then(
    (catalog) => {
      quickPick.items = pickItems(catalog);
      quickPick.busy = false;
    },
    (error: unknown) => {
      quickPick.hide();
      void vscode.window.showErrorMessage(`SMTP Status: could not load the list of codes: ${String(error)}`);
    },
  );
  try {
    return await new Promise<string | undefined>((resolve) => {
      quickPick.onDidAccept(() => resolve(quickPick.selectedItems[0]?.code ?? (quickPick.value.trim() || undefined)));
      quickPick.onDidHide(() => resolve(undefined));
    });
  } finally {
    quickPick.dispose();
  }
}

/**
 * With a `code` argument (as other extensions or links pass it) no list is shown.
 * Returns the URI of the explanation document, or undefined when cancelled.
 */
export async function explainCode(client: LanguageClient, docs: VirtualDocuments, code?: string): Promise<vscode.Uri | undefined> {
  const chosen = typeof code === 'string' && code.trim() !== '' ? code.trim() : await pickCode(client);
  if (chosen === undefined) return undefined;
  const { markdown } = await client.sendRequest(ExplainRequest, { code: chosen });
  const uri = docs.set(`/explain/${chosen.replace(/[^\w.-]+/g, '_')}.md`, markdown);
  await showMarkdown(uri);
  return uri;
}
