// `smtp-status mcp [--root DIR]...`: the options, then the server over stdio. Roots given here
// apply until the client declares its own; with none, the folder the server starts in.
import path from 'node:path';
import { serveStdio } from './server';

export const MCP_USAGE = 'Usage: smtp-status mcp [--root DIR]...';

export async function runMcp(args: readonly string[], err: { write(text: string): unknown }): Promise<number> {
  const roots: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.split(/=(.*)/s);
    if (flag !== '--root') {
      err.write(`smtp-status mcp: unknown option '${arg}'\n${MCP_USAGE}\n`);
      return 2;
    }
    const value = inline ?? args[++i];
    if (value === undefined || value === '') {
      err.write(`smtp-status mcp: --root needs a folder\n${MCP_USAGE}\n`);
      return 2;
    }
    roots.push(path.resolve(value));
  }
  await serveStdio(roots.length > 0 ? roots : [process.cwd()]);
  return 0;
}
