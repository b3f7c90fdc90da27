// "Copy for a ticket": the local parts of addresses and the addresses of clients replaced by
// stable placeholders (the same address always reads `user1@example.net`), while codes, reply
// texts, provider hosts and our own sending IPs (remote servers quote them) stay as they are.
import type { LineFacts } from '../trace';

const LOCAL_CHARS = /[A-Za-z0-9._%+!#$&'*/?^`{|}~-]/;
const DOMAIN_CHARS = /[A-Za-z0-9.-]/;
const WORD_CHAR = /[0-9A-Za-z]/;
const LOOPBACK = new Set(['127.0.0.1', '::1']);

/** The client address in `host[192.0.2.1]`, `host [192.0.2.1]` or a connection key `NOQUEUE@pid/192.0.2.1`. */
function clientAddress(text: string): string | undefined {
  const open = text.lastIndexOf('[');
  if (open >= 0) {
    const close = text.indexOf(']', open);
    return close > open ? text.slice(open + 1, close).replace(/^IPv6:/i, '') : undefined;
  }
  const slash = text.lastIndexOf('/');
  return slash >= 0 ? text.slice(slash + 1) : undefined;
}

/** The addresses of the clients that handed messages in: these are redacted, remote servers' are not. */
export function clientAddressesOf(facts: Iterable<LineFacts>): Set<string> {
  const found = new Set<string>();
  for (const fact of facts) {
    const fromClient = fact.client === undefined ? undefined : clientAddress(fact.client);
    const fromKey = fact.owner.key.includes('@') && fact.owner.key.includes('/') ? clientAddress(fact.owner.key) : undefined;
    for (const address of [fromClient, fromKey]) if (address !== undefined && address !== '' && !LOOPBACK.has(address)) found.add(address);
  }
  return found;
}

/** Not part of a longer address: `192.0.2.1` is not redacted inside `192.0.2.10` or `10.192.0.2.1`. */
function standsAlone(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? ' ';
  const after = text[end] ?? ' ';
  if (WORD_CHAR.test(before) || before === '.' || before === ':') return false;
  if (WORD_CHAR.test(after)) return false;
  return !(after === '.' && WORD_CHAR.test(text[end + 1] ?? ' '));
}

/** Where a login name starts when one of its fields starts at `at`; -1 otherwise. */
function loginStart(text: string, at: number): number {
  if (text.startsWith('sasl_username=', at) && (at === 0 || text[at - 1] === ' ' || text[at - 1] === ',')) return at + 14;
  if (text.startsWith(' U=', at)) return at + 3;
  if (text.startsWith(' A=', at)) {
    let colon = at + 3;
    while (colon < text.length && WORD_CHAR.test(text[colon]!)) colon++;
    return text[colon] === ':' && colon > at + 3 ? colon + 1 : -1;
  }
  return -1;
}

/**
 * The text with every address (`local@domain`) replaced by what `replace` makes of it. Scanned by
 * hand around each `@`: an address pattern with bounded repeats still backtracks on long runs.
 */
export function replaceAddresses(text: string, replace: (local: string, domain: string) => string): string {
  let out = '';
  let copied = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > copied && LOCAL_CHARS.test(text[start - 1]!)) start--;
    let end = at + 1;
    while (end < text.length && DOMAIN_CHARS.test(text[end]!)) end++;
    if (start === at || end === at + 1) continue;
    out += text.slice(copied, start) + replace(text.slice(start, at), text.slice(at + 1, end));
    copied = end;
    at = end - 1;
  }
  return out + text.slice(copied);
}

export class Redactor {
  private readonly locals = new Map<string, string>();
  private readonly clients = new Map<string, string>();

  constructor(clientAddresses: Iterable<string>) {
    let n = 0;
    for (const address of clientAddresses) this.clients.set(address, `client-ip-${++n}`);
  }

  /** The text with every address's local part, login name and client address replaced. */
  text(text: string): string {
    return this.hideClients(this.hideLocalParts(this.hideLogins(text)));
  }

  /** Login names that are not addresses: Postfix `sasl_username=alice`, Exim `A=plain:alice` and `U=alice`. */
  private hideLogins(text: string): string {
    let out = '';
    let copied = 0;
    for (let at = 0; at < text.length; at++) {
      const start = loginStart(text, at);
      if (start < 0) continue;
      let end = start;
      while (end < text.length && !' \t,@'.includes(text[end]!)) end++;
      if (end === start || text[end] === '@') continue;
      out += text.slice(copied, start) + this.placeholder(text.slice(start, end), '');
      copied = at = end;
    }
    return out + text.slice(copied);
  }

  private placeholder(local: string, domain: string): string {
    const key = `${local}@${domain}`.toLowerCase();
    let name = this.locals.get(key);
    if (name === undefined) this.locals.set(key, (name = `user${this.locals.size + 1}`));
    return name;
  }

  private hideLocalParts(text: string): string {
    return replaceAddresses(text, (local, domain) => `${this.placeholder(local, domain)}@${domain}`);
  }

  private hideClients(text: string): string {
    let result = text;
    for (const [address, placeholder] of this.clients) {
      if (!result.includes(address)) continue;
      let out = '';
      let copied = 0;
      for (let at = result.indexOf(address); at >= 0; at = result.indexOf(address, at + 1)) {
        if (!standsAlone(result, at, at + address.length)) continue;
        out += result.slice(copied, at) + placeholder;
        copied = at + address.length;
      }
      result = out + result.slice(copied);
    }
    return result;
  }
}
