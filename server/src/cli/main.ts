// `smtp-status` command line: explain, scan, check, classify, trace and report over the same core as the server.
import { runExplain } from './explain';
import { runScan } from './scan';
import { runCheck } from './check';
import { runClassify } from './classify';
import { runMcp } from '../mcp/command';
import { runReport } from './report';
import { runTrace } from './trace';
import { USAGE, type CliIo, nodeIo } from './io';

type Command = (args: string[], io: CliIo) => number | Promise<number>;

const commands: Record<string, Command> = {
  explain: runExplain,
  scan: runScan,
  check: runCheck,
  classify: runClassify,
  mcp: (args) => runMcp(args, process.stderr),
  trace: runTrace,
  report: runReport,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    nodeIo.out(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (!command) {
    nodeIo.err(`smtp-status: unknown command '${name}'\n\n${USAGE}`);
    return 2;
  }
  return command(args, nodeIo);
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    nodeIo.err(`smtp-status: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
