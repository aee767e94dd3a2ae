//! Word lists of name recognition (`data/words/ner/`).

crate::word_list!(
    CORPORATE_SUFFIXES,
    "ner/corporate_suffixes.txt",
    "Words after a gazetteer organization that still name it (\"Acme Inc\", \"Acme Computer\")."
);
crate::word_list!(
    HYPHEN_PREFIXES,
    "ner/hyphen_prefixes.txt",
    "Lower-case words that open a hyphened compound with a capitalized word (\"anti-\", \"mid-\")."
);
crate::word_list!(
    ORG_HEADS,
    "ner/org_heads.txt",
    "Last (or first) words of organization names (\"ministry\", \"council\")."
);
crate::word_list!(
    ORG_DESCRIPTORS,
    "ner/org_descriptors.txt",
    "Nouns right before a name that make it an organization's (\"the law firm X\")."
);
crate::word_list!(
    ORG_OPENERS,
    "ner/org_openers.txt",
    "Words opening organization names in other languages (\"Banco\", \"Grupo\", \"Partido\")."
);
crate::word_list!(
    ORG_WORDS,
    "ner/org_words.txt",
    "Words that make a capitalized run an organization wherever they sit (\"national\")."
);
crate::word_list!(
    PLACE_OPENERS,
    "ner/place_openers.txt",
    "First words of place names (\"Puerto\", \"Santa\", \"Fort\")."
);
crate::word_list!(
    PLACE_HEADS,
    "ner/place_heads.txt",
    "Last words of place names (\"airport\", \"museum\")."
);
crate::word_list!(
    NOT_PERSON_WORDS,
    "ner/not_person_words.txt",
    "Words that keep a capitalized run from being a person's name (\"festival\", \"hurricane\")."
);
crate::word_list!(
    MOTION_WORDS,
    "ner/motion_words.txt",
    "Beginnings of words of motion, after which \"to X\" names a place (\"flew\", \"extradit\")."
);
crate::word_list!(
    RELIGIOUS_GROUPS,
    "ner/religious_groups.txt",
    "Plural names of religious groups, capitalized (\"Muslims\")."
);
crate::word_list!(
    NAME_PARTICLES,
    "ner/name_particles.txt",
    "Lowercase particles inside person names (\"van\", \"bin\")."
);
crate::word_list!(
    SPORTS_WORDS,
    "ner/sports_words.txt",
    "Words of sports reports, in whose sentences a country is its team (\"striker\")."
);
crate::word_list!(
    CREDIT_PREFIXES,
    "ner/credit_prefixes.txt",
    "Beginnings of photo-credit lines, lowercased (\"photo:\")."
);
crate::word_list!(
    MARKET_INDICES,
    "ner/market_indices.txt",
    "Names of stock market indices, lowercased (\"ftse 100\", \"hang seng\"): no organization or place."
);
crate::word_list!(
    PRODUCT_NOUNS,
    "ner/product_nouns.txt",
    "Lowercase nouns of kinds of product (\"sedan\", \"smartphone\"): a model's name before one is no entity."
);
crate::word_list!(
    PUBLICATION_HEADS,
    "ner/publication_heads.txt",
    "Lowercase words after a name that make it a publication (\"magazine\")."
);
crate::word_list!(
    IMPERSONAL_VERBS,
    "ner/impersonal_verbs.txt",
    "Lemmas of event verbs that tell no person as their subject (\"attend\", \"strike\")."
);
crate::word_list!(
    FOLLOWERS,
    "ner/followers.txt",
    "Function words, auxiliaries and irregular past tenses that may follow the head of a definite description (\"said\")."
);
crate::word_list!(
    PARTY_LABELS,
    "ner/party_labels.txt",
    "Party labels before a title or a name, each with its party's gazetteer name (\"democrat\" for the Democratic Party)."
);
crate::word_list!(
    CAPTION_MARKERS,
    "ner/caption_markers.txt",
    "Words in capitals that open a photo caption or a clip, lowercased (\"file\", \"watch\"): no dateline."
);
crate::word_list!(
    HEAD_MODIFIED,
    "ner/head_modified.txt",
    "Nouns a lone organization head word opening a sentence modifies (\"Court records show\"): no name."
);
crate::word_list!(
    WORKER_NOUNS,
    "ner/worker_nouns.txt",
    "People by their work, before \"at\" or \"with\" and where they work (\"an analyst at X\")."
);
crate::word_list!(
    WORK_NOUNS,
    "ner/work_nouns.txt",
    "Nouns of works and words before titles (\"film\", \"novel\", \"titled\"): a quoted title after one names no entity."
);
