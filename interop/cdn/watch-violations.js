/* global document */
// A classic script, run before anything else on the page: every Content-Security-Policy or Trusted Types violation
// the page causes lands in window.__violations for the test to read.
window.__violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__violations.push({
    directive: event.effectiveDirective,
    blocked: event.blockedURI,
    sample: event.sample,
    source: `${event.sourceFile}:${event.lineNumber}`,
  });
});
