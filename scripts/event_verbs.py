#!/usr/bin/env python3
"""Rebuild data/lexicon/verbs.tsv, the general event verbs, from UD training trees.

    python3 scripts/event_verbs.py ../shared/train > data/lexicon/verbs.tsv

A word form is an event verb when it occurs at least twice as VERB in the
English Web Treebank's train split and the GUM training genres, at least 90%
of its occurrences are VERB, and it is alphabetic. Its lemma is its most
frequent VERB lemma; its tense comes from its most frequent Penn tag (VBD and
VBN: past, VBG: ing, VBZ and VBP: pres, VB: base). A form that is mostly a
function word when tagged VERB ("according" to, "given" that: case, mark, cc
or fixed in most of its occurrences) is no event, nor is a temporal connective
("following"). Forms that the event lexicon
(data/lexicon/events.tsv) types are left out: it wins over this list anyway.
"""
import collections
import glob
import os
import sys

train = sys.argv[1] if len(sys.argv) > 1 else "../shared/train"
here = os.path.dirname(os.path.abspath(__file__))
files = [os.path.join(train, "ud-ewt", "en_ewt-ud-train.conllu")]
files += sorted(glob.glob(os.path.join(train, "gum", "*.conllu")))
upos, xpos, lemma, deprel = (collections.defaultdict(collections.Counter) for _ in range(4))
FUNCTION = {"case", "mark", "cc", "fixed"}
# A temporal connective is order between events, not an event ("resigned
# following the audit"); the timeline reads it as such.
CONNECTIVES = {"following"}
for path in files:
    for line in open(path, encoding="utf-8"):
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 5 or not cols[0].isdigit():
            continue
        form = cols[1].lower()
        upos[form][cols[3]] += 1
        if cols[3] == "VERB":
            xpos[form][cols[4]] += 1
            lemma[form][cols[2].lower()] += 1
            deprel[form][cols[7].split(":")[0] in FUNCTION] += 1
typed = set()
for line in open(os.path.join(here, "../data/lexicon/events.tsv"), encoding="utf-8"):
    typed.add(line.split("\t")[0].lower())
tense = {"VBD": "past", "VBN": "past", "VBG": "ing", "VBZ": "pres", "VBP": "pres", "VB": "base"}


def most_common(counter):
    # Ties broken by the value, so the file does not depend on reading order.
    return min(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0]


print("form\tlemma\tpos\ttense\ttype")
print("# General event verbs (type Other) from the English Web Treebank train split")
print("# (CC BY-SA 4.0) and the GUM training genres (CC BY 4.0); built by")
print("# scripts/event_verbs.py. data/lexicon/events.tsv wins over a form listed here.")
for form in sorted(upos):
    verb = upos[form]["VERB"]
    if verb < 2 or verb < 0.9 * sum(upos[form].values()) or not form.isalpha() or form in typed or form in CONNECTIVES:
        continue
    if 2 * deprel[form][True] > verb:
        continue
    t = tense.get(most_common(xpos[form]))
    if t is None:
        continue
    print(f"{form}\t{most_common(lemma[form])}\tV\t{t}\tOther")
