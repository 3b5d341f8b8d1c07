/**
 * Where the configuration lives in the table: every version under one partition, and the `current` item
 * naming the one in force. Kept apart from the config store so that ingest can read the document without
 * bundling the full validation (zod and the holiday library would not fit its 150 KB).
 */
export const CONFIG_PARTITION = 'config';

/** The item holding the configuration in force: `{ version, document, appliedAt, source }`. */
export const CURRENT_CONFIG_KEY = { pk: CONFIG_PARTITION, sk: 'current' } as const;
