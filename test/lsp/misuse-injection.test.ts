// A crafted document cannot inject links, commands or HTML into what the server renders as
// Markdown (hover, explain): text from the document is escaped, and every link in the
// rendered Markdown points to an https reference (RFC or registry).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver/node';
import { HANG_GUARD_MS, assertHealthy, sharedProbeServer } from './health';

const PAYLOAD = '[x](command:workbench.action.openSettings) <img src=x onerror=alert(1)> <a href="command:y">y</a> ![i](https://evil.example/i.png) <command:z> javascript:alert(1)';

/** The targets of every Markdown link, image and autolink in `markdown`. */
function linkTargets(markdown: string): string[] {
  // An escaped bracket (`\]`) does not close a link text, so only unescaped `](` counts.
  const inline = [...markdown.matchAll(/(?<!\\)\]\(\s*<?([^)\s>]*)/g)].map((m) => m[1]!);
  const auto = [...markdown.matchAll(/(?<!\\)<([a-z][a-z0-9+.-]*:[^>\s]*)>/gi)].map((m) => m[1]!);
  const reference = [...markdown.matchAll(/^\s*\[[^\]]*\]:\s*(\S+)/gm)].map((m) => m[1]!);
  return [...inline, ...auto, ...reference];
}

function assertSafeMarkdown(markdown: string, what: string): void {
  for (const target of linkTargets(markdown)) assert.match(target, /^https:\/\//, `${what}: link to ${target}`);
  assert.doesNotMatch(markdown, /(?<!\\)<\s*(img|a|script|iframe|svg|style)\b/i, `${what}: raw HTML from the document`);
  assert.doesNotMatch(markdown, /(?<!\\)\]\(\s*command:/i, `${what}: command link`);
}

describe('no injection through rendered Markdown', { timeout: HANG_GUARD_MS }, () => {
  const server = sharedProbeServer();

  it('the link checker sees links, images, autolinks and raw HTML', () => {
    assert.deepEqual(linkTargets('[a](command:x) ![b](http://y) <command:z> \\[c\\]\\(command:w\\)\n[r]: file:///etc'), ['command:x', 'http://y', 'command:z', 'file:///etc']);
    assert.throws(() => assertSafeMarkdown('<img src=x>', 'probe'));
    assert.doesNotThrow(() => assertSafeMarkdown('\\<img src=x\\> [RFC 3463](https://www.rfc-editor.org/rfc/rfc3463)', 'probe'));
  });

  for (const [name, uri, languageId, line] of [
    ['a log line', 'file:///robustness/inject/mail.log', 'mail-log', `host x said: 550 5.1.1 ${PAYLOAD}`],
    ['a transcript reply', 'file:///robustness/inject/session.smtp', 'smtp-transcript', `S: 550 5.1.1 ${PAYLOAD}`],
    ['a mismatched pair', 'file:///robustness/inject/mismatch.log', 'mail-log', `host x said: 550 4.1.1 ${PAYLOAD}`],
    ['a DSN diagnostic', 'file:///robustness/inject/bounce.eml', 'mail-dsn', `Diagnostic-Code: smtp; 550 5.1.1 ${PAYLOAD}`],
  ] as const) {
    it(`hovers on codes in ${name} carrying links, commands and HTML`, async () => {
      const client = server();
      client.open(uri, languageId, `${line}\n`);
      await client.waitForDiagnostics(uri);
      let hovered = 0;
      for (const code of ['550', '5.1.1', '4.1.1']) {
        const character = line.indexOf(code);
        if (character < 0) continue;
        const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: character + 1 } });
        assert.ok(hover, `a hover on ${code}`);
        const contents = hover.contents as MarkupContent;
        assert.equal(contents.kind, 'markdown');
        assertSafeMarkdown(contents.value, `hover on ${code} in ${name}`);
        hovered += 1;
      }
      assert.ok(hovered >= 2);
      await assertHealthy(client);
    });
  }

  it('explain answers never echo an unparsed code into Markdown', async () => {
    const client = server();
    for (const code of ['550 5.1.1', '5.7.606', '550-5.1.1']) {
      const { markdown } = await client.request<{ markdown: string }>('smtpStatus/explain', { code });
      assertSafeMarkdown(markdown, `explain ${code}`);
    }
    await assert.rejects(client.request('smtpStatus/explain', { code: PAYLOAD }));
  });
});
