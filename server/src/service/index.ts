// The language service: scanner + rules + settings behind one small API, used by the LSP
// adapter and the CLI. Pure: no editor or I/O dependencies.
import { failuresIn, lineVerdict, type FailureRecord } from '../classify';
import { failureSummaryMarkdown, providerMarkdown, type CodeQuery } from '../explain';
import { PROVIDERS } from '../kb';
import { RULES } from '../rules';
import { parseEnhanced } from '../scan';
import type { Finding } from '../scan';
import { LineFold, splitLines } from '../stream';
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
export { splitLines } from '../stream';
export type { LineBatch, LineReport } from '../stream';
export { analyzeChunksAhead, analyzeStream, chunkedKind, speculateChunk, type StreamBatch, type StreamSource } from './stream';
export { lineChunks, type ChunkResult, type LineChunk, type Speculation } from '../stream';
export { extractLines, FilterError, summarizeStream, type Extract } from './extract';
export { CodeTally, type CodeKind, type CodeLocation, type SummaryCode, type SummaryResult } from './summary';
export type { LineFilterSpec, Outcome } from '../select';
export type { ProviderId } from '../kb/types';
export { PROVIDERS };
export { DEFAULT_SETTINGS } from './settings';
export { VENDOR_IDS } from '../kb';
export { classifyFailure } from '../classify';
export type { FailureFacts, FailureRecord, Verdict } from '../classify';

const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((rule) => rule.id));

export function parseSettings(raw: unknown): { settings: Settings; warnings: string[] } {
  return parseSettingsWith(raw, RULE_IDS);
}

export interface Analysis {
  readonly findings: Finding[];
  readonly problems: Problem[];
  /** True when `settings.maxProblems` cut the list short. */
  readonly capped: boolean;
}

/** Scans and checks a whole document: the same as folding `scanLine` and `checkLine` over its lines. */
export function analyzeText(text: string, kind: DocumentKind, settings: Settings = DEFAULT_SETTINGS): Analysis {
  const { reports } = new LineFold(kind, settings).fold(splitLines(text));
  const problems = reports.flatMap((report) => report.problems);
  return {
    findings: reports.flatMap((report) => report.findings),
    problems: problems.slice(0, settings.maxProblems),
    capped: problems.length > settings.maxProblems,
  };
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
export { classifyRecords, type ClassifyRecord } from './failures';

/** Every failed or deferred delivery in a document, each with its verdict (see classify/). */
export function failuresOf(text: string | readonly string[], kind: DocumentKind): FailureRecord[] {
  return failuresIn(typeof text === 'string' ? splitLines(text) : text, kind);
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
