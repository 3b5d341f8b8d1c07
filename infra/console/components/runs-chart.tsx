import type { ConsoleView } from '../console-view';
import { busiestHour, RUN_STATUSES, type HourBucket } from '../runs-per-hour';

const WIDTH = 720;
const HEIGHT = 180;
const LEFT = 36;
const BOTTOM = 22;
const TOP = 8;

/**
 * Runs per hour as stacked bars, an inline SVG drawn on the server (no script). Screen readers get the
 * chart's title and summary, and the numbers in a table under it.
 */
export function RunsChart(props: { id: string; title: string; buckets: readonly HourBucket[]; view: ConsoleView; label: (start: Date) => string | undefined }) {
  const { buckets, view } = props;
  const max = Math.max(1, busiestHour(buckets));
  const plotWidth = WIDTH - LEFT - 4;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const slot = plotWidth / Math.max(1, buckets.length);
  const bar = Math.max(1, slot * 0.8);
  const total = (status: string) => buckets.reduce((sum, bucket) => sum + bucket.counts[status as keyof HourBucket['counts']], 0);
  const summary = RUN_STATUSES.map((status) => `${total(status)} ${status}`).join(', ');
  const hourLabel = (start: Date) => view.time(start).slice(5, 16); // "11-23 06:00"
  return (
    <figure class="chart" aria-labelledby={`${props.id}-caption`}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${props.id}-title ${props.id}-desc`} preserveAspectRatio="xMidYMid meet">
        <title id={`${props.id}-title`}>{props.title}</title>
        <desc id={`${props.id}-desc`}>{`Runs per hour, stacked by status; in all ${summary}. The busiest hour had ${busiestHour(buckets)} runs.`}</desc>
        <line class="axis" x1={LEFT} y1={TOP + plotHeight} x2={WIDTH - 4} y2={TOP + plotHeight} />
        <line class="axis" x1={LEFT} y1={TOP} x2={LEFT} y2={TOP + plotHeight} />
        <text x={LEFT - 4} y={TOP + 10} text-anchor="end">{max}</text>
        <text x={LEFT - 4} y={TOP + plotHeight} text-anchor="end">0</text>
        {buckets.map((bucket, index) => {
          let y = TOP + plotHeight;
          const x = LEFT + index * slot + (slot - bar) / 2;
          return (
            <g>
              {RUN_STATUSES.filter((status) => bucket.counts[status] > 0).map((status) => {
                const height = (bucket.counts[status] / max) * plotHeight;
                y -= height;
                return (
                  <rect class={`bar-${status}`} x={x.toFixed(1)} y={y.toFixed(1)} width={bar.toFixed(1)} height={height.toFixed(1)}>
                    <title>{`${hourLabel(bucket.start)}: ${bucket.counts[status]} ${status}`}</title>
                  </rect>
                );
              })}
              {props.label(bucket.start) === undefined ? null : (
                <text x={(LEFT + index * slot).toFixed(1)} y={HEIGHT - 6}>{props.label(bucket.start)}</text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption id={`${props.id}-caption`}>
        {props.title}: {summary}.
        <ul class="legend" aria-hidden="true">
          {RUN_STATUSES.map((status) => (
            <li><span class={`swatch bar-${status}`}></span>{status}</li>
          ))}
        </ul>
      </figcaption>
      <details>
        <summary>The numbers, hour by hour</summary>
        <table class="responsive counts">
          <caption class="visually-hidden">{props.title}, hour by hour</caption>
          <thead>
            <tr>
              <th scope="col">Hour starting</th>
              {RUN_STATUSES.map((status) => <th scope="col">{status}</th>)}
            </tr>
          </thead>
          <tbody>
            {buckets.filter((bucket) => RUN_STATUSES.some((status) => bucket.counts[status] > 0)).map((bucket) => (
              <tr>
                <th scope="row">{view.time(bucket.start)}</th>
                {RUN_STATUSES.map((status) => <td data-label={status}>{bucket.counts[status]}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
