import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';

export interface EmbeddedDynamoDb {
  endpoint: string;
  close(): Promise<void>;
}

/**
 * Starts the embedded DynamoDB-compatible server (dynalite) on a free loopback port: persisted in
 * `directory` (LevelDB), or in memory when none is given.
 *
 * @example
 * const db = await startEmbeddedDynamoDb({ directory: '.switchboard/data' });
 */
export async function startEmbeddedDynamoDb(options: { directory?: string; port?: number } = {}): Promise<EmbeddedDynamoDb> {
  if (options.directory !== undefined) await mkdir(options.directory, { recursive: true });
  const server = dynalite({
    ...(options.directory === undefined ? {} : { path: options.directory }),
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
