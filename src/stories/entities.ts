import type { Article, Entity } from "../types/index.js";

export function storyEntities(_articles: readonly Article[]): Entity[] {
  return [];
}
