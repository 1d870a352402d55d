"""Articles from files: plain text (with an optional JSON sidecar of metadata), folders, JSON Lines.

Each input becomes either an ArticleCreate (validated exactly as the API validates a request)
or a Rejected with the reason, so one bad line never stops a batch.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from app.schemas import ArticleCreate

__all__ = ["Rejected", "SourcedArticle", "read_articles", "TEXT_SUFFIXES"]

TEXT_SUFFIXES = {".txt", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


@dataclass(frozen=True)
class SourcedArticle:
    origin: str  # "path" or "path:line", for the summary
    article: ArticleCreate


@dataclass(frozen=True)
class Rejected:
    origin: str
    reason: str


def read_articles(paths: list[Path]) -> Iterator[SourcedArticle | Rejected]:
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES:
                    yield from _read_file(child)
        elif path.is_file():
            yield from _read_file(path)
        else:
            yield Rejected(str(path), "no such file or folder")


def _read_file(path: Path) -> Iterator[SourcedArticle | Rejected]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_json_lines(path)
    elif suffix in TEXT_SUFFIXES:
        yield _read_text(path)
    else:
        yield Rejected(str(path), f"not a text (.txt) or JSON Lines (.jsonl) file: {path.suffix or 'no suffix'}")


def _read_text(path: Path) -> SourcedArticle | Rejected:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return Rejected(str(path), "not UTF-8 text")
    metadata: dict = {}
    sidecar = path.with_suffix(".json")
    if sidecar.exists():
        try:
            metadata = json.loads(sidecar.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            return Rejected(str(sidecar), f"metadata is not valid JSON: {exc.msg} (line {exc.lineno})")
        if not isinstance(metadata, dict):
            return Rejected(str(sidecar), "metadata must be a JSON object")
        metadata.pop("text", None)
    return _validated(str(path), {**metadata, "text": text})


def _read_json_lines(path: Path) -> Iterator[SourcedArticle | Rejected]:
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            origin = f"{path}:{number}"
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Rejected(origin, f"not valid JSON: {exc.msg}")
                continue
            if not isinstance(record, dict):
                yield Rejected(origin, "each line must be a JSON object with at least a 'text' field")
                continue
            yield _validated(origin, record)


def _validated(origin: str, record: dict) -> SourcedArticle | Rejected:
    try:
        return SourcedArticle(origin, ArticleCreate.model_validate(record))
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'record'}: {e['msg']}" for e in exc.errors())
        return Rejected(origin, problems)
