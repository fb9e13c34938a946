import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectChange, prepareReview, readAtRevision } from '../../../src/core/review';
import { buildReviewRepo, gitIn, type ReviewRepo } from '../../support/reviewRepo';

describe('review change sources: the revision findings open on', function () {
  this.timeout(30_000);
  let repo: ReviewRepo;
  before(() => {
    repo = buildReviewRepo();
  });

  it('a commit, a range and a branch name the commit of their "after" side; the working tree names none', async () => {
    const commit = await collectChange(repo.dir, { kind: 'commit', ref: repo.commits.removeValidation });
    assert.equal(commit?.afterRevision, repo.commits.removeValidation);
    const range = await collectChange(repo.dir, { kind: 'range', range: `${repo.commits.base}..${repo.commits.leakKey}` });
    assert.equal(range?.afterRevision, repo.commits.leakKey, 'resolved to a commit id, so a moving ref does not change it');
    const branch = await collectChange(repo.dir, { kind: 'branch', base: repo.commits.base });
    assert.equal(branch?.afterRevision, repo.commits.changeStatus);
    const staged = await collectChange(repo.dir, { kind: 'staged' });
    assert.equal(staged?.afterRevision, '', 'the index');
    const working = await collectChange(repo.dir, { kind: 'working-tree' });
    assert.equal(working?.afterRevision, undefined);
  });

  it('a working-tree diff whose last context line is blank parses (git output is not trimmed)', async () => {
    const users = join(repo.dir, 'src', 'users.ts');
    const before = readFileSync(users, 'utf8');
    writeFileSync(users, before.replace('email: z.string().email(),', 'email: z.string(),'));
    try {
      const change = await collectChange(repo.dir, { kind: 'working-tree' });
      assert.ok(change);
      assert.match(change.diffText, /\n \n?$/, 'the hunk ends with the blank line after the schema');
      const prepared = await prepareReview(change, { maxPromptTokens: 12_000 });
      assert.deepEqual(prepared.ruleFindings.map((f) => `${f.rule}@${f.file}:${f.line}`), ['validation-removed@src/users.ts:5']);
      assert.equal(await change.readAfter('src/users.ts'), readFileSync(users, 'utf8'), 'byte for byte');
      assert.equal(await change.readBefore('src/users.ts'), before, 'HEAD byte for byte');
    } finally {
      writeFileSync(users, before);
    }
  });

  it('reads a file as it is at a commit or in the index, not on disk', async () => {
    const old = await readAtRevision(repo.dir, repo.commits.removeValidation, 'src/users.ts');
    assert.match(old?.split('\n')[15] ?? '', /res\.status\(201\)/, 'line 16 of that commit');
    writeFileSync(join(repo.dir, 'src', 'routes.ts'), '// staged\n');
    gitIn(repo.dir, 'add', 'src/routes.ts');
    writeFileSync(join(repo.dir, 'src', 'routes.ts'), '// on disk only\n');
    assert.equal(await readAtRevision(repo.dir, '', 'src/routes.ts'), '// staged\n', 'the index, byte for byte');
    gitIn(repo.dir, 'checkout', '-q', 'HEAD', '--', 'src/routes.ts');
  });

  it('refuses option-like revisions and paths that leave the repository', async () => {
    await assert.rejects(readAtRevision(repo.dir, '--output=/tmp/x', 'src/users.ts'), /not a git revision/);
    assert.equal(await readAtRevision(repo.dir, repo.commits.base, '../etc/passwd'), undefined);
    assert.equal(await readAtRevision(repo.dir, repo.commits.base, 'src/missing.ts'), undefined);
  });
});
