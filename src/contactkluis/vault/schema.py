"""The vault's tables, versioned: each migration moves the schema one version up.

`contacts` carries a cache of derived state (retention status and date, consent flags) so
that a 100,000-row table can sort and filter on it in SQL; services refresh it whenever
a contact changes and once a day.
"""

from __future__ import annotations

from contactkluis.vault import schema_v12, schema_v13, schema_v14, stats_schema

MIGRATIONS: list[str] = [
    # version 1
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

    CREATE TABLE accounts (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        role TEXT NOT NULL CHECK (role IN ('beheerder', 'medewerker')),
        created_at TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1
    );

    CREATE TABLE contacts (
        id INTEGER PRIMARY KEY,
        first_name TEXT, initials TEXT, infix TEXT, last_name TEXT,
        sort_name TEXT NOT NULL DEFAULT '',
        street TEXT, house_number TEXT, postcode TEXT, city TEXT, country TEXT,
        birth_date TEXT, birth_year INTEGER,
        notes TEXT NOT NULL DEFAULT '',
        special_category INTEGER NOT NULL DEFAULT 0,
        special_note TEXT NOT NULL DEFAULT '',
        special_codes TEXT NOT NULL DEFAULT '',
        restricted INTEGER NOT NULL DEFAULT 0,
        objects_marketing INTEGER NOT NULL DEFAULT 0,
        objects_profiling INTEGER NOT NULL DEFAULT 0,
        anonymised INTEGER NOT NULL DEFAULT 0,
        segment TEXT, segment_date TEXT, segment_source TEXT,
        retention_status TEXT NOT NULL DEFAULT 'ok',
        retention_until TEXT,
        retention_json TEXT NOT NULL DEFAULT '[]',
        consent_json TEXT NOT NULL DEFAULT '{}',
        relation_kinds TEXT NOT NULL DEFAULT '',
        source_files TEXT NOT NULL DEFAULT '',
        state_date TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX contacts_sort ON contacts (sort_name);
    CREATE INDEX contacts_postcode ON contacts (postcode);
    CREATE INDEX contacts_city ON contacts (city);
    CREATE INDEX contacts_retention ON contacts (retention_status, retention_until);

    CREATE TABLE emails (
        id INTEGER PRIMARY KEY,
        contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        email TEXT NOT NULL
    );
    CREATE INDEX emails_email ON emails (email);
    CREATE INDEX emails_contact ON emails (contact_id);

    CREATE TABLE phones (
        id INTEGER PRIMARY KEY,
        contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        e164 TEXT NOT NULL
    );
    CREATE INDEX phones_e164 ON phones (e164);
    CREATE INDEX phones_contact ON phones (contact_id);

    CREATE TABLE consent_events (
        id INTEGER PRIMARY KEY,
        contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        purpose TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('given', 'withdrawn')),
        on_date TEXT NOT NULL,
        source TEXT NOT NULL DEFAULT '',
        evidence TEXT NOT NULL DEFAULT '',
        reconfirm INTEGER NOT NULL DEFAULT 0,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT
    );
    CREATE INDEX consent_contact ON consent_events (contact_id, purpose);

    CREATE TABLE relations (
        id INTEGER PRIMARY KEY,
        contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        start_date TEXT, end_date TEXT, last_activity TEXT,
        source TEXT NOT NULL DEFAULT '',
        paid INTEGER NOT NULL DEFAULT 0,
        opt_out_offered INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX relations_contact ON relations (contact_id);

    CREATE TABLE provenance (
        id INTEGER PRIMARY KEY,
        contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        file TEXT NOT NULL, sheet TEXT, row INTEGER, field TEXT, original TEXT
    );
    CREATE INDEX provenance_contact ON provenance (contact_id);

    CREATE TABLE suppression (
        hash TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        added_at TEXT NOT NULL
    );

    CREATE TABLE requests (
        id INTEGER PRIMARY KEY,
        contact_id INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
        kind TEXT NOT NULL,
        received TEXT NOT NULL,
        identity_checked INTEGER NOT NULL DEFAULT 0,
        deadline TEXT NOT NULL,
        extended INTEGER NOT NULL DEFAULT 0,
        extension_reason TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'open',
        closed_at TEXT,
        note TEXT NOT NULL DEFAULT '',
        created_by TEXT
    );

    CREATE TABLE duplicate_candidates (
        id INTEGER PRIMARY KEY,
        a INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        b INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        score REAL NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'open',
        UNIQUE (a, b)
    );

    CREATE TABLE import_batches (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,
        account TEXT,
        report_json TEXT NOT NULL
    );

    CREATE TABLE mappings (name TEXT PRIMARY KEY, json TEXT NOT NULL);

    CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        ts TEXT NOT NULL,
        account TEXT,
        action TEXT NOT NULL,
        target TEXT,
        detail TEXT NOT NULL DEFAULT '{}',
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
    );
    CREATE INDEX audit_target ON audit (target);
    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;

    CREATE VIRTUAL TABLE contacts_fts USING fts5 (
        body, tokenize='unicode61 remove_diacritics 2', prefix='1 2 3'
    );
    INSERT INTO contacts_fts (contacts_fts, rank) VALUES ('secure-delete', 1);
    """,
    # version 2: pseudonymous row keys of the last segmentation export (key -> contact),
    # so the returned segments find their person without names leaving the vault.
    """
    CREATE TABLE segment_keys (
        row_key TEXT PRIMARY KEY,
        contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        created_at TEXT NOT NULL
    );
    CREATE INDEX segment_keys_contact ON segment_keys (contact_id);
    """,
    # version 3: every column of the contacts table sorts along an index and every filter
    # finds its ids in an index. The e-mail and phone shown in the table (a contact's first)
    # and the cached consent flags (one row per purpose) are kept by triggers, so every path
    # that writes them (import, edit, merge, erasure, state refresh) keeps the copies right.
    """
    ALTER TABLE contacts ADD COLUMN email_key TEXT NOT NULL DEFAULT '';
    ALTER TABLE contacts ADD COLUMN phone_key TEXT NOT NULL DEFAULT '';
    UPDATE contacts SET
        email_key = coalesce((SELECT lower(e.email) FROM emails e
                              WHERE e.contact_id = contacts.id ORDER BY e.id LIMIT 1), ''),
        phone_key = coalesce((SELECT p.e164 FROM phones p
                              WHERE p.contact_id = contacts.id ORDER BY p.id LIMIT 1), '');
    CREATE INDEX contacts_email_key ON contacts (email_key);
    CREATE INDEX contacts_phone_key ON contacts (phone_key);
    CREATE INDEX contacts_relation_kinds ON contacts (relation_kinds);
    CREATE INDEX contacts_source_files ON contacts (source_files);
    CREATE INDEX contacts_updated ON contacts (updated_at);
    CREATE INDEX contacts_created ON contacts (created_at);
    CREATE INDEX provenance_file ON provenance (file, contact_id);
    CREATE INDEX relations_kind ON relations (kind, contact_id);
    CREATE INDEX contacts_special ON contacts (special_category);
    CREATE INDEX contacts_restricted ON contacts (restricted);
    CREATE TABLE consent_flags (
        contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        purpose TEXT NOT NULL,
        flag TEXT NOT NULL,
        PRIMARY KEY (contact_id, purpose)
    ) WITHOUT ROWID;
    CREATE INDEX consent_flags_purpose ON consent_flags (purpose, flag, contact_id);
    INSERT INTO consent_flags (contact_id, purpose, flag)
        SELECT c.id, j.key, j.value FROM contacts c, json_each(c.consent_json) j;
    CREATE TRIGGER consent_flags_insert AFTER INSERT ON contacts BEGIN
        INSERT INTO consent_flags (contact_id, purpose, flag)
            SELECT NEW.id, j.key, j.value FROM json_each(NEW.consent_json) j;
    END;
    CREATE TRIGGER consent_flags_update AFTER UPDATE OF consent_json ON contacts BEGIN
        DELETE FROM consent_flags WHERE contact_id = NEW.id;
        INSERT INTO consent_flags (contact_id, purpose, flag)
            SELECT NEW.id, j.key, j.value FROM json_each(NEW.consent_json) j;
    END;
    CREATE TRIGGER emails_key_insert AFTER INSERT ON emails BEGIN
        UPDATE contacts SET email_key = lower(NEW.email)
        WHERE id = NEW.contact_id AND email_key = '';
    END;
    CREATE TRIGGER emails_key_delete AFTER DELETE ON emails BEGIN
        UPDATE contacts SET email_key = coalesce((SELECT lower(e.email) FROM emails e
            WHERE e.contact_id = OLD.contact_id ORDER BY e.id LIMIT 1), '')
        WHERE id = OLD.contact_id;
    END;
    CREATE TRIGGER emails_key_update AFTER UPDATE ON emails BEGIN
        UPDATE contacts SET email_key = coalesce((SELECT lower(e.email) FROM emails e
            WHERE e.contact_id = contacts.id ORDER BY e.id LIMIT 1), '')
        WHERE id IN (OLD.contact_id, NEW.contact_id);
    END;
    CREATE TRIGGER phones_key_insert AFTER INSERT ON phones BEGIN
        UPDATE contacts SET phone_key = NEW.e164 WHERE id = NEW.contact_id AND phone_key = '';
    END;
    CREATE TRIGGER phones_key_delete AFTER DELETE ON phones BEGIN
        UPDATE contacts SET phone_key = coalesce((SELECT p.e164 FROM phones p
            WHERE p.contact_id = OLD.contact_id ORDER BY p.id LIMIT 1), '')
        WHERE id = OLD.contact_id;
    END;
    CREATE TRIGGER phones_key_update AFTER UPDATE ON phones BEGIN
        UPDATE contacts SET phone_key = coalesce((SELECT p.e164 FROM phones p
            WHERE p.contact_id = contacts.id ORDER BY p.id LIMIT 1), '')
        WHERE id IN (OLD.contact_id, NEW.contact_id);
    END;
    """,
    # version 4: audit entries signed by the audit key of the slot that made them (roster.py).
    """
    ALTER TABLE audit ADD COLUMN signer TEXT;
    ALTER TABLE audit ADD COLUMN signature TEXT;
    """,
    # version 5: what a legacy list says beyond a person's contact data (issue 11): the
    # organisation they came with, that they died (never mailed), and a consent dated only by
    # the list it was on ("no later than"), which must never outrank a dated withdrawal.
    """
    ALTER TABLE contacts ADD COLUMN organisation TEXT;
    ALTER TABLE contacts ADD COLUMN deceased INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE consent_events ADD COLUMN undated INTEGER NOT NULL DEFAULT 0;
    """,
    # version 6 (issue 17): the search index keeps no copy of the text it indexes (a seventh
    # of a 100k vault). Contentless, so a removal names the text it removes: the contact's
    # stored row, read before it changes (ContactRepository.unindex); FTS5's secure-delete
    # then takes every token of it out of the pages. No per-row sizes: nothing ranks by bm25.
    """
    CREATE VIRTUAL TABLE contacts_fts_v6 USING fts5 (
        body, tokenize='unicode61 remove_diacritics 2', prefix='1 2 3',
        content='', columnsize=0
    );
    INSERT INTO contacts_fts_v6 (contacts_fts_v6, rank) VALUES ('secure-delete', 1);
    INSERT INTO contacts_fts_v6 (rowid, body) SELECT rowid, body FROM contacts_fts;
    DROP TABLE contacts_fts;
    ALTER TABLE contacts_fts_v6 RENAME TO contacts_fts;
    """,
    # version 7 (issue 17): what the anonymised counts group by, one narrow row per counted
    # (unrestricted) contact, so the standard tables are GROUP BYs over small covering
    # indexes instead of a pass over every contact row. Raw values, not dimension values:
    # the reference date and the import reports decide those when counting. relations and
    # since carry each relation's end date (after char(31)) so "running on the reference
    # date" is decided then too. Changes and deletions are applied by triggers at once (an
    # erased person's row goes with them); a new contact is only marked in stats_dirty and
    # its row written when counting next (stats_repo.refresh), so a bulk import pays one
    # small insert per person instead of index upkeep for every relation and source row.
    # A marked contact has no row until then, so none can hold an outdated value.
    """
    CREATE TABLE stats_people (
        contact_id INTEGER PRIMARY KEY,
        pc TEXT, city TEXT, birth_year INTEGER, consent TEXT, retention TEXT, segment TEXT,
        relations TEXT, since TEXT, sources TEXT
    );
    CREATE TABLE stats_dirty (contact_id INTEGER PRIMARY KEY);
    CREATE VIEW stats_source AS
    SELECT c.id AS contact_id,
           substr(ltrim(c.postcode), 1, 4) AS pc,
           c.city AS city,
           coalesce(c.birth_year, CAST(substr(c.birth_date, 1, 4) AS INTEGER)) AS birth_year,
           c.consent_json AS consent,
           c.retention_status AS retention,
           CASE WHEN c.objects_profiling THEN NULL ELSE c.segment END AS segment,
           (SELECT group_concat(k, char(30) ORDER BY k) FROM (SELECT DISTINCT
                r.kind || coalesce(char(31) || r.end_date, '') AS k
                FROM relations r WHERE r.contact_id = c.id)) AS relations,
           (SELECT group_concat(k, char(30) ORDER BY k) FROM (SELECT DISTINCT
                coalesce(substr(r.start_date, 1, 4), '') || coalesce(char(31) || r.end_date, '')
                AS k FROM relations r WHERE r.contact_id = c.id)) AS since,
           (SELECT group_concat(k, char(30) ORDER BY k) FROM (SELECT DISTINCT
                p.file || char(31) || coalesce(p.sheet, '') AS k
                FROM provenance p WHERE p.contact_id = c.id)) AS sources
      FROM contacts c
     WHERE c.restricted = 0;
    INSERT INTO stats_people SELECT * FROM stats_source;
    CREATE INDEX stats_people_relation_age ON stats_people (relations, birth_year);
    CREATE INDEX stats_people_relation_pc2 ON stats_people (relations,
        CASE WHEN pc GLOB '[0-9][0-9][0-9][0-9]' THEN substr(pc, 1, 2) ELSE '~' || pc END);
    CREATE INDEX stats_people_state ON stats_people (consent, retention, segment);
    CREATE INDEX stats_people_city ON stats_people (city);
    CREATE INDEX stats_people_sources ON stats_people (sources);
    CREATE INDEX stats_people_since ON stats_people (since);
    CREATE TRIGGER stats_people_contact_insert AFTER INSERT ON contacts BEGIN
        INSERT OR IGNORE INTO stats_dirty (contact_id) VALUES (NEW.id);
    END;
    CREATE TRIGGER stats_people_contact_update AFTER UPDATE OF restricted, postcode, city,
        birth_year, birth_date, consent_json, retention_status, segment, objects_profiling
        ON contacts
        WHEN (OLD.restricted, OLD.postcode, OLD.city, OLD.birth_year, OLD.birth_date,
              OLD.consent_json, OLD.retention_status, OLD.segment, OLD.objects_profiling)
          IS NOT (NEW.restricted, NEW.postcode, NEW.city, NEW.birth_year, NEW.birth_date,
              NEW.consent_json, NEW.retention_status, NEW.segment, NEW.objects_profiling)
          AND NOT EXISTS (SELECT 1 FROM stats_dirty WHERE contact_id = NEW.id)
    BEGIN
        DELETE FROM stats_people WHERE contact_id = OLD.id;
        INSERT INTO stats_people SELECT * FROM stats_source WHERE contact_id = NEW.id;
    END;
    CREATE TRIGGER stats_people_contact_delete AFTER DELETE ON contacts BEGIN
        DELETE FROM stats_people WHERE contact_id = OLD.id;
        DELETE FROM stats_dirty WHERE contact_id = OLD.id;
    END;
    CREATE TRIGGER stats_people_relation_insert AFTER INSERT ON relations BEGIN
        UPDATE stats_people SET (relations, since) = (SELECT v.relations, v.since
            FROM stats_source v WHERE v.contact_id = NEW.contact_id)
        WHERE contact_id = NEW.contact_id;
    END;
    CREATE TRIGGER stats_people_relation_update AFTER UPDATE ON relations BEGIN
        UPDATE stats_people SET (relations, since) = (SELECT v.relations, v.since
            FROM stats_source v WHERE v.contact_id = stats_people.contact_id)
        WHERE contact_id IN (OLD.contact_id, NEW.contact_id);
    END;
    CREATE TRIGGER stats_people_relation_delete AFTER DELETE ON relations BEGIN
        UPDATE stats_people SET (relations, since) = (SELECT v.relations, v.since
            FROM stats_source v WHERE v.contact_id = OLD.contact_id)
        WHERE contact_id = OLD.contact_id;
    END;
    CREATE TRIGGER stats_people_provenance_insert AFTER INSERT ON provenance BEGIN
        UPDATE stats_people SET sources = (SELECT v.sources
            FROM stats_source v WHERE v.contact_id = NEW.contact_id)
        WHERE contact_id = NEW.contact_id;
    END;
    CREATE TRIGGER stats_people_provenance_update AFTER UPDATE ON provenance BEGIN
        UPDATE stats_people SET sources = (SELECT v.sources
            FROM stats_source v WHERE v.contact_id = stats_people.contact_id)
        WHERE contact_id IN (OLD.contact_id, NEW.contact_id);
    END;
    CREATE TRIGGER stats_people_provenance_delete AFTER DELETE ON provenance BEGIN
        UPDATE stats_people SET sources = (SELECT v.sources
            FROM stats_source v WHERE v.contact_id = OLD.contact_id)
        WHERE contact_id = OLD.contact_id;
    END;
    """,
    # version 8 (issue 17, size; measured on a 100k vault with bench_vault.py's dbstat).
    # The cached retention reasons go (their Dutch and English texts were 28 MB at 100k);
    # the few places that show reasons derive them for the contacts at hand
    # (services.states.reasons). The column stays, always '[]', so every SQL naming it runs.
    #
    # No index on created_at: no column of the table shows it, so nothing sorts or filters
    # on it where speed matters (the 'created' sort key still works, by a scan); 3.4 MB.
    # Consent events are only ever looked up by contact (a handful each), never by contact
    # and purpose: their index keeps the contact id alone (3.9 -> 1.2 MB).
    #
    # The search index keeps prefix indexes for 2 and 3 characters only (not 1): 4 MB less
    # at 100k; a one-character prefix then merges its terms' lists, measured in a 100k
    # vault: 4.6 -> 6.3 ms for 18,000 ids, 0.6 -> 2.5 ms to count them.
    # The index is contentless, so its text is read back from the index itself: every
    # token in its place (fts5vocab 'instance'), joined by spaces in position order. The
    # tokens are already folded (lower case, no diacritics), so the tokenizer gives back the
    # very same tokens at the same positions, and a later removal that names a contact's
    # stored text (ContactRepository.unindex) still finds every one of them.
    """
    UPDATE contacts SET retention_json = '[]' WHERE retention_json != '[]';
    DROP INDEX IF EXISTS contacts_created;
    DROP INDEX consent_contact;
    CREATE INDEX consent_contact ON consent_events (contact_id);
    CREATE VIRTUAL TABLE contacts_fts_v8 USING fts5 (
        body, tokenize='unicode61 remove_diacritics 2', prefix='2 3',
        content='', columnsize=0
    );
    INSERT INTO contacts_fts_v8 (contacts_fts_v8, rank) VALUES ('secure-delete', 1);
    CREATE VIRTUAL TABLE temp.contacts_fts_tokens USING fts5vocab (main, contacts_fts, instance);
    INSERT INTO contacts_fts_v8 (rowid, body)
        SELECT doc, group_concat(term, ' ' ORDER BY offset) FROM temp.contacts_fts_tokens
        GROUP BY doc;
    DROP TABLE temp.contacts_fts_tokens;
    DROP TABLE contacts_fts;
    ALTER TABLE contacts_fts_v8 RENAME TO contacts_fts;
    """,
    # version 9 (issue 17, size). The search index keeps which contacts hold a token, not
    # where in their text (detail=none): 14.2 -> 6.9 MiB at 100k. Without positions a prefix
    # index is cheap, so the one- and two-character ones come back (the first keystrokes,
    # which find the most people): measured on the 100k index, 'd' 9.5 -> 2.6 ms, 'de'
    # 9.1 -> 1.9 ms, for 1.9 MiB. Without positions FTS5 refuses phrases, so
    # vault.listing.fts_query sends each word on its own.
    # Rebuilt from its own tokens as in version 8; removals keep naming the stored text.
    #
    # The cached consent flags are kept once, keyed the way they are asked for (purpose and
    # flag, then contact), instead of a table plus an index holding the same three values
    # (6.6 -> 3.3 MiB). Nothing looks them up by contact alone: a change or a deletion of a
    # contact removes exactly the pairs its old consent_json gave them (the only way rows get
    # in), so no foreign key (whose cascade would scan without an index) is needed.
    """
    CREATE VIRTUAL TABLE contacts_fts_v9 USING fts5 (
        body, tokenize='unicode61 remove_diacritics 2', prefix='1 2',
        content='', columnsize=0, detail=none
    );
    INSERT INTO contacts_fts_v9 (contacts_fts_v9, rank) VALUES ('secure-delete', 1);
    CREATE VIRTUAL TABLE temp.contacts_fts_tokens USING fts5vocab (main, contacts_fts, instance);
    INSERT INTO contacts_fts_v9 (rowid, body)
        SELECT doc, group_concat(term, ' ' ORDER BY offset) FROM temp.contacts_fts_tokens
        GROUP BY doc;
    DROP TABLE temp.contacts_fts_tokens;
    DROP TABLE contacts_fts;
    ALTER TABLE contacts_fts_v9 RENAME TO contacts_fts;
    DROP TRIGGER consent_flags_insert;
    DROP TRIGGER consent_flags_update;
    CREATE TABLE consent_flags_v9 (
        purpose TEXT NOT NULL,
        flag TEXT NOT NULL,
        contact_id INTEGER NOT NULL,
        PRIMARY KEY (purpose, flag, contact_id)
    ) WITHOUT ROWID;
    INSERT INTO consent_flags_v9 (purpose, flag, contact_id)
        SELECT purpose, flag, contact_id FROM consent_flags;
    DROP TABLE consent_flags;
    ALTER TABLE consent_flags_v9 RENAME TO consent_flags;
    CREATE TRIGGER consent_flags_insert AFTER INSERT ON contacts BEGIN
        INSERT INTO consent_flags (purpose, flag, contact_id)
            SELECT j.key, j.value, NEW.id FROM json_each(NEW.consent_json) j;
    END;
    CREATE TRIGGER consent_flags_update AFTER UPDATE OF consent_json ON contacts BEGIN
        DELETE FROM consent_flags WHERE (purpose, flag, contact_id) IN
            (SELECT j.key, j.value, OLD.id FROM json_each(OLD.consent_json) j);
        INSERT INTO consent_flags (purpose, flag, contact_id)
            SELECT j.key, j.value, NEW.id FROM json_each(NEW.consent_json) j;
    END;
    CREATE TRIGGER consent_flags_delete AFTER DELETE ON contacts BEGIN
        DELETE FROM consent_flags WHERE (purpose, flag, contact_id) IN
            (SELECT j.key, j.value, OLD.id FROM json_each(OLD.consent_json) j);
    END;
    """,
    # version 10 (issue 17, size): the statistics keep codes and counts instead of every
    # person's raw values under six indexes: see stats_schema.
    stats_schema.MIGRATION,
    # version 11 (issue 17, size): no index on the e-mail and phone values themselves
    # (6 MB at 100k, the same text the contacts table's sort keys index once more). A value is
    # only ever looked up when someone asks (an access request, a returned mailing file):
    # one pass over the table answers a single address in 7 ms at 100k, or a whole file's
    # addresses at once (ContactRepository.ids_by_emails) in 18 ms.
    """
    DROP INDEX emails_email;
    DROP INDEX phones_e164;
    """,
    # version 12 (issue 17, size): a contact's child rows kept together, keyed (contact,
    # seq); consent record moments as integers; the flag indexes partial: see schema_v12.
    schema_v12.MIGRATION,
    # version 13 (issue 17, size): the kind and file filters read the contacts table's own
    # indexes; created and updated moments as integers: see schema_v13.
    schema_v13.MIGRATION,
    # version 14 (issue 17, size): the texts the history rows repeat (purpose, kind, file,
    # sheet, source, evidence, recorder) kept once and named by number; the unread
    # contacts.state_date dropped: see schema_v14.
    schema_v14.MIGRATION,
]

# After these versions the file is compacted (VACUUM): the space they freed goes back.
COMPACT_AFTER = frozenset({6, 8, 9, 10, 11, 12, 13, 14})

SCHEMA_VERSION = len(MIGRATIONS)


def split_sql(script: str) -> list[str]:
    """Split a migration into statements; trigger bodies keep their inner semicolons."""
    statements: list[str] = []
    current: list[str] = []
    depth = 0
    for line in script.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        current.append(line)
        upper = stripped.upper()
        if upper.startswith("CREATE TRIGGER"):
            depth = 1
        if depth and upper.endswith("END;"):
            depth = 0
        if not depth and stripped.endswith(";"):
            statements.append("\n".join(current))
            current = []
    if current:
        statements.append("\n".join(current))
    return statements
