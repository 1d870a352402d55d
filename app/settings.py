"""All configuration in one place, read from ITINERANT_* environment variables (or a .env file).

Nothing needs setting for a local run: the defaults give a SQLite database and the gazetteer
index under ./data/, served on 127.0.0.1:8000.

The tunables below the settings (page sizes, limits) are fixed in the code: the routes declare
them in their parameters' bounds, which the OpenAPI document publishes.
"""

from __future__ import annotations

from datetime import timedelta
from functools import lru_cache
from pathlib import Path
from typing import Final, Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = [
    "Settings",
    "get_settings",
    "PAGE_SIZE",
    "MAX_PAGE_SIZE",
    "MAX_OFFSET",
    "GEOJSON_PAGE_SIZE",
    "MAX_GEOJSON_LIMIT",
    "OGC_PAGE_SIZE",
    "OGC_MAX_LIMIT",
    "INLINE_EVENT_LIMIT",
    "MAP_EVENTS_PAGE_SIZE",
    "EMBED_SIZE",
    "HOME_ACTORS",
    "HOME_ARTICLES",
]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ITINERANT_", env_file=".env", extra="ignore")

    data_dir: Path = Field(Path("data"), description="Where the database and the gazetteer index live.")
    database_url: str | None = Field(None, description="SQLAlchemy URL; default: a SQLite file in the data directory.")
    host: str = "127.0.0.1"
    port: int = Field(8000, ge=1, le=65535)
    workers: int = Field(1, ge=1, le=64, description="Processes `serve` runs, each with its own connection pool.")
    # Each process's pool: as many requests as it has connections (less one) hold a session at
    # once and the others wait their turn (app/deps.py), so these bound concurrency per process,
    # and workers x (size + overflow) must fit in PostgreSQL's max_connections (`serve` checks).
    database_pool_size: int = Field(5, ge=1, description="Connections each process keeps open.")
    database_max_overflow: int = Field(10, ge=0, description="Connections each process may open beyond those.")
    database_pool_timeout: float = Field(30.0, gt=0, description="Longest wait for a connection, in seconds.")
    # Each process's cache of read responses (app/response_cache.py), and their ETags.
    response_cache_mb: int = Field(
        64,
        ge=0,
        le=65_536,
        description="Memory each process keeps answers to repeated reads in (the data's GETs, geocoding), in MB; "
        "an answer serves until the next write to the data, in any process. 0 turns the cache and ETags off.",
    )
    # The cache the workers of `serve` share and keep across restarts (app/shared_responses.py).
    shared_cache_mb: int = Field(
        256,
        ge=0,
        le=1_048_576,
        description="The size of the cache of answers the processes of `serve` share and keep from one start "
        "to the next (one worker too), in MB: a file in a private directory (shared_cache_dir). An answer one "
        "worker made is served by the others. 0 turns it off (each process keeps its own).",
    )
    shared_cache_dir: Path | None = Field(
        None,
        description="Where the workers' shared cache is kept from one `serve` to the next (made with mode 0700); "
        "default: beside a SQLite database file (its name, then -responses), else responses/ in the data directory.",
    )
    shared_cache_keep: bool = Field(
        True,
        description="Keep the workers' shared cache across restarts (in shared_cache_dir); false: a temporary "
        "directory that `serve` makes and removes, empty at each start.",
    )
    # What `serve` makes again before its workers take requests (app/warm_up.py).
    warm_up_seconds: float = Field(
        10.0,
        ge=0,
        le=3600,
        description="With a kept shared cache, the longest `serve` spends before its workers start asking again "
        "for the answers its last run was asked for (each made once, into the shared cache), in seconds. 0: none.",
    )
    warm_up_answers: int = Field(
        1000, ge=0, le=1_000_000, description="The most answers that warm-up asks for (the most recently made first)."
    )
    # PostgreSQL: how long the cache may trust the notifications of writes instead of reading the
    # data's revision for each request (app/data_revision.py, PostgresRevision).
    revision_recheck_ms: int = Field(
        1000,
        ge=0,
        le=3_600_000,
        description="On PostgreSQL, the longest a process answers from its cache on the strength of the "
        "database's notifications of writes before it reads the data's revision again, in ms: a write by "
        "another process is seen as soon as its notification arrives, and at the latest this long after its "
        "commit should the notification be lost. 0: read the revision for every request.",
    )
    public_url: str | None = Field(
        None,
        description="The service's external base URL, for links in embeds and oEmbed; default: the request's, "
        "if its host is one of allowed_hosts.",
    )
    allowed_hosts: str | None = Field(
        None,
        description="Without public_url: the host names (comma-separated) whose requests may build the service's "
        "URLs from their Host header; localhost, 127.0.0.1 and ::1 always may.",
    )

    # Input limits.
    max_body_bytes: int = Field(1_000_000, ge=1024, description="Requests with larger bodies get a 413.")
    max_mentions_per_article: int = Field(
        2000,
        ge=1,
        description="An article naming places more often than this is refused with a 422 (field text): "
        "it bounds the time an article holds the pipeline and the database, and the size of its page.",
    )

    # Text processing.
    use_ner: bool = Field(True, description="Use the spaCy model as a second signal in geoparsing.")

    # Maps and embeds (used by the map pages).
    tiles: str = Field("OpenStreetMap", description="An xyzservices provider name, or 'none' for the offline basemap.")
    asset_mode: Literal["local", "cdn"] = Field("local", description="Serve map JavaScript/CSS ourselves or from CDNs.")
    assets_dir: Path | None = Field(
        None, description="The npm packages' folder (node_modules); default: the one beside the source tree."
    )
    frame_ancestors: str = Field("*", description="CSP frame-ancestors for embed routes.")
    cors_origins: list[str] = Field(default_factory=lambda: ["*"], description="Origins allowed to GET the APIs.")

    # Itineraries (geo.itinerary).
    trip_gap_days: int = Field(
        30,
        ge=0,
        le=3660,
        description="Stops further apart than this many days are two trips, with no leg between them.",
    )

    @property
    def trip_gap(self) -> timedelta:
        return timedelta(days=self.trip_gap_days)

    # Online geocoders: off unless a deployment names one (e.g. "nominatim").
    online_geocoder: str | None = None
    online_geocoder_user_agent: str = "itinerant"
    online_geocoder_min_delay_seconds: float = Field(1.0, ge=0)
    api_key: str | None = Field(
        None, description="When set, writes require it, in X-API-Key or as Authorization: Bearer KEY."
    )
    api_keys: str | None = Field(
        None, description="More keys that writes accept, separated by commas (one per client, to revoke one alone)."
    )

    @property
    def write_keys(self) -> tuple[str, ...]:
        """Every key that writes accept; none: writes need no key."""
        keys = [self.api_key or "", *(self.api_keys or "").split(",")]
        return tuple(key.strip() for key in keys if key.strip())

    # Articles by URL and feeds (app/fetch.py, app/feeds.py).
    fetch_allow_private: bool = Field(
        False, description="Let URLs reach private, loopback and link-local addresses (a lab or a test, never public)."
    )
    fetch_timeout_seconds: float = Field(15.0, gt=0, description="Longest wait for one page or feed, all told.")
    fetch_max_redirects: int = Field(5, ge=0, le=20)
    fetch_user_agent: str | None = Field(None, description="Default: itinerant/VERSION with the public URL.")
    watch: bool = Field(False, description="Poll the feeds inside `itinerant serve`.")
    watch_tick_seconds: float = Field(30.0, gt=0, description="How often `watch` looks for feeds that are due.")

    @property
    def trusted_hosts(self) -> frozenset[str]:
        """The host names (lower case, no port) whose Host header the service's URLs may be built from."""
        given = (host.strip().lower() for host in (self.allowed_hosts or "").split(","))
        return frozenset({"localhost", "127.0.0.1", "::1", *filter(None, given)})

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'itinerant.sqlite').as_posix()}"

    @property
    def resolved_shared_cache_dir(self) -> Path:
        if self.shared_cache_dir is not None:
            return self.shared_cache_dir
        from sqlalchemy.engine import make_url

        url = make_url(self.resolved_database_url)
        database = url.database or ""
        if url.get_backend_name() == "sqlite" and database not in ("", ":memory:") and not database.startswith("file:"):
            path = Path(database)
            return path.parent / f"{path.stem}-responses"
        return self.data_dir / "responses"

    @property
    def pool_options(self) -> dict[str, int | float]:
        return {
            "pool_size": self.database_pool_size,
            "max_overflow": self.database_max_overflow,
            "pool_timeout": self.database_pool_timeout,
        }

    @property
    def gazetteer_path(self) -> Path:
        return self.data_dir / "gazetteer.sqlite"


@lru_cache
def get_settings() -> Settings:
    return Settings()


# Lists of the JSON API (?limit=): the default and the largest page.
PAGE_SIZE: Final = 50
MAX_PAGE_SIZE: Final = 500
# The largest ?offset= of any list: beyond it the databases' 64-bit OFFSET overflows (and no
# store holds that many rows).
MAX_OFFSET: Final = 2**31 - 1
# GeoJSON of events, streamed: the default and the largest page.
GEOJSON_PAGE_SIZE: Final = 10_000
MAX_GEOJSON_LIMIT: Final = 100_000
# OGC API - Features items: the default page, and the largest served (larger asks get this many).
OGC_PAGE_SIZE: Final = 10
OGC_MAX_LIMIT: Final = 10_000
# The map of every event: up to this many are written into the page; more are fetched from the
# GeoJSON API, this many a request, so that the page itself stays small and quick.
INLINE_EVENT_LIMIT: Final = 1000
MAP_EVENTS_PAGE_SIZE: Final = 5000
EMBED_SIZE: Final = (800, 600)  # an embed code's iframe, width x height
# The home page: actors (by name) and the most recent articles it lists.
HOME_ACTORS: Final = 100
HOME_ARTICLES: Final = 20
