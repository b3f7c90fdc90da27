// The parts of a log line every MTA reader needs: its timestamp and, for syslog lines, the
// program and where its message starts. Plain character tests, no regex per line.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Syslog's traditional stamp has no year; differences within a log are what matter. */
export const SYSLOG_YEAR = 2000;

const digit = (text: string, at: number): number => {
  const code = text.charCodeAt(at) - 48;
  return code >= 0 && code <= 9 ? code : NaN;
};
const number = (text: string, at: number, length: number): number => {
  let value = 0;
  for (let i = 0; i < length; i++) value = value * 10 + digit(text, at + i);
  return value;
};

/** `HH:MM:SS` at `at`, as seconds of the day; NaN when it is not one. */
function clock(text: string, at: number): number {
  if (text[at + 2] !== ':' || text[at + 5] !== ':') return NaN;
  return number(text, at, 2) * 3600 + number(text, at + 3, 2) * 60 + number(text, at + 6, 2);
}

/** `YYYY-MM-DD HH:MM:SS` or `YYYY-MM-DDTHH:MM:SS` at `at`, as seconds since 1970. */
export function isoTime(text: string, at = 0): number | undefined {
  if (text[at + 4] !== '-' || text[at + 7] !== '-' || (text[at + 10] !== ' ' && text[at + 10] !== 'T')) return undefined;
  const day = Date.UTC(number(text, at, 4), number(text, at + 5, 2) - 1, number(text, at + 8, 2)) / 1000;
  const seconds = day + clock(text, at + 11);
  return Number.isFinite(seconds) ? seconds : undefined;
}

/** `Mmm dd HH:MM:SS` (day padded with a space or a zero) at `at`. */
export function syslogTime(text: string, at = 0): number | undefined {
  const month = MONTHS.indexOf(text.slice(at, at + 3));
  if (month < 0 || text[at + 3] !== ' ' || text[at + 6] !== ' ') return undefined;
  const day = (text[at + 4] === ' ' ? 0 : digit(text, at + 4) * 10) + digit(text, at + 5);
  const seconds = Date.UTC(SYSLOG_YEAR, month, day) / 1000 + clock(text, at + 7);
  return Number.isFinite(seconds) ? seconds : undefined;
}

/** The timestamp a line starts with, in either form; container prefixes (`mail_1  | `) are skipped. */
export function lineTime(text: string): number | undefined {
  const bar = text.indexOf('| ');
  const at = bar > 0 && bar < 40 ? bar + 2 : 0;
  const iso = isoTime(text, at);
  if (iso !== undefined) {
    // A collector's ISO stamp may precede the syslog one; the syslog one is the MTA's.
    const inner = syslogTime(text, text.indexOf(' ', at) + 1);
    return inner ?? iso;
  }
  return syslogTime(text, at);
}

export interface SyslogLine {
  /** The program name as logged: `postfix/smtp`, `sm-mta`, `smtpd`. */
  readonly program: string;
  /** Where the program's own message starts. */
  readonly body: number;
}

/** `... program[pid]: message`: the first `]: ` on the line ends the header. */
export function syslogHeader(text: string): SyslogLine | undefined {
  const close = text.indexOf(']: ');
  if (close < 0) return undefined;
  const open = text.lastIndexOf('[', close);
  if (open < 0) return undefined;
  const space = text.lastIndexOf(' ', open);
  return { program: text.slice(space + 1, open), body: close + 3 };
}

/** The process id in `program[pid]: `, for grouping a connection's lines. */
export function syslogPid(text: string, header: SyslogLine): string {
  return text.slice(text.lastIndexOf('[', header.body - 3) + 1, header.body - 3);
}
