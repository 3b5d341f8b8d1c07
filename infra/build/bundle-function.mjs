// Bundles one Lambda function the way the stack deploys it: minified CommonJS for Node.js (22 on Lambda,
// 20 locally), the AWS SDK left to the Lambda runtime, the holiday library kept to the bundled rules.
//
//   node infra/build/bundle-function.mjs functions/after-hours/handler.ts cdk.out/after-hours
//
// The CDK construct (infra/stack/switchboard-function.ts) runs this as its local bundling, and the
// benchmarks run it to report each bundle's size.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { holidayBundling } from './holiday-bundling.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * @param {{ entry: string, outdir: string }} input the handler file (relative to the repository root) and where `index.js` goes
 * @returns {Promise<{ file: string, bytes: number, inputs: Record<string, number> }>} the bundle and its bytes by package
 */
export async function bundleFunction({ entry, outdir }) {
  const { build } = await import('esbuild');
  const holidays = await holidayBundling();
  await mkdir(outdir, { recursive: true });
  const file = join(outdir, 'index.js');
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    outfile: file,
    bundle: true,
    minify: true,
    sourcemap: false,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // The Node.js 22 runtime ships the AWS SDK v3: leaving it out keeps the bundles small.
    external: ['@aws-sdk/*'],
    alias: holidays.alias,
    plugins: holidays.plugins,
    metafile: true,
    logLevel: 'error',
  });
  // CommonJS, whatever the package.json of the directory above says (this repository's is an ES module).
  await writeFile(join(outdir, 'package.json'), '{ "type": "commonjs" }\n');
  const inputs = {};
  for (const [path, input] of Object.entries(result.metafile.outputs[Object.keys(result.metafile.outputs)[0]].inputs)) {
    const match = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(path);
    const owner = match === null ? path.split('/').slice(0, 2).join('/') : match[1];
    inputs[owner] = (inputs[owner] ?? 0) + input.bytesInOutput;
  }
  const bytes = Object.values(result.metafile.outputs)[0].bytes;
  return { file, bytes, inputs };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [entry, outdir] = process.argv.slice(2);
  if (entry === undefined || outdir === undefined) {
    process.stderr.write('usage: node infra/build/bundle-function.mjs <handler.ts> <output directory>\n');
    process.exit(2);
  }
  const { bytes, inputs } = await bundleFunction({ entry, outdir });
  process.stdout.write(`${JSON.stringify({ entry, bytes, inputs })}\n`);
}
