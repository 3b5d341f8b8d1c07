import { credentialsToSet, PROVIDER_CREDENTIALS } from '../../shared/settings/provider-credentials';
import type { Secrets } from '../../shared/settings/secrets';
import type { RuntimeFile } from '../local/runtime-file';

/** Whether a provider's calls are really made (`live`) or recorded in the outbox (`dry-run`). */
export type ProviderMode = 'live' | 'dry-run';

/** A provider of a Switchboard and its mode, with what a person should know about it. */
export interface ProviderStatus {
  /** The provider's name as `dryRunProviders` and the outbox spell it: slack, twilio, unthread, google-sheets, github. */
  provider: string;
  mode: ProviderMode;
  /** e.g. "credentials set", "no SLACK_BOT_TOKEN in the secret: its calls fail". */
  detail: string;
}

/** What is known of a Switchboard's providers: `known` is false when nothing says (a local runtime that is not running). */
export interface ProviderModes {
  known: boolean;
  /** Where the modes come from, said for a person. */
  source: string;
  providers: ProviderStatus[];
}

/**
 * A deployed stack's providers as its configuration implies them: those listed in its `dryRunProviders`
 * are in dry-run, every other one is live, and works only if the credentials secret holds its credentials
 * (`secrets` undefined: the secret could not be read, so that is not said).
 *
 * @example
 * stackProviderModes('Switchboard', ['twilio'], { SLACK_BOT_TOKEN: 'xoxb-…' }) // slack live, twilio dry-run, unthread live without its key…
 */
export function stackProviderModes(stackName: string, dryRunProviders: readonly string[] | undefined, secrets: Secrets | undefined): ProviderModes {
  const dryRun = new Set((dryRunProviders ?? []).map((provider) => provider.toLowerCase()));
  return {
    known: dryRunProviders !== undefined,
    source:
      dryRunProviders === undefined
        ? `Stack ${stackName} does not say which providers it keeps in dry-run (deployed before its DryRunProviders output): every provider is live unless it was deployed with -c dryRunProviders`
        : `Stack ${stackName} was deployed with ${dryRun.size === 0 ? 'no provider in dry-run' : `dryRunProviders=${[...dryRun].join(',')}`}; a live provider works if the credentials secret holds its credentials`,
    providers: Object.entries(PROVIDER_CREDENTIALS).map(([provider, alternatives]) => {
      if (dryRun.has(provider)) return { provider, mode: 'dry-run', detail: 'listed in dryRunProviders: calls are recorded in the outbox' };
      if (secrets === undefined) return { provider, mode: 'live', detail: 'credentials not checked (the secret could not be read)' };
      const set = alternatives.some((names) => names.every((name) => secrets[name] !== undefined));
      return { provider, mode: 'live', detail: set ? 'credentials set' : `no ${credentialsToSet(provider)} in the secret: its calls fail` };
    }),
  };
}

/**
 * The local Switchboard's providers, as the running runtime chose them at start (its runtime file).
 * When no runtime is running nothing is decided yet: they are chosen at the next start.
 */
export function localProviderModes(running: RuntimeFile | undefined): ProviderModes {
  if (running?.providers === undefined) {
    return {
      known: false,
      source: running === undefined ? 'Switchboard is not running locally: providers are chosen when it starts (live where credentials are set, else dry-run)' : `The runtime at ${running.url} did not record its providers`,
      providers: [],
    };
  }
  return {
    known: true,
    source: `As the local runtime at ${running.url} chose them when it started: live where credentials are set, else dry-run`,
    providers: running.providers.map(({ provider, mode, enableWith }) => ({
      provider,
      mode,
      detail: mode === 'live' ? 'credentials set' : `no credentials: set ${enableWith} to go live`,
    })),
  };
}
