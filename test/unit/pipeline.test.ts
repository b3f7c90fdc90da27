// The log-pipeline example in test/fixtures/pipeline/vector.toml works as written: its command,
// run against a log that grows while it runs, writes one JSON event per line as each problem
// line arrives, with the fields the example's filter reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = path.resolve(__dirname, '..', '..', '..');

test('the Vector exec source command reports a growing log line by line as NDJSON', async () => {
  const config = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'pipeline', 'vector.toml'), 'utf8');
  const command = JSON.parse(/^command = (\[.*\])$/m.exec(config)![1]!) as string[];
  assert.equal(/^decoding\.codec = "json"$/m.test(config), true);
  assert.equal(/^mode = "streaming"$/m.test(config), true);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-status-pipeline-'));
  const log = path.join(dir, 'mail.log');
  fs.writeFileSync(log, 'Mar  4 09:59:59 mx postfix/smtp[1]: OLD: status=bounced (host x[192.0.2.1] said: 550 4.1.1 old line (in reply to RCPT TO command))\n');
  const cli = `${JSON.stringify(process.execPath)} ${JSON.stringify(path.join(ROOT, 'dist', 'cli.js'))}`;
  const script = command[2]!.replace('/var/log/mail.log', JSON.stringify(log)).replace('smtp-status ', `${cli} `);
  const child = spawn(command[0]!, [command[1]!, script], { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  const events = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  try {
    await new Promise((resolve) => setTimeout(resolve, 500));  // tail -n 0 starts at the end: the old line is not reported
    for (const n of [1, 2]) {
      fs.appendFileSync(log, `Mar  4 10:00:0${n} mx postfix/smtp[1]: ID${n}: to=<a@example.net>, status=bounced (host mx.example.net[192.0.2.1] said: 550 4.1.${n} no (in reply to RCPT TO command))\n`);
      const event = JSON.parse((await events.next()).value as string) as Record<string, unknown>;
      assert.deepEqual(Object.keys(event).sort(), ['column', 'endColumn', 'file', 'href', 'line', 'message', 'rule', 'severity']);
      assert.equal(event['severity'], 'error');
      assert.equal(event['rule'], 'class-mismatch');
      assert.match(String(event['message']), new RegExp(`4\\.1\\.${n}`));
    }
  } finally {
    process.kill(-child.pid!);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
