import { VITEST } from './candidates';
import { describeRunner } from './describeRunner';

// express5-vitest has no @vitest/coverage-v8: coverage is reported as unavailable.
describeRunner(VITEST, 'none');
