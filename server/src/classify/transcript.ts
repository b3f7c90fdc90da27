// Failure replies in an SMTP transcript: each 4xx/5xx reply (its continuation lines joined),
// for the recipient of the RCPT TO it answers, from the host named in the 220 greeting.
import type { Finding } from '../scan/types';
import { failureCodes } from './codes';
import type { FoundFailure } from './records';

const RCPT = /RCPT TO:[ \t]*<([^>\s]{1,320})>/i;
const GREETING = /(?:^|[\s:>])220[ -]([A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,63})\b/;

function isFailingReply(f: Finding): boolean {
  return f.kind === 'reply' && f.context === 'transcript-reply' && (f.reply === undefined ? false : f.reply >= 400 && f.reply < 600);
}

export function transcriptFailures(lines: readonly string[], findings: readonly (readonly Finding[])[]): FoundFailure[] {
  const found: FoundFailure[] = [];
  let recipient: string | undefined;
  let remoteHost: string | undefined;
  let open: { line: number; text: string[]; recipient?: string; findings: Finding[] } | undefined;
  const close = () => {
    if (open === undefined) return;
    const codes = failureCodes(open.findings);
    found.push({
      line: open.line, ...(open.recipient === undefined ? {} : { recipient: open.recipient }),
      facts: { ...codes, text: open.text.join(' '), ...(remoteHost === undefined ? {} : { remoteHost }) },
    });
    open = undefined;
  };
  for (let n = 0; n < lines.length; n++) {
    const text = lines[n]!;
    const reply = (findings[n] ?? []).find((f) => f.kind === 'reply' && f.context === 'transcript-reply');
    if (reply !== undefined && reply.group !== undefined && open !== undefined && reply.group.line === open.line) {
      open.text.push(text.slice(reply.end + 1).trim());
      open.findings.push(...(findings[n] ?? []));
      continue;
    }
    close();
    const rcpt = RCPT.exec(text);
    if (rcpt !== null) recipient = rcpt[1];
    if (remoteHost === undefined) remoteHost = GREETING.exec(text)?.[1];
    if (reply !== undefined && isFailingReply(reply)) {
      const forRecipient = reply.answers === 'RCPT' || reply.answers === 'DATA-END' || reply.answers === 'DATA' ? recipient : undefined;
      open = { line: n, text: [text.slice(reply.end + 1).trim()], findings: [...(findings[n] ?? [])], ...(forRecipient === undefined ? {} : { recipient: forRecipient }) };
    }
  }
  close();
  return found;
}
