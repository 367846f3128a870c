//! The grunnbeløp (G): NAV's base amount, set each year from 1 May.
//!
//! The shipped table (`pkg-config/grunnbelop.json`, 2014–2025) is data:
//! updating it is a data change. A month the table does not cover is an
//! error, never an extrapolation.

use crate::domain::calendar::{Date, YearMonth};
use crate::error::{Error, ErrorKind, Result};
use crate::json::{Fields, FromJson, Loc, Node, Obj, ToJson};

/// One row of the G table: the yearly amount in force from `from`.
#[derive(Debug, Clone, Copy, PartialEq)]
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
}

impl FromJson for GEntry {
    fn read_json(v: &Node<'_>, at: &Loc<'_>) -> Result<Self> {
        let o = Obj::new(v, at, &["from", "nok"])?;
        Ok(GEntry {
            from: o.req("from")?,
            nok: o.req("nok")?,
        })
    }
}

impl ToJson for GEntry {
    fn write_json(&self, out: &mut String) {
        let mut o = Fields::new(out);
        o.field("from", &self.from).field("nok", &self.nok);
        o.end();
    }
}

impl ToJson for GTable {
    fn write_json(&self, out: &mut String) {
        self.entries.write_json(out);
    }
}

const SHIPPED: &str = include_str!("../../pkg-config/grunnbelop.json");

impl GTable {
    /// Checks a list of rows.
    ///
    /// # Errors
    /// `INVALID_CONFIG` for an empty table, a non-positive or non-finite
    /// amount, or dates that do not increase.
    pub fn new(entries: Vec<GEntry>) -> Result<GTable> {
        if entries.is_empty() {
            return Err(Error::new(
                ErrorKind::InvalidConfig,
                "",
                "the G table has no rows",
            ));
        }
        for (i, e) in entries.iter().enumerate() {
            if !(e.nok.is_finite() && e.nok > 0.0) {
                return Err(Error::new(
                    ErrorKind::InvalidConfig,
                    format!("[{i}].nok"),
                    format!(
                        "G must be a positive amount, got {}",
                        crate::json::Num(e.nok)
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
    /// As [`crate::json::parse`] and [`GTable::new`].
    pub fn from_json(text: &str) -> Result<GTable> {
        GTable::new(crate::json::parse(text)?)
    }

    /// The table shipped in `pkg-config/grunnbelop.json`.
    pub fn shipped() -> GTable {
        // The shipped file is checked by a test; an empty table is never
        // returned, but a broken build must not panic either.
        GTable::from_json(SHIPPED).unwrap_or(GTable {
            entries: Vec::new(),
            start: Date::from_days_since_epoch(0).year_month(),
            by_month: Vec::new(),
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
        let e =
            GTable::from_json(r#"[{"from":"2020-05-01","nok":1},{"from":"2019-05-01","nok":2}]"#)
                .unwrap_err();
        assert_eq!(e.path, "[1].from");
        let e = GTable::from_json(r#"[{"from":"2020-05-01","nok":-5}]"#).unwrap_err();
        assert_eq!(e.path, "[0].nok");
    }
}
