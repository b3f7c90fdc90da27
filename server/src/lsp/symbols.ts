// Document symbols and folding ranges from the outline of transcripts and bounce messages.
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver/node';
import type { DocumentKind } from '../service/types';
import { dsnOutline, transcriptOutline, type OutlineKind, type OutlineNode } from './outline';

const SYMBOL_KIND: Record<OutlineKind, SymbolKind> = {
  session: SymbolKind.Module,
  transaction: SymbolKind.Event,
  'status-part': SymbolKind.Namespace,
  'message-fields': SymbolKind.Struct,
  recipient: SymbolKind.Object,
};

export function outlineOf(lines: readonly string[], kind: DocumentKind): OutlineNode[] {
  if (kind === 'transcript') return transcriptOutline(lines);
  if (kind === 'dsn') return dsnOutline(lines);
  return [];
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

export function documentSymbols(lines: readonly string[], kind: DocumentKind): DocumentSymbol[] {
  return outlineOf(lines, kind).map((node) => toSymbol(node, lines));
}

export function foldingRanges(lines: readonly string[], kind: DocumentKind): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const visit = (node: OutlineNode): void => {
    if (node.endLine > node.startLine) ranges.push({ startLine: node.startLine, endLine: node.endLine, kind: FoldingRangeKind.Region });
    node.children.forEach(visit);
  };
  outlineOf(lines, kind).forEach(visit);
  return ranges;
}
