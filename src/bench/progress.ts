// Progress on stderr, one line rewritten in place, and only on a terminal: a log file or a pipe
// gets the report and nothing else.
export interface Progress {
  update(text: string): void;
  done(): void;
}

export function createProgress(stream: NodeJS.WriteStream, prefix = 'bench'): Progress {
  if (!stream.isTTY) return { update: () => {}, done: () => {} };
  let shown = false;
  return {
    update(text) {
      const line = `${prefix}: ${text}`.slice(0, Math.max(20, (stream.columns || 80) - 1));
      stream.write(`\r\x1b[K${line}`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
