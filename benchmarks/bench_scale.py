"""Scale: the whole pipeline on replicated corpora of 200 / 800 / 2,000 documents.

The corpora are built from every annotated corpus (``../shared/corpora`` and
``benchmarks/corpora``), copied round after round until the size is reached. Each
round after the first gets other file names and, in the text formats (.txt, .md,
.html), another place name in place of the corpus's own, so documents are not byte
copies while many sentences still repeat (as in a real archive: boilerplate, board
minutes that restate a plan).

For each size it runs, each in a fresh process (so peak RSS is that run's):

- ingestion alone (``read_folder``) on the same files: pages/s;
- ``analyze`` with a cold embedding cache (a fresh folder) unless ``--no-cold``;
- ``analyze`` again with that cache warm.

and prints pages/s, the ratio to ingestion alone, peak RSS, the time of each stage
(ingest with the per-document stage of Steps 1–3 where it runs with reading, Steps 1–2,
Step 3, reports, store and the rest) with their CPU seconds (worker processes
included), the CPU seconds of the main process alone (what stays serial) and, across
sizes, the warm
per-document cost with start-up subtracted (start-up = a warm run on one document),
relative to the smallest size. A "page" is a PDF page or 3,000 characters of
canonical text (as in bench_ingest.py). Prints figures; asserts nothing.

    python benchmarks/bench_scale.py [--sizes 200 800 2000] [--no-cold [--refill]] [--workers N]
        [--engine local|dask] [--also-workers 2 ... [--pairs N]] [--json FILE] [--keep DIR]
        [--src OTHER/src]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
SOURCES = [ROOT.parent / "shared/corpora/dev-norrvik"] + sorted(
    p for p in (ROOT / "benchmarks/corpora").iterdir() if (p / "documents").is_dir()
)
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
# syllables for made-up place names: replica r of corpus "Norrvik" speaks of "Ekmora" etc.
_A = ["Ek", "Björk", "Sjö", "Berg", "Lind", "Ås", "Hag", "Dal", "Vik", "Mal", "Rön", "Tall"]
_B = ["mora", "by", "sund", "holm", "ås", "näs", "lunda", "torp", "stad", "berga", "vik"]


def place_name(r: int) -> str:
    """A made-up place name for replica round r (r >= 1); unique for r < 132."""
    return _A[r % len(_A)] + _B[(r // len(_A)) % len(_B)]


def source_files() -> list[tuple[str, Path, Path]]:
    """(place name, corpus documents folder, file) of every annotated document, sorted."""
    out = []
    for corpus in SOURCES:
        place = corpus.name.split("-", 1)[-1].capitalize()
        docs = corpus / "documents"
        out += [(place, docs, p) for p in sorted(docs.rglob("*")) if p.is_file()]
    return out


def build_corpus(n: int, dest: Path) -> None:
    """n documents: the annotated corpora copied round after round, names varied."""
    files = source_files()
    dest.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        r, k = divmod(i, len(files))
        place, base, src = files[k]
        rel = src.relative_to(base)
        target = dest / f"r{r:03d}" / place.lower() / rel.parent / f"{rel.stem}_r{r}{rel.suffix}"
        target.parent.mkdir(parents=True, exist_ok=True)
        if r == 0 or src.suffix.lower() not in TEXT_SUFFIXES:
            shutil.copyfile(src, target)
            continue
        raw = src.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            shutil.copyfile(src, target)
            continue
        new = place_name(r)
        text = re.sub(place, new, text)
        text = re.sub(place.upper(), new.upper(), text)
        text = re.sub(place.lower(), new.lower(), text)
        target.write_bytes(text.encode("utf-8"))


# -- the child processes: one measured run each ------------------------------------------


def _peak_mb() -> float:
    """Peak RSS of this process and of any worker processes it waited for (MB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def child_ingest(docs: str) -> dict:
    from coatlas.ingest import read_folder

    t = time.perf_counter()
    found, errors = read_folder(docs)
    dt = time.perf_counter() - t
    pages = sum(
        int(d.meta.get("page_count") or 0) or max(1, math.ceil(len(d.text) / 3000)) for d in found
    )
    return {"seconds": dt, "documents": len(found), "errors": len(errors), "pages": pages}


def child_analyze(docs: str, out: str, cache: str, extra: dict, profile: bool) -> dict:
    """One ``analyze`` run, timing each stage by wrapping the functions it calls."""
    t_start = time.perf_counter()
    import coatlas.directed as directed
    import coatlas.inductive as inductive
    import coatlas.ingest as ingest
    import coatlas.report as report
    from coatlas.pipeline import Settings, analyze

    stages: dict[str, float] = {}
    cpu_stages: dict[str, float] = {}

    def cpu() -> float:  # this process and the worker processes it has waited for
        return sum(os.times()[:4])

    def timed(mod, attr: str, name: str) -> None:
        fn = getattr(mod, attr)

        def wrapper(*a, **k):
            t, c = time.perf_counter(), cpu()
            try:
                return fn(*a, **k)
            finally:
                stages[name] = stages.get(name, 0.0) + time.perf_counter() - t
                cpu_stages[name] = cpu_stages.get(name, 0.0) + cpu() - c

        setattr(mod, attr, wrapper)

    timed(ingest, "read_folder", "ingest")
    if hasattr(ingest, "read_documents"):  # reading plus the per-document stage (perdoc)
        timed(ingest, "read_documents", "ingest")
    timed(directed, "run", "steps12")
    timed(inductive, "run", "step3")
    timed(report, "write_reports", "reports")
    fields = set(Settings.__dataclass_fields__)
    settings = Settings(embedding_cache=cache, **{k: v for k, v in extra.items() if k in fields})
    t_imports = time.perf_counter() - t_start
    prof = None
    if profile:
        import cProfile

        prof = cProfile.Profile()
        prof.enable()
    t, c = time.perf_counter(), cpu()
    own = resource.getrusage(resource.RUSAGE_SELF)
    summary = analyze(docs, out, settings)
    dt = time.perf_counter() - t
    end = resource.getrusage(resource.RUSAGE_SELF)
    # this process alone: what stays serial with --workers N (the rest ran in workers);
    # steadier than wall-clock on a loaded machine
    cpu_main = end.ru_utime + end.ru_stime - own.ru_utime - own.ru_stime
    cpu_stages["store+rest"] = cpu() - c - sum(cpu_stages.values())
    if prof is not None:
        import io
        import pstats

        prof.disable()
        buf = io.StringIO()
        pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(30)
        print(buf.getvalue(), file=sys.stderr)
    stages["store+rest"] = dt - sum(stages.values())
    return {
        "seconds": dt,
        "imports": t_imports,
        "documents": summary.documents,
        "stages": stages,
        "cpu_stages": cpu_stages,  # CPU seconds per stage, worker processes included
        "cpu_main": cpu_main,  # CPU seconds of this process alone, workers excluded
    }


def _spawn(args: list[str]) -> dict:
    """Run this script as a child; its peak RSS comes from wait4 (this child alone)."""
    p = subprocess.Popen(
        [sys.executable, __file__, "--child", *args], stdout=subprocess.PIPE, text=True
    )
    out = p.stdout.read() if p.stdout else ""
    _, status, usage = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        raise SystemExit(f"child {args[0]} failed with {p.returncode}")
    res = json.loads(out.strip().splitlines()[-1])
    res["peak_mb"] = max(res.get("peak_mb", 0.0), usage.ru_maxrss / 1024)
    res["cpu"] = usage.ru_utime + usage.ru_stime
    return res


def measure(
    n: int,
    work: Path,
    extra: dict,
    cold: bool,
    profile: bool,
    refill: bool = False,
    also: tuple[int, ...] = (),
    pairs: int = 1,
) -> dict:
    docs = work / f"docs{n}"
    if not docs.exists():
        build_corpus(n, docs)
    cache = work / f"cache{n}" / "embeddings.sqlite"
    res: dict = {"size": n, "ingest": _spawn(["ingest", str(docs)])}
    runs = (["cold"] if cold else []) + ["warm"]
    if cold:
        shutil.rmtree(cache.parent, ignore_errors=True)  # cold means an empty cache
    if not cold and (refill or not cache.exists()):
        # warm means warm: one unmeasured run fills the cache (kept with --keep)
        _spawn(["analyze", str(docs), str(work / f"out{n}"), str(cache), json.dumps(extra)])
    for kind in runs:
        args = ["analyze", str(docs), str(work / f"out{n}"), str(cache), json.dumps(extra)]
        if profile and kind == "warm":
            args.append("--profile")
        res[kind] = _spawn(args)
    for w in also:  # the same warm run with other --workers, right after (one load)
        more = json.dumps({**extra, "workers": w})
        res[f"warm w{w}"] = _spawn(["analyze", str(docs), str(work / f"out{n}"), str(cache), more])
    if pairs > 1 and also:
        # the ratio moves by ±5 % from run to run on a shared machine: more warm runs,
        # alternating, so a slow minute costs both sides
        seconds: dict[str, list[float]] = {"warm": [res["warm"]["seconds"]]}
        seconds.update({f"warm w{w}": [res[f"warm w{w}"]["seconds"]] for w in also})
        for _ in range(pairs - 1):
            for kind, more_extra in [
                ("warm", extra),
                *((f"warm w{w}", {**extra, "workers": w}) for w in also),
            ]:
                args = [
                    "analyze",
                    str(docs),
                    str(work / f"out{n}"),
                    str(cache),
                    json.dumps(more_extra),
                ]
                seconds[kind].append(_spawn(args)["seconds"])
        res["pairs"] = seconds
    return res


def report_pairs(results: list[dict]) -> None:
    """With --pairs: every warm run's seconds, in order, and the ratios of the medians."""
    for r in results:
        runs = r.get("pairs")
        if not runs:
            continue
        one = statistics.median(runs["warm"])
        for kind, secs in runs.items():
            med = statistics.median(secs)
            print(
                f"{r['size']} documents, {kind}: "
                + ", ".join(f"{x:.1f}" for x in secs)
                + f" s; median {med:.1f} s"
                + ("" if kind == "warm" else f", {one / med:.2f}× the one-worker median")
            )


def report_rows(results: list[dict], startup: float | dict[str, float]) -> None:
    if not isinstance(startup, dict):
        startup = {"cold": startup, "warm": startup}
    print(
        "start-up (warm run on one document): "
        + ", ".join(f"{k} {v:.1f} s" for k, v in startup.items())
    )
    print(
        "| docs | pages | ingest pages/s | run | s | pages/s | × ingestion | per-doc ms"
        " (start-up off) | vs smallest | CPU s | peak RSS MB | ingest (+ per-doc) | Steps 1–2"
        " | Step 3 | reports | store+rest |"
    )
    print("| --- " * 16 + "|")
    base: dict[str, float] = {}
    for r in results:
        ing = r["ingest"]
        pages = ing["pages"]
        for kind in [k for k in r if k not in ("size", "ingest", "pairs")]:
            x = r[kind]
            per_doc = (x["seconds"] - startup.get(kind, startup["warm"])) / r["size"]
            base.setdefault(kind, per_doc)
            st = x["stages"]
            print(
                f"| {r['size']} | {pages} | {pages / ing['seconds']:.1f} | {kind} | "
                f"{x['seconds']:.1f} | {pages / x['seconds']:.2f} | "
                f"{x['seconds'] / ing['seconds']:.1f} | {per_doc * 1000:.0f} | "
                f"{per_doc / base[kind]:.2f} | {x.get('cpu', 0.0):.1f} | {x['peak_mb']:.0f} | "
                + " | ".join(
                    f"{st.get(k, 0.0):.1f}"
                    for k in ("ingest", "steps12", "step3", "reports", "store+rest")
                )
                + " |"
            )
            cs = x.get("cpu_stages")
            if cs:
                print(
                    f"|  |  |  | {kind}: CPU s per stage |  |  |  |  |  |  |  | "
                    + " | ".join(
                        f"{cs.get(k, 0.0):.1f}"
                        for k in ("ingest", "steps12", "step3", "reports", "store+rest")
                    )
                    + " |"
                )
            if "cpu_main" in x:
                print(f"|  |  |  | {kind}: CPU s in the main process alone | {x['cpu_main']:.1f} |")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        sys.path.insert(0, os.environ.get("BENCH_SCALE_SRC") or str(SRC))
        kind = sys.argv[2]
        if kind == "ingest":
            res = child_ingest(sys.argv[3])
        else:
            docs, out, cache, extra = sys.argv[3:7]
            res = child_analyze(docs, out, cache, json.loads(extra), "--profile" in sys.argv)
        res["peak_mb"] = _peak_mb()
        print(json.dumps(res))
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[200, 800, 2000])
    ap.add_argument("--no-cold", action="store_true", help="warm runs only (cache filled first)")
    ap.add_argument("--workers", type=int, default=None, help="analyze --workers, if supported")
    ap.add_argument("--engine", default=None, help="analyze --engine, if supported")
    ap.add_argument("--embedder", default=None, help="analyze --embedder, if supported")
    ap.add_argument(
        "--refill", action="store_true", help="with --no-cold: fill a kept cache again first"
    )
    ap.add_argument("--profile", action="store_true", help="cProfile the warm runs (stderr)")
    ap.add_argument(
        "--also-workers",
        type=int,
        nargs="*",
        default=[],
        help="after each warm run, the same run with these --workers (ratios in one run)",
    )
    ap.add_argument(
        "--pairs",
        type=int,
        default=1,
        help="with --also-workers: this many alternating warm runs of each, and their medians",
    )
    ap.add_argument("--src", type=Path, default=None, help="measure the coatlas under this src/")
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--keep", type=Path, default=None, help="build corpora and outputs here")
    a = ap.parse_args()
    extra = {
        k: v
        for k, v in (
            ("workers", a.workers),
            ("engine", a.engine),
            ("embedder", a.embedder),
        )
        if v is not None
    }
    if a.src:
        os.environ["BENCH_SCALE_SRC"] = str(a.src.resolve())  # the children import it
    work = a.keep or Path(tempfile.mkdtemp(prefix="coatlas-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"sources: {len(source_files())} documents from {len(SOURCES)} corpora; work in {work}")
    print(f"load average at start: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    one = work / "docs1"
    if not one.exists():
        build_corpus(1, one)
    startup_res = _spawn(
        ["analyze", str(one), str(work / "out1"), str(work / "cache1.sqlite"), json.dumps(extra)]
    )
    startup_res = _spawn(
        ["analyze", str(one), str(work / "out1"), str(work / "cache1.sqlite"), json.dumps(extra)]
    )
    startup = {"cold": startup_res["seconds"], "warm": startup_res["seconds"]}
    for w in a.also_workers:
        more = json.dumps({**extra, "workers": w})
        startup[f"warm w{w}"] = _spawn(
            ["analyze", str(one), str(work / "out1"), str(work / "cache1.sqlite"), more]
        )["seconds"]
    results = []
    for n in a.sizes:
        results.append(
            measure(
                n, work, extra, not a.no_cold, a.profile, a.refill, tuple(a.also_workers), a.pairs
            )
        )
        print(f"  {n} documents done: {json.dumps(results[-1])}", flush=True)
    report_rows(results, startup)
    report_pairs(results)
    print(f"load average at end: {os.getloadavg()[0]:.2f}")
    if a.json:
        a.json.write_text(json.dumps({"startup": startup_res, "results": results}, indent=1))
    if a.keep is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
