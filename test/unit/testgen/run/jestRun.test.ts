import { JEST } from './candidates';
import { describeRunner } from './describeRunner';

describeRunner(JEST, 'measured');
