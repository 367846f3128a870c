//! The grunnbeløp (G): NAV's base amount, set each year from 1 May.
//!
//! The shipped table (`pkg-config/grunnbelop.json`, 2014–2025) is data:
//! updating it is a data change. A month the table does not cover is an
//! error, never an extrapolation.

use crate::domain::calendar::{Date, YearMonth};
use crate::error::{Error, ErrorKind, Num, Result};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One row of the G table: the yearly amount in force from `from`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct GEntry {
    /// First day the amount is in force (1 May of its year).
    pub from: Date,
    /// G in NOK per year.
    pub nok: f64,
}

/// A checked G table: at least one row, dates strictly increasing, amounts
/// positive. Each row is in force until the day before the next row, and
/// the last row for one year (G is set yearly).
///
/// # Example
/// ```
/// use veivalg::domain::grunnbelop::GTable;
/// use veivalg::domain::calendar::YearMonth;
/// let g = GTable::shipped();
/// // 1G in 2024 = 124 028 NOK/year = 10 335.67 NOK/month (report section 3.1).
/// let may = g.monthly_g(YearMonth::new(2024, 5).unwrap()).unwrap();
/// assert_eq!(may, 124_028.0 / 12.0);
/// // April still uses the G from May the year before.
/// let april = g.monthly_g(YearMonth::new(2024, 4).unwrap()).unwrap();
/// assert_eq!(april, 118_620.0 / 12.0);
/// assert!(g.monthly_g(YearMonth::new(2013, 12).unwrap()).is_err());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct GTable {
    entries: Vec<GEntry>,
    /// First month covered.
    start: YearMonth,
    /// Yearly G for each covered month from `start` (a lookup, not a search).
    by_month: Vec<f64>,
    /// What a month after the last covered one gets.
    beyond: GBeyondTable,
}

/// Written as its rows.
impl Serialize for GTable {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.entries.serialize(s)
    }
}

/// Read as its rows, checked by [`GTable::new`] (errors at `[i].nok`, …).
impl<'de> Deserialize<'de> for GTable {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        GTable::new(Vec::<GEntry>::deserialize(d)?).map_err(Error::into_de)
    }
}

const SHIPPED: &str = include_str!("../../pkg-config/grunnbelop.json");

/// Smallest accepted G (NOK a year). The first G, in 1967, was NOK 5 400;
/// NOK 1 000 leaves room for any historical table while refusing amounts
/// such as `1e-320` that would make every wage "above 3G" or a G ratio
/// infinite.
pub const MIN_G: f64 = 1_000.0;
/// Largest accepted G (NOK a year): about 77 times the G of 2025. With
/// wages at most [`crate::domain::person::Nok::MAX`] every G ratio stays
/// a finite number.
pub const MAX_G: f64 = 10_000_000.0;

impl GTable {
    /// Checks a list of rows.
    ///
    /// # Errors
    /// `INVALID_CONFIG` for an empty table, an amount outside
    /// [`MIN_G`]–[`MAX_G`] NOK a year (or not a finite number), or dates
    /// that do not increase.
    pub fn new(entries: Vec<GEntry>) -> Result<GTable> {
        if entries.is_empty() {
            return Err(Error::new(
                ErrorKind::InvalidConfig,
                "",
                "the G table has no rows",
            ));
        }
        for (i, e) in entries.iter().enumerate() {
            if !(e.nok.is_finite() && (MIN_G..=MAX_G).contains(&e.nok)) {
                return Err(Error::new(
                    ErrorKind::InvalidConfig,
                    format!("[{i}].nok"),
                    format!(
                        "G must be an amount from {MIN_G} to {MAX_G} NOK a year, got {}",
                        Num(e.nok)
                    ),
                ));
            }
            if i > 0 && e.from <= entries[i - 1].from {
                return Err(Error::new(
                    ErrorKind::InvalidConfig,
                    format!("[{i}].from"),
                    format!(
                        "rows must be in increasing date order; {} is not after {}",
                        e.from,
                        entries[i - 1].from
                    ),
                ));
            }
        }
        let mut table = GTable {
            entries,
            start: Date::from_days_since_epoch(0).year_month(),
            by_month: Vec::new(),
            beyond: GBeyondTable::Error,
        };
        if let Some((start, end)) = table.coverage() {
            table.start = start;
            table.by_month = (0..=start.months_until(end))
                .map(|i| {
                    let day = start.add_months(i).first_day();
                    let idx = table.entries.partition_point(|e| e.from <= day);
                    table.entries[idx.saturating_sub(1)].nok
                })
                .collect();
        }
        Ok(table)
    }

    /// Parses and checks a table from JSON text
    /// (`[{"from": "2024-05-01", "nok": 124028}, …]`).
    ///
    /// # Errors
    /// As [`crate::wire::parse`] and [`GTable::new`].
    pub fn from_json(text: &str) -> Result<GTable> {
        crate::wire::parse_limited(text, crate::wire::MAX_RECORD_BYTES)
    }

    /// The table shipped in `pkg-config/grunnbelop.json`.
    pub fn shipped() -> GTable {
        // The shipped file is checked by a test; an empty table is never
        // returned, but a broken build must not panic either.
        GTable::from_json(SHIPPED).unwrap_or(GTable {
            entries: Vec::new(),
            start: Date::from_days_since_epoch(0).year_month(),
            by_month: Vec::new(),
            beyond: GBeyondTable::Error,
        })
    }

    /// The rows.
    pub fn entries(&self) -> &[GEntry] {
        &self.entries
    }

    /// First and last month the table covers.
    pub fn coverage(&self) -> Option<(YearMonth, YearMonth)> {
        let first = self.entries.first()?.from;
        let last = self.entries.last()?.from;
        let start = if first.day() == 1 {
            first.year_month()
        } else {
            first.year_month().add_months(1)
        };
        Some((start, last.add_months(12).add_days(-1).year_month()))
    }

    /// G per year in force on the first day of `month`.
    ///
    /// # Errors
    /// `INSUFFICIENT_DATA` naming the month and the table's coverage when the
    /// month lies outside it.
    pub fn yearly_g(&self, month: YearMonth) -> Result<f64> {
        let offset = self.start.months_until(month);
        match usize::try_from(offset).ok().and_then(|i| self.by_month.get(i)) {
            Some(g) => Ok(*g),
            None if offset >= 0 && self.beyond == GBeyondTable::Latest => self
                .entries
                .last()
                .map(|e| e.nok)
                .ok_or_else(|| Error::new(ErrorKind::InvalidConfig, "", "the G table has no rows")),
            None => Err(match self.coverage() {
                Some((start, end)) => Error::new(
                    ErrorKind::InsufficientData,
                    "",
                    format!("no grunnbeløp for {month}: the G table covers {start} to {end}; pass a table that covers it"),
                ),
                None => Error::new(ErrorKind::InvalidConfig, "", "the G table has no rows"),
            }),
        }
    }

    /// The same table, with `beyond` deciding what a month after its last
    /// covered month gets.
    ///
    /// # Example
    /// ```
    /// use veivalg::domain::grunnbelop::{GBeyondTable, GTable};
    /// use veivalg::domain::calendar::YearMonth;
    /// let month = YearMonth::new(2030, 1).unwrap();
    /// assert!(GTable::shipped().monthly_g(month).is_err());
    /// let g = GTable::shipped().beyond(GBeyondTable::Latest);
    /// let latest = g.entries().last().unwrap();
    /// assert_eq!(g.monthly_g(month).unwrap(), latest.nok / 12.0);
    /// let note = g.assumed(YearMonth::new(2026, 1).unwrap(), month).unwrap();
    /// assert_eq!((note.from.to_string(), note.to.to_string()), ("2026-05".into(), "2030-01".into()));
    /// ```
    pub fn beyond(mut self, beyond: GBeyondTable) -> GTable {
        self.beyond = beyond;
        self
    }

    /// The months of `from..=to` after the table that get the latest G
    /// (only with [`GBeyondTable::Latest`]), and that G: what an output
    /// that used them says.
    pub fn assumed(&self, from: YearMonth, to: YearMonth) -> Option<GAssumption> {
        if self.beyond != GBeyondTable::Latest {
            return None;
        }
        let (_, end) = self.coverage()?;
        let first_after = end.add_months(1);
        if to < first_after {
            return None;
        }
        Some(GAssumption {
            from: if from > first_after {
                from
            } else {
                first_after
            },
            to,
            g: *self.entries.last()?,
        })
    }

    /// Monthly G (G / 12) in force in `month`.
    ///
    /// # Errors
    /// As [`GTable::yearly_g`].
    pub fn monthly_g(&self, month: YearMonth) -> Result<f64> {
        Ok(self.yearly_g(month)? / 12.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(s: &str) -> YearMonth {
        s.parse().unwrap()
    }

    #[test]
    fn shipped_table_has_the_design_values() {
        let g = GTable::shipped();
        assert_eq!(g.entries().len(), 12);
        assert_eq!(g.coverage(), Some((ym("2014-05"), ym("2026-04"))));
        assert_eq!(g.yearly_g(ym("2014-05")).unwrap(), 88_370.0);
        assert_eq!(g.yearly_g(ym("2018-04")).unwrap(), 93_634.0);
        assert_eq!(g.yearly_g(ym("2018-05")).unwrap(), 96_883.0);
        assert_eq!(g.yearly_g(ym("2026-04")).unwrap(), 130_160.0);
        for bad in ["2014-04", "2026-05"] {
            let e = g.yearly_g(ym(bad)).unwrap_err();
            assert_eq!(e.kind, ErrorKind::InsufficientData);
            assert!(e.message.contains(bad));
        }
    }

    #[test]
    fn rejects_bad_tables() {
        assert!(GTable::from_json("[]").is_err());
        let e = GTable::from_json(
            r#"[{"from":"2020-05-01","nok":100000},{"from":"2019-05-01","nok":99000}]"#,
        )
        .unwrap_err();
        assert_eq!(e.path, "[1].from");
        let e = GTable::from_json(r#"[{"from":"2020-05-01","nok":-5}]"#).unwrap_err();
        assert_eq!(e.path, "[0].nok");
        // Implausible amounts (issue 12: a G of 1e-320 made ratios `null`).
        for nok in ["1e-320", "999.99", "10000000.5", "1.7e308"] {
            let text = format!(
                r#"[{{"from":"2019-05-01","nok":1000}},{{"from":"2020-05-01","nok":{nok}}}]"#
            );
            let e = GTable::from_json(&text).unwrap_err();
            assert_eq!(
                (e.kind, e.path.as_str()),
                (ErrorKind::InvalidConfig, "[1].nok"),
                "{nok}"
            );
        }
        assert!(GTable::from_json(
            r#"[{"from":"2020-05-01","nok":1000},{"from":"2021-05-01","nok":1e7}]"#
        )
        .is_ok());
    }
}

/// What a lookup of a month after the G table's last month gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum GBeyondTable {
    /// An `INSUFFICIENT_DATA` error naming the month (the default: the
    /// table is data, and a missing row is a data change to make).
    #[default]
    Error,
    /// The latest G in the table, and every output that used it says which
    /// months and which G ([`GAssumption`]).
    Latest,
}

/// Months after the G table that were given the table's latest G, because
/// the caller chose `gBeyondTable: "LATEST"` ([`GBeyondTable::Latest`]).
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct GAssumption {
    /// First month after the table that was used.
    pub from: YearMonth,
    /// Last month after the table that was used.
    pub to: YearMonth,
    /// The G they were given: the table's latest row.
    pub g: GEntry,
}
