"""Text from articles on its way into a page: as JSON inside <script>, or as HTML.

Article text is hostile until shown otherwise: a title may hold `</script>`, a sentence
`<img onerror=...>`. Data reaches the page's scripts as JSON whose `<`, `>`, `&` and quotes
are \\u escapes, so no string can end the script element; scripts put it on the page as text
nodes (see static/itinerant-map.js), never as markup. Where Folium itself takes HTML (popups
are built inside JavaScript template literals), `html_text` escapes for both HTML and the
literal.
"""

from __future__ import annotations

import json
import re
from typing import Any, Final

from markupsafe import escape

__all__ = ["script_json", "html_text"]

_SCRIPT_ESCAPES: Final = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("'", "\\u0027"),
    ("\u2028", "\\u2028"),  # line separators end a JavaScript string in older engines
    ("\u2029", "\\u2029"),
)
# Branca compiles a rendered element's script as a Jinja template once more before writing it
# (MacroElement.render wraps it in Element(...)): "{{", "{%" or "{#" in article text would run as
# Jinja. Compact JSON opens an object only before '"' or '}', so such a brace lies in a string,
# where \u007b means the same character.
_JINJA_OPENERS: Final = re.compile(r"\{(?=[{%#])")
_TEMPLATE_LITERAL_ESCAPES: Final = str.maketrans({"`": "&#96;", "$": "&#36;", "\\": "&#92;"})


def script_json(value: Any) -> str:
    """`value` as compact JSON that is safe inside an HTML <script> element."""
    text = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    # One str.replace a character: on a large page's data, many times faster than str.translate.
    for char, escaped in _SCRIPT_ESCAPES:
        if char in text:
            text = text.replace(char, escaped)
    if "{" in text:
        text = _JINJA_OPENERS.sub(r"\\u007b", text)
    return text


def html_text(value: object) -> str:
    """`value` as HTML text, safe also inside a JavaScript template literal (Folium's popups)."""
    return str(escape(str(value))).translate(_TEMPLATE_LITERAL_ESCAPES)
