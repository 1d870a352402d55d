"""Print the geoparser's scores on the shared evaluation corpora, in both settings.

    .venv/bin/python benchmarks/geoparse_eval.py [--gazetteer data/gazetteer.sqlite]
        [--corpora lgl tr-news geovirus] [--fast] [--limit N]

A corpus whose gold counts demonyms as toponyms (TR-News, LGL) is read with demonyms, as by
`itinerant eval`, whose figures these are.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from app.settings import get_settings
from geo.evaluation import counts_demonyms, evaluate_documents, load_corpus
from geo.gazetteer.index import open_gazetteer
from geo.text.geoparse import Geoparser

__all__ = ["main"]

EVAL_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "eval"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gazetteer", type=Path, default=get_settings().gazetteer_path)
    parser.add_argument("--eval-dir", type=Path, default=EVAL_DIR)
    parser.add_argument("--corpora", nargs="+", default=["lgl", "tr-news", "geovirus"])
    parser.add_argument("--settings", nargs="+", default=["end-to-end", "resolution"])
    parser.add_argument("--fast", action="store_true", help="without the NER model")
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    args = parser.parse_args()

    gazetteer = open_gazetteer(args.gazetteer)
    for corpus in args.corpora:
        documents = load_corpus(args.eval_dir / f"{corpus}.json")[: args.limit]
        # Whether the corpus annotates demonyms is read from its gold, as `itinerant eval` does.
        geoparser = Geoparser(gazetteer, use_ner=not args.fast, include_demonyms=counts_demonyms(documents, gazetteer))
        for setting in args.settings:
            started = time.perf_counter()
            scores = evaluate_documents(documents, geoparser, setting=setting)
            scores = {k: round(v, 3) if isinstance(v, float) else v for k, v in scores.items()}
            print(json.dumps({"corpus": corpus, **scores, "seconds": round(time.perf_counter() - started, 1)}))


if __name__ == "__main__":
    main()
