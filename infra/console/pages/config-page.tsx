import type { ActiveConfig } from '../../../shared/config/config-store';
import type { ConfigChange } from '../../../shared/config/diff-config';
import { LocalTime } from '../components/local-time';
import type { ConsoleView } from '../console-view';
import { Layout } from './layout';

export interface ConfigPageProps {
  view: ConsoleView;
  versions: readonly Omit<ActiveConfig, 'config'>[];
  /** The version in force. */
  current: number | undefined;
  /** The version shown, and its YAML. */
  shown: { active: ActiveConfig; yaml: string } | undefined;
  diff: { from: number; to: number; changes: readonly ConfigChange[] } | undefined;
  problems: readonly string[];
}

/** The configuration: its versions, a diff between any two, the designated channels, a version in full. */
export function ConfigPage(props: ConfigPageProps) {
  const { view, versions, shown, diff } = props;
  const show = (value: unknown) => (value === undefined ? '(absent)' : JSON.stringify(value));
  const versionOptions = (selected: number | undefined) =>
    versions.map((version) => <option value={String(version.version)} selected={selected === version.version}>{`v${version.version}`}</option>);
  return (
    <Layout view={view} title="Configuration">
      {props.problems.map((problem) => <p class="notice problem" role="alert">{problem}</p>)}
      {versions.length === 0 ? <p>No configuration has been applied yet: run <code>switchboard config apply switchboard.config.yaml</code>.</p> : null}

      {shown === undefined ? null : (
        <>
          <h2>Designated customer channels {shown.active.version === props.current ? '(in force)' : `(v${shown.active.version})`}</h2>
          <table class="responsive">
            <caption>Customer channels of v{shown.active.version}</caption>
            <thead>
              <tr>
                <th scope="col">Channel id</th>
                <th scope="col">Customer</th>
              </tr>
            </thead>
            <tbody>
              {shown.active.config.afterHours.customerChannels.length === 0 ? (
                <tr>
                  <td colspan={2}>No designated channels: add one with <code>switchboard channels add</code>.</td>
                </tr>
              ) : (
                shown.active.config.afterHours.customerChannels.map((channel) => (
                  <tr>
                    <td data-label="Channel id"><code>{channel.id}</code></td>
                    <td data-label="Customer">{channel.customer}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </>
      )}

      <h2>Versions</h2>
      <table class="responsive">
        <caption>Configuration versions, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Applied</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((version) => (
            <tr>
              <td data-label="Version">
                <a href={`/config?v=${version.version}`} aria-current={shown?.active.version === version.version ? 'true' : undefined}>v{version.version}</a>
                {version.version === props.current ? ' (in force)' : ''}
              </td>
              <td data-label="Applied"><LocalTime instant={version.appliedAt} view={view} /></td>
              <td data-label="Source">{version.source}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {versions.length < 2 ? null : (
        <>
          <h2>Compare two versions</h2>
          <form class="filters" method="get" action="/config" aria-label="Compare two versions">
            <div>
              <label for="c-from">From</label>
              <select id="c-from" name="from">{versionOptions(diff?.from ?? versions[1]?.version)}</select>
            </div>
            <div>
              <label for="c-to">To</label>
              <select id="c-to" name="to">{versionOptions(diff?.to ?? versions[0]?.version)}</select>
            </div>
            <div>
              <button type="submit" class="primary">Compare</button>
            </div>
          </form>
        </>
      )}
      {diff === undefined ? null : (
        <table class="responsive">
          <caption>
            Changes from v{diff.from} to v{diff.to}
          </caption>
          <thead>
            <tr>
              <th scope="col">Setting</th>
              <th scope="col">v{diff.from}</th>
              <th scope="col">v{diff.to}</th>
            </tr>
          </thead>
          <tbody>
            {diff.changes.length === 0 ? (
              <tr>
                <td colspan={3}>
                  v{diff.from} and v{diff.to} are the same.
                </td>
              </tr>
            ) : (
              diff.changes.map((change) => (
                <tr>
                  <th scope="row" data-label="Setting"><code>{change.path}</code></th>
                  <td data-label={`v${diff.from}`}><code>{show(change.before)}</code></td>
                  <td data-label={`v${diff.to}`}><code>{show(change.after)}</code></td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      )}

      {shown === undefined ? null : (
        <>
          <h2>v{shown.active.version} in full</h2>
          <p class="muted">
            Applied <LocalTime instant={shown.active.appliedAt} view={view} /> from {shown.active.source}.
          </p>
          <pre aria-label={`Configuration v${shown.active.version} as YAML`}>{shown.yaml}</pre>
        </>
      )}
    </Layout>
  );
}
