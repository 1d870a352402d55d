"""app/errors.py: every library error has one status, decided there."""

from __future__ import annotations

import pytest

import geo.errors
from app.errors import STATUS_OF, status_of
from geo.errors import ItinerantError


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("InvalidInputError", 422),
        ("PayloadTooLargeError", 413),
        ("NotFoundError", 404),
        ("ConflictError", 409),
        ("UnauthorizedError", 401),
        ("NotAcceptableError", 406),
        ("FormatNotImplementedError", 501),
        ("GazetteerError", 503),
        ("GazetteerNotBuiltError", 503),
        ("ModelDataError", 503),
        ("ItinerantError", 400),
    ],
)
def test_each_library_error_has_its_status(name, status):
    assert status_of(getattr(geo.errors, name)("x"))[0] == status


def test_every_class_of_the_tree_is_mapped():
    classes = {getattr(geo.errors, name) for name in geo.errors.__all__}
    assert all(issubclass(cls, ItinerantError) for cls in classes)
    assert {cls for cls, _, _ in STATUS_OF} >= classes - {geo.errors.GazetteerNotBuiltError}


def test_a_bad_request_router_answers_invalid_input_with_400_but_keeps_other_statuses():
    assert status_of(geo.errors.InvalidInputError("x"), bad_request=True) == (400, "bad request")
    assert status_of(geo.errors.NotFoundError("x"), bad_request=True)[0] == 404
    assert status_of(geo.errors.PayloadTooLargeError("x"), bad_request=True)[0] == 413


def test_unknown_route_and_method_are_json(client):
    assert client.get("/api/nowhere").json()["error"] == "not found"
    response = client.delete("/api/articles")
    assert response.status_code == 405
    assert response.json()["error"] == "method not allowed"
