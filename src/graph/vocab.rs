//! Every IRI newsgraph writes, in one place. `tests/ontology.rs` checks that
//! each `ng:` term here is declared in `ontology/newsgraph.ttl`.

macro_rules! terms {
    ($ns:literal; $($name:ident = $local:literal),* $(,)?) => {
        $(pub const $name: ::oxigraph::model::NamedNodeRef<'static> = ::oxigraph::model::NamedNodeRef::new_unchecked(concat!($ns, $local));)*
        /// All terms of this vocabulary, for checks against the ontology.
        pub const ALL: &[::oxigraph::model::NamedNodeRef<'static>] = &[$($name),*];
    };
}

/// The newsgraph ontology.
pub mod ng {
    pub const NS: &str = "https://w3id.org/newsgraph/ontology#";
    terms!("https://w3id.org/newsgraph/ontology#";
        ONTOLOGY = "",
        MEETING = "Meeting",
        COMMUNICATION = "Communication",
        STATEMENT = "Statement",
        DISMISSAL = "Dismissal",
        RESIGNATION = "Resignation",
        APPOINTMENT = "Appointment",
        ELECTION = "Election",
        INVESTIGATION = "Investigation",
        ACCUSATION = "Accusation",
        ARREST = "Arrest",
        CHARGE = "Charge",
        TRIAL = "Trial",
        SENTENCE = "Sentence",
        SEIZURE = "Seizure",
        TESTIMONY = "Testimony",
        ATTACK = "Attack",
        PROTEST = "Protest",
        DEATH = "Death",
        TRAVEL = "Travel",
        PUBLICATION = "Publication",
        OTHER_EVENT = "OtherEvent",
        AGENT = "agent",
        PATIENT = "patient",
        PARTICIPANT = "participant",
        DATE = "date",
        BEFORE = "before",
        TRIGGER = "trigger",
        LEMMA = "lemma",
        MODALITY = "modality",
        MENTION = "mention",
        SOURCE = "source",
        CONTENT_HASH = "contentHash",
        EVENT_TYPE = "eventType",
        PENDING = "pending",
        PENDING_LABEL = "pendingLabel",
    );

    /// The class of an event type name; unknown (user lexicon) types map to
    /// `ng:OtherEvent` with the name kept in `ng:eventType`.
    pub fn event_class(kind: &str) -> oxigraph::model::NamedNodeRef<'static> {
        ALL.iter()
            .copied()
            .find(|t| {
                t.as_str().strip_prefix(NS) == Some(kind)
                    && kind.starts_with(|c: char| c.is_uppercase())
            })
            .unwrap_or(OTHER_EVENT)
    }
}

/// schema.org
pub mod schema {
    terms!("http://schema.org/";
        PERSON = "Person",
        ORGANIZATION = "Organization",
        COUNTRY = "Country",
        PLACE = "Place",
        NEWS_ARTICLE = "NewsArticle",
        NAME = "name",
        DATE_PUBLISHED = "datePublished",
        JOB_TITLE = "jobTitle",
        MEMBER_OF = "memberOf",
        NATIONALITY = "nationality",
    );
}

/// Simple Event Model.
pub mod sem {
    terms!("http://semanticweb.cs.vu.nl/2009/11/sem/";
        EVENT = "Event",
        HAS_ACTOR = "hasActor",
        HAS_PLACE = "hasPlace",
    );
}

/// NIF 2.0 core.
pub mod nif {
    terms!("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
        CONTEXT = "Context",
        STRING = "String",
        PHRASE = "Phrase",
        BEGIN_INDEX = "beginIndex",
        END_INDEX = "endIndex",
        ANCHOR_OF = "anchorOf",
        REFERENCE_CONTEXT = "referenceContext",
        IS_STRING = "isString",
    );
}

pub mod prov {
    terms!("http://www.w3.org/ns/prov#";
        WAS_DERIVED_FROM = "wasDerivedFrom",
    );
}

pub use oxigraph::model::vocab::{rdf, rdfs, xsd};

pub mod owl {
    terms!("http://www.w3.org/2002/07/owl#";
        SAME_AS = "sameAs",
    );
}

/// Namespace of the resources newsgraph mints (articles, entities, events).
pub(crate) const ID: &str = "https://w3id.org/newsgraph/id/";
/// Wikidata entities.
pub(crate) const WIKIDATA: &str = "http://www.wikidata.org/entity/";

/// Prefixes used in Turtle/TriG output and in the canned queries.
pub(crate) const PREFIXES: &[(&str, &str)] = &[
    ("ng", "https://w3id.org/newsgraph/ontology#"),
    ("schema", "http://schema.org/"),
    ("sem", "http://semanticweb.cs.vu.nl/2009/11/sem/"),
    (
        "nif",
        "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    ),
    ("prov", "http://www.w3.org/ns/prov#"),
    ("owl", "http://www.w3.org/2002/07/owl#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("wd", "http://www.wikidata.org/entity/"),
    ("id", "https://w3id.org/newsgraph/id/"),
];

/// `http://schema.org/Person` → `schema:Person`.
pub fn compact_iri(iri: &str) -> String {
    for (p, ns) in PREFIXES {
        if let Some(local) = iri.strip_prefix(ns) {
            return format!("{p}:{local}");
        }
    }
    iri.to_string()
}
