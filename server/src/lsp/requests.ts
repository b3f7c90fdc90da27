// The custom requests behind the client's commands: explain a typed code, and summarise the
// codes of one document.
import { CodeTally, explain, parseCodeQueryDetailed, renderMarkdown } from '../service';
import type { VendorId } from '../service/types';
import type { CancellationToken } from 'vscode-languageserver/node';
import type { LineDocument } from './document';
import { invalidParams, isRecord } from './guard';
import { CHUNK_MS, nextTurn } from './workspace';
import type { ExplainResult, SummaryResult } from './protocol';

export function explainRequest(params: unknown, vendors: readonly VendorId[]): ExplainResult {
  const code = isRecord(params) ? params['code'] : undefined;
  if (typeof code !== 'string') throw invalidParams('smtpStatus/explain expects { code: string }');
  const parsed = parseCodeQueryDetailed(code);
  if ('error' in parsed) throw invalidParams(parsed.error);
  return { markdown: renderMarkdown(explain(parsed.query, vendors)) };
}

/**
 * Counts of events per class and per code, most frequent code first, with the first locations
 * of each. Yields to the event loop between chunks; undefined when cancelled or when the
 * document changed meanwhile (the caller starts again on the new text).
 */
export async function summarize(document: LineDocument, vendors: readonly VendorId[], token: CancellationToken): Promise<SummaryResult | undefined> {
  const revision = document.revision;
  const tally = new CodeTally(vendors);
  let chunkStarted = Date.now();
  for (let line = 0; line < document.scanned; line++) {
    if (Date.now() - chunkStarted > CHUNK_MS) {
      await nextTurn();
      if (token.isCancellationRequested || document.revision !== revision) return undefined;
      chunkStarted = Date.now();
    }
    tally.addLine(document.findingsAt(line));
  }
  return tally.result();
}
