// The Model Context Protocol adapter: `smtp-status mcp` and dist/mcp.js serve the core's
// tools over stdio to AI assistants. Read-only: tools read the files they are given, under
// the client's roots, and nothing else; no network.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { RootsListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { Roots } from './roots';
import {
  checkOutput, checkTool, classifyOutput, classifyShape, classifyTool, explainOutput, explainShape, explainTool, inputShape, providerOutput, providerShape, providerTool, reportOutput,
  reportShape, reportTool, scanOutput, scanTool, traceOutput, traceShape, traceTool,
} from './tools';

const VERSION = '0.1.0';
const READ_ONLY = { readOnlyHint: true, openWorldHint: false } as const;

/** Each tool's title and the description that tells a model when to use it. */
const WORDS = {
  explain: {
    title: 'Explain SMTP status codes',
    description: 'Explains SMTP reply codes (550), enhanced status codes (5.1.1) or pairs (550 5.1.1): what happened, whether a retry '
      + 'helps, who must act, the registry title, RFC sections and what providers such as Microsoft 365 or Gmail mean by them. '
      + 'Use it instead of recalling code meanings from memory.',
  },
  scan: {
    title: 'Find SMTP status codes in a mail log, transcript, bounce or config',
    description: 'Lists every SMTP reply and enhanced status code in a file or text with its line, column and context '
      + '(Postfix said:, dsn=, transcript reply, DSN Status: ...). IPs, ports, dates, sizes and ids are never reported as codes.',
  },
  check: {
    title: 'Check SMTP status codes for problems',
    description: 'Reports malformed codes and contradictions (550 4.1.1, 5.01.1, a DSN Action that contradicts its Status, a reply '
      + 'that does not answer its command) in a mail log, SMTP transcript, bounce or mail-server config, with RFC references.',
  },
  lookup_provider: {
    title: "What a mail provider means by a code",
    description: 'What a mail provider (Microsoft 365, Gmail, ...) means when it answers with an enhanced status code, with the '
      + 'source page of that meaning. Use it when a bounce or log names a provider and you need its own reading of the code.',
  },
  classify: {
    title: 'Why each delivery failed',
    description: 'One verdict per failed or deferred delivery in a mail log, bounce message, SMTP transcript or ESP event JSON: the '
      + 'reason (Sisimai names: userunknown, mailboxfull, blocked, spamdetected, ...), hard or soft, the provider that answered '
      + '(from its host and reply text), whether a retry helps and who must act. Use it to answer why mail bounced.',
  },
  trace: {
    title: 'Follow one message through a mail log',
    description: 'Every log line of one message (Postfix queue id, Exim id, Sendmail or OpenSMTPD id, or Message-ID), through content '
      + 'filter and relay hops and its bounce, with a one-line outcome per recipient (sent, deferred, bounced with code and reason). '
      + 'Use it when asked what happened to a particular message, like exigrep.',
  },
  report: {
    title: 'Deliverability report of a mail log',
    description: 'Summarises a mail log like pflogsumm, with verdicts: messages and recipients by outcome, failures by reason '
      + '(userunknown, mailboxfull, blocked, ...), by provider and by recipient domain, deferral delays, top reply texts, activity '
      + 'over time. Use it when asked why mail is bouncing or which providers refuse it.',
  },
} as const;

export function createMcpServer(roots: Roots): McpServer {
  const server = new McpServer({ name: 'smtp-status', version: VERSION });
  server.registerTool('explain', { ...WORDS.explain, inputSchema: explainShape, outputSchema: explainOutput, annotations: READ_ONLY }, (args) => explainTool(args));
  server.registerTool('scan', { ...WORDS.scan, inputSchema: inputShape, outputSchema: scanOutput, annotations: READ_ONLY }, (args) => scanTool(args, roots));
  server.registerTool('check', { ...WORDS.check, inputSchema: inputShape, outputSchema: checkOutput, annotations: READ_ONLY }, (args) => checkTool(args, roots));
  server.registerTool('lookup_provider', { ...WORDS.lookup_provider, inputSchema: providerShape, outputSchema: providerOutput, annotations: READ_ONLY }, (args) => providerTool(args));
  server.registerTool('classify', { ...WORDS.classify, inputSchema: classifyShape, outputSchema: classifyOutput, annotations: READ_ONLY }, (args) => classifyTool(args, roots));
  server.registerTool('trace', { ...WORDS.trace, inputSchema: traceShape, outputSchema: traceOutput, annotations: READ_ONLY }, (args) => traceTool(args, roots));
  server.registerTool('report', { ...WORDS.report, inputSchema: reportShape, outputSchema: reportOutput, annotations: READ_ONLY }, (args) => reportTool(args, roots));
  followClientRoots(server, roots);
  return server;
}

/** Takes the client's roots when it declares the capability, and again whenever they change. */
function followClientRoots(server: McpServer, roots: Roots): void {
  const refresh = async (): Promise<void> => {
    if (server.server.getClientCapabilities()?.roots === undefined) return;
    try {
      const answer = await server.server.listRoots();
      roots.setDeclared(answer.roots.map((root) => root.uri));
    } catch {
      // A client that declares roots but cannot list them keeps the start-up roots.
    }
  };
  server.server.oninitialized = () => { roots.whenReady(refresh()); };
  server.server.setNotificationHandler(RootsListChangedNotificationSchema, () => { roots.whenReady(refresh()); });
}

/** Serves over stdio until the client closes the connection. */
export async function serveStdio(fallbackRoots: readonly string[]): Promise<void> {
  const server = createMcpServer(new Roots(fallbackRoots));
  await server.connect(new StdioServerTransport());
}
