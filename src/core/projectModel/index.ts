export { ProjectModel, type ModelRequest } from './projectModel';
export { DEFAULT_MODEL_LIMITS, ProjectModels, type ProjectModelLimits } from './projectModels';
