import { access, stat } from "node:fs/promises";
import { constants } from "node:fs";
import path from "node:path";

/** Why `file` cannot be written, in words a user can act on (undefined: it can). Checked before any work is done. */
export async function unwritable(file: string): Promise<string | undefined> {
  const dir = path.dirname(file);
  try {
    if ((await stat(file)).isDirectory()) return "it is a directory; name a file";
  } catch {
    // The file does not exist yet: its folder decides.
  }
  try {
    if (!(await stat(dir)).isDirectory()) return `${dir} is not a directory`;
  } catch {
    return `the folder ${dir} does not exist`;
  }
  try {
    await access(dir, constants.W_OK);
    await access(file, constants.W_OK).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== "ENOENT") throw e;
    });
  } catch (error) {
    return writeProblem(error);
  }
  return undefined;
}

/** A failed write or open as a short reason ("permission denied"), not the raw errno text. */
export function writeProblem(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e.code) {
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EROFS":
      return "the file system is read-only";
    case "ENOSPC":
      return "no space left on the device";
    case "EISDIR":
      return "it is a directory; name a file";
    case "ENOENT":
      return "its folder does not exist";
    default:
      return e.message;
  }
}
