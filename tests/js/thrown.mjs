// The error a call throws, for the tests of tests/js/ that look at it
// (`kind`, `path`, `message`); a call that returns fails the test.
import assert from "node:assert/strict";

/** What `fn()` throws; fails the test when it returns. */
export function thrown(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  assert.fail("expected a thrown error");
}
