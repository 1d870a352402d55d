"""Print the geoparser's speed (articles per second) and peak memory, with NER and without.

    .venv/bin/python benchmarks/geoparse_speed.py [--gazetteer data/gazetteer.sqlite] [--articles 200]

Articles are the evaluation corpora's texts (AP-length news, ~2,000 characters); the first pass
over them warms the caches and is timed separately. Runs on one core (no parallelism is used).
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

from app.settings import get_settings
from geo.evaluation import load_corpus
from geo.gazetteer.index import open_gazetteer
from geo.text.geoparse import Geoparser
from geo.text.matcher import matcher_for

__all__ = ["main"]

EVAL_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "eval"


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gazetteer", type=Path, default=get_settings().gazetteer_path)
    parser.add_argument("--eval-dir", type=Path, default=EVAL_DIR)
    parser.add_argument("--articles", type=int, default=200)
    args = parser.parse_args()

    texts = [d.text for d in load_corpus(args.eval_dir / "tr-news.json")]
    texts += [d.text for d in load_corpus(args.eval_dir / "lgl.json")]
    texts = texts[: args.articles]
    gazetteer = open_gazetteer(args.gazetteer)
    started = time.perf_counter()
    matcher = matcher_for(gazetteer)
    print(
        json.dumps(
            {
                "matcher_keys": len(matcher),
                "matcher_build_s": round(time.perf_counter() - started, 2),
                "peak_rss_mb": round(_peak_rss_mb()),
            }
        )
    )
    for use_ner in (False, True):
        geoparser = Geoparser(gazetteer, use_ner=use_ner)
        for run in ("cold", "warm"):
            started = time.perf_counter()
            for text in texts:
                geoparser.parse(text)
            elapsed = time.perf_counter() - started
            print(
                json.dumps(
                    {
                        "ner": use_ner,
                        "run": run,
                        "articles": len(texts),
                        "mean_chars": round(sum(map(len, texts)) / len(texts)),
                        "articles_per_s": round(len(texts) / elapsed, 1),
                        "peak_rss_mb": round(_peak_rss_mb()),
                    }
                )
            )


if __name__ == "__main__":
    main()
