"""What the access letter (services.access_letter) says, in Dutch and English.

Plain language for the person the data is about: sheet and column names, the values shown
instead of stored codes, what the log's actions mean, and the person's rights.
"""

from __future__ import annotations

from contactkluis.domain.messages import speaker

TEXTS: dict[str, tuple[str, str]] = {
    "title": ("Uw gegevens bij {institution}", "Your data held by {institution}"),
    "made": ("Opgesteld op {day}.", "Drawn up on {day}."),
    "intro": (
        "Dit is een overzicht van alle persoonsgegevens die wij over u bewaren, waarom, en"
        " wat u daarover kunt beslissen (artikel 15 AVG). Het bijgevoegde JSON-bestand bevat"
        " dezelfde gegevens in een vorm die een ander programma kan inlezen (artikel 20 AVG).",
        "This is an overview of all personal data we hold about you, why, and what you can"
        " decide about it (GDPR Article 15). The attached JSON file holds the same data in a"
        " form another program can read (GDPR Article 20).",
    ),
    "why": ("Waarom wij uw gegevens bewaren", "Why we hold your data"),
    "held": ("Welke gegevens wij bewaren", "What data we hold"),
    "rights": ("Uw rechten", "Your rights"),
    "contact": ("Vragen of een verzoek: {contact}", "Questions or a request: {contact}"),
    "none": ("(geen)", "(none)"),
    "hold.verzoek": ("Afhandeling van uw verzoek", "Handling your request"),
    "hold.bewaarplicht": ("Wettelijke bewaarplicht", "Legal duty to keep"),
    "until_released": ("tot dit is afgehandeld", "until this is settled"),
    "open_until": ("zolang dit doel geldt", "while this purpose applies"),
    # sheets
    "s.overview": ("Overzicht", "Overview"),
    "s.person": ("Persoonsgegevens", "Personal data"),
    "s.consents": ("Toestemmingen", "Consents"),
    "s.relations": ("Relaties", "Relations"),
    "s.provenance": ("Herkomst", "Sources"),
    "s.requests": ("Verzoeken", "Requests"),
    "s.audit": ("Logboek", "Log"),
    # columns
    "c.purpose": ("Doel", "Purpose"),
    "c.why": ("Waarvoor", "What for"),
    "c.basis": ("Grondslag", "Legal basis"),
    "c.since": ("Sinds", "Since"),
    "c.source": ("Bron", "Source"),
    "c.until": ("Bewaard tot", "Kept until"),
    "c.reason": ("Toelichting", "Explanation"),
    "c.item": ("Gegeven", "Item"),
    "c.value": ("Waarde", "Value"),
    "c.status": ("Status", "Status"),
    "c.date": ("Datum", "Date"),
    "c.evidence": ("Bewijs", "Evidence"),
    "c.reconfirm": ("Opnieuw te bevestigen", "To be reconfirmed"),
    "c.recorded_at": ("Vastgelegd op", "Recorded on"),
    "c.recorded_by": ("Vastgelegd door", "Recorded by"),
    "c.kind": ("Soort", "Kind"),
    "c.start": ("Begin", "Start"),
    "c.end": ("Einde", "End"),
    "c.last_activity": ("Laatste activiteit", "Last activity"),
    "c.file": ("Bestand", "File"),
    "c.sheet": ("Tabblad", "Sheet"),
    "c.row": ("Rij", "Row"),
    "c.field": ("Veld", "Field"),
    "c.original": ("Zoals het er stond", "As it was written"),
    "c.number": ("Nummer", "Number"),
    "c.received": ("Ontvangen", "Received"),
    "c.identity": ("Identiteit gecontroleerd", "Identity checked"),
    "c.deadline": ("Uiterste datum", "Deadline"),
    "c.extended": ("Verlengd", "Extended"),
    "c.extension_reason": ("Reden verlenging", "Reason for extension"),
    "c.closed": ("Afgesloten op", "Closed on"),
    "c.note": ("Opmerking", "Note"),
    "c.moment": ("Tijdstip", "Time"),
    "c.account": ("Medewerker", "Staff member"),
    "c.action": ("Handeling", "Action"),
    "c.details": ("Details", "Details"),
    # personal data rows
    "p.first": ("Voornaam", "First name"),
    "p.initials": ("Voorletters", "Initials"),
    "p.infix": ("Tussenvoegsel", "Name prefix"),
    "p.last": ("Achternaam", "Surname"),
    "p.emails": ("E-mailadres", "E-mail address"),
    "p.phones": ("Telefoonnummer", "Phone number"),
    "p.street": ("Straat", "Street"),
    "p.house_number": ("Huisnummer", "House number"),
    "p.postcode": ("Postcode", "Postcode"),
    "p.city": ("Woonplaats", "Town"),
    "p.country": ("Land", "Country"),
    "p.birth_date": ("Geboortedatum", "Date of birth"),
    "p.birth_year": ("Geboortejaar", "Year of birth"),
    "p.notes": ("Notities", "Notes"),
    "p.special": ("Bijzonder persoonsgegeven", "Special category data"),
    "p.special_note": ("Toelichting bijzonder gegeven", "About the special category data"),
    "p.restricted": ("Verwerking beperkt (art. 18)", "Processing restricted (Art. 18)"),
    "p.objects_marketing": ("Bezwaar tegen direct marketing", "Objects to direct marketing"),
    "p.objects_profiling": ("Bezwaar tegen profilering", "Objects to profiling"),
    "p.anonymised": ("Geanonimiseerd", "Anonymised"),
    "p.organisation": ("Organisatie", "Organisation"),
    "p.deceased": ("Overleden (wordt nooit gemaild)", "Deceased (never mailed)"),
    "p.segment": ("Doelgroep (profiel)", "Audience group (profile)"),
    # values
    "a.contact.create": ("Gegevens vastgelegd", "Data recorded"),
    "a.contact.edit": ("Gegevens gewijzigd", "Data changed"),
    "a.contact.merge": ("Dubbele registratie samengevoegd", "Duplicate record merged"),
    "a.contact.restricted": ("Beperking van verwerking gewijzigd", "Restriction changed"),
    "a.contact.objects_marketing": ("Bezwaar direct marketing gewijzigd", "Marketing objection"),
    "a.contact.objects_profiling": ("Bezwaar profilering gewijzigd", "Profiling objection"),
    "a.consent.given": ("Toestemming gegeven", "Consent given"),
    "a.consent.withdrawn": ("Toestemming ingetrokken", "Consent withdrawn"),
    "a.relation.add": ("Relatie vastgelegd", "Relation recorded"),
    "a.request.add": ("Verzoek ontvangen", "Request received"),
    "a.request.extend": ("Termijn verzoek verlengd", "Request deadline extended"),
    "a.request.close": ("Verzoek afgehandeld", "Request closed"),
    "a.request.identity_checked": ("Identiteit gecontroleerd", "Identity checked"),
    "a.access.export": ("Dit overzicht gemaakt", "This overview made"),
    "a.other": ("Andere handeling", "Other action"),
    "f.email_invalid": ("ongeldig e-mailadres", "invalid e-mail address"),
    "f.phone_invalid": ("ongeldig telefoonnummer", "invalid phone number"),
    "f.shared_email": ("gedeeld e-mailadres", "shared e-mail address"),
    "d.purpose": ("doel", "purpose"),
    "d.contact": ("contactnummer", "contact number"),
    "d.value": ("waarde", "value"),
    "d.special": ("bijzonder gegeven", "special category"),
    "d.merged_from": ("samengevoegd met nummer", "merged with number"),
    "d.fields": ("velden", "fields"),
    "d.request": ("verzoek", "request"),
    "d.kind": ("soort", "kind"),
    # held
    "h.name": ("Naam", "Name"),
    "h.address": ("Adres", "Address"),
    "h.consents": ("{n} vastgelegde toestemming(en)", "{n} recorded consent(s)"),
    "h.relations": ("{n} relatie(s) met de instelling", "{n} relation(s) with the institution"),
    "h.provenance": ("{n} herkomstregel(s)", "{n} source line(s)"),
    "h.requests": ("{n} verzoek(en) van u", "{n} request(s) from you"),
    "h.audit": ("{n} logboekregel(s)", "{n} log entrie(s)"),
    # rights
    "r.access": (
        "U mag uw gegevens inzien (art. 15 AVG): dat is dit overzicht.",
        "You may see your data (GDPR Art. 15): that is this overview.",
    ),
    "r.rectify": (
        "U mag onjuiste of onvolledige gegevens laten verbeteren of aanvullen (art. 16).",
        "You may have wrong or incomplete data corrected or completed (Art. 16).",
    ),
    "r.erase": (
        "U mag vragen uw gegevens te wissen (art. 17), tenzij de wet ons verplicht ze te bewaren.",
        "You may ask us to erase your data (Art. 17), unless the law obliges us to keep them.",
    ),
    "r.restrict": (
        "U mag vragen het gebruik van uw gegevens te beperken (art. 18).",
        "You may ask us to restrict the use of your data (Art. 18).",
    ),
    "r.object": (
        "U mag bezwaar maken tegen gebruik voor direct marketing of profilering (art. 21);"
        " tegen direct marketing geldt uw bezwaar altijd.",
        "You may object to use for direct marketing or profiling (Art. 21); an objection to"
        " direct marketing always applies.",
    ),
    "r.port": (
        "U mag uw gegevens krijgen in een gangbaar, machineleesbaar bestand (art. 20): het"
        " bijgevoegde JSON-bestand.",
        "You may receive your data in a common, machine-readable file (Art. 20): the"
        " attached JSON file.",
    ),
    "r.withdraw": (
        "Een toestemming mag u altijd intrekken (art. 7 lid 3); dat geldt vanaf het moment"
        " van intrekken.",
        "You may withdraw a consent at any time (Art. 7(3)); it applies from then on.",
    ),
    "r.complain": (
        "Bent u het niet eens met hoe wij met uw gegevens omgaan, dan kunt u een klacht"
        " indienen bij de Autoriteit Persoonsgegevens (autoriteitpersoonsgegevens.nl).",
        "If you disagree with how we handle your data, you may complain to the Dutch"
        " Data Protection Authority, the Autoriteit Persoonsgegevens"
        " (autoriteitpersoonsgegevens.nl).",
    ),
}
say = speaker(TEXTS, "access_letter.")
