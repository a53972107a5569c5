#!/usr/bin/env python3
"""Score copydesk on labelled splits with ../shared/eval/score.py, one line
each: recall (all, and of errors whose right form is elsewhere in the
story), precision, suggestion@1 and false flags per 10k words.

    python3 tests/calibration/evaluate.py --copydesk target/release/copydesk \
        /work/calib-sets/test/news /work/calib-sets/test/realword ... ../shared/eval/dev

A split with a `newsroom.toml` is scored with `--dictionary` on it; a split
named `realword` is also scored with `--no-default-dictionaries`.
`--archive DIR` also runs copydesk once over every clean file of DIR (one
run, so CD005 compares every file with every other) and counts the flags
per 10k words.
"""

import argparse
import json
import subprocess
import sys
from pathlib import Path

SCORE = Path(__file__).resolve().parents[3] / "shared" / "eval" / "score.py"


def score(copydesk, split, extra):
    cmd = f"{copydesk} check --format json {extra}".strip()
    p = subprocess.run(
        [sys.executable, str(SCORE), "--split", str(split), "--cmd", cmd, "--json"],
        capture_output=True,
        text=True,
    )
    if p.returncode != 0:
        sys.exit(f"score.py failed on {split}:\n{p.stderr}")
    return json.loads(p.stdout)


def line(name, r):
    att = r.get("by_attestation", {}).get("correct_form_elsewhere_in_doc", {})
    att_recall = att.get("recall")
    return (
        f"{name:34} recall {100 * (r['recall'] or 0):5.1f}%  attested {100 * (att_recall or 0):5.1f}%  "
        f"precision {100 * (r['precision'] or 0):5.1f}%  sugg@1 {100 * (r['suggestion_at_1'] or 0):5.1f}%  "
        f"ff/10k {r['false_flags_per_10k_words']:.2f}"
    )


def archive(copydesk, folder):
    files = sorted(str(p) for p in Path(folder).glob("*.txt"))
    words = sum(len(Path(f).read_text(encoding="utf-8").split()) for f in files)
    p = subprocess.run([copydesk, "check", "--format", "json", *files], capture_output=True, text=True)
    diags = [json.loads(l) for l in p.stdout.splitlines() if l.startswith("{")]
    by_code = {}
    for d in diags:
        by_code[d["code"]] = by_code.get(d["code"], 0) + 1
    return len(diags), words, by_code


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copydesk", required=True)
    ap.add_argument("--archive", action="append", default=[])
    ap.add_argument("splits", nargs="*")
    args = ap.parse_args()
    copydesk = str(Path(args.copydesk).resolve())
    for s in args.splits:
        split = Path(s)
        extra = ""
        if (split / "newsroom.toml").exists():
            extra = f"--dictionary {(split / 'newsroom.toml').resolve()}"
        name = f"{split.parent.name}/{split.name}"
        print(line(name, score(copydesk, split, extra)), flush=True)
        if split.name == "realword":
            print(line(name + " (no built-ins)", score(copydesk, split, "--no-default-dictionaries")), flush=True)
    for folder in args.archive:
        n, words, by_code = archive(copydesk, folder)
        print(f"archive {folder}: {n} flags in one run, {10000 * n / words:.2f} per 10k words {by_code}")


if __name__ == "__main__":
    main()
