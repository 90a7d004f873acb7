// Ingest progress on stderr: on a terminal one line rewritten in place; in a log or a pipe a
// plain line every `every` files, so long runs show they are alive without flooding the log.
import type { IngestProgress } from './ingest.js';

export function progressLine(p: IngestProgress): string {
  const rate = p.seconds > 0 ? p.done / p.seconds : 0;
  return `ingest: ${p.done}/${p.total} files, ${rate.toFixed(1)} files/s, ${p.written} written, ${p.rejected} rejected`;
}

export interface ProgressReporter {
  update(p: IngestProgress): void;
  done(): void;
}

export function createIngestProgress(stream: NodeJS.WriteStream, every = 100): ProgressReporter {
  if (stream.isTTY) {
    let shown = false;
    let last = 0;
    return {
      update(p) {
        const now = Date.now();
        if (now - last < 100 && p.done < p.total) return; // ten redraws a second are enough
        last = now;
        stream.write(`\r\x1b[K${progressLine(p).slice(0, Math.max(20, (stream.columns || 80) - 1))}`);
        shown = true;
      },
      done() {
        if (shown) stream.write('\r\x1b[K');
        shown = false;
      },
    };
  }
  return {
    update(p) {
      if (p.done % every === 0 && p.done < p.total) stream.write(progressLine(p) + '\n');
    },
    done() {},
  };
}
