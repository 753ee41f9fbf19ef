// Imported by every test file: fails the current test when an unhandled rejection or uncaught error surfaced while
// it ran (collected by unhandled-rejections.js, which the runner loads first).
declare global {
  interface Window {
    __takeUnhandled?: () => string[];
  }
}

afterEach(async () => {
  // Rejections are reported a task after they happen: give them that task.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const problems = window.__takeUnhandled?.() ?? [];
  if (problems.length > 0) throw new Error(problems.join('\n'));
});

export {};
