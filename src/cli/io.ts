import type { Readable, Writable } from "node:stream";

/** What a command may touch of the process: injected so tests run commands in-process. */
export interface Io {
  stdin: Readable;
  stdout: Writable & { isTTY?: boolean; columns?: number };
  stderr: Writable & { isTTY?: boolean; columns?: number };
  cwd: string;
  env: Record<string, string | undefined>;
}

/** A CLI command: parses its own arguments and returns the process exit code. */
export type Command = (argv: string[], io: Io) => Promise<number>;

export function processIo(): Io {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env };
}
