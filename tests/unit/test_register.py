"""The AVG art. 30 processing register built from the purpose register."""

from __future__ import annotations

from dataclasses import replace

from contactkluis.domain.purposes import DEFAULT_PURPOSES, purposes_by_code
from contactkluis.domain.register import (
    DEFAULT_SECURITY_MEASURES,
    processing_register,
    register_columns,
)

P = purposes_by_code(DEFAULT_PURPOSES)
INSTITUTION = "Stichting Museum De Voorbeeldhaven"


def test_one_row_per_purpose_in_register_order() -> None:
    rows = processing_register(DEFAULT_PURPOSES, INSTITUTION, DEFAULT_SECURITY_MEASURES)
    assert [r.purpose_code for r in rows] == [p.code for p in DEFAULT_PURPOSES]
    assert all(r.controller == INSTITUTION for r in rows)


def test_row_content_for_friends() -> None:
    (row,) = processing_register([P["vrienden"]], INSTITUTION, ["Versleutelde opslag"])
    assert row.purpose_nl.startswith("Vriendenadministratie: Administratie van het vrienden")
    assert row.legal_basis_nl == "Uitvoering van een overeenkomst (art. 6 lid 1 sub b AVG)"
    assert row.legal_basis_en == "Performance of a contract (GDPR Art. 6(1)(b))"
    assert row.retention_nl == "2 jaar na het einde van de relatie"
    assert row.retention_en == "2 years after the relation ends"
    assert row.people_categories == ("vrienden (leden)",)
    assert "adres" in row.data_categories
    assert row.recipients == P["vrienden"].recipients
    assert row.security_measures == ("Versleutelde opslag",)
    assert row.transfers_nl == "Geen doorgifte buiten de EER"


def test_retention_texts_for_consent_and_fiscal_purposes() -> None:
    rows = {r.purpose_code: r for r in processing_register(DEFAULT_PURPOSES, INSTITUTION)}
    assert rows["nieuwsbrief"].retention_nl == "Zolang de toestemming geldt"
    assert rows["nieuwsbrief"].legal_basis_nl == "Toestemming (art. 6 lid 1 sub a AVG)"
    assert rows["giften"].retention_nl == (
        "7 jaar na de laatste activiteit (fiscale bewaarplicht, art. 52 AWR)"
    )
    assert rows["giften"].legal_basis_nl == "Wettelijke verplichting (art. 6 lid 1 sub c AVG)"
    assert rows["kassa"].legal_basis_nl == "Gerechtvaardigd belang (art. 6 lid 1 sub f AVG)"


def test_default_security_measures_are_used_and_blank_ones_dropped() -> None:
    (row,) = processing_register([P["kassa"]], INSTITUTION)
    assert row.security_measures == DEFAULT_SECURITY_MEASURES
    (row,) = processing_register([P["kassa"]], INSTITUTION, ["", "  ", "Wachtwoord"])
    assert row.security_measures == ("Wachtwoord",)


def test_purpose_without_recipients_says_none() -> None:
    (row,) = processing_register([replace(P["kassa"], recipients=())], INSTITUTION)
    assert row.recipients == ("geen",)


def test_cells_line_up_with_columns_in_both_languages() -> None:
    (row,) = processing_register([P["giften"]], INSTITUTION, ["A", "B"])
    for lang in ("nl", "en"):
        columns = register_columns(lang)
        cells = row.cells(lang)
        assert len(cells) == len(columns) == 10
        record = dict(zip(columns, cells, strict=True))
    assert dict(zip(register_columns("nl"), row.cells("nl"), strict=True))["Bewaartermijn"] == (
        row.retention_nl
    )
    assert record["Legal basis"] == "Legal obligation (GDPR Art. 6(1)(c))"
    assert record["Security measures"] == "A; B"
    assert record["Controller and contact details"] == INSTITUTION
    assert record["Data protection officer (DPO)"] == "No DPO appointed"


def test_controller_and_dpo_contact_art_30_1_a() -> None:
    (row,) = processing_register(
        [P["giften"]],
        INSTITUTION,
        controller_contact="Kade 1, 1011 AA Amsterdam, privacy@voorbeeldhaven.nl",
        dpo_contact="  FG: mr. A. Jansen, fg@voorbeeldhaven.nl ",
    )
    record = dict(zip(register_columns("nl"), row.cells("nl"), strict=True))
    assert record["Verwerkingsverantwoordelijke en contact"] == (
        f"{INSTITUTION}\nKade 1, 1011 AA Amsterdam, privacy@voorbeeldhaven.nl"
    )
    assert (
        record["Functionaris gegevensbescherming (FG)"] == "FG: mr. A. Jansen, fg@voorbeeldhaven.nl"
    )
