"""An import, checked whole before anything is written: every bad row named, duplicates listed."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

from geo.core.model import ANYWHERE, Problem, Scope
from geo.intake.duplicates import Duplicate, find_duplicates, id_problems
from geo.intake.readers import Item, read_items


@dataclass
class ImportPlan:
    """Everything known about a file before it is imported."""

    file: str
    flavor: str
    items: list[Item] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)

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

    def features(self, skip: Iterable[str] = ()) -> list[dict]:
        """The features to write, leaving out the items labelled in ``skip``."""
        skipped = set(skip)
        return [item.feature for item in self.items if item.label not in skipped]


def plan_import(data: bytes | str, file: str, existing: Mapping | None = None,
                retired_ids: Iterable[str] = (), scope: Scope = ANYWHERE) -> ImportPlan:
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

    Returns
    -------
    ImportPlan
        ``problems`` names every bad row or feature; ``duplicates`` lists probable duplicates.
    """
    if not isinstance(file, str) or not file:
        raise TypeError("file must be the upload's name")
    flavor, items, problems = read_items(data, file, scope)
    features = list((existing or {}).get("features", []))
    problems += id_problems(items, file, (f.get("id") for f in features), retired_ids)
    plan = ImportPlan(file, flavor, items, _sorted(problems, items))
    bad = set(plan.bad_labels)
    plan.duplicates = find_duplicates([i for i in items if i.label not in bad], features)
    return plan


def _sorted(problems: list[Problem], items: Sequence[Item]) -> list[Problem]:
    order = {item.label: n for n, item in enumerate(items)}
    return sorted(problems, key=lambda p: order.get(p.feature, -1))
