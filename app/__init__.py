"""itinerant's web service: a thin FastAPI layer over the `geo` library, with SQLModel storage."""
