//! Articles as JSON Lines, one object a line:
//! `{"id": "…", "published": "YYYY-MM-DD" or null, "text": "…"}` (other
//! fields are ignored, so FORMAT.md gold files are inputs too). An
//! article's identity (its key and its source) is its `id`, so that the
//! same line gives the same graph wherever and whenever it is read. Lines
//! are read one at a time, each no longer than a limit: memory stays
//! bounded however long the stream.

use super::{finish_article, normalize_text, SkipReason};
use crate::model::{Article, PartialDate};
use std::io::BufRead;

/// A line of a JSON Lines input: the article, or why the line was skipped.
#[derive(Debug)]
pub struct JsonlRecord {
    /// 1-based line number.
    pub line: usize,
    /// The article and its key (its id).
    pub article: std::result::Result<(Article, String), SkipReason>,
}

/// Reads articles from JSON Lines, line by line.
pub struct JsonlReader<R> {
    reader: R,
    line: usize,
    max_bytes: usize,
    buf: Vec<u8>,
}

#[derive(serde::Deserialize)]
struct Line {
    id: String,
    #[serde(default)]
    published: Option<String>,
    text: String,
}

impl<R: BufRead> JsonlReader<R> {
    /// Articles over `max_bytes` of text are skipped (their line is not
    /// kept in memory).
    pub fn new(reader: R, max_bytes: usize) -> Self {
        JsonlReader {
            reader,
            line: 0,
            max_bytes,
            buf: Vec::new(),
        }
    }

    /// The next non-blank line's record, `None` at the end; an error only
    /// when the input cannot be read. What was noticed in reading goes to
    /// `warnings`.
    pub fn next_record(
        &mut self,
        warnings: &mut Vec<String>,
    ) -> std::io::Result<Option<JsonlRecord>> {
        loop {
            let Some(over) = self.read_line()? else {
                return Ok(None);
            };
            self.line += 1;
            let line = self.line;
            if over > 0 {
                let reason = SkipReason::OverLimit {
                    bytes: over as u64,
                    limit: self.max_bytes,
                };
                return Ok(Some(JsonlRecord {
                    line,
                    article: Err(reason),
                }));
            }
            if self.buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let article = self.parse(warnings);
            return Ok(Some(JsonlRecord { line, article }));
        }
    }

    fn parse(
        &self,
        warnings: &mut Vec<String>,
    ) -> std::result::Result<(Article, String), SkipReason> {
        let l: Line = serde_json::from_slice(&self.buf).map_err(|e| {
            format!("not an article object ({{\"id\", \"published\", \"text\"}}): {e}")
        })?;
        if l.id.trim().is_empty() {
            return Err("empty id".into());
        }
        if l.text.len() > self.max_bytes {
            return Err(SkipReason::OverLimit {
                bytes: l.text.len() as u64,
                limit: self.max_bytes,
            });
        }
        let published = match l.published.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(s) => Some(
                PartialDate::parse(s)
                    .filter(|d| d.day.is_some())
                    .ok_or_else(|| format!("published `{s}` is not a date YYYY-MM-DD"))?,
            ),
        };
        let article = finish_article(l.id.clone(), normalize_text(l.text), published, warnings)?;
        Ok((article, l.id))
    }

    /// Read one line into `buf`, without its end. `None` at the end of the
    /// input; `Some(n)` with `n > 0` when the line was `n` bytes, too long
    /// to be an article under the limit (then `buf` holds nothing of it).
    fn read_line(&mut self) -> std::io::Result<Option<usize>> {
        // JSON escapes make a text longer: a line may be a few times the
        // article's length before it is surely too long.
        let cap = self.max_bytes.saturating_mul(2).saturating_add(1 << 16);
        self.buf.clear();
        let mut len = 0usize;
        let mut any = false;
        loop {
            let available = match self.reader.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if available.is_empty() {
                return Ok(any.then_some(if len > cap { len } else { 0 }));
            }
            any = true;
            let (chunk, end) = match available.iter().position(|&b| b == b'\n') {
                Some(i) => (&available[..i], Some(i + 1)),
                None => (available, None),
            };
            len += chunk.len();
            if len <= cap {
                self.buf.extend_from_slice(chunk);
            } else {
                self.buf = Vec::new();
            }
            let consumed = end.unwrap_or(chunk.len());
            self.reader.consume(consumed);
            if end.is_some() {
                return Ok(Some(if len > cap { len } else { 0 }));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(input: &str) -> Vec<(usize, std::result::Result<String, String>)> {
        let mut r = JsonlReader::new(input.as_bytes(), 1000);
        let mut out = Vec::new();
        let mut w = Vec::new();
        while let Some(rec) = r.next_record(&mut w).unwrap() {
            out.push((
                rec.line,
                rec.article
                    .map(|(a, k)| {
                        format!("{k}|{:?}|{}", a.published.map(|d| d.to_string()), a.title)
                    })
                    .map_err(|e| e.to_string()),
            ));
        }
        out
    }

    #[test]
    fn good_lines_are_articles_and_bad_lines_say_why() {
        let long = "x".repeat(3000);
        let input = format!(
            "{{\"id\": \"a\", \"published\": \"2024-03-01\", \"text\": \"Title\\r\\nBody.\"}}\n\
             \n\
             not json\n\
             {{\"id\": \"b\", \"published\": null, \"text\": \"Only.\", \"extra\": 1}}\n\
             {{\"id\": \"c\", \"published\": \"March\", \"text\": \"T.\"}}\n\
             {{\"id\": \"d\", \"text\": \"{long}\"}}\n\
             {{\"id\": \"e\", \"text\": \"  \"}}\n\
             {{\"id\": \"f\", \"text\": \"Last.\"}}"
        );
        let r = records(&input);
        assert_eq!(r[0], (1, Ok("a|Some(\"2024-03-01\")|Title".into())));
        assert_eq!(r[1].0, 3);
        assert!(r[1]
            .1
            .as_ref()
            .unwrap_err()
            .starts_with("not an article object"));
        assert_eq!(r[2], (4, Ok("b|None|Only.".into())));
        assert!(r[3].1.as_ref().unwrap_err().contains("not a date"), "{r:?}");
        assert!(r[4].1.as_ref().unwrap_err().contains("over the"), "{r:?}");
        assert_eq!(r[5], (7, Err("empty article".into())));
        assert_eq!(r[6], (8, Ok("f|None|Last.".into())));
        assert_eq!(r.len(), 7);
    }
}
