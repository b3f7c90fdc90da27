// The custom requests behind the client's commands: explain a typed code, and summarise the
// codes of one document.
import { basicEntry, eventOf, explain, isStatusClass, parseCodeQueryDetailed, registryEntry, renderMarkdown, subjectEntry, vendorMeanings } from '../service';
import type { Finding } from '../service';
import type { VendorId } from '../service/types';
import type { CancellationToken } from 'vscode-languageserver/node';
import type { LineDocument } from './document';
import { invalidParams, isRecord } from './guard';
import { CHUNK_MS, nextTurn } from './workspace';
import { SUMMARY_LOCATION_CAP, type CodeKind, type CodeLocation, type ExplainResult, type SummaryCode, type SummaryResult } from './protocol';

export function explainRequest(params: unknown, vendors: readonly VendorId[]): ExplainResult {
  const code = isRecord(params) ? params['code'] : undefined;
  if (typeof code !== 'string') throw invalidParams('smtpStatus/explain expects { code: string }');
  const parsed = parseCodeQueryDetailed(code);
  if ('error' in parsed) throw invalidParams(parsed.error);
  return { markdown: renderMarkdown(explain(parsed.query, vendors)) };
}

interface CodeFacts {
  readonly code: string;
  readonly kind: CodeKind;
  readonly cls: number;
  readonly title: string;
}

function factsOf(finding: Finding, vendors: readonly VendorId[]): CodeFacts {
  const cls = Number(finding.text[0]);
  if (finding.kind === 'reply' || finding.enhanced === undefined) {
    const code = finding.reply === undefined ? finding.text : String(finding.reply);
    return { code, kind: 'reply', cls, title: finding.reply === undefined ? '' : (basicEntry(finding.reply)?.meaning ?? '') };
  }
  const { subject, detail } = finding.enhanced;
  const canonical = `${finding.enhanced.cls}.${subject}.${detail}`;
  if (canonical !== finding.text) return { code: finding.text, kind: 'enhanced', cls, title: '' };
  const registered = registryEntry(subject, detail);
  if (registered !== undefined) return { code: canonical, kind: 'enhanced', cls, title: registered.title };
  const vendor = isStatusClass(cls) ? vendorMeanings(cls, subject, detail, vendors)[0] : undefined;
  if (vendor !== undefined) return { code: canonical, kind: 'vendor', cls, title: `${vendor.vendorName}: ${vendor.meaning}` };
  const subjectTitle = subjectEntry(subject)?.title;
  return { code: canonical, kind: 'enhanced', cls, title: subjectTitle === undefined ? '' : `${subjectTitle} (unregistered detail)` };
}

/**
 * Counts of events per class and per code, most frequent code first, with the first locations
 * of each. Yields to the event loop between chunks; undefined when cancelled or when the
 * document changed meanwhile (the caller starts again on the new text).
 */
export async function summarize(document: LineDocument, vendors: readonly VendorId[], token: CancellationToken): Promise<SummaryResult | undefined> {
  const revision = document.revision;
  const byClass: Record<string, number> = {};
  const rows = new Map<string, CodeFacts & { count: number; locations: CodeLocation[] }>();
  let chunkStarted = Date.now();
  for (let line = 0; line < document.scanned; line++) {
    if (Date.now() - chunkStarted > CHUNK_MS) {
      await nextTurn();
      if (token.isCancellationRequested || document.revision !== revision) return undefined;
      chunkStarted = Date.now();
    }
    const event = eventOf(document.findingsAt(line));
    if (event === undefined) continue;
    const facts = factsOf(event, vendors);
    byClass[facts.cls] = (byClass[facts.cls] ?? 0) + 1;
    const key = `${facts.kind}:${facts.code}`;
    let row = rows.get(key);
    if (row === undefined) rows.set(key, (row = { ...facts, count: 0, locations: [] }));
    row.count += 1;
    if (row.locations.length < SUMMARY_LOCATION_CAP) row.locations.push({ line, start: event.start, end: event.end });
  }
  const byCode: SummaryCode[] = [...rows.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  return { byClass, byCode };
}
