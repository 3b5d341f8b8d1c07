import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { INBOUND_SECRET_NAMES, readSecrets, type SecretName, type Secrets } from '../../shared/settings/secrets';

export interface LocalSecrets {
  secrets: Secrets;
  /** Inbound secrets that came from the data directory rather than the environment. */
  generated: SecretName[];
  file: string;
}

/**
 * The local runtime's secrets: the environment first; every webhook-verifying secret it leaves unset is
 * generated once and kept in `{dataDir}/secrets.json` (mode 0600), so signatures are still checked and
 * `switchboard simulate` can sign with the same secret.
 */
export async function loadLocalSecrets(dataDir: string, env: Record<string, string | undefined>): Promise<LocalSecrets> {
  const file = join(dataDir, 'secrets.json');
  const fromEnv = readSecrets(env);
  const kept = readSecrets(await readJson(file));
  const generated: SecretName[] = [];
  let changed = false;
  for (const name of INBOUND_SECRET_NAMES) {
    if (fromEnv[name] !== undefined) continue;
    if (kept[name] === undefined) {
      kept[name] = generateSecret(name);
      changed = true;
    }
    generated.push(name);
  }
  if (changed) await writeFile(file, `${JSON.stringify(kept, null, 2)}\n`, { mode: 0o600 });
  const fromFile = Object.fromEntries(generated.map((name) => [name, kept[name]]));
  return { secrets: { ...fromFile, ...fromEnv }, generated, file };
}

/**
 * A local value for an inbound secret: 32 random bytes in hex, except the Salesforce org id, which is
 * shaped like one (`00D` and 15 letters and digits) so that simulated outbound messages look like
 * Salesforce's.
 */
function generateSecret(name: SecretName): string {
  if (name === 'SALESFORCE_ORG_ID') {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    return `00D${[...randomBytes(15)].map((byte) => alphabet[byte % alphabet.length]).join('')}`;
  }
  return randomBytes(32).toString('hex');
}

/** The secrets kept in the data directory (the CLI reads them to sign simulated webhooks). */
export async function readKeptSecrets(dataDir: string): Promise<Secrets> {
  return readSecrets(await readJson(join(dataDir, 'secrets.json')));
}

async function readJson(file: string): Promise<Record<string, unknown>> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new Error(`${file} is not valid JSON; delete it to generate new local secrets`, { cause: error });
  }
}
