// @ts-check
// Generates the TextMate grammars in this folder from one description, so that every
// grammar shares the same code patterns and capture numbering. Edit this file, then run
// `node syntaxes/generate.mjs`; `node syntaxes/generate.mjs --check` exits 1 when a committed
// grammar differs from what this file generates (the grammar tests run it).
//
// Regexes stay JavaScript-compatible (no \h, no inline flags; \A and \G, which the audit
// translates, only where the log injection needs them) so that the ReDoS audit can check every one
// of them. No unbounded repetition can hand characters back and forth with a neighbouring one (so a
// match attempt backtracks at most linearly); the one lazy scan is bounded.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** @typedef {string | { cap: string, re: string } | { seq: Part[], optional: boolean } | { alt: Part[][] }} Part */
/** @typedef {{ source: string, captures: Record<string, { name: string }> }} Compiled */

// ---------------------------------------------------------------------------------------------
// Scopes (documented in grammar-scopes.md). Every scope ends in `.smtp` so users can recolour it.

export const SCOPES = {
  success: 'markup.inserted.success.smtp',
  intermediate: 'markup.inserted.intermediate.smtp',
  transient: 'markup.changed.transient.smtp',
  permanent: 'markup.deleted.permanent.smtp',
  malformed: 'invalid.illegal.malformed.smtp',
  continuation: 'punctuation.separator.continuation.smtp',
  outcomeSuccess: 'markup.inserted.outcome.smtp',
  outcomeTransient: 'markup.changed.outcome.smtp',
  outcomePermanent: 'markup.deleted.outcome.smtp',
  command: 'support.function.command.smtp',
  directionServer: 'punctuation.definition.direction.server.smtp',
  directionClient: 'punctuation.definition.direction.client.smtp',
  dsnField: 'support.type.field.dsn.smtp',
  headerField: 'support.type.field.header.smtp',
  fieldSeparator: 'punctuation.separator.key-value.smtp',
  diagnosticType: 'constant.other.diagnostic-type.smtp',
  configKey: 'variable.other.key.smtp',
  action: 'keyword.control.action.smtp',
  comment: 'comment.line.number-sign.smtp',
  codesRegion: 'meta.codes.smtp',
};

// ---------------------------------------------------------------------------------------------
// A tiny regex builder: parts are raw regex text without capturing groups, scoped captures,
// sequences and alternatives. `compile` numbers the captures and returns the TextMate map.

/** @param {string} scope @param {string} re @returns {Part} */
const cap = (scope, re) => ({ cap: scope, re });
/** @param {...Part} parts @returns {Part} */
const seq = (...parts) => ({ seq: parts, optional: false });
/** @param {...Part} parts @returns {Part} */
const opt = (...parts) => ({ seq: parts, optional: true });
/** @param {...Part[]} choices @returns {Part} */
const alt = (...choices) => ({ alt: choices });

/** @param {string} re */
function assertNoCapture(re) {
  // An unescaped '(' not followed by '?' would shift the capture numbering.
  if (/(^|[^\\])(\\\\)*\((?!\?)/.test(re)) throw new Error(`raw regex part has a capturing group: ${re}`);
}

/** @param {Part[]} parts @returns {Compiled} */
function compile(parts) {
  /** @type {Record<string, { name: string }>} */
  const captures = {};
  let group = 0;
  /** @param {Part} part @returns {string} */
  const emit = (part) => {
    if (typeof part === 'string') {
      assertNoCapture(part);
      return part;
    }
    if ('cap' in part) {
      assertNoCapture(part.re);
      group += 1;
      captures[String(group)] = { name: part.cap };
      return `(${part.re})`;
    }
    if ('alt' in part) return `(?:${part.alt.map((choice) => choice.map(emit).join('')).join('|')})`;
    const body = part.seq.map(emit).join('');
    return part.optional ? `(?:${body})?` : `(?:${body})`;
  };
  const source = parts.map(emit).join('');
  return { source, captures };
}

/** Case-insensitive literal without inline flags, e.g. ci('DATA') -> [Dd][Aa][Tt][Aa]. @param {string} word */
function ci(word) {
  return word.replace(/[A-Za-z]/g, (c) => `[${c.toUpperCase()}${c.toLowerCase()}]`).replace(/ /g, '\\s');
}

// ---------------------------------------------------------------------------------------------
// Codes. A code is only coloured where the text around it says it is one (the contexts below),
// matching the core scanner: IPs, versions, dates, PIDs, delays and RFC sections stay plain.

/** Subject or detail: 1 to 3 digits without a leading zero (RFC 3463 s2). */
const NUM = String.raw`(?:0|[1-9]\d{0,2})`;
/** After an enhanced code: no further digit, word character or ".digit" (so 10.5.1.1 never matches). */
const ENHANCED_END = String.raw`(?!\.?\w)`;
/** After a reply code: no further digit, letter or dot. */
const REPLY_END = String.raw`(?![\w.])`;

/** Basic reply code, coloured by its first digit. */
const reply = seq(
  alt([cap(SCOPES.success, String.raw`2\d\d`)], [cap(SCOPES.intermediate, String.raw`3\d\d`)],
    [cap(SCOPES.transient, String.raw`4\d\d`)], [cap(SCOPES.permanent, String.raw`5\d\d`)]),
  REPLY_END,
);

const wellFormedEnhanced = [
  [cap(SCOPES.success, String.raw`2\.${NUM}\.${NUM}`)],
  [cap(SCOPES.transient, String.raw`4\.${NUM}\.${NUM}`)],
  [cap(SCOPES.permanent, String.raw`5\.${NUM}\.${NUM}`)],
];
/** Enhanced status code, coloured by class. */
const enhanced = seq(alt(...wellFormedEnhanced), ENHANCED_END);
/** Enhanced code in a field that can only hold one (Status:, dsn=): anything code-like that is
 *  not well formed (leading zero, class 3, 4-digit part, missing detail) is marked malformed. */
const enhancedOrMalformed = seq(
  alt(...wellFormedEnhanced, [cap(SCOPES.malformed, String.raw`\d{1,3}\.\d{1,4}(?:\.\d{1,4})?`)]),
  ENHANCED_END,
);
/** `550 5.1.1`, `550-5.1.1` (multi-line reply), `550 #5.1.0`, or the reply code alone. */
const replyThenEnhanced = seq(reply, opt(alt([cap(SCOPES.continuation, '-')], [' ']), '#?', enhanced));
/** Either a reply code (with an optional enhanced code) or an enhanced code alone. */
const anyCode = alt([replyThenEnhanced], [enhanced]);

// ---------------------------------------------------------------------------------------------
// Rules shared by several grammars. Each entry becomes a repository rule.

/** @param {Part[]} parts @returns {{ match: string, captures: Record<string, { name: string }> }} */
function matchRule(parts) {
  const { source, captures } = compile(parts);
  return { match: source, captures };
}

// Exim's debug output marks what it received `SMTP<<` and what it sent `SMTP>>`, so its direction
// flips with its role (delivering or receiving): a reply after either is the server's, a command the client's.
const SERVER_MARKS = String.raw`S:|<<<|<--?|<\*\*|<~\*?|SMTP<<|SMTP>>|SERVER\s->\sCLIENT:`;
const CLIENT_MARKS = String.raw`C:|>>>|-->|->|~>|\*\*>|\*~>|SMTP>>|SMTP<<|CLIENT\s->\sSERVER:`;
/** Markers that only an SMTP dialogue uses, safe to trust inside general log lines. */
const LOG_SERVER_MARKS = ['<<<', 'SMTP<<', 'SMTP>>', 'SERVER -> CLIENT:'];
const COMMANDS = ['MAIL FROM', 'RCPT TO', 'EHLO', 'HELO', 'LHLO', 'DATA', 'BDAT', 'RSET', 'VRFY', 'EXPN',
  'HELP', 'NOOP', 'QUIT', 'AUTH', 'STARTTLS', 'ETRN', 'XCLIENT', 'XFORWARD'].map(ci).join('|');
/** Exim's error text before the command the remote server answered. */
const EXIM_ERROR = 'SMTP error from remote (?:mail server|server|mailer) after ';
/** Exim's other words before a remote reply: an LMTP server's error, a reply Exim found malformed. */
const EXIM_OTHER_ERRORS = 'LMTP error after |SMTP reply in response to ';
/** Postfix `host[address]` or `[address]`, optionally with `:port`. */
const POSTFIX_CLIENT = String.raw`[\w.-]*\[[\w.:]*\](?::\d{1,5})?`;

/** @type {Record<string, Part[]>} */
const logParts = {
  // Postfix smtp/lmtp: "host mx[1.2.3.4] said: 550 5.1.1 ...".
  said: [String.raw`(?:said|refused to talk to me):\s{1,3}`, replyThenEnhanced],
  // Postfix smtpd/cleanup/milter/proxy rejects: "reject: RCPT from host[1.2.3.4]: 554 5.7.1 ...".
  reject: [
    String.raw`reject(?:_warning)?:\s[A-Z][A-Z-]{0,20}`, String.raw`(?:\sfrom\s${POSTFIX_CLIENT})?:\s`, anyCode,
  ],
  // Postfix cleanup header/body rejects end the envelope with "helo=<name>: 5.7.1 text".
  helo: [String.raw`\bhelo=<[^<>=\s]*>:\s`, anyCode],
  // Postfix and Sendmail "dsn=4.4.1".
  dsn: [String.raw`\bdsn=`, enhancedOrMalformed],
  // Postfix "status=sent (250 2.0.0 Ok)", Sendmail "stat=Deferred: 451 4.4.1 ...": the outcome
  // word is coloured like the class it reports.
  status: [
    String.raw`\b(?:status|stat)=`,
    alt([cap(SCOPES.outcomeSuccess, 'sent|Sent|deliverable')], [cap(SCOPES.outcomeTransient, 'deferred|Deferred')],
      [cap(SCOPES.outcomePermanent, 'bounced|expired|undeliverable')]),
    String.raw`\b`, opt(String.raw`(?:\s\(|:\s)`, replyThenEnhanced),
  ],
  // Exim "SMTP error from remote mail server after RCPT TO:<x>: 550 5.1.1 ...". The lazy part is
  // bounded, so a line without a code costs at most 400 steps after the literal prefix.
  // In older Exim the host follows the colon: "after RCPT TO:<x>: host mx.example.com [192.0.2.1]: 550 ...".
  exim: [
    String.raw`${EXIM_ERROR}.{0,400}?:\s`, replyThenEnhanced,
  ],
  // "LMTP error after DATA: 452 ..." and "Malformed SMTP reply in response to RCPT TO:<x>: 550 ...": the
  // command (with its address in angle brackets) ends at the first ": ".
  eximLmtp: [
    String.raw`(?:${EXIM_OTHER_ERRORS})[^:<>]{1,60}(?::<[^<>]{0,300}>[^:<>]{0,100})?:\s`, replyThenEnhanced,
  ],
  // Exim callout verification: response to "RCPT TO:<x>" [from mx.example.com [192.0.2.1]] was: 550 ...
  eximCallout: [String.raw`response to "[^"]{1,300}"(?: from [^\s\[\]]{1,255} \[[^\]\s]{1,64}\])? was:\s`, replyThenEnhanced],
  // Exim delivery confirmation C="250 2.0.0 OK ..." (a rule of its own so that a log grammar's
  // string rule, which starts at the quote, does not swallow the code).
  eximConfirmation: [String.raw`\bC="`, replyThenEnhanced],
  // "reply=550 5.1.1 ..." key=value logs.
  replyKey: [String.raw`\breply=`, replyThenEnhanced],
  // Exchange NDR: "Remote Server returned '550 5.1.10 ...'" or the older "'< #5.0.0 smtp;550 ...'".
  ndr: [
    String.raw`Remote Server returned '`,
    alt([replyThenEnhanced], [String.raw`<\s?#`, enhanced, opt(String.raw`\s?(?:smtp|SMTP);\s?`, reply)]),
  ],
  // Dialogue markers that also appear in debug logs ("<<< 550 5.1.1", "SMTP<< 250 OK").
  serverInLog: [cap(SCOPES.directionServer, LOG_SERVER_MARKS.join('|')), String.raw`\s{0,3}`, replyThenEnhanced],
  // A reply code directly followed by an enhanced code is a code pair anywhere: Gmail
  // "550-5.1.1 ...", Exchange "#550 5.1.1 ...##", bounce bodies "550 5.1.1 <x>... User unknown".
  pair: [String.raw`(?<![\w.:/-])`, reply, alt([cap(SCOPES.continuation, '-')], [' ']), '#?', enhanced],
};
const logRules = Object.fromEntries(Object.entries(logParts).map(([key, parts]) => [key, matchRule(parts)]));
const LOG_RULE_ORDER = ['said', 'reject', 'helo', 'dsn', 'status', 'exim', 'eximLmtp', 'eximCallout', 'eximConfirmation',
  'replyKey', 'ndr', 'serverInLog', 'pair'];

// The log injection runs its rules only from the first of these triggers to the end of the line,
// inside a region that also holds the host grammar's rules. The editor searches an injection at
// every token of the host grammar outside that region (VS Code's log grammar makes 15 to 30 tokens
// per line), and each search scans on to the injection's next match or the end of the line
// (vscode-oniguruma caches nothing on lines under 1000 characters): a dozen code rules searched
// that way made the log language 1.5x slower, the trigger alone still 1.17x. So the injection only
// opens a region for the whole document (`document` below) and the trigger sits in that region's
// scanner beside the host's rules, where a search stops at the host's next token. A bare pair is
// only looked for after ": " or "#" (the injection tests run every mail-log case through it).
// helo=<...>: needs no trigger: Postfix writes it after "reject:".
const LOG_HOST = 'text.log';
const LOG_TRIGGERS = ['said:', 'refused to talk to me:', 'reject', 'dsn=', 'stat', 'SMTP error from remote', 'LMTP error after',
  'SMTP reply in response to', 'response to "',
  'reply=', "Remote Server returned '", ...LOG_SERVER_MARKS, '#', 'C="', String.raw`:\s[2-5]\d\d[ -]#?[245]\.`];

const transcriptRules = {
  // "S: 250-PIPELINING", "<<< 550 5.1.1 ...", swaks "<** 550 ..." anywhere after a space.
  serverMarked: matchRule([String.raw`(?<!\S)`, cap(SCOPES.directionServer, SERVER_MARKS), String.raw`\s{0,3}`, replyThenEnhanced]),
  // "C: MAIL FROM:<a@b>", ">>> RCPT TO:<x>".
  clientMarked: matchRule([String.raw`(?<!\S)`, cap(SCOPES.directionClient, CLIENT_MARKS), String.raw`\s{0,3}`,
    cap(SCOPES.command, COMMANDS), String.raw`\b`]),
  // Client tools' sides at the start of a line: curl "< 250" and "> EHLO", Python smtplib
  // "reply: b'250 ..." and "send: 'mail FROM:...". Transcripts only: elsewhere a lone "<" is no side.
  serverTool: matchRule([String.raw`^\s*`, cap(SCOPES.directionServer, String.raw`<(?=\s)|reply:\s[bu]?'`), String.raw`\s{0,3}`,
    replyThenEnhanced]),
  clientTool: matchRule([String.raw`^\s*`, cap(SCOPES.directionClient, String.raw`>(?=\s)|send:\s[bu]?'`), String.raw`\s{0,3}`,
    cap(SCOPES.command, COMMANDS), String.raw`\b`]),
  // A dialogue without markers: replies and commands at the start of a line, also in the session
  // Sendmail -v relays after its "050 " prefix.
  serverBare: matchRule([String.raw`^\s*(?:050\s)?`, replyThenEnhanced]),
  clientBare: matchRule([String.raw`^\s*`, cap(SCOPES.command, COMMANDS), String.raw`\b`]),
};

const dsnFieldNames = ['Final-Recipient', 'Original-Recipient', 'Remote-MTA', 'Reporting-MTA', 'Received-From-MTA',
  'Arrival-Date', 'Last-Attempt-Date', 'Will-Retry-Until', 'Original-Envelope-Id', 'DSN-Gateway', 'Final-Log-ID',
  'X-Postfix-Queue-ID', 'X-Postfix-Sender', 'X-Actual-Recipient'].map(ci).join('|');
/** @param {string} name regex for the field name */
const field = (name) => [String.raw`^`, cap(SCOPES.dsnField, name), cap(SCOPES.fieldSeparator, ':'), String.raw`[ \t]*`];

const dsnRules = {
  // RFC 3464 s2.3.4: "Status: 5.1.1 (comment)".
  statusField: matchRule([...field(ci('Status')), opt(enhancedOrMalformed)]),
  // RFC 3464 s2.3.3: the action word, coloured like the class it implies.
  actionField: matchRule([...field(ci('Action')), opt(
    alt([cap(SCOPES.outcomePermanent, ci('failed'))], [cap(SCOPES.outcomeTransient, ci('delayed'))],
      [cap(SCOPES.outcomeSuccess, `${ci('delivered')}|${ci('relayed')}|${ci('expanded')}`)]),
    String.raw`(?![\w-])`)]),
  // RFC 3464 s2.3.6: "Diagnostic-Code: smtp; 550 5.1.1 ...".
  diagnosticField: matchRule([...field(ci('Diagnostic-Code')),
    opt(cap(SCOPES.diagnosticType, String.raw`[A-Za-z][\w-]*`), String.raw`[ \t]*;[ \t]*`), opt(anyCode)]),
  otherField: matchRule([...field(dsnFieldNames)]),
  header: matchRule([String.raw`^`, cap(SCOPES.headerField, String.raw`[A-Za-z][A-Za-z0-9-]*`), cap(SCOPES.fieldSeparator, ':'), String.raw`(?=[ \t]|$)`]),
  // Exim bounces put the host and the code on the line after the error:
  //   SMTP error from remote mail server after RCPT TO:<x>:
  //       host mx.example.com [192.0.2.1]: 550 5.1.1 ...
  eximHost: matchRule([String.raw`^\s*host\s[^\s\[\]]+\s\[[^\]\s]+\]:\s`, replyThenEnhanced]),
};
const eximCodeNextLine = (() => {
  const end = compile(['^', opt(String.raw`\s*`, replyThenEnhanced)]);
  return {
    begin: String.raw`${EXIM_ERROR}.{0,400}?:(?=\s{0,8}$)`,
    end: end.source,
    endCaptures: end.captures,
  };
})();

const configRules = {
  comment: { match: String.raw`^\s*#.*$`, name: SCOPES.comment },
  // Postfix "smtpd_reject_code = 554", "unknown_client_reject_code = 450".
  replyCodeParameter: matchRule([String.raw`^\s*`, cap(SCOPES.configKey, String.raw`[a-z][a-z0-9_]*_code`),
    String.raw`\s*`, cap(SCOPES.fieldSeparator, '='), String.raw`\s*`, reply]),
  // Exim ACL "message = 550 5.7.1 text" (Exim uses a leading code as the SMTP reply).
  eximMessage: matchRule([String.raw`\b`, cap(SCOPES.configKey, 'message'), String.raw`\s*`,
    cap(SCOPES.fieldSeparator, '='), String.raw`\s*`, opt(anyCode)]),
  parameter: matchRule([String.raw`^\s*(?:!\s*)?`, cap(SCOPES.configKey, String.raw`[a-z][a-z0-9_]*`),
    String.raw`\s*`, cap(SCOPES.fieldSeparator, '=')]),
  // Postfix access/header_checks and Sendmail access lines: "key  ACTION [code] [text]".
  accessLine: matchRule([
    String.raw`^\s*(?:/(?:[^/\\\n]|\\.)*/[A-Za-z]*|[^\s#/=][^\s=]*)[ \t]+`,
    alt(
      // Sendmail: ERROR:"550 5.7.1 text", ERROR:5.7.1:550 text
      [cap(SCOPES.action, 'ERROR'), cap(SCOPES.fieldSeparator, ':'), '"?',
        alt([enhanced, cap(SCOPES.fieldSeparator, ':'), reply], [anyCode])],
      [cap(SCOPES.action, 'DEFER_IF_PERMIT|DEFER_IF_REJECT|REJECT|DEFER|OK|DUNNO|DISCARD|HOLD|IGNORE|WARN|INFO|PREPEND|REDIRECT|FILTER|BCC|PASS|REPLACE|STRIP|RELAY|SKIP|QUARANTINE'),
        String.raw`\b`, opt(String.raw`[ \t]+`, enhanced)],
      [replyThenEnhanced, String.raw`(?=[ \t])`],
    ),
  ]),
  // Postfix restriction lists: "reject_unauth_destination, check_client_access hash:..., permit".
  restriction: {
    match: String.raw`(?<![\w$])(?:(?:permit|reject|defer|check|warn_if)_[a-z_]+(?=[\s,]|$)|(?:permit|reject|defer)(?=\s{0,8}(?:,|$)))`,
    name: SCOPES.action,
  },
  // Exim ACL verbs at the start of a statement.
  eximVerb: matchRule([String.raw`^\s*`, cap(SCOPES.action, 'accept|deny|defer|discard|drop|require|warn'), String.raw`\b`]),
};

// ---------------------------------------------------------------------------------------------
// The grammars.

/** @param {Record<string, object>} rules @param {string[]} order */
const includes = (rules, order) => order.map((key) => {
  if (!(key in rules)) throw new Error(`unknown rule ${key}`);
  return { include: `#${key}` };
});

/** @param {Record<string, object>} rules @param {string[]} keys */
const pick = (rules, keys) => Object.fromEntries(keys.map((key) => [key, rules[key]]));

/** Joins repositories; a rule name used twice would silently replace a rule, so it throws. @param {...Record<string, object>} repositories */
function merge(...repositories) {
  /** @type {Record<string, object>} */
  const merged = {};
  for (const repository of repositories) {
    for (const [key, rule] of Object.entries(repository)) {
      if (key in merged) throw new Error(`rule ${key} defined twice`);
      merged[key] = rule;
    }
  }
  return merged;
}

const logRepository = pick(logRules, LOG_RULE_ORDER);
const HEADER = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  information_for_contributors: ['Generated by syntaxes/generate.mjs: edit that file, not this one.'],
};

export const GRAMMARS = {
  'mail-log.tmLanguage.json': {
    ...HEADER,
    name: 'Mail log',
    scopeName: 'text.mail-log',
    patterns: includes(logRepository, LOG_RULE_ORDER),
    repository: logRepository,
  },
  'log-injection.tmLanguage.json': {
    ...HEADER,
    name: 'SMTP codes in log files',
    scopeName: 'smtp-status.injection.log',
    // Not inside our own region, where the code rules are already active.
    injectionSelector: `L:${LOG_HOST} -${SCOPES.codesRegion}`,
    patterns: [{ include: '#document' }],
    repository: merge({
      // Opened at the start of the first line and kept on every further line by `while`, which,
      // unlike `end`, adds no pattern to each search. Nameless, so no token changes, and the editor
      // still searches the injection at each of its tokens: there vscode-textmate has turned \A into
      // U+FFFF (a noncharacter), which the engine rules out without a match attempt. (?!\G) keeps it
      // from opening again where it has just opened, which vscode-textmate answers by giving up the
      // line. The host's stack-trace region ("   at ..." lines) admits no rules: codes there stay plain.
      document: {
        begin: String.raw`\A(?!\G)`,
        while: '^',
        patterns: [{ include: '#codesRegion' }, { include: LOG_HOST }],
      },
      codesRegion: {
        begin: `(?=${LOG_TRIGGERS.join('|')})`,
        end: '$',
        name: SCOPES.codesRegion,
        patterns: [...includes(logRepository, LOG_RULE_ORDER), { include: LOG_HOST }],
      },
    }, logRepository),
  },
  'smtp-transcript.tmLanguage.json': (() => {
    const order = ['serverMarked', 'clientMarked', 'serverTool', 'clientTool', 'serverBare', 'clientBare', 'pair'];
    const repository = merge(transcriptRules, pick(logRules, ['pair']));
    return { ...HEADER, name: 'SMTP transcript', scopeName: 'text.smtp-transcript', patterns: includes(repository, order), repository };
  })(),
  'mail-dsn.tmLanguage.json': (() => {
    const order = ['statusField', 'actionField', 'diagnosticField', 'otherField', 'header', 'eximHost', 'eximCodeNextLine',
      ...LOG_RULE_ORDER.filter((key) => key !== 'pair' && key !== 'serverInLog'), 'serverMarked', 'clientMarked', 'pair'];
    const repository = merge(dsnRules, { eximCodeNextLine }, pick(logRules, LOG_RULE_ORDER.filter((key) => key !== 'serverInLog')),
      pick(transcriptRules, ['serverMarked', 'clientMarked']));
    return { ...HEADER, name: 'Delivery status notification', scopeName: 'text.mail-dsn', patterns: includes(repository, order), repository };
  })(),
  'mail-config.tmLanguage.json': (() => {
    const order = ['comment', 'replyCodeParameter', 'eximMessage', 'parameter', 'accessLine', 'restriction', 'eximVerb'];
    return { ...HEADER, name: 'Mail server configuration', scopeName: 'source.mail-config', patterns: includes(configRules, order), repository: configRules };
  })(),
};

// ---------------------------------------------------------------------------------------------

function main() {
  const dir = path.dirname(fileURLToPath(import.meta.url));
  const check = process.argv.includes('--check');
  const stale = [];
  for (const [file, grammar] of Object.entries(GRAMMARS)) {
    const target = path.join(dir, file);
    const text = `${JSON.stringify(grammar, null, '\t')}\n`;
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (current === text) continue;
    stale.push(file);
    if (!check) writeFileSync(target, text);
  }
  if (check && stale.length > 0) {
    console.error(`stale grammars (run node syntaxes/generate.mjs): ${stale.join(', ')}`);
    process.exit(1);
  }
  if (!check) console.log(stale.length > 0 ? `wrote ${stale.join(', ')}` : 'grammars up to date');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
