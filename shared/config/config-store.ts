import { isDeepStrictEqual } from 'node:util';
import type { Clock } from '../clock/clock';
import { any, below, itemAbsent } from '../store/condition';
import { ConditionFailedError } from '../store/store-errors';
import type { Table } from '../store/table';
import { CONFIG_PARTITION, CURRENT_CONFIG_KEY } from './config-item-key';
import type { Config } from './config-schema';
import { validateConfig } from './validate-config';

/** The configuration in force, with its version. */
export interface ActiveConfig {
  version: number;
  config: Config;
  appliedAt: string;
  /** Where it came from: a file name, or the CLI command that changed it. */
  source: string;
}

/** No configuration has been applied yet. */
export class ConfigMissingError extends Error {
  override readonly name = 'ConfigMissingError';
  constructor() {
    super('no configuration has been applied yet: run `switchboard config apply switchboard.config.yaml`');
  }
}

const PARTITION = CONFIG_PARTITION;
const CURRENT = CURRENT_CONFIG_KEY;
const versionKey = (version: number) => ({ pk: PARTITION, sk: `version#${String(version).padStart(10, '0')}` });

interface ConfigItem {
  pk: string;
  sk: string;
  version: number;
  document: Config;
  appliedAt: string;
  source: string;
  [key: string]: unknown;
}

/**
 * Versioned configuration in the table: every apply is a new version item (`config`/`version#…`) and the
 * `current` item points at the newest. The configuration in force is kept in memory: read again after
 * `cacheMs` (Lambda containers), or when `refresh` is called (the local runtime's poller, every second),
 * and validated again only when its version changed. A run costs no configuration read.
 */
export class ConfigStore {
  private cached: { value: ActiveConfig; until: number } | undefined;

  constructor(
    private readonly table: Table,
    private readonly clock: Clock,
    private readonly options: { cacheMs: number } = { cacheMs: 5_000 },
  ) {}

  /** The configuration in force. Throws ConfigMissingError when none was ever applied. */
  async current(): Promise<ActiveConfig> {
    const now = this.clock.now().getTime();
    if (this.cached !== undefined && now < this.cached.until) return this.cached.value;
    return this.load(now);
  }

  /** Reads the version in force again (another process may have applied one); true when it changed. */
  async refresh(): Promise<boolean> {
    const before = this.cached?.value.version;
    const after = await this.load(this.clock.now().getTime()).catch((error: unknown) => {
      if (error instanceof ConfigMissingError) return undefined;
      throw error;
    });
    return after?.version !== before;
  }

  private async load(now: number): Promise<ActiveConfig> {
    const item = await this.table.get<ConfigItem>(CURRENT, { consistent: true });
    if (item === undefined) throw new ConfigMissingError();
    const value = this.cached?.value.version === item.version ? this.cached.value : toActive(item);
    this.cached = { value, until: now + this.options.cacheMs };
    return value;
  }

  /** The configuration in force, or undefined before the first apply. */
  async find(): Promise<ActiveConfig | undefined> {
    try {
      return await this.current();
    } catch (error) {
      if (error instanceof ConfigMissingError) return undefined;
      throw error;
    }
  }

  /**
   * Stores `config` as a new version and makes it current; a document equal to the one in force changes
   * nothing (`unchanged`).
   *
   * @example
   * const { version, unchanged } = await configs.apply(parseConfig(text, file), { source: file });
   */
  async apply(config: Config, meta: { source: string }): Promise<{ version: number; previous: ActiveConfig | undefined; unchanged: boolean }> {
    const previous = await this.readCurrent();
    // The same document again makes no version: history shows changes, not repetitions.
    if (previous !== undefined && isDeepStrictEqual(previous.config, config)) return { version: previous.version, previous, unchanged: true };
    let version = (previous?.version ?? 0) + 1;
    const appliedAt = this.clock.now().toISOString();
    // Claim the next version number; a concurrent apply (or an interrupted one) may hold it already.
    for (let attempt = 0; ; attempt += 1) {
      try {
        await this.table.put(
          { ...versionKey(version), version, document: config, appliedAt, source: meta.source },
          itemAbsent,
        );
        break;
      } catch (error) {
        if (!(error instanceof ConditionFailedError) || attempt >= 5) throw error;
        version = (await this.latestVersionNumber()) + 1;
      }
    }
    try {
      await this.table.put(
        { ...CURRENT, version, document: config, appliedAt, source: meta.source },
        any(itemAbsent, below('version', version)),
      );
    } catch (error) {
      // A newer version became current meanwhile; ours stays in the history.
      if (!(error instanceof ConditionFailedError)) throw error;
    }
    this.cached = undefined;
    return { version, previous, unchanged: previous !== undefined && isDeepStrictEqual(previous.config, config) };
  }

  /** Applies a change derived from the current configuration (the CLI's `channels add`, for instance). */
  async change(describe: string, edit: (config: Config) => Config): Promise<{ version: number }> {
    const current = await this.readCurrent();
    if (current === undefined) throw new ConfigMissingError();
    return this.apply(validateConfig(edit(structuredClone(current.config)), describe), { source: describe });
  }

  /** Versions, newest first. */
  async history(limit = 20): Promise<Omit<ActiveConfig, 'config'>[]> {
    const items = await this.table.query<ConfigItem>({ partition: PARTITION, beginsWith: 'version#', descending: true, limit });
    return items.map(({ version, appliedAt, source }) => ({ version, appliedAt, source }));
  }

  async version(version: number): Promise<ActiveConfig | undefined> {
    const item = await this.table.get<ConfigItem>(versionKey(version), { consistent: true });
    return item === undefined ? undefined : toActive(item);
  }

  private async readCurrent(): Promise<ActiveConfig | undefined> {
    this.cached = undefined;
    return this.find();
  }

  private async latestVersionNumber(): Promise<number> {
    const [latest] = await this.table.query<ConfigItem>({ partition: PARTITION, beginsWith: 'version#', descending: true, limit: 1 });
    return latest?.version ?? 0;
  }
}

function toActive(item: ConfigItem): ActiveConfig {
  return {
    version: item.version,
    config: validateConfig(item.document, `configuration v${item.version}`),
    appliedAt: item.appliedAt,
    source: item.source,
  };
}
