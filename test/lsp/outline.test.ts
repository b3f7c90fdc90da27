// The outline behind document symbols and folding: sessions and transactions in transcripts
// written the ways mail tools write them, and the parts of bounce messages.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dsnOutline, transcriptOutline, type OutlineNode } from '../../server/src/lsp/outline';

/** [kind, startLine, endLine, children] for compact comparison. */
type Shape = [string, number, number, Shape[]];
const shape = (node: OutlineNode): Shape => [node.kind, node.startLine, node.endLine, node.children.map(shape)];

describe('transcript outline', () => {
  it('reads swaks-style markers, closes a transaction at a rejected DATA, and a session at the reply to QUIT', () => {
    const lines = [
      '=== Trying mx.example.net:25...',
      '<-  220 mx.example.net ESMTP',
      ' -> EHLO client.example.org',
      '<-  250 mx.example.net',
      ' -> MAIL FROM:<a@example.org>',
      '<-  250 2.1.0 Ok',
      ' -> RCPT TO:<b@example.net>',
      '<** 550 5.1.1 No such user',
      ' -> DATA',
      '<** 554 5.5.1 No valid recipients',
      ' -> QUIT',
      '<-  221 2.0.0 Bye',
    ];
    assert.deepEqual(transcriptOutline(lines).map(shape), [['session', 1, 11, [['transaction', 4, 9, []]]]]);
  });

  it('ends a transaction before RSET and after BDAT LAST, and starts a session at EHLO without a greeting', () => {
    const lines = [
      'C: EHLO client.example.org',
      'S: 250 mx.example.net',
      'C: MAIL FROM:<a@example.org>',
      'S: 250 2.1.0 Ok',
      'C: RSET',
      'S: 250 2.0.0 Ok',
      'C: MAIL FROM:<a@example.org>',
      'S: 250 2.1.0 Ok',
      'C: BDAT 100 LAST',
      'S: 250 2.0.0 Queued',
    ];
    assert.deepEqual(transcriptOutline(lines).map(shape), [['session', 0, 9, [['transaction', 2, 3, []], ['transaction', 6, 9, []]]]]);
  });

  it('does not read message content after 354 as commands', () => {
    const lines = ['C: MAIL FROM:<a@example.org>', 'S: 250 Ok', 'C: DATA', 'S: 354 Go ahead', 'C: MAIL FROM: is just text here', 'C: QUIT', 'C: .', 'S: 250 Queued'];
    assert.deepEqual(transcriptOutline(lines).map(shape), [['session', 0, 7, [['transaction', 0, 7, []]]]]);
  });

  it('starts a session at a new connection, and ends message content however a client tool writes it', () => {
    const lines = [
      '=== Connected to mx.example.net.',
      '<-  220 mx.example.net ESMTP',
      ' -> MAIL FROM:<a@example.org>',
      ' -> RCPT TO:<b@example.net>',
      ' -> DATA',
      '<-  250 2.1.0 Ok',
      '<-  250 2.1.5 Ok',
      '<-  354 Go ahead',
      ' -> 12 lines sent',
      '<-  250 2.0.0 Queued',
      '=== Connected to mx2.example.net.',
      "send: 'mail FROM:<a@example.org>\\r\\n'",
      "reply: b'250 2.1.0 Ok\\r\\n'",
      "send: 'data\\r\\n'",
      "reply: b'354 Go ahead\\r\\n'",
      "send: b'Subject: hi\\r\\n\\r\\nQUIT\\r\\n.\\r\\n'",
      "reply: b'250 2.0.0 Queued\\r\\n'",
    ];
    assert.deepEqual(transcriptOutline(lines).map(shape), [
      ['session', 1, 9, [['transaction', 2, 9, []]]],
      ['session', 11, 16, [['transaction', 11, 16, []]]],
    ]);
  });

  it("keeps the session Sendmail -v relays in its 050 lines inside the submission's transaction", () => {
    const lines = [
      '220 client.example.org ESMTP Sendmail',
      '>>> MAIL From:<a@example.org>',
      '250 2.1.0 Sender ok',
      '>>> DATA',
      '354 Enter mail',
      '>>> .',
      '050 <b@example.net>... Connecting to mx.example.net. via esmtp...',
      '050 220 mx.example.net ESMTP',
      '050 >>> QUIT',
      '050 221 2.0.0 Bye',
      '250 2.0.0 Message accepted for delivery',
    ];
    assert.deepEqual(transcriptOutline(lines).map(shape), [['session', 0, 10, [['transaction', 1, 10, []]]]]);
  });
});

describe('bounce outline', () => {
  it('finds recipient blocks in a report without MIME labels', () => {
    const lines = ['Reporting-MTA: dns; mx.example.net', '', 'Final-Recipient: rfc822; b@example.net', 'Action: failed', 'Status: 5.1.1', '', 'Body text'];
    const nodes = dsnOutline(lines);
    assert.deepEqual(nodes.map(shape), [['message-fields', 0, 0, []], ['recipient', 2, 4, []]]);
    assert.equal(nodes[1]!.name, 'Recipient b@example.net');
    assert.equal(nodes[1]!.detail, 'failed 5.1.1');
  });

  it('keeps folded field lines inside their block', () => {
    const lines = ['Final-Recipient: rfc822;', '    b@example.net', 'Diagnostic-Code: smtp; 550 5.1.1 user', '    unknown', '', 'Final-Recipient: rfc822; c@example.net'];
    const nodes = dsnOutline(lines);
    assert.deepEqual(nodes.map(shape), [['recipient', 0, 3, []], ['recipient', 5, 5, []]]);
    assert.equal(nodes[0]!.name, 'Recipient b@example.net');
  });
});
