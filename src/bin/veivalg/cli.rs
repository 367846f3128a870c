//! The command line: commands, flags, help texts, and the options JSON
//! each flag set becomes.

use crate::records::Format;
use clap::{Args, Parser, Subcommand, ValueEnum};
use serde::Serialize;
use std::path::PathBuf;
use veivalg::calendar::Date;
use veivalg::catalog::Catalog;
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
        "Example:\n  veivalg decide persons.jsonl > decisions.jsonl\n  veivalg decide --help\n\n",
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
    /// Print the shipped routing policies (a JSON array).
    Policies,
    /// Print the shipped rule-tree rulesets (a JSON array).
    Rulesets,
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

/// `--month-one`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Serialize)]
pub enum MonthOne {
    /// The calendar month after the registration month.
    #[value(name = "next")]
    #[serde(rename = "NEXT_MONTH")]
    Next,
    /// The registration month itself.
    #[value(name = "registration")]
    #[serde(rename = "REGISTRATION_MONTH")]
    Registration,
}

/// `--rule-b`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Serialize)]
pub enum RuleB {
    /// Above 3G in at least 5 of the 7 months 6..12.
    #[value(name = "five-of-6-12")]
    #[serde(rename = "FIVE_OF_MONTHS_6_TO_12")]
    FiveOf6To12,
    /// Above 3G in each of the last five months (8..12).
    #[value(name = "last-five")]
    #[serde(rename = "LAST_FIVE_MONTHS")]
    LastFive,
}

/// Checks `--policy` against the shipped catalog, so a typo is one usage
/// error rather than one error per record.
fn shipped_policy(id: &str) -> Result<String, String> {
    match Catalog::shipped().policy(id) {
        Ok(_) => Ok(id.to_string()),
        Err(e) => Err(e.message),
    }
}

/// Checks that `--on` is a date and that a policy is in force on it.
fn day_with_policy(text: &str) -> Result<String, String> {
    let day: Date = text.parse()?;
    veivalg::policy::in_force(Catalog::shipped().policies(), day).map_err(|e| e.message)?;
    Ok(text.to_string())
}

/// Options for [`veivalg::api::decide`].
#[derive(Debug, Serialize)]
struct DecideOptions<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    policy: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    on: Option<&'a str>,
}

/// Options for [`veivalg::api::label_outcome`].
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct LabelOptions {
    #[serde(skip_serializing_if = "Option::is_none")]
    month_one: Option<MonthOne>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_b: Option<RuleB>,
}

/// `options` as JSON text, or `null` when no flag was given.
fn options_json(options: &impl Serialize, any: bool) -> Result<String, Error> {
    if !any {
        return Ok("null".to_string());
    }
    serde_json::to_string(options).map_err(|e| {
        Error::new(
            ErrorKind::Usage,
            "",
            format!("could not build the options: {e}"),
        )
    })
}

impl DecideArgs {
    /// The options JSON text for [`veivalg::api::decide`].
    ///
    /// # Errors
    /// Only if serialization failed, which plain strings cannot make it do.
    pub fn options(&self) -> Result<String, Error> {
        let options = DecideOptions {
            policy: self.policy.as_deref(),
            on: self.on.as_deref(),
        };
        options_json(&options, self.policy.is_some() || self.on.is_some())
    }
}

impl LabelArgs {
    /// The options JSON text for [`veivalg::api::label_outcome`].
    ///
    /// # Errors
    /// Only if serialization failed, which plain enums cannot make it do.
    pub fn options(&self) -> Result<String, Error> {
        let options = LabelOptions {
            month_one: self.month_one,
            rule_b: self.rule_b,
        };
        options_json(&options, self.month_one.is_some() || self.rule_b.is_some())
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
        assert_eq!(a.options().unwrap(), "null");
    }

    #[test]
    fn decide_options_carry_the_flags() {
        let Command::Decide(a) = parse(&["veivalg", "decide", "--on", "2025-03-14"]).command else {
            panic!("not decide")
        };
        assert_eq!(a.options().unwrap(), r#"{"on":"2025-03-14"}"#);
        let Command::Decide(a) = parse(&["veivalg", "decide", "--policy", "noe-2018"]).command
        else {
            panic!("not decide")
        };
        assert_eq!(a.options().unwrap(), r#"{"policy":"noe-2018"}"#);
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
        assert_eq!(
            a.options().unwrap(),
            r#"{"monthOne":"REGISTRATION_MONTH","ruleB":"LAST_FIVE_MONTHS"}"#
        );
        let Command::Label(a) = parse(&["veivalg", "label", "--rule-b", "five-of-6-12"]).command
        else {
            panic!("not label")
        };
        assert_eq!(
            a.options().unwrap(),
            r#"{"ruleB":"FIVE_OF_MONTHS_6_TO_12"}"#
        );
    }

    #[test]
    fn dash_means_stdin() {
        let Command::Features(a) = parse(&["veivalg", "features", "-"]).command else {
            panic!("not features")
        };
        assert_eq!(a.input.path(), None);
    }
}
