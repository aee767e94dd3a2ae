//! Events: what happened, who took part in which role, and whether it happened.

use super::{PartialDate, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    Agent,
    Patient,
    Participant,
    Place,
}

impl Role {
    pub const fn as_str(self) -> &'static str {
        match self {
            Role::Agent => "agent",
            Role::Patient => "patient",
            Role::Participant => "participant",
            Role::Place => "place",
        }
    }
}

/// Whether the event is said to have happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Modality {
    Asserted,
    Negated,
    /// Scheduled or intended: "will meet", "plans to visit".
    Planned,
    /// Possible only: "could strike", "threatened to bomb", "the possibility
    /// of an explosion".
    Hypothetical,
}

impl Modality {
    pub const fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Negated => "negated",
            Modality::Planned => "planned",
            Modality::Hypothetical => "hypothetical",
        }
    }

    /// Said to have happened or to be scheduled: an event of the world, as
    /// opposed to one denied or only imagined.
    pub const fn realized(self) -> bool {
        matches!(self, Modality::Asserted | Modality::Planned)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    /// Index into [`Extraction::entities`].
    pub entity: usize,
    pub role: Role,
}

/// A further mention of an event ("the attack" after "militants attacked
/// a convoy"), with the participants its own sentence names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coreferent {
    pub trigger: Span,
    /// Sentence the trigger is in.
    pub sentence: usize,
    pub participants: Vec<Participant>,
}

/// Something that happened, with its participants and time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Event type name from the trigger lexicon (`Meeting`, `Dismissal`...).
    pub kind: String,
    /// The trigger word of the first mention.
    pub trigger: Span,
    /// Further mentions of the same happening.
    pub coreferent: Vec<Coreferent>,
    /// Lemma of the trigger ("meet", "fire").
    pub lemma: String,
    /// Who took part, as any of the event's mentions names them, once each.
    pub participants: Vec<Participant>,
    /// Those the sentence of `trigger` names: the participants of this
    /// mention of the event, where `participants` holds every mention's.
    pub local: Vec<Participant>,
    /// Normalized date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`), if the text fixes it.
    pub date: Option<PartialDate>,
    pub modality: Modality,
    /// Sentence the trigger is in.
    pub sentence: usize,
    /// Read from a general verb (`data/lexicon/verbs.tsv`), not a typed
    /// trigger: kept only where the text says who did it, when, or what
    /// came before or after it.
    pub generic: bool,
}

/// What the extractor knows of an event type: how its participants are
/// read and whether its mentions corefer. Types not in the table (from a
/// user `--lexicon` file) get [`KindInfo::DEFAULT`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindInfo {
    /// The type name, as in the trigger lexicon (`""` for the default).
    pub name: &'static str,
    /// Participants are symmetric ("X met Y", "talks between X and Y"):
    /// all take [`Role::Participant`].
    pub symmetric: bool,
    /// Done *to* someone: the object is the patient ("fired Y"), so is a
    /// passive subject ("Y was fired").
    pub has_patient: bool,
    /// Whether the possessor of a noun trigger is the patient ("Comey's
    /// firing") rather than the agent ("the FBI's investigation").
    pub possessor_is_patient: bool,
    /// Intransitive verb lemmas whose subject is the patient ("X died").
    pub patient_subject: &'static [&'static str],
    /// A verb trigger is this type only where a person is the patient
    /// ("dismissed the claims" is no dismissal).
    pub needs_person_patient: bool,
    /// Mentions with agreeing participants and dates are one happening
    /// (coreference); statements, trips and the like are each their own.
    pub happening: bool,
    /// Coreferent mentions may name fewer people, but none other: the
    /// smaller set of people must be within the larger (meetings). Else one
    /// shared participant is enough.
    pub nested_participants: bool,
    /// Untyped: labelled by the trigger's lemma ("Other (deliver)").
    pub untyped: bool,
    /// A movement: its place may be where it goes ("travelled to X",
    /// "visited X"), not only where it happens ("in X").
    pub destination: bool,
    /// Given before someone, who takes part: "testified before the
    /// committee".
    pub audience: bool,
    /// Who or what moves is the patient, as ACE's Transport event has it
    /// (its Artifact): "Obama travelled to Cuba", "refugees fled", "Obama's
    /// trip"; the agent is who moves it ("the army flew the troops in").
    pub mover_is_patient: bool,
    /// It happens at a site where a reporter can be: a dateline's place
    /// ("BRUSSELS —") is where it happened when the lead sentence names
    /// no other. Not what is said, decided or done on paper, which a
    /// bureau reports from afar.
    pub on_site: bool,
}

impl KindInfo {
    /// An event type of a user lexicon: its participants are agents, and
    /// its mentions corefer.
    pub const DEFAULT: KindInfo = KindInfo {
        name: "",
        symmetric: false,
        has_patient: false,
        possessor_is_patient: false,
        patient_subject: &[],
        needs_person_patient: false,
        happening: true,
        nested_participants: false,
        untyped: false,
        destination: false,
        audience: false,
        mover_is_patient: false,
        on_site: false,
    };

    const fn kind(name: &'static str) -> KindInfo {
        KindInfo {
            name,
            ..KindInfo::DEFAULT
        }
    }

    /// Done to a patient, who is also the possessor of a noun trigger.
    const fn done_to(name: &'static str) -> KindInfo {
        KindInfo {
            has_patient: true,
            possessor_is_patient: true,
            ..KindInfo::kind(name)
        }
    }

    /// Its mentions do not corefer.
    const fn on_site(self) -> KindInfo {
        KindInfo {
            on_site: true,
            ..self
        }
    }

    const fn each_its_own(self) -> KindInfo {
        KindInfo {
            happening: false,
            ..self
        }
    }

    /// The properties of the event type `kind`.
    pub fn of(kind: &str) -> KindInfo {
        KINDS
            .iter()
            .find(|k| k.name == kind)
            .copied()
            .unwrap_or(KindInfo::DEFAULT)
    }
}

/// Every event type of the bundled lexicon with its properties.
const KINDS: &[KindInfo] = &[
    KindInfo {
        symmetric: true,
        nested_participants: true,
        ..KindInfo::kind("Meeting")
    }
    .on_site(),
    KindInfo {
        symmetric: true,
        ..KindInfo::kind("Communication")
    }
    .each_its_own(),
    KindInfo::kind("Statement").each_its_own(),
    KindInfo {
        needs_person_patient: true,
        ..KindInfo::done_to("Dismissal")
    },
    KindInfo::kind("Resignation"),
    KindInfo::done_to("Appointment"),
    KindInfo::done_to("Election"),
    // "the FBI's investigation", "Russia's attack", "Trump's accusation":
    // the possessor acts.
    KindInfo {
        possessor_is_patient: false,
        ..KindInfo::done_to("Investigation")
    },
    KindInfo {
        possessor_is_patient: false,
        ..KindInfo::done_to("Accusation")
    },
    KindInfo::done_to("Arrest").on_site(),
    KindInfo::done_to("Charge"),
    KindInfo::done_to("Trial").on_site(),
    KindInfo::done_to("Sentence"),
    KindInfo::done_to("Seizure").on_site(),
    KindInfo {
        audience: true,
        ..KindInfo::kind("Testimony")
    }
    .on_site(),
    KindInfo {
        possessor_is_patient: false,
        ..KindInfo::done_to("Attack")
    }
    .on_site(),
    KindInfo::kind("Protest").each_its_own().on_site(),
    KindInfo {
        patient_subject: &["die"],
        ..KindInfo::done_to("Death")
    }
    .on_site(),
    KindInfo {
        destination: true,
        mover_is_patient: true,
        ..KindInfo::done_to("Travel")
    }
    .each_its_own()
    .on_site(),
    KindInfo::kind("Publication").each_its_own(),
    KindInfo {
        untyped: true,
        ..KindInfo::kind("Other")
    },
];

impl Event {
    /// The properties of this event's type.
    pub fn kind_info(&self) -> KindInfo {
        KindInfo::of(&self.kind)
    }

    /// The properties of the event type `kind` ([`KindInfo::of`]).
    pub fn kind_info_of(kind: &str) -> KindInfo {
        KindInfo::of(kind)
    }
}

#[cfg(test)]
mod tests {
    use super::KindInfo;

    #[test]
    fn kinds_are_listed_once_and_unknown_kinds_get_the_default() {
        for (k, a) in super::KINDS.iter().enumerate() {
            assert!(
                super::KINDS[..k].iter().all(|b| b.name != a.name),
                "{}",
                a.name
            );
        }
        assert_eq!(KindInfo::of("Meeting").name, "Meeting");
        assert_eq!(KindInfo::of("meeting"), KindInfo::DEFAULT);
        assert_eq!(KindInfo::of("Vaccination"), KindInfo::DEFAULT);
    }

    #[test]
    fn every_type_of_the_bundled_lexicon_is_in_the_table() {
        let tsv = include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/lexicon/events.tsv"
        ));
        for line in tsv
            .lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        {
            let kind = line.split('\t').next_back().unwrap_or("");
            assert_eq!(KindInfo::of(kind).name, kind, "{line}");
        }
    }
}
