// Compiled (not run) by types.test.mjs against pkg/veivalg.d.ts and
// pkg/cohort/veivalg_cohort.d.ts: the package's TypeScript types are API, and
// this is how a caller uses them. Every export of both entry points and every
// method of `Cohort` appears here at least once; the `@ts-expect-error` lines
// must stay errors.
import init, {
  initSync,
  decide,
  ruleTree,
  score,
  features,
  labelOutcome,
  wageHistory,
  policies,
  models,
  rulesets,
  grunnbelop,
  version,
  type Decision,
  type ErrorKind,
  type Features,
  type GEntry,
  type Group,
  type Model,
  type MonthlyWage,
  type OutcomeLabel,
  type Person,
  type Policy,
  type RuleTreeResult,
  type Ruleset,
  type ScoredPerson,
  type Situation,
  type Unit,
  type VeivalgError,
} from "../../pkg/veivalg.js";
import initCohort, {
  initSync as initCohortSync,
  version as cohortVersion,
  Cohort,
  CohortLoader,
  SyntheticBuilder,
  type CohortRecord,
  type CohortSummary,
  type Curve,
  type Fairness,
  type LoadProgress,
  type ModelCard,
  type Rejected,
  type SyntheticProgress,
  type RowError,
  type EvaluateOptions,
  type EvaluationResult,
  type FitSpec,
  type VeivalgError as CohortError,
} from "../../pkg/cohort/veivalg_cohort.js";

export async function usage(bytes: BufferSource, cohortBytes: BufferSource): Promise<void> {
  initSync({ module: bytes });
  await init();
  await init({ module_or_path: bytes });
  initCohortSync({ module: cohortBytes });
  await initCohort();
  await initCohort({ module_or_path: cohortBytes });

  const person: Person = {
    registeredOn: "2025-03-14",
    birthDate: "1979-06-02",
    answers: {
      situation: "MISTET_JOBBEN",
      education: "HOYERE_UTDANNING_1_TIL_4",
      educationApproved: "JA",
      educationPassed: "JA",
      healthObstacles: "NEI",
      otherObstacles: "NEI",
    },
    employment: [{ start: "2023-02-01", end: null }],
    wages: [{ month: "2024-12", nok: 48000 }],
  };
  const nus: Person = { ...person, answers: { ...person.answers, education: { nus: "6" } } };
  const byAge: Person = { registeredOn: "2025-03-14", age: 45, answers: person.answers };

  // Single registrations.
  const d: Decision = decide(person);
  const group: Group | undefined = d.group;
  const unit: Unit = d.unit;
  const reasons: string[] = d.reasons.map((r) => r.code);
  const trace: boolean[] = (d.trace ?? []).map((s) => s.holds);
  const probability: number | undefined = d.probability;
  const flips: number = (d.counterfactuals ?? []).length;
  decide(person, { policy: "noe-2018" });
  decide(person, { on: "2025-01-01" });
  decide(person, { policy: "variant-a", grunnbelop: [...grunnbelop(), { from: "2026-05-01", nok: 135000 }] });
  decide(person, null);
  decide(nus, undefined);
  const tree: RuleTreeResult = ruleTree(byAge, { ruleset: "2024-03" });
  const s: ScoredPerson = score(person, { model: "variant-a" });
  const logit: number = s.baselineLogit + s.contributions.reduce((a, c) => a + c.logit, 0);
  const f: Features = features(person);
  const since: number | null = f.monthsSinceAbove3G;
  const label: OutcomeLabel = labelOutcome({ registeredOn: "2024-01-10", wages: [] }, { boundary: "INCLUSIVE" });
  const alsoLabel: OutcomeLabel = labelOutcome(person);
  const history: MonthlyWage[] = wageHistory(person, { months: 24 });
  const above: boolean[] = history.map((m) => m.above3G);

  // Shipped data.
  const ps: Policy[] = policies();
  const ms: Model[] = models();
  const rs: Ruleset[] = rulesets();
  const g: GEntry[] = grunnbelop();
  const v: string = version();
  const sameVersion: boolean = cohortVersion() === v;
  decide(person, { policy: ps[0], model: ms[0] });

  // A cohort kept in wasm memory.
  const c: Cohort = Cohort.synthetic({ seed: 1, size: 100000 });
  const wide: Cohort = Cohort.synthetic({ seed: 1, size: 1000, ages: "WIDE" });
  const records: CohortRecord[] = [{ person, outcome: "STABLE_WORK", gender: "FEMALE" }];
  const own: Cohort = Cohort.fromJson(records, { ruleset: "2018-10", source: "my data" });
  const summary: CohortSummary = c.summary();
  const rows: number = summary.rows;
  const spec: FitSpec = {
    id: "variant-a",
    target: "STABLE_WORK",
    features: [{ name: "situation" }, { name: "monthsSinceAbove3G", edges: [1, 3, 6] }, { name: "monthsAbove3GLast24" }],
  };
  const model: Model = c.fit(spec);
  const policy: Policy = {
    id: "a", validFrom: "2025-01-01", status: "PROPOSAL", method: "MODEL", model: model.id,
    share: 0.37, noeAge: { min: 30, max: 66 }, toLocalOffice: ["HEALTH_OBSTACLES"], source: "mine",
  };
  const options: EvaluateOptions = { policy, model, share: 0.37, compareTo: { method: "RULE_TREE_GROUP" } };
  const e: EvaluationResult = c.evaluate(options);
  const noe: number = e.selected.perMonth;
  const diff: string | undefined = e.difference?.text;
  const cutoff: number = c.thresholdForShare({ policy, model, share: 0.4 });
  // A model fitted by the cohort module is a plain object the other module takes.
  const withFitted: Decision = decide(person, { policy: { ...policy, cutoff }, model });
  c.evaluate({ policy: "noe-2025-01" });
  // The analyst's workbench: curves, fairness, a model card, a policy file.
  const curve: Curve = c.curve({ policy, model, steps: 20 });
  const firstCutoff: number | undefined = curve.points[1]?.cutoff;
  const ruleTreeShare: number = curve.ruleTree.share;
  const fair: Fairness = c.fairness({ policy, model, share: 0.37, groupColumns: ["gender", "ageBand"], minGroupSize: 50 });
  const gaps: string[] = fair.columns.flatMap((col) => col.groups.flatMap((gr) => gr.largeGaps));
  const card: ModelCard = c.modelCard({ model });
  const auc: number = card.auc;
  const chosen: Policy = c.policyWithCutoff({ policy, model, share: 0.37, id: "my-a" });
  const counsellor: boolean = c.summary().counsellor;

  // Cohort files: whole, or pushed in chunks (from a Worker, say).
  const csvBytes: Uint8Array = new TextEncoder().encode("registeredOn,…\n");
  const fromCsv: Cohort = Cohort.fromCsv(csvBytes, { source: "my.csv" });
  const fromJsonl: Cohort = Cohort.fromJsonl(new Uint8Array(0), null);
  const loader: CohortLoader = new CohortLoader({ format: "csv", ruleset: "2018-10", source: "my.csv" });
  const progress: LoadProgress = loader.push(csvBytes);
  const loaded: number = progress.rows + progress.rejected;
  const skipped: Rejected = loader.rejected();
  const firstError: RowError | undefined = skipped.first[0];
  const fromLoader: Cohort = loader.finish();
  loader.free();
  const rejectedRows: number = fromCsv.summary().rejected.count;
  // A synthetic cohort in steps, with progress.
  const builder: SyntheticBuilder = new SyntheticBuilder({ seed: 1, size: 1000, ages: "WIDE" });
  let made: SyntheticProgress = builder.progress();
  while (made.rows < made.size) made = builder.step(250);
  const stepped: Cohort = builder.finish();
  builder.free();
  // @ts-expect-error: maxRows is a number
  builder.step("250");
  // @ts-expect-error: the same options as Cohort.synthetic
  new SyntheticBuilder({ seed: 1, size: 10, ages: "ALL" });
  // @ts-expect-error: the format is jsonl or csv
  new CohortLoader({ format: "xlsx" });
  // @ts-expect-error: bytes, not text
  Cohort.fromCsv("registeredOn,…");
  void [firstCutoff, ruleTreeShare, gaps, auc, chosen, counsellor, loaded, firstError, rejectedRows, fromJsonl, fromLoader, stepped];

  c.free();
  wide.free();
  own.free();

  // Errors.
  try {
    decide(person);
  } catch (err) {
    const ve = err as VeivalgError;
    const kind: ErrorKind = ve.kind;
    const where: string = ve.path;
    const text: string = ve.message;
    void [kind, where, text];
  }
  try {
    Cohort.synthetic({ seed: 1, size: 0 });
  } catch (err) {
    const ce = err as CohortError;
    const kind: ErrorKind = ce.kind;
    void kind;
  }

  const situation: Situation = "HAR_BLITT_SAGT_OPP";
  // @ts-expect-error: the health answer is JA, NEI or VET_IKKE
  const bad: Person = { ...person, answers: { ...person.answers, healthObstacles: "MAYBE" } };
  // @ts-expect-error: a wage is a number of NOK, not text
  const badWage: Person = { ...person, wages: [{ month: "2024-12", nok: "45 000" }] };
  // @ts-expect-error: no such option
  decide(person, { polcy: "noe-2018" });
  // @ts-expect-error: a person is required
  decide();
  // @ts-expect-error: the age range is REPORT or WIDE
  Cohort.synthetic({ seed: 1, size: 10, ages: "ALL" });
  // @ts-expect-error: rows stay in wasm; there is no constructor
  new Cohort();
  // @ts-expect-error: an unknown error kind
  const nope: ErrorKind = "OOPS";

  void [group, unit, reasons, trace, probability, flips, tree, s, logit, f, since, label, alsoLabel,
    history, above, ps, ms, rs, g, v, sameVersion, rows, model, e, noe, diff, cutoff, withFitted, situation, bad, badWage, nope];
}
