// The types of the veivalg package, derived from its Rust types by
// src/ts.rs (`cargo test`). Do not edit: `VEIVALG_BLESS=1 cargo test --lib ts::`
// rewrites this file.

/**
 * An inclusive age band.
 */
export type AgeBand = {
  /**
   * Youngest age inside.
   */
  min: number,
  /**
   * Oldest age inside.
   */
  max: number,
};

/**
 * Which age range of the parameter file the registrants are drawn from.
 */
export type AgeRange = "REPORT" | "WIDE";

/**
 * A column the fit found linearly dependent on others; its weight is 0.
 */
export type Aliased = {
  /**
   * Feature.
   */
  feature: FeatureName,
  /**
   * Level or bin label.
   */
  level: string,
};

/**
 * The answers to the registration form as callers send them.
 * `educationApproved` and `educationPassed` may be left out when
 * education is none or primary school (not asked: `INGEN_SVAR`).
 */
export type Answers = {
  /**
   * Question 1: the situation.
   */
  situation: Situation,
  /**
   * Question 3: highest education, as a code or `{ nus: "6" }`.
   */
  education: Education | { nus: "0" | "2" | "3" | "4" | "6" | "7" | 0 | 2 | 3 | 4 | 6 | 7 },
  /**
   * Question 3b: is the education approved in Norway?
   */
  educationApproved?: Approved | null,
  /**
   * Question 3c: is the education passed?
   */
  educationPassed?: Passed | null,
  /**
   * Question 4: health obstacles.
   */
  healthObstacles: YesNoUnknown,
  /**
   * Question 5: other obstacles.
   */
  otherObstacles: YesNoUnknown,
  /**
   * Own job prospects, 1 (poor) to 5 (very good); recorded, never used
   * for routing.
   */
  selfAssessment?: number | null,
};

/**
 * Question 3b: is the education approved in Norway?
 */
export type Approved = "JA" | "NEI" | "VET_IKKE" | "INGEN_SVAR";

/**
 * A best value and its group.
 */
export type Best = {
  /**
   * The group.
   */
  value: string,
  /**
   * Its metric.
   */
  metric: number,
};

/**
 * The best value of each metric in a column, and which group has it.
 */
export type BestServed = {
  /**
   * Highest share selected.
   */
  selectionRate: Best | null,
  /**
   * Highest accuracy.
   */
  accuracy: Best | null,
  /**
   * Highest TPR.
   */
  tpr: Best | null,
  /**
   * Lowest FPR.
   */
  fpr: Best | null,
};

/**
 * Whether a wage exactly at 3G counts as above (and exactly 1G as below).
 */
export type Boundary = "STRICT" | "INCLUSIVE";

/**
 * One bin of a calibration table.
 */
export type CalibrationBin = {
  /**
   * Lower edge of predicted probability.
   */
  from: number,
  /**
   * Upper edge.
   */
  to: number,
  /**
   * Rows.
   */
  count: number,
  /**
   * Mean predicted probability.
   */
  meanPredicted: number,
  /**
   * Observed event rate.
   */
  observed: number,
};

/**
 * A count with its share of the cohort and its size per month.
 */
export type Cell = {
  /**
   * Rows.
   */
  count: number,
  /**
   * Share of all rows.
   */
  share: number,
  /**
   * `share × monthlyVolume`.
   */
  perMonth: number,
};

/**
 * One changed input.
 */
export type Change = {
  /**
   * Feature.
   */
  feature: FeatureName,
  /**
   * The person's value.
   */
  from: number | string | null,
  /**
   * The value that would flip the unit.
   */
  to: number | string | null,
};

/**
 * One record of a cohort file (JSON Lines or a JSON array): a registration
 * with what is known after it.
 */
export type CohortRecord = {
  /**
   * Whether the record is synthetic. Synthetic records say so.
   */
  synthetic?: boolean,
  /**
   * The registration.
   */
  person: Person,
  /**
   * A known outcome, if not to be computed from wages.
   */
  outcome?: Outcome | null,
  /**
   * The counsellor's 14a decision: `true` = standard.
   */
  counsellorStandard?: boolean | null,
  /**
   * Gender, for group metrics.
   */
  gender?: Gender | null,
  /**
   * Born abroad, for group metrics.
   */
  bornAbroad?: boolean | null,
};

/**
 * Summary of a cohort.
 */
export type CohortSummary = {
  /**
   * Rows.
   */
  rows: number,
  /**
   * Whether synthetic.
   */
  synthetic: boolean,
  /**
   * Where it came from.
   */
  source: string,
  /**
   * Ruleset of the group column.
   */
  ruleset: string,
  /**
   * Outcome shares: stable, in and out, without.
   */
  outcomeShares: [number, number, number],
  /**
   * Rows with a counsellor's 14a decision (`counsellorStandard`).
   */
  counsellorRows: number,
  /**
   * Whether every row has one, so that the counsellors' column
   * (`{ method: "COUNSELLOR" }`) can be evaluated.
   */
  counsellor: boolean,
  /**
   * The group columns the cohort has (gender and born abroad only when
   * some row gives them).
   */
  groupColumns: Array<GroupColumn>,
  /**
   * Records of the file that were skipped: how many, and the first 100
   * (`{ line, kind, path, message }`).
   */
  rejected: Rejected,
};

/**
 * One feature's share of a person's score.
 */
export type Contribution = {
  /**
   * Feature.
   */
  feature: FeatureName,
  /**
   * The person's value (code word, number or `null`).
   */
  value: number | string | null,
  /**
   * The level or bin it fell in.
   */
  bin: string,
  /**
   * The weight of that level or bin.
   */
  weight: number,
  /**
   * `weight − mean`: how far this person's value moves the logit from a
   * typical registrant's.
   */
  logit: number,
};

/**
 * A change that would flip the unit.
 */
export type Counterfactual = {
  /**
   * One change, or two when no single change flips the unit.
   */
  changes: Array<Change>,
  /**
   * The unit the changed person would get.
   */
  unit: Unit,
  /**
   * The changed person's probability.
   */
  probability: number,
  /**
   * Whether the person could bring the change about (never, for the
   * report's inputs: see the module docs).
   */
  actionable: boolean,
  /**
   * The kinds of input changed.
   */
  kind: Array<Mutability>,
};

/**
 * A model's curve under a policy, with the rule tree's point.
 */
export type Curve = {
  /**
   * What was evaluated, for humans.
   */
  label: string,
  /**
   * What the model predicts; every `accuracy` of the curve, the rule
   * tree's point included, is measured against it.
   */
  target: Target,
  /**
   * Whether the cohort is synthetic.
   */
  synthetic: boolean,
  /**
   * The cohort.
   */
  cohort: string,
  /**
   * Rows.
   */
  rows: number,
  /**
   * The largest share the policy's age band and overrides let go to NOE;
   * the curve ends there.
   */
  eligibleShare: number,
  /**
   * Shares 0, 1/steps, 2/steps, … up to `eligibleShare` (the last point
   * is at `eligibleShare` exactly).
   */
  points: Array<CurvePoint>,
  /**
   * The rule tree's profile: "standard" (ANTATT_GODE_MULIGHETER) as
   * selected, under the cohort's ruleset.
   */
  ruleTree: CurvePoint,
  /**
   * The rule tree's accuracy against its own target, stable work (as in
   * Tabell 5 and 8; equal to `ruleTree.accuracy` when the curve's target
   * is stable work).
   */
  ruleTreeOwnAccuracy: number,
};

/**
 * Options of `cohort.curve(options)` (`CohortSession::curve`):
 * `{ policy, model?, steps? }`.
 */
export type CurveOptions = {
  /**
   * A MODEL policy, by id or as an object (its age band and overrides
   * bound the curve; its own cut-off and share are not used).
   */
  policy: string | Policy,
  /**
   * A model object the policy may name (adds to the shipped ones).
   */
  model?: Model | null,
  /**
   * Steps of share from 0 to 100 % (default 100: every 1 %), 1 to 1000.
   */
  steps?: number | null,
};

/**
 * One point of a curve: a share sent to NOE (or profiled standard, for the
 * rule tree) and what it gives.
 */
export type CurvePoint = {
  /**
   * Share of the whole cohort selected.
   */
  share: number,
  /**
   * Rows selected.
   */
  count: number,
  /**
   * MODEL: the probability of the last row selected (absent at share 0
   * and for the rule tree).
   */
  cutoff?: number,
  /**
   * Binary accuracy against the curve's target.
   */
  accuracy: number,
  /**
   * Of those selected, the share in stable work (0 when none is selected).
   */
  stableWork: number,
  /**
   * Of those selected, the share in and out of work.
   */
  inAndOut: number,
  /**
   * Of those selected, the share without work.
   */
  withoutWork: number,
};

/**
 * Options of `decide` (and, less `model`, of `explain`).
 */
export type DecideOptions = {
  /**
   * A policy by id or as an object (default: the one in force on `on`).
   */
  policy?: string | Policy | null,
  /**
   * A model a MODEL policy may name (added to the shipped ones, or
   * replacing the shipped one with the same id).
   */
  model?: Model | null,
  /**
   * Take the policy in force on this day (default: the registration day).
   */
  on?: IsoDate | null,
  /**
   * Another G table (default: the shipped one): needed for model inputs
   * of registrations after the table's last month.
   */
  grunnbelop?: Array<GEntry> | null,
  /**
   * What a month after the G table's last month gets: an error
   * (`ERROR`, the default) or the latest G in the table (`LATEST`, and
   * the output says which months used it).
   */
  gBeyondTable?: GBeyondTable,
};

/**
 * What every routing call returns (design §3). Fields that do not apply to
 * the method are absent.
 */
export type Decision = {
  /**
   * The person's id, when given.
   */
  id?: string,
  /**
   * How the person was sorted.
   */
  method: Method,
  /**
   * Ruleset used by the rule tree.
   */
  ruleset?: string,
  /**
   * Policy applied.
   */
  policy: PolicyRef,
  /**
   * Rule-tree group.
   */
  group?: Group,
  /**
   * Where the person goes.
   */
  unit: Unit,
  /**
   * Why: the reasons for the group, then for the unit.
   */
  reasons: Array<Reason>,
  /**
   * Every rule-tree check made, in order.
   */
  trace?: Array<TraceStep>,
  /**
   * MODEL: the model used.
   */
  model?: ModelRef,
  /**
   * MODEL: probability of the model's target.
   */
  probability?: number,
  /**
   * MODEL: the cut-off applied.
   */
  cutoff?: number,
  /**
   * MODEL: per-feature contributions to the logit.
   */
  contributions?: Array<Contribution>,
  /**
   * MODEL: the reference point of the contributions.
   */
  baselineLogit?: number,
  /**
   * MODEL: the contributions in probability space (order-dependent).
   */
  waterfall?: Waterfall,
  /**
   * MODEL: the smallest input changes that flip the unit (empty when an
   * override or the age limit fixes the unit whatever the model says).
   */
  counterfactuals?: Array<Counterfactual>,
  /**
   * MODEL: the model inputs.
   */
  features?: { [feature in FeatureName]?: number | string | null },
  /**
   * MODEL: the months of the wage inputs that lie after the G table and
   * were given its latest G (only with `gBeyondTable: "LATEST"`).
   */
  gAssumed?: GAssumption,
};

/**
 * The difference of two evaluations, per month.
 */
export type Difference = {
  /**
   * The evaluation compared.
   */
  of: string,
  /**
   * The evaluation compared with.
   */
  versus: string,
  /**
   * Selected per month, `of − versus`, per outcome and in total (rounded to whole people).
   */
  selectedPerMonth: Array<[string, number]>,
  /**
   * The same as a sentence ("+310 stable, −210 without per month").
   */
  text: string,
};

/**
 * Form question 3: highest completed education. Also parses NAV's newer
 * register form `{"nus": "6"}` (NUS codes 0, 2, 3, 4, 6, 7).
 */
export type Education = "INGEN_UTDANNING" | "GRUNNSKOLE" | "VIDEREGAENDE_GRUNNUTDANNING" | "VIDEREGAENDE_FAGBREV_SVENNEBREV" | "HOYERE_UTDANNING_1_TIL_4" | "HOYERE_UTDANNING_5_ELLER_MER";

/**
 * A structured error: `kind`, `path` (e.g. `answers.situation`,
 * `wages[3].nok`; empty for the whole input) and `message`.
 */
export type ErrorData = {
  /**
   * What went wrong.
   */
  kind: ErrorKind,
  /**
   * JSON path of the field at fault; empty when the whole input is at fault.
   */
  path: string,
  /**
   * A sentence for humans: the reason, and where useful the allowed values.
   */
  message: string,
};

/**
 * What went wrong, in a form a program can branch on.
 */
export type ErrorKind = "INVALID_JSON" | "INVALID_TYPE" | "INVALID_VALUE" | "UNKNOWN_FIELD" | "MISSING_FIELD" | "OUT_OF_RANGE" | "INCONSISTENT" | "INSUFFICIENT_DATA" | "NOT_FOUND" | "TOO_LARGE" | "INVALID_CONFIG" | "IO" | "USAGE";

/**
 * Options of `CohortSession::evaluate` (JSON, camelCase).
 */
export type EvaluateOptions = {
  /**
   * `RULE_TREE_GROUP` or `COUNSELLOR` (instead of a policy).
   */
  method?: FixedMethod | null,
  /**
   * A policy id or object.
   */
  policy?: string | Policy | null,
  /**
   * A model object a MODEL policy may name (adds to the shipped ones).
   */
  model?: Model | null,
  /**
   * MODEL: send this share of the cohort to NOE.
   */
  share?: number | null,
  /**
   * MODEL: use this probability cut-off.
   */
  cutoff?: number | null,
  /**
   * Registrants per month for the per-month columns (default 9 000).
   */
  monthlyVolume?: number,
  /**
   * Group columns for group metrics (default: all).
   */
  groupColumns?: Array<GroupColumn> | null,
  /**
   * Another evaluation to report the difference to.
   */
  compareTo?: EvaluateOptions | null,
};

/**
 * The evaluation of one method on one cohort.
 */
export type Evaluation = {
  /**
   * What was evaluated, for humans.
   */
  label: string,
  /**
   * `RULE_TREE_GROUP`, `COUNSELLOR`, `RULE_TREE` or `MODEL`.
   */
  method: "RULE_TREE_GROUP" | "COUNSELLOR" | "RULE_TREE" | "MODEL",
  /**
   * `NOE` for policies, `STANDARD` for the profile and the 14a decisions.
   */
  selectedMeans: "NOE" | "STANDARD",
  /**
   * Whether the cohort is synthetic.
   */
  synthetic: boolean,
  /**
   * The cohort.
   */
  cohort: string,
  /**
   * Rows.
   */
  rows: number,
  /**
   * Registrants per month the per-month columns are scaled to.
   */
  monthlyVolume: number,
  /**
   * What accuracy is measured against.
   */
  target: Target,
  /**
   * Binary accuracy against the target.
   */
  accuracy: number,
  /**
   * Everyone selected.
   */
  selected: Cell,
  /**
   * Outcome × selection, plus a TOTAL line.
   */
  table: Array<OutcomeLine>,
  /**
   * MODEL: the probability cut-off.
   */
  cutoff?: number,
  /**
   * MODEL: the share of the cohort asked for, when selection was by share.
   */
  share?: number,
  /**
   * MODEL: AUC, Brier and calibration on this cohort.
   */
  modelMetrics?: ModelMetrics,
  /**
   * Group metrics per value of each group column.
   */
  groups?: Array<GroupMetrics>,
};

/**
 * An evaluation, with the one it was compared to and the difference.
 */
export type EvaluationResult = {
  /**
   * `compareTo`, evaluated.
   */
  comparedTo?: Evaluation,
  /**
   * `evaluation − comparedTo`, per month.
   */
  difference?: Difference,
  /**
   * What was evaluated, for humans.
   */
  label: string,
  /**
   * `RULE_TREE_GROUP`, `COUNSELLOR`, `RULE_TREE` or `MODEL`.
   */
  method: "RULE_TREE_GROUP" | "COUNSELLOR" | "RULE_TREE" | "MODEL",
  /**
   * `NOE` for policies, `STANDARD` for the profile and the 14a decisions.
   */
  selectedMeans: "NOE" | "STANDARD",
  /**
   * Whether the cohort is synthetic.
   */
  synthetic: boolean,
  /**
   * The cohort.
   */
  cohort: string,
  /**
   * Rows.
   */
  rows: number,
  /**
   * Registrants per month the per-month columns are scaled to.
   */
  monthlyVolume: number,
  /**
   * What accuracy is measured against.
   */
  target: Target,
  /**
   * Binary accuracy against the target.
   */
  accuracy: number,
  /**
   * Everyone selected.
   */
  selected: Cell,
  /**
   * Outcome × selection, plus a TOTAL line.
   */
  table: Array<OutcomeLine>,
  /**
   * MODEL: the probability cut-off.
   */
  cutoff?: number,
  /**
   * MODEL: the share of the cohort asked for, when selection was by share.
   */
  share?: number,
  /**
   * MODEL: AUC, Brier and calibration on this cohort.
   */
  modelMetrics?: ModelMetrics,
  /**
   * Group metrics per value of each group column.
   */
  groups?: Array<GroupMetrics>,
};

/**
 * Options of `explain`: those of `decide` (without `model`) and the
 * wage history's length.
 */
export type ExplainOptions = {
  /**
   * The policy the decision is made under, by id or as an object
   * (default: the one in force on `on`). The shipped MODEL policies are
   * always shown beside it.
   */
  policy?: string | Policy | null,
  /**
   * Take the policy in force on this day (default: the registration day).
   */
  on?: IsoDate | null,
  /**
   * Another G table (default: the shipped one).
   */
  grunnbelop?: Array<GEntry> | null,
  /**
   * What a month after the G table gets (`ERROR`, the default, or
   * `LATEST`), as in `decide`.
   */
  gBeyondTable?: GBeyondTable,
  /**
   * Months of wage history before registration, 1–120 (default 24).
   */
  months?: number,
};

/**
 * What `explain` returns.
 */
export type Explanation = {
  /**
   * The decision under the chosen policy (default: the one in force on
   * the registration day).
   */
  inForce: Decision,
  /**
   * That policy first, then every shipped MODEL policy not already
   * first, each with its decision or error.
   */
  methods: Array<MethodResult>,
  /**
   * The wage history before registration (`options.months`, default
   * 24), or `null` when it cannot be made.
   */
  wageHistory: Array<MonthlyWage> | null,
  /**
   * Why there is no wage history.
   */
  wageHistoryError?: ErrorData,
};

/**
 * Fairness by group of one evaluation.
 */
export type Fairness = {
  /**
   * What was evaluated, for humans.
   */
  label: string,
  /**
   * `RULE_TREE_GROUP`, `COUNSELLOR`, `RULE_TREE` or `MODEL`.
   */
  method: "RULE_TREE_GROUP" | "COUNSELLOR" | "RULE_TREE" | "MODEL",
  /**
   * `NOE` or `STANDARD`: what "selected" means.
   */
  selectedMeans: "NOE" | "STANDARD",
  /**
   * What accuracy, TPR and FPR are measured against.
   */
  target: Target,
  /**
   * Whether the cohort is synthetic.
   */
  synthetic: boolean,
  /**
   * The cohort.
   */
  cohort: string,
  /**
   * Rows.
   */
  rows: number,
  /**
   * Groups smaller than this are listed, not compared.
   */
  minGroupSize: number,
  /**
   * The columns present in the cohort, in the order asked.
   */
  columns: Array<FairnessColumn>,
};

/**
 * One group column.
 */
export type FairnessColumn = {
  /**
   * The column.
   */
  column: GroupColumn,
  /**
   * The best-served group per metric.
   */
  best: BestServed,
  /**
   * Its groups, by value.
   */
  groups: Array<FairnessGroup>,
};

/**
 * One group of one column.
 */
export type FairnessGroup = {
  /**
   * The group's value (`FEMALE`, `true`, `30–39`, `MISTET_JOBBEN`, `UNKNOWN`, …).
   */
  value: string,
  /**
   * Rows.
   */
  count: number,
  /**
   * Share selected (sent to NOE, or profiled/decided standard).
   */
  selectionRate: number,
  /**
   * Binary accuracy against the target.
   */
  accuracy: number,
  /**
   * Selected among those whose outcome belongs on the selected side
   * (absent when the group has none).
   */
  tpr: number | null,
  /**
   * Selected among those whose outcome does not (absent when none).
   */
  fpr: number | null,
  /**
   * Ratios to the best-served group (absent for a group that is not compared).
   */
  ratios: Ratios,
  /**
   * Whether the group is compared (a known value, at least `minGroupSize` rows).
   */
  compared: boolean,
  /**
   * The metrics with a large gap to the best-served group.
   */
  largeGaps: Array<FairnessMetric>,
};

/**
 * Metrics a ratio is taken of.
 */
export type FairnessMetric = "selectionRate" | "accuracy" | "tpr" | "fpr";

/**
 * Options of `cohort.fairness(options)` (`CohortSession::fairness`):
 * what to evaluate, as for `evaluate`, and which columns.
 */
export type FairnessOptions = {
  /**
   * `RULE_TREE_GROUP` or `COUNSELLOR` (instead of a policy).
   */
  method?: FixedMethod | null,
  /**
   * A policy id or object.
   */
  policy?: string | Policy | null,
  /**
   * A model object a MODEL policy may name.
   */
  model?: Model | null,
  /**
   * MODEL: send this share of the cohort to NOE.
   */
  share?: number | null,
  /**
   * MODEL: use this probability cut-off.
   */
  cutoff?: number | null,
  /**
   * Group columns (default: all five; those the cohort lacks are left out).
   */
  groupColumns?: Array<GroupColumn> | null,
  /**
   * Groups smaller than this are listed but not compared (default 30).
   */
  minGroupSize?: number | null,
};

/**
 * One feature of a model file.
 */
export type Feature = {
  "kind": "categorical",
  /**
   * `situation` or `education`.
   */
  name: FeatureName,
  /**
   * The level with weight 0.
   */
  reference: string,
  /**
   * Weight per non-reference level (every level must be listed).
   */
  levels: { [key in string]: number },
  /**
   * Mean weight over the training cohort.
   */
  mean: number,
} | {
  "kind": "binned",
  /**
   * `monthsSinceAbove3G` or `monthsAbove3GLast24`.
   */
  name: FeatureName,
  /**
   * Increasing bin edges.
   */
  edges: Array<number>,
  /**
   * One weight per bin: `edges.len() + 1`.
   */
  weights: Array<number>,
  /**
   * Weight when the value is absent (required for `monthsSinceAbove3G`).
   */
  missing?: number | null,
  /**
   * Mean weight over the training cohort.
   */
  mean: number,
};

/**
 * The inputs a model may use. The report's model uses the first three;
 * `education` exists to show that it adds little for ages 30+.
 */
export type FeatureName = "situation" | "monthsSinceAbove3G" | "monthsAbove3GLast24" | "education";

/**
 * How to encode one feature.
 */
export type FeatureSpec = {
  /**
   * The input.
   */
  name: FeatureName,
  /**
   * Binned features: fixed edges (omit to choose them from the data).
   */
  edges?: Array<number> | null,
};

/**
 * The person's inputs as the routing methods see them.
 */
export type Features = {
  /**
   * The person's id, when given.
   */
  id?: string,
  /**
   * Day of registration.
   */
  registeredOn: IsoDate,
  /**
   * Age in whole years at registration.
   */
  age: number,
  /**
   * Form question 1 (model input).
   */
  situation: Situation,
  /**
   * Model input: see `wages::WageFeatures`.
   */
  monthsSinceAbove3G: number | null,
  /**
   * Model input: see `wages::WageFeatures`.
   */
  monthsAbove3GLast24: number,
  /**
   * The rule tree's work-history test in both forms (6 of the last 12 months).
   */
  worked6Of12: WorkedSixOfTwelve,
};

/**
 * The format of a cohort file.
 */
export type FileFormat = "jsonl" | "csv";

/**
 * What to fit.
 */
export type FitSpec = {
  /**
   * Model id to write.
   */
  id: string,
  /**
   * Model version to write.
   */
  version?: string,
  /**
   * What to predict.
   */
  target: Target,
  /**
   * Inputs, in explanation order.
   */
  features: Array<FeatureSpec>,
  /**
   * L2 penalty on the slopes (not the intercept); 0 = plain maximum likelihood.
   */
  l2?: number,
  /**
   * Smallest share of rows per automatic bin.
   */
  minBinShare?: number,
  /**
   * Most automatic bins per feature (besides "never").
   */
  maxBins?: number,
  /**
   * Monotone weights for binned features.
   */
  monotone?: Monotone,
  /**
   * Newton iterations at most.
   */
  maxIterations?: number,
  /**
   * A line for the model file.
   */
  description?: string,
};

/**
 * Methods evaluated without a policy (report Tabell 5).
 */
export type FixedMethod = "RULE_TREE_GROUP" | "COUNSELLOR";

/**
 * Months after the G table that were given the table's latest G, because
 * the caller chose `gBeyondTable: "LATEST"` (`GBeyondTable::Latest`).
 */
export type GAssumption = {
  /**
   * First month after the table that was used.
   */
  from: YearMonth,
  /**
   * Last month after the table that was used.
   */
  to: YearMonth,
  /**
   * The G they were given: the table's latest row.
   */
  g: GEntry,
};

/**
 * What a lookup of a month after the G table's last month gives.
 */
export type GBeyondTable = "ERROR" | "LATEST";

/**
 * One row of the G table: the yearly amount in force from `from`.
 */
export type GEntry = {
  /**
   * First day the amount is in force (1 May of its year).
   */
  from: IsoDate,
  /**
   * G in NOK per year.
   */
  nok: number,
};

/**
 * Gender, for group metrics only (never a model input).
 */
export type Gender = "FEMALE" | "MALE";

/**
 * The three profiling groups (NAV's `ProfilertTil`).
 */
export type Group = "ANTATT_GODE_MULIGHETER" | "ANTATT_BEHOV_FOR_VEILEDNING" | "OPPGITT_HINDRINGER";

/**
 * Columns that group metrics can be broken down by.
 */
export type GroupColumn = "gender" | "bornAbroad" | "ageBand" | "situation" | "education";

/**
 * Selection rate and error rates within one group.
 */
export type GroupMetrics = {
  /**
   * Column.
   */
  column: GroupColumn,
  /**
   * Value.
   */
  value: string,
  /**
   * Rows.
   */
  count: number,
  /**
   * Share selected.
   */
  selectionRate: number,
  /**
   * Binary accuracy against the method's target within the group.
   */
  accuracy: number,
  /**
   * Selected among those whose outcome belongs in NOE (by the target).
   */
  tpr: number | null,
  /**
   * Selected among those whose outcome does not.
   */
  fpr: number | null,
  /**
   * Outcome belongs in NOE among the selected.
   */
  precision: number | null,
};

/**
 * Options of `wageHistory`.
 */
export type HistoryOptions = {
  /**
   * Months before registration, 1–120 (default 24).
   */
  months?: number,
  /**
   * Another G table (default: the shipped one).
   */
  grunnbelop?: Array<GEntry> | null,
  /**
   * What a month after the G table gets (`ERROR`, the default, or
   * `LATEST`), as in `decide`.
   */
  gBeyondTable?: GBeyondTable,
};

/**
 * A calendar day, `YYYY-MM-DD` (e.g. `"2025-03-14"`).
 */
export type IsoDate = string;

/**
 * Any JSON value.
 */
export type Json = null | boolean | number | string | Array<Json> | { [key: string]: Json };

/**
 * The wage data a label needs.
 */
export type LabelInput = {
  /**
   * Caller's id, echoed.
   */
  id?: string | null,
  /**
   * Day of registration.
   */
  registeredOn: IsoDate,
  /**
   * Monthly wages (several per month are summed; months without an entry are 0).
   */
  wages?: Array<WageEntry>,
  /**
   * Last month with complete wage data; default: the latest month with an entry.
   */
  wagesThrough?: YearMonth | null,
};

/**
 * The labelling options; every field has the documented default.
 */
export type LabelOptions = {
  /**
   * Which month is month 1.
   */
  monthOne: MonthOne,
  /**
   * How rule B is read.
   */
  ruleB: RuleB,
  /**
   * Strict or inclusive thresholds.
   */
  boundary: Boundary,
};

/**
 * Options of `labelOutcome`: each decision of the labelling, with the
 * report's choice as the default.
 */
export type LabelOutcomeOptions = {
  /**
   * Which month is month 1 (default `NEXT_MONTH`).
   */
  monthOne?: MonthOne,
  /**
   * Rule B's window (default `FIVE_OF_MONTHS_6_TO_12`).
   */
  ruleB?: RuleB,
  /**
   * "Above 3G" strictly or inclusively (default `STRICT`).
   */
  boundary?: Boundary,
  /**
   * Another G table (default: the shipped one).
   */
  grunnbelop?: Array<GEntry> | null,
  /**
   * What a month after the G table gets (`ERROR`, the default, or
   * `LATEST`), as in `decide`.
   */
  gBeyondTable?: GBeyondTable,
};

/**
 * Which rule of Tabell 3 gave the label.
 */
export type LabelRule = "A" | "B" | "WITHOUT" | "NEITHER";

/**
 * How far a load has come.
 */
export type LoadProgress = {
  /**
   * Bytes pushed so far.
   */
  bytes: number,
  /**
   * Lines read to their end so far (the CSV header included).
   */
  lines: number,
  /**
   * Rows loaded so far.
   */
  rows: number,
  /**
   * Records skipped so far.
   */
  rejected: number,
};

/**
 * Options of a `CohortLoader` (`new CohortLoader(options)` in JS):
 * `{ format, ruleset?, source? }`.
 */
export type LoaderOptions = {
  /**
   * `jsonl` or `csv`.
   */
  format: FileFormat,
  /**
   * Ruleset of the group column: an id or a ruleset object. Default: the
   * ruleset in force on the earliest registration day of the rows loaded
   * (as `Cohort.fromJson`).
   */
  ruleset?: string | Ruleset | null,
  /**
   * Where the file came from, for the summary (default `JSON Lines file`
   * or `CSV file`).
   */
  source?: string | null,
};

/**
 * How a policy sorts people.
 */
export type Method = "RULE_TREE" | "MODEL";

/**
 * One routing method's answer for the person: its policy, and the
 * decision or the reason there is none (a model that needs G for months
 * the table does not cover, say).
 */
export type MethodResult = {
  /**
   * The policy.
   */
  policy: Policy,
  /**
   * The decision under it.
   */
  decision?: Decision,
  /**
   * Why there is no decision.
   */
  error?: ErrorData,
};

/**
 * A model file (`pkg-config/models/*.json`).
 */
export type Model = {
  /**
   * Identifier, e.g. `variant-a`.
   */
  id: string,
  /**
   * Version of the weights.
   */
  version: string,
  /**
   * What it predicts.
   */
  target: Target,
  /**
   * One line for humans.
   */
  description?: string,
  /**
   * Provenance.
   */
  trainedOn: TrainedOn,
  /**
   * Features in explanation order.
   */
  features: Array<Feature>,
  /**
   * Intercept (logit of the all-reference person).
   */
  intercept: number,
  /**
   * `intercept + Σ feature means`.
   */
  baselineLogit: number,
  /**
   * Columns dropped as aliased.
   */
  aliased?: Array<Aliased>,
  /**
   * Metrics on the training cohort (AUC, Brier, …).
   */
  metrics?: { [key in string]: number },
  /**
   * The fit's report (iterations, deviance, standard errors, …).
   */
  fit?: { [key: string]: Json },
};

/**
 * A model's card on a cohort.
 */
export type ModelCard = {
  /**
   * The model (its features and weights, and where it was fitted).
   */
  model: Model,
  /**
   * What it predicts.
   */
  target: Target,
  /**
   * Whether the cohort is synthetic.
   */
  synthetic: boolean,
  /**
   * The cohort the card is computed on.
   */
  cohort: string,
  /**
   * Rows.
   */
  rows: number,
  /**
   * Rows with the target's event (stable work for `STABLE_WORK`, …).
   */
  events: number,
  /**
   * `events / rows`.
   */
  eventRate: number,
  /**
   * Area under the ROC curve (ties count one half).
   */
  auc: number,
  /**
   * Mean squared error of the probability.
   */
  brier: number,
  /**
   * Ten equal-width bins of predicted probability (empty bins left out):
   * mean predicted against observed event rate.
   */
  calibration: Array<CalibrationBin>,
};

/**
 * Options of `cohort.modelCard(options)` (`CohortSession::model_card`): `{ model }`.
 */
export type ModelCardOptions = {
  /**
   * A shipped model's id, or a model object (one `fit` returned).
   */
  model: string | Model,
};

/**
 * How well a model's probabilities fit the cohort.
 */
export type ModelMetrics = {
  /**
   * Area under the ROC curve.
   */
  auc: number,
  /**
   * Mean squared error of the probability.
   */
  brier: number,
  /**
   * Ten equal-width bins of predicted probability.
   */
  calibration: Array<CalibrationBin>,
};

/**
 * The model as named in a decision.
 */
export type ModelRef = {
  /**
   * Model id.
   */
  id: string,
  /**
   * Version.
   */
  version: string,
  /**
   * What it predicts.
   */
  target: Target,
};

/**
 * How the weights of a binned feature should run.
 */
export type Monotone = "AUTO" | "NONE";

/**
 * Which month is month 1.
 */
export type MonthOne = "NEXT_MONTH" | "REGISTRATION_MONTH";

/**
 * One month of wages, as the counsellor chart and the outcome labels see it.
 */
export type MonthlyWage = {
  /**
   * The month.
   */
  month: YearMonth,
  /**
   * Sum of the month's entries in NOK (0 when there are none).
   */
  nok: number,
  /**
   * G / 12 in force that month.
   */
  monthlyG: number,
  /**
   * `nok / monthlyG`.
   */
  ratio: number,
  /**
   * Strictly more than 3 × monthly G.
   */
  above3G: boolean,
  /**
   * Strictly less than 1 × monthly G.
   */
  below1G: boolean,
  /**
   * The month lies after the G table and was given its latest G (only
   * when the caller chose `gBeyondTable: "LATEST"`); absent otherwise.
   */
  gAssumed?: boolean,
};

/**
 * What kind of input a counterfactual changes.
 */
export type Mutability = "PAST_WAGES" | "SELF_REPORTED";

/**
 * A wage amount in NOK: finite and zero or more.
 */
export type Nok = number;

/**
 * The three sequence groups of Tabell 3.
 */
export type Outcome = "STABLE_WORK" | "IN_AND_OUT" | "WITHOUT_WORK";

/**
 * A label with its evidence.
 */
export type OutcomeLabel = {
  /**
   * The person's id, when given.
   */
  id?: string,
  /**
   * The label.
   */
  outcome: Outcome,
  /**
   * The rule that gave it.
   */
  rule: LabelRule,
  /**
   * Months 1–12 with NOK, monthly G, ratio and the two flags.
   */
  months: Array<MonthlyWage>,
  /**
   * Months above 3G of the 12.
   */
  monthsAbove3G: number,
  /**
   * Months below 1G of the 12.
   */
  monthsBelow1G: number,
  /**
   * The options used.
   */
  options: LabelOptions,
  /**
   * Months of the 12 that lie after the G table and were given its
   * latest G (only with `gBeyondTable: "LATEST"`).
   */
  gAssumed?: GAssumption,
};

/**
 * One line of the outcome × selection table.
 */
export type OutcomeLine = {
  /**
   * `STABLE_WORK`, `IN_AND_OUT`, `WITHOUT_WORK` or `TOTAL`.
   */
  outcome: Outcome | "TOTAL",
  /**
   * Everyone with this outcome.
   */
  total: Cell,
  /**
   * Selected (NOE / standard).
   */
  selected: Cell,
  /**
   * Not selected (local office / not standard).
   */
  notSelected: Cell,
};

/**
 * Conditions that always send a person to the local office.
 */
export type Override = "HEALTH_OBSTACLES" | "OTHER_OBSTACLES" | "DIGITAL_RESERVATION" | "SENSITIVE" | "SINGLE_PARENT";

/**
 * Question 3c: did you pass the education?
 */
export type Passed = "JA" | "NEI" | "INGEN_SVAR";

/**
 * An employer-register period: inclusive dates, `end: null` = ongoing.
 */
export type Period = {
  /**
   * First day.
   */
  start: IsoDate,
  /**
   * Last day, or `None` while ongoing.
   */
  end?: IsoDate | null,
};

/**
 * One registration as callers send it (design §3); unknown fields are
 * rejected. Either `birthDate` or `age` is required.
 */
export type Person = {
  /**
   * Caller's identifier, echoed in every output.
   */
  id?: string | null,
  /**
   * Day of registration.
   */
  registeredOn: IsoDate,
  /**
   * Birth date (or give `age`).
   */
  birthDate?: IsoDate | null,
  /**
   * Whole years at `registeredOn` (or give `birthDate`).
   */
  age?: number | null,
  /**
   * The answers to the registration form.
   */
  answers: Answers,
  /**
   * Employer-register periods.
   */
  employment?: Array<Period>,
  /**
   * Monthly wage entries (A-melding); several for one month are summed.
   */
  wages?: Array<WageEntry>,
  /**
   * Last month for which the wage data is complete (default: the latest
   * month with an entry).
   */
  wagesThrough?: YearMonth | null,
  /**
   * Single parent (enslig forsørger).
   */
  singleParent?: boolean,
  /**
   * Reserved against digital communication.
   */
  digitalReservation?: boolean,
  /**
   * Strictly confidential address or shielded person.
   */
  sensitive?: boolean,
};

/**
 * A routing policy (one file in `pkg-config/policies/`).
 */
export type Policy = {
  /**
   * Identifier, e.g. `noe-2025-01`.
   */
  id: string,
  /**
   * First day in force.
   */
  validFrom: IsoDate,
  /**
   * In force, or a proposal.
   */
  status: PolicyStatus,
  /**
   * How people are sorted.
   */
  method: Method,
  /**
   * Ruleset id; `null` = the ruleset in force on the registration day.
   */
  ruleset?: string | null,
  /**
   * Ages (inclusive) that may go to NOE.
   */
  noeAge: AgeBand,
  /**
   * Conditions that send a person to the local office whatever else holds.
   */
  toLocalOffice: Array<Override>,
  /**
   * Where the policy comes from.
   */
  source: string,
  /**
   * MODEL: the model id (`pkg-config/models/<id>.json`).
   */
  model?: string | null,
  /**
   * MODEL: the probability cut-off in (0, 1). Variant A (target stable
   * work) sends P ≥ cut-off to NOE; variant B (target without work) sends
   * P < cut-off to NOE.
   */
  cutoff?: number | null,
  /**
   * MODEL: the share of a cohort to send to NOE, in (0, 1]; on a cohort
   * it is turned into a cut-off, and shipped policies carry both.
   */
  share?: number | null,
};

/**
 * Options of `cohort.policyWithCutoff(options)`
 * (`CohortSession::policy_with_cutoff`): `{ policy, model?, share? |
 * cutoff?, id? }`.
 */
export type PolicyCutoffOptions = {
  /**
   * The MODEL policy to start from, by id or as an object.
   */
  policy: string | Policy,
  /**
   * A model object; the policy then names it (`model: <its id>`).
   */
  model?: Model | null,
  /**
   * The share of this cohort to send to NOE: the policy gets it and the
   * cut-off that sends it.
   */
  share?: number | null,
  /**
   * A probability cut-off in (0, 1): the policy gets it, and no share.
   */
  cutoff?: number | null,
  /**
   * A new id for the policy (default: the one it starts from).
   */
  id?: string | null,
};

/**
 * The policy as named in a decision.
 */
export type PolicyRef = {
  /**
   * Policy id.
   */
  id: string,
  /**
   * First day in force.
   */
  validFrom: IsoDate,
};

/**
 * Whether a policy is or was in force, or is a proposal to compare.
 */
export type PolicyStatus = "IN_FORCE" | "PROPOSAL";

/**
 * Ratios of a group's metrics to the best-served group's.
 */
export type Ratios = {
  /**
   * Share selected / the highest share selected.
   */
  selectionRate: number | null,
  /**
   * Accuracy / the highest accuracy.
   */
  accuracy: number | null,
  /**
   * TPR / the highest TPR.
   */
  tpr: number | null,
  /**
   * FPR / the lowest FPR (≥ 1).
   */
  fpr: number | null,
};

/**
 * A reason with the data behind it.
 */
export type Reason = {
  /**
   * What.
   */
  code: ReasonCode,
  /**
   * The values that made it so (an object; may be empty).
   */
  detail: { [key: string]: Json },
};

/**
 * Why a person got a group or a unit.
 */
export type ReasonCode = "HEALTH_OBSTACLES" | "OTHER_OBSTACLES" | "AGE_OUTSIDE_BAND" | "NO_EDUCATION" | "EDUCATION_NOT_PASSED" | "EDUCATION_NOT_APPROVED" | "WORK_HISTORY_NOT_MET" | "QUICK_RETURN_CRITERIA_MET" | "NOT_QUICK_RETURN" | "AGE_OUTSIDE_NOE_BAND" | "DIGITAL_RESERVATION" | "SENSITIVE" | "SINGLE_PARENT" | "ROUTED_TO_NOE" | "MODEL_SELECTS_NOE" | "MODEL_SELECTS_LOCAL_OFFICE";

/**
 * Options of `CohortSession::from_records_json`.
 */
export type RecordsOptions = {
  /**
   * Ruleset of the group column: an id or a ruleset object. Default: the
   * ruleset in force on the earliest registration day of the records.
   */
  ruleset?: string | Ruleset | null,
  /**
   * Where the records came from, for the summary (default `records`).
   */
  source?: string | null,
};

/**
 * The records a load skipped: how many, and the first 100
 * (`MAX_REJECTED_KEPT`) of them.
 */
export type Rejected = {
  /**
   * Records skipped.
   */
  count: number,
  /**
   * The first of them, in file order.
   */
  first: Array<RowError>,
};

/**
 * A record of a cohort file that was skipped, and why.
 */
export type RowError = {
  /**
   * Line of the file where the record starts (1 = the first line; in a
   * CSV file the header is line 1).
   */
  line: number,
  /**
   * What went wrong.
   */
  kind: ErrorKind,
  /**
   * The field at fault: a JSON path in the record (`person.answers.situation`)
   * or a CSV column (`situation`, `wage-3`); empty for the record as a whole.
   */
  path: string,
  /**
   * The reason, for humans.
   */
  message: string,
};

/**
 * The checks of the rule tree, as named in a trace.
 */
export type Rule = "HEALTH_OBSTACLES" | "OTHER_OBSTACLES" | "AGE_IN_BAND" | "HAS_EDUCATION" | "PASSED_EDUCATION" | "APPROVED_EDUCATION" | "WORK_HISTORY";

/**
 * How rule B of "stable work" is read.
 */
export type RuleB = "FIVE_OF_MONTHS_6_TO_12" | "LAST_FIVE_MONTHS";

/**
 * Options of `ruleTree`.
 */
export type RuleTreeOptions = {
  /**
   * A ruleset by id or as an object (default: the one in force on `on`).
   */
  ruleset?: string | Ruleset | null,
  /**
   * Take the ruleset in force on this day (default: the registration day).
   */
  on?: IsoDate | null,
};

/**
 * The result of the rule tree for one person.
 */
export type RuleTreeResult = {
  /**
   * Ruleset used.
   */
  ruleset: string,
  /**
   * The group.
   */
  group: Group,
  /**
   * Why.
   */
  reasons: Array<Reason>,
  /**
   * Every check made, in order.
   */
  trace: Array<TraceStep>,
};

/**
 * A dated ruleset: the details of the rule tree that changed over time.
 */
export type Ruleset = {
  /**
   * `2018`, `2018-10`, `2024-03`, `2026-04`.
   */
  id: string,
  /**
   * First registration day it applies to.
   */
  validFrom: IsoDate,
  /**
   * Where the details come from.
   */
  source: string,
  /**
   * Age band for the quick-return group.
   */
  quickReturnAge: AgeBand,
  /**
   * Whether primary school (not asked 3b/3c) counts as passed and approved.
   */
  primarySchoolCountsAsPassedAndApproved: boolean,
  /**
   * Answers to questions 4 and 5 that count as an obstacle.
   */
  obstacleAnswers: Array<YesNoUnknown>,
  /**
   * The work-history test.
   */
  workHistory: WorkHistoryRule,
};

/**
 * Options of `score`.
 */
export type ScoreOptions = {
  /**
   * A model by id or as an object (default: the first shipped model).
   */
  model?: string | Model | null,
  /**
   * Another G table (default: the shipped one).
   */
  grunnbelop?: Array<GEntry> | null,
  /**
   * What a month after the G table gets (`ERROR`, the default, or
   * `LATEST`), as in `decide`.
   */
  gBeyondTable?: GBeyondTable,
};

/**
 * A person scored by a model (what `score` returns).
 */
export type ScoredPerson = {
  /**
   * The model.
   */
  model: ModelRef,
  /**
   * The model inputs.
   */
  features: { [feature in FeatureName]?: number | string | null },
  /**
   * The months of the model inputs that lie after the G table and were
   * given its latest G (only with `gBeyondTable: "LATEST"`).
   */
  gAssumed?: GAssumption,
  /**
   * Predicted probability of the model's target.
   */
  probability: number,
  /**
   * Its log-odds.
   */
  logit: number,
  /**
   * The model's reference point.
   */
  baselineLogit: number,
  /**
   * Per-feature contributions; `baselineLogit + Σ logit = logit`.
   */
  contributions: Array<Contribution>,
  /**
   * The same in probability space, order-dependent.
   */
  waterfall: Waterfall,
};

/**
 * Form question 1: the job-seeker's situation ("registration reason").
 *
 * NAV's newer register renames two answers; both spellings parse:
 * `HAR_BLITT_SAGT_OPP` is `Situation::MistetJobben` and
 * `IKKE_VAERT_I_JOBB_SISTE_2_AAR` is `Situation::JobbOver2Aar`.
 */
export type Situation = "MISTET_JOBBEN" | "HAR_SAGT_OPP" | "DELTIDSJOBB_VIL_MER" | "ALDRI_HATT_JOBB" | "VIL_BYTTE_JOBB" | "JOBB_OVER_2_AAR" | "ER_PERMITTERT" | "USIKKER_JOBBSITUASJON" | "AKKURAT_FULLFORT_UTDANNING" | "VIL_FORTSETTE_I_JOBB" | "HAR_BLITT_SAGT_OPP" | "IKKE_VAERT_I_JOBB_SISTE_2_AAR";

/**
 * Options of `CohortSession::synthetic` and of a `SyntheticBuilder`
 * (`SyntheticOptions::builder`; `new SyntheticBuilder(options)` in JS):
 * `{"seed": 1, "size": 100000, "ages": "REPORT" | "WIDE"}`.
 */
export type SyntheticOptions = {
  /**
   * Seed: an integer from 0 to 2⁵³ − 1.
   */
  seed: number,
  /**
   * Rows: 1 to 10 000 000.
   */
  size: number,
  /**
   * Age range of the parameter file (default `REPORT`, ages 30–59).
   */
  ages?: AgeRange,
};

/**
 * How far a `SyntheticBuilder` has come (`{ rows, size }` in JSON).
 */
export type SyntheticProgress = {
  /**
   * Rows made so far.
   */
  rows: number,
  /**
   * Rows of the whole cohort.
   */
  size: number,
};

/**
 * What a model predicts, and so what its accuracy is measured against.
 */
export type Target = "STABLE_WORK" | "WITHOUT_WORK" | "NOT_WITHOUT_WORK";

/**
 * Options of `CohortSession::threshold_for_share_json`: `{"policy":
 * "<id>" | {policy object}, "model"?: {model object}, "share": 0.37}`.
 */
export type ThresholdOptions = {
  /**
   * A MODEL policy, by id or as an object.
   */
  policy: string | Policy,
  /**
   * A model object the policy may name (adds to the shipped ones).
   */
  model?: Model | null,
  /**
   * Share of the cohort to send to NOE, in (0, 1].
   */
  share: number,
};

/**
 * One check of the rule tree.
 */
export type TraceStep = {
  /**
   * Which check.
   */
  rule: Rule,
  /**
   * The input it looked at.
   */
  input: Json,
  /**
   * Whether the condition holds.
   */
  holds: boolean,
  /**
   * Extra facts: the band, the test's details, a ruleset quirk.
   */
  detail?: { [key: string]: Json },
};

/**
 * Where a model's weights came from.
 */
export type TrainedOn = {
  /**
   * Cohort name, e.g. `synthetic-v1 seed 1`.
   */
  cohort: string,
  /**
   * Rows fitted on.
   */
  rows: number,
  /**
   * True when the cohort was synthetic: such a model must be refitted on
   * real data before use.
   */
  synthetic: boolean,
};

/**
 * Where a person is routed.
 */
export type Unit = "NOE" | "LOCAL_OFFICE";

/**
 * A monthly wage report (A-melding) entry.
 */
export type WageEntry = {
  /**
   * The month the wage was paid for.
   */
  month: YearMonth,
  /**
   * Cash wage in NOK.
   */
  nok: Nok,
};

/**
 * A probability-space walk from the baseline to the person's probability,
 * adding features in the model file's order. The steps depend on that
 * order; the logit contributions do not.
 */
export type Waterfall = {
  /**
   * Always `"MODEL_FILE_FEATURE_ORDER"`: the order the steps were taken in.
   */
  order: "MODEL_FILE_FEATURE_ORDER",
  /**
   * σ(baselineLogit).
   */
  baselineProbability: number,
  /**
   * One step per feature.
   */
  steps: Array<WaterfallStep>,
};

/**
 * One step of a `Waterfall`.
 */
export type WaterfallStep = {
  /**
   * Feature added.
   */
  feature: FeatureName,
  /**
   * Probability before the step.
   */
  from: number,
  /**
   * Probability after.
   */
  to: number,
};

/**
 * Parameters of the work-history test, part of a ruleset file.
 */
export type WorkHistoryRule = {
  /**
   * The form of the test.
   */
  test: WorkHistoryTest,
  /**
   * Continuous months required (6).
   */
  minMonths: number,
  /**
   * Months looked back over (12).
   */
  windowMonths: number,
  /**
   * Intervals only: periods whose gap is fewer days than this are one
   * stretch (3).
   */
  mergeWithinDays?: number | null,
};

/**
 * Which form of the work-history test a ruleset uses.
 */
export type WorkHistoryTest = "MONTH_SAMPLING" | "INTERVALS";

/**
 * Both forms of the work-history test.
 */
export type WorkedSixOfTwelve = {
  /**
   * 2018 month sampling.
   */
  monthSampling: boolean,
  /**
   * 2024 merged intervals.
   */
  intervals: boolean,
};

/**
 * A calendar month, `YYYY-MM` (e.g. `"2024-12"`).
 */
export type YearMonth = string;

/**
 * Questions 4 and 5: health problems / other problems that hinder
 * seeking or holding a job.
 */
export type YesNoUnknown = "JA" | "NEI" | "VET_IKKE";
