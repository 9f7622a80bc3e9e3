//! Spreadsheet files: CSV as Excel writes and reads it.
//!
//! Written files are UTF-8 with a byte-order mark (without it, Excel on a
//! Chinese Windows reads UTF-8 as GBK and shows nonsense), comma separated,
//! lines ended by CRLF. A cell that a spreadsheet would take for a formula is
//! neutralised (OWASP, CSV injection): it is written with a leading `'`, which
//! the reader here takes off again.

/// The byte-order mark that tells Excel the file is UTF-8.
pub const BOM: &str = "\u{feff}";

/// Whether a cell needs a `'` in front to keep a spreadsheet from running it:
/// it starts with what begins a formula, or with `'` before that (so that a
/// cell that really starts with `'=` comes back as it was).
fn needs_neutralising(cell: &str) -> bool {
    cell.trim_start_matches('\'').starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// One cell as CSV: neutralised, and quoted when it must be.
fn push_cell(out: &mut String, cell: &str) {
    let neutralise = needs_neutralising(cell);
    let quote = neutralise || cell.contains([',', '"', '\n', '\r']);
    if quote {
        out.push('"');
    }
    if neutralise {
        out.push('\'');
    }
    for c in cell.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quote {
        out.push('"');
    }
}

/// Build a CSV file a row at a time.
pub struct Writer {
    text: String,
}

impl Writer {
    /// A file whose first row is `headings`.
    pub fn new<S: AsRef<str>>(headings: &[S]) -> Writer {
        let mut w = Writer { text: String::from(BOM) };
        w.row(headings);
        w
    }

    pub fn row<S: AsRef<str>>(&mut self, cells: &[S]) {
        for (i, cell) in cells.iter().enumerate() {
            if i > 0 {
                self.text.push(',');
            }
            push_cell(&mut self.text, cell.as_ref());
        }
        self.text.push_str("\r\n");
    }

    /// The file's text, byte-order mark first.
    pub fn finish(self) -> String {
        self.text
    }
}

key_enum! {
    /// How a file's text is encoded. Excel writes UTF-8 when asked ("CSV
    /// UTF-8"), else the Windows code page: GBK (read as its superset GB18030)
    /// on a Simplified Chinese system, Big5 on a Traditional one.
    pub enum Encoding { Utf8 = "utf-8", Gb18030 = "gb18030", Big5 = "big5" }
}

/// Why a file cannot be read as a spreadsheet.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CsvError {
    /// Nothing in it, or only blank lines.
    #[error("the file is empty")]
    Empty,
    /// An Excel workbook, not CSV.
    #[error("the file is an Excel workbook, not CSV")]
    Workbook,
    /// Bytes no text file holds.
    #[error("the file is not a text file")]
    Binary,
    /// Bytes that are not text in the chosen encoding.
    #[error("the file is not {} text", .0.as_str())]
    Undecodable(Encoding),
    /// A quoted cell that never closes: the file is cut short or its quotes do not pair.
    #[error("row {row}: a quoted cell is never closed")]
    UnclosedQuote { row: usize },
    /// A cell longer than a spreadsheet cell can be.
    #[error("row {row}: a cell is longer than {limit} characters")]
    CellTooLong { row: usize, limit: usize },
}

/// The longest cell Excel holds, in characters.
pub const CELL_LIMIT: usize = 32_767;

/// The encoding the bytes are most likely in: UTF-8 when they have its
/// byte-order mark or are valid UTF-8, else GB18030 (Excel's "CSV" on a
/// Chinese Windows). The user can override it.
pub fn detect(bytes: &[u8]) -> Encoding {
    if bytes.starts_with(BOM.as_bytes()) || std::str::from_utf8(bytes).is_ok() {
        Encoding::Utf8
    } else {
        Encoding::Gb18030
    }
}

/// The file's text. UTF-8 is decoded here; the other encodings by `legacy`
/// (the browser's `TextDecoder`), which answers `None` for bytes that are
/// not valid in the encoding.
pub fn decode(bytes: &[u8], encoding: Encoding, legacy: &dyn Fn(&[u8], Encoding) -> Option<String>) -> Result<String, CsvError> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        return Err(CsvError::Workbook);
    }
    if bytes.contains(&0) {
        return Err(CsvError::Binary);
    }
    let text = match encoding {
        Encoding::Utf8 => std::str::from_utf8(bytes.strip_prefix(BOM.as_bytes()).unwrap_or(bytes)).map(str::to_string).ok(),
        other => legacy(bytes, other),
    }
    .ok_or(CsvError::Undecodable(encoding))?;
    // Control characters other than tab and line breaks do not occur in text.
    if text.chars().any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r')) {
        return Err(CsvError::Binary);
    }
    Ok(text)
}

/// The separator the first line uses most: comma, semicolon or tab.
fn separator(text: &str) -> char {
    let first = text.lines().next().unwrap_or("");
    let count = |c: char| first.chars().filter(|&x| x == c).count();
    [',', ';', '\t'].into_iter().max_by_key(|&c| (count(c), c == ',')).unwrap_or(',')
}

/// A row with nothing in it.
pub fn is_blank(row: &[String]) -> bool {
    row.iter().all(|c| c.trim().is_empty())
}

/// Undo what the writer does to a cell that starts like a formula.
fn unneutralise(cell: String) -> String {
    if cell.starts_with('\'') && needs_neutralising(&cell) {
        cell[1..].to_string()
    } else {
        cell
    }
}

/// The rows of a CSV text, headings first; a row's position is its row number
/// in a spreadsheet less one (blank rows are kept, but not those at the end).
/// Quotes follow
/// RFC 4180, as Excel writes them; a stray quote inside an unquoted cell is
/// kept as it is.
pub fn parse(text: &str) -> Result<Vec<Vec<String>>, CsvError> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let sep = separator(text);
    let mut rows = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    // Row numbers as a spreadsheet shows them: the headings are row 1.
    let mut number = 1;
    let mut cell_len = 0;
    loop {
        let mut quoted = false;
        let at_start = chars.peek() == Some(&'"');
        if at_start {
            chars.next();
            quoted = true;
        }
        let mut ended_row = false;
        let mut ended_file = false;
        loop {
            let Some(c) = chars.next() else {
                if quoted {
                    return Err(CsvError::UnclosedQuote { row: number });
                }
                ended_file = true;
                break;
            };
            if quoted {
                if c == '"' {
                    if chars.peek() == Some(&'"') {
                        chars.next();
                    } else {
                        quoted = false;
                        continue;
                    }
                }
            } else if c == sep {
                break;
            } else if c == '\n' || c == '\r' {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                ended_row = true;
                break;
            }
            cell_len += 1;
            if cell_len > CELL_LIMIT {
                return Err(CsvError::CellTooLong { row: number, limit: CELL_LIMIT });
            }
            cell.push(c);
        }
        row.push(unneutralise(std::mem::take(&mut cell)));
        cell_len = 0;
        if ended_row || ended_file {
            rows.push(std::mem::take(&mut row));
            number += 1;
        }
        if ended_file {
            break;
        }
    }
    while rows.last().is_some_and(|r| is_blank(r)) {
        rows.pop();
    }
    if rows.is_empty() {
        return Err(CsvError::Empty);
    }
    Ok(rows)
}


#[cfg(test)]
mod tests {
    use super::*;

    fn file(rows: &[&[&str]]) -> String {
        let mut w = Writer::new(rows[0]);
        for r in &rows[1..] {
            w.row(r);
        }
        w.finish()
    }

    /// Native twin of the browser's `TextDecoder` with `fatal: true`.
    fn legacy(bytes: &[u8], encoding: Encoding) -> Option<String> {
        let e = match encoding {
            Encoding::Utf8 => encoding_rs::UTF_8,
            Encoding::Gb18030 => encoding_rs::GB18030,
            Encoding::Big5 => encoding_rs::BIG5,
        };
        e.decode_without_bom_handling_and_without_replacement(bytes).map(|t| t.into_owned())
    }

    fn encode(text: &str, encoding: &'static encoding_rs::Encoding) -> Vec<u8> {
        encoding.encode(text).0.into_owned()
    }

    fn read(bytes: &[u8]) -> Result<Vec<Vec<String>>, CsvError> {
        parse(&decode(bytes, detect(bytes), &legacy)?)
    }

    const SHEET: &str = "客户名称,联系电话,地址\r\n华联广告,021-5555-0101,\"上海市, 浦东新区\"\r\n";

    fn sheet_rows() -> Vec<Vec<String>> {
        vec![vec!["客户名称".to_string(), "联系电话".into(), "地址".into()], vec!["华联广告".into(), "021-5555-0101".into(), "上海市, 浦东新区".into()]]
    }

    #[test]
    fn reads_utf8_with_and_without_the_byte_order_mark_and_gb18030_and_big5() {
        let with_bom = format!("{BOM}{SHEET}").into_bytes();
        let gbk = encode(SHEET, encoding_rs::GB18030);
        assert!(std::str::from_utf8(&gbk).is_err(), "the GB18030 bytes are not UTF-8");
        for (name, bytes, want) in [("utf-8", SHEET.as_bytes().to_vec(), Encoding::Utf8), ("utf-8 bom", with_bom, Encoding::Utf8), ("gb18030", gbk, Encoding::Gb18030)] {
            assert_eq!(detect(&bytes), want, "{name}");
            assert_eq!(read(&bytes).unwrap(), sheet_rows(), "{name}");
        }
        let traditional = "客戶名稱,聯絡電話\r\n華聯廣告,02-2555-0101\r\n";
        let big5 = encode(traditional, encoding_rs::BIG5);
        let rows = parse(&decode(&big5, Encoding::Big5, &legacy).unwrap()).unwrap();
        assert_eq!(rows[1], ["華聯廣告", "02-2555-0101"]);
    }

    #[test]
    fn reads_quotes_line_breaks_separators_and_neutralised_cells_back() {
        let mut w = Writer::new(&["name", "note", "phone"]);
        let cells = ["Say \"hi\", then\nleave", "=1+1", "+86 21 5555 0101", "'=kept", "'plain", "-"];
        w.row(&cells[..3]);
        w.row(&cells[3..]);
        let rows = read(w.finish().as_bytes()).unwrap();
        assert_eq!(rows[1], cells[..3]);
        assert_eq!(rows[2], cells[3..]);
        // Semicolons and tabs, as some spreadsheets write them; LF or CR line ends.
        for text in ["a;b\n1;2\n", "a\tb\r1\t2\r", "a,b\r\n1,2\r\n\r\n,\r\n"] {
            assert_eq!(parse(text).unwrap(), [["a", "b"], ["1", "2"]], "{text:?}");
        }
        // A blank row inside the sheet is kept, so rows keep their numbers.
        assert_eq!(parse("a,b\n\n1,2").unwrap(), [vec!["a", "b"], vec![""], vec!["1", "2"]]);
        // A stray quote inside an unquoted cell is kept, as Excel keeps it.
        assert_eq!(parse("a,b\n5\" screen,x\n").unwrap()[1], ["5\" screen", "x"]);
    }

    #[test]
    fn each_malformed_file_is_refused_with_its_own_reason() {
        let gbk = encode(SHEET, encoding_rs::GB18030);
        let huge = format!("a\n{}\n", "x".repeat(CELL_LIMIT + 1));
        let cases: Vec<(&str, Vec<u8>, Encoding, CsvError)> = vec![
            ("empty", vec![], Encoding::Utf8, CsvError::Empty),
            ("only a byte-order mark and blank lines", format!("{BOM}\r\n , \r\n").into_bytes(), Encoding::Utf8, CsvError::Empty),
            ("truncated inside a quoted cell", b"name,note\nA,\"cut sh".to_vec(), Encoding::Utf8, CsvError::UnclosedQuote { row: 2 }),
            ("unbalanced quotes", b"name,note\n\"A,1\nB,2\n".to_vec(), Encoding::Utf8, CsvError::UnclosedQuote { row: 2 }),
            ("GB18030 read as UTF-8", gbk, Encoding::Utf8, CsvError::Undecodable(Encoding::Utf8)),
            ("binary", vec![0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00], Encoding::Utf8, CsvError::Binary),
            ("control characters", b"name\n\x01\x02\x03\n".to_vec(), Encoding::Utf8, CsvError::Binary),
            ("xlsx workbook", b"PK\x03\x04\x14\x00\x06\x00".to_vec(), Encoding::Utf8, CsvError::Workbook),
            ("xls workbook", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec(), Encoding::Gb18030, CsvError::Workbook),
            ("huge cell", huge.into_bytes(), Encoding::Utf8, CsvError::CellTooLong { row: 2, limit: CELL_LIMIT }),
        ];
        for (name, bytes, encoding, want) in cases {
            let got = decode(&bytes, encoding, &legacy).and_then(|t| parse(&t));
            assert_eq!(got, Err(want), "{name}");
        }
        // Big5 bytes that are not valid Big5.
        assert_eq!(decode(b"\xff\xff", Encoding::Big5, &legacy), Err(CsvError::Undecodable(Encoding::Big5)));
    }

    #[test]
    fn a_file_starts_with_the_byte_order_mark_and_ends_rows_with_crlf() {
        let text = file(&[&["名称", "电话"], &["华联广告", "021 5555 0101"]]);
        assert_eq!(text.as_bytes()[..3], [0xEF, 0xBB, 0xBF]);
        assert_eq!(text, "\u{feff}名称,电话\r\n华联广告,021 5555 0101\r\n");
    }

    #[test]
    fn cells_are_quoted_when_they_hold_a_separator_a_quote_or_a_line_break() {
        let cases: &[(&str, &str)] = &[
            ("plain", "plain"),
            ("", ""),
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("cr\rhere", "\"cr\rhere\""),
            ("上海，浦东", "上海，浦东"),
        ];
        for (cell, want) in cases {
            let mut out = String::new();
            push_cell(&mut out, cell);
            assert_eq!(&out, want, "{cell:?}");
        }
    }

    #[test]
    fn cells_a_spreadsheet_would_run_as_formulas_are_neutralised() {
        let cases: &[(&str, &str)] = &[
            ("=1+1", "\"'=1+1\""),
            ("+86 21 5555 0101", "\"'+86 21 5555 0101\""),
            ("-5", "\"'-5\""),
            ("@SUM(A1)", "\"'@SUM(A1)\""),
            ("\tx", "\"'\tx\""),
            ("\rx", "\"'\rx\""),
            ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""),
            ("a=b", "a=b"),
            ("'quoted'", "'quoted'"),
            ("'=1", "\"''=1\""),
        ];
        for (cell, want) in cases {
            let mut out = String::new();
            push_cell(&mut out, cell);
            assert_eq!(&out, want, "{cell:?}");
        }
    }
}
