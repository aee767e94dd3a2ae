#!/usr/bin/env python3
"""Draw scripts/bench-scale.sh's table as an SVG: load time against quads,
newsgraph ingest and oxigraph load side by side (left), and store size
against quads (right). Standard library only.

    scripts/plot-scale.py scale.tsv out.svg [--title TEXT]
"""
import csv
import sys

W, H, PAD = 440, 300, 56
SERIES = [("#1f77b4", "newsgraph ingest"), ("#d62728", "oxigraph load")]


def panel(x0, rows, xs, ys_pairs, ylabel, title):
    """One chart at horizontal offset x0: two lines of (x, y) points."""
    xmax = max(xs) * 1.05 or 1
    ymax = max(max(a, b) for a, b in ys_pairs) * 1.1 or 1
    px = lambda x: x0 + PAD + (W - 2 * PAD) * x / xmax
    py = lambda y: H - PAD + -(H - 2 * PAD) * y / ymax
    out = [
        f'<text x="{x0 + W / 2}" y="20" text-anchor="middle" font-weight="bold">{title}</text>',
        f'<line x1="{px(0)}" y1="{py(0)}" x2="{px(xmax)}" y2="{py(0)}" stroke="black"/>',
        f'<line x1="{px(0)}" y1="{py(0)}" x2="{px(0)}" y2="{py(ymax)}" stroke="black"/>',
        f'<text x="{x0 + W / 2}" y="{H - 12}" text-anchor="middle">million quads</text>',
        f'<text x="{x0 + 14}" y="{H / 2}" text-anchor="middle" '
        f'transform="rotate(-90 {x0 + 14} {H / 2})">{ylabel}</text>',
    ]
    for i in range(5):
        y = ymax / 1.1 * i / 4
        out.append(f'<text x="{px(0) - 6}" y="{py(y) + 4}" text-anchor="end" font-size="11">{y:.0f}</text>')
        out.append(f'<line x1="{px(0)}" y1="{py(y)}" x2="{px(xmax)}" y2="{py(y)}" stroke="#ddd"/>')
    for x in xs:
        out.append(f'<text x="{px(x)}" y="{py(0) + 16}" text-anchor="middle" font-size="11">{x:.2f}</text>')
    for s, (color, _) in enumerate(SERIES):
        pts = " ".join(f"{px(x):.1f},{py(y[s]):.1f}" for x, y in zip(xs, ys_pairs))
        out.append(f'<polyline points="{pts}" fill="none" stroke="{color}" stroke-width="2"/>')
        for x, y in zip(xs, ys_pairs):
            out.append(f'<circle cx="{px(x):.1f}" cy="{py(y[s]):.1f}" r="3" fill="{color}"/>')
    return out


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: plot-scale.py scale.tsv out.svg [--title TEXT]")
    rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8"), delimiter="\t"))
    title = sys.argv[sys.argv.index("--title") + 1] if "--title" in sys.argv else ""
    xs = [int(r["quads"]) / 1e6 for r in rows]
    times = [(float(r["ingest_s"]), float(r["ox_load_s"])) for r in rows]
    sizes = [(float(r["store_mb"]), float(r["ox_store_mb"])) for r in rows]
    body = panel(0, rows, xs, times, "seconds", "Time to store")
    body += panel(W, rows, xs, sizes, "MB on disk", "Store size")
    for s, (color, name) in enumerate(SERIES):
        body.append(f'<rect x="{PAD + 10}" y="{34 + 16 * s}" width="12" height="4" fill="{color}"/>')
        body.append(f'<text x="{PAD + 28}" y="{40 + 16 * s}" font-size="12">{name}</text>')
    if title:
        body.append(f'<text x="{W}" y="{H + 14}" text-anchor="middle" font-size="11">{title}</text>')
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{2 * W}" height="{H + 22}" '
        f'font-family="sans-serif" font-size="13">\n<rect width="100%" height="100%" fill="white"/>\n'
        + "\n".join(body)
        + "\n</svg>\n"
    )
    open(sys.argv[2], "w", encoding="utf-8").write(svg)


if __name__ == "__main__":
    main()
