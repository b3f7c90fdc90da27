// Restarts a crashed language server a few times, then gives up; each time the user is told
// what happened, naming the reason (exit code, signal, or the server's last error line).
import { CloseAction, CloseHandlerResult, ErrorAction, ErrorHandler, ErrorHandlerResult, Message } from 'vscode-languageclient/node';

export const MAX_RESTARTS = 3;
const WINDOW_MS = 3 * 60 * 1000;

export interface CrashNotifier {
  (message: string, final: boolean): void;
}

export class RestartPolicy implements ErrorHandler {
  private crashes: number[] = [];

  constructor(
    private readonly endReason: () => Promise<string>,
    private readonly notify: CrashNotifier,
  ) {}

  error(_error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
    // A few bad messages do not justify killing the server; the close handler covers real crashes.
    return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
  }

  async closed(): Promise<CloseHandlerResult> {
    const now = Date.now();
    this.crashes = [...this.crashes.filter((t) => now - t < WINDOW_MS), now];
    const reason = await this.endReason();
    if (this.crashes.length > MAX_RESTARTS) {
      const message = `The SMTP status language server ${reason}. It stopped ${this.crashes.length} times in 3 minutes, so it will not be restarted; hovers and checks are off until you run "Developer: Reload Window". The "SMTP Status" output has details.`;
      this.notify(message, true);
      return { action: CloseAction.DoNotRestart, message, handled: true };
    }
    const message = `The SMTP status language server ${reason}; restarting it (attempt ${this.crashes.length} of ${MAX_RESTARTS}).`;
    this.notify(message, false);
    return { action: CloseAction.Restart, message, handled: true };
  }
}
