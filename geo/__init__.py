"""itinerant's domain library: gazetteer, geoparsing, events, itineraries and their GeoJSON.

Pure Python: nothing here imports the web framework or the database layer, so every piece
can be used from a script, a notebook or another service.
"""
