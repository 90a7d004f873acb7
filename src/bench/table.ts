// Plain aligned text tables: text columns to the left, figures to the right, two spaces between.
export interface Column {
  header: string;
  align: 'left' | 'right';
}

export function formatTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((c, i) => Math.max(c.header.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    columns
      .map((c, i) => (c.align === 'left' ? (cells[i] ?? '').padEnd(widths[i]) : (cells[i] ?? '').padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...rows.map(line)].join('\n') + '\n';
}

/** 123456.7 → "123,457": thousands separated, whatever the user's locale, so columns line up in logs. */
export const grouped = (x: number): string => Math.round(x).toLocaleString('en-US');
