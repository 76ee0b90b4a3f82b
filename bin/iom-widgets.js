#!/usr/bin/env node
// The `iom-widgets` command (`iom-widgets prerender IN.html …`): see `iom-widgets --help`.
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv.slice(2));
