// Where the explorer reads reports from and writes ingested ones to. The SQLite store
// (issue 6) implements the same few calls; MemoryReports keeps them in memory, for tests
// and for `trawl serve` without a store.
import type { StoredReport } from '../core/output/stored-report.js';

export interface SearchHit {
  report: string;
  /** Offsets into the report text of the first match. */
  start: number;
  end: number;
}

export interface ReportSource {
  listReports(): StoredReport[];
  getReport(id: string): StoredReport | undefined;
  search(query: string, limit: number): SearchHit[];
  /** Adds a report; false when a report with the same hash is already there (nothing changes). */
  addReport(report: StoredReport): boolean;
}

export class MemoryReports implements ReportSource {
  private readonly byId = new Map<string, StoredReport>();
  private readonly hashes = new Set<string>();

  listReports(): StoredReport[] {
    return [...this.byId.values()];
  }

  getReport(id: string): StoredReport | undefined {
    return this.byId.get(id);
  }

  /** Every word of the query, case-insensitive, anywhere in the text or title. */
  search(query: string, limit: number): SearchHit[] {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.length) return [];
    const hits: SearchHit[] = [];
    for (const r of this.byId.values()) {
      const lower = r.text.toLowerCase();
      const title = (r.title ?? '').toLowerCase();
      if (!words.every((w) => lower.includes(w) || title.includes(w))) continue;
      const at = lower.indexOf(words[0]);
      hits.push({ report: r.id, start: Math.max(at, 0), end: at < 0 ? 0 : at + words[0].length });
      if (hits.length >= limit) break;
    }
    return hits;
  }

  addReport(report: StoredReport): boolean {
    if (this.hashes.has(report.hash) || this.byId.has(report.id)) return false;
    this.byId.set(report.id, report);
    this.hashes.add(report.hash);
    return true;
  }
}
