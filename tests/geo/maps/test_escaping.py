"""geo.maps.escaping: article text reaches a map's page as data, shown as text."""

from __future__ import annotations

import json

import pytest

from geo.maps.escaping import html_text, script_json


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("</script>", '"\\u003c/script\\u003e"'),
        ("a & 'b'", '"a \\u0026 \\u0027b\\u0027"'),
        ("line\u2028break", '"line\\u2028break"'),
        ("Zürich", '"Zürich"'),
    ],
)
def test_script_json_cannot_close_a_script(value, expected):
    assert script_json(value) == expected
    assert json.loads(script_json(value)) == value


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("<img onerror=x>", "&lt;img onerror=x&gt;"),
        ("`${alert(1)}`", "&#96;&#36;{alert(1)}&#96;"),
        ("C:\\users", "C:&#92;users"),
        ('"quoted"', "&#34;quoted&#34;"),
    ],
)
def test_html_text_is_safe_in_html_and_template_literals(value, expected):
    assert html_text(value) == expected


def test_script_json_keeps_jinja_openers_out_of_the_page():
    # Branca compiles each element's script as Jinja once more: "{{", "{%" and "{#" must not reach it.
    value = {"text": "{{ 7 * 7 }} {% if %} {# c #} {{{", "nested": {"empty": {}}}
    text = script_json(value)
    assert "{{" not in text and "{%" not in text and "{#" not in text
    assert json.loads(text) == value
