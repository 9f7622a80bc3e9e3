//! The list rows in bulk form: a log of segments, each a text of at most
//! [`SEGMENT_BYTES`] holding rows a committed change set wrote (one line per
//! row, or a line with just the id of a row that is gone); a large change set
//! writes several. Start-up reads a few hundred segments instead of one
//! record per customer and replays them in order; a save appends one small
//! segment; when the log holds many more lines or segments than its rows
//! need, it is rewritten compactly. Every segment is written in the same
//! transaction as the rows it carries, so the log and the `customer_rows`
//! store never disagree. The store keeps a segment as UTF-8 bytes (the first
//! version kept strings, which are still read).
//!
//! A line is its fields joined by U+001F, lists joined by U+001E: splitting
//! is several times faster than parsing JSON, which matters at 100,000 rows.
//! The few characters with a meaning here are escaped with U+001B.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use rust_decimal::Decimal;

use crate::domain::row::{RowText, Standing, FIELD, ITEM};
use crate::domain::{Confidentiality, CustomerKind, CustomerRow, RowSet, Status};

/// The first line of every segment written now; a segment with another is
/// not ours to read, but for [`HEADER_1`].
const HEADER: &str = "dossier-rows 3";
/// Segments written before rows had a [`Standing`]: their lines end after
/// the review time.
const HEADER_1: &str = "dossier-rows 1";
/// Segments written before the standing had the customer type and currency:
/// their lines end after the temporary limit's end.
const HEADER_2: &str = "dossier-rows 2";

/// The most UTF-8 bytes a segment holds (unless one line is longer). A
/// stored value this small is kept in the database itself, not in a file
/// beside it, and the browser reads those without waiting for the page,
/// which is busy painting the first screen when the log is read.
pub const SEGMENT_BYTES: usize = 60_000;

const ESCAPE: char = '\u{1B}';
/// Fields of a line in a version 1 and 2 segment, and now (the standing's
/// eight, then ten, more).
const FIELDS_1: usize = 16;
const FIELDS_2: usize = 24;
const FIELDS: usize = 26;

fn push_text(out: &mut String, s: &str) {
    if !s.contains(['\n', '\r', FIELD, ITEM, ESCAPE]) {
        out.push_str(s);
        return;
    }
    for c in s.chars() {
        match c {
            '\n' | '\r' | FIELD | ITEM | ESCAPE => {
                out.push(ESCAPE);
                out.push((c as u8 + 0x40) as char);
            }
            _ => out.push(c),
        }
    }
}

fn text(s: &str) -> String {
    if !s.contains(ESCAPE) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == ESCAPE {
            if let Some(e) = chars.next() {
                out.push(((e as u32).wrapping_sub(0x40) & 0x7F) as u8 as char);
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn push_list<'a>(out: &mut String, items: impl Iterator<Item = &'a str>) {
    for (n, item) in items.enumerate() {
        if n > 0 {
            out.push(ITEM);
        }
        push_text(out, item);
    }
}

fn push_row(out: &mut String, r: &CustomerRow) {
    out.push('+');
    for field in [r.id(), r.name(), r.short_name()] {
        out.push(FIELD);
        push_text(out, field);
    }
    for key in [r.kind.as_str(), r.status.as_str()] {
        out.push(FIELD);
        out.push_str(key);
    }
    for who in [r.owner(), r.co_owner()] {
        out.push(FIELD);
        push_text(out, who.unwrap_or_default());
    }
    out.push(FIELD);
    out.push_str(r.confidentiality.as_str());
    for field in [r.industry(), r.region(), r.phone()] {
        out.push(FIELD);
        push_text(out, field);
    }
    out.push(FIELD);
    push_list(out, r.contacts());
    out.push(FIELD);
    push_list(out, r.contact_phones());
    out.push(FIELD);
    out.push_str(&r.updated_at.timestamp_millis().to_string());
    out.push(FIELD);
    out.push_str(&r.reviewed_at.timestamp_millis().to_string());
    let Some(s) = r.standing.as_deref() else {
        // The standing's empty fields.
        out.extend([FIELD; FIELDS - FIELDS_1]);
        return;
    };
    // A limit of 0 (cash only) is a limit: only an empty field is none.
    let money = |d: Option<Decimal>| d.map(|d| d.normalize().to_string()).unwrap_or_default();
    let day = |d: Option<NaiveDate>| d.map(|d| d.num_days_from_ce().to_string()).unwrap_or_default();
    for field in [s.grade.as_deref().unwrap_or_default(), if s.by_hand { "1" } else { "" }, s.org_form.as_str()] {
        out.push(FIELD);
        push_text(out, field);
    }
    for value in [money(Some(s.owed).filter(|o| !o.is_zero())), day(s.first_due), money(s.limit), money(s.temp_limit), day(s.temp_until)] {
        out.push(FIELD);
        out.push_str(&value);
    }
    for field in [s.customer_type.as_str(), s.currency.as_str()] {
        out.push(FIELD);
        push_text(out, field);
    }
}

/// The standing in a line's last fields (eight in a version 2 segment, nine
/// now); none when they are empty.
fn parse_standing(f: &[&str]) -> Result<Option<Box<Standing>>, String> {
    if f.iter().all(|s| s.is_empty()) {
        return Ok(None);
    }
    let money = |s: &str| -> Result<Option<Decimal>, String> {
        if s.is_empty() { Ok(None) } else { Decimal::from_str_exact(s).map(Some).map_err(|_| format!("bad amount {s}")) }
    };
    let day = |s: &str| -> Result<Option<NaiveDate>, String> {
        if s.is_empty() {
            return Ok(None);
        }
        s.parse::<i32>().ok().and_then(NaiveDate::from_num_days_from_ce_opt).map(Some).ok_or_else(|| format!("bad day {s}"))
    };
    Ok(Some(Box::new(Standing {
        grade: Some(text(f[0])).filter(|g| !g.is_empty()),
        by_hand: f[1] == "1",
        org_form: text(f[2]),
        owed: money(f[3])?.unwrap_or_default(),
        first_due: day(f[4])?,
        limit: money(f[5])?,
        temp_limit: money(f[6])?,
        temp_until: day(f[7])?,
        customer_type: f.get(8).map(|s| text(s)).unwrap_or_default(),
        currency: f.get(9).map(|s| text(s)).unwrap_or_default(),
    })))
}

/// The fields of a row line that are text, in the order a row holds them.
const TEXT_FIELDS: [usize; 10] = [1, 2, 3, 6, 7, 9, 10, 11, 12, 13];
/// Of those, the lists.
const LIST_FIELDS: [usize; 2] = [12, 13];
/// Of those, the ones a search looks through.
const SEARCHED_FIELDS: [usize; 5] = [2, 3, 11, 12, 13];

/// A row line cut into its fields.
struct Fields<'a> {
    line: &'a str,
    f: [&'a str; FIELDS],
    /// How many fields were found so far (the last one once the line is done).
    n: usize,
    start: usize,
    /// Whether any field holds an escape.
    escaped: bool,
}

impl<'a> Fields<'a> {
    /// One look at each byte finds the fields and whether any is escaped
    /// (most lines have no escape), eight bytes at a time: 100,000 lines are
    /// read at start-up, and a byte below U+0020 is rare in them.
    fn of(line: &'a str) -> Self {
        let mut fields = Fields { line, f: [""; FIELDS], n: 0, start: 0, escaped: false };
        let bytes = line.as_bytes();
        let mut at = 0;
        while let Some(word) = bytes.get(at..at + 8) {
            let mut low = below_space(u64::from_le_bytes(word.try_into().unwrap_or_default()));
            while low != 0 {
                fields.control(at + (low.trailing_zeros() / 8) as usize);
                low &= low - 1;
            }
            at += 8;
        }
        for (at, &b) in bytes.iter().enumerate().skip(at) {
            if b < 0x20 {
                fields.control(at);
            }
        }
        fields.end(bytes.len());
        fields
    }

    /// A byte below U+0020 at `at`.
    fn control(&mut self, at: usize) {
        match self.line.as_bytes()[at] {
            b if b == FIELD as u8 => self.end(at),
            b if b == ESCAPE as u8 => self.escaped = true,
            _ => {}
        }
    }

    /// The field under way ends at `at`.
    fn end(&mut self, at: usize) {
        if let Some(field) = self.f.get_mut(self.n) {
            *field = &self.line[self.start..at];
        }
        self.n += 1;
        self.start = at + 1;
    }
}

/// A flag in the high bit of every byte of `x` below 0x20, and of no other.
#[inline(always)]
fn below_space(x: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW: u64 = !HIGH;
    // A byte below 0x20 is one whose top three bits are clear.
    let top = x & 0xE0E0_E0E0_E0E0_E0E0;
    !((top & LOW).wrapping_add(LOW) | top) & HIGH
}

/// A row line with `fields` fields (as its segment's version has).
fn parse_row(line: &str, fields: usize) -> Result<CustomerRow, String> {
    let Fields { f, n, escaped, .. } = Fields::of(line);
    if n != fields {
        return Err(format!("a row line has {n} fields, not {fields}"));
    }
    let key = |s: &str, what: &str| format!("unknown {what} {s}");
    let at = |s: &str| -> Result<DateTime<Utc>, String> {
        s.parse::<i64>().ok().and_then(DateTime::from_timestamp_millis).ok_or_else(|| format!("bad time {s}"))
    };
    let length = |fields: &[usize]| fields.iter().map(|&i| f[i].len()).sum::<usize>();
    let mut row = RowText::with_capacity(length(&TEXT_FIELDS), length(&SEARCHED_FIELDS));
    // A line without escapes has its fields taken as they are, lists with
    // their separators.
    if !escaped {
        TEXT_FIELDS.iter().for_each(|&i| row.part(f[i]));
    } else {
        for i in TEXT_FIELDS {
            if LIST_FIELDS.contains(&i) {
                let items: Vec<String> = f[i].split(ITEM).map(text).collect();
                row.list(items.iter().map(String::as_str));
            } else {
                row.plain(&text(f[i]));
            }
        }
    }
    let row = row.finish(
        CustomerKind::parse(f[4]).ok_or_else(|| key(f[4], "kind"))?,
        Status::parse(f[5]).ok_or_else(|| key(f[5], "status"))?,
        Confidentiality::parse(f[8]).ok_or_else(|| key(f[8], "confidentiality"))?,
        at(f[14])?,
        at(f[15])?,
    );
    Ok(if fields > FIELDS_1 { row.with_standing(parse_standing(&f[FIELDS_1..fields])?) } else { row })
}

fn push_change(out: &mut String, id: &str, row: Option<&CustomerRow>) {
    match row {
        Some(r) => push_row(out, r),
        None => {
            out.push('-');
            out.push(FIELD);
            push_text(out, id);
        }
    }
}

/// One segment: each row written, or the id of a row removed.
pub fn encode<'a>(changes: impl IntoIterator<Item = (&'a str, Option<&'a CustomerRow>)>) -> String {
    let mut out = String::from(HEADER);
    for (id, row) in changes {
        out.push('\n');
        push_change(&mut out, id, row);
    }
    out
}

/// The changes as segments of at most [`SEGMENT_BYTES`] each, in order.
pub fn segments<'a>(changes: impl IntoIterator<Item = (&'a str, Option<&'a CustomerRow>)>) -> Vec<String> {
    let mut done = Vec::new();
    let mut out = String::from(HEADER);
    let mut line = String::new();
    for (id, row) in changes {
        line.clear();
        push_change(&mut line, id, row);
        if out.len() > HEADER.len() && out.len() + 1 + line.len() > SEGMENT_BYTES {
            done.push(std::mem::replace(&mut out, String::from(HEADER)));
        }
        out.push('\n');
        out.push_str(&line);
    }
    if out.len() > HEADER.len() {
        done.push(out);
    }
    done
}

/// The rows as compact segments, in the order given. Given in name order,
/// start-up reads them in the order the list shows them and has little left
/// to sort.
pub fn compact(rows: &mut dyn Iterator<Item = &CustomerRow>) -> Vec<String> {
    segments(rows.map(|r| (r.id(), Some(r))))
}

/// The rows one segment holds, in its order.
pub fn decode(text: &str) -> Result<Vec<CustomerRow>, String> {
    let mut replay = Replay::default();
    replay.segment(text)?;
    Ok(replay.finish().into_rows())
}

/// Replay segments, oldest first, into the rows they leave.
#[derive(Default)]
pub struct Replay {
    rows: RowSet,
    segments: usize,
    lines: usize,
    bytes: usize,
}

impl Replay {
    pub fn segment(&mut self, text: &str) -> Result<(), String> {
        let mut lines = text.split('\n');
        let fields = match lines.next() {
            Some(HEADER) => FIELDS,
            Some(HEADER_2) => FIELDS_2,
            Some(HEADER_1) => FIELDS_1,
            _ => return Err("unknown row segment format".into()),
        };
        self.segments += 1;
        self.bytes += text.len();
        for line in lines {
            self.lines += 1;
            match line.strip_prefix('-') {
                Some(rest) => {
                    self.rows.remove(&self::text(rest.strip_prefix(FIELD).ok_or("bad removal line")?));
                }
                None if line.starts_with('+') => {
                    self.rows.upsert(parse_row(line, fields)?);
                }
                None => return Err("bad row line".into()),
            }
        }
        Ok(())
    }

    /// Make room for the rows of the whole log, `segments` long, guessed
    /// from what the segments replayed so far held: growing to 100,000 rows
    /// a few at a time copies them over and over.
    pub fn expect_segments(&mut self, segments: usize) {
        if let Some(per_segment) = self.rows.len().checked_div(self.segments) {
            self.rows.reserve((per_segment * segments.saturating_sub(self.segments)) * 9 / 8);
        }
    }

    pub fn finish(self) -> RowSet {
        self.rows
    }

    /// Whether the log replayed so far is worth rewriting compactly: most of
    /// its lines were replaced or removed since, or it is in many more
    /// segments than its size needs (each save adds a small one).
    pub fn worth_compacting(&self) -> bool {
        self.lines > 2 * self.rows.len() + 1000 || self.segments > 32 + 2 * self.bytes.div_ceil(SEGMENT_BYTES)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::RowFields;

    fn fields(id: &str, name: &str) -> RowFields {
        RowFields {
            id: id.into(),
            name: name.into(),
            contacts: vec!["王芳".into(), "Li \"Lee\" Wei".into()],
            contact_phones: vec!["139 0000 1111".into()],
            owner: Some("s1".into()),
            updated_at: DateTime::from_timestamp_millis(1_760_000_000_123).unwrap(),
            ..RowFields::default()
        }
    }

    fn row(id: &str, name: &str) -> CustomerRow {
        fields(id, name).into()
    }

    fn replay(segments: &[String]) -> Result<Vec<CustomerRow>, String> {
        let mut r = Replay::default();
        for s in segments {
            r.segment(s)?;
        }
        Ok(r.finish().into_rows())
    }

    #[test]
    fn rows_survive_a_round_trip_with_every_field() {
        let mut a = fields("a", "北京华联广告\n有限公司\u{1B}[x]\r");
        a.short_name = "\u{1B}".into();
        a.contacts.push(String::new());
        a.contacts.push("张\n三\u{1B}".into());
        a.status = Status::Lost;
        a.kind = CustomerKind::Dealer;
        a.confidentiality = Confidentiality::Department;
        a.co_owner = Some("s2".into());
        a.region = "华东".into();
        let a = CustomerRow::from(a);
        let back = replay(&[encode([("a", Some(&a))])]).unwrap();
        assert_eq!(back, vec![a.clone()]);
        assert_eq!(back[0].contacts().collect::<Vec<_>>(), ["王芳", "Li \"Lee\" Wei", "", "张\n三\u{1B}"]);
        assert_eq!(RowFields::from(back[0].clone()).short_name, "\u{1B}");
    }

    #[test]
    fn a_rows_standing_survives_and_version_1_and_2_segments_still_read() {
        let d = |days: i32| NaiveDate::from_num_days_from_ce_opt(days);
        let mut a = fields("a", "云帆传媒");
        a.standing = Some(Standing {
            grade: Some("战略\u{1F}级\n".into()),
            by_hand: true,
            org_form: "民营\u{1B}企业".into(),
            owed: Decimal::new(1_234_567_890_123, 2),
            first_due: d(739_000),
            limit: Some(Decimal::from(500_000)),
            temp_limit: Some(Decimal::new(75, 1)),
            temp_until: d(739_100),
            customer_type: "广告\n主".into(),
            currency: "HKD".into(),
        });
        let a = CustomerRow::from(a);
        let b = row("b", "Beta");
        let owes_nothing_graded = CustomerRow::from(RowFields { standing: Some(Standing { grade: Some("key".into()), ..Standing::default() }), ..fields("c", "Gamma") });
        // Cash only: a limit of nothing is a limit, not none.
        let cash_only = Standing { limit: Some(Decimal::ZERO), temp_limit: Some(Decimal::ZERO), temp_until: d(739_000), ..Standing::default() };
        let cash_only = CustomerRow::from(RowFields { standing: Some(cash_only), ..fields("d", "Delta") });
        let back = replay(&[encode([("a", Some(&a)), ("b", Some(&b)), ("c", Some(&owes_nothing_graded)), ("d", Some(&cash_only))])]).unwrap();
        assert_eq!(back, vec![a.clone(), b.clone(), owes_nothing_graded, cash_only]);
        assert_eq!(back[3].standing.as_ref().and_then(|s| s.limit), Some(Decimal::ZERO));
        assert_eq!(back[1].standing, None);
        // A segment written before rows had a standing: sixteen fields a line.
        let old: String = encode([("b", Some(&b))]).replace(HEADER, HEADER_1).trim_end_matches(FIELD).to_string();
        assert_eq!(old.matches(FIELD).count(), FIELDS_1 - 1);
        assert_eq!(replay(std::slice::from_ref(&old)).unwrap(), vec![b.clone()]);
        // Each version's lines in its own segments, replayed in order.
        let later = encode([("b", Some(&a))]);
        assert!(replay(&[old.clone(), later]).is_ok());
        // A version 1 segment with a version 2 line (or the reverse) is refused.
        assert!(replay(&[encode([("b", Some(&b))]).replace(HEADER, HEADER_1)]).is_err());
        assert!(replay(&[old.replace(HEADER_1, HEADER)]).is_err());
        // A segment written before the standing had the customer type: its
        // lines end at the temporary limit's end, and read with no type.
        let graded = CustomerRow::from(RowFields { standing: Some(Standing { grade: Some("key".into()), org_form: "民营".into(), ..Standing::default() }), ..fields("e", "Epsilon") });
        let v2: String = encode([("e", Some(&graded))]).replace(HEADER, HEADER_2).strip_suffix(&format!("{FIELD}{FIELD}")).unwrap().to_string();
        assert_eq!(v2.matches(FIELD).count(), FIELDS_2 - 1);
        assert_eq!(replay(&[v2.clone()]).unwrap(), vec![graded.clone()]);
        assert_eq!(replay(&[v2.clone()]).unwrap()[0].org_form(), "民营");
        assert_eq!(replay(&[v2.clone()]).unwrap()[0].currency(), "CNY");
        assert_eq!(back[0].currency(), "HKD");
        assert!(replay(&[v2.replace(HEADER_2, HEADER)]).is_err(), "a version 3 segment with a version 2 line");
    }

    #[test]
    fn control_bytes_are_found_exactly_wherever_they_are() {
        for b in 0..=255u8 {
            for at in 0..8 {
                for fill in [b'a', 0xE5, 0x1F, 0x20] {
                    let mut word = [fill; 8];
                    word[at] = b;
                    let want = word.iter().enumerate().filter(|(_, &w)| w < 0x20).fold(0, |m, (i, _)| m | 0x80 << (8 * i));
                    assert_eq!(below_space(u64::from_le_bytes(word)), want, "{b:#x} at {at} among {fill:#x}");
                }
            }
        }
    }

    #[test]
    fn lines_of_every_length_split_into_their_fields() {
        for extra in 0..20 {
            let r = row("a", &"名".repeat(extra));
            let line = encode([("a", Some(&r))]);
            assert_eq!(replay(&[line]).unwrap(), vec![r.clone()], "{extra}");
        }
    }

    #[test]
    fn later_segments_replace_and_remove_earlier_rows() {
        let first = compact(&mut [row("a", "Alpha"), row("b", "Beta"), row("c", "Gamma")].iter());
        let renamed = row("b", "Bravo");
        let later = encode([("b", Some(&renamed)), ("a", None), ("d", Some(&row("d", "Delta"))), ("x", None)]);
        let mut names: Vec<String> = replay(&[first[0].clone(), later]).unwrap().iter().map(|r| r.name().to_string()).collect();
        names.sort();
        assert_eq!(names, ["Bravo", "Delta", "Gamma"]);
    }

    #[test]
    fn a_removed_row_can_come_back() {
        let segs = [encode([("a", Some(&row("a", "Alpha")))]), encode([("a", None)]), encode([("a", Some(&row("a", "Again")))])];
        assert_eq!(replay(&segs).unwrap()[0].name(), "Again");
    }

    #[test]
    fn compaction_keeps_every_row_in_segments_of_bounded_size() {
        let rows: Vec<CustomerRow> = (0..2000).map(|i| row(&format!("c{i}"), &format!("Name {i}"))).collect();
        let segs = compact(&mut rows.iter());
        assert!(segs.len() > 1, "{} bytes in one segment", segs[0].len());
        assert!(segs.iter().all(|s| s.len() <= SEGMENT_BYTES));
        assert_eq!(replay(&segs).unwrap(), rows);
        let mut r = Replay::default();
        segs.iter().for_each(|s| r.segment(s).unwrap());
        assert!(!r.worth_compacting(), "a compact log");
    }

    #[test]
    fn a_log_of_many_saves_or_many_replaced_rows_is_worth_compacting() {
        let saves: Vec<String> = (0..100).map(|i| encode([("a", Some(&row("a", &format!("Name {i}"))))])).collect();
        let mut r = Replay::default();
        saves.iter().for_each(|s| r.segment(s).unwrap());
        assert!(r.worth_compacting(), "100 one-line segments for one row");
        let renamed: Vec<CustomerRow> = (0..3000).map(|i| row(&format!("c{}", i % 500), &format!("Name {i}"))).collect();
        let mut r = Replay::default();
        compact(&mut renamed.iter()).iter().for_each(|s| r.segment(s).unwrap());
        assert!(r.worth_compacting(), "3000 lines for 500 rows");
    }

    #[test]
    fn a_foreign_or_damaged_segment_is_refused() {
        assert!(replay(&["something else\n+".to_string()]).is_err());
        assert!(replay(&[format!("{HEADER}\n+\u{1F}a\u{1F}b")]).is_err(), "too few fields");
        assert!(replay(&[format!("{HEADER}\n[\"a\"]")]).is_err(), "not a row line");
        let good = encode([("a", Some(&row("a", "Alpha")))]);
        assert!(replay(&[good.replace("\u{1F}company\u{1F}", "\u{1F}planet\u{1F}")]).is_err(), "an unknown key");
    }
}
