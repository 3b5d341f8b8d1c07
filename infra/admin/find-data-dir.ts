import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { OperationError } from './operation-error';

/** Files that mark a Switchboard project's root. */
const PROJECT_MARKERS = ['switchboard.config.yaml', 'switchboard.config.example.yaml'];

/**
 * The local data directory the CLI works on: `SWITCHBOARD_DATA_DIR` when set (relative to the working
 * directory, as `npm start` reads it), else the nearest `.switchboard` directory in the working directory
 * or above it, else `.switchboard` at the root of the project the working directory is in.
 */
export function findDataDir(env: Record<string, string | undefined>, cwd = process.cwd()): { dataDir: string; projectRoot: string | undefined } {
  const configured = env['SWITCHBOARD_DATA_DIR']?.trim();
  if (configured !== undefined && configured !== '') return { dataDir: resolve(cwd, configured), projectRoot: findUp(cwd, (dir) => PROJECT_MARKERS.some((m) => existsSync(join(dir, m)))) };
  const withData = findUp(cwd, (dir) => isDirectory(join(dir, '.switchboard')));
  if (withData !== undefined) return { dataDir: join(withData, '.switchboard'), projectRoot: withData };
  const project = findUp(cwd, (dir) => PROJECT_MARKERS.some((marker) => existsSync(join(dir, marker))));
  if (project !== undefined) return { dataDir: join(project, '.switchboard'), projectRoot: project };
  throw new OperationError(
    `no Switchboard project in ${cwd} or any directory above it (looked for .switchboard/ and switchboard.config.yaml): run the command inside the project, or set SWITCHBOARD_DATA_DIR`,
  );
}

function findUp(start: string, matches: (dir: string) => boolean): string | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (matches(dir)) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
