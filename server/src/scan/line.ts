// Collects the findings of one line. Context finders call `slot` at a position where
// their context says a code belongs; `pairs` then finds `550 5.1.1` anywhere else.
import type { SmtpCommand } from '../kb/types';
import { enhancedFlaw, isReplyShaped, parseEnhanced } from './codes';
import { atLineEnd, boundaryAfter, boundaryBefore, Ch, isDigit, isSpace, readNumber, type NumberToken } from './lexer';
import type { Carry, CodeRef, DsnBlockFacts, Finding, FindingContext, ReplyGroup } from './types';

/** A reply-shaped number followed by what may lead to an enhanced code (see enhancedAfter). */
const PAIR_CANDIDATE = /[2-5][0-5]\d[ :-]'?\d?/g;

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

export class LineScanner {
  readonly findings: Finding[] = [];
  /** The multi-line reply open after this line. */
  group: ReplyGroup | undefined;
  carry: Carry | undefined;
  /** Set by the transcript reader before it fills a reply slot. */
  answers: SmtpCommand | undefined;
  /** Facts attached to DSN findings. */
  block: DsnBlockFacts | undefined;
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
    if (pos >= text.length || !isDigit(text.charCodeAt(pos))) return undefined;
    if (this.findings.some((f) => f.start === pos)) return undefined;
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
    return this.addEnhanced(token, context, undefined);
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
    if (token.parts === 3 && boundaryAfter(text, token.end)) this.addEnhanced(token, carry.context, carry.reply);
  }

  /** Finds `550 5.1.1` and `550-5.1.1` anywhere on the line (any context not claimed yet). */
  pairs(context: FindingContext): void {
    const text = this.text;
    const taken = this.findings.length === 0 ? undefined : new Set(this.findings.map((f) => f.start));
    // The regex engine finds the few candidates fast; the checks around them are exact.
    PAIR_CANDIDATE.lastIndex = 0;
    for (let m = PAIR_CANDIDATE.exec(text); m !== null; m = PAIR_CANDIDATE.exec(text)) {
      const i = m.index;
      const end = i + 3;
      PAIR_CANDIDATE.lastIndex = i + 1;  // `554 554 5.7.0`: the next candidate may start inside this one
      if (!boundaryBefore(text, i) || (i > 0 && isDigit(text.charCodeAt(i - 1))) || taken?.has(i)) continue;
      const at = enhancedAfter(text, end);
      if (at < 0) {
        // Amazon SES quotes a remote reply as `550-'Unknown user ...'`.
        if (text.charCodeAt(end) === Ch.Dash && text.charCodeAt(end + 1) === Ch.Apos) this.addReply(readNumber(text, i), context, false);
        continue;
      }
      const next = readNumber(text, at);
      if (next.parts === 3 && boundaryAfter(text, next.end)) {
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

  /** Findings in text order (context finders fill slots out of order). */
  sorted(): Finding[] {
    if (this.findings.length > 1) this.findings.sort((a, b) => a.start - b.start);
    return this.findings;
  }

  private ref(token: NumberToken): CodeRef {
    return { line: this.line, start: token.start, end: token.end, text: this.text.slice(token.start, token.end) };
  }

  private addReply(token: NumberToken, context: FindingContext, malformedOk: boolean): Finding {
    const text = this.text;
    const ref = this.ref(token);
    const sepCode = text.charCodeAt(token.end);
    const separator = sepCode === Ch.Dash ? '-' : sepCode === Ch.Space ? ' ' : '';
    let enhanced: NumberToken | undefined;
    const at = enhancedAfter(text, token.end);
    if (at > 0) {
      const next = readNumber(text, at);
      // A malformed enhanced code counts only where a code is clearly meant.
      const clear = malformedOk || isReplyShaped(text, token.start);
      if (next.parts === 3 && boundaryAfter(text, next.end) && (clear || enhancedFlaw(text.slice(next.start, next.end)) === undefined)) {
        enhanced = next;
      }
    }
    const enhancedText = enhanced === undefined ? undefined : text.slice(enhanced.start, enhanced.end);
    const group = this.group;
    // Built field by field: no temporary objects per code on a 50 MB log.
    const finding: Mutable<Finding> = { kind: 'reply', ...ref, context, separator };
    if (ref.text.length === 3) finding.reply = Number(ref.text);
    if (enhanced !== undefined) finding.partner = this.ref(enhanced);
    if (group !== undefined) finding.group = group;
    else if (this.answers !== undefined) finding.answers = this.answers;
    if (this.block !== undefined) finding.block = this.block;
    this.findings.push(finding);
    if (enhanced !== undefined) this.addEnhanced(enhanced, context, ref, group);
    if (separator === '-') {
      this.group ??= enhancedText === undefined ? { line: this.line, reply: ref.text } : { line: this.line, reply: ref.text, enhanced: enhancedText };
    } else {
      this.group = undefined;
      this.completed = finding;
    }
    if (enhanced === undefined && FOLDING.has(context) && atLineEnd(text, token.end)) {
      this.carry = { context, reply: ref };
    }
    return finding;
  }

  private addEnhanced(token: NumberToken, context: FindingContext, partner: CodeRef | undefined, group?: ReplyGroup): Finding {
    const ref = this.ref(token);
    const parts = parseEnhanced(ref.text);
    const finding: Mutable<Finding> = { kind: 'enhanced', ...ref, context };
    if (parts !== undefined) finding.enhanced = parts;
    if (partner !== undefined) finding.partner = partner;
    if (group !== undefined) finding.group = group;
    if (this.block !== undefined) finding.block = this.block;
    this.findings.push(finding);
    return finding;
  }
}
