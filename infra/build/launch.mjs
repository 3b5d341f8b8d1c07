#!/usr/bin/env node
// `node infra/build/launch.mjs start|cli [args…]`: runs a built program (building it first if a source
// changed). `npm start` and the `switchboard` command both come through here.
import { builtEntry, ENTRIES } from './local-build.mjs';

const [name, ...args] = process.argv.slice(2);
if (name === undefined || !(name in ENTRIES)) {
  process.stderr.write(`usage: node infra/build/launch.mjs ${Object.keys(ENTRIES).join('|')} [arguments]\n`);
  process.exit(2);
}
process.argv = [process.argv[0], name, ...args];
await import(`file://${await builtEntry(name)}`);
