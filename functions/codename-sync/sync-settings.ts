import type { Config } from '../../shared/config/config-schema';
import type { RepositoryRef } from '../../shared/events/github-events';
import { labelSettingsOf } from '../github-labels/label-settings';

/** The codename sync's settings: its own section, and the codename settings of `githubLabels`. */
export interface SyncSettings {
  /** The Account field that lists the labels (`GitHub_label__c`). */
  field: string;
  separator: string;
  /** The colour of a label created where neither repository has it. */
  labelColor: string;
  slackChannel: string;
  dailyReport: boolean;
  pattern: RegExp;
  publicDescription: string;
  repositories: { public: RepositoryRef; confidential: RepositoryRef } | undefined;
}

const cache = new WeakMap<Config, SyncSettings>();

/** The settings of a configuration; built once per configuration document. */
export function syncSettingsOf(config: Config): SyncSettings {
  let settings = cache.get(config);
  if (settings === undefined) {
    const { codenames, slackChannel } = labelSettingsOf(config);
    const sync = config.codenameSync;
    settings = {
      field: sync.salesforce.labelField,
      separator: sync.salesforce.separator,
      labelColor: sync.labelColor.toLowerCase(),
      slackChannel: sync.slackChannel ?? slackChannel,
      dailyReport: sync.dailyReport,
      pattern: codenames.pattern,
      publicDescription: codenames.publicDescription,
      repositories: codenames.repositories,
    };
    cache.set(config, settings);
  }
  return settings;
}
