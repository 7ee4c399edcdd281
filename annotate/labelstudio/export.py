"""Export a reviewed Label Studio project: annotations, adjudicated gold, a dataset card, BIO.

The source is Label Studio's full JSON export snapshot (JSON_MIN would drop region ids and
relations), read into canonical Documents by :mod:`annotate.labelstudio.convert`. A large
project is fetched in chunks of :data:`CHUNK` tasks, one snapshot per chunk of task ids (a
temporary data-manager tab filters the ids), because Label Studio Community builds a snapshot
synchronously inside one request: one snapshot of 100,000 tasks is one very long request and
the whole project in memory at once. The chunks are the same JSON as one snapshot, so the
files written are the same bytes. Output is a pure
function of the snapshot's content: records are sorted by task and annotation id and nothing
time-dependent is written, so exporting the same project twice gives byte-identical files.

An annotation that breaks the schema is reported (task id, annotation id, reason) and left
out; the rest goes on. What deleting a region leaves dangling (a cue whose claim was deleted, a
relation or an answer to a missing region) never costs the reviewer's annotation: it is ignored,
the rest of the annotation is kept, and what was ignored is listed in the card and in
``left_out.jsonl`` (which ``annotate agreement`` counts). ``predictions.jsonl`` holds the pre-annotation annotators saw (the
prediction of the project's model version), so ``annotate agreement DIR`` can compare them with
the pre-annotator. A review project made by ``annotate adjudicate`` exports as the final gold,
and its card says which documents were adjudicated, by whom, and which were agreed. The file format is the contract with ``annotate agreement``: see
"Export format" in docs/labelstudio.md.
"""

from __future__ import annotations

import json
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from label_studio_sdk.client import LabelStudio
from label_studio_sdk.core.api_error import ApiError

from annotate.agreement.adjudicate import ADJUDICATION, REVIEW, SINGLE
from annotate.errors import LabelStudioError
from annotate.io import atomic_folder, atomic_writer, json_loads
from annotate.labelstudio.client import api_error
from annotate.labelstudio.convert import BadAnnotation, read_results, results_to_document
from annotate.labelstudio.push import DOCUMENT_ID, META, find_project
from annotate.labelstudio.snapshots import remove_export_snapshots
from annotate.markup import conll_value, markdown_cell, markdown_code, markdown_text
from annotate.schema import SOURCE_TYPES, Document

ANNOTATIONS_FILE, GOLD_FILE, README_FILE, CONLL_FILE = "annotations.jsonl", "gold.jsonl", "README.md", "gold.conll"
PREDICTIONS_FILE, LEFT_OUT_FILE = "predictions.jsonl", "left_out.jsonl"
CHUNK = 5000  # tasks per export snapshot: each a request of seconds, not minutes, on a big project
CHUNK_TAB = "annotate export (temporary)"  # the data-manager tab that selects a chunk; deleted afterwards
Progress = Callable[[int, int], None]  # (tasks fetched, tasks in the project)
LEFT_OUT, IGNORED = "annotation left out", "part ignored"  # the two kinds of line in left_out.jsonl
ACCEPTED, CHANGED, ADDED = "accepted", "changed", "added"
GOLD_RULES = {
    "ground_truth": "the annotation marked as ground truth in Label Studio (the most recently updated one if several)",
    "single": "the only valid annotation of the task",
    "majority": (
        "the annotation that agrees most with the task's other annotations (sum of span-level F1 over claims with their "
        "kind, cue and source span, and source mentions with their type and affiliation; ties go to the earliest annotation)"
    ),
}


@dataclass(frozen=True)
class Problem:
    """An annotation left out, and why."""

    task_id: int
    annotation_id: int | None
    reason: str


@dataclass
class Export:
    """Everything the export writes, built from a snapshot without touching the disk."""

    project_title: str
    project_id: int
    model_version: str | None
    tasks: int = 0
    without_annotations: int = 0
    cancelled: int = 0
    records: list[dict[str, Any]] = field(default_factory=list)
    gold: list[Document] = field(default_factory=list)
    predictions: list[Document] = field(default_factory=list)  # the pre-annotation shown, one per task
    problems: list[Problem] = field(default_factory=list)
    ignored: list[Problem] = field(default_factory=list)  # dangling parts ignored; the rest of the annotation kept
    awaiting_review: list[str] = field(default_factory=list)  # review tasks nobody has submitted yet
    review_tasks: int = 0  # tasks made by ``annotate adjudicate`` for a reviewer


@dataclass(frozen=True)
class ExportResult:
    """What ``annotate export`` reports."""

    out_dir: Path
    files: list[Path]
    tasks: int
    annotations: int
    gold: int
    without_annotations: int
    problems: list[Problem]
    ignored: list[Problem] = field(default_factory=list)


# ---------------------------------------------------------------- fetching


def fetch_snapshot(
    client: LabelStudio, project_id: int, timeout: float = 600.0, view: int | None = None
) -> list[dict[str, Any]]:
    """Tasks of a project as Label Studio's full JSON export (predictions and annotators expanded):
    all of them, or those of data-manager tab ``view``. The snapshot is deleted once read."""
    options: dict[str, Any] = {"task_filter_options": {"view": view}} if view is not None else {}
    try:
        snapshot = client.projects.exports.create(
            id=project_id, title="annotate export",
            serialization_options={"predictions": {"only_id": False}, "annotations__completed_by": {"only_id": False}},
            **options,
        )
        deadline = time.monotonic() + timeout
        while snapshot.status not in ("completed", "failed"):
            if time.monotonic() > deadline:
                raise LabelStudioError(f"export snapshot {snapshot.id} of project {project_id} not ready after {timeout:.0f} s")
            time.sleep(0.3)
            snapshot = client.projects.exports.get(id=project_id, export_pk=snapshot.id)
        if snapshot.status == "failed":
            raise LabelStudioError(f"Label Studio failed to build export snapshot {snapshot.id} of project {project_id}")
        try:
            payload = b"".join(client.projects.exports.download(id=project_id, export_pk=snapshot.id, export_type="JSON"))
        finally:
            client.projects.exports.delete(id=project_id, export_pk=snapshot.id)  # even when the download fails
    except ApiError as error:
        raise api_error(error, f"exporting project {project_id}") from None
    try:
        tasks = json_loads(payload)
    except ValueError as error:
        raise LabelStudioError(f"project {project_id}: the JSON export cannot be read ({error})") from None
    del payload
    if not isinstance(tasks, list):
        raise LabelStudioError(f"project {project_id}: the JSON export is not a list of tasks")
    return tasks


def task_ids(client: LabelStudio, project_id: int, page_size: int = 10_000) -> list[int]:
    """Every task id of the project, ascending (pages of ids only: cheap even for 100,000 tasks)."""
    ids: list[int] = []
    try:
        for task in client.tasks.list(project=project_id, include="id", page_size=page_size):
            ids.append(int(task.id))
    except ApiError as error:
        raise api_error(error, f"listing the tasks of project {project_id}") from None
    return sorted(set(ids))


def _chunk_filter(first: int, last: int) -> dict[str, Any]:
    return {"conjunction": "and", "items": [
        {"filter": "filter:tasks:id", "operator": "in", "type": "Number", "value": {"min": first, "max": last}}]}


def fetch_tasks(
    client: LabelStudio, project_id: int, chunk: int = CHUNK, progress: Progress | None = None
) -> Iterator[list[dict[str, Any]]]:
    """The project's tasks as full JSON export, chunk by chunk in ascending task id order.

    ``chunk`` tasks per snapshot (0: the whole project in one snapshot, as before). For more
    tasks than that, a temporary data-manager tab selects each chunk's range of ids and one
    snapshot is taken per chunk; the tab is deleted afterwards, also when the export fails.
    Tasks created meanwhile are not in the export (their ids are past the last chunk).
    """
    ids = task_ids(client, project_id) if chunk > 0 else []
    if chunk <= 0 or len(ids) <= chunk:
        tasks = sorted(fetch_snapshot(client, project_id), key=lambda t: t["id"])
        remove_export_snapshots(client, project_id)  # Label Studio keeps the snapshot's file (texts, e-mails)
        if progress:
            progress(len(tasks), len(tasks))
        yield tasks
        return
    try:
        view = client.views.create(project=project_id, data={"title": CHUNK_TAB, "filters": _chunk_filter(ids[0], ids[0])})
    except ApiError as error:
        raise api_error(error, f"exporting project {project_id}") from None
    done = 0
    try:
        for start in range(0, len(ids), chunk):
            first, last = ids[start], ids[min(start + chunk, len(ids)) - 1]
            try:
                client.views.update(id=view.id, project=project_id, data={"title": CHUNK_TAB, "filters": _chunk_filter(first, last)})
            except ApiError as error:
                raise api_error(error, f"exporting project {project_id}") from None
            tasks = sorted(fetch_snapshot(client, project_id, view=int(view.id)), key=lambda t: t["id"])
            remove_export_snapshots(client, project_id)
            done += len(tasks)
            if progress:
                progress(done, len(ids))
            yield tasks
    finally:
        try:
            client.views.delete(id=view.id)
        except ApiError:
            pass  # the tab is harmless; a failure here must not hide the export's own error


# ---------------------------------------------------------------- building


def _user(annotation: dict[str, Any], users: dict[int, str]) -> tuple[int | None, str]:
    who = annotation.get("completed_by")
    if isinstance(who, dict):
        return who.get("id"), str(who.get("email") or "")
    return who, users.get(who, "") if isinstance(who, int) else ""


def _prediction_for(annotation: dict[str, Any], task: dict[str, Any], model_version: str | None) -> dict[str, Any] | None:
    """The prediction this annotation started from, or the one annotators were shown."""
    predictions = [p for p in task.get("predictions") or [] if isinstance(p, dict)]
    parent = annotation.get("parent_prediction")
    for prediction in predictions:
        if parent is not None and prediction.get("id") == parent:
            return prediction
    snapshot = annotation.get("prediction")
    if isinstance(snapshot, dict) and isinstance(snapshot.get("result"), list):
        return snapshot
    shown = [p for p in predictions if p.get("model_version") == model_version] or predictions
    return max(shown, key=lambda p: p.get("id") or 0) if shown else None


def _adjudication(meta: Any) -> dict[str, Any]:
    """The trail ``annotate adjudicate`` leaves in a document's meta (empty elsewhere)."""
    trail = meta.get(ADJUDICATION) if isinstance(meta, dict) else None
    return trail if isinstance(trail, dict) else {}


def _shown_prediction(task: dict[str, Any], model_version: str | None) -> dict[str, Any] | None:
    """The newest prediction of the project's model version: what annotators were shown.

    A review task's predictions are the annotators' versions, not a pre-annotation.
    """
    if model_version is None or _adjudication((task.get("data") or {}).get(META)).get("status") == REVIEW:
        return None
    shown = [p for p in task.get("predictions") or [] if isinstance(p, dict) and p.get("model_version") == model_version]
    return max(shown, key=lambda p: p.get("id") or 0) if shown else None


def _comparable(item: Any) -> dict[str, Any]:
    return item.model_dump(mode="json", exclude={"id", "score"})


def review(document: Document, predicted: Document | None) -> dict[str, str]:
    """For each claim and source id: accepted (as predicted), changed (same id, edited) or added."""
    before: dict[tuple[str, str], Any] = {}
    if predicted is not None:
        before.update((("claim", c.id), _comparable(c)) for c in predicted.claims)
        before.update((("source", s.id), _comparable(s)) for s in predicted.sources)
    status: dict[str, str] = {}
    for kind, items in (("claim", document.claims), ("source", document.sources)):
        for item in items:
            old = before.get((kind, item.id))
            status[item.id] = ADDED if old is None else ACCEPTED if old == _comparable(item) else CHANGED
    return status


def _units(doc: Document) -> set[tuple[Any, ...]]:
    spans = {s.id: (s.start, s.end) for s in doc.sources}
    units: set[tuple[Any, ...]] = {("s", s.start, s.end, s.type, s.affiliation) for s in doc.sources}
    units.update(
        ("c", c.start, c.end, c.kind, (c.cue.start, c.cue.end) if c.cue else None, spans.get(c.source or ""))
        for c in doc.claims
    )
    return units


def _agreement(a: set[tuple[Any, ...]], b: set[tuple[Any, ...]]) -> float:
    return 1.0 if not a and not b else 2 * len(a & b) / (len(a) + len(b))


def choose_gold(candidates: list[tuple[dict[str, Any], Document]]) -> tuple[Document, str, int]:
    """The adjudicated document of one task, the rule that chose it and the chosen annotation id."""
    truths = [c for c in candidates if c[0].get("ground_truth")]
    if truths:
        annotation, doc = max(truths, key=lambda c: (str(c[0].get("updated_at") or ""), c[0]["id"]))
        return doc, "ground_truth", annotation["id"]
    if len(candidates) == 1:
        return candidates[0][1], "single", candidates[0][0]["id"]
    units = [_units(doc) for _, doc in candidates]
    totals = [sum(_agreement(u, v) for j, v in enumerate(units) if j != i) for i, u in enumerate(units)]
    best = max(range(len(candidates)), key=lambda i: (totals[i], -candidates[i][0]["id"]))
    return candidates[best][1], "majority", candidates[best][0]["id"]


def _in_id_order(tasks: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """A list sorted by task id; chunks (an iterator of lists) checked to come in ascending order."""
    if isinstance(tasks, list):
        yield from sorted(tasks, key=lambda t: t["id"])
        return
    last = None
    for chunk in tasks:
        for task in sorted(chunk, key=lambda t: t["id"]):
            if last is not None and task["id"] <= last:
                raise LabelStudioError(f"task {task['id']} came twice or out of order in the export chunks")
            last = task["id"]
            yield task


def build_export(
    tasks: list[dict[str, Any]] | Iterable[list[dict[str, Any]]], title: str, project_id: int, model_version: str | None,
    users: dict[int, str] | None = None,
) -> Export:
    """Turn a JSON export snapshot (a list of tasks, or chunks of it in ascending task id order, as
    :func:`fetch_tasks` yields them) into records, gold documents and problems (no I/O). A chunk is
    let go once read, so only the export's own content stays in memory."""
    users = users or {}
    result = Export(project_title=title, project_id=project_id, model_version=model_version)
    for task in _in_id_order(tasks):
        result.tasks += 1
        data = task.get("data") or {}
        text, doc_id = data.get("text"), data.get(DOCUMENT_ID) or f"task-{task['id']}"
        meta = data.get(META) if isinstance(data.get(META), dict) else {}
        result.review_tasks += _adjudication(meta).get("status") == REVIEW
        annotations = sorted(task.get("annotations") or [], key=lambda a: a["id"])
        live = [a for a in annotations if not a.get("was_cancelled")]
        result.cancelled += len(annotations) - len(live)
        if not isinstance(text, str):
            result.without_annotations += not live
            if live:
                result.problems.append(Problem(task["id"], None, "task data has no 'text'"))
            continue
        shown = _shown_prediction(task, model_version)
        if shown is not None:
            try:
                result.predictions.append(results_to_document(shown.get("result") or [], text, doc_id, meta, keep_scores=True))
            except BadAnnotation as error:
                result.problems.append(Problem(task["id"], None, f"prediction {shown.get('id')}: {error}"))
        if not live:
            result.without_annotations += 1
            if _adjudication(meta).get("status") == REVIEW:
                result.awaiting_review.append(doc_id)
            continue
        candidates: list[tuple[dict[str, Any], Document, str]] = []
        for annotation in live:
            try:
                reading = read_results(annotation.get("result") or [], text, doc_id, meta)
            except BadAnnotation as error:
                result.problems.append(Problem(task["id"], annotation["id"], str(error)))
                continue
            doc = reading.document
            result.ignored.extend(Problem(task["id"], annotation["id"], note) for note in reading.ignored)
            user_id, email = _user(annotation, users)
            prediction = _prediction_for(annotation, task, model_version)
            predicted = None
            if prediction is not None:
                try:
                    predicted = results_to_document(prediction.get("result") or [], text, doc_id, meta, keep_scores=True)
                except BadAnnotation:
                    predicted = None
            result.records.append(
                {
                    "task_id": task["id"], "document_id": doc_id, "annotation_id": annotation["id"],
                    "annotator": email, "annotator_id": user_id,
                    "created_at": annotation.get("created_at"), "updated_at": annotation.get("updated_at"),
                    "ground_truth": bool(annotation.get("ground_truth")), "lead_time": annotation.get("lead_time"),
                    "document": doc.model_dump(mode="json"), "review": review(doc, predicted),
                }
            )
            candidates.append((annotation, doc, email))
        if not candidates:
            continue
        gold, rule, chosen = choose_gold([(a, d) for a, d, _ in candidates])
        annotators = sorted({email for _, _, email in candidates if email})
        gold_meta = {**gold.meta, "task_id": task["id"], "annotators": annotators, "gold_from": rule, "annotation_id": chosen}
        result.gold.append(gold.model_copy(update={"meta": gold_meta}))
    return result


# ---------------------------------------------------------------- writing


def _tokens(text: str, cuts: set[int]) -> list[tuple[int, int]]:
    """Word and punctuation tokens, also cut at every span boundary so BIO tags are exact."""
    tokens: list[tuple[int, int]] = []
    start: int | None = None
    for index, char in enumerate(text):
        category = unicodedata.category(char)
        if char.isspace():
            kind = "space"
        elif category[0] in "PS" and category != "Sk":
            kind = "punct"
        else:
            kind = "word"
        if start is not None and (kind != "word" or index in cuts):
            tokens.append((start, index))
            start = None
        if kind == "punct":
            tokens.append((index, index + 1))
        elif kind == "word" and start is None:
            start = index
    if start is not None:
        tokens.append((start, len(text)))
    return tokens


def _bio(tokens: list[tuple[int, int]], spans: Iterable[tuple[int, int, str]]) -> list[str]:
    tags = ["O"] * len(tokens)
    for start, end, label in sorted(spans):
        inside = [i for i, (a, b) in enumerate(tokens) if a >= start and b <= end]
        for position, index in enumerate(inside):
            if tags[index] == "O":
                tags[index] = f"{'B' if position == 0 else 'I'}-{label}"
    return tags


def conll(documents: Iterable[Document]) -> str:
    """Token-level BIO in CoNLL style: token, start, end, claim, cue and source columns.

    Claims may contain source mentions, so each layer gets its own column instead of one tag.
    A blank line ends each paragraph (a line break in the text) and each document.
    """
    lines = ["# columns: token start end claim cue source"]
    for doc in documents:
        lines += ["", f"# document_id = {conll_value(doc.id)}", f"# task_id = {conll_value(doc.meta.get('task_id', ''))}"]
        cues = {(c.cue.start, c.cue.end) for c in doc.claims if c.cue}
        cuts = {p for s in doc.sources for p in (s.start, s.end)}
        cuts |= {p for c in doc.claims for p in (c.start, c.end)} | {p for span in cues for p in span}
        tokens = _tokens(doc.text, cuts)
        columns = [
            _bio(tokens, [(c.start, c.end, "CLAIM") for c in doc.claims]),
            _bio(tokens, [(a, b, "CUE") for a, b in cues]),
            _bio(tokens, [(s.start, s.end, s.type) for s in doc.sources]),
        ]
        previous_end = 0
        for index, (start, end) in enumerate(tokens):
            if index and "\n" in doc.text[previous_end:start] and lines[-1] != "":
                lines.append("")
            lines.append("\t".join([doc.text[start:end], str(start), str(end)] + [col[index] for col in columns]))
            previous_end = end
    return "\n".join(lines) + "\n"


def _table(header: tuple[str, ...], rows: Iterable[tuple[Any, ...]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(markdown_cell(cell) for cell in row) + " |" for row in rows]
    return out


def _label_counts(documents: list[Document]) -> list[tuple[str, int]]:
    counts: Counter[str] = Counter()
    for doc in documents:
        counts["claim"] += len(doc.claims)
        counts["cue"] += sum(1 for c in doc.claims if c.cue)
        counts.update(s.type for s in doc.sources)
    return [(name, counts[name]) for name in ("claim", "cue", *SOURCE_TYPES)]


def _adjudication_section(export: Export) -> list[str]:
    """Which documents a reviewer adjudicated (and who), which went straight to gold, which still wait.

    Only for a review project made by ``annotate adjudicate`` (its tasks carry the trail in
    ``meta``). An agreed task arrives with its agreed version as the task's first annotation,
    marked ground truth; if a reviewer later marks another annotation as ground truth, that
    document counts as adjudicated by them.
    """
    trails = {doc.id: _adjudication(doc.meta) for doc in export.gold}
    if not any(trails.values()) and not export.awaiting_review:
        return []
    who = {r["annotation_id"]: r["annotator"] or f"user {r['annotator_id']}" for r in export.records}
    first: dict[int, int] = {}
    for record in export.records:
        first.setdefault(record["task_id"], record["annotation_id"])
    rows, adjudicated, agreed = [], 0, 0
    for doc in export.gold:
        trail = trails[doc.id]
        if not trail:
            continue
        compared = ", ".join(trail.get("annotators") or [])
        chosen = doc.meta.get("annotation_id")
        if trail.get("status") != REVIEW and chosen == first.get(doc.meta.get("task_id")):
            agreed += 1
            how = "one annotator" if trail.get("status") == SINGLE else "agreed"
            rows.append((doc.id, f"straight to gold ({how})", "-", compared))
        else:
            adjudicated += 1
            rows.append((doc.id, "adjudicated", who.get(chosen, "-"), compared))
    lines = [
        "## Adjudication",
        "",
        (f"This is a review project made by `annotate adjudicate`: {adjudicated} documents were adjudicated by a reviewer"
         f" (the annotator of the gold annotation), {agreed} went straight to gold because their annotators agreed"
         f" (or only one annotated them), and {len(export.awaiting_review)} still await review (not in gold)."),
        "",
        *_table(("document", "gold", "adjudicated by", "annotators compared"), rows),
        "",
    ]
    if export.awaiting_review:
        lines += [f"Awaiting review: {', '.join(markdown_text(i) for i in export.awaiting_review)}.", ""]
    return lines


def dataset_card(export: Export) -> str:
    """README.md: what is in the folder, counts per label, annotators, dates, how gold was chosen."""
    docs = [Document.model_validate(r["document"]) for r in export.records]
    gold = export.gold
    dates = sorted(str(d) for r in export.records for d in (r["created_at"], r["updated_at"]) if d)
    by_annotator = Counter(r["annotator"] or f"user {r['annotator_id']}" for r in export.records)
    rules = Counter(doc.meta.get("gold_from") for doc in gold)
    claims = [c for doc in gold for c in doc.claims]
    affiliations = Counter(s.affiliation or "(none)" for doc in gold for s in doc.sources)
    shown = f"model version {markdown_code(export.model_version or 'none')}"
    if export.review_tasks:
        shown = "none (a review project: its predictions are the annotators' versions, model version = annotator)"
    lines = [
        f"# {markdown_text(export.project_title)}: attributed claims and sources",
        "",
        (f"Exported from the Label Studio project \"{markdown_text(export.project_title)}\" (id {export.project_id}) by `annotate export`."
         f" Pre-annotations shown to annotators: {shown}."),
        "",
        "## Files",
        "",
        (f"- `{ANNOTATIONS_FILE}`: one line per submitted annotation (canonical document, annotator, task id, "
         "timestamps, and whether each claim and source was accepted, changed or added compared with the prediction)."),
        f"- `{GOLD_FILE}`: one adjudicated canonical document per annotated task.",
        (f"- `{PREDICTIONS_FILE}`: the pre-annotation annotators were shown ({shown}), "
         "one canonical document per task that has one; "
         "`annotate agreement` compares annotators with it."),
        f"- `{CONLL_FILE}`: the gold documents as tokens with BIO tags (columns: token, start, end, claim, cue, source).",
        (f"- `{LEFT_OUT_FILE}`: one line per annotation left out and per dangling part ignored (task, annotation, "
         "reason), as in the tables below; `annotate agreement` counts them."),
        "",
        "## Counts",
        "",
        *_table(
            ("what", "count"),
            [
                ("tasks in the project", export.tasks),
                ("tasks without annotations (left out)", export.without_annotations),
                ("submitted annotations exported", len(export.records)),
                ("cancelled (skipped) annotations left out", export.cancelled),
                ("annotations left out because they break the schema", len(export.problems)),
                ("annotations kept with dangling parts ignored", len({(p.task_id, p.annotation_id) for p in export.ignored})),
                ("dangling parts ignored (cue without claim, relation or answer to a deleted region)", len(export.ignored)),
                ("gold documents", len(gold)),
                ("pre-annotated documents", len(export.predictions)),
            ],
        ),
        "",
        "## Labels",
        "",
        *_table(("label", "gold spans", "spans in all annotations"),
                [(name, g, a) for (name, g), (_, a) in zip(_label_counts(gold), _label_counts(docs))]),
        "",
        *_table(("gold claims", "count"), [
            ("direct", sum(c.kind == "direct" for c in claims)), ("indirect", sum(c.kind == "indirect" for c in claims)),
            ("check-worthy: yes", sum(c.check_worthy is True for c in claims)),
            ("check-worthy: no", sum(c.check_worthy is False for c in claims)),
            ("check-worthy: unanswered", sum(c.check_worthy is None for c in claims)),
            ("with a note", sum(bool(c.note) for c in claims)),
            ("without a source", sum(c.source is None for c in claims)),
        ]),
        "",
        *_table(("gold source affiliation", "mentions"), sorted(affiliations.items())),
        "",
        "## Annotators",
        "",
        *_table(("annotator", "annotations"), sorted(by_annotator.items())),
        "",
        f"Annotations dated from {dates[0] if dates else '-'} to {dates[-1] if dates else '-'} (UTC).",
        "",
        "## How gold was chosen",
        "",
        *[f"- {rule}: {GOLD_RULES[rule]} ({rules.get(rule, 0)} tasks)." for rule in GOLD_RULES],
        "",
        "Each gold document's `meta` records `task_id`, `annotators`, `gold_from` and the chosen `annotation_id`.",
        "",
        *_adjudication_section(export),
        "## Annotations left out",
        "",
    ]
    if export.problems:
        lines += _table(("task", "annotation", "reason"),
                        [(p.task_id, p.annotation_id if p.annotation_id is not None else "-", p.reason) for p in export.problems])
    else:
        lines.append("None.")
    lines += ["", "## Dangling parts ignored (the rest of each annotation kept)", ""]
    if export.ignored:
        lines += _table(("task", "annotation", "what was ignored"),
                        [(p.task_id, p.annotation_id if p.annotation_id is not None else "-", p.reason) for p in export.ignored])
    else:
        lines.append("None.")
    return "\n".join(lines) + "\n"


def left_out_lines(export: Export) -> str:
    """``left_out.jsonl``: every annotation left out and every dangling part ignored, in task order."""
    rows = [(p, LEFT_OUT) for p in export.problems] + [(p, IGNORED) for p in export.ignored]
    rows.sort(key=lambda row: (row[0].task_id, row[0].annotation_id or 0, row[1]))
    return "".join(
        json.dumps({"task_id": p.task_id, "annotation_id": p.annotation_id, "kind": kind, "reason": p.reason},
                   ensure_ascii=False, separators=(",", ":")) + "\n"
        for p, kind in rows
    )


def write_export(export: Export, out_dir: Path | str) -> list[Path]:
    """Write the six files into a temporary folder beside ``out_dir`` and swap it in: all change together."""
    out = Path(out_dir)
    names = [ANNOTATIONS_FILE, GOLD_FILE, PREDICTIONS_FILE, README_FILE, CONLL_FILE, LEFT_OUT_FILE]
    dumps = lambda obj: json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    contents: list[Callable[[], Iterable[str]]] = [  # made one file at a time: a big project's six texts never coexist
        lambda: (dumps(record) + "\n" for record in export.records),
        lambda: (doc.to_json_line() + "\n" for doc in export.gold),
        lambda: (doc.to_json_line() + "\n" for doc in export.predictions),
        lambda: [dataset_card(export)],
        lambda: [conll(export.gold)],
        lambda: [left_out_lines(export)],
    ]
    with atomic_folder(out) as folder:
        for name, content in zip(names, contents):
            with atomic_writer(folder / name) as handle:
                handle.writelines(content())
    return [out / name for name in names]


def export_project(
    client: LabelStudio, title: str, out_dir: Path | str, chunk: int = CHUNK, progress: Progress | None = None
) -> ExportResult:
    """Snapshot project ``title`` (``chunk`` tasks per snapshot, 0 for one) and write its dataset into ``out_dir``."""
    project = find_project(client, title)
    if project is None:
        raise LabelStudioError(f"no project titled {title!r} on this server")
    with closing(fetch_tasks(client, int(project.id), chunk, progress)) as chunks:  # the tab goes even on errors
        export = build_export(chunks, title, int(project.id), project.model_version or None)
    files = write_export(export, out_dir)
    return ExportResult(
        out_dir=Path(out_dir), files=files, tasks=export.tasks, annotations=len(export.records), gold=len(export.gold),
        without_annotations=export.without_annotations, problems=export.problems, ignored=export.ignored,
    )
