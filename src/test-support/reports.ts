// Short made-up reports for store and ingest tests; `n` varies the figures, dates and names so
// every text (and so every hash) differs.
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function fixtureReport(n: number): string {
  const month = MONTHS[n % 12];
  return [
    `North Korea has shipped about ${(n + 2) * 1000} containers of munitions to Russia since ${month} ${2022 + (n % 3)}, the Pentagon said on Tuesday.`,
    `"The shipments continue every week," said Laura Brandt, a spokeswoman for the State Department, adding that ${n + 3} ships were involved.`,
    `Moscow denied buying any weapons from Pyongyang. Russia sent North Korea more than ${n + 1} million barrels of oil last year, according to analysts.`,
    `Officials in Seoul said ${(n % 9) + 2} freight trains had crossed the border at Tumangang in ${month}, and that the spy agency expected more.`,
  ].join('\n\n');
}
