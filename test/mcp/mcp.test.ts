// `smtp-status mcp`: the built server started as a child process, spoken to over stdio by the
// MCP SDK's own client, as an assistant would: list the tools, call each, and check that
// paths outside the roots and malformed arguments are refused with a clear error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ListRootsRequestSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const DEMO = path.join(ROOT, 'test', 'fixtures', 'demo');

async function connect(args: string[], roots?: string[]): Promise<Client> {
  const client = new Client({ name: 'smtp-status-test', version: '1.0.0' }, roots === undefined ? {} : { capabilities: { roots: { listChanged: true } } });
  if (roots !== undefined) {
    client.setRequestHandler(ListRootsRequestSchema, () => ({ roots: roots.map((dir) => ({ uri: pathToFileURL(dir).href, name: path.basename(dir) })) }));
  }
  await client.connect(new StdioClientTransport({ command: process.execPath, args, stderr: 'pipe' }));
  return client;
}

async function call(client: Client, name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

function text(result: CallToolResult): string {
  return result.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n');
}

let client: Client;
let outside: string;

before(async () => {
  client = await connect([path.join(ROOT, 'dist', 'mcp.js'), '--root', DEMO]);
  outside = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-mcp-outside-'));
  fs.writeFileSync(path.join(outside, 'secret.log'), 'Jan  1 00:00:00 mx postfix/smtp[1]: said: 550 5.1.1 nobody\n');
});

after(async () => {
  await client.close();
  fs.rmSync(outside, { recursive: true, force: true });
});

test('lists its tools, each with a JSON schema for its input and its output', async () => {
  const { tools } = await client.listTools();
  const names = tools.map((t) => t.name).sort();
  assert.deepEqual(names, ['check', 'classify', 'explain', 'lookup_provider', 'report', 'scan', 'trace']);
  for (const tool of tools) {
    assert.equal(tool.inputSchema.type, 'object');
    assert.ok(tool.outputSchema, `${tool.name} declares its output`);
    assert.ok((tool.description ?? '').length > 60, `${tool.name} tells the model when to use it`);
    assert.equal(tool.annotations?.readOnlyHint, true);
  }
  const scan = tools.find((t) => t.name === 'scan')!;
  assert.deepEqual(Object.keys(scan.inputSchema.properties ?? {}).sort(), ['kind', 'maxResults', 'path', 'text']);
});

test('explain answers a pair with its meaning, and a malformed code with the rule it breaks', async () => {
  const result = await call(client, 'explain', { codes: ['550 5.1.1', '5.01.1'] });
  assert.notEqual(result.isError, true);
  const structured = result.structuredContent as { explanations: { code: string; headline: string }[]; errors: { code: string; error: string }[] };
  assert.equal(structured.explanations[0]!.code, '550 5.1.1');
  assert.match(structured.explanations[0]!.headline, /mailbox/i);
  assert.equal(structured.errors[0]!.code, '5.01.1');
  assert.match(structured.errors[0]!.error, /leading zero/i);
  assert.match(text(result), /Bad destination mailbox address/);
});

test('scan reads a log under the root and reports codes, not IPs or PIDs', async () => {
  const result = await call(client, 'scan', { path: 'mail.log' });
  assert.notEqual(result.isError, true, text(result));
  const structured = result.structuredContent as { kind: string; total: number; findings: { line: number; code: string; context: string }[] };
  assert.equal(structured.kind, 'log');
  assert.ok(structured.total > 0);
  assert.ok(structured.findings.some((f) => f.code === '5.1.1'), text(result));
  for (const f of structured.findings) assert.match(f.code, /^\d{3}$|^\d\.\d{1,3}\.\d{1,3}$/);
});

test('check reports a contradiction in pasted text, with the rule and a line number', async () => {
  const session = 'S: 220 mx.example.com ESMTP\nC: RCPT TO:<a@example.com>\nS: 550 4.1.1 no such user\n';
  const result = await call(client, 'check', { text: session, kind: 'transcript' });
  const structured = result.structuredContent as { counts: { error: number }; problems: { line: number; rule: string; message: string }[] };
  assert.equal(structured.counts.error, 1);
  assert.equal(structured.problems[0]!.rule, 'class-mismatch');
  assert.equal(structured.problems[0]!.line, 3);
  assert.match(text(result), /1 error/);
});

test('maxResults cuts the list, not the totals', async () => {
  const result = await call(client, 'scan', { path: 'mail.log', maxResults: 1 });
  const structured = result.structuredContent as { total: number; truncated: boolean; findings: unknown[] };
  assert.equal(structured.findings.length, 1);
  assert.ok(structured.total > 1 && structured.truncated);
});

test('lookup_provider gives a provider meaning with its source page, date and standing', async () => {
  const result = await call(client, 'lookup_provider', { code: '5.7.606' });
  const structured = result.structuredContent as { meanings: { provider: string; meaning: string; source: { url: string; read: string; official: boolean } }[] };
  const microsoft = structured.meanings.find((m) => m.provider === 'microsoft');
  assert.ok(microsoft, text(result));
  assert.match(microsoft.source.url, /^https:\/\//);
  assert.match(microsoft.source.read, /^\d{4}-\d\d-\d\d$/);
  assert.equal(microsoft.source.official, true);
  const token = await call(client, 'lookup_provider', { code: '[TSS04]' });
  assert.notEqual(token.isError, true, text(token));
  const yahoo = (token.structuredContent as { meanings: { provider: string; reason?: string }[] }).meanings[0];
  assert.equal(yahoo?.provider, 'yahoo');
  assert.match(text(token), /Source: .*https:\/\/.*read \d{4}-\d\d-\d\d/);
});

test('trace follows a message through its content-filter hop, and redacts on request', async () => {
  const result = await call(client, 'trace', { id: '4R1bBc2DfGz9xYq', path: 'trace/postfix.log' });
  assert.notEqual(result.isError, true, text(result));
  const structured = result.structuredContent as { messages: { summary: string; lines: { line: number; text: string }[] }[] };
  assert.match(structured.messages[0]!.summary, /2 recipients: 1 sent, 1 bounced 5\.1\.1 userunknown/);
  assert.ok(structured.messages[0]!.lines.length >= 4);
  const log = fs.readFileSync(path.join(DEMO, 'trace', 'postfix.log'), 'utf8');
  const locals = [...log.matchAll(/to=<([^@>]+)@/g)].map((m) => m[1]!);
  assert.ok(locals.length > 0);
  const redacted = text(await call(client, 'trace', { id: '4R1bBc2DfGz9xYq', path: 'trace/postfix.log', redact: true }));
  for (const local of locals) assert.doesNotMatch(redacted, new RegExp(`<${local}@`), `${local} is hidden`);
  const missing = await call(client, 'trace', { id: 'NOSUCHID1234', path: 'trace/postfix.log' });
  assert.equal(missing.isError, true);
  assert.match(text(missing), /No message named NOSUCHID1234/);
});

test('classify gives each failure its reason, hard or soft, and who acts', async () => {
  const result = await call(client, 'classify', { path: 'mail.log' });
  assert.notEqual(result.isError, true, text(result));
  const structured = result.structuredContent as { total: number; failures: { line: number; reason: string; bounce: string; whoActs: string }[] };
  assert.ok(structured.total > 0);
  const unknown = structured.failures.find((f) => f.reason === 'userunknown');
  assert.ok(unknown, text(result));
  assert.equal(unknown.bounce, 'hard');
  assert.match(text(result), /userunknown \(hard\)/);
});

test('report gives the deliverability report of a log with reasons', async () => {
  const result = await call(client, 'report', { path: 'trace/postfix.log', format: 'markdown' });
  assert.notEqual(result.isError, true, text(result));
  assert.match(text(result), /userunknown/);
  assert.match(text(result), /line \d+/);
});

test('a path outside the roots is refused, also through a symbolic link', async () => {
  const direct = await call(client, 'scan', { path: path.join(outside, 'secret.log') });
  assert.equal(direct.isError, true);
  assert.match(text(direct), /outside the allowed roots/);
  const link = path.join(DEMO, 'link-to-outside.log');
  fs.symlinkSync(path.join(outside, 'secret.log'), link);
  try {
    const linked = await call(client, 'check', { path: 'link-to-outside.log' });
    assert.equal(linked.isError, true);
    assert.match(text(linked), /outside the allowed roots/);
  } finally {
    fs.rmSync(link);
  }
  const escape = await call(client, 'scan', { path: '../../../../etc/hostname' });
  assert.equal(escape.isError, true);
});

test('malformed arguments are refused with a message naming the argument', async () => {
  const wrongType = await call(client, 'explain', { codes: '550' });
  assert.equal(wrongType.isError, true);
  assert.match(text(wrongType), /codes/);
  const both = await call(client, 'scan', { path: 'mail.log', text: '550 5.1.1' });
  assert.equal(both.isError, true);
  assert.match(text(both), /either path or text/);
  const badCode = await call(client, 'lookup_provider', { code: 5 });
  assert.equal(badCode.isError, true);
  assert.match(text(badCode), /code/);
});

test("the client's declared roots replace the start-up ones", async () => {
  const own = await connect([path.join(ROOT, 'dist', 'cli.js'), 'mcp', '--root', DEMO], [outside]);
  try {
    const inside = await call(own, 'scan', { path: path.join(outside, 'secret.log') });
    assert.notEqual(inside.isError, true, text(inside));
    assert.equal((inside.structuredContent as { total: number }).total, 2);
    const demo = await call(own, 'scan', { path: path.join(DEMO, 'mail.log') });
    assert.equal(demo.isError, true);
  } finally {
    await own.close();
  }
});
