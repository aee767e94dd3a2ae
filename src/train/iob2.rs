//! Reading Universal NER's IOB2 files (`../shared/train/uner-ewt`) for
//! training the name tagger: each `# newdoc` becomes a plain text (one
//! sentence a line, as its `# text` comment gives it) and the byte spans of
//! its PER, ORG and LOC names.
//!
//! Labels map one to one: `PER` → person, `ORG` → organization, `LOC` →
//! location (UNER's LOC holds countries, cities and other places, as the
//! tagger's location does). Any other label (UNER's English files have
//! none) is read as outside.

use super::conllu::GoldDoc;
use crate::error::{Error, Result};
use crate::extract::ner::tagger::ChunkType;
use crate::model::Span;

/// Parse one IOB2 file (`file` names it in errors) into documents.
pub fn parse(input: &str, file: &str) -> Result<Vec<GoldDoc>> {
    let mut docs = Vec::new();
    let mut cur = GoldDoc::default();
    let mut sent = Sentence::default();
    for (n, line) in input.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if let Some(id) = line.strip_prefix("# newdoc id = ") {
            sent.finish(&mut cur, file)?;
            if !cur.text.is_empty() {
                docs.push(std::mem::take(&mut cur));
            }
            cur.id = id.trim().to_string();
        } else if let Some(text) = line.strip_prefix("# text = ") {
            sent.text = Some(text.to_string());
        } else if line.starts_with('#') {
        } else if line.trim().is_empty() {
            sent.finish(&mut cur, file)?;
        } else {
            let mut cols = line.split('\t');
            let (Some(_), Some(form), Some(label)) = (cols.next(), cols.next(), cols.next()) else {
                return Err(bad(file, n, "expected ID, FORM and LABEL columns"));
            };
            sent.tokens
                .push((form.to_string(), label.to_string(), n + 1));
        }
    }
    sent.finish(&mut cur, file)?;
    if !cur.text.is_empty() {
        docs.push(cur);
    }
    Ok(docs)
}

fn bad(file: &str, line: usize, message: &str) -> Error {
    Error::Data {
        file: file.to_string(),
        line,
        message: message.to_string(),
    }
}

fn kind(label: &str) -> Option<ChunkType> {
    match label {
        "PER" => Some(ChunkType::Person),
        "ORG" => Some(ChunkType::Organization),
        "LOC" => Some(ChunkType::Location),
        _ => None,
    }
}

/// The sentence being read: its text, if given, and (form, label, line).
#[derive(Default)]
struct Sentence {
    text: Option<String>,
    tokens: Vec<(String, String, usize)>,
}

impl Sentence {
    /// Append the sentence to `doc` as a line of its text, with its names.
    fn finish(&mut self, doc: &mut GoldDoc, file: &str) -> Result<()> {
        if self.tokens.is_empty() {
            self.text = None;
            return Ok(());
        }
        let text = self.text.take().unwrap_or_else(|| {
            self.tokens
                .iter()
                .map(|(f, _, _)| f.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        });
        // Each token's byte span, found in order in the sentence's text.
        let mut at = 0;
        let mut open: Option<(usize, usize, ChunkType)> = None;
        let mut names = Vec::new();
        for (form, label, n) in &self.tokens {
            let Some(k) = text[at..].find(form.as_str()) else {
                return Err(bad(
                    file,
                    *n,
                    &format!("token {form:?} is not in the sentence's text"),
                ));
            };
            let (s, e) = (at + k, at + k + form.len());
            at = e;
            let (bio, ty) = label.split_once('-').unwrap_or((label.as_str(), ""));
            let continues = bio == "I" && open.is_some_and(|(_, _, t)| Some(t) == kind(ty));
            if continues {
                if let Some(o) = open.as_mut() {
                    o.1 = e;
                }
                continue;
            }
            names.extend(open.take());
            if let (Some(t), "B" | "I") = (kind(ty), bio) {
                open = Some((s, e, t));
            }
        }
        names.extend(open.take());
        if !doc.text.is_empty() {
            doc.text.push('\n');
        }
        let base = doc.text.len();
        doc.text.push_str(&text);
        doc.mentions.extend(
            names
                .into_iter()
                .map(|(s, e, t)| (Span::new(base + s, base + e), t)),
        );
        self.tokens.clear();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_their_spans() {
        let input = "# newdoc id = d1\n# text = Ana Costa flew to New York.\n\
1\tAna\tB-PER\t-\t-\n2\tCosta\tI-PER\t-\t-\n3\tflew\tO\t-\t-\n4\tto\tO\t-\t-\n\
5\tNew\tB-LOC\t-\t-\n6\tYork\tI-LOC\t-\t-\n7\t.\tO\t-\t-\n\n\
# text = She met Acme.\n1\tShe\tO\t-\t-\n2\tmet\tO\t-\t-\n3\tAcme\tB-ORG\t-\t-\n4\t.\tO\t-\t-\n\n\
# newdoc id = d2\n1\tOslo\tB-LOC\t-\t-\n\n";
        let docs = parse(input, "t").unwrap();
        assert_eq!(docs.len(), 2);
        let d = &docs[0];
        assert_eq!(d.id, "d1");
        assert_eq!(d.text, "Ana Costa flew to New York.\nShe met Acme.");
        let got: Vec<(&str, ChunkType)> = d
            .mentions
            .iter()
            .map(|(s, t)| (&d.text[s.start..s.end], *t))
            .collect();
        assert_eq!(
            got,
            [
                ("Ana Costa", ChunkType::Person),
                ("New York", ChunkType::Location),
                ("Acme", ChunkType::Organization)
            ]
        );
        assert_eq!(docs[1].text, "Oslo");
        assert_eq!(docs[1].mentions.len(), 1);
    }

    #[test]
    fn a_token_missing_from_the_text_is_an_error_with_its_line() {
        let input = "# text = Hello there\n1\tHello\tO\n2\tworld\tO\n\n";
        let err = parse(input, "f.iob2").unwrap_err().to_string();
        assert!(err.contains("f.iob2") && err.contains("\"world\""), "{err}");
    }
}
