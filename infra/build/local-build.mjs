// Builds the CLI and the local runtime into JavaScript once, and again only when a source changed, so that
// neither transpiles TypeScript on every start (`tsx` cost 3–8 s a CLI command). Plain JavaScript: it is
// what runs before anything is built.
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT = join(ROOT, 'node_modules', '.cache', 'switchboard');
const SOURCE_DIRS = ['infra/cli', 'infra/local', 'infra/admin', 'infra/console', 'infra/stack/stack-outputs.ts', 'functions', 'shared'];
const SOURCE_FILES = ['package-lock.json', 'tsconfig.json', 'infra/build/local-build.mjs', 'infra/build/holiday-bundling.mjs'];

/** SWITCHBOARD_BUILD_MINIFY=0 keeps names readable, for profiling. */
const MINIFY = process.env.SWITCHBOARD_BUILD_MINIFY !== '0';

/** The programs built, by name: their TypeScript entry points. */
export const ENTRIES = { cli: 'infra/cli/bin.ts', start: 'infra/local/start.ts' };

/**
 * The built program `name`, building first when any source is newer than the last build.
 * @returns {Promise<string>} the path of the JavaScript entry to import
 */
export async function builtEntry(name) {
  const stamp = await sourceStamp();
  const current = await readBuildStamp();
  if (current !== stamp) await build(stamp);
  return join(OUT, 'dist', `${name}.mjs`);
}

/** Newest modification time and number of the sources: a change, an addition or a removal alters it. */
async function sourceStamp() {
  let newest = 0;
  let count = 0;
  const visit = async (path) => {
    const info = await stat(path).catch(() => undefined);
    if (info === undefined) return;
    if (info.isDirectory()) {
      for (const entry of await readdir(path)) await visit(join(path, entry));
      return;
    }
    count += 1;
    newest = Math.max(newest, info.mtimeMs);
  };
  for (const source of [...SOURCE_DIRS, ...SOURCE_FILES]) await visit(join(ROOT, source));
  return `${newest}:${count}:${MINIFY ? 'min' : 'plain'}`;
}

async function readBuildStamp() {
  try {
    return JSON.parse(await readFile(join(OUT, 'dist', 'build.json'), 'utf8')).sources;
  } catch {
    return undefined;
  }
}

async function build(stamp) {
  const started = Date.now();
  const { build: esbuild } = await import('esbuild');
  const { holidayBundling } = await import('./holiday-bundling.mjs');
  const holidays = await holidayBundling();
  // Built beside the current build, then swapped in, so a running program never sees half a build.
  const staging = join(OUT, `dist-${process.pid}-${started}`);
  await esbuild({
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, entry]) => [name, entry])),
    outdir: staging,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: MINIFY,
    sourcemap: 'linked',
    // The console's pages are Hono JSX, compiled here: no front-end build step.
    jsx: 'automatic',
    jsxImportSource: 'hono/jsx',
    // The holiday library kept to the bundled rules, as in the Lambda bundles.
    alias: holidays.alias,
    plugins: holidays.plugins,
    // The native SQLite binding stays in node_modules; everything else is bundled, and what only some
    // commands use (the AWS SDK for --stack, live provider clients) lands in chunks loaded on demand.
    external: ['better-sqlite3'],
    // CommonJS dependencies call require(); give the ESM bundle one.
    banner: { js: "import { createRequire as __sbCreateRequire } from 'node:module'; const require = __sbCreateRequire(import.meta.url);" },
    logLevel: 'error',
  });
  await writeFile(join(staging, 'build.json'), `${JSON.stringify({ sources: stamp, builtAt: new Date().toISOString() })}\n`);
  await mkdir(OUT, { recursive: true });
  const previous = join(OUT, `old-${process.pid}-${started}`);
  await rename(join(OUT, 'dist'), previous).catch(() => undefined);
  await rename(staging, join(OUT, 'dist')).catch(async (error) => {
    // Another process swapped in its build at the same moment: theirs is as good as ours.
    if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    await rm(staging, { recursive: true, force: true });
  });
  await rm(previous, { recursive: true, force: true });
  if (process.env.SWITCHBOARD_BUILD_QUIET !== '1') {
    process.stderr.write(`switchboard: built ${relative(ROOT, join(OUT, 'dist'))} in ${Date.now() - started} ms\n`);
  }
}

// `node infra/build/local-build.mjs`: build now if needed (npm's prepare step runs this at install).
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  await builtEntry('cli');
}


