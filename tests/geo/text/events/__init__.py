"""Tests of geo.text.events: the reader of who was where, when."""
