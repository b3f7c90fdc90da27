// Preloaded into a server by `npm run bench -- --profile` (NODE_OPTIONS=--require, since Node
// refuses --cpu-prof there): records a CPU profile of the whole process and writes it to
// $SMTP_STATUS_BENCH_PROFILE_DIR when the process exits. Open it in Chrome DevTools.
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const dir = process.env['SMTP_STATUS_BENCH_PROFILE_DIR'];
if (dir !== undefined) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.start');
  // An in-process inspector session answers synchronously, so this completes before exit.
  process.on('exit', () => {
    session.post('Profiler.stop', (error, result) => {
      if (error !== null) return;
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `server-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
