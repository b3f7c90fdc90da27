// The scanner: finds reply codes and enhanced status codes line by line. Each line is read
// with the state the previous line left (open multi-line reply, transcript commands, DSN
// block, a code folded onto the next line), so scanning a document is a fold of `scanLine`
// and an editor can re-scan from an edit until the state converges.
import type { DocumentKind } from './types';
import { findBounceCodes } from './bounces';
import { eximStatementVerb, findConfigCodes } from './config';
import { scanJsonLine } from './json';
import { readDsnLine } from './dsn';
import { hasDigit, isDigit, isSpace, skipSpaces } from './lexer';
import { LineScanner } from './line';
import { findLogCodes } from './logs';
import { EMPTY_TRANSCRIPT, isClientText, lineSide, readTranscriptLine } from './transcript';
import type { Carry, CodeRef, ConfigVerb, DsnBlockFacts, Finding, LineScan, LineState, ReplyGroup, TranscriptState } from './types';

export type * from './types';
export { parseEnhanced } from './codes';
export { commandAt, lineSide } from './transcript';
export { eventOf } from './events';

export function initialState(kind: DocumentKind): LineState {
  return kind === 'transcript' ? { kind, transcript: EMPTY_TRANSCRIPT } : { kind };
}

export function scanLine(text: string, line: number, state: LineState): LineScan {
  const kind = state.kind;
  if (kind === 'json') return scanJsonLine(text, line, state);
  const blank = skipSpaces(text, 0) >= text.length;
  const indented = !blank && isSpace(text.charCodeAt(0));
  const digits = hasDigit(text);
  // A multi-line reply goes on in a transcript, and in bounce text on folded lines or lines
  // that start with the next reply line; each log line is a record of its own.
  const continues = kind === 'transcript' || (kind !== 'log' && (indented || isDigit(text.charCodeAt(0))));
  const scanner = new LineScanner(text, line, continues ? state.group : undefined);
  // Bounce text may wrap a reply's enhanced code onto the next line without indenting it (qmail's
  // `Remote host said: 550` / `5.1.1 <erin@example.com>: ...`).
  const wrapped = kind === 'dsn' && state.carry?.reply !== undefined;
  if (state.carry !== undefined && (indented || wrapped) && digits) scanner.continuation(skipSpaces(text, 0), state.carry);

  let transcript = state.transcript;
  let block = state.block;
  let inDiagnostic = state.inDiagnostic ?? false;
  let verb = state.verb;
  if (kind === 'config') {
    const started = eximStatementVerb(text);
    if (started !== undefined) verb = started ?? undefined;
    if (digits) {
      findConfigCodes(scanner, verb);
      scanner.pairs('pair');
    }
  } else {
    if (inDiagnostic && indented) scanner.block = block;  // a folded Diagnostic-Code line
    const dsn = readDsnLine(scanner, state);
    block = dsn.block;
    inDiagnostic = dsn.inDiagnostic ?? false;
    const side = lineSide(text, kind);
    // What the client sends in a transcript holds no replies, whatever it quotes.
    const clientText = transcript !== undefined && isClientText(side, transcript);
    const folded = inDiagnostic && indented;
    if (transcript !== undefined) transcript = readTranscriptLine(scanner, side, transcript);
    else if (side.side === 'server' && side.explicit) scanner.slot(side.pos, 'transcript-reply', 'reply', true);
    else if (kind === 'dsn' && digits && quotesReply(text, side.pos)) scanner.slot(side.pos, folded ? 'dsn-diagnostic' : 'ndr', 'reply', false);
    else if (kind === 'dsn' && digits) findBounceCodes(scanner, side.pos);
    if (digits && !clientText) {
      findLogCodes(scanner);
      scanner.pairs(inDiagnostic ? 'dsn-diagnostic' : 'pair');
    }
  }

  const findings = scanner.sorted();
  let group = scanner.group;
  if (group !== undefined && group === state.group && !hasReply(findings)) {
    // A line without a reply ends a multi-line reply, except a folded continuation in bounce text.
    if (kind === 'transcript' || !(indented || inDiagnostic)) group = undefined;
  }
  if (blank || kind === 'log') group = undefined;
  const next = nextState(state, group, transcript, block, inDiagnostic, scanner.carry, verb);
  return { findings, next };
}

function hasReply(findings: readonly Finding[]): boolean {
  for (let i = 0; i < findings.length; i++) if (findings[i]!.kind === 'reply') return true;
  return false;
}

/**
 * Bounce text quoting a failure reply on a line of its own: `550 sorry, no mailbox here`,
 * `550-REJECTED - Blacklisted URL`. Not a phone number (`415-555-0100`), and not the
 * returned message's own text (`200 people came`): a bounce quotes the 4xx/5xx it reports.
 */
function quotesReply(text: string, pos: number): boolean {
  const first = text.charCodeAt(pos);
  if (first !== 52 && first !== 53) return false;
  const sep = text.charCodeAt(pos + 3);
  return sep === 32 || (sep === 45 && !isDigit(text.charCodeAt(pos + 4)));
}

/** Scans a whole document (already split into lines). */
export function scanLines(lines: readonly string[], kind: DocumentKind): Finding[][] {
  let state = initialState(kind);
  return lines.map((text, line) => {
    const { findings, next } = scanLine(text, line, state);
    state = next;
    return findings;
  });
}

/** The state after a line; the previous object when nothing changed, so equality is cheap. */
function nextState(
  state: LineState, group: ReplyGroup | undefined, transcript: TranscriptState | undefined,
  block: DsnBlockFacts | undefined, inDiagnostic: boolean, carry: Carry | undefined, verb: ConfigVerb | undefined,
): LineState {
  if (group === state.group && transcript === state.transcript && block === state.block
    && inDiagnostic === (state.inDiagnostic ?? false) && carry === state.carry && verb === state.verb) return state;
  return {
    kind: state.kind,
    ...(group === undefined ? {} : { group }),
    ...(transcript === undefined ? {} : { transcript }),
    ...(block === undefined ? {} : { block }),
    ...(inDiagnostic ? { inDiagnostic } : {}),
    ...(carry === undefined ? {} : { carry }),
    ...(verb === undefined ? {} : { verb }),
  };
}

export function lineStatesEqual(a: LineState, b: LineState): boolean {
  if (a === b) return true;
  return a.kind === b.kind
    && groupsEqual(a.group, b.group)
    && transcriptsEqual(a.transcript, b.transcript)
    && refsEqual(a.block?.action, b.block?.action)
    && refsEqual(a.block?.status, b.block?.status)
    && (a.block === undefined) === (b.block === undefined)
    && (a.inDiagnostic ?? false) === (b.inDiagnostic ?? false)
    && a.carry?.context === b.carry?.context
    && (a.json?.depth ?? 0) === (b.json?.depth ?? 0) && a.json?.section === b.json?.section
    && refsEqual(a.json?.block?.action, b.json?.block?.action) && refsEqual(a.json?.block?.status, b.json?.block?.status)
    && refsEqual(a.carry?.reply, b.carry?.reply)
    // Verbs are shared objects, one per word (config.ts).
    && a.verb === b.verb;
}

function groupsEqual(a: ReplyGroup | undefined, b: ReplyGroup | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.line === b.line && a.reply === b.reply && a.enhanced === b.enhanced);
}

function transcriptsEqual(a: TranscriptState | undefined, b: TranscriptState | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  return a.inData === b.inData && a.inAuth === b.inAuth
    && a.pending.length === b.pending.length && a.pending.every((c, i) => c === b.pending[i])
    && transcriptsEqual(a.relayed, b.relayed);
}

function refsEqual(a: CodeRef | undefined, b: CodeRef | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined
    && a.line === b.line && a.start === b.start && a.end === b.end && a.text === b.text);
}
