// Failed and delayed recipients of a bounce message. RFC 3464 per-recipient blocks first
// (`Final-Recipient`, `Action`, `Status`, `Remote-MTA`, `Diagnostic-Code` with its folded
// lines); a bounce without them (qmail, Exim, many providers) is read from its human-readable
// part: one record per recipient address standing on a line of its own, else one for the
// whole text. The returned original message is never read.
import type { Finding } from '../scan/types';
import { failureCodes, preferSpecific } from './codes';
import { normalized } from './provider';
import { commandIn } from './rules';
import type { FoundFailure } from './records';

interface Block {
  readonly first: number;
  recipient?: string;
  action?: string;
  status?: string;
  /** The reporting MTA's own words for the status (`5.2.1 (mailbox disabled, not accepting messages)`). */
  statusNote?: string;
  remoteMta?: string;
  diagnostic?: string;
  /** The `Diagnostic-Code:` line and its folded lines, for the codes the scanner found there. */
  diagnosticLines: number[];
}

/** `Name: value` -> [lower-case name, value]; undefined for other lines. */
function headerField(text: string): [string, string] | undefined {
  const colon = text.indexOf(':');
  if (colon <= 0 || colon > 40 || text.charCodeAt(0) <= 32) return undefined;
  const name = text.slice(0, colon);
  return /^[A-Za-z][A-Za-z0-9-]*$/.test(name) ? [name.toLowerCase(), text.slice(colon + 1).trim()] : undefined;
}

/** The value after `type;` (`rfc822; a@b` -> `a@b`, `dns; mx.example.com` -> `mx.example.com`). */
function typed(value: string): string {
  const semicolon = value.indexOf(';');
  return (semicolon < 0 ? value : value.slice(semicolon + 1)).trim().replace(/^<|>$/g, '');
}

/** Where the returned original message (or its headers) starts: nothing after it is read. */
const ORIGINAL = /^(?:message headers follow|original message follows|content-type:[ \t]*(?:message\/rfc822|text\/rfc822-headers|message\/global)|-{2,}[ \t]*(?:this is a copy|below this line|original message|the original message|returned message|undelivered message|headers of))|^[ \t]*-{3,}[ \t]*(?:original message|below this line)/i;

export function originalStart(lines: readonly string[]): number {
  const at = lines.findIndex((text) => ORIGINAL.test(text));
  return at < 0 ? lines.length : at;
}

function dsnBlocks(lines: readonly string[], end: number): Block[] {
  const blocks: Block[] = [];
  let block: Block | undefined;
  let inDiagnostic = false;
  for (let n = 0; n < end; n++) {
    const text = lines[n]!;
    if (text.trim() === '') {
      block = undefined;
      inDiagnostic = false;
      continue;
    }
    if (inDiagnostic && block !== undefined && /^[ \t]/.test(text)) {
      block.diagnostic = `${block.diagnostic ?? ''} ${text.trim()}`;
      block.diagnosticLines.push(n);
      continue;
    }
    inDiagnostic = false;
    const header = headerField(text);
    if (header === undefined) continue;
    const [name, value] = header;
    if (name === 'final-recipient' || name === 'original-recipient') {
      if (block === undefined || (block.recipient !== undefined && name === 'final-recipient' && block.status !== undefined)) {
        block = { first: n, diagnosticLines: [] };
        blocks.push(block);
      }
      if (name === 'final-recipient' || block.recipient === undefined) block.recipient = typed(value);
    } else if (block !== undefined) {
      if (name === 'action') block.action = value.toLowerCase().split(/[\s;(]/)[0];
      else if (name === 'status') {
        block.status = value.split(/[\s(]/)[0];
        block.statusNote = /\(([^()]{1,120})\)/.exec(value)?.[1];
      }
      else if (name === 'remote-mta') block.remoteMta = typed(value).split(/[\s[]/)[0];
      else if (name === 'diagnostic-code') {
        // The type stays where it says something (`x-unix; ...` is a local delivery program).
        block.diagnostic = /^smtp[ \t]*;/i.test(value) ? typed(value) : value;
        block.diagnosticLines.push(n);
        inDiagnostic = true;
      }
    }
  }
  return blocks.filter((b) => b.action === undefined ? /^[45]\./.test(b.status ?? '') : b.action === 'failed' || b.action === 'delayed');
}

/** Findings on the given lines. */
function findingsOn(findings: readonly (readonly Finding[])[], lines: readonly number[]): Finding[] {
  return lines.flatMap((n) => findings[n] ?? []);
}

/** The end of the message header block: the first blank line. */
function bodyStart(lines: readonly string[]): number {
  const blank = lines.findIndex((text) => text.trim() === '');
  return blank < 0 ? 0 : blank + 1;
}

/** MIME structure inside a body: a part's header fields and boundary lines. */
const MIME_LINE = /^(?:content-[a-z-]{1,40}:|--[^\s]{6,200}$|[ \t]+(?:charset|boundary|name)=)/i;

/** The human-readable part: the body up to the first machine-readable or returned part, without MIME structure. */
function humanLines(lines: readonly string[], end: number): number[] {
  const out: number[] = [];
  const machine = /^content-type:[ \t]*message\/(?:delivery-status|global-delivery-status)/i;
  for (let n = bodyStart(lines); n < end; n++) {
    if (machine.test(lines[n]!)) break;
    if (!MIME_LINE.test(lines[n]!)) out.push(n);
  }
  return out;
}

/**
 * A line that starts with a recipient address: alone (`  a@b` in Exim, `<a@b>:` in qmail) or
 * before a colon and the reply (`a@b: 550 5.2.2 Mailbox full` in OpenSMTPD).
 */
const ADDRESS_LINE = /^[ \t]*<?([^\s<>@:]{1,128}@[A-Za-z0-9.-]{1,253})>?(?::(?=[ \t]|$)|[ \t]*$)/;

/**
 * The lines as one text. In a quoted-printable part a line ending in `=` goes on without a
 * break (`bloc=` + `ked using` is `blocked using`) and `=20` is a space.
 */
function joined(lines: readonly string[], numbers: readonly number[], quotedPrintable: boolean): string {
  let text = '';
  for (const n of numbers) {
    const line = lines[n]!.trim();
    if (line === '') continue;
    if (quotedPrintable && line.endsWith('=')) text += line.slice(0, -1);
    else text += `${line} `;
  }
  return quotedPrintable ? text.replace(/=20|=09/g, ' ').replace(/=3D/g, '=').trim() : text.trim();
}

/** The human-readable lines about one recipient (all of them when no recipient is named). */
interface Span {
  readonly recipient?: string;
  readonly lines: number[];
}

/** The human-readable part cut at each line that names a new recipient; what comes before the first is left out. */
function recipientSpans(lines: readonly string[], human: readonly number[]): Span[] {
  const spans: Span[] = [];
  for (const n of human) {
    const address = ADDRESS_LINE.exec(lines[n]!)?.[1];
    const current = spans.at(-1);
    if (address !== undefined && address.toLowerCase() !== current?.recipient?.toLowerCase()) spans.push({ recipient: address, lines: [n] });
    else current?.lines.push(n);
  }
  return spans.length > 0 ? spans : [{ lines: [...human] }];
}

/**
 * The failing reply's lines within `span`: from the line before line `at` (which often names
 * the command, `did not like our RCPT TO:`) to the end of the paragraph.
 */
function fromLineBefore(lines: readonly string[], span: readonly number[], at: number): number[] {
  const i = span.indexOf(at);
  let to = i;
  while (to + 1 < span.length && lines[span[to + 1]!]!.trim() !== '') to++;
  return span.slice(Math.max(0, i - 1), to + 1);
}

/** The first address of an `X-Failed-Recipients:` header (Exim, Gmail). */
function failedRecipient(lines: readonly string[]): string | undefined {
  const end = bodyStart(lines);
  for (let n = 0; n < end; n++) {
    const header = headerField(lines[n]!);
    if (header?.[0] === 'x-failed-recipients') return header[1].split(',')[0]!.trim() || undefined;
  }
  return undefined;
}

/** Whether the message says it is a delay warning, not a failure (its Subject or its blocks). */
function isDelayNotice(lines: readonly string[]): boolean {
  const end = bodyStart(lines);
  for (let n = 0; n < end; n++) if (/^subject:.{0,80}\b(?:delay|delayed|warning)\b/i.test(lines[n]!)) return true;
  return false;
}

/** What a bounce says about its recipients, read once for all its blocks. */
interface Bounce {
  readonly lines: readonly string[];
  readonly findings: readonly (readonly Finding[])[];
  readonly spans: readonly Span[];
  readonly humanText: string;
  readonly quotedPrintable: boolean;
  readonly reportingMta?: string;
}

function spanText(bounce: Bounce, numbers: readonly number[]): string {
  return joined(bounce.lines, numbers, bounce.quotedPrintable);
}

/** A record from a recipient's human-readable lines: their failing reply's paragraph, or all of them. */
function fromSpan(bounce: Bounce, span: Span, recipient: string | undefined, deferred: boolean): FoundFailure {
  const codes = failureCodes(findingsOn(bounce.findings, span.lines));
  const own = codes.line === undefined || span.recipient !== undefined ? span.lines : fromLineBefore(bounce.lines, span.lines, codes.line);
  const text = spanText(bounce, own);
  return {
    line: codes.line ?? span.lines[0] ?? 0,
    ...(recipient === undefined ? {} : { recipient }),
    facts: { ...codes, text, deferred },
    ...(text === bounce.humanText ? {} : { context: bounce.humanText }),
  };
}

/** An enhanced code written with a mark the scanner does not take (`550 #5.1.0 Address rejected`). */
function writtenCode(diagnostic: string): string | undefined {
  return /(?:^|[\s#(])([245]\.\d{1,3}\.\d{1,3})(?=[\s),;:]|$)/.exec(diagnostic)?.[1];
}

/**
 * The reporting MTA (`Reporting-MTA: dns; mx.example.net`). RFC 3464 names a Remote-MTA only
 * when another server reported the status; without one, the reporting MTA answered itself.
 */
function reportingMta(lines: readonly string[], end: number): string | undefined {
  for (let n = bodyStart(lines); n < end; n++) {
    const header = headerField(lines[n]!);
    if (header?.[0] === 'reporting-mta') return typed(header[1]).split(/[\s[]/)[0] || undefined;
  }
  return undefined;
}

/** A record from an RFC 3464 block, read with its recipient's human-readable lines. */
function fromBlock(bounce: Bounce, block: Block): FoundFailure {
  const wanted = block.recipient?.toLowerCase();
  const span = bounce.spans.find((s) => s.recipient !== undefined && s.recipient.toLowerCase() === wanted);
  const diagnosed = block.diagnostic !== undefined && block.diagnostic !== '';
  // Without a diagnostic, the codes the human-readable lines quote for this recipient count.
  const codes = failureCodes(findingsOn(bounce.findings, diagnosed || span === undefined ? block.diagnosticLines : span.lines));
  const enhanced = preferSpecific(block.status, codes.enhanced ?? (diagnosed ? writtenCode(block.diagnostic!) : undefined));
  const human = span === undefined ? bounce.humanText : spanText(bounce, span.lines);
  const text = diagnosed ? block.diagnostic! : human;
  const command = commandIn(normalized(`${text} ${human}`));
  const answeredBy = block.remoteMta === undefined || block.remoteMta === '' ? bounce.reportingMta : block.remoteMta;
  return {
    line: block.diagnosticLines[0] ?? block.first,
    ...(block.recipient === undefined ? {} : { recipient: block.recipient }),
    facts: {
      ...(codes.reply === undefined ? {} : { reply: codes.reply }),
      ...(enhanced === undefined ? {} : { enhanced }),
      text,
      ...(answeredBy === undefined ? {} : { remoteHost: answeredBy }),
      deferred: block.action === 'delayed',
      ...(block.statusNote === undefined ? {} : { statusNote: block.statusNote }),
      ...(command === undefined ? {} : { command }),
    },
    ...(text === human ? {} : { context: human }),
  };
}

export function dsnFailures(lines: readonly string[], findings: readonly (readonly Finding[])[]): FoundFailure[] {
  const end = originalStart(lines);
  const human = humanLines(lines, end);
  const quotedPrintable = lines.some((line) => /^content-transfer-encoding:[ \t]*quoted-printable/i.test(line));
  const spans = recipientSpans(lines, human);
  const reporting = reportingMta(lines, end);
  const bounce: Bounce = { lines, findings, spans, humanText: joined(lines, human, quotedPrintable), quotedPrintable, ...(reporting === undefined ? {} : { reportingMta: reporting }) };
  const blocks = dsnBlocks(lines, end);
  if (blocks.length > 0) return blocks.map((block) => fromBlock(bounce, block));
  const deferred = isDelayNotice(lines);
  const named = spans.filter((span) => span.recipient !== undefined);
  if (named.length === 0) return [fromSpan(bounce, spans[0]!, failedRecipient(lines), deferred)];
  return named.map((span) => fromSpan(bounce, span, span.recipient, deferred));
}
