"""Reading articles from text files, metadata sidecars, folders and JSON Lines."""

from __future__ import annotations

import json
from datetime import date

from app.sources import Rejected, SourcedArticle, read_articles


def test_text_file_with_metadata_sidecar(tmp_path):
    (tmp_path / "a.txt").write_text("Kim visited Vladivostok.", encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps({"title": "T", "published": "2019-04-25", "source": "AP"}))
    [item] = read_articles([tmp_path / "a.txt"])
    assert isinstance(item, SourcedArticle)
    assert item.article.text == "Kim visited Vladivostok."
    assert item.article.published == date(2019, 4, 25)
    assert item.article.source == "AP"


def test_folder_reads_text_and_json_lines_in_name_order(tmp_path):
    (tmp_path / "b.txt").write_text("Second.", encoding="utf-8")
    (tmp_path / "a.jsonl").write_text(
        json.dumps({"text": "First.", "published": "2023-09-15"}) + "\n\n" + json.dumps({"text": "Also first."}) + "\n"
    )
    (tmp_path / "notes.md").write_text("ignored")
    items = list(read_articles([tmp_path]))
    assert [i.article.text for i in items] == ["First.", "Also first.", "Second."]


def test_bad_records_are_rejected_with_their_reason(tmp_path):
    lines = [
        json.dumps({"text": "Fine."}),
        "{broken",
        json.dumps(["not", "an", "object"]),
        json.dumps({"text": "Bad date.", "published": "yesterday"}),
        json.dumps({"title": "no text"}),
    ]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines))
    items = list(read_articles([tmp_path / "batch.jsonl"]))
    assert isinstance(items[0], SourcedArticle)
    rejected = {i.origin.rsplit(":", 1)[1]: i.reason for i in items if isinstance(i, Rejected)}
    assert set(rejected) == {"2", "3", "4", "5"}
    assert "not valid JSON" in rejected["2"]
    assert "JSON object" in rejected["3"]
    assert rejected["4"].startswith("published")
    assert rejected["5"].startswith("text")


def test_missing_paths_non_utf8_and_unknown_suffixes(tmp_path):
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9".encode("latin-1"))
    (tmp_path / "doc.pdf").write_bytes(b"%PDF")
    items = list(read_articles([tmp_path / "missing.txt", tmp_path / "latin1.txt", tmp_path / "doc.pdf"]))
    assert [i.reason for i in items] == [
        "no such file or folder",
        "not UTF-8 text",
        "not a text (.txt) or JSON Lines (.jsonl) file: .pdf",
    ]


def test_broken_sidecar_is_rejected(tmp_path):
    (tmp_path / "a.txt").write_text("Text.")
    (tmp_path / "a.json").write_text("{oops")
    [item] = read_articles([tmp_path / "a.txt"])
    assert isinstance(item, Rejected) and item.origin.endswith("a.json")
