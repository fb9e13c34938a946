import { NODE_TEST } from './candidates';
import { describeRunner } from './describeRunner';

describeRunner(NODE_TEST, 'measured');
