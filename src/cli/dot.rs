//! `newsgraph dot`: a Graphviz view, or any CONSTRUCT query, as DOT or
//! rendered by Graphviz.

use super::{output, Config};
use newsgraph::error::{Error, Result};
use newsgraph::query::dot::{self, View};
use newsgraph::store::Store;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// What to draw: a view, or the result of a CONSTRUCT query file.
pub(super) struct Drawing {
    pub(super) view: Option<View>,
    pub(super) query: Option<PathBuf>,
    pub(super) name: Option<String>,
}

impl Drawing {
    fn draw(&self, store: &Store, mut out: &mut dyn Write) -> Result<()> {
        match (&self.query, self.view) {
            (Some(file), _) => {
                let text = std::fs::read_to_string(file).map_err(|e| Error::io(file, e))?;
                dot::render_construct(store, &file.display().to_string(), &text, &mut out)
            }
            (None, Some(v)) => dot::render(store, v, self.name.as_deref(), &mut out),
            (None, None) => Err(Error::Usage(
                "give a view (meetings, timeline, entity) or --query FILE.rq".into(),
            )),
        }
    }
}

pub(super) fn run(
    cfg: &Config,
    drawing: Drawing,
    render: Option<&str>,
    path: Option<&PathBuf>,
) -> Result<ExitCode> {
    let store = Store::open_read_only(&cfg.store)?;
    if let (Some(format), Some(path)) = (render, path) {
        let mut dot_text = Vec::new();
        drawing.draw(&store, &mut dot_text)?;
        dot::render_with_graphviz(&dot_text, format, path)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = output(path)?;
    drawing.draw(&store, &mut out)?;
    out.flush().map_err(Error::Serialize)?;
    Ok(ExitCode::SUCCESS)
}
