// `smtp-status scan` and `check`: output formats, exit codes and odd input, run in-process
// with fixture files, plus one run of the built bundle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { gzipSync } from 'node:zlib';
import { runCheck } from '../../server/src/cli/check';
import { runScan, type ScanRecord } from '../../server/src/cli/scan';
import { runCli } from './cli-run';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'engine');
const file = (name: string): string => path.join(FIXTURES, name);

const run = runCli;

test('scan lists every code with 1-based positions and its context', async () => {
  const { code, out } = await run(runScan, [file('mail.log')]);
  assert.equal(code, 0);
  const lines = out.trim().split('\n');
  assert.ok(lines.includes(`${file('mail.log')}:2:92: reply 554 [postfix-reject]`), out);
  assert.ok(lines.every((l) => !/10\.5\.1\.1|2\.5\.1|\[550\]/.test(l.split(': ').slice(1).join(': '))), 'no IP, version or PID');
});

test('scan --format json', async () => {
  const { code, out } = await run(runScan, ['--format', 'json', file('session.smtp')]);
  assert.equal(code, 0);
  const records = JSON.parse(out) as ScanRecord[];
  const first = records[0]!;
  assert.deepEqual(first, { file: file('session.smtp'), line: 1, column: 4, endColumn: 7, kind: 'reply', code: '220', context: 'transcript-reply' });
  const text = fs.readFileSync(file('session.smtp'), 'utf8').split('\n');
  for (const r of records) assert.equal(text[r.line - 1]!.slice(r.column - 1, r.endColumn - 1), r.code);
  assert.ok(!records.some((r) => r.line === 16), 'message content is not a reply');
});

test('scan --kind overrides the detected kind', async () => {
  // Read as a log, the message content `C: Subject: test 550 5.1.1` holds a pair.
  const lines = async (args: string[]): Promise<number[]> => (JSON.parse((await run(runScan, args)).out) as ScanRecord[]).map((r) => r.line);
  assert.ok((await lines(['--format=json', '--kind', 'log', file('session.smtp')])).includes(16));
  assert.ok(!(await lines(['--format=json', file('session.smtp')])).includes(16));
});

test('check prints file:line:col: severity: message [rule] and exits 1 on errors', async () => {
  const { code, out } = await run(runCheck, [file('bad.log')]);
  assert.equal(code, 1);
  assert.match(out, new RegExp(`^${file('bad.log').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:\\d+: error: .+ \\[enhanced-syntax\\]$`, 'm'));
  assert.match(out, /: error: Reply 550 .+ \[class-mismatch\]$/m);
});

test('check exits 0 on valid files and prints nothing', async () => {
  for (const name of ['mail.log', 'session.smtp', 'bounce.eml', 'access']) {
    const { code, out } = await run(runCheck, [file(name)]);
    assert.equal(code, 0, name);
    assert.ok(!/: (error|warning):/.test(out), `${name}: ${out}`);
  }
});

test('check --format json', async () => {
  const { code, out } = await run(runCheck, ['--format', 'json', file('broken.smtp')]);
  assert.equal(code, 1);
  const records = JSON.parse(out) as { file: string; line: number; column: number; severity: string; rule: string; message: string }[];
  const rules = records.map((r) => `${r.line}:${r.rule}`);
  for (const expected of ['8:class-mismatch', '10:unexpected-reply', '15:multiline-mismatch', '16:multiline-mismatch']) {
    assert.ok(rules.includes(expected), `${expected} in ${rules.join(' ')}`);
  }
  assert.ok(records.every((r) => r.file === file('broken.smtp') && r.column >= 1 && r.message.length > 0));
});

test('check --format sarif is SARIF 2.1.0 as code scanning reads it', async () => {
  const { code, out } = await run(runCheck, ['--format', 'sarif', file('bad.log')]);
  assert.equal(code, 1);
  const sarif = JSON.parse(out) as {
    version: string;
    runs: { tool: { driver: { name: string; rules: { id: string; helpUri: string; shortDescription: { text: string } }[] } };
      results: { ruleId: string; ruleIndex: number; level: string; message: { text: string };
        locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endColumn: number } } }[] }[] }[];
  };
  assert.equal(sarif.version, '2.1.0');
  const [runResult] = sarif.runs;
  const rules = runResult!.tool.driver.rules;
  assert.equal(rules.length, 11);
  assert.ok(rules.every((r) => r.helpUri.startsWith('https://') && r.shortDescription.text.length > 0));
  assert.ok(runResult!.results.length >= 2);
  for (const result of runResult!.results) {
    assert.equal(rules[result.ruleIndex]!.id, result.ruleId);
    assert.ok(['error', 'warning', 'note'].includes(result.level));
    const location = result.locations[0]!.physicalLocation;
    assert.equal(location.artifactLocation.uri, `file://${file('bad.log')}`);
    assert.equal(location.region.startLine, 1);
    assert.ok(location.region.endColumn > location.region.startColumn);
  }
});

test('SARIF keeps a relative path relative', async () => {
  const relative = path.relative(process.cwd(), file('bad.log'));
  const sarif = JSON.parse((await run(runCheck, ['--format', 'sarif', relative])).out) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
  assert.equal(sarif.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri, relative.split(path.sep).join('/'));
});

test('- reads standard input', async () => {
  const { code, out } = await run(runCheck, ['-'], 'Final-Recipient: rfc822; a@b.example\nAction: failed\nStatus: 5.01.1\n');
  assert.equal(code, 1);
  assert.match(out, /^<stdin>:3:9: error: .+\[enhanced-syntax\]$/m);
});

test('usage errors and unreadable files exit 2 and say why', async () => {
  const missing = path.join(FIXTURES, 'no-such-file.log');
  const unreadable = await run(runCheck, [missing, file('mail.log')]);
  assert.equal(unreadable.code, 2);
  assert.match(unreadable.err, /cannot read .*no-such-file\.log/);
  for (const args of [[], ['--format', 'xml', file('mail.log')], ['--kind', 'mbox', file('mail.log')], ['--bogus', file('mail.log')], ['--format']]) {
    for (const command of [runScan, runCheck]) {
      const result = await run(command, args);
      assert.equal(result.code, 2, JSON.stringify(args));
      assert.ok(result.err.length > 0);
    }
  }
  assert.equal((await run(runScan, ['--format', 'sarif', file('mail.log')])).code, 2, 'scan has no SARIF');
});

test('binary and invalid UTF-8 are read gracefully', async () => {
  const { code, out } = await run(runScan, ['--format', 'json', file('binary.log')]);
  assert.equal(code, 0);
  assert.deepEqual((JSON.parse(out) as ScanRecord[]).map((r) => r.code), ['550', '5.1.1']);
});

test('the built CLI runs as a program', async () => {
  const cli = path.join(ROOT, 'dist', 'cli.js');
  assert.ok(fs.existsSync(cli), 'dist/cli.js exists (node build.mjs runs before the tests)');
  const result = spawnSync(process.execPath, [cli, 'check', '--format', 'json', file('bad.log')], { encoding: 'utf8' });
  assert.equal(result.status, 1, result.stderr);
  assert.ok((JSON.parse(result.stdout) as unknown[]).length >= 2);
  const scan = spawnSync(process.execPath, [cli, 'scan', '-'], { input: 'S: 250 2.0.0 Ok\n', encoding: 'utf8' });
  assert.equal(scan.status, 0, scan.stderr);
  assert.equal(scan.stdout, '<stdin>:1:4: reply 250 [transcript-reply]\n<stdin>:1:8: enhanced 2.0.0 [transcript-reply]\n');
});

test('the CLI reads what the editor reads: a pasted session on stdin and ESP JSON by content', async () => {
  const session = '220 mx.example.net ESMTP\nEHLO a.example.org\n250 mx.example.net\nRCPT TO:<b@example.net>\n550 4.1.1 unknown\n';
  const fromStdin = await run(runCheck, ['-'], session);
  assert.match(fromStdin.out, /^<stdin>:5:5: error: Reply 550 is a permanent failure .*\[class-mismatch\]$/m, 'read as a transcript, where the reply is checked strictly');
  const events = '{"event":"failed","delivery-status":{"code":552,"message":"5.2.2 mailbox full"}}\n';
  const json = await run(runScan, ['-'], events);
  assert.deepEqual(json.out.trim().split('\n').map((l) => l.split(': ')[1]), ['reply 552 [esp-event]', 'enhanced 5.2.2 [esp-event]']);
});

test('several files, .gz among them, are read in the order given', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-status-cli-'));
  try {
    const rotated = path.join(dir, 'mail.log.2.gz');
    fs.writeFileSync(rotated, gzipSync(fs.readFileSync(file('bad.log'))));
    const { code, out } = await run(runCheck, ['--format', 'ndjson', rotated, file('mail.log'), file('bad.log')]);
    assert.equal(code, 1);
    const records = out.trim().split('\n').map((line) => JSON.parse(line) as { file: string; line: number });
    const files = [...new Set(records.map((r) => r.file))];
    assert.deepEqual(files, [rotated, file('bad.log')], 'the .gz first, its problems as in the plain file');
    const ofFile = (name: string): unknown[] => records.filter((r) => r.file === name).map(({ file: _, ...rest }) => rest);
    assert.deepEqual(ofFile(rotated), ofFile(file('bad.log')));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a truncated .gz: the problems of the lines read, then a clear error and exit 2', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-status-cli-'));
  try {
    const faulty = 'Mar  4 10:00:00 mx postfix/smtp[1]: 4BC: to=<a@example.net>, dsn=5.1.1, status=bounced (host mx.example.net[192.0.2.1] said: 550 4.1.1 unknown (in reply to RCPT TO command))\n';
    const gz = gzipSync(Buffer.from(faulty.repeat(20_000)));
    const truncated = path.join(dir, 'mail.log.3.gz');
    fs.writeFileSync(truncated, gz.subarray(0, gz.length - 200));
    const { code, out, err } = await run(runCheck, ['--format', 'ndjson', truncated]);
    assert.equal(code, 2);
    assert.match(err, /mail\.log\.3\.gz: truncated gzip data \(the file ends early\); stopped after line \d+/);
    const linesRead = Number(/stopped after line (\d+)/.exec(err)![1]);
    assert.equal(out.trim().split('\n').length, linesRead, 'one problem per line read');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('ndjson arrives line by line on a slow pipe, before the input ends', async () => {
  const cli = path.join(ROOT, 'dist', 'cli.js');
  const child = spawn(process.execPath, [cli, 'check', '--format', 'ndjson', '-'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const faulty = (n: number): string => `Mar  4 10:00:0${n} mx postfix/smtp[1]: 4BC${n}: to=<a@example.net>, status=bounced (host mx.example.net[192.0.2.1] said: 550 4.1.${n} unknown (in reply to RCPT TO command))\n`;
  try {
    for (const n of [1, 2, 3]) {
      child.stdin!.write(faulty(n));
      const next = await lines.next();
      const record = JSON.parse(next.value as string) as { line: number; rule: string };
      assert.deepEqual([record.line, record.rule], [n, 'class-mismatch'], 'each line is reported while stdin stays open');
    }
  } finally {
    child.stdin!.end();
  }
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(code, 1);
});
