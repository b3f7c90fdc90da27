// The benchmark's log generator must be reproducible and realistic: the same seed gives the
// same text, the size is what was asked, and every kind of line is there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateMailLog } from '../bench/generate-log';

const BYTES = 200_000;

test('the same seed gives the same log, another seed a different one', () => {
  const a = generateMailLog({ seed: 42, bytes: BYTES });
  assert.equal(generateMailLog({ seed: 42, bytes: BYTES }), a);
  assert.notEqual(generateMailLog({ seed: 43, bytes: BYTES }), a);
});

test('the log has the requested size: at most the target, within one line of it, whole lines', () => {
  for (const bytes of [1_000, BYTES, 1_000_000]) {
    const text = generateMailLog({ seed: 7, bytes });
    const longest = Math.max(...text.split('\n').map((l) => l.length + 1));
    assert.ok(text.length <= bytes, `${text.length} > ${bytes}`);
    assert.ok(text.length > bytes - longest, `${text.length} is more than a line short of ${bytes}`);
    assert.ok(text.endsWith('\n'));
    assert.equal(Buffer.byteLength(text), text.length, 'ASCII only, so bytes equal characters');
  }
  assert.equal(generateMailLog({ seed: 7, bytes: 10 }), '');
});

test('the log holds every line family, with codes next to IPs, versions, delays and sizes', () => {
  const text = generateMailLog({ seed: 1, bytes: BYTES });
  const families: Record<string, RegExp> = {
    'postfix smtpd reject': /postfix\/smtpd\[\d+\]: NOQUEUE: reject: RCPT from \S+\[[\d.]+\]: [45]\d\d [45]\.\d\.\d /,
    'postfix smtp delivery': /postfix\/smtp\[\d+\]: [0-9A-F]+: to=<[^>]+>, relay=\S+, delay=[\d.]+, delays=[\d./]+, dsn=\d\.\d\.\d, status=(sent|deferred|bounced) /,
    'postfix multi-line reply': /said: 450-4\.2\.1 .* 450 4\.2\.1 /,
    'postfix version': /postfix\/master\[\d+\]: reload -- version 3\.7\.\d+,/,
    'exim delivery and bounce': /exim\[\d+\]: \S+ \*\* \S+ R=dnslookup .*: 550 5\.1\.1 /,
    'amavis': /amavis\[\d+\]: \(\d+-\d+\) (Passed CLEAN|Blocked SPAM) .* size: \d+, .* \d+ ms$/m,
    'dovecot': /dovecot\[\d+\]: (lmtp|imap)\(/,
    'fault: class mismatch': /said: 550 4\.1\.1 |: 451 5\.7\.1 /,
    'fault: leading zero': /said: 550 5\.01\.1 /,
    'fault: deprecated code': /said: 554 5\.6\.10 /,
  };
  for (const [name, pattern] of Object.entries(families)) assert.match(text, pattern, name);
});
