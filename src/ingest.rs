//! Reading articles (files, directories, stdin) and putting their
//! extractions into the store: parallel extraction on all cores, one
//! transaction per changed article, the bulk loader for new ones.

use crate::doc::Article;
use crate::error::{Error, Result};
use crate::extract::{date_in_name, extract_article, front_matter_date};
use crate::lexicon::Lexicon;
use crate::rdf;
use crate::store::{Outcome, Store};
use crate::time::PartialDate;
use indicatif::{ProgressBar, ProgressStyle};
use oxigraph::model::{NamedNode, NamedOrBlankNode, Quad, Term};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};

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
    pub reason: String,
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
                reason: format!("cannot open: {e}"),
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
                    reason: format!("cannot list directory: {e}"),
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

/// Read one input into an article. Text is decoded as UTF-8 (invalid bytes
/// replaced, with a warning), a BOM dropped, `\r\n` normalized to `\n`;
/// empty and binary inputs are refused.
pub fn read_article(
    path: &Path,
    published: Published,
    max_bytes: usize,
    warnings: &mut Vec<String>,
) -> std::result::Result<Article, String> {
    let too_big = |n: u64| {
        format!(
            "article of {:.1} MB is over the {:.0} MB limit: raise --max-article-mb if it really is one article",
            n as f64 / 1e6,
            max_bytes as f64 / 1e6
        )
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
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        return Err(format!(
            "binary file (NUL byte at offset {pos}): not an article"
        ));
    }
    let mut text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            warnings.push(format!(
                "{source}: invalid UTF-8 at byte {at}; decoded with replacement characters"
            ));
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    if let Some(t) = text.strip_prefix('\u{feff}') {
        text = t.to_string();
    }
    if text.contains('\r') {
        text = text.replace("\r\n", "\n").replace('\r', "\n");
    }
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
        published: date,
        title,
    })
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

/// Identity of an article: the canonical path of its file, or for stdin
/// the hash of its text.
pub fn article_key(article: &Article) -> String {
    if article.source == "-" {
        format!("text:{}", rdf::content_hash(&article.text))
    } else {
        let p = Path::new(&article.source);
        p.canonicalize()
            .unwrap_or_else(|_| p.to_path_buf())
            .display()
            .to_string()
    }
}

#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub articles: usize,
    pub added: usize,
    pub replaced: usize,
    pub unchanged: usize,
    pub entities: usize,
    pub events: usize,
    pub triples: usize,
    pub bytes: usize,
    pub seconds: f64,
    pub skipped: Vec<Skipped>,
    pub warnings: Vec<String>,
}

/// Full-name people (IRI, label) among quads.
fn people_in<'a>(quads: impl Iterator<Item = &'a Quad>) -> Vec<(NamedNode, String)> {
    let quads: Vec<&Quad> = quads.collect();
    let persons: HashSet<&NamedNode> = quads
        .iter()
        .filter(|q| {
            q.predicate.as_ref() == crate::vocab::rdf::TYPE
                && q.object == Term::NamedNode(crate::vocab::schema::PERSON.into_owned())
        })
        .filter_map(|q| match &q.subject {
            NamedOrBlankNode::NamedNode(n) => Some(n),
            NamedOrBlankNode::BlankNode(_) => None,
        })
        .collect();
    let mut out: Vec<(NamedNode, String)> = quads
        .iter()
        .filter(|q| q.predicate.as_ref() == crate::vocab::rdfs::LABEL)
        .filter_map(|q| match (&q.subject, &q.object) {
            (NamedOrBlankNode::NamedNode(n), Term::Literal(l))
                if persons.contains(n) && l.value().contains(' ') =>
            {
                Some((n.clone(), l.value().to_string()))
            }
            _ => None,
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Across articles: a person named by a surname alone ("Solberg") is the
/// person whose full name ends with it ("Ingrid Solberg"), when exactly one
/// such person is known, in this batch or in the store.
fn link_surnames(store: &Store, quads: &mut [Quad], batch: &[(NamedNode, String)]) -> Result<()> {
    let own = people_in(quads.iter());
    let mut rename: HashMap<NamedNode, NamedNode> = HashMap::new();
    for q in quads.iter() {
        let (NamedOrBlankNode::NamedNode(s), Term::Literal(l)) = (&q.subject, &q.object) else {
            continue;
        };
        if q.predicate.as_ref() != crate::vocab::rdfs::LABEL
            || l.value().contains(' ')
            || !s.as_str().contains("/person/")
        {
            continue;
        }
        let suffix = format!(" {}", l.value());
        if own.iter().any(|(_, n)| n.ends_with(&suffix)) {
            continue; // the article names the full form itself
        }
        let mut matches: Vec<NamedNode> = batch
            .iter()
            .filter(|(_, n)| n.ends_with(&suffix))
            .map(|(i, _)| i.clone())
            .collect();
        matches.extend(store.people_named_ending(&suffix)?);
        matches.sort();
        matches.dedup();
        if let [one] = matches.as_slice() {
            rename.insert(s.clone(), one.clone());
        }
    }
    if rename.is_empty() {
        return Ok(());
    }
    for q in quads.iter_mut() {
        if let NamedOrBlankNode::NamedNode(s) = &q.subject {
            if let Some(n) = rename.get(s) {
                q.subject = NamedOrBlankNode::NamedNode(n.clone());
            }
        }
        if let Term::NamedNode(o) = &q.object {
            if let Some(n) = rename.get(o) {
                q.object = Term::NamedNode(n.clone());
            }
        }
    }
    Ok(())
}

/// One label per resource across the store: an entity or event already
/// labelled (by another article, or earlier in this batch) keeps its first
/// label, so "Bashar al-Assad" and "Bashar Al-Assad" stay one node with one
/// name.
fn harmonize_labels(
    store: &Store,
    quads: &mut [Quad],
    labels: &mut HashMap<NamedNode, Term>,
) -> Result<()> {
    for q in quads.iter_mut() {
        let NamedOrBlankNode::NamedNode(s) = &q.subject else {
            continue;
        };
        if q.predicate.as_ref() != crate::vocab::rdfs::LABEL
            || !s.as_str().starts_with(crate::vocab::ID)
        {
            continue;
        }
        let known = match labels.get(s) {
            Some(l) => Some(l.clone()),
            None => store.label_of(s)?,
        };
        match known {
            Some(l) => q.object = l,
            None => {
                labels.insert(s.clone(), q.object.clone());
            }
        }
    }
    Ok(())
}

/// Ingest inputs into the store.
/// Largest piece of text extracted at once (extraction needs about 100
/// bytes of memory per byte of text): a longer article is ingested as
/// consecutive parts, split at paragraph breaks, one graph each.
pub const PART_BYTES: usize = 1 << 20;

/// Text read, extracted and written per batch, so that memory stays bounded
/// however many articles a folder holds.
/// Default text per batch: extracted in parallel, then committed.
pub const BATCH_BYTES: usize = 2 << 20;

/// An ingest that bulk-loaded this many batches compacts the store at its
/// end, so that reads do not slow down with the files the loads left.
const OPTIMIZE_AFTER_LOADS: usize = 4;

/// How one ingest runs.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    pub published: Published,
    /// Draw a progress bar on stderr.
    pub progress: bool,
    /// Refuse articles larger than this.
    pub max_article_bytes: usize,
    /// Text per batch: memory is bounded by it, and each batch is committed
    /// before the next one is read.
    pub batch_bytes: usize,
    /// Print one line on stderr per committed batch (for logs and scripts).
    pub verbose: bool,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            published: Published::Detect,
            progress: false,
            max_article_bytes: DEFAULT_MAX_ARTICLE_MB * 1_000_000,
            batch_bytes: BATCH_BYTES,
            verbose: false,
        }
    }
}

/// Byte offsets where the parts of `text` end: at most `max` bytes each, cut
/// after the last line break of the second half of the window, else after
/// the last space, else at a character boundary.
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
        // both one byte in the break position they are found at).
        let cut = window
            .rfind('\n')
            .map(|i| lo + i + 1)
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
        "{}: {:.1} MB article split into {} parts of at most {} MB, {each} each (offsets count from the start of each part)",
        a.source,
        a.text.len() as f64 / 1e6,
        ends.len(),
        PART_BYTES >> 20
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

/// State kept across the batches of one ingest.
struct Writer<'a> {
    store: &'a Store,
    lex: &'a Lexicon,
    bar: ProgressBar,
    labels: HashMap<NamedNode, Term>,
    summary: Summary,
    /// Bulk loads done so far: each leaves files for [`Store::optimize`].
    bulk_loads: usize,
}

impl Writer<'_> {
    /// Extract a batch in parallel and write it: one transaction per
    /// changed article, the bulk loader for new ones.
    fn write(&mut self, batch: Vec<(Article, String)>, verbose: bool) -> Result<()> {
        let n = batch.len();
        let lex = self.lex;
        let bar = &self.bar;
        let extracted: Vec<_> = batch
            .into_par_iter()
            .map(|(a, key)| {
                let x = extract_article(&a, lex);
                let quads = rdf::quads(&a, &key, &x);
                bar.inc(a.text.len() as u64);
                // Only the counts of the extraction are kept past this point.
                let counts = (x.entities.len(), x.events.len());
                (a, key, counts, quads)
            })
            .collect();
        let mut fresh = Vec::new();
        let batch_people = people_in(extracted.iter().flat_map(|e| e.3.iter()));
        let summary = &mut self.summary;
        for (a, key, x, mut quads) in extracted {
            link_surnames(self.store, &mut quads, &batch_people)?;
            harmonize_labels(self.store, &mut quads, &mut self.labels)?;
            let graph = rdf::article_iri(&key, &a.source);
            let hash = rdf::content_hash(&a.text);
            summary.articles += 1;
            summary.bytes += a.text.len();
            summary.entities += x.0;
            summary.events += x.1;
            summary.triples += quads.len();
            match self.store.content_hash(&graph)? {
                None if !fresh
                    .iter()
                    .any(|(g, _): &(oxigraph::model::NamedNode, Vec<_>)| *g == graph) =>
                {
                    summary.added += 1;
                    fresh.push((graph, quads));
                }
                _ => match self.store.put_article(&graph, &hash, &quads)? {
                    Outcome::Added => summary.added += 1,
                    Outcome::Replaced => summary.replaced += 1,
                    Outcome::Unchanged => summary.unchanged += 1,
                },
            }
        }
        if !fresh.is_empty() {
            self.store
                .bulk_load(fresh.into_iter().flat_map(|(_, q)| q).collect())?;
            self.bulk_loads += 1;
        }
        if verbose {
            let s = &self.summary;
            // Printed only once the batch is in the store.
            eprintln!(
                "committed {n} articles; so far {} articles ({} new, {} replaced, {} unchanged), {:.2} MB",
                s.articles,
                s.added,
                s.replaced,
                s.unchanged,
                s.bytes as f64 / 1e6
            );
        }
        Ok(())
    }
}

/// Ingest files, directories or stdin into the store, in batches of about
/// 2 MB of text so that memory stays bounded.
pub fn ingest(
    store: &Store,
    paths: &[PathBuf],
    lex: &Lexicon,
    opts: &IngestOptions,
) -> Result<Summary> {
    let start = std::time::Instant::now();
    let mut skipped = Vec::new();
    let files = collect_inputs(paths, &mut skipped);
    let total: u64 = files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    let bar = if opts.progress {
        ProgressBar::new(total)
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {bar:30} {bytes}/{total_bytes} ({bytes_per_sec}, {eta} left)",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let mut w = Writer {
        store,
        lex,
        bar,
        labels: HashMap::new(),
        bulk_loads: 0,
        summary: Summary {
            skipped,
            ..Summary::default()
        },
    };
    // Read sequentially (stdin, error order), extract each batch in parallel.
    let mut batch = Vec::new();
    let mut batch_bytes = 0;
    for f in &files {
        let article = read_article(
            f,
            opts.published,
            opts.max_article_bytes,
            &mut w.summary.warnings,
        );
        match article {
            Ok(a) => {
                let key = article_key(&a);
                for part in split_parts(a, key, "one graph", &mut w.summary.warnings) {
                    batch_bytes += part.0.text.len();
                    batch.push(part);
                    if batch_bytes >= opts.batch_bytes.max(1) {
                        w.write(std::mem::take(&mut batch), opts.verbose)?;
                        batch_bytes = 0;
                    }
                }
            }
            Err(reason) => w.summary.skipped.push(Skipped {
                source: f.display().to_string(),
                reason,
            }),
        }
    }
    if !batch.is_empty() {
        w.write(batch, opts.verbose)?;
    }
    w.bar.finish_and_clear();
    if w.bulk_loads >= OPTIMIZE_AFTER_LOADS {
        if opts.verbose || opts.progress {
            eprintln!("compacting the store after {} bulk loads…", w.bulk_loads);
        }
        store.optimize()?;
    }
    w.summary.seconds = start.elapsed().as_secs_f64();
    Ok(w.summary)
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
        // No space at all: still cut, on a char boundary.
        let blob = "é".repeat(1000);
        let ends = part_ends(&blob, 303);
        assert!(ends.iter().all(|&e| blob.is_char_boundary(e)));
        assert_eq!(*ends.last().unwrap(), blob.len());
        // Short text: one part.
        assert_eq!(part_ends("short", 10), [5]);
    }
}
