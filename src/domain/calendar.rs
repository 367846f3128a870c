//! Calendar values: [`Date`] and [`YearMonth`], parsed once from ISO text
//! (`2025-03-14`, `2024-12`), plus whole-year age.
//!
//! Years are limited to 1900–2199: enough for anyone registering with NAV,
//! and small enough that no arithmetic here can overflow.

use std::fmt;

/// Smallest year accepted in a date.
pub const MIN_YEAR: i32 = 1900;
/// Largest year accepted in a date.
pub const MAX_YEAR: i32 = 2199;

/// A calendar month, e.g. `2024-12`.
///
/// # Example
/// ```
/// use veivalg::domain::calendar::YearMonth;
/// let m: YearMonth = "2024-12".parse().unwrap();
/// assert_eq!(m.add_months(1).to_string(), "2025-01");
/// assert_eq!(m.months_until(YearMonth::new(2025, 3).unwrap()), 3);
/// assert!("2024-13".parse::<YearMonth>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    year: i32,
    month: u8,
}

/// A calendar date, e.g. `2025-03-14`.
///
/// # Example
/// ```
/// use veivalg::domain::calendar::Date;
/// let d: Date = "2024-02-29".parse().unwrap();
/// assert_eq!(d.add_days(1).to_string(), "2024-03-01");
/// assert!("2023-02-29".parse::<Date>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in `month` of `year` (month 1–12).
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ => {
            if is_leap(year) {
                29
            } else {
                28
            }
        }
    }
}

fn check_year(year: i32) -> Result<(), String> {
    if (MIN_YEAR..=MAX_YEAR).contains(&year) {
        Ok(())
    } else {
        Err(format!("year {year} is outside {MIN_YEAR}–{MAX_YEAR}"))
    }
}

/// Exactly `N` parts separated by `-`, without allocating.
fn split_fixed<const N: usize>(text: &str) -> Option<[&str; N]> {
    let mut out = [""; N];
    let mut it = text.split('-');
    for slot in &mut out {
        *slot = it.next()?;
    }
    it.next().is_none().then_some(out)
}

fn parse_digits(s: &str, what: &str, text: &str) -> Result<u32, String> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("`{text}` is not a {what}"));
    }
    s.parse::<u32>()
        .map_err(|_| format!("`{text}` is not a {what}"))
}

impl YearMonth {
    /// A month from its parts; `None` when the month is not 1–12 or the
    /// year is outside 1900–2199.
    pub fn new(year: i32, month: u8) -> Option<YearMonth> {
        if (1..=12).contains(&month) && check_year(year).is_ok() {
            Some(YearMonth { year, month })
        } else {
            None
        }
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }

    fn index(self) -> i32 {
        self.year * 12 + i32::from(self.month) - 1
    }

    fn from_index(index: i32) -> YearMonth {
        YearMonth {
            year: index.div_euclid(12),
            month: (index.rem_euclid(12) + 1) as u8,
        }
    }

    /// The month `n` months later (earlier for negative `n`).
    ///
    /// The result may lie outside 1900–2199 only if `n` is larger than any
    /// look-back or look-ahead this library uses.
    pub fn add_months(self, n: i32) -> YearMonth {
        YearMonth::from_index(self.index() + n)
    }

    /// How many months from `self` to `later` (negative if `later` is earlier).
    pub fn months_until(self, later: YearMonth) -> i32 {
        later.index() - self.index()
    }

    /// The first day of the month.
    pub fn first_day(self) -> Date {
        Date {
            year: self.year,
            month: self.month,
            day: 1,
        }
    }

    /// The last day of the month.
    pub fn last_day(self) -> Date {
        Date {
            year: self.year,
            month: self.month,
            day: days_in_month(self.year, self.month),
        }
    }
}

/// The numbers of `text` when it is exactly groups of ASCII digits of the
/// given widths joined by `-` (`2024-12`: widths 4, 2); `None` otherwise.
fn fixed_digits<const N: usize>(text: &str, widths: &[usize; N]) -> Option<[u32; N]> {
    let bytes = text.as_bytes();
    let mut out = [0u32; N];
    let mut pos = 0;
    for (k, &w) in widths.iter().enumerate() {
        if k > 0 {
            if bytes.get(pos) != Some(&b'-') {
                return None;
            }
            pos += 1;
        }
        for _ in 0..w {
            let b = *bytes.get(pos)?;
            if !b.is_ascii_digit() {
                return None;
            }
            out[k] = out[k] * 10 + u32::from(b - b'0');
            pos += 1;
        }
    }
    (pos == bytes.len()).then_some(out)
}

impl std::str::FromStr for YearMonth {
    type Err = String;

    /// Parses `YYYY-MM`.
    fn from_str(text: &str) -> Result<Self, String> {
        // The common case without splitting: exactly `dddd-dd`, valid.
        if let Some([y, m]) = fixed_digits(text, &[4, 2]) {
            if let Some(ym) = YearMonth::new(y as i32, m as u8) {
                return Ok(ym);
            }
        }
        let parts = split_fixed::<2>(text);
        if parts.is_none_or(|p| p[0].len() != 4 || p[1].len() != 2) {
            return Err(format!("`{text}` is not a month of the form YYYY-MM"));
        }
        let parts = parts.unwrap_or([""; 2]);
        let year = parse_digits(parts[0], "month of the form YYYY-MM", text)? as i32;
        let month = parse_digits(parts[1], "month of the form YYYY-MM", text)?;
        if !(1..=12).contains(&month) {
            return Err(format!("`{text}`: month {month} is not 1–12"));
        }
        check_year(year)?;
        Ok(YearMonth {
            year,
            month: month as u8,
        })
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Date {
    /// A date from its parts; `None` if it does not exist.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let ym = YearMonth::new(year, month)?;
        if day >= 1 && day <= days_in_month(ym.year, ym.month) {
            Some(Date { year, month, day })
        } else {
            None
        }
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1–31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// The month this date lies in.
    pub fn year_month(self) -> YearMonth {
        YearMonth {
            year: self.year,
            month: self.month,
        }
    }

    /// Days since 1970-01-01 (negative before), proleptic Gregorian.
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date for a day count since 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// The date `n` days later (earlier for negative `n`).
    pub fn add_days(self, n: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() + n)
    }

    /// The date `n` months later, with the day clamped to the end of a
    /// shorter month (2024-08-31 plus 6 months is 2025-02-28).
    pub fn add_months(self, n: i32) -> Date {
        let ym = self.year_month().add_months(n);
        let day = self.day.min(days_in_month(ym.year, ym.month));
        Date {
            year: ym.year,
            month: ym.month,
            day,
        }
    }

    /// Whole years from `birth` to `self` (the age on this date): the
    /// birthday counts from the day itself; someone born on 29 February
    /// turns a year older on 1 March in common years.
    ///
    /// # Example
    /// ```
    /// use veivalg::domain::calendar::Date;
    /// let born: Date = "1995-06-02".parse().unwrap();
    /// assert_eq!("2025-06-01".parse::<Date>().unwrap().age_since(born), 29);
    /// assert_eq!("2025-06-02".parse::<Date>().unwrap().age_since(born), 30);
    /// ```
    pub fn age_since(self, birth: Date) -> i32 {
        let mut age = self.year - birth.year;
        if (self.month, self.day) < (birth.month, birth.day) {
            age -= 1;
        }
        age
    }
}

impl std::str::FromStr for Date {
    type Err = String;

    /// Parses `YYYY-MM-DD`.
    fn from_str(text: &str) -> Result<Self, String> {
        if let Some([y, m, d]) = fixed_digits(text, &[4, 2, 2]) {
            if let Some(date) = Date::new(y as i32, m as u8, d as u8) {
                return Ok(date);
            }
        }
        let parts = split_fixed::<3>(text);
        if parts.is_none_or(|p| p[0].len() != 4 || p[1].len() != 2 || p[2].len() != 2) {
            return Err(format!("`{text}` is not a date of the form YYYY-MM-DD"));
        }
        let parts = parts.unwrap_or([""; 3]);
        let what = "date of the form YYYY-MM-DD";
        let year = parse_digits(parts[0], what, text)? as i32;
        let month = parse_digits(parts[1], what, text)?;
        let day = parse_digits(parts[2], what, text)?;
        check_year(year)?;
        if !(1..=12).contains(&month) {
            return Err(format!("`{text}`: month {month} is not 1–12"));
        }
        let max = days_in_month(year, month as u8);
        if day < 1 || day > u32::from(max) {
            return Err(format!(
                "`{text}`: day {day} does not exist in that month (1–{max})"
            ));
        }
        Ok(Date {
            year,
            month: month as u8,
            day: day as u8,
        })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Serde for a type written as a string: serialized through `Display`,
/// deserialized through `FromStr` (an unparsable string is
/// `INVALID_VALUE`, another JSON type `INVALID_TYPE`).
macro_rules! serde_via_str {
    ($t:ty, $expecting:literal) => {
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct Visitor;
                impl serde::de::Visitor<'_> for Visitor {
                    type Value = $t;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str($expecting)
                    }
                    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<$t, E> {
                        text.parse().map_err(|m: String| {
                            crate::error::Error::new(crate::error::ErrorKind::InvalidValue, "", m)
                                .into_de()
                        })
                    }
                }
                d.deserialize_str(Visitor)
            }
        }
    };
}

serde_via_str!(Date, "a date of the form YYYY-MM-DD");
serde_via_str!(YearMonth, "a month of the form YYYY-MM");

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn rejects_malformed_and_impossible_dates() {
        for bad in [
            "2024-13-01",
            "2024-00-10",
            "2023-02-29",
            "2024-04-31",
            "24-01-01",
            "2024-1-01",
            "2024-01-01T00:00",
            "",
            "1899-12-31",
            "abcd-ef-gh",
            "+202-01-01",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad} should be rejected");
        }
        for bad in ["2024-13", "2024-00", "2024", "2024-1", "2024-01-01"] {
            assert!(
                bad.parse::<YearMonth>().is_err(),
                "{bad} should be rejected"
            );
        }
    }

    #[test]
    fn epoch_days_round_trip_over_three_centuries() {
        let mut date = d("1900-01-01");
        let mut days = date.days_since_epoch();
        assert_eq!(d("1970-01-01").days_since_epoch(), 0);
        assert_eq!(d("2000-03-01").days_since_epoch(), 11_017);
        while date < d("2199-12-31") {
            let next = date.add_days(1);
            assert_eq!(next.days_since_epoch(), days + 1);
            assert_eq!(Date::from_days_since_epoch(days + 1), next);
            date = next;
            days += 1;
        }
    }

    #[test]
    fn month_arithmetic() {
        let m: YearMonth = "2018-01".parse().unwrap();
        assert_eq!(m.add_months(-1).to_string(), "2017-12");
        assert_eq!(m.add_months(-36).to_string(), "2015-01");
        assert_eq!(m.add_months(23).to_string(), "2019-12");
        assert_eq!(d("2024-08-31").add_months(6), d("2025-02-28"));
        assert_eq!(d("2024-02-29").add_months(12), d("2025-02-28"));
        assert_eq!(m.last_day(), d("2018-01-31"));
    }

    #[test]
    fn age_on_the_birthday_and_the_day_before() {
        let born = d("1988-03-15");
        assert_eq!(d("2018-03-14").age_since(born), 29);
        assert_eq!(d("2018-03-15").age_since(born), 30);
        let leap = d("2000-02-29");
        assert_eq!(d("2018-02-28").age_since(leap), 17);
        assert_eq!(d("2018-03-01").age_since(leap), 18);
    }
}
