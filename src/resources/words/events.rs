//! Word lists of event detection and dating (`data/words/events/`).

// Clauses (`crate::extract::clause`).
crate::word_list!(
    BOUNDARIES,
    "events/boundaries.txt",
    "Clause boundaries for event detection: a trigger's participants are looked for between them."
);
crate::word_list!(
    DATING_BOUNDARIES,
    "events/dating_boundaries.txt",
    "Clause boundaries for dating: a time expression dates the events of its own clause."
);
crate::word_list!(
    UNDERGOER_NOUNS,
    "events/undergoer_nouns.txt",
    "Event nouns whose \"of\" names who undergoes them (\"the release of X\")."
);
crate::word_list!(
    REACTION_VERBS,
    "events/reaction_verbs.txt",
    "Verbs of reacting to an event: a time after the event noun they take is theirs (\"condemned the bombing on Tuesday\")."
);

// Triggers (`crate::extract::events::triggers`).
crate::word_list!(
    NOUN_CONTEXT,
    "events/noun_context.txt",
    "Words before a trigger that make it a noun: \"the firing\", \"his resignation\"."
);
crate::word_list!(
    GATHERINGS,
    "events/gatherings.txt",
    "Gatherings one attends: \"attended the summit\" is a meeting (and \"attended school\" none)."
);
crate::word_list!(
    LIGHT_VERBS,
    "events/light_verbs.txt",
    "Light verbs: with an event noun as object (\"held talks\") the noun is the event."
);
crate::word_list!(PROCESS_MEETINGS, "events/process_meetings.txt", "Lemmas of a process that lasts (\"peace talks\"): a meeting only where its sides are named right after it.");

// Senses (`crate::extract::events::senses`).
crate::word_list!(
    OBLIGATIONS,
    "events/obligations.txt",
    "Things one \"meets\" that are not people: \"meet the needs\"."
);
crate::word_list!(
    DISMISSED_THINGS,
    "events/dismissed_things.txt",
    "What one dismisses that is no person in a post: \"dismissed the claims\", \"the dismissal of the charges\"."
);
crate::word_list!(
    PROJECTILES,
    "events/projectiles.txt",
    "Things fired or thrown in an attack: \"fired tear gas\", \"threw stones\"."
);
crate::word_list!(
    ARMED,
    "events/armed.txt",
    "Who or what strikes in an attack: \"gunmen struck\", \"a drone struck\"."
);
crate::word_list!(
    VERBAL_ATTACK,
    "events/verbal_attack.txt",
    "Words before \"attacks\" that make them words, not violence: \"personal attacks\"."
);
crate::word_list!(
    FIRE_OPENERS,
    "events/fire_openers.txt",
    "Verbs before \"fire\" that make it shooting: \"opened fire\", \"returned fire\"."
);
crate::word_list!(
    LABOUR_STRIKE,
    "events/labour_strike.txt",
    "Words before \"strike\" that make it a strike of workers: \"hunger strike\", \"on strike\"."
);
crate::word_list!(
    STRIKE_IDIOMS,
    "events/strike_idioms.txt",
    "Objects of \"strike\" that make it an idiom: \"strike a deal\", \"strike a balance\"."
);
crate::word_list!(
    CLASH_NOUN_CONTEXT,
    "events/clash_noun_context.txt",
    "Words before \"clash(es)\" that make it a noun, hostilities: \"deadly clashes\"."
);
crate::word_list!(
    BOMB_VERB_CONTEXT,
    "events/bomb_verb_context.txt",
    "Words before \"bomb(s)\" that make it the verb, not the weapon: \"to bomb\", \"they bomb\"."
);
crate::word_list!(VERB_CONTEXT, "events/verb_context.txt", "Words before a gerund or bare trigger that make it a verb, not a modifier: \"will meet victims\".");
crate::word_list!(
    GERUND_MODIFIED,
    "events/gerund_modified.txt",
    "Nouns a gerund or bare trigger modifies, then no event: \"bombing runs\"."
);
crate::word_list!(
    NOUN_MODIFIED,
    "events/noun_modified.txt",
    "Nouns a noun trigger modifies, then no event: \"the election campaign\"."
);
crate::word_list!(
    ADJECTIVAL_PARTICIPLES,
    "events/adjectival_participles.txt",
    "Lemmas whose past participle is often an adjective: \"alleged ties\"."
);
crate::word_list!(
    PARTICIPLE_VERB_CONTEXT,
    "events/participle_verb_context.txt",
    "Words after a past participle that keep it a verb: \"reported that\", \"arrested in\"."
);

// Order (`crate::extract::timeline`).
crate::word_list!(
    BARE_FORM_GOVERNORS,
    "events/bare_form_governors.txt",
    "Words before a bare verb form that make it no simple present: modals, \"to\", \"let\", \"and\"."
);

// Roles (`crate::extract::events::roles`).
crate::word_list!(
    COMMON_SUBJECT_OPENERS,
    "events/common_subject_openers.txt",
    "Determiners and quantifiers that open a noun phrase of common nouns right before a verb (\"the engineers had been killed\"): that phrase is the verb's subject, not a name before it."
);
crate::word_list!(
    OBJECT_CONTROL,
    "events/object_control.txt",
    "Verbs whose object does what follows \"to\": \"ordered the police to arrest\" (the police arrest)."
);
crate::word_list!(
    GERUND_CONTROL,
    "events/gerund_control.txt",
    "Verbs whose object does what a gerund after \"for\" or \"of\" says: \"arrested two men for attacking\" (the men attacked)."
);
crate::word_list!(
    GOVERNING_BODIES,
    "events/governing_bodies.txt",
    "Bodies acting for what they govern: \"the board of X fired\" has X as its subject."
);
crate::word_list!(
    REPRESENTATIVES,
    "events/representatives.txt",
    "People acting for an organization or country named after \"for\", \"of\", \"at\" or \"from\": \"a spokesman for X said\" has X as its subject."
);
crate::word_list!(
    GROUP_HEADS,
    "events/group_heads.txt",
    "Plural nouns of people acting as a body (\"authorities\", \"officials\"): a name right before one only modifies the verb's subject (\"Norland authorities seized\")."
);
crate::word_list!(
    PREPOSITIONS,
    "events/prepositions.txt",
    "Prepositions: a name after one is no subject; a noun trigger's modifier stops at one."
);
crate::word_list!(
    OBJECT_STOPS,
    "events/object_stops.txt",
    "Words that end a general verb's direct object: none stands between the verb and its object, and a name followed by one is the object's head."
);
crate::word_list!(
    TRANSFER_VERBS,
    "events/transfer_verbs.txt",
    "Lemmas of verbs of giving and sending: the name after \"to\" behind the thing given is the recipient."
);
crate::word_list!(
    CONTROL,
    "events/control.txt",
    "Words before \"to\" whose subject does what follows (\"Acme expects to cut jobs\")."
);
crate::word_list!(
    UNDERTAKE_VERBS,
    "events/undertake_verbs.txt",
    "Verbs whose subject does the event their object names (\"launched an investigation\")."
);
crate::word_list!(
    PLURAL_ANAPHORS,
    "events/plural_anaphors.txt",
    "Words that refer back to two people: \"the two\", \"they\", \"the diplomats\"."
);
crate::word_list!(
    AUXILIARIES,
    "events/auxiliaries.txt",
    "Auxiliaries that start another predicate: a place beyond one is not the verb trigger's."
);
crate::word_list!(
    VERB_GROUP,
    "events/verb_group.txt",
    "Words between a subject and its verb (auxiliaries, modals, negation, adverbs): a general verb's subject is the name right before them."
);

// Modality (`crate::extract::events::modality`).
crate::word_list!(
    POSSIBILITY,
    "events/possibility.txt",
    "Words making an event only possible: \"could strike\", \"threatened to bomb\"."
);
crate::word_list!(
    HEDGE_STOPS,
    "events/hedge_stops.txt",
    "Where the look back for a possibility word stops: clause edges."
);
crate::word_list!(
    JUDGEMENT,
    "events/judgement.txt",
    "Verbs of judging that leave a hedged event real: \"may be seen as the deadliest raid\"."
);
crate::word_list!(
    INTENT,
    "events/intent.txt",
    "Words before a trigger making it scheduled or intended: \"will meet\", \"plans to visit\"."
);
crate::word_list!(
    DEMAND_VERBS,
    "events/demand_verbs.txt",
    "Verbs asking for an event: the event noun they take is not said to have happened (\"demanded his resignation\", \"called for an inquiry\")."
);
crate::word_list!(ASPECT_VERBS, "events/aspect_verbs.txt", "Starts of verbs of aspect whose infinitive tells what happened (\"began to fall\"), matched as prefixes.");

crate::word_list!(
    RETROSPECTIVE_VERBS,
    "events/retrospective_verbs.txt",
    "Verbs (lemmas) whose object event happened before them (\"rejected the offer\")."
);
crate::word_list!(
    PROSPECTIVE_VERBS,
    "events/prospective_verbs.txt",
    "Verbs (lemmas) whose object event comes after them (\"postponed the vote\")."
);

crate::word_list!(
    EVIDENCE_VERBS,
    "events/evidence_verbs.txt",
    "Verbs (lemmas) that report what a source shows, like a statement (\"the audit showed the bank had lost\")."
);

// Dating (`crate::extract::timeline`).
crate::word_list!(DATE_NOT_MODIFIER, "events/date_not_modifier.txt", "Words after a date that show it pre-modifies no noun (\"2016 and\"), unlike \"the 2016 campaign\".");
crate::word_list!(
    CONVERSATION_VERBS,
    "events/conversation_verbs.txt",
    "Lemmas of general verbs of conversation: \"spoke by phone with X\" is a call."
);
crate::word_list!(
    CALL_WORDS,
    "events/call_words.txt",
    "Words that make a conversation a call (Communication)."
);
crate::word_list!(
    SETTLEMENT_NOUNS,
    "events/settlement_nouns.txt",
    "Kinds of settlement or region before \"of\" and a place's name (\"in the town of X\")."
);
crate::word_list!(
    MOTION_VERBS,
    "events/motion_verbs.txt",
    "Lemmas of general verbs of motion; a star marks those whose object can be the place reached (\"entered Norland\")."
);
crate::word_list!(
    FUTURE_MARKERS,
    "events/future_markers.txt",
    "Words that put a time expression after them in the future: \"will meet on Friday\"."
);
crate::word_list!(
    INTENTION_VERBS,
    "events/intention_verbs.txt",
    "Verbs of intention that put a time after \"to\" in the future: \"hopes to launch it in May\"."
);
crate::word_list!(
    COMMITMENT_VERBS,
    "events/commitment_verbs.txt",
    "Verbs of commitment or schedule whose infinitive, later in the clause, is still to come: \"agreed on Monday to meet again in May\"."
);
crate::word_list!(
    LABOUR_CUES,
    "events/labour_cues.txt",
    "Words of a labour dispute: a strike in a story that uses them is the workers' (\"the union called the strike\")."
);
crate::word_list!(
    POSTS,
    "events/posts.txt",
    "What a departure leaves when it ends a job: \"her departure from the bank\" is a resignation, not a journey."
);
crate::word_list!(
    OCCURRENCE_VERBS,
    "events/occurrence_verbs.txt",
    "Lemmas of verbs telling only that an event happened: with an event noun as subject (\"the attack happened on Tuesday\") the noun is the event."
);
crate::word_list!(
    STATIVE_VERBS,
    "events/stative_verbs.txt",
    "Verbs (lemmas) whose participle set off after a noun tells a state, not an earlier act: \"the ferry, operated by a local firm, sank\"."
);
crate::word_list!(
    RESULT_PARTICIPLES,
    "events/result_participles.txt",
    "Participles after a comma that tell what a simple past before them led to: \"crashed, killing nine\"."
);
