"""The `itinerant` command: serve, seed, ingest, export, and look after the database and gazetteer."""

from __future__ import annotations

from collections import Counter
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from app.settings import get_settings

__all__ = ["app", "main"]

app = typer.Typer(help="itinerant: news articles in, itineraries out.", no_args_is_help=True, add_completion=False)
db_app = typer.Typer(help="The database schema.", no_args_is_help=True)
gazetteer_app = typer.Typer(help="The offline gazetteer index.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(gazetteer_app, name="gazetteer")

# Relative to the working directory: the repository root for `make run`, the image's WORKDIR in Docker.
SEEDS_DIR = Path("seeds")


def _services():
    from app.services import Services

    return Services.from_settings(get_settings())


def _upgrade(services) -> None:
    from app.migrate import upgrade_database

    upgrade_database(services.engine)


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Create the database, or bring its schema up to date."""
    services = _services()
    _upgrade(services)
    typer.echo(f"database ready: {services.engine.url.render_as_string(hide_password=True)}")


@gazetteer_app.command("build")
def gazetteer_build(force: Annotated[bool, typer.Option(help="Rebuild even when up to date.")] = False) -> None:
    """Build the gazetteer index from the installed GeoNames data (skipped when up to date)."""
    from geo.gazetteer.build import build_index

    path = get_settings().gazetteer_path
    report = build_index(path, force=force, progress=lambda message: typer.echo(f"  {message}"))
    if report.skipped:
        typer.echo(f"gazetteer up to date: {path}")
    else:
        typer.echo(
            f"gazetteer built: {path} ({report.places:,} places, {report.names:,} names, "
            f"{report.bytes / 1e6:.0f} MB, {report.seconds:.0f} s)"
        )


@app.command()
def geocode(
    name: Annotated[str, typer.Argument(help="A place name: 'Sochi', 'Paris, Texas', 'Komsomol'sk-na-Amure'.")],
    country: Annotated[list[str] | None, typer.Option(help="ISO country code; repeatable.")] = None,
    limit: Annotated[int, typer.Option(min=1, max=50, help="How many candidates to show.")] = 5,
) -> None:
    """Look a place name up in the offline gazetteer: ranked candidates with their ids ("geonames:2021851")."""
    from geo.gazetteer.geocoder import OfflineGeocoder
    from geo.gazetteer.index import open_gazetteer

    geocoder = OfflineGeocoder(open_gazetteer(get_settings().gazetteer_path))
    found = geocoder.geocode(name, exactly_one=False, country_codes=country or None, limit=limit) or []
    if not found:
        typer.echo(f"no place known as {name!r}", err=True)
        raise typer.Exit(1)
    for location in found:
        raw = location.raw
        typer.echo(
            f"{raw['score']:.3f}  {location.address}  ({location.latitude:.5f}, {location.longitude:.5f})  "
            f"{raw['precision']}  {raw['place_id']}"
        )
    typer.echo("Place data © GeoNames (CC-BY 4.0)")


def _ingest(paths: list[Path], services, *, label: str) -> Counter:
    from sqlmodel import Session

    from app.ingest import ingest_article
    from app.sources import Rejected, read_articles

    items = list(read_articles(paths))
    outcome: Counter = Counter()
    rejections: list[Rejected] = []
    with typer.progressbar(items, label=label, show_pos=True) as progress:
        for item in progress:
            if isinstance(item, Rejected):
                rejections.append(item)
                outcome["rejected"] += 1
                continue
            with Session(services.engine) as session:
                try:
                    stored = ingest_article(session, services.pipeline, item.article)
                except Exception as exc:  # one bad article must not stop the batch
                    rejections.append(Rejected(item.origin, str(exc)))
                    outcome["rejected"] += 1
                    continue
            outcome["stored" if stored.created else "duplicate"] += 1
    typer.echo(
        f"{outcome['stored']} stored, {outcome['duplicate']} skipped as duplicates, {outcome['rejected']} rejected"
    )
    for rejection in rejections:
        typer.echo(f"  rejected {rejection.origin}: {rejection.reason}", err=True)
    return outcome


@app.command()
def seed(directory: Annotated[Path, typer.Option("--dir", help="Folder of seed articles.")] = SEEDS_DIR) -> None:
    """Load the seed articles (idempotent: those already stored are skipped)."""
    services = _services()
    _upgrade(services)
    outcome = _ingest([directory], services, label="seeding")
    if outcome["rejected"]:
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: Annotated[
        list[str], typer.Argument(help="Text files, folders, JSON Lines of articles, or URLs of pages to fetch.")
    ],
) -> None:
    """Read articles from files or web pages and store what is found in them."""
    services = _services()
    _upgrade(services)
    urls = [p for p in paths if p.lower().startswith(("http://", "https://"))]
    files = [Path(p) for p in paths if p not in urls]
    outcome = _ingest(files, services, label="ingesting") if files else Counter()
    outcome.update(_ingest_urls(urls, services))
    if outcome["rejected"] and not (outcome["stored"] or outcome["duplicate"]):
        raise typer.Exit(1)


def _ingest_urls(urls: list[str], services) -> Counter:
    from sqlmodel import Session

    from app.url_ingest import ingest_url
    from geo.errors import ItinerantError

    outcome: Counter = Counter()
    for url in urls:
        with Session(services.engine) as session:
            try:
                stored = ingest_url(session, services.pipeline, services.fetcher, url)
            except ItinerantError as exc:
                outcome["rejected"] += 1
                typer.echo(f"rejected {url}: {exc.message}", err=True)
                continue
            article = stored.article
            verdict = "stored" if stored.created else "duplicate"
            outcome[verdict] += 1
            typer.echo(f"{verdict} {url}: article {article.id}, {article.title or 'untitled'}")
    return outcome


class ExportFormat(StrEnum):
    geojson = "geojson"
    csv = "csv"


@app.command()
def export(
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write; default: stdout.")] = None,
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="geojson or csv.")] = ExportFormat.geojson,
    actor: Annotated[str | None, typer.Option(help="Only this actor's events (a slug, e.g. kim-jong-un).")] = None,
) -> None:
    """Write the stored events as GeoJSON (RFC 7946) or CSV."""
    import sys

    from sqlmodel import Session

    from app.export import export_csv, export_geojson
    from app.queries import EventFilter, actor_by_slug
    from geo.errors import NotFoundError

    services = _services()
    _upgrade(services)
    with Session(services.engine) as session:
        try:
            event_filter = EventFilter(actor_id=actor_by_slug(session, actor).id if actor else None)
        except NotFoundError as exc:
            typer.echo(exc.message, err=True)
            raise typer.Exit(2) from None
        chunks = (export_geojson if format is ExportFormat.geojson else export_csv)(session, event_filter)
        target = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
        try:
            for chunk in chunks:
                target.write(chunk)
            if format is ExportFormat.geojson:
                target.write("\n")
        finally:
            if output:
                target.close()


class EvalSetting(StrEnum):
    resolution = "resolution"
    end_to_end = "end-to-end"
    both = "both"


class EvalFormat(StrEnum):
    table = "table"
    json = "json"


class DemonymMode(StrEnum):
    auto = "auto"
    on = "on"
    off = "off"


EVAL_COLUMNS = (
    "corpus",
    "setting",
    "precision",
    "recall",
    "f1",
    "acc161",
    "joint",
    "mean_km",
    "median_km",
    "auc",
    "n",
)


@app.command("eval")
def evaluate(
    corpora: Annotated[list[Path], typer.Argument(help="Corpus files (JSON: documents with gold toponyms).")],
    setting: Annotated[EvalSetting, typer.Option(help="Given the gold spans, end to end, or both.")] = EvalSetting.both,
    format: Annotated[EvalFormat, typer.Option("--format", help="table or json.")] = EvalFormat.table,
    fast: Annotated[bool, typer.Option("--fast", help="Without the NER model.")] = False,
    demonyms: Annotated[
        DemonymMode, typer.Option(help="Count demonyms as mentions; auto: when the corpus's gold does.")
    ] = DemonymMode.auto,
) -> None:
    """Score the geoparser on annotated corpora: recognition P/R/F1, accuracy within 161 km, error km, AUC.

    joint is the end-to-end accuracy: the share of gold toponyms recognised with their exact span
    and placed within 161 km.
    """
    import json

    from geo.evaluation import counts_demonyms, evaluate_documents, load_corpus
    from geo.gazetteer.index import open_gazetteer
    from geo.text.geoparse import Geoparser

    gazetteer = open_gazetteer(get_settings().gazetteer_path)
    settings = ["resolution", "end-to-end"] if setting is EvalSetting.both else [setting.value]
    results = []
    for path in corpora:
        documents = load_corpus(path)
        with_demonyms = (
            counts_demonyms(documents, gazetteer) if demonyms is DemonymMode.auto else demonyms is DemonymMode.on
        )
        parser = Geoparser(gazetteer, use_ner=not fast, include_demonyms=with_demonyms)
        for name in settings:
            scores = evaluate_documents(documents, parser, setting=name)
            results.append({"corpus": path.stem} | {key: scores[key] for key in EVAL_COLUMNS[1:]})
    if format is EvalFormat.json:
        typer.echo(json.dumps(results, indent=2))
        return
    typer.echo(" ".join(f"{c:>10}" for c in EVAL_COLUMNS))
    for row in results:
        cells = [f"{v:>10.3f}" if isinstance(v, float) else f"{v!s:>10}" for v in row.values()]
        typer.echo(" ".join(cells))


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Interface to listen on.")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on.")] = None,
) -> None:
    """Serve the web application."""
    import uvicorn

    from app.main import create_app

    settings = get_settings()
    host = host or settings.host
    port = port or settings.port
    application = create_app(settings)
    _upgrade(application.state.services)
    base = f"http://{host}:{port}"
    typer.echo(
        f"itinerant on {base}\n"
        f"  home:     {base}/\n"
        f"  maps:     {base}/map (every event), {base}/actors/SLUG/map (one person)\n"
        f"  API docs: {base}/docs\n"
        f"  GeoJSON:  {base}/api/events.geojson  ·  OGC API - Features: {base}/ogc"
    )
    uvicorn.run(application, host=host, port=port, log_level="info")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
