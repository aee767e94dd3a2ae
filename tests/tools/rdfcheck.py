#!/usr/bin/env python3
"""Check newsgraph exports with other RDF tools (used by the Rust tests).

    rdfcheck.py count FORMAT FILE      -> prints the number of triples/quads rdflib reads
    rdfcheck.py shacl SHAPES FILE FMT  -> prints JSON {"conforms": bool, "violations": [...]}
"""
import json
import sys


def count(fmt, path):
    import rdflib
    if fmt in ("nquads", "trig", "json-ld"):
        g = rdflib.Dataset()
        g.parse(path, format=fmt)
        # quads in named graphs plus triples in the default graph
        n = sum(len(c) for c in g.graphs())
    else:
        g = rdflib.Graph()
        g.parse(path, format=fmt)
        n = len(g)
    print(n)


def path_name(node):
    """A property IRI, or "alternative" for an alternative path (a blank node)."""
    import rdflib
    return "alternative" if isinstance(node, rdflib.BNode) else str(node)


def shacl(shapes, path, fmt):
    import pyshacl
    import rdflib
    from rdflib.namespace import SH
    data = rdflib.Graph()
    data.parse(path, format=fmt)
    conforms, report, _text = pyshacl.validate(data, shacl_graph=shapes, shacl_graph_format="turtle",
                                               inference="none", advanced=True)
    violations = []
    for r in report.subjects(rdflib.RDF.type, SH.ValidationResult):
        violations.append({
            "focus": str(report.value(r, SH.focusNode)),
            "path": path_name(report.value(r, SH.resultPath)),
            "component": str(report.value(r, SH.sourceConstraintComponent)).split("#")[-1],
            "message": str(report.value(r, SH.resultMessage)),
        })
    violations.sort(key=lambda v: (v["focus"], v["path"], v["component"]))
    print(json.dumps({"conforms": bool(conforms), "violations": violations}))


if __name__ == "__main__":
    if sys.argv[1] == "count":
        count(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "shacl":
        shacl(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit("usage: rdfcheck.py count FORMAT FILE | shacl SHAPES FILE FORMAT")
