// One line in, what it says about a message out. Context-free: a line reads the same wherever
// it stands, so an edited document re-reads only its edited lines. Cheap tests first: most
// lines are told apart by one `]: ` search and the program name.
import { readExim } from './exim';
import { alnumEnd, isPostfixId, messageIdMention } from './ids';
import { readOpenSmtpd } from './opensmtpd';
import { readPostfix } from './postfix';
import { readSendmail } from './sendmail';
import { lineTime, syslogHeader } from './syslog';
import type { LineFacts, Mention } from './types';

/** A bounce's or a pasted message's header naming a message: `Message-ID: <...>`, `X-Postfix-Queue-ID: 4Fq2...`. */
function readHeader(text: string): LineFacts | undefined {
  const colon = text.indexOf(':');
  if (colon < 0 || colon > 20) return undefined;
  const name = text.slice(0, colon).toLowerCase();
  let start = colon + 1;
  while (text[start] === ' ' || text[start] === '\t') start++;
  if (name === 'message-id') {
    const close = text.indexOf('>', start);
    if (text[start] !== '<' || close < 0) return undefined;
    const id = messageIdMention(text.slice(start + 1, close), start + 1);
    return id === undefined ? undefined : { mta: 'header', owner: id, mentions: [] };
  }
  if (name === 'x-postfix-queue-id') {
    const end = alnumEnd(text, start);
    const id = text.slice(start, end);
    return isPostfixId(id) ? { mta: 'header', owner: { key: id, text: id, start, end }, mentions: [] } : undefined;
  }
  return undefined;
}

function readSyslog(text: string): LineFacts | undefined {
  const header = syslogHeader(text);
  if (header === undefined) return undefined;
  const program = header.program;
  if (program.includes('postfix')) return readPostfix(text, header);
  if (program === 'sm-mta' || program === 'sendmail' || program.startsWith('sm-msp')) return readSendmail(text, header);
  if (program === 'smtpd') return readOpenSmtpd(text, header);
  if (program === 'exim' || program === 'exim4') return readExim(text, header.body);
  return undefined;
}

/** Whatever the line says about a message, with the line's time; undefined for other lines. */
export function readLine(text: string): LineFacts | undefined {
  const first = text.charCodeAt(0);
  // Exim's own log starts with the date; other logs start with a month name, an ISO stamp or a header name.
  const facts = (first >= 48 && first <= 57 ? readExim(text) : undefined) ?? readSyslog(text) ?? readHeader(text);
  if (facts === undefined || facts.time !== undefined) return facts;
  const time = lineTime(text);
  return time === undefined ? facts : { ...facts, time };
}

/** Every id span on a line, the owner first. */
export function idSpans(facts: LineFacts): readonly (Mention | LineFacts['owner'])[] {
  return [facts.owner, ...facts.mentions];
}

/** Whether a message id lies under `character` (inside or right after it) on this line. */
export function hasIdAt(text: string, character: number): boolean {
  const facts = readLine(text);
  return facts !== undefined && idSpans(facts).some((span) => span.start <= character && character <= span.end);
}
