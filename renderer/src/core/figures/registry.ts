// The figure set is assembled from the areas' contributions (each area keeps its figures in its own
// core folder and lists them as a FigureArea); the registry checks the ids once and answers look-ups.
import type { FigureArea, FigureDefinition } from './types';

export interface FigureRegistry {
  readonly areas: readonly FigureArea[];
  /** Every figure, area by area, in display order. */
  readonly figures: readonly FigureDefinition[];
  get(id: string): FigureDefinition | undefined;
}

const ID_PATTERN = /^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/;

/** Refuses a figure set whose ids clash or are malformed: ids are what the CLI and exports print. */
export function createFigureRegistry(areas: readonly FigureArea[]): FigureRegistry {
  const byId = new Map<string, FigureDefinition>();
  const areaIds = new Set<string>();
  for (const area of areas) {
    if (areaIds.has(area.id)) throw new Error(`figure area ${area.id} is contributed twice`);
    areaIds.add(area.id);
    for (const f of area.figures) {
      if (!ID_PATTERN.test(f.id)) throw new Error(`figure id ${f.id} is not of the form area.name`);
      if (byId.has(f.id)) throw new Error(`figure id ${f.id} is defined twice`);
      if (f.area !== area.id) throw new Error(`figure ${f.id} says area ${f.area} but is listed under ${area.id}`);
      if (f.definition.trim() === '') throw new Error(`figure ${f.id} has no definition (口径)`);
      byId.set(f.id, f);
    }
  }
  return {
    areas,
    figures: areas.flatMap((a) => a.figures),
    get: (id) => byId.get(id),
  };
}
