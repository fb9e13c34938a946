import type { GenerationContext } from '../shared/generationContext';
import type { FeatureLayout } from './featureLayout';
import type { HonoAppModel } from './honoAppModel';
import type { ValidationAnswer } from './validationAnswer';

/** Everything the OpenAPIHono dialect learned: the app, the neighbour's layout and the validation answer. */
export interface OpenApiFeature {
  readonly model: HonoAppModel;
  readonly layout: FeatureLayout;
  readonly validation: ValidationAnswer;
  /** Where the new router is mounted: `/` (routes declare full paths) or the resource's base path. */
  readonly mountPath: string;
  /** The name the app file imports the new router under (`gadgets`). */
  readonly routerName: string;
}

/** The resource's paths in the feature folder, for the shared schema, repository and test builders. */
export function featureContext(ctx: GenerationContext, feature: OpenApiFeature): GenerationContext {
  return {
    ...ctx,
    paths: {
      ...ctx.paths,
      schemas: feature.layout.schemas,
      repository: feature.layout.repository,
      router: feature.layout.index,
      ...(feature.layout.test ? { test: feature.layout.test } : {}),
    },
  };
}
