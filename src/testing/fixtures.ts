import { existsSync, readdirSync } from "node:fs";
import { PassThrough, Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import type { Io } from "../cli/io.js";

/** `../shared` beside the repository (tests run from dist/<stage>/). */
export const SHARED = fileURLToPath(new URL("../../../shared/", import.meta.url));
export const SEEDS = `${SHARED}seeds`;
export const REPO = fileURLToPath(new URL("../../", import.meta.url));

/** The seed article whose file name starts with `prefix` ("003"), as a path. */
export function seedFile(prefix: string): string {
  return `${SEEDS}/${readdirSync(SEEDS).find((f) => f.startsWith(prefix))!}`;
}

export function requireShared(): void {
  if (!existsSync(SEEDS)) throw new Error(`test data missing: expected ../shared beside the repository (looked in ${SHARED})`);
}

export interface FakeIo extends Io {
  out(): string;
  err(): string;
}

/** An in-process Io: commands write to buffers; stdin is the given text. */
export function fakeIo(options: { stdin?: string | Buffer; cwd?: string; tty?: boolean } = {}): FakeIo {
  const outChunks: Buffer[] = [];
  const errChunks: Buffer[] = [];
  const stdout = collector(outChunks);
  const stderr = collector(errChunks);
  const stdin = new PassThrough();
  stdin.end(options.stdin ?? "");
  Object.assign(stdout, { isTTY: options.tty ?? false, columns: 100 });
  return {
    stdin,
    stdout,
    stderr,
    cwd: options.cwd ?? REPO,
    env: {},
    out: () => Buffer.concat(outChunks).toString("utf8"),
    err: () => Buffer.concat(errChunks).toString("utf8"),
  };
}

function collector(chunks: Buffer[]): Writable {
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
}
