"""A test database's URL for another process: PostgreSQL's carries the test's schema in its options."""

from __future__ import annotations

from urllib.parse import quote

from sqlalchemy import text
from sqlalchemy.engine import Engine

__all__ = ["engine_url"]


def engine_url(engine: Engine) -> str:
    """The URL that reaches the same database (and, on PostgreSQL, the same schema) as `engine`."""
    url = engine.url.render_as_string(hide_password=False)
    if engine.dialect.name != "postgresql":
        return url
    with engine.connect() as connection:
        schema = connection.execute(text("SHOW search_path")).scalar_one()
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}options={quote(f'-csearch_path={schema}')}"
