//! The command line: commands, flags, help texts, and the typed options
//! each flag set becomes.

use crate::records::Format;
use clap::{ArgGroup, Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use veivalg::cohort::evaluate::DEFAULT_MONTHLY_VOLUME;
use veivalg::cohort::session::FixedMethod;
use veivalg::cohort::synthetic::AgeRange;
use veivalg::domain::calendar::Date;
use veivalg::model::Target;
use veivalg::routing::catalog::Catalog;
use veivalg::{Error, ErrorKind};

/// Output, errors and exit codes: the same for every command that reads
/// records. A macro, so that `concat!` can join it to each command's text.
macro_rules! records_help {
    () => {
        "\
Input: the FILE argument, or standard input when FILE is `-` or left out. \
The input is one JSON object, a JSON array of objects, or JSON Lines (one \
object per line; blank lines are skipped); `--input` says which, `auto` \
guesses (use `--input jsonl` when streaming, so each line is answered as it \
arrives). Each object is one record of at most 1 MiB. Unknown fields are \
rejected; enum values are NAV's own (e.g. MISTET_JOBBEN, JA/NEI).

Output: JSON Lines on standard output, one result per record, in input \
order. A record that fails gives one line of JSON on standard error instead, \
and the other records are still processed:
  {\"line\":2,\"kind\":\"INVALID_VALUE\",\"path\":\"answers.situation\",\"message\":\"…\"}
For array input the error has \"index\" (0-based) instead of \"line\" and its \
path starts with \"[i]\". Kinds: INVALID_JSON, INVALID_TYPE, INVALID_VALUE, \
UNKNOWN_FIELD, MISSING_FIELD, OUT_OF_RANGE, INCONSISTENT, INSUFFICIENT_DATA, \
NOT_FOUND, TOO_LARGE.

Exit codes:
  0  every record succeeded
  1  at least one record failed (the others are still on standard output)
  2  usage error or unreadable input (kind USAGE or IO on standard error)

The full data contracts (person, decision, outcome label, errors) are in the \
design document, docs/design.md §3."
    };
}

/// The cohort file and the exit codes of `fit` and `evaluate`.
macro_rules! cohort_help {
    () => {
        "\
Cohort file (--cohort FILE, `-` for standard input): JSON Lines of cohort \
records, one JSON array of them, or CSV with one registration per row. \
--format says which; without it the extension does (.csv, .jsonl or \
.ndjson, .json), and otherwise JSON Lines or an array is guessed. A JSON \
record is one registration with what is known after it, as `veivalg synth` \
writes:
  {\"synthetic\":true,\"person\":{…},\"counsellorStandard\":true,\"gender\":\"FEMALE\",\"bornAbroad\":false}
\"outcome\" (STABLE_WORK, IN_AND_OUT, WITHOUT_WORK) may be given; without \
it the outcome is computed from the person's wages, which must then cover \
the 12 months after registration. The CSV columns (registeredOn, birthDate, \
the form answers, employment, wage-36 … wage-1, wage+1 … wage+12 or \
outcome, …) are listed in the README (\"Cohort files\"); \
pkg-config/cohort-template.csv is a template. A cohort is synthetic or \
real, never a mix; everything said about a synthetic cohort says \
SYNTHETIC. The group column (what RULE_TREE_GROUP and rule-tree policies \
read) is computed with --ruleset; the default, 2018-10, was in force for \
the report's cohorts.

Errors: every record that fails gives one line of JSON on standard error, \
with its line (JSON Lines, CSV: the header is line 1) or index (array), as \
for `veivalg decide`, and is skipped; the rest load:
  {\"line\":7,\"kind\":\"INSUFFICIENT_DATA\",\"path\":\"person.wages\",\"message\":\"…\"}
  {\"line\":12,\"kind\":\"INVALID_VALUE\",\"path\":\"situation\",\"message\":\"…\"}   (CSV: the column)
With --strict a failing record stops the command: nothing is fitted or \
evaluated. A CSV header without a required column, or a file of which no \
record loads, stops it too. Errors of the fit or the evaluation name the \
option or field at fault ({\"kind\":\"OUT_OF_RANGE\",\"path\":\"share\",…}).

Exit codes:
  0  done, every record loaded
  1  done without the records that failed (reported on standard error); \
or nothing written: a record failed with --strict, no record loaded, or \
the spec, policy or model file, the fit or the evaluation itself failed
  2  usage error, or a file could not be read or written (kind USAGE or IO)"
    };
}

/// Sorts newly registered job seekers the way NAV does, and explains each
/// decision.
#[derive(Debug, Parser)]
#[command(
    name = "veivalg",
    version,
    about = "Sort newly registered Norwegian job seekers the way NAV does, and explain each decision.",
    long_about = "Sort newly registered Norwegian job seekers the way NAV does, and explain each \
decision.\n\nEverything runs on this machine: nothing is sent anywhere. The same core \
answers for the npm package, so the CLI and the web pages give identical results and errors.",
    after_long_help = concat!(
        "Examples:\n  veivalg decide persons.jsonl > decisions.jsonl\n  \
veivalg synth --seed 1 --size 10000 > cohort.jsonl\n  \
veivalg evaluate --cohort cohort.jsonl --method RULE_TREE_GROUP\n  veivalg decide --help\n\n",
        records_help!()
    )
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Route each person: group from the rule tree, unit (NOE or local
    /// office), with reasons and the rule trace.
    #[command(
        long_about = "Route each person: the group from the rule tree (ANTATT_GODE_MULIGHETER, \
ANTATT_BEHOV_FOR_VEILEDNING, OPPGITT_HINDRINGER) and the unit (NOE or LOCAL_OFFICE), with the \
policy used, the reasons and the rule trace. By default the policy in force on the person's \
registration day is used.",
        after_long_help = concat!(
            "Record: one registration (a person). Example:\n  \
echo '{\"registeredOn\":\"2025-03-14\",\"birthDate\":\"1979-06-02\",\"answers\":{\"situation\":\"MISTET_JOBBEN\",\
\"education\":\"HOYERE_UTDANNING_1_TIL_4\",\"educationApproved\":\"JA\",\"educationPassed\":\"JA\",\
\"healthObstacles\":\"NEI\",\"otherObstacles\":\"NEI\"},\"employment\":[{\"start\":\"2020-01-01\",\"end\":null}]}' \
| veivalg decide\n  \
→ {\"method\":\"RULE_TREE\",…,\"group\":\"ANTATT_GODE_MULIGHETER\",\"unit\":\"NOE\",…}\n\n",
            records_help!()
        )
    )]
    Decide(DecideArgs),
    /// Label each person's outcome over the 12 months after registration:
    /// stable work, in and out of work, or without work.
    #[command(
        long_about = "Label each outcome over the 12 months after registration (the report's \
Tabell 3): STABLE_WORK, IN_AND_OUT or WITHOUT_WORK, with the rule that decided it and the \
months compared with the grunnbeløp G. Needs wage data for 12 complete months after \
registration; fewer is an INSUFFICIENT_DATA error, not a guess.",
        after_long_help = concat!(
            "Record: {registeredOn, wages, wagesThrough?} or a whole person. Months with no \
wage entry count as zero. Example:\n  \
echo '{\"registeredOn\":\"2024-01-15\",\"wages\":[{\"month\":\"2024-02\",\"nok\":50000}, …, \
{\"month\":\"2025-01\",\"nok\":50000}]}' | veivalg label\n  \
→ {\"outcome\":\"STABLE_WORK\",\"rule\":\"A\",\"months\":[…]}\n\n",
            records_help!()
        )
    )]
    Label(LabelArgs),
    /// Show each person's inputs as the routing methods see them (age,
    /// wage measures, the work-history test).
    #[command(
        long_about = "Show each person's inputs as the routing methods see them: age at \
registration, situation, months since wages above 3G, months above 3G in the last 24, and \
the work-history test (6 of the last 12 months) in both its 2018 and 2024 forms.",
        after_long_help = concat!(
            "Record: one registration (a person), as for `veivalg decide`. Example:\n  \
veivalg features persons.jsonl\n  \
→ {\"registeredOn\":\"2025-03-14\",\"age\":45,…,\"monthsAbove3GLast24\":0,…}\n\n",
            records_help!()
        )
    )]
    Features(FeaturesArgs),
    /// Write a SYNTHETIC cohort as JSON Lines of cohort records, row by row.
    #[command(
        long_about = "Write a SYNTHETIC cohort: JSON Lines of cohort records, one generated \
registrant a line, each with \"synthetic\":true, written row by row (a million rows need no \
more memory than one). The generator and its parameters (pkg-config/cohort/synthetic-v1.json) \
are described in docs/synthetic-cohort.md. The same seed gives the same bytes every time, and \
row i does not depend on --size: a larger cohort extends a smaller one. It is not NAV data.",
        after_long_help = "\
Examples:
  veivalg synth --seed 1 --size 3
  → {\"synthetic\":true,\"person\":{\"id\":\"syn-1-0\",\"registeredOn\":…},\"counsellorStandard\":…,\"gender\":…,\"bornAbroad\":…}
  veivalg synth --seed 7 --size 1000000 --ages wide --output cohort.jsonl

Exit codes:
  0  the cohort was written (or the reader of standard output closed it)
  2  usage error (a seed or size out of range names its flag), or the output \
could not be written (kind USAGE or IO on standard error)"
    )]
    Synth(SynthArgs),
    /// Fit a probability model (logistic regression) on a cohort and write
    /// the model file.
    #[command(
        long_about = "Fit a probability model on a cohort and write the model file \
(pkg-config/models/*.json format) as pretty JSON: logistic regression on binned inputs, \
with the procedure in the model card, docs/models.md (bins from the data, aliased columns dropped, monotone \
wage weights). Say what to fit with --spec FILE, or with --target and --id for the report's \
model (registration reason, months since wages above 3G, months above 3G in the last 24). \
A summary (iterations, deviance, aliased columns, AUC) goes to standard error; the model \
file's trainedOn says which cohort it was fitted on and whether that was synthetic.",
        after_long_help = concat!(
            "Spec file (JSON): {\"id\":\"my-model\",\"target\":\"STABLE_WORK\",\
\"features\":[{\"name\":\"situation\"},{\"name\":\"monthsSinceAbove3G\",\"edges\":[1,3,6,12,24]}]}, \
optional: version, l2, minBinShare, maxBins, monotone (AUTO, NONE), maxIterations, description. \
Features: situation, monthsSinceAbove3G, monthsAbove3GLast24, education.

Examples:
  veivalg synth --seed 1 --size 100000 > cohort.jsonl
  veivalg fit --cohort cohort.jsonl --target STABLE_WORK --id my-variant-a --output my-variant-a.json
  veivalg fit --cohort cohort.jsonl --spec spec.json --l2 0.5 > model.json

",
            cohort_help!()
        )
    )]
    Fit(FitArgs),
    /// Evaluate a routing policy or method on a cohort: outcomes of those
    /// selected and not, accuracy, model and group metrics.
    #[command(
        long_about = "Evaluate a routing policy or method on a cohort, as the report's Tabell 5 \
and 8 do: outcome × selected/not selected (% of all and per month), accuracy against the \
target named, the cut-off and share of a MODEL policy, AUC, Brier score and calibration of its \
model, selection and error rates per group (gender, born abroad, age band, registration \
reason, education), and with --compare-to-… the difference per month (\"+310 stable, −210 \
without per month\"). Text tables by default; --json prints the evaluation as one line of JSON.",
        after_long_help = concat!(
            "Selected means NOE for a policy, and a standard profile (rule tree) or 14a decision \
(counsellors) for --method. A MODEL policy selects by --share (of the whole cohort) or \
--cutoff (a probability); without either, by the policy's own share or cut-off. --model adds \
a model file to the shipped ones, so a policy file can name a model you fitted.

Examples:
  veivalg evaluate --synthetic-default --method RULE_TREE_GROUP
  veivalg evaluate --cohort cohort.jsonl --policy variant-a --share 0.40 --compare-to-method RULE_TREE_GROUP
  veivalg evaluate --cohort cohort.jsonl --policy my-policy.json --model my-model.json --cutoff 0.45 --json

",
            cohort_help!()
        )
    )]
    Evaluate(EvaluateArgs),
    /// Reproduce the report's Tabell 3, 5 and 8 on the default SYNTHETIC
    /// cohort, next to the published figures.
    #[command(
        long_about = "Reproduce the report's Tabell 3, 5 and 8 and the per-month differences of \
section 4.4 on the default SYNTHETIC cohort (synthetic-v1, seed 1, 100 000 rows), each \
measured figure next to the published one with pass or FAIL against ±2 percentage points \
(±180 people a month at 9 000 registrants). Variants A and B are the shipped models and \
policies. Text by default; --markdown writes docs/reproduction.md (`make report`).",
        after_long_help = "\
Examples:
  veivalg report
  veivalg report --markdown > docs/reproduction.md

Exit codes:
  0  every line passes
  1  some line fails (the report is printed all the same)
  2  usage error, or the report could not be built or written (error on standard error)"
    )]
    Report(ReportArgs),
    /// Print the shipped routing policies (a JSON array).
    Policies,
    /// Print the shipped rule-tree rulesets (a JSON array).
    Rulesets,
    /// Print the shipped probability models (a JSON array).
    Models,
    /// Maintainer: refit the shipped proposal models and policies (variant
    /// A and B) on the default synthetic cohort.
    #[command(
        long_about = "Maintainer command: refit the shipped proposal models and policies \
(variant A: P(stable work), 37 % to NOE; variant B: P(without work), 48 % to NOE) on the \
default SYNTHETIC cohort (synthetic-v1, seed 1, 100 000 rows), with the cut-offs that send \
those shares to NOE. With --write DIR it REWRITES DIR/models/variant-a.json, \
DIR/models/variant-b.json, DIR/policies/variant-a.json and DIR/policies/variant-b.json \
(`make models` runs it on pkg-config/); without --write it prints the two models and then the \
two policies as JSON Lines and changes nothing.",
        after_long_help = "\
Examples:
  veivalg refit-defaults | head -1
  veivalg refit-defaults --write pkg-config

Exit codes:
  0  done
  2  usage error, the fit failed, or a file could not be written (error on standard error)"
    )]
    RefitDefaults(RefitArgs),
}

/// Where the records come from.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// File to read; `-` or nothing reads standard input.
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// How the input is split into records.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = Format::Auto)]
    pub input: Format,
}

impl InputArgs {
    /// The file to read, or `None` for standard input.
    pub fn path(&self) -> Option<&PathBuf> {
        self.file.as_ref().filter(|p| p.as_os_str() != "-")
    }
}

/// `veivalg decide`.
#[derive(Debug, Args)]
pub struct DecideArgs {
    /// Where the records come from.
    #[command(flatten)]
    pub input: InputArgs,
    /// Use this routing policy (see `veivalg policies`) instead of the one
    /// in force on the registration day.
    #[arg(long, value_name = "ID", value_parser = shipped_policy, conflicts_with = "on")]
    pub policy: Option<String>,
    /// Use the policy in force on this day instead of the registration day.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = day_with_policy)]
    pub on: Option<String>,
    /// Use this G table (a JSON array of {"from": "YYYY-05-01", "nok": …})
    /// instead of the shipped one, which ends with the G from 1 May 2025:
    /// model decisions for registrations after April 2026 need newer rows.
    #[arg(long, value_name = "FILE")]
    pub grunnbelop: Option<PathBuf>,
}

/// `veivalg label`.
#[derive(Debug, Args)]
pub struct LabelArgs {
    /// Where the records come from.
    #[command(flatten)]
    pub input: InputArgs,
    /// Which month is month 1 [default: next].
    #[arg(long, value_enum, value_name = "MONTH")]
    pub month_one: Option<MonthOne>,
    /// How rule B ("above 3G in 5 months from month 6 through 12") is read
    /// [default: five-of-6-12].
    #[arg(long, value_enum, value_name = "READING")]
    pub rule_b: Option<RuleB>,
}

/// `veivalg features`.
#[derive(Debug, Args)]
pub struct FeaturesArgs {
    /// Where the records come from.
    #[command(flatten)]
    pub input: InputArgs,
}

/// `veivalg synth`.
#[derive(Debug, Args)]
pub struct SynthArgs {
    /// Seed: an integer from 0 to 9007199254740991 (2^53 − 1, exact in
    /// JavaScript).
    #[arg(long, value_name = "N", value_parser = seed, allow_negative_numbers = true)]
    pub seed: u64,
    /// Rows: 1 to 10000000.
    #[arg(long, value_name = "N", value_parser = size, allow_negative_numbers = true)]
    pub size: usize,
    /// Age range of the registrants.
    #[arg(long, value_enum, value_name = "RANGE", default_value_t = Ages::Report)]
    pub ages: Ages,
    /// JSON Lines of cohort records, or CSV in the columns of the README's
    /// "Cohort files" (what `--cohort FILE.csv` reads).
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = SynthFormat::Jsonl)]
    pub format: SynthFormat,
    /// Write to FILE instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `--format` of `veivalg synth`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SynthFormat {
    /// One cohort record (JSON) per line.
    #[value(name = "jsonl")]
    Jsonl,
    /// A header line, then one registration per row.
    #[value(name = "csv")]
    Csv,
}

/// `--ages`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Ages {
    /// 30–59: NOE's segment and the report's cohort (calibrated to it).
    #[value(name = "report")]
    Report,
    /// 18–66: every age a routing policy may look at (outside 30–59 not
    /// calibrated to anything published).
    #[value(name = "wide")]
    Wide,
}

impl From<Ages> for AgeRange {
    fn from(a: Ages) -> AgeRange {
        match a {
            Ages::Report => AgeRange::Report,
            Ages::Wide => AgeRange::Wide,
        }
    }
}

/// `--format` of a cohort file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CohortFormat {
    /// JSON Lines of cohort records.
    #[value(name = "jsonl")]
    Jsonl,
    /// One JSON array of cohort records.
    #[value(name = "json")]
    Json,
    /// CSV, one registration per row (columns in the README).
    #[value(name = "csv")]
    Csv,
}

/// `veivalg fit`.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("what").required(true).args(["spec", "target"])))]
pub struct FitArgs {
    /// Cohort file: JSON Lines, a JSON array of cohort records, or CSV; `-`
    /// reads standard input.
    #[arg(long, value_name = "FILE")]
    pub cohort: PathBuf,
    /// The cohort file's format (default: from its extension, else JSON
    /// Lines or an array, guessed).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<CohortFormat>,
    /// Fit nothing when a record of the cohort fails (default: skip it,
    /// report it, fit on the rest, exit 1).
    #[arg(long)]
    pub strict: bool,
    /// Ruleset for the cohort's rule-tree group column (see `veivalg rulesets`).
    #[arg(long, value_name = "ID", default_value = "2018-10", value_parser = shipped_ruleset)]
    pub ruleset: String,
    /// What to fit: a fitting spec (JSON; see below).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["target", "id"])]
    pub spec: Option<PathBuf>,
    /// What to fit: the report's model for this target (needs --id).
    #[arg(long, value_enum, value_name = "TARGET", requires = "id")]
    pub target: Option<FitTarget>,
    /// The id written into the model file (with --target).
    #[arg(long, value_name = "ID", requires = "target")]
    pub id: Option<String>,
    /// L2 penalty on the slopes, ≥ 0 (overrides the spec's; default 0 =
    /// plain maximum likelihood).
    #[arg(long, value_name = "X", value_parser = l2, allow_negative_numbers = true)]
    pub l2: Option<f64>,
    /// Write the model file to FILE instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `--target` of `veivalg fit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FitTarget {
    /// P(stable work in the 12 months after registration): variant A.
    #[value(name = "STABLE_WORK")]
    StableWork,
    /// P(without work in the 12 months after registration): variant B.
    #[value(name = "WITHOUT_WORK")]
    WithoutWork,
}

impl From<FitTarget> for Target {
    fn from(t: FitTarget) -> Target {
        match t {
            FitTarget::StableWork => Target::StableWork,
            FitTarget::WithoutWork => Target::WithoutWork,
        }
    }
}

/// `veivalg evaluate`.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("source").required(true).args(["cohort", "synthetic_default"])))]
#[command(group(ArgGroup::new("what").required(true).args(["policy", "method"])))]
pub struct EvaluateArgs {
    /// Cohort file: JSON Lines, a JSON array of cohort records, or CSV; `-`
    /// reads standard input.
    #[arg(long, value_name = "FILE")]
    pub cohort: Option<PathBuf>,
    /// The cohort file's format (default: from its extension, else JSON
    /// Lines or an array, guessed).
    #[arg(long, value_enum, value_name = "FORMAT", requires = "cohort")]
    pub format: Option<CohortFormat>,
    /// Evaluate nothing when a record of the cohort fails (default: skip
    /// it, report it, evaluate the rest, exit 1).
    #[arg(long, requires = "cohort")]
    pub strict: bool,
    /// Use the default SYNTHETIC cohort (synthetic-v1, seed 1, 100 000 rows)
    /// instead of a file.
    #[arg(long, conflicts_with = "ruleset")]
    pub synthetic_default: bool,
    /// Ruleset for the cohort's rule-tree group column (see `veivalg rulesets`).
    #[arg(long, value_name = "ID", default_value = "2018-10", value_parser = shipped_ruleset)]
    pub ruleset: String,
    /// The routing policy: a shipped id (see `veivalg policies`) or a policy
    /// file (a path ending in .json or containing /).
    #[arg(long, value_name = "ID|FILE", value_parser = policy_arg)]
    pub policy: Option<PolicyArg>,
    /// A method instead of a policy: the rule tree's profile, or the
    /// counsellors' 14a decisions.
    #[arg(long, value_enum, value_name = "METHOD")]
    pub method: Option<MethodArg>,
    /// A model file, added to the shipped models (a policy names it by id).
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,
    /// MODEL policy: send this share of the cohort to NOE, in (0, 1].
    #[arg(long, value_name = "X", value_parser = share,
        allow_negative_numbers = true, conflicts_with_all = ["cutoff", "method"])]
    pub share: Option<f64>,
    /// MODEL policy: use this probability cut-off, in (0, 1).
    #[arg(long, value_name = "X", value_parser = cutoff,
        allow_negative_numbers = true, conflicts_with = "method")]
    pub cutoff: Option<f64>,
    /// Registrants per month, for the per-month columns.
    #[arg(long, value_name = "N", value_parser = volume,
        allow_negative_numbers = true, default_value_t = DEFAULT_MONTHLY_VOLUME)]
    pub volume: f64,
    /// Also evaluate this policy (id or file), and print the difference.
    #[arg(long, value_name = "ID|FILE", value_parser = policy_arg, conflicts_with = "compare_to_method")]
    pub compare_to_policy: Option<PolicyArg>,
    /// Also evaluate this method, and print the difference.
    #[arg(long, value_enum, value_name = "METHOD")]
    pub compare_to_method: Option<MethodArg>,
    /// Print the evaluation as one line of JSON instead of text tables.
    #[arg(long)]
    pub json: bool,
}

/// `--policy`: a shipped id or a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PolicyArg {
    /// A shipped policy id.
    Id(String),
    /// A policy file.
    File(PathBuf),
}

/// `--method`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MethodArg {
    /// Selected = profiled standard (ANTATT_GODE_MULIGHETER) by the rule tree.
    #[value(name = "RULE_TREE_GROUP")]
    RuleTreeGroup,
    /// Selected = a standard 14a decision by the counsellor.
    #[value(name = "COUNSELLOR")]
    Counsellor,
}

impl From<MethodArg> for FixedMethod {
    fn from(m: MethodArg) -> FixedMethod {
        match m {
            MethodArg::RuleTreeGroup => FixedMethod::RuleTreeGroup,
            MethodArg::Counsellor => FixedMethod::Counsellor,
        }
    }
}

/// `veivalg report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Print the report as JSON.
    #[arg(long, conflicts_with = "markdown")]
    pub json: bool,
    /// Print the report as Markdown (docs/reproduction.md).
    #[arg(long, conflicts_with = "model_cards")]
    pub markdown: bool,
    /// Print the model cards of the shipped models as Markdown (docs/models.md).
    #[arg(long, conflicts_with = "json")]
    pub model_cards: bool,
}

/// `veivalg refit-defaults`.
#[derive(Debug, Args)]
pub struct RefitArgs {
    /// Rewrite DIR/models/variant-{a,b}.json and
    /// DIR/policies/variant-{a,b}.json (DIR is pkg-config for the shipped files).
    #[arg(long, value_name = "DIR")]
    pub write: Option<PathBuf>,
}

/// `--seed`: an integer within the library's limit.
fn seed(text: &str) -> Result<u64, String> {
    let seed: u64 = text.parse().map_err(|_| {
        format!(
            "the seed must be an integer from 0 to {}, got {text}",
            veivalg::cohort::synthetic::MAX_SEED
        )
    })?;
    veivalg::cohort::synthetic::check_seed(seed).map_err(|e| e.message.clone())?;
    Ok(seed)
}

/// `--size`: an integer within the library's limits.
fn size(text: &str) -> Result<usize, String> {
    let size: usize = text.parse().map_err(|_| {
        format!(
            "the size must be an integer from 1 to {}, got {text}",
            veivalg::cohort::synthetic::MAX_SIZE
        )
    })?;
    veivalg::cohort::synthetic::check_size(size).map_err(|e| e.message.clone())?;
    Ok(size)
}

/// A number, or a message naming what was expected.
fn number(text: &str, what: &str) -> Result<f64, String> {
    text.trim()
        .parse::<f64>()
        .ok()
        .filter(|x| x.is_finite())
        .ok_or_else(|| format!("{what}, got {text}"))
}

/// `--share`: (0, 1], as the library checks it.
fn share(text: &str) -> Result<f64, String> {
    let what = "a share of the cohort must lie in (0, 1]";
    let x = number(text, what)?;
    if x > 0.0 && x <= 1.0 {
        Ok(x)
    } else {
        Err(format!("{what}, got {text}"))
    }
}

/// `--cutoff`: strictly between 0 and 1.
fn cutoff(text: &str) -> Result<f64, String> {
    let what = "a probability cut-off must lie strictly between 0 and 1";
    let x = number(text, what)?;
    if x > 0.0 && x < 1.0 {
        Ok(x)
    } else {
        Err(format!("{what}, got {text}"))
    }
}

/// `--volume`: a positive number.
fn volume(text: &str) -> Result<f64, String> {
    let what = "the monthly volume must be a positive number";
    let x = number(text, what)?;
    if x > 0.0 {
        Ok(x)
    } else {
        Err(format!("{what}, got {text}"))
    }
}

/// `--l2`: a finite number ≥ 0.
fn l2(text: &str) -> Result<f64, String> {
    let what = "the L2 penalty must be a finite number ≥ 0";
    let x = number(text, what)?;
    if x >= 0.0 {
        Ok(x)
    } else {
        Err(format!("{what}, got {text}"))
    }
}

/// `--ruleset`: a shipped ruleset.
fn shipped_ruleset(id: &str) -> Result<String, String> {
    match Catalog::shipped().ruleset(id) {
        Ok(_) => Ok(id.to_string()),
        Err(e) => Err(e.message.clone()),
    }
}

/// `--policy`: a path if it ends in `.json` or contains a path separator,
/// otherwise a shipped policy id (checked here, so a typo is a usage error).
fn policy_arg(text: &str) -> Result<PolicyArg, String> {
    if text.ends_with(".json") || text.contains('/') || text.contains(std::path::MAIN_SEPARATOR) {
        return Ok(PolicyArg::File(PathBuf::from(text)));
    }
    shipped_policy(text).map(PolicyArg::Id)
}

/// `--month-one`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MonthOne {
    /// The calendar month after the registration month.
    #[value(name = "next")]
    Next,
    /// The registration month itself.
    #[value(name = "registration")]
    Registration,
}

impl From<MonthOne> for veivalg::domain::outcome::MonthOne {
    fn from(m: MonthOne) -> Self {
        match m {
            MonthOne::Next => veivalg::domain::outcome::MonthOne::NextMonth,
            MonthOne::Registration => veivalg::domain::outcome::MonthOne::RegistrationMonth,
        }
    }
}

/// `--rule-b`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RuleB {
    /// Above 3G in at least 5 of the 7 months 6..12.
    #[value(name = "five-of-6-12")]
    FiveOf6To12,
    /// Above 3G in each of the last five months (8..12).
    #[value(name = "last-five")]
    LastFive,
}

impl From<RuleB> for veivalg::domain::outcome::RuleB {
    fn from(r: RuleB) -> Self {
        match r {
            RuleB::FiveOf6To12 => veivalg::domain::outcome::RuleB::FiveOfMonths6To12,
            RuleB::LastFive => veivalg::domain::outcome::RuleB::LastFiveMonths,
        }
    }
}

/// Checks `--policy` against the shipped catalog, so a typo is one usage
/// error rather than one error per record.
fn shipped_policy(id: &str) -> Result<String, String> {
    match Catalog::shipped().policy(id) {
        Ok(_) => Ok(id.to_string()),
        Err(e) => Err(e.message.clone()),
    }
}

/// Checks that `--on` is a date and that a policy is in force on it.
fn day_with_policy(text: &str) -> Result<String, String> {
    let day: Date = text.parse()?;
    veivalg::routing::policy::in_force(Catalog::shipped().policies(), day)
        .map_err(|e| e.message.clone())?;
    Ok(text.to_string())
}

impl DecideArgs {
    /// The options of [`veivalg::api::decide`].
    ///
    /// # Errors
    /// `IO` (path `--grunnbelop`) when the G table file cannot be read; the
    /// table's own errors (kind and path inside the file) when it is not a
    /// valid G table.
    pub fn options(&self) -> Result<veivalg::api::DecideOptions, Error> {
        let grunnbelop = match &self.grunnbelop {
            Some(path) => {
                let text = std::fs::read_to_string(path).map_err(|e| {
                    Error::new(
                        ErrorKind::Io,
                        "--grunnbelop",
                        format!("cannot read {}: {e}", path.display()),
                    )
                })?;
                Some(
                    veivalg::domain::grunnbelop::GTable::from_json(&text)
                        .map(|g| g.entries().to_vec())
                        .map_err(|e| {
                            let inner = if e.path.is_empty() {
                                String::new()
                            } else {
                                format!(" at {}", e.path)
                            };
                            Error::new(
                                e.kind,
                                "--grunnbelop",
                                format!("{}{inner}: {}", path.display(), e.message),
                            )
                        })?,
                )
            }
            None => None,
        };
        let on = match &self.on {
            Some(text) => Some(
                text.parse::<Date>()
                    .map_err(|m| Error::new(ErrorKind::Usage, "--on", m))?,
            ),
            None => None,
        };
        Ok(veivalg::api::DecideOptions {
            policy: self.policy.clone().map(veivalg::wire::IdOr::Id),
            on,
            grunnbelop,
            ..Default::default()
        })
    }
}

impl LabelArgs {
    /// The options of [`veivalg::api::label_outcome`].
    pub fn options(&self) -> veivalg::api::LabelOutcomeOptions {
        let mut o = veivalg::api::LabelOutcomeOptions::default();
        if let Some(m) = self.month_one {
            o.month_one = m.into();
        }
        if let Some(r) = self.rule_b {
            o.rule_b = r.into();
        }
        o
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn command_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    fn parse(args: &[&str]) -> Cli {
        Cli::try_parse_from(args).unwrap()
    }

    #[test]
    fn decide_options_are_null_without_flags() {
        let Command::Decide(a) = parse(&["veivalg", "decide"]).command else {
            panic!("not decide")
        };
        let o = a.options().unwrap();
        assert!(o.policy.is_none() && o.on.is_none() && o.grunnbelop.is_none());
    }

    #[test]
    fn decide_options_carry_the_flags() {
        let Command::Decide(a) = parse(&["veivalg", "decide", "--on", "2025-03-14"]).command else {
            panic!("not decide")
        };
        assert_eq!(a.options().unwrap().on, Some("2025-03-14".parse().unwrap()));
        let Command::Decide(a) = parse(&["veivalg", "decide", "--policy", "noe-2018"]).command
        else {
            panic!("not decide")
        };
        assert_eq!(
            a.options().unwrap().policy,
            Some(veivalg::wire::IdOr::Id("noe-2018".into()))
        );
    }

    #[test]
    fn decide_flags_are_checked() {
        for args in [
            &["veivalg", "decide", "--on", "2025-02-30"][..],
            &["veivalg", "decide", "--on", "1990-01-01"],
            &["veivalg", "decide", "--policy", "noe-1999"],
            &[
                "veivalg",
                "decide",
                "--policy",
                "noe-2018",
                "--on",
                "2025-03-14",
            ],
        ] {
            assert!(Cli::try_parse_from(args).is_err(), "{args:?}");
        }
    }

    #[test]
    fn label_options_use_the_library_names() {
        let Command::Label(a) = parse(&[
            "veivalg",
            "label",
            "--month-one",
            "registration",
            "--rule-b",
            "last-five",
        ])
        .command
        else {
            panic!("not label")
        };
        let o = a.options();
        assert_eq!(
            (o.month_one.as_str(), o.rule_b.as_str()),
            ("REGISTRATION_MONTH", "LAST_FIVE_MONTHS")
        );
        let Command::Label(a) = parse(&["veivalg", "label", "--rule-b", "five-of-6-12"]).command
        else {
            panic!("not label")
        };
        assert_eq!(a.options().rule_b.as_str(), "FIVE_OF_MONTHS_6_TO_12");
    }

    #[test]
    fn synth_help_states_the_library_limits() {
        let command = Cli::command();
        let synth = command.find_subcommand("synth").unwrap();
        let help = |id: &str| {
            synth
                .get_arguments()
                .find(|a| a.get_id() == id)
                .and_then(|a| a.get_help())
                .map(ToString::to_string)
                .unwrap()
        };
        assert!(help("seed").contains(&veivalg::cohort::synthetic::MAX_SEED.to_string()));
        assert!(help("size").contains(&veivalg::cohort::synthetic::MAX_SIZE.to_string()));
    }

    #[test]
    fn policies_are_files_by_their_look_and_ids_otherwise() {
        assert_eq!(
            policy_arg("mine.json"),
            Ok(PolicyArg::File(PathBuf::from("mine.json")))
        );
        assert_eq!(
            policy_arg("dir/mine"),
            Ok(PolicyArg::File(PathBuf::from("dir/mine")))
        );
        assert_eq!(
            policy_arg("noe-2018"),
            Ok(PolicyArg::Id("noe-2018".to_string()))
        );
        assert!(policy_arg("noe-1999").is_err());
    }

    #[test]
    fn number_flags_keep_to_their_ranges() {
        assert_eq!(share("1"), Ok(1.0));
        for bad in ["0", "1.3", "-0.1", "NaN", "inf", "x"] {
            assert!(share(bad).is_err(), "{bad}");
        }
        assert!(cutoff("0.5").is_ok() && cutoff("1").is_err() && cutoff("0").is_err());
        assert!(volume("9000").is_ok() && volume("0").is_err());
        assert!(l2("0").is_ok() && l2("-1").is_err() && l2("inf").is_err());
        assert_eq!(
            seed("9007199254740991"),
            Ok(veivalg::cohort::synthetic::MAX_SEED)
        );
        assert!(seed("9007199254740992").is_err());
        assert!(size("0").is_err() && size("10000001").is_err());
    }

    #[test]
    fn dash_means_stdin() {
        let Command::Features(a) = parse(&["veivalg", "features", "-"]).command else {
            panic!("not features")
        };
        assert_eq!(a.input.path(), None);
    }
}
