// A crashed server is restarted and the user is told why.
import * as assert from 'node:assert/strict';
import { api, eventually, hoverText, open, positionOf } from './helpers';

describe('resilience', () => {
  it('restarts a killed server, names the reason, and hovers work again', async () => {
    const extensionApi = await api();
    const document = await open('mail.log');
    const pid = extensionApi.serverPid();
    assert.ok(pid !== undefined);
    process.kill(pid, 'SIGKILL');
    const restarted = await eventually('a restarted server', () => {
      const next = extensionApi.serverPid();
      return next !== undefined && next !== pid ? next : undefined;
    });
    assert.notEqual(restarted, pid);
    const message = extensionApi.crashMessages().at(-1) ?? '';
    assert.match(message, /killed by signal SIGKILL/);
    assert.match(message, /restarting it \(attempt 1 of 3\)/);
    const text = await hoverText(document.uri, positionOf(document, 'said: 550 5.1.1', 'said: 550 '.length + 1));
    assert.match(text, /Bad destination mailbox address/);
  });
});
