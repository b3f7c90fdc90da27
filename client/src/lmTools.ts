// The language model tools (VS Code agent mode): explain codes, check, summarise or classify the
// failures of an open document (or the selection), trace a message. Each is declared in package.json (`languageModelTools`, with the
// description that tells the model when to use it) and answered by the language server.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClassifyRequest, ExplainRequest, ProblemsRequest, SummaryRequest, TraceRequest, type ProblemsResult, type SummaryResult } from './protocol';

/** What the tools need of the extension: a started client, and whether it reads a document. */
export interface ToolHost {
  ensureStarted(): Promise<LanguageClient>;
  wants(document: vscode.TextDocument): boolean;
}

interface ExplainInput { readonly codes: readonly string[] }
interface DocumentInput { readonly uri?: string; readonly selectionOnly?: boolean }
interface TraceInput { readonly id: string; readonly uri?: string }

const text = (value: string): vscode.LanguageModelToolResult => new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(value)]);

export function registerLanguageModelTools(host: ToolHost): vscode.Disposable[] {
  return [
    vscode.lm.registerTool<ExplainInput>('smtpStatus_explain', { invoke: (options) => explainCodes(host, options.input) }),
    vscode.lm.registerTool<DocumentInput>('smtpStatus_check', { invoke: (options) => checkDocument(host, options.input) }),
    vscode.lm.registerTool<DocumentInput>('smtpStatus_summarize', { invoke: (options) => summarizeDocument(host, options.input) }),
    vscode.lm.registerTool<TraceInput>('smtpStatus_trace', { invoke: (options) => traceMessage(host, options.input) }),
    vscode.lm.registerTool<DocumentInput>('smtpStatus_classify', { invoke: (options) => classifyDocument(host, options.input) }),
  ];
}

async function explainCodes(host: ToolHost, input: ExplainInput): Promise<vscode.LanguageModelToolResult> {
  const codes = Array.isArray(input.codes) ? input.codes.filter((code): code is string => typeof code === 'string') : [];
  if (codes.length === 0) return text('Give one or more codes to explain, such as "550 5.1.1", "421" or "4.7.1".');
  const client = await host.ensureStarted();
  const parts = await Promise.all(codes.map(async (code) => {
    try {
      return (await client.sendRequest(ExplainRequest, { code })).markdown;
    } catch (error) {
      return `${code}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }));
  return text(parts.join('\n\n---\n\n'));
}

/** The document a tool works on, and the lines it should look at (the selection, when asked). */
async function target(host: ToolHost, input: DocumentInput): Promise<{ document: vscode.TextDocument; from?: number; to?: number } | string> {
  const editor = vscode.window.activeTextEditor;
  let document: vscode.TextDocument | undefined;
  try {
    document = typeof input.uri === 'string' && input.uri !== '' ? await vscode.workspace.openTextDocument(vscode.Uri.parse(input.uri)) : editor?.document;
  } catch (error) {
    return `Cannot open ${input.uri}: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (document === undefined) return 'No document is open. Open a mail log, SMTP transcript, bounce or mail-server config first.';
  if (!host.wants(document)) {
    return `${document.uri.fsPath || document.uri.toString()} is a "${document.languageId}" document, which SMTP Status does not read. `
      + 'Change its language to Mail Log, SMTP Transcript, Mail Bounce (DSN) or Mail Server Config.';
  }
  const selection = input.selectionOnly === true && editor?.document === document && !editor.selection.isEmpty ? editor.selection : undefined;
  return selection === undefined ? { document } : { document, from: selection.start.line, to: selection.end.line };
}

async function checkDocument(host: ToolHost, input: DocumentInput): Promise<vscode.LanguageModelToolResult> {
  const found = await target(host, input);
  if (typeof found === 'string') return text(found);
  const client = await host.ensureStarted();
  const uri = client.code2ProtocolConverter.asUri(found.document.uri);
  const result = await client.sendRequest(ProblemsRequest, { uri, ...(found.from === undefined ? {} : { fromLine: found.from, toLine: found.to }) });
  return text(renderProblems(result, found.document, found.from !== undefined));
}

function renderProblems(result: ProblemsResult | null, document: vscode.TextDocument, selection: boolean): string {
  const where = `${vscode.workspace.asRelativePath(document.uri)}${selection ? ' (selected lines)' : ''}`;
  if (result === null) return `${where} could not be checked: it was closed.`;
  if (result.total === 0) return `${where}: no problems with its SMTP status codes.`;
  const lines = result.problems.map((p) => `line ${p.line + 1}, column ${p.start + 1}: ${p.severity}: ${p.message} [${p.rule}]`);
  const more = result.total - result.problems.length;
  return [`${where}: ${result.total} problem(s)`, ...lines, ...(more > 0 ? [`... and ${more} more`] : [])].join('\n');
}

async function summarizeDocument(host: ToolHost, input: DocumentInput): Promise<vscode.LanguageModelToolResult> {
  const found = await target(host, input);
  if (typeof found === 'string') return text(found);
  const client = await host.ensureStarted();
  const summary = await client.sendRequest(SummaryRequest, { uri: client.code2ProtocolConverter.asUri(found.document.uri) });
  return text(renderSummary(summary, vscode.workspace.asRelativePath(found.document.uri)));
}

const CLASS_NAMES: Readonly<Record<string, string>> = { '2': 'success', '3': 'intermediate', '4': 'temporary failure', '5': 'permanent failure' };

function renderSummary(summary: SummaryResult | null, name: string): string {
  if (summary === null || summary.byCode.length === 0) return `${name}: no SMTP status codes found.`;
  const classes = Object.entries(summary.byClass).sort().map(([cls, count]) => `${count} ${cls}xx (${CLASS_NAMES[cls] ?? 'malformed'})`);
  const codes = summary.byCode.slice(0, 20).map((c) => `${c.code}: ${c.count} time(s)${c.title ? `, ${c.title}` : ''}; first on line ${(c.locations[0]?.line ?? 0) + 1}`);
  return [`${name}: ${classes.join(', ')}`, 'Most frequent codes:', ...codes].join('\n');
}

async function traceMessage(host: ToolHost, input: TraceInput): Promise<vscode.LanguageModelToolResult> {
  if (typeof input.id !== 'string' || input.id.trim() === '') return text('Give the id of a message: a queue id, an Exim message id or a Message-ID.');
  const found = await target(host, input);
  if (typeof found === 'string') return text(found);
  const client = await host.ensureStarted();
  const id = input.id.trim();
  const result = await client.sendRequest(TraceRequest, { uri: client.code2ProtocolConverter.asUri(found.document.uri), id });
  const messages = result?.messages ?? [];
  if (messages.length === 0) return text(`No message named ${id} in ${vscode.workspace.asRelativePath(found.document.uri)}.`);
  return text(messages.map((m) => [m.summary, ...m.lines.map((l) => `line ${l.line}: ${l.text}`)].join('\n')).join('\n\n'));
}

async function classifyDocument(host: ToolHost, input: DocumentInput): Promise<vscode.LanguageModelToolResult> {
  const found = await target(host, input);
  if (typeof found === 'string') return text(found);
  const client = await host.ensureStarted();
  const result = await client.sendRequest(ClassifyRequest, { uri: client.code2ProtocolConverter.asUri(found.document.uri) });
  const inRange = (line: number): boolean => found.from === undefined || (line - 1 >= found.from && line - 1 <= (found.to ?? found.from));
  const failures = (result?.failures ?? []).filter((f) => inRange(f.line));
  const where = `${vscode.workspace.asRelativePath(found.document.uri)}${found.from !== undefined ? ' (selected lines)' : ''}`;
  if (failures.length === 0) return text(`${where}: no failed or deferred deliveries.`);
  return text([`${where}: ${failures.length} failed or deferred deliveries`, ...failures.map((f) =>
    `line ${f.line}${f.recipient ? ` ${f.recipient}` : ''}: ${f.reason} (${f.bounce})${f.provider ? `, answered by ${f.provider}` : ''}: ${f.summary}`)].join('\n'));
}
