#!/usr/bin/env python3
"""Rebuild data/lexicon/common_words.txt from the GUM training genres.

    python3 scripts/common_words.py ../shared/train/gum > data/lexicon/common_words.txt

A word is common when it occurs at least twice in GUM as a non-proper-noun
token, more often than as a proper noun, and is not a given name.
"""
import collections
import glob
import os
import sys

gum = sys.argv[1] if len(sys.argv) > 1 else "../shared/train/gum"
here = os.path.dirname(os.path.abspath(__file__))
given = {l.strip().lower() for l in open(os.path.join(here, "../data/lexicon/given_names.txt"), encoding="utf-8")}
common, proper = collections.Counter(), collections.Counter()
for path in glob.glob(os.path.join(gum, "*.conllu")):
    for line in open(path, encoding="utf-8"):
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 4 or not cols[0].isdigit() or not cols[1].isalpha():
            continue
        (proper if cols[3] == "PROPN" else common)[cols[1].lower()] += 1
words = sorted(w for w, n in common.items() if n >= 2 and proper[w] < n and w not in given)
print("# Lowercase words seen at least twice as common (non-proper) words in the GUM")
print("# training genres (../shared/train/gum, CC BY 4.0), minus given names. Built by")
print("# scripts/common_words.py. A capitalized run made only of such words is not a name.")
print("\n".join(words))
