// Which lines of a large log a user wants to see: a filter decides from one line and the codes
// the scanner found on it, nothing else, so it runs inside the streaming fold at any size.
import { lineProvider } from '../classify';
import { PROVIDERS } from '../kb';
import type { ProviderId } from '../kb/types';
import type { Finding } from '../scan/types';

/** The outcome a line's codes report: the worst class among them. */
export type Outcome = 'success' | 'temporary' | 'permanent';

export interface LineFilterSpec {
  /** Time of day, `HH:MM` or `HH:MM:SS`, inclusive; a window may wrap past midnight. */
  readonly from?: string;
  readonly to?: string;
  /** A queue id or Message-ID, found as written. */
  readonly messageId?: string;
  readonly outcome?: Outcome;
  /** A code or its start: `5.1.1`, `550`, `5.7`, `4.`. */
  readonly reason?: string;
  /** An address at this domain (or a subdomain) that is not the sender's `from=<...>`. */
  readonly recipientDomain?: string;
  /** The provider that answered: by the relay host, else its own wording (not by a recipient's domain). */
  readonly provider?: ProviderId;
  /** Any text, case-insensitive. */
  readonly text?: string;
}

export type LineFilter = (text: string, findings: readonly Finding[]) => boolean;

const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
/** The first time of day on a line: syslog `Mar  4 10:00:00`, ISO `2024-03-04T10:00:00`, Exim `2024-03-04 10:00:00`. */
const LINE_CLOCK = /[ T](\d{2}):(\d{2}):(\d{2})\b/;

function seconds(clock: string): number | undefined {
  const match = CLOCK.exec(clock.trim());
  if (match === null) return undefined;
  const [h, m, s] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  return h < 24 && m < 60 && s < 60 ? h * 3600 + m * 60 + s : undefined;
}

function lineSeconds(text: string): number | undefined {
  const match = LINE_CLOCK.exec(text.length > 64 ? text.slice(0, 64) : text);
  return match === null ? undefined : Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]);
}

export function outcomeOf(findings: readonly Finding[]): Outcome | undefined {
  let worst = 0;
  for (const finding of findings) {
    const cls = finding.text.charCodeAt(0) - 48;
    if ((cls === 2 || cls === 4 || cls === 5) && cls > worst) worst = cls;
  }
  return worst === 5 ? 'permanent' : worst === 4 ? 'temporary' : worst === 2 ? 'success' : undefined;
}

const isHostChar = (code: number): boolean =>
  (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 45;

/** Positions where `domain` (lower case) stands as a whole host name or its last labels. */
function* domainsAt(lower: string, domain: string): Generator<number> {
  for (let at = lower.indexOf(domain); at >= 0; at = lower.indexOf(domain, at + 1)) {
    const end = at + domain.length;
    if (at > 0 && isHostChar(lower.charCodeAt(at - 1))) continue;
    if (end < lower.length && (isHostChar(lower.charCodeAt(end)) || (lower[end] === '.' && isHostChar(lower.charCodeAt(end + 1))))) continue;
    yield at;
  }
}

function hasRecipientAt(lower: string, domain: string): boolean {
  for (const at of domainsAt(lower, domain)) {
    // Back to the '@' of the address (the domain may be a subdomain's end), then check it is not the sender.
    let i = at - 1;
    while (i >= 0 && (isHostChar(lower.charCodeAt(i)) || lower[i] === '.')) i--;
    if (lower[i] !== '@') continue;
    const open = lower.lastIndexOf('<', i);
    if (open >= 5 && lower.slice(open - 5, open) === 'from=' && lower.indexOf('>', open) > i) continue;
    return true;
  }
  return false;
}

/** A filter that keeps lines meeting every condition given, or a message saying what is wrong. */
export function compileFilter(spec: LineFilterSpec): LineFilter | string {
  const tests: LineFilter[] = [];
  if (spec.from !== undefined || spec.to !== undefined) {
    const from = spec.from === undefined ? 0 : seconds(spec.from);
    const to = spec.to === undefined ? 86_399 : seconds(spec.to);
    if (from === undefined || to === undefined) return 'a time is HH:MM or HH:MM:SS, e.g. 09:30';
    tests.push((text) => {
      const at = lineSeconds(text);
      return at !== undefined && (from <= to ? at >= from && at <= to : at >= from || at <= to);
    });
  }
  const messageId = spec.messageId?.trim();
  if (messageId) tests.push((text) => text.includes(messageId));
  if (spec.outcome !== undefined) {
    const outcome = spec.outcome;
    tests.push((_, findings) => outcomeOf(findings) === outcome);
  }
  const reason = spec.reason?.trim();
  if (reason) {
    if (!/^\d(?:\.\d{0,3}){0,2}$|^\d{1,3}$/.test(reason)) return `a reason is a code or its start, e.g. 5.1.1, 550 or 5.7 (got '${reason}')`;
    tests.push((_, findings) => findings.some((f) => f.text.startsWith(reason)));
  }
  const domain = spec.recipientDomain?.trim().toLowerCase().replace(/^@/, '');
  if (domain) tests.push((text) => text.includes('@') && hasRecipientAt(text.toLowerCase(), domain));
  const provider = spec.provider;
  if (provider !== undefined) {
    if (!PROVIDERS.some((p) => p.id === provider)) return `unknown provider '${provider}' (use ${PROVIDERS.map((p) => p.id).join(', ')})`;
    tests.push((text) => lineProvider(text) === provider);
  }
  const needle = spec.text?.toLowerCase();
  if (needle) tests.push((text) => text.toLowerCase().includes(needle));
  return (text, findings) => tests.every((test) => test(text, findings));
}
