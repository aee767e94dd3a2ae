//! `newsgraph eval`: score the extractor against FORMAT.md gold files.

use super::{say, Config, EvalFormat};
use newsgraph::error::{Error, Result};
use newsgraph::eval;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

pub(super) fn run(cfg: &Config, gold: &[PathBuf], format: EvalFormat) -> Result<ExitCode> {
    let extractor = cfg.extractor()?;
    let mut all = Vec::new();
    for g in gold {
        let r = eval::eval_file(g, &extractor)?;
        if matches!(format, EvalFormat::Table) {
            let mut out = std::io::stdout().lock();
            r.report
                .write_table(&mut out, &r.file)
                .map_err(Error::Serialize)?;
            writeln!(
                out,
                "speed: {} words in {:.2}s = {:.0} words/s (all cores)\n",
                r.words,
                r.seconds,
                r.words_per_second()
            )
            .map_err(Error::Serialize)?;
        }
        all.push(r);
    }
    if matches!(format, EvalFormat::Json) {
        let v: Vec<serde_json::Value> = all
            .iter()
            .map(|r| {
                let mut j = r.report.to_json();
                j["file"] = r.file.clone().into();
                j["words"] = r.words.into();
                j["seconds"] = r.seconds.into();
                j["words_per_second"] = r.words_per_second().into();
                j
            })
            .collect();
        say!(
            "{}",
            serde_json::to_string_pretty(&v).map_err(|e| Error::Serialize(e.into()))?
        );
    }
    Ok(ExitCode::SUCCESS)
}
