"""The API's documentation pages, /docs (Swagger UI) and /redoc (ReDoc), with their assets served here.

FastAPI's own pages load Swagger UI and ReDoc from CDNs, so they are blank offline; these are
the same pages with every file from /assets/vendor (npm packages pinned in package-lock.json,
see app/assets.py), no web fonts, and no online validator badge.
"""

from __future__ import annotations

from typing import Final

from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse

from app.assets import VENDOR_PREFIX
from app.map_pages import root_path
from app.security import PageSources, allow_page_sources, inline_script_hashes

__all__ = ["router", "DOCS_ROUTE", "SWAGGER_JS", "SWAGGER_CSS", "REDOC_JS", "DOCS_FILES"]

SWAGGER_JS: Final = "swagger-ui-dist/swagger-ui-bundle.js"
SWAGGER_CSS: Final = "swagger-ui-dist/swagger-ui.css"
REDOC_JS: Final = "redoc/bundles/redoc.standalone.js"
DOCS_FILES: Final = (SWAGGER_JS, SWAGGER_CSS, REDOC_JS)
DOCS_ROUTE: Final = "api_docs"  # the OGC landing page links to it as its service-doc

router = APIRouter(include_in_schema=False)


# ReDoc draws its maker's logo from their CDN (an <img> it builds in the side menu, whatever the
# options). This runs before ReDoc and swaps that one address for an empty image, so that the page
# asks nothing of another host; the "API docs by Redocly" credit stays as text.
_NO_REMOTE_LOGO: Final = b"""<script>
(function () {
  var remote = "https://cdn.redoc.ly/";
  var blank = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='1' height='1'/%3E";
  function local(value) { return String(value).indexOf(remote) === 0 ? blank : value; }
  var proto = HTMLImageElement.prototype;
  var src = Object.getOwnPropertyDescriptor(proto, "src");
  Object.defineProperty(proto, "src", {
    configurable: true, enumerable: src.enumerable, get: src.get,
    set: function (value) { src.set.call(this, local(value)); },
  });
  var setAttribute = Element.prototype.setAttribute;
  proto.setAttribute = function (name, value) {
    return setAttribute.call(this, name, String(name).toLowerCase() === "src" ? local(value) : value);
  };
})();
</script>
"""


def _with_lang(
    request: Request, response: HTMLResponse, *, before_body: bytes = b"", workers: tuple[str, ...] = ()
) -> HTMLResponse:
    # FastAPI's templates name no language; screen readers need one.
    body = bytes(response.body).replace(b"<html>", b'<html lang="en">', 1)
    if before_body:
        body = body.replace(b"<body>", b"<body>\n" + before_body, 1)
    # The pages set Swagger UI and ReDoc up in inline scripts: the CSP lets exactly those run.
    allow_page_sources(request, PageSources(scripts=inline_script_hashes(body.decode("utf-8")), workers=workers))
    return HTMLResponse(body)


def _page_parts(request: Request) -> tuple[str, str, str]:
    prefix = root_path(request)
    return prefix + request.app.openapi_url, prefix + VENDOR_PREFIX, prefix + "/static/favicon.svg"


@router.get("/docs", response_class=HTMLResponse, name=DOCS_ROUTE)
def swagger_ui(request: Request) -> HTMLResponse:
    openapi_url, assets, favicon = _page_parts(request)
    return _with_lang(
        request,
        get_swagger_ui_html(
            openapi_url=openapi_url,
            title=f"{request.app.title} - API",
            swagger_js_url=f"{assets}/{SWAGGER_JS}",
            swagger_css_url=f"{assets}/{SWAGGER_CSS}",
            swagger_favicon_url=favicon,
            oauth2_redirect_url=None,
            # The validator badge would send the spec's URL to an online validator.
            swagger_ui_parameters={"validatorUrl": None},
        ),
    )


@router.get("/redoc", response_class=HTMLResponse)
def redoc(request: Request) -> HTMLResponse:
    openapi_url, assets, favicon = _page_parts(request)
    return _with_lang(
        request,
        get_redoc_html(
            openapi_url=openapi_url,
            title=f"{request.app.title} - API reference",
            redoc_js_url=f"{assets}/{REDOC_JS}",
            redoc_favicon_url=favicon,
            with_google_fonts=False,
        ),
        before_body=_NO_REMOTE_LOGO,
        # ReDoc builds its search index in a worker it starts from a blob: URL of its own script.
        workers=("blob:",),
    )
