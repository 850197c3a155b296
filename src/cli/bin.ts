#!/usr/bin/env node
import { processIo } from "./io.js";
import { main } from "./main.js";

// A reader that stops early (`newsbrief extract … | head`) closes the pipe: stop quietly, as Unix tools do.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});

main(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`newsbrief: ${(error as Error).message}\n`);
    process.exitCode = 1;
  },
);
