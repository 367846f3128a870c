// veivalg/cohort's cohort files and workbench calls, from Node, through the
// package's own entry point (pkg/cohort/index.js, the wrapper): files written
// here as bytes, bad rows by line and column, a file pushed in chunks, the
// loader's structured errors, and the curve, fairness, model card and policy
// calls (the policy goes back into `decide`).
//   node --test tests/js/
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { thrown } from "./thrown.mjs";

const pkgDir = new URL("../../pkg/", import.meta.url);
const veivalg = await import(new URL("veivalg.js", pkgDir).href);
veivalg.initSync({ module: readFileSync(new URL("veivalg_bg.wasm", pkgDir)) });
const cohortModule = await import(new URL("cohort/index.js", pkgDir).href);
cohortModule.initSync({ module: readFileSync(new URL("cohort/veivalg_cohort_bg.wasm", pkgDir)) });
const { Cohort, CohortLoader } = cohortModule;

const encode = (text) => new TextEncoder().encode(text);

// A CSV as the README documents it: the README's quick-return person (lost
// the job, trade certificate, employed 2016-04 to 2019-01, 41 000 a month in
// December and January: standard, both wage inputs above 3G) and a person
// with health obstacles (primary school, no work).
const WAGES = Array.from({ length: 36 }, (_, i) => `wage-${i + 1}`).join(",");
const HEADER = `registeredOn,birthDate,situation,education,educationApproved,educationPassed,healthObstacles,otherObstacles,employment,outcome,counsellorStandard,gender,${WAGES}`;
const empty = (n) => ",".repeat(n);
const QUICK = `2019-02-15,1978-09-30,MISTET_JOBBEN,VIDEREGAENDE_FAGBREV_SVENNEBREV,JA,JA,NEI,NEI,2016-04-01/2019-01-31,STABLE_WORK,true,MALE,41000,41000${empty(34)}`;
const OBSTACLES = `2019-03-01,1990-01-10,ALDRI_HATT_JOBB,GRUNNSKOLE,,,JA,NEI,,WITHOUT_WORK,false,FEMALE${empty(36)}`;

function csvText() {
  return [
    HEADER,
    QUICK, // 2
    OBSTACLES.replace("ALDRI_HATT_JOBB", "NEVER"), // 3: bad code
    QUICK.replace("2019-02-15", "2019-02-30"), // 4: bad date
    QUICK.split(",").slice(0, 10).join(","), // 5: a row short
    QUICK.replace("MISTET_JOBBEN", '"MISTET_JOBBEN"').replace("2016-04-01/2019-01-31", '" 2016-04-01/2019-01-31 "'), // 6: fine (quotes)
    OBSTACLES, // 7
  ].join("\r\n");
}

test("Cohort.fromCsv: rows as for a person, bad rows by line and column, the rest loaded", () => {
  const c = Cohort.fromCsv(encode(csvText()), { source: "hand.csv" });
  const s = c.summary();
  assert.equal(s.rows, 3);
  assert.equal(s.source, "hand.csv");
  assert.equal(s.synthetic, false);
  assert.equal(s.ruleset, "2018-10");
  assert.deepEqual(
    s.rejected.first.map((e) => [e.line, e.kind, e.path]),
    [
      [3, "INVALID_VALUE", "situation"],
      [4, "INVALID_VALUE", "registeredOn"],
      // Ten fields: the eleventh column is the first missing.
      [5, "MISSING_FIELD", "counsellorStandard"],
    ],
  );
  assert.equal(s.rejected.count, 3);
  // Every row has a counsellor's decision: the counsellors' column is there.
  assert.equal(s.counsellorRows, 3);
  assert.equal(s.counsellor, true);
  assert.deepEqual(s.groupColumns, ["gender", "ageBand", "situation", "education"]);
  // Rows 2 and 6 standard (stable), row 7 not (without work).
  const e = c.evaluate({ method: "RULE_TREE_GROUP" });
  assert.equal(e.selected.count, 2);
  assert.equal(e.accuracy, 1);
  assert.equal(c.evaluate({ method: "COUNSELLOR" }).selected.count, 2);
  c.free();
});

test("Cohort.fromJsonl: a JSON Lines file's bytes, blank lines and a bad line", () => {
  const record = (situation) =>
    JSON.stringify({
      person: {
        registeredOn: "2019-02-15",
        birthDate: "1978-09-30",
        answers: {
          situation, education: "GRUNNSKOLE", healthObstacles: "NEI", otherObstacles: "NEI",
        },
      },
      outcome: "IN_AND_OUT",
    });
  const text = `\uFEFF${record("MISTET_JOBBEN")}\n\n${record("FIRED")}\nnot json\n${record("HAR_SAGT_OPP")}`;
  const c = Cohort.fromJsonl(encode(text));
  const s = c.summary();
  assert.equal(s.rows, 2);
  assert.deepEqual(
    s.rejected.first.map((e) => [e.line, e.kind, e.path]),
    [
      [3, "INVALID_VALUE", "person.answers.situation"],
      [4, "INVALID_JSON", ""],
    ],
  );
  assert.equal(s.counsellor, false);
  assert.equal(s.counsellorRows, 0);
  assert.equal(thrown(() => c.evaluate({ method: "COUNSELLOR" })).kind, "INSUFFICIENT_DATA");
  // An ArrayBuffer works too; text does not.
  assert.equal(Cohort.fromJsonl(encode(record("MISTET_JOBBEN")).buffer).summary().rows, 1);
  const e = thrown(() => Cohort.fromJsonl(text));
  assert.equal(e.kind, "INVALID_TYPE");
  assert.equal(e.path, "bytes");
  assert.equal(thrown(() => Cohort.fromJsonl(encode("x\n"))).kind, "INSUFFICIENT_DATA");
  assert.equal(thrown(() => Cohort.fromJsonl(encode(""), { rulesett: "2018" })).path, "options.rulesett");
  c.free();
});

test("CohortLoader: a file pushed in chunks of any size gives the same cohort", () => {
  const bytes = encode(csvText());
  const whole = Cohort.fromCsv(bytes).summary();
  for (const size of [1, 7, 100, 4096]) {
    const loader = new CohortLoader({ format: "csv" });
    let last;
    for (let i = 0; i < bytes.length; i += size) {
      last = loader.push(bytes.subarray(i, i + size));
    }
    assert.equal(last.bytes, bytes.length);
    assert.ok(last.rows >= 2 && last.rows <= 3, JSON.stringify(last));
    const c = loader.finish();
    const s = c.summary();
    assert.equal(s.rows, whole.rows);
    assert.deepEqual(s.rejected, whole.rejected);
    assert.deepEqual(loader.rejected(), whole.rejected);
    // Done: push and finish are structured errors; free once.
    assert.equal(thrown(() => loader.push(bytes)).kind, "INVALID_VALUE");
    assert.equal(thrown(() => loader.finish()).kind, "INVALID_VALUE");
    loader.free();
    assert.match(thrown(() => loader.progress()).message, /freed/);
    assert.equal(thrown(() => loader.free()).kind, "INVALID_VALUE");
    c.free();
  }
});

test("CohortLoader: a header without a required column fails at once and stays failed", () => {
  const loader = new CohortLoader({ format: "csv", source: "x.csv" });
  const e = thrown(() => loader.push(encode(`${HEADER.replace("situation,", "")}\n${QUICK}\n`)));
  assert.equal(e.kind, "MISSING_FIELD");
  assert.equal(e.path, "situation");
  assert.equal(thrown(() => loader.push(encode("more"))).path, "situation");
  assert.equal(thrown(() => loader.finish()).path, "situation");
  loader.free();
  // Bad options and bad chunks.
  assert.equal(thrown(() => new CohortLoader({ format: "xlsx" })).path, "options.format");
  assert.equal(thrown(() => new CohortLoader()).kind, "INVALID_TYPE");
  const l = new CohortLoader({ format: "jsonl" });
  assert.equal(thrown(() => l.push("text")).path, "chunk");
  assert.equal(thrown(() => l.push([1, 2, 3])).path, "chunk");
  assert.equal(thrown(() => CohortLoader.prototype.push.call({}, encode("x"))).kind, "INVALID_TYPE");
  // No row at all: the error names the first failures; rejected() lists them.
  l.push(encode("{}\n[]\n"));
  const none = thrown(() => l.finish());
  assert.equal(none.kind, "INSUFFICIENT_DATA");
  assert.match(none.message, /every record was rejected \(2; the first: line 1: person: /);
  assert.equal(l.rejected().count, 2);
  l.free();
});

test("the shipped CSV template loads without a rejected row", () => {
  const template = readFileSync(new URL("cohort/cohort-template.csv", pkgDir));
  const c = Cohort.fromCsv(template);
  const s = c.summary();
  assert.equal(s.rows, 3);
  assert.equal(s.rejected.count, 0);
  assert.equal(s.counsellor, true);
  c.free();
  const pkg = JSON.parse(readFileSync(new URL("package.json", pkgDir), "utf8"));
  assert.equal(pkg.exports["./cohort/cohort-template.csv"], "./cohort/cohort-template.csv");
});

test("curve, fairness, model card and a policy with a chosen cut-off", () => {
  const c = Cohort.synthetic({ seed: 2, size: 5000 });
  const curve = c.curve({ policy: "variant-a", steps: 20 });
  assert.equal(curve.target, "STABLE_WORK");
  assert.equal(curve.points[0].count, 0);
  assert.equal(curve.points[0].cutoff, undefined);
  assert.ok(curve.points.at(-1).share === curve.eligibleShare);
  // Sent to NOE in order of P(stable): the share of stable work among them
  // falls as the share sent grows; the shares of the three outcomes add up.
  const p = curve.points;
  assert.ok(p[1].stableWork > p.at(-1).stableWork);
  for (const q of p.slice(1)) assert.ok(Math.abs(q.stableWork + q.inAndOut + q.withoutWork - 1) < 1e-12);
  // The point at 37 % is the evaluation at 37 %.
  const e = c.evaluate({ policy: "variant-a", share: p[7].share });
  assert.equal(e.selected.count, p[7].count);
  assert.ok(Math.abs(e.accuracy - p[7].accuracy) < 1e-12);
  assert.equal(curve.ruleTree.count, c.evaluate({ method: "RULE_TREE_GROUP" }).selected.count);
  // Fairness for the five columns.
  const f = c.fairness({ policy: "variant-b", share: 0.48 });
  assert.deepEqual(f.columns.map((col) => col.column), ["gender", "bornAbroad", "ageBand", "situation", "education"]);
  for (const col of f.columns) {
    for (const g of col.groups.filter((x) => x.compared)) {
      assert.ok(g.ratios.selectionRate <= 1 && g.ratios.accuracy <= 1);
      if (g.ratios.fpr !== null) assert.ok(g.ratios.fpr >= 1);
    }
  }
  // The model card of a model fitted here.
  const model = c.fit({ id: "mine-b", target: "WITHOUT_WORK", features: [{ name: "situation" }, { name: "monthsSinceAbove3G" }, { name: "monthsAbove3GLast24" }] });
  const card = c.modelCard({ model });
  assert.equal(card.model.id, "mine-b");
  assert.ok(card.auc > 0.5 && card.auc < 1);
  assert.ok(card.calibration.every((b) => b.count > 0));
  assert.equal(card.calibration.reduce((n, b) => n + b.count, 0), 5000);
  // A policy with the cut-off for 48 %, downloaded and used for one person.
  const policy = c.policyWithCutoff({ policy: "variant-b", model, share: 0.48, id: "mine-b-48" });
  assert.equal(policy.model, "mine-b");
  assert.equal(policy.share, 0.48);
  const file = JSON.parse(JSON.stringify(policy));
  const d = veivalg.decide(
    {
      registeredOn: "2025-03-14", birthDate: "1979-06-02",
      answers: { situation: "MISTET_JOBBEN", education: "GRUNNSKOLE", healthObstacles: "NEI", otherObstacles: "NEI" },
      wages: [{ month: "2025-02", nok: 50000 }],
    },
    { policy: file, model },
  );
  assert.equal(d.policy.id, "mine-b-48");
  assert.equal(d.method, "MODEL");
  assert.equal(d.unit, d.probability < policy.cutoff ? "NOE" : "LOCAL_OFFICE");
  assert.equal(c.evaluate({ policy: file, model }).selected.count, 2400);
  assert.equal(thrown(() => c.policyWithCutoff({ policy: "noe-2018", share: 0.3 })).path, "options.policy.method");
  c.free();
  assert.match(thrown(() => c.curve({ policy: "variant-a" })).message, /freed/);
});
