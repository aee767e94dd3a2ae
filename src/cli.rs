//! Command-line arguments and the dispatch of each subcommand.

use clap::{Parser, Subcommand, ValueEnum};
use newsgraph::dot::View;
use newsgraph::error::{Error, Result};
use newsgraph::ingest::{self, IngestOptions, Published};
use newsgraph::lexicon::Lexicon;
use newsgraph::ner::NerMode;
use newsgraph::queries::{self, CannedQuery, ResultFormat};
use newsgraph::store::Store;
use newsgraph::{eval, extract, json, rdf};
use oxigraph::io::RdfFormat;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Print a line to stdout, returning an error (not panicking) when stdout
/// is closed, e.g. by `| head`.
macro_rules! say {
    ($($arg:tt)*) => {
        writeln!(std::io::stdout().lock(), $($arg)*).map_err(Error::Serialize)?
    };
}

/// Exit code when some inputs were skipped but the rest went through.
const EXIT_SKIPPED: u8 = 3;

#[derive(Parser, Debug)]
#[command(
    name = "newsgraph",
    version,
    about = "English news articles → an RDF knowledge graph you can query, draw and export"
)]
pub struct Args {
    /// Store directory [default: $NEWSGRAPH_STORE, else ./newsgraph.db]
    #[arg(long, global = true, env = "NEWSGRAPH_STORE")]
    store: Option<PathBuf>,
    /// Largest article accepted, in MB (longer ones are extracted in 1 MB parts)
    #[arg(long, global = true, default_value_t = ingest::DEFAULT_MAX_ARTICLE_MB)]
    max_article_mb: usize,
    /// Extra event trigger lexicon (same TSV format as data/lexicon/events.tsv); repeatable
    #[arg(long, global = true)]
    lexicon: Vec<PathBuf>,
    /// Name recognition: rules, the trained tagger, or hybrid (rules, plus the tagger's names they miss)
    #[arg(long, global = true, value_enum, default_value_t = NerChoice::Hybrid)]
    ner: NerChoice,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Extract articles (files, directories, or - for stdin) and store them
    Ingest {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Publication date YYYY-MM-DD that relative dates resolve against ('' = unknown)
        #[arg(long)]
        published: Option<String>,
        /// Kilobytes of text extracted in parallel and committed together: bounds
        /// memory; an interrupted ingest keeps every batch committed before it
        #[arg(long, default_value_t = ingest::BATCH_BYTES / 1024)]
        batch_kb: usize,
        /// Print a line on stderr each time a batch is committed
        #[arg(long, short)]
        verbose: bool,
    },
    /// Extract one article to stdout, without a store
    Extract {
        file: PathBuf,
        #[arg(long)]
        published: Option<String>,
        #[arg(long, value_enum, default_value_t = ExtractFormat::Json)]
        format: ExtractFormat,
    },
    /// Run a canned query (see `queries`), a .rq file, or --sparql TEXT
    Query {
        /// Canned query name or path to a .rq file
        name: Option<String>,
        #[arg(long)]
        sparql: Option<String>,
        /// NAME=VALUE: binds the query variable ?p_NAME to the literal VALUE; repeatable
        #[arg(long = "param", value_parser = parse_param)]
        params: Vec<(String, String)>,
        #[arg(long, value_enum, default_value_t = ResultFormat::Table)]
        format: ResultFormat,
        /// Stop the query after this many seconds (0: no limit)
        #[arg(long, default_value_t = 60)]
        timeout: u64,
    },
    /// List the canned queries with their parameters
    Queries,
    /// Export the whole store in an RDF format
    Export {
        #[arg(long, value_enum, default_value_t = ExportFormat::Turtle)]
        format: ExportFormat,
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Draw a Graphviz DOT view: meetings, timeline, entity --name NAME
    Dot {
        #[arg(value_enum, required_unless_present = "query")]
        view: Option<View>,
        /// Draw the result of a CONSTRUCT query file instead of a view
        #[arg(long, conflicts_with = "view")]
        query: Option<PathBuf>,
        /// Entity name for the `entity` view
        #[arg(long)]
        name: Option<String>,
        /// Run Graphviz to write svg or png (needs -o FILE)
        #[arg(long, value_parser = ["svg", "png", "pdf"], requires = "output")]
        render: Option<String>,
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Counts of articles, triples and things by type
    Stats,
    /// Remove an article (its source path or graph IRI) from the store
    Remove { article: String },
    /// Ingest the bundled sample articles into a temporary store and show what it finds
    Demo,
    /// Measure throughput: extraction on one core and on all cores, and the store load
    Bench {
        /// Articles: files, directories, or FORMAT.md .jsonl files [default: the bundled samples]
        paths: Vec<PathBuf>,
        /// Minimum seconds per measurement
        #[arg(long, default_value_t = 3.0)]
        seconds: f64,
    },
    /// Score the extractor against gold JSON Lines files (FORMAT.md)
    Eval {
        #[arg(required = true)]
        gold: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = EvalFormat::Table)]
        format: EvalFormat,
    },
    /// Train the name tagger on GUM CoNLL-U files and write the model (data/models/ner.bin)
    TrainNer {
        /// Folder of GUM .conllu files
        #[arg(long, default_value = "../shared/train/gum")]
        gum: PathBuf,
        /// Passes over the training data
        #[arg(long, default_value_t = 8)]
        epochs: usize,
        /// Model file to write
        #[arg(short, long, default_value = "data/models/ner.bin")]
        output: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum NerChoice {
    Rules,
    Tagger,
    Hybrid,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ExtractFormat {
    Json,
    Turtle,
    Ntriples,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ExportFormat {
    Turtle,
    Ntriples,
    Nquads,
    Trig,
    Rdfxml,
    Jsonld,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum EvalFormat {
    Table,
    Json,
}

fn parse_param(s: &str) -> std::result::Result<(String, String), String> {
    s.split_once('=')
        .map(|(k, v)| (k.trim().to_string(), v.to_string()))
        .ok_or_else(|| format!("expected NAME=VALUE, got `{s}`"))
}

impl ExportFormat {
    fn rdf(self) -> RdfFormat {
        match self {
            ExportFormat::Turtle => RdfFormat::Turtle,
            ExportFormat::Ntriples => RdfFormat::NTriples,
            ExportFormat::Nquads => RdfFormat::NQuads,
            ExportFormat::Trig => RdfFormat::TriG,
            ExportFormat::Rdfxml => RdfFormat::RdfXml,
            ExportFormat::Jsonld => RdfFormat::JsonLd {
                profile: oxigraph::io::JsonLdProfileSet::empty(),
            },
        }
    }
}

/// Settings shared by the subcommands, built from the arguments.
struct Config {
    store: PathBuf,
    max_article_bytes: usize,
    lexicon: Vec<PathBuf>,
    ner: NerMode,
    progress: bool,
}

impl Config {
    fn from_args(args: &Args) -> Self {
        Config {
            store: args
                .store
                .clone()
                .unwrap_or_else(|| PathBuf::from("newsgraph.db")),
            max_article_bytes: args.max_article_mb.saturating_mul(1_000_000),
            lexicon: args.lexicon.clone(),
            ner: match args.ner {
                NerChoice::Rules => NerMode::Rules,
                NerChoice::Tagger => NerMode::Tagger,
                NerChoice::Hybrid => NerMode::Hybrid,
            },
            progress: std::io::stderr().is_terminal(),
        }
    }

    fn lexicon(&self) -> Result<std::borrow::Cow<'static, Lexicon>> {
        let mut lex = if self.lexicon.is_empty() {
            std::borrow::Cow::Borrowed(Lexicon::bundled())
        } else {
            std::borrow::Cow::Owned(Lexicon::with_user_lexicons(&self.lexicon)?)
        };
        if lex.ner_mode != self.ner {
            lex.to_mut().ner_mode = self.ner;
        }
        Ok(lex)
    }
}

fn output(path: Option<&PathBuf>) -> Result<Box<dyn Write>> {
    Ok(match path {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).map_err(|e| Error::io(p, e))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    })
}

pub fn run(args: Args) -> Result<ExitCode> {
    let cfg = Config::from_args(&args);
    match args.command {
        Command::Ingest {
            paths,
            published,
            batch_kb,
            verbose,
        } => {
            let opts = IngestOptions {
                published: Published::from_flag(published.as_deref())?,
                progress: cfg.progress && !verbose,
                max_article_bytes: cfg.max_article_bytes,
                batch_bytes: batch_kb.saturating_mul(1024),
                verbose,
            };
            let lex = cfg.lexicon()?;
            let store = Store::open(&cfg.store)?;
            let s = ingest::ingest(&store, &paths, &lex, &opts)?;
            for w in &s.warnings {
                eprintln!("warning: {w}");
            }
            for k in &s.skipped {
                eprintln!("skipped: {}: {}", k.source, k.reason);
            }
            eprintln!(
                "{} articles ({} new, {} replaced, {} unchanged), {} entities, {} events, {} triples in {:.2}s → {}",
                s.articles, s.added, s.replaced, s.unchanged, s.entities, s.events, s.triples, s.seconds,
                cfg.store.display()
            );
            Ok(if s.skipped.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(EXIT_SKIPPED)
            })
        }
        Command::Extract {
            file,
            published,
            format,
        } => {
            let lex = cfg.lexicon()?;
            let mut warnings = Vec::new();
            let article = ingest::read_article(
                &file,
                Published::from_flag(published.as_deref())?,
                cfg.max_article_bytes,
                &mut warnings,
            )
            .map_err(|reason| Error::Usage(format!("{}: {reason}", file.display())))?;
            let key = ingest::article_key(&article);
            let stem = file
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("article")
                .to_string();
            // A long article is extracted part by part, as ingest stores it,
            // so that memory stays bounded: one JSON line (or one block of
            // triples) per part.
            let each = match format {
                ExtractFormat::Json => "one JSON line",
                ExtractFormat::Turtle | ExtractFormat::Ntriples => "one graph",
            };
            let parts = ingest::split_parts(article, key, each, &mut warnings);
            for w in &warnings {
                eprintln!("warning: {w}");
            }
            let mut out = output(None)?;
            let many = parts.len() > 1;
            for (i, (part, key)) in parts.into_iter().enumerate() {
                let x = extract::extract_article(&part, &lex);
                match format {
                    ExtractFormat::Json => {
                        let id = if many {
                            format!("{stem}#part-{}", i + 1)
                        } else {
                            stem.clone()
                        };
                        let pubs = part.published.map(|d| d.to_string());
                        let doc = json::document(&id, &part.text, pubs.as_deref(), &x);
                        serde_json::to_writer(&mut out, &doc)
                            .map_err(|e| Error::Serialize(e.into()))?;
                        writeln!(out).map_err(Error::Serialize)?;
                    }
                    ExtractFormat::Turtle | ExtractFormat::Ntriples => {
                        let store = Store::in_memory()?;
                        store.bulk_load(rdf::quads(&part, &key, &x))?;
                        let f = if matches!(format, ExtractFormat::Turtle) {
                            RdfFormat::Turtle
                        } else {
                            RdfFormat::NTriples
                        };
                        store.export(f, &mut out)?;
                    }
                }
            }
            out.flush().map_err(Error::Serialize)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Query {
            name,
            sparql,
            params,
            format,
            timeout,
        } => {
            let q = match (name, sparql) {
                (_, Some(text)) => CannedQuery::parse("--sparql", &text),
                (Some(n), None) if n.ends_with(".rq") || std::path::Path::new(&n).is_file() => {
                    let text = std::fs::read_to_string(&n).map_err(|e| Error::io(&n, e))?;
                    CannedQuery::parse(&n, &text)
                }
                (Some(n), None) => queries::find(&n).ok_or(Error::UnknownQuery(n))?,
                (None, None) => return Err(Error::Usage("give a query name, a .rq file, or --sparql TEXT; `newsgraph queries` lists the names".into())),
            };
            // Canned queries and files with `# param:` headers check their
            // parameter names; ad-hoc SPARQL takes any. NAME binds ?p_NAME.
            let bound = if q.params.is_empty() {
                params
                    .iter()
                    .map(|(k, v)| (format!("p_{k}"), newsgraph::store::string_param(v)))
                    .collect()
            } else {
                q.bind(&params)?
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
            queries::write_results(results, format, &mut out).map_err(timed_out)?;
            out.flush().map_err(Error::Serialize)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Queries => {
            for q in queries::bundled() {
                say!("{:<15} {}", q.name, q.description);
                for p in &q.params {
                    say!("{:<15}   --param {}=…  {}", "", p.name, p.description);
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Export {
            format,
            output: path,
        } => {
            let store = Store::open_read_only(&cfg.store)?;
            let mut out = output(path.as_ref())?;
            store.export(format.rdf(), &mut out)?;
            out.flush().map_err(Error::Serialize)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Dot {
            view,
            query,
            name,
            render,
            output: path,
        } => {
            let store = Store::open_read_only(&cfg.store)?;
            let draw = |store: &Store, out: &mut dyn Write| -> Result<()> {
                let mut out = out;
                match (&query, view) {
                    (Some(file), _) => {
                        let text = std::fs::read_to_string(file).map_err(|e| Error::io(file, e))?;
                        newsgraph::dot::render_construct(
                            store,
                            &file.display().to_string(),
                            &text,
                            &mut out,
                        )
                    }
                    (None, Some(v)) => newsgraph::dot::render(store, v, name.as_deref(), &mut out),
                    (None, None) => Err(Error::Usage(
                        "give a view (meetings, timeline, entity) or --query FILE.rq".into(),
                    )),
                }
            };
            if let (Some(format), Some(path)) = (render, path.as_ref()) {
                let mut dot_text = Vec::new();
                draw(&store, &mut dot_text)?;
                newsgraph::dot::render_with_graphviz(&dot_text, &format, path)?;
                return Ok(ExitCode::SUCCESS);
            }
            let mut out = output(path.as_ref())?;
            draw(&store, &mut out)?;
            out.flush().map_err(Error::Serialize)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Stats => {
            let s = Store::open_read_only(&cfg.store)?.stats()?;
            say!("articles  {}", s.articles);
            say!("triples   {} (union of article graphs)", s.triples);
            say!("quads     {}", s.quads);
            for (t, n) in &s.by_type {
                say!("{t:<24} {n}");
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Remove { article } => {
            let store = Store::open(&cfg.store)?;
            let target = store
                .articles()?
                .into_iter()
                .find(|(iri, source)| iri.as_str() == article || *source == article)
                .ok_or_else(|| Error::Usage(format!("no article `{article}` in {}: `newsgraph query --sparql 'SELECT ?a ?s {{ ?a <https://w3id.org/newsgraph/ontology#source> ?s }}'` lists them", cfg.store.display())))?;
            store.remove_article(&target.0)?;
            eprintln!("removed {} ({})", target.1, target.0.as_str());
            Ok(ExitCode::SUCCESS)
        }
        Command::Demo => demo(&cfg),
        Command::Bench { paths, seconds } => {
            let lex = cfg.lexicon()?;
            let articles = if paths.is_empty() {
                SAMPLES
                    .iter()
                    .map(|(name, text)| newsgraph::doc::Article {
                        source: (*name).to_string(),
                        text: (*text).to_string(),
                        published: newsgraph::extract::date_in_name(name),
                        title: String::new(),
                    })
                    .collect()
            } else {
                newsgraph::bench::corpus(&paths)?
            };
            if articles.is_empty() {
                return Err(Error::Usage("no articles to measure".into()));
            }
            let r = newsgraph::bench::run(&articles, &lex, seconds)?;
            say!(
                "corpus: {} articles, {:.2} MB",
                r.corpus_articles,
                r.corpus_bytes as f64 / 1e6
            );
            for p in &r.passes {
                say!(
                    "extract, {} thread{}: {:>8.0} articles/s  {:>6.2} MB/s  {:>9.0} words/s  ({} articles in {:.2}s)",
                    p.threads,
                    if p.threads == 1 { " " } else { "s" },
                    p.articles_per_s(),
                    p.mb_per_s(),
                    p.words_per_s(),
                    p.articles,
                    p.seconds
                );
            }
            say!(
                "extract + RDF + bulk load: {} triples in {:.2}s = {:.0} triples/s",
                r.triples,
                r.load_seconds,
                r.triples as f64 / r.load_seconds
            );
            if let Some(m) = r.peak_rss_mb {
                say!("peak memory (RSS): {m:.0} MB");
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::TrainNer {
            gum,
            epochs,
            output,
        } => {
            // Train on the rules' own output: the rules are features.
            let mut lex = cfg.lexicon()?.into_owned();
            lex.ner_mode = NerMode::Rules;
            let (model, report) = newsgraph::train::train_dir(&gum, &lex, epochs, |m| {
                eprintln!("{m}");
            })?;
            std::fs::write(&output, model.to_bytes()).map_err(|e| Error::io(&output, e))?;
            eprintln!(
                "{} features → {}; rebuild (cargo build --release) to embed it",
                report.features,
                output.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval { gold, format } => {
            let lex = cfg.lexicon()?;
            let mut all = Vec::new();
            for g in &gold {
                let r = eval::eval_file(g, &lex)?;
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
    }
}

/// The bundled sample articles, embedded so `demo` runs from anywhere.
const SAMPLES: &[(&str, &str)] = &[
    (
        "2024-03-14-harbour-summit.txt",
        include_str!("../data/samples/2024-03-14-harbour-summit.txt"),
    ),
    (
        "2024-03-20-port-authority-chief-fired.txt",
        include_str!("../data/samples/2024-03-20-port-authority-chief-fired.txt"),
    ),
    (
        "2024-04-02-timeline-harbour-affair.txt",
        include_str!("../data/samples/2024-04-02-timeline-harbour-affair.txt"),
    ),
];

fn demo(cfg: &Config) -> Result<ExitCode> {
    let dir = tempfile::tempdir().map_err(|e| Error::io(std::env::temp_dir(), e))?;
    let mut paths = Vec::new();
    for (name, text) in SAMPLES {
        let p = dir.path().join(name);
        std::fs::write(&p, text).map_err(|e| Error::io(&p, e))?;
        paths.push(p);
    }
    let store = Store::open(&dir.path().join("store"))?;
    let lex = cfg.lexicon()?;
    let opts = IngestOptions {
        progress: cfg.progress,
        max_article_bytes: cfg.max_article_bytes,
        ..IngestOptions::default()
    };
    let s = ingest::ingest(&store, &paths, &lex, &opts)?;
    say!(
        "Ingested {} sample articles: {} entities, {} events, {} triples in {:.2}s\n",
        s.articles,
        s.entities,
        s.events,
        s.triples,
        s.seconds
    );
    let mut out = std::io::stdout().lock();
    for name in ["who-met-whom", "timeline"] {
        let q = queries::find(name).ok_or_else(|| Error::UnknownQuery(name.into()))?;
        writeln!(out, "== {name}: {}", q.description).map_err(Error::Serialize)?;
        queries::write_results(
            store.select(name, &q.sparql, &[])?,
            ResultFormat::Table,
            &mut out,
        )?;
        writeln!(out).map_err(Error::Serialize)?;
    }
    Ok(ExitCode::SUCCESS)
}
