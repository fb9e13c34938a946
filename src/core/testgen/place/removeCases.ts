import { placeTestsInText, type PlacedTests } from './placeTests';

/** The placement again without the given cases (those that failed to compile or pass). */
export function removeCases(placed: PlacedTests, caseIds: readonly string[]): PlacedTests {
  const drop = new Set(caseIds);
  const { basis } = placed;
  return placeTestsInText({ ...basis, plan: { ...basis.plan, cases: basis.plan.cases.filter((c) => !drop.has(c.id)) } });
}
