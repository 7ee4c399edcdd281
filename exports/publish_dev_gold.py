"""Publish the development gold through Label Studio into exports/dev-gold/ (a real export).

The dev gold was written as YAML by an annotator (tests/data/dev_gold.yaml). This pushes it to a
throw-away Label Studio server as predictions, records each prediction as the annotation of a
user "dev-gold-annotator", marked ground truth, and runs ``annotate export`` on the project: the
dataset in exports/dev-gold/ is what a team's own reviewed corpus looks like after export.

    python exports/publish_dev_gold.py [--out exports/dev-gold]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from annotate.io import read_jsonl
from annotate.labelstudio import server
from annotate.labelstudio.client import make_client, resolve_connection
from annotate.labelstudio.export import export_project
from annotate.labelstudio.push import push_documents

ROOT = Path(__file__).resolve().parent.parent
TITLE = "Development gold (dev_gold.yaml)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "exports" / "dev-gold")
    args = parser.parse_args()
    documents = read_jsonl(ROOT / "tests" / "data" / "dev_gold.jsonl")
    with tempfile.TemporaryDirectory(prefix="ls-export-") as data_dir:
        server.start(Path(data_dir))
        try:
            client = make_client(resolve_connection(Path(data_dir)))
            push_documents(client, documents, TITLE, model_version="dev-gold-yaml")
            annotator = client.users.create(username="dev-gold-annotator", email="dev-gold-annotator@example.com",
                                            first_name="Dev gold", last_name="annotator")
            project = next(p for p in client.projects.list() if p.title == TITLE)
            for task in client.tasks.list(project=project.id, fields="all"):
                (prediction,) = task.predictions
                client.annotations.create(id=task.id, result=prediction.result, completed_by=annotator.id,
                                          ground_truth=True)
            summary = export_project(client, TITLE, args.out)
        finally:
            server.stop(Path(data_dir))
    print(summary)


if __name__ == "__main__":
    main()
