"""Hostile files: time and peak memory to read (or refuse) each one, in a fresh process.

The hostile suite of the tests (tests/hostile_files.py), plus two .docx files whose
document.xml is 399 MB (generated on the fly into a temporary folder, nothing committed):
- ``docx_399mb_xml_refused``: ~57 MB on disk like the file of issue 11, more text than
  the 20M-character limit, spread over the whole XML: the worst case for refusing;
- ``docx_399mb_xml_markup``: mostly markup, under the limit: read to the end.

Each file is read by ``read_document`` in its own child process; peak memory is the
child's VmHWM (the high-water mark of its resident set, after exec). The first row is a
baseline: the same child reading a one-line text file.

Run: .venv/bin/python benchmarks/bench_hostile.py [--no-399] [--only SUBSTRING]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from hostile_files import make_hostile, write_big_docx  # noqa: E402

_CHILD = """
import json, re, sys, time
from coatlas.errors import IngestError
from coatlas.ingest import read_document, warnings_of
t = time.perf_counter()
try:
    doc = read_document(sys.argv[1], root=sys.argv[2])
    warn = warnings_of([doc])
    result = f"read, {len(doc.text):,} chars" + (f", warning {warn[0]['kind']}" if warn else "")
except IngestError as e:
    result = e.kind + (f" ({e.detail[:40]})" if e.kind == "too-large" else "")
seconds = time.perf_counter() - t
with open("/proc/self/status") as fh:
    peak = int(re.search(r"VmHWM:\\s+(\\d+)", fh.read()).group(1)) / 1024
print(json.dumps({"result": result, "seconds": seconds, "peak_mb": peak}))
"""


def measure(path: Path, root: Path) -> dict:
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), str(root)], capture_output=True, text=True
    )
    if proc.returncode != 0:
        return {"result": f"child failed ({proc.returncode})", "seconds": 0.0, "peak_mb": 0.0}
    return json.loads(proc.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--no-399", action="store_true", help="skip the two 399 MB-XML .docx files")
    ap.add_argument("--only", default="", help="only files whose name contains this")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp) / "hostile"
        t0 = time.perf_counter()
        expected = make_hostile(d)
        (d / "baseline.txt").write_text("One line of text about patients and staff.\n")
        expected = {"baseline.txt": None, **expected}
        sizes: dict[str, dict[str, int]] = {}
        if not args.no_399:
            for name, per_run in (("docx_399mb_xml_refused.docx", 10), ("docx_399mb_xml_markup.docx", 6)):  # fmt: skip
                sizes[name] = write_big_docx(d / name, 399 * 2**20, text_per_run=per_run)
                expected[name] = None
        print(f"generated {len(expected)} files in {time.perf_counter() - t0:.1f} s")
        for name, s in sizes.items():
            print(
                f"  {name}: {s['file'] / 2**20:.0f} MB file, document.xml {s['xml'] / 2**20:.0f} MB, "
                f"{s['text']:,} characters of text"
            )
        width = 42
        print(f"{'file':<{width}}{'result':<62}{'seconds':>8}{'peak RSS MB':>13}")
        worst = {"seconds": 0.0, "peak_mb": 0.0}
        for name in expected:
            if args.only not in name:
                continue
            m = measure(d / name, d)
            shown = name.encode("unicode_escape").decode("ascii")
            shown = shown if len(shown) < width else shown[: width - 4] + "..."
            print(f"{shown:<{width}}{m['result']:<62}{m['seconds']:>8.2f}{m['peak_mb']:>13.0f}")
            worst = {k: max(worst[k], m[k]) for k in worst}
        print(f"slowest {worst['seconds']:.1f} s, highest peak RSS {worst['peak_mb']:.0f} MB")


if __name__ == "__main__":
    main()
