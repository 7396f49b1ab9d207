"""What the command line says: one table of (Dutch, English) texts in the one catalogue.

Codes are registered under 'cli.'; say() renders them in the language the
command line chose at start-up (--lang, else the environment)."""

from __future__ import annotations

from contactkluis.domain.messages import speaker

TEXTS: dict[str, tuple[str, str]] = {
    "description": (
        "Contactkluis: versleutelde contactenadministratie volgens de AVG. Zonder opdracht "
        "start het programmavenster.",
        "Contactkluis: encrypted, GDPR-aware contact management. Without a command the "
        "program window opens.",
    ),
    "path_vault": ("pad naar de kluis", "path to the vault"),
    "account_name": ("accountnaam", "account name"),
    "password_stdin": (
        "lees wachtwoord(en) van standaardinvoer, één per regel",
        "read password(s) from standard input, one per line",
    ),
    "language": ("taal", "language"),
    "interrupted": ("Afgebroken; er is niets gewijzigd.", "Interrupted; nothing was changed."),
    "unexpected": (
        "Onverwachte fout ({kind}). Er is niets half opgeslagen; meld dit aan de leverancier.",
        "Unexpected error ({kind}). Nothing was half-saved; please report this.",
    ),
    "password": ("Wachtwoord: ", "Password: "),
    "again": ("Nogmaals: ", "Again: "),
    "new_password": ("Nieuw wachtwoord: ", "New password: "),
    "vault_created": ("Kluis gemaakt: {path}", "Vault created: {path}"),
    "recovery_key_once": (
        "HERSTELSLEUTEL (wordt maar één keer getoond; print hem en bewaar hem veilig):",
        "RECOVERY KEY (shown only once; print it and keep it safe):",
    ),
    "account_added": ("Account '{name}' ({role}) toegevoegd.", "Account '{name}' ({role}) added."),
    "password_changed": ("Wachtwoord gewijzigd.", "Password changed."),
    "warning": ("WAARSCHUWING: {text}", "WARNING: {text}"),
    "verify_against": (
        "controleer ook dat het auditlog nog alles bevat wat in deze back-up staat",
        "also check that the audit log still holds everything in this backup",
    ),
    "account_removed": (
        "Account '{name}' verwijderd; de gegevenssleutel is vervangen.",
        "Account '{name}' removed; the data key was replaced.",
    ),
    "backup_written": ("Back-up geschreven: {written}", "Backup written: {written}"),
    "vault_restored": ("Kluis teruggezet naar {target}", "Vault restored to {target}"),
    "verify_ok": (
        "OK: database, versleuteling en auditlog zijn intact.",
        "OK: database, encryption and audit log are intact.",
    ),
    "key_rotated": (
        "Nieuwe sleutel in gebruik; alle accounts en de herstelsleutel blijven werken.",
        "New key in use; all accounts and the recovery key keep working.",
    ),
    "recovery_key_new": (
        "NIEUWE HERSTELSLEUTEL (de oude werkt niet meer):",
        "NEW RECOVERY KEY (the old one no longer works):",
    ),
    "password_for": ("Wachtwoord voor {name}: ", "Password for {name}: "),
    "removed": (" (verwijderd)", " (removed)"),
    "verify_failed": (
        "FOUT: {n_problems} probleem/problemen gevonden.",
        "FAIL: {n_problems} problem(s) found.",
    ),
    "create_new_vault": ("maak een nieuwe kluis", "create a new vault"),
    "name_first_administrator_account": (
        "naam van het eerste beheerdersaccount",
        "name of the first administrator account",
    ),
    "name_institution": ("naam van de instelling", "name of the institution"),
    "manage_accounts": ("accounts beheren", "manage accounts"),
    "add_account": ("account toevoegen", "add an account"),
    "change_password": ("wachtwoord wijzigen", "change a password"),
    "open_recovery_key": ("open met de herstelsleutel", "open with the recovery key"),
    "remove_account": ("account verwijderen", "remove an account"),
    "write_encrypted_backup": ("versleutelde back-up maken", "write an encrypted backup"),
    "restore_backup": ("back-up terugzetten", "restore a backup"),
    "target_file_else_db": (
        "doelbestand (anders --db, anders de standaardplaats)",
        "target file (else --db, else the default location)",
    ),
    "check_integrity_audit_chain": (
        "integriteit en auditketen controleren",
        "check integrity and the audit chain",
    ),
    "key_how_to_open": (
        "Hiermee opent u de kluis zonder Contactkluis (sluit Contactkluis eerst af).\n"
        "\n"
        "sqlcipher-shell, versie 4 of nieuwer (de 3.x die veel Linux-distributies meeleveren\n"
        "kan dit bestand niet openen; 'sqlcipher --version' toont de versie):\n"
        "  sqlcipher {db}\n"
        "  PRAGMA key = \"x'{hexkey}'\";\n"
        "  PRAGMA cipher_compatibility = 4;\n"
        "  SELECT count(*) FROM contacts;\n"
        "\n"
        "DB Browser for SQLite, de SQLCipher-uitvoering (Windows: 'DB Browser for SQLCipher'):\n"
        "  Bestand > Database alleen-lezen openen > {db}\n"
        "  Wachtwoord: kies 'Raw key' (niet 'Passphrase') en vul in: 0x{hexkey}\n"
        "  Versleutelingsinstellingen: 'SQLCipher 4 defaults'\n"
        "  (dat zijn: PRAGMA cipher_page_size = 4096; PRAGMA kdf_iter = 256000;\n"
        "   PRAGMA cipher_hmac_algorithm = HMAC_SHA512;\n"
        "   PRAGMA cipher_kdf_algorithm = PBKDF2_HMAC_SHA512)\n"
        "\n"
        "Wie deze sleutel heeft, kan alles in de kluis lezen: niet opslaan, niet mailen.",
        "This opens the vault without Contactkluis (close Contactkluis first).\n"
        "\n"
        "sqlcipher shell, version 4 or later (the 3.x many Linux distributions ship cannot\n"
        "open this file; 'sqlcipher --version' shows the version):\n"
        "  sqlcipher {db}\n"
        "  PRAGMA key = \"x'{hexkey}'\";\n"
        "  PRAGMA cipher_compatibility = 4;\n"
        "  SELECT count(*) FROM contacts;\n"
        "\n"
        "DB Browser for SQLite, the SQLCipher build (Windows: 'DB Browser for SQLCipher'):\n"
        "  File > Open Database Read Only > {db}\n"
        "  Password: choose 'Raw key' (not 'Passphrase') and enter: 0x{hexkey}\n"
        "  Encryption settings: 'SQLCipher 4 defaults'\n"
        "  (that is: PRAGMA cipher_page_size = 4096; PRAGMA kdf_iter = 256000;\n"
        "   PRAGMA cipher_hmac_algorithm = HMAC_SHA512;\n"
        "   PRAGMA cipher_kdf_algorithm = PBKDF2_HMAC_SHA512)\n"
        "\n"
        "Whoever has this key can read everything in the vault: do not store or e-mail it.",
    ),
    "print_raw_data_key": (
        "toon de ruwe gegevenssleutel en hoe u de kluis opent met de sqlcipher-shell of "
        "DB Browser for SQLite (beheerder)",
        "print the raw data key and how to open the vault with the sqlcipher shell or "
        "DB Browser for SQLite (administrator)",
    ),
    "list_accounts": ("accounts tonen", "list accounts"),
    "replace_data_key_administrator": (
        "gegevenssleutel vervangen (beheerder)",
        "replace the data key (administrator)",
    ),
    "make_new_recovery_key": (
        "nieuwe herstelsleutel maken (beheerder)",
        "make a new recovery key (administrator)",
    ),
    "contacts_exported": (
        "{count} contacten geëxporteerd naar {out}",
        "{count} contacts exported to {out}",
    ),
    "report_written": ("Rapport: {target}", "Report: {target}"),
    "pair_dismissed": (
        "Het paar staat niet meer op de lijst met mogelijke dubbelen.",
        "The pair is off the list of possible duplicates.",
    ),
    "no_possible_duplicates": ("Geen mogelijke dubbelen.", "No possible duplicates."),
    "import_legacy_lists_xlsx": (
        "oude lijsten importeren (xlsx, xls, xlsb, ods, csv, vcf)",
        "import legacy lists (xlsx, xls, xlsb, ods, csv, vcf)",
    ),
    "report_only_write_nothing": (
        "alleen het rapport, niets opslaan",
        "report only, write nothing",
    ),
    "json_mapping_file_overriding": (
        "JSON-koppelingsbestand dat de automatische koppeling overschrijft",
        "JSON mapping file overriding the automatic mapping",
    ),
    "write_report_as_json": ("schrijf het rapport als JSON", "write the report as JSON"),
    "force_text_encoding": (
        "tekenset van CSV/TXT-bestanden, bijv. cp850 voor een DOS-kassa (anders herkend)",
        "code page of CSV/TXT files, e.g. cp850 for a DOS till (else detected)",
    ),
    "unknown_encoding": ("onbekende tekenset '{name}'", "unknown code page '{name}'"),
    "export_all_contacts_administrator": (
        "alle contacten exporteren (beheerder)",
        "export all contacts (administrator)",
    ),
    "review_dismiss_possible_duplicates": (
        "mogelijke dubbelen bekijken of afvinken",
        "review or dismiss possible duplicates",
    ),
    "mark_pair_as_two": (
        "een paar afvinken als twee verschillende personen",
        "mark a pair as two different people",
    ),
    "show_open_pairs_named": (
        "open paren tonen (id, id, score, reden, naam, naam, uitleg)",
        "show open pairs (id, id, score, reason, name, name, explanation)",
    ),
    "show_open_pairs_id": (
        "open paren tonen (id, id, score, reden)",
        "show open pairs (id, id, score, reason)",
    ),
    "e_mail_address_phone": (
        "e-mailadres, telefoonnummer of #nummer",
        "e-mail address, phone or #id",
    ),
    "request_registered": (
        "Verzoek {rid} geregistreerd; uiterste datum {deadline}.",
        "Request {rid} registered; deadline {deadline}.",
    ),
    "overdue": ("TE LAAT", "OVERDUE"),
    "due_soon": ("binnenkort", "due soon"),
    "request_count": ("{n_rows} verzoek(en).", "{n_rows} request(s)."),
    "request_extended": (
        "Verzoek {id} verlengd tot {deadline}. Laat de persoon de reden weten.",
        "Request {id} extended to {deadline}. Tell the person the reason.",
    ),
    "request_status": ("Verzoek {id}: {status}.", "Request {id}: {status}."),
    "access_written": (
        "Inzage-export van {n_contact_ids} record(s) geschreven.",
        "Access export of {n_contact_ids} record(s) written.",
    ),
    "records_erased": (
        "{n_erased} record(s) gewist; {hashes} adres(sen) op de afmeldlijst.",
        "{n_erased} record(s) erased; {hashes} address(es) suppressed.",
    ),
    "objection_recorded": (
        "Bezwaar tegen {to} {verb} voor {count} record(s).",
        "Objection to {to} {verb} for {count} record(s).",
    ),
    "consent_recorded": (
        "Toestemming {status} voor '{purpose}' vastgelegd bij {count} record(s).",
        "Consent {status} for '{purpose}' recorded on {count} record(s).",
    ),
    "addresses_written": (
        "{count} adres(sen) geschreven naar {out}.",
        "{count} address(es) written to {out}.",
    ),
    "left_out_header": (
        "Niet opgenomen: {left} van {considered} record(s), per reden:",
        "Left out: {left} of {considered} record(s), by reason:",
    ),
    "reconfirm_hint": (
        "{n} toestemming(en) uit oude lijsten moeten eerst opnieuw worden bevestigd. Maak de "
        "lijst voor een herbevestigingsmail met --reconfirm, verstuur die via de mailingdienst "
        "en lees daarna wie bevestigde in met 'mailing-return {purpose} BESTAND --kind "
        "bevestigd --service DIENST'. Alleen als de oude toestemming aantoonbaar is: "
        "--allow-reconfirm neemt ze nu al mee.",
        "{n} consent(s) from old lists must be reconfirmed first. Make the list for a "
        "reconfirmation mail with --reconfirm, send it through the mail service, then read "
        "in who confirmed with 'mailing-return {purpose} FILE --kind bevestigd --service "
        "SERVICE'. Only if the old consent can be demonstrated: --allow-reconfirm includes "
        "them now.",
    ),
    "mailing_preset": (
        "kolomindeling voor de mailingdienst",
        "column layout for the mail service",
    ),
    "mailing_consent_columns": (
        "ook kolommen met datum en bron van de toestemming",
        "also columns with the consent's date and source",
    ),
    "mailing_reconfirm": (
        "alleen wie toestemming uit een oude lijst opnieuw moet bevestigen",
        "only people whose legacy consent must be reconfirmed",
    ),
    "mailing_return": (
        "afmeldingen, onbestelbare adressen of herbevestigingen van de mailingdienst inlezen",
        "read unsubscribes, bounced addresses or reconfirmations from the mail service",
    ),
    "mailing_return_kind": (
        "wat het bestand is: afgemeld, onbestelbaar (cleaned) of bevestigd",
        "what the file is: afgemeld (unsubscribed), onbestelbaar (cleaned), bevestigd",
    ),
    "mailing_return_service": ("de mailingdienst", "the mail service"),
    "mailing_return_done": (
        "{rows} regel(s) gelezen uit {file}; {changed} record(s) bijgewerkt.",
        "{rows} row(s) read from {file}; {changed} record(s) updated.",
    ),
    "processing_register_written": (
        "Verwerkingsregister geschreven: {path}",
        "Processing register written: {path}",
    ),
    "register_contacts_saved": (
        "Contactgegevens voor het verwerkingsregister opgeslagen.",
        "Contact details for the processing register saved.",
    ),
    "register_controller_contact": (
        "adres, e-mail en telefoon van de instelling (art. 30 lid 1 sub a AVG; beheerder)",
        "the institution's address, e-mail and phone (GDPR Art. 30(1)(a); beheerder)",
    ),
    "register_dpo_contact": (
        "naam en contact van de functionaris gegevensbescherming (FG); leeg: geen FG",
        "name and contact of the data protection officer (DPO); empty: none",
    ),
    "register_nothing_to_do": (
        "Geef --out, --controller-contact of --dpo-contact.",
        "Give --out, --controller-contact or --dpo-contact.",
    ),
    "restriction_lifted": (
        "Beperking opgeheven voor {count} record(s).",
        "Restriction lifted for {count} record(s).",
    ),
    "records_restricted": (
        "{count} record(s) beperkt (AVG art. 18).",
        "{count} record(s) restricted (GDPR art. 18).",
    ),
    "records_expired": (
        "{n_found} verlopen record(s). Handel af met --apply anonymise|delete.",
        "{n_found} expired record(s). Act with --apply anonymise|delete.",
    ),
    "records_would_be": (
        "Proefdraai: {count} record(s) zouden worden {verb}.",
        "Dry run: {count} record(s) would be {verb}.",
    ),
    "records_done": ("{count} record(s) {verb}.", "{count} record(s) {verb}."),
    "not_expired_skipped": (
        "Niet verlopen, overgeslagen: {n_skipped}.",
        "Not expired, skipped: {n_skipped}.",
    ),
    "data_subject_requests": ("verzoeken van betrokkenen", "data subject requests"),
    "register_request": ("verzoek registreren", "register a request"),
    "date_receipt_default_today": (
        "ontvangstdatum (standaard vandaag)",
        "date of receipt (default today)",
    ),
    "list_requests": ("verzoeken tonen", "list requests"),
    "open_only": ("alleen open", "open only"),
    "overdue_due_soon_only": ("alleen te laat of binnenkort", "overdue or due soon only"),
    "extend_by_two_months": ("termijn met twee maanden verlengen", "extend by two months"),
    "close_request": ("verzoek afsluiten", "close a request"),
    "refuse_reason": ("afwijzen met reden", "refuse with a reason"),
    "access_export": ("inzage-export (art. 15/20)", "access export"),
    "target_folder": ("doelmap", "target folder"),
    "erase_contact_good_administrator": (
        "contact definitief wissen (art. 17, beheerder)",
        "erase a contact for good (administrator)",
    ),
    "related_request": ("bijbehorend verzoek", "related request"),
    "restrict_processing": ("verwerking beperken (art. 18)", "restrict processing"),
    "record_objection": ("bezwaar vastleggen (art. 21)", "record an objection"),
    "show_act_expired_records": (
        "verlopen records tonen of afhandelen",
        "show or act on expired records",
    ),
    "only_this_record_repeatable": (
        "alleen dit record (herhaalbaar)",
        "only this record (repeatable)",
    ),
    "mailing_list": ("mailinglijst voor een doel", "mailing list"),
    "include_legacy_consent": ("ook toestemming uit oude lijsten", "include legacy consent"),
    "record_processing": ("verwerkingsregister (art. 30)", "record of processing"),
    "record_consent": ("toestemming vastleggen", "record consent"),
    "breakdowns_one_two_separated": (
        "Indelingen (één, of twee gescheiden door een komma):\n"
        "  relation          relatie (vriend, donateur, ...)\n"
        "  pc2 / pc4         postcodegebied, 2 of 4 cijfers\n"
        "  city              woonplaats\n"
        "  age               leeftijd in klassen van 10 jaar\n"
        "  consent:DOEL      toestemming voor een doel, bijv. consent:nieuwsbrief\n"
        "  source            bronlijst (het bestand waar de persoon uit komt)\n"
        "  since             relatie sinds (jaar)\n"
        "  retention         bewaartermijn (binnen termijn / verloopt binnenkort / "
        "verlopen)\n"
        "  segment           segment uit het Culturele Doelgroepenmodel\n"
        "Zonder --by: de standaardset tabellen (alleen .xlsx).\n"
        "Aantallen van 1 tot en met k-1 worden afgeschermd en als 'x' getoond (k stelt de\n"
        "beheerder in, standaard 10); met --round 5 wordt alles afgerond op een veelvoud van 5.",
        "Breakdowns (one, or two separated by a comma):\n"
        "  relation          relation (vriend, donateur, ...)\n"
        "  pc2 / pc4         postcode area, 2 or 4 digits\n"
        "  city              city\n"
        "  age               age in 10-year bands\n"
        "  consent:PURPOSE   consent for a purpose, e.g. consent:nieuwsbrief\n"
        "  source            source list (the file the person came from)\n"
        "  since             relation since (year)\n"
        "  retention         retention (within period / ends soon / expired)\n"
        "  segment           segment of the Dutch cultural audience model\n"
        "Without --by: the standard set of tables (.xlsx only).\n"
        "Counts from 1 to k-1 are suppressed and shown as 'x' (k is set by the administrator,\n"
        "default 10); with --round 5 every count is rounded to a multiple of 5.",
    ),
    "rounded": ("afgerond op {round}", "rounded to {round}"),
    "suppressed_below": (
        "afgeschermd onder {k}, getoond als '{mark}'",
        "suppressed below {k}, shown as '{mark}'",
    ),
    "threshold_now": (
        "Drempel k voor tellingen: {k} (aantallen 1 tot en met {k_1} worden afgeschermd).",
        "Threshold k for counts: {k} (counts from 1 to {k_1} are suppressed).",
    ),
    "threshold_help": (
        "drempel k voor tellingen tonen of instellen (instellen: beheerder)",
        "show or set the threshold k for counts (setting it: administrator)",
    ),
    "threshold_new": (
        "nieuwe drempel ({K_MIN}-{K_MAX}); zonder: toon de huidige",
        "new threshold ({K_MIN}-{K_MAX}); without: show the current one",
    ),
    "freeze_help": (
        "peiljaren van tellingen bevriezen of ontdooien (beheerder); zonder jaar: toon ze",
        "freeze or thaw reporting periods of counts (administrator); without a year: list them",
    ),
    "freeze_year": (
        "het peiljaar (jaar van de peildatum)",
        "the reporting period (year of the reference date)",
    ),
    "freeze_thaw": ("ontdooien in plaats van bevriezen", "thaw instead of freeze"),
    "frozen_now": (
        "Bevroren peiljaren: {periods}. Exports daarin geven de eerder gepubliceerde cijfers.",
        "Frozen reporting periods: {periods}. Exports in them give the figures published before.",
    ),
    "stats_written": (
        "Geschreven: {out} ({n_tables} tabel(len), {method}, populatie: {population}).",
        "Written: {out} ({n_tables} table(s), {method}, population: {population}).",
    ),
    "segments_written": (
        "Geschreven: {out} met {exported} adressen (elk eenmaal, in willekeurige volgorde, "
        "zonder namen) voor {contacts} contacten. {without_address} zonder bruikbaar adres, "
        "{excluded} uitgesloten (bezwaar tegen profilering, beperkt of geanonimiseerd).",
        "Written: {out} with {exported} addresses (each once, in random order, no names) "
        "for {contacts} contacts. {without_address} without a usable address, {excluded} "
        "excluded (objection to profiling, restricted or anonymised).",
    ),
    "segments_passphrase": (
        "Het bestand is versleuteld. Wachtwoordzin (wordt maar één keer getoond en nergens "
        "bewaard; geef hem de verwerker via een ander kanaal dan het bestand):\n  {passphrase}\n"
        "Het bestand blijft persoonsgegevens (gepseudonimiseerd): deel het alleen met een "
        "verwerker met wie een verwerkersovereenkomst (AVG art. 28) is gesloten.",
        "The file is encrypted. Passphrase (shown only once and stored nowhere; give it to "
        "the processor through another channel than the file):\n  {passphrase}\n"
        "The file is still personal data (pseudonymised): share it only with a processor "
        "under a processing agreement (GDPR art. 28).",
    ),
    "segments_passphrase_stdin": (
        "het teruggekomen bestand is versleuteld: lees de wachtwoordzin van stdin (met "
        "--password-stdin: de regel na het wachtwoord)",
        "the returned file is encrypted: read its passphrase from stdin (with "
        "--password-stdin: the line after the password)",
    ),
    "segments_read": (
        "{rows} rijen met een segment: {matched} gekoppeld, {unmatched} niet gekoppeld. "
        "{updated} contacten bijgewerkt, {skipped_objecting} overgeslagen (bezwaar tegen "
        "profilering, beperkt of geanonimiseerd).",
        "{rows} rows with a segment: {matched} matched, {unmatched} unmatched. {updated} "
        "contacts updated, {skipped_objecting} skipped (objection to profiling, restricted "
        "or anonymised).",
    ),
    "unmatched_rows": ("Niet gekoppelde rijen: {rows}", "Unmatched rows: {rows}"),
    "choose_k": ("kies {K_MIN} tot en met {K_MAX}", "choose {K_MIN} to {K_MAX}"),
    "export_anonymised_counts": (
        "geanonimiseerde tellingen exporteren",
        "export anonymised counts",
    ),
    "breakdown_s_see_above": (
        "indeling(en), zie hierboven; zonder --by de standaardset",
        "breakdown(s), see above; without --by the standard set",
    ),
    "k_help": (
        "drempel k ({K_MIN}-{K_MAX}; standaard die van de instelling, {K_DEFAULT} tenzij de"
        " beheerder anders koos; lager dan die van de instelling kan niet): aantallen 1..k-1"
        " worden afgeschermd",
        "threshold k ({K_MIN}-{K_MAX}; default the institution's, {K_DEFAULT} unless the"
        " administrator chose otherwise; lower than the institution's is refused): counts"
        " 1..k-1 are suppressed",
    ),
    "round_every_count_this": (
        "rond alle aantallen af op dit veelvoud",
        "round every count to this multiple",
    ),
    "exchange_audience_segments_culturele": (
        "doelgroepsegmenten (Culturele Doelgroepenmodel) uitwisselen (beheerder)",
        "exchange audience segments (Culturele Doelgroepenmodel) (administrator)",
    ),
    "write_key_postcode_house": (
        "schrijf sleutel, postcode en huisnummer (geen namen, elk adres eenmaal) voor "
        "segmentatie, versleuteld met een eenmalig getoonde wachtwoordzin",
        "write key, postcode and house number (no names, each address once) for "
        "segmentation, encrypted with a passphrase shown once",
    ),
    "read_returned_file": ("lees het teruggekomen bestand", "read the returned file"),
    "segments_heading": ("Segmenten: ", "Segments: "),
    "not_whole_number": ("geen geheel getal", "not a whole number"),
    "who_counted_all_contacts": (
        "wie er geteld wordt: alle contacten of één relatiesoort",
        "who is counted: all contacts or one relation kind",
    ),
}

# The command line's texts in the language chosen at start-up.
say = speaker(TEXTS, "cli.")
