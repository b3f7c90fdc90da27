// A deterministic generator of realistic mail logs (syslog `mail.log` mixing Postfix, Exim,
// amavis and Dovecot) for the benchmark and for demo files. The same seed and size always
// give the same text. Lines carry what makes status-code scanning hard: IP addresses,
// ports, versions, PIDs, delays, sizes and times next to real reply and enhanced codes,
// plus a small share of genuine faults (class mismatches, leading zeros, deprecated codes).
//
// A demo file: node out/test/bench/make-log.js [BYTES] [SEED] > demo.log

export interface MailLogOptions {
  /** Seed of the pseudo-random sequence: the same seed gives the same text. */
  readonly seed: number;
  /** Target size in bytes (the text is ASCII, so also in characters). The log holds whole
   * lines and ends with a newline; its size is at most `bytes` and within one line of it. */
  readonly bytes: number;
}

/** One in this many lines is a deliberate fault. */
const FAULT_EVERY = 250;

/** mulberry32: small, fast and good enough to vary a log; fully determined by the seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const USERS = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy', 'mallory', 'noreply', 'billing', 'support', 'postmaster'];
const DOMAINS = ['example.com', 'example.org', 'example.net', 'mail.example.co.uk', 'lists.example.edu', 'shop.example.io'];
const REMOTE_MX = ['mx1.example.net', 'aspmx.l.example.com', 'mx.example.org', 'mail-in.example.co.uk', 'inbound.example.io'];
const CLIENT_HOSTS = ['unknown', 'mail.example.com', 'o1678917x173.outbound.example.net', 'smtp-out.example.org', 'static-203-0-113-9.example.net'];
const HEX = '0123456789ABCDEF';
const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

class LogWriter {
  private readonly random: () => number;
  /** Milliseconds since the start of the log's year; grows a little with every line. */
  private clock = (331 * 24 * 3600 + 6 * 3600) * 1000;
  private readonly host = 'mx1';

  constructor(seed: number) {
    this.random = rng(seed);
  }

  private int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)] as T;
  }

  private chars(alphabet: string, length: number): string {
    let s = '';
    for (let i = 0; i < length; i++) s += alphabet[Math.floor(this.random() * alphabet.length)];
    return s;
  }

  private ip(): string {
    return `${this.int(1, 223)}.${this.int(0, 255)}.${this.int(0, 255)}.${this.int(1, 254)}`;
  }

  private address(): string {
    return `${this.pick(USERS)}${this.random() < 0.3 ? `.${this.int(1, 999)}` : ''}@${this.pick(DOMAINS)}`;
  }

  private delay(): string {
    return (this.random() * 5).toFixed(this.int(1, 2));
  }

  private queueId(): string {
    return this.chars(HEX, this.int(9, 11));
  }

  private eximId(): string {
    return `${this.chars(B62, 6)}-${this.chars(B62, 6)}-${this.chars(B62, 2)}`;
  }

  /** `Nov 28 06:00:01 mx1 postfix/smtpd[12345]: ` */
  private prefix(program: string): string {
    this.clock += this.int(0, 400);
    const seconds = Math.floor(this.clock / 1000);
    const day = Math.floor(seconds / 86400);
    const month = Math.min(11, Math.floor(day / 30.5));
    const dayOfMonth = String(day - Math.floor(month * 30.5) + 1).padStart(2, ' ');
    const time = [Math.floor(seconds / 3600) % 24, Math.floor(seconds / 60) % 60, seconds % 60]
      .map((n) => String(n).padStart(2, '0')).join(':');
    return `${MONTHS[month]} ${dayOfMonth} ${time} ${this.host} ${program}[${this.int(300, 65000)}]: `;
  }

  private postfix(): string {
    const id = this.queueId();
    const to = this.address();
    const relayIp = this.ip();
    const mx = this.pick(REMOTE_MX);
    const delays = `delays=${this.delay()}/${this.delay()}/${this.delay()}/${this.delay()}`;
    switch (this.int(0, 11)) {
      case 0:
        return `${this.prefix('postfix/smtpd')}connect from ${this.pick(CLIENT_HOSTS)}[${this.ip()}]`;
      case 1:
        return `${this.prefix('postfix/smtpd')}disconnect from ${this.pick(CLIENT_HOSTS)}[${this.ip()}] ehlo=1 mail=1 rcpt=${this.int(0, 1)}/1 data=1 quit=1 commands=${this.int(4, 5)}/5`;
      case 2: {
        const [reply, enhanced, text] = this.pick([
          ['554', '5.7.1', 'Service unavailable; Client host [%IP%] blocked using zen.spamhaus.org'],
          ['450', '4.7.1', 'Client host rejected: cannot find your hostname, [%IP%]'],
          ['550', '5.1.1', '<%TO%>: Recipient address rejected: User unknown in virtual mailbox table'],
          ['454', '4.7.1', '<%TO%>: Relay access denied'],
          ['451', '4.7.1', 'Greylisting in action, please come back later'],
        ] as const);
        const client = this.ip();
        return `${this.prefix('postfix/smtpd')}NOQUEUE: reject: RCPT from ${this.pick(CLIENT_HOSTS)}[${client}]: ${reply} ${enhanced} ${text.replace('%IP%', client).replace('%TO%', to)}; from=<${this.address()}> to=<${to}> proto=ESMTP helo=<${this.pick(CLIENT_HOSTS)}>`;
      }
      case 3:
        return `${this.prefix('postfix/cleanup')}${id}: message-id=<${this.chars(B62, 20)}@${this.pick(DOMAINS)}>`;
      case 4:
        return `${this.prefix('postfix/qmgr')}${id}: from=<${this.address()}>, size=${this.int(900, 9_000_000)}, nrcpt=${this.int(1, 4)} (queue active)`;
      case 5:
        return `${this.prefix('postfix/qmgr')}${id}: removed`;
      case 6:
        return `${this.prefix('postfix/smtp')}${id}: to=<${to}>, relay=${mx}[${relayIp}]:25, delay=${this.delay()}, ${delays}, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as ${this.queueId()})`;
      case 7:
        return `${this.prefix('postfix/smtp')}${id}: to=<${to}>, relay=127.0.0.1[127.0.0.1]:10024, delay=${this.delay()}, ${delays}, dsn=2.0.0, status=sent (250 2.0.0 from MTA(smtp:[127.0.0.1]:10025): 250 2.0.0 Ok: queued as ${this.queueId()})`;
      case 8: {
        // Postfix joins the lines of a multi-line reply with spaces.
        const [reply, enhanced, parts, command] = this.pick([
          ['421', '4.7.0', ['Try again later, closing connection.'], 'MAIL FROM'],
          ['450', '4.2.1', ['The user you are trying to contact is receiving mail at a rate that', 'prevents additional messages from being delivered. Please resend your', 'message at a later time.'], 'RCPT TO'],
          ['452', '4.2.2', ['Mailbox full'], 'RCPT TO'],
        ] as const);
        const said = parts.map((part, i) => `${reply}${i === parts.length - 1 ? ' ' : '-'}${enhanced} ${part}`).join(' ');
        return `${this.prefix('postfix/smtp')}${id}: to=<${to}>, relay=${mx}[${relayIp}]:25, delay=${this.delay()}, ${delays}, dsn=${enhanced}, status=deferred (host ${mx}[${relayIp}] said: ${said} (in reply to ${command} command))`;
      }
      case 9: {
        const [reply, enhanced, text] = this.pick([
          ['550', '5.1.1', 'The email account that you tried to reach does not exist.'],
          ['552', '5.2.2', 'Mailbox quota exceeded'],
          ['554', '5.7.1', 'Message rejected as spam'],
        ] as const);
        return `${this.prefix('postfix/smtp')}${id}: to=<${to}>, relay=${mx}[${relayIp}]:25, delay=${this.delay()}, ${delays}, dsn=${enhanced}, status=bounced (host ${mx}[${relayIp}] said: ${reply} ${enhanced} <${to}>: ${text} (in reply to RCPT TO command))`;
      }
      case 10:
        return `${this.prefix('postfix/postscreen')}CONNECT from [${this.ip()}]:${this.int(1024, 65535)} to [192.0.2.25]:25`;
      default:
        return this.random() < 0.5
          ? `${this.prefix('postfix/postscreen')}DNSBL rank ${this.int(1, 9)} for [${this.ip()}]:${this.int(1024, 65535)}`
          : `${this.prefix('postfix/master')}reload -- version 3.7.${this.int(1, 11)}, configuration /etc/postfix`;
    }
  }

  private exim(): string {
    const id = this.eximId();
    const to = this.address();
    const mx = this.pick(REMOTE_MX);
    const tls = 'X=TLS1.3:TLS_AES_256_GCM_SHA384:256';
    switch (this.int(0, 4)) {
      case 0:
        return `${this.prefix('exim')}${id} <= ${this.address()} H=${this.pick(CLIENT_HOSTS)} [${this.ip()}]:${this.int(1024, 65535)} P=esmtps ${tls} CV=no S=${this.int(900, 9_000_000)} id=${this.chars(B62, 16)}@${this.pick(DOMAINS)}`;
      case 1:
        return `${this.prefix('exim')}${id} => ${to} R=dnslookup T=remote_smtp H=${mx} [${this.ip()}] ${tls} CV=yes C="250 2.0.0 OK ${this.int(1_600_000_000, 1_800_000_000)} ${this.chars(B62, 12)} - gsmtp"`;
      case 2:
        return `${this.prefix('exim')}${id} ** ${to} R=dnslookup T=remote_smtp H=${mx} [${this.ip()}]: SMTP error from remote mail server after RCPT TO:<${to}>: 550 5.1.1 <${to}>: Recipient address rejected: User unknown`;
      case 3:
        return `${this.prefix('exim')}${id} == ${to} R=dnslookup T=remote_smtp defer (-44) H=${mx} [${this.ip()}]: SMTP error from remote mail server after RCPT TO:<${to}>: 451 4.7.1 Greylisted, try again in ${this.int(1, 15)} minutes`;
      default:
        return `${this.prefix('exim')}${id} Completed QT=${this.int(1, 59)}.${this.int(100, 999)}s`;
    }
  }

  private amavis(): string {
    const session = `(${String(this.int(1000, 65000)).padStart(5, '0')}-${String(this.int(1, 99)).padStart(2, '0')})`;
    const ip = this.ip();
    const verdict = this.random() < 0.85
      ? `Passed CLEAN {RelayedInbound}, [${ip}]:${this.int(1024, 65535)} [${ip}]`
      : `Blocked SPAM {DiscardedInbound,Quarantined}, [${ip}]:${this.int(1024, 65535)} [${ip}]`;
    return `${this.prefix('amavis')}${session} ${verdict} <${this.address()}> -> <${this.address()}>, Queue-ID: ${this.queueId()}, Message-ID: <${this.chars(B62, 18)}@${this.pick(DOMAINS)}>, mail_id: ${this.chars(B62, 12)}, Hits: ${(this.random() * 20 - 3).toFixed(3)}, size: ${this.int(900, 9_000_000)}, queued_as: ${this.queueId()}, ${this.int(80, 9000)} ms`;
  }

  private dovecot(): string {
    const user = this.address();
    const session = this.chars(B62, 16);
    switch (this.int(0, 3)) {
      case 0:
        return `${this.prefix('dovecot')}lmtp(${user})<${this.int(300, 65000)}><${session}>: msgid=<${this.chars(B62, 20)}@${this.pick(DOMAINS)}>: saved mail to INBOX`;
      case 1:
        return `${this.prefix('dovecot')}imap-login: Login: user=<${user}>, method=PLAIN, rip=${this.ip()}, lip=192.0.2.25, mpid=${this.int(300, 65000)}, TLS, session=<${session}>`;
      case 2:
        return `${this.prefix('dovecot')}imap(${user})<${this.int(300, 65000)}><${session}>: Disconnected: Logged out in=${this.int(0, 9999)} out=${this.int(0, 999999)} deleted=0 expunged=0 trashed=0 hdr_count=0 hdr_bytes=0 body_count=0 body_bytes=0`;
      default:
        return `${this.prefix('dovecot')}master: Dovecot v2.3.${this.int(10, 21)} (${this.chars(HEX, 10).toLowerCase()}) starting up for imap, lmtp`;
    }
  }

  /** A real mistake a checker should flag; everything else in the log is correct. The kinds
   * take turns, so that even a small log holds each of them. */
  private fault(ordinal: number): string {
    const id = this.queueId();
    const to = this.address();
    const mx = this.pick(REMOTE_MX);
    const ip = this.ip();
    switch (ordinal % 4) {
      case 0: // class mismatch: permanent reply, transient enhanced code
        return `${this.prefix('postfix/smtp')}${id}: to=<${to}>, relay=${mx}[${ip}]:25, delay=${this.delay()}, dsn=5.1.1, status=bounced (host ${mx}[${ip}] said: 550 4.1.1 <${to}>: Recipient address rejected (in reply to RCPT TO command))`;
      case 1: // class mismatch in an Exim deferral
        return `${this.prefix('exim')}${this.eximId()} == ${to} R=dnslookup T=remote_smtp defer (-44) H=${mx} [${ip}]: SMTP error from remote mail server after RCPT TO:<${to}>: 451 5.7.1 Temporarily rejected`;
      case 2: // leading zero in a sub-code
        return `${this.prefix('postfix/smtp')}${id}: to=<${to}>, relay=${mx}[${ip}]:25, delay=${this.delay()}, dsn=5.1.1, status=bounced (host ${mx}[${ip}] said: 550 5.01.1 <${to}>: No such user (in reply to RCPT TO command))`;
      default: // deprecated duplicate of X.6.8
        return `${this.prefix('postfix/smtp')}${id}: to=<${to}>, relay=${mx}[${ip}]:25, delay=${this.delay()}, dsn=5.6.10, status=bounced (host ${mx}[${ip}] said: 554 5.6.10 Non-ASCII address not supported (in reply to RCPT TO command))`;
    }
  }

  line(index: number): string {
    if (index % FAULT_EVERY === FAULT_EVERY - 1) return this.fault(Math.floor(index / FAULT_EVERY));
    const r = this.random();
    if (r < 0.6) return this.postfix();
    if (r < 0.75) return this.exim();
    if (r < 0.87) return this.amavis();
    return this.dovecot();
  }
}

/** A mail log of about `bytes` bytes; see MailLogOptions. */
export function generateMailLog(options: MailLogOptions): string {
  const writer = new LogWriter(options.seed);
  const lines: string[] = [];
  let size = 0;
  for (let index = 0; ; index++) {
    const line = writer.line(index);
    if (size + line.length + 1 > options.bytes) break;
    lines.push(line);
    size += line.length + 1;
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

