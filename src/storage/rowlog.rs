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

use chrono::{DateTime, Utc};

use crate::domain::search::normalize;
use crate::domain::{Confidentiality, CustomerKind, CustomerRow, RowSet, Status};

/// The first line of every segment; a segment with another is not ours to read.
const HEADER: &str = "dossier-rows 1";

/// The most UTF-8 bytes a segment holds (unless one line is longer). A
/// stored value this small is kept in the database itself, not in a file
/// beside it, and the browser reads those without waiting for the page,
/// which is busy painting the first screen when the log is read.
pub const SEGMENT_BYTES: usize = 60_000;

const FIELD: char = '\u{1F}';
const ITEM: char = '\u{1E}';
const ESCAPE: char = '\u{1B}';
const FIELDS: usize = 16;

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

fn push_list(out: &mut String, items: &[String]) {
    for (n, item) in items.iter().enumerate() {
        if n > 0 {
            out.push(ITEM);
        }
        push_text(out, item);
    }
}

fn list(s: &str, escaped: bool) -> Vec<String> {
    if s.is_empty() {
        Vec::new()
    } else {
        s.split(ITEM).map(|item| field(item, escaped)).collect()
    }
}

/// A field's text; `escaped` says whether its line has any escape at all,
/// which most lines do not (one look per line instead of one per field).
fn field(s: &str, escaped: bool) -> String {
    if escaped {
        text(s)
    } else {
        s.to_string()
    }
}

fn push_row(out: &mut String, r: &CustomerRow) {
    out.push('+');
    for field in [&r.id, &r.name, &r.short_name] {
        out.push(FIELD);
        push_text(out, field);
    }
    for key in [r.kind.as_str(), r.status.as_str()] {
        out.push(FIELD);
        out.push_str(key);
    }
    for who in [&r.owner, &r.co_owner] {
        out.push(FIELD);
        push_text(out, who.as_deref().unwrap_or_default());
    }
    out.push(FIELD);
    out.push_str(r.confidentiality.as_str());
    for field in [&r.industry, &r.region, &r.phone] {
        out.push(FIELD);
        push_text(out, field);
    }
    out.push(FIELD);
    push_list(out, &r.contacts);
    out.push(FIELD);
    push_list(out, &r.contact_phones);
    out.push(FIELD);
    out.push_str(&r.updated_at.timestamp_millis().to_string());
    out.push(FIELD);
    out.push_str(&r.reviewed_at.timestamp_millis().to_string());
}

fn parse_row(line: &str) -> Result<CustomerRow, String> {
    let mut f = [""; FIELDS];
    let mut n = 0;
    for field in line.split(FIELD) {
        if n < FIELDS {
            f[n] = field;
        }
        n += 1;
    }
    if n != FIELDS {
        return Err(format!("a row line has {n} fields, not {FIELDS}"));
    }
    let key = |s: &str, what: &str| format!("unknown {what} {s}");
    let at = |s: &str| -> Result<DateTime<Utc>, String> {
        s.parse::<i64>().ok().and_then(DateTime::from_timestamp_millis).ok_or_else(|| format!("bad time {s}"))
    };
    let escaped = line.as_bytes().contains(&(ESCAPE as u8));
    let text = |s: &str| field(s, escaped);
    let who = |s: &str| if s.is_empty() { None } else { Some(text(s)) };
    let name = text(f[2]);
    Ok(CustomerRow {
        id: text(f[1]),
        sort: normalize(&name),
        name,
        short_name: text(f[3]),
        kind: CustomerKind::parse(f[4]).ok_or_else(|| key(f[4], "kind"))?,
        status: Status::parse(f[5]).ok_or_else(|| key(f[5], "status"))?,
        owner: who(f[6]),
        co_owner: who(f[7]),
        confidentiality: Confidentiality::parse(f[8]).ok_or_else(|| key(f[8], "confidentiality"))?,
        industry: text(f[9]),
        region: text(f[10]),
        phone: text(f[11]),
        contacts: list(f[12], escaped),
        contact_phones: list(f[13], escaped),
        updated_at: at(f[14])?,
        reviewed_at: at(f[15])?,
    })
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

/// The rows as compact segments.
pub fn compact(rows: &[CustomerRow]) -> Vec<String> {
    segments(rows.iter().map(|r| (r.id.as_str(), Some(r))))
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
        if lines.next() != Some(HEADER) {
            return Err("unknown row segment format".into());
        }
        self.segments += 1;
        self.bytes += text.len();
        for line in lines {
            self.lines += 1;
            match line.strip_prefix('-') {
                Some(rest) => {
                    self.rows.remove(&self::text(rest.strip_prefix(FIELD).ok_or("bad removal line")?));
                }
                None if line.starts_with('+') => {
                    self.rows.upsert(parse_row(line)?);
                }
                None => return Err("bad row line".into()),
            }
        }
        Ok(())
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

    fn row(id: &str, name: &str) -> CustomerRow {
        CustomerRow {
            id: id.into(),
            name: name.into(),
            contacts: vec!["王芳".into(), "Li \"Lee\" Wei".into()],
            contact_phones: vec!["139 0000 1111".into()],
            owner: Some("s1".into()),
            updated_at: DateTime::from_timestamp_millis(1_760_000_000_123).unwrap(),
            sort: normalize(name),
            ..CustomerRow::default()
        }
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
        let mut a = row("a", "北京华联广告\n有限公司\u{1F}\u{1E}\u{1B}[x]\r");
        a.short_name = "\u{1B}".into();
        a.contacts.push(String::new());
        a.status = Status::Lost;
        a.kind = CustomerKind::Dealer;
        a.confidentiality = Confidentiality::Department;
        a.co_owner = Some("s2".into());
        a.region = "华东".into();
        let back = replay(&[encode([("a", Some(&a))])]).unwrap();
        assert_eq!(back, vec![a]);
    }

    #[test]
    fn later_segments_replace_and_remove_earlier_rows() {
        let first = compact(&[row("a", "Alpha"), row("b", "Beta"), row("c", "Gamma")]);
        let renamed = row("b", "Bravo");
        let later = encode([("b", Some(&renamed)), ("a", None), ("d", Some(&row("d", "Delta"))), ("x", None)]);
        let mut names: Vec<String> = replay(&[first[0].clone(), later]).unwrap().into_iter().map(|r| r.name).collect();
        names.sort();
        assert_eq!(names, ["Bravo", "Delta", "Gamma"]);
    }

    #[test]
    fn a_removed_row_can_come_back() {
        let segs = [encode([("a", Some(&row("a", "Alpha")))]), encode([("a", None)]), encode([("a", Some(&row("a", "Again")))])];
        assert_eq!(replay(&segs).unwrap()[0].name, "Again");
    }

    #[test]
    fn compaction_keeps_every_row_in_segments_of_bounded_size() {
        let rows: Vec<CustomerRow> = (0..2000).map(|i| row(&format!("c{i}"), &format!("Name {i}"))).collect();
        let segs = compact(&rows);
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
        compact(&renamed).iter().for_each(|s| r.segment(s).unwrap());
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
