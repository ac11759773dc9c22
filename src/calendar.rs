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

    /// The day of the week of a full date, 0 for Monday to 6 for Sunday; `None`
    /// for a month.
    pub fn weekday(self) -> Option<u8> {
        // Sakamoto's method: a Sunday-based weekday, shifted to start on Monday.
        const OFFSETS: [u32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
        let day = u32::from(self.day?);
        let month = usize::from(self.month);
        let year = u32::from(self.year) - u32::from(month < 3);
        let sunday_based =
            (year + year / 4 - year / 100 + year / 400 + OFFSETS[month - 1] + day) % 7;
        u8::try_from((sunday_based + 6) % 7).ok()
    }

    /// The day a slashed date `first/second/year` names: day first, as German and
    /// EU texts write it; month first ("Mo, 03/02/2026", as content systems set up
    /// for English print it) when the weekday at the end of `before` fits only
    /// that reading.
    pub fn slashed(year: u16, first: u8, second: u8, before: &str) -> Option<CalendarDate> {
        let day_first = CalendarDate::day(year, second, first);
        let Some(named) = weekday_before(before) else {
            return day_first;
        };
        let month_first = CalendarDate::day(year, first, second);
        let fits = |d: Option<CalendarDate>| d.and_then(CalendarDate::weekday) == Some(named);
        if !fits(day_first) && fits(month_first) {
            month_first
        } else {
            day_first
        }
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

/// The weekday (0 for Monday) named at the end of `before`, as it stands before
/// a date: "Mo, ", "Montag, ", "Mon, ".
fn weekday_before(before: &str) -> Option<u8> {
    let head = before.trim_end_matches([' ', ',', '\u{a0}']);
    let word_start = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic() || *c == '.')
        .last()
        .map_or(head.len(), |(i, _)| i);
    let weekday = match head[word_start..].trim_end_matches('.') {
        "Montag" | "Mo" | "Mon" | "Monday" => 0,
        "Dienstag" | "Di" | "Tue" | "Tuesday" => 1,
        "Mittwoch" | "Mi" | "Wed" | "Wednesday" => 2,
        "Donnerstag" | "Do" | "Thu" | "Thursday" => 3,
        "Freitag" | "Fr" | "Fri" | "Friday" => 4,
        "Samstag" | "Sonnabend" | "Sa" | "Sat" | "Saturday" => 5,
        "Sonntag" | "So" | "Sun" | "Sunday" => 6,
        _ => return None,
    };
    Some(weekday)
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
    fn weekdays_and_slashed_dates_that_name_one() {
        let day = |y, m, d| CalendarDate::day(y, m, d).unwrap();
        assert_eq!(day(2026, 3, 2).weekday(), Some(0));
        assert_eq!(day(2000, 2, 29).weekday(), Some(1));
        assert_eq!(day(2024, 12, 29).weekday(), Some(6));
        assert_eq!(CalendarDate::month(2026, 3).unwrap().weekday(), None);
        // Day first unless the weekday fits only month first.
        assert_eq!(CalendarDate::slashed(2026, 3, 2, ""), Some(day(2026, 2, 3)));
        assert_eq!(
            CalendarDate::slashed(2026, 3, 2, "Mo, "),
            Some(day(2026, 3, 2))
        );
        assert_eq!(
            CalendarDate::slashed(2026, 3, 2, "Di., "),
            Some(day(2026, 2, 3))
        );
        assert_eq!(
            CalendarDate::slashed(2026, 13, 2, "Mo, "),
            Some(day(2026, 2, 13))
        );
    }

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
