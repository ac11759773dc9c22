//! Calendar values as the record writes them: a day (`YYYY-MM-DD`) or a month
//! (`YYYY-MM`). Shared by the date extractor and the publication date.

use std::fmt;

/// A calendar date whose day may be unknown ("März 2013" is a month).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CalendarDate {
    /// Four-digit year.
    pub year: u16,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day of the month, when the text gives one.
    pub day: Option<u8>,
}

impl CalendarDate {
    /// A full date; `None` unless it exists in the Gregorian calendar and the year
    /// lies in 1900..=2100 (press texts about public IT cooperation).
    pub fn day(year: u16, month: u8, day: u8) -> Option<CalendarDate> {
        (Self::plausible_year(year) && (1..=12).contains(&month) && day >= 1)
            .then_some(())
            .filter(|()| day <= days_in_month(year, month))
            .map(|()| CalendarDate {
                year,
                month,
                day: Some(day),
            })
    }

    /// A month of a year; `None` for an impossible month or implausible year.
    pub fn month(year: u16, month: u8) -> Option<CalendarDate> {
        (Self::plausible_year(year) && (1..=12).contains(&month)).then_some(CalendarDate {
            year,
            month,
            day: None,
        })
    }

    fn plausible_year(year: u16) -> bool {
        (1900..=2100).contains(&year)
    }

    /// Parses `YYYY-MM-DD` or `YYYY-MM`.
    pub fn parse_iso(s: &str) -> Option<CalendarDate> {
        let mut parts = s.split('-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        match parts.next() {
            None => CalendarDate::month(year, month),
            Some(d) if parts.next().is_none() => CalendarDate::day(year, month, d.parse().ok()?),
            Some(_) => None,
        }
    }
}

/// Days in `month` of `year`, leap years included.
pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for CalendarDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.day {
            Some(d) => write!(f, "{:04}-{:02}-{:02}", self.year, self.month, d),
            None => write!(f, "{:04}-{:02}", self.year, self.month),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_day_and_month() {
        assert_eq!(
            CalendarDate::day(2011, 3, 22).unwrap().to_string(),
            "2011-03-22"
        );
        assert_eq!(CalendarDate::month(2013, 3).unwrap().to_string(), "2013-03");
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(CalendarDate::day(2023, 2, 29).is_none());
        assert!(CalendarDate::day(2024, 2, 29).is_some());
        assert!(CalendarDate::day(2024, 13, 1).is_none());
        assert!(CalendarDate::day(1850, 1, 1).is_none());
    }

    #[test]
    fn parses_iso_back() {
        for s in ["2009-12-04", "2014-02"] {
            assert_eq!(CalendarDate::parse_iso(s).unwrap().to_string(), s);
        }
        assert!(CalendarDate::parse_iso("2014-02-30").is_none());
        assert!(CalendarDate::parse_iso("2014").is_none());
    }
}
