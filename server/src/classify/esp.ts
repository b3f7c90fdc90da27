// Failure events of email service providers, as JSON (one document, an array, or one object
// per line): SendGrid `bounce`/`dropped`/`deferred`, Mailgun `failed`, Amazon SES `Bounce`
// notifications, Postmark `Bounce` records and the like. Read by field names, not by vendor:
// an object naming a recipient and a failure text is one record.
import { parseCode } from './codes';
import type { FoundFailure } from './records';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const RECIPIENT_KEYS = ['recipient', 'email', 'emailAddress', 'Email', 'rcpt', 'to'];
// The SMTP reply first; Mailgun's top-level `reason` is only a category (`generic`), SendGrid's is the reply.
const TEXT_KEYS = ['diagnosticCode', 'response', 'message', 'Details', 'smtp-response', 'bounce_reason', 'reason', 'description', 'Description', 'error'];
const STATUS_KEYS = ['status', 'enhanced_code', 'enhancedCode', 'Status'];
const CODE_KEYS = ['code', 'smtp_code', 'smtpCode', 'reply'];
const HOST_KEYS = ['mx-host', 'mxHost', 'remoteMtaHost', 'remote_mta', 'remoteMta', 'mx'];
const EVENT_KEYS = ['event', 'type', 'notificationType', 'eventType', 'RecordType', 'Type', 'action'];
const SUCCESS_EVENTS = /^(?:delivered|delivery|processed|open|opened|click|clicked|sent|accepted|success)$/i;
const DEFER_EVENTS = /defer|delay|temporary|soft|transient/i;

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type Fields = Readonly<Record<string, string | number>>;

function scalars(object: { [key: string]: Json }): Fields {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(object)) if (typeof value === 'string' || typeof value === 'number') out[key] = value;
  return out;
}

function firstString(fields: Fields, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = fields[key];
    if (typeof value === 'string' ? value.trim() !== '' : typeof value === 'number') return String(value);
  }
  return undefined;
}

/** `smtp; 550 5.1.1 text` -> its reply and enhanced code. */
const LEADING_CODES = /^(?:smtp;[ \t]*)?([45][0-5]\d)?[ -]?#?([45]\.\d{1,3}\.\d{1,3})?/i;

interface EspEvent {
  readonly recipient: string;
  readonly text: string;
  readonly reply?: number;
  readonly enhanced?: string;
  readonly remoteHost?: string;
  readonly deferred: boolean;
}

/** A failure event from the fields in scope (inherited, the child objects', then the object's own). */
function eventOf(fields: Fields): EspEvent | undefined {
  const event = firstString(fields, EVENT_KEYS) ?? '';
  const text = firstString(fields, TEXT_KEYS);
  const recipient = firstString(fields, RECIPIENT_KEYS);
  if (SUCCESS_EVENTS.test(event) || text === undefined || recipient === undefined || !recipient.includes('@')) return undefined;
  const leading = LEADING_CODES.exec(text.trim());
  const status = firstString(fields, STATUS_KEYS) ?? leading?.[2];
  const code = Number(firstString(fields, CODE_KEYS) ?? leading?.[1]);
  const enhanced = parseCode(status) === undefined ? leading?.[2] : status;
  const reply = code >= 400 && code < 600 ? code : undefined;
  const remoteHost = firstString(fields, HOST_KEYS);
  return {
    recipient, text,
    ...(reply === undefined ? {} : { reply }),
    ...(enhanced === undefined ? {} : { enhanced }),
    ...(remoteHost === undefined ? {} : { remoteHost }),
    // Mailgun says `failed` for both and tells them apart by `severity: temporary`.
    deferred: DEFER_EVENTS.test(`${event} ${fields['severity'] ?? ''}`) || enhanced?.startsWith('4.') === true || (reply !== undefined && reply < 500),
  };
}

/**
 * Every failure event in a parsed JSON value. An object that names a recipient is one event,
 * read with its child objects' fields (Mailgun's `delivery-status`) and its ancestors' (an SES
 * notification's type above its `bouncedRecipients`); other objects and arrays are walked into.
 */
function eventsIn(value: Json, inherited: Fields, out: EspEvent[]): void {
  if (Array.isArray(value)) {
    for (const item of value) eventsIn(item, inherited, out);
    return;
  }
  if (!isObject(value)) return;
  const own = scalars(value);
  if (firstString(own, RECIPIENT_KEYS)?.includes('@')) {
    const children = Object.values(value).filter(isObject).map(scalars);
    const event = eventOf(Object.assign({}, inherited, ...children, own) as Fields);
    if (event !== undefined) out.push(event);
    return;
  }
  const scope = { ...inherited, ...own };
  for (const child of Object.values(value)) if (typeof child === 'object' && child !== null) eventsIn(child, scope, out);
}

function parseJson(text: string): Json[] | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return undefined;
  try {
    return [JSON.parse(trimmed) as Json];
  } catch {
    // JSON lines: one event per line.
    const values: Json[] = [];
    for (const line of trimmed.split('\n')) {
      if (line.trim() === '') continue;
      try {
        values.push(JSON.parse(line) as Json);
      } catch {
        return undefined;
      }
    }
    return values;
  }
}

/** The line of the first occurrence of `needle` (as JSON writes it) at or after `from`. */
function lineOf(lines: readonly string[], needle: string, from: number): number {
  const written = JSON.stringify(needle).slice(1, -1);
  for (let n = from; n < lines.length; n++) if (lines[n]!.includes(written)) return n;
  return from;
}

/** ESP events of a JSON document; undefined when the text is not JSON. */
export function espFailures(text: string, lines: readonly string[]): FoundFailure[] | undefined {
  const values = parseJson(text);
  if (values === undefined) return undefined;
  const events: EspEvent[] = [];
  for (const value of values) eventsIn(value, {}, events);
  let from = 0;
  return events.map(({ recipient, ...facts }) => {
    const line = lineOf(lines, facts.text, lineOf(lines, recipient, from));
    from = line;
    return { line, recipient, facts };
  });
}
