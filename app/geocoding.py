"""The service's geocoder: the offline gazetteer first, then an online geopy geocoder when configured."""

from __future__ import annotations

import json

from geopy.geocoders import get_geocoder_for_service
from geopy.location import Location
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from app import models
from app.settings import Settings
from geo.errors import InvalidInputError
from geo.gazetteer.base import Gazetteer
from geo.gazetteer.chain import CachedAnswer, GeocoderChain
from geo.gazetteer.geocoder import OfflineGeocoder

__all__ = ["DatabaseGeocodeCache", "build_geocoder", "location_record"]


class DatabaseGeocodeCache:
    """The chain's cache in the service's own database, shared by every worker."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def get(self, key: str) -> CachedAnswer | None:
        with Session(self._engine) as session:
            entry = session.get(models.GeocodeCacheEntry, key)
            return json.loads(entry.answer) if entry is not None else None

    def set(self, key: str, value: CachedAnswer) -> None:
        with Session(self._engine) as session:
            session.add(models.GeocodeCacheEntry(key=key, answer=json.dumps(value, default=str)))
            try:
                session.commit()
            except IntegrityError:  # another worker cached the same query first
                session.rollback()


def build_geocoder(settings: Settings, gazetteer: Gazetteer, engine: Engine) -> GeocoderChain:
    """Offline only unless ITINERANT_ONLINE_GEOCODER names a geopy service (nominatim, photon, pelias...)."""
    offline = OfflineGeocoder(gazetteer)
    if not settings.online_geocoder:
        return GeocoderChain(offline)
    try:
        service = get_geocoder_for_service(settings.online_geocoder)
    except Exception as exc:  # geopy raises its own error for an unknown name
        raise InvalidInputError(f"ITINERANT_ONLINE_GEOCODER: {exc}", field="online_geocoder") from exc
    return GeocoderChain(
        offline,
        online=service(user_agent=settings.online_geocoder_user_agent),
        cache=DatabaseGeocodeCache(engine),
        min_delay_seconds=settings.online_geocoder_min_delay_seconds,
    )


def location_record(location: Location) -> dict:
    """A geocoding answer as plain data: the offline index's fields where it answered, the point always.

    The gazetteer's key is `gazetteer_id`, as in events and stops; `place_id` is its former name,
    kept with the same value for one release.
    """
    raw = location.raw or {}
    return {
        "name": raw.get("name") or location.address.split(",")[0],
        "address": location.address,
        "lat": location.latitude,
        "lon": location.longitude,
        "gazetteer_id": raw.get("gazetteer_id"),
        "place_id": raw.get("gazetteer_id"),  # deprecated alias of gazetteer_id
        "geonameid": raw.get("geonameid"),
        "kind": raw.get("kind"),
        "precision": raw.get("precision"),
        "country": raw.get("country"),
        "admin1": raw.get("admin1"),
        "population": raw.get("population"),
        "score": raw.get("score"),
        "matched_name": raw.get("matched_name"),
        "name_type": raw.get("name_type"),
        "distance_km": raw.get("distance_km"),
    }
