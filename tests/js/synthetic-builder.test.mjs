// veivalg/cohort's SyntheticBuilder from Node, through the package's own
// entry point (pkg/cohort/index.js, the wrapper; ./load.mjs): a synthetic
// cohort made in steps of any size is the cohort of `Cohort.synthetic`, its
// options have the same errors, `maxRows` is checked, and finishing early,
// calls after `finish()` and after `free()` are structured errors.
//   node --test tests/js/
import { test } from "node:test";
import assert from "node:assert/strict";
import { Cohort, cohortModule } from "./load.mjs";
import { thrown } from "./thrown.mjs";

const { SyntheticBuilder } = cohortModule;

/** What the workbench asks a new cohort first, as JSON text. */
function answers(c) {
  return JSON.stringify([
    c.summary(),
    c.evaluate({ method: "RULE_TREE_GROUP" }),
    c.evaluate({ method: "COUNSELLOR", groupColumns: ["gender"] }),
    c.evaluate({ policy: "variant-b", cutoff: 0.3 }),
  ]);
}

test("SyntheticBuilder: steps of any size give the cohort of Cohort.synthetic", () => {
  for (const options of [{ seed: 1, size: 300 }, { seed: 42, size: 1234, ages: "WIDE" }, { seed: 2 ** 53 - 1, size: 5 }]) {
    const whole = Cohort.synthetic(options);
    const expected = answers(whole);
    whole.free();
    for (const chunk of [1, 7, 1000, options.size, options.size + 1]) {
      const b = new SyntheticBuilder(options);
      let p = b.progress();
      assert.deepEqual(p, { rows: 0, size: options.size });
      const seen = [];
      while (p.rows < p.size) {
        p = b.step(chunk);
        seen.push(p.rows);
      }
      // Each step made `chunk` rows, fewer at the end.
      assert.deepEqual(seen, Array.from({ length: Math.ceil(options.size / chunk) }, (_, i) => Math.min(options.size, (i + 1) * chunk)));
      // Stepping on at the end makes nothing.
      assert.deepEqual(b.step(chunk), { rows: options.size, size: options.size });
      const c = b.finish();
      assert.ok(c instanceof Cohort);
      assert.equal(answers(c), expected, `${JSON.stringify(options)} in steps of ${chunk}`);
      b.free();
      c.free();
    }
  }
});

test("SyntheticBuilder: the options have Cohort.synthetic's errors", () => {
  for (const bad of [
    { seed: 1, size: 0 },
    { seed: 1, size: 10_000_001 },
    { seed: 1, size: 2 ** 53 },
    { seed: 1, size: 2 ** 64 },
    { seed: 2 ** 53, size: 5 },
    { seed: -1, size: 5 },
    { seed: 1.5, size: 5 },
    { seed: 1 },
    { seed: 1, size: 5, ages: "ALL" },
    { seed: 1, size: 5, rows: 5 },
    [1, 5],
    "seed 1",
    null,
    undefined,
  ]) {
    const one = thrown(() => Cohort.synthetic(bad));
    const stepped = thrown(() => new SyntheticBuilder(bad));
    assert.deepEqual([stepped.kind, stepped.path, stepped.message], [one.kind, one.path, one.message], JSON.stringify(bad));
  }
  const size = thrown(() => new SyntheticBuilder({ seed: 1, size: 0 }));
  assert.deepEqual([size.kind, size.path], ["OUT_OF_RANGE", "size"]);
  const seed = thrown(() => new SyntheticBuilder({ seed: 2 ** 53, size: 5 }));
  assert.deepEqual([seed.kind, seed.path], ["OUT_OF_RANGE", "seed"]);
});

test("SyntheticBuilder: maxRows is a whole number from 1, and a refused step makes nothing", () => {
  const b = new SyntheticBuilder({ seed: 3, size: 50 });
  for (const [value, kind] of [
    [0, "OUT_OF_RANGE"],
    [-1, "OUT_OF_RANGE"],
    [2.5, "OUT_OF_RANGE"],
    [NaN, "OUT_OF_RANGE"],
    [Infinity, "OUT_OF_RANGE"],
    [2 ** 53, "OUT_OF_RANGE"],
    ["5", "INVALID_TYPE"],
    [undefined, "INVALID_TYPE"],
    [null, "INVALID_TYPE"],
    [{ maxRows: 5 }, "INVALID_TYPE"],
    [5n, "INVALID_TYPE"],
  ]) {
    const e = thrown(() => b.step(value));
    assert.deepEqual([e.kind, e.path], [kind, "maxRows"], `${String(value)}: ${e.message}`);
  }
  assert.deepEqual(b.progress(), { rows: 0, size: 50 });
  // The largest count is fine: the step makes what is left.
  assert.deepEqual(b.step(2 ** 53 - 1), { rows: 50, size: 50 });
  b.finish().free();
  b.free();
});

test("SyntheticBuilder: finish early leaves it going; after finish and free, structured errors", () => {
  const b = new SyntheticBuilder({ seed: 4, size: 20 });
  b.step(8);
  const early = thrown(() => b.finish());
  assert.equal(early.kind, "INSUFFICIENT_DATA");
  assert.match(early.message, /8 of 20 rows/);
  assert.deepEqual(b.progress(), { rows: 8, size: 20 });
  assert.deepEqual(b.step(100), { rows: 20, size: 20 });
  const c = b.finish();
  assert.equal(c.summary().source, "synthetic-v1 seed 4, 20 rows");
  assert.equal(c.summary().synthetic, true);
  for (const m of ["step", "finish"]) {
    const e = thrown(() => b[m](1));
    assert.deepEqual([e.kind, e.path], ["INVALID_VALUE", ""], e.message);
    assert.match(e.message, /finished; make a new builder/);
  }
  assert.deepEqual(b.progress(), { rows: 20, size: 20 });
  b.free();
  for (const m of ["step", "progress", "finish"]) {
    const e = thrown(() => b[m](1));
    assert.equal(e.kind, "INVALID_VALUE");
    assert.match(e.message, new RegExp(`^SyntheticBuilder\\.${m}: this SyntheticBuilder was freed`));
  }
  assert.equal(thrown(() => b.free()).kind, "INVALID_VALUE");
  assert.equal(thrown(() => SyntheticBuilder.prototype.step.call(c, 1)).kind, "INVALID_TYPE");
  // The cohort outlives its builder.
  assert.equal(c.summary().rows, 20);
  c.free();
  // Symbol.dispose (`using b = new SyntheticBuilder(…)`) frees once.
  const d = new SyntheticBuilder({ seed: 5, size: 3 });
  d[Symbol.dispose]();
  assert.match(thrown(() => d.progress()).message, /freed/);
  d[Symbol.dispose]();
});
