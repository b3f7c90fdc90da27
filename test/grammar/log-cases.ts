// Mail log lines for the mail-log grammar and the log injection: where codes are (Postfix, Exim,
// Sendmail, Exchange and application logs) and lines full of code-like numbers that are not codes.
import { CODE } from './textmate';

const { success: OK, transient: TEMP, permanent: PERM, malformed: BAD } = CODE;
/** Syslog prefix of a Postfix delivery line (its PID 550 is a trap too). */
export const PREFIX = 'Nov 28 16:10:01 mx1 postfix/smtp[550]: 644D53D: ';

/** [what, line, coloured codes in order]. */
export const LOG_CODE_CASES: ReadonlyArray<readonly [string, string, ReadonlyArray<readonly [string, string]>]> = [
  ['Postfix said:', `${PREFIX}to=<a@example.com>, relay=mx.example.com[10.5.1.1]:25, delay=5.3, delays=0.2/0.02/4.04/5.3, dsn=5.1.1, status=bounced (host mx.example.com[10.5.1.1] said: 550 5.1.1 <a@example.com>: Recipient address rejected (in reply to RCPT TO command))`,
    [['5.1.1', PERM], ['550', PERM], ['5.1.1', PERM]]],
  ['Postfix status=sent (250 2.0.0 ...)', `${PREFIX}to=<a@example.com>, relay=127.0.0.1[127.0.0.1]:2525, delay=3.6, delays=0.2/0.02/0.04/3.3, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 153053D)`,
    [['2.0.0', OK], ['250', OK], ['2.0.0', OK]]],
  ['Postfix deferred with dsn=4.4.1 and no reply', `${PREFIX}to=<a@example.com>, relay=none, delay=30, delays=0.01/0/30/0, dsn=4.4.1, status=deferred (connect to mx.example.com[192.0.2.7]:25: Connection timed out)`,
    [['4.4.1', TEMP]]],
  ['Postfix refused to talk to me:', `${PREFIX}host mg2.example.bg[213.91.191.86] refused to talk to me: 450 4.3.2 try again later`,
    [['450', TEMP], ['4.3.2', TEMP]]],
  ['Gmail multi-line reply inside said:', `${PREFIX}host gmail-smtp-in.l.google.com[74.125.136.26] said: 421-4.7.0 [1.2.3.4      15] Our system has detected 421-4.7.0 unsolicited mail 421 4.7.0 Senders Guidelines (in reply to end of DATA command)`,
    [['421', TEMP], ['4.7.0', TEMP], ['421', TEMP], ['4.7.0', TEMP], ['421', TEMP], ['4.7.0', TEMP]]],
  ['Postfix smtpd reject:', 'Nov 28 16:10:01 mx1 postfix/smtpd[1234]: NOQUEUE: reject: RCPT from unknown[192.0.2.1]: 554 5.7.1 <x@example.com>: Relay access denied; from=<a@example.org> to=<x@example.com> proto=ESMTP helo=<example.org>',
    [['554', PERM], ['5.7.1', PERM]]],
  ['Postfix reject with client port and IPv6', 'postfix/smtpd[99]: NOQUEUE: reject: VRFY from unknown[2001:db8::2bd2]:4984: 454 4.7.1 <a@example.com>: Relay access denied; to=<a@example.com> proto=SMTP helo=<me>',
    [['454', TEMP], ['4.7.1', TEMP]]],
  ['milter-reject with an enhanced code only', 'postfix/cleanup[77]: 4F1A2: milter-reject: END-OF-MESSAGE from localhost[127.0.0.1]: 5.7.1 Spam message rejected; from=<a@example.org> to=<b@example.com> proto=ESMTP helo=<x>',
    [['5.7.1', PERM]]],
  ['proxy-reject without a client', 'postfix/smtpd[12]: proxy-reject: END-OF-MESSAGE: 554 5.7.0 Reject, id=31619-02 - spam; from=<> to=<b@example.com> proto=SMTP helo=<17.33.12.53>',
    [['554', PERM], ['5.7.0', PERM]]],
  ['cleanup header_checks reject after helo=<...>:', 'postfix/cleanup[77]: 4F1A2: reject: header Subject: cheap pills from example.org[192.0.2.9]; from=<a@example.org> to=<b@example.com> proto=ESMTP helo=<example.org>: 5.7.1 Message content rejected',
    [['5.7.1', PERM]]],
  ['Exim SMTP error from remote mail server', '2024-05-01 12:00:00 1rABCD-0001Xy-AB ** a@example.com R=dnslookup T=remote_smtp H=mx.example.com [192.0.2.1]: SMTP error from remote mail server after RCPT TO:<a@example.com>: 550 5.1.1 <a@example.com>: Recipient address rejected',
    [['550', PERM], ['5.1.1', PERM]]],
  ['Exim error after MAIL FROM with SIZE and a host part', '2024-05-01 12:00:00 1rABCD-0001Xy-AB == a@example.com R=dnslookup T=remote_smtp defer (-44) H=mx.example.com [192.0.2.1]: SMTP error from remote mail server after MAIL FROM:<b@example.org> SIZE=1543: 452 4.3.1 Insufficient system storage',
    [['452', TEMP], ['4.3.1', TEMP]]],
  ['Sendmail dsn= and stat=', 'Nov 28 16:10:01 mx sendmail[4242]: x1A2B3C4: to=<a@example.com>, delay=00:00:01, xdelay=00:00:01, mailer=esmtp, pri=120000, relay=mx.example.com. [192.0.2.4], dsn=5.1.1, stat=User unknown',
    [['5.1.1', PERM]]],
  ['Sendmail stat=Deferred: with a reply', 'sendmail[4242]: x1A2B3C4: to=<a@example.com>, dsn=4.2.1, stat=Deferred: 450 4.2.1 Mailbox busy',
    [['4.2.1', TEMP], ['450', TEMP], ['4.2.1', TEMP]]],
  ['reply=', 'sm-mta[81]: x1A2B3C4: to=<a@example.com>, reply=550 5.1.1 <a@example.com>... User unknown',
    [['550', PERM], ['5.1.1', PERM]]],
  ['Exchange Remote Server returned', "Delivery failed: Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'",
    [['550', PERM], ['5.1.10', PERM]]],
  ['older Exchange Remote Server returned < #5.0.0 smtp;550', "Remote Server returned '< #5.0.0 smtp;550 Requested action not taken: mailbox unavailable>'",
    [['5.0.0', PERM], ['550', PERM]]],
  ['Exchange #550 5.1.1 ...##', '#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##',
    [['550', PERM], ['5.1.1', PERM]]],
  ['Exim delivery confirmation C="..."', '2024-05-01 12:00:00 1rABCD-0001Xy-AB => a@example.net R=dnslookup T=remote_smtp H=mx.example.net [192.0.2.4] X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=yes C="250 2.0.0 OK 1680097968 - gsmtp"',
    [['250', OK], ['2.0.0', OK]]],
  ['an application log reporting a reply after ": "', '2024-05-01T12:00:00.123Z ERROR MailSender - Mail delivery failed: 550 5.1.1 User unknown (attempt 3 of 5)',
    [['550', PERM], ['5.1.1', PERM]]],
  ['debug dialogue <<< in a log', '2024-05-01 12:00:00 smtp-client: <<< 550 5.7.1 Service unavailable',
    [['550', PERM], ['5.7.1', PERM]]],
  ['malformed dsn= with a leading zero', `${PREFIX}to=<a@example.com>, dsn=5.01.1, status=bounced (user unknown)`,
    [['5.01.1', BAD]]],
];

/** Lines full of numbers that look like codes but are not: nothing may be coloured. */
export const LOG_TRAPS: readonly string[] = [
  'Nov 28 16:10:01 mx1 postfix/master[550]: daemon started -- version 2.5.1, configuration /etc/postfix',
  'Nov 28 16:10:01 mx1 postfix/smtpd[550]: connect from unknown[10.5.1.1]',
  'Nov 28 16:10:01 mx1 postfix/smtpd[451]: disconnect from mail.example.com[5.1.1.1] ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5',
  'Nov 28 16:10:01 mx1 postfix/smtp[421]: Trusted TLS connection established to mx.example.com[192.0.2.1]:25: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits) OpenSSL 1.1.1w',
  'Nov 28 16:10:01 mx1 postfix/qmgr[550]: 644D53D: from=<a@example.org>, size=550, nrcpt=1 (queue active)',
  `${PREFIX}to=<a@example.com>, relay=local, delay=0.2, delays=0.2/0.02/4.04/5.3, status=deliverable (delivers to mailbox)`,
  '2024-05-01 12:00:00 dovecot: imap-login: Login: user=<a>, method=PLAIN, rip=10.5.1.1, lip=192.0.2.5, mpid=550, TLS, session=<abc>',
  'kernel: app 5.4.6-rc2 starting; see RFC 3463 section 4.5.3.1 and 5.1.1.1 for details; 250 items',
  '2024-05-01 12:00:00 Exim 4.96 daemon started: pid=550, -q30m, listening for SMTP on port 25 (IPv4)',
];
