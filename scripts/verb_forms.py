#!/usr/bin/env python3
"""Rebuild data/lexicon/verb_forms.tsv from UD training trees.

    python3 scripts/verb_forms.py ../shared/train > data/lexicon/verb_forms.tsv

Verb forms that are events only where the words before them leave no other
reading: a bare form after "to" or a modal ("plans to sell", "will own"), a
past participle after "had", "has" or "have" ("had left", "has been
downloaded"). A form is listed with the tags it has in the English Web
Treebank's train split and the GUM training genres, VB (bare) and VBN (past
participle), each seen at least twice as VERB; its lemma is its most
frequent VERB lemma. Left out: the VBN reading of forms that are a verb
in less than VERB_SHARE of their occurrences ("to be involved", "will be
limited": adjectives), forms the event lexicons already list
(data/lexicon/events.tsv, verbs.tsv, verbs_added.tsv), the verbs "be",
"have" and "do", and forms that are not alphabetic.
"""
import collections
import glob
import os
import sys

VERB_SHARE = 0.6

train = sys.argv[1] if len(sys.argv) > 1 else "../shared/train"
here = os.path.dirname(os.path.abspath(__file__))
files = [os.path.join(train, "ud-ewt", "en_ewt-ud-train.conllu")]
files += sorted(glob.glob(os.path.join(train, "gum", "*.conllu")))
tags = collections.defaultdict(collections.Counter)
lemma = collections.defaultdict(collections.Counter)
seen = collections.Counter()
for path in files:
    for line in open(path, encoding="utf-8"):
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 5 or not cols[0].isdigit():
            continue
        seen[cols[1].lower()] += 1
        if cols[3] != "VERB":
            continue
        form = cols[1].lower()
        tags[form][cols[4]] += 1
        lemma[form][cols[2].lower()] += 1
known = set()
for name in ("events.tsv", "verbs.tsv", "verbs_added.tsv"):
    for line in open(os.path.join(here, "../data/lexicon", name), encoding="utf-8"):
        cols = line.split("\t")
        if len(cols) >= 3 and cols[2] == "V":
            known.add(cols[0].lower())


def most_common(counter):
    # Ties broken by the value, so the file does not depend on reading order.
    return min(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0]


print("form\tlemma\ttags")
print("# Verb forms read as general events only after \"to\" or a modal (VB) or")
print("# a perfect's auxiliary (VBN); from the EWT train split (CC BY-SA 4.0)")
print("# and the GUM training genres (CC BY 4.0), built by scripts/verb_forms.py.")
for form in sorted(tags):
    lem = most_common(lemma[form])
    if not form.isalpha() or form in known or lem in ("be", "have", "do"):
        continue
    # A participle mostly an adjective ("involved", "limited", "related")
    # is no event after "to be" or "has been".
    adjective = sum(tags[form].values()) < VERB_SHARE * seen[form]
    kept = [t for t in ("VB", "VBN") if tags[form][t] >= 2 and not (t == "VBN" and adjective)]
    if kept:
        print(f"{form}\t{lem}\t{'|'.join(kept)}")
