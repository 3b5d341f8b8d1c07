import type { Config } from '../../shared/config/config-schema';
import type { RepositoryRef } from '../../shared/events/github-events';
import { parseRepositoryName } from '../../shared/providers/github/github';

/** The `githubLabels` configuration (and the team's logins) in the shape the rules compare with. */
export interface LabelSettings {
  /** company.github.org, lower-case: the automations act on its repositories. */
  org: string;
  /** company.github.teamLogins, lower-case. */
  teamLogins: ReadonlySet<string>;
  /** githubLabels.botLogins, lower-case. */
  botLogins: ReadonlySet<string>;
  waitingLabelPrefix: string;
  investigation: { label: string; businessDays: number; addBack: readonly string[]; comment: string };
  codenames: { pattern: RegExp; publicDescription: string; repositories: { public: RepositoryRef; confidential: RepositoryRef } | undefined };
  /** Where the team is told (githubLabels.slackChannel, else paging.internalChannel). */
  slackChannel: string;
}

const cache = new WeakMap<Config, LabelSettings>();

/** The label settings of a configuration; built once per configuration document. */
export function labelSettingsOf(config: Config): LabelSettings {
  let settings = cache.get(config);
  if (settings === undefined) {
    const labels = config.githubLabels;
    const repositories = labels.repositories;
    settings = {
      org: config.company.github.org.toLowerCase(),
      teamLogins: new Set(config.company.github.teamLogins.map((login) => login.toLowerCase())),
      botLogins: new Set(labels.botLogins.map((login) => login.toLowerCase())),
      waitingLabelPrefix: labels.waitingLabelPrefix,
      investigation: labels.investigation,
      codenames: {
        pattern: new RegExp(labels.codenames.pattern),
        publicDescription: labels.codenames.publicDescription,
        repositories:
          repositories === undefined
            ? undefined
            : { public: parseRepositoryName(repositories.public) as RepositoryRef, confidential: parseRepositoryName(repositories.confidential) as RepositoryRef },
      },
      slackChannel: labels.slackChannel ?? config.paging.internalChannel,
    };
    cache.set(config, settings);
  }
  return settings;
}

/** Why the automations leave this repository alone (it is not the organisation's), or undefined. */
export function whyNotOurRepository(settings: LabelSettings, repository: RepositoryRef): string | undefined {
  return repository.owner.toLowerCase() === settings.org ? undefined : `${repository.owner}/${repository.name} is not a repository of ${settings.org}`;
}

/** Label names compare as GitHub compares them: case-insensitively. */
export function sameLabel(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
