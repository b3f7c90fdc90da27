// The structure shown as document symbols and folding ranges: SMTP sessions and mail
// transactions in transcripts, and the delivery-status part and its per-message and
// per-recipient blocks in bounce messages. Pure: lines in, nested line spans out.
import { commandAt, lineSide } from '../service';

export type OutlineKind = 'session' | 'transaction' | 'status-part' | 'message-fields' | 'recipient';

export interface OutlineNode {
  readonly kind: OutlineKind;
  readonly name: string;
  readonly detail: string;
  readonly startLine: number;
  readonly endLine: number;
  readonly children: readonly OutlineNode[];
}

const NAME_LIMIT = 80;

function clip(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > NAME_LIMIT ? `${trimmed.slice(0, NAME_LIMIT - 1)}…` : trimmed;
}

// ---- transcripts ----

const REPLY = /^([2-5]\d\d)([ -]|$)/;

type TranscriptLine =
  | { readonly type: 'command'; readonly verb: string; readonly text: string }
  | { readonly type: 'reply'; readonly code: number; readonly last: boolean; readonly text: string }
  | { readonly type: 'data-end' }
  | { readonly type: 'connection' }
  | { readonly type: 'other' };

/**
 * Which side wrote the line and what it says, read the way the scanner reads transcripts: a tool's
 * new connection (`=== Connected to`), the session Sendmail relays in `050` lines (left inside the
 * submission it belongs to), the end of message content however a tool writes it.
 */
function classify(line: string): TranscriptLine {
  const side = lineSide(line, 'transcript');
  if (side.relayed === true) return { type: 'other' };
  if (side.opens === true) return { type: 'connection' };
  const body = line.slice(side.pos).trimEnd();
  if (body === '.' || side.endsData === true) return { type: 'data-end' };
  if (side.side === 'server') {
    const reply = REPLY.exec(body);
    return reply === null ? { type: 'other' } : { type: 'reply', code: Number(reply[1]), last: reply[2] !== '-', text: body };
  }
  const verb = side.side === 'client' ? commandAt(line, side.pos) : undefined;
  return verb === undefined ? { type: 'other' } : { type: 'command', verb, text: body };
}

interface OpenSpan {
  readonly name: string;
  readonly startLine: number;
  detail: string;
  readonly children: OutlineNode[];
}

/** Sessions (greeting or EHLO/HELO through the reply to QUIT) holding transactions (MAIL through the end of DATA). */
export function transcriptOutline(lines: readonly string[]): OutlineNode[] {
  const sessions: OutlineNode[] = [];
  let session: OpenSpan | undefined;
  let transaction: OpenSpan | undefined;
  /** The command whose final reply closes the open span. */
  let awaiting: 'quit' | 'data' | 'data-end' | 'bdat-last' | undefined;
  let inData = false;
  let lastContent = -1;

  const closeTransaction = (endLine: number): void => {
    if (transaction === undefined || session === undefined) return;
    session.children.push({ kind: 'transaction', name: transaction.name, detail: transaction.detail, startLine: transaction.startLine, endLine: Math.max(endLine, transaction.startLine), children: [] });
    transaction = undefined;
  };
  const closeSession = (endLine: number): void => {
    closeTransaction(endLine);
    if (session === undefined) return;
    sessions.push({ kind: 'session', name: session.name, detail: session.detail, startLine: session.startLine, endLine: Math.max(endLine, session.startLine), children: session.children });
    session = undefined;
    awaiting = undefined;
  };
  const openSession = (line: number, name: string): void => {
    session = { name, startLine: line, detail: '', children: [] };
  };

  lines.forEach((raw, line) => {
    if (raw.trim() === '') return;
    const item = classify(raw);
    if (inData) {
      lastContent = line;
      if (item.type === 'data-end') {
        inData = false;
        awaiting = 'data-end';
      }
      return;
    }
    if (item.type === 'connection') {
      closeSession(lastContent);
      return;
    }
    if (item.type === 'reply') {
      if (item.code === 220 && awaiting === undefined && (session === undefined || session.children.length > 0 || transaction !== undefined)) {
        closeSession(lastContent);
        openSession(line, clip(item.text));
      }
      if (item.last) {
        if (awaiting === 'quit') {
          lastContent = line;
          closeSession(line);
          return;
        }
        if (transaction !== undefined) transaction.detail = clip(item.text);
        if (awaiting === 'data' && item.code === 354) inData = true;
        else if (awaiting === 'data-end' || awaiting === 'bdat-last' || (awaiting === 'data' && item.code >= 400)) closeTransaction(line);
        // A success before the 354 answers a command pipelined ahead of DATA (`RCPT`, `DATA` sent together).
        if (!(awaiting === 'data' && item.code < 300)) awaiting = undefined;
      }
    } else if (item.type === 'command') {
      if (session === undefined) openSession(line, clip(item.text));
      switch (item.verb) {
        case 'EHLO': case 'HELO':
          if (session!.children.length > 0 || transaction !== undefined) {
            closeSession(lastContent);
            openSession(line, clip(item.text));
          }
          break;
        case 'MAIL':
          closeTransaction(lastContent);
          transaction = { name: clip(item.text), startLine: line, detail: '', children: [] };
          break;
        case 'RSET':
          closeTransaction(lastContent);
          break;
        case 'QUIT':
          closeTransaction(lastContent);
          awaiting = 'quit';
          break;
        case 'DATA':
          awaiting = 'data';
          break;
        case 'BDAT':
          if (/\bLAST\s*$/i.test(item.text)) awaiting = 'bdat-last';
          break;
      }
    }
    lastContent = line;
  });
  closeSession(lastContent);
  return sessions;
}

// ---- delivery status notifications ----

const FIELD = /^([A-Za-z][A-Za-z0-9-]*)\s*:\s*([\s\S]*)$/;
const CONTINUATION = /^[ \t]+\S/;
const BOUNDARY = /^--\S+\s*$/;
const STATUS_PART = /^content-type\s*:\s*message\/(?:global-)?delivery-status\b/i;

/** Reads a header-like block from `start`; returns its last line and its fields (lower-case names, folds unfolded). */
function fieldBlock(lines: readonly string[], start: number): { end: number; fields: Map<string, string> } {
  const fields = new Map<string, string>();
  let end = start;
  let current: string | undefined;
  for (let i = start; i < lines.length; i++) {
    const text = lines[i]!;
    const field = FIELD.exec(text);
    if (field !== null) {
      current = field[1]!.toLowerCase();
      if (fields.has(current)) current = undefined; // a repeated field: the first one counts
      else fields.set(current, field[2]!.trim());
    } else if (i > start && CONTINUATION.test(text)) {
      if (current !== undefined) fields.set(current, `${fields.get(current)} ${text.trim()}`.trim());
    } else break;
    end = i;
  }
  return { end, fields };
}

function recipientNode(lines: readonly string[], start: number): OutlineNode {
  const { end, fields } = fieldBlock(lines, start);
  const address = (fields.get('final-recipient') ?? fields.get('original-recipient') ?? '').replace(/^[^;]*;\s*/, '');
  const detail = [fields.get('action'), fields.get('status')].filter((value) => value !== undefined).join(' ');
  return { kind: 'recipient', name: clip(`Recipient ${address}`), detail: clip(detail), startLine: start, endLine: end, children: [] };
}

/** The message/delivery-status part (when MIME-labelled) and its field blocks. */
export function dsnOutline(lines: readonly string[]): OutlineNode[] {
  const top: OutlineNode[] = [];
  let part: { startLine: number; children: OutlineNode[] } | undefined;
  let lastContent = -1;
  const closePart = (endLine: number): void => {
    if (part === undefined) return;
    top.push({ kind: 'status-part', name: 'message/delivery-status', detail: `${part.children.filter((c) => c.kind === 'recipient').length} recipient(s)`, startLine: part.startLine, endLine: Math.max(endLine, part.startLine), children: part.children });
    part = undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    if (text.trim() === '') continue;
    if (BOUNDARY.test(text)) {
      closePart(lastContent);
    } else if (STATUS_PART.test(text)) {
      closePart(lastContent);
      part = { startLine: i, children: [] };
    } else if (/^(?:final|original)-recipient\s*:/i.test(text)) {
      const node = recipientNode(lines, i);
      (part?.children ?? top).push(node);
      i = node.endLine;
    } else if (/^reporting-mta\s*:/i.test(text)) {
      const { end, fields } = fieldBlock(lines, i);
      const node: OutlineNode = { kind: 'message-fields', name: clip(`Reporting-MTA ${fields.get('reporting-mta') ?? ''}`), detail: '', startLine: i, endLine: end, children: [] };
      (part?.children ?? top).push(node);
      i = end;
    }
    lastContent = i;
  }
  closePart(lastContent);
  return top;
}
