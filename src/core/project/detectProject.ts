import { detectAppFile } from './detectAppFile';
import { detectFramework } from './detectFramework';
import { detectHonoAppFile } from './detectHonoApp';
import { detectImportExtension, detectModuleKind } from './detectModule';
import { detectPathAliases } from './detectPathAliases';
import { detectRoutesDir } from './detectRoutesDir';
import { detectStyle } from './detectStyle';
import { detectTestLayout } from './detectTestLayout';
import { detectTestRunner } from './detectTestRunner';
import { detectValidation } from './detectValidation';
import { createNodeProjectFs } from './nodeProjectFs';
import { dependencyVersion } from './packageJson';
import { detectPackageManager } from './packageManager';
import type { ProjectFacts, UnknownFact } from './projectFacts';
import type { ProjectFs } from './projectFs';
import { sampleProject } from './sampleFiles';
import { readConfiguredStyle } from './styleConfig';
import { readTsconfig } from './tsconfig';
import { majorOf } from './versionRange';
import { readPackageContext, scopeInheritedFrameworks } from './workspacePackageJson';
import { packageRootDir, tsconfigNames, workspaceFacts, workspaceStyle } from './workspaceFacts';

function zodMajor(version: string | undefined): ProjectFacts['zod'] {
  const major = version === undefined ? undefined : majorOf(version);
  return major === undefined ? undefined : { major: major >= 4 ? 4 : 3 };
}

/**
 * Reads what Routecraft needs to write code the way a project is written: package.json,
 * tsconfig (with `extends`), lockfiles, formatter config and a bounded sample of neighbouring
 * files (at most ~60 directory listings and ~45 file reads, whatever the project's size; no
 * type-check). Facts it cannot decide are listed in `unknowns`, never guessed silently. In a
 * monorepo package the workspace root's package.json, node_modules and formatter config count too.
 * Rejects with a RoutecraftError when `root` has no readable package.json.
 */
export async function detectProject(root: string, fs: ProjectFs = createNodeProjectFs(root)): Promise<ProjectFacts> {
  const context = await readPackageContext(fs, root);
  const pkg = context.pkg;
  const rootNames = new Set((await fs.readdir('.')).map((entry) => entry.name));
  const tsconfig = await readTsconfig(fs, await tsconfigNames(fs, rootNames));
  const packageManager = await detectPackageManager(fs, pkg);
  const rootDir = packageRootDir(tsconfig.rootDir);
  const sourceDir = rootDir !== undefined && (await fs.exists(rootDir))
    ? rootDir
    : rootNames.has('src') ? 'src' : '.';
  const sample = await sampleProject(fs, sourceDir);

  const frameworkResult = await detectFramework(fs, scopeInheritedFrameworks(context, sample.sources), sample.sources);
  const frameworkName = frameworkResult.framework?.name;
  const testResult = detectTestRunner(pkg, sample.testTexts, frameworkName);
  const moduleKind = detectModuleKind(pkg, tsconfig);
  const honoApp = frameworkName === 'hono' ? detectHonoAppFile(sample.sources) : undefined;
  const appResult = honoApp ? { appFile: honoApp.appFile } : detectAppFile(frameworkName, sample.sources, sample.listed);
  const routesResult = detectRoutesDir(frameworkName, sample.sources, appResult.appFile, sourceDir);
  const configured = await workspaceStyle(fs, context, await readConfiguredStyle(fs, pkg, rootNames));
  const typescriptVersion = await dependencyVersion(fs, pkg, 'typescript');
  const zod = zodMajor(await dependencyVersion(fs, pkg, 'zod'));

  const unknowns: UnknownFact[] = [
    ...frameworkResult.unknowns,
    ...testResult.unknowns,
    ...(appResult.unknown ? [appResult.unknown] : []),
    ...(routesResult.unknown ? [routesResult.unknown] : []),
  ];
  return {
    root,
    packageManager,
    moduleKind,
    importExtension: detectImportExtension(tsconfig, moduleKind, sample.sources),
    ...(frameworkResult.framework ? { framework: frameworkResult.framework } : {}),
    ...(testResult.testRunner ? { testRunner: testResult.testRunner } : {}),
    ...(testResult.httpTester ? { httpTester: testResult.httpTester } : {}),
    ...(zod ? { zod } : {}),
    ...(typescriptVersion !== undefined ? { typescriptVersion } : {}),
    layout: {
      sourceDir,
      routesDir: routesResult.routesDir,
      ...detectTestLayout(sample.tests, sourceDir, frameworkName),
      ...(appResult.appFile !== undefined ? { appFile: appResult.appFile } : {}),
    },
    style: detectStyle(configured, [...sample.sources, ...sample.testTexts]),
    pathAliases: detectPathAliases(tsconfig, sample.sources),
    validation: detectValidation(pkg, sample.sources),
    unknowns,
    ...workspaceFacts(root, context),
  };
}
