//! Search as you type, filters and sorting over the customer list, in memory.
//! Text is folded so that full-width and half-width characters, letter case,
//! spaces and phone separators do not matter.

use std::cmp::Ordering;

use chrono::{DateTime, Utc};

use super::sorting;
use super::staff::Viewer;
use super::row::{Upserted, FIELD, ITEM};
use super::{Confidentiality, CustomerKind, CustomerRow, RowSet, Scope, Status};

/// Full-width ASCII (typed with a Chinese input method) to half-width; the
/// ideographic space to a space.
pub fn fold_width(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

fn fold_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// ASCII that matching ignores: spaces and phone separators.
fn ignored(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' | b'-' | b'(' | b')' | b'.' | b'/' | b'+')
}

/// Append `s` in the form both the text and the query take before matching.
/// Runs that stay as they are (lower-case ASCII, digits, Chinese) are copied
/// whole: this runs over every row at start-up.
pub(crate) fn normalize_into(s: &str, out: &mut String) {
    let bytes = s.as_bytes();
    let mut run = 0;
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        if b.is_ascii() {
            if !b.is_ascii_uppercase() && !ignored(b) {
                at += 1;
                continue;
            }
            out.push_str(&s[run..at]);
            at += 1;
            run = at;
            if !ignored(b) {
                out.push(b.to_ascii_lowercase() as char);
            }
            continue;
        }
        // Chinese characters, kana and CJK punctuation (U+3001 to U+9FFF) have
        // no case, no width to fold and no spaces: the common case, told by
        // its bytes and kept off the checks below. U+3000 is the ideographic
        // space; U+30FB, the katakana middle dot, separates names.
        if matches!(b, 0xE4..=0xE9) || (b == 0xE3 && !matches!(bytes[at + 1..at + 3], [0x80, 0x80] | [0x83, 0xBB])) {
            at += 3;
            continue;
        }
        let Some(c) = s[at..].chars().next() else { break };
        out.push_str(&s[run..at]);
        at += c.len_utf8();
        run = at;
        let c = fold_char(c);
        if c.is_whitespace() || matches!(c, '-' | '(' | ')' | '.' | '/' | '+' | '·' | '・') {
            continue;
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out.push_str(&s[run..]);
}

/// The form both the text and the query take before matching.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    normalize_into(s, &mut out);
    out
}

/// Whether `needle` occurs in `hay` (both UTF-8, so a match can only start
/// where a character does). Over 100,000 short haystacks this beats
/// `str::contains`, which sets up a fresh searcher for every one.
///
/// It looks for the needle's byte at `anchor` (the rarest, see [`anchor`]),
/// eight places at a time; where it is found, for its neighbour in the
/// needle too; and where both are, compares up to eight bytes of the needle
/// as one number. Phone numbers are full of whatever digit a search starts
/// with, and Chinese text of the first byte of whatever character it starts
/// with, so most of the work is skipping past those cheaply.
fn contains(hay: &[u8], needle: &[u8], anchor: usize) -> bool {
    let Some(last_start) = hay.len().checked_sub(needle.len()) else { return false };
    if needle.len() < 2 {
        return needle.first().is_none_or(|b| hay.contains(b));
    }
    let head = &needle[..needle.len().min(8)];
    let mask = u64::MAX >> (8 * (8 - head.len()));
    let want = word(head);
    let found_at = |at: usize| {
        let window = match hay.get(at..at + 8) {
            Some(w) => u64::from_le_bytes(w.try_into().unwrap_or_default()),
            None => word(&hay[at..]),
        };
        window & mask == want && hay[at + head.len()..at + needle.len()] == needle[head.len()..]
    };
    // The anchor byte's neighbour: the next one, or for the last, the one before.
    let next = if anchor + 1 < needle.len() { anchor + 1 } else { anchor - 1 };
    let (rare, near) = (ONES * needle[anchor] as u64, ONES * needle[next] as u64);
    // Where the anchor byte may be: the needle then fits.
    let end = last_start + anchor + 1;
    let mut at = anchor;
    while at + 8 <= end && at + 9 <= hay.len() {
        let mut both = zero_bytes(load(hay, at) ^ rare);
        if both != 0 {
            both &= zero_bytes(load(hay, at + next - anchor) ^ near);
            while both != 0 {
                if found_at(at + (both.trailing_zeros() / 8) as usize - anchor) {
                    return true;
                }
                both &= both - 1;
            }
        }
        at += 8;
    }
    (at..end).any(|p| hay[p] == needle[anchor] && found_at(p - anchor))
}

const ONES: u64 = 0x0101_0101_0101_0101;

/// The eight bytes at `at`, as a little-endian number.
#[inline(always)]
fn load(hay: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(hay[at..at + 8].try_into().unwrap_or_default())
}

/// A flag in the high bit of every byte of `x` that is zero (and perhaps of
/// some bytes above one that is: the callers check every place flagged).
#[inline(always)]
fn zero_bytes(x: u64) -> u64 {
    x.wrapping_sub(ONES) & !x & (ONES << 7)
}

/// Which byte of `needle` [`contains`] should look for first: the one least
/// common in a sample of the haystacks (not the 1 that starts every mobile
/// number; in Chinese, not a character's first byte, which thousands of
/// characters share).
fn anchor(rows: &[CustomerRow], needle: &[u8]) -> usize {
    let mut seen = [0u32; 256];
    for row in rows.iter().step_by((rows.len() / 1024).max(1)) {
        for &b in row.hay().as_bytes() {
            seen[b as usize] += 1;
        }
    }
    (0..needle.len()).min_by_key(|&i| seen[needle[i] as usize]).unwrap_or(0)
}

/// Which pairs of neighbouring bytes a text holds, each pair hashed to one
/// of 256 bits. A row whose signature lacks a bit of the search's cannot
/// hold the search, and is passed over without reading its text: the
/// signatures of 100,000 rows are 3 MB side by side, their texts 15 MB
/// spread over the heap, and reading those is most of what a search costs.
/// A search of one byte has no pairs, and looks at every row.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Signature([u64; 4]);

impl Signature {
    fn of(text: &[u8]) -> Self {
        let mut bits = [0u64; 4];
        for pair in text.windows(2) {
            let h = (u32::from(pair[0]) << 8 | u32::from(pair[1])).wrapping_mul(0x9E37_79B1) >> 24;
            bits[(h >> 6) as usize] |= 1 << (h & 63);
        }
        Signature(bits)
    }

    /// Whether every pair `other` holds may be in this one's text.
    #[inline(always)]
    fn covers(&self, other: &Signature) -> bool {
        let (a, b) = (&self.0, &other.0);
        (b[0] & !a[0]) | (b[1] & !a[1]) | (b[2] & !a[2]) | (b[3] & !a[3]) == 0
    }
}

/// Every row's haystack ([`CustomerRow::hay`]) copied side by side, by
/// position, each with its [`Signature`]. A search reads them in one sweep
/// up the memory: read from the rows, each in its own allocation, they cost
/// a trip to memory apiece whenever rows are skipped. A changed row's text
/// goes on the end, and the texts are packed again once more is left over
/// than is in use.
#[derive(Clone, Debug, Default)]
struct Hays {
    text: Vec<u8>,
    spans: Vec<(u32, u32)>,
    signatures: Vec<Signature>,
    /// Bytes of `text` no span covers any more.
    unused: usize,
}

impl Hays {
    fn new<'a>(hays: impl Iterator<Item = &'a str> + Clone) -> Self {
        // With room to spare: the first save would otherwise copy them all
        // to memory twice their size.
        let spare = |n: usize| n + n / 16 + 64;
        let rows = hays.size_hint().0;
        let mut all = Hays::default();
        all.text.reserve(spare(hays.clone().map(str::len).sum()));
        all.spans.reserve(spare(rows));
        all.signatures.reserve(spare(rows));
        for hay in hays {
            all.push(hay);
        }
        all
    }

    fn push(&mut self, hay: &str) {
        let start = self.text.len();
        self.text.extend_from_slice(hay.as_bytes());
        self.spans.push((start as u32, self.text.len() as u32));
        self.signatures.push(Signature::of(hay.as_bytes()));
    }

    fn get(&self, i: usize) -> &[u8] {
        let (start, end) = self.spans[i];
        &self.text[start as usize..end as usize]
    }

    /// Row `i`'s haystack is now `hay` (`i` may be one past the end: a new row).
    fn set(&mut self, i: usize, hay: &str) {
        if i < self.spans.len() {
            self.unused += self.get(i).len();
            self.push(hay);
            self.spans.swap_remove(i);
            self.signatures.swap_remove(i);
            self.pack_if_sparse();
        } else {
            self.push(hay);
        }
    }

    /// Drops row `i`: the last row takes its place, as in [`RowSet::remove`].
    fn swap_remove(&mut self, i: usize) {
        self.unused += self.get(i).len();
        self.spans.swap_remove(i);
        self.signatures.swap_remove(i);
        self.pack_if_sparse();
    }

    fn pack_if_sparse(&mut self) {
        if self.unused > 4096 && self.unused > self.text.len() / 2 {
            let kept = Vec::with_capacity(self.spans.len());
            let spans = std::mem::replace(&mut self.spans, kept);
            let mut text = Vec::with_capacity(self.text.len() - self.unused);
            for (start, end) in spans.iter().copied() {
                let at = text.len() as u32;
                text.extend_from_slice(&self.text[start as usize..end as usize]);
                self.spans.push((at, text.len() as u32));
            }
            self.text = text;
            self.unused = 0;
        }
    }
}

/// Up to eight bytes as a little-endian number, zero-padded.
#[inline(always)]
fn word(bytes: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    let n = bytes.len().min(8);
    w[..n].copy_from_slice(&bytes[..n]);
    u64::from_le_bytes(w)
}

/// Positions of `rows` in name order (the normalised name, then the id).
/// Sorted first on the leading eight bytes of the name, which settles most
/// comparisons without touching the strings; ties are then put in full order.
/// Rows mostly in name order already (as the compacted row log keeps them)
/// cost little more than a look at each.
fn name_order(rows: &[CustomerRow]) -> Vec<usize> {
    let lead = |s: &str| {
        let mut b = [0u8; 8];
        let n = s.len().min(8);
        b[..n].copy_from_slice(&s.as_bytes()[..n]);
        u64::from_be_bytes(b)
    };
    // Each row's key looked up once, not at every comparison.
    let keys: Vec<(&str, &str)> = rows.iter().map(|r| (r.sort(), r.id())).collect();
    let keyed = sort_mostly_sorted(keys.iter().enumerate().map(|(i, k)| (lead(k.0), i)).collect());
    let mut order: Vec<usize> = keyed.iter().map(|&(_, i)| i).collect();
    let mut start = 0;
    while start < keyed.len() {
        let end = start + keyed[start..].iter().take_while(|k| k.0 == keyed[start].0).count();
        if end - start > 1 {
            sorting::positions(&mut order[start..end], &|a, b| keys[a].cmp(&keys[b]));
        }
        start = end;
    }
    order
}

/// Sort `items`, in one pass and a small sort when nearly all are in order:
/// those out of place (smaller than the last kept, or larger than the next)
/// are taken out, sorted, and merged back. When many are, it is an ordinary sort.
fn sort_mostly_sorted(mut items: Vec<(u64, usize)>) -> Vec<(u64, usize)> {
    let mut kept = Vec::with_capacity(items.len());
    let mut strays = Vec::new();
    for (i, &item) in items.iter().enumerate() {
        let fits = kept.last().is_none_or(|last| *last <= item) && items.get(i + 1).is_none_or(|next| item <= *next);
        if fits { kept.push(item) } else { strays.push(item) }
    }
    if strays.len() > items.len() / 8 {
        sorting::sort_hot(&mut items);
        return items;
    }
    sorting::sort_hot(&mut strays);
    let mut merged = Vec::with_capacity(items.len());
    let (mut k, mut s) = (0, 0);
    while k < kept.len() && s < strays.len() {
        if strays[s] < kept[k] {
            merged.push(strays[s]);
            s += 1;
        } else {
            merged.push(kept[k]);
            k += 1;
        }
    }
    merged.extend_from_slice(&kept[k..]);
    merged.extend_from_slice(&strays[s..]);
    merged
}

/// Rows in name order: the normalised name, then the id.
fn by_name(a: &CustomerRow, b: &CustomerRow) -> Ordering {
    a.sort().cmp(b.sort()).then_with(|| a.id().cmp(b.id()))
}

key_enum! {
    pub enum SortKey {
        Name = "name",
        Status = "status",
        Owner = "owner",
        Industry = "industry",
        Region = "region",
        Updated = "updated",
        Reviewed = "reviewed",
    }
}

/// Which owner the list is filtered to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OwnerFilter {
    Any,
    Unassigned,
    Staff(String),
}

/// What the list shows: search text, filters, scope and order.
#[derive(Clone, Debug, PartialEq)]
pub struct ListQuery {
    pub text: String,
    pub status: Option<Status>,
    pub kind: Option<CustomerKind>,
    pub owner: OwnerFilter,
    pub industry: Option<String>,
    pub region: Option<String>,
    pub confidentiality: Option<Confidentiality>,
    /// A tier's id; the empty id for customers not graded.
    pub grade: Option<String>,
    /// Only customers whose credit needs attention on this day: something
    /// overdue, or owing more than the limit in force.
    pub attention_on: Option<chrono::NaiveDate>,
    /// Only these customers (the key accounts, say).
    pub among: Option<std::sync::Arc<rustc_hash::FxHashSet<String>>>,
    pub scope: Scope,
    pub sort: SortKey,
    pub descending: bool,
}

impl Default for ListQuery {
    fn default() -> Self {
        ListQuery {
            text: String::new(),
            status: None,
            kind: None,
            owner: OwnerFilter::Any,
            industry: None,
            region: None,
            confidentiality: None,
            grade: None,
            attention_on: None,
            among: None,
            scope: Scope::All,
            sort: SortKey::Name,
            descending: false,
        }
    }
}

impl ListQuery {
    /// Whether every row this query shows is also shown by `before`, in the
    /// same order: only the search text grew (as it does while someone
    /// types), so the new hits can be picked out of the old ones.
    pub fn narrows(&self, before: &ListQuery) -> bool {
        let same_but_text = ListQuery { text: before.text.clone(), ..self.clone() } == *before;
        same_but_text && normalize(&self.text).contains(&normalize(&before.text))
    }
}

/// Every index, and every change to one, gets a new number, so a cached
/// search result can tell whether it still describes the rows.
fn next_generation() -> u64 {
    super::ids::next_local()
}

/// The rows with their normalised text, kept in memory and updated on write.
/// Lookups by id go through a map and the name order is kept as rows change,
/// so a save or another tab's change costs the same at 100 customers as at
/// 100,000, and a search in name order never sorts.
#[derive(Clone, Debug, Default)]
pub struct CustomerIndex {
    set: RowSet,
    /// Every position, in name order (the normalised name, then the id).
    by_name: Vec<usize>,
    /// The haystacks side by side, once [`CustomerIndex::prepare_search`]
    /// has run; till then a search reads each row's own.
    hays: Option<Hays>,
    /// False while only the first screen of rows is loaded.
    complete: bool,
    generation: u64,
}

impl CustomerIndex {
    pub fn new(rows: impl Into<RowSet>) -> Self {
        let set = rows.into();
        let by_name = name_order(set.rows());
        CustomerIndex { set, by_name, hays: None, complete: true, generation: next_generation() }
    }

    /// Lay the rows' haystacks side by side, with their signatures ([`Hays`]):
    /// searches are then about twice as fast. Worth it for the list people
    /// search; done once it has painted, since at 100,000 rows it takes
    /// longer than a search.
    pub fn prepare_search(&mut self) {
        if self.hays.is_none() {
            self.hays = Some(Hays::new(self.rows().iter().map(CustomerRow::hay)));
        }
    }

    /// The first rows of the list, shown while the rest loads.
    pub fn first_screen(rows: impl Into<RowSet>) -> Self {
        CustomerIndex { complete: false, ..Self::new(rows) }
    }

    /// Changes whenever the rows do (and differs between indexes).
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Whether every customer is loaded (not just the first screen).
    pub fn is_complete(&self) -> bool {
        self.complete
    }

    pub fn len(&self) -> usize {
        self.set.len()
    }

    pub fn is_empty(&self) -> bool {
        self.set.is_empty()
    }

    /// The rows, by id.
    pub fn into_row_set(self) -> RowSet {
        self.set
    }

    pub fn rows(&self) -> &[CustomerRow] {
        self.set.rows()
    }

    /// Whether the rows are held far from name order (more than one in
    /// eight is not followed in name order by the next one held): the row
    /// log is then worth rewriting in name order, for a quicker next start.
    pub fn held_out_of_name_order(&self) -> bool {
        let apart = self.by_name.windows(2).filter(|w| w[1] != w[0] + 1).count();
        apart > self.by_name.len() / 8
    }

    /// Every row in name order.
    pub fn in_name_order(&self) -> impl Iterator<Item = &CustomerRow> {
        self.by_name.iter().map(|&i| &self.rows()[i])
    }

    pub fn get(&self, i: usize) -> Option<&CustomerRow> {
        self.rows().get(i)
    }

    pub fn find(&self, id: &str) -> Option<&CustomerRow> {
        self.set.position(id).map(|i| &self.rows()[i])
    }

    /// Where row `i` stands in name order.
    fn name_rank(&self, i: usize) -> usize {
        let rows = self.rows();
        self.by_name.binary_search_by(|&j| by_name(&rows[j], &rows[i])).unwrap_or_else(|at| at)
    }

    /// Insert or replace a row.
    pub fn upsert(&mut self, row: CustomerRow) {
        self.generation = next_generation();
        // A row that changes its sort key leaves its place in name order first.
        if let Some(i) = self.set.position(row.id()).filter(|&i| self.rows()[i].sort() != row.sort()) {
            let rank = self.name_rank(i);
            self.by_name.remove(rank);
        }
        if let Some(hays) = &mut self.hays {
            hays.set(self.set.position(row.id()).unwrap_or(self.set.len()), row.hay());
        }
        match self.set.upsert(row) {
            Upserted::Replaced(_) => {}
            Upserted::Moved(i) | Upserted::Added(i) => {
                let rank = self.name_rank(i);
                self.by_name.insert(rank, i);
            }
        }
    }

    pub fn remove(&mut self, id: &str) {
        let Some(i) = self.set.position(id) else { return };
        self.generation = next_generation();
        let rank = self.name_rank(i);
        self.by_name.remove(rank);
        let last = self.set.len() - 1;
        if i != last {
            // The last row moves into the gap.
            let rank = self.name_rank(last);
            self.by_name[rank] = i;
        }
        if let Some(hays) = &mut self.hays {
            hays.swap_remove(i);
        }
        self.set.remove(id);
    }

    /// Positions of the rows the query shows, in its order. `viewer` is the
    /// current user; with none set, every row is shown.
    /// `owner_name` turns a staff id into the name the owner column sorts by.
    pub fn query(&self, q: &ListQuery, viewer: Option<&Viewer>, owner_name: &dyn Fn(&str) -> String) -> Vec<usize> {
        let keep = self.shows(q, viewer);
        // Scan in storage order (memory order, the fast way through 100,000 rows).
        let mut hits: Vec<usize> = (0..self.rows().len()).filter(|&i| keep(i)).collect();
        if q.sort == SortKey::Name && hits.len() > 64 && hits.len() > self.rows().len() / 16 {
            // Many hits: pick them out of the kept name order instead of sorting.
            let mut hit = vec![false; self.rows().len()];
            for &i in &hits {
                hit[i] = true;
            }
            let ordered = self.by_name.iter().copied().filter(|&i| hit[i]);
            return if q.descending { ordered.rev().collect() } else { ordered.collect() };
        }
        let cmp = |a: usize, b: usize| -> Ordering {
            let (ra, rb) = (&self.rows()[a], &self.rows()[b]);
            let primary = match q.sort {
                SortKey::Name => Ordering::Equal,
                SortKey::Status => ra.status.cmp(&rb.status),
                SortKey::Owner => {
                    let n = |r: &CustomerRow| r.owner().map(owner_name).unwrap_or_default();
                    n(ra).cmp(&n(rb))
                }
                SortKey::Industry => ra.industry().cmp(rb.industry()),
                SortKey::Region => ra.region().cmp(rb.region()),
                SortKey::Updated => ra.updated_at.cmp(&rb.updated_at),
                SortKey::Reviewed => ra.reviewed_at.cmp(&rb.reviewed_at),
            };
            let o = primary.then_with(|| by_name(ra, rb));
            if q.descending {
                o.reverse()
            } else {
                o
            }
        };
        // `cmp` ends on the id, so no two rows are equal in it.
        sorting::positions(&mut hits, &cmp);
        hits
    }

    /// The hits of a query that [narrows](ListQuery::narrows) the one that
    /// found `before` (same rows, same viewer): those of `before` it keeps,
    /// in their order. Typing a longer search looks only at the last hits,
    /// when they are few; through many, a scan in storage order is faster
    /// than hopping about memory in list order.
    pub fn refine(&self, before: &[usize], q: &ListQuery, viewer: Option<&Viewer>, owner_name: &dyn Fn(&str) -> String) -> Vec<usize> {
        if before.len() > 64 && before.len() > self.rows().len() / 16 {
            return self.query(q, viewer, owner_name);
        }
        let keep = self.shows(q, viewer);
        before.iter().copied().filter(|&i| i < self.rows().len() && keep(i)).collect()
    }

    /// Whether the query shows row `i`.
    fn shows<'a>(&'a self, q: &'a ListQuery, viewer: Option<&'a Viewer>) -> impl Fn(usize) -> bool + 'a {
        let mut needle = normalize(&q.text);
        // What separates the parts of a haystack is never part of a match.
        needle.retain(|c| c != FIELD && c != ITEM);
        let anchor = anchor(self.rows(), needle.as_bytes());
        let wanted = Signature::of(needle.as_bytes());
        move |i: usize| {
            let r = &self.rows()[i];
            let found = match &self.hays {
                Some(hays) => hays.signatures[i].covers(&wanted) && contains(hays.get(i), needle.as_bytes(), anchor),
                None => contains(r.hay().as_bytes(), needle.as_bytes(), anchor),
            };
            found
                && q.status.is_none_or(|s| r.status == s)
                && q.kind.is_none_or(|k| r.kind == k)
                && q.confidentiality.is_none_or(|c| r.confidentiality == c)
                && q.industry.as_ref().is_none_or(|v| r.industry() == v)
                && q.region.as_ref().is_none_or(|v| r.region() == v)
                && q.grade.as_ref().is_none_or(|g| r.grade().unwrap_or_default() == g)
                && q.attention_on.is_none_or(|day| r.standing.as_ref().is_some_and(|s| s.overdue(day) || s.over_limit(day)))
                && q.among.as_ref().is_none_or(|ids| ids.contains(r.id()))
                && match &q.owner {
                    OwnerFilter::Any => true,
                    OwnerFilter::Unassigned => r.owner().is_none(),
                    OwnerFilter::Staff(id) => r.owner() == Some(id) || r.co_owner() == Some(id),
                }
                && viewer.is_none_or(|v| v.shows(&r.visibility(), q.scope))
        }
    }

    /// Distinct non-empty values of a column, sorted, for filter menus.
    /// The few distinct values are kept in order as the rows go by, and only
    /// they are copied: the menus are rebuilt whenever the rows change.
    pub fn values(&self, column: impl Fn(&CustomerRow) -> &str) -> Vec<String> {
        let mut distinct: Vec<&str> = Vec::new();
        for value in self.rows().iter().map(column).filter(|s| !s.is_empty()) {
            if let Err(at) = distinct.binary_search(&value) {
                distinct.insert(at, value);
            }
        }
        distinct.into_iter().map(str::to_string).collect()
    }

    /// Rows not reviewed for [`super::row::REVIEW_DAYS`] that `visible` lets through.
    pub fn stale(&self, now: DateTime<Utc>, visible: impl Fn(&CustomerRow) -> bool) -> impl Iterator<Item = &CustomerRow> {
        let cutoff = super::row::review_cutoff(now);
        self.rows().iter().filter(move |r| r.overdue(cutoff) && visible(r))
    }

    /// Rows not reviewed for [`super::row::REVIEW_DAYS`], grouped by owner
    /// (unassigned last), the stalest first within each group.
    pub fn stale_by_owner(&self, now: DateTime<Utc>, visible: impl Fn(&CustomerRow) -> bool) -> Vec<(Option<String>, Vec<&CustomerRow>)> {
        let mut groups: Vec<(Option<String>, Vec<&CustomerRow>)> = Vec::new();
        for r in self.stale(now, visible) {
            match groups.iter_mut().find(|(o, _)| o.as_deref() == r.owner()) {
                Some((_, rows)) => rows.push(r),
                None => groups.push((r.owner().map(str::to_string), vec![r])),
            }
        }
        for (_, rows) in &mut groups {
            sorting::sort_by(rows, |a, b| (a.reviewed_at, a.id()).cmp(&(b.reviewed_at, b.id())));
        }
        sorting::sort_by(&mut groups, |a, b| match (&a.0, &b.0) {
            (None, None) => Ordering::Equal,
            (None, _) => Ordering::Greater,
            (_, None) => Ordering::Less,
            (Some(x), Some(y)) => x.cmp(y),
        });
        groups
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::staff::{departments, Role};
    use crate::domain::{RowFields, Staff};

    fn fields(id: &str, name: &str) -> RowFields {
        RowFields { id: id.into(), name: name.into(), ..RowFields::default() }
    }

    fn row(id: &str, name: &str) -> CustomerRow {
        fields(id, name).into()
    }

    fn rows(fields: Vec<RowFields>) -> Vec<CustomerRow> {
        fields.into_iter().map(CustomerRow::from).collect()
    }

    #[test]
    fn contains_agrees_with_the_standard_search() {
        let hays = ["", "a", "harbour lights", "华联广告\u{1F}13900001111\u{1F}王芳", "aaab", "abab", "上海远航上海远东", "0123456789abcdef0123456789abcdef"];
        let needles = ["", "a", "b", "ab", "aab", "harbour", "lights", "s", "华联", "广告\u{1F}139", "王芳", "芳", "远东", "海远", "x", "harbour lights!", "1111", "89abcdef0123", "f", "cdef", "0123456789abcdef0123456789abcdef"];
        for h in hays {
            for n in needles {
                for anchor in 0..n.len().max(1) {
                    assert_eq!(contains(h.as_bytes(), n.as_bytes(), anchor), h.contains(n), "{n:?} in {h:?}, anchored at {anchor}");
                }
            }
        }
    }

    #[test]
    fn filter_menus_list_each_value_once_in_order() {
        let mut all = vec![fields("a", "A"), fields("b", "B"), fields("c", "C"), fields("d", "D")];
        for (r, industry) in all.iter_mut().zip(["广告", "", "Events", "广告"]) {
            r.industry = industry.into();
        }
        assert_eq!(CustomerIndex::new(rows(all)).values(CustomerRow::industry), ["Events", "广告"]);
    }

    #[test]
    fn a_mostly_sorted_list_sorts_like_any_other() {
        let sorted: Vec<u32> = (0..200).map(|i| i * 10).collect();
        let mut cases = vec![sorted.clone(), vec![], vec![7], sorted.iter().rev().copied().collect()];
        // Rows added at the end, renamed in the middle (to sort earlier, later,
        // or two in a row to the end), or at the very start.
        for changes in [vec![(200, 5)], vec![(50, 3)], vec![(50, 1995)], vec![(50, 1996), (51, 1997)], vec![(0, 1999)], vec![(199, 0)]] {
            let mut v = sorted.clone();
            for (at, key) in changes {
                if at < v.len() { v[at] = key } else { v.push(key) }
            }
            cases.push(v);
        }
        let mut rng = crate::domain::ids::SplitMix(7);
        cases.push((0..300).map(|_| rng.below(50) as u32).collect());
        for case in cases {
            let case: Vec<(u64, usize)> = case.iter().enumerate().map(|(i, &k)| (k as u64, i % 3)).collect();
            let mut want = case.clone();
            want.sort();
            assert_eq!(sort_mostly_sorted(case.clone()), want, "{case:?}");
        }
    }

    #[test]
    fn rows_held_in_name_order_are_told_from_rows_held_anyhow() {
        let names: Vec<String> = (0..100).map(|i| format!("Name {i:03}")).collect();
        let ordered = CustomerIndex::new(names.iter().map(|n| row(n, n)).collect::<Vec<_>>());
        assert!(!ordered.held_out_of_name_order());
        let shuffled = CustomerIndex::new(names.iter().enumerate().map(|(i, _)| &names[(i * 37) % 100]).map(|n| row(n, n)).collect::<Vec<_>>());
        assert!(shuffled.held_out_of_name_order());
    }

    #[test]
    fn name_order_settles_ties_past_the_first_eight_bytes() {
        let names = ["Harbour Lights B", "Harbour Lights A", "Harb", "上海远航广告", "上海远东广告", "Same", "Same", "", "a", "HARBOUR lights a"];
        let set = RowSet::from(names.iter().enumerate().map(|(i, n)| row(&format!("r{}", 9 - i), n)).collect::<Vec<_>>());
        let rows = set.rows();
        let mut expected: Vec<usize> = (0..rows.len()).collect();
        expected.sort_by(|&a, &b| (normalize(rows[a].name()), rows[a].id()).cmp(&(normalize(rows[b].name()), rows[b].id())));
        assert_eq!(name_order(rows), expected);
        let shown: Vec<&str> = name_order(rows).into_iter().map(|i| rows[i].name()).collect();
        assert_eq!(shown, ["", "a", "Harb", "HARBOUR lights a", "Harbour Lights A", "Harbour Lights B", "Same", "Same", "上海远东广告", "上海远航广告"]);
    }

    #[test]
    fn normalisation_folds_width_case_and_separators() {
        let cases = [
            ("ＡＢＣ广告", "abc广告"),
            ("138-1234 5678", "13812345678"),
            ("（０１０）６１２３", "0106123"),
            ("Li\u{3000}Wei", "liwei"),
            ("华联 广告", "华联广告"),
            ("山田・太郎", "山田太郎"),
            ("「华联」广告。", "「华联」广告。"),
            ("\u{3000}华\u{3000}联\u{3000}", "华联"),
            ("ÉCOLE Ünïon", "écoleünïon"),
            ("𠮷野家", "𠮷野家"),
        ];
        for (input, want) in cases {
            assert_eq!(normalize(input), want, "{input}");
        }
    }

    #[test]
    fn search_matches_names_short_names_contacts_and_phones() {
        let mut a = fields("a", "北京华联广告有限公司");
        a.short_name = "华联".into();
        a.contacts = vec!["王芳".into(), "Li Wei".into()];
        a.contact_phones = vec!["139-0000-1111".into()];
        let mut b = fields("b", "Sunrise Events Ltd");
        b.phone = "+86 21 6123 4567".into();
        let index = CustomerIndex::new(rows(vec![a, b]));
        let find = |text: &str| -> Vec<String> {
            let q = ListQuery { text: text.into(), ..ListQuery::default() };
            index.query(&q, None, &|s| s.to_string()).iter().map(|&i| index.get(i).unwrap().id().to_string()).collect()
        };
        assert_eq!(find("华联"), vec!["a"]);
        assert_eq!(find("王芳"), vec!["a"]);
        assert_eq!(find("li wei"), vec!["a"]);
        // Not across two contacts, nor across a separator typed into the search.
        assert!(find("芳li").is_empty());
        assert_eq!(find("王\u{1E}芳"), vec!["a"]);
        assert_eq!(find("13900001111"), vec!["a"]);
        assert_eq!(find("１３９００"), vec!["a"]);
        assert_eq!(find("SUNRISE"), vec!["b"]);
        assert_eq!(find("ｓｕｎｒｉｓｅ ｅｖｅｎｔｓ"), vec!["b"]);
        assert_eq!(find("6123 4567"), vec!["b"]);
        assert_eq!(find(""), vec!["b", "a"]);
        assert!(find("nothing").is_empty());
    }

    #[test]
    fn filters_sorting_and_scope() {
        let mut a = fields("a", "Alpha");
        a.status = Status::Active;
        a.owner = Some("rep".into());
        let mut b = fields("b", "Beta");
        b.status = Status::Lost;
        b.region = "华东".into();
        let mut c = fields("c", "Gamma");
        c.status = Status::Active;
        c.owner = Some("other".into());
        // a, a key account, owes 500, due on 10 November; its limit is 400 until 30 November, then 1000.
        let day = |s: &str| crate::domain::validate::date(s, None).unwrap();
        a.standing = Some(crate::domain::row::Standing {
            grade: Some("key".into()),
            owed: rust_decimal::Decimal::from(500),
            first_due: day("2026-11-10"),
            limit: Some(rust_decimal::Decimal::from(1000)),
            temp_limit: Some(rust_decimal::Decimal::from(400)),
            temp_until: day("2026-11-30"),
            ..Default::default()
        });
        c.standing = Some(crate::domain::row::Standing { grade: Some("general".into()), ..Default::default() });
        let index = CustomerIndex::new(rows(vec![c, b, a]));
        let ids = |q: ListQuery, viewer: Option<&Viewer>| -> Vec<String> {
            index.query(&q, viewer, &|s| s.to_string()).iter().map(|&i| index.rows()[i].id().to_string()).collect()
        };
        assert_eq!(ids(ListQuery { status: Some(Status::Active), ..ListQuery::default() }, None), ["a", "c"]);
        assert_eq!(ids(ListQuery { descending: true, ..ListQuery::default() }, None), ["c", "b", "a"]);
        assert_eq!(ids(ListQuery { region: Some("华东".into()), ..ListQuery::default() }, None), ["b"]);
        assert_eq!(ids(ListQuery { owner: OwnerFilter::Unassigned, ..ListQuery::default() }, None), ["b"]);
        assert_eq!(ids(ListQuery { sort: SortKey::Status, ..ListQuery::default() }, None), ["a", "c", "b"]);
        assert_eq!(ids(ListQuery { grade: Some("key".into()), ..ListQuery::default() }, None), ["a"]);
        assert_eq!(ids(ListQuery { grade: Some(String::new()), ..ListQuery::default() }, None), ["b"], "not graded");
        let among = std::sync::Arc::new(["c".to_string(), "a".to_string(), "gone".to_string()].into_iter().collect());
        assert_eq!(ids(ListQuery { among: Some(among), ..ListQuery::default() }, None), ["a", "c"]);
        // a owes 500: over its temporary limit of 400 until 30 November, overdue
        // from 11 November: it needs attention on each of these days.
        for (on, shown) in [("2026-11-01", vec!["a"]), ("2026-11-11", vec!["a"]), ("2026-12-01", vec!["a"])] {
            assert_eq!(ids(ListQuery { attention_on: day(on), ..ListQuery::default() }, None), shown, "{on}");
        }
        let paid_up = |s: &mut crate::domain::row::Standing| s.owed = rust_decimal::Decimal::from(300);
        let mut lower = index.clone();
        let mut r = RowFields::from(index.find("a").unwrap().clone());
        r.standing.as_mut().map(paid_up);
        r.standing.as_mut().unwrap().first_due = day("2026-12-15");
        lower.upsert(r.into());
        let flagged = |on: &str| lower.query(&ListQuery { attention_on: day(on), ..ListQuery::default() }, None, &|s| s.to_string()).len();
        assert_eq!((flagged("2026-11-20"), flagged("2026-12-15"), flagged("2026-12-16")), (0, 0, 1), "within its limits until it falls due");
        let staff = vec![Staff { id: "rep".into(), role: Role::SalesRep, ..Staff::default() }];
        let depts = departments(&staff);
        let viewer = Viewer::new(&staff[0], &depts);
        assert_eq!(ids(ListQuery { scope: Scope::Mine, ..ListQuery::default() }, Some(&viewer)), ["a"]);
    }

    #[test]
    fn index_updates_in_place() {
        let mut index = CustomerIndex::new(vec![row("a", "Alpha")]);
        index.upsert(row("a", "Alef"));
        index.upsert(row("b", "Beta"));
        assert_eq!(index.len(), 2);
        assert_eq!(index.find("a").unwrap().name(), "Alef");
        let q = ListQuery { text: "alef".into(), ..ListQuery::default() };
        assert_eq!(index.query(&q, None, &|s| s.to_string()), vec![0]);
        index.remove("a");
        assert_eq!(index.len(), 1);
        assert!(index.find("a").is_none());
    }

    #[test]
    fn lookups_stay_right_through_many_removals_and_insertions() {
        let mut index = CustomerIndex::new((0..50).map(|i| row(&format!("c{i}"), &format!("Name {i}"))).collect::<Vec<_>>());
        for i in (0..50).step_by(3) {
            index.remove(&format!("c{i}"));
        }
        index.remove("not there");
        for i in 50..60 {
            index.upsert(row(&format!("c{i}"), &format!("Name {i}")));
        }
        index.upsert(row("c1", "Renamed"));
        for i in 0..60 {
            let id = format!("c{i}");
            let expected = !(i < 50 && i % 3 == 0);
            assert_eq!(index.find(&id).is_some(), expected, "{id}");
            if let Some(r) = index.find(&id) {
                assert_eq!(r.id(), id);
            }
        }
        assert_eq!(index.find("c1").unwrap().name(), "Renamed");
        assert_eq!(index.len(), 50 - 17 + 10);
        let q = ListQuery { text: "renamed".into(), ..ListQuery::default() };
        assert_eq!(index.query(&q, None, &|s| s.to_string()).len(), 1);
        // The kept name order is the order a fresh index sorts to, both ways.
        let fresh = CustomerIndex::new(index.rows().to_vec());
        for descending in [false, true] {
            let q = ListQuery { descending, ..ListQuery::default() };
            let ids = |ix: &CustomerIndex| -> Vec<String> { ix.query(&q, None, &|s| s.to_string()).iter().map(|&i| ix.rows()[i].id().to_string()).collect() };
            let mut want: Vec<(String, String)> = index.rows().iter().map(|r| (normalize(r.name()), r.id().to_string())).collect();
            want.sort();
            if descending {
                want.reverse();
            }
            assert_eq!(ids(&index), want.into_iter().map(|(_, id)| id).collect::<Vec<_>>());
            assert_eq!(ids(&index), ids(&fresh));
        }
    }

    /// Generated customers with Chinese and English names, contacts and phones.
    fn generated(n: usize, seed: u64) -> Vec<CustomerRow> {
        let now = DateTime::from_timestamp_millis(1_760_000_000_000).unwrap_or_default();
        let archive = crate::domain::demo::Generator::new(3, 0, seed, now).batch(n);
        crate::domain::demo::rows(&archive.customers, &archive.contacts, &archive.transactions)
    }

    #[test]
    fn a_signature_never_passes_over_a_row_that_holds_the_search() {
        for row in generated(200, 7) {
            let hay = row.hay();
            let whole = Signature::of(hay.as_bytes());
            let starts: Vec<usize> = hay.char_indices().map(|(at, _)| at).chain([hay.len()]).collect();
            for (k, &from) in starts.iter().enumerate() {
                for &to in starts[k..].iter().take(6) {
                    assert!(whole.covers(&Signature::of(&hay.as_bytes()[from..to])), "{:?} in {hay:?}", &hay[from..to]);
                }
            }
        }
        // And it does pass over most rows that do not: what makes it worth having.
        let rows = generated(1000, 8);
        let wanted = Signature::of(normalize("Harbour Lights").as_bytes());
        let passed = rows.iter().filter(|r| Signature::of(r.hay().as_bytes()).covers(&wanted)).count();
        assert!(passed < 50, "{passed} of 1000 rows read for a name none has");
    }

    #[test]
    fn a_prepared_index_finds_what_the_rows_hold_through_edits_and_repacking() {
        let rows = generated(300, 9);
        let mut index = CustomerIndex::new(rows.clone());
        index.prepare_search();
        // Every row renamed twice and a third removed: the old texts left
        // behind outgrow the ones in use, and the haystacks are packed again.
        for round in ["甲", "乙"] {
            for r in &rows {
                let mut f = RowFields::from(r.clone());
                f.name = format!("{round}{}", f.name);
                f.phone = format!("{}{}", f.phone, round.len());
                index.upsert(f.into());
            }
        }
        for r in rows.iter().step_by(3) {
            index.remove(r.id());
        }
        index.upsert(row("new", "Harbour Lights"));
        let unprepared = CustomerIndex::new(index.rows().to_vec());
        let texts = ["harbour", "乙甲", "甲北京", "1390", "3", "13", "王芳", "华联", "lights", "", "zzzz", "乙上海"];
        for text in texts {
            let q = ListQuery { text: text.into(), ..ListQuery::default() };
            let found = index.query(&q, None, &|s| s.to_string());
            let needle = normalize(text);
            let want: Vec<&str> = index.rows().iter().filter(|r| r.hay().contains(&needle)).map(|r| r.id()).collect();
            let mut got: Vec<&str> = found.iter().map(|&i| index.rows()[i].id()).collect();
            assert_eq!(found, unprepared.query(&q, None, &|s| s.to_string()), "{text}");
            got.sort_unstable();
            let mut want = want;
            want.sort_unstable();
            assert_eq!(got, want, "{text}");
        }
        let live: usize = index.rows().iter().map(|r| r.hay().len()).sum();
        let held = index.hays.as_ref().map_or(0, |h| h.text.len());
        assert!(held < 2 * live, "{held} bytes held for {live} in use: the haystacks were never packed again");
    }

    #[test]
    fn a_growing_search_refines_the_last_hits_to_what_a_fresh_query_finds() {
        let all: Vec<RowFields> = (0..40)
            .map(|i| {
                let mut r = fields(&format!("c{i:02}"), ["华联广告", "华夏传媒", "Harbour Events", "Harbin Trading"][i % 4]);
                r.status = if i % 3 == 0 { Status::Lost } else { Status::Active };
                r
            })
            .collect();
        let index = CustomerIndex::new(rows(all));
        let q = |text: &str| ListQuery { text: text.into(), descending: true, ..ListQuery::default() };
        let mut before = index.query(&q(""), None, &|s| s.to_string());
        let mut last = q("");
        for text in ["h", "ha", "har", "harb", "harbo", "harbour"] {
            let next = q(text);
            assert!(next.narrows(&last), "{text}");
            let refined = index.refine(&before, &next, None, &|s| s.to_string());
            assert_eq!(refined, index.query(&next, None, &|s| s.to_string()), "{text}");
            (before, last) = (refined, next);
        }
        assert_eq!(before.len(), 10);
        // Anything but a longer text starts again.
        let lost = ListQuery { status: Some(Status::Lost), ..q("harbour") };
        assert!(!lost.narrows(&q("harbour")));
        assert!(!q("harb").narrows(&q("harbour")), "a shorter text");
        assert!(!q("华夏").narrows(&q("华联")), "another text");
        assert!(q("ＨＡＲＢ").narrows(&q("har")), "compared as normalised");
        assert!(!ListQuery { descending: false, ..q("harbour") }.narrows(&q("harb")));
    }

    #[test]
    fn many_hits_come_in_the_same_order_whichever_way_they_are_put_in_order() {
        let names = ["华联广告", "Harbour Events", "华夏传媒", "Harbin Trading", "Same", "same"];
        let index = CustomerIndex::new((0..600).map(|i| row(&format!("c{:03}", (i * 7) % 600), names[i % names.len()])).collect::<Vec<_>>());
        for (text, descending) in [("har", false), ("har", true), ("华", false), ("same", true), ("", false)] {
            let q = ListQuery { text: text.into(), descending, ..ListQuery::default() };
            let hits = index.query(&q, None, &|s| s.to_string());
            assert!(hits.len() > 64, "{text}: picked out of the name order");
            let mut sorted = hits.clone();
            sorted.sort_unstable_by(|&a, &b| by_name(&index.rows()[a], &index.rows()[b]));
            if descending {
                sorted.reverse();
            }
            assert_eq!(hits, sorted, "{text}");
        }
    }

    #[test]
    fn every_change_to_the_rows_gives_a_new_generation() {
        let mut index = CustomerIndex::new(vec![row("a", "A")]);
        let g0 = index.generation();
        index.upsert(row("b", "B"));
        let g1 = index.generation();
        index.remove("a");
        assert!(g0 != g1 && g1 != index.generation());
        assert_ne!(CustomerIndex::new(vec![]).generation(), CustomerIndex::new(vec![]).generation());
    }

    #[test]
    fn same_names_keep_a_stable_order_by_id() {
        let mut index = CustomerIndex::new(vec![row("b", "Same"), row("a", "Same"), row("c", "Other")]);
        index.upsert(row("d", "same"));
        let ids: Vec<&str> = index.query(&ListQuery::default(), None, &|s| s.to_string()).iter().map(|&i| index.rows()[i].id()).collect();
        assert_eq!(ids, ["c", "a", "b", "d"]);
        assert!(index.is_complete());
        assert!(!CustomerIndex::first_screen(vec![row("a", "A")]).is_complete());
    }
}
