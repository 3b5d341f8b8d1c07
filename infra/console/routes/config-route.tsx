import type { Hono } from 'hono';
import { stringify } from 'yaml';
import { diffConfig } from '../../../shared/config/diff-config';
import { renderPage, type ConsoleContext } from '../console-context';
import { ConfigPage, type ConfigPageProps } from '../pages/config-page';

/** The configuration's versions, one in full, and a diff of any two (`switchboard config show|diff`). */
export function registerConfigRoute(app: Hono, context: ConsoleContext): void {
  const { configs } = context.target;

  app.get('/config', async (c) => {
    const view = await context.view('/config');
    const versions = await configs.history(100);
    const current = versions[0]?.version;
    const problems: string[] = [];
    const number = (name: string) => {
      const value = c.req.query(name);
      if (value === undefined || value === '') return undefined;
      const parsed = Number(value.replace(/^v/i, ''));
      if (!Number.isInteger(parsed) || parsed < 1) problems.push(`"${value}" is not a configuration version.`);
      return Number.isInteger(parsed) ? parsed : undefined;
    };

    const wanted = number('v') ?? current;
    const active = wanted === undefined ? undefined : await configs.version(wanted);
    if (wanted !== undefined && active === undefined) problems.push(`There is no configuration v${wanted}.`);

    let diff: ConfigPageProps['diff'];
    const from = number('from');
    const to = number('to');
    if (from !== undefined && to !== undefined) {
      const [before, after] = await Promise.all([configs.version(from), configs.version(to)]);
      if (before === undefined || after === undefined) problems.push(`There is no configuration v${before === undefined ? from : to}.`);
      else diff = { from, to, changes: diffConfig(before.config, after.config) };
    }
    // YAML 1.1 quoting, as `config show`: a time like 16:00 is never read back as a number.
    const shown = active === undefined ? undefined : { active, yaml: stringify(active.config, { version: '1.1' }).trimEnd() };
    return renderPage(c, <ConfigPage view={view} versions={versions} current={current} shown={shown} diff={diff} problems={problems} />);
  });
}
