// Starts the language server as a Node child process talking over Node IPC, and remembers
// how it ended so that a crash can be explained to the user in plain words.
import { ChildProcess, fork } from 'node:child_process';
import { IPCMessageReader, IPCMessageWriter, MessageTransports } from 'vscode-languageclient/node';

/** Lines of the server's stderr kept for crash reports. */
const STDERR_LINES = 20;

export class ServerProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<string> | undefined;
  private stderrTail: string[] = [];

  constructor(
    private readonly modulePath: string,
    private readonly log: (line: string) => void,
  ) {}

  get pid(): number | undefined {
    return this.child?.exitCode === null && this.child.signalCode === null ? this.child.pid : undefined;
  }

  /** Used as the LanguageClient's server options: one fresh process per (re)start. */
  start(): Promise<MessageTransports> {
    this.stderrTail = [];
    const child = fork(this.modulePath, ['--node-ipc'], {
      silent: true,
      // In desktop VS Code `process.execPath` is Electron: make it behave as plain Node.
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      execArgv: [],
    });
    this.child = child;
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      for (const line of chunk.split(/\r?\n/)) {
        if (line.trim() === '') continue;
        this.log(`[server stderr] ${line}`);
        this.stderrTail.push(line);
      }
      this.stderrTail.splice(0, Math.max(0, this.stderrTail.length - STDERR_LINES));
    });
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => this.log(`[server stdout] ${chunk.trimEnd()}`));
    this.exited = new Promise((resolve) => {
      child.once('error', (error) => resolve(`could not be started: ${error.message}`));
      child.once('exit', (code, signal) => resolve(signal !== null ? `was killed by signal ${signal}` : `exited with code ${code}`));
    });
    return Promise.resolve({ reader: new IPCMessageReader(child), writer: new IPCMessageWriter(child) });
  }

  /**
   * Why the last process ended: exit code or signal, plus the last error line it printed.
   * The IPC channel can close a moment before the exit event, so wait briefly for it.
   */
  async endReason(waitMs = 2000): Promise<string> {
    if (this.exited === undefined) return 'was never started';
    const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('closed its connection'), waitMs));
    const how = await Promise.race([this.exited, timeout]);
    const lastError = [...this.stderrTail].reverse().find((line) => /error|exception|fatal/i.test(line));
    return lastError === undefined ? how : `${how} (${lastError.trim()})`;
  }

  /** Makes sure no orphan is left when the client is stopped or restarted. */
  kill(): void {
    if (this.pid !== undefined) this.child?.kill();
  }
}
