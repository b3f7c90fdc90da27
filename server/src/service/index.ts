// The language service: scanner + rules + settings behind one small API, used by the LSP
// adapter and the CLI. Pure: no editor or I/O dependencies.
import type { CodeQuery } from '../explain';
import { RULES } from '../rules';
import { parseEnhanced } from '../scan';
import type { Finding } from '../scan';
import { LineFold, splitLines } from '../stream';
import { DEFAULT_SETTINGS, parseSettingsWith } from './settings';
import type { DocumentKind, Problem, Settings } from './types';

export { checkLine, RULES } from '../rules';
export { commandAt, initialState, lineSide, lineStatesEqual, scanLine, scanLines } from '../scan';
export type { Finding, LineState } from '../scan';
// Explanations and knowledge-base lookups, for hovers, completion and the explain command.
export { escapeMarkdown, explain, parseCodeQuery, parseCodeQueryDetailed, renderMarkdown, renderText } from '../explain';
export type { CodeQuery, Explanation } from '../explain';
export { basicCodes, basicEntry, isStatusClass, registry, registryEntry, subjectEntry, vendorCodes, vendorMeanings } from '../kb';
export type { Permanence, RegistryEntry, StatusClass } from '../kb/types';
export { detectKind } from './kind';
export { splitLines } from '../stream';
export type { LineBatch, LineReport } from '../stream';
export { analyzeStream, type StreamBatch, type StreamSource } from './stream';
export { extractLines, FilterError, summarizeStream, type Extract } from './extract';
export { CodeTally, type CodeKind, type CodeLocation, type SummaryCode, type SummaryResult } from './summary';
export { PROVIDERS, type LineFilterSpec, type Outcome, type ProviderId } from '../select';
export { DEFAULT_SETTINGS } from './settings';

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
