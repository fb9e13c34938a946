// A node:test reporter for the corpus runner: one JSON line per test:start / test:pass / test:fail
// event, with the test file (Node's TAP reporter names the file only for failures). Parsed by
// parseTestReport.ts (parseNodeTestEvents).
export default async function* corpusReporter(source) {
  for await (const event of source) {
    if (event.type !== 'test:start' && event.type !== 'test:pass' && event.type !== 'test:fail') {
      continue;
    }
    const data = event.data;
    const details = data.details ?? {};
    yield `${JSON.stringify({
      type: event.type,
      name: data.name,
      nesting: data.nesting,
      file: data.file,
      todo: data.todo === undefined || data.todo === false ? undefined : true,
      skip: data.skip === undefined || data.skip === false ? undefined : true,
      suite: details.type === 'suite' ? true : undefined,
      failureType: details.error?.failureType,
      error: details.error ? String(details.error.cause?.message ?? details.error.message) : undefined,
    })}\n`;
  }
}
