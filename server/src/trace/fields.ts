// `name=value` fields as MTAs log them (`to=<a@b>`, `relay=host[ip]:25`, `stat="250 Ok"`),
// and the reply code in a diagnostic text.

export interface FieldValue {
  readonly value: string;
  /** Columns of the value on the line, without brackets or quotes. */
  readonly start: number;
  readonly end: number;
}

/** The first `name=` field at or after `from` that starts a word; undefined when absent. */
export function field(text: string, name: string, from = 0): FieldValue | undefined {
  const needle = `${name}=`;
  for (let at = text.indexOf(needle, from); at >= 0; at = text.indexOf(needle, at + 1)) {
    const before = text[at - 1];
    if (at > from && before !== ' ' && before !== ',' && before !== '\t') continue;
    const start = at + needle.length;
    const open = text[start];
    if (open === '<' || open === '"') {
      const close = text.indexOf(open === '<' ? '>' : '"', start + 1);
      const end = close < 0 ? text.length : close;
      return { value: text.slice(start + 1, end), start: start + 1, end };
    }
    let end = start;
    while (end < text.length && text[end] !== ',' && text[end] !== ' ') end++;
    return { value: text.slice(start, end), start, end };
  }
  return undefined;
}

/** The text inside the parenthesis that opens at `open`, nested ones included (to the end when unbalanced). */
export function parenthesised(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return text.slice(open + 1, i);
  }
  return text.slice(open + 1);
}

/** A reply at the start of the text or after `: ` / `(`, with its enhanced code when one follows. */
const REPLY = /(?:^|: |\(|")([2-5][0-5]\d)(?:[ -]+([245]\.\d{1,3}\.\d{1,3}))?(?=[ -]|$)/;

export function replyIn(text: string): { reply?: number; enhanced?: string } {
  const match = REPLY.exec(text);
  if (match === null) return {};
  return { reply: Number(match[1]), ...(match[2] === undefined ? {} : { enhanced: match[2] }) };
}

/** `mx.example.net[192.0.2.1]:25` or `mx.example.net. [192.0.2.1]`: the host name, without a trailing dot. */
export function hostOf(relay: string): string | undefined {
  const bracket = relay.indexOf('[');
  const host = (bracket < 0 ? relay : relay.slice(0, bracket)).trim().replace(/\.$/, '');
  return host === '' || host === 'none' || host === 'local' ? undefined : host.toLowerCase();
}

/** An address as a key: lower case, without angle brackets. */
export function addressKey(address: string): string {
  return address.replace(/^<|>$/g, '').toLowerCase();
}

/** Durations as Postfix (`1.2`), Sendmail (`1+02:03:04`, `00:00:06`) and Exim/OpenSMTPD (`1m2s`, `4.2s`) write them, in seconds. */
export function durationOf(text: string): number | undefined {
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text);
  const clock = /^(?:(\d+)\+)?(\d{1,2}):(\d{2}):(\d{2})$/.exec(text);
  if (clock !== null) return Number(clock[1] ?? 0) * 86400 + Number(clock[2]) * 3600 + Number(clock[3]) * 60 + Number(clock[4]);
  const units = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+(?:\.\d+)?)s)?$/.exec(text);
  if (units === null || text === '') return undefined;
  return Number(units[1] ?? 0) * 86400 + Number(units[2] ?? 0) * 3600 + Number(units[3] ?? 0) * 60 + Number(units[4] ?? 0);
}

/** The object without its undefined properties, so that optional facts stay absent rather than undefined. */
export function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}

/** The text from `start` to the next comma (or the end): Sendmail's unquoted `relay=host. [ip]`. */
export function untilComma(text: string, start: number): string {
  const comma = text.indexOf(',', start);
  return text.slice(start, comma < 0 ? text.length : comma);
}
