// Failed and delayed recipients of a bounce message. RFC 3464 per-recipient blocks first
// (`Final-Recipient`, `Action`, `Status`, `Remote-MTA`, `Diagnostic-Code` with its folded
// lines); a bounce without them (qmail, Exim, many providers) is read from its human-readable
// part: one record per recipient address standing on a line of its own, else one for the
// whole text. The returned original message is never read.
import type { Finding } from '../scan/types';
import { failureCodes, preferSpecific } from './codes';
import type { FoundFailure } from './records';

interface Block {
  readonly first: number;
  recipient?: string;
  action?: string;
  status?: string;
  remoteMta?: string;
  diagnostic?: string;
  diagnosticLine?: number;
  /** Lines of this block's fields, for the codes the scanner found there. */
  lines: number[];
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
      block.lines.push(n);
      continue;
    }
    inDiagnostic = false;
    const header = headerField(text);
    if (header === undefined) continue;
    const [name, value] = header;
    if (name === 'final-recipient' || name === 'original-recipient') {
      if (block === undefined || (block.recipient !== undefined && name === 'final-recipient' && block.status !== undefined)) {
        block = { first: n, lines: [] };
        blocks.push(block);
      }
      if (name === 'final-recipient' || block.recipient === undefined) block.recipient = typed(value);
    } else if (block !== undefined) {
      if (name === 'action') block.action = value.toLowerCase().split(/[\s;(]/)[0];
      else if (name === 'status') block.status = value.split(/[\s(]/)[0];
      else if (name === 'remote-mta') block.remoteMta = typed(value).split(/[\s[]/)[0];
      else if (name === 'diagnostic-code') {
        block.diagnostic = typed(value);
        block.diagnosticLine = n;
        inDiagnostic = true;
      } else continue;
      block.lines.push(n);
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

/** The human-readable part: the body up to the first machine-readable or returned part. */
function humanLines(lines: readonly string[], end: number): number[] {
  const out: number[] = [];
  const machine = /^content-type:[ \t]*message\/(?:delivery-status|global-delivery-status)/i;
  for (let n = bodyStart(lines); n < end; n++) {
    if (machine.test(lines[n]!)) break;
    out.push(n);
  }
  return out;
}

/** A line that is one address alone: `<a@b>:` (qmail), `  a@b` (Exim), `a@b:`. */
const ADDRESS_LINE = /^[ \t]*<?([^\s<>@:]{1,128}@[A-Za-z0-9.-]{1,253})>?:?[ \t]*$/;

/**
 * The lines as one text. In a quoted-printable part a line ending in `=` goes on without a
 * break (`bloc=` + `ked using` is `blocked using`) and `=20` is a space.
 */
function joined(lines: readonly string[], numbers: readonly number[], quotedPrintable = false): string {
  let text = '';
  for (const n of numbers) {
    const line = lines[n]!.trim();
    if (line === '') continue;
    if (quotedPrintable && line.endsWith('=')) text += line.slice(0, -1);
    else text += `${line} `;
  }
  return quotedPrintable ? text.replace(/=20|=09/g, ' ').replace(/=3D/g, '=').trim() : text.trim();
}

/** Records from the human-readable text when the bounce has no DSN blocks. */
function fromHumanText(
  lines: readonly string[], findings: readonly (readonly Finding[])[], human: readonly number[], deferred: boolean, quotedPrintable: boolean,
): FoundFailure[] {
  const starts = human.filter((n) => ADDRESS_LINE.test(lines[n]!));
  const spans: { recipient?: string; lines: number[] }[] = starts.length === 0
    ? [{ lines: [...human] }]
    : starts.map((start, i) => ({
      recipient: ADDRESS_LINE.exec(lines[start]!)![1]!,
      lines: human.filter((n) => n > start && n < (starts[i + 1] ?? Infinity)),
    }));
  const found: FoundFailure[] = [];
  for (const span of spans) {
    const codes = failureCodes(findingsOn(findings, span.lines));
    const line = codes.line ?? span.lines[0] ?? 0;
    found.push({ line, ...(span.recipient === undefined ? {} : { recipient: span.recipient }), facts: { ...codes, text: joined(lines, span.lines, quotedPrintable), deferred } });
  }
  return found;
}

/** Whether the message says it is a delay warning, not a failure (its Subject or its blocks). */
function isDelayNotice(lines: readonly string[]): boolean {
  const end = bodyStart(lines);
  for (let n = 0; n < end; n++) if (/^subject:.{0,80}\b(?:delay|delayed|warning)\b/i.test(lines[n]!)) return true;
  return false;
}

export function dsnFailures(lines: readonly string[], findings: readonly (readonly Finding[])[]): FoundFailure[] {
  const end = originalStart(lines);
  const human = humanLines(lines, end);
  const quotedPrintable = lines.some((line) => /^content-transfer-encoding:[ \t]*quoted-printable/i.test(line));
  const humanText = joined(lines, human, quotedPrintable);
  const blocks = dsnBlocks(lines, end);
  if (blocks.length === 0) return fromHumanText(lines, findings, human, isDelayNotice(lines), quotedPrintable);
  return blocks.map((block) => {
    const codes = failureCodes(findingsOn(findings, block.lines));
    const enhanced = preferSpecific(block.status, codes.enhanced);
    const diagnosed = block.diagnostic !== undefined && block.diagnostic !== '';
    const text = diagnosed ? block.diagnostic! : humanText;
    return {
      ...(diagnosed && humanText !== '' ? { context: humanText } : {}),
      line: block.diagnosticLine ?? block.first,
      ...(block.recipient === undefined ? {} : { recipient: block.recipient }),
      facts: {
        ...(codes.reply === undefined ? {} : { reply: codes.reply }),
        ...(enhanced === undefined ? {} : { enhanced }),
        text,
        ...(block.remoteMta === undefined || block.remoteMta === '' ? {} : { remoteHost: block.remoteMta }),
        deferred: block.action === 'delayed',
      },
    };
  });
}
