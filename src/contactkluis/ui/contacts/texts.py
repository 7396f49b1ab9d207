"""The contacts screen's words in Dutch and English, under stable keys.

A small table instead of scattered literals so that every label exists in both languages;
it joins the one catalogue (domain.messages) under 'contacts.'.
"""

from __future__ import annotations

from contactkluis.domain.messages import speaker

TEXTS: dict[str, tuple[str, str]] = {
    # columns
    "col.name": ("Naam", "Name"),
    "col.email": ("E-mail", "E-mail"),
    "col.phone": ("Telefoon", "Phone"),
    "col.postcode": ("Postcode", "Postcode"),
    "col.city": ("Plaats", "City"),
    "col.relations": ("Relatie", "Relation"),
    "col.retention": ("Bewaren", "Retention"),
    "col.sources": ("Bron", "Source"),
    "col.updated": ("Gewijzigd", "Changed"),
    # retention
    "ret.ok": ("OK", "OK"),
    "ret.soon": ("Binnenkort", "Soon"),
    "ret.expired": ("Verlopen", "Expired"),
    "ret.until": ("Bewaren tot {date}", "Keep until {date}"),
    "ret.open": ("Bewaren zolang een reden geldt", "Kept while a reason stands"),
    # consent
    "flag.given": ("toestemming gegeven", "consent given"),
    "flag.reconfirm": ("te herbevestigen", "to reconfirm"),
    "flag.withdrawn": ("ingetrokken", "withdrawn"),
    "flag.none": ("geen toestemming vastgelegd", "no consent recorded"),
    "flag.since": ("sinds {date}", "since {date}"),
    "flag.source": ("bron: {source}", "source: {source}"),
    "flag.legacy": ("overgenomen uit een oude lijst", "taken over from a legacy list"),
    # page
    "search.placeholder": (
        "Zoek op naam, e-mail, telefoon, postcode of plaats…",
        "Search by name, e-mail, phone, postcode or city…",
    ),
    "count": ("{n} contacten", "{n} contacts"),
    "count.of": ("{n} van {total} contacten", "{n} of {total} contacts"),
    "btn.new": ("Nieuw contact", "New contact"),
    "btn.edit": ("Bewerken", "Edit"),
    "btn.merge": ("Samenvoegen", "Merge"),
    "btn.copy": ("Kopiëren", "Copy"),
    "btn.copy.tip": (
        "Kopieer de e-mailadressen van de geselecteerde contacten",
        "Copy the e-mail addresses of the selected contacts",
    ),
    "btn.filters": ("Filters", "Filters"),
    "btn.reset": ("Wis filters", "Clear filters"),
    "copied": ("{n} e-mailadressen gekopieerd", "{n} e-mail addresses copied"),
    "columns": ("Kolommen", "Columns"),
    "restricted.tip": (
        "Beperkt (AVG art. 18): alleen-lezen",
        "Restricted (GDPR art. 18): read-only",
    ),
    "special.tip": ("Bevat bijzondere persoonsgegevens", "Holds special-category data"),
    # filters
    "f.all": ("Alle", "All"),
    "f.retention": ("Bewaarstatus", "Retention"),
    "f.consent": ("Toestemming", "Consent"),
    "f.any_purpose": ("Doel…", "Purpose…"),
    "f.relation": ("Relatie", "Relation"),
    "f.source": ("Bronbestand", "Source file"),
    "f.special": ("Bijzondere gegevens", "Special category"),
    "f.restricted": ("Beperkt", "Restricted"),
    "f.nameless": ("Naam onbekend", "Name unknown"),
    "f.nameless.tip": (
        "Alleen wie een import zonder naam bewaarde (met telefoon of adres): vul de naam aan"
        " of verwijder het contact",
        "Only people an import kept without a name (with a phone or address): complete the"
        " name or remove the contact",
    ),
    "f.yes": ("ja", "yes"),
    "f.no": ("nee", "no"),
    # relation kinds (RelationKind values)
    "rel.vriend": ("vriend", "friend"),
    "rel.donateur": ("donateur", "donor"),
    "rel.nieuwsbrief-abonnee": ("nieuwsbrief-abonnee", "newsletter subscriber"),
    "rel.bezoeker": ("bezoeker", "visitor"),
    "rel.groepscontact": ("groepscontact", "group contact"),
    "rel.klant": ("klant", "customer"),
    "rel.doel-onbekend": ("doel onbekend — beoordelen", "purpose unknown — review"),
    # provenance fields (Provenance.field codes written by migration/pipeline.py and merge.py)
    "field.name": ("Naam", "Name"),
    "field.email": ("E-mail", "E-mail"),
    "field.email_invalid": ("E-mail (ongeldig)", "E-mail (invalid)"),
    "field.phone": ("Telefoon", "Phone"),
    "field.phone_invalid": ("Telefoon (ongeldig)", "Phone (invalid)"),
    "field.postcode": ("Postcode", "Postcode"),
    "field.postcode_invalid": ("Postcode (ongeldig)", "Postcode (invalid)"),
    "field.shared_email": ("Gedeeld e-mailadres", "Shared e-mail address"),
    "field.name_unknown": ("Naam onbekend", "Name unknown"),
    # history (audit actions on a contact)
    "act.contact.create": ("Aangemaakt", "Created"),
    "act.contact.edit": ("Gewijzigd", "Changed"),
    "act.contact.restricted": ("Beperking gewijzigd", "Restriction changed"),
    "act.contact.objects_marketing": ("Bezwaar tegen marketing", "Objection to marketing"),
    "act.contact.objects_profiling": ("Bezwaar tegen profilering", "Objection to profiling"),
    "act.contact.merge": ("Samengevoegd", "Merged"),
    "act.contact.erase": ("Gewist", "Erased"),
    "act.consent.given": ("Toestemming gegeven", "Consent given"),
    "act.consent.withdrawn": ("Toestemming ingetrokken", "Consent withdrawn"),
    "act.consent.none": ("Toestemming gewist", "Consent cleared"),
    "act.relation.add": ("Relatie toegevoegd", "Relation added"),
    "act.duplicate.dismiss": ("Geen dubbele", "Not a duplicate"),
    "act.access.export": ("Inzage-export gemaakt", "Access export made"),
    "act.import": ("Geïmporteerd", "Imported"),
}


t = speaker(TEXTS, "contacts.")


def action_label(code: str) -> str:
    """An audit action as words ("Toestemming gegeven", never "consent.given")."""
    return t(f"act.{code}") if f"act.{code}" in TEXTS else code


def field_label(code: str) -> str:
    """A provenance field as words ("Telefoon (ongeldig)", never "phone_invalid")."""
    return t(f"field.{code}") if f"field.{code}" in TEXTS else code


def relation_label(kind: str) -> str:
    """A relation kind as words; a kind this table does not know is shown as stored."""
    return t(f"rel.{kind}") if f"rel.{kind}" in TEXTS else str(kind)
