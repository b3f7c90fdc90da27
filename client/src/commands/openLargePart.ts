// "Open Part of a Large Mail Log...": a file of any size (gzip included) is streamed through the
// server's core with a filter, and the lines it keeps open as a read-only mail log that shows
// each line's number in the file; hovers, diagnostics and the summary work on it as on any log.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PROVIDER_NAMES } from '../../../server/src/service/providers';
import { LargeParts, PART_SCHEME } from '../largeParts';
import { ExtractRequest, type LineFilterSpec } from '../protocol';
import { pickLargeFile, withFileProgress } from './largeFiles';

type FilterField = keyof LineFilterSpec;

interface FieldPick extends vscode.QuickPickItem {
  readonly field: FilterField | 'window';
}

const FIELDS: readonly FieldPick[] = [
  { label: 'Time window', description: 'e.g. 09:00 to 09:30', field: 'window' },
  { label: 'Message id', description: 'queue id or Message-ID', field: 'messageId' },
  { label: 'Outcome', description: 'success, temporary or permanent failure', field: 'outcome' },
  { label: 'Reason', description: 'a code or its start: 5.1.1, 550, 5.7', field: 'reason' },
  { label: 'Recipient domain', description: 'example.com', field: 'recipientDomain' },
  { label: 'Provider', description: 'who answered, by relay host or reply text: Google, Microsoft 365, Yahoo, ...', field: 'provider' },
  { label: 'Free text', description: 'any text, case-insensitive', field: 'text' },
];

/** A choice and the value the filter takes (its label when none is given). */
interface ChoicePick extends vscode.QuickPickItem {
  readonly value?: string;
}

const CHOICES: Partial<Record<FilterField, readonly ChoicePick[]>> = {
  outcome: [{ label: 'permanent', description: '5xx / 5.x.x' }, { label: 'temporary', description: '4xx / 4.x.x' }, { label: 'success', description: '2xx / 2.x.x' }],
  provider: PROVIDER_NAMES.map(({ id, name }) => ({ label: name, description: id, value: id })),
};

/** Asks for the filter, one box per condition chosen; undefined when the user gives up. */
async function askFilter(): Promise<LineFilterSpec | undefined> {
  const picked = await vscode.window.showQuickPick(FIELDS, {
    canPickMany: true,
    title: 'Keep the lines that match all of (none: the whole file, up to 40 MB)',
  });
  if (picked === undefined) return undefined;
  const spec: Record<string, string> = {};
  for (const { field, label } of picked) {
    if (field === 'window') {
      const window = await vscode.window.showInputBox({ title: label, prompt: 'From and to, HH:MM[:SS]', placeHolder: '09:00-09:30' });
      if (window === undefined) return undefined;
      const [from, to] = window.split(/-|\bto\b/).map((part) => part.trim());
      if (from) spec['from'] = from;
      if (to) spec['to'] = to;
      continue;
    }
    const choices = CHOICES[field];
    const choice = choices === undefined ? undefined : await vscode.window.showQuickPick(choices, { title: label });
    const value = choices !== undefined
      ? choice?.value ?? choice?.label
      : await vscode.window.showInputBox({ title: label, prompt: FIELDS.find((f) => f.field === field)?.description });
    if (value === undefined) return undefined;
    spec[field] = value;
  }
  return spec as LineFilterSpec;
}

const describe = (filter: LineFilterSpec): string =>
  Object.entries(filter).map(([key, value]) => `${key} ${String(value)}`).join(', ') || 'all lines';

/** Opens the part; returns its URI, or undefined when nothing matched or the user gave up. */
export async function openLargePart(client: LanguageClient, parts: LargeParts, file?: vscode.Uri, filter?: LineFilterSpec): Promise<vscode.Uri | undefined> {
  const target = file ?? (await pickLargeFile('Open Part'));
  if (target === undefined) return undefined;
  const spec = filter ?? (await askFilter());
  if (spec === undefined) return undefined;
  const name = target.path.split('/').pop() ?? target.fsPath;
  const result = await withFileProgress(`Reading ${name}`, (token) => client.sendRequest(ExtractRequest, { path: target.fsPath, filter: spec }, token));
  if (result === undefined) return undefined;
  if (result.error !== undefined) void vscode.window.showWarningMessage(`${name}: ${result.error}; read up to line ${result.linesRead}.`);
  if (result.truncated) void vscode.window.showInformationMessage(`${name}: the part is limited to 40 MB; it covers lines 1-${result.linesRead}. Narrow the filter to see later lines.`);
  if (result.lineNumbers.length === 0) {
    void vscode.window.showInformationMessage(`No line of ${name} matches ${describe(spec)} (${result.linesRead.toLocaleString()} lines read).`);
    return undefined;
  }
  const uri = parts.add({ original: target, text: result.text, lineNumbers: result.lineNumbers }, describe(spec));
  const document = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), 'mail-log');
  parts.showLineNumbers(await vscode.window.showTextDocument(document, { preview: false }));
  return uri;
}

/** From a line of a part, the same line in the original file (a `.gz` cannot be opened in the editor). */
export async function openOriginalLine(parts: LargeParts, editor = vscode.window.activeTextEditor): Promise<vscode.TextEditor | undefined> {
  const part = editor?.document.uri.scheme === PART_SCHEME ? parts.get(editor.document.uri) : undefined;
  if (editor === undefined || part === undefined) {
    void vscode.window.showInformationMessage('Put the cursor in a part opened by "Open Part of a Large Mail Log..." first.');
    return undefined;
  }
  const line = part.lineNumbers[editor.selection.active.line] ?? 0;
  if (/\.gz$/i.test(part.original.path)) {
    void vscode.window.showInformationMessage(`${part.original.path.split('/').pop()} is compressed; this is its line ${line + 1}.`);
    return undefined;
  }
  return vscode.window.showTextDocument(part.original, { selection: new vscode.Range(line, 0, line, 0), preview: false });
}
