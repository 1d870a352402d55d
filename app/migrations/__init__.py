"""Alembic migrations of the itinerant schema."""
