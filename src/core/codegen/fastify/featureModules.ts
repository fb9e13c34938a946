import { posix } from 'node:path';
import { featureModulePlacement, type ModulePlacement, type SiblingModule } from '../shared/featureModulePlacement';
import type { GenerationContext } from '../shared/generationContext';
import type { AggregatorPlugin } from './aggregatorPlugin';
import { featureKeys, siblingRouterPath } from './aggregatorRegistration';
import type { ProjectSources } from './projectSources';

/** The aggregator's siblings that live in a folder named after their feature (`src/modules/auth/auth.routes.ts`). */
function siblingModules(aggregator: AggregatorPlugin): SiblingModule[] {
  return aggregator.siblings.flatMap((s) => {
    const folder = posix.dirname(s.file);
    const feature = featureKeys(s).find((k) => k === posix.basename(folder));
    return feature === undefined ? [] : [{ feature, folder, entry: s.file }];
  });
}

/** Where the new plugin and the rest of its feature go in an aggregator app: the routes module beside its siblings and, when those are feature modules, its schemas, tests and repository as they show. */
export interface AggregatedLayout {
  readonly router?: string;
  /** Only when the routes module opens a feature module of its own beside the siblings' ones. */
  readonly module?: ModulePlacement;
}

/** Reads the layout of the aggregator's sibling modules (their folders, schemas, tests) for the new resource. */
export function aggregatedLayout(ctx: GenerationContext, sources: ProjectSources, aggregator: AggregatorPlugin): AggregatedLayout {
  const router = siblingRouterPath(ctx, aggregator);
  if (router === undefined) {
    return {};
  }
  const modules = siblingModules(aggregator);
  const folder = posix.dirname(router);
  const inModule = modules.length > 0 && posix.basename(folder) === ctx.names.kebabPlural && modules.some((m) => posix.dirname(m.folder) === posix.dirname(folder));
  return inModule ? { router, module: featureModulePlacement(ctx, (dir, limit) => sources.walk(dir, limit), modules, router) } : { router };
}
