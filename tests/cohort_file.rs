#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Cohort files read in chunks (`veivalg::cohort::file`): CSV and JSON Lines
//! written here, with bad rows of every kind, lines split across chunks,
//! CRLF, a byte order mark, quotes and separators. Expected rows are worked
//! out by hand from the registrations (the README's CLI example is the
//! quick-return person: wage inputs 1 and 2, group ANTATT_GODE_MULIGHETER).

use proptest::prelude::*;
use veivalg::cohort::file::{load, CohortLoader, FileFormat, LoaderOptions, RowError};
use veivalg::cohort::{Cohort, CohortRecord, Gender};
use veivalg::domain::form::{Education, Situation, YesNoUnknown};
use veivalg::domain::outcome::Outcome;
use veivalg::routing::catalog::Catalog;
use veivalg::rules::ruletree::Group;
use veivalg::ErrorKind;

/// The named columns of the test files, then `wage-1` … `wage-36`.
const NAMED: &str = "id,registeredOn,birthDate,situation,education,educationApproved,educationPassed,healthObstacles,otherObstacles,employment,outcome,counsellorStandard,gender,bornAbroad";

fn wage_header() -> String {
    (1..=36).map(|k| format!(",wage-{k}")).collect()
}

fn header() -> String {
    format!("{NAMED}{}", wage_header())
}

/// A row: the named cells, then wage-1 … wage-36 with `wages` (k, NOK)
/// filled in and the rest empty.
fn row(named: &str, wages: &[(usize, &str)]) -> String {
    let mut cells = vec![""; 36];
    for &(k, nok) in wages {
        cells[k - 1] = nok;
    }
    format!("{named},{}", cells.join(","))
}

/// The README's person: lost the job, trade certificate, 2016-04 to
/// 2019-01 employed, 41 000 a month in December and January.
fn quick_return(id: &str) -> String {
    row(
        &format!("{id},2019-02-15,1978-09-30,MISTET_JOBBEN,VIDEREGAENDE_FAGBREV_SVENNEBREV,JA,JA,NEI,NEI,2016-04-01/2019-01-31,STABLE_WORK,true,MALE,false"),
        &[(1, "41000"), (2, "41000")],
    )
}

/// Primary school (3b/3c not asked), health obstacles, no work, no wages.
fn obstacles(id: &str) -> String {
    row(
        &format!("{id},2019-03-01,1990-01-10,ALDRI_HATT_JOBB,GRUNNSKOLE,,,JA,NEI,,WITHOUT_WORK,,FEMALE,true"),
        &[],
    )
}

fn csv(text: &str) -> veivalg::Result<Cohort> {
    load(text.as_bytes(), &LoaderOptions::new(FileFormat::Csv))
}

fn errors(c: &Cohort) -> Vec<(u64, &'static str, &str)> {
    c.rejected
        .first
        .iter()
        .map(|e| (e.line, e.kind.as_str(), e.path.as_str()))
        .collect()
}

/// Feeds `bytes` in chunks of `size` bytes.
fn chunked(bytes: &[u8], size: usize, format: FileFormat) -> veivalg::Result<Cohort> {
    let mut loader = CohortLoader::new(&LoaderOptions::new(format))?;
    for chunk in bytes.chunks(size.max(1)) {
        loader.push(chunk)?;
    }
    loader.finish()
}

#[test]
fn csv_rows_are_computed_as_for_a_person() {
    let text = format!(
        "{}\n{}\n{}\n",
        header(),
        quick_return("a-1"),
        obstacles("b-2")
    );
    let c = csv(&text).unwrap();
    assert_eq!(c.rows.len(), 2);
    assert_eq!(c.rejected.count, 0);
    assert!(!c.synthetic);
    // Registered 2019: the ruleset in force then.
    assert_eq!(c.ruleset, "2018-10");
    let a = &c.rows[0];
    assert_eq!(a.age, 40);
    assert_eq!(a.situation, Situation::MistetJobben);
    // 12 × 41 000 = 492 000 > 3 × 96 883: above 3G in months −1 and −2.
    assert_eq!(a.months_since_above_3g, Some(1));
    assert_eq!(a.months_above_3g_last_24, 2);
    assert_eq!(a.group, Group::AntattGodeMuligheter);
    assert_eq!(a.outcome, Outcome::StableWork);
    assert_eq!(a.counsellor_standard, Some(true));
    assert_eq!(a.gender, Some(Gender::Male));
    assert_eq!(a.born_abroad, Some(false));
    let b = &c.rows[1];
    assert_eq!(b.age, 29);
    assert_eq!(b.education, Education::Grunnskole);
    assert_eq!(b.health_obstacles, YesNoUnknown::Ja);
    assert_eq!(b.months_since_above_3g, None);
    assert_eq!(b.months_above_3g_last_24, 0);
    assert_eq!(b.group, Group::OppgittHindringer);
    assert_eq!(b.outcome, Outcome::WithoutWork);
    assert_eq!(b.counsellor_standard, None);
}

#[test]
fn csv_bad_rows_are_skipped_with_line_kind_and_column() {
    let good = quick_return("ok");
    let bad_situation = good.replace("MISTET_JOBBEN", "FIRED");
    let bad_date = good.replace("2019-02-15", "2019-02-30");
    let negative_wage = good.replacen("41000", "-5", 1);
    let spaced_wage = good.replacen("41000", "41 000", 1);
    let backwards = good.replace("2016-04-01/2019-01-31", "2019-01-31/2016-04-01");
    let bad_gender = good.replace("MALE", "X");
    let bad_flag = good.replace(",true,", ",yes,");
    let no_outcome = good.replace("STABLE_WORK", "");
    let short = good.split(',').take(5).collect::<Vec<_>>().join(",");
    let long = format!("{good},extra");
    let no_birth = good.replace("1978-09-30", "");
    let text = [
        header().as_str(),
        &good,          // 2
        &bad_situation, // 3
        &bad_date,      // 4
        &negative_wage, // 5
        &spaced_wage,   // 6
        &backwards,     // 7
        &bad_gender,    // 8
        &bad_flag,      // 9
        &no_outcome,    // 10
        &short,         // 11
        &long,          // 12
        &no_birth,      // 13
        &good,          // 14
    ]
    .join("\n");
    let c = csv(&text).unwrap();
    assert_eq!(c.rows.len(), 2);
    assert_eq!(c.rejected.count, 11);
    assert_eq!(
        errors(&c),
        vec![
            (3, "INVALID_VALUE", "situation"),
            (4, "INVALID_VALUE", "registeredOn"),
            (5, "OUT_OF_RANGE", "wage-1"),
            (6, "INVALID_TYPE", "wage-1"),
            (7, "INCONSISTENT", "employment"),
            (8, "INVALID_VALUE", "gender"),
            (9, "INVALID_TYPE", "counsellorStandard"),
            (10, "MISSING_FIELD", "outcome"),
            // Five fields: the sixth column, educationApproved, is the first missing.
            (11, "MISSING_FIELD", "educationApproved"),
            (12, "UNKNOWN_FIELD", ""),
            (13, "MISSING_FIELD", "birthDate"),
        ]
    );
    let by_line = |n: u64| -> &RowError { c.rejected.first.iter().find(|e| e.line == n).unwrap() };
    assert!(by_line(3).message.contains("did you mean") || by_line(3).message.contains("FIRED"));
    assert!(
        by_line(4).message.contains("day 30"),
        "{}",
        by_line(4).message
    );
    assert!(
        by_line(6).message.contains("without spaces"),
        "{}",
        by_line(6).message
    );
    assert!(
        by_line(7).message.starts_with("period 1: "),
        "{}",
        by_line(7).message
    );
    assert_eq!(by_line(13).kind, ErrorKind::MissingField);
}

#[test]
fn csv_quotes_crlf_bom_semicolons_and_chunks_give_the_same_rows() {
    let plain = format!("{}\n{}\n{}\n", header(), quick_return("a"), obstacles("b"));
    let expected = csv(&plain).unwrap();
    // A quoted id with the separator, a doubled quote and a line end inside;
    // the row after it starts on line 4.
    let quoted = format!(
        "{}\n{}\n{}\n",
        header(),
        quick_return("\"a, \"\"first\"\"\nperson\""),
        obstacles("b").replace("GRUNNSKOLE", "FIRED")
    );
    let q = csv(&quoted).unwrap();
    assert_eq!(q.rows.len(), 1);
    assert_eq!(q.rows[0], expected.rows[0]);
    assert_eq!(errors(&q), vec![(4, "INVALID_VALUE", "education")]);
    // A quoted field that ends in its line end: the line end is the
    // field's (not trimmed away before the lines are counted), so the row
    // is reported on line 2, where it starts, and the next one on line 4.
    let trailing = format!(
        "{}\n{}\n{}\n",
        header(),
        quick_return("\"a\n\"").replace("MISTET_JOBBEN", "FIRED"),
        obstacles("b").replace("GRUNNSKOLE", "FIRED")
    );
    let t = csv(&trailing).unwrap_err();
    assert!(t.message.contains("line 2: situation:"), "{}", t.message);
    assert!(t.message.contains("line 4: education:"), "{}", t.message);

    let crlf = plain.replace('\n', "\r\n");
    let bom = format!("\u{feff}{crlf}");
    let semicolons = plain.replace(',', ";");
    let spaced = plain.replace(',', " , ");
    for text in [&crlf, &bom, &semicolons, &spaced] {
        let c = csv(text).unwrap();
        assert_eq!(c.rows, expected.rows, "{text:?}");
        assert_eq!(c.rejected.count, 0);
    }
    // Every chunk size, a byte at a time included: the same rows and errors.
    let with_errors = format!(
        "{}\n{}\n\n{}\n{}",
        header(),
        quick_return("a"),
        obstacles("b").replace("ALDRI", "NEVER"),
        obstacles("c")
    );
    let whole = csv(&with_errors).unwrap();
    assert_eq!(errors(&whole), vec![(4, "INVALID_VALUE", "situation")]);
    for size in [1, 2, 3, 7, 64, 1000] {
        for text in [
            &with_errors,
            &with_errors.replace('\n', "\r\n"),
            &format!("\u{feff}{with_errors}"),
        ] {
            let c = chunked(text.as_bytes(), size, FileFormat::Csv).unwrap();
            assert_eq!(c.rows, whole.rows, "chunks of {size}");
            assert_eq!(c.rejected, whole.rejected, "chunks of {size}");
        }
    }
}

#[test]
fn csv_header_problems_fail_the_whole_file() {
    let rows = format!("{}\n", quick_return("a"));
    let fail = |h: &str| {
        let mut loader = CohortLoader::new(&LoaderOptions::new(FileFormat::Csv)).unwrap();
        let e = loader.push(format!("{h}\n{rows}").as_bytes()).unwrap_err();
        // The loader stays failed.
        assert_eq!(loader.push(b"more").unwrap_err(), e);
        assert_eq!(loader.finish().unwrap_err(), e);
        (e.kind.as_str(), e.path.clone(), e.message.clone())
    };
    let (kind, path, message) = fail(&header().replace("situation,", ""));
    assert_eq!((kind, path.as_str()), ("MISSING_FIELD", "situation"));
    assert!(message.starts_with("line 1 (the header)"), "{message}");
    let (kind, path, message) = fail(&header().replace("situation", "situaton"));
    assert_eq!((kind, path.as_str()), ("UNKNOWN_FIELD", "situaton"));
    assert!(message.contains("did you mean `situation`?"), "{message}");
    let (kind, path, _) = fail(&format!("{},gender", header()));
    assert_eq!((kind, path.as_str()), ("INVALID_VALUE", "gender"));
    let (kind, path, _) = fail(&header().replace(",wage-36", ""));
    assert_eq!((kind, path.as_str()), ("MISSING_FIELD", "wage-36"));
    let (kind, path, _) = fail(&format!("{},wage-37", header()));
    assert_eq!((kind, path.as_str()), ("UNKNOWN_FIELD", "wage-37"));
    let (kind, path, _) = fail(&format!("{},wage+1,wage+2", header()));
    assert_eq!((kind, path.as_str()), ("MISSING_FIELD", "wage+3"));
    let (kind, path, _) = fail(&header().replace(",outcome", ""));
    assert_eq!((kind, path.as_str()), ("MISSING_FIELD", "outcome"));
    // An empty file, and one with only a header.
    let e = csv("").unwrap_err();
    assert_eq!(e.kind, ErrorKind::InsufficientData);
    let e = csv(&format!("{}\n", header())).unwrap_err();
    assert_eq!(e.kind, ErrorKind::InsufficientData);
    let e = load(b"\xFF\xFEi\0d\0", &LoaderOptions::new(FileFormat::Csv)).unwrap_err();
    assert!(e.message.contains("UTF-16"), "{}", e.message);
}

#[test]
fn csv_outcome_from_the_twelve_months_after_registration() {
    let after: String = (1..=12).map(|k| format!(",wage+{k}")).collect();
    let h = format!("{}{after}", header());
    // 12 × 30 000 = 360 000 > 3 × 96 883 = 290 649 (G from May 2018) and
    // > 3 × 99 858 = 299 574 (from May 2019): above 3G. Months 3–12 above
    // is 10 of 12: stable work by rule A. Nothing after registration: 12
    // months below 1G: without work. Months 6, 8, 10, 12 above: 4 of
    // months 6–12, so not rule B; 8 months below 1G: in and out.
    let base = quick_return("x").replace("STABLE_WORK", "");
    let with = |cells: [&str; 12]| format!("{base},{}", cells.join(","));
    let s = "30000";
    let text = [
        h.as_str(),
        &with(["", "", s, s, s, s, s, s, s, s, s, s]),
        &with([""; 12]),
        &with(["", "", "", "", "", s, "", s, "", s, "", s]),
        // An outcome given wins over the wages.
        &with([""; 12]).replacen(",,true,", ",IN_AND_OUT,true,", 1),
    ]
    .join("\n");
    let c = csv(&text).unwrap();
    let outcomes: Vec<Outcome> = c.rows.iter().map(|r| r.outcome).collect();
    assert_eq!(
        outcomes,
        vec![
            Outcome::StableWork,
            Outcome::WithoutWork,
            Outcome::InAndOut,
            Outcome::InAndOut
        ]
    );
}

#[test]
fn the_shipped_template_loads_every_row() {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/pkg-config/cohort-template.csv"
    ))
    .unwrap();
    let c = load(&bytes, &LoaderOptions::new(FileFormat::Csv)).unwrap();
    assert_eq!(c.rejected.count, 0, "{:?}", c.rejected);
    assert_eq!(c.rows.len(), 3);
    // example-1: months 3–12 at 48 000 (above 3G): stable; example-2: no
    // wages at all: without work; example-3: given.
    let outcomes: Vec<Outcome> = c.rows.iter().map(|r| r.outcome).collect();
    assert_eq!(
        outcomes,
        vec![Outcome::StableWork, Outcome::WithoutWork, Outcome::InAndOut]
    );
    // example-3: 36 000 (above 3G) every third month from wage-36 down to
    // wage-3, 24 000 (below) between: last above 3 months back, 8 of the 24.
    assert_eq!(c.rows[2].months_since_above_3g, Some(3));
    assert_eq!(c.rows[2].months_above_3g_last_24, 8);
}

#[test]
fn only_the_first_hundred_errors_are_kept_and_all_are_counted() {
    let bad = quick_return("x").replace("MISTET_JOBBEN", "FIRED");
    let mut text = header();
    for _ in 0..150 {
        text.push('\n');
        text.push_str(&bad);
    }
    text.push('\n');
    text.push_str(&quick_return("ok"));
    let c = csv(&text).unwrap();
    assert_eq!(c.rows.len(), 1);
    assert_eq!(c.rejected.count, 150);
    assert_eq!(c.rejected.first.len(), 100);
    assert_eq!(c.rejected.first[99].line, 101);
    // No good row: an error that names the first failures.
    let e = csv(&text[..text.rfind('\n').unwrap()]).unwrap_err();
    assert_eq!(e.kind, ErrorKind::InsufficientData);
    assert!(
        e.message.contains("every record was rejected (150;"),
        "{}",
        e.message
    );
    assert!(e.message.contains("line 2: situation:"), "{}", e.message);
}

/// JSON Lines of the README person as a cohort record.
fn record_line(situation: &str) -> String {
    format!(
        r#"{{"person":{{"registeredOn":"2019-02-15","birthDate":"1978-09-30","answers":{{"situation":"{situation}","education":"VIDEREGAENDE_FAGBREV_SVENNEBREV","educationApproved":"JA","educationPassed":"JA","healthObstacles":"NEI","otherObstacles":"NEI"}},"employment":[{{"start":"2016-04-01","end":"2019-01-31"}}],"wages":[{{"month":"2018-12","nok":41000}},{{"month":"2019-01","nok":41000}}]}},"outcome":"STABLE_WORK","gender":"FEMALE"}}"#
    )
}

#[test]
fn jsonl_lines_blank_lines_crlf_bom_and_chunks() {
    let good = record_line("MISTET_JOBBEN");
    let text = format!(
        "{good}\n\n   \n{}\nnot json\n{good}\r\n{}\n{good}",
        record_line("FIRED"),
        good.replace(r#""gender":"FEMALE""#, r#""gender":"FEMALE","extra":1"#)
    );
    let whole = load(text.as_bytes(), &LoaderOptions::new(FileFormat::Jsonl)).unwrap();
    assert_eq!(whole.rows.len(), 3);
    assert_eq!(
        errors(&whole),
        vec![
            (4, "INVALID_VALUE", "person.answers.situation"),
            (5, "INVALID_JSON", ""),
            (7, "UNKNOWN_FIELD", "extra"),
        ]
    );
    let r = &whole.rows[0];
    assert_eq!(
        (r.months_since_above_3g, r.months_above_3g_last_24),
        (Some(1), 2)
    );
    assert_eq!(r.group, Group::AntattGodeMuligheter);
    for size in [1, 5, 100, 4096] {
        for t in [
            text.clone(),
            format!("\u{feff}{text}"),
            text.replace('\n', "\r\n"),
        ] {
            let c = chunked(t.as_bytes(), size, FileFormat::Jsonl).unwrap();
            assert_eq!(c.rows, whole.rows);
            assert_eq!(errors(&c), errors(&whole));
        }
    }
}

#[test]
fn jsonl_rows_equal_the_records_read_as_an_array() {
    // The same records through Cohort::from_records: same rows, same groups
    // under the same ruleset (the loader's default picks it at the end).
    let lines: Vec<String> = ["MISTET_JOBBEN", "HAR_SAGT_OPP", "ALDRI_HATT_JOBB"]
        .iter()
        .map(|s| record_line(s))
        .collect();
    let later = lines[0]
        .replace("2019-02-15", "2024-05-02")
        .replace("2019-01-31", "2024-04-30")
        .replace("2018-12", "2024-03")
        .replace("2019-01", "2024-04");
    for set in [
        vec![later.clone()],
        vec![
            later.clone(),
            lines[0].clone(),
            lines[1].clone(),
            lines[2].clone(),
        ],
    ] {
        let text = set.join("\n");
        let c = load(text.as_bytes(), &LoaderOptions::new(FileFormat::Jsonl)).unwrap();
        let records: Vec<CohortRecord> = set
            .iter()
            .map(|l| veivalg::wire::parse(l).unwrap())
            .collect();
        let catalog = Catalog::shipped();
        let first = records
            .iter()
            .map(|r| r.person.registered_on)
            .min()
            .unwrap();
        let ruleset = veivalg::rules::ruletree::in_force(catalog.rulesets(), first).unwrap();
        let expected = Cohort::from_records(&records, ruleset, catalog, "x").unwrap();
        assert_eq!(c.ruleset, ruleset.id);
        assert_eq!(c.rows, expected.rows);
    }
    // Only the 2024 registration: the ruleset in force in May 2024.
    let c = load(later.as_bytes(), &LoaderOptions::new(FileFormat::Jsonl)).unwrap();
    assert_eq!(c.ruleset, "2024-03");
}

#[test]
fn jsonl_a_line_above_one_mebibyte_is_skipped_without_being_held() {
    let good = record_line("MISTET_JOBBEN");
    let long = format!("{{\"id\":\"{}\"}}", "x".repeat(1_100_000));
    let text = format!("{good}\n{long}\n{good}\n");
    for size in [65_536, 1 << 20, text.len()] {
        let c = chunked(text.as_bytes(), size, FileFormat::Jsonl).unwrap();
        assert_eq!(c.rows.len(), 2);
        assert_eq!(errors(&c), vec![(2, "TOO_LARGE", "")]);
    }
    // Not UTF-8.
    let mut bytes = format!("{good}\n").into_bytes();
    bytes.extend_from_slice(b"\"\xC3(\"\n");
    let c = load(&bytes, &LoaderOptions::new(FileFormat::Jsonl)).unwrap();
    assert_eq!(errors(&c), vec![(2, "INVALID_JSON", "")]);
    assert!(c.rejected.first[0].message.contains("UTF-8"));
}

#[test]
fn progress_counts_bytes_lines_rows_and_rejections() {
    let text = format!(
        "{}\n{}\n{}\n",
        header(),
        quick_return("a"),
        obstacles("b").replace("ALDRI", "X")
    );
    let mut loader = CohortLoader::new(&LoaderOptions::new(FileFormat::Csv)).unwrap();
    let (a, b) = text.as_bytes().split_at(text.len() / 2);
    let p = loader.push(a).unwrap();
    assert_eq!(p.bytes, a.len() as u64);
    let p = loader.push(b).unwrap();
    assert_eq!(p.bytes, text.len() as u64);
    // A CSV record that ends where the bytes end is held until more bytes
    // or the end come (a quoted field may go on): row b is not read yet.
    assert_eq!((p.rows, p.rejected, p.lines), (1, 0, 2));
    let c = loader.finish().unwrap();
    assert_eq!(c.rows.len(), 1);
    assert_eq!(errors(&c), vec![(3, "INVALID_VALUE", "situation")]);
}

#[test]
fn a_mix_of_synthetic_and_real_rows_keeps_the_first_kind() {
    let h = format!("{},synthetic", header());
    let text = format!(
        "{h}\n{},true\n{},false\n{},true\n",
        quick_return("a"),
        quick_return("b"),
        quick_return("c")
    );
    let c = csv(&text).unwrap();
    assert!(c.synthetic);
    assert!(c.source.ends_with("(synthetic)"));
    assert_eq!(c.rows.len(), 2);
    assert_eq!(errors(&c), vec![(3, "INCONSISTENT", "synthetic")]);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    /// Any bytes in any chunks: never a panic; a structured error or a
    /// cohort, at most 100 errors kept, every byte counted.
    #[test]
    fn arbitrary_bytes_never_panic(
        bytes in proptest::collection::vec(any::<u8>(), 0..2000),
        size in 1usize..300,
        csv_format in any::<bool>(),
        with_header in any::<bool>(),
    ) {
        let format = if csv_format { FileFormat::Csv } else { FileFormat::Jsonl };
        let mut input = Vec::new();
        if with_header && csv_format {
            input.extend_from_slice(header().as_bytes());
            input.push(b'\n');
        }
        input.extend_from_slice(&bytes);
        let mut loader = CohortLoader::new(&LoaderOptions::new(format)).unwrap();
        let mut failed = false;
        for chunk in input.chunks(size) {
            match loader.push(chunk) {
                Ok(p) => prop_assert!(p.rejected as usize >= loader.rejected().first.len()),
                Err(e) => { prop_assert!(ErrorKind::ALL.contains(&e.kind)); failed = true; break; }
            }
        }
        prop_assert!(loader.rejected().first.len() <= 100);
        if !failed {
            prop_assert_eq!(loader.progress().bytes, input.len() as u64);
        }
        match loader.finish() {
            Ok(c) => prop_assert!(!c.rows.is_empty()),
            Err(e) => prop_assert!(ErrorKind::ALL.contains(&e.kind) && !e.message.is_empty()),
        }
    }

    /// Good and bad CSV rows cut at any point: the same as in one piece.
    #[test]
    fn csv_chunking_does_not_change_the_result(cut in proptest::collection::vec(1usize..400, 1..20)) {
        let text = format!("{}\r\n{}\r\n{}\r\n{}", header(), quick_return("\"q, \"\"x\"\"\""), obstacles("b").replace("NEI", "NEJ"), obstacles("c"));
        let whole = csv(&text).unwrap();
        let mut loader = CohortLoader::new(&LoaderOptions::new(FileFormat::Csv)).unwrap();
        let mut rest = text.as_bytes();
        for n in cut {
            let (a, b) = rest.split_at(n.min(rest.len()));
            loader.push(a).unwrap();
            rest = b;
        }
        loader.push(rest).unwrap();
        let c = loader.finish().unwrap();
        prop_assert_eq!(c.rows, whole.rows);
        prop_assert_eq!(c.rejected, whole.rejected);
    }
}
