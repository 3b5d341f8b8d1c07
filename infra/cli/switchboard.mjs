#!/usr/bin/env node
// The `switchboard` command: the CLI built once into JavaScript (rebuilt when a source changed).
import { builtEntry } from '../build/local-build.mjs';

await import(`file://${await builtEntry('cli')}`);
