"""HTTP routes: each parses input, calls geo or storage, and serialises; nothing more."""
