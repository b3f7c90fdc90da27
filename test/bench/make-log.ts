// Writes a generated mail log to standard output, e.g. for a demo:
//   node out/test/bench/make-log.js 50000000 1 > demo.log
import { generateMailLog } from './generate-log';

const bytes = Number(process.argv[2] ?? 5_000_000);
const seed = Number(process.argv[3] ?? 1);
if (!Number.isSafeInteger(bytes) || bytes < 0 || !Number.isSafeInteger(seed)) {
  process.stderr.write('usage: make-log.js [BYTES] [SEED]\n');
  process.exitCode = 2;
} else {
  process.stdout.write(generateMailLog({ seed, bytes }));
}
