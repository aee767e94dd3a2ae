//! Articles from files, directories and stdin: finding them, decoding them
//! (BOM, line endings, invalid UTF-8, HTML), the publication date from the
//! front matter or the file name, long articles cut into parts, and
//! articles as JSON Lines (`jsonl`).

use crate::error::{Error, Result};
use crate::model::{Article, PartialDate};
use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};

mod jsonl;
pub use jsonl::{JsonlReader, JsonlRecord};

/// Where the publication date comes from when `--published` is not given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Published {
    /// Front matter, else a date in the file name, else unknown.
    Detect,
    /// Unknown: relative dates stay unresolved.
    Unknown,
    Given(PartialDate),
}

impl Published {
    /// Parse the `--published` flag: a date, or `''` for unknown.
    pub fn from_flag(flag: Option<&str>) -> Result<Self> {
        match flag {
            None => Ok(Published::Detect),
            Some(s) if s.trim().is_empty() => Ok(Published::Unknown),
            Some(s) => PartialDate::parse(s)
                .filter(|d| d.day.is_some())
                .map(Published::Given)
                .ok_or_else(|| Error::Date(s.to_string())),
        }
    }
}

/// A problem with one input that did not stop the batch.
#[derive(Debug, Clone)]
pub struct Skipped {
    pub source: String,
    pub reason: SkipReason,
}

/// Why an input was skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// Larger than the limit on one article.
    OverLimit { bytes: u64, limit: usize },
    /// Anything else, said in words ("cannot read: …", "empty article").
    Other(String),
}

impl std::fmt::Display for SkipReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SkipReason::OverLimit { bytes, limit } => write!(
                f,
                "article of {:.1} MB is over the {:.0} MB limit",
                *bytes as f64 / 1e6,
                *limit as f64 / 1e6
            ),
            SkipReason::Other(reason) => f.write_str(reason),
        }
    }
}

impl From<String> for SkipReason {
    fn from(reason: String) -> Self {
        SkipReason::Other(reason)
    }
}

impl From<&str> for SkipReason {
    fn from(reason: &str) -> Self {
        SkipReason::Other(reason.to_string())
    }
}

/// Expand paths into article files: directories recursively (`*.txt`,
/// `*.md`), `-` for stdin. Symlink loops are visited once.
pub fn collect_inputs(paths: &[PathBuf], skipped: &mut Vec<Skipped>) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for p in paths {
        walk(p, &mut out, &mut seen, skipped, true);
    }
    out
}

fn walk(
    p: &Path,
    out: &mut Vec<PathBuf>,
    seen: &mut HashSet<PathBuf>,
    skipped: &mut Vec<Skipped>,
    explicit: bool,
) {
    if p == Path::new("-") {
        out.push(p.to_path_buf());
        return;
    }
    let canon = match p.canonicalize() {
        Ok(c) => c,
        Err(e) => {
            skipped.push(Skipped {
                source: p.display().to_string(),
                reason: format!("cannot open: {e}").into(),
            });
            return;
        }
    };
    if !seen.insert(canon.clone()) {
        return;
    }
    if canon.is_dir() {
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(p) {
            Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(e) => {
                skipped.push(Skipped {
                    source: p.display().to_string(),
                    reason: format!("cannot list directory: {e}").into(),
                });
                return;
            }
        };
        entries.sort();
        for e in entries {
            walk(&e, out, seen, skipped, false);
        }
    } else if explicit {
        // Named on the command line: also a pipe ("<(curl …)").
        out.push(p.to_path_buf());
    } else if matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "md")) {
        // Inside a directory only regular files: a FIFO or a device would
        // block or never end.
        if canon.is_file() {
            out.push(p.to_path_buf());
        } else {
            skipped.push(Skipped {
                source: p.display().to_string(),
                reason: "not a regular file".into(),
            });
        }
    }
}

/// Default limit on one article's size (`--max-article-mb`). Long articles
/// are extracted in parts of [`PART_BYTES`], so memory does not grow with
/// it; the limit guards against feeding a dump or a log by mistake.
pub const DEFAULT_MAX_ARTICLE_MB: usize = 256;

/// Read one input into an article. Text is decoded ([`decode`]: UTF-8, by
/// its BOM, or in the legacy encoding its bytes suggest, with a warning), a
/// BOM dropped, `\r\n` normalized to `\n`; empty and binary inputs are
/// refused.
pub fn read_article(
    path: &Path,
    published: Published,
    max_bytes: usize,
    warnings: &mut Vec<String>,
) -> std::result::Result<Article, SkipReason> {
    let too_big = |bytes: u64| SkipReason::OverLimit {
        bytes,
        limit: max_bytes,
    };
    if let Ok(meta) = std::fs::metadata(path) {
        if meta.is_file() && meta.len() > max_bytes as u64 {
            return Err(too_big(meta.len()));
        }
    }
    let mut bytes = Vec::new();
    let source = if path == Path::new("-") {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read stdin: {e}"))?;
        "-".to_string()
    } else {
        bytes = std::fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
        path.display().to_string()
    };
    if bytes.len() > max_bytes {
        return Err(too_big(bytes.len() as u64));
    }
    let mut text = decode(bytes, &source, warnings)?;
    text = normalize_text(text);
    let mut date = match published {
        Published::Given(d) => Some(d),
        _ => None,
    };
    if let Some((d, body)) = front_matter_date(&text) {
        if published == Published::Detect {
            date = Some(d);
        }
        text = text[body..].to_string();
    }
    if published == Published::Detect && date.is_none() {
        date = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(date_in_name);
    }
    finish_article(source, text, date, warnings)
}

/// The article of a decoded text whose line endings are normalized: HTML
/// stripped, an empty text refused, a text that does not look English
/// warned of, the first line as its title.
fn finish_article(
    source: String,
    mut text: String,
    published: Option<PartialDate>,
    warnings: &mut Vec<String>,
) -> std::result::Result<Article, SkipReason> {
    if looks_like_html(&text) {
        warnings.push(format!(
            "{source}: HTML input; markup stripped, offsets refer to the text without it"
        ));
        text = strip_html(&text);
    }
    if text.trim().is_empty() {
        return Err("empty article".into());
    }
    if !looks_english(&text) {
        warnings.push(format!("{source}: does not look like English; the extractor is English-only and may find little"));
    }
    let title = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("")
        .chars()
        .take(200)
        .collect();
    Ok(Article {
        source,
        text,
        published,
        title,
    })
}

/// A text's byte-order mark dropped and its line endings made `\n`.
fn normalize_text(mut text: String) -> String {
    if let Some(t) = text.strip_prefix('\u{feff}') {
        text = t.to_string();
    }
    if text.contains('\r') {
        text = text.replace("\r\n", "\n").replace('\r', "\n");
    }
    text
}

fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start()
        .chars()
        .take(200)
        .collect::<String>()
        .to_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || (head.starts_with('<') && text.matches("</p>").count() >= 2)
}

/// Text of an HTML page: tags dropped (scripts and styles with their
/// content), block ends as line breaks, common entities decoded.
pub fn strip_html(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let after = &rest[lt..];
        let Some(gt) = after.find('>') else {
            rest = "";
            break;
        };
        let tag = after[1..gt].trim().to_lowercase();
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        rest = &after[gt + 1..];
        if !tag.starts_with('/') && (name == "script" || name == "style") {
            let close = format!("</{name}");
            rest = rest
                .to_ascii_lowercase()
                .find(&close)
                .map_or("", |i| &rest[i..]);
            continue;
        }
        if matches!(
            name.as_str(),
            "p" | "br" | "div" | "h1" | "h2" | "h3" | "h4" | "li" | "tr" | "title"
        ) {
            out.push('\n');
        }
    }
    out.push_str(rest);
    let decoded = out
        .replace("&nbsp;", " ")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    decoded
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// English news has many of its function words; other languages few.
fn looks_english(text: &str) -> bool {
    let words: Vec<String> = text
        .split_whitespace()
        .take(400)
        .map(|w| w.to_lowercase())
        .collect();
    if words.len() < 20 {
        return true;
    }
    let function = words
        .iter()
        .filter(|w| {
            matches!(
                w.as_str(),
                "the"
                    | "of"
                    | "and"
                    | "to"
                    | "in"
                    | "a"
                    | "is"
                    | "that"
                    | "for"
                    | "on"
                    | "was"
                    | "with"
                    | "he"
                    | "said"
                    | "by"
                    | "at"
                    | "as"
                    | "it"
                    | "from"
                    | "has"
            )
        })
        .count();
    function * 100 >= words.len() * 8
}

/// Largest piece of text extracted at once: a longer article is ingested
/// as consecutive parts, split at paragraph breaks, one graph each. 64 KB
/// (some 10,000 words) is longer than nearly any news article, and small
/// enough that a long document costs per MB about what articles do: with
/// 1 MB parts, one 3.27 MB file took 1.77 s to N-Quads on one core against
/// 1.37 s for the same text as 2,155 articles (203 MB of memory against
/// 50); with 64 KB parts 1.50-1.58 s against 1.42-1.44 s, and 61 MB.
pub(crate) const PART_BYTES: usize = 1 << 16;

/// Byte offsets where the parts of `text` end: at most `max` bytes each, cut
/// after the last line break of the second half of the window, else after
/// the last sentence end, else after the last space, else at a character
/// boundary.
pub fn part_ends(text: &str, max: usize) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut pos = 0;
    while text.len() - pos > max {
        let mut target = pos + max;
        while !text.is_char_boundary(target) {
            target -= 1;
        }
        let mut lo = pos + max / 2;
        while !text.is_char_boundary(lo) {
            lo += 1;
        }
        let window = &text[lo..target];
        // A cut lands after the break character (a line break or a space,
        // both one byte in the break position they are found at): the last
        // line break, else the last sentence end (". ", "? ", "! "), so that
        // no sentence and no name is cut in two, else the last space.
        let cut = window
            .rfind('\n')
            .map(|i| lo + i + 1)
            .or_else(|| {
                [". ", "? ", "! "]
                    .iter()
                    .filter_map(|end| window.rfind(end))
                    .max()
                    .map(|i| lo + i + 2)
            })
            .or_else(|| {
                window
                    .char_indices()
                    .rev()
                    .find(|(_, c)| c.is_whitespace())
                    .map(|(i, c)| lo + i + c.len_utf8())
            })
            .unwrap_or(target);
        ends.push(cut);
        pos = cut;
    }
    ends.push(text.len());
    ends
}

/// An article with its store key, split into parts if it is long;
/// `each` says in the warning what every part becomes ("one graph").
pub fn split_parts(
    a: Article,
    key: String,
    each: &str,
    warnings: &mut Vec<String>,
) -> Vec<(Article, String)> {
    if a.text.len() <= PART_BYTES {
        return vec![(a, key)];
    }
    let ends = part_ends(&a.text, PART_BYTES);
    warnings.push(format!(
        "{}: {:.1} MB article split into {} parts of at most {} KB, {each} each (offsets count from the start of each part)",
        a.source,
        a.text.len() as f64 / 1e6,
        ends.len(),
        PART_BYTES >> 10
    ));
    let mut start = 0;
    let n = ends.len();
    ends.into_iter()
        .enumerate()
        .map(|(i, end)| {
            let part = Article {
                source: format!("{}#part-{}", a.source, i + 1),
                text: a.text[start..end].to_string(),
                published: a.published,
                title: format!("{} (part {} of {n})", a.title, i + 1),
            };
            start = end;
            (part, format!("{key}#part-{}", i + 1))
        })
        .collect()
}

/// Decode an input's bytes: by its byte-order mark (UTF-8, UTF-16), as
/// UTF-8, else in the legacy encoding its bytes suggest (a warning names
/// it); damaged UTF-8 keeps its valid part, with replacement characters.
/// Offsets are into the decoded text. A NUL byte outside UTF-16 refuses the
/// input as binary.
fn decode(bytes: Vec<u8>, source: &str, warnings: &mut Vec<String>) -> Result<String, String> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(&bytes) {
        if encoding != encoding_rs::UTF_8 {
            let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
            warnings.push(format!(
                "{source}: decoded as {} (byte-order mark){}",
                encoding.name(),
                if had_errors {
                    ", with replacement characters"
                } else {
                    ""
                }
            ));
            return Ok(text.into_owned());
        }
    }
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        return Err(format!(
            "binary file (NUL byte at offset {pos}): not an article"
        ));
    }
    match String::from_utf8(bytes) {
        Ok(t) => Ok(t),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            if looks_single_byte(bytes) {
                let encoding = legacy_encoding(bytes);
                let (text, _, _) = encoding.decode(bytes);
                warnings.push(format!(
                    "{source}: not UTF-8 (byte {at}); decoded as {}, the encoding its bytes suggest",
                    encoding.name()
                ));
                Ok(text.into_owned())
            } else {
                warnings.push(format!(
                    "{source}: invalid UTF-8 at byte {at}; decoded with replacement characters"
                ));
                Ok(String::from_utf8_lossy(bytes).into_owned())
            }
        }
    }
}

/// A text in a single-byte encoding rather than damaged UTF-8: no valid
/// multi-byte UTF-8 sequence anywhere ("Café" in Latin-1 is `43 61 66 e9`).
fn looks_single_byte(bytes: &[u8]) -> bool {
    bytes.utf8_chunks().all(|chunk| chunk.valid().is_ascii())
}

/// The legacy encoding a text's bytes suggest (`chardetng`, with no hint of
/// a language or a domain, UTF-8 ruled out).
fn legacy_encoding(bytes: &[u8]) -> &'static encoding_rs::Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Deny)
}

/// A `published: YYYY-MM-DD` front-matter line at the top of the text.
/// Returns the date and the byte offset where the article body starts.
pub fn front_matter_date(text: &str) -> Option<(PartialDate, usize)> {
    let mut offset = 0;
    for line in text.split_inclusive('\n').take(10) {
        let l = line.trim();
        offset += line.len();
        if let Some(v) = l.strip_prefix("published:") {
            let d = PartialDate::parse(v.trim().trim_matches('"'))?;
            // Skip the rest of a `---` block.
            let rest = &text[offset..];
            let extra = if text.starts_with("---") {
                rest.find("---\n").map_or(0, |p| p + 4)
            } else {
                0
            };
            return Some((d, offset + extra));
        }
        if !(l.is_empty() || l == "---" || l.contains(':')) {
            break;
        }
    }
    None
}

/// A `YYYY-MM-DD` date inside a file name ("dw-2017-05-10-lavrov.txt").
pub fn date_in_name(name: &str) -> Option<PartialDate> {
    let b = name.as_bytes();
    (0..b.len().saturating_sub(9)).find_map(|i| {
        let s = name.get(i..i + 10)?;
        let ok = s.bytes().enumerate().all(|(k, c)| {
            if k == 4 || k == 7 {
                c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
        let bounded = (i == 0 || !b[i - 1].is_ascii_digit())
            && b.get(i + 10).is_none_or(|c| !c.is_ascii_digit());
        (ok && bounded)
            .then(|| PartialDate::parse(s))
            .flatten()
            .filter(|d| d.day.is_some())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_stripped_and_foreign_text_noticed() {
        let html = "<!DOCTYPE html><html><head><title>Talks</title><style>p{}</style><script>var a='<p>';</script></head>\n<body><p>Ann Lee met Bo Ek in Oslo.</p><p>Tom &amp; Jerry said &quot;yes&quot;.</p></body></html>";
        assert!(looks_like_html(html));
        assert_eq!(
            strip_html(html),
            "Talks\nAnn Lee met Bo Ek in Oslo.\nTom & Jerry said \"yes\"."
        );
        let german = "Der Außenminister traf sich am Mittwoch mit seinem Amtskollegen in Moskau, um über die Lage in der Region zu sprechen. Die Gespräche dauerten drei Stunden und endeten ohne Ergebnis, sagte ein Sprecher.";
        assert!(!looks_english(german));
        let english = "The foreign minister met his counterpart in Moscow on Wednesday to discuss the situation in the region. The talks lasted three hours and ended without a result, a spokesman said.";
        assert!(looks_english(english));
    }

    #[test]
    fn long_texts_split_into_bounded_parts_on_breaks() {
        // Paragraphs: cut after a line break, every part within the bound.
        let para = "Lena Berg met Omar Ali in Oslo on Monday.\n";
        let text = para.repeat(100);
        let ends = part_ends(&text, 500);
        let mut start = 0;
        for &e in &ends {
            assert!(e - start <= 500 && e > start);
            assert!(text[..e].ends_with('\n'), "cut inside a line at {e}");
            start = e;
        }
        assert_eq!(*ends.last().unwrap(), text.len());
        // One long line of multibyte words: cut after a space, on char boundaries.
        let line = "Zoë Ødegård talte på møtet i Tromsø ".repeat(200);
        let ends = part_ends(&line, 300);
        let mut start = 0;
        for &e in &ends {
            assert!(line.is_char_boundary(e) && e - start <= 300 && e > start);
            assert!(e == line.len() || line[..e].ends_with(' '));
            start = e;
        }
        // One long line of sentences: cut after a sentence end, never
        // inside a sentence (or a name).
        let line = "Foreign Minister Lena Berg met Omar Ali in Oslo. ".repeat(40);
        let ends = part_ends(&line, 310);
        assert!(ends.len() > 5);
        for &e in &ends {
            assert!(line[..e].ends_with(". "), "cut inside a sentence at {e}");
        }
        // No space at all: still cut, on a char boundary.
        let blob = "é".repeat(1000);
        let ends = part_ends(&blob, 303);
        assert!(ends.iter().all(|&e| blob.is_char_boundary(e)));
        assert_eq!(*ends.last().unwrap(), blob.len());
        // Short text: one part.
        assert_eq!(part_ends("short", 10), [5]);
    }

    #[test]
    fn publication_dates_from_front_matter_and_names() {
        let (d, off) =
            front_matter_date("---\npublished: 2020-01-02\ntitle: x\n---\nBody").unwrap();
        assert_eq!(d.to_string(), "2020-01-02");
        assert_eq!(
            &"---\npublished: 2020-01-02\ntitle: x\n---\nBody"[off..],
            "Body"
        );
        assert_eq!(front_matter_date("Just text.\npublished: 2020-01-02"), None);
        assert_eq!(
            date_in_name("dw-2017-05-10-lavrov.txt")
                .unwrap()
                .to_string(),
            "2017-05-10"
        );
        assert_eq!(date_in_name("report-12017-05-101.txt"), None);
    }

    #[test]
    fn legacy_encodings_are_detected_and_damaged_utf8_replaced() {
        let decoded = |bytes: &[u8]| {
            let mut warnings = Vec::new();
            let text = decode(bytes.to_vec(), "t.txt", &mut warnings).unwrap();
            (text, warnings.join("\n"))
        };
        let latin1 = b"Caf\xe9 owner M\xfcller said \x93no\x94 to the caf\xe9 tax.";
        assert!(looks_single_byte(latin1));
        let (text, warning) = decoded(latin1);
        assert_eq!(text, "Café owner Müller said “no” to the café tax.");
        assert!(warning.contains("windows-1252"), "{warning}");
        // Polish in Windows-1250: "Łódź" and "Wałęsa" are no Latin-1 text.
        let polish = "Prezydent Lech Wałęsa przyjechał do Łodzi. W Łodzi mówił o Gdańsku, \
                      że ludzie są zmęczeni, a miasto się zmieniło."
            .chars()
            .map(|c| match c {
                'ł' => 0xb3,
                'Ł' => 0xa3,
                'ę' => 0xea,
                'ą' => 0xb9,
                'ó' => 0xf3,
                'ń' => 0xf1,
                'ś' => 0x9c,
                'ż' => 0xbf,
                c => u8::try_from(c).unwrap(),
            })
            .collect::<Vec<u8>>();
        let (text, warning) = decoded(&polish);
        assert!(text.contains("Wałęsa") && text.contains("Łodzi"), "{text}");
        assert!(warning.contains("windows-1250"), "{warning}");
        // UTF-16 with its byte-order mark (a NUL byte in every other place).
        let mut utf16 = vec![0xff, 0xfe];
        utf16.extend(
            "Ana Costa met Piet Vermeer."
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        );
        let (text, warning) = decoded(&utf16);
        assert_eq!(text, "Ana Costa met Piet Vermeer.");
        assert!(warning.contains("UTF-16LE"), "{warning}");
        assert!(decode(b"PK\x03\x04\x00\x00".to_vec(), "a.zip", &mut Vec::new()).is_err());
        // Valid UTF-8 with one stray byte is UTF-8 with a replacement.
        let damaged = "Müller \u{e9}t\u{e9}"
            .as_bytes()
            .iter()
            .copied()
            .chain([0xff])
            .collect::<Vec<u8>>();
        assert!(!looks_single_byte(&damaged));
    }
}
