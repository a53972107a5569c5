#!/usr/bin/env python3
"""Fit the weights of copydesk's decision (src/matcher/decision.rs).

Method: L2-regularised logistic regression (Newton's method, numpy only)
over the features `copydesk candidates` prints for every candidate slip it
weighs (CD001, CD002, CD005), reported or not. Labels come from splits in
the format of ../shared/eval (docs/, clean/, answers.jsonl) built by
make_sets.py: a candidate is a real slip when its span overlaps an injected
error and its suggestion restores the original text (the scorer's rule);
every other candidate, and every candidate on clean/ texts or on the
negative corpora, is not.

    python3 tests/calibration/fit.py --copydesk target/release/copydesk \
        --split /work/calib-sets/train/news --split /work/calib-sets/train/drafts ... \
        --negatives target/bench-corpus --folds 5

Prints cross-validated figures (folds by document) and the Rust constants
to paste into src/core/thresholds.rs. Needs numpy.
"""

import argparse
import json
import math
import os
import random
import subprocess
import sys
import unicodedata
from pathlib import Path

import numpy as np


def run_candidates(copydesk, cwd, files, extra, batch):
    """`copydesk candidates` over `files` (relative to `cwd`) in batches."""
    out = []
    for i in range(0, len(files), batch):
        cmd = [copydesk, "candidates", "--format", "json", *extra, *files[i : i + batch]]
        p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
        # Exit 2 for files refused as binary (NUL bytes) only: the others
        # were read.
        binary_only = p.returncode == 2 and all(
            l.endswith("binary file, not checked") for l in p.stderr.splitlines()
        )
        if p.returncode not in (0, 1) and not binary_only:
            sys.exit(f"fit.py: {' '.join(cmd[:6])} ... failed:\n{p.stderr}")
        for line in p.stdout.splitlines():
            if line.startswith("{"):
                out.append(json.loads(line))
    return out


def nfc(s):
    return unicodedata.normalize("NFC", s)


def restores(text, c, a):
    """The scorer's rule: the suggestion in place of the candidate's span
    gives the text the original has over the union of both spans."""
    cs, ce = c["span"]["start"], c["span"]["end"]
    lo, hi = min(cs, a["start"]), max(ce, a["end"])
    raw = text.encode("utf-8")
    with_sugg = raw[lo:cs] + c["suggestion"].encode() + raw[ce:hi]
    with_exp = raw[lo : a["start"]] + a["expected"].encode() + raw[a["end"] : hi]
    return nfc(with_sugg.decode("utf-8", "replace")) == nfc(with_exp.decode("utf-8", "replace"))


WORDS = {}

# The sources of candidates, in the order of the weights' columns
# (`decision::Source`): CD001, CD002, CD005.
SOURCES = ["dictionary", "document", "run"]

# Slips already in the published originals (found, right): see the file.
ORIGINAL_SLIPS = {
    tuple(line.split("\t")[:2])
    for line in (Path(__file__).parent / "slips-in-originals.tsv").read_text().splitlines()
    if line and not line.startswith("#")
}


def label_split(copydesk, split, batch, dict_args):
    """Rows (article, candidate, label, meta) of one split; meta says which
    split, folder and file, and which answer a positive restores."""
    split = Path(split)
    answers = {}
    for i, line in enumerate((split / "answers.jsonl").read_text().splitlines()):
        a = json.loads(line)
        a["id"] = i
        answers.setdefault(a["path"], []).append(a)
    extra = list(dict_args)
    local = split / "newsroom.toml"
    if local.exists():
        extra += ["--dictionary", str(local.resolve())]
    rows = []
    for sub, positive_possible in (("docs", True), ("clean", False)):
        files = sorted(f"{sub}/{p.name}" for p in (split / sub).glob("*.txt"))
        for f in files:
            WORDS[(split.name, f)] = len((split / f).read_text(encoding="utf-8").split())
        texts = {}
        for c in run_candidates(copydesk, split, files, extra, batch):
            path = c["path"]
            if path not in texts:
                texts[path] = (split / path).read_text(encoding="utf-8")
            y, answer = 0, None
            if positive_possible:
                for a in answers.get(path, []):
                    s, e = c["span"]["start"], c["span"]["end"]
                    if s < a["end"] and a["start"] < e and restores(texts[path], c, a):
                        y, answer = 1, a["id"]
                        break
            if not y and (c["found"], c["suggestion"]) in ORIGINAL_SLIPS:
                # A slip of the published original, not an injected one.
                y = 1
            meta = {"split": split.name, "sub": sub, "path": path, "answer": answer}
            rows.append((article(split, path), c, y, meta))
    return rows


ARTICLES = {}


def article(split, path):
    """The document's article: the hash of its clean/ text, the same for a
    document's docs/ and clean/ copies and for one article in several
    splits."""
    clean = split / "clean" / Path(path).name
    key = str(clean)
    if key not in ARTICLES:
        import hashlib

        ARTICLES[key] = hashlib.sha1(clean.read_bytes()).hexdigest()[:16]
    return ARTICLES[key]


def negatives(copydesk, folder, batch, dict_args, limit):
    folder = Path(folder)
    files = sorted(p.name for p in folder.glob("*.txt"))[:limit]
    return [
        (f"{folder.name}/{c['path']}", c, 0, {"split": folder.name, "sub": "negatives", "path": c["path"], "answer": None})
        for c in run_candidates(copydesk, folder, files, dict_args, batch)
    ]


def row_key(doc, c, label):
    """What makes two rows one candidate (the same article in several
    splits, or in docs/ and clean/)."""
    return (doc, c["source"], c["span"]["start"], c["found"], c["suggestion"], tuple(c["features"]), label)


def feature_names():
    """DECISION_FEATURES of src/core/thresholds.rs, in order: the order of
    the values `copydesk candidates` prints."""
    text = (Path(__file__).resolve().parents[2] / "src/core/thresholds.rs").read_text()
    block = text.split("pub const DECISION_FEATURES", 1)[1].split("];", 1)[0]
    return [line.strip().strip('",') for line in block.splitlines()[1:] if line.strip().startswith('"')]


def fit(X, y, l2, iters=50):
    """L2-regularised logistic regression by Newton's method; the bias (last
    column of ones) is not penalised."""
    n, d = X.shape
    w = np.zeros(d)
    reg = np.full(d, l2)
    reg[-1] = 0.0
    for _ in range(iters):
        z = X @ w
        p = 1 / (1 + np.exp(-z))
        g = X.T @ (p - y) + reg * w
        h = (X * (p * (1 - p))[:, None]).T @ X + np.diag(reg) + 1e-9 * np.eye(d)
        step = np.linalg.solve(h, g)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return w


def auc(p, y):
    order = np.argsort(p)
    ranks = np.empty(len(p))
    ranks[order] = np.arange(1, len(p) + 1)
    pos = y == 1
    npos, nneg = pos.sum(), (~pos).sum()
    if npos == 0 or nneg == 0:
        return float("nan")
    return (ranks[pos].sum() - npos * (npos + 1) / 2) / (npos * nneg)


def operating_points(p, y, metas, splits, clean_rows):
    """What each reporting threshold would give, from the cross-validated
    probabilities: the share of each split's errors some candidate at or
    above it restores, and the findings per 10k words on the clean split's
    texts (every use a finding, as the linter reports them)."""
    totals = {}
    for s in splits:
        split = Path(s)
        totals[split.name] = sum(1 for _ in (split / "answers.jsonl").open())
    clean_words = sum(n for (sp, f), n in WORDS.items() if sp == "clean" and f.startswith("clean/"))
    print("\n  threshold: recall by split; spelling findings per 10k words on the clean split")
    for t in (0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95):
        found = {}
        for pi, yi, (meta, start, end, uses, doc) in zip(p, y, metas):
            if pi >= t and yi and meta["answer"] is not None:
                found.setdefault(meta["split"], set()).add((meta["path"], meta["answer"]))
        flagged = {(path, start, end): uses for (path, start, end, uses, pi, yi) in clean_rows if pi >= t and not yi}
        recalls = "  ".join(
            f"{name} {len(found.get(name, ())) / n:.2f}" for name, n in totals.items() if n
        )
        print(f"    {t:.2f}: {recalls}  ff/10k {10000 * sum(flagged.values()) / max(clean_words, 1):.2f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copydesk", required=True)
    ap.add_argument("--split", action="append", default=[], help="a labelled split (docs/, clean/, answers.jsonl)")
    ap.add_argument("--negatives", action="append", default=[], help="a folder of *.txt where every candidate is false")
    ap.add_argument("--negatives-limit", type=int, default=400, help="files read from each negatives folder")
    ap.add_argument("--batch", type=int, default=50)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--report", type=float, default=0.5, help="the reporting threshold the figures are given at")
    ap.add_argument("--dump", help="write the labelled candidates as JSON Lines here")
    ap.add_argument("--write", action="store_true", help="write the weights into src/core/thresholds.rs")
    args = ap.parse_args()
    copydesk = str(Path(args.copydesk).resolve())

    rows = []
    for s in args.split:
        rows += label_split(copydesk, s, args.batch, [])
        print(f"{s}: {len(rows)} candidates so far", file=sys.stderr)
    for folder in args.negatives:
        rows += negatives(copydesk, folder, args.batch, [], args.negatives_limit)
        print(f"{folder}: {len(rows)} candidates so far", file=sys.stderr)
    if not rows:
        sys.exit("fit.py: no candidates")
    names = feature_names()
    # One row per distinct candidate: CD005 repeats a verdict per use, and
    # an article stands in several splits and in both docs/ and clean/.
    seen = set()
    X, y, groups, sources, metas, keys = [], [], [], [], [], []
    for doc, c, label, meta in rows:
        key = row_key(doc, c, label)
        if key in seen:
            continue
        seen.add(key)
        keys.append(key)
        X.append(list(c["features"]) + [1.0])
        y.append(label)
        groups.append(doc)
        sources.append(c["source"])
        metas.append((meta, c["span"]["start"], c["span"]["end"], c.get("uses", 1), doc))
    if args.dump:
        with open(args.dump, "w") as f:
            for doc, c, label, meta in rows:
                f.write(json.dumps({"doc": doc, "label": label, "meta": meta, **c}) + "\n")
    X, y = np.array(X, dtype=float), np.array(y, dtype=float)
    sources = np.array(sources)
    print(f"{len(y)} candidates, {int(y.sum())} real slips; features: {len(names)}", file=sys.stderr)

    # Cross-validation, folds by document.
    docs = sorted(set(groups))
    random.Random(7).shuffle(docs)
    fold_of = {d: i % args.folds for i, d in enumerate(docs)}
    folds = np.array([fold_of[g] for g in groups])
    # One set of weights per source: the same features, but what they say
    # differs ("attested" within a story is not "attested" across a run).
    p_cv = np.zeros(len(y))
    for k in range(args.folds):
        for src in SOURCES:
            train, test = (folds != k) & (sources == src), (folds == k) & (sources == src)
            if test.sum() == 0:
                continue
            w = fit(X[train], y[train], args.l2)
            p_cv[test] = 1 / (1 + np.exp(-(X[test] @ w)))
    eps = 1e-9
    logloss = -np.mean(y * np.log(p_cv + eps) + (1 - y) * np.log(1 - p_cv + eps))
    print(f"\ncross-validated ({args.folds} folds by document):")
    print(f"  log loss {logloss:.3f}, Brier {np.mean((p_cv - y) ** 2):.4f}, AUC {auc(p_cv, y):.3f}")
    for src in ["dictionary", "document", "run", "all"]:
        m = np.ones(len(y), bool) if src == "all" else sources == src
        if m.sum() == 0:
            continue
        rep = m & (p_cv >= args.report)
        tp = (rep & (y == 1)).sum()
        prec = tp / max(rep.sum(), 1)
        rec = tp / max((m & (y == 1)).sum(), 1)
        print(f"  {src:10} candidates {m.sum():6}  slips {int((m & (y == 1)).sum()):5}  "
              f"at p>={args.report}: precision {prec:.3f} recall {rec:.3f}")
    print("  precision of the candidates at or above (the safe-fix threshold):")
    for t in (0.8, 0.85, 0.9, 0.95):
        m = p_cv >= t
        print(f"    {t:.2f}: {m.sum():6} candidates, {y[m].mean():.3f} real")
    print("  calibration (predicted -> observed):")
    for lo in np.arange(0, 1, 0.1):
        m = (p_cv >= lo) & (p_cv < lo + 0.1)
        if m.sum():
            print(f"    {lo:.1f}-{lo + 0.1:.1f}: {m.sum():6} candidates, {y[m].mean():.3f} real")

    # The clean split's own rows, each with the probability of its kept twin.
    p_of = dict(zip(keys, p_cv))
    clean_rows = [
        (meta["path"], c["span"]["start"], c["span"]["end"], c.get("uses", 1), p_of[row_key(doc, c, label)], label)
        for doc, c, label, meta in rows
        if meta["split"] == "clean" and meta["sub"] == "clean"
    ]
    operating_points(p_cv, y, metas, args.split, clean_rows)

    ws = {src: fit(X[sources == src], y[sources == src], args.l2) for src in SOURCES}
    # Laid out as rustfmt lays it out: one row per feature, trailing
    # comments in one column.
    cells = [", ".join(f"{ws[src][i]:.3f}" for src in SOURCES) for i in range(len(names))]
    width = max(map(len, cells)) + 3
    weights = "".join(f"    {'[' + c + '],':<{width}}// {n}\n" for c, n in zip(cells, names))
    bias = ", ".join(f"{ws[src][-1]:.3f}" for src in SOURCES)
    print(f"\nweights (L2 {args.l2}, {len(y)} candidates, {int(y.sum())} real slips), "
          f"columns {', '.join(SOURCES)}:\n{weights}bias [{bias}]")
    if args.write:
        path = Path(__file__).resolve().parents[2] / "src/core/thresholds.rs"
        text = path.read_text()
        head, rest = text.split("pub const DECISION_WEIGHTS", 1)
        rest = rest.split("\n];", 1)[1]
        tail = rest.split("pub const DECISION_BIAS", 1)[1].split(";\n", 1)[1]
        tail = "\n" + tail
        middle = rest.split("pub const DECISION_BIAS", 1)[0]
        text = (
            head
            + f"pub const DECISION_WEIGHTS: [[f32; {len(SOURCES)}]; {len(names)}] = [\n{weights}];"
            + middle
            + f"pub const DECISION_BIAS: [f32; {len(SOURCES)}] = [{bias}];"
            + tail
        )
        path.write_text(text)
        print(f"written to {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
