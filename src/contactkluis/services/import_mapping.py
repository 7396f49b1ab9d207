"""Saved column mappings for the import: a user's corrections per sheet, as JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from contactkluis.domain.contact import RelationKind
from contactkluis.domain.roles import Permission
from contactkluis.errors import UserError
from contactkluis.migration.headers import FIELDS
from contactkluis.services.session import Session
from contactkluis.vault import import_repo

__all__ = ["MappingSet", "SheetMapping", "load_mapping", "mapping_names", "save_mapping"]


@dataclass
class SheetMapping:
    """A user's corrections for one sheet; anything absent is detected automatically."""

    header_row: int | None = None
    relation: str | None = None
    include: bool = True
    columns: dict[str, str | None] = field(default_factory=dict)  # header text -> field/None

    def to_json(self) -> dict[str, Any]:
        return {
            "header_row": self.header_row,
            "relation": self.relation,
            "include": self.include,
            "columns": self.columns,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SheetMapping:
        columns = data.get("columns") or {}
        for header, target in columns.items():
            if target is not None and target not in FIELDS:
                raise UserError(
                    "invalid",
                    reason=(
                        f"Onbekend veld '{target}' voor kolom '{header}' in de koppeling.",
                        f"Unknown field '{target}' for column '{header}' in the mapping.",
                    ),
                )
        relation = data.get("relation")
        if relation is not None and relation not in {k.value for k in RelationKind}:
            raise UserError(
                "invalid",
                reason=(
                    f"Onbekende relatiesoort '{relation}'.",
                    f"Unknown relation type '{relation}'.",
                ),
            )
        return cls(data.get("header_row"), relation, bool(data.get("include", True)), dict(columns))


@dataclass
class MappingSet:
    """Keyed by 'file::sheet', 'sheet' or '*' (most specific wins)."""

    sheets: dict[str, SheetMapping] = field(default_factory=dict)

    def for_sheet(self, file: str, sheet: str) -> SheetMapping | None:
        for key in (f"{file}::{sheet}", sheet, "*"):
            if key in self.sheets:
                return self.sheets[key]
        return None

    def to_json(self) -> dict[str, Any]:
        return {"version": 1, "sheets": {k: v.to_json() for k, v in self.sheets.items()}}

    @classmethod
    def from_json(cls, data: Any) -> MappingSet:
        if not isinstance(data, dict) or not isinstance(data.get("sheets"), dict):
            raise UserError(
                "invalid",
                reason=(
                    'Het koppelingsbestand heeft niet de verwachte vorm ({"sheets": {...}}).',
                    'The mapping file does not have the expected shape ({"sheets": {...}}).',
                ),
            )
        return cls({str(k): SheetMapping.from_json(v) for k, v in data["sheets"].items()})

    @classmethod
    def load(cls, path: Path) -> MappingSet:
        try:
            return cls.from_json(json.loads(Path(path).read_text("utf-8")))
        except (OSError, ValueError) as exc:
            raise UserError(
                "invalid",
                reason=(
                    f"Kan koppelingsbestand '{Path(path).name}' niet lezen.",
                    f"Cannot read mapping file '{Path(path).name}'.",
                ),
            ) from exc


def save_mapping(session: Session, name: str, mapping: MappingSet) -> None:
    session.require(Permission.IMPORT)
    with session.write() as conn:
        import_repo.save_mapping(conn, name, json.dumps(mapping.to_json()))
        session.audit(conn, "mapping.save", None, sheets=len(mapping.sheets))


def load_mapping(session: Session, name: str) -> MappingSet | None:
    raw = import_repo.load_mapping(session.conn, name)
    return MappingSet.from_json(json.loads(raw)) if raw else None


def mapping_names(session: Session) -> list[str]:
    return import_repo.mapping_names(session.conn)
