// The language service: scanner + rules + settings behind one small API, used by the LSP
// adapter and the CLI. Pure: no editor or I/O dependencies.
import { failuresIn, lineVerdict, type FailureRecord } from '../classify';
import { failureSummaryMarkdown, providerMarkdown, type CodeQuery } from '../explain';
import { PROVIDERS } from '../kb';
import { RULES, checkLine } from '../rules';
import { initialState, parseEnhanced, scanLine } from '../scan';
import type { Finding } from '../scan';
import { DEFAULT_SETTINGS, parseSettingsWith } from './settings';
import type { DocumentKind, Problem, Settings, VendorId } from './types';

export { checkLine, RULES } from '../rules';
export { commandAt, eventOf, initialState, lineSide, lineStatesEqual, scanLine, scanLines } from '../scan';
export type { Finding, LineState } from '../scan';
// Explanations and knowledge-base lookups, for hovers, completion and the explain command.
export { escapeMarkdown, explain, parseCodeQuery, parseCodeQueryDetailed, renderDetailsMarkdown, renderMarkdown, renderText, renderVerdictHeading, renderVerdictMarkdown } from '../explain';
export type { CodeQuery, Explanation } from '../explain';
export { basicCodes, basicEntry, isStatusClass, registry, registryEntry, subjectEntry, vendorCodes, vendorMeanings, vendorTokens } from '../kb';
export type { Permanence, RegistryEntry, StatusClass } from '../kb/types';
export { detectKind } from './kind';
export { sniffKind, SNIFF_CHARS, SNIFF_LINES } from './sniff';
export { DEFAULT_SETTINGS } from './settings';
export { VENDOR_IDS } from '../kb';
export { classifyFailure } from '../classify';
export type { FailureFacts, FailureRecord, Verdict } from '../classify';

const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((rule) => rule.id));

export function parseSettings(raw: unknown): { settings: Settings; warnings: string[] } {
  return parseSettingsWith(raw, RULE_IDS);
}

/** Splits on CRLF, LF or CR: the one line splitter everyone uses. */
export function splitLines(text: string): string[] {
  // Splitting on a plain '\n' is several times faster than the regex, and logs rarely hold a CR.
  return text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
}

export interface Analysis {
  readonly findings: Finding[];
  readonly problems: Problem[];
  /** True when `settings.maxProblems` cut the list short. */
  readonly capped: boolean;
}

/** Scans and checks a whole document: the same as folding `scanLine` and `checkLine` over its lines. */
export function analyzeText(text: string, kind: DocumentKind, settings: Settings = DEFAULT_SETTINGS): Analysis {
  const findings: Finding[] = [];
  const problems: Problem[] = [];
  let capped = false;
  let state = initialState(kind);
  const lines = splitLines(text);
  for (let line = 0; line < lines.length; line++) {
    const scan = scanLine(lines[line]!, line, state);
    state = scan.next;
    if (scan.findings.length === 0) continue;
    for (const finding of scan.findings) findings.push(finding);
    if (capped) continue;
    for (const problem of checkLine(scan.findings, settings)) {
      if (problems.length >= settings.maxProblems) {
        capped = true;
        break;
      }
      problems.push(problem);
    }
  }
  return { findings, problems, capped };
}

/** The finding under a cursor (`character` inside or just after the code). */
export function findingAt(findings: readonly Finding[], character: number): Finding | undefined {
  return findings.find((f) => f.start <= character && character <= f.end);
}

/** What to explain for a finding: the reply and enhanced code of its pair, when it has one. */
export function queryOf(finding: Finding, lineFindings: readonly Finding[]): CodeQuery {
  const ref = finding.partner;
  // The partner is on this line unless a folded line split the pair; then its text says enough.
  const partner = ref === undefined ? undefined
    : lineFindings.find((f) => f.line === ref.line && f.start === ref.start)
      ?? (finding.kind === 'reply' ? { enhanced: parseEnhanced(ref.text) } : { reply: /^\d{3}$/.test(ref.text) ? Number(ref.text) : undefined });
  const reply = finding.kind === 'reply' ? finding.reply : partner?.reply;
  const enhanced = finding.kind === 'enhanced' ? finding.enhanced : partner?.enhanced;
  return {
    ...(reply === undefined ? {} : { reply }),
    ...(enhanced === undefined ? {} : { enhanced }),
  };
}
export * from './trace';

/** Every failed or deferred delivery in a document, each with its verdict (see classify/). */
export function failuresOf(text: string, kind: DocumentKind): FailureRecord[] {
  return failuresIn(splitLines(text), kind);
}

/** Markdown a hover puts around a failing code's explanation: the verdict's words first, the provider after. */
export interface FailureHover {
  /** What happened and why, retry or not, who acts: follows the code's outcome heading. */
  readonly summary: string;
  readonly after?: string;
}

/**
 * The verdict sections for a failing code on a line; undefined for successes and lines without
 * a failure. A provider's token meaning is shown only while its dictionary is enabled.
 */
export function failureHoverAt(
  lineText: string, line: number, lineFindings: readonly Finding[], query: CodeQuery, vendors: readonly VendorId[] = DEFAULT_SETTINGS.vendors,
): FailureHover | undefined {
  const e = query.enhanced;
  const found = lineVerdict(lineText, line, lineFindings, query.reply, e === undefined ? undefined : `${e.cls}.${e.subject}.${e.detail}`);
  if (found === undefined) return undefined;
  const provider = PROVIDERS.find((p) => p.id === found.verdict.provider);
  const shown = found.token === undefined || vendors.includes(found.token.vendor) ? found : { facts: found.facts, verdict: found.verdict };
  return { summary: failureSummaryMarkdown(shown), ...(provider === undefined ? {} : { after: providerMarkdown(shown, provider) }) };
}
