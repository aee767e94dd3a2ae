//! A CoNLL-U reader for Universal Dependencies treebanks: each sentence's
//! token forms, UPOS tags, heads and universal relations (subtypes after
//! `:` dropped). Comment lines, multiword token ranges (`1-2`) and empty
//! nodes (`1.1`) are skipped.

use crate::error::{Error, Result};
use crate::extract::parse::{Deprel, Parse, Upos};

/// One sentence of a treebank.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UdSentence {
    /// `# sent_id = …`, if given.
    pub id: Option<String>,
    /// `# text = …`, if given.
    pub text: Option<String>,
    /// Token forms (column 2).
    pub forms: Vec<String>,
    /// The annotation: tags, heads (0-based, `None` for the root) and
    /// universal relations. Missing values (`_`) read as `X`, `None` and
    /// `dep`.
    pub gold: Parse,
}

impl UdSentence {
    /// The forms as string slices.
    pub fn form_refs(&self) -> Vec<&str> {
        self.forms.iter().map(String::as_str).collect()
    }
}

/// Read the sentences of a CoNLL-U text; `file` names it in errors.
pub fn parse(text: &str, file: &str) -> Result<Vec<UdSentence>> {
    let mut out = Vec::new();
    let mut cur = UdSentence::default();
    let mut ids: Vec<usize> = Vec::new();
    let bad = |line: usize, message: String| Error::Data {
        file: file.to_string(),
        line,
        message,
    };
    let mut finish = |cur: &mut UdSentence, ids: &mut Vec<usize>, line: usize| -> Result<()> {
        if cur.forms.is_empty() {
            *cur = UdSentence::default();
            return Ok(());
        }
        for (k, &id) in ids.iter().enumerate() {
            if id != k + 1 {
                return Err(bad(
                    line,
                    format!("token ids not 1..n (got {id} at {})", k + 1),
                ));
            }
        }
        if let Some(h) = cur
            .gold
            .head
            .iter()
            .flatten()
            .find(|&&h| h >= cur.forms.len())
        {
            return Err(bad(line, format!("head {} outside the sentence", h + 1)));
        }
        out.push(std::mem::take(cur));
        ids.clear();
        Ok(())
    };
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() {
            finish(&mut cur, &mut ids, i + 1)?;
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            let c = c.trim();
            if let Some(v) = c.strip_prefix("sent_id =") {
                cur.id = Some(v.trim().to_string());
            } else if let Some(v) = c.strip_prefix("text =") {
                cur.text = Some(v.trim().to_string());
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(bad(i + 1, format!("{} columns, expected 10", cols.len())));
        }
        if cols[0].contains(['-', '.']) {
            continue;
        }
        let id: usize = cols[0]
            .parse()
            .map_err(|_| bad(i + 1, format!("bad token id `{}`", cols[0])))?;
        ids.push(id);
        cur.forms.push(cols[1].to_string());
        cur.gold.upos.push(Upos::parse(cols[3]).unwrap_or(Upos::X));
        let head = match cols[6] {
            "_" | "0" => None,
            h => Some(
                h.parse::<usize>()
                    .ok()
                    .filter(|&h| h > 0)
                    .ok_or_else(|| bad(i + 1, format!("bad head `{h}`")))?
                    - 1,
            ),
        };
        cur.gold.head.push(head);
        cur.gold
            .deprel
            .push(Deprel::parse(cols[7]).unwrap_or(Deprel::DEP));
    }
    finish(&mut cur, &mut ids, text.lines().count())?;
    Ok(out)
}

/// Read a CoNLL-U file.
pub fn read(path: &std::path::Path) -> Result<Vec<UdSentence>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    parse(&text, &path.display().to_string())
}

/// Write sentences as CoNLL-U: forms and the parse, `_` elsewhere; the
/// `# sent_id` and `# text` comments where known.
pub fn write(sents: &[(&UdSentence, &Parse)], out: &mut impl std::fmt::Write) -> std::fmt::Result {
    for (s, p) in sents {
        if let Some(id) = &s.id {
            writeln!(out, "# sent_id = {id}")?;
        }
        if let Some(t) = &s.text {
            writeln!(out, "# text = {t}")?;
        }
        for (k, form) in s.forms.iter().enumerate() {
            let head = p.head.get(k).map_or("_".to_string(), |h| {
                h.map_or("0".to_string(), |h| (h + 1).to_string())
            });
            let upos = p.upos.get(k).map_or("_", |u| u.as_str());
            let rel = p.deprel.get(k).map_or("_", |r| r.as_str());
            writeln!(
                out,
                "{}\t{form}\t_\t{upos}\t_\t_\t{head}\t{rel}\t_\t_",
                k + 1
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# sent_id = a-1\n# text = It's done.\n1-2\tIt's\t_\t_\t_\t_\t_\t_\t_\t_\n1\tIt\tit\tPRON\tPRP\t_\t3\tnsubj:pass\t_\t_\n2\t's\tbe\tAUX\tVBZ\t_\t3\taux:pass\t_\t_\n2.1\tx\t_\t_\t_\t_\t_\t_\t_\t_\n3\tdone\tdo\tVERB\tVBN\t_\t0\troot\t_\t_\n4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";

    #[test]
    fn reads_and_writes_a_tree() {
        let s = parse(SAMPLE, "t").unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].forms, ["It", "'s", "done", "."]);
        assert_eq!(s[0].gold.head, [Some(2), Some(2), None, Some(2)]);
        assert_eq!(s[0].gold.deprel[0].as_str(), "nsubj");
        assert_eq!(s[0].gold.upos[1], Upos::AUX);
        let mut out = String::new();
        write(&[(&s[0], &s[0].gold)], &mut out).unwrap();
        assert!(out.starts_with(
            "# sent_id = a-1\n# text = It's done.\n1\tIt\t_\tPRON\t_\t_\t3\tnsubj\t_\t_\n"
        ));
        assert_eq!(parse(&out, "t").unwrap()[0].gold, s[0].gold);
    }

    #[test]
    fn rejects_broken_lines() {
        assert!(parse("1\tx\n\n", "t").is_err());
        assert!(parse("1\ta\t_\tX\t_\t_\t9\tdep\t_\t_\n\n", "t").is_err());
    }
}
