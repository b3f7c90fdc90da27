// The summary of status events: how often each class and each code occurs, one event per delivery
// attempt, reply or bounced recipient however many codes it writes, with the first locations of
// each. Fed line by line, so an open document and a file of any size
// streamed through the fold are summarised by the same code.
import { basicEntry, isStatusClass, registryEntry, subjectEntry, vendorMeanings } from '../kb';
import type { VendorId } from '../kb/types';
import { eventOf } from '../scan';
import type { Finding } from '../scan/types';

export type CodeKind = 'reply' | 'enhanced' | 'vendor';

/** Where a code occurs: 0-based line, UTF-16 columns. */
export interface CodeLocation {
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

export interface SummaryCode {
  /** Normalised code text: '550', '5.1.1'. */
  readonly code: string;
  readonly count: number;
  readonly kind: CodeKind;
  /** The class digit: 2, 4 or 5 (other digits for malformed reply codes). */
  readonly cls: number;
  readonly title: string;
  /** The first occurrences, at most SUMMARY_LOCATION_CAP of them. */
  readonly locations: readonly CodeLocation[];
}

export interface SummaryResult {
  /** Events per class digit, e.g. { '2': 10, '4': 3, '5': 7 }. */
  readonly byClass: Readonly<Record<string, number>>;
  /** One row per code naming events (the enhanced code when there is one), most frequent first. */
  readonly byCode: readonly SummaryCode[];
}

export const SUMMARY_LOCATION_CAP = 100;

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

/** Counts events as their lines come; memory grows with the distinct codes, not with the input. */
export class CodeTally {
  private readonly byClass: Record<string, number> = {};
  private readonly rows = new Map<string, CodeFacts & { count: number; locations: CodeLocation[] }>();

  constructor(private readonly vendors: readonly VendorId[]) {}

  /** Counts the event a line's findings make, if any (`said: 550 5.1.1` and `dsn=5.1.1` are one). */
  addLine(findings: readonly Finding[]): void {
    const finding = eventOf(findings);
    if (finding === undefined) return;
    const facts = factsOf(finding, this.vendors);
    this.byClass[facts.cls] = (this.byClass[facts.cls] ?? 0) + 1;
    const key = `${facts.kind}:${facts.code}`;
    let row = this.rows.get(key);
    if (row === undefined) this.rows.set(key, (row = { ...facts, count: 0, locations: [] }));
    row.count += 1;
    if (row.locations.length < SUMMARY_LOCATION_CAP) row.locations.push({ line: finding.line, start: finding.start, end: finding.end });
  }

  result(): SummaryResult {
    const byCode: SummaryCode[] = [...this.rows.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
    return { byClass: { ...this.byClass }, byCode };
  }
}
