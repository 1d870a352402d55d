"""OGC API - Features (Part 1: Core, GeoJSON) over the stored events; the routes are app/routes/ogc.py.

The modules here hold what the routes need and nothing of FastAPI routing itself: the
conformance classes and media types, content negotiation, the `bbox` and `datetime` query
parameters, the collection's extent, and the documents (landing page, collections) with links.
"""

__all__: list[str] = []
