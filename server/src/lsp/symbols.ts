// Document symbols and folding ranges from the outline of transcripts and bounce messages, and
// one entry per message in logs.
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver/node';
import type { LineDocument } from './document';
import { dsnOutline, transcriptOutline, type OutlineKind, type OutlineNode } from './outline';
import { messageFolds, messageSymbols } from './trace';

const SYMBOL_KIND: Record<OutlineKind, SymbolKind> = {
  session: SymbolKind.Module,
  transaction: SymbolKind.Event,
  'status-part': SymbolKind.Namespace,
  'message-fields': SymbolKind.Struct,
  recipient: SymbolKind.Object,
};

/** The outline of each open document's current text: symbols and folding ask for it in turn. */
const outlines = new WeakMap<LineDocument, { readonly revision: number; readonly nodes: readonly OutlineNode[] }>();

function outlineOf(document: LineDocument): readonly OutlineNode[] {
  const cached = outlines.get(document);
  if (cached !== undefined && cached.revision === document.revision) return cached.nodes;
  const lines = document.allLines();
  const nodes = document.kind === 'transcript' ? transcriptOutline(lines) : document.kind === 'dsn' ? dsnOutline(lines) : [];
  outlines.set(document, { revision: document.revision, nodes });
  return nodes;
}

function toSymbol(node: OutlineNode, lines: readonly string[]): DocumentSymbol {
  const range = { start: { line: node.startLine, character: 0 }, end: { line: node.endLine, character: lines[node.endLine]?.length ?? 0 } };
  return {
    name: node.name === '' ? node.kind : node.name,
    ...(node.detail === '' ? {} : { detail: node.detail }),
    kind: SYMBOL_KIND[node.kind],
    range,
    selectionRange: { start: range.start, end: { line: node.startLine, character: lines[node.startLine]?.length ?? 0 } },
    children: node.children.map((child) => toSymbol(child, lines)),
  };
}

export function documentSymbols(document: LineDocument): DocumentSymbol[] {
  const lines = document.allLines();
  return [...outlineOf(document).map((node) => toSymbol(node, lines)), ...messageSymbols(document)];
}

export function foldingRanges(document: LineDocument): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const visit = (node: OutlineNode): void => {
    if (node.endLine > node.startLine) ranges.push({ startLine: node.startLine, endLine: node.endLine, kind: FoldingRangeKind.Region });
    node.children.forEach(visit);
  };
  outlineOf(document).forEach(visit);
  return [...ranges, ...messageFolds(document)];
}
