"""geo.actions: a trigger's lemma as what a reader should see."""

from __future__ import annotations

import pytest

from geo.actions import action_label
from geo.model import EventStatus
from geo.text.events.triggers import NOUN_SENSES, VERB_SENSES


@pytest.mark.parametrize(
    ("action", "status", "label"),
    [
        ("pull", EventStatus.OCCURRED, "arrived"),  # "the train pulled into Vladivostok"
        ("enter", EventStatus.OCCURRED, "arrived"),
        ("arrive", EventStatus.OCCURRED, "arrived"),
        ("visit", EventStatus.OCCURRED, "visited"),
        ("meet", EventStatus.OCCURRED, "met"),
        ("attend", EventStatus.OCCURRED, "attended"),
        ("Visit", EventStatus.OCCURRED, "visited"),
        ("travel", EventStatus.PLANNED, "planned visit"),
        ("meet", EventStatus.PLANNED, "planned meeting"),
        ("visit", EventStatus.SPECULATIVE, "possible visit"),
        ("frobnicate", EventStatus.OCCURRED, "was there"),
    ],
)
def test_action_labels(action: str, status: EventStatus, label: str) -> None:
    assert action_label(action, status) == label


def test_every_trigger_the_reader_knows_has_a_label() -> None:
    unlabelled = [lemma for lemma in {*VERB_SENSES, *NOUN_SENSES} if action_label(lemma) == "was there"]
    assert unlabelled == []
