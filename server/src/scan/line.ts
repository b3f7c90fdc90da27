// Collects the findings of one line. Context finders call `slot` at a position where
// their context says a code belongs; `pairs` then finds `550 5.1.1` anywhere else.
// This runs for every line of a 50 MB log: no closures, few temporary objects, and the
// texts and parsed parts of the common codes are shared rather than copied per finding.
import type { SmtpCommand } from '../kb/types';
import { enhancedFlaw, isReplyShaped } from './codes';
import { atLineEnd, boundaryAfter, boundaryBefore, Ch, isDigit, isSpace, readNumber, type NumberToken } from './lexer';
import type { Carry, CodeRef, ConfigVerb, DsnBlockFacts, EnhancedParts, Finding, FindingContext, ReplyGroup } from './types';

/**
 * Where a pair can start: a three-digit number of the classes 2-5, then the start of an
 * enhanced code (`550 5.`, `550-5.`, `550: 5.`, `550-'5.`) or Amazon SES's quote `550-'`
 * (see enhancedAfter). A necessary condition only; the checks around each candidate are exact.
 */
const PAIR_CANDIDATE = /[2-5]\d\d(?:-'|(?:[ -]|: )\d+\.\d)/g;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** What a slot may hold. */
type Expect = 'reply' | 'enhanced' | 'any';

/** Contexts whose code may be folded onto the next line. */
const FOLDING: ReadonlySet<FindingContext> = new Set(['postfix-said', 'exim-error', 'dsn-diagnostic', 'postfix-reject']);

/** A multi-line reply stays open at most this many lines (guards against a stray `250-`). */
const GROUP_SPAN = 100;

/**
 * Where the enhanced code after a reply ending at `end` would start, or -1: after `550 `,
 * `550-` (multi-line), `550: ` (Yahoo) or `550-'` (Amazon SES quoting the remote reply).
 */
function enhancedAfter(text: string, end: number): number {
  const sep = text.charCodeAt(end);
  let at = -1;
  if (sep === Ch.Space) at = end + 1;
  else if (sep === Ch.Dash) at = text.charCodeAt(end + 1) === Ch.Apos ? end + 2 : end + 1;
  else if (sep === Ch.Colon && text.charCodeAt(end + 1) === Ch.Space) at = end + 2;
  return at > 0 && isDigit(text.charCodeAt(at)) ? at : -1;
}

/**
 * A malformed reply (`590 5.4.3`, `490 4.5.6`) still makes a pair when the enhanced code at
 * `at` has a status class (2, 4 or 5) that repeats the reply's first digit.
 */
function classRepeated(text: string, reply: number, at: number): boolean {
  const cls = text.charCodeAt(at);
  return cls === text.charCodeAt(reply) && cls !== Ch.D0 + 3 && text.charCodeAt(at + 1) === Ch.Dot;
}

/** Texts of three-digit replies by value (`250`, `550`...): a log repeats a handful of them. */
const REPLY_TEXTS: (string | undefined)[] = new Array<string | undefined>(1000).fill(undefined);

/** The text of a reply token, shared when it is a three-digit number without a leading zero. */
function replyText(text: string, start: number, end: number): string {
  if (end - start !== 3 || text.charCodeAt(start) === Ch.D0) return text.slice(start, end);
  const value = (text.charCodeAt(start) - Ch.D0) * 100 + (text.charCodeAt(start + 1) - Ch.D0) * 10 + text.charCodeAt(start + 2) - Ch.D0;
  return REPLY_TEXTS[value] ??= text.slice(start, end);
}

/** A parsed enhanced code and its text, shared by every finding of the same code. */
interface EnhancedCode {
  readonly text: string;
  readonly parts: EnhancedParts;
}

/** Shared enhanced codes by `cls * 1e6 + subject * 1e3 + detail`; bounded against hostile input. */
const ENHANCED_CODES = new Map<number, EnhancedCode>();
const MAX_SHARED_CODES = 4096;
/** Longer digit runs are left to `Number`, which rounds them as it always did. */
const EXACT_DIGITS = 15;

/**
 * Reads the three numbers of a token that `readNumber` found to have three parts (digits
 * between the dots), as `parseEnhanced` would, and shares the result when the code is written
 * canonically (one-digit class, one to three digits without a leading zero in the others).
 */
function enhancedCode(text: string, token: NumberToken): EnhancedCode {
  const firstDot = text.indexOf('.', token.start);
  const secondDot = text.indexOf('.', firstDot + 1);
  const cls = partValue(text, token.start, firstDot);
  const subject = partValue(text, firstDot + 1, secondDot);
  const detail = partValue(text, secondDot + 1, token.end);
  const canonical = firstDot - token.start === 1 && isShortPart(text, firstDot + 1, secondDot) && isShortPart(text, secondDot + 1, token.end);
  if (!canonical) return { text: text.slice(token.start, token.end), parts: { cls, subject, detail } };
  const key = cls * 1e6 + subject * 1e3 + detail;
  let code = ENHANCED_CODES.get(key);
  if (code === undefined) {
    code = { text: text.slice(token.start, token.end), parts: { cls, subject, detail } };
    if (ENHANCED_CODES.size < MAX_SHARED_CODES) ENHANCED_CODES.set(key, code);
  }
  return code;
}

/** The value of the digits from `start` to `end`, as `Number` reads them. */
function partValue(text: string, start: number, end: number): number {
  if (end - start > EXACT_DIGITS) return Number(text.slice(start, end));
  let value = 0;
  for (let i = start; i < end; i++) value = value * 10 + text.charCodeAt(i) - Ch.D0;
  return value;
}

/** One to three digits without a leading zero: the part is written the one canonical way. */
function isShortPart(text: string, start: number, end: number): boolean {
  const length = end - start;
  return length >= 1 && length <= 3 && (length === 1 || text.charCodeAt(start) !== Ch.D0);
}

export class LineScanner {
  readonly findings: Finding[] = [];
  /** The multi-line reply open after this line. */
  group: ReplyGroup | undefined;
  carry: Carry | undefined;
  /** Set by the transcript reader before it fills a reply slot. */
  answers: SmtpCommand | undefined;
  /** Facts attached to DSN findings. */
  block: DsnBlockFacts | undefined;
  /** Set by the config reader before it fills a slot whose class a verb decides. */
  verb: ConfigVerb | undefined;
  /** The last reply read on this line that completed a reply (no `-` after it). */
  completed: Finding | undefined;

  constructor(readonly text: string, readonly line: number, group: ReplyGroup | undefined) {
    this.group = group !== undefined && line - group.line <= GROUP_SPAN ? group : undefined;
  }

  /**
   * Reads the code at `pos` if the context finder's expectation holds. `malformedOk`: the
   * context makes clear a code is meant there, so a malformed one is reported for the rules.
   * Returns the first finding made (undefined when none).
   */
  slot(pos: number, context: FindingContext, expect: Expect, malformedOk: boolean): Finding | undefined {
    const text = this.text;
    if (pos >= text.length || !isDigit(text.charCodeAt(pos)) || this.taken(pos, this.findings.length)) return undefined;
    const token = readNumber(text, pos);
    if (token.parts === 1) {
      if (expect === 'enhanced') return undefined;
      // A reply is followed by its text (space), a continuation dash, or nothing (RFC 5321 s4.2).
      const sep = text.charCodeAt(token.end);
      if (!(isSpace(sep) || sep === Ch.Dash || atLineEnd(text, token.end))) return undefined;
      const length = token.end - pos;
      if (length === 3 && isReplyShaped(text, pos)) return this.addReply(token, context, malformedOk);
      if (!malformedOk || length < 2 || length > 4 || sep === Ch.Dash) return undefined;
      return this.addReply(token, context, malformedOk);
    }
    if (expect === 'reply' || !boundaryAfter(text, token.end)) return undefined;
    if (token.parts !== 3 && !(expect === 'enhanced' && malformedOk)) return undefined;
    if (!malformedOk && enhancedFlaw(text.slice(pos, token.end)) !== undefined) return undefined;
    return this.addEnhanced(token, context, undefined, undefined);
  }

  /** A three-digit reply closed by `)` or `,`, as smtplib writes it: `retcode (550);`, `data: (354, ...)`. */
  enclosed(pos: number, context: FindingContext): Finding | undefined {
    const text = this.text;
    if (!isDigit(text.charCodeAt(pos)) || this.taken(pos, this.findings.length)) return undefined;
    const token = readNumber(text, pos);
    const close = text.charCodeAt(token.end);
    if (token.parts !== 1 || token.end - pos !== 3 || (close !== Ch.RParen && close !== Ch.Comma)) return undefined;
    return this.addReply(token, context, true);
  }

  /**
   * A code that is a whole value ending at `end` (JSON `"code": 550`, `"status": "5.1.1"`):
   * the key says a code is meant, so no separator is needed after it, but it must be well formed.
   */
  whole(pos: number, end: number, context: FindingContext): Finding | undefined {
    const text = this.text;
    if (!isDigit(text.charCodeAt(pos)) || this.taken(pos, this.findings.length)) return undefined;
    const token = readNumber(text, pos);
    if (token.end !== end) return undefined;
    if (token.parts === 1) return end - pos === 3 && isReplyShaped(text, pos) ? this.addReply(token, context, false) : undefined;
    if (token.parts !== 3 || enhancedFlaw(text.slice(pos, end)) !== undefined) return undefined;
    return this.addEnhanced(token, context, undefined, undefined);
  }

  /** An enhanced code at `pos` that completes a reply read on the previous line. */
  continuation(pos: number, carry: Carry): void {
    const text = this.text;
    if (carry.reply === undefined) {
      this.slot(pos, carry.context, 'any', true);
      return;
    }
    if (pos >= text.length || !isDigit(text.charCodeAt(pos))) return;
    const token = readNumber(text, pos);
    if (token.parts === 3 && boundaryAfter(text, token.end)) this.addEnhanced(token, carry.context, carry.reply, undefined);
  }

  /** Finds `550 5.1.1` and `550-5.1.1` anywhere on the line (any context not claimed yet). */
  pairs(context: FindingContext): void {
    const text = this.text;
    // Only the context finders' codes can be where a candidate is (the loop moves past its
    // own): a few, however long the line.
    const claimed = this.findings.length;
    // The regex engine finds the few candidates fast; the checks around them are exact.
    PAIR_CANDIDATE.lastIndex = 0;
    for (let m = PAIR_CANDIDATE.exec(text); m !== null; m = PAIR_CANDIDATE.exec(text)) {
      const i = m.index;
      const end = i + 3;
      PAIR_CANDIDATE.lastIndex = i + 1;  // `554 554 5.7.0`: the next candidate may start inside this one
      if (!boundaryBefore(text, i) || (i > 0 && isDigit(text.charCodeAt(i - 1))) || this.taken(i, claimed)) continue;
      const shaped = isReplyShaped(text, i);
      const at = enhancedAfter(text, end);
      if (at < 0) {
        // Amazon SES quotes a remote reply as `550-'Unknown user ...'`.
        if (shaped && text.charCodeAt(end) === Ch.Dash && text.charCodeAt(end + 1) === Ch.Apos) this.addReply(readNumber(text, i), context, false);
        continue;
      }
      const next = readNumber(text, at);
      if (next.parts === 3 && boundaryAfter(text, next.end) && (shaped || classRepeated(text, i, at))) {
        this.addReply(readNumber(text, i), context, false);
        PAIR_CANDIDATE.lastIndex = next.end;
      }
    }
  }

  /** Makes two findings of the line each other's partner (`ERROR:5.7.1:550` in Sendmail access). */
  link(a: Finding, b: Finding): void {
    const i = this.findings.indexOf(a);
    const j = this.findings.indexOf(b);
    if (i < 0 || j < 0) return;
    this.findings[i] = { ...a, partner: { line: b.line, start: b.start, end: b.end, text: b.text } };
    this.findings[j] = { ...b, partner: { line: a.line, start: a.start, end: a.end, text: a.text } };
  }

  /**
   * Findings in text order (context finders fill slots out of order), in an array of their
   * own size: the one `push` grew has room for 17, which a caller keeping every line's
   * findings would pay for.
   */
  sorted(): Finding[] {
    // An insertion sort: stable, and nearly free on the few findings of a line, mostly in order.
    const findings = this.findings;
    for (let i = 1; i < findings.length; i++) {
      const finding = findings[i]!;
      let j = i;
      for (; j > 0 && findings[j - 1]!.start > finding.start; j--) findings[j] = findings[j - 1]!;
      findings[j] = finding;
    }
    return findings.length === 0 ? findings : findings.slice();
  }

  /** Does one of the first `count` findings of this line start at `pos`? */
  private taken(pos: number, count: number): boolean {
    const findings = this.findings;
    for (let k = 0; k < count; k++) if (findings[k]!.start === pos) return true;
    return false;
  }

  /**
   * A reply whose enhanced code a format finder has read itself, where the separators are the
   * format's own (qmail's `Remote_host_said:_550_5.1.1_...`): both tokens are exact.
   */
  replyWith(reply: NumberToken, enhanced: NumberToken | undefined, context: FindingContext): void {
    if (!this.taken(reply.start, this.findings.length)) this.addReply(reply, context, false, enhanced);
  }

  private addReply(token: NumberToken, context: FindingContext, malformedOk: boolean, known?: NumberToken): Finding {
    const text = this.text;
    const line = this.line;
    const start = token.start;
    const end = token.end;
    const codeText = replyText(text, start, end);
    const sepCode = text.charCodeAt(end);
    const separator = sepCode === Ch.Dash ? '-' : sepCode === Ch.Space ? ' ' : '';
    let enhanced: NumberToken | undefined = known;
    const at = known === undefined ? enhancedAfter(text, end) : -1;
    if (at > 0) {
      const next = readNumber(text, at);
      // A malformed enhanced code counts only where a code is clearly meant.
      const clear = malformedOk || isReplyShaped(text, start);
      if (next.parts === 3 && boundaryAfter(text, next.end) && (clear || enhancedFlaw(text.slice(next.start, next.end)) === undefined)) {
        enhanced = next;
      }
    }
    const code = enhanced === undefined ? undefined : enhancedCode(text, enhanced);
    const group = this.group;
    const reply = codeText.length === 3 ? Number(codeText) : undefined;
    const partner: CodeRef | undefined = enhanced === undefined ? undefined : { line, start: enhanced.start, end: enhanced.end, text: code!.text };
    // The fields in the order findings have always had. The shapes of log lines are written
    // whole: each field added to an object literal later costs another block of memory.
    const finding: Mutable<Finding> = reply === undefined ? { kind: 'reply', line, start, end, text: codeText, context, separator }
      : partner === undefined ? { kind: 'reply', line, start, end, text: codeText, context, separator, reply }
        : { kind: 'reply', line, start, end, text: codeText, context, separator, reply, partner };
    if (reply === undefined && partner !== undefined) finding.partner = partner;
    if (group !== undefined) finding.group = group;
    else if (this.answers !== undefined) finding.answers = this.answers;
    if (this.block !== undefined) finding.block = this.block;
    if (this.verb !== undefined) finding.verb = this.verb;
    this.findings.push(finding);
    const folds = enhanced === undefined && FOLDING.has(context) && atLineEnd(text, end);
    const ref: CodeRef | undefined = enhanced !== undefined || folds ? { line, start, end, text: codeText } : undefined;
    if (enhanced !== undefined) this.addEnhanced(enhanced, context, ref, group, code);
    if (separator === '-') {
      this.group ??= code === undefined ? { line, reply: codeText } : { line, reply: codeText, enhanced: code.text };
    } else {
      this.group = undefined;
      this.completed = finding;
    }
    if (folds) this.carry = { context, reply: ref };
    return finding;
  }

  private addEnhanced(token: NumberToken, context: FindingContext, partner: CodeRef | undefined, group: ReplyGroup | undefined,
    known?: EnhancedCode): Finding {
    const code = known ?? (token.parts === 3 ? enhancedCode(this.text, token) : undefined);
    const line = this.line;
    const start = token.start;
    const end = token.end;
    // As in addReply: the common shapes whole, the fields in their usual order.
    const finding: Mutable<Finding> = code === undefined ? { kind: 'enhanced', line, start, end, text: this.text.slice(start, end), context }
      : partner === undefined ? { kind: 'enhanced', line, start, end, text: code.text, context, enhanced: code.parts }
        : { kind: 'enhanced', line, start, end, text: code.text, context, enhanced: code.parts, partner };
    if (code === undefined && partner !== undefined) finding.partner = partner;
    if (group !== undefined) finding.group = group;
    if (this.block !== undefined) finding.block = this.block;
    if (this.verb !== undefined) finding.verb = this.verb;
    this.findings.push(finding);
    return finding;
  }
}
