#!/usr/bin/env python3
"""Rebuild data/lexicon/common_words.txt from the GUM training genres and the
EWT train split.

    python3 scripts/common_words.py ../shared/train/gum ../shared/train/ud-ewt/en_ewt-ud-train.conllu > data/lexicon/common_words.txt

A word is common when it is not a given name and occurs at least twice as a
non-proper-noun token: in GUM alone more often than as a proper noun, or in
GUM and EWT's train split together more than twice as often ("parliament",
four times a noun and three times a name, is not common).
"""
import collections
import glob
import os
import sys

gum = sys.argv[1] if len(sys.argv) > 1 else "../shared/train/gum"
ewt = sys.argv[2] if len(sys.argv) > 2 else "../shared/train/ud-ewt/en_ewt-ud-train.conllu"
here = os.path.dirname(os.path.abspath(__file__))
given = {l.strip().lower() for l in open(os.path.join(here, "../data/lexicon/given_names.txt"), encoding="utf-8")}


def count(paths):
    common, proper = collections.Counter(), collections.Counter()
    for path in paths:
        for line in open(path, encoding="utf-8"):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 4 or not cols[0].isdigit() or not cols[1].isalpha():
                continue
            (proper if cols[3] == "PROPN" else common)[cols[1].lower()] += 1
    return common, proper


def commons(common, proper, ratio):
    return {w for w, n in common.items() if n >= 2 and proper[w] * ratio < n and w not in given}


gum_common, gum_proper = count(sorted(glob.glob(os.path.join(gum, "*.conllu"))))
ewt_common, ewt_proper = count([ewt])
words = commons(gum_common, gum_proper, 1) | commons(gum_common + ewt_common, gum_proper + ewt_proper, 2)
print("# Lowercase words seen at least twice as common (non-proper) words, more often")
print("# than as names in the GUM training genres (../shared/train/gum, CC BY 4.0) or")
print("# more than twice as often in those and the EWT train split together")
print("# (../shared/train/ud-ewt, CC BY-SA 4.0), minus given names. Built by")
print("# scripts/common_words.py. A capitalized run made only of such words is not a name.")
print("\n".join(sorted(words)))
