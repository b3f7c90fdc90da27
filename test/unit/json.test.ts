// ESP event JSON: the codes each provider's fields hold, in pretty JSON and JSON Lines, and
// the numbers in the same payloads that are not codes (HTTP statuses, Mailgun's 605, ids, sizes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initialState, lineStatesEqual, scanLine, scanLines } from '../../server/src/scan';
import { analyzeText, sniffKind } from '../../server/src/service';

/** `R:550` / `E:5.1.1` for each finding, in order, with its 1-based line. */
function found(text: string): string[] {
  return scanLines(text.split('\n'), 'json').flat().map((f) => `${f.line + 1}:${f.kind === 'reply' ? 'R' : 'E'}:${f.text}`);
}

test('Amazon SES bounce and delivery notifications, pretty-printed', () => {
  const bounce = [
    '{',
    '  "notificationType": "Bounce",',
    '  "bounce": {',
    '    "bounceType": "Permanent",',
    '    "bouncedRecipients": [',
    '      {',
    '        "emailAddress": "gone@example.net",',
    '        "action": "failed",',
    '        "status": "5.1.1",',
    '        "diagnosticCode": "smtp; 550 5.1.1 <gone@example.net>: Recipient address rejected: User unknown"',
    '      }',
    '    ],',
    '    "remoteMtaIp": "192.0.2.25",',
    '    "reportingMTA": "dns; a1-23.smtp-out.example.com"',
    '  },',
    '  "mail": { "processingTimeMillis": 546, "timestamp": "2026-11-28T09:59:58.000Z" }',
    '}',
  ].join('\n');
  assert.deepEqual(found(bounce), ['9:E:5.1.1', '10:R:550', '10:E:5.1.1']);
  const delivery = '{"notificationType":"Delivery","delivery":{"processingTimeMillis":609,"smtpResponse":"250 2.6.0 Message received","reportingMTA":"a8-70.smtp-out.example.com"}}';
  assert.deepEqual(found(delivery), ['1:R:250', '1:E:2.6.0']);
});

test('an SES notification inside an Amazon SNS envelope is read inside its Message string', () => {
  const message = JSON.stringify({
    notificationType: 'Bounce',
    bounce: { bouncedRecipients: [{ emailAddress: 'gone@example.net', status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1 user "gone" unknown' }], remoteMtaIp: '192.0.2.25' },
    delivery: { smtpResponse: '250 ok', processingTimeMillis: 546 },
  });
  const envelope = JSON.stringify({ Type: 'Notification', MessageId: '22b80b92-fdea', Message: message, SignatureVersion: '1' }, null, 2);
  assert.deepEqual(found(envelope), ['4:E:5.1.1', '4:R:550', '4:E:5.1.1', '4:R:250']);
  assert.equal(sniffKind(envelope), 'json');
});

test('SendGrid events as JSON Lines: reason, status and response', () => {
  const events = [
    '{"email":"bob@example.net","timestamp":1764324000,"smtp-id":"<a1.b2@ismtpd-555>","event":"bounce","reason":"500 unknown recipient","status":"5.0.0"}',
    '{"email":"bob@example.net","timestamp":1764324000,"event":"deferred","response":"400 try again later","attempt":"5"}',
    '{"email":"bob@example.net","event":"delivered","response":"250 OK"}',
    '{"email":"bob@example.net","event":"dropped","reason":"Bounced Address","status":"200"}',
  ].join('\n');
  assert.deepEqual(found(events), ['1:R:500', '1:E:5.0.0', '2:R:400', '3:R:250']);
});

test('Mailgun delivery-status: a numeric code counts inside it only, and 605 is no SMTP code', () => {
  const failed = [
    '{',
    '  "event": "failed",',
    '  "severity": "permanent",',
    '  "delivery-status": {',
    '    "attempt-no": 1,',
    '    "code": 550,',
    '    "message": "5.1.1 The email account that you tried to reach does not exist",',
    '    "session-seconds": 0.43',
    '  },',
    '  "code": 200,',
    '  "message": "450 queued for later"',
    '}',
  ].join('\n');
  assert.deepEqual(found(failed), ['6:R:550', '7:E:5.1.1']);
  const suppressed = '{"event":"failed","reason":"suppress-bounce","delivery-status":{"code":605,"description":"Not delivering to previously bounced address"}}';
  assert.deepEqual(found(suppressed), []);
});

test('SparkPost error_code and a multi-line reply kept in one string', () => {
  const event = '{"msys":{"message_event":{"type":"bounce","bounce_class":"10","error_code":"550","queue_time":"735",'
    + '"raw_reason":"550-5.1.1 The account does not exist.\\r\\n550 5.1.1 https://example.com/help - gsmtp","num_retries":"0"}}}';
  assert.deepEqual(found(event), ['1:R:550', '1:R:550', '1:E:5.1.1', '1:R:550', '1:E:5.1.1']);
  const scan = scanLines([event], 'json')[0]!;
  const last = scan.filter((f) => f.kind === 'reply').at(-1)!;
  assert.equal(last.group?.reply, '550', 'the last line of the quoted reply belongs to its first');
});

test('Postmark Details after "smtp;"; TypeCode, ServerID and ErrorCode are no codes', () => {
  const bounce = '{"RecordType":"Bounce","TypeCode":1,"ServerID":23,"ErrorCode":406,"Details":"smtp;554 delivery error: dd This user has no account [0] - mta1.example.com"}';
  assert.deepEqual(found(bounce), ['1:R:554']);
});

test('a class mismatch in an ESP event is reported; codes chosen remotely get no advice', () => {
  const events = '{"event":"bounce","reason":"550 4.1.1 unknown user","status":"4.1.1"}\n{"status":"5.7.606"}';
  const rules = analyzeText(events, 'json').problems.map((p) => p.rule);
  assert.deepEqual(rules, ['class-mismatch']);
});

test('an SES recipient whose action, status and diagnostic disagree gets dsn-action-mismatch', () => {
  const recipient = (action: string, status: string, diagnostic: string): string => [
    '{"bounce": {"bouncedRecipients": [',
    '  {',
    `    "action": "${action}",`,
    `    "status": "${status}",`,
    `    "diagnosticCode": "smtp; ${diagnostic}"`,
    '  }',
    ']}}',
  ].join('\n');
  const rules = (text: string): string[] => analyzeText(text, 'json').problems.map((p) => `${p.line + 1}:${p.rule}`);
  assert.deepEqual(rules(recipient('failed', '5.1.1', '550 5.1.1 unknown')), []);
  assert.deepEqual(rules(recipient('delayed', '5.1.1', '550 5.1.1 unknown')), ['4:dsn-action-mismatch']);
  assert.deepEqual(rules(recipient('failed', '4.4.7', '550 4.4.7 expired')), ['5:class-mismatch'], 'RFC 3464 allows failed with 4.x.x; the pair is only remarked on');
  assert.deepEqual(rules(recipient('failed', '5.1.1', '450 mailbox busy')), ['5:dsn-action-mismatch']);
  assert.deepEqual(rules(recipient('delayed', '4.2.0', '452 4.2.0 try later')), []);
  // The facts end with their object: the next recipient starts afresh.
  const two = '[{"action": "failed", "status": "5.1.1"},\n {"status": "4.2.0"}]';
  assert.deepEqual(rules(two), []);
});

test('the JSON state is the nesting depth only, and converges', () => {
  const lines = ['{', '  "delivery-status": {', '    "code": 421', '  }', '}'];
  let state = initialState('json');
  const states = lines.map((line, i) => (state = scanLine(line, i, state).next));
  assert.deepEqual(states.map((s) => s.json), [{ depth: 1 }, { depth: 2, section: 2 }, { depth: 2, section: 2 }, { depth: 1 }, { depth: 0 }]);
  assert.ok(lineStatesEqual(states[4]!, initialState('json')));
  assert.equal(scanLine('  "x": 1,', 9, states[1]!).next, states[1], 'an unchanged state is the same object');
});

test('odd JSON never throws and finds nothing where no key says so', () => {
  for (const line of ['{"a": "5.1.1"', '"status": "5.1.1', '}}}]]', '{"code": 550}', '"\\', '{"status": 5.1}', '{"ID": 550, "port": 25, "size": 10240000}']) {
    const result = scanLines([line], 'json')[0]!;
    if (line === '"status": "5.1.1') assert.deepEqual(result.map((f) => f.text), ['5.1.1'], 'an unterminated string still ends at the line end');
    else assert.deepEqual(result, [], line);
  }
});
