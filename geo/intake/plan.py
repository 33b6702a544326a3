"""An import, checked whole before anything is written: every bad row named, duplicates listed."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from geo.core.i18n import ENGLISH, N_, Translator
from geo.core.model import ANYWHERE, Problem, Scope, event_content
from geo.intake.duplicates import Duplicate, find_duplicates, id_problems
from geo.intake.readers import ColumnMap, Item, read_items


@dataclass
class ImportPlan:
    """Everything known about a file before it is imported."""

    file: str
    flavor: str
    items: list[Item] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    #: ``(label, existing id)`` of the rows or features the data already holds unchanged, under
    #: the same id or with none given (a file imported twice): never imported again.
    already: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no row or feature has a problem (duplicates are a decision, not a problem)."""
        return not self.problems and bool(self.items)

    @property
    def bad_labels(self) -> list[str]:
        """The rows or features with problems, in file order, each once."""
        seen: list[str] = []
        for p in self.problems:
            if p.feature not in seen:
                seen.append(p.feature)
        return seen

    def refused(self) -> list[str] | None:
        """The labels of the items left out of a partial import (those with problems); None when a
        problem concerns the whole file (its header, its text), so nothing can be imported."""
        labels = {item.label for item in self.items}
        for p in self.problems:  # the file itself, or a row that stops the reading (a broken CSV)
            if p.feature in ("(file)", "header") or (p.feature not in labels and not p.field):
                return None
        return self.bad_labels

    def good_items(self) -> list[Item]:
        """The items without a problem."""
        bad = set(self.bad_labels)
        return [item for item in self.items if item.label not in bad]

    def chosen(self, skip: Iterable[str] = ()) -> list[Item]:
        """The items to write: all but those labelled in ``skip`` and those already in the data."""
        skipped = set(skip) | {label for label, _ in self.already}
        return [item for item in self.items if item.label not in skipped]

    def features(self, skip: Iterable[str] = ()) -> list[dict]:
        """The features to write, leaving out the items labelled in ``skip``."""
        return [item.feature for item in self.chosen(skip)]

    @property
    def unit(self) -> str:
        """``features`` for GeoJSON, ``rows`` for CSV."""
        return "features" if self.flavor == "geojson" else "rows"

    def recheck(self, skip: Iterable[str], seen_ids: set[str]) -> Callable[[list[dict], dict], list[Problem]]:
        """The check an editor runs under its lock (``Editor.add_many(check=...)``): an event
        added since the plan was made (an id not in ``seen_ids``) may make a chosen row a probable
        duplicate nobody decided on; then nothing is imported."""
        labels = [item.label for item in self.chosen(skip)]

        def check(new: list[dict], fresh: dict) -> list[Problem]:
            added = [f for f in fresh.get("features", []) if isinstance(f, Mapping) and f.get("id") not in seen_ids]
            items = [Item(label, feature) for label, feature in zip(labels, new, strict=False)]
            return [Problem(self.file, d.label, "", N_("is a probable duplicate of {id}, added while this import was "
                                                       "being checked; nothing imported: check the file again to decide"),
                            {"id": d.existing_id})
                    for d in find_duplicates(items, added)]
        return check

    def failure_summary(self, t: Translator = ENGLISH) -> str:
        """Why nothing can be imported, e.g. ``2 of 5 rows are bad (rows counted as in a
        spreadsheet: the header is row 1)``."""
        bad = [b for b in self.bad_labels if b not in ("(file)", "header")]
        if not bad or len(bad) < len(self.bad_labels):
            return t.gettext("the file cannot be imported")
        labels = {item.label for item in self.items}  # rows (or features) that are no item are counted too
        rows = sum(item.rows for item in self.items) + len([b for b in bad if b not in labels])
        if self.flavor == "geojson":
            return t.gettext("{bad} of {count} features are bad").format(bad=len(bad), count=rows)
        return t.gettext("{bad} of {count} rows are bad (rows counted as in a spreadsheet: the header is "
                         "row 1)").format(bad=len(bad), count=rows)


def plan_import(data: bytes | str, file: str, existing: Mapping | None = None,
                retired_ids: Iterable[str] = (), scope: Scope = ANYWHERE,
                columns: ColumnMap | None = None) -> ImportPlan:
    """Read and check an import file against the data; write nothing.

    Parameters
    ----------
    data : bytes or str
        The file's content.
    file : str
        Its name (the extension helps tell GeoJSON from CSV; problems are reported under it).
    existing : dict, optional
        The current events FeatureCollection (for id clashes and duplicates).
    retired_ids : iterable of str
        Ids of retracted events (from the change log): never reused.
    scope : Scope
        The dataset's regions and area (from its dataset.json).
    columns : ColumnMap, optional
        Which column (or GeoJSON property) fills which field, and values for every row.

    Returns
    -------
    ImportPlan
        ``problems`` names every bad row or feature; ``duplicates`` lists probable duplicates.
    """
    if not isinstance(file, str) or not file:
        raise TypeError("file must be the upload's name")
    flavor, items, problems = read_items(data, file, scope, columns)
    features = [f for f in (existing or {}).get("features", []) if isinstance(f, Mapping)]
    held = {event_content(f): str(f.get("id")) for f in features}
    already = []
    for item in items:
        same = held.get(event_content(item.feature))
        if same is not None and item.feature.get("id") in (None, "", same):
            already.append((item.label, same))
    known = {label for label, _ in already}
    fresh = [item for item in items if item.label not in known]
    problems += id_problems(fresh, file, (fid for f in features if isinstance(fid := f.get("id"), str)), retired_ids)
    plan = ImportPlan(file, flavor, items, _sorted(problems, items), already=already)
    bad = set(plan.bad_labels)
    plan.duplicates = find_duplicates([i for i in fresh if i.label not in bad], features)
    return plan


def _sorted(problems: list[Problem], items: Sequence[Item]) -> list[Problem]:
    order = {item.label: n for n, item in enumerate(items)}
    return sorted(problems, key=lambda p: order.get(p.feature, -1))
