// The scan and the rules as a fold that is fed lines batch by batch: the scanner state and the
// line number are carried from one batch to the next, so a stream cut anywhere yields exactly
// what the whole text yields.
import { checkLine } from '../rules';
import type { Problem, Settings } from '../rules/types';
import { initialState, scanLine } from '../scan';
import type { DocumentKind, Finding, LineState } from '../scan/types';

/** One line that holds at least one code. */
export interface LineReport {
  /** 0-based line number in the whole stream. */
  readonly line: number;
  readonly text: string;
  readonly findings: readonly Finding[];
  readonly problems: readonly Problem[];
}

/** What one batch of lines held. */
export interface LineBatch {
  /** The 0-based number of `lines[0]` in the whole stream. */
  readonly first: number;
  readonly lines: readonly string[];
  /** The lines with codes, in order. */
  readonly reports: readonly LineReport[];
}

export class LineFold {
  private lineState: LineState;
  private nextLine: number;

  /** Folds from the stream's start, or from line `from.first` with the state `from.state` the lines before it left. */
  constructor(readonly kind: DocumentKind, private readonly settings: Settings, from?: { readonly first: number; readonly state: LineState }) {
    this.lineState = from?.state ?? initialState(kind);
    this.nextLine = from?.first ?? 0;
  }

  /** The state the lines folded so far leave. */
  get state(): LineState {
    return this.lineState;
  }

  /** How many lines were folded so far. */
  get lineCount(): number {
    return this.nextLine;
  }

  /** Scans and checks the next lines of the stream. */
  fold(lines: readonly string[]): LineBatch {
    const first = this.nextLine;
    const reports: LineReport[] = [];
    let state = this.lineState;
    for (let i = 0; i < lines.length; i++) {
      const text = lines[i]!;
      const scan = scanLine(text, first + i, state);
      state = scan.next;
      if (scan.findings.length > 0) reports.push({ line: first + i, text, findings: scan.findings, problems: checkLine(scan.findings, this.settings) });
    }
    this.lineState = state;
    this.nextLine = first + lines.length;
    return { first, lines, reports };
  }
}
