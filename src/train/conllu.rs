//! Reading GUM's CoNLL-U files for training the name tagger: each document
//! becomes a plain text (one sentence a line, tokens joined as written) and
//! the byte spans of its named person, organization and place mentions.
//!
//! GUM marks mentions in the MISC column, `Entity=(ID-TYPE-infstat-salience-
//! centering-MINSPAN-...` opening and `ID)` closing; a mention is named when a
//! token of its minimal span is a proper noun (PROPN). Nested mentions keep
//! the outermost named one, as a BIO tagger can only hold one.

use crate::extract::ner::tagger::ChunkType;
use crate::model::Span;

/// One document of a CoNLL-U file.
#[derive(Debug, Default)]
pub struct GoldDoc {
    pub id: String,
    pub text: String,
    pub mentions: Vec<(Span, ChunkType)>,
}

struct Open {
    id: String,
    kind: Option<ChunkType>,
    minspan: Vec<usize>,
    first_word: usize,
    start: usize,
}

/// Parse one CoNLL-U file into documents.
pub fn parse(input: &str) -> Vec<GoldDoc> {
    let mut docs: Vec<GoldDoc> = Vec::new();
    let mut cur = GoldDoc::default();
    let mut open: Vec<Open> = Vec::new();
    // Candidate mentions: (span, kind, named).
    let mut found: Vec<(Span, ChunkType)> = Vec::new();
    // Per sentence: word index → (byte span, is PROPN, is a connector)
    let mut words: Vec<Word> = Vec::new();
    let mut mwt_end = 0usize; // last word id covered by a multi-word token
    let mut mwt_span = Span::new(0, 0);
    let mut space_after = false;
    let finish =
        |cur: &mut GoldDoc, found: &mut Vec<(Span, ChunkType)>, docs: &mut Vec<GoldDoc>| {
            found.sort_by_key(|(s, _)| (s.start, std::cmp::Reverse(s.end)));
            let mut last_end = 0;
            for (s, k) in found.drain(..) {
                if s.start >= last_end {
                    cur.mentions.push((s, k));
                    last_end = s.end;
                }
            }
            if !cur.text.is_empty() {
                docs.push(std::mem::take(cur));
            }
        };
    for line in input.lines() {
        if let Some(id) = line.strip_prefix("# newdoc id = ") {
            finish(&mut cur, &mut found, &mut docs);
            open.clear();
            cur.id = id.trim().to_string();
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            // End of sentence.
            if !cur.text.is_empty() && !cur.text.ends_with('\n') {
                cur.text.push('\n');
            }
            words.clear();
            space_after = false;
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 10 {
            continue;
        }
        let id = cols[0];
        let misc = cols[9];
        let no_space = misc.split('|').any(|f| f == "SpaceAfter=No");
        if let Some((a, b)) = id.split_once('-') {
            // Multi-word token: its form is what the text shows.
            if space_after {
                cur.text.push(' ');
            }
            let start = cur.text.len();
            cur.text.push_str(cols[1]);
            mwt_span = Span::new(start, cur.text.len());
            mwt_end = b.parse().unwrap_or(0);
            let _ = a;
            space_after = !no_space;
            continue;
        }
        if id.contains('.') {
            continue;
        }
        let n: usize = id.parse().unwrap_or(0);
        let span = if n <= mwt_end && mwt_end > 0 {
            mwt_span
        } else {
            if space_after {
                cur.text.push(' ');
            }
            let start = cur.text.len();
            cur.text.push_str(cols[1]);
            space_after = !no_space;
            Span::new(start, cur.text.len())
        };
        if n > mwt_end {
            mwt_end = 0;
        }
        words.push(Word {
            span,
            propn: cols[3] == "PROPN",
            connector: matches!(
                cols[1].to_lowercase().as_str(),
                "of" | "the" | "and" | "&" | "de" | "van" | "von" | "du" | "la" | "-" | "." | "'s"
            ),
        });
        let word_index = words.len() - 1;
        let Some(ent) = misc.split('|').find_map(|f| f.strip_prefix("Entity=")) else {
            continue;
        };
        // Openings "(ID-TYPE-..." and closings "ID)" in order.
        let mut rest = ent;
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix('(') {
                let end = r.find(['(', ')']).unwrap_or(r.len());
                let body = &r[..end];
                let fields: Vec<&str> = body.split('-').collect();
                let kind = match fields.get(1).copied() {
                    Some("person") => Some(ChunkType::Person),
                    Some("organization") => Some(ChunkType::Organization),
                    Some("place") => Some(ChunkType::Location),
                    _ => None,
                };
                let minspan = fields
                    .get(5)
                    .map(|m| m.split(',').filter_map(|x| x.parse().ok()).collect())
                    .unwrap_or_default();
                let o = Open {
                    id: fields[0].to_string(),
                    kind,
                    minspan,
                    first_word: word_index,
                    start: span.start,
                };
                // "(ID-...)": a one-word mention closes at once.
                if r[end..].starts_with(')') {
                    close(&o, &words, &mut found);
                    rest = &r[end + 1..];
                } else {
                    open.push(o);
                    rest = &r[end..];
                }
            } else {
                let end = rest.find(')').unwrap_or(rest.len());
                let id = &rest[..end];
                if let Some(pos) = open.iter().rposition(|o| o.id == id) {
                    let o = open.remove(pos);
                    close(&o, &words, &mut found);
                }
                rest = rest.get(end + 1..).unwrap_or("");
            }
        }
    }
    finish(&mut cur, &mut found, &mut docs);
    docs
}

struct Word {
    span: Span,
    propn: bool,
    connector: bool,
}

/// A mention closes on the last word read: keep its name, the run of proper
/// nouns (with connectors between them) around the first proper noun of its
/// minimal span. "Foreign Minister Sergey Lavrov" gives "Sergey Lavrov";
/// "the Hall of Fame in Ohio" gives "Hall of Fame".
fn close(o: &Open, words: &[Word], found: &mut Vec<(Span, ChunkType)>) {
    let Some(kind) = o.kind else { return };
    let last = words.len().saturating_sub(1);
    // Minimal span positions are 1-based within the mention.
    let Some(head) = o
        .minspan
        .iter()
        .filter_map(|&k| Some(o.first_word + k.checked_sub(1)?))
        .find(|&w| w <= last && words[w].propn)
    else {
        return;
    };
    let mut a = head;
    while a > o.first_word
        && (words[a - 1].propn
            || (words[a - 1].connector && a >= o.first_word + 2 && words[a - 2].propn))
    {
        a -= 1;
    }
    let mut b = head;
    while b < last
        && (words[b + 1].propn || (words[b + 1].connector && b + 2 <= last && words[b + 2].propn))
    {
        b += 1;
    }
    let _ = o.start;
    found.push((Span::new(words[a].span.start, words[b].span.end), kind));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_outermost_mentions() {
        let input = "# newdoc id = d1\n\
1\tForeign\tforeign\tADJ\t_\t_\t0\t_\t_\tEntity=(1-person-new-x-x-3-sgl\n\
2\tMinister\tminister\tNOUN\t_\t_\t0\t_\t_\t_\n\
3\tLavrov\tLavrov\tPROPN\t_\t_\t0\t_\t_\tEntity=1)\n\
4\tvisited\tvisit\tVERB\t_\t_\t0\t_\t_\t_\n\
5\tthe\tthe\tDET\t_\t_\t0\t_\t_\tEntity=(2-place-new-x-x-2,3-sgl\n\
6\tUnited\tUnited\tPROPN\t_\t_\t0\t_\t_\t_\n\
7\tStates\tStates\tPROPN\t_\t_\t0\t_\t_\tEntity=2)|SpaceAfter=No\n\
8\t.\t.\tPUNCT\t_\t_\t0\t_\t_\t_\n\
\n\
1\tThe\tthe\tDET\t_\t_\t0\t_\t_\tEntity=(3-person-new-x-x-2-sgl\n\
2\tminister\tminister\tNOUN\t_\t_\t0\t_\t_\tEntity=3)\n\
3\tleft\tleave\tVERB\t_\t_\t0\t_\t_\t_\n\
\n";
        let docs = parse(input);
        assert_eq!(docs.len(), 1);
        let d = &docs[0];
        assert_eq!(
            d.text,
            "Foreign Minister Lavrov visited the United States.\nThe minister left\n"
        );
        let got: Vec<(&str, ChunkType)> = d
            .mentions
            .iter()
            .map(|(s, k)| (s.text(&d.text), *k))
            .collect();
        assert_eq!(
            got,
            [
                ("Lavrov", ChunkType::Person),
                ("United States", ChunkType::Location),
            ]
        );
    }
}
