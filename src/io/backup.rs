//! The backup file: the whole archive in one file that restores it exactly.
//!
//! ```text
//! DOSSIER-BACKUP 1                        what the file is, and the format's version
//! {"schema":3,"created_at":"…",…}         the header: one line of JSON
//! @customers                              the body: each store's name on a line
//! {"id":"…","name":"…",…}                 of its own, then its records, one per line
//! @contacts
//! …
//! ```
//!
//! The header gives the archive's schema version, when and by which version
//! of the app the file was written, how many records each store holds, the
//! body's length and its SHA-256. Every store of the archive is in it but
//! the ones derived from the others (the list rows), which a restore
//! rebuilds; a store added to the schema later is in it without a change here.
//!
//! With a passphrase the body is sealed: AES-256-GCM under a key derived by
//! PBKDF2-SHA256, both named in the header with their salt, iteration count
//! and IV. The header lines are the cipher's authenticated data, so a changed
//! header is refused like a changed body.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::crypto::{Crypto, CryptoError};
use super::json::{from_text, to_text};
use crate::domain::change::{Kind, RawRecord};
use crate::domain::sorting;
use crate::storage::{schema, Store, StoreError};

/// What every backup starts with.
pub const MAGIC: &str = "DOSSIER-BACKUP";
/// The version of the file format this build writes (and the newest it reads).
pub const FORMAT: u32 = 1;
/// PBKDF2 rounds for a new backup (OWASP's figure for PBKDF2-HMAC-SHA256).
pub const ITERATIONS: u32 = 600_000;
/// Files asking for fewer rounds than a new backup uses, or for absurdly many
/// (hours of work before the first answer), are not ours.
const ROUNDS_READ: std::ops::RangeInclusive<u32> = ITERATIONS..=10_000_000;
const KDF: &str = "PBKDF2-SHA256";
const CIPHER: &str = "AES-256-GCM";

/// The records of every backed-up store, each store's in id order.
pub type Stores = Vec<(Kind, Vec<RawRecord>)>;

/// How many records one store holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoreCount {
    pub store: String,
    pub records: u64,
}

/// How the body is sealed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sealing {
    pub kdf: String,
    pub iterations: u32,
    /// Hexadecimal.
    pub salt: String,
    pub cipher: String,
    /// Hexadecimal.
    pub iv: String,
}

/// The header: what the file holds, readable without its passphrase.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Header {
    /// The archive's schema version when it was written.
    pub schema: u32,
    /// In milliseconds since 1970, as the archive keeps moments (parsing
    /// dates written out would add chrono's parser to the download).
    #[serde(with = "chrono::serde::ts_milliseconds")]
    pub created_at: DateTime<Utc>,
    /// The version of Dossier that wrote it.
    pub app: String,
    pub counts: Vec<StoreCount>,
    /// The body's length in bytes, as written (sealed, when it is).
    pub bytes: u64,
    /// `sha256:` and the hexadecimal SHA-256 of the body before sealing.
    pub checksum: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encryption: Option<Sealing>,
}

impl Header {
    /// How many records of `kind` the file holds.
    pub fn records(&self, kind: Kind) -> u64 {
        self.counts.iter().find(|c| c.store == kind.as_str()).map_or(0, |c| c.records)
    }

    pub fn is_encrypted(&self) -> bool {
        self.encryption.is_some()
    }
}

/// A backup read back: its header and every store's records.
#[derive(Clone, Debug, PartialEq)]
pub struct Backup {
    pub header: Header,
    pub stores: Stores,
}

/// Why a file cannot be restored.
#[derive(Clone, Debug, Error, PartialEq)]
pub enum BackupError {
    /// Nothing in it.
    #[error("the file is empty")]
    Empty,
    /// It does not start as a backup does (another kind of file).
    #[error("this is not a Dossier backup")]
    NotABackup,
    /// Written in a later format than this build reads.
    #[error("the backup is in format {0}, newer than this version of Dossier reads")]
    FormatTooNew(u32),
    /// Written by an app with a newer archive schema.
    #[error("the backup holds schema {found}; this version of Dossier knows up to {supported}")]
    SchemaTooNew { found: u32, supported: u32 },
    /// The header is not one this build wrote.
    #[error("the backup's header is damaged: {0}")]
    BadHeader(String),
    /// Shorter than its header says: an interrupted copy or download.
    #[error("the file is cut short: {found} of {expected} bytes")]
    CutShort { expected: u64, found: u64 },
    /// Longer than its header says.
    #[error("the file has {0} bytes more than its header says")]
    TrailingBytes(u64),
    /// The body is not what was written.
    #[error("the contents do not match the checksum: the file was damaged or changed")]
    Checksum,
    /// Sealed, and no passphrase was given.
    #[error("this backup is encrypted: its passphrase is needed")]
    NeedsPassphrase,
    /// The passphrase does not open it, or the sealed file was changed.
    #[error("the passphrase is wrong, or the file was changed after it was written")]
    WrongPassphrase,
    /// A store name this build does not have.
    #[error("the backup holds a store this version does not know: {0}")]
    UnknownStore(String),
    /// A store's records are not as many as the header counts.
    #[error("{store} should hold {expected} records and holds {found}")]
    CountMismatch { store: String, expected: u64, found: u64 },
    /// One record is not a record of its store.
    #[error("record {number} of {store} cannot be read: {detail}")]
    BadRecord { store: String, number: usize, detail: String },
    /// Two records of one store share an id.
    #[error("{store} holds {id} twice")]
    DuplicateId { store: String, id: String },
    /// The browser could not hash or encrypt.
    #[error("{0}")]
    Crypto(String),
}

impl From<CryptoError> for BackupError {
    fn from(e: CryptoError) -> Self {
        match e {
            CryptoError::Refused => BackupError::WrongPassphrase,
            CryptoError::Unavailable(d) => BackupError::Crypto(d),
        }
    }
}

/// The stores a backup holds: every store of the schema but those derived
/// from the others, which a restore rebuilds.
pub fn stores() -> Vec<Kind> {
    schema::stores().into_iter().filter(|k| !schema::derived(*k)).collect()
}

/// Every store a backup holds, as `store` exports it; `progress` counts
/// the stores read.
pub async fn snapshot<S: Store>(store: &S, progress: impl Fn(usize, usize)) -> Result<Stores, StoreError> {
    let kinds = stores();
    let mut out = Vec::with_capacity(kinds.len());
    for (n, kind) in kinds.iter().enumerate() {
        progress(n, kinds.len());
        out.push((*kind, store.export(*kind).await?));
    }
    Ok(out)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok()).collect()
}

/// The body: each store's name line, then its records, one per line.
fn body(stores: &Stores) -> Vec<u8> {
    let size = stores.iter().flat_map(|(_, r)| r).map(|r| r.json.len() + 1).sum::<usize>() + 32 * stores.len();
    let mut out = Vec::with_capacity(size);
    for (kind, records) in stores {
        out.push(b'@');
        out.extend_from_slice(kind.as_str().as_bytes());
        out.push(b'\n');
        for r in records {
            out.extend_from_slice(r.json.as_bytes());
            out.push(b'\n');
        }
    }
    out
}

/// The file's first line.
fn magic_line() -> String {
    format!("{MAGIC} {FORMAT}\n")
}

/// Write `stores` as a backup file, sealed when a passphrase is given.
pub async fn write<C: Crypto>(crypto: &C, stores: &Stores, schema: u32, created_at: DateTime<Utc>, passphrase: Option<&str>) -> Result<Vec<u8>, BackupError> {
    let plain = body(stores);
    let checksum = format!("sha256:{}", hex(&crypto.sha256(&plain).await?));
    let mut header = Header {
        schema,
        created_at,
        app: env!("CARGO_PKG_VERSION").to_string(),
        counts: stores.iter().map(|(k, r)| StoreCount { store: k.as_str().to_string(), records: r.len() as u64 }).collect(),
        bytes: plain.len() as u64,
        checksum,
        encryption: None,
    };
    let payload = match passphrase {
        None => plain,
        Some(passphrase) => {
            let (mut salt, mut iv) = ([0u8; 16], [0u8; 12]);
            crypto.random(&mut salt)?;
            crypto.random(&mut iv)?;
            let key = crypto.derive_key(passphrase, &salt, ITERATIONS).await?;
            // Sealing adds the 16-byte tag; the header is written with the sealed length.
            header.bytes += 16;
            header.encryption = Some(Sealing { kdf: KDF.into(), iterations: ITERATIONS, salt: hex(&salt), cipher: CIPHER.into(), iv: hex(&iv) });
            let aad = head(&header)?;
            crypto.seal(&key, &iv, aad.as_bytes(), &plain).await?
        }
    };
    let mut file = head(&header)?.into_bytes();
    file.extend_from_slice(&payload);
    Ok(file)
}

/// The lines before the body: the magic line and the header.
fn head(header: &Header) -> Result<String, BackupError> {
    Ok(format!("{}{}\n", magic_line(), to_text(header).map_err(BackupError::Crypto)?))
}

/// The header of a backup file and where its body starts, without reading
/// the body: what the user sees before choosing to restore it.
pub fn peek(file: &[u8]) -> Result<(Header, usize), BackupError> {
    if file.is_empty() {
        return Err(BackupError::Empty);
    }
    let line = |from: usize| file[from..].iter().position(|&b| b == b'\n').map(|n| (from, from + n));
    let (_, end) = line(0).filter(|(_, end)| *end <= 64).ok_or(BackupError::NotABackup)?;
    let first = std::str::from_utf8(&file[..end]).map_err(|_| BackupError::NotABackup)?;
    let version = first.strip_prefix(MAGIC).and_then(|v| v.strip_prefix(' ')).ok_or(BackupError::NotABackup)?;
    let version: u32 = version.trim_end_matches('\r').parse().map_err(|_| BackupError::NotABackup)?;
    if version > FORMAT {
        return Err(BackupError::FormatTooNew(version));
    }
    let (start, end) = line(end + 1).ok_or_else(|| BackupError::BadHeader("no end of line".into()))?;
    let text = std::str::from_utf8(&file[start..end]).map_err(|_| BackupError::BadHeader("not text".into()))?;
    let header: Header = from_text(text).map_err(BackupError::BadHeader)?;
    if header.schema > schema::VERSION {
        return Err(BackupError::SchemaTooNew { found: header.schema, supported: schema::VERSION });
    }
    let found = (file.len() - end - 1) as u64;
    if found < header.bytes {
        return Err(BackupError::CutShort { expected: header.bytes, found });
    }
    if found > header.bytes {
        return Err(BackupError::TrailingBytes(found - header.bytes));
    }
    Ok((header, end + 1))
}

/// Read a backup file: check it whole (length, seal, checksum, every record
/// a record of its store) before anything of it is used.
pub async fn read<C: Crypto>(crypto: &C, file: &[u8], passphrase: Option<&str>) -> Result<Backup, BackupError> {
    let (header, start) = peek(file)?;
    let payload = &file[start..];
    let opened;
    let plain = match &header.encryption {
        None => payload,
        Some(seal) => {
            let passphrase = passphrase.filter(|p| !p.is_empty()).ok_or(BackupError::NeedsPassphrase)?;
            let bad = |what: &str| BackupError::BadHeader(format!("encryption {what}"));
            if seal.kdf != KDF || seal.cipher != CIPHER {
                return Err(bad("method"));
            }
            if !ROUNDS_READ.contains(&seal.iterations) {
                return Err(bad("rounds"));
            }
            let salt = unhex(&seal.salt).filter(|s| s.len() >= 16).ok_or_else(|| bad("salt"))?;
            let iv = unhex(&seal.iv).filter(|v| v.len() == 12).ok_or_else(|| bad("IV"))?;
            let key = crypto.derive_key(passphrase, &salt, seal.iterations).await?;
            opened = crypto.open(&key, &iv, &file[..start], payload).await?;
            &opened[..]
        }
    };
    if format!("sha256:{}", hex(&crypto.sha256(plain).await?)) != header.checksum {
        return Err(BackupError::Checksum);
    }
    let stores = parse_body(&header, plain)?;
    Ok(Backup { header, stores })
}

/// What a backup reads of each record: its id and revision. The checksum
/// vouches for the rest, and a restore reads the customers and contacts
/// whole to rebuild the list rows, refusing the lot if one does not read.
#[derive(Deserialize)]
struct IdRev {
    id: String,
    #[serde(default)]
    rev: Option<u64>,
}

/// The stores of a checked body, each in id order.
fn parse_body(header: &Header, plain: &[u8]) -> Result<Stores, BackupError> {
    let text = std::str::from_utf8(plain).map_err(|_| BackupError::Checksum)?;
    let mut stores: Stores = Vec::new();
    let known = self::stores();
    for line in text.split_terminator('\n') {
        if let Some(name) = line.strip_prefix('@') {
            let kind = Kind::parse(name).filter(|k| known.contains(k)).ok_or_else(|| BackupError::UnknownStore(name.to_string()))?;
            if stores.iter().any(|(k, _)| *k == kind) {
                return Err(BackupError::BadHeader(format!("{name} twice")));
            }
            stores.push((kind, Vec::new()));
            continue;
        }
        let Some((kind, records)) = stores.last_mut() else {
            return Err(BackupError::BadRecord { store: String::new(), number: 1, detail: "a record before any store".into() });
        };
        let IdRev { id, rev } = from_text(line).map_err(|detail| BackupError::BadRecord { store: kind.as_str().into(), number: records.len() + 1, detail })?;
        records.push(RawRecord { id, rev, json: line.to_string() });
    }
    for count in &header.counts {
        let found = stores.iter().find(|(k, _)| k.as_str() == count.store).map_or(0, |(_, r)| r.len() as u64);
        if found != count.records {
            return Err(BackupError::CountMismatch { store: count.store.clone(), expected: count.records, found });
        }
    }
    for (kind, records) in &mut stores {
        if !header.counts.iter().any(|c| c.store == kind.as_str()) {
            return Err(BackupError::CountMismatch { store: kind.as_str().into(), expected: 0, found: records.len() as u64 });
        }
        sorting::sort_by(records, |a, b| a.id.cmp(&b.id));
        if let Some(w) = records.windows(2).find(|w| w[0].id == w[1].id) {
            return Err(BackupError::DuplicateId { store: kind.as_str().into(), id: w[0].id.clone() });
        }
    }
    // Every store this version backs up, in its order: a store added to the
    // schema after the backup was written is restored empty.
    Ok(known
        .into_iter()
        .map(|kind| match stores.iter().position(|(k, _)| *k == kind) {
            Some(at) => stores.swap_remove(at),
            None => (kind, Vec::new()),
        })
        .collect())
}

/// How one store of a backup differs from the archive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoreDiff {
    pub kind: Kind,
    /// Records in the archive now, and in the backup.
    pub current: usize,
    pub incoming: usize,
    /// In the backup only, in both but different, in the archive only.
    pub added: usize,
    pub changed: usize,
    pub removed: usize,
}

/// Store by store, how `incoming` differs from `current` (both in id order),
/// for every store either holds.
pub fn diff(current: &Stores, incoming: &Stores) -> Vec<StoreDiff> {
    fn of(stores: &Stores, kind: Kind) -> &[RawRecord] {
        stores.iter().find(|(k, _)| *k == kind).map_or(&[], |(_, r)| r.as_slice())
    }
    stores()
        .into_iter()
        .map(|kind| {
            let (now, new) = (of(current, kind), of(incoming, kind));
            let mut d = StoreDiff { kind, current: now.len(), incoming: new.len(), added: 0, changed: 0, removed: 0 };
            let (mut i, mut j) = (0, 0);
            while i < now.len() || j < new.len() {
                match (now.get(i), new.get(j)) {
                    (Some(a), Some(b)) if a.id == b.id => {
                        d.changed += usize::from(a.json != b.json);
                        i += 1;
                        j += 1;
                    }
                    (Some(a), Some(b)) if a.id < b.id => {
                        d.removed += 1;
                        i += 1;
                    }
                    (Some(_), None) => {
                        d.removed += 1;
                        i += 1;
                    }
                    _ => {
                        d.added += 1;
                        j += 1;
                    }
                }
            }
            d
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::change::{Setting, Stored};
    use crate::domain::demo;
    use crate::io::crypto::Native;
    use pollster::block_on;

    fn now() -> DateTime<Utc> {
        DateTime::from_timestamp(1_763_800_000, 0).unwrap()
    }

    fn raw<T: Stored>(records: &[T]) -> Vec<RawRecord> {
        let mut out: Vec<RawRecord> = records.iter().map(|r| RawRecord { id: r.id().into(), rev: r.rev(), json: to_text(r).unwrap() }).collect();
        out.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        out
    }

    /// A small archive with a record in every backed-up store.
    fn archive() -> Stores {
        let a = demo::generate(6, 2, 2, 7, now());
        let gone = crate::domain::Customer { id: "t1".into(), name: "旧客户「引号」\n换行".into(), ..Default::default() };
        let trash = crate::domain::TrashEntry { id: "t1".into(), customer: gone, deleted_at: now(), reason: "重复".into(), ..Default::default() };
        let history = crate::domain::HistoryEntry { id: "h1".into(), customer_id: a.customers[0].id.clone(), at: now(), ..Default::default() };
        let setting = Setting { id: "locale".into(), value: "zh-CN".into() };
        let deal = crate::domain::Transaction {
            id: "x1".into(),
            customer_id: a.customers[0].id.clone(),
            rev: 2,
            product: "年度代理".into(),
            amount: rust_decimal::Decimal::new(12_500_050, 2),
            ..Default::default()
        };
        let complaint = crate::domain::complaint::Complaint {
            id: "k1".into(),
            customer_id: a.customers[0].id.clone(),
            rev: 3,
            what_happened: "展台延误「两小时」".into(),
            ..Default::default()
        };
        let visit = crate::domain::visit::Visit { id: "v1".into(), customer_id: a.customers[0].id.clone(), rev: 1, feedback: "满意\n下月再访".into(), ..Default::default() };
        stores()
            .into_iter()
            .map(|kind| {
                let records = match kind {
                    Kind::Customer => raw(&a.customers),
                    Kind::Contact => raw(&a.contacts),
                    Kind::Interaction => raw(&a.interactions),
                    Kind::History => raw(std::slice::from_ref(&history)),
                    Kind::Trash => raw(std::slice::from_ref(&trash)),
                    Kind::Staff => raw(&a.staff),
                    Kind::Setting => raw(std::slice::from_ref(&setting)),
                    Kind::Transaction => raw(std::slice::from_ref(&deal)),
                    Kind::Complaint => raw(std::slice::from_ref(&complaint)),
                    Kind::Visit => raw(std::slice::from_ref(&visit)),
                    Kind::Row => unreachable!("derived"),
                };
                (kind, records)
            })
            .collect()
    }

    fn written(passphrase: Option<&str>) -> Vec<u8> {
        block_on(write(&Native::seeded(1), &archive(), schema::VERSION, now(), passphrase)).unwrap()
    }

    fn read_back(file: &[u8], passphrase: Option<&str>) -> Result<Backup, BackupError> {
        block_on(read(&Native::seeded(2), file, passphrase))
    }

    #[test]
    fn every_store_but_the_derived_rows_is_backed_up() {
        let mut kinds = stores();
        kinds.sort();
        let mut want: Vec<Kind> = Kind::ALL.iter().copied().filter(|k| *k != Kind::Row).collect();
        want.sort();
        assert_eq!(kinds, want);
    }

    #[test]
    fn a_backup_reads_back_exactly_with_its_header() {
        let file = written(None);
        let back = read_back(&file, None).unwrap();
        assert_eq!(back.stores, archive());
        let h = &back.header;
        assert_eq!((h.schema, h.created_at, h.app.as_str()), (schema::VERSION, now(), env!("CARGO_PKG_VERSION")));
        assert_eq!(h.records(Kind::Customer), 6);
        assert_eq!(h.records(Kind::Contact), 12);
        assert_eq!(h.records(Kind::Setting), 1);
        assert!(h.checksum.starts_with("sha256:") && h.checksum.len() == 7 + 64);
        assert!(!h.is_encrypted());
        // Readable as text, store by store.
        let text = String::from_utf8(file).unwrap();
        assert!(text.starts_with("DOSSIER-BACKUP 1\n{"));
        assert!(text.contains("\n@customers\n{"));
        assert!(text.contains("旧客户「引号」\\n换行"), "the newline in a value stays escaped, one record a line");
    }

    #[test]
    fn an_empty_archive_backs_up_and_restores_empty() {
        let empty: Stores = stores().into_iter().map(|k| (k, Vec::new())).collect();
        let file = block_on(write(&Native::seeded(1), &empty, schema::VERSION, now(), None)).unwrap();
        assert_eq!(read_back(&file, None).unwrap().stores, empty);
    }

    #[test]
    fn an_encrypted_backup_opens_with_its_passphrase_only() {
        let file = written(Some("月初备份 2026!"));
        let (header, start) = peek(&file).unwrap();
        let seal = header.encryption.clone().unwrap();
        assert_eq!((seal.kdf.as_str(), seal.cipher.as_str(), seal.iterations), ("PBKDF2-SHA256", "AES-256-GCM", 600_000));
        assert_eq!((seal.salt.len(), seal.iv.len()), (32, 24));
        // The records are not in the file in the clear.
        let name = &archive()[0].1[0].json[..20];
        assert!(!file[start..].windows(name.len()).any(|w| w == name.as_bytes()));
        assert_eq!(read_back(&file, Some("月初备份 2026!")).unwrap().stores, archive());
        assert_eq!(read_back(&file, Some("月初备份 2025!")), Err(BackupError::WrongPassphrase));
        assert_eq!(read_back(&file, None), Err(BackupError::NeedsPassphrase));
        assert_eq!(read_back(&file, Some("")), Err(BackupError::NeedsPassphrase));
        // Two backups of the same archive differ: fresh salt and IV each time.
        let crypto = Native::seeded(9);
        let a = block_on(write(&crypto, &archive(), 3, now(), Some("x"))).unwrap();
        let b = block_on(write(&crypto, &archive(), 3, now(), Some("x"))).unwrap();
        assert_ne!(peek(&a).unwrap().0.encryption, peek(&b).unwrap().0.encryption);
    }

    /// Replace the first occurrence of `from` in the file.
    fn replaced(file: &[u8], from: &str, to: &str) -> Vec<u8> {
        let at = file.windows(from.len()).position(|w| w == from.as_bytes()).unwrap_or_else(|| panic!("{from} not in file"));
        [&file[..at], to.as_bytes(), &file[at + from.len()..]].concat()
    }

    #[test]
    fn a_changed_sealed_file_is_refused_header_or_body() {
        let file = written(Some("pass"));
        let (header, start) = peek(&file).unwrap();
        let mut body = file.clone();
        body[start + 10] ^= 1;
        assert_eq!(read_back(&body, Some("pass")), Err(BackupError::WrongPassphrase));
        // The header's counts are authenticated too.
        let n = header.records(Kind::Customer);
        let counts = replaced(&file, &format!("\"customers\",\"records\":{n}"), &format!("\"customers\",\"records\":{}", n + 1));
        assert_eq!(read_back(&counts, Some("pass")), Err(BackupError::WrongPassphrase));
        let weak = replaced(&file, "600000", "1000");
        assert_eq!(read_back(&weak, Some("pass")), Err(BackupError::BadHeader("encryption rounds".into())));
    }

    #[test]
    fn malformed_files_are_refused_each_with_its_own_reason() {
        let good = written(None);
        let (header, start) = peek(&good).unwrap();
        let customer = archive()[0].1[0].json.clone();
        let name = from_text::<crate::domain::Customer>(&customer).unwrap().name;
        let mut flipped = good.clone();
        flipped[start + 40] ^= 0x20;
        let cases: Vec<(&str, Vec<u8>, BackupError)> = vec![
            ("empty", Vec::new(), BackupError::Empty),
            ("binary", vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], BackupError::NotABackup),
            ("a spreadsheet", "客户名称,电话\n华联广告,13900001111\n".as_bytes().to_vec(), BackupError::NotABackup),
            ("a newer format", replaced(&good, "DOSSIER-BACKUP 1", "DOSSIER-BACKUP 2"), BackupError::FormatTooNew(2)),
            ("a newer schema", replaced(&good, &format!("\"schema\":{}", schema::VERSION), "\"schema\":99"), BackupError::SchemaTooNew { found: 99, supported: schema::VERSION }),
            ("no header", b"DOSSIER-BACKUP 1\n".to_vec(), BackupError::BadHeader("no end of line".into())),
            ("cut short", good[..good.len() - 100].to_vec(), BackupError::CutShort { expected: header.bytes, found: header.bytes - 100 }),
            ("longer", [&good[..], b"\n\n"].concat(), BackupError::TrailingBytes(2)),
            ("a changed byte", flipped, BackupError::Checksum),
            ("a changed name", replaced(&good, &name, &"X".repeat(name.len())), BackupError::Checksum),
        ];
        for (what, file, want) in cases {
            assert_eq!(read_back(&file, None).map(|_| ()), Err(want), "{what}");
        }
        let bad_header = replaced(&good, "\"counts\"", "\"count\"");
        assert!(matches!(read_back(&bad_header, None), Err(BackupError::BadHeader(_))));
    }

    /// A file written with `body` as its body, its header counted and summed to match.
    fn with_body(counts: &[(&str, u64)], body: &str) -> Vec<u8> {
        let header = Header {
            schema: schema::VERSION,
            created_at: now(),
            app: "0.1.0".into(),
            counts: counts.iter().map(|(s, n)| StoreCount { store: s.to_string(), records: *n }).collect(),
            bytes: body.len() as u64,
            checksum: format!("sha256:{}", hex(&block_on(Native::seeded(0).sha256(body.as_bytes())).unwrap())),
            encryption: None,
        };
        [head(&header).unwrap().as_bytes(), body.as_bytes()].concat()
    }

    #[test]
    fn a_body_that_matches_its_checksum_is_still_checked_record_by_record() {
        let setting = r#"{"id":"a","value":"1"}"#;
        let cases = [
            (vec![("settings", 2)], format!("@settings\n{setting}\n"), BackupError::CountMismatch { store: "settings".into(), expected: 2, found: 1 }),
            (vec![], format!("@settings\n{setting}\n"), BackupError::CountMismatch { store: "settings".into(), expected: 0, found: 1 }),
            (vec![("settings", 1)], format!("@customer_rows\n{setting}\n"), BackupError::UnknownStore("customer_rows".into())),
            (vec![("settings", 1)], format!("@invoices\n{setting}\n"), BackupError::UnknownStore("invoices".into())),
            (vec![("settings", 1)], format!("{setting}\n"), BackupError::BadRecord { store: String::new(), number: 1, detail: "a record before any store".into() }),
            (vec![("settings", 2)], format!("@settings\n{setting}\n{setting}\n"), BackupError::DuplicateId { store: "settings".into(), id: "a".into() }),
        ];
        for (counts, body, want) in cases {
            assert_eq!(read_back(&with_body(&counts, &body), None).map(|_| ()), Err(want), "{body}");
        }
        for line in [r#"{"id":"a""#, r#"{"value":"1"}"#, "not json", r#"{"id":7,"value":"1"}"#] {
            let file = with_body(&[("settings", 1)], &format!("@settings\n{line}\n"));
            match read_back(&file, None) {
                Err(BackupError::BadRecord { store, number: 1, .. }) => assert_eq!(store, "settings"),
                other => panic!("{line}: {other:?}"),
            }
        }
        let customer = r#"{"id":"c1","rev":"two"}"#;
        assert!(matches!(read_back(&with_body(&[("customers", 1)], &format!("@customers\n{customer}\n")), None), Err(BackupError::BadRecord { number: 1, .. })));
    }

    #[test]
    fn a_backup_from_an_older_schema_reads_for_restoring() {
        // Schema 1 had every store a backup holds; only the list rows came later.
        let file = replaced(&written(None), &format!("\"schema\":{}", schema::VERSION), "\"schema\":1");
        let back = read_back(&file, None).unwrap();
        assert_eq!((back.header.schema, back.stores), (1, archive()));
        // A store the backup predates (here: one left out) comes back empty, in its place.
        let body = "@settings\n{\"id\":\"a\",\"value\":\"1\"}\n";
        let back = read_back(&with_body(&[("settings", 1)], body), None).unwrap();
        assert_eq!(back.stores.iter().map(|(k, r)| (*k, r.len())).collect::<Vec<_>>(), stores().into_iter().map(|k| (k, usize::from(k == Kind::Setting))).collect::<Vec<_>>());
    }

    /// The file the browser tests read with WebCrypto: sealed here, by RustCrypto.
    const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/sealed-v1.dossier");
    const FIXTURE_PASSPHRASE: &str = "每月1日备份";

    fn fixture_stores() -> Stores {
        let settings = [Setting { id: "greeting".into(), value: "你好, 世界 \"quoted\"".into() }, Setting { id: "locale".into(), value: "zh-TW".into() }];
        stores().into_iter().map(|k| (k, if k == Kind::Setting { raw(&settings) } else { Vec::new() })).collect()
    }

    /// Writes the fixture again: `cargo test -- --ignored write_the_sealed_fixture`.
    #[test]
    #[ignore]
    fn write_the_sealed_fixture() {
        let file = block_on(write(&Native::seeded(42), &fixture_stores(), schema::VERSION, now(), Some(FIXTURE_PASSPHRASE))).unwrap();
        std::fs::write(FIXTURE, file).unwrap();
    }

    #[test]
    fn the_sealed_fixture_reads_back() {
        let file = std::fs::read(FIXTURE).unwrap();
        assert_eq!(read_back(&file, Some(FIXTURE_PASSPHRASE)).unwrap().stores, fixture_stores());
    }

    #[test]
    fn the_difference_from_the_archive_is_counted_store_by_store() {
        let current = archive();
        let mut incoming = archive();
        // One customer changed, one gone, one new; the settings emptied.
        assert_eq!(incoming[0].0, Kind::Customer);
        let customers = &mut incoming[0].1;
        customers[0].json = customers[0].json.replace("\"rev\":1", "\"rev\":2");
        customers.remove(1);
        customers.push(RawRecord { id: "zzz".into(), rev: Some(1), json: "{}".into() });
        let settings = incoming.iter_mut().find(|(k, _)| *k == Kind::Setting).unwrap();
        settings.1.clear();
        let d = diff(&current, &incoming);
        let of = |kind: Kind| d.iter().find(|s| s.kind == kind).unwrap().clone();
        assert_eq!(of(Kind::Customer), StoreDiff { kind: Kind::Customer, current: 6, incoming: 6, added: 1, changed: 1, removed: 1 });
        assert_eq!(of(Kind::Setting), StoreDiff { kind: Kind::Setting, current: 1, incoming: 0, added: 0, changed: 0, removed: 1 });
        assert_eq!(of(Kind::Contact), StoreDiff { kind: Kind::Contact, current: 12, incoming: 12, added: 0, changed: 0, removed: 0 });
        assert_eq!(d.len(), stores().len());
    }
}
