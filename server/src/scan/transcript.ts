// SMTP session transcripts: which side wrote a line (`S:`, `<<<`, `<-`, `C:`, `>>>`, `->`,
// optionally after a timestamp), the reply at the start of a server line, and the client
// commands replies answer (pipelined commands queue up; RFC 5321 s4.3.2).
import type { SmtpCommand } from '../kb/types';
import type { DocumentKind } from './types';
import { isReplyShaped } from './codes';
import { eximDebugSide } from './exim';
import { Ch, isDigit, skipSpaces } from './lexer';
import type { LineScanner } from './line';
import type { TranscriptState } from './types';

type Side = 'server' | 'client';

/** `exim`: Exim's debug output, whose `SMTP<<`/`SMTP>>` direction depends on its role (exim.ts). */
interface Marker { readonly text: string; readonly side: Side | 'exim'; readonly transcriptOnly: boolean }

// Longest first, so `<<<` wins over `<<` and `<`. Lone `<` and `>` are too common in
// logs and quoted mail to count outside a transcript.
const MARKERS: readonly Marker[] = [
  { text: 'SMTP<<', side: 'exim', transcriptOnly: false },
  { text: 'SMTP>>', side: 'exim', transcriptOnly: false },
  { text: '<<<', side: 'server', transcriptOnly: false },
  { text: '>>>', side: 'client', transcriptOnly: false },
  { text: '<**', side: 'server', transcriptOnly: false },
  { text: '**>', side: 'client', transcriptOnly: false },
  { text: '<<', side: 'server', transcriptOnly: true },
  { text: '>>', side: 'client', transcriptOnly: true },
  { text: '<-', side: 'server', transcriptOnly: false },
  { text: '->', side: 'client', transcriptOnly: false },
  { text: '<~', side: 'server', transcriptOnly: false },
  { text: '~>', side: 'client', transcriptOnly: false },
  { text: 'S:', side: 'server', transcriptOnly: false },
  { text: 'S>', side: 'server', transcriptOnly: false },
  { text: 'C:', side: 'client', transcriptOnly: false },
  { text: 'C>', side: 'client', transcriptOnly: false },
  { text: '<', side: 'server', transcriptOnly: true },
  { text: '>', side: 'client', transcriptOnly: true },
];

/** The first characters of all markers: most lines are ruled out by one look. */
const MARKER_STARTS = 'SC<>-~*';

/** An optional timestamp before the marker: `[12:00:01]`, `2024-05-01 12:00:01.123`, `12:00:01`. */
const TIMESTAMP = /[ \t]*(?:\[[^\]]{1,40}\][ \t]*|\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d{1,9})?(?:Z|[+-]\d\d:?\d\d)?[ \t]+|\d\d:\d\d:\d\d(?:[.,]\d{1,9})?[ \t]+)?/y;

const COMMANDS: ReadonlyMap<string, SmtpCommand> = new Map(
  (['EHLO', 'HELO', 'MAIL', 'RCPT', 'DATA', 'RSET', 'VRFY', 'EXPN', 'HELP', 'NOOP', 'QUIT', 'AUTH', 'STARTTLS', 'ETRN', 'BDAT'] as const)
    .map((c) => [c, c]),
);

/** At most this many unanswered commands are remembered. */
const MAX_PENDING = 8;

export const EMPTY_TRANSCRIPT: TranscriptState = { pending: [], inData: false, inAuth: false };

export interface LineSide {
  readonly side: Side | undefined;
  /** Where the text after the marker starts. */
  readonly pos: number;
  /** A marker was written (as opposed to a bare line in a transcript). */
  readonly explicit: boolean;
}

/** Which side wrote the line, read from its marker. */
export function lineSide(text: string, kind: DocumentKind): LineSide {
  const afterTime = timestampEnd(text);
  if (MARKER_STARTS.includes(text.charAt(afterTime))) {
    for (const marker of MARKERS) {
      if (marker.transcriptOnly && kind !== 'transcript') continue;
      if (text.startsWith(marker.text, afterTime)) {
        const pos = skipSpaces(text, afterTime + marker.text.length);
        return { side: marker.side === 'exim' ? eximDebugSide(text, pos) : marker.side, pos, explicit: true };
      }
    }
  }
  if (kind !== 'transcript') return { side: undefined, pos: afterTime, explicit: false };
  const pos = skipSpaces(text, afterTime);
  if (isDigit(text.charCodeAt(pos))) return { side: 'server', pos, explicit: false };
  return { side: commandAt(text, pos) === undefined ? undefined : 'client', pos, explicit: false };
}

/** Where the text after leading blanks and an optional timestamp starts. */
function timestampEnd(text: string): number {
  // Every timestamp starts with `[` or a digit; most lines start otherwise and need no regex.
  const first = skipSpaces(text, 0);
  const c = text.charCodeAt(first);
  if (c !== 91 /* [ */ && !isDigit(c)) return first;
  TIMESTAMP.lastIndex = 0;
  return TIMESTAMP.test(text) ? TIMESTAMP.lastIndex : 0;
}

/** The command word at `pos` (`MAIL FROM:<>` -> MAIL), if any. */
export function commandAt(text: string, pos: number): SmtpCommand | undefined {
  let end = pos;
  while (end < text.length && end - pos <= 8) {
    const c = text.charCodeAt(end) | 0x20;
    if (c < 97 || c > 122) break;
    end++;
  }
  if (end - pos < 4 || end - pos > 8) return undefined;
  const after = text.charCodeAt(end);
  if (end < text.length && after !== 32 && after !== 9 && after !== 58) return undefined;
  return COMMANDS.get(text.slice(pos, end).toUpperCase());
}

/** Is the line the client's: a command, an AUTH response or message content? */
export function isClientText(side: LineSide, state: TranscriptState): boolean {
  return side.side === 'client' || (state.inData && !side.explicit);
}

/** Reads one transcript line: fills the reply slot or records the client's command. */
export function readTranscriptLine(scanner: LineScanner, side: LineSide, state: TranscriptState): TranscriptState {
  const text = scanner.text;
  if (state.inData && isLoneDot(text, side.pos)) return push({ ...state, inData: false }, 'DATA-END');
  if (side.side === 'client') return clientLine(text, side.pos, state);
  if (side.side !== 'server' || state.inData && !side.explicit) return state;
  scanner.answers = state.pending[0];
  if (side.explicit || isBareReply(text, side.pos)) scanner.slot(side.pos, 'transcript-reply', 'reply', side.explicit);
  scanner.answers = undefined;
  const done = scanner.completed;
  let next = state.inData ? { ...state, inData: false } : state;
  if (done === undefined) return next;
  const head = next.pending[0];
  if (done.reply === 334 && head === 'AUTH') return { ...next, inAuth: true };
  if (head === undefined) return next;
  next = { ...next, pending: next.pending.slice(1) };
  return done.reply === 354 && head === 'DATA' ? { ...next, inData: true } : next;
}

/**
 * Without a marker only a reply-shaped code and the space or dash after it make a reply
 * (`250 OK`, `250-SIZE`, `334 `, as `exim -bh` prints them): not `50 messages`, a lone number,
 * nor the `038  Date:` of a spool file printed in between.
 */
function isBareReply(text: string, pos: number): boolean {
  if (!isReplyShaped(text, pos) || !isDigit(text.charCodeAt(pos + 2))) return false;
  const sep = text.charCodeAt(pos + 3);
  return sep === Ch.Space || sep === Ch.Dash;
}

/** The line that ends message content: a lone `.` (RFC 5321 s4.1.1.4). */
function isLoneDot(text: string, pos: number): boolean {
  const dot = skipSpaces(text, pos);
  return text.charCodeAt(dot) === 46 && skipSpaces(text, dot + 1) >= text.length;
}

function clientLine(text: string, pos: number, state: TranscriptState): TranscriptState {
  if (state.inData) return state;
  if (state.inAuth) return { ...state, inAuth: false };
  const command = commandAt(text, pos);
  return command === undefined ? state : push(state, command);
}

function push(state: TranscriptState, command: SmtpCommand): TranscriptState {
  const pending = state.pending.length >= MAX_PENDING ? state.pending.slice(1) : state.pending;
  return { ...state, pending: [...pending, command] };
}
