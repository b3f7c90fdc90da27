// The custom requests behind the client's commands. Plain types and method names only, so that
// the VS Code client and the tests can share them without pulling in the server.

/** Every known code with its title: registry codes, basic reply codes, vendor codes. */
export const CATALOG_METHOD = 'smtpStatus/catalog';
/** Markdown explanation of a code typed by the user ('550', '5.1.1', '550 5.1.1'). */
export const EXPLAIN_METHOD = 'smtpStatus/explain';
/** Counts of the status events (one per delivery attempt, reply or DSN recipient) in one open document. */
export const SUMMARY_METHOD = 'smtpStatus/summary';

/** The problems of one open document, or of a range of its lines (the language model tools). */
export const PROBLEMS_METHOD = 'smtpStatus/problems';

/** The client-side command the "change severity" code actions run; arguments: [ruleId, severity]. */
export const SET_RULE_SEVERITY_COMMAND = 'smtpStatus.setRuleSeverity';

export type CodeKind = 'reply' | 'enhanced' | 'vendor';

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
