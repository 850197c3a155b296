#!/usr/bin/env node
/** Runs `newsbrief serve` on its own (until the CLI wires the command in; used by the crash test). */
import { serveCommand } from "../cli/commands/serve.js";
import { processIo } from "../cli/io.js";

serveCommand(process.argv.slice(2), processIo()).then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`newsbrief serve: ${error.message}\n`);
    process.exit(error.constructor.name === "UsageError" ? 2 : 1);
  },
);
