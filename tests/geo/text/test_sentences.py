"""geo.text.sentences: an article's sentences as spans, for choosing the one that tells of a stop."""

from __future__ import annotations

from itertools import pairwise

import pytest

from geo.text.sentences import sentence_spans


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("", []),
        ("Kim went to Vladivostok.", ["Kim went to Vladivostok."]),
        (
            "Kim Jong Un went to Vladivostok. Then Komsomolsk-on-Amur. Putin stayed in Sochi.",
            ["Kim Jong Un went to Vladivostok.", "Then Komsomolsk-on-Amur.", "Putin stayed in Sochi."],
        ),
        ('He said: "We will go." "When?" she asked.', ['He said: "We will go."', '"When?" she asked.']),
        (
            "Mr. Kim met Gen. Lee in St. Petersburg. J. Smith was there.",
            ["Mr. Kim met Gen. Lee in St. Petersburg.", "J. Smith was there."],
        ),
        ("  SEOUL (AP)\n\nKim left on Tuesday.  ", ["SEOUL (AP)", "Kim left on Tuesday."]),
        ("It cost 2.5 million. 2023 was busy", ["It cost 2.5 million.", "2023 was busy"]),
    ],
)
def test_sentence_spans(text, sentences):
    spans = sentence_spans(text)
    assert [text[start:end] for start, end in spans] == sentences
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in pairwise(spans))
