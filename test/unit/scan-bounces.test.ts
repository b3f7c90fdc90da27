// The long tail of bounce text: codes that start a line, qmail's bracketed and parenthesised
// codes, recipient-first lines without `said:`, and a reply whose enhanced code wrapped onto
// the next line. Our own fixtures in the shapes of Sendmail, qmail and Postfix bounces.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanLines } from '../../server/src/scan';

/** Per line: `R:550@ndr E:5.1.1@ndr~550` (kind, text, context, partner), or ''. */
function readout(text: string): string[] {
  return scanLines(text.split('\n'), 'dsn').map((findings) => findings
    .map((f) => `${f.kind === 'reply' ? 'R' : 'E'}:${f.text}@${f.context}${f.partner === undefined ? '' : `~${f.partner.text}`}`)
    .join(' '));
}

test("Sendmail's transcript and the enhanced code that starts the line after it", () => {
  const text = [
    '   ----- Transcript of session follows -----',
    '... while talking to mx.example.com.:',
    '>>> DATA',
    '<<< 552 5.2.2 <carol@example.com>... Mailbox Full',
    '5.2.2 <carol@example.com>... Mailbox Full',
    '554 5.0.0 Service unavailable',
  ].join('\n');
  assert.deepEqual(readout(text), [
    '', '', '', 'R:552@transcript-reply~5.2.2 E:5.2.2@transcript-reply~552', 'E:5.2.2@ndr', 'R:554@ndr~5.0.0 E:5.0.0@ndr~554',
  ]);
});

test('qmail: (#5.1.1), and a reply wrapped before its enhanced code', () => {
  const text = [
    'Hi. This is the qmail-send program at mail.example.net.',
    '<dave@example.com>:',
    'Sorry, no mailbox here by that name. (#5.1.1)',
    '<erin@example.com>:',
    '192.0.2.25 does not like recipient.',
    'Remote host said: 550',
    '5.1.1 <erin@example.com>: Recipient address rejected',
    'Giving up on 192.0.2.25.',
  ].join('\n');
  assert.deepEqual(readout(text), [
    '', '', 'E:5.1.1@ndr', '', '', 'R:550@postfix-said', 'E:5.1.1@postfix-said~550', '',
  ]);
});

test('a recipient, a colon and the reply, without said:', () => {
  assert.deepEqual(readout('<grace@example.com>: 550 user unknown (in reply to RCPT TO command)'), ['R:550@ndr']);
  assert.deepEqual(readout('<grace@example.com>: 550 5.1.1 user unknown'), ['R:550@ndr~5.1.1 E:5.1.1@ndr~550']);
  // Not an address before the colon, or no reply after it: nothing.
  assert.deepEqual(readout('<a list of 3 things>: 550 of them'), ['']);
  assert.deepEqual(readout('<grace@example.com>: 99 problems'), ['']);
});

test('numbers that start bounce lines without a recipient after them are not codes', () => {
  const text = [
    '2.1.1 Section two',
    'Chapter 5.1.1 ends',
    '4.2.1 (see above)',
    'Version 4.96 of Exim, size 35882577, port 587, at 12:00:01',
    // qmail writes `(#5.1.1)`; a bracketed `[#5.1.1]` is a section reference in real text.
    'See the OpenID request [#5.1.1], issue [#123] and [#1.2.3]',
  ].join('\n');
  assert.deepEqual(readout(text), ['', '', '', '', '']);
});
