// The custom requests behind the client's commands. Plain types and method names only, so that
// the VS Code client and the tests can share them without pulling in the server.

/** Every known code with its title: registry codes, basic reply codes, vendor codes. */
export const CATALOG_METHOD = 'smtpStatus/catalog';
/** Markdown explanation of a code typed by the user ('550', '5.1.1', '550 5.1.1'). */
export const EXPLAIN_METHOD = 'smtpStatus/explain';
/** Counts of the status events (one per delivery attempt, reply or DSN recipient) in one open document. */
export const SUMMARY_METHOD = 'smtpStatus/summary';
/** Counts of the codes in a file of any size (gzip included), read as a stream from disk. */
export const FILE_SUMMARY_METHOD = 'smtpStatus/summarizeFile';
/** The lines of a file of any size that match a filter, with their line numbers in the file. */
export const EXTRACT_METHOD = 'smtpStatus/extractFile';

/** How the note of a partial diagnostics list (a big document's start, published before the rest is checked) begins. */
export const PARTIAL_NOTE = 'Partial list';

/** The problems of one open document, or of a range of its lines (the language model tools). */
export const PROBLEMS_METHOD = 'smtpStatus/problems';

/** The client-side command that opens a document with a range selected; arguments: [document URI, line, start, end]. */
export const REVEAL_COMMAND = 'smtpStatus.revealOccurrence';

/** The client-side command the "change severity" code actions run; arguments: [ruleId, severity]. */
export const SET_RULE_SEVERITY_COMMAND = 'smtpStatus.setRuleSeverity';

export type { CodeKind, CodeLocation, LineFilterSpec, Outcome, ProviderId, SummaryCode, SummaryResult } from '../service';
import type { ClassifyRecord, CodeKind, CodeLocation, LineFilterSpec, SummaryResult } from '../service';

export interface CatalogEntry {
  /** As a user would type it: '550', '5.1.1', '5.7.606'. */
  readonly code: string;
  readonly title: string;
  readonly kind: CodeKind;
}

export interface ExplainParams {
  readonly code: string;
}

export interface ExplainResult {
  readonly markdown: string;
}

export interface SummaryParams {
  readonly uri: string;
}

export interface FileParams {
  /** A local file path. */
  readonly path: string;
}

export interface FileSummaryResult extends SummaryResult {
  readonly linesRead: number;
  /** Set when the file could not be read to its end (e.g. truncated gzip): the counts cover the lines before. */
  readonly error?: string;
}

export interface ProblemsParams {
  readonly uri: string;
  /** 0-based, inclusive; the whole document when left out. */
  readonly fromLine?: number;
  readonly toLine?: number;
}

export interface ProblemItem extends CodeLocation {
  readonly severity: 'error' | 'warning' | 'information' | 'hint';
  readonly rule: string;
  readonly message: string;
}

export interface ProblemsResult {
  /** The first PROBLEMS_CAP problems in line order. */
  readonly problems: readonly ProblemItem[];
  /** How many there are in the range. */
  readonly total: number;
}

export const PROBLEMS_CAP = 500;
/** The deliverability report of one open log, as Markdown with links to its lines. */
export const REPORT_METHOD = 'smtpStatus/report';
/** "Copy for a ticket": the message under the cursor, or the report, redacted. */
export const TICKET_METHOD = 'smtpStatus/ticket';

export interface ReportParams {
  readonly uri: string;
}

export interface ReportResult {
  readonly markdown: string;
  /** How many messages the report counts (0 for a document that names none). */
  readonly messages: number;
}

export interface TicketParams {
  readonly uri: string;
  /** The cursor: on a message id, the message's lines are copied; elsewhere the report. */
  readonly position?: { readonly line: number; readonly character: number };
}

export interface TicketResult {
  readonly kind: 'trace' | 'report';
  readonly text: string;
}

export interface ExtractParams extends FileParams {
  readonly filter: LineFilterSpec;
}

export interface ExtractResult {
  /** The matching lines, joined by LF. */
  readonly text: string;
  /** The 0-based line number in the file of each matching line. */
  readonly lineNumbers: readonly number[];
  readonly linesRead: number;
  /** True when the matches stopped at the size a VS Code document may have; later lines were not searched. */
  readonly truncated: boolean;
  readonly error?: string;
}

/** Every line of the message an id names in one open log, with its one-line outcome (the language model tools). */
export const TRACE_METHOD = 'smtpStatus/trace';
/** One verdict per failed or deferred delivery of one open document (the language model tools). */
export const CLASSIFY_METHOD = 'smtpStatus/classify';

export interface TraceParams {
  readonly uri: string;
  readonly id: string;
}

export interface TraceResult {
  readonly messages: readonly { readonly summary: string; readonly lines: readonly { readonly line: number; readonly text: string }[] }[];
}

export interface ClassifyResult {
  readonly failures: readonly ClassifyRecord[];
}
