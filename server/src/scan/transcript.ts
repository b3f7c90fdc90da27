// SMTP session transcripts: which side wrote a line (`S:`, `<<<`, `<-`, `C:`, `>>>`, `->`,
// swaks' `<**`/`<~*`, msmtp's `<--`/`-->`, after timestamps and log prefixes such as `[id] DEBUG`; client libraries'
// own labels are in clients.ts), the reply at the start of a server line, and the client
// commands replies answer (pipelined commands queue up; RFC 5321 s4.3.2).
import type { SmtpCommand } from '../kb/types';
import type { DocumentKind } from './types';
import { clientLine, endsUpload, isVerbosePrefix, opensSession, phpMailerLine, readRestatement, summarisesContent, type Side } from './clients';
import { isReplyShaped } from './codes';
import { eximDebugSide } from './exim';
import { Ch, isDigit, isSpace, skipSpaces } from './lexer';
import type { LineScanner } from './line';
import type { TranscriptState } from './types';

/** `exim`: Exim's debug output, whose `SMTP<<`/`SMTP>>` direction depends on its role (exim.ts). */
interface Marker { readonly text: string; readonly side: Side | 'exim'; readonly transcriptOnly: boolean }

// Longest first, so `<<<` wins over `<<` and `<`, swaks' `<~*` (an error reply after STARTTLS)
// over `<~`, and msmtp's `<--` over `<-`. Lone `<` and `>` are too common in logs and quoted mail to count
// outside a transcript.
const MARKERS: readonly Marker[] = [
  { text: 'SMTP<<', side: 'exim', transcriptOnly: false },
  { text: 'SMTP>>', side: 'exim', transcriptOnly: false },
  { text: '<<<', side: 'server', transcriptOnly: false },
  { text: '>>>', side: 'client', transcriptOnly: false },
  { text: '<**', side: 'server', transcriptOnly: false },
  { text: '**>', side: 'client', transcriptOnly: false },
  { text: '<~*', side: 'server', transcriptOnly: false },
  { text: '*~>', side: 'client', transcriptOnly: false },
  { text: '<--', side: 'server', transcriptOnly: false },
  { text: '-->', side: 'client', transcriptOnly: false },
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

/** A timestamp before the marker: `2024-05-01 12:00:01.123`, `12:00:01`, `19:37:31:628`. */
const TIMESTAMP = /\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d{1,9})?(?:Z|[+-]\d\d:?\d\d)?[ \t]+|\d\d:\d\d:\d\d(?:[.,:]\d{1,9})?[ \t]+/y;

/** A bracketed prefix (`[12:00:01]`, `[mqWcHogxPY]`, `[info]`) is at most this long. */
const MAX_BRACKETED = 80;
/** At most this many prefixes before the marker: VS Code's `ts [info] [ts] DEBUG [id] S:` has five. */
const MAX_PREFIXES = 6;
/** Log levels before a bracketed id, as Nodemailer writes them: `DEBUG [mqWcHogxPY] S: 250 ...` (longest first). */
const LEVELS = ['DEBUG', 'INFO', 'TRACE', 'NOTICE', 'WARNING', 'WARN', 'ERROR'];
/** The first letters of LEVELS: a syslog line's month (`May  1 ...`) is ruled out by one look. */
const LEVEL_STARTS = 'DITNWE';

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
  /** A marker or label was written (as opposed to a bare line in a transcript). */
  readonly explicit: boolean;
  /** The line repeats a reply already read (smtplib's `retcode (550); Msg:`): found, but answers nothing. */
  readonly restates?: boolean;
  /** Message content ended without a lone `.`: smtplib sent it whole, curl or swaks said it was sent. */
  readonly endsData?: boolean;
  /** A new connection: commands of the session before it go unanswered. */
  readonly opens?: boolean;
  /** Sendmail's `050 ` verbose line: it belongs to the session the MTA relays, not the one it answers. */
  readonly relayed?: boolean;
}

/** Which side wrote the line, read from its marker (in a transcript also from a client library's label). */
export function lineSide(text: string, kind: DocumentKind): LineSide {
  const at = prefixEnd(text);
  if (kind !== 'transcript') return markedSide(text, at, kind) ?? { side: undefined, pos: at, explicit: false };
  if (isVerbosePrefix(text, at)) return { ...transcriptSide(text, skipSpaces(text, at + 3)), relayed: true };
  return transcriptSide(text, at);
}

/** A transcript line's side: a marker, a client library's label, or what the bare line holds. */
function transcriptSide(text: string, at: number): LineSide {
  if (opensSession(text, at)) return { side: undefined, pos: at, explicit: false, opens: true };
  if (endsUpload(text, at)) return { side: undefined, pos: at, explicit: false, endsData: true };
  const marked = markedSide(text, at, 'transcript');
  if (marked !== undefined) return marked.side === 'client' && summarisesContent(text, marked.pos) ? { ...marked, endsData: true } : marked;
  const labelled = clientLine(text, at) ?? phpMailerLine(text, at);
  if (labelled !== undefined) return { ...labelled, explicit: true };
  if (isDigit(text.charCodeAt(at))) return { side: 'server', pos: at, explicit: false };
  return { side: commandAt(text, at) === undefined ? undefined : 'client', pos: at, explicit: false };
}

function markedSide(text: string, at: number, kind: DocumentKind): LineSide | undefined {
  if (!MARKER_STARTS.includes(text.charAt(at))) return undefined;
  for (const marker of MARKERS) {
    if (marker.transcriptOnly && kind !== 'transcript') continue;
    if (!text.startsWith(marker.text, at)) continue;
    const end = at + marker.text.length;
    // A lone `<` or `>` is a marker only before a blank (curl's `< 250`), not in `<340 bytes ...>`.
    if (marker.text.length === 1 && !isSpace(text.charCodeAt(end))) continue;
    const pos = skipSpaces(text, end);
    return { side: marker.side === 'exim' ? eximDebugSide(text, pos) : marker.side, pos, explicit: true };
  }
  return undefined;
}

/**
 * Where the text after leading blanks and the prefixes a log writes before a marker starts:
 * timestamps, bracketed fields, and a level before a bracketed field (`DEBUG [id]`).
 */
function prefixEnd(text: string): number {
  let at = skipSpaces(text, 0);
  for (let k = 0; k < MAX_PREFIXES; k++) {
    const next = prefixTokenEnd(text, at);
    if (next === at) break;
    at = skipSpaces(text, next);
  }
  return at;
}

/** The end of one prefix starting at `at`; `at` itself when there is none. */
function prefixTokenEnd(text: string, at: number): number {
  const c = text.charCodeAt(at);
  if (c === Ch.LBracket) {
    const close = text.indexOf(']', at + 1);
    return close > at + 1 && close - at <= MAX_BRACKETED ? close + 1 : at;
  }
  // Every timestamp starts with a digit; most lines start otherwise and need no regex.
  if (isDigit(c)) {
    TIMESTAMP.lastIndex = at;
    return TIMESTAMP.test(text) ? TIMESTAMP.lastIndex : at;
  }
  if (!LEVEL_STARTS.includes(text.charAt(at))) return at;
  for (const level of LEVELS) {
    if (!text.startsWith(level, at)) continue;
    let end = at + level.length;
    if (text.charCodeAt(end) === Ch.Colon) end++;
    const field = skipSpaces(text, end);
    return field > end && text.charCodeAt(field) === Ch.LBracket ? field : at;
  }
  return at;
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
  // A command ends the line or is followed by its argument; in a debug repr by `\r\n'` or the quote.
  const after = text.charCodeAt(end);
  if (end < text.length && after !== 32 && after !== 9 && after !== Ch.Colon && after !== 92 /* \ */
    && after !== Ch.Apos && after !== Ch.Quote) return undefined;
  return COMMANDS.get(text.slice(pos, end).toUpperCase());
}

/** Is the line the client's: a command, an AUTH response or message content? */
export function isClientText(side: LineSide, state: TranscriptState): boolean {
  const session = side.relayed === true ? state.relayed ?? EMPTY_TRANSCRIPT : state;
  return side.side === 'client' || (session.inData && !side.explicit);
}

/** Reads one transcript line: fills the reply slot or records the client's command. */
export function readTranscriptLine(scanner: LineScanner, side: LineSide, state: TranscriptState): TranscriptState {
  if (side.relayed !== true) return readSessionLine(scanner, side, state);
  const before = state.relayed ?? EMPTY_TRANSCRIPT;
  const relayed = readSessionLine(scanner, side, before);
  return relayed === before ? state : { ...state, relayed };
}

function readSessionLine(scanner: LineScanner, side: LineSide, state: TranscriptState): TranscriptState {
  const text = scanner.text;
  if (side.opens === true && !state.inData) return EMPTY_TRANSCRIPT;
  if (state.inData && (isLoneDot(text, side.pos) || side.endsData === true)) return push({ ...state, inData: false }, 'DATA-END');
  if (side.side === 'client') return commandLine(text, side.pos, state);
  if (side.restates === true) {
    readRestatement(scanner, side.pos);
    return state;
  }
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

function commandLine(text: string, pos: number, state: TranscriptState): TranscriptState {
  if (state.inData) return state;
  if (state.inAuth) return { ...state, inAuth: false };
  const command = commandAt(text, pos);
  return command === undefined ? state : push(state, command);
}

function push(state: TranscriptState, command: SmtpCommand): TranscriptState {
  const pending = state.pending.length >= MAX_PENDING ? state.pending.slice(1) : state.pending;
  return { ...state, pending: [...pending, command] };
}
