// Editor features on message ids: definition (the id's first line), references (every line of the
// message, hops included), highlight (the same id), hover (the timeline), CodeLens and the
// per-message outline. The index of each open document is kept and updated by re-reading only
// the lines an edit changed (found by comparing the line arrays before and after).
import { DocumentHighlightKind, MarkupKind, SymbolKind, type CodeLens, type DocumentHighlight, type DocumentSymbol, type FoldingRange, type Hover, type Location } from 'vscode-languageserver/node';
import { hasIdAt, messageLines, redactorFor, renderReport, TraceIndex, timelineMarkdown, timelineSummary, type IdAt, type MessageTimeline } from '../service';
import type { LineDocument, Position } from './document';
import { REVEAL_COMMAND, type TraceResult } from './protocol';

/** Per document: its index and the lines it was built from (a copy: the document edits its array in place). */
const indexes = new WeakMap<LineDocument, { index: TraceIndex; lines: readonly string[]; revision: number }>();

/** Documents whose lines can name messages: logs, and bounces (their Message-ID and queue-id headers). */
export function traceable(document: LineDocument): boolean {
  return document.kind === 'log' || document.kind === 'dsn';
}

export function traceIndexOf(document: LineDocument): TraceIndex {
  const lines = document.allLines();
  let entry = indexes.get(document);
  if (entry === undefined) {
    const index = new TraceIndex((line) => document.lineText(line));
    for (const text of lines) index.add(text);
    indexes.set(document, (entry = { index, lines: lines.slice(), revision: document.revision }));
  } else if (entry.revision !== document.revision) {
    // Unchanged lines are the same strings at both ends: re-read only what lies between.
    const before = entry.lines;
    let head = 0;
    while (head < before.length && head < lines.length && before[head] === lines[head]) head++;
    let tail = 0;
    while (tail < before.length - head && tail < lines.length - head && before[before.length - 1 - tail] === lines[lines.length - 1 - tail]) tail++;
    entry.index.splice(head, before.length - head - tail, lines.slice(head, lines.length - tail));
    entry.lines = lines.slice();
    entry.revision = document.revision;
  }
  return entry.index;
}

function idAt(document: LineDocument, position: Position): { index: TraceIndex; id: IdAt } | undefined {
  // Most hovers are not on an id: the line alone says so, without building or updating the index.
  if (!traceable(document) || position.line >= document.lineCount || !hasIdAt(document.lineText(position.line), position.character)) return undefined;
  const index = traceIndexOf(document);
  const id = index.idAt(position.line, position.character);
  return id === undefined ? undefined : { index, id };
}

const lineRange = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });

export function definitionAt(document: LineDocument, position: Position): Location | null {
  const found = idAt(document, position);
  if (found === undefined) return null;
  const line = found.index.definitionOf(found.id);
  const span = found.index.locations(found.id.message, found.id.key).find((location) => location.line === line);
  return { uri: document.uri, range: span === undefined ? lineRange(line, 0, 0) : lineRange(line, span.start, span.end) };
}

export function referencesAt(document: LineDocument, position: Position, includeDeclaration: boolean): Location[] {
  const found = idAt(document, position);
  if (found === undefined) return [];
  const definition = found.index.definitionOf(found.id);
  return found.index.locations(found.id.message)
    .filter((location) => includeDeclaration || location.line !== definition || location.key !== found.id.key)
    .map((location) => ({ uri: document.uri, range: lineRange(location.line, location.start, location.end) }));
}

export function highlightsAt(document: LineDocument, position: Position): DocumentHighlight[] {
  const found = idAt(document, position);
  if (found === undefined) return [];
  return found.index.locations(found.id.message, found.id.key).map((location) => ({ range: lineRange(location.line, location.start, location.end), kind: DocumentHighlightKind.Text }));
}

export function traceHoverAt(document: LineDocument, position: Position): Hover | null {
  const found = idAt(document, position);
  const timeline = found === undefined ? undefined : found.index.timeline(found.id.message);
  if (found === undefined || timeline === undefined) return null;
  const { span } = found.id;
  return { contents: { kind: MarkupKind.Markdown, value: timelineMarkdown(timeline) }, range: lineRange(found.id.line, span.start, span.end) };
}

// ---- CodeLens and outline, with limits that keep a 50 MB log fast ----

/** Lenses, symbols and folds are offered for at most this many messages. */
export const MAX_MESSAGE_ENTRIES = 2_000;
/** A message is folded only when its lines lie this close together (interleaved logs). */
const MAX_FOLD_SPAN = 200;

export interface LensData {
  readonly uri: string;
  readonly revision: number;
  readonly message: number;
}

/** One unresolved lens above each message's first line; titles come with resolve (visible lenses only). */
export function codeLenses(document: LineDocument): CodeLens[] {
  if (!traceable(document)) return [];
  return traceIndexOf(document).messages().slice(0, MAX_MESSAGE_ENTRIES).map((group) => ({
    range: lineRange(group.lines[0] ?? 0, 0, 0),
    data: { uri: document.uri, revision: document.revision, message: group.index } satisfies LensData,
  }));
}

export function resolveCodeLens(lens: CodeLens, document: LineDocument | undefined): CodeLens {
  const data = lens.data as Partial<LensData> | undefined;
  const timeline = document === undefined || data?.revision !== document.revision || typeof data.message !== 'number' ? undefined : traceIndexOf(document).timeline(data.message);
  // An empty command title would render as nothing; a stale lens says so until the refresh.
  return { ...lens, command: { title: timeline === undefined ? 'SMTP: (document changed)' : timelineSummary(timeline), command: '' } };
}

function recipientSymbols(timeline: MessageTimeline, lineLength: (line: number) => number): DocumentSymbol[] {
  return timeline.recipients.map((recipient) => {
    const range = lineRange(recipient.final.line, 0, lineLength(recipient.final.line));
    const { attempt } = recipient.final;
    return { name: recipient.recipient || '(no recipient)', detail: [attempt.outcome, attempt.enhanced ?? attempt.reply, recipient.verdict?.reason].filter((p) => p !== undefined).join(' '), kind: SymbolKind.Field, range, selectionRange: range };
  });
}

export function messageSymbols(document: LineDocument): DocumentSymbol[] {
  if (document.kind !== 'log') return [];
  const index = traceIndexOf(document);
  const lineLength = (line: number): number => document.lineText(line).length;
  return index.messages().slice(0, MAX_MESSAGE_ENTRIES).flatMap((group) => {
    const timeline = index.timeline(group.index);
    if (timeline === undefined) return [];
    const first = timeline.legs[0]?.text ?? 'message';
    const range = lineRange(timeline.firstLine, 0, lineLength(timeline.lastLine));
    range.end.line = timeline.lastLine;
    const from = timeline.sender === undefined ? '' : ` from <${timeline.sender}>`;
    return [{
      name: `${first}${from}`,
      detail: timelineSummary(timeline),
      kind: SymbolKind.Event,
      range,
      selectionRange: lineRange(timeline.firstLine, 0, lineLength(timeline.firstLine)),
      children: recipientSymbols(timeline, lineLength),
    }];
  });
}

export function messageFolds(document: LineDocument): FoldingRange[] {
  if (document.kind !== 'log') return [];
  const folds: FoldingRange[] = [];
  for (const group of traceIndexOf(document).messages()) {
    if (folds.length >= MAX_MESSAGE_ENTRIES) break;
    const first = group.lines[0]!;
    const last = group.lines[group.lines.length - 1]!;
    if (last > first && last - first <= MAX_FOLD_SPAN) folds.push({ startLine: first, endLine: last });
  }
  return folds;
}

// ---- the report and "copy for a ticket" ----

export function reportMarkdown(document: LineDocument, name: string): string {
  // Command links: the client's results view runs them (a Markdown preview would refuse `file:` links).
  return renderReport([{ name, index: traceIndexOf(document) }], 'markdown',
    ({ line }) => `command:${REVEAL_COMMAND}?${encodeURIComponent(JSON.stringify([document.uri, line, 0, 0]))}`);
}

/** Every message an id names, with its outcome line and its lines (1-based). */
export function traceMessages(document: LineDocument, id: string): TraceResult {
  const index = traceIndexOf(document);
  return {
    messages: index.messagesNamed(id).map((message) => ({
      summary: timelineSummary(index.timeline(message)!),
      lines: messageLines(index, message, (line) => document.lineText(line)).map(({ line, text }) => ({ line: line + 1, text })),
    })),
  };
}

/** How many messages the document names. */
export function messageCount(document: LineDocument): number {
  return traceIndexOf(document).messages().length;
}

/** The message under the cursor (its lines) or, elsewhere, the report; both redacted. */
export function ticketText(document: LineDocument, name: string, position: Position | undefined): { kind: 'trace' | 'report'; text: string } {
  const found = position === undefined ? undefined : idAt(document, position);
  if (found === undefined) {
    return { kind: 'report', text: renderReport([{ name, index: traceIndexOf(document) }], 'markdown', ({ line }) => `${name}:${line + 1}`, true) };
  }
  const lines = messageLines(found.index, found.id.message, (line) => document.lineText(line)).map(({ text }) => text).join('\n');
  return { kind: 'trace', text: redactorFor([found.index]).text(lines) };
}
