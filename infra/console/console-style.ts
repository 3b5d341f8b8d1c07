/**
 * The console's style sheet, served as /assets/console.css (a file, so that the Content-Security-Policy
 * needs no inline styles). Light and dark (prefers-color-scheme), a visible focus everywhere, readable at
 * 320 px: tables become one block per row on narrow screens (a table of counts, one line of label-number
 * pairs under the row's heading), ids wrap instead of being cut.
 */
export const CONSOLE_STYLE = `
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --panel: #f6f8fa; --link: #0550ae;
  --focus: #bf3989; --ok: #116329; --ok-bg: #dafbe1; --bad: #a40e26; --bad-bg: #ffebe9;
  --wait: #7d4e00; --wait-bg: #fff8c5; --quiet: #57606a; --quiet-bg: #eaeef2;
  --chart-succeeded: #2da44e; --chart-filtered: #8c959f; --chart-waiting: #d4a72c; --chart-failed: #cf222e;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9da7b3; --line: #30363d; --panel: #161b22; --link: #79c0ff;
    --focus: #ff9bce; --ok: #7ee787; --ok-bg: #12361f; --bad: #ffa198; --bad-bg: #3d1117;
    --wait: #f2cc60; --wait-bg: #3b2e05; --quiet: #b1bac4; --quiet-bg: #262c36;
    --chart-succeeded: #3fb950; --chart-filtered: #6e7681; --chart-waiting: #d29922; --chart-failed: #f85149;
  }
}
* { box-sizing: border-box; }
html { font-size: 100%; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
a { color: var(--link); }
time { white-space: nowrap; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip-link { position: absolute; left: 0.5rem; top: -3rem; background: var(--bg); color: var(--link); padding: 0.5rem 1rem; z-index: 10; border: 2px solid var(--focus); }
.skip-link:focus { top: 0.5rem; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
header.site { border-bottom: 1px solid var(--line); background: var(--panel); padding: 0.5rem 1rem; }
header.site p { margin: 0.25rem 0; color: var(--muted); font-size: 0.875rem; overflow-wrap: anywhere; }
header.site .brand { font-weight: 700; color: var(--fg); font-size: 1rem; }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; margin: 0.25rem 0 0; padding: 0; }
nav a { display: inline-block; padding: 0.25rem 0; text-decoration: none; }
nav a[aria-current="page"] { font-weight: 700; text-decoration: underline; text-underline-offset: 0.3em; }
main { padding: 1rem; max-width: 90rem; }
main:focus { outline: none; }
h1 { font-size: 1.5rem; margin: 0.5rem 0 1rem; overflow-wrap: anywhere; }
h2 { font-size: 1.2rem; margin: 1.5rem 0 0.5rem; }
h3 { font-size: 1rem; margin: 1rem 0 0.5rem; }
footer { padding: 1rem; color: var(--muted); font-size: 0.875rem; border-top: 1px solid var(--line); }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { text-align: left; vertical-align: top; padding: 0.4rem 0.5rem; border-bottom: 1px solid var(--line); }
th { background: var(--panel); font-weight: 600; }
td.summary { min-width: 14rem; }
td.run-id { min-width: 16rem; }
code, pre, .id { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.875rem; }
.id { display: inline-flex; flex-wrap: wrap; align-items: baseline; gap: 0.25rem 0.5rem; }
.id code { overflow-wrap: anywhere; word-break: break-all; }
pre { background: var(--panel); border: 1px solid var(--line); padding: 0.75rem; overflow-x: auto; white-space: pre-wrap; overflow-wrap: anywhere; }
button, input, select { font: inherit; color: inherit; }
button { background: var(--panel); border: 1px solid var(--muted); border-radius: 0.375rem; padding: 0.25rem 0.75rem; cursor: pointer; min-height: 2rem; }
button.primary { background: var(--link); border-color: var(--link); color: var(--bg); font-weight: 600; }
button.copy { font-size: 0.8rem; padding: 0 0.5rem; min-height: 1.75rem; }
input, select { background: var(--bg); border: 1px solid var(--muted); border-radius: 0.375rem; padding: 0.25rem 0.5rem; min-height: 2rem; max-width: 100%; }
form.filters { display: flex; flex-wrap: wrap; gap: 0.75rem 1rem; align-items: flex-end; background: var(--panel); padding: 0.75rem; border: 1px solid var(--line); border-radius: 0.5rem; }
form.filters div { display: flex; flex-direction: column; gap: 0.25rem; }
form.inline { display: inline-flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin: 0.25rem 0; }
label { font-weight: 600; font-size: 0.875rem; }
.status { display: inline-block; border-radius: 1rem; padding: 0 0.6rem; font-weight: 600; font-size: 0.875rem; white-space: nowrap; }
.status-succeeded, .status-done, .status-passed, .status-acknowledged, .status-delivered, .status-live { color: var(--ok); background: var(--ok-bg); }
.status-failed, .status-unanswered, .status-undelivered { color: var(--bad); background: var(--bad-bg); }
.status-waiting, .status-paging, .status-dry-run, .status-pending, .status-queued, .status-sent { color: var(--wait); background: var(--wait-bg); }
.status-filtered, .status-skipped, .status-unknown { color: var(--quiet); background: var(--quiet-bg); }
.notice { border: 1px solid var(--line); border-left: 4px solid var(--link); background: var(--panel); padding: 0.5rem 0.75rem; margin: 0.5rem 0 1rem; }
.notice.problem { border-left-color: var(--bad); }
.muted { color: var(--muted); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0.5rem 0 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
ol.timeline { list-style: none; margin: 0.5rem 0 1rem; padding: 0 0 0 1rem; border-left: 3px solid var(--line); }
ol.timeline li { position: relative; margin: 0 0 0.75rem; padding-left: 0.75rem; }
ol.timeline li::before { content: ""; position: absolute; left: -1.55rem; top: 0.45rem; width: 0.8rem; height: 0.8rem; border-radius: 50%; background: var(--bg); border: 3px solid var(--muted); }
ol.timeline .when { color: var(--muted); font-size: 0.875rem; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 0.75rem; margin: 0.5rem 0 1rem; }
.card { border: 1px solid var(--line); border-radius: 0.5rem; padding: 0.75rem; background: var(--panel); }
.card .number { font-size: 1.75rem; font-weight: 700; display: block; }
section.incident { border: 1px solid var(--line); border-radius: 0.5rem; padding: 0 1rem 0.5rem; margin: 0 0 1rem; }
figure.chart { margin: 0.5rem 0 1rem; }
figure.chart svg { width: 100%; max-width: 60rem; height: auto; display: block; background: var(--panel); border: 1px solid var(--line); border-radius: 0.5rem; }
figure.chart figcaption { font-size: 0.875rem; color: var(--muted); }
svg .bar-succeeded { fill: var(--chart-succeeded); }
svg .bar-filtered { fill: var(--chart-filtered); }
svg .bar-waiting { fill: var(--chart-waiting); }
svg .bar-failed { fill: var(--chart-failed); }
svg .axis { stroke: var(--muted); stroke-width: 1; }
svg text { fill: var(--muted); font-size: 11px; font-family: system-ui, sans-serif; }
ul.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; padding: 0; margin: 0.25rem 0; font-size: 0.875rem; }
ul.legend span.swatch { display: inline-block; width: 0.8rem; height: 0.8rem; margin-right: 0.3rem; vertical-align: -0.1rem; border-radius: 2px; }
.swatch.bar-succeeded { background: var(--chart-succeeded); } .swatch.bar-filtered { background: var(--chart-filtered); }
.swatch.bar-waiting { background: var(--chart-waiting); } .swatch.bar-failed { background: var(--chart-failed); }
tr.fresh td { animation: fresh 2s ease-out; }
@keyframes fresh { from { background: var(--wait-bg); } to { background: transparent; } }
@media (prefers-reduced-motion: reduce) { tr.fresh td { animation: none; } }
@media (max-width: 40rem) {
  main { padding: 0.75rem 0.5rem; }
  table.responsive thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.responsive, table.responsive tbody, table.responsive tr, table.responsive td { display: block; width: 100%; }
  table.responsive tr { border: 1px solid var(--line); border-radius: 0.5rem; margin: 0 0 0.75rem; padding: 0.25rem 0; }
  table.responsive caption { display: block; }
  table.responsive td { border: 0; padding: 0.2rem 0.6rem; }
  table.responsive th[scope="row"] { display: block; width: 100%; border: 0; }
  td.run-id, td.summary { min-width: 0; }
  table.responsive td[data-label]::before { content: attr(data-label); display: block; font-weight: 600; font-size: 0.8rem; color: var(--muted); }
  table.counts tr { display: flex; flex-wrap: wrap; gap: 0 0.5rem; }
  table.counts td { width: auto; }
  table.counts td[data-label]::before { display: inline; margin-right: 0.3rem; }
  dl.facts { grid-template-columns: 1fr; }
  dl.facts dd { margin-bottom: 0.5rem; }
}
`;
