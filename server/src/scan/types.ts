// What the scanner reports: each status code written in a document, with its exact
// range, the context that makes it a code, and the cross-line facts the rules need.
// Positions are 0-based; columns count UTF-16 code units.
import type { SmtpCommand } from '../kb/types';

/** How a document is read: picks the scanner's contexts. */
export type DocumentKind = 'log' | 'transcript' | 'dsn' | 'config' | 'json';

/** Where a code was found; picks how rules judge it (e.g. config codes are rewritten by Postfix). */
export type FindingContext =
  | 'transcript-reply'   // a server reply line of an SMTP session
  | 'postfix-said'       // Postfix `host ... said: 550 ...`, `refused to talk to me: 450 ...`
  | 'postfix-reject'     // Postfix smtpd/postscreen/milter/cleanup `reject: ...: 554 5.7.1 ...`
  | 'postfix-status'     // Postfix `status=sent (250 2.0.0 ...)`
  | 'postfix-dsn'        // Postfix `dsn=4.4.1`
  | 'sendmail-dsn'       // Sendmail `dsn=5.1.1, stat=...`
  | 'sendmail-reply'     // Sendmail `reply=550 5.1.1 ...`, `reject=550 ...`, `stat=Deferred: 451 ...`
  | 'exim-error'         // Exim `SMTP error from remote mail server after ...: 550 ...`, `host x [ip]: 550 ...`, `LMTP error after ...:`, `response to "..." was: 550 ...`
  | 'exim-reject'        // Exim `F=<...> rejected RCPT <...>: 550 ...`
  | 'exim-confirmation'  // Exim delivery `=> ... C="250 2.0.0 OK id=..."`: the reply that accepted the message
  | 'opensmtpd'          // OpenSMTPD `stat="550 ..."`, `failed-command ... result="550 ..."`, `" => 451 ...`, `<<< 554-...`
  | 'haraka'             // Haraka `[core] S: 250 ...`, `rejected: 550 ...`, `Upstream error: 421 ...`, `lr="550 ..."`, `response="250 ..."`
  | 'qmail'              // qmail `Remote_host_said:_550_5.1.1_...`, `rblsmtpd: ...: 451 ...`, `qmail-smtpd: 421 ...`
  | 'courier'            // Courier `courieresmtpd: error,...,to=<x>: 550 ...`, `msg="535 ..."`
  | 'exchange-log'       // Exchange protocol logs `,<,250 2.1.5 ...`, tracking and Microsoft 365 trace `{LED=550 5.1.10 ...}`
  | 'kumomta'            // KumoMTA `"response":{"code":550,"enhanced_code":...}`
  | 'powermta'           // PowerMTA accounting `5.1.1 (bad destination mailbox address),smtp;550 ...`
  | 'ndr'                // Exchange and provider bounce text: `Remote Server returned '550 ...'`, `#550 5.1.1 ...##`, `(#5.1.1)`
  | 'dsn-status'         // DSN `Status: 5.1.1`
  | 'dsn-diagnostic'     // DSN `Diagnostic-Code: smtp; 550 5.1.1 ...` and its folded lines
  | 'config-access'      // Postfix access maps, header/body checks: `REJECT 5.7.1 text`, `550 text`
  | 'config-reject-code' // Postfix main.cf `*_reject_code = 554`
  | 'exim-acl'           // Exim ACL `message = 550 5.7.1 ...`
  | 'sendmail-access'    // Sendmail access `ERROR:"550 5.7.1 text"`, `ERROR:5.7.1:550 text`
  | 'sendmail-rule'      // Sendmail .cf/.mc rule `R$* $#error $@ 5.7.1 $: "550 text"`
  | 'esp-event'          // ESP event JSON fields: SES `diagnosticCode`, SendGrid `reason`, Mailgun `code`, ...
  | 'pair';              // anywhere: a reply code immediately followed by an enhanced code

/** The parsed digits of an enhanced code as written (may be malformed). */
export interface EnhancedParts {
  readonly cls: number;
  readonly subject: number;
  readonly detail: number;
}

/** Another code this one relates to: the other half of a pair, a group's first line, a DSN field. */
export interface CodeRef {
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The first line of the multi-line reply a continuation line belongs to. */
export interface ReplyGroup {
  readonly line: number;
  readonly reply?: string;
  readonly enhanced?: string;
}

/**
 * What a config line does with the code it writes (Postfix `DEFER`, Exim `deny`), which decides
 * the class of the reply the server sends: the author's intent, which advice must follow.
 */
export interface ConfigVerb {
  /** As written: 'DEFER', 'REJECT', 'defer', 'deny'. */
  readonly word: string;
  /** The class the reply goes out with: 4 temporary, 5 permanent. */
  readonly cls: 4 | 5;
  /** Postfix rewrites a written enhanced code's class to the verb's; Exim refuses a wrong first digit. */
  readonly server: 'postfix' | 'exim';
}

/** What the current DSN per-recipient block said before this finding. */
export interface DsnBlockFacts {
  readonly action?: CodeRef;   // the `Action:` value
  readonly status?: CodeRef;   // the `Status:` code
}

export interface Finding {
  readonly kind: 'reply' | 'enhanced';
  readonly line: number;
  readonly start: number;
  readonly end: number;
  /** The code as written. */
  readonly text: string;
  readonly context: FindingContext;
  /** Reply: the three digits as a number when `text` is all digits. */
  readonly reply?: number;
  /** Enhanced: the three numbers as written. */
  readonly enhanced?: EnhancedParts;
  /** The other half of a `550 5.1.1` pair (possibly on the previous line). */
  readonly partner?: CodeRef;
  /** The character after a reply code: `-` marks a continued multi-line reply. */
  readonly separator?: '-' | ' ' | '';
  /** Set on continuation lines of a multi-line reply. */
  readonly group?: ReplyGroup;
  /** Transcripts: the client command this reply answers, when known. */
  readonly answers?: SmtpCommand;
  /** DSN `Status:` and `Diagnostic-Code:` findings: the block's earlier fields. */
  readonly block?: DsnBlockFacts;
  /** Config findings: the verb of their line, when it decides the class. */
  readonly verb?: ConfigVerb;
}

/** Transcript facts carried from line to line. */
export interface TranscriptState {
  /** Commands sent and not yet answered (pipelining), oldest first. */
  readonly pending: readonly SmtpCommand[];
  /** After `354`: client lines are message content until a lone `.`. */
  readonly inData: boolean;
  /** After a `334` challenge: the next client line is an AUTH response, not a command. */
  readonly inAuth: boolean;
  /** The session an MTA relays in its verbose output (Sendmail's `050 ` lines), read on its own. */
  readonly relayed?: TranscriptState;
}

/**
 * A code slot left open at the end of a line (`said:` or `said: 553` with the rest
 * folded onto the next, indented line).
 */
export interface Carry {
  readonly context: FindingContext;
  /** The reply code already read; the next line should start with its enhanced code. */
  readonly reply?: CodeRef;
}

/** Small and immutable: a scan can stop where the state after a line equals the stored one. */
export interface LineState {
  readonly kind: DocumentKind;
  /** An open multi-line reply (its last line ended in `NNN-`). */
  readonly group?: ReplyGroup;
  readonly transcript?: TranscriptState;
  /** The current DSN per-recipient block's fields so far. */
  readonly block?: DsnBlockFacts;
  /** Inside a folded `Diagnostic-Code:` field (continuation lines start with white space). */
  readonly inDiagnostic?: boolean;
  readonly carry?: Carry;
  /** JSON documents: where the line starts in the nesting of objects and arrays. */
  readonly json?: JsonState;
  /** Configs: the refusing verb of the Exim ACL statement open after this line. */
  readonly verb?: ConfigVerb;
}

/** Small on purpose: a JSON string never spans lines, so nesting and the open object's DSN facts are all a line inherits. */
export interface JsonState {
  /** Objects and arrays open before the line. */
  readonly depth: number;
  /** The depth inside a Mailgun `delivery-status` object, whose generic keys (`code`, `message`) are codes. */
  readonly section?: number;
  /** The open object's `action` and `status` so far (an SES bounced recipient). */
  readonly block?: DsnBlockFacts;
}

export interface LineScan {
  readonly findings: Finding[];
  readonly next: LineState;
}
