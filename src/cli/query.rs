//! `newsgraph query` and `newsgraph queries`.

use super::{output, say, Config};
use newsgraph::error::{Error, Result};
use newsgraph::query::canned::{self, CannedQuery, ResultFormat};
use newsgraph::store::{self, Store};
use std::io::Write;
use std::process::ExitCode;

pub(super) fn run(
    cfg: &Config,
    name: Option<String>,
    sparql: Option<String>,
    params: &[(String, String)],
    format: ResultFormat,
    timeout: u64,
) -> Result<ExitCode> {
    let q = match (name, sparql) {
        (_, Some(text)) => CannedQuery::parse("--sparql", &text),
        (Some(n), None) if n.ends_with(".rq") || std::path::Path::new(&n).is_file() => {
            let text = std::fs::read_to_string(&n).map_err(|e| Error::io(&n, e))?;
            CannedQuery::parse(&n, &text)
        }
        (Some(n), None) => canned::find(&n).ok_or(Error::UnknownQuery(n))?,
        (None, None) => return Err(Error::Usage(
            "give a query name, a .rq file, or --sparql TEXT; `newsgraph queries` lists the names"
                .into(),
        )),
    };
    // Canned queries and files with `# param:` headers check their
    // parameter names; ad-hoc SPARQL takes any. NAME binds ?p_NAME.
    let bound = if q.params.is_empty() {
        params
            .iter()
            .map(|(k, v)| (format!("p_{k}"), store::string_param(v)))
            .collect()
    } else {
        q.bind(params)?
    };
    let limit = (timeout > 0).then(|| std::time::Duration::from_secs(timeout));
    let timed_out = |e: Error| match e {
        Error::QueryEval(oxigraph::sparql::QueryEvaluationError::Cancelled) => {
            Error::Timeout(timeout)
        }
        e => e,
    };
    let store = Store::open_read_only(&cfg.store)?;
    let results = store
        .select_with_timeout(&q.name, &q.sparql, &bound, limit)
        .map_err(timed_out)?;
    let mut out = output(None)?;
    canned::write_results(results, format, &mut out).map_err(timed_out)?;
    out.flush().map_err(Error::Serialize)?;
    Ok(ExitCode::SUCCESS)
}

pub(super) fn list() -> Result<ExitCode> {
    for q in canned::bundled() {
        say!("{:<15} {}", q.name, q.description);
        for p in &q.params {
            say!("{:<15}   --param {}=…  {}", "", p.name, p.description);
        }
    }
    Ok(ExitCode::SUCCESS)
}
