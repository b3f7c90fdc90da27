// The classifier: a reason from the codes and the reply text together, hard or soft, who
// acts, whether a retry helps, and the provider that answered (never the recipient's domain).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyFailure, providerOfHost } from '../../server/src/classify';
import { failureHoverAt, failuresOf, initialState, queryOf, scanLine } from '../../server/src/service';

test('a full mailbox is a full mailbox whatever the class: 452 4.2.2 and 552 5.2.2', () => {
  const deferred = classifyFailure({ reply: 452, enhanced: '4.2.2', text: 'The email account that you tried to reach is over quota.' });
  const rejected = classifyFailure({ reply: 552, enhanced: '5.2.2', text: 'Requested mail action aborted: exceeded storage allocation' });
  for (const verdict of [deferred, rejected]) {
    assert.equal(verdict.reason, 'mailboxfull');
    assert.equal(verdict.bounce, 'soft');
    assert.equal(verdict.whoActs, 'recipient');
    assert.equal(verdict.retry, true);
  }
  assert.match(deferred.summary, /^Deferred: .*mailbox is full \(mailboxfull, soft\)\. The sending server retries by itself/);
  assert.match(rejected.summary, /^Rejected: /);
});

test('an unknown user is hard, not retried, and the sender acts', () => {
  const verdict = classifyFailure({
    reply: 550, enhanced: '5.1.1', remoteHost: 'gmail-smtp-in.l.google.com',
    text: 'The email account that you tried to reach does not exist. Please try double-checking the recipient\'s email address.',
  });
  assert.deepEqual({ ...verdict, summary: undefined }, {
    reason: 'userunknown', bounce: 'hard', retry: false, whoActs: 'sender', provider: 'google', summary: undefined,
  });
  assert.match(verdict.summary, /Do not retry/);
});

test('the text decides where the code is generic: 554 5.7.1 blocked by a DNSBL vs. spam', () => {
  assert.equal(classifyFailure({ reply: 554, enhanced: '5.7.1', text: 'Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org' }).reason, 'blocked');
  assert.equal(classifyFailure({ reply: 554, enhanced: '5.7.1', text: 'Message rejected as spam by Content Filtering.' }).reason, 'spamdetected');
  assert.equal(classifyFailure({ reply: 554, enhanced: '5.7.1', text: 'Relay access denied' }).reason, 'norelaying');
});

test('the code decides where the text says nothing specific', () => {
  assert.equal(classifyFailure({ reply: 550, enhanced: '5.1.1', text: 'Requested action not taken' }).reason, 'userunknown');
  assert.equal(classifyFailure({ reply: 554, enhanced: '5.3.4', text: 'Rejected' }).reason, 'mesgtoobig');
  assert.equal(classifyFailure({ reply: 451, text: '' }).reason, 'undefined');
});

test('a hard reason in a 4xx reply is soft: the server will try again', () => {
  const verdict = classifyFailure({ reply: 450, enhanced: '4.1.1', text: 'Recipient address rejected: User unknown in local recipient table' });
  assert.equal(verdict.reason, 'userunknown');
  assert.equal(verdict.bounce, 'soft');
});

test('a provider token decides the reason and names the provider without a host', () => {
  const verdict = classifyFailure({ reply: 421, enhanced: '4.7.0', text: '[TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume or user complaints' });
  assert.equal(verdict.provider, 'yahoo');
  assert.equal(verdict.reason, 'blocked');
  assert.equal(verdict.retry, true);
});

test('provider from the relay host: the longest matching suffix wins', () => {
  assert.equal(providerOfHost('gmail-smtp-in.l.google.com')?.id, 'google');
  assert.equal(providerOfHost('example-com.mail.protection.outlook.com')?.id, 'microsoft365');
  assert.equal(providerOfHost('hotmail-com.olc.protection.outlook.com.')?.id, 'outlook');
  assert.equal(providerOfHost('mta7.am0.yahoodns.net')?.id, 'yahoo');
  assert.equal(providerOfHost('mx01.mail.icloud.com')?.id, 'apple');
  assert.equal(providerOfHost('mx0a-00000000.pphosted.com')?.id, 'proofpoint');
  assert.equal(providerOfHost('eu-smtp-inbound-1.mimecast.com')?.id, 'mimecast');
  assert.equal(providerOfHost('d12345a.ess.barracudanetworks.com')?.id, 'barracuda');
  assert.equal(providerOfHost('mx1.example.iphmx.com')?.id, 'cisco');
  assert.equal(providerOfHost('mx.example.net'), undefined);
  assert.equal(providerOfHost('notgoogle.com'), undefined);
});

test('the recipient\'s domain is no clue: an address in the text does not name the provider', () => {
  const verdict = classifyFailure({ reply: 550, enhanced: '5.1.1', text: '<someone@gmail.com>: Recipient address rejected: User unknown', remoteHost: 'mx.example.net' });
  assert.equal(verdict.provider, undefined);
});

test('hover sections of a failing code: the verdict first, the provider with its source and next step after', () => {
  const line = 'Dec  3 09:00:02 mx postfix/smtp[2211]: 5A1B2C3D4E: to=<carol@example.net>, relay=mta7.am0.yahoodns.net[198.51.100.7]:25, dsn=4.7.0, status=deferred (host mta7.am0.yahoodns.net[198.51.100.7] said: 421 4.7.0 [TSS04] Messages from 203.0.113.9 temporarily deferred due to unexpected volume or user complaints (in reply to MAIL FROM command))';
  const { findings } = scanLine(line, 0, initialState('log'));
  const reply = findings.find((f) => f.text === '421')!;
  const hover = failureHoverAt(line, 0, findings, queryOf(reply, findings));
  // What the reader sees: the Markdown with its escapes resolved.
  const [before, after] = [hover?.summary ?? '', hover?.after ?? ''].map((md) => md.replace(/\\(.)/g, '$1'));
  assert.match(before!, /^Deferred: .*\(blocked, soft\)\. The sending server retries by itself/);
  assert.match(after!, /^\*\*Answered by Yahoo \/ AOL/);
  assert.match(after!, /`\[TSS04\]`: .*\(\[Yahoo \/ AOL SMTP Error Code Directory .*\]\(https:\/\/tamingdns\.com\/bounce-decoder\/yahoo\), community, read 2026-12-03\)/);
  assert.match(after!, /\*\*Next step:\*\* \[Yahoo Sender Hub\]\(https:\/\/senders\.yahooinc\.com\/\)$/);
  assert.doesNotMatch(`${hover?.summary}${hover?.after}`, /[^\x00-\x7f]/, 'ASCII only');
});

test('no verdict on a success or on a line that reports none', () => {
  const line = 'Dec  3 09:00:05 mx postfix/smtp[2214]: 8D4E5F6A7B: to=<frank@example.com>, relay=mx.example.com[192.0.2.26]:25, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 1A2B3C)';
  const { findings } = scanLine(line, 0, initialState('log'));
  assert.equal(failureHoverAt(line, 0, findings, queryOf(findings[0]!, findings)), undefined);
});

test('the command a reply answered changes what the words mean', () => {
  const afterData = classifyFailure({ reply: 550, text: '550 : User unknown (in reply to end of DATA command)' });
  assert.equal(afterData.reason, 'filtered', 'RCPT TO had accepted the mailbox: the filter speaks');
  assert.equal(classifyFailure({ reply: 550, enhanced: '5.1.1', text: 'User unknown (in reply to end of DATA command)' }).reason, 'userunknown', 'a specific code means what it says');
  assert.equal(classifyFailure({ reply: 553, enhanced: '5.1.0', text: 'SMTP error from remote mail server after MAIL FROM:<a@example.org>: 553 5.1.0 neko does not exist' }).reason, 'rejected', 'an unknown address in answer to MAIL FROM is the sender\'s');
  assert.equal(classifyFailure({ reply: 554, text: 'SMTP error from remote mail server after initial connection: 554 go away' }).reason, 'blocked');
  assert.equal(classifyFailure({ text: 'host mx.example.com [192.0.2.1] did not like our RCPT TO: 550 Requested action not taken', reply: 550, command: 'MAIL' }).reason, 'rejected', 'a command given by the source wins over the words');
});

test('a domain that does not exist is hostunknown; one that exists without a mail server is notaccept', () => {
  assert.equal(classifyFailure({ enhanced: '5.1.2', text: 'DNS type MX lookup of example.invalid responded with code NXDOMAIN' }).reason, 'hostunknown');
  const nullMx = classifyFailure({ enhanced: '5.1.10', reply: 556, text: 'The domain example.com doesn\'t receive email according to the administrator: returned Null MX' });
  assert.deepEqual([nullMx.reason, nullMx.bounce, nullMx.retry], ['notaccept', 'hard', false]);
  assert.equal(classifyFailure({ text: 'No MX found for domain example.net', enhanced: '5.4.4' }).reason, 'notaccept');
});

test('a bounce with a 4.x.x status ended a delivery that was retried until the queue lifetime ran out', () => {
  const timedOut = classifyFailure({ enhanced: '4.4.1', text: 'connect to mx.example.com[192.0.2.1]:25: Connection timed out', deferred: false });
  assert.deepEqual([timedOut.reason, timedOut.bounce], ['expired', 'soft']);
  assert.equal(classifyFailure({ enhanced: '4.4.1', text: 'connect to mx.example.com[192.0.2.1]:25: Connection timed out', deferred: true }).reason, 'networkerror', 'still being retried: not expired');
});

test('codes a reply repeats mid-sentence and addresses are not words', () => {
  const joined = '552-5.7.0 This message was blocked because its content presents a potential 552-5.7.0 security issue.';
  assert.equal(classifyFailure({ reply: 552, enhanced: '5.7.0', text: joined }).reason, 'policyviolation');
  assert.equal(classifyFailure({ reply: 550, text: '550 <spam-reports@example.com>... Relaying denied' }).reason, 'norelaying');
});

test('a provider\'s token meaning leaves the hover when its dictionary is switched off; the verdict stays', () => {
  const line = 'Dec  3 09:00:02 mx postfix/smtp[1]: A1: to=<c@example.net>, relay=mta7.am0.yahoodns.net[198.51.100.7]:25, dsn=4.7.0, status=deferred (host mta7.am0.yahoodns.net[198.51.100.7] said: 421 4.7.0 [TSS04] Messages from 203.0.113.9 temporarily deferred due to unexpected volume or user complaints)';
  const { findings } = scanLine(line, 0, initialState('log'));
  const query = queryOf(findings.find((f) => f.text === '421')!, findings);
  const off = failureHoverAt(line, 0, findings, query, ['microsoft', 'google']);
  assert.match((off?.summary ?? '').replace(/\\(.)/g, '$1'), /\(blocked, soft\)/);
  assert.doesNotMatch(off?.after ?? '', /TSS04/);
  assert.match(off?.after ?? '', /Next step/);
});

test('unknown-user words prove a dead mailbox only at RCPT TO or with an X.1.x code; elsewhere a filter refused the message', () => {
  const atRcpt = classifyFailure({ reply: 550, text: 'host mx.example.org[192.0.2.8] said: 550 <ann@example.org>: User unknown (in reply to RCPT TO command)' });
  assert.deepEqual([atRcpt.reason, atRcpt.bounce], ['userunknown', 'hard']);
  const coded = classifyFailure({ reply: 550, enhanced: '5.1.1', text: '550 5.1.1 <ann@example.org>... User unknown' });
  assert.deepEqual([coded.reason, coded.bounce], ['userunknown', 'hard']);
  for (const text of ['550 : User unknown', 'The following addresses had permanent fatal errors: [User unknown]',
    '550 5.7.1 <ann@example.org>: Recipient address rejected: User unknown (in reply to end of DATA command)']) {
    const verdict = classifyFailure({ reply: 550, enhanced: text.includes('5.7.1') ? '5.7.1' : '5.0.0', text });
    assert.deepEqual([verdict.reason, verdict.bounce], ['filtered', 'soft'], text);
  }
});

test('X.2.1 (mailbox disabled) is a refusal by the mailbox, unless the words at RCPT TO say it does not exist', () => {
  assert.equal(classifyFailure({ reply: 550, enhanced: '5.2.1', text: '550 5.2.1 <bo@example.net>... User Unknown' }).reason, 'filtered');
  assert.equal(classifyFailure({ reply: 550, enhanced: '5.2.1', text: '<bo@example.net>... User Unknown (in reply to RCPT TO command)' }).reason, 'userunknown');
  assert.equal(classifyFailure({ reply: 550, enhanced: '5.2.1', text: '550 5.2.1 The email account that you tried to reach is disabled.' }).reason, 'suspend');
  const qmail = classifyFailure({ reply: 550, enhanced: '5.2.1', text: '<bo@example.net>: 198.51.100.4 does not like recipient. Remote host said: 550 5.2.1 <bo@example.net>... User Unknown' });
  assert.equal(qmail.reason, 'userunknown', 'qmail names the RCPT refusal in its own words');
});

test('provider wording that names an unknown user after DATA: Yahoo\'s "dd" reply, Exchange\'s RESOLVER.ADR status', () => {
  const yahoo = classifyFailure({ reply: 554, enhanced: '5.0.0', text: '554 delivery error: dd This user doesn\'t have a yahoo.com account (cy@yahoo.com) [0] - mta7.mail.gq1.yahoo.com' });
  assert.deepEqual([yahoo.reason, yahoo.bounce, yahoo.provider], ['userunknown', 'hard', 'yahoo']);
  const exchange = classifyFailure({ reply: 550, enhanced: '5.1.10', text: '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup' });
  assert.deepEqual([exchange.reason, exchange.bounce, exchange.provider], ['userunknown', 'hard', 'microsoft365']);
});

test('a temporary failure is no permanent verdict on the mailbox or the domain', () => {
  const disabledForNow = classifyFailure({ reply: 450, enhanced: '4.2.1', text: '450 4.2.1 <di@example.org>: mailbox temporarily disabled' });
  assert.deepEqual([disabledForNow.reason, disabledForNow.bounce], ['suspend', 'soft']);
  assert.equal(classifyFailure({ reply: 451, enhanced: '4.2.0', text: '451 4.2.0 Try again later' }).reason, 'systemerror', '4.2.0 names no refusal by the recipient');
  const dns = classifyFailure({ reply: 450, enhanced: '4.1.2', deferred: true, text: '450 4.1.2 <ed@example.org>: Recipient address rejected: Domain not found (in reply to RCPT TO command)' });
  assert.deepEqual([dns.reason, dns.bounce], ['networkerror', 'soft']);
  const nx = classifyFailure({ enhanced: '4.0.0', deferred: true, text: "DNS Error: DNS type 'mx' lookup of example.org responded with code NXDOMAIN Domain name not found: example.org" });
  assert.equal(nx.reason, 'networkerror', 'the sending server looks the domain up again');
  assert.equal(classifyFailure({ enhanced: '5.1.2', reply: 550, text: "DNS type 'mx' lookup of example.org responded with code NXDOMAIN" }).reason, 'hostunknown');
});

test('a failed or missing STARTTLS is failedstarttls: by its words or by the reply 523 / 538', () => {
  const gone = classifyFailure({ reply: 500, text: 'The error that the other server returned was: 500 Remote server does not support TLS (state 6).' });
  assert.deepEqual([gone.reason, gone.bounce, gone.whoActs], ['failedstarttls', 'soft', 'sending-admin']);
  assert.equal(classifyFailure({ reply: 530, enhanced: '5.7.0', text: '530 5.7.0 Must issue a STARTTLS command first' }).reason, 'failedstarttls');
  assert.equal(classifyFailure({ reply: 538, enhanced: '5.7.11', text: '538 5.7.11 Encryption required for requested authentication mechanism' }).reason, 'failedstarttls');
  assert.equal(classifyFailure({ reply: 535, enhanced: '5.7.8', text: '535 5.7.8 Authentication failed' }).reason, 'securityerror', 'a failed login is no TLS failure');
});

test('a virus named in the reply is virusdetected; the returned message\'s scanner headers are not', () => {
  assert.equal(classifyFailure({ reply: 550, text: '550 Virus Detected; Content Rejected' }).reason, 'virusdetected');
  assert.equal(classifyFailure({ reply: 554, enhanced: '5.7.1', text: '554 5.7.1 Message contains a virus (Eicar-Test-Signature)' }).reason, 'virusdetected');
  const quoted = classifyFailure({ reply: 550, enhanced: '5.1.1', text: '> 550 5.1.1 <al@example.com>... User unknown > X-Virus-Scanned: ClamAV 0.94.2 > X-Virus-Status: Clean' });
  assert.equal(quoted.reason, 'userunknown');
});

test('a final failure that blames the network without a code expired; the same words in a deferral do not', () => {
  const text = 'This is a permanent error. ed@example.org Error, ERROR_CODE :421, Host not reachable.';
  assert.deepEqual([classifyFailure({ text, deferred: false }).reason, classifyFailure({ text, deferred: true }).reason], ['expired', 'networkerror']);
});

test('cPanel\'s "the account or domain may not exist" names the domain first: hostunknown, hard', () => {
  const verdict = classifyFailure({ text: 'The mail server could not deliver mail to ed@example.net. The account or domain may not exist, they may be blacklisted, or missing the proper dns entries.' });
  assert.deepEqual([verdict.reason, verdict.bounce], ['hostunknown', 'hard']);
});

/** A delivery-status report from `reportingMta` with one recipient block. */
function dsnBounce(reportingMta: string, recipientFields: readonly string[]): string {
  return [
    'From: MAILER-DAEMON@example.net', 'Subject: Delivery Status Notification (Failure)',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="b0"', '',
    '--b0', 'Content-Type: message/delivery-status', '', `Reporting-MTA: dns; ${reportingMta}`, '',
    ...recipientFields, '', '--b0--',
  ].join('\n');
}

test('the reporting server\'s words on a Status: field count with the reply; the record keeps the reply as written', () => {
  const [record] = failuresOf(dsnBounce('mta.example.net', [
    'Final-Recipient: rfc822; fay@example.org', 'Action: failed', 'Status: 5.2.1 (mailbox disabled, not accepting messages)',
    'Remote-MTA: dns; mx.example.org', 'Diagnostic-Code: smtp;550 5.2.1 <fay@example.org>... User Unknown']), 'dsn');
  assert.equal(record?.verdict.reason, 'suspend');
  assert.equal(record?.facts.text, '550 5.2.1 <fay@example.org>... User Unknown');
});

test('a DSN without Remote-MTA was answered by its reporting MTA: Outlook.com\'s "mailbox unavailable" is an unknown user', () => {
  const [record] = failuresOf(dsnBounce('BAY0-MC1-F22.hotmail.com', [
    'Final-Recipient: rfc822;gil@hotmail.com', 'Action: failed', 'Status: 5.5.0',
    'Diagnostic-Code: smtp;550 Requested action not taken: mailbox unavailable (-1234567890:12:-1234567890)']), 'dsn');
  assert.deepEqual([record?.facts.remoteHost, record?.verdict.provider, record?.verdict.reason, record?.verdict.bounce],
    ['BAY0-MC1-F22.hotmail.com', 'outlook', 'userunknown', 'hard']);
  const elsewhere = classifyFailure({ reply: 550, enhanced: '5.5.0', text: '550 Requested action not taken: mailbox unavailable', remoteHost: 'mx.example.net' });
  assert.equal(elsewhere.reason, 'filtered', 'from an unknown server the stock words prove nothing about RCPT TO');
});
