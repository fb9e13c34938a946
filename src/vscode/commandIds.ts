/** Every command id, in one place (package.json declares the same list; a test checks it). */
export const CommandIds = {
  explainSelection: 'routecraft.explainSelection',
  explainSelectionFresh: 'routecraft.explainSelectionFresh',
  explainError: 'routecraft.explainError',
  generateEndpoint: 'routecraft.generateEndpoint',
  generateTests: 'routecraft.generateTests',
  generateQuery: 'routecraft.generateQuery',
  previewPrompt: 'routecraft.previewPrompt',
  openAuditLog: 'routecraft.openAuditLog',
  clearCache: 'routecraft.clearCache',
  showUsage: 'routecraft.showUsage',
  setApiKey: 'routecraft.setApiKey',
  clearApiKey: 'routecraft.clearApiKey',
  showLog: 'routecraft.showLog',
  explainChanges: 'routecraft.explainChanges',
  openReviewLocation: 'routecraft.openReviewLocation',
  resolveFinding: 'routecraft.resolveFinding',
  applyReview: 'routecraft.applyReview',
  discardReview: 'routecraft.discardReview',
  showReview: 'routecraft.showReview',
  toggleReviewChange: 'routecraft.toggleReviewChange',
  toggleReviewFile: 'routecraft.toggleReviewFile',
  pickReviewChanges: 'routecraft.pickReviewChanges',
  configureServer: 'routecraft.configureServer',
  openWalkthrough: 'routecraft.openWalkthrough',
} as const;

/** The walkthrough declared in package.json `contributes.walkthroughs` (extension id # walkthrough id). */
export const WALKTHROUGH_ID = 'routecraft.routecraft#routecraft.gettingStarted';

export type CommandId = (typeof CommandIds)[keyof typeof CommandIds];

export const allCommandIds: readonly CommandId[] = Object.values(CommandIds);
