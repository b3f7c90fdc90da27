// Lines from text that arrives in pieces, cut exactly as `splitLines` cuts the whole text:
// a CR that ends one piece may be the first half of a CRLF, so it waits for the next piece.

/** Splits on CRLF, LF or CR: the one line splitter everyone uses. */
export function splitLines(text: string): string[] {
  // Splitting on a plain '\n' is several times faster than the regex, and logs rarely hold a CR.
  return text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
}

export class LineSplitter {
  /** The text after the last complete line break seen. */
  private rest = '';

  /** The lines that `piece` completes; a line still open waits for the next piece or `end`. */
  push(piece: string): string[] {
    const text = this.rest.length === 0 ? piece : this.rest + piece;
    // Logs rarely hold a CR: without one, one backward search finds the cut and `split` is plain.
    if (text.indexOf('\r') < 0) {
      const cut = text.lastIndexOf('\n') + 1;
      this.rest = text.slice(cut);
      if (cut === 0) return [];
      const lines = text.slice(0, cut).split('\n');
      lines.pop();  // the empty text after the last break
      return lines;
    }
    // A trailing CR is not yet a line break: the next piece may start with its LF.
    const searchEnd = text.endsWith('\r') ? text.length - 2 : text.length - 1;
    const cut = searchEnd < 0 ? 0 : Math.max(text.lastIndexOf('\n', searchEnd), text.lastIndexOf('\r', searchEnd)) + 1;
    if (cut === 0) {
      this.rest = text;
      return [];
    }
    this.rest = text.slice(cut);
    const lines = splitLines(text.slice(0, cut));
    lines.pop();
    return lines;
  }

  /** The last lines: `splitLines` always ends with the text after the last break, even if empty. */
  end(): string[] {
    const lines = splitLines(this.rest);
    this.rest = '';
    return lines;
  }
}

/**
 * Decodes bytes as UTF-8 (leniently: invalid bytes become U+FFFD, a character split between
 * chunks is joined) and yields the lines each chunk completes, in batches, the last line included.
 */
export async function* lineBatches(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<string[]> {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const splitter = new LineSplitter();
  for await (const chunk of chunks) {
    const lines = splitter.push(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    if (lines.length > 0) yield lines;
  }
  const tail = decoder.decode();
  yield [...splitter.push(tail), ...splitter.end()];
}
