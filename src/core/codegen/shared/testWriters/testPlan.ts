import type { JsonSchema } from '../../../endpointSpec';
import { exampleValue } from '../exampleValue';
import { failingCases, type FailingCase } from '../failingCases';
import type { GenerationContext } from '../generationContext';
import type { Operation } from '../operations';

/** A piece of a URL: literal text, or a field of an earlier answer's body. */
export type UrlPart = string | { readonly res: string; readonly field: string };

/** One step of a generated test; rendered by the runner style and the framework's driver. */
export type TestStep =
  | { readonly kind: 'send'; readonly res: string; readonly method: Operation['method']; readonly url: readonly UrlPart[]; readonly query?: unknown; readonly body?: unknown }
  | { readonly kind: 'status'; readonly res: string; readonly status: number }
  | { readonly kind: 'location'; readonly res: string; readonly url: readonly UrlPart[] }
  | { readonly kind: 'sameBody'; readonly res: string; readonly other: string }
  | { readonly kind: 'listContains'; readonly res: string; readonly other: string; readonly idField: string }
  | { readonly kind: 'validationIssue'; readonly res: string; readonly issuePath: string };

export interface TestCase {
  readonly title: string;
  readonly steps: readonly TestStep[];
  /** Listed as a todo in the runner instead of run: the success test of an operation without logic (its handler answers 501). */
  readonly todo?: boolean;
}

/** The tests of one operation, in one `describe` titled `METHOD /path`. */
export interface TestGroup {
  readonly title: string;
  readonly tests: readonly TestCase[];
}

const UNKNOWN_UUID = '00000000-0000-4000-8000-000000000000';
const UNKNOWN_INTEGER = 999999999;

function objectExample(schema: JsonSchema | undefined, what: string): Record<string, unknown> {
  return schema ? (exampleValue(schema, what) as Record<string, unknown>) : {};
}

function isEmptyObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
}

/** Fills `{name}` placeholders of a sub path from `params`; `ref` puts an earlier answer's id in its place. */
function url(basePath: string, op: Operation, params: Record<string, unknown>, ref?: UrlPart): UrlPart[] {
  const parts: UrlPart[] = [];
  const full = op.subPath === '/' ? basePath : `${basePath}${op.subPath}`;
  let last = 0;
  for (const m of full.matchAll(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g)) {
    parts.push(full.slice(last, m.index));
    const value = params[m[1]!];
    parts.push(ref ?? encodeURIComponent(String(value)));
    last = m.index + m[0].length;
  }
  parts.push(full.slice(last));
  return parts.filter((p) => p !== '');
}

/**
 * The deterministic test plan of a resource: one group per operation, success path and every failing
 * case. `validatorRejects` drops cases the app's validator coerces into valid input (default: none);
 * `validationStatus` is what the app answers to invalid input (400 unless the project's validation
 * hook says otherwise).
 */
export function testPlan(ctx: GenerationContext, validatorRejects: (failing: FailingCase) => boolean = () => true, validationStatus = 400): TestGroup[] {
  const crud = ctx.input.spec.crud;
  const base = ctx.names.basePath;
  const idField = crud?.idField ?? 'id';
  const unknownId = crud?.idFormat === 'integer' ? UNKNOWN_INTEGER : UNKNOWN_UUID;
  const create = ctx.operations.find((o) => o.kind === 'create');
  const entity = crud ? exampleValue(crud.entity, ctx.names.singular) : undefined;
  const ref: UrlPart = { res: 'created', field: idField };
  const createSteps: TestStep[] = create ? [{ kind: 'send', res: 'created', method: 'POST', url: [base], body: entity }, { kind: 'status', res: 'created', status: 201 }] : [];
  const unknown = { [idField]: unknownId };
  const rejects = (op: Operation, cases: readonly FailingCase[], params: Record<string, unknown>, query: Record<string, unknown> | undefined, body: unknown): TestCase[] =>
    cases.map((c) => ({
      title: `${String(validationStatus)} when ${c.title}`,
      steps: [
        {
          kind: 'send', res: 'res', method: op.method,
          url: url(base, op, c.part === 'params' ? (c.value as Record<string, unknown>) : params),
          ...(op.query ? { query: c.part === 'query' ? c.value : query } : {}),
          ...(op.body ? { body: c.part === 'body' ? c.value : body } : {}),
        },
        { kind: 'status', res: 'res', status: validationStatus },
        // An empty JSON body is often refused before the route's validation, by the app's own
        // middleware (a "body required" check) with its own 400 body: only the status is asserted.
        ...(c.part === 'body' && isEmptyObject(c.value) ? [] : [{ kind: 'validationIssue', res: 'res', issuePath: c.issuePath } as const]),
      ],
    }));
  return ctx.operations.map((op) => {
    const params = op.kind === 'custom' ? objectExample(op.params?.schema, 'pathParams') : unknown;
    const query = op.query ? objectExample(op.query.schema, 'query') : undefined;
    const body = op.body ? (op.kind === 'custom' ? exampleValue(op.body.schema, 'body') : entity) : undefined;
    const failing = [
      ...(op.params ? failingCases(op.params.schema, 'params', params, ctx.failingCaseOptions) : []),
      ...(op.query ? failingCases(op.query.schema, 'query', query, ctx.failingCaseOptions) : []),
      ...(op.body ? failingCases(op.body.schema, 'body', body, ctx.failingCaseOptions) : []),
    ].filter(validatorRejects);
    const tests: TestCase[] = [];
    const notFound = (extra: Partial<Extract<TestStep, { kind: 'send' }>> = {}): TestCase => ({
      title: '404 for an unknown id',
      steps: [{ kind: 'send', res: 'res', method: op.method, url: url(base, op, unknown), ...extra }, { kind: 'status', res: 'res', status: 404 }],
    });
    switch (op.kind) {
      case 'list':
        tests.push({
          title: `200 with an array of ${ctx.names.plural}`,
          steps: [...createSteps, { kind: 'send', res: 'res', method: 'GET', url: [base] }, { kind: 'status', res: 'res', status: 200 },
            ...(create ? [{ kind: 'listContains', res: 'res', other: 'created', idField } as const] : [])],
        });
        break;
      case 'create':
        tests.push({
          title: `201 with a Location header for a valid ${ctx.names.singular}`,
          steps: [...createSteps, { kind: 'location', res: 'created', url: [base, '/', ref] }],
        });
        break;
      case 'get':
        if (create) {
          tests.push({ title: `200 with a created ${ctx.names.singular}`, steps: [...createSteps, { kind: 'send', res: 'res', method: 'GET', url: url(base, op, {}, ref) }, { kind: 'status', res: 'res', status: 200 }, { kind: 'sameBody', res: 'res', other: 'created' }] });
        }
        tests.push(notFound());
        break;
      case 'update':
        if (create) {
          tests.push({ title: `200 when replacing a created ${ctx.names.singular}`, steps: [...createSteps, { kind: 'send', res: 'res', method: 'PUT', url: url(base, op, {}, ref), body: entity }, { kind: 'status', res: 'res', status: 200 }] });
        }
        tests.push(notFound({ body: entity }));
        break;
      case 'delete':
        if (create) {
          tests.push({
            title: '204, then 404 for the deleted id',
            steps: [...createSteps, { kind: 'send', res: 'res', method: 'DELETE', url: url(base, op, {}, ref) }, { kind: 'status', res: 'res', status: 204 },
              { kind: 'send', res: 'again', method: 'DELETE', url: url(base, op, {}, ref) }, { kind: 'status', res: 'again', status: 404 }],
          });
        }
        tests.push(notFound());
        break;
      case 'custom': {
        const implemented = (ctx.input.handlerBodies[op.operationId]?.trim() ?? '') !== '';
        tests.push({
          title: `${String(op.successStatus)} for a valid request${implemented ? '' : ` (${op.operationId} is not implemented yet: it answers 501)`}`,
          steps: [{ kind: 'send', res: 'res', method: op.method, url: url(base, op, params), ...(query ? { query } : {}), ...(op.body ? { body } : {}) }, { kind: 'status', res: 'res', status: op.successStatus }],
          ...(implemented ? {} : { todo: true }),
        });
        break;
      }
    }
    tests.push(...rejects(op, failing, params, query, body));
    return { title: `${op.method} ${op.path}`, tests };
  });
}
