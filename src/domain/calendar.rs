//! The agency's working-day calendar (工作日历): which days count toward a
//! complaint's deadlines. The weekend is off; public holidays are off; the
//! make-up working days on a weekend (调休) are on. The agency enters the
//! exceptions in Settings, a day or a range at a time, or loads them from a
//! file; named holidays are also the festivals of the care list.

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{sorting, validate};

/// The calendar is one Setting.
pub const SETTING: &str = "calendar";

/// The longest name of a holiday, in characters.
pub const MAX_NAME: usize = 40;

/// The longest range entered at once, in days (the Spring Festival and
/// National Day weeks fit with room to spare).
pub const MAX_RANGE: i64 = 31;

key_enum! {
    /// An exception to the week: a day off on a working weekday (a public
    /// holiday) or a working day on a weekend (a make-up day, 调休).
    pub enum DayKind { Holiday = "holiday", Workday = "workday" }
}

/// One exception to the ordinary week.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Day {
    #[serde(with = "super::as_text::required")]
    pub date: NaiveDate,
    pub kind: DayKind,
    /// The holiday's name (春节, National Day); a make-up day may have none.
    #[serde(default)]
    pub name: String,
}

/// What a calendar edit or file line is refused for.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    #[error("not a date (use YYYY-MM-DD)")]
    Date,
    #[error("the range ends before it starts")]
    Backwards,
    #[error("a range of at most {MAX_RANGE} days")]
    RangeTooLong,
    #[error("not holiday or workday")]
    Kind,
    #[error("a name of at most {MAX_NAME} characters")]
    NameTooLong,
    #[error("a holiday needs a name")]
    NameMissing,
    #[error("every day of the week cannot be off")]
    NoWorkingDay,
}

/// A line of a calendar file that could not be read, and why (lines count from 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineError {
    pub line: usize,
    pub error: CalendarError,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WorkCalendar {
    /// The days off every week, by ISO number: Monday 1 … Sunday 7.
    pub weekend: Vec<u32>,
    /// The exceptions, in date order, one per date.
    pub days: Vec<Day>,
}

impl Default for WorkCalendar {
    fn default() -> Self {
        WorkCalendar { weekend: vec![6, 7], days: Vec::new() }
    }
}

impl WorkCalendar {
    fn exception(&self, date: NaiveDate) -> Option<&Day> {
        self.days.binary_search_by(|d| d.date.cmp(&date)).ok().map(|i| &self.days[i])
    }

    /// Whether `date` counts toward a deadline.
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        match self.exception(date) {
            Some(d) => d.kind == DayKind::Workday,
            None => !self.weekend.contains(&date.weekday().number_from_monday()),
        }
    }

    /// The holiday `date` falls in, if it is one.
    pub fn holiday(&self, date: NaiveDate) -> Option<&str> {
        self.exception(date).filter(|d| d.kind == DayKind::Holiday).map(|d| d.name.as_str())
    }

    /// The `n`th working day after `from` (`from` itself does not count:
    /// a complaint received on Friday with one working day is due by the
    /// end of the next working day). Zero is `from` itself.
    pub fn add_working_days(&self, from: NaiveDate, n: u32) -> NaiveDate {
        let mut date = from;
        let mut left = n;
        // A calendar always has a working day in a week unless every
        // weekday is entered as a holiday; a year's search bounds that case.
        let mut guard = 0;
        while left > 0 && guard < 366 * (n as usize + 1) {
            date += Duration::days(1);
            guard += 1;
            if self.is_working_day(date) {
                left -= 1;
            }
        }
        date
    }

    /// The working days after `from` up to and including `to`: how many
    /// working days late something due on `from` is on `to` (0 when `to` is
    /// not after `from`).
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        let mut n = 0;
        let mut date = from;
        while date < to {
            date += Duration::days(1);
            if self.is_working_day(date) {
                n += 1;
            }
        }
        n
    }

    /// Set the days off every week; at least one day has to stay a working day.
    pub fn set_weekend(&mut self, days: &[u32]) -> Result<(), CalendarError> {
        let mut days: Vec<u32> = days.iter().copied().filter(|d| (1..=7).contains(d)).collect();
        days.sort_unstable();
        days.dedup();
        if days.len() == 7 {
            return Err(CalendarError::NoWorkingDay);
        }
        self.weekend = days;
        Ok(())
    }

    /// Mark every day from `from` to `to` (inclusive) as `kind`, replacing
    /// what those dates were. A holiday needs a name.
    pub fn set_range(&mut self, from: NaiveDate, to: NaiveDate, kind: DayKind, name: &str) -> Result<(), CalendarError> {
        let name = name.trim();
        if to < from {
            return Err(CalendarError::Backwards);
        }
        if (to - from).num_days() + 1 > MAX_RANGE {
            return Err(CalendarError::RangeTooLong);
        }
        if name.chars().count() > MAX_NAME {
            return Err(CalendarError::NameTooLong);
        }
        if kind == DayKind::Holiday && name.is_empty() {
            return Err(CalendarError::NameMissing);
        }
        let mut date = from;
        while date <= to {
            let day = Day { date, kind, name: name.to_string() };
            match self.days.binary_search_by(|d| d.date.cmp(&date)) {
                Ok(i) => self.days[i] = day,
                Err(i) => self.days.insert(i, day),
            }
            date += Duration::days(1);
        }
        Ok(())
    }

    /// Back to the ordinary week on `date`.
    pub fn remove(&mut self, date: NaiveDate) {
        self.days.retain(|d| d.date != date);
    }

    /// The exceptions of one year, in date order.
    pub fn year(&self, year: i32) -> impl Iterator<Item = &Day> {
        self.days.iter().filter(move |d| d.date.year() == year)
    }

    /// The named holidays as festivals: each run of consecutive days with one
    /// name is one festival, on its first day.
    pub fn festivals(&self) -> Vec<(NaiveDate, &str)> {
        let mut out: Vec<(NaiveDate, &str)> = Vec::new();
        let mut last: Option<(NaiveDate, &str)> = None;
        for d in self.days.iter().filter(|d| d.kind == DayKind::Holiday && !d.name.is_empty()) {
            let continues = last.is_some_and(|(date, name)| name == d.name && d.date - date <= Duration::days(1));
            if !continues {
                out.push((d.date, &d.name));
            }
            last = Some((d.date, &d.name));
        }
        out
    }

    /// The calendar in order, one entry per date (the last kept), whatever
    /// a backup or another version stored.
    pub fn tidy(mut self) -> Self {
        sorting::sort_by(&mut self.days, |a, b| a.date.cmp(&b.date));
        let mut out: Vec<Day> = Vec::with_capacity(self.days.len());
        for d in self.days {
            match out.last_mut() {
                Some(last) if last.date == d.date => *last = d,
                _ => out.push(d),
            }
        }
        self.days = out;
        self
    }

    /// Lay the days of a file over this calendar (see [`parse_file`]).
    pub fn merge(&mut self, lines: &[FileLine]) {
        for l in lines {
            // Each line was checked when the file was read.
            let _ = self.set_range(l.from, l.to, l.kind, &l.name);
        }
    }
}

/// One line of a calendar file: a date or a range, its kind and its name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileLine {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub kind: DayKind,
    pub name: String,
}

/// The kind a file names: English or Chinese, as calendars print it.
fn kind_of(word: &str) -> Option<DayKind> {
    match word.trim().to_lowercase().as_str() {
        "holiday" | "off" | "休" | "假" | "休息" | "放假" | "节假日" | "假日" => Some(DayKind::Holiday),
        "workday" | "work" | "班" | "上班" | "补班" | "调休上班" | "工作日" => Some(DayKind::Workday),
        _ => None,
    }
}

fn date_of(raw: &str) -> Result<NaiveDate, CalendarError> {
    match validate::date(raw, None) {
        Ok(Some(d)) => Ok(d),
        _ => Err(CalendarError::Date),
    }
}

/// Read a calendar file: one day or range a line, as `date,kind,name`
/// (`2027-02-06..2027-02-14,holiday,春节` or `2027-02-20,workday`). Commas,
/// tabs or Chinese commas separate; a range is written with `..`, `~` or
/// `至`; a heading line and lines starting with `#` are skipped. Either every
/// line is read or the lines that could not be are returned, so a file with
/// a mistake changes nothing.
pub fn parse_file(text: &str) -> Result<Vec<FileLine>, Vec<LineError>> {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim().trim_start_matches('\u{feff}');
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        // The name is the rest of the line, commas and all.
        let fields: Vec<&str> = line.splitn(3, [',', '\t', '，']).map(str::trim).collect();
        let first = fields[0].to_lowercase();
        if n == 0 && (first == "date" || first == "日期") {
            continue;
        }
        match parse_line(&fields) {
            Ok(l) => out.push(l),
            Err(error) => errors.push(LineError { line: n + 1, error }),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

fn parse_line(fields: &[&str]) -> Result<FileLine, CalendarError> {
    let dates = fields[0];
    let (from, to) = match dates.split_once("..").or_else(|| dates.split_once('~')).or_else(|| dates.split_once('至')) {
        Some((a, b)) => (date_of(a)?, date_of(b)?),
        None => {
            let d = date_of(dates)?;
            (d, d)
        }
    };
    let kind = fields.get(1).and_then(|k| kind_of(k)).ok_or(CalendarError::Kind)?;
    let name = fields.get(2).map(|s| s.to_string()).unwrap_or_default();
    // The same checks as an edit in Settings, on a scratch calendar.
    WorkCalendar::default().set_range(from, to, kind, &name)?;
    Ok(FileLine { from, to, kind, name })
}

/// The calendar as a file [`parse_file`] reads back: ranges of consecutive
/// days of one kind and name on one line.
pub fn to_file(calendar: &WorkCalendar) -> String {
    let mut out = String::from("date,kind,name\n");
    let mut i = 0;
    let days = &calendar.days;
    while i < days.len() {
        let mut j = i;
        while j + 1 < days.len()
            && days[j + 1].kind == days[i].kind
            && days[j + 1].name == days[i].name
            && days[j + 1].date - days[j].date == Duration::days(1)
            && (days[j + 1].date - days[i].date).num_days() < MAX_RANGE
        {
            j += 1;
        }
        let dates = match i == j {
            true => days[i].date.to_string(),
            false => format!("{}..{}", days[i].date, days[j].date),
        };
        out.push_str(&format!("{},{},{}\n", dates, days[i].kind.as_str(), days[i].name));
        i = j + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// New Year 2026 and the Spring Festival 2026 as an agency would enter
    /// them (test data, not an official schedule), with their make-up days.
    fn china() -> WorkCalendar {
        let mut c = WorkCalendar::default();
        c.set_range(d("2026-01-01"), d("2026-01-03"), DayKind::Holiday, "元旦").unwrap();
        c.set_range(d("2026-01-04"), d("2026-01-04"), DayKind::Workday, "").unwrap();
        c.set_range(d("2026-02-15"), d("2026-02-23"), DayKind::Holiday, "春节").unwrap();
        c.set_range(d("2026-02-14"), d("2026-02-14"), DayKind::Workday, "").unwrap();
        c.set_range(d("2026-02-28"), d("2026-02-28"), DayKind::Workday, "").unwrap();
        c.set_range(d("2026-10-01"), d("2026-10-07"), DayKind::Holiday, "国庆节").unwrap();
        c.set_range(d("2026-10-10"), d("2026-10-10"), DayKind::Workday, "").unwrap();
        c
    }

    #[test]
    fn working_days_add_up_across_weekends_holidays_and_make_up_days() {
        let c = china();
        // (received on, working days, due by)
        let cases = [
            // An ordinary week: Monday + 1 is Tuesday, Thursday + 2 is Monday.
            ("2026-03-02", 1, "2026-03-03"),
            ("2026-03-05", 2, "2026-03-09"),
            // Friday: the weekend does not count.
            ("2026-03-06", 1, "2026-03-09"),
            ("2026-03-06", 2, "2026-03-10"),
            // Received on a Saturday or Sunday: counting starts on Monday.
            ("2026-03-07", 1, "2026-03-09"),
            ("2026-03-08", 2, "2026-03-10"),
            // Zero days: the same day.
            ("2026-03-07", 0, "2026-03-07"),
            // Across the year end: New Year's Day to the 3rd off, Sunday the 4th worked.
            ("2025-12-31", 1, "2026-01-04"),
            ("2025-12-31", 2, "2026-01-05"),
            ("2025-12-30", 2, "2026-01-04"),
            // The Friday before the Spring Festival: Saturday the 14th is worked,
            // then nine days off.
            ("2026-02-13", 1, "2026-02-14"),
            ("2026-02-13", 2, "2026-02-24"),
            // Received during the festival: the first working day after it.
            ("2026-02-17", 1, "2026-02-24"),
            ("2026-02-17", 2, "2026-02-25"),
            // The make-up Saturday after it counts.
            ("2026-02-27", 1, "2026-02-28"),
            ("2026-02-27", 2, "2026-03-02"),
            // National Day: Wednesday the 30th of September, then a week off.
            ("2026-09-30", 1, "2026-10-08"),
            ("2026-10-09", 1, "2026-10-10"),
        ];
        for (from, n, due) in cases {
            assert_eq!(c.add_working_days(d(from), n), d(due), "{from} + {n}");
        }
    }

    #[test]
    fn working_days_late_count_only_working_days() {
        let c = china();
        assert_eq!(c.working_days_between(d("2026-02-13"), d("2026-02-13")), 0);
        assert_eq!(c.working_days_between(d("2026-02-14"), d("2026-02-12")), 0);
        // Due Saturday the 14th (a make-up day); on the 24th it is one working day late.
        assert_eq!(c.working_days_between(d("2026-02-14"), d("2026-02-23")), 0);
        assert_eq!(c.working_days_between(d("2026-02-14"), d("2026-02-24")), 1);
        assert_eq!(c.working_days_between(d("2026-03-06"), d("2026-03-10")), 2);
    }

    #[test]
    fn the_ordinary_week_and_its_exceptions() {
        let c = china();
        assert!(c.is_working_day(d("2026-03-06")));
        assert!(!c.is_working_day(d("2026-03-07")));
        assert!(!c.is_working_day(d("2026-02-16")));
        assert!(c.is_working_day(d("2026-02-14")));
        assert_eq!(c.holiday(d("2026-02-16")), Some("春节"));
        assert_eq!(c.holiday(d("2026-02-14")), None);
        // A six-day week.
        let mut six = WorkCalendar::default();
        six.set_weekend(&[7]).unwrap();
        assert!(six.is_working_day(d("2026-03-07")));
        assert_eq!(six.add_working_days(d("2026-03-06"), 1), d("2026-03-07"));
        assert_eq!(six.set_weekend(&[1, 2, 3, 4, 5, 6, 7]), Err(CalendarError::NoWorkingDay));
    }

    #[test]
    fn edits_are_checked_and_replace_what_a_date_was() {
        let mut c = WorkCalendar::default();
        assert_eq!(c.set_range(d("2026-02-23"), d("2026-02-15"), DayKind::Holiday, "春节"), Err(CalendarError::Backwards));
        assert_eq!(c.set_range(d("2026-01-01"), d("2026-03-01"), DayKind::Holiday, "x"), Err(CalendarError::RangeTooLong));
        assert_eq!(c.set_range(d("2026-01-01"), d("2026-01-01"), DayKind::Holiday, " "), Err(CalendarError::NameMissing));
        assert_eq!(c.set_range(d("2026-01-01"), d("2026-01-01"), DayKind::Holiday, &"节".repeat(41)), Err(CalendarError::NameTooLong));
        assert!(c.days.is_empty());
        c.set_range(d("2026-05-01"), d("2026-05-05"), DayKind::Holiday, "劳动节").unwrap();
        c.set_range(d("2026-05-03"), d("2026-05-03"), DayKind::Workday, "").unwrap();
        assert!(c.is_working_day(d("2026-05-03")));
        assert_eq!(c.days.len(), 5);
        assert!(c.days.windows(2).all(|w| w[0].date < w[1].date));
        c.remove(d("2026-05-03"));
        assert!(!c.is_working_day(d("2026-05-03")));
        assert_eq!(c.days.len(), 4);
    }

    #[test]
    fn a_stored_calendar_is_put_in_order() {
        let day = |date: &str, name: &str| Day { date: d(date), kind: DayKind::Holiday, name: name.into() };
        let c = WorkCalendar { weekend: vec![6, 7], days: vec![day("2026-10-02", "b"), day("2026-10-01", "a"), day("2026-10-02", "c")] }.tidy();
        assert_eq!(c.days, vec![day("2026-10-01", "a"), day("2026-10-02", "c")]);
        assert!(!c.is_working_day(d("2026-10-02")));
    }

    #[test]
    fn festivals_are_each_named_run_once() {
        let c = china();
        let f: Vec<(String, &str)> = c.festivals().into_iter().map(|(d, n)| (d.to_string(), n)).collect();
        assert_eq!(f, vec![("2026-01-01".into(), "元旦"), ("2026-02-15".into(), "春节"), ("2026-10-01".into(), "国庆节")]);
    }

    #[test]
    fn a_calendar_file_is_read_whole_or_not_at_all() {
        let text = "日期,类型,名称\n2027-02-06..2027-02-14,holiday,春节\n# make-up days\n2027/2/20，班\n2027-10-01~2027-10-07\t休\t国庆节\n";
        let lines = parse_file(text).unwrap();
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0], FileLine { from: d("2027-02-06"), to: d("2027-02-14"), kind: DayKind::Holiday, name: "春节".into() });
        assert_eq!(lines[1].kind, DayKind::Workday);
        assert_eq!(lines[1].from, d("2027-02-20"));
        let mut c = WorkCalendar::default();
        c.merge(&lines);
        assert_eq!(c.days.len(), 9 + 1 + 7);
        assert!(c.is_working_day(d("2027-02-20")));

        let bad = "2027-02-06,holiday,春节\n2027-02-30,holiday,x\n2027-03-01,maybe\n2027-03-09..2027-03-01,holiday,y\n2027-04-05,holiday\n";
        assert_eq!(
            parse_file(bad),
            Err(vec![
                LineError { line: 2, error: CalendarError::Date },
                LineError { line: 3, error: CalendarError::Kind },
                LineError { line: 4, error: CalendarError::Backwards },
                LineError { line: 5, error: CalendarError::NameMissing },
            ])
        );
    }

    #[test]
    fn a_calendar_written_to_a_file_reads_back_the_same() {
        let mut c = china();
        c.set_range(d("2026-05-01"), d("2026-05-05"), DayKind::Holiday, "劳动节, 五一").unwrap();
        let text = to_file(&c);
        assert!(text.contains("2026-02-15..2026-02-23,holiday,春节\n"), "{text}");
        assert!(text.contains("2026-01-04,workday,\n"), "{text}");
        let mut back = WorkCalendar::default();
        back.merge(&parse_file(&text).unwrap());
        assert_eq!(back, c);
    }
}
