import assert from 'node:assert/strict';
import { missingWorkspaceDependency } from '../../../src/core/endpoint/workspaceDependency';
import { detectProject } from '../../../src/core/project';
import { memoryFsAt, nxTree } from '../project/workspaceTrees';

const ZOD_FILE = { after: "import { z } from 'zod';\nexport const Gadget = z.object({});\n" };

describe('endpoint/missingWorkspaceDependency', () => {
  it('an Nx project whose root lacks zod: one sentence naming the root package.json', async () => {
    const tree = nxTree();
    tree['/repo/package.json'] = tree['/repo/package.json']!.replace(/"zod": "\^3\.23\.0"/, '"left-pad": "1.3.0"');
    const facts = await detectProject('/repo/apps/api', memoryFsAt(tree, '/repo/apps/api'));
    assert.equal(
      missingWorkspaceDependency(facts, [ZOD_FILE]),
      'The generated code imports zod, which /repo/package.json does not list and this package has no package.json of its own: add zod there (`npm add zod` in /repo), then run again; nothing was written.',
    );
    assert.equal(missingWorkspaceDependency(facts, [{ after: "import { IsString } from 'class-validator';\n" }]), undefined, 'no zod import, nothing missing');
  });

  it('nothing to say when the root lists zod, or the package has its own package.json', async () => {
    const facts = await detectProject('/repo/apps/api', memoryFsAt(nxTree(), '/repo/apps/api'));
    assert.equal(missingWorkspaceDependency(facts, [ZOD_FILE]), undefined);
    const own = { ...facts, zod: undefined, workspace: { ...facts.workspace!, ownPackageJson: true } };
    assert.equal(missingWorkspaceDependency(own, [ZOD_FILE]), undefined);
  });
});
