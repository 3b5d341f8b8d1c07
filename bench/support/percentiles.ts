/** p50/p90/p99/max of a list of milliseconds, rounded to 0.1 ms; undefined fields when empty. */
export interface LatencySummary {
  count: number;
  p50: number | undefined;
  p90: number | undefined;
  p99: number | undefined;
  max: number | undefined;
}

export function summarise(values: readonly number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length === 0 ? undefined : round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number));
  return { count: sorted.length, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: sorted.length === 0 ? undefined : round(sorted[sorted.length - 1] as number) };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
