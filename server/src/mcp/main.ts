// dist/mcp.js: the MCP server on its own, as `smtp-status mcp` runs it.
import { runMcp } from './command';

runMcp(process.argv.slice(2), process.stderr).then(
  (code) => { if (code !== 0) process.exitCode = code; },
  (error: unknown) => {
    process.stderr.write(`smtp-status mcp: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
