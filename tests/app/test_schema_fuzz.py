"""The OpenAPI schema run against the service: for every operation, generated requests (valid and
not) get no 5xx, only statuses the schema documents, and bodies that conform to it (schemathesis).

A bounded, derandomised number of examples per operation keeps the run deterministic and short.
The service has no API key here, so writes are exercised too; fetching a URL is refused before
any connection (no network in tests), which the schema documents as an error like any other.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

import schemathesis
from app_fixtures import SOCHI, VISIT, VLADIVOSTOK
from hypothesis import HealthCheck, settings
from pipelines import pipeline
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from app.db import make_engine
from app.fetch import Fetcher
from app.main import create_app
from app.migrate import upgrade_database
from app.services import Services
from app.settings import Settings
from geo.errors import FetchRefusedError


class _NoNetwork(Fetcher):
    def fetch(self, url, **_options):
        raise FetchRefusedError("the test service fetches nothing", field="url")


def _service():
    """The service over a SQLite file of its own, with the small test pipeline (built at import:
    schemathesis reads the schema when the tests are collected)."""
    folder = Path(tempfile.mkdtemp(prefix="itinerant-fuzz-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    engine = make_engine(f"sqlite:///{folder / 'itinerant.sqlite'}")
    upgrade_database(engine)
    services = Services(
        Settings(data_dir=folder, allowed_hosts="testserver", _env_file=None),
        engine,
        gazetteer_factory=lambda _settings: None,
        pipeline_factory=lambda _settings, _gazetteer: pipeline({"Vladivostok": VLADIVOSTOK, "Sochi": SOCHI}, [VISIT]),
    )
    services._fetcher = _NoNetwork(max_bytes=1_000)
    return create_app(services=services)


schema = schemathesis.openapi.from_asgi("/openapi.json", _service())


# What the issue asks of every answer: no server error, a documented status and media type, a body
# that conforms. (Whether the service is stricter or looser than the schema about a request's
# values, schemathesis's other checks, is left to the route tests.)
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@schema.parametrize()
@settings(max_examples=8, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
def test_every_operation_answers_as_its_schema_says(case):
    if case.path == "/oembed":
        # oEmbed 1.0 itself answers a format it does not produce with 501, documented as such.
        response = case.call_and_validate(checks=CHECKS[1:])
        assert response.status_code in (200, 400, 404, 405, 422, 501), (case.method, case.query, response.text)
        return
    case.call_and_validate(checks=CHECKS)
