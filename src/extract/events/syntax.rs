//! Participants from the dependency parse of the trigger's sentence: the
//! subject and object of a verb (passives and their `by`-agent included),
//! `obl` with with/between/against, possessors and compounds of a noun
//! ("Comey's firing", "the FBI probe"), its `nmod`s ("talks between X and
//! Y", "the firing of Y"), coordination ("X and Y met"), control and
//! raising ("agreed to meet", "was expected to resign"), relative clauses
//! ("the official who was fired"), appositions ("Lavrov, Russia's foreign
//! minister") and light verbs ("X held talks with Y").
//!
//! A dependent that names no entity (police, a suicide bomber) gives no
//! participant: it is never replaced by another name.

use super::{Placed, Site};
use crate::extract::parse::Parse;
use crate::model::{EntityType, KindInfo, Participant, Role, Shape};
use crate::resources::words::events::{GERUND_CONTROL, GOVERNING_BODIES, OBJECT_CONTROL};
use crate::resources::Pos;

/// A sentence's parse with child lists; token indices are absolute
/// (`offset` is the sentence's first token).
pub(crate) struct Tree {
    parse: Parse,
    offset: usize,
    children: Vec<Vec<usize>>,
}

impl Tree {
    pub(crate) fn new(parse: Parse, offset: usize) -> Self {
        let mut children = vec![Vec::new(); parse.len()];
        for (k, h) in parse.head.iter().enumerate() {
            if let Some(h) = *h {
                if h < children.len() {
                    children[h].push(k + offset);
                }
            }
        }
        Tree {
            parse,
            offset,
            children,
        }
    }

    fn contains(&self, t: usize) -> bool {
        t >= self.offset && t < self.offset + self.parse.len()
    }

    fn rel(&self, t: usize) -> &'static str {
        self.parse.deprel[t - self.offset].as_str()
    }

    fn head(&self, t: usize) -> Option<usize> {
        self.parse.head[t - self.offset].map(|h| h + self.offset)
    }

    fn kids(&self, t: usize) -> &[usize] {
        &self.children[t - self.offset]
    }

    fn kids_with<'s>(&'s self, t: usize, rel: &'s str) -> impl Iterator<Item = usize> + 's {
        self.kids(t)
            .iter()
            .copied()
            .filter(move |&c| self.rel(c) == rel)
    }
}

/// The site's tokens and mentions as the parse sees them.
struct Reader<'a> {
    site: &'a Site<'a>,
    tree: &'a Tree,
}

impl Reader<'_> {
    fn lower(&self, t: usize) -> &str {
        self.site.tokens[t].lower.as_str()
    }

    /// The preposition or possessive marker of a nominal (`case` child).
    fn case_of(&self, t: usize) -> Option<&str> {
        self.tree.kids_with(t, "case").next().map(|c| self.lower(c))
    }

    /// The mention a token is part of.
    fn mention_at(&self, t: usize) -> Option<Placed> {
        self.site
            .names
            .iter()
            .copied()
            .find(|p| p.first <= t && t < p.end)
    }

    /// The entities a nominal names: its own mention, else the one in
    /// apposition to it ("the minister, Sergey Lavrov"), each with those
    /// coordinated with it ("X and Y").
    fn named(&self, t: usize) -> Vec<Placed> {
        let mut out = Vec::new();
        self.collect_named(t, &mut out, 0);
        out
    }

    fn collect_named(&self, t: usize, out: &mut Vec<Placed>, depth: usize) {
        if depth > 8 {
            return;
        }
        let appos = || {
            self.tree
                .kids_with(t, "appos")
                .find_map(|a| self.mention_at(a))
        };
        let own = match self.mention_at(t) {
            // "Helix Corp chief executive Ana Costa", parsed with the
            // person in apposition: the organization qualifies the person.
            Some(o) if o.kind != EntityType::Person => Some(
                appos()
                    .filter(|p| {
                        p.kind == EntityType::Person && p.first >= o.end && p.first <= o.end + 3
                    })
                    .unwrap_or(o),
            ),
            Some(o) => Some(o),
            None => appos(),
        };
        // "Radio Nordby's Ana Costa": a possessor's name qualifies
        // the name after it, however the parse hangs the two.
        let own = own.map(|o| self.possessed(o).unwrap_or(o));
        // The tokens of the phrase: the whole mention where `t` is in one
        // (a parser may hang a coordinated name on any of its words).
        let words = match own {
            Some(p) => p.first..p.end,
            None => t..t + 1,
        };
        if let Some(p) = own {
            if !out.iter().any(|q| q.entity == p.entity) {
                out.push(p);
            }
        }
        for w in words.filter(|&w| self.tree.contains(w)) {
            let conj: Vec<usize> = self
                .tree
                .kids_with(w, "conj")
                .filter(|c| own.is_none_or(|p| *c >= p.end))
                .collect();
            for c in conj {
                self.collect_named(c, out, depth + 1);
            }
        }
    }

    /// The name right after a name and its possessive "'s".
    fn possessed(&self, o: Placed) -> Option<Placed> {
        let marker = self.site.tokens.get(o.end)?;
        if !matches!(marker.lower.as_str(), "'s" | "\u{2019}s") {
            return None;
        }
        // ("Norland Bank's chief economist Ana Costa": the person's title
        // may stand between.)
        (self.site.names.iter())
            .find(|p| p.kind == EntityType::Person && p.titled.min(p.first) == o.end + 1)
            .copied()
    }

    /// A past participle coordinated with a passive verb, with no
    /// auxiliary, subject or object of its own, is passive too: "Berg was
    /// questioned for hours and released".
    fn shares_passive(&self, v: usize) -> bool {
        let Some(h) = self.tree.head(v) else {
            return false;
        };
        self.tree.rel(v) == "conj"
            && !self.lower(h).ends_with("ing")
            && matches!(self.site.trig.tense.as_str(), "past" | "pastpart")
            && !(self.tree.kids(v).iter())
                .any(|&c| matches!(self.tree.rel(c), "aux" | "nsubj" | "obj"))
            && self.tree.kids_with(h, "aux").any(|a| {
                matches!(
                    self.lower(a),
                    "was" | "were" | "is" | "are" | "been" | "be" | "being"
                )
            })
    }

    /// The actors (not places) among what a nominal names.
    fn actors(&self, t: usize) -> Vec<Placed> {
        let tokens = self.site.tokens;
        // "Helix Corp CEO Ana Costa", "Radio Nordby political reporter
        // Jonas Berg": an organization in a person's title stands for the person,
        // however the parse hangs the two.
        let titled_person = |o: &Placed| {
            (o.kind == EntityType::Organization)
                .then(|| {
                    self.site.names.iter().find(|p| {
                        p.kind == EntityType::Person
                            && p.titled >= o.end
                            && p.first <= o.end + 4
                            // (Not across the trigger: "Helix Corp fired
                            // Jonas Berg's lawyer".)
                            && !(o.end..p.first).contains(&self.site.i)
                            && tokens[o.end..p.first].iter().all(|w| {
                                w.shape != Shape::Punct && !matches!(w.lower.as_str(), "and" | "or")
                            })
                    })
                })
                .flatten()
                .copied()
        };
        // "in Lisbon, Portugal": the country after a place and its comma
        // says where the place is.
        let locates = |p: &Placed| {
            p.first >= 2
                && tokens[p.first - 1].lower == ","
                && self.site.names.iter().any(|q| {
                    q.end + 1 == p.first
                        && matches!(q.kind, EntityType::Place | EntityType::Country)
                })
        };
        let mut out: Vec<Placed> = Vec::new();
        for p in self.named(t) {
            let p = titled_person(&p).unwrap_or(p);
            if p.kind != EntityType::Place
                && !locates(&p)
                && !out.iter().any(|q| q.entity == p.entity)
            {
                out.push(p);
            }
        }
        out
    }

    /// A passive verb: a form of "be" or "get" as its auxiliary.
    fn passive(&self, v: usize) -> bool {
        self.tree.kids_with(v, "aux").any(|a| {
            matches!(
                self.lower(a),
                "was" | "were" | "is" | "are" | "been" | "be" | "being" | "got" | "get" | "gets"
            )
        }) && matches!(self.site.trig.tense.as_str(), "past" | "pastpart")
    }

    /// The subject of a verb, climbing through control and raising ("agreed
    /// to meet", "was expected to resign"), coordinated verbs ("met X and
    /// fired Y") and relative clauses ("the official who resigned").
    fn subject(&self, v: usize) -> (Vec<Placed>, bool) {
        let mut at = v;
        for _ in 0..4 {
            let subjects: Vec<usize> = self.tree.kids_with(at, "nsubj").collect();
            if !subjects.is_empty() {
                let mut actors = Vec::new();
                for s in subjects {
                    // "The board of Helix Corp fired…": the body acts for
                    // what it governs.
                    let mut named = self.actors(s);
                    if named.is_empty() && GOVERNING_BODIES.contains(self.lower(s)) {
                        named = self.governed(s, "nmod", &["of"]);
                        named.retain(|p| p.kind != EntityType::Person);
                    }
                    for p in named {
                        if !actors.iter().any(|q: &Placed| q.entity == p.entity) {
                            actors.push(p);
                        }
                    }
                }
                return (actors, at == v || !self.passive(at));
            }
            let Some(h) = self.tree.head(at) else { break };
            match self.tree.rel(at) {
                // "ordered the police to arrest", "asked Jonas Berg to
                // meet": the object of the verb does what follows, named
                // or not.
                "xcomp" if OBJECT_CONTROL.contains(self.lower(h)) => {
                    if let Some(o) = self.object_of(h) {
                        return (self.actors(o), true);
                    }
                    at = h;
                }
                // "arrested two men for attacking", "accused Helix Corp of
                // hiding": the object does what the gerund says.
                "advcl" | "acl"
                    if GERUND_CONTROL.contains(self.lower(h))
                        && self.lower(at).ends_with("ing")
                        && self
                            .tree
                            .kids(at)
                            .iter()
                            .any(|&c| matches!(self.lower(c), "for" | "of")) =>
                {
                    if let Some(o) = self.object_of(h) {
                        return (self.actors(o), true);
                    }
                    break;
                }
                "xcomp" | "conj" => at = h,
                // "the official who was fired": the noun the clause modifies.
                "acl" => return (self.actors(h), true),
                _ => break,
            }
        }
        (Vec::new(), true)
    }

    /// The direct (or indirect) object of the verb `v`.
    fn object_of(&self, v: usize) -> Option<usize> {
        self.tree
            .kids(v)
            .iter()
            .copied()
            .find(|&c| matches!(self.tree.rel(c), "obj" | "iobj"))
    }

    /// Nominal dependents of `t` with relation `rel` and a preposition in `cases`.
    fn governed(&self, t: usize, rel: &str, cases: &[&str]) -> Vec<Placed> {
        self.tree
            .kids_with(t, rel)
            .filter(|&c| self.case_of(c).is_some_and(|k| cases.contains(&k)))
            .flat_map(|c| self.actors(c))
            .collect()
    }
}

/// Add the mentions of `grp` in `role`, each entity once.
fn add(ps: &mut Vec<Participant>, grp: &[Placed], role: Role) {
    for p in grp {
        if !ps.iter().any(|x: &Participant| x.entity == p.entity) {
            ps.push(Participant {
                entity: p.entity,
                role,
            });
        }
    }
}

/// The trigger's head token: the one whose head lies outside the trigger.
fn trigger_head(site: &Site, tree: &Tree) -> Option<usize> {
    let span = site.i..site.i + site.len;
    span.clone()
        .filter(|&t| tree.contains(t))
        .find(|&t| tree.head(t).is_none_or(|h| !span.contains(&h)))
}

/// The participants of the trigger by the parse; `None` where the parse
/// does not cover it.
pub(super) fn actors(site: &Site, tree: &Tree) -> Option<Vec<Participant>> {
    let h = trigger_head(site, tree)?;
    let rd = Reader { site, tree };
    let info = KindInfo::of(&site.trig.kind);
    Some(match site.trig.pos {
        Pos::Verb => verb_roles(&rd, h, info),
        _ => noun_roles(&rd, h, info),
    })
}

fn verb_roles(rd: &Reader, v: usize, info: KindInfo) -> Vec<Participant> {
    let mut ps = Vec::new();
    let (subject, own_voice) = rd.subject(v);
    let passive = (own_voice && rd.passive(v)) || rd.shares_passive(v);
    let objects: Vec<Placed> = rd
        .tree
        .kids_with(v, "obj")
        .flat_map(|o| rd.actors(o))
        .collect();
    let with = rd.governed(v, "obl", &["with", "between", "among", "alongside"]);
    let against = rd.governed(v, "obl", &["against", "on"]);
    let by = rd.governed(v, "obl", &["by"]);
    if info.symmetric {
        add(&mut ps, &subject, Role::Participant);
        add(&mut ps, &objects, Role::Participant);
        add(&mut ps, &with, Role::Participant);
    } else if passive {
        // ("Brenner was questioned and released": what an untyped verb
        // is done to.)
        // (Who "was told" or "was asked" to do something did not tell;
        // who "was flown to Oslo" was moved.)
        if info.has_patient || info.untyped || info.mover_is_patient {
            add(&mut ps, &subject, Role::Patient);
        }
        add(&mut ps, &by, Role::Agent);
    } else if info.patient_subject.contains(&rd.site.trig.lemma.as_str()) {
        add(&mut ps, &subject, Role::Patient);
    } else if info.mover_is_patient {
        let moved = super::roles::movers(&objects);
        if moved.is_empty() {
            add(&mut ps, &subject, Role::Patient);
        } else {
            add(&mut ps, &subject, Role::Agent);
            add(&mut ps, &moved, Role::Patient);
        }
    } else {
        add(&mut ps, &subject, Role::Agent);
        if info.has_patient {
            add(&mut ps, &objects, Role::Patient);
            add(&mut ps, &against, Role::Patient);
        }
    }
    ps
}

fn noun_roles(rd: &Reader, n: usize, info: KindInfo) -> Vec<Participant> {
    let mut ps = Vec::new();
    let tree = rd.tree;
    let possessor_role = if info.symmetric {
        Role::Participant
    } else if info.possessor_is_patient {
        Role::Patient
    } else {
        Role::Agent
    };
    // "Comey's firing", "Russia's attack": an nmod before the noun, marked
    // with 's.
    let possessors: Vec<Placed> = tree
        .kids_with(n, "nmod")
        .filter(|&c| c < n && matches!(rd.case_of(c), Some("'s" | "'")))
        .flat_map(|c| rd.actors(c))
        .collect();
    add(&mut ps, &possessors, possessor_role);
    // "the FBI probe", "the Trump-Kim summit": names compounded with it.
    for c in tree.kids_with(n, "compound").filter(|&c| c < n) {
        for p in rd.actors(c) {
            let role = if info.symmetric {
                Role::Participant
            } else if p.kind == EntityType::Person && info.has_patient {
                Role::Patient
            } else {
                Role::Agent
            };
            add(&mut ps, &[p], role);
        }
    }
    if info.symmetric {
        let sides = rd.governed(n, "nmod", &["with", "between", "among", "of"]);
        add(&mut ps, &sides, Role::Participant);
    } else {
        let done_to = rd.governed(n, "nmod", &["of", "into", "against", "on", "over"]);
        let role = if info.has_patient {
            Role::Patient
        } else {
            Role::Agent
        };
        add(&mut ps, &done_to[..done_to.len().min(1)], role);
        add(&mut ps, &rd.governed(n, "nmod", &["by"]), Role::Agent);
    }
    // "X held talks with Y", "X launched an attack on Y": the subject of a
    // verb whose object the noun is.
    if ps.iter().all(|p| p.role == Role::Patient) && tree.rel(n) == "obj" {
        if let Some(v) = tree.head(n) {
            let (subject, _) = rd.subject(v);
            let role = if info.symmetric {
                Role::Participant
            } else if info.mover_is_patient {
                Role::Patient
            } else {
                Role::Agent
            };
            add(&mut ps, &subject, role);
            if info.symmetric {
                add(&mut ps, &rd.governed(v, "obl", &["with", "between"]), role);
            } else if info.has_patient {
                add(
                    &mut ps,
                    &rd.governed(v, "obl", &["on", "against"]),
                    Role::Patient,
                );
            }
        }
    }
    ps
}

/// The place of the trigger by the parse: a place or country governed by
/// in/at/near (a trip's destination too: to/into) on the trigger, or on the
/// verb whose subject or object a noun trigger is. `None` where the parse
/// gives none.
pub(super) fn place(site: &Site, tree: &Tree) -> Option<Placed> {
    let h = trigger_head(site, tree)?;
    let rd = Reader { site, tree };
    let mut cases = vec![
        "in",
        "at",
        "near",
        "outside",
        "inside",
        "across",
        "throughout",
    ];
    let destination = KindInfo::of(&site.trig.kind).destination;
    if destination {
        cases.extend(["to", "into", "for"]);
    }
    let mut heads = vec![h];
    if site.trig.pos != Pos::Verb && matches!(tree.rel(h), "obj" | "nsubj") {
        heads.extend(tree.head(h));
    }
    // "visited Kenya": a movement's object is where it went.
    if destination && site.trig.pos == Pos::Verb {
        let visited = tree.kids_with(h, "obj").find_map(|o| {
            rd.named(o)
                .into_iter()
                .find(|p| matches!(p.kind, EntityType::Place | EntityType::Country))
        });
        if visited.is_some() {
            return visited;
        }
    }
    heads.into_iter().find_map(|t| {
        ["obl", "nmod"].into_iter().find_map(|rel| {
            tree.kids_with(t, rel)
                .filter(|&c| rd.case_of(c).is_some_and(|k| cases.contains(&k)))
                .find_map(|c| {
                    rd.named(c)
                        .into_iter()
                        .find(|p| matches!(p.kind, EntityType::Place | EntityType::Country))
                })
        })
    })
}
