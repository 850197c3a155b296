import type { Briefing } from "../types/index.js";

export function renderJson(briefing: Briefing): string {
  return JSON.stringify(briefing, null, 2) + "\n";
}
